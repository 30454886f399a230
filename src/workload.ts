import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExposedService, ExposedServiceProps } from './exposed-service';
import { toManifest } from './k8s-values';
import { manifestForValidation } from './manifest';
import { POD_SPEC_OPTION_FIELDS, PodSpecOptions } from './pod-spec-options';
import { Problems } from './problems';
import { SecurityProfile } from './security-profile';
import { IServiceTarget } from './service-target';
import { validateObject } from './validation';

/**
 * The kind of object a pod pattern is written as.
 */
export enum WorkloadKind {
  /** A bare `v1` Pod, as in the seed tutorial. */
  POD = 'Pod',
  /** An `apps/v1` Deployment whose pod template is the pattern's pod. */
  DEPLOYMENT = 'Deployment',
}

/**
 * Deployment settings for `Workload.deployment()`.
 */
export interface DeploymentOptions {
  /**
   * Number of pods to run.
   *
   * @default - not set: Kubernetes runs 1 replica
   */
  readonly replicas?: number;

  /**
   * How old pods are replaced by new ones.
   *
   * @default - not set: Kubernetes uses RollingUpdate with 25% maxSurge and 25% maxUnavailable
   */
  readonly strategy?: k8s.DeploymentStrategy;

  /**
   * Seconds a new pod must be ready, without crashing, to count as available.
   *
   * @default - not set: Kubernetes uses 0
   */
  readonly minReadySeconds?: number;

  /**
   * Old ReplicaSets kept for rollback.
   *
   * @default - not set: Kubernetes keeps 10
   */
  readonly revisionHistoryLimit?: number;

  /**
   * Seconds a rollout may make no progress before it is reported failed.
   *
   * @default - not set: Kubernetes uses 600
   */
  readonly progressDeadlineSeconds?: number;
}

/**
 * The form a pod pattern is written in: a bare Pod (the seed's) or a Deployment.
 *
 * Both share one implementation: the pod spec is the same, only the wrapper differs.
 */
export class Workload {
  /** A bare Pod, as in the seed tutorial. */
  public static pod(): Workload {
    return new Workload(WorkloadKind.POD, {});
  }

  /**
   * A Deployment running the pattern's pod as its template.
   *
   * The Deployment selects its pods by the pattern's `metadata.labels`, which are also the pod
   * template's labels, so the pattern must declare at least one label.
   */
  public static deployment(options: DeploymentOptions = {}): Workload {
    return new Workload(WorkloadKind.DEPLOYMENT, options);
  }

  /** Pod or Deployment. */
  public readonly kind: WorkloadKind;

  /** Deployment settings (empty for a Pod). */
  public readonly deploymentOptions: DeploymentOptions;

  private constructor(kind: WorkloadKind, deploymentOptions: DeploymentOptions) {
    this.kind = kind;
    this.deploymentOptions = deploymentOptions;
  }
}

/**
 * Props shared by every pod pattern of this library.
 *
 * Besides these, every other Kubernetes PodSpec field can be set directly on the props
 * (see `PodSpecOptions`); it lands in the pod spec exactly as given.
 */
export interface PodWorkloadProps extends PodSpecOptions {
  /**
   * Metadata of the object: name, namespace, labels, annotations.
   *
   * @default - no labels or annotations; cdk8s generates a unique name from the construct path
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * Volumes the containers can mount, in addition to those the pattern creates itself.
   *
   * @default - no volumes besides the pattern's own
   */
  readonly volumes?: k8s.Volume[];

  /**
   * Write the pattern as a bare Pod or as a Deployment.
   *
   * @default Workload.pod() - a bare Pod, as in the seed
   */
  readonly workload?: Workload;

  /**
   * Opt-in hardening to a Pod Security Standard, e.g. `SecurityProfile.restricted()`: fills in the
   * unset security fields of the pod and of every container, and reports values that break it.
   *
   * @default - none: the pod is written exactly as declared
   */
  readonly securityProfile?: SecurityProfile;
}

/**
 * The typed Pod definition every pattern of this library is built on.
 *
 * It holds the containers, init containers and volumes, renders them into one API object
 * (a Pod or a Deployment, see `Workload`) and validates the final object at synth time,
 * escape-hatch edits included.
 */
export abstract class PodWorkload extends Construct implements IServiceTarget {
  /** The API object written to the manifest (a Pod, or a Deployment): the escape hatch. */
  public readonly apiObject: ApiObject;

  /** The object's `metadata.name`. */
  public readonly name: string;

  /** Pod or Deployment. */
  public readonly workload: Workload;

  /** How this object is named in error messages, e.g. `InitPod 'init-test'`. */
  public readonly targetDescription: string;

  /** The Pod Security Standard profile applied to the pod, if any. */
  public readonly securityProfile?: SecurityProfile;

  private readonly initContainerList: k8s.Container[] = [];
  private readonly containerList: k8s.Container[] = [];
  private readonly volumeList: k8s.Volume[] = [];
  private readonly specOptions: Record<string, any>;

