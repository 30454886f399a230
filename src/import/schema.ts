import { Call, Ref, Value } from './code';
import { L1_GONE_IN_1_32, L1_KINDS, L1_KINDS_1_32, L1_STRUCTS, L1_TYPE_NAMES } from './l1-schema';
import { K8S_SCHEMA } from '../k8s-schema';
import { closest, decodeCheck, isK8sType, kindOf, zeroValueOf } from '../k8s-values';
import { Problems, show } from '../problems';
import { bytesProblem, goParsesRfc3339, keyPath } from '../validation/common';
import { parseQuantity } from '../validation/quantity';
import { readsAsLineBreak } from '../validation/yaml-scalars';

/**
 * The Kubernetes 1.28 structs of cdk8s-plus-28's L1 module (src/import/l1-schema.ts): field
 * names in both spellings and field types, to write manifest JSON as typed props.
 *
 * @internal
 */

/** A field of an L1 struct. */
export interface L1Field {
  /** The Kubernetes JSON name (`hostIP`). */
  readonly json: string;
  /** The L1 TypeScript name (`hostIp`). */
  readonly ts: string;
  /** p plain, t struct, a list of structs, m map of structs, q Quantity, i IntOrString, Q / I maps of them, d date. */
  readonly kind: string;
  /** The struct of `t`, `a` and `m` fields. */
  readonly child?: string;
  /** The JSON type of a `p` field (src/k8s-schema.ts codes: s, i, l, n, b, y, s[], {s}, ...), when it is checked. */
  readonly plain?: string;
  /** A field Kubernetes 1.32 added, which the 1.28 L1 class does not have (the API server keeps it). */
  readonly newer?: boolean;
}

const parsed: { [name: string]: { [json: string]: L1Field } | undefined } = Object.create(null);

/** The fields of an L1 struct by JSON name, or undefined for a name the module does not have. */
export function l1Struct(name: string): { [json: string]: L1Field } | undefined {
  let s = parsed[name];
  if (s !== undefined || !(name in L1_STRUCTS)) {
    return s;
  }
  s = Object.create(null) as { [json: string]: L1Field };
  for (const entry of L1_STRUCTS[name].split(',')) {
    if (entry === '') {
      continue;
    }
    const [names, type, child, plainType] = entry.split(':');
    const eq = names.indexOf('=');
    const json = eq < 0 ? names : names.slice(0, eq);
    const ts = eq < 0 ? names : names.slice(eq + 1);
    const newer = type.startsWith('+');
    s[json] = { json, ts, kind: newer ? type.slice(1) : type, child: child || undefined, plain: plainType || undefined, newer: newer || undefined };
  }
  parsed[name] = s;
  return s;
}

/** The L1 class of a kind (`KubeConfigMap` for `v1/ConfigMap`), or undefined. */
export function l1Class(apiVersion: string, kind: string): string | undefined {
  const key = `${apiVersion}/${kind}`;
  return Object.prototype.hasOwnProperty.call(L1_KINDS, key) ? L1_KINDS[key] : undefined;
}

/**
 * The props struct a kind is decoded with when this library does not validate it: its L1 class's
 * (`KubeSecretProps`), or for a kind Kubernetes 1.32 serves that cdk8s-plus-28 has no class for
 * (flowcontrol.apiserver.k8s.io/v1 FlowSchema, core v1 Event) the 1.32 struct; undefined otherwise.
 */
export function decodedStruct(apiVersion: string, kind: string): string | undefined {
  const key = `${apiVersion}/${kind}`;
  const name = Object.prototype.hasOwnProperty.call(L1_KINDS, key) ? L1_KINDS[key]
    : Object.prototype.hasOwnProperty.call(L1_KINDS_1_32, key) ? L1_KINDS_1_32[key] : undefined;
  return name === undefined ? undefined : `${name}Props`;
}

/**
 * Why a kind of cdk8s-plus-28 at an API version Kubernetes 1.32 no longer serves cannot be
 * applied (flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema), with the version to write; undefined
 * for the others.
 */
