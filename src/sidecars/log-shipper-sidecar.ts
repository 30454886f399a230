import type { Container } from '../k8s-types';
import { kindOf } from '../k8s-values';
import type { LogShipper } from '../log-shipper';
import { withVolumeMount } from '../mounts';
import { show } from '../problems';
import { libraryClassHint } from '../props';
import type { SidecarBinding, SidecarContext, SidecarMode } from '../sidecar';
import { checkAbsolutePath, checkContainerName, checkMode, checkOptionsObject, OptionProblems } from './common';
import { dns1123Label } from '../validation/names';

/**
 * Options for `Sidecar.logShipper()`: where the app writes the log file the shipper reads.
 */
export interface LogShipperSidecarOptions {
  /**
   * Name of the shared `emptyDir` volume for the log.
   *
   * @default 'shared-logs' - as in the tutorial's sidecar-container.yml
   */
  readonly logVolumeName?: string;

  /**
   * Where the shared volume is mounted in every main container and in the shipper. Must be
   * absolute. The empty volume hides what the image has there (nginx's `/var/log/nginx`): give
   * such an app a folder of its own, e.g. '/var/log/app/'.
   *
   * @default '/var/log/' - as in the tutorial's sidecar-container.yml
   */
  readonly logMountPath?: string;

  /**
   * The log file's name inside `logMountPath`.
   *
   * @default 'app.log' - as in the tutorial's sidecar-container.yml
   */
  readonly logFileName?: string;

  /**
   * Name of the sidecar container.
   *
   * @default 'log-shipper'
   */
  readonly name?: string;

  /**
   * Classic or native. A native shipper starts before the app (and its init steps), so it reads
   * the log from its first line (`LogShipper.tail()` then waits for the file: `tail -n +1 -F`),
   * and is stopped after the app, so it ships the last lines too.
   *
   * @default SidecarMode.CLASSIC - the tutorial's form; Fluent Bit's Kubernetes docs run it as a plain container
   */
  readonly mode?: SidecarMode;
}

/** The option names, for the check of misspelt keys at construction (Sidecar factories) and at bind. */
export const OPTIONS = ['logVolumeName', 'logMountPath', 'logFileName', 'name', 'mode'];

/**
 * A log shipper (`LogShipper.tail()`, `LogShipper.fluentBit()`) as a sidecar of any pod: the same
 * container `SidecarLoggedApp` writes, plus the shared log volume mounted into every main
 * container. Sources: the tutorial's `sidecar-container.yml`, and for Fluent Bit those of
 * `LogShipper.fluentBit()`.
 *
 * @internal
 */
export function logShipperBinding(shipper: LogShipper, input: LogShipperSidecarOptions, mode: SidecarMode, context: SidecarContext): SidecarBinding {
  const problems = new OptionProblems('Sidecar.logShipper');
  const o = checkOptionsObject(input, OPTIONS, problems) as LogShipperSidecarOptions;
  const logVolumeName = o.logVolumeName ?? 'shared-logs';
  const logMountPath = o.logMountPath ?? '/var/log/';
  const logFileName = o.logFileName ?? 'app.log';
  const name = o.name ?? 'log-shipper';

  const volumeProblem = typeof logVolumeName === 'string' ? dns1123Label(logVolumeName) : 'must be a string';
  if (volumeProblem) {
    problems.add('logVolumeName', `${show(logVolumeName)} is not a valid volume name: it ${volumeProblem}.`);
  }
  checkAbsolutePath(logMountPath, 'logMountPath', problems, '/var/log/');
  if (typeof logFileName !== 'string' || !/^[A-Za-z0-9._-]+$/.test(logFileName) || logFileName === '.' || logFileName === '..') {
    problems.add('logFileName', `${show(logFileName)} must be a file name of letters, digits, '.', '_' and '-' (e.g. 'app.log').`);
  }
  checkContainerName(name, problems);
  checkMode(o.mode, problems);

  const parts = typeof (shipper as any)?._bindParts === 'function'
    ? shipper._bindParts({
      podName: context.podName,
      namespace: context.namespace,
      logVolumeName: String(logVolumeName),
      logMountPath: String(logMountPath),
      logFilePath: `${String(logMountPath).replace(/\/+$/, '')}/${logFileName}`,
      containerName: String(name),
      sidecarMode: mode,
    })
    : undefined;
  if (parts === undefined) {
    // A class of this library that is no log shipper (a Sidecar): named, with where it goes; a
    // LogShipper of the caller's own (a subclass) is named by its class below.
    const hint = libraryClassHint(shipper);
    const found = hint && !hint[0].startsWith('a LogShipper') ? hint : undefined;
    const shown = shipper === null || shipper === undefined || (typeof shipper !== 'object' && typeof shipper !== 'function') ? `${show(shipper)} ` : '';
    problems.add('shipper', found
      ? `is ${found[0]}, not a log shipper${found[1] || `; use LogShipper.tail() or LogShipper.fluentBit()${found[0].startsWith('a FluentBitOutput') ? ' (a FluentBitOutput goes in LogShipper.fluentBit({ output }))' : ''}`}.`
      : `${shipper === null || shipper === undefined ? '' : shown}is ${kindOf(shipper)}, not a log shipper this library built; use LogShipper.tail() or LogShipper.fluentBit(), or add your own container with Sidecar.container().`);
    // A stand-in image: the pod is refused for this problem, not also for a container without one.
    return { container: { name: String(name), image: 'busybox:1.36' }, problems: problems.items };
  }
  // The shipper's own problems name the option of LogShipper.fluentBit() they are about (a path
  // already refused here is not judged again).
  const refused = new Set(problems.items.map((p) => /^Sidecar\.logShipper: (\w+):/.exec(p)?.[1]).filter((f) => f !== undefined));
  for (const p of parts.problems ?? []) {
    const field = /^(\w+):/.exec(p)?.[1];
    if (field === undefined || !refused.has(field)) {
      problems.items.push(`Sidecar.logShipper: ${p}`);
    }
  }

  const container: Container = withVolumeMount(parts.container, String(logVolumeName), String(logMountPath));
  const binding: SidecarBinding = {
    container,
    volumes: [{ name: String(logVolumeName), emptyDir: {} }, ...(parts.volumes ?? [])],
    appVolumeMounts: [{ name: String(logVolumeName), mountPath: String(logMountPath) }],
    ...(parts.configMap ? { configMaps: [parts.configMap] } : {}),
    problems: problems.items,
  };
  LOG_VOLUMES.set(binding, String(logVolumeName));
  return binding;
}

/**
 * The log volume of each binding `logShipperBinding` returned: the app writes its log there, so a
 * pod whose main containers all mount it read-only only is reported at synth (`unwritableLogProblems`).
 *
 * @internal
 */
export const LOG_VOLUMES = new WeakMap<SidecarBinding, string>();
