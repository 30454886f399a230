import type { k8s } from 'cdk8s-plus-28';
import type { DaemonSetUpdateStrategy, DeploymentStrategy, PersistentVolumeClaim, PodFailurePolicy, StatefulSetUpdateStrategy } from './k8s-types';
import { hasUncheckedNumber, toManifest, toManifestValue } from './k8s-values';
import { show } from './problems';
import { isCdk8sToken, namedThrow, readProps, tokenProblems } from './props';

/**
 * The kind of object a pod pattern is written as.
 */
export enum WorkloadKind {
  /** A bare `v1` Pod, as in the tutorial. */
  POD = 'Pod',
  /** An `apps/v1` Deployment: replicated, rolled out, replaced when they fail. */
  DEPLOYMENT = 'Deployment',
  /** An `apps/v1` StatefulSet: replicas with stable names and their own volumes. */
  STATEFUL_SET = 'StatefulSet',
  /** An `apps/v1` DaemonSet: one pod on every (selected) node. */
  DAEMON_SET = 'DaemonSet',
  /** A `batch/v1` Job: pods that run to completion. */
  JOB = 'Job',
  /** A `batch/v1` CronJob: a Job on a schedule. */
  CRON_JOB = 'CronJob',
}

/**
 * How a StatefulSet starts and stops its pods.
 */
export enum PodManagementPolicy {
  /** One at a time, in order, each ready before the next (the Kubernetes default). */
  ORDERED_READY = 'OrderedReady',
  /** All at once, without waiting. */
  PARALLEL = 'Parallel',
}

/**
 * What a CronJob does when a run is due while the previous one still runs.
 */
export enum ConcurrencyPolicy {
  /** Start it anyway: runs may overlap (the Kubernetes default). */
  ALLOW = 'Allow',
  /** Skip the new run. */
  FORBID = 'Forbid',
  /** Stop the running one and start the new run. */
  REPLACE = 'Replace',
}

/**
 * How a Job counts its completions.
 */
export enum CompletionMode {
  /** The Job is complete after `completions` successful pods, any of them (the Kubernetes default). */
  NON_INDEXED = 'NonIndexed',
  /** Each pod gets an index from 0 to `completions - 1`; the Job is complete when every index succeeded. */
  INDEXED = 'Indexed',
}

/**
 * When a Job creates a replacement pod.
 */
export enum PodReplacementPolicy {
  /** As soon as the old pod is terminating or failed (the Kubernetes default without a pod failure policy). */
  TERMINATING_OR_FAILED = 'TerminatingOrFailed',
  /** Only once the old pod has fully terminated. */
  FAILED = 'Failed',
}

/**
 * Deployment settings for `Workload.deployment()`.
 */
export interface DeploymentOptions {
  /**
   * Number of pods to run.
   *
   * @default - not set: Kubernetes runs 1 replica
   */
  readonly replicas?: number;

  /**
   * How old pods are replaced by new ones.
   *
   * @default - not set: Kubernetes uses RollingUpdate with 25% maxSurge and 25% maxUnavailable
   */
  readonly strategy?: DeploymentStrategy;

  /**
   * Seconds a new pod must be ready, without crashing, to count as available.
   *
   * @default - not set: Kubernetes uses 0
   */
  readonly minReadySeconds?: number;

  /**
   * Old ReplicaSets kept for rollback.
   *
   * @default - not set: Kubernetes keeps 10
   */
  readonly revisionHistoryLimit?: number;

  /**
   * Seconds a rollout may make no progress before it is reported failed.
   *
   * @default - not set: Kubernetes uses 600
   */
  readonly progressDeadlineSeconds?: number;

  /**
   * Whether the Deployment is paused (changes to its pod template start no rollout).
   *
   * @default - not set: Kubernetes uses false
   */
  readonly paused?: boolean;

  /**
   * The label selector of the pods, when it must differ from "all the pod labels" (it must
   * still match them).
   *
   * @default - `matchLabels` with every pod label
   */
  readonly selector?: k8s.LabelSelector;
}

/**
 * StatefulSet settings for `Workload.statefulSet()`.
 */
export interface StatefulSetOptions {
  /**
   * The headless Service that gives the pods their stable DNS names (`<pod>.<serviceName>`).
   * Create it with `ExposedService.headless()`.
   *
   * @default - not set
   */
  readonly serviceName?: string;

  /**
   * Number of pods to run.
   *
   * @default - not set: Kubernetes runs 1 replica
   */
  readonly replicas?: number;

