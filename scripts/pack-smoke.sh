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
#
# Run it after `npx projen build` (and after any `cdk8s synth`: synth wipes dist/), from the repo
# root: `bash scripts/pack-smoke.sh [tarball]` or `npx projen pack-smoke`.
# Prints one PASS/FAIL line per check; exits 1 if any check failed. ~20-30 s on a warm npm cache.
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

if [ "$failed" -eq 0 ]; then
  echo "pack-smoke: all checks passed $(took)"
else
  echo "pack-smoke: $failed check(s) failed $(took)"
  exit 1
fi
