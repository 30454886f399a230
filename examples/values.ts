import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PlainPod, Workload } from 'cdk8s-pod-patterns';

/**
 * Quantities and int-or-string values written two ways that synthesize the same pod template:
 * plain strings and numbers, as in YAML ('100m', '128Mi', '1Gi', 80, 'http', '25%'), and the
 * k8s.Quantity and k8s.IntOrString classes of cdk8s-plus (of any cdk8s-plus-NN; here -28).
 */
export class ValuesChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new PlainPod(this, 'plain', {
      metadata: { name: 'plain', labels: { app: 'plain' } },
      workload: Workload.deployment({ strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } } }),
      containers: [{
        name: 'web',
        image: 'nginx:1.27',
        ports: [{ name: 'http', containerPort: 80 }],
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } },
        readinessProbe: { httpGet: { path: '/', port: 'http' } },
        livenessProbe: { tcpSocket: { port: 80 } },
        volumeMounts: [{ name: 'cache', mountPath: '/var/cache/nginx' }],
      }],
      volumes: [{ name: 'cache', emptyDir: { sizeLimit: '1Gi' } }],
    });

    new PlainPod(this, 'wrapped', {
      metadata: { name: 'wrapped', labels: { app: 'wrapped' } },
      workload: Workload.deployment({
        strategy: { rollingUpdate: { maxSurge: k8s.IntOrString.fromNumber(1), maxUnavailable: k8s.IntOrString.fromString('25%') } },
      }),
      containers: [{
        name: 'web',
        image: 'nginx:1.27',
        ports: [{ name: 'http', containerPort: 80 }],
        resources: {
          requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('128Mi') },
          limits: { memory: k8s.Quantity.fromString('128Mi') },
        },
        readinessProbe: { httpGet: { path: '/', port: k8s.IntOrString.fromString('http') } },
        livenessProbe: { tcpSocket: { port: k8s.IntOrString.fromNumber(80) } },
        volumeMounts: [{ name: 'cache', mountPath: '/var/cache/nginx' }],
      }],
      volumes: [{ name: 'cache', emptyDir: { sizeLimit: k8s.Quantity.fromString('1Gi') } }],
    });
  }
}
