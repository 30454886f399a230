/**
 * `InitStep.waitForDns(host)`: until a name resolves.
 *
 * @internal
 */
import { isIP } from 'net';
import type { InitStepOptions } from '../init-step';
import { show } from '../problems';
import { shellQuote } from '../shell';
import { argumentProblems, checkHost, checkKeys, checkOptions, DEFAULT_IMAGE, defaultName, fail, retryScript, shContainer, StepSpec, WAIT_ATTEMPT_SECONDS } from './script';

/**
 * Uses `getent hosts` where the image has it (it resolves like the app will: `/etc/hosts`,
 * search domains), else busybox `nslookup`, which asks the DNS server only. Only exit codes are
 * used, never the output, which changes between busybox versions.
 */
export function waitForDnsStep(host: string, options: InitStepOptions): StepSpec {
  const errors: string[] = [];
  checkKeys('InitStepOptions', options, errors);
  if (typeof host === 'string' && isIP(host.replace(/^\[(.*)\]$/, '$1')) !== 0) {
    // getent hosts and nslookup would look up the address's PTR record, which it need not have.
    errors.push(`host: ${show(host)} is an IP address, which needs no name lookup (getent and nslookup would ask for its reverse (PTR) record and wait out the timeout without one); use InitStep.waitForTcp(${show(host)}, PORT) to wait for the server`);
  } else {
    checkHost('host', host, errors);
  }
  const settings = checkOptions(options, errors);
  fail('InitStep.waitForDns', errors);
  const name = options.name ?? defaultName('wait-for-dns', host);
  const script = [
    'if command -v getent >/dev/null 2>&1; then lookup="getent hosts"; else lookup=nslookup; fi',
    `command -v "\${lookup%% *}" >/dev/null 2>&1 || { printf '%s\\n' ${shellQuote(`${name}: the image has neither getent nor nslookup; use ${DEFAULT_IMAGE} or an image that has one`)} >&2; exit 1; }`,
    retryScript({
      name,
      tools: [],
      start: [`waiting up to ${settings.timeout} s for ${host} to resolve`],
      attempt: `$lookup ${host} >/dev/null 2>&1`,
      attemptSeconds: WAIT_ATTEMPT_SECONDS,
      failure: [`timed out after ${settings.timeout} s: ${host} does not resolve`],
      success: [`${host} resolves`],
      ...settings,
    }),
  ].join('\n');
  return {
    name,
    writesFiles: false,
    bind: () => {
      const container = shContainer(name, settings.image, script);
      return { container, problems: argumentProblems(container, 'shorten the host name') };
    },
  };
}
