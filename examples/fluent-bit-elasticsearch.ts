import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { FluentBitOutput, LogShipper, SidecarLoggedApp } from 'cdk8s-pod-patterns';

/**
 * The tutorial's real-world sidecar: the app writes /var/log/app.log, a Fluent Bit sidecar ships it to
 * Elasticsearch. The password stays in the Secret `elasticsearch-credentials` (create it yourself:
 * `kubectl create secret generic elasticsearch-credentials --from-literal=password=...`); the
 * generated ConfigMap `es-logged-app-fluent-bit` only names the variable that holds it.
 */
export class FluentBitElasticsearchChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new SidecarLoggedApp(this, 'es-logged-app', {
      metadata: { name: 'es-logged-app' },
      app: {
        name: 'main-container',
        image: 'busybox',
        command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
      },
      logShipper: LogShipper.fluentBit({
        output: FluentBitOutput.elasticsearch({
          host: 'elasticsearch.logging.svc',
          index: 'app-logs',
          tls: true,
          httpUser: 'elastic',
          httpPasswordSecret: { name: 'elasticsearch-credentials', key: 'password' },
        }),
      }),
    });
  }
}
