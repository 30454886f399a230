import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { FluentBitOutput, LogShipper, PlainPod, Sidecar, Workload } from 'cdk8s-pod-patterns';

/**
 * The existing log shippers through the Sidecar abstraction, on any pod (here a Deployment): the
 * API writes its log to /var/log/api/app.log on the shared `shared-logs` volume, which the
 * sidecar mounts into it, and Fluent Bit ships it to Elasticsearch (password from the Secret
 * `es-credentials`); its configuration is the generated ConfigMap `api-logs-fluent-bit`.
 */
export class SidecarLogShipperChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new PlainPod(this, 'api', {
      metadata: { name: 'api-logs', labels: { app: 'api-logs' } },
      workload: Workload.deployment({ replicas: 2 }),
      containers: [{
        name: 'api',
        image: 'busybox:1.36',
        command: ['sh', '-c', "while true; do echo 'request served' >> /var/log/api/app.log; sleep 5; done"],
      }],
      sidecars: [
        Sidecar.logShipper(LogShipper.fluentBit({
          output: FluentBitOutput.elasticsearch({
            host: 'elasticsearch.logging.svc',
            index: 'api',
            httpUser: 'fluent-bit',
            httpPasswordSecret: { name: 'es-credentials', key: 'password' },
          }),
        }), { name: 'fluent-bit', logMountPath: '/var/log/api/' }),
      ],
    });
  }
}
