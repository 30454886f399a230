import type { SecretKeyRef } from '../log-shipper';
import { show } from '../problems';
import type { SidecarBinding, SidecarContext, SidecarMode } from '../sidecar';
import {
  checkBoolean, checkContainerName, checkDistinctPorts, checkHttpUrl, checkImage, checkMode, checkOptionsObject, checkPort,
  checkPortName, checkSecretKeyRef, checkText, httpStartupProbe, isNative, OptionProblems, resourcesJson,
} from './common';
import type { Container, EnvVar, ResourceRequirements } from '../k8s-types';

/**
 * The identity provider oauth2-proxy signs users in with (`--provider`).
 */
export enum OAuth2ProxyProvider {
  /** Google (`google`). */
  GOOGLE = 'google',
  /** GitHub (`github`). */
  GITHUB = 'github',
  /** GitLab (`gitlab`). */
  GITLAB = 'gitlab',
  /** Microsoft Azure / Entra ID (`azure`). */
  AZURE = 'azure',
  /** Any OpenID Connect provider (`oidc`); needs `oidcIssuerUrl`. */
  OIDC = 'oidc',
  /** Keycloak with OpenID Connect (`keycloak-oidc`); needs `oidcIssuerUrl`. */
  KEYCLOAK_OIDC = 'keycloak-oidc',
}

/**
 * Options for `Sidecar.oauth2Proxy()`.
 */
export interface OAuth2ProxyOptions {
  /** The port the app listens on; oauth2-proxy passes signed-in requests to `http://127.0.0.1:<appPort>/` (`--upstream`). */
  readonly appPort: number;

  /** The identity provider (`--provider`). */
  readonly provider: OAuth2ProxyProvider;

  /** The OAuth client ID registered with the provider (`--client-id`). Not a secret: it is written to the manifest. */
  readonly clientId: string;

  /** The OAuth client secret, by reference to a Secret; it reaches oauth2-proxy as `OAUTH2_PROXY_CLIENT_SECRET`. */
  readonly clientSecret: SecretKeyRef;

  /**
   * The secret that signs and encrypts the session cookie, by reference to a Secret (16, 24 or
   * 32 bytes, e.g. `openssl rand -base64 32 | head -c 32 | base64`); it reaches oauth2-proxy as
   * `OAUTH2_PROXY_COOKIE_SECRET`.
   */
  readonly cookieSecret: SecretKeyRef;

  /** E-mail domains allowed to sign in (`--email-domain`, once per domain); `['*']` allows every authenticated user. */
  readonly emailDomains: string[];

  /**
   * The OpenID Connect issuer (`--oidc-issuer-url`); required for `OIDC` and `KEYCLOAK_OIDC`.
   *
   * @default - not set
   */
  readonly oidcIssuerUrl?: string;

  /**
   * The OAuth callback URL (`--redirect-url`), `https://<your host>/oauth2/callback`.
   *
   * @default - not set: oauth2-proxy derives it from the request's host
   */
  readonly redirectUrl?: string;

  /**
   * Trust `X-Forwarded-*` headers from a load balancer or Ingress in front (`--reverse-proxy`).
   *
   * @default false
   */
  readonly reverseProxy?: boolean;

  /**
   * The public port (`--http-address=0.0.0.0:<port>`). A Service of the pod must target this
   * port (by its name, `portName`), not the app's, or it would bypass the sign-in.
   *
   * @default 4180 - oauth2-proxy's and its Helm chart's port
   */
  readonly port?: number;

  /**
   * Name of the public container port (the vendor's chart calls it `http`; a distinct name keeps
   * a Service from reaching the app's own `http` port instead).
   *
   * @default 'oauth2-http'
   */
  readonly portName?: string;

  /**
   * Port of `/metrics` (`--metrics-address=0.0.0.0:<port>`); the container port is named `oauth2-metrics`.
   *
   * @default 44180 - the vendor's Helm chart
   */
  readonly metricsPort?: number;

