import { ApiObject, JsonPatch, Lazy, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ExposedService, FluentBitOutput, Inject, InitPod, InitStep, LogShipper, PlainPod, ServiceTarget, Sidecar, SidecarBinding, SidecarContext, SidecarLoggedApp, SidecarMode, Workload } from '../src';
import { newChart, only, synth, synthError } from './util';

const c = (name: string, extra: any = {}) => ({ name, image: 'busybox:1.36', ...extra });

/** oauth2-proxy in front of a port, signing in with OIDC. */
const oidcProxy = (appPort: number, mode?: SidecarMode) => Sidecar.oauth2Proxy({
  appPort,
  mode,
  provider: 'oidc',
  clientId: 'web',
  clientSecret: { name: 'oauth', key: 'secret' },
  cookieSecret: { name: 'oauth', key: 'cookie' },
  emailDomains: ['example.com'],
  oidcIssuerUrl: 'https://id.example.com',
});

/** A sidecar that brings everything a binding can hold, to test how a pod takes it in. */
class FullSidecar extends Sidecar {
  public contexts: SidecarContext[] = [];
  public constructor(private readonly extra: Partial<SidecarBinding> = {}, mode: SidecarMode = SidecarMode.NATIVE) {
    super(mode);
  }
  public bind(context: SidecarContext): SidecarBinding {
    this.contexts.push(context);
    return {
      container: c('proxy', { ports: [{ name: 'proxy', containerPort: 8443 }] }),
      volumes: [{ name: 'proxy-config', configMap: { name: `${context.podName}-proxy` } }],
      appVolumeMounts: [{ name: 'shared', mountPath: '/shared' }],
      configMaps: [{ name: `${context.podName}-proxy`, data: { 'proxy.yaml': 'listen: 8443\n' } }],
      podSecurityContext: { fsGroup: 65533 },
      frontPorts: ['proxy'],
      ...this.extra,
    };
  }
}

