import { K8S_SCHEMA, K8S_TYPE_NAMES } from './k8s-schema';
import { fieldPathOf, Problems, readGuarded, show, threwProblem, UNREADABLE } from './problems';
import { bytesProblem, goParsesRfc3339 } from './validation/common';

/**
 * Kubernetes values: conversion of L1-typed values (`k8s.PodSpec`, `k8s.Container`, ... of any
 * cdk8s-plus-NN, or plain objects in either spelling) to manifest JSON, and the decode check of a
 * manifest, both driven by the Kubernetes 1.32 schema of `k8s-schema.ts` (generated from
 * cdk8s-plus-32's L1 module).
 *
 * @internal
 */

/** A field's type: a primitive code, a struct, a list or a map. */
interface K8sType {
  /** `s i l n b d a q o` (see k8s-schema.ts), `S` struct, `[` list, `{` map. */
  readonly k: string;
  /** The element type of a list or a map. */
  readonly of?: K8sType;
  /** The struct name. */
  readonly name?: string;
}

interface K8sField {
  /** The L1 TypeScript name (`hostPid`). */
  readonly ts: string;
  /** The Kubernetes JSON name (`hostPID`). */
  readonly json: string;
  readonly type: K8sType;
}

interface K8sStruct {
  readonly name: string;
  /** The Kubernetes name of the type (`SELinuxOptions` for `SeLinuxOptions`), for messages about a manifest. */
  readonly kubeName: string;
  /** Fields by TypeScript and by JSON name (null prototype). */
  readonly byKey: { [key: string]: K8sField };
  /** Fields by JSON name only: what the API server's decoder knows (null prototype). */
  readonly byJson: { [key: string]: K8sField };
  readonly jsonNames: string[];
}

const PRIMITIVES: { [code: string]: K8sType } = {};
for (const k of 'silnbdaqoy') {
  PRIMITIVES[k] = { k };
}
const structs: { [name: string]: K8sStruct | undefined } = Object.create(null);
const typeCache: { [code: string]: K8sType } = Object.create(null);

function parseType(code: string): K8sType {
  let t = typeCache[code];
  if (t) {
    return t;
  }
  if (code.endsWith('[]')) {
    t = { k: '[', of: parseType(code.slice(0, -2)) };
  } else if (code.startsWith('{')) {
    t = { k: '{', of: parseType(code.slice(1, -1)) };
  } else {
    t = PRIMITIVES[code] ?? { k: 'S', name: code };
  }
  typeCache[code] = t;
  return t;
}

/** The struct of the schema by name (parsed on first use), or undefined. */
function struct(name: string): K8sStruct | undefined {
  let s = structs[name];
  if (s !== undefined || !(name in K8S_SCHEMA)) {
    return s;
  }
  const byKey: { [key: string]: K8sField } = Object.create(null);
  const byJson: { [key: string]: K8sField } = Object.create(null);
  const jsonNames: string[] = [];
  for (const entry of K8S_SCHEMA[name].split(',')) {
    const colon = entry.indexOf(':');
    const names = entry.slice(0, colon);
    const eq = names.indexOf('=');
    const ts = eq < 0 ? names : names.slice(0, eq);
    const json = eq < 0 ? names : names.slice(eq + 1);
    const field: K8sField = { ts, json, type: parseType(entry.slice(colon + 1)) };
    byKey[ts] = field;
    byKey[json] = field;
    byJson[json] = field;
    jsonNames.push(json);
  }
  s = { name, kubeName: K8S_TYPE_NAMES[name] ?? name, byKey, byJson, jsonNames };
  structs[name] = s;
  return s;
}

/** Whether the schema has this struct or kind. */
export function isK8sType(type: string): boolean {
  return type in K8S_SCHEMA;
}

/** The Kubernetes (JSON) name of a field of a struct, given in either spelling; undefined when unknown. */
export function k8sJsonName(type: string, field: string): string | undefined {
  return struct(type)?.byKey[field]?.json;
}

/** The JSON names of a struct's fields (for messages), or undefined for an unknown type. */
export function k8sFieldNames(type: string): string[] | undefined {
  return struct(type)?.jsonNames;
}

