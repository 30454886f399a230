import type { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { InitStep } from './init-step';
import { withVolumeMount } from './mounts';
import { Problems, show } from './problems';
import { PodWorkload, PodWorkloadProps } from './workload';

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
  readonly initContainers?: k8s.Container[];

  /**
   * Generated init steps (wait for TCP, DNS or HTTP, download, command), each one init
   * container, run after `initContainers` in this order. To put a container of your own
   * between steps, use `InitStep.container()`.
   *
   * @default - no generated steps
   */
  readonly initSteps?: InitStep[];

  /**
   * The main containers, started after every init container succeeded. At least one.
   */
  readonly containers: k8s.Container[];

  /**
   * Name of the `emptyDir` volume downloads are written to. Created only when a step writes
   * files (`InitStep.download()`).
   *
   * @default 'init-files'
   */
  readonly filesVolumeName?: string;

  /**
   * Where the files volume is mounted in the download steps and in every main container.
   * Must be absolute.
   *
   * @default '/config'
   */
  readonly filesMountPath?: string;
}

/**
 * A Pod whose init containers run in order, to completion, before the main containers start:
 * prepare config, check the environment, download dependencies, wait for a database.
 *
 * Declared like the seed's `init-container.yml`, it synthesizes exactly that manifest.
 * `initSteps` add generated, validated steps (`InitStep.waitForTcp('mysql', 3306)`, ...).
 */
export class InitPod extends PodWorkload {
  /** Name of the shared files volume (present in the pod only when a step writes files). */
  public readonly filesVolumeName: string;

  /** Where the shared files volume is mounted, without a trailing '/'. */
  public readonly filesMountPath: string;

  /** The generated steps, in the order they run (after `initContainers`). */
  public readonly initSteps: InitStep[];

  /** The declared filesMountPath when it is relative and a step writes files (reported at synth). */
  private readonly relativeFilesMountPath?: string;

  public constructor(scope: Construct, id: string, props: InitPodProps) {
    super(scope, id, props, 'InitPod');
    this.filesVolumeName = props.filesVolumeName ?? 'init-files';
    const mountPath = props.filesMountPath ?? '/config';
    this.filesMountPath = mountPath.length > 1 ? mountPath.replace(/\/+$/, '') : mountPath;
    this.initSteps = [...(props.initSteps ?? [])];

    for (const c of props.initContainers ?? []) {
      this.addInitContainer(c);
    }
    const context = { filesVolumeName: this.filesVolumeName, filesMountPath: this.filesMountPath };
    for (const step of this.initSteps) {
      this.addInitContainer(step._render(context));
    }
    const writesFiles = this.initSteps.some((s) => s.writesFiles);
    if (writesFiles) {
      this.addVolume({ name: this.filesVolumeName, emptyDir: {} });
    }
    for (const c of props.containers) {
      this.addContainer(writesFiles ? withVolumeMount(c, this.filesVolumeName, this.filesMountPath) : c);
    }
    this.relativeFilesMountPath = writesFiles && !mountPath.startsWith('/') ? mountPath : undefined;
  }

  /** @internal */
  protected _validatePattern(manifest: any, problems: Problems): void {
    const spec = manifest.kind === 'Pod' ? manifest.spec : manifest.spec?.template?.spec;
    const steps = (spec?.initContainers ?? []).filter((c: any) => c.restartPolicy !== 'Always');
    if (steps.length === 0) {
      const path = manifest.kind === 'Pod' ? 'spec.initContainers' : 'spec.template.spec.initContainers';
      problems.add(path, 'an InitPod needs at least one init container that runs to completion; add one (initContainers or initSteps), or use PlainPod for a pod without init steps.');
    }
    if (this.relativeFilesMountPath !== undefined) {
      problems.add('filesMountPath', `${show(this.relativeFilesMountPath)} must be an absolute path (e.g. '/config'); downloads are written there and it is mounted into every main container.`);
    }
  }

}
