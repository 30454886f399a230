import { isIP } from 'net';
import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { unknownFields } from './k8s-values';
import { manifestForValidation } from './manifest';
import { Problems, show } from './problems';
import { IServiceTarget, _ServiceTargetHints } from './service-target';
import { checkPortNumber, validateLabels, validateObjectMeta, validateYamlScalars } from './validation';
import { dns1035Label, dns1123Label, ianaServiceName, qualifiedName } from './validation/names';

/**
 * How a Service is exposed.
 */
export enum ServiceType {
  /** Reachable only inside the cluster, on a virtual IP (the Kubernetes default). */
  CLUSTER_IP = 'ClusterIP',
  /** Also reachable on a port of every node (30000-32767 by default). */
  NODE_PORT = 'NodePort',
  /** Also reachable through a cloud load balancer (and node ports). */
  LOAD_BALANCER = 'LoadBalancer',
}

/**
 * Network protocol of a port.
 */
export enum Protocol {
  /** TCP (the Kubernetes default). */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
  /** SCTP. */
  SCTP = 'SCTP',
}

/**
 * Whether a client's connections keep going to the same pod.
 */
export enum SessionAffinity {
  /** Every connection may go to any ready pod (the Kubernetes default). */
  NONE = 'None',
  /** Connections from one client IP go to the same pod, for `sessionAffinityTimeoutSeconds`. */
  CLIENT_IP = 'ClientIP',
}

/**
 * Which endpoints traffic is routed to (`externalTrafficPolicy`, `internalTrafficPolicy`).
 */
export enum TrafficPolicy {
  /** Any ready endpoint in the cluster (the Kubernetes default). */
  CLUSTER = 'Cluster',
  /** Only endpoints on the node that received the traffic (keeps the client source IP for external traffic). */
  LOCAL = 'Local',
}

/**
 * Whether a Service gets one cluster IP or one per IP family.
 */
export enum IpFamilyPolicy {
  /** One IP family (the Kubernetes default). */
  SINGLE_STACK = 'SingleStack',
  /** Both families on a dual-stack cluster, one on a single-stack cluster. */
  PREFER_DUAL_STACK = 'PreferDualStack',
  /** Both families, failing on a single-stack cluster. */
  REQUIRE_DUAL_STACK = 'RequireDualStack',
}

/**
 * An IP family.
 */
export enum IpFamily {
  /** IPv4. */
  IPV4 = 'IPv4',
  /** IPv6. */
  IPV6 = 'IPv6',
}

/**
 * One port of a Service.
 */
export interface ServicePort {
  /** The port the Service listens on (1-65535). */
  readonly port: number;

  /**
   * The container port traffic goes to: a number, or the name of a container port.
   *
   * @default - not set: Kubernetes uses the same value as `port`
   */
  readonly targetPort?: number | string;

  /**
   * The port on every node (NodePort and LoadBalancer only), inside the cluster's node port range.
   *
   * @default - not set: Kubernetes allocates a free node port
   */
  readonly nodePort?: number;

  /**
   * The port's name (a DNS-1123 label), required when the Service has more than one port.
   *
   * @default - no name
   */
  readonly name?: string;

  /**
   * The port's protocol.
   *
   * @default - not set: Kubernetes uses TCP
   */
  readonly protocol?: Protocol;
}

/**
 * The node port range of the cluster (kube-apiserver `--service-node-port-range`).
 */
export interface NodePortRange {
  /** Lowest allowed node port. */
  readonly min: number;
  /** Highest allowed node port. */
  readonly max: number;
}

/**
 * Everything about an `ExposedService` but its type: the props of the static factories
 * (`ExposedService.clusterIp()`, `.nodePort()`, `.loadBalancer()`, `.headless()`).
 */
export interface ExposedServiceOptions {
  /**
   * Metadata of the Service: name (an RFC 1035 label), namespace, labels, annotations
   * (e.g. a cloud's load balancer annotations).
   *
   * @default - cdk8s generates a unique name from the construct path
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * The Service's ports. At least one, unless the Service is headless.
   *
   * @default - no ports (only allowed for a headless Service)
   */
  readonly ports?: ServicePort[];

  /**
   * What the Service exposes: a pod pattern of this library, `ServiceTarget.fromKplus()` or
   * `ServiceTarget.fromLabels()`. Its pods' labels become the selector. Give `target` or
   * `selector`, not both.
   *
   * @default - use `selector`
   */
  readonly target?: IServiceTarget;

  /**
   * Labels that select the pods, when there is no `target`.
   *
   * @default - use `target`
   */
  readonly selector?: { [key: string]: string };

