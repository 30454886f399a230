import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { OAuth2ProxyProvider, PlainPod, Sidecar, Workload } from 'cdk8s-pod-patterns';

/**
 * An internal dashboard behind oauth2-proxy (oauth2-proxy/manifests helm/oauth2-proxy): users
 * sign in with GitHub first, only example.com addresses get in, and signed-in requests reach
 * the app on 127.0.0.1:3000. The client and cookie secrets stay in the Secret `dashboard-oauth2`.
 * The Service targets oauth2-proxy's port `oauth2-http`, never the app's.
 */
export class SidecarOAuth2ProxyChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const dashboard = new PlainPod(this, 'dashboard', {
      metadata: { name: 'dashboard', labels: { app: 'dashboard' } },
      workload: Workload.deployment({ replicas: 2 }),
      containers: [{ name: 'dashboard', image: 'ghcr.io/example/dashboard:0.9.0', ports: [{ name: 'http', containerPort: 3000 }] }],
      sidecars: [Sidecar.oauth2Proxy({
        appPort: 3000,
        provider: OAuth2ProxyProvider.GITHUB,
        clientId: 'Iv1.0123456789abcdef',
        clientSecret: { name: 'dashboard-oauth2', key: 'client-secret' },
        cookieSecret: { name: 'dashboard-oauth2', key: 'cookie-secret' },
        emailDomains: ['example.com'],
        redirectUrl: 'https://dashboard.example.com/oauth2/callback',
        reverseProxy: true,
      })],
    });

    dashboard.expose('dashboard-svc', { metadata: { name: 'dashboard' }, ports: [{ name: 'http', port: 80, targetPort: 'oauth2-http' }] });
  }
}
