import * as fs from 'fs';
import * as path from 'path';
import { Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ExposedService, Protocol, ServiceTarget } from '../src';
import { newChart, only, synth, synthError } from './util';

const ADDRESS = 'cdk8s.io/metadata.addr';

describe('ServiceTarget.fromLabels', () => {
  test('selects the given labels and knows no container ports', () => {
    // GIVEN
    const target = ServiceTarget.fromLabels({ app: 'legacy', tier: 'web' });
    // THEN
    expect(target.selectorLabels()).toEqual({ app: 'legacy', tier: 'web' });
    expect(target.containerPorts()).toBeUndefined();
    expect(target.targetDescription).toBe('pods labelled app=legacy,tier=web');
  });

  test('fails with its own fix when given no labels', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: ServiceTarget.fromLabels({}), ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.selector: target pods labelled (no labels) has no labels, so no selector can match its pods (this library's contract); pass at least one label to ServiceTarget.fromLabels().");
  });
});

describe('ServiceTarget.fromKplus', () => {
  test('exposes a cdk8s-plus-28 Deployment in one line, selecting it by its matchLabels', () => {
    // GIVEN a cdk8s-plus-28 Deployment with a named port
    const chart = newChart();
    const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api:1', ports: [{ name: 'http', number: 8080 }] }] });
    // WHEN
    ExposedService.clusterIp(chart, 'svc', { metadata: { name: 'api' }, target: ServiceTarget.fromKplus(api), ports: [{ port: 80, targetPort: 'http' }] });
    // THEN the selector is the Deployment's own selector
    const manifests = synth(chart);
    const deployment = only(manifests, 'Deployment');
    const service = only(manifests, 'Service');
    expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(Object.keys(service.spec.selector)).toEqual([ADDRESS]);
    expect(service.spec.ports).toEqual([{ port: 80, targetPort: 'http' }]);
  });

  test.each([
    ['StatefulSet', (c: any) => new kplus.StatefulSet(c, 'w', { containers: [{ image: 'db:1', portNumber: 5432 }] })],
    ['DaemonSet', (c: any) => new kplus.DaemonSet(c, 'w', { containers: [{ image: 'agent:1', portNumber: 9100 }] })],
  ])('selects a cdk8s-plus-28 %s by its matchLabels', (_kind, make) => {
    const chart = newChart();
    const workload = make(chart);
    new ExposedService(chart, 'svc', { metadata: { name: 'w' }, target: ServiceTarget.fromKplus(workload), ports: [{ port: 80 }] });
    // (a StatefulSet also makes its own headless Service)
    const service = synth(chart).find((m) => m.kind === 'Service' && m.metadata.name === 'w');
    expect(Object.keys(workload.matchLabels)).toEqual([ADDRESS]);
    expect(service.spec.selector).toEqual(workload.matchLabels);
  });

  test('selects a cdk8s-plus-28 Pod by its address label, as cdk8s-plus-28 does', () => {
    const chart = newChart();
    const pod = new kplus.Pod(chart, 'pod', { containers: [{ image: 'nginx:1.27', portNumber: 80 }] });
    new ExposedService(chart, 'svc', { metadata: { name: 'pod' }, target: ServiceTarget.fromKplus(pod), ports: [{ port: 80 }] });
    const manifests = synth(chart);
    expect(only(manifests, 'Service').spec.selector).toEqual({ [ADDRESS]: only(manifests, 'Pod').metadata.labels[ADDRESS] });
  });

  test('uses labels the workload selects after the Service was declared', () => {
    const chart = newChart();
    const api = new kplus.Deployment(chart, 'api', { select: false, podMetadata: { labels: { app: 'api' } }, containers: [{ image: 'api:1' }] });
    new ExposedService(chart, 'svc', { metadata: { name: 'api' }, target: ServiceTarget.fromKplus(api), ports: [{ port: 80 }] });
    api.select(kplus.LabelSelector.of({ labels: { app: 'api' } }));
    expect(only(synth(chart), 'Service').spec.selector).toEqual({ app: 'api' });
  });

  test('lists the container ports, from ports, portNumber and native sidecars', () => {
    const chart = newChart();
    const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api:1', portNumber: 8080, ports: [{ name: 'dns', number: 53, protocol: kplus.Protocol.UDP }] }] });
    api.addInitContainer({ image: 'proxy:1', restartPolicy: kplus.ContainerRestartPolicy.ALWAYS, ports: [{ name: 'proxy', number: 15001 }] });
    api.addInitContainer({ image: 'init:1', ports: [{ name: 'once', number: 1 }] });
    expect(ServiceTarget.fromKplus(api).containerPorts()).toEqual([
      { containerPort: 15001, name: 'proxy' },
      { containerPort: 8080 },
      { containerPort: 53, name: 'dns', protocol: 'UDP' },
    ]);
  });

  test('fails when a named targetPort names no port of the cdk8s-plus-28 containers', () => {
    const chart = newChart();
    const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api:1', ports: [{ name: 'http', number: 8080 }] }] });
    new ExposedService(chart, 'svc', { metadata: { name: 'api' }, target: ServiceTarget.fromKplus(api), ports: [{ port: 80, targetPort: 'https' }] });
    expect(synthError(chart)).toContain('ExposedService \'api\': spec.ports[0].targetPort: "https" names no container port of cdk8s-plus Deployment \'api\'; use one of "http" or a port number (this library\'s contract).');
  });

  test('fails when a named targetPort has another protocol than the cdk8s-plus-28 container port', () => {
    const chart = newChart();
    const dns = new kplus.Deployment(chart, 'dns', { metadata: { name: 'dns' }, containers: [{ image: 'dns:1', ports: [{ name: 'dns', number: 53, protocol: kplus.Protocol.UDP }] }] });
    new ExposedService(chart, 'svc', { metadata: { name: 'dns' }, target: ServiceTarget.fromKplus(dns), ports: [{ port: 53, targetPort: 'dns', protocol: Protocol.TCP }] });
    expect(synthError(chart)).toContain('ExposedService \'dns\': spec.ports[0].targetPort: "dns" is a UDP container port but this Service port is TCP; make the protocols match (this library\'s contract).');
  });

  test.each([
    ['a Job (cdk8s-plus does not select its pods)', (chart: Chart) => new kplus.Job(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api:1' }] })],
    ['a Deployment with select: false', (chart: Chart) => new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, select: false, containers: [{ image: 'api:1' }] })],
  ])('selects the pods of %s by the cdk8s.io/metadata.addr label cdk8s-plus puts on them', (_what, make) => {
    const chart = newChart();
    const workload = make(chart);
    new ExposedService(chart, 'svc', { metadata: { name: 'api' }, target: ServiceTarget.fromKplus(workload), ports: [{ port: 80 }] });
    const [pods, service] = synth(chart);
    const podLabels = pods.spec.template.metadata.labels;
    expect(podLabels['cdk8s.io/metadata.addr']).toBeDefined();
    expect(service.spec.selector).toEqual({ 'cdk8s.io/metadata.addr': podLabels['cdk8s.io/metadata.addr'] });
  });

  test('fails when the workload selects labels its pods do not carry (cdk8s-plus select() labels no pod), with the line that labels them', () => {
    const chart = newChart();
    const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, select: false, containers: [{ image: 'api:1' }] });
    api.select(kplus.LabelSelector.of({ labels: { app: 'web' } }));
    new ExposedService(chart, 'svc', { metadata: { name: 'api' }, target: ServiceTarget.fromKplus(api), ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain("ExposedService 'api': spec.selector: target cdk8s-plus Deployment 'api' selects app=web, which its pods do not carry (cdk8s-plus select() does not label the pods), "
      + 'so the Service would select none of them; label the pods too: deployment.podMetadata.addLabel("app", "web").');
  });

  test('refuses a cdk8s-plus object that is not a workload at the fromKplus() call', () => {
    const chart = newChart();
    const config = new kplus.ConfigMap(chart, 'cm', { metadata: { name: 'cm' } });
    expect(() => ServiceTarget.fromKplus(config as any)).toThrow(
      "ServiceTarget.fromKplus(): cdk8s-plus ConfigMap 'cm' is not a workload (it has no podMetadata and containers); pass a cdk8s-plus Pod, Deployment, StatefulSet, DaemonSet, Job or CronJob.");
  });

  test('names the adapter when a cdk8s-plus workload or a map of labels is passed as target itself (plain JavaScript)', () => {
    const chart = newChart();
    const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api:1' }] });
    expect(() => new ExposedService(chart, 'a', { target: api as any, ports: [{ port: 80 }] })).toThrow(
      'target: is a Deployment instance, not an IServiceTarget; wrap a cdk8s-plus workload: target: ServiceTarget.fromKplus(workload).');
    expect(() => new ExposedService(chart, 'b', { target: { app: 'web' } as any, ports: [{ port: 80 }] })).toThrow(
      'target: is an object, not an IServiceTarget; select pods by label with target: ServiceTarget.fromLabels({"app":"web"}), or selector: { ... }.');
  });

  test('keeps cdk8s-plus-28 a type-only import in the library', () => {
    // A run-time import would load all of cdk8s-plus-28 (~95 ms) with the library.
    const dir = path.join(__dirname, '..', 'src');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect({ file, runtimeImports: text.match(/^import (?!type )[^;]*from 'cdk8s-plus-28'/gm) ?? [] }).toEqual({ file, runtimeImports: [] });
    }
  });
});

