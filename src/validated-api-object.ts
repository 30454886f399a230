import { ApiObject, ApiObjectMetadata, ApiObjectMetadataDefinition, App, Chart, JsonPatch, resolve } from 'cdk8s';
import { Construct } from 'constructs';
import { forEachStruct, kindOf } from './k8s-values';
import { Problems, show } from './problems';
import { groupOf } from './validation/metadata';
import { maybeMisread, UNREADABLE } from './validation/yaml-scalars';

/**
 * What a `ValidatedApiObject` is built from.
 */
export interface ValidatedApiObjectProps {
  /** The object's API version, e.g. `v1` or `apps/v1`. */
  readonly apiVersion: string;

  /** The object's kind, e.g. `Pod`. */
  readonly kind: string;

  /**
   * The object's metadata.
   *
   * @default - cdk8s generates a unique name from the construct path
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The top-level fields of the object besides `apiVersion`, `kind` and `metadata` (`spec`, or a
   * ConfigMap's `data`): their names, in the order written.
   */
  readonly bodyFields: string[];

  /** How the object is named in error messages, e.g. `InitPod`. */
  readonly typeName: string;
}

// cdk8s writes top-level keys apiVersion, kind, metadata first, then the rest (sorted unless
// CDK8S_DISABLE_SORT is set), exactly as ApiObject.toJson does.
const LEADING_KEYS = ['apiVersion', 'kind', 'metadata'];
// The resolvers every cdk8s App has (LazyResolver, ImplicitTokenResolver, NumberStringUnionResolver).
const DEFAULT_RESOLVER_COUNT = 3;
// The metadata methods that change what metadata.toJson() writes.
const METADATA_MUTATORS = ['add', 'addLabel', 'addAnnotation', 'addFinalizers', 'addOwnerReference'];

/**
 * Every validated object of an app by name, for the duplicate-name check (kind, group and
 * namespace are compared when names clash).
 */
const NAMES = new WeakMap<Construct, Map<string, ValidatedApiObject[]>>();

/** The charts that check the names of all their objects (once each). */
const APPS_CHECKED = new WeakSet<Construct>();

/** Set by `sanitize` when a string it copied might read back differently from the YAML. */
let misread = false;

/** The fields of ApiObjectMetadataDefinition.toJson(), in sorted order. */
const METADATA_FIELDS = ['annotations', 'finalizers', 'labels', 'name', 'namespace', 'ownerReferences'];

/** The same, as a set. */
const METADATA_FIELD_SET = new Set(METADATA_FIELDS);

/** Returned by `sanitize` when a value holds something cdk8s would resolve (a token). */
const TOKEN = Symbol('token');

/**
 * What an object's output depends on: a version of the one clock below, or a text for
 * dependencies that have no version (a fingerprint of a cdk8s-plus workload).
 */
type StateKey = number | string;

/** The one clock every change reads a new version from. */
let CLOCK = 0;

/**
 * What the rendering vouches for, so that validation skips it (see ValidationOptions).
 * @internal
 */
export interface _ManifestChecks {
  /** Every field and JSON type was checked when it was read. */
  readonly decoded: boolean;
  /** No string can read back differently from the YAML. */
  readonly scalarsChecked: boolean;
}

/** No errors (shared by every valid object). */
const NO_ERRORS: string[] = Object.freeze([]) as any;

/**
 * The metadata of a validated object: cdk8s's, with the methods that change what it writes
 * recording the change on the object (`apiObject` is the metadata's object). One prototype for
 * all objects, so nothing is added per object.
 */
const TRACKED_METADATA = Object.create(ApiObjectMetadataDefinition.prototype);
for (const method of METADATA_MUTATORS) {
  const original = (ApiObjectMetadataDefinition.prototype as any)[method];
  TRACKED_METADATA[method] = function (this: any, ...args: any[]): any {
    this.apiObject._changed();
    return original.apply(this, args);
  };
}

/** The validation cdk8s runs for one object (a class, not a closure: one small object each). */
class ObjectValidation {
  public constructor(private readonly object: ValidatedApiObject) {}
  public validate(): string[] {
    return this.object._validate();
  }
}

/**
 * An `ApiObject` that validates its final manifest (escape-hatch edits included) at synth time,
 * and renders and validates it once per change, not once per chart.
 *
 * cdk8s validates the whole app in `app.synth()` and again in every `chart.toJson()`. This class
 * keeps a version number that every change bumps (`_changed()`, JSON patches, metadata
 * changes): it validates once per state key (its version and those of the objects its output
 * depends on) and hands the manifest it validated over to the next `toJson()` with the same key,
 * so an object is rendered and validated once per synthesis. Objects that hold cdk8s tokens
 * (`Lazy` and the like) are never cached: a token may produce another value each time. See
 * docs/design.md.
 */
