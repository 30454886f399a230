/**
 * Checks and helpers shared by the sidecar catalogue (`src/sidecars/*.ts`).
 *
 * Every entry validates its options when it is bound to a pod and reports each problem as
 * `Sidecar.<factory>: <field>: <value> <what is wrong>; <fix>.`, collected in the binding's
 * `problems` so the pod reports them all in one message. JavaScript callers are not protected
 * by the types, so every value is checked at run time.
 *
 * @internal
 */
import { Duration } from 'cdk8s';
import { HttpUrl, parseHttpUrl } from '../init-steps/script';
import type { Probe, ResourceRequirements } from '../k8s-types';
import { closestWithin, isPlainObject, keysOf, keysThroughPrototype, kindOf, toManifest } from '../k8s-values';
import { Problems, show, threwProblem } from '../problems';
import { checkWholeOptions, isBuiltIn, namedThrow, optionTokenProblems, readPropsInto, requiredProps } from '../props';
import type { SidecarMode } from '../sidecar';
import { dns1123Label, dns1123Subdomain, ianaServiceName } from '../validation/names';

/** The problems of one catalogue entry's options. */
export class OptionProblems {
  public readonly items: string[] = [];

  /** @param subject how the entry is named in messages, e.g. `Sidecar.cloudSqlProxy` */
  public constructor(public readonly subject: string) {}

  /** Records `<subject>: <field>: <message>`; the message names the value and the fix and ends with '.'. */
  public add(field: string, message: string): void {
    this.items.push(`${this.subject}: ${field}: ${message}`);
  }
}

/** The `SidecarMode` values, spelt out here so this module needs nothing from `sidecar.ts` at load time. */
const MODES = ['classic', 'native'];

/**
 * The options object as a record: a problem (and `{}`) when it is not a plain object. Unknown
 * keys are reported with the nearest valid name, since a misspelt option would otherwise be
 * dropped without a word.
 */
export function checkOptionsObject(options: unknown, allowed: readonly string[], problems: OptionProblems): Record<string, any> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    problems.add('options', `${show(options)} must be an object of options; pass { ... } with the required fields.`);
    return {};
  }
  const record = options as Record<string, any>;
  unknownKeys(record, allowed, problems);
  return record;
}

/**
 * Throws for misspelt or unknown option keys at construction (the factory), so that a typo fails
 * where it is written, as it does for every other props object; the other checks of the options
 * need the pod and run at bind, all reported in one list. Returns the options read once, which
 * the binder uses.
 */
