/**
 * `InitStep.waitForMysql(host)`: until MySQL answers `mysqladmin ping`.
 *
 * @internal
 */
import type { k8s } from 'cdk8s-plus-28';
import type { InitStepOptions } from '../init-step';
import { show } from '../problems';
import { argumentProblems, checkHost, checkKeys, checkOptions, checkSeconds, checkSecretKeySelector, checkText, defaultName, fail, retryScript, secretEnv, shContainer, StepSpec, WAIT_ATTEMPT_SECONDS } from './script';
import type { EnvVar } from '../k8s-types';
import { kubeletLiteral } from '../shell';

/** The image of `InitStep.waitForMysql()` when none is given: the official image, pinned. */
export const MYSQL_IMAGE = 'mysql:8.4.3';

/**
 * Options of `InitStep.waitForMysql()`.
 */
export interface WaitForMysqlOptions extends InitStepOptions {
  /**
   * The server's port.
   *
   * @default 3306
   */
  readonly port?: number;

  /**
   * The user name (`--user`).
   *
   * @default - no user: the client's default
   */
  readonly user?: string;

  /**
   * The user name, from a Secret (environment variable `DB_USER` from
   * `valueFrom.secretKeyRef`, passed as `--user="$DB_USER"`). Not with `user`.
   *
   * @default - `user`
   */
  readonly userSecret?: k8s.SecretKeySelector;

  /**
   * The password, from a Secret (`MYSQL_PWD` from `valueFrom.secretKeyRef`, read by the client
   * from its environment, never on its command line). `mysqladmin ping` succeeds once the server
   * runs, even when the login is refused, so the password is optional.
   *
   * @default - no password
   */
  readonly passwordSecret?: k8s.SecretKeySelector;

  /**
   * Seconds `mysqladmin` waits for one connection (`--connect-timeout`).
   *
   * @default 5
   */
  readonly connectTimeoutSeconds?: number;
}

/**
 * Each attempt is `mysqladmin ping --protocol=tcp -h HOST -P PORT --connect-timeout=N --silent`
 * (`--protocol=tcp`, so `localhost` does not mean the socket file): exit 0 once the server runs.
 */
export function waitForMysqlStep(host: string, options: WaitForMysqlOptions): StepSpec {
  const errors: string[] = [];
  checkKeys('WaitForMysqlOptions', options, errors);
  checkHost('host', host, errors);
  const port = options.port ?? 3306;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    errors.push(`port: ${show(port)} must be a port number between 1 and 65535`);
  }
  const connectTimeout = checkSeconds('connectTimeoutSeconds', options.connectTimeoutSeconds ?? 5, errors);
  checkText('user', options.user, errors);
  const userSecret = checkSecretKeySelector('userSecret', options.userSecret, errors);
  const passwordSecret = checkSecretKeySelector('passwordSecret', options.passwordSecret, errors);
  if (options.user !== undefined && options.userSecret !== undefined) {
    errors.push('user and userSecret: both are given; give one');
  }
  const settings = checkOptions(options, errors, MYSQL_IMAGE);
  fail('InitStep.waitForMysql', errors);
  const name = options.name ?? defaultName('wait-for-mysql', host);
  const target = `MySQL at ${host}:${port}`;
  const user = options.user !== undefined || userSecret ? ' --user="$DB_USER"' : '';
  const script = retryScript({
    name,
    suggestImage: MYSQL_IMAGE,
    tools: ['mysqladmin'],
    start: [`waiting up to ${settings.timeout} s for ${target}`],
    attempt: `mysqladmin ping --protocol=tcp -h ${host} -P ${port} --connect-timeout=${connectTimeout}${user} --silent >/dev/null 2>&1`,
    attemptSeconds: Math.max(WAIT_ATTEMPT_SECONDS, connectTimeout + 1),
    failure: [`timed out after ${settings.timeout} s: ${target} does not answer ping`],
    success: [`${target} answers ping`],
    ...settings,
  });
  const env: EnvVar[] = [
    ...(options.user !== undefined ? [{ name: 'DB_USER', value: kubeletLiteral(options.user) }] : []),
    ...secretEnv([['DB_USER', userSecret], ['MYSQL_PWD', passwordSecret]]),
  ];
  return {
    name,
    writesFiles: false,
    bind: () => {
      const container = shContainer(name, settings.image, script, env.length > 0 ? { env: env.map((e) => ({ ...e })) } : {});
      return { container, problems: argumentProblems(container, 'shorten the host name') };
    },
  };
}
