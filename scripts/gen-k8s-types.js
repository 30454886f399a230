#!/usr/bin/env node
// Generates src/k8s-types.ts: jsii structs that mirror the Kubernetes 1.28 L1 structs of
// cdk8s-plus-28 (lib/imports/k8s.d.ts, read with the TypeScript compiler API) which contain,
// directly or through other structs, a Quantity or an IntOrString field, reachable from the
// structs the library's props take (ROOTS below). In the mirrors those fields are typed
// `string | number | k8s.Quantity` / `string | number | k8s.IntOrString`, so users write
// `resources: { limits: { cpu: '500m' } }` or `httpGet: { port: 8080 }` without wrappers while the
// wrappers of cdk8s-plus-28 (and, structurally, of any other cdk8s-plus-NN) keep working. Every
// other field keeps its plus-28 type; structs that need no mirror are referred to as `k8s.X`.
// Doc comments are plus-28's, with a `@default` added where it has none.
//
// Usage: node scripts/gen-k8s-types.js            (writes src/k8s-types.ts)
//        node scripts/gen-k8s-types.js --stdout   (prints it; used by the staleness test)
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const PLUS = 'cdk8s-plus-28';
// What the library's props take (containers, volumes, workload strategies, claim templates, a
// Job's pod failure policy).
const ROOTS = ['Container', 'Volume', 'DeploymentStrategy', 'StatefulSetUpdateStrategy', 'DaemonSetUpdateStrategy', 'KubePersistentVolumeClaimProps', 'PodFailurePolicy'];
// Fields the 1.28 type requires that later Kubernetes made optional (the library validates as
// 1.32): mirrored as optional, so that the manifests of the Kubernetes docs type-check.
const RELAXED = {
  PodFailurePolicyRule: { onPodConditions: 'Optional since Kubernetes 1.29 (the 1.28 type requires it): leave it out for a rule that only matches exit codes.' },
};
// The mirror's name, where it differs from the L1 name.
const RENAME = { KubePersistentVolumeClaimProps: 'PersistentVolumeClaim' };
const VALUE_TYPES = {
  Quantity: 'string | number | k8s.Quantity',
  IntOrString: 'string | number | k8s.IntOrString',
};
const VALUE_DOCS = {
  Quantity: "A plain string (`'500m'`, `'1Gi'`) or number works, as does `k8s.Quantity` of any cdk8s-plus version.",
  IntOrString: "A plain number (`8080`) or string (`'http'`, `'25%'`) works, as does `k8s.IntOrString` of any cdk8s-plus version.",
};

