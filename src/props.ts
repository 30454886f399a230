/**
 * Construction-time checks of props (issue 11 item 3: no prop is ever dropped silently).
 *
 * TypeScript users are protected by the types; plain JavaScript, `as any` and spread configs are
 * not. `checkProps` walks props by the schema generated from this library's interfaces
 * (`props-schema.ts`) and, for Kubernetes structs, the Kubernetes 1.32 schema (`k8s-schema.ts`),
 * and throws one Error that names the object and every problem: unknown keys at any depth with
 * the nearest valid name, values of the wrong primitive type, enum values not in the enum,
 * values that are not instances of the library class a field expects, missing required fields.
 *
 * `readProps` does the same walk and returns the props converted in it: Kubernetes structs as
 * manifest JSON (`toManifest`), library structs, lists and maps copied, class instances and
 * functions by reference. One walk checks and converts.
 *
 * @internal
 */
import { closest, isPlainObject, keysOf, keysThroughPrototype, kindOf, objectForListFix, PROTO_KEY_PROBLEM, toManifest } from './k8s-values';
import { Problems, readGuarded, show, threwProblem, UNREADABLE } from './problems';
import { PROPS_CLASSES, PROPS_ENUMS, PROPS_INTERFACES, PROPS_STRUCTS, PropType } from './props-schema';

/**
 * Checks props; throws one Error naming `subject` and every problem. Returns the props read once
 * (`readOptionsOnce`), which the caller uses from then on.
 *
 * @param subject how the object is named in the message, e.g. `InitPod 'init-test'`
 * @param typeName the props interface, e.g. `'InitPodProps'` (a key of `PROPS_STRUCTS`)
 */
export function checkProps<T>(subject: string, typeName: string, props: T): T {
  // Read once (a getter of the caller's is read here only): what is checked is what is used.
  const once = readOptionsOnce(subject, props);
  readProps(subject, typeName, once);
  return once;
}

/**
 * Checks props like `checkProps` and returns them converted in the same walk: Kubernetes structs
 * (`k8s.Container`, the mirrors of k8s-types.ts) as manifest JSON, the rest copied (class
 * instances and functions by reference). `undefined` and `null` optional fields are left out.
 */
export function readProps(subject: string, typeName: string, props: unknown): any {
  const problems = new Problems();
  let out: any;
  try {
    out = readPropsInto(typeName, props, '', problems);
  } catch (e) {
    // Reads are guarded field by field; what escapes comes from the caller's objects themselves
    // (a Proxy whose trap throws, a list whose length throws): named with the object.
    throw new Error(`${subject}: reading the props threw: ${(e as Error)?.message ?? String(e)}; pass plain objects and lists (not a Proxy or an object whose getters fail).`);
  }
  if (problems.count > 0) {
    throw new Error(problems.toErrors(subject)[0]);
  }
  return out;
}

/**
 * The walk of `readProps`, adding problems to `problems` instead of throwing (for callers that
 * collect them with other problems of the object). `path` prefixes every field path.
 */
export function readPropsInto(typeName: string, props: unknown, path: string, problems: Problems): any {
  if (!(typeName in PROPS_STRUCTS)) {
    throw new Error(`checkProps: no props interface '${typeName}' in props-schema.ts; run node scripts/gen-props-schema.js`);
  }
  if (props === undefined) {
    props = {};
  }
  if (path === '' && isToken(props)) {
    // The whole props or options object: every field is read when the object is built.
    problems.add('', `${TOKEN_PROBLEM} (${kindOf(props)}), but ${typeName} is read when the object is built, before tokens resolve; pass the object itself.`);
    return {};
  }
  return walk(['S', typeName], props, path, problems, typeName, '');
}

