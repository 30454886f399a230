// Generates src/import/l1-schema.ts from cdk8s-plus-28's Kubernetes 1.28 L1 module, for
// `cdk8s-pod-patterns import`: every L1 class (`k8s.KubeConfigMap`, ...) by apiVersion and kind,
// and every struct reachable from their props, with each field's Kubernetes JSON name, its L1
// TypeScript name where it differs (`hostIP` -> `hostIp`) and its type (plain value, struct, list
// or map of structs, Quantity, IntOrString, map of Quantity, date). The importer writes props
// with the TypeScript names, reports fields no struct has, and knows where an L1 class needs
// `k8s.Quantity` / `k8s.IntOrString` objects.
//   - The fields Kubernetes 1.32 added to these structs are read from cdk8s-plus-32's L1 module
//     (a devDependency) and marked as newer: the API server keeps them, the 1.28 L1 classes drop
//     them, so the importer writes such an object as an ApiObject and checks their values.
//   - What the TypeScript types do not tell is asked of the OpenAPI validators of kubernetes-models
//     (a devDependency, Kubernetes 1.32), as scripts/gen-k8s-schema.js does: whether a number is an
//     int32, an int64 or a float (probed with 2^31 and 1.5), whether a string is base64 bytes (Go
//     []byte: format "byte"), and whether a date is a metav1.MicroTime (its validator is called).
// Usage: node scripts/gen-import-schema.js [output file, default src/import/l1-schema.ts]
const fs = require('fs');
const Module = require('module');
const path = require('path');

function readModule(pkg) {
  const js = fs.readFileSync(require.resolve(`${pkg}/lib/imports/k8s.js`), 'utf8');
  const dts = fs.readFileSync(require.resolve(`${pkg}/lib/imports/k8s.d.ts`), 'utf8');
  // Quantity / IntOrString fields by struct, from the type declarations.
  const valueTypes = {};
  // The JSON type of plain fields by struct (TypeScript name -> the type code of src/k8s-schema.ts:
  // s, n, b, s[], {s}, {s[]}), from the type declarations; other plain types (any) are not checked.
  const plainTypes = {};
  for (const m of dts.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    const values = {};
    for (const f of m[2].matchAll(/readonly (\w+)\??: (IntOrString|Quantity)\b/g)) {
      values[f[1]] = f[2] === 'Quantity' ? 'q' : 'i';
    }
    for (const f of m[2].matchAll(/readonly (\w+)\??: \{\s*\[key: string\]: (IntOrString|Quantity);\s*\}/g)) {
      values[f[1]] = f[2] === 'Quantity' ? 'Q' : 'I';
    }
    valueTypes[m[1]] = values;
    const plains = {};
    for (const f of m[2].matchAll(/readonly (\w+)\??: ([^;]*?(?:\{[^}]*\})?[^;{]*);/g)) {
      const code = PLAIN_TYPES[f[2].replace(/\s+/g, ' ')];
      if (code) plains[f[1]] = code;
    }
    plainTypes[m[1]] = plains;
  }
  // The OpenAPI schema id of each struct (`io.k8s.api.coordination.v1.LeaseSpec`).
  const schemaIds = {};
  for (const m of dts.matchAll(/@schema ([\w.-]+)\n \*\/\nexport interface (\w+) \{/g)) {
    schemaIds[m[2]] = m[1];
  }
  const fns = {};
  for (const m of js.matchAll(/function toJson_(\w+)\(obj\) \{[\s\S]*?const result = \{\n([\s\S]*?)\n    \};/g)) {
    fns[m[1]] = m[2].split('\n');
  }
  // Every L1 class but the *List ones, by apiVersion/kind.
  const kinds = {};
  // cdk8s-plus-28 assigns `KubeX.GVK = {...}`; cdk8s-plus-32 declares `static GVK = {...}` in the class.
  const gvks = [...js.matchAll(/^(Kube\w+)\.GVK = \{\n\s*apiVersion: '([^']+)',\n\s*kind: '([^']+)',\n\};/gm),
    ...js.matchAll(/class (Kube\w+) extends [\w.]+ \{(?:(?!\nclass )[\s\S])*?static GVK = \{\n\s*apiVersion: '([^']+)',\n\s*kind: '([^']+)',/g)];
  for (const m of gvks) {
    const [, cls, apiVersion, kind] = m;
    if (kind.endsWith('List')) continue;
    kinds[`${apiVersion}/${kind}`] = cls;
  }
  return { pkg, valueTypes, plainTypes, schemaIds, fns, kinds };
}

const PLAIN_TYPES = { 'string': 's', 'number': 'n', 'boolean': 'b', 'string[]': 's[]', 'number[]': 'n[]', '{ [key: string]: string; }': '{s}', '{ [key: string]: string[]; }': '{s[]}' };

const PATTERNS = [
  ['p', /^\s*'([^']+)': obj\.(\w+),$/],
  ['p', /^\s*'([^']+)': obj\.(\w+)\?\.map\(y => y\),$/],
  ['a', /^\s*'([^']+)': obj\.(\w+)\?\.map\(y => toJson_(\w+)\(y\)\),$/],
  ['t', /^\s*'([^']+)': toJson_(\w+)\(obj\.(\w+)\),$/],
  ['v', /^\s*'([^']+)': obj\.(\w+)\?\.value,$/],
  ['d', /^\s*'([^']+)': obj\.(\w+)\?\.toISOString\(\),$/],
  ['V', /^\s*'([^']+)': \(\(obj\.(\w+)\) === undefined\).*\[i\[0\]\]: i\[1\]\?\.value \}\), \{\}\)\),$/],
  ['p', /^\s*'([^']+)': \(\(obj\.(\w+)\) === undefined\).*\[i\[0\]\]: i\[1\] \}\), \{\}\)\),$/],
  ['p', /^\s*'([^']+)': \(\(obj\.(\w+)\) === undefined\).*\[i\[0\]\]: i\[1\]\?\.map\(y => y\) \}\), \{\}\)\),$/],
  ['m', /^\s*'([^']+)': \(\(obj\.(\w+)\) === undefined\).*\[i\[0\]\]: toJson_(\w+)\(i\[1\]\) \}\), \{\}\)\),$/],
];