describe('sidecars on every pattern', () => {
  test('adds what a sidecar binding holds: container, volumes, app mounts, ConfigMap, pod security context', () => {
    // GIVEN
    const chart = newChart();
    const sidecar = new FullSidecar();
    // WHEN
    const pod = new PlainPod(chart, 'web', {
      metadata: { name: 'web', namespace: 'shop' },
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [c('app')],
      sidecars: [sidecar],
    });
    // THEN
    expect(sidecar.contexts).toEqual([{ podName: 'web', namespace: 'shop', workloadKind: 'Pod' }]);
    const manifests = synth(chart);
    expect(manifests.map((m) => m.kind)).toEqual(['ConfigMap', 'Pod']);
    expect(only(manifests, 'ConfigMap')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-proxy', namespace: 'shop' }, data: { 'proxy.yaml': 'listen: 8443\n' } });
    const spec = only(manifests, 'Pod').spec;
    expect(spec.initContainers).toEqual([c('proxy', { ports: [{ name: 'proxy', containerPort: 8443 }], restartPolicy: 'Always' })]);
    expect(spec.containers).toEqual([c('app', { volumeMounts: [{ name: 'shared', mountPath: '/shared' }] })]);
    expect(spec.volumes).toEqual([{ name: 'shared', emptyDir: {} }, { name: 'proxy-config', configMap: { name: 'web-proxy' } }]);
    expect(spec.securityContext).toEqual({ fsGroup: 65533 });
    expect(pod.configMaps.map((m) => m.name)).toEqual(['web-proxy']);
  });

  test('starts native sidecars before every init container and init step, classic ones after the app', () => {
    const chart = newChart();
    const pod = new InitPod(chart, 'web', {
      metadata: { name: 'web' },
      initContainers: [c('migrate')],
      initSteps: [InitStep.waitForTcp('db', 5432)],
      containers: [c('app')],
      sidecars: [Sidecar.container(c('cloud-sql-proxy'), SidecarMode.NATIVE), Sidecar.container(c('logs'))],
    });
    pod.addSidecar(Sidecar.container(c('metrics'), SidecarMode.NATIVE));
    pod.addInitStep(InitStep.waitForDns('cache'));
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.initContainers.map((x: any) => x.name)).toEqual(['cloud-sql-proxy', 'metrics', 'migrate', 'wait-for-db', 'wait-for-dns-cache']);
    expect(spec.containers.map((x: any) => x.name)).toEqual(['app', 'logs']);
  });

  test('gives every pattern the shared files volume when a download step is added later', () => {
    const chart = newChart();
    const app = new SidecarLoggedApp(chart, 'web', { metadata: { name: 'web' }, app: c('app') });
    app.addInitStep(InitStep.download('https://example.com/config.json', 'config.json'));
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.volumes.map((v: any) => v.name)).toEqual(['shared-logs', 'init-files']);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/var/log/' }, { name: 'init-files', mountPath: '/config' }]);
    expect(spec.initContainers[0].volumeMounts).toEqual([{ name: 'init-files', mountPath: '/config' }]);
  });

  test('fails when a sidecar needs a pod security context value the pod declares otherwise', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', { metadata: { name: 'web' }, securityContext: { fsGroup: 1000 }, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')], sidecars: [new FullSidecar()] });
    expect(synthError(chart)).toContain("PlainPod 'web': securityContext.fsGroup: 1000 contradicts the sidecar \"proxy\", which needs 65533; remove the pod's value or configure the sidecar to match.");
  });

  test('compares a sidecar\'s pod security context value with the pod\'s once tokens are resolved: equal agrees, different fails (review 36 H6)', () => {
    const pod = (chart: any, podValue: any, sidecarValue: any) => new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      securityContext: { fsGroup: podValue },
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [c('app')],
      sidecars: [new FullSidecar({ podSecurityContext: { fsGroup: sidecarValue } })],
    });
    const same = newChart();
    pod(same, 65533, Lazy.any({ produce: () => 65533 }));
    expect(only(synth(same), 'Pod').spec.securityContext).toEqual({ fsGroup: 65533 });
    const podToken = newChart();
    pod(podToken, Lazy.any({ produce: () => 65533 }), 65533);
    expect(only(synth(podToken), 'Pod').spec.securityContext).toEqual({ fsGroup: 65533 });
    const other = newChart();
    pod(other, 1000, Lazy.any({ produce: () => 65533 }));
    expect(synthError(other)).toContain("PlainPod 'web': securityContext.fsGroup: 1000 contradicts the sidecar \"proxy\", which needs 65533; remove the pod's value or configure the sidecar to match.");
  });

  test('compares two tokens once resolved instead of taking them for equal, and reports a pod token that resolves to no value (review 41 N1, N2)', () => {
    const pod = (chart: any, podValue: any, sidecarValue: any) => new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      securityContext: podValue === undefined ? undefined : { runAsUser: podValue },
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [c('app')],
      sidecars: [new FullSidecar({ podSecurityContext: { runAsUser: sidecarValue } })],
    });
    const two = newChart();
    pod(two, Lazy.any({ produce: () => 1000 }), Lazy.any({ produce: () => 2000 }));
    expect(synthError(two)).toContain("PlainPod 'web': securityContext.runAsUser: 1000 contradicts the sidecar \"proxy\", which needs 2000; remove the pod's value or configure the sidecar to match.");
    const nothing = newChart();
    pod(nothing, Lazy.any({ produce: () => undefined }), 1000);
    expect(synthError(nothing)).toContain("PlainPod 'web': securityContext.runAsUser: is not set in the pod as written (a token that resolved to no value, or a JSON patch), "
      + 'so the value 1000 the sidecar "proxy" needs is missing; set it to that value.');
  });

  test('takes a sidecar\'s nested pod security context value equal to the pod\'s as equal, whatever the order of its keys or a token in it (review 41 N3, N4)', () => {
    const podValue = { seLinuxOptions: { user: 'u', level: 's0' }, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } };
    const own = newChart();
    new PlainPod(own, 'web', {
      metadata: { name: 'web' },
      securityContext: podValue,
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [c('app')],
      sidecars: [new FullSidecar({ podSecurityContext: { seLinuxOptions: { level: 's0', user: Lazy.any({ produce: () => 'u' }) as any }, seccompProfile: { localhostProfile: 'p.json', type: 'Localhost' } } })],
    });
    expect(only(synth(own), 'Pod').spec.securityContext).toEqual(podValue);
    const injected = newChart();
    const pod = new PlainPod(injected, 'web', { metadata: { name: 'web' }, securityContext: podValue, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')] });
    Inject.into(pod, { sidecars: [new FullSidecar({ podSecurityContext: { seLinuxOptions: { user: 'u', level: 's0' }, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } } })] });
    expect(only(synth(injected), 'Pod').spec.securityContext).toEqual(podValue);
  });

  test('takes sysctls and supplementalGroups in another order as the same set, in a pattern and with Inject.into() (review 42 P1)', () => {
    const podValue = { sysctls: [{ name: 'net.core.somaxconn', value: '1024' }, { name: 'kernel.shm_rmid_forced', value: '1' }], supplementalGroups: [1000, 2000] };
    const sidecarValue = { sysctls: [{ value: '1', name: 'kernel.shm_rmid_forced' }, { name: 'net.core.somaxconn', value: '1024' }], supplementalGroups: [2000, 1000] };
    const own = newChart();
    new PlainPod(own, 'web', {
      metadata: { name: 'web' },
      securityContext: podValue,
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [c('app')],
      sidecars: [new FullSidecar({ podSecurityContext: sidecarValue })],
    });
    expect(only(synth(own), 'Pod').spec.securityContext).toEqual(podValue);
    const injected = newChart();
    const pod = new PlainPod(injected, 'web', { metadata: { name: 'web' }, securityContext: podValue, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')] });
    Inject.into(pod, { sidecars: [new FullSidecar({ podSecurityContext: sidecarValue })] });
    expect(only(synth(injected), 'Pod').spec.securityContext).toEqual(podValue);
  });

  test('names both sidecars when two need different pod security context values, in a pattern and with Inject.into() (review 42 P2)', () => {
    const two = () => [new FullSidecar({ container: c('s1'), configMaps: undefined, volumes: undefined, podSecurityContext: { fsGroup: 1000 } }),
      new FullSidecar({ container: c('s2'), configMaps: undefined, volumes: undefined, podSecurityContext: { fsGroup: 2000 } })];
    const own = newChart();
    new PlainPod(own, 'web', { metadata: { name: 'web' }, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')], sidecars: two() });
    expect(synthError(own)).toContain("PlainPod 'web': securityContext.fsGroup: the sidecar \"s1\" needs 1000 and the sidecar \"s2\" needs 2000; configure one of them to match the other.");
    const injected = newChart();
    Inject.into(new PlainPod(injected, 'web', { metadata: { name: 'web' }, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')] }), { sidecars: two() });
    expect(synthError(injected)).toContain('spec.securityContext.fsGroup: the sidecar "s1" needs 1000 and the sidecar "s2" needs 2000; configure one of them to match the other.');
  });

  test('shares a volume two sidecars add alike, also with a token in one of them, in a pattern and within one Inject.into() (review 42 P3, P8)', () => {
    const cache = { name: 'cache', configMap: { name: 'c' } };
    const lazyCache = { name: 'cache', configMap: { name: Lazy.any({ produce: () => 'c' }) as any } };
    const two = () => [new FullSidecar({ container: c('s1', { volumeMounts: [{ name: 'cache', mountPath: '/c' }] }), volumes: [cache], configMaps: undefined, podSecurityContext: undefined }),
      new FullSidecar({ container: c('s2', { volumeMounts: [{ name: 'cache', mountPath: '/d' }] }), volumes: [lazyCache], configMaps: undefined, podSecurityContext: undefined })];
    const own = newChart();
    new PlainPod(own, 'web', { metadata: { name: 'web' }, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')], sidecars: two() });
    expect(only(synth(own), 'Pod').spec.volumes).toEqual([{ name: 'shared', emptyDir: {} }, { name: 'cache', configMap: { name: 'c' } }]);
    const injected = newChart();
    Inject.into(new PlainPod(injected, 'web', { metadata: { name: 'web' }, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')] }), { sidecars: two() });
    expect(only(synth(injected), 'Pod').spec.volumes).toEqual([{ name: 'shared', emptyDir: {} }, { name: 'cache', configMap: { name: 'c' } }]);
    const differ = newChart();
    new PlainPod(differ, 'web', {
      metadata: { name: 'web' },
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [c('app')],
      sidecars: [two()[0], new FullSidecar({
        container: c('s2'),
        volumes: [{ name: 'cache', configMap: { name: Lazy.any({ produce: () => 'd' }) as any } }],
        configMaps: undefined,
        podSecurityContext: undefined,
      })],
    });
    expect(synthError(differ)).toContain('spec.volumes: volume name "cache" is used by {"name":"cache","configMap":{"name":"c"}} and by {"name":"cache","configMap":{"name":"d"}}, which a sidecar adds; '
      + 'give each volume a unique name.');
  });

  test('fails when a JSON patch changes a pod security context value a sidecar needs, as with Inject.into() (review 42 P10)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web' }, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')], sidecars: [new FullSidecar()] });
    pod.addJsonPatch(JsonPatch.replace('/spec/securityContext/fsGroup', 1000));
    expect(synthError(chart)).toContain("PlainPod 'web': securityContext.fsGroup: 1000 contradicts the sidecar \"proxy\", which needs 65533; remove the pod's value or configure the sidecar to match.");
  });

  test('needs nothing of a sidecar that JSON patches removed from the pod (review 43 R1)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web' }, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')], sidecars: [new FullSidecar()] });
    pod.addJsonPatch(JsonPatch.remove('/spec/initContainers'), JsonPatch.replace('/spec/securityContext/fsGroup', 2000));
    expect(only(synth(chart), 'Pod').spec.securityContext).toEqual({ fsGroup: 2000 });
  });

  test('takes supplementalGroups and sysctls that hold what a sidecar needs among others, and gives two sidecars\' groups both (review 43 R2)', () => {
    const more = newChart();
    new PlainPod(more, 'web', {
      metadata: { name: 'web' },
      securityContext: { supplementalGroups: [1000, 2000], sysctls: [{ name: 'a.b', value: '1' }, { name: 'c.d', value: '2' }] },
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [c('app')],
      sidecars: [new FullSidecar({ podSecurityContext: { supplementalGroups: [2000], sysctls: [{ name: 'c.d', value: '2' }] } })],
    });
    expect(only(synth(more), 'Pod').spec.securityContext.supplementalGroups).toEqual([1000, 2000]);
    const two = newChart();
    new PlainPod(two, 'web', {
      metadata: { name: 'web' },
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [c('app')],
      sidecars: [new FullSidecar({ container: c('s1'), configMaps: undefined, volumes: undefined, podSecurityContext: { supplementalGroups: [1000] } }),
        new FullSidecar({ container: c('s2'), configMaps: undefined, volumes: undefined, podSecurityContext: { supplementalGroups: [2000] } })],
    });
    expect(only(synth(two), 'Pod').spec.securityContext).toEqual({ supplementalGroups: [1000, 2000] });
    const sysctl = newChart();
    new PlainPod(sysctl, 'web', {
      metadata: { name: 'web' },
      securityContext: { sysctls: [{ name: 'c.d', value: '1' }] },
      volumes: [{ name: 'shared', emptyDir: {} }],
      containers: [c('app')],
      sidecars: [new FullSidecar({ podSecurityContext: { sysctls: [{ name: 'c.d', value: '2' }] } })],
    });
    expect(synthError(sysctl)).toContain('securityContext.sysctls: [{"name":"c.d","value":"1"}] contradicts the sidecar "proxy"');
  });

  test('names a second sidecar only when the value written is the one it needs, not one a JSON patch wrote (review 43 R3)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      containers: [c('app')],
      sidecars: [Sidecar.gitSync({ repo: 'https://example.com/r.git' }), Sidecar.gitSync({ repo: 'https://example.com/s.git', name: 'git-sync-b', volumeName: 'git-b', appMountPath: '/git-b' })],
    });
    pod.addJsonPatch(JsonPatch.replace('/spec/securityContext/fsGroup', 2000));
    const error = synthError(chart);
    expect(error).toContain('securityContext.fsGroup: 2000 contradicts the sidecar "git-sync-b", which needs 65533');
    expect(error).not.toContain('the sidecar "git-sync" needs 2000');
  });

  test('refuses a sidecar\'s pod security context need when securityContext is one token, naming the fix, instead of a crash at synth (review 43 R11)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web' }, securityContext: Lazy.any({ produce: () => ({ runAsNonRoot: true }) }) as any, containers: [c('app')] });
    expect(() => pod.addSidecar(Sidecar.gitSync({ repo: 'https://example.com/r.git' }))).toThrow("PlainPod 'web': securityContext is a token (a Lazy), but the sidecar \"git-sync\" "
      + 'needs pod securityContext fields (fsGroup) to be merged into it; write securityContext as a plain object (its fields may be tokens).');
  });

  test('reports a sidecar\'s emptyDir named like the pod\'s own, which its app or init container uses elsewhere, in a pattern and with Inject.into() (review 43 R5, R6)', () => {
    const scratch = () => new FullSidecar({
      container: c('s', { volumeMounts: [{ name: 'data', mountPath: '/scratch' }] }),
      volumes: [{ name: 'data', emptyDir: {} }],
      configMaps: undefined,
      appVolumeMounts: undefined,
      podSecurityContext: undefined,
    });
    const byApp = newChart();
    new PlainPod(byApp, 'web', {
      metadata: { name: 'web' },
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [c('app', { volumeMounts: [{ name: 'data', mountPath: '/data' }] })],
      sidecars: [scratch()],
    });
    expect(synthError(byApp)).toContain('spec.volumes[1].name: volume name "data" is already used by spec.volumes[0]');
    const byInit = newChart();
    const pod = new PlainPod(byInit, 'web', {
      metadata: { name: 'web' },
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [c('app')],
      initContainers: [c('seed', { volumeMounts: [{ name: 'data', mountPath: '/seed' }] })],
    });
    Inject.into(pod, { sidecars: [scratch()] });
    expect(synthError(byInit)).toContain('spec.volumes[1].name: volume name "data" is already used by spec.volumes[0]');
  });

  test('compares a token volume the pod shares with a sidecar as declared, so a JSON patch of the shared volume is no second volume (review 43 R7)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      volumes: [{ name: 'cfg', configMap: { name: Lazy.any({ produce: () => 'a' }) as any } }],
      containers: [c('app', { volumeMounts: [{ name: 'cfg', mountPath: '/cfg' }] })],
      sidecars: [new FullSidecar({ container: c('s'), volumes: [{ name: 'cfg', configMap: { name: 'a' } }], configMaps: undefined, appVolumeMounts: undefined, podSecurityContext: undefined })],
    });
    pod.addJsonPatch(JsonPatch.add('/spec/volumes/0/configMap/optional', true));
    expect(only(synth(chart), 'Pod').spec.volumes).toEqual([{ name: 'cfg', configMap: { name: 'a', optional: true } }]);
  });

  test('names the pattern\'s own sidecar when Inject.into() adds one that needs another value (review 43 R12)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web' }, containers: [c('app')], sidecars: [Sidecar.gitSync({ repo: 'https://example.com/r.git' })] });
    Inject.into(pod, { sidecars: [new FullSidecar({ container: c('s'), configMaps: undefined, volumes: undefined, appVolumeMounts: undefined, podSecurityContext: { fsGroup: 2000 } })] });
    expect(synthError(chart)).toContain('spec.securityContext.fsGroup: the sidecar "git-sync" needs 65533 and the sidecar "s" needs 2000; configure one of them to match the other.');
  });

  test('accepts a sidecar that needs no pod field when securityContext is one token (review 44 T1)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web' }, securityContext: Lazy.any({ produce: () => ({ runAsNonRoot: true }) }) as any, containers: [c('app')] });
    pod.addSidecar(new FullSidecar({ container: c('s'), configMaps: undefined, volumes: undefined, appVolumeMounts: undefined, podSecurityContext: {} }));
    expect(only(synth(chart), 'Pod').spec.securityContext).toEqual({ runAsNonRoot: true });
  });

  test('still holds a sidecar\'s need when a JSON patch renames it in place (review 44 T2)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web' }, containers: [c('app')] });
    pod.addSidecar(Sidecar.gitSync({ repo: 'https://example.com/r.git' }));
    pod.addJsonPatch(JsonPatch.replace('/spec/containers/1/name', 'sync'), JsonPatch.replace('/spec/securityContext/fsGroup', 1000));
    expect(synthError(chart)).toContain('securityContext.fsGroup: 1000 contradicts the sidecar "git-sync", which needs 65533');
  });

  test('reports two sidecars\' emptyDirs of one name that they mount into the app at two paths, in a pattern and in one Inject.into() (review 44 T3)', () => {
    const two = () => [Sidecar.gitSync({ repo: 'https://example.com/r.git', volumeName: 'shared', appMountPath: '/git', mode: SidecarMode.NATIVE }),
      Sidecar.logShipper(LogShipper.tail(), { logVolumeName: 'shared', logMountPath: '/var/log/' })];
    const own = newChart();
    new PlainPod(own, 'web', { metadata: { name: 'web' }, containers: [c('app')], sidecars: two() });
    // Both sidecars are named, with the option that gives one its own volume (review 45 W8).
    const message = 'volumes: the sidecars "git-sync" and "log-shipper" both add a volume named "shared", and mount it into the app at two paths, "/git" and "/var/log/"; '
      + 'mount it at one path in both, or give one of them another volume name (volumeName of Sidecar.gitSync or logVolumeName of Sidecar.logShipper).';
    expect(synthError(own)).toContain(message);
    const injected = newChart();
    Inject.into(new PlainPod(injected, 'web', { metadata: { name: 'web' }, containers: [c('app')] }), { sidecars: two() });
    expect(synthError(injected)).toContain(message);
  });

  test('names a sidecar as owner of a value only while it is in the pod and the pod has its value, and keeps owners across Inject.into() calls (review 44 T4, T7)', () => {
    const need = (name: string, podSecurityContext: any) => new FullSidecar({
      container: c(name), configMaps: undefined, volumes: undefined, appVolumeMounts: undefined, podSecurityContext,
    });
    const patched = newChart();
    const pod = new PlainPod(patched, 'web', { metadata: { name: 'web' }, containers: [c('app')], sidecars: [need('a', { fsGroup: 1 })] });
    pod.addJsonPatch(JsonPatch.replace('/spec/securityContext/fsGroup', 5));
    Inject.into(pod, { sidecars: [need('b', { fsGroup: 2 })] });
    expect(synthError(patched)).toContain('spec.securityContext.fsGroup: 5 contradicts the sidecar "b", which needs 2; change the pod\'s value or configure the sidecar to match.');
    const calls = newChart();
    const twice = new PlainPod(calls, 'web', { metadata: { name: 'web' }, containers: [c('app')] });
    Inject.into(twice, { sidecars: [need('a', { supplementalGroups: [1] })] });
    Inject.into(twice, { sidecars: [need('b', { supplementalGroups: [2] })] });
    expect(only(synth(calls), 'Pod').spec.securityContext).toEqual({ supplementalGroups: [1, 2] });
  });

  test('shares the pattern\'s files volume with Inject.into()\'s init steps though a user init container reads it elsewhere, as addInitStep() does (review 44 T5)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      containers: [c('app')],
      initContainers: [c('prep', { volumeMounts: [{ name: 'init-files', mountPath: '/work' }] })],
      initSteps: [InitStep.download('https://example.com/a', 'a')],
    });
    Inject.into(pod, { initSteps: [InitStep.download('https://example.com/b', 'b')] });
    expect(only(synth(chart), 'Pod').spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }]);
  });

  test('drops the need of a sidecar a JSON patch replaced by another container, and takes a null field for no need (review 45 W1, W9)', () => {
    const replaced = newChart();
    const pod = new PlainPod(replaced, 'web', { metadata: { name: 'web' }, containers: [c('app')], sidecars: [Sidecar.gitSync({ repo: 'https://example.com/r.git', initialSync: false })] });
    pod.addJsonPatch(JsonPatch.replace('/spec/containers/1', { name: 'proxy', image: 'nginx' }), JsonPatch.replace('/spec/securityContext/fsGroup', 1000));
    expect(only(synth(replaced), 'Pod').spec.securityContext).toEqual({ fsGroup: 1000 });
    const nullNeed = newChart();
    new PlainPod(nullNeed, 'web', {
      metadata: { name: 'web' },
      securityContext: { fsGroup: 1000 },
      containers: [c('app')],
      sidecars: [new FullSidecar({ container: c('x'), configMaps: undefined, volumes: undefined, appVolumeMounts: undefined, podSecurityContext: { fsGroup: null as any } })],
    });
    expect(only(synth(nullNeed), 'Pod').spec.securityContext).toEqual({ fsGroup: 1000 });
  });

  test('takes two log shippers\' mount paths spelt with and without a trailing slash for one directory (review 45 W8)', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      containers: [c('app')],
      sidecars: [
        Sidecar.logShipper(LogShipper.tail(), { logMountPath: '/var/log/a' }),
        Sidecar.logShipper(LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es', index: 'a' }) }), { name: 'fb', logMountPath: '/var/log/a/' }),
      ],
    });
    expect(only(synth(chart), 'Pod').spec.volumes.map((v: any) => v.name)).toEqual(['shared-logs', 'fluent-bit-config']);
  });

  test('exposes with every prop, inherited ones included, and checks them (review 45 V4)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [c('app', { ports: [{ name: 'http', containerPort: 8080 }] })] });
    pod.expose('svc', Object.create({ type: 'NodePort' }, { ports: { value: [{ port: 80, targetPort: 'http' }], enumerable: true } }));
    expect(only(synth(chart), 'Service').spec.type).toBe('NodePort');
    const misspelt = newChart();
    const other = new PlainPod(misspelt, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [c('app')] });
    expect(() => other.expose('svc', Object.create({ tpye: 'NodePort' }, { ports: { value: [{ port: 80 }], enumerable: true } })))
      .toThrow('tpye: is not a field of ExposedServiceProps; did you mean type?');
  });

  test('refuses a misspelt key inside a catalogue sidecar\'s Secret reference at the call (review 45 V6)', () => {
    expect(() => Sidecar.gitSync({ repo: 'https://example.com/r.git', username: 'u', passwordSecret: { name: 's', kye: 'k' } as any }))
      .toThrow('Sidecar.gitSync: passwordSecret.kye: is not a field of SecretKeyRef; did you mean key?');
  });

  test('names a pattern sidecar that Inject.into() meets by its resolved name, and not at all once a JSON patch removed it (review 45 W6, W7)', () => {
    const need = (name: any, fsGroup: number) => new FullSidecar({
      container: c(name), configMaps: undefined, volumes: undefined, appVolumeMounts: undefined, podSecurityContext: { fsGroup },
    });
    const token = newChart();
    const pod = new PlainPod(token, 'web', { metadata: { name: 'web' }, containers: [c('app')], sidecars: [need(Lazy.any({ produce: () => 'side-a' }), 2000)] });
    Inject.into(pod, { sidecars: [need('side-b', 1000)] });
    expect(synthError(token)).toContain('spec.securityContext.fsGroup: the sidecar "side-a" needs 2000 and the sidecar "side-b" needs 1000; configure one of them to match the other.');
    const removed = newChart();
    const other = new PlainPod(removed, 'web', { metadata: { name: 'web' }, containers: [c('app')], sidecars: [need('side-a', 2000)] });
    other.addJsonPatch(JsonPatch.remove('/spec/initContainers'));
    Inject.into(other, { sidecars: [need('side-b', 1000)] });
    expect(synthError(removed)).toContain('spec.securityContext.fsGroup: 2000 contradicts the sidecar "side-b", which needs 1000; change the pod\'s value or configure the sidecar to match.');
  });

  test('reports the problems a sidecar found in its options with the pod\'s own', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', { metadata: { name: 'web' }, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')], sidecars: [new FullSidecar({ problems: ['proxy.port: 0 must be between 1 and 65535.'] })] });
    expect(synthError(chart)).toContain("PlainPod 'web': proxy.port: 0 must be between 1 and 65535.");
  });

  test('fails at once when addSidecar or addInitStep is given something else', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web' }, containers: [c('app')] });
    expect(() => pod.addSidecar(c('proxy') as any)).toThrow("PlainPod 'web': addSidecar() takes a Sidecar (e.g. Sidecar.container({ name: 'proxy', image: 'envoyproxy/envoy:v1.31.0' })), not {\"name\":\"proxy\",\"image\":\"busybox:1.36\"}.");
    expect(() => pod.addInitStep('wait' as any)).toThrow("PlainPod 'web': addInitStep() takes an InitStep (e.g. InitStep.waitForTcp('db', 5432)), not \"wait\".");
  });

  test('tells a sidecar which kind of object its pod is written as', () => {
    const chart = newChart();
    const sidecar = new FullSidecar();
    new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, volumes: [{ name: 'shared', emptyDir: {} }], containers: [c('app')], sidecars: [sidecar], workload: Workload.statefulSet() });
    expect(sidecar.contexts[0].workloadKind).toBe('StatefulSet');
  });
});

