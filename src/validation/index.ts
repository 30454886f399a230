/**
 * The mirror of the Kubernetes API server's validation, laid out like the Go packages it mirrors
 * (kubernetes `pkg/apis/core/validation`, `pkg/apis/apps/validation`, `pkg/apis/batch/validation`
 * and apimachinery `pkg/util/validation`): one file per area, one TypeScript function per Go
 * function, each citing its Go name. See docs/design.md.
 *
 * @internal
 */
import { K8S_SCHEMA } from '../k8s-schema';
import { BIGINTS, decodeCheck, decodeNulls, decodeProblemsNotReported } from '../k8s-values';
import { brief, Problems, show, WRITTEN_DIGITS } from '../problems';
import { validateConfigMap } from './configmap';
import { groupOf, prepareObjectMetaForCreate } from './metadata';
import { defaultPod, preparePod, prepareForCreatePod, validatePodCreate } from './pod-spec';
import { defaultService, prepareService, ServiceValidationOptions, validateService } from './service';
import { isZeroStatus, statusTypeProblems } from './status';
import type * as Workloads from './workloads';
import { validateYamlScalars } from './yaml-scalars';

export { checkPortNumber } from './common';
export { validateLabels, validateObjectMeta } from './metadata';
export {
  PodSpecOwner, validatePodSpec, validatePodTemplateSpec, preparePodSpec, dropDisabledPodSpecFields, defaultPodSpec, defaultPod,
} from './pod-spec';
export { isQuantity } from './quantity';
export { validateYamlScalars } from './yaml-scalars';

// The controller kinds' rules (the largest file) load when the first controller is checked: an
// app of Pods and Services does not pay for them at start-up.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workloads = (): typeof Workloads => require('./workloads');

/** Options of `validateObject`. */
export interface ValidationOptions extends ServiceValidationOptions {
  /**
   * The caller vouches that every field and JSON type of the object was already checked (the
   * library's own objects, built from props read at construction, with no JSON patch): the
   * decode step is skipped.
   */
  readonly decoded?: boolean;
  /**
   * The caller vouches that no string of the object can read back differently from the YAML
   * (`maybeMisread` found none while writing it): the scalar walk is skipped.
   */
  readonly scalarsChecked?: boolean;
}

/** What the API server does with one kind on create. */
interface KindRules {
  /** The schema type of `spec` (src/k8s-schema.ts), for the decode step. */
  readonly specType?: string;
  /** Step 2: report fields the server would drop on create (the user's line would vanish). */
  readonly prepare?: (manifest: any, problems: Problems) => void;
  /** Step 3: apply the server's defaults to a deep copy (in place). */
  readonly defaults?: (copy: any) => void;
  /** Step 4: the create validation of the defaulted copy; `original` is the object as written. */
  readonly validate: (defaulted: any, problems: Problems, options: ValidationOptions, original: any) => void;
}

