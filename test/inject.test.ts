import * as path from 'path';
import { ApiObject, App, Chart, Include, JsonPatch, Lazy, ResolutionContext, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ExposedService, FluentBitOutput, Inject, InitPod, InitStep, LogShipper, PlainPod, SecurityProfile, ServiceTarget, Sidecar, SidecarBinding, SidecarContext, SidecarMode } from '../src';
import { newChart, only, synth, synthError } from './util';

const c = (name: string, extra: any = {}) => ({ name, image: 'busybox:1.36', ...extra });
const fixture = path.join(__dirname, 'fixtures', 'include', 'nginx-deployment.yaml');

/** A Deployment 'web' of one container 'app', as plain cdk8s writes it, with more pod spec fields. */
function webDeployment(chart: Chart, podSpec: any = {}): ApiObject {
  return new ApiObject(chart, 'web', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { ...podSpec, containers: [c('app')] } } },
  });
}

/** A Deployment 'w' of this pod spec, as plain cdk8s writes it. */
function deploymentW(chart: Chart, podSpec: any): ApiObject {
  return new ApiObject(chart, 'w', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'w' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: podSpec } },
  });
}

describe('Inject.into', () => {
  test('adds a sidecar and an init step to a Deployment loaded from YAML with Include', () => {
    // GIVEN existing YAML
    const chart = newChart();
    const include = new Include(chart, 'existing', { url: fixture });
    // WHEN
    const changed = Inject.into(include, {
      sidecars: [Sidecar.container(c('log-shipper'), SidecarMode.NATIVE)],
      initSteps: [InitStep.download('https://example.com/config.json', 'config.json')],
    });
    // THEN only the pod-bearing object changed, the Service is as it was
    expect(changed.map((o) => o.kind)).toEqual(['Deployment']);
    const manifests = synth(chart);
    expect(only(manifests, 'Service').spec).toEqual({ selector: { app: 'nginx' }, ports: [{ port: 80 }] });
    const spec = only(manifests, 'Deployment').spec.template.spec;
    expect(spec.initContainers.map((x: any) => x.name)).toEqual(['log-shipper', 'download-config-json']);
    expect(spec.initContainers[0].restartPolicy).toBe('Always');
    expect(spec.containers).toEqual([{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }], volumeMounts: [{ name: 'init-files', mountPath: '/config' }] }]);
    expect(spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }]);
  });

  test('adds a sidecar to a cdk8s-plus Deployment at synth time, after its containers are complete', () => {
    const chart = newChart();
    const deployment = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ name: 'app', image: 'nginx:1.27', portNumber: 80, securityContext: { ensureNonRoot: false } }] });
    Inject.into(deployment, { sidecars: [Sidecar.container(c('exporter', { ports: [{ name: 'metrics', containerPort: 9113 }] }))] });
    deployment.addContainer({ name: 'late', image: 'busybox:1.36', securityContext: { ensureNonRoot: false } });
    const spec = only(synth(chart), 'Deployment').spec.template.spec;
    expect(spec.containers.map((x: any) => x.name)).toEqual(['app', 'late', 'exporter']);
  });

  test('validates the object with what was injected', () => {
    const chart = newChart();
    const include = new Include(chart, 'existing', { url: fixture });
    Inject.into(include, { sidecars: [Sidecar.container(c('nginx'))] });
    expect(synthError(chart)).toContain("Deployment 'nginx-deployment' with injected sidecars and init steps: spec.template.spec.containers[1].name: container name \"nginx\" is already used by spec.template.spec.containers[0]; give each container (init and main) a unique name.");
  });

  test('fails for a classic sidecar in a Job, naming SidecarMode.NATIVE', () => {
    const chart = newChart();
    const job = new kplus.Job(chart, 'job', { metadata: { name: 'job' }, containers: [{ name: 'work', image: 'busybox:1.36', securityContext: { ensureNonRoot: false } }] });
    Inject.into(job, { sidecars: [Sidecar.container(c('proxy'))] });
    expect(synthError(chart)).toContain('the classic sidecar "proxy" would keep running after the app finished, so the Job would never complete (this library\'s contract); use SidecarMode.NATIVE');
  });

  test.each([
    ['a Deployment patched into a Job keeps its classic sidecar', 'Deployment', 'Job', true],
    ['a Job patched into a Deployment', 'Job', 'Deployment', false],
  ])('GIVEN %s WHEN synthesized THEN the classic-sidecar rule follows the kind as written (review 29 B2)', (_what, from, to, refused) => {
    const chart = newChart();
    const spec = from === 'Job'
      ? { template: { spec: { restartPolicy: 'Never', containers: [c('work')] } } }
      : { selector: { matchLabels: { app: 'w' } }, template: { metadata: { labels: { app: 'w' } }, spec: { containers: [c('work')] } } };
    const object = new ApiObject(chart, 'w', { apiVersion: from === 'Job' ? 'batch/v1' : 'apps/v1', kind: from, metadata: { name: 'w' }, spec });
    Inject.into(object, { sidecars: [Sidecar.container(c('proxy'))] });
    object.addJsonPatch(JsonPatch.replace('/kind', to), JsonPatch.replace('/apiVersion', to === 'Job' ? 'batch/v1' : 'apps/v1'));
    if (to === 'Job') {
      object.addJsonPatch(JsonPatch.remove('/spec/selector'), JsonPatch.remove('/spec/template/metadata'), JsonPatch.add('/spec/template/spec/restartPolicy', 'Never'));
    } else {
      object.addJsonPatch(JsonPatch.add('/spec/selector', { matchLabels: { app: 'w' } }), JsonPatch.add('/spec/template/metadata', { labels: { app: 'w' } }),
        JsonPatch.remove('/spec/template/spec/restartPolicy'));
    }
    if (refused) {
      expect(synthError(chart)).toContain('spec.template.spec.containers: the classic sidecar "proxy" would keep running after the app finished, so the Job would never complete');
    } else {
      expect(only(synth(chart), 'Deployment').spec.template.spec.containers.map((x: any) => x.name)).toEqual(['work', 'proxy']);
    }
  });

  test('applies escape-hatch patches of the object before injecting, and validates the result', () => {
    const chart = newChart();
    const include = new Include(chart, 'existing', { url: fixture });
    const deployment = include.apiObjects.find((o) => o.kind === 'Deployment')!;
    deployment.addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
    Inject.into(deployment, { initSteps: [InitStep.waitForTcp('db', 5432)] });
    const d = only(synth(chart), 'Deployment');
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.template.spec.initContainers.map((x: any) => x.name)).toEqual(['wait-for-db']);
  });

  test('fails at once when nothing under the target holds a pod', () => {
    const chart = newChart();
    const cm = new kplus.ConfigMap(chart, 'cm', { data: { a: 'b' } });
    expect(() => Inject.into(cm, { initSteps: [InitStep.waitForTcp('db', 5432)] })).toThrow('Inject.into(test/cm): found no Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob to add sidecars and init steps to; pass a cdk8s-plus workload, an Include of YAML that holds one, or the ApiObject itself.');
  });

  test('fails at once when a sidecar is not a Sidecar', () => {
    const chart = newChart();
    const include = new Include(chart, 'existing', { url: fixture });
    expect(() => Inject.into(include, { sidecars: [c('x') as any] })).toThrow('Inject.into(test/existing): sidecars[0]: is an object, not a Sidecar; use one of its 9 factories, e.g. Sidecar.container(...), Sidecar.cloudSqlProxy(...),');
  });
});