export function goneIn132(apiVersion: string, kind: string): string | undefined {
  const key = `${apiVersion}/${kind}`;
  if (!Object.prototype.hasOwnProperty.call(L1_GONE_IN_1_32, key)) {
    return undefined;
  }
  const served = L1_GONE_IN_1_32[key];
  const best = [...served].sort((a, b) => stableRank(b) - stableRank(a))[0];
  const fix = best === undefined ? `Kubernetes 1.32 has no ${kind} at any version: remove it`
    : /^v\d+$/.test(best.split('/').pop()!) ? `write apiVersion: ${best}`
      : `1.32 serves it at ${served.join(' and ')} only, which are off unless enabled: write the version your cluster serves (kubectl api-resources)`;
  return `apiVersion ${JSON.stringify(apiVersion)} does not serve ${kind} in Kubernetes 1.32, so kubectl apply would fail ("no matches for kind"); ${fix}.`;
}

/**
 * Why a kind of one of Kubernetes' own stable API versions of a group without a dot (v1, apps/v1,
 * batch/v1, policy/v1, autoscaling/v1 and v2) cannot be applied: no such kind there ("no matches
 * for kind"; kinds match exactly, and no custom resource can add one to these groups). Undefined
 * for a kind the version has, and for other versions.
 */
export function unknownBuiltInKind(apiVersion: string, kind: string): string | undefined {
  const kinds = BUILT_IN_KINDS[apiVersion];
  if (kinds === undefined || kinds.includes(kind)) {
    return undefined;
  }
  // The kind at another of Kubernetes' own versions (the newest stable one): v1 Ingress is networking.k8s.io/v1.
  const versions = Object.keys(L1_KINDS).filter((k) => k.endsWith(`/${kind}`)).map((k) => k.slice(0, -kind.length - 1))
    .filter((v) => v !== apiVersion && v.split('/').length === 2 && (!v.split('/')[0].includes('.') || v.split('/')[0].endsWith('.k8s.io')));
  // Only a stable version: the beta and alpha ones of this 1.28 list may be gone or off in 1.32
  // (flowcontrol.apiserver.k8s.io/v1beta3, resource.k8s.io/v1alpha2).
  const elsewhere = versions.filter((v) => /^v\d+$/.test(v.split('/')[1])).sort((a, b) => stableRank(b) - stableRank(a))[0];
  const fix = elsewhere !== undefined ? `; write apiVersion: ${elsewhere}.`
    : versions.length > 0 ? `; it is a kind of the ${versions[0].split('/')[0]} API group: write the version of it your cluster serves (kubectl api-resources).`
      : closest(kind, kinds) !== undefined ? `; did you mean ${closest(kind, kinds)}?` : '; check the spelling (kinds are case-sensitive).';
  return `kind ${JSON.stringify(kind)} is not a kind of apiVersion ${apiVersion} in Kubernetes 1.32, so kubectl apply would fail ("no matches for kind")${fix}`;
}

/** How a version ranks for a suggestion: a stable one (v2) above a beta, a higher number above a lower. */
function stableRank(apiVersion: string): number {
  const m = /^v(\d+)(alpha|beta)?(\d*)$/.exec(apiVersion.split('/').pop() ?? '');
  return m ? Number(m[1]) * 100 + (m[2] === undefined ? 50 : m[2] === 'beta' ? 20 : 10) + Number(m[3] || 0) / 100 : -1;
}

/**
 * The kinds Kubernetes 1.32 serves as resources at the stable versions of its API groups without
 * a dot in their name, which no custom resource can join (a CRD's group must hold a dot): v1,
 * apps/v1, batch/v1, policy/v1, autoscaling/v1 and v2 (pkg/apis/<group>/<version>/register.go, less
 * the kinds served only as subresources: Eviction, Scale), List included (what kubectl get -o yaml writes).
 */
