/**
 * Volumes. Go: `ValidateVolumes`, `validateVolumeSource` and the per-source functions of
 * `pkg/apis/core/validation/validation.go`; `SetDefaults_Volume` and the per-source defaults of
 * `pkg/apis/core/v1/defaults.go` (and the `+default` tags of `k8s.io/api/core/v1`).
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { checkFileMode, FEATURE_GATES_1_32, goToLower, isInteger, isSet, keyPath, requireNonEmpty } from './common';
import { validateContainerResourceFieldSelector } from './env';
import { validateLabelSelector, validateTemplateObjectMeta } from './metadata';
import { dns1123Label, dns1123Subdomain, nameIsDNSSubdomain, qualifiedName } from './names';
import { checkQuantity, parseQuantity } from './quantity';
import { readsAsLineBreak } from './yaml-scalars';

/** The volume sources of `VolumeSource`, in the order `validateVolumeSource` checks them. */
export const VOLUME_SOURCES = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc',
  'flexVolume', 'configMap', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk',
  'storageos', 'projected', 'scaleIO', 'csi', 'ephemeral', 'image',
] as const;

/** The volumes of a pod by name, with the volume object (for the mount rules of the container checks). */
export type PodVolumes = Map<string, any>;

/** What the volume checks need from the pod. */
export interface VolumeCheckContext {
  /** The pod's own name: set only for a bare Pod (ephemeral volumes create PVCs named after it). */
  readonly podName?: string;
}

const present = (v: unknown): boolean => v !== undefined && v !== null;

/** The position of each source in Go's order. */
const SOURCE_ORDER = new Map<string, number>(VOLUME_SOURCES.map((k, i) => [k, i]));

/** The sources a volume declares, in Go's order. */
export function volumeSources(v: any): string[] {
  if (v === null || typeof v !== 'object') {
    return [];
  }
  // The volume's own keys (a name and usually one source), not the 30 sources.
  const out: string[] = [];
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (SOURCE_ORDER.has(k) && present(v[k])) {
      out.push(k);
    }
  }
  if (out.length > 1) {
    out.sort((a, b) => SOURCE_ORDER.get(a)! - SOURCE_ORDER.get(b)!);
  }
  return out;
}

/**
 * Volume names are required, DNS-1123 labels and unique; each volume has exactly one source
 * (`validateVolumeSource`); an ephemeral volume's PVC name (`<pod>-<volume>`) must be a valid
 * name, and a persistentVolumeClaim may not name a PVC an ephemeral volume of the pod creates.
 * Returns the volumes by name.
 */
// Go: ValidateVolumes (validation.go)
export function validateVolumes(volumes: any[], path: string, problems: Problems, context: VolumeCheckContext = {}): PodVolumes {
  const byName: PodVolumes = new Map();
  const firstIndex = new Map<string, number>();
  const createdPVCs = new Set<string>();
  if (context.podName) {
    for (const v of volumes) {
      if (present(v?.ephemeral)) {
        createdPVCs.add(`${context.podName}-${v?.name}`);
      }
    }
  }
  volumes.forEach((v, i) => {
    const vpath = `${path}[${i}]`;
    validateVolumeSource(v ?? {}, vpath, problems, context);
    const name = v?.name;
    if (typeof name !== 'string' || name.length === 0) {
      problems.add(`${vpath}.name`, "every volume needs a name; set name (e.g. 'my-volume').");
    } else {
      const r = dns1123Label(name);
      if (r) {
        problems.add(`${vpath}.name`, `volume name ${show(name)} is invalid: it ${r}.`);
      }
      if (firstIndex.has(name)) {
        problems.add(`${vpath}.name`, `volume name ${show(name)} is already used by ${path}[${firstIndex.get(name)}]; give each volume a unique name.`);
      } else {
        firstIndex.set(name, i);
        byName.set(name, v);
      }
    }
    const claim = v?.persistentVolumeClaim?.claimName;
    if (typeof claim === 'string' && createdPVCs.has(claim)) {
      problems.add(`${vpath}.persistentVolumeClaim.claimName`, `${show(claim)} is the PVC an ephemeral volume of this pod creates; a persistentVolumeClaim must not reference it. Mount the ephemeral volume itself.`);
    }
  });
  return byName;
}