export abstract class ValidatedApiObject extends ApiObject {
  private readonly typeName: string;
  private readonly bodyFields: readonly string[];
  /** The objects of the app with this object's kind, namespace and name (itself included). */
  private sameName: ValidatedApiObject[];
  /** Whether cdk8s generated the name (no metadata.name declared): a message about it says so. */
  private readonly nameGenerated: boolean;
  private version = ++CLOCK;
  /** The state key of the last validation. */
  private validatedKey?: StateKey;
  /**
   * The clock value at which the last validation was confirmed for a numeric state key, or -1.
   * While the clock stands still nothing in the app has changed, so every version, and with them
   * a numeric state key, is the same: the result stands without computing the key again (cdk8s
   * validates the whole app once per chart, so this runs charts x objects times per synthesis).
   * A key with a text part (a fingerprint of a cdk8s-plus target) can change without the clock.
   */
  private validatedClock = -1;
  private errors: string[] = NO_ERRORS;
  /** The manifest validated last, for the next toJson() with the same state key. */
  private handOver?: any;

  protected constructor(scope: Construct, id: string, props: ValidatedApiObjectProps) {
    super(scope, id, { apiVersion: props.apiVersion, kind: props.kind, metadata: props.metadata });
    this.typeName = props.typeName;
    this.bodyFields = props.bodyFields;
    this.nameGenerated = props.metadata?.name === undefined;
    Object.setPrototypeOf(this.metadata, TRACKED_METADATA);

    const app = this.node.root as Construct;
    let names = NAMES.get(app);
    if (!names) {
      names = new Map();
      NAMES.set(app, names);
    }
    // By name only (no key to build); kind, group and namespace are compared on a clash.
    const had = names.get(this.name);
    // A new list of the exact size (memory: a pushed-to list keeps room for 17), shared by all.
    const sameName = had ? had.concat(this) : [this];
    names.set(this.name, sameName);
    this.sameName = sameName;
    if (had) {
      // The objects that had the name see a new state: their duplicate-name check must run again.
      for (const other of had) {
        other.sameName = sameName;
        other._changed();
      }
    }

    this.node.addValidation(new ObjectValidation(this));

    // Names this object's own check cannot see: objects of cdk8s or cdk8s-plus, and names
    // changed by JSON patches, in every chart of the app. Checked once per app and validation
    // pass, by the first chart that holds one of this library's objects.
    if (!APPS_CHECKED.has(app)) {
      APPS_CHECKED.add(app);
      Chart.of(this).node.addValidation({ validate: () => sameNameInApp(app) });
    }
  }

  /** How this object is named in error messages, e.g. `InitPod 'web'`. */
  public get description(): string {
    const name = this.name;
    // A name too long to be valid is reported as such; the subject only has to point at it.
    return `${this.typeName} '${name.length <= 400 ? name : `${name.slice(0, 60)}... (${name.length} characters)`}'`;
  }

  /**
   * The problems of this object's final manifest, each naming the object, the field, the value
   * and the fix (cdk8s calls it through the node's validations when it synthesizes).
   *
   * @internal
   */
  public _validate(): string[] {
    if (this.validatedClock === CLOCK) {
      return this.errors;
    }
    const clock = CLOCK;
    const key = this._stateKey();
    if (key !== undefined && this.validatedKey === key) {
      this.validatedClock = typeof key === 'number' ? clock : -1;
      return this.errors;
    }
    const { manifest, cacheable, checked } = this.renderManifest();
    const problems = new Problems();
    this.checkName(problems);
    this._check(manifest, problems, checked);
    if (this.nameGenerated && manifest?.metadata?.name === this.name && problems.messages.some((m) => m.startsWith('metadata.name: '))) {
      problems.add('metadata.name', `was generated by cdk8s from the construct path ${show(this.node.path)}; set metadata.name to a valid name.`);
    }
    const errors = problems.count > 0 ? problems.toErrors(this.description) : NO_ERRORS;
    if (key !== undefined && cacheable) {
      this.validatedKey = key;
      this.errors = errors;
      this.handOver = manifest;
      // Only when nothing changed while it rendered and checked.
      this.validatedClock = typeof key === 'number' && CLOCK === clock ? clock : -1;
    } else {
      this.validatedKey = undefined;
      this.errors = NO_ERRORS;
      this.handOver = undefined;
      this.validatedClock = -1;
    }
    return errors;
  }

  /**
   * Takes this object out of the app after its constructor failed, with every construct it
   * created below it, so that a caught error leaves nothing half-built to be written by a later
   * synthesis (and its name free). Public for `Inject.into()`, which takes back the ConfigMaps it
   * created when a later step of the same call fails.
   *
   * @internal
   */
  public _abandon(): void {
    this.node.scope?.node.tryRemoveChild(this.node.id);
    const names = NAMES.get(this.node.root as Construct);
    const list = names?.get(this.name);
    if (names && list) {
      const rest = list.filter((o) => o !== this);
      if (rest.length === 0) {
        names.delete(this.name);
      } else {
        names.set(this.name, rest);
        for (const other of rest) {
          other.sameName = rest;
          other._changed();
        }
      }
    }
  }

