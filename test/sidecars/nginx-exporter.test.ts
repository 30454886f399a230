/**
 * Sidecar.nginxExporter() against the vendor's recommended usage: nginx/nginx-prometheus-exporter
 * `README.md` ("Running the Exporter in a Docker Container", "Prerequisites", "Command-line
 * Arguments") (fixture: test/fixtures/vendor/nginx-exporter.yaml).
 */
import { asWritten, described, expected, vendorFixture } from './vendor';
import { ExposedService, PlainPod, Sidecar, SidecarMode, Workload } from '../../src';
import { newChart, only, synth } from '../util';

const context = { podName: 'web', workloadKind: 'Deployment' };

describe('Sidecar.nginxExporter', () => {
  test('binds the vendor docker command as a container, with the metrics port named', () => {
    // GIVEN the vendor fragment and the defaults (stub_status on 127.0.0.1:8080)
    const fixture = vendorFixture('nginx-exporter');
    const sidecar = Sidecar.nginxExporter();
    // WHEN bound
    const binding = sidecar.bind(context);
    // THEN it is the vendor's container
    expect(described(asWritten(sidecar, binding), expected(fixture))).toEqual(expected(fixture));
    expect(binding.problems).toEqual([]);
    expect(fixture.header).toContain('nginx/nginx-prometheus-exporter');
    expect(fixture.header).toContain('README.md');
  });

  test('is classic by default; native gets a startup probe on /metrics', () => {
    expect(Sidecar.nginxExporter().mode).toBe(SidecarMode.CLASSIC);
    expect(Sidecar.nginxExporter().bind(context).container.startupProbe).toBeUndefined();
    expect(Sidecar.nginxExporter({ mode: SidecarMode.NATIVE }).bind(context).container.startupProbe).toEqual({
      httpGet: { path: '/metrics', port: 'nginx-metrics' }, periodSeconds: 1, failureThreshold: 30,
    });
  });

  test('writes NGINX Plus, another scrape URI and another port as the vendor flags', () => {
    const binding = Sidecar.nginxExporter({ plus: true, scrapeUri: 'http://127.0.0.1:8080/api', port: 9114 }).bind(context);
    expect(binding.container.args).toEqual(['--nginx.plus', '--nginx.scrape-uri=http://127.0.0.1:8080/api', '--web.listen-address=:9114']);
    expect(binding.container.ports).toEqual([{ name: 'nginx-metrics', containerPort: 9114 }]);
    expect(Sidecar.nginxExporter({ scrapeUri: 'unix:/var/run/nginx.sock:/stub_status' }).bind(context).problems).toEqual([]);
  });

  test('reports every bad option with the field, the value and the fix', () => {
    const binding = Sidecar.nginxExporter({ scrapeUri: 'ftp://nginx/stub_status', port: 70000, plus: 'yes' as any }).bind(context);
    expect(binding.problems).toEqual([
      'Sidecar.nginxExporter: scrapeUri: "ftp://nginx/stub_status" is not a URL the exporter can scrape; write \'http://127.0.0.1:8080/stub_status\' (or \'unix:/path/to/socket:/stub_status\').',
      'Sidecar.nginxExporter: plus: "yes" must be true or false.',
      'Sidecar.nginxExporter: port: 70000 is not a TCP port; use a whole number from 1 to 65535.',
    ]);
    expect(Sidecar.nginxExporter({ scrapeUri: 'http://admin:pw@127.0.0.1:8080/stub_status' }).bind(context).problems).toEqual([
      'Sidecar.nginxExporter: scrapeUri: "http://admin:pw@127.0.0.1:8080/stub_status" contains credentials, which would be written in clear text into the manifest; expose stub_status without authentication on a port only the pod reaches.',
    ]);
  });
});

describe('Sidecar.nginxExporter in a pod', () => {
  test('synthesizes NGINX with the exporter and a Service for its metrics port, accepted by the offline validators', () => {
    // GIVEN NGINX with the exporter, and a Service for the metrics by port name
    const chart = newChart();
    const nginx = new PlainPod(chart, 'nginx', {
      metadata: { name: 'nginx', labels: { app: 'nginx' } },
      workload: Workload.deployment(),
      containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
      sidecars: [Sidecar.nginxExporter()],
    });
    new ExposedService(chart, 'metrics', { metadata: { name: 'nginx-metrics' }, target: nginx, ports: [{ name: 'metrics', port: 9113, targetPort: 'nginx-metrics' }] });
    // WHEN synthesized
    const manifests = synth(chart);
    // THEN the exporter is the second container
    expect(only(manifests, 'Deployment').spec.template.spec.containers.map((c: any) => c.name)).toEqual(['nginx', 'nginx-exporter']);
    expect(only(manifests, 'Service').spec.ports).toEqual([{ name: 'metrics', port: 9113, targetPort: 'nginx-metrics' }]);
  });
});
