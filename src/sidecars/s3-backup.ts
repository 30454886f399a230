import { Duration } from 'cdk8s';
import type { Container, EnvVar, ResourceRequirements } from '../k8s-types';
import type { S3CredentialsSecret } from '../log-shipper';
import { show } from '../problems';
import { shellQuote } from '../shell';
import type { SidecarBinding, SidecarContext, SidecarMode } from '../sidecar';
import {
  AWS_REGION, checkAbsolutePath, checkBoolean, checkContainerName, checkDataKey, checkDuration, checkHttpUrl, checkImage, checkMode, checkNestedKeys,
  checkObjectName, checkOptionsObject, checkText, OptionProblems, resourcesJson, s3BucketProblem,
} from './common';
import { dns1123Label } from '../validation/names';

/**
 * How each backup run treats files that were deleted from the volume.
 */
export enum BackupStrategy {
  /** `rclone copy`: new and changed files are uploaded; files deleted from the volume stay in the bucket. */
  COPY = 'copy',
  /** `rclone sync`: the bucket prefix is made identical to the volume, deleting what the volume no longer has. */
  SYNC = 'sync',
}

/**
 * The S3 implementation behind the bucket (rclone's `provider`).
 */
export enum S3BackupProvider {
  /** Amazon S3. */
  AWS = 'AWS',
  /** MinIO. */
  MINIO = 'Minio',
  /** Any other S3-compatible storage (give its `endpoint`). */
  OTHER = 'Other',
}

/**
 * Options for `Sidecar.s3Backup()`.
 */
export interface S3BackupOptions {
  /** The pod volume to back up (a volume of the pod, e.g. its data `persistentVolumeClaim`); mounted read-only in the sidecar. */
  readonly volumeName: string;

  /**
   * The bucket, which must exist (the agent never creates it, so its role needs no
   * `s3:CreateBucket`); an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-'.
   */
  readonly bucket: string;

  /**
   * The key prefix in the bucket the volume is copied under (`<bucket>/<prefix>/...`).
   *
   * @default - the name of the object the pod belongs to (the Pod's, or the Deployment's, ...)
   */
  readonly prefix?: string;

  /**
   * The bucket's region.
   *
   * @default - not set: rclone's default for the provider (us-east-1 on AWS)
   */
  readonly region?: string;

  /**
   * The S3 API endpoint of S3-compatible storage: an `http://` or `https://` URL of scheme, host
   * and optional port only (no path, no credentials), e.g. `http://minio.storage.svc:9000`.
   *
   * @default - not set: AWS's endpoint for the region
   */
  readonly endpoint?: string;

  /**
   * The S3 implementation.
   *
   * @default S3BackupProvider.AWS
   */
  readonly provider?: S3BackupProvider;

  /**
   * Time between the end of one backup run and the start of the next.
   *
   * @default Duration.hours(1)
   */
  readonly interval?: Duration;

  /**
   * Copy (keep deleted files in the bucket) or sync (mirror deletions too).
   *
   * @default BackupStrategy.COPY - nothing in the bucket is ever deleted by the sidecar
   */
  readonly strategy?: BackupStrategy;

  /**
   * Run one last backup when the sidecar is asked to stop (SIGTERM), within the pod's
   * `terminationGracePeriodSeconds`. In `SidecarMode.NATIVE` the sidecar is stopped after the
   * app, so this run copies the app's final state. A run under way when SIGTERM comes ends first
   * (its outcome is logged): give the pod a grace period of two runs.
   *
   * @default true
   */
  readonly backupOnStop?: boolean;

  /**
   * AWS credentials from a Secret (as `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`).
   *
   * @default - none: rclone's AWS credential chain (env_auth): IRSA or EKS Pod Identity on the pod's service account, or the node's instance role
   */
  readonly credentialsSecret?: S3CredentialsSecret;

  /**
   * Where the volume is mounted in the sidecar.
   *
   * @default '/data'
   */
  readonly mountPath?: string;

  /**
   * Classic or native.
   *
   * @default SidecarMode.CLASSIC - runs on every Kubernetes version; choose NATIVE (1.29+) for a last backup after the app has stopped, and in Jobs
   */
  readonly mode?: SidecarMode;

  /**
   * The rclone image (it needs `sh` for the loop: the official image is Alpine-based).
   *
   * @default 'rclone/rclone:1.68.2'
   */
  readonly image?: string;

  /**
   * Name of the sidecar container.
   *
   * @default 's3-backup'
   */
  readonly name?: string;