/**
 * Turns a value typed with the Kubernetes L1 structs (`k8s.PodSpec`, `k8s.Container`,
 * `k8s.Volume`, ... of cdk8s-plus-28, -33 or any other version, or a plain object) into the JSON
 * that lands in a manifest, and checks it in the same walk.
 *
 * - Fields get their Kubernetes spelling (`hostPid` -> `hostPID`, `downwardApi` -> `downwardAPI`);
 *   the Kubernetes spelling is accepted too.
 * - `Quantity` and `IntOrString` of any cdk8s-plus-NN (recognised by shape: a class instance with
 *   a `value`) are unwrapped; plain strings and numbers are taken as they are. Dates are written
 *   as RFC 3339 strings.
 * - cdk8s tokens (`Lazy` and other class instances) are left for cdk8s to resolve.
 * - With `problems`, it reports keys the Kubernetes 1.32 type does not have, at any depth, with
 *   the nearest valid name (`spec.containers[0].imagePullPolcy: is not a field of Container; did
 *   you mean imagePullPolicy?`), both spellings of one field, and values of the wrong primitive
 *   type (a string where an int32 goes, a fraction, an int32 overflow). Unknown keys stay in the
 *   output, so they are visible in the YAML.
 *
 * The input is never referenced by the output: lists and objects are copied.
 *
 * @param type the struct name (`'PodSpec'`, `'Container'`) or kind (`'Pod'`) of k8s-schema.ts
 * @param path the field path of `value` in messages, e.g. `spec.containers[0]`
 */
export function toManifest(type: string, value: any, path: string = '', problems?: Problems): any {
  const s = struct(type);
  if (!s) {
    return toManifestValue(value);
  }
  return walk({ k: 'S', name: type }, value, path, problems, false, '', '');
}

/**
 * The decode step of the API server, for a manifest (JSON spelling only): reports what the Go
 * JSON decoder with strict field validation rejects: fields the Kubernetes 1.32 type does not
 * have (case-sensitive, so `hostPid` is unknown: `hostPID` is meant), values of the wrong JSON
 * type (a string for an int32, an object for a string), numbers that are not whole where an
 * integer goes, int32/int64 overflow, dates that are not RFC 3339.
 *
 * Quantity syntax is left to the validation of the fields that hold quantities.
 *
 * @param type a kind (`'Pod'`, `'Deployment'`, ...) or struct name of k8s-schema.ts
 */
export function decodeCheck(type: string, json: any, path: string, problems: Problems): void {
  if (struct(type)) {
    walk({ k: 'S', name: type }, json, path, problems, true, '', '');
  }
}

/**
 * Adds the problems of `decodeCheck` (in `decoded`) to `problems`, in place of those `problems`
 * reports at the same field path or inside it: the API server's decoder refuses a value of the
 * wrong JSON type before any validation rule sees it, so its message is the one that names the
 * real mistake and fix (`"30" is a string ... write 30 without quotes`), where a validation rule
 * applied to that value would misstate it ("must be between 1 and 2147483647"). A message of
 * this library that already names the value's JSON type (`is an object, not a list, so the
 * injected sidecars ... cannot be added`) says more, and is kept instead. One field gets one message.
 */
export function decodeProblemsNotReported(decoded: Problems, problems: Problems, manifest?: unknown): void {
  if (decoded.count === 0) {
    return;
  }
  // Field paths as segments, read against the manifest's own keys: a key may hold `.`, `]` or `: `.
  const pathOf = (text: string, recorded: string) => {
    const segments = fieldPathOf(manifest, recorded !== '' ? `${recorded}: ` : text)?.segments;
    return segments === undefined ? undefined : segments.join('\u0000');
  };
  const texts = problems.messages;
  const entries = problems.entries;
  const paths = entries.map((e, i) => pathOf(texts[i], e.path));
  const typed = new Set(paths.filter((p, i) => p !== undefined && NAMES_JSON_TYPE.test(texts[i])));
  const decodedTexts = decoded.messages;
  const decodedEntries = decoded.entries;
  const decodedPaths = decodedEntries.map((e, i) => pathOf(decodedTexts[i], e.path));
  // The field of each problem of the decoder, and its parents: a problem at one of them or inside is replaced.
  const decodedSet = new Set(decodedPaths.filter((p): p is string => p !== undefined));
  const replaced = (path: string) => {
    if (decodedSet.has(path)) {
      return true;
    }
    for (let at = path.indexOf('\u0000'); at >= 0; at = path.indexOf('\u0000', at + 1)) {
      const parent = path.slice(0, at);
      if (parent !== '' && decodedSet.has(parent)) {
        return true;
      }
    }
    return false;
  };
  const remove = new Set(paths.map((p, i) => (p !== undefined && !typed.has(p) && replaced(p) ? i : -1)));
  problems.removeIf((_item, _path, i) => remove.has(i));
  decodedEntries.forEach((e, i) => {
    const path = decodedPaths[i];
    if (path === undefined || !typed.has(path)) {
      problems.add(e.path, e.message);
    }
  });
}

