/**
 * Sidecar.gitSync() against the vendor's recommended manifest: kubernetes/git-sync
 * `docs/kubernetes.md`, `docs/ssh.md` and `README.md` (the v4 manual)
 * (fixture: test/fixtures/vendor/git-sync.yaml).
 */
import { Duration } from 'cdk8s';
import { asWritten, described, expected, vendorFixture } from './vendor';
import { PlainPod, Sidecar, SidecarMode, Workload } from '../../src';
import { kubeletExpand } from '../init-steps/harness';
import { newChart, only, synth, synthError } from '../util';

const context = { podName: 'web', workloadKind: 'Deployment' };
const repo = 'https://github.com/kubernetes/git-sync';

describe('Sidecar.gitSync', () => {
  test('binds the vendor recommended sidecar, volume and fsGroup, with each difference written down in the fixture', () => {
    // GIVEN the vendor fragment, and the options of its example (the app mounts the volume where httpd serves it)
    const fixture = vendorFixture('git-sync');
    const sidecar = Sidecar.gitSync({ repo, appMountPath: '/usr/local/apache2/htdocs/' });
    // WHEN bound
    const binding = sidecar.bind(context);
    // THEN the container, the volume, the app's read-only mount and fsGroup are the vendor's
    expect(described(asWritten(sidecar, binding), expected(fixture))).toEqual(expected(fixture));
    expect(binding.problems).toEqual([]);
    expect(fixture.header).toContain('kubernetes/git-sync');
    expect(fixture.header).toContain('docs/kubernetes.md');
  });

  test('is classic by default, with the first sync as a one-time init step before the app', () => {
    // GIVEN a classic git-sync (the default)
    const sidecar = Sidecar.gitSync({ repo });
    const binding = sidecar.bind(context);
    // THEN one init step runs git-sync --one-time into the same volume, as the same user
    expect(sidecar.mode).toBe(SidecarMode.CLASSIC);
    expect(binding.initSteps?.map((s) => s._render({ filesVolumeName: 'files', filesMountPath: '/files' }))).toEqual([{
      name: 'git-sync-init',
      image: 'registry.k8s.io/git-sync/git-sync:v4.4.0',
      args: ['--repo=https://github.com/kubernetes/git-sync', '--depth=1', '--period=60s', '--link=current', '--root=/git', '--one-time'],
      securityContext: { runAsUser: 65533 },
      volumeMounts: [{ name: 'content-from-git', mountPath: '/git' }],
    }]);
    expect(binding.container.startupProbe).toBeUndefined();
  });

  test('as a native sidecar, waits for the first sync with a startup probe instead of an init step', () => {
    // GIVEN a native git-sync
    const binding = Sidecar.gitSync({ repo, mode: SidecarMode.NATIVE }).bind(context);
    // THEN no init step; the startup probe asks git-sync's / (5xx until the first sync), for up to 120 s
    expect(binding.initSteps).toBeUndefined();
    expect(binding.container.startupProbe).toEqual({ httpGet: { path: '/', port: 'git-sync' }, periodSeconds: 2, failureThreshold: 60 });
  });

  test('passes a token only by Secret reference, as GITSYNC_PASSWORD', () => {
    // GIVEN HTTPS credentials
    const binding = Sidecar.gitSync({ repo, ref: 'v4.4.0', username: 'git', passwordSecret: { name: 'git-creds', key: 'token' }, period: Duration.minutes(5) }).bind(context);
    // THEN the user is a flag, the token an env var from the Secret, in the sidecar and its init step
    expect(binding.container.args).toEqual([
      '--repo=https://github.com/kubernetes/git-sync', '--ref=v4.4.0', '--depth=1', '--period=300s', '--link=current', '--root=/git',
      '--username=git', '--http-bind=:1234',
    ]);
    const env = [{ name: 'GITSYNC_PASSWORD', valueFrom: { secretKeyRef: { name: 'git-creds', key: 'token' } } }];
    expect(binding.container.env).toEqual(env);
    expect(binding.initSteps![0]._render({ filesVolumeName: 'f', filesMountPath: '/f' }).env).toEqual(env);
  });

  test('reports every bad option in one list, with the field, the value and the fix', () => {
    // GIVEN credentials in the URL, a ref with '..', a link with '/', a relative root and a password without user
    const binding = Sidecar.gitSync({
      repo: 'https://user:token@github.com/org/repo',
      ref: 'main..x',
      link: 'a/b',
      root: 'git',
      passwordSecret: { name: 'git-creds', key: 'token' },
      mode: SidecarMode.NATIVE,
      initialSync: true,
    }).bind(context);
    // THEN
    expect(binding.problems).toEqual([
      'Sidecar.gitSync: repo: "https://user:token@github.com/org/repo" contains credentials, which would be written in clear text into the manifest; remove them and pass the secret by reference.',
      'Sidecar.gitSync: ref: "main..x" is not a git branch, tag or commit name; use letters, digits, \'.\', \'_\', \'-\' and \'/\' (e.g. \'main\', \'v1.2.0\' or a commit hash).',
      'Sidecar.gitSync: root: "git" must be an absolute path of letters, digits, \'.\', \'_\', \'-\' and \'/\', without \'.\' or \'..\' segments, e.g. "/git".',
      'Sidecar.gitSync: link: "a/b" must be a plain file name of letters, digits, \'.\', \'_\' and \'-\' (e.g. \'current\'); git-sync creates it under root.',
      'Sidecar.gitSync: passwordSecret: is set without username; git-sync sends the password only with a user, so set username too (for GitHub tokens any non-empty user works).',
      'Sidecar.gitSync: initialSync: true is not possible in SidecarMode.NATIVE: the native sidecar starts before every init step, so the first sync would race it; the startup probe already holds the app until the first sync is done. Remove initialSync.',
    ]);
  });

  test('refuses an SSH repository with a pointer to the vendor docs', () => {
    expect(Sidecar.gitSync({ repo: 'git@github.com:org/repo.git' }).bind(context).problems).toEqual([
      'Sidecar.gitSync: repo: "git@github.com:org/repo.git" is not an absolute http:// or https:// URL; write it like "https://github.com/kubernetes/git-sync".',
      'Sidecar.gitSync: repo: "git@github.com:org/repo.git" is an SSH URL; this sidecar syncs over HTTPS (token in passwordSecret). For SSH, use Sidecar.container() with the vendor\'s docs/ssh.md setup.',
    ]);
  });
});