function generate() {
  const plusVersion = require(`${PLUS}/package.json`).version;
  const dtsPath = require.resolve(`${PLUS}/lib/imports/k8s.d.ts`);
  const sf = ts.createSourceFile(dtsPath, fs.readFileSync(dtsPath, 'utf8'), ts.ScriptTarget.Latest, true);
  const ifaces = {};
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) ifaces[st.name.text] = st;
  }

  // The struct names a type node refers to, and whether it holds a value type directly.
  function refs(node, out) {
    if (ts.isTypeReferenceNode(node)) out.push(node.typeName.getText(sf));
    ts.forEachChild(node, (c) => {
      refs(c, out);
    });
    return out;
  }
  const fieldsOf = (name) => ifaces[name].members.filter(ts.isPropertySignature);

  // Fixed point: a struct needs a mirror if a field refers to a value type or to such a struct.
  const needs = new Set(Object.keys(RELAXED));
  let changed = true;
  while (changed) {
    changed = false;
    for (const name of Object.keys(ifaces)) {
      if (needs.has(name)) continue;
      const hit = fieldsOf(name).some((f) => refs(f.type, []).some((r) => VALUE_TYPES[r] || needs.has(r)));
      if (hit) {
        needs.add(name);
        changed = true;
      }
    }
  }

  // The mirrored structs: reachable from the roots through structs that need a mirror.
  const mirrored = [];
  const queue = [...ROOTS];
  while (queue.length) {
    const name = queue.shift();
    if (mirrored.includes(name)) continue;
    if (!ifaces[name]) throw new Error(`no interface ${name} in ${PLUS}`);
    if (!needs.has(name)) throw new Error(`root ${name} holds no Quantity, IntOrString or relaxed field: it needs no mirror`);
    mirrored.push(name);
    for (const f of fieldsOf(name)) {
      for (const r of refs(f.type, [])) if (needs.has(r)) queue.push(r);
    }
  }
  const mirrorName = (n) => RENAME[n] ?? n;
  // Whether a struct holds a Quantity or an IntOrString, directly or through other structs.
  const holdsValues = (name, seen = new Set()) => {
    if (seen.has(name) || !ifaces[name]) return false;
    seen.add(name);
    return fieldsOf(name).some((f) => refs(f.type, []).some((r) => VALUE_TYPES[r] || holdsValues(r, seen)));
  };

  function typeText(node) {
    if (ts.isArrayTypeNode(node)) {
      const inner = typeText(node.elementType);
      return inner.includes('|') ? `(${inner})[]` : `${inner}[]`;
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (!index || node.members.length !== 1) throw new Error(`unsupported type literal ${node.getText(sf)}`);
      return `{ [key: string]: ${typeText(index.type)} }`;
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(sf);
      if (VALUE_TYPES[name]) return VALUE_TYPES[name];
      if (mirrored.includes(name)) return mirrorName(name);
      if (ifaces[name]) return `k8s.${name}`;
      if (name === 'Date') return 'Date';
      throw new Error(`unsupported type ${name}`);
    }
    const text = node.getText(sf);
    if (['string', 'number', 'boolean', 'any'].includes(text)) return text;
    throw new Error(`unsupported type ${text}`);
  }

  // The doc comment of a node as lines without the comment markers.
  function docLines(node) {
    const jsdoc = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc).pop();
    if (!jsdoc) return [];
    const raw = jsdoc.getText(sf);
    const lines = raw.replace(/^\/\*\*/, '').replace(/\*\/$/, '').split('\n').map((l) => l.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
    while (lines.length && lines[0] === '') lines.shift();
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return lines.map((l) => l.replace(/\*\//g, '*\\/'));
  }
  function withTag(lines, extra, defaultTag) {
    const tagAt = lines.findIndex((l) => l.startsWith('@'));
    const text = tagAt < 0 ? lines : lines.slice(0, tagAt);
    const tags = tagAt < 0 ? [] : lines.slice(tagAt);
    while (text.length && text[text.length - 1] === '') text.pop();
    if (text.length === 0) text.push('See the Kubernetes API reference.');
    const out = [...text];
    if (extra) out.push('', extra);
    const allTags = defaultTag && !tags.some((t) => t.startsWith('@default')) ? [defaultTag, ...tags] : tags;
    if (allTags.length) out.push('', ...allTags);
    return out;
  }
  const comment = (lines, indent) => [`${indent}/**`, ...lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`].join('\n');

  let out = `// Generated by scripts/gen-k8s-types.js from ${PLUS} ${plusVersion} (Kubernetes 1.28 L1 structs).
// Do not edit by hand: rerun the script.
import type { k8s } from '${PLUS}';
`;
  for (const name of mirrored) {
    const decl = ifaces[name];
    const l1 = name === 'KubePersistentVolumeClaimProps' ? 'PersistentVolumeClaim' : name;
    const how = holdsValues(name)
      ? 'with plain strings and numbers accepted where it takes a `Quantity` or an `IntOrString`'
      : 'where a field that Kubernetes made optional after 1.28 is optional here too (see the field)';
    const note = `The Kubernetes 1.28 \`${l1}\` (\`k8s.${name}\` of cdk8s-plus-28), ${how}; values of \`k8s.${name}\` (of any cdk8s-plus version) fit too.`;
    out += `\n${comment(withTag(docLines(decl).filter((l) => !l.startsWith('@schema')), note), '')}\nexport interface ${mirrorName(name)} {\n`;
    const fields = fieldsOf(name);
    fields.forEach((f, i) => {
      const fname = f.name.getText(sf);
      const relaxed = RELAXED[name]?.[fname];
      const optional = !!f.questionToken || relaxed !== undefined;
      const valueRefs = refs(f.type, []).filter((r) => VALUE_TYPES[r]);
      const extra = relaxed ?? (valueRefs.length ? VALUE_DOCS[valueRefs[0]] : undefined);
      const lines = withTag(docLines(f), extra, optional ? '@default - not set: Kubernetes applies its own default' : undefined);
      out += `${comment(lines, '  ')}\n  readonly ${fname}${optional ? '?' : ''}: ${typeText(f.type)};\n${i < fields.length - 1 ? '\n' : ''}`;
    });
    out += '}\n';
  }
  return { out, mirrored: mirrored.map(mirrorName) };
}

if (require.main === module) {
  const { out, mirrored } = generate();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(out);
  } else {
    fs.writeFileSync(path.join(__dirname, '..', 'src', 'k8s-types.ts'), out);
    console.log(`wrote src/k8s-types.ts: ${mirrored.length} structs: ${mirrored.join(', ')}`);
  }
}

module.exports = { generate };
