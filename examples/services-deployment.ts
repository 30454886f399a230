import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExposedService, PlainPod, TrafficPolicy, Workload } from 'cdk8s-pod-patterns';

/** From the tutorial's single pod to three replicas behind a load balancer: one prop and one line more. */
export class ServicesDeploymentChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const web = new PlainPod(this, 'web', {
      metadata: { name: 'web', labels: { app: 'web' } },
      workload: Workload.deployment({ replicas: 3 }),
      containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
    });

    ExposedService.loadBalancer(this, 'web-lb', { metadata: { name: 'web' }, target: web, ports: [{ port: 80, targetPort: 'http' }], externalTrafficPolicy: TrafficPolicy.LOCAL });
  }
}
