/**
 * Pods and pod specs. Go: `ValidatePodCreate`, `validatePodMetadataAndSpec`, `ValidatePodSpec`,
 * `ValidatePodTemplateSpec` and the pod-level checks of `pkg/apis/core/validation/validation.go`;
 * `SetDefaults_Pod` / `SetDefaults_PodSpec` (`pkg/apis/core/v1/defaults.go`); the create
 * preparation of `pkg/registry/core/pod/strategy.go` and `pkg/api/pod/util.go`.
 *
 * @internal
 */
import { brief, Problems, show } from '../problems';
import { FEATURE_GATES_1_32, goTrimSpace, isInteger, isSet, MAX_INT32 } from './common';
import { defaultContainer, validateContainers } from './container';
import { decodeGoStructList, GoJson, GoStruct, parseGoJson } from './go-json';
import { validateAnnotations, validateFinalizers, validateLabels, validateObjectMeta } from './metadata';
import { dns1123Label, dns1123Subdomain, nameIsDNSSubdomain, validIP } from './names';
import { isQuantity } from './quantity';
import { validateContainerResourceRequirements } from './resources';
import {
  checkTemplateMatchLabelKeys, mutatePodAffinity, validateAffinity, validateReadinessGates, validateSchedulingGates,
  validateTolerations, validateTopologySpreadConstraints,
} from './scheduling';
import { validatePodSecurityContext } from './security-context';
import { defaultVolume, localDescendingPathProblems, PodVolumes, preparePersistentVolumeClaimTemplateSpec, validateVolumes } from './volumes';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const MAX_DNS_NAMESERVERS = 3;
const MAX_DNS_SEARCH_PATHS = 32;
const MAX_DNS_SEARCH_LIST_CHARS = 2048;

const present = (v: unknown): boolean => v !== undefined && v !== null;
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): any => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined);

/** Which object a pod spec belongs to: a bare Pod has a few more checks than a pod template. */
export enum PodSpecOwner {
  /** A bare Pod (`spec`). */
  POD = 'Pod',
  /** The pod template of a workload such as a Deployment (`spec.template.spec`). */
  TEMPLATE = 'PodTemplate',
}

/** Every container of a pod spec with its path, in Go's `VisitContainersWithPath` order. */
function allContainers(spec: any, path: string): Array<[any, string]> {
  const out: Array<[any, string]> = [];
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    list(spec[field]).forEach((c, i) => out.push([obj(c) ?? {}, `${path}.${field}[${i}]`]));
  }
  return out;
}

/** What the container checks get from the pod spec (container.ts's `ContainerCheckContext` and more). */
export interface PodContainerContext {
  /** Whether the pod is a bare Pod (not a template). */
  readonly isPod: boolean;
  /** The names of the pod's volumes. */
  readonly volumeNames: Set<string>;
  /** The pod's volumes by name (image volumes forbid subPath; volumeDevices need a PVC-backed volume). */
  readonly volumes: PodVolumes;
  /** The names of `spec.resourceClaims` (`containers[].resources.claims` must name one). */
  readonly podClaimNames: Set<string>;
  /** `spec.terminationGracePeriodSeconds` (lifecycle sleep must not exceed it). */
  readonly gracePeriod: number | undefined;
  /** Whether the pod shares the host's user namespace (`procMount: Unmasked` needs false). */
  readonly hostUsers: boolean;
  /** `spec.restartPolicy` (`resizePolicy` rules). */
  readonly restartPolicy: string | undefined;
}

/**
 * Checks a pod spec as the API server does after defaulting: volumes, containers, and the
 * pod-level fields in Go's order.
 *
 * @param owner whether the spec is a bare Pod's or a pod template's; by default inferred from
 * the path (`spec` is a Pod).
 * @param podName the Pod's name (bare Pods only): ephemeral volumes create PVCs named after it.
 */
