#!/usr/bin/env node
// Generates src/k8s-schema.ts: the Kubernetes 1.32 schema of every struct reachable from the
// top-level kinds this library writes or validates (Pod, Deployment, StatefulSet, DaemonSet,
// ReplicaSet, Job, CronJob, Service, ConfigMap, PersistentVolumeClaim), from cdk8s-plus-32's L1 module:
//   - the toJson_* functions of lib/imports/k8s.js give each field's Kubernetes JSON name and
//     how it is written (value, struct, list or map of structs, Quantity/IntOrString, Date);
//   - lib/imports/k8s.d.ts, read with the TypeScript compiler API, gives each field's type
//     (string, number, boolean, string[], map of string, map of any, Date, ...);
//   - the integer format of each number field (int32 or int64; float where Kubernetes has one),
//     and whether a string is a Go []byte (format "byte"), is asked of the OpenAPI validators of
//     kubernetes-models (a devDependency): each number field is probed with 2^31 and 1.5, each
//     string with '!', and the validator's "format" / "integer" answer is recorded.
// src/k8s-values.ts reads the table to convert (L1 TypeScript spelling -> JSON) and to check.
//
// Usage: node scripts/gen-k8s-schema.js            (writes src/k8s-schema.ts)
//        node scripts/gen-k8s-schema.js --stdout   (prints it; used by the staleness test)
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const PLUS = 'cdk8s-plus-32';
const KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Service', 'ConfigMap', 'PersistentVolumeClaim'];
// The Go types of these kinds have a `status`, which cdk8s's L1 module leaves out. The decoder
// reads it (strict: an unknown field is an error; create then resets it), so its fields are
// listed here, as k8s.io/api release-1.32 declares them (core/v1, apps/v1 and batch/v1 types.go:
// PodStatus, DeploymentStatus, ...). Their values are typed `a`: any value but null would vanish
// on create, which src/validation/index.ts reports (prepareStatus).
const STATUS_FIELDS = {
  Pod: 'conditions containerStatuses ephemeralContainerStatuses hostIP hostIPs initContainerStatuses message nominatedNodeName phase podIP podIPs qosClass reason resize resourceClaimStatuses startTime',
  Deployment: 'availableReplicas collisionCount conditions observedGeneration readyReplicas replicas unavailableReplicas updatedReplicas',
  StatefulSet: 'availableReplicas collisionCount conditions currentReplicas currentRevision observedGeneration readyReplicas replicas updateRevision updatedReplicas',
  ReplicaSet: 'availableReplicas conditions fullyLabeledReplicas observedGeneration readyReplicas replicas',
  DaemonSet: 'collisionCount conditions currentNumberScheduled desiredNumberScheduled numberAvailable numberMisscheduled numberReady numberUnavailable observedGeneration updatedNumberScheduled',
  Job: 'active completedIndexes completionTime conditions failed failedIndexes ready startTime succeeded terminating uncountedTerminatedPods',
  CronJob: 'active lastScheduleTime lastSuccessfulTime',
  Service: 'conditions loadBalancer',
  PersistentVolumeClaim: 'accessModes allocatedResourceStatuses allocatedResources capacity conditions currentVolumeAttributesClassName modifyVolumeStatus phase',
};
const WITH_STATUS = new Set(Object.keys(STATUS_FIELDS));
// The status fields whose type the decode step checks: a claim template's status is kept in the
// StatefulSet (not reset), so the API server decodes it as PersistentVolumeClaimStatus (core/v1
// types.go). The other statuses are reset on create, and reported when not empty.
const STATUS_TYPES = {
  'PersistentVolumeClaim.accessModes': 's[]',
  'PersistentVolumeClaim.allocatedResourceStatuses': '{s}',
  'PersistentVolumeClaim.allocatedResources': '{q}',
  'PersistentVolumeClaim.capacity': '{q}',
  'PersistentVolumeClaim.currentVolumeAttributesClassName': 's',
  'PersistentVolumeClaim.phase': 's',
  'PersistentVolumeClaim.conditions': 'PersistentVolumeClaimCondition[]',
  'PersistentVolumeClaim.modifyVolumeStatus': 'ModifyVolumeStatus',
};
// The structs of those status fields (core/v1 types.go, release-1.32), which cdk8s's L1 module
// does not have.
const STATUS_STRUCTS = {
  PersistentVolumeClaimCondition: 'lastProbeTime:d lastTransitionTime:d message:s reason:s status:s type:s',
  ModifyVolumeStatus: 'status:s targetVolumeAttributesClassName:s',
};

