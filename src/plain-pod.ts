import type { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PodWorkload, PodWorkloadProps } from './pod-workload';

/**
 * Props for `PlainPod`.
 */
export interface PlainPodProps extends PodWorkloadProps {
  /**
   * The main containers, started together.
   */
  readonly containers: k8s.Container[];

  /**
   * Init containers, run one after another, in this order, before the main containers.
   *
   * @default - no init containers
   */
  readonly initContainers?: k8s.Container[];
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
    super(scope, id, props, 'PlainPod');
    for (const c of props.initContainers ?? []) {
      this.addInitContainer(c);
    }
    for (const step of props.initSteps ?? []) {
      this.addInitStep(step);
    }
    for (const c of props.containers ?? []) {
      this.addContainer(c);
    }
    for (const sidecar of props.sidecars ?? []) {
      this.addSidecar(sidecar);
    }
  }
}
