/**
 * Workloads. Go: `pkg/apis/apps/validation/validation.go` (Deployment, StatefulSet, DaemonSet),
 * `pkg/apis/batch/validation/validation.go` (Job, CronJob), their defaults
 * (`pkg/apis/apps/v1/defaults.go`, `pkg/apis/batch/v1/defaults.go`) and what the registries do on
 * create before validating (`pkg/registry/batch/job/strategy.go`: the generated selector and
 * labels; `pkg/registry/apps/statefulset/strategy.go`: fields of gates that are off). The pod
 * template of every kind is checked by the pod-level code (src/validation/pod-spec.ts).
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { GO_SPACE, goToLower, goTrimSpace, keyPath, MAX_INT32, zeroIfUnset } from './common';
import { createdName, validateAnnotations, validateFinalizers, validateLabels, validateLabelSelector, validateObjectMeta, validateOwnerReferences } from './metadata';
import { dns1123Label, dns1123Subdomain, labelValue, qualifiedName } from './names';
import {
  applyAppArmorVersionSkew, defaultPodSpec, dropDisabledPodSpecFields, dropInitContainerAnnotations,
  prepareInitContainerAnnotations, preparePodSpec, validatePodTemplateSpec,
} from './pod-spec';
import { isQuantity } from './quantity';
import { TIME_ZONE_NAMES } from './time-zones';
import { claimSpecAsCreated, preparePersistentVolumeClaimTemplateSpec, validatePersistentVolumeClaimSpec } from './volumes';
import { readsAsLineBreak } from './yaml-scalars';

const PERCENT = /^[0-9]+%$/;

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

function isObject(v: unknown): v is { [key: string]: any } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * Whether an int32 field's value decodes: a rule that compares it with another field runs on it
 * only then (the API server's decoder refuses the object before any rule runs; the decode step
 * reports the value, at its own path).
 */
function isInt32(v: unknown): v is number {
  return isInt(v) && v >= -MAX_INT32 - 1 && v <= MAX_INT32;
}

/**
 * Go: `ValidateNonnegativeField` on an optional int32/int64 field (unset is fine). Only the sign
 * is checked here: the range of the field's type (int32 or int64) is the decode step's, which
 * names the type (src/k8s-values.ts), so an int64 such as a Job's activeDeadlineSeconds takes
 * values above 2^31 - 1.
 */
// Go: ValidateNonnegativeField (validation.go)
function nonNegative(value: unknown, path: string, problems: Problems): boolean {
  if (value === undefined || value === null) {
    return true;
  }
  if (!isInt(value) || value < 0) {
    problems.add(path, `${show(value)} must be a non-negative integer.`);
    return false;
  }
  return true;
}

/**
 * The controller kinds' create strategies set `metadata.generation` to 1 before validation, so a
 * generation written in the manifest (even a negative one) is replaced, not rejected.
 */
// Go: PrepareForCreate (pkg/registry/apps/deployment, statefulset, daemonset and
// pkg/registry/batch/job, cronjob strategy.go): `obj.Generation = 1`
function resetGeneration(obj: any): void {
  if (isObject(obj.metadata)) {
    obj.metadata.generation = 1;
  }
}

/** The pod template of a workload: a shallow copy of `template.spec` with the API server's pod defaults. */
function defaultTemplate(template: any): void {
  if (isObject(template)) {
    dropInitContainerAnnotations(template.metadata);
  }
  if (isObject(template) && isObject(template.spec)) {
    defaultPodSpec(template.spec);
    dropDisabledPodSpecFields(template.spec);
  }
}

/** What the template's pods end up with when restartPolicy is left out (SetDefaults_PodSpec). */
function restartPolicyOf(template: any): unknown {
  const v = template?.spec?.restartPolicy;
  return v === undefined || v === '' ? 'Always' : v;
}

/**
 * Step 2 for pod templates. The pod-level preparation (fields the API server drops from a pod
 * spec on create) belongs to src/validation/pod-spec.ts.
 */
export function preparePodTemplate(template: any, path: string, problems: Problems): void {
  if (isObject(template)) {
    prepareInitContainerAnnotations(template.metadata, `${path}.metadata`, problems);
  }
  // Go: DropDisabledTemplateFields (pkg/api/pod/util.go) -> dropDisabledPodFields
  if (isObject(template) && isObject(template.spec)) {
    preparePodSpec(template.spec, `${path}.spec`, problems);
  }
}

/**
 * Step 2 of a Deployment, DaemonSet, Job or CronJob: fields the API server drops from its pod
 * template on create (Go: `PrepareForCreate` of each registry -> `pod.DropDisabledTemplateFields`).
 */
// Go: PrepareForCreate (pkg/registry/apps/deployment, replicaset, daemonset; pkg/registry/batch/job, cronjob strategy.go)
export function prepareWorkload(manifest: any, problems: Problems): void {
  if (manifest?.kind === 'CronJob') {
    preparePodTemplate(manifest?.spec?.jobTemplate?.spec?.template, 'spec.jobTemplate.spec.template', problems);
  } else {
    preparePodTemplate(manifest?.spec?.template, 'spec.template', problems);
  }
}

/** The labels of a pod template (an empty map when it has none). */
function labelsOf(template: any): { [key: string]: unknown } {
  const labels = template?.metadata?.labels;
  return isObject(labels) ? labels : {};
}

// ---------------------------------------------------------------------------------------------
// Label selectors (apimachinery pkg/apis/meta/v1/validation)
// ---------------------------------------------------------------------------------------------


/** Whether a selector has no requirement (Go: `selector.Empty()` of `LabelSelectorAsSelector`). */
function isEmptySelector(selector: any): boolean {
  const labels = isObject(selector?.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  const expressions = Array.isArray(selector?.matchExpressions) ? selector.matchExpressions.length : 0;
  return labels + expressions === 0;
}

/** A number or boolean as the string it would be quoted as (the decoder reports its type). */
const asLabel = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

/**
 * The requirements of a selector the labels do not satisfy, as text (Go: `labels.Selector.Matches`).
 * A value of the wrong JSON type is compared as its quoted form: the decode step reports its type,
 * and a mismatch that quoting removes is no mismatch.
 */
function unmatchedRequirements(selector: any, labels: { [key: string]: unknown }): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(isObject(selector?.matchLabels) ? selector.matchLabels : {})) {
    if (asLabel(labels[k]) !== asLabel(v)) {
      out.push(`${k}=${v}`);
    }
  }
  for (const e of Array.isArray(selector?.matchExpressions) ? selector.matchExpressions : []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values: unknown[] = Array.isArray(e.values) ? e.values : [];
    const quoted = values.map(asLabel);
    const ok = e.operator === 'In' ? has && quoted.includes(asLabel(labels[e.key]))
      : e.operator === 'NotIn' ? !has || !quoted.includes(asLabel(labels[e.key]))
        : e.operator === 'Exists' ? has : !has;
    if (!ok) {
      out.push(`${e.key} ${e.operator}${values.length > 0 ? ` (${values.join(', ')})` : ''}`);
    }
  }
  return out;
}

/** Reports the selector requirements a template's labels do not match. */
function checkTemplateMatches(selector: any, template: any, path: string, kind: string, problems: Problems): void {
  for (const r of unmatchedRequirements(selector, labelsOf(template))) {
    problems.add(`${path}.template.metadata.labels`, `selector ${r} does not match the template labels; the selector must match the pod template's labels${kind ? ` (a ${kind} only owns the pods its selector matches)` : ''}.`);
  }
}

// ---------------------------------------------------------------------------------------------
// int-or-percent values (apps)
// ---------------------------------------------------------------------------------------------

// Go: getIntOrPercentValue (apps validation.go): a percent's number, else the int (a string that is
// not a percent reads as strconv.Atoi, 0 on failure).
function intOrPercentValue(v: unknown): number {
  if (typeof v === 'string') {
    if (PERCENT.test(v)) {
      return Number(v.slice(0, -1));
    }
    return /^[+-]?[0-9]+$/.test(v) ? Number(v) : 0;
  }
  return isInt(v) ? v : 0;
}

/** Whether intstr.IntOrString.UnmarshalJSON reads the value: unset, a string, or an int32. */
function decodesAsIntOrString(v: unknown): boolean {
  return v === undefined || v === null || typeof v === 'string' || (Number.isInteger(v) && (v as number) >= -MAX_INT32 - 1 && (v as number) <= MAX_INT32);
}

// Go: ValidatePositiveIntOrPercent (apps validation.go): a non-negative int, or a percent string.
function validatePositiveIntOrPercent(v: unknown, path: string, problems: Problems): boolean {
  if (typeof v === 'string') {
    if (!PERCENT.test(v)) {
      problems.add(path, `${show(v)} is not a valid percent; write a number followed by '%' (e.g. '25%') or an integer.`);
      return false;
    }
    return true;
  }
  if (!isInt(v) || v < 0) {
    problems.add(path, `${show(v)} must be a non-negative integer or a percent.`);
    return false;
  }
  return true;
}

