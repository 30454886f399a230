import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { l1Class, l1Struct, toProps, unknownFieldProblems, ValueStyle } from '../../src/import/schema';

const root = path.join(__dirname, '..', '..');

describe('the L1 schema of the importer (src/import/l1-schema.ts)', () => {
  test('is what scripts/gen-import-schema.js generates from cdk8s-plus-28 today', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'l1-schema-')), 'l1-schema.ts');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'gen-import-schema.js'), out], { stdio: 'pipe' });
    expect(fs.readFileSync(out, 'utf8')).toEqual(fs.readFileSync(path.join(root, 'src', 'import', 'l1-schema.ts'), 'utf8'));
  });

  test('knows the L1 class of a kind and the TypeScript name of a field', () => {
    expect(l1Class('v1', 'ConfigMap')).toBe('KubeConfigMap');
    expect(l1Class('policy/v1', 'PodDisruptionBudget')).toBe('KubePodDisruptionBudget');
    expect(l1Class('example.com/v1', 'Widget')).toBeUndefined();
    expect(l1Struct('PodSpec')!.hostPID.ts).toBe('hostPid');
    expect(l1Struct('Volume')!.downwardAPI.ts).toBe('downwardApi');
  });

  test('writes quantities plain for the library and as k8s.Quantity for the L1 classes', () => {
    const json = { limits: { cpu: '500m', memory: 1024 } };
    expect(toProps('ResourceRequirements', json, ValueStyle.PLAIN).value).toEqual(json);
    const l1: any = toProps('ResourceRequirements', json, ValueStyle.L1).value;
    expect([l1.limits.cpu.callee, l1.limits.cpu.args, l1.limits.memory.callee]).toEqual(['k8s.Quantity.fromString', ['500m'], 'k8s.Quantity.fromNumber']);
  });

  test('reports fields no struct has, with the field probably meant', () => {
    expect(unknownFieldProblems('KubePodProps', { spec: { containers: [{ name: 'a', imagePullPolcy: 'Always' }] }, status: {} }, '')).toEqual([
      'spec.containers[0].imagePullPolcy: is not a field of Container in Kubernetes 1.32; did you mean imagePullPolicy?',
      "status: {} cannot be written: the cluster writes a Pod's status, and the cdk8s L1 class k8s.KubePod has no status; remove it",
    ]);
  });
});
