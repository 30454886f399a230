/**
 * Semantic checks on the final manifest, mirroring the API server's rules. Every rule names the
 * Go function it mirrors, in kubernetes `pkg/apis/core/validation/validation.go` (core),
 * `pkg/apis/apps/validation/validation.go` (apps) or apimachinery
 * `pkg/api/validation/objectmeta.go` and `pkg/util/validation/validation.go` (names.ts).
 * Field paths are quoted as the API server quotes them, e.g.
 * `spec.containers[1].ports[0].containerPort`.
 *
 * The checks run on the object as written, before the API server applies its defaults, so a
 * field the API server defaults (a port's protocol, a pod's restartPolicy) is checked only when
 * it is set. Where this library is stricter than the API server, the message says so.
 *
 * @internal
 */
import { Yaml } from 'cdk8s';
import { dns1123Label, dns1123Subdomain, envVarName, ianaServiceName, labelValue, qualifiedName } from './names';
import { Problems, show } from './problems';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
const TOTAL_ANNOTATION_SIZE = 256 * 1024;
const MAX_INT32 = 2147483647;
// resource.ParseQuantity: <signedNumber><suffix>; suffix binary SI (Ki..Ei), decimal SI
// (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2).
const QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
const PERCENT = /^[0-9]+%$/;

/** Which object a pod spec belongs to: a bare Pod has a few more checks than a pod template. */
export enum PodSpecOwner {
  /** A bare Pod (`spec`). */
  POD = 'Pod',
  /** The pod template of a workload such as a Deployment (`spec.template.spec`). */
  TEMPLATE = 'PodTemplate',
}

/**
 * Checks `metadata`: name (DNS-1123 subdomain by default), namespace, labels, annotations.
 * Go: apimachinery `ValidateObjectMeta` (objectmeta.go), with the kind's name function
 * (`ValidatePodName` = `NameIsDNSSubdomain`, `ValidateServiceName` = `NameIsDNS1035Label`, ...).
 */
export function validateObjectMeta(
  meta: any,
  path: string,
  problems: Problems,
  nameRule: (v: string) => string | undefined = dns1123Subdomain,
  nameRuleLabel = 'an object name',
): void {
  if (!meta) {
    return;
  }
  if (typeof meta.name === 'string') {
    const r = nameRule(meta.name);
    if (r) {
      problems.add(`${path}.name`, `${show(meta.name)} is not valid as ${nameRuleLabel}: it ${r}.`);
    }
  }
  // ValidateObjectMeta -> ValidateNamespaceName (= NameIsDNSLabel).
  if (typeof meta.namespace === 'string') {
    const r = dns1123Label(meta.namespace);
    if (r) {
      problems.add(`${path}.namespace`, `${show(meta.namespace)} is not a valid namespace: it ${r}.`);
    }
  }
  validateLabels(meta.labels, `${path}.labels`, problems);
  validateAnnotations(meta.annotations, `${path}.annotations`, problems);
  validateYamlScalars(meta, path, problems);
}

// go-yaml v2 `resolve()` (used by kubectl through sigs.k8s.io/yaml): a plain scalar is a number
// when, with every '_' removed, strconv.ParseInt/ParseUint(s, 0, 64) accepts it, it matches
// yamlStyleFloat, or it starts with "0b" and ParseInt(rest, 2, 64) accepts the rest, sign
// included ("0b-0", "0b+1": found by the property tests).
const GO_INT = /^([-+]?(0|[1-9][0-9]*|0[0-7]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[bB][01]+)|0b[-+][01]+)$/;
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * Strings that cdk8s writes unquoted (its YAML 1.1 writer does not know Go's `0o17`, `0X1F`,
 * `0B1` or `0_7`-style numbers) but that kubectl's YAML reader turns into numbers: a name or
 * image like "0o7" then fails at `kubectl apply` ("cannot unmarshal number into ... string"),
 * and a map key like "0o7" silently becomes "7". Valid for the API server, but not writable
 * through cdk8s, so this library rejects them (found by the property tests).
 */
