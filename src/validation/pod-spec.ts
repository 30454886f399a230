/**
 * Pod specs. Go: `ValidatePodSpec` and the pod-level checks it makes.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { MAX_INT32 } from './common';
import { defaultContainer, validateContainers } from './container';
import { validateLabels, validateObjectMeta } from './metadata';
import { dns1123Label, dns1123Subdomain } from './names';
import { validateVolumes } from './volumes';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

/** Which object a pod spec belongs to: a bare Pod has a few more checks than a pod template. */
export enum PodSpecOwner {
  /** A bare Pod (`spec`). */
  POD = 'Pod',
  /** The pod template of a workload such as a Deployment (`spec.template.spec`). */
  TEMPLATE = 'PodTemplate',
}

// Go: ValidatePodSpec (validation.go)
/**
 * Checks a pod spec: volumes, containers, init containers, mounts, ports, env, resources,
 * probes and the pod-level fields. Go: `ValidatePodSpec`.
 *
 * @param owner whether the spec is a bare Pod's or a pod template's; by default inferred from
 * the path (`spec` is a Pod).
 */
export function validatePodSpec(spec: any, path: string, problems: Problems, owner?: PodSpecOwner): void {
  const isPod = (owner ?? (path === 'spec' ? PodSpecOwner.POD : PodSpecOwner.TEMPLATE)) === PodSpecOwner.POD;
  const volumes: any[] = Array.isArray(spec.volumes) ? spec.volumes : [];
  const volumeNames = validateVolumes(volumes, `${path}.volumes`, problems);
  validateContainers(spec, path, problems, { isPod, volumeNames });
  validatePodFields(spec, path, problems);
}

/** Go: `ValidatePodSpec` (the pod-level fields besides containers and volumes). */
function validatePodFields(spec: any, path: string, problems: Problems): void {
  // validateRestartPolicy
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    problems.add(`${path}.restartPolicy`, `${show(spec.restartPolicy)} is not supported; use one of ${RESTART_POLICIES.join(', ')}.`);
  }
  // validateDNSPolicy
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    problems.add(`${path}.dnsPolicy`, `${show(spec.dnsPolicy)} is not supported; use one of ${DNS_POLICIES.join(', ')}.`);
  }
  // unversionedvalidation.ValidateLabels(spec.NodeSelector)
  if (spec.nodeSelector !== undefined) {
    validateLabels(spec.nodeSelector, `${path}.nodeSelector`, problems);
  }
  // ValidateServiceAccountName, ValidateNodeName, ValidatePriorityClassName (NameIsDNSSubdomain).
  for (const field of ['serviceAccountName', 'nodeName', 'priorityClassName']) {
    const v = spec[field];
    if (typeof v === 'string' && v.length > 0) {
      const r = dns1123Subdomain(v);
      if (r) {
        problems.add(`${path}.${field}`, `${show(v)} is invalid: it ${r}.`);
      }
    }
  }
  // ValidateDNS1123Label(spec.Hostname / spec.Subdomain)
  for (const field of ['hostname', 'subdomain']) {
    const v = spec[field];
    if (typeof v === 'string' && v.length > 0) {
      const r = dns1123Label(v);
      if (r) {
        problems.add(`${path}.${field}`, `${show(v)} is invalid: it ${r}.`);
      }
    }
  }
  // activeDeadlineSeconds: InclusiveRangeError(1, math.MaxInt32)
  const ads = spec.activeDeadlineSeconds;
  if (ads !== undefined && (!Number.isInteger(ads) || ads < 1 || ads > MAX_INT32)) {
    problems.add(`${path}.activeDeadlineSeconds`, `${show(ads)} must be between 1 and ${MAX_INT32}, inclusive.`);
  }
}

// Go: SetDefaults_PodSpec (pkg/apis/core/v1/defaults.go) and the defaults of what a pod spec holds
// (SetObjectDefaults_Pod walks containers, volumes, probes, ...). In place, on a copy.
export function defaultPodSpec(spec: any): void {
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if (c && typeof c === 'object') {
      defaultContainer(c);
    }
  }
}

// Go: SetDefaults_Pod, then the pod spec's defaults.
export function defaultPod(pod: any): void {
  if (pod.spec && typeof pod.spec === 'object') {
    defaultPodSpec(pod.spec);
  }
}

// Go: ValidatePodCreate (validation.go): ValidatePodSpec with the Pod's own metadata and the
// checks that apply to bare Pods only.
export function validatePodCreate(pod: any, problems: Problems): void {
  validateObjectMeta(pod.metadata, 'metadata', problems);
  validatePodSpec(pod.spec ?? {}, 'spec', problems, PodSpecOwner.POD);
}

// Go: ValidatePodTemplateSpec (validation.go): the template's labels and annotations, then its spec.
export function validatePodTemplateSpec(template: any, path: string, problems: Problems): void {
  if (template?.metadata !== undefined) {
    validateLabels(template.metadata.labels, `${path}.metadata.labels`, problems);
  }
  validatePodSpec(template?.spec ?? {}, `${path}.spec`, problems, PodSpecOwner.TEMPLATE);
}