// Go: IsNotMoreThan100Percent (apps validation.go)
function isNotMoreThan100Percent(v: unknown, path: string, problems: Problems): void {
  if (typeof v === 'string' && PERCENT.test(v) && Number(v.slice(0, -1)) > 100) {
    problems.add(path, `${show(v)} must not be greater than 100%.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Deployment
// ---------------------------------------------------------------------------------------------

/** The apps/v1 defaults of a Deployment spec, in place (`template.spec` gets the pod defaults). */
// Go: SetDefaults_Deployment (pkg/apis/apps/v1/defaults.go)
export function defaultDeployment(deployment: any): void {
  resetGeneration(deployment);
  deployment.spec = zeroIfUnset(deployment.spec);
  defaultDeploymentFields(deployment.spec);
  defaultTemplate(deployment.spec.template);
}

function defaultDeploymentFields(spec: any): void {
  spec.replicas ??= 1;
  if (!isObject(spec.strategy)) {
    spec.strategy = {};
  }
  const strategy = spec.strategy;
  if (strategy.type === undefined || strategy.type === '') {
    strategy.type = 'RollingUpdate';
  }
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate = isObject(strategy.rollingUpdate) ? { ...strategy.rollingUpdate } : {};
    strategy.rollingUpdate.maxUnavailable ??= '25%';
    strategy.rollingUpdate.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
}

/** Checks a Deployment on create, after `defaultDeployment`. */
// Go: ValidateDeployment (apps validation.go)
export function validateDeployment(deployment: any, problems: Problems, original: any = deployment): void {
  // ValidateDeploymentName = NameIsDNSSubdomain, on the metadata the conversion leaves.
  const revision = deployment.metadata?.annotations?.[ROLLBACK_TO];
  validateObjectMeta(withoutAnnotation(deployment.metadata, ROLLBACK_TO, typeof revision === 'string' && revision !== '' && parsesAsInt64(revision)), 'metadata', problems);
  validateReplicaSetNameRoom(deployment.metadata, problems);
  convertDeploymentAnnotations(deployment.metadata, problems);
  const spec = isObject(deployment.spec) ? deployment.spec : {};
  validateDeploymentSpec(spec, 'spec', problems, original?.spec);
  // Go: ValidatePodTemplateSpecForReplicaSet (pkg/apis/apps/validation/validation.go) -> ValidatePodTemplateSpec.
  validatePodTemplateSpec(spec.template, 'spec.template', problems, ['pod-template-hash']);
}

/**
 * This library's contract: the deployment controller names each ReplicaSet `<name>-<pod-template
 * hash>` without shortening it (Go: getNewReplicaSet, pkg/controller/deployment/sync.go; the hash
 * is a 32-bit number written with up to 10 characters), and the API server rejects a ReplicaSet
 * name over 253 characters, so a Deployment name over 242 starts no pod.
 */
// Go: getNewReplicaSet (pkg/controller/deployment/sync.go), then ValidateReplicaSetName (NameIsDNSSubdomain)
function validateReplicaSetNameRoom(metadata: any, problems: Problems): void {
  const created = createdName(metadata);
  if (created && created.name.length > 242) {
    problems.add(created.path, `${created.shown} has ${created.name.length} characters; a Deployment name may have at most 242, since its controller names each ReplicaSet after it plus '-' and a pod-template hash of up to 10 characters, and the API server would reject that ReplicaSet, so no pod would start (this library's contract). ${created.shorter}`);
  }
}

/**
 * Checks a Deployment spec (the API server's defaults are applied first, on a shallow copy).
 * Go (apps): `ValidateDeploymentSpec`: replicas, selector required and non-empty,
 * `ValidatePodTemplateSpecForReplicaSet` (selector matches the template labels, restartPolicy
 * Always, no activeDeadlineSeconds; the pod template itself is `validatePodTemplateSpec`'s),
 * `ValidateDeploymentStrategy`, `ValidateRollingUpdateDeployment`, minReadySeconds,
 * revisionHistoryLimit, progressDeadlineSeconds greater than minReadySeconds.
 *
 * @param written the spec as written, to tell defaulted values from declared ones in messages
 */
// Go: ValidateDeploymentSpec (apps validation.go)
export function validateDeploymentSpec(spec: any, path: string, problems: Problems, written: any = spec): void {
  const s = { ...spec, strategy: isObject(spec.strategy) ? { ...spec.strategy } : spec.strategy };
  defaultDeploymentFields(s);
  validateReplicaSetSelector(s, path, 'Deployment', problems);
  for (const field of ['replicas', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds']) {
    nonNegative(s[field], `${path}.${field}`, problems);
  }
  // progressDeadlineSeconds (600 unless set) must be greater than minReadySeconds (0 unless set).
  const progress = s.progressDeadlineSeconds;
  const minReady = s.minReadySeconds ?? 0;
  if (isInt32(progress) && isInt32(minReady) && progress >= 0 && progress <= minReady) {
    const which = written?.progressDeadlineSeconds === undefined || written?.progressDeadlineSeconds === null ? ' (the default, as progressDeadlineSeconds is unset)' : '';
    problems.add(`${path}.progressDeadlineSeconds`, `${show(progress)}${which} must be greater than minReadySeconds ${show(minReady)}; raise progressDeadlineSeconds or lower minReadySeconds.`);
  }
  validateDeploymentStrategy(s.strategy, written?.strategy, `${path}.strategy`, problems);
  validateTemplateForReplicaSet(s.template, path, 'Deployment', problems);
}

/**
 * Why a workload's selector is missing or empty ("empty selector is invalid"): an empty selector
 * beside pod template labels is said to be empty, with those labels (`none`: the message when the
 * template has no labels either).
 */
function emptySelectorProblem(kind: string, selector: unknown, template: any, none: string): string {
  const labels = template?.metadata?.labels;
  if (!isObject(selector) || !isObject(labels) || Object.keys(labels).length === 0) {
    return none;
  }
  const factory = kind === 'ReplicaSet' ? '' : `, or, built with Workload.${kind.charAt(0).toLowerCase()}${kind.slice(1)}(), leave out its selector option to select by every pod label`;
  return `${show(selector)} is empty, and a ${kind} may not select every pod; give it matchLabels (or matchExpressions) that the pod template's labels ${show(labels)} match${factory}.`;
}

/**
 * The selector of a Deployment or ReplicaSet: required, not empty, valid, and matching the pod
 * template's labels (`ValidateDeploymentSpec`, `ValidateReplicaSetSpec`: "empty selector is
 * invalid for deployment").
 */
function validateReplicaSetSelector(spec: any, path: string, kind: string, problems: Problems): void {
  const selector = spec.selector;
  if (selector === undefined || selector === null || isEmptySelector(selector)) {
    problems.add(`${path}.selector`, emptySelectorProblem(kind, selector, spec.template, `a ${kind} selects its pods by label and none are declared; set selector.matchLabels and the same labels on the pod template (PlainPod, InitPod and SidecarLoggedApp built with Workload.deployment(), statefulSet() or daemonSet() write their metadata.labels, e.g. { app: 'web' }, into both).`));
  } else if (validateLabelSelector(selector, `${path}.selector`, problems)) {
    checkTemplateMatches(selector, spec.template, path, '', problems);
  }
}

/** What a ReplicaSet (and so a Deployment) takes of its pod template: restartPolicy Always, no activeDeadlineSeconds. */
// Go: ValidatePodTemplateSpecForReplicaSet (apps validation.go); the selector match is validateReplicaSetSelector's.
function validateTemplateForReplicaSet(template: any, path: string, kind: string, problems: Problems): void {
  const restart = restartPolicyOf(template);
  if (restart !== 'Always') {
    problems.add(`${path}.template.spec.restartPolicy`, `${show(restart)} is not supported in a ${kind}; the only allowed value is Always (omit it). Use a bare Pod for run-once work.`);
  }
  const ads = template?.spec?.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null) {
    problems.add(`${path}.template.spec.activeDeadlineSeconds`, `${show(ads)} is not supported in a ${kind}; remove it.`);
  }
}

// ---------------------------------------------------------------------------------------------
// ReplicaSet (written by Inject.into() and kept by the importer; the patterns write Deployments)
// ---------------------------------------------------------------------------------------------

/** The apps/v1 defaults of a ReplicaSet, in place. */
// Go: SetDefaults_ReplicaSet (pkg/apis/apps/v1/defaults.go): replicas 1; PrepareForCreate
// (pkg/registry/apps/replicaset/strategy.go): generation 1.
export function defaultReplicaSet(rs: any): void {
  resetGeneration(rs);
  rs.spec = zeroIfUnset(rs.spec);
  rs.spec.replicas ??= 1;
  defaultTemplate(rs.spec.template);
}

/** Checks a ReplicaSet on create, after `defaultReplicaSet`. */
// Go: ValidateReplicaSet (apps validation.go): ValidateReplicaSetName (DNS subdomain), ValidateReplicaSetSpec.
export function validateReplicaSet(rs: any, problems: Problems): void {
  validateObjectMeta(rs.metadata, 'metadata', problems);
  validateReplicaSetSpec(isObject(rs.spec) ? rs.spec : {}, 'spec', problems);
}

// Go: ValidateReplicaSetSpec (apps validation.go)
function validateReplicaSetSpec(spec: any, path: string, problems: Problems): void {
  nonNegative(spec.replicas, `${path}.replicas`, problems);
  nonNegative(spec.minReadySeconds, `${path}.minReadySeconds`, problems);
  validateReplicaSetSelector(spec, path, 'ReplicaSet', problems);
  validateTemplateForReplicaSet(spec.template, path, 'ReplicaSet', problems);
  validatePodTemplateSpec(spec.template, `${path}.template`, problems, []);
}

// Go: ValidateDeploymentStrategy (apps validation.go), with ValidateRollingUpdateDeployment.
function validateDeploymentStrategy(strategy: any, written: any, path: string, problems: Problems): void {
  const type = strategy.type;
  if (type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
      problems.add(`${path}.rollingUpdate`, "may not be specified when strategy type is 'Recreate'; remove it.");
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    problems.add(`${path}.type`, `${show(type)} is not supported; use Recreate or RollingUpdate.`);
    return;
  }
  validateRollingUpdateDeployment(strategy.rollingUpdate, written?.rollingUpdate, `${path}.rollingUpdate`, problems);
}

// Go: ValidateRollingUpdateDeployment (apps validation.go)
function validateRollingUpdateDeployment(ru: any, written: any, path: string, problems: Problems): void {
  for (const field of ['maxUnavailable', 'maxSurge']) {
    const v = ru[field];
    if (validatePositiveIntOrPercent(v, `${path}.${field}`, problems) && field === 'maxUnavailable') {
      isNotMoreThan100Percent(v, `${path}.${field}`, problems);
    }
  }
  if (!decodesAsIntOrString(ru.maxUnavailable) || !decodesAsIntOrString(ru.maxSurge)) {
    return; // the decoder refuses the object first (the decode step's message): no rule runs
  }
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    const defaulted = written?.maxUnavailable === undefined || written?.maxSurge === undefined ? ' (25% unless set)' : '';
    problems.add(`${path}.maxUnavailable`, `may not be 0 when maxSurge is 0${defaulted}: the rollout could never make progress. Allow one of them to be above 0.`);
  }
}

// ---------------------------------------------------------------------------------------------
// StatefulSet
// ---------------------------------------------------------------------------------------------

/**
 * Reports what the API server drops from a StatefulSet on create: `updateStrategy.rollingUpdate.
 * maxUnavailable` belongs to the MaxUnavailableStatefulSet gate, alpha and off in 1.32.
 */
// Go: dropStatefulSetDisabledFields (pkg/registry/apps/statefulset/strategy.go)
export function prepareStatefulSet(sts: any, problems: Problems): void {
  const mu = sts?.spec?.updateStrategy?.rollingUpdate?.maxUnavailable;
  if (mu !== undefined && mu !== null) {
    problems.add('spec.updateStrategy.rollingUpdate.maxUnavailable', `${show(mu)} belongs to the MaxUnavailableStatefulSet feature gate, which is off by default in Kubernetes 1.32: the API server drops it on create and the line would vanish (this library's contract; pods are updated one at a time). Remove it.`);
  }
  const claims: unknown[] = Array.isArray(sts?.spec?.volumeClaimTemplates) ? sts.spec.volumeClaimTemplates : [];
  claims.forEach((c: any, i) => preparePersistentVolumeClaimTemplateSpec(c?.spec, `spec.volumeClaimTemplates[${i}].spec`, problems));
  prepareWorkload(sts, problems);
}

/** The apps/v1 defaults of a StatefulSet, in place. */
// Go: SetDefaults_StatefulSet (pkg/apis/apps/v1/defaults.go)
export function defaultStatefulSet(sts: any): void {
  resetGeneration(sts);
  const spec = (sts.spec = zeroIfUnset(sts.spec));
  if (spec.podManagementPolicy === undefined || spec.podManagementPolicy === '') {
    spec.podManagementPolicy = 'OrderedReady';
  }
  if (!isObject(spec.updateStrategy)) {
    spec.updateStrategy = {};
  }
  const us = spec.updateStrategy;
  if (us.type === undefined || us.type === '') {
    us.type = 'RollingUpdate';
    if (!isObject(us.rollingUpdate)) {
      us.rollingUpdate = {};
    }
  }
  if (us.type === 'RollingUpdate' && isObject(us.rollingUpdate)) {
    us.rollingUpdate.partition ??= 0;
  }
  // StatefulSetAutoDeletePVC is GA in 1.32.
  if (!isObject(spec.persistentVolumeClaimRetentionPolicy)) {
    spec.persistentVolumeClaimRetentionPolicy = {};
  }
  const policy = spec.persistentVolumeClaimRetentionPolicy;
  if (policy.whenDeleted === undefined || policy.whenDeleted === '') {
    policy.whenDeleted = 'Retain';
  }
  if (policy.whenScaled === undefined || policy.whenScaled === '') {
    policy.whenScaled = 'Retain';
  }
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
}

/** Checks a StatefulSet on create, after `defaultStatefulSet`. */
// Go: ValidateStatefulSet (apps validation.go)
export function validateStatefulSet(sts: any, problems: Problems): void {
  // ValidateStatefulSetName = NameIsDNSLabel: the name is the prefix of every pod's hostname.
  validateObjectMeta(sts.metadata, 'metadata', problems, dns1123Label, 'a StatefulSet name (a DNS-1123 label: it starts the hostname of every pod)');
  validateStatefulSetSpec(isObject(sts.spec) ? sts.spec : {}, 'spec', problems, createdName(sts.metadata)?.name);
  validateStatefulSetPodIdentity(sts, problems);
}

/**
 * This library's contract: the names the StatefulSet controller derives for its pods must be
 * valid, or the 1.32 API server accepts the StatefulSet and rejects every pod (kubernetes#64023,
 * #104195). The controller labels each pod `controller-revision-hash: <name>-<10 characters>`
 * (a label value: at most 63 characters) and sets `subdomain` to `serviceName` (a DNS-1123 label).
 */
// Go: newStatefulSetPod, initIdentity (pkg/controller/statefulset/stateful_set_utils.go)
function validateStatefulSetPodIdentity(sts: any, problems: Problems): void {
  const contract = "this library's contract: the API server accepts the StatefulSet but would reject every pod the controller creates for it";
  const created = createdName(sts.metadata);
  if (created && created.name.length > 52 && dns1123Label(created.name) === undefined) {
    problems.add(created.path, `${created.shown} has ${created.name.length} characters; a StatefulSet name may have at most 52 (${contract}: its controller-revision-hash label is the name plus 11 characters, and a label value has at most 63). ${created.shorter}`);
  }
  const serviceName = sts.spec?.serviceName;
  if (typeof serviceName === 'string' && serviceName.length > 0) {
    const r = dns1123Label(serviceName);
    if (r) {
      problems.add('spec.serviceName', `${show(serviceName)} is not a valid Service name for the pods' subdomain: it ${r} (${contract}). Name the headless Service with a DNS-1123 label.`);
    }
  }
}

// Go: ValidateStatefulSetSpec (apps validation.go)
function validateStatefulSetSpec(spec: any, path: string, problems: Problems, name: unknown): void {
  const policy = spec.podManagementPolicy;
  if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    problems.add(`${path}.podManagementPolicy`, `${show(policy)} is not supported; use OrderedReady or Parallel.`);
  }
  const us = spec.updateStrategy ?? {};
  if (us.type === 'OnDelete') {
    if (us.rollingUpdate !== undefined && us.rollingUpdate !== null) {
      problems.add(`${path}.updateStrategy.rollingUpdate`, "is only allowed when updateStrategy type is 'RollingUpdate'; remove it (OnDelete replaces pods only when you delete them).");
    }
  } else if (us.type === 'RollingUpdate') {
    if (isObject(us.rollingUpdate)) {
      // Go: validateRollingUpdateStatefulSet (maxUnavailable was dropped on create in 1.32).
      nonNegative(us.rollingUpdate.partition, `${path}.updateStrategy.rollingUpdate.partition`, problems);
    }
  } else {
    problems.add(`${path}.updateStrategy.type`, `${show(us.type)} is not supported; use RollingUpdate or OnDelete.`);
  }
  // Go: ValidatePersistentVolumeClaimRetentionPolicy -> ValidatePersistentVolumeClaimRetentionPolicyType.
  const retention = spec.persistentVolumeClaimRetentionPolicy ?? {};
  for (const field of ['whenDeleted', 'whenScaled']) {
    const v = retention[field];
    if (v !== 'Retain' && v !== 'Delete') {
      problems.add(`${path}.persistentVolumeClaimRetentionPolicy.${field}`, `${show(v)} is not supported; use Retain or Delete.`);
    }
  }
  nonNegative(spec.replicas, `${path}.replicas`, problems);
  nonNegative(spec.minReadySeconds, `${path}.minReadySeconds`, problems);
  if (isObject(spec.ordinals)) {
    nonNegative(spec.ordinals.start, `${path}.ordinals.start`, problems);
  }
  if (spec.selector === undefined || spec.selector === null || isEmptySelector(spec.selector)) {
    problems.add(`${path}.selector`, emptySelectorProblem('StatefulSet', spec.selector, spec.template,
      'a StatefulSet selects its pods by label and none are declared; set selector.matchLabels and the same labels on the pod template (e.g. { app: \'db\' }).'));
  } else if (validateLabelSelector(spec.selector, `${path}.selector`, problems)) {
    checkTemplateMatches(spec.selector, spec.template, path, 'StatefulSet', problems);
  }
  const restart = restartPolicyOf(spec.template);
  if (restart !== 'Always') {
    problems.add(`${path}.template.spec.restartPolicy`, `${show(restart)} is not supported in a StatefulSet; the only allowed value is Always (omit it).`);
  }
  const ads = spec.template?.spec?.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null) {
    problems.add(`${path}.template.spec.activeDeadlineSeconds`, `${show(ads)} is not supported in a StatefulSet; remove it.`);
  }
  const claims: unknown[] = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : [];
  claims.forEach((c, i) => validateVolumeClaimTemplate(c, `${path}.volumeClaimTemplates[${i}]`, problems));
  // Go: ValidatePodTemplateSpecForStatefulSet (pkg/apis/apps/validation/validation.go).
  // The API server leaves the pod template of a StatefulSet to the pods the controller creates
  // (ValidatePodTemplateSpecForStatefulSet checks labels and annotations only); this library
  // checks it here, as those pods will be.
  const pod = statefulSetPod(spec.template, claims, name);
  const template = new Problems();
  validatePodTemplateSpec(pod, `${path}.template`, template, ['controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index']);
  // The volumes the controller adds for the claims come last; an invalid claim name is reported
  // at the claim template (validateVolumeClaimTemplate), not at a volume the user never wrote.
  const volumes: unknown[] = Array.isArray(pod?.spec?.volumes) ? pod.spec.volumes : [];
  const first = volumes.length - claimNames(claims).length;
  // A negative grace period the pods take as 1 is shown as written, with what the pods make of it.
  const tgps = spec.template?.spec?.terminationGracePeriodSeconds;
  const graceAsOne = Number.isInteger(tgps) && tgps < 0 ? `(1: the StatefulSet's pods take the written ${tgps} as 1)` : undefined;
  for (const m of template.messages) {
    const at = /^[^:]*\.template\.spec\.volumes\[(\d+)\]\.name: /.exec(m);
    if (!(at && Number(at[1]) >= first)) {
      problems.add('', graceAsOne ? m.replace("the pod's terminationGracePeriodSeconds (1)", `the pod's terminationGracePeriodSeconds ${graceAsOne}`) : m);
    }
  }
}

