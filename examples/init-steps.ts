import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { InitPod, InitStep } from 'cdk8s-pod-patterns';

/**
 * The tutorial's real-world init steps: wait until MySQL accepts connections, download config.json
 * from S3 (checked against its SHA-256), then start the app, which reads /config/config.json.
 */
export class InitStepsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new InitPod(this, 'init-steps', {
      metadata: { name: 'init-steps' },
      initSteps: [
        InitStep.waitForTcp('mysql', 3306, { timeoutSeconds: 120 }),
        InitStep.download('https://my-bucket.s3.amazonaws.com/app/config.json', 'config.json', {
          sha256: 'cbdcc68bad6dd8ae7b8bfa9f8eefa2248e32194154c5b15385b8fd5f977826b9',
        }),
      ],
      containers: [{
        name: 'main-container',
        image: 'busybox:1.36',
        command: ['sh', '-c', "echo 'Main container started'; cat /config/config.json"],
      }],
    });
  }
}
