import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { SidecarLoggedApp, SidecarMode, Workload } from 'cdk8s-pod-patterns';

/**
 * The Job with a native sidecar of https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 * (kubernetes/website content/en/examples/application/job/job-sidecar.yaml): the log shipper is
 * an init container with `restartPolicy: Always`, so it is stopped when the job's container
 * exits and the Job completes. A classic sidecar here is an error that names SidecarMode.NATIVE.
 */
export class WorkloadJobSidecarChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new SidecarLoggedApp(this, 'myjob', {
      metadata: { name: 'myjob' },
      workload: Workload.job(),
      restartPolicy: 'Never',
      logVolumeName: 'data',
      logMountPath: '/opt',
      sidecarMode: SidecarMode.NATIVE,
      app: { name: 'myjob', image: 'alpine:latest', command: ['sh', '-c', 'echo "logging" > /opt/logs.txt'] },
      sidecar: { name: 'logshipper', image: 'alpine:latest', command: ['sh', '-c', 'tail -F /opt/logs.txt'] },
    });
  }
}
