import * as fs from 'fs';
import * as path from 'path';
import { Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { k8s as k8s32 } from 'cdk8s-plus-32';
import { decodeCheck, decodeProblemsNotReported, isK8sType, k8sFieldNames, toManifest, toManifestValue } from '../src/k8s-values';
import { Problems } from '../src/problems';

/** A pod spec that uses renamed fields, both value classes and nested structs. */
function richPodSpec(): k8s.PodSpec {
  return {
    hostPid: true,
    hostIpc: true,
    setHostnameAsFqdn: true,
    overhead: { cpu: k8s.Quantity.fromString('250m') },
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }],
        },
      },
    },
    containers: [{
      name: 'c',
      image: 'busybox',
      ports: [{ containerPort: 80, hostIp: '127.0.0.1', name: 'http' }],
      resources: { requests: { cpu: k8s.Quantity.fromString('100m') }, limits: { memory: k8s.Quantity.fromString('64Mi') } },
      readinessProbe: { httpGet: { port: k8s.IntOrString.fromString('http'), path: '/' } },
      env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
    }],
    volumes: [
      { name: 'a', awsElasticBlockStore: { volumeId: 'vol-1' } },
      { name: 'b', downwardApi: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      { name: 'c', emptyDir: { sizeLimit: k8s.Quantity.fromString('1Gi') } },
      { name: 'd', csi: { driver: 'x', volumeAttributes: { volumeId: 'kept-as-is' } } },
    ],
  };
}

describe('toManifest', () => {
  test('writes what the L1 toJson_PodSpec writes', () => {
    // GIVEN
    const spec = richPodSpec();
    // THEN
    expect(toManifest('PodSpec', spec)).toEqual(k8s.toJson_PodSpec(spec));
  });

  test('spells renamed fields the Kubernetes way but leaves map keys alone', () => {
    const out = toManifest('PodSpec', richPodSpec());
    expect(out.hostPID).toBe(true);
    expect(out.containers[0].ports[0].hostIP).toBe('127.0.0.1');
    expect(out.volumes[0].awsElasticBlockStore).toEqual({ volumeID: 'vol-1' });
    expect(out.volumes[1].downwardAPI).toBeDefined();
    expect(out.volumes[3].csi.volumeAttributes).toEqual({ volumeId: 'kept-as-is' });
  });

  test('accepts plain numbers and strings where the types want Quantity or IntOrString', () => {
    const out = toManifest('Container', {
      name: 'c',
      resources: { requests: { cpu: '100m', memory: 64 } },
      livenessProbe: { tcpSocket: { port: 8080 } },
    });
    expect(out.resources).toEqual({ requests: { cpu: '100m', memory: 64 } });
    expect(out.livenessProbe.tcpSocket.port).toBe(8080);
  });

  test('accepts the Kubernetes spelling of a renamed field', () => {
    expect(toManifest('PodSpec', { hostPID: true, containers: [] })).toEqual({ hostPID: true, containers: [] });
  });

  test('keeps fields it does not know, so they stay visible', () => {
    expect(toManifest('Container', { name: 'c', imagePullPolcy: 'Always' })).toEqual({ name: 'c', imagePullPolcy: 'Always' });
  });
});

describe('toManifestValue', () => {
  test('unwraps Quantity and IntOrString and keeps plain values', () => {
    expect(toManifestValue({
      a: k8s.Quantity.fromString('1Gi'),
      b: k8s.IntOrString.fromNumber(80),
      c: ['x', 1, true, null],
      d: { e: undefined, f: 0 },
    })).toEqual({ a: '1Gi', b: 80, c: ['x', 1, true, null], d: { f: 0 } });
  });

  test('copies, so later changes to the input do not leak into the output', () => {
    const input = { list: [{ n: 1 }] };
    const out = toManifestValue(input);
    input.list[0].n = 2;
    expect(out).toEqual({ list: [{ n: 1 }] });
  });
});

describe('the Kubernetes 1.32 schema (src/k8s-schema.ts)', () => {
  test('is what scripts/gen-k8s-schema.js generates from cdk8s-plus-32 today', () => {
    // GIVEN the committed file
    const committed = fs.readFileSync(path.join(__dirname, '..', 'src', 'k8s-schema.ts'), 'utf8');
    // WHEN the generator runs in memory
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { out } = require('../scripts/gen-k8s-schema.js').generate();
    // THEN they are the same: rerun `node scripts/gen-k8s-schema.js` when this fails
    expect(committed).toEqual(out);
  });

  test('knows every top-level kind the library writes or validates, and the 1.32 fields', () => {
    for (const kind of ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Service', 'ConfigMap', 'PersistentVolumeClaim', 'ObjectMeta']) {
      expect(isK8sType(kind)).toBe(true);
    }
    // 1.29+ fields cdk8s-plus-28 does not have
    expect(k8sFieldNames('LifecycleHandler')).toContain('sleep');
    expect(k8sFieldNames('SecurityContext')).toContain('appArmorProfile');
  });
});