/** The distinct names of claim templates (the controller keys the claims by name). */
function claimNames(claims: unknown[]): string[] {
  return [...new Set(claims.map((c: any) => c?.metadata?.name).filter((n): n is string => typeof n === 'string' && n.length > 0))];
}

/**
 * The pod template as the StatefulSet controller stamps out its pods, and as the Pod's create
 * preparation then leaves them (a copy):
 * - `updateStorage`: one persistentVolumeClaim volume per distinct claim template name (the
 *   controller keys the claims by name), replacing a template volume of the same name;
 * - `initIdentity`: hostname and subdomain are overwritten with the pod's name and serviceName,
 *   whose validity `validateStatefulSetPodIdentity` checks, so the template's are left out;
 * - the Pod's conversion takes a negative terminationGracePeriodSeconds as 1;
 * - `applyAppArmorVersionSkew` (pkg/registry/core/pod/strategy.go): deprecated AppArmor
 *   annotations and fields synced, as for a Pod.
 */
// Go: newStatefulSetPod (pkg/controller/statefulset/stateful_set_utils.go)
function statefulSetPod(template: any, claims: unknown[], setName: unknown): any {
  if (!isObject(template)) {
    return template;
  }
  const names = claimNames(claims);
  const spec = isObject(template.spec) ? { ...template.spec } : {};
  delete spec.hostname;
  delete spec.subdomain;
  // Convert_v1_Pod_To_core_Pod then takes a Pod's negative grace period as 1 (as defaultPod does).
  if (Number.isInteger(spec.terminationGracePeriodSeconds) && spec.terminationGracePeriodSeconds < 0) {
    spec.terminationGracePeriodSeconds = 1;
  }
  if (names.length > 0) {
    const volumes: any[] = (Array.isArray(spec.volumes) ? spec.volumes : []).filter((v: any) => !names.includes(v?.name));
    for (const n of names) {
      volumes.push({ name: n, persistentVolumeClaim: { claimName: `${n}-${String(setName)}-0` } });
    }
    spec.volumes = volumes;
  }
  const pod = { metadata: template.metadata, spec };
  if (Array.isArray(spec.containers) || Array.isArray(spec.initContainers)) {
    // The sync writes securityContext into containers: on copies of them, not the manifest's.
    for (const field of ['initContainers', 'containers']) {
      if (Array.isArray(spec[field])) {
        spec[field] = spec[field].map((c: unknown) => (isObject(c) ? { ...c } : c));
      }
    }
    pod.metadata = isObject(template.metadata) ? { ...template.metadata } : template.metadata;
    applyAppArmorVersionSkew(pod);
  }
  return { ...template, metadata: pod.metadata, spec };
}


/**
 * This library's contract: the claim templates of a StatefulSet are checked like the
 * PersistentVolumeClaims the controller creates from them (Go: `ValidatePersistentVolumeClaimSpec`,
 * create rules: access modes, a storage request, volumeMode). The 1.32 API server accepts a
 * StatefulSet with a bad claim template; its pods then never start.
 */