export function validateYamlScalars(value: unknown, path: string, problems: Problems): void {
  // The path of the value being walked, formatted only when there is something to report.
  const segments: Array<string | number> = [];
  const at = (): string => path + segments.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('');
  const check = (s: string, what: string): void => {
    // Only strings that start like a number can read back as one (cheap test first).
    const c = s.charCodeAt(0);
    if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) {
      return;
    }
    const stripped = s.replace(/_/g, '');
    if ((GO_INT.test(stripped) || GO_FLOAT.test(stripped)) && Yaml.stringify({ v: s }).trim() === `v: ${s}`) {
      problems.add(at(), `${what}${show(s)} would be written unquoted by cdk8s and read back by kubectl as a number, not a string; this library rejects it: change the value (e.g. add a letter in front).`);
    }
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      check(v, '');
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        segments.push(i);
        walk(v[i]);
        segments.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        check(k, 'key ');
        segments.push(k);
        walk((v as any)[k]);
        segments.pop();
      }
    }
  };
  walk(value);
}

/**
 * Checks a label map (also used for selectors and nodeSelector).
 * Go: apimachinery `ValidateLabels` -> `ValidateLabelName` (IsQualifiedName) + `IsValidLabelValue`.
 */
export function validateLabels(labels: { [key: string]: unknown } | undefined, path: string, problems: Problems): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const k = qualifiedName(key);
    if (k) {
      problems.add(path, `label key ${show(key)} is invalid: it ${k}.`);
    }
    if (typeof value !== 'string') {
      problems.add(`${path}.${key}`, `label value ${show(value)} must be a string; quote it (e.g. '${String(value)}').`);
      continue;
    }
    const v = labelValue(value);
    if (v) {
      problems.add(`${path}.${key}`, `label value ${show(value)} is invalid: it ${v}.`);
    }
  }
}

