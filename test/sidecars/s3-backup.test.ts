/**
 * Sidecar.s3Backup() against rclone's documented usage: rclone/rclone `docs/content/docs.md`
 * (remotes from environment variables) and `docs/content/s3.md` (authentication: env_auth,
 * IAM roles for service accounts) (fixture: test/fixtures/vendor/s3-backup.yaml). The loop is
 * run for real in `sh` and `busybox sh` with a stand-in rclone.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration } from 'cdk8s';
import { asWritten, described, expected, vendorFixture } from './vendor';
import { BackupStrategy, PlainPod, S3BackupProvider, Sidecar, SidecarMode, Workload } from '../../src';
import { newChart, only, synth, synthError } from '../util';

const context = { podName: 'web', workloadKind: 'Deployment' };
const base = { volumeName: 'data', bucket: 'my-backups', region: 'eu-west-1', interval: Duration.minutes(30) };

describe('Sidecar.s3Backup', () => {
  test('binds rclone configured by environment, in a loop, with each difference written down in the fixture', () => {
    const fixture = vendorFixture('s3-backup');
    const sidecar = Sidecar.s3Backup(base);
    const binding = sidecar.bind(context);
    expect(described(asWritten(sidecar, binding), expected(fixture))).toEqual(expected(fixture));
    expect(binding.problems).toEqual([]);
    expect(fixture.header).toContain('rclone/rclone');
    expect(fixture.header).toContain('docs/content/s3.md');
  });

  test('uses the pod service account (IRSA, Pod Identity) when no credentials are given, and Secret references when they are', () => {
    // GIVEN no credentials, then a Secret
    const none = Sidecar.s3Backup(base).bind(context).container.env!;
    const secret = Sidecar.s3Backup({ ...base, credentialsSecret: { name: 'aws-credentials' } }).bind(context).container.env!;
    // THEN env_auth alone, then the two keys by reference, never a value
    expect(none.map((e) => e.name)).toEqual([
      'RCLONE_CONFIG_BACKUP_TYPE', 'RCLONE_CONFIG_BACKUP_PROVIDER', 'RCLONE_CONFIG_BACKUP_ENV_AUTH', 'RCLONE_CONFIG_BACKUP_NO_CHECK_BUCKET', 'RCLONE_CONFIG_BACKUP_REGION',
    ]);
    expect(secret.slice(5)).toEqual([
      { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'aws-credentials', key: 'AWS_ACCESS_KEY_ID' } } },
      { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'aws-credentials', key: 'AWS_SECRET_ACCESS_KEY' } } },
    ]);
  });

  test('backs up to S3-compatible storage and can mirror deletions', () => {
    const binding = Sidecar.s3Backup({
      volumeName: 'data',
      bucket: 'backups',
      prefix: 'apps/web',
      provider: S3BackupProvider.MINIO,
      endpoint: 'http://minio.storage.svc:9000',
      strategy: BackupStrategy.SYNC,
      mountPath: '/var/lib/app',
    }).bind(context);
    expect(binding.problems).toEqual([]);
    expect(binding.container.env).toEqual([
      { name: 'RCLONE_CONFIG_BACKUP_TYPE', value: 's3' },
      { name: 'RCLONE_CONFIG_BACKUP_PROVIDER', value: 'Minio' },
      { name: 'RCLONE_CONFIG_BACKUP_ENV_AUTH', value: 'true' },
      { name: 'RCLONE_CONFIG_BACKUP_NO_CHECK_BUCKET', value: 'true' },
      { name: 'RCLONE_CONFIG_BACKUP_ENDPOINT', value: 'http://minio.storage.svc:9000' },
    ]);
    expect(binding.container.command![2]).toContain('\n  rclone sync /var/lib/app backup:backups/apps/web\n');
    expect(binding.container.command![2]).toContain('sleep 3600 &');
    expect(binding.container.volumeMounts).toEqual([{ name: 'data', mountPath: '/var/lib/app', readOnly: true }]);
  });

  test('reports a misspelt field of credentialsSecret with the field meant, at the call (review 45 V6)', () => {
    expect(() => Sidecar.s3Backup({ ...base, credentialsSecret: { name: 'aws', accessKeyKey: 'id' } as any }))
      .toThrow('Sidecar.s3Backup: credentialsSecret.accessKeyKey: is not a field of S3CredentialsSecret; did you mean accessKeyIdKey?');
  });

  test('is classic by default and native when asked', () => {
    expect(Sidecar.s3Backup(base).mode).toBe(SidecarMode.CLASSIC);
    expect(Sidecar.s3Backup({ ...base, mode: SidecarMode.NATIVE }).mode).toBe(SidecarMode.NATIVE);
  });

  test('reports every bad option with the field, the value and the fix', () => {
    const binding = Sidecar.s3Backup({
      volumeName: 'Data',
      bucket: 'My_Bucket',
      prefix: '/abs/',
      region: 'Europe',
      provider: S3BackupProvider.OTHER,
      interval: Duration.millis(500),
      strategy: 'move' as any,
    }).bind(context);
    expect(binding.problems).toEqual([
      'Sidecar.s3Backup: volumeName: "Data" is not a volume name: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\'); name a volume of the pod.',
      'Sidecar.s3Backup: bucket: "My_Bucket" is not a valid S3 bucket name: it must consist of lowercase letters, digits, \'.\' and \'-\', and start and end with a letter or digit.',
      'Sidecar.s3Backup: prefix: "/abs/" must be a key prefix of letters, digits, \'.\', \'_\', \'-\' and \'/\', without leading or trailing \'/\' or \'.\'/\'..\' segments, e.g. \'backups/my-app\'.',
      'Sidecar.s3Backup: endpoint: is required with provider "Other"; give the storage\'s S3 endpoint, e.g. \'http://minio.storage.svc:9000\'.',
      'Sidecar.s3Backup: interval: 0.5 seconds must be a whole number of seconds from 1 to 2678400.',
      'Sidecar.s3Backup: strategy: "move" is not a BackupStrategy; use BackupStrategy.COPY or BackupStrategy.SYNC.',
    ]);
    expect(Sidecar.s3Backup({ ...base, region: 'Europe' }).bind(context).problems).toEqual([
      'Sidecar.s3Backup: region: "Europe" is not an AWS region; write it like \'eu-west-1\' or \'us-east-1\'.',
    ]);
  });

  test('refuses a mount path the loop would have to quote, so no path reaches the shell unchecked', () => {
    const script = Sidecar.s3Backup({ ...base, mountPath: '/data/my files' } as any).bind(context);
    expect(script.problems?.[0]).toMatch(/^Sidecar\.s3Backup: mountPath: "\/data\/my files" must be an absolute path/);
  });
});

/** The loop, run for real: `sh -c SCRIPT` with a stand-in `rclone` that logs its arguments. */
describe.each(shells())('the backup loop in $label', ({ argv, env }) => {
  jest.setTimeout(20_000);

  test('backs up at once, again after each interval, and once more on SIGTERM, then exits 0', async () => {
    // GIVEN a stand-in rclone and a 1-second interval
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-backup-'));
    const log = path.join(dir, 'rclone.log');
    fs.writeFileSync(path.join(dir, 'rclone'), `#!/bin/sh\necho "$@" >> ${log}\n`, { mode: 0o755 });
    const script = Sidecar.s3Backup({ ...base, interval: Duration.seconds(1) }).bind(context).container.command![2];
    // WHEN it runs for ~2.5 s and is then sent SIGTERM
    const child = spawn(argv[0], [...argv.slice(1), script], { env: { ...env, PATH: `${dir}:${env.PATH}` } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await new Promise((r) => setTimeout(r, 2500));
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    // THEN it copied at 0 s, 1 s and 2 s, once more when stopped, and exited 0
    const runs = fs.readFileSync(log, 'utf8').trim().split('\n');
    expect(code).toBe(0);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(new Set(runs)).toEqual(new Set(['copy /data backup:my-backups/web']));
    expect(out).toContain('s3-backup: stopping: one last backup');
    expect(out.trim().split('\n').pop()).toBe('s3-backup: copied /data to s3://my-backups/web');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('on SIGTERM during a run, logs that run\'s outcome before the last one', async () => {
    // GIVEN an rclone that takes a second and fails the first time
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-backup-'));
    fs.writeFileSync(path.join(dir, 'rclone'), `#!/bin/sh\nsleep 1\n[ -e ${dir}/ran ] && exit 0\ntouch ${dir}/ran\nexit 3\n`, { mode: 0o755 });
    const script = Sidecar.s3Backup(base).bind(context).container.command![2];
    const child = spawn(argv[0], [...argv.slice(1), script], { env: { ...env, PATH: `${dir}:${env.PATH}` } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    // WHEN SIGTERM comes while the first run is under way
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    // THEN the first run's failure is logged, then the last run's copy
    expect(await new Promise((r) => child.on('exit', (c) => r(c)))).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      's3-backup: backup failed; see the rclone messages above',
      's3-backup: stopping: one last backup',
      's3-backup: copied /data to s3://my-backups/web',
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('logs a failed run and keeps going', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-backup-'));
    fs.writeFileSync(path.join(dir, 'rclone'), '#!/bin/sh\necho "rclone: AccessDenied" >&2\nexit 1\n', { mode: 0o755 });
    const script = Sidecar.s3Backup({ ...base, interval: Duration.seconds(1), backupOnStop: false }).bind(context).container.command![2];
    const child = spawn(argv[0], [...argv.slice(1), script], { env: { ...env, PATH: `${dir}:${env.PATH}` } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    expect(await new Promise((r) => child.on('exit', (c) => r(c)))).toBe(0);
    expect(err.match(/s3-backup: backup failed/g)?.length).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

function shells(): Array<{ label: string; argv: string[]; env: NodeJS.ProcessEnv }> {
  const list = [{ label: 'sh', argv: ['sh', '-c'], env: process.env }];
  if (spawnSync('sh', ['-c', 'command -v busybox']).status === 0) {
    list.push({ label: 'busybox sh', argv: ['busybox', 'sh', '-c'], env: process.env });
  }
  return list;
}

describe('Sidecar.s3Backup in a pod', () => {
  test('synthesizes a Deployment backing up its volume with IRSA, accepted by the offline validators', () => {
    const chart = newChart();
    new PlainPod(chart, 'wiki', {
      metadata: { name: 'wiki', labels: { app: 'wiki' } },
      workload: Workload.deployment(),
      serviceAccountName: 'wiki',
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'wiki-data' } }],
      containers: [{ name: 'wiki', image: 'ghcr.io/example/wiki:5.1.0', volumeMounts: [{ name: 'data', mountPath: '/var/lib/wiki' }] }],
      sidecars: [Sidecar.s3Backup({ volumeName: 'data', bucket: 'example-wiki-backups', region: 'eu-west-1', mode: SidecarMode.NATIVE })],
    });
    const spec = only(synth(chart), 'Deployment').spec.template.spec;
    expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['s3-backup', 'Always']]);
    expect(spec.initContainers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data', readOnly: true }]);
  });

  test('in a CronJob needs the native form, as for every sidecar of a job', () => {
    const chart = newChart();
    new PlainPod(chart, 'export', {
      metadata: { name: 'export' },
      workload: Workload.cronJob({ schedule: '0 3 * * *' }),
      restartPolicy: 'OnFailure',
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [{ name: 'export', image: 'ghcr.io/example/export:1.0.0', volumeMounts: [{ name: 'data', mountPath: '/out' }] }],
      sidecars: [Sidecar.s3Backup({ volumeName: 'data', bucket: 'exports' })],
    });
    expect(synthError(chart)).toContain('SidecarMode.NATIVE');
  });

  test('refuses a volume the pod does not have', () => {
    const chart = newChart();
    new PlainPod(chart, 'wiki', {
      metadata: { name: 'wiki' },
      containers: [{ name: 'wiki', image: 'ghcr.io/example/wiki:5.1.0' }],
      sidecars: [Sidecar.s3Backup({ volumeName: 'data', bucket: 'example-wiki-backups' })],
    });
    expect(synthError(chart)).toMatch(/"data"/);
  });
});
