import { ApiObject, resolve } from 'cdk8s';
import type { Container } from './k8s-types';
import { Problems, show } from './problems';

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
    // An entry that is not an object (a null from a patch or an empty YAML item) is left for validation.
    if (!current.some((m) => m?.name === mount.name)) {
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
 * The mounts `withVolumeMounts` skips although they differ from an earlier added mount of that
 * volume at that path in `readOnly`: two sidecars that mount one volume into the app at one path,
 * one read-only and one writable, would leave the app with the first one's access, without a word.
 * (A mount the container has of its own wins, as written.) Returns one message per volume and
 * path, naming who mounts it (`owners`) and how to move them.
 *
 * @internal
 */
export function readOnlyClashes(
  container: any, mounts: readonly any[], owners: readonly AddedMount[], resolved: (v: any) => any = (v) => v,
): string[] {
  const own: any[] = Array.isArray(container?.volumeMounts) ? container.volumeMounts : [];
  const first = new Map<unknown, any>();
  const out: string[] = [];
  for (const m of mounts) {
    if (own.some((x) => x?.name === m?.name)) {
      continue; // the container's own mount of it is kept
    }
    const taken = first.get(m?.name);
    if (taken === undefined) {
      first.set(m?.name, m);
    } else if (taken !== null && samePath(resolved(taken.mountPath), resolved(m.mountPath))
      && Boolean(resolved(taken.readOnly)) !== Boolean(resolved(m.readOnly))) {
      first.set(m.name, null); // reported once
      const at = owners.filter((o) => o.name === m.name && samePath(resolved(o.mountPath), resolved(m.mountPath)));
      const options = [...new Set(at.map((o) => o.volumeOption).filter((o) => o !== undefined))];
      out.push(`the volume ${show(m.name)} is mounted at ${show(resolved(m.mountPath))} both read-only and writable (by ${[...new Set(at.map((o) => o.owner))].join(' and ')}), `
        + `but a container mounts a volume at one path once, and it would get the ${resolved(taken.readOnly) ? 'read-only' : 'writable'} mount only; `
        + 'make them all read-only or all writable, or give one of them a volume of its own'
        + (options.length > 0 ? ` (${options.join(' or ')})` : ''));
    }
  }
  return out;
}

/** A log shipper sidecar's log volume, by name, and the shipper's container name. @internal */
export interface LogVolume {
  readonly volume: string;
  readonly sidecar: unknown;
}

/**
 * Each log shipper's log volume that no main container can write, in the containers as written:
 * every one that mounts it mounts it read-only only (a container's own mount is kept and none is
 * added), so the app could not write the log the shipper reads (this library's contract, as for
 * SidecarLoggedApp's app). `isSidecar` tells the classic sidecars among `containers` (by name, or
 * renamed in place by a JSON patch).
 *
 * @internal
 */
export function unwritableLogProblems(
  containers: unknown, isSidecar: (container: any, index: number) => boolean, logs: readonly LogVolume[], path: string, problems: Problems,
): void {
  const main = (Array.isArray(containers) ? containers : []).map((c: any, i) => ({ c, i })).filter(({ c, i }) => !isSidecar(c, i));
  const reported = new Set<string>();
  for (const { volume, sidecar } of logs) {
    const mountsOf = (c: any): any[] => (Array.isArray(c?.volumeMounts) ? c.volumeMounts : []).filter((m: any) => m?.name === volume);
    const mounting = main.filter(({ c }) => mountsOf(c).length > 0);
    if (reported.has(volume) || mounting.length === 0 || mounting.some(({ c }) => mountsOf(c).some((m) => m?.readOnly !== true))) {
      continue;
    }
    reported.add(volume);
    problems.add(`${path}[${mounting[0].i}].volumeMounts`, `the log volume ${show(volume)} of the log shipper ${show(sidecar)} is mounted read-only only by `
      + `${mounting.map(({ c }) => show(c?.name)).join(', ')} (the container's own mount is kept), and no main container can write it, but the app writes its log there `
      + 'for the shipper to read (this library\'s contract); remove readOnly, or leave the mount out and let the sidecar add it.');
  }
}

/**
 * A value as cdk8s writes it into an object's manifest: its tokens resolved (with the App's
 * resolvers, `key` its path there), and what resolves to undefined or null left out (sanitizeValue).
 */
export function resolvedAsWritten(value: any, object: ApiObject, key: string[] = []): any {
  const drop = (v: any): any => {
    if (Array.isArray(v)) {
      return v.map(drop);
    }
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out: any = {};
      for (const [k, x] of Object.entries(v)) {
        if (x !== undefined && x !== null) {
          out[k] = drop(x);
        }
      }
      return out;
    }
    return v;
  };
  return drop(resolve(key, value, object));
}

