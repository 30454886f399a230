import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PlainPod, Sidecar, Workload } from 'cdk8s-pod-patterns';

/**
 * The kubernetes/git-sync docs' example (docs/kubernetes.md): git-sync keeps the repository
 * checked out in a shared volume and httpd serves it read-only. The first sync runs as an init
 * step (`--one-time`), so httpd starts with the files in place; git-sync then pulls every 60 s
 * and swaps the `current` link atomically. git-sync runs as uid 65533 with the pod's
 * `fsGroup: 65533`.
 */
export class SidecarGitSyncChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new PlainPod(this, 'git-sync-example', {
      metadata: { name: 'git-sync-example', labels: { app: 'git-sync-example' } },
      workload: Workload.deployment({ replicas: 1 }),
      containers: [{ name: 'server', image: 'httpd:2.4-alpine', ports: [{ name: 'http', containerPort: 80 }] }],
      sidecars: [
        Sidecar.gitSync({ repo: 'https://github.com/kubernetes/git-sync', appMountPath: '/usr/local/apache2/htdocs/' }),
      ],
    });
  }
}