// Go: ValidatePodSpec (validation.go)
export function validatePodSpec(spec: any, path: string, problems: Problems, owner?: PodSpecOwner, podName?: string): void {
  spec = obj(spec) ?? {};
  const isPod = (owner ?? (path === 'spec' ? PodSpecOwner.POD : PodSpecOwner.TEMPLATE)) === PodSpecOwner.POD;
  const hostUsers = spec.hostUsers !== false;
  const volumes = validateVolumes(list(spec.volumes), `${path}.volumes`, problems, { podName: isPod ? podName : undefined });
  const podClaimNames = new Set<string>(list(spec.resourceClaims).map((c) => c?.name).filter(isSet));
  validatePodResourceClaims(spec.resourceClaims, `${path}.resourceClaims`, problems);
  const context: PodContainerContext = {
    isPod,
    volumeNames: new Set(volumes.keys()),
    volumes,
    podClaimNames,
    gracePeriod: isInteger(spec.terminationGracePeriodSeconds) ? spec.terminationGracePeriodSeconds : undefined,
    hostUsers,
    restartPolicy: spec.restartPolicy,
  };
  // Go: validateContainers, validateInitContainers, validateEphemeralContainers (container.ts),
  // validatePodHostNetworkDeps (container.ts validateContainerPorts: hostPort equals containerPort).
  validateContainers(spec, path, problems, context);
  // Go: validatePodResources runs only with the PodLevelResources gate (off in 1.32: preparePodSpec
  // reports spec.resources, which the API server drops).
  validateRestartPolicy(spec.restartPolicy, `${path}.restartPolicy`, problems);
  validateDNSPolicy(spec.dnsPolicy, `${path}.dnsPolicy`, problems);
  // Go: unversionedvalidation.ValidateLabels(spec.NodeSelector)
  if (spec.nodeSelector !== undefined) {
    validateLabels(spec.nodeSelector, `${path}.nodeSelector`, problems);
  }
  // Go: validatePodSpecSecurityContext (security-context.ts: validatePodSecurityContext)
  validatePodSecurityContext(spec, path, problems);
  // Go: validateImagePullSecrets: only name may be set, which the decode step already enforces.
  validateAffinity(spec.affinity, `${path}.affinity`, problems);
  validatePodDNSConfig(spec.dnsConfig, spec.dnsPolicy, `${path}.dnsConfig`, problems);
  validateReadinessGates(spec.readinessGates, `${path}.readinessGates`, problems);
  validateSchedulingGates(spec.schedulingGates, `${path}.schedulingGates`, problems);
  validateTopologySpreadConstraints(spec.topologySpreadConstraints, `${path}.topologySpreadConstraints`, problems);
  validateWindowsHostProcessPod(spec, path, problems);
  validateHostUsers(spec, path, problems);
  // Go: ValidateServiceAccountName (NameIsDNSSubdomain); the deprecated serviceAccount is its alias
  // when serviceAccountName is empty (Convert_v1_PodSpec_To_core_PodSpec).
  const saField = isSet(spec.serviceAccountName) ? 'serviceAccountName' : 'serviceAccount';
  // Go: Convert_v1_PodSpec_To_core_PodSpec (pkg/apis/core/v1/conversion.go): the internal PodSpec
  // has no field for the alias; the API server keeps serviceAccountName and writes it back as
  // serviceAccount, so another account there is dropped without a word.
  if (isSet(spec.serviceAccountName) && isSet(spec.serviceAccount) && spec.serviceAccount !== spec.serviceAccountName) {
    problems.add(`${path}.serviceAccount`, `${show(spec.serviceAccount)} is the deprecated alias of serviceAccountName, which names ${show(spec.serviceAccountName)}: `
      + `the API server keeps serviceAccountName and drops this value without a word (Convert_v1_PodSpec_To_core_PodSpec), so the pod would not run as ${show(spec.serviceAccount)}; `
      + 'remove serviceAccount, or set both to the account you mean (this library\'s contract).');
  }
  for (const [field, value] of [[saField, spec[saField]], ['nodeName', spec.nodeName]]) {
    if (isSet(value)) {
      const r = dns1123Subdomain(value);
      if (r) {
        problems.add(`${path}.${field}`, `${show(value)} is invalid: it ${r}.`);
      }
    }
  }
  // ValidateDNS1123Label(spec.Hostname / spec.Subdomain)
  for (const field of ['hostname', 'subdomain']) {
    const v = spec[field];
    if (isSet(v)) {
      const r = dns1123Label(v);
      if (r) {
        problems.add(`${path}.${field}`, `${show(v)} is invalid: it ${r}.`);
      }
    }
  }
  // activeDeadlineSeconds: InclusiveRangeError(1, math.MaxInt32)
  const ads = spec.activeDeadlineSeconds;
  if (present(ads) && (!Number.isInteger(ads) || ads < 1 || ads > MAX_INT32)) {
    problems.add(`${path}.activeDeadlineSeconds`, `${show(ads)} must be between 1 and ${MAX_INT32}, inclusive.`);
  }
  validateTolerations(spec.tolerations, `${path}.tolerations`, problems);
  validateHostAliases(spec.hostAliases, `${path}.hostAliases`, problems);
  // Go: ValidatePriorityClassName (NameIsDNSSubdomain)
  if (isSet(spec.priorityClassName)) {
    const r = dns1123Subdomain(spec.priorityClassName);
    if (r) {
      problems.add(`${path}.priorityClassName`, `${show(spec.priorityClassName)} is invalid: it ${r}.`);
    }
  }
  // Go: ValidateRuntimeClassName (set, even empty, must be a DNS subdomain)
  if (present(spec.runtimeClassName)) {
    const r = typeof spec.runtimeClassName === 'string' ? nameIsDNSSubdomain(spec.runtimeClassName) : 'must be a string';
    if (r) {
      problems.add(`${path}.runtimeClassName`, `${show(spec.runtimeClassName)} is not a valid RuntimeClass name: it ${r}; set the name of a RuntimeClass or remove it.`);
    }
  }
  validatePreemptionPolicy(spec.preemptionPolicy, `${path}.preemptionPolicy`, problems);
  if (present(spec.overhead)) {
    validateOverhead(spec.overhead, `${path}.overhead`, problems);
  }
  if (present(spec.os)) {
    const before = problems.count;
    validateOS(spec.os, `${path}.os`, problems);
    if (problems.count === before) {
      if (spec.os.name === 'linux') {
        validateLinux(spec, path, problems);
      } else if (spec.os.name === 'windows') {
        validateWindows(spec, path, problems);
      }
    }
  }
}

// Go: validateRestartPolicy (validation.go)
function validateRestartPolicy(value: unknown, path: string, problems: Problems): void {
  if (value !== undefined && !RESTART_POLICIES.includes(value as string)) {
    problems.add(path, `${show(value)} is not supported; use one of ${RESTART_POLICIES.join(', ')}.`);
  }
}

// Go: validateDNSPolicy (validation.go)
function validateDNSPolicy(value: unknown, path: string, problems: Problems): void {
  if (value !== undefined && !DNS_POLICIES.includes(value as string)) {
    problems.add(path, `${show(value)} is not supported; use one of ${DNS_POLICIES.join(', ')}.`);
  }
}

// Go: ValidatePreemptionPolicy (validation.go)
function validatePreemptionPolicy(value: unknown, path: string, problems: Problems): void {
  if (value === undefined || value === null) {
    return;
  }
  if (value === '') {
    problems.add(path, `is required when set; use ${PREEMPTION_POLICIES.join(' or ')}, or remove it.`);
  } else if (!PREEMPTION_POLICIES.includes(value as string)) {
    problems.add(path, `${show(value)} is not supported; use ${PREEMPTION_POLICIES.join(' or ')}.`);
  }
}

/**
 * dnsPolicy None needs a dnsConfig with a nameserver; at most 3 nameservers (IP addresses), 32
 * search domains (DNS subdomains, a trailing '.' allowed) of 2048 bytes in all; options
 * need a name.
 */
// Go: validatePodDNSConfig (validation.go)
export function validatePodDNSConfig(dnsConfig: any, dnsPolicy: unknown, path: string, problems: Problems): void {
  if (dnsPolicy === 'None') {
    if (!present(dnsConfig)) {
      problems.add(path, 'is required when dnsPolicy is None; set dnsConfig with at least one nameserver (e.g. nameservers: [\'10.96.0.10\']).');
      return;
    }
    if (list(dnsConfig.nameservers).length === 0) {
      problems.add(`${path}.nameservers`, 'must list at least one DNS nameserver when dnsPolicy is None.');
      return;
    }
  }
  if (!present(dnsConfig)) {
    return;
  }
  const nameservers = list(dnsConfig.nameservers);
  if (nameservers.length > MAX_DNS_NAMESERVERS) {
    problems.add(`${path}.nameservers`, `lists ${nameservers.length} nameservers; at most ${MAX_DNS_NAMESERVERS} are allowed.`);
  }
  nameservers.forEach((ns: unknown, i: number) => {
    const r = typeof ns === 'string' ? validIP(ns) : "must be a valid IP address (e.g. '10.9.8.7')";
    if (r) {
      problems.add(`${path}.nameservers[${i}]`, `${show(ns)} ${r}.`);
    }
  });
  const searches = list(dnsConfig.searches);
  if (searches.length > MAX_DNS_SEARCH_PATHS) {
    problems.add(`${path}.searches`, `lists ${searches.length} search domains; at most ${MAX_DNS_SEARCH_PATHS} are allowed.`);
  }
  // Go's len counts bytes.
  const bytes = Buffer.byteLength(searches.map(String).join(' '), 'utf8');
  if (bytes > MAX_DNS_SEARCH_LIST_CHARS) {
    problems.add(`${path}.searches`, `has ${bytes} bytes (including spaces); at most ${MAX_DNS_SEARCH_LIST_CHARS} are allowed.`);
  }
  searches.forEach((s: unknown, i: number) => {
    // RelaxedDNSSearchValidation is off in 1.32: '_' and a lone '.' are not allowed.
    const trimmed = typeof s === 'string' && s.endsWith('.') ? s.slice(0, -1) : s;
    const r = typeof trimmed === 'string' ? dns1123Subdomain(trimmed) : 'must be a string';
    if (r) {
      problems.add(`${path}.searches[${i}]`, `${show(s)} is not a valid search domain: it ${r}.`);
    }
  });
  list(dnsConfig.options).forEach((o: any, i: number) => {
    if (!isSet(o?.name)) {
      problems.add(`${path}.options[${i}]`, "needs a name; set name (e.g. 'ndots').");
    }
  });
}

