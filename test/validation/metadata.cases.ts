import { pod, RuleCase } from './cases';
import { cronJob, deployment, podTemplate } from './workloads.cases';

const meta = (m: any): any => pod({}, m);

/** ObjectMeta on create (apimachinery objectmeta.go and the core additions). */
export const METADATA_CASES: RuleCase[] = [
  {
    go: 'dropInitContainerAnnotations',
    name: 'reports a Pod\'s init container annotation of Kubernetes 1.5 as one that would vanish, and leaves it out of the annotation size',
    manifest: meta({ name: 'p', annotations: { 'pod.alpha.kubernetes.io/init-containers': 'x'.repeat(262144), 'example.com/note': 'kept' } }),
    problems: ['metadata.annotations: "pod.alpha.kubernetes.io/init-containers" would vanish (this library\'s contract): the API server drops the init container annotations of Kubernetes 1.5 to 1.7 when it reads a pod, and no kubelet reads them since 1.8; remove it and declare the containers in spec.initContainers.'],
  },
  {
    go: 'dropInitContainerAnnotations',
    name: 'reports the init container annotations of a Deployment\'s and a CronJob\'s pod template, which would vanish',
    manifest: deployment({ template: { ...podTemplate(), metadata: { labels: { app: 'web' }, annotations: { 'pod.beta.kubernetes.io/init-containers': '[]', 'pod.beta.kubernetes.io/init-container-statuses': '[]' } } } }),
    problems: [
      'spec.template.metadata.annotations: "pod.beta.kubernetes.io/init-containers" would vanish (this library\'s contract): the API server drops the init container annotations of Kubernetes 1.5 to 1.7 when it reads a pod, and no kubelet reads them since 1.8; remove it and declare the containers in spec.initContainers.',
      'spec.template.metadata.annotations: "pod.beta.kubernetes.io/init-container-statuses" would vanish (this library\'s contract): the API server drops the init container annotations of Kubernetes 1.5 to 1.7 when it reads a pod, and no kubelet reads them since 1.8; remove it and declare the containers in spec.initContainers.',
    ],
  },
  {
    go: 'dropInitContainerAnnotations',
    name: 'reports a CronJob pod template\'s init container annotation, which would vanish, and accepts the same key with other letter case (Go compares keys exactly)',
    manifest: cronJob({ jobTemplate: { spec: { template: { ...podTemplate({ restartPolicy: 'OnFailure' }, undefined), metadata: { annotations: { 'pod.alpha.kubernetes.io/init-container-statuses': '[]', 'pod.alpha.kubernetes.io/Init-Containers': '[]' } } } } } }),
    problems: ['spec.jobTemplate.spec.template.metadata.annotations: "pod.alpha.kubernetes.io/init-container-statuses" would vanish (this library\'s contract): the API server drops the init container annotations of Kubernetes 1.5 to 1.7 when it reads a pod, and no kubelet reads them since 1.8; remove it and declare the containers in spec.initContainers.'],
  },
  { go: 'ValidateObjectMeta', name: 'accepts a generateName that ends with a dash and no name', manifest: meta({ generateName: 'web-' }), problems: [] },
  {
    go: 'ValidateObjectMeta',
    name: 'rejects a generateName that cannot start a name',
    manifest: meta({ generateName: 'Web-' }),
    problems: [
      'metadata.generateName: "Web-" is not valid as the start of an object name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
      'metadata.name: "Web-bcdfg" (the name the API server generates from generateName "Web-") is not valid as an object name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\'); shorten or fix generateName.',
    ],
  },
  { go: 'ValidateObjectMeta', name: 'rejects a generateName ending with a dot, although the generated name would be valid', manifest: meta({ generateName: 'a.' }), problems: ['metadata.generateName: "a." is not valid as the start of an object name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').'] },
  { go: 'ValidateObjectMeta', name: 'rejects a 254-character generateName (the generated name, cut to 58 characters and completed, would be valid)', manifest: meta({ generateName: 'a'.repeat(254) }), problems: ['metadata.generateName: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is not valid as the start of an object name: it must be no more than 253 characters (it has 254).'] },
  { go: 'ValidateObjectMeta', name: 'rejects metadata without name or generateName', manifest: meta({ labels: { app: 'x' } }), problems: ['metadata.name: is required; set name or generateName.'] },
  { go: 'ValidateObjectMeta', name: 'accepts a Pod without a namespace (the request fills it in)', manifest: meta({ name: 'p' }), problems: [] },
  { go: 'ValidateObjectMeta', name: 'rejects a negative generation', manifest: meta({ name: 'p', generation: -1 }), problems: ['metadata.generation: -1 must be greater than or equal to 0; remove it (the API server manages it).'] },
  {
    go: 'ValidateOwnerReferences',
    name: 'rejects an owner reference without uid and with an apiVersion of three parts',
    manifest: meta({ name: 'p', ownerReferences: [{ apiVersion: 'apps/v1/x', kind: 'ReplicaSet', name: 'rs', uid: '' }] }),
    problems: [
      'metadata.ownerReferences[0].apiVersion: "apps/v1/x" has no version; write the owner\'s apiVersion (e.g. \'apps/v1\' or \'v1\').',
      'metadata.ownerReferences[0].uid: must not be empty; set the owner\'s uid (the API server gave it when the owner was created).',
    ],
  },
  { go: 'ValidateOwnerReferences', name: 'rejects an Event as owner', manifest: meta({ name: 'p', ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u1' }] }), problems: ['metadata.ownerReferences[0]: an Event (v1) is not allowed to be an owner; reference another object.'] },
  {
    go: 'ValidateOwnerReferences',
    name: 'rejects an Event as owner when its apiVersion is written /v1 (ParseGroupVersion reads the core group)',
    manifest: meta({ name: 'p', ownerReferences: [{ apiVersion: '/v1', kind: 'Event', name: 'e', uid: 'u1' }] }),
    problems: ['metadata.ownerReferences[0]: an Event (v1) is not allowed to be an owner; reference another object.'],
  },
  {
    go: 'ValidateOwnerReferences',
    name: 'accepts an owner reference given twice, identical, as controller: the API server removes the duplicate first',
    manifest: meta({ name: 'p', ownerReferences: [1, 2].map(() => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: 'u1', controller: true })) }),
    problems: [],
  },
  { go: 'ValidateOwnerReferences', name: 'rejects two controllers', manifest: meta({ name: 'p', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: 'u1', controller: true }, { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: 'u2', controller: true }] }), problems: ['metadata.ownerReferences[1].controller: true is set for ReplicaSet/b and for ReplicaSet/a; only one owner reference may be the controller.'] },
  { go: 'ValidateOwnerReferences', name: 'accepts one controller among several owners', manifest: meta({ name: 'p', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: 'u1', controller: true }, { apiVersion: 'v1', kind: 'ConfigMap', name: 'b', uid: 'u2', controller: false }] }), problems: [] },
  {
    go: 'ValidateFinalizers',
    name: 'rejects a finalizer that is not a qualified name, and one neither standard nor qualified',
    manifest: meta({ name: 'p', finalizers: ['a/b/c', 'cleanup'] }),
    problems: [
      'metadata.finalizers[0]: finalizer "a/b/c" is invalid: it must be a qualified name: an optional DNS subdomain prefix and \'/\', then a name (e.g. \'example.com/my-key\').',
      'metadata.finalizers[1]: "cleanup" is neither a standard finalizer name (kubernetes, orphan, foregroundDeletion) nor fully qualified; write it with a domain (e.g. \'example.com/cleanup\').',
    ],
  },
  { go: 'ValidateFinalizers', name: 'rejects orphan with foregroundDeletion', manifest: meta({ name: 'p', finalizers: ['orphan', 'foregroundDeletion'] }), problems: ['metadata.finalizers: finalizers "orphan" and "foregroundDeletion" cannot both be set; keep one.'] },
  {
    go: 'validateKubeFinalizerName',
    name: 'reports an invalid finalizer name once, without a "write it with a domain" fix that would not mend it (review 15 B2)',
    manifest: meta({ name: 'p', finalizers: ['bad_', ''] }),
    problems: [
      'metadata.finalizers[0]: finalizer "bad_" is invalid: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').',
      'metadata.finalizers[1]: finalizer "" is invalid: it must not be empty.',
    ],
  },
  { go: 'ValidateFinalizers', name: 'accepts standard and domain-qualified finalizers', manifest: meta({ name: 'p', finalizers: ['kubernetes', 'example.com/cleanup'] }), problems: [] },
  {
    go: 'ValidateManagedFields',
    name: 'accepts a reset ([{}]) and entries that do not decode (operation Delete, fieldsType FieldsV2), which the field manager replaces on create',
    manifest: meta({ name: 'p', managedFields: [{ manager: 'kubectl', operation: 'Delete', apiVersion: 'v1', fieldsType: 'FieldsV1' }, { manager: 'x'.repeat(200), operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV2' }] }),
    problems: [],
    offline128: false,
  },
  { go: 'ValidateManagedFields', name: 'accepts the reset of managed fields ([{}])', manifest: meta({ name: 'p', managedFields: [{}] }), problems: [], offline128: false },
  {
    go: 'ValidateAnnotations',
    name: 'lower-cases annotation keys as Go\'s strings.ToLower does (İ is i, not i and a combining dot)',
    manifest: meta({ name: 'p', annotations: { 'example.com/\u0130d': 'x' } }),
    problems: [],
    offline128: false,
  },
  { go: 'ValidateAnnotations', name: 'accepts annotation keys in any case', manifest: meta({ name: 'p', annotations: { 'Example.COM/Owner': 'me' } }), problems: [] },
  { go: 'ValidateLabels', name: 'rejects a label value with a space', manifest: meta({ name: 'p', labels: { app: 'my app' } }), problems: ['metadata.labels.app: label value "my app" is invalid: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric.'] },
  {
    go: 'BeforeCreate',
    name: 'rejects a uid and a creationTimestamp, which the API server replaces on create',
    manifest: meta({ name: 'p', uid: 'abc', creationTimestamp: '2024-01-01T00:00:00Z' }),
    problems: [
      'metadata.uid: "abc" would vanish (this library\'s contract): the API server sets uid itself on create and drops this value; remove it.',
      'metadata.creationTimestamp: "2024-01-01T00:00:00Z" would vanish (this library\'s contract): the API server sets creationTimestamp itself on create and drops this value; remove it.',
    ],
  },
  { go: 'BeforeCreate', name: 'accepts creationTimestamp: null, as kubectl writes it', manifest: meta({ name: 'p', creationTimestamp: null }), problems: [] },
  {
    go: 'BeforeCreate',
    name: 'rejects a resourceVersion on create for every kind (the store\'s Create), and reports a uid that would vanish',
    manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', resourceVersion: '12345', uid: 'd9607e19-f88f-11e6-a518-42010a800195' }, data: { a: 'b' } },
    problems: [
      'metadata.uid: "d9607e19-f88f-11e6-a518-42010a800195" would vanish (this library\'s contract): the API server sets uid itself on create and drops this value; remove it.',
      'metadata.resourceVersion: "12345" must not be set on an object to be created (the API server refuses it: "resourceVersion should not be set on objects to be created"); remove it.',
    ],
  },
  {
    go: 'BeforeCreate',
    name: 'reports a resourceVersion that ParseUint does not read as a version other than 0 as one that would vanish (the store clears it)',
    manifest: meta({ name: 'p', resourceVersion: '0' }),
    problems: ['metadata.resourceVersion: "0" would vanish (this library\'s contract): the API server sets resourceVersion itself on create and drops this value; remove it.'],
  },
  { go: 'BeforeCreate', name: 'rejects a resourceVersion on create', manifest: meta({ name: 'p', resourceVersion: '42' }), problems: ['metadata.resourceVersion: "42" must not be set on an object to be created (the API server refuses it: \"resourceVersion should not be set on objects to be created\"); remove it.'] },
  {
    go: 'ValidateManagedFields',
    name: 'accepts an entry with an empty field set, which the field manager deletes on create before validation (review 67 G2)',
    manifest: meta({ name: 'p', managedFields: [{ manager: 'x'.repeat(144), operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1' }] }),
    problems: [],
  },
  {
    go: 'ValidateManagedFields',
    name: 'judges a manager\'s characters with the Unicode 15.0 tables of the Go that builds Kubernetes 1.32 (U+2EBF0 is unassigned there, review 67 G3)',
    manifest: meta({ name: 'p', managedFields: [{ manager: 'kubectl-\u{2EBF0}', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:absent': {} } } } }] }),
    problems: ['metadata.managedFields[0].manager: "kubectl-\u{2EBF0}" contains a character that is not printable; remove it.'],
  },
  {
    go: 'dedupOwnerReferencesAndAddWarning',
    name: 'reads a missing uid as "", as the decoder does, so two owner references that differ only there are one (review 67 G4)',
    manifest: meta({ name: 'p', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: '', controller: true }, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true }] }),
    problems: ['metadata.ownerReferences[0].uid: must not be empty; set the owner\'s uid (the API server gave it when the owner was created).'],
  },
  {
    go: 'ValidateManagedFields',
    name: 'counts the manager and subresource in bytes, as Go does (65 two-byte characters are 130 bytes)',
    manifest: meta({ name: 'p', managedFields: [{ manager: 'é'.repeat(65), operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:absent': {} } } }, subresource: 'é'.repeat(129) }] }),
    problems: ['metadata.managedFields[0].manager: must be no more than 128 bytes (it has 130).', 'metadata.managedFields[0].subresource: must be no more than 256 bytes (it has 258).'],
  },
];
