import { Testing } from 'cdk8s';
import { exampleCharts } from './example-charts';
import { fixture } from './util';

describe('examples', () => {
  const charts = exampleCharts();

  test('the init-container chart synthesizes the seed manifest', () => {
    expect(Testing.synth(charts.get('dist/init-container.k8s.yaml')!)).toEqual(fixture('init-container.yml'));
  });

  test('the sidecar-container chart synthesizes the seed manifest', () => {
    expect(Testing.synth(charts.get('dist/sidecar-container.k8s.yaml')!)).toEqual(fixture('sidecar-container.yml'));
  });

  test('the services chart exposes one pod through all three Service types', () => {
    const manifests = Testing.synth(charts.get('dist/services.k8s.yaml')!);
    const services = manifests.filter((m) => m.kind === 'Service');
    expect(services.map((s) => s.spec.type)).toEqual([undefined, 'NodePort', 'LoadBalancer']);
    for (const s of services) {
      expect(s.spec.selector).toEqual({ app: 'web' });
    }
  });

  test('the values chart writes plain values and cdk8s-plus Quantity / IntOrString values alike', () => {
    // GIVEN the two Deployments of examples/values.ts, one with plain values, one with the classes
    const [plain, wrapped] = Testing.synth(charts.get('dist/values.k8s.yaml')!);
    // THEN their specs are the same but for the label, and the values are plain in the manifest
    const relabel = (spec: any) => JSON.parse(JSON.stringify(spec).replace(/"wrapped"/g, '"plain"'));
    expect(relabel(wrapped.spec)).toEqual(plain.spec);
    const web = plain.spec.template.spec.containers[0];
    expect(web.resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } });
    expect(web.readinessProbe.httpGet.port).toBe('http');
    expect(web.livenessProbe.tcpSocket.port).toBe(80);
    expect(plain.spec.template.spec.volumes[0].emptyDir).toEqual({ sizeLimit: '1Gi' });
    expect(plain.spec.strategy).toEqual({ rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } });
  });

  test.each([...charts.keys()])('%s matches its snapshot', (file) => {
    expect(Testing.synth(charts.get(file)!)).toMatchSnapshot();
  });
});