/** Go: apimachinery `ValidateAnnotations`: IsQualifiedName(lower-cased key), total size at most 256 KiB. */
function validateAnnotations(annotations: { [key: string]: unknown } | undefined, path: string, problems: Problems): void {
  let size = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    const k = qualifiedName(key.toLowerCase());
    if (k) {
      problems.add(path, `annotation key ${show(key)} is invalid: it ${k}.`);
    }
    if (typeof value !== 'string') {
      problems.add(`${path}.${key}`, `annotation value ${show(value)} must be a string; quote it.`);
      continue;
    }
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (size > TOTAL_ANNOTATION_SIZE) {
    problems.add(path, `annotations total ${size} bytes; the API server allows at most ${TOTAL_ANNOTATION_SIZE} (256 KiB). Move large data into a ConfigMap.`);
  }
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
  validateYamlScalars(spec, path, problems);
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

/** A name that must be a DNS-1123 label. Go: `validateContainers` / `ValidateVolumes` (Required, ValidateDNS1123Label). */
function checkName(name: unknown, path: string, what: string, problems: Problems): void {
  if (typeof name !== 'string' || name.length === 0) {
    problems.add(path, `every ${what} needs a name; set name (e.g. 'my-${what}').`);
    return;
  }
  const r = dns1123Label(name);
  if (r) {
    problems.add(path, `${what} name ${show(name)} is invalid: it ${r}.`);
  }
}

/**
 * Go: `ValidateVolumes` (name Required, DNS-1123 label, not Duplicate) and `validateVolumeSource`
 * ("must specify a volume type", "may not specify more than 1 volume type"), plus the sources this
 * library's users write most (emptyDir, configMap, secret, persistentVolumeClaim, hostPath).
 * Returns the declared volume names.
 */
function validateVolumes(volumes: any[], path: string, problems: Problems): Set<string> {
  const names = new Map<string, number>();
  volumes.forEach((v, i) => {
    const vpath = `${path}[${i}]`;
    checkName(v?.name, `${vpath}.name`, 'volume', problems);
    if (typeof v?.name === 'string' && v.name.length > 0) {
      if (names.has(v.name)) {
        problems.add(`${vpath}.name`, `volume name ${show(v.name)} is already used by ${path}[${names.get(v.name)}]; give each volume a unique name.`);
      } else {
        names.set(v.name, i);
      }
    }
    const sources = Object.keys(v ?? {}).filter((k) => k !== 'name' && v[k] !== undefined).sort();
    if (sources.length === 0) {
      problems.add(vpath, `volume ${show(v?.name)} has no source; give it exactly one, e.g. emptyDir: {}.`);
    } else if (sources.length > 1) {
      problems.add(vpath, `volume ${show(v?.name)} has ${sources.length} sources (${sources.join(', ')}); a volume may have only one.`);
    }
    validateVolumeSource(v ?? {}, vpath, problems);
  });
  return new Set(names.keys());
}

function validateVolumeSource(v: any, path: string, problems: Problems): void {
  // validateVolumeSource: emptyDir.sizeLimit must be a valid, non-negative quantity.
  if (v.emptyDir?.sizeLimit !== undefined) {
    checkQuantity(v.emptyDir.sizeLimit, `${path}.emptyDir.sizeLimit`, problems);
  }
  // validateConfigMapVolumeSource: name Required; items via validateKeyToPath.
  if (v.configMap) {
    requireNonEmpty(v.configMap.name, `${path}.configMap.name`, 'the ConfigMap to mount', problems);
    validateKeyToPaths(v.configMap.items, `${path}.configMap.items`, problems);
  }
  // validateSecretVolumeSource: secretName Required; items via validateKeyToPath.
  if (v.secret) {
    requireNonEmpty(v.secret.secretName, `${path}.secret.secretName`, 'the Secret to mount', problems);
    validateKeyToPaths(v.secret.items, `${path}.secret.items`, problems);
  }
  // validatePersistentClaimVolumeSource: claimName Required.
  if (v.persistentVolumeClaim) {
    requireNonEmpty(v.persistentVolumeClaim.claimName, `${path}.persistentVolumeClaim.claimName`, 'the PersistentVolumeClaim to mount', problems);
  }
  // validateHostPathVolumeSource: path Required, validatePathNoBacksteps.
  if (v.hostPath) {
    if (requireNonEmpty(v.hostPath.path, `${path}.hostPath.path`, 'the node directory to mount', problems) && hasBackstep(v.hostPath.path)) {
      problems.add(`${path}.hostPath.path`, `${show(v.hostPath.path)} must not contain '..'.`);
    }
  }
}

function requireNonEmpty(value: unknown, path: string, what: string, problems: Problems): boolean {
  if (typeof value !== 'string' || value.length === 0) {
    problems.add(path, `is required; set ${what}.`);
    return false;
  }
  return true;
}

/** Go: `validateKeyToPath`: key Required, path Required and `validateLocalNonReservedPath`. */
function validateKeyToPaths(items: unknown, path: string, problems: Problems): void {
  (Array.isArray(items) ? items : []).forEach((item: any, i: number) => {
    const ipath = `${path}[${i}]`;
    requireNonEmpty(item?.key, `${ipath}.key`, 'the key to project', problems);
    if (requireNonEmpty(item?.path, `${ipath}.path`, 'the relative file path to write the key to', problems)) {
      const r = localDescendingPath(item.path) ?? (item.path.startsWith('..') ? "must not start with '..'" : undefined);
      if (r) {
        problems.add(`${ipath}.path`, `${show(item.path)} ${r}.`);
      }
    }
  });
}

/** Go: `validateLocalDescendingPath`: relative, without a '..' element. */
function localDescendingPath(p: string): string | undefined {
  if (p.startsWith('/')) {
    return 'must be a relative path';
  }
  if (hasBackstep(p)) {
    return "must not contain '..'";
  }
  return undefined;
}

/** Go: `validatePathNoBacksteps`. */
function hasBackstep(p: string): boolean {
  return p.split('/').includes('..');
}

function validateContainer(
  c: any,
  path: string,
  isInit: boolean,
  isPod: boolean,
  volumeNames: Set<string>,
  hostNetwork: boolean,
  problems: Problems,
): void {
  // validateContainers: `if len(ctr.Image) == 0 { Required }`.
  if (typeof c.image !== 'string' || c.image.length === 0) {
    problems.add(`${path}.image`, `container ${show(c.name)} has no image; set image (e.g. 'busybox:1.36').`);
  } else if (c.image !== c.image.trim()) {
    // validateContainersOnlyForPod. It runs on Pods only, so a Deployment with such an image is
    // accepted, but every Pod it creates is rejected: this library reports it for both.
    const template = isPod ? '' : ' (the API server accepts it in a pod template, then rejects every Pod created from it)';
    problems.add(`${path}.image`, `${show(c.image)} has leading or trailing whitespace${template}; remove it.`);
  }

  // 1.28 (SidecarContainers): restartPolicy only on init containers, and only Always.
  const isSidecar = isInit && c.restartPolicy === 'Always';
  if (c.restartPolicy !== undefined) {
    if (!isInit) {
      problems.add(`${path}.restartPolicy`, `${show(c.restartPolicy)} is set on a main container; only init containers accept restartPolicy (Always makes a native sidecar). Remove it.`);
    } else if (c.restartPolicy !== 'Always') {
      problems.add(`${path}.restartPolicy`, `${show(c.restartPolicy)} is not supported on an init container; the only allowed value is Always (a native sidecar).`);
    }
  }

  // validateInitContainers: lifecycle and probes "must not be set for init containers"
  // (native sidecars, restartPolicy Always, may have them).
  if (isInit && !isSidecar) {
    for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (c[field] !== undefined) {
        problems.add(`${path}.${field}`, 'must not be set for init containers: an init container runs to completion before the app starts. Remove it, or make the container a native sidecar (restartPolicy: Always).');
      }
    }
  } else {
    validateProbe(c.livenessProbe, `${path}.livenessProbe`, true, problems);
    validateProbe(c.readinessProbe, `${path}.readinessProbe`, false, problems);
    validateProbe(c.startupProbe, `${path}.startupProbe`, true, problems);
    if (c.readinessProbe?.terminationGracePeriodSeconds !== undefined) {
      problems.add(`${path}.readinessProbe.terminationGracePeriodSeconds`, 'must not be set for readinessProbes; remove it.');
    }
    for (const hook of ['postStart', 'preStop']) {
      if (c.lifecycle?.[hook] !== undefined) {
        validateHandler(c.lifecycle[hook], `${path}.lifecycle.${hook}`, problems);
      }
    }
  }

  // validatePullPolicy / terminationMessagePolicy (both defaulted, so checked only when set).
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    problems.add(`${path}.imagePullPolicy`, `${show(c.imagePullPolicy)} is not supported; use one of ${PULL_POLICIES.join(', ')}.`);
  }
  if (c.terminationMessagePolicy !== undefined && !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
    problems.add(`${path}.terminationMessagePolicy`, `${show(c.terminationMessagePolicy)} is not supported; use one of ${TERMINATION_MESSAGE_POLICIES.join(', ')}.`);
  }

  validateContainerPorts(c, path, hostNetwork, problems);
  validateVolumeMounts(c, path, volumeNames, problems);
  validateEnv(c.env, `${path}.env`, problems);
  validateResources(c.resources, `${path}.resources`, problems);
}

