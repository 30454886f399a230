/**
 * Environment variables. Go: `ValidateEnv`, `validateEnvVarValueFrom`, `validateObjectFieldSelector`,
 * `validateContainerResourceFieldSelector`, `validateContainerResourceDivisor`,
 * `validateConfigMapKeySelector`, `validateSecretKeySelector`, `ValidateEnvFrom` and the env
 * sources, in `pkg/apis/core/validation/validation.go`; `ConvertDownwardAPIFieldLabel`
 * (`pkg/apis/core/pods/helpers.go`); `IsRelaxedEnvVarName`, `IsConfigMapKey` (apimachinery).
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { goToLower } from './common';
import { configMapKey, nameIsDNSSubdomain, qualifiedName } from './names';
import { divisorSpelling, goQuantityString, parseQuantity } from './quantity';
import { readsAsLineBreak } from './yaml-scalars';

// Go: IsRelaxedEnvVarName (validation.go, apimachinery). RelaxedEnvironmentVariableValidation is beta
// and on by default in 1.32 (alpha, off, in 1.30 and 1.31): any printable ASCII character but '='.
// Kubernetes 1.28 to 1.31 apply the strict rule (IsEnvVarName) by default, which the message names.
export function relaxedEnvVarName(value: string): string | undefined {
  if (!/^[\x20-\x7e]*$/.test(value) || value.includes('=')) {
    return "must consist only of printable ASCII characters other than '=' (Kubernetes 1.31 and earlier are stricter, unless their RelaxedEnvironmentVariableValidation gate is on: letters, digits, '_', '-' or '.', not starting with a digit)";
  }
  return undefined;
}

// Go: ValidateEnv (validation.go): every variable has a name (the relaxed rule of 1.32), and its
// valueFrom is checked.
export function validateEnv(env: unknown, path: string, problems: Problems): void {
  (Array.isArray(env) ? env : []).forEach((e: any, i: number) => {
    const epath = `${path}[${i}]`;
    if (typeof e?.name !== 'string' || e.name.length === 0) {
      problems.add(`${epath}.name`, "is required; name the variable (e.g. 'MY_VAR').");
    } else {
      const r = relaxedEnvVarName(e.name);
      if (r) {
        problems.add(`${epath}.name`, `environment variable name ${show(e.name)} is invalid: it ${r}.`);
      }
    }
    validateEnvVarValueFrom(e ?? {}, `${epath}.valueFrom`, problems);
  });
}

const VALUE_FROM_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'];

// Go: validateEnvVarValueFrom (validation.go): each source checked, exactly one, and not with a value.
function validateEnvVarValueFrom(e: any, path: string, problems: Problems): void {
  const from = e.valueFrom;
  if (from === undefined || from === null) {
    return;
  }
  if (from.fieldRef != null) {
    validateObjectFieldSelector(from.fieldRef, `${path}.fieldRef`, problems);
  }
  if (from.resourceFieldRef != null) {
    validateContainerResourceFieldSelector(from.resourceFieldRef, `${path}.resourceFieldRef`, problems);
  }
  if (from.configMapKeyRef != null) {
    validateKeySelector(from.configMapKeyRef, 'ConfigMap', `${path}.configMapKeyRef`, problems);
  }
  if (from.secretKeyRef != null) {
    validateKeySelector(from.secretKeyRef, 'Secret', `${path}.secretKeyRef`, problems);
  }
  const sources = VALUE_FROM_SOURCES.filter((k) => from[k] != null);
  if (sources.length === 0) {
    problems.add(path, 'must specify one of: fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.');
  } else if (typeof e.value === 'string' && e.value.length > 0) {
    problems.add(path, 'may not be specified when value is not empty; keep value or valueFrom.');
  } else if (sources.length > 1) {
    problems.add(path, `has ${sources.join(' and ')}; it may have only one source.`);
  }
}

/** Go: `validEnvDownwardAPIFieldPathExpressions`: the pod fields an environment variable can read. */
const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
/** Go: `ConvertDownwardAPIFieldLabel` (pods/helpers.go, 1.32): the field labels of a v1 pod. */
const POD_FIELD_LABELS = [
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid',
  'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
const ENV_FIELD_PATHS_TEXT = `${ENV_FIELD_PATHS.join(', ')}, metadata.labels['<key>'] or metadata.annotations['<key>']`;

// Go: SplitMaybeSubscriptedPath (fieldpath.go): "metadata.labels['app']" -> ["metadata.labels", "app"].
function splitMaybeSubscriptedPath(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) {
    return undefined;
  }
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) {
    return undefined;
  }
  return [s.slice(0, at), s.slice(at + 2)];
}