/** Exactly one source, then the rules of that source. */
// Go: validateVolumeSource (validation.go)
export function validateVolumeSource(v: any, path: string, problems: Problems, context: VolumeCheckContext = {}): void {
  const sources = volumeSources(v);
  if (sources.length === 0) {
    problems.add(path, `volume ${show(v?.name)} has no source; give it exactly one, e.g. emptyDir: {}.`);
    return;
  }
  if (sources.length > 1) {
    problems.add(path, `volume ${show(v?.name)} has ${sources.length} sources (${[...sources].sort().join(', ')}); a volume may have only one.`);
  }
  // Go validates the first source in its order and forbids the others.
  const source = sources[0];
  const s = v[source];
  const p = `${path}.${source}`;
  switch (source) {
    case 'emptyDir':
      // The medium is not validated by the API server.
      if (present(s.sizeLimit)) {
        checkQuantity(s.sizeLimit, `${p}.sizeLimit`, problems);
      }
      break;
    case 'hostPath': return validateHostPathVolumeSource(s, p, problems);
    case 'gitRepo': return validateGitRepoVolumeSource(s, p, problems);
    case 'gcePersistentDisk': return validateGCEPersistentDiskVolumeSource(s, p, problems);
    case 'awsElasticBlockStore': return validateAWSElasticBlockStoreVolumeSource(s, p, problems);
    case 'secret': return validateSecretVolumeSource(s, p, problems);
    case 'nfs': return validateNFSVolumeSource(s, p, problems);
    case 'iscsi': return validateISCSIVolumeSource(s, p, v.name, path, problems);
    case 'glusterfs': return validateGlusterfsVolumeSource(s, p, problems);
    case 'flocker': return validateFlockerVolumeSource(s, p, problems);
    case 'persistentVolumeClaim':
      requireNonEmpty(s.claimName, `${p}.claimName`, 'the PersistentVolumeClaim to mount', problems);
      break;
    case 'rbd': return validateRBDVolumeSource(s, p, problems);
    case 'cinder': return validateCinderVolumeSource(s, p, problems);
    case 'cephfs':
      requireList(s.monitors, `${p}.monitors`, 'the Ceph monitors (e.g. [\'10.16.154.78:6789\'])', problems);
      break;
    case 'quobyte': return validateQuobyteVolumeSource(s, p, problems);
    case 'downwardAPI': return validateDownwardAPIVolumeSource(s, p, problems);
    case 'fc': return validateFCVolumeSource(s, p, problems);
    case 'flexVolume': return validateFlexVolumeSource(s, p, problems);
    case 'configMap': return validateConfigMapVolumeSource(s, p, problems);
    case 'azureFile':
      requireNonEmpty(s.secretName, `${p}.secretName`, 'the Secret with the storage account name and key', problems);
      requireNonEmpty(s.shareName, `${p}.shareName`, 'the Azure file share', problems);
      break;
    case 'vsphereVolume':
      requireNonEmpty(s.volumePath, `${p}.volumePath`, 'the vSphere volume path', problems);
      break;
    case 'photonPersistentDisk':
      requireNonEmpty(s.pdID, `${p}.pdID`, 'the Photon disk ID', problems);
      break;
    case 'portworxVolume':
      requireNonEmpty(s.volumeID, `${p}.volumeID`, 'the Portworx volume ID', problems);
      break;
    case 'azureDisk': return validateAzureDisk(s, p, problems);
    case 'storageos': return validateStorageOSVolumeSource(s, p, problems);
    case 'projected': return validateProjectedVolumeSource(s, p, problems);
    case 'scaleIO':
      requireNonEmpty(s.gateway, `${p}.gateway`, 'the ScaleIO API gateway', problems);
      requireNonEmpty(s.system, `${p}.system`, 'the ScaleIO storage system', problems);
      requireNonEmpty(s.volumeName, `${p}.volumeName`, 'the ScaleIO volume', problems);
      break;
    case 'csi': return validateCSIVolumeSource(s, p, problems);
    case 'ephemeral':
      validateEphemeralVolumeSource(s, p, problems);
      // The PVC of an ephemeral volume is named <pod name>-<volume name> (pods only).
      if (context.podName && isSet(v.name)) {
        const pvc = `${context.podName}-${v.name}`;
        const r = nameIsDNSSubdomain(pvc);
        if (r) {
          problems.add(`${path}.name`, `${show(v.name)} makes the PVC name ${show(pvc)} (<pod name>-<volume name>), which is invalid: it ${r}; shorten the pod or volume name.`);
        }
      }
      break;
    case 'image':
      // The ImageVolume gate is off in 1.32: preparePodSpec reports the source, dropped on create.
      break;
  }
}

function requireList(value: unknown, path: string, what: string, problems: Problems): void {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add(path, `is required; set ${what}.`);
  }
}

function checkRange(value: unknown, min: number, max: number, path: string, problems: Problems): void {
  if (present(value) && (!isInteger(value) || value < min || value > max)) {
    problems.add(path, `${show(value)} must be between ${min} and ${max}, inclusive.`);
  }
}

const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

/** path required and without '..'; type one of the supported ones ("" by default). */
// Go: validateHostPathVolumeSource (validation.go)
export function validateHostPathVolumeSource(s: any, path: string, problems: Problems): void {
  if (!requireNonEmpty(s.path, `${path}.path`, 'the node directory to mount', problems)) {
    return;
  }
  const r = pathNoBacksteps(s.path);
  if (r) {
    problems.add(`${path}.path`, `${show(s.path)} ${r}.`);
  }
  // Go: validateHostPathType
  if (present(s.type) && !HOST_PATH_TYPES.includes(s.type)) {
    problems.add(`${path}.type`, `${show(s.type)} is not supported; use one of ${HOST_PATH_TYPES.filter((t) => t).join(', ')} (or omit it).`);
  }
}

// Go: validateGitRepoVolumeSource (validation.go)
function validateGitRepoVolumeSource(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.repository, `${path}.repository`, 'the repository URL', problems);
  if (typeof s.directory === 'string') {
    for (const r of localDescendingPathProblems(s.directory)) {
      problems.add(`${path}.directory`, `${show(s.directory)} ${r}.`);
    }
  }
}

// Go: validateGCEPersistentDiskVolumeSource (validation.go)
function validateGCEPersistentDiskVolumeSource(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.pdName, `${path}.pdName`, 'the GCE persistent disk name', problems);
  checkRange(s.partition, 0, 255, `${path}.partition`, problems);
}

// Go: validateAWSElasticBlockStoreVolumeSource (validation.go)
function validateAWSElasticBlockStoreVolumeSource(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.volumeID, `${path}.volumeID`, 'the EBS volume ID', problems);
  checkRange(s.partition, 0, 255, `${path}.partition`, problems);
}

/** secretName required; defaultMode and item modes 0-0777; items as validateKeyToPath. */
// Go: validateSecretVolumeSource (validation.go)
export function validateSecretVolumeSource(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.secretName, `${path}.secretName`, 'the Secret to mount', problems);
  checkFileMode(s.defaultMode, `${path}.defaultMode`, problems);
  validateKeyToPaths(s.items, `${path}.items`, problems);
}

/** name required; defaultMode and item modes 0-0777; items as validateKeyToPath. */
// Go: validateConfigMapVolumeSource (validation.go)
export function validateConfigMapVolumeSource(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.name, `${path}.name`, 'the ConfigMap to mount', problems);
  checkFileMode(s.defaultMode, `${path}.defaultMode`, problems);
  validateKeyToPaths(s.items, `${path}.items`, problems);
}

function validateKeyToPaths(items: unknown, path: string, problems: Problems, seen?: Set<string>, dupPath?: string): void {
  (Array.isArray(items) ? items : []).forEach((item: any, i: number) => {
    validateKeyToPath(item ?? {}, `${path}[${i}]`, problems);
    if (seen && isSet(item?.path)) {
      if (seen.has(item.path)) {
        problems.add(`${path}[${i}].path`, `${show(item.path)} is already written by another source of ${dupPath}; give each projected file its own path.`);
      } else {
        seen.add(item.path);
      }
    }
  });
}