  /** Adds JSON patches applied to the manifest after rendering (the escape hatch); they are validated too. */
  public addJsonPatch(...ops: JsonPatch[]): void {
    ops.forEach((op, i) => {
      // Plain JavaScript passes any value; cdk8s would fail on it at synth with a raw TypeError.
      if (op === null || typeof op !== 'object' || typeof (op as any)._toJson !== 'function') {
        throw new Error(`${this.description}: addJsonPatch(): operation ${i + 1}: ${show(op)} is not a JsonPatch; build it with JsonPatch.add(), replace(), remove(), copy(), move() or test() of cdk8s.`);
      }
    });
    super.addJsonPatch(...ops);
    this._changed();
    // The objects of this name no longer compare with this one in their own check.
    for (const other of this.sameName) {
      if (other !== this) {
        other._changed();
      }
    }
  }

  /**
   * The manifest of this object: what `cdk8s synth` writes.
   */
  public toJson(): any {
    const handOver = this.handOver;
    if (handOver !== undefined) {
      this.handOver = undefined;
      if (this.validatedClock === CLOCK || this.validatedKey === this._stateKey()) {
        return handOver;
      }
    }
    return this.renderManifest().manifest;
  }

  /**
   * A key that changes whenever this object's manifest may change: its version, and the state of
   * the objects its output depends on. Undefined when the output cannot be cached.
   *
   * @internal
   */
  public _stateKey(): StateKey | undefined {
    const dependencies = this._dependencyKey();
    if (dependencies === undefined) {
      return undefined;
    }
    if (typeof dependencies === 'number') {
      // Versions come from one clock: every change takes a value above all earlier ones, so the
      // largest version of an object and its dependencies changes exactly when one of them does.
      return Math.max(this.version, dependencies);
    }
    return `${this.version}|${dependencies}`;
  }

  /**
   * Records a change of the state the manifest is rendered from: every mutator calls it.
   *
   * @internal
   */
  public _changed(): void {
    this.version = ++CLOCK;
  }

  /**
   * The keys of the objects this object's output depends on (e.g. a Service's target); undefined
   * when one of them cannot be cached.
   *
   * @internal
   */
  protected _dependencyKey(): StateKey | undefined {
    return 0;
  }

  /**
   * Renders the top-level fields besides apiVersion, kind and metadata, in Kubernetes JSON.
   *
   * @internal
   */
  protected abstract _renderBody(): Record<string, any>;

  /**
   * Checks the final manifest (after JSON patches), adding problems with their field paths.
   *
   * @internal
   */
  protected abstract _check(manifest: any, problems: Problems, checked: _ManifestChecks): void;