describe('proxies in front of the app', () => {
  const fronted = (chart: any) => new PlainPod(chart, 'web', {
    metadata: { name: 'web', labels: { app: 'web' } },
    volumes: [{ name: 'shared', emptyDir: {} }],
    containers: [c('app', { ports: [{ name: 'http', containerPort: 8080 }] })],
    sidecars: [new FullSidecar()],
  });

  test('fails when a Service targets the app port a proxy sidecar fronts', () => {
    const chart = newChart();
    fronted(chart).expose('svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.ports[0].targetPort: \"http\" is port 8080 of the app container \"app\", which a proxy sidecar fronts; clients would bypass the proxy. Target the proxy's port instead: \"proxy\" (this library's contract).");
  });

  test('fails when the port number, unset targetPort included, is the app\'s', () => {
    const chart = newChart();
    fronted(chart).expose('svc', { metadata: { name: 'web' }, ports: [{ port: 8080 }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: 8080 is port 8080 of the app container "app"');
  });

  test.each([SidecarMode.CLASSIC, SidecarMode.NATIVE])('fails when a Service targets Envoy\'s port while oauth2-proxy fronts Envoy (%s Envoy), by name or number, and suggests the outermost proxy (review 38 J5)', (mode) => {
    const pod = (chart: any) => new PlainPod(chart, 'web', {
      metadata: { name: 'web', labels: { app: 'web' } },
      containers: [c('app', { ports: [{ name: 'http', containerPort: 8080 }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080, mode }), oidcProxy(10000)],
    });
    for (const targetPort of ['envoy-http', 10000]) {
      const chart = newChart();
      pod(chart).expose('svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort }] });
      expect(synthError(chart)).toContain(`ExposedService 'web': spec.ports[0].targetPort: ${JSON.stringify(targetPort)} is port 10000 of the proxy sidecar "envoy", which the sidecar "oauth2-proxy" `
        + 'fronts in turn; clients would bypass "oauth2-proxy". Target the outermost proxy\'s port instead: "oauth2-http" (this library\'s contract).');
    }
    const ok = newChart();
    pod(ok).expose('svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort: 'oauth2-http' }] });
    expect(only(synth(ok), 'Service').spec.ports[0].targetPort).toBe('oauth2-http');
    const none = newChart();
    pod(none).expose('svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort: 'nope' }] });
    expect(synthError(none)).toContain('"nope" names no container port of PlainPod \'web\'; use one of "envoy-metrics", "oauth2-http", "oauth2-metrics" or a port number (this library\'s contract).');
  });

  test('fails when a Service targets Envoy\'s port while oauth2-proxy fronts Envoy, both added natively by Inject.into(), to a pod or a cdk8s-plus workload (review 41 N5)', () => {
    const chain = () => [Sidecar.envoy({ appPort: 8080, mode: SidecarMode.NATIVE }), oidcProxy(10000, SidecarMode.NATIVE)];
    const bypass = 'is port 10000 of the proxy sidecar "envoy", which the sidecar "oauth2-proxy" fronts in turn; clients would bypass "oauth2-proxy". '
      + 'Target the outermost proxy\'s port instead: "oauth2-http" (this library\'s contract).';
    for (const targetPort of ['envoy-http', 10000]) {
      const chart = newChart();
      const pod = new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [c('app', { ports: [{ name: 'http', containerPort: 8080 }] })] });
      Inject.into(pod, { sidecars: chain() });
      pod.expose('svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort }] });
      expect(synthError(chart)).toContain(`spec.ports[0].targetPort: ${JSON.stringify(targetPort)} ${bypass}`);
      const kchart = newChart();
      const d = new kplus.Deployment(kchart, 'd', { containers: [{ name: 'app', image: 'nginx:1.27', portNumber: 8080, securityContext: { ensureNonRoot: false } }] });
      Inject.into(d, { sidecars: chain() });
      new ExposedService(kchart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(d), ports: [{ port: 80, targetPort }] });
      expect(synthError(kchart)).toContain(`spec.ports[0].targetPort: ${JSON.stringify(targetPort)} ${bypass}`);
    }
  });

  test('accepts a UDP Service on the app\'s UDP port behind a proxy, which forwards TCP only (review 42 P4)', () => {
    for (const targetPort of ['quic', 8443]) {
      const chart = newChart();
      const pod = new PlainPod(chart, 'web', {
        metadata: { name: 'web', labels: { app: 'web' } },
        containers: [c('app', { ports: [{ name: 'http', containerPort: 8080 }, { name: 'quic', containerPort: 8443, protocol: 'UDP' }] })],
        sidecars: [Sidecar.envoy({ appPort: 8080 })],
      });
      pod.expose('svc', { metadata: { name: 'web' }, ports: [{ port: 443, targetPort, protocol: 'UDP' }] });
      expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe(targetPort);
    }
  });

  test('offers only port names of the Service port\'s protocol when a targetPort names nothing behind a proxy (review 43 R8)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', {
      metadata: { name: 'web', labels: { app: 'web' } },
      containers: [c('app', { ports: [{ name: 'web', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080 })],
    });
    pod.expose('svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort: 'htp' }] });
    expect(synthError(chart)).toContain('"htp" names no container port of PlainPod \'web\'; use one of "envoy-http", "envoy-metrics" or a port number');
  });

  test('takes an inner proxy\'s port written with protocol "" for TCP, as the API server defaults it (review 42 P9)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', {
      metadata: { name: 'web', labels: { app: 'web' } },
      containers: [c('app')],
      sidecars: [new FullSidecar({
        container: c('myproxy', { ports: [{ name: 'my-http', containerPort: 7000, protocol: '' }] }),
        frontPorts: ['my-http'],
        frontedAppPorts: [8080],
        volumes: undefined,
        appVolumeMounts: undefined,
        configMaps: undefined,
        podSecurityContext: undefined,
      }, SidecarMode.CLASSIC), oidcProxy(7000)],
    });
    pod.expose('svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort: 7000 }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: 7000 is port 7000 of the proxy sidecar "myproxy", which the sidecar "oauth2-proxy" fronts in turn');
  });

  test('accepts a UDP Service on a sidecar that is no proxy, by name or number, though its port number is what oauth2-proxy forwards to over TCP (review 41 N6)', () => {
    for (const targetPort of ['statsd', 8080]) {
      const chart = newChart();
      const pod = new PlainPod(chart, 'web', {
        metadata: { name: 'web', labels: { app: 'web' } },
        containers: [c('app')],
        sidecars: [Sidecar.container({ name: 'statsd', image: 'statsd/statsd:v0.10.2', ports: [{ name: 'statsd', containerPort: 8080, protocol: 'UDP' }] }),
          oidcProxy(8080)],
      });
      pod.expose('svc', { metadata: { name: 'web' }, ports: [{ port: 8125, targetPort, protocol: 'UDP' }] });
      expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe(targetPort);
    }
  });

  test.each([
    ['Envoy', () => Sidecar.envoy({ appPort: 8080 }), 'envoy-http'],
    ['oauth2-proxy', () => oidcProxy(8080), 'oauth2-http'],
  ])('fails when a Service targets the appPort of %s, which the app container does not list in ports (review 12 D9)', (_what, make, proxyPort) => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [c('app')], sidecars: [make()] });
    pod.expose('svc', { metadata: { name: 'web' }, ports: [{ port: 80, targetPort: 8080 }] });
    expect(synthError(chart)).toContain('ExposedService \'web\': spec.ports[0].targetPort: 8080 is the app\'s port 8080 (the appPort of the sidecar');
    expect(synthError(chart)).toContain(`which a proxy sidecar fronts; clients would bypass the proxy. Target the proxy's port instead: "${proxyPort}" (this library's contract).`);
  });

  test('accepts a Service that targets the proxy', () => {
    const chart = newChart();
    fronted(chart).expose('svc', { metadata: { name: 'web' }, ports: [{ port: 443, targetPort: 'proxy' }] });
    expect(only(synth(chart), 'Service').spec.ports).toEqual([{ port: 443, targetPort: 'proxy' }]);
  });
});

describe('sidecars that share a volume', () => {
  test('declare it once, when two sidecars bring the same volume', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      containers: [c('app')],
      sidecars: [new FullSidecar({ container: c('one'), frontPorts: [], podSecurityContext: undefined, configMaps: [] }), new FullSidecar({ container: c('two'), frontPorts: [], podSecurityContext: undefined, configMaps: [] })],
      volumes: [{ name: 'shared', emptyDir: {} }],
    });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.volumes).toEqual([{ name: 'shared', emptyDir: {} }, { name: 'proxy-config', configMap: { name: 'web-proxy' } }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'shared', mountPath: '/shared' }]);
  });

  test('still fail when two sidecars bring different volumes with one name', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      containers: [c('app')],
      volumes: [{ name: 'shared', emptyDir: {} }],
      sidecars: [
        new FullSidecar({ container: c('one'), frontPorts: [], podSecurityContext: undefined, configMaps: [], volumes: [{ name: 'cfg', emptyDir: {} }] }),
        new FullSidecar({ container: c('two'), frontPorts: [], podSecurityContext: undefined, configMaps: [], volumes: [{ name: 'cfg', secret: { secretName: 's' } }] }),
      ],
    });
    expect(synthError(chart)).toContain('volumes: the sidecars "one" and "two" both add a volume named "cfg", with different contents, and a pod cannot have two volumes of one name; '
      + 'give one of them another name.');
  });
});