/**
 * Go: `validateContainerPorts` (IsValidPortName, not Duplicate, containerPort Required and
 * IsValidPortNum, hostPort IsValidPortNum, protocol NotSupported) and `validateHostNetwork`.
 */
function validateContainerPorts(c: any, path: string, hostNetwork: boolean, problems: Problems): void {
  const portNames = new Map<string, number>();
  (Array.isArray(c.ports) ? c.ports : []).forEach((p: any, i: number) => {
    const ppath = `${path}.ports[${i}]`;
    if (p?.name !== undefined && p.name !== '') {
      const r = typeof p.name === 'string' ? ianaServiceName(p.name) : 'must be a string';
      if (r) {
        problems.add(`${ppath}.name`, `container port name ${show(p.name)} is not a valid IANA service name: it ${r}.`);
      } else if (portNames.has(p.name)) {
        problems.add(`${ppath}.name`, `port name ${show(p.name)} is already used by ${path}.ports[${portNames.get(p.name)}]; give each port of a container a unique name.`);
      } else {
        portNames.set(p.name, i);
      }
    }
    checkPortNumber(p?.containerPort, `${ppath}.containerPort`, true, problems);
    if (p?.hostPort !== undefined && p.hostPort !== 0) {
      checkPortNumber(p.hostPort, `${ppath}.hostPort`, true, problems);
    }
    if (p?.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) {
      problems.add(`${ppath}.protocol`, `${show(p.protocol)} is not supported; use one of ${PROTOCOLS.join(', ')}.`);
    }
    // validateHostNetwork: with hostNetwork the hostPort (defaulted to containerPort) must equal it.
    if (hostNetwork && p?.hostPort !== undefined && p.hostPort !== 0 && p.hostPort !== p.containerPort) {
      problems.add(`${ppath}.containerPort`, `${show(p.containerPort)} must match hostPort ${show(p.hostPort)} when hostNetwork is true; remove hostPort or make them equal.`);
    }
  });
}

