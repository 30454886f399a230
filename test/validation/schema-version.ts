import * as fs from 'fs';
import * as path from 'path';
import { RuleCase, runCases } from './cases';

/** Whether the decode step's schema (src/k8s-schema.ts) is Kubernetes 1.32's. */
export const SCHEMA_IS_1_32 = /Kubernetes 1\.32/.test(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'k8s-schema.ts'), 'utf8').slice(0, 400));

/**
 * runCases for cases with fields newer than 1.28 (matchLabelKeys in pod affinity, appArmorProfile,
 * image volumes, ...): they need the 1.32 schema, so a schema of another version fails them all.
 */
export function runCases132(title: string, cases: RuleCase[]): void {
  if (!SCHEMA_IS_1_32) {
    throw new Error(`${title}: src/k8s-schema.ts is not the Kubernetes 1.32 schema; these cases use fields newer than 1.28.`);
  }
  runCases(title, cases);
}
