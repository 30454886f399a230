import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import { runCases } from './cases';
import { YAML_SCALAR_CASES } from './yaml-scalars.cases';

runCases('this library\'s contract: every string reads back from the YAML as written', YAML_SCALAR_CASES);

/** kubectl.1.28 and kubectl.1.32 beside the real path of `kubectl` (none when not installed). */
function kubectls(): string[] {
  try {
    const which = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
    const dir = path.dirname(fs.realpathSync(which));
    return ['kubectl.1.28', 'kubectl.1.32'].map((k) => path.join(dir, k)).filter((k) => fs.existsSync(k));
  } catch {
    return [];
  }
}

/** The Pod as kubectl reads the YAML cdk8s writes for it, or the reader's error. */
function readBack(kubectl: string, manifest: any): { pod?: any; error?: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-scalars-'));
  try {
    const file = path.join(dir, 'pod.yaml');
    fs.writeFileSync(file, Yaml.stringify(manifest));
    // `set env X=1` changes the Pod, so kubectl prints it (with X- it prints nothing)
    const r = spawnSync(kubectl, ['set', 'env', '--local', '-f', file, 'X=1', '-o', 'json'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0 || !r.stdout) {
      return { error: r.stderr || `exit ${r.status}` };
    }
    const pod = JSON.parse(r.stdout);
    // fields kubectl prints for every Pod
    delete pod.status;
    delete pod.metadata.creationTimestamp;
    for (const c of pod.spec.containers) {
      if (Object.keys(c.resources ?? {}).length === 0) delete c.resources;
      c.env = (c.env ?? []).filter((e: any) => e.name !== 'X');
      if (c.env.length === 0) delete c.env;
    }
    return { pod };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const binaries = kubectls();

describe.each(binaries.length > 0 ? binaries : ['(kubectl not installed)'])('the cases, read back by %s', (kubectl) => {
  test.each(YAML_SCALAR_CASES.map((c) => [c.name, c] as const))('%s: kubectl reads it back as written exactly when the library accepts it', (_name, c) => {
    if (!fs.existsSync(kubectl)) {
      console.log('kubectl.1.28 / kubectl.1.32 are not installed: the cases were not read back.');
      return;
    }
    const back = readBack(kubectl, c.manifest);
    if (c.problems.length === 0) {
      expect(back).toEqual({ pod: c.manifest });
    } else {
      expect(back.pod).not.toEqual(c.manifest);
    }
  });
});