  /**
   * The cluster IP: an IPv4 or IPv6 address inside the cluster's service range, or
   * `ExposedService.CLUSTER_IP_NONE` for a headless Service (prefer `ExposedService.headless()`).
   *
   * @default - not set: Kubernetes allocates one
   */
  readonly clusterIP?: string;

  /**
   * Whether connections from one client go to the same pod.
   *
   * @default - not set: Kubernetes uses None
   */
  readonly sessionAffinity?: SessionAffinity;

  /**
   * How long (1-86400 seconds) a client sticks to its pod; only with `SessionAffinity.CLIENT_IP`.
   *
   * @default - not set: Kubernetes uses 10800 (3 hours)
   */
  readonly sessionAffinityTimeoutSeconds?: number;

  /**
   * Where traffic from outside the cluster goes (NodePort and LoadBalancer only).
   *
   * @default - not set: Kubernetes uses Cluster
   */
  readonly externalTrafficPolicy?: TrafficPolicy;

  /**
   * Where traffic from inside the cluster goes.
   *
   * @default - not set: Kubernetes uses Cluster
   */
  readonly internalTrafficPolicy?: TrafficPolicy;

  /**
   * Whether pods that are not ready are published too (e.g. for peer discovery through a
   * headless Service).
   *
   * @default - not set: Kubernetes uses false
   */
  readonly publishNotReadyAddresses?: boolean;

  /**
   * One cluster IP or one per IP family. Two `ipFamilies` need PREFER_DUAL_STACK or REQUIRE_DUAL_STACK.
   *
   * @default - not set: Kubernetes uses SingleStack (RequireDualStack for a headless Service without selector)
   */
  readonly ipFamilyPolicy?: IpFamilyPolicy;

  /**
   * The IP families, primary first (one or two, no repeats).
   *
   * @default - not set: Kubernetes uses the cluster's primary family (and the other one for dual-stack policies)
   */
  readonly ipFamilies?: IpFamily[];

  /**
   * Client CIDRs allowed through the load balancer, e.g. `['10.0.0.0/8']` (LoadBalancer only).
   *
   * @default - not set: the cloud allows every client
   */
  readonly loadBalancerSourceRanges?: string[];

  /**
   * The load balancer implementation, a qualified name such as `example.com/internal-vip`
   * (LoadBalancer only).
   *
   * @default - not set: the cloud provider's default load balancer
   */
  readonly loadBalancerClass?: string;

  /**
   * Whether node ports are allocated for the load balancer (LoadBalancer only).
   *
   * @default - not set: Kubernetes uses true
   */
  readonly allocateLoadBalancerNodePorts?: boolean;

  /**
   * The node port of the health check (LoadBalancer with `externalTrafficPolicy` Local only),
   * inside the node port range.
   *
   * @default - not set: Kubernetes allocates one when it is needed
   */
  readonly healthCheckNodePort?: number;

  /**
   * The cluster's node port range, if it was changed with `--service-node-port-range`.
   *
   * @default { min: 30000, max: 32767 } - the Kubernetes default
   */
  readonly nodePortRange?: NodePortRange;
}

/**
 * Props for `ExposedService`.
 */
export interface ExposedServiceProps extends ExposedServiceOptions {
  /**
   * How the Service is exposed.
   *
   * @default - not written: Kubernetes makes a ClusterIP Service
   */
  readonly type?: ServiceType;
}

// Limits from kubernetes pkg/apis/core/types.go (MaxClientIPServiceAffinitySeconds).
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const CLUSTER_IP_NONE = 'None';
// Deprecated annotation form of spec.loadBalancerSourceRanges (core.AnnotationLoadBalancerSourceRangesKey).
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

/**
 * A Service of type ClusterIP, NodePort or LoadBalancer (or a headless one) that exposes pods.
 *
 * It writes exactly what was declared plus what Kubernetes requires: no type unless given,
 * no targetPort, protocol or policy unless given. Every option is checked where the API
 * server checks it (kubernetes `pkg/apis/core/validation` `ValidateService`), so a
 * combination Kubernetes rejects fails at synth time, with the fix.
 */
export class ExposedService extends Construct {
  /** The `clusterIP` of a headless Service: no virtual IP, DNS returns the pods' IPs. */
  public static readonly CLUSTER_IP_NONE = CLUSTER_IP_NONE;

  /** A ClusterIP Service (writes `type: ClusterIP`): reachable inside the cluster only. */
  public static clusterIp(scope: Construct, id: string, options: ExposedServiceOptions): ExposedService {
    return new ExposedService(scope, id, { ...options, type: ServiceType.CLUSTER_IP });
  }

