import type { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { isPlainObject, keysOf, kindOf } from './k8s-values';
import { _FrontPorts, frontPorts, getPath, _InjectedFront, patchedContainerPorts, podSpecPath } from './pod-workload';
import { show, threwProblem } from './problems';

/**
 * Something a Service can expose: it tells which labels select its pods and, when known,
 * which ports its containers declare (to resolve named targetPorts).
 *
 * Every pod pattern of this library implements it; `ServiceTarget` adapts plain labels and
 * cdk8s-plus-28 workloads.
 */
export interface IServiceTarget {
  /** How the target is named in error messages, e.g. `InitPod 'init-test'`. */
  readonly targetDescription: string;

  /**
   * The namespace of the target's pods, when it is known: a Service exposing them is written
   * into it.
   *
   * @default - unknown
   */
  readonly targetNamespace?: string;

  /** The labels of the target's pods, used as the Service selector. Empty when it has none. */
  selectorLabels(): { [key: string]: string };

  /** The ports the target's containers declare, or undefined when they are not known. */
  containerPorts(): k8s.ContainerPort[] | undefined;

}

/**
 * A container port of a cdk8s-plus container (`Container.ports`), as this library reads it.
 */
export interface IKplusContainerPort {
  /** The port number. */
  readonly number: number;
  /**
   * The port's name.
   *
   * @default - no name
   */
  readonly name?: string;
  /**
   * The protocol.
   *
   * @default - TCP
   */
  readonly protocol?: string;
}

/**
 * A cdk8s-plus container (any cdk8s-plus-NN), as this library reads it.
 */
export interface IKplusContainer {
  /** The container's name. */
  readonly name: string;
  /** Its ports. */
  readonly ports: IKplusContainerPort[];
  /**
   * `Always` for a native sidecar.
   *
   * @default - not a native sidecar
   */
  readonly restartPolicy?: string;
}

/**
 * cdk8s metadata, as this library reads it.
 */
export interface IKplusMetadata {
  /**
   * The namespace.
   *
   * @default - none
   */
  readonly namespace?: string;
  /** The value of a label. */
  getLabel(key: string): string | undefined;
}

/**
 * A cdk8s-plus `Pod`, `Deployment`, `StatefulSet`, `DaemonSet`, `Job` or `CronJob` of ANY
 * cdk8s-plus-NN version: the members this library reads, typed structurally so that the
 * workloads of the cdk8s-plus version your app has fit.
 */
export interface IKplusWorkload extends IConstruct {
  /** The object's name. */
  readonly name: string;
  /** The object's metadata. */
  readonly metadata: IKplusMetadata;
  /** The pods' metadata. */
  readonly podMetadata: IKplusMetadata;
  /** The main containers. */
  readonly containers: IKplusContainer[];
  /** The init containers. */
  readonly initContainers: IKplusContainer[];
}

/**
 * Extra, optional knowledge of a target, read by `ExposedService` by duck typing (kept out of
 * the public interface so that implementing `IServiceTarget` stays three members).
 *
 * @internal
 */
export interface _ServiceTargetHints {
  /** How to give the target labels, quoted in the error when it has none. */
  readonly _missingLabelsFix?: string;
  /** Why the target's selector labels would select none of its pods, if they would not. */
  readonly _labelsProblem?: () => string | undefined;
  /**
   * The ports of proxy sidecars that front the app (a Service must target them), and the app's
   * own ports (with the container or the sidecar they belong to); undefined without such proxies.
   */
  readonly _frontPorts?: _FrontPorts;
}

/**
 * The label cdk8s-plus-28 puts on every `Pod` and selects it by (`kplus.Pod.ADDRESS_LABEL`).
 * Spelled out here so that cdk8s-plus-28 is never loaded at run time.
 */
const KPLUS_POD_ADDRESS_LABEL = 'cdk8s.io/metadata.addr';

/**
 * Service targets that are not pod patterns of this library.
 */
export class ServiceTarget {
  /**
   * Pods selected by these labels, wherever they come from (a Helm chart, another tool).
   * Their container ports are unknown, so named targetPorts are not checked.
   */
  public static fromLabels(labels: { [key: string]: string }): IServiceTarget {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./props').namedThrow('ServiceTarget.fromLabels()', () => labelTarget(labels));
  }


  /**
   * The pods of a cdk8s-plus workload of any cdk8s-plus-NN version: a `Pod`, `Deployment`,
   * `StatefulSet`, `DaemonSet`, `Job` or `CronJob`. A Service exposing them is written into
   * their namespace.
   *
   * The selector is what cdk8s-plus-28 itself selects the pods by: a workload's `matchLabels`
   * (its `matchExpressions` cannot be written into a Service selector and are not used), each of
   * which its pods must carry; or, for a `Pod` and a workload that selects nothing (a `Job`, a
   * `CronJob`, `select: false`), the `cdk8s.io/metadata.addr` label cdk8s-plus puts on its pods.
   * They are read at synth time, so labels selected after this call count. Named targetPorts are checked against the containers' `ports` and
   * `portNumber` (and those of native sidecar init containers).
   */
  public static fromKplus(workload: IKplusWorkload): IServiceTarget {
    // Duck typing on the public API only: cdk8s-plus-28 stays a type-only import.
    const w: any = workload;
    if (w === null || typeof w !== 'object') {
      throw new Error(`ServiceTarget.fromKplus(): workload: ${show(w)} is ${kindOf(w)}, not a cdk8s-plus workload; pass a cdk8s-plus Pod, Deployment, StatefulSet or DaemonSet.`);
    }
    if (typeof w.selectorLabels === 'function' && typeof w.containerPorts === 'function') {
      throw new Error(`ServiceTarget.fromKplus(): ${w.targetDescription ?? 'the workload'} is already a Service target (a pattern of this library); pass it as target itself, or call its expose().`);
    }
    const kind = w.constructor?.name ?? 'workload';
    if (!('podMetadata' in w) || !('containers' in w)) {
      throw new Error(`ServiceTarget.fromKplus(): ${kind === 'Object' ? 'workload' : `cdk8s-plus ${kind} '${w.name ?? w.node?.id}'`} is not a workload (it has no podMetadata and containers); `
        + 'pass a cdk8s-plus Pod, Deployment, StatefulSet, DaemonSet, Job or CronJob.');
    }
    const isWorkload = 'matchLabels' in w;
    const target: IServiceTarget & _ServiceTargetHints = {
      targetDescription: `cdk8s-plus ${kind} '${w.name}'`,
      // As JSON patches of its ApiObject (cdk8s-plus's escape hatch) leave it, when it has any.
      get targetNamespace() {
        const patched = kplusPatched(w);
        return patched !== undefined ? patched.metadata?.namespace : w.metadata?.namespace;
      },
      _missingLabelsFix: `give its pods a label and select them: ${lowerFirst(kind)}.podMetadata.addLabel('app', 'web')`
        + `${isWorkload ? `, or keep its ${KPLUS_POD_ADDRESS_LABEL} pod label` : `, or keep its ${KPLUS_POD_ADDRESS_LABEL} label`}`,
      selectorLabels: () => kplusSelectorLabels(kplusLabels(w), isWorkload),
      _labelsProblem: () => kplusLabelsNotOnPods(kplusLabels(w), isWorkload, kind, w.name),
      containerPorts: () => {
        const patched = kplusPatched(w);
        return patched !== undefined ? patchedContainerPorts(patched) : kplusContainerPorts(w);
      },
      // The proxies Inject.into() added to its ApiObject, in front of its containers' ports.
      get _frontPorts() {
        const injected: _InjectedFront | undefined = typeof w.apiObject?._injectedFront === 'function' ? w.apiObject._injectedFront() : undefined;
        if (injected === undefined) {
          return undefined;
        }
        const containers = (w.containers ?? []).map((c: any) => ({ name: c.name, ports: kplusPorts(c) }));
        // As JSON patches leave the app's containers, when it has any.
        return frontPorts(injected.frontPorts, containers, injected.frontedAppPorts, kplusPatched(w),
          injected.classicSidecars, injected.nativeSidecars);
      },
    };
    return target;
  }

  private constructor() {}
}

/** The manifest of a cdk8s-plus workload as the JSON patches of its ApiObject leave it; undefined without patches (or when they do not apply). */
function kplusPatched(w: any): any {
  const patches = w.apiObject?.patches;
  if (!Array.isArray(patches) || patches.length === 0) {
    return undefined;
  }
  try {
    return w.apiObject.toJson();
  } catch {
    return undefined;
  }
}

/** The string entries of a labels map (anything else: none). */
function stringLabels(labels: unknown): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(labels !== null && typeof labels === 'object' ? labels : {})) {
    if (typeof v === 'string') {
      out[k] = v;
    }
  }
  return out;
}