const BUILT_IN_KINDS: { [apiVersion: string]: string[] } = {
  'v1': ['Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'List', 'Namespace', 'Node', 'PersistentVolume',
    'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service', 'ServiceAccount'],
  'apps/v1': ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  'batch/v1': ['CronJob', 'Job'],
  'policy/v1': ['PodDisruptionBudget'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
};

/** How Quantity and IntOrString values are written. */
export enum ValueStyle {
  /** Plain strings and numbers (the props of this library's constructs). */
  PLAIN = 'plain',
  /** `k8s.Quantity.fromString('1Gi')`, `k8s.IntOrString.fromNumber(80)` (the L1 classes). */
  L1 = 'l1',
}

/** The result of converting manifest JSON to props: the value, and the paths no struct has. */
export interface Converted {
  readonly value: Value;
  readonly unknown: string[];
  /** Paths of values the L1 TypeScript types cannot hold, though Kubernetes reads them (bytes written as a list). */
  readonly untyped: string[];
}

interface Found {
  readonly unknown: string[];
  readonly untyped: string[];
}

/**
 * Manifest JSON of an L1 struct as props with the L1 TypeScript names, keys in input order.
 * Fields the struct does not have are kept with their JSON name and listed in `unknown`.
 */
export function toProps(struct: string, json: any, style: ValueStyle, path: string = ''): Converted {
  const found: Found = { unknown: [], untyped: [] };
  const value = convertStruct(struct, json, style, path, found);
  return { value, ...found };
}

function convertStruct(struct: string, json: any, style: ValueStyle, path: string, found: Found): Value {
  const fields = l1Struct(struct);
  if (!fields || json === null || typeof json !== 'object' || Array.isArray(json)) {
    return plain(json);
  }
  const out: { [key: string]: Value } = {};
  for (const key of Object.keys(json)) {
    const v = json[key];
    const fieldPath = path ? `${path}.${key}` : key;
    const field = fields[key];
    if (!field || field.newer) {
      // The L1 class does not have it (a field of 1.32 included): kept with its JSON name.
      found.unknown.push(fieldPath);
      out[key] = plain(v);
      continue;
    }
    if (field.kind === 'p' && field.plain?.includes('y')) {
      // Go []byte written as a list of byte values: the L1 class types it as a base64 string.
      found.untyped.push(...bytesLists(v, fieldPath));
    }
    out[field.ts] = convertField(field, v, style, fieldPath, found);
  }
  return NAMED_FIRST.has(struct) ? leadingKeysFirst(out) : out;
}

/** Structs people write with their name first (and a container's image, a mount's path, next). */
const NAMED_FIRST = new Set(['Container', 'EphemeralContainer', 'Volume', 'VolumeMount', 'EnvVar', 'ContainerPort', 'ObjectMeta',
  'SecretKeySelector', 'ConfigMapKeySelector', 'SecretEnvSource', 'ConfigMapEnvSource']);

/** Keys a reader looks for first, in this order, before the others (in input order). */
const LEADING_KEYS = ['name', 'namespace', 'image', 'mountPath'];

/** The object with `name`, `namespace`, `image` and `mountPath` first (cdk8s writes keys sorted; people do not). */
export function leadingKeysFirst<T extends { [key: string]: any }>(o: T): T {
  const out: any = {};
  for (const k of LEADING_KEYS) {
    if (k in o) {
      out[k] = o[k];
    }
  }
  for (const k of Object.keys(o)) {
    if (!(k in out)) {
      out[k] = o[k];
    }
  }
  return out;
}

function convertField(field: L1Field, v: any, style: ValueStyle, path: string, found: Found): Value {
  switch (field.kind) {
    case 't':
      return convertStruct(field.child!, v, style, path, found);
    case 'a':
      return Array.isArray(v) ? v.map((x, i) => convertStruct(field.child!, x, style, `${path}[${i}]`, found)) : plain(v);
    case 'm':
      return mapValues(v, (x, k) => convertStruct(field.child!, x, style, `${path}.${k}`, found));
    case 'q':
    case 'i':
      return valueObject(field.kind, v, style);
    case 'Q':
    case 'I':
      return mapValues(v, (x) => valueObject(field.kind.toLowerCase(), x, style));
    case 'd':
      return style === ValueStyle.L1 && typeof v === 'string' ? new Ref(`new Date(${JSON.stringify(v).replace(/"/g, "'")})`) : plain(v);
    default:
      return plain(v);
  }
}

/** The paths of the bytes written as a list of their values in a value of a Go []byte field, or a map of them. */
function bytesLists(v: any, path: string): string[] {
  return Array.isArray(v) ? [path] : isMap(v) ? Object.keys(v).filter((k) => Array.isArray(v[k])).map((k) => keyPath(path, k)) : [];
}

function mapValues(v: any, f: (x: any, key: string) => Value): Value {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return plain(v);
  }
  const out: { [key: string]: Value } = {};
  for (const key of Object.keys(v)) {
    out[key] = f(v[key], key);
  }
  return out;
}

