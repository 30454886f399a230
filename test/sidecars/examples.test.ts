/**
 * The catalogue's example charts (examples/sidecar-<entry>.ts, synthesized to
 * dist/sidecar-<entry>.k8s.yaml): each passes the three offline validators and holds the
 * sidecar it documents, where the entry puts it.
 */
import { exampleCharts } from '../example-charts';
import { synth } from '../util';

const charts = exampleCharts();

/** Per example: the workload kind, and where the sidecar container lands ('init' for native). */
const expectations: Array<[string, string, string, 'init' | 'containers']> = [
  ['dist/sidecar-cloud-sql-proxy.k8s.yaml', 'Deployment', 'cloud-sql-proxy', 'init'],
  ['dist/sidecar-git-sync.k8s.yaml', 'Deployment', 'git-sync', 'containers'],
  ['dist/sidecar-nginx-exporter.k8s.yaml', 'Deployment', 'nginx-exporter', 'containers'],
  ['dist/sidecar-mysqld-exporter.k8s.yaml', 'StatefulSet', 'mysqld-exporter', 'containers'],
  ['dist/sidecar-envoy.k8s.yaml', 'Deployment', 'envoy', 'containers'],
  ['dist/sidecar-oauth2-proxy.k8s.yaml', 'Deployment', 'oauth2-proxy', 'containers'],
  ['dist/sidecar-s3-backup.k8s.yaml', 'Deployment', 's3-backup', 'init'],
  ['dist/sidecar-log-shipper.k8s.yaml', 'Deployment', 'fluent-bit', 'containers'],
];

describe('sidecar catalogue examples', () => {
  test('every catalogue entry has an example chart', () => {
    expect([...charts.keys()].filter((f) => /^dist\/sidecar-(?!container)/.test(f)).sort()).toEqual(expectations.map((e) => e[0]).sort());
  });

  test.each(expectations)('%s synthesizes a valid %s with its %s sidecar', (file, kind, sidecar, where) => {
    const manifests = synth(charts.get(file)!);
    const workload = manifests.find((m) => m.kind === kind);
    const spec = workload.spec.template.spec;
    const list = where === 'init' ? spec.initContainers : spec.containers;
    const container = list.find((c: any) => c.name === sidecar);
    expect(container).toBeDefined();
    expect(container.restartPolicy).toBe(where === 'init' ? 'Always' : undefined);
  });
});