// --- the kubernetes-models validators -------------------------------------------------------
const modelsDir = path.dirname(require.resolve('kubernetes-models'));
const machineryDir = path.dirname(require.resolve('@kubernetes-models/apimachinery', { paths: [modelsDir] }));
// The MicroTime validator is replaced by one that records where it is called, before any
// validator loads it: a date field is a MicroTime where it is called.
const microCalls = new Set();
{
  const file = path.join(machineryDir, '_schemas', 'IoK8sApimachineryPkgApisMetaV1MicroTime.js');
  if (!fs.existsSync(file)) throw new Error(`no ${file}`);
  const recorder = (data, { instancePath = '' } = {}) => {
    microCalls.add(instancePath);
    recorder.errors = null;
    return true;
  };
  const m = new Module(file);
  m.filename = file;
  m.loaded = true;
  m.exports = { validate: recorder };
  require.cache[file] = m;
}
function validatorOf(schemaId) {
  if (!schemaId) return undefined;
  const id = schemaId.split(/[.-]/).map((s) => s[0].toUpperCase() + s.slice(1)).join('');
  const file = id.startsWith('IoK8sApimachinery') ? path.join(machineryDir, '_schemas', `${id}.js`) : path.join(modelsDir, '_schemas', `${id}.js`);
  return fs.existsSync(file) ? require(file).validate : undefined;
}
const probeStats = { int32: 0, int64: 0, float: [], bytes: [], micro: [], unprobed: [] };
// The errors of a struct's validator at one field, for a value of it (in a list or map: [v], {k: v}).
function errorsAt(validate, json, v, wrap) {
  const value = wrap === '[]' ? [v] : wrap === '{}' ? { k: v } : v;
  const at = `/${json.replace(/~/g, '~0').replace(/\//g, '~1')}${wrap === '[]' ? '/0' : wrap === '{}' ? '/k' : ''}`;
  validate({ [json]: value });
  return (validate.errors || []).filter((e) => e.instancePath === at);
}
// The refined type code of a plain field: i / l / n for a number (int32, int64, float64), y for
// base64 bytes; the others as they are.
function refinePlain(mod, struct, field, code) {
  const m = /^(\{)?([sn])(\[\])?\}?$/.exec(code);
  if (!m) return code;
  const wrap = m[1] ? '{}' : m[3] ? '[]' : '';
  const rewrap = (c) => (m[1] ? `{${c}}` : m[3] ? `${c}[]` : c);
  const validate = validatorOf(mod.schemaIds[struct]);
  const where = `${struct}.${field.json}`;
  if (m[2] === 's') {
    if (validate && errorsAt(validate, field.json, '!', wrap).some((e) => e.keyword === 'format' && e.params.format === 'byte')) {
      probeStats.bytes.push(where);
      return rewrap('y');
    }
    return code;
  }
  if (!validate) {
    // No 1.32 schema (an API version 1.32 no longer has): Kubernetes has no float fields but
    // JSONSchemaProps' three, so an integer; its size is not known.
    probeStats.unprobed.push(where);
    return rewrap('l');
  }
  if (errorsAt(validate, field.json, 2 ** 31, wrap).some((e) => e.keyword === 'format' && e.params.format === 'int32')) {
    probeStats.int32++;
    return rewrap('i');
  }
  if (errorsAt(validate, field.json, 1.5, wrap).some((e) => e.keyword === 'type' && e.params.type === 'integer')) {
    probeStats.int64++;
    return rewrap('l');
  }
  if (errorsAt(validate, field.json, 'x', wrap).length > 0) {
    probeStats.float.push(where);
    return code;
  }
  throw new Error(`${where}: the validator of ${mod.schemaIds[struct]} accepts a string for a number`);
}
// Whether a date field is a metav1.MicroTime (exactly six fraction digits), not a metav1.Time.
function isMicroTime(mod, struct, field) {
  const validate = validatorOf(mod.schemaIds[struct]);
  if (!validate) return false;
  microCalls.clear();
  validate({ [field.json]: '2024-01-01T00:00:00Z' });
  return microCalls.has(`/${field.json}`);
}

