/**
 * Services. Go: `ValidateService` (pkg/apis/core/validation/validation.go), `SetDefaults_Service`
 * (pkg/apis/core/v1/defaults.go), what the registry does on create before it validates
 * (pkg/registry/core/service: `normalizeClusterIPs`, `initIPFamilyFields`, node port allocation)
 * and the address parsing of Kubernetes 1.32 (k8s.io/utils/net `ParseIPSloppy`,
 * `ParseCIDRSloppy`: leading zeros in IPv4 octets are accepted and read as decimal). The checks
 * that need the exposed pods (selector, named target ports) are `ExposedService`'s own.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { checkPortNumber, goTrimSpace, zeroIfUnset } from './common';
import { validateLabels, validateObjectMeta } from './metadata';
import { dns1035Label, dns1123Label, dns1123Subdomain, ianaServiceName, qualifiedName } from './names';

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

const ServiceType = { CLUSTER_IP: 'ClusterIP', NODE_PORT: 'NodePort', LOAD_BALANCER: 'LoadBalancer', EXTERNAL_NAME: 'ExternalName' };
const SERVICE_TYPES: unknown[] = Object.values(ServiceType);
const Protocol = { TCP: 'TCP', UDP: 'UDP', SCTP: 'SCTP' };
const SessionAffinity = { NONE: 'None', CLIENT_IP: 'ClientIP' };
const TrafficPolicy = { CLUSTER: 'Cluster', LOCAL: 'Local' };
const IpFamilyPolicy = { SINGLE_STACK: 'SingleStack', PREFER_DUAL_STACK: 'PreferDualStack', REQUIRE_DUAL_STACK: 'RequireDualStack' };
const IpFamily = { IPV4: 'IPv4', IPV6: 'IPv6' };
// Limits and defaults from kubernetes pkg/apis/core/types.go.
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;
const CLUSTER_IP_NONE = 'None';
// pkg/cluster/ports.KubeletPort: a LoadBalancer may not expose it.
const KUBELET_PORT = 10250;
// v1.ServiceTrafficDistributionPreferClose: the only value of Kubernetes 1.32.
const TRAFFIC_DISTRIBUTION_PREFER_CLOSE = 'PreferClose';
// Deprecated annotation form of spec.loadBalancerSourceRanges (core.AnnotationLoadBalancerSourceRangesKey).
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
// core.AnnotationTopologyMode and core.DeprecatedAnnotationTopologyAwareHints.
const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';

// ---------------------------------------------------------------------------------------------
// Addresses, parsed as Kubernetes 1.28-1.32 parse them
// ---------------------------------------------------------------------------------------------

/** A parsed address: 16 bytes (IPv4 as IPv4-mapped IPv6, like Go's net.IP) and its family. */
export interface ParsedIP {
  readonly bytes: number[];
  /** 4 when Go's `ip.To4()` is not nil (an IPv4 address, also written as `::ffff:a.b.c.d`). */
  readonly family: 4 | 6;
}

const BIG = 0xFFFFFF;

// Go: dtoi (Go 1.16 net, kept by k8s.io/utils/net): decimal digits, any number of leading zeros.
function dtoi(s: string, from: number): [number, number] | undefined {
  let n = 0;
  let i = from;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= BIG) {
      return undefined;
    }
  }
  return i === from ? undefined : [n, i];
}

// Go: xtoi (Go 1.16 net): hexadecimal digits.
function xtoi(s: string, from: number): [number, number] | undefined {
  let n = 0;
  let i = from;
  for (; i < s.length; i++) {
    const d = parseInt(s[i], 16);
    if (Number.isNaN(d)) {
      break;
    }
    n = n * 16 + d;
    if (n >= BIG) {
      return undefined;
    }
  }
  return i === from ? undefined : [n, i];
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF];

// Go: parseIPv4 (k8s.io/utils/net, forked from Go 1.16): four decimal octets; leading zeros are
// accepted and read as decimal ("010.0.0.1" is 10.0.0.1).
function parseIPv4(s: string): number[] | undefined {
  const out: number[] = [];
  let pos = 0;
  for (let i = 0; i < 4; i++) {
    if (pos >= s.length) {
      return undefined;
    }
    if (i > 0) {
      if (s[pos] !== '.') {
        return undefined;
      }
      pos++;
    }
    const r = dtoi(s, pos);
    if (!r || r[0] > 0xFF) {
      return undefined;
    }
    out.push(r[0]);
    pos = r[1];
  }
  return pos === s.length ? [...V4_MAPPED_PREFIX, ...out] : undefined;
}

// Go: parseIPv6 (k8s.io/utils/net, forked from Go 1.16): hex groups, one '::', an IPv4 tail.
function parseIPv6(input: string): number[] | undefined {
  const ip = new Array<number>(16).fill(0);
  let s = input;
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) {
      return ip;
    }
  }
  let i = 0;
  while (i < 16) {
    const r = xtoi(s, 0);
    if (!r || r[0] > 0xFFFF) {
      return undefined;
    }
    const [n, c] = r;
    if (c < s.length && s[c] === '.') {
      if (ellipsis < 0 && i !== 12) {
        return undefined;
      }
      if (i + 4 > 16) {
        return undefined;
      }
      const ip4 = parseIPv4(s);
      if (!ip4) {
        return undefined;
      }
      ip.splice(i, 4, ...ip4.slice(12));
      s = '';
      i += 4;
      break;
    }
    ip[i] = Math.floor(n / 256);
    ip[i + 1] = n % 256;
    i += 2;
    s = s.slice(c);
    if (s.length === 0) {
      break;
    }
    if (s[0] !== ':' || s.length === 1) {
      return undefined;
    }
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) {
        return undefined;
      }
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) {
        break;
      }
    }
  }
  if (s.length !== 0) {
    return undefined;
  }
  if (i < 16) {
    if (ellipsis < 0) {
      return undefined;
    }
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) {
      ip[j + n] = ip[j];
    }
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) {
      ip[j] = 0;
    }
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return ip;
}

