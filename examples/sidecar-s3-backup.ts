import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { PlainPod, Sidecar, SidecarMode, Workload } from 'cdk8s-pod-patterns';

/**
 * A backup agent: rclone copies the wiki's data volume to S3 every 6 hours (rclone/rclone docs:
 * a remote configured by environment variables, env_auth). No credentials are written: the
 * pod's service account `wiki` has an IAM role (IRSA or EKS Pod Identity). As a native sidecar
 * it is stopped after the wiki, so its last run copies the final state.
 */
export class SidecarS3BackupChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new PlainPod(this, 'wiki', {
      metadata: { name: 'wiki', labels: { app: 'wiki' } },
      workload: Workload.deployment({ replicas: 1, strategy: { type: 'Recreate' } }),
      serviceAccountName: 'wiki',
      terminationGracePeriodSeconds: 120,
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'wiki-data' } }],
      containers: [{
        name: 'wiki',
        image: 'ghcr.io/example/wiki:5.1.0',
        ports: [{ name: 'http', containerPort: 8080 }],
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/wiki' }],
      }],
      sidecars: [Sidecar.s3Backup({
        volumeName: 'data',
        bucket: 'example-wiki-backups',
        region: 'eu-west-1',
        interval: Duration.hours(6),
        mode: SidecarMode.NATIVE,
      })],
    });
  }
}