  /**
   * Claims every pod gets its own PersistentVolumeClaim from (mount them by their name).
   *
   * @default - no claims
   */
  readonly volumeClaimTemplates?: PersistentVolumeClaim[];

  /**
   * Whether pods start and stop one by one or all at once.
   *
   * @default - not set: Kubernetes uses OrderedReady
   */
  readonly podManagementPolicy?: PodManagementPolicy;

  /**
   * How pods are replaced when the template changes.
   *
   * @default - not set: Kubernetes uses RollingUpdate
   */
  readonly updateStrategy?: StatefulSetUpdateStrategy;

  /**
   * Seconds a new pod must be ready, without crashing, to count as available.
   *
   * @default - not set: Kubernetes uses 0
   */
  readonly minReadySeconds?: number;

  /**
   * Old revisions kept.
   *
   * @default - not set: Kubernetes keeps 10
   */
  readonly revisionHistoryLimit?: number;

  /**
   * What happens to the claims when the StatefulSet is deleted or scaled down.
   *
   * @default - not set: Kubernetes retains them
   */
  readonly persistentVolumeClaimRetentionPolicy?: k8s.StatefulSetPersistentVolumeClaimRetentionPolicy;

  /**
   * The numbering of the pods (the first ordinal).
   *
   * @default - not set: the pods are numbered from 0
   */
  readonly ordinals?: k8s.StatefulSetOrdinals;

  /**
   * The label selector of the pods, when it must differ from "all the pod labels" (it must
   * still match them).
   *
   * @default - `matchLabels` with every pod label
   */
  readonly selector?: k8s.LabelSelector;
}

/**
 * DaemonSet settings for `Workload.daemonSet()`.
 */
export interface DaemonSetOptions {
  /**
   * How pods are replaced when the template changes.
   *
   * @default - not set: Kubernetes uses RollingUpdate with maxUnavailable 1
   */
  readonly updateStrategy?: DaemonSetUpdateStrategy;

  /**
   * Seconds a new pod must be ready, without crashing, to count as available.
   *
   * @default - not set: Kubernetes uses 0
   */
  readonly minReadySeconds?: number;

  /**
   * Old revisions kept.
   *
   * @default - not set: Kubernetes keeps 10
   */
  readonly revisionHistoryLimit?: number;

  /**
   * The label selector of the pods, when it must differ from "all the pod labels" (it must
   * still match them).
   *
   * @default - `matchLabels` with every pod label
   */
  readonly selector?: k8s.LabelSelector;
}

/**
 * Job settings for `Workload.job()` (and the jobs of `Workload.cronJob()`).
 *
 * The pods of a Job need `restartPolicy: 'OnFailure'` or `'Never'` (a pod prop).
 */
export interface JobOptions {
  /**
   * Retries before the Job is marked failed.
   *
   * @default - not set: Kubernetes uses 6
   */
  readonly backoffLimit?: number;

  /**
   * Successful pods needed to complete the Job.
   *
   * @default - not set: Kubernetes uses 1 (or `parallelism` when only that is set)
   */
  readonly completions?: number;

  /**
   * Pods running at the same time, at most.
   *
   * @default - not set: Kubernetes uses 1
   */
  readonly parallelism?: number;

  /**
   * Seconds the Job may run before it is stopped and marked failed.
   *
   * @default - not set: no limit
   */
  readonly activeDeadlineSeconds?: number;

  /**
   * Seconds after the Job finished before Kubernetes deletes it.
   *
   * @default - not set: the Job is kept
   */
  readonly ttlSecondsAfterFinished?: number;

  /**
   * How completions are counted.
   *
   * @default - not set: Kubernetes uses NonIndexed
   */
  readonly completionMode?: CompletionMode;

  /**
   * Whether the Job is created suspended (no pods until it is resumed).
   *
   * @default - not set: Kubernetes uses false
   */
  readonly suspend?: boolean;

  /**
   * Rules that fail the Job, or ignore a failure, by exit code or pod condition.
   *
   * @default - not set: every failure counts against backoffLimit
   */
  readonly podFailurePolicy?: PodFailurePolicy;

  /**
   * Retries per index (Indexed Jobs).
   *
   * @default - not set
   */
  readonly backoffLimitPerIndex?: number;

  /**
   * Failed indexes after which the Job fails (with `backoffLimitPerIndex`).
   *
   * @default - not set
   */
  readonly maxFailedIndexes?: number;

