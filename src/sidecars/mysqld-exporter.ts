import type { k8s } from 'cdk8s-plus-28';
import type { SecretKeyRef } from '../log-shipper';
import { show } from '../problems';
import type { SidecarBinding, SidecarContext, SidecarMode } from '../sidecar';
import {
  checkContainerName, checkDataKey, checkImage, checkMode, checkNestedKeys, checkObjectName, checkOptionsObject, checkPort, checkSecretKeyRef,
  checkText, derivedName, httpStartupProbe, isNative, OptionProblems, resourcesJson,
} from './common';
import type { Container, ResourceRequirements, Volume } from '../k8s-types';

/**
 * A `.my.cnf` file in a Secret, for `Sidecar.mysqldExporter()`'s `myCnfSecret`: a `[client]`
 * section with `user` and `password` (and optionally `host`, `port`, TLS settings).
 */
export interface MyCnfSecret {
  /** Name of the Secret, in the pod's namespace. */
  readonly name: string;

  /**
   * The Secret's key that holds the file.
   *
   * @default '.my.cnf'
   */
  readonly key?: string;
}

/**
 * Options for `Sidecar.mysqldExporter()`. Give either `username` (with `passwordSecret`), or
 * `myCnfSecret`. The exporter's old `DATA_SOURCE_NAME` variable is not supported: mysqld_exporter
 * 0.15 removed it, and it would hold the password in clear text.
 */
export interface MysqldExporterOptions {
  /**
   * The MySQL server, `host:port` (`--mysqld.address`).
   *
   * @default '127.0.0.1:3306' - MySQL in the same pod
   */
  readonly address?: string;

  /**
   * The MySQL user the exporter logs in as (`--mysqld.username`); it needs
   * `PROCESS, REPLICATION CLIENT, SELECT ON *.*` (the vendor's "Required Grants").
   *
   * @default - none: the user comes from myCnfSecret
   */
  readonly username?: string;

  /**
   * That user's password, by reference to a Secret; it reaches the exporter as
   * `MYSQLD_EXPORTER_PASSWORD`.
   *
   * @default - no password (only with a password-less user)
   */
  readonly passwordSecret?: SecretKeyRef;

  /**
   * A `.my.cnf` from a Secret instead of `username`/`passwordSecret`, mounted read-only at
   * `/etc/mysqld-exporter/.my.cnf` and passed with `--config.my-cnf`.
   *
   * @default - none: username and passwordSecret
   */
  readonly myCnfSecret?: MyCnfSecret;

  /**
   * Port of the exporter's `/metrics` (`--web.listen-address=:<port>`); the container port is
   * named `mysqld-metrics`.
   *
   * @default 9104 - the exporter's default port
   */
  readonly port?: number;

  /**
   * Classic or native.
   *
   * @default SidecarMode.CLASSIC - the exporter is a separate process beside MySQL; nothing in the pod waits for it
   */
  readonly mode?: SidecarMode;

  /**
   * The exporter image (0.15 or later: `--mysqld.*` flags).
   *
   * @default 'prom/mysqld-exporter:v0.15.1'
   */
  readonly image?: string;

  /**
   * Name of the sidecar container.
   *
   * @default 'mysqld-exporter'
   */
  readonly name?: string;

  /**
   * Resources of the exporter container.
   *
   * @default - none: no requests or limits
   */
  readonly resources?: ResourceRequirements;
}

/** The default image: mysqld_exporter 0.15.1 (the `--mysqld.*` flags, usable without a .my.cnf, came in 0.15.0). */
export const MYSQLD_EXPORTER_IMAGE = 'prom/mysqld-exporter:v0.15.1';

/** The option names, for the check of misspelt keys at construction (Sidecar factories) and at bind. */
export const OPTIONS = ['address', 'username', 'passwordSecret', 'myCnfSecret', 'port', 'mode', 'image', 'name', 'resources'];
const MY_CNF_DIR = '/etc/mysqld-exporter';

/**
 * The Prometheus MySQL exporter beside MySQL.
 *
 * Vendor source: prometheus/mysqld_exporter `README.md` (0.15+: "General Flags"
 * `--mysqld.address`, `--mysqld.username`, `--config.my-cnf`, `--web.listen-address`;
 * "Environment Variables" `MYSQLD_EXPORTER_PASSWORD`; port 9104; "Required Grants").
 *
 * @internal
 */