  protected constructor(scope: Construct, id: string, props: PodWorkloadProps, typeName: string) {
    super(scope, id);
    this.workload = props.workload ?? Workload.pod();
    this.securityProfile = props.securityProfile;

    const specOptions: Record<string, any> = {};
    for (const field of POD_SPEC_OPTION_FIELDS) {
      const value = (props as any)[field];
      if (value !== undefined) {
        specOptions[field] = value;
      }
    }
    this.specOptions = specOptions;

    const isPod = this.workload.kind === WorkloadKind.POD;
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: isPod ? 'v1' : 'apps/v1',
      kind: this.workload.kind,
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    this.name = this.apiObject.name;
    this.targetDescription = `${typeName} '${this.name}'`;

    for (const volume of props.volumes ?? []) {
      this.addVolume(volume);
    }

    this.node.addValidation({ validate: () => this.validateManifest() });
  }

  /** The init containers, in the order they run. */
  public get initContainers(): k8s.Container[] {
    return [...this.initContainerList];
  }

  /** The main containers. */
  public get containers(): k8s.Container[] {
    return [...this.containerList];
  }

  /** The pod's volumes. */
  public get volumes(): k8s.Volume[] {
    return [...this.volumeList];
  }

  /** Appends a main container. */
  public addContainer(container: k8s.Container): void {
    this.containerList.push(container);
  }

  /** Appends an init container: it runs after the ones already added. */
  public addInitContainer(container: k8s.Container): void {
    this.initContainerList.push(container);
  }

  /** Adds a volume to the pod. */
  public addVolume(volume: k8s.Volume): void {
    this.volumeList.push(volume);
  }

  /**
   * Exposes this object's pods through a Service created next to it, in one line:
   * `app.expose('web', { type: ServiceType.LOAD_BALANCER, ports: [{ port: 80 }] })` is
   * `new ExposedService(scope, 'web', { ...props, target: app })`.
   */
  public expose(id: string, props: ExposedServiceProps): ExposedService {
    if (props.target !== undefined && props.target !== this) {
      throw new Error(`${this.targetDescription}: expose() makes a Service for this object's pods, but props.target names ${props.target.targetDescription}; remove target, or create the ExposedService directly.`);
    }
    return new ExposedService(this.node.scope ?? this, id, { ...props, target: this });
  }

  /** The labels of the pods this object runs (a Pod's own labels, or the Deployment's template labels). */
  public selectorLabels(): { [key: string]: string } {
    // cdk8s keeps the labels in a private field (it has only getLabel(key) to read one); reading
    // it avoids resolving the whole metadata on every render and every Service validation.
    const labels = (this.apiObject.metadata as any).labels;
    if (labels !== null && typeof labels === 'object') {
      const out: { [key: string]: string } = {};
      for (const key of Object.keys(labels)) {
        if (labels[key] !== undefined) {
          out[key] = labels[key];
        }
      }
      return out;
    }
    return { ...(this.apiObject.metadata.toJson().labels ?? {}) };
  }

  /** The ports declared by the containers (and by native sidecars), for named targetPorts. */
  public containerPorts(): k8s.ContainerPort[] | undefined {
    const ports: k8s.ContainerPort[] = [];
    for (const c of [...this.initContainerList.filter((i) => i.restartPolicy === 'Always'), ...this.containerList]) {
      ports.push(...(c.ports ?? []));
    }
    return ports;
  }

  /** Inserts an init container before all others (used by native sidecars). */
  protected prependInitContainer(container: k8s.Container): void {
    this.initContainerList.unshift(container);
  }

  /**
   * Checks that only the concrete pattern knows about (added to the shared pod checks).
   * @internal
   */
  protected _validatePattern(_manifest: any, _problems: Problems): void {
    return;
  }

  /** The pod spec as written to the manifest. */
  protected renderPodSpec(): Record<string, any> {
    const typed: k8s.PodSpec = {
      ...this.specOptions,
      initContainers: this.initContainerList.length > 0 ? this.initContainerList : undefined,
      containers: this.containerList,
      volumes: this.volumeList.length > 0 ? this.volumeList : undefined,
    };
    const spec = toManifest('PodSpec', typed);
    return this.securityProfile ? this.securityProfile._apply(spec) : spec;
  }

  /** The object's spec: the pod spec, or the Deployment spec around it. */
  private renderSpec(): Record<string, any> {
    return this.workload.kind === WorkloadKind.POD ? this.renderPodSpec() : this.renderDeploymentSpec();
  }

  private renderDeploymentSpec(): Record<string, any> {
    const labels = this.selectorLabels();
    const hasLabels = Object.keys(labels).length > 0;
    const options = this.workload.deploymentOptions;
    return {
      replicas: options.replicas,
      strategy: toManifest('DeploymentStrategy', options.strategy),
      minReadySeconds: options.minReadySeconds,
      revisionHistoryLimit: options.revisionHistoryLimit,
      progressDeadlineSeconds: options.progressDeadlineSeconds,
      selector: hasLabels ? { matchLabels: labels } : undefined,
      template: {
        metadata: hasLabels ? { labels } : undefined,
        spec: this.renderPodSpec(),
      },
    };
  }

  private validateManifest(): string[] {
    const manifest = manifestForValidation(this.apiObject, () => this.renderSpec());
    const problems = new Problems();
    validateObject(manifest, problems);
    if (this.workload.kind === WorkloadKind.POD) {
      this.securityProfile?._validate(manifest.metadata, manifest.spec, 'spec', 'metadata', problems);
    } else {
      this.securityProfile?._validate(manifest.spec?.template?.metadata, manifest.spec?.template?.spec, 'spec.template.spec', 'spec.template.metadata', problems);
    }
    this._validatePattern(manifest, problems);
    return problems.toErrors(this.targetDescription);
  }
}