/** key and path required; path relative, without '..'; mode 0-0777. */
// Go: validateKeyToPath (validation.go)
export function validateKeyToPath(item: any, path: string, problems: Problems): void {
  requireNonEmpty(item.key, `${path}.key`, 'the key to project', problems);
  if (requireNonEmpty(item.path, `${path}.path`, 'the relative file path to write the key to', problems)) {
    for (const r of localNonReservedPathProblems(item.path)) {
      problems.add(`${path}.path`, `${show(item.path)} ${r}.`);
    }
  }
  checkFileMode(item.mode, `${path}.mode`, problems);
}

/** server and path required; path absolute. */
// Go: validateNFSVolumeSource (validation.go)
function validateNFSVolumeSource(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.server, `${path}.server`, 'the NFS server (host name or IP address)', problems);
  const hasPath = requireNonEmpty(s.path, `${path}.path`, "the exported path (e.g. '/exports')", problems);
  if (hasPath && !s.path.startsWith('/')) {
    problems.add(`${path}.path`, `${show(s.path)} must be an absolute path; use ${show('/' + s.path)}.`);
  }
}

const IQN = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\t\n\f\r ]+)$/;
// Go's regexp: '.' is any character but a newline ('s' keeps '\r' and U+2028, 'u' takes a code point).
const EUI = /^eui[^\n][A-Za-z0-9]{16}$/u;
const NAA = /^naa[^\n][A-Za-z0-9]{32}$/u;

function iscsiNameProblem(value: string): string | undefined {
  if (!value.startsWith('iqn') && !value.startsWith('eui') && !value.startsWith('naa')) {
    return "must start with iqn, eui or naa (e.g. 'iqn.2001-04.com.example:storage.disk1')";
  }
  if ((value.startsWith('iqn') && !IQN.test(value)) || (value.startsWith('eui') && !EUI.test(value)) || (value.startsWith('naa') && !NAA.test(value))) {
    return "is not in the iqn, eui or naa format (e.g. 'iqn.2001-04.com.example:storage.disk1', 'eui.02004567A425678D')";
  }
  return undefined;
}

/** targetPortal and iqn required, iqn/initiatorName formats, lun 0-255, secretRef with CHAP. */
// Go: validateISCSIVolumeSource (validation.go)
function validateISCSIVolumeSource(s: any, path: string, volumeName: unknown, volumePath: string, problems: Problems): void {
  requireNonEmpty(s.targetPortal, `${path}.targetPortal`, "the iSCSI target portal (e.g. '10.0.2.15:3260')", problems);
  if (requireNonEmpty(s.iqn, `${path}.iqn`, 'the target iSCSI Qualified Name', problems)) {
    const r = iscsiNameProblem(s.iqn);
    if (r) {
      problems.add(`${path}.iqn`, `${show(s.iqn)} ${r}.`);
    }
  }
  checkRange(s.lun ?? 0, 0, 255, `${path}.lun`, problems);
  if ((s.chapAuthDiscovery === true || s.chapAuthSession === true) && !present(s.secretRef)) {
    problems.add(`${path}.secretRef`, 'is required with CHAP authentication; set the Secret with the CHAP credentials.');
  }
  if (typeof s.initiatorName === 'string') {
    const r = iscsiNameProblem(s.initiatorName);
    if (r) {
      problems.add(`${path}.initiatorName`, `${show(s.initiatorName)} ${r}.`);
    }
    // validateVolumeSource: <volume name>:<targetPortal> at most 64 bytes (Go's len) with an initiatorName.
    const joined = `${typeof volumeName === 'string' ? volumeName : ''}:${typeof s.targetPortal === 'string' ? s.targetPortal : ''}`;
    const bytes = Buffer.byteLength(joined, 'utf8');
    if (bytes > 64) {
      problems.add(`${volumePath}.name`, `${show(volumeName)}: <volume name>:<iscsi.targetPortal> (${bytes} bytes) must be at most 64 bytes when iscsi.initiatorName is set; shorten the volume name.`);
    }
  }
}

// Go: validateGlusterfsVolumeSource (validation.go)
function validateGlusterfsVolumeSource(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.endpoints, `${path}.endpoints`, 'the Endpoints object with the Glusterfs servers', problems);
  requireNonEmpty(s.path, `${path}.path`, 'the Glusterfs volume path', problems);
}

// Go: validateFlockerVolumeSource (validation.go)
function validateFlockerVolumeSource(s: any, path: string, problems: Problems): void {
  const name = isSet(s.datasetName);
  const uuid = isSet(s.datasetUUID);
  if (!name && !uuid) {
    problems.add(path, 'needs one of datasetName and datasetUUID; set one.');
  }
  if (name && uuid) {
    problems.add(path, 'datasetName and datasetUUID cannot both be set; keep one.');
  }
  if (name && s.datasetName.includes('/')) {
    problems.add(`${path}.datasetName`, `${show(s.datasetName)} must not contain '/'.`);
  }
}

// Go: validateRBDVolumeSource (validation.go)
function validateRBDVolumeSource(s: any, path: string, problems: Problems): void {
  requireList(s.monitors, `${path}.monitors`, 'the Ceph monitors', problems);
  requireNonEmpty(s.image, `${path}.image`, 'the RADOS image name', problems);
}

// Go: validateCinderVolumeSource (validation.go)
function validateCinderVolumeSource(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.volumeID, `${path}.volumeID`, 'the Cinder volume ID', problems);
  if (present(s.secretRef)) {
    requireNonEmpty(s.secretRef.name, `${path}.secretRef.name`, 'the Secret with the OpenStack credentials', problems);
  }
}

/** Go: net.SplitHostPort accepts "host:port" and "[v6]:port" (the port may be empty). */
function isHostPort(s: string): boolean {
  const last = s.lastIndexOf(':');
  if (last < 0) {
    return false;
  }
  let host: string;
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0 || end + 1 !== last) {
      return false;
    }
    host = s.slice(1, end);
  } else {
    host = s.slice(0, last);
    if (host.includes(':')) {
      return false;
    }
  }
  return !host.includes('[') && !host.includes(']') && !s.slice(last + 1).includes('[') && !s.slice(last + 1).includes(']');
}

