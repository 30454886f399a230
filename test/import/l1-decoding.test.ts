import { imported, importError } from './manifests';

/**
 * The kinds this library does not validate are written with their cdk8s-plus-28 L1 class (or as
 * an ApiObject), and checked as the API server's decoder reads them at Kubernetes 1.32: the JSON
 * type of every field as Go declares it (int32, int64, float, []byte, Quantity, Time, MicroTime),
 * the fields 1.32 added, and the zero value a null list item or map value decodes to.
 * (Review 39 K1-K4, K6; review 38 J8.)
 */

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('the importer reads the kinds it does not validate as the API server decodes them', () => {
  test('GIVEN a Lease and an Event whose MicroTime lacks exactly six fraction digits WHEN imported THEN each is refused at its field (review 39 K1)', () => {
    const message = importError('t.yaml', doc(
      'apiVersion: coordination.k8s.io/v1', 'kind: Lease', 'metadata: {name: l}',
      'spec: {acquireTime: "2024-01-01T00:00:00Z", renewTime: "2024-01-01T00:00:00.123Z"}', '---',
      'apiVersion: events.k8s.io/v1', 'kind: Event', 'metadata: {name: e, namespace: default}', 'eventTime: "2024-01-01T00:00:00.1234567Z"',
      'reportingController: a/b', 'reportingInstance: i', 'action: X', 'reason: Why', 'type: Normal', 'regarding: {kind: Pod, name: p}'));
    const micro = (field: string) => `is not a MicroTime (an RFC 3339 date with exactly six fraction digits), which ${field} takes; write e.g. "2024-01-31T12:00:00.000000Z" (the API server cannot decode it)`;
    expect(message).toContain(`t.yaml:4:8: Lease l: spec.acquireTime: "2024-01-01T00:00:00Z" ${micro('LeaseSpec.acquireTime')}`);
    expect(message).toContain(`Lease l: spec.renewTime: "2024-01-01T00:00:00.123Z" ${micro('LeaseSpec.renewTime')}`);
    expect(message).toContain(`t.yaml:9:1: Event default/e: eventTime: "2024-01-01T00:00:00.1234567Z" ${micro('Event.eventTime')}`);
  });

  test('GIVEN a Lease with a six-digit MicroTime WHEN imported THEN it is an ApiObject that synthesizes it exactly (the L1 class writes a Date with three digits)', () => {
    const result = imported('l.yaml', doc('apiVersion: coordination.k8s.io/v1', 'kind: Lease', 'metadata: {name: l}',
      'spec: {holderIdentity: a, acquireTime: "2024-01-01T00:00:00.000000Z", renewTime: "2024-01-01T01:00:00,123456+02:00"}'));
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("new ApiObject(chart, 'l', {");
    expect(result.code).toContain("acquireTime: '2024-01-01T00:00:00.000000Z'");
  });

  test('GIVEN a metav1.Time that Go does not parse on a kind without a construct WHEN imported THEN it is refused', () => {
    const message = importError('e.yaml', doc('apiVersion: events.k8s.io/v1', 'kind: Event', 'metadata: {name: e, namespace: default}',
      'eventTime: "2024-01-01T00:00:00.000000Z"', 'deprecatedFirstTimestamp: "2024-02-30T00:00:00Z"',
      'reportingController: a/b', 'reportingInstance: i', 'action: X', 'reason: Why', 'type: Normal', 'regarding: {kind: Pod, name: p}'));
    expect(message).toContain('Event default/e: deprecatedFirstTimestamp: "2024-02-30T00:00:00Z" is not an RFC 3339 date, which Event.deprecatedFirstTimestamp takes; write e.g. "2024-01-31T12:00:00Z" (the API server cannot decode it)');
  });

  test('GIVEN a fraction or an out-of-range number in an integer field, and a malformed quantity WHEN imported THEN each is refused (review 39 K3)', () => {
    const message = importError('n.yaml', doc(
      'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: h}',
      'spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}, minReplicas: 1.5, maxReplicas: 3000000000}', '---',
      'apiVersion: v1', 'kind: PersistentVolume', 'metadata: {name: pv}',
      'spec: {capacity: {storage: 5GB}, accessModes: [ReadWriteOnce], hostPath: {path: /tmp}}', '---',
      'apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: pdb}', 'spec: {maxUnavailable: 1.5, selector: {matchLabels: {a: b}}}', '---',
      'apiVersion: apiregistration.k8s.io/v1', 'kind: APIService', 'metadata: {name: v1.x.example.com}',
      'spec: {group: x.example.com, version: v1, groupPriorityMinimum: "100", versionPriority: 15, service: {name: s, namespace: ns, port: 443.5}}'));
    expect(message).toContain('HorizontalPodAutoscaler h: spec.minReplicas: 1.5 is not a whole number; HorizontalPodAutoscalerSpec.minReplicas is an int32: write a whole number (the API server cannot decode it)');
    expect(message).toContain('HorizontalPodAutoscaler h: spec.maxReplicas: 3000000000 is out of range: HorizontalPodAutoscalerSpec.maxReplicas is an int32; write a number in that range (the API server cannot decode it)');
    expect(message).toContain("PersistentVolume pv: spec.capacity.storage: \"5GB\" is not a valid quantity, which PersistentVolumeSpec.capacity takes; write e.g. '100m', '0.5', '128Mi' or 1 (the API server cannot decode it)");
    expect(message).toContain('PodDisruptionBudget pdb: spec.maxUnavailable: 1.5 is not a whole number; PodDisruptionBudgetSpec.maxUnavailable is an int32 or a string: write a whole number (the API server cannot decode it)');
    expect(message).toContain('APIService v1.x.example.com: spec.groupPriorityMinimum: "100" is a string, but APIServiceSpec.groupPriorityMinimum takes an integer; write 100 without quotes (the API server cannot decode it)');
    expect(message).toContain('APIService v1.x.example.com: spec.service.port: 443.5 is not a whole number; ServiceReference.port is an int32: write a whole number (the API server cannot decode it)');
  });

  test('GIVEN the float fields of a CRD schema and int64 values beyond 2^31 WHEN imported THEN they are accepted', () => {
    const result = imported('crd.yaml', doc('apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata: {name: ws.example.com}',
      'spec:', '  group: example.com', '  names: {plural: ws, kind: W}', '  scope: Namespaced', '  versions:', '  - name: v1', '    served: true', '    storage: true',
      '    schema:', '      openAPIV3Schema:', '        type: object', '        properties:',
      '          size: {type: number, maximum: 1.5, minimum: -0.5, multipleOf: 0.25, maxLength: 3000000000}'));
    expect(result.differences).toEqual([]);
    expect(result.code).toMatch(/maximum: 1.5,\s+minimum: -0.5,\s+multipleOf: 0.25,\s+maxLength: 3000000000/);
  });

  test('GIVEN Secret data that is not base64 WHEN imported THEN it is refused at its key (review 39 K3)', () => {
    const message = importError('s.yaml', doc('apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data: {a: "not base64!", b: aGk}'));
    expect(message).toContain('Secret s: data.a: "not base64!" is not standard base64 (with padding): Secret.data takes base64-encoded bytes (the API server cannot decode it)');
    expect(message).toContain('Secret s: data.b: "aGk" is not standard base64 (with padding)');
  });

  test('GIVEN Secret data written as a list of byte values WHEN imported THEN it is an ApiObject with a comment saying why, and a value beyond a byte is refused (review 39 K4)', () => {
    const result = imported('s.yaml', doc('apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data: {a: [104, 105], b: aGk=}'));
    expect(result.differences).toEqual([]);
    expect(result.code).toContain([
      '// data.a holds bytes written as a list of their values, which the L1 class k8s.KubeSecret types as a base64 string:',
      '// written as a cdk8s ApiObject.',
      "new ApiObject(chart, 's', {",
    ].join('\n'));
    expect(result.code).toContain("data: { a: [104, 105], b: 'aGk=' },");
    const message = importError('s.yaml', doc('apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data: {a: [104, 256]}'));
    expect(message).toContain('Secret s: data.a: item [1], 256, is not a byte value: bytes written as a list take integers from 0 to 255 (the API server cannot decode it)');
  });

  test('GIVEN null map values and list items on kinds without a construct WHEN imported THEN each is the zero value the API server stores, not dropped (review 39 K2)', () => {
    const result = imported('n.yaml', doc(
      'apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: sa, labels: {a: ~, b: x}}', '---',
      'apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: pdb}', 'spec: {maxUnavailable: 1, selector: {matchLabels: {app: x, tier: ~}}}', '---',
      'apiVersion: v1', 'kind: ResourceQuota', 'metadata: {name: rq}', 'spec: {hard: {cpu: ~, pods: "1"}}', '---',
      'apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata: {name: r}', 'rules: [{apiGroups: [""], resources: [pods, ~], verbs: [get]}]'));
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("metadata: { name: 'sa', labels: { a: '', b: 'x' } }");
    expect(result.code).toContain("selector: { matchLabels: { app: 'x', tier: '' } }");
    expect(result.code).toContain("hard: { cpu: k8s.Quantity.fromString('0'), pods: k8s.Quantity.fromString('1') }");
    expect(result.code).toContain("resources: ['pods', '']");
  });

  test('GIVEN a CRD with fields Kubernetes 1.32 added (selectableFields, optionalOldSelf) WHEN imported THEN it is an ApiObject that keeps them (review 39 K6)', () => {
    const result = imported('crd.yaml', doc('apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata: {name: ws.example.com}',
      'spec:', '  group: example.com', '  names: {plural: ws, kind: W}', '  scope: Namespaced', '  versions:', '  - name: v1', '    served: true', '    storage: true',
      '    selectableFields: [{jsonPath: .spec.color}]',
      '    schema:', '      openAPIV3Schema:', '        type: object',
      '        x-kubernetes-validations: [{rule: "self.color == oldSelf.color", optionalOldSelf: true}]'));
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("new ApiObject(chart, 'ws.example.com', {");
    expect(result.code).toContain("selectableFields: [{ jsonPath: '.spec.color' }]");
  });

  test('GIVEN a misspelt or mistyped 1.32 field of a kind without a construct WHEN imported THEN it is refused with the field meant or the type it takes', () => {
    const message = importError('crd.yaml', doc('apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata: {name: ws.example.com}',
      'spec:', '  group: example.com', '  names: {plural: ws, kind: W}', '  scope: Namespaced', '  versions:', '  - name: v1', '    served: true', '    storage: true',
      '    selectableField: [{jsonPath: .spec.color}]', '  - name: v2', '    served: true', '    storage: false', '    selectableFields: {jsonPath: .spec.color}'));
    expect(message).toContain('spec.versions[0].selectableField: is not a field of CustomResourceDefinitionVersion in Kubernetes 1.32; did you mean selectableFields?');
    expect(message).toContain('spec.versions[1].selectableFields: {"jsonPath":".spec.color"} is an object, but CustomResourceDefinitionVersion.selectableFields takes a list (the API server cannot decode it)');
  });

  test('GIVEN a 1.32 field whose feature gate is off by default (a PersistentVolume\'s volumeAttributesClassName) WHEN imported THEN it is refused as vanishing (review 39 K6)', () => {
    const message = importError('pv.yaml', doc('apiVersion: v1', 'kind: PersistentVolume', 'metadata: {name: pv}',
      'spec: {capacity: {storage: 5Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /tmp}, volumeAttributesClassName: gold}'));
    expect(message).toContain('PersistentVolume pv: spec.volumeAttributesClassName: "gold" would vanish: VolumeAttributesClass is a feature gate off by default in Kubernetes 1.32, '
      + 'and the API server drops the field while it is off; remove it, or write it once the gate is on.');
  });

  test('GIVEN a misspelt kind of policy/v1 or autoscaling/v2 WHEN imported THEN it is refused with the kind meant, not written as an ApiObject (review 38 J8)', () => {
    const message = importError('k.yaml', doc('apiVersion: policy/v1', 'kind: PodDisruptionBudgt', 'metadata: {name: p}', 'spec: {}', '---',
      'apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscalar', 'metadata: {name: h}', 'spec: {}', '---',
      'apiVersion: autoscaling/v1', 'kind: Scale', 'metadata: {name: s}', 'spec: {replicas: 1}'));
    expect(message).toContain('k.yaml:1: PodDisruptionBudgt p: kind "PodDisruptionBudgt" is not a kind of apiVersion policy/v1 in Kubernetes 1.32, so kubectl apply would fail '
      + '("no matches for kind"); did you mean PodDisruptionBudget?');
    expect(message).toContain('kind "HorizontalPodAutoscalar" is not a kind of apiVersion autoscaling/v2 in Kubernetes 1.32, so kubectl apply would fail ("no matches for kind"); '
      + 'did you mean HorizontalPodAutoscaler?');
    expect(message).toContain('kind "Scale" is not a kind of apiVersion autoscaling/v1 in Kubernetes 1.32');
  });

  test('GIVEN 1.32 fields whose feature gates are off on a PersistentVolumeClaim, a Lease, a ReplicationController and a PodTemplate WHEN imported THEN each is refused as vanishing (review 40 L1-L3)', () => {
    const message = importError('g.yaml', doc(
      'apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata: {name: c}', 'spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}, volumeAttributesClassName: gold}', '---',
      'apiVersion: coordination.k8s.io/v1', 'kind: Lease', 'metadata: {name: l}', 'spec: {holderIdentity: x, strategy: OldestEmulationVersion, preferredHolder: b}', '---',
      'apiVersion: v1', 'kind: ReplicationController', 'metadata: {name: rc}',
      'spec: {selector: {app: a}, template: {metadata: {labels: {app: a}}, spec: {resources: {limits: {cpu: "1"}}, containers: [{name: c, image: nginx}]}}}', '---',
      'apiVersion: v1', 'kind: PodTemplate', 'metadata: {name: pt}', 'template: {spec: {securityContext: {supplementalGroupsPolicy: Strict}, containers: [{name: c, image: nginx}]}}'));
    expect(message).toContain('PersistentVolumeClaim c: spec.volumeAttributesClassName: "gold" would vanish (this library\'s contract): VolumeAttributesClass is a feature gate off by default in '
      + 'Kubernetes 1.32, so the API server drops it on create; remove it, or set the class on the claim once the gate is on.');
    const lease = 'would vanish: CoordinatedLeaderElection is a feature gate off by default in Kubernetes 1.32, and the API server drops the field while it is off; remove it, or write it once the gate is on.';
    expect(message).toContain(`Lease l: spec.strategy: "OldestEmulationVersion" ${lease}`);
    expect(message).toContain(`Lease l: spec.preferredHolder: "b" ${lease}`);
    expect(message).toContain('ReplicationController rc: spec.template.spec.resources: {"limits":{"cpu":"1"}} would vanish (this library\'s contract): pod-level resources are behind the PodLevelResources feature gate');
    expect(message).toContain('PodTemplate pt: template.spec.securityContext.supplementalGroupsPolicy: "Strict" would vanish (this library\'s contract)');
  });

  test('GIVEN bytes written as a list with a null item WHEN imported THEN the null is the byte 0, as Go decodes it (review 40 L4)', () => {
    const result = imported('b.yaml', doc(
      'apiVersion: certificates.k8s.io/v1', 'kind: CertificateSigningRequest', 'metadata: {name: csr}', 'spec: {request: [104, 105, null], signerName: example.com/x, usages: [client auth]}', '---',
      'apiVersion: v1', 'kind: Secret', 'metadata: {name: s}', 'data: {a: [104, null]}', '---',
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: cm}', 'binaryData: {a: [104, null]}'));
    expect(result.differences).toEqual([]);
    expect(result.code).toContain('request: [104, 105, 0]');
    expect(result.code).toContain('data: { a: [104, 0] }');
    expect(result.code).toContain('binaryData: { a: [104, 0] }');
  });

  test('GIVEN a kind of cdk8s-plus-28 at a version Kubernetes 1.32 no longer serves WHEN imported THEN it is refused with the version to write (review 40 L5)', () => {
    const message = importError('f.yaml', doc('apiVersion: flowcontrol.apiserver.k8s.io/v1beta3', 'kind: FlowSchema', 'metadata: {name: fs}', 'spec: {priorityLevelConfiguration: {name: x}}', '---',
      'apiVersion: resource.k8s.io/v1alpha2', 'kind: ResourceClass', 'metadata: {name: rc}', 'driverName: x.example.com'));
    expect(message).toContain('f.yaml:1: FlowSchema fs: apiVersion "flowcontrol.apiserver.k8s.io/v1beta3" does not serve FlowSchema in Kubernetes 1.32, so kubectl apply would fail ("no matches for kind"); '
      + 'write apiVersion: flowcontrol.apiserver.k8s.io/v1.');
    expect(message).toContain('ResourceClass rc: apiVersion "resource.k8s.io/v1alpha2" does not serve ResourceClass in Kubernetes 1.32, so kubectl apply would fail ("no matches for kind"); '
      + 'Kubernetes 1.32 has no ResourceClass at any version: remove it.');
  });

  test('GIVEN kinds of 1.32 that cdk8s-plus-28 has no class for (flowcontrol v1 FlowSchema, core v1 Event) WHEN imported THEN they are decoded as 1.32 reads them (review 40 L6)', () => {
    const message = importError('k.yaml', doc(
      'apiVersion: flowcontrol.apiserver.k8s.io/v1', 'kind: FlowSchema', 'metadata: {name: fs}', 'spec: {matchingPrecedence: 1.5, priorityLevelConfiguration: {name: x}, bogus: 1}', '---',
      'apiVersion: v1', 'kind: Event', 'metadata: {name: e, namespace: d}', 'involvedObject: {kind: Pod, name: p}', 'firstTimestamp: 2024-01-31', 'eventTime: ""'));
    expect(message).toContain('FlowSchema fs: spec.matchingPrecedence: 1.5 is not a whole number; FlowSchemaSpec.matchingPrecedence is an int32: write a whole number (the API server cannot decode it)');
    expect(message).toContain('FlowSchema fs: spec.bogus: is not a field of FlowSchemaSpec in Kubernetes 1.32; remove it.');
    expect(message).toContain('Event d/e: firstTimestamp: "2024-01-31" is not an RFC 3339 date, which Event.firstTimestamp takes; write e.g. "2024-01-31T12:00:00Z" (the API server cannot decode it)');
    expect(message).toContain('Event d/e: eventTime: "" is not a MicroTime');
    const result = imported('e.yaml', doc('apiVersion: v1', 'kind: Event', 'metadata: {name: e, namespace: d}', 'involvedObject: {kind: Pod, name: p}',
      'lastTimestamp: "2024-01-31T12:00:00.5+05:30"', 'eventTime: "2024-01-31T23:59:59.999999-00:00"', 'count: 2'));
    expect(result.differences).toEqual([]);
    expect(result.code).toContain('// Event (v1) has no class in cdk8s-plus-28: written as a cdk8s ApiObject.');
  });

  test('GIVEN a flowcontrol v1 FlowSchema (the docs\' health-for-strangers) and an APIService WHEN imported THEN their subjects and service are read as their own Go types, not the same-named ones cdk8s-plus shares (review 41 O1, O2)', () => {
    const fs = doc('apiVersion: flowcontrol.apiserver.k8s.io/v1', 'kind: FlowSchema', 'metadata: {name: health-for-strangers}',
      'spec: {matchingPrecedence: 1000, priorityLevelConfiguration: {name: exempt}, rules: [{nonResourceRules: [{nonResourceURLs: ["/healthz"], verbs: ["*"]}],',
      '  subjects: [{kind: Group, group: {name: "system:unauthenticated"}}]}]}');
    expect(imported('fs.yaml', fs).differences).toEqual([]);
    const message = importError('bad.yaml', doc('apiVersion: flowcontrol.apiserver.k8s.io/v1', 'kind: FlowSchema', 'metadata: {name: bad}',
      'spec: {priorityLevelConfiguration: {name: exempt}, rules: [{subjects: [{kind: User, name: alice}]}]}', '---',
      'apiVersion: apiregistration.k8s.io/v1', 'kind: APIService', 'metadata: {name: v1beta1.metrics.k8s.io}',
      'spec: {group: metrics.k8s.io, version: v1beta1, groupPriorityMinimum: 100, versionPriority: 100, service: {name: metrics-server, namespace: kube-system, path: /x}}'));
    expect(message).toContain('FlowSchema bad: spec.rules[0].subjects[0].name: is not a field of Subject in Kubernetes 1.32; remove it.');
    expect(message).toContain('APIService v1beta1.metrics.k8s.io: spec.service.path: is not a field of ServiceReference in Kubernetes 1.32; remove it.');
  });

  test('GIVEN a LeaseCandidate whose MicroTimes lack six fraction digits WHEN imported THEN they are refused as in a Lease (review 41 O3)', () => {
    const message = importError('lc.yaml', doc('apiVersion: coordination.k8s.io/v1alpha2', 'kind: LeaseCandidate', 'metadata: {name: lc, namespace: kube-system}',
      'spec: {leaseName: l, binaryVersion: 1.32.0, strategy: OldestEmulationVersion, pingTime: "2024-12-01T00:00:00Z", renewTime: "2024-12-01T00:00:00.000000Z"}'));
    expect(message).toContain('LeaseCandidate kube-system/lc: spec.pingTime: "2024-12-01T00:00:00Z" is not a MicroTime');
    expect(message).not.toContain('spec.renewTime');
  });

  test('GIVEN fields the 1.32 API server drops on create (a Node\'s configSource, an EndpointSlice\'s deprecatedTopology, DRA adminAccess) WHEN imported THEN each is refused as vanishing (review 41 O4, O5, O7)', () => {
    const message = importError('d.yaml', doc(
      'apiVersion: v1', 'kind: Node', 'metadata: {name: n1}', 'spec: {configSource: {configMap: {name: c, namespace: kube-system, kubeletConfigKey: kubelet}}}', '---',
      'apiVersion: discovery.k8s.io/v1', 'kind: EndpointSlice', 'metadata: {name: es, namespace: default}', 'addressType: IPv4',
      'endpoints: [{addresses: [10.1.2.3], deprecatedTopology: {kubernetes.io/hostname: node-1}}]', '---',
      'apiVersion: resource.k8s.io/v1beta1', 'kind: ResourceClaimTemplate', 'metadata: {name: gpu, namespace: default}',
      'spec: {spec: {devices: {requests: [{name: gpu, deviceClassName: gpu.example.com, adminAccess: true}]}}}'));
    expect(message).toContain('Node n1: spec.configSource: {"configMap":{"name":"c","namespace":"kube-system","kubeletConfigKey":"kubelet"}} would vanish: the API server drops a Node\'s '
      + 'configSource on create (dynamic kubelet configuration was removed in 1.24); remove it.');
    expect(message).toContain('EndpointSlice default/es: endpoints[0].deprecatedTopology: {"kubernetes.io/hostname":"node-1"} would vanish: the discovery.k8s.io/v1 API drops '
      + 'deprecatedTopology on create; write the endpoint\'s nodeName and zone instead.');
    expect(message).toContain('ResourceClaimTemplate default/gpu: spec.spec.devices.requests[0].adminAccess: true would vanish: DRAAdminAccess is a feature gate off by default in '
      + 'Kubernetes 1.32, and the API server drops the field while it is off; remove it, or write it once the gate is on.');
  });

  test('GIVEN a status on an autoscaling/v2 HPA or a kind new in 1.32 WHEN imported THEN it is named the cluster\'s, and an empty one is dropped (review 41 O6)', () => {
    const hpa = importError('h.yaml', doc('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata: {name: h}',
      'spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: d}, maxReplicas: 3}', 'status: {currentReplicas: 1, desiredReplicas: 1}', '---',
      'apiVersion: admissionregistration.k8s.io/v1', 'kind: ValidatingAdmissionPolicy', 'metadata: {name: p}',
      'spec: {validations: [{expression: "true"}]}', 'status: {observedGeneration: 1}'));
    expect(hpa).toContain('HorizontalPodAutoscaler h: status: {"currentReplicas":1,"desiredReplicas":1} cannot be written: the cluster writes a HorizontalPodAutoscaler\'s status, '
      + 'and the cdk8s L1 class k8s.KubeHorizontalPodAutoscalerV2 has no status; remove it.');
    expect(hpa).toContain('ValidatingAdmissionPolicy p: status: {"observedGeneration":1} cannot be written: the cluster writes a ValidatingAdmissionPolicy\'s status '
      + '(the API server resets it on create); remove it.');
    const empty = imported('e.yaml', doc('apiVersion: flowcontrol.apiserver.k8s.io/v1', 'kind: PriorityLevelConfiguration', 'metadata: {name: plc}',
      'spec: {type: Limited, limited: {nominalConcurrencyShares: 0}}', 'status: {}'));
    expect(empty.differences).toEqual([]);
    expect(empty.code).not.toContain('status');
  });

  test('GIVEN the status of a ReplicationController, a VolumeAttachment or a StorageVersion, a CSR with its requester, and an unknown field of a core v1 Event WHEN imported THEN each message names what Kubernetes does and calls (review 42 P5-P7)', () => {
    const message = importError('s.yaml', doc(
      'apiVersion: v1', 'kind: ReplicationController', 'metadata: {name: rc}',
      'spec: {selector: {app: a}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: nginx}]}}}', 'status: {replicas: 1}', '---',
      'apiVersion: certificates.k8s.io/v1', 'kind: CertificateSigningRequest', 'metadata: {name: csr}',
      'spec: {request: aGk=, signerName: example.com/x, usages: [client auth], username: alice}', '---',
      'apiVersion: v1', 'kind: Event', 'metadata: {name: e, namespace: d}', 'involvedObject: {kind: Pod, name: p}', 'stauts: {}'));
    expect(message).toContain('ReplicationController rc: status: {"replicas":1} cannot be written: the cluster writes a ReplicationController\'s status, and the cdk8s L1 class '
      + 'k8s.KubeReplicationController has no status; remove it.');
    expect(message).toContain('CertificateSigningRequest csr: spec.username: "alice" would vanish: the API server replaces a CertificateSigningRequest\'s username, uid, groups and extra '
      + 'with those of the user who creates it; remove it.');
    expect(message).toContain('Event d/e: stauts: is not a field of Event in Kubernetes 1.32; remove it.');
    const empty = imported('e.yaml', doc('apiVersion: v1', 'kind: ReplicationController', 'metadata: {name: rc}',
      'spec: {selector: {app: a}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: nginx}]}}}', 'status: {}'));
    expect(empty.differences).toEqual([]);
  });

  test('GIVEN unknown fields of structs cdk8s spells otherwise, and a Node\'s status WHEN imported THEN the messages use Kubernetes\' names and reasons (review 43 R9, R10)', () => {
    const message = importError('r.yaml', doc(
      'apiVersion: v1', 'kind: ReplicationController', 'metadata: {name: rc}',
      'spec: {selector: {app: a}, template: {metadata: {labels: {app: a}}, spec: {securityContext: {seLinuxOptions: {levl: s0}}, containers: [{name: c, image: nginx}]}}}', '---',
      'apiVersion: v1', 'kind: Node', 'metadata: {name: n1}', 'status: {capacity: {cpu: "4"}}'));
    expect(message).toContain('spec.template.spec.securityContext.seLinuxOptions.levl: is not a field of SELinuxOptions in Kubernetes 1.32; did you mean level?');
    expect(message).toContain('Node n1: status: {"capacity":{"cpu":"4"}} cannot be written: the cdk8s L1 class k8s.KubeNode has no status (the API server would keep it: '
      + 'the kubelet registers a Node with its status); remove it.');
  });

  test('GIVEN one typo in a Pod it validates and in a PodTemplate it decodes WHEN imported THEN both name the type as Kubernetes does (review 44 T6)', () => {
    const spec = 'spec: {securityContext: {seLinuxOptions: {levle: s0}}, dnsConfig: {optoins: []}, containers: [{name: c, image: nginx, livenessProbe: {httpGet: {port: 80, pth: /}}}]}';
    const message = importError('t6.yaml', doc('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', spec, '---',
      'apiVersion: v1', 'kind: PodTemplate', 'metadata: {name: t}', `template: {${spec}}`));
    expect(message).toContain('Pod p: spec.securityContext.seLinuxOptions.levle: is not a field of SELinuxOptions; did you mean level?');
    expect(message).toContain('Pod p: spec.dnsConfig.optoins: is not a field of PodDNSConfig; did you mean options?');
    expect(message).toContain('Pod p: spec.containers[0].livenessProbe.httpGet.pth: is not a field of HTTPGetAction; did you mean path?');
    expect(message).toContain('PodTemplate t: template.spec.securityContext.seLinuxOptions.levle: is not a field of SELinuxOptions in Kubernetes 1.32; did you mean level?');
    expect(message).not.toMatch(/SeLinuxOptions|PodDnsConfig|HttpGetAction/);
  });
});
