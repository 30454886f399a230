import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { inProcessProblems, kubectlProblems } from './k8s-validators';

/** A fresh chart in a fresh app. */
export function newChart(): Chart {
  return Testing.chart();
}

/**
 * Every manifest `synth()` produced in this test file; `kubectl.1.28` decodes them all in ONE
 * process after the file's last test (see the `afterAll` below).
 */
const synthesized: any[] = [];

/**
 * Synthesizes a chart (validation included) to its manifests, and checks that every manifest is
 * valid Kubernetes: the kubernetes-models schema and the 1.28 field walker right away (the test
 * fails here), the kubectl.1.28 decode batched at the end of the test file.
 */
export function synth(chart: Chart): any[] {
  const manifests = Testing.synth(chart);
  assertValidManifests(manifests);
  synthesized.push(...manifests);
  return manifests;
}

/** Fails when the kubernetes-models schema or the 1.28 field walker reject a manifest. */
export function assertValidManifests(manifests: any[]): void {
  const problems = inProcessProblems(manifests);
  if (problems.length > 0) {
    throw new Error(`synthesized an invalid manifest:\n  ${problems.join('\n  ')}`);
  }
}

afterAll(() => {
  const problems = kubectlProblems(synthesized.splice(0));
  if (problems.length > 0) {
    throw new Error(`kubectl.1.28 could not decode manifests synthesized by this test file:\n  ${problems.join('\n  ')}`);
  }
});

/** The one manifest of a kind (fails when there is not exactly one). */
export function only(manifests: any[], kind: string): any {
  const found = manifests.filter((m) => m.kind === kind);
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${kind}, found ${found.length}`);
  }
  return found[0];
}

/** Parses a reference manifest from test/fixtures (all YAML documents). */
export function fixture(name: string): any[] {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
  return parseAllDocuments(text).map((d) => d.toJS());
}

/** The validation error thrown when synthesizing the chart (fails if synthesis succeeds). */
export function synthError(chart: Chart): string {
  try {
    Testing.synth(chart);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synthesis to fail, but it succeeded');
}