describe('Inject.into() that fails', () => {
  /** A sidecar that brings a ConfigMap, and fails to bind for a Job (or brings a ConfigMap that cannot be written). */
  class PickySidecar extends Sidecar {
    public constructor(private readonly failOn: 'bind' | 'configMap') {
      super(SidecarMode.NATIVE);
    }
    public bind(context: SidecarContext): SidecarBinding {
      if (context.workloadKind === 'Job' && this.failOn === 'bind') {
        throw new Error('this sidecar cannot run in a Job');
      }
      const data: any = context.workloadKind === 'Job' ? { 'proxy.yaml': 8443 } : { 'proxy.yaml': 'listen: 8443\n' };
      return { container: c('proxy'), configMaps: [{ name: `${context.podName}-proxy`, data }] };
    }
  }

  const twoObjects = () => {
    const chart = newChart();
    const deployment = webDeployment(chart);
    new ApiObject(chart, 'batch', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'batch' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [c('app')] } } },
    });
    return { chart, deployment };
  };

  test.each([
    ['its sidecar fails to bind for the second object', 'bind' as const, 'this sidecar cannot run in a Job'],
    ['the ConfigMap of the second object cannot be created', 'configMap' as const, "ConfigMap 'batch-proxy': data[proxy.yaml]: 8443 is a number"],
  ])('changes nothing when %s: the first object gets no sidecar and keeps no ConfigMap', (_when, failOn, message) => {
    // GIVEN
    const { chart } = twoObjects();
    const before = synth(chart);
    // WHEN
    expect(() => Inject.into(chart, { sidecars: [new PickySidecar(failOn)] })).toThrow(message);
    // THEN
    expect(chart.node.findAll().map((x) => x.node.path)).toEqual(['test', 'test/web', 'test/batch']);
    expect(synth(chart)).toEqual(before);
  });

  test('a second injection that generates a ConfigMap name of the first is refused with that name, and the first stays', () => {
    const { chart, deployment } = twoObjects();
    Inject.into(deployment, { sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    const before = synth(chart);
    expect(() => Inject.into(deployment, { sidecars: [Sidecar.envoy({ appPort: 8080, name: 'envoy-two' })] })).toThrow(
      'Inject.into(test/web): an earlier Inject.into() and this one generate a ConfigMap named "web-envoy" for Deployment \'web\', and one would overwrite the other\'s configuration; give one of them another configMapName (or another name).');
    expect(synth(chart)).toEqual(before);
  });

  test('refuses the generated Linux containers it would add to a Windows pod, and nothing the user wrote', () => {
    // GIVEN a Deployment for Windows nodes
    const chart = newChart();
    const deployment = webDeployment(chart, { os: { name: 'windows' } });
    // WHEN
    Inject.into(deployment, { sidecars: [Sidecar.gitSync({ repo: 'https://github.com/kubernetes/git-sync' })], initSteps: [InitStep.waitForTcp('db', 5432)] });
    // THEN three containers are named, the securityContext fields git-sync set are not blamed
    const error = synthError(chart);
    expect(error).toContain('has 3 problems');
    expect(error).toContain('spec.template.spec.containers[1]: Sidecar.gitSync \'git-sync\' is made for Linux nodes');
    expect(error).toContain('spec.template.spec.initContainers[0]: the init step \'git-sync-init\' of Sidecar.gitSync \'git-sync\'');
    expect(error).toContain('spec.template.spec.initContainers[1]: InitStep.waitForTcp \'wait-for-db\' is made for Linux nodes (image "busybox:1.36", with Linux commands and paths), but the pod runs on Windows nodes (spec.template.spec.os.name: windows)');
  });

  test('refuses a check of a file that a later injected step writes', () => {
    const chart = newChart();
    const deployment = webDeployment(chart);
    Inject.into(deployment, { initSteps: [InitStep.checkRequired({ name: 'chk', files: ['a.json'] }), InitStep.download('https://example.com/a.json', 'a.json', { name: 'dl' })] });
    expect(synthError(chart)).toContain('initSteps: InitStep \'dl\': path: "a.json" is checked by InitStep \'chk\', which runs before this step and would find it missing on every start');
  });
});

describe('Inject.into a ReplicaSet (review 15 A1)', () => {
  test('adds an init step and validates the ReplicaSet as the API server does, instead of calling its kind uncheckable', () => {
    const chart = newChart();
    const rs = new ApiObject(chart, 'rs', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'frontend' },
      spec: { replicas: 3, selector: { matchLabels: { tier: 'frontend' } }, template: { metadata: { labels: { tier: 'frontend' } }, spec: { containers: [c('php')] } } },
    });
    expect(Inject.into(rs, { initSteps: [InitStep.waitForTcp('db', 5432)] }).map((o) => o.kind)).toEqual(['ReplicaSet']);
    expect(only(synth(chart), 'ReplicaSet').spec.template.spec.initContainers.map((x: any) => x.name)).toEqual(['wait-for-db']);
  });

  test('reports what the API server rejects in the ReplicaSet', () => {
    const chart = newChart();
    const rs = new ApiObject(chart, 'rs', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'frontend' },
      spec: { selector: { matchLabels: { tier: 'frontend' } }, template: { metadata: { labels: { tier: 'frontend' } }, spec: { restartPolicy: 'Never', containers: [c('php')] } } },
    });
    Inject.into(rs, { initSteps: [InitStep.waitForTcp('db', 5432)] });
    expect(synthError(chart)).toContain('spec.template.spec.restartPolicy: "Never" is not supported in a ReplicaSet; the only allowed value is Always (omit it).');
  });
});

describe('Inject.into twice, or into a pattern, with steps that write files (review 15 D2)', () => {
  test('shares the one files volume instead of adding a second "init-files"', () => {
    const chart = newChart();
    const web = webDeployment(chart);
    Inject.into(web, { initSteps: [InitStep.download('https://example.com/app.json', 'app.json')] });
    Inject.into(web, { initSteps: [InitStep.checkRequired({ files: ['app.json'] })] });
    const spec = only(synth(chart), 'Deployment').spec.template.spec;
    expect(spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }]);
    expect(spec.initContainers.map((x: any) => x.volumeMounts)).toEqual([[{ name: 'init-files', mountPath: '/config' }], [{ name: 'init-files', mountPath: '/config' }]]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'init-files', mountPath: '/config' }]);
  });

  test('does not take over the pod\'s own emptyDir of that name that the app mounts elsewhere (review 16 B3)', () => {
    const chart = newChart();
    const pod = new ApiObject(chart, 'web', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [c('app', { volumeMounts: [{ name: 'init-files', mountPath: '/data' }] })], volumes: [{ name: 'init-files', emptyDir: {} }] },
    });
    Inject.into(pod, { initSteps: [InitStep.download('https://example.com/app.json', 'app.json')] });
    expect(synthError(chart)).toContain('filesVolumeName: the pod already has the emptyDir volume "init-files", mounted at "/data", where Inject.into() would mount its files at "/config"; pass filesMountPath: "/data" to share it, or another filesVolumeName.');
  });

  test('still refuses a volume of that name that is something else', () => {
    const chart = newChart();
    const web = webDeployment(chart, { volumes: [{ name: 'init-files', configMap: { name: 'cfg' } }] });
    Inject.into(web, { initSteps: [InitStep.download('https://example.com/app.json', 'app.json')] });
    expect(synthError(chart)).toContain('volume name "init-files" is already used by spec.template.spec.volumes[0]');
  });
});

describe('the file rules across Inject.into() calls that share the files volume (review 16 B2)', () => {
  test.each([
    ['a check in the first call of a file the second writes',
      [[InitStep.checkRequired({ files: ['app.json'] })], [InitStep.download('https://example.com/app.json', 'app.json')]],
      'initSteps: InitStep \'download-app-json\': path: "app.json" is checked by InitStep \'check-required\', which runs before this step and would find it missing on every start'],
    ['two calls writing one file',
      [[InitStep.download('https://example.com/app.json', 'app.json')], [InitStep.download('https://example.com/b.json', 'app.json', { name: 'dl2' })]],
      'initSteps: InitStep \'dl2\': path: "app.json" is also written by InitStep \'download-app-json\', whose file this step would replace'],
    ['one call writing one file twice',
      [[InitStep.download('https://example.com/app.json', 'app.json'), InitStep.download('https://example.com/b.json', 'app.json', { name: 'dl2' })]],
      'initSteps: InitStep \'dl2\': path: "app.json" is also written by InitStep \'download-app-json\''],
    ['a file and a folder of it',
      [[InitStep.download('https://example.com/conf', 'conf')], [InitStep.download('https://example.com/x.json', 'conf/x.json')]],
      'path: "conf/x.json" collides with "conf" of InitStep \'download-conf\''],
  ])('%s is refused, as in one pod', (_what, calls, message) => {
    const chart = newChart();
    const web = webDeployment(chart);
    for (const steps of calls as InitStep[][]) {
      Inject.into(web, { initSteps: steps });
    }
    expect(synthError(chart)).toContain(message);
  });
});

describe('review 17 B4, B5: the pattern\'s own steps and files volume', () => {
  test('the file rules compare the steps a pattern has with those Inject.into() adds to it', () => {
    const chart = newChart();
    const pod = new InitPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], initSteps: [InitStep.checkRequired({ files: ['a.json'] })] });
    Inject.into(pod, { initSteps: [InitStep.download('https://example.com/a.json', 'a.json')] });
    expect(synthError(chart)).toContain('initSteps: InitStep \'download-a-json\': path: "a.json" is checked by InitStep \'check-required\', which runs before this step');
  });

  test('a files mount path other than the pattern\'s is named with the path to pass', () => {
    const chart = newChart();
    const pod = new InitPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], filesMountPath: '/data', initSteps: [InitStep.download('https://example.com/a.json', 'a.json')] });
    Inject.into(pod, { initSteps: [InitStep.download('https://example.com/b.json', 'b.json')] });
    expect(synthError(chart)).toContain('filesVolumeName: the pod already has the emptyDir volume "init-files", mounted at "/data", where Inject.into() would mount its files at "/config"; pass filesMountPath: "/data" to share it, or another filesVolumeName.');
  });
});

describe('Inject.into() a pattern with a SecurityProfile (review 18 A10)', () => {
  test('hardens what it adds as the pattern hardens its own sidecars, and reports what breaks the standard', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], securityProfile: SecurityProfile.restricted() });
    Inject.into(pod, { sidecars: [Sidecar.container(c('s'))] });
    expect(only(synth(chart), 'Pod').spec.containers[1].securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    const other = newChart();
    const q = new PlainPod(other, 'q', { metadata: { name: 'q' }, containers: [c('app')], securityProfile: SecurityProfile.restricted() });
    Inject.into(q, { sidecars: [Sidecar.container(c('s', { securityContext: { privileged: true } }))] });
    expect(synthError(other)).toContain('spec.containers[1].securityContext.privileged: true (container "s") breaks the Pod Security Standard "restricted"');
  });
});

