/**
 * Probes and lifecycle handlers. Go: `validateProbe`, `validateHandler`, `ValidatePortNumOrName`.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { checkPortNumber } from './common';
import { ianaServiceName } from './names';

/**
 * Go: `validateProbe` / `validateHandler`: exactly one handler, valid ports, non-negative
 * numbers; liveness and startup probes need successThreshold 1 (0 is defaulted to 1).
 */
export function validateProbe(probe: any, path: string, successMustBeOne: boolean, problems: Problems): void {
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

export function validateHandler(handler: any, path: string, problems: Problems): void {
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
export function checkPortNumOrName(port: unknown, path: string, problems: Problems): void {
  if (typeof port === 'string') {
    const r = ianaServiceName(port);
    if (r) {
      problems.add(path, `${show(port)} is not a valid port name: it ${r}; use a container port name or a number.`);
    }
    return;
  }
  checkPortNumber(port, path, true, problems);
}
