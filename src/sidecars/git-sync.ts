import { Duration } from 'cdk8s';
import { InitStep } from '../init-step';
import type { Container, EnvVar, ResourceRequirements } from '../k8s-types';
import type { SecretKeyRef } from '../log-shipper';
import { show } from '../problems';
import { withKubeletLiterals } from '../shell';
import type { SidecarBinding, SidecarContext, SidecarMode } from '../sidecar';
import {
  checkAbsolutePath, checkBoolean, checkContainerName, checkDuration, checkHttpUrl, checkImage, checkInteger, checkMode, checkOptionsObject,
  checkPort, checkSecretKeyRef, checkText, derivedName, httpStartupProbe, isNative, OptionProblems, resourcesJson,
} from './common';
import { dns1123Label } from '../validation/names';

/**
 * Options for `Sidecar.gitSync()`.
 */
export interface GitSyncOptions {
  /**
   * The repository to sync (`--repo`), an `https://` (or `http://`) URL without credentials, e.g.
   * `https://github.com/kubernetes/git-sync`. It is read as git reads it: no `\`, no non-ASCII
   * characters, no `#` fragment, a port from 1 to 65535 and a host name or a plain IP address.
   * SSH repositories are not supported by this sidecar.
   */
  readonly repo: string;

  /**
   * The branch, tag or commit to check out (`--ref`).
   *
   * @default - not set: git-sync checks out HEAD of the remote's default branch
   */
  readonly ref?: string;

  /**
   * How long git-sync waits between syncs (`--period`).
   *
   * @default Duration.seconds(60) - as in the vendor's Kubernetes example
   */
  readonly period?: Duration;

  /**
   * Commits of history to fetch (`--depth`); 0 fetches the whole history.
   *
   * @default 1 - as in the vendor's Kubernetes example
   */
  readonly depth?: number;

  /**
   * Where git-sync keeps its data in its own container (`--root`): the shared volume's mount path there.
   *
   * @default '/git' - as in the vendor's Kubernetes example
   */
  readonly root?: string;

  /**
   * Name of the symlink, under `root`, that points to the current checkout (`--link`); the app
   * reads `<appMountPath>/<link>/`, which is swapped atomically on every update.
   *
   * @default 'current' - as in the vendor's Kubernetes example
   */
  readonly link?: string;

  /**
   * Where the shared volume is mounted (read-only) in every main container.
   *
   * @default '/git'
   */
  readonly appMountPath?: string;

  /**
   * Name of the shared `emptyDir` volume.
   *
   * @default 'content-from-git' - as in the vendor's Kubernetes example
   */
  readonly volumeName?: string;

  /**
   * User name for HTTPS authentication (`--username`). Not a secret: it is written to the manifest.
   *
   * @default - no authentication
   */
  readonly username?: string;

  /**
   * The password or access token for `username`, by reference to a Secret; it reaches git-sync as
   * `GITSYNC_PASSWORD`, the way the vendor recommends over `--password`.
   *
   * @default - no password
   */
  readonly passwordSecret?: SecretKeyRef;

  /**
   * Port of git-sync's HTTP endpoint (`--http-bind=:<port>`): `/` answers 5xx until the first
   * sync is complete and 200 after it; `/metrics` has Prometheus metrics. The container port is
   * named `git-sync`.
   *
   * @default 1234 - the vendor's example port for --http-bind
   */
  readonly httpPort?: number;

  /**
   * Run a first sync (`--one-time`) as an init step before the app, so the app starts with the
   * files in place. In `SidecarMode.NATIVE` the sidecar's startup probe gives the same
   * guarantee and no init step is needed.
   *
   * @default - true in SidecarMode.CLASSIC, false in SidecarMode.NATIVE
   */
  readonly initialSync?: boolean;

  /**
   * The pod's `fsGroup`: the shared volume is group-owned by it and every container gets it as a
   * supplemental group, so git-sync (uid 65533) can write and the app can read.
   *
   * @default 65533 - git-sync's group, as in the vendor's docs/ssh.md
   */
  readonly fsGroup?: number;

