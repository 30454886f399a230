import type { Container } from './k8s-types';
import { show } from './problems';

/**
 * The container with `volumeName` mounted at `mountPath`, unless it already mounts that volume
 * (then it is returned as it is). Used by the patterns that create a shared volume themselves.
 *
 * @internal
 */
export function withVolumeMount(container: Container, volumeName: string, mountPath: string): Container {
  return withVolumeMounts(container, [{ name: volumeName, mountPath }]);
}

/**
 * The container with each mount added, unless it already mounts that volume (then that mount is
 * skipped). The container is returned as it is when nothing is added.
 *
 * @internal
 */
export function withVolumeMounts<T extends { volumeMounts?: any[] }>(container: T, mounts: Array<{ name: string; mountPath: string }>): T {
  let c = container;
  for (const mount of mounts) {
    const current: any[] = c.volumeMounts ?? [];
    if (!Array.isArray(current)) {
      throw new Error(`volumeMounts: is not a list (a cdk8s token, for example), but the pattern adds the mount of ${show(mount.name)} to it when it is built; pass the list itself.`);
    }
    if (!current.some((m) => m.name === mount.name)) {
      // A copy key by key (not a spread, whose objects get a hidden class of their own each).
      const copy: any = {};
      for (const k of Object.keys(c)) {
        copy[k] = (c as any)[k];
      }
      copy.volumeMounts = current.concat(mount); // exact size, unlike a spread
      c = copy;
    }
  }
  return c;
}

/**
 * Sets each field on `target` unless it holds another value already: then `conflict(field,
 * current, wanted)` is called and the field is kept. Used for the pod security context fields a
 * sidecar needs.
 *
 * @internal
 */
export function mergeFields(
  target: Record<string, any>,
  fields: Record<string, any>,
  conflict: (field: string, current: any, wanted: any) => void,
): void {
  for (const [k, v] of Object.entries(fields)) {
    if (target[k] !== undefined && JSON.stringify(target[k]) !== JSON.stringify(v)) {
      conflict(k, target[k], v);
    } else {
      target[k] = v;
    }
  }
}