/**
 * A cdk8s-plus workload's selector labels and its pods' labels: as the JSON patches of its
 * ApiObject leave them when it has any, else as cdk8s-plus holds them.
 */
function kplusLabels(w: any): KplusLabels {
  const patched = kplusPatched(w);
  if (patched !== undefined) {
    const pod = patched.kind === 'Pod' ? patched : getPath(patched, podSpecPath(patched.kind).slice(0, -'.spec'.length));
    // A Job's or CronJob's selector is not written (Kubernetes generates it): cdk8s-plus's own then.
    const written = patched.spec?.selector?.matchLabels;
    return { matchLabels: stringLabels(written ?? w.matchLabels), podLabels: stringLabels(pod?.metadata?.labels) };
  }
  const pod = typeof w.podMetadata?.toJson === 'function' ? w.podMetadata.toJson() : undefined;
  return { matchLabels: stringLabels(w.matchLabels), podLabels: stringLabels(pod?.labels) };
}

/** A cdk8s-plus workload's selector labels and its pods' labels. */
interface KplusLabels {
  readonly matchLabels: { [key: string]: string };
  readonly podLabels: { [key: string]: string };
}

function kplusSelectorLabels(labels: KplusLabels, isWorkload: boolean): { [key: string]: string } {
  if (isWorkload && Object.keys(labels.matchLabels).length > 0) {
    return { ...labels.matchLabels };
  }
  // A Pod, or a workload that selects nothing (a Job or CronJob, select: false): the label
  // cdk8s-plus puts on every pod it writes.
  const address = labels.podLabels[KPLUS_POD_ADDRESS_LABEL];
  return address === undefined ? {} : { [KPLUS_POD_ADDRESS_LABEL]: address };
}