/** A message that says what JSON type the value is (`"x" is a string, not an object`). */
const NAMES_JSON_TYPE = /: .* is an? (string|number|boolean|object|list)\b/;

/**
 * Reports the fields of a manifest value that its Kubernetes type does not have.
 *
 * @deprecated use `decodeCheck`, which checks the value types too.
 */
export function unknownFields(type: string, json: any, path: string, problems: Problems): void {
  decodeCheck(type, json, path, problems);
}

/**
 * What the API server's JSON decoder makes of `null` (Go: sigs.k8s.io/json, encoding/json
 * `literalStore`), in place on a copy: a struct field set to null is unset (a pointer, map, slice
 * or interface becomes nil; any other type keeps its zero value, which is what an absent field
 * has), so it is removed and then defaulted like an absent one; a null list item or map value
 * stays as the zero value of its type (`ports: [null]` is a port with every field empty,
 * `limits: { cpu: null }` a quantity of 0).
 *
 * @param type a kind (`'Service'`) or struct name of k8s-schema.ts
 */
export function decodeNulls(type: string, json: any): void {
  nullsIn({ k: 'S', name: type }, json);
}

function nullsIn(t: K8sType, v: any): void {
  if (v === null || typeof v !== 'object') {
    return;
  }
  if (t.k === 'y' && Array.isArray(v)) {
    // Bytes written as a list of their values: a null item is the byte 0.
    v.forEach((x, i) => v[i] = x === null ? 0 : x);
    return;
  }
  if (t.k === 'S') {
    const s = struct(t.name!);
    if (!s || Array.isArray(v)) {
      return;
    }
    for (const key of Object.keys(v)) {
      const x = v[key];
      if (x === null) {
        delete v[key];
      } else {
        const f = s.byJson[key];
        if (f !== undefined) {
          nullsIn(f.type, x);
        }
      }
    }
  } else if (t.k === '[' && Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      v[i] = v[i] === null ? zeroValue(t.of!) : v[i];
      nullsIn(t.of!, v[i]);
    }
  } else if (t.k === '{' && !Array.isArray(v)) {
    for (const key of Object.keys(v)) {
      v[key] = v[key] === null ? zeroValue(t.of!) : v[key];
      nullsIn(t.of!, v[key]);
    }
  }
}

/** Calls `visit` with every object of a manifest value that the schema types as a struct, and its struct name. */
export function forEachStruct(type: string, json: any, visit: (struct: string, node: any) => void): void {
  eachStruct({ k: 'S', name: type }, json, visit);
}

function eachStruct(t: K8sType, v: any, visit: (struct: string, node: any) => void): void {
  if (v === null || typeof v !== 'object') {
    return;
  }
  if (t.k === 'S') {
    const s = struct(t.name!);
    if (s && !Array.isArray(v)) {
      visit(s.name, v);
      for (const key of Object.keys(v)) {
        const f = s.byJson[key];
        if (f !== undefined) {
          eachStruct(f.type, v[key], visit);
        }
      }
    }
  } else if (t.k === '[' || t.k === '{') {
    for (const x of Object.values(v)) {
      eachStruct(t.of!, x, visit);
    }
  }
}

/** The JSON of the Go zero value of a type of src/k8s-schema.ts by its code (`s`, `q`, `s[]`, ...): a fresh value. */
export function zeroValueOf(code: string): any {
  return zeroValue(parseType(code));
}

