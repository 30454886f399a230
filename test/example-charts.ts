import { App, Chart, Testing } from 'cdk8s';
import { addExampleCharts } from '../examples/app';

/** Every chart of the examples app, keyed by the file it synthesizes to (`dist/<id>.k8s.yaml`). */
export function exampleCharts(): Map<string, Chart> {
  const app: App = Testing.app();
  addExampleCharts(app);
  return new Map(app.charts.map((c) => [`dist/${c.node.id}.k8s.yaml`, c]));
}
