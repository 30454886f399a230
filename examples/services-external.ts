import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExposedService, PlainPod } from 'cdk8s-pod-patterns';

/**
 * Services that select no pods of this app: a DNS alias for a database outside the cluster
 * (ExternalName), a Service whose endpoints are managed elsewhere (withoutSelector), and an API
 * pod reachable on an address outside the cluster (externalIPs), its port marked as HTTP/2
 * without TLS (appProtocol).
 */
export class ServicesExternalChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    ExposedService.externalName(this, 'db', { metadata: { name: 'db' }, externalName: 'db.example.com' });

    ExposedService.clusterIp(this, 'legacy', { metadata: { name: 'legacy' }, withoutSelector: true, ports: [{ name: 'http', port: 80 }] });

    const api = new PlainPod(this, 'api', {
      metadata: { name: 'h2c-api', labels: { app: 'h2c-api' } },
      containers: [{ name: 'api', image: 'ghcr.io/example/api:1.2.0', ports: [{ name: 'h2c', containerPort: 8080 }] }],
    });
    api.expose('api-svc', {
      metadata: { name: 'h2c-api' },
      externalIPs: ['198.51.100.10'],
      ports: [{ name: 'h2c', port: 80, targetPort: 'h2c', appProtocol: 'kubernetes.io/h2c' }],
    });
  }
}