/** Each host alias has an IP address and host names that are DNS subdomains. */
// Go: ValidateHostAliases (validation.go)
export function validateHostAliases(aliases: unknown, path: string, problems: Problems): void {
  list(aliases).forEach((a: any, i: number) => {
    const ip = a?.ip ?? '';
    const r = typeof ip === 'string' ? validIP(ip) : "must be a valid IP address (e.g. '10.9.8.7')";
    if (r) {
      problems.add(`${path}[${i}].ip`, `${show(ip)} ${r}.`);
    }
    list(a?.hostnames).forEach((h: unknown, j: number) => {
      const hr = typeof h === 'string' ? dns1123Subdomain(h) : 'must be a string';
      if (hr) {
        problems.add(`${path}[${i}].hostnames[${j}]`, `${show(h)} is not a valid host name: it ${hr}.`);
      }
    });
  });
}

/** Overhead is checked like container limits (resource names and quantities). */
// Go: validateOverhead (validation.go)
function validateOverhead(overhead: unknown, path: string, problems: Problems): void {
  // ValidateContainerResourceRequirements(&{Limits: overhead}): reported at spec.overhead.<name>.
  const inner = new Problems();
  validateContainerResourceRequirements({ limits: overhead }, path, inner);
  for (const m of inner.messages) {
    // Overhead is one map, with no requests or limits: its own words for the fix (review 46 X1).
    const own = m === `${path}: HugePages require cpu or memory; request or limit one of them too.`
      ? `${path}: HugePages require cpu or memory; add cpu or memory to the overhead too (or leave spec.overhead to the RuntimeClass admission, which sets it).`
      : m;
    problems.add('', own.startsWith(`${path}.limits`) ? path + own.slice(`${path}.limits`.length) : own);
  }
}

/** os.name is linux or windows. */
// Go: validateOS (validation.go)
function validateOS(os: any, path: string, problems: Problems): void {
  if (!isSet(os?.name)) {
    problems.add(`${path}.name`, 'cannot be empty; set linux or windows.');
  } else if (os.name !== 'linux' && os.name !== 'windows') {
    problems.add(`${path}.name`, `${show(os.name)} is not supported; use linux or windows.`);
  }
}

/** A linux pod has no windowsOptions. */
// Go: validateLinux (validation.go)
function validateLinux(spec: any, path: string, problems: Problems): void {
  const why = 'cannot be set for a linux pod (os.name: linux); remove it.';
  if (present(obj(spec.securityContext)?.windowsOptions)) {
    problems.add(`${path}.securityContext.windowsOptions`, why);
  }
  for (const [c, cpath] of allContainers(spec, path)) {
    if (present(obj(c.securityContext)?.windowsOptions)) {
      problems.add(`${cpath}.securityContext.windowsOptions`, why);
    }
  }
}

const WINDOWS_FORBIDDEN_POD_SC = [
  'appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'fsGroup', 'fsGroupChangePolicy', 'sysctls', 'runAsUser',
  'runAsGroup', 'supplementalGroups', 'supplementalGroupsPolicy', 'seLinuxChangePolicy',
];
const WINDOWS_FORBIDDEN_CONTAINER_SC = [
  'appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'capabilities', 'readOnlyRootFilesystem', 'privileged',
  'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup',
];

/** The message of a field a windows pod cannot have (validateWindows). */
export const WINDOWS_FORBIDDEN = 'cannot be set for a windows pod (os.name: windows); remove it.';

/** A windows pod has none of the Linux-only security settings nor host user/PID/IPC namespaces. */
// Go: validateWindows (validation.go)
function validateWindows(spec: any, path: string, problems: Problems): void {
  const why = WINDOWS_FORBIDDEN;
  const sc = obj(spec.securityContext);
  if (sc) {
    for (const field of WINDOWS_FORBIDDEN_POD_SC) {
      const v = sc[field];
      if (present(v) && !(field === 'sysctls' && list(v).length === 0)) {
        problems.add(`${path}.securityContext.${field}`, why);
      }
    }
  }
  // In v1 these are pod spec fields (the internal type keeps them in the security context).
  if (present(spec.hostUsers)) {
    problems.add(`${path}.hostUsers`, why);
  }
  for (const field of ['hostPID', 'hostIPC']) {
    if (spec[field] === true) {
      problems.add(`${path}.${field}`, why);
    }
  }
  if (present(spec.shareProcessNamespace)) {
    problems.add(`${path}.shareProcessNamespace`, why);
  }
  for (const [c, cpath] of allContainers(spec, path)) {
    const csc = obj(c.securityContext);
    for (const field of WINDOWS_FORBIDDEN_CONTAINER_SC) {
      if (csc && present(csc[field])) {
        problems.add(`${cpath}.securityContext.${field}`, why);
      }
    }
  }
}

/**
 * HostProcess containers: the pod and container settings agree; all containers or none are
 * HostProcess; such a pod uses the host network. (This library assumes the cluster allows
 * privileged containers, as kubeadm, kind and the managed clusters do.)
 */
// Go: validateWindowsHostProcessPod (validation.go)
function validateWindowsHostProcessPod(spec: any, path: string, problems: Problems): void {
  const podHostProcess = obj(obj(spec.securityContext)?.windowsOptions)?.hostProcess;
  let containers = 0;
  let hostProcess = 0;
  for (const [c, cpath] of allContainers(spec, path)) {
    containers++;
    const ch = obj(obj(c.securityContext)?.windowsOptions)?.hostProcess;
    if (typeof podHostProcess === 'boolean' && typeof ch === 'boolean' && ch !== podHostProcess) {
      problems.add(`${cpath}.securityContext.windowsOptions.hostProcess`, `${show(ch)} differs from the pod's securityContext.windowsOptions.hostProcess (${show(podHostProcess)}); when both are set they must be equal.`);
    }
    if (ch === true || (!present(ch) && podHostProcess === true)) {
      hostProcess++;
    }
  }
  if (hostProcess > 0) {
    if (hostProcess !== containers) {
      problems.add(path, 'if any container is a HostProcess container, all must be; set windowsOptions.hostProcess: true on the pod (or on every container).');
    }
    if (spec.hostNetwork !== true) {
      problems.add(`${path}.hostNetwork`, `${show(spec.hostNetwork ?? false)} must be true when the pod has HostProcess containers; set hostNetwork: true.`);
    }
  }
}

