import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ExposedService, ServiceTarget } from 'cdk8s-pod-patterns';

/** Headless Services: DNS returns the pods' own IPs (with ports, and without any). */
export class ServicesHeadlessChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const db = ServiceTarget.fromLabels({ app: 'db' });

    // Peer discovery for a StatefulSet: every pod, ready or not, gets a DNS record.
    ExposedService.headless(this, 'db-peers', {
      metadata: { name: 'db-peers' },
      target: db,
      ports: [{ name: 'peer', port: 2380 }],
      publishNotReadyAddresses: true,
    });

    // No ports at all: only DNS records for the selected pods.
    ExposedService.headless(this, 'db-dns', {
      metadata: { name: 'db-dns' },
      target: db,
    });
  }
}
