/**
 * The status of the kinds whose status the API server resets on create, and whether a status
 * written in a manifest holds nothing but zero values (what kubectl prints for an object it
 * builds itself: `replicas: 0` of a StatefulSet, `{loadBalancer: {}}` of a Service), so that
 * dropping it loses nothing.
 *
 * @internal
 */
import { goParsesRfc3339 } from './common';

/**
 * The fields of each status struct in Kubernetes 1.32, as k8s.io/api declares them
 * (core/v1, apps/v1, batch/v1, networking/v1, policy/v1, autoscaling/v1 and v2, ... types.go:
 * PodStatus, StatefulSetStatus, ...), keyed by kind, or by `apiVersion/kind` where two versions
 * differ. Each field is `jsonName:type`, where type is the Go type's kind, a pointer read as what
 * it points to: `i` an integer, `s` a string, `b` a boolean, `t` a metav1.Time (whose zero is null),
 * `l` a list, `y` a `[]byte` (a base64 string), `m` a map, `o` a struct not described here (zero only as `{}`), or the name of a struct of
 * STATUS_STRUCTS.
 */
const STATUS_FIELDS: { [kind: string]: string } = {
  'Pod': 'phase:s,conditions:l,message:s,reason:s,nominatedNodeName:s,hostIP:s,hostIPs:l,podIP:s,podIPs:l,startTime:t,initContainerStatuses:l,'
    + 'containerStatuses:l,qosClass:s,ephemeralContainerStatuses:l,resize:s,resourceClaimStatuses:l',
  'Service': 'loadBalancer:LoadBalancerStatus,conditions:l',
  'Namespace': 'phase:s,conditions:l',
  'PersistentVolume': 'phase:s,message:s,reason:s,lastPhaseTransitionTime:t',
  'PersistentVolumeClaim': 'phase:s,accessModes:l,capacity:m,conditions:l,allocatedResources:m,allocatedResourceStatuses:m,currentVolumeAttributesClassName:s,'
    + 'modifyVolumeStatus:ModifyVolumeStatus',
  'ReplicationController': 'replicas:i,fullyLabeledReplicas:i,readyReplicas:i,availableReplicas:i,observedGeneration:i,conditions:l',
  'Node': 'capacity:m,allocatable:m,phase:s,conditions:l,addresses:l,daemonEndpoints:NodeDaemonEndpoints,nodeInfo:NodeSystemInfo,images:l,volumesInUse:l,'
    + 'volumesAttached:l,config:o,runtimeHandlers:l,features:o',
  'ResourceQuota': 'hard:m,used:m',
  'Deployment': 'observedGeneration:i,replicas:i,updatedReplicas:i,readyReplicas:i,availableReplicas:i,unavailableReplicas:i,conditions:l,collisionCount:i',
  'StatefulSet': 'observedGeneration:i,replicas:i,readyReplicas:i,currentReplicas:i,updatedReplicas:i,currentRevision:s,updateRevision:s,collisionCount:i,'
    + 'conditions:l,availableReplicas:i',
  'DaemonSet': 'currentNumberScheduled:i,numberMisscheduled:i,desiredNumberScheduled:i,numberReady:i,observedGeneration:i,updatedNumberScheduled:i,'
    + 'numberAvailable:i,numberUnavailable:i,collisionCount:i,conditions:l',
  'ReplicaSet': 'replicas:i,fullyLabeledReplicas:i,readyReplicas:i,availableReplicas:i,observedGeneration:i,conditions:l',
  'Job': 'conditions:l,startTime:t,completionTime:t,active:i,succeeded:i,failed:i,terminating:i,completedIndexes:s,failedIndexes:s,'
    + 'uncountedTerminatedPods:UncountedTerminatedPods,ready:i',
  'CronJob': 'active:l,lastScheduleTime:t,lastSuccessfulTime:t',
  'Ingress': 'loadBalancer:IngressLoadBalancerStatus',
  'ServiceCIDR': 'conditions:l',
  'PodDisruptionBudget': 'observedGeneration:i,disruptedPods:m,disruptionsAllowed:i,currentHealthy:i,desiredHealthy:i,expectedPods:i,conditions:l',
  'autoscaling/v1/HorizontalPodAutoscaler': 'observedGeneration:i,lastScaleTime:t,currentReplicas:i,desiredReplicas:i,currentCPUUtilizationPercentage:i',
  'autoscaling/v2/HorizontalPodAutoscaler': 'observedGeneration:i,lastScaleTime:t,currentReplicas:i,desiredReplicas:i,currentMetrics:l,conditions:l',
  'ValidatingAdmissionPolicy': 'observedGeneration:i,typeChecking:o,conditions:l',
  'FlowSchema': 'conditions:l',
  'PriorityLevelConfiguration': 'conditions:l',
  'ResourceClaim': 'allocation:o,reservedFor:l,devices:l',
  'StorageVersionMigration': 'conditions:l,resourceVersion:s',
  'VolumeAttachment': 'attached:b,attachmentMetadata:m,attachError:o,detachError:o',
  'StorageVersion': 'storageVersions:l,commonEncodingVersion:s,conditions:l',
  'CertificateSigningRequest': 'conditions:l,certificate:y',
  'CustomResourceDefinition': 'conditions:l,acceptedNames:CustomResourceDefinitionNames,storedVersions:l',
  'APIService': 'conditions:l',
};

