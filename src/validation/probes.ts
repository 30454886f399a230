/**
 * Probes and lifecycle handlers. Go: `validateLivenessProbe`, `validateReadinessProbe`,
 * `validateStartupProbe`, `validateProbe`, `validateHandler`, `validateLifecycle` and the actions
 * (`validateExecAction`, `validateHTTPGetAction`, `validateTCPSocketAction`, `validateGRPCAction`,
 * `validateSleepAction`), `ValidatePortNumOrName`, in `pkg/apis/core/validation/validation.go`;
 * `SetDefaults_Probe` and `SetDefaults_HTTPGetAction` in `pkg/apis/core/v1/defaults.go`.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { checkPortNumber } from './common';
import { ianaServiceName } from './names';

/** Which handler a check is for: probes have grpc, lifecycle hooks have sleep. */
type HandlerKind = 'probe' | 'lifecycle';

const HANDLERS: { [kind in HandlerKind]: string[] } = {
  probe: ['exec', 'httpGet', 'tcpSocket', 'grpc'],
  lifecycle: ['exec', 'httpGet', 'tcpSocket', 'sleep'],
};

const PROBE_NUMBERS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

// Go: validateLivenessProbe (validation.go): validateProbe, and successThreshold must be 1 (0 is
// defaulted to 1 by SetDefaults_Probe).
export function validateLivenessProbe(probe: any, gracePeriod: number | undefined, path: string, problems: Problems): void {
  validateProbeWithSuccessOne(probe, gracePeriod, path, problems);
}

// Go: validateStartupProbe (validation.go): as a liveness probe.
export function validateStartupProbe(probe: any, gracePeriod: number | undefined, path: string, problems: Problems): void {
  validateProbeWithSuccessOne(probe, gracePeriod, path, problems);
}

function validateProbeWithSuccessOne(probe: any, gracePeriod: number | undefined, path: string, problems: Problems): void {
  if (probe == null) {
    return;
  }
  validateProbe(probe, gracePeriod, path, problems);
  const s = probe.successThreshold;
  if (s !== undefined && s !== 0 && s !== 1) {
    problems.add(`${path}.successThreshold`, `${show(s)} must be 1 for liveness and startup probes.`);
  }
}

// Go: validateReadinessProbe (validation.go): validateProbe, and no terminationGracePeriodSeconds.
export function validateReadinessProbe(probe: any, gracePeriod: number | undefined, path: string, problems: Problems): void {
  if (probe == null) {
    return;
  }
  validateProbe(probe, gracePeriod, path, problems);
  if (probe.terminationGracePeriodSeconds != null) {
    problems.add(`${path}.terminationGracePeriodSeconds`, 'must not be set for readinessProbes; remove it.');
  }
}

// Go: validateProbe (validation.go): one handler, non-negative numbers (0 is defaulted), and a
// positive terminationGracePeriodSeconds.
export function validateProbe(probe: any, gracePeriod: number | undefined, path: string, problems: Problems): void {
  if (probe == null) {
    return;
  }
  validateHandler(probe, 'probe', gracePeriod, path, problems);
  for (const field of PROBE_NUMBERS) {
    // JSON null leaves an int32 at 0, which SetDefaults_Probe then fills in.
    const v = probe[field];
    if (v != null && (!Number.isInteger(v) || v < 0)) {
      problems.add(`${path}.${field}`, `${show(v)} must be a non-negative integer.`);
    }
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps != null && (!Number.isInteger(tgps) || tgps <= 0)) {
    problems.add(`${path}.terminationGracePeriodSeconds`, `${show(tgps)} must be greater than 0.`);
  }
}

// Go: validateLifecycle (validation.go): postStart and preStop handlers.
export function validateLifecycle(lifecycle: any, gracePeriod: number | undefined, path: string, problems: Problems): void {
  for (const hook of ['postStart', 'preStop']) {
    if (lifecycle?.[hook] != null) {
      validateHandler(lifecycle[hook], 'lifecycle', gracePeriod, `${path}.${hook}`, problems);
    }
  }
}

// Go: validateHandler (validation.go): exactly one handler type, and that handler's own checks.
export function validateHandler(handler: any, kind: HandlerKind, gracePeriod: number | undefined, path: string, problems: Problems): void {
  const allowed = HANDLERS[kind];
  const set = allowed.filter((k) => handler?.[k] != null);
  if (set.length === 0) {
    problems.add(path, `must specify a handler type: one of ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}.`);
    return;
  }
  if (set.length > 1) {
    problems.add(`${path}.${set[1]}`, `may not specify more than 1 handler type (${set.join(', ')}); keep one.`);
  }
  const [k] = set;
  const h = handler[k];
  if (k === 'exec') {
    validateExecAction(h, `${path}.exec`, problems);
  } else if (k === 'httpGet') {
    validateHTTPGetAction(h, `${path}.httpGet`, problems);
  } else if (k === 'tcpSocket') {
    validateTCPSocketAction(h, `${path}.tcpSocket`, problems);
  } else if (k === 'grpc') {
    validateGRPCAction(h, `${path}.grpc`, problems);
  } else if (k === 'sleep') {
    validateSleepAction(h, gracePeriod, `${path}.sleep`, problems);
  }
}