// Go: ValidatePersistentVolumeClaimSpec (validation.go), applied to spec.volumeClaimTemplates[*]
function validateVolumeClaimTemplate(claim: any, path: string, problems: Problems): void {
  const contract = "(this library's contract: the StatefulSet controller creates a PersistentVolumeClaim from this template for every pod, and the API server would reject it)";
  const name = claim?.metadata?.name;
  if (typeof name !== 'string' || name.length === 0) {
    problems.add(`${path}.metadata.name`, `is required ${contract}; name the claim and mount it by that name (e.g. 'data').`);
  } else if (dns1123Label(name)) {
    // The controller also mounts the claim as a pod volume of this name (a DNS-1123 label).
    problems.add(`${path}.metadata.name`, `${show(name)} is not valid as the name of the pods' volume for this claim: it ${dns1123Label(name)} (this library's contract: the StatefulSet controller adds a volume of this name to every pod, and the API server would reject the pods); rename the claim and its mounts.`);
  }
  // As ValidatePersistentVolumeClaim checks the claim's ObjectMeta: the controller copies the
  // template's labels, annotations, owner references and finalizers into every claim (getPersistentVolumeClaims).
  if (isObject(claim?.metadata)) {
    const meta = new Problems();
    validateLabels(claim.metadata.labels, `${path}.metadata.labels`, meta);
    validateAnnotations(claim.metadata.annotations, `${path}.metadata.annotations`, meta);
    // Go: getPersistentVolumeClaims (pkg/controller/statefulset/stateful_set_utils.go) copies them into each claim
    validateOwnerReferences(claim.metadata.ownerReferences, `${path}.metadata.ownerReferences`, meta);
    validateFinalizers(claim.metadata.finalizers, `${path}.metadata.finalizers`, meta);
    for (const m of meta.messages) {
      problems.add('', `${m.replace(/\.$/, '')} ${contract}.`);
    }
  }
  // The claim template's status is kept in the StatefulSet, so its quantities are decoded too
  // (Quantity.UnmarshalJSON); their types are the decode step's (k8s-schema.ts).
  for (const field of ['capacity', 'allocatedResources']) {
    const quantities = claim?.status?.[field];
    for (const [resource, q] of isObject(quantities) ? Object.entries(quantities) : []) {
      if ((typeof q === 'string' || typeof q === 'number') && !isQuantity(q) && !readsAsLineBreak(q)) {
        problems.add(`${path}.status.${field}.${resource}`, `${show(q)} is not a valid quantity (the API server cannot decode it); write a size such as '1Gi', or remove the status.`);
      }
    }
  }
  // The claim's spec as for any claim (ValidatePersistentVolumeClaimSpec), once the claim's create
  // preparation dropped and filled in its data sources (what it drops is
  // preparePersistentVolumeClaimTemplateSpec's "would vanish"; what it fills in from the other is
  // not reported twice). A quantity the decoder refuses is not the contract: the StatefulSet
  // itself is refused (Quantity.UnmarshalJSON).
  const spec = isObject(claim?.spec) ? claim.spec : {};
  const created = claimSpecAsCreated(spec);
  const claimProblems = new Problems();
  validatePersistentVolumeClaimSpec(created.spec, `${path}.spec`, claimProblems);
  for (const e of claimProblems.entries) {
    if (created.derived !== undefined && (e.path === `${path}.spec.${created.derived}` || e.path.startsWith(`${path}.spec.${created.derived}.`))) {
      continue;
    }
    problems.add(e.path, DECODE_PROBLEM.test(e.message) ? e.message : `${e.message.replace(/\.$/, '')} ${contract}.`);
  }
}

/** A problem of the decoder (a value it cannot read), which the API server answers for the object itself. */
const DECODE_PROBLEM = /\(the API server cannot decode it\)|is not a valid quantity/;

// ---------------------------------------------------------------------------------------------
// DaemonSet
// ---------------------------------------------------------------------------------------------

/** The apps/v1 defaults of a DaemonSet, in place. */
// Go: SetDefaults_DaemonSet (pkg/apis/apps/v1/defaults.go)
export function defaultDaemonSet(ds: any): void {
  resetGeneration(ds);
  const spec = (ds.spec = zeroIfUnset(ds.spec));
  if (!isObject(spec.updateStrategy)) {
    spec.updateStrategy = {};
  }
  const us = spec.updateStrategy;
  if (us.type === undefined || us.type === '') {
    us.type = 'RollingUpdate';
  }
  if (us.type === 'RollingUpdate') {
    us.rollingUpdate = isObject(us.rollingUpdate) ? { ...us.rollingUpdate } : {};
    us.rollingUpdate.maxUnavailable ??= 1;
    us.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
}

/** Whether Go's strconv.ParseInt(s, 10, 64) reads a string: an optional sign, decimal digits, in the int64 range. */
function parsesAsInt64(s: string): boolean {
  return /^[+-]?[0-9]+$/.test(s) && BigInt(s) >= -(2n ** 63n) && BigInt(s) < 2n ** 63n;
}

const ROLLBACK_TO = 'deprecated.deployment.rollback.to';
const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/**
 * The conversion to the internal Deployment reads a non-empty rollback annotation as
 * `spec.rollbackTo.revision`: a value that is not an int64 fails the decode, and a negative one
 * fails `ValidateRollback` (revision at least 0).
 */
// Go: Convert_v1_Deployment_To_apps_Deployment (pkg/apis/apps/v1/conversion.go)
function convertDeploymentAnnotations(metadata: any, problems: Problems): void {
  const revision = metadata?.annotations?.[ROLLBACK_TO];
  if (typeof revision !== 'string' || revision === '') {
    return;
  }
  const path = `metadata.annotations.${ROLLBACK_TO}`;
  if (!parsesAsInt64(revision)) {
    problems.add(path, `${show(revision)} is not a whole number (int64), and the API server reads this annotation as the revision to roll back to, so it rejects the Deployment; remove the annotation (apps/v1 Deployments do not roll back through it: use kubectl rollout undo).`);
  } else {
    validateRollback(BigInt(revision), revision, path, problems);
  }
}

/**
 * The metadata as the conversion to the internal object leaves it: without the annotation `key`
 * when the conversion read it into the spec (`converted`), which the annotation rules (their total
 * size included) then do not see.
 */
function withoutAnnotation(metadata: any, key: string, converted: boolean): any {
  if (!converted) {
    return metadata;
  }
  const { [key]: _converted, ...annotations } = metadata.annotations;
  return { ...metadata, annotations };
}

/** The revision of `spec.rollbackTo`, which apps/v1 sets only through the rollback annotation. */
// Go: ValidateRollback (apps validation.go): ValidateNonnegativeField(rollback.Revision)
function validateRollback(revision: bigint, written: string, path: string, problems: Problems): void {
  if (revision < 0n) {
    problems.add(path, `${show(written)} is read by the API server as the revision to roll back to (spec.rollbackTo.revision), which must be at least 0; remove the annotation (use kubectl rollout undo).`);
  }
}

/**
 * The conversion to the internal DaemonSet reads the template generation annotation, when present
 * (even empty), as an int64: a value that is not one fails the decode.
 */
// Go: Convert_v1_DaemonSet_To_apps_DaemonSet (pkg/apis/apps/v1/conversion.go)
function convertDaemonSetAnnotations(metadata: any, problems: Problems): void {
  const generation = metadata?.annotations?.[TEMPLATE_GENERATION];
  if (typeof generation === 'string' && !parsesAsInt64(generation)) {
    problems.add(`metadata.annotations.${TEMPLATE_GENERATION}`, `${show(generation)} is not a whole number (int64), and the API server reads this annotation as the template generation, so it rejects the DaemonSet; remove it (the API server sets the generation on create).`);
  }
}

/** Checks a DaemonSet on create, after `defaultDaemonSet`. */
// Go: ValidateDaemonSet (apps validation.go)
export function validateDaemonSet(ds: any, problems: Problems, original: any = ds): void {
  // ValidateDaemonSetName = NameIsDNSSubdomain, on the metadata the conversion leaves.
  const generation = ds.metadata?.annotations?.[TEMPLATE_GENERATION];
  validateObjectMeta(withoutAnnotation(ds.metadata, TEMPLATE_GENERATION, typeof generation === 'string' && parsesAsInt64(generation)), 'metadata', problems);
  convertDaemonSetAnnotations(ds.metadata, problems);
  validateDaemonSetSpec(isObject(ds.spec) ? ds.spec : {}, 'spec', problems, original?.spec);
}

// Go: ValidateDaemonSetSpec (apps validation.go)
function validateDaemonSetSpec(spec: any, path: string, problems: Problems, written: any): void {
  const selector = spec.selector;
  if (selector === undefined || selector === null || isEmptySelector(selector)) {
    problems.add(`${path}.selector`, emptySelectorProblem('DaemonSet', selector, spec.template,
      'a DaemonSet selects its pods by label and none are declared; set selector.matchLabels and the same labels on the pod template (e.g. { app: \'agent\' }).'));
  } else if (validateLabelSelector(selector, `${path}.selector`, problems)) {
    checkTemplateMatches(selector, spec.template, path, 'DaemonSet', problems);
  }
  validatePodTemplateSpec(spec.template, `${path}.template`, problems, ['controller-revision-hash', 'pod-template-generation']);
  const restart = restartPolicyOf(spec.template);
  if (restart !== 'Always') {
    problems.add(`${path}.template.spec.restartPolicy`, `${show(restart)} is not supported in a DaemonSet; the only allowed value is Always (omit it).`);
  }
  const ads = spec.template?.spec?.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null) {
    problems.add(`${path}.template.spec.activeDeadlineSeconds`, `${show(ads)} is not supported in a DaemonSet; remove it.`);
  }
  nonNegative(spec.minReadySeconds, `${path}.minReadySeconds`, problems);
  validateDaemonSetUpdateStrategy(spec.updateStrategy ?? {}, written?.updateStrategy, `${path}.updateStrategy`, problems);
  nonNegative(spec.revisionHistoryLimit, `${path}.revisionHistoryLimit`, problems);
}

// Go: ValidateDaemonSetUpdateStrategy (apps validation.go)
function validateDaemonSetUpdateStrategy(us: any, written: any, path: string, problems: Problems): void {
  if (us.type === 'OnDelete') {
    return;
  }
  if (us.type !== 'RollingUpdate') {
    problems.add(`${path}.type`, `${show(us.type)} is not supported; use RollingUpdate or OnDelete.`);
    return;
  }
  validateRollingUpdateDaemonSet(us.rollingUpdate ?? {}, written?.rollingUpdate, `${path}.rollingUpdate`, problems);
}

// Go: ValidateRollingUpdateDaemonSet (apps validation.go): exactly one of maxUnavailable and maxSurge is non-zero.
function validateRollingUpdateDaemonSet(ru: any, written: any, path: string, problems: Problems): void {
  for (const field of ['maxUnavailable', 'maxSurge']) {
    if (validatePositiveIntOrPercent(ru[field], `${path}.${field}`, problems)) {
      isNotMoreThan100Percent(ru[field], `${path}.${field}`, problems);
    }
  }
  if (!decodesAsIntOrString(ru.maxUnavailable) || !decodesAsIntOrString(ru.maxSurge)) {
    return; // the decoder refuses the object first (the decode step's message): no rule runs
  }
  const unavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const surge = intOrPercentValue(ru.maxSurge) !== 0;
  if (unavailable && surge) {
    const note = written?.maxUnavailable === undefined || written?.maxUnavailable === null ? ' (maxUnavailable is 1 unless set)' : '';
    problems.add(`${path}.maxSurge`, `${show(ru.maxSurge)} may not be set when maxUnavailable is non-zero${note}; set maxUnavailable: 0 to surge, or remove maxSurge.`);
  } else if (!unavailable && !surge) {
    problems.add(`${path}.maxUnavailable`, 'may not be 0 when maxSurge is 0: the rollout could never make progress. Allow one of them to be above 0.');
  }
}

// ---------------------------------------------------------------------------------------------
// Job
// ---------------------------------------------------------------------------------------------