describe('Sidecar.container() mode', () => {
  const loose = (o: unknown): any => o;

  test.each([
    ['NATIVE', ' (did you mean SidecarMode.NATIVE?).'],
    ['nativ', ' (did you mean SidecarMode.NATIVE?).'],
    [42, '.'],
  ])('rejects %p instead of making a classic sidecar of it', (mode, end) => {
    expect(() => Sidecar.container({ name: 'side', image: 'busybox' }, loose(mode)))
      .toThrow(`Sidecar.container(): mode: ${JSON.stringify(mode)} is not a SidecarMode; use SidecarMode.CLASSIC or SidecarMode.NATIVE${end}`);
  });
});

describe('a pattern whose construction fails', () => {
  class FailingSidecar extends Sidecar {
    public constructor() {
      super(SidecarMode.CLASSIC);
    }
    public bind(_context: SidecarContext): SidecarBinding {
      throw new Error('this sidecar cannot be bound');
    }
  }

  test.each([
    ['PlainPod', (chart: any) => new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [new FullSidecar(), new FailingSidecar()] })],
    ['InitPod', (chart: any) => new InitPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [new FullSidecar(), new FailingSidecar()] })],
    ['SidecarLoggedApp', (chart: any) => new SidecarLoggedApp(chart, 'p', { metadata: { name: 'p' }, app: c('app'), sidecars: [new FullSidecar(), new FailingSidecar()] })],
  ])('%s leaves nothing half-built: the next synthesis of the app writes neither the pod nor its generated ConfigMap, and its name is free', (_name, make) => {
    const chart = newChart();
    expect(() => make(chart)).toThrow('this sidecar cannot be bound');
    expect(chart.node.findAll().map((x) => x.node.path)).toEqual(['test']);
    expect(synth(chart)).toEqual([]);
    new PlainPod(chart, 'again', { metadata: { name: 'p' }, containers: [c('app')] });
    expect(synth(chart).map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['Pod/p']);
  });
});

