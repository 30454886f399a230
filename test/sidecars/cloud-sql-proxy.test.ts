/**
 * Sidecar.cloudSqlProxy() against the vendor's recommended manifest: GoogleCloudPlatform/cloud-sql-proxy
 * `examples/k8s-sidecar/job_with_sidecar.yaml`, `examples/k8s-sidecar/proxy_with_workload_identity.yaml`,
 * `examples/k8s-sidecar/README.md` and `examples/k8s-health-check/README.md`
 * (fixture: test/fixtures/vendor/cloud-sql-proxy.yaml).
 */
import { Duration } from 'cdk8s';
import { asWritten, described, expected, vendorFixture } from './vendor';
import { InitStep, PlainPod, Sidecar, SidecarMode, Workload } from '../../src';
import { newChart, only, synth, synthError } from '../util';

const context = { podName: 'web', workloadKind: 'Deployment' };
const base = { instanceConnectionName: 'my-project:europe-west1:my-db', port: 5432 };

describe('Sidecar.cloudSqlProxy', () => {
  test('binds the vendor recommended native sidecar, with each difference written down in the fixture', () => {
    // GIVEN the vendor fragment and the options that fill its placeholders
    const fixture = vendorFixture('cloud-sql-proxy');
    const sidecar = Sidecar.cloudSqlProxy(base);
    // WHEN bound to a pod
    const binding = sidecar.bind(context);
    // THEN it is the vendor's container (native: restartPolicy Always), deviations applied, no problems
    expect(described(asWritten(sidecar, binding), expected(fixture))).toEqual(expected(fixture));
    expect(binding.problems).toEqual([]);
    expect(fixture.header).toContain('GoogleCloudPlatform/cloud-sql-proxy');
    expect(fixture.header).toContain('examples/k8s-sidecar/job_with_sidecar.yaml');
    for (const d of fixture.deviations) {
      expect(d.why.length).toBeGreaterThan(20);
    }
  });

  test('is native by default and classic when asked, keeping the startup probe in both modes', () => {
    // GIVEN the default and an explicit classic proxy
    const native = Sidecar.cloudSqlProxy(base);
    const classic = Sidecar.cloudSqlProxy({ ...base, mode: SidecarMode.CLASSIC });
    // THEN the modes differ and both containers carry the vendor's startup probe on /startup
    expect(native.mode).toBe(SidecarMode.NATIVE);
    expect(classic.mode).toBe(SidecarMode.CLASSIC);
    for (const s of [native, classic]) {
      expect(s.bind(context).container.startupProbe).toEqual({ httpGet: { path: '/startup', port: 9801 }, periodSeconds: 1, timeoutSeconds: 5, failureThreshold: 20 });
    }
  });

  test('has no readiness probe, as the vendor recommends for the proxy', () => {
    expect(Sidecar.cloudSqlProxy(base).bind(context).container.readinessProbe).toBeUndefined();
  });

  test('writes the optional flags in the vendor spelling', () => {
    // GIVEN every optional setting
    const binding = Sidecar.cloudSqlProxy({
      ...base,
      privateIp: true,
      autoIamAuthn: true,
      prometheus: true,
      structuredLogs: false,
      httpPort: 9090,
      maxSigtermDelay: Duration.seconds(30),
    }).bind(context);
    // THEN the flags follow the defaults, the port goes last before the instance, probes follow the HTTP port
    expect(binding.container.args).toEqual([
      '--health-check', '--http-address=0.0.0.0', '--http-port=9090', '--exit-zero-on-sigterm', '--private-ip', '--auto-iam-authn',
      '--prometheus', '--max-sigterm-delay=30s', '--port=5432', 'my-project:europe-west1:my-db',
    ]);
    expect(binding.container.livenessProbe?.httpGet?.port).toBe(9090);
    expect(binding.container.ports).toEqual([{ name: 'csql-http', containerPort: 9090 }]);
  });

  test('mounts a service account key from a Secret at /secrets/ without writing the key', () => {
    // GIVEN a key in a Secret under the vendor's key name, and one under another key
    const plain = Sidecar.cloudSqlProxy({ ...base, credentialsSecret: { name: 'sa-key' } }).bind(context);
    const otherKey = Sidecar.cloudSqlProxy({ ...base, credentialsSecret: { name: 'sa-key', key: 'key.json' } }).bind(context);
    // THEN the Secret is a volume, mounted read-only at /secrets/, and --credentials-file names the file
    expect(plain.volumes).toEqual([{ name: 'cloud-sql-proxy-credentials', secret: { secretName: 'sa-key' } }]);
    expect(otherKey.volumes).toEqual([{ name: 'cloud-sql-proxy-credentials', secret: { secretName: 'sa-key', items: [{ key: 'key.json', path: 'service_account.json' }] } }]);
    expect(plain.container.volumeMounts).toEqual([{ name: 'cloud-sql-proxy-credentials', mountPath: '/secrets/', readOnly: true }]);
    expect(plain.container.args).toContain('--credentials-file=/secrets/service_account.json');
  });

  test('reports a misspelt field of credentialsSecret with the field meant, at the call (review 45 V6)', () => {
    expect(() => Sidecar.cloudSqlProxy({ ...base, credentialsSecret: { name: 'sa-key', kye: 'key.json' } as any }))
      .toThrow('Sidecar.cloudSqlProxy: credentialsSecret.kye: is not a field of CloudSqlProxyCredentialsSecret; did you mean key?');
  });

  test('accepts a domain-scoped project in the instance connection name', () => {
    expect(Sidecar.cloudSqlProxy({ ...base, instanceConnectionName: 'example.com:my-project:us-central1:db-1' }).bind(context).problems).toEqual([]);
  });

  test('reports every bad option in one list, with the field, the value and the fix', () => {
    // GIVEN a connection name without region, port 0, the same HTTP port, a fractional delay and a bad Secret key
    const binding = Sidecar.cloudSqlProxy({
      instanceConnectionName: 'my-project:my-db',
      port: 0,
      httpPort: 0,
      maxSigtermDelay: Duration.millis(1500),
      credentialsSecret: { name: 'Bad_Name', key: 'a/b' },
    }).bind(context);
    // THEN each problem is reported, exactly
    expect(binding.problems).toEqual([
      'Sidecar.cloudSqlProxy: instanceConnectionName: "my-project:my-db" must be PROJECT:REGION:INSTANCE (e.g. \'my-project:europe-west1:my-db\'); copy it from the instance\'s overview page or \'gcloud sql instances describe INSTANCE --format=value(connectionName)\'.',
      'Sidecar.cloudSqlProxy: port: 0 is not a TCP port; use a whole number from 1 to 65535.',
      'Sidecar.cloudSqlProxy: httpPort: 0 is not a TCP port; use a whole number from 1 to 65535.',
      'Sidecar.cloudSqlProxy: httpPort: 0 is also port; each port of the sidecar needs its own number.',
      'Sidecar.cloudSqlProxy: maxSigtermDelay: 1.5 seconds must be a whole number of seconds from 1 to 86400.',
      'Sidecar.cloudSqlProxy: credentialsSecret.name: "Bad_Name" is not a valid Secret name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
      'Sidecar.cloudSqlProxy: credentialsSecret.key: "a/b" is not a valid Secret key; use letters, digits, \'-\', \'_\' and \'.\' (at most 253 characters).',
    ]);
  });

  test('rejects a connection name that would add a flag or a second argument', () => {
    // GIVEN values a JavaScript caller could pass
    for (const bad of ['--private-ip', 'p:r:i --credentials-file=/etc/passwd', 'my-project:europe-west1:db\n--x']) {
      // THEN the connection name is refused
      expect(Sidecar.cloudSqlProxy({ ...base, instanceConnectionName: bad }).bind(context).problems?.[0]).toMatch(/^Sidecar\.cloudSqlProxy: instanceConnectionName: .* must be PROJECT:REGION:INSTANCE/);
    }
  });
});