  /**
   * Classic (a second container, plus the first sync as an init step) or native.
   *
   * @default SidecarMode.CLASSIC - the vendor's docs/kubernetes.md runs git-sync beside the app in `containers`
   */
  readonly mode?: SidecarMode;

  /**
   * The git-sync image (v4 flags).
   *
   * @default 'registry.k8s.io/git-sync/git-sync:v4.4.0'
   */
  readonly image?: string;

  /**
   * Name of the sidecar container; the init step is named `<name>-init`.
   *
   * @default 'git-sync'
   */
  readonly name?: string;

  /**
   * Resources of the git-sync container (and of its init step).
   *
   * @default - none: no requests or limits
   */
  readonly resources?: ResourceRequirements;
}

/** The default image: a git-sync v4 release (docs/kubernetes.md shows v4.0.0; the v4 flags are the same). */
export const GIT_SYNC_IMAGE = 'registry.k8s.io/git-sync/git-sync:v4.4.0';

/** The uid and gid the git-sync image runs as (its Dockerfile's `git-sync` user; docs/ssh.md). */
const GIT_SYNC_UID = 65533;

/** The option names, for the check of misspelt keys at construction (Sidecar factories) and at bind. */
export const OPTIONS = ['repo', 'ref', 'period', 'depth', 'root', 'link', 'appMountPath', 'volumeName', 'username', 'passwordSecret',
  'httpPort', 'initialSync', 'fsGroup', 'mode', 'image', 'name', 'resources'];

/**
 * kubernetes/git-sync v4 beside the app, publishing the repository into a shared volume.
 *
 * Vendor sources (kubernetes/git-sync): `docs/kubernetes.md` (the Deployment: `fsGroup`, the
 * `emptyDir` volume mounted at `/git` in git-sync and read-only in the app, `--repo`, `--depth=1`,
 * `--period=60s`, `--link=current`, `--root=/git`), `README.md` (v4 manual: `--ref`,
 * `--one-time`, `--http-bind`, `--username`, `GITSYNC_PASSWORD`), `docs/ssh.md` (`runAsUser: 65533`,
 * `fsGroup: 65533`).
 *
 * @internal
 */
