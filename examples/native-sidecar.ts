import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { SidecarLoggedApp, SidecarMode } from 'cdk8s-pod-patterns';

/**
 * The tutorial's sidecar as a native sidecar (Kubernetes 1.29+): an init container with
 * `restartPolicy: Always`, placed before the other init containers. It starts first, so it already
 * follows the log while `init-db` writes to it, keeps running beside the app, and stops after it.
 */
export class NativeSidecarChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new SidecarLoggedApp(this, 'native-sidecar-test', {
      metadata: { name: 'native-sidecar-test' },
      sidecarMode: SidecarMode.NATIVE,
      initContainers: [{
        name: 'init-db',
        image: 'busybox',
        command: ['sh', '-c', "echo 'Migrations done' >> /var/log/app.log"],
        volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }],
      }],
      app: {
        name: 'main-container',
        image: 'busybox',
        command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
      },
    });
  }
}
