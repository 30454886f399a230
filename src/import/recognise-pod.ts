import { POD_SPEC_OPTION_FIELDS } from '../pod-spec-options';
import { shellQuote } from '../shell';
import { CompletionMode, ConcurrencyPolicy, PodManagementPolicy, PodReplacementPolicy } from '../workload';
import { Call, enumRef, lib, libCall, libRef, Ref, Value } from './code';
import { InputObject } from './parse';
import { recogniseFluentBit, withoutConfigMount } from './recognise-log-shipper';
import { recogniseProfile } from './recognise-profile';
import { catalogueSidecars } from './recognise-sidecars';
import { containerProps, initStepContainerCall, recogniseInitStep, sameData, sidecarCall, withoutKey } from './recognise-steps';
import { l1Struct, leadingKeysFirst, plain, toProps, ValueStyle } from './schema';

/**
 * Pods and the objects that run them (Deployment, StatefulSet, DaemonSet, Job, CronJob) as this
 * library's patterns: the workload as `Workload.*()` with `podMetadata` only where the pods'
 * labels differ from what the library derives, then the pod as a `SidecarLoggedApp` (a shared
 * `emptyDir` log volume and a sidecar that reads it), an `InitPod` (init containers that run to
 * completion) or a `PlainPod`, with native sidecars and recognised init steps.
 *
 * Each candidate is only a proposal: the caller keeps the first one whose synthesized object
 * equals the input.
 *
 * @internal
 */

/** `apiVersion/kind` of the objects that hold a pod, and their `Workload` factory. */
export const POD_KINDS: { [apiVersionAndKind: string]: string } = {
  'v1/Pod': 'pod',
  'apps/v1/Deployment': 'deployment',
  'apps/v1/StatefulSet': 'statefulSet',
  'apps/v1/DaemonSet': 'daemonSet',
  'batch/v1/Job': 'job',
  'batch/v1/CronJob': 'cronJob',
};

/** A proposed construct for a pod-bearing object. */
export interface PodCandidate {
  /** `InitPod`, `SidecarLoggedApp`, `PlainPod`. */
  readonly className: string;
  readonly props: { [key: string]: Value };
  /** Input objects the construct writes before the pod (a log shipper's ConfigMap). */
  readonly covers?: InputObject[];
}

/** The parts of a pod-bearing object, as props. */
export interface PodShape {
  readonly metadata: Value;
  readonly workload?: Value;
  readonly podMetadata?: Value;
  readonly podSpec: any;
  /** Fields the library's props cannot express (the object is then written with its L1 class). */
  readonly unexpressible: string[];
  /** The labels of the pods (what a Service selects them by). */
  readonly podLabels: { [key: string]: string };
  readonly namespace?: string;
}

/** Enum values of the workload options, by JSON field. */
const ENUMS: { [field: string]: [string, any] } = {
  podManagementPolicy: ['PodManagementPolicy', PodManagementPolicy],
  concurrencyPolicy: ['ConcurrencyPolicy', ConcurrencyPolicy],
  completionMode: ['CompletionMode', CompletionMode],
  podReplacementPolicy: ['PodReplacementPolicy', PodReplacementPolicy],
};

