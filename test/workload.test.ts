import { JsonPatch, Testing } from 'cdk8s';
import { ConcurrencyPolicy, CompletionMode, ExposedService, PlainPod, PodManagementPolicy, Sidecar, SidecarLoggedApp, SidecarMode, Workload, WorkloadKind } from '../src';
import { newChart, only, synth, synthError } from './util';

const c = (name: string, extra: any = {}) => ({ name, image: 'busybox:1.36', ...extra });

describe('Workload kinds', () => {
  test('writes a StatefulSet with its claims, selecting its pods by the pod labels', () => {
    // GIVEN
    const chart = newChart();
    // WHEN
    new PlainPod(chart, 'db', {
      metadata: { name: 'db' },
      podMetadata: { labels: { app: 'db' } },
      containers: [c('db', { volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }] })],
      workload: Workload.statefulSet({
        serviceName: 'db',
        replicas: 3,
        podManagementPolicy: PodManagementPolicy.PARALLEL,
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' as any } } } }],
      }),
    });
    // THEN
    const sts = only(synth(chart), 'StatefulSet');
    expect(sts.apiVersion).toBe('apps/v1');
    expect(sts.metadata).toEqual({ name: 'db' });
    expect(sts.spec).toEqual({
      serviceName: 'db',
      replicas: 3,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: 'db' } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [c('db', { volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }] })] } },
    });
  });

  test('writes the apiVersion, kind and status declared on a claim template, as it does metadata and spec', () => {
    const chart = newChart();
    new PlainPod(chart, 'db', {
      metadata: { name: 'db', labels: { app: 'db' } },
      containers: [c('db', { volumeMounts: [{ name: 'data', mountPath: '/var/lib/db' }] })],
      workload: Workload.statefulSet({
        serviceName: 'db',
        volumeClaimTemplates: [{
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          status: { phase: 'Pending' },
        } as any],
      }),
    });
    expect(only(synth(chart), 'StatefulSet').spec.volumeClaimTemplates).toEqual([{
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Pending' },
    }]);
  });

  test('writes a DaemonSet whose pods take the object labels when podMetadata is not given', () => {
    const chart = newChart();
    new PlainPod(chart, 'agent', { metadata: { name: 'agent', labels: { app: 'agent' } }, containers: [c('agent')], workload: Workload.daemonSet({ minReadySeconds: 5 }) });
    const ds = only(synth(chart), 'DaemonSet');
    expect(ds.metadata.labels).toEqual({ app: 'agent' });
    expect(ds.spec.selector).toEqual({ matchLabels: { app: 'agent' } });
    expect(ds.spec.template.metadata).toEqual({ labels: { app: 'agent' } });
    expect(ds.spec.minReadySeconds).toBe(5);
  });

  test('writes a Job without any labels, with its settings', () => {
    const chart = newChart();
    new PlainPod(chart, 'pi', {
      metadata: { name: 'pi' },
      restartPolicy: 'Never',
      containers: [c('pi', { command: ['sh', '-c', 'echo 3.14'] })],
      workload: Workload.job({
        backoffLimit: 4, completions: 2, parallelism: 2, completionMode: CompletionMode.INDEXED, ttlSecondsAfterFinished: 100,
      }),
    });
    const job = only(synth(chart), 'Job');
    expect(job.apiVersion).toBe('batch/v1');
    expect(job.metadata).toEqual({ name: 'pi' });
    expect(job.spec).toEqual({
      backoffLimit: 4,
      completions: 2,
      parallelism: 2,
      completionMode: 'Indexed',
      ttlSecondsAfterFinished: 100,
      template: { spec: { restartPolicy: 'Never', containers: [c('pi', { command: ['sh', '-c', 'echo 3.14'] })] } },
    });
  });

  test('writes a Job\'s successPolicy and managedBy (review 21 C1), in a CronJob\'s Job too, and checks them', () => {
    const chart = newChart();
    const job = { completionMode: CompletionMode.INDEXED, completions: 3, successPolicy: { rules: [{ succeededIndexes: '0,2', succeededCount: 1 }] }, managedBy: 'example.com/ctrl' };
    const app = (id: string, workload: Workload) => new PlainPod(chart, id, { metadata: { name: id }, restartPolicy: 'Never', containers: [c(id)], workload });
    app('indexed', Workload.job(job));
    app('nightly', Workload.cronJob({ schedule: '@daily', job }));
    // Testing.synth: the 1.28 schema of the test's offline validators has neither field (Kubernetes 1.30, 1.31).
    const manifests = Testing.synth(chart);
    const written = { completionMode: 'Indexed', completions: 3, successPolicy: { rules: [{ succeededIndexes: '0,2', succeededCount: 1 }] }, managedBy: 'example.com/ctrl' };
    expect(only(manifests, 'Job').spec).toMatchObject(written);
    expect(only(manifests, 'CronJob').spec.jobTemplate.spec).toMatchObject(written);

    const bad = newChart();
    new PlainPod(bad, 'j', { metadata: { name: 'j' }, restartPolicy: 'Never', containers: [c('j')], workload: Workload.job({ successPolicy: { rules: [{ succeededCount: 1 }] }, managedBy: 'ctrl' }) });
    const message = synthError(bad);
    expect(message).toContain('spec.successPolicy: ');
    expect(message).toContain('spec.managedBy: ');
    expect(() => Workload.job({ successPolicy: { rules: [{ succededCount: 1 }] } } as any)).toThrow(/successPolicy\.rules\[0\]\.succededCount.*succeededCount/);
  });

  test('writes a CronJob around the Job template', () => {
    const chart = newChart();
    new PlainPod(chart, 'hello', {
      metadata: { name: 'hello' },
      restartPolicy: 'OnFailure',
      containers: [c('hello')],
      workload: Workload.cronJob({ schedule: '* * * * *', timeZone: 'Etc/UTC', concurrencyPolicy: ConcurrencyPolicy.FORBID, job: { backoffLimit: 1 } }),
    });
    const cron = only(synth(chart), 'CronJob');
    expect(cron.spec).toEqual({
      schedule: '* * * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      jobTemplate: { spec: { backoffLimit: 1, template: { spec: { restartPolicy: 'OnFailure', containers: [c('hello')] } } } },
    });
  });

  test('reports its kind and API version', () => {
    expect([Workload.pod(), Workload.deployment(), Workload.statefulSet(), Workload.daemonSet(), Workload.job(), Workload.cronJob({ schedule: '@hourly' })]
      .map((w) => `${w.apiVersion}/${w.kind}`))
      .toEqual(['v1/Pod', 'apps/v1/Deployment', 'apps/v1/StatefulSet', 'apps/v1/DaemonSet', 'batch/v1/Job', 'batch/v1/CronJob']);
    expect(Workload.job().kind).toBe(WorkloadKind.JOB);
  });
});