/** The type of a struct's field, for messages: `InitPodProps.containers`. */
function where(owner: string, field: string): string {
  return field ? `${owner}.${field}` : owner;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function walk(t: PropType, v: any, path: string, problems: Problems, owner: string, field: string): any {
  if (isToken(v) && !(typeof t !== 'string' && (t[0] === 'c' || t[0] === 'i'))) {
    // A cdk8s token (`Lazy`, a resolvable) stands for a value known only at synth time (fields
    // the pattern reads while it is built are refused in struct(): READ_AT_BUILD).
    return v;
  }
  if (typeof t === 'string') {
    return primitive(t, v, path, problems, owner, field);
  }
  const arg = t[1];
  switch (t[0]) {
    case 'S':
      return struct(arg, v, path, problems);
    case 'k':
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        wrong(v, `an object (${arg})`, path, problems, owner, field);
        return v;
      }
      return toManifest(arg, v, path, problems);
    case 'c':
      if (!isInstance(v, arg)) {
        const hints = PROPS_CLASSES[arg]?.[1] ?? [];
        const use = hints.length > 6 ? `use one of its ${hints.length} factories, e.g. ${hints.slice(0, 4).join(', ')}` : hints.length > 0 ? `use ${orList(hints)}` : `pass ${an(arg)}`;
        // Another class of this library in the wrong place: named by its exported class, with where it goes.
        const found = libraryClassHint(v);
        if (found && found[0] !== `${an(arg)} (a class of this library)`) {
          problems.add(path, `is ${found[0]}, not ${an(arg)}${found[1] || `; ${use}`}.`);
        } else {
          problems.add(path, `${shown(v)}is ${kindOf(v)}, not ${an(arg)}; ${use}.`);
        }
      }
      return v;
    case 'i': {
      const methods = PROPS_INTERFACES[arg] ?? [];
      // A method read through a getter of the caller's that throws: named, not escaped.
      const method = (m: string): unknown => readGuarded(v, m, `${path}.${m}`, problems);
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || methods.some((m) => typeof method(m) !== 'function')) {
        const fix = interfaceFix(arg, v) ?? `pass an object that implements it (${methods.map((m) => `${m}()`).join(', ')}), e.g. a pattern of this library`;
        problems.add(path, `${shown(v)}is ${kindOf(v)}, not ${an(arg)}; ${fix}.`);
      }
      return v;
    }
    case 'e':
      return enumValue(arg, v, path, problems, owner, field);
    case 'l':
      if (!arg.includes(v)) {
        const meant = typeof v === 'string' ? closest(v, arg.filter((x: any) => typeof x === 'string')) : undefined;
        problems.add(path, `${show(v)} is not one of ${arg.map((x: any) => show(x)).join(', ')}; ${meant !== undefined ? `did you mean ${show(meant)}?` : 'use one of them.'}`);
      }
      return v;
    case '[': {
      if (!Array.isArray(v)) {
        // One item where a list of them goes: an instance of this library named by its exported class, an object shown.
        const found = libraryClassHint(v);
        // What the list holds: a class of this library, a Kubernetes struct ('k'), a props struct ('S') or values.
        const itemKind = Array.isArray(arg) ? arg[0] : arg;
        // The name of the objects the list holds (not of an enum's values).
        const item: string | undefined = ['k', 'S', 'c'].includes(itemKind) && typeof arg[1] === 'string' ? arg[1] : undefined;
        if (found !== undefined) {
          // The list's own class: one item to put in a list; another class: where it goes instead.
          problems.add(path, itemKind === 'c' && found[0] === `${an(item!)} (a class of this library)`
            ? `is ${found[0]}, but ${where(owner, field)} takes a list; put it in a list: [ ... ].`
            : `is ${found[0]}, but ${where(owner, field)} takes a list${item ? ` of ${item} objects` : ''}${found[1] || ''}.`);
        } else if (v !== null && typeof v === 'object' && isPlainObject(v)) {
          const fix = itemKind === 'k' ? objectForListFix(v, item!) : itemKind === 'S' ? '; put it in a list: [{ ... }]' : '';
          problems.add(path, `${show(v)} is an object, but ${where(owner, field)} takes a list${item ? ` of ${item} objects` : ''}${fix}.`);
        } else {
          // A one-item list is the fix only where the value is of the item's type.
          // (For an enum or a literal list, only a value the list takes: "ipv4" or "IPv4,IPv6" would only move the error.)
          const fits = (itemKind === 's' && typeof v === 'string') || (itemKind === 'n' && typeof v === 'number')
            || (itemKind === 'e' && enumValues(arg[1], PROPS_ENUMS[arg[1]] ?? {}).includes(v))
            || (itemKind === 'l' && Array.isArray(arg[1]) && arg[1].includes(v));
          wrong(v, `a list${item ? ` of ${item} objects` : ''}`, path, problems, owner, field, fits ? `; write a list: [${show(v)}]` : '');
        }
        return v;
      }
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const x = readGuarded(v, i, `${path}[${i}]`, problems);
        out[i] = x === UNREADABLE ? undefined : walk(arg, x, `${path}[${i}]`, problems, owner, field);
      }
      return out;
    }
    case 't': {
      if (!Array.isArray(v) || v.length !== arg.length) {
        wrong(v, `a list of ${arg.length} values`, path, problems, owner, field);
        return v;
      }
      return arg.map((a: PropType, i: number) => {
        const x = readGuarded(v, i, `${path}[${i}]`, problems);
        return x === UNREADABLE ? undefined : walk(a, x, `${path}[${i}]`, problems, owner, field);
      });
    }
    case '{': {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !isPlainObject(v)) {
        wrong(v, 'a map (an object of keys to values)', path, problems, owner, field);
        return v;
      }
      const out: any = {};
      for (const key of keysOf(v)) {
        if (key === '__proto__') {
          problems.add(`${path}[${key}]`, PROTO_KEY_PROBLEM);
          continue;
        }
        const x = readGuarded(v, key, `${path}[${key}]`, problems);
        if (x !== undefined && x !== UNREADABLE) {
          out[key] = walk(arg, x, `${path}[${key}]`, problems, owner, field);
        }
      }
      return out;
    }
    case '|':
      return union(arg, v, path, problems, owner, field);
    default:
      return v;
  }
}