export function checkOptionKeys<T>(subject: string, optionsGiven: T, allowed: readonly string[], optionsType?: string): T {
  // Read once: the checks below and the binder see the same copy.
  const options: unknown = checkWholeOptions(subject, optionsGiven, 'the sidecar');
  if (isBuiltIn(options)) {
    throw new Error(`${subject}: options: is ${kindOf(options)}, not an object of options; pass { ... }${options instanceof Map ? ' (Object.fromEntries(map))' : ''}.`);
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    const required = optionsType ? requiredProps(optionsType) : [];
    if (options === undefined && required.length === 0) {
      return options as T;
    }
    // At the call, where it is written, with what to pass instead.
    const kind = options !== null && typeof options === 'object' ? ` (${kindOf(options)})` : '';
    throw new Error(`${subject}: options: ${show(options)}${kind} is not an object of options; pass { ... }${required.length > 0 ? ` with ${required.join(', ')}` : ' or leave the argument out'}.`);
  }
  const problems = new OptionProblems(subject);
  unknownKeys(options as Record<string, any>, allowed, problems);
  for (const key of keysThroughPrototype(options)) {
    symbolsIn((options as any)[key], key, problems);
  }
  if (optionsType) {
    // A token where the binder reads a value (a port, a name, a URL) cannot resolve in time.
    const found = new Problems();
    readPropsInto(optionsType, options, '', found);
    for (const m of optionTokenProblems(found, options, 'the sidecar')) {
      const field = m.slice(0, m.indexOf(': '));
      problems.add(field, `${m.slice(field.length + 2)}.`);
    }
    // A misspelt or missing key inside an option (a Secret reference's kye) fails at the call too,
    // not at synth among the knock-on problems of the containers it would write.
    for (const m of found.messages) {
      const field = m.slice(0, m.indexOf(': '));
      if (/[.[]/.test(field) && !field.startsWith('resources') && /^: (is not a field of |is missing; )/.test(m.slice(field.length))) {
        const text = m.slice(field.length + 2);
        problems.add(field, /[.?!]$/.test(text) ? text : `${text}.`);
      }
    }
  }
  // A required option left out fails where it is written, not at synth with a knock-on problem.
  for (const key of optionsType ? requiredProps(optionsType) : []) {
    const value = (options as any)[key];
    if (value === undefined || value === null) {
      problems.add(key, `is missing; ${subject} requires it.`);
    }
  }
  // The Kubernetes struct every catalogue entry takes, checked at any depth where it is written.
  const resources = (options as any).resources;
  if (allowed.includes('resources') && resources !== undefined && resources !== null) {
    const found = new Problems();
    toManifest('ResourceRequirements', resources, 'resources', found);
    for (const m of found.messages) {
      const colon = m.indexOf(': ');
      problems.add(m.slice(0, colon), m.slice(colon + 2));
    }
  }
  if (problems.items.length === 1) {
    throw new Error(problems.items[0]);
  }
  if (problems.items.length > 1) {
    throw new Error(`${subject} has ${problems.items.length} problems:\n    - ${problems.items.join('\n    - ')}`);
  }
  return options as T;
}

/** A Symbol anywhere in an option's value (lists and plain objects): no option takes one, and the binders write options into text. */
function symbolsIn(value: unknown, field: string, problems: OptionProblems): void {
  if (typeof value === 'symbol') {
    problems.add(field, `${show(value)} is a symbol, which no option takes; write the value itself (a string, a number, ...).`);
  } else if (Array.isArray(value) || (value !== null && typeof value === 'object' && isPlainObject(value))) {
    for (const key of Array.isArray(value) ? value.keys() : keysOf(value as object)) {
      const at = Array.isArray(value) ? `${field}[${key}]` : `${field}.${key}`;
      // A getter of the caller's that throws: named with its path, not a bare error.
      let x: unknown;
      try {
        x = (value as any)[key];
      } catch (e) {
        problems.add(at, threwProblem(e));
        continue;
      }
      symbolsIn(x, at, problems);
    }
  }
}

function unknownKeys(record: Record<string, any>, allowed: readonly string[], problems: OptionProblems): void {
  // Through the prototype: an inherited key or a getter is read by the binders too.
  for (const key of keysThroughPrototype(record)) {
    if (!allowed.includes(key)) {
      const near = nearest(key, allowed);
      const hint = near ? `did you mean '${near}'?` : `the options are ${allowed.map((a) => `'${a}'`).join(', ')}.`;
      problems.add(key, `is not an option of ${problems.subject}; ${hint}`);
    }
  }
}

/** The allowed name closest to `key` (a case-insensitive match, or edit distance at most 3). */
function nearest(key: string, allowed: readonly string[]): string | undefined {
  return allowed.find((a) => a.toLowerCase() === key.toLowerCase()) ?? closestWithin(key, allowed, 3);
}

/** Unknown keys of a nested options object (`credentialsSecret`, ...), with the nearest valid name. */
export function checkNestedKeys(value: Record<string, unknown>, allowed: readonly string[], field: string, problems: OptionProblems): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const near = nearest(key, allowed);
      problems.add(`${field}.${key}`, `is not a field of ${field}; ${near ? `did you mean '${near}'?` : `its fields are ${allowed.map((a) => `'${a}'`).join(', ')}.`}`);
    }
  }
}

/** Whether a value was given (not `undefined`). */
export function given(value: unknown): boolean {
  return value !== undefined;
}

