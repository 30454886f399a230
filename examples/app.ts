import { App } from 'cdk8s';
import { InitContainerChart } from './init-container';
import { ServicesChart } from './services';
import { ServicesDeploymentChart } from './services-deployment';
import { ServicesHeadlessChart } from './services-headless';
import { ServicesKplusChart } from './services-kplus';
import { ServicesLoadBalancerChart } from './services-load-balancer';
import { ServicesPortsChart } from './services-ports';
import { SidecarContainerChart } from './sidecar-container';

/**
 * Adds every example chart to the app. Each chart synthesizes to `dist/<id>.k8s.yaml`.
 */
export function addExampleCharts(app: App): void {
  new InitContainerChart(app, 'init-container');
  new SidecarContainerChart(app, 'sidecar-container');
  new ServicesChart(app, 'services');
  new ServicesPortsChart(app, 'services-ports');
  new ServicesHeadlessChart(app, 'services-headless');
  new ServicesLoadBalancerChart(app, 'services-load-balancer');
  new ServicesKplusChart(app, 'services-kplus');
  new ServicesDeploymentChart(app, 'services-deployment');
}
