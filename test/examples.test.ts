import { Testing } from 'cdk8s';
import { fixture } from './util';
import { InitContainerChart } from '../examples/init-container';
import { ServicesChart } from '../examples/services';
import { SidecarContainerChart } from '../examples/sidecar-container';

describe('examples', () => {
  test('the init-container chart synthesizes the seed manifest', () => {
    const manifests = Testing.synth(new InitContainerChart(Testing.app(), 'init-container'));
    expect(manifests).toEqual(fixture('init-container.yml'));
    expect(manifests).toMatchSnapshot();
  });

  test('the sidecar-container chart synthesizes the seed manifest', () => {
    const manifests = Testing.synth(new SidecarContainerChart(Testing.app(), 'sidecar-container'));
    expect(manifests).toEqual(fixture('sidecar-container.yml'));
    expect(manifests).toMatchSnapshot();
  });

  test('the services chart exposes one pod through all three Service types', () => {
    const manifests = Testing.synth(new ServicesChart(Testing.app(), 'services'));
    const services = manifests.filter((m) => m.kind === 'Service');
    expect(services.map((s) => s.spec.type)).toEqual([undefined, 'NodePort', 'LoadBalancer']);
    for (const s of services) {
      expect(s.spec.selector).toEqual({ app: 'web' });
    }
    expect(manifests).toMatchSnapshot();
  });
});
