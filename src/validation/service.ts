/**
 * Services. Go: `ValidateService` (pkg/apis/core/validation/validation.go) and the allocation
 * checks of pkg/registry/core/service (node port range, IP families). The checks that need the
 * exposed pods (selector, named target ports) are `ExposedService`'s own.
 *
 * @internal
 */
import { isIP } from 'net';
import { Problems, show } from '../problems';
import { checkPortNumber } from './common';
import { validateLabels, validateObjectMeta } from './metadata';
import { dns1035Label, dns1123Label, ianaServiceName, qualifiedName } from './names';

/** The node port range of the cluster (kube-apiserver `--service-node-port-range`). */
export interface NodePortRange {
  readonly min: number;
  readonly max: number;
}

/** Options of the Service checks. */
export interface ServiceValidationOptions {
  /** @default 30000-32767 */
  readonly nodePortRange?: NodePortRange;
}

const ServiceType = { CLUSTER_IP: 'ClusterIP', NODE_PORT: 'NodePort', LOAD_BALANCER: 'LoadBalancer' };
const Protocol = { TCP: 'TCP', UDP: 'UDP', SCTP: 'SCTP' };
const SessionAffinity = { NONE: 'None', CLIENT_IP: 'ClientIP' };
const TrafficPolicy = { CLUSTER: 'Cluster', LOCAL: 'Local' };
const IpFamilyPolicy = { SINGLE_STACK: 'SingleStack', PREFER_DUAL_STACK: 'PreferDualStack', REQUIRE_DUAL_STACK: 'RequireDualStack' };
const IpFamily = { IPV4: 'IPv4', IPV6: 'IPv6' };
// Limits from kubernetes pkg/apis/core/types.go (MaxClientIPServiceAffinitySeconds).
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const CLUSTER_IP_NONE = 'None';
// Deprecated annotation form of spec.loadBalancerSourceRanges (core.AnnotationLoadBalancerSourceRangesKey).
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

// Go: ValidateService (validation.go)
export function validateService(svc: any, problems: Problems, options: ServiceValidationOptions = {}): void {
  const range = options.nodePortRange ?? { min: 30000, max: 32767 };
  const spec = svc.spec ?? {};
  // ValidateService -> ValidateObjectMeta with ValidateServiceName (NameIsDNS1035Label).
  validateObjectMeta(svc.metadata, 'metadata', problems, dns1035Label, 'a Service name (an RFC 1035 label)');
  // ValidateService -> ValidateLabels(spec.selector).
  validateLabels(spec.selector, 'spec.selector', problems);
  validateTypeAndClusterIP(spec, problems);
  validateServicePorts(spec, problems, range);
  validateSessionAffinity(spec, problems);
  validateIpFamilies(spec, problems);
  validateLoadBalancerFields(spec, svc.metadata?.annotations, problems);
  validateTrafficPolicies(spec, problems, range);
}

function validateTypeAndClusterIP(spec: any, problems: Problems): void {
  const type = spec.type ?? ServiceType.CLUSTER_IP;
  // ValidateService: supportedServiceType (ExternalName is not a pod-exposing Service: not offered).
  if (!Object.values(ServiceType).includes(type)) {
    problems.add('spec.type', `${show(type)} is not supported; use ServiceType.CLUSTER_IP, NODE_PORT or LOAD_BALANCER.`);
  }
  const clusterIP = spec.clusterIP;
  if (clusterIP === undefined || clusterIP === '') {
    return;
  }
  if (clusterIP === CLUSTER_IP_NONE) {
    // ValidateService: "may not be set to 'None' for NodePort/LoadBalancer services".
    if (type === ServiceType.NODE_PORT || type === ServiceType.LOAD_BALANCER) {
      problems.add('spec.clusterIP', `"None" (headless) may not be used when type is ${type}; a headless Service has no virtual IP to expose. Use ServiceType.CLUSTER_IP (or ExposedService.headless()), or remove clusterIP.`);
    }
  } else if (typeof clusterIP !== 'string' || isIP(clusterIP) === 0) {
    // ValidateServiceClusterIPsRelatedFields: clusterIPs[0] must be "None" or a valid IP (IsValidIP).
    problems.add('spec.clusterIP', `${show(clusterIP)} must be empty, "None" (ExposedService.CLUSTER_IP_NONE) or a valid IP address (e.g. '10.96.0.10').`);
  }
}


