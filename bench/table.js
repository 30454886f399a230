#!/usr/bin/env node
'use strict';
/**
 * Prints the tables of a bench results file (bench/run.js prints them after each run).
 *
 *   node bench/table.js [FILE] [--markdown]     FILE defaults to bench/results.json
 *
 * --markdown prints the tables docs/performance.md shows (node scripts/sync-readme.js writes them there).
 */
const fs = require('fs');
const path = require('path');

const VARIANTS = ['library', 'cdk8s-plus-28', 'l1', 'raw'];

const fixed = (x, d) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(d));
const ratio = (x) => `${fixed(x, 2)}x`;

// Entries written before the charts and natural comparisons existed count as one chart, same manifests.
const chartsOf = (r) => r.charts ?? 1;
const setOf = (r) => r.set ?? 'same';

/**
 * The paired ratio of run `r` to the run `other` of another variant (the median over the
 * repetitions of the two times measured back to back: see pairedRatios in bench/run.js); results
 * written before paired ratios existed fall back to the ratio of the medians.
 */
function paired(r, other) {
  return r.pairedVs?.[other.variant] ?? r.medianMs / other.medianMs;
}

/** The rows and the target verdicts of a results object. */
function analyse(results) {
  const base = results.runs.filter((r) => chartsOf(r) === 1 && setOf(r) === 'same');
  const ns = [...new Set(base.map((r) => r.n))].sort((a, b) => a - b);
  const get = (n, v) => base.find((r) => r.n === n && r.variant === v);
  const find = (n, v, charts, set) => results.runs.find((r) => r.n === n && r.variant === v && chartsOf(r) === charts && setOf(r) === set);
  const rowsOf = (runs) => runs.map((r) => {
    const raw = find(r.n, 'raw', chartsOf(r), setOf(r));
    return {
      n: r.n,
      charts: chartsOf(r),
      variant: r.variant,
      perUnit: r.medianMs / r.n,
      timeRatio: r.medianMs / raw.medianMs,
      pairedRatio: paired(r, raw),
      minRatio: r.minMs / raw.minMs,
      heapRatio: r.heapMb / raw.heapMb,
    };
  });
  const chartRows = rowsOf(results.runs.filter((r) => chartsOf(r) > 1 && setOf(r) === 'same'));
  const naturalRows = rowsOf(results.runs.filter((r) => setOf(r) === 'natural'));
  const perf = [];
  for (const n of ns) {
    const raw = get(n, 'raw');
    for (const v of VARIANTS) {
      const r = get(n, v);
      perf.push({
        n,
        variant: v,
        perUnit: (r.medianMs / n),
        minPerUnit: (r.minMs / n),
        timeRatio: r.medianMs / raw.medianMs,
        pairedRatio: paired(r, raw),
        minRatio: r.minMs / raw.minMs,
        heapMb: r.heapMb,
        heapRatio: r.heapMb / raw.heapMb,
        rssMb: r.rssMb,
        rssRatio: r.rssMb / raw.rssMb,
      });
    }
  }
  const lo = ns[0];
  const hi = ns[ns.length - 1];
  const kept = {};
  const slope = {};
  for (const v of VARIANTS) {
    kept[v] = ns.length > 1 ? ((get(hi, v).heapMb - get(lo, v).heapMb) * 1024) / (hi - lo) : NaN;
    slope[v] = (get(hi, v).medianMs / hi) / (get(lo, v).medianMs / lo);
  }
  const cold = Object.fromEntries(results.coldStart.map((c) => [c.variant, c]));

  // Time targets are judged on paired ratios (the ratio of the medians is shown next to them).
  const both = (p, m) => `${ratio(p)} paired (${ratio(m)} of the medians)`;
  const targets = [];
  for (const n of ns.filter((x) => x >= 1000)) {
    const lib = get(n, 'library');
    const raw = get(n, 'raw');
    const plus = get(n, 'cdk8s-plus-28');
    const r = paired(lib, raw);
    const k = 1 / paired(lib, plus);
    targets.push({ name: `N=${n}, one chart: library at most 1.2x raw`, value: both(r, lib.medianMs / raw.medianMs), met: r <= 1.2 });
    targets.push({ name: `N=${n}, one chart: library at least 1.2x faster than cdk8s-plus-28 for the same manifests`, value: both(k, plus.medianMs / lib.medianMs), met: k >= 1.2 });
  }
  for (const row of chartRows.filter((x) => x.variant === 'library')) {
    targets.push({ name: `N=${row.n} over ${row.charts} charts: library at most 1.3x raw`, value: both(row.pairedRatio, row.timeRatio), met: row.pairedRatio <= 1.3 });
  }
  if (ns.length > 1) {
    const m = kept.library / kept.raw;
    targets.push({ name: `memory kept per unit (N=${lo} to ${hi}) at most 1.3x raw's`, value: `${fixed(kept.library, 1)} KB vs ${fixed(kept.raw, 1)} KB = ${ratio(m)}`, met: m <= 1.3 });
    // Flat = no growth of the per-unit cost from one N to the next (a superlinear check would show
    // up as growth); the smallest N also pays the JIT warm-up, so falling is expected.
    const flatFrom = ns.filter((n) => n >= 1000).length > 1 ? ns.filter((n) => n >= 1000) : ns;
    const perUnit = flatFrom.map((n) => get(n, 'library').medianMs / n);
    const growth = Math.max(...perUnit.slice(1).map((x, i) => x / perUnit[i]));
    targets.push({
      name: `cost per unit flat from N=${flatFrom[0]} to ${hi} (library ms/unit never grows more than 1.2x from one N to the next)`,
      value: `${perUnit.map((x) => fixed(x, 3)).join(' -> ')} ms`,
      met: growth <= 1.2,
    });
  }
  const coldL1 = paired(cold.library, cold.l1);
  const coldPlus = paired(cold.library, cold['cdk8s-plus-28']);
  targets.push({ name: 'cold start no slower than l1', value: `${fixed(cold.library.medianMs, 0)} vs ${fixed(cold.l1.medianMs, 0)} ms (medians), ${ratio(coldL1)} paired`, met: coldL1 <= 1 });
  targets.push({ name: 'cold start faster than cdk8s-plus-28', value: `${fixed(cold.library.medianMs, 0)} vs ${fixed(cold['cdk8s-plus-28'].medianMs, 0)} ms (medians), ${ratio(coldPlus)} paired`, met: coldPlus < 1 });
  return { ns, perf, kept, slope, cold, targets, chartRows, naturalRows };
}