/** The JSON of a Go zero value of a schema type (null where Go writes null: a time, any JSON). */
function zeroValue(t: K8sType): any {
  switch (t.k) {
    case 'S':
    case '{':
      return {};
    case '[':
      return [];
    case 's':
    case 'y':
      return '';
    case 'b':
      return false;
    case 'q':
      return '0';
    case 'i':
    case 'l':
    case 'n':
    case 'o':
      return 0;
    default:
      return null;
  }
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_LIMIT = 9223372036854775808; // 2^63

/**
 * One walk: converts (unless `decode`) and checks (when `problems` is given).
 * `owner` and `field` name the struct field holding the value, for messages.
 */
function walk(t: K8sType, v: any, path: string, problems: Problems | undefined, decode: boolean, owner: string, field: string): any {
  if (v === undefined || v === null) {
    return v;
  }
  switch (t.k) {
    case 'S':
      return walkStruct(struct(t.name!)!, v, path, problems, decode, owner, field);
    case '[': {
      if (!Array.isArray(v)) {
        if (isToken(v)) {
          libraryInstance(t, v, path, problems, decode, owner, field);
          return v;
        }
        wrongType(t, v, path, problems, decode, owner, field);
        return decode ? undefined : toManifestValue(v);
      }
      const of = t.of!;
      const out: any[] = decode ? (undefined as any) : new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const item = readGuarded(v, i, problems === undefined ? '' : `${path}[${i}]`, problems);
        if (item === UNREADABLE) {
          continue;
        }
        if (!decode && problems && (item === undefined || item === null)) {
          // Props: the API server would store a null item as the zero value ("" for a string).
          emptyItem(t, item, `${path}[${i}]`, problems, owner, field, 'list item');
        }
        const x = walk(of, item, problems === undefined ? '' : `${path}[${i}]`, problems, decode, owner, field);
        if (!decode) {
          out[i] = x;
        }
      }
      return out;
    }
    case '{': {
      if (typeof v !== 'object' || Array.isArray(v) || !isPlainObject(v)) {
        if (isToken(v)) {
          libraryInstance(t, v, path, problems, decode, owner, field);
          return v;
        }
        wrongType(t, v, path, problems, decode, owner, field);
        return decode ? undefined : toManifestValue(v);
      }
      const of = t.of!;
      const out: any = decode ? undefined : {};
      for (const key of keysOf(v)) {
        const x = readGuarded(v, key, problems === undefined ? '' : `${path}[${key}]`, problems);
        if (x === undefined || x === UNREADABLE) {
          continue;
        }
        if (!decode && problems && (x === null || key === '__proto__')) {
          // Props: cdk8s drops a null value (the API server would read the zero value), and JavaScript
          // takes a key __proto__ for the object's prototype.
          emptyItem(t, x, `${path}[${key}]`, problems, owner, field, key === '__proto__' ? '__proto__' : 'map value');
          continue;
        }
        const y = walk(of, x, problems === undefined ? '' : `${path}[${key}]`, problems, decode, owner, field);
        if (!decode) {
          out[key] = y;
        }
      }
      return out;
    }
    default:
      return walkPrimitive(t, v, path, problems, decode, owner, field);
  }
}

function walkStruct(s: K8sStruct, v: any, path: string, problems: Problems | undefined, decode: boolean, owner: string, field: string): any {
  if (typeof v !== 'object' || Array.isArray(v) || !isPlainObject(v)) {
    if (isToken(v)) {
      libraryInstance({ k: 'S', name: s.name }, v, path, problems, decode, owner, field);
      return v;
    }
    wrongType({ k: 'S', name: s.name }, v, path, problems, decode, owner, field);
    return decode ? undefined : toManifestValue(v);
  }
  const fields = decode ? s.byJson : s.byKey;
  const out: any = decode ? undefined : {};
  // for...in over a plain object (own keys: the prototype is Object.prototype or null) is faster
  // than Object.keys, which allocates an array per object.
  let seen = 0;
  for (const key in v) {
    seen++;
    structField(s, fields, v, key, out, path, problems, decode);
  }
  // Fields defined non-enumerable (Object.defineProperty) are read as `value.field` reads them,
  // not dropped (a manifest parsed from JSON has none: only props are looked at).
  // (for...in also counts inherited keys: an Object.create(...) struct always takes the long way)
  if (!decode && (Object.getOwnPropertyNames(v).length > seen || Object.getPrototypeOf(v) !== Object.prototype)) {
    for (const key of Object.getOwnPropertyNames(v)) {
      if (!Object.prototype.propertyIsEnumerable.call(v, key) && Object.prototype.hasOwnProperty.call(fields, key)) {
        structField(s, fields, v, key, out, path, problems, decode);
      }
    }
  }
  return out;
}

/** One field of a struct for walkStruct: converted into `out` (unless `decode`) and checked. */
function structField(
  s: K8sStruct, fields: { [key: string]: K8sField }, v: any, key: string, out: any, path: string, problems: Problems | undefined, decode: boolean,
): void {
  let x: any;
  try {
    x = v[key];
  } catch (e) {
    // A getter of the caller's that throws: its error, named with the field it was reading.
    problems?.add(problems === undefined ? '' : path ? `${path}.${key}` : key, threwProblem(e));
    return;
  }
  if (x === undefined) {
    return;
  }
  const f = fields[key];
  // Paths are only needed for messages: not built when nothing is checked.
  // A key that is empty is written quoted, as a JSON pointer '/' would address it.
  const p = problems === undefined ? '' : key === '' ? `${path}[""]` : path ? `${path}.${key}` : key;
  if (f === undefined) {
    if (problems) {
      problems.add(p, unknownFieldMessage(s, key, decode));
    }
    if (!decode) {
      out[key] = toManifestValue(x);
    }
    return;
  }
  if (!decode) {
    if (f.ts !== f.json && problems && key === f.json && v[f.ts] !== undefined) {
      problems.add(p, `is set twice, as ${f.ts} and ${f.json}; keep one.`);
    }
    out[f.json] = walk(f.type, x, p, problems, false, s.name, f.json);
  } else {
    walk(f.type, x, p, problems, true, s.kubeName, f.json);
  }
}