const K8S_IMPORT = { from: 'cdk8s-plus-28', name: 'k8s' };

function valueObject(kind: string, v: any, style: ValueStyle): Value {
  if (style === ValueStyle.PLAIN || (typeof v !== 'string' && typeof v !== 'number')) {
    return plain(v);
  }
  const type = kind === 'q' ? 'Quantity' : 'IntOrString';
  const method = typeof v === 'number' ? 'fromNumber' : 'fromString';
  return new Call(`k8s.${type}.${method}`, [v], [K8S_IMPORT]);
}

/** JSON as a value of the code model (a copy). */
export function plain(json: any): Value {
  if (json === null || typeof json !== 'object') {
    return json;
  }
  if (Array.isArray(json)) {
    return json.map(plain);
  }
  const out: { [key: string]: Value } = {};
  for (const key of Object.keys(json)) {
    out[key] = plain(json[key]);
  }
  return out;
}

/**
 * What the API server's decoder makes of a null list item or map value of an L1 kind, in place:
 * the zero value of its type (`tier: ~` in `matchLabels` is `tier: ''`, `cpu: ~` in a quota's
 * `hard` is '0', a null item of a list of structs is an empty struct). A struct field set to null
 * is unset, which the caller removes (withoutNulls); a value of any JSON (a CRD's `default`) stays.
 */
// Go: encoding/json (sigs.k8s.io/json) object and array: each map value and slice element is decoded
// into a fresh zero value, which a null leaves as it is (literalStore: "ignore null for primitives/string").
export function l1DecodeNulls(struct: string, json: any): void {
  const fields = l1Struct(struct);
  if (!fields || !isMap(json)) {
    return;
  }
  for (const key of Object.keys(json)) {
    const field = fields[key];
    const v = json[key];
    if (field === undefined || v === null || typeof v !== 'object') {
      continue;
    }
    const items = (zero: () => any, inner?: (x: any) => void) => {
      for (const k of Object.keys(v)) {
        v[k] = v[k] === null ? zero() : v[k];
        inner?.(v[k]);
      }
    };
    switch (field.kind) {
      case 't':
        l1DecodeNulls(field.child!, v);
        break;
      case 'a':
      case 'm':
        if (Array.isArray(v) === (field.kind === 'a')) {
          items(() => ({}), (x) => l1DecodeNulls(field.child!, x));
        }
        break;
      case 'Q':
      case 'I':
        if (isMap(v)) {
          items(() => zeroValueOf(field.kind === 'Q' ? 'q' : 'o'));
        }
        break;
      case 'p': {
        const code = field.plain ?? '';
        // Bytes written as a list of their values: a null item is the byte 0.
        const byteLists = code === 'y' ? [v] : code === '{y}' && isMap(v) ? Object.values(v) : [];
        byteLists.filter(Array.isArray).forEach((b: any[]) => b.forEach((x, i) => b[i] = x === null ? 0 : x));
        const inner = code.endsWith('[]') ? code.slice(0, -2) : code.startsWith('{') ? code.slice(1, -1) : undefined;
        // A type whose zero value is null (any JSON, a date) keeps the null.
        if (inner !== undefined && Array.isArray(v) === code.endsWith('[]') && zeroValueOf(inner) !== null) {
          items(() => zeroValueOf(inner));
        }
        break;
      }
    }
  }
}

/** Every field path of `json` that its L1 struct does not have (with the field probably meant). */
export function unknownFieldProblems(struct: string, json: any, path: string, kind?: string): string[] {
  const problems: string[] = [];
  walkUnknown(struct, json, path, problems, kind ?? struct.replace(/^Kube(\w+)Props$/, '$1'));
  return problems;
}