/** With hostUsers: false, the pod shares no host namespace. */
// Go: validateHostUsers (validation.go)
function validateHostUsers(spec: any, path: string, problems: Problems): void {
  if (spec.hostUsers !== false) {
    return;
  }
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (spec[field] === true) {
      problems.add(`${path}.${field}`, `true is not allowed when hostUsers is false (a user namespace cannot share the host's ${field.slice(4)} namespace); remove one of them.`);
    }
  }
}

/** Names are unique DNS labels; each claim names exactly one of resourceClaimName and resourceClaimTemplateName. */
// Go: validatePodResourceClaims (validation.go)
function validatePodResourceClaims(claims: unknown, path: string, problems: Problems): void {
  const names = new Set<string>();
  list(claims).forEach((c: any, i: number) => {
    const p = `${path}[${i}]`;
    // Go: validatePodResourceClaim
    if (!isSet(c?.name)) {
      problems.add(`${p}.name`, "is required; set a name for the claim (e.g. 'gpu').");
    } else if (names.has(c.name)) {
      problems.add(`${p}.name`, `${show(c.name)} is already used by another claim; give each claim a unique name.`);
    } else {
      const r = dns1123Label(c.name);
      if (r) {
        problems.add(`${p}.name`, `${show(c.name)} is invalid: it ${r}.`);
      }
      names.add(c.name);
    }
    const byName = present(c?.resourceClaimName);
    const byTemplate = present(c?.resourceClaimTemplateName);
    if (byName && byTemplate) {
      problems.add(p, 'sets both resourceClaimName and resourceClaimTemplateName; keep one.');
    }
    if (!byName && !byTemplate) {
      problems.add(p, 'needs one of resourceClaimName and resourceClaimTemplateName; set one.');
    }
    for (const field of ['resourceClaimName', 'resourceClaimTemplateName']) {
      if (present(c?.[field])) {
        const r = typeof c[field] === 'string' ? nameIsDNSSubdomain(c[field]) : 'must be a string';
        if (r) {
          problems.add(`${p}.${field}`, `${show(c[field])} is invalid: it ${r}.`);
        }
      }
    }
  });
}

// ---- annotations -----------------------------------------------------------------------------

const MIRROR_POD = 'kubernetes.io/config.mirror';
const TOLERATIONS = 'scheduler.alpha.kubernetes.io/tolerations';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';

/** The annotations the API server reads on pods and pod templates. */
// Go: ValidatePodSpecificAnnotations (validation.go)
export function validatePodSpecificAnnotations(annotations: any, spec: any, path: string, problems: Problems): void {
  const a = obj(annotations);
  if (!a) {
    return;
  }
  if (MIRROR_POD in a && !isSet(spec?.nodeName)) {
    problems.add(`${path}[${MIRROR_POD}]`, `${show(a[MIRROR_POD])} marks a mirror pod, which must set spec.nodeName; remove the annotation (only the kubelet creates mirror pods).`);
  }
  if (typeof a[TOLERATIONS] === 'string' && a[TOLERATIONS] !== '') {
    validateTolerationsInPodAnnotations(a[TOLERATIONS], `${path}[${TOLERATIONS}]`, problems);
  }
  if (FEATURE_GATES_1_32.PodDeletionCost && DELETION_COST in a && !isDeletionCost(a[DELETION_COST])) {
    problems.add(`${path}[${DELETION_COST}]`, `${show(a[DELETION_COST])} must be a 32-bit integer, without '+' or leading zeros (e.g. '100' or '-5').`);
  }
  validateSeccompPodAnnotations(a, path, problems);
  validateAppArmorPodAnnotations(a, spec, path, problems);
}

/** Go: GetDeletionCostFromPodAnnotations: first char '-', '1'-'9', or exactly "0"; then strconv.ParseInt(v, 10, 32). */
function isDeletionCost(v: unknown): boolean {
  if (typeof v !== 'string' || v.length === 0) {
    return false;
  }
  if (!(v[0] === '-' || v === '0' || (v[0] >= '1' && v[0] <= '9'))) {
    return false;
  }
  if (!/^[-+]?[0-9]+$/.test(v)) {
    return false;
  }
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647;
}

/** The tolerations annotation is a JSON list of tolerations (decoded as Go does), each valid. */
// Go: ValidateTolerationsInPodAnnotations (validation.go)
function validateTolerationsInPodAnnotations(value: string, path: string, problems: Problems): void {
  // Go: helper.GetTolerationsFromPodAnnotations (pkg/apis/core/helper/helpers.go)
  // json.Unmarshal into []core.Toleration (no json tags: field names match by folding;
  // tolerationSeconds is an int64, `1e3` does not decode).
  let parsed: GoJson;
  try {
    parsed = parseGoJson(value);
  } catch (e) {
    problems.add(path, `is not valid JSON (${(e as Error).message}); write a JSON list of tolerations, or use spec.tolerations.`);
    return;
  }
  const decoded = decodeGoStructList(parsed, TOLERATION_STRUCT, 'core');
  if (decoded.error !== undefined) {
    problems.add(path, `does not decode into a list of tolerations (${decoded.error}); fix it (tolerationSeconds is a whole number, the other fields strings), or use spec.tolerations.`);
    return;
  }
  const tolerations = decoded.items!.map((t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [TOLERATION_JSON[k], v])));
  validateTolerations(tolerations, path, problems);
}

const TOLERATION_JSON: Record<string, string> = { Key: 'key', Operator: 'operator', Value: 'value', Effect: 'effect', TolerationSeconds: 'tolerationSeconds' };

/** core.Toleration, as encoding/json sees it (the internal type has no json tags). */
const TOLERATION_STRUCT: GoStruct = {
  name: 'Toleration',
  fields: { Key: 'string', Operator: 'string', Value: 'string', Effect: 'string', TolerationSeconds: '*int64' },
};

/** Go: ValidateSeccompProfile: runtime/default, docker/default, unconfined or localhost/<relative path>. */
function seccompAnnotationProblems(p: unknown): string[] {
  if (p === 'runtime/default' || p === 'docker/default' || p === 'unconfined') {
    return [];
  }
  if (typeof p === 'string' && p.startsWith('localhost/')) {
    return localDescendingPathProblems(p.slice('localhost/'.length)).map((r) => `has a localhost profile path that ${r}`);
  }
  return ["is not a valid seccomp profile: use 'runtime/default', 'unconfined' or 'localhost/<path>' (better: securityContext.seccompProfile; the annotation is deprecated)"];
}

// Go: ValidateSeccompPodAnnotations (validation.go)
function validateSeccompPodAnnotations(a: any, path: string, problems: Problems): void {
  for (const [k, v] of Object.entries(a)) {
    if (k === SECCOMP_POD || k.startsWith(SECCOMP_CONTAINER)) {
      for (const r of seccompAnnotationProblems(v)) {
        problems.add(`${path}[${k}]`, `${show(v)} ${r}.`);
      }
    }
  }
}

/** Go: podSpecHasContainer (any container type). */
function hasContainer(spec: any, name: string): boolean {
  return allContainers(obj(spec) ?? {}, '').some(([c]) => goString(c.name) === name);
}