/** Go: `AccumulateUniqueHostPorts`: one protocol/hostIP/hostPort triple per pod (per init container). */
function checkHostPortConflicts(containers: Array<[any, string]>, problems: Problems): void {
  const seen = new Map<string, string>();
  for (const [c, cpath] of containers) {
    (Array.isArray(c?.ports) ? c.ports : []).forEach((p: any, i: number) => {
      if (p?.hostPort === undefined || p.hostPort === 0) {
        return;
      }
      const key = `${p.protocol ?? 'TCP'}/${p.hostIP ?? ''}/${p.hostPort}`;
      const ppath = `${cpath}.ports[${i}].hostPort`;
      const previous = seen.get(key);
      if (previous) {
        problems.add(ppath, `${show(p.hostPort)} (${p.protocol ?? 'TCP'}) is already used by ${previous}; each host port may be used once per protocol and host IP.`);
      } else {
        seen.set(key, ppath);
      }
    });
  }
}

/**
 * Go: `ValidateVolumeMounts`: name Required and NotFound among the pod's volumes, mountPath
 * Required and unique, subPath/subPathExpr relative without '..' and mutually exclusive.
 * This library also requires absolute mount paths (the API server accepts a relative one and the
 * kubelet resolves it against '/'), and treats '/data' and '/data/' as the same mount point.
 */
function validateVolumeMounts(c: any, path: string, volumeNames: Set<string>, problems: Problems): void {
  const mountPaths = new Map<string, number>();
  (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m: any, i: number) => {
    const mpath = `${path}.volumeMounts[${i}]`;
    if (typeof m?.name !== 'string' || m.name.length === 0) {
      problems.add(`${mpath}.name`, 'is required; set the name of one of the pod\'s volumes.');
    } else if (!volumeNames.has(m.name)) {
      const declared = [...volumeNames];
      problems.add(`${mpath}.name`, `${show(m.name)} names no volume of this pod; declare it in volumes or use one of ${declared.length ? declared.map((n) => show(n)).join(', ') : '(none declared)'}.`);
    }
    if (typeof m?.mountPath !== 'string' || m.mountPath.length === 0) {
      problems.add(`${mpath}.mountPath`, 'is required; set an absolute path (e.g. /data).');
    } else {
      if (!m.mountPath.startsWith('/')) {
        problems.add(`${mpath}.mountPath`, `${show(m.mountPath)} is relative; the API server accepts it but the kubelet would silently resolve it against '/'. This library requires an absolute path: use ${show('/' + m.mountPath)}.`);
      }
      const key = m.mountPath.length > 1 ? m.mountPath.replace(/\/+$/, '') : m.mountPath;
      const previous = mountPaths.get(key);
      if (previous !== undefined) {
        const prevPath = c.volumeMounts[previous].mountPath;
        const why = prevPath === m.mountPath ? '' : ` (${show(prevPath)} is the same directory: this library compares mount paths without a trailing '/', as the container runtime does)`;
        problems.add(`${mpath}.mountPath`, `${show(m.mountPath)} is already mounted by ${path}.volumeMounts[${previous}]${why}; each mount needs its own path.`);
      } else {
        mountPaths.set(key, i);
      }
    }
    for (const field of ['subPath', 'subPathExpr']) {
      if (typeof m?.[field] === 'string' && m[field].length > 0) {
        const r = localDescendingPath(m[field]);
        if (r) {
          problems.add(`${mpath}.${field}`, `${show(m[field])} ${r}; it is a path inside the volume.`);
        }
      }
    }
    if (m?.subPath && m?.subPathExpr) {
      problems.add(`${mpath}.subPathExpr`, 'subPathExpr and subPath are mutually exclusive; keep one.');
    }
  });
}

/** Go: `ValidateEnv` (name Required, IsEnvVarName) and `validateEnvVarValueFrom` (exactly one source, not with value). */
function validateEnv(env: unknown, path: string, problems: Problems): void {
  (Array.isArray(env) ? env : []).forEach((e: any, i: number) => {
    const epath = `${path}[${i}]`;
    const r = typeof e?.name === 'string' && e.name.length > 0 ? envVarName(e.name) : 'is required';
    if (r) {
      problems.add(`${epath}.name`, `environment variable name ${show(e?.name)} is invalid: it ${r}.`);
    }
    if (e?.valueFrom !== undefined) {
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => e.valueFrom?.[k] !== undefined);
      if (sources.length === 0) {
        problems.add(`${epath}.valueFrom`, 'must specify one of: fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.');
      } else if (typeof e.value === 'string' && e.value.length > 0) {
        problems.add(`${epath}.valueFrom`, 'may not be specified when value is not empty; keep value or valueFrom.');
      } else if (sources.length > 1) {
        problems.add(`${epath}.valueFrom`, `has ${sources.join(' and ')}; it may have only one source.`);
      }
    }
  });
}

