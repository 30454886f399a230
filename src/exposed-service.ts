import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { keysThroughPrototype, kindOf, toManifestValue } from './k8s-values';
import { resolvedAsWritten } from './mounts';
import { subjectOf } from './pod-workload';
import { Problems, show, threwProblem } from './problems';
import { isCdk8sToken, readProps, TOKEN_PROBLEM, tokenProblems } from './props';
import { IServiceTarget, _ServiceTargetHints } from './service-target';
import { ValidatedApiObject, _ManifestChecks } from './validated-api-object';
import { validateObject } from './validation';
import { ianaServiceName } from './validation/names';

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
  /** A DNS alias (CNAME) for `externalName`: no cluster IP, no pods, no proxying. */
  EXTERNAL_NAME = 'ExternalName',
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
 * A preference for how traffic is spread over the endpoints (`trafficDistribution`, Kubernetes
 * 1.31 and later; 1.30 only behind the ServiceTrafficDistribution feature gate).
 */
export enum TrafficDistribution {
  /** Endpoints topologically close to the client first (the same zone), when there are enough. */
  PREFER_CLOSE = 'PreferClose',
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

  /**
   * The application protocol, a hint for proxies and load balancers: an IANA service name
   * (`http`, `https`), a `kubernetes.io/` name (`kubernetes.io/h2c`, `kubernetes.io/ws`) or a
   * domain-prefixed name (`example.com/custom`).
   *
   * @default - not set
   */
  readonly appProtocol?: string;
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
   * The Service's ports. At least one, unless the Service is headless or ExternalName.
   *
   * @default - no ports (only allowed for a headless or ExternalName Service)
   */
  readonly ports?: ServicePort[];

  /**
   * The DNS name an `ExternalName` Service aliases (e.g. `db.example.com`); only with
   * `ServiceType.EXTERNAL_NAME` (see `ExposedService.externalName()`).
   *
   * @default - not set
   */
  readonly externalName?: string;

  /**
   * IP addresses outside the cluster that route to this Service's ports on every node.
   *
   * @default - none
   */
  readonly externalIPs?: string[];

  /**
   * A Service whose endpoints are managed elsewhere (EndpointSlices you write, a controller):
   * no selector is written, and none is required. Give no `target` and no `selector`.
   *
   * @default false - the Service must select pods (`target` or `selector`)
   */
  readonly withoutSelector?: boolean;

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
   * The cluster IPs of a dual-stack Service, one per IP family, primary first: the first must be
   * `clusterIP` (set both), the second of the other family (`['10.96.0.10', 'fd00:10:96::a']`),
   * with `ipFamilyPolicy` PREFER_DUAL_STACK or REQUIRE_DUAL_STACK.
   *
   * @default - not set: `[clusterIP]` when `clusterIP` is set, else Kubernetes allocates them
   */
  readonly clusterIPs?: string[];

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
   * A preference for how traffic is spread over the endpoints: `PREFER_CLOSE` keeps it in the
   * client's zone where there are endpoints there (Kubernetes 1.31 and later).
   *
   * @default - not set: traffic goes to any endpoint
   */
  readonly trafficDistribution?: TrafficDistribution;

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

const CLUSTER_IP_NONE = 'None';
/** kube-apiserver's default --service-node-port-range (shared: most Services keep it). */
const DEFAULT_NODE_PORT_RANGE: NodePortRange = Object.freeze({ min: 30000, max: 32767 });

/**
 * A Service of type ClusterIP, NodePort or LoadBalancer (or a headless one) that exposes pods.
 *
 * It writes exactly what was declared plus what Kubernetes requires: no type unless given,
 * no targetPort, protocol or policy unless given. Every option is checked where the API
 * server checks it (kubernetes `pkg/apis/core/validation` `ValidateService`), so a
 * combination Kubernetes rejects fails at synth time, with the fix.
 */
export class ExposedService extends ValidatedApiObject {
  /** The `clusterIP` of a headless Service: no virtual IP, DNS returns the pods' IPs. */
  public static readonly CLUSTER_IP_NONE = CLUSTER_IP_NONE;

