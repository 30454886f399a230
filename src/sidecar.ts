// The catalogue's option types first: its entry files import only types from this file.
export * from './sidecars';
import type { k8s } from 'cdk8s-plus-28';
import { InitStep } from './init-step';
import type { Container, Volume } from './k8s-types';
import { kindOf } from './k8s-values';
import type { LogShipper } from './log-shipper';
import { show } from './problems';
import { isCdk8sToken, namedThrow, TOKEN_PROBLEM } from './props';
import { withKubeletLiterals } from './shell';
import { cloudSqlProxyBinding, CloudSqlProxyOptions, OPTIONS as CLOUD_SQL_PROXY_OPTIONS } from './sidecars/cloud-sql-proxy';
import { checkOptionKeys, modeOf, readContainer } from './sidecars/common';
import { envoyBinding, EnvoyOptions, OPTIONS as ENVOY_OPTIONS } from './sidecars/envoy';
import { gitSyncBinding, GitSyncOptions, OPTIONS as GIT_SYNC_OPTIONS } from './sidecars/git-sync';
import { LOG_VOLUMES, logShipperBinding, LogShipperSidecarOptions, OPTIONS as LOG_SHIPPER_OPTIONS } from './sidecars/log-shipper-sidecar';
import { mysqldExporterBinding, MysqldExporterOptions, OPTIONS as MYSQLD_EXPORTER_OPTIONS } from './sidecars/mysqld-exporter';
import { nginxExporterBinding, NginxExporterOptions, OPTIONS as NGINX_EXPORTER_OPTIONS } from './sidecars/nginx-exporter';
import { oauth2ProxyBinding, OAuth2ProxyOptions, OPTIONS as OAUTH2_PROXY_OPTIONS } from './sidecars/oauth2-proxy';
import { s3BackupBinding, S3BackupOptions, OPTIONS as S3_BACKUP_OPTIONS } from './sidecars/s3-backup';

/**
 * Where a sidecar runs.
 */
export enum SidecarMode {
  /**
   * A second entry in `containers`, started together with the app: the tutorial's form, for every
   * Kubernetes version. Not allowed in a Job or CronJob: the sidecar would keep running after the
   * app finished, so the Job would never complete.
   */
  CLASSIC = 'classic',
  /**
   * A native sidecar: an init container with `restartPolicy: Always`, placed before every other
   * init container, so it starts before them and the app, keeps running beside the app, and is
   * stopped after it. Kubernetes 1.29+ (beta, on by default; stable since 1.33); on 1.28 only with
   * the `SidecarContainers` feature gate (alpha). An API server without the feature drops
   * `restartPolicy` (or rejects it as an unknown field), and the sidecar would then block the pod
   * in `Init` as an init container that never completes.
   */
  NATIVE = 'native',
}

/**
 * What a sidecar is told about the pod it joins.
 */
export interface SidecarContext {
  /** The name of the object the pod belongs to (the Pod's, or the Deployment's, ...), for generated object names. */
  readonly podName: string;

  /**
   * The namespace of that object, for objects generated beside it.
   *
   * @default - not set: the chart's namespace, if any
   */
  readonly namespace?: string;

  /** The kind of object the pod is written as (`Pod`, `Deployment`, `Job`, ...). */
  readonly workloadKind: string;
}

/**
 * A ConfigMap a sidecar or an init step needs, written beside the pod (before it).
 */
export interface GeneratedConfigMapData {
  /** The ConfigMap's name (a DNS-1123 subdomain), unique among the app's ConfigMaps in its namespace. */
  readonly name: string;

  /** Its data: file name -> content. */
  readonly data: { [key: string]: string };
}

/**
 * Everything a sidecar adds to a pod.
 */
export interface SidecarBinding {
  /** The sidecar container. In `SidecarMode.NATIVE` the pod writes it with `restartPolicy: Always`. */
  readonly container: Container;

  /**
   * Volumes the sidecar needs (a shared `emptyDir`, its configuration from a ConfigMap).
   *
   * @default - none
   */
  readonly volumes?: Volume[];

  /**
   * Mounts added to every main container of the pod (the data the sidecar shares with the app).
   *
   * @default - none
   */
  readonly appVolumeMounts?: k8s.VolumeMount[];

  /**
   * ConfigMaps to write beside the pod.
   *
   * @default - none
   */
  readonly configMaps?: GeneratedConfigMapData[];