  /**
   * When a replacement pod is created.
   *
   * @default - not set: Kubernetes uses TerminatingOrFailed (Failed with a pod failure policy)
   */
  readonly podReplacementPolicy?: PodReplacementPolicy;

  /**
   * When an Indexed Job succeeds before all its indexes do (`successPolicy`, Kubernetes 1.31+,
   * on by default from 1.31; a 1.28 to 1.30 API server drops it).
   *
   * @default - not set: the Job succeeds when all its completions succeed
   */
  readonly successPolicy?: JobSuccessPolicy;

  /**
   * The controller that runs the Job (`managedBy`, Kubernetes 1.30+, on by default from 1.32; an
   * older API server drops it): `kubernetes.io/job-controller`, the built-in one, or the
   * domain-prefixed path of another (e.g. `kueue.x-k8s.io/multikueue`). It cannot be changed later.
   *
   * @default - not set: the built-in Job controller
   */
  readonly managedBy?: string;

  /**
   * Select the pods by your own `selector` instead of the one Kubernetes generates.
   *
   * @default - not set: Kubernetes generates a unique selector
   */
  readonly manualSelector?: boolean;

  /**
   * The pods' label selector, with `manualSelector: true`.
   *
   * @default - generated by Kubernetes
   */
  readonly selector?: k8s.LabelSelector;
}

/**
 * When an Indexed Job is declared succeeded (Kubernetes `SuccessPolicy` of batch/v1, 1.31+; not in
 * the 1.28 types of cdk8s-plus-28).
 */
export interface JobSuccessPolicy {
  /**
   * The rules, at most 20: the Job succeeds when any one is met.
   */
  readonly rules: JobSuccessPolicyRule[];
}

/**
 * One rule of a `JobSuccessPolicy`: give `succeededIndexes`, `succeededCount` or both.
 */
export interface JobSuccessPolicyRule {
  /**
   * The indexes that must succeed, as ascending numbers and ranges: `'0,2-4'`.
   *
   * @default - not set: any indexes (then `succeededCount` is required)
   */
  readonly succeededIndexes?: string;

  /**
   * How many indexes (of `succeededIndexes`, or of all) must succeed.
   *
   * @default - not set: all of `succeededIndexes`
   */
  readonly succeededCount?: number;
}

/**
 * CronJob settings for `Workload.cronJob()`.
 */
export interface CronJobOptions {
  /** When the Job runs, in cron syntax (`'*\/5 * * * *'`, `'@hourly'`). */
  readonly schedule: string;

  /**
   * The time zone of the schedule, a tz database name such as `Europe/Berlin`.
   *
   * @default - not set: the time zone of the kube-controller-manager
   */
  readonly timeZone?: string;

  /**
   * What happens when a run is due while the previous one still runs.
   *
   * @default - not set: Kubernetes uses Allow
   */
  readonly concurrencyPolicy?: ConcurrencyPolicy;

  /**
   * Seconds after the scheduled time within which a missed run may still start.
   *
   * @default - not set: no deadline
   */
  readonly startingDeadlineSeconds?: number;

  /**
   * Finished successful Jobs kept.
   *
   * @default - not set: Kubernetes keeps 3
   */
  readonly successfulJobsHistoryLimit?: number;

  /**
   * Finished failed Jobs kept.
   *
   * @default - not set: Kubernetes keeps 1
   */
  readonly failedJobsHistoryLimit?: number;

  /**
   * Whether runs are suspended.
   *
   * @default - not set: Kubernetes uses false
   */
  readonly suspend?: boolean;

  /**
   * The settings of each Job.
   *
   * @default - none
   */
  readonly job?: JobOptions;
}

/** The pod template and labels a workload is rendered around. */
interface PodTemplateParts {
  readonly podLabels: { [key: string]: string };
  readonly templateMetadata: Record<string, any> | undefined;
  readonly podSpec: Record<string, any>;
}

/**
 * The form a pod pattern is written in: a bare Pod (the tutorial's) or a controller that runs the
 * pattern's pod as its template.
 *
 * All share one implementation: the pod is the same, only the wrapper differs.
 */