function familyOf(bytes: number[]): 4 | 6 {
  return V4_MAPPED_PREFIX.every((b, i) => bytes[i] === b) ? 4 : 6;
}

/**
 * Parses an address as Kubernetes 1.28-1.32 do. Go: `ParseIPSloppy` (k8s.io/utils/net), which
 * `IsValidIP` uses: Go 1.16's `net.ParseIP`, which read leading zeros in IPv4 octets as decimal.
 */
// Go: ParseIPSloppy (k8s.io/utils/net/ipnet.go)
export function parseIPSloppy(value: unknown): ParsedIP | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  for (const ch of value) {
    if (ch === '.') {
      const v4 = parseIPv4(value);
      return v4 ? { bytes: v4, family: 4 } : undefined;
    }
    if (ch === ':') {
      const v6 = parseIPv6(value);
      return v6 ? { bytes: v6, family: familyOf(v6) } : undefined;
    }
  }
  return undefined;
}

/** Whether a value is a CIDR as Kubernetes 1.28-1.32 read it (host bits may be set: '10.0.0.1/8'). */
// Go: ParseCIDRSloppy (k8s.io/utils/net/ipnet.go), used by IsValidCIDR
export function isCidr(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  const slash = value.indexOf('/');
  if (slash < 0) {
    return false;
  }
  const addr = value.slice(0, slash);
  const mask = value.slice(slash + 1);
  let bits = 32;
  let ip = parseIPv4(addr);
  if (!ip) {
    bits = 128;
    ip = parseIPv6(addr);
  }
  const n = dtoi(mask, 0);
  return ip !== undefined && n !== undefined && n[1] === mask.length && n[0] <= bits;
}

// ---------------------------------------------------------------------------------------------
// Create preparation and defaults
// ---------------------------------------------------------------------------------------------

/**
 * Reports what the API server would drop from a Service on create, before validation: the user's
 * line would vanish. Go: `SetDefaults_Service` clears `sessionAffinityConfig` unless
 * `sessionAffinity` is `ClientIP` (`""` and unset mean `None`). The 1.32 registry
 * (`dropServiceDisabledFields`) drops nothing else: `trafficDistribution` is on by default.
 */
// Go: SetDefaults_Service (pkg/apis/core/v1/defaults.go), the sessionAffinityConfig it clears
export function prepareService(svc: any, problems: Problems): void {
  const spec = svc?.spec;
  if (!spec || typeof spec !== 'object' || spec.sessionAffinityConfig === undefined || spec.sessionAffinityConfig === null) {
    return;
  }
  const affinity = spec.sessionAffinity === undefined || spec.sessionAffinity === null || spec.sessionAffinity === '' ? SessionAffinity.NONE : spec.sessionAffinity;
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (affinity === SessionAffinity.NONE && (timeout === undefined || timeout === null)) {
    problems.add('spec.sessionAffinityConfig', `${show(spec.sessionAffinityConfig)} is set but sessionAffinity is None; set sessionAffinity to ClientIP (SessionAffinity.CLIENT_IP in ExposedService) or remove sessionAffinityConfig. The API server drops sessionAffinityConfig on create when sessionAffinity is None: the line would vanish (this library's contract).`);
  } else if (affinity === SessionAffinity.NONE) {
    problems.add('spec.sessionAffinityConfig', `a ClientIP timeout (${show(timeout)} seconds) is set but sessionAffinity is None; set sessionAffinity to ClientIP (SessionAffinity.CLIENT_IP in ExposedService) or remove the timeout (sessionAffinityConfig; sessionAffinityTimeoutSeconds in ExposedService). The API server drops sessionAffinityConfig on create when sessionAffinity is None: the line would vanish (this library's contract).`);
  }
}

/**
 * The API server's defaults for a Service, in place (on a copy), then what its registry fills in
 * before validation: `clusterIPs` from `clusterIP` (`normalizeClusterIPs`). Node ports and the
 * health check node port left at 0 are allocated by the registry, so 0 stays "unset" here.
 */
// Go: SetDefaults_Service (pkg/apis/core/v1/defaults.go)
export function defaultService(svc: any): void {
  if (svc === null || typeof svc !== 'object') {
    return;
  }
  const spec = (svc.spec = zeroIfUnset(svc.spec));
  if (spec.sessionAffinity === undefined || spec.sessionAffinity === '') {
    spec.sessionAffinity = SessionAffinity.NONE;
  }
  if (spec.sessionAffinity === SessionAffinity.NONE) {
    delete spec.sessionAffinityConfig;
  }
  if (spec.sessionAffinity === SessionAffinity.CLIENT_IP) {
    const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (timeout === undefined || timeout === null) {
      spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
    }
  }
  if (spec.type === undefined || spec.type === '') {
    spec.type = ServiceType.CLUSTER_IP;
  }
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports) {
      if (!p || typeof p !== 'object') {
        continue;
      }
      if (p.protocol === undefined || p.protocol === '') {
        p.protocol = Protocol.TCP;
      }
      // targetPort 0, "" and unset all become the port.
      if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') {
        p.targetPort = p.port;
      }
    }
  }
  if (externallyAccessible(spec) && (spec.externalTrafficPolicy === undefined || spec.externalTrafficPolicy === '')) {
    spec.externalTrafficPolicy = TrafficPolicy.CLUSTER;
  }
  if (spec.internalTrafficPolicy === undefined && [ServiceType.CLUSTER_IP, ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER].includes(spec.type)) {
    spec.internalTrafficPolicy = TrafficPolicy.CLUSTER;
  }
  if (spec.type === ServiceType.LOAD_BALANCER && spec.allocateLoadBalancerNodePorts === undefined) {
    spec.allocateLoadBalancerNodePorts = true;
  }
  normalizeClusterIPs(spec);
}

// Go: normalizeClusterIPs (pkg/registry/core/service/strategy.go): on create, clusterIPs from clusterIP.
function normalizeClusterIPs(spec: any): void {
  const ips = spec.clusterIPs;
  if (typeof spec.clusterIP === 'string' && spec.clusterIP.length > 0 && (!Array.isArray(ips) || ips.length === 0)) {
    spec.clusterIPs = [spec.clusterIP];
  }
}

