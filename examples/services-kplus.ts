import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExposedService, ServiceTarget } from 'cdk8s-pod-patterns';

/** A cdk8s-plus-28 Deployment exposed in one line, its named port checked. */
export class ServicesKplusChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const api = new kplus.Deployment(this, 'api', {
      metadata: { name: 'api' },
      containers: [{
        image: 'registry.example.com/api:2.3',
        ports: [{ name: 'http', number: 8080 }],
      }],
    });

    ExposedService.clusterIp(this, 'api-svc', { metadata: { name: 'api' }, target: ServiceTarget.fromKplus(api), ports: [{ port: 80, targetPort: 'http' }] });
  }
}
