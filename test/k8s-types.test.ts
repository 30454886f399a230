import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');

describe('the plain-value mirrors of the Kubernetes structs (src/k8s-types.ts)', () => {
  test('are what scripts/gen-k8s-types.js generates from cdk8s-plus-28 today', () => {
    // GIVEN the committed file
    const committed = fs.readFileSync(path.join(ROOT, 'src', 'k8s-types.ts'), 'utf8');
    // WHEN the generator runs in memory
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { out } = require('../scripts/gen-k8s-types.js').generate();
    // THEN they are the same: rerun `node scripts/gen-k8s-types.js` when this fails
    expect(committed).toEqual(out);
  });

  test('are what src/pod-spec-options.ts uses: it is what scripts/gen-pod-spec-options.js generates', () => {
    // GIVEN the committed file
    const committed = fs.readFileSync(path.join(ROOT, 'src', 'pod-spec-options.ts'), 'utf8');
    // WHEN the generator runs
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-pod-spec-options.js'), '--stdout'], { encoding: 'utf8' });
    // THEN they are the same, and overhead takes plain quantities
    expect(committed).toEqual(out);
    expect(committed).toContain('readonly overhead?: { [key: string]: string | number | k8s.Quantity };');
  });

  /** Type-checks a snippet that imports the mirrors; returns the error messages. */
  function typeErrors(snippet: string): string[] {
    const file = path.join(ROOT, 'test', '__k8s-types-check.ts');
    const source = `import { k8s } from 'cdk8s-plus-28';\nimport { k8s as k8s32 } from 'cdk8s-plus-32';\nimport * as m from '../src/k8s-types';\nimport { PodSpecOptions } from '../src/pod-spec-options';\n${snippet}\nexport {};\n`;
    const options: ts.CompilerOptions = {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, skipLibCheck: true, types: [],
    };
    const host = ts.createCompilerHost(options);
    const read = host.readFile;
    host.readFile = (f) => (path.resolve(f) === file ? source : read(f));
    host.fileExists = ((exists) => (f: string) => path.resolve(f) === file || exists(f))(host.fileExists);
    const program = ts.createProgram([file], options, host);
    return ts.getPreEmitDiagnostics(program)
      .filter((d) => d.file && path.resolve(d.file.fileName) === file)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  test('take plain values, cdk8s-plus-28 wrappers and values of another cdk8s-plus version', () => {
    // GIVEN object literals in the three forms users write, and whole structs of cdk8s-plus-28 and -32
    const errors = typeErrors(`
      const plain: m.Container = {
        name: 'app',
        resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 0.25 } },
        livenessProbe: { httpGet: { port: 8080 } },
        readinessProbe: { tcpSocket: { port: 'http' } },
        env: [{ name: 'LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } }],
      };
      const wrapped: m.Container = {
        name: 'app',
        resources: { limits: { cpu: k8s.Quantity.fromString('500m') } },
        livenessProbe: { httpGet: { port: k8s.IntOrString.fromNumber(8080) } },
      };
      const other: m.Container = {
        name: 'app',
        resources: { limits: { cpu: k8s32.Quantity.fromString('500m') } },
        livenessProbe: { httpGet: { port: k8s32.IntOrString.fromString('http') } },
      };
      const l1: k8s.Container = { name: 'app' };
      const l1of32: k8s32.Container = { name: 'app', lifecycle: { preStop: { sleep: { seconds: 1 } } } };
      const fromL1: m.Container[] = [l1, l1of32];
      const volume: m.Volume = { name: 'v', emptyDir: { sizeLimit: '1Gi' } };
      const strategy: m.DeploymentStrategy = { rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } };
      const claim: m.PersistentVolumeClaim = { metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } } } };
      const sts: m.StatefulSetUpdateStrategy = { rollingUpdate: { partition: 0, maxUnavailable: 1 } };
      const ds: m.DaemonSetUpdateStrategy = { rollingUpdate: { maxSurge: '10%' } };
      const options: PodSpecOptions = { overhead: { cpu: '250m', memory: k8s32.Quantity.fromString('1Mi') } };
      console.log(plain, wrapped, other, fromL1, volume, strategy, claim, sts, ds, options);
    `);
    // THEN
    expect(errors).toEqual([]);
  });

  test('still reject values of the wrong type', () => {
    // GIVEN a boolean size limit and a port object of the wrong shape
    const errors = typeErrors(`
      const volume: m.Volume = { name: 'v', emptyDir: { sizeLimit: true } };
      const probe: m.Probe = { httpGet: { port: { number: 80 } } };
      console.log(volume, probe);
    `);
    // THEN both are type errors
    expect(errors).toHaveLength(2);
  });
});