// Go: ExternallyAccessible (pkg/api/service/util.go)
function externallyAccessible(spec: any): boolean {
  return spec.type === ServiceType.LOAD_BALANCER || spec.type === ServiceType.NODE_PORT
    || (spec.type === ServiceType.CLUSTER_IP && Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
}

// Go: NeedsHealthCheck (pkg/api/service/util.go)
function needsHealthCheck(spec: any): boolean {
  return spec.type === ServiceType.LOAD_BALANCER && spec.externalTrafficPolicy === TrafficPolicy.LOCAL;
}

// Go: isHeadlessService (validation.go)
function isHeadless(spec: any): boolean {
  // Whatever the type: a NodePort or LoadBalancer Service with clusterIP None gets only the
  // "may not be set to 'None'" problem, not "needs a port" nor an address-family one.
  return Array.isArray(spec.clusterIPs) && spec.clusterIPs.length === 1 && spec.clusterIPs[0] === CLUSTER_IP_NONE;
}

// ---------------------------------------------------------------------------------------------
// Validation (of the defaulted copy)
// ---------------------------------------------------------------------------------------------

/**
 * Checks a Service as the API server does on create, after `defaultService`.
 *
 * @param original the Service as written (to name the fields the user wrote)
 */
// Go: ValidateService (validation.go)
export function validateService(svc: any, problems: Problems, options: ServiceValidationOptions = {}, original: any = svc): void {
  const range = options.nodePortRange ?? { min: 30000, max: 32767 };
  const spec = svc.spec ?? {};
  const written = original?.spec ?? {};
  // Go: the Service REST's BeginCreate allocates before the strategy validates, and its
  // initIPFamilyFields (alloc.go) first runs ValidateServiceClusterIPsRelatedFields: with problems
  // there, the create fails with those alone.
  // Then the same function checks the IP families against the (defaulted) policy, with the same effect.
  const clusterIPs = new Problems();
  if (spec.type !== ServiceType.EXTERNAL_NAME) {
    validateServiceClusterIPsRelatedFields(spec, written, clusterIPs);
    if (clusterIPs.count === 0) {
      initIPFamilyFields(spec, written, clusterIPs);
    }
    if (clusterIPs.count > 0) {
      clusterIPs.entries.forEach((e) => problems.add(e.path, e.message));
      return;
    }
  }
  // Then it allocates the node ports and the health check node port: the first it cannot allocate
  // fails the create alone.
  const allocation = allocateNodePorts(spec, range);
  if (allocation.problem !== undefined) {
    problems.add(allocation.problem.path, allocation.problem.message);
    return;
  }
  // ValidateObjectMeta with ValidateServiceName (NameIsDNS1035Label).
  validateObjectMeta(svc.metadata, 'metadata', problems, dns1035Label, 'a Service name (an RFC 1035 label)');
  validateTopologyAnnotations(svc.metadata?.annotations, problems);
  validateServiceType(spec, written, problems);
  validateServicePorts(spec, written, problems, allocation.shared);
  if (spec.selector !== undefined && spec.selector !== null) {
    validateLabels(spec.selector, 'spec.selector', problems);
  }
  validateSessionAffinity(spec, problems);
  if (spec.type === ServiceType.EXTERNAL_NAME) {
    validateServiceClusterIPsRelatedFields(spec, written, problems);
  }
  validateExternalIPs(spec, problems);
  validateLoadBalancerFields(spec, svc.metadata?.annotations, problems);
  validateServiceExternalTrafficPolicy(spec, problems);
  validateServiceInternalTrafficFieldsValue(spec, problems);
  validateServiceTrafficDistribution(spec, problems);
}

// ValidateService: the topology-mode annotation must agree with the deprecated topology-aware-hints one.
function validateTopologyAnnotations(annotations: any, problems: Problems): void {
  if (!annotations || typeof annotations !== 'object') {
    return;
  }
  const mode = annotations[TOPOLOGY_MODE_ANNOTATION];
  const hints = annotations[TOPOLOGY_HINTS_ANNOTATION];
  if (mode !== undefined && hints !== undefined && mode !== hints) {
    problems.add(`metadata.annotations.${TOPOLOGY_MODE_ANNOTATION}`, `${show(mode)} must match the deprecated annotation ${TOPOLOGY_HINTS_ANNOTATION} (${show(hints)}) when both are set; remove ${TOPOLOGY_HINTS_ANNOTATION}.`);
  }
}

// ValidateService: supportedServiceType, the per-type rules (headless, ExternalName).
function validateServiceType(spec: any, written: any, problems: Problems): void {
  const type = spec.type;
  if (!SERVICE_TYPES.includes(type)) {
    problems.add('spec.type', `${show(type)} is not supported; use ServiceType.CLUSTER_IP, NODE_PORT, LOAD_BALANCER or EXTERNAL_NAME.`);
    return;
  }
  const ips: unknown[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  const ipPath = written.clusterIPs !== undefined ? 'spec.clusterIPs[0]' : 'spec.clusterIP';
  if ((type === ServiceType.NODE_PORT || type === ServiceType.LOAD_BALANCER) && ips[0] === CLUSTER_IP_NONE) {
    problems.add(ipPath, `"None" (headless) may not be used when type is ${type}; a headless Service has no virtual IP to expose. Use ServiceType.CLUSTER_IP (or ExposedService.headless()), or remove clusterIP.`);
  }
  if (type === ServiceType.LOAD_BALANCER && Array.isArray(spec.ports)) {
    spec.ports.forEach((p: any, i: number) => {
      if (p?.port === KUBELET_PORT) {
        problems.add(`spec.ports[${i}].port`, `${KUBELET_PORT} may not be exposed by a LoadBalancer Service: the kubelet listens on it on every node. Pick another port.`);
      }
    });
  }
  if (type !== ServiceType.EXTERNAL_NAME) {
    return;
  }
  // ExternalName: no cluster IPs, no families, no family policy; externalName a DNS name.
  if (ips.length > 0) {
    const field = written.clusterIPs !== undefined ? 'clusterIPs' : 'clusterIP';
    problems.add(`spec.${field}`, `${show(written[field])} may not be set for an ExternalName Service: it has no cluster IP (DNS answers with a CNAME to externalName). Remove ${field}.`);
  }
  if (Array.isArray(spec.ipFamilies) && spec.ipFamilies.length > 0) {
    problems.add('spec.ipFamilies', `${show(spec.ipFamilies)} may not be set for an ExternalName Service: it has no cluster IP. Remove ipFamilies.`);
  }
  if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
    problems.add('spec.ipFamilyPolicy', `${show(spec.ipFamilyPolicy)} may not be set for an ExternalName Service: it has no cluster IP. Remove ipFamilyPolicy.`);
  }
  // The value (a CNAME) may end with a dot to mark it fully qualified.
  const name = typeof spec.externalName === 'string' ? spec.externalName.replace(/\.$/, '') : '';
  if (name.length === 0) {
    problems.add('spec.externalName', "is required when type is ExternalName; set the DNS name the Service points to (e.g. 'db.example.com').");
  } else {
    const r = dns1123Subdomain(name);
    if (r) {
      problems.add('spec.externalName', `${show(spec.externalName)} is not a valid DNS name: it ${r}.`);
    }
  }
}

// ValidateService: ports required unless headless or ExternalName; validateServicePort for each;
// nodePort not on ClusterIP; unique (protocol, port) and (protocol, nodePort) pairs.
function validateServicePorts(spec: any, written: any, problems: Problems, shared: ReadonlyMap<number, SharedNodePort>): void {
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const writtenPorts: any[] = Array.isArray(written.ports) ? written.ports : [];
  if (ports.length === 0 && !isHeadless(spec) && spec.type !== ServiceType.EXTERNAL_NAME) {
    problems.add('spec.ports', 'a Service needs at least one port; add one (e.g. { port: 80 }), or make it headless with ExposedService.headless().');
  }
  const names = new Map<string, number>();
  const pairs = new Map<string, number>();
  const nodePorts = new Map<string, number>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (!p || typeof p !== 'object') {
      return;
    }
    validateServicePort(p, writtenPorts[i] ?? {}, ports.length > 1, names, i, problems);
    const pair = `${p.port}/${p.protocol}`;
    if (pairs.has(pair)) {
      problems.add(path, `port ${pair} is already declared by spec.ports[${pairs.get(pair)}]; each port and protocol pair may appear once.`);
    } else {
      pairs.set(pair, i);
    }
    // A nodePort of 0 asks for allocation (NodePort, LoadBalancer) or means none (ClusterIP).
    const own = p.nodePort !== undefined && p.nodePort !== 0;
    if (own && spec.type === ServiceType.CLUSTER_IP) {
      problems.add(`${path}.nodePort`, `${show(p.nodePort)} may not be used when type is ClusterIP; set type to ServiceType.NODE_PORT or LOAD_BALANCER, or remove nodePort.`);
      return;
    }
    // The node port the allocation wrote into an entry without one is checked as if written.
    const given = own ? undefined : shared.get(i);
    if (!own && given === undefined) {
      return;
    }
    const key = `${own ? p.nodePort : given!.nodePort ?? `picked:${p.port}`}/${p.protocol}`;
    const first = nodePorts.get(key);
    if (first === undefined) {
      nodePorts.set(key, i);
    } else if (own) {
      const givenThere = shared.has(first) ? ` (the API server gives it the node port of port ${show(ports[first].port)})` : '';
      problems.add(`${path}.nodePort`, `${show(p.nodePort)} is already used by spec.ports[${first}]${givenThere}; each node port may be used once per protocol.`);
    } else {
      problems.add(`${path}.nodePort`, `the API server gives it the node port of port ${show(p.port)} (${given!.nodePort ?? 'the one it picks'}), which spec.ports[${first}] `
        + `already uses for ${p.protocol}; each node port may be used once per protocol.`);
    }
  });
}