function walkPrimitive(t: K8sType, v: any, path: string, problems: Problems | undefined, decode: boolean, owner: string, field: string): any {
  switch (t.k) {
    case 's':
      if (typeof v !== 'string') {
        notOfType(t, v, path, problems, decode, owner, field);
      }
      return v;
    case 'b':
      if (typeof v !== 'boolean' && !isToken(v)) {
        wrongType(t, v, path, problems, decode, owner, field);
      }
      return v;
    case 'i':
    case 'l':
    case 'n':
      if (typeof v !== 'number') {
        notOfType(t, v, path, problems, decode, owner, field);
      } else if (problems) {
        checkNumber(t.k, v, path, problems, owner, field);
      }
      return v;
    case 'q':
      if (typeof v === 'string') {
        return v;
      }
      if (typeof v === 'number') {
        if (problems && !Number.isFinite(v)) {
          problems.add(path, `${String(v)} is not a finite number; ${owner}.${field} takes a quantity such as "500m", "1Gi" or 2.`);
        }
        return v;
      }
      if (!decode && isValueObject(v)) {
        return walkPrimitive(t, v.value, path, problems, decode, owner, field);
      }
      notOfType(t, v, path, problems, decode, owner, field);
      return decode ? undefined : toManifestValue(v);
    case 'o':
      if (typeof v === 'string') {
        return v;
      }
      if (typeof v === 'number') {
        if (problems) {
          checkNumber('i', v, path, problems, owner, field);
        }
        return v;
      }
      if (!decode && isValueObject(v)) {
        return walkPrimitive(t, v.value, path, problems, decode, owner, field);
      }
      notOfType(t, v, path, problems, decode, owner, field);
      return decode ? undefined : toManifestValue(v);
    case 'y':
      // Go []byte: a base64 string (its text is the validation rules' to check) or a list of byte values.
      if (Array.isArray(v)) {
        const problem = problems && bytesProblem(v, `${owner}.${field}`);
        if (problem) {
          problems!.add(path, problem);
        }
        return decode ? undefined : toManifestValue(v);
      }
      if (typeof v !== 'string') {
        notOfType(t, v, path, problems, decode, owner, field);
      }
      return v;
    case 'd':
      if (v instanceof Date) {
        if (decode) {
          wrongType(t, v, path, problems, decode, owner, field);
          return undefined;
        }
        if (Number.isNaN(v.getTime())) {
          problems?.add(path, `is an invalid Date; ${owner}.${field} takes a valid date.`);
          return v;
        }
        return v.toISOString();
      }
      if (typeof v === 'string') {
        if (problems && !goParsesRfc3339(v)) {
          problems.add(path, `${show(v)} is not an RFC 3339 date; write e.g. "2024-01-31T12:00:00Z"${decode ? '' : ' or pass a Date'}.`);
        }
        return v;
      }
      notOfType(t, v, path, problems, decode, owner, field);
      return v;
    default: // 'a': any JSON
      return decode ? undefined : toManifestValue(v);
  }
}


/**
 * Set when a decode meets a BigInt, which cdk8s writes as the integer it is (`3n` as `3`):
 * `validateObject` then checks the object again with its BigInts as numbers.
 *
 * @internal
 */
export const BIGINTS = { seen: false };

/** A value of another type: a token or class instance (`libraryInstance`), else the wrong JSON type. */
function notOfType(t: K8sType, v: any, path: string, problems: Problems | undefined, decode: boolean, owner: string, field: string): void {
  if (typeof v === 'bigint' && decode) {
    BIGINTS.seen = true; // checked again as a number
    return;
  }
  if (!isToken(v)) {
    wrongType(t, v, path, problems, decode, owner, field);
  } else {
    libraryInstance(t, v, path, problems, decode, owner, field);
  }
}

