import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ManifestImport } from '../../src';
import { CliIo, runCli, USAGE, writeFileAtomic } from '../../src/import/cli';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const seed = (f: string) => path.join(FIXTURES, f);

/** Runs the command with captured output; stdin is `stdin`. */
function run(args: string[], stdin = ''): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readFile: (f) => fs.readFileSync(f, 'utf8'),
    readStdin: () => stdin,
    writeFileAtomic,
  };
  const code = runCli(args, io);
  return { code, stdout, stderr };
}

describe('cdk8s-pod-patterns import (the command)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('GIVEN a YAML file WHEN imported THEN the app is printed to standard output', () => {
    const r = run(['import', seed('init-container.yml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toEqual(ManifestImport.fromFiles([seed('init-container.yml')]).code);
    expect(r.stderr).toBe('');
  });

  test('GIVEN two files and standard input WHEN imported THEN each is one chart, in order', () => {
    const r = run(['import', seed('init-container.yml'), '-', seed('sidecar-container.yml')], fs.readFileSync(seed('k8s-docs/job.yaml'), 'utf8'));
    expect(r.code).toBe(0);
    const charts = [...r.stdout.matchAll(/^const (\w+) = new Chart\(app, '([^']+)'\);$/gm)].map((m) => [m[1], m[2]]);
    expect(charts).toEqual([['initContainerChart', 'init-container'], ['stdinChart', 'stdin'], ['sidecarContainerChart', 'sidecar-container']]);
    expect(r.stdout).toContain('// standard input\n');
  });

  test('GIVEN --check WHEN the round trip is exact THEN it says so on standard error and exits 0', () => {
    const r = run(['import', seed('sidecar-container.yml'), '--check']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('cdk8s-pod-patterns import --check: 1 object from 1 file: the generated app synthesizes them exactly.\n');
  });

  test('GIVEN --out FILE WHEN imported THEN the file holds the app and nothing is printed', () => {
    const out = path.join(dir, 'app.ts');
    const r = run(['import', seed('init-container.yml'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(out, 'utf8')).toEqual(ManifestImport.fromFiles([seed('init-container.yml')]).code);
    expect(r.stderr).toBe(`cdk8s-pod-patterns import: wrote ${out} (1 object from 1 file).\n`);
    expect(fs.readdirSync(dir)).toEqual(['app.ts']);
  });

  test('GIVEN --out FILE and bad input WHEN imported THEN the error is printed and the existing file is left as it was', () => {
    const out = path.join(dir, 'app.ts');
    fs.writeFileSync(out, 'previous');
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'kind: Pod\nmetadata: {name: x}\n');
    const r = run(['import', seed('init-container.yml'), bad, `--out=${out}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad}:1:1: Pod x: apiVersion: is missing`);
    expect(r.stderr).toContain('Nothing was written.');
    expect(fs.readFileSync(out, 'utf8')).toBe('previous');
    expect(fs.readdirSync(dir).sort()).toEqual(['app.ts', 'bad.yaml']);
  });

  test('GIVEN --check and --out WHEN the generated app differs from the input THEN each difference is printed, the exit code is 1 and nothing is written', () => {
    const out = path.join(dir, 'app.ts');
    const real = ManifestImport.fromFiles([seed('init-container.yml')], { check: true });
    jest.spyOn(ManifestImport, 'fromSources').mockReturnValue({ ...real, differences: ['Pod init-test: spec.containers[0].image: input "busybox:latest", synthesized "busybox"'] });
    const r = run(['import', seed('init-container.yml'), '--check', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe([
      'cdk8s-pod-patterns import --check: the generated app does not synthesize the input exactly (1 difference):',
      '  Pod init-test: spec.containers[0].image: input "busybox:latest", synthesized "busybox"',
      `${out} was not written.`,
      '',
    ].join('\n'));
    expect(fs.existsSync(out)).toBe(false);
  });

  test('GIVEN a file that does not exist WHEN imported THEN it says so and exits 1', () => {
    const r = run(['import', path.join(dir, 'missing.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`cdk8s-pod-patterns import: the input cannot be read:\n  ${path.join(dir, 'missing.yaml')}: cannot be read: no such file\nNothing was written.\n`);
  });

  test.each([
    [[], 'no command', 2],
    [['import'], 'cdk8s-pod-patterns import: no input: name at least one YAML file, or - for standard input.', 2],
    [['import', 'a.yaml', '--out'], 'cdk8s-pod-patterns import: --out needs a file name: --out app.ts.', 2],
    [['import', 'a.yaml', '--frobnicate'], 'cdk8s-pod-patterns import: unknown option --frobnicate.', 2],
    [['import', '-', '-'], 'cdk8s-pod-patterns import: - (standard input) can be given once.', 2],
    [['export', 'a.yaml'], 'cdk8s-pod-patterns: unknown command "export".', 2],
  ])('GIVEN the arguments %j WHEN run THEN the usage is printed with the mistake (exit 2)', (args, message, code) => {
    const r = run(args as string[]);
    expect(r.code).toBe(code);
    if (message !== 'no command') {
      expect(r.stderr.startsWith(message)).toBe(true);
    }
    expect(r.stderr).toContain(USAGE);
  });

  test('GIVEN --help WHEN run THEN the usage is printed to standard output (exit 0)', () => {
    expect(run(['import', '--help'])).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
    expect(run(['--help'])).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
  });

  test('GIVEN a write that fails halfway WHEN writing atomically THEN no file and no temporary file is left', () => {
    const out = path.join(dir, 'sub', 'app.ts');
    expect(() => writeFileAtomic(out, 'x')).toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('--check', () => {
  const yaml = fs.readFileSync(seed('k8s-docs/web.yaml'), 'utf8');
  const code = fs.readFileSync(path.join(FIXTURES, 'import', 'web.ts'), 'utf8');

  test('GIVEN an app that writes another image WHEN checked THEN the difference names the object, the field and both values', () => {
    const edited = code.replace("image: 'registry.k8s.io/nginx-slim:0.7'", "image: 'nginx'");
    expect(ManifestImport.check(edited, [{ name: 'web.yaml', content: yaml }])).toEqual([
      'StatefulSet web: spec.template.spec.containers[0].image: input "registry.k8s.io/nginx-slim:0.7", synthesized "nginx"',
    ]);
  });

  test('GIVEN an app without the order dependency WHEN checked THEN the other order is reported', () => {
    const edited = code.replace('web.addDependency(nginx);', '');
    expect(ManifestImport.check(edited, [{ name: 'web.yaml', content: yaml }])).toEqual([
      'the objects are synthesized in another order: input Service nginx, StatefulSet web; synthesized StatefulSet web, Service nginx',
    ]);
  });

  test('GIVEN an app that misses an object and adds another WHEN checked THEN both are reported', () => {
    const edited = code.replace("metadata: { name: 'nginx', labels", "metadata: { name: 'nginx2', labels");
    expect(ManifestImport.check(edited, [{ name: 'web.yaml', content: yaml }])).toEqual([
      'Service nginx: is not in the synthesized app',
      'Service nginx2: is synthesized but not in the input',
    ]);
  });

  test('GIVEN an app the library rejects WHEN checked THEN the validation error is the difference', () => {
    const edited = code.replace("ports: [{ name: 'web', port: 80 }]", "ports: [{ name: 'web', port: 80, nodePort: 1 }]");
    const differences = ManifestImport.check(edited, [{ name: 'web.yaml', content: yaml }]);
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatch(/^the generated app fails: .*nodePort/s);
  });

  test('GIVEN a program that is not what import writes WHEN checked THEN it says which line it cannot run', () => {
    expect(ManifestImport.check(`import App from 'cdk8s';\n${code}`, [{ name: 'web.yaml', content: yaml }])).toEqual([
      "the generated app fails: the program has an import this check cannot run: import App from 'cdk8s'; (only `import { ... } from '...'` and `import * as x from '...'` are supported)",
    ]);
    expect(ManifestImport.check(code.replace('app.synth();', ''), [{ name: 'web.yaml', content: yaml }])).toEqual([
      'the generated app fails: the program never calls app.synth()',
    ]);
  });
});
