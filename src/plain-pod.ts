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
    this._addDeclared(p);
  }
}
