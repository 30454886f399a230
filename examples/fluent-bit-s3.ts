import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { FluentBitOutput, LogShipper, S3Compression, SidecarLoggedApp } from 'cdk8s-pod-patterns';

/**
 * The app's log shipped to S3 by a Fluent Bit sidecar: gzip objects of up to 50 MB, uploaded in
 * 10 MB parts, a new object at least every 5 minutes. The AWS keys stay in the Secret
 * `aws-credentials` (keys AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY); omit credentialsSecret to
 * use the pod's service-account role instead.
 */
export class FluentBitS3Chart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new SidecarLoggedApp(this, 's3-logged-app', {
      metadata: { name: 's3-logged-app' },
      app: {
        name: 'main-container',
        image: 'busybox',
        command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
      },
      logShipper: LogShipper.fluentBit({
        output: FluentBitOutput.s3({
          bucket: 'my-app-logs',
          region: 'eu-west-1',
          totalFileSize: '50M',
          uploadChunkSize: '10M',
          uploadTimeout: Duration.minutes(5),
          s3KeyFormat: '/app-logs/$TAG/%Y/%m/%d/%H%M%S-$UUID.gz',
          compression: S3Compression.GZIP,
          credentialsSecret: { name: 'aws-credentials' },
        }),
      }),
    });
  }
}