/**
 * A string that is written as one value (a flag, a config value, an environment variable):
 * non-empty, no control characters (C0, DEL, C1 such as U+0085) and no U+2028/U+2029, which
 * would end a line in YAML or in a config file, no leading or trailing whitespace.
 */
export function checkText(value: unknown, field: string, problems: OptionProblems, example: string): value is string {
  if (typeof value !== 'string' || value.length === 0) {
    problems.add(field, `${show(value)} must be a non-empty string, e.g. ${show(example)}.`);
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
    problems.add(field, `${show(value)} contains a line break or another control character, which would change the structure of the flag or file it is written to; remove it.`);
    return false;
  }
  if (value !== value.trim()) {
    problems.add(field, `${show(value)} has leading or trailing whitespace; remove it.`);
    return false;
  }
  return true;
}

/** A TCP port number 1-65535. */
export function checkPort(value: unknown, field: string, problems: OptionProblems): value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    problems.add(field, `${show(value)} is not a TCP port; use a whole number from 1 to 65535.`);
    return false;
  }
  return true;
}

/** A boolean option. */
export function checkBoolean(value: unknown, field: string, problems: OptionProblems): void {
  if (value !== undefined && typeof value !== 'boolean') {
    problems.add(field, `${show(value)} must be true or false.`);
  }
}

/** A whole number in a range. */
export function checkInteger(value: unknown, field: string, min: number, max: number, problems: OptionProblems): value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.add(field, `${show(value)} must be a whole number from ${min} to ${max}.`);
    return false;
  }
  return true;
}

/** `SidecarMode.CLASSIC` or `SidecarMode.NATIVE`. */
export function checkMode(value: unknown, problems: OptionProblems): void {
  if (value !== undefined && !MODES.includes(value as string)) {
    problems.add('mode', `${show(value)} is not a SidecarMode; use SidecarMode.CLASSIC or SidecarMode.NATIVE.`);
  }
}

/** An image reference: registry/name[:tag][@digest], no whitespace. */
export function checkImage(value: unknown, problems: OptionProblems, example: string): void {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._\-/:@+]*$/.test(value)) {
    problems.add('image', `${show(value)} is not an image reference; write registry/name:tag without spaces, e.g. ${show(example)}.`);
  }
}

/** A container name: a DNS-1123 label. */
/**
 * The name of an object a sidecar derives from its own name (`<name>-config`). When it would be
 * over 63 characters, checkContainerName (with `derived`) reports that; the name is then cut before
 * the suffix, so that the pod's own checks do not repeat the problem about a name the user never wrote.
 */
export function derivedName(name: string, suffix: string): string {
  // (A name that is no string is checkContainerName's problem: it is not used as such.)
  return `${String(name).slice(0, 63 - suffix.length)}${suffix}`;
}

export function checkContainerName(value: unknown, problems: OptionProblems, derived?: { suffix: string; what: string }): void {
  const r = typeof value === 'string' ? dns1123Label(value) : 'must be a string';
  if (r) {
    problems.add('name', `${show(value)} is not a valid container name: it ${r}.`);
  } else if (derived && (value as string).length + derived.suffix.length > 63) {
    // A label has at most 63 characters: cut, the derived name could end in '-' or meet another one.
    const full = `${value}${derived.suffix}`;
    problems.add('name', `${show(value)} has ${(value as string).length} characters, and the ${derived.what} named after it, ${show(full)}, would have ${full.length}, `
      + `over the 63 of a name; use at most ${63 - derived.suffix.length} characters.`);
  }
}

/** A container port name: an IANA service name (at most 15 characters). */
export function checkPortName(value: unknown, field: string, problems: OptionProblems): void {
  const r = typeof value === 'string' ? ianaServiceName(value) : 'must be a string';
  if (r) {
    problems.add(field, `${show(value)} is not a valid port name: it ${r}.`);
  }
}