describe('podMetadata', () => {
  test('puts labels and annotations on the pods of a Deployment, not on the Deployment', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', {
      metadata: { name: 'my-nginx' },
      podMetadata: { labels: { run: 'my-nginx' }, annotations: { 'prometheus.io/scrape': 'true' } },
      containers: [c('nginx')],
      workload: Workload.deployment({ replicas: 2 }),
    });
    const d = only(synth(chart), 'Deployment');
    expect(d.metadata).toEqual({ name: 'my-nginx' });
    expect(d.spec.selector).toEqual({ matchLabels: { run: 'my-nginx' } });
    expect(d.spec.template.metadata).toEqual({ labels: { run: 'my-nginx' }, annotations: { 'prometheus.io/scrape': 'true' } });
  });

  test('adds to a bare Pod\'s own metadata', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, podMetadata: { labels: { tier: 'front' }, annotations: { a: 'b' } }, containers: [c('web')] });
    const pod = only(synth(chart), 'Pod');
    expect(pod.metadata).toEqual({ name: 'web', labels: { app: 'web', tier: 'front' }, annotations: { a: 'b' } });
  });

  test('fails when a bare Pod\'s podMetadata contradicts its metadata', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, podMetadata: { labels: { app: 'other' } }, containers: [c('web')] });
    expect(synthError(chart)).toContain("PlainPod 'web': podMetadata.labels: app=\"other\" contradicts metadata.labels app=\"web\"; for a bare Pod both are its own labels: keep one value.");
  });

  test('makes a Service select the pods by their own labels', () => {
    const chart = newChart();
    const web = new PlainPod(chart, 'web', {
      metadata: { name: 'web', labels: { team: 'a' } },
      podMetadata: { labels: { app: 'web' } },
      containers: [c('web', { ports: [{ containerPort: 80 }] })],
      workload: Workload.deployment(),
    });
    web.expose('svc', { metadata: { name: 'web' }, ports: [{ port: 80 }] });
    expect(only(synth(chart), 'Service').spec.selector).toEqual({ app: 'web' });
  });

  test('takes the selector of the options when it must differ from all the pod labels', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      podMetadata: { labels: { app: 'web', version: 'v2' } },
      containers: [c('web')],
      workload: Workload.deployment({ selector: { matchLabels: { app: 'web' } } }),
    });
    expect(only(synth(chart), 'Deployment').spec.selector).toEqual({ matchLabels: { app: 'web' } });
  });
});

