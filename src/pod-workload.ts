import { ApiObject, ApiObjectMetadata, resolve } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExposedService, ExposedServiceProps } from './exposed-service';
import { checkGeneratedConfigMaps, configMapClashFix, GeneratedConfigMap } from './generated-config-map';
import { InitStep, InitStepBinding, InitStepContext } from './init-step';
import { fileCollisionProblems, StepFile, unmountedFileProblem } from './init-steps/check-required';
import type { Container, Volume } from './k8s-types';
import { hasUncheckedNumber, k8sJsonName, keysThroughPrototype, kindOf, toManifest, toManifestValue } from './k8s-values';
import { checkLinuxOnly, LinuxOnly } from './linux-only';
import {
  AddedMount, addedMountProblems, appMountNameProblem, LogVolume, mergesAsSet, podSecurityConflict, podSecurityCovers, readOnlySource,
  resolvedAsWritten, sameJson, samePath, readOnlyClashes, sidecarMountOwner, sidecarVolumeClash, _PatternContainers, volumeAdder, VolumeAdder,
  unwritableLogProblems, withVolumeMounts,
} from './mounts';
import { POD_SPEC_OPTION_FIELDS, PodSpecOptions } from './pod-spec-options';
import { Problems, show } from './problems';
import { isCdk8sToken, tokenProblems } from './props';
import { SecurityProfile } from './security-profile';
import { IServiceTarget } from './service-target';
import { GeneratedConfigMapData, Sidecar, SidecarBinding, SidecarMode } from './sidecar';
import { LOG_VOLUMES } from './sidecars/log-shipper-sidecar';
import { ValidatedApiObject, _ManifestChecks } from './validated-api-object';
import { validateObject } from './validation';
import { Workload, WorkloadKind } from './workload';

/**
 * Labels and annotations of the pods (not of the object that runs them).
 */
export interface PodMetadata {
  /**
   * Labels of the pods. A controller selects its pods by them.
   *
   * @default - no labels of their own (see `PodWorkloadProps.podMetadata`)
   */
  readonly labels?: { [key: string]: string };

  /**
   * Annotations of the pods (e.g. `prometheus.io/scrape`).
   *
   * @default - no annotations
   */
  readonly annotations?: { [key: string]: string };
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
   * Labels and annotations of the pods. For a bare Pod they are added to its own metadata; for a
   * controller they are the pod template's, and a Deployment, StatefulSet or DaemonSet selects its
   * pods by these labels.
   *
   * @default - a bare Pod has only `metadata`; a Deployment, StatefulSet or DaemonSet gives its
   * pods the labels of `metadata.labels` and selects them by those (also when `podMetadata` has
   * only annotations); a Job's or CronJob's pods get no labels
   */
  readonly podMetadata?: PodMetadata;

  /**
   * Volumes the containers can mount, in addition to those the pattern creates itself.
   *
   * @default - no volumes besides the pattern's own
   */
  readonly volumes?: Volume[];

  /**
   * Write the pattern as a bare Pod or as a controller (Deployment, StatefulSet, DaemonSet, Job,
   * CronJob).
   *
   * @default Workload.pod() - a bare Pod, as in the tutorial
   */
  readonly workload?: Workload;

  /**
   * Opt-in hardening to a Pod Security Standard, e.g. `SecurityProfile.restricted()`: fills in the
   * unset security fields of the pod and of every container, and reports values that break it.
   *
   * @default - none: the pod is written exactly as declared
   */
  readonly securityProfile?: SecurityProfile;

  /**
   * Generated init steps (wait for a service or a database, download, render a config, ...),
   * each one init container, run in this order after the pattern's own init containers.
   *
   * @default - no init steps
   */
  readonly initSteps?: InitStep[];

  /**
   * Sidecars (log shippers, database proxies, metrics exporters, proxies in front of the app,
   * backup agents, file sync), classic or native, in this order.
   *
   * @default - no sidecars besides the pattern's own
   */
  readonly sidecars?: Sidecar[];

  /**
   * Name of the `emptyDir` volume init steps write files to. Created only when a step writes
   * files (`InitStep.download()`, ...).
   *
   * @default 'init-files'
   */
  readonly filesVolumeName?: string;

  /**
   * Where the files volume is mounted in the steps that write it and in every main container.
   * Must be absolute.
   *
   * @default '/config'
   */
  readonly filesMountPath?: string;
}

/**
 * The typed Pod every pattern of this library is built on: the object it writes (a Pod, or a
 * controller around the pod) is this construct itself.
 *
 * It holds the pod as Kubernetes JSON (init containers, native sidecars, main containers,
 * classic sidecars, volumes, the other pod spec fields, the pods' labels), renders it in the
 * form the `Workload` asks for and validates the final object at synth time, escape-hatch edits
 * included.
 */
export abstract class PodWorkload extends ValidatedApiObject implements IServiceTarget {
  /** Pod, Deployment, StatefulSet, DaemonSet, Job or CronJob. */
  public readonly workload: Workload;

  /** The Pod Security Standard profile applied to the pod, if any. */
  public readonly securityProfile?: SecurityProfile;

  /** Name of the shared files volume (present in the pod only when a step writes files). */
  public readonly filesVolumeName: string;

  /** Where the shared files volume is mounted, without a trailing '/'. */
  public readonly filesMountPath: string;

  /** The ConfigMaps generated for sidecars and init steps, written before this object. */
  private generatedConfigMaps: GeneratedConfigMap[] = NONE;

  private userInitContainers: any[] = NONE;
  private nativeSidecars: any[] = NONE;
  private mainContainers: any[] = NONE;
  private classicSidecars: any[] = NONE;
  private volumeList: any[] = NONE;
  private appMounts: any[] = NONE;
  /** Who adds each mount the user did not write into the main containers, and how to move it. */
  private mountOwners: AddedMount[] = NONE;
  /** The mounts this pattern wrote into its main containers itself when it built them (a SidecarLoggedApp's log mount). */
  private patternMainMounts: AddedMount[] = NONE;
  private frontPortNames: string[] = NONE;
  /** The app ports the fronting sidecars forward to, with the sidecar of each. */
  private frontedAppPorts: Array<{ port: number; sidecar: string }> = NONE;
  /** The files the init steps write into the shared files volume, with the step that writes each. */
  private stepFiles: Array<{ path: string; step: string }> = NONE;
  /** The files the init steps need from the shared files volume, with the step that needs each. */
  private stepReads: Array<{ path: string; step: string }> = NONE;
  /** Absolute files steps need without mounting the shared files volume. */
  private unmountedReads: Array<{ path: string; step: string }> = NONE;
  /** The containers generated for Linux nodes (steps' scripts, catalogue sidecars), by name. */
  private linuxOnly: LinuxOnly[] = NONE;
  /** The pod securityContext fields such a sidecar set (the pod did not declare them). */
  private linuxOnlyPodFields: string[] = NONE;
  /**
   * The pod securityContext fields the sidecars need (those that did not contradict the pod's at
   * once): compared at synth with the pod as written, once cdk8s has resolved tokens and JSON
   * patches have applied (review 36 H6, 42 P10).
   */
  private podSecurityNeeds: _PodSecurityNeed[] = NONE;
  /** The sidecars' volumes whose name the pod already has, where either holds a token: compared at synth. */
  private tokenVolumes: Array<{ readonly pod: any; readonly sidecar: any }> = NONE;
  /** The sidecar that added each volume, by volume name, for a message about two of one name. */
  private volumeAdders: VolumeAdder[] = NONE;
  /** The init containers of sidecars' init steps (among userInitContainers). */
  private sidecarSteps: any[] = NONE;
  /**
   * Two sidecars' app mounts of one writable volume at two paths, or at paths that are tokens:
   * judged at synth, once resolved and once the main containers are known (a container added
   * later gets the mounts too).
   */
  private appPathPairs: Array<{
    readonly name: string; readonly earlier: VolumeAdder; readonly later: VolumeAdder; readonly paths: readonly unknown[];
  }> = NONE;
  /** The log volume of each log shipper sidecar (`Sidecar.logShipper()`), which the app must be able to write. */
  private logVolumes: LogVolume[] = NONE;
  private readonly specOptions: Record<string, any>;
  private readonly podLabels?: { [key: string]: string };
  private readonly podAnnotations?: { [key: string]: string };
  /** metadata.annotations, kept when podMetadata.annotations is set too (a bare Pod's conflicts are errors). */
  private readonly declaredAnnotations?: { [key: string]: string };
  private readonly declaredLabels?: { [key: string]: string };
  private addProblems: string[] = NONE;
  private readonly declaredFilesMountPath: string;
  private filesVolumeAdded = false;
  /** Whether content that was not checked when read (sidecar and init step bindings) is in the pod. */
  private uncheckedContent = false;