describe('adding to a pod that exists', () => {
  test('a sidecar that fails half-way through addSidecar() leaves the pod as it was: no container, volume, mount, security context or ConfigMap of it', () => {
    // GIVEN
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], volumes: [{ name: 'shared', emptyDir: {} }], sidecars: [new FullSidecar()] });
    const before = synth(chart);
    // WHEN: the second sidecar brings its container, volume, mounts and security context, then a ConfigMap name the first one has
    const second = new FullSidecar({ container: c('proxy-two'), volumes: [{ name: 'two', emptyDir: {} }], podSecurityContext: { runAsGroup: 7 } });
    // THEN
    expect(() => pod.addSidecar(second)).toThrow(
      'PlainPod \'p\': two sidecars or init steps generate a ConfigMap named "p-proxy" for this pod, and one would overwrite the other\'s configuration; give one of them another configMapName (or another name).');
    expect(synth(chart)).toEqual(before);
    expect(pod.configMaps.map((cm) => cm.node.path)).toEqual(['test/p/ConfigMap-p-proxy']);
  });

  test('two catalogue sidecars that generate one ConfigMap name are refused with that name, not with a construct-tree error', () => {
    const chart = newChart();
    expect(() => new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [Sidecar.envoy({ appPort: 8080 }), Sidecar.envoy({ appPort: 8080, name: 'envoy-two' })] }))
      .toThrow('PlainPod \'p\': two sidecars or init steps generate a ConfigMap named "p-envoy" for this pod');
    expect(chart.node.findAll().map((x) => x.node.path)).toEqual(['test']);
  });

  test('an init step that fails in addInitStep() leaves the pod as it was', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], initSteps: [InitStep.renderTemplate('a: 1', 'a.yaml')] });
    const before = synth(chart);
    expect(() => pod.addInitStep(InitStep.renderTemplate('b: 2', 'a.yaml'))).toThrow('generate a ConfigMap named "p-render-a-yaml"');
    expect(synth(chart)).toEqual(before);
  });
});