  /**
   * Init steps that must run before the app (e.g. a first clone before a sync sidecar takes over).
   *
   * @default - none
   */
  readonly initSteps?: InitStep[];

  /**
   * Pod security context fields the sidecar needs (e.g. `fsGroup` so it can write a shared volume).
   * A field the pod declares with another value is an error.
   *
   * @default - none
   */
  readonly podSecurityContext?: k8s.PodSecurityContext;

  /**
   * Names of the sidecar's container ports that clients should reach instead of the app's (a
   * proxy in front of the app). A Service of this pod must then target these ports: a Service
   * port that targets a port of a main container is an error, since it would bypass the proxy.
   *
   * @default - the sidecar does not front the app
   */
  readonly frontPorts?: string[];

  /**
   * The ports of the app the sidecar forwards to (Envoy's and oauth2-proxy's `appPort`). With
   * `frontPorts`, a Service port that targets one of them by number is an error too, whether or
   * not the app container lists it in `ports`.
   *
   * @default - only the ports the app containers list
   */
  readonly frontedAppPorts?: number[];

  /**
   * Problems with the sidecar's settings, each `<field>: <what is wrong>; <fix>.`, reported with
   * the pod's own at synth time.
   *
   * @default - none
   */
  readonly problems?: string[];
}

/**
 * A container that runs beside the app in the same pod: a log shipper, a database proxy, a
 * metrics exporter, a proxy in front of the app, a backup agent, a file sync.
 *
 * Add one with `addSidecar()` or the `sidecars` prop of any pod pattern. Each catalogue entry
 * reproduces its vendor's recommended manifest; `Sidecar.container()` takes one of your own.
 */
export abstract class Sidecar {
  /**
   * A sidecar container of your own, written as given (read once: later changes to the object
   * change nothing).
   *
   * @param mode classic (a second main container) or native (an init container that keeps running)
   */
  public static container(container: Container, mode: SidecarMode = SidecarMode.CLASSIC): Sidecar {
    if (namedThrow('Sidecar.container()', () => isCdk8sToken(container))) {
      throw new Error(`Sidecar.container(): container: ${TOKEN_PROBLEM} (${kindOf(container)}), but the container is read when the sidecar is added (its name, and restartPolicy for a native one), before tokens resolve; pass the object itself (tokens inside it, an image or a limit, are taken).`);
    }
    if (isCdk8sToken(mode)) {
      throw new Error(`Sidecar.container(): mode: ${TOKEN_PROBLEM} (${kindOf(mode)}), but the mode decides where the container goes when the sidecar is built, before tokens resolve; pass SidecarMode.CLASSIC or SidecarMode.NATIVE itself.`);
    }
    // Plain JavaScript passes any value: 'NATIVE' or 'nativ' must not become a classic sidecar.
    if (!(Object.values(SidecarMode) as unknown[]).includes(mode)) {
      const meant = typeof mode === 'string' ? (Object.keys(SidecarMode) as Array<keyof typeof SidecarMode>).find((k) => k.toLowerCase() === mode.toLowerCase().replace(/^sidecarmode\./, '') || SidecarMode[k].startsWith(mode.toLowerCase())) : undefined;
      throw new Error(`Sidecar.container(): mode: ${show(mode)} is not a SidecarMode; use SidecarMode.CLASSIC or SidecarMode.NATIVE${meant ? ` (did you mean SidecarMode.${meant}?)` : ''}.`);
    }
    return new ContainerSidecar(readContainer('Sidecar.container()', container), mode);
  }

  /**
   * The Cloud SQL Auth Proxy: the app connects to `127.0.0.1:<port>` and the proxy connects to
   * the instance with IAM authorization and TLS. Native by default, with the vendor's startup
   * probe on `/startup`, so the app (and init steps such as migrations) start only once the
   * proxy accepts connections; `--exit-zero-on-sigterm` lets a Job complete.
   *
   * Credentials: the pod's service account with GKE Workload Identity (set `serviceAccountName`
   * on the pod), or a service account key by Secret reference (`credentialsSecret`).
   *
   * Vendor: GoogleCloudPlatform/cloud-sql-proxy `examples/k8s-sidecar/` and `examples/k8s-health-check/`.
   */
  public static cloudSqlProxy(options: CloudSqlProxyOptions): Sidecar {
    const o = checkOptionKeys('Sidecar.cloudSqlProxy', options, CLOUD_SQL_PROXY_OPTIONS, 'CloudSqlProxyOptions');
    return new CatalogueSidecar('Sidecar.cloudSqlProxy', modeOf((o as any)?.mode, SidecarMode.NATIVE), (mode, context) => cloudSqlProxyBinding(o, mode, context));
  }