/** The structs a status holds by value or by pointer, described as STATUS_FIELDS describes a status. */
const STATUS_STRUCTS: { [struct: string]: string } = {
  LoadBalancerStatus: 'ingress:l',
  IngressLoadBalancerStatus: 'ingress:l',
  ModifyVolumeStatus: 'targetVolumeAttributesClassName:s,status:s',
  UncountedTerminatedPods: 'succeeded:l,failed:l',
  NodeDaemonEndpoints: 'kubeletEndpoint:DaemonEndpoint',
  // Go: DaemonEndpoint.Port is `json:"Port"`
  DaemonEndpoint: 'Port:i',
  NodeSystemInfo: 'machineID:s,systemUUID:s,bootID:s,kernelVersion:s,osImage:s,containerRuntimeVersion:s,kubeletVersion:s,kubeProxyVersion:s,operatingSystem:s,architecture:s',
  CustomResourceDefinitionNames: 'plural:s,singular:s,shortNames:l,kind:s,listKind:s,categories:l',
};

const parsed = new Map<string, Map<string, string>>();

function fieldsOf(description: string): Map<string, string> {
  let fields = parsed.get(description);
  if (fields === undefined) {
    fields = new Map(description.split(',').map((entry) => entry.split(':') as [string, string]));
    parsed.set(description, fields);
  }
  return fields;
}

/**
 * Whether a status written for an object of this apiVersion and kind holds only zero values,
 * each of its field's Go type (0, "", false, an empty list or map, a struct of zero values; null
 * anywhere): the API server's reset on create then loses nothing. A field the status struct does
 * not have, or a value of another type, is not a zero value (the decoder would refuse it).
 * `unknownReported`: the caller reports the status fields this kind does not have (the decode step
 * of validateObject does), so they are not looked at here.
 */
export function isZeroStatus(apiVersion: unknown, kind: unknown, status: object, unknownReported: boolean = false): boolean {
  const description = STATUS_FIELDS[`${String(apiVersion)}/${String(kind)}`] ?? (typeof kind === 'string' && Object.prototype.hasOwnProperty.call(STATUS_FIELDS, kind)
    ? STATUS_FIELDS[kind] : undefined);
  return description !== undefined && zeroStruct(description, status, unknownReported);
}

/** `unknownSkipped`: a field the struct does not have is left to the decode step, which reports it. */
function zeroStruct(description: string, value: unknown, unknownSkipped: boolean = false): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const fields = fieldsOf(description);
  return Object.entries(value).every(([key, v]) => {
    const type = fields.get(key);
    return type === undefined ? unknownSkipped : zeroValue(type, v);
  });
}

