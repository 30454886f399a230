import { JsonPatch, Lazy } from 'cdk8s';
import { PlainPod, ServiceTarget, ServiceType, Workload, WorkloadKind } from '../src';
import { newChart, only, synth, synthError } from './util';

const hello = { name: 'hello', image: 'busybox:latest', command: ['sh', '-c', 'echo hello'] };

describe('PlainPod', () => {
  test('writes only what was declared', () => {
    const chart = newChart();
    new PlainPod(chart, 'hello', { metadata: { name: 'hello' }, containers: [hello] });
    expect(synth(chart)).toEqual([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'hello' }, spec: { containers: [hello] } }]);
  });

  test('adds containers, init containers and volumes after construction', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'hello', { metadata: { name: 'hello' }, containers: [hello] });
    pod.addInitContainer({ name: 'setup', image: 'busybox', command: ['true'] });
    pod.addVolume({ name: 'data', emptyDir: {} });
    pod.addContainer({ name: 'worker', image: 'busybox', volumeMounts: [{ name: 'data', mountPath: '/data' }] });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['setup']);
    expect(spec.containers.map((c: any) => c.name)).toEqual(['hello', 'worker']);
    expect(spec.volumes).toEqual([{ name: 'data', emptyDir: {} }]);
    expect(pod.containers).toHaveLength(2);
  });

  test('generates a name when none is declared', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'hello', { containers: [hello] });
    expect(pod.name).toMatch(/^test-hello-c8[0-9a-f]+$/);
    expect(only(synth(chart), 'Pod').metadata.name).toBe(pod.name);
  });

  test('is a Deployment whose selector and template labels are the declared labels', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'hello', {
      metadata: { name: 'hello', labels: { app: 'hello' } },
      workload: Workload.deployment({ replicas: 2, minReadySeconds: 5 }),
      containers: [hello],
    });
    expect(pod.workload.kind).toBe(WorkloadKind.DEPLOYMENT);
    expect(synth(chart)).toEqual([{
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'hello', labels: { app: 'hello' } },
      spec: {
        replicas: 2,
        minReadySeconds: 5,
        selector: { matchLabels: { app: 'hello' } },
        template: { metadata: { labels: { app: 'hello' } }, spec: { containers: [hello] } },
      },
    }]);
  });

  test('fails when a Deployment has no labels to select its pods', () => {
    const chart = newChart();
    new PlainPod(chart, 'hello', { metadata: { name: 'hello' }, workload: Workload.deployment(), containers: [hello] });
    expect(synthError(chart)).toContain("PlainPod 'hello': spec.selector: a Deployment selects its pods by label and none are declared; set selector.matchLabels and the same labels on the pod template (PlainPod, InitPod and SidecarLoggedApp built with Workload.deployment(), statefulSet() or daemonSet() write their metadata.labels, e.g. { app: 'web' }, into both).");
  });

  test('fails when a mount names an undeclared volume', () => {
    const chart = newChart();
    new PlainPod(chart, 'hello', { metadata: { name: 'hello' }, containers: [{ ...hello, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] });
    expect(synthError(chart)).toContain('spec.containers[0].volumeMounts[0].name: "data" names no volume of this pod; declare it in volumes or use one of (none declared).');
  });
});

describe('PlainPod field names', () => {
  test('writes the Kubernetes spelling of fields the typed props spell differently', () => {
    const chart = newChart();
    new PlainPod(chart, 'hello', {
      metadata: { name: 'hello' },
      hostPid: true,
      containers: [{ ...hello, ports: [{ containerPort: 8080, hostIp: '127.0.0.1', hostPort: 8080 }] }],
    });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.hostPID).toBe(true);
    expect(spec.hostPid).toBeUndefined();
    expect(spec.containers[0].ports).toEqual([{ containerPort: 8080, hostIP: '127.0.0.1', hostPort: 8080 }]);
  });
});