const KINDS: { [apiVersionAndKind: string]: KindRules } = {
  // Go: ValidatePodCreate (validation.go)
  'v1/Pod': {
    specType: 'PodSpec',
    // Go: PrepareForCreate (pkg/registry/core/pod/strategy.go): what would vanish is an error.
    prepare: preparePod,
    // Go: SetObjectDefaults_Pod, then PrepareForCreate's drops and mutations, as the server does.
    defaults: (pod) => {
      defaultPod(pod);
      prepareForCreatePod(pod);
    },
    validate: (pod, problems, _options, original) => {
      // A negative grace period the Pod takes as 1 is shown as written, with what the Pod makes of it.
      const tgps = original?.spec?.terminationGracePeriodSeconds;
      if (!(Number.isInteger(tgps) && tgps < 0)) {
        validatePodCreate(pod, problems);
        return;
      }
      const found = new Problems();
      validatePodCreate(pod, found);
      for (const e of found.entries) {
        problems.add(e.path, e.message.replace("the pod's terminationGracePeriodSeconds (1)", `the pod's terminationGracePeriodSeconds (1: a Pod takes the written ${tgps} as 1)`));
      }
    },
  },
  // Go (apps): ValidateDeployment (pkg/apis/apps/validation/validation.go)
  'apps/v1/Deployment': {
    specType: 'DeploymentSpec',
    prepare: (m, p) => workloads().prepareWorkload(m, p),
    defaults: (copy) => workloads().defaultDeployment(copy),
    validate: (deployment, problems, _options, original) => workloads().validateDeployment(deployment, problems, original),
  },
  // Go (apps): ValidateReplicaSet (pkg/apis/apps/validation/validation.go)
  'apps/v1/ReplicaSet': {
    specType: 'ReplicaSetSpec',
    prepare: (m, p) => workloads().prepareWorkload(m, p),
    defaults: (copy) => workloads().defaultReplicaSet(copy),
    validate: (rs, problems) => workloads().validateReplicaSet(rs, problems),
  },
  // Go (apps): ValidateStatefulSet (pkg/apis/apps/validation/validation.go)
  'apps/v1/StatefulSet': {
    specType: 'StatefulSetSpec',
    prepare: (m, p) => workloads().prepareStatefulSet(m, p),
    defaults: (copy) => workloads().defaultStatefulSet(copy),
    validate: (sts, problems) => workloads().validateStatefulSet(sts, problems),
  },
  // Go (apps): ValidateDaemonSet (pkg/apis/apps/validation/validation.go)
  'apps/v1/DaemonSet': {
    specType: 'DaemonSetSpec',
    prepare: (m, p) => workloads().prepareWorkload(m, p),
    defaults: (copy) => workloads().defaultDaemonSet(copy),
    validate: (ds, problems, _options, original) => workloads().validateDaemonSet(ds, problems, original),
  },
  // Go (batch): ValidateJob (pkg/apis/batch/validation/validation.go)
  'batch/v1/Job': {
    specType: 'JobSpec',
    prepare: (m, p) => workloads().prepareWorkload(m, p),
    defaults: (copy) => workloads().defaultJob(copy),
    validate: (job, problems, _options, original) => workloads().validateJob(job, problems, original),
  },
  // Go (batch): ValidateCronJobCreate (pkg/apis/batch/validation/validation.go)
  'batch/v1/CronJob': {
    specType: 'CronJobSpec',
    prepare: (m, p) => workloads().prepareWorkload(m, p),
    defaults: (copy) => workloads().defaultCronJob(copy),
    validate: (cronJob, problems) => workloads().validateCronJob(cronJob, problems),
  },
  // Go: ValidateService (validation.go)
  'v1/Service': {
    specType: 'ServiceSpec',
    prepare: prepareService,
    defaults: defaultService,
    validate: (service, problems, options, original) => validateService(service, problems, options, original),
  },
  // Go: ValidateConfigMap (validation.go)
  'v1/ConfigMap': {
    // The decode step too: a patch can add unknown top-level fields (e.g. /datta).
    specType: 'ConfigMap',
    validate: (configMap, problems) => validateConfigMap(configMap, problems),
  },
};

/**
 * A deep copy of plain JSON (ten times faster than structuredClone for manifests). Only lists and
 * objects are copied by a call: leaves are copied with their object (a cold process runs this in
 * the interpreter for its first few hundred objects, where a call costs more than the copy).
 */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const x = value[i];
      if (x !== null && typeof x === 'object') {
        out[i] = cloneJson(x);
      } else {
        out[i] = x;
        copiedNull = copiedNull || x === null;
      }
    }
    return out as any;
  }
  // One clone of the object's shape (not a store per key), then its lists and maps replaced.
  const out: any = { ...value };
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const x = out[key];
    if (x !== null && typeof x === 'object') {
      out[key] = cloneJson(x);
    } else if (x === null) {
      copiedNull = true;
    }
  }
  return out;
}

/** Whether a `cloneJson` since the flag was last cleared copied a null. */
let copiedNull = false;

/** The kinds `validateObject` knows, as `apiVersion/kind`. */
export const VALIDATED_KINDS = Object.keys(KINDS);