describe('sidecars in Jobs', () => {
  test('fails when a classic sidecar would keep a Job from completing, naming SidecarMode.NATIVE', () => {
    const chart = newChart();
    new PlainPod(chart, 'job', {
      metadata: { name: 'job' },
      restartPolicy: 'Never',
      containers: [c('work')],
      sidecars: [Sidecar.container(c('proxy'))],
      workload: Workload.job(),
    });
    expect(synthError(chart)).toContain("PlainPod 'job': spec.template.spec.containers: the classic sidecar \"proxy\" would keep running after the app finished, so the Job would never complete (this library\'s contract); use SidecarMode.NATIVE (an init container with restartPolicy Always, stopped when the app exits; Kubernetes 1.29+).");
  });

  test('fails for the classic log sidecar of a SidecarLoggedApp CronJob', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'job', { metadata: { name: 'job' }, restartPolicy: 'OnFailure', app: c('work'), workload: Workload.cronJob({ schedule: '@daily' }) });
    expect(synthError(chart)).toContain('the classic sidecar "sidecar-container" would keep running after the app finished, so the CronJob would never complete (this library\'s contract); use SidecarMode.NATIVE');
  });

  test('writes a Job with a native sidecar, as the Kubernetes sidecar page does', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'job', {
      metadata: { name: 'myjob' },
      restartPolicy: 'Never',
      app: c('myjob', { command: ['sh', '-c', 'echo "logging" > /opt/logs.txt'] }),
      logMountPath: '/opt',
      logFileName: 'logs.txt',
      logVolumeName: 'data',
      sidecarMode: SidecarMode.NATIVE,
      workload: Workload.job(),
    });
    const job = only(synth(chart), 'Job');
    expect(job.spec.template.spec.initContainers).toEqual([{ name: 'sidecar-container', image: 'busybox', command: ['sh', '-c', 'tail -n +1 -F /opt/logs.txt'], restartPolicy: 'Always', volumeMounts: [{ name: 'data', mountPath: '/opt' }] }]);
  });
});

describe('Services and namespaces', () => {
  test('writes the Service into its target\'s namespace', () => {
    const chart = newChart();
    const web = new PlainPod(chart, 'web', { metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } }, containers: [c('web', { ports: [{ containerPort: 80 }] })] });
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: web, ports: [{ port: 80 }] });
    expect(only(synth(chart), 'Service').metadata).toEqual({ name: 'web', namespace: 'prod' });
  });

  test('fails when the Service is declared in another namespace than its target', () => {
    const chart = newChart();
    const web = new PlainPod(chart, 'web', { metadata: { name: 'web', namespace: 'prod', labels: { app: 'web' } }, containers: [c('web')] });
    new ExposedService(chart, 'svc', { metadata: { name: 'web', namespace: 'dev' }, target: web, ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': metadata.namespace: \"dev\" differs from the namespace \"prod\" of PlainPod 'web'; a Service selects pods of its own namespace only (this library's contract). Remove metadata.namespace (the Service then takes its target's) or move the target.");
  });
});

