import { App } from 'cdk8s';
import { DeploymentSidecarChart } from './deployment-sidecar';
import { FluentBitElasticsearchChart } from './fluent-bit-elasticsearch';
import { FluentBitS3Chart } from './fluent-bit-s3';
import { HardenedChart } from './hardened';
import { InitCheckRequiredChart } from './init-check-required';
import { InitContainerChart } from './init-container';
import { InitDatabasesChart } from './init-databases';
import { InitDownloadS3Chart } from './init-download-s3';
import { InitRenderTemplateChart } from './init-render-template';
import { InitStepsChart } from './init-steps';
import { InjectExistingChart } from './inject-existing';
import { NativeSidecarChart } from './native-sidecar';
import { ServicesChart } from './services';
import { ServicesDeploymentChart } from './services-deployment';
import { ServicesHeadlessChart } from './services-headless';
import { ServicesKplusChart } from './services-kplus';
import { ServicesLoadBalancerChart } from './services-load-balancer';
import { ServicesPortsChart } from './services-ports';
import { SidecarContainerChart } from './sidecar-container';
import { WorkloadCronJobChart } from './workload-cronjob';
import { WorkloadDaemonSetChart } from './workload-daemonset';
import { WorkloadDeploymentChart } from './workload-deployment';
import { WorkloadJobChart } from './workload-job';
import { WorkloadJobSidecarChart } from './workload-job-sidecar';
import { WorkloadStatefulSetChart } from './workload-statefulset';

/**
 * Adds every example chart to the app. Each chart synthesizes to `dist/<id>.k8s.yaml`.
 */
export function addExampleCharts(app: App): void {
  new InitContainerChart(app, 'init-container');
  new InitStepsChart(app, 'init-steps');
  new InitRenderTemplateChart(app, 'init-render-template');
  new InitCheckRequiredChart(app, 'init-check-required');
  new InitDatabasesChart(app, 'init-databases');
  new InitDownloadS3Chart(app, 'init-download-s3');
  new SidecarContainerChart(app, 'sidecar-container');
  new ServicesChart(app, 'services');
  new HardenedChart(app, 'hardened');
  new FluentBitElasticsearchChart(app, 'fluent-bit-elasticsearch');
  new FluentBitS3Chart(app, 'fluent-bit-s3');
  new NativeSidecarChart(app, 'native-sidecar');
  new DeploymentSidecarChart(app, 'deployment-sidecar');
  new ServicesPortsChart(app, 'services-ports');
  new ServicesHeadlessChart(app, 'services-headless');
  new ServicesLoadBalancerChart(app, 'services-load-balancer');
  new ServicesKplusChart(app, 'services-kplus');
  new ServicesDeploymentChart(app, 'services-deployment');
  new WorkloadDeploymentChart(app, 'workload-deployment');
  new WorkloadStatefulSetChart(app, 'workload-statefulset');
  new WorkloadDaemonSetChart(app, 'workload-daemonset');
  new WorkloadJobChart(app, 'workload-job');
  new WorkloadCronJobChart(app, 'workload-cronjob');
  new WorkloadJobSidecarChart(app, 'workload-job-sidecar');
  new InjectExistingChart(app, 'inject-existing');
}
