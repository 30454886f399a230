import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { InitPod, InitStep, TemplateEscape } from 'cdk8s-pod-patterns';

/**
 * Config setup: an init step renders /config/app.json from a template (in a generated ConfigMap)
 * with the database host and an API token from a Secret, escaped for JSON strings, before the app
 * starts and reads it. The ConfigMap holds only the template; the token stays in the Secret.
 */
export class InitRenderTemplateChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new InitPod(this, 'render-template', {
      metadata: { name: 'render-template' },
      initSteps: [
        InitStep.renderTemplate('{\n  "database": "${DB_HOST}:5432",\n  "apiToken": "${API_TOKEN}"\n}\n', 'app.json', {
          variables: [
            { name: 'DB_HOST', value: 'postgres.db.svc.cluster.local' },
            { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api-credentials', key: 'token' } } },
          ],
          escape: TemplateEscape.JSON_STRING,
        }),
      ],
      containers: [{
        name: 'app',
        image: 'busybox:1.36',
        command: ['sh', '-c', 'cat /config/app.json && sleep 3600'],
      }],
    });
  }
}