type Fields = { [field: string]: [PropType] | [PropType, 1] };
const parsed: { [name: string]: Fields } = {};

/** A struct's fields (its JSON text parsed on first use). */
function fieldsOf(name: string): Fields {
  let f = parsed[name];
  if (f === undefined) {
    f = JSON.parse(PROPS_STRUCTS[name]) as Fields;
    parsed[name] = f;
  }
  return f;
}

function struct(name: string, v: any, path: string, problems: Problems): any {
  const fields = fieldsOf(name);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    problems.add(path, `${shown(v)}is ${kindOf(v)}, but ${name} is an object of fields; pass { ... }.`);
    return v;
  }
  const proto = Object.getPrototypeOf(v);
  if (isBuiltIn(v)) {
    problems.add(path, `is ${kindOf(v)}, but ${name} is an object of fields; pass { ... }${v instanceof Map ? ' (Object.fromEntries(map))' : ''}.`);
    return v;
  }
  const out: any = {};
  // Own enumerable keys, and the fields defined non-enumerable (Object.defineProperty), which
  // props.field reads too (not a compiled module's __esModule, which is no field).
  const own = () => [
    ...Object.keys(v),
    ...Object.getOwnPropertyNames(v)
      .filter((k) => !Object.prototype.propertyIsEnumerable.call(v, k) && Object.prototype.hasOwnProperty.call(fields, k)),
  ];
  for (const key of proto === Object.prototype || proto === null ? own() : keysOfProps(v, fields)) {
    // Own fields only: `constructor` or `toString` is in every object's prototype.
    const f = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    let x: any;
    try {
      x = v[key];
    } catch (e) {
      // A getter of the caller's that throws: its error, named with the field it was reading.
      problems.add(join(path, key), `reading it threw: ${(e as Error)?.message ?? String(e)}; pass a plain value (the getter of ${name}.${key} failed).`);
      continue;
    }
    if (f === undefined) {
      if (x === undefined) {
        continue;
      }
      const meant = closest(key, Object.keys(fields));
      problems.add(join(path, key), meant
        ? `is not a field of ${name}; did you mean ${meant}?`
        : `is not a field of ${name}; remove it (its fields: ${Object.keys(fields).join(', ')}).`);
      continue;
    }
    if (x === undefined || (x === null && f[1] === 1)) {
      continue;
    }
    if (isToken(x) && ((READ_AT_BUILD.has(key) && PATTERN_PROPS.has(name)) || FACTORY_OPTIONS.has(name) || WORKLOAD_READ.has(`${name}.${key}`))) {
      problems.add(join(path, key), `${TOKEN_PROBLEM} (${kindOf(x)}), but ${name}.${key} is read when the object is built, before tokens resolve; pass the value itself.`);
      continue;
    }
    out[key] = walk(f[0], x, join(path, key), problems, name, key);
  }
  for (const key of requiredFields(name)) {
    // A null is reported by the walk above (`is null, but ... takes ...`): one message per field.
    if (readQuietly(v, key) === undefined && !problems.messages.some((m) => m.startsWith(`${join(path, key)}: reading it threw`))) {
      problems.add(join(path, key), `is missing; ${name}.${key} is required.`);
    }
  }
  return out;
}

/**
 * The props the patterns read while they are built (lists they walk, maps they merge, names and
 * paths they join), which cannot be cdk8s tokens; every other field takes one, resolved at synth.
 */
const READ_AT_BUILD = new Set(['containers', 'initContainers', 'volumes', 'metadata', 'podMetadata', 'filesMountPath', 'filesVolumeName',
  'initSteps', 'sidecars', 'app', 'sidecar', 'logMountPath', 'logFileName', 'logVolumeName', 'ports', 'selector', 'name', 'labels', 'annotations',
  'sidecarMode', 'withoutSelector', 'nodePortRange']);