function checkNumber(k: string, v: number, path: string, problems: Problems, owner: string, field: string): void {
  const where = `${owner}.${field}`;
  if (!Number.isFinite(v)) {
    problems.add(path, `${String(v)} is not a finite number; ${where} takes ${EXPECTED[k]}.`);
    return;
  }
  if (k === 'n') {
    return;
  }
  if (!Number.isInteger(v)) {
    problems.add(path, `${show(v)} is not a whole number; ${where} is an ${k === 'i' ? 'int32' : 'int64'}: write a whole number.`);
    return;
  }
  if (k === 'i' && (v < INT32_MIN || v > INT32_MAX)) {
    problems.add(path, `${show(v)} is out of range: ${where} is an int32 (${INT32_MIN} to ${INT32_MAX}); write a number in that range.`);
  } else if (k === 'l' && (v <= -INT64_LIMIT || v >= INT64_LIMIT || Math.abs(v) >= 1e21)) {
    // -2^63 itself is an int64, but JavaScript writes it as -9223372036854776000, which is not.
    problems.add(path, `${show(v)} is out of range: ${where} is an int64; write a ${v < 0 ? 'larger (less negative)' : 'smaller'} number.`);
  }
}

const EXPECTED: { [k: string]: string } = {
  's': 'a string',
  'y': 'base64-encoded bytes (a string such as "aGk=", or a list of byte values from 0 to 255)',
  'i': 'an int32 (a whole number)',
  'l': 'an int64 (a whole number)',
  'n': 'a number',
  'b': 'a boolean (true or false)',
  'd': 'a date (an RFC 3339 string such as "2024-01-31T12:00:00Z")',
  'a': 'any JSON value',
  'q': 'a quantity (a string such as "500m" or "1Gi", or a number)',
  'o': 'an int or a string (a number such as 8080 or a name such as "http")',
  '[': 'a list',
  '{': 'a map (an object of keys to values)',
};

/** The IntOrString fields whose string form is a percent (`ValidatePositiveIntOrPercent`), not a port name. */
const PERCENT_FIELDS = new Set(['maxSurge', 'maxUnavailable']);

/** What a field takes, for messages; `decode`: about a manifest, whose types are named as Kubernetes names them. */
function expected(t: K8sType, field: string = '', decode = false): string {
  if (t.k === 'o' && PERCENT_FIELDS.has(field)) {
    return 'an int or a string (a number such as 1 or a percent such as "25%")';
  }
  if (t.k === 'S') {
    return `an object (${typeName(t, decode)})`;
  }
  if (t.k === '[') {
    return `a list of ${plural(t.of!, decode)}`;
  }
  if (t.k === '{') {
    return `a map of ${plural(t.of!, decode)}`;
  }
  return EXPECTED[t.k];
}

/** A struct type's name: as Kubernetes names it in messages about a manifest, as the TypeScript type in messages about props. */
function typeName(t: K8sType, decode: boolean): string {
  return decode ? (K8S_TYPE_NAMES[t.name!] ?? t.name!) : t.name!;
}

function plural(t: K8sType, decode = false): string {
  switch (t.k) {
    case 'S': return `${typeName(t, decode)} objects`;
    case 's': return 'strings';
    case 'i': return 'int32 numbers';
    case 'l': return 'int64 numbers';
    case 'n': return 'numbers';
    case 'b': return 'booleans';
    case 'q': return 'quantities (strings such as "500m" or numbers)';
    default: return expected(t, '', decode);
  }
}

/** What a value is, for messages: `a string`, `a number`, `an object`, ... */
export function kindOf(v: any): string {
  if (v === null || v === undefined) {
    return String(v);
  }
  if (Array.isArray(v)) {
    return 'a list';
  }
  if (v instanceof Date) {
    return 'a Date';
  }
  switch (typeof v) {
    case 'string': return 'a string';
    case 'number': return Number.isFinite(v) ? 'a number' : 'not a finite number';
    case 'boolean': return 'a boolean';
    case 'function': return 'a function';
    case 'object': {
      if (isPlainObject(v)) {
        return 'an object';
      }
      const name = v.constructor?.name;
      return isValueObject(v) ? `a ${name ?? 'value'} object` : name ? `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name} instance` : 'an object';
    }
    default: return `a ${typeof v}`;
  }
}

/** A map key `__proto__` in props (the library's own maps and those of Kubernetes structs). */
export const PROTO_KEY_PROBLEM = 'the key "__proto__" cannot be written: JavaScript takes it for an object\'s prototype, so cdk8s would drop it without a word; rename the key.';

