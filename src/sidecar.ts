import type { k8s } from 'cdk8s-plus-28';
import { InitStep } from './init-step';

/**
 * Where a sidecar runs.
 */
export enum SidecarMode {
  /**
   * A second entry in `containers`, started together with the app: the seed's form, for every
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
  readonly container: k8s.Container;

  /**
   * Volumes the sidecar needs (a shared `emptyDir`, its configuration from a ConfigMap).
   *
   * @default - none
   */
  readonly volumes?: k8s.Volume[];

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
   * A sidecar container of your own, written as given.
   *
   * @param mode classic (a second main container) or native (an init container that keeps running)
   */
  public static container(container: k8s.Container, mode: SidecarMode = SidecarMode.CLASSIC): Sidecar {
    return new ContainerSidecar(container, mode);
  }

  /** Classic or native. */
  public readonly mode: SidecarMode;

  protected constructor(mode: SidecarMode) {
    this.mode = mode;
  }

  /** Builds the sidecar for one pod. */
  public abstract bind(context: SidecarContext): SidecarBinding;
}

class ContainerSidecar extends Sidecar {
  public constructor(private readonly container: k8s.Container, mode: SidecarMode) {
    super(mode);
  }

  public bind(_context: SidecarContext): SidecarBinding {
    return { container: this.container };
  }
}