  /**
   * Resources of the backup container.
   *
   * @default - none: no requests or limits
   */
  readonly resources?: ResourceRequirements;
}

/** The default image. */
export const RCLONE_IMAGE = 'rclone/rclone:1.68.2';

/** The option names, for the check of misspelt keys at construction (Sidecar factories) and at bind. */
export const OPTIONS = ['volumeName', 'bucket', 'prefix', 'region', 'endpoint', 'provider', 'interval', 'strategy', 'backupOnStop',
  'credentialsSecret', 'mountPath', 'mode', 'image', 'name', 'resources'];
const PROVIDERS = Object.values(S3BackupProvider) as string[];
const STRATEGIES = Object.values(BackupStrategy) as string[];
/** The rclone remote the environment defines (`RCLONE_CONFIG_BACKUP_*`). */
const REMOTE = 'backup';

/**
 * A backup agent: copies a pod volume to S3 (or S3-compatible storage) with rclone, in a loop.
 *
 * Vendor sources (rclone/rclone): `docs/content/docs.md` (remotes configured by environment
 * variables `RCLONE_CONFIG_<REMOTE>_<OPTION>`, the `..._TYPE` variable), `docs/content/s3.md`
 * ("Authentication": `env_auth = true` reads `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` or
 * an IAM role, including "an EKS pod with an IAM role that is associated with a service
 * account"; `provider`, `region`, `endpoint`), the `rclone/rclone` image.
 *
 * @internal
 */
export function s3BackupBinding(input: S3BackupOptions, _mode: SidecarMode, context: SidecarContext): SidecarBinding {
  const problems = new OptionProblems('Sidecar.s3Backup');
  const o = checkOptionsObject(input, OPTIONS, problems) as S3BackupOptions;
  const name = o.name ?? 's3-backup';
  const image = o.image ?? RCLONE_IMAGE;
  const prefix = o.prefix ?? context.podName;
  const provider = o.provider ?? S3BackupProvider.AWS;
  const strategy = o.strategy ?? BackupStrategy.COPY;
  const mountPath = o.mountPath ?? '/data';
  const backupOnStop = o.backupOnStop ?? true;

  const volumeProblem = typeof o.volumeName === 'string' ? dns1123Label(o.volumeName) : 'must be a string';
  if (volumeProblem) {
    problems.add('volumeName', `${show(o.volumeName)} is not a volume name: it ${volumeProblem}; name a volume of the pod.`);
  }
  if (checkText(o.bucket, 'bucket', problems, 'my-backups')) {
    const r = s3BucketProblem(o.bucket);
    if (r) {
      problems.add('bucket', `${show(o.bucket)} is not a valid S3 bucket name: it ${r}.`);
    }
  }
  if (typeof prefix !== 'string' || !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(prefix) || prefix.split('/').some((s) => s === '.' || s === '..')) {
    problems.add(o.prefix === undefined ? 'prefix (from the pod name)' : 'prefix', `${show(prefix)} must be a key prefix of letters, digits, '.', '_', '-' and '/', without leading or trailing '/' or '.'/'..' segments, e.g. 'backups/my-app'.`);
  }
  if (o.region !== undefined && checkText(o.region, 'region', problems, 'eu-west-1') && provider === S3BackupProvider.AWS && !AWS_REGION.test(o.region)) {
    problems.add('region', `${show(o.region)} is not an AWS region; write it like 'eu-west-1' or 'us-east-1'.`);
  }
  if (o.endpoint !== undefined) {
    // Read as InitStep.downloadFromS3 reads its endpointUrl: scheme, host and port only.
    checkHttpUrl(o.endpoint, 'endpoint', problems, 'http://minio.storage.svc:9000', { allowPath: false });
  }
  if (!PROVIDERS.includes(provider as string)) {
    problems.add('provider', `${show(provider)} is not an S3BackupProvider; use S3BackupProvider.AWS, MINIO or OTHER.`);
  } else if (provider !== S3BackupProvider.AWS && o.endpoint === undefined) {
    problems.add('endpoint', `is required with provider ${show(provider)}; give the storage's S3 endpoint, e.g. 'http://minio.storage.svc:9000'.`);
  }
  const interval = checkDuration(o.interval ?? Duration.hours(1), 'interval', 1, 31 * 86400, problems);
  if (!STRATEGIES.includes(strategy as string)) {
    problems.add('strategy', `${show(strategy)} is not a BackupStrategy; use BackupStrategy.COPY or BackupStrategy.SYNC.`);
  }
  checkBoolean(o.backupOnStop, 'backupOnStop', problems);
  const env: EnvVar[] = [
    { name: 'RCLONE_CONFIG_BACKUP_TYPE', value: 's3' },
    { name: 'RCLONE_CONFIG_BACKUP_PROVIDER', value: String(provider) },
    { name: 'RCLONE_CONFIG_BACKUP_ENV_AUTH', value: 'true' },
    // The bucket must exist: rclone then neither checks nor tries to create it, so the agent
    // needs no s3:CreateBucket permission (rclone's `no_check_bucket`).
    { name: 'RCLONE_CONFIG_BACKUP_NO_CHECK_BUCKET', value: 'true' },
    ...(o.region !== undefined ? [{ name: 'RCLONE_CONFIG_BACKUP_REGION', value: String(o.region) }] : []),
    ...(o.endpoint !== undefined ? [{ name: 'RCLONE_CONFIG_BACKUP_ENDPOINT', value: String(o.endpoint) }] : []),
  ];
  if (o.credentialsSecret !== undefined) {
    const c = o.credentialsSecret;
    if (c === null || typeof c !== 'object') {
      problems.add('credentialsSecret', `${show(c)} must be { name: 'aws-credentials' } (and optionally accessKeyIdKey, secretAccessKeyKey).`);
    } else {
      const idKey = c.accessKeyIdKey ?? 'AWS_ACCESS_KEY_ID';
      const secretKey = c.secretAccessKeyKey ?? 'AWS_SECRET_ACCESS_KEY';
      checkNestedKeys(c as any, ['name', 'accessKeyIdKey', 'secretAccessKeyKey'], 'credentialsSecret', problems);
      checkObjectName(c.name, 'credentialsSecret.name', 'Secret', problems);
      checkDataKey(idKey, 'credentialsSecret.accessKeyIdKey', problems);
      checkDataKey(secretKey, 'credentialsSecret.secretAccessKeyKey', problems);
      env.push(
        { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: c.name, key: idKey } } },
        { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: c.name, key: secretKey } } },
      );
    }
  }
  checkAbsolutePath(mountPath, 'mountPath', problems, '/data');
  checkMode(o.mode, problems);
  checkImage(image, problems, RCLONE_IMAGE);
  checkContainerName(name, problems);

  const target = `${REMOTE}:${o.bucket}/${prefix}`;
  const source = String(mountPath).replace(/\/+$/, '') || '/';
  const script = backupScript({ name, command: `rclone ${strategy} ${shellQuote(source)} ${shellQuote(target)}`, what: `${source} to s3://${o.bucket}/${prefix}`, interval: interval ?? 3600, backupOnStop });

  const container: Container = {
    name,
    image,
    command: ['sh', '-c', script],
    env,
    volumeMounts: [{ name: o.volumeName, mountPath, readOnly: true }],
    ...(o.resources !== undefined ? { resources: resourcesJson(o.resources) } : {}),
  };
  return { container, problems: problems.items };
}