// batch.LegacyControllerUidLabel, batch.ControllerUidLabel, batch.LegacyJobNameLabel, batch.JobNameLabel.
const LEGACY_CONTROLLER_UID = 'controller-uid';
const CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
const LEGACY_JOB_NAME = 'job-name';
// The label the Job controller gives each Pod of an Indexed Job (PodIndexLabel, on from 1.28).
const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
const JOB_NAME = 'batch.kubernetes.io/job-name';
/** The uid the API server gives a new object, unknown before it exists: a stand-in. */
const NEW_UID = '00000000-0000-4000-8000-000000000000';
const MAX_PARALLELISM_INDEXED = 100_000;
const MAX_FAILED_INDEXES = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_LIMIT_HIGH_COMPLETIONS = 10_000;
const MAX_FAILED_INDEXES_HIGH_COMPLETIONS = 10_000;
const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_ON_EXIT_CODES_VALUES = 255;
const MAX_ON_POD_CONDITIONS_PATTERNS = 20;
const MAX_MANAGED_BY_LENGTH = 63;
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
const MAX_SUCCESS_POLICY_RULES = 20;
const POD_FAILURE_POLICY_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];

/**
 * The batch/v1 defaults of a Job, then what the registry does on create: unless
 * `manualSelector` is true, the selector and the pod labels are generated from the Job's uid and
 * name (`generateSelector`), so a Job needs no labels of its own.
 */
// Go: SetDefaults_Job (pkg/apis/batch/v1/defaults.go)
export function defaultJob(job: any): void {
  resetGeneration(job);
  const spec = (job.spec = zeroIfUnset(job.spec));
  defaultJobSpecFields(spec);
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  if (spec.completionMode === undefined || spec.completionMode === null) {
    spec.completionMode = 'NonIndexed';
  }
  spec.suspend ??= false;
  // JobPodReplacementPolicy is on by default in 1.32.
  spec.podReplacementPolicy ??= spec.podFailurePolicy !== undefined && spec.podFailurePolicy !== null ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultTemplate(spec.template);
  generateSelectorIfNeeded(job);
}

// Go: SetDefaults_PodFailurePolicyOnPodConditionsPattern (pkg/apis/batch/v1/defaults.go)
function defaultJobSpecFields(spec: any): void {
  const rules: unknown[] = Array.isArray(spec.podFailurePolicy?.rules) ? spec.podFailurePolicy.rules : [];
  for (const rule of rules as any[]) {
    for (const pattern of Array.isArray(rule?.onPodConditions) ? rule.onPodConditions : []) {
      if (isObject(pattern) && (pattern.status === undefined || pattern.status === '')) {
        pattern.status = 'True';
      }
    }
  }
}

// Go: generateSelectorIfNeeded, generateSelector (pkg/registry/batch/job/strategy.go)
function generateSelectorIfNeeded(job: any): void {
  const spec = job.spec;
  if (spec.manualSelector === true) {
    return;
  }
  const template = isObject(spec.template) ? spec.template : (spec.template = {});
  template.metadata = isObject(template.metadata) ? { ...template.metadata } : {};
  const labels = template.metadata.labels = isObject(template.metadata.labels) ? { ...template.metadata.labels } : {};
  const name = jobNameLabel(createdName(job.metadata)?.name);
  for (const key of [LEGACY_JOB_NAME, JOB_NAME]) {
    if (!(key in labels)) {
      labels[key] = name;
    }
  }
  for (const key of [LEGACY_CONTROLLER_UID, CONTROLLER_UID]) {
    if (!(key in labels)) {
      labels[key] = NEW_UID;
    }
  }
  spec.selector = isObject(spec.selector) ? { ...spec.selector } : {};
  spec.selector.matchLabels = isObject(spec.selector.matchLabels) ? { ...spec.selector.matchLabels } : {};
  if (!(CONTROLLER_UID in spec.selector.matchLabels)) {
    spec.selector.matchLabels[CONTROLLER_UID] = NEW_UID;
  }
}

/** The job-name label value the registry writes: the name (a stand-in when it is no label value, reported on metadata.name). */
function jobNameLabel(name: unknown): string {
  return typeof name === 'string' && labelValue(name) === undefined ? name : 'job';
}

/** Checks a Job on create, after `defaultJob`. */
// Go: ValidateJob (batch validation.go)
export function validateJob(job: any, problems: Problems, original: any = job): void {
  // ValidateReplicationControllerName = NameIsDNSSubdomain.
  validateObjectMeta(job.metadata, 'metadata', problems);
  const spec = isObject(job.spec) ? job.spec : {};
  const created = createdName(job.metadata);
  if (created && spec.manualSelector !== true) {
    const r = labelValue(created.name);
    if (r) {
      // Past 63 characters the fix is a shorter name; otherwise the name's characters (named as an object name too).
      const fix = created.name.length > 63 ? created.shorter : `Change ${created.path === 'metadata.name' ? 'the name' : 'generateName'} so that it is a valid label value too.`;
      problems.add(created.path, `${created.shown} cannot name a Job whose selector Kubernetes generates: the name becomes the value of the pod label job-name, which ${r}. ${fix}`);
    }
  }
  validateGeneratedSelector(job, original, problems);
  validateJobSpec(spec, 'spec', problems);
  const bad = created ? indexedHostname(spec, created.name) : undefined;
  if (created && bad) {
    problems.add(created.path, bad.dotOnly
      ? `${created.shown} cannot name an Indexed Job: the job controller makes <name>-<index> each pod's hostname (${show(bad.hostname)}), a DNS-1123 label without dots; rename it without dots (e.g. ${show(writtenName(job.metadata, created.path).replace(/\./g, '-'))}).`
      : `${created.shown} is too long for an Indexed Job with ${spec.completions} completions: the last pod's hostname ${show(bad.hostname)} ${bad.problem}${bad.dot ? ', and without dots' : ''}. ${created.shorter}`);
  }
}

/** The name or generateName as written (for a fix to show), where createdName found it. */
function writtenName(metadata: any, path: string): string {
  return String(path === 'metadata.generateName' ? metadata?.generateName : metadata?.name);
}

/**
 * The hostname `<job name>-<index>` the job controller gives the last pod of an Indexed Job when
 * it is no DNS-1123 label (Go, ValidateJob: IsDNS1123Label of it), with what is wrong and whether
 * the Job name's dots are the cause; `undefined` when it is valid or the Job is not Indexed.
 */
function indexedHostname(spec: any, jobName: string): { hostname: string; problem: string; dot: boolean; dotOnly: boolean } | undefined {
  if (spec.completionMode !== 'Indexed' || !isInt32(spec.completions) || spec.completions <= 0) {
    return undefined;
  }
  const hostname = `${jobName}-${spec.completions - 1}`;
  const problem = dns1123Label(hostname);
  if (!problem) {
    return undefined;
  }
  const dot = jobName.includes('.');
  // The dots alone are the cause when the name without them makes a valid hostname.
  const dotOnly = dot && dns1123Label(hostname.replace(/\./g, '-')) === undefined;
  return { hostname, problem: dot && !dotOnly ? dns1123Label(hostname.replace(/\./g, '-'))! : problem, dot, dotOnly };
}

// Go: validateGeneratedSelector (batch validation.go): the generated labels are on the template
// with the expected values, and the selector selects them.
function validateGeneratedSelector(job: any, original: any, problems: Problems): void {
  const spec = job.spec ?? {};
  if (spec.manualSelector === true || !isObject(spec.selector)) {
    return;
  }
  const labels = labelsOf(spec.template);
  const name = jobNameLabel(createdName(job.metadata)?.name);
  const written = labelsOf(original?.spec?.template);
  for (const key of [LEGACY_CONTROLLER_UID, CONTROLLER_UID]) {
    if (key in written) {
      problems.add(keyPath('spec.template.metadata.labels', key), `${show(written[key])} is set, but Kubernetes sets this label to the uid of the new Job; remove it, or set manualSelector: true and a selector of your own.`);
    }
  }
  for (const key of [LEGACY_JOB_NAME, JOB_NAME]) {
    if (key in written && labels[key] !== name) {
      problems.add(keyPath('spec.template.metadata.labels', key), `${show(written[key])} must be the Job's name ${show(name)}: Kubernetes sets this label itself. Remove it.`);
    }
  }
  const userSelector = original?.spec?.selector;
  if (userSelector !== undefined && userSelector !== null) {
    const expected = { [LEGACY_CONTROLLER_UID]: NEW_UID, [CONTROLLER_UID]: NEW_UID, [LEGACY_JOB_NAME]: name, [JOB_NAME]: name };
    // Go: only a selector that converts (metav1.LabelSelectorAsSelector) is matched; the
    // selector's own problems are reported by ValidateJobSpec.
    if (validateLabelSelector(spec.selector, 'spec.selector', new Problems()) && unmatchedRequirements(spec.selector, expected).length > 0) {
      problems.add('spec.selector', `${show(userSelector)} is set but manualSelector is not true, and it does not select the pods of this Job alone; remove the selector (Kubernetes generates one from the Job's uid) or set manualSelector: true.`);
    }
  }
}

// Go: ValidateJobSpec (batch validation.go): validateJobSpec, a valid selector that matches the template.
function validateJobSpec(spec: any, path: string, problems: Problems): void {
  validateJobSpecFields(spec, path, problems);
  validatePodTemplateSpec(spec.template, `${path}.template`, problems, spec.completionMode === 'Indexed' ? [JOB_COMPLETION_INDEX] : []);
  if (spec.selector === undefined || spec.selector === null) {
    problems.add(`${path}.selector`, 'is required when manualSelector is true; set a selector that matches the pod template labels, or remove manualSelector to let Kubernetes generate one.');
  } else if (validateLabelSelector(spec.selector, `${path}.selector`, problems)) {
    checkTemplateMatches(spec.selector, spec.template, path, 'Job', problems);
  }
}

// Go: validateJobSpec (batch validation.go), shared by Jobs and CronJob job templates.
function validateJobSpecFields(spec: any, path: string, problems: Problems): void {
  for (const field of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    nonNegative(spec[field], `${path}.${field}`, problems);
  }
  const set = (v: unknown) => v !== undefined && v !== null;
  if (set(spec.maxFailedIndexes) && !set(spec.backoffLimitPerIndex)) {
    problems.add(`${path}.backoffLimitPerIndex`, 'is required when maxFailedIndexes is set; set backoffLimitPerIndex (e.g. 1) or remove maxFailedIndexes.');
  }
  if (set(spec.managedBy)) {
    validateManagedBy(spec.managedBy, `${path}.managedBy`, problems);
  }
  const mode = spec.completionMode;
  const indexed = mode === 'Indexed';
  if (set(mode) && mode !== 'NonIndexed' && !indexed) {
    problems.add(`${path}.completionMode`, `${show(mode)} is not supported; use NonIndexed or Indexed.`);
  }
  if (indexed) {
    validateIndexedJobLimits(spec, path, problems);
  }
  if (!set(mode) || mode === 'NonIndexed') {
    for (const field of ['backoffLimitPerIndex', 'maxFailedIndexes']) {
      if (set(spec[field])) {
        problems.add(`${path}.${field}`, `${show(spec[field])} requires completionMode Indexed; set completionMode: 'Indexed' or remove ${field}.`);
      }
    }
  }
  if (set(spec.podFailurePolicy)) {
    validatePodFailurePolicy(spec, `${path}.podFailurePolicy`, problems);
  }
  if (set(spec.successPolicy)) {
    if (!indexed) {
      problems.add(`${path}.successPolicy`, "requires completionMode Indexed; set completionMode: 'Indexed' or remove successPolicy.");
    } else {
      validateSuccessPolicy(spec, `${path}.successPolicy`, problems);
    }
  }
  validatePodReplacementPolicy(spec, `${path}.podReplacementPolicy`, problems);
  // restartPolicy "" and unset are defaulted to Always, which a Job may not use.
  const restart = restartPolicyOf(spec.template);
  if (restart === 'Always') {
    problems.add(`${path}.template.spec.restartPolicy`, '"Always" is not supported in a Job (it is also the default when restartPolicy is not set): the pods must run to completion. Set restartPolicy to OnFailure or Never.');
  } else if (restart === 'OnFailure' && set(spec.podFailurePolicy)) {
    problems.add(`${path}.template.spec.restartPolicy`, '"OnFailure" is not supported with a podFailurePolicy: the policy acts on failed pods. Set restartPolicy to Never.');
  } else if (typeof restart === 'string' && restart !== 'OnFailure' && restart !== 'Never') {
    problems.add(`${path}.template.spec.restartPolicy`, `${show(restart)} is not supported in a Job: the pods must run to completion. Set restartPolicy to OnFailure or Never.`);
  }
}

