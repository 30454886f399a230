// Experiment: how the importer's time grows with the number of problems in one bad file.
//   node bench/experiments/import-scaling.js [N=4000]
// For each shape of bad input, the file with N problems is the baseline and the file with 4N is
// timed in the same process: a ratio near 4 is linear, near 16 quadratic (review 23 A measured the
// alias-value shape at about 16 before the map pairs were looked up by key). Needs `npx projen compile`.
const path = require('path');
const { parseSources } = require(path.join(__dirname, '..', '..', 'lib', 'import', 'parse.js'));
const n = Number(process.argv[2] || 4000);
const shapes = {
  'ConfigMap values that are numbers, dotted keys': (k) => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n'
    + Array.from({ length: k }, (_, i) => `  k.${i}.a: ${i}\n`).join(''),
  'invalid label values': (k) => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n'
    + Array.from({ length: k }, (_, i) => `  a${i}.b/c: "-x${i}"\n`).join('') + 'spec:\n  containers:\n  - name: a\n    image: b\n',
  'alias values (two problems each)': (k) => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n'
    + Array.from({ length: k }, (_, i) => `  k${i}: &a${i} ${i}\n`).join('') + 'binaryData:\n'
    + Array.from({ length: k }, (_, i) => `  b${i}: *a${i}\n`).join(''),
  'a JSON List of bad ConfigMaps': (k) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Array.from({ length: k },
    (_, i) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}`, labels: { x: '-bad' } } })) }, null, 1),
};
function time(content) {
  const start = process.hrtime.bigint();
  let problems = 0;
  try {
    parseSources([{ name: 'x.yaml', content }]);
  } catch (e) {
    problems = e.problems ? e.problems.length : 0;
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, problems };
}
for (const [name, make] of Object.entries(shapes)) {
  time(make(100)); // warm-up
  const a = time(make(n));
  const b = time(make(4 * n));
  console.log(`${name}: ${a.problems} problems ${a.ms.toFixed(0)} ms, ${b.problems} problems ${b.ms.toFixed(0)} ms: `
    + `x${(b.ms / a.ms).toFixed(1)} for x${(b.problems / a.problems).toFixed(1)} problems`);
}