  /**
   * kubernetes/git-sync (v4): keeps a git repository checked out in a shared `emptyDir`, which
   * every main container sees read-only at `appMountPath` (`<appMountPath>/current/` is the
   * checkout). Classic by default, with a first sync (`--one-time`) as an init step so the app
   * starts with the files in place; git-sync runs as uid 65533 and the pod gets `fsGroup: 65533`.
   *
   * Vendor: kubernetes/git-sync `docs/kubernetes.md`, `README.md` (v4 manual), `docs/ssh.md`.
   */
  public static gitSync(options: GitSyncOptions): Sidecar {
    const o = checkOptionKeys('Sidecar.gitSync', options, GIT_SYNC_OPTIONS, 'GitSyncOptions');
    return new CatalogueSidecar('Sidecar.gitSync', modeOf((o as any)?.mode, SidecarMode.CLASSIC), (mode, context) => gitSyncBinding(o, mode, context));
  }

  /**
   * The NGINX Prometheus exporter: reads NGINX's `stub_status` (by default
   * `http://127.0.0.1:8080/stub_status`) and serves Prometheus metrics on the port named
   * `nginx-metrics` (9113).
   *
   * Vendor: nginx/nginx-prometheus-exporter `README.md`.
   */
  public static nginxExporter(options: NginxExporterOptions = {}): Sidecar {
    const o = checkOptionKeys('Sidecar.nginxExporter', options, NGINX_EXPORTER_OPTIONS, 'NginxExporterOptions');
    return new CatalogueSidecar('Sidecar.nginxExporter', modeOf((o as any)?.mode, SidecarMode.CLASSIC), (mode, context) => nginxExporterBinding(o, mode, context));
  }

  /**
   * The Prometheus MySQL exporter (0.15+): logs in with `--mysqld.username` and the password
   * from a Secret (`MYSQLD_EXPORTER_PASSWORD`), or with a `.my.cnf` from a Secret, and serves
   * metrics on the port named `mysqld-metrics` (9104). No `DATA_SOURCE_NAME`.
   *
   * Vendor: prometheus/mysqld_exporter `README.md`.
   */
  public static mysqldExporter(options: MysqldExporterOptions): Sidecar {
    const o = checkOptionKeys('Sidecar.mysqldExporter', options, MYSQLD_EXPORTER_OPTIONS, 'MysqldExporterOptions');
    return new CatalogueSidecar('Sidecar.mysqldExporter', modeOf((o as any)?.mode, SidecarMode.CLASSIC), (mode, context) => mysqldExporterBinding(o, mode, context));
  }

  /**
   * Envoy in front of the app: a generated `envoy.yaml` (ConfigMap `<pod name>-envoy`) with a
   * listener on the public port (named `envoy-http`, 10000) forwarding to
   * `127.0.0.1:<appPort>`, the admin interface on 127.0.0.1 only, and a second listener (named
   * `envoy-metrics`, 9902) that passes only `/ready` (the readiness probe) and
   * `/stats/prometheus` to the admin interface. Services must target `envoy-http`.
   *
   * Vendor: Envoy's docs (Docker image, admin interface) and envoyproxy/gateway's bootstrap.
   */
  public static envoy(options: EnvoyOptions): Sidecar {
    const o = checkOptionKeys('Sidecar.envoy', options, ENVOY_OPTIONS, 'EnvoyOptions');
    return new CatalogueSidecar('Sidecar.envoy', modeOf((o as any)?.mode, SidecarMode.CLASSIC), (mode, context) => envoyBinding(o, mode, context));
  }

  /**
   * oauth2-proxy in front of the app: users sign in with the provider first; signed-in requests
   * go to `127.0.0.1:<appPort>`. Probes on `/ping` (liveness) and `/ready` (readiness); the
   * client and cookie secrets come from Secrets only. Services must target `oauth2-http`.
   *
   * Vendor: oauth2-proxy/manifests `helm/oauth2-proxy` (deployment template and values).
   */
  public static oauth2Proxy(options: OAuth2ProxyOptions): Sidecar {
    const o = checkOptionKeys('Sidecar.oauth2Proxy', options, OAUTH2_PROXY_OPTIONS, 'OAuth2ProxyOptions');
    return new CatalogueSidecar('Sidecar.oauth2Proxy', modeOf((o as any)?.mode, SidecarMode.CLASSIC), (mode, context) => oauth2ProxyBinding(o, mode, context));
  }