  /** A ClusterIP Service (writes `type: ClusterIP`): reachable inside the cluster only. */
  public static clusterIp(scope: Construct, id: string, options: ExposedServiceOptions): ExposedService {
    const read = readFactoryOptions('clusterIp', scope, id, options, ServiceType.CLUSTER_IP);
    return new ExposedService(scope, id, { ...read, type: ServiceType.CLUSTER_IP });
  }

  /** A NodePort Service (writes `type: NodePort`): also reachable on a port of every node. */
  public static nodePort(scope: Construct, id: string, options: ExposedServiceOptions): ExposedService {
    const read = readFactoryOptions('nodePort', scope, id, options, ServiceType.NODE_PORT);
    return new ExposedService(scope, id, { ...read, type: ServiceType.NODE_PORT });
  }

  /** A LoadBalancer Service (writes `type: LoadBalancer`): also reachable through a cloud load balancer. */
  public static loadBalancer(scope: Construct, id: string, options: ExposedServiceOptions): ExposedService {
    const read = readFactoryOptions('loadBalancer', scope, id, options, ServiceType.LOAD_BALANCER);
    return new ExposedService(scope, id, { ...read, type: ServiceType.LOAD_BALANCER });
  }

  /**
   * An ExternalName Service (writes `type: ExternalName`): a DNS alias for `externalName`, with
   * no selector; `ports` may be omitted.
   */
  public static externalName(scope: Construct, id: string, options: ExposedServiceOptions): ExposedService {
    const read = readFactoryOptions('externalName', scope, id, options, ServiceType.EXTERNAL_NAME);
    return new ExposedService(scope, id, { ...read, type: ServiceType.EXTERNAL_NAME });
  }

  /**
   * A headless Service (writes `clusterIP: None`, no type): no virtual IP, DNS returns the
   * IPs of the selected pods (e.g. for a StatefulSet). `ports` may be omitted.
   */
  public static headless(scope: Construct, id: string, options: ExposedServiceOptions): ExposedService {
    const read = readFactoryOptions('headless', scope, id, options, undefined);
    const problem = isCdk8sToken(read.clusterIP)
      ? `${TOKEN_PROBLEM} (${kindOf(read.clusterIP)}), but ExposedService.headless() sets clusterIP to "None" itself; remove clusterIP`
      : read.clusterIP !== undefined && read.clusterIP !== CLUSTER_IP_NONE
        ? `clusterIP ${show(read.clusterIP)} contradicts ExposedService.headless(), which sets it to "None"; remove clusterIP or use ExposedService.clusterIp()`
        : undefined;
    const service = new ExposedService(scope, id, { ...read, clusterIP: CLUSTER_IP_NONE });
    service.factoryProblem = problem;
    return service;
  }

  /** The Service type (ClusterIP when none was declared). */
  public readonly type: ServiceType;
  /** Whether the Service is headless (`clusterIP: None`). */
  public readonly isHeadless: boolean;
  /** The exposed target, when one was given. */
  public readonly target?: IServiceTarget;
  /** How the target names itself in messages (`targetDescription`, read once). */
  private readonly targetName: string = '';
  /** The node port range this Service is checked against. */
  public readonly nodePortRange: NodePortRange;

  private readonly fixedSpec: Record<string, any>;
  private readonly selector?: { [key: string]: string };
  private readonly withoutSelector: boolean;
  private readonly declaredNamespace?: string;
  private factoryProblem?: string;

