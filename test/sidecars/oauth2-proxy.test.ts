/**
 * Sidecar.oauth2Proxy() against the vendor's recommended manifest: oauth2-proxy/manifests
 * `helm/oauth2-proxy/templates/deployment.yaml` with `helm/oauth2-proxy/values.yaml`, and the
 * oauth2-proxy docs `features/endpoints` (fixture: test/fixtures/vendor/oauth2-proxy.yaml).
 */
import { asWritten, described, expected, vendorFixture } from './vendor';
import { ExposedService, OAuth2ProxyOptions, OAuth2ProxyProvider, PlainPod, ServiceType, Sidecar, SidecarMode, Workload } from '../../src';
import { newChart, only, synth, synthError } from '../util';

const context = { podName: 'web', workloadKind: 'Deployment' };
const base: OAuth2ProxyOptions = {
  appPort: 8080,
  provider: OAuth2ProxyProvider.GITHUB,
  clientId: 'my-client-id',
  clientSecret: { name: 'oauth2-proxy', key: 'client-secret' },
  cookieSecret: { name: 'oauth2-proxy', key: 'cookie-secret' },
  emailDomains: ['*'],
};

describe('Sidecar.oauth2Proxy', () => {
  test('binds the vendor chart container, with each difference written down in the fixture', () => {
    // GIVEN the chart's container and the options that fill its placeholders
    const fixture = vendorFixture('oauth2-proxy');
    const sidecar = Sidecar.oauth2Proxy(base);
    // WHEN bound
    const binding = sidecar.bind(context);
    // THEN it is the chart's container with the deviations applied
    expect(described(asWritten(sidecar, binding), expected(fixture))).toEqual(expected(fixture));
    expect(binding.problems).toEqual([]);
    expect(fixture.header).toContain('oauth2-proxy/manifests');
    expect(fixture.header).toContain('helm/oauth2-proxy/templates/deployment.yaml');
  });

  test('fronts the app, probes /ping and /ready, and keeps both secrets as references', () => {
    const binding = Sidecar.oauth2Proxy(base).bind(context);
    expect(binding.frontPorts).toEqual(['oauth2-http']);
    expect(binding.container.livenessProbe?.httpGet?.path).toBe('/ping');
    expect(binding.container.readinessProbe?.httpGet?.path).toBe('/ready');
    expect(binding.container.env?.every((e) => e.value === undefined && e.valueFrom?.secretKeyRef !== undefined)).toBe(true);
    expect(binding.container.args).toContain('--upstream=http://127.0.0.1:8080/');
  });

  test('writes the OIDC issuer, the redirect URL and reverse proxy mode as flags', () => {
    const binding = Sidecar.oauth2Proxy({
      ...base,
      provider: OAuth2ProxyProvider.OIDC,
      oidcIssuerUrl: 'https://keycloak.example.com/realms/main',
      redirectUrl: 'https://app.example.com/oauth2/callback',
      reverseProxy: true,
      emailDomains: ['example.com', 'example.org'],
    }).bind(context);
    expect(binding.problems).toEqual([]);
    expect(binding.container.args).toEqual([
      '--http-address=0.0.0.0:4180', '--metrics-address=0.0.0.0:44180', '--provider=oidc', '--client-id=my-client-id',
      '--email-domain=example.com', '--email-domain=example.org', '--oidc-issuer-url=https://keycloak.example.com/realms/main',
      '--redirect-url=https://app.example.com/oauth2/callback', '--reverse-proxy=true', '--upstream=http://127.0.0.1:8080/',
    ]);
  });

  test('is classic by default; native gets a startup probe on /ready', () => {
    expect(Sidecar.oauth2Proxy(base).mode).toBe(SidecarMode.CLASSIC);
    expect(Sidecar.oauth2Proxy(base).bind(context).container.startupProbe).toBeUndefined();
    expect(Sidecar.oauth2Proxy({ ...base, mode: SidecarMode.NATIVE }).bind(context).container.startupProbe).toEqual({
      httpGet: { path: '/ready', port: 'oauth2-http' }, periodSeconds: 1, failureThreshold: 30,
    });
  });

  test('reports every bad option with the field, the value and the fix', () => {
    // GIVEN a provider as a free string, a client ID with a comma, no domains, OIDC without issuer
    const binding = Sidecar.oauth2Proxy({
      ...base,
      provider: 'keycloak' as any,
      clientId: 'a,b',
      emailDomains: [],
      port: 8080,
    }).bind(context);
    expect(binding.problems).toEqual([
      'Sidecar.oauth2Proxy: port: 8080 is also appPort; each port of the sidecar needs its own number.',
      'Sidecar.oauth2Proxy: provider: "keycloak" is not an OAuth2ProxyProvider; use one of OAuth2ProxyProvider.GOOGLE, OAuth2ProxyProvider.GITHUB, OAuth2ProxyProvider.GITLAB, OAuth2ProxyProvider.AZURE, OAuth2ProxyProvider.OIDC, OAuth2ProxyProvider.KEYCLOAK_OIDC.',
      'Sidecar.oauth2Proxy: clientId: "a,b" contains whitespace or \',\'; copy the client ID exactly as the provider shows it.',
      'Sidecar.oauth2Proxy: emailDomains: [] must list at least one e-mail domain allowed to sign in (e.g. [\'example.com\']), or [\'*\'] for every authenticated user.',
    ]);
    // A Secret reference's extra field fails at the call (review 45 V6).
    expect(() => Sidecar.oauth2Proxy({ ...base, clientSecret: { name: 'oauth2-proxy', key: 'client-secret', value: 's3cr3t' } as any }))
      .toThrow('Sidecar.oauth2Proxy: clientSecret.value: is not a field of SecretKeyRef; remove it (its fields: name, key).');
    expect(Sidecar.oauth2Proxy({ ...base, provider: OAuth2ProxyProvider.OIDC }).bind(context).problems).toEqual([
      'Sidecar.oauth2Proxy: oidcIssuerUrl: is required with provider "oidc"; set the issuer URL, e.g. \'https://keycloak.example.com/realms/my-realm\'.',
    ]);
  });

  test('refuses an e-mail domain that oauth2-proxy would split into two', () => {
    expect(Sidecar.oauth2Proxy({ ...base, emailDomains: ['example.com,evil.com'] }).bind(context).problems).toEqual([
      'Sidecar.oauth2Proxy: emailDomains[0]: "example.com,evil.com" is not an e-mail domain; write it like \'example.com\' (or \'*\').',
    ]);
  });
});