// Go: validateQuobyteVolumeSource (validation.go)
function validateQuobyteVolumeSource(s: any, path: string, problems: Problems): void {
  if (!isSet(s.registry)) {
    problems.add(`${path}.registry`, "is required; set host:port pairs separated by commas (e.g. 'registry:7861').");
  } else if (typeof s.tenant === 'string' && Buffer.byteLength(s.tenant, 'utf8') >= 65) {
    // Go's len counts bytes.
    problems.add(`${path}.tenant`, `must be a UUID of at most 64 bytes (it has ${Buffer.byteLength(s.tenant, 'utf8')}).`);
  } else if (s.registry.split(',').some((pair: string) => !isHostPort(pair))) {
    problems.add(`${path}.registry`, `${show(s.registry)} must be host:port pairs separated by commas (e.g. 'registry:7861').`);
  }
  requireNonEmpty(s.volume, `${path}.volume`, 'the Quobyte volume', problems);
}

/** defaultMode 0-0777; each item as validateDownwardAPIVolumeFile. */
// Go: validateDownwardAPIVolumeSource (validation.go)
function validateDownwardAPIVolumeSource(s: any, path: string, problems: Problems): void {
  checkFileMode(s.defaultMode, `${path}.defaultMode`, problems);
  (Array.isArray(s.items) ? s.items : []).forEach((file: any, i: number) => {
    validateDownwardAPIVolumeFile(file ?? {}, `${path}.items[${i}]`, problems);
  });
}

const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

/** path required, relative, without '..'; exactly one of fieldRef (volume field paths) and resourceFieldRef (containerName required); mode 0-0777. */
// Go: validateDownwardAPIVolumeFile (validation.go)
export function validateDownwardAPIVolumeFile(file: any, path: string, problems: Problems): void {
  if (requireNonEmpty(file.path, `${path}.path`, 'the relative file path to write to', problems)) {
    for (const r of localNonReservedPathProblems(file.path)) {
      problems.add(`${path}.path`, `${show(file.path)} ${r}.`);
    }
  }
  if (present(file.fieldRef)) {
    validateObjectFieldSelector(file.fieldRef, VOLUME_FIELD_PATHS, `${path}.fieldRef`, problems);
    if (present(file.resourceFieldRef)) {
      problems.add(path, 'fieldRef and resourceFieldRef cannot both be set; keep one.');
    }
  } else if (present(file.resourceFieldRef)) {
    validateContainerResourceFieldSelector(file.resourceFieldRef, `${path}.resourceFieldRef`, problems, true);
  } else {
    problems.add(path, 'needs one of fieldRef and resourceFieldRef; set one.');
  }
  checkFileMode(file.mode, `${path}.mode`, problems);
}

/** Go: fieldpath.SplitMaybeSubscriptedPath: "metadata.labels['key']" -> ["metadata.labels", "key"]. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) {
    return undefined;
  }
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) {
    return undefined;
  }
  return [s.slice(0, at), s.slice(at + 2)];
}

const POD_FIELD_LABELS = [
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid',
  'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName',
  'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];

/**
 * A downward API field selector: apiVersion "v1" (the default), a field path the pod supports
 * (`ConvertDownwardAPIFieldLabel`), then one of `expressions`, or a subscripted
 * `metadata.labels['key']` / `metadata.annotations['key']` with a valid key.
 */
// Go: validateObjectFieldSelector (validation.go)
export function validateObjectFieldSelector(fs: any, expressions: string[], path: string, problems: Problems): void {
  if (!isSet(fs.apiVersion)) {
    problems.add(`${path}.apiVersion`, "is required; set 'v1'.");
    return;
  }
  if (!isSet(fs.fieldPath)) {
    problems.add(`${path}.fieldPath`, "is required; set a pod field (e.g. 'metadata.name').");
    return;
  }
  // Go: ConvertDownwardAPIFieldLabel (pkg/apis/core/pods/helpers.go)
  if (fs.apiVersion !== 'v1') {
    problems.add(`${path}.apiVersion`, `${show(fs.apiVersion)} is not supported for pod fields; use 'v1'.`);
    return;
  }
  let fieldPath: string = fs.fieldPath;
  const sub = splitSubscript(fieldPath);
  if (sub) {
    const [base, key] = sub;
    if (base !== 'metadata.annotations' && base !== 'metadata.labels') {
      problems.add(`${path}.fieldPath`, `${show(fieldPath)} cannot be subscripted: only metadata.labels['<key>'] and metadata.annotations['<key>'] can.`);
      return;
    }
    const r = qualifiedName(base === 'metadata.annotations' ? goToLower(key) : key);
    if (r) {
      problems.add(path, `${show(fieldPath)} names an invalid ${base === 'metadata.labels' ? 'label' : 'annotation'} key ${show(key)}: it ${r}.`);
    }
    return;
  }
  if (fieldPath === 'spec.host') {
    fieldPath = 'spec.nodeName';
  }
  if (!POD_FIELD_LABELS.includes(fieldPath)) {
    problems.add(`${path}.fieldPath`, `${show(fs.fieldPath)} is not a pod field the downward API supports; use one of ${expressions.join(', ')}.`);
    return;
  }
  if (!expressions.includes(fieldPath)) {
    problems.add(`${path}.fieldPath`, `${show(fs.fieldPath)} is not supported here; use one of ${expressions.join(', ')}.`);
  }
}

/** targetWWNs or wwids (not both); lun 0-255 and required with targetWWNs. */
// Go: validateFCVolumeSource (validation.go)
function validateFCVolumeSource(s: any, path: string, problems: Problems): void {
  const wwns = Array.isArray(s.targetWWNs) && s.targetWWNs.length > 0;
  const wwids = Array.isArray(s.wwids) && s.wwids.length > 0;
  if (!wwns && !wwids) {
    problems.add(`${path}.targetWWNs`, 'is required; set targetWWNs (with lun) or wwids.');
  }
  if (wwns && wwids) {
    problems.add(`${path}.targetWWNs`, 'targetWWNs and wwids cannot both be set; keep one.');
  }
  if (wwns) {
    if (!present(s.lun)) {
      problems.add(`${path}.lun`, 'is required with targetWWNs; set the logical unit number (0-255).');
    } else {
      checkRange(s.lun, 0, 255, `${path}.lun`, problems);
    }
  }
}

