import { Construct } from 'constructs';
import { InitStep } from './init-step';
import type { Container } from './k8s-types';
import { holdsPod, PodWorkload, PodWorkloadProps, podSpecPath, subjectOf } from './pod-workload';
import { Problems } from './problems';
import { readProps } from './props';

/**
 * Props for `InitPod`.
 */
export interface InitPodProps extends PodWorkloadProps {
  /**
   * Init containers, run one after another in this order, each exiting 0 before the next
   * starts, and the main containers start only after the last one succeeded. Together with
   * `initSteps`, at least one.
   *
   * @default - no init containers of your own (then `initSteps` must have at least one step)
   */
  readonly initContainers?: Container[];

  /**
   * The main containers, started after every init container succeeded. At least one.
   */
  readonly containers: Container[];
}

/**
 * A Pod whose init containers run in order, to completion, before the main containers start:
 * prepare config, check the environment, download dependencies, wait for a database.
 *
 * Declared like the tutorial's `init-container.yml`, it synthesizes exactly that manifest.
 * `initSteps` add generated, validated steps (`InitStep.waitForTcp('mysql', 3306)`, ...).
 */
export class InitPod extends PodWorkload {
  /** The generated steps declared in `initSteps`, in the order they run (after `initContainers`). */
  public readonly initSteps: InitStep[];

  public constructor(scope: Construct, id: string, props: InitPodProps) {
    const p = readProps(subjectOf('InitPod', scope, id, props), 'InitPodProps', props);
    super(scope, id, p, 'InitPod');
    this.initSteps = [...(p.initSteps ?? [])];
    this._addDeclared({ ...p, initSteps: this.initSteps });
  }

  /** @internal */
  protected _validatePattern(manifest: any, problems: Problems): void {
    if (!holdsPod(manifest)) {
      return;
    }
    const path = podSpecPath(manifest.kind);
    const spec = path.split('.').reduce((v: any, k) => v?.[k], manifest);
    // (A spec that is null or missing decodes as an empty one, which has no init container.)
    if ((spec !== null && spec !== undefined && (typeof spec !== 'object' || Array.isArray(spec)))
      || (spec?.initContainers !== undefined && spec?.initContainers !== null && !Array.isArray(spec.initContainers))) {
      return; // no object, or no list: the decode step reports it
    }
    const steps = (spec?.initContainers ?? []).filter((c: any) => c?.restartPolicy !== 'Always');
    if (steps.length === 0) {
      problems.add(`${path}.initContainers`, 'an InitPod needs at least one init container that runs to completion; add one (initContainers or initSteps), or use PlainPod for a pod without init steps.');
    }
  }
}