// Go: validateJobSpec, the limits of Indexed Jobs.
function validateIndexedJobLimits(spec: any, path: string, problems: Problems): void {
  const { completions, parallelism, maxFailedIndexes, backoffLimitPerIndex } = spec;
  if (completions === undefined || completions === null) {
    problems.add(`${path}.completions`, 'is required when completionMode is Indexed; set the number of indexes (e.g. 5).');
  }
  if (isInt32(parallelism) && parallelism > MAX_PARALLELISM_INDEXED) {
    problems.add(`${path}.parallelism`, `${parallelism} must be at most ${MAX_PARALLELISM_INDEXED} when completionMode is Indexed.`);
  }
  if (isInt32(completions) && isInt32(maxFailedIndexes) && maxFailedIndexes > completions) {
    problems.add(`${path}.maxFailedIndexes`, `${maxFailedIndexes} must be at most completions (${completions}).`);
  }
  if (isInt32(maxFailedIndexes) && maxFailedIndexes > MAX_FAILED_INDEXES) {
    problems.add(`${path}.maxFailedIndexes`, `${maxFailedIndexes} must be at most ${MAX_FAILED_INDEXES}.`);
  }
  if (isInt32(completions) && completions > COMPLETIONS_SOFT_LIMIT && backoffLimitPerIndex !== undefined && backoffLimitPerIndex !== null) {
    if (maxFailedIndexes === undefined || maxFailedIndexes === null) {
      problems.add(`${path}.maxFailedIndexes`, `is required when completions is above ${COMPLETIONS_SOFT_LIMIT} with backoffLimitPerIndex; set it (at most ${MAX_FAILED_INDEXES_HIGH_COMPLETIONS}).`);
    }
    if (isInt32(parallelism) && parallelism > PARALLELISM_LIMIT_HIGH_COMPLETIONS) {
      problems.add(`${path}.parallelism`, `${parallelism} must be at most ${PARALLELISM_LIMIT_HIGH_COMPLETIONS} when completions is above ${COMPLETIONS_SOFT_LIMIT} with backoffLimitPerIndex.`);
    }
    if (isInt32(maxFailedIndexes) && maxFailedIndexes > MAX_FAILED_INDEXES_HIGH_COMPLETIONS) {
      problems.add(`${path}.maxFailedIndexes`, `${maxFailedIndexes} must be at most ${MAX_FAILED_INDEXES_HIGH_COMPLETIONS} when completions is above ${COMPLETIONS_SOFT_LIMIT} with backoffLimitPerIndex.`);
    }
  }
}

// Go: IsDomainPrefixedPath (apimachinery pkg/util/validation), and the 63-character limit of managedBy.
function validateManagedBy(value: unknown, path: string, problems: Problems): void {
  if (typeof value !== 'string' || value.length === 0) {
    problems.add(path, `${show(value)} must be a domain-prefixed path such as 'example.com/my-controller'.`);
    return;
  }
  const slash = value.indexOf('/');
  const host = slash < 0 ? '' : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (host.length === 0 || rest.length === 0) {
    problems.add(path, `${show(value)} must be a domain-prefixed path such as 'example.com/my-controller'.`);
  } else {
    const r = dns1123Subdomain(host);
    if (r) {
      problems.add(path, `${show(value)} has an invalid domain ${show(host)}: it ${r}.`);
    }
    if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(rest)) {
      problems.add(path, `${show(value)} has an invalid path ${show(rest)}: use letters, digits and /-._~%!$&'()*+,;=: only.`);
    }
  }
  if (value.length > MAX_MANAGED_BY_LENGTH) {
    problems.add(path, `${show(value)} has ${value.length} characters; managedBy may have at most ${MAX_MANAGED_BY_LENGTH}.`);
  }
}

// Go: validatePodFailurePolicy (batch validation.go)
function validatePodFailurePolicy(spec: any, path: string, problems: Problems): void {
  const rules: unknown[] = Array.isArray(spec.podFailurePolicy?.rules) ? spec.podFailurePolicy.rules : [];
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) {
    problems.add(`${path}.rules`, `has ${rules.length} rules; a podFailurePolicy may have at most ${MAX_POD_FAILURE_POLICY_RULES}.`);
  }
  const podSpec = spec.template?.spec ?? {};
  const containers: any[] = [
    ...(Array.isArray(podSpec.containers) ? podSpec.containers : []),
    ...(Array.isArray(podSpec.initContainers) ? podSpec.initContainers : []),
  ];
  const names = new Set<unknown>(containers.map((c) => c?.name));
  rules.forEach((rule, i) => validatePodFailurePolicyRule(spec, rule, `${path}.rules[${i}]`, names, problems));
}

// Go: validatePodFailurePolicyRule (batch validation.go)
function validatePodFailurePolicyRule(spec: any, rule: any, path: string, names: Set<unknown>, problems: Problems): void {
  const action = rule?.action;
  if (action === undefined || action === '') {
    problems.add(`${path}.action`, `is required; use one of ${POD_FAILURE_POLICY_ACTIONS.join(', ')}.`);
  } else if (action === 'FailIndex') {
    if (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null) {
      problems.add(`${path}.action`, '"FailIndex" requires backoffLimitPerIndex; set backoffLimitPerIndex (and completionMode Indexed) or use another action.');
    }
  } else if (!POD_FAILURE_POLICY_ACTIONS.includes(action)) {
    problems.add(`${path}.action`, `${show(action)} is not supported; use one of ${POD_FAILURE_POLICY_ACTIONS.join(', ')}.`);
  }
  const onExitCodes = rule?.onExitCodes;
  const onPodConditions: unknown[] = Array.isArray(rule?.onPodConditions) ? rule.onPodConditions : [];
  if (onExitCodes !== undefined && onExitCodes !== null) {
    validateOnExitCodes(onExitCodes, `${path}.onExitCodes`, names, problems);
  }
  if (onPodConditions.length > 0) {
    validateOnPodConditions(onPodConditions, `${path}.onPodConditions`, problems);
  }
  const hasExit = onExitCodes !== undefined && onExitCodes !== null;
  if (hasExit && onPodConditions.length > 0) {
    problems.add(path, 'has both onExitCodes and onPodConditions; a rule may have only one. Split it into two rules.');
  }
  if (!hasExit && onPodConditions.length === 0) {
    problems.add(path, 'has neither onExitCodes nor onPodConditions; a rule needs one of them.');
  }
}

// Go: validatePodFailurePolicyRuleOnPodConditions (batch validation.go)
function validateOnPodConditions(patterns: unknown[], path: string, problems: Problems): void {
  if (patterns.length > MAX_ON_POD_CONDITIONS_PATTERNS) {
    problems.add(path, `has ${patterns.length} patterns; at most ${MAX_ON_POD_CONDITIONS_PATTERNS} are allowed.`);
  }
  patterns.forEach((p: any, j) => {
    // A missing or null type is "" to the decoder.
    const type = p?.type ?? '';
    const r = typeof type === 'string' ? qualifiedName(type) : 'must be a string';
    if (r) {
      problems.add(`${path}[${j}].type`, `${show(type)} is not a valid condition type: it ${r}; condition types look like 'DisruptionTarget'.`);
    }
    if (!['True', 'False', 'Unknown'].includes(p?.status)) {
      problems.add(`${path}[${j}].status`, `${show(p?.status)} is not supported; use True, False or Unknown.`);
    }
  });
}

// Go: validatePodFailurePolicyRuleOnExitCodes (batch validation.go)
function validateOnExitCodes(req: any, path: string, names: Set<unknown>, problems: Problems): void {
  const op = req?.operator;
  if (op === undefined || op === '') {
    problems.add(`${path}.operator`, 'is required; use In or NotIn.');
  } else if (op !== 'In' && op !== 'NotIn') {
    problems.add(`${path}.operator`, `${show(op)} is not supported; use In or NotIn.`);
  }
  if (req?.containerName !== undefined && req?.containerName !== null && !names.has(req.containerName)) {
    problems.add(`${path}.containerName`, `${show(req.containerName)} names no container or init container of the pod template; use one of ${[...names].map((n) => show(n)).join(', ')}.`);
  }
  const values: unknown[] = Array.isArray(req?.values) ? req.values : [];
  if (values.length === 0) {
    problems.add(`${path}.values`, 'needs at least one exit code.');
  } else if (values.length > MAX_ON_EXIT_CODES_VALUES) {
    problems.add(`${path}.values`, `has ${values.length} exit codes; at most ${MAX_ON_EXIT_CODES_VALUES} are allowed.`);
  }
  const seen = new Set<unknown>();
  let ordered = true;
  values.forEach((v, j) => {
    if (op === 'In' && v === 0) {
      problems.add(`${path}.values[${j}]`, '0 may not be used with the In operator: exit code 0 is success. Remove it.');
    }
    if (seen.has(v)) {
      problems.add(`${path}.values[${j}]`, `${show(v)} is listed twice; list each exit code once.`);
    }
    seen.add(v);
    if (j > 0 && (values[j - 1] as number) > (v as number)) {
      ordered = false;
    }
  });
  if (!ordered) {
    problems.add(`${path}.values`, `${show(values)} must be in increasing order.`);
  }
}

// Go: validatePodReplacementPolicy (batch validation.go)
function validatePodReplacementPolicy(spec: any, path: string, problems: Problems): void {
  const v = spec.podReplacementPolicy;
  if (v === undefined || v === null) {
    return;
  }
  if (spec.podFailurePolicy !== undefined && spec.podFailurePolicy !== null) {
    if (v !== 'Failed') {
      problems.add(path, `${show(v)} is not supported with a podFailurePolicy; use Failed (or omit it).`);
    }
  } else if (v !== 'Failed' && v !== 'TerminatingOrFailed') {
    problems.add(path, `${show(v)} is not supported; use Failed or TerminatingOrFailed.`);
  }
}

// Go: validateSuccessPolicy (batch validation.go)
function validateSuccessPolicy(spec: any, path: string, problems: Problems): void {
  const rules: unknown[] = Array.isArray(spec.successPolicy?.rules) ? spec.successPolicy.rules : [];
  if (rules.length === 0) {
    problems.add(`${path}.rules`, 'needs at least one rule when successPolicy is set; add a rule (succeededIndexes or succeededCount) or remove successPolicy.');
  }
  if (rules.length > MAX_SUCCESS_POLICY_RULES) {
    problems.add(`${path}.rules`, `has ${rules.length} rules; at most ${MAX_SUCCESS_POLICY_RULES} are allowed.`);
  }
  rules.forEach((rule, i) => validateSuccessPolicyRule(spec, rule, `${path}.rules[${i}]`, problems));
}

