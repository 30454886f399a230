import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { InitPod } from 'cdk8s-pod-patterns';

/** The tutorial's init-container.yml: an init container runs to completion, then the main container starts. */
export class InitContainerChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new InitPod(this, 'init-test', {
      metadata: { name: 'init-test' },
      initContainers: [{
        name: 'init-container',
        image: 'busybox:latest',
        command: ['sh', '-c', "echo 'Initialization started...'; sleep 10; echo 'Initialization completed.'"],
      }],
      containers: [{
        name: 'main-container',
        image: 'busybox:latest',
        command: ['sh', '-c', "echo 'Main container started'"],
      }],
    });
  }
}
