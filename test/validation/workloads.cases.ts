import { RuleCase } from './cases';

const CONTAINERS = [{ name: 'c', image: 'busybox:1.36' }];
const LABELS = { app: 'web' };

/** A pod template with one busybox container, the given labels and extra pod spec fields. */
export function podTemplate(spec: any = {}, labels: any = LABELS): any {
  return { ...(labels === undefined ? {} : { metadata: { labels } }), spec: { containers: CONTAINERS, ...spec } };
}

/** A Deployment 'web' selecting app=web, with these spec fields on top. */
export function deployment(spec: any = {}, metadata: any = { name: 'web' }): any {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec: { selector: { matchLabels: LABELS }, template: podTemplate(), ...spec } };
}

/** A StatefulSet 'db' selecting app=web, with these spec fields on top. */
export function statefulSet(spec: any = {}, metadata: any = { name: 'db' }): any {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata, spec: { serviceName: 'db', selector: { matchLabels: LABELS }, template: podTemplate(), ...spec } };
}

/** A DaemonSet 'agent' selecting app=web, with these spec fields on top. */
export function daemonSet(spec: any = {}, metadata: any = { name: 'agent' }): any {
  return { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata, spec: { selector: { matchLabels: LABELS }, template: podTemplate(), ...spec } };
}

/** A Job 'migrate' without labels or selector (Kubernetes generates them), restartPolicy Never. */
export function job(spec: any = {}, metadata: any = { name: 'migrate' }): any {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: { template: podTemplate({ restartPolicy: 'Never' }, undefined), ...spec } };
}

/** A CronJob 'report' every five minutes, with these spec fields on top. */
export function cronJob(spec: any = {}, metadata: any = { name: 'report' }): any {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata,
    spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: podTemplate({ restartPolicy: 'OnFailure' }, undefined) } }, ...spec },
  };
}

/** A ReplicaSet 'frontend' selecting app=web, with these spec fields on top. */
export function replicaSet(spec: any = {}, metadata: any = { name: 'frontend' }): any {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata, spec: { selector: { matchLabels: LABELS }, template: podTemplate(), ...spec } };
}

const TEMPLATE_CONTRACT = 'the API server accepts it in the template, then rejects every Pod created from it; this library\'s contract';
const CRONJOB_CONTRACT = '(the API server accepts the CronJob, then rejects every Job it creates; this library\'s contract)';

/** A CronJob whose job template spec has these fields on top. */
function cronJobWithJob(jobSpec: any): any {
  return cronJob({ jobTemplate: { spec: { template: podTemplate({ restartPolicy: 'Never' }, undefined), ...jobSpec } } });
}

/** An Indexed Job with these spec fields on top. */
function indexedJob(spec: any): any {
  return job({ completionMode: 'Indexed', completions: 5, ...spec });
}

const CLAIM = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
const MOUNT_DATA = podTemplate({ containers: [{ ...CONTAINERS[0], volumeMounts: [{ name: 'data', mountPath: '/data' }] }] });
const CLAIM_CONTRACT = "(this library's contract: the StatefulSet controller creates a PersistentVolumeClaim from this template for every pod, and the API server would reject it)";

