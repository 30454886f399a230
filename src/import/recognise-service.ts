import { IpFamily, IpFamilyPolicy, Protocol, ServiceType, SessionAffinity, TrafficDistribution, TrafficPolicy } from '../exposed-service';
import { Binding, Call, enumRef, lib, libRef, Ref, Value, VariableRef } from './code';
import { sameData } from './recognise-steps';
import { leadingKeysFirst, plain } from './schema';

/**
 * Services as `ExposedService`: the type as its factory (`ExposedService.nodePort()`, `.headless()`,
 * `.externalName()`, ...), the options the construct has, and the pods it selects as `target` when
 * a pod of the same file has exactly the selector's labels (else `selector`, or `withoutSelector`).
 *
 * @internal
 */

/** A pod a Service can target. */
export interface ServiceTargetCandidate {
  readonly binding: Binding;
  readonly labels: { [key: string]: string };
  readonly namespace?: string;
}

/** A proposed `ExposedService`. */
export interface ServiceCandidate {
  readonly call: Call;
  /** The pod it targets, if any. */
  readonly target?: ServiceTargetCandidate;
}

const PORT_KEYS = ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'];
const PLAIN_KEYS = ['externalName', 'externalIPs', 'publishNotReadyAddresses', 'loadBalancerSourceRanges', 'loadBalancerClass',
  'allocateLoadBalancerNodePorts', 'healthCheckNodePort'];
const ENUM_KEYS: { [key: string]: [string, any] } = {
  sessionAffinity: ['SessionAffinity', SessionAffinity],
  externalTrafficPolicy: ['TrafficPolicy', TrafficPolicy],
  internalTrafficPolicy: ['TrafficPolicy', TrafficPolicy],
  trafficDistribution: ['TrafficDistribution', TrafficDistribution],
  ipFamilyPolicy: ['IpFamilyPolicy', IpFamilyPolicy],
};
const FACTORIES: { [type: string]: string } = {
  [ServiceType.CLUSTER_IP]: 'clusterIp',
  [ServiceType.NODE_PORT]: 'nodePort',
  [ServiceType.LOAD_BALANCER]: 'loadBalancer',
  [ServiceType.EXTERNAL_NAME]: 'externalName',
};

/**
 * The candidates for a Service: targeting each matching pod, then with its selector. Empty when
 * `ExposedService` cannot express a field (`unexpressible` lists them).
 */
export function serviceCandidates(
  object: any,
  id: string,
  scope: Ref,
  targets: ServiceTargetCandidate[],
  unexpressible: string[],
): ServiceCandidate[] {
  for (const key of Object.keys(object)) {
    if (!['apiVersion', 'kind', 'metadata', 'spec'].includes(key)) {
      unexpressible.push(key);
    }
  }
  const spec = object.spec ?? {};
  const type: string | undefined = spec.type;
  const headless = spec.clusterIP === 'None';
  const options: { [key: string]: Value } = {};
  for (const key of Object.keys(spec)) {
    const v = spec[key];
    if (key === 'type' || key === 'selector') {
      continue;
    } else if (key === 'clusterIP') {
      if (!headless) {
        options.clusterIP = plain(v);
      }
    } else if (key === 'ports' && Array.isArray(v)) {
      options.ports = v.map((p, i) => {
        const port: { [key: string]: Value } = {};
        for (const k of Object.keys(p ?? {})) {
          if (!PORT_KEYS.includes(k)) {
            unexpressible.push(`spec.ports[${i}].${k}`);
          } else if (k === 'protocol') {
            const ref = enumRef('Protocol', Protocol, p[k]);
            if (!ref) {
              unexpressible.push(`spec.ports[${i}].protocol${p[k] === '' ? ': ""' : ''}`);
            }
            port[k] = ref;
          } else {
            port[k] = plain(p[k]);
          }
        }
        return leadingKeysFirst(port);
      });
    } else if (ENUM_KEYS[key]) {
      const ref = enumRef(ENUM_KEYS[key][0], ENUM_KEYS[key][1], v);
      if (!ref) {
        unexpressible.push(`spec.${key}${v === '' ? ': ""' : ''}`);
      }
      options[key] = ref;
    } else if (key === 'ipFamilies' && Array.isArray(v)) {
      options.ipFamilies = v.map((f, i) => {
        const ref = enumRef('IpFamily', IpFamily, f);
        if (!ref) {
          unexpressible.push(`spec.ipFamilies[${i}]`);
        }
        return ref;
      });
    } else if (key === 'sessionAffinityConfig') {
      const timeout = v?.clientIP?.timeoutSeconds;
      if (sameData(v, { clientIP: { timeoutSeconds: timeout } }) && typeof timeout === 'number') {
        options.sessionAffinityTimeoutSeconds = timeout;
      } else {
        unexpressible.push('spec.sessionAffinityConfig');
      }
    } else if (PLAIN_KEYS.includes(key)) {
      options[key] = plain(v);
    } else {
      unexpressible.push(`spec.${key}`);
    }
  }
  if (unexpressible.length > 0) {
    return [];
  }

  // The factory for the type; a headless Service without type is ExposedService.headless().
  let callee = 'new ExposedService';
  if (headless && type === undefined) {
    callee = 'ExposedService.headless';
  } else if (type !== undefined && FACTORIES[type] && !headless) {
    callee = `ExposedService.${FACTORIES[type]}`;
  } else {
    if (type !== undefined) {
      const ref = enumRef('ServiceType', ServiceType, type);
      if (!ref) {
        unexpressible.push(`spec.type${type === '' ? ': ""' : ''}`);
        return [];
      }
      options.type = ref;
    }
    if (headless) {
      options.clusterIP = libRef('ExposedService', 'CLUSTER_IP_NONE');
    }
  }

  const selector = spec.selector;
  const hasSelector = selector !== undefined && selector !== null && Object.keys(selector).length > 0;
  const namespace = object.metadata?.namespace;
  const candidates: ServiceCandidate[] = [];
  const make = (selection: { [key: string]: Value }, metadata: any, target?: ServiceTargetCandidate) => {
    const props = { metadata: leadingKeysFirst(plain(metadata) as { [key: string]: Value }), ...selection, ...options };
    const isNew = callee.startsWith('new ');
    const call = new Call(isNew ? 'ExposedService' : callee, [scope, id, props], [lib('ExposedService')], isNew);
    candidates.push({ call, target });
  };
  if (hasSelector && type !== ServiceType.EXTERNAL_NAME) {
    for (const t of targets) {
      if (sameData(t.labels, selector) && (t.namespace ?? undefined) === (namespace ?? undefined)) {
        // The Service takes its target's namespace: no need to repeat it.
        const metadata = { ...object.metadata };
        delete metadata.namespace;
        make({ target: new VariableRef(t.binding) }, namespace === undefined ? object.metadata : metadata, t);
        make({ target: new VariableRef(t.binding) }, object.metadata, t);
      }
    }
    make({ selector: plain(selector) }, object.metadata);
  } else if (hasSelector) {
    unexpressible.push('spec.selector');
    return [];
  } else if (type === ServiceType.EXTERNAL_NAME) {
    make({}, object.metadata);
  } else {
    make({ withoutSelector: true }, object.metadata);
  }
  return candidates;
}
