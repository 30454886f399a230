import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExposedService, ResourcePreset, SecurityProfile, ServiceType, SidecarLoggedApp, Workload } from 'cdk8s-pod-patterns';

/**
 * The tutorial's sidecar app, hardened to the "restricted" Pod Security Standard, run as a
 * 3-replica Deployment and load-balanced. The app also serves its log directory over HTTP
 * (busybox httpd on 8080, unprivileged), so the load balancer has something to reach.
 */
export class HardenedChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const app = new SidecarLoggedApp(this, 'hardened-app', {
      metadata: { name: 'hardened-app', labels: { app: 'hardened-app' } },
      workload: Workload.deployment({ replicas: 3 }),
      securityProfile: SecurityProfile.restricted({ resources: ResourcePreset.SMALL }),
      app: {
        name: 'main-container',
        image: 'busybox',
        command: ['sh', '-c', "httpd -p 8080 -h /var/log; while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
        ports: [{ name: 'http', containerPort: 8080 }],
      },
    });

    new ExposedService(this, 'hardened-app-public', {
      metadata: { name: 'hardened-app-public' },
      type: ServiceType.LOAD_BALANCER,
      target: app,
      ports: [{ port: 80, targetPort: 'http' }],
    });
  }
}