  /** A NodePort Service (writes `type: NodePort`): also reachable on a port of every node. */
  public static nodePort(scope: Construct, id: string, options: ExposedServiceOptions): ExposedService {
    return new ExposedService(scope, id, { ...options, type: ServiceType.NODE_PORT });
  }

  /** A LoadBalancer Service (writes `type: LoadBalancer`): also reachable through a cloud load balancer. */
  public static loadBalancer(scope: Construct, id: string, options: ExposedServiceOptions): ExposedService {
    return new ExposedService(scope, id, { ...options, type: ServiceType.LOAD_BALANCER });
  }

  /**
   * A headless Service (writes `clusterIP: None`, no type): no virtual IP, DNS returns the
   * IPs of the selected pods (e.g. for a StatefulSet). `ports` may be omitted.
   */
  public static headless(scope: Construct, id: string, options: ExposedServiceOptions): ExposedService {
    const problem = options.clusterIP !== undefined && options.clusterIP !== CLUSTER_IP_NONE
      ? `clusterIP ${show(options.clusterIP)} contradicts ExposedService.headless(), which sets it to "None"; remove clusterIP or use ExposedService.clusterIp()`
      : undefined;
    const service = new ExposedService(scope, id, { ...options, clusterIP: CLUSTER_IP_NONE });
    service.factoryProblem = problem;
    return service;
  }

  /** The Service API object written to the manifest: the escape hatch. */
  public readonly apiObject: ApiObject;
  /** The Service's `metadata.name`. */
  public readonly name: string;
  /** The Service type (ClusterIP when none was declared). */
  public readonly type: ServiceType;
  /** Whether the Service is headless (`clusterIP: None`). */
  public readonly isHeadless: boolean;
  /** The exposed target, when one was given. */
  public readonly target?: IServiceTarget;
  /** The node port range this Service is checked against. */
  public readonly nodePortRange: NodePortRange;

  private readonly props: ExposedServiceProps;
  private readonly ports?: ServicePort[];
  private readonly selector?: { [key: string]: string };
  private factoryProblem?: string;

