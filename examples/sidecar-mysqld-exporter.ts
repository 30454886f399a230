import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PlainPod, Sidecar, Workload } from 'cdk8s-pod-patterns';

/**
 * MySQL with the Prometheus MySQL exporter beside it (prometheus/mysqld_exporter README, 0.15+):
 * the exporter logs in as `exporter` (created with the README's "Required Grants") with the
 * password from the Secret `mysql`, key `exporter-password`, read as MYSQLD_EXPORTER_PASSWORD;
 * no DATA_SOURCE_NAME. Metrics on the port named `mysqld-metrics` (9104).
 */
export class SidecarMysqldExporterChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new PlainPod(this, 'mysql', {
      metadata: { name: 'mysql-metrics-demo', labels: { app: 'mysql-metrics-demo' } },
      workload: Workload.statefulSet({
        serviceName: 'mysql-metrics-demo',
        volumeClaimTemplates: [{
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
        }],
      }),
      containers: [{
        name: 'mysql',
        image: 'mysql:8.4',
        env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql', key: 'root-password' } } }],
        ports: [{ name: 'mysql', containerPort: 3306 }],
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }],
      }],
      sidecars: [
        Sidecar.mysqldExporter({ username: 'exporter', passwordSecret: { name: 'mysql', key: 'exporter-password' } }),
      ],
    });
  }
}
