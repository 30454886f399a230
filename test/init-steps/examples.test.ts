import { exampleCharts } from '../example-charts';
import { only, synth } from '../util';

const charts = exampleCharts();

describe('the init catalogue examples', () => {
  test('init-render-template: app.json rendered from a generated ConfigMap, the token from a Secret', () => {
    const manifests = synth(charts.get('dist/init-render-template.k8s.yaml')!);
    expect(only(manifests, 'ConfigMap').metadata.name).toBe('render-template-render-app-json');
    expect(only(manifests, 'ConfigMap').data.template).toContain('"apiToken": "${API_TOKEN}"');
    const spec = only(manifests, 'Pod').spec;
    const [step] = spec.initContainers;
    expect(step.name).toBe('render-app-json');
    expect(step.env).toContainEqual({ name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api-credentials', key: 'token' } } });
    expect(step.command[2]).toContain('-v esc=json');
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'init-files', mountPath: '/config' }]);
  });

  test('init-check-required: the step sees the app\'s Secret and TLS volume', () => {
    const spec = only(synth(charts.get('dist/init-check-required.k8s.yaml')!), 'Pod').spec;
    const [step] = spec.initContainers;
    expect(step.name).toBe('check-required');
    expect(step.envFrom).toEqual(spec.containers[0].envFrom);
    expect(step.volumeMounts).toEqual(spec.containers[0].volumeMounts);
    expect(spec.volumes).toEqual([{ name: 'tls', secret: { secretName: 'app-tls' } }]);
  });

  test('init-databases: pg_isready and mysqladmin in their official images, credentials by reference', () => {
    const spec = only(synth(charts.get('dist/init-databases.k8s.yaml')!), 'Pod').spec;
    expect(spec.initContainers.map((c: any) => [c.name, c.image])).toEqual([
      ['wait-for-postgres-postgres-db-svc-cluster-local', 'postgres:16.4-alpine'],
      ['wait-for-mysql-mysql-db-svc-cluster-local', 'mysql:8.4.3'],
    ]);
    const env = spec.initContainers.flatMap((c: any) => c.env);
    expect(env.every((e: any) => e.value === undefined || e.name === 'PGDATABASE')).toBe(true);
    expect(JSON.stringify(spec)).not.toMatch(/password"\s*:\s*"[^$]/i);
  });

  test('init-download-s3: the pod identity for one bucket, Secret keys for the S3-compatible store', () => {
    const d = only(synth(charts.get('dist/init-download-s3.k8s.yaml')!), 'Deployment');
    const spec = d.spec.template.spec;
    expect(spec.serviceAccountName).toBe('model-reader');
    const [model, settings] = spec.initContainers;
    expect(model.image).toBe('amazon/aws-cli:2.17.0');
    expect(model.env).toBeUndefined();
    expect(model.command[2]).toContain('--region eu-west-1');
    expect(settings.env.map((e: any) => e.name)).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
    expect(settings.command[2]).toContain('endpoint=http://minio.storage.svc.cluster.local:9000');
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'init-files', mountPath: '/config' }]);
  });
});
