/**
 * Volumes. Go: `ValidateVolumes`, `validateVolumeSource` and the per-source functions.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { checkName, requireNonEmpty } from './common';
import { checkQuantity } from './quantity';

/**
 * Go: `ValidateVolumes` (name Required, DNS-1123 label, not Duplicate) and `validateVolumeSource`
 * ("must specify a volume type", "may not specify more than 1 volume type"), plus the sources this
 * library's users write most (emptyDir, configMap, secret, persistentVolumeClaim, hostPath).
 * Returns the declared volume names.
 */
export function validateVolumes(volumes: any[], path: string, problems: Problems): Set<string> {
  const names = new Map<string, number>();
  volumes.forEach((v, i) => {
    const vpath = `${path}[${i}]`;
    checkName(v?.name, `${vpath}.name`, 'volume', problems);
    if (typeof v?.name === 'string' && v.name.length > 0) {
      if (names.has(v.name)) {
        problems.add(`${vpath}.name`, `volume name ${show(v.name)} is already used by ${path}[${names.get(v.name)}]; give each volume a unique name.`);
      } else {
        names.set(v.name, i);
      }
    }
    const sources = Object.keys(v ?? {}).filter((k) => k !== 'name' && v[k] !== undefined).sort();
    if (sources.length === 0) {
      problems.add(vpath, `volume ${show(v?.name)} has no source; give it exactly one, e.g. emptyDir: {}.`);
    } else if (sources.length > 1) {
      problems.add(vpath, `volume ${show(v?.name)} has ${sources.length} sources (${sources.join(', ')}); a volume may have only one.`);
    }
    validateVolumeSource(v ?? {}, vpath, problems);
  });
  return new Set(names.keys());
}

function validateVolumeSource(v: any, path: string, problems: Problems): void {
  // validateVolumeSource: emptyDir.sizeLimit must be a valid, non-negative quantity.
  if (v.emptyDir?.sizeLimit !== undefined) {
    checkQuantity(v.emptyDir.sizeLimit, `${path}.emptyDir.sizeLimit`, problems);
  }
  // validateConfigMapVolumeSource: name Required; items via validateKeyToPath.
  if (v.configMap) {
    requireNonEmpty(v.configMap.name, `${path}.configMap.name`, 'the ConfigMap to mount', problems);
    validateKeyToPaths(v.configMap.items, `${path}.configMap.items`, problems);
  }
  // validateSecretVolumeSource: secretName Required; items via validateKeyToPath.
  if (v.secret) {
    requireNonEmpty(v.secret.secretName, `${path}.secret.secretName`, 'the Secret to mount', problems);
    validateKeyToPaths(v.secret.items, `${path}.secret.items`, problems);
  }
  // validatePersistentClaimVolumeSource: claimName Required.
  if (v.persistentVolumeClaim) {
    requireNonEmpty(v.persistentVolumeClaim.claimName, `${path}.persistentVolumeClaim.claimName`, 'the PersistentVolumeClaim to mount', problems);
  }
  // validateHostPathVolumeSource: path Required, validatePathNoBacksteps.
  if (v.hostPath) {
    if (requireNonEmpty(v.hostPath.path, `${path}.hostPath.path`, 'the node directory to mount', problems) && hasBackstep(v.hostPath.path)) {
      problems.add(`${path}.hostPath.path`, `${show(v.hostPath.path)} must not contain '..'.`);
    }
  }
}

/** Go: `validateKeyToPath`: key Required, path Required and `validateLocalNonReservedPath`. */
function validateKeyToPaths(items: unknown, path: string, problems: Problems): void {
  (Array.isArray(items) ? items : []).forEach((item: any, i: number) => {
    const ipath = `${path}[${i}]`;
    requireNonEmpty(item?.key, `${ipath}.key`, 'the key to project', problems);
    if (requireNonEmpty(item?.path, `${ipath}.path`, 'the relative file path to write the key to', problems)) {
      const r = localDescendingPath(item.path) ?? (item.path.startsWith('..') ? "must not start with '..'" : undefined);
      if (r) {
        problems.add(`${ipath}.path`, `${show(item.path)} ${r}.`);
      }
    }
  });
}

/** Go: `validateLocalDescendingPath`: relative, without a '..' element. */
export function localDescendingPath(p: string): string | undefined {
  if (p.startsWith('/')) {
    return 'must be a relative path';
  }
  if (hasBackstep(p)) {
    return "must not contain '..'";
  }
  return undefined;
}

/** Go: `validatePathNoBacksteps`. */
function hasBackstep(p: string): boolean {
  return p.split('/').includes('..');
}