/** Fields of the Workload options that Workload's factories read (the others are copied). */
const WORKLOAD_READ = new Set(['StatefulSetOptions.volumeClaimTemplates', 'CronJobOptions.job']);
const PATTERN_PROPS = new Set(['PlainPodProps', 'InitPodProps', 'SidecarLoggedAppProps', 'PodWorkloadProps', 'ExposedServiceOptions', 'ExposedServiceProps',
  'ApiObjectMetadata', 'PodMetadata', 'InjectOptions']);

/**
 * The options of the factories (InitStep, Sidecar, LogShipper, SecurityProfile), whose values are
 * read when the step, sidecar or profile is built (a script, a config file, a check): none can be
 * a token. Inside the Kubernetes structs they copy into the manifest (a limit of `resources`, the
 * value of an `envVars` entry) tokens are left to cdk8s.
 */
const FACTORY_OPTIONS = new Set(['InitStepOptions', 'CheckRequiredOptions', 'DownloadOptions', 'DownloadFromS3Options', 'RenderTemplateOptions',
  'WaitForMysqlOptions', 'WaitForPostgresOptions', 'RestrictedProfileOptions', 'BaselineProfileOptions', 'CloudSqlProxyOptions', 'EnvoyOptions',
  'GitSyncOptions', 'MysqldExporterOptions', 'NginxExporterOptions', 'OAuth2ProxyOptions', 'S3BackupOptions', 'FluentBitOptions', 'TailOptions',
  'ElasticsearchOutputOptions', 'S3OutputOptions', 'LogShipperSidecarOptions', 'S3Credentials', 'SecretKeyRef', 'CloudSqlProxyCredentialsSecret',
  'S3CredentialsSecret', 'MyCnfSecret']);

/** How a token where a value read at build goes is reported (the start of the message). */
export const TOKEN_PROBLEM = 'is a cdk8s token';

/** Built-in objects that are no props object (their getters, such as a Map's size, are no fields). */
const BUILT_INS: Function[] = [Map, Set, Date, RegExp, Promise, WeakMap, WeakSet, Error];

/** Whether a value is a built-in object (a Map, a Date, ...) passed where props or options go. */
export function isBuiltIn(v: unknown): boolean {
  return v !== null && typeof v === 'object' && BUILT_INS.some((b) => v instanceof b);
}

/** `v[key]`, or a marker when its getter throws (reported where the field is read). */
function readQuietly(v: any, key: string): unknown {
  try {
    return v[key];
  } catch {
    return THREW;
  }
}
const THREW = Symbol('threw');

/** The required fields of a props interface of props-schema.ts (`EnvoyOptions`: `appPort`). */
export function requiredProps(name: string): readonly string[] {
  return requiredFields(name);
}

/**
 * The keys of props that are not a plain object (`Object.create(defaults)`, a class instance),
 * read as `props.field` reads them: every key through the prototype, and every field of the
 * struct the object answers. A spread or `Object.keys` would drop the inherited ones without a
 * word.
 */
function keysOfProps(v: any, fields: { [key: string]: any }): string[] {
  const keys = new Set(keysThroughPrototype(v));
  for (const key of Object.keys(fields)) {
    if (readQuietly(v, key) !== undefined) {
      keys.add(key);
    }
  }
  return [...keys];
}

const required: { [name: string]: string[] } = {};

/** The required fields of a struct (computed once per struct). */
function requiredFields(name: string): string[] {
  let r = required[name];
  if (r === undefined) {
    const fields = fieldsOf(name);
    r = Object.keys(fields).filter((k) => fields[k][1] !== 1);
    required[name] = r;
  }
  return r;
}