describe('Inject.into() a pattern with a SecurityProfile and JSON patches (review 20 A1)', () => {
  test('hardens only what it adds: a field the pattern\'s patch removed does not come back', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], securityProfile: SecurityProfile.restricted() });
    pod.addJsonPatch(JsonPatch.remove('/spec/securityContext/runAsUser'));
    Inject.into(pod, { sidecars: [Sidecar.container(c('s'))] });
    expect(only(synth(chart), 'Pod').spec.securityContext.runAsUser).toBeUndefined();
  });
});

describe('a mount Inject.into() adds at a path the app already mounts (review 23 A4)', () => {
  const vols = [{ name: 'data', emptyDir: {} }];
  test('names the sidecar and its option', () => {
    const chart = newChart();
    const d = new ApiObject(chart, 'd', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { volumes: vols, containers: [{ name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'data', mountPath: '/git' }] }] } } },
    });
    Inject.into(d, { sidecars: [Sidecar.gitSync({ repo: 'https://example.com/r.git', appMountPath: '/git' })] });
    const message = synthError(chart);
    expect(message).toContain('spec.template.spec.containers[0].volumeMounts[1].mountPath: "/git" is the mount of the volume "content-from-git" added to every app container by Sidecar.gitSync \'git-sync\', '
      + 'but the container "app" already mounts "data" there (spec.template.spec.containers[0].volumeMounts[0]); set appMountPath of Sidecar.gitSync to another path');
    expect(message).not.toContain('is already mounted by');
  });

  test('names the init steps and filesMountPath', () => {
    const chart = newChart();
    const d = new ApiObject(chart, 'd', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'd' }, spec: { volumes: vols, containers: [{ name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'data', mountPath: '/files' }] }] } });
    Inject.into(d, { filesMountPath: '/files', initSteps: [InitStep.download('https://example.com/a.json', 'a.json')] });
    expect(synthError(chart)).toContain('spec.containers[0].volumeMounts[1].mountPath: "/files" is the mount of the volume "init-files" added to every app container by the init steps of Inject.into() (their shared files), '
      + 'but the container "app" already mounts "data" there (spec.containers[0].volumeMounts[0]); set filesMountPath of Inject.into() to another path, or mount the app\'s own volume elsewhere.');
  });
});

describe('two added mounts at one path (review 24 A6)', () => {
  test('names both who add them, not the app\'s own volume', () => {
    const chart = newChart();
    const d = new ApiObject(chart, 'd', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'd' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } });
    Inject.into(d, { initSteps: [InitStep.download('https://example.com/a.json', 'a.json')] });
    Inject.into(d, { filesVolumeName: 'other', initSteps: [InitStep.download('https://example.com/b.json', 'b.json')] });
    const message = synthError(chart);
    expect(message).toContain('spec.containers[0].volumeMounts[1].mountPath: "/config" is the mount of the volume "other" added to every app container by the init steps of Inject.into() (their shared files), '
      + 'but in the container "app" the volume "init-files" is added there (spec.containers[0].volumeMounts[0]) by the init steps of Inject.into() (their shared files) too; set filesMountPath of Inject.into() to another path in one of them.');
    expect(message).not.toContain('the app\'s own volume');
  });
});

describe('a pattern\'s files and Inject.into()\'s at one path (review 25 A11)', () => {
  test('names each owner and its own filesMountPath', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [{ name: 'app', image: 'nginx:1.27' }], initSteps: [InitStep.download('https://example.com/a.json', 'a.json')] });
    Inject.into(p, { filesVolumeName: 'other', initSteps: [InitStep.download('https://example.com/b.json', 'b.json')] });
    expect(synthError(chart)).toContain('is the mount of the volume "other" added to every app container by the init steps of Inject.into() (their shared files), '
      + 'but in the container "app" the volume "init-files" is added there (spec.containers[0].volumeMounts[0]) by the init steps of PlainPod \'p\' (their shared files) too; '
      + 'set filesMountPath of Inject.into() to another path, or set filesMountPath of PlainPod \'p\' to another path.');
  });
});

describe('a Service in front of a port that Inject.into() added (review 29 B4)', () => {
  const svc = (chart: any, target: any) => ExposedService.clusterIp(chart, 's', { metadata: { name: 's' }, target, ports: [{ port: 9113, targetPort: 'nginx-metrics' }] });

  test('GIVEN a PlainPod with an injected exporter WHEN a Service names the exporter\'s port THEN it is accepted, as the pod written has the port', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'p' } }, containers: [c('c', { ports: [{ name: 'http', containerPort: 80 }] })] });
    Inject.into(pod, { sidecars: [Sidecar.nginxExporter()] });
    svc(chart, pod);
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('nginx-metrics');
  });

  test('GIVEN a cdk8s-plus Deployment with an injected exporter WHEN a Service names the exporter\'s port THEN it is accepted', () => {
    const chart = newChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx:1.27', ports: [{ number: 80, name: 'http' }], securityContext: { ensureNonRoot: false } }] });
    Inject.into(d, { sidecars: [Sidecar.nginxExporter()] });
    svc(chart, ServiceTarget.fromKplus(d));
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('nginx-metrics');
  });

  test('GIVEN a PlainPod with an injected exporter WHEN a Service names a port nobody has THEN it is refused, listing the injected port too', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'p' } }, containers: [c('c', { ports: [{ name: 'http', containerPort: 80 }] })] });
    Inject.into(pod, { sidecars: [Sidecar.nginxExporter()] });
    ExposedService.clusterIp(chart, 's', { metadata: { name: 's' }, target: pod, ports: [{ port: 9113, targetPort: 'metrics' }] });
    expect(synthError(chart)).toContain('"metrics" names no container port of PlainPod \'p\'; use one of "http", "nginx-metrics"');
  });
});

describe('injected sidecars whose ports are known only at synth (review 30 A7)', () => {
  test('GIVEN an injected sidecar whose port list is a token WHEN a Service names its port THEN it is accepted (the ports are not known before synth)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'p' } }, containers: [c('w', { ports: [{ name: 'http', containerPort: 80 }] })] });
    Inject.into(pod, { sidecars: [Sidecar.container(c('s', { ports: Lazy.any({ produce: () => [{ name: 'side', containerPort: 9000 }] }) }))] });
    ExposedService.clusterIp(chart, 's', { metadata: { name: 's' }, target: pod, ports: [{ port: 80, targetPort: 'side' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('side');
  });
});

describe('a generated ConfigMap a sidecar reads through envFrom (review 30 A2)', () => {
  test('GIVEN a custom sidecar whose ConfigMap is read with envFrom and a JSON patch on the pod WHEN synthesized THEN it is accepted', () => {
    class EnvSidecar extends Sidecar {
      constructor() {
        super(SidecarMode.CLASSIC);
      }
      public bind(context: SidecarContext): SidecarBinding {
        return {
          container: { name: 'agent', image: 'busybox:1.36', envFrom: [{ configMapRef: { name: `${context.podName}-agent-env` } }] },
          configMaps: [{ name: `${context.podName}-agent-env`, data: { MODE: 'fast' } }],
        };
      }
    }
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web' }, containers: [c('web')], sidecars: [new EnvSidecar()] });
    pod.addJsonPatch(JsonPatch.add('/metadata/annotations', { team: 'a' }));
    expect(synth(chart).map((m) => m.kind)).toEqual(['ConfigMap', 'Pod']);
  });
});

describe('an injected classic sidecar whose name is a token (review 31 A7)', () => {
  test('GIVEN a classic sidecar named by a Lazy injected into a Job WHEN synthesized THEN it is refused as a classic sidecar in a Job', () => {
    const chart = newChart();
    const job = new ApiObject(chart, 'j', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [c('work')] } } } });
    Inject.into(job, { sidecars: [Sidecar.container({ name: Lazy.any({ produce: () => 'side' }) as any, image: 'busybox:1.36' })] });
    expect(synthError(chart)).toContain('would keep running after the app finished, so the Job would never complete');
  });
});

describe('a proxy sidecar added by Inject.into() (review 31 A9)', () => {
  const pod = (chart: any) => new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'w' } }, containers: [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })] });

  test('GIVEN Envoy injected in front of the app WHEN a Service targets the app\'s port THEN it is refused, as with Envoy in the pattern\'s own props', () => {
    const chart = newChart();
    const p = pod(chart);
    Inject.into(p, { sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'http' }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "http" is port 8080 of the app container "app", which a proxy sidecar fronts; clients would bypass the proxy. Target the proxy\'s port instead: "envoy-http"');
  });

  test('GIVEN Envoy injected in front of the app WHEN a Service targets Envoy\'s port THEN it is accepted', () => {
    const chart = newChart();
    const p = pod(chart);
    Inject.into(p, { sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'envoy-http' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('envoy-http');
  });
});

