import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PlainPod, Sidecar, Workload } from 'cdk8s-pod-patterns';

/**
 * NGINX with the NGINX Prometheus exporter beside it (nginx/nginx-prometheus-exporter README):
 * NGINX exposes `stub_status` on 127.0.0.1:8080 (a server added by the ConfigMap below, reachable
 * from the pod only), the exporter reads it and serves metrics on the port named
 * `nginx-metrics` (9113). The scrape annotations are on the pods, where Prometheus looks.
 */
export class SidecarNginxExporterChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new ApiObject(this, 'status-conf', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'nginx-status-conf' },
      data: {
        'status.conf': [
          'server {',
          '    listen 127.0.0.1:8080;',
          '    location = /stub_status {',
          '        stub_status;',
          '    }',
          '}',
          '',
        ].join('\n'),
      },
    });

    new PlainPod(this, 'nginx', {
      metadata: { name: 'nginx', labels: { app: 'nginx' } },
      podMetadata: {
        labels: { app: 'nginx' },
        annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9113' },
      },
      workload: Workload.deployment({ replicas: 2 }),
      volumes: [{ name: 'nginx-status', configMap: { name: 'nginx-status-conf' } }],
      containers: [{
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ name: 'http', containerPort: 80 }],
        volumeMounts: [{ name: 'nginx-status', mountPath: '/etc/nginx/conf.d/status.conf', subPath: 'status.conf', readOnly: true }],
      }],
      sidecars: [Sidecar.nginxExporter()],
    });
  }
}
