import { App } from 'cdk8s';
import { InitContainerChart } from './init-container';
import { InitStepsChart } from './init-steps';
import { ServicesChart } from './services';
import { SidecarContainerChart } from './sidecar-container';

/**
 * Adds every example chart to the app. Each chart synthesizes to `dist/<id>.k8s.yaml`.
 */
export function addExampleCharts(app: App): void {
  new InitContainerChart(app, 'init-container');
  new InitStepsChart(app, 'init-steps');
  new SidecarContainerChart(app, 'sidecar-container');
  new ServicesChart(app, 'services');
}