/** driver required; option keys must not use the kubernetes.io or k8s.io namespaces. */
// Go: validateFlexVolumeSource (validation.go)
function validateFlexVolumeSource(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.driver, `${path}.driver`, 'the FlexVolume driver', problems);
  for (const key of Object.keys(s.options ?? {})) {
    const namespace = key.includes('/') ? key.slice(0, key.indexOf('/')) : key;
    const normalized = `.${goToLower(namespace)}`;
    if (normalized.endsWith('.kubernetes.io') || normalized.endsWith('.k8s.io')) {
      problems.add(keyPath(`${path}.options`, key), `${show(key)} uses a reserved namespace (kubernetes.io and k8s.io are reserved); use your own domain.`);
    }
  }
}

const AZURE_CACHING_MODES = ['None', 'ReadOnly', 'ReadWrite'];
const AZURE_DISK_KINDS = ['Dedicated', 'Managed', 'Shared'];

// Go: validateAzureDisk (validation.go)
function validateAzureDisk(s: any, path: string, problems: Problems): void {
  requireNonEmpty(s.diskName, `${path}.diskName`, 'the data disk name', problems);
  requireNonEmpty(s.diskURI, `${path}.diskURI`, 'the data disk URI', problems);
  if (present(s.cachingMode) && !AZURE_CACHING_MODES.includes(s.cachingMode)) {
    problems.add(`${path}.cachingMode`, `${show(s.cachingMode)} is not supported; use one of ${AZURE_CACHING_MODES.join(', ')}.`);
  }
  if (present(s.kind) && !AZURE_DISK_KINDS.includes(s.kind)) {
    problems.add(`${path}.kind`, `${show(s.kind)} is not supported; use one of ${AZURE_DISK_KINDS.join(', ')}.`);
  }
  const uri = typeof s.diskURI === 'string' ? s.diskURI : '';
  if (s.kind === 'Managed' && !uri.startsWith('/subscriptions/')) {
    problems.add(`${path}.diskURI`, `${show(uri)} is not a managed disk URI; write '/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}'.`);
  }
  if (present(s.kind) && s.kind !== 'Managed' && !uri.startsWith('https://')) {
    problems.add(`${path}.diskURI`, `${show(uri)} is not a blob disk URI (kind ${s.kind}); write 'https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd', or set kind: Managed.`);
  }
}

// Go: validateStorageOSVolumeSource (validation.go)
function validateStorageOSVolumeSource(s: any, path: string, problems: Problems): void {
  if (requireNonEmpty(s.volumeName, `${path}.volumeName`, 'the StorageOS volume', problems)) {
    const r = dns1123Label(s.volumeName);
    if (r) {
      problems.add(`${path}.volumeName`, `${show(s.volumeName)} is invalid: it ${r}.`);
    }
  }
  if (isSet(s.volumeNamespace)) {
    const r = dns1123Label(s.volumeNamespace);
    if (r) {
      problems.add(`${path}.volumeNamespace`, `${show(s.volumeNamespace)} is invalid: it ${r}.`);
    }
  }
  if (present(s.secretRef)) {
    requireNonEmpty(s.secretRef.name, `${path}.secretRef.name`, 'the Secret with the StorageOS credentials', problems);
  }
}

/** defaultMode 0-0777, then the sources. */
// Go: validateProjectedVolumeSource (validation.go)
function validateProjectedVolumeSource(s: any, path: string, problems: Problems): void {
  checkFileMode(s.defaultMode, `${path}.defaultMode`, problems);
  validateProjectionSources(s, path, problems);
}

/**
 * Each projection source has one kind; secret and configMap need a name; the files of all
 * sources need distinct paths; a service account token lives 10 minutes to 2^32 seconds and
 * needs a relative path. (clusterTrustBundle sources are dropped on create in 1.32.)
 */
// Go: validateProjectionSources (validation.go)
function validateProjectionSources(s: any, path: string, problems: Problems): void {
  const seen = new Set<string>();
  (Array.isArray(s.sources) ? s.sources : []).forEach((source: any, i: number) => {
    const spath = `${path}.sources[${i}]`;
    const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'].filter((k) => present(source?.[k]));
    if (present(source?.secret)) {
      requireNonEmpty(source.secret.name, `${spath}.secret.name`, 'the Secret to project', problems);
      validateKeyToPaths(source.secret.items, `${spath}.secret.items`, problems, seen, path);
    }
    if (present(source?.configMap)) {
      requireNonEmpty(source.configMap.name, `${spath}.configMap.name`, 'the ConfigMap to project', problems);
      validateKeyToPaths(source.configMap.items, `${spath}.configMap.items`, problems, seen, path);
    }
    if (present(source?.downwardAPI)) {
      (Array.isArray(source.downwardAPI.items) ? source.downwardAPI.items : []).forEach((file: any, j: number) => {
        const fpath = `${spath}.downwardAPI.items[${j}]`;
        validateDownwardAPIVolumeFile(file ?? {}, fpath, problems);
        if (isSet(file?.path)) {
          if (seen.has(file.path)) {
            problems.add(`${fpath}.path`, `${show(file.path)} is already written by another source of ${path}; give each projected file its own path.`);
          } else {
            seen.add(file.path);
          }
        }
      });
    }
    if (present(source?.serviceAccountToken)) {
      const t = source.serviceAccountToken;
      const tpath = `${spath}.serviceAccountToken`;
      const exp = t.expirationSeconds;
      if (isInteger(exp) && exp < 600) {
        problems.add(`${tpath}.expirationSeconds`, `${show(exp)} is less than 10 minutes; use at least 600.`);
      }
      if (isInteger(exp) && exp > 2 ** 32) {
        problems.add(`${tpath}.expirationSeconds`, `${show(exp)} is more than 2^32 seconds; use at most ${2 ** 32}.`);
      }
      if (requireNonEmpty(t.path, `${tpath}.path`, "the relative file path of the token (e.g. 'token')", problems)) {
        for (const r of localNonReservedPathProblems(t.path)) {
          problems.add(`${tpath}.path`, `${show(t.path)} ${r}.`);
        }
      }
    }
    if (kinds.length > 1) {
      problems.add(spath, `has ${kinds.length} kinds (${kinds.join(', ')}); each projection source may have only one: split it into several sources.`);
    }
  });
}