  /**
   * @param props the props, already read (checked and converted) by the pattern
   * @param firstVolumes volumes the pattern creates itself, written before `props.volumes`
   */
  protected constructor(scope: Construct, id: string, props: PodWorkloadProps, typeName: string, firstVolumes: any[] = NONE) {
    const workload = props.workload ?? Workload.pod();
    super(scope, id, {
      apiVersion: workload.apiVersion,
      kind: workload.kind,
      metadata: workload.kind === WorkloadKind.POD ? withPodMetadata(props.metadata, props.podMetadata) : props.metadata,
      bodyFields: ['spec'],
      typeName,
    });
    this.workload = workload;
    this.securityProfile = props.securityProfile;
    this.declaredLabels = props.podMetadata?.labels && props.metadata?.labels ? { ...props.metadata.labels } : undefined;
    this.declaredAnnotations = props.podMetadata?.annotations && props.metadata?.annotations ? { ...props.metadata.annotations } : undefined;
    this.podLabels = props.podMetadata?.labels ? { ...props.podMetadata.labels } : undefined;
    this.podAnnotations = props.podMetadata?.annotations ? { ...props.podMetadata.annotations } : undefined;
    this.filesVolumeName = props.filesVolumeName ?? 'init-files';
    this.declaredFilesMountPath = props.filesMountPath ?? '/config';
    const mountPath = this.declaredFilesMountPath;
    this.filesMountPath = mountPath.length > 1 ? mountPath.replace(/\/+$/, '') : mountPath;

    // The props were read (checked and converted to Kubernetes JSON) by the pattern; the options
    // keep their L1 names (hostPid), which become the Kubernetes ones (hostPID) here.
    const specOptions: Record<string, any> = {};
    // Over the props' own keys (a dozen), not over the forty option names.
    for (const key in props) {
      const json = specOptionJsonName(key);
      const value = (props as any)[key];
      if (json !== undefined && value !== undefined) {
        specOptions[json] = value;
      }
    }
    this.specOptions = specOptions;
    if (!workload._numbersChecked || hasUncheckedNumber(specOptions)) {
      // A number the props check took as a number may not fit its Kubernetes type.
      this.uncheckedContent = true;
    }

    for (const volume of firstVolumes) {
      this.volumeList = added(this.volumeList, volume);
    }
    for (const volume of props.volumes ?? []) {
      this.volumeList = added(this.volumeList, volume);
    }
  }

  /** The ConfigMaps generated for sidecars and init steps, written before this object. */
  public get configMaps(): GeneratedConfigMap[] {
    return [...this.generatedConfigMaps];
  }

  /** The escape hatch: this object itself (kept for the patterns' earlier API). */
  public get apiObject(): ApiObject {
    return this;
  }

  /** How this object is named in error messages, e.g. `InitPod 'init-test'`. */
  public get targetDescription(): string {
    return this.description;
  }

  /**
   * The init containers as written: native sidecars first, then the others in order. A copy:
   * changing it changes nothing (use `addInitContainer()` or a JSON patch).
   */
  public get initContainers(): Container[] {
    return toManifestValue([...this.nativeSidecars, ...this.userInitContainers]);
  }

  /**
   * The main containers as written (with the mounts sidecars and steps add), classic sidecars
   * last. A copy: changing it changes nothing (use `addContainer()` or a JSON patch).
   */
  public get containers(): Container[] {
    return toManifestValue(this.writtenContainers());
  }

  /** The pod's volumes. A copy: changing it changes nothing (use `addVolume()` or a JSON patch). */
  public get volumes(): Volume[] {
    return toManifestValue(this.volumeList);
  }

  /** Appends a main container. */
  public addContainer(container: Container): void {
    this._pushContainer(this.read('Container', container, 'addContainer()'));
  }

  /** Appends an init container: it runs after the ones already added (native sidecars run first). */
  public addInitContainer(container: Container): void {
    this._pushInitContainer(this.read('Container', container, 'addInitContainer()'));
  }

  /** Adds a volume to the pod. */
  public addVolume(volume: Volume): void {
    this._pushVolume(this.read('Volume', volume, 'addVolume()'));
  }

  /**
   * Appends a generated init step: it runs after the init containers already added. A step that
   * writes files gets the shared files volume, which is also mounted into every main container.
   */
  public addInitStep(step: InitStep): void {
    if (!(step instanceof InitStep)) {
      throw new Error(`${this.description}: addInitStep() takes an InitStep (e.g. InitStep.waitForTcp('db', 5432)), not ${show(step)}.`);
    }
    const context: InitStepContext = {
      filesVolumeName: this.filesVolumeName,
      filesMountPath: this.filesMountPath,
      podName: this.name,
      namespace: this.metadata.namespace,
    };
    const binding = step._bindWithProblems(context);
    this.atomically(() => this.addStepBinding(step, binding));
  }

  private addStepBinding(step: InitStep, binding: InitStepBinding): void {
    this._markUnchecked();
    this.addProblems = added(this.addProblems, ...[...(binding.problems ?? []), ...this.fileCollisions(step)].map((p) => `initSteps: InitStep '${step.name}': ${p}.`));
    if (step._writes !== undefined) {
      this.stepFiles = added(this.stepFiles, { path: step._writes, step: step.name });
    }
    if (step._reads.length > 0) {
      this.stepReads = added(this.stepReads, ...step._reads.map((path) => ({ path, step: step.name })));
    }
    if (step._readsUnmounted.length > 0) {
      this.unmountedReads = added(this.unmountedReads, ...step._readsUnmounted.map((path) => ({ path, step: step.name })));
    }
    if (step._linuxOnly !== undefined) {
      this.linuxOnly = added(this.linuxOnly, { name: binding.container.name, what: `${step._linuxOnly} '${step.name}'`, instead: 'InitStep.command()' });
    }
    if (step.writesFiles) {
      this.addFilesVolume();
    }
    this.userInitContainers = added(this.userInitContainers, toManifest('Container', binding.container));
    for (const v of binding.volumes ?? []) {
      this.addSharedVolume(toManifest('Volume', v));
    }
    this.addConfigMaps(binding.configMaps);
    this._changed();
  }

  /**
   * The files its steps write and check, for the file rules of steps that Inject.into() adds to
   * this pod later (they share its files volume); `added`: whether the pod has its files volume.
   * @internal
   */
  public _stepFileState(): { volume: string; mountPath: string; reads: StepFile[]; writes: StepFile[]; added: boolean } {
    return {
      volume: this.filesVolumeName,
      mountPath: this.filesMountPath,
      reads: [...this.stepReads],
      writes: [...this.stepFiles],
      added: this.filesVolumeAdded,
    };
  }

  /**
   * The steps of a pod write distinct files (refused at synth otherwise): a second step writing the
   * same path would replace the first one's file without a word; a file that is a folder of
   * another step's path makes the later step fail (`mkdir: File exists`) or move its file into
   * that folder, on every start.
   */
  private fileCollisions(step: InitStep): string[] {
    return step._writes === undefined ? [] : fileCollisionProblems(step._writes, this.stepReads, this.stepFiles);
  }

  /**
   * Adds a sidecar: a native one becomes an init container with `restartPolicy: Always`, placed
   * before every other init container; a classic one a container after the main containers. Its
   * volumes are added once: a volume of the same name and content another sidecar added is
   * shared; one that differs, or a writable one two sidecars mount into a main container at two
   * paths, is an error at synth naming both (a main container that mounts the volume itself keeps
   * its own mount and gets none added).
   */
  public addSidecar(sidecar: Sidecar): void {
    if (!(sidecar instanceof Sidecar)) {
      const what = Array.isArray(sidecar) ? 'a list; call addSidecar() once per sidecar' : show(sidecar);
      throw new Error(`${this.description}: addSidecar() takes a Sidecar (e.g. Sidecar.container({ name: 'proxy', image: 'envoyproxy/envoy:v1.31.0' })), not ${what}.`);
    }
    const binding = sidecar.bind({ podName: this.name, namespace: this.metadata.namespace, workloadKind: this.workload.kind });
    this.atomically(() => this._addSidecarBinding(binding, sidecar.mode, false, sidecar._linuxOnly));
  }

