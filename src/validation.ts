/**
 * Semantic checks on the final manifest, mirroring the API server's rules in
 * kubernetes `pkg/apis/core/validation/validation.go` (ValidateObjectMeta, ValidatePodSpec,
 * validateContainers, validateVolumes, validateVolumeMounts, validateContainerPorts) and
 * `pkg/apis/apps/validation` (ValidateDeploymentSpec). Field paths are quoted as the API
 * server quotes them, e.g. `spec.containers[1].ports[0].containerPort`.
 *
 * Where this library is stricter than the API server, the message says so.
 *
 * @internal
 */
import { dns1123Label, dns1123Subdomain, envVarName, ianaServiceName, labelValue, qualifiedName } from './names';
import { Problems, show } from './problems';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const TOTAL_ANNOTATION_SIZE = 256 * 1024;
// resource.Quantity: <signedNumber><suffix>, suffix binary (Ki..Ei), decimal SI (n,u,m,k,M,G,T,P,E) or exponent.
const QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

/** Checks `metadata`: name (DNS-1123 subdomain by default), namespace, labels, annotations. */
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
  if (typeof meta.namespace === 'string') {
    const r = dns1123Label(meta.namespace);
    if (r) {
      problems.add(`${path}.namespace`, `${show(meta.namespace)} is not a valid namespace: it ${r}.`);
    }
  }
  validateLabels(meta.labels, `${path}.labels`, problems);
  validateAnnotations(meta.annotations, `${path}.annotations`, problems);
}

/** Checks a label map: qualified-name keys and label values. */
export function validateLabels(labels: Record<string, unknown> | undefined, path: string, problems: Problems): void {
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

function validateAnnotations(annotations: Record<string, unknown> | undefined, path: string, problems: Problems): void {
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
    size += key.length + value.length;
  }
  if (size > TOTAL_ANNOTATION_SIZE) {
    problems.add(path, `annotations total ${size} bytes; the API server allows at most ${TOTAL_ANNOTATION_SIZE} (256 KiB). Move large data into a ConfigMap.`);
  }
}

/**
 * Checks a pod spec: containers, init containers, volumes, mounts, ports, resources,
 * restart policies.
 */
export function validatePodSpec(spec: any, path: string, problems: Problems): void {
  const containers: any[] = Array.isArray(spec.containers) ? spec.containers : [];
  const initContainers: any[] = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  const volumes: any[] = Array.isArray(spec.volumes) ? spec.volumes : [];

  if (containers.length === 0) {
    problems.add(`${path}.containers`, 'a pod needs at least one main container; add one.');
  }

  // Volumes: names are DNS-1123 labels, unique, and each volume has exactly one source.
  const volumeNames = new Map<string, number>();
  volumes.forEach((v, i) => {
    const vpath = `${path}.volumes[${i}]`;
    checkName(v?.name, `${vpath}.name`, 'volume', problems);
    if (typeof v?.name === 'string') {
      if (volumeNames.has(v.name)) {
        problems.add(`${vpath}.name`, `volume name ${show(v.name)} is already used by ${path}.volumes[${volumeNames.get(v.name)}]; give each volume a unique name.`);
      } else {
        volumeNames.set(v.name, i);
      }
    }
    const sources = Object.keys(v ?? {}).filter((k) => k !== 'name');
    if (sources.length === 0) {
      problems.add(vpath, `volume ${show(v?.name)} has no source; give it exactly one, e.g. emptyDir: {}.`);
    } else if (sources.length > 1) {
      problems.add(vpath, `volume ${show(v?.name)} has ${sources.length} sources (${sources.join(', ')}); a volume may have only one.`);
    }
  });

  // Container names are unique across init and main containers.
  const containerNames = new Map<string, string>();
  const all: Array<[any, string, boolean]> = [
    ...initContainers.map((c, i): [any, string, boolean] => [c, `${path}.initContainers[${i}]`, true]),
    ...containers.map((c, i): [any, string, boolean] => [c, `${path}.containers[${i}]`, false]),
  ];
  for (const [c, cpath, isInit] of all) {
    checkName(c?.name, `${cpath}.name`, 'container', problems);
    if (typeof c?.name === 'string') {
      const previous = containerNames.get(c.name);
      if (previous) {
        problems.add(`${cpath}.name`, `container name ${show(c.name)} is already used by ${previous}; give each container (init and main) a unique name.`);
      } else {
        containerNames.set(c.name, cpath);
      }
    }
    validateContainer(c ?? {}, cpath, isInit, volumeNames, problems);
  }

  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    problems.add(`${path}.restartPolicy`, `${show(spec.restartPolicy)} is not supported; use one of ${RESTART_POLICIES.join(', ')}.`);
  }
}

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

