#!/usr/bin/env node
// Checks the doc comments of the public API in a jsii assembly (`.jsii`), the source of API.md:
//   - every type, property, method and enum member has a summary (its one-line doc comment);
//   - every optional property of a struct (a props interface) states its `@default`.
//   - with `--api-md FILE`: every member FILE (API.md) documents exists on its type, in this
//     assembly or inherited from the LOWEST supported peers (the peerDependencies' minimum
//     versions, read from `--peers DIR`, default ./node_modules, which must hold exactly those
//     versions). API.md once documented constructs 10.4's `with()`, which constructs 10.3.0 lacks.
// Usage: node scripts/check-api-docs.js [path/to/.jsii] [--api-md API.md] [--peers node_modules]
// Prints one line per gap (`file:line Type.member: what is missing`) and exits 1 if there is any.
'use strict';
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const apiMd = option('--api-md');
const peersDir = option('--peers') || 'node_modules';
const file = args[0] || '.jsii';
if (!fs.existsSync(file)) {
  console.error(`check-api-docs: ${file} not found; run \`npx projen compile\` first.`);
  process.exit(2);
}
const assembly = JSON.parse(fs.readFileSync(file, 'utf8'));

const gaps = [];
const where = (loc) => (loc ? `${loc.filename}:${loc.line}` : '?');
const hasText = (s) => typeof s === 'string' && s.trim().length > 0;
const gap = (loc, name, what) => gaps.push(`${where(loc)} ${name}: ${what}`);

let structProps = 0;
for (const type of Object.values(assembly.types || {})) {
  if (type.assembly !== assembly.name) continue;
  const docs = type.docs || {};
  if (!hasText(docs.summary)) gap(type.locationInModule, type.name, 'no doc comment');

  for (const p of type.properties || []) {
    const name = `${type.name}.${p.name}`;
    const d = p.docs || {};
    if (!hasText(d.summary)) gap(p.locationInModule, name, 'no doc comment');
    if (type.datatype) {
      structProps++;
      if (p.optional && !hasText(d.default)) gap(p.locationInModule, name, 'optional prop without @default');
    }
  }
  for (const m of type.methods || []) {
    if (!hasText((m.docs || {}).summary)) gap(m.locationInModule, `${type.name}.${m.name}()`, 'no doc comment');
  }
  for (const member of type.members || []) {
    if (!hasText((member.docs || {}).summary)) gap(type.locationInModule, `${type.name}.${member.name}`, 'no doc comment');
  }
}

/** The lowest version a peer range like `^10.3.0` allows. */
function lowest(range) {
  const m = /^\s*(?:\^|~|>=)?\s*(\d+\.\d+\.\d+)\s*$/.exec(range || '');
  return m ? m[1] : undefined;
}

// --- API.md against the lowest peers ----------------------------------------------------------
let apiMdNote = '';
if (apiMd !== undefined) {
  const byFqn = new Map(Object.entries(assembly.types || {}));
  const peers = assembly.peerDependencies || assembly.dependencies || {};
  const loaded = [];
  const queue = Object.keys(assembly.dependencies || {});
  const seen = new Set();
  while (queue.length > 0) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    seen.add(name);
    const dir = path.join(peersDir, name);
    if (!fs.existsSync(path.join(dir, '.jsii'))) {
      gaps.push(`${apiMd}: cannot check against ${name}: ${dir}/.jsii not found`);
      continue;
    }
    const dep = JSON.parse(fs.readFileSync(path.join(dir, '.jsii'), 'utf8'));
    const want = lowest(peers[name]);
    if (want !== undefined && dep.version !== want) {
      gaps.push(`${apiMd}: ${dir} holds ${name}@${dep.version}, not the lowest supported peer ${name}@${want} (${peers[name]}); install that version to check API.md`);
    }
    loaded.push(`${name}@${dep.version}`);
    for (const [fqn, t] of Object.entries(dep.types || {})) byFqn.set(fqn, t);
    queue.push(...Object.keys(dep.dependencies || {}));
  }
  // Does `fqn` declare or inherit `member` (a method, property or enum member)?
  const has = (fqn, member, trail = new Set()) => {
    if (trail.has(fqn)) return false;
    trail.add(fqn);
    const t = byFqn.get(fqn);
    if (!t) return false;
    const own = [...(t.methods || []), ...(t.properties || []), ...(t.members || [])].some((m) => m.name === member);
    return own || [t.base, ...(t.interfaces || [])].filter(Boolean).some((b) => has(b, member, trail));
  };
  const text = fs.readFileSync(apiMd, 'utf8');
  const prefix = `${assembly.name}.`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`id="${prefix}([A-Za-z0-9_]+)\\.(?:property\\.)?([A-Za-z0-9_]+)"`, 'g');
  let members = 0;
  for (const [, type, member] of text.matchAll(re)) {
    if (member === 'Initializer') continue;
    members++;
    if (!has(`${assembly.name}.${type}`, member)) {
      gaps.push(`${apiMd} ${type}.${member}: documented, but neither ${assembly.name} nor the lowest supported peers (${loaded.join(', ')}) have it; generate API.md with \`node scripts/docgen.js\``);
    }
  }
  apiMdNote = ` ${apiMd}: all ${members} documented members exist in ${assembly.name} or the lowest peers (${loaded.join(', ')}).`;
}

const types = Object.keys(assembly.types || {}).length;
if (gaps.length > 0) {
  console.log(`API docs: ${gaps.length} gap(s) in ${assembly.name} (${types} types, ${structProps} struct props):`);
  for (const g of gaps.sort()) console.log(`  ${g}`);
  process.exit(1);
}
console.log(`API docs: every public type and member of ${assembly.name} is documented (${types} types); all ${structProps} struct props state their @default when optional.${apiMdNote}`);