function validateServicePorts(spec: any, problems: Problems, range: NodePortRange): void {
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const type = spec.type ?? ServiceType.CLUSTER_IP;
  const headless = spec.clusterIP === CLUSTER_IP_NONE;
  // ValidateService: spec.ports is required unless the Service is headless.
  if (ports.length === 0 && !headless) {
    problems.add('spec.ports', 'a Service needs at least one port; add one (e.g. { port: 80 }), or make it headless with ExposedService.headless().');
  }
  const names = new Map<string, number>();
  const pairs = new Map<string, number>();
  const nodePorts = new Map<string, number>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    // validateServicePort: name required with more than one port, a DNS-1123 label, unique.
    if (p.name === undefined || p.name === '') {
      if (ports.length > 1) {
        problems.add(`${path}.name`, 'is required when a Service has more than one port; name every port (e.g. \'http\').');
      }
    } else {
      const r = dns1123Label(String(p.name));
      if (r) {
        problems.add(`${path}.name`, `Service port name ${show(p.name)} is invalid: it ${r}.`);
      }
      if (names.has(p.name)) {
        problems.add(`${path}.name`, `${show(p.name)} is already used by spec.ports[${names.get(p.name)}]; give each port a unique name.`);
      } else {
        names.set(p.name, i);
      }
    }
    // validateServicePort: IsValidPortNum(port), supportedPortProtocols.
    checkPortNumber(p.port, `${path}.port`, true, problems);
    const protocol = p.protocol ?? Protocol.TCP;
    if (!Object.values(Protocol).includes(protocol)) {
      problems.add(`${path}.protocol`, `${show(protocol)} is not supported; use Protocol.TCP, UDP or SCTP.`);
    }
    // ValidateService: "Check for duplicate Ports, considering (protocol,port) pairs".
    const pair = `${p.port}/${protocol}`;
    if (pairs.has(pair)) {
      problems.add(path, `port ${pair} is already declared by spec.ports[${pairs.get(pair)}]; each port and protocol pair may appear once.`);
    } else {
      pairs.set(pair, i);
    }
    validateTargetPortSyntax(p.targetPort, `${path}.targetPort`, problems);
    if (p.nodePort !== undefined) {
      if (type === ServiceType.CLUSTER_IP) {
        // ValidateService: nodePort "may not be used when `type` is 'ClusterIP'".
        problems.add(`${path}.nodePort`, `${show(p.nodePort)} may not be used when type is ClusterIP; set type to ServiceType.NODE_PORT or LOAD_BALANCER, or remove nodePort.`);
      } else {
        // pkg/registry/core/service/portallocator: a requested node port must be inside the range.
        checkNodePortRange(range, p.nodePort, `${path}.nodePort`, problems);
        // ValidateService: "Check for duplicate NodePorts, considering (protocol,port) pairs".
        const key = `${p.nodePort}/${protocol}`;
        if (nodePorts.has(key)) {
          problems.add(`${path}.nodePort`, `${show(p.nodePort)} is already used by spec.ports[${nodePorts.get(key)}]; each node port may be used once per protocol.`);
        } else {
          nodePorts.set(key, i);
        }
      }
    }
  });
}


// Go: ValidatePortNumOrName (targetPort)
function validateTargetPortSyntax(targetPort: unknown, path: string, problems: Problems): void {
  if (targetPort === undefined) {
    return;
  }
  if (typeof targetPort === 'number') {
    checkPortNumber(targetPort, path, true, problems);
    return;
  }
  if (typeof targetPort !== 'string') {
    problems.add(path, `${show(targetPort)} must be a port number or a container port name.`);
    return;
  }
  const r = ianaServiceName(targetPort);
  if (r) {
    problems.add(path, `${show(targetPort)} is not a valid container port name: it ${r}.`);
  }
}

function checkNodePortRange(range: NodePortRange, value: unknown, path: string, problems: Problems): boolean {
  const { min, max } = range;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.add(path, `${show(value)} is outside ${min}-${max}; pick a port in that range or omit it to let Kubernetes allocate one.`);
    return false;
  }
  return true;
}

// validateServicePort -> ValidatePortNumOrName; then, this library's own check: a named
// targetPort must name a container port of the target (with the same protocol) when its
// ports are known, as the endpoints controller would otherwise find no port and route nowhere.