/** The versions of the validated kinds that Kubernetes no longer serves, and the release that removed them (the deprecated API migration guide). */
const REMOVED_API_VERSIONS: { [apiVersionAndKind: string]: string } = {
  'extensions/v1beta1/Deployment': '1.16',
  'apps/v1beta1/Deployment': '1.16',
  'apps/v1beta2/Deployment': '1.16',
  'extensions/v1beta1/DaemonSet': '1.16',
  'apps/v1beta2/DaemonSet': '1.16',
  'extensions/v1beta1/ReplicaSet': '1.16',
  'apps/v1beta2/ReplicaSet': '1.16',
  'apps/v1beta1/StatefulSet': '1.16',
  'apps/v1beta2/StatefulSet': '1.16',
  'batch/v1beta1/CronJob': '1.25',
};

/**
 * Why an object of a kind this library validates, at another apiVersion, would not be created:
 * Kubernetes 1.32 serves the kind at one version only ("no matches for kind ... in version ...").
 * Undefined for the served version and for kinds the library does not validate.
 */
export function unservedApiVersion(apiVersion: unknown, kind: unknown): string | undefined {
  const served = VALIDATED_KINDS.find((k) => k.endsWith(`/${String(kind)}`));
  // A group with a dot may be a custom resource's (Knative's serving.knative.dev/v1 Service):
  // only Kubernetes' own groups (no dot) are known not to serve the kind.
  if (served === undefined || served === `${apiVersion}/${kind}` || typeof apiVersion !== 'string' || apiVersion === '' || groupOf(apiVersion).includes('.')) {
    return undefined;
  }
  const version = served.slice(0, -String(kind).length - 1);
  const removed = REMOVED_API_VERSIONS[`${apiVersion}/${kind}`];
  return `${show(apiVersion)} does not serve ${kind} in Kubernetes 1.32${removed ? ` (it was removed in ${removed})` : ''}, so kubectl apply would fail `
    + `("no matches for kind"); write apiVersion: ${version}.`;
}

/**
 * Checks an object as the API server checks it on create: decode (unknown fields, JSON types),
 * create preparation (fields dropped silently are errors), defaulting (on a copy), then the create
 * validation of its kind. Problems are added to `problems` with their field paths.
 */
export function validateObject(manifest: any, problems: Problems, options: ValidationOptions = {}): void {
  const before = problems.count;
  // Two ways to run the rules again, only when the first run calls for them (no cost on other
  // input), each on a copy of the manifest as written:
  // - numbers: a BigInt (from plain JavaScript, an ApiObject's props or its escape hatch) is
  //   written by cdk8s as the integer it is; the rules read numbers, messages show its digits;
  // - convertible: a value whose own keys shadow the conversions of Object.prototype
  //   ({"toString": null}, from plain JavaScript or JSON) makes a message's string conversion
  //   throw; the copy's objects convert to their JSON text.
  let numbers = false;
  let convert = false;
  try {
    for (;;) {
      BIGINTS.seen = false;
      WRITTEN_DIGITS.clear();
      const numbered = numbers ? bigIntsAsNumbers(manifest) : manifest;
      try {
        validateObjectOnce(convert ? convertible(numbered) : numbered, problems, options);
      } catch (e) {
        if (convert || !(e instanceof TypeError) || !/convert object to primitive/.test(e.message)) {
          throw e;
        }
        convert = true;
        problems.removeIf((_item, _path, index) => index >= before);
        continue;
      }
      if (!BIGINTS.seen || numbers) {
        return;
      }
      numbers = true;
      problems.removeIf((_item, _path, index) => index >= before);
    }
  } finally {
    WRITTEN_DIGITS.clear();
  }
}

const INT64_MIN = -(BigInt(2) ** BigInt(63));
const INT64_MAX = BigInt(2) ** BigInt(63) - BigInt(1);
/** The number next to 2^63 inside it: the int64s a number cannot hold at the edges round to 2^63 or -2^63. */
const NUMBER_INSIDE_INT64 = 9223372036854774784; // 2^63 - 1024
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A deep copy of plain JSON whose BigInts are numbers (the rules read numbers): exactly up to
 * 2^53, and past it the number nearest the BigInt that no other value of the object uses, which
 * WRITTEN_DIGITS maps to the digits cdk8s writes (messages show them; a quantity is read from them).
 * Inside the int64 range they stay inside it at its edges (-2^63 and 2^63 - 1 are int64s; the
 * numbers they round to would read as out of range).
 */