/**
 * Go: `validateProbe` / `validateHandler`: exactly one handler, valid ports, non-negative
 * numbers; liveness and startup probes need successThreshold 1 (0 is defaulted to 1).
 */
function validateProbe(probe: any, path: string, successMustBeOne: boolean, problems: Problems): void {
  if (probe === undefined || probe === null) {
    return;
  }
  validateHandler(probe, path, problems);
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const v = probe[field];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) {
      problems.add(`${path}.${field}`, `${show(v)} must be a non-negative integer.`);
    }
  }
  if (successMustBeOne && probe.successThreshold !== undefined && probe.successThreshold !== 0 && probe.successThreshold !== 1) {
    problems.add(`${path}.successThreshold`, `${show(probe.successThreshold)} must be 1 for liveness and startup probes.`);
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && (!Number.isInteger(tgps) || tgps <= 0)) {
    problems.add(`${path}.terminationGracePeriodSeconds`, `${show(tgps)} must be greater than 0.`);
  }
}

function validateHandler(handler: any, path: string, problems: Problems): void {
  const kinds = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((k) => handler?.[k] !== undefined);
  if (kinds.length === 0) {
    problems.add(path, 'must specify a handler type: one of exec, httpGet, tcpSocket or grpc.');
    return;
  }
  if (kinds.length > 1) {
    problems.add(`${path}.${kinds[1]}`, `may not specify more than 1 handler type (${kinds.join(', ')}); keep one.`);
  }
  if (handler.exec && (!Array.isArray(handler.exec.command) || handler.exec.command.length === 0)) {
    problems.add(`${path}.exec.command`, "is required; set the command to run (e.g. ['cat', '/tmp/healthy']).");
  }
  for (const k of ['httpGet', 'tcpSocket']) {
    if (handler[k] !== undefined) {
      checkPortNumOrName(handler[k].port, `${path}.${k}.port`, problems);
    }
  }
  if (handler.grpc !== undefined) {
    checkPortNumber(handler.grpc.port, `${path}.grpc.port`, true, problems);
  }
}

/** Go: `ValidatePortNumOrName`: a number 1-65535 or an IANA service name. */
function checkPortNumOrName(port: unknown, path: string, problems: Problems): void {
  if (typeof port === 'string') {
    const r = ianaServiceName(port);
    if (r) {
      problems.add(path, `${show(port)} is not a valid port name: it ${r}; use a container port name or a number.`);
    }
    return;
  }
  checkPortNumber(port, path, true, problems);
}

/**
 * Go: `ValidateResourceRequirements`: resource names (`validateContainerResourceName`), quantities
 * (`ValidateResourceQuantityValue`: well-formed, non-negative, integer for extended resources),
 * request <= limit, and request == limit (with the limit required) for resources that cannot be
 * overcommitted (extended resources and hugepages).
 */