// Go: ValidateAppArmorPodAnnotations (validation.go)
function validateAppArmorPodAnnotations(a: any, spec: any, path: string, problems: Problems): void {
  for (const [k, v] of Object.entries(a)) {
    if (!k.startsWith(APPARMOR_CONTAINER)) {
      continue;
    }
    const container = k.slice(APPARMOR_CONTAINER.length);
    if (!hasContainer(spec, container)) {
      problems.add(`${path}[${k}]`, `names container ${show(container)}, which this pod does not have; fix the container name or remove the annotation.`);
    }
    // Go: ValidateAppArmorProfileFormat
    if (typeof v === 'string' && !(v === '' || v === 'runtime/default' || v === 'unconfined' || v.startsWith('localhost/'))) {
      problems.add(`${path}[${k}]`, `${show(v)} is not a valid AppArmor profile: use 'runtime/default', 'unconfined' or 'localhost/<profile>' (better: securityContext.appArmorProfile; the annotation is deprecated).`);
    }
  }
}

/** A string field as Go reads it: unset (or null) is "". (Another type is the decoder's problem.) */
function goString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Where both the deprecated seccomp annotation and the field are set, they must agree. */
// Go: validateSeccompAnnotationsAndFields (validation.go)
function validateSeccompAnnotationsAndFields(meta: any, spec: any, path: string, problems: Problems): void {
  const a = obj(meta?.annotations) ?? {};
  const podProfile = obj(obj(spec.securityContext)?.seccompProfile);
  if (podProfile && typeof a[SECCOMP_POD] === 'string') {
    seccompMatch(a[SECCOMP_POD], SECCOMP_POD, podProfile, `${path}.securityContext.seccompProfile`, problems);
  }
  for (const [c, cpath] of allContainers(spec, path)) {
    const profile = obj(obj(c.securityContext)?.seccompProfile);
    const key = `${SECCOMP_CONTAINER}${goString(c.name)}`;
    if (profile && typeof a[key] === 'string') {
      seccompMatch(a[key], key, profile, `${cpath}.securityContext.seccompProfile`, problems);
    }
  }
}

// Go: validateSeccompAnnotationsAndFieldsMatch (validation.go)
function seccompMatch(annotation: string, key: string, profile: any, path: string, problems: Problems): void {
  const fix = `remove the deprecated annotation ${key} or make it agree`;
  switch (profile.type) {
    case 'Unconfined':
      if (annotation !== 'unconfined') {
        problems.add(`${path}.type`, `"Unconfined" does not match the annotation ${key} (${show(annotation)}); ${fix}.`);
      }
      break;
    case 'RuntimeDefault':
      if (annotation !== 'runtime/default' && annotation !== 'docker/default') {
        problems.add(`${path}.type`, `"RuntimeDefault" does not match the annotation ${key} (${show(annotation)}); ${fix}.`);
      }
      break;
    case 'Localhost':
      if (!annotation.startsWith('localhost/')) {
        problems.add(`${path}.type`, `"Localhost" does not match the annotation ${key} (${show(annotation)}); ${fix}.`);
      } else if (profile.localhostProfile !== annotation.slice('localhost/'.length)) {
        problems.add(`${path}.localhostProfile`, `${show(profile.localhostProfile)} does not match the annotation ${key} (${show(annotation)}); ${fix}.`);
      }
      break;
  }
}

/** Where both the deprecated AppArmor annotation and the (container or pod) field are set, they must agree (not for windows pods). */
// Go: validateAppArmorAnnotationsAndFieldsMatchOnCreate (validation.go)
function validateAppArmorAnnotationsAndFieldsMatchOnCreate(meta: any, spec: any, path: string, problems: Problems): void {
  if (obj(spec.os)?.name === 'windows') {
    return;
  }
  const a = obj(meta?.annotations) ?? {};
  const podProfile = obj(obj(spec.securityContext)?.appArmorProfile);
  for (const [c, cpath] of allContainers(spec, path)) {
    const own = obj(obj(c.securityContext)?.appArmorProfile);
    const profile = own ?? podProfile;
    const key = `${APPARMOR_CONTAINER}${goString(c.name)}`;
    if (!profile || typeof a[key] !== 'string') {
      continue;
    }
    const annotation: string = a[key];
    const p = `${cpath}.securityContext.appArmorProfile`;
    const fix = `remove the deprecated annotation ${key} or make it agree`;
    // Go reports the container's path also when the container inherits the pod's profile: say so.
    const inherited = (field: string) => (own ? '' : ` (the pod's securityContext.appArmorProfile.${field}, which container ${show(c.name)} inherits: it has no appArmorProfile of its own)`);
    if ((profile.type === 'Unconfined' && annotation !== 'unconfined')
      || (profile.type === 'RuntimeDefault' && annotation !== 'runtime/default')
      || (profile.type === 'Localhost' && !annotation.startsWith('localhost/'))) {
      problems.add(`${p}.type`, `${show(profile.type)}${inherited('type')} does not match the annotation ${key} (${show(annotation)}); ${fix}.`);
    } else if (profile.type === 'Localhost' && profile.localhostProfile !== annotation.slice('localhost/'.length)) {
      problems.add(`${p}.localhostProfile`, `${show(profile.localhostProfile)}${inherited('localhostProfile')} does not match the annotation ${key} (${show(annotation)}); ${fix}.`);
    }
  }
}

// ---- pods, templates -------------------------------------------------------------------------

/**
 * A Pod's metadata (name: a DNS subdomain), its annotations and spec, then the Pod-only rules:
 * projected service account tokens need a serviceAccountName, images without surrounding
 * whitespace (container.ts).
 */
// Go: validatePodMetadataAndSpec (validation.go)
export function validatePodMetadataAndSpec(pod: any, problems: Problems): void {
  const spec = obj(pod.spec) ?? {};
  validateObjectMeta(pod.metadata, 'metadata', problems);
  validatePodSpecificAnnotations(obj(pod.metadata)?.annotations, spec, 'metadata.annotations', problems);
  validatePodSpec(spec, 'spec', problems, PodSpecOwner.POD, obj(pod.metadata)?.name);
  if (!isSet(spec.serviceAccountName) && !isSet(spec.serviceAccount)) {
    list(spec.volumes).forEach((v: any, i: number) => {
      list(obj(v?.projected)?.sources).forEach((s: any, j: number) => {
        if (present(s?.serviceAccountToken)) {
          problems.add(`spec.volumes[${i}].projected.sources[${j}].serviceAccountToken`, "must not be set when serviceAccountName is not set; set serviceAccountName: 'default' (what a cluster's ServiceAccount admission plugin fills in before it validates a Pod; this library's contract checks the Pod as written, as the API server's validation does).");
        }
      });
    });
  }
  // Go: validateContainersOnlyForPod is in container.ts (isPod).
}

/**
 * A Pod on create: metadata and spec, no ephemeral containers, no nodeName while scheduling
 * gates remain, deprecated seccomp and AppArmor annotations that agree with the fields.
 */
