import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkGeneratedConfigMaps, configMapClashFix, GeneratedConfigMap } from './generated-config-map';
import { InitStep } from './init-step';
import { fileCollisionProblems, StepFile, unmountedFileProblem } from './init-steps/check-required';
import { kindOf, toManifest } from './k8s-values';
import { checkLinuxOnly, LinuxOnly } from './linux-only';
import {
  AddedMount, addedMountProblems, appMountNameProblem, LogVolume, mergesAsSet, podSecurityConflict, podSecurityCovers, readOnlySource,
  resolvedAsWritten, sameJson, samePath, readOnlyClashes, sidecarMountOwner, sidecarVolumeClash, _DeclaredSidecar, _PatternContainers,
  unwritableLogProblems, volumeAdder, VolumeAdder,
  withVolumeMounts,
} from './mounts';
import { getPath, _InjectedFront, nativeRestartPolicyProblem, podSpecPath, portsKnown } from './pod-workload';
import { Problems, show } from './problems';
import { readProps } from './props';
import { SecurityProfile } from './security-profile';
import { GeneratedConfigMapData, Sidecar, SidecarMode } from './sidecar';
import { LOG_VOLUMES } from './sidecars/log-shipper-sidecar';
import { strictlyPatchedJson } from './validated-api-object';
import { cloneJson, unservedApiVersion, validateObject } from './validation';

/**
 * What `Inject.into()` adds to existing pods.
 */
export interface InjectOptions {
  /**
   * Sidecars to add: native ones before the pod's init containers, classic ones after its
   * containers.
   *
   * @default - no sidecars
   */
  readonly sidecars?: Sidecar[];

  /**
   * Init steps to add, after the pod's own init containers, in this order.
   *
   * @default - no init steps
   */
  readonly initSteps?: InitStep[];

  /**
   * Name of the `emptyDir` volume init steps write files to (created only when a step writes
   * files).
   *
   * @default 'init-files'
   */
  readonly filesVolumeName?: string;

  /**
   * Where the files volume is mounted in the steps that write it and in every main container of
   * the pod (not in the sidecars). Must be absolute.
   *
   * @default '/config'
   */
  readonly filesMountPath?: string;
}

