import { ExposedService, PlainPod, Protocol, ServiceTarget, ServiceType } from '../src';
import { newChart, only, synth, synthError } from './util';

function webPod(chart: any, labels: Record<string, string> | undefined = { app: 'web' }) {
  return new PlainPod(chart, 'web', {
    metadata: { name: 'web', labels },
    containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
  });
}

describe('ExposedService', () => {
  test('writes a ClusterIP service with only the declared fields', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80 }] });
    expect(only(synth(chart), 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
  });

  test.each([
    [ServiceType.CLUSTER_IP, 'ClusterIP'],
    [ServiceType.NODE_PORT, 'NodePort'],
    [ServiceType.LOAD_BALANCER, 'LoadBalancer'],
  ])('writes type %s when it is declared', (type, spelled) => {
    const chart = newChart();
    const svc = new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type, target: webPod(chart), ports: [{ port: 80, targetPort: 'http' }] });
    expect(svc.type).toBe(type);
    expect(only(synth(chart), 'Service').spec).toEqual({ type: spelled, selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
  });

  test('writes the node port, protocol and port name as declared', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', {
      metadata: { name: 'web' },
      type: ServiceType.NODE_PORT,
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: Protocol.TCP }],
    });
    expect(only(synth(chart), 'Service').spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }]);
  });

  test('selects pods by plain labels through ServiceTarget.fromLabels()', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: ServiceTarget.fromLabels({ app: 'legacy' }), ports: [{ port: 80, targetPort: 'anything' }] });
    expect(only(synth(chart), 'Service').spec.selector).toEqual({ app: 'legacy' });
  });

  test('fails when the target pod has no labels, instead of writing an empty selector', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart, {}), ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.selector: target PlainPod 'web' has no labels, so no selector can match its pods; add metadata.labels to it (e.g. { app: 'web' }).");
  });

  test('fails when neither target nor selector is given', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.selector: the Service selects no pods; pass target (a pod pattern) or selector (labels).");
  });

  test('fails when both target and selector are given', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), selector: { app: 'web' }, ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain('both target and selector are set');
  });

  test('fails when a ClusterIP service declares a node port', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80, nodePort: 30080 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.ports[0].nodePort: 30080 may not be used when type is ClusterIP; set type to ServiceType.NODE_PORT or LOAD_BALANCER, or remove nodePort.");
  });

  test('fails when the node port is outside the range', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type: ServiceType.NODE_PORT, target: webPod(chart), ports: [{ port: 80, nodePort: 8080 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.ports[0].nodePort: 8080 is outside 30000-32767; pick a port in that range or omit it to let Kubernetes allocate one.");
  });

  test('accepts a node port inside a custom node port range', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type: ServiceType.NODE_PORT, nodePortRange: { min: 8000, max: 9000 }, target: webPod(chart), ports: [{ port: 80, nodePort: 8080 }] });
    expect(only(synth(chart), 'Service').spec.ports[0].nodePort).toBe(8080);
  });

  test('fails when a named targetPort names no container port of the target', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80, targetPort: 'https' }] });
    expect(synthError(chart)).toContain("spec.ports[0].targetPort: \"https\" names no container port of PlainPod 'web'; use one of \"http\" or a port number.");
  });

  test('fails when a multi-port service leaves a port unnamed', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80, name: 'http' }, { port: 443 }] });
    expect(synthError(chart)).toContain("spec.ports[1].name: is required when a Service has more than one port; name every port (e.g. 'http').");
  });

  test('fails when the service name is not an RFC 1035 label', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: '1web' }, target: webPod(chart), ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain('metadata.name: "1web" is not valid as a Service name (an RFC 1035 label)');
  });
});
