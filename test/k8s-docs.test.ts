import { Testing } from 'cdk8s';
import { exampleCharts } from './example-charts';
import { assertValidManifests, fixture } from './util';

/**
 * Manifests from the Kubernetes documentation (test/fixtures/k8s-docs, each citing its source)
 * written through the public API by the example charts, with no JSON patch: the synthesized
 * objects equal the documentation's, as data.
 */
const byKindAndName = (a: any, b: any) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`);

describe('manifests of the Kubernetes documentation', () => {
  const charts = exampleCharts();
  test.each([
    ['workload-deployment', 'nginx-deployment.yaml'],
    ['workload-statefulset', 'web.yaml'],
    ['workload-daemonset', 'daemonset.yaml'],
    ['workload-job', 'job.yaml'],
    ['workload-cronjob', 'cronjob.yaml'],
    ['workload-job-sidecar', 'job-sidecar.yaml'],
  ])('the %s example writes exactly k8s-docs/%s', (chart, file) => {
    const manifests = Testing.synth(charts.get(`dist/${chart}.k8s.yaml`)!);
    assertValidManifests(manifests);
    expect([...manifests].sort(byKindAndName)).toEqual(fixture(`k8s-docs/${file}`).sort(byKindAndName));
  });

  test('the inject-existing example adds a native proxy and a wait for it to the YAML Deployment, in the chart\'s namespace', () => {
    const [deployment] = Testing.synth(charts.get('dist/inject-existing.k8s.yaml')!);
    const [original] = fixture('k8s-docs/nginx-deployment.yaml');
    const { initContainers, ...rest } = deployment.spec.template.spec;
    const inLegacy = { ...original, metadata: { ...original.metadata, namespace: 'legacy' } };
    expect({ ...deployment, spec: { ...deployment.spec, template: { ...deployment.spec.template, spec: rest } } }).toEqual(inLegacy);
    expect(initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['cloud-sql-proxy', 'Always'], ['wait-for-proxy', undefined]]);
  });
});