describe('the containers this library generates for Linux nodes, in a Windows pod', () => {
  const windows = { os: { name: 'windows' } };
  const winApp = { name: 'app', image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022' };

  test('refuses every generated init step, naming the step and what to use instead', () => {
    // GIVEN
    const chart = newChart();
    // WHEN
    new InitPod(chart, 'p', {
      ...windows,
      initSteps: [InitStep.download('https://example.com/a.json', 'a.json'), InitStep.command('setup', 'mcr.microsoft.com/powershell', ['pwsh', '-c', 'exit 0'])],
      containers: [winApp],
    });
    // THEN the step of your own is accepted
    const error = synthError(chart);
    expect(error).toContain('spec.initContainers[0]: InitStep.download \'download-a-json\' is made for Linux nodes (image "busybox:1.36", with Linux commands and paths), but the pod runs on Windows nodes (spec.os.name: windows)');
    expect(error).toContain('use InitStep.command() with an image built for Windows (this library\'s contract: the API server accepts the pod)');
    expect(error).not.toContain('spec.initContainers[1]');
  });

  test('refuses a catalogue sidecar and its first-sync step, without blaming the security settings it set itself', () => {
    // GIVEN
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { ...windows, containers: [winApp] });
    // WHEN
    pod.addSidecar(Sidecar.gitSync({ repo: 'https://github.com/kubernetes/git-sync' }));
    // THEN
    const error = synthError(chart);
    expect(error).toContain('spec.containers[1]: Sidecar.gitSync \'git-sync\' is made for Linux nodes');
    expect(error).toContain('spec.initContainers[0]: the init step \'git-sync-init\' of Sidecar.gitSync \'git-sync\' is made for Linux nodes');
    expect(error).toContain('or use Sidecar.container() with an image built for Windows');
    expect(error).not.toContain('fsGroup');
    expect(error).not.toContain('runAsUser');
  });

  test('still reports a security setting the pod declared itself', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { ...windows, securityContext: { fsGroup: 65533 }, containers: [winApp] });
    pod.addSidecar(Sidecar.gitSync({ repo: 'https://github.com/kubernetes/git-sync' }));
    expect(synthError(chart)).toContain('spec.securityContext.fsGroup: cannot be set for a windows pod');
  });

  test('refuses the log shipper of a SidecarLoggedApp, and takes a sidecar of your own and a Windows logMountPath', () => {
    // GIVEN
    const tail = newChart();
    const fluentBit = newChart();
    const own = newChart();
    // WHEN
    new SidecarLoggedApp(tail, 'l', { ...windows, app: winApp, logMountPath: 'C:\\logs' });
    new SidecarLoggedApp(fluentBit, 'l', { ...windows, app: winApp, logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) }) });
    new SidecarLoggedApp(own, 'l', { ...windows, app: winApp, logMountPath: 'C:\\logs', sidecar: { name: 'shipper', image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022' } });
    // THEN
    expect(synthError(tail)).toContain('spec.containers[1]: LogShipper.tail() \'sidecar-container\' is made for Linux nodes (image "busybox"');
    expect(synthError(tail)).toContain('or use the sidecar prop (a container of your own) with an image built for Windows');
    expect(synthError(fluentBit)).toContain('spec.containers[1]: LogShipper.fluentBit() \'sidecar-container\' is made for Linux nodes');
    expect(only(synth(own), 'Pod').spec.containers[1].volumeMounts).toEqual([{ name: 'shared-logs', mountPath: 'C:\\logs' }]);
  });

  test('follows the pod as written: a nodeSelector for Windows, a Deployment template, a sidecar patched away', () => {
    // GIVEN
    const selected = newChart();
    const deployment = newChart();
    const patched = newChart();
    const linux = newChart();
    // WHEN
    new PlainPod(selected, 'p', { nodeSelector: { 'kubernetes.io/os': 'windows' }, containers: [winApp], sidecars: [Sidecar.nginxExporter()] });
    new PlainPod(deployment, 'p', { workload: Workload.deployment(), ...windows, containers: [winApp], initSteps: [InitStep.waitForTcp('db', 5432)] });
    const pod = new PlainPod(patched, 'p', { ...windows, containers: [winApp], sidecars: [Sidecar.nginxExporter()] });
    ApiObject.of(pod).addJsonPatch(JsonPatch.remove('/spec/containers/1'));
    new PlainPod(linux, 'p', { containers: [c('app')], sidecars: [Sidecar.nginxExporter()], initSteps: [InitStep.waitForTcp('db', 5432)] });
    // THEN
    expect(synthError(selected)).toContain('spec.containers[1]: Sidecar.nginxExporter \'nginx-exporter\' is made for Linux nodes (image "nginx/nginx-prometheus-exporter:1.4.2", with Linux commands and paths), but the pod runs on Windows nodes (spec.nodeSelector kubernetes.io/os: windows)');
    expect(synthError(deployment)).toContain('spec.template.spec.initContainers[0]: InitStep.waitForTcp \'wait-for-db\' is made for Linux nodes');
    expect(only(synth(patched), 'Pod').spec.containers).toHaveLength(1);
    expect(only(synth(linux), 'Pod').spec.initContainers).toHaveLength(1);
  });
});