// Go: validateObjectFieldSelector (validation.go), for env: the apiVersion (defaulted to v1) and a
// field path an environment variable may read, after
// Go: ConvertDownwardAPIFieldLabel (pods/helpers.go)
function validateObjectFieldSelector(fs: any, path: string, problems: Problems): void {
  const apiVersion = fs.apiVersion ?? '';
  if (apiVersion !== '' && apiVersion !== 'v1') {
    problems.add(`${path}.apiVersion`, `${show(apiVersion)} is not supported: the downward API reads the pod as v1; write 'v1' or omit apiVersion.`);
    return;
  }
  if (typeof fs.fieldPath !== 'string' || fs.fieldPath.length === 0) {
    problems.add(`${path}.fieldPath`, "is required; set the pod field to read (e.g. 'metadata.name').");
    return;
  }
  const fieldPath: string = fs.fieldPath;
  const subscripted = splitMaybeSubscriptedPath(fieldPath);
  if (subscripted) {
    const [field, key] = subscripted;
    if (field === 'metadata.labels' || field === 'metadata.annotations') {
      // Annotation keys are checked lower-cased (Go: ValidateQualifiedName(strings.ToLower(subscript))).
      const r = qualifiedName(field === 'metadata.annotations' ? goToLower(key) : key);
      if (r) {
        const what = field === 'metadata.labels' ? 'label' : 'annotation';
        problems.add(path, `${what} key ${show(key)} in ${show(fieldPath)} is invalid: it ${r}.`);
      }
    } else {
      problems.add(`${path}.fieldPath`, `${show(fieldPath)} does not support a subscript: only metadata.labels['<key>'] and metadata.annotations['<key>'] do.`);
    }
    return;
  }
  // spec.host is the old name of spec.nodeName (ConvertDownwardAPIFieldLabel converts it).
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  if (!POD_FIELD_LABELS.includes(internal)) {
    problems.add(`${path}.fieldPath`, `${show(fieldPath)} is not a field of the pod the downward API knows; use one of ${ENV_FIELD_PATHS_TEXT}.`);
  } else if (!ENV_FIELD_PATHS.includes(internal)) {
    problems.add(`${path}.fieldPath`, `${show(fieldPath)} is not supported in an environment variable; use one of ${ENV_FIELD_PATHS_TEXT} (a downwardAPI volume can read more).`);
  }
}

/** Go: `validContainerResourceFieldPathExpressions` and the hugepages prefixes. */
const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];
const RESOURCE_FIELD_PREFIXES = ['requests.hugepages-', 'limits.hugepages-'];

// Go: validateContainerResourceFieldSelector (validation.go), for env (no containerName needed).
// Exported for the downwardAPI volume (volume = true: containerName is required there).
export function validateContainerResourceFieldSelector(fs: any, path: string, problems: Problems, volume = false): void {
  const resource = fs.resource;
  if (volume && (typeof fs.containerName !== 'string' || fs.containerName.length === 0)) {
    problems.add(`${path}.containerName`, 'is required; name the container whose resources to read.');
  } else if (typeof resource !== 'string' || resource.length === 0) {
    problems.add(`${path}.resource`, "is required; set the resource to read (e.g. 'limits.memory').");
  } else if (!RESOURCE_FIELD_PATHS.includes(resource) && !RESOURCE_FIELD_PREFIXES.some((p) => resource.startsWith(p))) {
    problems.add(`${path}.resource`, `${show(resource)} is not supported; use one of ${RESOURCE_FIELD_PATHS.join(', ')}, requests.hugepages-<size> or limits.hugepages-<size>.`);
  }
  validateContainerResourceDivisor(typeof resource === 'string' ? resource : '', fs.divisor, `${path}.divisor`, problems);
}

const CPU_DIVISORS = ['1m', '1'];
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];

