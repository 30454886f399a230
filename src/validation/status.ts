/**
 * The status of the kinds whose status the API server resets on create, and whether a status
 * written in a manifest holds nothing but zero values (what kubectl prints for an object it
 * builds itself: `replicas: 0` of a StatefulSet, `{loadBalancer: {}}` of a Service), so that
 * dropping it loses nothing.
 *
 * @internal
 */
import { BIGINTS } from '../k8s-values';
import { brief } from '../problems';
import { goParsesRfc3339 } from './common';

/**
 * The fields of each status struct in Kubernetes 1.32, as k8s.io/api declares them
 * (core/v1, apps/v1, batch/v1, networking/v1, policy/v1, autoscaling/v1 and v2, ... types.go:
 * PodStatus, StatefulSetStatus, ...), keyed by kind, or by `apiVersion/kind` where two versions
 * differ. Each field is `jsonName:type`, where type is the Go type's kind, a pointer read as what
 * it points to: `i` an int32, `j` an int64, `s` a string, `b` a boolean, `t` a metav1.Time (whose zero
 * is null), `y` a `[]byte` (a base64 string), `m` a map, `o` a struct not described here (zero only
 * as `{}`), or the name of a struct of STATUS_STRUCTS; `T[]` a list of T.
 */
const STATUS_FIELDS: { [kind: string]: string } = {
  'Pod': 'phase:s,conditions:Condition[],message:s,reason:s,nominatedNodeName:s,hostIP:s,hostIPs:HostIP[],podIP:s,podIPs:PodIP[],startTime:t,'
    + 'initContainerStatuses:o[],containerStatuses:o[],qosClass:s,ephemeralContainerStatuses:o[],resize:s,resourceClaimStatuses:PodResourceClaimStatus[]',
  'Service': 'loadBalancer:LoadBalancerStatus,conditions:Condition[]',
  'Namespace': 'phase:s,conditions:Condition[]',
  'PersistentVolume': 'phase:s,message:s,reason:s,lastPhaseTransitionTime:t',
  'PersistentVolumeClaim': 'phase:s,accessModes:s[],capacity:m,conditions:Condition[],allocatedResources:m,allocatedResourceStatuses:m,currentVolumeAttributesClassName:s,'
    + 'modifyVolumeStatus:ModifyVolumeStatus',
  'ReplicationController': 'replicas:i,fullyLabeledReplicas:i,readyReplicas:i,availableReplicas:i,observedGeneration:j,conditions:Condition[]',
  'Node': 'capacity:m,allocatable:m,phase:s,conditions:Condition[],addresses:o[],daemonEndpoints:NodeDaemonEndpoints,nodeInfo:NodeSystemInfo,images:o[],'
    + 'volumesInUse:s[],volumesAttached:o[],config:o,runtimeHandlers:o[],features:o',
  'ResourceQuota': 'hard:m,used:m',
  'Deployment': 'observedGeneration:j,replicas:i,updatedReplicas:i,readyReplicas:i,availableReplicas:i,unavailableReplicas:i,conditions:Condition[],collisionCount:i',
  'StatefulSet': 'observedGeneration:j,replicas:i,readyReplicas:i,currentReplicas:i,updatedReplicas:i,currentRevision:s,updateRevision:s,collisionCount:i,'
    + 'conditions:Condition[],availableReplicas:i',
  'DaemonSet': 'currentNumberScheduled:i,numberMisscheduled:i,desiredNumberScheduled:i,numberReady:i,observedGeneration:j,updatedNumberScheduled:i,'
    + 'numberAvailable:i,numberUnavailable:i,collisionCount:i,conditions:Condition[]',
  'ReplicaSet': 'replicas:i,fullyLabeledReplicas:i,readyReplicas:i,availableReplicas:i,observedGeneration:j,conditions:Condition[]',
  'Job': 'conditions:Condition[],startTime:t,completionTime:t,active:i,succeeded:i,failed:i,terminating:i,completedIndexes:s,failedIndexes:s,'
    + 'uncountedTerminatedPods:UncountedTerminatedPods,ready:i',
  'CronJob': 'active:ObjectReference[],lastScheduleTime:t,lastSuccessfulTime:t',
  'Ingress': 'loadBalancer:IngressLoadBalancerStatus',
  'ServiceCIDR': 'conditions:Condition[]',
  'PodDisruptionBudget': 'observedGeneration:j,disruptedPods:m,disruptionsAllowed:i,currentHealthy:i,desiredHealthy:i,expectedPods:i,conditions:Condition[]',
  'autoscaling/v1/HorizontalPodAutoscaler': 'observedGeneration:j,lastScaleTime:t,currentReplicas:i,desiredReplicas:i,currentCPUUtilizationPercentage:i',
  'autoscaling/v2/HorizontalPodAutoscaler': 'observedGeneration:j,lastScaleTime:t,currentReplicas:i,desiredReplicas:i,currentMetrics:o[],conditions:Condition[]',
  'ValidatingAdmissionPolicy': 'observedGeneration:j,typeChecking:o,conditions:Condition[]',
  'FlowSchema': 'conditions:Condition[]',
  'PriorityLevelConfiguration': 'conditions:Condition[]',
  'ResourceClaim': 'allocation:o,reservedFor:o[],devices:o[]',
  'StorageVersionMigration': 'conditions:Condition[],resourceVersion:s',
  'VolumeAttachment': 'attached:b,attachmentMetadata:m,attachError:o,detachError:o',
  'StorageVersion': 'storageVersions:o[],commonEncodingVersion:s,conditions:Condition[]',
  'CertificateSigningRequest': 'conditions:Condition[],certificate:y',
  'CustomResourceDefinition': 'conditions:Condition[],acceptedNames:CustomResourceDefinitionNames,storedVersions:s[]',
  'APIService': 'conditions:Condition[]',
};

