import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExposedService, IpFamily, IpFamilyPolicy, PlainPod, Protocol, SessionAffinity, TrafficPolicy } from 'cdk8s-pod-patterns';

/** A pod with three named ports behind one ClusterIP Service: named targetPorts, UDP, sticky sessions, dual-stack where available. */
export class ServicesPortsChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const app = new PlainPod(this, 'app', {
      metadata: { name: 'app', labels: { app: 'app' } },
      containers: [{
        name: 'app',
        image: 'registry.example.com/app:1.0',
        ports: [
          { name: 'http', containerPort: 8080 },
          { name: 'metrics', containerPort: 9090 },
          { name: 'syslog', containerPort: 5514, protocol: 'UDP' },
        ],
      }],
    });

    ExposedService.clusterIp(this, 'app-svc', {
      metadata: { name: 'app' },
      target: app,
      ports: [
        { name: 'http', port: 80, targetPort: 'http' },
        { name: 'metrics', port: 9090, targetPort: 'metrics' },
        { name: 'syslog', port: 514, targetPort: 'syslog', protocol: Protocol.UDP },
      ],
      sessionAffinity: SessionAffinity.CLIENT_IP,
      sessionAffinityTimeoutSeconds: 600,
      internalTrafficPolicy: TrafficPolicy.LOCAL,
      ipFamilyPolicy: IpFamilyPolicy.PREFER_DUAL_STACK,
      ipFamilies: [IpFamily.IPV4],
    });
  }
}