describe('the ConfigMaps generated for a pod, after JSON patches', () => {
  const fluentBit = () => LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) });

  test('fail when the pod\'s namespace is patched and theirs is not: the kubelet looks for them in the pod\'s', () => {
    // GIVEN
    const template = newChart();
    const shipper = newChart();
    // WHEN
    new PlainPod(template, 'api', {
      metadata: { name: 'api' },
      containers: [c('api')],
      initSteps: [InitStep.renderTemplate('x=${A}\n', 'a.conf', { variables: [{ name: 'A', value: '1' }] })],
    }).addJsonPatch(JsonPatch.add('/metadata/namespace', 'prod'));
    new PlainPod(shipper, 'api', {
      metadata: { name: 'api', labels: { app: 'api' } },
      workload: Workload.deployment(),
      containers: [c('api')],
      sidecars: [Sidecar.logShipper(fluentBit(), { logMountPath: '/var/log/api/' })],
    }).addJsonPatch(JsonPatch.add('/metadata/namespace', 'prod'));
    // THEN
    expect(synthError(template)).toContain('PlainPod \'api\': metadata.namespace: the pod is in namespace "prod" and the ConfigMap "api-render-a-conf" generated for it in no namespace (the one kubectl applies to) (after JSON patches); the kubelet looks for it in the pod\'s namespace, so the pod would never start. Set metadata.namespace in the props, which the generated ConfigMaps follow, instead of a patch (this library\'s contract).');
    expect(synthError(shipper)).toContain('the ConfigMap "api-fluent-bit" generated for it in no namespace');
  });

  test('fail when a patch turns one the pod mounts into another kind that validates (review 58 R1)', () => {
    const chart = newChart();
    const logged = new SidecarLoggedApp(chart, 'api', { metadata: { name: 'api' }, app: c('main'), logShipper: fluentBit() });
    logged.logShipperConfigMap!.addJsonPatch(JsonPatch.replace('/kind', 'Service'), JsonPatch.remove('/data'), JsonPatch.add('/spec', { ports: [{ port: 80 }], selector: { app: 'api' } }));
    expect(synthError(chart)).toContain('the pod mounts the ConfigMap "api-fluent-bit" generated for it, which a JSON patch turned into "v1/Service": no ConfigMap of the app would be '
      + 'named "api-fluent-bit", and the pod would never start. Remove the patch that changed its kind (this library\'s contract).');
  });

  test('fail when Inject.into() adds a ConfigMap to an object whose own patch moved it to a namespace, naming the fix for that object (review 58 R2)', () => {
    const chart = newChart();
    const raw = new ApiObject(chart, 'raw', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'raw' }, spec: { containers: [{ name: 'app', image: 'app:1', ports: [{ containerPort: 8080 }] }] } });
    raw.addJsonPatch(JsonPatch.add('/metadata/namespace', 'x'));
    Inject.into(raw, { sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    const error = synthError(chart);
    expect(error).toContain('Set metadata.namespace on the object itself (or the chart\'s namespace), which the ConfigMaps Inject.into() generates follow, instead of a patch');
    expect(error).not.toContain('in the props');
  });

  test('skip the pattern\'s own pod checks when a patch made it a kind without a pod (review 58 R3)', () => {
    const chart = newChart();
    const pod = new InitPod(chart, 'i', { metadata: { name: 'i' }, initSteps: [InitStep.waitForTcp('db', 5432)], containers: [c('app')] });
    pod.apiObject.addJsonPatch(JsonPatch.replace('/kind', 'Service'));
    const error = synthError(chart);
    expect(error).toContain('spec.initContainers: is not a field of ServiceSpec in Kubernetes 1.32');
    expect(error).not.toContain('spec.template.spec.initContainers');
  });

  test('fail, as this library\'s contract, when a patch makes it a kind the library does not validate (review 58 R4)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')] });
    pod.apiObject.addJsonPatch(JsonPatch.replace('/kind', 'Secret'), JsonPatch.remove('/spec'), JsonPatch.add('/data', { a: 'YQ==' }));
    expect(synthError(chart)).toContain('kind: "Secret" (apiVersion "v1") is not a kind this library can check; it validates v1/Pod, apps/v1/Deployment, apps/v1/ReplicaSet, '
      + 'apps/v1/StatefulSet, apps/v1/DaemonSet, batch/v1/Job, batch/v1/CronJob, v1/Service, v1/ConfigMap (this library\'s contract: what it writes is checked as the API server would check it).');
  });

  test('fail when a patch renames one the pod mounts', () => {
    // GIVEN
    const chart = newChart();
    const logged = new SidecarLoggedApp(chart, 'api', { metadata: { name: 'api' }, app: c('main'), logShipper: fluentBit() });
    // WHEN
    logged.logShipperConfigMap!.addJsonPatch(JsonPatch.replace('/metadata/name', 'api-logging'));
    // THEN
    expect(synthError(chart)).toContain('the pod mounts the ConfigMap "api-fluent-bit" generated for it, which a JSON patch renamed to "api-logging"');
  });

  test('are accepted when the ConfigMap and the pod\'s volume are renamed alike (review 29 B1)', () => {
    const chart = newChart();
    const logged = new SidecarLoggedApp(chart, 'api', { metadata: { name: 'api' }, app: c('main'), logShipper: fluentBit() });
    const volume = (only(Testing.synth(chart), 'Pod').spec.volumes as any[]).findIndex((v) => v.configMap?.name === 'api-fluent-bit');
    logged.logShipperConfigMap!.addJsonPatch(JsonPatch.replace('/metadata/name', 'api-logging'));
    logged.addJsonPatch(JsonPatch.replace(`/spec/volumes/${volume}/configMap/name`, 'api-logging'));
    expect(synth(chart).map((m) => `${m.kind} ${m.metadata.name}`)).toEqual(['ConfigMap api-logging', 'Pod api']);
  });

  test('fail when a patch points the pod\'s volume at another ConfigMap, leaving the generated one unmounted (review 29 B1)', () => {
    const chart = newChart();
    const logged = new SidecarLoggedApp(chart, 'api', { metadata: { name: 'api' }, app: c('main'), logShipper: fluentBit() });
    const volume = (only(Testing.synth(chart), 'Pod').spec.volumes as any[]).findIndex((v) => v.configMap?.name === 'api-fluent-bit');
    logged.addJsonPatch(JsonPatch.replace(`/spec/volumes/${volume}/configMap/name`, 'other'));
    expect(synthError(chart)).toContain('nothing in the pod (no volume, envFrom or env) refers to the ConfigMap "api-fluent-bit" generated for it any more (after JSON patches)');
  });

  test('are accepted when both move together, and after Inject.into() too', () => {
    // GIVEN
    const chart = newChart();
    const logged = new SidecarLoggedApp(chart, 'api', { metadata: { name: 'api' }, app: c('main'), logShipper: fluentBit() });
    const deployment = new ApiObject(chart, 'web', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [c('web')] } } },
    });
    Inject.into(deployment, { initSteps: [InitStep.renderTemplate('a: 1', 'a.yaml')] });
    // WHEN
    logged.addJsonPatch(JsonPatch.add('/metadata/namespace', 'prod'));
    logged.logShipperConfigMap!.addJsonPatch(JsonPatch.add('/metadata/namespace', 'prod'));
    // THEN
    expect(synth(chart).map((m) => `${m.kind} ${m.metadata.namespace ?? ''}/${m.metadata.name}`)).toEqual(
      ['ConfigMap prod/api-fluent-bit', 'Pod prod/api', 'ConfigMap /web-render-a-yaml', 'Deployment /web']);
    // AND a patch of the Deployment's namespace alone is reported
    deployment.addJsonPatch(JsonPatch.add('/metadata/namespace', 'prod'));
    expect(synthError(chart)).toContain('Deployment \'web\' with injected sidecars and init steps: metadata.namespace: the pod is in namespace "prod" and the ConfigMap "web-render-a-yaml"');
  });
});

describe('several ConfigMaps generated for one object', () => {
  test('are all written before it, without a dependency cycle between them (pod, SidecarLoggedApp, Inject.into)', () => {
    // GIVEN objects each with two or three generated ConfigMaps
    const chart = newChart();
    new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      containers: [c('app', { ports: [{ containerPort: 8080 }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080 })],
      initSteps: [InitStep.renderTemplate('a', 'a.conf'), InitStep.renderTemplate('b', 'b.conf')],
    });
    new SidecarLoggedApp(chart, 'logged', {
      metadata: { name: 'logged' },
      app: c('a', { ports: [{ containerPort: 8080 }] }),
      logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) }),
      sidecars: [Sidecar.envoy({ appPort: 8080 })],
    });
    const deployment = new ApiObject(chart, 'd', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [c('d')] } } },
    });
    Inject.into(deployment, { initSteps: [InitStep.renderTemplate('a', 'a.conf'), InitStep.renderTemplate('b', 'b.conf')] });
    // THEN
    expect(synth(chart).map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'ConfigMap/web-render-a-conf', 'ConfigMap/web-render-b-conf', 'ConfigMap/web-envoy', 'Pod/web',
      'ConfigMap/logged-fluent-bit', 'ConfigMap/logged-envoy', 'Pod/logged',
      'ConfigMap/d-render-a-conf', 'ConfigMap/d-render-b-conf', 'Deployment/d',
    ]);
  });
});