function primitive(t: string, v: any, path: string, problems: Problems, owner: string, field: string): any {
  switch (t) {
    case 's':
      if (typeof v !== 'string') {
        wrong(v, 'a string', path, problems, owner, field, typeof v === 'number' || typeof v === 'boolean' ? `; write it as a string: "${String(v)}"` : '');
      }
      return v;
    case 'n':
      if (typeof v !== 'number' || Number.isNaN(v)) {
        const fix = typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? `; write ${Number(v)} without quotes` : '';
        wrong(v, 'a number', path, problems, owner, field, fix);
      } else if (!Number.isFinite(v)) {
        // JSON has no Infinity: it would be written as null.
        problems.add(path, `${String(v)} is not a finite number; ${where(owner, field)} takes a number (JSON writes Infinity as null).`);
      }
      return v;
    case 'b':
      if (typeof v !== 'boolean') {
        wrong(v, 'a boolean (true or false)', path, problems, owner, field, v === 'true' || v === 'false' ? `; write ${v} without quotes` : '');
      }
      return v;
    case 'f':
      if (typeof v !== 'function') {
        wrong(v, 'a function', path, problems, owner, field);
      }
      return v;
    case 'd':
      if (!(v instanceof Date)) {
        wrong(v, 'a Date', path, problems, owner, field);
      }
      return v;
    case 'q':
    case 'o':
      if (typeof v === 'string' || typeof v === 'number') {
        return v;
      }
      if (v !== null && typeof v === 'object' && 'value' in v && Object.getPrototypeOf(v) !== Object.prototype) {
        return v.value;
      }
      wrong(v, t === 'q' ? 'a quantity (a string such as "500m" or a number)' : 'a number or a string', path, problems, owner, field);
      return v;
    default: // 'a'
      return v;
  }
}

const ENUM_VALUES: { [name: string]: Array<string | number> } = {};

/** The values of an enum of the schema (listed once per enum). */
function enumValues(name: string, members: { [member: string]: string | number }): Array<string | number> {
  return ENUM_VALUES[name] ?? (ENUM_VALUES[name] = Object.values(members));
}

/**
 * Enum props whose Kubernetes field is a plain string (not a pointer) that the API server fills in
 * when it is "": "" is accepted and written as given, as in a manifest. Go: SetDefaults_Service
 * (type, ports[].protocol, sessionAffinity, externalTrafficPolicy), SetDefaults_StatefulSet,
 * SetDefaults_CronJob. The pointer fields (internalTrafficPolicy, ipFamilyPolicy, completionMode,
 * podReplacementPolicy) keep "", which the API server rejects.
 */
const DEFAULTED_WHEN_EMPTY = new Set(['ExposedServiceProps.type', 'ServicePort.protocol', 'ExposedServiceProps.sessionAffinity', 'ExposedServiceOptions.sessionAffinity',
  'ExposedServiceProps.externalTrafficPolicy', 'ExposedServiceOptions.externalTrafficPolicy', 'StatefulSetOptions.podManagementPolicy', 'CronJobOptions.concurrencyPolicy']);

function enumValue(name: string, v: any, path: string, problems: Problems, owner: string, field: string): any {
  const members = PROPS_ENUMS[name] ?? {};
  const values = enumValues(name, members);
  if (values.includes(v) || (v === '' && DEFAULTED_WHEN_EMPTY.has(`${owner}.${field}`))) {
    return v;
  }
  const entries = Object.entries(members);
  const spell = ([m, value]: [string, string | number]) => `${name}.${m} (${show(value)})`;
  let meant: [string, string | number] | undefined;
  if (typeof v === 'string') {
    const byValue = closest(v, values.map(String));
    const byMember = closest(v, Object.keys(members));
    meant = entries.find(([m, value]) => String(value) === byValue || m === byMember);
  }
  const what = `${shown(v)}is not ${an(name)}${owner && field ? ` (${where(owner, field)})` : ''}`;
  problems.add(path, meant ? `${what}; did you mean ${spell(meant)}?` : `${what}; use one of ${entries.map(spell).join(', ')}.`);
  return v;
}

/** A union: the alternative the value's kind fits, checked fully; else a wrong-type message. */
function union(alternatives: PropType[], v: any, path: string, problems: Problems, owner: string, field: string): any {
  // A number-or-string (a Service's targetPort) takes an `IntOrString` of any cdk8s-plus-NN too,
  // unwrapped as the int-or-string fields of the Kubernetes structs are.
  if (alternatives.length === 2 && alternatives.includes('s') && alternatives.includes('n')
    && v !== null && typeof v === 'object' && 'value' in v && !isPlainObject(v)) {
    return walk('o', v, path, problems, owner, field);
  }
  const fits = alternatives.filter((a) => fitsKind(a, v));
  if (fits.length === 1) {
    return walk(fits[0], v, path, problems, owner, field);
  }
  for (const a of fits) {
    const scratch = new Problems();
    const out = walk(a, v, path, scratch, owner, field);
    if (scratch.count === 0) {
      return out;
    }
  }
  if (fits.length > 0) {
    return walk(fits[0], v, path, problems, owner, field);
  }
  wrong(v, orList(alternatives.map(describe)), path, problems, owner, field);
  return v;
}

