import * as fs from 'fs';
import * as path from 'path';
import { Lazy, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { k8s as k8s32 } from 'cdk8s-plus-32';
import { InitStep, PlainPod, ServiceType, Workload } from '../src';
import { newChart } from './util';
import { Problems } from '../src/problems';
import { checkProps, isInstance, LIBRARY_CLASS, readProps, readPropsInto } from '../src/props';

/** The message checkProps throws, or undefined. */
function errorOf(subject: string, type: string, props: unknown): string | undefined {
  try {
    checkProps(subject, type, props);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('the props schema (src/props-schema.ts)', () => {
  test('is what scripts/gen-props-schema.js generates from the interfaces of src/ today', () => {
    // GIVEN the committed file
    const committed = fs.readFileSync(path.join(__dirname, '..', 'src', 'props-schema.ts'), 'utf8');
    // WHEN the generator runs in memory
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { out } = require('../scripts/gen-props-schema.js').generate();
    // THEN they are the same: rerun `node scripts/gen-props-schema.js` when this fails
    expect(committed).toEqual(out);
  }, 60_000);
});

describe('checkProps', () => {
  test('accepts valid props with plain values, cdk8s-plus-28 wrappers and values of another cdk8s-plus version', () => {
    expect(errorOf("PlainPod 'p'", 'PlainPodProps', {
      metadata: { name: 'p', labels: { app: 'p' } },
      workload: Workload.deployment({ replicas: 2, strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } } }),
      containers: [
        { name: 'a', image: 'nginx', resources: { limits: { cpu: '500m', memory: '128Mi' } }, livenessProbe: { httpGet: { port: 8080 } } },
        { name: 'b', image: 'nginx', resources: { limits: { cpu: k8s.Quantity.fromString('1') } }, readinessProbe: { tcpSocket: { port: k8s.IntOrString.fromString('http') } } },
        { name: 'c', image: 'nginx', resources: { limits: { cpu: k8s32.Quantity.fromString('1') } }, lifecycle: { preStop: { sleep: { seconds: 3 } } } },
      ],
      volumes: [{ name: 'v', emptyDir: { sizeLimit: '1Gi' } }],
      overhead: { cpu: '10m' },
      hostPid: false,
    })).toBeUndefined();
  });

  test('throws one error that names the object and every problem, at any depth, with the nearest valid name', () => {
    // WHEN props come with misspelt keys at three depths (plain JavaScript, as any, spread config)
    const message = errorOf("ExposedService 'web'", 'ExposedServiceProps', {
      type: ServiceType.LOAD_BALANCER,
      selector: { app: 'web' },
      loadBalancerSourceRange: ['10.0.0.0/8'],
      ports: [{ port: 80, nodeport: 30080 }],
    });
    // THEN
    expect(message).toEqual([
      "ExposedService 'web' has 2 problems:",
      '    - loadBalancerSourceRange: is not a field of ExposedServiceProps; did you mean loadBalancerSourceRanges?',
      '    - ports[0].nodeport: is not a field of ServicePort; did you mean nodePort?',
    ].join('\n'));
  });

  test('checks Kubernetes structs by the 1.32 schema, converting in the same walk', () => {
    expect(errorOf("PlainPod 'p'", 'PlainPodProps', {
      containers: [{ name: 'a', image: 'nginx', imagePullPolcy: 'Always', ports: [{ containerPort: '80' }] }],
    })).toEqual([
      "PlainPod 'p' has 2 problems:",
      '    - containers[0].imagePullPolcy: is not a field of Container; did you mean imagePullPolicy?',
      '    - containers[0].ports[0].containerPort: "80" is a string, but ContainerPort.containerPort takes an int32 (a whole number); write 80 without quotes.',
    ].join('\n'));
  });

  test.each([
    ['a string for a number', 'ExposedServiceProps', { ports: [{ port: '80' }] },
      'ports[0].port: "80" is a string, but ServicePort.port takes a number; write 80 without quotes.'],
    ['a value not in the enum', 'ExposedServiceProps', { type: 'Nodeport' },
      'type: "Nodeport" is not a ServiceType (ExposedServiceProps.type); did you mean ServiceType.NODE_PORT ("NodePort")?'],
    ['a value far from every enum member', 'ExposedServiceProps', { sessionAffinity: 'sticky' },
      'sessionAffinity: "sticky" is not a SessionAffinity (ExposedServiceProps.sessionAffinity); use one of SessionAffinity.NONE ("None"), SessionAffinity.CLIENT_IP ("ClientIP").'],
    ['a string where a library class goes', 'PlainPodProps', { containers: [], workload: 'Deployment' },
      'workload: "Deployment" is a string, not a Workload; use Workload.pod(), Workload.deployment(...), Workload.statefulSet(...), Workload.daemonSet(...), Workload.job(...) or Workload.cronJob(...).'],
    ['a plain object where a library class goes', 'PlainPodProps', { containers: [], workload: { kind: 'Deployment' } },
      'workload: is an object, not a Workload; use Workload.pod(), Workload.deployment(...), Workload.statefulSet(...), Workload.daemonSet(...), Workload.job(...) or Workload.cronJob(...).'],
    ['a missing required field', 'PlainPodProps', { metadata: { name: 'p' } },
      'containers: is missing; PlainPodProps.containers is required.'],
    ['a list given as one value', 'ExposedServiceProps', { loadBalancerSourceRanges: '10.0.0.0/8' },
      'loadBalancerSourceRanges: "10.0.0.0/8" is a string, but ExposedServiceProps.loadBalancerSourceRanges takes a list; write a list: ["10.0.0.0/8"].'],
    ['a number for a string in a map', 'ExposedServiceProps', { selector: { app: 1 } },
      'selector[app]: 1 is a number, but ExposedServiceProps.selector takes a string; write it as a string: "1".'],
    ['a misspelt metadata field', 'PlainPodProps', { containers: [], metadata: { lables: { a: 'b' } } },
      'metadata.lables: is not a field of ApiObjectMetadata; did you mean labels?'],
    ['a target that is not a pattern', 'ExposedServiceProps', { target: 'web' },
      'target: "web" is a string, not an IServiceTarget; pass an object that implements it (selectorLabels(), containerPorts()), e.g. a pattern of this library.'],
    ['a union member of the wrong kind', 'ExposedServiceProps', { ports: [{ port: 80, targetPort: true }] },
      'ports[0].targetPort: true is a boolean, but ServicePort.targetPort takes a string or a number.'],
    ['props that are no object', 'PlainPodProps', null,
      'is null, but PlainPodProps is an object of fields; pass { ... }.'],
    ['a wrong type in the options of a workload', 'DeploymentOptions', { replicas: '3' },
      'replicas: "3" is a string, but DeploymentOptions.replicas takes a number; write 3 without quotes.'],
  ])('reports %s', (_what, type, props, problem) => {
    expect(errorOf('X', type, props)).toEqual(`X: ${problem}`);
  });

  test('recognises a library class made by another copy of the package', () => {
    // GIVEN a Workload of a second copy (another class of the same name) and one carrying the class symbol
    class Workload2 {}
    Object.defineProperty(Workload2, 'name', { value: 'Workload' });
    const branded = Object.create({ [LIBRARY_CLASS]: 'Workload' });
    // THEN both are taken as Workloads, a look-alike plain object is not
    expect(isInstance(new Workload2(), 'Workload')).toBe(true);
    expect(isInstance(branded, 'Workload')).toBe(true);
    expect(isInstance(Workload.pod(), 'Workload')).toBe(true);
    expect(isInstance({ kind: 'Pod' }, 'Workload')).toBe(false);
    expect(isInstance(Workload.pod(), 'SecurityProfile')).toBe(false);
  });

  test('accepts a pattern of this library as a Service target', () => {
    const pod = new PlainPod(newChart(), 'p', { metadata: { labels: { app: 'p' } }, containers: [{ name: 'c', image: 'nginx' }] });
    expect(errorOf('X', 'ExposedServiceProps', { target: pod, ports: [{ port: 80 }] })).toBeUndefined();
  });

  test('leaves cdk8s tokens to cdk8s wherever a value goes', () => {
    // GIVEN values known only at synth time
    const replicas = Lazy.any({ produce: () => 3 });
    const image = Lazy.any({ produce: () => 'nginx' });
    // THEN they are not type errors, and they are kept as they are
    expect(errorOf('X', 'DeploymentOptions', { replicas })).toBeUndefined();
    const out = readProps('X', 'PlainPodProps', { containers: [{ name: 'c', image }] });
    expect(out.containers[0].image).toBe(image);
    // but a token is no Workload
    expect(errorOf('X', 'PlainPodProps', { containers: [], workload: replicas })).toMatch(/^X: workload: is a Lazy instance, not a Workload; use Workload.pod\(\), Workload.deployment\(...\), Workload.statefulSet\(...\), Workload.daemonSet\(...\), Workload.job\(...\) or Workload.cronJob\(...\).$/);
  });

  test('refuses a token where the pattern reads the value when it is built: a list, a map, a string, a whole struct (review 13 B10)', () => {
    const lazy = Lazy.any({ produce: () => [] });
    expect(errorOf('X', 'PlainPodProps', { containers: lazy })).toBe(
      'X: containers: is a cdk8s token (a Lazy instance), but PlainPodProps.containers is read when the object is built, before tokens resolve; pass the value itself.');
    expect(errorOf('X', 'PlainPodProps', { containers: [], metadata: { labels: lazy } })).toContain('metadata.labels: is a cdk8s token (a Lazy instance), but ApiObjectMetadata.labels is read');
    expect(errorOf('X', 'SidecarLoggedAppProps', { app: lazy })).toContain('app: is a cdk8s token (a Lazy instance), but SidecarLoggedAppProps.app is read');
    expect(errorOf('X', 'InitPodProps', { containers: [], filesMountPath: lazy })).toContain('filesMountPath: is a cdk8s token');
  });

  test('fails loudly on a props interface it does not know', () => {
    expect(() => checkProps('X', 'NoSuchProps', {})).toThrow(/no props interface 'NoSuchProps'/);
  });
});

describe('readProps', () => {
  test('returns the props with Kubernetes structs as manifest JSON, copied, and class instances by reference', () => {
    // GIVEN
    const workload = Workload.deployment();
    const containers = [{ name: 'c', image: 'nginx', resources: { limits: { cpu: k8s.Quantity.fromString('1') } }, ports: [{ containerPort: 80, hostIp: '127.0.0.1' }] }];
    const props = { containers, workload, hostPid: true, overhead: { cpu: k8s.Quantity.fromString('10m') }, metadata: { labels: { a: 'b' } } };
    // WHEN
    const out = readProps("PlainPod 'p'", 'PlainPodProps', props);
    // THEN
    expect(out.containers).toEqual([{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1' } }, ports: [{ containerPort: 80, hostIP: '127.0.0.1' }] }]);
    expect(out.overhead).toEqual({ cpu: '10m' });
    expect(out.workload).toBe(workload);
    expect(out.hostPid).toBe(true);
    containers[0].image = 'changed';
    props.metadata.labels.a = 'changed';
    expect(out.containers[0].image).toBe('nginx');
    expect(out.metadata.labels.a).toBe('b');
  });

  test('reads fields inherited through the prototype, as props.field would, and checks their names too', () => {
    // GIVEN props made with Object.create(defaults), and a class whose fields are getters
    const defaults = { containers: [{ name: 'c', image: 'nginx' }], restartPolicy: 'Never' };
    const props = Object.create(defaults);
    props.metadata = { name: 'p' };
    class Props {
      public get containers() {
        return [{ name: 'c', image: 'nginx' }];
      }
      public get hostPid() {
        return true;
      }
    }
    // THEN
    expect(readProps("PlainPod 'p'", 'PlainPodProps', props)).toEqual({
      metadata: { name: 'p' }, containers: [{ name: 'c', image: 'nginx' }], restartPolicy: 'Never',
    });
    expect(readProps("PlainPod 'p'", 'PlainPodProps', new Props())).toEqual({ containers: [{ name: 'c', image: 'nginx' }], hostPid: true });
    const misspelt = Object.create({ containers: [{ name: 'c', image: 'nginx' }], restartPolicyy: 'Never' });
    expect(() => readProps("PlainPod 'p'", 'PlainPodProps', misspelt)).toThrow("PlainPod 'p': restartPolicyy: is not a field of PlainPodProps; did you mean restartPolicy?");
  });

  test('inherited props reach the manifest of a pattern', () => {
    const chart = newChart();
    const props = Object.create({ containers: [{ name: 'c', image: 'nginx' }], restartPolicy: 'Never' });
    props.metadata = { name: 'p' };
    new PlainPod(chart, 'p', props);
    const pod = Testing.synth(chart)[0];
    expect(pod.spec).toEqual({ restartPolicy: 'Never', containers: [{ name: 'c', image: 'nginx' }] });
  });

  test('can add its problems to the problems of the object, under a path', () => {
    const problems = new Problems();
    readPropsInto('ServicePort', { port: 80, protocl: 'TCP' }, 'ports[0]', problems);
    expect(problems.messages).toEqual(['ports[0].protocl: is not a field of ServicePort; did you mean protocol?']);
  });
});

describe('checkProps with numbers that are not finite', () => {
  test('names NaN as it is, not as JSON writes it (null)', () => {
    expect(() => checkProps('X', 'ServicePort', { port: NaN })).toThrow('X: port: NaN is not a finite number, but ServicePort.port takes a number.');
  });
});

describe('numbers that JSON cannot write', () => {
  test('Infinity fails at construction, named as Infinity, instead of becoming null in the YAML', () => {
    expect(() => Workload.deployment({ replicas: Infinity })).toThrow('Workload.deployment(): replicas: Infinity is not a finite number; DeploymentOptions.replicas takes a number (JSON writes Infinity as null).');
    expect(() => InitStep.waitForTcp('db', 5432, { timeoutSeconds: -Infinity })).toThrow('timeoutSeconds: -Infinity must be a whole number of seconds, at least 1');
  });
});
