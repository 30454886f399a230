import * as fs from 'fs';
import * as path from 'path';
import { Testing, Yaml } from 'cdk8s';
import { ManifestImport, ManifestSource } from '../../src';
import { exampleCharts } from '../example-charts';

/** A real manifest the importer must round-trip: its YAML, and where it comes from. */
export interface RealManifest {
  /** How the test names it. */
  readonly label: string;
  /** The YAML, named like the file it is (the chart id comes from the name). */
  readonly source: ManifestSource;
}

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function fromFile(dir: string, file: string): RealManifest {
  const relative = path.join(dir, file);
  return { label: relative, source: { name: file, content: fs.readFileSync(path.join(FIXTURES, relative), 'utf8') } };
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(path.join(FIXTURES, dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
}

/** The seed tutorial's two manifests (test/fixtures/*.yml). */
export function seedManifests(): RealManifest[] {
  return ['init-container.yml', 'sidecar-container.yml'].map((f) => fromFile('', f));
}

/** What `npm run synth` writes to dist/ for every example chart, synthesized in memory. */
export function exampleManifests(): RealManifest[] {
  return [...exampleCharts()].map(([file, chart]) => ({
    label: file,
    source: { name: path.basename(file), content: Yaml.stringify(...Testing.synth(chart)) },
  }));
}

/** Manifests of the Kubernetes documentation (test/fixtures/k8s-docs, each citing its source). */
export function docsManifests(): RealManifest[] {
  return yamlFiles('k8s-docs').map((f) => fromFile('k8s-docs', f));
}

/** Manifests of vendors' documentation (test/fixtures/vendor-manifests, each citing its source). */
export function vendorManifests(): RealManifest[] {
  return yamlFiles('vendor-manifests').map((f) => fromFile('vendor-manifests', f));
}

/** Every real manifest of the round-trip tests. */
export function allManifests(): RealManifest[] {
  return [...seedManifests(), ...exampleManifests(), ...docsManifests(), ...vendorManifests()];
}

/** The import of one source, with the round-trip check. */
export function imported(name: string, content: string) {
  return ManifestImport.fromSources([{ name, content }], { check: true });
}

/** The error of importing this source (fails if the import succeeds). */
export function importError(name: string, content: string): string {
  try {
    imported(name, content);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the import to fail, but it succeeded');
}
