import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExposedService, PlainPod, Workload } from 'cdk8s-pod-patterns';

/**
 * The StatefulSet of https://kubernetes.io/docs/tutorials/stateful-application/basic-stateful-set/
 * (kubernetes/website content/en/examples/application/web/web.yaml): two nginx pods with stable
 * names and a volume each, and the headless Service that gives them their DNS names.
 */
export class WorkloadStatefulSetChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const web = new PlainPod(this, 'web', {
      metadata: { name: 'web' },
      podMetadata: { labels: { app: 'nginx' } },
      workload: Workload.statefulSet({
        serviceName: 'nginx',
        replicas: 2,
        volumeClaimTemplates: [{
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        }],
      }),
      containers: [{
        name: 'nginx',
        image: 'registry.k8s.io/nginx-slim:0.7',
        ports: [{ containerPort: 80, name: 'web' }],
        volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
      }],
    });

    ExposedService.headless(this, 'nginx', {
      metadata: { name: 'nginx', labels: { app: 'nginx' } },
      target: web,
      ports: [{ port: 80, name: 'web' }],
    });
  }
}