  /**
   * The final manifest. Without tokens and custom resolvers it is built from the rendered body
   * (what cdk8s's resolve() would return unchanged), with cdk8s's own key order and JSON patches;
   * otherwise it is cdk8s's `ApiObject.prototype.toJson`.
   */
  private renderManifest(): { manifest: any; cacheable: boolean; checked: _ManifestChecks } {
    misread = false;
    const body = this._renderBody();
    const resolvers = (App.of(this) as App).resolvers ?? [];
    const sortKeys = !process.env.CDK8S_DISABLE_SORT;
    const data: any = { apiVersion: this.apiVersion, kind: this.kind, metadata: undefined };
    for (const field of this.bodyFields) {
      data[field] = body[field];
    }
    let json = resolvers.length === DEFAULT_RESOLVER_COUNT ? sanitize(data, sortKeys, false) : TOKEN;
    const metadata = json === TOKEN ? TOKEN : metadataJson(this.metadata);
    let cacheable = true;
    if (json === TOKEN || metadata === TOKEN) {
      // What ApiObject.prototype.toJson does: resolve tokens with the app's resolvers, then sanitize.
      cacheable = false;
      try {
        data.metadata = this.metadata.toJson();
        const resolved = resolve([], data, this);
        json = sanitize(resolved, sortKeys, false);
        if (json === TOKEN) {
          const at = firstNonJson(resolved, '');
          throw new Error(`can't render non-simple object: ${at === undefined ? 'a value did not resolve to JSON' : `${at}, which is not JSON; write a plain object or value there (or one that a resolver of the app turns into JSON)`}`);
        }
      } catch (e) {
        throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`);
      }
    } else if (metadata !== undefined) {
      json.metadata = metadata;
    }
    const patches = (this as any).patches as JsonPatch[];
    const patched = patches.length > 0 ? applyPatches(json, patches, this.description) : json;
    const manifest: any = {};
    for (const k of [...LEADING_KEYS, ...Object.keys(patched)]) {
      if (k in patched && !(k in manifest)) {
        manifest[k] = patched[k];
      }
    }
    // Without JSON patches, the manifest holds only what this object built from props and
    // arguments it read (and checked, when _contentChecked() says so) and what sanitize looked at.
    const unpatched = cacheable && patches.length === 0;
    return { manifest, cacheable, checked: { decoded: unpatched && this._contentChecked(), scalarsChecked: unpatched && !misread } };
  }

  /**
   * Whether every field of what this object renders was checked when it was read (field names,
   * JSON types): then the decode step of the validation need not run again.
   *
   * @internal
   */
  protected _contentChecked(): boolean {
    return false;
  }

  /**
   * This library's contract: no two objects of one kind with one name in one namespace of an app.
   * Objects with JSON patches are left to sameNameInApp, which reads their final manifests.
   */
  private checkName(problems: Problems): void {
    if (this.sameName.length < 2 || hasJsonPatches(this)) {
      return;
    }
    const others = this.sameName.filter((o) => o !== this && o.kind === this.kind && o.apiGroup === this.apiGroup
      && (o.metadata.namespace ?? '') === (this.metadata.namespace ?? '') && !hasJsonPatches(o));
    if (others.length === 0) {
      return;
    }
    const where = this.metadata.namespace ? ` in namespace ${show(this.metadata.namespace)}` : '';
    problems.add('metadata.name', `${show(this.name)} is also the name of ${others.map((o) => `${o.description} (${o.node.path})`).join(', ')}: two ${this.kind}s with one name${where} would overwrite each other when applied. Give each a unique name (this library's contract).`);
  }
}

/**
 * cdk8s's sanitizeValue (drops null and undefined, copies, sorts keys unless told not to,
 * optionally drops empty lists and maps), in the same walk telling whether the value holds
 * anything cdk8s's resolve() would replace: then it returns TOKEN.
 */
function sanitize(value: any, sortKeys: boolean, filterEmpty: boolean): any {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value !== 'object') {
    if (typeof value === 'string') {
      noteString(value);
      return value;
    }
    return typeof value === 'function' ? TOKEN : value;
  }
  if (Array.isArray(value)) {
    if (filterEmpty && value.length === 0) {
      return undefined;
    }
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const x = value[i];
      let v: any;
      if (typeof x === 'string') {
        // The common leaf (commands, args), without a walk of its own.
        noteString(x);
        v = x;
      } else {
        v = sanitize(x, sortKeys, filterEmpty);
        if (v === TOKEN) {
          return TOKEN;
        }
      }
      out[i] = v;
    }
    return out;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    return TOKEN;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) {
    return filterEmpty ? undefined : {};
  }
  // The common case: keys in order, every value set (and, with filterEmpty, no list or map that
  // could turn out empty). Then the object is copied whole (one clone of its shape, not a store
  // per key) and only its lists and maps are replaced by their sanitized copies. (The clone also
  // copies symbol-keyed properties, which cdk8s's sanitize drops; the YAML and JSON writers never
  // read them, so the files written are the same.)
  let simple = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const x = value[key];
    if (x === undefined || x === null || typeof x === 'function' || (filterEmpty && typeof x === 'object')
      || (sortKeys && i > 0 && keys[i - 1] > key)) {
      simple = false;
      break;
    }
    noteString(key);
    if (typeof x === 'string') {
      noteString(x);
    }
  }
  if (simple) {
    const copy = { ...value };
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const x = copy[key];
      if (typeof x === 'object') {
        const v = sanitize(x, sortKeys, filterEmpty);
        if (v === TOKEN) {
          return TOKEN;
        }
        copy[key] = v;
      }
    }
    return copy;
  }
  return sanitizeKeys(value, keys, sortKeys, filterEmpty);
}

/** The general case of sanitize for a plain object: key by key, sorted, empty values dropped. */
function sanitizeKeys(value: any, keys: string[], sortKeys: boolean, filterEmpty: boolean): any {
  const out: any = {};
  if (sortKeys) {
    // Sort only when out of order (an object may come here for an unset value alone).
    for (let i = 1; i < keys.length; i++) {
      if (keys[i - 1] > keys[i]) {
        keys.sort();
        break;
      }
    }
  }
  let empty = true;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const x = value[key];
    let v: any;
    // Strings, numbers and booleans (most values) are handled here, without a walk of their own.
    if (typeof x === 'string') {
      noteString(x);
      v = x;
    } else if (typeof x === 'number' || typeof x === 'boolean') {
      v = x;
    } else {
      v = sanitize(x, sortKeys, filterEmpty);
      if (v === TOKEN) {
        return TOKEN;
      }
      if (v === undefined) {
        continue;
      }
    }
    noteString(key);
    out[key] = v;
    empty = false;
  }
  return filterEmpty && empty ? undefined : out;
}

/**
 * Sets `misread` when a string might read back differently from the YAML. `maybeMisread` is true
 * only for strings that start below '@' (digits, signs, '.', tab, newline) or hold a character
 * UNREADABLE matches, so that is tested first (two native calls, no JavaScript walk).
 */
