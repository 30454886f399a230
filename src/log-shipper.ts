import type { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { shellQuote } from './shell';

/**
 * What a log shipper is given to build its sidecar container.
 */
export interface LogShipperContext {
  /** The pattern the sidecar belongs to; a shipper may add constructs (e.g. a ConfigMap) under it. */
  readonly scope: Construct;
  /** The name of the pod the sidecar runs in, for generated object names. */
  readonly podName: string;
  /** The shared log volume's name. */
  readonly logVolumeName: string;
  /** Where the shared log volume is mounted, in both containers (absolute). */
  readonly logMountPath: string;
  /** The absolute path of the log file the app writes. */
  readonly logFilePath: string;
  /** The sidecar container's name. */
  readonly containerName: string;
}

/**
 * The sidecar container a log shipper contributes, plus any volumes it needs.
 */
export interface LogShipperBinding {
  /** The sidecar container; the shared log volume is mounted into it by the pattern. */
  readonly container: k8s.Container;
  /**
   * Extra volumes for the pod (e.g. a ConfigMap with the shipper's configuration).
   *
   * @default - none
   */
  readonly volumes?: k8s.Volume[];
}

/**
 * Options for `LogShipper.tail()`.
 */
export interface TailOptions {
  /**
   * Image of the sidecar.
   *
   * @default 'busybox' - as in the seed
   */
  readonly image?: string;
}

/**
 * How the sidecar of a `SidecarLoggedApp` reads or ships the app's log.
 */
export abstract class LogShipper {
  /**
   * The seed's sidecar: `tail -f` of the log file, so `kubectl logs POD -c sidecar-container`
   * shows the app's log.
   */
  public static tail(options: TailOptions = {}): LogShipper {
    return new TailShipper(options);
  }

  /** Builds the sidecar for one pattern. */
  public abstract bind(context: LogShipperContext): LogShipperBinding;
}

class TailShipper extends LogShipper {
  public constructor(private readonly options: TailOptions) {
    super();
  }

  public bind(context: LogShipperContext): LogShipperBinding {
    return {
      container: {
        name: context.containerName,
        image: this.options.image ?? 'busybox',
        command: ['sh', '-c', `tail -f ${shellQuote(context.logFilePath)}`],
      },
    };
  }
}