describe('Sidecar.cloudSqlProxy in a pod', () => {
  test('synthesizes a Deployment whose proxy starts before the migration step, accepted by the offline validators', () => {
    // GIVEN a Deployment with a migration step and the proxy
    const chart = newChart();
    new PlainPod(chart, 'orders', {
      metadata: { name: 'orders', labels: { app: 'orders' } },
      workload: Workload.deployment(),
      serviceAccountName: 'orders',
      initSteps: [InitStep.container({ name: 'migrate', image: 'ghcr.io/example/orders:1.4.0', command: ['/app/migrate'] })],
      containers: [{ name: 'orders', image: 'ghcr.io/example/orders:1.4.0' }],
      sidecars: [Sidecar.cloudSqlProxy(base)],
    });
    // WHEN synthesized (util.synth runs the three offline validators)
    const spec = only(synth(chart), 'Deployment').spec.template.spec;
    // THEN the proxy is the first init container, native, and the migration runs after it
    expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['cloud-sql-proxy', 'Always'], ['migrate', undefined]]);
    expect(spec.containers.map((c: any) => c.name)).toEqual(['orders']);
  });

  test('lets a Job complete: the native proxy is stopped when the job container exits', () => {
    const chart = newChart();
    new PlainPod(chart, 'report', {
      metadata: { name: 'report' },
      workload: Workload.job({ backoffLimit: 2 }),
      restartPolicy: 'Never',
      containers: [{ name: 'report', image: 'ghcr.io/example/report:1.0.0' }],
      sidecars: [Sidecar.cloudSqlProxy(base)],
    });
    expect(only(synth(chart), 'Job').spec.template.spec.initContainers[0].name).toBe('cloud-sql-proxy');
  });

  test('reports bad options with the pod, at synth time', () => {
    const chart = newChart();
    new PlainPod(chart, 'orders', {
      metadata: { name: 'orders' },
      containers: [{ name: 'orders', image: 'ghcr.io/example/orders:1.4.0' }],
      sidecars: [Sidecar.cloudSqlProxy({ ...base, instanceConnectionName: 'my-db' })],
    });
    expect(synthError(chart)).toContain('Sidecar.cloudSqlProxy: instanceConnectionName: "my-db" must be PROJECT:REGION:INSTANCE');
  });
});