/**
 * Whether two JSON values are equal, whatever the order of their keys (cdk8s writes them sorted).
 * An object that is not plain JSON (a cdk8s token) equals only itself.
 */
export function sameJson(a: any, b: any): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (!isPlainJsonObject(a) || !isPlainJsonObject(b)) {
    return false;
  }
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameJson(a[k], b[k]));
}

function isPlainJsonObject(v: unknown): v is Record<string, any> {
  if (v === null || typeof v !== 'object') {
    return false;
  }
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A mount a pattern or `Inject.into()` adds to the app containers: its volume and path, who adds
 * it, and how to move it.
 *
 * @internal
 */
export interface AddedMount {
  readonly name: string;
  readonly mountPath: string;
  readonly owner: string;
  readonly fix: string;
  /** The option that gives the sidecar a volume of its own. */
  readonly volumeOption?: string;
}

/** The option of each catalogue sidecar that sets where it mounts its volume into the app. */
const APP_MOUNT_OPTIONS: { [factory: string]: string } = {
  'Sidecar.gitSync': 'appMountPath',
  'Sidecar.logShipper': 'logMountPath',
};

/** The option of each catalogue sidecar that names the volumes it adds. */
const VOLUME_NAME_OPTIONS: { [factory: string]: string } = {
  'Sidecar.gitSync': 'volumeName of Sidecar.gitSync',
  'Sidecar.logShipper': 'logVolumeName of Sidecar.logShipper',
  'Sidecar.envoy': 'name of Sidecar.envoy (its configuration volume is named after it)',
  'Sidecar.mysqldExporter': 'name of Sidecar.mysqldExporter (its credentials volume is named after it)',
  'Sidecar.cloudSqlProxy': 'name of Sidecar.cloudSqlProxy (its credentials volume is named after it)',
};

/** A sidecar that added a volume to a pod, and the option that renames it, for a message about two of one name. */
export interface VolumeAdder {
  readonly name: string;
  readonly sidecar: string;
  readonly option?: string;
  /** Where the sidecar mounts the volume into the app, if it does. */
  readonly appPath?: string;
}

/**
 * The sidecar that adds `volume`, with the option that renames it (a Fluent Bit shipper's
 * configuration volume has its own).
 *
 * @internal
 */
export function volumeAdder(volume: any, sidecar: unknown, factory: string | undefined, appPath?: unknown): VolumeAdder {
  const option = factory === 'Sidecar.logShipper' && volume?.configMap !== undefined
    ? 'configVolumeName of LogShipper.fluentBit()'
    : (factory === undefined ? undefined : VOLUME_NAME_OPTIONS[factory]);
  return {
    name: volume?.name,
    sidecar: String(sidecar),
    ...(option !== undefined ? { option } : {}),
    ...(typeof appPath === 'string' ? { appPath } : {}),
  };
}

/**
 * Two sidecars add a volume of one name that cannot be one volume: two different volumes, or one
 * writable volume they mount into the app at two paths.
 *
 * @internal
 */
export function sidecarVolumeClash(name: string, earlier: VolumeAdder, later: VolumeAdder, appPaths?: readonly [string, string]): string {
  const options = [...new Set([earlier.option, later.option].filter((o) => o !== undefined))];
  const why = appPaths === undefined
    ? 'with different contents, and a pod cannot have two volumes of one name'
    : `and mount it into the app at two paths, ${show(appPaths[0])} and ${show(appPaths[1])}`;
  const fix = appPaths === undefined
    ? 'give one of them another name'
    : 'mount it at one path in both, or give one of them another volume name';
  return `volumes: the sidecars ${show(earlier.sidecar)} and ${show(later.sidecar)} both add a volume named ${show(name)}, ${why}; ${fix}`
    + (options.length > 0 ? ` (${options.join(' or ')}).` : '.');
}

/**
 * A sidecar's app mount whose volume name is not a plain value (a cdk8s token): the pod matches
 * app mounts with its volumes and with other sidecars' mounts by name when the sidecar is added,
 * before tokens resolve.
 *
 * @internal
 */
export function appMountNameProblem(mount: any, sidecar: unknown): string | undefined {
  const name = mount?.name;
  return name !== null && typeof name === 'object'
    ? `the sidecar ${show(String(sidecar))}: appVolumeMounts: the volume name is a cdk8s token, but a sidecar's app mounts are matched with the pod's volumes `
      + 'and the other sidecars\' mounts by name when the sidecar is added, before tokens resolve; write the name itself.'
    : undefined;
}

/**
 * Who adds a sidecar's app mount, and how to move it.
 *
 * @internal
 */
export function sidecarMountOwner(mount: { name: string; mountPath: string }, containerName: string, factory: string | undefined): AddedMount {
  const option = factory === undefined ? undefined : APP_MOUNT_OPTIONS[factory];
  const volumeOption = factory === undefined ? undefined : VOLUME_NAME_OPTIONS[factory];
  return {
    name: mount?.name,
    mountPath: mount?.mountPath,
    owner: factory === undefined ? `the sidecar '${containerName}'` : `${factory} '${containerName}'`,
    fix: option ? `set ${option} of ${factory} to another path` : 'give the sidecar\'s appVolumeMounts another path',
    ...(volumeOption !== undefined ? { volumeOption } : {}),
  };
}

/**
 * A mount that was added to an app container at a path the container already mounts: the
 * validation's problem (about a `volumeMounts[i]` the user never wrote) is replaced by one that
 * names who added it and the option that moves it. Paths are compared without a trailing '/', as
 * the validation does; only the same string is the API server's own rule ("must be unique").
 *
 * @internal
 */
export function addedMountProblems(containers: unknown, containersPath: string, owners: readonly AddedMount[], problems: Problems): void {
  if (owners.length === 0 || !Array.isArray(containers)) {
    return;
  }
  containers.forEach((c: any, ci: number) => {
    const mounts = Array.isArray(c?.volumeMounts) ? c.volumeMounts : [];
    const seen = new Map<string, number>();
    mounts.forEach((m: any, mi: number) => {
      if (typeof m?.mountPath !== 'string') {
        return;
      }
      const key = m.mountPath.length > 1 ? m.mountPath.replace(/\/+$/, '') : m.mountPath;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, mi);
        return;
      }
      const owner = owners.find((o) => o.name === m.name && o.mountPath === m.mountPath);
      if (!owner) {
        return;
      }
      const at = `${containersPath}[${ci}].volumeMounts[${mi}].mountPath`;
      const other = mounts[first];
      const where = `(${containersPath}[${ci}].volumeMounts[${first}])`;
      const spelled = other?.mountPath === m.mountPath ? ` there ${where}`
        : ` at ${show(other?.mountPath)} ${where}, the same directory: this library compares mount paths without a trailing '/', as the container runtime does (this library's contract)`;
      // The earlier mount may have been added too (an earlier Inject.into(), the pattern's own).
      const otherOwner = owners.find((o) => o !== owner && o.name === other?.name && o.mountPath === other?.mountPath);
      problems.removeIf((item, path) => path === at && item.includes('is already mounted by'));
      problems.add(at, `${show(m.mountPath)} is the mount of the volume ${show(m.name)} added to every app container by ${owner.owner}, but `
        + (otherOwner
          ? `in the container ${show(c.name)} the volume ${show(other?.name)} is added${spelled} by ${otherOwner.owner} too; `
            + `${owner.fix === otherOwner.fix ? `${owner.fix} in one of them` : `${owner.fix}, or ${otherOwner.fix}`}.`
          : `the container ${show(c.name)} already mounts ${show(other?.name)}${spelled}; ${owner.fix}, or mount the app's own volume elsewhere.`));
    });
  });
}

