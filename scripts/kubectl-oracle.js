#!/usr/bin/env node
/*
 * The library's mirrors of apimachinery's validation functions against the Go functions
 * themselves, as kubectl runs them offline (client side, no cluster): kubectl is built from the
 * same k8s.io/apimachinery code the API server validates with. Needs kubectl on PATH (1.32 for
 * the same code as the library's rules) and the compiled library (`npx projen compile`).
 *
 *   node scripts/kubectl-oracle.js [cases per function, default 500] [seed, default 1]
 *
 * For each function it generates random and edge-case strings, asks the library (lib/validation)
 * and kubectl, and prints the agreement; the disagreements are listed and the exit code is 1.
 *
 * | Go function (API server use)                     | kubectl call that runs it                          |
 * | resource.ParseQuantity (resources, quantities)   | set resources --local --limits=r0=V,...            |
 * | validation.IsQualifiedName (label, selector keys) | set selector --local (labels.Parse)               |
 * | validation.IsValidLabelValue (label values)      | label --local k0=V ...                             |
 * | validation.IsConfigMapKey (ConfigMap data keys)  | create configmap --dry-run=client --from-literal   |
 * | validation.IsValidPortName (named ports)         | create service clusterip --tcp=1:NAME              |
 * | validation.IsDNS1123Subdomain (names)            | create service externalname --external-name        |
 *
 * Values kubectl's command line cannot carry (',' and '=' in lists, a leading '-') are left out.
 * Quantities compare the accept/reject verdict and the text Go prints (Quantity.String(), which
 * the library's goQuantityString mirrors); exponents are kept within +-1000 (Go takes seconds for
 * some huge negative ones, and wraps exponents near 2^31 when it prints them).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const lib = path.join(__dirname, '..', 'lib', 'validation');
if (!fs.existsSync(path.join(lib, 'quantity.js'))) {
  console.error(`${lib} is not built: run \`npx projen compile\` first (it builds lib/ from src/).`);
  process.exit(2);
}
const { parseQuantity, goQuantityString } = require(path.join(lib, 'quantity'));
const names = require(path.join(lib, 'names'));

const N = Number(process.argv[2] ?? 500);
let seed = Number(process.argv[3] ?? 1);

// A small deterministic generator (mulberry32), so a run can be repeated.
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chars = (n, alphabet) => Array.from({ length: n }, () => pick([...alphabet])).join('');

const version = spawnSync('kubectl', ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  console.error('kubectl is not on PATH: install kubectl (1.32 runs the same apimachinery code as the library mirrors) and run again.');
  process.exit(2);
}
console.log(`kubectl ${JSON.parse(version.stdout).clientVersion.gitVersion}, ${N} cases per function, seed ${process.argv[3] ?? 1}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubectl-oracle-'));
const pod = path.join(dir, 'pod.yaml');
const svc = path.join(dir, 'svc.yaml');
fs.writeFileSync(pod, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
fs.writeFileSync(svc, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {a: b}\n  ports: [{port: 80}]\n');

function kubectl(args) {
  const r = spawnSync('kubectl', args, { encoding: 'utf8', timeout: 60000 });
  return r.status === 0 ? JSON.parse(r.stdout) : undefined;
}

/**
 * What kubectl makes of each value: its output for the value, or undefined when it refuses it.
 * The values the library accepts go in batches (a refused batch is split until each refusal is a
 * single value); those it refuses, one per call.
 */
function oracle(values, run, library) {
  const out = new Map();
  const solve = (batch) => {
    const got = run(batch);
    if (got !== undefined) {
      batch.forEach((v, i) => out.set(v, got[i]));
    } else if (batch.length === 1) {
      out.set(batch[0], undefined);
    } else {
      solve(batch.slice(0, batch.length >> 1));
      solve(batch.slice(batch.length >> 1));
    }
  };
  const accepted = values.filter((v) => library(v) !== undefined);
  for (let i = 0; i < accepted.length; i += 100) {
    solve(accepted.slice(i, i + 100));
  }
  values.filter((v) => library(v) === undefined).forEach((v) => solve([v]));
  return out;
}

function nameLike(max) {
  const r = random();
  if (r < 0.3) {
    return chars(pick([1, 2, 3, 5, 10, max - 1, max, max + 1]), 'abcxyzABCXYZ0189-_./');
  }
  if (r < 0.5) {
    return chars(pick([1, 2, 5, 62, 63, 64, 252, 253, 254, 316, 317]), 'abc019-.');
  }
  if (r < 0.65) {
    return chars(1 + Math.floor(random() * 12), "abcXYZ019-_./ :@#!()<>+*'\"\\\t");
  }
  if (r < 0.75) {
    return chars(1 + Math.floor(random() * 8), 'abcXYZ019-_.') + pick(['é', 'ß', 'İ', 'K', 'ſ', '\u00a0', '١', 'ａ', '\u200b']) + chars(Math.floor(random() * 5), 'abc');
  }
  const core = chars(pick([1, 3, max - 2, max - 1, max, max + 1]), 'abcXYZ019-_.');
  const named = pick(['', '', '-', '.', '_', '..', '0', 'a']) + core + pick(['', '', '-', '.', '_', 'a', '9']);
  // A prefix (for qualified names): a DNS subdomain, or not, and a '/'.
  return random() < 0.4 ? `${chars(pick([1, 5, 63, 64, 253, 254]), 'abc.019-')}/${named}` : named;
}

