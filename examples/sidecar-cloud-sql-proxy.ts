import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { InitStep, PlainPod, Sidecar, Workload } from 'cdk8s-pod-patterns';

/**
 * An app that reaches Cloud SQL through the Cloud SQL Auth Proxy, as the vendor recommends
 * (GoogleCloudPlatform/cloud-sql-proxy examples/k8s-sidecar and examples/k8s-health-check).
 *
 * The proxy is a native sidecar: it starts first, and its startup probe holds back the
 * migration step and the app until it accepts connections on 127.0.0.1:5432; it stops after the
 * app. It authenticates as the pod's service account `orders`, bound to a Google service
 * account with GKE Workload Identity, so no key is stored anywhere. The database password stays
 * in the Secret `orders-db`.
 */
export class SidecarCloudSqlProxyChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const dbEnv = [
      { name: 'DB_HOST', value: '127.0.0.1' },
      { name: 'DB_PORT', value: '5432' },
      { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'username' } } },
      { name: 'DB_PASS', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } } },
      { name: 'DB_NAME', valueFrom: { secretKeyRef: { name: 'orders-db', key: 'database' } } },
    ];

    new PlainPod(this, 'orders', {
      metadata: { name: 'orders', labels: { app: 'orders' } },
      workload: Workload.deployment({ replicas: 2 }),
      serviceAccountName: 'orders',
      sidecars: [
        Sidecar.cloudSqlProxy({ instanceConnectionName: 'my-project:europe-west1:orders-db', port: 5432, privateIp: true }),
      ],
      initSteps: [
        InitStep.container({ name: 'migrate', image: 'ghcr.io/example/orders:1.4.0', command: ['/app/migrate'], env: dbEnv }),
      ],
      containers: [{
        name: 'orders',
        image: 'ghcr.io/example/orders:1.4.0',
        env: dbEnv,
        ports: [{ name: 'http', containerPort: 8080 }],
      }],
    });
  }
}
