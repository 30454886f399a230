import { App } from 'cdk8s';
import { HardenedChart } from './hardened';
import { InitContainerChart } from './init-container';
import { ServicesChart } from './services';
import { SidecarContainerChart } from './sidecar-container';

/**
 * Adds every example chart to the app. Each chart synthesizes to `dist/<id>.k8s.yaml`.
 */
export function addExampleCharts(app: App): void {
  new InitContainerChart(app, 'init-container');
  new SidecarContainerChart(app, 'sidecar-container');
  new ServicesChart(app, 'services');
  new HardenedChart(app, 'hardened');
}
