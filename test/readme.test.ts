import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { exampleCharts } from './example-charts';

const root = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The fenced block that follows each `<!-- KIND: TARGET -->` marker in the README. */
function markedBlocks(kind: string): Array<[string, string]> {
  const re = new RegExp(`<!-- ${kind}: (\\S+) -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``, 'g');
  return [...readme.matchAll(re)].map((m) => [m[1], m[2]]);
}

describe('README', () => {
  test('shows every example file exactly as it is in examples/', () => {
    const blocks = markedBlocks('file');
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const [file, code] of blocks) {
      expect({ file, code }).toEqual({ file, code: fs.readFileSync(path.join(root, file), 'utf8') });
    }
  });

  test('shows the YAML each example really synthesizes', () => {
    const blocks = markedBlocks('synth');
    const charts = exampleCharts();
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const [file, yaml] of blocks) {
      expect(charts.has(file)).toBe(true);
      const shown = parseAllDocuments(yaml).map((d) => d.toJS());
      const actual = Testing.synth(charts.get(file)!);
      expect({ file, manifests: shown }).toEqual({ file, manifests: actual });
    }
  });

  test('states the same two commands that .ci/run runs', () => {
    const ci = fs.readFileSync(path.join(root, '.ci', 'run'), 'utf8');
    expect(readme).toContain('npm ci --no-audit && npm run synth');
    expect(ci).toContain('npm ci --no-audit --no-fund && npm run synth');
    expect(readme).toMatch(/^npm test\s/m);
    expect(ci).toMatch(/^npm test /m);
  });
});