describe('the JSON patches of an object Inject.into() adds to that is not this library\'s (review 31 A6)', () => {
  const exporter = () => Sidecar.container({ name: 'exporter', image: 'busybox:1.36' });

  test('GIVEN an Included Deployment WHEN a patch removes a path it does not have THEN it is refused, naming the patch, instead of changing nothing', () => {
    const chart = newChart();
    const include = new Include(chart, 'existing', { url: fixture });
    const deployment = include.apiObjects.find((o) => o.kind === 'Deployment')!;
    deployment.addJsonPatch(JsonPatch.remove('/spec/template/spec/nodeSelector'));
    Inject.into(deployment, { sidecars: [exporter()] });
    expect(synthError(chart)).toContain('JSON patch 1 ("remove" "/spec/template/spec/nodeSelector") does not apply to the manifest: the manifest has no "/spec/template/spec/nodeSelector", so the patch would change nothing.');
  });

  test('GIVEN a plain ApiObject WHEN a patch replaces a key under a parent it does not have THEN it is refused', () => {
    const chart = newChart();
    const d = webDeployment(chart);
    d.addJsonPatch(JsonPatch.replace('/spec/strategy/type', 'Recreate'));
    Inject.into(d, { sidecars: [exporter()] });
    expect(synthError(chart)).toContain('JSON patch 1 ("replace" "/spec/strategy/type") does not apply to the manifest: the manifest has no "/spec/strategy"');
  });

  test('GIVEN a cdk8s-plus Deployment WHEN patches add a quantity, an int-or-string and a probe port THEN they are written as given (cdk8s-plus\'s typed conversion wrote null or dropped them, cdk8s#2172)', () => {
    const chart = newChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx', securityContext: { ensureNonRoot: false } }] });
    d.apiObject.addJsonPatch(
      JsonPatch.add('/spec/template/spec/containers/0/resources/limits/nvidia.com~1gpu', '1'),
      JsonPatch.add('/spec/strategy/rollingUpdate/maxSurge', 3),
      JsonPatch.add('/spec/template/spec/containers/0/livenessProbe', { httpGet: { port: 8080, path: '/healthz' } }),
    );
    Inject.into(d, { sidecars: [exporter()] });
    const written = only(synth(chart), 'Deployment');
    expect(written.spec.strategy.rollingUpdate.maxSurge).toBe(3);
    expect(written.spec.template.spec.containers[0].resources.limits['nvidia.com/gpu']).toBe('1');
    expect(written.spec.template.spec.containers[0].livenessProbe).toEqual({ httpGet: { port: 8080, path: '/healthz' } });
    expect(written.spec.template.spec.containers.map((x: any) => x.name)).toEqual(['main', 'exporter']);
  });

  test('GIVEN a cdk8s-plus Deployment WHEN a patch passes kplus IntOrString objects (the workaround of cdk8s#2172) THEN they are written as the values they hold', () => {
    const chart = newChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx', securityContext: { ensureNonRoot: false } }] });
    d.apiObject.addJsonPatch(JsonPatch.add('/spec/strategy', {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: kplus.k8s.IntOrString.fromNumber(1), maxUnavailable: kplus.k8s.IntOrString.fromString('10%') },
    }));
    Inject.into(d, { sidecars: [exporter()] });
    expect(only(synth(chart), 'Deployment').spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: '10%' });
  });

  test('GIVEN a cdk8s-plus Deployment WHEN a patch adds a misspelt field THEN it is refused as the API server refuses it, not dropped by the typed conversion', () => {
    const chart = newChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx', securityContext: { ensureNonRoot: false } }] });
    d.apiObject.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/imagePullPolicyy', 'Always'));
    Inject.into(d, { sidecars: [exporter()] });
    expect(synthError(chart)).toContain('spec.template.spec.containers[0].imagePullPolicyy: is not a field of Container; did you mean imagePullPolicy?');
  });

  test('GIVEN an Included Deployment with valid patches WHEN injected THEN the patches apply in order and its key order stays cdk8s\'s', () => {
    const chart = newChart();
    const include = new Include(chart, 'existing', { url: fixture });
    const deployment = include.apiObjects.find((o) => o.kind === 'Deployment')!;
    deployment.addJsonPatch(JsonPatch.add('/spec/minReadySeconds', 5), JsonPatch.replace('/spec/minReadySeconds', 7), JsonPatch.test('/spec/minReadySeconds', 7));
    Inject.into(deployment, { sidecars: [exporter()] });
    const d = only(synth(chart), 'Deployment');
    expect(d.spec.minReadySeconds).toBe(7);
    expect(Object.keys(d).slice(0, 3)).toEqual(['apiVersion', 'kind', 'metadata']);
  });
});

describe('a proxy sidecar Inject.into() adds to a cdk8s-plus workload', () => {
  const deployment = (chart: any) => new kplus.Deployment(chart, 'd', {
    containers: [{ image: 'nginx', ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false } }],
  });

  test.each([[8080], ['http']])('GIVEN Envoy injected in front of the app WHEN a Service targets the app\'s port %p THEN it is refused, as for the library\'s own patterns', (targetPort) => {
    const chart = newChart();
    const d = deployment(chart);
    Inject.into(d, { sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(d), ports: [{ port: 80, targetPort }] });
    expect(synthError(chart)).toContain(`spec.ports[0].targetPort: ${JSON.stringify(targetPort)} is port 8080 of the app container "main", which a proxy sidecar fronts; clients would bypass the proxy. Target the proxy's port instead: "envoy-http"`);
  });

  test('GIVEN Envoy injected in front of the app WHEN a Service targets Envoy\'s port THEN it is accepted', () => {
    const chart = newChart();
    const d = deployment(chart);
    Inject.into(d, { sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(d), ports: [{ port: 80, targetPort: 'envoy-http' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('envoy-http');
  });

  test('GIVEN no proxy injected WHEN a Service targets the app\'s port THEN it is accepted', () => {
    const chart = newChart();
    const d = deployment(chart);
    Inject.into(d, { sidecars: [Sidecar.container({ name: 'exporter', image: 'busybox:1.36' })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(d), ports: [{ port: 80, targetPort: 'http' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('http');
  });
});

describe('review 33 C: the patches of objects Inject.into() adds to', () => {
  const exporter = () => Sidecar.container({ name: 'exporter', image: 'busybox:1.36' });
  const kplusWeb = (chart: Chart) => new kplus.k8s.KubeDeployment(chart, 'd', {
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'main', image: 'nginx' }] } } },
  });

  test('GIVEN a frozen list of patches WHEN injected THEN the patches apply (C4: the list was emptied in place)', () => {
    const chart = newChart();
    const d = webDeployment(chart);
    d.addJsonPatch(JsonPatch.add('/spec/minReadySeconds', 5));
    Object.freeze((d as any).patches);
    Inject.into(d, { sidecars: [exporter()] });
    expect(only(synth(chart), 'Deployment').spec.minReadySeconds).toBe(5);
  });

  test('GIVEN a cdk8s-plus L1 object with patches WHEN injected THEN its keys are in the order cdk8s-plus writes them (C5)', () => {
    const alone = newChart();
    const patch = (o: ApiObject) => o.addJsonPatch(
      JsonPatch.add('/spec/minReadySeconds', 5),
      JsonPatch.add('/spec/template/spec/containers/0/env', [{ value: 'a', name: 'A' }]),
    );
    patch(kplusWeb(alone));
    const written = only(Testing.synth(alone), 'Deployment');
    const injected = newChart();
    const d = kplusWeb(injected);
    patch(d);
    Inject.into(d, { sidecars: [exporter()] });
    const result = only(synth(injected), 'Deployment');
    // The same text but the added container.
    result.spec.template.spec.containers.pop();
    expect(JSON.stringify(result)).toBe(JSON.stringify(written));
  });

  test.each([[''], ['1']])('GIVEN CDK8S_DISABLE_SORT=%p and patches of maps and structs of a cdk8s-plus L1 object WHEN injected THEN the YAML is cdk8s-plus\'s: sorted struct fields, map keys as patched (review 34 D1, D2)', (noSort) => {
    const before = process.env.CDK8S_DISABLE_SORT;
    process.env.CDK8S_DISABLE_SORT = noSort;
    try {
      const make = (chart: Chart) => {
        const d = new kplus.k8s.KubeDeployment(chart, 'd', {
          metadata: { name: 'web', labels: { b: '1', c: '2' } },
          spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'main', image: 'nginx' }] } } },
        });
        d.addJsonPatch(
          JsonPatch.add('/metadata/labels/a', '0'),
          JsonPatch.add('/spec/template/spec/nodeSelector', { zone: 'z', arch: 'amd64' }),
          JsonPatch.add('/spec/template/spec/containers/0/env', [{ value: 'a', name: 'A' }]),
          JsonPatch.add('/spec/paused', false),
        );
        return d;
      };
      const alone = newChart();
      make(alone);
      const injected = newChart();
      Inject.into(make(injected), { sidecars: [exporter()] });
      const result = only(synth(injected), 'Deployment');
      result.spec.template.spec.containers.pop();
      expect(Testing.synth(alone)[0]).toEqual(result);
      expect(JSON.stringify(result)).toBe(JSON.stringify(Testing.synth(alone)[0]));
      expect(Object.keys(result.metadata.labels)).toEqual(['b', 'c', 'a']);
    } finally {
      if (before === undefined) {
        delete process.env.CDK8S_DISABLE_SORT;
      } else {
        process.env.CDK8S_DISABLE_SORT = before;
      }
    }
  });

  test('GIVEN a patch that turns the object into a kind without a pod WHEN injected THEN it says so instead of blaming a spec the injection added (C8)', () => {
    const chart = newChart();
    const d = webDeployment(chart);
    d.addJsonPatch(JsonPatch.replace('/kind', 'ConfigMap'), JsonPatch.replace('/apiVersion', 'v1'), JsonPatch.remove('/spec'), JsonPatch.add('/data', { a: 'b' }));
    Inject.into(d, { sidecars: [exporter()] });
    expect(synthError(chart)).toContain("Deployment 'web' with injected sidecars and init steps: kind: \"ConfigMap\" has no pod (the object's JSON patches changed its kind), "
      + 'so the sidecars and init steps of Inject.into() cannot be added; remove the patch that changes the kind, or do not inject into this object.');
  });
});

