import type { AbstractPod, k8s } from 'cdk8s-plus-28';

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

  /** The labels of the target's pods, used as the Service selector. Empty when it has none. */
  selectorLabels(): { [key: string]: string };

  /** The ports the target's containers declare, or undefined when they are not known. */
  containerPorts(): k8s.ContainerPort[] | undefined;

  /**
   * The namespace of the target's pods, when it is known: a Service exposing them is written
   * into it.
   *
   * @default - unknown
   */
  readonly targetNamespace?: string;
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
    const copy = { ...labels };
    const description = `pods labelled ${Object.entries(copy).map(([k, v]) => `${k}=${v}`).join(',') || '(no labels)'}`;
    const target: IServiceTarget & _ServiceTargetHints = {
      targetDescription: description,
      _missingLabelsFix: 'pass at least one label to ServiceTarget.fromLabels()',
      selectorLabels: () => ({ ...copy }),
      containerPorts: () => undefined,
    };
    return target;
  }

  /**
   * The pods of a cdk8s-plus-28 workload: a `Pod`, `Deployment`, `StatefulSet` or `DaemonSet`
   * (any `AbstractPod`).
   *
   * The selector is what cdk8s-plus-28 itself selects the pods by: a workload's `matchLabels`
   * (its `matchExpressions` cannot be written into a Service selector and are not used), or a
   * `Pod`'s `cdk8s.io/metadata.addr` label. They are read at synth time, so labels selected
   * after this call count. Named targetPorts are checked against the containers' `ports` and
   * `portNumber` (and those of native sidecar init containers).
   */
  public static fromKplus(workload: AbstractPod): IServiceTarget {
    // Duck typing on the public API only: cdk8s-plus-28 stays a type-only import.
    const w: any = workload;
    const isWorkload = 'matchLabels' in w;
    const kind = w.constructor?.name ?? 'workload';
    const target: IServiceTarget & _ServiceTargetHints = {
      targetDescription: `cdk8s-plus-28 ${kind} '${w.name}'`,
      _missingLabelsFix: isWorkload
        ? `select its pods by label (the default select: true, or ${lowerFirst(kind)}.select(LabelSelector.of({ labels: { app: 'web' } })))`
        : `keep its ${KPLUS_POD_ADDRESS_LABEL} label`,
      selectorLabels: () => kplusSelectorLabels(w, isWorkload),
      containerPorts: () => kplusContainerPorts(w),
    };
    return target;
  }

  private constructor() {}
}

function kplusSelectorLabels(w: any, isWorkload: boolean): { [key: string]: string } {
  if (isWorkload) {
    return { ...(w.matchLabels ?? {}) };
  }
  const address = w.podMetadata?.getLabel?.(KPLUS_POD_ADDRESS_LABEL);
  return address === undefined ? {} : { [KPLUS_POD_ADDRESS_LABEL]: address };
}

function kplusContainerPorts(w: any): k8s.ContainerPort[] {
  const sidecars = (w.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always');
  const ports: k8s.ContainerPort[] = [];
  for (const c of [...sidecars, ...(w.containers ?? [])]) {
    for (const p of c.ports ?? []) {
      ports.push({
        containerPort: p.number,
        ...(p.name === undefined ? {} : { name: p.name }),
        ...(p.protocol === undefined ? {} : { protocol: p.protocol }),
      });
    }
  }
  return ports;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