// Go: ValidatePodCreate (validation.go)
export function validatePodCreate(pod: any, problems: Problems): void {
  validatePodMetadataAndSpec(pod, problems);
  const spec = obj(pod.spec) ?? {};
  if (list(spec.ephemeralContainers).length > 0) {
    problems.add('spec.ephemeralContainers', 'cannot be set on create: ephemeral containers are added to a running Pod (kubectl debug); remove them.');
  }
  if (isSet(spec.nodeName) && list(spec.schedulingGates).length > 0) {
    problems.add('spec.nodeName', `${show(spec.nodeName)} cannot be set while schedulingGates remain (a Pod is bound to a node only once they are cleared); remove nodeName or the schedulingGates.`);
  }
  validateSeccompAnnotationsAndFields(pod.metadata, spec, 'spec', problems);
  validateAppArmorAnnotationsAndFieldsMatchOnCreate(pod.metadata, spec, 'spec', problems);
}

/**
 * A pod template (of a Deployment, StatefulSet, DaemonSet, Job, CronJob): its labels and
 * annotations, its spec, no ephemeral containers; and, this library's contract, what
 * ValidatePodCreate refuses in every Pod created from it: nodeName with schedulingGates, and the
 * matchLabelKeys conflicts of the template's labels and of `controllerLabels`, the label keys
 * the controller adds to each Pod (`pod-template-hash` of a Deployment's ReplicaSets, ...).
 */
// Go: ValidatePodTemplateSpec (validation.go)
export function validatePodTemplateSpec(template: any, path: string, problems: Problems, controllerLabels: readonly string[] = []): void {
  const meta = obj(template?.metadata) ?? {};
  const spec = obj(template?.spec) ?? {};
  validateLabels(meta.labels, `${path}.metadata.labels`, problems);
  validateAnnotations(meta.annotations, `${path}.metadata.annotations`, problems);
  validatePodSpecificAnnotations(meta.annotations, spec, `${path}.metadata.annotations`, problems);
  validatePodSpec(spec, `${path}.spec`, problems, PodSpecOwner.TEMPLATE);
  validateSeccompAnnotationsAndFields(meta, spec, `${path}.spec`, problems);
  validateAppArmorAnnotationsAndFieldsMatchOnCreate(meta, spec, `${path}.spec`, problems);
  if (list(spec.ephemeralContainers).length > 0) {
    problems.add(`${path}.spec.ephemeralContainers`, 'are not allowed in a pod template; remove them.');
  }
  if (isSet(spec.nodeName) && list(spec.schedulingGates).length > 0) {
    problems.add(`${path}.spec.nodeName`, `${show(spec.nodeName)} cannot be set while schedulingGates remain (the API server accepts it in a pod template, then rejects every Pod created from it: `
      + 'a Pod is bound to a node only once its gates are cleared); remove nodeName or the schedulingGates (this library\'s contract).');
  }
  const labels = controllerLabels.length === 0 ? meta.labels : { ...Object.fromEntries(controllerLabels.map((k) => [k, 'x'])), ...obj(meta.labels) };
  checkTemplateMatchLabelKeys(spec.affinity, labels, `${path}.spec.affinity`, problems);
  validateCopiedFinalizers(meta.finalizers, `${path}.metadata.finalizers`, 'Pod', problems);
}

/**
 * Finalizers of a template that its controller copies into every object it creates (a pod
 * template's into each Pod: Go `GetPodFromTemplate`, pkg/controller/controller_utils.go; a claim
 * template's into each claim): the API server accepts them in the template and then rejects every
 * object created from it, so they get the object's rules (this library's contract).
 */
// Go: GetPodFromTemplate (pkg/controller/controller_utils.go), which copies the finalizers into each Pod
// Go: ValidateFinalizers and validateKubeFinalizerName (apimachinery pkg/api/validation/objectmeta.go, validation.go), on each object created
export function validateCopiedFinalizers(finalizers: unknown, path: string, created: string, problems: Problems): void {
  if (!Array.isArray(finalizers) || finalizers.length === 0) {
    return;
  }
  const found = new Problems();
  validateFinalizers(finalizers, path, found);
  for (const m of found.messages) {
    const colon = m.indexOf(': ');
    problems.add(m.slice(0, colon), `${m.slice(colon + 2).replace(/\.$/, '')} (the API server accepts it in the template, then rejects every ${created} created from it; this library's contract).`);
  }
}

// ---- create preparation ----------------------------------------------------------------------

/** An empty list, or a mapping whose values are all unset or empty (`{ limits: {}, requests: {} }`). */
function isEmptyDeep(v: unknown): boolean {
  if (v === undefined || v === null) {
    return true;
  }
  if (Array.isArray(v)) {
    return v.length === 0;
  }
  return typeof v === 'object' && Object.values(v as object).every(isEmptyDeep);
}


/** The annotations of the old init container beta, which the conversion to the internal type drops. */
const INIT_CONTAINER_ANNOTATIONS = [
  'pod.beta.kubernetes.io/init-containers',
  'pod.alpha.kubernetes.io/init-containers',
  'pod.beta.kubernetes.io/init-container-statuses',
  'pod.alpha.kubernetes.io/init-container-statuses',
];

/**
 * Reports the init container annotations of Kubernetes 1.5 to 1.7 in a Pod's or pod template's
 * metadata: the API server drops them when it decodes the object, before it validates (the
 * user's line would vanish).
 */
// Go: dropInitContainerAnnotations (pkg/apis/core/v1/conversion.go), called by
// Convert_v1_Pod_To_core_Pod and Convert_v1_PodTemplateSpec_To_core_PodTemplateSpec; reported instead of applied
export function prepareInitContainerAnnotations(meta: any, path: string, problems: Problems): void {
  const annotations = obj(obj(meta)?.annotations);
  if (!annotations) {
    return;
  }
  for (const key of INIT_CONTAINER_ANNOTATIONS) {
    if (annotations[key] !== undefined) {
      problems.add(`${path}.annotations`, `${show(key)} would vanish (this library's contract): the API server drops the init container annotations of Kubernetes 1.5 to 1.7 when it reads a pod, and no kubelet reads them since 1.8; remove it and declare the containers in spec.initContainers.`);
    }
  }
}

/** Removes what `prepareInitContainerAnnotations` reports from a copy's metadata, as the decoder does. In place, on a copy. */
// Go: dropInitContainerAnnotations (pkg/apis/core/v1/conversion.go)
export function dropInitContainerAnnotations(meta: any): void {
  const annotations = obj(obj(meta)?.annotations);
  if (annotations) {
    for (const key of INIT_CONTAINER_ANNOTATIONS) {
      drop(annotations, key);
    }
  }
}

/**
 * Reports the fields of a pod spec that the API server drops on create because their feature
 * gate is off in Kubernetes 1.32 (the user's line would vanish). For Pods and pod templates
 * alike: the workload kinds call it for `spec.template.spec`.
 */
