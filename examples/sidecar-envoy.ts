import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PlainPod, Sidecar, Workload } from 'cdk8s-pod-patterns';

/**
 * Envoy in front of an app: the generated ConfigMap `envoy-demo-envoy` holds envoy.yaml (a listener on
 * 10000 forwarding to the app on 127.0.0.1:8080; the admin interface on 127.0.0.1 only; a
 * second listener that passes only /ready and /stats/prometheus to it). The Service targets
 * Envoy's port `envoy-http`; one that targeted the app's `http` would bypass the proxy and fail
 * at synth time.
 */
export class SidecarEnvoyChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const web = new PlainPod(this, 'envoy-demo', {
      metadata: { name: 'envoy-demo', labels: { app: 'envoy-demo' } },
      workload: Workload.deployment({ replicas: 2 }),
      containers: [{ name: 'web', image: 'ghcr.io/example/web:2.3.1', ports: [{ name: 'http', containerPort: 8080 }] }],
      sidecars: [Sidecar.envoy({ appPort: 8080 })],
    });

    web.expose('envoy-demo-svc', { metadata: { name: 'envoy-demo' }, ports: [{ name: 'http', port: 80, targetPort: 'envoy-http' }] });
  }
}