  /**
   * Exposes this object's pods through a Service created next to it, in one line:
   * `app.expose('web', { type: ServiceType.LOAD_BALANCER, ports: [{ port: 80 }] })` is
   * `new ExposedService(scope, 'web', { ...props, target: app })`.
   */
  public expose(id: string, props: ExposedServiceProps): ExposedService {
    if (props === null || typeof props !== 'object' || Array.isArray(props)) {
      throw new Error(`${this.description}: expose('${id}', ...): props: ${show(props)} is ${kindOf(props)}; pass the Service's props, e.g. { ports: [{ port: 80 }] }.`);
    }
    if (props.target !== undefined && props.target !== this) {
      throw new Error(`${this.description}: expose() makes a Service for this object's pods, but props.target names ${props.target.targetDescription}; remove target, or create the ExposedService directly.`);
    }
    // Every key, inherited ones included (Object.create, class getters), as ExposedService reads its props.
    const all: Record<string, any> = {};
    for (const key of keysThroughPrototype(props)) {
      all[key] = (props as any)[key];
    }
    // A Service that selects no pods cannot expose these: say which Service to make instead of "remove target".
    if (all.type === 'ExternalName' || all.withoutSelector === true) {
      const what = all.type === 'ExternalName' ? 'type ExternalName (a DNS alias, which selects no pods)' : 'withoutSelector: true';
      const instead = all.type === 'ExternalName' ? 'ExposedService.externalName(scope, id, { ... })' : 'new ExposedService(scope, id, { withoutSelector: true, ... })';
      throw new Error(`${this.description}: expose('${id}', ...): ${what} cannot expose this object's pods: expose() makes a Service that selects them (this library's contract); `
        + `make that Service with ${instead} instead.`);
    }
    return new ExposedService(this.node.scope ?? this, id, { ...all, target: this } as ExposedServiceProps);
  }

  /**
   * The labels of the pods this object runs: a Pod's own labels; a controller's pod template
   * labels (`podMetadata.labels`, else, for a Deployment, StatefulSet or DaemonSet, its own
   * `metadata.labels`). A Service exposing this object selects by them.
   */
  public selectorLabels(): { [key: string]: string } {
    const patched = this.patchedManifest();
    if (patched !== undefined) {
      // JSON patches may have changed the labels: a Service follows the pods as written.
      const podPath = podSpecPath(patched.kind);
      const labels = getPath(patched, podPath === 'spec' ? 'metadata.labels' : `${podPath.slice(0, -'.spec'.length)}.metadata.labels`);
      const out: { [key: string]: string } = {};
      if (labels !== null && typeof labels === 'object') {
        for (const [k, v] of Object.entries(labels)) {
          if (typeof v === 'string') {
            out[k] = v;
          }
        }
      }
      return out;
    }
    return this.podLabelsAsDeclared();
  }

  /** The pod labels from props and metadata (what the template is rendered with). */
  private podLabelsAsDeclared(): { [key: string]: string } {
    if (this.workload.kind === WorkloadKind.POD) {
      return this.ownLabels();
    }
    // podMetadata without labels (annotations only) keeps the metadata.labels of a controller.
    if (this.podLabels !== undefined) {
      return { ...this.podLabels };
    }
    return this.workload.selectsByLabel ? this.ownLabels() : {};
  }

  /** The ports declared by the containers (and by native sidecars), for named targetPorts. */
  public containerPorts(): k8s.ContainerPort[] | undefined {
    const ports: k8s.ContainerPort[] = [];
    const patched = this.patchedManifest();
    if (patched !== undefined) {
      // As JSON patches left the pod.
      return patchedContainerPorts(patched);
    }
    // An init container written with restartPolicy Always is a native sidecar too (FindPort searches them).
    const restartable = this.userInitContainers.filter((c) => c.restartPolicy === 'Always');
    for (const c of [...this.nativeSidecars, ...restartable, ...this.mainContainers, ...this.classicSidecars]) {
      // A token (a list, or a port's name known only at synth): the ports are not known here.
      if (!portsKnown(c)) {
        return undefined;
      }
      ports.push(...(c.ports ?? []));
    }
    // The sidecars Inject.into() added to this object (their ports are in the pod as written).
    if (typeof (this as any)._injectedPorts !== 'function') {
      return ports;
    }
    const injected: k8s.ContainerPort[] | undefined = (this as any)._injectedPorts();
    return injected === undefined ? undefined : [...ports, ...injected];
  }

  /** The namespace of this object (a Service exposing it takes it). */
  public get targetNamespace(): string | undefined {
    const patched = this.patchedManifest();
    return patched !== undefined ? patched.metadata?.namespace : this.metadata.namespace;
  }

  /**
   * The manifest as its JSON patches leave it, when it has any (what a Service exposing this
   * object must follow); undefined without patches, or when they do not apply (reported by this
   * object's own validation).
   */
  private patchedManifest(): any {
    const patches = (this as any).patches;
    if (!Array.isArray(patches) || patches.length === 0) {
      return undefined;
    }
    try {
      return this.toJson();
    } catch {
      return undefined;
    }
  }

  /**
   * The init container that runs to completion and declares a port of this name, if any: a
   * Service cannot target it (FindPort searches main containers and sidecars only).
   * @internal
   */
  public _completingInitContainerWithPort(name: string): string | undefined {
    const c = this.userInitContainers.find((i) => i.restartPolicy !== 'Always' && Array.isArray(i.ports) && i.ports.some((p: any) => p?.name === name));
    return c?.name;
  }

  /**
   * The fix a Service gives when this object's pods have no labels: a Job's or CronJob's pods take
   * theirs from podMetadata only (they do not take metadata.labels).
   * @internal
   */
  public get _missingLabelsFix(): string | undefined {
    return this.workload.runsToCompletion
      ? `set podMetadata.labels (e.g. { app: 'web' }): the pods of a ${this.workload.kind} take their labels from podMetadata, not from metadata.labels`
      : undefined;
  }

  /**
   * Ports of sidecars that front the app (Services must target them, not the app's ports), and
   * the app's own ports.
   * @internal
   */
  public get _frontPorts(): _FrontPorts | undefined {
    // With the proxies Inject.into() added to this object.
    const injected: _InjectedFront = typeof (this as any)._injectedFront === 'function'
      ? (this as any)._injectedFront() : { frontPorts: [], frontedAppPorts: [], classicSidecars: [], nativeSidecars: [] };
    const proxies = [...this.frontPortNames, ...injected.frontPorts];
    // The app's ports as JSON patches leave them, when there are patches.
    const patched = proxies.length > 0 ? this.patchedManifest() : undefined;
    const sidecars = [...this.classicSidecars, ...injected.classicSidecars];
    return frontPorts(proxies, this.mainContainers, [...this.frontedAppPorts, ...injected.frontedAppPorts], patched, sidecars,
      [...this.nativeSidecars, ...injected.nativeSidecars]);
  }

  /**
   * Appends a main container already read as Kubernetes JSON (the props a subclass read).
   * @internal
   */
  protected _pushContainer(container: any): void {
    this.mainContainers = added(this.mainContainers, container);
    this._changed();
  }

  /**
   * Appends an init container already read as Kubernetes JSON.
   * @internal
   */
  protected _pushInitContainer(container: any): void {
    this.userInitContainers = added(this.userInitContainers, container);
    this._changed();
  }

  /**
   * Adds a volume already read as Kubernetes JSON.
   * @internal
   */
  protected _pushVolume(volume: any): void {
    this.volumeList = added(this.volumeList, volume);
    this._changed();
  }

  /**
   * Adds what a pattern's props declare, in the pod's order (init containers, init steps, main
   * containers, sidecars). If that fails, this object leaves the app (`_abandon`) before the
   * error is rethrown: a caught error followed by a synthesis writes nothing half-built.
   *
   * @internal
   */
  protected _addDeclared(declared: {
    readonly initContainers?: any[];
    readonly initSteps?: InitStep[];
    readonly containers?: any[];
    readonly sidecars?: Sidecar[];
  }): void {
    try {
      for (const c of declared.initContainers ?? []) {
        this._pushInitContainer(c);
      }
      for (const step of declared.initSteps ?? []) {
        this.addInitStep(step);
      }
      for (const c of declared.containers ?? []) {
        this._pushContainer(c);
      }
      for (const sidecar of declared.sidecars ?? []) {
        this.addSidecar(sidecar);
      }
    } catch (e) {
      this._abandon();
      throw e;
    }
  }