// Struct names that cdk8s's L1 modules give to two Kubernetes types (its importer keeps one): the
// field's own type, as Go declares it. A clash not listed here fails the script.
const CHILD_OVERRIDES = {
  // Go: kube-aggregator apiregistration/v1 types.go ServiceReference {namespace, name, port *int32}: no path
  'ApiServiceSpec.service': 'ApiServiceReference',
  // Go: flowcontrol/v1 types.go Subject {kind, user, group, serviceAccount}, the shape of v1beta3's, not rbac's
  'PolicyRulesWithSubjects.subjects': 'FlowcontrolSubject',
};
// Clashes of types with the same fields: apiextensions/v1 WebhookClientConfig and ServiceReference
// are admissionregistration/v1's (url, service {namespace, name, path, port}, caBundle).
const SAME_SHAPE = new Set(['WebhookConversion.clientConfig']);
// Structs written here: the overrides' types that no L1 module has.
const HAND_STRUCTS = {
  ApiServiceReference: ['name:p::s', 'namespace:p::s', 'port:p::i'],
  FlowcontrolSubject: ['group:t:GroupSubjectV1Beta3', 'kind:p::s', 'serviceAccount:t:ServiceAccountSubjectV1Beta3', 'user:t:UserSubjectV1Beta3'],
};
// Dates that are MicroTimes where kubernetes-models has no schema to ask (Go: coordination/v1alpha2
// types.go LeaseCandidateSpec: PingTime, RenewTime *metav1.MicroTime).
const MICRO_TIMES = new Set(['LeaseCandidateSpecV1Alpha2.pingTime', 'LeaseCandidateSpecV1Alpha2.renewTime']);
const groupOf = (schemaId) => (schemaId ?? '').replace(/\.[^.]*$/, '');
const SHARED_GROUPS = /^io\.k8s\.(apimachinery\.|api\.core\.v1$)/;

