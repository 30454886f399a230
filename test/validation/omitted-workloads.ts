/**
 * Rules of the Go sources mirrored in src/validation/service.ts, workloads.ts and configmap.ts
 * that this library leaves out, each with the reason (read by scripts/gen-validation-doc.ts for
 * the coverage table in docs/validation.md).
 */
export const OMITTED_WORKLOADS: { go: string; why: string }[] = [
  // Update-only and status rules: the library writes manifests; it never updates an object.
  { go: 'ValidateServiceUpdate', why: 'update only (immutable clusterIPs and families, type changes); the library checks creation.' },
  { go: 'validateUpgradeDowngradeClusterIPs', why: 'update only.' },
  { go: 'validateUpgradeDowngradeIPFamilies', why: 'update only.' },
  { go: 'validateServiceExternalTrafficFieldsUpdate', why: 'update only (healthCheckNodePort is immutable).' },
  { go: 'ValidateServiceStatusUpdate', why: 'status is written by controllers, not by manifests.' },
  { go: 'ValidateDeploymentUpdate', why: 'update only.' },
  { go: 'ValidateDeploymentStatusUpdate', why: 'status is written by controllers, not by manifests.' },
  { go: 'ValidateStatefulSetUpdate', why: 'update only.' },
  { go: 'ValidateStatefulSetStatusUpdate', why: 'status is written by controllers, not by manifests.' },
  { go: 'ValidateDaemonSetUpdate', why: 'update only (templateGeneration increments).' },
  { go: 'ValidateDaemonSetSpecUpdate', why: 'update only.' },
  { go: 'ValidateDaemonSetStatusUpdate', why: 'status is written by controllers, not by manifests.' },
  { go: 'ValidateJobUpdate', why: 'update only (immutable completions, selector, template; elastic Indexed Jobs).' },
  { go: 'ValidateJobUpdateStatus', why: 'status is written by the job controller, not by manifests.' },
  { go: 'validateCompletions', why: 'update only (ElasticIndexedJob).' },
  { go: 'ValidateCronJobUpdate', why: 'update only (a TZ in the schedule is tolerated only when the old object had one).' },
  // Rules that depend on the cluster, not on the object.
  { go: 'initIPFamilyFields', why: "partly: 'this cluster is not configured for dual-stack services' and 'not configured on this cluster' depend on the cluster's service CIDRs, which a manifest does not know; the SingleStack rules are mirrored." },
  { go: 'allocIPs', why: 'whether a requested cluster IP is inside the service CIDR and still free depends on the cluster.' },
  { go: 'initNodePorts', why: 'partly: whether a requested node port is already used by another Service depends on the cluster; the range check is mirrored (with the range as an option).' },
  { go: 'allocHealthCheckNodePort', why: 'partly: conflicts with other Services depend on the cluster; range and clashes within the Service are mirrored.' },
  { go: 'validateGeneratedSelector', why: 'partly: metadata.uid is required, but the API server always sets it on create; the labels and selector checks are mirrored with a stand-in uid.' },
  // Not errors, or not rules of Kubernetes 1.32.
  { go: 'GetWarningsForService', why: 'warnings (e.g. deprecated externalIPs use), which the API server returns without rejecting the object.' },
  { go: 'ValidateStatefulSetSpec', why: 'spec.serviceName and spec.volumeClaimTemplates are not checked by the 1.32 API server; serviceName is checked as this library\'s contract (initIdentity: it becomes the pods\' subdomain), claim templates are checked as this library\'s contract (ValidatePersistentVolumeClaimSpec: access modes, storage request, volumeMode, selector, storageClassName, dataSource and dataSourceRef). The pod template, which the 1.32 server leaves to the pods the controller creates, is checked with the pod rules.' },
  { go: 'ValidatePersistentVolumeClaimSpec', why: 'partly: volumeAttributesClassName is not validated (the VolumeAttributesClass gate is off in 1.32, and a value is reported as one that would vanish: preparePersistentVolumeClaimTemplateSpec).' },
  { go: 'LoadLocation', why: 'mirrored with the zone and link names of tzdata 2025b (src/validation/time-zones.ts, scripts/gen-time-zones.js), case-sensitive as Go reads them; a server whose embedded or host tzdata is of another release may know a few names more or fewer (zones are rarely added and never removed without a link).' },
];