function validateTrafficPolicies(spec: any, problems: Problems, range: NodePortRange): void {
  const type = spec.type ?? ServiceType.CLUSTER_IP;
  const external = type === ServiceType.NODE_PORT || type === ServiceType.LOAD_BALANCER;
  const policies = Object.values(TrafficPolicy) as string[];
  // validateServiceExternalTrafficPolicy: only for externally-accessible Services
  // (apiservice.ExternallyAccessible: NodePort, LoadBalancer), value Cluster or Local.
  if (spec.externalTrafficPolicy !== undefined) {
    if (!external) {
      problems.add('spec.externalTrafficPolicy', `${show(spec.externalTrafficPolicy)} may only be set when type is NodePort or LoadBalancer; change the type or remove externalTrafficPolicy (use internalTrafficPolicy for traffic from inside the cluster).`);
    } else if (!policies.includes(spec.externalTrafficPolicy)) {
      problems.add('spec.externalTrafficPolicy', `${show(spec.externalTrafficPolicy)} is not supported; use TrafficPolicy.CLUSTER or LOCAL.`);
    }
  }
  // validateServiceExternalTrafficPolicy: healthCheckNodePort only when
  // apiservice.NeedsHealthCheck (LoadBalancer with externalTrafficPolicy Local), a valid port
  // number; pkg/registry/core/service/portallocator: inside the node port range and free.
  if (spec.healthCheckNodePort !== undefined) {
    const hc = spec.healthCheckNodePort;
    if (type !== ServiceType.LOAD_BALANCER || spec.externalTrafficPolicy !== TrafficPolicy.LOCAL) {
      problems.add('spec.healthCheckNodePort', `${show(hc)} may only be set when type is LoadBalancer and externalTrafficPolicy is Local; set both (ExposedService.loadBalancer() with TrafficPolicy.LOCAL) or remove healthCheckNodePort.`);
    } else if (checkNodePortRange(range, hc, 'spec.healthCheckNodePort', problems)) {
      const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
      const clash = ports.findIndex((p) => p?.nodePort === hc);
      if (clash >= 0) {
        problems.add('spec.healthCheckNodePort', `${show(hc)} is already used by spec.ports[${clash}].nodePort; pick another node port.`);
      }
    }
  }
  // validateServiceInternalTrafficFieldsValue: any type, value Cluster or Local.
  if (spec.internalTrafficPolicy !== undefined && !policies.includes(spec.internalTrafficPolicy)) {
    problems.add('spec.internalTrafficPolicy', `${show(spec.internalTrafficPolicy)} is not supported; use TrafficPolicy.CLUSTER or LOCAL.`);
  }
}

function validateSessionAffinity(spec: any, problems: Problems): void {
  const affinity = spec.sessionAffinity ?? SessionAffinity.NONE;
  // ValidateService: supportedSessionAffinityType.
  if (!(Object.values(SessionAffinity) as string[]).includes(affinity)) {
    problems.add('spec.sessionAffinity', `${show(affinity)} is not supported; use SessionAffinity.NONE or CLIENT_IP.`);
    return;
  }
  const config = spec.sessionAffinityConfig;
  if (config === undefined) {
    return;
  }
  // ValidateService: sessionAffinityConfig "must not be set when session affinity is None".
  if (affinity !== SessionAffinity.CLIENT_IP) {
    problems.add('spec.sessionAffinityConfig', `a ClientIP timeout (${show(config?.clientIP?.timeoutSeconds)} seconds) is set but sessionAffinity is ${affinity}; set sessionAffinity: SessionAffinity.CLIENT_IP or remove sessionAffinityTimeoutSeconds.`);
    return;
  }
  // validateClientIPAffinityConfig -> validateAffinityTimeout: 0 < timeoutSeconds <= 86400.
  const timeout = config?.clientIP?.timeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS)) {
    problems.add('spec.sessionAffinityConfig.clientIP.timeoutSeconds', `${show(timeout)} is outside 1-${MAX_CLIENT_IP_AFFINITY_SECONDS}; use a whole number of seconds up to one day, or omit it for the default 10800.`);
  }
}

function validateIpFamilies(spec: any, problems: Problems): void {
  // ValidateServiceClusterIPsRelatedFields: ipFamilyPolicy in supportedServiceIPFamilyPolicy.
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && !(Object.values(IpFamilyPolicy) as string[]).includes(policy)) {
    problems.add('spec.ipFamilyPolicy', `${show(policy)} is not supported; use IpFamilyPolicy.SINGLE_STACK, PREFER_DUAL_STACK or REQUIRE_DUAL_STACK.`);
  }
  if (spec.ipFamilies === undefined) {
    return;
  }
  const families: any[] = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [];
  // ValidateServiceClusterIPsRelatedFields: each family IPv4 or IPv6, no duplicates (so at most two).
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (!(Object.values(IpFamily) as string[]).includes(f)) {
      problems.add(`spec.ipFamilies[${i}]`, `${show(f)} is not supported; use IpFamily.IPV4 or IPV6.`);
    } else if (seen.has(f)) {
      problems.add(`spec.ipFamilies[${i}]`, `${show(f)} is listed twice; list each family once (at most IPv4 and IPv6).`);
    } else {
      seen.add(f);
    }
  });
  // pkg/registry/core/service/storage/alloc.go initIPFamilyFields: two families need a
  // dual-stack policy (an unset policy counts as SingleStack).
  if (seen.size === 2 && (policy === undefined || policy === IpFamilyPolicy.SINGLE_STACK)) {
    problems.add('spec.ipFamilyPolicy', `${show(policy)} does not allow the two ipFamilies ${families.join(', ')}; set ipFamilyPolicy to IpFamilyPolicy.PREFER_DUAL_STACK or REQUIRE_DUAL_STACK, or list one family.`);
  }
  // ValidateServiceClusterIPsRelatedFields: an explicit cluster IP must be of ipFamilies[0].
  const ip = spec.clusterIP;
  if (typeof ip === 'string' && isIP(ip) !== 0 && (families[0] === IpFamily.IPV4 || families[0] === IpFamily.IPV6)) {
    const ipFamily = isIP(ip) === 6 ? IpFamily.IPV6 : IpFamily.IPV4;
    if (ipFamily !== families[0]) {
      problems.add('spec.clusterIP', `${show(ip)} is an ${ipFamily} address but ipFamilies[0] is ${families[0]}; use an ${families[0]} cluster IP or put ${ipFamily} first.`);
    }
  }
}

