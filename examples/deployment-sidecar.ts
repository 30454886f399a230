import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { FluentBitOutput, LogShipper, SidecarLoggedApp, Workload } from 'cdk8s-pod-patterns';

/**
 * The same pattern as a Deployment of 3 pods: the labels select the pods, every pod gets its own
 * log volume and Fluent Bit sidecar, and all share the one ConfigMap `web-logs-fluent-bit`.
 */
export class DeploymentSidecarChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new SidecarLoggedApp(this, 'web-logs', {
      metadata: { name: 'web-logs', labels: { app: 'web-logs' } },
      workload: Workload.deployment({ replicas: 3 }),
      app: {
        name: 'main-container',
        image: 'busybox',
        command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
      },
      logShipper: LogShipper.fluentBit({
        output: FluentBitOutput.elasticsearch({ host: 'elasticsearch.logging.svc', index: 'web-logs' }),
      }),
    });
  }
}