/** cdk8s-plus `select()` adds to a workload's selector only: labels its pods lack select none of them. */
function kplusLabelsNotOnPods(labels: KplusLabels, isWorkload: boolean, kind: string, name: string): string | undefined {
  if (!isWorkload) {
    return undefined;
  }
  const missing = Object.entries(labels.matchLabels).filter(([k, v]) => labels.podLabels[k] !== v);
  if (missing.length === 0) {
    return undefined;
  }
  const [k, v] = missing[0];
  return `target cdk8s-plus ${kind} '${name}' selects ${missing.map(([a, b]) => `${a}=${b}`).join(',')}, which its pods do not carry (cdk8s-plus select() does not label the pods), `
    + `so the Service would select none of them; label the pods too: ${lowerFirst(kind)}.podMetadata.addLabel(${JSON.stringify(k)}, ${JSON.stringify(v)})`;
}

/** A cdk8s-plus container's ports as Kubernetes writes them (number, name, protocol). */
function kplusPorts(c: any): k8s.ContainerPort[] {
  return (c.ports ?? []).map((p: any) => ({
    containerPort: p.number,
    ...(p.name === undefined ? {} : { name: p.name }),
    ...(p.protocol === undefined ? {} : { protocol: p.protocol }),
  }));
}

function kplusContainerPorts(w: any): k8s.ContainerPort[] | undefined {
  const sidecars = (w.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always');
  const ports: k8s.ContainerPort[] = [];
  for (const c of [...sidecars, ...(w.containers ?? [])]) {
    ports.push(...kplusPorts(c));
  }
  // The sidecars Inject.into() added to the workload's ApiObject.
  if (typeof w.apiObject?._injectedPorts !== 'function') {
    return ports;
  }
  const injected: k8s.ContainerPort[] | undefined = w.apiObject._injectedPorts();
  return injected === undefined ? undefined : [...ports, ...injected];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The target of ServiceTarget.fromLabels(), from the labels read once. */
function labelTarget(labels: { [key: string]: string }): IServiceTarget {
  // Plain JavaScript passes any value: a string would be spread into { 0: 'w', 1: 'e', ... }.
  if (labels === null || typeof labels !== 'object' || Array.isArray(labels) || !isPlainObject(labels)) {
    throw new Error(`ServiceTarget.fromLabels(): labels: ${show(labels)} is ${kindOf(labels)}, but it takes a map of labels; pass e.g. { app: 'web' }.`);
  }
  const copy: { [key: string]: string } = {};
  for (const key of keysOf(labels)) {
    let value: unknown;
    try {
      value = (labels as any)[key];
    } catch (e) {
      throw new Error(`ServiceTarget.fromLabels(): labels.${key}: ${threwProblem(e)}`);
    }
    if (typeof value !== 'string') {
      throw new Error(`ServiceTarget.fromLabels(): labels.${key}: ${show(value)} is ${kindOf(value)}, but a label value is a string; write it as a string.`);
    }
    copy[key] = value;
  }
  const description = `pods labelled ${Object.entries(copy).map(([k, v]) => `${k}=${v}`).join(',') || '(no labels)'}`;
  const target: IServiceTarget & _ServiceTargetHints = {
    targetDescription: description,
    _missingLabelsFix: 'pass at least one label to ServiceTarget.fromLabels()',
    selectorLabels: () => ({ ...copy }),
    containerPorts: () => undefined,
  };
  return target;
}