/** The kinds that hold a pod, with their API versions. */
const POD_BEARING: { [kind: string]: string } = {
  Pod: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

/** What one injection adds to one object's pod, in Kubernetes JSON. */
interface Addition {
  readonly nativeSidecars: any[];
  readonly classicSidecars: any[];
  readonly initContainers: any[];
  readonly volumes: any[];
  /** The sidecar that adds each of volumes (none for the init steps' volumes). */
  readonly volumeAdders: Map<any, VolumeAdder>;
  readonly appMounts: any[];
  /** Who adds each of appMounts, and how to move it. */
  readonly mountOwners: AddedMount[];
  /** Pod securityContext fields, the sidecar's name, and whether it is a Linux-only sidecar. */
  readonly podSecurityContext: Array<[any, string, boolean]>;
  readonly problems: string[];
  /** The containers generated for Linux nodes, by name. */
  readonly linuxOnly: LinuxOnly[];
  /** The ConfigMaps generated for the pod, which it mounts by name. */
  readonly configMaps: ApiObject[];
  /** The files volume and mount path of the call, and what its steps write and check there, in order; `added`: whether a step needs the volume. */
  readonly files: {
    readonly volume: string; readonly mountPath: string; readonly steps: Array<{ step: string; writes?: string; reads: string[] }>; added: boolean;
  };
  /** The ports of sidecars that front the app (Envoy, oauth2-proxy), and the app ports they forward to. */
  readonly frontPorts: string[];
  readonly frontedAppPorts: Array<{ port: number; sidecar: string }>;
  /** The log volume of each log shipper sidecar, which the app must be able to write. */
  readonly logVolumes: LogVolume[];
}

/** The additions made to each object, in the order of the `into()` calls. */
const INJECTED = new WeakMap<ApiObject, Addition[]>();

/**
 * Adds sidecars and init steps to pods this library did not create, as a mutating admission
 * webhook would inside the cluster, but here as code reviewed in git: cdk8s-plus workloads of any
 * version and objects loaded from existing YAML with cdk8s `Include`.
 *
 * The additions are applied at synth time to the object's final manifest, and the result is
 * validated like the library's own objects.
 */
export class Inject {
  /**
   * Adds the sidecars and init steps to every pod-bearing object (Pod, Deployment, StatefulSet,
   * DaemonSet, ReplicaSet, Job, CronJob) in `target`'s construct tree: a cdk8s-plus workload, an
   * `Include`, a chart, or one `ApiObject`. Returns the objects changed.
   */
  public static into(target: IConstruct, options: InjectOptions): ApiObject[] {
    const subject = `Inject.into(${target?.node?.path ?? show(target)})`;
    const o: InjectOptions = readProps(subject, 'InjectOptions', options);
    const candidates: IConstruct[] = ApiObject.isApiObject(target) ? [target] : (target?.node?.findAll() ?? []);
    const objects = candidates.filter((c): c is ApiObject => ApiObject.isApiObject(c) && POD_BEARING[c.kind] === c.apiVersion);
    // One of those kinds at a version Kubernetes 1.32 does not serve (apps/v1beta2 Deployment) would
    // be left out without a word: refused, with the version to write.
    const old = candidates.find((c): c is ApiObject => ApiObject.isApiObject(c) && POD_BEARING[c.kind] !== undefined
      && unservedApiVersion(c.apiVersion, c.kind) !== undefined);
    if (old) {
      throw new Error(`${subject}: ${old.kind} '${old.name}' (${old.node.path}) would get no sidecars and init steps: ${unservedApiVersion(old.apiVersion, old.kind)}`);
    }
    if (objects.length === 0) {
      throw new Error(`${subject}: found no Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob to add sidecars and init steps to; pass a cdk8s-plus workload, an Include of YAML that holds one, or the ApiObject itself.`);
    }
    // Nothing is changed until every addition is known: a sidecar or step that fails for the
    // third object leaves the first two as they were (and creates no ConfigMap).
    const planned = objects.map((object) => plan(object, o, subject));
    const created: GeneratedConfigMap[] = [];
    try {
      for (const p of planned) {
        for (const data of p.configMaps) {
          const cm = new GeneratedConfigMap(p.object, configMapId(data.name), {
            metadata: { name: data.name, namespace: p.object.metadata.namespace },
            data: data.data,
          });
          created.push(cm);
          p.addition.configMaps.push(cm);
        }
      }
    } catch (e) {
      for (const cm of created) {
        cm._abandon();
      }
      throw e;
    }
    for (const cm of created) {
      (cm.node.scope as ApiObject).addDependency(cm);
    }
    for (const p of planned) {
      record(p.object, p.addition);
    }
    return objects;
  }

  private constructor() {}
}

/** What one `into()` call adds to one object: the pod additions and the ConfigMaps to create. */
interface Plan {
  readonly object: ApiObject;
  readonly addition: Addition;
  readonly configMaps: GeneratedConfigMapData[];
}

function configMapId(name: string): string {
  return `Inject-ConfigMap-${name}`;
}

/** The additions of `options` to `object`, computed without changing anything. */
function plan(object: ApiObject, options: InjectOptions, subject: string): Plan {
  if (!Object.isExtensible(object)) {
    throw new Error(`${subject}: ${object.kind} '${object.name}' is frozen (or not extensible), so sidecars and init steps cannot be added to it; do not freeze objects you inject into.`);
  }
  const filesVolumeName = options.filesVolumeName ?? 'init-files';
  const declaredMountPath = options.filesMountPath ?? '/config';
  const filesMountPath = declaredMountPath.length > 1 ? declaredMountPath.replace(/\/+$/, '') : declaredMountPath;
  const addition: Addition = {
    nativeSidecars: [],
    classicSidecars: [],
    initContainers: [],
    volumes: [],
    volumeAdders: new Map(),
    appMounts: [],
    mountOwners: [],
    podSecurityContext: [],
    problems: [],
    linuxOnly: [],
    configMaps: [],
    files: { volume: filesVolumeName, mountPath: filesMountPath, steps: [], added: false },
    frontPorts: [],
    frontedAppPorts: [],
    logVolumes: [],
  };
  const configMaps: GeneratedConfigMapData[] = [];
  const addConfigMaps = (list: GeneratedConfigMapData[] | undefined) => {
    for (const data of list ?? []) {
      // An earlier Inject.into()'s, or the pattern's own (SidecarLoggedApp's Fluent Bit configuration).
      const injected = object.node.tryFindChild(configMapId(data.name));
      const earlier = injected ?? object.node.children.find((c) => c instanceof GeneratedConfigMap && c.name === data.name);
      const inCall = configMaps.find((c) => c.name === data.name);
      if (earlier !== undefined || inCall !== undefined) {
        const earlierData = earlier instanceof GeneratedConfigMap ? earlier.dataEntries : inCall?.data;
        throw new Error(`${subject}: ${injected ? 'an earlier Inject.into() and this one' : earlier ? 'the pattern itself (a sidecar or init step of its own) and this Inject.into()' : 'two of the sidecars and init steps'} generate a ConfigMap named ${show(data.name)} for ${object.kind} '${object.name}', `
          + `and one would overwrite the other's configuration; ${configMapClashFix(earlierData, data)}`);
      }
      configMaps.push(data);
    }
  };
  let filesVolume = false;
  const unmountedReads: Array<{ path: string; step: string }> = [];
  const addStep = (step: InitStep) => {
    const binding = step._bindWithProblems({ filesVolumeName, filesMountPath, podName: object.name, namespace: object.metadata.namespace });
    addition.problems.push(...(binding.problems ?? []).map((p) => `initSteps: InitStep '${step.name}': ${p}.`));
    // The file rules (a check before the write, two writes of one file, ...) are applied across
    // every Inject.into() of the object that shares this files volume, at synth (checkFiles).
    addition.files.steps.push({ step: step.name, writes: step._writes, reads: [...step._reads] });
    unmountedReads.push(...step._readsUnmounted.map((r) => ({ path: r, step: step.name })));
    if (step.writesFiles && !filesVolume) {
      filesVolume = true;
      addition.files.added = true;
      addition.volumes.push({ name: filesVolumeName, emptyDir: {} });
      addition.appMounts.push({ name: filesVolumeName, mountPath: filesMountPath });
      addition.mountOwners.push({
        name: filesVolumeName,
        mountPath: filesMountPath,
        owner: 'the init steps of Inject.into() (their shared files)',
        fix: 'set filesMountPath of Inject.into() to another path',
      });
      if (!declaredMountPath.startsWith('/')) {
        addition.problems.push(`filesMountPath: ${show(declaredMountPath)} must be an absolute path (e.g. '/config'); init steps write files there and it is mounted into every container.`);
      }
    }
    addition.initContainers.push(toManifest('Container', binding.container));
    if (step._linuxOnly !== undefined) {
      addition.linuxOnly.push({ name: binding.container.name, what: `${step._linuxOnly} '${step.name}'`, instead: 'InitStep.command()' });
    }
    addition.volumes.push(...(binding.volumes ?? []).map((v) => toManifest('Volume', v)));
    addConfigMaps(binding.configMaps);
  };
  for (const sidecar of options.sidecars ?? []) {
    const binding = sidecar.bind({ podName: object.name, namespace: object.metadata.namespace, workloadKind: object.kind });
    const container = toManifest('Container', binding.container);
    const linuxOnly = sidecar._linuxOnly;
    if (linuxOnly !== undefined) {
      addition.linuxOnly.push({ name: container.name, what: `${linuxOnly} '${container.name}'`, instead: 'Sidecar.container()' });
    }
    if (sidecar.mode === SidecarMode.NATIVE) {
      if (typeof container.restartPolicy === 'string' && container.restartPolicy !== 'Always') {
        addition.problems.push(nativeRestartPolicyProblem(container));
      }
      addition.nativeSidecars.push({ ...container, restartPolicy: 'Always' });
    } else {
      // A Job or CronJob with it is reported at synth, on the kind the object has then (JSON patches).
      addition.classicSidecars.push(container);
    }
    for (const v of binding.volumes ?? []) {
      const volume = toManifest('Volume', v);
      addition.volumes.push(volume);
      addition.volumeAdders.set(volume, volumeAdder(volume, container.name, linuxOnly));
    }
    const logVolume = LOG_VOLUMES.get(binding);
    if (logVolume !== undefined) {
      addition.logVolumes.push({ volume: logVolume, sidecar: container.name });
    }
    for (const m of binding.appVolumeMounts ?? []) {
      const mount = toManifest('VolumeMount', m);
      const tokenName = appMountNameProblem(mount, container.name);
      if (tokenName !== undefined) {
        throw new Error(`${subject}: ${tokenName}`);
      }
      addition.appMounts.push(mount);
      addition.mountOwners.push(sidecarMountOwner(mount, container.name, linuxOnly));
    }
    if (binding.podSecurityContext) {
      addition.podSecurityContext.push([toManifest('PodSecurityContext', binding.podSecurityContext), container.name, linuxOnly !== undefined]);
    }
    for (const step of binding.initSteps ?? []) {
      addStep(step);
      if (linuxOnly !== undefined && step._linuxOnly === undefined) {
        addition.linuxOnly.push({ name: step.name, what: `the init step '${step.name}' of ${linuxOnly} '${container.name}'`, instead: 'Sidecar.container()' });
      }
    }
    addConfigMaps(binding.configMaps);
    addition.problems.push(...(binding.problems ?? []));
    addition.frontPorts.push(...(binding.frontPorts ?? []));
    addition.frontedAppPorts.push(...(binding.frontedAppPorts ?? []).map((port) => ({ port, sidecar: String(container.name) })));
  }
  for (const step of options.initSteps ?? []) {
    addStep(step);
  }
  for (const r of filesVolume ? unmountedReads : []) {
    const problem = unmountedFileProblem(r.path, r.step, filesMountPath);
    if (problem) {
      addition.problems.push(problem);
    }
  }

  return { object, addition, configMaps };
}

/** Records an addition to `object`, applied to its manifest at synth time. */
function record(object: ApiObject, addition: Addition): void {
  let additions = INJECTED.get(object);
  if (!additions) {
    additions = [];
    INJECTED.set(object, additions);
    const toJson = object.toJson.bind(object);
    // Its own JSON patches as this library applies its objects': refused when one would change
    // nothing, and applied to its manifest as written (cdk8s-plus's typed conversion drops some).
    const original = () => strictlyPatchedJson(object, toJson);
    const list = additions;
    // The additions are spliced into the manifest as written, and their own tokens (an env value, a
    // resources limit, an image) resolved there, as cdk8s resolves the object's (applyAdditions).
    object.toJson = () => applyAdditions(original(), list, new Problems(), [], patternFacts(object), (key, v) => resolvedAsWritten(v, object, key));
    // The proxies added (a Service must target their ports, not the app's).
    Object.defineProperty(object, '_injectedFront', {
      value: (): _InjectedFront => ({
        frontPorts: list.flatMap((a) => a.frontPorts),
        frontedAppPorts: list.flatMap((a) => a.frontedAppPorts),
        classicSidecars: list.flatMap((a) => a.classicSidecars),
        nativeSidecars: list.flatMap((a) => a.nativeSidecars),
      }),
    });
    // The ports of the sidecars added (native ones included), for a Service's named targetPort;
    // undefined when one is a token (not known before synth).
    Object.defineProperty(object, '_injectedPorts', {
      value: () => {
        const containers: any[] = list.flatMap((a) => [...a.nativeSidecars, ...a.classicSidecars]);
        return containers.every(portsKnown) ? containers.flatMap((c) => (Array.isArray(c.ports) ? c.ports : [])) : undefined;
      },
    });
    object.node.addValidation({
      validate: () => {
        const problems = new Problems();
        const linuxOnlyPodFields: string[] = [];
        const pattern = patternFacts(object);
        const manifest = applyAdditions(original(), list, problems, linuxOnlyPodFields, pattern, (key, v) => resolvedAsWritten(v, object, key));
        validateObject(manifest, problems);
        const podPath = podSpecPath(manifest?.kind);
        // A pattern's SecurityProfile covers what Inject.into() adds to it, as its own sidecars.
        const profile = pattern.profile;
        if (profile) {
          const metaPath = podPath === 'spec' ? 'metadata' : podPath.replace(/spec$/, 'metadata');
          profile._validate(getPath(manifest, metaPath), getPath(manifest, podPath), podPath, metaPath, problems);
        }
        checkLinuxOnly(getPath(manifest, podPath), podPath, list.flatMap((a) => a.linuxOnly), linuxOnlyPodFields, problems);
        // Judged on the object as written (after JSON patches): its kind and the sidecars still in it, as PlainPod does.
        if (manifest?.kind === 'Job' || manifest?.kind === 'CronJob') {
          const containers = getPath(manifest, podPath)?.containers;
          const written = new Set((Array.isArray(containers) ? containers : []).map((c: any) => c?.name));
          // A name that is a token (known at synth) is taken as written.
          const still = list.flatMap((a) => a.classicSidecars).filter((c: any) => typeof c.name !== 'string' || written.has(c.name));
          if (still.length > 0) {
            problems.add(`${podPath}.containers`, `the classic sidecar ${still.map((c: any) => show(c.name)).join(', ')} would keep running after the app finished, so the ${manifest.kind} `
              + "would never complete (this library's contract); use SidecarMode.NATIVE (an init container with restartPolicy Always, stopped when the app exits; Kubernetes 1.29+).");
          }
        }
        addedMountProblems(getPath(manifest, podPath)?.containers, `${podPath}.containers`, [...pattern.addedMounts, ...list.flatMap((a) => a.mountOwners)], problems);
        const logVolumes = list.flatMap((a) => a.logVolumes);
        if (logVolumes.length > 0) {
          const classic: any[] = [...pattern.sidecars.classic, ...list.flatMap((a) => a.classicSidecars)];
          const classicNames = new Set(classic.map((c) => resolvedAsWritten(c?.name, object)));
          unwritableLogProblems(getPath(manifest, podPath)?.containers, (c) => classicNames.has(c?.name), logVolumes, `${podPath}.containers`, problems);
        }
        checkGeneratedConfigMaps(manifest, object, list.flatMap((a) => a.configMaps), problems, true);
        checkFiles(list, problems, typeof (object as any)._stepFileState === 'function' ? (object as any)._stepFileState() : undefined);
        for (const a of list) {
          for (const p of a.problems) {
            problems.add('', p);
          }
        }
        return problems.toErrors(`${object.kind} '${object.name}' with injected sidecars and init steps`);
      },
    });
  }
  additions.push(addition);
}

/**
 * The file rules of PodWorkload, applied to the steps of every Inject.into() of one object in the
 * order their init containers run, per files volume and mount path (calls that share one).
 */
function checkFiles(additions: readonly Addition[], problems: Problems,
  pattern?: { volume: string; mountPath: string; reads: StepFile[]; writes: StepFile[] }): void {
  const volumes = new Map<string, { reads: StepFile[]; writes: StepFile[] }>();
  // The steps of the pattern itself run first, in its files volume.
  if (pattern) {
    volumes.set(`${pattern.volume}\n${pattern.mountPath}`, { reads: pattern.reads, writes: pattern.writes });
  }
  for (const a of additions) {
    const key = `${a.files.volume}\n${a.files.mountPath}`;
    let files = volumes.get(key);
    if (!files) {
      files = { reads: [], writes: [] };
      volumes.set(key, files);
    }
    for (const s of a.files.steps) {
      if (s.writes !== undefined) {
        for (const p of fileCollisionProblems(s.writes, files.reads, files.writes)) {
          problems.add('', `initSteps: InitStep '${s.step}': ${p}.`);
        }
        files.writes.push({ path: s.writes, step: s.step });
      }
      files.reads.push(...s.reads.map((path) => ({ path, step: s.step })));
    }
  }
}

/** The manifest with the additions applied to its pod spec (a copy; the input is not changed). */
function applyAdditions(manifest: any, additions: Addition[], problems: Problems, linuxOnlyPodFields: string[], pattern: PatternFacts,
  resolveAdded: (key: string[], value: any) => any): any {
  const profile = pattern.profile;
  if (typeof manifest?.kind !== 'string' || !Object.prototype.hasOwnProperty.call(POD_BEARING, manifest.kind)) {
    // Its JSON patches changed its kind: there is no pod to add to (and nothing is added).
    problems.add('kind', `${show(manifest?.kind)} has no pod (the object's JSON patches changed its kind), so the sidecars and init steps of Inject.into() cannot be added; `
      + 'remove the patch that changes the kind, or do not inject into this object.');
    return cloneJson(manifest);
  }
  const path = podSpecPath(manifest.kind).split('.');
  // A copy in this realm (structuredClone's objects belong to the main one, whose Object cdk8s's
  // resolve() does not take for a plain object under jest), keeping NaN or a BigInt for validation
  // to report (JSON.stringify would make them null or throw).
  const out = cloneJson(manifest);
  // The pod spec of YAML loaded with Include can have any shape: where it is not what the
  // additions need, nothing is added and the problem is reported (validation names the rest).
  const wrongShape = (field: string, value: unknown, want: string): any => {
    problems.add(field, `${show(value)} is ${kindOf(value)}, not ${want}, so the injected sidecars and init steps cannot be added; fix the object's ${field}.`);
    return out;
  };
  let holder: any = out;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const value = holder[part];
    if (value === undefined || value === null) {
      holder[part] = {};
    } else if (typeof value !== 'object' || Array.isArray(value)) {
      return wrongShape(path.slice(0, i + 1).join('.'), value, 'an object');
    }
    holder = holder[part];
  }
  const spec: any = holder;
  const specPath = path.join('.');
  for (const field of ['containers', 'initContainers', 'volumes']) {
    if (spec[field] !== undefined && spec[field] !== null && !Array.isArray(spec[field])) {
      return wrongShape(`${specPath}.${field}`, spec[field], 'a list');
    }
  }
  const badMounts = (spec.containers ?? []).findIndex((c: any) => isObject(c) && !Array.isArray(c.volumeMounts ?? []));
  if (badMounts >= 0) {
    return wrongShape(`${specPath}.containers[${badMounts}].volumeMounts`, spec.containers[badMounts].volumeMounts, 'a list');
  }
  if (spec.securityContext !== undefined && spec.securityContext !== null && !isObject(spec.securityContext)) {
    return wrongShape(`${specPath}.securityContext`, spec.securityContext, 'an object');
  }
  // What the additions put in (containers, volumes, mounts), whose tokens are resolved once all is
  // in place, with the keys they have in the manifest.
  const spliced = new Set<unknown>();
  // Who set each pod securityContext field (the pattern's sidecars, then each call's), and to what.
  // The pattern's sidecars count while they are in the pod as written (a JSON patch may have removed one); names resolved.
  const pod = getPath(manifest, podSpecPath(manifest.kind));
  const listed = (v: unknown): any[] => (Array.isArray(v) ? v : []);
  const present = new Set([...listed(pod?.containers), ...listed(pod?.initContainers)].map((c: any) => c?.name));
  const owners = new Map<string, { readonly sidecar: string; readonly wanted: any }>([...pattern.podSecurityOwners]
    .map(([k, o]) => [k, { sidecar: resolveAdded([], o.sidecar), wanted: resolveAdded([...podSpecPath(manifest.kind).split('.'), 'securityContext', k], o.wanted) }] as const)
    .filter(([, o]) => present.has(o.sidecar)));
  // The pattern's classic sidecars as written (like the sidecars the additions put in, they get none
  // of the additions' app mounts). A container is told by its name and its looks (image, command,
  // args), as JSON patches may rename, remove or add containers: a sidecar by its name, unless it
  // looks like a main container and not like the sidecar (the app renamed to the sidecar's name);
  // a sidecar a patch renamed, as the one other container that looks like it and not like a main
  // container missing by name (which could be that one, renamed).
  const podContainers: any[] = Array.isArray(spec.containers) ? spec.containers : [];
  // A declared container as written: its name and looks resolved.
  const resolvedLooks = (d: _DeclaredSidecar) => ({
    name: resolveAdded([], d.name), image: resolveAdded([], d.image), command: resolveAdded([], d.command), args: resolveAdded([], d.args),
  });
  const declared = pattern.sidecars.classic.map(resolvedLooks);
  const mains = pattern.sidecars.mainOwn.map(resolvedLooks);
  // The volumes each main container mounts itself, by its name.
  const mainOwn = new Map<unknown, readonly unknown[]>(mains.map((m, i) => [m.name, pattern.sidecars.mainOwn[i].volumes]));
  const like = (c: any, d: { image: unknown; command: unknown; args: unknown }) =>
    sameJson(d.image, c.image) && sameJson(d.command, c.command) && sameJson(d.args, c.args);
  const named = (n: unknown) => podContainers.some((c) => isObject(c) && c.name === n);
  const byName = new Set(podContainers.filter((c) => isObject(c) && declared.some((d) => d.name === c.name
    && (like(c, d) || !mains.some((m) => like(c, m))))));
  const patternSidecars = new Set(byName);
  const missingMains = mains.filter((m) => !named(m.name));
  for (const d of declared.filter((x) => !named(x.name))) {
    const candidates = podContainers
      .filter((c) => isObject(c) && !byName.has(c) && !mainOwn.has(c.name) && like(c, d) && !missingMains.some((m) => like(c, m)));
    if (candidates.length === 1) {
      patternSidecars.add(candidates[0]);
    }
  }
  const sidecarInitNames = new Set(pattern.sidecars.initNames.map((n) => resolveAdded([], n)));
  // The files volumes of the pattern's init steps and of earlier additions: the pod's init
  // containers mount them where they read their files, so only the main containers' mounts tell
  // whether such a volume is shared. Any other volume of that name is the pod's own.
  const filesVolumes = new Set(pattern.filesVolume === undefined ? [] : [pattern.filesVolume]);
  // The sidecar that added each volume (the pattern's, then each addition's), for a message naming both of two.
  const adders = new Map(pattern.volumeAdders.map((x) => [x.name, x]));
  // Where each of those sidecars mounts its volume into the app, if it does (a token as written).
  const adderAppPaths = new Map<string, unknown>(pattern.volumeAdders.filter((x) => x.appPath !== undefined).map((x) => [x.name, x.appPath]));
  // Who added the mounts the main containers have (the pattern's sidecars, then each addition's).
  const mountOwners: AddedMount[] = [...pattern.addedMounts];
  // The pod securityContext fields the pattern's SecurityProfile filled in, while the pod has them:
  // a sidecar's need replaces them, as in the pattern's addSidecar().
  const profileDefaults = new Map(Object.entries(pattern.profileDefaults));
  for (const a of additions) {
    // The pattern's SecurityProfile hardens what is added, as it hardens the pattern's own
    // sidecars (the rest of the pod already has it, before the pattern's JSON patches).
    const added = profile
      ? profile._apply({ containers: a.classicSidecars, initContainers: [...a.nativeSidecars, ...a.initContainers] })
      : { containers: a.classicSidecars, initContainers: [...a.nativeSidecars, ...a.initContainers] };
    const native = added.initContainers.slice(0, a.nativeSidecars.length);
    [...added.containers, ...added.initContainers, ...a.appMounts].forEach((x) => spliced.add(x));
    // A container that is not an object is left as it is (validation reports it).
    // The app mounts go into the main containers only: not into a sidecar an earlier addition (an
    // earlier Inject.into() call) put in, nor into the pattern's own (two calls give what one gives).
    // The volumes each main container mounts itself: it keeps that mount, and gets none added.
    const mainOwnVolumes: Array<Set<unknown>> = [];
    spec.containers = [...(spec.containers ?? []).map((c: any, i: number) => {
      if (!isObject(c) || spliced.has(c) || patternSidecars.has(c)) {
        return c;
      }
      // Two sidecars mounting one volume at one path, one read-only, one writable: the container gets one mount.
      const mounts: any[] = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
      // Added: by an earlier addition, or by the pattern (its mount of that name and path, unless the container mounts the volume itself).
      const own = mainOwn.get(c.name);
      const isAdded = (m: any) => spliced.has(m)
        || (!own?.includes(m?.name) && pattern.addedMounts.some((o) => o.name === m?.name && samePath(o.mountPath, m?.mountPath)));
      mainOwnVolumes.push(new Set(mounts.filter((m) => !isAdded(m)).map((m) => m?.name)));
      for (const p of readOnlyClashes({ volumeMounts: mounts.filter((m) => !isAdded(m)) }, [...mounts.filter(isAdded), ...a.appMounts],
        [...mountOwners, ...a.mountOwners], (v) => resolveAdded([], v))) {
        problems.add(`${specPath}.containers[${i}].volumeMounts`, `${p}.`);
      }
      return withVolumeMounts(c, a.appMounts);
    }), ...added.containers];
    mountOwners.push(...a.mountOwners);
    const inits = [...native, ...(spec.initContainers ?? []), ...added.initContainers.slice(a.nativeSidecars.length)];
    if (inits.length > 0) {
      spec.initContainers = inits;
    }
    // A volume the pod already has, exactly as this addition would add it (the files volume of an
    // earlier Inject.into() or of the pattern itself), is shared, as the mounts of one name are.
    // Only where no container mounts it elsewhere: the pod's own emptyDir of that name, mounted by
    // the app at /data, is no files volume (it stays a duplicate name, reported).
    const existing: any[] = spec.volumes ?? [];
    // The mounts of the pod's own containers and init containers: not of the sidecars (and their
    // init containers) this addition, an earlier one or the pattern put in, which mount their own volumes.
    const mounts: any[] = [...(spec.containers ?? []).filter((c: any) => !added.containers.includes(c) && !spliced.has(c) && !patternSidecars.has(c)),
      ...(spec.initContainers ?? []).filter((c: any) => !added.initContainers.includes(c) && !spliced.has(c) && !sidecarInitNames.has(c?.name))]
      .flatMap((c: any) => (isObject(c) && Array.isArray(c.volumeMounts) ? c.volumeMounts : []));
    const kept: any[] = [];
    // Compared as written: tokens resolved, keys in any order.
    const written = (v: any) => resolveAdded([...path, 'volumes'], v);
    // The files are read by the main containers: only their mounts tell whether the files volume is another.
    const mainMounts: any[] = (spec.containers ?? [])
      .filter((c: any) => !added.containers.includes(c) && !spliced.has(c) && !patternSidecars.has(c))
      .flatMap((c: any) => (isObject(c) && Array.isArray(c.volumeMounts) ? c.volumeMounts : []));
    for (const v of a.volumes) {
      const adder = a.volumeAdders.get(v);
      const earlier = adder === undefined ? undefined : adders.get(v.name);
      if (adder !== undefined && earlier === undefined) {
        adders.set(v.name, adder);
        adderAppPaths.set(v.name, a.appMounts.find((m) => m.name === v.name)?.mountPath);
      }
      // Two sidecars of this call add the same volume: one is written, unless they mount it into the app at two paths.
      const appMounts = a.appMounts.filter((m) => m.name === v.name);
      const appPaths = new Set(appMounts.map((m) => String(resolveAdded([], m.mountPath)).replace(/\/+$/, '')));
      const shared = kept.some((k) => k.name === v.name && sameJson(written(k), written(v)));
      // Where every main container mounts the volume itself, no sidecar's app mount of it is added: their paths cannot clash.
      const appGetsMounts = mainOwnVolumes.length === 0 || mainOwnVolumes.some((names) => !names.has(v.name));
      if (shared && (appPaths.size <= 1 || readOnlySource(v) || !appGetsMounts)) {
        continue;
      }
      if (!existing.some((e) => isObject(e) && e.name === v.name && sameJson(e, written(v)))) {
        if (earlier !== undefined && [...existing, ...kept].some((e) => isObject(e) && e.name === v.name)) {
          // Two sidecars' volumes of one name: named, with what renames them (not written: the message says it all).
          const paths = shared
            ? [appMounts[0].mountPath, appMounts[appMounts.length - 1].mountPath].map((x) => resolveAdded([], x)) as [string, string]
            : undefined;
          problems.add('', sidecarVolumeClash(v.name, earlier, adder!, paths));
          continue;
        }
        kept.push(v); // new, or a different volume of that name (a duplicate name, reported)
        continue;
      }
      const mountPath = a.appMounts.find((m) => m.name === v.name)?.mountPath;
      const elsewhere = (v.name === a.files.volume && filesVolumes.has(v.name) ? mainMounts : mounts)
        .find((m) => m?.name === v.name && !samePath(resolveAdded([], m?.mountPath), resolveAdded([], mountPath)));
      if (elsewhere && v.name === a.files.volume) {
        problems.add('filesVolumeName', `the pod already has the emptyDir volume ${show(v.name)}, mounted at ${show(elsewhere.mountPath)}, where Inject.into() would mount its files at ${show(a.files.mountPath)}; `
          + `pass filesMountPath: ${show(elsewhere.mountPath)} to share it, or another filesVolumeName.`);
      } else if (elsewhere && !readOnlySource(v)) {
        if (earlier !== undefined && mountPath !== undefined) {
          // An earlier sidecar's volume, the same: the pod's containers may use it too (an init
          // container reading the log), so it is shared, unless the earlier sidecar mounts it into
          // the app at another path (as PodWorkload's addSharedVolume decides).
          const earlierPath = adderAppPaths.get(v.name);
          if (earlierPath !== undefined && !samePath(resolveAdded([], earlierPath), resolveAdded([], mountPath)) && appGetsMounts) {
            problems.add('', sidecarVolumeClash(v.name, earlier, adder!, [resolveAdded([], earlierPath), resolveAdded([], mountPath)]));
          }
          continue;
        }
        kept.push(v); // the pod's own writable volume of that name, used elsewhere: a duplicate name, reported
      }
    }
    kept.forEach((v) => spliced.add(v));
    if (a.files.added) {
      filesVolumes.add(a.files.volume);
    }
    const volumes = [...existing, ...kept];
    if (volumes.length > 0) {
      spec.volumes = volumes;
    }
    for (const [raw, sidecar, linuxOnly] of a.podSecurityContext) {
      spec.securityContext = spec.securityContext ?? {};
      // Resolved before they are compared with the pod's (a token equal to the pod's value agrees with it).
      const fields: Record<string, any> = {};
      for (const [k, v] of Object.entries(raw)) {
        const value = resolveAdded([...path, 'securityContext', k], v);
        if (value !== undefined && value !== null) {
          fields[k] = value;
        }
      }
      if (linuxOnly) {
        linuxOnlyPodFields.push(...Object.keys(fields).filter((k) => spec.securityContext[k] === undefined || spec.securityContext[k] === null));
      }
      for (const [k, wanted] of Object.entries(fields)) {
        const current = spec.securityContext[k];
        // Another sidecar is the owner of the value only while the pod has the value it set.
        const owner = owners.get(k) !== undefined && sameJson(owners.get(k)!.wanted, current) ? owners.get(k)!.sidecar : undefined;
        const byProfile = profileDefaults.has(k) && sameJson(profileDefaults.get(k), current);
        profileDefaults.delete(k);
        if (current === undefined || current === null || byProfile) {
          spec.securityContext[k] = wanted;
          owners.set(k, { sidecar, wanted });
        } else if (owner !== undefined && mergesAsSet(k, current, wanted)) {
          spec.securityContext[k] = mergesAsSet(k, current, wanted); // two sidecars' groups or sysctls: both are given
          owners.set(k, { sidecar, wanted: spec.securityContext[k] });
        } else if (!podSecurityCovers(k, current, wanted)) {
          problems.add(`${specPath}.securityContext.${k}`, podSecurityConflict(current, wanted, sidecar, owner, 'change the pod\'s value'));
        }
      }
    }
  }
  // The additions' own tokens (an env value, a resources limit, an image) resolved as cdk8s resolves
  // an object's, with their keys in the manifest (for the App's resolvers); the manifest as written
  // is left as it is (a null a patch wrote stays).
  const resolveSpliced = (value: any, key: string[]): any => {
    if (spliced.has(value)) {
      return resolveAdded(key, value);
    }
    if (Array.isArray(value)) {
      return value.map((x, i) => resolveSpliced(x, [...key, String(i)]));
    }
    if (isObject(value)) {
      for (const k of Object.keys(value)) {
        value[k] = resolveSpliced(value[k], [...key, k]);
      }
    }
    return value;
  };
  for (const field of ['containers', 'initContainers', 'volumes']) {
    if (Array.isArray(spec[field])) {
      spec[field] = resolveSpliced(spec[field], [...path, field]);
    }
  }
  return out;
}