describe('toManifest with the L1 modules of other cdk8s-plus versions', () => {
  test('writes what cdk8s-plus-32 toJson_PodSpec writes for a spec built with its classes', () => {
    // GIVEN a spec with cdk8s-plus-32 Quantity and IntOrString and 1.32-only fields
    const spec: k8s32.PodSpec = {
      hostPid: true,
      overhead: { cpu: k8s32.Quantity.fromString('250m') },
      containers: [{
        name: 'c',
        image: 'busybox',
        lifecycle: { preStop: { sleep: { seconds: 5 } } },
        resources: { limits: { memory: k8s32.Quantity.fromString('64Mi') } },
        livenessProbe: { httpGet: { port: k8s32.IntOrString.fromNumber(8080) } },
      }],
      volumes: [{ name: 'v', emptyDir: { sizeLimit: k8s32.Quantity.fromString('1Gi') } }],
    };
    // WHEN
    const problems = new Problems();
    const out = toManifest('PodSpec', spec, 'spec', problems);
    // THEN
    expect(out).toEqual(k8s32.toJson_PodSpec(spec));
    expect(problems.messages).toEqual([]);
  });

  test('unwraps Quantity and IntOrString of any cdk8s-plus version by their shape', () => {
    // GIVEN a value class of another copy (as cdk8s-plus-33 ships its own)
    class Quantity {
      public static of(v: string | number) {
        return new Quantity(v);
      }
      private constructor(public readonly value: string | number) {}
    }
    // WHEN
    const out = toManifest('Container', {
      name: 'c',
      resources: { requests: { cpu: Quantity.of('100m') } },
      ports: [{ containerPort: 80 }],
      readinessProbe: { tcpSocket: { port: Quantity.of('http') } },
    });
    // THEN
    expect(out.resources).toEqual({ requests: { cpu: '100m' } });
    expect(out.readinessProbe.tcpSocket.port).toBe('http');
  });

  test('leaves cdk8s tokens where they are, at any depth', () => {
    // GIVEN
    const lazy = Lazy.any({ produce: () => ['a'] });
    const problems = new Problems();
    // WHEN
    const out = toManifest('Container', { name: 'c', args: lazy, env: [{ name: 'A', value: lazy }] }, '', problems);
    // THEN
    expect(out.args).toBe(lazy);
    expect(out.env[0].value).toBe(lazy);
    expect(problems.messages).toEqual([]);
  });

  test('copies, so a later change to the input does not change the output', () => {
    const container = { name: 'c', args: ['a'], env: [{ name: 'A', value: '1' }] };
    const out = toManifest('Container', container);
    container.args.push('b');
    container.env[0].value = '2';
    expect(out).toEqual({ name: 'c', args: ['a'], env: [{ name: 'A', value: '1' }] });
  });
});

