#!/usr/bin/env bash
# Packaging smoke test: does the npm package that `npx projen build` wrote work for a user?
#
#  1. the tarball dist/js/cdk8s-pod-patterns@<version>.jsii.tgz holds only lib/ (.js, .d.ts),
#     .jsii, README.md, API.md, LICENSE, package.json (and CHANGELOG.md);
#  2. its package.json: entry points present, keywords, license, repository, engines, peer ranges;
#  3. every public prop in its .jsii (the source of API.md) is documented, with @default, and
#     API.md documents only members the lowest supported peers have;
#  4. `npm publish --dry-run` accepts it (nothing is published);
#  5. a fresh cdk8s TypeScript app in a temp folder (outside the repo: no access to src/ or
#     node_modules/) installs the tarball and the peer dependencies from the registry,
#     type-checks main.ts with tsc (strict node16 + TypeScript 6, then `cdk8s init`'s template
#     tsconfig + the TypeScript 5.9 cdk8s-cli pins), runs `cdk8s synth`, and the YAML equals
#     the seed's reference manifests (parsed, compared as data).
#  6. the import command from the installed package: `npx cdk8s-pod-patterns import` on the seed's
#     manifests with --check --out (typescript and ts-node refused at run time), the generated app
#     type-checked and synthesized with `cdk8s synth`, equal to the seed's manifests.
#  7. a new app as `cdk8s init typescript-app` writes it (cdk8s-cli's template: the newest cdk8s,
#     constructs and cdk8s-plus-33, TypeScript 5.9) installs the tarball and cdk8s-plus-28 as the
#     README says, uses the library with plain values, cdk8s-plus-33's k8s values and a
#     cdk8s-plus-33 Deployment; strict tsc, `cdk8s synth`, YAML = test/fixtures/pack-smoke/plus33/.
#
# Run it after `npx projen build` (and after any `cdk8s synth`: synth wipes dist/), from the repo
# root: `bash scripts/pack-smoke.sh [tarball]` or `npx projen pack-smoke`.
# Prints one PASS/FAIL line per check; exits 1 if any check failed. ~70-80 s on a warm npm cache
# and 2 shared cores (of which ~20-25 s for the cdk8s init app of 7.).
# Env: REFERENCE_DIR (default ../shared/reference, else test/fixtures); KEEP_SMOKE_APP=1 keeps
# the temp app for inspection; SMOKE_PEERS=latest installs the newest cdk8s, constructs and
# cdk8s-plus-28 that the package's peer ranges allow (default: the repo's package-lock versions).
set -uo pipefail
given=""; if [ $# -gt 0 ]; then given=$(realpath -m "$1"); fi
cd "$(dirname "$0")/.."
root=$PWD
export CDK8S_CHECK_UPGRADE=false
unset NODE_PATH

failed=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
t0=$SECONDS
took() { echo "($((SECONDS - t0)) s)"; }

shopt -s nullglob
if [ -n "$given" ]; then
  [ -f "$given" ] || { echo "FAIL: no tarball $given"; exit 1; }
  tarballs=("$given")
else
  tarballs=(dist/js/cdk8s-pod-patterns@*.jsii.tgz)
fi
if [ ${#tarballs[@]} -ne 1 ]; then
  echo "FAIL: expected one dist/js/cdk8s-pod-patterns@<version>.jsii.tgz, found ${#tarballs[@]}:" \
    "${tarballs[*]:-none} (run \`npx projen build\` after \`npm run synth\`: cdk8s synth wipes dist/;" \
    "or name the tarball: scripts/pack-smoke.sh dist/js/<file>)"
  exit 1
fi
tgz=$(realpath "${tarballs[0]}")
echo "pack-smoke: ${tarballs[0]}"

work=$(mktemp -d "${TMPDIR:-/tmp}/pod-patterns-smoke.XXXXXX")
if [ "${KEEP_SMOKE_APP:-}" = 1 ]; then echo "pack-smoke: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
mkdir -p "$work/unpacked" "$work/app" "$work/publish"
tar -xzf "$tgz" -C "$work/unpacked" || { echo "FAIL: cannot unpack $tgz"; exit 1; }
pkg="$work/unpacked/package"

# --- 1. file list -------------------------------------------------------------------------
# What npm may ship: the compiled library, the jsii manifest, the docs, the license, metadata.
allowed='^package/(package\.json|\.jsii|README\.md|API\.md|LICENSE|CHANGELOG\.md|lib/([A-Za-z0-9_.-]+/)*[A-Za-z0-9_.-]+\.(js|d\.ts))$'
files=$(tar -tzf "$tgz" | grep -v '/$' | sort)
unexpected=$(grep -Ev "$allowed" <<<"$files")
missing=""
for f in package.json .jsii README.md API.md LICENSE lib/index.js lib/index.d.ts; do
  grep -qxF "package/$f" <<<"$files" || missing="$missing $f"
done
if [ -z "$unexpected" ] && [ -z "$missing" ]; then
  pass "tarball holds only lib/ (.js, .d.ts), .jsii, README.md, API.md, LICENSE, package.json ($(wc -l <<<"$files") files)"
else
  [ -n "$unexpected" ] && fail "tarball holds files that must not ship:" && sed 's/^/    /' <<<"$unexpected"
  [ -n "$missing" ] && fail "tarball lacks:$missing"
fi

# --- 2. package.json metadata ---------------------------------------------------------------
if node - "$pkg" <<'EOF'
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const p = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const problems = [];
const need = (ok, what) => { if (!ok) problems.push(what); };
need(p.name === 'cdk8s-pod-patterns', `name is ${p.name}`);
need(/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(p.version || ''), `version ${p.version} is not semver`);
for (const field of ['main', 'types']) {
  need(p[field] && fs.existsSync(path.join(dir, p[field])), `${field} ${p[field]} is not in the tarball`);
}
for (const k of ['cdk8s', 'kubernetes']) need((p.keywords || []).includes(k), `keywords lack ${k} (Construct Hub lists cdk8s libraries by it)`);
need(p.license === 'Apache-2.0', `license is ${p.license}`);
need(p.repository && /github\.com/.test(p.repository.url || ''), 'repository.url is missing');
need(/^>=\s*20(\.0\.0)?$/.test((p.engines || {}).node || ''), `engines.node is ${JSON.stringify((p.engines || {}).node)}, expected >= 20`);
// A user on any cdk8s 2.x / cdk8s-plus-28 2.x (from the versions this was built with) and
// constructs 10.x can satisfy the peers: caret ranges on the right major.
const peers = p.peerDependencies || {};
const want = { 'cdk8s': '^2.', 'constructs': '^10.', 'cdk8s-plus-28': '^2.' };
for (const [name, prefix] of Object.entries(want)) {
  need((peers[name] || '').startsWith(prefix), `peerDependencies.${name} is ${JSON.stringify(peers[name])}, expected ${prefix}x`);
}
for (const name of Object.keys(p.dependencies || {})) problems.push(`unexpected runtime dependency ${name} (use a peer dependency)`);
need(!p.scripts || !p.scripts.postinstall, 'a postinstall script would run on every user install');
if (problems.length) { for (const x of problems) console.log(`    ${x}`); process.exit(1); }
console.log(`    ${p.name}@${p.version}; peers ${Object.entries(peers).map(([k, v]) => `${k}@${v}`).join(', ')}; engines node ${p.engines.node}`);
EOF
then pass "package.json: name, semver, main/types in the tarball, keywords cdk8s+kubernetes, license, repository, engines, peer ranges"
else fail "package.json metadata (see above)"
fi

# --- 3. API docs -----------------------------------------------------------------------------
# The packed API.md documents only members the lowest supported peers have (this repository's
# node_modules holds exactly those: cdk8s 2.68.12, constructs 10.3.0, cdk8s-plus-28 2.5.6).
if node scripts/check-api-docs.js "$pkg/.jsii" --api-md "$pkg/API.md" --peers "$root/node_modules" | sed 's/^/    /'; [ "${PIPESTATUS[0]}" -eq 0 ]; then
  pass "API docs: every public type and member documented, every optional prop has @default, API.md matches the lowest peers"
else
  fail "API docs: missing doc comments or @default, or API.md members the lowest peers lack (listed above)"
fi

# --- 4. npm publish --dry-run ----------------------------------------------------------------
# From an empty folder so that the repo's package.json plays no part. Without credentials npm
# only warns ("requires you to be logged in ... (dry-run)"): nothing is sent.
if out=$(cd "$work/publish" && npm publish --dry-run --no-audit --no-fund "$tgz" 2>&1); then
  pass "npm publish --dry-run: $(grep -Eo 'Publishing to .*' <<<"$out" | head -1)"
else
  fail "npm publish --dry-run:"; sed 's/^/    /' <<<"$out" | tail -20
fi

# --- 5. a fresh cdk8s app ------------------------------------------------------------------
# Same versions as the repo's lock file: what the library was built and tested with.
versions=$(node -e '
  const l = require(process.argv[1]).packages;
  const v = (n) => { const e = l["node_modules/" + n]; if (!e) throw new Error(n + " is not in package-lock.json"); return e.version; };
  const out = Object.fromEntries(["cdk8s", "constructs", "cdk8s-plus-28", "typescript", "ts-node", "cdk8s-cli", "yaml"].map((n) => [n, v(n)]));
  // The TypeScript that `cdk8s init typescript-app` puts in a new app (cdk8s-cli pins its own).
  out.typescriptInit = (l["node_modules/cdk8s-cli/node_modules/typescript"] || {}).version || "5.9.x";
  console.log(JSON.stringify(out));
' "$root/package-lock.json") || { echo "FAIL: cannot read versions from package-lock.json"; exit 1; }
cp "$tgz" "$work/app/"
app="$work/app"
# SMOKE_PEERS=latest: the peers at the newest versions the package's peer ranges allow (what a
# new user gets today) instead of the lock file's.
if [ "${SMOKE_PEERS:-}" = latest ]; then
  versions=$(node -e '
    const v = JSON.parse(process.argv[1]);
    const peers = require(process.argv[2]).peerDependencies;
    for (const n of ["cdk8s", "constructs", "cdk8s-plus-28"]) v[n] = peers[n];
    console.log(JSON.stringify(v));
  ' "$versions" "$pkg/package.json")
fi
node -e '
  const [versions, tarball, out] = process.argv.slice(1);
  const v = JSON.parse(versions);
  const pkg = {
    name: "pod-patterns-smoke-app", version: "0.0.0", private: true,
    dependencies: { "cdk8s-pod-patterns": "file:./" + tarball, "cdk8s": v.cdk8s, "constructs": v.constructs, "cdk8s-plus-28": v["cdk8s-plus-28"] },
    devDependencies: {
      "typescript": v.typescript, "ts-node": v["ts-node"], "cdk8s-cli": v["cdk8s-cli"], "yaml": v.yaml,
      "typescript-cdk8s-init": "npm:typescript@" + v.typescriptInit,
    },
  };
  require("fs").writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
' "$versions" "$(basename "$tgz")" "$app/package.json"

cat >"$app/cdk8s.yaml" <<'EOF'
language: typescript
app: npx ts-node main.ts
EOF

cat >"$app/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "node16",
    "moduleResolution": "node16",
    "lib": ["es2022"],
    "types": [],
    "strict": true,
    "noImplicitAny": true,
    "noUnusedLocals": true,
    "skipLibCheck": false
  },
  "include": ["main.ts"]
}
EOF

# The seed's two manifests, declared the way a user of the published package would.
cat >"$app/main.ts" <<'EOF'
import { App, Chart } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-28';
import { InitPod, SidecarLoggedApp } from 'cdk8s-pod-patterns';

const app = new App();

// init-container.yml
const initChart = new Chart(app, 'init-container');
new InitPod(initChart, 'init-test', {
  metadata: { name: 'init-test' },
  initContainers: [{
    name: 'init-container',
    image: 'busybox:latest',
    command: ['sh', '-c', "echo 'Initialization started...'; sleep 10; echo 'Initialization completed.'"],
  }],
  containers: [{
    name: 'main-container',
    image: 'busybox:latest',
    command: ['sh', '-c', "echo 'Main container started'"],
  }],
});

// sidecar-container.yml; the container typed with cdk8s-plus-28's Kubernetes 1.28 types.
const sidecarChart = new Chart(app, 'sidecar-container');
const mainContainer: k8s.Container = {
  name: 'main-container',
  image: 'busybox',
  command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
};
new SidecarLoggedApp(sidecarChart, 'sidecar-test', {
  metadata: { name: 'sidecar-test' },
  app: mainContainer,
});

app.synth();
EOF

cat >"$app/compare.js" <<'EOF'
// node compare.js <synthesized.yaml> <reference.yml>: equal as data (all documents, any key order)?
const fs = require('fs');
const util = require('util');
const YAML = require('yaml');
const load = (f) => YAML.parseAllDocuments(fs.readFileSync(f, 'utf8')).map((d) => {
  if (d.errors.length) throw new Error(`${f}: ${d.errors[0].message}`);
  return d.toJSON();
}).filter((d) => d !== null);
const [got, want] = process.argv.slice(2).map(load);
if (util.isDeepStrictEqual(got, want)) process.exit(0);
console.log(`    synthesized: ${JSON.stringify(got)}`);
console.log(`    reference:   ${JSON.stringify(want)}`);
process.exit(1);
EOF

cd "$app" || exit 1
echo "pack-smoke: installing into $app $(took)"
if out=$(timeout 300 npm install --no-audit --no-fund --prefer-offline 2>&1); then
  installed=$(node -e 'for (const n of ["cdk8s", "constructs", "cdk8s-plus-28", "typescript", "ts-node", "cdk8s-cli"]) process.stdout.write(`${n}@${require(`./node_modules/${n}/package.json`).version} `)')
  pass "npm install of the tarball with its peers: $installed$(took)"
else
  fail "npm install:"; sed 's/^/    /' <<<"$out" | tail -30
  echo "pack-smoke: $failed check(s) failed"; exit 1
fi

# The package must come from the tarball, unpacked into the app (no link, no path into the repo).
resolved=$(node -p "require.resolve('cdk8s-pod-patterns')" 2>&1)
if [ ! -L node_modules/cdk8s-pod-patterns ] && [[ "$resolved" == "$app/node_modules/cdk8s-pod-patterns/"* ]] && [[ "$resolved" != "$root"* ]]; then
  pass "the app resolves cdk8s-pod-patterns to ${resolved#"$app/"} (unpacked from the tarball)"
else
  fail "the app resolves cdk8s-pod-patterns to $resolved (expected under $app/node_modules, not a link)"
fi

if out=$(npx --no-install tsc --noEmit -p . 2>&1); then
  pass "tsc --noEmit: main.ts type-checks against the package's .d.ts (TypeScript $(npx --no-install tsc -v | grep -Eo '[0-9.]+$'), node16 modules, skipLibCheck off) $(took)"
else
  fail "tsc --noEmit:"; sed 's/^/    /' <<<"$out" | tail -30
fi

# Also with what `cdk8s init typescript-app` gives a new user: its template's tsconfig.json
# (CommonJS, ES2017, lib es2016, no skipLibCheck) and the TypeScript that cdk8s-cli pins.
template=node_modules/cdk8s-cli/templates/typescript-app/tsconfig.json
tsc_init=node_modules/typescript-cdk8s-init/bin/tsc
if [ ! -f "$template" ] || [ ! -f "$tsc_init" ]; then
  fail "cdk8s init's tsconfig: $template or $tsc_init is missing"
elif node -e '
  const fs = require("fs");
  const t = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  t.include = ["main.ts"];
  fs.writeFileSync("tsconfig.cdk8s-init.json", JSON.stringify(t, null, 2));
' "$template" && out=$(node "$tsc_init" --noEmit -p tsconfig.cdk8s-init.json 2>&1); then
  pass "tsc --noEmit with cdk8s init's tsconfig.json and TypeScript $(node "$tsc_init" -v | grep -Eo '[0-9.]+$') $(took)"
else
  fail "tsc --noEmit with cdk8s init's tsconfig.json:"; sed 's/^/    /' <<<"$out" | tail -30
fi

if out=$(timeout 120 npx --no-install cdk8s synth --no-check-upgrade 2>&1); then
  pass "cdk8s synth: $(ls dist | tr '\n' ' ')$(took)"
else
  fail "cdk8s synth:"; sed 's/^/    /' <<<"$out" | tail -30
fi

ref=${REFERENCE_DIR:-}
if [ -z "$ref" ]; then
  if [ -d "$root/../shared/reference" ]; then ref="$root/../shared/reference"; else ref="$root/test/fixtures"; fi
fi
for m in init-container sidecar-container; do
  if [ ! -s "dist/$m.k8s.yaml" ]; then
    fail "$m: dist/$m.k8s.yaml was not synthesized"
  elif [ ! -s "$ref/$m.yml" ]; then
    fail "$m: no reference manifest $ref/$m.yml"
  elif node compare.js "dist/$m.k8s.yaml" "$ref/$m.yml"; then
    pass "$m: the app's dist/$m.k8s.yaml equals $(realpath -s --relative-to="$root" "$ref/$m.yml") as data"
  else
    fail "$m: the app's dist/$m.k8s.yaml differs from $ref/$m.yml (above)"
  fi
done

# --- 6. the import command (issue 13), from the installed package -----------------------------
# `npx cdk8s-pod-patterns import` on the seed's manifests with --check and --out, while a require
# hook refuses typescript and ts-node (the command needs only the package and its peers); then
# the generated app type-checks and `cdk8s synth` writes the seed's manifests from it.
cat >no-typescript.js <<'EOF'
const Module = require('module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (/^(typescript|ts-node)(\/|$)/.test(request)) throw new Error(`${request} was loaded by the import command`);
  return resolve.call(this, request, ...rest);
};
EOF
if [ ! -x node_modules/.bin/cdk8s-pod-patterns ]; then
  fail "import: node_modules/.bin/cdk8s-pod-patterns is missing (package.json bin)"
elif out=$(NODE_OPTIONS="--require $app/no-typescript.js" timeout 120 npx --no-install cdk8s-pod-patterns import \
    "$ref/init-container.yml" "$ref/sidecar-container.yml" --check --out imported.ts 2>&1) && [ -s imported.ts ]; then
  pass "import: npx cdk8s-pod-patterns import init-container.yml sidecar-container.yml --check --out imported.ts, without TypeScript: $(tail -1 <<<"$out") $(took)"
else
  fail "import --check:"; sed 's/^/    /' <<<"$out" | tail -30
fi
if [ -s imported.ts ]; then
  node -e '
    const fs = require("fs");
    const t = JSON.parse(fs.readFileSync("tsconfig.json", "utf8"));
    t.include = ["imported.ts"];
    fs.writeFileSync("tsconfig.imported.json", JSON.stringify(t, null, 2));
  '
  if out=$(npx --no-install tsc --noEmit -p tsconfig.imported.json 2>&1); then
    pass "import: the generated imported.ts type-checks against the package's .d.ts $(took)"
  else
    fail "import: tsc --noEmit imported.ts:"; sed 's/^/    /' <<<"$out" | tail -30
  fi
  if out=$(timeout 120 npx --no-install cdk8s synth --no-check-upgrade --app "npx ts-node imported.ts" --output dist-imported 2>&1); then
    for m in init-container sidecar-container; do
      if [ -s "dist-imported/$m.k8s.yaml" ] && [ -s "$ref/$m.yml" ] && node compare.js "dist-imported/$m.k8s.yaml" "$ref/$m.yml"; then
        pass "import: cdk8s synth of the generated app writes dist-imported/$m.k8s.yaml = $(realpath -s --relative-to="$root" "$ref/$m.yml") as data"
      else
        fail "import: the generated app's dist-imported/$m.k8s.yaml differs from $ref/$m.yml (above) or is missing"
      fi
    done
  else
    fail "import: cdk8s synth of the generated app:"; sed 's/^/    /' <<<"$out" | tail -30
  fi
fi
# --- end import --------------------------------------------------------------------------------

# --- 7. a new app as `cdk8s init typescript-app` writes it today (issue 15) -------------------
# The package.json, tsconfig.json and cdk8s.yaml of cdk8s-cli's typescript-app template (the
# cdk8s-cli installed above), rendered with the versions that cdk8s init puts in: its cdk8s,
# constructs and cdk8s-plus-33, TypeScript 5.9, ts-node 10, @types/node 14. Left out: jest,
# ts-jest and @types/jest (not run here) and `cdk8s import` (no network; main.ts does not use
# ./imports). Then the README's install command with the tarball for the unpublished name,
# `npm install <tarball> cdk8s-plus-28` (npm 11 would install the peer cdk8s-plus-28 unasked, but
# would not save it in package.json; the README has users name it). main.ts uses
# the library with plain values, with cdk8s-plus-33's k8s.Quantity / k8s.IntOrString and k8s
# structs, and with a cdk8s-plus-33 Deployment (ServiceTarget.fromKplus, Inject.into); strict
# tsc with the template's tsconfig.json, `cdk8s synth`, YAML = test/fixtures/pack-smoke/plus33/.
# Default: exact versions (the template's, no caret), so the run is reproducible; with
# SMOKE_PEERS=latest, the template's caret ranges: the newest a user gets today.
app33="$work/app-plus33"
expected33="$root/test/fixtures/pack-smoke/plus33"
mkdir -p "$app33"
cp "$tgz" "$app33/"
cli_dir="$app/node_modules/cdk8s-cli"
template_dir="$cli_dir/templates/typescript-app"
if ! versions33=$(node -e '
  const fs = require("fs");
  const path = require("path");
  const [cli, out, mode] = process.argv.slice(1);
  const version = (n) => require(require.resolve(`${n}/package.json`, { paths: [cli] })).version;
  const cliPkg = require(path.join(cli, "package.json"));
  // What cdk8s-cli lib/cli/cmds/init.js determineDeps() hands the template.
  const v = {
    cdk8s_core_version: version("cdk8s"),
    cdk8s_plus_version: version("cdk8s-plus-33"),
    constructs_version: cliPkg.dependencies.constructs.replace("^", ""),
    cdk8s_cli_spec: `^${cliPkg.version}`,
  };
  let text = fs.readFileSync(path.join(cli, "templates/typescript-app/package.json"), "utf8");
  text = text.replace(/\{\{\s*\$base\s*\}\}/g, "plus33-app");
  // Default: the exact versions cdk8s init starts from (reproducible); latest: as cdk8s init
  // writes them, caret ranges.
  text = text.replace(/(\^?)\{\{\s*(\w+)\s*\}\}/g, (m, caret, k) => {
    if (!(k in v)) throw new Error(`unknown placeholder ${m} in the template`);
    return mode === "latest" ? caret + v[k] : v[k].replace(/^\^/, "");
  });
  const pkg = JSON.parse(text);
  for (const n of ["jest", "ts-jest", "@types/jest"]) delete pkg.devDependencies[n];
  fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
  const d = { ...pkg.dependencies, ...pkg.devDependencies };
  console.log(Object.keys(d).sort().map((n) => `${n}@${d[n]}`).join(" "));
' "$cli_dir" "$app33/package.json" "${SMOKE_PEERS:-}" 2>&1); then
  fail "cdk8s init app: cannot render $template_dir/package.json: $versions33"
else
  cp "$template_dir/tsconfig.json" "$app33/tsconfig.json"
  # The template's cdk8s.yaml without `imports` (cdk8s import needs the network).
  grep -v -e '^imports:' -e '^  - k8s$' "$template_dir/cdk8s.yaml" >"$app33/cdk8s.yaml"

  cat >"$app33/main.ts" <<'EOF'
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { k8s } from 'cdk8s-plus-33';
import { ExposedService, Inject, InitStep, PlainPod, ServiceTarget, Sidecar, SidecarMode, Workload } from 'cdk8s-pod-patterns';

const app = new App();

// 1. Plain strings and numbers where Kubernetes takes a quantity or an int-or-string.
const plain = new Chart(app, 'plain-values');
const web = new PlainPod(plain, 'web', {
  metadata: { name: 'web', labels: { app: 'web' } },
  workload: Workload.deployment({
    replicas: 2,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
  }),
  containers: [{
    name: 'web',
    image: 'nginx:1.27',
    ports: [{ name: 'http', containerPort: 8080 }],
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } },
    readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
    livenessProbe: { tcpSocket: { port: 8080 } },
    volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
  }],
  volumes: [{ name: 'cache', emptyDir: { sizeLimit: '1Gi' } }],
});
ExposedService.clusterIp(plain, 'web-svc', { metadata: { name: 'web' }, target: web, ports: [{ port: 80, targetPort: 'http' }] });

// 2. cdk8s-plus-33's own k8s.Quantity and k8s.IntOrString, and values typed with its k8s structs.
const classes = new Chart(app, 'plus33-values');
const cache: k8s.Volume = { name: 'cache', emptyDir: { sizeLimit: k8s.Quantity.fromString('1Gi') } };
const strategy: k8s.DeploymentStrategy = {
  type: 'RollingUpdate',
  rollingUpdate: { maxSurge: k8s.IntOrString.fromString('25%'), maxUnavailable: k8s.IntOrString.fromNumber(0) },
};
const exporter: k8s.Container = {
  name: 'exporter',
  image: 'registry.example.com/exporter:0.9',
  ports: [{ name: 'metrics', containerPort: 9113 }],
  resources: { limits: { cpu: k8s.Quantity.fromNumber(0.5), memory: k8s.Quantity.fromString('32Mi') } },
};
new PlainPod(classes, 'api', {
  metadata: { name: 'api', labels: { app: 'api' } },
  workload: Workload.deployment({ strategy }),
  containers: [{
    name: 'api',
    image: 'registry.example.com/api:2.3',
    ports: [{ name: 'http', containerPort: 8080 }],
    resources: { requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('64Mi') } },
    readinessProbe: { httpGet: { path: '/healthz', port: k8s.IntOrString.fromNumber(8080) } },
    livenessProbe: { tcpSocket: { port: k8s.IntOrString.fromString('http') } },
    volumeMounts: [{ name: 'cache', mountPath: '/cache' }],
  }, exporter],
  volumes: [cache],
});

// 3. A cdk8s-plus-33 Deployment, exposed by a Service (its named port checked) and given a
//    native sidecar and an init step.
const kplusChart = new Chart(app, 'plus33-workload');
const worker = new kplus.Deployment(kplusChart, 'worker', {
  metadata: { name: 'worker' },
  containers: [{
    name: 'worker',
    image: 'registry.example.com/worker:1.0',
    ports: [{ name: 'http', number: 9090 }],
  }],
});
ExposedService.clusterIp(kplusChart, 'worker-svc', { metadata: { name: 'worker' }, target: ServiceTarget.fromKplus(worker), ports: [{ port: 80, targetPort: 'http' }] });
Inject.into(worker, {
  sidecars: [Sidecar.container({
    name: 'metrics',
    image: 'registry.example.com/metrics:1.0',
    resources: { requests: { cpu: '10m', memory: k8s.Quantity.fromString('16Mi') } },
  }, SidecarMode.NATIVE)],
  initSteps: [InitStep.command('migrate', 'registry.example.com/worker:1.0', ['./migrate', '--wait'])],
});

app.synth();
EOF

  if [ "${SMOKE_PEERS:-}" = latest ]; then install33=(--prefer-online "./$(basename "$tgz")" cdk8s-plus-28)
  else install33=(--prefer-offline "./$(basename "$tgz")" "cdk8s-plus-28@$(node -p 'JSON.parse(process.argv[1])["cdk8s-plus-28"]' "$versions")"); fi
  echo "pack-smoke: cdk8s init app ($versions33) in $app33: npm install ${install33[*]} $(took)"
  cd "$app33" || exit 1
  if ! out=$(timeout 300 npm install --no-audit --no-fund "${install33[@]}" 2>&1); then
    fail "cdk8s init app: npm install:"; sed 's/^/    /' <<<"$out" | tail -30
  elif grep -Eiq 'ERESOLVE|peer dep|conflicting peer' <<<"$out"; then
    fail "cdk8s init app: npm install warns about peer dependencies:"; grep -Ei -A3 'ERESOLVE|peer' <<<"$out" | sed 's/^/    /' | head -30
  else
    # One cdk8s and one constructs for the app, both cdk8s-plus versions and this package: two
    # copies would make constructs from one unusable with the other.
    if out=$(node -e '
      const dirs = ["cdk8s-pod-patterns", "cdk8s-plus-28", "cdk8s-plus-33"].map((n) => require("path").dirname(require.resolve(`${n}/package.json`)));
      const bad = [];
      for (const n of ["cdk8s", "constructs"]) {
        const top = require.resolve(n);
        for (const d of dirs) { const r = require.resolve(n, { paths: [d] }); if (r !== top) bad.push(`${d} loads ${r}`); }
      }
      const v = (n) => `${n}@${require(`${n}/package.json`).version}`;
      const deps = require("./package.json").dependencies;
      if (!/^file:/.test(deps["cdk8s-pod-patterns"] || "")) bad.push(`package.json: cdk8s-pod-patterns is ${deps["cdk8s-pod-patterns"]}`);
      if (!deps["cdk8s-plus-28"]) bad.push("package.json: cdk8s-plus-28 not saved");
      if (bad.length) { console.log(bad.join("\n")); process.exit(1); }
      console.log(["cdk8s", "constructs", "cdk8s-plus-33", "cdk8s-plus-28", "typescript", "ts-node", "cdk8s-cli", "@types/node"].map(v).join(" "));
    ' 2>&1); then
      pass "cdk8s init app: npm install of the tarball and cdk8s-plus-28, no peer warnings, one cdk8s and one constructs: $out $(took)"
    else
      fail "cdk8s init app: install layout:"; sed 's/^/    /' <<<"$out"
    fi
    if out=$(npx --no-install tsc --noEmit -p . 2>&1); then
      pass "cdk8s init app: tsc --noEmit with the template's strict tsconfig.json (TypeScript $(npx --no-install tsc -v | grep -Eo '[0-9.]+$'), skipLibCheck off): plain values, cdk8s-plus-33 k8s values and a cdk8s-plus-33 Deployment type-check $(took)"
    else
      fail "cdk8s init app: tsc --noEmit:"; sed 's/^/    /' <<<"$out" | tail -30
    fi
    # tsc has just type-checked main.ts: ts-node only transpiles (saves its second type-check).
    if out=$(TS_NODE_TRANSPILE_ONLY=true timeout 120 npx --no-install cdk8s synth --no-check-upgrade 2>&1); then
      pass "cdk8s init app: cdk8s synth: $(ls dist | tr '\n' ' ')$(took)"
      for m in plain-values plus33-values plus33-workload; do
        if [ ! -s "dist/$m.k8s.yaml" ]; then
          fail "cdk8s init app: dist/$m.k8s.yaml was not synthesized"
        elif node "$app/compare.js" "dist/$m.k8s.yaml" "$expected33/$m.k8s.yaml"; then
          pass "cdk8s init app: dist/$m.k8s.yaml equals test/fixtures/pack-smoke/plus33/$m.k8s.yaml as data"
        else
          fail "cdk8s init app: dist/$m.k8s.yaml differs from test/fixtures/pack-smoke/plus33/$m.k8s.yaml (above)"
        fi
      done
    else
      fail "cdk8s init app: cdk8s synth:"; sed 's/^/    /' <<<"$out" | tail -30
    fi
  fi
fi
# --- end cdk8s init app ----------------------------------------------------------------------

if [ "$failed" -eq 0 ]; then
  echo "pack-smoke: all checks passed $(took)"
else
  echo "pack-smoke: $failed check(s) failed $(took)"
  exit 1
fi