function handStruct(entries) {
  return entries.map((e) => {
    const [json, kind, child, plain] = e.split(':');
    return { json, ts: json, kind, child: child || undefined, plain };
  });
}

function parse(mod, type) {
  if (!mod.fns[type]) {
    throw new Error(`no toJson_${type} in ${mod.pkg}`);
  }
  const fields = [];
  for (const line of mod.fns[type]) {
    let hit;
    for (const [kind, re] of PATTERNS) {
      const m = line.match(re);
      if (!m) continue;
      hit = kind === 't' ? { json: m[1], ts: m[3], kind, child: m[2] } : { json: m[1], ts: m[2], kind, child: m[3] };
      break;
    }
    if (!hit) throw new Error(`unparsed field in toJson_${type}: ${line.trim()}`);
    if (hit.kind === 'p') {
      const code = (mod.plainTypes[type] ?? {})[hit.ts];
      hit.plain = code && refinePlain(mod, type, hit, code);
    }
    if (hit.kind === 'v' || hit.kind === 'V') {
      const declared = (mod.valueTypes[type] ?? {})[hit.ts];
      if (!declared) throw new Error(`${type}.${hit.ts}: value field of unknown type`);
      hit.kind = declared;
    }
    if (hit.child !== undefined) {
      const where = `${type}.${hit.json}`;
      const own = groupOf(mod.schemaIds[type]);
      const theirs = groupOf(mod.schemaIds[hit.child]);
      if (CHILD_OVERRIDES[where] !== undefined) {
        hit.child = CHILD_OVERRIDES[where];
      } else if (own !== theirs && own !== '' && theirs !== '' && !SHARED_GROUPS.test(theirs) && !SAME_SHAPE.has(where)
        && !(own.startsWith('io.k8s.api.') && theirs.startsWith('io.k8s.api.') && own.split('.')[3] === theirs.split('.')[3])) {
        throw new Error(`${mod.pkg}: ${where} (${own}) has the struct ${hit.child} of ${theirs}: a name clash? Add it to CHILD_OVERRIDES or SAME_SHAPE.`);
      }
    }
    if (hit.kind === 'd' && (isMicroTime(mod, type, hit) || MICRO_TIMES.has(`${type}.${hit.json}`))) {
      probeStats.micro.push(`${type}.${hit.json}`);
      hit.kind = 'u';
    }
    fields.push(hit);
  }
  return fields;
}

const plus28 = readModule('cdk8s-plus-28');
const plus32 = readModule('cdk8s-plus-32');
const kinds = plus28.kinds;

