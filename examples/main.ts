import { App } from 'cdk8s';
import { InitContainerChart } from './init-container';
import { ServicesChart } from './services';
import { SidecarContainerChart } from './sidecar-container';

const app = new App();
new InitContainerChart(app, 'init-container');
new SidecarContainerChart(app, 'sidecar-container');
new ServicesChart(app, 'services');
app.synth();