// Go: validateContainerResourceDivisor (validation.go): an unset (zero) divisor is fine; otherwise
// its canonical form (Quantity.String(): '1000m' is '1', '1024Ki' is '1Mi') must be one of the
// divisors of the resource.
function validateContainerResourceDivisor(resource: string, divisor: unknown, path: string, problems: Problems): void {
  if (divisor === undefined) {
    return;
  }
  const q = parseQuantity(divisor);
  if (q === undefined) {
    if (!readsAsLineBreak(divisor)) {
      problems.add(path, `${show(divisor)} is not a valid quantity; write e.g. '1m', '1' or '1Mi'.`);
    }
    return;
  }
  if (q.sign === 0) {
    return;
  }
  // Go compares divisor.String(), which keeps the text as written when its digits look canonical.
  const canonical = goQuantityString(divisor)!;
  let allowed: string[] | undefined;
  let kind = '';
  if (resource === 'limits.cpu' || resource === 'requests.cpu') {
    [allowed, kind] = [CPU_DIVISORS, 'cpu'];
  } else if (resource === 'limits.memory' || resource === 'requests.memory') {
    [allowed, kind] = [BYTE_DIVISORS, 'memory'];
  } else if (resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') {
    [allowed, kind] = [BYTE_DIVISORS, 'local ephemeral storage'];
  } else if (RESOURCE_FIELD_PREFIXES.some((p) => resource.startsWith(p))) {
    [allowed, kind] = [BYTE_DIVISORS, 'hugepages'];
  }
  if (allowed && !allowed.includes(canonical)) {
    // Shown with its exponent where Go's String() drops it ("2000E" is "2e21", not "2").
    const written = canonical === q.goString() ? q.toString() : canonical;
    const same = written === String(divisor) ? '' : ` (${show(written)})`;
    problems.add(path, `${show(divisor)}${same} is not a divisor of ${resource}; only ${allowed.join(', ')} are supported with the ${kind} resource.${divisorSpelling(divisor, allowed)}`);
  }
}

// Go: validateConfigMapKeySelector (validation.go)
// Go: validateSecretKeySelector (validation.go): the name is a DNS subdomain (ValidateSecretName for
// both) and the key a valid ConfigMap/Secret key.
function validateKeySelector(s: any, what: 'ConfigMap' | 'Secret', path: string, problems: Problems): void {
  const name = s.name ?? '';
  if (typeof name !== 'string' || name.length === 0) {
    problems.add(`${path}.name`, `is required; set the name of the ${what} to read.`);
  } else {
    const r = nameIsDNSSubdomain(name, false);
    if (r) {
      problems.add(`${path}.name`, `${show(name)} is not a valid ${what} name: it ${r}.`);
    }
  }
  if (typeof s.key !== 'string' || s.key.length === 0) {
    problems.add(`${path}.key`, `is required; set the key of the ${what} to read.`);
  } else {
    const r = configMapKey(s.key);
    if (r) {
      problems.add(`${path}.key`, `${show(s.key)} is not a valid ${what} key: it ${r}.`);
    }
  }
}

// Go: ValidateEnvFrom (validation.go): a prefix that is a valid variable name, and exactly one source,
// named (a DNS subdomain; a trailing '-' allowed):
// Go: validateConfigMapEnvSource (validation.go)
// Go: validateSecretEnvSource (validation.go)
export function validateEnvFrom(envFrom: unknown, path: string, problems: Problems): void {
  (Array.isArray(envFrom) ? envFrom : []).forEach((ev: any, i: number) => {
    const ipath = `${path}[${i}]`;
    if (typeof ev?.prefix === 'string' && ev.prefix.length > 0) {
      const r = relaxedEnvVarName(ev.prefix);
      if (r) {
        problems.add(`${ipath}.prefix`, `${show(ev.prefix)} is not a valid variable name prefix: it ${r}.`);
      }
    }
    const sources: string[] = [];
    for (const [field, what] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']]) {
      const ref = ev?.[field];
      if (ref == null) {
        continue;
      }
      sources.push(field);
      const name = ref.name ?? '';
      if (typeof name !== 'string' || name.length === 0) {
        problems.add(`${ipath}.${field}.name`, `is required; set the name of the ${what} to read.`);
      } else {
        const r = nameIsDNSSubdomain(name, true);
        if (r) {
          problems.add(`${ipath}.${field}.name`, `${show(name)} is not a valid ${what} name: it ${r}.`);
        }
      }
    }
    if (sources.length === 0) {
      problems.add(ipath, 'must specify one of: configMapRef or secretRef.');
    } else if (sources.length > 1) {
      problems.add(ipath, 'has configMapRef and secretRef; it may have only one source (use two envFrom entries).');
    }
  });
}

// Go: SetDefaults_ObjectFieldSelector (pkg/apis/core/v1/defaults.go), for every fieldRef of env.
export function defaultEnv(env: unknown): void {
  for (const e of Array.isArray(env) ? env : []) {
    const fieldRef = e?.valueFrom?.fieldRef;
    if (fieldRef && typeof fieldRef === 'object' && (fieldRef.apiVersion === undefined || fieldRef.apiVersion === '')) {
      fieldRef.apiVersion = 'v1';
    }
  }
}