function generate() {
  const plusVersion = require(`${PLUS}/package.json`).version;
  const js = fs.readFileSync(require.resolve(`${PLUS}/lib/imports/k8s.js`), 'utf8');
  const dtsPath = require.resolve(`${PLUS}/lib/imports/k8s.d.ts`);

  // 1. toJson_*: field -> [json name, how it is written, struct]
  const fns = {};
  for (const m of js.matchAll(/function toJson_(\w+)\(obj\) \{[\s\S]*?const result = \{\n([\s\S]*?)\n    \};/g)) {
    fns[m[1]] = m[2].split('\n');
  }
  const PATTERNS = [
    ['P', /^\s*'([^']+)': obj\.(\w+),$/],
    ['P', /^\s*'([^']+)': obj\.(\w+)\?\.map\(y => y\),$/],
    ['A', /^\s*'([^']+)': obj\.(\w+)\?\.map\(y => toJson_(\w+)\(y\)\),$/],
    ['T', /^\s*'([^']+)': toJson_(\w+)\(obj\.(\w+)\),$/],
    ['V', /^\s*'([^']+)': obj\.(\w+)\?\.value,$/],
    ['D', /^\s*'([^']+)': obj\.(\w+)\?\.toISOString\(\),$/],
    ['W', /^\s*'([^']+)': \(\(obj\.(\w+)\) === undefined\).*\[i\[0\]\]: i\[1\]\?\.value \}\), \{\}\)\),$/],
    ['P', /^\s*'([^']+)': \(\(obj\.(\w+)\) === undefined\).*\[i\[0\]\]: i\[1\] \}\), \{\}\)\),$/],
    ['M', /^\s*'([^']+)': \(\(obj\.(\w+)\) === undefined\).*\[i\[0\]\]: toJson_(\w+)\(i\[1\]\) \}\), \{\}\)\),$/],
  ];
  function parseToJson(type) {
    if (!fns[type]) throw new Error(`no toJson_${type} in ${PLUS}`);
    const fields = {};
    for (const line of fns[type]) {
      let hit;
      for (const [kind, re] of PATTERNS) {
        const m = line.match(re);
        if (!m) continue;
        hit = kind === 'T' ? { ts: m[3], json: m[1], kind, child: m[2] } : { ts: m[2], json: m[1], kind, child: m[3] };
        break;
      }
      if (!hit) throw new Error(`unparsed field in toJson_${type}: ${line.trim()}`);
      fields[hit.ts] = hit;
    }
    return fields;
  }

  // 2. k8s.d.ts with the TypeScript compiler API: interface -> field -> type node; schema ids.
  const sf = ts.createSourceFile(dtsPath, fs.readFileSync(dtsPath, 'utf8'), ts.ScriptTarget.Latest, true);
  const ifaces = {};
  const classes = new Set();
  const enums = new Set();
  for (const st of sf.statements) {
    if (ts.isInterfaceDeclaration(st)) {
      const props = {};
      for (const m of st.members) {
        if (ts.isPropertySignature(m)) props[m.name.getText(sf)] = m;
      }
      const schemaTag = ts.getJSDocTags(st).find((t) => t.tagName.text === 'schema');
      ifaces[st.name.text] = { props, schemaId: schemaTag ? String(schemaTag.comment) : undefined };
    } else if (ts.isClassDeclaration(st) && st.name) {
      classes.add(st.name.text);
    } else if (ts.isEnumDeclaration(st)) {
      enums.add(st.name.text);
    }
  }

  // 3. integer formats from the kubernetes-models OpenAPI validators.
  function validatorOf(schemaId) {
    if (!schemaId) return undefined;
    const id = schemaId.split('.').map((s) => s[0].toUpperCase() + s.slice(1)).join('');
    try {
      // Not in the packages' "exports": load the file by its path (apimachinery types live in
      // @kubernetes-models/apimachinery, a dependency of kubernetes-models).
      const dir = path.dirname(require.resolve('kubernetes-models'));
      const file = id.startsWith('IoK8sApimachinery')
        ? path.join(path.dirname(require.resolve('@kubernetes-models/apimachinery', { paths: [dir] })), '_schemas', `${id}.js`)
        : path.join(dir, '_schemas', `${id}.js`);
      return require(file).validate;
    } catch (e) {
      return undefined;
    }
  }
  const formatStats = { int32: 0, int64: 0, float: 0, unknown: [] };
  function numberFormat(structName, json, inArray) {
    const validate = validatorOf(ifaces[structName].schemaId);
    const at = inArray ? `/${json}/0` : `/${json}`;
    const errorsFor = (v) => {
      if (!validate) return undefined;
      validate({ [json]: inArray ? [v] : v });
      return (validate.errors || []).filter((e) => e.instancePath === at);
    };
    const big = errorsFor(2 ** 31);
    const frac = errorsFor(1.5);
    if (big === undefined) {
      formatStats.unknown.push(`${structName}.${json}`);
      return 'i';
    }
    if (big.some((e) => e.keyword === 'format' && e.params.format === 'int32')) {
      formatStats.int32++;
      return 'i';
    }
    if (frac.some((e) => e.keyword === 'type' && e.params.type === 'integer')) {
      formatStats.int64++;
      return 'l';
    }
    if (frac.length === 0 && big.length === 0 && errorsFor('x').length > 0) {
      formatStats.float++;
      return 'n';
    }
    formatStats.unknown.push(`${structName}.${json}`);
    return 'i';
  }

  // A string field is `y` where Go has a []byte (OpenAPI format "byte": base64, or a list of byte values).
  function stringFormat(structName, json, inArray, inMap) {
    const validate = validatorOf(ifaces[structName].schemaId);
    if (!validate) return 's';
    validate({ [json]: inArray ? ['!'] : inMap ? { k: '!' } : '!' });
    const at = `/${json}${inArray ? '/0' : inMap ? '/k' : ''}`;
    return (validate.errors || []).some((e) => e.instancePath === at && e.keyword === 'format' && e.params.format === 'byte') ? 'y' : 's';
  }

  // The schema name of an L1 struct: KubeXProps is the object of kind X.
  const schemaName = (l1) => (/^Kube(\w+)Props$/.test(l1) ? l1.replace(/^Kube(\w+)Props$/, '$1') : l1);

  function typeCode(structName, json, node, kind, child, inArray, inMap) {
    const where = `${structName}.${json}`;
    if (ts.isArrayTypeNode(node)) {
      const inner = typeCode(structName, json, node.elementType, kind === 'A' ? 'T' : kind, child, true);
      return `${inner}[]`;
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (!index || node.members.length !== 1) throw new Error(`${where}: unsupported type literal`);
      const inner = typeCode(structName, json, index.type, kind === 'M' ? 'T' : kind === 'W' ? 'V' : kind, child, false, true);
      return `{${inner}}`;
    }
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword: return stringFormat(structName, json, inArray, inMap);
      case ts.SyntaxKind.BooleanKeyword: return 'b';
      case ts.SyntaxKind.AnyKeyword: return 'a';
      case ts.SyntaxKind.NumberKeyword: return numberFormat(structName, json, inArray);
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(sf);
      if (name === 'Date') {
        if (kind !== 'D') throw new Error(`${where}: Date but toJson kind ${kind}`);
        return 'd';
      }
      if (name === 'Quantity' || name === 'IntOrString') {
        if (kind !== 'V') throw new Error(`${where}: ${name} but toJson kind ${kind}`);
        return name === 'Quantity' ? 'q' : 'o';
      }
      if (enums.has(name)) return 's';
      if (ifaces[name]) {
        if (kind !== 'T' || child !== name) throw new Error(`${where}: struct ${name} but toJson kind ${kind} ${child}`);
        queue.push(name);
        return schemaName(name);
      }
      throw new Error(`${where}: unsupported type ${name}`);
    }
    throw new Error(`${where}: unsupported type node ${ts.SyntaxKind[node.kind]}`);
  }

  const schema = {};
  const typeNames = {};
  const queue = KINDS.map((k) => `Kube${k}Props`);
  while (queue.length) {
    const l1 = queue.shift();
    const name = schemaName(l1);
    if (schema[name]) continue;
    if (!ifaces[l1]) throw new Error(`no interface ${l1} in ${PLUS}`);
    const toJson = parseToJson(l1);
    const fields = [];
    if (name !== l1) {
      // A top-level object: TypeMeta (inline in the Go type) and status (ignored on create).
      fields.push(['apiVersion', 'apiVersion', 's'], ['kind', 'kind', 's']);
      if (WITH_STATUS.has(name)) {
        fields.push(['status', 'status', `${name}Status`]);
        schema[`${name}Status`] = STATUS_FIELDS[name].split(' ').map((f) => [f, f, STATUS_TYPES[`${name}.${f}`] ?? 'a']);
      }
    }
    schema[name] = fields;
    // The Kubernetes name of the type where cdk8s spells it otherwise (SeLinuxOptions is SELinuxOptions).
    const kubeName = ifaces[l1].schemaId?.split('.').pop();
    if (kubeName !== undefined && kubeName !== name) typeNames[name] = kubeName;
    for (const [tsName, prop] of Object.entries(ifaces[l1].props)) {
      const f = toJson[tsName];
      if (!f) throw new Error(`${l1}.${tsName}: in k8s.d.ts, not in toJson_${l1}`);
      fields.push([tsName, f.json, typeCode(l1, f.json, prop.type, f.kind, f.child)]);
    }
    if (Object.keys(toJson).length !== Object.keys(ifaces[l1].props).length) {
      throw new Error(`${l1}: toJson_${l1} and the interface disagree on the fields`);
    }
    for (const k of Object.keys(ifaces)) if (schemaName(k) !== k && schemaName(k) === name && k !== l1) throw new Error(`name clash: ${name}`);
  }

  for (const [struct, def] of Object.entries(STATUS_STRUCTS)) {
    schema[struct] = def.split(' ').map((f) => {
      const [field, code] = f.split(':');
      return [field, field, code];
    });
  }

  const names = Object.keys(schema).sort();
  for (const n of names) {
    if (n !== 'Pod' && !KINDS.includes(n) && ifaces[`Kube${n}Props`] && !ifaces[n]) continue;
    if (KINDS.includes(n) && ifaces[n]) throw new Error(`${n}: both a struct and a kind`);
  }
  let out = `// Generated by scripts/gen-k8s-schema.js from ${PLUS} ${plusVersion} (Kubernetes 1.32): field names and
// how they are written from its toJson_* functions, field types from its k8s.d.ts, integer formats
// from the kubernetes-models OpenAPI validators. Do not edit by hand: rerun the script.
/* eslint-disable */

/**
 * Every struct reachable from the top-level kinds (${KINDS.join(', ')}), by name
 * (the L1 name; a top-level object is named by its kind). Each is one string of fields,
 * \`tsName[=jsonName]:type\` separated by commas (the JSON name only where it differs), where type
 * is \`s\` string, \`y\` base64 bytes (Go []byte: a base64 string or a list of byte values), \`i\` int32, \`l\` int64, \`n\` float64, \`b\` boolean, \`d\` date (RFC 3339 string),
 * \`a\` any JSON, \`q\` Quantity, \`o\` IntOrString, a struct name, \`T[]\` a list of T, \`{T}\` a map of T.
 * Parsed lazily, one struct at a time, by src/k8s-values.ts.
 *
 * @internal
 */
export const K8S_SCHEMA: { [type: string]: string } = {
`;
  for (const n of names) {
    const fields = schema[n].map(([tsName, json, code]) => `${tsName}${json !== tsName ? `=${json}` : ''}:${code}`);
    out += `  ${n}: '${fields.join(',')}',\n`;
  }
  out += `};

/**
 * The Kubernetes name of each type of K8S_SCHEMA where cdk8s spells it otherwise (\`SeLinuxOptions\`
 * is \`SELinuxOptions\`), from its OpenAPI schema id: messages about a manifest name the types as
 * the Kubernetes API reference does.
 *
 * @internal
 */
export const K8S_TYPE_NAMES: { [type: string]: string } = {
`;
  for (const n of Object.keys(typeNames).sort()) {
    out += `  ${n}: '${typeNames[n]}',\n`;
  }
  out += '};\n';
  return { out, names, formatStats };
}

if (require.main === module) {
  const { out, names, formatStats } = generate();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(out);
  } else {
    fs.writeFileSync(path.join(__dirname, '..', 'src', 'k8s-schema.ts'), out);
    console.log(`wrote src/k8s-schema.ts: ${names.length} types, ${out.length} bytes; numbers: ${formatStats.int32} int32, ${formatStats.int64} int64, ${formatStats.float} float, ${formatStats.unknown.length} unknown (int32 assumed): ${formatStats.unknown.join(' ')}`);
  }
}

module.exports = { generate };
