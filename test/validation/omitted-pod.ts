/**
 * The Go rules of the pod area (pod spec, volumes, scheduling, metadata) this library does not
 * mirror, or mirrors elsewhere, with the reason. Read by the coverage table (docs/validation.md).
 */
export const OMITTED_POD: Array<{ go: string; why: string }> = [
  {
    go: 'FieldManager.UpdateNoErrors on create (managed fields entries whose fields the object holds)',
    why: "On create, structured-merge-diff removes from every manager the fields the new object sets, and deletes managers left with none, before ValidateManagedFields runs. This library mirrors the reset ([] or [{}]), the entries that do not decode (both replace all managedFields) and the entries with an empty field set (deleted), but validates the other entries that decode as written: an entry with a manager name over 128 bytes that claims only fields the object holds is rejected here and dropped by the server. Reaching it takes a JSON patch or validateObject; kubectl's own entries are within the limits.",
  },
  { go: 'validateImagePullSecrets', why: 'In v1 a LocalObjectReference has only name; any other key is already rejected by the decode step (unknown field).' },
  { go: 'validatePodResources', why: 'Runs only with the PodLevelResources gate, off in 1.32: spec.resources is reported as dropped on create instead (dropDisabledPodFields).' },
  { go: 'validatePodResourceConsistency', why: 'Part of validatePodResources (PodLevelResources gate, off in 1.32).' },
  { go: 'validateImageVolumeSource', why: 'Image volumes are dropped on create in 1.32 (ImageVolume gate off): reported by dropDisabledPodFields; the reference and pullPolicy rules never apply.' },
  { go: 'ValidateClusterTrustBundleName', why: 'clusterTrustBundle projections are dropped on create in 1.32 (ClusterTrustBundleProjection gate off): reported by dropDisabledPodFields.' },
  { go: 'ValidateSignerName', why: 'Only used for clusterTrustBundle projections, dropped on create in 1.32.' },
  { go: 'validatePodSpecSecurityContext', why: 'Mirrored in security-context.ts (validatePodSecurityContext, the container developer); the call site in ValidatePodSpec is marked in src/validation/pod-spec.ts.' },
  { go: 'validatePodHostNetworkDeps', why: 'Mirrored in container.ts (validateContainerPorts): with hostNetwork a hostPort must equal its containerPort; the Pod defaulting (SetDefaults_Pod) fills a missing hostPort.' },
  { go: 'validateContainersOnlyForPod', why: 'Mirrored in container.ts (image whitespace, reported for templates too).' },
  { go: 'ValidatePersistentVolumeClaimSpec (volumeAttributesClassName)', why: 'Checked only with the VolumeAttributesClass gate, off by default in 1.32, as the API server does.' },
  { go: 'Priority admission (plugin/pkg/admission/priority)', why: 'Admission, not validation: spec.priority and spec.preemptionPolicy must equal those of priorityClassName\'s PriorityClass, which must exist; only the cluster knows them.' },
  { go: 'RuntimeClass admission (plugin/pkg/admission/runtimeclass, validateOverhead)', why: 'Admission, not validation: it sets spec.overhead from the RuntimeClass that runtimeClassName names, which only the cluster knows, and refuses a pod whose overhead differs from it; a pod with spec.overhead and no runtimeClassName is refused ("pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead"). Pod templates are not admitted by it; leave spec.overhead to the RuntimeClass.' },
  { go: 'ServiceAccount admission (plugin/pkg/admission/serviceaccount)', why: 'Admission, not validation: it sets serviceAccountName to "default" and rejects pods whose ServiceAccount does not exist, which only the cluster knows. The validation rule that a projected token needs a serviceAccountName is mirrored (validatePodMetadataAndSpec) as written, before admission: on a cluster the plugin fills in "default" first, so it is listed with the stricter rules of the README.' },
  { go: 'BeforeCreate (namespace of the request)', why: 'The namespace of the request must match metadata.namespace; only kubectl and the cluster know the request.' },
  { go: 'capabilities.Get().AllowPrivileged', why: 'A kube-apiserver flag (--allow-privileged); this library assumes true, as kubeadm, kind and the managed clusters set it (hostProcess containers).' },
  { go: 'GetWarningsForPod', why: 'Warnings, not errors: the API server accepts the object (e.g. IP addresses with leading zeros, a negative terminationGracePeriodSeconds).' },
  { go: 'ValidateVolumes (invalid volumes left out of the volume map)', why: 'Go then also reports every mount of an invalid volume as "not found"; this library reports the volume\'s own problem only. Accept or reject is the same.' },
  { go: 'validateHostUsers', why: 'Mirrored (pod-spec.ts) but unreachable at 1.32 defaults: hostUsers is dropped on create (UserNamespacesSupport off) and reported as such; it applies once the gate is on (1.33).' },
  { go: 'validatePodResourceClaims', why: 'Mirrored (pod-spec.ts) but unreachable at 1.32 defaults: resourceClaims are dropped on create (DynamicResourceAllocation off) and reported as such.' },
];
