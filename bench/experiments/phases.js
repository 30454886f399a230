// Experiment: the time of each phase of a synthesis (construct, validate, toJson, YAML) for raw
// ApiObjects and the library, each run in a fresh worker thread (its own V8 isolate, so its own
// cold JIT), variants interleaved, medians printed.
//   node bench/experiments/phases.js [REPS=9] [N=1000] [LIB_DIR...]
// LIB_DIR: a build of the library to measure besides lib/ (a patched copy inside the project,
// e.g. bench/out/lib.patched, so that it loads the same cdk8s).
const { Worker, isMainThread, workerData, parentPort } = require('worker_threads');

if (isMainThread) {
  const reps = Number(process.argv[2] || 9);
  const n = Number(process.argv[3] || 1000);
  const variants = ['raw', 'lib', ...process.argv.slice(4)];
  (async () => {
    const res = {};
    for (let r = 0; r < reps; r++) {
      for (const v of variants) {
        (res[v] ??= []).push(await new Promise((resolve, reject) => {
          const w = new Worker(__filename, { workerData: { v, n } });
          w.on('message', resolve);
          w.on('error', reject);
        }));
      }
    }
    const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
    for (const v of variants) {
      const phases = Object.keys(res[v][0]);
      console.log(`${v.padEnd(12)} ${phases.map((p) => `${p} ${med(res[v].map((x) => x[p])).toFixed(0)}`).join('  ')} ms`);
    }
  })();
} else {
  const { v, n } = workerData;
  if (v !== 'raw' && v !== 'lib') {
    process.env.BENCH_LIB = v;
  }
  const { variants, buildApp } = require('../units');
  const variant = v === 'raw' ? 'raw' : 'library';
  const mods = variants[variant].load();
  const t0 = performance.now();
  const app = buildApp(variant, n, mods);
  const t1 = performance.now();
  const all = app.node.findAll();
  for (const c of all) {
    c.node.validate();
  }
  const t2 = performance.now();
  const docs = all.filter((c) => mods.cdk8s.ApiObject.isApiObject(c)).map((o) => o.toJson());
  const t3 = performance.now();
  mods.cdk8s.Yaml.stringify(...docs);
  const t4 = performance.now();
  parentPort.postMessage({ construct: t1 - t0, validate: t2 - t1, toJson: t3 - t2, yaml: t4 - t3 });
}