  /**
   * Classic or native.
   *
   * @default SidecarMode.CLASSIC - the vendor's chart runs oauth2-proxy as a plain container; no native form is documented
   */
  readonly mode?: SidecarMode;

  /**
   * The oauth2-proxy image.
   *
   * @default 'quay.io/oauth2-proxy/oauth2-proxy:v7.7.1'
   */
  readonly image?: string;

  /**
   * Name of the sidecar container.
   *
   * @default 'oauth2-proxy'
   */
  readonly name?: string;

  /**
   * Resources of the oauth2-proxy container.
   *
   * @default - none: no requests or limits
   */
  readonly resources?: ResourceRequirements;
}

/** The default image. */
export const OAUTH2_PROXY_IMAGE = 'quay.io/oauth2-proxy/oauth2-proxy:v7.7.1';

/** The option names, for the check of misspelt keys at construction (Sidecar factories) and at bind. */
export const OPTIONS = ['appPort', 'provider', 'clientId', 'clientSecret', 'cookieSecret', 'emailDomains', 'oidcIssuerUrl', 'redirectUrl',
  'reverseProxy', 'port', 'portName', 'metricsPort', 'mode', 'image', 'name', 'resources'];
const PROVIDERS = Object.values(OAuth2ProxyProvider) as string[];
const DOMAIN = /^(\*|(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)$/;

/**
 * oauth2-proxy in front of the app: users sign in with the provider before any request reaches it.
 *
 * Vendor sources: oauth2-proxy/manifests `helm/oauth2-proxy/templates/deployment.yaml` and
 * `helm/oauth2-proxy/values.yaml` (`--http-address=0.0.0.0:4180`, `--metrics-address=0.0.0.0:44180`,
 * `OAUTH2_PROXY_CLIENT_SECRET` / `OAUTH2_PROXY_COOKIE_SECRET` from a Secret, liveness `/ping`,
 * readiness `/ready`, the container securityContext); oauth2-proxy docs `features/endpoints`
 * (`/ping`, `/ready`, `/metrics`).
 *
 * @internal
 */
export function oauth2ProxyBinding(input: OAuth2ProxyOptions, mode: SidecarMode, _context: SidecarContext): SidecarBinding {
  const problems = new OptionProblems('Sidecar.oauth2Proxy');
  const o = checkOptionsObject(input, OPTIONS, problems) as OAuth2ProxyOptions;
  const name = o.name ?? 'oauth2-proxy';
  const image = o.image ?? OAUTH2_PROXY_IMAGE;
  const port = o.port ?? 4180;
  const portName = o.portName ?? 'oauth2-http';
  const metricsPort = o.metricsPort ?? 44180;

  checkPort(o.appPort, 'appPort', problems);
  checkPort(port, 'port', problems);
  checkPort(metricsPort, 'metricsPort', problems);
  checkDistinctPorts([['appPort', o.appPort], ['port', port], ['metricsPort', metricsPort]], problems);
  checkPortName(portName, 'portName', problems);
  if (portName === 'oauth2-metrics') {
    problems.add('portName', '"oauth2-metrics" is the name of the metrics port; choose another name.');
  }
  if (!PROVIDERS.includes(o.provider as string)) {
    problems.add('provider', `${show(o.provider)} is not an OAuth2ProxyProvider; use one of ${Object.keys(OAuth2ProxyProvider).map((k) => `OAuth2ProxyProvider.${k}`).join(', ')}.`);
  }
  if (checkText(o.clientId, 'clientId', problems, 'my-client-id') && /\s|,/.test(o.clientId)) {
    problems.add('clientId', `${show(o.clientId)} contains whitespace or ','; copy the client ID exactly as the provider shows it.`);
  }
  checkSecretKeyRef(o.clientSecret, 'clientSecret', problems);
  checkSecretKeyRef(o.cookieSecret, 'cookieSecret', problems);
  if (!Array.isArray(o.emailDomains) || o.emailDomains.length === 0) {
    problems.add('emailDomains', `${show(o.emailDomains)} must list at least one e-mail domain allowed to sign in (e.g. ['example.com']), or ['*'] for every authenticated user.`);
  } else {
    o.emailDomains.forEach((d, i) => {
      if (typeof d !== 'string' || !DOMAIN.test(d)) {
        problems.add(`emailDomains[${i}]`, `${show(d)} is not an e-mail domain; write it like 'example.com' (or '*').`);
      }
    });
  }
  const needsIssuer = o.provider === OAuth2ProxyProvider.OIDC || o.provider === OAuth2ProxyProvider.KEYCLOAK_OIDC;
  if (o.oidcIssuerUrl !== undefined) {
    checkHttpUrl(o.oidcIssuerUrl, 'oidcIssuerUrl', problems, 'https://accounts.example.com');
  } else if (needsIssuer) {
    problems.add('oidcIssuerUrl', `is required with provider ${show(o.provider)}; set the issuer URL, e.g. 'https://keycloak.example.com/realms/my-realm'.`);
  }
  if (o.redirectUrl !== undefined) {
    checkHttpUrl(o.redirectUrl, 'redirectUrl', problems, 'https://app.example.com/oauth2/callback');
  }
  checkBoolean(o.reverseProxy, 'reverseProxy', problems);
  checkMode(o.mode, problems);
  checkImage(image, problems, OAUTH2_PROXY_IMAGE);
  checkContainerName(name, problems);

  const secretEnv = (envName: string, ref: SecretKeyRef | undefined): EnvVar[] =>
    ref && typeof ref === 'object' ? [{ name: envName, valueFrom: { secretKeyRef: { name: ref.name, key: ref.key } } }] : [];

  const container: Container = {
    name,
    image,
    args: [
      `--http-address=0.0.0.0:${port}`,
      `--metrics-address=0.0.0.0:${metricsPort}`,
      `--provider=${o.provider}`,
      `--client-id=${o.clientId}`,
      ...(Array.isArray(o.emailDomains) ? o.emailDomains.map((d) => `--email-domain=${d}`) : []),
      ...(o.oidcIssuerUrl !== undefined ? [`--oidc-issuer-url=${o.oidcIssuerUrl}`] : []),
      ...(o.redirectUrl !== undefined ? [`--redirect-url=${o.redirectUrl}`] : []),
      ...(o.reverseProxy ? ['--reverse-proxy=true'] : []),
      `--upstream=http://127.0.0.1:${o.appPort}/`,
    ],
    env: [
      ...secretEnv('OAUTH2_PROXY_CLIENT_SECRET', o.clientSecret),
      ...secretEnv('OAUTH2_PROXY_COOKIE_SECRET', o.cookieSecret),
    ],
    ports: [
      { containerPort: port, name: portName, protocol: 'TCP' },
      { containerPort: metricsPort, protocol: 'TCP', name: 'oauth2-metrics' },
    ],
    livenessProbe: { httpGet: { path: '/ping', port: portName as any, scheme: 'HTTP' }, initialDelaySeconds: 0, timeoutSeconds: 1 },
    readinessProbe: { httpGet: { path: '/ready', port: portName as any, scheme: 'HTTP' }, initialDelaySeconds: 0, timeoutSeconds: 5, successThreshold: 1, periodSeconds: 10 },
    ...(isNative(mode) ? { startupProbe: httpStartupProbe('/ready', portName, 1, 30) } : {}),
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      runAsUser: 2000,
      runAsGroup: 2000,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    ...(o.resources !== undefined ? { resources: resourcesJson(o.resources) } : {}),
  };
  return { container, frontPorts: [portName], frontedAppPorts: [o.appPort], problems: problems.items };
}