function validateLoadBalancerFields(spec: any, annotations: Record<string, unknown> | undefined, problems: Problems): void {
  const isLoadBalancer = spec.type === ServiceType.LOAD_BALANCER;
  const onlyLoadBalancer = (field: string, value: unknown) => problems.add(`spec.${field}`,
    `${show(value)} may only be used when type is LoadBalancer; use ExposedService.loadBalancer() (type: ServiceType.LOAD_BALANCER) or remove ${field}.`);

  // ValidateService: loadBalancerSourceRanges only for LoadBalancer, each a CIDR (IsValidCIDR,
  // space padding tolerated); else the same rules for the deprecated annotation.
  const ranges = spec.loadBalancerSourceRanges;
  if (Array.isArray(ranges) && ranges.length > 0) {
    if (!isLoadBalancer) {
      onlyLoadBalancer('loadBalancerSourceRanges', ranges);
    }
    ranges.forEach((r, i) => {
      if (typeof r !== 'string' || !isCidr(r.trim())) {
        problems.add(`spec.loadBalancerSourceRanges[${i}]`, `${show(r)} is not a valid CIDR; write an IP range such as '10.0.0.0/8' or '2001:db8::/32'.`);
      }
    });
  } else if (annotations && SOURCE_RANGES_ANNOTATION in annotations) {
    const path = `metadata.annotations.${SOURCE_RANGES_ANNOTATION}`;
    const value = annotations[SOURCE_RANGES_ANNOTATION];
    if (!isLoadBalancer) {
      problems.add(path, 'may only be used when type is LoadBalancer; use ExposedService.loadBalancer() or remove the annotation.');
    }
    const text = typeof value === 'string' ? value.trim() : '';
    const bad = text === '' ? [] : text.split(',').map((v) => v.trim()).filter((v) => !isCidr(v));
    if (bad.length > 0) {
      problems.add(path, `${bad.map((b) => show(b)).join(', ')} ${bad.length === 1 ? 'is not a valid CIDR' : 'are not valid CIDRs'}; write IP ranges such as '10.0.0.0/8' (prefer the loadBalancerSourceRanges prop).`);
    }
  }
  // ValidateService: allocateLoadBalancerNodePorts "may only be used when `type` is 'LoadBalancer'".
  if (spec.allocateLoadBalancerNodePorts !== undefined && !isLoadBalancer) {
    onlyLoadBalancer('allocateLoadBalancerNodePorts', spec.allocateLoadBalancerNodePorts);
  }
  // validateLoadBalancerClassField: only for LoadBalancer, a qualified name (ValidateQualifiedName).
  if (spec.loadBalancerClass !== undefined) {
    if (!isLoadBalancer) {
      onlyLoadBalancer('loadBalancerClass', spec.loadBalancerClass);
    } else {
      const r = typeof spec.loadBalancerClass === 'string' ? qualifiedName(spec.loadBalancerClass) : 'must be a string';
      if (r) {
        problems.add('spec.loadBalancerClass', `${show(spec.loadBalancerClass)} is not a valid load balancer class: it ${r} (e.g. 'example.com/internal-vip').`);
      }
    }
  }
}

/** `IsValidCIDR` (net.ParseCIDR): an IPv4 or IPv6 address, '/', a prefix length within the family's bits. */
export function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) {
    return false;
  }
  const ip = value.slice(0, slash);
  const prefix = value.slice(slash + 1);
  const family = isIP(ip);
  if (family === 0 || !/^[0-9]{1,3}$/.test(prefix)) {
    return false;
  }
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