// Go: dropDisabledPodFields (pkg/api/pod/util.go), reported instead of applied
export function preparePodSpec(spec: any, path: string, problems: Problems): void {
  spec = obj(spec);
  if (!spec) {
    return;
  }
  const vanish = (p: string, value: unknown, gate: string, what: string, fix: string): void => {
    problems.add(p, `${brief(value)} would vanish (this library's contract): ${what} ${gate === '' ? '' : `behind the ${gate} feature gate, off by default in Kubernetes 1.32, `}so the API server drops this field on create; ${fix}.`);
  };
  list(spec.volumes).forEach((v: any, i: number) => {
    preparePersistentVolumeClaimTemplateSpec(obj(obj(v?.ephemeral)?.volumeClaimTemplate)?.spec, `${path}.volumes[${i}].ephemeral.volumeClaimTemplate.spec`, problems, true, true);
    if (!FEATURE_GATES_1_32.ImageVolume && present(v?.image)) {
      // pkg/api/pod/util.go, dropImageVolumes: the whole volume goes, and every mount of it by name.
      problems.add(`${path}.volumes[${i}].image`, `${brief(v.image)} would vanish (this library's contract): image volumes are behind the ImageVolume feature gate, off by default in Kubernetes 1.32, `
        + 'so the API server removes this volume, and every volumeMount of it, on create (the Pod starts without them); copy the files into an emptyDir from an init container instead.');
    }
    list(obj(v?.projected)?.sources).forEach((s: any, j: number) => {
      if (!FEATURE_GATES_1_32.ClusterTrustBundleProjection && present(s?.clusterTrustBundle)) {
        vanish(`${path}.volumes[${i}].projected.sources[${j}].clusterTrustBundle`, s.clusterTrustBundle, 'ClusterTrustBundleProjection', 'clusterTrustBundle projections are', 'project the CA bundle from a ConfigMap instead');
      }
    });
  });
  // What the server drops is reported only where it means something: an empty list or mapping,
  // hostUsers: true and procMount: Default are what an unset field means, so nothing is lost.
  const meaningful = (v: unknown): boolean => present(v) && !isEmptyDeep(v);
  if (!FEATURE_GATES_1_32.PodLevelResources && meaningful(spec.resources)) {
    vanish(`${path}.resources`, spec.resources, 'PodLevelResources', 'pod-level resources are', 'set resources on each container instead');
  }
  if (!FEATURE_GATES_1_32.DynamicResourceAllocation && meaningful(spec.resourceClaims)) {
    vanish(`${path}.resourceClaims`, spec.resourceClaims, 'DynamicResourceAllocation', 'resource claims are', 'remove them, or enable the gate in the cluster and in this library');
  }
  if (!FEATURE_GATES_1_32.UserNamespacesSupport && present(spec.hostUsers) && spec.hostUsers !== true) {
    vanish(`${path}.hostUsers`, spec.hostUsers, 'UserNamespacesSupport', 'user namespaces (hostUsers) are', 'remove it (the pod runs in the host user namespace)');
  }
  const sc = obj(spec.securityContext);
  if (sc && !FEATURE_GATES_1_32.SupplementalGroupsPolicy && present(sc.supplementalGroupsPolicy)) {
    vanish(`${path}.securityContext.supplementalGroupsPolicy`, sc.supplementalGroupsPolicy, 'SupplementalGroupsPolicy', 'supplementalGroupsPolicy is', 'remove it (Merge is what the kubelet does)');
  }
  if (sc && !FEATURE_GATES_1_32.SELinuxChangePolicy && present(sc.seLinuxChangePolicy)) {
    vanish(`${path}.securityContext.seLinuxChangePolicy`, sc.seLinuxChangePolicy, 'SELinuxChangePolicy', 'seLinuxChangePolicy is', 'remove it (Recursive is what the kubelet does)');
  }
  for (const [c, cpath] of allContainers(spec, path)) {
    if (!FEATURE_GATES_1_32.DynamicResourceAllocation && meaningful(obj(c.resources)?.claims)) {
      vanish(`${cpath}.resources.claims`, c.resources.claims, 'DynamicResourceAllocation', 'resource claims are', 'remove them');
    }
    if (!FEATURE_GATES_1_32.InPlacePodVerticalScaling && meaningful(c.resizePolicy)) {
      vanish(`${cpath}.resizePolicy`, c.resizePolicy, 'InPlacePodVerticalScaling', 'resizePolicy is', 'remove it');
    }
    const procMount = obj(c.securityContext)?.procMount;
    if (!FEATURE_GATES_1_32.ProcMountType && present(procMount) && procMount !== 'Default') {
      problems.add(`${cpath}.securityContext.procMount`, `${show(procMount)} would vanish (this library's contract): procMount is behind the ProcMountType feature gate, off by default in Kubernetes 1.32, so the API server replaces it with "Default" on create; remove it.`);
    }
  }
}

/**
 * Applies what `preparePodSpec` reports to a defaulted copy, as the API server does before it
 * validates: the fields behind disabled gates are removed (image volume sources are kept, so
 * that the volume is not reported a second time as having no source). In place, on a copy.
 */
// Go: dropDisabledFields (pkg/api/pod/util.go)
export function dropDisabledPodSpecFields(spec: any): void {
  spec = obj(spec);
  if (!spec) {
    return;
  }
  for (const v of list(spec.volumes)) {
    const sources = obj(v?.projected)?.sources;
    if (!FEATURE_GATES_1_32.ClusterTrustBundleProjection && Array.isArray(sources)) {
      for (const s of sources) {
        if (obj(s)) {
          drop(s, 'clusterTrustBundle');
        }
      }
    }
  }
  if (!FEATURE_GATES_1_32.PodLevelResources) {
    drop(spec, 'resources');
  }
  if (!FEATURE_GATES_1_32.DynamicResourceAllocation) {
    drop(spec, 'resourceClaims');
  }
  if (!FEATURE_GATES_1_32.UserNamespacesSupport) {
    drop(spec, 'hostUsers');
  }
  const sc = obj(spec.securityContext);
  if (sc && !FEATURE_GATES_1_32.SupplementalGroupsPolicy) {
    drop(sc, 'supplementalGroupsPolicy');
  }
  if (sc && !FEATURE_GATES_1_32.SELinuxChangePolicy) {
    drop(sc, 'seLinuxChangePolicy');
  }
  for (const [c] of allContainers(spec, '')) {
    if (!FEATURE_GATES_1_32.DynamicResourceAllocation && obj(c.resources)) {
      drop(c.resources, 'claims');
    }
    if (!FEATURE_GATES_1_32.InPlacePodVerticalScaling) {
      drop(c, 'resizePolicy');
    }
    const csc = obj(c.securityContext);
    // Go: dropDisabledProcMountField (present values become Default)
    if (!FEATURE_GATES_1_32.ProcMountType && csc && present(csc.procMount)) {
      csc.procMount = 'Default';
    }
  }
}

/** Deletes a field only where it is (a delete of an absent field is not free). */
function drop(o: any, field: string): void {
  if (o[field] !== undefined) {
    delete o[field];
  }
}

