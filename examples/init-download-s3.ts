import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { InitPod, InitStep, Workload } from 'cdk8s-pod-patterns';

/**
 * Downloading dependencies from a private S3 bucket: the model file comes with the pod's own
 * identity (the `model-reader` service account, e.g. IAM roles for service accounts on EKS), the
 * settings from an S3-compatible store (MinIO) with keys from a Secret; both are checked against
 * their SHA-256 before the app starts.
 */
export class InitDownloadS3Chart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new InitPod(this, 'download-s3', {
      metadata: { name: 'download-s3', labels: { app: 'model-server' } },
      workload: Workload.deployment({ replicas: 2 }),
      serviceAccountName: 'model-reader',
      initSteps: [
        InitStep.downloadFromS3('ml-models', 'resnet/v3/model.onnx', 'models/model.onnx', {
          region: 'eu-west-1',
          sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
          timeoutSeconds: 600,
        }),
        InitStep.downloadFromS3('settings', 'model-server/settings.json', 'settings.json', {
          endpointUrl: 'http://minio.storage.svc.cluster.local:9000',
          credentials: {
            accessKeyId: { name: 'minio-credentials', key: 'access-key' },
            secretAccessKey: { name: 'minio-credentials', key: 'secret-key' },
          },
        }),
      ],
      containers: [{ name: 'server', image: 'my-model-server:2.1', args: ['--model', '/config/models/model.onnx', '--settings', '/config/settings.json'] }],
    });
  }
}
