import { App } from 'cdk8s';
import { DeploymentSidecarChart } from './deployment-sidecar';
import { FluentBitElasticsearchChart } from './fluent-bit-elasticsearch';
import { FluentBitS3Chart } from './fluent-bit-s3';
import { HardenedChart } from './hardened';
import { InitContainerChart } from './init-container';
import { InitStepsChart } from './init-steps';
import { InjectExistingChart } from './inject-existing';
import { NativeSidecarChart } from './native-sidecar';
import { ServicesChart } from './services';
import { ServicesDeploymentChart } from './services-deployment';
import { ServicesHeadlessChart } from './services-headless';
import { ServicesKplusChart } from './services-kplus';
import { ServicesLoadBalancerChart } from './services-load-balancer';
import { ServicesPortsChart } from './services-ports';
import { SidecarCloudSqlProxyChart } from './sidecar-cloud-sql-proxy';
import { SidecarContainerChart } from './sidecar-container';
import { SidecarEnvoyChart } from './sidecar-envoy';
import { SidecarGitSyncChart } from './sidecar-git-sync';
import { SidecarLogShipperChart } from './sidecar-log-shipper';
import { SidecarMysqldExporterChart } from './sidecar-mysqld-exporter';
import { SidecarNginxExporterChart } from './sidecar-nginx-exporter';
import { SidecarOAuth2ProxyChart } from './sidecar-oauth2-proxy';
import { SidecarS3BackupChart } from './sidecar-s3-backup';
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
  new SidecarCloudSqlProxyChart(app, 'sidecar-cloud-sql-proxy');
  new SidecarGitSyncChart(app, 'sidecar-git-sync');
  new SidecarNginxExporterChart(app, 'sidecar-nginx-exporter');
  new SidecarMysqldExporterChart(app, 'sidecar-mysqld-exporter');
  new SidecarEnvoyChart(app, 'sidecar-envoy');
  new SidecarOAuth2ProxyChart(app, 'sidecar-oauth2-proxy');
  new SidecarS3BackupChart(app, 'sidecar-s3-backup');
  new SidecarLogShipperChart(app, 'sidecar-log-shipper');
  new WorkloadDeploymentChart(app, 'workload-deployment');
  new WorkloadStatefulSetChart(app, 'workload-statefulset');
  new WorkloadDaemonSetChart(app, 'workload-daemonset');
  new WorkloadJobChart(app, 'workload-job');
  new WorkloadCronJobChart(app, 'workload-cronjob');
  new WorkloadJobSidecarChart(app, 'workload-job-sidecar');
  new InjectExistingChart(app, 'inject-existing');
}
