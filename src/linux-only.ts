/**
 * The containers this library generates for Linux nodes (the init steps' POSIX shell scripts, the
 * catalogue sidecars and log shippers), checked against the OS of the pod they end up in.
 *
 * @internal
 */
import { Problems, show } from './problems';
import { runsOnWindows, windowsPin } from './validation/container';
import { WINDOWS_FORBIDDEN } from './validation/pod-spec';

/** One generated container that runs on Linux nodes only. */
export interface LinuxOnly {
  /** The container's name in the pod. */
  readonly name: string;
  /** What generated it, e.g. `InitStep.download 'download-a-json'`. */
  readonly what: string;
  /** What to use instead in a Windows pod, e.g. `InitStep.command()`. */
  readonly instead: string;
}

/**
 * Reports each generated Linux container of a pod that runs on Windows nodes (this library's
 * contract: the API server accepts the pod, but the container can never start there). The
 * messages of validateWindows about the securityContext fields such a container, or its sidecar
 * at the pod level (`podFields`), set are left out: the generated container is the cause, and
 * the user has nothing of theirs to remove.
 */
export function checkLinuxOnly(spec: any, podPath: string, records: readonly LinuxOnly[], podFields: readonly string[], problems: Problems): void {
  if (records.length === 0 || !runsOnWindows(spec)) {
    return;
  }
  const os = `${podPath}.${windowsPin(spec)}`;
  const causes: string[] = podFields.map((k) => `${podPath}.securityContext.${k}: `);
  for (const r of records) {
    for (const field of ['initContainers', 'containers']) {
      const containers: any[] = Array.isArray(spec[field]) ? spec[field] : [];
      const i = containers.findIndex((c) => c?.name === r.name);
      if (i >= 0) {
        const cpath = `${podPath}.${field}[${i}]`;
        problems.add(cpath, `${r.what} is made for Linux nodes (image ${show(containers[i].image)}, with Linux commands and paths), `
          + `but the pod runs on Windows nodes (${os}), where it cannot start; run the pod on Linux nodes, or use ${r.instead} with an image built for Windows `
          + '(this library\'s contract: the API server accepts the pod).');
        causes.push(`${cpath}.securityContext.`);
        break;
      }
    }
  }
  problems.removeIf((item) => item.endsWith(WINDOWS_FORBIDDEN) && causes.some((c) => item.startsWith(c)));
}