/** A null or missing list item, a null map value or a key __proto__ in props, which would not be written as declared. */
function emptyItem(t: K8sType, v: any, path: string, problems: Problems, owner: string, field: string, what: 'list item' | 'map value' | '__proto__'): void {
  const where = owner ? `${owner}.${field}` : (t.name ?? 'the value');
  if (what === '__proto__') {
    problems.add(path, PROTO_KEY_PROBLEM);
  } else if (what === 'list item') {
    problems.add(path, `${v === null ? 'is null' : 'is missing (undefined, or a hole in the list)'}, but ${where} takes ${expected(t, field)}: the API server would read an empty value; remove the item or write one.`);
  } else {
    problems.add(path, `is null, but ${where} takes ${expected(t, field)}: cdk8s would drop the key without a word; remove it or write a value.`);
  }
}

/**
 * Whether `v` is an instance of a class of this library (a `Sidecar`, an `InitStep`, ...) given
 * where a Kubernetes value goes (`containers: [Sidecar.envoy(...)]`): in props, that is reported
 * (with where the instance goes) instead of being left for cdk8s, which cannot
 * render it. Other class instances are tokens a resolver of the app may turn into JSON.
 */
function libraryInstance(t: K8sType, v: any, path: string, problems: Problems | undefined, decode: boolean, owner: string, field: string): void {
  if (!problems || decode) {
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const found: [string, string] | undefined = require('./props').libraryClassHint(v);
  if (found !== undefined) {
    const at = owner ? `${owner}.${field}` : (t.name ?? 'the value');
    problems.add(path, `is ${found[0]}, but ${at} takes ${expected(t, field)}${found[1]}.`);
  }
}

function wrongType(t: K8sType, v: any, path: string, problems: Problems | undefined, decode: boolean, owner: string, field: string): void {
  if (!problems) {
    return;
  }
  if (decode && typeof v === 'bigint') {
    BIGINTS.seen = true;
  }
  const where = owner ? `${owner}.${field}` : t.name !== undefined ? typeName(t, decode) : 'the value';
  let fix = '';
  if (typeof v === 'string' && (t.k === 'i' || t.k === 'l' || t.k === 'n' || t.k === 'o') && v.trim() !== '' && Number.isFinite(Number(v))) {
    fix = t.k === 'o' ? '' : `; write ${Number(v)} without quotes`;
  } else if (typeof v === 'string' && t.k === 'b' && (v === 'true' || v === 'false')) {
    fix = `; write ${v} without quotes`;
  } else if ((typeof v === 'number' || typeof v === 'boolean') && t.k === 's') {
    fix = `; write it as a string: "${show(v)}"`;
  } else if (t.k === '[' && v !== null && typeof v !== 'object' && t.of!.k !== 'S') {
    // (A string is no item of a list of objects: wrapping it would only move the error.)
    fix = `; write a list: [${show(v)}]`;
  } else if (t.k === '[' && t.of!.k === 'S' && v !== null && typeof v === 'object' && isPlainObject(v)) {
    fix = objectForListFix(v, struct(t.of!.name!));
  } else if (decode && isValueObject(v)) {
    fix = '; unwrap it to its value';
  }
  // A plain object is shown (it is what the user wrote, e.g. a map where a list goes); others are named by kind.
  // A short list is shown too (`[1] is a list, but ... takes an object`).
  const shortList = Array.isArray(v) && v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x)) && JSON.stringify(v).length <= 60;
  const shown = (typeof v === 'object' && v !== null && isPlainObject(v) && t.k === '[') || shortList ? `${show(v)} `
    : typeof v === 'object' || typeof v === 'function' ? '' : `${show(v)} `;
  problems.add(path, `${shown}is ${kindOf(v)}, but ${where} takes ${expected(t, field, decode)}${fix}${decode ? ' (the API server cannot decode it)' : ''}.`);
}

/**
 * The fix for a plain object written where a list goes: a map of names to values where a list of
 * `{ name, value }` items goes (`env: { A: '1' }`), or one item not in a list.
 *
 * @internal
 */
export function objectForListFix(v: any, itemType: string | K8sStruct | undefined): string {
  const item = typeof itemType === 'string' ? struct(itemType) : itemType;
  const keys = Object.keys(v);
  if (item !== undefined && item.byJson.name !== undefined && item.byJson.value !== undefined && keys.length > 0
    && keys.every((k) => typeof v[k] === 'string' || typeof v[k] === 'number') && !keys.every((k) => k === 'name' || k === 'value')) {
    const items = keys.slice(0, 2).map((k) => `{ name: ${show(k)}, value: ${show(String(v[k]))} }`);
    return `; write a list of { name, value } items: [${items.join(', ')}${keys.length > 2 ? ', ...' : ''}]`;
  }
  if (item === undefined || keys.some((k) => item.byJson[k] !== undefined)) {
    return '; put it in a list: [{ ... }]';
  }
  return '';
}

