/**
 * `InitStep.waitForTcp(host, port)`: until `host:port` accepts a TCP connection.
 *
 * @internal
 */
import type { InitStepOptions } from '../init-step';
import { show } from '../problems';
import { argumentProblems, checkHost, checkKeys, checkOptions, defaultName, fail, retryScript, shContainer, StepSpec, WAIT_ATTEMPT_SECONDS } from './script';

/**
 * Each attempt is `nc -w 5 HOST PORT -e true`: busybox `nc` connects (giving up after 5 s) and
 * then runs `true` on the connection, which closes it at once. So the attempt succeeds as soon as
 * the port accepts, whatever the server then says or does not say (a server that never closes
 * would hold `nc HOST PORT </dev/null` forever: `-w` bounds only the connect). `-e` is in every
 * busybox `nc` (the image's netcat 1.10 one and the small one of Debian's busybox); `-z` is not.
 */
export function waitForTcpStep(host: string, port: number, options: InitStepOptions): StepSpec {
  const errors: string[] = [];
  checkKeys('InitStepOptions', options, errors);
  checkHost('host', host, errors);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    errors.push(`port: ${show(port)} must be a port number between 1 and 65535`);
  }
  const settings = checkOptions(options, errors);
  fail('InitStep.waitForTcp', errors);
  const name = options.name ?? defaultName('wait-for', host);
  const target = `TCP ${host}:${port}`;
  const script = retryScript({
    name,
    tools: ['nc'],
    start: [`waiting up to ${settings.timeout} s for ${target}`],
    attempt: `nc -w 5 ${host} ${port} -e true </dev/null >/dev/null 2>&1`,
    attemptSeconds: WAIT_ATTEMPT_SECONDS,
    failure: [`timed out after ${settings.timeout} s: ${target} is not reachable`],
    success: [`${target} is reachable`],
    ...settings,
  });
  return {
    name,
    writesFiles: false,
    bind: () => {
      const container = shContainer(name, settings.image, script);
      return { container, problems: argumentProblems(container, 'shorten the host name') };
    },
  };
}
