#!/usr/bin/env node
// npm's `prepare` script. It compiles the library (jsii: lib/ and .jsii) only when npm builds a
// package from this source and lib/ is not there yet, or is older than a file of src/:
//   - `npm install git+https://...` (a git dependency): npm clones the repository, installs its
//     devDependencies, then runs `prepare` with `npm_package_resolved` set, then packs the clone;
//   - `npm pack` in a clone that was not built, or whose src/ changed since (a `git pull`).
// Everywhere else it does nothing: `npm ci` / `npm install` in this repository (no
// `npm_package_resolved`), and the `npm pack` that jsii-pacmak runs during `npx projen build`
// (lib/ was just compiled). Installing the packed tarball runs no script at all.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');

/** The newest modification time of the files below a folder. */
function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs);
  }
  return latest;
}

const built = path.join(root, 'lib', 'index.js');
// jsii compiles src/ and writes README.md and package.json (its version) into .jsii.
const inputs = [path.join(root, 'src'), path.join(root, 'README.md'), path.join(root, 'package.json')].filter((f) => fs.existsSync(f));
const changed = Math.max(0, ...inputs.map((f) => (fs.statSync(f).isDirectory() ? newest(f) : fs.statSync(f).mtimeMs)));
const upToDate = fs.existsSync(built) && changed <= fs.statSync(built).mtimeMs;
if (!process.env.npm_package_resolved || upToDate) {
  process.exit(0);
}
console.error('cdk8s-pod-patterns: compiling lib/ with jsii (npm is building the package from source)');
const jsii = path.join(root, 'node_modules', '.bin', 'jsii');
if (!fs.existsSync(jsii)) {
  console.error('cdk8s-pod-patterns: cannot compile lib/: jsii is not installed here; run `npm ci` in this clone first, then `npm pack` again.');
  process.exit(1);
}
const r = spawnSync(jsii, ['--silence-warnings=reserved-word'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: process.versions.node.split('.')[0] },
});
process.exit(r.status === null ? 1 : r.status);