function noteString(s: string): void {
  if (!misread && (s.charCodeAt(0) < 64 || UNREADABLE.test(s))) {
    misread = maybeMisread(s);
  }
}

/**
 * What cdk8s's ApiObjectMetadataDefinition.toJson() writes, built without its resolve() walk
 * (the identity for plain values), or TOKEN when the metadata holds a token.
 */
function metadataJson(metadata: any): any {
  const extra = metadata._additionalAttributes;
  if (hasOtherFields(extra)) {
    return sanitize({
      ...extra,
      name: metadata.name,
      namespace: metadata.namespace,
      annotations: metadata.annotations,
      finalizers: metadata.finalizers,
      ownerReferences: metadata.ownerReferences,
      labels: metadata.labels,
    }, true, true);
  }
  // The common case, without the spread and the sort: the same fields in sorted order.
  const out: any = {};
  let empty = true;
  for (const key of METADATA_FIELDS) {
    const x = metadata[key];
    if (x === undefined || x === null) {
      continue;
    }
    const v = sanitize(x, true, true);
    if (v === TOKEN) {
      return TOKEN;
    }
    if (v !== undefined) {
      out[key] = v;
      empty = false;
    }
  }
  return empty ? undefined : out;
}

/**
 * Whether cdk8s's metadata options (`_additionalAttributes`: the options the metadata was built
 * from, which always hold `name`, `namespace` and `labels`) have a field besides the six that
 * toJson() writes from the metadata itself (e.g. `generateName`).
 */
function hasOtherFields(extra: any): boolean {
  if (!extra) {
    return false;
  }
  const keys = Object.keys(extra);
  for (let i = 0; i < keys.length; i++) {
    if (!METADATA_FIELD_SET.has(keys[i]) && extra[keys[i]] !== undefined) {
      return true;
    }
  }
  return false;
}

/**
 * Where a resolved manifest holds something that is not JSON (a class instance such as a Map or
 * a cdk8s-plus `Container`, a function), for the message: `spec.containers[0]: is a Container
 * instance`. Undefined when all is JSON.
 */
