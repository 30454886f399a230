import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { dns1035Label, dns1123Label, ianaServiceName } from './names';
import { Problems, show } from './problems';
import { IServiceTarget } from './service-target';
import { checkPortNumber, validateLabels, validateObjectMeta } from './validation';

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
   * The port's name (a DNS-1123 label); required when the Service has more than one port.
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
 * Props for `ExposedService`.
 */
export interface ExposedServiceProps {
  /**
   * Metadata of the Service: name (an RFC 1035 label), namespace, labels, annotations.
   *
   * @default - cdk8s generates a unique name from the construct path
   */
  readonly metadata?: ApiObjectMetadata;

  /**
   * How the Service is exposed.
   *
   * @default - not written: Kubernetes makes a ClusterIP Service
   */
  readonly type?: ServiceType;

  /**
   * The Service's ports. At least one.
   */
  readonly ports: ServicePort[];

  /**
   * What the Service exposes: a pod pattern of this library, or `ServiceTarget.fromLabels()`.
   * Its pods' labels become the selector. Give `target` or `selector`, not both.
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
   * The cluster's node port range, if it was changed with `--service-node-port-range`.
   *
   * @default { min: 30000, max: 32767 } - the Kubernetes default
   */
  readonly nodePortRange?: NodePortRange;
}

/**
 * A Service of type ClusterIP, NodePort or LoadBalancer that exposes pods.
 *
 * It writes exactly what was declared plus what Kubernetes requires: no type unless given,
 * no targetPort or protocol unless given.
 */
export class ExposedService extends Construct {
  /** The Service API object written to the manifest: the escape hatch. */
  public readonly apiObject: ApiObject;
  /** The Service's `metadata.name`. */
  public readonly name: string;
  /** The Service type (ClusterIP when none was declared). */
  public readonly type: ServiceType;
  /** The exposed target, when one was given. */
  public readonly target?: IServiceTarget;
  /** The node port range this Service is checked against. */
  public readonly nodePortRange: NodePortRange;

  private readonly declaredType?: ServiceType;
  private readonly ports: ServicePort[];
  private readonly selector?: { [key: string]: string };

  public constructor(scope: Construct, id: string, props: ExposedServiceProps) {
    super(scope, id);
    this.declaredType = props.type;
    this.type = props.type ?? ServiceType.CLUSTER_IP;
    this.target = props.target;
    this.selector = props.selector ? { ...props.selector } : undefined;
    this.ports = [...props.ports];
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
    const selector = this.target ? this.target.selectorLabels() : this.selector;
    return {
      type: this.declaredType,
      selector: selector && Object.keys(selector).length > 0 ? selector : undefined,
      ports: this.ports.map((p) => ({
        name: p.name,
        protocol: p.protocol,
        port: p.port,
        targetPort: p.targetPort,
        nodePort: p.nodePort,
      })),
    };
  }

  private validateManifest(): string[] {
    const manifest = this.apiObject.toJson();
    const spec = manifest.spec ?? {};
    const problems = new Problems();
    validateObjectMeta(manifest.metadata, 'metadata', problems, dns1035Label, 'a Service name (an RFC 1035 label)');
    this.validateSelector(spec, problems);
    this.validatePorts(spec, problems);
    return problems.toErrors(`ExposedService '${this.name}'`);
  }

  private validateSelector(spec: any, problems: Problems): void {
    if (this.target && this.selector) {
      problems.add('spec.selector', 'both target and selector are set; pass one: target to expose a pod pattern, selector for plain labels.');
      return;
    }
    if (this.target) {
      const labels = this.target.selectorLabels();
      if (Object.keys(labels).length === 0) {
        problems.add('spec.selector', `target ${this.target.targetDescription} has no labels, so no selector can match its pods; add metadata.labels to it (e.g. { app: 'web' }).`);
        return;
      }
      for (const [k, v] of Object.entries(labels)) {
        if (spec.selector?.[k] !== v) {
          problems.add('spec.selector', `does not select ${this.target.targetDescription}: it needs ${k}=${v} but has ${show(spec.selector?.[k])}; keep the selector equal to the target's labels.`);
        }
      }
    } else if (!this.selector || Object.keys(this.selector).length === 0) {
      problems.add('spec.selector', 'the Service selects no pods; pass target (a pod pattern) or selector (labels).');
    }
    validateLabels(spec.selector, 'spec.selector', problems);
  }

  private validatePorts(spec: any, problems: Problems): void {
    const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
    const type = spec.type ?? ServiceType.CLUSTER_IP;
    if (!Object.values(ServiceType).includes(type)) {
      problems.add('spec.type', `${show(type)} is not supported; use ServiceType.CLUSTER_IP, NODE_PORT or LOAD_BALANCER.`);
    }
    if (ports.length === 0) {
      problems.add('spec.ports', 'a Service needs at least one port; add one (e.g. { port: 80 }).');
    }
    const names = new Map<string, number>();
    const pairs = new Map<string, number>();
    const nodePorts = new Map<string, number>();
    const known = this.target?.containerPorts();
    ports.forEach((p, i) => {
      const path = `spec.ports[${i}]`;
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
      checkPortNumber(p.port, `${path}.port`, true, problems);
      const protocol = p.protocol ?? Protocol.TCP;
      if (!Object.values(Protocol).includes(protocol)) {
        problems.add(`${path}.protocol`, `${show(protocol)} is not supported; use Protocol.TCP, UDP or SCTP.`);
      }
      const pair = `${p.port}/${protocol}`;
      if (pairs.has(pair)) {
        problems.add(path, `port ${pair} is already declared by spec.ports[${pairs.get(pair)}]; each port and protocol pair may appear once.`);
      } else {
        pairs.set(pair, i);
      }
      this.validateTargetPort(p.targetPort, `${path}.targetPort`, protocol, known, problems);
      if (p.nodePort !== undefined) {
        if (type === ServiceType.CLUSTER_IP) {
          problems.add(`${path}.nodePort`, `${show(p.nodePort)} may not be used when type is ClusterIP; set type to ServiceType.NODE_PORT or LOAD_BALANCER, or remove nodePort.`);
        } else {
          const { min, max } = this.nodePortRange;
          if (!Number.isInteger(p.nodePort) || p.nodePort < min || p.nodePort > max) {
            problems.add(`${path}.nodePort`, `${show(p.nodePort)} is outside ${min}-${max}; pick a port in that range or omit it to let Kubernetes allocate one.`);
          }
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
}