function validateResources(resources: any, path: string, problems: Problems): void {
  let hasCpuOrMemory = false;
  let hasHugePages = false;
  for (const kind of ['limits', 'requests']) {
    for (const [name, value] of Object.entries(resources?.[kind] ?? {})) {
      const rpath = `${path}.${kind}.${name}`;
      const r = containerResourceName(name);
      if (r) {
        problems.add(rpath, `resource name ${show(name)} ${r}.`);
        continue;
      }
      hasCpuOrMemory ||= name === 'cpu' || name === 'memory';
      hasHugePages ||= name.startsWith('hugepages-');
      const q = checkQuantity(value, rpath, problems);
      if (q !== undefined && isExtendedResource(name) && !Number.isInteger(q)) {
        problems.add(rpath, `${show(value)} must be an integer: extended resources are counted in whole units.`);
      }
      if (q !== undefined && name.startsWith('hugepages-')) {
        const page = parseQuantity(name.slice('hugepages-'.length));
        if (page !== undefined && page > 0 && q % page !== 0) {
          problems.add(rpath, `${show(value)} is not a positive integer multiple of ${name}.`);
        }
      }
    }
  }
  for (const [name, request] of Object.entries(resources?.requests ?? {})) {
    if (containerResourceName(name)) {
      continue;
    }
    const limit = resources?.limits?.[name];
    const overcommit = !isExtendedResource(name) && !name.startsWith('hugepages-');
    const rq = parseQuantity(request);
    if (limit === undefined) {
      if (!overcommit) {
        problems.add(`${path}.limits`, `must set a limit for ${name}: its request must equal its limit (${name} cannot be overcommitted).`);
      }
      continue;
    }
    const lq = parseQuantity(limit);
    if (rq === undefined || lq === undefined) {
      continue;
    }
    if (!overcommit && rq !== lq) {
      problems.add(`${path}.requests.${name}`, `${show(request)} must be equal to the ${name} limit ${show(limit)} (${name} cannot be overcommitted).`);
    } else if (rq > lq) {
      problems.add(`${path}.requests.${name}`, `${show(request)} is more than the limit ${show(limit)}; a request must be less than or equal to its limit.`);
    }
  }
  if (hasHugePages && !hasCpuOrMemory) {
    problems.add(path, 'HugePages require cpu or memory; request or limit one of them too.');
  }
}

/** Go: `validateContainerResourceName` (+ `validateResourceName`, `IsExtendedResourceName`). */
function containerResourceName(name: string): string | undefined {
  const q = qualifiedName(name);
  if (q) {
    return `is invalid: it ${q}`;
  }
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !name.startsWith('hugepages-')) {
      return `must be a standard resource for containers (${STANDARD_CONTAINER_RESOURCES.join(', ')}, hugepages-<size>) or a domain-qualified extended resource (e.g. 'example.com/gpu')`;
    }
    return undefined;
  }
  if (!name.includes('kubernetes.io/') && (name.startsWith('requests.') || qualifiedName(`requests.${name}`))) {
    return "doesn't follow the extended resource name standard (e.g. 'example.com/gpu')";
  }
  return undefined;
}

/** Go: `IsExtendedResourceName`: domain-qualified, not in the kubernetes.io domain. */
function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.includes('kubernetes.io/');
}

/** Reports a malformed or negative quantity; returns its value when well-formed. */
function checkQuantity(value: unknown, path: string, problems: Problems): number | undefined {
  const q = parseQuantity(value);
  if (q === undefined) {
    problems.add(path, `${show(value)} is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`);
    return undefined;
  }
  if (q < 0) {
    problems.add(path, `${show(value)} must be greater than or equal to 0.`);
  }
  return q;
}

/** Whether a value is a well-formed resource.Quantity (a number, or a string like '100m', '1Gi', '1e3'). */
export function isQuantity(value: unknown): boolean {
  return parseQuantity(value) !== undefined;
}

const SUFFIX: { [suffix: string]: number } = {
  '': 1,
  'n': 1e-9,
  'u': 1e-6,
  'm': 1e-3,
  'k': 1e3,
  'M': 1e6,
  'G': 1e9,
  'T': 1e12,
  'P': 1e15,
  'E': 1e18,
  'Ki': 2 ** 10,
  'Mi': 2 ** 20,
  'Gi': 2 ** 30,
  'Ti': 2 ** 40,
  'Pi': 2 ** 50,
  'Ei': 2 ** 60,
};

/** Go: `resource.ParseQuantity` (numbers are accepted too: a JSON number unmarshals into a Quantity). */
function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value !== 'string' || !QUANTITY.test(value)) {
    return undefined;
  }
  const m = value.match(/^([+-]?[0-9.]+)(.*)$/)!;
  const suffix = m[2];
  if (/^[eE]/.test(suffix)) {
    return Number(m[1] + suffix);
  }
  return Number(m[1]) * SUFFIX[suffix];
}

/** Checks a port number is an integer in 1-65535. Go: `IsValidPortNum`. */
export function checkPortNumber(value: unknown, path: string, required: boolean, problems: Problems): void {
  if (value === undefined) {
    if (required) {
      problems.add(path, 'is required; set a port number between 1 and 65535.');
    }
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    problems.add(path, `${show(value)} is not a valid port number; use an integer between 1 and 65535.`);
  }
}

