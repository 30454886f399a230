import { ApiObject, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { InitPod, InitStep, Workload } from '../src';
import { fixture, newChart, only, synth, synthError } from './util';

const initContainer = {
  name: 'init-container',
  image: 'busybox:latest',
  command: ['sh', '-c', "echo 'Initialization started...'; sleep 10; echo 'Initialization completed.'"],
};
const mainContainer = {
  name: 'main-container',
  image: 'busybox:latest',
  command: ['sh', '-c', "echo 'Main container started'"],
};

describe('InitPod', () => {
  test('synthesizes exactly the seed init-container.yml', () => {
    // GIVEN
    const chart = newChart();
    // WHEN
    new InitPod(chart, 'init-test', {
      metadata: { name: 'init-test' },
      initContainers: [initContainer],
      containers: [mainContainer],
    });
    // THEN
    expect(synth(chart)).toEqual(fixture('init-container.yml'));
  });

  test('keeps init containers in the declared order', () => {
    const chart = newChart();
    const steps = ['prepare-config', 'check-env', 'download', 'wait-for-db'].map((name) => ({ name, image: 'busybox:1.36', command: ['true'] }));
    new InitPod(chart, 'p', { initContainers: steps, containers: [mainContainer] });
    const pod = only(synth(chart), 'Pod');
    expect(pod.spec.initContainers.map((c: any) => c.name)).toEqual(['prepare-config', 'check-env', 'download', 'wait-for-db']);
  });

  test('exposes the API object and the pod name', () => {
    const chart = newChart();
    const pod = new InitPod(chart, 'init-test', { metadata: { name: 'init-test' }, initContainers: [initContainer], containers: [mainContainer] });
    expect(pod.name).toBe('init-test');
    expect(pod.apiObject.kind).toBe('Pod');
    expect(pod.apiObject.apiVersion).toBe('v1');
    expect(ApiObject.of(pod)).toBe(pod.apiObject);
  });

  test('sets any other PodSpec field exactly as given', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'p' },
      initContainers: [initContainer],
      containers: [mainContainer],
      restartPolicy: 'Never',
      nodeSelector: { disktype: 'ssd' },
      serviceAccountName: 'app',
      terminationGracePeriodSeconds: 5,
      volumes: [{ name: 'config', configMap: { name: 'app-config' } }],
    });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.restartPolicy).toBe('Never');
    expect(spec.nodeSelector).toEqual({ disktype: 'ssd' });
    expect(spec.serviceAccountName).toBe('app');
    expect(spec.terminationGracePeriodSeconds).toBe(5);
    expect(spec.volumes).toEqual([{ name: 'config', configMap: { name: 'app-config' } }]);
    expect(Object.keys(spec).sort()).toEqual(['containers', 'initContainers', 'nodeSelector', 'restartPolicy', 'serviceAccountName', 'terminationGracePeriodSeconds', 'volumes']);
  });

  test('writes Quantity and IntOrString values as plain JSON', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      initContainers: [initContainer],
      containers: [{
        ...mainContainer,
        resources: {
          requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('64Mi') },
          limits: { cpu: k8s.Quantity.fromNumber(1) },
        },
        readinessProbe: { httpGet: { port: k8s.IntOrString.fromNumber(8080), path: '/healthz' } },
        livenessProbe: { tcpSocket: { port: k8s.IntOrString.fromString('http') } },
        ports: [{ name: 'http', containerPort: 8080 }],
      }],
    });
    const c = only(synth(chart), 'Pod').spec.containers[0];
    expect(c.resources).toEqual({ requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1 } });
    expect(c.readinessProbe.httpGet.port).toBe(8080);
    expect(c.livenessProbe.tcpSocket.port).toBe('http');
  });

  test('runs as a Deployment with replicas, sharing the pod spec', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'init-test', labels: { app: 'init-test' } },
      workload: Workload.deployment({ replicas: 3 }),
      initContainers: [initContainer],
      containers: [mainContainer],
    });
    const d = only(synth(chart), 'Deployment');
    expect(d.apiVersion).toBe('apps/v1');
    expect(d.spec.replicas).toBe(3);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'init-test' } });
    expect(d.spec.template.metadata).toEqual({ labels: { app: 'init-test' } });
    expect(d.spec.template.spec).toEqual(fixture('init-container.yml')[0].spec);
  });

  test('fails when there is no init container', () => {
    const chart = newChart();
    new InitPod(chart, 'p', { metadata: { name: 'init-test' }, initContainers: [], containers: [mainContainer] });
    expect(synthError(chart)).toContain("InitPod 'init-test': spec.initContainers: an InitPod needs at least one init container that runs to completion; add one (initContainers or initSteps), or use PlainPod for a pod without init steps.");
  });

  test('fails when neither initContainers nor initSteps are given', () => {
    const chart = newChart();
    new InitPod(chart, 'p', { metadata: { name: 'init-test' }, containers: [mainContainer] });
    expect(synthError(chart)).toContain("InitPod 'init-test': spec.initContainers: an InitPod needs at least one init container that runs to completion; add one (initContainers or initSteps), or use PlainPod for a pod without init steps.");
  });

  test('needs no initContainers when initSteps are given', () => {
    const chart = newChart();
    const pod = new InitPod(chart, 'p', { metadata: { name: 'init-test' }, initSteps: [InitStep.waitForTcp('mysql', 3306)], containers: [mainContainer] });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['wait-for-mysql']);
    expect(pod.initSteps.map((s) => s.name)).toEqual(['wait-for-mysql']);
    expect(spec.containers).toEqual([mainContainer]);
  });

  test('fails when there is no main container', () => {
    const chart = newChart();
    new InitPod(chart, 'p', { metadata: { name: 'init-test' }, initContainers: [initContainer], containers: [] });
    expect(synthError(chart)).toContain("InitPod 'init-test': spec.containers: a pod needs at least one main container; add one.");
  });

  test('fails when an init container and a main container share a name', () => {
    const chart = newChart();
    new InitPod(chart, 'p', { metadata: { name: 'init-test' }, initContainers: [initContainer], containers: [{ ...mainContainer, name: 'init-container' }] });
    expect(synthError(chart)).toContain('spec.initContainers[0].name: container name "init-container" is already used by spec.containers[0]; give each container (init and main) a unique name.');
  });

  test('fails when two steps write one file, or a file where another step needs its folder', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'init-test' },
      initSteps: [
        InitStep.download('https://example.com/a', 'conf', { name: 'a' }),
        InitStep.download('https://example.com/b', 'conf', { name: 'b' }),
        InitStep.renderTemplate('x=1\n', 'conf/app.ini', { inline: true }),
        InitStep.download('https://example.com/c', 'confx/app.ini', { name: 'c' }),
      ],
      containers: [mainContainer],
    });
    const error = synthError(chart);
    expect(error).toContain("initSteps: InitStep 'b': path: \"conf\" is also written by InitStep 'a', whose file this step would replace; write another path, or remove one of the steps.");
    expect(error).toContain("initSteps: InitStep 'render-app-ini': path: \"conf/app.ini\" collides with \"conf\" of InitStep 'a': \"conf\" would be a file and the folder of \"conf/app.ini\", so on every start the later step fails (mkdir: File exists) or moves its file into that folder; write the file elsewhere.");
    expect(error).not.toContain("InitStep 'c'");
  });

  test('fails when a step writes the partial file of another step\'s path', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'init-test' },
      initSteps: [InitStep.download('https://example.com/a', 'a.json.part', { name: 'a' }), InitStep.download('https://example.com/b', 'a.json', { name: 'b' })],
      containers: [mainContainer],
    });
    expect(synthError(chart)).toContain("initSteps: InitStep 'b': path: \"a.json\" collides with \"a.json.part\" of InitStep 'a': \"a.json.part\" is where the step writing \"a.json\" keeps its partial file and removes it, so one step's file would be moved or deleted by the other; write the file elsewhere.");
  });

  test('reports every problem of one pod in one message', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'Init_Test' },
      initContainers: [{ ...initContainer, image: '' }],
      containers: [{ ...mainContainer, volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
    });
    const message = synthError(chart);
    expect(message).toContain("InitPod 'Init_Test' has 3 problems:");
    expect(message).toContain('metadata.name: "Init_Test" is not valid as an object name');
    expect(message).toContain('spec.initContainers[0].image: container "init-container" has no image');
    expect(message).toContain('spec.containers[0].volumeMounts[0].name: "data" names no volume of this pod');
  });

  test('checks escape-hatch edits too', () => {
    const chart = newChart();
    const pod = new InitPod(chart, 'p', { metadata: { name: 'init-test' }, initContainers: [initContainer], containers: [mainContainer] });
    pod.apiObject.addJsonPatch(JsonPatch.replace('/spec/containers/0/name', 'init-container'));
    expect(synthError(chart)).toContain('spec.initContainers[0].name: container name "init-container" is already used by spec.containers[0]');
  });
});