export function mysqldExporterBinding(input: MysqldExporterOptions, mode: SidecarMode, _context: SidecarContext): SidecarBinding {
  const problems = new OptionProblems('Sidecar.mysqldExporter');
  const o = checkOptionsObject(input, OPTIONS, problems) as MysqldExporterOptions;
  const name = o.name ?? 'mysqld-exporter';
  const image = o.image ?? MYSQLD_EXPORTER_IMAGE;
  const address = o.address ?? '127.0.0.1:3306';
  const port = o.port ?? 9104;

  if (checkText(address, 'address', problems, '127.0.0.1:3306')) {
    const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?):([0-9]{1,5})$/.exec(address);
    if (!m || Number(m[3]) < 1 || Number(m[3]) > 65535) {
      problems.add('address', `${show(address)} must be host:port, e.g. '127.0.0.1:3306' or 'mysql.db.svc:3306'.`);
    }
  }
  if (o.username !== undefined && checkText(o.username, 'username', problems, 'exporter') && o.username.length > 32) {
    problems.add('username', `${show(o.username)} is longer than MySQL's 32 characters for a user name; use a shorter user.`);
  }
  if (o.passwordSecret !== undefined) {
    checkSecretKeyRef(o.passwordSecret, 'passwordSecret', problems);
    if (o.username === undefined) {
      problems.add('passwordSecret', 'is set without username; set username to the MySQL user the password belongs to.');
    }
  }
  const volumes: Volume[] = [];
  const volumeMounts: k8s.VolumeMount[] = [];
  if (o.myCnfSecret !== undefined) {
    const c = o.myCnfSecret;
    if (c === null || typeof c !== 'object') {
      problems.add('myCnfSecret', `${show(c)} must be { name: 'mysqld-exporter-my-cnf' } (and optionally key).`);
    } else {
      const key = c.key ?? '.my.cnf';
      checkNestedKeys(c as any, ['name', 'key'], 'myCnfSecret', problems);
      checkObjectName(c.name, 'myCnfSecret.name', 'Secret', problems);
      checkDataKey(key, 'myCnfSecret.key', problems);
      const volumeName = derivedName(name, '-my-cnf');
      volumes.push({ name: volumeName, secret: { secretName: c.name, items: [{ key, path: '.my.cnf' }] } });
      volumeMounts.push({ name: volumeName, mountPath: MY_CNF_DIR, readOnly: true });
    }
    if (o.username !== undefined || o.passwordSecret !== undefined) {
      problems.add('myCnfSecret', 'is set together with username or passwordSecret; give one: the .my.cnf (user and password in its [client] section), or username and passwordSecret.');
    }
  } else if (o.username === undefined) {
    problems.add('username', "is required unless myCnfSecret is set; give the MySQL user (with passwordSecret for its password), e.g. username: 'exporter'.");
  }
  checkPort(port, 'port', problems);
  checkMode(o.mode, problems);
  checkImage(image, problems, MYSQLD_EXPORTER_IMAGE);
  checkContainerName(name, problems, o.myCnfSecret === undefined ? undefined : { suffix: '-my-cnf', what: '.my.cnf volume' });

  const container: Container = {
    name,
    image,
    args: [
      `--mysqld.address=${address}`,
      ...(o.username !== undefined ? [`--mysqld.username=${o.username}`] : []),
      ...(o.myCnfSecret !== undefined ? [`--config.my-cnf=${MY_CNF_DIR}/.my.cnf`] : []),
      ...(o.port !== undefined ? [`--web.listen-address=:${port}`] : []),
    ],
    ...(o.passwordSecret
      ? { env: [{ name: 'MYSQLD_EXPORTER_PASSWORD', valueFrom: { secretKeyRef: { name: o.passwordSecret.name, key: o.passwordSecret.key } } }] }
      : {}),
    ports: [{ name: 'mysqld-metrics', containerPort: port }],
    ...(isNative(mode) ? { startupProbe: httpStartupProbe('/metrics', 'mysqld-metrics', 1, 30) } : {}),
    ...(volumeMounts.length > 0 ? { volumeMounts } : {}),
    ...(o.resources !== undefined ? { resources: resourcesJson(o.resources) } : {}),
  };
  return { container, ...(volumes.length > 0 ? { volumes } : {}), problems: problems.items };
}