// Go: validateSuccessPolicyRule (batch validation.go)
function validateSuccessPolicyRule(spec: any, rule: any, path: string, problems: Problems): void {
  const count = rule?.succeededCount;
  const indexes = rule?.succeededIndexes;
  const set = (v: unknown) => v !== undefined && v !== null;
  if (!set(count) && !set(indexes)) {
    problems.add(path, 'needs succeededCount or succeededIndexes (or both).');
  }
  const completions = isInt32(spec.completions) ? spec.completions : undefined;
  let total = 0;
  if (set(indexes)) {
    const text = String(indexes);
    if (text.length > MAX_SUCCEEDED_INDEXES_LENGTH) {
      problems.add(`${path}.succeededIndexes`, `has ${text.length} characters; at most ${MAX_SUCCEEDED_INDEXES_LENGTH} are allowed.`);
    }
    if (completions !== undefined) {
      const parsed = parseIndexes(text, completions);
      if (typeof parsed === 'string') {
        problems.add(`${path}.succeededIndexes`, `${show(indexes)} is not a valid list of indexes: ${parsed}. Write increasing indexes and ranges below completions, e.g. '0,2-4'.`);
      } else {
        total = parsed;
      }
    }
  }
  if (set(count)) {
    nonNegative(count, `${path}.succeededCount`, problems);
    if (completions !== undefined && isInt(count) && count > completions) {
      problems.add(`${path}.succeededCount`, `${count} must be at most ${completions} (the number of completions).`);
    }
    if (set(indexes) && isInt(count) && count > total) {
      problems.add(`${path}.succeededCount`, `${count} must be at most ${total} (the number of indexes in succeededIndexes).`);
    }
  }
}

// Go: validateIndexesFormat, parseIndexInterval (batch validation.go): returns the number of
// indexes, or the reason the text is not valid.
function parseIndexes(text: string, completions: number): number | string {
  if (text.length === 0) {
    return 0;
  }
  let last: number | undefined;
  let total = 0;
  for (const interval of text.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) {
      return `the fragment ${show(interval)} has more than two parts separated by '-'`;
    }
    const nums: number[] = [];
    for (const l of limits) {
      if (!/^[+-]?[0-9]+$/.test(l)) {
        return `${show(l)} is not an integer`;
      }
      const n = Number(l);
      if (n >= completions) {
        return `index ${show(l)} is not below completions (${completions})`;
      }
      nums.push(n);
    }
    const [x, y] = nums.length === 2 ? nums : [nums[0], nums[0]];
    if (nums.length === 2 && x >= y) {
      return `the range ${show(interval)} does not increase`;
    }
    if (last !== undefined && last >= x) {
      return `${x} does not come after ${last}`;
    }
    total += y - x + 1;
    last = y;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// CronJob
// ---------------------------------------------------------------------------------------------

/** The batch/v1 defaults of a CronJob, in place (its job template gets no Job defaults, only the pod's). */
// Go: SetDefaults_CronJob (pkg/apis/batch/v1/defaults.go)
export function defaultCronJob(cronJob: any): void {
  resetGeneration(cronJob);
  const spec = (cronJob.spec = zeroIfUnset(cronJob.spec));
  if (spec.concurrencyPolicy === undefined || spec.concurrencyPolicy === '') {
    spec.concurrencyPolicy = 'Allow';
  }
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const jobSpec = spec.jobTemplate?.spec;
  if (isObject(jobSpec)) {
    defaultJobSpecFields(jobSpec);
    defaultTemplate(jobSpec.template);
  }
}

/** Checks a CronJob on create, after `defaultCronJob`. */
// Go: ValidateCronJobCreate (batch validation.go)
export function validateCronJob(cronJob: any, problems: Problems): void {
  validateObjectMeta(cronJob.metadata, 'metadata', problems);
  const created = createdName(cronJob.metadata);
  // The controller names each Job <cronjob name>-<11 characters>; a Job name has at most 63.
  if (created && created.name.length > 52) {
    problems.add(created.path, `${created.shown} has ${created.name.length} characters; a CronJob name may have at most 52, since each Job it creates is named after it plus an 11-character suffix. ${created.shorter}`);
  }
  validateCronJobSpec(isObject(cronJob.spec) ? cronJob.spec : {}, 'spec', problems);
  validateCronJobJobs(cronJob, created, problems);
}

/**
 * This library's contract: what the API server accepts in a CronJob but rejects in every Job the
 * CronJob creates. Each Job takes `jobTemplate.metadata`'s labels and annotations and the name
 * `<cronjob name>-<minutes since the epoch>` (Go: getJobFromTemplate2 and getJobName,
 * pkg/controller/cronjob/utils.go), and is then checked by ValidateJob: its labels and
 * annotations (ValidateObjectMeta), the job-name labels of its pod template, which must be the
 * Job's name (validateGeneratedSelector), and the hostnames of an Indexed Job.
 */
// Go: getJobFromTemplate2 (pkg/controller/cronjob/utils.go), then ValidateJob on the Job it builds
function validateCronJobJobs(cronJob: any, created: ReturnType<typeof createdName>, problems: Problems): void {
  const template = cronJob.spec?.jobTemplate;
  if (!isObject(template)) {
    return;
  }
  const contract = '(the API server accepts the CronJob, then rejects every Job it creates; this library\'s contract)';
  if (isObject(template.metadata)) {
    const meta = new Problems();
    validateLabels(template.metadata.labels, 'spec.jobTemplate.metadata.labels', meta);
    validateAnnotations(template.metadata.annotations, 'spec.jobTemplate.metadata.annotations', meta);
    for (const m of meta.messages) {
      problems.add('', `${m.replace(/\.$/, '')} ${contract}.`);
    }
  }
  const spec = isObject(template.spec) ? template.spec : {};
  const labels = labelsOf(spec.template);
  const path = 'spec.jobTemplate.spec.template.metadata.labels';
  for (const key of [LEGACY_JOB_NAME, JOB_NAME]) {
    if (key in labels) {
      problems.add(keyPath(path, key), `${show(labels[key])} is set, but it must be the name of each Job, which the CronJob controller generates (<cronjob name>-<minutes since the epoch>) ${contract}; remove the label: Kubernetes sets it.`);
    }
  }
  for (const key of [LEGACY_CONTROLLER_UID, CONTROLLER_UID]) {
    if (key in labels) {
      problems.add(keyPath(path, key), `${show(labels[key])} is set, but it must be the uid of each Job the CronJob creates, which Kubernetes generates ${contract}; remove the label: Kubernetes sets it.`);
    }
  }
  if (created) {
    // A stand-in for the minutes since the epoch: 8 digits from 1970-03 to 2160.
    const job = `${created.name}-29000000`;
    const bad = indexedHostname(spec, job);
    if (bad) {
      const field = created.path === 'metadata.generateName' ? 'generateName' : 'name';
      problems.add(created.path, `${created.shown} names the Jobs it creates (like ${show(job)}), and the job controller makes <job name>-<index> the hostname of each pod of an Indexed Job (${show(bad.hostname)}), `
        + (bad.dotOnly
          ? `a DNS-1123 label without dots; rename the CronJob without dots (e.g. ${field} ${show(writtenName(cronJob.metadata, created.path).replace(/\./g, '-'))})`
          : `which ${bad.problem}${bad.dot ? ', and without dots' : ''}; use a shorter ${field} or fewer completions`)
        + ` ${contract}.`);
    }
  }
}

// Go: validateCronJobSpec (batch validation.go)
function validateCronJobSpec(spec: any, path: string, problems: Problems): void {
  if (typeof spec.schedule !== 'string' || spec.schedule.length === 0) {
    problems.add(`${path}.schedule`, "is required; write a cron schedule such as '*/5 * * * *' or '@hourly'.");
  } else {
    validateScheduleFormat(spec.schedule, `${path}.schedule`, problems);
  }
  nonNegative(spec.startingDeadlineSeconds, `${path}.startingDeadlineSeconds`, problems);
  validateTimeZone(spec.timeZone, `${path}.timeZone`, problems);
  const policy = spec.concurrencyPolicy;
  if (!['Allow', 'Forbid', 'Replace'].includes(policy)) {
    problems.add(`${path}.concurrencyPolicy`, `${show(policy)} is not supported; use Allow, Forbid or Replace.`);
  }
  validateJobTemplateSpec(spec.jobTemplate ?? {}, `${path}.jobTemplate`, problems);
  nonNegative(spec.successfulJobsHistoryLimit, `${path}.successfulJobsHistoryLimit`, problems);
  nonNegative(spec.failedJobsHistoryLimit, `${path}.failedJobsHistoryLimit`, problems);
}

// Go: ValidateJobTemplateSpec (batch validation.go): the job spec, with a selector left to Kubernetes.
function validateJobTemplateSpec(template: any, path: string, problems: Problems): void {
  const spec = isObject(template.spec) ? template.spec : {};
  validateJobSpecFields(spec, `${path}.spec`, problems);
  // The Job's generated selector labels come when the CronJob creates it (generateSelector).
  validatePodTemplateSpec(spec.template, `${path}.spec.template`, problems,
    [CONTROLLER_UID, LEGACY_CONTROLLER_UID, JOB_NAME, LEGACY_JOB_NAME, ...(spec.completionMode === 'Indexed' ? [JOB_COMPLETION_INDEX] : [])]);
  if (spec.selector !== undefined && spec.selector !== null) {
    problems.add(`${path}.spec.selector`, `${show(spec.selector)} may not be set: Kubernetes generates the selector of every Job a CronJob creates. Remove it.`);
  }
  if (spec.manualSelector === true) {
    problems.add(`${path}.spec.manualSelector`, 'true is not supported in a CronJob: Kubernetes generates the selector of every Job it creates. Remove manualSelector.');
  }
}

// Go: validateScheduleFormat (batch validation.go): cron.ParseStandard, and no TZ in the schedule on create.
function validateScheduleFormat(schedule: string, path: string, problems: Problems): void {
  const err = parseStandardCron(schedule);
  if (err) {
    problems.add(path, `${show(schedule)} is not a valid cron schedule: ${err}. Write five fields (minute hour day-of-month month day-of-week, e.g. '*/5 * * * *') or a descriptor such as '@hourly'.`);
  }
  if (schedule.includes('TZ')) {
    problems.add(path, `${show(schedule)} may not use TZ or CRON_TZ; set the timeZone field instead (e.g. timeZone: 'Etc/UTC').`);
  }
}

// https://data.iana.org/time-zones/theory.html#naming, as the batch validation reads it.
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

// Go: validateTimeZone (batch validation.go)
function validateTimeZone(tz: unknown, path: string, problems: Problems): void {
  if (tz === undefined || tz === null) {
    return;
  }
  if (typeof tz !== 'string' || tz.length === 0) {
    problems.add(path, `${show(tz)} must be a time zone name such as 'Etc/UTC' or 'Europe/Berlin', or left out for the controller's time zone.`);
    return;
  }
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      problems.add(path, `${show(tz)} is an unknown time zone; use an IANA name such as 'Etc/UTC' or 'America/New_York'.`);
      return;
    }
  }
  if (tz.toLowerCase() === 'local') {
    problems.add(path, `${show(tz)} is not an explicit time zone; use an IANA name such as 'Etc/UTC' (or leave timeZone out for the controller's time zone).`);
  }
  if (hostZoneFile(tz)) {
    problems.add(path, `${show(tz)} is a file of some hosts' zoneinfo directory, not an IANA time zone name: an API server finds it only on such a host, and one that reads Go's embedded database rejects it (this library's contract); use the IANA name${tz.includes('/') && !tz.endsWith('/') ? ` ${show(tz.slice(tz.indexOf('/') + 1))}` : ", e.g. 'Europe/Berlin'"}.`);
  } else if (!loadLocation(tz)) {
    problems.add(path, `${show(tz)} is an unknown time zone; use an IANA name such as 'Etc/UTC' or 'America/New_York'.`);
  }
}

