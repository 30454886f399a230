import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExposedService, ServiceTarget, TrafficPolicy } from 'cdk8s-pod-patterns';

/** The options only external Services take: source ranges, class, node ports, traffic policy. */
export class ServicesLoadBalancerChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const web = ServiceTarget.fromLabels({ app: 'web' });

    ExposedService.loadBalancer(this, 'web-lb', {
      metadata: {
        name: 'web-lb',
        annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' },
      },
      target: web,
      ports: [{ name: 'https', port: 443, targetPort: 8443 }],
      loadBalancerSourceRanges: ['10.0.0.0/8', '192.168.0.0/16'],
      loadBalancerClass: 'service.k8s.aws/nlb',
      allocateLoadBalancerNodePorts: false,
      externalTrafficPolicy: TrafficPolicy.LOCAL,
      healthCheckNodePort: 32000,
    });

    ExposedService.nodePort(this, 'web-np', {
      metadata: { name: 'web-np' },
      target: web,
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }],
      externalTrafficPolicy: TrafficPolicy.LOCAL,
    });
  }
}