/** The pod securityContext fields that are sets to Kubernetes: the groups given, the sysctls by name. */
const SET_FIELDS = new Set(['sysctls', 'supplementalGroups']);

/**
 * Whether the value of a pod securityContext field gives what a sidecar needs: the same value,
 * objects whatever the order of their keys; for `supplementalGroups` and `sysctls`, every group or
 * sysctl (name and value) needed is there, in any order, among others.
 *
 * @internal
 */
export function podSecurityCovers(field: string, current: unknown, wanted: unknown): boolean {
  if (SET_FIELDS.has(field) && Array.isArray(current) && Array.isArray(wanted)) {
    return wanted.every((w) => current.some((c) => sameJson(c, w)));
  }
  return sameJson(current, wanted);
}

/**
 * Both values of a set field (`supplementalGroups`, `sysctls`), when they do not contradict each
 * other (no sysctl name with two values); undefined otherwise.
 *
 * @internal
 */
export function mergesAsSet(field: string, a: unknown, b: unknown): any[] | undefined {
  if (!SET_FIELDS.has(field) || !Array.isArray(a) || !Array.isArray(b)) {
    return undefined;
  }
  const nameOf = (x: any) => (field === 'sysctls' && x !== null && typeof x === 'object' ? x.name : undefined);
  if (b.some((x) => nameOf(x) !== undefined && a.some((y) => nameOf(y) === nameOf(x) && !sameJson(x, y)))) {
    return undefined;
  }
  return [...a, ...b.filter((x) => !a.some((y) => sameJson(x, y)))];
}