  public constructor(scope: Construct, id: string, props: ExposedServiceProps) {
    super(scope, id);
    this.props = props;
    this.type = props.type ?? ServiceType.CLUSTER_IP;
    this.isHeadless = props.clusterIP === CLUSTER_IP_NONE;
    this.target = props.target;
    this.selector = props.selector ? { ...props.selector } : undefined;
    this.ports = props.ports ? [...props.ports] : undefined;
    this.nodePortRange = props.nodePortRange ?? { min: 30000, max: 32767 };

    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => this.renderSpec() }),
    });
    this.name = this.apiObject.name;
    this.node.addValidation({ validate: () => this.validateManifest() });
  }

  private renderSpec(): Record<string, any> {
    const p = this.props;
    const selector = this.target ? this.target.selectorLabels() : this.selector;
    return {
      type: p.type,
      clusterIP: p.clusterIP,
      selector: selector && Object.keys(selector).length > 0 ? selector : undefined,
      ports: this.ports?.map((port) => ({
        name: port.name,
        protocol: port.protocol,
        port: port.port,
        targetPort: port.targetPort,
        nodePort: port.nodePort,
      })),
      sessionAffinity: p.sessionAffinity,
      sessionAffinityConfig: p.sessionAffinityTimeoutSeconds === undefined
        ? undefined
        : { clientIP: { timeoutSeconds: p.sessionAffinityTimeoutSeconds } },
      externalTrafficPolicy: p.externalTrafficPolicy,
      internalTrafficPolicy: p.internalTrafficPolicy,
      publishNotReadyAddresses: p.publishNotReadyAddresses,
      ipFamilyPolicy: p.ipFamilyPolicy,
      ipFamilies: p.ipFamilies ? [...p.ipFamilies] : undefined,
      loadBalancerSourceRanges: p.loadBalancerSourceRanges ? [...p.loadBalancerSourceRanges] : undefined,
      loadBalancerClass: p.loadBalancerClass,
      allocateLoadBalancerNodePorts: p.allocateLoadBalancerNodePorts,
      healthCheckNodePort: p.healthCheckNodePort,
    };
  }

  // Every check reads the final manifest (escape-hatch edits included). Each cites the
  // kubernetes function it mirrors: pkg/apis/core/validation/validation.go unless noted.
  private validateManifest(): string[] {
    const manifest = manifestForValidation(this.apiObject, () => this.renderSpec());
    const spec = manifest.spec ?? {};
    const problems = new Problems();
    if (this.factoryProblem) {
      problems.add('spec.clusterIP', `${this.factoryProblem}.`);
    }
    // ValidateService -> ValidateObjectMeta with ValidateServiceName (NameIsDNS1035Label).
    validateObjectMeta(manifest.metadata, 'metadata', problems, dns1035Label, 'a Service name (an RFC 1035 label)');
    this.validateSelector(spec, problems);
    this.validateTypeAndClusterIP(spec, problems);
    this.validatePorts(spec, problems);
    // This library's rule (see validateYamlScalars): no value that kubectl's YAML reader turns into a number.
    validateYamlScalars(spec, 'spec', problems);
    unknownFields('ServiceSpec', spec, 'spec', problems);
    validateSessionAffinity(spec, problems);
    validateIpFamilies(spec, problems);
    validateLoadBalancerFields(spec, manifest.metadata?.annotations, problems);
    this.validateTrafficPolicies(spec, problems);
    return problems.toErrors(`ExposedService '${this.name}'`);
  }

  // Library contract (not an API server rule): an ExposedService exposes pods, so it must select some.
  private validateSelector(spec: any, problems: Problems): void {
    if (this.target && this.selector) {
      problems.add('spec.selector', 'both target and selector are set; pass one: target to expose a pod pattern, selector for plain labels.');
      return;
    }
    if (this.target) {
      const labels = this.target.selectorLabels();
      if (Object.keys(labels).length === 0) {
        const fix = (this.target as _ServiceTargetHints)._missingLabelsFix ?? "add metadata.labels to it (e.g. { app: 'web' })";
        problems.add('spec.selector', `target ${this.target.targetDescription} has no labels, so no selector can match its pods; ${fix}.`);
        return;
      }
      for (const [k, v] of Object.entries(labels)) {
        if (spec.selector?.[k] !== v) {
          problems.add('spec.selector', `does not select ${this.target.targetDescription}: it needs ${k}=${v} but has ${show(spec.selector?.[k])}; keep the selector equal to the target's labels.`);
        }
      }
    } else if (!this.selector || Object.keys(this.selector).length === 0) {
      problems.add('spec.selector', 'the Service selects no pods; pass target (a pod pattern) or selector (labels). (Kubernetes also allows a Service without selector, for endpoints managed by hand; ExposedService exposes pods, so it requires one.)');
    }
    // ValidateService -> ValidateLabels(spec.selector).
    validateLabels(spec.selector, 'spec.selector', problems);
  }

  private validateTypeAndClusterIP(spec: any, problems: Problems): void {
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

  private validatePorts(spec: any, problems: Problems): void {
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
    const known = this.target?.containerPorts();
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
      this.validateTargetPort(p.targetPort, `${path}.targetPort`, protocol, known, problems);
      if (p.nodePort !== undefined) {
        if (type === ServiceType.CLUSTER_IP) {
          // ValidateService: nodePort "may not be used when `type` is 'ClusterIP'".
          problems.add(`${path}.nodePort`, `${show(p.nodePort)} may not be used when type is ClusterIP; set type to ServiceType.NODE_PORT or LOAD_BALANCER, or remove nodePort.`);
        } else {
          // pkg/registry/core/service/portallocator: a requested node port must be inside the range.
          this.checkNodePortRange(p.nodePort, `${path}.nodePort`, problems);
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

  private checkNodePortRange(value: unknown, path: string, problems: Problems): boolean {
    const { min, max } = this.nodePortRange;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.add(path, `${show(value)} is outside ${min}-${max}; pick a port in that range or omit it to let Kubernetes allocate one.`);
      return false;
    }
    return true;
  }

  // validateServicePort -> ValidatePortNumOrName; then, this library's own check: a named
  // targetPort must name a container port of the target (with the same protocol) when its
  // ports are known, as the endpoints controller would otherwise find no port and route nowhere.
  private validateTargetPort(targetPort: unknown, path: string, protocol: string, known: any[] | undefined, problems: Problems): void {
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
      return;
    }
    if (known && this.target) {
      const match = known.find((cp) => cp.name === targetPort);
      if (!match) {
        const names = known.filter((cp) => cp.name).map((cp) => show(cp.name));
        problems.add(path, `${show(targetPort)} names no container port of ${this.target.targetDescription}; use one of ${names.length ? names.join(', ') : '(none: name a container port first)'} or a port number.`);
      } else if ((match.protocol ?? Protocol.TCP) !== protocol) {
        problems.add(path, `${show(targetPort)} is a ${match.protocol ?? Protocol.TCP} container port but this Service port is ${protocol}; make the protocols match.`);
      }
    }
  }

  private validateTrafficPolicies(spec: any, problems: Problems): void {
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
      } else if (this.checkNodePortRange(hc, 'spec.healthCheckNodePort', problems)) {
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
function isCidr(value: string): boolean {
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