/**
 * Checks a Deployment spec. Go (apps): `ValidateDeploymentSpec` (replicas, selector required and
 * non-empty, `ValidatePodTemplateSpecForReplicaSet`: selector matches the template labels,
 * restartPolicy Always, no activeDeadlineSeconds), `ValidateDeploymentStrategy`,
 * `ValidateRollingUpdateDeployment`, minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds.
 */
export function validateDeploymentSpec(spec: any, path: string, problems: Problems): void {
  const matchLabels: { [key: string]: string } = spec.selector?.matchLabels ?? {};
  const matchExpressions: any[] = spec.selector?.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + matchExpressions.length === 0) {
    problems.add(`${path}.selector`, 'a Deployment selects its pods by label and none are declared; set metadata.labels (e.g. { app: \'web\' }). They become the pod template labels and the selector.');
  } else {
    validateLabels(matchLabels, `${path}.selector.matchLabels`, problems);
    const templateLabels: { [key: string]: string } = spec.template?.metadata?.labels ?? {};
    for (const [k, v] of Object.entries(matchLabels)) {
      if (templateLabels[k] !== v) {
        problems.add(`${path}.template.metadata.labels`, `selector ${k}=${v} does not match the template labels; the selector must match the pod template's labels.`);
      }
    }
  }
  for (const field of ['replicas', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds']) {
    const v = spec[field];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) {
      problems.add(`${path}.${field}`, `${show(v)} must be a non-negative integer.`);
    }
  }
  // progressDeadlineSeconds (defaulted to 600 by apps/v1) must be greater than minReadySeconds.
  const progress = spec.progressDeadlineSeconds ?? 600;
  if (Number.isInteger(spec.minReadySeconds) && Number.isInteger(progress) && progress <= spec.minReadySeconds) {
    const which = spec.progressDeadlineSeconds === undefined ? ' (the default 600)' : '';
    problems.add(`${path}.progressDeadlineSeconds`, `${show(progress)}${which} must be greater than minReadySeconds ${show(spec.minReadySeconds)}; raise progressDeadlineSeconds or lower minReadySeconds.`);
  }
  validateStrategy(spec.strategy, `${path}.strategy`, problems);

  const templateSpec = spec.template?.spec ?? {};
  if (templateSpec.restartPolicy !== undefined && templateSpec.restartPolicy !== 'Always') {
    problems.add(`${path}.template.spec.restartPolicy`, `${show(templateSpec.restartPolicy)} is not supported in a Deployment; the only allowed value is Always (omit it). Use a bare Pod for run-once work.`);
  }
  if (templateSpec.activeDeadlineSeconds !== undefined) {
    problems.add(`${path}.template.spec.activeDeadlineSeconds`, `${show(templateSpec.activeDeadlineSeconds)} is not supported in a Deployment; remove it.`);
  }
}

/** Go (apps): `ValidateDeploymentStrategy` + `ValidateRollingUpdateDeployment` (after the 25%/25% defaults). */
function validateStrategy(strategy: any, path: string, problems: Problems): void {
  if (strategy === undefined) {
    return;
  }
  const type = strategy.type ?? 'RollingUpdate';
  if (type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined) {
      problems.add(`${path}.rollingUpdate`, "may not be specified when strategy type is 'Recreate'; remove it.");
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    problems.add(`${path}.type`, `${show(type)} is not supported; use Recreate or RollingUpdate.`);
    return;
  }
  const values: { [field: string]: number | undefined } = {};
  for (const field of ['maxUnavailable', 'maxSurge']) {
    const v = strategy.rollingUpdate?.[field] ?? '25%';
    const fpath = `${path}.rollingUpdate.${field}`;
    if (typeof v === 'string') {
      if (!PERCENT.test(v)) {
        problems.add(fpath, `${show(v)} is not a valid percent; write a number followed by '%' (e.g. '25%') or an integer.`);
      } else {
        values[field] = Number(v.slice(0, -1));
        if (field === 'maxUnavailable' && values[field]! > 100) {
          problems.add(fpath, `${show(v)} must not be greater than 100%.`);
        }
      }
    } else if (!Number.isInteger(v) || v < 0) {
      problems.add(fpath, `${show(v)} must be a non-negative integer or a percent.`);
    } else {
      values[field] = v;
    }
  }
  if (values.maxUnavailable === 0 && values.maxSurge === 0) {
    problems.add(`${path}.rollingUpdate.maxUnavailable`, 'may not be 0 when maxSurge is 0: the rollout could never make progress. Allow one of them to be above 0.');
  }
}