/** The options of a workload factory from the fields of its spec (the same names). */
function workloadOptions(specStruct: string, spec: any, allowed: string[], path: string, unexpressible: string[]): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  const fields = l1Struct(specStruct)!;
  for (const key of Object.keys(spec)) {
    if (['template', 'selector', 'jobTemplate'].includes(key) && !allowed.includes(key)) {
      continue;
    }
    if (!allowed.includes(key)) {
      unexpressible.push(`${path}.${key}`);
      continue;
    }
    const v = spec[key];
    if (ENUMS[key]) {
      const ref = enumRef(ENUMS[key][0], ENUMS[key][1], v);
      if (!ref) {
        unexpressible.push(`${path}.${key}${v === '' ? ': ""' : ''}`);
      }
      out[key] = ref;
    } else if (key === 'volumeClaimTemplates' && Array.isArray(v)) {
      out[key] = v.map((claim, i) => {
        const c: { [key: string]: Value } = {};
        for (const k of Object.keys(claim ?? {})) {
          if (k === 'metadata') {
            c.metadata = plain(claim.metadata);
          } else if (k === 'spec') {
            const spec2 = toProps('PersistentVolumeClaimSpec', claim.spec, ValueStyle.PLAIN, `${path}.${key}[${i}].spec`);
            unexpressible.push(...spec2.unknown);
            c.spec = spec2.value;
          } else {
            unexpressible.push(`${path}.${key}[${i}].${k}`);
          }
        }
        return c;
      });
    } else {
      const field = fields[key];
      const converted = field?.child ? toProps(field.child, v, ValueStyle.PLAIN, `${path}.${key}`) : { value: plain(v), unknown: [] };
      if (field?.kind === 'a' && Array.isArray(v)) {
        out[key] = v.map((x, i) => {
          const c = toProps(field.child!, x, ValueStyle.PLAIN, `${path}.${key}[${i}]`);
          unexpressible.push(...c.unknown);
          return c.value;
        });
      } else {
        unexpressible.push(...converted.unknown);
        out[key] = converted.value;
      }
    }
  }
  return out;
}