/** An object name (ConfigMap, Secret): a DNS-1123 subdomain. */
export function checkObjectName(value: unknown, field: string, what: string, problems: OptionProblems): boolean {
  const r = typeof value === 'string' ? dns1123Subdomain(value) : 'must be a string';
  if (r) {
    problems.add(field, `${show(value)} is not a valid ${what} name: it ${r}.`);
    return false;
  }
  return true;
}

/** A key of a Secret or ConfigMap: letters, digits, '-', '_' and '.', at most 253 characters. */
export function checkDataKey(value: unknown, field: string, problems: OptionProblems): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > 253 || !/^[-._a-zA-Z0-9]+$/.test(value) || value === '.' || value === '..') {
    problems.add(field, `${show(value)} is not a valid Secret key; use letters, digits, '-', '_' and '.' (at most 253 characters).`);
    return false;
  }
  return true;
}

/** A `{ name, key }` reference to one key of a Secret. */
export function checkSecretKeyRef(value: unknown, field: string, problems: OptionProblems): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.add(field, `${show(value)} must be a reference to a Secret key: { name: 'my-secret', key: 'password' }.`);
    return;
  }
  const v = value as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    if (k !== 'name' && k !== 'key') {
      problems.add(`${field}.${k}`, 'is not a field of a Secret key reference; use only name and key.');
    }
  }
  checkObjectName(v.name, `${field}.name`, 'Secret', problems);
  checkDataKey(v.key, `${field}.key`, problems);
}

/** A `Duration` as whole seconds in a range, or undefined after recording a problem. */
export function checkDuration(value: unknown, field: string, minSeconds: number, maxSeconds: number, problems: OptionProblems): number | undefined {
  if (!(value instanceof Duration)) {
    problems.add(field, `${show(value)} must be a Duration, e.g. Duration.seconds(30).`);
    return undefined;
  }
  const seconds = value.toSeconds({ integral: false });
  if (!Number.isInteger(seconds) || seconds < minSeconds || seconds > maxSeconds) {
    problems.add(field, `${seconds} seconds must be a whole number of seconds from ${minSeconds} to ${maxSeconds}.`);
    return undefined;
  }
  return seconds;
}

/** An absolute path made of safe characters, without '.' or '..' segments. */
export function checkAbsolutePath(value: unknown, field: string, problems: OptionProblems, example: string): value is string {
  if (typeof value !== 'string' || !/^\/([A-Za-z0-9._-]+\/?)*$/.test(value) || value.split('/').some((s) => s === '.' || s === '..')) {
    problems.add(field, `${show(value)} must be an absolute path of letters, digits, '.', '_', '-' and '/', without '.' or '..' segments, e.g. ${show(example)}.`);
    return false;
  }
  return true;
}

/** A port name or number and the names of all of a sidecar's ports are distinct. */
export function checkDistinctPorts(ports: Array<[string, unknown]>, problems: OptionProblems): void {
  const seen = new Map<unknown, string>();
  for (const [field, value] of ports) {
    if (value === undefined) {
      continue;
    }
    const first = seen.get(value);
    if (first !== undefined) {
      problems.add(field, `${show(value)} is also ${first}; each port of the sidecar needs its own number.`);
    } else {
      seen.set(value, field);
    }
  }
}

/**
 * The user's resources as Kubernetes JSON (`Quantity` objects unwrapped), read once. The pod's
 * own validation checks the quantities.
 */
export function resourcesJson(value: unknown): ResourceRequirements | undefined {
  return value === undefined ? undefined : toManifest('ResourceRequirements', value);
}

/**
 * A container given to a factory (`Sidecar.container()`, `InitStep.container()`), read once
 * into manifest JSON and checked where it is written: a misspelt field fails at the call.
 */
export function readContainer(subject: string, container: unknown): any {
  if (container === null || typeof container !== 'object' || Array.isArray(container)) {
    throw new Error(`${subject}: container: ${show(container)} is not a container; pass { name: 'proxy', image: 'envoyproxy/envoy:v1.31.0', ... }.`);
  }
  const problems = new Problems();
  const json = namedThrow(subject, () => toManifest('Container', container, 'container', problems));
  if (problems.count > 0) {
    throw new Error(problems.toErrors(subject)[0]);
  }
  return json;
}