describe('toManifest reports what would be dropped or rejected', () => {
  function problemsOf(type: string, value: any, at = 'spec'): string[] {
    const problems = new Problems();
    toManifest(type, value, at, problems);
    return problems.messages;
  }

  test('names an unknown field at any depth with the field probably meant', () => {
    // WHEN
    const messages = problemsOf('PodSpec', {
      containers: [{ name: 'c', imagePullPolcy: 'Always', livenessProbe: { httpGet: { port: 80, pth: '/' } } }],
      volumes: [{ name: 'v', emptyDir: { sizeLimt: '1Gi' } }],
    });
    // THEN
    expect(messages).toEqual([
      'spec.containers[0].imagePullPolcy: is not a field of Container; did you mean imagePullPolicy?',
      'spec.containers[0].livenessProbe.httpGet.pth: is not a field of HttpGetAction; did you mean path?',
      'spec.volumes[0].emptyDir.sizeLimt: is not a field of EmptyDirVolumeSource; did you mean sizeLimit?',
    ]);
  });

  test('names an unknown field with no near name and lists the fields of a small struct', () => {
    expect(problemsOf('EmptyDirVolumeSource', { frobnicate: true }, 'emptyDir')).toEqual([
      'emptyDir.frobnicate: is not a field of EmptyDirVolumeSource in Kubernetes 1.32; remove it (its fields: medium, sizeLimit).',
    ]);
  });

  test('reports a field set twice in its two spellings', () => {
    expect(problemsOf('PodSpec', { hostPid: true, hostPID: false, containers: [] })).toEqual([
      'spec.hostPID: is set twice, as hostPid and hostPID; keep one.',
    ]);
  });

  test.each([
    ['a string for an int32', { containers: [{ name: 'c', ports: [{ containerPort: '80' }] }] },
      'spec.containers[0].ports[0].containerPort: "80" is a string, but ContainerPort.containerPort takes an int32 (a whole number); write 80 without quotes.'],
    ['a fraction for an int32', { containers: [{ name: 'c', ports: [{ containerPort: 80.5 }] }] },
      'spec.containers[0].ports[0].containerPort: 80.5 is not a whole number; ContainerPort.containerPort is an int32: write a whole number.'],
    ['an int32 overflow', { containers: [{ name: 'c', ports: [{ containerPort: 2 ** 31 }] }] },
      'spec.containers[0].ports[0].containerPort: 2147483648 is out of range: ContainerPort.containerPort is an int32 (-2147483648 to 2147483647); write a number in that range.'],
    ['a number for a string', { containers: [{ name: 'c', env: [{ name: 'A', value: 1 }] }] },
      'spec.containers[0].env[0].value: 1 is a number, but EnvVar.value takes a string; write it as a string: "1".'],
    ['a string for a boolean', { hostNetwork: 'true', containers: [] },
      'spec.hostNetwork: "true" is a string, but PodSpec.hostNetwork takes a boolean (true or false); write true without quotes.'],
    ['a string for a list of strings', { containers: [{ name: 'c', args: '--verbose' }] },
      'spec.containers[0].args: "--verbose" is a string, but Container.args takes a list of strings; write a list: ["--verbose"].'],
    ['a list for a struct', { containers: [{ name: 'c', resources: [] }] },
      'spec.containers[0].resources: [] is a list, but Container.resources takes an object (ResourceRequirements).'],
    ['a boolean for a quantity', { containers: [{ name: 'c', resources: { limits: { cpu: true } } }] },
      'spec.containers[0].resources.limits[cpu]: true is a boolean, but ResourceRequirements.limits takes a quantity (a string such as "500m" or "1Gi", or a number).'],
    ['a fraction for an int-or-string', { containers: [{ name: 'c', livenessProbe: { tcpSocket: { port: 80.5 } } }] },
      'spec.containers[0].livenessProbe.tcpSocket.port: 80.5 is not a whole number; TcpSocketAction.port is an int32: write a whole number.'],
    ['a number for a map of strings', { nodeSelector: { disk: 1 }, containers: [] },
      'spec.nodeSelector[disk]: 1 is a number, but PodSpec.nodeSelector takes a string; write it as a string: "1".'],
  ])('reports %s', (_what, spec, message) => {
    expect(problemsOf('PodSpec', spec)).toEqual([message]);
  });

  test('accepts an int64 beyond the int32 range where Kubernetes has an int64', () => {
    expect(problemsOf('PodSpec', { activeDeadlineSeconds: 2 ** 40, containers: [] })).toEqual([]);
    expect(problemsOf('PodSpec', { activeDeadlineSeconds: 2 ** 63, containers: [] })).toEqual([
      'spec.activeDeadlineSeconds: 9223372036854776000 is out of range: PodSpec.activeDeadlineSeconds is an int64; write a smaller number.',
    ]);
    // -2^63 is an int64, but JavaScript writes it as -9223372036854776000, which the API server cannot decode.
    expect(problemsOf('PodSpec', { terminationGracePeriodSeconds: -(2 ** 63), containers: [] })).toEqual([
      'spec.terminationGracePeriodSeconds: -9223372036854776000 is out of range: PodSpec.terminationGracePeriodSeconds is an int64; write a larger (less negative) number.',
    ]);
    expect(problemsOf('PodSpec', { terminationGracePeriodSeconds: -(2 ** 62), containers: [] })).toEqual([]);
  });

  test('writes a Date as an RFC 3339 string and checks a date string', () => {
    const problems = new Problems();
    const out = toManifest('ObjectMeta', { creationTimestamp: new Date(Date.UTC(2024, 0, 31)), deletionTimestamp: 'yesterday' }, 'metadata', problems);
    expect(out.creationTimestamp).toBe('2024-01-31T00:00:00.000Z');
    expect(problems.messages).toEqual(['metadata.deletionTimestamp: "yesterday" is not an RFC 3339 date; write e.g. "2024-01-31T12:00:00Z" or pass a Date.']);
  });
});