function bigIntsAsNumbers(manifest: any): any {
  // The numbers of the object, and those of the BigInts a number holds exactly.
  const taken = new Set<number>();
  const collect = (v: any): void => {
    if (typeof v === 'number') {
      taken.add(v);
    } else if (typeof v === 'bigint' && v >= -MAX_SAFE && v <= MAX_SAFE) {
      taken.add(Number(v));
    } else if (v !== null && typeof v === 'object') {
      Object.values(v).forEach(collect);
    }
  };
  collect(manifest);
  const convert = (value: any): any => {
    if (typeof value === 'bigint') {
      if (value >= -MAX_SAFE && value <= MAX_SAFE) {
        return Number(value);
      }
      // Inside the int64 range, inside it at its edges; past it, at most the largest number
      // (Infinity would be no integer).
      const outside = value < INT64_MIN || value > INT64_MAX;
      const limit = outside ? Number.MAX_VALUE : NUMBER_INSIDE_INT64;
      let n = Math.max(-limit, Math.min(limit, Number(value)));
      // One number per place: the next one toward zero (away from it past the int64 range, so
      // that no value crosses a bound of it) while another value has it; at the largest number,
      // it turns back toward zero from where it started.
      const start = n;
      let away = outside;
      while (taken.has(n)) {
        const next = away ? awayFromZero(n) : towardZero(n);
        if (Number.isFinite(next)) {
          n = next;
        } else {
          away = false;
          n = towardZero(start);
        }
      }
      taken.add(n);
      WRITTEN_DIGITS.set(n, String(value));
      return n;
    }
    if (value === null || typeof value !== 'object') {
      return value;
    }
    return Array.isArray(value) ? value.map(convert) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
  };
  return convert(manifest);
}

/** The double next to `n` toward zero (n past 2^53, so never zero itself). */
function towardZero(n: number): number {
  return nextDouble(n, -1);
}

/** The double next to `n` away from zero. */
function awayFromZero(n: number): number {
  return nextDouble(n, 1);
}

/** The double whose bits are those of `n` plus `step` (for n not zero: away from zero for +1). */
function nextDouble(n: number, step: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(step));
  return view.getFloat64(0);
}

/** A deep copy of plain JSON whose objects and lists convert to strings as their JSON text, whatever their keys. */
function convertible(value: any): any {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const copy: any = Array.isArray(value) ? value.map(convertible) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertible(v)]));
  // A symbol key: not in Object.keys, JSON.stringify or for...in; kept by the spread of cloneJson.
  copy[Symbol.toPrimitive] = () => JSON.stringify(value);
  return copy;
}

function validateObjectOnce(manifest: any, problems: Problems, options: ValidationOptions): void {
  const apiVersion = manifest?.apiVersion;
  const kind = manifest?.kind;
  const rules = KINDS[`${apiVersion}/${kind}`];
  if (!rules) {
    const unserved = unservedApiVersion(apiVersion, kind);
    if (unserved) {
      problems.add('apiVersion', unserved);
      return;
    }
    problems.add('kind', `${show(kind)} (apiVersion ${show(apiVersion)}) is not a kind this library can check; it validates ${VALIDATED_KINDS.join(', ')} (this library's contract: `
      + 'what it writes is checked as the API server would check it). Remove the JSON patch that changed apiVersion or kind, or write this object with a cdk8s L1 class.');
    return;
  }
  // This library's contract: every string reads back from the YAML as it was written.
  if (!options.scalarsChecked) {
    validateYamlScalars(manifest, '', problems);
  }
  const decoded = new Problems();
  if (rules.specType && !options.decoded) {
    decodeCheck(kind, manifest, '', decoded);
  } else if (options.decoded) {
    // The metadata can change through the escape hatch (metadata.add) without a check.
    decodeCheck('ObjectMeta', manifest.metadata, 'metadata', decoded);
  }
  // Every kind is created through the generic registry: BeforeCreate and the store's Create.
  const meta = manifest.metadata;
  if (meta !== null && typeof meta === 'object') {
    prepareObjectMetaForCreate(meta, 'metadata', problems);
  }
  prepareStatusForCreate(manifest, problems);
  prepareGenerationForCreate(manifest, problems);
  rules.prepare?.(manifest, problems);
  let defaulted = manifest;
  copiedNull = false;
  if (rules.defaults) {
    defaulted = cloneJson(manifest);
  } else {
    const copy = cloneJson(manifest);
    defaulted = copiedNull ? copy : manifest;
  }
  if (copiedNull) {
    // What the decoder makes of null, before defaulting (rare: a JSON patch or validateObject).
    decodeNulls(kind, defaulted);
  }
  rules.defaults?.(defaulted);
  rules.validate(defaulted, problems, options, manifest);
  decodeProblemsNotReported(decoded, problems, manifest);
}