export class Workload {
  /** A bare Pod, as in the tutorial. */
  public static pod(): Workload {
    // Plain JavaScript can pass the options of another workload here: they would be ignored.
    const given = arguments[0];
    namedThrow('Workload.pod()', () => {
      const isEmpty = given === undefined || given === null || (typeof given === 'object' && !Array.isArray(given) && Object.keys(given).length === 0);
      if (!isEmpty) {
        const fix = typeof given === 'object' && !Array.isArray(given) ? `; a Pod has no replicas or strategy: use Workload.deployment(${show(given)}) for those` : '';
        throw new Error(`Workload.pod(): takes no options, but was given ${show(given)}${fix}.`);
      }
    });
    return POD;
  }

  /**
   * A Deployment running the pattern's pod as its template. It selects its pods by their labels
   * (`podMetadata.labels`, else `metadata.labels`), so the pod needs at least one label.
   */
  public static deployment(options: DeploymentOptions = {}): Workload {
    options = readProps('Workload.deployment()', 'DeploymentOptions', options);
    return new Workload(WorkloadKind.DEPLOYMENT, 'apps/v1', {
      replicas: options.replicas,
      strategy: toManifest('DeploymentStrategy', options.strategy),
      minReadySeconds: options.minReadySeconds,
      revisionHistoryLimit: options.revisionHistoryLimit,
      progressDeadlineSeconds: options.progressDeadlineSeconds,
      paused: options.paused,
    }, toManifest('LabelSelector', options.selector));
  }

  /**
   * A StatefulSet running the pattern's pod as its template: stable pod names, one claim per
   * pod from `volumeClaimTemplates`. It selects its pods by their labels, so the pod needs at
   * least one label.
   */
  public static statefulSet(options: StatefulSetOptions = {}): Workload {
    options = readProps('Workload.statefulSet()', 'StatefulSetOptions', options);
    // Each claim template is read (its name, its spec) when the workload is built.
    const claimTokens = tokenProblems('Workload.statefulSet()', (options.volumeClaimTemplates ?? []).map((c: any) => (isCdk8sToken(c) ? c : undefined)), 'volumeClaimTemplates');
    if (claimTokens.length > 0) {
      throw new Error(`Workload.statefulSet(): ${claimTokens[0]}.`);
    }
    return new Workload(WorkloadKind.STATEFUL_SET, 'apps/v1', {
      serviceName: options.serviceName,
      replicas: options.replicas,
      volumeClaimTemplates: options.volumeClaimTemplates?.map((c) => persistentVolumeClaim(c)),
      podManagementPolicy: options.podManagementPolicy,
      updateStrategy: toManifest('StatefulSetUpdateStrategy', options.updateStrategy),
      minReadySeconds: options.minReadySeconds,
      revisionHistoryLimit: options.revisionHistoryLimit,
      persistentVolumeClaimRetentionPolicy: toManifest('StatefulSetPersistentVolumeClaimRetentionPolicy', options.persistentVolumeClaimRetentionPolicy),
      ordinals: toManifest('StatefulSetOrdinals', options.ordinals),
    }, toManifest('LabelSelector', options.selector));
  }

  /**
   * A DaemonSet running the pattern's pod on every (selected) node. It selects its pods by their
   * labels, so the pod needs at least one label.
   */
  public static daemonSet(options: DaemonSetOptions = {}): Workload {
    options = readProps('Workload.daemonSet()', 'DaemonSetOptions', options);
    return new Workload(WorkloadKind.DAEMON_SET, 'apps/v1', {
      updateStrategy: toManifest('DaemonSetUpdateStrategy', options.updateStrategy),
      minReadySeconds: options.minReadySeconds,
      revisionHistoryLimit: options.revisionHistoryLimit,
    }, toManifest('LabelSelector', options.selector));
  }

  /**
   * A Job running the pattern's pod to completion. No labels are needed: Kubernetes generates
   * the selector. Its pods need `restartPolicy: 'OnFailure'` or `'Never'`, and sidecars must be
   * native (`SidecarMode.NATIVE`), or the Job would never complete.
   */
  public static job(options: JobOptions = {}): Workload {
    options = readProps('Workload.job()', 'JobOptions', options);
    return new Workload(WorkloadKind.JOB, 'batch/v1', jobSpec(options), undefined);
  }

  /**
   * A CronJob running the pattern's pod as a Job on a schedule. Like `job()`: no labels needed,
   * `restartPolicy` OnFailure or Never, native sidecars only.
   */
  public static cronJob(options: CronJobOptions): Workload {
    const o: Partial<CronJobOptions> = readProps('Workload.cronJob()', 'CronJobOptions', options);
    return new Workload(WorkloadKind.CRON_JOB, 'batch/v1', {
      schedule: o.schedule,
      timeZone: o.timeZone,
      concurrencyPolicy: o.concurrencyPolicy,
      startingDeadlineSeconds: o.startingDeadlineSeconds,
      successfulJobsHistoryLimit: o.successfulJobsHistoryLimit,
      failedJobsHistoryLimit: o.failedJobsHistoryLimit,
      suspend: o.suspend,
    }, undefined, jobSpec(o.job ?? {}));
  }

