import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PlainPod, Workload } from 'cdk8s-pod-patterns';

/**
 * The Job of https://kubernetes.io/docs/concepts/workloads/controllers/job/
 * (kubernetes/website content/en/examples/controllers/job.yaml): computes pi once, retried up to
 * four times. No labels: Kubernetes generates the Job's selector.
 */
export class WorkloadJobChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new PlainPod(this, 'pi', {
      metadata: { name: 'pi' },
      workload: Workload.job({ backoffLimit: 4 }),
      restartPolicy: 'Never',
      containers: [{ name: 'pi', image: 'perl', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(1000)'] }],
    });
  }
}
