import * as path from 'path';
import { Chart, Include } from 'cdk8s';
import { Construct } from 'constructs';
import { Inject, InitStep, Sidecar } from 'cdk8s-pod-patterns';

/**
 * A Deployment you already have as YAML (existing/nginx-deployment.yaml, the one of
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/), loaded with cdk8s
 * `Include`, gets a database proxy as a native sidecar and an init step that waits until the
 * proxy accepts connections (native sidecars start before init steps), at synth time and
 * validated like the library's own pods: what a mutating webhook would do in the cluster, as code
 * reviewed in git. The chart's namespace keeps it apart from the workload-deployment example's
 * Deployment of the same name (one app, one name per kind and namespace).
 */
export class InjectExistingChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'legacy' });

    const existing = new Include(this, 'nginx', { url: path.join(__dirname, 'existing', 'nginx-deployment.yaml') });
    Inject.into(existing, {
      sidecars: [Sidecar.cloudSqlProxy({ instanceConnectionName: 'my-project:us-central1:my-instance', port: 5432 })],
      initSteps: [InitStep.waitForTcp('127.0.0.1', 5432, { name: 'wait-for-proxy' })],
    });
  }
}