  /**
   * Adds what a sidecar binding brings; used by addSidecar() and by patterns with a sidecar of
   * their own. Returns the container as written.
   * @internal
   */
  protected _addSidecarBinding(binding: SidecarBinding, mode: SidecarMode, containerIsJson: boolean = false, linuxOnly?: string, instead = 'Sidecar.container()'): any {
    const container = containerIsJson ? binding.container as any : toManifest('Container', binding.container);
    if (!containerIsJson || Object.keys(binding).length > 1) {
      this._markUnchecked();
    }
    const written = mode === SidecarMode.NATIVE ? { ...container, restartPolicy: 'Always' } : container;
    // A token is left to cdk8s (the validation of the final object checks what it resolves to).
    if (mode === SidecarMode.NATIVE && typeof container.restartPolicy === 'string' && container.restartPolicy !== 'Always') {
      this.addProblems = added(this.addProblems, nativeRestartPolicyProblem(container));
    }
    if (mode === SidecarMode.NATIVE) {
      this.nativeSidecars = added(this.nativeSidecars, written);
    } else {
      this.classicSidecars = added(this.classicSidecars, written);
    }
    for (const v of binding.volumes ?? []) {
      this.addSharedVolume(toManifest('Volume', v), (binding.appVolumeMounts ?? []).find((m) => m?.name === v?.name)?.mountPath,
        volumeAdder(v, container.name, linuxOnly, (binding.appVolumeMounts ?? []).find((m) => m?.name === v?.name)?.mountPath));
    }
    const logVolume = LOG_VOLUMES.get(binding);
    if (logVolume !== undefined) {
      this.logVolumes = added(this.logVolumes, { volume: logVolume, sidecar: container.name });
    }
    for (const m of binding.appVolumeMounts ?? []) {
      const mount = toManifest('VolumeMount', m);
      const tokenName = appMountNameProblem(mount, container.name);
      if (tokenName !== undefined) {
        throw new Error(`${this.description}: ${tokenName}`);
      }
      this.appMounts = added(this.appMounts, mount);
      this.mountOwners = added(this.mountOwners, sidecarMountOwner(mount, container.name, linuxOnly));
    }
    if (linuxOnly !== undefined) {
      this.linuxOnly = added(this.linuxOnly, { name: container.name, what: `${linuxOnly} '${container.name}'`, instead });
    }
    for (const step of binding.initSteps ?? []) {
      this.addInitStep(step);
      // A sidecar's own init container (git-sync's first sync): its mounts are the sidecar's, not the pod's own data.
      this.sidecarSteps = added(this.sidecarSteps, this.userInitContainers[this.userInitContainers.length - 1]);
      if (linuxOnly !== undefined && step._linuxOnly === undefined) {
        this.linuxOnly = added(this.linuxOnly, { name: step.name, what: `the init step '${step.name}' of ${linuxOnly} '${container.name}'`, instead });
      }
    }
    if (binding.podSecurityContext) {
      this.mergePodSecurityContext(toManifest('PodSecurityContext', binding.podSecurityContext), container.name, linuxOnly !== undefined);
    }
    this.frontPortNames = added(this.frontPortNames, ...(binding.frontPorts ?? []));
    this.frontedAppPorts = added(this.frontedAppPorts, ...(binding.frontedAppPorts ?? []).map((port) => ({ port, sidecar: container.name })));
    this.addConfigMaps(binding.configMaps);
    this.addProblems = added(this.addProblems, ...(binding.problems ?? []));
    this._changed();
    return written;
  }

  /** @internal */
  protected _renderBody(): Record<string, any> {
    const podSpec = this.renderPodSpec();
    if (this.workload.kind === WorkloadKind.POD) {
      return { spec: podSpec };
    }
    const podLabels = this.podLabelsAsDeclared();
    const templateLabels = Object.keys(podLabels).length > 0 ? podLabels : undefined;
    const templateMetadata = templateLabels || this.podAnnotations
      ? { labels: templateLabels, annotations: this.podAnnotations ? { ...this.podAnnotations } : undefined }
      : undefined;
    return { spec: this.workload._renderSpec({ podLabels, templateMetadata, podSpec }) };
  }

  /** @internal */
  protected _contentChecked(): boolean {
    return !this.uncheckedContent;
  }

  /**
   * The ConfigMaps generated for this pod, which it mounts by name: checked against its namespace
   * and its mounts after JSON patches.
   * @internal
   */
  protected _mountedConfigMaps(): ApiObject[] {
    return this.generatedConfigMaps;
  }

  /**
   * The generated ConfigMaps' state: a JSON patch of one of them changes what this pod's check finds.
   * @internal
   */
  protected _dependencyKey(): number | string | undefined {
    let key = 0;
    for (const cm of this._mountedConfigMaps()) {
      const k = cm instanceof ValidatedApiObject ? cm._stateKey() : undefined;
      if (typeof k !== 'number') {
        return undefined;
      }
      key = Math.max(key, k);
    }
    return key;
  }

  /**
   * Records that content which was not checked when it was read went into the pod.
   * @internal
   */
  protected _markUnchecked(): void {
    this.uncheckedContent = true;
  }

