import type { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Problems } from './problems';
import { PodWorkload, PodWorkloadProps } from './workload';

/**
 * Props for `InitPod`.
 */
export interface InitPodProps extends PodWorkloadProps {
  /**
   * Init containers, run one after another in this order; each must exit 0 before the next
   * starts, and the main containers start only after the last one succeeded. At least one.
   */
  readonly initContainers: k8s.Container[];

  /**
   * The main containers, started after every init container succeeded. At least one.
   */
  readonly containers: k8s.Container[];
}

/**
 * A Pod whose init containers run in order, to completion, before the main containers start:
 * prepare config, check the environment, download dependencies, wait for a database.
 *
 * Declared like the seed's `init-container.yml`, it synthesizes exactly that manifest.
 */
export class InitPod extends PodWorkload {
  public constructor(scope: Construct, id: string, props: InitPodProps) {
    super(scope, id, props, 'InitPod');
    for (const c of props.initContainers) {
      this.addInitContainer(c);
    }
    for (const c of props.containers) {
      this.addContainer(c);
    }
  }

  /** @internal */
  protected _validatePattern(manifest: any, problems: Problems): void {
    const spec = manifest.kind === 'Pod' ? manifest.spec : manifest.spec?.template?.spec;
    const steps = (spec?.initContainers ?? []).filter((c: any) => c.restartPolicy !== 'Always');
    if (steps.length === 0) {
      const path = manifest.kind === 'Pod' ? 'spec.initContainers' : 'spec.template.spec.initContainers';
      problems.add(path, 'an InitPod needs at least one init container that runs to completion; add one, or use PlainPod for a pod without init steps.');
    }
  }
}
