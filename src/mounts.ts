import type { k8s } from 'cdk8s-plus-28';

/**
 * The container with `volumeName` mounted at `mountPath`, unless it already mounts that volume
 * (then it is returned as it is). Used by the patterns that create a shared volume themselves.
 *
 * @internal
 */
export function withVolumeMount(container: k8s.Container, volumeName: string, mountPath: string): k8s.Container {
  const mounts = container.volumeMounts ?? [];
  if (mounts.some((m) => m.name === volumeName)) {
    return container;
  }
  return { ...container, volumeMounts: [...mounts, { name: volumeName, mountPath }] };
}