/** `kind`: the object's, at its top level (a status there is the cluster's). */
function walkUnknown(struct: string, json: any, path: string, problems: string[], kind?: string): void {
  const fields = l1Struct(struct);
  if (!fields || json === null || typeof json !== 'object' || Array.isArray(json)) {
    return;
  }
  for (const key of Object.keys(json)) {
    if (path === '' && key === 'metadata') {
      continue; // every object's metadata is decoded as an ObjectMeta of 1.32 before (parse.ts)
    }
    const fieldPath = path ? `${path}.${key}` : key;
    const field = fields[key];
    const v = json[key];
    if (!field || field.newer) {
      const newer = key === 'status' ? undefined : fieldOf132(struct, key);
      if (newer !== undefined) {
        // Newer than 1.28: the object is then written as an ApiObject, which keeps it; its value
        // is checked against its 1.32 type, as the API server's strict decoding does.
        check132(newer, v, fieldPath, problems, `${kubernetesTypeName(struct)}.${key}`);
        continue;
      }
    }
    const changed = CHANGED_SINCE_1_28[`${struct}.${key}`];
    if (changed !== undefined && v !== null && v !== undefined) {
      // Its 1.32 type is another struct than the L1 class's: decoded as 1.32 decodes it.
      if (!isMap(v)) {
        problems.push(`${fieldPath}: ${show(v)} is ${kindOf(v)}, but ${kubernetesTypeName(struct)}.${key} takes an object (${changed}) (the API server cannot decode it)`);
        continue;
      }
      const found = new Problems();
      decodeCheck(changed, v, fieldPath, found);
      problems.push(...found.messages.map((m) => m.replace(/\.$/, '')));
      // (The decode takes a quantity's text as it is: its quantities are checked as the L1 ones are.)
      for (const k of found.count === 0 && isMap(v) ? Object.keys(v) : []) {
        const type = fieldOf132(changed, k);
        if (type === '{q}') {
          check132(type, v[k], `${fieldPath}.${k}`, problems, `${changed}.${k}`);
        }
      }
      continue;
    }
    const dropped = field === undefined ? undefined : DROPPED_ON_CREATE[`${struct}.${key}`];
    if (dropped !== undefined && v !== null) {
      problems.push(`${fieldPath}: ${show(v)} would vanish: ${dropped.why}; ${dropped.fix}`);
      continue;
    }
    if (!field) {
      const meant = closest(key, Object.keys(fields));
      const type = struct.replace(/^Kube(\w+)Props$/, '$1');
      if (key === 'status' && path === '' && kind !== undefined && STATUS_KINDS.has(kind)) {
        const l1 = Object.values(L1_KINDS).includes(`Kube${type}`);
        problems.push(kind === 'Node'
          // Go: nodeStrategy.PrepareForCreate: "Nodes allow *all* fields, including status, to be set on create."
          ? `${fieldPath}: ${JSON.stringify(v)} cannot be written: the cdk8s L1 class k8s.KubeNode has no status (the API server would keep it: the kubelet registers a Node `
            + 'with its status); remove it'
          : `${fieldPath}: ${JSON.stringify(v)} cannot be written: the cluster writes ${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}'s status${l1 ? `, and the cdk8s L1 class k8s.Kube${type} has no status`
            : ' (the API server resets it on create)'}; remove it`);
        continue;
      }
      problems.push(`${fieldPath}: is not a field of ${kubernetesTypeName(struct)} in Kubernetes 1.32; ${meant ? `did you mean ${meant}?` : 'remove it'}`);
      continue;
    }
    // What the API server's decoder would refuse: a number for a Secret's data value, a map for a
    // list, a list for a quantity.
    const shape = L1_SHAPES[field.kind] ?? (field.kind === 'p' ? field.plain : undefined);
    if (shape !== undefined) {
      check132(shape, v, fieldPath, problems, `${kubernetesTypeName(struct)}.${key}`);
    }
    if (field.kind === 't' && isMap(v)) {
      walkUnknown(field.child!, v, fieldPath, problems);
    } else if (field.kind === 'a' && Array.isArray(v)) {
      v.forEach((x, i) => walkUnknown(field.child!, x, `${fieldPath}[${i}]`, problems));
    } else if (field.kind === 'm' && isMap(v)) {
      for (const k of Object.keys(v)) {
        walkUnknown(field.child!, v[k], `${fieldPath}.${k}`, problems);
      }
    }
  }
}