/**
 * Reports a status written in the manifest: the API server resets the status of every kind it
 * validates here on create, so the user's line would vanish. Its field names are the decode
 * step's (src/k8s-schema.ts lists the status fields of Kubernetes 1.32); their Go types, for the
 * zero values and the decoder's messages, are src/validation/status.ts'.
 */
// Go: PrepareForCreate (pkg/registry/{core,apps,batch}/*/strategy.go) of every kind with a status: `obj.Status = ...Status{}`
function prepareStatusForCreate(manifest: any, problems: Problems): void {
  if (!K8S_SCHEMA[manifest.kind]?.includes(',status:')) {
    return; // a kind without status (a ConfigMap): the decode step reports the unknown field
  }
  const status = manifest.status;
  // The reset changes nothing when the status holds only zero values of its fields' Go types:
  // what kubectl prints for an object it builds (`{ loadBalancer: {} }` of `kubectl create service
  // --dry-run=client -o yaml`, `{ replicas: 0, availableReplicas: 0 }` of a StatefulSet from `kubectl
  // set image --local -o yaml`). A value the decoder cannot read is its problem (statusTypeProblems);
  // anything else would vanish.
  if (status === null || typeof status !== 'object' || Array.isArray(status) || isZeroStatus(manifest.apiVersion, manifest.kind, status, true)) {
    return;
  }
  // A value of another JSON type is the decoder's problem: the object is refused, nothing vanishes.
  const undecodable = statusTypeProblems(manifest.apiVersion, manifest.kind, status);
  if (undecodable.length > 0) {
    undecodable.forEach((p) => problems.add(p.path, p.message));
    return;
  }
  problems.add('status', `${brief(status)} would vanish (this library's contract): the API server resets a ${manifest.kind}'s status on create; remove it.`);
}

/** The kinds whose PrepareForCreate sets `metadata.generation` to 1 (a Pod's does not in 1.32). */
const GENERATION_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/**
 * Reports a `metadata.generation` other than 1 (or 0, unset) on a kind whose create sets it to 1:
 * the user's value would vanish.
 */
// Go: PrepareForCreate (pkg/registry/apps/{deployment,replicaset,statefulset,daemonset}/strategy.go,
// pkg/registry/batch/{job,cronjob}/strategy.go): `obj.Generation = 1`
function prepareGenerationForCreate(manifest: any, problems: Problems): void {
  const generation = manifest.metadata?.generation;
  if (!GENERATION_KINDS.has(manifest.kind) || (typeof generation !== 'number' && typeof generation !== 'bigint') || Number(generation) === 0 || Number(generation) === 1) {
    return;
  }
  problems.add('metadata.generation', `${String(generation)} would vanish (this library's contract): the API server sets a ${manifest.kind}'s generation to 1 on create; remove it.`);
}

/** validateDeploymentSpec of workloads.ts, which loads on this first use. */
export function validateDeploymentSpec(spec: any, path: string, problems: Problems, written: any = spec): void {
  workloads().validateDeploymentSpec(spec, path, problems, written);
}