/**
 * The node ports a NodePort or LoadBalancer Service requests, allocated in the order the registry
 * allocates them: one per service port number (the entries of one port number, 80/TCP and 80/UDP,
 * share it), each inside the node port range and not taken by another entry ("provided port is
 * already allocated"), then the health check node port of a LoadBalancer with
 * externalTrafficPolicy Local. Go allocates in the Service REST's BeginCreate, before the strategy
 * validates, and the first port it cannot allocate fails the create alone: that problem, or
 * undefined. (Whether a port in the range is free in the cluster is the cluster's to say.) A node
 * port that is not a whole number is the decoder's problem, not allocated here.
 */
// Go: txnAllocNodePorts, initNodePorts, findRequestedNodePort and allocHealthCheckNodePort (pkg/registry/core/service/storage/alloc.go)
function allocateNodePorts(spec: any, range: NodePortRange): Allocation {
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const requested = (p: any): boolean => p !== null && typeof p === 'object' && Number.isInteger(p.nodePort) && p.nodePort !== 0;
  const shared = new Map<number, SharedNodePort>();
  if (ports.some((p) => p !== null && typeof p === 'object' && p.nodePort !== undefined && p.nodePort !== 0 && !Number.isInteger(p.nodePort))
    || (spec.healthCheckNodePort !== undefined && !Number.isInteger(spec.healthCheckNodePort))) {
    return { shared };
  }
  const size = range.max - range.min + 1;
  const full = `the ${size} node ports of the range ${range.min}-${range.max} are all taken by this Service's other ones; widen nodePortRange if the cluster's is wider`;
  /** Requested node port -> the entry that requests it (-1: the health check node port). */
  const allocated = new Map<number, number>();
  /** The node ports taken so far, those the server picks included. */
  let used = 0;
  const allocate = (nodePort: number, path: string, owner: number, fix: (taken: number) => string): Problem | undefined => {
    const problems = new Problems();
    if (!checkNodePortRange(range, nodePort, path, problems)) {
      return problems.entries[0];
    }
    const taken = allocated.get(nodePort);
    if (taken !== undefined) {
      return { path, message: fix(taken) };
    }
    if (used >= size) {
      return { path, message: `${show(nodePort)} cannot be allocated: ${full}, or give the Service fewer port numbers.` };
    }
    allocated.set(nodePort, owner);
    used++;
    return undefined;
  };
  const pick = (path: string, what: string, fix: string): Problem | undefined => {
    if (used >= size) {
      return { path, message: `the API server cannot pick a node port for ${what}: ${full}${fix}.` };
    }
    used++;
    return undefined;
  };
  if (spec.type === ServiceType.NODE_PORT || spec.type === ServiceType.LOAD_BALANCER) {
    // Go: shouldAllocateNodePorts: a LoadBalancer with allocateLoadBalancerNodePorts false takes
    // only the node ports requested.
    const allocateOthers = spec.type === ServiceType.NODE_PORT || spec.allocateLoadBalancerNodePorts !== false;
    /** Service port number -> its node port (undefined: one the server picks) and the entry that requests (or gets) it. */
    const byPort = new Map<unknown, SharedNodePort>();
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      if (p === null || typeof p !== 'object' || (!requested(p) && !allocateOthers)) {
        continue;
      }
      const path = `spec.ports[${i}].nodePort`;
      const had = byPort.get(p.port);
      const fix = (taken: number): string => {
        const first = byPort.get(ports[taken].port);
        const written = requested(p) ? p.nodePort : first?.nodePort;
        return ports[taken].port === p.port
          ? `${show(written)} is already the node port of spec.ports[${taken}] (port ${show(p.port)}): entries of one port number share the node port of the first `
            + `that requests one${first?.nodePort !== undefined ? ` (${first.nodePort}, spec.ports[${first.from}])` : ''}, and each other one is allocated once; `
            + `use ${first?.nodePort !== undefined ? `${first.nodePort} or ` : ''}another node port.`
          : `${show(written)} is already the node port of port ${show(ports[taken].port)} (spec.ports[${taken}]); the API server gives each service port number its own `
            + 'node port ("provided port is already allocated"), so only entries of one port number (e.g. 80/TCP and 80/UDP) can share one. Pick another node port.';
      };
      let problem: Problem | undefined;
      if (had === undefined) {
        // findRequestedNodePort: the node port of the first entry with this port number that has
        // one; Go writes it into this entry when it has none.
        const first = ports.findIndex((q) => requested(q) && q.port === p.port);
        const port: SharedNodePort = first >= 0 ? { nodePort: ports[first].nodePort, from: first } : { from: i };
        byPort.set(p.port, port);
        problem = first >= 0 ? allocate(port.nodePort!, path, first, fix)
          : pick(path, `port ${show(p.port)} (spec.ports[${i}])`, spec.type === ServiceType.LOAD_BALANCER
            ? ', give the Service fewer port numbers, or set allocateLoadBalancerNodePorts: false if its load balancer needs no node ports' : ', or give the Service fewer port numbers');
        if (first !== i) {
          shared.set(i, port); // a node port requested by a later entry, or one the server picks
        }
      } else if (!requested(p)) {
        shared.set(i, had); // Go writes the port number's node port into the entry
      } else if (p.nodePort !== had.nodePort) {
        problem = allocate(p.nodePort, path, i, fix);
      }
      if (problem !== undefined) {
        return { problem, shared };
      }
    }
  }
  // Go: apiservice.NeedsHealthCheck: a LoadBalancer with externalTrafficPolicy Local.
  const hc = spec.healthCheckNodePort;
  if (needsHealthCheck(spec)) {
    const problem = hc === undefined || hc === 0
      ? pick('spec.healthCheckNodePort', 'the health check', spec.allocateLoadBalancerNodePorts === false
        ? ', give the Service fewer node ports, or use externalTrafficPolicy Cluster, which needs no health check node port'
        : ', give the Service fewer port numbers, set allocateLoadBalancerNodePorts: false if its load balancer needs no node ports, or use externalTrafficPolicy Cluster')
      : allocate(hc, 'spec.healthCheckNodePort', -1, (taken) => `${show(hc)} is already used by spec.ports[${taken}].nodePort; pick another node port.`);
    if (problem !== undefined) {
      return { problem, shared };
    }
  }
  return { shared };
}