describe('the app ports a proxy fronts, as JSON patches leave them (review 33 C7)', () => {
  test('GIVEN a cdk8s-plus Deployment whose port a patch names WHEN a Service targets that name past an injected Envoy THEN it is refused', () => {
    const chart = newChart();
    const w = new kplus.Deployment(chart, 'w', { containers: [{ image: 'nginx', ports: [{ number: 8080 }], securityContext: { ensureNonRoot: false } }] });
    w.apiObject.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/ports/0/name', 'web'));
    Inject.into(w, { sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(w), ports: [{ port: 80, targetPort: 'web' }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "web" is port 8080 of the app container "main", which a proxy sidecar fronts');
  });

  test('GIVEN a cdk8s-plus Deployment whose ports a patch removes WHEN a Service targets the old name THEN only the missing port is reported', () => {
    const chart = newChart();
    const w = new kplus.Deployment(chart, 'w', { containers: [{ image: 'nginx', ports: [{ number: 9000, name: 'http' }], securityContext: { ensureNonRoot: false } }] });
    w.apiObject.addJsonPatch(JsonPatch.remove('/spec/template/spec/containers/0/ports'));
    Inject.into(w, { sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(w), ports: [{ port: 80, targetPort: 'http' }] });
    const message = synthError(chart);
    expect(message).toContain('spec.ports[0].targetPort: "http" names no container port of cdk8s-plus Deployment');
    expect(message).not.toContain('which a proxy sidecar fronts');
  });

  test('GIVEN a pattern\'s own Envoy renamed by a patch WHEN a Service targets Envoy\'s port THEN it is accepted: its ports are no app ports (review 34 D3)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080 })],
    });
    p.addJsonPatch(JsonPatch.replace('/spec/containers/1/name', 'proxy'));
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'envoy-http' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('envoy-http');
  });

  test('GIVEN a PlainPod whose port a patch names WHEN a Service targets that name past an injected Envoy THEN it is refused', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'p' } }, containers: [c('app', { ports: [{ containerPort: 8080 }] })] });
    p.addJsonPatch(JsonPatch.add('/spec/containers/0/ports/0/name', 'web'));
    Inject.into(p, { sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'web' }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "web" is port 8080 of the app container "app", which a proxy sidecar fronts');
  });
});

describe('a null a JSON patch writes on an object Inject.into() adds to (review 34, not counted)', () => {
  test('GIVEN a patch that writes a label as null WHEN injected THEN it stays, as cdk8s writes it (the API server reads it as "")', () => {
    const chart = newChart();
    const d = webDeployment(chart);
    d.addJsonPatch(JsonPatch.add('/spec/template/metadata/labels/tier', null));
    Inject.into(d, { sidecars: [Sidecar.container({ name: 'exporter', image: 'busybox:1.36' })] });
    expect(Testing.synth(chart)[0].spec.template.metadata.labels).toEqual({ app: 'web', tier: null });
  });
});

describe('review 35 F: what Inject.into() adds, resolved in place', () => {
  const exporter = () => Sidecar.container({ name: 'exporter', image: 'busybox:1.36' });

  test('GIVEN an App resolver keyed on the manifest path WHEN a sidecar is injected THEN the resolver sees its image at its path in the manifest (F1)', () => {
    const keys: string[] = [];
    const pin = {
      resolve: (ctx: ResolutionContext) => {
        if (ctx.value === 'busybox:1.36') {
          keys.push(ctx.key.join('.'));
        }
        if (/^spec\.template\.spec\.containers\.\d+\.image$/.test(ctx.key.join('.')) && typeof ctx.value === 'string' && !ctx.value.includes('@')) {
          ctx.replaceValue(`${ctx.value}@sha256:pinned`);
        }
      },
    };
    const app = new App({ resolvers: [pin] });
    const chart = new Chart(app, 'c');
    Inject.into(deploymentW(chart, { containers: [c('main')] }), { sidecars: [exporter()] });
    const [json] = chart.toJson();
    expect(json.spec.template.spec.containers.map((x: any) => x.image)).toEqual(['busybox:1.36@sha256:pinned', 'busybox:1.36@sha256:pinned']);
    expect([...new Set(keys)]).toEqual(['spec.template.spec.containers.0.image', 'spec.template.spec.containers.1.image']);
  });

  test('GIVEN a pattern with SecurityProfile.restricted() WHEN an injected sidecar sets allowPrivilegeEscalation with a token that resolves to undefined THEN it is refused, as the pattern\'s own sidecar is (F2)', () => {
    const sidecar = () => Sidecar.container({ name: 'ex', image: 'busybox:1.36', securityContext: { allowPrivilegeEscalation: Lazy.any({ produce: () => undefined }) } });
    const own = newChart();
    new PlainPod(own, 'p', { metadata: { name: 'p' }, securityProfile: SecurityProfile.restricted(), containers: [c('app')], sidecars: [sidecar()] });
    const injected = newChart();
    Inject.into(new PlainPod(injected, 'p', { metadata: { name: 'p' }, securityProfile: SecurityProfile.restricted(), containers: [c('app')] }), { sidecars: [sidecar()] });
    const rule = 'spec.containers[1].securityContext.allowPrivilegeEscalation: undefined (container "ex") breaks the Pod Security Standard "restricted"';
    expect(synthError(own)).toContain(rule);
    expect(synthError(injected)).toContain(rule);
  });

  test('GIVEN a null volumeMounts entry WHEN an injection adds a mount THEN validation names the entry, without a TypeError (F3)', () => {
    const chart = newChart();
    const d = deploymentW(chart, { containers: [c('main', { volumeMounts: [{ name: 'v', mountPath: '/v' }] })], volumes: [{ name: 'v', emptyDir: {} }] });
    d.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/volumeMounts/-', null));
    Inject.into(d, { initSteps: [InitStep.download('https://example.com/a.json', 'a.json')] });
    expect(synthError(chart)).toContain('spec.template.spec.containers[0].volumeMounts[1].name: is required');
  });

  test('GIVEN a pod fsGroup a patch wrote as null WHEN git-sync is injected THEN its fsGroup is set, as for an unset one (F4)', () => {
    const chart = newChart();
    const d = deploymentW(chart, { securityContext: { runAsUser: 1000, fsGroup: 1000 }, containers: [c('main')] });
    d.addJsonPatch(JsonPatch.replace('/spec/template/spec/securityContext/fsGroup', null));
    Inject.into(d, { sidecars: [Sidecar.gitSync({ repo: 'https://github.com/example/site.git' })] });
    expect(Testing.synth(chart)[0].spec.template.spec.securityContext).toEqual({ runAsUser: 1000, fsGroup: 65533 });
  });

  test.each([[false], [true]])('GIVEN an app port named like Envoy\'s front port and a JSON patch %p WHEN a Service targets another app port THEN it is refused with or without the patch (F5)', (patched) => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c('app', { ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9000, name: 'admin' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080, portName: 'http' })],
    });
    if (patched) {
      p.addJsonPatch(JsonPatch.add('/metadata/labels/tier', 'web'));
    }
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'admin' }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "admin" is port 9000 of the app container "app", which a proxy sidecar fronts; clients would bypass the proxy. '
      + 'Target the proxy\'s port instead, by number or by a name the app does not use (this library\'s contract).');
  });

  test('GIVEN the app and Envoy name a port alike WHEN a Service targets that name THEN the message says the name is ambiguous, not to target it (F6)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080, portName: 'http' })],
    });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'http' }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "http" names both port 8080 of the app container "app" and a port of a proxy sidecar that fronts it; '
      + 'Kubernetes takes the app\'s (the first container\'s), so clients would bypass the proxy. Give one of the two ports another name');
  });
});