/** driver a DNS subdomain of at most 63 characters (case-insensitive); nodePublishSecretRef.name a valid Secret name. */
// Go: validateCSIVolumeSource (validation.go)
function validateCSIVolumeSource(s: any, path: string, problems: Problems): void {
  validateCSIDriverName(s.driver, `${path}.driver`, problems);
  if (present(s.nodePublishSecretRef)) {
    const name = s.nodePublishSecretRef.name;
    if (requireNonEmpty(name, `${path}.nodePublishSecretRef.name`, 'the Secret with the driver credentials', problems)) {
      const r = nameIsDNSSubdomain(name);
      if (r) {
        problems.add(`${path}.nodePublishSecretRef.name`, `${show(name)} is not a valid Secret name: it ${r}.`);
      }
    }
  }
}

// Go: ValidateCSIDriverName (validation.go)
export function validateCSIDriverName(driver: unknown, path: string, problems: Problems): void {
  if (!isSet(driver)) {
    problems.add(path, "is required; set the CSI driver name (e.g. 'csi.example.com').");
    return;
  }
  // Go's len counts bytes.
  const bytes = Buffer.byteLength(driver, 'utf8');
  if (bytes > 63) {
    problems.add(path, `must be no more than 63 bytes (it has ${bytes}).`);
  }
  const r = dns1123Subdomain(goToLower(driver));
  if (r) {
    problems.add(path, `${show(driver)} is not a valid CSI driver name: it ${r}.`);
  }
}

/** volumeClaimTemplate required; its metadata (labels and annotations only) and spec as a PVC spec. */
// Go: validateEphemeralVolumeSource (validation.go)
function validateEphemeralVolumeSource(s: any, path: string, problems: Problems): void {
  if (!present(s.volumeClaimTemplate)) {
    problems.add(`${path}.volumeClaimTemplate`, 'is required; describe the PVC to create (spec.accessModes and spec.resources.requests.storage).');
    return;
  }
  // Go: ValidatePersistentVolumeClaimTemplate
  validateTemplateObjectMeta(s.volumeClaimTemplate.metadata, `${path}.volumeClaimTemplate.metadata`, problems);
  validatePersistentVolumeClaimSpec(s.volumeClaimTemplate.spec ?? {}, `${path}.volumeClaimTemplate.spec`, problems);
}

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];

/**
 * What the API server drops from a PersistentVolumeClaim it creates from a template (an ephemeral
 * volume's `volumeClaimTemplate`, a StatefulSet's `volumeClaimTemplates`), before it validates the
 * claim: a declaration that would vanish from the claim without a word is an error.
 */
// Go: DropDisabledFields, EnforceDataSourceBackwardsCompatibility (pkg/api/persistentvolumeclaim/util.go)
export function preparePersistentVolumeClaimTemplateSpec(
  spec: any, path: string, problems: Problems, template: boolean = true, validatedAsWritten: boolean = false,
): void {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    return;
  }
  const vanish = (field: string, value: unknown, why: string, fix: string): void => {
    const text = JSON.stringify(value);
    const from = template ? 'from the PersistentVolumeClaim it creates from this template' : 'on create';
    problems.add(`${path}.${field}`, `${text !== undefined && text.length <= 100 ? text : '(this field)'} would vanish (this library's contract): ${why}, so the API server drops it ${from}; ${fix}.`);
  };
  if (!FEATURE_GATES_1_32.VolumeAttributesClass && isSet(spec.volumeAttributesClassName)) {
    vanish('volumeAttributesClassName', spec.volumeAttributesClassName, 'VolumeAttributesClass is a feature gate off by default in Kubernetes 1.32', 'remove it, or set the class on the claim once the gate is on');
  }
  const ref = spec.dataSourceRef;
  const source = spec.dataSource;
  const sourceIsObject = source !== null && typeof source === 'object' && !Array.isArray(source);
  const kept = claimSpecAfterDrops(spec);
  if (present(ref) && !present(kept.dataSourceRef)) {
    vanish('dataSourceRef', ref, 'a data source in another namespace needs the CrossNamespaceVolumeDataSource feature gate, off by default in Kubernetes 1.32',
      `use a data source in the claim's own namespace (the volume would be ${present(kept.dataSource) ? 'cloned from dataSource instead' : 'provisioned empty'})`);
  }
  // A template the Pod's validation checks as written (an ephemeral volume's) has a kind other
  // than PersistentVolumeClaim without an apiGroup refused there (validateDataSource); a claim
  // created from a StatefulSet's template, or a claim itself, loses it first. (A dataSource that
  // is no object is the decoder's.)
  if (sourceIsObject && !present(kept.dataSource) && (!validatedAsWritten || isSet(source.apiGroup))) {
    const snapshot = source.kind === 'VolumeSnapshot' && !isSet(source.apiGroup);
    vanish('dataSource', source, 'dataSource keeps only a PersistentVolumeClaim or a snapshot.storage.k8s.io VolumeSnapshot',
      snapshot ? 'set apiGroup: snapshot.storage.k8s.io (the volume would be provisioned empty)' : 'for a volume populator, write it as dataSourceRef (the volume would be provisioned empty)');
  }
}

/**
 * A claim spec as the API server's create preparation of a PersistentVolumeClaim leaves it (a
 * copy): a dataSourceRef in another namespace dropped (its gate is off in 1.32), a dataSource
 * other than a PersistentVolumeClaim or a VolumeSnapshot dropped without a dataSourceRef, then
 * each of dataSource and dataSourceRef filled in from the other. `derived` names the one filled
 * in (its problems are the other's).
 */
// Go: DropDisabledFields, EnforceDataSourceBackwardsCompatibility, NormalizeDataSources (pkg/api/persistentvolumeclaim/util.go)
export function claimSpecAsCreated(spec: any): { spec: any; derived?: 'dataSource' | 'dataSourceRef' } {
  const out = claimSpecAfterDrops(spec);
  const copy = (r: any) => ({ kind: r?.kind, name: r?.name, ...(present(r?.apiGroup) ? { apiGroup: r.apiGroup } : {}) });
  if (present(out.dataSource) && !present(out.dataSourceRef)) {
    out.dataSourceRef = copy(out.dataSource);
    return { spec: out, derived: 'dataSourceRef' };
  }
  if (present(out.dataSourceRef) && !present(out.dataSource) && !isSet(out.dataSourceRef?.namespace)) {
    out.dataSource = copy(out.dataSourceRef);
    return { spec: out, derived: 'dataSource' };
  }
  return { spec: out };
}