describe('Sidecar.oauth2Proxy in a pod', () => {
  const pod = (chart: ReturnType<typeof newChart>) => new PlainPod(chart, 'dashboard', {
    metadata: { name: 'dashboard', labels: { app: 'dashboard' } },
    workload: Workload.deployment(),
    containers: [{ name: 'dashboard', image: 'ghcr.io/example/dashboard:0.9.0', ports: [{ name: 'http', containerPort: 8080 }] }],
    sidecars: [Sidecar.oauth2Proxy(base)],
  });

  test('synthesizes a Deployment and a LoadBalancer on oauth2-proxy, accepted by the offline validators', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'dashboard' }, type: ServiceType.LOAD_BALANCER, target: pod(chart), ports: [{ port: 443, targetPort: 'oauth2-http' }] });
    const manifests = synth(chart);
    expect(only(manifests, 'Deployment').spec.template.spec.containers.map((c: any) => c.name)).toEqual(['dashboard', 'oauth2-proxy']);
    expect(only(manifests, 'Service').spec.ports).toEqual([{ port: 443, targetPort: 'oauth2-http' }]);
  });

  test('refuses a Service that would skip the sign-in by targeting the app', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'dashboard' }, target: pod(chart), ports: [{ port: 80, targetPort: 8080 }] });
    expect(synthError(chart)).toMatch(/oauth2-http/);
  });
});