describe('ServiceTarget.fromKplus() follows JSON patches of the workload\'s ApiObject (review 29 B5)', () => {
  function setup(...patches: JsonPatch[]) {
    const chart = newChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx:1.27', ports: [{ number: 80, name: 'http' }], securityContext: { ensureNonRoot: false } }] });
    d.podMetadata.addLabel('app', 'web');
    d.select(kplus.LabelSelector.of({ labels: { app: 'web' } }));
    ExposedService.clusterIp(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(d), ports: [{ port: 80, targetPort: 'http' }] });
    d.apiObject.addJsonPatch(...patches);
    return chart;
  }

  test('GIVEN the pods\' label and selector patched WHEN synthesized THEN the Service selects what the patched Deployment selects', () => {
    const chart = setup(JsonPatch.replace('/spec/selector/matchLabels/app', 'api'), JsonPatch.replace('/spec/template/metadata/labels/app', 'api'));
    expect(only(synth(chart), 'Service').spec.selector.app).toBe('api');
  });

  test('GIVEN the named container port patched WHEN synthesized THEN the targetPort is checked against the patched ports', () => {
    const chart = setup(JsonPatch.replace('/spec/template/spec/containers/0/ports/0/name', 'web'));
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "http" names no container port of cdk8s-plus Deployment');
  });

  test('GIVEN a namespace patched into the Deployment WHEN synthesized THEN the Service without one is refused', () => {
    const chart = setup(JsonPatch.add('/metadata/namespace', 'shop'));
    expect(synthError(chart)).toContain('metadata.namespace: is not set, and so differs from the namespace "shop" of cdk8s-plus Deployment');
  });
});

