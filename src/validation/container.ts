/**
 * Containers. Go (`pkg/apis/core/validation/validation.go`): `validateContainers`,
 * `validateInitContainers`, `validateEphemeralContainers`, `validateContainerCommon`,
 * `validateContainerOnlyForPod`, `validateContainerPorts`, `AccumulateUniqueHostPorts`,
 * `validatePodHostNetworkDeps`, `ValidateVolumeMounts`, `validateMountPropagation`,
 * `validateMountRecursiveReadOnly`, `ValidateVolumeDevices`, `validatePullPolicy`; defaults
 * (`pkg/apis/core/v1/defaults.go`): `SetDefaults_Container` and what `SetObjectDefaults_Pod`
 * applies inside a container.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { checkName, checkPortNumber, FEATURE_GATES_1_32, goTrimSpace } from './common';
import { defaultEnv, validateEnv, validateEnvFrom } from './env';
import { ianaServiceName } from './names';
import {
  defaultLifecycle, defaultProbe, validateLifecycle, validateLivenessProbe, validateReadinessProbe,
  validateStartupProbe,
} from './probes';
import { validateContainerResourceRequirements } from './resources';
import { validateSecurityContext } from './security-context';
import { localDescendingPath } from './volumes';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RECURSIVE_READ_ONLY = ['Disabled', 'IfPossible', 'Enabled'];
/** Go: `v1.DefaultTerminationGracePeriodSeconds` (SetDefaults_PodSpec). */
const DEFAULT_GRACE_PERIOD = 30;
/** Where Kubernetes 1.28 differs: native sidecars (init containers with restartPolicy Always). */
const SIDECARS_1_28 = 'Kubernetes 1.29+; 1.28 has native sidecars only behind the alpha SidecarContainers feature gate';
/** The message of pod-only rules reported for a pod template too. */
const TEMPLATE_NOTE = ' (the API server accepts it in a pod template, then rejects every Pod created from it; this library\'s contract)';

/** What the container checks need from the pod. The rest (volumes, grace period, OS, ...) is read from the spec. */
export interface ContainerCheckContext {
  /** Whether the pod is a bare Pod (not a template). */
  readonly isPod: boolean;
  /** The names of the pod's volumes. */
  readonly volumeNames: Set<string>;
}

/** What validateContainers derives from the pod spec (Go passes these as arguments). */
interface PodFacts {
  readonly isPod: boolean;
  readonly volumeNames: Set<string>;
  /** The pod's volumes by name (the first of each name), for their source types. */
  readonly volumes: Map<string, any>;
  /** spec.terminationGracePeriodSeconds, defaulted to 30 (the bound of sleep hooks). */
  readonly gracePeriod: number | undefined;
  readonly hostNetwork: boolean;
  /** Whether the pod runs on Windows nodes (runsOnWindows). */
  readonly windows: boolean;
}

const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): any => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {});

/** The node labels of the operating system (the kubelet sets both on every node: Kubelet.initialNode). */
const OS_LABELS = ['kubernetes.io/os', 'beta.kubernetes.io/os'];

/**
 * Whether a pod runs on Windows nodes: spec.os.name windows, or (without spec.os.name) it can only
 * be scheduled on Windows nodes: a nodeSelector kubernetes.io/os (or beta.kubernetes.io/os)
 * windows, or a required node affinity each of whose terms requires one of those labels In
 * [windows]. Decides this library's Windows contracts (mount paths, the Linux-only containers it
 * generates), not an API server rule.
 */
export function runsOnWindows(spec: any): boolean {
  return windowsPin(spec) !== undefined;
}

