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

  test.each([...charts.keys()])('%s matches its snapshot', (file) => {
    expect(Testing.synth(charts.get(file)!)).toMatchSnapshot();
  });
});
