// Rewrites the README's `<!-- file: PATH -->` blocks from the files they show.
// (test/readme.test.ts fails when they differ; run this, review, commit.)
const fs = require('fs');
const path = require('path');
const root = path.join(__dirname, '..');
const readmePath = path.join(root, 'README.md');
const readme = fs.readFileSync(readmePath, 'utf8');
const out = readme.replace(/(<!-- file: (\S+) -->\n```\w*\n)([\s\S]*?)(```)/g,
  (_m, head, file, _code, tail) => head + fs.readFileSync(path.join(root, file), 'utf8') + tail);
fs.writeFileSync(readmePath, out);