  /** @internal */
  protected _check(manifest: any, problems: Problems, checked: _ManifestChecks): void {
    validateObject(manifest, problems, checked);
    const podPath = podSpecPath(manifest.kind);
    const podSpec = getPath(manifest, podPath);
    const podMetaPath = podPath === 'spec' ? 'metadata' : podPath.replace(/spec$/, 'metadata');
    this.securityProfile?._validate(getPath(manifest, podMetaPath), podSpec, podPath, podMetaPath, problems);
    checkLinuxOnly(podSpec, podPath, this.linuxOnly, this.linuxOnlyPodFields, problems);
    checkGeneratedConfigMaps(manifest, this, this._mountedConfigMaps(), problems);
    addedMountProblems(Array.isArray(podSpec?.containers) ? podSpec.containers.slice(0, this.mainContainers.length) : [], `${podPath}.containers`, this.mountOwners, problems);
    this.mainContainers.forEach((c, i) => {
      for (const p of readOnlyClashes(c, this.appMounts, this.mountOwners, (v) => resolvedAsWritten(v, this))) {
        problems.add(`${podPath}.containers[${i}].volumeMounts`, p + '.');
      }
    });
    if (this.logVolumes.length > 0) {
      const classicNames = new Set(this.classicSidecars.map((c) => resolvedAsWritten(c?.name, this)));
      // A classic sidecar by its name; a container of another name than the main containers' (one a
      // JSON patch renamed or added) by what it runs, or by its place while the patches keep the count.
      const mainNames = new Set(this.mainContainers.map((c) => resolvedAsWritten(c?.name, this)));
      const runs = this.classicSidecars.map((c) => ['image', 'command', 'args'].map((k) => resolvedAsWritten(c?.[k], this)));
      const written: any[] = Array.isArray(podSpec?.containers) ? podSpec.containers : [];
      const writtenNames = new Set(written.map((c) => c?.name));
      const inPlace = written.length === this.mainContainers.length + this.classicSidecars.length;
      // At a sidecar's place: only for a sidecar whose own name is gone (renamed there) and that no
      // container is told to be by what it runs.
      const runsHere = (r: unknown[]) => written.some((c) => !mainNames.has(c?.name) && sameJson(r, [c?.image, c?.command, c?.args]));
      const renamedAt = (i: number) => inPlace && i >= this.mainContainers.length
        && !writtenNames.has(resolvedAsWritten(this.classicSidecars[i - this.mainContainers.length]?.name, this))
        && !runsHere(runs[i - this.mainContainers.length]);
      const isSidecar = (c: any, i: number) => classicNames.has(c?.name) || (!mainNames.has(c?.name)
        && (runs.some((r) => sameJson(r, [c?.image, c?.command, c?.args])) || renamedAt(i)));
      unwritableLogProblems(written, isSidecar, this.logVolumes, `${podPath}.containers`, problems);
    }
    for (const p of this.addProblems) {
      problems.add('', p);
    }
    const podSecurity = getPath(manifest, `${podPath}.securityContext`);
    // Judged on the pod as written: a sidecar a JSON patch removed needs nothing. One is there under
    // its (resolved) name, or renamed in place while the patches keep the number of containers.
    const writtenContainers: any[] = Array.isArray(podSpec?.containers) ? podSpec.containers : [];
    const writtenInits: any[] = Array.isArray(podSpec?.initContainers) ? podSpec.initContainers : [];
    const writtenNames = new Set([...writtenContainers, ...writtenInits].map((c: any) => c?.name));
    const inPlace = writtenContainers.length === this.mainContainers.length + this.classicSidecars.length
      && writtenInits.length === this.nativeSidecars.length + this.userInitContainers.length;
    const securityPath = [...podPath.split('.'), 'securityContext'];
    const nameOf = (n: _PodSecurityNeed) => (typeof n.sidecar === 'string' ? n.sidecar : resolve([], n.sidecar, this));
    // Renamed in place: the container at the sidecar's place still runs the sidecar's image (another is a replacement).
    const renamedInPlace = (n: _PodSecurityNeed) => {
      const classic = this.classicSidecars.findIndex((c) => c?.name === n.sidecar);
      const native = this.nativeSidecars.findIndex((c) => c?.name === n.sidecar);
      const [declared, at] = classic >= 0 ? [this.classicSidecars[classic], writtenContainers[this.mainContainers.length + classic]]
        : native >= 0 ? [this.nativeSidecars[native], writtenInits[native]] : [undefined, undefined];
      return declared !== undefined && at?.image === resolve([], declared.image, this);
    };
    const present = this.podSecurityNeeds.filter((n) => writtenNames.has(nameOf(n)) || (inPlace && renamedInPlace(n)));
    for (const need of present) {
      const current = podSecurity?.[need.field];
      const wanted = resolve([...securityPath, need.field], need.wanted, this);
      if (wanted === undefined || wanted === null) {
        continue;
      }
      if (current === undefined || current === null) {
        // A token of the pod's that resolved to nothing, or a JSON patch that removed the field.
        problems.add('', `securityContext.${need.field}: is not set in the pod as written (a token that resolved to no value, or a JSON patch), so the value ${show(wanted)} `
          + `the sidecar ${show(nameOf(need))} needs is missing; set it to that value.`);
      } else if (!podSecurityCovers(need.field, current, wanted)) {
        // Another sidecar (still in the pod) is named only when the value written is the one it needs, and the two needs do not merge.
        const owner = present.find((n) => n.field === need.field && n.wrote && n !== need);
        const ownerWanted = owner && resolve([...securityPath, need.field], owner.wanted, this);
        const blame = owner !== undefined && sameJson(ownerWanted, current) && !mergesAsSet(need.field, ownerWanted, wanted)
          ? nameOf(owner) : undefined;
        problems.add('', `securityContext.${need.field}: ${podSecurityConflict(current, wanted, nameOf(need), blame)}`);
      }
    }
    // Two sidecars' app paths of one volume, once resolved, where a main container gets their mounts.
    for (const { name, earlier, later, paths } of this.appPathPairs) {
      const [a, b] = paths.map((p) => resolvedAsWritten(p, this)) as [string, string];
      if (!samePath(a, b) && this.appGetsMountsOf(name)) {
        problems.add('', sidecarVolumeClash(name, earlier, later, [a, b]));
      }
    }
    for (const { pod, sidecar } of this.tokenVolumes) {
      const ours = resolvedAsWritten(pod, this, [...podPath.split('.'), 'volumes']);
      const theirs = resolvedAsWritten(sidecar, this, [...podPath.split('.'), 'volumes']);
      if (!sameJson(ours, theirs)) {
        problems.add(`${podPath}.volumes`, `volume name ${show(sidecar.name)} is used by ${show(ours)} and by ${show(theirs)}, which a sidecar adds; give each volume a unique name.`);
      }
    }
    // Judged on the object as written (after JSON patches): its kind and the sidecars still in it.
    if ((manifest.kind === WorkloadKind.JOB || manifest.kind === WorkloadKind.CRON_JOB) && this.classicSidecars.length > 0) {
      const written = new Set((Array.isArray(podSpec?.containers) ? podSpec.containers : []).map((c: any) => c?.name));
      const still = this.classicSidecars.filter((c) => written.has(c.name));
      if (still.length > 0) {
        problems.add(`${podPath}.containers`, `the classic sidecar ${still.map((c) => show(c.name)).join(', ')} would keep running after the app finished, so the ${manifest.kind} would never complete (this library's contract); use SidecarMode.NATIVE (an init container with restartPolicy Always, stopped when the app exits; Kubernetes 1.29+).`);
      }
    }
    for (const r of this.filesVolumeAdded ? this.unmountedReads : []) {
      const problem = unmountedFileProblem(r.path, r.step, this.filesMountPath);
      if (problem) {
        problems.add('', problem);
      }
    }
    if (this.filesVolumeAdded && !this.declaredFilesMountPath.startsWith('/')) {
      problems.add('filesMountPath', `${show(this.declaredFilesMountPath)} must be an absolute path (e.g. '/config'); init steps write files there and it is mounted into every main container.`);
    }
    // podMetadata.labels: {} replaces metadata.labels for the pods: say so, not "set metadata.labels"
    // (only for the object as rendered: no selector option, no JSON patch of its kind or pod labels).
    const emptyPodLabels = this.podLabels !== undefined && Object.keys(this.podLabels).length === 0;
    const templateLabels = getPath(manifest, 'spec.template.metadata.labels');
    const asRendered = manifest.kind === this.workload.kind && getPath(manifest, 'spec.selector') === undefined
      && (templateLabels === undefined || (typeof templateLabels === 'object' && templateLabels !== null && Object.keys(templateLabels).length === 0));
    if (this.workload.selectsByLabel && emptyPodLabels && asRendered && Object.keys(this.ownLabels()).length > 0) {
      const before = problems.count;
      problems.removeIf((item, _path, index) => index < before && / selects its pods by label and none are declared;/.test(item));
      if (problems.count < before) {
        problems.add('podMetadata.labels', `is empty, so the pods of this ${this.workload.kind} have no label to select them by: podMetadata.labels replaces metadata.labels for the pods; add labels to it, or remove it to give the pods metadata.labels.`);
      }
    }
    if (this.workload.kind === WorkloadKind.POD) {
      for (const [k, v] of Object.entries(this.podLabels ?? {})) {
        const own = this.declaredLabels?.[k];
        if (own !== undefined && own !== v) {
          problems.add('podMetadata.labels', `${k}=${show(v)} contradicts metadata.labels ${k}=${show(own)}; for a bare Pod both are its own labels: keep one value.`);
        }
      }
      for (const [k, v] of Object.entries(this.podAnnotations ?? {})) {
        const own = this.declaredAnnotations?.[k];
        if (own !== undefined && own !== v) {
          problems.add('podMetadata.annotations', `${k}=${show(v)} contradicts metadata.annotations ${k}=${show(own)}; for a bare Pod both are its own annotations: keep one value.`);
        }
      }
    }
    this._validatePattern(manifest, problems);
  }

  /**
   * Checks that only the concrete pattern knows about (added to the shared pod checks).
   * @internal
   */
  protected _validatePattern(_manifest: any, _problems: Problems): void {
    return;
  }

  /** Inserts an init container before all others (used by native sidecars). */
  protected prependInitContainer(container: Container): void {
    this._markUnchecked();
    this.nativeSidecars = [toManifest('Container', container), ...this.nativeSidecars];
    this._changed();
  }

  /** The pod spec as written to the manifest. */
  protected renderPodSpec(): Record<string, any> {
    const initContainers = [...this.nativeSidecars, ...this.userInitContainers];
    const spec: Record<string, any> = {
      ...this.specOptions,
      initContainers: initContainers.length > 0 ? initContainers : undefined,
      containers: this.writtenContainers(),
      volumes: this.volumeList.length > 0 ? [...this.volumeList] : undefined,
    };
    return this.securityProfile ? this.securityProfile._apply(spec) : spec;
  }

  /** The main containers with the mounts sidecars and steps add, then the classic sidecars (not copied). */
  private writtenContainers(): any[] {
    return [...this.mainContainers.map((c) => withVolumeMounts(c, this.appMounts)), ...this.classicSidecars];
  }