describe('PlainPod.expose()', () => {
  test('creates a Service next to the pod that selects it by its labels', () => {
    // GIVEN
    const chart = newChart();
    const pod = new PlainPod(chart, 'hello', { metadata: { name: 'hello', labels: { app: 'hello' } }, containers: [{ ...hello, ports: [{ name: 'http', containerPort: 8080 }] }] });
    // WHEN
    const svc = pod.expose('hello-svc', { metadata: { name: 'hello' }, type: ServiceType.NODE_PORT, ports: [{ port: 80, targetPort: 'http' }] });
    // THEN
    expect(svc.node.scope).toBe(chart);
    expect(svc.target).toBe(pod);
    expect(only(synth(chart), 'Service').spec).toEqual({ type: 'NodePort', selector: { app: 'hello' }, ports: [{ port: 80, targetPort: 'http' }] });
  });

  test('refuses a props.target that is another object', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'hello', { metadata: { name: 'hello', labels: { app: 'hello' } }, containers: [hello] });
    expect(() => pod.expose('svc', { ports: [{ port: 80 }], target: ServiceTarget.fromLabels({ app: 'other' }) })).toThrow(
      "PlainPod 'hello': expose() makes a Service for this object's pods, but props.target names pods labelled app=other; remove target, or create the ExposedService directly.",
    );
  });
});

describe('PlainPod unknown fields', () => {
  test('fails on a misspelt field with the field it probably meant', () => {
    // GIVEN a field the 1.28 Container does not have (through a cast, as plain JavaScript would pass it)
    const chart = newChart();
    // THEN it fails at once, at construction (issue 11: no prop is dropped silently)
    expect(() => new PlainPod(chart, 'hello', { metadata: { name: 'hello' }, containers: [{ ...hello, imagePullPolcy: 'Always' } as any] }))
      .toThrow("PlainPod 'hello': containers[0].imagePullPolcy: is not a field of Container; did you mean imagePullPolicy?");
  });

  test('fails on an unknown field added through the escape hatch', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'hello', { metadata: { name: 'hello' }, containers: [hello] });
    pod.apiObject.addJsonPatch(JsonPatch.add('/spec/frobnicate', true));
    expect(synthError(chart)).toContain('spec.frobnicate: is not a field of PodSpec in Kubernetes 1.32; remove it');
  });
});

describe('PlainPod tokens', () => {
  test('resolves a cdk8s Lazy inside a container at synth time, and validates the resolved value', () => {
    // GIVEN an image decided after the pod is declared
    const chart = newChart();
    let image = 'busybox:1.36';
    new PlainPod(chart, 'hello', { metadata: { name: 'hello' }, containers: [{ name: 'hello', image: Lazy.any({ produce: () => image }) }] });
    image = 'busybox:1.37';
    // THEN the manifest holds the produced value
    expect(only(synth(chart), 'Pod').spec.containers[0].image).toBe('busybox:1.37');
    // AND a bad produced value is reported like any other
    image = '';
    expect(synthError(chart)).toContain('spec.containers[0].image: container "hello" has no image');
  });
});

describe('podMetadata of a bare Pod', () => {
  test('rejects an annotation that contradicts metadata.annotations, as it does a label, instead of dropping it', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p', annotations: { n: '1', same: 'x' } }, podMetadata: { annotations: { n: '2', same: 'x', more: 'y' } }, containers: [{ name: 'c', image: 'busybox' }] });
    expect(synthError(chart)).toContain("PlainPod 'p': podMetadata.annotations: n=\"2\" contradicts metadata.annotations n=\"1\"; for a bare Pod both are its own annotations: keep one value.");
  });

  test('merges annotations that agree or do not overlap', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p', annotations: { same: 'x' } }, podMetadata: { annotations: { same: 'x', more: 'y' } }, containers: [{ name: 'c', image: 'busybox' }] });
    expect(only(synth(chart), 'Pod').metadata.annotations).toEqual({ more: 'y', same: 'x' });
  });
});

describe('a class instance where JSON goes', () => {
  test('fails at synth naming the field and the class, not only "can\'t render non-simple object"', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [{ name: 'c', image: 'busybox', resources: { limits: new Map([['cpu', '1']]) as any } }] });
    expect(() => synth(chart)).toThrow("Failed serializing construct at path 'test/p' with name 'p': Error: can't render non-simple object: spec.containers[0].resources.limits: is a Map instance, which is not JSON; write a plain object or value there (or one that a resolver of the app turns into JSON)");
  });
});
