import type { k8s } from 'cdk8s-plus-28';

/**
 * Something a Service can expose: it tells which labels select its pods and, when known,
 * which ports its containers declare (to resolve named targetPorts).
 *
 * Every pod pattern of this library implements it; `ServiceTarget` adapts plain labels.
 */
export interface IServiceTarget {
  /** How the target is named in error messages, e.g. `InitPod 'init-test'`. */
  readonly targetDescription: string;

  /** The labels of the target's pods, used as the Service selector. Empty when it has none. */
  selectorLabels(): { [key: string]: string };

  /** The ports the target's containers declare; undefined when they are not known. */
  containerPorts(): k8s.ContainerPort[] | undefined;
}

/**
 * Service targets that are not constructs of this library.
 */
export class ServiceTarget {
  /**
   * Pods selected by these labels, wherever they come from (a Helm chart, another tool).
   * Their container ports are unknown, so named targetPorts are not checked.
   */
  public static fromLabels(labels: { [key: string]: string }): IServiceTarget {
    const copy = { ...labels };
    const description = `pods labelled ${Object.entries(copy).map(([k, v]) => `${k}=${v}`).join(',') || '(no labels)'}`;
    return {
      targetDescription: description,
      selectorLabels: () => ({ ...copy }),
      containerPorts: () => undefined,
    };
  }

  private constructor() {}
}