  /** A value of a Kubernetes struct checked and converted, or an Error naming this object. */
  private read(type: string, value: any, method: string): any {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error(`${this.description}: ${method}: ${show(value)} is ${kindOf(value)}, not ${type === 'Volume' ? "a volume; pass e.g. { name: 'data', emptyDir: {} }" : "a container; pass e.g. { name: 'app', image: 'nginx:1.27' }"}.`);
    }
    const problems = new Problems();
    const json = toManifest(type, value, method, problems);
    if (problems.count > 0) {
      throw new Error(problems.toErrors(this.description)[0]);
    }
    return json;
  }

  private ownLabels(): { [key: string]: string } {
    // cdk8s keeps the labels in a private field (it has only getLabel(key) to read one); reading
    // it avoids resolving the whole metadata on every render and every Service validation.
    const labels = (this.metadata as any).labels;
    if (labels !== null && typeof labels === 'object') {
      const out: { [key: string]: string } = {};
      for (const key of Object.keys(labels)) {
        if (labels[key] !== undefined) {
          out[key] = labels[key];
        }
      }
      return out;
    }
    return { ...(this.metadata.toJson().labels ?? {}) };
  }

  private addFilesVolume(): void {
    if (this.filesVolumeAdded) {
      return;
    }
    this.filesVolumeAdded = true;
    this.volumeList = added(this.volumeList, { name: this.filesVolumeName, emptyDir: {} });
    this.appMounts = added(this.appMounts, { name: this.filesVolumeName, mountPath: this.filesMountPath });
    this.mountOwners = added(this.mountOwners, {
      name: this.filesVolumeName, mountPath: this.filesMountPath, owner: `the init steps of ${this.description} (their shared files)`, fix: `set filesMountPath of ${this.description} to another path`,
    });
  }

  /**
   * Records a mount this pattern adds to a main container, with who adds it and how to move it,
   * so that a collision with a mount of the user's names them; `inMainContainer`: whether the
   * pattern wrote it into the container itself (not when the container mounts the volume itself).
   * @internal
   */
  protected _describeAddedMount(owner: AddedMount, inMainContainer: boolean): void {
    this.mountOwners = added(this.mountOwners, owner);
    if (inMainContainer) {
      this.patternMainMounts = added(this.patternMainMounts, owner);
    }
  }

  /** Whether a main container's mount is one this pattern put there itself (not the user's own). */
  private isPatternMainMount(m: any): boolean {
    return this.patternMainMounts.some((o) => o.name === m?.name && samePath(o.mountPath, m?.mountPath));
  }

  /**
   * The mounts this pattern adds to its main containers, with who adds them (for Inject.into()).
   * @internal
   */
  public _addedMounts(): readonly AddedMount[] {
    return this.mountOwners;
  }

  private addConfigMaps(configMaps: GeneratedConfigMapData[] | undefined): void {
    for (const data of configMaps ?? []) {
      const id = `ConfigMap-${data.name}`;
      // Another sidecar's or step's, or the pattern's own (SidecarLoggedApp's Fluent Bit configuration).
      const earlier = this.node.tryFindChild(id) ?? this.node.children.find((c) => c instanceof GeneratedConfigMap && c.name === data.name);
      if (earlier !== undefined) {
        throw new Error(`${this.description}: two sidecars or init steps generate a ConfigMap named ${show(data.name)} for this pod, and one would overwrite the other's configuration; `
          + configMapClashFix(earlier instanceof GeneratedConfigMap ? earlier.dataEntries : undefined, data));
      }
      const cm = new GeneratedConfigMap(this, id, {
        metadata: { name: data.name, namespace: this.metadata.namespace },
        data: data.data,
      });
      this.generatedConfigMaps = added(this.generatedConfigMaps, cm);
      this.addDependency(cm);
    }
  }

  /**
   * Runs `add`, which adds to this object; if it throws, everything it added is taken back first
   * (containers, volumes, mounts, problems, flags, the merged pod security context and the
   * ConfigMaps it generated), so that a caught error from `addSidecar()` or `addInitStep()` leaves
   * the object as it was, not with half a sidecar.
   */
  private atomically(add: () => void): void {
    const lists: any[][] = [this.userInitContainers, this.nativeSidecars, this.mainContainers, this.classicSidecars,
      this.volumeList, this.appMounts, this.frontPortNames, this.addProblems, this.generatedConfigMaps, this.stepFiles,
      this.linuxOnly, this.linuxOnlyPodFields, this.stepReads, this.unmountedReads, this.frontedAppPorts, this.podSecurityNeeds, this.tokenVolumes,
      this.volumeAdders, this.appPathPairs, this.sidecarSteps, this.mountOwners, this.logVolumes];
    const lengths = lists.map((l) => l.length);
    const flags = [this.filesVolumeAdded, this.uncheckedContent];
    const securityContext = this.specOptions.securityContext;
    try {
      add();
    } catch (e) {
      for (const cm of this.generatedConfigMaps.slice(lengths[8])) {
        cm._abandon();
      }
      const back = (i: number): any[] => {
        if (lists[i] !== NONE) {
          lists[i].length = lengths[i];
        }
        return lists[i];
      };
      [this.userInitContainers, this.nativeSidecars, this.mainContainers, this.classicSidecars, this.volumeList, this.appMounts,
        this.frontPortNames, this.addProblems, this.generatedConfigMaps, this.stepFiles, this.linuxOnly,
        this.linuxOnlyPodFields, this.stepReads, this.unmountedReads, this.frontedAppPorts, this.podSecurityNeeds,
        this.tokenVolumes, this.volumeAdders, this.appPathPairs, this.sidecarSteps, this.mountOwners, this.logVolumes] = lists.map((_, i) => back(i));
      [this.filesVolumeAdded, this.uncheckedContent] = flags;
      this.specOptions.securityContext = securityContext;
      this._changed();
      throw e;
    }
  }

  private mergePodSecurityContext(written: Record<string, any>, sidecarName: string, linuxOnly: boolean): void {
    const declared = this.specOptions.securityContext;
    // A field set to null is no need (cdk8s writes nothing for it).
    const fields = Object.fromEntries(Object.entries(written).filter(([, v]) => v !== undefined && v !== null));
    if (Object.keys(fields).length === 0) {
      return; // a sidecar that needs no pod field
    }
    if (isCdk8sToken(declared)) {
      // The whole securityContext is one token: its fields are known at synth only.
      throw new Error(`${this.description}: securityContext is a token (a Lazy), but the sidecar ${show(sidecarName)} needs pod securityContext fields `
        + `(${Object.keys(fields).join(', ')}) to be merged into it; write securityContext as a plain object (its fields may be tokens).`);
    }
    const merged = { ...(declared ?? {}) };
    if (linuxOnly) {
      this.linuxOnlyPodFields = added(this.linuxOnlyPodFields, ...Object.keys(fields).filter((k) => merged[k] === undefined || merged[k] === null));
    }
    for (const [k, wanted] of Object.entries(fields)) {
      const current = merged[k];
      const wrote = current === undefined || current === null;
      const owner = this.podSecurityNeeds.find((n) => n.field === k && n.wrote)?.sidecar;
      if (wrote) {
        merged[k] = wanted;
      } else if (owner !== undefined && !hasToken(current) && !hasToken(wanted) && mergesAsSet(k, current, wanted)) {
        merged[k] = mergesAsSet(k, current, wanted); // two sidecars' groups or sysctls: both are given
      } else if (!hasToken(current) && !hasToken(wanted) && !podSecurityCovers(k, current, wanted)) {
        this.addProblems = added(this.addProblems, `securityContext.${k}: ${podSecurityConflict(current, wanted, sidecarName, owner)}`);
        continue;
      }
      // The pod's value (or the first sidecar's) is written; it is compared with the need at synth.
      this.podSecurityNeeds = added(this.podSecurityNeeds, { field: k, wanted, sidecar: sidecarName, wrote });
    }
    this.specOptions.securityContext = merged;
  }

  /**
   * The pod securityContext fields this pattern's own sidecars need, with the sidecar that set each
   * (for `Inject.into()`'s messages).
   * @internal
   */
  public get _podSecurityOwners(): Map<string, { readonly sidecar: string; readonly wanted: any }> {
    return new Map(this.podSecurityNeeds.filter((n) => n.wrote).map((n) => [n.field, { sidecar: n.sidecar, wanted: n.wanted }]));
  }

  /**
   * The pod securityContext fields its SecurityProfile fills in by default (an injected sidecar's
   * need replaces them, as a sidecar's of `addSidecar()` does).
   * @internal
   */
  public get _profilePodDefaults(): { readonly [field: string]: any } {
    const defaults = this.securityProfile?._podDefaults({ securityContext: this.specOptions.securityContext, os: this.specOptions.os }) ?? {};
    // A field a JSON patch writes (or moves, or replaces with what holds it) is the user's, whatever its value.
    const patches: any[] = Array.isArray((this as any).patches) ? (this as any).patches : [];
    const paths = patches.flatMap((p) => {
      const op = typeof p?._toJson === 'function' ? p._toJson() : {};
      return [op.path, op.from].filter((x): x is string => typeof x === 'string');
    });
    const base = `/${podSpecPath(this.workload.kind).split('.').join('/')}/securityContext`;
    const patched = (k: string) => paths.some((p) => `${base}/${k}` === p || `${base}/${k}`.startsWith(`${p}/`) || p.startsWith(`${base}/${k}/`));
    return Object.fromEntries(Object.entries(defaults).filter(([k]) => !patched(k)));
  }

  /**
   * Adds a volume of the pattern's own sidecar (SidecarLoggedApp's shipper), recording who adds it,
   * so that another sidecar's volume of that name is reported with both; `undefined` records who
   * added a volume the pod has already.
   * @internal
   */
  protected _pushSidecarVolume(volume: any, adder: VolumeAdder): void {
    if (volume !== undefined) {
      this._pushVolume(volume); // (undefined: the volume is in the pod already, only who added it is recorded)
    }
    if (!this.volumeAdders.some((a) => a.name === adder.name)) {
      this.volumeAdders = added(this.volumeAdders, adder);
    }
  }

  /**
   * The sidecars that added this pattern's volumes, for `Inject.into()`'s messages.
   * @internal
   */
  public get _volumeAdders(): readonly VolumeAdder[] {
    return this.volumeAdders;
  }

  /**
   * This pattern's classic sidecars and main containers as declared (tokens unresolved), for
   * `Inject.into()`, which mounts its volumes into the main containers only.
   * @internal
   */
  public get _patternContainers(): _PatternContainers {
    return {
      classic: this.classicSidecars.map((c) => ({ name: c?.name, image: c?.image, command: c?.command, args: c?.args })),
      initNames: [...this.nativeSidecars, ...this.sidecarSteps].map((c) => c?.name),
      mainOwn: this.mainContainers.map((c) => ({
        name: c?.name,
        image: c?.image,
        command: c?.command,
        args: c?.args,
        // Its own: not a mount the pattern wrote into it (a SidecarLoggedApp's log mount).
        volumes: Array.isArray(c?.volumeMounts) ? c.volumeMounts.filter((m: any) => !this.isPatternMainMount(m)).map((m: any) => m?.name) : [],
      })),
    };
  }

  /**
   * Whether a main container gets the sidecars' app mounts of this volume: one that does not
   * mount it itself (a mount this pattern added, such as a SidecarLoggedApp's log mount, is not
   * the container's own). Where every main container mounts it itself, each keeps its own mount
   * and none is added, so two sidecars' app paths of it cannot clash.
   */
  private appGetsMountsOf(name: string): boolean {
    const own = (m: any) => m?.name === name && !this.isPatternMainMount(m);
    return this.mainContainers.length === 0
      || this.mainContainers.some((c) => !(Array.isArray(c?.volumeMounts) ? c.volumeMounts : []).some(own));
  }

  /**
   * Adds a volume a sidecar or an init step needs, once: two sidecars that share one volume (two
   * log shippers reading one log volume) declare it both. One the pod already has alike (keys in
   * any order) is shared, unless it is writable (an emptyDir, not a ConfigMap) and one of the pod's
   * own containers mounts it at another path than `appMountPath` (the sidecar's mount into the
   * app): then it is the pod's own data, and the name is reported twice. With a token in either,
   * the two are compared at synth, once resolved. Two sidecars' volumes of one name that cannot be
   * one are reported with both sidecars and the options that rename them.
   */
  private addSharedVolume(volume: any, appMountPath?: string, adder?: VolumeAdder): void {
    const same = this.volumeList.find((v) => v.name === volume.name);
    const elsewhere = (m: any) => m?.name === volume.name && !samePath(m?.mountPath, appMountPath);
    let earlierAppMount = appMountPath === undefined ? undefined : this.appMounts.find(elsewhere);
    const earlier = this.volumeAdders.find((a) => a.name === volume.name);
    const tokenPaths = earlierAppMount !== undefined && (hasToken(earlierAppMount.mountPath) || hasToken(appMountPath));
    if (tokenPaths && earlier !== undefined && adder !== undefined) {
      // Two sidecars' app mount paths, one a token: the same path once resolved (one mount) or two, judged at synth.
      this.appPathPairs = added(this.appPathPairs, { name: volume.name, earlier, later: adder, paths: [earlierAppMount.mountPath, appMountPath] });
      earlierAppMount = undefined;
    }
    // Used at another path by the pod's own containers, or mounted into the app elsewhere by an earlier sidecar.
    const podOwn = [...this.mainContainers, ...this.userInitContainers.filter((c) => !this.sidecarSteps.includes(c))];
    const ownMount = readOnlySource(volume) ? undefined
      : podOwn.flatMap((c) => (Array.isArray(c?.volumeMounts) ? c.volumeMounts : [])).find(elsewhere);
    const own = ownMount !== undefined || (!readOnlySource(volume) && earlierAppMount !== undefined);
    // An earlier sidecar's volume, the same: the pod's containers may use it too (an init container
    // reading the log), so it is shared, unless the two sidecars mount it into the app at two paths.
    const earlierPath = earlierAppMount?.mountPath ?? earlier?.appPath;
    if (same !== undefined && earlier !== undefined && adder !== undefined && !tokenPaths && sameJson(same, volume)) {
      if (earlierPath !== undefined && appMountPath !== undefined && !samePath(earlierPath, appMountPath) && !readOnlySource(volume)) {
        this.appPathPairs = added(this.appPathPairs, { name: volume.name, earlier, later: adder, paths: [earlierPath, appMountPath] });
      }
      return;
    }
    if (same === undefined) {
      this._pushVolume(volume);
    } else if (own) {
      this._pushVolume(volume); // the pod's own volume of that name: the validation reports the name twice
    } else if (sameJson(same, volume)) {
      return; // shared
    } else if (hasToken(same) || hasToken(volume)) {
      this.tokenVolumes = added(this.tokenVolumes, { pod: same, sidecar: volume }); // compared once resolved
    } else if (adder !== undefined && earlier !== undefined) {
      this.addProblems = added(this.addProblems, sidecarVolumeClash(volume.name, earlier, adder));
      return;
    } else {
      this._pushVolume(volume); // two volumes of one name: the validation reports it
    }
    if (adder !== undefined && earlier === undefined) {
      this.volumeAdders = added(this.volumeAdders, adder);
    }
  }
}

