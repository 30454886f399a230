import { pod, RuleCase } from './cases';

/** A Pod with these volumes (and a container mounting none of them). */
const vols = (...volumes: any[]): any => pod({ volumes });
/** A Pod named `name` with these volumes. */
const named = (name: string, ...volumes: any[]): any => pod({ volumes }, { name });

/** Every volume source, its defaults and its rules (validateVolumeSource and friends). */
export const VOLUME_CASES: RuleCase[] = [
  // ---- ValidateVolumes, SetDefaults_Volume -------------------------------------------------
  {
    go: 'SetDefaults_ServiceAccountTokenProjection',
    name: 'reports a serviceAccountToken that is not an object as the decoder does, instead of crashing in its default (review 15 C1)',
    manifest: pod({ serviceAccountName: 'default', volumes: [{ name: 'token', projected: { sources: [{ serviceAccountToken: 'token' }] } }] }),
    problems: ['spec.volumes[0].projected.sources[0].serviceAccountToken: "token" is a string, but VolumeProjection.serviceAccountToken takes an object (ServiceAccountTokenProjection) (the API server cannot decode it).'],
    offline128: false,
  },
  { go: 'SetDefaults_Volume', name: 'accepts a volume with only a name (the API server makes it an emptyDir)', manifest: pod({ volumes: [{ name: 'data' }], containers: [{ name: 'c', image: 'busybox:1.36', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }), problems: [] },
  { go: 'SetDefaults_Volume', name: 'accepts a volume whose sources are all null', manifest: vols({ name: 'data', emptyDir: null, configMap: null }), problems: [], offline128: false },
  { go: 'ValidateVolumes', name: 'rejects a volume without a name', manifest: vols({ emptyDir: {} }), problems: ['spec.volumes[0].name: every volume needs a name; set name (e.g. \'my-volume\').'] },
  { go: 'ValidateVolumes', name: 'rejects two volumes with one name', manifest: vols({ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }), problems: ['spec.volumes[1].name: volume name "a" is already used by spec.volumes[0]; give each volume a unique name.'] },
  { go: 'validateVolumeSource', name: 'rejects a volume with two sources', manifest: vols({ name: 'a', emptyDir: {}, secret: { secretName: 's' } }), problems: ['spec.volumes[0]: volume "a" has 2 sources (emptyDir, secret); a volume may have only one.'] },
  // ---- emptyDir, hostPath, gitRepo, disks -----------------------------------------------------
  { go: 'validateVolumeSource', name: 'accepts an emptyDir of any medium with a sizeLimit', manifest: vols({ name: 'a', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }, { name: 'b', emptyDir: { medium: 'HugePages-2Mi' } }), problems: [] },
  { go: 'validateVolumeSource', name: 'rejects a negative emptyDir sizeLimit', manifest: vols({ name: 'a', emptyDir: { sizeLimit: '-1' } }), problems: ['spec.volumes[0].emptyDir.sizeLimit: "-1" must be greater than or equal to 0.'] },
  { go: 'validateHostPathVolumeSource', name: 'rejects an unknown hostPath type', manifest: vols({ name: 'a', hostPath: { path: '/var/run', type: 'Dir' } }), problems: ['spec.volumes[0].hostPath.type: "Dir" is not supported; use one of DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice, BlockDevice (or omit it).'] },
  { go: 'validateHostPathVolumeSource', name: 'accepts a relative hostPath and an empty type', manifest: vols({ name: 'a', hostPath: { path: 'var/run', type: '' } }, { name: 'b', hostPath: { path: '/dev/sda', type: 'BlockDevice' } }), problems: [] },
  { go: 'validateHostPathVolumeSource', name: 'rejects a hostPath without a path', manifest: vols({ name: 'a', hostPath: { path: '' } }), problems: ['spec.volumes[0].hostPath.path: is required; set the node directory to mount.'] },
  {
    go: 'validateGitRepoVolumeSource',
    name: 'rejects a gitRepo without repository and with an absolute directory',
    manifest: vols({ name: 'a', gitRepo: { repository: '', directory: '/src/../x' } }),
    problems: [
      'spec.volumes[0].gitRepo.repository: is required; set the repository URL.',
      'spec.volumes[0].gitRepo.directory: "/src/../x" must be a relative path.',
      'spec.volumes[0].gitRepo.directory: "/src/../x" must not contain \'..\'.',
    ],
  },
  {
    go: 'validateGCEPersistentDiskVolumeSource',
    name: 'rejects a GCE disk without name and with partition 256',
    manifest: vols({ name: 'a', gcePersistentDisk: { pdName: '', partition: 256 } }),
    problems: [
      'spec.volumes[0].gcePersistentDisk.pdName: is required; set the GCE persistent disk name.',
      'spec.volumes[0].gcePersistentDisk.partition: 256 must be between 0 and 255, inclusive.',
    ],
  },
  { go: 'validateAWSElasticBlockStoreVolumeSource', name: 'rejects an EBS volume without volumeID', manifest: vols({ name: 'a', awsElasticBlockStore: { volumeID: '' } }), problems: ['spec.volumes[0].awsElasticBlockStore.volumeID: is required; set the EBS volume ID.'] },
  // ---- secret, configMap, validateKeyToPath ---------------------------------------------------
  {
    go: 'validateSecretVolumeSource',
    name: 'rejects a secret without secretName and a defaultMode above 0777',
    manifest: vols({ name: 'a', secret: { defaultMode: 0o1000 } }),
    problems: [
      'spec.volumes[0].secret.secretName: is required; set the Secret to mount.',
      'spec.volumes[0].secret.defaultMode: 512 must be a file mode between 0 and 0777 (octal; 511 in decimal), both inclusive; write e.g. 0o644 (420) in TypeScript.',
    ],
  },
  { go: 'validateConfigMapVolumeSource', name: 'rejects a configMap without name', manifest: vols({ name: 'a', configMap: { items: [] } }), problems: ['spec.volumes[0].configMap.name: is required; set the ConfigMap to mount.'] },
  {
    go: 'validateKeyToPath',
    name: 'rejects item paths that start with .., climb, or are absolute, and a negative mode',
    manifest: vols({ name: 'a', configMap: { name: 'cm', items: [{ key: 'k', path: '..k' }, { key: 'k', path: 'a/../b' }, { key: 'k', path: '/etc/x', mode: -1 }] } }),
    problems: [
      'spec.volumes[0].configMap.items[0].path: "..k" must not start with \'..\'.',
      'spec.volumes[0].configMap.items[1].path: "a/../b" must not contain \'..\'.',
      'spec.volumes[0].configMap.items[2].path: "/etc/x" must be a relative path.',
      'spec.volumes[0].configMap.items[2].mode: -1 must be a file mode between 0 and 0777 (octal; 511 in decimal), both inclusive; write e.g. 0o644 (420) in TypeScript.',
    ],
  },
  { go: 'validateKeyToPath', name: 'accepts nested item paths, dotted names and modes 0 and 0777', manifest: vols({ name: 'a', secret: { secretName: 's', defaultMode: 0, items: [{ key: 'k', path: 'a/b/.c', mode: 0o777 }, { key: 'k2', path: 'k..2' }] } }), problems: [] },
  // ---- downwardAPI ----------------------------------------------------------------------------
  {
    go: 'validateDownwardAPIVolumeFile',
    name: 'rejects an item with neither fieldRef nor resourceFieldRef, and one with both',
    manifest: vols({ name: 'a', downwardAPI: { items: [{ path: 'x' }, { path: 'y', fieldRef: { fieldPath: 'metadata.name' }, resourceFieldRef: { containerName: 'c', resource: 'limits.cpu' } }] } }),
    problems: [
      'spec.volumes[0].downwardAPI.items[0]: needs one of fieldRef and resourceFieldRef; set one.',
      'spec.volumes[0].downwardAPI.items[1]: fieldRef and resourceFieldRef cannot both be set; keep one.',
    ],
  },
  {
    go: 'validateObjectFieldSelector',
    name: 'rejects spec.nodeName in a volume, an unknown field and a bad label key',
    manifest: vols({ name: 'a', downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'spec.nodeName' } }, { path: 'x', fieldRef: { fieldPath: 'status.foo' } }, { path: 'l', fieldRef: { fieldPath: "metadata.labels['bad key']" } }] } }),
    problems: [
      'spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath: "spec.nodeName" is not supported here; use one of metadata.annotations, metadata.labels, metadata.name, metadata.namespace, metadata.uid.',
      'spec.volumes[0].downwardAPI.items[1].fieldRef.fieldPath: "status.foo" is not a pod field the downward API supports; use one of metadata.annotations, metadata.labels, metadata.name, metadata.namespace, metadata.uid.',
      'spec.volumes[0].downwardAPI.items[2].fieldRef: "metadata.labels[\'bad key\']" names an invalid label key "bad key": it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').',
    ],
  },
  { go: 'validateObjectFieldSelector', name: 'rejects a fieldRef apiVersion other than v1', manifest: vols({ name: 'a', downwardAPI: { items: [{ path: 'n', fieldRef: { apiVersion: 'v2', fieldPath: 'metadata.name' } }] } }), problems: ['spec.volumes[0].downwardAPI.items[0].fieldRef.apiVersion: "v2" is not supported for pod fields; use \'v1\'.'] },
  { go: 'validateObjectFieldSelector', name: 'accepts labels, annotations, subscripted keys and the defaulted apiVersion', manifest: vols({ name: 'a', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'app', fieldRef: { fieldPath: "metadata.labels['app.kubernetes.io/name']" } }, { path: 'uid', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.uid' } }] } }), problems: [] },
  {
    go: 'validateContainerResourceFieldSelector',
    name: 'rejects a resourceFieldRef without containerName in a volume, and an unknown resource',
    manifest: vols({ name: 'a', downwardAPI: { items: [{ path: 'x', resourceFieldRef: { resource: 'limits.cpu' } }, { path: 'y', resourceFieldRef: { containerName: 'c', resource: 'limits.gpu' } }] } }),
    problems: [
      'spec.volumes[0].downwardAPI.items[0].resourceFieldRef.containerName: is required; name the container whose resources to read.',
      'spec.volumes[0].downwardAPI.items[1].resourceFieldRef.resource: "limits.gpu" is not supported; use one of limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory, requests.ephemeral-storage, requests.hugepages-<size> or limits.hugepages-<size>.',
    ],
  },
  {
    go: 'validateContainerResourceDivisor',
    name: 'rejects a cpu divisor of 1k and a memory divisor of 1024',
    manifest: vols({ name: 'a', downwardAPI: { items: [{ path: 'x', resourceFieldRef: { containerName: 'c', resource: 'limits.cpu', divisor: '1k' } }, { path: 'y', resourceFieldRef: { containerName: 'c', resource: 'requests.memory', divisor: '1024' } }] } }),
    problems: [
      'spec.volumes[0].downwardAPI.items[0].resourceFieldRef.divisor: "1k" is not a divisor of limits.cpu; only 1m, 1 are supported with the cpu resource.',
      'spec.volumes[0].downwardAPI.items[1].resourceFieldRef.divisor: "1024" is not a divisor of requests.memory; only 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource.',
    ],
  },
  {
    go: 'validateContainerResourceDivisor',
    name: 'refuses a divisor 01Ki, which ParseQuantity keeps as written',
    manifest: vols({ name: 'a', downwardAPI: { items: [{ path: 'x', resourceFieldRef: { containerName: 'c', resource: 'limits.memory', divisor: '01Ki' } }] } }),
    problems: ['spec.volumes[0].downwardAPI.items[0].resourceFieldRef.divisor: "01Ki" is not a divisor of limits.memory; only 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource. The API server compares the divisor as written: write "1Ki".'],
  },
  { go: 'validateContainerResourceDivisor', name: 'accepts the divisors 1m, 1Mi, 1000m, 1G and hugepages resources', manifest: vols({ name: 'a', downwardAPI: { items: [{ path: 'a', resourceFieldRef: { containerName: 'c', resource: 'limits.cpu', divisor: '1m' } }, { path: 'b', resourceFieldRef: { containerName: 'c', resource: 'limits.memory', divisor: '1Mi' } }, { path: 'c', resourceFieldRef: { containerName: 'c', resource: 'requests.cpu', divisor: '1000m' } }, { path: 'd', resourceFieldRef: { containerName: 'c', resource: 'limits.hugepages-2Mi', divisor: '1G' } }] } }), problems: [] },
  // ---- projected ------------------------------------------------------------------------------
  { go: 'validateProjectionSources', name: 'rejects one path written by two sources', manifest: vols({ name: 'a', projected: { sources: [{ configMap: { name: 'a', items: [{ key: 'k', path: 'conf' }] } }, { secret: { name: 's', items: [{ key: 'k', path: 'conf' }] } }] } }), problems: ['spec.volumes[0].projected.sources[1].secret.items[0].path: "conf" is already written by another source of spec.volumes[0].projected; give each projected file its own path.'] },
  {
    go: 'validateProjectionSources',
    name: 'rejects a source with two kinds and a secret without name',
    manifest: vols({ name: 'a', projected: { sources: [{ secret: {}, configMap: { name: 'c' } }] } }),
    problems: [
      'spec.volumes[0].projected.sources[0].secret.name: is required; set the Secret to project.',
      'spec.volumes[0].projected.sources[0]: has 2 kinds (secret, configMap); each projection source may have only one: split it into several sources.',
    ],
  },
  {
    go: 'validateProjectionSources',
    name: 'rejects a service account token of one minute at an absolute path',
    manifest: pod({ serviceAccountName: 'app', volumes: [{ name: 'a', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 60, path: '/token' } }] } }] }),
    problems: [
      'spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: 60 is less than 10 minutes; use at least 600.',
      'spec.volumes[0].projected.sources[0].serviceAccountToken.path: "/token" must be a relative path.',
    ],
  },
  { go: 'validateProjectionSources', name: 'accepts a token (default lifetime), a downward API item and a configMap in one projected volume', manifest: pod({ serviceAccountName: 'default', volumes: [{ name: 'a', projected: { defaultMode: 0o440, sources: [{ serviceAccountToken: { path: 'token', audience: 'vault' } }, { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }] } }, { configMap: { name: 'ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }] } }] }), problems: [] },
  // ---- network and cluster storage ----------------------------------------------------------
  {
    go: 'validateNFSVolumeSource',
    name: 'rejects an NFS volume without server and with a relative path',
    manifest: vols({ name: 'a', nfs: { server: '', path: 'exports' } }),
    problems: [
      'spec.volumes[0].nfs.server: is required; set the NFS server (host name or IP address).',
      'spec.volumes[0].nfs.path: "exports" must be an absolute path; use "/exports".',
    ],
  },
  {
    go: 'validateISCSIVolumeSource',
    name: 'rejects a bad iqn, lun 300 and CHAP without a secret',
    manifest: vols({ name: 'a', iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-4.com.example', lun: 300, chapAuthSession: true } }),
    problems: [
      'spec.volumes[0].iscsi.iqn: "iqn.2001-4.com.example" is not in the iqn, eui or naa format (e.g. \'iqn.2001-04.com.example:storage.disk1\', \'eui.02004567A425678D\').',
      'spec.volumes[0].iscsi.lun: 300 must be between 0 and 255, inclusive.',
      'spec.volumes[0].iscsi.secretRef: is required with CHAP authentication; set the Secret with the CHAP credentials.',
    ],
  },
  { go: 'validateISCSIVolumeSource', name: 'rejects a volume name and portal over 64 characters with an initiatorName', manifest: vols({ name: 'v'.repeat(51), iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage.disk1', initiatorName: 'iqn.2001-04.com.example:node1' } }), problems: ['spec.volumes[0].name: "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv": <volume name>:<iscsi.targetPortal> (65 bytes) must be at most 64 bytes when iscsi.initiatorName is set; shorten the volume name.'] },
  { go: 'validateISCSIVolumeSource', name: 'accepts iqn, eui and naa names', manifest: vols({ name: 'a', iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage.disk1', initiatorName: 'eui.02004567A425678D', lun: 0 } }, { name: 'b', iscsi: { targetPortal: '10.0.0.1', iqn: `naa.${'0123456789abcdef'.repeat(2)}`, lun: 255 } }), problems: [] },
  {
    go: 'validateFCVolumeSource',
    name: 'rejects an FC volume with neither targetWWNs nor wwids, and one with targetWWNs but no lun',
    manifest: vols({ name: 'a', fc: {} }, { name: 'b', fc: { targetWWNs: ['500a0982991b8dc5'] } }),
    problems: [
      'spec.volumes[0].fc.targetWWNs: is required; set targetWWNs (with lun) or wwids.',
      'spec.volumes[1].fc.lun: is required with targetWWNs; set the logical unit number (0-255).',
    ],
  },
  { go: 'validateFCVolumeSource', name: 'rejects targetWWNs with wwids', manifest: vols({ name: 'a', fc: { targetWWNs: ['500a0982991b8dc5'], lun: 2, wwids: ['3600508b400105e210000900000490000'] } }), problems: ['spec.volumes[0].fc.targetWWNs: targetWWNs and wwids cannot both be set; keep one.'] },
  {
    go: 'validateRBDVolumeSource',
    name: 'rejects an RBD volume without monitors or image',
    manifest: vols({ name: 'a', rbd: { monitors: [], image: '' } }),
    problems: [
      'spec.volumes[0].rbd.monitors: is required; set the Ceph monitors.',
      'spec.volumes[0].rbd.image: is required; set the RADOS image name.',
    ],
  },
  { go: 'validateVolumeSource', name: 'rejects a CephFS volume without monitors', manifest: vols({ name: 'a', cephfs: { monitors: [] } }), problems: ['spec.volumes[0].cephfs.monitors: is required; set the Ceph monitors (e.g. [\'10.16.154.78:6789\']).'] },
  {
    go: 'validateCinderVolumeSource',
    name: 'rejects a Cinder volume without volumeID and a secretRef without name',
    manifest: vols({ name: 'a', cinder: { volumeID: '', secretRef: {} } }),
    problems: [
      'spec.volumes[0].cinder.volumeID: is required; set the Cinder volume ID.',
      'spec.volumes[0].cinder.secretRef.name: is required; set the Secret with the OpenStack credentials.',
    ],
  },
  {
    go: 'validateGlusterfsVolumeSource',
    name: 'rejects a Glusterfs volume without endpoints or path',
    manifest: vols({ name: 'a', glusterfs: { endpoints: '', path: '' } }),
    problems: [
      'spec.volumes[0].glusterfs.endpoints: is required; set the Endpoints object with the Glusterfs servers.',
      'spec.volumes[0].glusterfs.path: is required; set the Glusterfs volume path.',
    ],
  },
  {
    go: 'validateFlockerVolumeSource',
    name: 'rejects a Flocker volume with both datasetName and datasetUUID',
    manifest: vols({ name: 'a', flocker: { datasetName: 'a/b', datasetUUID: 'u' } }),
    problems: [
      'spec.volumes[0].flocker: datasetName and datasetUUID cannot both be set; keep one.',
      'spec.volumes[0].flocker.datasetName: "a/b" must not contain \'/\'.',
    ],
  },
  { go: 'validateQuobyteVolumeSource', name: 'rejects a Quobyte registry without port', manifest: vols({ name: 'a', quobyte: { registry: 'registry', volume: 'v' } }), problems: ['spec.volumes[0].quobyte.registry: "registry" must be host:port pairs separated by commas (e.g. \'registry:7861\').'] },
  {
    go: 'validateFlexVolumeSource',
    name: 'lower-cases option keys as Go does (İ is i), so kubernetes.İo is the reserved namespace too',
    manifest: vols({ name: 'a', flexVolume: { driver: 'example/lvm', options: { 'volume.kubernetes.\u0130o/size': '1Gi' } } }),
    problems: ['spec.volumes[0].flexVolume.options[volume.kubernetes.\u0130o/size]: "volume.kubernetes.\u0130o/size" uses a reserved namespace (kubernetes.io and k8s.io are reserved); use your own domain.'],
  },
  {
    go: 'ValidateCSIDriverName',
    name: 'counts the driver name in bytes, and lower-cases it as Go does (İ is i)',
    manifest: vols({ name: 'a', csi: { driver: `${'a'.repeat(61)}\u212a` } }, { name: 'b', csi: { driver: '\u0130nline.example.com' } }),
    problems: ['spec.volumes[0].csi.driver: must be no more than 63 bytes (it has 64).'],
    offline128: false,
  },
  {
    go: 'validateISCSIVolumeSource',
    name: 'takes any character but a newline after eui and naa, as Go\'s regexp does (an emoji, a carriage return)',
    manifest: vols({ name: 'a', iscsi: { targetPortal: '10.0.2.15:3260', iqn: 'eui\u{1F600}0123456789ABCDEF', lun: 0 } }, { name: 'b', iscsi: { targetPortal: '10.0.2.15:3260', iqn: 'eui\r0123456789ABCDEF', lun: 0 } }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateTemplateObjectMeta',
    name: 'compares template metadata fields with their zero values: generation 0 is unset, an empty list is set',
    manifest: vols(
      { name: 'a', ephemeral: { volumeClaimTemplate: { metadata: { generation: 0 }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
      { name: 'b', ephemeral: { volumeClaimTemplate: { metadata: { finalizers: [] }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
    ),
    problems: ['spec.volumes[1].ephemeral.volumeClaimTemplate.metadata.finalizers: cannot be set in a template: only labels and annotations are used; remove it.'],
    offline128: false,
  },
  {
    go: 'ParseQuantity',
    name: 'rejects a claim template quantity the decoder refuses beside requests.storage: a limit and another request (review 43 S1)',
    manifest: vols({ name: 'a', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi', cpu: 'x' }, limits: { storage: '10 Gi' } } } } } }),
    problems: [
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests.cpu: "x" is not a valid quantity (the API server cannot decode it); write e.g. \'1Gi\', \'500m\' or 1.',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.limits.storage: "10 Gi" is not a valid quantity (the API server cannot decode it); write e.g. \'1Gi\', \'500m\' or 1.',
    ],
    offline128: false,
  },
  { go: 'validateFlexVolumeSource', name: 'rejects a FlexVolume option in the kubernetes.io namespace', manifest: vols({ name: 'a', flexVolume: { driver: 'example/lvm', options: { 'kubernetes.io/secret': 'x', 'size': '1' } } }), problems: ['spec.volumes[0].flexVolume.options[kubernetes.io/secret]: "kubernetes.io/secret" uses a reserved namespace (kubernetes.io and k8s.io are reserved); use your own domain.'] },
  {
    go: 'validateAzureDisk',
    name: 'rejects a blob Azure disk URI that is not https and an unknown caching mode',
    manifest: vols({ name: 'a', azureDisk: { diskName: 'd', diskURI: 'http://x/d.vhd', cachingMode: 'All' } }),
    problems: [
      'spec.volumes[0].azureDisk.cachingMode: "All" is not supported; use one of None, ReadOnly, ReadWrite.',
      'spec.volumes[0].azureDisk.diskURI: "http://x/d.vhd" is not a blob disk URI (kind Shared); write \'https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd\', or set kind: Managed.',
    ],
  },
  { go: 'validateAzureDisk', name: 'accepts a managed Azure disk', manifest: vols({ name: 'a', azureDisk: { diskName: 'd', diskURI: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/disks/d', kind: 'Managed' } }), problems: [] },
  { go: 'validateVolumeSource', name: 'rejects an Azure file volume without share name', manifest: vols({ name: 'a', azureFile: { secretName: 's', shareName: '' } }), problems: ['spec.volumes[0].azureFile.shareName: is required; set the Azure file share.'] },
  { go: 'validateStorageOSVolumeSource', name: 'rejects a StorageOS volume name with a dot', manifest: vols({ name: 'a', storageos: { volumeName: 'db.data' } }), problems: ['spec.volumes[0].storageos.volumeName: "db.data" is invalid: it must not contain dots (it is a DNS-1123 label, not a subdomain; e.g. \'my-name\').'] },
  {
    go: 'validateVolumeSource',
    name: 'rejects vSphere, Photon, Portworx and ScaleIO volumes without their identifiers',
    manifest: vols({ name: 'a', vsphereVolume: { volumePath: '' } }, { name: 'b', photonPersistentDisk: { pdID: '' } }, { name: 'c', portworxVolume: { volumeID: '' } }, { name: 'd', scaleIO: { gateway: '', system: 's', volumeName: 'v', secretRef: { name: 's' } } }),
    problems: [
      'spec.volumes[0].vsphereVolume.volumePath: is required; set the vSphere volume path.',
      'spec.volumes[1].photonPersistentDisk.pdID: is required; set the Photon disk ID.',
      'spec.volumes[2].portworxVolume.volumeID: is required; set the Portworx volume ID.',
      'spec.volumes[3].scaleIO.gateway: is required; set the ScaleIO API gateway.',
    ],
  },
  {
    go: 'validateCSIVolumeSource',
    name: 'rejects a CSI driver name with an underscore and a bad secret name',
    manifest: vols({ name: 'a', csi: { driver: 'csi_driver', nodePublishSecretRef: { name: 'Bad' } } }),
    problems: [
      'spec.volumes[0].csi.driver: "csi_driver" is not a valid CSI driver name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
      'spec.volumes[0].csi.nodePublishSecretRef.name: "Bad" is not a valid Secret name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
    ],
  },
  { go: 'ValidateCSIDriverName', name: 'accepts a mixed-case CSI driver name (compared lower-cased)', manifest: vols({ name: 'a', csi: { driver: 'Secrets-Store.csi.K8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'x' } } }), problems: [] },
  { go: 'validateVolumeSource', name: 'rejects a persistentVolumeClaim without claimName', manifest: vols({ name: 'a', persistentVolumeClaim: { claimName: '' } }), problems: ['spec.volumes[0].persistentVolumeClaim.claimName: is required; set the PersistentVolumeClaim to mount.'] },
  // ---- ephemeral ------------------------------------------------------------------------------
  {
    go: 'EnforceDataSourceBackwardsCompatibility',
    name: 'reports a dataSource other than a PersistentVolumeClaim or VolumeSnapshot, which the claim created from the template would lose (review 12 C4)',
    manifest: vols(
      { name: 'a', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, dataSource: { apiGroup: 'populator.example.com', kind: 'Dataset', name: 'd' } } } } },
      { name: 'b', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, dataSource: { kind: 'PersistentVolumeClaim', name: 'old' } } } } },
      { name: 'c', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 's' } } } } },
      { name: 'd', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, dataSourceRef: { apiGroup: 'populator.example.com', kind: 'Dataset', name: 'd' } } } } },
    ),
    problems: ['spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSource: {"apiGroup":"populator.example.com","kind":"Dataset","name":"d"} would vanish (this library\'s contract): dataSource keeps only a PersistentVolumeClaim or a snapshot.storage.k8s.io VolumeSnapshot, so the API server drops it from the PersistentVolumeClaim it creates from this template; for a volume populator, write it as dataSourceRef (the volume would be provisioned empty).'],
    offline128: false,
  },
  {
    go: 'DropDisabledFields',
    name: 'reports a dataSourceRef in another namespace and a volumeAttributesClassName, which the claim created from the template would lose (gates off in 1.32)',
    manifest: vols(
      { name: 'a', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, dataSourceRef: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 's', namespace: 'other' } } } } },
      { name: 'b', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeAttributesClassName: 'gold' } } } },
    ),
    problems: [
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSourceRef: {"apiGroup":"snapshot.storage.k8s.io","kind":"VolumeSnapshot","name":"s","namespace":"other"} would vanish (this library\'s contract): a data source in another namespace needs the CrossNamespaceVolumeDataSource feature gate, off by default in Kubernetes 1.32, so the API server drops it from the PersistentVolumeClaim it creates from this template; use a data source in the claim\'s own namespace (the volume would be provisioned empty).',
      'spec.volumes[1].ephemeral.volumeClaimTemplate.spec.volumeAttributesClassName: "gold" would vanish (this library\'s contract): VolumeAttributesClass is a feature gate off by default in Kubernetes 1.32, so the API server drops it from the PersistentVolumeClaim it creates from this template; remove it, or set the class on the claim once the gate is on.',
    ],
    offline128: false,
  },
  { go: 'validateEphemeralVolumeSource', name: 'rejects an ephemeral volume without a claim template', manifest: vols({ name: 'a', ephemeral: {} }), problems: ['spec.volumes[0].ephemeral.volumeClaimTemplate: is required; describe the PVC to create (spec.accessModes and spec.resources.requests.storage).'] },
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: 'rejects a claim template without access modes or storage, and a name in its metadata',
    manifest: vols({ name: 'a', ephemeral: { volumeClaimTemplate: { metadata: { name: 'x', labels: { app: 'db' } }, spec: {} } } }),
    problems: [
      'spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name: cannot be set in a template: only labels and annotations are used; remove it.',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: at least 1 access mode is required; add one (e.g. ReadWriteOnce).',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests.storage: is required; set the size of the volume (e.g. \'1Gi\').',
    ],
  },
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: 'rejects ReadWriteOncePod with another mode, zero storage, and a snapshot source without apiGroup',
    manifest: vols({ name: 'a', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'], resources: { requests: { storage: '0' } }, dataSource: { kind: 'VolumeSnapshot', name: 'snap' } } } } }),
    problems: [
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: ReadWriteOncePod cannot be combined with other access modes; keep it alone.',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests.storage: "0" must be greater than zero; set the size of the volume (e.g. \'1Gi\').',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSource: kind "VolumeSnapshot" must be \'PersistentVolumeClaim\' when apiGroup is empty; set apiGroup (e.g. \'snapshot.storage.k8s.io\').',
    ],
  },
  {
    go: 'ValidatePersistentVolumeClaimSpec',
    name: 'rejects a dataSource that differs from dataSourceRef and a bad volumeMode',
    manifest: vols({ name: 'a', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Raw', resources: { requests: { storage: '1Gi' } }, dataSource: { kind: 'PersistentVolumeClaim', name: 'a' }, dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'b' } } } } }),
    problems: [
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeMode: "Raw" is not supported; use Filesystem or Block.',
      'spec.volumes[0].ephemeral.volumeClaimTemplate.spec.dataSource: must match dataSourceRef (apiGroup, kind and name); set only one of them.',
    ],
  },
  { go: 'ValidatePersistentVolumeClaimSpec', name: 'accepts a claim template with labels, a selector, a storage class and a snapshot source', manifest: vols({ name: 'scratch', ephemeral: { volumeClaimTemplate: { metadata: { labels: { type: 'scratch' } }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast.ssd', selector: { matchLabels: { tier: 'fast' } }, resources: { requests: { storage: '1Gi' } }, dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap' } } } } }), problems: [] },
  { go: 'validateVolumeSource', name: 'rejects an ephemeral volume whose PVC name (pod-volume) would be over 253 characters', manifest: named('p'.repeat(250), { name: 'data', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }), problems: ['spec.volumes[0].name: "data" makes the PVC name "pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp-data" (<pod name>-<volume name>), which is invalid: it must be no more than 253 characters (it has 255); shorten the pod or volume name.'] },
  { go: 'ValidateVolumes', name: 'rejects a persistentVolumeClaim naming the PVC of an ephemeral volume of the pod', manifest: named('web', { name: 'data', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } }, { name: 'again', persistentVolumeClaim: { claimName: 'web-data' } }), problems: ['spec.volumes[1].persistentVolumeClaim.claimName: "web-data" is the PVC an ephemeral volume of this pod creates; a persistentVolumeClaim must not reference it. Mount the ephemeral volume itself.'] },
  {
    go: 'validateISCSIVolumeSource',
    name: 'counts <volume name>:<targetPortal> in bytes, as Go does (40 two-byte characters are 82 bytes)',
    manifest: vols({ name: 'v', iscsi: { targetPortal: 'é'.repeat(40), iqn: 'iqn.2001-04.com.example:storage', initiatorName: 'iqn.2001-04.com.example:init' } }),
    problems: ['spec.volumes[0].name: "v": <volume name>:<iscsi.targetPortal> (82 bytes) must be at most 64 bytes when iscsi.initiatorName is set; shorten the volume name.'],
  },
  {
    go: 'validateQuobyteVolumeSource',
    name: 'counts the tenant in bytes, as Go does (33 two-byte characters are 66 bytes)',
    manifest: vols({ name: 'a', quobyte: { registry: 'registry:7861', volume: 'v', tenant: 'é'.repeat(33) } }),
    problems: ['spec.volumes[0].quobyte.tenant: must be a UUID of at most 64 bytes (it has 66).'],
  },
];
