import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliIo, runCli } from '../../src/import/cli';
import { importChecked } from '../fixtures/import/api-usage';

/**
 * docs/import.md and the README's import section cannot drift: every code block after a
 * `<!-- file: PATH -->` marker is that file, and every block after `<!-- cli: ARGS -->` is what
 * `npx cdk8s-pod-patterns ARGS` prints (the files it names are read from test/fixtures).
 */
const root = path.join(__dirname, '..', '..');
const FIXTURE_DIRS = ['test/fixtures/import', 'test/fixtures', 'test/fixtures/k8s-docs'].map((d) => path.join(root, d));

function markedBlocks(text: string, kind: string): Array<[string, string]> {
  const re = new RegExp(`<!-- ${kind}: ([^>]+?) -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``, 'g');
  return [...text.matchAll(re)].map((m) => [m[1], m[2]]);
}

/** What the command prints for these arguments, as a console session. */
function cliSession(args: string[]): string {
  let out = '';
  const io: CliIo = {
    stdout: (t) => { out += t; },
    stderr: (t) => { out += t; },
    readFile: (f) => {
      const dir = FIXTURE_DIRS.find((d) => fs.existsSync(path.join(d, f)));
      if (!dir) {
        throw Object.assign(new Error(`no fixture ${f}`), { code: 'ENOENT' });
      }
      return fs.readFileSync(path.join(dir, f), 'utf8');
    },
    readStdin: () => '',
    writeFileAtomic: () => undefined,
  };
  const code = runCli(args, io);
  return `$ npx cdk8s-pod-patterns ${args.join(' ')}\n${out}${code === 0 ? '' : `$ echo $?\n${code}\n`}`;
}

describe('docs/import.md', () => {
  const doc = fs.readFileSync(path.join(root, 'docs', 'import.md'), 'utf8');

  test('shows every file exactly as it is', () => {
    const blocks = markedBlocks(doc, 'file');
    expect(blocks.map(([f]) => f)).toEqual([
      'test/fixtures/init-container.yml',
      'test/fixtures/import/init-container.ts',
      'test/fixtures/k8s-docs/web.yaml',
      'test/fixtures/import/web.ts',
      'test/fixtures/import/api-usage.ts',
    ]);
    for (const [file, code] of blocks) {
      expect({ file, code }).toEqual({ file, code: fs.readFileSync(path.join(root, file), 'utf8') });
    }
  });

  test('shows what the command really prints', () => {
    const blocks = markedBlocks(doc, 'cli');
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    for (const [args, session] of blocks) {
      expect({ args, session }).toEqual({ args, session: cliSession(args.split(' ')) });
    }
  });

  test('quotes the difference --check prints in the format it has', () => {
    // The same line test/import/cli.test.ts gets from ManifestImport.check on an edited app.
    expect(doc).toContain('StatefulSet web: spec.template.spec.containers[0].image: input "registry.k8s.io/nginx-slim:0.7", synthesized "nginx"');
  });

  test('has an API example that really imports and checks', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'api-usage-')), 'main.ts');
    importChecked([path.join(root, 'test', 'fixtures', 'k8s-docs', 'web.yaml')], out);
    expect(fs.readFileSync(out, 'utf8')).toContain('ExposedService.headless(chart, \'nginx\', {');
  });
});

describe('the README import section', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Import existing YAML');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

  test('is there, under 60 lines, links to docs/import.md and shows the seed init-container.yml before and after the import (checked files)', () => {
    expect(start).toBeGreaterThan(0);
    expect(section.split('\n').length).toBeLessThan(60);
    expect(section).toContain('(docs/import.md)');
    // README blocks after <!-- file: --> and <!-- excerpt: --> markers are compared with the files by test/readme.test.ts.
    expect(markedBlocks(section, 'excerpt').map(([f]) => f)).toEqual(['test/fixtures/init-container.yml']);
    expect(markedBlocks(section, 'file').map(([f]) => f)).toEqual(['test/fixtures/import/init-container.ts']);
  });
});
