/**
 * Pod specs. Go: `ValidatePodSpec` and the pod-level checks it makes.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { checkName, MAX_INT32 } from './common';
import { checkHostPortConflicts, validateContainer } from './container';
import { validateLabels } from './metadata';
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

/**
 * Checks a pod spec: volumes, containers, init containers, mounts, ports, env, resources,
 * probes and the pod-level fields. Go: `ValidatePodSpec`.
 *
 * @param owner whether the spec is a bare Pod's or a pod template's; by default inferred from
 * the path (`spec` is a Pod).
 */
export function validatePodSpec(spec: any, path: string, problems: Problems, owner?: PodSpecOwner): void {
  const isPod = (owner ?? (path === 'spec' ? PodSpecOwner.POD : PodSpecOwner.TEMPLATE)) === PodSpecOwner.POD;
  const containers: any[] = Array.isArray(spec.containers) ? spec.containers : [];
  const initContainers: any[] = Array.isArray(spec.initContainers) ? spec.initContainers : [];

  const volumeNames = validateVolumes(Array.isArray(spec.volumes) ? spec.volumes : [], `${path}.volumes`, problems);

  // validateContainers: `if len(containers) == 0 { Required }`.
  if (containers.length === 0) {
    problems.add(`${path}.containers`, 'a pod needs at least one main container; add one.');
  }

  // validateContainers + validateInitContainers: names are unique across init and main containers.
  const containerNames = new Map<string, string>();
  const all: Array<[any, string, boolean]> = [
    ...initContainers.map((c, i): [any, string, boolean] => [c, `${path}.initContainers[${i}]`, true]),
    ...containers.map((c, i): [any, string, boolean] => [c, `${path}.containers[${i}]`, false]),
  ];
  for (const [c, cpath, isInit] of all) {
    checkName(c?.name, `${cpath}.name`, 'container', problems);
    if (typeof c?.name === 'string' && c.name.length > 0) {
      const previous = containerNames.get(c.name);
      if (previous) {
        problems.add(`${cpath}.name`, `container name ${show(c.name)} is already used by ${previous}; give each container (init and main) a unique name.`);
      } else {
        containerNames.set(c.name, cpath);
      }
    }
    validateContainer(c ?? {}, cpath, isInit, isPod, volumeNames, spec.hostNetwork === true, problems);
  }

  // validateContainers -> checkHostPortConflicts: main containers share one set of host ports
  // (init containers run one at a time, so each is checked on its own).
  checkHostPortConflicts(containers.map((c, i) => [c, `${path}.containers[${i}]`]), problems);
  initContainers.forEach((c, i) => checkHostPortConflicts([[c, `${path}.initContainers[${i}]`]], problems));

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