/** Reports what the API server silently drops or replaces when it creates a Pod. */
// Go: PrepareForCreate (pkg/registry/core/pod/strategy.go), reported instead of applied
export function preparePod(pod: any, problems: Problems): void {
  prepareInitContainerAnnotations(pod?.metadata, 'metadata', problems);
  preparePodSpec(pod?.spec, 'spec', problems);
}

/** Go: apparmorFieldForAnnotation (pkg/registry/core/pod/strategy.go), with ValidateAppArmorProfileField. */
function appArmorFieldForAnnotation(annotation: string): any {
  if (annotation === 'unconfined') {
    return { type: 'Unconfined' };
  }
  if (annotation === 'runtime/default') {
    return { type: 'RuntimeDefault' };
  }
  if (annotation.startsWith('localhost/')) {
    const profile = annotation.slice('localhost/'.length);
    return goTrimSpace(profile) === profile && profile !== '' && Buffer.byteLength(profile, 'utf8') <= 4095 ? { type: 'Localhost', localhostProfile: profile } : undefined;
  }
  return undefined;
}

/** Go: appArmorAnnotationForField. */
function appArmorAnnotationForField(field: any): string {
  switch (field?.type) {
    case 'Unconfined': return 'unconfined';
    case 'RuntimeDefault': return 'runtime/default';
    case 'Localhost': return typeof field.localhostProfile === 'string' ? `localhost/${field.localhostProfile}` : '';
    default: return '';
  }
}

/**
 * Syncs the deprecated AppArmor annotations and the fields as the API server does for a Pod
 * before validating it: a container with an annotation and no field gets the field (unless it
 * equals the pod's); one with a field and no annotation gets the annotation. In place, on a copy.
 */
// Go: applyAppArmorVersionSkew (pkg/registry/core/pod/strategy.go)
export function applyAppArmorVersionSkew(pod: any): void {
  const spec = obj(pod?.spec);
  if (!spec || obj(spec.os)?.name === 'windows') {
    return;
  }
  const podProfile = obj(obj(spec.securityContext)?.appArmorProfile);
  for (const [c] of allContainers(spec, '')) {
    const key = `${APPARMOR_CONTAINER}${goString(c.name)}`;
    const annotations = obj(pod.metadata?.annotations);
    const annotation = annotations?.[key];
    const containerProfile = obj(obj(c.securityContext)?.appArmorProfile);
    if (typeof annotation !== 'string') {
      const value = appArmorAnnotationForField(containerProfile ?? podProfile);
      if (value !== '' && obj(pod.metadata)) {
        pod.metadata.annotations = { ...(annotations ?? {}), [key]: value };
      }
    } else if (!containerProfile) {
      const field = appArmorFieldForAnnotation(annotation);
      const same = podProfile !== undefined && field?.type === podProfile.type && field?.localhostProfile === podProfile.localhostProfile;
      if (field && !same) {
        c.securityContext = { ...(obj(c.securityContext) ?? {}), appArmorProfile: field };
      }
    }
  }
}

/**
 * The create preparation of a Pod applied to its defaulted copy before validation: disabled
 * fields dropped, matchLabelKeys turned into selector requirements, AppArmor annotations and
 * fields synced. In place, on a copy.
 */
// Go: PrepareForCreate (pkg/registry/core/pod/strategy.go)
export function prepareForCreatePod(pod: any): void {
  dropInitContainerAnnotations(pod?.metadata);
  const spec = obj(pod?.spec);
  if (!spec) {
    return;
  }
  dropDisabledPodSpecFields(spec);
  mutatePodAffinity(spec.affinity, obj(pod.metadata)?.labels);
  applyAppArmorVersionSkew(pod);
}

// ---- defaults --------------------------------------------------------------------------------

/**
 * The defaults of a pod spec (Pods and templates): dnsPolicy ClusterFirst, restartPolicy Always,
 * an empty securityContext, terminationGracePeriodSeconds 30, schedulerName default-scheduler;
 * then the volumes' and containers' defaults. In place, on a copy.
 */
// Go: SetDefaults_PodSpec (pkg/apis/core/v1/defaults.go)
export function defaultPodSpec(spec: any): void {
  if (!obj(spec)) {
    return;
  }
  if (!isSet(spec.dnsPolicy)) {
    spec.dnsPolicy = 'ClusterFirst';
  }
  if (!isSet(spec.restartPolicy)) {
    spec.restartPolicy = 'Always';
  }
  if (!present(spec.securityContext)) {
    spec.securityContext = {};
  }
  if (!present(spec.terminationGracePeriodSeconds)) {
    spec.terminationGracePeriodSeconds = 30;
  }
  if (!isSet(spec.schedulerName)) {
    spec.schedulerName = 'default-scheduler';
  }
  for (const v of list(spec.volumes)) {
    defaultVolume(v);
  }
  for (const [c] of allContainers(spec, '')) {
    defaultContainer(c);
  }
}

/**
 * The defaults of a Pod (not of templates): requests default to the limits where unset,
 * enableServiceLinks true, and with hostNetwork every container port's hostPort defaults to its
 * containerPort; then the pod spec's defaults. In place, on a copy.
 */
// Go: SetDefaults_Pod (pkg/apis/core/v1/defaults.go)
export function defaultPod(pod: any): void {
  const spec = obj(pod?.spec);
  if (!spec) {
    return;
  }
  for (const field of ['containers', 'initContainers']) {
    for (const c of list(spec[field])) {
      const r = obj(obj(c)?.resources);
      const limits = obj(r?.limits);
      if (limits) {
        // Only values that decode: the API server rejects a malformed quantity before defaulting.
        // (and names a container may use: an invalid name is reported once, for the limit).
        const copied = Object.entries(limits).filter(([k, v]) => isQuantity(v) && (k.includes('/') || ['cpu', 'memory', 'ephemeral-storage'].includes(k) || k.startsWith('hugepages-')));
        r.requests = { ...Object.fromEntries(copied), ...(obj(r.requests) ?? {}) };
      }
    }
  }
  if (!present(spec.enableServiceLinks)) {
    spec.enableServiceLinks = true;
  }
  if (spec.hostNetwork === true) {
    for (const field of ['containers', 'initContainers']) {
      for (const c of list(spec[field])) {
        for (const p of list(obj(c)?.ports)) {
          if (obj(p) && (!present(p.hostPort) || p.hostPort === 0)) {
            p.hostPort = p.containerPort;
          }
        }
      }
    }
  }
  defaultPodSpec(spec);
  // Go: Convert_v1_Pod_To_core_Pod (pkg/apis/core/v1/conversion.go)
  // From 1.27 (in defaulting since 2026), a Pod's negative grace period is taken as 1 before
  // validation; templates keep theirs.
  if (isInteger(spec.terminationGracePeriodSeconds) && spec.terminationGracePeriodSeconds < 0) {
    spec.terminationGracePeriodSeconds = 1;
  }
}