/** The mode, defaulted (an invalid value is reported by `checkMode`; the default is used then). */
export function modeOf(value: unknown, fallback: SidecarMode): SidecarMode {
  return MODES.includes(value as string) ? (value as SidecarMode) : fallback;
}

/** Whether the mode is native (spelt as its value, so this module loads before `sidecar.ts`). */
export function isNative(mode: SidecarMode): boolean {
  return (mode as string) === 'native';
}

/**
 * An http(s) URL, read by the init steps' narrow parser (`parseHttpUrl`), so that every URL of
 * the library is read once, the same way, with the same messages: `\`, credentials, non-ASCII
 * characters, whitespace and controls, a `#` fragment, a port that is not 1-65535 without leading
 * zeros, and a host that is not a DNS name or an IP address written plainly (`0x7f.1`, `1.2.3`)
 * are refused. A WHATWG `new URL()` is not enough: it reads `http://a:1\@b/` as host `a`, while
 * git (libcurl) sends the request, with `a:1\` as user and password, to `b`.
 *
 * `allowPath: false` accepts only scheme, host, port and an optional trailing '/' (an endpoint).
 * Undefined after recording a problem.
 */
export function checkHttpUrl(
  value: unknown, field: string, problems: OptionProblems, example: string, options: { allowPath?: boolean } = {},
): HttpUrl | undefined {
  if (!checkText(value, field, problems, example)) {
    return undefined;
  }
  // The scheme is matched as written (git picks its remote helper by the scheme's exact spelling).
  if (!/^https?:\/\//.test(value) || /\s/.test(value)) {
    problems.add(field, `${show(value)} is not an absolute http:// or https:// URL; write it like ${show(example)}.`);
    return undefined;
  }
  const errors: string[] = [];
  const url = parseHttpUrl(field, value, errors, { allowPath: options.allowPath ?? true });
  if (url !== undefined) {
    return url;
  }
  // The parser says `<field>: <value> <problem>` without a final '.'.
  const error = errors[0] ?? `${field}: ${show(value)} is not an http:// or https:// URL`;
  const message = error.startsWith(`${field}: `) ? error.slice(field.length + 2) : error;
  if (message.startsWith(`${show(value)} contains credentials,`)) {
    // The init steps' fix (a pre-signed URL or a command step) does not apply to a sidecar.
    problems.add(field, `${show(value)} contains credentials, which would be written in clear text into the manifest; remove them and pass the secret by reference.`);
  } else {
    problems.add(field, `${message}.`);
  }
  return undefined;
}

/** Amazon S3's general purpose bucket naming rules; the reason, or undefined when valid. */
export function s3BucketProblem(bucket: string): string | undefined {
  if (bucket.length < 3 || bucket.length > 63) {
    return `must be 3 to 63 characters long (it has ${bucket.length})`;
  }
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(bucket)) {
    return "must consist of lowercase letters, digits, '.' and '-', and start and end with a letter or digit";
  }
  if (bucket.includes('..')) {
    return 'must not contain two adjacent periods';
  }
  if (/^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/.test(bucket)) {
    return 'must not be formatted as an IP address';
  }
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(bucket) || /(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(bucket)) {
    return 'must not use a reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3)';
  }
  return undefined;
}

/** An AWS region name, e.g. `eu-west-1`. */
export const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;

/**
 * The startup probe a native sidecar gets, so the kubelet starts the next init container and
 * the app only once the sidecar answers: every `periodSeconds` seconds, for up to
 * `failureThreshold` tries.
 */
export function httpStartupProbe(path: string, port: number | string, periodSeconds: number, failureThreshold: number): Probe {
  return { httpGet: { path, port: port as any }, periodSeconds, failureThreshold };
}
