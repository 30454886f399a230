import { Duration } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-28';
import type { SidecarBinding, SidecarContext, SidecarMode } from '../sidecar';
import {
  checkBoolean, checkContainerName, checkDataKey, checkDistinctPorts, checkDuration, checkImage, checkMode, checkNestedKeys, checkObjectName,
  checkOptionsObject, checkPort, derivedName, OptionProblems, resourcesJson,
} from './common';
import type { Container, ResourceRequirements, Volume } from '../k8s-types';
import { show } from '../problems';

/**
 * A Google service account key, by reference to a Kubernetes Secret (when Workload Identity is
 * not available). The key file is mounted read-only at `/secrets/` and passed with
 * `--credentials-file`; it never appears in a manifest.
 */
export interface CloudSqlProxyCredentialsSecret {
  /** Name of the Secret, in the pod's namespace (e.g. made with `kubectl create secret generic NAME --from-file=service_account.json=key.json`). */
  readonly name: string;

  /**
   * The Secret's key that holds the service account key (JSON).
   *
   * @default 'service_account.json'
   */
  readonly key?: string;
}

/**
 * Options for `Sidecar.cloudSqlProxy()`.
 */
export interface CloudSqlProxyOptions {
  /** The instance connection name, `PROJECT:REGION:INSTANCE` (e.g. `my-project:europe-west1:my-db`). */
  readonly instanceConnectionName: string;

  /**
   * The port the proxy listens on for the app, on 127.0.0.1 only (`--port`); the app connects to
   * `127.0.0.1:<port>`. Usually the database's own: MySQL 3306, PostgreSQL 5432, SQL Server 1433.
   */
  readonly port: number;

  /**
   * Connect to the instance's private IP (`--private-ip`); needs a VPC-native cluster in the
   * instance's VPC.
   *
   * @default false - the instance's public IP
   */
  readonly privateIp?: boolean;

  /**
   * Automatic IAM database authentication (`--auto-iam-authn`; PostgreSQL and MySQL).
   *
   * @default false - the app logs in with its own database user and password
   */
  readonly autoIamAuthn?: boolean;

  /**
   * Structured logs in Cloud Logging's LogEntry format (`--structured-logs`).
   *
   * @default true - as in the vendor's examples
   */
  readonly structuredLogs?: boolean;

  /**
   * Port of the proxy's HTTP server (`--http-port`), which serves `/startup`, `/liveness` and
   * `/readiness` (and `/metrics` with `prometheus`). It listens on all addresses so the kubelet
   * can reach it; the container port is named `csql-http`.
   *
   * @default 9801 - as in the vendor's health check example
   */
  readonly httpPort?: number;

  /**
   * Prometheus metrics on the HTTP server at `/metrics` (`--prometheus`).
   *
   * @default false
   */
  readonly prometheus?: boolean;

  /**
   * After SIGTERM, how long the proxy keeps open connections before it exits
   * (`--max-sigterm-delay`). New connections are refused meanwhile.
   *
   * @default - not set (the proxy's default, 0 s): on SIGTERM the proxy exits at once and closes
   *   open connections
   */
  readonly maxSigtermDelay?: Duration;

  /**
   * A service account key from a Secret.
   *
   * @default - none: the pod's service account (GKE Workload Identity), the vendor's preferred way
   */
  readonly credentialsSecret?: CloudSqlProxyCredentialsSecret;

  /**
   * Native (starts before the app and its init steps, stops after it) or classic.
   *
   * @default SidecarMode.NATIVE - the vendor's native sidecar form (examples/k8s-sidecar/job_with_sidecar.yaml): with its startup probe the app starts only when the proxy accepts connections
   */
  readonly mode?: SidecarMode;

  /**
   * The proxy image.
   *
   * @default 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.3'
   */
  readonly image?: string;

  /**
   * Name of the sidecar container.
   *
   * @default 'cloud-sql-proxy'
   */
  readonly name?: string;

  /**
   * Resources of the proxy container. The vendor's examples request 1 CPU and 2Gi; size them
   * for your connections.
   *
   * @default - none: no requests or limits
   */
  readonly resources?: ResourceRequirements;
}

/** The default image: the version of the vendor's examples/k8s-sidecar/job_with_sidecar.yaml. */
export const CLOUD_SQL_PROXY_IMAGE = 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.3';

/** The option names, for the check of misspelt keys at construction (Sidecar factories) and at bind. */
export const OPTIONS = ['instanceConnectionName', 'port', 'privateIp', 'autoIamAuthn', 'structuredLogs', 'httpPort', 'prometheus',
  'maxSigtermDelay', 'credentialsSecret', 'mode', 'image', 'name', 'resources'];

/**
 * `PROJECT:REGION:INSTANCE`; a domain-scoped project (`example.com:project`) adds one part.
 * Project IDs: 6-30 lowercase letters, digits and '-', starting with a letter; regions like
 * `us-central1`; instance IDs: lowercase letters, digits and '-', starting with a letter.
 */