/** What Inject.into() needs to know of a pattern of this library it adds to (nothing for other objects). */
interface PatternFacts {
  /** The pattern's SecurityProfile, which hardens what is added as it hardens the pattern's own sidecars. */
  readonly profile?: SecurityProfile;
  /** The pod securityContext fields the pattern's own sidecars set, by the sidecar that set each. */
  readonly podSecurityOwners: Map<string, { readonly sidecar: string; readonly wanted: any }>;
  /** The pattern's classic sidecars and main containers as declared, and its sidecars' init containers. */
  readonly sidecars: _PatternContainers;
  /** The name of the pattern's files volume, if its init steps added it. */
  readonly filesVolume?: string;
  /** The sidecars that added the pattern's volumes. */
  readonly volumeAdders: readonly VolumeAdder[];
  /** The mounts the pattern added to its main containers, with who added each. */
  readonly addedMounts: readonly AddedMount[];
  /** The pod securityContext fields the pattern's SecurityProfile filled in by default. */
  readonly profileDefaults: { readonly [field: string]: any };
}

/** The facts of a pattern of this library, read through its internal members; empty for other objects. */
function patternFacts(object: ApiObject): PatternFacts {
  const o = object as any;
  const profile = o.securityProfile instanceof SecurityProfile ? o.securityProfile : undefined;
  const files = typeof o._stepFileState === 'function' ? o._stepFileState() : undefined;
  return {
    ...(profile !== undefined ? { profile } : {}),
    podSecurityOwners: o._podSecurityOwners instanceof Map ? o._podSecurityOwners : new Map(),
    sidecars: isObject(o._patternContainers) ? o._patternContainers : { classic: [], initNames: [], mainOwn: [] },
    ...(files?.added === true ? { filesVolume: files.volume } : {}),
    volumeAdders: Array.isArray(o._volumeAdders) ? o._volumeAdders : [],
    addedMounts: typeof o._addedMounts === 'function' ? [...o._addedMounts()] : [],
    profileDefaults: profile !== undefined && isObject(o._profilePodDefaults) ? o._profilePodDefaults : {},
  };
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
