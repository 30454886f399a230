import { pod, RuleCase } from './cases';

const nodeAffinity = (na: any): any => pod({ affinity: { nodeAffinity: na } });
const required = (...matchExpressions: any[]): any => nodeAffinity({
  requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] },
});
const podAffinity = (term: any, labels: any = { app: 'web' }): any => pod({ affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } }, { name: 'p', labels });
const tolerations = (...t: any[]): any => pod({ tolerations: t });
const spread = (...c: any[]): any => pod({ topologySpreadConstraints: c });
const zone = 'topology.kubernetes.io/zone';
/** A Deployment whose pods are labelled app=web, with this pod spec. */
const deployment = (spec: any): any => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], ...spec } } },
});

/** Affinity, tolerations, topology spread, node selector, readiness and scheduling gates. */
export const SCHEDULING_CASES: RuleCase[] = [
  // ---- node affinity --------------------------------------------------------------------------
  { go: 'ValidateNodeSelector', name: 'rejects required node affinity without terms', manifest: nodeAffinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } }), problems: ['spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: must have at least one node selector term; add one.'] },
  {
    go: 'ValidateNodeSelectorRequirement',
    name: 'rejects In without values, Exists with values, Gt with two values and an unknown operator',
    manifest: required({ key: 'a', operator: 'In' }, { key: 'b', operator: 'Exists', values: ['x'] }, { key: 'c', operator: 'Gt', values: ['1', '2'] }, { key: 'd', operator: 'Like', values: ['x'] }),
    problems: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: must be specified when operator is In; list at least one value.',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].values: may not be specified when operator is Exists; remove them.',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[2].values: must have exactly one value when operator is Gt (an integer, e.g. [\'3\']).',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[3].operator: "Like" is not a valid node selector operator; use In, NotIn, Exists, DoesNotExist, Gt or Lt.',
    ],
  },
  {
    go: 'ValidateNodeSelectorRequirement',
    name: 'rejects a bad key and a bad value in required node affinity',
    manifest: required({ key: 'disk type', operator: 'In', values: ['ssd drive'] }),
    problems: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: "disk type" is not a valid label key: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]: "ssd drive" is not a valid label value: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric (this library\'s contract: Kubernetes 1.33 and later reject it in required node affinity, 1.32 accepts it).',
    ],
  },
  {
    go: 'ValidateNodeSelectorRequirement',
    name: "rejects Gt '+1' in required node affinity, which 1.32 accepts and 1.33 rejects (this library's contract)",
    manifest: required({ key: 'cores', operator: 'Gt', values: ['+1'] }),
    problems: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]: "+1" is not a valid label value: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric (this library\'s contract: Kubernetes 1.33 and later reject it in required node affinity, 1.32 accepts it).',
    ],
  },
  { go: 'ValidatePreferredSchedulingTerms', name: 'accepts a value that is not a label value in preferred node affinity, and Lt with one value', manifest: nodeAffinity({ preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd drive'] }, { key: 'cores', operator: 'Lt', values: ['8'] }] } }] }), problems: [] },
  {
    go: 'ValidatePreferredSchedulingTerms',
    name: 'rejects weights 0 and 101',
    manifest: nodeAffinity({ preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }, { weight: 101, preference: {} }] }),
    problems: [
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: 0 must be in the range 1-100.',
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].weight: 101 must be in the range 1-100.',
    ],
  },
  {
    go: 'ValidateNodeFieldSelectorRequirement',
    name: 'rejects matchFields on a key other than metadata.name, and two node names',
    manifest: nodeAffinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'spec.unschedulable', operator: 'In', values: ['x'] }, { key: 'metadata.name', operator: 'NotIn', values: ['a', 'B'] }] }] } }),
    problems: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: "spec.unschedulable" is not a valid field selector key; matchFields supports only \'metadata.name\'.',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[1].values: must have exactly one value (a node name) when operator is NotIn in matchFields.',
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[1].values[1]: "B" is not a valid node name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
    ],
  },
  { go: 'ValidateNodeFieldSelectorRequirement', name: 'accepts one node name in matchFields', manifest: nodeAffinity({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1.example.com'] }] }] } }), problems: [] },
  // ---- pod affinity ---------------------------------------------------------------------------
  {
    go: 'validatePodAffinityTerm',
    name: 'rejects a term without topologyKey, a bad namespace and a bad selector operator',
    manifest: podAffinity({ labelSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['db'] }] }, namespaces: ['Team_A'] }),
    problems: [
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].operator: "Equals" is not a valid selector operator; use In, NotIn, Exists or DoesNotExist.',
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespaces[0]: "Team_A" is not a valid namespace: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\').',
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: can not be empty; set a node label key (e.g. \'kubernetes.io/hostname\' or \'topology.kubernetes.io/zone\').',
    ],
  },
  {
    go: 'validatePodAffinityTerm',
    name: 'rejects a topologyKey that is not a label key and a selector value that is not a label value',
    manifest: podAffinity({ labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['my db'] }] }, topologyKey: 'host name' }),
    problems: [
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values[0]: "my db" is not a valid label value: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric.',
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: "host name" is not a valid label key: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').',
    ],
  },
  { go: 'validateWeightedPodAffinityTerms', name: 'rejects a preferred anti-affinity term of weight 0', manifest: pod({ affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: { topologyKey: zone } }] } } }), problems: ['spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: 0 must be in the range 1-100.'] },
  // ---- tolerations ----------------------------------------------------------------------------
  {
    go: 'ValidateTolerations',
    name: 'rejects an empty key with Equal, and tolerationSeconds without NoExecute',
    manifest: tolerations({ operator: 'Equal', value: 'x' }, { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 60 }),
    problems: [
      'spec.tolerations[0].operator: "Equal" must be Exists when key is empty (an empty key with Exists tolerates every taint); set key, or operator: Exists.',
      'spec.tolerations[1].effect: "NoSchedule" must be NoExecute when tolerationSeconds is set; set effect: NoExecute or remove tolerationSeconds.',
    ],
  },
  {
    go: 'ValidateTolerations',
    name: 'reports a key that is not a string with the decoder\'s message only, not as an empty key (review 46 X2)',
    manifest: tolerations({ key: 5 }),
    problems: ['spec.tolerations[0].key: 5 is a number, but Toleration.key takes a string; write it as a string: "5" (the API server cannot decode it).'],
  },
  {
    go: 'ValidateTolerations',
    name: 'rejects a value with Exists, an unknown operator and an unknown effect',
    manifest: tolerations({ key: 'k', operator: 'Exists', value: 'v' }, { key: 'k', operator: 'In' }, { key: 'k', effect: 'NoAdmit' }),
    problems: [
      'spec.tolerations[0].value: "v" must be empty when operator is Exists; remove it, or use operator: Equal.',
      'spec.tolerations[1].operator: "In" is not supported; use Equal or Exists.',
      'spec.tolerations[2].effect: "NoAdmit" is not supported; use one of NoSchedule, PreferNoSchedule, NoExecute (or omit it to tolerate every effect).',
    ],
  },
  {
    go: 'ValidateTolerations',
    name: 'rejects a bad key and a value that is not a label value',
    manifest: tolerations({ key: 'my key', value: 'a b' }),
    problems: [
      'spec.tolerations[0].key: "my key" is not a valid toleration key: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').',
      'spec.tolerations[0].value: "a b" is not a valid toleration value: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric.',
    ],
  },
  { go: 'ValidateTolerations', name: 'accepts Exists alone (every taint), an empty operator and NoExecute with seconds', manifest: tolerations({ operator: 'Exists' }, { key: 'gpu', value: 'true', effect: 'NoSchedule' }, { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }), problems: [] },
  // ---- topology spread ------------------------------------------------------------------------
  {
    go: 'validateTopologySpreadConstraints',
    name: 'rejects maxSkew 0, no topologyKey and an unknown whenUnsatisfiable',
    manifest: spread({ maxSkew: 0, topologyKey: '', whenUnsatisfiable: 'Never' }),
    problems: [
      'spec.topologySpreadConstraints[0].maxSkew: 0 must be greater than zero.',
      'spec.topologySpreadConstraints[0].topologyKey: can not be empty; set a node label key (e.g. \'topology.kubernetes.io/zone\').',
      'spec.topologySpreadConstraints[0].whenUnsatisfiable: "Never" is not supported; use DoNotSchedule or ScheduleAnyway.',
    ],
  },
  { go: 'validateTopologySpreadConstraints', name: 'rejects two constraints on one topologyKey and whenUnsatisfiable', manifest: spread({ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule' }, { maxSkew: 2, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule' }), problems: ['spec.topologySpreadConstraints[0]: {topologyKey, whenUnsatisfiable} {"topology.kubernetes.io/zone", "DoNotSchedule"} is repeated by spec.topologySpreadConstraints[1]; keep one constraint per pair.'] },
  {
    go: 'validateTopologySpreadConstraints',
    name: 'rejects minDomains with ScheduleAnyway and minDomains 0',
    manifest: spread({ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 0 }),
    problems: [
      'spec.topologySpreadConstraints[0].minDomains: 0 must be greater than zero.',
      'spec.topologySpreadConstraints[0].minDomains: can only be used with whenUnsatisfiable: DoNotSchedule, not "ScheduleAnyway".',
    ],
  },
  {
    go: 'validateTopologySpreadConstraints',
    name: 'rejects an unknown node inclusion policy and matchLabelKeys without labelSelector',
    manifest: spread({ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Always', matchLabelKeys: ['pod-template-hash'] }),
    problems: [
      'spec.topologySpreadConstraints[0].nodeTaintsPolicy: "Always" is not supported; use Honor or Ignore.',
      'spec.topologySpreadConstraints[0].matchLabelKeys: must not be set when labelSelector is not set; add a labelSelector or remove matchLabelKeys.',
    ],
  },
  {
    go: 'validateTopologySpreadConstraints',
    name: 'rejects a matchLabelKeys key the labelSelector has, and a bad selector value',
    manifest: spread({ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web', tier: 'front end' } }, matchLabelKeys: ['app'] }),
    problems: [
      'spec.topologySpreadConstraints[0].matchLabelKeys[0]: "app" is also in labelSelector; remove it from one of them.',
      'spec.topologySpreadConstraints[0].labelSelector.matchLabels.tier: label value "front end" is invalid: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric.',
    ],
  },
  { go: 'validateTopologySpreadConstraints', name: 'accepts one key with both whenUnsatisfiable values, minDomains and node inclusion policies', manifest: spread({ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule', minDomains: 3, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore', labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['pod-template-hash'] }, { maxSkew: 5, topologyKey: zone, whenUnsatisfiable: 'ScheduleAnyway' }), problems: [] },
  // ---- node selector, gates -------------------------------------------------------------------
  { go: 'ValidatePodSpec', name: 'rejects a nodeSelector value that is not a label value', manifest: pod({ nodeSelector: { 'kubernetes.io/os': 'linux os' } }), problems: ['spec.nodeSelector[kubernetes.io/os]: label value "linux os" is invalid: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric.'] },
  { go: 'validateReadinessGates', name: 'rejects a readiness gate condition type with a space', manifest: pod({ readinessGates: [{ conditionType: 'example.com/load balancer' }] }), problems: ['spec.readinessGates[0].conditionType: "example.com/load balancer" is not a valid condition type: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').'] },
  {
    go: 'validateSchedulingGates',
    name: 'rejects a scheduling gate listed twice and one with a bad name',
    manifest: pod({ schedulingGates: [{ name: 'example.com/quota' }, { name: 'example.com/quota' }, { name: 'bad gate' }] }),
    problems: [
      'spec.schedulingGates[1].name: "example.com/quota" is listed twice; list each scheduling gate once.',
      'spec.schedulingGates[2].name: "bad gate" is not a valid scheduling gate name: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').',
    ],
  },
  { go: 'validateSchedulingGates', name: 'accepts scheduling gates on a Pod without nodeName', manifest: pod({ schedulingGates: [{ name: 'example.com/quota' }], readinessGates: [{ conditionType: 'example.com/ready' }] }), problems: [] },
];

/** The cases with fields added after Kubernetes 1.28 (matchLabelKeys and mismatchLabelKeys in pod affinity, 1.29). */
export const SCHEDULING_CASES_1_32: RuleCase[] = [
  { go: 'validateMatchLabelKeysAndMismatchLabelKeys', name: 'rejects matchLabelKeys without labelSelector and a key in both lists', manifest: podAffinity({ topologyKey: zone, matchLabelKeys: ['app'] }), problems: ['spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys: must not be set when labelSelector is not set; add a labelSelector or remove matchLabelKeys.'], offline128: false },
  { go: 'validateMatchLabelKeysAndMismatchLabelKeys', name: 'rejects a key in matchLabelKeys and mismatchLabelKeys', manifest: podAffinity({ topologyKey: zone, labelSelector: { matchLabels: { tier: 'db' } }, matchLabelKeys: ['version'], mismatchLabelKeys: ['version'] }), problems: ['spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]: "version" is in both matchLabelKeys and mismatchLabelKeys; keep it in one.'], offline128: false },
  { go: 'mutatePodAffinity', name: 'rejects a matchLabelKeys key the selector has too, once the pod\'s value is added to the selector', manifest: podAffinity({ topologyKey: zone, labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['app'] }), problems: ['spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]: "app" is in labelSelector and in matchLabelKeys, for which the API server adds app In (web) to the selector from the Pod\'s label; remove it from one of them.'], offline128: false },
  {
    go: 'mutatePodAffinity',
    name: 'rejects a matchLabelKeys key listed twice, which adds the pod\'s value to the selector twice (review 64 W1)',
    manifest: podAffinity({ topologyKey: zone, labelSelector: {}, matchLabelKeys: ['app', 'app'] }),
    problems: ['spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[1]: "app" is listed twice in matchLabelKeys: the API server adds app In (web) to labelSelector from the Pod\'s label for each, so the selector would have the key more than once; list it once.'],
    offline128: false,
  },
  {
    go: 'mutatePodAffinity',
    name: 'says a key is in the selector and listed twice, with a fix that fixes both (review 66 D8)',
    manifest: podAffinity({ topologyKey: zone, labelSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, matchLabelKeys: ['app', 'app'] }),
    problems: ['spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[1]: "app" is in labelSelector, and listed twice in matchLabelKeys, for each of which the API server adds app In (web) to the selector from the Pod\'s label; remove it from labelSelector and list it once in matchLabelKeys, or remove it from matchLabelKeys.'],
    offline128: false,
  },
  {
    go: 'mutatePodAffinity',
    name: 'rejects a matchLabelKeys key listed three times in one message, not one per repeat (review 65 A8)',
    manifest: podAffinity({ topologyKey: zone, labelSelector: {}, matchLabelKeys: ['app', 'app', 'app'] }),
    problems: ['spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[2]: "app" is listed 3 times in matchLabelKeys: the API server adds app In (web) to labelSelector from the Pod\'s label for each, so the selector would have the key more than once; list it once.'],
    offline128: false,
  },
  {
    go: 'mutatePodAffinity',
    name: 'rejects a key of the pod\'s labels in matchLabelKeys and mismatchLabelKeys twice, as Go does: the selector gets it twice, and the lists share it',
    manifest: podAffinity({ topologyKey: zone, labelSelector: {}, matchLabelKeys: ['app'], mismatchLabelKeys: ['app'] }),
    problems: [
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]: "app" is in matchLabelKeys and in mismatchLabelKeys: the API server adds app In (web) and app NotIn (web) to labelSelector from the Pod\'s label, so the selector would have the key more than once; keep it in one.',
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]: "app" is in both matchLabelKeys and mismatchLabelKeys; keep it in one.',
    ],
    offline128: false,
  },
  {
    go: 'ValidatePodTemplateSpec',
    name: 'reports a matchLabelKeys key listed twice in a pod template, without a stand-in value of the controller\'s label',
    manifest: deployment({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: {}, matchLabelKeys: ['pod-template-hash', 'pod-template-hash'] }] } } }),
    problems: ['spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[1]: "pod-template-hash" is listed twice in matchLabelKeys: the API server adds pod-template-hash In (its value) to labelSelector from the Pod\'s label for each, so the selector would have the key more than once; list it once (the API server accepts it in a pod template, then rejects every Pod created from it: each Pod gets `key In (its value)` added to the selector; this library\'s contract).'],
    offline128: false,
  },
  { go: 'mutatePodAffinity', name: 'accepts that key when the pod does not have the label', manifest: podAffinity({ topologyKey: zone, labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['app'] }, { tier: 'db' }), problems: [], offline128: false },
  {
    go: 'ValidatePodTemplateSpec',
    name: 'reports a matchLabelKeys key of a label the ReplicaSet controller adds to every Pod (pod-template-hash) that the selector has too (review 12 C5)',
    manifest: deployment({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchExpressions: [{ key: 'pod-template-hash', operator: 'Exists' }] }, matchLabelKeys: ['pod-template-hash'] }] } } }),
    problems: ['spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]: "pod-template-hash" is in labelSelector and in matchLabelKeys, for which the API server adds pod-template-hash In (its value) to the selector from the Pod\'s label; remove it from one of them (the API server accepts it in a pod template, then rejects every Pod created from it: each Pod gets `key In (its value)` added to the selector; this library\'s contract).'],
    offline128: false,
  },
  {
    go: 'ValidatePodTemplateSpec',
    name: 'accepts matchLabelKeys pod-template-hash beside a selector of other keys, the example of the Kubernetes docs',
    manifest: deployment({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['pod-template-hash'] }] } } }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidatePodTemplateSpec',
    name: 'reports a matchLabelKeys key of the job-name label every Job of a CronJob gives its Pods, which the selector has too',
    manifest: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'report' },
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: {
          spec: {
            template: {
              spec: {
                restartPolicy: 'Never',
                containers: [{ name: 'c', image: 'busybox:1.36' }],
                affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: zone, labelSelector: { matchExpressions: [{ key: 'job-name', operator: 'Exists' }] }, matchLabelKeys: ['job-name'] }] } },
              },
            },
          },
        },
      },
    },
    problems: ['spec.jobTemplate.spec.template.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]: "job-name" is in labelSelector and in matchLabelKeys, for which the API server adds job-name In (its value) to the selector from the Pod\'s label; remove it from one of them (the API server accepts it in a pod template, then rejects every Pod created from it: each Pod gets `key In (its value)` added to the selector; this library\'s contract).'],
    offline128: false,
  },
  {
    go: 'ValidatePodTemplateSpec',
    name: 'reports nodeName with schedulingGates in a pod template, which every Pod created from it would be refused for (review 12 C3)',
    manifest: deployment({ nodeName: 'node-1', schedulingGates: [{ name: 'example.com/quota' }] }),
    problems: ['spec.template.spec.nodeName: "node-1" cannot be set while schedulingGates remain (the API server accepts it in a pod template, then rejects every Pod created from it: a Pod is bound to a node only once its gates are cleared); remove nodeName or the schedulingGates (this library\'s contract).'],
    offline128: false,
  },
  { go: 'ValidatePodTemplateSpec', name: 'reports the matchLabelKeys conflict of every Pod a Deployment would create', manifest: deployment({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } }, matchLabelKeys: ['app'] }] } } }), problems: ['spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].matchLabelKeys[0]: "app" is in labelSelector and in matchLabelKeys, for which the API server adds app In (its value) to the selector from the Pod\'s label; remove it from one of them (the API server accepts it in a pod template, then rejects every Pod created from it: each Pod gets `key In (its value)` added to the selector; this library\'s contract).'], offline128: false },
  { go: 'validateAffinity', name: 'accepts pod affinity and anti-affinity with namespace selectors and matchLabelKeys', manifest: podAffinity({ topologyKey: zone, labelSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }] }, namespaceSelector: {}, matchLabelKeys: ['app'] }), problems: [], offline128: false },
];