describe('Sidecar.gitSync in a pod', () => {
  test('synthesizes the docs example Deployment, accepted by the offline validators', () => {
    // GIVEN the docs' httpd serving the synced repository
    const chart = newChart();
    new PlainPod(chart, 'git-sync-example', {
      metadata: { name: 'git-sync-example', labels: { app: 'git-sync-example' } },
      workload: Workload.deployment({ replicas: 1 }),
      containers: [{ name: 'server', image: 'httpd:2.4-alpine' }],
      sidecars: [Sidecar.gitSync({ repo, appMountPath: '/usr/local/apache2/htdocs/' })],
    });
    // WHEN synthesized
    const spec = only(synth(chart), 'Deployment').spec.template.spec;
    // THEN the first sync runs first, httpd reads the volume read-only, git-sync runs beside it, fsGroup is set
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['git-sync-init']);
    expect(spec.containers.map((c: any) => c.name)).toEqual(['server', 'git-sync']);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'content-from-git', mountPath: '/usr/local/apache2/htdocs/', readOnly: true }]);
    expect(spec.volumes).toEqual([{ name: 'content-from-git', emptyDir: {} }]);
    expect(spec.securityContext).toEqual({ fsGroup: 65533 });
  });

  test('as a native sidecar, synthesizes without the init step', () => {
    const chart = newChart();
    new PlainPod(chart, 'docs', {
      metadata: { name: 'docs' },
      containers: [{ name: 'server', image: 'httpd:2.4-alpine' }],
      sidecars: [Sidecar.gitSync({ repo, mode: SidecarMode.NATIVE })],
    });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['git-sync', 'Always']]);
  });

  test('refuses a pod whose own fsGroup differs from the one git-sync needs', () => {
    const chart = newChart();
    new PlainPod(chart, 'docs', {
      metadata: { name: 'docs' },
      securityContext: { fsGroup: 1000 },
      containers: [{ name: 'server', image: 'httpd:2.4-alpine' }],
      sidecars: [Sidecar.gitSync({ repo })],
    });
    expect(() => synth(chart)).toThrow(/fsGroup/);
  });

  test('writes the repository so that the kubelet\'s $$ expansion gives git-sync the URL as checked, in the sidecar and its first sync', () => {
    const url = 'https://example.com/org/re$$po.git';
    const chart = newChart();
    new PlainPod(chart, 'web', { containers: [{ name: 'app', image: 'busybox:1.36' }], sidecars: [Sidecar.gitSync({ repo: url })] });
    const spec = only(synth(chart), 'Pod').spec;
    for (const c of [spec.initContainers[0], spec.containers[1]]) {
      expect(c.args).toContain('--repo=https://example.com/org/re$$$po.git');
      expect(c.args.map((a: string) => kubeletExpand(a, {}))).toContain(`--repo=${url}`);
    }
  });
});

describe('Sidecar.gitSync with options of the wrong type (review 68 M2)', () => {
  test.each([
    [{ root: -1 }, 'Sidecar.gitSync: root: -1 must be an absolute path'],
    [{ volumeName: Number.NaN }, 'Sidecar.gitSync: volumeName: NaN is not a valid volume name: it must be a string.'],
  ])('GIVEN %j WHEN the pod is synthesized THEN the option is named, not the init step or mount built from it', (extra, message) => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'web' }, containers: [{ name: 'app', image: 'nginx:1.27' }], sidecars: [Sidecar.gitSync({ repo: 'https://example.com/r', ...(extra as any) })] });
    const error = synthError(chart);
    expect(error).toContain(message);
    expect(error).not.toContain('InitStep.container()');
    expect(error).not.toContain('volumeMounts');
  });
});