function unknownFieldMessage(s: K8sStruct, key: string, decode: boolean): string {
  // An empty key is near every short name: no guess for it.
  const meant = key === '' ? undefined : closest(key, s.jsonNames);
  // A manifest's types are named as Kubernetes names them; props' as the TypeScript types (k8s.SeLinuxOptions).
  const name = decode ? s.kubeName : s.name;
  if (meant) {
    return `is not a field of ${name}; did you mean ${meant}?`;
  }
  const list = s.jsonNames.length <= 12 ? ` (its fields: ${s.jsonNames.join(', ')})` : '';
  return `is not a field of ${name} in Kubernetes 1.32; remove it${list}${decode ? ': the API server rejects unknown fields' : ''}.`;
}

/**
 * A plain object, or one built with `Object.create` from plain objects (no class in its
 * prototype chain): its fields are read through the prototype, as `value.field` reads them.
 */
export function isPlainObject(v: any): boolean {
  let proto = Object.getPrototypeOf(v);
  while (proto !== Object.prototype && proto !== null) {
    // A class prototype (and Array, Date, Map...) has a constructor of its own; the
    // Object.prototype of another realm (a vm context, structuredClone's) does too, and ends the chain.
    if (Object.prototype.hasOwnProperty.call(proto, 'constructor')) {
      return Object.getPrototypeOf(proto) === null && proto.constructor?.name === 'Object';
    }
    proto = Object.getPrototypeOf(proto);
  }
  return true;
}

/**
 * Every key an options or props object answers to, as `value.key` reads it: own and inherited
 * enumerable keys, and the getters and data values of its classes' prototypes (not their
 * methods), so that a misspelt key is found wherever it is declared.
 */
export function keysThroughPrototype(v: any): string[] {
  const keys = new Set<string>();
  for (const key in v) {
    keys.add(key);
  }
  for (let proto = Object.getPrototypeOf(v); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      // A getter, or a data value (not a method) that a class's prototype holds.
      if (key !== 'constructor' && descriptor !== undefined
        && (typeof descriptor.get === 'function' || ('value' in descriptor && typeof descriptor.value !== 'function'))) {
        keys.add(key);
      }
    }
  }
  return [...keys];
}

/** The keys of a plain object: its own, or, when it inherits from plain objects, every enumerable one. */
export function keysOf(v: any): string[] {
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype || proto === null) {
    return Object.keys(v);
  }
  const keys: string[] = [];
  for (const key in v) {
    keys.push(key);
  }
  return keys;
}

/** `k8s.Quantity`, `k8s.IntOrString` (of any cdk8s-plus-NN): a class instance holding `.value`. */
function isValueObject(value: any): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  return !isPlainObject(value) && 'value' in value;
}

/** A cdk8s token (`Lazy`, a resolvable) or any other class instance left for cdk8s to resolve. */
function isToken(value: any): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
    return false;
  }
  return !isPlainObject(value) && !isValueObject(value);
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
  if (!isPlainObject(value)) {
    // A token of cdk8s (`Lazy`, a resolvable, ...): left for cdk8s to resolve at synth time.
    return value;
  }
  const out: Record<string, any> = {};
  for (const key of keysOf(value)) {
    const v = value[key];
    if (v !== undefined) {
      out[key] = toManifestValue(v);
    }
  }
  return out;
}

/**
 * The candidate closest to `word` (case-insensitive edit distance at most 2, or a quarter of the
 * word's length for long words), if any.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return closestWithin(word, candidates, Math.max(2, Math.floor(word.length / 4)));
}

/** The candidate nearest to `word` within case-insensitive edit distance `most`, if any (the first of equals). */
export function closestWithin(word: string, candidates: readonly string[], most: number): string | undefined {
  let best: string | undefined;
  let bestDistance = most + 1;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase(), bestDistance);
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

/**
 * Whether a value holds a number that is not a whole int32 (2147483648, 1.5, NaN): the props
 * check types such options as numbers, so the decode step must then check them against their
 * Kubernetes type.
 */
export function hasUncheckedNumber(value: unknown): boolean {
  if (typeof value === 'number') {
    return !Number.isInteger(value) || value < -2147483648 || value > 2147483647;
  }
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (hasUncheckedNumber((value as any)[key])) {
        return true;
      }
    }
  }
  return false;
}