describe('an InitPod whose init containers a JSON patch made no list (review 60 T2)', () => {
  test.each([['a string', 'x'], ['an object', { a: 1 }]])('GIVEN initContainers patched into %s WHEN synthesized THEN the decoder\'s message, not a TypeError', (_what, value) => {
    const chart = newChart();
    new InitPod(chart, 'i', { metadata: { name: 'i' }, initSteps: [InitStep.waitForTcp('db', 5432)], containers: [{ name: 'app', image: 'app:1' }] })
      .apiObject.addJsonPatch(JsonPatch.replace('/spec/initContainers', value));
    const error = synthError(chart);
    expect(error).toContain('spec.initContainers: ');
    expect(error).toContain('PodSpec.initContainers takes a list of Container objects (the API server cannot decode it).');
    expect(error).not.toContain('TypeError');
  });

  test('GIVEN the whole spec patched into a string WHEN synthesized THEN no "needs at least one init container" beside the decoder\'s message (review 61 V3)', () => {
    const chart = newChart();
    new InitPod(chart, 'i', { metadata: { name: 'i' }, initSteps: [InitStep.waitForTcp('db', 5432)], containers: [{ name: 'app', image: 'app:1' }] })
      .apiObject.addJsonPatch(JsonPatch.replace('/spec', 'x'));
    const error = synthError(chart);
    expect(error).toContain('spec: "x" is a string');
    expect(error).not.toContain('needs at least one init container');
  });

  test('GIVEN the spec removed by a patch WHEN synthesized THEN the InitPod problem is reported, as for an empty spec (review 63 X2)', () => {
    const chart = newChart();
    new InitPod(chart, 'i', { metadata: { name: 'i' }, initSteps: [InitStep.waitForTcp('db', 5432)], containers: [{ name: 'app', image: 'app:1' }] })
      .apiObject.addJsonPatch(JsonPatch.remove('/spec'));
    expect(synthError(chart)).toContain('an InitPod needs at least one init container that runs to completion');
  });
});