/**
 * The message (after the field's path) for a pod securityContext value a sidecar needs and the
 * pod (or, `owner`, another sidecar) sets otherwise.
 *
 * @internal
 */
export function podSecurityConflict(current: unknown, wanted: unknown, sidecar: string, owner?: string, podFix: string = 'remove the pod\'s value'): string {
  return owner !== undefined
    ? `the sidecar ${show(owner)} needs ${show(current)} and the sidecar ${show(sidecar)} needs ${show(wanted)}; configure one of them to match the other.`
    : `${show(current)} contradicts the sidecar ${show(sidecar)}, which needs ${show(wanted)}; ${podFix} or configure the sidecar to match.`;
}

/** Whether a volume's source is read-only content (a ConfigMap, Secret, projection or downward API): sharing it shares nothing written. */
export function readOnlySource(volume: any): boolean {
  return volume !== null && typeof volume === 'object' && ['configMap', 'secret', 'projected', 'downwardAPI'].some((k) => volume[k] !== undefined && volume[k] !== null);
}

/** Whether two mount paths name one directory (a trailing '/' aside: '/var/log/' is '/var/log'). */
export function samePath(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'string' && typeof b === 'string' && a.replace(/\/+$/, '') === b.replace(/\/+$/, ''));
}

/**
 * What `Inject.into()` needs to know of a pattern's sidecars and main containers.
 * @internal
 */
export interface _PatternContainers {
  /** The classic sidecars (a JSON patch may rename one). */
  readonly classic: readonly _DeclaredSidecar[];
  /** The names of the init containers that are sidecars or sidecars' init steps. */
  readonly initNames: readonly unknown[];
  /** The main containers' names, and the volumes each mounts itself. */
  readonly mainOwn: readonly _OwnMounts[];
}

/**
 * A pattern's classic sidecar as declared: what tells it from the app once a patch renamed it.
 * @internal
 */
export interface _DeclaredSidecar {
  readonly name: unknown;
  readonly image: unknown;
  readonly command: unknown;
  readonly args: unknown;
}

/**
 * A pattern's main container: its name and looks (image, command, args), and the volumes it mounts itself.
 * @internal
 */
export interface _OwnMounts extends _DeclaredSidecar {
  readonly volumes: readonly unknown[];
}
