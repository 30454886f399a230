/**
 * `InitStep.waitForPostgres(host)`: until PostgreSQL accepts connections (`pg_isready`).
 *
 * @internal
 */
import type { k8s } from 'cdk8s-plus-28';
import type { InitStepOptions } from '../init-step';
import { show } from '../problems';
import { argumentProblems, checkHost, checkKeys, checkOptions, checkSeconds, checkSecretKeySelector, checkText, defaultName, fail, retryScript, secretEnv, shContainer, StepSpec, WAIT_ATTEMPT_SECONDS } from './script';
import type { EnvVar } from '../k8s-types';
import { kubeletLiteral } from '../shell';

/** The image of `InitStep.waitForPostgres()` when none is given: the official image, pinned. */
export const POSTGRES_IMAGE = 'postgres:16.4-alpine';

/**
 * Options of `InitStep.waitForPostgres()`.
 */
export interface WaitForPostgresOptions extends InitStepOptions {
  /**
   * The server's port.
   *
   * @default 5432
   */
  readonly port?: number;

  /**
   * The user name `pg_isready` connects as (`PGUSER`). `pg_isready` does not log in, so no
   * password is needed; a right user and database only keep failed-login lines out of the
   * server's log.
   *
   * @default - no user: libpq's default (the container's user name)
   */
  readonly user?: string;

  /**
   * The user name, from a Secret (`PGUSER` from `valueFrom.secretKeyRef`). Not with `user`.
   *
   * @default - `user`
   */
  readonly userSecret?: k8s.SecretKeySelector;

  /**
   * The database name (`PGDATABASE`).
   *
   * @default - libpq's default (the user name)
   */
  readonly database?: string;

  /**
   * Seconds `pg_isready` waits for one connection (`-t`).
   *
   * @default 5
   */
  readonly connectTimeoutSeconds?: number;
}

/**
 * Each attempt is `pg_isready -h HOST -p PORT -t N -q`: exit 0 when the server accepts
 * connections, 1 while it rejects them (starting up), 2 when there is no answer; 3 (bad
 * parameters) stops the step at once. User and database come from the environment (`PGUSER`,
 * `PGDATABASE`), so Secret values never reach the script text.
 */
export function waitForPostgresStep(host: string, options: WaitForPostgresOptions): StepSpec {
  const errors: string[] = [];
  checkKeys('WaitForPostgresOptions', options, errors);
  checkHost('host', host, errors);
  const port = options.port ?? 5432;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    errors.push(`port: ${show(port)} must be a port number between 1 and 65535`);
  }
  const connectTimeout = checkSeconds('connectTimeoutSeconds', options.connectTimeoutSeconds ?? 5, errors);
  checkText('user', options.user, errors);
  checkText('database', options.database, errors);
  const userSecret = checkSecretKeySelector('userSecret', options.userSecret, errors);
  if (options.user !== undefined && options.userSecret !== undefined) {
    errors.push('user and userSecret: both are given; give one');
  }
  const settings = checkOptions(options, errors, POSTGRES_IMAGE);
  fail('InitStep.waitForPostgres', errors);
  const name = options.name ?? defaultName('wait-for-postgres', host);
  const target = `PostgreSQL at ${host}:${port}`;
  const script = retryScript({
    name,
    suggestImage: POSTGRES_IMAGE,
    tools: ['pg_isready'],
    start: [`waiting up to ${settings.timeout} s for ${target}`],
    attempt: `pg_isready -h ${host} -p ${port} -t ${connectTimeout} -q`,
    attemptSeconds: Math.max(WAIT_ATTEMPT_SECONDS, connectTimeout + 1),
    fatal: [{ code: 3, message: [`pg_isready could not try to connect to ${target} (exit 3: bad parameters)`] }],
    failure: [`timed out after ${settings.timeout} s: ${target} does not accept connections`],
    success: [`${target} accepts connections`],
    ...settings,
  });
  const env: EnvVar[] = [
    ...(options.user !== undefined ? [{ name: 'PGUSER', value: kubeletLiteral(options.user) }] : []),
    ...secretEnv([['PGUSER', userSecret]]),
    ...(options.database !== undefined ? [{ name: 'PGDATABASE', value: kubeletLiteral(options.database) }] : []),
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