function validateContainer(c: any, path: string, isInit: boolean, volumeNames: Map<string, number>, problems: Problems): void {
  if (typeof c.image !== 'string' || c.image.trim().length === 0) {
    problems.add(`${path}.image`, `container ${show(c.name)} has no image; set image (e.g. 'busybox:1.36').`);
  } else if (c.image !== c.image.trim()) {
    problems.add(`${path}.image`, `${show(c.image)} has leading or trailing whitespace; remove it.`);
  }

  if (c.restartPolicy !== undefined) {
    if (!isInit) {
      problems.add(`${path}.restartPolicy`, `${show(c.restartPolicy)} is set on a main container; only init containers accept restartPolicy (Always makes a native sidecar). Remove it.`);
    } else if (c.restartPolicy !== 'Always') {
      problems.add(`${path}.restartPolicy`, `${show(c.restartPolicy)} is not supported on an init container; the only allowed value is Always (a native sidecar).`);
    }
  }

  // Ports: containerPort 1-65535, hostPort 1-65535, protocol, unique IANA_SVC_NAME names.
  const portNames = new Set<string>();
  (Array.isArray(c.ports) ? c.ports : []).forEach((p: any, i: number) => {
    const ppath = `${path}.ports[${i}]`;
    checkPortNumber(p?.containerPort, `${ppath}.containerPort`, true, problems);
    if (p?.hostPort !== undefined) {
      checkPortNumber(p.hostPort, `${ppath}.hostPort`, true, problems);
    }
    if (p?.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) {
      problems.add(`${ppath}.protocol`, `${show(p.protocol)} is not supported; use one of ${PROTOCOLS.join(', ')}.`);
    }
    if (p?.name !== undefined) {
      const r = ianaServiceName(String(p.name));
      if (r) {
        problems.add(`${ppath}.name`, `container port name ${show(p.name)} is invalid: it ${r} (an IANA service name).`);
      }
      if (portNames.has(p.name)) {
        problems.add(`${ppath}.name`, `port name ${show(p.name)} is used twice in container ${show(c.name)}; give each port a unique name.`);
      }
      portNames.add(p.name);
    }
  });

  // Mounts: name a declared volume, absolute unique paths.
  const mountPaths = new Map<string, number>();
  (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m: any, i: number) => {
    const mpath = `${path}.volumeMounts[${i}]`;
    if (typeof m?.name !== 'string' || !volumeNames.has(m.name)) {
      const declared = [...volumeNames.keys()];
      problems.add(`${mpath}.name`, `${show(m?.name)} names no volume of this pod; declare it in volumes or use one of ${declared.length ? declared.map((n) => show(n)).join(', ') : '(none declared)'}.`);
    }
    if (typeof m?.mountPath !== 'string' || m.mountPath.length === 0) {
      problems.add(`${mpath}.mountPath`, 'is required; set an absolute path (e.g. /data).');
      return;
    }
    if (!m.mountPath.startsWith('/')) {
      problems.add(`${mpath}.mountPath`, `${show(m.mountPath)} is relative; the kubelet would silently resolve it against '/'. This library requires an absolute path: use ${show('/' + m.mountPath)}.`);
    }
    const key = normalizePath(m.mountPath);
    if (mountPaths.has(key)) {
      problems.add(`${mpath}.mountPath`, `${show(m.mountPath)} is already mounted by volumeMounts[${mountPaths.get(key)}] of container ${show(c.name)}; each mount needs its own path.`);
    } else {
      mountPaths.set(key, i);
    }
    if (typeof m.subPath === 'string' && (m.subPath.startsWith('/') || m.subPath.split('/').includes('..'))) {
      problems.add(`${mpath}.subPath`, `${show(m.subPath)} must be a relative path without '..'.`);
    }
  });

  (Array.isArray(c.env) ? c.env : []).forEach((e: any, i: number) => {
    const r = typeof e?.name === 'string' ? envVarName(e.name) : 'is required';
    if (r) {
      problems.add(`${path}.env[${i}].name`, `environment variable name ${show(e?.name)} is invalid: it ${r}.`);
    }
  });

  validateResources(c.resources, `${path}.resources`, problems);
}

function validateResources(resources: any, path: string, problems: Problems): void {
  for (const kind of ['limits', 'requests']) {
    for (const [name, value] of Object.entries(resources?.[kind] ?? {})) {
      if (!isQuantity(value)) {
        problems.add(`${path}.${kind}.${name}`, `${show(value)} is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`);
      } else if (String(value).startsWith('-')) {
        problems.add(`${path}.${kind}.${name}`, `${show(value)} must be non-negative.`);
      }
    }
  }
  for (const [name, request] of Object.entries(resources?.requests ?? {})) {
    const limit = resources?.limits?.[name];
    if (limit !== undefined && isQuantity(request) && isQuantity(limit) && quantityValue(request) > quantityValue(limit)) {
      problems.add(`${path}.requests.${name}`, `${show(request)} is more than the limit ${show(limit)}; a request must be less than or equal to its limit.`);
    }
  }
}

/** Whether a value is a well-formed resource.Quantity (a number, or a string like '100m', '1Gi', '1e3'). */
export function isQuantity(value: unknown): boolean {
  if (typeof value === 'number') {
    return Number.isFinite(value);
  }
  return typeof value === 'string' && QUANTITY.test(value);
}

const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

function quantityValue(value: unknown): number {
  if (typeof value === 'number') {
    return value;
  }
  const m = String(value).match(/^([+-]?[0-9.]+)(.*)$/)!;
  const suffix = m[2];
  if (/^[eE]/.test(suffix)) {
    return Number(m[1] + suffix);
  }
  return Number(m[1]) * (SUFFIX[suffix] ?? 1);
}

function normalizePath(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** Checks a port number is an integer in 1-65535. */
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

/** Checks a Deployment spec: a non-empty selector that matches the template labels, replicas >= 0. */
export function validateDeploymentSpec(spec: any, path: string, problems: Problems): void {
  const matchLabels: Record<string, string> = spec.selector?.matchLabels ?? {};
  if (Object.keys(matchLabels).length === 0) {
    problems.add(`${path}.selector`, 'a Deployment selects its pods by label and none are declared; set metadata.labels (e.g. { app: \'web\' }). They become the pod template labels and the selector.');
  } else {
    const templateLabels: Record<string, string> = spec.template?.metadata?.labels ?? {};
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
}
