#!/usr/bin/env node
'use strict';
/**
 * Micro-benchmark of the construction-time props check (src/props.ts) and the Kubernetes value
 * conversion (src/k8s-values.ts), against what one unit of raw cdk8s costs (an ApiObject with
 * the same pod, synthesized with chart.toJson()). Not a test: run it by hand.
 *
 *   node bench/props-check.js [--iterations N]
 *
 * Measures, per props object (the seed's sidecar pod: 2 containers, resources, a probe, an
 * emptyDir volume, pod fields, labels), in one process after a warm-up:
 *   copy          toManifestValue (a plain deep copy: the floor of "read props once")
 *   convert       toManifest('PodSpec', ...) without problems (conversion only)
 *   convert+check toManifest('PodSpec', ..., problems) (one walk)
 *   readProps     readProps('PlainPodProps', ...) (check + convert of the whole props, one walk)
 *   two walks     checkProps, then toManifest of the containers (what ONE walk avoids)
 *   raw cdk8s     new ApiObject(chart, ..., { spec }) + chart.toJson() for the same pod
 * The library is loaded from lib/ (compiled with `npx projen compile` when older than src/).
 */
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const lib = path.join(ROOT, 'lib');
if (!fs.existsSync(path.join(lib, 'props.js')) || newest(lib) < newest(path.join(ROOT, 'src'))) {
  console.log('lib/ is missing or older than src/: compiling first (npx projen compile)');
  execSync('npx projen compile', { cwd: ROOT, stdio: 'inherit' });
}

const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1]) || 20000;
const { Problems } = require(path.join(lib, 'problems'));
const { toManifest, toManifestValue } = require(path.join(lib, 'k8s-values'));
const { checkProps, readProps } = require(path.join(lib, 'props'));
const { Workload } = require(path.join(lib, 'index'));
const { App, Chart, ApiObject } = require('cdk8s');
const { k8s } = require('cdk8s-plus-28');

const containers = () => [
  {
    name: 'app',
    image: 'busybox:1.36',
    command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
    resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: k8s.Quantity.fromString('100m'), memory: '64Mi' } },
    volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }],
    livenessProbe: { exec: { command: ['true'] }, periodSeconds: 10 },
    securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true },
  },
  {
    name: 'sidecar',
    image: 'busybox:1.36',
    command: ['sh', '-c', 'tail -f /var/log/app.log'],
    volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }],
    ports: [{ containerPort: 8080, name: 'metrics' }],
  },
];
const props = () => ({
  metadata: { name: 'pod', labels: { app: 'web', tier: 'backend' } },
  containers: containers(),
  volumes: [{ name: 'shared-logs', emptyDir: { sizeLimit: '1Gi' } }],
  workload: Workload.pod(),
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  hostPid: false,
});
const podSpec = () => ({ containers: containers(), volumes: [{ name: 'shared-logs', emptyDir: { sizeLimit: '1Gi' } }], restartPolicy: 'Always', terminationGracePeriodSeconds: 30, hostPid: false });

// Each case runs in ROUNDS rounds of BATCH fresh inputs, interleaved with the other cases, and
// reports the median round (the machine is shared: medians of interleaved rounds are stable
// where a single long run is not).
const ROUNDS = 7;
const BATCH = Math.max(100, Math.floor(iterations / ROUNDS));
function round(run, make) {
  const inputs = Array.from({ length: BATCH }, make);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) run(inputs[i]);
  return Number(process.hrtime.bigint() - t0) / 1000 / BATCH;
}
const cases = [];
function measure(name, make, run) {
  for (let i = 0; i < 2000; i++) run(make()); // warm-up
  cases.push({ name, make, run, times: [] });
}
function runAll() {
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of cases) c.times.push(c.round ? c.round() : round(c.run, c.make));
  }
  return cases.map((c) => ({ name: c.name, us: c.times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] }));
}

[
  measure('copy (toManifestValue)', podSpec, (s) => toManifestValue(s)),
  measure('convert (toManifest, no checks)', podSpec, (s) => toManifest('PodSpec', s)),
  measure('convert+check (toManifest with problems)', podSpec, (s) => toManifest('PodSpec', s, 'spec', new Problems())),
  measure('readProps (PlainPodProps, one walk)', props, (p) => readProps("PlainPod 'p'", 'PlainPodProps', p)),
  measure('two walks (checkProps, then toManifest)', props, (p) => {
    checkProps("PlainPod 'p'", 'PlainPodProps', p);
    toManifest('PodSpec', { containers: p.containers, volumes: p.volumes });
  }),
];

// One unit of raw cdk8s: an ApiObject with the same pod, synthesized (chart.toJson()), measured
// in the same interleaved rounds.
const outdir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'props-bench-'));
const rawBatch = Math.min(BATCH, 1000);
cases.push({
  name: `raw cdk8s unit (ApiObject + toJson, ${rawBatch} a chart)`,
  times: [],
  round: () => {
    const specs = Array.from({ length: rawBatch }, podSpec);
    const chart = new Chart(new App({ outdir }), 'c');
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < rawBatch; i++) {
      new ApiObject(chart, `p${i}`, { apiVersion: 'v1', kind: 'Pod', metadata: { labels: { app: 'web' } }, spec: toManifestValue(specs[i]) });
    }
    chart.toJson();
    return Number(process.hrtime.bigint() - t0) / 1000 / rawBatch;
  },
});
const results = runAll();
const raw = results[results.length - 1].us;
console.log(`per props object, ${iterations} iterations (Node ${process.version}):`);
for (const r of results) {
  console.log(`  ${r.name.padEnd(48)} ${r.us.toFixed(2).padStart(8)} us   ${(100 * r.us / raw).toFixed(1).padStart(5)}% of a raw cdk8s unit`);
}