  public constructor(scope: Construct, id: string, props: ExposedServiceProps) {
    const subject = subjectOf('ExposedService', scope, id, props);
    const read: ExposedServiceProps = readProps(subject, 'ExposedServiceProps', props);
    // Read when the Service is built: the range it checks node ports against, and each port.
    const tokens = [
      ...tokenProblems('ExposedService', read.nodePortRange, 'nodePortRange'),
      ...(read.ports ?? []).flatMap((port, i) => (isCdk8sToken(port) ? tokenProblems('ExposedService', [port], 'ports').map((m) => m.replace('ports[0]', `ports[${i}]`)) : [])),
    ];
    if (tokens.length > 0) {
      throw new Error(`${subject}: ${tokens[0]}.`);
    }
    let targetNamespace: string | undefined;
    try {
      targetNamespace = read.target?.targetNamespace;
    } catch (e) {
      // A hand-written IServiceTarget's getter: named, not escaped.
      throw new Error(`${subject}: target.targetNamespace: ${threwProblem(e)}`);
    }
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: read.metadata?.namespace === undefined && targetNamespace !== undefined
        ? { ...read.metadata, namespace: targetNamespace }
        : read.metadata,
      bodyFields: ['spec'],
      typeName: 'ExposedService',
    });
    try {
      this.declaredNamespace = read.metadata?.namespace;
      // "" is the API server's ClusterIP too (SetDefaults_Service); it is written as given.
      this.type = read.type || ServiceType.CLUSTER_IP;
      this.isHeadless = read.clusterIP === CLUSTER_IP_NONE;
      this.target = read.target;
      if (read.target !== undefined) {
        // A hand-written IServiceTarget (plain JavaScript): messages name the target by it, read once.
        let name: unknown;
        try {
          name = read.target.targetDescription;
        } catch (e) {
          throw new Error(`${this.description}: target.targetDescription: ${threwProblem(e)}`);
        }
        if (typeof name !== 'string') {
          throw new Error(`${this.description}: target: ${show(name)} is not a targetDescription; an IServiceTarget names itself in messages `
            + 'with a string (e.g. targetDescription: "the web pods"), or pass a pattern of this library or ServiceTarget.fromLabels().');
        }
        this.targetName = name;
      }
      this.selector = read.selector ? { ...read.selector } : undefined;
      this.withoutSelector = read.withoutSelector === true;
      this.nodePortRange = read.nodePortRange ? { min: read.nodePortRange.min, max: read.nodePortRange.max } : DEFAULT_NODE_PORT_RANGE;
      this.fixedSpec = toManifestValue({
        type: read.type,
        clusterIP: read.clusterIP,
        clusterIPs: read.clusterIPs,
        externalName: read.externalName,
        externalIPs: read.externalIPs,
        ports: read.ports?.map((port) => ({
          name: port.name,
          protocol: port.protocol,
          appProtocol: port.appProtocol,
          port: port.port,
          targetPort: port.targetPort,
          nodePort: port.nodePort,
        })),
        sessionAffinity: read.sessionAffinity,
        sessionAffinityConfig: read.sessionAffinityTimeoutSeconds === undefined
          ? undefined
          : { clientIP: { timeoutSeconds: read.sessionAffinityTimeoutSeconds } },
        externalTrafficPolicy: read.externalTrafficPolicy,
        internalTrafficPolicy: read.internalTrafficPolicy,
        publishNotReadyAddresses: read.publishNotReadyAddresses,
        trafficDistribution: read.trafficDistribution,
        ipFamilyPolicy: read.ipFamilyPolicy,
        ipFamilies: read.ipFamilies,
        loadBalancerSourceRanges: read.loadBalancerSourceRanges,
        loadBalancerClass: read.loadBalancerClass,
        allocateLoadBalancerNodePorts: read.allocateLoadBalancerNodePorts,
        healthCheckNodePort: read.healthCheckNodePort,
      });
    } catch (e) {
      // Nothing half-built stays in the app (and the name is free again).
      this._abandon();
      throw e;
    }
  }

  /** The escape hatch: this object itself (kept for the earlier API). */
  public get apiObject(): ApiObject {
    return this;
  }

  /** @internal */
  protected _dependencyKey(): number | string | undefined {
    const target: any = this.target;
    if (target === undefined) {
      return 0;
    }
    if (typeof target._stateKey === 'function') {
      return target._stateKey();
    }
    return JSON.stringify([this.targetLabels(), this.targetPorts(), this.targetNs()]);
  }

  /**
   * The target's labels, checked: a hand-written IServiceTarget (plain JavaScript) may return
   * anything or throw. Labels are read through the prototype, as every props object is.
   */
  private targetLabels(): { [key: string]: string } {
    let labels: unknown;
    try {
      labels = this.target!.selectorLabels();
    } catch (e) {
      throw new Error(`${this.description}: target.selectorLabels() of ${this.targetName} threw: ${(e as Error)?.message ?? String(e)}; `
        + 'it must return the labels of the pods, e.g. { app: \'web\' }.');
    }
    if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) {
      throw new Error(`${this.description}: target.selectorLabels() of ${this.targetName} returned ${show(labels)} (${kindOf(labels)}), not a map of labels; `
        + 'return the labels of the pods, e.g. { app: \'web\' }.');
    }
    const read = (key: string): any => {
      try {
        return (labels as any)[key];
      } catch (e) {
        throw new Error(`${this.description}: target.selectorLabels().${key} of ${this.targetName}: ${threwProblem(e)}`);
      }
    };
    if (Object.getPrototypeOf(labels) === Object.prototype) {
      for (const key in labels) {
        read(key); // a getter of the target's that throws fails here, named
      }
      return labels as { [key: string]: string }; // the common case, read as it is (this runs a few times per synthesis)
    }
    const out: { [key: string]: string } = {};
    for (const key of keysThroughPrototype(labels)) {
      out[key] = read(key);
    }
    return out;
  }

  /** The target's namespace: a hand-written IServiceTarget's getter may throw. */
  private targetNs(): string | undefined {
    try {
      return this.target?.targetNamespace;
    } catch (e) {
      throw new Error(`${this.description}: target.targetNamespace of ${this.targetName}: ${threwProblem(e)}`);
    }
  }

  /** The target's container ports, read once each call: a hand-written IServiceTarget may throw. */
  private targetPorts(): ReturnType<IServiceTarget['containerPorts']> {
    let ports: unknown;
    try {
      ports = this.target?.containerPorts();
    } catch (e) {
      throw new Error(`${this.description}: target.containerPorts() of ${this.targetName} threw: ${(e as Error)?.message ?? String(e)}; `
        + 'it must return the ports of its containers, or undefined when they are not known.');
    }
    if (!Array.isArray(ports)) {
      return ports as undefined;
    }
    return ports.map((p, i) => {
      if (p === null || typeof p !== 'object' || Object.getPrototypeOf(p) === Object.prototype && Object.keys(p).every((k) => !Object.getOwnPropertyDescriptor(p, k)?.get)) {
        return p;
      }
      const out: any = {};
      for (const key of keysThroughPrototype(p)) {
        try {
          out[key] = (p as any)[key];
        } catch (e) {
          throw new Error(`${this.description}: target.containerPorts()[${i}].${key} of ${this.targetName}: ${threwProblem(e)}`);
        }
      }
      return out;
    });
  }

  /** @internal */
  protected _renderBody(): Record<string, any> {
    const selector = this.target ? this.targetLabels() : this.selector;
    return {
      spec: {
        ...this.fixedSpec,
        selector: selector && Object.keys(selector).length > 0 ? { ...selector } : undefined,
      },
    };
  }

  // Every check reads the final manifest (escape-hatch edits included): the API server's rules
  // (src/validation/service.ts, ValidateService), then this construct's own, which need the target.
  /**
   * Built from props read at construction, unless a target is given: a target (any
   * IServiceTarget, plain JavaScript included) hands over labels and ports nobody has checked.
   * @internal
   */
  protected _contentChecked(): boolean {
    return this.target === undefined;
  }

  /** @internal */
  protected _check(manifest: any, problems: Problems, checked: _ManifestChecks): void {
    const spec = manifest.spec ?? {};
    if (this.factoryProblem) {
      problems.add('spec.clusterIP', `${this.factoryProblem}.`);
    }
    const { min, max } = this.nodePortRange;
    const rangeValid = Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max <= 65535 && min <= max;
    if (!rangeValid) {
      problems.add('nodePortRange', `${show(this.nodePortRange)} is not a port range: min and max are whole numbers from 1 to 65535, min at most max, as the API server's --service-node-port-range (e.g. { min: 30000, max: 32767 }).`);
    }
    // With no valid range, the node ports are not judged against it (the message above says why).
    validateObject(manifest, problems, { ...checked, nodePortRange: rangeValid ? this.nodePortRange : { min: 1, max: 65535 } });
    this.validateNamespace(manifest.metadata?.namespace, problems);
    this.validateSelector(spec, problems);
    this.validateTargetPorts(spec, problems);
    this.validateFrontPorts(spec, problems);
  }

  // This library's contract: a Service selects pods in its own namespace only, so it must be in
  // its target's.
  private validateNamespace(namespace: unknown, problems: Problems): void {
    const targetNamespace = this.targetNs();
    // Only a target whose namespace is known (a construct of this library, a cdk8s-plus workload);
    // ServiceTarget.fromLabels() and custom targets leave it unknown.
    const namespaceKnown = this.target !== undefined && (Construct.isConstruct(this.target) || typeof (this.target as _ServiceTargetHints)._labelsProblem === 'function');
    if (namespaceKnown && targetNamespace === undefined && typeof namespace === 'string' && namespace !== '') {
      // The target goes to the namespace kubectl applies it to, which this namespace need not be.
      const own = this.declaredNamespace !== undefined ? "remove this Service's metadata.namespace" : 'create this Service in a chart without a namespace (it has its chart\'s)';
      problems.add('metadata.namespace', `${show(namespace)} is set, but ${this.targetName} has no namespace (kubectl puts it in the namespace it applies to, which may be another); `
        + `a Service selects pods of its own namespace only (this library's contract). Give the target the same namespace (its metadata.namespace, or its chart's), or ${own}.`);
      return;
    }
    if (targetNamespace === undefined || targetNamespace === namespace) {
      return;
    }
    if (this.declaredNamespace !== undefined) {
      problems.add('metadata.namespace', `${show(namespace)} differs from the namespace ${show(targetNamespace)} of ${this.targetName}; a Service selects pods of its own namespace only (this library's contract). Remove metadata.namespace (the Service then takes its target's) or move the target.`);
    } else {
      // The target's namespace changed after this Service took it (a JSON patch of the target).
      const ours = namespace === undefined || namespace === '' ? 'is not set, and so' : show(namespace);
      problems.add('metadata.namespace', `${ours} differs from the namespace ${show(targetNamespace)} of ${this.targetName} (changed after the Service was created, e.g. by a JSON patch); a Service selects pods of its own namespace only (this library's contract). Set the namespace in the target's metadata, or this Service's metadata.namespace to match.`);
    }
  }

  // This library's contract: a Service in front of a pod whose app is fronted by a proxy sidecar
  // (Envoy, oauth2-proxy) targets the proxy's port, or clients would bypass the proxy.
  private validateFrontPorts(spec: any, problems: Problems): void {
    const fronted = (this.target as _ServiceTargetHints | undefined)?._frontPorts;
    if (!fronted) {
      return;
    }
    const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
    ports.forEach((p, i) => {
      const target = p?.targetPort === undefined || p?.targetPort === 0 || p?.targetPort === '' ? p?.port : p.targetPort;
      // FindPort resolves a name to the first container port of that name and the Service port's protocol.
      const protocol = protocolOf(p?.protocol);
      // A number reaches the pod's port of that number and the Service's protocol: the proxies forward TCP.
      const hit = fronted.appPorts.find((ap) => (typeof target === 'number' ? ap.containerPort === target : ap.name === target) && protocolOf(ap.protocol) === protocol);
      if (!hit) {
        return;
      }
      if (hit.proxy !== undefined) {
        const outer = fronted.sidecarPorts.filter((n) => !fronted.appPorts.some((ap) => ap.name === n));
        problems.add(`spec.ports[${i}].targetPort`, `${show(target)} is port ${hit.containerPort} of the proxy sidecar ${show(hit.proxy)}, which the sidecar ${show(hit.sidecar)} fronts `
          + `in turn; clients would bypass ${show(hit.sidecar)}. Target the outermost proxy's port instead${outer.length > 0 ? `: ${outer.map((n) => show(n)).join(' or ')}` : ''} (this library's contract).`);
        return;
      }
      const where = hit.container === undefined ? `the app's port ${hit.containerPort} (the appPort of the sidecar ${show(hit.sidecar)})` : `port ${hit.containerPort} of the app container ${show(hit.container)}`;
      if (typeof target === 'string' && fronted.sidecarPorts.includes(target)) {
        // FindPort takes the first container's port of that name: the app's, listed before its sidecars.
        problems.add(`spec.ports[${i}].targetPort`, `${show(target)} names both ${where} and a port of a proxy sidecar that fronts it; Kubernetes takes the app's (the first container's), so clients `
          + 'would bypass the proxy. Give one of the two ports another name (the proxy\'s with its portName option) and target the proxy\'s (this library\'s contract).');
        return;
      }
      const proxyPorts = fronted.sidecarPorts.filter((n) => !fronted.appPorts.some((ap) => ap.name === n));
      problems.add(`spec.ports[${i}].targetPort`, `${show(target)} is ${where}, which a proxy sidecar fronts; clients would bypass the proxy. `
        + `${proxyPorts.length > 0 ? `Target the proxy's port instead: ${proxyPorts.map((n) => show(n)).join(' or ')}` : 'Target the proxy\'s port instead, by number or by a name the app does not use'} (this library's contract).`);
    });
  }

  // Library contract (not an API server rule): an ExposedService exposes pods, so it must select
  // some, unless it says it does not (withoutSelector, ExternalName).
  private validateSelector(spec: any, problems: Problems): void {
    if (this.target && this.selector) {
      problems.add('spec.selector', 'both target and selector are set; pass one: target to expose a pod pattern, selector for plain labels.');
      return;
    }
    if ((this.target || this.selector) && this.withoutSelector) {
      problems.add('spec.selector', `withoutSelector is true but ${this.target ? 'target' : 'selector'} is set; remove one: withoutSelector is for Services whose endpoints are managed elsewhere.`);
      return;
    }
    // The rest is judged on the Service as written (after JSON patches): its type and selector.
    const selects = spec.selector !== null && typeof spec.selector === 'object' && Object.keys(spec.selector).length > 0;
    if ((spec.type ?? ServiceType.CLUSTER_IP) === ServiceType.EXTERNAL_NAME) {
      if (selects) {
        const what = this.target ? 'target' : this.selector ? 'selector' : 'spec.selector (set by a JSON patch)';
        problems.add('spec.selector', `an ExternalName Service is a DNS alias and selects no pods, but ${what} is set, and Kubernetes would ignore it (this library's contract); remove it, or use another type.`);
      }
      return;
    }
    if (this.target) {
      const labels = this.targetLabels();
      if (Object.keys(labels).length === 0) {
        const fix = (this.target as _ServiceTargetHints)._missingLabelsFix ?? "add metadata.labels to it (e.g. { app: 'web' })";
        problems.add('spec.selector', `target ${this.targetName} has no labels, so no selector can match its pods (this library's contract); ${fix}.`);
        return;
      }
      const notOnPods = (this.target as _ServiceTargetHints)._labelsProblem?.();
      if (notOnPods) {
        problems.add('spec.selector', `${notOnPods}.`);
      }
      for (const [k, v] of Object.entries(labels)) {
        // A label value that is a token (a Lazy) is compared as the selector has it: resolved.
        const wanted = typeof v === 'string' ? v : resolvedAsWritten(v, this, ['spec', 'selector', k]);
        if (spec.selector?.[k] !== wanted) {
          problems.add('spec.selector', `does not select ${this.targetName}: it needs ${k}=${typeof wanted === 'string' ? wanted : show(wanted)} `
            + `but has ${show(spec.selector?.[k])}; keep the selector equal to the target's labels.`);
        }
      }
    } else if (!selects && !this.withoutSelector) {
      problems.add('spec.selector', 'the Service selects no pods (this library\'s contract); pass target (a pod pattern) or selector (labels), or withoutSelector: true for a Service whose endpoints are managed elsewhere.');
    }
  }

  // This library's own check: a named targetPort must name a container port of the target (with
  // the same protocol) when its ports are known, as the endpoints controller would otherwise find
  // no port and route nowhere.
  private validateTargetPorts(spec: any, problems: Problems): void {
    const known = this.targetPorts();
    if (!known || !this.target) {
      return;
    }
    const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
    ports.forEach((p, i) => {
      const targetPort = p?.targetPort;
      if (typeof targetPort !== 'string' || ianaServiceName(targetPort)) {
        return;
      }
      const path = `spec.ports[${i}].targetPort`;
      // Go: FindPort (pkg/api/v1/pod/util.go) takes the first port with this name and the
      // Service port's protocol, both defaulted ("" is TCP) before they are stored.
      const protocol = protocolOf(p.protocol);
      const named = known.filter((cp) => cp?.name === targetPort);
      const initContainer = (this.target as any)._completingInitContainerWithPort?.(targetPort);
      if (named.length === 0 && typeof initContainer === 'string') {
        problems.add(path, `${show(targetPort)} is a port of the init container ${show(initContainer)}, which runs to completion before the app starts, so nothing would serve it; target a port of a main container or of a sidecar (restartPolicy: 'Always'), or a port number.`);
      } else if (named.length === 0) {
        // Behind a proxy, the app's port names are no answer (they would bypass it, or name two ports).
        const fronted = (this.target as _ServiceTargetHints)._frontPorts;
        const appNames = new Set(fronted?.appPorts.map((ap) => ap.name) ?? []);
        // Only names of the Service port's protocol: another one would be refused as a protocol mismatch.
        const offered = known.filter((cp) => cp?.name && !appNames.has(cp.name) && protocolOf(cp.protocol) === protocol);
        const names = [...new Set(offered.map((cp) => cp.name))].map((n) => show(n));
        // A proxy's port that shares its name with an app port is no answer either: say why it is
        // missing (an inner proxy's port, fronted by another proxy, is left out without a word).
        const innerNames = new Set(fronted?.appPorts.filter((ap) => ap.proxy !== undefined).map((ap) => ap.name) ?? []);
        const shared = (fronted?.sidecarPorts ?? []).filter((n) => appNames.has(n) && !innerNames.has(n));
        const why = shared.length > 0 ? ` (${shared.map((n) => show(n)).join(', ')} also names a port of the app, which Kubernetes would take; give the proxy's port another name with its portName option)` : '';
        problems.add(path, `${show(targetPort)} names no container port of ${this.targetName}; use one of ${names.length ? names.join(', ') : '(none: name a container port first)'} or a port number${why} (this library's contract).`);
      } else if (!named.some((cp) => protocolOf(cp.protocol) === protocol)) {
        problems.add(path, `${show(targetPort)} is a ${protocolOf(named[0].protocol)} container port but this Service port is ${protocol}; make the protocols match (this library's contract).`);
      }
    });
  }
}

/** A port's protocol as the API server stores it: unset or "" is TCP (the defaulting of container and Service ports). */
function protocolOf(protocol: unknown): unknown {
  return protocol === undefined || protocol === null || protocol === '' ? Protocol.TCP : protocol;
}

/**
 * Reads the options of a factory (`ExposedService.clusterIp()` and the others) before they are
 * spread into the props, once (the constructor reads the plain copy returned): a `type` there
 * would be overridden by the factory's without a word, and `null` would fail inside the spread.
 */
function readFactoryOptions(factory: string, scope: Construct, id: string, options: unknown, type: ServiceType | undefined): ExposedServiceOptions {
  const subject = subjectOf('ExposedService', scope, id, options);
  const declared = options !== null && typeof options === 'object' ? (options as any).type : undefined;
  if (declared !== undefined) {
    throw new Error(`${subject}: type: ${show(declared)} cannot be set in ExposedService.${factory}(): ${type ? `the factory writes type ${type}` : 'a headless Service is ClusterIP with clusterIP "None"'}. Remove type, or use the factory of the type you want (or new ExposedService(...) with type).`);
  }
  return readProps(subject, 'ExposedServiceOptions', options);
}