function zeroValue(type: string, v: unknown): boolean {
  if (v === null || v === undefined) {
    return true; // the decoder leaves the field unset
  }
  switch (type) {
    case 'i': return v === 0 || (typeof v === 'bigint' && v === BigInt(0));
    case 's': return v === '';
    case 'b': return v === false;
    case 't': return false; // Go: metav1.Time.UnmarshalJSON reads null as the zero time, and refuses ""
    case 'l': return Array.isArray(v) && v.length === 0;
    case 'y': return v === '' || (Array.isArray(v) && v.length === 0);
    case 'm':
    case 'o': return typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
    default: return zeroStruct(STATUS_STRUCTS[type], v);
  }
}

/** What each type of STATUS_FIELDS takes, for a message. */
const TYPE_WORDS: { [type: string]: string } = {
  i: 'an integer', s: 'a string', b: 'a boolean', t: 'a time (an RFC 3339 string)', l: 'a list', y: 'base64 bytes (a string)', m: 'a map (an object)', o: 'an object',
};

function jsonTypeOf(v: unknown): string {
  return Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : typeof v === 'bigint' ? 'a number' : `a ${typeof v}`;
}

/** Whether a value (not null) has the JSON type the decoder reads into a field of this type. */
function decodes(type: string, v: unknown): boolean {
  switch (type) {
    case 'i': return typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
    case 's': return typeof v === 'string';
    case 't': return typeof v === 'string' && goParsesRfc3339(v); // metav1.Time.UnmarshalJSON: time.Parse(time.RFC3339, s)
    case 'b': return typeof v === 'boolean';
    case 'l': return Array.isArray(v);
    case 'y': return typeof v === 'string' || Array.isArray(v);
    default: return v !== null && typeof v === 'object' && !Array.isArray(v);
  }
}

/**
 * The fields of a status (at any depth of its structs) whose value the API server's decoder
 * cannot read into the field's Go type (`replicas: ""`, `startTime: 5`): the whole object is
 * refused before its status is reset. A field the struct does not have is left out (the decode
 * step reports unknown fields).
 */
// Go: the decoder (sigs.k8s.io/json UnmarshalCaseSensitivePreserveInts into the typed object): json.UnmarshalTypeError
export function statusTypeProblems(apiVersion: unknown, kind: unknown, status: object): Array<{ path: string; message: string }> {
  const description = STATUS_FIELDS[`${String(apiVersion)}/${String(kind)}`] ?? (typeof kind === 'string' && Object.prototype.hasOwnProperty.call(STATUS_FIELDS, kind)
    ? STATUS_FIELDS[kind] : undefined);
  const out: Array<{ path: string; message: string }> = [];
  const walk = (fields: string, struct: string, value: any, path: string) => {
    for (const [key, v] of Object.entries(value)) {
      const type = fieldsOf(fields).get(key);
      if (type === undefined || v === null || v === undefined) {
        continue;
      }
      const at = `${path}.${key}`;
      const words = TYPE_WORDS[type] ?? `an object (${type})`;
      if (!decodes(type, v)) {
        const shown = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
        const written = shown !== undefined && shown.length <= 60 ? shown : '(this value)';
        const what = typeof v === 'number' && type === 'i' ? 'not a whole number' : jsonTypeOf(v);
        out.push({
          path: at,
          message: typeof v === 'string' && type === 't'
            ? `${written} is not an RFC 3339 time such as "2024-01-31T12:00:00Z", which ${struct}.${key} takes (the API server cannot decode it).`
            : `${written} is ${what}, but ${struct}.${key} takes ${words} (the API server cannot decode it).`,
        });
      } else if (STATUS_STRUCTS[type] !== undefined) {
        walk(STATUS_STRUCTS[type], type, v, at);
      }
    }
  };
  if (description !== undefined) {
    walk(description, `${String(kind)}Status`, status, 'status');
  }
  return out;
}