describe('review 36 G: what Inject.into() adds, across injections and patches', () => {

  test('GIVEN a sidecar with tokens from a first injection WHEN a second injection mounts a volume into every container THEN the tokens are still resolved (G1)', () => {
    const chart = newChart();
    const d = deploymentW(chart, { containers: [c('main')] });
    Inject.into(d, { sidecars: [Sidecar.container({ name: 'exporter', image: Lazy.any({ produce: () => 'busybox:1.36' }), env: [{ name: 'A', value: Lazy.any({ produce: () => 'x' }) }] })] });
    Inject.into(d, { initSteps: [InitStep.download('https://example.com/a.json', 'a.json')] });
    const exporterWritten = only(synth(chart), 'Deployment').spec.template.spec.containers[1];
    expect([exporterWritten.image, exporterWritten.env]).toEqual(['busybox:1.36', [{ name: 'A', value: 'x' }]]);
  });

  test('GIVEN a Windows pod whose fsGroup a patch nulled WHEN git-sync is injected THEN only git-sync is named, not a field to remove (G2)', () => {
    const chart = newChart();
    const d = deploymentW(chart, { os: { name: 'windows' }, securityContext: { fsGroup: 1000 }, containers: [c('main')] });
    d.addJsonPatch(JsonPatch.replace('/spec/template/spec/securityContext/fsGroup', null));
    Inject.into(d, { sidecars: [Sidecar.gitSync({ repo: 'https://github.com/example/site.git' })] });
    const message = synthError(chart);
    expect(message).toContain("Sidecar.gitSync 'git-sync' is made for Linux nodes");
    expect(message).not.toContain('fsGroup');
  });

  test('GIVEN the pattern\'s Envoy renamed and given another port by patches WHEN a Service targets Envoy\'s port THEN it is accepted (G3)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080 })],
    });
    p.addJsonPatch(JsonPatch.replace('/spec/containers/1/name', 'proxy'), JsonPatch.add('/spec/containers/1/ports/-', { name: 'envoy-admin', containerPort: 9901 }));
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'envoy-http' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('envoy-http');
  });

  test('GIVEN an app and a classic sidecar with the same ports and a JSON patch WHEN a Service targets the app\'s port past Envoy THEN it is still refused (G4)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080 }), Sidecar.container(c('twin', { ports: [{ containerPort: 8080, name: 'http' }] }))],
    });
    p.addJsonPatch(JsonPatch.add('/metadata/labels/tier', 'web'));
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'http' }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "http" is port 8080 of the app container "app", which a proxy sidecar fronts');
  });

  test('GIVEN an app UDP port named like Envoy\'s TCP port WHEN a TCP Service targets the name THEN it is accepted: Kubernetes takes the port of the Service\'s protocol, Envoy\'s (G5)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c('app', { ports: [{ containerPort: 8080, name: 'http', protocol: 'UDP' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080, portName: 'http' })],
    });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'http' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('http');
  });

  test('GIVEN a custom sidecar whose pod fsGroup is a token equal to the pod\'s WHEN injected THEN they agree (G8)', () => {
    class FsGroupSidecar extends Sidecar {
      constructor() {
        super(SidecarMode.CLASSIC);
      }
      public bind(_context: SidecarContext): SidecarBinding {
        return { container: c('side'), podSecurityContext: { fsGroup: Lazy.any({ produce: () => 2000 }) as any } };
      }
    }
    const chart = newChart();
    Inject.into(deploymentW(chart, { securityContext: { fsGroup: 2000 }, containers: [c('main')] }), { sidecars: [new FsGroupSidecar()] });
    expect(only(synth(chart), 'Deployment').spec.template.spec.securityContext).toEqual({ fsGroup: 2000 });
  });
});

describe('the port names a Service is told to use (review 36 G7)', () => {
  test('GIVEN the app and an injected Envoy both name a port "http" WHEN a Service names no port THEN the shared name is not offered (review 37 H10)', () => {
    const chart = newChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx', ports: [{ number: 8080, name: 'http' }], securityContext: { ensureNonRoot: false } }] });
    Inject.into(d, { sidecars: [Sidecar.envoy({ appPort: 8080, portName: 'http' })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(d), ports: [{ port: 80, targetPort: 'envoy-http' }] });
    expect(synthError(chart)).toContain('"envoy-http" names no container port of cdk8s-plus Deployment \'test-d-c8cb531c\'; use one of "envoy-metrics" or a port number');
  });
});

describe('review 37 H: proxies, Windows pins and old versions', () => {
  const envoyPod = (chart: Chart, containers: any[]) => new PlainPod(chart, 'p', {
    metadata: { name: 'p', labels: { app: 'p' } },
    containers,
    sidecars: [Sidecar.envoy({ appPort: 8080 })],
  });

  test('GIVEN a second app container renamed by a patch WHEN a Service targets its port past Envoy THEN it is refused, as without the patch (H8)', () => {
    const chart = newChart();
    const p = envoyPod(chart, [c('app', { ports: [{ containerPort: 8080, name: 'http' }] }), c('worker', { ports: [{ containerPort: 9000, name: 'admin' }] })]);
    p.addJsonPatch(JsonPatch.replace('/spec/containers/1/name', 'worker-2'));
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'admin' }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "admin" is port 9000 of the app container "worker-2", which a proxy sidecar fronts');
  });

  test('GIVEN the app and Envoy both renamed by patches WHEN a Service targets Envoy\'s port THEN it is accepted (H9)', () => {
    const chart = newChart();
    const p = envoyPod(chart, [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })]);
    p.addJsonPatch(JsonPatch.replace('/spec/containers/0/name', 'web'), JsonPatch.replace('/spec/containers/1/name', 'proxy'));
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'envoy-http' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('envoy-http');
  });

  test('GIVEN a pod behind Envoy WHEN a Service names no port THEN the names offered are not the app\'s (H10)', () => {
    const chart = newChart();
    envoyPod(chart, [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })]);
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: chart.node.findChild('p') as PlainPod, ports: [{ port: 80, targetPort: 'web' }] });
    const message = synthError(chart);
    expect(message).toContain('"web" names no container port of PlainPod \'p\'; use one of "envoy-http", "envoy-metrics" or a port number');
  });

  test('GIVEN a pod pinned to Windows by beta.kubernetes.io/os WHEN git-sync is injected THEN the message names that selector (H4)', () => {
    const chart = newChart();
    Inject.into(deploymentW(chart, { nodeSelector: { 'beta.kubernetes.io/os': 'windows' }, containers: [c('main')] }), { sidecars: [Sidecar.gitSync({ repo: 'https://github.com/example/site.git' })] });
    expect(synthError(chart)).toContain('but the pod runs on Windows nodes (spec.template.spec.nodeSelector beta.kubernetes.io/os: windows)');
  });

  test('GIVEN an apps/v1beta2 Deployment WHEN injected into THEN the error names the version to write (H7)', () => {
    const chart = newChart();
    const old = new ApiObject(chart, 'k', { apiVersion: 'apps/v1beta2', kind: 'Deployment', metadata: { name: 'hello' }, spec: {} });
    expect(() => Inject.into(old, { sidecars: [Sidecar.container(c('s'))] })).toThrow(
      'Deployment \'hello\' (test/k) would get no sidecars and init steps: "apps/v1beta2" does not serve Deployment in Kubernetes 1.32 (it was removed in 1.16), so kubectl apply would fail ("no matches for kind"); write apiVersion: apps/v1.');
  });
});

describe('review 38 J: sidecars renamed by patches, unserved versions, shared port names', () => {
  test.each([['nginx-metrics'], [9113]])('GIVEN the pattern\'s exporter renamed by a patch, behind Envoy WHEN a Service targets the exporter\'s port %p THEN it is accepted (J1)', (targetPort) => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080 }), Sidecar.nginxExporter()],
    });
    p.addJsonPatch(JsonPatch.replace('/spec/containers/2/name', 'metrics'));
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe(targetPort);
  });

  test('GIVEN a sidecar named by a token, behind Envoy, and a label patch WHEN a Service targets its port THEN it is accepted (J2)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080 }), Sidecar.container(c(Lazy.any({ produce: () => 'logger' }) as any, { ports: [{ containerPort: 2020, name: 'fb-metrics' }] }))],
    });
    p.addJsonPatch(JsonPatch.add('/metadata/labels/tier', 'web'));
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'fb-metrics' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('fb-metrics');
  });

  test('GIVEN a chart with an apps/v1 and an apps/v1beta2 Deployment WHEN injected into THEN the old one is named, not skipped (J6)', () => {
    const chart = newChart();
    webDeployment(chart);
    new ApiObject(chart, 'old', { apiVersion: 'apps/v1beta2', kind: 'Deployment', metadata: { name: 'old' }, spec: {} });
    expect(() => Inject.into(chart, { sidecars: [Sidecar.container(c('s'))] })).toThrow(
      'Deployment \'old\' (test/old) would get no sidecars and init steps: "apps/v1beta2" does not serve Deployment in Kubernetes 1.32 (it was removed in 1.16)');
  });

  test('GIVEN Envoy\'s front port named like the app\'s WHEN a Service names no port THEN the message says why that name is not offered (J7)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c('app', { ports: [{ containerPort: 8080, name: 'http' }] })],
      sidecars: [Sidecar.envoy({ appPort: 8080, portName: 'http' })],
    });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: p, ports: [{ port: 80, targetPort: 'nope' }] });
    expect(synthError(chart)).toContain('use one of "envoy-metrics" or a port number ("http" also names a port of the app, which Kubernetes would take; give the proxy\'s port another name with its portName option)');
  });
});

