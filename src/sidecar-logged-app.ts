import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { Container } from './k8s-types';
import { toManifest, toManifestValue } from './k8s-values';
import { LogShipper } from './log-shipper';
import { resolvedAsWritten, withVolumeMount } from './mounts';
import { getPath, holdsPod, PodWorkload, PodWorkloadProps, podSpecPath, subjectOf } from './pod-workload';
import { Problems, show } from './problems';
import { readProps } from './props';
import { SidecarMode } from './sidecar';
import { isAbsoluteMountPath, runsOnWindows } from './validation/container';

/**
 * Props for `SidecarLoggedApp`.
 */
export interface SidecarLoggedAppProps extends PodWorkloadProps {
  /**
   * The main container, which writes its log file under `logMountPath`.
   */
  readonly app: Container;

  /**
   * Init containers, run in order before the app starts. A native sidecar (`SidecarMode.NATIVE`)
   * is placed before all of them, so it already runs while they do. The shared log volume is not
   * mounted into them automatically: add a mount of `logVolumeName` to write to the log.
   *
   * @default - no init containers besides a native sidecar
   */
  readonly initContainers?: Container[];

  /**
   * A sidecar container of your own. The shared log volume is mounted into it.
   *
   * @default - the shipper's sidecar (see `logShipper`)
   */
  readonly sidecar?: Container;

  /**
   * The shipper that builds the sidecar when `sidecar` is not given.
   *
   * @default LogShipper.tail() - the tutorial's `sidecar-container`: busybox, `tail -f` of the log file
   */
  readonly logShipper?: LogShipper;

  /**
   * Name of the shared `emptyDir` volume.
   *
   * @default 'shared-logs'
   */
  readonly logVolumeName?: string;

  /**
   * Where the shared volume is mounted in both containers. Must be absolute.
   *
   * @default '/var/log/'
   */
  readonly logMountPath?: string;

  /**
   * The log file's name inside `logMountPath` (a relative path, without empty, `.` or `..`
   * segments).
   *
   * @default 'app.log'
   */
  readonly logFileName?: string;

  /**
   * Classic sidecar (a second container) or native sidecar (an init container that keeps running).
   *
   * @default SidecarMode.CLASSIC - as in the tutorial
   */
  readonly sidecarMode?: SidecarMode;
}

/**
 * A main container writing its log to a shared `emptyDir` volume and a sidecar that reads or
 * ships it. The pattern creates the volume and mounts it into both containers itself.
 *
 * Declared like the tutorial's `sidecar-container.yml`, it synthesizes exactly that manifest.
 */
export class SidecarLoggedApp extends PodWorkload {
  /** The shared volume's name. */
  public readonly logVolumeName: string;
  /** Where the shared volume is mounted in both containers. */
  public readonly logMountPath: string;
  private readonly logFileName: string;
  /** Classic or native sidecar. */
  public readonly sidecarMode: SidecarMode;
  private readonly app: Container;
  private readonly patternProblems?: string[];
  /**
   * The sidecar container as written to the manifest (with the log mount). In `NATIVE` mode the
   * manifest's copy, the first init container, also has `restartPolicy: Always`. A copy:
   * changing it changes nothing.
   */
  public get sidecarContainer(): Container {
    return toManifestValue(this.sidecar);
  }

  /** The app container as written to the manifest (with the log mount). A copy: changing it changes nothing. */
  public get appContainer(): Container {
    return toManifestValue(this.app);
  }

  private readonly sidecar: Container;
  /**
   * The ConfigMap the log shipper generated (`LogShipper.fluentBit()`: `<pod name>-fluent-bit`
   * holding `fluent-bit.conf`); undefined for shippers without one. Written before the pod.
   */
  public readonly logShipperConfigMap?: ApiObject;

  /** The absolute path of the log file. */
  public get logFilePath(): string {
    return `${this.logMountPath.replace(/\/+$/, '')}/${this.logFileName}`;
  }

