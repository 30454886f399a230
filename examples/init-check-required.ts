import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { InitPod, InitStep } from 'cdk8s-pod-patterns';

/**
 * Environment checks: the pod stops at `Init:Error` with one line naming every missing setting
 * (a key absent from the Secret, a TLS certificate not mounted) instead of an app that crashes
 * later. The step gets the same environment sources and volume as the app.
 */
export class InitCheckRequiredChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const envFrom = [{ secretRef: { name: 'app-settings' } }];
    const tls = { name: 'tls', mountPath: '/etc/tls', readOnly: true };
    new InitPod(this, 'check-required', {
      metadata: { name: 'check-required' },
      initSteps: [
        InitStep.checkRequired({
          env: ['DATABASE_URL', 'API_KEY'],
          files: ['/etc/tls/tls.crt', '/etc/tls/tls.key'],
          envFrom,
          volumeMounts: [tls],
        }),
      ],
      containers: [{ name: 'app', image: 'nginx:1.27', envFrom, volumeMounts: [tls] }],
      volumes: [{ name: 'tls', secret: { secretName: 'app-tls' } }],
    });
  }
}