  /**
   * A backup agent: copies a volume of the pod to S3 (or S3-compatible storage) with rclone, on
   * an interval, and once more when stopped. Credentials from a Secret, or none at all with IRSA
   * / EKS Pod Identity on the pod's service account.
   *
   * Vendor: rclone/rclone `docs/content/docs.md` (remotes from environment variables) and
   * `docs/content/s3.md` (authentication).
   */
  public static s3Backup(options: S3BackupOptions): Sidecar {
    const o = checkOptionKeys('Sidecar.s3Backup', options, S3_BACKUP_OPTIONS, 'S3BackupOptions');
    return new CatalogueSidecar('Sidecar.s3Backup', modeOf((o as any)?.mode, SidecarMode.CLASSIC), (mode, context) => s3BackupBinding(o, mode, context));
  }

  /**
   * A log shipper (`LogShipper.tail()` or `LogShipper.fluentBit()`) as a sidecar of any pod: a
   * shared `emptyDir` log volume mounted into every main container and into the shipper, which
   * reads `<logMountPath>/<logFileName>`. The same container `SidecarLoggedApp` writes.
   */
  public static logShipper(shipper: LogShipper, options: LogShipperSidecarOptions = {}): Sidecar {
    const o = checkOptionKeys('Sidecar.logShipper', options, LOG_SHIPPER_OPTIONS, 'LogShipperSidecarOptions');
    return new CatalogueSidecar('Sidecar.logShipper', modeOf((o as any)?.mode, SidecarMode.CLASSIC), (mode, context) => logShipperBinding(shipper, o, mode, context));
  }

  /** Classic or native. */
  public readonly mode: SidecarMode;

  protected constructor(mode: SidecarMode) {
    this.mode = mode;
  }

  /** Builds the sidecar for one pod. */
  public abstract bind(context: SidecarContext): SidecarBinding;

  /**
   * The catalogue factory of a sidecar this library generates for Linux nodes (`Sidecar.gitSync`);
   * undefined for containers of your own.
   * @internal
   */
  public get _linuxOnly(): string | undefined {
    return undefined;
  }
}

class ContainerSidecar extends Sidecar {
  public constructor(private readonly container: Container, mode: SidecarMode) {
    super(mode);
  }

  public bind(_context: SidecarContext): SidecarBinding {
    return { container: this.container };
  }
}

/** A catalogue entry: its options, read once by the factory, and the entry's binding function. */
class CatalogueSidecar extends Sidecar {
  public constructor(
    private readonly factory: string,
    mode: SidecarMode,
    private readonly binder: (mode: SidecarMode, context: SidecarContext) => SidecarBinding,
  ) {
    super(mode);
  }

  /** @internal */
  public get _linuxOnly(): string {
    return this.factory;
  }

  /** The entry's binding; its container gets what the library wrote (`withKubeletLiterals`). */
  public bind(context: SidecarContext): SidecarBinding {
    const binding = this.binder(this.mode, context);
    if ((binding.problems ?? []).length > 0) {
      // The pod is refused for the options' problems: nothing else is built from them (a volume,
      // a mount, an init step or a ConfigMap named by a bad option would only repeat them), and a
      // bad name gives way to a stand-in, which the pod's own checks take.
      const { volumeMounts: _mounts, ...container } = binding.container as any;
      if (binding.problems!.some((p) => p.startsWith(`${this.factory}: name: `))) {
        container.name = `${this.factory.replace(/^Sidecar\./, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-invalid-name`;
      }
      return {
        container: withKubeletLiterals(container),
        ...(binding.frontPorts ? { frontPorts: binding.frontPorts } : {}),
        ...(binding.frontedAppPorts ? { frontedAppPorts: binding.frontedAppPorts } : {}),
        problems: binding.problems,
      };
    }
    const out = { ...binding, container: withKubeletLiterals(binding.container) };
    const logVolume = LOG_VOLUMES.get(binding);
    if (logVolume !== undefined) {
      LOG_VOLUMES.set(out, logVolume);
    }
    return out;
  }
}