function quantityLike() {
  if (random() < 0.25) {
    return chars(1 + Math.floor(random() * 8), '0123456789.+-eEinumkKMGTP');
  }
  const digits = (n) => chars(n, '0123456789');
  let number = pick(['', '', '', '+', '-']) + (random() < 0.2 ? '0'.repeat(1 + Math.floor(random() * 3)) : '') + digits(pick([0, 1, 1, 2, 3, 6, 9, 12, 18, 19, 20, 25]));
  if (random() < 0.4) {
    number += `.${digits(pick([0, 1, 2, 3, 6, 9, 10, 18, 20]))}`;
  }
  return number + pick(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'e', 'E', 'e0', 'e3', 'E3', 'e-3', 'E+3',
    'e-9', 'e-10', 'e18', 'e19', 'e21', 'e100', 'e-100', 'e999', 'e-999', 'i', 'K', 'Ki3', 'kk', 'mi', 'Ki-', 'e-', 'e+', 'ee', 'm3', 'KiB', 'Mi+1']);
}

const EDGE_QUANTITIES = ['0', '1', '-0', '+0', '.', '.5', '+.5', '1.', '00', '0Ki', '.Ki', '1Ki', '1024Ki', '1000m', '0.1', '100m', '1e3', '1E3', '1e-3', '1n',
  '0.5n', '0.1n', '9223372036854775807', '9223372036854775808', '8Ei', '16Ei', '9223372036854775807Ki', '1e-10', '0.0000000001', '1234567890123456789',
  '1.5Gi', '0.5Ki', '1.Ki', '.5Ki', '1000E', '1e21', '1.e3', '1e', 'E', 'e3', '+', '-', '5e-10', '-5e-10', '1500m', '2300m', '2.3', '01', '+1Ki', '10e-1'];

const only = (ok) => (values) => [...new Set(values)].filter(ok);
const plain = (v) => v.length > 0 && !/^-|[,=\s]/.test(v);
const FUNCTIONS = [
  {
    go: 'resource.ParseQuantity',
    values: only(plain)([...EDGE_QUANTITIES, ...Array.from({ length: N }, quantityLike)]),
    library: (v) => (parseQuantity(v) === undefined ? undefined : goQuantityString(v)),
    run: (batch) => {
      const o = kubectl(['set', 'resources', '--local', '-f', pod, '-o', 'json', `--limits=${batch.map((v, i) => `r${i}=${v}`).join(',')}`]);
      return o && batch.map((_, i) => o.spec.containers[0].resources.limits[`r${i}`]);
    },
  },
  {
    go: 'validation.IsQualifiedName',
    values: only(plain)(Array.from({ length: N }, () => nameLike(63))),
    library: (v) => (names.qualifiedName(v) === undefined ? v : undefined),
    run: (batch) => {
      const o = kubectl(['set', 'selector', '--local', '-f', svc, '-o', 'json', '--', batch.map((v) => `${v}=v`).join(',')]);
      return o && batch.map((v) => (o.spec.selector[v] === 'v' ? v : 'missing'));
    },
  },
  {
    go: 'validation.IsValidLabelValue',
    values: only((v) => !/[,=\s]/.test(v))(Array.from({ length: N }, () => nameLike(63))),
    library: (v) => (names.labelValue(v) === undefined ? v : undefined),
    run: (batch) => {
      const o = kubectl(['label', '--local', '-f', pod, '-o', 'json', '--', ...batch.map((v, i) => `k${i}=${v}`)]);
      return o && batch.map((_, i) => o.metadata.labels[`k${i}`]);
    },
  },
  {
    go: 'validation.IsConfigMapKey',
    values: only(plain)(Array.from({ length: N }, () => nameLike(253))),
    library: (v) => (names.configMapKey(v) === undefined ? v : undefined),
    run: (batch) => {
      const o = kubectl(['create', 'configmap', 'x', '--dry-run=client', '-o', 'json', ...batch.map((v) => `--from-literal=${v}=v`)]);
      return o && batch.map((v) => (o.data?.[v] === 'v' ? v : 'missing'));
    },
  },
  {
    go: 'validation.IsValidPortName',
    // kubectl takes a digit-only target as a number.
    values: only((v) => plain(v) && !/[:]/.test(v) && !/^[0-9]+$/.test(v))(Array.from({ length: N }, () => nameLike(15))),
    library: (v) => (names.ianaServiceName(v) === undefined ? v : undefined),
    run: (batch) => {
      const o = kubectl(['create', 'service', 'clusterip', 'x', '--dry-run=client', '-o', 'json', ...batch.map((v, i) => `--tcp=${i + 1}:${v}`)]);
      return o && o.spec.ports.map((p) => p.targetPort);
    },
  },
  {
    go: 'validation.IsDNS1123Subdomain',
    values: only(plain)(Array.from({ length: Math.min(N, 300) }, () => nameLike(253))),
    library: (v) => (names.dns1123Subdomain(v) === undefined ? v : undefined),
    // One per call: kubectl takes one external name.
    run: (batch) => {
      const o = batch.length === 1 ? kubectl(['create', 'service', 'externalname', 'x', `--external-name=${batch[0]}`, '--dry-run=client', '-o', 'json']) : undefined;
      return o && [o.spec.externalName];
    },
  },
];

let failed = false;
for (const f of FUNCTIONS) {
  const go = oracle(f.values, f.run, f.library);
  const differ = f.values.filter((v) => f.library(v) !== go.get(v));
  const accepted = f.values.filter((v) => go.get(v) !== undefined).length;
  console.log(`${f.go}: ${f.values.length} values (${accepted} accepted by Go), ${f.values.length - differ.length} agree`);
  for (const v of differ.slice(0, 20)) {
    console.log(`  ${JSON.stringify(v)}: library ${JSON.stringify(f.library(v) ?? 'refused')}, Go ${JSON.stringify(go.get(v) ?? 'refused')}`);
  }
  failed ||= differ.length > 0;
}
fs.rmSync(dir, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
