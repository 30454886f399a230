import { Construct } from 'constructs';
import type { Container } from './k8s-types';
import { PodWorkload, PodWorkloadProps, subjectOf } from './pod-workload';
import { readProps } from './props';

/**
 * Props for `PlainPod`.
 */
export interface PlainPodProps extends PodWorkloadProps {
  /**
   * The main containers, started together.
   */
  readonly containers: Container[];

  /**
   * Init containers, run one after another, in this order, before the main containers.
   *
   * @default - no init containers
   */
  readonly initContainers?: Container[];
}

/**
 * A typed Pod definition: containers, optional init containers and volumes, with nothing
 * added. The tutorial's starting point, and the base the other patterns build on.
 *
 * @example
 * new PlainPod(chart, 'hello', {
 *   metadata: { name: 'hello' },
 *   containers: [{ name: 'main-container', image: 'busybox:latest', command: ['sh', '-c', 'echo hello'] }],
 * });
 */
export class PlainPod extends PodWorkload {
  public constructor(scope: Construct, id: string, props: PlainPodProps) {
    const p = readProps(subjectOf('PlainPod', scope, id, props), 'PlainPodProps', props);
    super(scope, id, p, 'PlainPod');
    // A failure leaves nothing half-built in the app (a caught error, then a synthesis).
    try {
      for (const c of p.initContainers ?? []) {
        this._pushInitContainer(c);
      }
      for (const step of p.initSteps ?? []) {
        this.addInitStep(step);
      }
      for (const c of p.containers ?? []) {
        this._pushContainer(c);
      }
      for (const sidecar of p.sidecars ?? []) {
        this.addSidecar(sidecar);
      }
    } catch (e) {
      this._abandon();
      throw e;
    }
  }
}