const APPS_OPTIONS: { [kind: string]: string[] } = {
  Deployment: ['replicas', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds', 'paused'],
  StatefulSet: ['serviceName', 'replicas', 'volumeClaimTemplates', 'podManagementPolicy', 'updateStrategy', 'minReadySeconds',
    'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'ordinals'],
  DaemonSet: ['updateStrategy', 'minReadySeconds', 'revisionHistoryLimit'],
};
const JOB_OPTIONS = ['backoffLimit', 'completions', 'parallelism', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished', 'completionMode',
  'suspend', 'podFailurePolicy', 'backoffLimitPerIndex', 'maxFailedIndexes', 'podReplacementPolicy', 'successPolicy', 'managedBy', 'manualSelector', 'selector'];
const CRON_OPTIONS = ['schedule', 'timeZone', 'concurrencyPolicy', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit',
  'failedJobsHistoryLimit', 'suspend'];

/** Splits a pod-bearing object into metadata, workload, pod metadata and pod spec. */
export function podShape(object: any): PodShape {
  const unexpressible: string[] = [];
  for (const key of Object.keys(object)) {
    if (!['apiVersion', 'kind', 'metadata', 'spec'].includes(key)) {
      unexpressible.push(key);
    }
  }
  const metadata = leadingKeysFirst(plain(object.metadata) as { [key: string]: Value });
  const namespace = object.metadata?.namespace;
  const ownLabels: { [key: string]: string } = { ...(object.metadata?.labels ?? {}) };
  const spec = object.spec ?? {};
  if (object.kind === 'Pod') {
    return { metadata, podSpec: spec, unexpressible, podLabels: ownLabels, namespace };
  }

  let templateParent = spec;
  let options: { [key: string]: Value };
  let factory: string = POD_KINDS[`${object.apiVersion}/${object.kind}`];
  if (object.kind === 'Job') {
    options = workloadOptions('JobSpec', spec, JOB_OPTIONS, 'spec', unexpressible);
  } else if (object.kind === 'CronJob') {
    options = workloadOptions('CronJobSpec', spec, CRON_OPTIONS, 'spec', unexpressible);
    const jobTemplate = spec.jobTemplate ?? {};
    for (const key of Object.keys(jobTemplate)) {
      if (key !== 'spec') {
        unexpressible.push(`spec.jobTemplate.${key}`);
      }
    }
    templateParent = jobTemplate.spec ?? {};
    const job = workloadOptions('JobSpec', templateParent, JOB_OPTIONS, 'spec.jobTemplate.spec', unexpressible);
    if (Object.keys(job).length > 0) {
      // `job` where the input has `jobTemplate`.
      const ordered: { [key: string]: Value } = {};
      for (const key of Object.keys(spec)) {
        if (key === 'jobTemplate') {
          ordered.job = job;
        } else if (key in options) {
          ordered[key] = options[key];
        }
      }
      options = ordered;
    }
  } else {
    options = workloadOptions(`${object.kind}Spec`, spec, APPS_OPTIONS[object.kind], 'spec', unexpressible);
  }

  const template = templateParent.template ?? {};
  const templatePath = object.kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template';
  for (const key of Object.keys(template)) {
    if (key !== 'metadata' && key !== 'spec') {
      unexpressible.push(`${templatePath}.${key}`);
    }
  }
  const templateMeta = template.metadata ?? {};
  for (const key of Object.keys(templateMeta)) {
    if (key !== 'labels' && key !== 'annotations') {
      unexpressible.push(`${templatePath}.metadata.${key}`);
    }
  }
  const templateLabels: { [key: string]: string } | undefined = templateMeta.labels;
  const annotations = templateMeta.annotations;
  const selectsByLabel = ['Deployment', 'StatefulSet', 'DaemonSet'].includes(object.kind);

  // The library derives the pods' labels from metadata.labels for the apps kinds; podMetadata
  // is written only where the input's pod labels differ (or there are pod annotations).
  let podMetadata: Value;
  let podLabels: { [key: string]: string };
  const derivable = selectsByLabel && annotations === undefined && sameData(templateLabels ?? {}, ownLabels);
  if (derivable || (!selectsByLabel && templateLabels === undefined && annotations === undefined)) {
    podMetadata = undefined;
    podLabels = selectsByLabel ? ownLabels : {};
  } else {
    const pm: { [key: string]: Value } = {};
    for (const key of Object.keys(templateMeta)) {
      if (key === 'labels' || key === 'annotations') {
        pm[key] = plain(templateMeta[key]);
      }
    }
    podMetadata = pm;
    podLabels = { ...(templateLabels ?? {}) };
  }

  if (selectsByLabel) {
    const derived = Object.keys(podLabels).length > 0 ? { matchLabels: podLabels } : undefined;
    if (!sameData(spec.selector, derived)) {
      const selector = toProps('LabelSelector', spec.selector, ValueStyle.PLAIN, 'spec.selector');
      unexpressible.push(...selector.unknown);
      options = { ...options, selector: selector.value };
    }
  }
  const workload = libCall('Workload', factory, [Object.keys(options).length > 0 ? options : undefined]);
  return { metadata, workload, podMetadata, podSpec: template.spec ?? {}, unexpressible, podLabels, namespace };
}

/** The pod spec fields besides containers, init containers and volumes, as props (L1 names). */
function specOptions(podSpec: any, path: string, unexpressible: string[]): Array<[string, Value]> {
  const out: Array<[string, Value]> = [];
  const fields = l1Struct('PodSpec')!;
  for (const key of Object.keys(podSpec)) {
    if (key === 'containers' || key === 'initContainers' || key === 'volumes') {
      continue;
    }
    const field = fields[key];
    if (!field || !POD_SPEC_OPTION_FIELDS.includes(field.ts)) {
      unexpressible.push(`${path}.${key}`);
      continue;
    }
    const converted = toProps('PodSpec', { [key]: podSpec[key] }, ValueStyle.PLAIN, path);
    unexpressible.push(...converted.unknown);
    out.push([field.ts, (converted.value as any)[field.ts]]);
  }
  return out;
}

/** Whether a container mounts a volume. */
function mounts(c: any, volume: string): boolean {
  return Array.isArray(c?.volumeMounts) && c.volumeMounts.some((m: any) => m?.name === volume);
}

/** The container without its last mount when that mount is exactly `{ name, mountPath }` (the pattern adds it). */
function withoutAddedMount(c: any, name: string, mountPath: string): any {
  const list: any[] = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
  const last = list[list.length - 1];
  if (!last || !sameData(last, { name, mountPath })) {
    return c;
  }
  const rest = list.slice(0, -1);
  return rest.length > 0 ? { ...c, volumeMounts: rest } : withoutKey(c, 'volumeMounts');
}

/** The shared files volume of init steps that write files. */
interface FilesVolume {
  readonly name: string;
  readonly mountPath: string;
}

/** How the init containers are written. */
interface InitParts {
  /** Native sidecars at the front: `Sidecar.container(c, SidecarMode.NATIVE)`. */
  readonly sidecars: Value[];
  readonly initContainers: Value[];
  readonly initSteps: Value[];
  /** Whether one init container runs to completion. */
  readonly hasSteps: boolean;
  /** The shared files volume the recognised steps write, if any. */
  readonly files?: { readonly name: string; readonly mountPath: string };
  /** Other volumes the recognised steps add (left out of `volumes`). */
  readonly volumes: any[];
  /** The input ConfigMaps the recognised steps write before the pod. */
  readonly covers: InputObject[];
}

function initParts(inits: any[], recognise: boolean, podName: string, namespace: string | undefined, configMaps: InputObject[]): InitParts {
  const sidecars: Value[] = [];
  let i = 0;
  while (i < inits.length && inits[i]?.restartPolicy === 'Always') {
    sidecars.push(sidecarCall(inits[i], true));
    i++;
  }
  const rest = inits.slice(i);
  const steps = rest.map((c) => (recognise ? recogniseInitStep(c, { podName, namespace, configMaps }) : undefined));
  const first = steps.findIndex((s) => s !== undefined);
  const literal = first < 0 ? rest.length : first;
  const files = steps.find((s) => s?.files)?.files;
  return {
    sidecars,
    initContainers: rest.slice(0, literal).map(containerProps),
    initSteps: rest.slice(literal).map((c, j) => steps[literal + j]?.call ?? initStepContainerCall(c)),
    hasSteps: rest.some((c) => c?.restartPolicy !== 'Always'),
    files,
    volumes: steps.flatMap((step) => step?.volumes ?? []),
    covers: steps.map((step) => step?.configMap).filter((o): o is InputObject => o !== undefined),
  };
}

/** The volumes without those a binding adds (each once). */
function withoutVolumes(volumes: any[], added: any[]): any[] {
  const out = [...volumes];
  for (const v of added) {
    const at = out.findIndex((x) => sameData(x, v));
    if (at >= 0) {
      out.splice(at, 1);
    }
  }
  return out;
}

/** Removes the generated files volume and its mounts (added by steps that write files). */
function withoutFiles(volumes: any[], containers: any[], files: FilesVolume | undefined): { volumes: any[]; containers: any[] } {
  if (!files) {
    return { volumes, containers };
  }
  const mountPath = files.mountPath.length > 1 ? files.mountPath.replace(/\/+$/, '') : files.mountPath;
  return {
    volumes: volumes.filter((v) => !sameData(v, { name: files.name, emptyDir: {} })),
    containers: containers.map((c) => withoutAddedMount(c, files.name, mountPath)),
  };
}

function filesProps(files: FilesVolume | undefined): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  if (files && files.name !== 'init-files') {
    out.filesVolumeName = files.name;
  }
  if (files && files.mountPath !== '/config') {
    out.filesMountPath = files.mountPath;
  }
  return out;
}

function nonEmpty(values: Value[]): Value[] | undefined {
  return values.length > 0 ? values : undefined;
}

/** Whether a sidecar looks like it reads logs from the shared volume. */
function readsLogs(volume: string, mountPath: string, side: any): boolean {
  const text = [...(side.command ?? []), ...(side.args ?? []), side.image ?? ''].join(' ');
  return /log/i.test(volume) || /log/i.test(mountPath) || /\btail\b|fluent|vector|filebeat|promtail|logstash/i.test(text);
}

/** `LogShipper.tail()` when the sidecar is exactly what it writes, with its file name. */
function tailShipper(side: any, mountPath: string): { logShipper: Value; logFileName?: string } | undefined {
  const script = Array.isArray(side.command) && side.command.length === 3 && side.command[0] === 'sh' && side.command[1] === '-c' ? side.command[2] : undefined;
  const keys = Object.keys(side).sort().join(',');
  if (side.name !== 'sidecar-container' || keys !== 'command,image,name' || typeof script !== 'string') {
    return undefined;
  }
  const dir = mountPath.replace(/\/+$/, '');
  const m = /^tail -f (.+)$/.exec(script);
  if (!m) {
    return undefined;
  }
  for (const fileName of [m[1].slice(dir.length + 1), m[1].replace(/^'(.*)'$/, '$1').slice(dir.length + 1)]) {
    if (fileName && !fileName.includes('/') && script === `tail -f ${shellQuote(`${dir}/${fileName}`)}`) {
      return {
        logShipper: side.image === 'busybox' ? undefined : libCall('LogShipper', 'tail', [{ image: side.image }]),
        logFileName: fileName === 'app.log' ? undefined : fileName,
      };
    }
  }
  return undefined;
}

/** Every candidate construct for a pod-bearing object, the most idiomatic first. */
export function podCandidates(input: InputObject, shape: PodShape, before: InputObject[] = []): PodCandidate[] {
  const unexpressible = [...shape.unexpressible];
  const podPath = input.object.kind === 'Pod' ? 'spec' : input.object.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
  specOptions(shape.podSpec, podPath, unexpressible);
  if (unexpressible.length > 0) {
    return [];
  }
  const head: { [key: string]: Value } = { metadata: shape.metadata, podMetadata: shape.podMetadata, workload: shape.workload };
  // With a security profile (SecurityProfile.restricted(), ...) when one writes the hardening, then as written.
  const profile = recogniseProfile(shape.podSpec);
  const candidates: PodCandidate[] = [];
  if (profile) {
    candidates.push(...patternCandidates(input, profile.spec, { ...head, securityProfile: profile.securityProfile }, podPath, before));
  }
  candidates.push(...patternCandidates(input, shape.podSpec, head, podPath, before));
  // What a construct writes beside the pod comes right before it: the objects it covers must be
  // the ones right before the pod in the input, in that order.
  return dedupe(candidates).filter((c) => !c.covers || c.covers.length === 0
    || sameData(c.covers.map((o) => before.indexOf(o)), before.map((_, i) => i).slice(before.length - c.covers.length)));
}

/** The pattern candidates for one pod spec. */
function patternCandidates(input: InputObject, spec: any, head: { [key: string]: Value }, podPath: string, before: InputObject[]): PodCandidate[] {
  const name: string = input.object.metadata.name;
  const namespace: string | undefined = input.object.metadata.namespace;
  const optionProps = Object.fromEntries(specOptions(spec, podPath, []));
  const containers: any[] = spec.containers ?? [];
  const inits: any[] = spec.initContainers ?? [];
  const volumes: any[] = spec.volumes ?? [];
  const configMaps = before.filter((o) => o.object.kind === 'ConfigMap' && o.object.apiVersion === 'v1');
  const candidates: PodCandidate[] = [];

  for (const recognise of [true, false]) {
    candidates.push(...sidecarLoggedApp(head, optionProps, containers, inits, volumes, recognise, name, namespace, before, configMaps));
  }
  // Catalogue sidecars (Sidecar.cloudSqlProxy(), ...) first, then every sidecar as written.
  const catalogue = catalogueSidecars(spec, { podName: name, namespace, workloadKind: input.object.kind });
  for (const variant of catalogue ? [catalogue, undefined] : [undefined]) {
    const podSpec = variant?.spec ?? spec;
    const variantOptions = variant ? Object.fromEntries(specOptions(podSpec, podPath, [])) : optionProps;
    for (const recognise of [true, false]) {
      const init = initParts(podSpec.initContainers ?? [], recognise, name, namespace, configMaps);
      const podVolumes = withoutVolumes(podSpec.volumes ?? [], init.volumes);
      const { volumes: vols, containers: mains } = withoutFiles(podVolumes, podSpec.containers ?? [], init.files);
      const props: { [key: string]: Value } = {
        ...head,
        ...variantOptions,
        ...filesProps(init.files),
        initContainers: nonEmpty(init.initContainers),
        initSteps: nonEmpty(init.initSteps),
        containers: mains.map(containerProps),
        sidecars: nonEmpty(variant ? variant.sidecars : init.sidecars),
        volumes: nonEmpty(vols.map((v) => toProps('Volume', v, ValueStyle.PLAIN).value)),
      };
      candidates.push({ className: init.hasSteps ? 'InitPod' : 'PlainPod', props, covers: init.covers });
    }
  }
  // Everything as written: plain containers, init containers and volumes.
  candidates.push({
    className: 'PlainPod',
    props: {
      ...head,
      ...optionProps,
      initContainers: nonEmpty(inits.map(containerProps)),
      containers: containers.map(containerProps),
      volumes: nonEmpty(volumes.map((v) => toProps('Volume', v, ValueStyle.PLAIN).value)),
    },
  });
  return candidates;
}

function sidecarLoggedApp(
  head: { [key: string]: Value },
  optionProps: { [key: string]: Value },
  containers: any[],
  inits: any[],
  volumes: any[],
  recognise: boolean,
  podName: string,
  namespace: string | undefined,
  before: InputObject[],
  configMaps: InputObject[],
): PodCandidate[] {
  const logVolume = volumes[0];
  if (!logVolume || !sameData(logVolume, { name: logVolume.name, emptyDir: {} }) || containers.length === 0) {
    return [];
  }
  const volume: string = logVolume.name;
  const app = containers[0];
  if (!mounts(app, volume)) {
    return [];
  }
  const mountPath: string = app.volumeMounts.find((m: any) => m.name === volume).mountPath;
  const out: PodCandidate[] = [];
  const forms: Array<{ native: boolean; side: any; others: any[]; inits: any[] }> = [];
  if (inits[0]?.restartPolicy === 'Always' && mounts(inits[0], volume)) {
    forms.push({ native: true, side: withoutKey(inits[0], 'restartPolicy'), others: containers.slice(1), inits: inits.slice(1) });
  }
  if (containers.length >= 2 && mounts(containers[1], volume)) {
    forms.push({ native: false, side: containers[1], others: containers.slice(2), inits });
  }
  for (const form of forms) {
    if (!readsLogs(volume, mountPath, form.side)) {
      continue;
    }
    const init = initParts(form.inits, recognise, podName, namespace, configMaps);
    const { volumes: vols, containers: mains } = withoutFiles(withoutVolumes(volumes.slice(1), init.volumes), [app], init.files);
    const side = withoutAddedMount(form.side, volume, mountPath);
    const fluentBit = recogniseFluentBit(withoutConfigMount(side), vols, mountPath, podName, before[before.length - 1 - init.covers.length]);
    const tail = tailShipper(side, mountPath);
    const shippers: Array<{ logShipper?: Value; logFileName?: string; sidecar?: any; volumes: any[]; covers?: InputObject[] }> = [];
    if (fluentBit) {
      shippers.push({
        logShipper: fluentBit.logShipper,
        logFileName: fluentBit.logFileName === 'app.log' ? undefined : fluentBit.logFileName,
        volumes: vols.filter((v) => v?.name !== 'fluent-bit-config'),
        covers: [fluentBit.configMap, ...init.covers],
      });
    }
    shippers.push(tail ? { ...tail, volumes: vols, covers: init.covers } : { sidecar: side, volumes: vols, covers: init.covers });
    for (const shipper of shippers) {
      const props: { [key: string]: Value } = {
        ...head,
        ...optionProps,
        ...filesProps(init.files),
        logVolumeName: volume === 'shared-logs' ? undefined : volume,
        logMountPath: mountPath === '/var/log/' ? undefined : mountPath,
        logFileName: shipper.logFileName,
        sidecarMode: form.native ? libRef('SidecarMode', 'NATIVE') : undefined,
        initContainers: nonEmpty(init.initContainers),
        initSteps: nonEmpty(init.initSteps),
        app: containerProps(withoutAddedMount(mains[0], volume, mountPath)),
        sidecar: shipper.sidecar ? containerProps(shipper.sidecar) : undefined,
        logShipper: shipper.logShipper,
        sidecars: nonEmpty([...init.sidecars, ...form.others.map((c) => sidecarCall(c, false))]),
        volumes: nonEmpty(shipper.volumes.map((v) => toProps('Volume', v, ValueStyle.PLAIN).value)),
      };
      out.push({ className: 'SidecarLoggedApp', props, covers: shipper.covers });
    }
  }
  return out;
}

function dedupe(candidates: PodCandidate[]): PodCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const key = `${c.className}:${JSON.stringify(c.props, (_k, v) => (v instanceof Ref || v instanceof Call ? JSON.stringify(v) : v))}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** `new <Pattern>(scope, id, props)`. */
export function podCall(candidate: PodCandidate, scope: Ref, id: string): Call {
  return new Call(candidate.className, [scope, id, candidate.props], [lib(candidate.className)], true);
}