/** A pod securityContext field a sidecar needs; `wrote`: the sidecar's value is the one written. */
interface _PodSecurityNeed {
  readonly field: string;
  readonly wanted: any;
  readonly sidecar: string;
  readonly wrote: boolean;
}

/** Whether a token is anywhere in a value (a Lazy, or a plain object holding one). */
function hasToken(v: unknown): boolean {
  return isCdk8sToken(v) || tokenProblems('', v, 'v').length > 0;
}

/** The Kubernetes name of each PodSpecOptions field (`hostPid` -> `hostPID`), by its prop name. */
let SPEC_OPTION_NAMES: Map<string, string> | undefined;

function specOptionJsonName(key: string): string | undefined {
  if (SPEC_OPTION_NAMES === undefined) {
    SPEC_OPTION_NAMES = new Map(POD_SPEC_OPTION_FIELDS.map((f) => [f, k8sJsonName('PodSpec', f) ?? f]));
  }
  return SPEC_OPTION_NAMES.get(key);
}

/** An empty list shared by every object until it gets an item (memory: most lists stay empty). */
const NONE: any[] = Object.freeze([]) as any;

/** The list with the items appended: the same array, or a new one instead of NONE. */
function added<T>(list: T[], ...items: T[]): T[] {
  if (items.length === 0) {
    return list;
  }
  if (list === NONE) {
    return items;
  }
  list.push(...items);
  return list;
}