export function gitSyncBinding(input: GitSyncOptions, mode: SidecarMode, _context: SidecarContext): SidecarBinding {
  const problems = new OptionProblems('Sidecar.gitSync');
  const o = checkOptionsObject(input, OPTIONS, problems) as GitSyncOptions;
  const name = o.name ?? 'git-sync';
  const image = o.image ?? GIT_SYNC_IMAGE;
  const root = o.root ?? '/git';
  const link = o.link ?? 'current';
  const appMountPath = o.appMountPath ?? '/git';
  const volumeName = o.volumeName ?? 'content-from-git';
  const depth = o.depth ?? 1;
  const httpPort = o.httpPort ?? 1234;
  const fsGroup = o.fsGroup ?? GIT_SYNC_UID;
  const native = isNative(mode);
  const initialSync = o.initialSync ?? !native;

  const url = checkHttpUrl(o.repo, 'repo', problems, 'https://github.com/kubernetes/git-sync');
  if (url === undefined && typeof o.repo === 'string' && /^(ssh:\/\/|git@|[^/:]+@[^:]+:)/.test(o.repo)) {
    problems.add('repo', `${show(o.repo)} is an SSH URL; this sidecar syncs over HTTPS (token in passwordSecret). For SSH, use Sidecar.container() with the vendor's docs/ssh.md setup.`);
  }
  if (o.ref !== undefined && checkText(o.ref, 'ref', problems, 'main') && (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(o.ref) || o.ref.includes('..') || o.ref.endsWith('/') || o.ref.endsWith('.lock'))) {
    problems.add('ref', `${show(o.ref)} is not a git branch, tag or commit name; use letters, digits, '.', '_', '-' and '/' (e.g. 'main', 'v1.2.0' or a commit hash).`);
  }
  const period = checkDuration(o.period ?? Duration.seconds(60), 'period', 1, 86400, problems);
  checkInteger(depth, 'depth', 0, 1_000_000, problems);
  checkAbsolutePath(root, 'root', problems, '/git');
  checkAbsolutePath(appMountPath, 'appMountPath', problems, '/git');
  if (typeof link !== 'string' || !/^[A-Za-z0-9._-]+$/.test(link) || link === '.' || link === '..') {
    problems.add('link', `${show(link)} must be a plain file name of letters, digits, '.', '_' and '-' (e.g. 'current'); git-sync creates it under root.`);
  }
  const volumeProblem = typeof volumeName === 'string' ? dns1123Label(volumeName) : 'must be a string';
  if (volumeProblem) {
    problems.add('volumeName', `${show(volumeName)} is not a valid volume name: it ${volumeProblem}.`);
  }
  if (o.username !== undefined && checkText(o.username, 'username', problems, 'git') && o.username.includes(':')) {
    problems.add('username', `${show(o.username)} contains ':', which HTTP basic authentication cannot carry in a user name; use another user.`);
  }
  if (o.passwordSecret !== undefined) {
    checkSecretKeyRef(o.passwordSecret, 'passwordSecret', problems);
    if (o.username === undefined) {
      problems.add('passwordSecret', 'is set without username; git-sync sends the password only with a user, so set username too (for GitHub tokens any non-empty user works).');
    }
  }
  checkPort(httpPort, 'httpPort', problems);
  checkBoolean(o.initialSync, 'initialSync', problems);
  checkInteger(fsGroup, 'fsGroup', 0, 2147483647, problems);
  checkMode(o.mode, problems);
  checkImage(image, problems, GIT_SYNC_IMAGE);
  checkContainerName(name, problems, initialSync && !native ? { suffix: '-init', what: 'initial-sync init container' } : undefined);
  if (native && o.initialSync === true) {
    problems.add('initialSync', 'true is not possible in SidecarMode.NATIVE: the native sidecar starts before every init step, so the first sync would race it; the startup probe already holds the app until the first sync is done. Remove initialSync.');
  }

  const syncArgs = [
    `--repo=${o.repo}`,
    ...(o.ref !== undefined ? [`--ref=${o.ref}`] : []),
    `--depth=${depth}`,
    `--period=${period ?? 60}s`,
    `--link=${link}`,
    `--root=${root}`,
    ...(o.username !== undefined ? [`--username=${o.username}`] : []),
  ];
  const env: EnvVar[] = o.passwordSecret
    ? [{ name: 'GITSYNC_PASSWORD', valueFrom: { secretKeyRef: { name: o.passwordSecret.name, key: o.passwordSecret.key } } }]
    : [];
  const resources = o.resources !== undefined ? resourcesJson(o.resources) : undefined;
  /** What the sidecar and its init step share: the same image, credentials, user and volume. */
  const shared = (args: string[]) => ({
    image,
    args,
    ...(env.length > 0 ? { env } : {}),
    securityContext: { runAsUser: GIT_SYNC_UID },
    volumeMounts: [{ name: volumeName, mountPath: root }],
    ...(resources !== undefined ? { resources } : {}),
  });

  const container: Container = {
    name,
    ...shared([...syncArgs, `--http-bind=:${httpPort}`]),
    ports: [{ name: 'git-sync', containerPort: httpPort }],
    ...(native ? { startupProbe: httpStartupProbe('/', 'git-sync', 2, 60) } : {}),
  };

  // (Not built from options with problems: InitStep.container() would refuse them in its own words.)
  const initSteps = initialSync && !native && problems.items.length === 0
    ? [InitStep.container(withKubeletLiterals({ name: derivedName(name, '-init'), ...shared([...syncArgs, '--one-time']) }))]
    : [];

  return {
    container,
    volumes: [{ name: volumeName, emptyDir: {} }],
    appVolumeMounts: [{ name: volumeName, mountPath: appMountPath, readOnly: true }],
    podSecurityContext: { fsGroup },
    ...(initSteps.length > 0 ? { initSteps } : {}),
    problems: problems.items,
  };
}
