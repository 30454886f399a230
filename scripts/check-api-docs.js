#!/usr/bin/env node
// Checks the doc comments of the public API in a jsii assembly (`.jsii`), the source of API.md:
//   - every type, property, method and enum member has a summary (its one-line doc comment);
//   - every optional property of a struct (a props interface) states its `@default`.
// Usage: node scripts/check-api-docs.js [path/to/.jsii]   (default: ./.jsii)
// Prints one line per gap (`file:line Type.member: what is missing`) and exits 1 if there is any.
'use strict';
const fs = require('fs');

const file = process.argv[2] || '.jsii';
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

const types = Object.keys(assembly.types || {}).length;
if (gaps.length > 0) {
  console.log(`API docs: ${gaps.length} gap(s) in ${assembly.name} (${types} types, ${structProps} struct props):`);
  for (const g of gaps.sort()) console.log(`  ${g}`);
  process.exit(1);
}
console.log(`API docs: every public type and member of ${assembly.name} is documented (${types} types); all ${structProps} struct props state their @default when optional.`);