/**
 * A copy of a claim spec without what the API server's create preparation drops: a dataSourceRef
 * in another namespace (its gate is off in 1.32), then a dataSource other than a
 * PersistentVolumeClaim or a VolumeSnapshot when no dataSourceRef is left.
 */
// Go: DropDisabledFields, EnforceDataSourceBackwardsCompatibility (pkg/api/persistentvolumeclaim/util.go)
function claimSpecAfterDrops(spec: any): any {
  const out = { ...spec };
  if (!FEATURE_GATES_1_32.CrossNamespaceVolumeDataSource && present(out.dataSourceRef) && isSet(out.dataSourceRef?.namespace)) {
    out.dataSourceRef = undefined;
  }
  if (!present(out.dataSourceRef) && present(out.dataSource) && !(typeof out.dataSource === 'object' && isPvcOrSnapshot(out.dataSource))) {
    out.dataSource = undefined;
  }
  return out;
}

// Go: dataSourceIsPvcOrSnapshot (pkg/api/persistentvolumeclaim/util.go)
function isPvcOrSnapshot(source: any): boolean {
  const group = source.apiGroup ?? '';
  return (source.kind === 'PersistentVolumeClaim' && group === '') || (source.kind === 'VolumeSnapshot' && group === 'snapshot.storage.k8s.io');
}

/**
 * The quantities of a claim's requests and limits other than requests.storage (which the rules
 * check) that the API server's decoder refuses: the whole object is refused before any rule runs.
 */
// Go: resource.Quantity.UnmarshalJSON (apimachinery pkg/api/resource/quantity.go) -> ParseQuantity
export function undecodedClaimQuantities(resources: any, path: string, problems: Problems): void {
  for (const part of ['requests', 'limits']) {
    const values = resources?.[part];
    if (values === null || typeof values !== 'object' || Array.isArray(values)) {
      continue; // the decode step's
    }
    for (const [name, q] of Object.entries(values)) {
      if ((part === 'requests' && name === 'storage') || (typeof q !== 'string' && typeof q !== 'number')) {
        continue;
      }
      if (parseQuantity(q) === undefined && !readsAsLineBreak(q)) {
        problems.add(keyPath(`${path}.${part}`, name), `${show(q)} is not a valid quantity (the API server cannot decode it); write e.g. '1Gi', '500m' or 1.`);
      }
    }
  }
}

/**
 * A PVC spec: at least one access mode (ReadWriteOncePod alone), a label selector, a positive
 * storage request, storageClassName and volumeMode, dataSource and dataSourceRef.
 */
// Go: ValidatePersistentVolumeClaimSpec (validation.go)
export function validatePersistentVolumeClaimSpec(spec: any, path: string, problems: Problems): void {
  const modes: unknown[] = Array.isArray(spec.accessModes) ? spec.accessModes : [];
  if (modes.length === 0) {
    problems.add(`${path}.accessModes`, 'at least 1 access mode is required; add one (e.g. ReadWriteOnce).');
  }
  validateLabelSelector(spec.selector, `${path}.selector`, problems);
  let rwop = false;
  let other = false;
  modes.forEach((m, i) => {
    if (typeof m !== 'string' || !ACCESS_MODES.includes(m)) {
      problems.add(`${path}.accessModes[${i}]`, `${show(m)} is not supported; use one of ${ACCESS_MODES.join(', ')}.`);
    } else if (m === 'ReadWriteOncePod') {
      rwop = true;
    } else {
      other = true;
    }
  });
  if (rwop && other) {
    problems.add(`${path}.accessModes`, 'ReadWriteOncePod cannot be combined with other access modes; keep it alone.');
  }
  undecodedClaimQuantities(spec.resources, `${path}.resources`, problems);
  const storage = spec.resources?.requests?.storage;
  const spath = `${path}.resources.requests.storage`;
  if (!present(storage)) {
    problems.add(spath, "is required; set the size of the volume (e.g. '1Gi').");
  } else if (parseQuantity(storage) === undefined) {
    // Quantity.UnmarshalJSON: the object is refused before any rule runs.
    if (!readsAsLineBreak(storage)) {
      problems.add(spath, `${show(storage)} is not a valid quantity (the API server cannot decode it); write a size such as '1Gi'.`);
    }
  } else if (parseQuantity(storage)!.sign <= 0) {
    // Go: ValidatePositiveQuantityValue
    problems.add(spath, `${show(storage)} must be greater than zero; set the size of the volume (e.g. '1Gi').`);
  }
  if (isSet(spec.storageClassName)) {
    const r = nameIsDNSSubdomain(spec.storageClassName);
    if (r) {
      problems.add(`${path}.storageClassName`, `${show(spec.storageClassName)} is not a valid StorageClass name: it ${r}.`);
    }
  }
  if (present(spec.volumeMode) && !VOLUME_MODES.includes(spec.volumeMode)) {
    problems.add(`${path}.volumeMode`, `${show(spec.volumeMode)} is not supported; use Filesystem or Block.`);
  }
  if (present(spec.dataSource)) {
    validateDataSource(spec.dataSource, `${path}.dataSource`, false, problems);
  }
  if (present(spec.dataSourceRef)) {
    validateDataSource(spec.dataSourceRef, `${path}.dataSourceRef`, true, problems);
  }
  if (present(spec.dataSourceRef) && isSet(spec.dataSourceRef.namespace)) {
    if (present(spec.dataSource)) {
      problems.add(`${path}.dataSource`, 'may not be set when dataSourceRef.namespace is set; remove dataSource.');
    }
  } else if (present(spec.dataSource) && present(spec.dataSourceRef)) {
    const a = spec.dataSource;
    const b = spec.dataSourceRef;
    if ((a.apiGroup ?? null) !== (b.apiGroup ?? null) || a.kind !== b.kind || a.name !== b.name) {
      problems.add(`${path}.dataSource`, 'must match dataSourceRef (apiGroup, kind and name); set only one of them.');
    }
  }
}