// Go: validateExecAction (validation.go).
function validateExecAction(exec: any, path: string, problems: Problems): void {
  if (!Array.isArray(exec.command) || exec.command.length === 0) {
    problems.add(`${path}.command`, "is required; set the command to run (e.g. ['cat', '/tmp/healthy']).");
  }
}

// Go: validateTCPSocketAction (validation.go)
function validateTCPSocketAction(tcp: any, path: string, problems: Problems): void {
  validatePortNumOrName(tcp.port, `${path}.port`, problems);
}

// Go: validateGRPCAction (validation.go): ValidatePortNumOrName(intstr.FromInt32(grpc.Port)).
function validateGRPCAction(grpc: any, path: string, problems: Problems): void {
  checkPortNumber(grpc.port, `${path}.port`, true, problems);
}

const HTTP_SCHEMES = ['HTTP', 'HTTPS'];

// Go: validateHTTPGetAction (validation.go): path (defaulted to '/'), port, scheme (defaulted to
// HTTP), header names (IsHTTPHeaderName).
function validateHTTPGetAction(http: any, path: string, problems: Problems): void {
  validatePortNumOrName(http.port, `${path}.port`, problems);
  if (http.scheme !== undefined && http.scheme !== '' && !HTTP_SCHEMES.includes(http.scheme)) {
    problems.add(`${path}.scheme`, `${show(http.scheme)} is not supported; use one of ${HTTP_SCHEMES.join(', ')} (uppercase).`);
  }
  (Array.isArray(http.httpHeaders) ? http.httpHeaders : []).forEach((header: any, i: number) => {
    if (header?.name === undefined || header?.name === null || header?.name === '') {
      problems.add(`${path}.httpHeaders[${i}].name`, 'is required; name the header (e.g. \'X-Header-Name\').');
    } else if (typeof header.name !== 'string' || !/^[-A-Za-z0-9]+$/.test(header.name)) {
      problems.add(`${path}.httpHeaders[${i}].name`, `${show(header?.name)} is not a valid HTTP header name: it must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name').`);
    }
  });
}

// Go: validateSleepAction (validation.go): PodLifecycleSleepActionAllowZero is off in 1.32, so the
// seconds must be at least 1 and at most the pod's terminationGracePeriodSeconds (default 30).
// The PodLifecycleSleepAction gate is alpha (off) in 1.29 and on from 1.30 (Kubernetes 1.28 has no
// such field); PodLifecycleSleepActionAllowZero is on from 1.33 (KEP-4818), which the message for 0 names.
function validateSleepAction(sleep: any, gracePeriod: number | undefined, path: string, problems: Problems): void {
  const seconds = sleep.seconds ?? 0;
  if (gracePeriod !== undefined && (typeof seconds !== 'number' || seconds <= 0 || seconds > gracePeriod)) {
    const zero = seconds === 0 ? ' 0 needs the PodLifecycleSleepActionAllowZero gate, off by default in 1.32 and on from 1.33.' : '';
    problems.add(`${path}.seconds`, `${show(seconds)} must be greater than 0 and at most the pod's terminationGracePeriodSeconds (${gracePeriod}); the sleep hook is cut off when the grace period ends. `
      + `(The sleep action needs Kubernetes 1.30 or later, 1.29 only with the alpha PodLifecycleSleepAction gate.${zero})`);
  }
}

// Go: ValidatePortNumOrName (validation.go): a number 1-65535 or an IANA service name.
export function validatePortNumOrName(port: unknown, path: string, problems: Problems): void {
  if (typeof port === 'string') {
    const r = ianaServiceName(port);
    if (r) {
      problems.add(path, `${show(port)} is not a valid port name: it ${r}; use a container port name or a number.`);
    }
    return;
  }
  checkPortNumber(port, path, true, problems);
}

// Go: SetDefaults_Probe (defaults.go): timeoutSeconds 1, periodSeconds 10, successThreshold 1,
// failureThreshold 3 where 0; then the handler's defaults.
export function defaultProbe(probe: any): void {
  if (!probe || typeof probe !== 'object') {
    return;
  }
  const defaults: [string, number][] = [['timeoutSeconds', 1], ['periodSeconds', 10], ['successThreshold', 1], ['failureThreshold', 3]];
  for (const [field, value] of defaults) {
    if (probe[field] === undefined || probe[field] === 0) {
      probe[field] = value;
    }
  }
  defaultHTTPGetAction(probe.httpGet);
}

// Go: SetDefaults_HTTPGetAction (defaults.go): path '/', scheme HTTP.
export function defaultHTTPGetAction(http: any): void {
  if (!http || typeof http !== 'object') {
    return;
  }
  if (http.path === undefined || http.path === '') {
    http.path = '/';
  }
  if (http.scheme === undefined || http.scheme === '') {
    http.scheme = 'HTTP';
  }
}

// Go: SetObjectDefaults_Pod (zz_generated.defaults.go): SetDefaults_HTTPGetAction on each hook.
export function defaultLifecycle(lifecycle: any): void {
  for (const hook of ['postStart', 'preStop']) {
    defaultHTTPGetAction(lifecycle?.[hook]?.httpGet);
  }
}
