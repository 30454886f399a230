import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';

/** A fresh chart in a fresh app. */
export function newChart(): Chart {
  return Testing.chart();
}

/** Synthesizes a chart (validation included) to its manifests. */
export function synth(chart: Chart): any[] {
  return Testing.synth(chart);
}

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