/** The rules of apps ValidateDeployment, ValidateStatefulSet and ValidateDaemonSet. */
export const APPS_CASES: RuleCase[] = [
  {
    go: 'ValidateDeployment',
    name: 'reports a template label of the wrong JSON type with the decoder\'s message only, not as a selector mismatch that quoting it removes (review 13 A6)',
    manifest: deployment({ selector: { matchLabels: { app: '1' } }, template: podTemplate({}, { app: 1 }) }),
    problems: ['spec.template.metadata.labels[app]: 1 is a number, but ObjectMeta.labels takes a string; write it as a string: "1" (the API server cannot decode it).'],
    offline128: false,
  },
  {
    go: 'DropDisabledFields',
    name: 'reports a volumeAttributesClassName of a StatefulSet claim template, which every claim it creates would lose (VolumeAttributesClass off in 1.32)',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, volumeAttributesClassName: 'gold' } }] }),
    problems: ['spec.volumeClaimTemplates[0].spec.volumeAttributesClassName: "gold" would vanish (this library\'s contract): VolumeAttributesClass is a feature gate off by default in Kubernetes 1.32, so the API server drops it from the PersistentVolumeClaim it creates from this template; remove it, or set the class on the claim once the gate is on.'],
    offline128: false,
  },
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: 'accepts ReadWriteOncePod repeated in a claim template, and next to an unsupported mode reports only that one (review 40 M1)',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, accessModes: ['ReadWriteOncePod', 'ReadWriteOncePod'] } }] }),
    problems: [],
  },
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: 'reports an unsupported mode next to ReadWriteOncePod in a claim template as unsupported only (review 40 M1)',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, accessModes: ['ReadWriteOncePod', 'Bogus'] } }] }),
    problems: [`spec.volumeClaimTemplates[0].spec.accessModes[1]: "Bogus" is not supported; use one of ReadOnlyMany, ReadWriteMany, ReadWriteOnce, ReadWriteOncePod ${CLAIM_CONTRACT}.`],
  },
  // Review 54 JJ2: the rest of ValidatePersistentVolumeClaimSpec, which every claim created from the template must pass.
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: 'reports a claim template\'s storageClassName that is no DNS subdomain, as the claims created from it would be refused',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, storageClassName: 'My_Class' } }] }),
    problems: ['spec.volumeClaimTemplates[0].spec.storageClassName: "My_Class" is not a valid StorageClass name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', '
      + `starting and ending with a letter or digit (e.g. 'example.com') ${CLAIM_CONTRACT}.`],
  },
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: 'reports a claim template\'s selector with an unknown operator and a data source without a name',
    manifest: statefulSet({
      template: MOUNT_DATA,
      volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, selector: { matchExpressions: [{ key: 'tier', operator: 'Bogus' }] }, dataSource: { kind: 'PersistentVolumeClaim' } } }],
    }),
    problems: [
      `spec.volumeClaimTemplates[0].spec.selector.matchExpressions[0].operator: "Bogus" is not a valid selector operator; use In, NotIn, Exists or DoesNotExist ${CLAIM_CONTRACT}.`,
      `spec.volumeClaimTemplates[0].spec.dataSource.name: is required; set the name of the data source ${CLAIM_CONTRACT}.`,
    ],
  },
  // Review 55 K1, K2: the claim created from the template goes through the PVC's PrepareForCreate first.
  {
    go: 'EnforceDataSourceBackwardsCompatibility',
    name: 'reports a claim template\'s VolumeSnapshot data source without its apiGroup as one that would vanish, as the claim\'s create drops it',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, dataSource: { kind: 'VolumeSnapshot', name: 'snap' } } }] }),
    problems: ['spec.volumeClaimTemplates[0].spec.dataSource: {"kind":"VolumeSnapshot","name":"snap"} would vanish (this library\'s contract): dataSource keeps only a PersistentVolumeClaim '
      + 'or a snapshot.storage.k8s.io VolumeSnapshot, so the API server drops it from the PersistentVolumeClaim it creates from this template; set apiGroup: snapshot.storage.k8s.io '
      + '(the volume would be provisioned empty).'],
  },
  {
    go: 'DropDisabledFields',
    name: 'reports a claim template\'s dataSourceRef in another namespace as one that would vanish, and no rule the dropped ref would have broken',
    manifest: statefulSet({
      template: MOUNT_DATA,
      volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, dataSource: { kind: 'PersistentVolumeClaim', name: 'a' }, dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'b', namespace: 'Bad_NS' } } }],
    }),
    problems: ['spec.volumeClaimTemplates[0].spec.dataSourceRef: {"kind":"PersistentVolumeClaim","name":"b","namespace":"Bad_NS"} would vanish (this library\'s contract): a data source in another '
      + 'namespace needs the CrossNamespaceVolumeDataSource feature gate, off by default in Kubernetes 1.32, so the API server drops it from the PersistentVolumeClaim it creates from this '
      + 'template; use a data source in the claim\'s own namespace (the volume would be cloned from dataSource instead).'],
  },
  {
    go: 'NormalizeDataSources',
    name: 'reports a claim template\'s dataSourceRef without a name once, not again for the dataSource the claim\'s create copies from it',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, dataSourceRef: { apiGroup: 'example.com', kind: 'Populator' } } }] }),
    problems: [`spec.volumeClaimTemplates[0].spec.dataSourceRef.name: is required; set the name of the data source ${CLAIM_CONTRACT}.`],
  },
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: 'accepts a claim template with a storage class, a selector and a snapshot as its data source',
    manifest: statefulSet({
      template: MOUNT_DATA,
      volumeClaimTemplates: [{
        ...CLAIM,
        spec: { ...CLAIM.spec, storageClassName: 'fast-ssd', selector: { matchLabels: { tier: 'db' } }, dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap' } },
      }],
    }),
    problems: [],
  },
  {
    go: 'ParseQuantity',
    name: 'rejects a StatefulSet claim template limit the decoder refuses (review 43 S1)',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, resources: { requests: { storage: '1Gi' }, limits: { storage: '1Gib' } } } }] }),
    problems: ['spec.volumeClaimTemplates[0].spec.resources.limits.storage: "1Gib" is not a valid quantity (the API server cannot decode it); write e.g. \'1Gi\', \'500m\' or 1.'],
    offline128: false,
  },
  {
    go: 'ValidateOwnerReferences',
    name: 'reports an owner reference of a claim template without a uid, which every claim it creates would carry (review 40 M2)',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, metadata: { name: 'data', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x' }] } }] }),
    problems: [`spec.volumeClaimTemplates[0].metadata.ownerReferences[0].uid: must not be empty; set the owner's uid (the API server gave it when the owner was created) ${CLAIM_CONTRACT}.`],
  },
  {
    go: 'ValidateRollingUpdateDaemonSet',
    name: 'reports a maxSurge the decoder refuses (1.5) with the decoder\'s message only, not as a maxSurge of 0 (review 40 M3)',
    manifest: daemonSet({ updateStrategy: { rollingUpdate: { maxSurge: 1.5, maxUnavailable: 0 } } }),
    problems: ['spec.updateStrategy.rollingUpdate.maxSurge: 1.5 is not a whole number; RollingUpdateDaemonSet.maxSurge is an int32: write a whole number.'],
    offline128: false,
  },
  {
    go: 'ValidateRollingUpdateDaemonSet',
    name: 'says that a null maxUnavailable is 1, as an unset one, when maxSurge is set too (review 41 N7)',
    manifest: daemonSet({ updateStrategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: null } } }),
    problems: ['spec.updateStrategy.rollingUpdate.maxSurge: 1 may not be set when maxUnavailable is non-zero (maxUnavailable is 1 unless set); set maxUnavailable: 0 to surge, or remove maxSurge.'],
    offline128: false,
  },
  {
    go: 'ValidateRollingUpdateDeployment',
    name: 'reports a maxSurge of the wrong JSON type with the decoder\'s message only, not as a maxSurge of 0 (review 40 M3)',
    manifest: deployment({ strategy: { rollingUpdate: { maxSurge: true, maxUnavailable: 0 } } }),
    problems: ['spec.strategy.rollingUpdate.maxSurge: true is a boolean, but RollingUpdateDeployment.maxSurge takes an int or a string (a number such as 1 or a percent such as "25%") (the API server cannot decode it).'],
    offline128: false,
  },
  // ---- Deployment ----------------------------------------------------------------------------
  { go: 'ValidateDeployment', name: 'accepts the smallest Deployment', manifest: deployment(), problems: [] },
  {
    go: 'SetDefaults_Deployment',
    name: 'accepts an empty strategy type (RollingUpdate with 25%/25%) and boundary values',
    manifest: deployment({ replicas: 0, minReadySeconds: 599, revisionHistoryLimit: 0, strategy: { type: '', rollingUpdate: { maxUnavailable: '100%', maxSurge: 0 } } }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateDeployment',
    name: 'keeps a pod template\'s negative grace period (only a Pod\'s is taken as 1), so a sleep hook of 1 s is too long',
    manifest: deployment({
      template: {
        metadata: { labels: LABELS },
        spec: { terminationGracePeriodSeconds: -5, containers: [{ name: 'web', image: 'nginx:1.27', lifecycle: { preStop: { sleep: { seconds: 1 } } } }] },
      },
    }),
    problems: ["spec.template.spec.containers[0].lifecycle.preStop.sleep.seconds: 1 must be greater than 0 and at most the pod's terminationGracePeriodSeconds (-5); the sleep hook is cut off when the grace period ends. (The sleep action needs Kubernetes 1.30 or later, 1.29 only with the alpha PodLifecycleSleepAction gate.)"],
  },
  {
    go: 'ValidateJob',
    name: 'takes null as unset, as the JSON decoder does: an Indexed Job with completions null gets completions and parallelism 1',
    manifest: job({ completionMode: 'Indexed', completions: null }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateJob',
    name: 'takes a null exit code as 0, as the JSON decoder does, which the In operator refuses',
    manifest: job({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [null] } }] } }),
    problems: ['spec.podFailurePolicy.rules[0].onExitCodes.values[0]: 0 may not be used with the In operator: exit code 0 is success. Remove it.'],
  },
  {
    go: 'ValidateDeployment',
    name: 'takes null strategy and policy fields of the controllers as unset and defaults them',
    manifest: deployment({ strategy: { type: null }, revisionHistoryLimit: null }),
    problems: [],
    offline128: false,
  },
  { go: 'ValidateDeploymentStrategy', name: 'accepts a Recreate Deployment', manifest: deployment({ strategy: { type: 'Recreate' } }), problems: [] },
  {
    go: 'ValidateDeploymentSpec',
    name: 'accepts a selector with expressions the template labels satisfy',
    manifest: deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api'] }, { key: 'tier', operator: 'DoesNotExist' }, { key: 'env', operator: 'NotIn', values: ['dev'] }] } }),
    problems: [],
  },
  {
    go: 'ValidateDeployment',
    name: 'rejects a Deployment name that is not a DNS-1123 subdomain',
    manifest: deployment({}, { name: 'Web' }),
    problems: ['metadata.name: "Web" is not valid as an object name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').'],
  },
  {
    go: 'ValidateDeploymentSpec',
    name: 'rejects a Deployment with an empty selector, naming the pod labels it could select by (review 66 F2)',
    manifest: deployment({ selector: {} }),
    problems: ['spec.selector: {} is empty, and a Deployment may not select every pod; give it matchLabels (or matchExpressions) that the pod template\'s labels {"app":"web"} match, or, built with Workload.deployment(), leave out its selector option to select by every pod label.'],
  },
  {
    go: 'ValidateDeploymentSpec',
    name: 'rejects a Deployment without a selector or pod labels',
    manifest: deployment({ selector: {}, template: { metadata: {}, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } } }),
    problems: ["spec.selector: a Deployment selects its pods by label and none are declared; set selector.matchLabels and the same labels on the pod template (PlainPod, InitPod and SidecarLoggedApp built with Workload.deployment(), statefulSet() or daemonSet() write their metadata.labels, e.g. { app: 'web' }, into both)."],
  },
  {
    go: 'ValidateDeploymentSpec',
    name: 'rejects a selector the template labels do not match',
    manifest: deployment({ selector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] } }),
    problems: [
      "spec.template.metadata.labels: selector app=api does not match the template labels; the selector must match the pod template's labels.",
      "spec.template.metadata.labels: selector tier Exists does not match the template labels; the selector must match the pod template's labels.",
    ],
  },
  {
    go: 'ValidateLabelSelector',
    name: 'rejects selector requirements the API server cannot read',
    manifest: deployment({ selector: { matchExpressions: [{ key: 'app', operator: 'In' }, { key: 'app', operator: 'Exists', values: ['web'] }, { key: 'app', operator: 'Equals', values: ['web'] }, { key: '-app', operator: 'NotIn', values: ['a b'] }] } }),
    problems: [
      'spec.selector.matchExpressions[0].values: must be specified when operator is In; list at least one value.',
      'spec.selector.matchExpressions[1].values: may not be specified when operator is Exists; remove them.',
      'spec.selector.matchExpressions[2].operator: "Equals" is not a valid selector operator; use In, NotIn, Exists or DoesNotExist.',
      'spec.selector.matchExpressions[3].key: "-app" is not a valid label key: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').',
      'spec.selector.matchExpressions[3].values[0]: "a b" is not a valid label value: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric.',
    ],
  },
  {
    go: 'ValidateDeploymentSpec',
    name: 'rejects negative replicas, minReadySeconds and revisionHistoryLimit',
    manifest: deployment({ replicas: -1, minReadySeconds: -1, revisionHistoryLimit: -1 }),
    problems: [
      'spec.replicas: -1 must be a non-negative integer.',
      'spec.minReadySeconds: -1 must be a non-negative integer.',
      'spec.revisionHistoryLimit: -1 must be a non-negative integer.',
    ],
  },
  {
    go: 'ValidateDeploymentSpec',
    name: 'rejects progressDeadlineSeconds 0 even without minReadySeconds (0 by default)',
    manifest: deployment({ progressDeadlineSeconds: 0 }),
    problems: ['spec.progressDeadlineSeconds: 0 must be greater than minReadySeconds 0; raise progressDeadlineSeconds or lower minReadySeconds.'],
  },
  {
    go: 'ValidateDeploymentSpec',
    name: 'rejects minReadySeconds that reaches the default progressDeadlineSeconds 600',
    manifest: deployment({ minReadySeconds: 600 }),
    problems: ['spec.progressDeadlineSeconds: 600 (the default, as progressDeadlineSeconds is unset) must be greater than minReadySeconds 600; raise progressDeadlineSeconds or lower minReadySeconds.'],
  },
  {
    go: 'ValidateDeploymentSpec',
    name: 'reports only the decoder\'s problem for a minReadySeconds outside int32, not the comparison with progressDeadlineSeconds the API server never reaches (review 53 H3)',
    manifest: deployment({ minReadySeconds: 2147483648 }),
    problems: ['spec.minReadySeconds: 2147483648 is out of range: DeploymentSpec.minReadySeconds is an int32 (-2147483648 to 2147483647); write a number in that range.'],
  },
  {
    go: 'ValidatePodTemplateSpecForReplicaSet',
    name: 'rejects restartPolicy Never and activeDeadlineSeconds in a Deployment template',
    manifest: deployment({ template: podTemplate({ restartPolicy: 'Never', activeDeadlineSeconds: 10 }) }),
    problems: [
      'spec.template.spec.restartPolicy: "Never" is not supported in a Deployment; the only allowed value is Always (omit it). Use a bare Pod for run-once work.',
      'spec.template.spec.activeDeadlineSeconds: 10 is not supported in a Deployment; remove it.',
    ],
  },
  {
    go: 'ValidatePodTemplateSpecForReplicaSet',
    name: 'checks the pod template with the pod rules',
    manifest: deployment({ template: podTemplate({ containers: [] }) }),
    problems: ['spec.template.spec.containers: a pod needs at least one main container; add one.'],
  },
  {
    go: 'ValidateDeploymentStrategy',
    name: 'rejects rollingUpdate on a Recreate strategy',
    manifest: deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
    problems: ["spec.strategy.rollingUpdate: may not be specified when strategy type is 'Recreate'; remove it."],
  },
  {
    go: 'ValidateDeploymentStrategy',
    name: 'rejects an unknown strategy type',
    manifest: deployment({ strategy: { type: 'BlueGreen' } }),
    problems: ['spec.strategy.type: "BlueGreen" is not supported; use Recreate or RollingUpdate.'],
  },
  {
    go: 'ValidateRollingUpdateDeployment',
    name: 'rejects a bad percent and more than 100% unavailable',
    manifest: deployment({ strategy: { rollingUpdate: { maxUnavailable: '101%', maxSurge: '5' } } }),
    problems: [
      'spec.strategy.rollingUpdate.maxUnavailable: "101%" must not be greater than 100%.',
      'spec.strategy.rollingUpdate.maxSurge: "5" is not a valid percent; write a number followed by \'%\' (e.g. \'25%\') or an integer.',
    ],
  },
  {
    go: 'ValidateRollingUpdateDeployment',
    name: 'rejects a negative maxSurge',
    manifest: deployment({ strategy: { rollingUpdate: { maxSurge: -1 } } }),
    problems: ['spec.strategy.rollingUpdate.maxSurge: -1 must be a non-negative integer or a percent.'],
  },
  {
    go: 'ValidateRollingUpdateDeployment',
    name: 'rejects maxUnavailable 0 with maxSurge 0% (the rollout could not progress)',
    manifest: deployment({ strategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: '0%' } } }),
    problems: ['spec.strategy.rollingUpdate.maxUnavailable: may not be 0 when maxSurge is 0: the rollout could never make progress. Allow one of them to be above 0.'],
  },

  // ---- StatefulSet ---------------------------------------------------------------------------
  { go: 'ValidateStatefulSet', name: 'accepts the smallest StatefulSet', manifest: statefulSet(), problems: [] },
  {
    go: 'SetDefaults_StatefulSet',
    name: 'accepts empty policies (OrderedReady, RollingUpdate, Retain) and boundary values',
    manifest: statefulSet({ podManagementPolicy: '', updateStrategy: { type: '' }, persistentVolumeClaimRetentionPolicy: { whenDeleted: '', whenScaled: 'Delete' }, replicas: 0, minReadySeconds: 0, ordinals: { start: 0 } }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateStatefulSetSpec',
    name: 'accepts a claim template mounted by the containers (the controller adds its volume)',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [CLAIM], podManagementPolicy: 'Parallel', updateStrategy: { type: 'OnDelete' } }),
    problems: [],
  },
  {
    go: 'ValidateStatefulSetSpec',
    name: 'accepts a StatefulSet without serviceName (Kubernetes 1.32 does not check it)',
    manifest: statefulSet({ serviceName: undefined }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateStatefulSet',
    name: 'rejects a StatefulSet name that is not a DNS-1123 label',
    manifest: statefulSet({}, { name: 'db.primary' }),
    problems: ['metadata.name: "db.primary" is not valid as a StatefulSet name (a DNS-1123 label: it starts the hostname of every pod): it must not contain dots (it is a DNS-1123 label, not a subdomain; e.g. \'my-name\').'],
  },
  {
    go: 'initIdentity',
    name: "rejects a name over 52 characters and a serviceName that cannot be the pods' subdomain (this library's contract)",
    manifest: statefulSet({ serviceName: 'db.headless' }, { name: 'd'.repeat(53) }),
    problems: [
      `metadata.name: "${'d'.repeat(53)}" has 53 characters; a StatefulSet name may have at most 52 (this library's contract: the API server accepts the StatefulSet but would reject every pod the controller creates for it: its controller-revision-hash label is the name plus 11 characters, and a label value has at most 63). Use a shorter name.`,
      'spec.serviceName: "db.headless" is not a valid Service name for the pods\' subdomain: it must not contain dots (it is a DNS-1123 label, not a subdomain; e.g. \'my-name\') (this library\'s contract: the API server accepts the StatefulSet but would reject every pod the controller creates for it). Name the headless Service with a DNS-1123 label.',
    ],
  },
  { go: 'initIdentity', name: 'accepts a 52-character StatefulSet name', manifest: statefulSet({}, { name: 'd'.repeat(52) }), problems: [] },
  {
    go: 'ValidateStatefulSetSpec',
    name: 'rejects unknown policies and strategy types',
    manifest: statefulSet({ podManagementPolicy: 'Ordered', updateStrategy: { type: 'Rolling' }, persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep', whenScaled: 'Delete' } }),
    problems: [
      'spec.podManagementPolicy: "Ordered" is not supported; use OrderedReady or Parallel.',
      'spec.updateStrategy.type: "Rolling" is not supported; use RollingUpdate or OnDelete.',
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: "Keep" is not supported; use Retain or Delete.',
    ],
  },
  {
    go: 'ValidateStatefulSetSpec',
    name: 'rejects rollingUpdate with the OnDelete strategy',
    manifest: statefulSet({ updateStrategy: { type: 'OnDelete', rollingUpdate: { partition: 1 } } }),
    problems: ["spec.updateStrategy.rollingUpdate: is only allowed when updateStrategy type is 'RollingUpdate'; remove it (OnDelete replaces pods only when you delete them)."],
  },
  {
    go: 'validateRollingUpdateStatefulSet',
    name: 'rejects a negative partition',
    manifest: statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: -1 } } }),
    problems: ['spec.updateStrategy.rollingUpdate.partition: -1 must be a non-negative integer.'],
  },
  {
    go: 'dropStatefulSetDisabledFields',
    name: 'rejects maxUnavailable: the API server drops it (MaxUnavailableStatefulSet is off in 1.32)',
    manifest: statefulSet({ updateStrategy: { rollingUpdate: { maxUnavailable: 2 } } }),
    problems: ['spec.updateStrategy.rollingUpdate.maxUnavailable: 2 belongs to the MaxUnavailableStatefulSet feature gate, which is off by default in Kubernetes 1.32: the API server drops it on create and the line would vanish (this library\'s contract; pods are updated one at a time). Remove it.'],
  },
  {
    go: 'ValidateStatefulSetSpec',
    name: 'rejects negative replicas, minReadySeconds and ordinals.start',
    manifest: statefulSet({ replicas: -1, minReadySeconds: -5, ordinals: { start: -1 } }),
    problems: [
      'spec.replicas: -1 must be a non-negative integer.',
      'spec.minReadySeconds: -5 must be a non-negative integer.',
      'spec.ordinals.start: -1 must be a non-negative integer.',
    ],
  },
  {
    go: 'ValidateStatefulSetSpec',
    name: 'rejects a StatefulSet without selector',
    manifest: statefulSet({ selector: undefined }),
    problems: ["spec.selector: a StatefulSet selects its pods by label and none are declared; set selector.matchLabels and the same labels on the pod template (e.g. { app: 'db' })."],
  },
  {
    go: 'ValidatePodTemplateSpecForStatefulSet',
    name: 'rejects a selector the template labels do not match',
    manifest: statefulSet({ selector: { matchLabels: { app: 'db' } } }),
    problems: ["spec.template.metadata.labels: selector app=db does not match the template labels; the selector must match the pod template's labels (a StatefulSet only owns the pods its selector matches)."],
  },
  {
    go: 'newStatefulSetPod',
    name: 'accepts a template hostname and subdomain that are no DNS labels: the controller overwrites both with the pod name and serviceName',
    manifest: statefulSet({ template: podTemplate({ hostname: 'Db_0', subdomain: 'db_headless' }) }),
    problems: [],
  },
  {
    go: 'newStatefulSetPod',
    name: 'accepts a negative grace period with a preStop sleep of 1 s: each Pod\'s conversion takes the grace period as 1',
    manifest: statefulSet({ template: podTemplate({ terminationGracePeriodSeconds: -1, containers: [{ name: 'c', image: 'busybox:1.36', lifecycle: { preStop: { sleep: { seconds: 1 } } } }] }) }),
    problems: [],
    offline128: false, // lifecycle sleep is a field of 1.29
  },
  {
    go: 'newStatefulSetPod',
    name: 'rejects a preStop sleep of 2 s with a negative grace period, showing the period as written and as the pods take it',
    manifest: statefulSet({ template: podTemplate({ terminationGracePeriodSeconds: -5, containers: [{ name: 'c', image: 'busybox:1.36', lifecycle: { preStop: { sleep: { seconds: 2 } } } }] }) }),
    problems: ["spec.template.spec.containers[0].lifecycle.preStop.sleep.seconds: 2 must be greater than 0 and at most the pod's terminationGracePeriodSeconds (1: the StatefulSet's pods take the written -5 as 1); the sleep hook is cut off when the grace period ends. (The sleep action needs Kubernetes 1.30 or later, 1.29 only with the alpha PodLifecycleSleepAction gate.)"],
    offline128: false, // lifecycle sleep is a field of 1.29
  },
  {
    go: 'newStatefulSetPod',
    name: 'accepts two claim templates of one name: the controller keys the claims by name and mounts one volume',
    manifest: statefulSet({
      template: podTemplate({ containers: [{ name: 'c', image: 'busybox:1.36', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }),
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }, { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    }),
    problems: [],
  },
  {
    go: 'newStatefulSetPod',
    name: 'accepts a container AppArmor annotation that differs from the pod-level profile: the Pod create copies it into the container first',
    manifest: statefulSet({
      template: {
        metadata: { labels: { app: 'web' }, annotations: { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' } },
        spec: { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'c', image: 'busybox:1.36' }] },
      },
    }),
    problems: [],
    offline128: false, // appArmorProfile is a field of 1.30
  },
  {
    go: 'ValidateStatefulSetSpec',
    name: 'rejects restartPolicy OnFailure and activeDeadlineSeconds in the template',
    manifest: statefulSet({ template: podTemplate({ restartPolicy: 'OnFailure', activeDeadlineSeconds: 5 }) }),
    problems: [
      'spec.template.spec.restartPolicy: "OnFailure" is not supported in a StatefulSet; the only allowed value is Always (omit it).',
      'spec.template.spec.activeDeadlineSeconds: 5 is not supported in a StatefulSet; remove it.',
    ],
  },
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: "rejects claim templates the API server would reject as claims (this library's contract)",
    manifest: statefulSet({
      volumeClaimTemplates: [
        { metadata: {}, spec: { resources: { requests: {} } } },
        { metadata: { name: 'logs' }, spec: { accessModes: ['ReadWriteOncePod', 'ReadWriteMany', 'WriteOnce'], resources: { requests: { storage: '0' } }, volumeMode: 'Raw' } },
      ],
    }),
    problems: [
      `spec.volumeClaimTemplates[0].metadata.name: is required ${CLAIM_CONTRACT}; name the claim and mount it by that name (e.g. 'data').`,
      `spec.volumeClaimTemplates[0].spec.accessModes: at least 1 access mode is required; add one (e.g. ReadWriteOnce) ${CLAIM_CONTRACT}.`,
      `spec.volumeClaimTemplates[0].spec.resources.requests.storage: is required; set the size of the volume (e.g. '1Gi') ${CLAIM_CONTRACT}.`,
      `spec.volumeClaimTemplates[1].spec.accessModes[2]: "WriteOnce" is not supported; use one of ReadOnlyMany, ReadWriteMany, ReadWriteOnce, ReadWriteOncePod ${CLAIM_CONTRACT}.`,
      `spec.volumeClaimTemplates[1].spec.accessModes: ReadWriteOncePod cannot be combined with other access modes; keep it alone ${CLAIM_CONTRACT}.`,
      `spec.volumeClaimTemplates[1].spec.resources.requests.storage: "0" must be greater than zero; set the size of the volume (e.g. '1Gi') ${CLAIM_CONTRACT}.`,
      `spec.volumeClaimTemplates[1].spec.volumeMode: "Raw" is not supported; use Filesystem or Block ${CLAIM_CONTRACT}.`,
    ],
  },

  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: "rejects a storage request that is not a quantity (this library's contract)",
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, spec: { ...CLAIM.spec, resources: { requests: { storage: '1 GB' } } } }] }),
    problems: ['spec.volumeClaimTemplates[0].spec.resources.requests.storage: "1 GB" is not a valid quantity (the API server cannot decode it); write a size such as \'1Gi\'.'],
  },

  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: "rejects a claim template name that cannot name the pods' volume, at the claim template (this library's contract)",
    manifest: statefulSet({
      template: podTemplate({ containers: [{ name: 'c', image: 'busybox:1.36', volumeMounts: [{ name: 'Data', mountPath: '/data' }] }] }),
      volumeClaimTemplates: [{ ...CLAIM, metadata: { name: 'Data' } }],
    }),
    problems: [
      'spec.volumeClaimTemplates[0].metadata.name: "Data" is not valid as the name of the pods\' volume for this claim: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\') (this library\'s contract: the StatefulSet controller adds a volume of this name to every pod, and the API server would reject the pods); rename the claim and its mounts.',
    ],
  },
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: "rejects claim template labels and annotations that the claims' metadata cannot carry (this library's contract)",
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, metadata: { name: 'data', labels: { 'bad key!': 'x' }, annotations: { 'x/y/z': '1' } } }] }),
    problems: [
      `spec.volumeClaimTemplates[0].metadata.labels: label key "bad key!" is invalid: it must have a name part of alphanumerics, '-', '_' or '.' that starts and ends with an alphanumeric (e.g. 'MyName', 'my.name' or 'example.com/MyName') ${CLAIM_CONTRACT}.`,
      `spec.volumeClaimTemplates[0].metadata.annotations: annotation key "x/y/z" is invalid: it must be a qualified name: an optional DNS subdomain prefix and '/', then a name (e.g. 'example.com/my-key') ${CLAIM_CONTRACT}.`,
    ],
  },
  {
    go: 'time.Parse',
    name: 'accepts template timestamps that Go\'s time.Parse reads as RFC 3339: a fraction after a comma, a one-digit hour, an offset of +24:00',
    manifest: deployment({ template: { ...podTemplate(), metadata: { labels: { app: 'web' }, creationTimestamp: '2024-01-31T9:00:00,5+24:00' } } }),
    problems: [],
    offline128: false, // the offline schema's date format is stricter than Go's
  },
  {
    go: 'time.Parse',
    name: 'rejects template timestamps that Go\'s time.Parse cannot read: a lower-case z, month 13, February 30, hour 24, offset +25:00',
    manifest: statefulSet({
      template: { ...podTemplate(), metadata: { labels: { app: 'web' }, creationTimestamp: '2024-01-31T12:00:00z' } },
      volumeClaimTemplates: ['2024-13-01T00:00:00Z', '2023-02-29T00:00:00Z', '2024-01-31T24:00:00Z', '2024-01-31T12:00:00+25:00'].map((t, i) => ({
        metadata: { name: `d${i}`, creationTimestamp: t }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      })),
    }),
    problems: [
      'spec.template.metadata.creationTimestamp: "2024-01-31T12:00:00z" is not an RFC 3339 date; write e.g. "2024-01-31T12:00:00Z".',
      'spec.volumeClaimTemplates[0].metadata.creationTimestamp: "2024-13-01T00:00:00Z" is not an RFC 3339 date; write e.g. "2024-01-31T12:00:00Z".',
      'spec.volumeClaimTemplates[1].metadata.creationTimestamp: "2023-02-29T00:00:00Z" is not an RFC 3339 date; write e.g. "2024-01-31T12:00:00Z".',
      'spec.volumeClaimTemplates[2].metadata.creationTimestamp: "2024-01-31T24:00:00Z" is not an RFC 3339 date; write e.g. "2024-01-31T12:00:00Z".',
      'spec.volumeClaimTemplates[3].metadata.creationTimestamp: "2024-01-31T12:00:00+25:00" is not an RFC 3339 date; write e.g. "2024-01-31T12:00:00Z".',
    ],
  },
  // ---- DaemonSet -----------------------------------------------------------------------------
  {
    go: 'Convert_v1_Deployment_To_apps_Deployment',
    name: 'accepts a rollback annotation that is an int64 of at least 0 (the conversion reads it as spec.rollbackTo)',
    manifest: deployment({}, { name: 'web', annotations: { 'deprecated.deployment.rollback.to': '+5' } }),
    problems: [],
  },
  ...([['deployment', 'deprecated.deployment.rollback.to'], ['daemonSet', 'deprecated.daemonset.template.generation']] as const).map(([kind, key]): RuleCase => ({
    go: kind === 'deployment' ? 'Convert_v1_Deployment_To_apps_Deployment' : 'Convert_v1_DaemonSet_To_apps_DaemonSet',
    name: `leaves ${key}, which the conversion moves into the spec, out of the annotation size (review 67 G1)`,
    // 262144 bytes of annotations without it: at the limit.
    manifest: (kind === 'deployment' ? deployment : daemonSet)({}, { name: 'web', annotations: { big: 'x'.repeat(262144 - 3), [key]: '1' } }),
    problems: [],
  })),
  {
    go: 'Convert_v1_Deployment_To_apps_Deployment',
    name: 'accepts an empty rollback annotation, which the conversion skips',
    manifest: deployment({}, { name: 'web', annotations: { 'deprecated.deployment.rollback.to': '' } }),
    problems: [],
  },
  {
    go: 'Convert_v1_Deployment_To_apps_Deployment',
    name: 'rejects a rollback annotation that is not an int64: the decode fails',
    manifest: deployment({}, { name: 'web', annotations: { 'deprecated.deployment.rollback.to': ' 5' } }),
    problems: ['metadata.annotations.deprecated.deployment.rollback.to: " 5" is not a whole number (int64), and the API server reads this annotation as the revision to roll back to, so it rejects the Deployment; remove the annotation (apps/v1 Deployments do not roll back through it: use kubectl rollout undo).'],
  },
  {
    go: 'ValidateRollback',
    name: 'rejects a negative rollback annotation, which the conversion reads as spec.rollbackTo',
    manifest: deployment({}, { name: 'web', annotations: { 'deprecated.deployment.rollback.to': '-1' } }),
    problems: ['metadata.annotations.deprecated.deployment.rollback.to: "-1" is read by the API server as the revision to roll back to (spec.rollbackTo.revision), which must be at least 0; remove the annotation (use kubectl rollout undo).'],
  },
  { go: 'ValidateDaemonSet', name: 'accepts the smallest DaemonSet', manifest: daemonSet(), problems: [] },
  {
    go: 'Convert_v1_DaemonSet_To_apps_DaemonSet',
    name: 'accepts a negative template generation annotation: it is an int64, and PrepareForCreate sets 1',
    manifest: daemonSet({}, { name: 'agent', annotations: { 'deprecated.daemonset.template.generation': '-3' } }),
    problems: [],
  },
  {
    go: 'Convert_v1_DaemonSet_To_apps_DaemonSet',
    name: 'rejects an empty template generation annotation: the conversion reads it whenever it is present, and the decode fails',
    manifest: daemonSet({}, { name: 'agent', annotations: { 'deprecated.daemonset.template.generation': '' } }),
    problems: ['metadata.annotations.deprecated.daemonset.template.generation: "" is not a whole number (int64), and the API server reads this annotation as the template generation, so it rejects the DaemonSet; remove it (the API server sets the generation on create).'],
  },
  {
    go: 'SetDefaults_DaemonSet',
    name: 'accepts a surge with maxUnavailable 0',
    manifest: daemonSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '10%' } }, minReadySeconds: 0, revisionHistoryLimit: 0 }),
    problems: [],
  },
  { go: 'ValidateDaemonSetUpdateStrategy', name: 'accepts the OnDelete strategy', manifest: daemonSet({ updateStrategy: { type: 'OnDelete' } }), problems: [] },
  {
    go: 'ValidateDaemonSetSpec',
    name: 'rejects a DaemonSet without selector',
    manifest: daemonSet({ selector: undefined }),
    problems: ["spec.selector: a DaemonSet selects its pods by label and none are declared; set selector.matchLabels and the same labels on the pod template (e.g. { app: 'agent' })."],
  },
  {
    go: 'ValidateDaemonSetSpec',
    name: 'rejects a template that does not match, restartPolicy Never, activeDeadlineSeconds and negative numbers',
    manifest: daemonSet({ template: podTemplate({ restartPolicy: 'Never', activeDeadlineSeconds: 1 }, { app: 'agent' }), minReadySeconds: -1, revisionHistoryLimit: -1 }),
    problems: [
      "spec.template.metadata.labels: selector app=web does not match the template labels; the selector must match the pod template's labels (a DaemonSet only owns the pods its selector matches).",
      'spec.template.spec.restartPolicy: "Never" is not supported in a DaemonSet; the only allowed value is Always (omit it).',
      'spec.template.spec.activeDeadlineSeconds: 1 is not supported in a DaemonSet; remove it.',
      'spec.minReadySeconds: -1 must be a non-negative integer.',
      'spec.revisionHistoryLimit: -1 must be a non-negative integer.',
    ],
  },
  {
    go: 'ValidateDaemonSetUpdateStrategy',
    name: 'rejects an unknown update strategy type',
    manifest: daemonSet({ updateStrategy: { type: 'Recreate' } }),
    problems: ['spec.updateStrategy.type: "Recreate" is not supported; use RollingUpdate or OnDelete.'],
  },
  {
    go: 'ValidateRollingUpdateDaemonSet',
    name: 'rejects maxSurge while maxUnavailable is 1 by default',
    manifest: daemonSet({ updateStrategy: { rollingUpdate: { maxSurge: 1 } } }),
    problems: ['spec.updateStrategy.rollingUpdate.maxSurge: 1 may not be set when maxUnavailable is non-zero (maxUnavailable is 1 unless set); set maxUnavailable: 0 to surge, or remove maxSurge.'],
  },
  {
    go: 'ValidateRollingUpdateDaemonSet',
    name: 'rejects a percent over 100%',
    manifest: daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailable: '0%', maxSurge: '200%' } } }),
    problems: ['spec.updateStrategy.rollingUpdate.maxSurge: "200%" must not be greater than 100%.'],
  },
  {
    go: 'ValidateRollingUpdateDaemonSet',
    name: 'rejects maxUnavailable 0 with maxSurge 0',
    manifest: daemonSet({ updateStrategy: { rollingUpdate: { maxUnavailable: 0 } } }),
    problems: ['spec.updateStrategy.rollingUpdate.maxUnavailable: may not be 0 when maxSurge is 0: the rollout could never make progress. Allow one of them to be above 0.'],
  },
  {
    go: 'PrepareForCreate',
    name: 'reports a metadata.generation other than 1 on a Deployment as one that would vanish (its create strategy sets it to 1 before validation; review 29 B3)',
    manifest: deployment({}, { name: 'web', generation: -1 }),
    problems: ['metadata.generation: -1 would vanish (this library\'s contract): the API server sets a Deployment\'s generation to 1 on create; remove it.'],
  },
  {
    go: 'PrepareForCreate',
    name: 'reports metadata.generation 5 on a Job and a CronJob as one that would vanish',
    manifest: job({}, { name: 'migrate', generation: 5 }),
    problems: ['metadata.generation: 5 would vanish (this library\'s contract): the API server sets a Job\'s generation to 1 on create; remove it.'],
  },
  { go: 'PrepareForCreate', name: 'accepts metadata.generation 1 on a StatefulSet, which create keeps', manifest: statefulSet({}, { name: 'db', generation: 1 }), problems: [] },
  { go: 'PrepareForCreate', name: 'reports a negative metadata.generation on a StatefulSet as one that would vanish, not as negative', manifest: statefulSet({}, { name: 'db', generation: -1 }), problems: ['metadata.generation: -1 would vanish (this library\'s contract): the API server sets a StatefulSet\'s generation to 1 on create; remove it.'] },
  { go: 'PrepareForCreate', name: 'reports a negative metadata.generation on a DaemonSet as one that would vanish, not as negative', manifest: daemonSet({}, { name: 'agent', generation: -1 }), problems: ['metadata.generation: -1 would vanish (this library\'s contract): the API server sets a DaemonSet\'s generation to 1 on create; remove it.'] },
  {
    go: 'PrepareForCreate',
    name: 'rejects the status of a Deployment, which the API server resets on create',
    manifest: { ...deployment(), status: { replicas: 3 } },
    problems: ['status: {"replicas":3} would vanish (this library\'s contract): the API server resets a Deployment\'s status on create; remove it.'],
  },
  { go: 'PrepareForCreate', name: 'rejects a misspelt status field of a Job, even with a null value (strict decoding)', manifest: { ...job(), status: { succeded: null, active: null } }, problems: ['status.succeded: is not a field of JobStatus; did you mean succeeded?'] },
  { go: 'PrepareForCreate', name: 'rejects a status that is not an object', manifest: { ...statefulSet(), status: 'Ready' }, problems: ['status: "Ready" is a string, but StatefulSet.status takes an object (StatefulSetStatus) (the API server cannot decode it).'] },
  // The OpenAPI schema marks four DaemonSetStatus fields required, which the API server's decoder does not check.
  { go: 'PrepareForCreate', name: 'accepts an empty status on a DaemonSet', manifest: { ...daemonSet(), status: {} }, problems: [], offline128: false },
  { go: 'PrepareForCreate', name: 'accepts the status fields of Kubernetes 1.32 set to null (unset) on a Job', manifest: { ...job(), status: { terminating: null, failedIndexes: null } }, problems: [] },
  { go: 'PrepareForCreate', name: 'accepts a CronJob status field set to null (unset)', manifest: { ...cronJob(), status: { lastSuccessfulTime: null } }, problems: [] },
  // kubectl prints the int32 fields without omitempty for an object it builds (`kubectl set image --local -o yaml`): review 50 DD1
  { go: 'PrepareForCreate', name: 'accepts the zero status kubectl set image --local prints for a StatefulSet, which the reset does not change', manifest: { ...statefulSet(), status: { availableReplicas: 0, replicas: 0 } }, problems: [] },
  { go: 'PrepareForCreate', name: 'accepts the zero status kubectl prints for a DaemonSet', manifest: { ...daemonSet(), status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 } }, problems: [], offline128: false },
  { go: 'PrepareForCreate', name: 'accepts a Job status of zero values of each field\'s type', manifest: { ...job(), status: { active: 0, completedIndexes: '', conditions: [], uncountedTerminatedPods: { succeeded: [] } } }, problems: [] },
  {
    go: 'PrepareForCreate',
    name: 'reports a zero of another type in a status ("" for a count) with the decoder\'s message: the object is refused, nothing vanishes (review 56 N4)',
    manifest: { ...replicaSet(), status: { replicas: '' } },
    problems: ['status.replicas: "" is a string, but ReplicaSetStatus.replicas takes an int32 (a whole number) (the API server cannot decode it).'],
  },
  // Review 57 O2, O3: the decoder reads every status field into its Go type, in lists too, with int32 and int64 ranges.
  {
    go: 'PrepareForCreate',
    name: 'reports a status count past int32 with the decoder\'s message, not as one that would vanish (review 57 O2)',
    manifest: { ...deployment(), status: { replicas: 2147483648 } },
    problems: ['status.replicas: 2147483648 is out of range: DeploymentStatus.replicas is an int32 (-2147483648 to 2147483647); write a number in that range.'],
  },
  {
    go: 'PrepareForCreate',
    name: 'reports a value of another type inside a status list item with the decoder\'s message, at its path (review 57 O3)',
    manifest: { ...job(), status: { uncountedTerminatedPods: { succeeded: [5] }, conditions: [{ type: 'Complete', status: true }] } },
    problems: [
      'status.uncountedTerminatedPods.succeeded[0]: 5 is a number, but an item of UncountedTerminatedPods.succeeded takes a string (the API server cannot decode it).',
      'status.conditions[0].status: true is a boolean, but Condition.status takes a string (the API server cannot decode it).',
    ],
  },
  {
    go: 'PrepareForCreate',
    name: 'still reports a start time of "" in a Job status, which metav1.Time refuses',
    manifest: { ...job(), status: { startTime: '' } },
    problems: ['status.startTime: "" is not an RFC 3339 time such as "2024-01-31T12:00:00Z", which JobStatus.startTime takes (the API server cannot decode it).'],
  },
  {
    go: 'SetDefaults_StatefulSet',
    name: 'defaults a StatefulSet without spec like any other: no message about podManagementPolicy, updateStrategy or the retention policy',
    manifest: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' } },
    problems: [
      "spec.selector: a StatefulSet selects its pods by label and none are declared; set selector.matchLabels and the same labels on the pod template (e.g. { app: 'db' }).",
      'spec.template.spec.containers: a pod needs at least one main container; add one.',
    ],
  },
  {
    go: 'getNewReplicaSet',
    name: 'rejects a Deployment name over 242 characters, which leaves no room for the ReplicaSet name (review 15 D8)',
    manifest: deployment({}, { name: 'a'.repeat(243) }),
    problems: [`metadata.name: "${'a'.repeat(243)}" has 243 characters; a Deployment name may have at most 242, since its controller names each ReplicaSet after it plus '-' and a pod-template hash of up to 10 characters, and the API server would reject that ReplicaSet, so no pod would start (this library's contract). Use a shorter name.`],
  },
  { go: 'getNewReplicaSet', name: 'accepts a Deployment name of 242 characters', manifest: deployment({}, { name: 'a'.repeat(242) }), problems: [] },
  {
    go: 'ValidateStatefulSet',
    name: 'decodes the status of a claim template, which the API server keeps in the StatefulSet (review 17 A7)',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, status: { phase: 0, accessModes: 'ReadWriteOnce', capacity: { storage: 'lots' } } }] }),
    problems: [
      'spec.volumeClaimTemplates[0].status.capacity.storage: "lots" is not a valid quantity (the API server cannot decode it); write a size such as \'1Gi\', or remove the status.',
      'spec.volumeClaimTemplates[0].status.phase: 0 is a number, but PersistentVolumeClaimStatus.phase takes a string; write it as a string: "0" (the API server cannot decode it).',
      'spec.volumeClaimTemplates[0].status.accessModes: "ReadWriteOnce" is a string, but PersistentVolumeClaimStatus.accessModes takes a list of strings; write a list: ["ReadWriteOnce"] (the API server cannot decode it).',
    ],
    offline128: false,
  },
  {
    go: 'ValidateStatefulSet',
    name: 'decodes the conditions and modifyVolumeStatus of a claim template status (review 18 A4)',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, status: { conditions: [{ type: 'Resizing', status: 'True', lastProbeTime: 'yesterday' }], modifyVolumeStatus: 5 } }] }),
    problems: [
      'spec.volumeClaimTemplates[0].status.conditions[0].lastProbeTime: "yesterday" is not an RFC 3339 date; write e.g. "2024-01-31T12:00:00Z".',
      'spec.volumeClaimTemplates[0].status.modifyVolumeStatus: 5 is a number, but PersistentVolumeClaimStatus.modifyVolumeStatus takes an object (ModifyVolumeStatus) (the API server cannot decode it).',
    ],
    offline128: false,
  },
  {
    go: 'ValidateStatefulSet',
    name: 'accepts the status kubectl get -o yaml prints in a claim template (phase Pending)',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, status: { phase: 'Pending' } }] }),
    problems: [],
    offline128: false,
  },
  // ---- ReplicaSet (Inject.into() and the importer keep them) ------------------------------------
  { go: 'ValidateReplicaSet', name: 'accepts the ReplicaSet of the Kubernetes docs', manifest: replicaSet({ replicas: 3 }), problems: [] },
  {
    go: 'SetDefaults_ReplicaSet',
    name: 'accepts a ReplicaSet without replicas or restartPolicy: the defaults fill them',
    manifest: replicaSet(),
    problems: [],
  },
  {
    go: 'ValidateReplicaSetSpec',
    name: 'rejects negative replicas and minReadySeconds',
    manifest: replicaSet({ replicas: -1, minReadySeconds: -2 }),
    problems: ['spec.replicas: -1 must be a non-negative integer.', 'spec.minReadySeconds: -2 must be a non-negative integer.'],
  },
  {
    go: 'ValidateReplicaSetSpec',
    name: 'rejects a ReplicaSet with an empty selector',
    manifest: replicaSet({ selector: {} }),
    problems: ['spec.selector: {} is empty, and a ReplicaSet may not select every pod; give it matchLabels (or matchExpressions) that the pod template\'s labels {"app":"web"} match.'],
  },
  {
    go: 'ValidateReplicaSetSpec',
    name: 'rejects a ReplicaSet without a pod template',
    manifest: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'frontend' }, spec: { selector: { matchLabels: LABELS } } },
    problems: [
      "spec.template.metadata.labels: selector app=web does not match the template labels; the selector must match the pod template's labels.",
      'spec.template.spec.containers: a pod needs at least one main container; add one.',
    ],
  },
  {
    go: 'ValidatePodTemplateSpecForReplicaSet',
    name: 'rejects a ReplicaSet whose selector does not match the template, restartPolicy Never and activeDeadlineSeconds',
    manifest: replicaSet({ selector: { matchLabels: { app: 'other' } }, template: podTemplate({ restartPolicy: 'Never', activeDeadlineSeconds: 5 }) }),
    problems: [
      "spec.template.metadata.labels: selector app=other does not match the template labels; the selector must match the pod template's labels.",
      'spec.template.spec.restartPolicy: "Never" is not supported in a ReplicaSet; the only allowed value is Always (omit it). Use a bare Pod for run-once work.',
      'spec.template.spec.activeDeadlineSeconds: 5 is not supported in a ReplicaSet; remove it.',
    ],
  },
  // ---- what controllers copy from templates into the objects they create -------------------------
  {
    go: 'ValidateFinalizers',
    name: 'rejects finalizers in a pod template that every Pod created from it would be refused for',
    manifest: deployment({ template: { metadata: { labels: LABELS, finalizers: ['bad finalizer', 'custom', 'example.com/ok'] }, spec: { containers: CONTAINERS } } }),
    problems: [
      `spec.template.metadata.finalizers[0]: finalizer "bad finalizer" is invalid: it must have a name part of alphanumerics, '-', '_' or '.' that starts and ends with an alphanumeric (e.g. 'MyName', 'my.name' or 'example.com/MyName') (${TEMPLATE_CONTRACT}).`,
      `spec.template.metadata.finalizers[1]: "custom" is neither a standard finalizer name (kubernetes, orphan, foregroundDeletion) nor fully qualified; write it with a domain (e.g. 'example.com/custom') (${TEMPLATE_CONTRACT}).`,
    ],
  },
  {
    go: 'ValidateFinalizers',
    name: 'rejects finalizers in a claim template that every claim created from it would be refused for',
    manifest: statefulSet({ template: MOUNT_DATA, volumeClaimTemplates: [{ ...CLAIM, metadata: { name: 'data', finalizers: ['custom'] } }] }),
    problems: [`spec.volumeClaimTemplates[0].metadata.finalizers[0]: "custom" is neither a standard finalizer name (kubernetes, orphan, foregroundDeletion) nor fully qualified; write it with a domain (e.g. 'example.com/custom') ${CLAIM_CONTRACT}.`],
  },
];