describe('numeric options that do not fit their Kubernetes type', () => {
  const pod = (chart: any, extra: any): PlainPod => new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [{ name: 'app', image: 'busybox' }], ...extra });

  test.each([
    ['Workload.deployment({ replicas: 2 ** 31 })', { workload: Workload.deployment({ replicas: 2 ** 31 }) }, 'spec.replicas: 2147483648 is out of range: DeploymentSpec.replicas is an int32 (-2147483648 to 2147483647); write a number in that range.'],
    ['Workload.job({ parallelism: 2 ** 31 })', { workload: Workload.job({ parallelism: 2 ** 31 }) }, 'spec.parallelism: 2147483648 is out of range: JobSpec.parallelism is an int32'],
    ['Workload.statefulSet({ minReadySeconds: 2 ** 31 })', { workload: Workload.statefulSet({ minReadySeconds: 2 ** 31 }) }, 'spec.minReadySeconds: 2147483648 is out of range: StatefulSetSpec.minReadySeconds is an int32'],
    ['priority: 1.5', { priority: 1.5 }, 'spec.priority: 1.5 is not a whole number; PodSpec.priority is an int32: write a whole number.'],
    ['terminationGracePeriodSeconds: 1.5', { terminationGracePeriodSeconds: 1.5 }, 'spec.terminationGracePeriodSeconds: 1.5 is not a whole number; PodSpec.terminationGracePeriodSeconds is an int64'],
  ])('are reported at synth with their type, with or without an escape-hatch patch: %s', (_title, extra, message) => {
    const chart = newChart();
    pod(chart, extra);
    expect(synthError(chart)).toContain(message);
  });

  test('an int64 option above 2^31 - 1 is accepted', () => {
    const chart = newChart();
    pod(chart, { workload: Workload.job({ activeDeadlineSeconds: 2 ** 31 }), restartPolicy: 'Never' });
    expect(only(synth(chart), 'Job').spec.activeDeadlineSeconds).toBe(2 ** 31);
  });
});

describe('values the API server fills in when they are "" (review 27 G1)', () => {
  test.each([
    ['a StatefulSet podManagementPolicy', () => Workload.statefulSet({ podManagementPolicy: '' as PodManagementPolicy }), 'StatefulSet', 'podManagementPolicy', {}],
    ['a CronJob concurrencyPolicy', () => Workload.cronJob({ schedule: '@daily', concurrencyPolicy: '' as ConcurrencyPolicy }), 'CronJob', 'concurrencyPolicy', { restartPolicy: 'Never' }],
  ])('GIVEN "" for %s (a plain string the API server defaults) WHEN synthesized THEN it is accepted and written as given', (_what, workload, kind, field, extra) => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'p' } }, containers: [c('main')], workload: workload(), ...extra });
    // Testing.synth: the offline 1.28 schema knows no defaulting and refuses "".
    expect(only(Testing.synth(chart), kind).spec[field]).toBe('');
  });

  test('GIVEN "" for a Job completionMode (a pointer the API server does not default) WHEN built THEN it is refused with the values to use', () => {
    expect(() => Workload.job({ completionMode: '' as CompletionMode })).toThrow('completionMode: "" is not a CompletionMode (JobOptions.completionMode); use one of CompletionMode.NON_INDEXED');
  });
});

describe('podMetadata with annotations only (review 27 G2)', () => {
  test('GIVEN a Deployment with metadata.labels and podMetadata of annotations only WHEN synthesized THEN the pods keep metadata.labels and are selected by them', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', {
      metadata: { name: 'web', labels: { app: 'web' } },
      podMetadata: { annotations: { 'prometheus.io/scrape': 'true' } },
      containers: [c('web')],
      workload: Workload.deployment(),
    });
    const spec = only(synth(chart), 'Deployment').spec;
    expect(spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(spec.template.metadata).toEqual({ labels: { app: 'web' }, annotations: { 'prometheus.io/scrape': 'true' } });
  });

  test('GIVEN podMetadata with empty labels on a Deployment with metadata.labels WHEN synthesized THEN it is refused, naming the empty podMetadata.labels (review 28 A2)', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, podMetadata: { labels: {} }, containers: [c('web')], workload: Workload.deployment() });
    const error = synthError(chart);
    expect(error).toContain('podMetadata.labels: is empty, so the pods of this Deployment have no label to select them by: podMetadata.labels replaces metadata.labels for the pods; '
      + 'add labels to it, or remove it to give the pods metadata.labels.');
    expect(error).not.toContain('none are declared');
  });

  test.each([
    ['an explicit empty selector', (chart: any) => new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, podMetadata: { labels: {} }, containers: [c('web')], workload: Workload.deployment({ selector: {} }) })],
    ['a JSON patch that adds the template labels', (chart: any) => new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, podMetadata: { labels: {} }, containers: [c('web')], workload: Workload.deployment() })
      .addJsonPatch(JsonPatch.add('/spec/template/metadata', { labels: { app: 'web' } }))],
  ])('GIVEN empty podMetadata.labels with %s WHEN synthesized THEN the selector message stays, as it names the fix (review 29 A5)', (_what, build) => {
    const chart = newChart();
    build(chart);
    const error = synthError(chart);
    expect(error).toContain('spec.selector: a Deployment selects its pods by label and none are declared');
    expect(error).not.toContain('podMetadata.labels: is empty');
  });
});