const CONNECTION_NAME = /^([a-z0-9][a-z0-9.-]*[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]:[a-z]+(-[a-z]+)+[0-9]+:[a-z]([a-z0-9-]*[a-z0-9])?$/;

/**
 * The Cloud SQL Auth Proxy beside the app.
 *
 * Vendor sources (GoogleCloudPlatform/cloud-sql-proxy): `examples/k8s-sidecar/job_with_sidecar.yaml`
 * (native sidecar form, `--exit-zero-on-sigterm`, image 2.14.3),
 * `examples/k8s-sidecar/proxy_with_workload_identity.yaml` (`--structured-logs`, `--port`,
 * `--private-ip`, `securityContext.runAsNonRoot`), `examples/k8s-sidecar/README.md` (service
 * account key Secret mounted at `/secrets/`), `examples/k8s-health-check/README.md` (the HTTP
 * health server on 9801, the startup and liveness probes, no readiness probe on the proxy).
 *
 * @internal
 */
export function cloudSqlProxyBinding(input: CloudSqlProxyOptions, _mode: SidecarMode, _context: SidecarContext): SidecarBinding {
  const problems = new OptionProblems('Sidecar.cloudSqlProxy');
  const o = checkOptionsObject(input, OPTIONS, problems) as CloudSqlProxyOptions;
  const name = o.name ?? 'cloud-sql-proxy';
  const image = o.image ?? CLOUD_SQL_PROXY_IMAGE;
  const httpPort = o.httpPort ?? 9801;
  const structuredLogs = o.structuredLogs ?? true;

  if (typeof o.instanceConnectionName !== 'string' || !CONNECTION_NAME.test(o.instanceConnectionName)) {
    problems.add('instanceConnectionName', `${show(o.instanceConnectionName)} must be PROJECT:REGION:INSTANCE (e.g. 'my-project:europe-west1:my-db'); copy it from the instance's overview page or 'gcloud sql instances describe INSTANCE --format=value(connectionName)'.`);
  }
  checkPort(o.port, 'port', problems);
  checkPort(httpPort, 'httpPort', problems);
  checkDistinctPorts([['port', o.port], ['httpPort', httpPort]], problems);
  for (const f of ['privateIp', 'autoIamAuthn', 'structuredLogs', 'prometheus'] as const) {
    checkBoolean(o[f], f, problems);
  }
  const sigtermDelay = o.maxSigtermDelay === undefined ? undefined : checkDuration(o.maxSigtermDelay, 'maxSigtermDelay', 1, 86400, problems);
  checkMode(o.mode, problems);
  checkImage(image, problems, CLOUD_SQL_PROXY_IMAGE);
  checkContainerName(name, problems, o.credentialsSecret === undefined ? undefined : { suffix: '-credentials', what: 'credentials volume' });

  const args = [
    '--health-check',
    '--http-address=0.0.0.0',
    `--http-port=${httpPort}`,
    ...(structuredLogs ? ['--structured-logs'] : []),
    '--exit-zero-on-sigterm',
    ...(o.privateIp ? ['--private-ip'] : []),
    ...(o.autoIamAuthn ? ['--auto-iam-authn'] : []),
    ...(o.prometheus ? ['--prometheus'] : []),
    ...(sigtermDelay !== undefined ? [`--max-sigterm-delay=${sigtermDelay}s`] : []),
  ];

  const volumes: Volume[] = [];
  const volumeMounts: k8s.VolumeMount[] = [];
  if (o.credentialsSecret !== undefined) {
    const c = o.credentialsSecret;
    if (c === null || typeof c !== 'object') {
      problems.add('credentialsSecret', `${show(c)} must be { name: 'my-sa-key' } (and optionally key).`);
    } else {
      const key = c.key ?? 'service_account.json';
      checkNestedKeys(c as any, ['name', 'key'], 'credentialsSecret', problems);
      checkObjectName(c.name, 'credentialsSecret.name', 'Secret', problems);
      checkDataKey(key, 'credentialsSecret.key', problems);
      const volumeName = derivedName(name, '-credentials');
      volumes.push({
        name: volumeName,
        secret: {
          secretName: c.name,
          ...(key !== 'service_account.json' ? { items: [{ key, path: 'service_account.json' }] } : {}),
        },
      });
      volumeMounts.push({ name: volumeName, mountPath: '/secrets/', readOnly: true });
      args.push('--credentials-file=/secrets/service_account.json');
    }
  }
  args.push(`--port=${o.port}`);
  if (typeof o.instanceConnectionName === 'string') {
    args.push(o.instanceConnectionName);
  }

  const container: Container = {
    name,
    image,
    args,
    ports: [{ name: 'csql-http', containerPort: httpPort }],
    startupProbe: { httpGet: { path: '/startup', port: httpPort as any }, periodSeconds: 1, timeoutSeconds: 5, failureThreshold: 20 },
    livenessProbe: { httpGet: { path: '/liveness', port: httpPort as any }, initialDelaySeconds: 0, periodSeconds: 60, timeoutSeconds: 30, failureThreshold: 5 },
    securityContext: { runAsNonRoot: true },
    ...(volumeMounts.length > 0 ? { volumeMounts } : {}),
    ...(o.resources !== undefined ? { resources: resourcesJson(o.resources) } : {}),
  };
  return { container, ...(volumes.length > 0 ? { volumes } : {}), problems: problems.items };
}