/** How an object is named in messages before it exists: `PlainPod 'web'`, or its construct path. */
export function subjectOf(typeName: string, scope: Construct, id: string, props: any): string {
  // Checked here, before the construct is created: constructs would fail with a raw TypeError.
  if (typeof id !== 'string') {
    throw new Error(`${typeName}: id: ${show(id)} is ${kindOf(id)}, but a construct id is a string; write it as one (e.g. \`pod-\${i}\`).`);
  }
  if (scope === null || typeof scope !== 'object' || typeof (scope as any).node?.addChild !== 'function') {
    throw new Error(`${typeName} '${id}': scope: ${show(scope)} is not a construct; pass a Chart (or another construct) as the first argument.`);
  }
  let name: unknown;
  try {
    name = props?.metadata?.name;
  } catch {
    name = undefined; // a getter that throws: reported with the field when the props are read
  }
  return typeof name === 'string' ? `${typeName} '${name}'` : `${typeName} at ${scope?.node?.path ? `${scope.node.path}/` : ''}${id}`;
}

/** A bare Pod's metadata with the pod labels and annotations added (the declared metadata wins; a conflict is reported). */
function withPodMetadata(metadata: ApiObjectMetadata | undefined, pod: PodMetadata | undefined): ApiObjectMetadata | undefined {
  if (!pod || (!pod.labels && !pod.annotations)) {
    return metadata;
  }
  return {
    ...metadata,
    labels: pod.labels || metadata?.labels ? { ...pod.labels, ...metadata?.labels } : undefined,
    annotations: pod.annotations || metadata?.annotations ? { ...pod.annotations, ...metadata?.annotations } : undefined,
  };
}

/** The kinds that hold a pod spec (podSpecPath's). */
const POD_KINDS = new Set<unknown>(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/**
 * Whether a manifest's kind holds a pod spec: a JSON patch may have made it another (a Service),
 * whose own validation reports it; a pattern's checks of the pod then have nothing to read.
 */
export function holdsPod(manifest: any): boolean {
  return POD_KINDS.has(manifest?.kind);
}

/** Where the pod spec is in a manifest of this kind. */
export function podSpecPath(kind: string): string {
  switch (kind) {
    case 'Pod':
      return 'spec';
    case 'CronJob':
      return 'spec.jobTemplate.spec.template.spec';
    default:
      return 'spec.template.spec';
  }
}

/**
 * The container ports of a patched workload's pod: native sidecars (init containers with
 * restartPolicy Always) and containers.
 */
export function patchedContainerPorts(manifest: any): k8s.ContainerPort[] {
  const spec = getPath(manifest, podSpecPath(manifest?.kind));
  const list = (v: unknown): any[] => (Array.isArray(v) ? v.filter((c) => c !== null && typeof c === 'object') : []);
  return [...list(spec?.initContainers).filter((c) => c.restartPolicy === 'Always'), ...list(spec?.containers)].flatMap((c) => (Array.isArray(c.ports) ? c.ports : []));
}

/**
 * Whether a container's ports are known before synth: no token for the list, a port, its name or
 * its protocol (a named targetPort is then checked against them).
 */
export function portsKnown(container: any): boolean {
  const ports = container?.ports;
  return ports === undefined || (Array.isArray(ports) && ports.every((p: any) => p !== null && typeof p === 'object' && Object.getPrototypeOf(p) === Object.prototype
    && (p.name === undefined || typeof p.name === 'string') && (p.protocol === undefined || typeof p.protocol === 'string')));
}

/** The value at a dotted path, or undefined. */
export function getPath(value: any, path: string): any {
  let v = value;
  for (const part of path.split('.')) {
    v = v?.[part];
  }
  return v;
}

/** A native sidecar whose container declares another restartPolicy than Always, which would be replaced. */
export function nativeRestartPolicyProblem(container: any): string {
  return `sidecar ${show(container.name)}: restartPolicy: ${show(container.restartPolicy)} contradicts SidecarMode.NATIVE, which runs the container as an init container with restartPolicy Always; `
    + 'remove restartPolicy, or use SidecarMode.CLASSIC.';
}

/**
 * What `Inject.into()` added to an object that fronts its app: the proxies' port names, the app
 * ports they forward to, and the classic sidecars it added (not the app's containers).
 * @internal
 */
export interface _InjectedFront {
  readonly frontPorts: string[];
  readonly frontedAppPorts: _FrontedAppPort[];
  /** The classic sidecars it added (names and ports), which are not the app's containers. */
  readonly classicSidecars: any[];
  /** The native sidecars it added (a proxy among them may front another). */
  readonly nativeSidecars: any[];
}

/**
 * An app port a proxy sidecar forwards to, with the sidecar's name.
 * @internal
 */
export interface _FrontedAppPort {
  readonly port: number;
  readonly sidecar: string;
}

/**
 * The ports of proxy sidecars (Envoy, oauth2-proxy) and the app ports they front.
 * @internal
 */
export interface _FrontPorts {
  readonly sidecarPorts: string[];
  /**
   * The app's ports: container ports with the container's name, or an app port with its proxy's
   * name; a port of a proxy that another proxy fronts (`proxy`, the inner one's name) counts as one.
   */
  readonly appPorts: any[];
}

/**
 * The front ports of a pod: its proxies' port names, its main containers' ports, and the app ports
 * the proxies forward to that no container lists (the app listens there, listed or not). The main
 * containers are those of `manifest` (the object as its JSON patches leave it) that stand for the
 * `declared` ones, when it is given (the classic `sidecars` written after them); otherwise `declared`.
 */
export function frontPorts(proxyPorts: string[], declared: Array<{ name?: unknown; ports?: unknown }>,
  frontedAppPorts: _FrontedAppPort[], manifest?: any,
  sidecars: Array<{ name?: unknown; ports?: unknown }> = [],
  nativeSidecars: Array<{ name?: unknown; ports?: unknown }> = []): _FrontPorts | undefined {
  if (proxyPorts.length === 0) {
    return undefined;
  }
  let mainContainers = declared;
  if (manifest !== undefined) {
    const found = getPath(manifest, podSpecPath(manifest?.kind))?.containers;
    const written: any[] = Array.isArray(found) ? found : [];
    // The containers are written in order: the app's, the object's own classic sidecars, then those
    // Inject.into() added. While patches keep their number, they are matched by place (a renamed
    // app container or sidecar stays what it was); otherwise every container but the sidecars
    // known by name is the app's (one a patch added included).
    const sidecarNames = new Set(sidecars.map((c) => c.name));
    const byPlace = written.length === declared.length + sidecars.length;
    mainContainers = (byPlace ? written.slice(0, declared.length) : written.filter((c: any) => !sidecarNames.has(c?.name)))
      .filter((c: any) => c !== null && typeof c === 'object');
  }
  // The proxies forward TCP: the app's UDP and SCTP ports are not behind them.
  const isTcp = (p: any) => p.protocol === undefined || p.protocol === null || p.protocol === '' || p.protocol === 'TCP';
  const appPorts: any[] = [];
  for (const c of mainContainers) {
    for (const p of Array.isArray(c.ports) ? c.ports : []) {
      if (p !== null && typeof p === 'object' && isTcp(p)) {
        appPorts.push({ ...p, container: String(c.name) });
      }
    }
  }
  const portsOf = (c: { ports?: unknown }): any[] => (Array.isArray(c.ports) ? c.ports : []).filter((p: any) => p !== null && typeof p === 'object');
  for (const { port, sidecar } of frontedAppPorts) {
    if (appPorts.some((p) => p.containerPort === port)) {
      continue;
    }
    // A proxy in front of another (oauth2-proxy on Envoy's port): the inner proxy's port is fronted too.
    // Only a proxy's (one of its ports is a front port) and only TCP, which the proxies forward.
    const inner = [...sidecars, ...nativeSidecars]
      .filter((c) => c.name !== sidecar && portsOf(c).some((p) => proxyPorts.includes(p.name)))
      .flatMap((c) => portsOf(c).filter((p) => p.containerPort === port && isTcp(p)).map((p) => ({ ...p, proxy: String(c.name), sidecar })));
    appPorts.push(...(inner.length > 0 ? inner : [{ containerPort: port, sidecar }]));
  }
  return { sidecarPorts: proxyPorts, appPorts };
}