describe('a native sidecar\'s declared restartPolicy (review 13 B8)', () => {
  test('is refused when it is not Always, instead of being replaced', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [Sidecar.container({ name: 's', image: 'busybox:1.36', restartPolicy: 'Never' }, SidecarMode.NATIVE)] });
    expect(synthError(chart)).toContain('sidecar "s": restartPolicy: "Never" contradicts SidecarMode.NATIVE, which runs the container as an init container with restartPolicy Always; remove restartPolicy, or use SidecarMode.CLASSIC.');
    const ok = newChart();
    new PlainPod(ok, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [Sidecar.container({ name: 's', image: 'busybox:1.36', restartPolicy: 'Always' }, SidecarMode.NATIVE)] });
    expect(only(synth(ok), 'Pod').spec.initContainers[0].restartPolicy).toBe('Always');
  });
});

describe('a mount the pattern adds at a path the app already mounts (review 22 B5)', () => {
  const own = (mountPath: string) => ({ name: 'app', image: 'busybox:1.36', volumeMounts: [{ name: 'mine', mountPath }] });
  const volumes = [{ name: 'mine', emptyDir: {} }];

  test.each([
    ['Sidecar.gitSync', '/usr/share/html', (chart: any) => new PlainPod(chart, 'p', {
      metadata: { name: 'p' }, volumes, containers: [own('/usr/share/html')], sidecars: [Sidecar.gitSync({ repo: 'https://example.com/r.git', appMountPath: '/usr/share/html' })],
    }), 'is the mount of the volume "content-from-git" added to every app container by Sidecar.gitSync \'git-sync\', but the container "app" already mounts "mine" there '
      + '(spec.containers[0].volumeMounts[0]); set appMountPath of Sidecar.gitSync to another path, or mount the app\'s own volume elsewhere.'],
    ['Sidecar.logShipper', '/var/log/', (chart: any) => new PlainPod(chart, 'p', {
      metadata: { name: 'p' }, volumes, containers: [own('/var/log/')], sidecars: [Sidecar.logShipper(LogShipper.tail())],
    }), 'is the mount of the volume "shared-logs" added to every app container by Sidecar.logShipper \'log-shipper\', but the container "app" already mounts "mine" there '
      + '(spec.containers[0].volumeMounts[0]); set logMountPath of Sidecar.logShipper to another path'],
    ['SidecarLoggedApp', '/var/log/', (chart: any) => new SidecarLoggedApp(chart, 'p', { metadata: { name: 'p' }, volumes, app: own('/var/log/') }),
      'is the mount of the volume "shared-logs" added to every app container by SidecarLoggedApp (its log volume), but the container "app" already mounts "mine" there '
      + '(spec.containers[0].volumeMounts[0]); set logMountPath to another path'],
    ['the init steps', '/config', (chart: any) => new InitPod(chart, 'p', {
      metadata: { name: 'p' }, volumes, containers: [own('/config')], initSteps: [InitStep.download('https://example.com/c.json', 'c.json')], filesMountPath: '/config',
    }), 'is the mount of the volume "init-files" added to every app container by the init steps of InitPod \'p\' (their shared files), but the container "app" already mounts "mine" there '
      + '(spec.containers[0].volumeMounts[0]); set filesMountPath of InitPod \'p\' to another path, or mount the app\'s own volume elsewhere.'],
  ])('names %s and its option, not only a volumeMounts entry the user never wrote', (_who, path, make, expected) => {
    const chart = newChart();
    make(chart);
    const message = synthError(chart);
    expect(message).toContain(`spec.containers[0].volumeMounts[1].mountPath: "${path}" ${expected}`);
    expect(message).not.toContain('is already mounted by');
  });
});

describe('an added mount at another spelling of a path the app mounts (review 23 A5)', () => {
  test('says the two spellings are one directory by this library\'s contract', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      volumes: [{ name: 'data', emptyDir: {} }],
      containers: [{ name: 'app', image: 'busybox:1.36', volumeMounts: [{ name: 'data', mountPath: '/git/' }] }],
      sidecars: [Sidecar.gitSync({ repo: 'https://example.com/r.git', appMountPath: '/git' })],
    });
    expect(synthError(chart)).toContain('spec.containers[0].volumeMounts[1].mountPath: "/git" is the mount of the volume "content-from-git" added to every app container by Sidecar.gitSync \'git-sync\', '
      + 'but the container "app" already mounts "data" at "/git/" (spec.containers[0].volumeMounts[0]), the same directory: this library compares mount paths without a trailing \'/\', '
      + 'as the container runtime does (this library\'s contract); set appMountPath of Sidecar.gitSync to another path, or mount the app\'s own volume elsewhere.');
  });
});

describe('two sidecars\' app mounts of one volume with tokens (review 47 Y7, Y8)', () => {
  /** A custom classic sidecar 'a' with its own emptyDir 'logs', mounted into the app as `mount` says. */
  class MountSidecar extends Sidecar {
    constructor(private readonly mount: any) {
      super(SidecarMode.CLASSIC);
    }
    public bind(_context: SidecarContext): SidecarBinding {
      return { container: c('a', { volumeMounts: [{ name: 'logs', mountPath: '/var/log' }] }), volumes: [{ name: 'logs', emptyDir: {} }], appVolumeMounts: [this.mount] };
    }
  }
  const shipper = () => Sidecar.logShipper(LogShipper.tail(), { logVolumeName: 'logs', logMountPath: '/var/log', name: 'b' });
  const lazy = (v: any) => Lazy.any({ produce: () => v }) as any;
  const forms = {
    'a PlainPod': (mount: any) => {
      const chart = newChart();
      new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [new MountSidecar(mount), shipper()] });
      return chart;
    },
    'two Inject.into() calls': (mount: any) => {
      const chart = newChart();
      const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')] });
      Inject.into(p, { sidecars: [new MountSidecar(mount)] });
      Inject.into(p, { sidecars: [shipper()] });
      return chart;
    },
  };

  test.each(Object.keys(forms))('GIVEN %s WHEN a readOnly token resolves to false or a path token to the same path THEN the volume is shared, as without tokens', (form) => {
    const make = (forms as any)[form];
    for (const mount of [{ name: 'logs', mountPath: '/var/log', readOnly: lazy(false) }, { name: 'logs', mountPath: lazy('/var/log') }]) {
      const pod = only(synth(make(mount)), 'Pod');
      expect(pod.spec.volumes).toEqual([{ name: 'logs', emptyDir: {} }]);
      expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: 'logs', mountPath: '/var/log', ...(mount.readOnly !== undefined ? { readOnly: false } : {}) }]);
    }
  });

  test.each(Object.keys(forms))('GIVEN %s WHEN a path token resolves to another path THEN the two resolved paths are named', (form) => {
    expect(synthError((forms as any)[form]({ name: 'logs', mountPath: lazy('/srv/logs') })))
      .toContain('volumes: the sidecars "a" and "b" both add a volume named "logs", and mount it into the app at two paths, "/srv/logs" and "/var/log"');
  });

  test.each(Object.keys(forms))('GIVEN %s WHEN a readOnly token resolves to true THEN the read-only clash is reported', (form) => {
    expect(synthError((forms as any)[form]({ name: 'logs', mountPath: '/var/log', readOnly: lazy(true) })))
      .toContain('the volume "logs" is mounted at "/var/log" both read-only and writable (by the sidecar \'a\' and Sidecar.logShipper \'b\')');
  });
});