function firstNonJson(value: any, path: string): string | undefined {
  const where = path === '' ? '(the object)' : path;
  if (typeof value === 'function') {
    return `${where}: is a function`;
  }
  if (value === null || typeof value !== 'object') {
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonJson(value[i], `${path}[${i}]`);
      if (found !== undefined) {
        return found;
      }
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return `${where}: is ${kindOf(value)}`;
  }
  for (const key of Object.keys(value)) {
    const found = firstNonJson(value[key], path === '' ? key : `${path}.${key}`);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

/** The value at a JSON pointer (RFC 6901), and whether it exists. */
function pointerValue(doc: any, pointer: unknown): { found: boolean; value?: unknown } {
  if (typeof pointer !== 'string' || (pointer !== '' && !pointer.startsWith('/'))) {
    return { found: false };
  }
  let value = doc;
  for (const part of pointer === '' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) {
      return { found: false };
    }
    value = value[part];
  }
  return { found: true, value };
}

/**
 * Why an add at a pointer into a list would not land where it says (RFC 6902 refuses it, fast-json-patch
 * puts it elsewhere or drops it): the last part must be '-' or an index from 0 to the list's length,
 * without leading zeros; for a replace (`mustExist`), the index of an entry. Undefined when the
 * parent is no list.
 */
function arrayIndexProblem(doc: any, pointer: unknown, mustExist = false): string | undefined {
  if (typeof pointer !== 'string' || !pointer.startsWith('/')) {
    return undefined;
  }
  const cut = pointer.lastIndexOf('/');
  const parent = pointerValue(doc, pointer.slice(0, cut));
  const last = pointer.slice(cut + 1);
  if (!parent.found || !Array.isArray(parent.value) || (last === '-' && !mustExist)) {
    return undefined;
  }
  // A replace needs an entry that exists (RFC 6902): fast-json-patch would append for '-', or leave holes.
  const max = mustExist ? parent.value.length - 1 : parent.value.length;
  if (!/^(0|[1-9][0-9]*)$/.test(last) || Number(last) > max) {
    if (max < 0) {
      return `${show(pointer.slice(0, cut))} is an empty list, so a replace finds no entry ${show(last)} (use add)`;
    }
    const range = mustExist ? `an index from 0 to ${max} (a replace needs an entry that exists; add appends)` : `an index from 0 to ${max} or '-' (the end)`;
    return `${show(pointer.slice(0, cut))} is a list of ${parent.value.length}, so the last part of the path must be ${range}, not ${show(last)}`;
  }
  return undefined;
}

/** The shortest prefix of a JSON pointer that does not exist in the document. */
function missingPrefix(doc: any, pointer: string): string {
  const parts = pointer.split('/');
  for (let k = 2; k <= parts.length; k++) {
    if (!pointerValue(doc, parts.slice(0, k).join('/')).found) {
      return parts.slice(0, k).join('/');
    }
  }
  return pointer;
}

/**
 * What an `ApiObject` that is not this library's writes, with its JSON patches applied as this
 * library applies its own objects' (see applyPatches) and after the object's own rendering, for
 * `Inject.into()`, which writes and validates such objects. cdk8s applies them before the typed
 * conversion of the classes cdk8s-plus builds on (`KubeDeployment.toJson()` calls
 * `toJson_KubeDeploymentProps` on the patched manifest), which writes a patched quantity as null
 * and drops a patched int-or-string or an unknown field without a word (cdk8s-team/cdk8s#2172,
 * #908, #1184). Objects without patches, and this library's own, are written by their toJson().
 */
export function strictlyPatchedJson(object: ApiObject, toJson: () => any): any {
  const patches = (object as any).patches;
  if (isLibraryObject(object) || !Array.isArray(patches) || patches.length === 0) {
    return toJson();
  }
  // cdk8s keeps them in a private list, which it applies in toJson(): an empty one for that call
  // only (the list itself is left as it is: it may be frozen).
  const description = `${object.kind} '${object.name}' (${object.node.path})`;
  try {
    (object as any).patches = [];
  } catch {
    throw new Error(`${description}: its JSON patches cannot be applied as written (its private list of patches cannot be set); do not freeze or redefine it.`);
  }
  let json: any;
  try {
    json = toJson();
  } finally {
    (object as any).patches = patches;
  }
  const patched = applyPatches(json, patches, description);
  // cdk8s-plus's classes (an own toJson) convert the patched manifest field by field, in each
  // struct's field order, which is sorted, whatever CDK8S_DISABLE_SORT says; maps (labels, limits)
  // keep the order they have (sorted by cdk8s before the patches, unless CDK8S_DISABLE_SORT, then
  // what the patches added). Plain objects are written as cdk8s leaves them.
  const typed = Object.getPrototypeOf(object).toJson !== ApiObject.prototype.toJson;
  if (typed) {
    forEachStruct(String(patched.kind), patched, (_name, node) => {
      for (const [k, v] of Object.entries(node).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        delete node[k];
        node[k] = v;
      }
    });
  }
  const out: any = {};
  // cdk8s's key order: apiVersion, kind and metadata first.
  for (const k of [...LEADING_KEYS, ...Object.keys(patched)]) {
    if (k in patched && !(k in out)) {
      out[k] = patched[k];
    }
  }
  return out;
}

/**
 * A patch's value with cdk8s-plus's `IntOrString` and `Quantity` objects (of any cdk8s-plus-NN)
 * replaced by what they hold: the Kubernetes JSON they stand for. The workaround of
 * cdk8s-team/cdk8s#2172 passes them in patches, and JSON would write them as `{ value: ... }`.
 */
function plainPatch(patch: JsonPatch): JsonPatch {
  const op = (patch as any)._toJson();
  if (!('value' in op) || !holdsL1Value(op.value)) {
    return patch;
  }
  const unwrap = (v: any): any => {
    if (Array.isArray(v)) {
      return v.map(unwrap);
    }
    if (isL1Value(v)) {
      return v.value;
    }
    return v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrap(x)])) : v;
  };
  const value = unwrap(op.value);
  return op.op === 'add' ? JsonPatch.add(op.path, value) : op.op === 'replace' ? JsonPatch.replace(op.path, value) : op.op === 'test' ? JsonPatch.test(op.path, value) : patch;
}

function isL1Value(v: any): boolean {
  if (v === null || typeof v !== 'object' || Object.getPrototypeOf(v) === Object.prototype || Array.isArray(v)) {
    return false;
  }
  const name = v.constructor?.name;
  const keys = Object.keys(v);
  return (name === 'IntOrString' || name === 'Quantity') && keys.length === 1 && keys[0] === 'value'
    && (typeof v.value === 'string' || typeof v.value === 'number');
}

function holdsL1Value(v: any, depth = 0): boolean {
  if (isL1Value(v)) {
    return true;
  }
  return v !== null && typeof v === 'object' && depth < 100 && Object.values(v).some((x) => holdsL1Value(x, depth + 1));
}