interface ScriptParts {
  readonly name: string;
  /** One backup run (already quoted). */
  readonly command: string;
  readonly what: string;
  readonly interval: number;
  readonly backupOnStop: boolean;
}

/**
 * The loop: one run, then `sleep` in the background and `wait` for it, so SIGTERM is handled at
 * once (a shell runs its trap only after the foreground command ends). A failed run is logged
 * and retried at the next interval; it does not stop the loop. SIGTERM during a run is handled
 * when the run ends: its outcome is logged first (`$?` in the trap is the run's status), then the
 * last run copies what changed meanwhile.
 */
function backupScript(s: ScriptParts): string {
  const say = (text: string) => `echo ${shellQuote(`${s.name}: ${text}`)}`;
  const reportRun = 'if [ -n "$running" ]; then running=; report "$rc"; fi';
  return [
    `report() { if [ "$1" -eq 0 ]; then ${say(`copied ${s.what}`)}; else ${say('backup failed; see the rclone messages above')} >&2; fi; }`,
    'run() {',
    '  running=1',
    `  ${s.command}`,
    '  rc=$?; running=; report "$rc"',
    '}',
    s.backupOnStop
      ? `stop() { rc=$?; ${reportRun}; ${say('stopping: one last backup')}; run; exit 0; }`
      : `stop() { rc=$?; ${reportRun}; ${say('stopping')}; exit 0; }`,
    'trap stop TERM INT',
    'while :; do',
    '  run',
    `  sleep ${s.interval} &`,
    '  wait $!',
    'done',
  ].join('\n');
}