function machineLine(m) {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node.replace(/^v/, '')}; load average ${m.loadAverage} at start; `
    + `${m.repetitions} runs per configuration, ${m.coldStartRepetitions} cold starts per variant; ${m.date.slice(0, 16).replace('T', ' ')} UTC`;
}

function grid(header, rows, markdown, left = 2) {
  if (markdown) {
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map((_, i) => (i < left ? '---' : '---:'))), ...rows.map(line)].join('\n');
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i < left ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function render(results, markdown = false) {
  const a = analyse(results);
  const out = [];
  out.push(`${markdown ? '' : 'machine: '}${machineLine(results.machine)}`);
  out.push('');
  out.push(grid(
    ['N', 'variant', 'ms/unit (median)', 'ms/unit (min)', 'paired vs raw', 'median vs raw', 'min vs raw', 'heap after GC MB', 'heap vs raw', 'peak RSS MB', 'RSS vs raw'],
    a.perf.map((p) => [p.n, p.variant, fixed(p.perUnit, 3), fixed(p.minPerUnit, 3), ratio(p.pairedRatio), ratio(p.timeRatio), ratio(p.minRatio), fixed(p.heapMb, 1), ratio(p.heapRatio), fixed(p.rssMb, 0), ratio(p.rssRatio)]),
    markdown,
  ));
  out.push('');
  const lo = a.ns[0];
  const hi = a.ns[a.ns.length - 1];
  out.push(grid(
    ['variant', `heap kept per unit (N=${lo} to ${hi}) KB`, 'vs raw', `ms/unit at N=${hi} vs N=${lo}`, 'cold start ms', 'of which require ms', 'cold vs raw', 'cold paired vs raw'],
    VARIANTS.map((v) => [v, fixed(a.kept[v], 1), ratio(a.kept[v] / a.kept.raw), ratio(a.slope[v]), fixed(a.cold[v].medianMs, 0), fixed(a.cold[v].requireMs, 0), ratio(a.cold[v].medianMs / a.cold.raw.medianMs), ratio(paired(a.cold[v], a.cold.raw))]),
    markdown,
    1,
  ));
  if (a.chartRows.length > 0) {
    out.push('');
    out.push(markdown ? 'Units spread over many charts (same manifests):' : 'units spread over many charts (same manifests):');
    out.push('');
    out.push(grid(
      ['N', 'charts', 'variant', 'ms/unit (median)', 'paired vs raw', 'median vs raw', 'min vs raw', 'heap vs raw'],
      a.chartRows.map((p) => [p.n, p.charts, p.variant, fixed(p.perUnit, 3), ratio(p.pairedRatio), ratio(p.timeRatio), ratio(p.minRatio), ratio(p.heapRatio)]),
      markdown,
      3,
    ));
  }
  if (a.naturalRows.length > 0) {
    out.push('');
    out.push(markdown
      ? 'What each variant\'s users naturally write for the tutorial\'s pod and a Service (cdk8s-plus-28 with its defaults, the others the tutorial\'s manifest):'
      : 'natural code (cdk8s-plus-28 with its defaults; library, l1 and raw write the tutorial\'s manifest):');
    out.push('');
    out.push(grid(
      ['N', 'variant', 'ms/unit (median)', 'paired vs raw', 'median vs raw', 'min vs raw', 'heap vs raw'],
      a.naturalRows.map((p) => [p.n, p.variant, fixed(p.perUnit, 3), ratio(p.pairedRatio), ratio(p.timeRatio), ratio(p.minRatio), ratio(p.heapRatio)]),
      markdown,
    ));
  }
  out.push('');
  out.push(markdown ? 'Targets (issue 14), from this run:' : 'targets (issue 14), from this run:');
  out.push('');
  for (const t of a.targets) {
    const verdict = markdown ? (t.met ? 'met:' : '**missed**:') : (t.met ? 'met   ' : 'MISSED');
    out.push(`${markdown ? '- ' : '  '}${verdict} ${t.name}: ${t.value}`);
  }
  return out.join('\n');
}

function printTable(results) {
  console.log('\n' + render(results, false));
}

module.exports = { analyse, render, printTable };

if (require.main === module) {
  const args = process.argv.slice(2);
  const file = args.find((x) => !x.startsWith('--')) ?? path.join(__dirname, 'results.json');
  console.log(render(JSON.parse(fs.readFileSync(file, 'utf8')), args.includes('--markdown')));
}