/** The rules of batch ValidateJob and ValidateCronJobCreate. */
export const BATCH_CASES: RuleCase[] = [
  // ---- Job -----------------------------------------------------------------------------------
  {
    go: 'SetDefaults_Job',
    name: 'reports only the pod template\'s problems for a Job whose spec is null: the decoder makes it the zero JobSpec, which is defaulted (selector generated)',
    manifest: { ...job(), spec: null },
    problems: [
      'spec.template.spec.restartPolicy: "Always" is not supported in a Job (it is also the default when restartPolicy is not set): the pods must run to completion. Set restartPolicy to OnFailure or Never.',
      'spec.template.spec.containers: a pod needs at least one main container; add one.',
    ],
  },
  {
    go: 'validatePodFailurePolicyRuleOnPodConditions',
    name: 'rejects an empty condition type, saying it is empty',
    manifest: job({ podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: '' }] }] } }),
    problems: ['spec.podFailurePolicy.rules[0].onPodConditions[0].type: "" is not a valid condition type: it must not be empty; condition types look like \'DisruptionTarget\'.'],
  },
  {
    go: 'validateAppArmorAnnotationsAndFieldsMatchOnCreate',
    name: 'rejects a template AppArmor annotation that disagrees with the pod-level profile, naming the pod field the container inherits (review 27 E1)',
    manifest: deployment({
      template: {
        metadata: { labels: LABELS, annotations: { 'container.apparmor.security.beta.kubernetes.io/c': 'runtime/default' } },
        spec: { securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: CONTAINERS },
      },
    }),
    problems: [
      'spec.template.spec.containers[0].securityContext.appArmorProfile.type: "Unconfined" (the pod\'s securityContext.appArmorProfile.type, which container "c" inherits: it has no appArmorProfile of its own) '
      + 'does not match the annotation container.apparmor.security.beta.kubernetes.io/c ("runtime/default"); remove the deprecated annotation container.apparmor.security.beta.kubernetes.io/c or make it agree.',
    ],
    offline128: false,
  },
  { go: 'ValidateJob', name: 'accepts a Job without labels or selector (Kubernetes generates both)', manifest: job(), problems: [] },
  {
    go: 'validatePodFailurePolicyRuleOnPodConditions',
    name: 'rejects a pattern without a condition type as an empty type, not as a wrong JSON type (review 26 C3)',
    manifest: job({ podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ status: 'True' }, { type: null }] }] } }),
    problems: [
      'spec.podFailurePolicy.rules[0].onPodConditions[0].type: "" is not a valid condition type: it must not be empty; condition types look like \'DisruptionTarget\'.',
      'spec.podFailurePolicy.rules[0].onPodConditions[1].type: "" is not a valid condition type: it must not be empty; condition types look like \'DisruptionTarget\'.',
    ],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects a restartPolicy no pod takes with the Job\'s own values too, not only Always, OnFailure or Never (review 26 C2)',
    manifest: job({ template: podTemplate({ restartPolicy: 'never' }, undefined) }),
    problems: [
      'spec.template.spec.restartPolicy: "never" is not supported in a Job: the pods must run to completion. Set restartPolicy to OnFailure or Never.',
      'spec.template.spec.restartPolicy: "never" is not supported; use one of Always, OnFailure, Never.',
    ],
  },
  {
    go: 'validateGeneratedSelector',
    name: 'reports only the selector\'s own mistake when it does not convert to a selector, not that it selects other pods (review 26 C1)',
    manifest: job({ selector: { matchExpressions: [{ key: 'job-name', operator: 'In' }] } }),
    problems: ['spec.selector.matchExpressions[0].values: must be specified when operator is In; list at least one value.'],
  },
  {
    go: 'SetDefaults_Job',
    name: 'accepts restartPolicy OnFailure and every count field at 0',
    manifest: job({ template: podTemplate({ restartPolicy: 'OnFailure' }, undefined), parallelism: 0, completions: 0, backoffLimit: 0, ttlSecondsAfterFinished: 0, activeDeadlineSeconds: 1 }),
    problems: [],
  },
  {
    go: 'ValidateJobSpec',
    name: 'accepts a manual selector that matches the template labels',
    manifest: job({ manualSelector: true, selector: { matchLabels: LABELS }, template: podTemplate({ restartPolicy: 'Never' }) }),
    problems: [],
  },
  {
    go: 'validateJobSpec',
    name: 'accepts an Indexed Job with backoffLimitPerIndex, maxFailedIndexes, a success policy and a pod failure policy',
    manifest: indexedJob({
      backoffLimitPerIndex: 1,
      maxFailedIndexes: 5,
      successPolicy: { rules: [{ succeededIndexes: '0,2-4', succeededCount: 2 }] },
      podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { containerName: 'c', operator: 'In', values: [1, 42] } }, { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] },
      podReplacementPolicy: 'Failed',
      managedBy: 'kubernetes.io/job-controller',
    }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateJob',
    name: 'rejects a Job name that is not a DNS-1123 subdomain',
    manifest: job({}, { name: 'Migrate' }),
    problems: ['metadata.name: "Migrate" is not valid as an object name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').'],
  },
  {
    go: 'generateSelector',
    name: 'rejects a name over 63 characters when the selector is generated (the name becomes a label value)',
    manifest: job({}, { name: 'm'.repeat(64) }),
    problems: [`metadata.name: "${'m'.repeat(64)}" cannot name a Job whose selector Kubernetes generates: the name becomes the value of the pod label job-name, which must be no more than 63 characters (it has 64). Use a shorter name.`],
  },
  {
    go: 'ValidateCronJobCreate',
    name: 'rejects a CronJob at batch/v1beta1, which Kubernetes 1.32 does not serve, with the version to write (review 35 E3)',
    manifest: { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'hello' }, spec: { schedule: '* * * * *' } },
    problems: ['apiVersion: "batch/v1beta1" does not serve CronJob in Kubernetes 1.32 (it was removed in 1.25), so kubectl apply would fail ("no matches for kind"); write apiVersion: batch/v1.'],
  },
  {
    go: 'generateSelector',
    name: 'rejects a name with a character a label value cannot hold, without telling to shorten it (review 35 E1)',
    manifest: job({}, { name: 'process-item-$item' }),
    problems: [
      'metadata.name: "process-item-$item" is not valid as an object name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
      'metadata.name: "process-item-$item" cannot name a Job whose selector Kubernetes generates: the name becomes the value of the pod label job-name, which must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric. Change the name so that it is a valid label value too.',
    ],
  },
  {
    go: 'ValidateJob',
    name: 'accepts an Indexed Job whose pod hostnames fit in a DNS label',
    manifest: job({ completionMode: 'Indexed', completions: 10 }, { name: 'j'.repeat(61) }),
    problems: [],
  },
  {
    go: 'ValidateJob',
    name: 'rejects an Indexed Job name that leaves no room for the index in the hostname',
    manifest: job({ completionMode: 'Indexed', completions: 10 }, { name: 'j'.repeat(62) }),
    problems: [`metadata.name: "${'j'.repeat(62)}" is too long for an Indexed Job with 10 completions: the last pod's hostname "${'j'.repeat(62)}-9" must be no more than 63 characters (it has 64). Use a shorter name.`],
  },
  {
    go: 'ValidateJob',
    name: 'rejects an Indexed Job name with a dot, which no pod hostname may have, and says so instead of "too long"',
    manifest: job({ completionMode: 'Indexed', completions: 2 }, { name: 'db.backup' }),
    problems: ['metadata.name: "db.backup" cannot name an Indexed Job: the job controller makes <name>-<index> each pod\'s hostname ("db.backup-1"), a DNS-1123 label without dots; rename it without dots (e.g. "db-backup").'],
  },
  {
    go: 'ValidateJob',
    name: 'says "too long" when an Indexed Job name with a dot would still be too long without it (review 16 A3)',
    manifest: job({ completionMode: 'Indexed', completions: 10 }, { name: `db.${'x'.repeat(59)}` }),
    problems: [`metadata.name: "db.${'x'.repeat(59)}" is too long for an Indexed Job with 10 completions: the last pod's hostname "db.${'x'.repeat(59)}-9" must be no more than 63 characters (it has 64), and without dots. Use a shorter name.`],
  },
  {
    go: 'ValidateJob',
    name: 'suggests a generateName without dots for an Indexed Job named by generateName (review 16 A4)',
    manifest: job({ completionMode: 'Indexed', completions: 2 }, { generateName: 'db.backup-' }),
    problems: ['metadata.generateName: "db.backup-bcdfg" (the name the API server generates from generateName "db.backup-") cannot name an Indexed Job: the job controller makes <name>-<index> each pod\'s hostname ("db.backup-bcdfg-1"), a DNS-1123 label without dots; rename it without dots (e.g. "db-backup-").'],
  },
  {
    go: 'validateGeneratedSelector',
    name: 'rejects a selector and generated labels set by hand without manualSelector',
    manifest: job({ selector: { matchLabels: LABELS }, template: podTemplate({ restartPolicy: 'Never' }, { 'app': 'web', 'job-name': 'other', 'controller-uid': 'abc' }) }),
    problems: [
      'spec.template.metadata.labels.controller-uid: "abc" is set, but Kubernetes sets this label to the uid of the new Job; remove it, or set manualSelector: true and a selector of your own.',
      'spec.template.metadata.labels.job-name: "other" must be the Job\'s name "migrate": Kubernetes sets this label itself. Remove it.',
      'spec.selector: {"matchLabels":{"app":"web"}} is set but manualSelector is not true, and it does not select the pods of this Job alone; remove the selector (Kubernetes generates one from the Job\'s uid) or set manualSelector: true.',
    ],
  },
  {
    go: 'ValidateJobSpec',
    name: 'rejects manualSelector without a selector',
    manifest: job({ manualSelector: true }),
    problems: ['spec.selector: is required when manualSelector is true; set a selector that matches the pod template labels, or remove manualSelector to let Kubernetes generate one.'],
  },
  {
    go: 'ValidateJobSpec',
    name: 'rejects a manual selector the template labels do not match',
    manifest: job({ manualSelector: true, selector: { matchLabels: { app: 'batch' } }, template: podTemplate({ restartPolicy: 'Never' }) }),
    problems: ["spec.template.metadata.labels: selector app=batch does not match the template labels; the selector must match the pod template's labels (a Job only owns the pods its selector matches)."],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects restartPolicy Always and a template without restartPolicy (Always by default)',
    manifest: job({ template: podTemplate({}, undefined) }),
    problems: ['spec.template.spec.restartPolicy: "Always" is not supported in a Job (it is also the default when restartPolicy is not set): the pods must run to completion. Set restartPolicy to OnFailure or Never.'],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects negative counts and deadlines',
    manifest: job({ parallelism: -1, completions: -1, activeDeadlineSeconds: -1, backoffLimit: -1, ttlSecondsAfterFinished: -1 }),
    problems: [
      'spec.parallelism: -1 must be a non-negative integer.',
      'spec.completions: -1 must be a non-negative integer.',
      'spec.activeDeadlineSeconds: -1 must be a non-negative integer.',
      'spec.backoffLimit: -1 must be a non-negative integer.',
      'spec.ttlSecondsAfterFinished: -1 must be a non-negative integer.',
    ],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects an unknown completion mode',
    manifest: job({ completionMode: 'Ordered' }),
    problems: ['spec.completionMode: "Ordered" is not supported; use NonIndexed or Indexed.'],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects backoffLimitPerIndex and maxFailedIndexes on a NonIndexed Job',
    manifest: job({ backoffLimitPerIndex: 1, maxFailedIndexes: 1 }),
    problems: [
      "spec.backoffLimitPerIndex: 1 requires completionMode Indexed; set completionMode: 'Indexed' or remove backoffLimitPerIndex.",
      "spec.maxFailedIndexes: 1 requires completionMode Indexed; set completionMode: 'Indexed' or remove maxFailedIndexes.",
    ],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects maxFailedIndexes without backoffLimitPerIndex',
    manifest: indexedJob({ maxFailedIndexes: 1 }),
    problems: ['spec.backoffLimitPerIndex: is required when maxFailedIndexes is set; set backoffLimitPerIndex (e.g. 1) or remove maxFailedIndexes.'],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects an Indexed Job without completions, with too much parallelism',
    manifest: job({ completionMode: 'Indexed', parallelism: 100001 }),
    problems: [
      'spec.completions: is required when completionMode is Indexed; set the number of indexes (e.g. 5).',
      'spec.parallelism: 100001 must be at most 100000 when completionMode is Indexed.',
    ],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects more failed indexes than completions',
    manifest: indexedJob({ backoffLimitPerIndex: 1, maxFailedIndexes: 6 }),
    problems: ['spec.maxFailedIndexes: 6 must be at most completions (5).'],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects over 100000 completions per index without maxFailedIndexes, with too much parallelism',
    manifest: job({ completionMode: 'Indexed', completions: 100001, parallelism: 10001, backoffLimitPerIndex: 1 }, { name: 'big' }),
    problems: [
      'spec.maxFailedIndexes: is required when completions is above 100000 with backoffLimitPerIndex; set it (at most 10000).',
      'spec.parallelism: 10001 must be at most 10000 when completions is above 100000 with backoffLimitPerIndex.',
    ],
    offline128: false,
  },
  {
    go: 'validateJobSpec',
    name: 'rejects more than 100000 failed indexes',
    manifest: job({ completionMode: 'Indexed', completions: 200000, parallelism: 1, backoffLimitPerIndex: 1, maxFailedIndexes: 100001 }, { name: 'big' }),
    problems: [
      'spec.maxFailedIndexes: 100001 must be at most 100000.',
      'spec.maxFailedIndexes: 100001 must be at most 10000 when completions is above 100000 with backoffLimitPerIndex.',
    ],
    offline128: false,
  },
  {
    go: 'validatePodFailurePolicy',
    name: 'rejects more than 20 rules, 20 condition patterns and 255 exit codes',
    manifest: job({
      podFailurePolicy: {
        rules: [
          { action: 'Ignore', onPodConditions: Array.from({ length: 21 }, () => ({ type: 'DisruptionTarget' })) },
          { action: 'FailJob', onExitCodes: { operator: 'In', values: Array.from({ length: 256 }, (_, i) => i + 1) } },
          ...Array.from({ length: 19 }, () => ({ action: 'Count', onPodConditions: [{ type: 'DisruptionTarget' }] })),
        ],
      },
    }),
    problems: [
      'spec.podFailurePolicy.rules: has 21 rules; a podFailurePolicy may have at most 20.',
      'spec.podFailurePolicy.rules[0].onPodConditions: has 21 patterns; at most 20 are allowed.',
      'spec.podFailurePolicy.rules[1].onExitCodes.values: has 256 exit codes; at most 255 are allowed.',
    ],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects a managedBy that is not a domain-prefixed path of at most 63 characters',
    manifest: job({ managedBy: 'my-controller' }),
    problems: ["spec.managedBy: \"my-controller\" must be a domain-prefixed path such as 'example.com/my-controller'."],
    offline128: false,
  },
  {
    go: 'validateJobSpec',
    name: 'rejects a managedBy with an invalid domain, path and length',
    manifest: job({ managedBy: `Example.com/a b${'c'.repeat(60)}` }),
    problems: [
      `spec.managedBy: "Example.com/a b${'c'.repeat(60)}" has an invalid domain "Example.com": it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com').`,
      `spec.managedBy: "Example.com/a b${'c'.repeat(60)}" has an invalid path "a b${'c'.repeat(60)}": use letters, digits and /-._~%!$&'()*+,;=: only.`,
      `spec.managedBy: "Example.com/a b${'c'.repeat(60)}" has 75 characters; managedBy may have at most 63.`,
    ],
    offline128: false,
  },
  {
    go: 'validatePodFailurePolicy',
    name: 'rejects pod failure policy rules without action or requirement, with both, or with bad values',
    manifest: job({
      podFailurePolicy: {
        rules: [
          {},
          { action: 'Retry', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'DisruptionTarget' }] },
          { action: 'FailIndex', onExitCodes: { containerName: 'sidecar', operator: 'Equals', values: [0, 3, 3, 2] } },
          { action: 'Count', onPodConditions: [{ type: 'bad type', status: 'Maybe' }] },
          { action: 'Ignore', onExitCodes: { operator: 'In', values: [0] } },
        ],
      },
    }),
    problems: [
      'spec.podFailurePolicy.rules[0].action: is required; use one of Count, FailIndex, FailJob, Ignore.',
      'spec.podFailurePolicy.rules[0]: has neither onExitCodes nor onPodConditions; a rule needs one of them.',
      'spec.podFailurePolicy.rules[1].action: "Retry" is not supported; use one of Count, FailIndex, FailJob, Ignore.',
      'spec.podFailurePolicy.rules[1]: has both onExitCodes and onPodConditions; a rule may have only one. Split it into two rules.',
      'spec.podFailurePolicy.rules[2].action: "FailIndex" requires backoffLimitPerIndex; set backoffLimitPerIndex (and completionMode Indexed) or use another action.',
      'spec.podFailurePolicy.rules[2].onExitCodes.operator: "Equals" is not supported; use In or NotIn.',
      'spec.podFailurePolicy.rules[2].onExitCodes.containerName: "sidecar" names no container or init container of the pod template; use one of "c".',
      'spec.podFailurePolicy.rules[2].onExitCodes.values[2]: 3 is listed twice; list each exit code once.',
      'spec.podFailurePolicy.rules[2].onExitCodes.values: [0,3,3,2] must be in increasing order.',
      'spec.podFailurePolicy.rules[3].onPodConditions[0].type: "bad type" is not a valid condition type: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\'); condition types look like \'DisruptionTarget\'.',
      'spec.podFailurePolicy.rules[3].onPodConditions[0].status: "Maybe" is not supported; use True, False or Unknown.',
      'spec.podFailurePolicy.rules[4].onExitCodes.values[0]: 0 may not be used with the In operator: exit code 0 is success. Remove it.',
    ],
  },
  {
    go: 'validatePodFailurePolicyRuleOnExitCodes',
    name: 'rejects an exit code requirement without operator or values',
    manifest: job({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { values: [] } }] } }),
    problems: [
      'spec.podFailurePolicy.rules[0].onExitCodes.operator: is required; use In or NotIn.',
      'spec.podFailurePolicy.rules[0].onExitCodes.values: needs at least one exit code.',
    ],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects restartPolicy OnFailure with a pod failure policy',
    manifest: job({ template: podTemplate({ restartPolicy: 'OnFailure' }, undefined), podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] } }),
    problems: ['spec.template.spec.restartPolicy: "OnFailure" is not supported with a podFailurePolicy: the policy acts on failed pods. Set restartPolicy to Never.'],
  },
  {
    go: 'validatePodReplacementPolicy',
    name: 'rejects TerminatingOrFailed with a pod failure policy',
    manifest: job({ podReplacementPolicy: 'TerminatingOrFailed', podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'NotIn', values: [0] } }] } }),
    problems: ['spec.podReplacementPolicy: "TerminatingOrFailed" is not supported with a podFailurePolicy; use Failed (or omit it).'],
    offline128: false,
  },
  {
    go: 'validatePodReplacementPolicy',
    name: 'rejects an unknown podReplacementPolicy',
    manifest: job({ podReplacementPolicy: 'Never' }),
    problems: ['spec.podReplacementPolicy: "Never" is not supported; use Failed or TerminatingOrFailed.'],
    offline128: false,
  },
  {
    go: 'validateSuccessPolicy',
    name: 'rejects a success policy on a NonIndexed Job',
    manifest: job({ successPolicy: { rules: [{ succeededCount: 1 }] } }),
    problems: ["spec.successPolicy: requires completionMode Indexed; set completionMode: 'Indexed' or remove successPolicy."],
    offline128: false,
  },
  {
    go: 'validateSuccessPolicy',
    name: 'rejects a success policy without rules',
    manifest: indexedJob({ successPolicy: { rules: [] } }),
    problems: ['spec.successPolicy.rules: needs at least one rule when successPolicy is set; add a rule (succeededIndexes or succeededCount) or remove successPolicy.'],
    offline128: false,
  },
  {
    go: 'validateSuccessPolicyRule',
    name: 'rejects empty rules, bad index lists and counts above completions or the listed indexes',
    manifest: indexedJob({
      successPolicy: {
        rules: [
          {},
          { succeededIndexes: '1-3,2' },
          { succeededIndexes: '5' },
          { succeededIndexes: '3-1' },
          { succeededIndexes: 'a' },
          { succeededCount: 6 },
          { succeededIndexes: '0-1', succeededCount: 3 },
        ],
      },
    }),
    problems: [
      'spec.successPolicy.rules[0]: needs succeededCount or succeededIndexes (or both).',
      'spec.successPolicy.rules[1].succeededIndexes: "1-3,2" is not a valid list of indexes: 2 does not come after 3. Write increasing indexes and ranges below completions, e.g. \'0,2-4\'.',
      'spec.successPolicy.rules[2].succeededIndexes: "5" is not a valid list of indexes: index "5" is not below completions (5). Write increasing indexes and ranges below completions, e.g. \'0,2-4\'.',
      'spec.successPolicy.rules[3].succeededIndexes: "3-1" is not a valid list of indexes: the range "3-1" does not increase. Write increasing indexes and ranges below completions, e.g. \'0,2-4\'.',
      'spec.successPolicy.rules[4].succeededIndexes: "a" is not a valid list of indexes: "a" is not an integer. Write increasing indexes and ranges below completions, e.g. \'0,2-4\'.',
      'spec.successPolicy.rules[5].succeededCount: 6 must be at most 5 (the number of completions).',
      'spec.successPolicy.rules[6].succeededCount: 3 must be at most 2 (the number of indexes in succeededIndexes).',
    ],
    offline128: false,
  },

  {
    go: 'validateSuccessPolicy',
    name: 'rejects more than 20 success rules and a succeededIndexes over 64 KiB',
    manifest: indexedJob({ successPolicy: { rules: [{ succeededIndexes: '0,'.repeat(32768) + '1' }, ...Array.from({ length: 20 }, () => ({ succeededCount: 1 }))] } }),
    problems: [
      'spec.successPolicy.rules: has 21 rules; at most 20 are allowed.',
      'spec.successPolicy.rules[0].succeededIndexes: has 65537 characters; at most 65536 are allowed.',
      // A value this long is cut short in the message (problems.ts show()).
      `spec.successPolicy.rules[0].succeededIndexes: "${'0,'.repeat(119)}0...${'0,'.repeat(49)}1" (65539 characters) is not a valid list of indexes: 0 does not come after 0. Write increasing indexes and ranges below completions, e.g. '0,2-4'.`,
    ],
    offline128: false,
  },

  // ---- CronJob -------------------------------------------------------------------------------
  { go: 'ValidateCronJobCreate', name: 'accepts the smallest CronJob', manifest: cronJob(), problems: [] },
  {
    go: 'SetDefaults_CronJob',
    name: 'accepts descriptors, names, steps, ranges, an empty concurrencyPolicy and a time zone',
    manifest: cronJob({ schedule: '0-30/10 9-17 ? JAN-jun mon-FRI', concurrencyPolicy: '', timeZone: 'Europe/Berlin', startingDeadlineSeconds: 0, successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ParseStandard',
    name: 'accepts @every with a duration',
    manifest: cronJob({ schedule: '@every 1h30m' }),
    problems: [],
  },
  ...['@every 2562047h47m16.854775807s', '@every -2562047h47m16.854775808s', '@every 1.00000000000000000000000000001h', '@every .5h',
    // Go sums in uint64: 2^63 + 2^63 wraps to 0 (review 65 A1).
    '@every 9223372036854775808ns9223372036854775808ns'].map((schedule): RuleCase => ({
    go: 'ParseStandard',
    name: `accepts the duration of ${JSON.stringify(schedule)} (int64 nanoseconds hold it)`,
    manifest: cronJob({ schedule }),
    problems: [],
  })),
  { go: 'ParseStandard', name: 'lower-cases day names as Go does (FRİ is fri)', manifest: cronJob({ schedule: '0 0 * * FR\u0130' }), problems: [], offline128: false },
  { go: 'ParseStandard', name: 'accepts @hourly', manifest: cronJob({ schedule: '@hourly' }), problems: [] },
  { go: 'validateTimeZone', name: 'accepts a backward-compatible zone alias', manifest: cronJob({ timeZone: 'US/Pacific' }), problems: [] },
  {
    go: 'ValidateCronJobCreate',
    name: 'rejects a CronJob name over 52 characters',
    manifest: cronJob({}, { name: 'r'.repeat(53) }),
    problems: [`metadata.name: "${'r'.repeat(53)}" has 53 characters; a CronJob name may have at most 52, since each Job it creates is named after it plus an 11-character suffix. Use a shorter name.`],
  },
  {
    go: 'validateCronJobSpec',
    name: 'rejects a CronJob without schedule',
    manifest: cronJob({ schedule: '' }),
    problems: ["spec.schedule: is required; write a cron schedule such as '*/5 * * * *' or '@hourly'."],
  },
  ...([
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 * ', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 0 99999999999999999 * *', 'end of range (99999999999999999) above maximum (31): 99999999999999999'],
    ['* * 9007199254740993-1 * *', 'beginning of range (9007199254740993) beyond end of range (1): 9007199254740993-1'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * * sunday', 'failed to parse int from sunday: strconv.Atoi: parsing "sunday": invalid syntax'],
    ['@weekday', 'unrecognized descriptor: @weekday'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every 10', 'failed to parse duration @every 10: time: missing unit in duration "10"'],
    // Past int64 nanoseconds (review 64 YY1): a term, a fraction, the sum, a negative sum.
    ['@every 2562048h', 'failed to parse duration @every 2562048h: time: invalid duration "2562048h"'],
    ['@every 2562047.9h', 'failed to parse duration @every 2562047.9h: time: invalid duration "2562047.9h"'],
    ['@every 2562047h47m16.854775808s', 'failed to parse duration @every 2562047h47m16.854775808s: time: invalid duration "2562047h47m16.854775808s"'],
    ['@every 9223372036854775808ns', 'failed to parse duration @every 9223372036854775808ns: time: invalid duration "9223372036854775808ns"'],
    ['@every -9223372036854775809ns', 'failed to parse duration @every -9223372036854775809ns: time: invalid duration "-9223372036854775809ns"'],
    ['@every 18446744073709551616ns', 'failed to parse duration @every 18446744073709551616ns: time: invalid duration "18446744073709551616ns"'],
    // Go's time.quote writes the bytes of a character outside ASCII as \xNN (review 65 A2).
    ['@every 5\u00b5x', 'failed to parse duration @every 5\u00b5x: time: unknown unit "\\xc2\\xb5x" in duration "5\\xc2\\xb5x"'],
  ] as const).map(([schedule, error]): RuleCase => ({
    go: 'ParseStandard',
    name: `rejects the schedule ${JSON.stringify(schedule)}`,
    manifest: cronJob({ schedule }),
    problems: [`spec.schedule: ${JSON.stringify(schedule)} is not a valid cron schedule: ${error}. Write five fields (minute hour day-of-month month day-of-week, e.g. '*/5 * * * *') or a descriptor such as '@hourly'.`],
  })),
  {
    go: 'validateScheduleFormat',
    name: 'rejects TZ or CRON_TZ in the schedule of a new CronJob',
    manifest: cronJob({ schedule: 'CRON_TZ=Etc/UTC 0 * * * *' }),
    problems: ["spec.schedule: \"CRON_TZ=Etc/UTC 0 * * * *\" may not use TZ or CRON_TZ; set the timeZone field instead (e.g. timeZone: 'Etc/UTC')."],
  },
  {
    go: 'validateScheduleFormat',
    name: 'rejects an unknown zone in a TZ prefix as the parser does',
    manifest: cronJob({ schedule: 'TZ=Mars/Olympus 0 * * * *' }),
    problems: [
      "spec.schedule: \"TZ=Mars/Olympus 0 * * * *\" is not a valid cron schedule: provided bad location Mars/Olympus: unknown time zone Mars/Olympus. Write five fields (minute hour day-of-month month day-of-week, e.g. '*/5 * * * *') or a descriptor such as '@hourly'.",
      "spec.schedule: \"TZ=Mars/Olympus 0 * * * *\" may not use TZ or CRON_TZ; set the timeZone field instead (e.g. timeZone: 'Etc/UTC').",
    ],
  },
  {
    go: 'validateTimeZone',
    name: 'rejects an unknown time zone',
    manifest: cronJob({ timeZone: 'Mars/Olympus' }),
    problems: ["spec.timeZone: \"Mars/Olympus\" is an unknown time zone; use an IANA name such as 'Etc/UTC' or 'America/New_York'."],
  },
  {
    go: 'validateTimeZone',
    name: 'rejects a time zone in another case than the IANA name (Go looks names up case-sensitively)',
    manifest: cronJob({ timeZone: 'europe/berlin' }),
    problems: ["spec.timeZone: \"europe/berlin\" is an unknown time zone; use an IANA name such as 'Etc/UTC' or 'America/New_York'."],
  },
  {
    go: 'validateTimeZone',
    name: 'accepts Factory and every zone and link of tzdata, as time.LoadLocation finds them',
    manifest: cronJob({ timeZone: 'Factory' }),
    problems: [],
  },
  {
    go: 'validateTimeZone',
    name: 'rejects names tzdata removed that Node\'s ICU still knows (SystemV/AST4, US/Pacific-New)',
    manifest: cronJob({ timeZone: 'SystemV/AST4' }),
    problems: ["spec.timeZone: \"SystemV/AST4\" is an unknown time zone; use an IANA name such as 'Etc/UTC' or 'America/New_York'."],
  },
  {
    go: 'validateTimeZone',
    name: 'rejects a file of a host\'s zoneinfo directory, which only a server on such a host finds (contract)',
    manifest: cronJob({ timeZone: 'posix/Europe/Berlin' }),
    problems: ["spec.timeZone: \"posix/Europe/Berlin\" is a file of some hosts' zoneinfo directory, not an IANA time zone name: an API server finds it only on such a host, and one that reads Go's embedded database rejects it (this library's contract); use the IANA name \"Europe/Berlin\"."],
  },
  {
    go: 'validateTimeZone',
    name: 'rejects the Local time zone',
    manifest: cronJob({ timeZone: 'Local' }),
    problems: ["spec.timeZone: \"Local\" is not an explicit time zone; use an IANA name such as 'Etc/UTC' (or leave timeZone out for the controller's time zone)."],
  },
  {
    go: 'validateTimeZone',
    name: 'rejects an empty time zone',
    manifest: cronJob({ timeZone: '' }),
    problems: ["spec.timeZone: \"\" must be a time zone name such as 'Etc/UTC' or 'Europe/Berlin', or left out for the controller's time zone."],
  },
  {
    go: 'validateTimeZone',
    name: 'rejects a zone name part that is too long or starts with a dash',
    manifest: cronJob({ timeZone: 'America/-Chicago' }),
    problems: ["spec.timeZone: \"America/-Chicago\" is an unknown time zone; use an IANA name such as 'Etc/UTC' or 'America/New_York'."],
  },
  {
    go: 'validateCronJobSpec',
    name: 'rejects an unknown concurrencyPolicy and negative limits',
    manifest: cronJob({ concurrencyPolicy: 'Queue', startingDeadlineSeconds: -1, successfulJobsHistoryLimit: -1, failedJobsHistoryLimit: -1 }),
    problems: [
      'spec.startingDeadlineSeconds: -1 must be a non-negative integer.',
      'spec.concurrencyPolicy: "Queue" is not supported; use Allow, Forbid or Replace.',
      'spec.successfulJobsHistoryLimit: -1 must be a non-negative integer.',
      'spec.failedJobsHistoryLimit: -1 must be a non-negative integer.',
    ],
  },
  {
    go: 'ValidateJobTemplateSpec',
    name: 'rejects a selector or manualSelector in the job template',
    manifest: cronJobWithJob({ selector: { matchLabels: LABELS }, manualSelector: true }),
    problems: [
      'spec.jobTemplate.spec.selector: {"matchLabels":{"app":"web"}} may not be set: Kubernetes generates the selector of every Job a CronJob creates. Remove it.',
      'spec.jobTemplate.spec.manualSelector: true is not supported in a CronJob: Kubernetes generates the selector of every Job it creates. Remove manualSelector.',
    ],
  },
  {
    go: 'ValidateJobTemplateSpec',
    name: 'checks the job template with the Job rules and its pods with the pod rules',
    manifest: cronJobWithJob({ backoffLimit: -1, template: podTemplate({ containers: [] }, undefined) }),
    problems: [
      'spec.jobTemplate.spec.backoffLimit: -1 must be a non-negative integer.',
      'spec.jobTemplate.spec.template.spec.restartPolicy: "Always" is not supported in a Job (it is also the default when restartPolicy is not set): the pods must run to completion. Set restartPolicy to OnFailure or Never.',
      'spec.jobTemplate.spec.template.spec.containers: a pod needs at least one main container; add one.',
    ],
  },
  {
    go: 'validateJobSpec',
    name: 'accepts activeDeadlineSeconds above 2147483647 (an int64) on a Job and in a CronJob job template',
    manifest: job({ activeDeadlineSeconds: 2147483648 }),
    problems: [],
  },
  {
    go: 'validateCronJobSpec',
    name: 'accepts startingDeadlineSeconds and the job template activeDeadlineSeconds above 2147483647 (int64)',
    manifest: cronJob({ startingDeadlineSeconds: 3000000000, jobTemplate: { spec: { activeDeadlineSeconds: 3000000000, template: podTemplate({ restartPolicy: 'OnFailure' }, undefined) } } }),
    problems: [],
  },
  {
    go: 'validateJobSpec',
    name: 'rejects an int32 field above 2147483647 as out of range (the decode step), not as negative',
    manifest: job({ parallelism: 2147483648 }),
    problems: ['spec.parallelism: 2147483648 is out of range: JobSpec.parallelism is an int32 (-2147483648 to 2147483647); write a number in that range.'],
  },
  {
    go: 'ParseStandard',
    name: 'rejects a schedule with U+FEFF, which strings.Fields does not split on (unlike JavaScript whitespace)',
    manifest: cronJob({ schedule: '0 0 * * *\uFEFF' }),
    problems: ['spec.schedule: "0 0 * * *\\ufeff" is not a valid cron schedule: failed to parse int from *\uFEFF: strconv.Atoi: parsing "*\uFEFF": invalid syntax. Write five fields (minute hour day-of-month month day-of-week, e.g. \'*/5 * * * *\') or a descriptor such as \'@hourly\'.'],
  },
  {
    go: 'mustParseInt',
    name: 'rejects a step of 2^63 (out of int64 range, though a JavaScript number rounds it) and accepts 2^63 - 1',
    manifest: cronJob({ schedule: '*/9223372036854775808 * * * *' }),
    problems: ['spec.schedule: "*/9223372036854775808 * * * *" is not a valid cron schedule: failed to parse int from 9223372036854775808: strconv.Atoi: parsing "9223372036854775808": value out of range. Write five fields (minute hour day-of-month month day-of-week, e.g. \'*/5 * * * *\') or a descriptor such as \'@hourly\'.'],
  },
  { go: 'mustParseInt', name: 'accepts a step of 2^63 - 1', manifest: cronJob({ schedule: '*/9223372036854775807 * * * *' }), problems: [] },
  {
    go: 'ValidateCronJobCreate',
    name: 'rejects a generateName whose generated name has more than 52 characters',
    manifest: cronJob({}, { generateName: 'nightly-database-backup-to-offsite-object-storage-' }),
    problems: ['metadata.generateName: "nightly-database-backup-to-offsite-object-storage-bcdfg" (the name the API server generates from generateName "nightly-database-backup-to-offsite-object-storage-") has 55 characters; a CronJob name may have at most 52, since each Job it creates is named after it plus an 11-character suffix. Use a shorter generateName.'],
  },
  {
    go: 'ValidateJob',
    name: "rejects a generateName too long for the last pod's hostname of an Indexed Job",
    manifest: job({ completionMode: 'Indexed', completions: 100 }, { generateName: 'nightly-database-backup-to-offsite-object-storage-shard-' }),
    problems: ['metadata.generateName: "nightly-database-backup-to-offsite-object-storage-shard-bcdfg" (the name the API server generates from generateName "nightly-database-backup-to-offsite-object-storage-shard-") is too long for an Indexed Job with 100 completions: the last pod\'s hostname "nightly-database-backup-to-offsite-object-storage-shard-bcdfg-99" must be no more than 63 characters (it has 64). Use a shorter generateName.'],
  },
  {
    go: 'PrepareForCreate',
    name: 'reports a negative metadata.generation on a Job as one that would vanish, not as negative (its create strategy sets it to 1 before validation)',
    manifest: job({}, { name: 'migrate', generation: -5 }),
    problems: ['metadata.generation: -5 would vanish (this library\'s contract): the API server sets a Job\'s generation to 1 on create; remove it.'],
  },
  { go: 'PrepareForCreate', name: 'reports a negative metadata.generation on a CronJob as one that would vanish, not as negative', manifest: cronJob({}, { name: 'report', generation: -1 }), problems: ['metadata.generation: -1 would vanish (this library\'s contract): the API server sets a CronJob\'s generation to 1 on create; remove it.'] },
  {
    go: 'getJobFromTemplate2',
    name: 'rejects job template labels and reserved pod labels that every Job the CronJob creates would be refused for',
    manifest: cronJob({
      jobTemplate: {
        metadata: { labels: { 'bad key': 'x' } },
        spec: { template: { metadata: { labels: { 'job-name': 'nightly', 'controller-uid': 'u' } }, spec: { restartPolicy: 'Never', containers: CONTAINERS } } },
      },
    }),
    problems: [
      `spec.jobTemplate.metadata.labels: label key "bad key" is invalid: it must have a name part of alphanumerics, '-', '_' or '.' that starts and ends with an alphanumeric (e.g. 'MyName', 'my.name' or 'example.com/MyName') ${CRONJOB_CONTRACT}.`,
      `spec.jobTemplate.spec.template.metadata.labels.job-name: "nightly" is set, but it must be the name of each Job, which the CronJob controller generates (<cronjob name>-<minutes since the epoch>) ${CRONJOB_CONTRACT}; remove the label: Kubernetes sets it.`,
      `spec.jobTemplate.spec.template.metadata.labels.controller-uid: "u" is set, but it must be the uid of each Job the CronJob creates, which Kubernetes generates ${CRONJOB_CONTRACT}; remove the label: Kubernetes sets it.`,
    ],
  },
  {
    go: 'getJobFromTemplate2',
    name: 'names a reserved label with a domain in its path as Go prints a map key (review 59 SS4)',
    manifest: cronJob({ jobTemplate: { spec: { template: { metadata: { labels: { 'batch.kubernetes.io/job-name': 'nightly' } }, spec: { restartPolicy: 'Never', containers: CONTAINERS } } } } }),
    problems: [
      'spec.jobTemplate.spec.template.metadata.labels[batch.kubernetes.io/job-name]: "nightly" is set, but it must be the name of each Job, which the CronJob controller generates '
        + `(<cronjob name>-<minutes since the epoch>) ${CRONJOB_CONTRACT}; remove the label: Kubernetes sets it.`,
    ],
  },
  {
    go: 'getJobFromTemplate2',
    name: 'rejects a CronJob name with a dot for Indexed Jobs, whose pod hostnames would have it',
    manifest: cronJob({ jobTemplate: { spec: { completionMode: 'Indexed', completions: 2, template: podTemplate({ restartPolicy: 'Never' }, undefined) } } }, { name: 'db.backup' }),
    problems: [`metadata.name: "db.backup" names the Jobs it creates (like "db.backup-29000000"), and the job controller makes <job name>-<index> the hostname of each pod of an Indexed Job ("db.backup-29000000-1"), a DNS-1123 label without dots; rename the CronJob without dots (e.g. name "db-backup") ${CRONJOB_CONTRACT}.`],
  },
  {
    go: 'getJobFromTemplate2',
    name: 'rejects a CronJob name that leaves its Indexed Jobs no room for the index in the hostname',
    manifest: cronJob({ jobTemplate: { spec: { completionMode: 'Indexed', completions: 100, template: podTemplate({ restartPolicy: 'Never' }, undefined) } } }, { name: 'c'.repeat(52) }),
    problems: [`metadata.name: "${'c'.repeat(52)}" names the Jobs it creates (like "${'c'.repeat(52)}-29000000"), and the job controller makes <job name>-<index> the hostname of each pod of an Indexed Job ("${'c'.repeat(52)}-29000000-99"), which must be no more than 63 characters (it has 64); use a shorter name or fewer completions ${CRONJOB_CONTRACT}.`],
  },
  {
    go: 'getJobFromTemplate2',
    name: 'names the generateName of a CronJob for Indexed Jobs with a dot, and suggests a generateName (review 16 A4)',
    manifest: cronJob({ jobTemplate: { spec: { completionMode: 'Indexed', completions: 2, template: podTemplate({ restartPolicy: 'Never' }, undefined) } } }, { generateName: 'db.backup-' }),
    problems: [`metadata.generateName: "db.backup-bcdfg" (the name the API server generates from generateName "db.backup-") names the Jobs it creates (like "db.backup-bcdfg-29000000"), and the job controller makes <job name>-<index> the hostname of each pod of an Indexed Job ("db.backup-bcdfg-29000000-1"), a DNS-1123 label without dots; rename the CronJob without dots (e.g. generateName "db-backup-") ${CRONJOB_CONTRACT}.`],
  },
  {
    go: 'getJobFromTemplate2',
    name: 'says "too long" when a CronJob name with a dot would still be too long without it (review 16 A3)',
    manifest: cronJob({ jobTemplate: { spec: { completionMode: 'Indexed', completions: 11, template: podTemplate({ restartPolicy: 'Never' }, undefined) } } }, { name: `db.${'x'.repeat(49)}` }),
    problems: [`metadata.name: "db.${'x'.repeat(49)}" names the Jobs it creates (like "db.${'x'.repeat(49)}-29000000"), and the job controller makes <job name>-<index> the hostname of each pod of an Indexed Job ("db.${'x'.repeat(49)}-29000000-10"), which must be no more than 63 characters (it has 64), and without dots; use a shorter name or fewer completions ${CRONJOB_CONTRACT}.`],
  },
  {
    go: 'getJobFromTemplate2',
    name: 'accepts a 51-character CronJob name with 100 Indexed completions',
    manifest: cronJob({ jobTemplate: { spec: { completionMode: 'Indexed', completions: 100, template: podTemplate({ restartPolicy: 'Never' }, undefined) } } }, { name: 'c'.repeat(51) }),
    problems: [],
  },
];
