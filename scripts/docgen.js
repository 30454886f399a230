#!/usr/bin/env node
// Writes API.md from the jsii assembly (.jsii), documented against the LOWEST supported peers.
//
// Why not plain `jsii-docgen`: it globs every `.jsii` under the project folder, node_modules
// included, and resolves each dependency of the assembly to the HIGHEST version that satisfies
// its range. Dev tools bring their own, newer copies (cdk8s-cli and projen install constructs
// 10.8.x, cdk8s-cli cdk8s 2.70.x), so the inherited members of every construct were documented
// from those: API.md listed `with()`, which constructs 10.3.0, the lowest peer, does not have.
//
// Here the assemblies folder holds only this package's .jsii and its jsii dependencies, each
// taken from the top-level node_modules (where npm installs the versions of package.json's
// devDependencies); a peer dependency must be installed at the lowest version its range allows
// (cdk8s 2.68.12, constructs 10.3.0, cdk8s-plus-28 2.5.6), or this script fails.
// `node scripts/check-api-docs.js --api-md API.md` checks the result.
//
// Usage: node scripts/docgen.js [output]   (default: API.md; run from the repository root)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Documentation, Language } = require('jsii-docgen');

const root = path.join(__dirname, '..');
const output = process.argv[2] || path.join(root, 'API.md');

/** The lowest version a range like `^10.3.0`, `~2.5.6` or `>=2.68.12` allows. */
function lowest(range) {
  const m = /^\s*(?:\^|~|>=)?\s*(\d+\.\d+\.\d+)\s*$/.exec(range || '');
  if (!m) {
    throw new Error(`docgen: cannot tell the lowest version of the peer range ${JSON.stringify(range)}; use ^x.y.z`);
  }
  return m[1];
}

async function main() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const dotJsii = path.join(root, '.jsii');
  if (!fs.existsSync(dotJsii)) {
    throw new Error('docgen: .jsii not found; run `npx projen compile` first.');
  }
  const peers = pkg.peerDependencies || {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docgen-'));
  try {
    fs.copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
    fs.copyFileSync(dotJsii, path.join(dir, '.jsii'));
    const used = [];
    const queue = Object.keys(JSON.parse(fs.readFileSync(dotJsii, 'utf8')).dependencies || {});
    const seen = new Set();
    while (queue.length > 0) {
      const name = queue.shift();
      if (seen.has(name)) continue;
      seen.add(name);
      const from = path.join(root, 'node_modules', name);
      const manifest = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8'));
      if (peers[name] !== undefined && manifest.version !== lowest(peers[name])) {
        throw new Error(`docgen: node_modules/${name} is ${manifest.version}, but API.md must document the lowest supported peer, ${name}@${lowest(peers[name])} (peerDependencies: ${peers[name]}). Pin the devDependency to that version (.projenrc.ts) and run npm ci.`);
      }
      const to = path.join(dir, 'node_modules', name);
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(path.join(from, 'package.json'), path.join(to, 'package.json'));
      fs.copyFileSync(path.join(from, '.jsii'), path.join(to, '.jsii'));
      used.push(`${name}@${manifest.version}`);
      const assembly = JSON.parse(fs.readFileSync(path.join(from, '.jsii'), 'utf8'));
      queue.push(...Object.keys(assembly.dependencies || {}));
    }
    const docs = await Documentation.forAssembly(pkg.name, dir);
    const markdown = await docs.toMarkdown({ language: Language.TYPESCRIPT, allSubmodules: true });
    fs.writeFileSync(output, markdown.render());
    console.log(`docgen: ${path.relative(root, output)} written against ${used.join(', ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
