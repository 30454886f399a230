import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PlainPod, Workload } from 'cdk8s-pod-patterns';

/**
 * The CronJob of https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/
 * (kubernetes/website content/en/examples/application/job/cronjob.yaml): says hello every minute.
 */
export class WorkloadCronJobChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new PlainPod(this, 'hello', {
      metadata: { name: 'hello' },
      workload: Workload.cronJob({ schedule: '*/1 * * * *' }),
      restartPolicy: 'OnFailure',
      containers: [{
        name: 'hello',
        image: 'busybox',
        imagePullPolicy: 'IfNotPresent',
        args: ['/bin/sh', '-c', 'date; echo Hello from the Kubernetes cluster'],
      }],
    });
  }
}