interface Problem {
  readonly path: string;
  readonly message: string;
}

/** The node port an entry of a port number gets (undefined: one the server picks), and the entry that requests it (or gets it picked). */
interface SharedNodePort {
  readonly nodePort?: number;
  readonly from: number;
}

/** What the node port allocation says: the problem it fails with, alone, and the node ports it writes into entries without one, by index. */
interface Allocation {
  readonly problem?: Problem;
  readonly shared: ReadonlyMap<number, SharedNodePort>;
}

// Go: validateServicePort (validation.go)
function validateServicePort(p: any, written: any, requireName: boolean, names: Map<string, number>, index: number, problems: Problems): void {
  const path = `spec.ports[${index}]`;
  if (p.name === undefined || p.name === '') {
    if (requireName) {
      problems.add(`${path}.name`, 'is required when a Service has more than one port; name every port (e.g. \'http\').');
    }
  } else {
    const r = typeof p.name === 'string' ? dns1123Label(p.name) : 'must be a string';
    if (r) {
      problems.add(`${path}.name`, `Service port name ${show(p.name)} is invalid: it ${r}.`);
    }
    if (names.has(p.name)) {
      problems.add(`${path}.name`, `${show(p.name)} is already used by spec.ports[${names.get(p.name)}]; give each port a unique name.`);
    } else {
      names.set(p.name, index);
    }
  }
  checkPortNumber(p.port, `${path}.port`, true, problems);
  if (!(Object.values(Protocol) as unknown[]).includes(p.protocol)) {
    problems.add(`${path}.protocol`, `${show(p.protocol)} is not supported; use Protocol.TCP, UDP or SCTP.`);
  }
  // A targetPort the server filled in from the port has the port's problem, reported once above.
  if (!(written.targetPort === undefined || written.targetPort === 0 || written.targetPort === '')) {
    validatePortNumOrName(p.targetPort, `${path}.targetPort`, problems);
  }
  if (p.appProtocol !== undefined && p.appProtocol !== null) {
    const r = typeof p.appProtocol === 'string' ? qualifiedName(p.appProtocol) : 'must be a string';
    if (r) {
      problems.add(`${path}.appProtocol`, `${show(p.appProtocol)} is not a valid application protocol: it ${r}; application protocols look like 'http', 'kubernetes.io/h2c' or 'example.com/custom'.`);
    }
  }
}

