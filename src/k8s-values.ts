import { FieldKind, K8S_SCHEMA } from './k8s-schema';
import { Problems } from './problems';

/**
 * Turns values typed with the Kubernetes L1 structs (`k8s.PodSpec`, `k8s.Container`,
 * `k8s.Volume`, ...) into the JSON that lands in a manifest.
 *
 * It writes what the L1 module's `toJson_*` functions write (the table in `k8s-schema.ts` is
 * generated from them): fields get their Kubernetes spelling (`hostPid` -> `hostPID`,
 * `hostIp` -> `hostIP`, `downwardApi` -> `downwardAPI`, `volumeId` -> `volumeID`, ...) and
 * `k8s.Quantity` / `k8s.IntOrString` are unwrapped. Unlike `toJson_*` it does not need the
 * 2.7 MB L1 module at run time, it accepts plain numbers and strings where the types want
 * `Quantity` / `IntOrString` (as JavaScript callers write them), it accepts the Kubernetes
 * spelling of a field too, and it keeps fields it does not know instead of dropping them
 * silently, so they stay visible in the YAML.
 *
 * @param type the L1 struct name, e.g. 'PodSpec'
 */
export function toManifest(type: string, value: any): any {
  const fields = K8S_SCHEMA[type];
  if (!fields || value === null || typeof value !== 'object' || Array.isArray(value) || isValueObject(value)) {
    return toManifestValue(value);
  }
  const out: Record<string, any> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) {
      continue;
    }
    const field = fields[key] ?? jsonNames(type)[key];
    if (!field) {
      out[key] = toManifestValue(v);
      continue;
    }
    out[field[0]] = convertField(field[1], field[2], v);
  }
  return out;
}

function convertField(kind: FieldKind, child: string | undefined, v: any): any {
  switch (kind) {
    case 'T':
      return toManifest(child!, v);
    case 'A':
      return Array.isArray(v) ? v.map((x) => toManifest(child!, x)) : toManifestValue(v);
    case 'M':
      return mapValues(v, (x) => toManifest(child!, x));
    case 'V':
      return isValueObject(v) ? v.value : toManifestValue(v);
    case 'W':
      return mapValues(v, (x) => (isValueObject(x) ? x.value : x));
    case 'D':
      return v instanceof Date ? v.toISOString() : v;
    default:
      return toManifestValue(v);
  }
}

function mapValues(v: any, f: (x: any) => any): any {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    return toManifestValue(v);
  }
  const out: Record<string, any> = {};
  for (const key of Object.keys(v)) {
    if (v[key] !== undefined) {
      out[key] = f(v[key]);
    }
  }
  return out;
}

const byJsonName: { [type: string]: { [json: string]: [string, FieldKind, string?] } } = {};

/** The struct's fields by their Kubernetes JSON name (built once per type, on first use). */
function jsonNames(type: string): { [json: string]: [string, FieldKind, string?] } {
  let names = byJsonName[type];
  if (!names) {
    names = {};
    for (const field of Object.values(K8S_SCHEMA[type])) {
      names[field[0]] = field;
    }
    byJsonName[type] = names;
  }
  return names;
}

/** `k8s.Quantity`, `k8s.IntOrString` (of any cdk8s-plus-XX): a class instance holding `.value`. */
function isValueObject(value: any): boolean {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto !== Object.prototype && proto !== null && !Array.isArray(value) && 'value' in value;
}

/**
 * Copies a value of unknown shape into plain JSON: unwraps `Quantity` / `IntOrString`, drops
 * `undefined` fields, copies arrays and plain objects (so later changes to the caller's objects
 * do not leak into an already-built manifest) and leaves cdk8s tokens (`Lazy`) for cdk8s to
 * resolve.
 */
export function toManifestValue(value: any): any {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(toManifestValue);
  }
  if (isValueObject(value)) {
    return value.value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    // A token of cdk8s (`Lazy`, a resolvable, ...): left for cdk8s to resolve at synth time.
    return value;
  }
  const out: Record<string, any> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v !== undefined) {
      out[key] = toManifestValue(v);
    }
  }
  return out;
}

/**
 * Reports the fields of a manifest value (Kubernetes spelling) that its Kubernetes 1.28 type does
 * not have, e.g. a misspelt `imagePullPolcy` that reached the props through `as any` or plain
 * JavaScript. Each problem names the path, the type and, when one is close, the field meant.
 */
export function unknownFields(type: string, json: any, path: string, problems: Problems): void {
  const fields = K8S_SCHEMA[type];
  if (!fields || json === null || typeof json !== 'object' || Array.isArray(json)) {
    return;
  }
  const names = jsonNames(type);
  for (const key of Object.keys(json)) {
    const field = names[key];
    const fieldPath = `${path}.${key}`;
    if (!field) {
      const meant = closest(key, Object.keys(names));
      problems.add(fieldPath, `is not a field of ${type} in Kubernetes 1.28; ${meant ? `did you mean ${meant}?` : 'remove it'} (the API server drops unknown fields or, with strict validation, rejects them).`);
      continue;
    }
    const [, kind, child] = field;
    const v = json[key];
    if (kind === 'T') {
      unknownFields(child!, v, fieldPath, problems);
    } else if (kind === 'A' && Array.isArray(v)) {
      v.forEach((x, i) => unknownFields(child!, x, `${fieldPath}[${i}]`, problems));
    } else if (kind === 'M' && v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        unknownFields(child!, v[k], `${fieldPath}.${k}`, problems);
      }
    }
  }
}

/** The candidate within edit distance 2 of `word` (case-insensitive), if any. */
function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) {
    return cap;
  }
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