// Go: validateDataSource, validateDataSourceRef (validation.go)
function validateDataSource(ds: any, path: string, isRef: boolean, problems: Problems): void {
  requireNonEmpty(ds.name, `${path}.name`, 'the name of the data source', problems);
  requireNonEmpty(ds.kind, `${path}.kind`, 'the kind of the data source (e.g. PersistentVolumeClaim or VolumeSnapshot)', problems);
  const group = typeof ds.apiGroup === 'string' ? ds.apiGroup : '';
  if (group.length === 0 && ds.kind !== 'PersistentVolumeClaim') {
    problems.add(path, `kind ${show(ds.kind ?? '')} must be 'PersistentVolumeClaim' when apiGroup is empty; set apiGroup (e.g. 'snapshot.storage.k8s.io').`);
  }
  if (group.length > 0) {
    const r = dns1123Subdomain(group);
    if (r) {
      problems.add(`${path}.apiGroup`, `${show(group)} is invalid: it ${r}.`);
    }
  }
  if (isRef && isSet(ds.namespace)) {
    const r = dns1123Label(ds.namespace);
    if (r) {
      problems.add(`${path}.namespace`, `${show(ds.namespace)} is not a valid namespace: it ${r}.`);
    }
  }
}

/** Go: `validateLocalDescendingPath`: relative, without a '..' element (the first problem). */
export function localDescendingPath(p: string): string | undefined {
  return localDescendingPathProblems(p)[0];
}

// Go: validateLocalDescendingPath (validation.go)
export function localDescendingPathProblems(p: string): string[] {
  const out: string[] = [];
  if (p.startsWith('/')) {
    out.push('must be a relative path');
  }
  const r = pathNoBacksteps(p);
  if (r) {
    out.push(r);
  }
  return out;
}

// Go: ValidateLocalNonReservedPath (validation.go)
export function localNonReservedPathProblems(p: string): string[] {
  const out = localDescendingPathProblems(p);
  if (p.startsWith('..') && !p.startsWith('../')) {
    out.push("must not start with '..'");
  }
  return out;
}

// Go: validatePathNoBacksteps (validation.go): no '..' element. A backslash is an ordinary
// character: filepath.ToSlash converts it only on Windows, and the API server runs on Linux.
function pathNoBacksteps(p: string): string | undefined {
  return p.split('/').includes('..') ? "must not contain '..'" : undefined;
}

/**
 * The defaults of a volume: a volume without a source becomes an emptyDir; file modes 0644;
 * hostPath type ""; service account tokens one hour; downward API apiVersion v1; the per-driver
 * defaults (iSCSI interface, RBD pool/user/keyring, Azure disk, ScaleIO); PVC templates
 * Filesystem. In place, on a copy.
 */
// Go: SetDefaults_Volume (pkg/apis/core/v1/defaults.go) and the per-source defaults
export function defaultVolume(v: any): void {
  if (!v || typeof v !== 'object') {
    return;
  }
  if (volumeSources(v).length === 0) {
    v.emptyDir = {};
  }
  const s = (k: string): any => (present(v[k]) && typeof v[k] === 'object' ? v[k] : undefined);
  // Go: SetDefaults_HostPathVolumeSource
  if (s('hostPath') && !present(v.hostPath.type)) {
    v.hostPath.type = '';
  }
  // Go: SetDefaults_SecretVolumeSource, SetDefaults_ConfigMapVolumeSource, SetDefaults_DownwardAPIVolumeSource, SetDefaults_ProjectedVolumeSource
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (s(k) && !present(v[k].defaultMode)) {
      v[k].defaultMode = 0o644;
    }
  }
  defaultDownwardAPIItems(s('downwardAPI')?.items);
  for (const source of Array.isArray(s('projected')?.sources) ? v.projected.sources : []) {
    defaultDownwardAPIItems(source?.downwardAPI?.items);
    // Go: SetDefaults_ServiceAccountTokenProjection
    // Only on an object: another JSON type is the decode step's problem (it would crash here).
    const token = source?.serviceAccountToken;
    if (token !== null && typeof token === 'object' && !Array.isArray(token) && !present(token.expirationSeconds)) {
      source.serviceAccountToken.expirationSeconds = 3600;
    }
  }
  // +default tags of k8s.io/api/core/v1 (ISCSIVolumeSource, RBDVolumeSource, AzureDiskVolumeSource, ScaleIOVolumeSource)
  if (s('iscsi') && !isSet(v.iscsi.iscsiInterface)) {
    v.iscsi.iscsiInterface = 'default';
  }
  if (s('rbd')) {
    v.rbd.pool = isSet(v.rbd.pool) ? v.rbd.pool : 'rbd';
    v.rbd.user = isSet(v.rbd.user) ? v.rbd.user : 'admin';
    v.rbd.keyring = isSet(v.rbd.keyring) ? v.rbd.keyring : '/etc/ceph/keyring';
  }
  if (s('azureDisk')) {
    v.azureDisk.cachingMode ??= 'ReadWrite';
    v.azureDisk.fsType ??= 'ext4';
    v.azureDisk.readOnly ??= false;
    v.azureDisk.kind ??= 'Shared';
  }
  if (s('scaleIO')) {
    v.scaleIO.storageMode = isSet(v.scaleIO.storageMode) ? v.scaleIO.storageMode : 'ThinProvisioned';
    v.scaleIO.fsType = isSet(v.scaleIO.fsType) ? v.scaleIO.fsType : 'xfs';
  }
  // Go: SetDefaults_PersistentVolumeClaimSpec
  const spec = s('ephemeral')?.volumeClaimTemplate?.spec;
  if (spec && typeof spec === 'object' && !present(spec.volumeMode)) {
    spec.volumeMode = 'Filesystem';
  }
}

// Go: SetDefaults_ObjectFieldSelector (apiVersion "v1")
function defaultDownwardAPIItems(items: unknown): void {
  for (const item of Array.isArray(items) ? items : []) {
    if (present(item?.fieldRef) && typeof item.fieldRef === 'object' && !isSet(item.fieldRef.apiVersion)) {
      item.fieldRef.apiVersion = 'v1';
    }
  }
}

/** Whether a volume is backed by a PVC (persistentVolumeClaim or ephemeral): the volumeDevices rule. */
// Go: isMatchedDevice (validation.go)
export function isPVCVolume(v: any): boolean {
  return present(v?.persistentVolumeClaim) || present(v?.ephemeral);
}

/** Whether a volume is an image volume (its mounts may not use subPath or subPathExpr). */
export function isImageVolume(v: any): boolean {
  return present(v?.image);
}