// Go: ValidatePortNumOrName (validation.go)
function validatePortNumOrName(targetPort: unknown, path: string, problems: Problems): void {
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
    // Only a port number the field takes: "0" (no target port) and "70000" are no fix.
    const number = /^[0-9]{1,10}$/.test(targetPort) && Number(targetPort) >= 1 && Number(targetPort) <= 65535 ? `; for the port number, write ${Number(targetPort)} without quotes` : '';
    problems.add(path, `${show(targetPort)} is not a valid container port name: it ${r}${number}.`);
  }
}

function checkNodePortRange(range: NodePortRange, value: unknown, path: string, problems: Problems): boolean {
  const { min, max } = range;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const what = typeof value === 'number' && value >= min && value <= max ? 'is not a whole number' : `is outside ${min}-${max}`;
    problems.add(path, `${show(value)} ${what}; pick a port in that range or omit it to let Kubernetes allocate one.`);
    return false;
  }
  return true;
}

// Go: validateClientIPAffinityConfig (validation.go), with ValidateService's supportedSessionAffinityType
function validateSessionAffinity(spec: any, problems: Problems): void {
  const affinity = spec.sessionAffinity;
  if (!(Object.values(SessionAffinity) as unknown[]).includes(affinity)) {
    problems.add('spec.sessionAffinity', `${show(affinity)} is not supported; use SessionAffinity.NONE or CLIENT_IP.`);
    return;
  }
  if (affinity !== SessionAffinity.CLIENT_IP) {
    return;
  }
  // Go: validateAffinityTimeout: 0 < timeoutSeconds <= 86400.
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    const what = typeof timeout === 'number' && timeout >= 1 && timeout <= MAX_CLIENT_IP_AFFINITY_SECONDS ? 'is not a whole number' : `is outside 1-${MAX_CLIENT_IP_AFFINITY_SECONDS}`;
    problems.add('spec.sessionAffinityConfig.clientIP.timeoutSeconds', `${show(timeout)} ${what}; use a whole number of seconds up to one day, or omit it for the default ${DEFAULT_CLIENT_IP_AFFINITY_SECONDS}.`);
  }
}

/** The field the user wrote the cluster IPs in, for messages. */
function clusterIPPath(written: any, i: number): string {
  return written.clusterIPs !== undefined || i > 0 ? `spec.clusterIPs[${i}]` : 'spec.clusterIP';
}