describe('decodeCheck', () => {
  function decode(kind: string, json: any): string[] {
    const problems = new Problems();
    decodeCheck(kind, json, '', problems);
    return problems.messages;
  }

  test('says a percent for maxSurge and maxUnavailable, and a port name for a port, when an IntOrString has the wrong type (review 21 C3)', () => {
    expect(decode('Deployment', { spec: { strategy: { rollingUpdate: { maxSurge: true } } } })).toEqual([
      'spec.strategy.rollingUpdate.maxSurge: true is a boolean, but RollingUpdateDeployment.maxSurge takes an int or a string (a number such as 1 or a percent such as "25%") (the API server cannot decode it).',
    ]);
    expect(decode('DaemonSet', { spec: { updateStrategy: { rollingUpdate: { maxUnavailable: [1] } } } })).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: [1] is a list, but RollingUpdateDaemonSet.maxUnavailable takes an int or a string (a number such as 1 or a percent such as "25%") (the API server cannot decode it).',
    ]);
    expect(decode('Service', { spec: { ports: [{ port: 80, targetPort: true }] } })).toEqual([
      'spec.ports[0].targetPort: true is a boolean, but ServicePort.targetPort takes an int or a string (a number such as 8080 or a name such as "http") (the API server cannot decode it).',
    ]);
  });

  test('accepts a valid manifest of each kind, status included', () => {
    expect(decode('Pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { app: 'a' }, creationTimestamp: null },
      spec: { hostPID: true, containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '1', memory: 1024 } } }] },
      status: {},
    })).toEqual([]);
    expect(decode('Deployment', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: 2, strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } }, selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [] } } },
    })).toEqual([]);
    expect(decode('ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' }, immutable: true })).toEqual([]);
    expect(decode('StatefulSet', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { serviceName: 's', selector: {}, template: {}, volumeClaimTemplates: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { resources: { requests: { storage: '1Gi' } } } }] },
    })).toEqual([]);
  });

  test('reads the JSON spelling only, case-sensitively, as the API server does', () => {
    expect(decode('Pod', { apiVersion: 'v1', kind: 'Pod', spec: { hostPid: true, containers: [] } })).toEqual([
      'spec.hostPid: is not a field of PodSpec; did you mean hostPID?',
    ]);
  });

  test('checks metadata too', () => {
    expect(decode('Service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', lables: { a: 'b' }, annotations: { n: 1 } } })).toEqual([
      'metadata.lables: is not a field of ObjectMeta; did you mean labels?',
      'metadata.annotations[n]: 1 is a number, but ObjectMeta.annotations takes a string; write it as a string: "1" (the API server cannot decode it).',
    ]);
  });

  test('rejects what the Go decoder rejects: wrong JSON types, fractions, overflow, wrapped values', () => {
    expect(decode('Pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      spec: {
        terminationGracePeriodSeconds: 1.5,
        containers: [{ name: 'c', ports: [{ containerPort: 2 ** 31 }], resources: { limits: { cpu: { value: '1' } } } }],
        volumes: [{ name: 'v', emptyDir: 'yes' }],
      },
    })).toEqual([
      'spec.terminationGracePeriodSeconds: 1.5 is not a whole number; PodSpec.terminationGracePeriodSeconds is an int64: write a whole number.',
      'spec.containers[0].ports[0].containerPort: 2147483648 is out of range: ContainerPort.containerPort is an int32 (-2147483648 to 2147483647); write a number in that range.',
      'spec.containers[0].resources.limits[cpu]: is an object, but ResourceRequirements.limits takes a quantity (a string such as "500m" or "1Gi", or a number) (the API server cannot decode it).',
      'spec.volumes[0].emptyDir: "yes" is a string, but Volume.emptyDir takes an object (EmptyDirVolumeSource) (the API server cannot decode it).',
    ]);
  });

  test('reports a decode problem in place of the rules at the same field and inside it, which never see a value the decoder refuses', () => {
    // GIVEN
    const decoded = new Problems();
    decoded.add('spec.a', '"30" is a string, but PodSpec.a takes an int64');
    decoded.add('spec.b', '5 is a number, but PodSpec.b takes a string');
    decoded.add('spec.m[k]', '5 is a number, but PodSpec.m takes a string');
    const problems = new Problems();
    problems.add('spec.a', 'must be between 1 and 2147483647');
    problems.add('spec.b.c', 'cannot be empty');
    problems.add('spec.m.k', 'label value 5 must be a string');
    problems.add('spec.ab', 'is kept');
    // WHEN
    decodeProblemsNotReported(decoded, problems);
    // THEN
    expect(problems.messages).toEqual([
      'spec.ab: is kept',
      'spec.a: "30" is a string, but PodSpec.a takes an int64',
      'spec.b: 5 is a number, but PodSpec.b takes a string',
      'spec.m[k]: 5 is a number, but PodSpec.m takes a string',
    ]);
  });

  test('keeps a message that already names the JSON type of the value and leaves the decode problem out', () => {
    const decoded = new Problems();
    decoded.add('spec.volumes', 'is an object, but PodSpec.volumes takes a list of Volume objects');
    const problems = new Problems();
    problems.add('spec.volumes', '{"data":{}} is an object, not a list, so the injected sidecars and init steps cannot be added');
    decodeProblemsNotReported(decoded, problems);
    expect(problems.messages).toEqual(['spec.volumes: {"data":{}} is an object, not a list, so the injected sidecars and init steps cannot be added']);
  });
});