// The structs of the 1.28 L1 classes, each with the fields 1.32 added to it (marked newer).
const structs = {};
for (const [name, entries] of Object.entries(HAND_STRUCTS)) {
  structs[name] = handStruct(entries);
}
const queue = Object.values(kinds).map((c) => `${c}Props`);
const newerQueue = [];
let newerFields = 0;
while (queue.length) {
  const t = queue.shift();
  if (structs[t]) continue;
  structs[t] = parse(plus28, t);
  for (const f of structs[t]) if (f.child) queue.push(f.child);
  if (plus32.fns[t]) {
    const known = new Set(structs[t].map((f) => f.json));
    for (const f of parse(plus32, t)) {
      if (known.has(f.json)) continue;
      structs[t].push({ ...f, newer: true });
      newerFields++;
      if (f.child) newerQueue.push(f.child);
    }
  }
}
// The kinds 1.32 serves that cdk8s-plus-28 has no class for (flowcontrol.apiserver.k8s.io/v1
// FlowSchema): no L1 class writes them (the importer writes an ApiObject), but their fields are
// checked as 1.32 decodes them, with cdk8s-plus-32's structs.
const kinds132 = {};
for (const [k, cls] of Object.entries(plus32.kinds)) {
  if (kinds[k] !== undefined) continue;
  if (structs[`${cls}Props`] !== undefined) throw new Error(`${cls}Props of cdk8s-plus-32 is also a struct of cdk8s-plus-28`);
  kinds132[k] = cls;
  newerQueue.push(`${cls}Props`);
}
// Core v1 Event, which neither L1 module has (its name is events.k8s.io's): as k8s.io/api core/v1
// types.go declares it (firstTimestamp and lastTimestamp metav1.Time, eventTime MicroTime, count int32).
kinds132['v1/Event'] = 'KubeCoreEvent';
structs.KubeCoreEventProps = handStruct(['metadata:t:ObjectMeta', 'action:p::s', 'count:p::i', 'eventTime:u', 'firstTimestamp:d', 'involvedObject:t:ObjectReference',
  'lastTimestamp:d', 'message:p::s', 'reason:p::s', 'related:t:ObjectReference', 'reportingComponent:p::s', 'reportingInstance:p::s',
  'series:t:EventSeries', 'source:t:EventSource', 'type:p::s']);

for (const child of ['ObjectMeta', 'ObjectReference', 'EventSeries', 'EventSource']) {
  if (!structs[child]) throw new Error(`core v1 Event: no struct ${child}`);
}
// The kinds of cdk8s-plus-28 at versions Kubernetes 1.32 no longer serves (flowcontrol v1beta3),
// with the versions 1.32 serves the kind at.
const gone = {};
for (const k of Object.keys(kinds)) {
  if (plus32.kinds[k] !== undefined) continue;
  const kind = k.slice(k.lastIndexOf('/') + 1);
  gone[k] = Object.keys(plus32.kinds).filter((x) => x.endsWith(`/${kind}`)).map((x) => x.slice(0, -kind.length - 1));
}
// The structs only 1.32 fields reach (a CRD version's SelectableField), as 1.32 has them.
while (newerQueue.length) {
  const t = newerQueue.shift();
  if (structs[t]) continue;
  structs[t] = parse(plus32, t);
  for (const f of structs[t]) if (f.child) newerQueue.push(f.child);
}
// Kubernetes has three float64 fields (JSONSchemaProps maximum, minimum, multipleOf): any other
// number the probe took for a float means it misread a validator.
const floats = probeStats.float.filter((f) => !/^JsonSchemaProps\.(maximum|minimum|multipleOf)$/.test(f));
if (floats.length > 0) throw new Error(`unexpected float fields: ${floats.join(', ')}`);

// The Kubernetes name of each struct's type where cdk8s spells it otherwise (SeLinuxOptions is
// SELinuxOptions, KubePodProps is Pod): the last part of its OpenAPI schema id.
const typeNames = {};
for (const n of Object.keys(structs)) {
  const id = plus28.schemaIds[n] ?? plus32.schemaIds[n];
  const name = id?.split('.').pop();
  if (name !== undefined && name !== n.replace(/^Kube(\w+)Props$/, '$1')) typeNames[n] = name;
}

const encode = (fields) => fields.map((f) => `${f.json}${f.ts === f.json ? '' : `=${f.ts}`}:${f.newer ? '+' : ''}${f.kind}${f.child ? `:${f.child}` : ''}`
  + `${f.plain ? `::${f.plain}` : ''}`).join(',');