describe('a cdk8s-plus app port\'s protocol behind an injected proxy', () => {
  test('GIVEN a UDP app port named like Envoy\'s TCP port WHEN a TCP Service targets the name THEN it is accepted, as for the library\'s own patterns (FindPort matches the protocol)', () => {
    const chart = newChart();
    const d = new kplus.Deployment(chart, 'd', {
      containers: [{ image: 'nginx', ports: [{ number: 8080, name: 'http', protocol: kplus.Protocol.UDP }], securityContext: { ensureNonRoot: false } }],
    });
    Inject.into(d, { sidecars: [Sidecar.envoy({ appPort: 8080, portName: 'http' })] });
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(d), ports: [{ port: 80, targetPort: 'http' }] });
    expect(only(synth(chart), 'Service').spec.ports[0].targetPort).toBe('http');
  });
});

describe('review 45 W5: the app mounts of an injection go into the main containers only', () => {
  const gitSync = (name: string, appMountPath: string) => Sidecar.gitSync({ repo: 'https://example.com/r', name, volumeName: name, appMountPath, initialSync: false });
  const mountsOf = (chart: Chart) => {
    const m = synth(chart).find((o) => o.kind === 'Deployment' || o.kind === 'Pod');
    const spec = m.kind === 'Pod' ? m.spec : m.spec.template.spec;
    return Object.fromEntries([...(spec.initContainers ?? []), ...spec.containers].map((x: any) => [x.name, (x.volumeMounts ?? []).map((v: any) => `${v.name}:${v.mountPath}`)]));
  };
  const oneCall = () => {
    const chart = newChart();
    Inject.into(webDeployment(chart), { sidecars: [gitSync('sync-a', '/a'), gitSync('sync-b', '/b')] });
    return mountsOf(chart);
  };

  test('GIVEN two git-sync sidecars injected by two calls WHEN synthesized THEN the first sidecar gets none of the second\'s app mounts, as in one call', () => {
    const chart = newChart();
    const d = webDeployment(chart);
    Inject.into(d, { sidecars: [gitSync('sync-a', '/a')] });
    Inject.into(d, { sidecars: [gitSync('sync-b', '/b')] });
    expect(mountsOf(chart)).toEqual(oneCall());
    expect(mountsOf(chart)['sync-a']).toEqual(['sync-a:/git']);
  });

  test('GIVEN a second call whose app mount path is the first sidecar\'s own mount path WHEN synthesized THEN it is accepted, as in one call', () => {
    const chart = newChart();
    const d = webDeployment(chart);
    Inject.into(d, { sidecars: [gitSync('sync-a', '/a')] });
    Inject.into(d, { sidecars: [gitSync('sync-b', '/git')] });
    expect(mountsOf(chart)).toEqual({ 'app': ['sync-a:/a', 'sync-b:/git'], 'sync-a': ['sync-a:/git'], 'sync-b': ['sync-b:/git'] });
  });

  test('GIVEN a PlainPod with git-sync WHEN another git-sync and a download step are injected THEN the pattern\'s sidecar gets neither app mount', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [gitSync('sync-a', '/a')] });
    Inject.into(p, { sidecars: [gitSync('sync-b', '/b')], initSteps: [InitStep.download('https://example.com/x.json', 'x.json')] });
    const mounts = mountsOf(chart);
    expect(mounts['sync-a']).toEqual(['sync-a:/git']);
    expect(mounts.app).toEqual(['sync-a:/a', 'sync-b:/b', 'init-files:/config']);
  });

  test('GIVEN the PlainPod\'s git-sync renamed by a JSON patch WHEN a git-sync with the app path /git is injected THEN the renamed sidecar still gets no app mount (review 47 Y1)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [gitSync('sync-a', '/a')] });
    p.addJsonPatch(JsonPatch.replace('/spec/containers/1/name', 'renamed'));
    Inject.into(p, { sidecars: [gitSync('sync-b', '/git')] });
    const mounts = mountsOf(chart);
    expect(mounts.renamed).toEqual(['sync-a:/git']);
    expect(mounts.app).toEqual(['sync-a:/a', 'sync-b:/git']);
  });

  test.each([
    ['moves the sidecar before the app', [JsonPatch.move('/spec/containers/1', '/spec/containers/0')]],
    ['renames the sidecar and adds a second main container', [JsonPatch.replace('/spec/containers/1/name', 'renamed'), JsonPatch.add('/spec/containers/-', c('app2'))]],
  ])('GIVEN a JSON patch that %s WHEN a git-sync is injected THEN the main containers get its app mount and the pattern\'s sidecar none (review 48 Z6)', (_what, patches) => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [gitSync('sync-a', '/a')] });
    p.addJsonPatch(...patches);
    Inject.into(p, { sidecars: [gitSync('sync-b', '/b')] });
    const mounts = mountsOf(chart);
    expect(mounts.app).toEqual(['sync-a:/a', 'sync-b:/b']);
    expect(mounts[mounts.renamed ? 'renamed' : 'sync-a']).toEqual(['sync-a:/git']);
  });

  test('GIVEN a main container like a sidecar but for its name, renamed by a JSON patch WHEN a git-sync is injected THEN it still gets the app mount (review 49 B1)', () => {
    const chart = newChart();
    const same = { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] };
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [{ name: 'app', ...same }], sidecars: [Sidecar.container({ name: 'helper', ...same })] });
    p.addJsonPatch(JsonPatch.replace('/spec/containers/0/name', 'web'));
    Inject.into(p, { sidecars: [gitSync('sync-b', '/b')] });
    const mounts = mountsOf(chart);
    expect(mounts.web).toEqual(['sync-b:/b']);
    expect(mounts.helper).toEqual([]);
  });

  test('GIVEN a JSON patch that removes the sidecar and renames the main container like it WHEN a git-sync is injected THEN the main container gets the app mount (review 50 DD12)', () => {
    const chart = newChart();
    const same = { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] };
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [{ name: 'app', ...same }], sidecars: [Sidecar.container({ name: 'helper', ...same })] });
    p.addJsonPatch(JsonPatch.remove('/spec/containers/1'), JsonPatch.replace('/spec/containers/0/name', 'web'));
    Inject.into(p, { sidecars: [gitSync('sync-b', '/b')] });
    expect(mountsOf(chart).web).toEqual(['sync-b:/b']);
  });

  test('GIVEN a patch that removes the sidecar, renames the main container like it and adds another WHEN a git-sync is injected THEN both main containers get the app mount (review 51 E2)', () => {
    const chart = newChart();
    const same = { image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] };
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [{ name: 'app', ...same }], sidecars: [Sidecar.container({ name: 'helper', ...same })] });
    p.addJsonPatch(JsonPatch.remove('/spec/containers/1'), JsonPatch.replace('/spec/containers/0/name', 'web'), JsonPatch.add('/spec/containers/-', c('extra')));
    Inject.into(p, { sidecars: [gitSync('sync-b', '/b')] });
    expect(mountsOf(chart).web).toEqual(['sync-b:/b']);
    expect(mountsOf(chart).extra).toEqual(['sync-b:/b']);
  });

  test('GIVEN patches that rename both the app and its sidecar WHEN a git-sync is injected THEN the app gets the app mount and the sidecar none (review 52 F1)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app', { image: 'nginx' })], sidecars: [Sidecar.container(c('helper'))] });
    p.addJsonPatch(JsonPatch.replace('/spec/containers/0/name', 'web'), JsonPatch.replace('/spec/containers/1/name', 'h2'));
    Inject.into(p, { sidecars: [gitSync('sync-b', '/b')] });
    expect(mountsOf(chart).web).toEqual(['sync-b:/b']);
    expect(mountsOf(chart).h2).toEqual([]);
  });

  test('GIVEN a patch that removes the sidecar and renames the app to its name WHEN a git-sync is injected THEN the app still gets the app mount (review 52 F2)', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app', { image: 'nginx' })], sidecars: [Sidecar.container(c('helper'))] });
    p.addJsonPatch(JsonPatch.remove('/spec/containers/1'), JsonPatch.replace('/spec/containers/0/name', 'helper'));
    Inject.into(p, { sidecars: [gitSync('sync-b', '/b')] });
    expect(mountsOf(chart).helper).toEqual(['sync-b:/b']);
  });
});

