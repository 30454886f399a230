import { ApiObject, ApiObjectMetadata, App, JsonPatch, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { Problems, show } from './problems';

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

/** Every validated object of an app, by `group/kind/namespace/name`, for the duplicate-name check. */
const NAMES = new WeakMap<Construct, Map<string, ValidatedApiObject[]>>();

/**
 * An `ApiObject` that validates its final manifest (escape-hatch edits included) at synth time,
 * and renders and validates it once per change, not once per chart.
 *
 * cdk8s validates the whole app in `app.synth()` and again in every `chart.toJson()`. This class
 * keeps a version number that every change bumps (`_changed()`, JSON patches, metadata
 * changes): it renders its body once per version, validates once per state key (its version and
 * those of the objects its output depends on) and hands the manifest it validated over to the
 * next `toJson()` with the same key. Objects that hold cdk8s tokens (`Lazy` and the like) are
 * never cached: a token may produce another value each time. See docs/design.md.
 */
export abstract class ValidatedApiObject extends ApiObject {
  /** How this object is named in error messages, e.g. `InitPod 'web'`. */
  public readonly description: string;

  private version = 0;
  private readonly bodyFields: string[];
  private readonly nameKey: string;
  private rendered?: { key: string | undefined; body: Record<string, any>; plain: boolean };
  private validated?: { key: string; errors: string[] };
  private handOver?: { key: string; manifest: any };

  protected constructor(scope: Construct, id: string, props: ValidatedApiObjectProps) {
    // The cdk8s path (ApiObject.prototype.toJson) resolves these; the fast path reads the body directly.
    const self: { object?: ValidatedApiObject } = {};
    const body: { [field: string]: any } = {};
    for (const field of props.bodyFields) {
      body[field] = Lazy.any({ produce: () => self.object!._body()[field] });
    }
    super(scope, id, { apiVersion: props.apiVersion, kind: props.kind, metadata: props.metadata, ...body });
    self.object = this;
    this.bodyFields = [...props.bodyFields];
    this.description = `${props.typeName} '${this.name}'`;

    const metadata: any = this.metadata;
    for (const method of METADATA_MUTATORS) {
      const original = metadata[method];
      if (typeof original === 'function') {
        metadata[method] = (...args: any[]) => {
          this._changed();
          return original.apply(metadata, args);
        };
      }
    }

    const app = this.node.root as Construct;
    let names = NAMES.get(app);
    if (!names) {
      names = new Map();
      NAMES.set(app, names);
    }
    this.nameKey = `${this.apiGroup}/${this.kind}/${this.metadata.namespace ?? ''}/${this.name}`;
    const sameName = names.get(this.nameKey);
    if (sameName) {
      sameName.push(this);
    } else {
      names.set(this.nameKey, [this]);
    }

    this.node.addValidation({ validate: () => this.validateOnce() });
  }

  /** Adds JSON patches applied to the manifest after rendering (the escape hatch); they are validated too. */
  public addJsonPatch(...ops: JsonPatch[]): void {
    super.addJsonPatch(...ops);
    this._changed();
  }

  /**
   * The manifest of this object: what `cdk8s synth` writes.
   */
  public toJson(): any {
    const handOver = this.handOver;
    if (handOver !== undefined) {
      this.handOver = undefined;
      if (handOver.key === this._stateKey()) {
        return handOver.manifest;
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
  public _stateKey(): string | undefined {
    const dependencies = this._dependencyKey();
    if (dependencies === undefined) {
      return undefined;
    }
    const sameName = NAMES.get(this.node.root as Construct)?.get(this.nameKey)?.length ?? 1;
    return `${this.version}|${sameName}|${dependencies}`;
  }

  /**
   * Records a change of the state the manifest is rendered from: every mutator calls it.
   *
   * @internal
   */
  protected _changed(): void {
    this.version++;
  }

  /**
   * The keys of the objects this object's output depends on (e.g. a Service's target); undefined
   * when one of them cannot be cached.
   *
   * @internal
   */
  protected _dependencyKey(): string | undefined {
    return '';
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
  protected abstract _check(manifest: any, problems: Problems): void;

  /** The rendered body, once per state key (never cached when it holds tokens). */
  private _body(): Record<string, any> {
    const key = this._stateKey();
    const rendered = this.rendered;
    if (key !== undefined && rendered !== undefined && rendered.key === key && rendered.plain) {
      return rendered.body;
    }
    const body = this._renderBody();
    this.rendered = { key, body, plain: isPlainJson(body) };
    return body;
  }

  /** Validates once per state key. */
  private validateOnce(): string[] {
    const key = this._stateKey();
    if (key !== undefined && this.validated?.key === key) {
      return this.validated.errors;
    }
    const { manifest, cacheable } = this.renderManifest();
    const problems = new Problems();
    this.checkName(problems);
    this._check(manifest, problems);
    const errors = problems.toErrors(this.description);
    if (key !== undefined && cacheable) {
      this.validated = { key, errors };
      this.handOver = { key, manifest };
    } else {
      this.validated = undefined;
      this.handOver = undefined;
    }
    return errors;
  }

  /**
   * The final manifest. Without tokens and custom resolvers it is built from the rendered body
   * (what cdk8s's resolve() would return unchanged), with cdk8s's own key order and JSON patches;
   * otherwise it is cdk8s's `ApiObject.prototype.toJson`.
   */
  private renderManifest(): { manifest: any; cacheable: boolean } {
    const body = this._body();
    const resolvers = (App.of(this) as App).resolvers ?? [];
    if (!this.rendered!.plain || resolvers.length !== DEFAULT_RESOLVER_COUNT || !metadataIsPlain(this.metadata)) {
      return { manifest: super.toJson(), cacheable: false };
    }
    const sortKeys = !process.env.CDK8S_DISABLE_SORT;
    const data: any = { apiVersion: this.apiVersion, kind: this.kind, metadata: this.metadata.toJson() };
    for (const field of this.bodyFields) {
      data[field] = body[field];
    }
    const json = sanitize(data, sortKeys);
    const patches = (this as any).patches as JsonPatch[];
    const patched = patches.length > 0 ? JsonPatch.apply(json, ...patches) : json;
    const manifest: any = {};
    for (const k of [...LEADING_KEYS, ...Object.keys(patched)]) {
      if (k in patched && !(k in manifest)) {
        manifest[k] = patched[k];
      }
    }
    return { manifest, cacheable: true };
  }

  /** This library's contract: no two objects of one kind with one name in one namespace of an app. */
  private checkName(problems: Problems): void {
    const sameName = NAMES.get(this.node.root as Construct)?.get(this.nameKey) ?? [];
    const others = sameName.filter((o) => o !== this);
    if (others.length > 0) {
      const where = this.metadata.namespace ? ` in namespace ${show(this.metadata.namespace)}` : '';
      problems.add('metadata.name', `${show(this.name)} is also the name of ${others.map((o) => `${o.description} (${o.node.path})`).join(', ')}: two ${this.kind}s with one name${where} would overwrite each other when applied. Give each a unique name (this library's contract).`);
    }
  }
}

/** cdk8s's sanitizeValue: drops null and undefined, copies, sorts keys unless told not to. */
function sanitize(value: any, sortKeys: boolean): any {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((x) => sanitize(x, sortKeys));
  }
  const out: any = {};
  const keys = sortKeys ? Object.keys(value).sort() : Object.keys(value);
  for (const key of keys) {
    const v = sanitize(value[key], sortKeys);
    if (v !== null && v !== undefined) {
      out[key] = v;
    }
  }
  return out;
}

/** Whether a value holds only plain objects, arrays and primitives (nothing cdk8s would resolve). */
export function isPlainJson(value: any): boolean {
  if (value === null || typeof value !== 'object') {
    return typeof value !== 'function';
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      if (!isPlainJson(v)) {
        return false;
      }
    }
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    return false;
  }
  for (const key in value) {
    if (!isPlainJson(value[key])) {
      return false;
    }
  }
  return true;
}

/** Whether the metadata holds no tokens (they would be resolved anew on every toJson()). */
function metadataIsPlain(metadata: any): boolean {
  return isPlainJson(metadata.labels) && isPlainJson(metadata.annotations) && isPlainJson(metadata._additionalAttributes)
    && isPlainJson(metadata.finalizers) && isPlainJson(metadata.ownerReferences) && typeof metadata.name !== 'object';
}