/** The manifest with the JSON patches applied; a patch that cannot apply is named with its object. */
function applyPatches(json: any, patches: JsonPatch[], description: string): any {
  let doc = json;
  for (let i = 0; i < patches.length; i++) {
    const patch = plainPatch(patches[i]);
    const op = (patch as any)._toJson();
    const fail = (why: string) => new Error(`${description}: JSON patch ${i + 1} (${show(op.op)} ${show(op.path)}) does not apply to the manifest: ${why}.`);
    const shapeProblem = patchShapeProblem(doc, op);
    if (shapeProblem) {
      throw fail(shapeProblem);
    }
    // What fast-json-patch (which cdk8s applies) would do nothing with, so that the patch would
    // vanish: a remove of a path that does not exist, a move or copy from one (RFC 6902 refuses
    // them). A replace of a missing key under an existing parent adds it, as cdk8s applies it.
    const mustExist = op.op === 'remove' ? op.path : op.op === 'move' || op.op === 'copy' ? op.from : undefined;
    if (typeof mustExist === 'string' && mustExist !== '' && !pointerValue(doc, mustExist).found) {
      throw fail(`the manifest has no ${show(missingPrefix(doc, mustExist))}, so the patch would change nothing. `
        + `Check ${mustExist === op.path ? 'its path' : `its from path ${show(op.from)}`} against the synthesized YAML`);
    }
    const arrayProblem = op.op === 'add' || op.op === 'copy' || op.op === 'move' || op.op === 'replace' ? arrayIndexProblem(doc, op.path, op.op === 'replace') : undefined;
    if (arrayProblem) {
      throw fail(`${arrayProblem}. Check its path against the synthesized YAML`);
    }
    try {
      doc = JsonPatch.apply(doc, patch);
    } catch (inner) {
      // fast-json-patch's message goes on with the whole document ("tree: ..."): its first line only.
      const first = String((inner as Error).message ?? inner).split('\n')[0];
      const actual = pointerValue(doc, op.path);
      const why = inner instanceof TypeError && /BigInt/.test(first)
        ? 'its value holds a BigInt, which JSON (and so cdk8s, which copies the patch as JSON) cannot write; pass a number instead (e.g. Number(x))'
        : op.op === 'test' && actual.found
          ? `the value there is ${show(actual.value)}, not ${show(op.value)}. Fix the expected value, or remove the test`
          : `${/^Cannot (read|set) properties of (undefined|null)|^Test operation failed|does not exist/.test(first) ? `the manifest has no ${show(missingPrefix(doc, op.path))}` : first}. `
            + 'Check its path against the synthesized YAML (a path must exist, except the last part of an add)';
      throw fail(why);
    }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error(`${description}: its JSON patches leave ${show(doc)}, which is ${kindOf(doc)}, not a manifest (an object); remove the patch of the path "" (the whole manifest) that does this.`);
  }
  return doc;
}

/**
 * Why a patch cannot do what it says, where fast-json-patch would do something else without a
 * word (RFC 6902): the whole manifest removed or replaced by a value that is no object, a value
 * moved into itself, or a value put under a string or number (which fast-json-patch leaves as it is).
 */
function patchShapeProblem(doc: any, op: any): string | undefined {
  const path = op.path;
  if (typeof path !== 'string') {
    return undefined;
  }
  // fast-json-patch drops the first part of a pointer without '/' ('spec/replicas' sets /replicas).
  for (const [field, pointer] of [['path', path], ['from', op.from]]) {
    if (typeof pointer === 'string' && pointer !== '' && !pointer.startsWith('/')) {
      return `its ${field} ${show(pointer)} does not start with '/'; a JSON pointer does (RFC 6901): write ${show(`/${pointer}`)} (or "" for the whole manifest)`;
    }
  }
  if (path === '') {
    if (op.op === 'remove') {
      return 'the path "" is the whole manifest, which cannot be removed. Remove the fields you mean one by one';
    }
    if ((op.op === 'add' || op.op === 'replace') && (op.value === null || typeof op.value !== 'object' || Array.isArray(op.value))) {
      return `the path "" is the whole manifest, and ${show(op.value)} (${kindOf(op.value)}) is no manifest. Pass an object, or the path of the field you mean`;
    }
  }
  if (op.op === 'move' && typeof op.from === 'string' && path.startsWith(`${op.from}/`)) {
    return `its from path ${show(op.from)} holds its path, and a value cannot be moved into itself (RFC 6902). Copy it instead, or move it elsewhere`;
  }
  if (path === '' || !path.startsWith('/')) {
    return undefined;
  }
  const cut = path.lastIndexOf('/');
  const parent = pointerValue(doc, path.slice(0, cut));
  if (!parent.found || (parent.value !== null && typeof parent.value === 'object')) {
    return undefined;
  }
  const last = path.slice(cut + 1);
  const hint = last === 'value' && (typeof parent.value === 'string' || typeof parent.value === 'number')
    ? ' (patches apply to the Kubernetes JSON, where a quantity or an int-or-string is the value itself: write the path without "/value")' : '';
  return `${show(path.slice(0, cut))} is ${show(parent.value)}${parent.value === null ? '' : `, ${kindOf(parent.value)}`}, not an object or a list, so it has no ${show(last)}${op.op === 'test' ? '' : ' and the patch would change nothing'}${hint}. `
    + 'Check its path against the synthesized YAML';
}

/**
 * This library's contract, for the objects of an app that the objects' own check does not see:
 * objects of cdk8s or cdk8s-plus (a ConfigMap named like a generated one), and names or
 * namespaces changed by JSON patches, in any of its charts. Two objects of one kind, group,
 * namespace and name would overwrite each other when applied.
 */