describe('review 45 W4: a plain object\'s own emptyDir named like the files volume', () => {
  test('GIVEN a Deployment whose own init container uses an emptyDir "init-files" at /scratch WHEN a download step is injected THEN the shared name is reported with the fix', () => {
    const chart = newChart();
    const d = deploymentW(chart, {
      initContainers: [c('prepare', { volumeMounts: [{ name: 'init-files', mountPath: '/scratch' }] })],
      containers: [c('app')],
      volumes: [{ name: 'init-files', emptyDir: {} }],
    });
    Inject.into(d, { initSteps: [InitStep.download('https://example.com/config.json', 'config.json')] });
    expect(synthError(chart)).toContain('filesVolumeName: the pod already has the emptyDir volume "init-files", mounted at "/scratch", where Inject.into() would mount its files at "/config"; '
      + 'pass filesMountPath: "/scratch" to share it, or another filesVolumeName.');
  });

  test('GIVEN an InitPod whose files volume a user init container reads elsewhere WHEN a download step is injected THEN the files volume is shared', () => {
    const chart = newChart();
    const p = new InitPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [c('app')],
      initContainers: [c('u', { volumeMounts: [{ name: 'init-files', mountPath: '/in', readOnly: true }] })],
      initSteps: [InitStep.download('https://example.com/a.json', 'a.json')],
    });
    Inject.into(p, { initSteps: [InitStep.download('https://example.com/b.json', 'b.json')] });
    expect(only(synth(chart), 'Pod').spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }]);
  });

  test('GIVEN two injections with download steps into a Deployment whose init container reads the files elsewhere WHEN synthesized THEN the second shares the first one\'s files volume', () => {
    const chart = newChart();
    const d = deploymentW(chart, { containers: [c('app')] });
    Inject.into(d, { initSteps: [InitStep.download('https://example.com/a.json', 'a.json')] });
    d.addJsonPatch(JsonPatch.add('/spec/template/spec/initContainers', [c('u', { volumeMounts: [{ name: 'init-files', mountPath: '/in', readOnly: true }] })]));
    Inject.into(d, { initSteps: [InitStep.download('https://example.com/b.json', 'b.json')] });
    expect(only(synth(chart), 'Deployment').spec.template.spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }]);
  });
});

describe('review 43 R4: a pattern\'s SecurityProfile defaults and an injected sidecar\'s needs', () => {
  /** A classic sidecar that needs these pod securityContext fields. */
  class NeedSidecar extends Sidecar {
    constructor(private readonly name: string, private readonly needs: any) {
      super(SidecarMode.CLASSIC);
    }
    public bind(_context: SidecarContext): SidecarBinding {
      return { container: c(this.name, { resources: { requests: { cpu: '10m', memory: '10Mi' }, limits: { cpu: '10m', memory: '10Mi' } } }), podSecurityContext: this.needs };
    }
  }
  const restrictedPod = (chart: Chart, profile = SecurityProfile.restricted()) => new PlainPod(chart, 'p', {
    metadata: { name: 'p' },
    securityProfile: profile,
    containers: [c('app', { resources: { requests: { cpu: '10m', memory: '10Mi' }, limits: { cpu: '10m', memory: '10Mi' } } })],
  });

  test('GIVEN SecurityProfile.restricted() with its default runAsUser WHEN a sidecar needing runAsUser 1000 is injected THEN the pod gets 1000, as with addSidecar()', () => {
    const injected = newChart();
    Inject.into(restrictedPod(injected), { sidecars: [new NeedSidecar('s', { runAsUser: 1000 })] });
    const added = newChart();
    restrictedPod(added).addSidecar(new NeedSidecar('s', { runAsUser: 1000 }));
    expect(only(synth(injected), 'Pod').spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(only(synth(injected), 'Pod').spec.securityContext).toEqual(only(synth(added), 'Pod').spec.securityContext);
  });

  test('GIVEN two injected sidecars needing different runAsUser over the profile\'s default WHEN synthesized THEN both sidecars are named', () => {
    const chart = newChart();
    Inject.into(restrictedPod(chart), { sidecars: [new NeedSidecar('a', { runAsUser: 1000 }), new NeedSidecar('b', { runAsUser: 2000 })] });
    expect(synthError(chart)).toContain('spec.securityContext.runAsUser: the sidecar "a" needs 1000 and the sidecar "b" needs 2000');
  });

  test('GIVEN SecurityProfile.restricted({ runAsUser: 5000 }) WHEN a sidecar needing runAsUser 1000 is injected THEN the profile\'s explicit value is kept and the clash reported', () => {
    const chart = newChart();
    Inject.into(restrictedPod(chart, SecurityProfile.restricted({ runAsUser: 5000 })), { sidecars: [new NeedSidecar('s', { runAsUser: 1000 })] });
    expect(synthError(chart)).toContain('spec.securityContext.runAsUser: 5000 contradicts the sidecar "s", which needs 1000');
  });

  test('GIVEN a JSON patch that pins runAsUser to the profile\'s default WHEN a sidecar needing 1000 is injected THEN the pinned value holds and the clash is reported, as with addSidecar() (review 47 Y4)', () => {
    const chart = newChart();
    const p = restrictedPod(chart);
    p.addJsonPatch(JsonPatch.add('/spec/securityContext/runAsUser', 65534));
    Inject.into(p, { sidecars: [new NeedSidecar('s', { runAsUser: 1000 })] });
    expect(synthError(chart)).toContain('spec.securityContext.runAsUser: 65534 contradicts the sidecar "s", which needs 1000');
  });
});

describe('two Fluent Bit shippers with one generated ConfigMap (review 47 Y9)', () => {
  test('GIVEN two Fluent Bit shippers injected with the default names WHEN injected THEN the fix names both options they need', () => {
    const shipper = (name: string) => Sidecar.logShipper(LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) }), { name, logVolumeName: `${name}-logs`, logMountPath: `/var/log/${name}` });
    expect(() => Inject.into(webDeployment(newChart()), { sidecars: [shipper('a'), shipper('b')] }))
      .toThrow('generate a ConfigMap named "web-fluent-bit" for Deployment \'web\', and one would overwrite the other\'s configuration; '
        + 'give one of them another configMapName (two LogShipper.fluentBit() shippers in one pod also need two configVolumeNames).');
  });
});

describe('review 47 Y2, Y3: what counts as the pod\'s own use of a volume across calls', () => {
  /** A web server sidecar serving the repo git-sync fetches, which it also mounts into the app read-only at /srv. */
  class Server extends Sidecar {
    constructor() {
      super(SidecarMode.CLASSIC);
    }
    public bind(_context: SidecarContext): SidecarBinding {
      return {
        container: c('server', { volumeMounts: [{ name: 'repo', mountPath: '/usr/share/nginx/html', readOnly: true }] }),
        volumes: [{ name: 'repo', emptyDir: {} }],
        appVolumeMounts: [{ name: 'repo', mountPath: '/srv', readOnly: true }],
      };
    }
  }
  const gitSync = () => Sidecar.gitSync({ repo: 'https://example.com/r', volumeName: 'repo', appMountPath: '/srv' });
  const podSpecOf = (chart: Chart) => {
    const m = synth(chart).find((o) => o.kind === 'Deployment' || o.kind === 'Pod');
    return m.kind === 'Pod' ? m.spec : m.spec.template.spec;
  };
  const forms: { [form: string]: (chart: Chart) => void } = {
    'one call': (chart) => Inject.into(deploymentW(chart, { containers: [c('app')] }), { sidecars: [gitSync(), new Server()] }),
    'two calls': (chart) => {
      const d = deploymentW(chart, { containers: [c('app')] });
      Inject.into(d, { sidecars: [gitSync()] });
      Inject.into(d, { sidecars: [new Server()] });
    },
    'a PlainPod': (chart) => new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [gitSync(), new Server()] }),
    'a PlainPod and a call': (chart) => Inject.into(new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c('app')], sidecars: [gitSync()] }), { sidecars: [new Server()] }),
  };

  test.each(Object.keys(forms))('GIVEN git-sync and a sidecar sharing its volume at the same app path in %s WHEN synthesized THEN one volume is shared: git-sync\'s own mounts are not the pod\'s (Y2)', (form) => {
    const chart = newChart();
    forms[form](chart);
    const spec = podSpecOf(chart);
    expect(spec.volumes).toEqual([{ name: 'repo', emptyDir: {} }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'repo', mountPath: '/srv', readOnly: true }]);
  });

  test('GIVEN an app that mounts its own volume read-only WHEN git-sync and a log shipper on it are injected in two calls THEN the app\'s mount is kept, as in one call (Y3)', () => {
    const pod = () => ({ containers: [c('app', { volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }] })], volumes: [{ name: 'data', emptyDir: {} }] });
    const gs = () => Sidecar.gitSync({ repo: 'https://example.com/r', volumeName: 'data', appMountPath: '/data' });
    const ls = () => Sidecar.logShipper(LogShipper.tail(), { logVolumeName: 'data', logMountPath: '/data' });
    const two = newChart();
    const d = deploymentW(two, pod());
    Inject.into(d, { sidecars: [gs()] });
    Inject.into(d, { sidecars: [ls()] });
    const one = newChart();
    const e = deploymentW(one, pod());
    Inject.into(e, { sidecars: [gs(), ls()] });
    // The manifests as written (toJson() runs no validation): no main container can write the log
    // there, which both forms report at synth (review 58 Q4).
    expect(d.toJson().spec.template.spec).toEqual(e.toJson().spec.template.spec);
    expect(d.toJson().spec.template.spec.containers[0].volumeMounts).toEqual([{ name: 'data', mountPath: '/data', readOnly: true }]);
    const unwritable = 'the log volume "data" of the log shipper "log-shipper" is mounted read-only only by "app" (the container\'s own mount is kept)';
    expect(synthError(two)).toContain(unwritable);
    expect(synthError(one)).toContain(unwritable);
  });
});
