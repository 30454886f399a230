'use strict';
/**
 * One measurement in a fresh process (started by bench/run.js with --expose-gc). Prints one
 * JSON line on stdout.
 *
 *   node --expose-gc bench/worker.js run VARIANT N [CHARTS] [SET]
 *                                                    construct + app.synthYaml() of N units spread
 *                                                    over CHARTS charts (1), SET same or natural
 *   node --expose-gc bench/worker.js cold VARIANT    require + one unit, timed from process start
 *   node bench/worker.js check                       all four variants write the same manifests
 *
 * Nothing but node built-ins and bench/units.js is loaded before the timed part.
 */
const { performance } = require('perf_hooks');
const { VARIANTS, variants, buildApp } = require('./units');

function ms(from, to) {
  return Number(to - from) / 1e6;
}

function countDocs(yaml) {
  // cdk8s joins documents with '---' lines.
  let docs = 1;
  let at = yaml.indexOf('\n---\n');
  while (at !== -1) {
    docs++;
    at = yaml.indexOf('\n---\n', at + 5);
  }
  return docs;
}

function memory(keep) {
  global.gc();
  global.gc();
  const heapUsed = process.memoryUsage().heapUsed;
  // Keep the construct tree alive through the collection: that is the memory the app holds.
  if (!keep) {
    throw new Error('nothing measured');
  }
  return {
    heapMb: heapUsed / 2 ** 20,
    rssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function run(variant, n, charts, set) {
  const t0 = process.hrtime.bigint();
  const mods = variants[variant].load();
  const t1 = process.hrtime.bigint();
  const cpu1 = process.cpuUsage();
  let app = buildApp(variant, n, mods, charts, set);
  let yaml = app.synthYaml();
  const t2 = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpu1);
  const bytes = yaml.length;
  const docs = countDocs(yaml);
  if (docs !== 2 * n) {
    throw new Error(`${variant} wrote ${docs} documents for ${n} units; expected ${2 * n}`);
  }
  yaml = undefined; // heap after GC counts what the app keeps, not the output string
  const mem = memory(app);
  // cpuMs (user + system, all threads) is less sensitive than ms to other processes on the machine.
  return { variant, n, charts, set, ms: ms(t1, t2), cpuMs: (cpu.user + cpu.system) / 1000, requireMs: ms(t0, t1), bytes, ...mem };
}

function cold(variant) {
  const t0 = performance.now();
  const mods = variants[variant].load();
  const t1 = performance.now();
  const yaml = buildApp(variant, 1, mods).synthYaml();
  const t2 = performance.now();
  if (countDocs(yaml) !== 2) {
    throw new Error(`${variant} did not write one Pod and one Service`);
  }
  // performance.now() counts from process start: node's own start-up is included.
  return { variant, ms: t2, requireMs: t1 - t0, startupMs: t0, unitMs: t2 - t1 };
}

/** Drops what the API server treats as unset: empty lists (cdk8s-plus-28 writes externalIPs: []). */
function normalize(value) {
  if (Array.isArray(value)) {
    return value.map(normalize);
  }
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (Array.isArray(v) && v.length === 0) {
        continue;
      }
      out[k] = normalize(v);
    }
    return out;
  }
  return value;
}

/** The paths where two JSON values differ, e.g. `spec.containers[0].image: "a" != "b"`. */
function differences(a, b, path = '', out = []) {
  if (isPlain(a) && isPlain(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      differences(a[k], b[k], path ? `${path}.${k}` : k, out);
    }
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((x, i) => differences(x, b[i], `${path}[${i}]`, out));
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push(`${path || '(document)'}: ${JSON.stringify(a)} (raw) != ${JSON.stringify(b)}`);
  }
  return out;
}

function isPlain(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function check() {
  return { ...checkSet('same', VARIANTS), natural: checkSet('natural', VARIANTS.filter((v) => v !== 'cdk8s-plus-28')) };
}

/** Checks that the variants write the same manifests in one comparison (over two charts). */
function checkSet(set, variantsToCompare) {
  const { isDeepStrictEqual } = require('util');
  const YAML = require('yaml');
  const n = 2;
  const docsOf = {};
  for (const variant of variantsToCompare) {
    const yaml = buildApp(variant, n, variants[variant].load(), 2, set).synthYaml();
    docsOf[variant] = YAML.parseAllDocuments(yaml).map((d) => normalize(d.toJSON()));
  }
  const reference = docsOf.raw;
  const problems = [];
  for (const variant of variantsToCompare) {
    const docs = docsOf[variant];
    if (docs.length !== 2 * n) {
      problems.push(`${variant}: ${docs.length} documents for ${n} units, expected ${2 * n}`);
      continue;
    }
    docs.forEach((doc, i) => {
      if (!isDeepStrictEqual(doc, reference[i])) {
        const where = `${reference[i].kind} '${reference[i].metadata?.name}'`;
        problems.push(`${variant}, ${where}:\n    ${differences(reference[i], doc).join('\n    ')}`);
      }
    });
  }
  if (problems.length > 0) {
    throw new Error(`the variants do not write the same manifests (${set} comparison), so it would not be fair:\n${problems.join('\n')}`);
  }
  return { check: 'ok', set, variants: variantsToCompare, units: n, documents: 2 * n };
}

function main() {
  const [mode, variant, n, charts, set] = process.argv.slice(2);
  if (mode !== 'check' && !VARIANTS.includes(variant)) {
    throw new Error(`unknown variant ${JSON.stringify(variant)}; use one of ${VARIANTS.join(', ')}`);
  }
  if ((mode === 'run' || mode === 'cold') && typeof global.gc !== 'function' && mode === 'run') {
    throw new Error('run the worker with node --expose-gc');
  }
  let result;
  if (mode === 'run') {
    result = run(variant, Number(n), Number(charts ?? 1), set ?? 'same');
  } else if (mode === 'cold') {
    result = cold(variant);
  } else if (mode === 'check') {
    result = check();
  } else {
    throw new Error(`unknown mode ${JSON.stringify(mode)}; use run, cold or check`);
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}

main();