/** The JSON shape of the L1 field kinds, as src/k8s-schema.ts types (a: any JSON, whose inside walkUnknown checks). */
const L1_SHAPES: { [kind: string]: string } = { t: '{a}', a: 'a[]', m: '{a}', q: 'q', i: 'o', Q: '{q}', I: '{o}', d: 'd', u: 'u' };

const CSR_USER = 'the API server replaces a CertificateSigningRequest\'s username, uid, groups and extra with those of the user who creates it';

/**
 * The fields of the L1 classes (Kubernetes 1.28) whose type Kubernetes 1.32 changed to another
 * struct: a PersistentVolumeClaim's resources are VolumeResourceRequirements since 1.29, which
 * has no `claims`.
 */
const CHANGED_SINCE_1_28: { [structAndField: string]: string } = {
  'PersistentVolumeClaimSpec.resources': 'VolumeResourceRequirements',
};

/**
 * The fields of kinds this library does not validate that the 1.32 API server drops on create
 * without a word (a feature gate off by default, or a field the API no longer takes): why, and the fix.
 */
const DROPPED_ON_CREATE: { [structAndField: string]: { why: string; fix: string } } = {
  // Go: DropDisabledSpecFields (pkg/api/persistentvolume/util.go); the gate as src/validation/common.ts FEATURE_GATES_1_32
  'PersistentVolumeSpec.volumeAttributesClassName': { why: gateOff('VolumeAttributesClass'), fix: 'remove it, or write it once the gate is on' },
  // Go: leaseStrategy.PrepareForCreate (pkg/registry/coordination/lease/strategy.go); CoordinatedLeaderElection is alpha, off, in 1.32
  'LeaseSpec.strategy': { why: gateOff('CoordinatedLeaderElection'), fix: 'remove it, or write it once the gate is on' },
  'LeaseSpec.preferredHolder': { why: gateOff('CoordinatedLeaderElection'), fix: 'remove it, or write it once the gate is on' },
  // Go: dropDisabledDRAAdminAccessFields (pkg/registry/resource/resourceclaim/strategy.go, resourceclaimtemplate/strategy.go); DRAAdminAccess is alpha, off, in 1.32
  'DeviceRequestV1Alpha3.adminAccess': { why: gateOff('DRAAdminAccess'), fix: 'remove it, or write it once the gate is on' },
  'DeviceRequestV1Beta1.adminAccess': { why: gateOff('DRAAdminAccess'), fix: 'remove it, or write it once the gate is on' },
  // Go: nodeStrategy.PrepareForCreate -> dropDisabledFields (pkg/registry/core/node/strategy.go): unconditional on create
  'NodeSpec.configSource': { why: 'the API server drops a Node\'s configSource on create (dynamic kubelet configuration was removed in 1.24)', fix: 'remove it' },
  // Go: csrStrategy.PrepareForCreate (pkg/registry/certificates/certificates/strategy.go): "Clear any user-specified info"
  'CertificateSigningRequestSpec.username': { why: CSR_USER, fix: 'remove it' },
  'CertificateSigningRequestSpec.uid': { why: CSR_USER, fix: 'remove it' },
  'CertificateSigningRequestSpec.groups': { why: CSR_USER, fix: 'remove it' },
  'CertificateSigningRequestSpec.extra': { why: CSR_USER, fix: 'remove it' },
  // Go: endpointSliceStrategy.PrepareForCreate -> dropTopologyOnV1 (pkg/registry/discovery/endpointslice/strategy.go)
  'Endpoint.deprecatedTopology': { why: 'the discovery.k8s.io/v1 API drops deprecatedTopology on create', fix: 'write the endpoint\'s nodeName and zone instead' },
};

/**
 * The Kubernetes name of the type of an L1 struct, for messages: `Event` for the core v1 Event
 * (KubeCoreEventProps), `Subject` for SubjectV1Beta3, `ServiceReference` for the APIService's.
 */