  /** The kind of object written. */
  public readonly kind: WorkloadKind;

  /** The object's API version (`v1`, `apps/v1` or `batch/v1`). */
  public readonly apiVersion: string;

  /**
   * Whether every number of the options is a whole int32 (the props check knows numbers, not
   * their Kubernetes type): otherwise the decode step checks the object (int32, int64, whole).
   *
   * @internal
   */
  public readonly _numbersChecked: boolean;

  private readonly spec: Record<string, any>;
  private readonly selector?: Record<string, any>;
  private readonly jobTemplateSpec?: Record<string, any>;

  private constructor(
    kind: WorkloadKind,
    apiVersion: string,
    spec: Record<string, any>,
    selector?: Record<string, any>,
    jobTemplateSpec?: Record<string, any>,
  ) {
    this.kind = kind;
    this.apiVersion = apiVersion;
    this.spec = spec;
    this.selector = selector;
    this.jobTemplateSpec = jobTemplateSpec;
    this._numbersChecked = !hasUncheckedNumber(spec) && !hasUncheckedNumber(jobTemplateSpec);
  }

  /** Whether the pods of this workload must run to completion (Job, CronJob). */
  public get runsToCompletion(): boolean {
    return this.kind === WorkloadKind.JOB || this.kind === WorkloadKind.CRON_JOB;
  }

  /** Whether the object selects its pods by label (Deployment, StatefulSet, DaemonSet). */
  public get selectsByLabel(): boolean {
    return this.kind === WorkloadKind.DEPLOYMENT || this.kind === WorkloadKind.STATEFUL_SET || this.kind === WorkloadKind.DAEMON_SET;
  }

  /**
   * The object's spec around a pod template (for a Pod: the pod spec itself).
   * @internal
   */
  public _renderSpec(parts: PodTemplateParts): Record<string, any> {
    if (this.kind === WorkloadKind.POD) {
      return parts.podSpec;
    }
    const template = { metadata: parts.templateMetadata, spec: parts.podSpec };
    if (this.kind === WorkloadKind.CRON_JOB) {
      return { ...this.spec, jobTemplate: { spec: { ...this.jobTemplateSpec, template } } };
    }
    if (this.kind === WorkloadKind.JOB) {
      return { ...this.spec, template };
    }
    const hasLabels = Object.keys(parts.podLabels).length > 0;
    const selector = this.selector ?? (hasLabels ? { matchLabels: { ...parts.podLabels } } : undefined);
    return { ...this.spec, selector, template };
  }
}

const POD = new (Workload as any)(WorkloadKind.POD, 'v1', {}) as Workload;

function jobSpec(o: JobOptions): Record<string, any> {
  return {
    backoffLimit: o.backoffLimit,
    completions: o.completions,
    parallelism: o.parallelism,
    activeDeadlineSeconds: o.activeDeadlineSeconds,
    ttlSecondsAfterFinished: o.ttlSecondsAfterFinished,
    completionMode: o.completionMode,
    suspend: o.suspend,
    podFailurePolicy: toManifest('PodFailurePolicy', o.podFailurePolicy),
    backoffLimitPerIndex: o.backoffLimitPerIndex,
    maxFailedIndexes: o.maxFailedIndexes,
    podReplacementPolicy: o.podReplacementPolicy,
    successPolicy: toManifest('SuccessPolicy', o.successPolicy),
    managedBy: o.managedBy,
    manualSelector: o.manualSelector,
    selector: toManifest('LabelSelector', o.selector),
  };
}

/** A claim template: the L1 props of a PersistentVolumeClaim (metadata and spec). */
function persistentVolumeClaim(claim: PersistentVolumeClaim): Record<string, any> {
  const c: any = claim ?? {};
  // apiVersion, kind and status are fields of the Kubernetes type too (the API server stores them
  // in the template): what is declared is written.
  return {
    apiVersion: c.apiVersion,
    kind: c.kind,
    metadata: toManifestValue(c.metadata),
    spec: toManifest('PersistentVolumeClaimSpec', c.spec),
    status: toManifestValue(c.status),
  };
}