  public constructor(scope: Construct, id: string, props: SidecarLoggedAppProps) {
    const read = readProps(subjectOf('SidecarLoggedApp', scope, id, props), 'SidecarLoggedAppProps', props);
    const logVolumeName = read.logVolumeName ?? 'shared-logs';
    // The shared log volume comes first, then the declared ones.
    super(scope, id, read, 'SidecarLoggedApp', [{ name: logVolumeName, emptyDir: {} }]);
    // A failure leaves nothing half-built in the app (a caught error, then a synthesis).
    try {
      this.logVolumeName = logVolumeName;
      this.logMountPath = read.logMountPath ?? '/var/log/';
      this.logFileName = read.logFileName ?? 'app.log';
      this.sidecarMode = read.sidecarMode ?? SidecarMode.CLASSIC;

      let sidecar = read.sidecar;
      let shipperProblems: string[] = [];
      let linuxOnly: string | undefined;
      if (!sidecar) {
        const shipper = read.logShipper ?? LogShipper.tail();
        linuxOnly = shipper._linuxOnly;
        const binding = shipper.bind({
          scope: this,
          podName: this.name,
          namespace: read.metadata?.namespace,
          logVolumeName: this.logVolumeName,
          logMountPath: this.logMountPath,
          logFilePath: this.logFilePath,
          containerName: 'sidecar-container',
          sidecarMode: this.sidecarMode,
        });
        this._markUnchecked();
        sidecar = binding.container;
        // The log volume (written first) is the shipper's too: another sidecar's volume of that name is reported with both.
        this._pushSidecarVolume(undefined, { name: this.logVolumeName, sidecar: 'sidecar-container', option: 'logVolumeName of SidecarLoggedApp', appPath: this.logMountPath });
        for (const v of binding.volumes ?? []) {
          const volume = toManifest('Volume', v);
          // Named with the option that renames it, should another sidecar bring a volume of that name.
          this._pushSidecarVolume(volume, {
            name: volume.name,
            sidecar: 'sidecar-container',
            option: volume.configMap !== undefined ? 'configVolumeName of LogShipper.fluentBit()' : 'logVolumeName of SidecarLoggedApp',
          });
        }
        shipperProblems = binding.problems ?? [];
        if (binding.configMap) {
          this.logShipperConfigMap = binding.configMap;
          this.addDependency(binding.configMap);
        }
      }

      this.app = withVolumeMount(read.app, this.logVolumeName, this.logMountPath);
      // (Not written when the app mounts the log volume itself: its own mount is kept.)
      this._describeAddedMount({ name: this.logVolumeName, mountPath: this.logMountPath, owner: 'SidecarLoggedApp (its log volume)', fix: 'set logMountPath to another path' },
        this.app !== read.app);
      this.sidecar = withVolumeMount(sidecar, this.logVolumeName, this.logMountPath);
      for (const c of read.initContainers ?? []) {
        this._pushInitContainer(c);
      }
      for (const step of read.initSteps ?? []) {
        this.addInitStep(step);
      }
      this._pushContainer(this.app);
      this._addSidecarBinding({ container: this.sidecar }, this.sidecarMode, read.sidecar !== undefined, linuxOnly, 'the sidecar prop (a container of your own)');
      for (const extra of read.sidecars ?? []) {
        this.addSidecar(extra);
      }

      const patternProblems = [
        ...(read.sidecar && read.logShipper ? ['both sidecar and logShipper are set; pass one: sidecar for your own container, logShipper for a generated one.'] : []),
        ...shipperProblems,
      ];
      this.patternProblems = patternProblems.length > 0 ? patternProblems : undefined;
    } catch (e) {
      this._abandon();
      throw e;
    }
  }

  /**
   * The app as written (after JSON patches, tokens resolved) mounts the log volume, and only
   * read-only: its own mount is kept (it gets none added), so it could not write the log.
   */
  private readOnlyLogMount(manifest: any, problems: Problems): void {
    const containers = holdsPod(manifest) ? getPath(manifest, `${podSpecPath(manifest.kind)}.containers`) : undefined;
    // The app by its name as written (a token resolved), else the first container if it is the app
    // renamed in place (the same image, and not named like one of the sidecars); a pod without it
    // has no app to judge.
    const name = resolvedAsWritten(this.app.name, this);
    const image = resolvedAsWritten(this.app.image, this);
    const sidecars = new Set(this._patternContainers.classic.map((c) => resolvedAsWritten(c.name, this)));
    const first = Array.isArray(containers) ? containers[0] : undefined;
    const app = !Array.isArray(containers) ? undefined
      : containers.find((c: any) => c?.name === name) ?? (first?.image === image && !sidecars.has(first?.name) ? first : undefined);
    const mounts: any[] = Array.isArray(app?.volumeMounts) ? app.volumeMounts : [];
    const log = mounts.filter((m) => m?.name === this.logVolumeName);
    if (log.length > 0 && log.every((m) => m?.readOnly === true)) {
      problems.add(`${podSpecPath(manifest.kind)}.containers[${containers.indexOf(app)}].volumeMounts`, `the app mounts the log volume ${show(this.logVolumeName)} read-only only, but it writes its log there for `
        + 'the sidecar to read, and a read-only mount cannot be written (this library\'s contract); remove readOnly, or leave the mount out and let the pattern add it.');
    }
  }

  /** @internal */
  protected _mountedConfigMaps(): ApiObject[] {
    const generated = super._mountedConfigMaps();
    return this.logShipperConfigMap ? [...generated, this.logShipperConfigMap] : generated;
  }

  /**
   * The pattern's own checks, reported in the same message as the pod's.
   * @internal
   */
  protected _validatePattern(manifest: any, problems: Problems): void {
    for (const p of this.patternProblems ?? []) {
      problems.add('', p);
    }
    if (!isAbsoluteMountPath(this.logMountPath, runsOnWindows(getPath(manifest, podSpecPath(manifest.kind))))) {
      problems.add('logMountPath', `${show(this.logMountPath)} must be an absolute path (e.g. '/var/log/'); the pattern mounts it into both containers.`);
    }
    this.readOnlyLogMount(manifest, problems);
    // As Sidecar.logShipper(): '' would be the folder itself, '..' a file outside the shared volume.
    const f = this.logFileName;
    if (typeof f !== 'string' || f.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) {
      problems.add('logFileName', `${show(f)} must be a file path inside logMountPath, without empty, '.' or '..' segments (e.g. 'app.log'): the sidecar reads the file the app writes into the shared volume.`);
    }
  }

}