/** Whether a value has the JavaScript kind an alternative takes (its contents aside). */
function fitsKind(t: PropType, v: any): boolean {
  if (typeof t === 'string') {
    switch (t) {
      case 's': return typeof v === 'string';
      case 'n': return typeof v === 'number';
      case 'b': return typeof v === 'boolean';
      case 'f': return typeof v === 'function';
      case 'd': return v instanceof Date;
      case 'q':
      case 'o': return typeof v === 'string' || typeof v === 'number' || (v !== null && typeof v === 'object' && 'value' in v && !isPlainObject(v));
      default: return true;
    }
  }
  switch (t[0]) {
    case '[':
    case 't': return Array.isArray(v);
    case 'S':
    case 'k':
    case '{': return v !== null && typeof v === 'object' && !Array.isArray(v) && isPlainObject(v);
    case 'c': return isInstance(v, t[1]);
    case 'i': return v !== null && (typeof v === 'object' || typeof v === 'function');
    case 'e':
    case 'l': return typeof v === 'string' || typeof v === 'number';
    default: return true;
  }
}

function describe(t: PropType): string {
  if (typeof t === 'string') {
    return ({ s: 'a string', n: 'a number', b: 'a boolean', f: 'a function', d: 'a Date', q: 'a quantity', o: 'a number or a string', a: 'any value' } as any)[t] ?? t;
  }
  switch (t[0]) {
    case '[': return 'a list';
    case '{': return 'a map';
    case 'S':
    case 'k': return `an object (${t[1]})`;
    default: return `a ${t[1]}`;
  }
}

function wrong(v: any, expected: string, path: string, problems: Problems, owner: string, field: string, fix: string = ''): void {
  problems.add(path, `${shown(v)}is ${kindOf(v)}, but ${where(owner, field)} takes ${expected}${fix}.`);
}

/** The value quoted for a message, with a trailing space; null, objects and functions are not shown. */
function shown(v: any): string {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    return `${String(v)} `;
  }
  return v === null || typeof v === 'object' || typeof v === 'function' ? '' : `${show(v)} `;
}

/** For the values users most often pass where an interface is expected, the adapter to use. */
function interfaceFix(arg: string, v: any): string | undefined {
  if (arg !== 'IServiceTarget' || v === null || typeof v !== 'object') {
    return undefined;
  }
  if ('podMetadata' in v || 'containers' in v) {
    return 'wrap a cdk8s-plus workload: target: ServiceTarget.fromKplus(workload)';
  }
  let values: unknown[];
  try {
    values = Object.values(v);
  } catch {
    return undefined; // a getter that throws (reported at its field)
  }
  if (!Array.isArray(v) && values.length > 0 && values.every((x) => typeof x === 'string')) {
    return `select pods by label with target: ServiceTarget.fromLabels(${JSON.stringify(v).length <= 60 ? JSON.stringify(v) : '{ ... }'}), or selector: { ... }`;
  }
  return undefined;
}

