// Experiment: the library as is, with cdk8s validating once per synthYaml() (validate-once.js),
// a patched build (BENCH_LIB), both, and raw; interleaved fresh processes.
//   node bench/experiments/ab.js [REPS=5] [N,N=1000,5000] [PATCHED_LIB_DIR=bench/out/lib.proto]
// PATCHED_LIB_DIR is a copy of lib/ with a change applied (inside the project, so that it loads
// the same cdk8s); the measurements in the README used one where validation hands its manifest
// to the object's next toJson().
const { spawnSync } = require('child_process');
const path = require('path');
const reps = Number(process.argv[2] || 5);
const ns = (process.argv[3] || '1000,5000').split(',').map(Number);
const proto = process.argv[4] || 'bench/out/lib.proto';
const W = path.join(__dirname, '..', 'worker.js');
const pre = `-r ${path.join(__dirname, 'validate-once.js')}`;
const cfg = {
  library: ['library', {}],
  patched: ['library', { BENCH_LIB: proto }],
  upstream: ['library', { NODE_OPTIONS: pre }],
  'up+patch': ['library', { NODE_OPTIONS: pre, BENCH_LIB: proto }],
  raw: ['raw', {}],
};
const names = Object.keys(cfg);
const res = {};
for (let r = 0; r < reps; r++) for (const n of ns) for (let k = 0; k < names.length; k++) {
  const name = names[(k + r) % names.length]; const [v, env] = cfg[name];
  const o = spawnSync(process.execPath, ['--expose-gc', W, 'run', v, String(n)], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (o.status) { console.error(o.stderr); process.exit(1); }
  (res[`${n} ${name}`] ??= []).push(JSON.parse(o.stdout));
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); const m = Math.floor(s.length / 2); return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const n of ns) {
  const raw = med(res[`${n} raw`].map((x) => x.ms)); const rawMin = Math.min(...res[`${n} raw`].map((x) => x.ms));
  for (const name of names) {
    const s = res[`${n} ${name}`];
    console.log(`N=${n} ${name.padEnd(8)} median ${(med(s.map((x) => x.ms)) / n).toFixed(3)} ms/unit (${(med(s.map((x) => x.ms)) / raw).toFixed(2)}x raw), min ${(Math.min(...s.map((x) => x.ms)) / n).toFixed(3)} (${(Math.min(...s.map((x) => x.ms)) / rawMin).toFixed(2)}x), heap ${med(s.map((x) => x.heapMb)).toFixed(1)} MB`);
  }
}
