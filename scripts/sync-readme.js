// Rewrites the generated parts of README.md and the guides in docs/ (test/readme.test.ts fails
// when any of them differs; run this, review, commit):
//   - `<!-- file: PATH -->` blocks: the file PATH, as it is;
//   - `<!-- synth: dist/NAME.k8s.yaml -->` blocks: that file as `npm run synth` wrote it (run
//     `npm run synth` first; a block whose file is missing is left as it is, with a warning);
//   - docs/performance.md's benchmark tables, between `<!-- bench-table: begin -->` and
//     `<!-- bench-table: end -->`: `node bench/table.js --markdown` of bench/results.json.
// `<!-- excerpt: PATH -->` blocks are hand-picked lines of PATH and are only checked, not written.
//
// Usage: node scripts/sync-readme.js   (from anywhere; after `npm run bench`, it refreshes the table)
const fs = require('fs');
const path = require('path');
const { render } = require('../bench/table.js');

const root = path.join(__dirname, '..');
const GENERATED = new Set(['validation.md']); // written by scripts/gen-validation-doc.ts
const docs = ['README.md', ...fs.readdirSync(path.join(root, 'docs'))
  .filter((f) => f.endsWith('.md') && !GENERATED.has(f))
  .map((f) => path.join('docs', f))];

const BENCH = /(<!-- bench-table: begin -->\n)[\s\S]*?(\n<!-- bench-table: end -->)/;

for (const doc of docs) {
  const file = path.join(root, doc);
  const before = fs.readFileSync(file, 'utf8');
  let after = before.replace(/(<!-- (file|synth): (\S+) -->\n```\w*\n)([\s\S]*?)(```)/g, (m, head, kind, target, _code, tail) => {
    const source = path.join(root, target);
    if (!fs.existsSync(source)) {
      console.warn(`${doc}: ${target} does not exist${kind === 'synth' ? ' (run `npm run synth` first)' : ''}; block left as it is`);
      return m;
    }
    const text = fs.readFileSync(source, 'utf8');
    return head + text + (text.endsWith('\n') ? '' : '\n') + tail;
  });
  if (BENCH.test(after)) {
    const results = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results.json'), 'utf8'));
    after = after.replace(BENCH, (_m, begin, end) => begin + render(results, true) + end);
  }
  if (after !== before) {
    fs.writeFileSync(file, after);
    console.log(`${doc}: updated`);
  }
}