/** `a Workload`, `an IServiceTarget`. */
function an(name: string): string {
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

function orList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A cdk8s token: a class instance with a `produce` (cdk8s `Lazy`) or `resolve` method. */
export function isCdk8sToken(v: any): boolean {
  return isToken(v);
}

/**
 * The token problems of a factory's argument or options, at any depth of its lists and plain
 * objects (`files[0]`, `credentials.accessKeyId.name`), but for the paths `copied` accepts: the
 * values the factory copies into the manifest without reading them (a limit of `resources`, the
 * `value` of an env entry), which cdk8s resolves at synth.
 */
export function tokenProblems(subject: string, value: unknown, path: string, copied: (path: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const visit = (v: any, p: string, depth: number): void => {
    if (copied(p) || depth > 20) {
      return;
    }
    if (isToken(v)) {
      out.push(`${p}: ${TOKEN_PROBLEM} (${kindOf(v)}), but ${subject} reads it when it is built, before tokens resolve; pass the value itself`);
    } else if (Array.isArray(v) || (v !== null && typeof v === 'object' && isPlainObject(v))) {
      for (const k of Array.isArray(v) ? v.keys() : keysOf(v)) {
        const at = Array.isArray(v) ? `${p}[${k}]` : p ? `${p}.${k}` : String(k);
        // A getter of the caller's that throws: named with its path (not a bare error).
        let x: any;
        try {
          x = v[k];
        } catch (e) {
          out.push(`${at}: ${threwProblem(e).replace(/\.$/, '')}`);
          continue;
        }
        visit(x, at, depth + 1);
      }
    }
  };
  visit(value, path, 0);
  return out;
}

/**
 * The options of a factory read once, into a copy that the factory checks and builds from: through
 * the prototype and a class's getters at the top, and nested lists and plain objects (their
 * non-enumerable fields too) at any depth; class instances (a `Duration`, a token) are kept as they
 * are. A getter of the caller's that throws (on any read) fails here, naming the factory and the
 * path, instead of escaping bare from a later read.
 */
export function readOptionsOnce<T>(subject: string, options: T): T {
  return namedThrow(subject, () => readUnguarded(subject, options));
}

function readUnguarded<T>(subject: string, options: T): T {
  if (options === null || typeof options !== 'object' || Array.isArray(options) || !isPlainOrClassObject(options)) {
    return options;
  }
  const copies = new Map<unknown, unknown>();
  const read = (holder: any, key: PropertyKey, at: string): unknown => {
    try {
      return holder[key];
    } catch (e) {
      throw new Error(`${subject}: ${at}: ${threwProblem(e)}`);
    }
  };
  const copy = (v: any, path: string, depth: number): any => {
    const list = Array.isArray(v);
    if (depth > 20 || !(list || (v !== null && typeof v === 'object' && isPlainObject(v)))) {
      return v;
    }
    if (copies.has(v)) {
      return copies.get(v);
    }
    const out: any = list ? new Array(read(v, 'length', `${path}.length`)) : {};
    copies.set(v, out);
    const keys = list ? [...out.keys()] : [...new Set([...keysOf(v), ...Object.getOwnPropertyNames(v), ...keysThroughPrototype(v)])];
    for (const k of keys) {
      const at = list ? `${path}[${k}]` : `${path}.${k}`;
      out[k] = copy(read(v, k, at), at, depth + 1);
    }
    return out;
  };
  const out: any = {};
  // Own non-enumerable fields too, as the props walker reads them (Object.defineProperty), and
  // non-enumerable values of its prototypes (a class's prototype data): what `options.key` yields.
  for (const key of new Set([...keysThroughPrototype(options), ...Object.getOwnPropertyNames(options)])) {
    out[key] = copy(read(options, key, key), key, 1);
  }
  return out;
}

/**
 * Runs `read` (a read of the caller's options or arguments), naming with `subject` an error that
 * escapes it unnamed: a Proxy trap (keys, length, prototype) or a getter read outside a guarded read.
 *
 * @internal
 */
export function namedThrow<T>(subject: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    throw message.startsWith(`${subject}: `) ? e : new Error(`${subject}: reading the options threw: ${message}; pass plain objects and lists (not a Proxy).`);
  }
}

/** An object the options copy reads key by key: a plain object, or a class's (getters through the prototype). */
function isPlainOrClassObject(v: object): boolean {
  return isPlainObject(v) || (!isToken(v) && libraryClassHint(v) === undefined && !isBuiltIn(v));
}

/**
 * What a factory (an InitStep, a catalogue Sidecar) cannot take as its whole options object: an
 * instance of a class of this library (named, with where it goes) or a cdk8s token; it throws,
 * naming the factory (`subject`) and what is `built` from the options ('the step'). Returns the
 * options read once (`readOptionsOnce`), which the factory checks and builds from.
 */
export function checkWholeOptions<T>(subject: string, options: T, built: string): T {
  return namedThrow(subject, () => checkWhole(subject, options, built));
}

function checkWhole<T>(subject: string, options: T, built: string): T {
  const libraryClass = libraryClassHint(options);
  if (libraryClass) {
    const [what, goes] = libraryClass;
    throw new Error(`${subject}: options: is ${what}, not an object of options; pass { ... }${goes ? ` (and the ${what.replace(/ \(a class of this library\)$/, '').replace(/^an? /, '')}${goes})` : ''}.`);
  }
  if (isToken(options)) {
    throw new Error(`${subject}: options: ${TOKEN_PROBLEM} (${kindOf(options)}), but ${built} is written from its options when it is built, before tokens resolve; pass the object itself.`);
  }
  return readOptionsOnce(subject, options);
}

/**
 * The tokens in a factory's options (`field: message`, without the final '.'), from the problems
 * of `readPropsInto` on them: the fields the options interface reads at build
 * (`InitStepOptions.timeoutSeconds`), then deeper ones (`files[0]`, `clientSecret.name`) that the
 * factory (`readBy`) reads too, except what it copies into the manifest (`copiedByFactories`).
 */
export function optionTokenProblems(read: Problems, options: unknown, readBy: string): string[] {
  const fieldOf = (m: string) => m.slice(0, m.indexOf(': '));
  const top = read.messages.filter((m) => m.includes(`: ${TOKEN_PROBLEM} `)).map((m) => m.replace(/\.$/, ''));
  const fields = new Set(top.map(fieldOf));
  const deep = tokenProblems(readBy, options, '', copiedByFactories).filter((m) => /[.[]/.test(fieldOf(m)) && !fields.has(fieldOf(m)));
  return [...top, ...deep];
}

/** The values of factory options copied into the manifest as they are: tokens are left to cdk8s there. */
export function copiedByFactories(path: string): boolean {
  return /^(resources|(envVars|variables)\[\d+\]\.value)(\.|\[|$)/.test(path);
}

function isToken(v: any): boolean {
  // The prototype first: plain objects (most values) skip the two lookups along their prototype.
  return v !== null && typeof v === 'object' && !isPlainObject(v) && (typeof v.produce === 'function' || typeof v.resolve === 'function');
}

/**
 * The symbol every class of this library carries on its prototype (its class name), shared by all
 * copies of the package (`Symbol.for`): an instance made by another copy of the package (two
 * versions installed side by side) is recognised by it where `instanceof` fails.
 */
export const LIBRARY_CLASS = Symbol.for('cdk8s-pod-patterns.class');

let classes: { [name: string]: Function | undefined } | undefined;

/** The classes of PROPS_CLASSES, loaded on first use (the modules import this one). */
function classOf(name: string): Function | undefined {
  if (!classes) {
    classes = {};
    for (const [className, [module]] of Object.entries(PROPS_CLASSES)) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const ctor = (module === '' ? require('./index') : require(module))[className];
        if (typeof ctor === 'function') {
          classes[className] = ctor;
          if (module === '' && ctor.prototype && !Object.prototype.hasOwnProperty.call(ctor.prototype, LIBRARY_CLASS)) {
            Object.defineProperty(ctor.prototype, LIBRARY_CLASS, { value: className, enumerable: false });
          }
        }
      } catch {
        // an optional peer that is not installed: only the fallbacks apply
      }
    }
  }
  return classes[name];
}

const hints: { [className: string]: string } = {};

/** Where a LogShipper goes, whichever pattern or call it was given to. */
const LOG_SHIPPER_HINT = '; wrap it: sidecars: [Sidecar.logShipper(shipper)], or pass it as logShipper of a SidecarLoggedApp';

/**
 * For an instance of a class of this library (a `Sidecar`, an `InitStep`, ...): what it is and
 * where it goes in the patterns' props (`a Sidecar (a class of this library) ...; pass it in
 * sidecars: [ ... ]`), for a message; `undefined` for any other value.
 */
export function libraryClassHint(v: any): [what: string, hint: string] | undefined {
  classOf(''); // loads the classes, which puts LIBRARY_CLASS on their prototypes
  const name = v !== null && typeof v === 'object' ? v[LIBRARY_CLASS] : undefined;
  if (typeof name !== 'string') {
    return undefined;
  }
  let hint = hints[name];
  if (hint === undefined) {
    const at = new Set<string>();
    for (const props of ['PlainPodProps', 'InitPodProps', 'SidecarLoggedAppProps']) {
      for (const [field, [t]] of Object.entries(fieldsOf(props))) {
        const json = JSON.stringify(t);
        if (json === `["c","${name}"]`) {
          at.add(field);
        } else if (json === `["[",["c","${name}"]]`) {
          at.add(`${field}: [ ... ]`);
        }
      }
    }
    // A log shipper goes in a sidecar of any pattern; only SidecarLoggedApp takes it as logShipper.
    hint = name === 'LogShipper' ? LOG_SHIPPER_HINT : at.size > 0 ? `; pass it in ${orList([...at])}` : '';
    hints[name] = hint;
  }
  return [`${an(name)} (a class of this library)`, hint];
}

/**
 * Whether `v` is an instance of the class: `instanceof`, else (another copy of the package or of
 * cdk8s) the class symbol or the class name along the prototype chain.
 */
export function isInstance(v: any, name: string): boolean {
  if (v === null || typeof v !== 'object') {
    return false;
  }
  const ctor = classOf(name);
  if (ctor && v instanceof ctor) {
    return true;
  }
  for (let proto = Object.getPrototypeOf(v); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.prototype.hasOwnProperty.call(proto, LIBRARY_CLASS) ? proto[LIBRARY_CLASS] === name : proto.constructor?.name === name) {
      return true;
    }
  }
  return false;
}