let zones: Set<string> | undefined;

/**
 * Go: `time.LoadLocation`, which finds a name in the IANA database: the host's
 * /usr/share/zoneinfo, else the copy Go embeds (kube-apiserver imports time/tzdata). Both hold
 * the zones and links of tzdata (aliases such as US/Pacific and Factory included), looked up
 * case-sensitively; this is that list (src/validation/time-zones.ts, scripts/gen-time-zones.js).
 * Node's ICU is not: it knows names tzdata removed (SystemV/AST4, US/Pacific-New) and not Factory.
 */
// Go: LoadLocation (time/zoneinfo.go)
function loadLocation(name: string): boolean {
  if (name === 'UTC' || name === 'Local') {
    return true;
  }
  if (!zones) {
    zones = new Set(TIME_ZONE_NAMES.split(' '));
  }
  return zones.has(name);
}

/**
 * Names some hosts' zoneinfo directories hold besides the IANA names (Debian's posix/ and right/
 * copies, posixrules, the localtime link): an API server finds them only on such a host.
 */
function hostZoneFile(name: string): boolean {
  return name === 'posixrules' || name === 'localtime' || name.startsWith('posix/') || name.startsWith('right/');
}

/** math.MaxInt64. */
const INT64_MAX = BigInt('9223372036854775807');


// robfig/cron/v3 bounds of each field.
interface CronBounds { readonly min: number; readonly max: number; readonly names?: { [name: string]: number } }
const MINUTES: CronBounds = { min: 0, max: 59 };
const HOURS: CronBounds = { min: 0, max: 23 };
const DOM: CronBounds = { min: 1, max: 31 };
const MONTHS: CronBounds = { min: 1, max: 12, names: Object.fromEntries(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1])) };
const DOW: CronBounds = { min: 0, max: 6, names: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d, i) => [d, i])) };
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/**
 * Parses a schedule as robfig/cron/v3 `ParseStandard` does (minute, hour, day of month, month,
 * day of week; descriptors; `TZ=`/`CRON_TZ=` prefix); returns its error text, or undefined.
 */
// Go: ParseStandard (github.com/robfig/cron/v3 parser.go)
export function parseStandardCron(input: string): string | undefined {
  let spec = input;
  if (spec.length === 0) {
    return 'empty spec string';
  }
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    if (space < 0) {
      return 'a TZ= or CRON_TZ= prefix must be followed by a space and the schedule';
    }
    const zone = spec.slice(eq + 1, space);
    if (!loadLocation(zone)) {
      return `provided bad location ${zone}: unknown time zone ${zone}`;
    }
    spec = goTrimSpace(spec.slice(space));
  }
  if (spec.startsWith('@')) {
    return parseDescriptor(spec);
  }
  // strings.Fields
  const fields = spec.split(GO_SPACE).filter((f) => f.length > 0);
  if (fields.length !== 5) {
    return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  }
  const bounds = [MINUTES, HOURS, DOM, MONTHS, DOW];
  for (let i = 0; i < 5; i++) {
    const err = getField(fields[i], bounds[i]);
    if (err) {
      return err;
    }
  }
  return undefined;
}

// Go: parseDescriptor (robfig/cron/v3 parser.go)
function parseDescriptor(spec: string): string | undefined {
  if (DESCRIPTORS.includes(spec)) {
    return undefined;
  }
  const every = '@every ';
  if (spec.startsWith(every)) {
    const err = parseDuration(spec.slice(every.length));
    return err ? `failed to parse duration ${spec}: ${err}` : undefined;
  }
  return `unrecognized descriptor: ${spec}`;
}

// Go: getField (robfig/cron/v3 parser.go): comma-separated ranges (empty parts are skipped).
function getField(field: string, r: CronBounds): string | undefined {
  for (const expr of field.split(',').filter((e) => e.length > 0)) {
    const err = getRange(expr, r);
    if (err) {
      return err;
    }
  }
  return undefined;
}

// Go: getRange (robfig/cron/v3 parser.go): number | number "-" number [ "/" number ], "*" or "?".
function getRange(expr: string, r: CronBounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const single = lowAndHigh.length === 1;
  // Exactly, in BigInt: a message quotes the number as Go prints it (99999999999999999, not 1e17).
  const min = BigInt(r.min);
  const max = BigInt(r.max);
  let start: bigint;
  let end: bigint;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = min;
    end = max;
  } else {
    const s = parseIntOrName(lowAndHigh[0], r.names);
    if (typeof s === 'string') {
      return s;
    }
    start = s;
    if (lowAndHigh.length === 1) {
      end = start;
    } else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1], r.names);
      if (typeof e === 'string') {
        return e;
      }
      end = e;
    } else {
      return `too many hyphens: ${expr}`;
    }
  }
  let step = BigInt(1);
  if (rangeAndStep.length === 2) {
    const s = mustParseInt(rangeAndStep[1]);
    if (typeof s === 'string') {
      return s;
    }
    step = s;
    // "N/step" means "N-max/step".
    if (single) {
      end = max;
    }
  } else if (rangeAndStep.length > 2) {
    return `too many slashes: ${expr}`;
  }
  if (start < min) {
    return `beginning of range (${start}) below minimum (${r.min}): ${expr}`;
  }
  if (end > max) {
    return `end of range (${end}) above maximum (${r.max}): ${expr}`;
  }
  if (start > end) {
    return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  }
  if (step === BigInt(0)) {
    return `step of range should be a positive number: ${expr}`;
  }
  return undefined;
}

// Go: parseIntOrName (robfig/cron/v3 parser.go)
function parseIntOrName(expr: string, names?: { [name: string]: number }): bigint | string {
  if (names && Object.prototype.hasOwnProperty.call(names, goToLower(expr))) {
    return BigInt(names[goToLower(expr)]);
  }
  return mustParseInt(expr);
}

// Go: mustParseInt (robfig/cron/v3 parser.go), with strconv.Atoi (a 64-bit int).
function mustParseInt(expr: string): bigint | string {
  if (!/^[+-]?[0-9]+$/.test(expr)) {
    return `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`;
  }
  // Exactly, in BigInt: a Number rounds 9223372036854775808 (2^63, out of range) to 2^63 - 1's neighbour.
  const exact = BigInt(expr.startsWith('+') ? expr.slice(1) : expr);
  if (exact > INT64_MAX || exact < -INT64_MAX - BigInt(1)) {
    return `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`;
  }
  if (exact < BigInt(0)) {
    return `negative number (${exact}) not allowed: ${expr}`;
  }
  return exact;
}

/** Go's time unitMap: nanoseconds per unit. */
const DURATION_UNITS = new Map<string, bigint>([
  ['ns', BigInt(1)],
  ['us', BigInt(1e3)],
  ['\u00b5s', BigInt(1e3)], // U+00B5 micro sign
  ['\u03bcs', BigInt(1e3)], // U+03BC Greek mu
  ['ms', BigInt(1e6)],
  ['s', BigInt(1e9)],
  ['m', BigInt(60e9)],
  ['h', BigInt(3600e9)],
]);

const TWO_63 = BigInt(2) ** BigInt(63);
const TWO_64 = BigInt(2) ** BigInt(64);

// Go: time.ParseDuration (time/format.go): a sign, then numbers (digits, an optional fraction) each
// with a unit, or "0"; the sum in uint64 nanoseconds, refused past 2^63 (2^63 - 1 unless negative).
function parseDuration(input: string): string | undefined {
  const invalid = `time: invalid duration ${goTimeQuote(input)}`;
  let s = input;
  const neg = s.startsWith('-');
  if (neg || s.startsWith('+')) {
    s = s.slice(1);
  }
  if (s === '0') {
    return undefined;
  }
  if (s === '') {
    return invalid;
  }
  let d = BigInt(0);
  while (s.length > 0) {
    const m = /^([0-9]*)(\.([0-9]*))?/.exec(s)!;
    if (m[1] === '' && (m[3] === undefined || m[3] === '')) {
      return invalid; // no digits (".s"), or not [0-9.]
    }
    // leadingInt: an integer part past 2^63 is an error.
    const v0 = m[1] === '' ? BigInt(0) : BigInt(m[1]);
    if (v0 > TWO_63) {
      return invalid;
    }
    s = s.slice(m[0].length);
    let i = 0;
    while (i < s.length && s[i] !== '.' && !(s[i] >= '0' && s[i] <= '9')) {
      i++;
    }
    const unitName = s.slice(0, i);
    if (unitName === '') {
      return `time: missing unit in duration ${goTimeQuote(input)}`;
    }
    const unit = DURATION_UNITS.get(unitName);
    if (unit === undefined) {
      return `time: unknown unit ${goTimeQuote(unitName)} in duration ${goTimeQuote(input)}`;
    }
    s = s.slice(i);
    if (v0 > TWO_63 / unit) {
      return invalid;
    }
    let v = v0 * unit;
    const [f, scale] = leadingFraction(m[3] ?? '');
    if (f > BigInt(0)) {
      // As Go: v += uint64(float64(f) * (float64(unit) / scale)), in float64.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) {
        return invalid;
      }
    }
    d = (d + v) % TWO_64; // uint64: 2^63 + 2^63 wraps to 0, which Go accepts
    if (d > TWO_63) {
      return invalid;
    }
  }
  return !neg && d > TWO_63 - BigInt(1) ? invalid : undefined;
}

// Go: time.quote (time/format.go): in double quotes, `"` and `\` escaped, and each byte of a
// character outside ASCII or below a space as \xNN.
function goTimeQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    if (c < ' ' || c.codePointAt(0)! >= 0x80) {
      for (const b of Buffer.from(c, 'utf8')) {
        out += `\\x${b.toString(16).padStart(2, '0')}`;
      }
    } else {
      out += c === '"' || c === '\\' ? `\\${c}` : c;
    }
  }
  return `${out}"`;
}

// Go: time.leadingFraction (time/format.go): the fraction's digits as an integer and 10^(their count), without
// accumulating precision once the integer would pass 2^63 - 1 (no error).
function leadingFraction(digits: string): [bigint, number] {
  let x = BigInt(0);
  let scale = 1;
  let overflow = false;
  for (const c of digits) {
    if (overflow) {
      continue;
    }
    if (x > (TWO_63 - BigInt(1)) / BigInt(10)) {
      overflow = true;
      continue;
    }
    const y = x * BigInt(10) + BigInt(c.charCodeAt(0) - 48);
    if (y > TWO_63) {
      overflow = true;
      continue;
    }
    x = y;
    scale *= 10;
  }
  return [x, scale];
}
