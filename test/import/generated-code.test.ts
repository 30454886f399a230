import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { allManifests } from './manifests';
import { ManifestImport } from '../../src';

/**
 * The generated apps are real TypeScript that a person would commit: every app of the round-trip
 * manifests is type-checked with `tsc` and linted with the repository's eslint rules, in one
 * batch, from a temporary folder inside the repository that maps `cdk8s-pod-patterns` to src/
 * (as examples/tsconfig.json does).
 */

const root = path.join(__dirname, '..', '..');

describe('the generated code', () => {
  let dir: string;
  const files = new Map<string, string>();

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(__dirname, 'generated-'));
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      extends: '../../../tsconfig.json',
      compilerOptions: { rootDir: '../../..', noEmit: true, paths: { 'cdk8s-pod-patterns': ['../../../src'] } },
      include: ['*.ts'],
    }, null, 2));
    allManifests().forEach((m, i) => {
      const file = `app${String(i).padStart(2, '0')}-${m.label.replace(/[^A-Za-z0-9]+/g, '-').replace(/-(ya?ml)$/, '')}.ts`;
      fs.writeFileSync(path.join(dir, file), ManifestImport.fromSources([m.source]).code);
      files.set(file, m.label);
    });
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('type-checks with tsc (strict, as the library itself)', () => {
    // WHEN
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(dir, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    // THEN
    // Plain values (cpu: '500m', maxSurge: '25%') type-check: the props take the plain-value mirrors of the L1 structs.
    expect(`${tsc.stdout}${tsc.stderr}`.split('\n').filter((l) => /error TS\d+/.test(l))).toEqual([]);
    expect(tsc.status).toBe(0);
    expect(files.size).toBeGreaterThanOrEqual(30);
  }, 120_000);

  test('passes the repository eslint rules unchanged (2-space indent, single quotes, trailing commas, max-len 150, ...)', () => {
    // WHEN
    const eslint = spawnSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--ext', '.ts', '--no-fix', '--max-warnings', '0', dir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ESLINT_USE_FLAT_CONFIG: 'false', NODE_NO_WARNINGS: '1' },
    });
    // THEN
    expect(`${eslint.stdout}`.trim()).toEqual('');
    expect(eslint.status).toBe(0);
  }, 120_000);
});