// Go: ValidateServiceClusterIPsRelatedFields (validation.go)
function validateServiceClusterIPsRelatedFields(spec: any, written: any, problems: Problems): void {
  if (spec.type === ServiceType.EXTERNAL_NAME) {
    return;
  }
  const ips: unknown[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  const clusterIP = spec.clusterIP;
  // clusterIP and clusterIPs[0] must agree (the registry copies clusterIP into an empty clusterIPs).
  if (typeof clusterIP === 'string' && clusterIP.length > 0) {
    if (ips.length > 0 && ips[0] !== clusterIP) {
      problems.add('spec.clusterIPs', `${show(ips)} must start with clusterIP ${show(clusterIP)}; make clusterIPs[0] the clusterIP, or remove one of the two fields.`);
    }
  } else if (ips.length > 0) {
    problems.add('spec.clusterIPs', `${show(ips)} must be empty when clusterIP is not set; set clusterIP to clusterIPs[0] as well, or remove clusterIPs.`);
  }
  // ipFamilies: each IPv4 or IPv6, no duplicates (so at most two).
  const families: unknown[] = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [];
  const seen = new Set<unknown>();
  families.forEach((f, i) => {
    if (!(Object.values(IpFamily) as unknown[]).includes(f)) {
      problems.add(`spec.ipFamilies[${i}]`, `${show(f)} is not supported; use IpFamily.IPV4 or IPV6.`);
    } else if (seen.has(f)) {
      problems.add(`spec.ipFamilies[${i}]`, `${show(f)} is listed twice; list each family once (at most IPv4 and IPv6).`);
    }
    seen.add(f);
  });
  const policy = spec.ipFamilyPolicy;
  if (policy !== undefined && policy !== null && !(Object.values(IpFamilyPolicy) as unknown[]).includes(policy)) {
    problems.add('spec.ipFamilyPolicy', `${show(policy)} is not supported; use IpFamilyPolicy.SINGLE_STACK, PREFER_DUAL_STACK or REQUIRE_DUAL_STACK.`);
  }
  // clusterIPs: "None" only as the first and only value, else valid IPs (IsValidIP: ParseIPSloppy).
  let invalid = false;
  const parsed: (ParsedIP | undefined)[] = [];
  ips.forEach((ip, i) => {
    if (i === 0 && ip === CLUSTER_IP_NONE) {
      if (ips.length > 1) {
        invalid = true;
        problems.add('spec.clusterIPs', `${show(ips)}: "None" must be the first and only value; a headless Service has no cluster IP of either family.`);
      }
      return;
    }
    const p = parseIPSloppy(ip);
    parsed[i] = p;
    if (!p) {
      invalid = true;
      problems.add(clusterIPPath(written, i), i === 0
        ? `${show(ip)} must be empty, "None" (ExposedService.CLUSTER_IP_NONE) or a valid IP address (e.g. '10.96.0.10').`
        : `${show(ip)} must be a valid IP address (e.g. 'fd00:10:96::a').`);
    }
  });
  if (ips.length > 2) {
    problems.add('spec.clusterIPs', `${show(ips)} may hold at most 2 addresses, one per IP family.`);
  }
  if (invalid) {
    return;
  }
  if (ips.length > 1 && ips[0] !== CLUSTER_IP_NONE) {
    const fams = new Set(parsed.map((p) => p?.family));
    if (fams.size < 2) {
      problems.add('spec.clusterIPs', `${show(ips)} may hold no more than one address of each IP family; list one IPv4 and one IPv6 address.`);
    }
  }
  // Each cluster IP must be of the family at the same index of ipFamilies.
  if (!isHeadless(spec) && ips.length > 0) {
    ips.forEach((ip, i) => {
      const want = families[i];
      const got = parsed[i]?.family === 6 ? IpFamily.IPV6 : IpFamily.IPV4;
      if ((want === IpFamily.IPV4 || want === IpFamily.IPV6) && want !== got) {
        problems.add(clusterIPPath(written, i), i === 0
          ? `${show(ip)} is an ${got} address but ipFamilies[0] is ${want}; use an ${want} cluster IP or put ${got} first.`
          : `${show(ip)} is an ${got} address but ipFamilies[${i}] is ${want}; list the addresses in the order of ipFamilies.`);
      }
    });
  }
}

// Go: initIPFamilyFields (pkg/registry/core/service/storage/alloc.go): on create an unset policy
// is SingleStack (RequireDualStack for a headless Service without selector), and SingleStack
// allows one cluster IP and one family. Whether the cluster is dual-stack is not known here.
function initIPFamilyFields(spec: any, written: any, problems: Problems): void {
  if (spec.type === ServiceType.EXTERNAL_NAME) {
    return;
  }
  let policy = spec.ipFamilyPolicy;
  if (policy === undefined || policy === null) {
    const selectorless = !spec.selector || typeof spec.selector !== 'object' || Object.keys(spec.selector).length === 0;
    policy = spec.clusterIP === CLUSTER_IP_NONE && selectorless ? IpFamilyPolicy.REQUIRE_DUAL_STACK : IpFamilyPolicy.SINGLE_STACK;
  }
  if (policy !== IpFamilyPolicy.SINGLE_STACK) {
    return;
  }
  // Unset, it is SingleStack on create (initIPFamilyFields): say so rather than show undefined.
  const policyShown = written.ipFamilyPolicy === undefined || written.ipFamilyPolicy === null || written.ipFamilyPolicy === ''
    ? 'is not set, so it is SingleStack, which' : show(written.ipFamilyPolicy);
  const ips: unknown[] = Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [];
  if (ips.length === 2) {
    problems.add('spec.ipFamilyPolicy', `${policyShown} does not allow the two clusterIPs ${ips.join(', ')}; set ipFamilyPolicy to IpFamilyPolicy.PREFER_DUAL_STACK or REQUIRE_DUAL_STACK, or list one address.`);
  }
  const families: unknown[] = Array.isArray(spec.ipFamilies) ? spec.ipFamilies : [];
  const known = families.filter((f) => (Object.values(IpFamily) as unknown[]).includes(f));
  if (families.length === 2 && new Set(known).size === 2) {
    problems.add('spec.ipFamilyPolicy', `${policyShown} does not allow the two ipFamilies ${families.join(', ')}; set ipFamilyPolicy to IpFamilyPolicy.PREFER_DUAL_STACK or REQUIRE_DUAL_STACK, or list one family.`);
  }
}

// ValidateService: externalIPs: IsValidIP, then ValidateNonSpecialIP.
function validateExternalIPs(spec: any, problems: Problems): void {
  if (!Array.isArray(spec.externalIPs)) {
    return;
  }
  spec.externalIPs.forEach((ip: unknown, i: number) => {
    const path = `spec.externalIPs[${i}]`;
    const parsed = parseIPSloppy(ip);
    if (!parsed) {
      problems.add(path, `${show(ip)} is not a valid IP address; write an address such as '192.0.2.10' or '2001:db8::10'.`);
      return;
    }
    validateNonSpecialIP(ip as string, parsed, path, problems);
  });
}

// Go: ValidateNonSpecialIP (validation.go): not unspecified, loopback, link-local or link-local multicast.
function validateNonSpecialIP(ip: string, parsed: ParsedIP, path: string, problems: Problems): void {
  const b = parsed.bytes;
  const fix = 'use an address that clients reach the Service on.';
  if (parsed.family === 4) {
    const [o1, o2, o3, o4] = b.slice(12);
    if (o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0) {
      problems.add(path, `${show(ip)} may not be unspecified (0.0.0.0, ::); ${fix}`);
    }
    if (o1 === 127) {
      problems.add(path, `${show(ip)} may not be in the loopback range (127.0.0.0/8, ::1/128); ${fix}`);
    }
    if (o1 === 169 && o2 === 254) {
      problems.add(path, `${show(ip)} may not be in the link-local range (169.254.0.0/16, fe80::/10); ${fix}`);
    }
    if (o1 === 224 && o2 === 0 && o3 === 0) {
      problems.add(path, `${show(ip)} may not be in the link-local multicast range (224.0.0.0/24, ff02::/10); ${fix}`);
    }
    return;
  }
  if (b.every((x) => x === 0)) {
    problems.add(path, `${show(ip)} may not be unspecified (0.0.0.0, ::); ${fix}`);
  }
  if (b.slice(0, 15).every((x) => x === 0) && b[15] === 1) {
    problems.add(path, `${show(ip)} may not be in the loopback range (127.0.0.0/8, ::1/128); ${fix}`);
  }
  if (b[0] === 0xFE && b[1] >= 0x80 && b[1] < 0xC0) {
    problems.add(path, `${show(ip)} may not be in the link-local range (169.254.0.0/16, fe80::/10); ${fix}`);
  }
  if (b[0] === 0xFF && b[1] % 16 === 2) {
    problems.add(path, `${show(ip)} may not be in the link-local multicast range (224.0.0.0/24, ff02::/10); ${fix}`);
  }
}

// ValidateService: loadBalancerSourceRanges (or the deprecated annotation),
// allocateLoadBalancerNodePorts; validateLoadBalancerClassField.
function validateLoadBalancerFields(spec: any, annotations: Record<string, unknown> | undefined, problems: Problems): void {
  const isLoadBalancer = spec.type === ServiceType.LOAD_BALANCER;
  const onlyLoadBalancer = (field: string, value: unknown) => problems.add(`spec.${field}`,
    `${show(value)} may only be used when type is LoadBalancer; use ExposedService.loadBalancer() (type: ServiceType.LOAD_BALANCER) or remove ${field}.`);

  // Each a CIDR (IsValidCIDR: ParseCIDRSloppy), space padding tolerated.
  const ranges = spec.loadBalancerSourceRanges;
  if (Array.isArray(ranges) && ranges.length > 0) {
    if (!isLoadBalancer) {
      onlyLoadBalancer('loadBalancerSourceRanges', ranges);
    }
    ranges.forEach((r, i) => {
      if (typeof r !== 'string' || !isCidr(goTrimSpace(r))) {
        problems.add(`spec.loadBalancerSourceRanges[${i}]`, `${show(r)} is not a valid CIDR; write an IP range such as '10.0.0.0/8' or '2001:db8::/32'.`);
      }
    });
  } else if (annotations && typeof annotations === 'object' && SOURCE_RANGES_ANNOTATION in annotations) {
    const path = `metadata.annotations.${SOURCE_RANGES_ANNOTATION}`;
    const value = annotations[SOURCE_RANGES_ANNOTATION];
    if (!isLoadBalancer) {
      problems.add(path, 'may only be used when type is LoadBalancer; use ExposedService.loadBalancer() or remove the annotation.');
    }
    const text = typeof value === 'string' ? goTrimSpace(value) : '';
    const bad = text === '' ? [] : text.split(',').map(goTrimSpace).filter((v) => !isCidr(v));
    if (bad.length > 0) {
      problems.add(path, `${bad.map((b) => show(b)).join(', ')} ${bad.length === 1 ? 'is not a valid CIDR' : 'are not valid CIDRs'}; write IP ranges such as '10.0.0.0/8' (prefer the loadBalancerSourceRanges prop).`);
    }
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null && !isLoadBalancer) {
    onlyLoadBalancer('allocateLoadBalancerNodePorts', spec.allocateLoadBalancerNodePorts);
  }
  validateLoadBalancerClassField(spec, isLoadBalancer, onlyLoadBalancer, problems);
}

// Go: validateLoadBalancerClassField (validation.go): only for LoadBalancer, a qualified name.
function validateLoadBalancerClassField(
  spec: any, isLoadBalancer: boolean, onlyLoadBalancer: (f: string, v: unknown) => void, problems: Problems,
): void {
  const value = spec.loadBalancerClass;
  if (value === undefined || value === null) {
    return;
  }
  if (!isLoadBalancer) {
    onlyLoadBalancer('loadBalancerClass', value);
    return; // (its form is checked on a LoadBalancer only)
  }
  const r = typeof value === 'string' ? qualifiedName(value) : 'must be a string';
  if (r) {
    problems.add('spec.loadBalancerClass', `${show(value)} is not a valid load balancer class: it ${r}; load balancer classes look like 'example.com/internal-vip'.`);
  }
}

// Go: validateServiceExternalTrafficPolicy (validation.go)
function validateServiceExternalTrafficPolicy(spec: any, problems: Problems): void {
  const policy = spec.externalTrafficPolicy;
  if (!externallyAccessible(spec)) {
    if (policy !== undefined && policy !== '') {
      problems.add('spec.externalTrafficPolicy', `${show(policy)} may only be set when type is NodePort or LoadBalancer, or on a ClusterIP Service with externalIPs; change the type, add externalIPs, or remove externalTrafficPolicy (use internalTrafficPolicy for traffic from inside the cluster).`);
    }
  } else if (!(Object.values(TrafficPolicy) as unknown[]).includes(policy)) {
    problems.add('spec.externalTrafficPolicy', `${show(policy)} is not supported; use TrafficPolicy.CLUSTER or LOCAL.`);
  }
  const hc = spec.healthCheckNodePort;
  if (hc === undefined || hc === 0) {
    return; // unset, or allocated by the registry when needed
  }
  if (!needsHealthCheck(spec)) {
    problems.add('spec.healthCheckNodePort', `${show(hc)} may only be set when type is LoadBalancer and externalTrafficPolicy is Local; set both (ExposedService.loadBalancer() with TrafficPolicy.LOCAL) or remove healthCheckNodePort.`);
  }
  // (Its range, and a clash with a node port, are allocation problems: allocateNodePorts.)
}

// Go: validateServiceInternalTrafficFieldsValue (validation.go)
function validateServiceInternalTrafficFieldsValue(spec: any, problems: Problems): void {
  const policy = spec.internalTrafficPolicy;
  if (policy !== undefined && policy !== null && !(Object.values(TrafficPolicy) as unknown[]).includes(policy)) {
    problems.add('spec.internalTrafficPolicy', `${show(policy)} is not supported; use TrafficPolicy.CLUSTER or LOCAL.`);
  }
}

// Go: validateServiceTrafficDistribution (validation.go); ServiceTrafficDistribution is on by default in 1.32.
function validateServiceTrafficDistribution(spec: any, problems: Problems): void {
  const value = spec.trafficDistribution;
  if (value !== undefined && value !== null && value !== TRAFFIC_DISTRIBUTION_PREFER_CLOSE) {
    problems.add('spec.trafficDistribution', `${show(value)} is not supported by Kubernetes 1.32; use ${show(TRAFFIC_DISTRIBUTION_PREFER_CLOSE)} or remove trafficDistribution.`);
  }
}
