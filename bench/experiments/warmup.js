// Experiment: where the validation time of a cold process goes. Builds N units (one chart) in a
// fresh worker thread (its own V8 isolate, so its own cold JIT), validates them in batches of 100
// units and prints each batch's time, then builds and validates N more units in the same, now
// warm, worker; repeated REPS times, medians printed.
//   node bench/experiments/warmup.js [REPS=7] [N=1000]
//   node --no-opt bench/experiments/warmup.js ...       the same without V8's optimizing tier
// Measured on the 2-core bench machine on 2026-12-03 (N = 1000): the first 100 units take 60 to
// 90 ms, the next ones 25 to 50 ms per 100 (350 to 430 ms in all), the same work again in the
// warm isolate 150 to 230 ms; with --no-opt the cold total is no higher, so in the first thousand
// units the validation runs in V8's interpreter and baseline tiers (docs/performance.md, "Where
// the time goes").
const { Worker, isMainThread, workerData, parentPort } = require('worker_threads');

if (isMainThread) {
  const reps = Number(process.argv[2] || 7);
  const n = Number(process.argv[3] || 1000);
  (async () => {
    const runs = [];
    for (let r = 0; r < reps; r++) {
      runs.push(await new Promise((resolve, reject) => {
        const w = new Worker(__filename, { workerData: { n } });
        w.on('message', resolve);
        w.on('error', reject);
      }));
    }
    const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
    const cold = runs[0].cold.map((_, i) => med(runs.map((x) => x.cold[i])));
    console.log(`cold, ms per 100 units (batches in order): ${cold.map((x) => x.toFixed(0)).join(' ')}; total ${cold.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
    console.log(`warm, the same number of units again in the same isolate: ${med(runs.map((x) => x.warm)).toFixed(0)} ms`);
  })();
} else {
  const { variants, buildApp } = require('../units');
  const mods = variants.library.load();
  const objectsOf = (app) => app.node.findAll().filter((c) => mods.cdk8s.ApiObject.isApiObject(c));
  const objects = objectsOf(buildApp('library', workerData.n, mods));
  const cold = [];
  // Two objects (a Pod and a Service) per unit.
  for (let b = 0; b < objects.length; b += 200) {
    const t = performance.now();
    for (const o of objects.slice(b, b + 200)) {
      o.node.validate();
    }
    cold.push(performance.now() - t);
  }
  const again = objectsOf(buildApp('library', workerData.n, mods));
  const t = performance.now();
  for (const o of again) {
    o.node.validate();
  }
  parentPort.postMessage({ cold, warm: performance.now() - t });
}