let out = `// Generated by scripts/gen-import-schema.js from cdk8s-plus-28's Kubernetes 1.28 L1 module,
// cdk8s-plus-32's (the fields Kubernetes 1.32 added) and the kubernetes-models validators.
// Do not edit by hand: rerun the script.
/* eslint-disable */

/**
 * The L1 class of every kind cdk8s-plus-28 has (\`apiVersion/kind\` -> class name); its props
 * struct is \`<class>Props\`.
 *
 * @internal
 */
export const L1_KINDS: { [apiVersionAndKind: string]: string } = {
`;
for (const k of Object.keys(kinds).sort()) {
  out += `  ${JSON.stringify(k)}: ${JSON.stringify(kinds[k])},\n`;
}
out += `};

/**
 * The kinds Kubernetes 1.32 serves that cdk8s-plus-28 has no L1 class for (\`apiVersion/kind\` ->
 * the name of their props struct less \`Props\`): cdk8s-plus-32's, and core v1 Event.
 *
 * @internal
 */
export const L1_KINDS_1_32: { [apiVersionAndKind: string]: string } = {
`;
for (const k of Object.keys(kinds132).sort()) {
  out += `  ${JSON.stringify(k)}: ${JSON.stringify(kinds132[k])},\n`;
}
out += `};

/**
 * The kinds of cdk8s-plus-28 at API versions Kubernetes 1.32 no longer serves, with the versions
 * it serves the kind at (none: the kind is gone).
 *
 * @internal
 */
export const L1_GONE_IN_1_32: { [apiVersionAndKind: string]: string[] } = {
`;
for (const k of Object.keys(gone).sort()) {
  out += `  ${JSON.stringify(k)}: ${JSON.stringify(gone[k])},\n`;
}
out += `};

/**
 * The Kubernetes name of an L1 struct's type where cdk8s spells it otherwise (\`SeLinuxOptions\` is
 * \`SELinuxOptions\`), for messages.
 *
 * @internal
 */
export const L1_TYPE_NAMES: { [struct: string]: string } = {
`;
for (const n of Object.keys(typeNames).sort()) {
  out += `  ${n}: ${JSON.stringify(typeNames[n])},\n`;
}
out += `};

/**
 * Every struct reachable from the L1 props: its fields, comma-separated, each
 * \`jsonName[=tsName]:type[:struct]\` (the TypeScript name only where it differs), where type is
 * \`p\` plain value (then \`::\` and its JSON type, as in src/k8s-schema.ts, where it is a string, an
 * integer (\`i\` int32, \`l\` int64), a float (\`n\`), a boolean, base64 bytes (\`y\`), or a list or map of them),
 * \`t\` struct, \`a\` list of structs, \`m\` map of structs, \`q\` Quantity, \`i\` IntOrString, \`Q\` map of Quantity,
 * \`I\` map of IntOrString, \`d\` date (metav1.Time), \`u\` metav1.MicroTime. A type with a leading \`+\` is a
 * field Kubernetes 1.32 added, which the 1.28 L1 class does not have; structs only such fields
 * reach are as 1.32 has them.
 *
 * @internal
 */
export const L1_STRUCTS: { [struct: string]: string } = {
`;
for (const n of Object.keys(structs).sort()) {
  out += `  ${n}: ${JSON.stringify(encode(structs[n]))},\n`;
}
out += '};\n';
const file = process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, '..', 'src', 'import', 'l1-schema.ts');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, out);
console.log(`wrote ${path.relative(process.cwd(), file)}: ${Object.keys(kinds).length} kinds, ${Object.keys(kinds132).length} kinds of 1.32 only, `
  + `${Object.keys(gone).length} gone in 1.32, ${Object.keys(structs).length} structs, `
  + `${newerFields} fields newer than 1.28, ${out.length} bytes; `
  + `numbers: ${probeStats.unprobed.length} integers of versions 1.32 has no schema for (${[...new Set(probeStats.unprobed)].join(' ')}), floats ${[...new Set(probeStats.float)].join(' ')}; `
  + `bytes ${[...new Set(probeStats.bytes)].join(' ')}; MicroTime ${[...new Set(probeStats.micro)].join(' ')}`);