function kubernetesTypeName(struct: string): string {
  const hand: { [struct: string]: string } = { KubeCoreEventProps: 'Event', ApiServiceReference: 'ServiceReference', FlowcontrolSubject: 'Subject' };
  const known = hand[struct] ?? (Object.prototype.hasOwnProperty.call(L1_TYPE_NAMES, struct) ? L1_TYPE_NAMES[struct] : undefined);
  return known ?? struct.replace(/^Kube(\w+)Props$/, '$1').replace(/V\d+(?:(?:Alpha|Beta)\d+)?$/, '');
}

function gateOff(gate: string): string {
  return `${gate} is a feature gate off by default in Kubernetes 1.32, and the API server drops the field while it is off`;
}

function isMap(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * The 1.32 type (`AppArmorProfile`, `s`, `ImageVolumeSource[]`, see src/k8s-schema.ts) of a field
 * of this JSON name in the Kubernetes 1.32 struct of this name (the kinds the library validates
 * and the structs they reach), or undefined: a field added after 1.28 (a PersistentVolumeClaim's
 * volumeAttributesClassName, a pod's appArmorProfile) is real data.
 */
/**
 * The kinds written with an L1 class whose Kubernetes type has a status (the others, such as Role
 * or Secret, have none: a status there is an unknown field to the API server).
 */
export const STATUS_KINDS = new Set(['Pod', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Namespace', 'Ingress', 'PodDisruptionBudget', 'ResourceQuota', 'HorizontalPodAutoscaler', 'PersistentVolume',
  // Kinds new in 1.32 without an L1 class (their Go types have a Status the strategies reset on create)
  'ValidatingAdmissionPolicy', 'FlowSchema', 'PriorityLevelConfiguration', 'ServiceCIDR', 'ResourceClaim', 'StorageVersionMigration',
  // Their strategies reset the status on create too (rcStrategy, volumeAttachmentStrategy, storageVersionStrategy PrepareForCreate)
  'ReplicationController', 'VolumeAttachment', 'StorageVersion',
  'PersistentVolumeClaim', 'Node', 'CertificateSigningRequest', 'CustomResourceDefinition', 'APIService']);

function fieldOf132(struct: string, key: string): string | undefined {
  const fields = K8S_SCHEMA[struct.replace(/^Kube(\w+)Props$/, '$1')];
  if (typeof fields !== 'string') {
    return undefined;
  }
  for (const entry of fields.split(',')) {
    const colon = entry.indexOf(':');
    const names = entry.slice(0, colon);
    const eq = names.indexOf('=');
    if ((eq === -1 ? names : names.slice(eq + 1)) === key) {
      return entry.slice(colon + 1);
    }
  }
  return undefined;
}

/**
 * The problems of the value of a field newer than 1.28 against its 1.32 type: the API server's
 * strict decoding (`decodeCheck`: unknown fields at any depth, JSON types) of a struct, a list or
 * a map of structs. A field of a primitive type is left as it is, as the L1 fields are.
 */
function check132(type: string, v: any, path: string, problems: string[], where: string): void {
  if (v === null || v === undefined) {
    return; // null decodes to the zero value
  }
  if (type.endsWith('[]')) {
    if (Array.isArray(v)) {
      v.forEach((x, i) => check132(type.slice(0, -2), x, `${path}[${i}]`, problems, where));
    } else {
      problems.push(`${path}: ${show(v)} is ${kindOf(v)}, but ${where} takes a list (the API server cannot decode it)`);
    }
  } else if (type.startsWith('{')) {
    if (typeof v === 'object' && !Array.isArray(v)) {
      for (const k of Object.keys(v)) {
        check132(type.slice(1, -1), v[k], keyPath(path, k), problems, where);
      }
    } else {
      problems.push(`${path}: ${show(v)} is ${kindOf(v)}, but ${where} takes a map (the API server cannot decode it)`);
    }
  } else if (isK8sType(type)) {
    const found = new Problems();
    decodeCheck(type, v, path, found);
    problems.push(...found.messages);
  } else {
    const problem = plainTypeProblem(type, v, where);
    if (problem) {
      problems.push(`${path}: ${problem}`);
    }
  }
}

/** What a plain type of src/k8s-schema.ts wants, by code (a, any JSON, is not checked). */
const PLAIN_WANTS: { [code: string]: string } = {
  s: 'a string',
  d: 'a date string (RFC 3339)',
  u: 'a date string with microseconds (RFC 3339, six fraction digits)',
  i: 'an integer',
  l: 'an integer',
  n: 'a number',
  b: 'a boolean (true or false)',
  q: "a quantity (a string such as '1Gi', or a number)",
  o: 'an integer or a string',
  y: 'base64-encoded bytes (a string such as "aGk=")',
};

const INT32 = 2 ** 31;
const INT64 = 2 ** 63;

/**
 * Why a JSON value does not decode into a plain type (string, int32, int64, float, boolean,
 * date, micro date, quantity, int-or-string, bytes), or undefined.
 */
// Go: encoding/json (sigs.k8s.io/json) literalStore: an int kind takes strconv.ParseInt of the number
// (no fraction, in range); metav1.Time / MicroTime, resource.Quantity and intstr.IntOrString UnmarshalJSON.
function plainTypeProblem(type: string, v: any, where: string): string | undefined {
  const want = PLAIN_WANTS[type];
  if (want === undefined) {
    return undefined;
  }
  const ok = type === 's' || type === 'd' || type === 'u' ? typeof v === 'string'
    : type === 'i' || type === 'l' || type === 'n' ? typeof v === 'number'
      : type === 'b' ? typeof v === 'boolean'
        : type === 'y' ? typeof v === 'string' || Array.isArray(v)
          : typeof v === 'string' || typeof v === 'number';
  if (!ok) {
    const asString = type === 's' && (typeof v === 'number' || typeof v === 'boolean') ? `; write it as a string: "${v}"`
      : (type === 'i' || type === 'l') && typeof v === 'string' && v.trim() !== '' && Number.isInteger(Number(v)) ? `; write ${Number(v)} without quotes` : '';
    return `${show(v)} is ${kindOf(v)}, but ${where} takes ${want}${asString} (the API server cannot decode it)`;
  }
  const decodes = '(the API server cannot decode it)';
  if ((type === 'i' || type === 'l' || type === 'o') && typeof v === 'number') {
    const bits = type === 'l' ? 'int64' : 'int32';
    if (!Number.isInteger(v)) {
      return `${show(v)} is not a whole number; ${where} is ${type === 'o' ? 'an int32 or a string' : `an ${bits}`}: write a whole number ${decodes}`;
    }
    const limit = type === 'l' ? INT64 : INT32;
    if (v < -limit || v >= limit) {
      return `${show(v)} is out of range: ${where} is an ${bits}; write a number in that range ${decodes}`;
    }
  }
  if (type === 'd' && !goParsesRfc3339(v)) {
    return `${show(v)} is not an RFC 3339 date, which ${where} takes; write e.g. "2024-01-31T12:00:00Z" ${decodes}`;
  }
  if (type === 'u' && !goParsesRfc3339Micro(v)) {
    return `${show(v)} is not a MicroTime (an RFC 3339 date with exactly six fraction digits), which ${where} takes; write e.g. "2024-01-31T12:00:00.000000Z" ${decodes}`;
  }
  if (type === 'q' && !readsAsLineBreak(v) && parseQuantity(v) === undefined) {
    return `${show(v)} is not a valid quantity, which ${where} takes; write e.g. '100m', '0.5', '128Mi' or 1 ${decodes}`;
  }
  if (type === 'y') {
    return bytesProblem(v, where)?.replace(/\.$/, '');
  }
  return undefined;
}

/**
 * Whether Go reads a date as `metav1.MicroTime.UnmarshalJSON` does: `time.Parse` with the layout
 * RFC3339Micro, "2006-01-02T15:04:05.000000Z07:00", whose fraction takes exactly six digits.
 */
// Go: metav1.MicroTime.UnmarshalJSON (apimachinery pkg/apis/meta/v1/micro_time.go); time.Parse stdFracSecond0
function goParsesRfc3339Micro(value: string): boolean {
  return /T\d\d?:\d\d:\d\d[.,]\d{6}(?:Z|[+-]\d\d:\d\d)$/.test(value) && goParsesRfc3339(value);
}

