/**
 * Sidecar.envoy() against Envoy's own docs and repositories: Envoy docs `start/docker`,
 * `start/quick-start/admin` and `operations/admin`; envoyproxy/envoy `configs/admin-interface.yaml`;
 * envoyproxy/gateway `internal/xds/bootstrap/bootstrap.yaml.tpl`
 * (fixture: test/fixtures/vendor/envoy.yaml). The generated envoy.yaml is parsed as YAML and
 * compared with the expected structure.
 */
import { Duration } from 'cdk8s';
import { asWritten, described, expected, parseYaml, vendorFixture } from './vendor';
import { ExposedService, PlainPod, Sidecar, SidecarMode, Workload } from '../../src';
import { newChart, only, synth, synthError } from '../util';

const context = { podName: 'web', workloadKind: 'Deployment' };

function envoyYaml(binding: ReturnType<Sidecar['bind']>): any {
  expect(binding.configMaps?.map((c) => [c.name, Object.keys(c.data)])).toEqual([['web-envoy', ['envoy.yaml']]]);
  return parseYaml(binding.configMaps![0].data['envoy.yaml']);
}

describe('Sidecar.envoy', () => {
  test('binds the vendor container and an envoy.yaml of the expected structure', () => {
    // GIVEN the vendor fragment and an app on 8080
    const fixture = vendorFixture('envoy');
    const sidecar = Sidecar.envoy({ appPort: 8080 });
    // WHEN bound
    const binding = sidecar.bind(context);
    // THEN the container is the vendor's (deviations written down), and envoy.yaml parses to the expected config
    expect(described(asWritten(sidecar, binding), expected(fixture))).toEqual(expected(fixture));
    expect(envoyYaml(binding)).toEqual(fixture.config);
    expect(binding.volumes).toEqual([{ name: 'envoy-config', configMap: { name: 'web-envoy' } }]);
    expect(binding.problems).toEqual([]);
    expect(fixture.header).toContain('envoyproxy/envoy configs/admin-interface.yaml');
    expect(fixture.header).toContain('envoyproxy/gateway internal/xds/bootstrap/bootstrap.yaml.tpl');
  });

  test('fronts the app: Services must target its public port', () => {
    expect(Sidecar.envoy({ appPort: 8080 }).bind(context).frontPorts).toEqual(['envoy-http']);
    expect(Sidecar.envoy({ appPort: 8080, portName: 'web' }).bind(context).frontPorts).toEqual(['web']);
  });

  test('keeps the admin interface on loopback and passes only /ready and /stats/prometheus from outside', () => {
    // GIVEN other ports
    const sidecar = Sidecar.envoy({ appPort: 3000, port: 8000, adminPort: 19000, metricsPort: 19001, requestTimeout: Duration.seconds(60) });
    const config = envoyYaml(sidecar.bind(context));
    // THEN admin listens on 127.0.0.1 only, the public listener forwards to the app on 127.0.0.1
    expect(config.admin.address.socket_address).toEqual({ address: '127.0.0.1', port_value: 19000 });
    const [ingress, adminPaths] = config.static_resources.listeners;
    expect(ingress.address.socket_address).toEqual({ address: '0.0.0.0', port_value: 8000 });
    expect(ingress.filter_chains[0].filters[0].typed_config.route_config.virtual_hosts[0].routes).toEqual([
      { match: { prefix: '/' }, route: { cluster: 'app', timeout: '60s' } },
    ]);
    const endpoint = (c: any) => c.load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address;
    const clusters = Object.fromEntries(config.static_resources.clusters.map((c: any) => [c.name, endpoint(c)]));
    expect(clusters).toEqual({ app: { address: '127.0.0.1', port_value: 3000 }, envoy_admin: { address: '127.0.0.1', port_value: 19000 } });
    // AND the only routes to the admin cluster are two exact paths
    expect(adminPaths.address.socket_address).toEqual({ address: '0.0.0.0', port_value: 19001 });
    expect(adminPaths.filter_chains[0].filters[0].typed_config.route_config.virtual_hosts[0].routes.map((r: any) => r.match)).toEqual([
      { path: '/ready' }, { path: '/stats/prometheus' },
    ]);
  });

  test('is classic by default with a preStop delay; native gets a startup probe on /ready and no delay', () => {
    // GIVEN both modes
    const classic = Sidecar.envoy({ appPort: 8080, shutdownDelay: Duration.seconds(10) });
    const native = Sidecar.envoy({ appPort: 8080, mode: SidecarMode.NATIVE });
    // THEN
    expect(classic.mode).toBe(SidecarMode.CLASSIC);
    expect(classic.bind(context).container.lifecycle).toEqual({ preStop: { exec: { command: ['sleep', '10'] } } });
    expect(classic.bind(context).container.startupProbe).toBeUndefined();
    const n = native.bind(context).container;
    expect(n.lifecycle).toBeUndefined();
    expect(n.startupProbe).toEqual({ httpGet: { path: '/ready', port: 'envoy-metrics' }, periodSeconds: 1, failureThreshold: 30 });
    expect(n.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 'envoy-metrics' } });
  });

  test('names its ConfigMap after the pod, or as given', () => {
    expect(Sidecar.envoy({ appPort: 8080, configMapName: 'edge-proxy' }).bind(context).configMaps?.[0].name).toBe('edge-proxy');
  });

  test('reports every bad option with the field, the value and the fix', () => {
    // GIVEN colliding ports, a reserved port name, a native delay and a pod name too long for the ConfigMap
    const binding = Sidecar.envoy({ appPort: 9901, metricsPort: 10000, portName: 'envoy-metrics', shutdownDelay: Duration.seconds(5), mode: SidecarMode.NATIVE })
      .bind({ ...context, podName: 'x'.repeat(250) });
    // THEN
    expect(binding.problems).toEqual([
      'Sidecar.envoy: adminPort: 9901 is also appPort; each port of the sidecar needs its own number.',
      'Sidecar.envoy: metricsPort: 10000 is also port; each port of the sidecar needs its own number.',
      'Sidecar.envoy: portName: "envoy-metrics" is the name of the metrics port; choose another name.',
      'Sidecar.envoy: shutdownDelay: is set in SidecarMode.NATIVE, where Envoy stops only after the app has exited; remove it, or use SidecarMode.CLASSIC.',
      `Sidecar.envoy: configMapName (from the pod name): "${'x'.repeat(250)}-envoy" is not a valid ConfigMap name: it must be no more than 253 characters (it has 256).`,
    ]);
    // AND no config (no ConfigMap) is written from invalid options
    expect(binding.configMaps).toBeUndefined();
  });

  test('GIVEN a configMapName that is no string WHEN the pod is synthesized THEN the option is named, and no ConfigMap is made from it (review 68 M3)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'web' }, containers: [{ name: 'app', image: 'nginx:1.27' }], sidecars: [Sidecar.envoy({ appPort: 8080, configMapName: -1 as any })] });
    expect(synthError(chart)).toContain("PlainPod 'web': Sidecar.envoy: configMapName: -1 is not a valid ConfigMap name: it must be a string.");
  });

  test('GIVEN a name that is no string WHEN the pod is synthesized THEN the option is named, without a TypeError (review 69 N5)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'web' }, containers: [{ name: 'app', image: 'nginx:1.27' }], sidecars: [Sidecar.envoy({ appPort: 8080, name: 5 as any })] });
    expect(synthError(chart)).toContain('Sidecar.envoy: name: 5 is not a valid container name: it must be a string.');
  });

  test('rejects option values a JavaScript caller could use to change envoy.yaml', () => {
    const binding = Sidecar.envoy({ appPort: '8080\nadmin: {}' as any }).bind(context);
    expect(binding.problems).toEqual(['Sidecar.envoy: appPort: "8080\\nadmin: {}" is not a TCP port; use a whole number from 1 to 65535.']);
    expect(binding.configMaps).toBeUndefined();
  });
});