/** What makes a pod run on Windows nodes (see runsOnWindows), as a field and value, or undefined. */
export function windowsPin(spec: any): string | undefined {
  const os = obj(obj(spec).os).name;
  if (os !== undefined) {
    return os === 'windows' ? 'os.name: windows' : undefined;
  }
  const selector = obj(obj(spec).nodeSelector);
  const label = OS_LABELS.find((l) => selector[l] === 'windows');
  if (label !== undefined) {
    return `nodeSelector ${label}: windows`;
  }
  const terms = list(obj(obj(obj(obj(spec).affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms);
  const pinned = terms.length > 0 && terms.every((t) => list(obj(t).matchExpressions).some((e) => OS_LABELS.includes(obj(e).key) && obj(e).operator === 'In'
    && list(obj(e).values).length > 0 && list(obj(e).values).every((v) => v === 'windows')));
  return pinned ? 'affinity.nodeAffinity: requires the OS label windows' : undefined;
}

function podFacts(spec: any, context: ContainerCheckContext): PodFacts {
  const volumes = new Map<string, any>();
  for (const v of list(spec.volumes)) {
    if (typeof v?.name === 'string' && !volumes.has(v.name)) {
      volumes.set(v.name, v);
    }
  }
  const tgps = spec.terminationGracePeriodSeconds;
  return {
    isPod: context.isPod,
    volumeNames: context.volumeNames,
    volumes,
    gracePeriod: tgps == null ? DEFAULT_GRACE_PERIOD : Number.isInteger(tgps) ? tgps : undefined,
    hostNetwork: spec.hostNetwork === true,
    windows: runsOnWindows(spec),
  };
}

/**
 * Checks every container of a pod spec as the API server does on create: main, init (with native
 * sidecars) and ephemeral containers, names unique across them, host ports, and the pod-level
 * rule that is about container ports (hostNetwork).
 */
// Go: validateContainers (validation.go), then validateInitContainers, validateEphemeralContainers
// and validatePodHostNetworkDeps, as ValidatePodSpec calls them (the OS rules are pod-spec.ts's).
export function validateContainers(spec: any, path: string, problems: Problems, context: ContainerCheckContext): void {
  const facts = podFacts(spec, context);
  const containers = list(spec.containers);
  const initContainers = list(spec.initContainers);

  // Names are unique across init, main and ephemeral containers. Go reports a clash between an init
  // and a main container at the init container (validateInitContainers); this library reports every
  // clash at the later container in the pod's order (init, main, ephemeral), as it always has.
  const duplicates = duplicateNames(spec, path);
  // validateContainers: `if len(containers) == 0 { Required }`.
  if (containers.length === 0) {
    problems.add(`${path}.containers`, 'a pod needs at least one main container; add one.');
  }
  containers.forEach((c0, i) => {
    const c = obj(c0);
    const cpath = `${path}.containers[${i}]`;
    validateContainerCommon(c, cpath, facts, problems);
    reportDuplicate(c, cpath, duplicates, problems);
    if (c.lifecycle != null) {
      validateLifecycle(c.lifecycle, facts.gracePeriod, `${cpath}.lifecycle`, problems);
    }
    validateLivenessProbe(c.livenessProbe, facts.gracePeriod, `${cpath}.livenessProbe`, problems);
    validateReadinessProbe(c.readinessProbe, facts.gracePeriod, `${cpath}.readinessProbe`, problems);
    validateStartupProbe(c.startupProbe, facts.gracePeriod, `${cpath}.startupProbe`, problems);
    if (c.restartPolicy != null) {
      problems.add(`${cpath}.restartPolicy`, `${show(c.restartPolicy)} is set on a main container; only init containers accept restartPolicy (Always makes a native sidecar). Remove it.`);
    }
  });
  // Port conflicts are checked across all main containers.
  accumulateUniqueHostPorts(containers.map((c, i) => [obj(c), `${path}.containers[${i}]`]), facts, problems);

  validateInitContainers(initContainers, path, facts, duplicates, problems);
  const others = [...initContainers, ...containers].map((c) => obj(c).name).filter((n) => typeof n === 'string');
  validateEphemeralContainers(list(spec.ephemeralContainers), path, facts, duplicates, others, problems);
  validatePodHostNetworkDeps(containers, path, facts, problems);
}

// Go: validateInitContainers (validation.go): the common checks, restartPolicy (only Always: a
// native sidecar), names unique with the main containers, host ports per init container (they run
// one at a time), probes and lifecycle only on native sidecars, no resizePolicy.
function validateInitContainers(initContainers: any[], path: string, facts: PodFacts, duplicates: Map<string, string>, problems: Problems): void {
  initContainers.forEach((c0, i) => {
    const c = obj(c0);
    const cpath = `${path}.initContainers[${i}]`;
    validateContainerCommon(c, cpath, facts, problems);
    const sidecar = validateInitContainerRestartPolicy(c.restartPolicy, `${cpath}.restartPolicy`, problems);
    reportDuplicate(c, cpath, duplicates, problems);
    accumulateUniqueHostPorts([[c, cpath]], facts, problems);
    if (sidecar) {
      if (c.lifecycle != null) {
        validateLifecycle(c.lifecycle, facts.gracePeriod, `${cpath}.lifecycle`, problems);
      }
      validateLivenessProbe(c.livenessProbe, facts.gracePeriod, `${cpath}.livenessProbe`, problems);
      validateReadinessProbe(c.readinessProbe, facts.gracePeriod, `${cpath}.readinessProbe`, problems);
      validateStartupProbe(c.startupProbe, facts.gracePeriod, `${cpath}.startupProbe`, problems);
    } else {
      for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[field] != null) {
          problems.add(`${cpath}.${field}`, `must not be set for init containers: an init container runs to completion before the app starts. Remove it, or make the container a native sidecar (restartPolicy: Always; ${SIDECARS_1_28}).`);
        }
      }
    }
    if (list(c.resizePolicy).length > 0) {
      problems.add(`${cpath}.resizePolicy`, 'must not be set for init containers; remove it.');
    }
  });
}

// Go: validateInitContainerRestartPolicy (validation.go): only Always (a native sidecar). Returns
// whether the init container is a native sidecar.
function validateInitContainerRestartPolicy(policy: unknown, path: string, problems: Problems): boolean {
  if (policy == null) {
    return false;
  }
  if (policy !== 'Always') {
    problems.add(path, `${show(policy)} is not supported on an init container; the only allowed value is Always (a native sidecar: ${SIDECARS_1_28}).`);
  }
  return policy === 'Always';
}

/** Go: `allowedEphemeralContainerFields`: the fields an ephemeral container may not set. */
const EPHEMERAL_FORBIDDEN = ['ports', 'resources', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resizePolicy', 'restartPolicy'];

// Go: validateEphemeralContainers (validation.go): the common checks and the pod-only ones, names
// unique across all containers, targetContainerName naming a main or init container, only the
// allowed fields (validateFieldAllowList), no subPath. (ValidatePodCreate then forbids ephemeral
// containers on create altogether: they are added through the ephemeralcontainers subresource.)
function validateEphemeralContainers(
  ephemeral: any[], path: string, facts: PodFacts, duplicates: Map<string, string>, others: string[], problems: Problems,
): void {
  ephemeral.forEach((c0, i) => {
    const c = obj(c0);
    const cpath = `${path}.ephemeralContainers[${i}]`;
    validateContainerCommon(c, cpath, { ...facts, isPod: true }, problems);
    reportDuplicate(c, cpath, duplicates, problems);
    if (typeof c.targetContainerName === 'string' && c.targetContainerName !== '' && !others.includes(c.targetContainerName)) {
      problems.add(`${cpath}.targetContainerName`, `${show(c.targetContainerName)} names no main or init container of this pod; use one of ${others.map((n) => show(n)).join(', ') || '(none)'}.`);
    }
    for (const field of EPHEMERAL_FORBIDDEN) {
      const v = c[field];
      // Go compares each field with its zero value: `resources: {}` is zero, `ports: []` is not.
      const zero = v == null || (field === 'resources' && typeof v === 'object' && Object.values(v).every((x) => x == null));
      if (!zero) {
        problems.add(`${cpath}.${field}`, 'cannot be set for an ephemeral container; remove it.');
      }
    }
    list(c.volumeMounts).forEach((m: any, j: number) => {
      for (const field of ['subPath', 'subPathExpr']) {
        if (typeof m?.[field] === 'string' && m[field] !== '') {
          problems.add(`${cpath}.volumeMounts[${j}].${field}`, 'cannot be set for an ephemeral container; remove it.');
        }
      }
    });
  });
}

/**
 * The containers whose name an earlier container already has: path -> the earlier path. Go checks
 * the main containers first (validateContainers), then the init containers against them and each
 * other (validateInitContainers), then the ephemeral ones against all (validateEphemeralContainers):
 * an init container that has a main container's name is the duplicate. A container without a name
 * is named "" there: a second main one is a duplicate, and so is an init or ephemeral one beside an
 * unnamed main one, but two unnamed init containers are not (Go records only a named one).
 */
function duplicateNames(spec: any, path: string): Map<string, string> {
  const duplicates = new Map<string, string>();
  // A name that is neither a string nor unset is the decoder's problem.
  const nameOf = (c: unknown): string | undefined => {
    const name = obj(c)?.name;
    return typeof name === 'string' ? name : name === undefined || name === null ? '' : undefined;
  };
  const check = (field: string, seen: Map<string, string>, record: (name: string) => boolean): void => {
    list(spec[field]).forEach((c, i) => {
      const name = nameOf(c);
      if (name === undefined) {
        return;
      }
      const cpath = `${path}.${field}[${i}]`;
      const previous = seen.get(name);
      if (previous !== undefined) {
        duplicates.set(cpath, previous);
      } else if (record(name)) {
        seen.set(name, cpath);
      }
    });
  };
  const names = new Map<string, string>();
  check('containers', names, () => true);
  check('initContainers', names, (name) => name !== '');
  if (list(spec.ephemeralContainers).length === 0) {
    return duplicates;
  }
  // Go: every main and init container's name, "" included, then each ephemeral one's.
  const all = new Map<string, string>();
  for (const field of ['containers', 'initContainers']) {
    list(spec[field]).forEach((c, i) => {
      const name = nameOf(c);
      if (name !== undefined && !all.has(name)) {
        all.set(name, `${path}.${field}[${i}]`);
      }
    });
  }
  check('ephemeralContainers', all, () => true);
  return duplicates;
}

function reportDuplicate(c: any, cpath: string, duplicates: Map<string, string>, problems: Problems): void {
  const previous = duplicates.get(cpath);
  if (previous && typeof c.name === 'string' && c.name !== '') {
    problems.add(`${cpath}.name`, `container name ${show(c.name)} is already used by ${previous}; give each container (init and main) a unique name.`);
  } else if (previous) {
    problems.add(`${cpath}.name`, `is empty, as is the name of ${previous}: the API server reads both as the name "" and reports a duplicate; name every container.`);
  }
}

// Go: validateContainerCommon (validation.go): name, image, terminationMessagePolicy, ports, env,
// envFrom, volume mounts and devices, imagePullPolicy, resources, securityContext; with
// validateContainerOnlyForPod (no whitespace around the image).
function validateContainerCommon(c: any, path: string, facts: PodFacts, problems: Problems): void {
  checkName(c.name, `${path}.name`, 'container', problems);
  if (typeof c.image !== 'string' || c.image.length === 0) {
    problems.add(`${path}.image`, `${typeof c.name === 'string' && c.name !== '' ? `container ${show(c.name)}` : 'the container'} has no image; set image (e.g. 'busybox:1.36').`);
  } else {
    validateContainerOnlyForPod(c.image, `${path}.image`, facts, problems);
  }
  // Defaulted (SetDefaults_Container): "" is File.
  if (c.terminationMessagePolicy != null && c.terminationMessagePolicy !== '' && !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
    problems.add(`${path}.terminationMessagePolicy`, `${show(c.terminationMessagePolicy)} is not supported; use one of ${TERMINATION_MESSAGE_POLICIES.join(', ')}.`);
  }
  validateContainerPorts(c.ports, `${path}.ports`, problems);
  validateEnv(c.env, `${path}.env`, problems);
  validateEnvFrom(c.envFrom, `${path}.envFrom`, problems);
  validateVolumeMounts(c, `${path}.volumeMounts`, facts, problems);
  validateVolumeDevices(c, `${path}.volumeDevices`, facts, problems);
  validatePullPolicy(c.imagePullPolicy, `${path}.imagePullPolicy`, problems);
  validateContainerResourceRequirements(c.resources, `${path}.resources`, problems);
  validateSecurityContext(c.securityContext, `${path}.securityContext`, problems);
}

// Go: validateContainerOnlyForPod (validation.go): no whitespace around the image. It runs on Pods
// only, so a pod template with such an image is accepted, but every Pod it creates is rejected:
// this library reports it for both.
function validateContainerOnlyForPod(image: string, path: string, facts: PodFacts, problems: Problems): void {
  if (image !== goTrimSpace(image)) {
    problems.add(path, `${show(image)} has leading or trailing whitespace${facts.isPod ? '' : TEMPLATE_NOTE}; remove it.`);
  }
}

// Go: validatePullPolicy (validation.go). Defaulted (SetDefaults_Container): "" is Always or IfNotPresent.
function validatePullPolicy(policy: unknown, path: string, problems: Problems): void {
  if (policy != null && policy !== '' && !PULL_POLICIES.includes(policy as string)) {
    problems.add(path, `${show(policy)} is not supported; use one of ${PULL_POLICIES.join(', ')}.`);
  }
}

// Go: validateContainerPorts (validation.go): names (IsValidPortName, unique), containerPort,
// hostPort, protocol (defaulted to TCP).
function validateContainerPorts(ports: unknown, path: string, problems: Problems): void {
  const portNames = new Map<string, number>();
  list(ports).forEach((p0: any, i: number) => {
    const p = obj(p0);
    const ppath = `${path}[${i}]`;
    if (p.name !== undefined && p.name !== '') {
      const r = typeof p.name === 'string' ? ianaServiceName(p.name) : 'must be a string';
      if (r) {
        problems.add(`${ppath}.name`, `container port name ${show(p.name)} is not a valid IANA service name: it ${r}.`);
      } else if (portNames.has(p.name)) {
        problems.add(`${ppath}.name`, `port name ${show(p.name)} is already used by ${path}[${portNames.get(p.name)}]; give each port of a container a unique name.`);
      } else {
        portNames.set(p.name, i);
      }
    }
    checkPortNumber(p.containerPort, `${ppath}.containerPort`, true, problems);
    if (p.hostPort != null && p.hostPort !== 0) {
      checkPortNumber(p.hostPort, `${ppath}.hostPort`, true, problems);
    }
    if (p.protocol != null && p.protocol !== '' && !PROTOCOLS.includes(p.protocol)) {
      problems.add(`${ppath}.protocol`, `${show(p.protocol)} is not supported; use one of ${PROTOCOLS.join(', ')}.`);
    }
  });
}

// Go: SetDefaults_Pod (defaults.go), defaultHostNetworkPorts: with hostNetwork, a Pod's hostPort 0 is
// its containerPort (Pods only: a template gets it in each Pod it creates).
function effectiveHostPort(p: any, facts: PodFacts): { port: unknown; defaulted: boolean } {
  if ((p.hostPort == null || p.hostPort === 0) && facts.hostNetwork && p.containerPort != null) {
    return { port: p.containerPort, defaulted: true };
  }
  return { port: p.hostPort, defaulted: false };
}

// Go: checkHostPortConflicts (validation.go)
// Go: AccumulateUniqueHostPorts (validation.go): one protocol/hostIP/hostPort triple per set of
// containers. With hostNetwork, a Pod's hostPort is its
// containerPort (SetDefaults_Pod); a template gets that default only in each Pod it creates.
function accumulateUniqueHostPorts(containers: Array<[any, string]>, facts: PodFacts, problems: Problems): void {
  const seen = new Map<string, string>();
  for (const [c, cpath] of containers) {
    list(c.ports).forEach((p0: any, i: number) => {
      const p = obj(p0);
      const { port, defaulted } = effectiveHostPort(p, facts);
      if (port == null || port === 0) {
        return;
      }
      const protocol = p.protocol == null || p.protocol === '' ? 'TCP' : p.protocol;
      const key = `${protocol}/${p.hostIP ?? ''}/${port}`;
      const ppath = `${cpath}.ports[${i}].hostPort`;
      const previous = seen.get(key);
      if (previous) {
        const why = defaulted ? ` (with hostNetwork, hostPort defaults to containerPort)${facts.isPod ? '' : TEMPLATE_NOTE}` : '';
        problems.add(ppath, `${show(port)} (${protocol}) is already used by ${previous}${why}; each host port may be used once per protocol and host IP.`);
      } else {
        seen.set(key, ppath);
      }
    });
  }
}

// Go: validatePodHostNetworkDeps (validation.go): with hostNetwork, a main container's hostPort, if
// set, must equal its containerPort (a Pod's unset hostPort is defaulted to it).
function validatePodHostNetworkDeps(containers: any[], path: string, facts: PodFacts, problems: Problems): void {
  if (!facts.hostNetwork) {
    return;
  }
  containers.forEach((c, i) => {
    list(obj(c).ports).forEach((p0: any, j: number) => {
      const p = obj(p0);
      if (p.hostPort != null && p.hostPort !== 0 && p.hostPort !== p.containerPort) {
        // Go reports it at hostPort; this library kept its earlier path, the pair's other field.
        problems.add(`${path}.containers[${i}].ports[${j}].containerPort`, `${show(p.containerPort)} must match hostPort ${show(p.hostPort)} when hostNetwork is true; remove hostPort or make them equal.`);
      }
    });
  });
}

/**
 * An absolute mount path of a Windows container: a drive (`C:\data`, `C:/data`), a UNC path or
 * named pipe (`\\.\pipe\x`), or a root path (`/data`, `\data`), which the kubelet puts on C:
 * (Go: kubelet makeMounts with IsWindowsUNCPath and filepath.IsAbs, volumeutil.MakeAbsolutePath).
 */
const WINDOWS_ABSOLUTE = /^(?:[A-Za-z]:[\\/]|[\\/])/;

/** Whether a mount path is absolute in a pod of that OS (this library's contract). */
export function isAbsoluteMountPath(mountPath: string, windows: boolean): boolean {
  return windows ? WINDOWS_ABSOLUTE.test(mountPath) : mountPath.startsWith('/');
}

/** A Windows mount path as the file system compares it: '\\' as '/', any letter case, no trailing separator, a root path on C:. */
function windowsMountKey(mountPath: string): string {
  const slashed = mountPath.replace(/\\/g, '/').toLowerCase();
  const onDrive = slashed.startsWith('/') && !slashed.startsWith('//') ? `c:${slashed}` : slashed;
  return onDrive.length > 3 ? onDrive.replace(/\/+$/, '') : onDrive;
}

/** The message of this library's contract that a mount path is absolute, for Linux or Windows pods. */
function relativeMountPath(mountPath: string, windows: boolean): string {
  if (windows) {
    const drive = /^([A-Za-z]:)([^:]*)$/.exec(mountPath);
    if (drive) {
      return `${show(mountPath)} is relative to the current folder of drive ${drive[1]}, which the kubelet passes on as it is (it leaves a path with ':' alone). This library's contract requires an absolute path: use ${show(`${drive[1]}\\${drive[2]}`)}.`;
    }
    if (mountPath.includes(':')) {
      return `${show(mountPath)} is not an absolute Windows path, and the kubelet passes a path with ':' on as it is. This library's contract requires an absolute path, e.g. "C:\\\\data".`;
    }
    return `${show(mountPath)} is relative; the API server accepts it but the kubelet would silently resolve it against 'C:\\'. This library's contract requires an absolute path: use ${show('C:\\' + mountPath)}.`;
  }
  const hint = /^[A-Za-z]:[\\/]|^\\\\/.test(mountPath) ? ' (a Windows path: for a Windows pod, set spec.os.name to windows)' : '';
  return `${show(mountPath)} is relative${hint}; the API server accepts it but the kubelet would silently resolve it against '/'. This library's contract requires an absolute path: use ${show('/' + mountPath)}.`;
}

/**
 * Whether the API server removes a mount before validation: one of an image volume while the
 * ImageVolume gate is off (Go: dropImageVolumes, pkg/api/pod/util.go, removes the volume and
 * every mount of it; the preparation reports the volume as vanishing).
 */
// Go: dropImageVolumes (pkg/api/pod/util.go)
function droppedMount(m: any, facts: PodFacts): boolean {
  return !FEATURE_GATES_1_32.ImageVolume && typeof m?.name === 'string' && facts.volumes.get(m.name)?.image != null;
}

// Go: ValidateVolumeMounts (validation.go), with validateMountPropagation and
// validateMountRecursiveReadOnly: name required and declared, mountPath required and unique, not
// also a block device, subPath/subPathExpr relative without '..' and mutually exclusive (and not on
// image volumes), mountPropagation, recursiveReadOnly.
// This library's contract, stricter than the API server: mountPath must be absolute (the kubelet
// would resolve a relative one against '/'), and '/data' and '/data/' are the same mount point.
function validateVolumeMounts(c: any, path: string, facts: PodFacts, problems: Problems): void {
  const devices = list(c.volumeDevices).map(obj);
  const mountPaths = new Map<string, number>();
  const mounts = list(c.volumeMounts);
  mounts.forEach((m0: any, i: number) => {
    const m = obj(m0);
    const mpath = `${path}[${i}]`;
    if (droppedMount(m, facts)) {
      return;
    }
    if (typeof m.name !== 'string' || m.name.length === 0) {
      problems.add(`${mpath}.name`, "is required; set the name of one of the pod's volumes.");
    } else if (!facts.volumeNames.has(m.name)) {
      const declared = [...facts.volumeNames];
      problems.add(`${mpath}.name`, `${show(m.name)} names no volume of this pod; declare it in volumes or use one of ${declared.length ? declared.map((n) => show(n)).join(', ') : '(none declared)'}.`);
    }
    if (typeof m.mountPath !== 'string' || m.mountPath.length === 0) {
      problems.add(`${mpath}.mountPath`, 'is required; set an absolute path (e.g. /data).');
    } else {
      if (!isAbsoluteMountPath(m.mountPath, facts.windows)) {
        problems.add(`${mpath}.mountPath`, relativeMountPath(m.mountPath, facts.windows));
      }
      const key = facts.windows ? windowsMountKey(m.mountPath) : m.mountPath.length > 1 ? m.mountPath.replace(/\/+$/, '') : m.mountPath;
      const previous = mountPaths.get(key);
      if (previous !== undefined) {
        const prevPath = mounts[previous].mountPath;
        const how = facts.windows ? "without a trailing separator, '\\' as '/' and in any letter case, as Windows does" : "without a trailing '/', as the container runtime does";
        const why = prevPath === m.mountPath ? '' : ` (${show(prevPath)} is the same directory: this library compares mount paths ${how})`;
        // The same string is ValidateVolumeMounts' own rule ("must be unique"); another spelling of it is this library's contract.
        problems.add(`${mpath}.mountPath`, `${show(m.mountPath)} is already mounted by ${path}[${previous}]${why}; each mount needs its own path${why ? " (this library's contract)" : ''}.`);
      } else {
        mountPaths.set(key, i);
      }
    }
    if (typeof m.name === 'string' && devices.some((d) => d.name === m.name)) {
      problems.add(`${mpath}.name`, `${show(m.name)} is also in volumeDevices; a volume is either mounted or attached as a block device, not both.`);
    }
    if (typeof m.mountPath === 'string' && devices.some((d) => d.devicePath === m.mountPath)) {
      problems.add(`${mpath}.mountPath`, `${show(m.mountPath)} is also a devicePath in volumeDevices; use another path.`);
    }
    // With the ImageVolume gate off (1.32), dropImageVolumes removes the mount with the volume
    // before validation (reported as vanishing by the preparation): this rule is for later versions.
    if (FEATURE_GATES_1_32.ImageVolume && facts.volumes.get(m.name)?.image != null) {
      for (const field of ['subPath', 'subPathExpr']) {
        if (typeof m[field] === 'string' && m[field].length > 0) {
          problems.add(`${mpath}.${field}`, `${show(m[field])} is not allowed in image volume sources; mount the whole image volume.`);
        }
      }
    }
    for (const field of ['subPath', 'subPathExpr']) {
      if (typeof m[field] === 'string' && m[field].length > 0) {
        const r = localDescendingPath(m[field]);
        if (r) {
          problems.add(`${mpath}.${field}`, `${show(m[field])} ${r}; it is a path inside the volume.`);
        }
      }
    }
    if (m.subPath && m.subPathExpr) {
      problems.add(`${mpath}.subPathExpr`, 'subPathExpr and subPath are mutually exclusive; keep one.');
    }
    if (m.mountPropagation != null) {
      validateMountPropagation(m.mountPropagation, c, `${mpath}.mountPropagation`, problems);
    }
    validateMountRecursiveReadOnly(m, `${mpath}.recursiveReadOnly`, problems);
  });
}

// Go: validateMountPropagation (validation.go): a known mode; Bidirectional only in privileged containers.
function validateMountPropagation(mode: unknown, c: any, path: string, problems: Problems): void {
  if (!MOUNT_PROPAGATIONS.includes(mode as string)) {
    problems.add(path, `${show(mode)} is not supported; use one of ${MOUNT_PROPAGATIONS.join(', ')}.`);
  }
  if (mode === 'Bidirectional' && c.securityContext?.privileged !== true) {
    problems.add(path, '"Bidirectional" mount propagation is available only to privileged containers; set securityContext.privileged: true or use HostToContainer.');
  }
}

// Go: validateMountRecursiveReadOnly (validation.go): Enabled and IfPossible need readOnly: true and
// no mount propagation other than None. (RecursiveReadOnlyMounts is beta, on by default, in 1.31+.)
function validateMountRecursiveReadOnly(m: any, path: string, problems: Problems): void {
  const rro = m.recursiveReadOnly;
  if (rro == null || rro === 'Disabled') {
    return;
  }
  if (rro === 'Enabled' || rro === 'IfPossible') {
    if (m.readOnly !== true) {
      problems.add(path, `${show(rro)} may only be specified when readOnly is true; set readOnly: true.`);
    }
    if (m.mountPropagation != null && m.mountPropagation !== 'None') {
      problems.add(path, `${show(rro)} may only be specified when mountPropagation is None or not specified; remove mountPropagation.`);
    }
    return;
  }
  problems.add(path, `${show(rro)} is not supported; use one of ${RECURSIVE_READ_ONLY.join(', ')}.`);
}

// Go: ValidateVolumeDevices (validation.go): name required, unique, declared and a
// persistentVolumeClaim or ephemeral volume; devicePath required, unique, without '..'; neither
// also a volume mount.
function validateVolumeDevices(c: any, path: string, facts: PodFacts, problems: Problems): void {
  const mounts = list(c.volumeMounts).map(obj).filter((m) => !droppedMount(m, facts));
  const names = new Map<string, number>();
  const paths = new Map<string, number>();
  list(c.volumeDevices).forEach((d0: any, i: number) => {
    const d = obj(d0);
    const dpath = `${path}[${i}]`;
    const name = d.name;
    const hasName = typeof name === 'string' && name.length > 0;
    if (!hasName) {
      problems.add(`${dpath}.name`, "is required; set the name of one of the pod's persistentVolumeClaim or ephemeral volumes.");
    } else if (names.has(name)) {
      problems.add(`${dpath}.name`, `${show(name)} is already attached by ${path}[${names.get(name)}]; attach each volume once.`);
    } else if (!facts.volumeNames.has(name)) {
      problems.add(`${dpath}.name`, `${show(name)} names no volume of this pod; declare it in volumes.`);
    } else {
      const v = facts.volumes.get(name);
      if (v && v.image != null && !FEATURE_GATES_1_32.ImageVolume) {
        // Go: dropImageVolumes (pkg/api/pod/util.go) removes the volume and its mounts, not its
        // devices, so ValidateVolumeDevices finds no volume of this name ("Not found").
        problems.add(`${dpath}.name`, `${show(name)} names an image volume, which the API server removes on create in Kubernetes 1.32 (the ImageVolume gate is off), while this device stays: it would name no volume, and the Pod is rejected; remove the device (an image volume is mounted with volumeMounts, where the gate is on).`);
      } else if (v && v.persistentVolumeClaim == null && v.ephemeral == null) {
        problems.add(`${dpath}.name`, `${show(name)} is not a persistentVolumeClaim or ephemeral volume; only those can be attached as a block device (volumeDevices). Mount it with volumeMounts instead.`);
      }
    }
    const devicePath = d.devicePath;
    if (typeof devicePath !== 'string' || devicePath.length === 0) {
      problems.add(`${dpath}.devicePath`, 'is required; set the path of the device in the container (e.g. /dev/xvda).');
    } else if (paths.has(devicePath)) {
      problems.add(`${dpath}.devicePath`, `${show(devicePath)} is already used by ${path}[${paths.get(devicePath)}]; each device needs its own path.`);
    } else if (devicePath.split('/').includes('..')) {
      // Go: validatePathNoBacksteps: filepath.ToSlash changes nothing on Linux, where the API
      // server runs, so a backslash is an ordinary character.
      problems.add(`${dpath}.devicePath`, `${show(devicePath)} can not contain backsteps ('..'); write the path without them.`);
    } else {
      paths.set(devicePath, i);
    }
    if (hasName && mounts.some((m) => m.name === name)) {
      problems.add(`${dpath}.name`, `${show(name)} is also in volumeMounts; a volume is either mounted or attached as a block device, not both.`);
    }
    if (typeof devicePath === 'string' && mounts.some((m) => m.mountPath === devicePath)) {
      problems.add(`${dpath}.devicePath`, `${show(devicePath)} is also a mountPath in volumeMounts; use another path.`);
    }
    if (hasName && !names.has(name)) {
      names.set(name, i);
    }
  });
}

// Go: ParseImageName (parsers.go), the tag: 'latest' when neither a tag nor a digest is given.
function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : '';
  return tag === '' && at < 0 ? 'latest' : tag;
}

/**
 * The API server's defaults inside one container (init, main or ephemeral), in place, on a copy.
 * Requests and limits are not rewritten: their rounding to milli units (SetDefaults_ResourceList)
 * happens inside validateContainerResourceRequirements, so messages show the values as written.
 * The Pod-only defaults (requests from limits, hostPort from containerPort with hostNetwork:
 * SetDefaults_Pod) change no verdict and are accounted for where they matter (host ports).
 */
// Go: SetDefaults_Container (defaults.go), and what SetObjectDefaults_Pod applies inside a container:
// the ports' protocol (+default=TCP), SetDefaults_ObjectFieldSelector, SetDefaults_Probe,
// SetDefaults_HTTPGetAction.
export function defaultContainer(container: any): void {
  if (container === null || typeof container !== 'object' || Array.isArray(container)) {
    return;
  }
  const c = container;
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === '') {
    c.imagePullPolicy = typeof c.image === 'string' && imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent';
  }
  if (c.terminationMessagePath === undefined || c.terminationMessagePath === '') {
    c.terminationMessagePath = '/dev/termination-log';
  }
  if (c.terminationMessagePolicy === undefined || c.terminationMessagePolicy === '') {
    c.terminationMessagePolicy = 'File';
  }
  for (const p of list(c.ports)) {
    if (p && typeof p === 'object' && (p.protocol === undefined || p.protocol === '')) {
      p.protocol = 'TCP';
    }
  }
  defaultEnv(c.env);
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    defaultProbe(c[probe]);
  }
  if (c.lifecycle && typeof c.lifecycle === 'object') {
    defaultLifecycle(c.lifecycle);
  }
}
