import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExposedService, PlainPod, ServiceType } from 'cdk8s-pod-patterns';

/** One web pod exposed three ways: ClusterIP (inside the cluster), NodePort and LoadBalancer. */
export class ServicesChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const web = new PlainPod(this, 'web', {
      metadata: { name: 'web', labels: { app: 'web' } },
      containers: [{
        name: 'web',
        image: 'nginx:1.27',
        ports: [{ name: 'http', containerPort: 80 }],
      }],
    });

    new ExposedService(this, 'web-internal', {
      metadata: { name: 'web-internal' },
      target: web,
      ports: [{ port: 80, targetPort: 'http' }],
    });

    new ExposedService(this, 'web-nodeport', {
      metadata: { name: 'web-nodeport' },
      type: ServiceType.NODE_PORT,
      target: web,
      ports: [{ port: 80, targetPort: 'http', nodePort: 30080 }],
    });

    new ExposedService(this, 'web-public', {
      metadata: { name: 'web-public' },
      type: ServiceType.LOAD_BALANCER,
      target: web,
      ports: [{ port: 80, targetPort: 'http' }],
    });
  }
}
