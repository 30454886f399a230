import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { SidecarLoggedApp } from 'cdk8s-pod-patterns';

/**
 * The tutorial's sidecar-container.yml: the app appends to /var/log/app.log on a shared emptyDir
 * volume, the default sidecar (busybox, `tail -f`) prints it. The volume and both mounts are
 * created by the pattern.
 */
export class SidecarContainerChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new SidecarLoggedApp(this, 'sidecar-test', {
      metadata: { name: 'sidecar-test' },
      app: {
        name: 'main-container',
        image: 'busybox',
        command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
      },
    });
  }
}
