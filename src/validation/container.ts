/**
 * Containers. Go: `validateContainers`, `validateInitContainers`, `validateContainerPorts`,
 * `AccumulateUniqueHostPorts`, `ValidateVolumeMounts`, `validatePullPolicy`.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { checkName, checkPortNumber } from './common';
import { validateEnv } from './env';
import { ianaServiceName } from './names';
import { validateHandler, validateProbe } from './probes';
import { validateResources } from './resources';
import { localDescendingPath } from './volumes';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

export function validateContainer(
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
export function checkHostPortConflicts(containers: Array<[any, string]>, problems: Problems): void {
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

/** What the container checks need from the pod. */
export interface ContainerCheckContext {
  /** Whether the pod is a bare Pod (not a template). */
  readonly isPod: boolean;
  /** The names of the pod's volumes. */
  readonly volumeNames: Set<string>;
}

// Go: validateContainers + validateInitContainers (validation.go): every container of the pod spec,
// names unique across init and main containers, host ports.
export function validateContainers(spec: any, path: string, problems: Problems, context: ContainerCheckContext): void {
  const containers: any[] = Array.isArray(spec.containers) ? spec.containers : [];
  const initContainers: any[] = Array.isArray(spec.initContainers) ? spec.initContainers : [];

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
    validateContainer(c ?? {}, cpath, isInit, context.isPod, context.volumeNames, spec.hostNetwork === true, problems);
  }

  // validateContainers -> checkHostPortConflicts: main containers share one set of host ports
  // (init containers run one at a time, so each is checked on its own).
  checkHostPortConflicts(containers.map((c, i) => [c, `${path}.containers[${i}]`]), problems);
  initContainers.forEach((c, i) => checkHostPortConflicts([[c, `${path}.initContainers[${i}]`]], problems));
}

// Go: SetDefaults_Container (pkg/apis/core/v1/defaults.go) and the defaults of what a container
// holds (probes, lifecycle handlers, ports). In place, on a copy.
export function defaultContainer(_container: any): void {
  return;
}
