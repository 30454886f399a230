import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PlainPod, Workload } from 'cdk8s-pod-patterns';

/**
 * The Deployment of https://kubernetes.io/docs/concepts/workloads/controllers/deployment/
 * (kubernetes/website content/en/examples/controllers/nginx-deployment.yaml): three nginx pods,
 * selected by the label they share with the Deployment.
 */
export class WorkloadDeploymentChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new PlainPod(this, 'nginx-deployment', {
      metadata: { name: 'nginx-deployment', labels: { app: 'nginx' } },
      workload: Workload.deployment({ replicas: 3 }),
      containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }],
    });
  }
}