describe('ServiceTarget.fromKplus() of a patched Pod or Job (review 30 A3, A4)', () => {
  test('GIVEN a cdk8s-plus Pod with an unrelated JSON patch WHEN a Service targets it THEN it still selects the pod by its address label', () => {
    const chart = newChart();
    const pod = new kplus.Pod(chart, 'p', { metadata: { labels: { app: 'web', tier: 'x' } }, containers: [{ image: 'nginx:1.27', ports: [{ number: 80, name: 'http' }], securityContext: { ensureNonRoot: false } }] });
    pod.apiObject.addJsonPatch(JsonPatch.add('/metadata/annotations', { team: 'a' }));
    ExposedService.clusterIp(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(pod), ports: [{ port: 80, targetPort: 'http' }] });
    expect(Object.keys(only(synth(chart), 'Service').spec.selector)).toEqual(['cdk8s.io/metadata.addr']);
  });

  test('GIVEN a cdk8s-plus Deployment that selects a label its pods lack, with an unrelated patch WHEN a Service targets it THEN it is refused', () => {
    const chart = newChart();
    const d = new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx:1.27', securityContext: { ensureNonRoot: false } }] });
    d.select(kplus.LabelSelector.of({ labels: { app: 'web' } }));
    d.apiObject.addJsonPatch(JsonPatch.add('/metadata/annotations', { team: 'a' }));
    ExposedService.clusterIp(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(d), ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain('selects app=web, which its pods do not carry');
  });
});

describe('ServiceTarget.fromKplus() of a patched Job that uses select() (review 31 A8)', () => {
  test('GIVEN a cdk8s-plus Job with select() and labelled pods, and an unrelated patch WHEN a Service targets it THEN it selects the select() labels', () => {
    const chart = newChart();
    const job = new kplus.Job(chart, 'j', { containers: [{ image: 'busybox:1.36', securityContext: { ensureNonRoot: false } }], podMetadata: { labels: { app: 'web' } } });
    job.select(kplus.LabelSelector.of({ labels: { app: 'web' } }));
    job.apiObject.addJsonPatch(JsonPatch.add('/metadata/annotations', { team: 'a' }));
    ExposedService.clusterIp(chart, 's', { metadata: { name: 's' }, target: ServiceTarget.fromKplus(job), ports: [{ port: 80 }] });
    expect(only(synth(chart), 'Service').spec.selector).toEqual({ app: 'web' });
  });
});
