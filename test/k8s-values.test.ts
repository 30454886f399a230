import { k8s } from 'cdk8s-plus-28';
import { toManifest, toManifestValue } from '../src/k8s-values';

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
