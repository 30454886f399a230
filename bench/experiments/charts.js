// Experiment: N units spread over C charts; ms per unit and ApiObject.toJson() calls per object.
//   node bench/experiments/charts.js VARIANT N C
const cdk8s = require('cdk8s');
const { variants } = require('../units');
const [v, n, c] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const mods = variants[v].load();
let calls = 0; const orig = cdk8s.ApiObject.prototype.toJson;
cdk8s.ApiObject.prototype.toJson = function () { calls++; return orig.call(this); };
const app = new cdk8s.App();
for (let k = 0; k < c; k++) { const chart = new cdk8s.Chart(app, `bench${k}`); for (let i = 0; i < n / c; i++) variants[v].unit(chart, i, mods); }
const t = Date.now(); app.synthYaml();
console.log(`${v} N=${n} in ${c} charts: ${((Date.now() - t) / n).toFixed(3)} ms/unit synth, ApiObject.toJson calls per object: ${(calls / (2 * n)).toFixed(1)}`);
