#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: synth speed, memory and cold start of this library against cdk8s-plus-28,
 * its L1 classes and raw cdk8s ApiObjects, each measurement in a fresh process.
 *
 *   node bench/run.js            full run, 7 repetitions, 9 cold starts: N = 100, 1000, 5000 in one
 *                                chart; N = 1000 over 100 and over 1000 charts (one unit each);
 *                                and the natural-code comparison at N = 1000, 5000; writes
 *                                bench/results.json and prints the tables
 *   node bench/run.js --quick    smoke run (CI): N = 10, 50; N = 50 over 10 and 50 charts;
 *                                natural at N = 50; 1 repetition, 1 cold start;
 *                                writes bench/out/results.json (gitignored)
 *   options: --reps R  --cold-reps R  --n 100,1000  --out FILE   (BENCH_QUICK=1 = --quick)
 *   (--n sets the one-chart N of the same-manifest comparison)
 *   BENCH_LIB=DIR measures another build of the library than lib/ (a patched copy inside
 *   the project, e.g. bench/out/lib.patched, so that it loads the same cdk8s).
 *
 * The library is measured as compiled in lib/: when lib/ is missing or older than src/, this
 * script runs `npx projen compile` first.
 */
const { spawnSync, execSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { VARIANTS } = require('./units');
const { printTable } = require('./table');

const ROOT = path.resolve(__dirname, '..');
const WORKER = path.join(__dirname, 'worker.js');

function parseArgs(argv) {
  const quick = argv.includes('--quick') || ['1', 'true'].includes(process.env.BENCH_QUICK ?? '');
  const opts = {
    quick,
    ns: quick ? [10, 50] : [100, 1000, 5000],
    chartsN: quick ? 50 : 1000,
    charts: quick ? [10, 50] : [100, 1000],
    naturalNs: quick ? [50] : [1000, 5000],
    reps: quick ? 1 : 7,
    coldReps: quick ? 1 : 9,
    out: path.join(__dirname, quick ? 'out/results.json' : 'results.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const next = () => {
      if (argv[i + 1] === undefined) {
        throw new Error(`${argv[i]} needs a value`);
      }
      return argv[++i];
    };
    switch (argv[i]) {
      case '--quick': break;
      case '--reps': opts.reps = positive(next(), '--reps'); break;
      case '--cold-reps': opts.coldReps = positive(next(), '--cold-reps'); break;
      case '--n': opts.ns = next().split(',').map((n) => positive(n, '--n')); break;
      case '--out': opts.out = path.resolve(next()); break;
      default: throw new Error(`unknown option ${argv[i]}; see the comment at the top of bench/run.js`);
    }
  }
  return opts;
}

function positive(text, option) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${option} takes positive integers, got ${JSON.stringify(text)}`);
  }
  return n;
}

/** Compiles the library when lib/ is missing or older than any file in src/. */
function ensureCompiled() {
  const newest = (dir) => Math.max(0, ...fs.readdirSync(dir).map((f) => fs.statSync(path.join(dir, f)).mtimeMs));
  const lib = path.join(ROOT, 'lib', 'index.js');
  const libTime = fs.existsSync(lib) ? newest(path.join(ROOT, 'lib')) : 0;
  if (libTime < newest(path.join(ROOT, 'src'))) {
    console.log(libTime ? 'lib/ is older than src/: compiling first (npx projen compile)' : 'lib/ is missing: compiling first (npx projen compile)');
    execSync('npx projen compile', { cwd: ROOT, stdio: 'inherit' });
  }
}

/** Runs one worker in a fresh node process and returns its JSON result; throws on any failure. */
function worker(args) {
  const r = spawnSync(process.execPath, ['--expose-gc', WORKER, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // Same settings for every variant: default key sorting, no inherited node flags.
    env: { ...process.env, NODE_OPTIONS: '', CDK8S_DISABLE_SORT: '' },
    maxBuffer: 16 * 2 ** 20,
  });
  if (r.status !== 0) {
    throw new Error(`bench worker ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${r.stderr || r.stdout}`);
  }
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/** Variant order for repetition `rep`: rotated, so no variant always runs first or last. */
function rotated(rep) {
  return VARIANTS.map((_, i) => VARIANTS[(i + rep) % VARIANTS.length]);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x, digits = 2) => Number(x.toFixed(digits));

/**
 * Paired ratios: for each other variant, the median over the repetitions of this variant's time
 * divided by the other's in the same repetition (the runs of one repetition are back to back).
 * The machine is shared and its speed drifts over minutes; a ratio of two runs made seconds apart
 * cancels the drift that a ratio of two medians keeps.
 */
function pairedRatios(variant, samplesOf) {
  const mine = samplesOf(variant);
  const out = {};
  for (const other of VARIANTS) {
    if (other !== variant) {
      const theirs = samplesOf(other);
      out[other] = round(median(mine.map((r, i) => r.ms / theirs[i].ms)), 3);
    }
  }
  return out;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: round(os.loadavg()[0]),
    date: new Date().toISOString(),
  };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  ensureCompiled();
  const started = Date.now();
  const info = machine();

  // Fairness first: the four variants must write the same manifests.
  worker(['check']);
  console.log(`check: the four variants write the same manifests (${VARIANTS.join(', ')}); in the natural comparison, all but cdk8s-plus-28 do`);

  const configurations = [
    ...opts.ns.map((n) => ({ set: 'same', n, charts: 1 })),
    ...opts.charts.map((charts) => ({ set: 'same', n: opts.chartsN, charts })),
    ...opts.naturalNs.map((n) => ({ set: 'natural', n, charts: 1 })),
  ];
  const key = (c, variant) => `${c.set}/${c.n}/${c.charts}/${variant}`;
  const total = opts.reps * configurations.length * VARIANTS.length + opts.coldReps * VARIANTS.length;
  let done = 0;
  const progress = (what) => {
    done++;
    if (process.stdout.isTTY) {
      process.stdout.write(`\r${done}/${total} ${what}`.padEnd(60));
    }
  };

  const samples = {};
  for (let rep = 0; rep < opts.reps; rep++) {
    for (const c of configurations) {
      for (const variant of rotated(rep)) {
        const r = worker(['run', variant, String(c.n), String(c.charts), c.set]);
        (samples[key(c, variant)] ??= []).push(r);
        progress(`run ${variant} N=${c.n} charts=${c.charts} ${c.set}`);
      }
    }
  }
  const coldSamples = {};
  for (let rep = 0; rep < opts.coldReps; rep++) {
    for (const variant of rotated(rep)) {
      (coldSamples[variant] ??= []).push(worker(['cold', variant]));
      progress(`cold start ${variant}`);
    }
  }
  if (process.stdout.isTTY) {
    process.stdout.write('\r'.padEnd(61) + '\r');
  }

  const runs = [];
  for (const c of configurations) {
    for (const variant of VARIANTS) {
      const s = samples[key(c, variant)];
      runs.push({
        n: c.n,
        charts: c.charts,
        set: c.set,
        variant,
        medianMs: round(median(s.map((r) => r.ms))),
        minMs: round(Math.min(...s.map((r) => r.ms))),
        heapMb: round(median(s.map((r) => r.heapMb))),
        rssMb: round(median(s.map((r) => r.rssMb))),
        pairedVs: pairedRatios(variant, (other) => samples[key(c, other)]),
      });
    }
  }
  const coldStart = VARIANTS.map((variant) => ({
    variant,
    medianMs: round(median(coldSamples[variant].map((r) => r.ms))),
    requireMs: round(median(coldSamples[variant].map((r) => r.requireMs))),
    pairedVs: pairedRatios(variant, (other) => coldSamples[other]),
  }));

  const results = {
    machine: { ...info, repetitions: opts.reps, coldStartRepetitions: opts.coldReps, minutes: round((Date.now() - started) / 60000, 1) },
    runs,
    coldStart,
  };
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify(results, null, 2) + '\n');
  printTable(results);
  if (opts.quick) {
    console.log('\n(smoke run: small N, one repetition; the timings and targets above mean nothing)');
  }
  console.log(`\nwrote ${path.relative(process.cwd(), opts.out) || opts.out}`);
}

try {
  main();
} catch (e) {
  console.error(`\nbench failed: ${e.message}`);
  process.exit(1);
}