describe('Sidecar.envoy in a pod', () => {
  const pod = (chart: ReturnType<typeof newChart>) => new PlainPod(chart, 'web', {
    metadata: { name: 'web', labels: { app: 'web' } },
    workload: Workload.deployment(),
    containers: [{ name: 'web', image: 'ghcr.io/example/web:2.3.1', ports: [{ name: 'http', containerPort: 8080 }] }],
    sidecars: [Sidecar.envoy({ appPort: 8080 })],
  });

  test('synthesizes the ConfigMap before the Deployment and a Service on Envoy, accepted by the offline validators', () => {
    // GIVEN a Deployment with Envoy and a Service targeting Envoy's port
    const chart = newChart();
    const web = pod(chart);
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: web, ports: [{ port: 80, targetPort: 'envoy-http' }] });
    // WHEN synthesized
    const manifests = synth(chart);
    // THEN
    expect(manifests.map((m) => m.kind)).toEqual(['ConfigMap', 'Deployment', 'Service']);
    const cm = only(manifests, 'ConfigMap');
    expect(cm.metadata.name).toBe('web-envoy');
    expect(parseYaml(cm.data['envoy.yaml']).admin.address.socket_address.address).toBe('127.0.0.1');
    const spec = only(manifests, 'Deployment').spec.template.spec;
    expect(spec.containers.map((c: any) => c.name)).toEqual(['web', 'envoy']);
    expect(spec.volumes).toEqual([{ name: 'envoy-config', configMap: { name: 'web-envoy' } }]);
  });

  test('refuses a Service that targets the app port behind Envoy', () => {
    const chart = newChart();
    const web = pod(chart);
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: web, ports: [{ port: 80, targetPort: 'http' }] });
    expect(synthError(chart)).toMatch(/envoy-http/);
  });
});