function sameNameInApp(app: Construct): string[] {
  // cdk8s validates the whole app for each chart it writes: this runs once per chart, so the
  // common case (only this library's objects, without patches: their own check covers them)
  // returns after one walk, without building anything.
  const all = app.node.findAll();
  let ownCheckCovers = true;
  for (let i = 0; i < all.length && ownCheckCovers; i++) {
    const c = all[i];
    if (ApiObject.isApiObject(c) && (!isLibraryObject(c) || hasJsonPatches(c))) {
      ownCheckCovers = false;
    }
  }
  if (ownCheckCovers) {
    return NO_ERRORS;
  }
  const groups = new Map<string, Array<{ object: ApiObject; seenByOwnCheck: boolean; patched: boolean }>>();
  const identities = new Map<string, { kind: unknown; namespace: unknown; name: unknown }>();
  for (const c of all) {
    if (!ApiObject.isApiObject(c)) {
      continue;
    }
    const patched = hasJsonPatches(c);
    let name: unknown = c.name;
    let namespace: unknown = c.metadata.namespace;
    let kind: unknown = c.kind;
    let apiVersion: unknown = c.apiVersion;
    if (patched) {
      try {
        const m = c.toJson();
        [name, namespace, kind, apiVersion] = [m?.metadata?.name, m?.metadata?.namespace, m?.kind, m?.apiVersion];
      } catch {
        continue; // reported by the object's own validation
      }
    }
    if (typeof name !== 'string' || name.length === 0) {
      continue; // generateName: the API server makes each name unique
    }
    const group = typeof apiVersion === 'string' ? groupOf(apiVersion) : '';
    // A cluster-scoped object has no namespace: the API server clears the one a chart gives it (BeforeCreate).
    if (CLUSTER_SCOPED.has(`${group}/${String(kind)}`)) {
      namespace = undefined;
    }
    const key = JSON.stringify([group, kind, namespace ?? '', name]);
    const list = groups.get(key) ?? [];
    list.push({ object: c, seenByOwnCheck: isLibraryObject(c) && !patched, patched });
    groups.set(key, list);
    identities.set(key, { kind, namespace, name });
  }
  const errors: string[] = [];
  for (const [key, list] of groups) {
    // Two library objects without patches are reported by their own check already.
    if (list.length < 2 || list.every((e) => e.seenByOwnCheck)) {
      continue;
    }
    const { kind, namespace, name } = identities.get(key)!;
    const m = list.some((e) => e.patched) ? ' (after JSON patches)' : '';
    errors.push(`${list.map((e) => `${isLibraryObject(e.object) ? (e.object as ValidatedApiObject).description : `${e.object.kind} '${e.object.name}'`} (${e.object.node.path})`).join(' and ')} are one ${kind}${m}: the name ${show(name)}${namespace ? ` in namespace ${show(namespace)}` : ''}; two objects with one name would overwrite each other when applied. Give each a unique name (this library's contract).`);
  }
  return errors;
}

/**
 * The cluster-scoped kinds of Kubernetes 1.32 (group/kind; `kubectl api-resources --namespaced=false`),
 * for the one-name-per-app contract: two of them with one name collide whatever namespace a chart
 * gives them.
 */
const CLUSTER_SCOPED = new Set([
  '/Namespace', '/Node', '/PersistentVolume', '/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',
  'storage.k8s.io/StorageClass', 'storage.k8s.io/CSIDriver', 'storage.k8s.io/CSINode', 'storage.k8s.io/VolumeAttachment',
  'storage.k8s.io/VolumeAttributesClass', 'scheduling.k8s.io/PriorityClass', 'node.k8s.io/RuntimeClass',
  'networking.k8s.io/IngressClass', 'networking.k8s.io/IPAddress', 'networking.k8s.io/ServiceCIDR',
  'apiextensions.k8s.io/CustomResourceDefinition', 'apiregistration.k8s.io/APIService',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration', 'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy', 'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'admissionregistration.k8s.io/MutatingAdmissionPolicy', 'admissionregistration.k8s.io/MutatingAdmissionPolicyBinding',
  'storagemigration.k8s.io/StorageVersionMigration', 'internal.apiserver.k8s.io/StorageVersion',
  'certificates.k8s.io/CertificateSigningRequest', 'certificates.k8s.io/ClusterTrustBundle',
  'flowcontrol.apiserver.k8s.io/FlowSchema', 'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'resource.k8s.io/DeviceClass', 'resource.k8s.io/ResourceSlice',
]);

/** Whether an object has JSON patches (cdk8s keeps them in a private list). */
export function hasJsonPatches(object: ApiObject): boolean {
  const patches = (object as any).patches;
  return Array.isArray(patches) && patches.length > 0;
}

/** Whether an object is one of this library's (not `instanceof`: cdk8s makes that true of every ApiObject). */
function isLibraryObject(o: ApiObject): boolean {
  return ValidatedApiObject.prototype.isPrototypeOf(o);
}