/** The structs a status holds, described as STATUS_FIELDS describes a status. */
const STATUS_STRUCTS: { [struct: string]: string } = {
  LoadBalancerStatus: 'ingress:LoadBalancerIngress[]',
  LoadBalancerIngress: 'ip:s,hostname:s,ipMode:s,ports:PortStatus[]',
  IngressLoadBalancerStatus: 'ingress:IngressLoadBalancerIngress[]',
  IngressLoadBalancerIngress: 'ip:s,hostname:s,ports:PortStatus[]',
  PortStatus: 'port:i,protocol:s,error:s',
  ModifyVolumeStatus: 'targetVolumeAttributesClassName:s,status:s',
  UncountedTerminatedPods: 'succeeded:s[],failed:s[]',
  // The fields of every kind's condition (PodCondition, JobCondition, DeploymentCondition, metav1.Condition, ...), whose own types they have.
  Condition: 'type:s,status:s,observedGeneration:j,lastProbeTime:t,lastTransitionTime:t,lastUpdateTime:t,lastHeartbeatTime:t,reason:s,message:s',
  HostIP: 'ip:s',
  PodIP: 'ip:s',
  PodResourceClaimStatus: 'name:s,resourceClaimName:s',
  ObjectReference: 'kind:s,namespace:s,name:s,uid:s,apiVersion:s,resourceVersion:s,fieldPath:s',
  NodeDaemonEndpoints: 'kubeletEndpoint:DaemonEndpoint',
  // Go: DaemonEndpoint.Port is `json:"Port"`
  DaemonEndpoint: 'Port:i',
  NodeSystemInfo: 'machineID:s,systemUUID:s,bootID:s,kernelVersion:s,osImage:s,containerRuntimeVersion:s,kubeletVersion:s,kubeProxyVersion:s,operatingSystem:s,architecture:s',
  CustomResourceDefinitionNames: 'plural:s,singular:s,shortNames:s[],kind:s,listKind:s,categories:s[]',
};

/** The status struct of a kind (by `apiVersion/kind` where two versions differ), or undefined. */
function statusFieldsOf(apiVersion: unknown, kind: unknown): string | undefined {
  const own = (key: string) => (Object.prototype.hasOwnProperty.call(STATUS_FIELDS, key) ? STATUS_FIELDS[key] : undefined);
  return own(`${String(apiVersion)}/${String(kind)}`) ?? (typeof kind === 'string' ? own(kind) : undefined);
}

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
  const description = statusFieldsOf(apiVersion, kind);
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
  if (type.endsWith('[]')) {
    return Array.isArray(v) && v.length === 0;
  }
  switch (type) {
    case 'i':
    case 'j': return v === 0;
    case 's': return v === '';
    case 'b': return v === false;
    case 't': return false; // Go: metav1.Time.UnmarshalJSON reads null as the zero time, and refuses ""
    case 'y': return v === '' || (Array.isArray(v) && v.length === 0);
    case 'm':
    case 'o': return typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
    default: return zeroStruct(STATUS_STRUCTS[type], v);
  }
}

