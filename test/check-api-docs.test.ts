import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// scripts/check-api-docs.js reads a jsii assembly (`.jsii`, the source of API.md) and fails on
// public API without a doc comment or optional struct props without `@default`. The packaging
// smoke test (scripts/pack-smoke.sh) runs it on the .jsii inside the packed tarball; these
// tests prove the checker itself can fail, on small hand-written assemblies.

const script = path.join(__dirname, '..', 'scripts', 'check-api-docs.js');
const loc = (line: number) => ({ filename: 'src/thing.ts', line });

/** An assembly with one struct, one class and one enum, all documented. */
function documentedAssembly(): any {
  return {
    name: 'demo',
    types: {
      'demo.ThingProps': {
        assembly: 'demo',
        fqn: 'demo.ThingProps',
        name: 'ThingProps',
        kind: 'interface',
        datatype: true,
        docs: { summary: 'Props for `Thing`.' },
        locationInModule: loc(1),
        properties: [
          { name: 'image', docs: { summary: 'The container image.' }, locationInModule: loc(3) },
          { name: 'replicas', optional: true, docs: { summary: 'How many pods.', default: '1' }, locationInModule: loc(5) },
        ],
      },
      'demo.Thing': {
        assembly: 'demo',
        fqn: 'demo.Thing',
        name: 'Thing',
        kind: 'class',
        docs: { summary: 'A thing.' },
        locationInModule: loc(10),
        properties: [{ name: 'name', optional: true, docs: { summary: 'Its name.' }, locationInModule: loc(12) }],
        methods: [{ name: 'grow', docs: { summary: 'Grows it.' }, locationInModule: loc(14) }],
      },
      'demo.Size': {
        assembly: 'demo',
        fqn: 'demo.Size',
        name: 'Size',
        kind: 'enum',
        docs: { summary: 'A size.' },
        locationInModule: loc(20),
        members: [{ name: 'SMALL', docs: { summary: 'Small.' } }],
      },
    },
  };
}

/** Runs the checker on an assembly written to a temp file. */
function check(assembly: any): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-api-docs-'));
  try {
    const file = path.join(dir, '.jsii');
    fs.writeFileSync(file, JSON.stringify(assembly));
    const r = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    return { status: r.status, output: r.stdout + r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('check-api-docs', () => {
  test('passes an assembly whose public API is fully documented', () => {
    // GIVEN / WHEN
    const r = check(documentedAssembly());

    // THEN
    expect(r.output).toContain('every public type and member of demo is documented');
    expect(r.status).toBe(0);
  });

  test('fails when an optional struct prop has no @default, naming file, line and prop', () => {
    // GIVEN
    const assembly = documentedAssembly();
    delete assembly.types['demo.ThingProps'].properties[1].docs.default;

    // WHEN
    const r = check(assembly);

    // THEN
    expect(r.status).toBe(1);
    expect(r.output).toContain('src/thing.ts:5 ThingProps.replicas: optional prop without @default');
  });

  test('does not ask for @default on required struct props or on class properties', () => {
    // GIVEN: `image` is required, `Thing.name` is optional state of a class, neither has a default
    const assembly = documentedAssembly();

    // WHEN
    const r = check(assembly);

    // THEN
    expect(r.status).toBe(0);
    expect(r.output).not.toContain('ThingProps.image');
    expect(r.output).not.toContain('Thing.name');
  });

  test('fails on every undocumented type, property, method and enum member, all in one run', () => {
    // GIVEN
    const assembly = documentedAssembly();
    delete assembly.types['demo.Thing'].docs.summary;
    delete assembly.types['demo.ThingProps'].properties[0].docs;
    delete assembly.types['demo.Thing'].methods[0].docs;
    assembly.types['demo.Size'].members[0].docs = { summary: '  ' };

    // WHEN
    const r = check(assembly);

    // THEN
    expect(r.status).toBe(1);
    expect(r.output).toContain('4 gap(s)');
    expect(r.output).toContain('src/thing.ts:10 Thing: no doc comment');
    expect(r.output).toContain('src/thing.ts:3 ThingProps.image: no doc comment');
    expect(r.output).toContain('src/thing.ts:14 Thing.grow(): no doc comment');
    expect(r.output).toContain('Size.SMALL: no doc comment');
  });

  test('ignores types of other assemblies', () => {
    // GIVEN: a type from a dependency, undocumented
    const assembly = documentedAssembly();
    assembly.types['other.Foreign'] = { assembly: 'other', fqn: 'other.Foreign', name: 'Foreign', kind: 'class' };

    // WHEN
    const r = check(assembly);

    // THEN
    expect(r.status).toBe(0);
  });

  test('fails with a hint when the assembly does not exist', () => {
    // GIVEN / WHEN
    const r = spawnSync(process.execPath, [script, path.join(os.tmpdir(), 'no-such-dir', '.jsii')], { encoding: 'utf8' });

    // THEN
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('run `npx projen compile` first');
  });
});
