import * as fs from 'fs';
import * as path from 'path';
import { RuleCase, problemsOf } from './cases';
import { forEachStruct, k8sFieldNames } from '../../src/k8s-values';

/** Every accepted case of the catalogue (test/validation/*.cases.ts). */
function acceptedCases(): RuleCase[] {
  const out: RuleCase[] = [];
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.cases.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(__dirname, file));
    for (const value of Object.values(mod)) {
      if (Array.isArray(value)) {
        out.push(...(value as RuleCase[]).filter((c) => c.problems.length === 0 && !c.options));
      }
    }
  }
  return out;
}

describe('null, as the API server decodes it', () => {
  const cases = acceptedCases();

  test('the catalogue has accepted objects of every kind to vary', () => {
    const kinds = new Set(cases.map((c) => c.manifest.kind));
    expect([...kinds].sort()).toEqual(['ConfigMap', 'CronJob', 'DaemonSet', 'Deployment', 'Job', 'Pod', 'ReplicaSet', 'Service', 'StatefulSet']);
  });

  test('GIVEN every accepted object of the catalogue WHEN an absent field of any of its structs is written as null THEN it is still accepted (null is unset, then defaulted)', () => {
    let tried = 0;
    const failures: string[] = [];
    for (const c of cases) {
      // Every absent field of every struct of the object, one at a time (a deterministic sample of 12).
      const slots: Array<[string, any, string]> = [];
      forEachStruct(c.manifest.kind, c.manifest, (struct, node) => {
        for (const field of k8sFieldNames(struct) ?? []) {
          if (!(field in node)) {
            slots.push([struct, node, field]);
          }
        }
      });
      const step = Math.max(1, Math.floor(slots.length / 12));
      for (let i = 0; i < slots.length; i += step) {
        const [struct, node, field] = slots[i];
        node[field] = null;
        try {
          const problems = problemsOf(c.manifest);
          if (problems.length > 0) {
            failures.push(`${c.name}: ${struct}.${field}: null -> ${problems.join(' | ')}`);
          }
        } finally {
          delete node[field];
        }
        tried++;
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(1000);
  });
});