/** What each type of STATUS_FIELDS takes, for a message. */
const TYPE_WORDS: { [type: string]: string } = {
  i: 'an int32 (a whole number)',
  j: 'an int64 (a whole number)',
  s: 'a string',
  b: 'a boolean',
  t: 'a time (an RFC 3339 string)',
  y: 'base64 bytes (a string)',
  m: 'a map (an object)',
  o: 'an object',
};

function typeWords(type: string): string {
  return type.endsWith('[]') ? 'a list' : TYPE_WORDS[type] ?? `an object (${type})`;
}

function jsonTypeOf(v: unknown): string {
  return Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Each int type's range as numbers, its words, and its range exactly (for a BigInt). */
const INT_RANGES: { [type: string]: [number, number, string, string, string] } = {
  i: [-2147483648, 2147483647, 'an int32 (-2147483648 to 2147483647)', '-2147483648', '2147483647'],
  j: [-9223372036854775808, 9223372036854775807, 'an int64 (-9223372036854775808 to 9223372036854775807)', '-9223372036854775808', '9223372036854775807'],
};

/** Whether a value (not null) has the JSON type the decoder reads into a field of this type (its range aside). */
function decodes(type: string, v: unknown): boolean {
  if (type.endsWith('[]')) {
    return Array.isArray(v);
  }
  switch (type) {
    case 'i':
    case 'j': return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint'; // a BigInt is written as its integer
    case 's': return typeof v === 'string';
    case 't': return typeof v === 'string' && goParsesRfc3339(v); // metav1.Time.UnmarshalJSON: time.Parse(time.RFC3339, s)
    case 'b': return typeof v === 'boolean';
    case 'y': return typeof v === 'string' || Array.isArray(v);
    default: return v !== null && typeof v === 'object' && !Array.isArray(v);
  }
}

/**
 * The fields of a status (at any depth of its structs and lists) whose value the API server's
 * decoder cannot read into the field's Go type (`replicas: ""`, `startTime: 5`, an int32 past its
 * range): the whole object is refused before its status is reset. A field the struct does not
 * have is left out (the decode step reports unknown fields).
 */
// Go: the decoder (sigs.k8s.io/json UnmarshalCaseSensitivePreserveInts into the typed object): json.UnmarshalTypeError
export function statusTypeProblems(apiVersion: unknown, kind: unknown, status: object): Array<{ path: string; message: string }> {
  const description = statusFieldsOf(apiVersion, kind);
  const out: Array<{ path: string; message: string }> = [];
  const check = (type: string, v: unknown, at: string, field: string) => {
    if (v === null || v === undefined) {
      return;
    }
    const written = typeof v === 'bigint' ? String(v) : brief(v, '(this value)'); // cdk8s writes a BigInt as its digits
    if (typeof v === 'bigint') {
      BIGINTS.seen = true;
    }
    if (!decodes(type, v)) {
      const what = typeof v === 'number' && INT_RANGES[type] !== undefined ? 'not a whole number' : jsonTypeOf(v);
      out.push({
        path: at,
        message: typeof v === 'string' && type === 't'
          ? `${written} is not an RFC 3339 time such as "2024-01-31T12:00:00Z", which ${field} takes (the API server cannot decode it).`
          : `${written} is ${what}, but ${field} takes ${typeWords(type)} (the API server cannot decode it).`,
      });
    } else if (INT_RANGES[type] !== undefined && (typeof v === 'bigint' ? v < BigInt(INT_RANGES[type][3]) || v > BigInt(INT_RANGES[type][4])
      : (v as number) < INT_RANGES[type][0] || (v as number) > INT_RANGES[type][1] || (type === 'j' && (v as number) >= 2 ** 63))) {
      // (2^63 - 1 is no JavaScript number: a value that reads as it is 2^63, past the range.)
      out.push({ path: at, message: `${written} is out of range: ${field} is ${INT_RANGES[type][2]}; write a number in that range.` });
    } else if (type.endsWith('[]')) {
      (v as unknown[]).forEach((item, i) => check(type.slice(0, -2), item, `${at}[${i}]`, `an item of ${field}`));
    } else if (STATUS_STRUCTS[type] !== undefined) {
      walk(STATUS_STRUCTS[type], type, v, at);
    }
  };
  const walk = (fields: string, struct: string, value: any, path: string): void => {
    for (const [key, v] of Object.entries(value)) {
      const type = fieldsOf(fields).get(key);
      if (type !== undefined) {
        check(type, v, `${path}.${key}`, `${struct}.${key}`);
      }
    }
  };
  if (description !== undefined) {
    walk(description, `${String(kind)}Status`, status, 'status');
  }
  return out;
}
