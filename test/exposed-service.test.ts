import { JsonPatch, Lazy, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { ExposedService, ExposedServiceProps, IpFamily, IpFamilyPolicy, PlainPod, Protocol, ServiceTarget, ServiceType, SessionAffinity, TrafficDistribution, TrafficPolicy, Workload } from '../src';
import { exampleCharts } from './example-charts';
import { newChart, only, synth, synthError } from './util';
import { problemsOf } from './validation/cases';
import * as values from '../src/k8s-values';

function webPod(chart: any, labels: Record<string, string> | undefined = { app: 'web' }) {
  return new PlainPod(chart, 'web', {
    metadata: { name: 'web', labels },
    containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
  });
}

describe('ExposedService', () => {
  test('writes a ClusterIP service with only the declared fields', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80 }] });
    expect(only(synth(chart), 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80 }] },
    });
  });

  test.each([
    [ServiceType.CLUSTER_IP, 'ClusterIP'],
    [ServiceType.NODE_PORT, 'NodePort'],
    [ServiceType.LOAD_BALANCER, 'LoadBalancer'],
  ])('writes type %s when it is declared', (type, spelled) => {
    const chart = newChart();
    const svc = new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type, target: webPod(chart), ports: [{ port: 80, targetPort: 'http' }] });
    expect(svc.type).toBe(type);
    expect(only(synth(chart), 'Service').spec).toEqual({ type: spelled, selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
  });

  test('writes the node port, protocol and port name as declared', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', {
      metadata: { name: 'web' },
      type: ServiceType.NODE_PORT,
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: Protocol.TCP }],
    });
    expect(only(synth(chart), 'Service').spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080, protocol: 'TCP' }]);
  });

  test('selects pods by plain labels through ServiceTarget.fromLabels()', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: ServiceTarget.fromLabels({ app: 'legacy' }), ports: [{ port: 80, targetPort: 'anything' }] });
    expect(only(synth(chart), 'Service').spec.selector).toEqual({ app: 'legacy' });
  });

  test('fails when the target pod has no labels, instead of writing an empty selector', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart, {}), ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.selector: target PlainPod 'web' has no labels, so no selector can match its pods (this library's contract); add metadata.labels to it (e.g. { app: 'web' }).");
  });

  test('fails when neither target nor selector is given', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.selector: the Service selects no pods (this library's contract); pass target (a pod pattern) or selector (labels), or withoutSelector: true for a Service whose endpoints are managed elsewhere.");
  });

  test('fails when both target and selector are given', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), selector: { app: 'web' }, ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain('both target and selector are set');
  });

  test('fails when a ClusterIP service declares a node port', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80, nodePort: 30080 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.ports[0].nodePort: 30080 may not be used when type is ClusterIP; set type to ServiceType.NODE_PORT or LOAD_BALANCER, or remove nodePort.");
  });

  test('fails when the node port is outside the range', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type: ServiceType.NODE_PORT, target: webPod(chart), ports: [{ port: 80, nodePort: 8080 }] });
    expect(synthError(chart)).toContain("ExposedService 'web': spec.ports[0].nodePort: 8080 is outside 30000-32767; pick a port in that range or omit it to let Kubernetes allocate one.");
  });

  test('accepts a node port inside a custom node port range', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type: ServiceType.NODE_PORT, nodePortRange: { min: 8000, max: 9000 }, target: webPod(chart), ports: [{ port: 80, nodePort: 8080 }] });
    expect(only(synth(chart), 'Service').spec.ports[0].nodePort).toBe(8080);
  });

  test('fails when the Service needs more node ports than its node port range holds, as the allocation does on an empty cluster (review 66 E2)', () => {
    const make = (type: ServiceType, ports: number[], extra: Partial<ExposedServiceProps> = {}) => {
      const chart = newChart();
      new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type, nodePortRange: { min: 30000, max: 30001 }, target: webPod(chart), ports: ports.map((port) => ({ name: `p${port}`, port })), ...extra });
      return chart;
    };
    expect(synthError(make(ServiceType.NODE_PORT, [80, 81, 82]))).toContain("ExposedService 'web': spec.ports[2].nodePort: the API server cannot pick a node port for port 82 (spec.ports[2]): "
      + 'the 2 node ports of the range 30000-30001 are all taken by this Service\'s other ones;');
    expect(synthError(make(ServiceType.LOAD_BALANCER, [80, 81], { externalTrafficPolicy: TrafficPolicy.LOCAL })))
      .toContain("ExposedService 'web': spec.healthCheckNodePort: the API server cannot pick a node port for the health check: the 2 node ports of the range 30000-30001");
    // (The fix offered fits the Service: no allocateLoadBalancerNodePorts where it is already false, review 67 J6.)
    expect(synthError(make(ServiceType.LOAD_BALANCER, [80, 81], { externalTrafficPolicy: TrafficPolicy.LOCAL, allocateLoadBalancerNodePorts: false, ports: [{ name: 'a', port: 80, nodePort: 30000 }, { name: 'b', port: 81, nodePort: 30001 }] })))
      .toContain('widen nodePortRange if the cluster\'s is wider, give the Service fewer node ports, or use externalTrafficPolicy Cluster, which needs no health check node port.');
    expect(synthError(make(ServiceType.NODE_PORT, [80, 81, 82]))).not.toContain('allocateLoadBalancerNodePorts');
    expect(only(synth(make(ServiceType.NODE_PORT, [80, 81])), 'Service').spec.ports).toHaveLength(2);
    expect(only(synth(make(ServiceType.LOAD_BALANCER, [80, 81, 82], { allocateLoadBalancerNodePorts: false })), 'Service').spec.ports).toHaveLength(3);
  });

  test('fails when the node port range is not a range of ports', () => {
    for (const nodePortRange of [{ min: 32767, max: 30000 }, { min: 0, max: 100 }, { min: 30000.5, max: 32767 }]) {
      const chart = newChart();
      new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type: ServiceType.NODE_PORT, nodePortRange, target: webPod(chart), ports: [{ port: 80, nodePort: 30080 }] });
      expect(synthError(chart)).toContain(`nodePortRange: ${JSON.stringify(nodePortRange)} is not a port range: min and max are whole numbers from 1 to 65535, min at most max`);
      expect(synthError(chart)).not.toContain('outside');
    }
  });

  test('fails when a named targetPort names no container port of the target', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80, targetPort: 'https' }] });
    expect(synthError(chart)).toContain("spec.ports[0].targetPort: \"https\" names no container port of PlainPod 'web'; use one of \"http\" or a port number (this library's contract).");
  });

  test('finds a named targetPort as FindPort does: by name and protocol, an empty protocol being TCP', () => {
    const chart = newChart();
    const dns = new PlainPod(chart, 'dns', {
      metadata: { name: 'dns', labels: { app: 'dns' } },
      containers: [
        { name: 'tcp', image: 'coredns/coredns:1.11.1', ports: [{ name: 'dns', containerPort: 53, protocol: '' }] },
        { name: 'udp', image: 'coredns/coredns:1.11.1', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] },
      ],
    });
    new ExposedService(chart, 'svc', { metadata: { name: 'dns' }, target: dns, ports: [{ name: 'dns-tcp', port: 53, targetPort: 'dns' }, { name: 'dns-udp', port: 53, targetPort: 'dns', protocol: Protocol.UDP }] });
    // (Testing.synth: the offline schema of the test helper's synth() lists no "" protocol, which the API server defaults.)
    expect(Testing.synth(chart).find((m) => m.kind === 'Service').spec.ports).toHaveLength(2);
  });

  test('fails when a named targetPort has no container port of the Service port\'s protocol', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80, targetPort: 'http', protocol: Protocol.UDP }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "http" is a TCP container port but this Service port is UDP; make the protocols match (this library\'s contract).');
  });

  test('finds a named targetPort on a native sidecar declared as an init container with restartPolicy Always', () => {
    const chart = newChart();
    const web = new PlainPod(chart, 'web', {
      metadata: { name: 'web', labels: { app: 'web' } },
      initContainers: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.31.0', restartPolicy: 'Always', ports: [{ name: 'proxy', containerPort: 10000 }] }],
      containers: [{ name: 'web', image: 'nginx:1.27' }],
    });
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: web, ports: [{ port: 80, targetPort: 'proxy' }] });
    expect(only(synth(chart), 'Service').spec.ports).toEqual([{ port: 80, targetPort: 'proxy' }]);
  });

  test('fails when a named targetPort is a port of an init container that runs to completion, and says so', () => {
    const chart = newChart();
    const web = new PlainPod(chart, 'web', {
      metadata: { name: 'web', labels: { app: 'web' } },
      initContainers: [{ name: 'setup', image: 'busybox:1.36', ports: [{ name: 'setup', containerPort: 8080 }] }],
      containers: [{ name: 'web', image: 'nginx:1.27' }],
    });
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: web, ports: [{ port: 80, targetPort: 'setup' }] });
    expect(synthError(chart)).toContain('spec.ports[0].targetPort: "setup" is a port of the init container "setup", which runs to completion before the app starts, so nothing would serve it; target a port of a main container or of a sidecar (restartPolicy: \'Always\'), or a port number.');
  });

  test('tells a Service in front of a Job without pod labels to set podMetadata.labels, which its pods take', () => {
    const chart = newChart();
    const job = new PlainPod(chart, 'job', { metadata: { name: 'job', labels: { app: 'job' } }, restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }], workload: Workload.job() } as any);
    new ExposedService(chart, 'svc', { metadata: { name: 'job' }, target: job, ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain("spec.selector: target PlainPod 'job' has no labels, so no selector can match its pods (this library's contract); set podMetadata.labels (e.g. { app: 'web' }): the pods of a Job take their labels from podMetadata, not from metadata.labels.");
  });

  test('fails when a multi-port service leaves a port unnamed', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80, name: 'http' }, { port: 443 }] });
    expect(synthError(chart)).toContain("spec.ports[1].name: is required when a Service has more than one port; name every port (e.g. 'http').");
  });

  test('fails when the service name is not an RFC 1035 label', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: '1web' }, target: webPod(chart), ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain('metadata.name: "1web" is not valid as a Service name (an RFC 1035 label)');
  });
});

describe('ExposedService options', () => {
  function spec(props: Partial<ExposedServiceProps>, type?: ServiceType): any {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type, selector: { app: 'web' }, ports: [{ port: 80 }], ...props });
    return only(synth(chart), 'Service').spec;
  }

  test('writes several named ports with named and numeric targetPorts and all three protocols', () => {
    // GIVEN a pod with TCP, UDP and SCTP container ports
    const chart = newChart();
    const pod = new PlainPod(chart, 'pod', {
      metadata: { name: 'web', labels: { app: 'web' } },
      containers: [{
        name: 'web',
        image: 'nginx:1.27',
        ports: [{ name: 'http', containerPort: 80 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'sig', containerPort: 2905, protocol: 'SCTP' }],
      }],
    });
    // WHEN one Service exposes them all
    new ExposedService(chart, 'svc', {
      metadata: { name: 'web' },
      target: pod,
      ports: [
        { name: 'http', port: 80, targetPort: 'http' },
        { name: 'dns', port: 53, targetPort: 'dns', protocol: Protocol.UDP },
        { name: 'sig', port: 2905, targetPort: 'sig', protocol: Protocol.SCTP },
        { name: 'admin', port: 8081, targetPort: 9000 },
      ],
    });
    // THEN each port is written as declared
    expect(only(synth(chart), 'Service').spec.ports).toEqual([
      { name: 'http', port: 80, targetPort: 'http' },
      { name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' },
      { name: 'sig', port: 2905, targetPort: 'sig', protocol: 'SCTP' },
      { name: 'admin', port: 8081, targetPort: 9000 },
    ]);
  });

  test('accepts the same port number for TCP and UDP', () => {
    expect(spec({ ports: [{ name: 'tcp', port: 53 }, { name: 'udp', port: 53, protocol: Protocol.UDP }] }).ports).toHaveLength(2);
  });

  test.each([
    ['clusterIp', ExposedService.clusterIp, 'ClusterIP'],
    ['nodePort', ExposedService.nodePort, 'NodePort'],
    ['loadBalancer', ExposedService.loadBalancer, 'LoadBalancer'],
  ])('ExposedService.%s() writes its type', (_name, factory, spelled) => {
    const chart = newChart();
    const svc = factory(chart, 'svc', { metadata: { name: 'web' }, selector: { app: 'web' }, ports: [{ port: 80 }] });
    expect(svc.type).toBe(spelled);
    expect(only(synth(chart), 'Service').spec).toEqual({ type: spelled, selector: { app: 'web' }, ports: [{ port: 80 }] });
  });

  test('ExposedService.headless() writes clusterIP None and no type', () => {
    const chart = newChart();
    const svc = ExposedService.headless(chart, 'svc', { metadata: { name: 'db' }, selector: { app: 'db' }, ports: [{ port: 5432 }] });
    expect(svc.isHeadless).toBe(true);
    expect(svc.type).toBe(ServiceType.CLUSTER_IP);
    expect(only(synth(chart), 'Service').spec).toEqual({ clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] });
  });

  test('a headless Service may have no ports', () => {
    const chart = newChart();
    ExposedService.headless(chart, 'svc', { metadata: { name: 'db' }, selector: { app: 'db' } });
    expect(only(synth(chart), 'Service').spec).toEqual({ clusterIP: 'None', selector: { app: 'db' } });
  });

  test('clusterIP None through the props is headless too, and may carry a named targetPort', () => {
    const s = spec({ clusterIP: ExposedService.CLUSTER_IP_NONE, ports: [{ port: 80, targetPort: 'http' }] });
    expect(s).toEqual({ clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] });
  });

  test.each(['10.96.0.10', 'fd00::10'])('writes an explicit cluster IP %s', (ip) => {
    expect(spec({ clusterIP: ip }).clusterIP).toBe(ip);
  });

  test('writes sessionAffinity ClientIP with its timeout', () => {
    const s = spec({ sessionAffinity: SessionAffinity.CLIENT_IP, sessionAffinityTimeoutSeconds: 600 });
    expect(s.sessionAffinity).toBe('ClientIP');
    expect(s.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 600 } });
  });

  test('writes sessionAffinity None and ClientIP without a timeout as declared', () => {
    expect(spec({ sessionAffinity: SessionAffinity.NONE })).toEqual({ sessionAffinity: 'None', selector: { app: 'web' }, ports: [{ port: 80 }] });
    expect(spec({ sessionAffinity: SessionAffinity.CLIENT_IP }).sessionAffinityConfig).toBeUndefined();
  });

  test.each([1, 86400])('accepts the ClientIP timeout bound %d', (t) => {
    const s = spec({ sessionAffinity: SessionAffinity.CLIENT_IP, sessionAffinityTimeoutSeconds: t });
    expect(s.sessionAffinityConfig.clientIP.timeoutSeconds).toBe(t);
  });

  test.each([ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER])('writes externalTrafficPolicy on a %s Service', (type) => {
    expect(spec({ externalTrafficPolicy: TrafficPolicy.LOCAL }, type).externalTrafficPolicy).toBe('Local');
    expect(spec({ externalTrafficPolicy: TrafficPolicy.CLUSTER }, type).externalTrafficPolicy).toBe('Cluster');
  });

  test.each([undefined, ServiceType.CLUSTER_IP, ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER])('writes internalTrafficPolicy on a %s Service', (type) => {
    expect(spec({ internalTrafficPolicy: TrafficPolicy.LOCAL }, type).internalTrafficPolicy).toBe('Local');
  });

  test('writes trafficDistribution PreferClose (review 12 D11)', () => {
    // Testing.synth: the 1.28 schema of the test's offline validators has no trafficDistribution (Kubernetes 1.31).
    const chart = newChart();
    ExposedService.clusterIp(chart, 's', { selector: { app: 'web' }, ports: [{ port: 80 }], trafficDistribution: TrafficDistribution.PREFER_CLOSE });
    expect(Testing.synth(chart)[0].spec.trafficDistribution).toBe('PreferClose');
    expect(() => ExposedService.clusterIp(newChart(), 's', { selector: { app: 'web' }, ports: [{ port: 80 }], trafficDistribution: 'PreferZone' as any }))
      .toThrow('trafficDistribution: "PreferZone" is not one of "PreferClose"');
  });

  test('writes the clusterIPs of a dual-stack Service and checks them (review 21 C2)', () => {
    const dual = { selector: { app: 'web' }, ports: [{ port: 80 }], clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00:10:96::a'] };
    const chart = newChart();
    ExposedService.clusterIp(chart, 's', { ...dual, ipFamilyPolicy: IpFamilyPolicy.REQUIRE_DUAL_STACK });
    expect(only(synth(chart), 'Service').spec).toMatchObject({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00:10:96::a'], ipFamilyPolicy: 'RequireDualStack' });
    const single = newChart();
    ExposedService.clusterIp(single, 's', dual);
    expect(synthError(single)).toContain('spec.ipFamilyPolicy: is not set, so it is SingleStack, which does not allow the two clusterIPs 10.96.0.10, fd00:10:96::a');
  });

  test('writes publishNotReadyAddresses', () => {
    expect(spec({ publishNotReadyAddresses: true }).publishNotReadyAddresses).toBe(true);
    expect(spec({ publishNotReadyAddresses: false }).publishNotReadyAddresses).toBe(false);
  });

  test.each([
    [IpFamilyPolicy.SINGLE_STACK, [IpFamily.IPV6]],
    [IpFamilyPolicy.PREFER_DUAL_STACK, [IpFamily.IPV4, IpFamily.IPV6]],
    [IpFamilyPolicy.REQUIRE_DUAL_STACK, [IpFamily.IPV6, IpFamily.IPV4]],
  ])('writes ipFamilyPolicy %s with ipFamilies %j in their order', (policy, families) => {
    const s = spec({ ipFamilyPolicy: policy, ipFamilies: families });
    expect(s.ipFamilyPolicy).toBe(policy);
    expect(s.ipFamilies).toEqual(families);
  });

  test('writes an ipFamilyPolicy alone and one ipFamily alone', () => {
    expect(spec({ ipFamilyPolicy: IpFamilyPolicy.REQUIRE_DUAL_STACK }).ipFamilies).toBeUndefined();
    expect(spec({ ipFamilies: [IpFamily.IPV4] }).ipFamilyPolicy).toBeUndefined();
  });

  test('accepts a cluster IP of the first IP family', () => {
    expect(spec({ clusterIP: 'fd00::10', ipFamilyPolicy: IpFamilyPolicy.PREFER_DUAL_STACK, ipFamilies: [IpFamily.IPV6, IpFamily.IPV4] }).clusterIP).toBe('fd00::10');
  });

  test('writes the LoadBalancer options as declared', () => {
    const s = spec({
      metadata: { name: 'web', annotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' } },
      loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::/32'],
      loadBalancerClass: 'example.com/internal-vip',
      allocateLoadBalancerNodePorts: false,
      externalTrafficPolicy: TrafficPolicy.LOCAL,
      healthCheckNodePort: 32000,
    }, ServiceType.LOAD_BALANCER);
    expect(s).toEqual({
      type: 'LoadBalancer',
      selector: { app: 'web' },
      ports: [{ port: 80 }],
      loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::/32'],
      loadBalancerClass: 'example.com/internal-vip',
      allocateLoadBalancerNodePorts: false,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 32000,
    });
  });

  test('writes the annotations into metadata', () => {
    const chart = newChart();
    ExposedService.loadBalancer(chart, 'svc', { metadata: { name: 'web', annotations: { 'example.com/lb': 'internal' } }, selector: { app: 'web' }, ports: [{ port: 80 }] });
    expect(only(synth(chart), 'Service').metadata).toEqual({ name: 'web', annotations: { 'example.com/lb': 'internal' } });
  });

  test('accepts space-padded source ranges, as the API server does', () => {
    expect(spec({ loadBalancerSourceRanges: [' 10.0.0.0/8 '] }, ServiceType.LOAD_BALANCER).loadBalancerSourceRanges).toEqual([' 10.0.0.0/8 ']);
  });

  test('writes allocateLoadBalancerNodePorts true too', () => {
    expect(spec({ allocateLoadBalancerNodePorts: true }, ServiceType.LOAD_BALANCER).allocateLoadBalancerNodePorts).toBe(true);
  });

  test('accepts a node port on a LoadBalancer Service', () => {
    expect(spec({ ports: [{ port: 80, nodePort: 30080 }] }, ServiceType.LOAD_BALANCER).ports).toEqual([{ port: 80, nodePort: 30080 }]);
  });
});

describe('ExposedService rejects what the API server rejects', () => {
  function error(props: Partial<ExposedServiceProps>, type?: ServiceType): string {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type, selector: { app: 'web' }, ports: [{ port: 80 }], ...props });
    return synthError(chart);
  }
  function patched(path: string, value: unknown, type?: ServiceType): string {
    const chart = newChart();
    const svc = new ExposedService(chart, 'svc', { metadata: { name: 'web' }, type, selector: { app: 'web' }, ports: [{ port: 80 }] });
    svc.apiObject.addJsonPatch(JsonPatch.add(path, value));
    return synthError(chart);
  }

  test.each([ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER])('fails when a %s Service is headless', (type) => {
    expect(error({ clusterIP: 'None' }, type)).toBe(
      `Validation failed with the following errors:\n  [test/svc] ExposedService 'web': spec.clusterIP: "None" (headless) may not be used when type is ${type}; a headless Service has no virtual IP to expose. Use ServiceType.CLUSTER_IP (or ExposedService.headless()), or remove clusterIP.`);
  });

  test('fails when the cluster IP is not an IP address', () => {
    expect(error({ clusterIP: '10.0.0.300' })).toContain('ExposedService \'web\': spec.clusterIP: "10.0.0.300" must be empty, "None" (ExposedService.CLUSTER_IP_NONE) or a valid IP address (e.g. \'10.96.0.10\').');
  });

  test('fails when ExposedService.headless() is given another cluster IP', () => {
    const chart = newChart();
    ExposedService.headless(chart, 'svc', { metadata: { name: 'db' }, selector: { app: 'db' }, clusterIP: '10.96.0.10' });
    expect(synthError(chart)).toContain('ExposedService \'db\': spec.clusterIP: clusterIP "10.96.0.10" contradicts ExposedService.headless(), which sets it to "None"; remove clusterIP or use ExposedService.clusterIp().');
  });

  test('fails when a Service that is not headless has no ports', () => {
    expect(error({ ports: undefined })).toContain('ExposedService \'web\': spec.ports: a Service needs at least one port; add one (e.g. { port: 80 }), or make it headless with ExposedService.headless().');
    expect(error({ ports: [] })).toContain('spec.ports: a Service needs at least one port');
  });

  test('fails when two ports have the same name', () => {
    expect(error({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] })).toContain('ExposedService \'web\': spec.ports[1].name: "http" is already used by spec.ports[0]; give each port a unique name.');
  });

  test('fails when a port name is not a DNS-1123 label', () => {
    expect(error({ ports: [{ name: 'HTTP', port: 80 }] })).toContain('ExposedService \'web\': spec.ports[0].name: Service port name "HTTP" is invalid: it must be a lowercase RFC 1123 label');
  });

  test('fails when a port number is out of range', () => {
    expect(error({ ports: [{ port: 70000 }] })).toContain('ExposedService \'web\': spec.ports[0].port: 70000 is not a valid port number; use an integer between 1 and 65535.');
  });

  test('fails when the same port and protocol appear twice', () => {
    expect(error({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: Protocol.TCP }] })).toContain('ExposedService \'web\': spec.ports[1]: port 80/TCP is already declared by spec.ports[0]; each port and protocol pair may appear once.');
  });

  test('fails when the same node port and protocol appear twice', () => {
    expect(error({ ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 80, nodePort: 30080 }] }, ServiceType.NODE_PORT)).toContain('- spec.ports[1].nodePort: 30080 is already used by spec.ports[0]; each node port may be used once per protocol.');
  });

  test('fails when a targetPort name is not an IANA service name', () => {
    expect(error({ ports: [{ port: 80, targetPort: 'http--alt' }] })).toContain('ExposedService \'web\': spec.ports[0].targetPort: "http--alt" is not a valid container port name: it must not contain consecutive hyphens (\'--\').');
  });

  test('fails when a numeric targetPort is out of range', () => {
    expect(error({ ports: [{ port: 80, targetPort: 65536 }] })).toContain('ExposedService \'web\': spec.ports[0].targetPort: 65536 is not a valid port number; use an integer between 1 and 65535.');
  });

  test('fails when a named targetPort has another protocol than the container port', () => {
    const chart = newChart();
    new ExposedService(chart, 'svc', { metadata: { name: 'web' }, target: webPod(chart), ports: [{ port: 80, targetPort: 'http', protocol: Protocol.UDP }] });
    expect(synthError(chart)).toContain('ExposedService \'web\': spec.ports[0].targetPort: "http" is a TCP container port but this Service port is UDP; make the protocols match (this library\'s contract).');
  });

  test.each([undefined, SessionAffinity.NONE])('fails when a ClientIP timeout is set and sessionAffinity is %s', (affinity) => {
    expect(error({ sessionAffinity: affinity, sessionAffinityTimeoutSeconds: 600 })).toContain('ExposedService \'web\': spec.sessionAffinityConfig: a ClientIP timeout (600 seconds) is set but sessionAffinity is None; set sessionAffinity to ClientIP (SessionAffinity.CLIENT_IP in ExposedService) or remove the timeout (sessionAffinityConfig; sessionAffinityTimeoutSeconds in ExposedService).');
  });

  test.each([[0, 'is outside 1-86400'], [86401, 'is outside 1-86400'], [1.5, 'is not a whole number']])('fails when the ClientIP timeout is %d', (t, what) => {
    expect(error({ sessionAffinity: SessionAffinity.CLIENT_IP, sessionAffinityTimeoutSeconds: t })).toContain(`ExposedService 'web': spec.sessionAffinityConfig.clientIP.timeoutSeconds: ${t} ${what}; use a whole number of seconds up to one day, or omit it for the default 10800.`);
  });

  test('fails when an IP family is listed twice', () => {
    expect(error({ ipFamilies: [IpFamily.IPV4, IpFamily.IPV4] })).toContain('ExposedService \'web\': spec.ipFamilies[1]: "IPv4" is listed twice; list each family once (at most IPv4 and IPv6).');
  });

  test('reports an unknown IP family alone, not as a second family', () => {
    expect(patched('/spec/ipFamilies', ['IPv4', 'IPv5'])).toBe(
      'Validation failed with the following errors:\n  [test/svc] ExposedService \'web\': spec.ipFamilies[1]: "IPv5" is not supported; use IpFamily.IPV4 or IPV6.');
  });

  test.each([undefined, IpFamilyPolicy.SINGLE_STACK])('fails when two IP families have the policy %s', (policy) => {
    expect(error({ ipFamilyPolicy: policy, ipFamilies: [IpFamily.IPV4, IpFamily.IPV6] })).toContain(`ExposedService 'web': spec.ipFamilyPolicy: ${policy === undefined ? 'is not set, so it is SingleStack, which' : '"SingleStack"'} does not allow the two ipFamilies IPv4, IPv6; set ipFamilyPolicy to IpFamilyPolicy.PREFER_DUAL_STACK or REQUIRE_DUAL_STACK, or list one family.`);
  });

  test('fails when the cluster IP is not of the first IP family', () => {
    expect(error({ clusterIP: '10.96.0.10', ipFamilies: [IpFamily.IPV6] })).toContain('ExposedService \'web\': spec.clusterIP: "10.96.0.10" is an IPv4 address but ipFamilies[0] is IPv6; use an IPv6 cluster IP or put IPv4 first.');
  });

  test.each([undefined, ServiceType.CLUSTER_IP, ServiceType.NODE_PORT])('fails when loadBalancerSourceRanges are set on a %s Service', (type) => {
    expect(error({ loadBalancerSourceRanges: ['10.0.0.0/8'] }, type)).toContain('ExposedService \'web\': spec.loadBalancerSourceRanges: ["10.0.0.0/8"] may only be used when type is LoadBalancer; use ExposedService.loadBalancer() (type: ServiceType.LOAD_BALANCER) or remove loadBalancerSourceRanges.');
  });

  test.each(['10.0.0.0', '10.0.0.0/33', '10.0.0.300/8', 'fd00::/129', 'internal'])('fails when the source range %s is not a CIDR', (cidr) => {
    expect(error({ loadBalancerSourceRanges: [cidr] }, ServiceType.LOAD_BALANCER)).toContain(`ExposedService 'web': spec.loadBalancerSourceRanges[0]: "${cidr}" is not a valid CIDR; write an IP range such as '10.0.0.0/8' or '2001:db8::/32'.`);
  });

  test('checks the deprecated source-ranges annotation like the field', () => {
    const annotations = { 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8, nope' };
    expect(error({ metadata: { name: 'web', annotations } })).toContain(`ExposedService 'web' has 2 problems:
    - metadata.annotations.service.beta.kubernetes.io/load-balancer-source-ranges: may only be used when type is LoadBalancer; use ExposedService.loadBalancer() or remove the annotation.
    - metadata.annotations.service.beta.kubernetes.io/load-balancer-source-ranges: "nope" is not a valid CIDR; write IP ranges such as '10.0.0.0/8' (prefer the loadBalancerSourceRanges prop).`);
  });

  test.each([undefined, ServiceType.NODE_PORT])('fails when allocateLoadBalancerNodePorts is set on a %s Service', (type) => {
    expect(error({ allocateLoadBalancerNodePorts: false }, type)).toContain('ExposedService \'web\': spec.allocateLoadBalancerNodePorts: false may only be used when type is LoadBalancer; use ExposedService.loadBalancer() (type: ServiceType.LOAD_BALANCER) or remove allocateLoadBalancerNodePorts.');
  });

  test.each([undefined, ServiceType.NODE_PORT])('fails when loadBalancerClass is set on a %s Service', (type) => {
    expect(error({ loadBalancerClass: 'example.com/vip' }, type)).toContain('ExposedService \'web\': spec.loadBalancerClass: "example.com/vip" may only be used when type is LoadBalancer; use ExposedService.loadBalancer() (type: ServiceType.LOAD_BALANCER) or remove loadBalancerClass.');
  });

  test('fails when loadBalancerClass is not a qualified name', () => {
    expect(error({ loadBalancerClass: 'example.com/internal vip' }, ServiceType.LOAD_BALANCER)).toContain('ExposedService \'web\': spec.loadBalancerClass: "example.com/internal vip" is not a valid load balancer class: it ');
  });

  test.each([undefined, ServiceType.CLUSTER_IP])('fails when externalTrafficPolicy is set on a %s Service', (type) => {
    expect(error({ externalTrafficPolicy: TrafficPolicy.LOCAL }, type)).toContain('ExposedService \'web\': spec.externalTrafficPolicy: "Local" may only be set when type is NodePort or LoadBalancer, or on a ClusterIP Service with externalIPs; change the type, add externalIPs, or remove externalTrafficPolicy (use internalTrafficPolicy for traffic from inside the cluster).');
  });

  test.each([
    [ServiceType.NODE_PORT, TrafficPolicy.LOCAL],
    [ServiceType.LOAD_BALANCER, undefined],
    [ServiceType.LOAD_BALANCER, TrafficPolicy.CLUSTER],
  ])('fails when healthCheckNodePort is set on a %s Service with externalTrafficPolicy %s', (type, policy) => {
    expect(error({ healthCheckNodePort: 32000, externalTrafficPolicy: policy }, type)).toContain('ExposedService \'web\': spec.healthCheckNodePort: 32000 may only be set when type is LoadBalancer and externalTrafficPolicy is Local; set both (ExposedService.loadBalancer() with TrafficPolicy.LOCAL) or remove healthCheckNodePort.');
  });

  test('fails when healthCheckNodePort is outside the node port range', () => {
    expect(error({ healthCheckNodePort: 8080, externalTrafficPolicy: TrafficPolicy.LOCAL }, ServiceType.LOAD_BALANCER)).toContain('ExposedService \'web\': spec.healthCheckNodePort: 8080 is outside 30000-32767; pick a port in that range or omit it to let Kubernetes allocate one.');
  });

  test('fails when healthCheckNodePort is a node port of the Service', () => {
    expect(error({ healthCheckNodePort: 30080, externalTrafficPolicy: TrafficPolicy.LOCAL, ports: [{ port: 80, nodePort: 30080 }] }, ServiceType.LOAD_BALANCER)).toContain('ExposedService \'web\': spec.healthCheckNodePort: 30080 is already used by spec.ports[0].nodePort; pick another node port.');
  });

  test.each([
    ['/spec/type', 'Headless', 'spec.type: "Headless" is not supported; use ServiceType.CLUSTER_IP, NODE_PORT, LOAD_BALANCER or EXTERNAL_NAME.'],
    ['/spec/ports/0/protocol', 'HTTP', 'spec.ports[0].protocol: "HTTP" is not supported; use Protocol.TCP, UDP or SCTP.'],
    ['/spec/sessionAffinity', 'Sticky', 'spec.sessionAffinity: "Sticky" is not supported; use SessionAffinity.NONE or CLIENT_IP.'],
    ['/spec/internalTrafficPolicy', 'Node', 'spec.internalTrafficPolicy: "Node" is not supported; use TrafficPolicy.CLUSTER or LOCAL.'],
    ['/spec/ipFamilyPolicy', 'DualStack', 'spec.ipFamilyPolicy: "DualStack" is not supported; use IpFamilyPolicy.SINGLE_STACK, PREFER_DUAL_STACK or REQUIRE_DUAL_STACK.'],
    ['/spec/ipFamilies', ['IPv5'], 'spec.ipFamilies[0]: "IPv5" is not supported; use IpFamily.IPV4 or IPV6.'],
  ])('fails when an escape-hatch edit sets %s to %j', (path, value, message) => {
    expect(patched(path, value)).toContain(`ExposedService 'web': ${message}`);
  });

  test('fails when an escape-hatch edit sets an unsupported externalTrafficPolicy', () => {
    expect(patched('/spec/externalTrafficPolicy', 'Global', ServiceType.NODE_PORT)).toContain('ExposedService \'web\': spec.externalTrafficPolicy: "Global" is not supported; use TrafficPolicy.CLUSTER or LOCAL.');
  });

  test('reports every problem of one Service in one message', () => {
    const message = error({ clusterIP: 'None', externalTrafficPolicy: TrafficPolicy.LOCAL, loadBalancerClass: 'x', ports: [{ name: 'Web', port: 80 }] }, ServiceType.NODE_PORT);
    expect(message).toContain('ExposedService \'web\' has 3 problems:');
    expect(message).toContain('- spec.clusterIP: "None" (headless) may not be used when type is NodePort');
    expect(message).toContain('- spec.ports[0].name: Service port name "Web" is invalid');
    expect(message).toContain('- spec.loadBalancerClass: "x" may only be used when type is LoadBalancer');
  });
});

describe('the services examples', () => {
  const charts = exampleCharts();
  const services = (file: string) => Testing.synth(charts.get(file)!).filter((m) => m.kind === 'Service');

  test('services-ports exposes three named container ports by name, with sticky sessions and dual-stack where available', () => {
    const [svc] = services('dist/services-ports.k8s.yaml');
    expect(svc.spec.ports.map((p: any) => [p.name, p.targetPort, p.protocol])).toEqual([['http', 'http', undefined], ['metrics', 'metrics', undefined], ['syslog', 'syslog', 'UDP']]);
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } }, internalTrafficPolicy: 'Local', ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv4'] });
  });

  test('services-headless has a headless Service with ports and one without', () => {
    const [peers, dns] = services('dist/services-headless.k8s.yaml');
    expect(peers.spec).toEqual({ clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'peer', port: 2380 }], publishNotReadyAddresses: true });
    expect(dns.spec).toEqual({ clusterIP: 'None', selector: { app: 'db' } });
  });

  test('services-load-balancer sets every LoadBalancer option and a NodePort traffic policy', () => {
    const [lb, np] = services('dist/services-load-balancer.k8s.yaml');
    expect(lb.metadata.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' });
    expect(lb.spec).toMatchObject({
      type: 'LoadBalancer',
      loadBalancerSourceRanges: ['10.0.0.0/8', '192.168.0.0/16'],
      loadBalancerClass: 'service.k8s.aws/nlb',
      allocateLoadBalancerNodePorts: false,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 32000,
    });
    expect(np.spec).toMatchObject({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] });
  });

  test('services-kplus selects the cdk8s-plus-28 Deployment by its own selector', () => {
    const manifests = Testing.synth(charts.get('dist/services-kplus.k8s.yaml')!);
    const deployment = only(manifests, 'Deployment');
    const svc = only(manifests, 'Service');
    expect(svc.spec).toEqual({ type: 'ClusterIP', selector: deployment.spec.selector.matchLabels, ports: [{ port: 80, targetPort: 'http' }] });
  });
});

describe('the services-deployment example', () => {
  test('exposes a three-replica Deployment of this library through a LoadBalancer by its template labels', () => {
    const manifests = Testing.synth(exampleCharts().get('dist/services-deployment.k8s.yaml')!);
    const deployment = only(manifests, 'Deployment');
    const svc = only(manifests, 'Service');
    expect(deployment.spec.replicas).toBe(3);
    expect(svc.spec).toEqual({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', selector: deployment.spec.template.metadata.labels, ports: [{ port: 80, targetPort: 'http' }] });
  });
});

describe('the factories\' options', () => {
  const loose = (o: unknown): any => o;

  test('reject a type, which the factory would override without a word', () => {
    const chart = newChart();
    expect(() => ExposedService.clusterIp(chart, 's', loose({ metadata: { name: 's' }, selector: { a: 'b' }, ports: [{ port: 80 }], type: 'LoadBalancer' })))
      .toThrow("ExposedService 's': type: \"LoadBalancer\" cannot be set in ExposedService.clusterIp(): the factory writes type ClusterIP. Remove type, or use the factory of the type you want (or new ExposedService(...) with type).");
    expect(() => ExposedService.headless(chart, 'h', loose({ selector: { a: 'b' }, type: 'NodePort' }))).toThrow('ExposedService at test/h: type: "NodePort" cannot be set in ExposedService.headless()');
    // Nothing was added to the app: a later synthesis of the chart is clean.
    expect(synth(chart)).toEqual([]);
  });

  test('reject null options with a message instead of a TypeError', () => {
    expect(() => ExposedService.headless(newChart(), 's', loose(null))).toThrow('ExposedService at test/s: is null, but ExposedServiceOptions is an object of fields; pass { ... }.');
  });

  test.each([
    ['clusterIp', (chart: any, o: any) => ExposedService.clusterIp(chart, 's', o)],
    ['headless', (chart: any, o: any) => ExposedService.headless(chart, 's', o)],
  ])('%s() reads each option once, so a getter cannot give the check one value and the Service another', (_name, make) => {
    // GIVEN options whose clusterIP and ports are getters
    const reads: string[] = [];
    const options = {
      selector: { app: 'web' },
      get clusterIP() {
        reads.push('clusterIP');
        return reads.length > 1 ? '10.0.0.1' : 'None';
      },
      get ports() {
        reads.push('ports');
        return [{ port: 80 }];
      },
    };
    // WHEN
    const chart = newChart();
    make(chart, options);
    // THEN
    expect(reads).toEqual(['clusterIP', 'ports']);
    expect(only(synth(chart), 'Service').spec.clusterIP).toBe('None');
  });
});

describe('an ExposedService whose construction fails after it joined the app', () => {
  afterEach(() => jest.restoreAllMocks());

  test('takes itself out of the app and frees its name', () => {
    // GIVEN a failure inside the constructor, after the object was added to the tree (nothing the
    // props can trigger today: they are all read before; this guards what is added later)
    const chart = newChart();
    jest.spyOn(values, 'toManifestValue').mockImplementationOnce(() => {
      throw new Error('injected failure');
    });
    // WHEN
    expect(() => ExposedService.clusterIp(chart, 's', { metadata: { name: 's' }, selector: { app: 'web' }, ports: [{ port: 80 }] })).toThrow('injected failure');
    // THEN
    expect(chart.node.findAll().map((x) => x.node.path)).toEqual(['test']);
    ExposedService.clusterIp(chart, 'again', { metadata: { name: 's' }, selector: { app: 'web' }, ports: [{ port: 80 }] });
    expect(synth(chart).map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['Service/s']);
  });
});

describe('a targetPort given as k8s.IntOrString', () => {
  test('is unwrapped like the int-or-string fields of the Kubernetes structs', () => {
    const chart = newChart();
    new ExposedService(chart, 's', {
      metadata: { name: 's' },
      selector: { a: 'b' },
      ports: [{ name: 'a', port: 80, targetPort: k8s.IntOrString.fromNumber(8080) as any }, { name: 'b', port: 81, targetPort: k8s.IntOrString.fromString('http') as any }],
    });
    expect(only(synth(chart), 'Service').spec.ports).toEqual([{ name: 'a', port: 80, targetPort: 8080 }, { name: 'b', port: 81, targetPort: 'http' }]);
  });
});

describe('ExposedService values the API server fills in when they are "" (review 27 G1)', () => {
  test.each([
    ['type', { type: '' as ServiceType }, (s: any) => s.type],
    ['a port protocol', { ports: [{ port: 80, protocol: '' as Protocol }] }, (s: any) => s.ports[0].protocol],
    ['sessionAffinity', { sessionAffinity: '' as SessionAffinity }, (s: any) => s.sessionAffinity],
    ['externalTrafficPolicy of a NodePort Service', { type: ServiceType.NODE_PORT, externalTrafficPolicy: '' as TrafficPolicy }, (s: any) => s.externalTrafficPolicy],
  ])('GIVEN "" for %s WHEN synthesized THEN it is accepted and written as given', (_what, props, read) => {
    const chart = newChart();
    new ExposedService(chart, 's', { selector: { app: 'web' }, ports: [{ port: 80 }], ...props } as ExposedServiceProps);
    // Testing.synth: the offline 1.28 schema knows no defaulting and refuses "".
    expect(read(only(Testing.synth(chart), 'Service').spec)).toBe('');
  });

  test('GIVEN type "" and a nodePort WHEN synthesized THEN it is refused as for ClusterIP, the type "" becomes', () => {
    const chart = newChart();
    new ExposedService(chart, 's', { type: '' as ServiceType, selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30000 }] });
    expect(synthError(chart)).toContain('spec.ports[0].nodePort: 30000 may not be used when type is ClusterIP');
  });

  test('GIVEN "" for internalTrafficPolicy (a pointer the API server does not default) WHEN built THEN it is refused', () => {
    expect(() => new ExposedService(newChart(), 's', { selector: { app: 'web' }, ports: [{ port: 80 }], internalTrafficPolicy: '' as TrafficPolicy }))
      .toThrow('internalTrafficPolicy: "" is not a TrafficPolicy');
  });
});

describe('ExposedService namespace against a target without one (review 29 B6)', () => {
  test('GIVEN a Service with metadata.namespace in front of a pod without a namespace WHEN synthesized THEN it is refused, naming both fixes', () => {
    const chart = newChart();
    const pod = webPod(chart);
    new ExposedService(chart, 's', { metadata: { namespace: 'shop' }, target: pod, ports: [{ port: 80 }] });
    expect(synthError(chart)).toContain("metadata.namespace: \"shop\" is set, but PlainPod 'web' has no namespace (kubectl puts it in the namespace it applies to, which may be another); "
      + "a Service selects pods of its own namespace only (this library's contract). Give the target the same namespace (its metadata.namespace, or its chart's), or remove this Service's metadata.namespace.");
  });

  test('GIVEN a Service and its pod both without a namespace WHEN synthesized THEN it is accepted', () => {
    const chart = newChart();
    new ExposedService(chart, 's', { target: webPod(chart), ports: [{ port: 80 }] });
    expect(only(synth(chart), 'Service').metadata.namespace).toBeUndefined();
  });
});

describe('ExposedService namespace with a target whose namespace is unknown (review 31 A1)', () => {
  test('GIVEN a Service with a namespace in front of ServiceTarget.fromLabels() WHEN synthesized THEN it is accepted (the pods\' namespace is not known)', () => {
    const chart = newChart();
    new ExposedService(chart, 's', { metadata: { name: 'web', namespace: 'web' }, target: ServiceTarget.fromLabels({ app: 'web' }), ports: [{ port: 80 }] });
    expect(only(synth(chart), 'Service').metadata.namespace).toBe('web');
  });
});

describe('a pod label value that is a token (review 48 AA1)', () => {
  test('GIVEN a PlainPod whose label value is a Lazy WHEN exposed THEN the Service selects it, compared once resolved', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: Lazy.any({ produce: () => 'web' }) as any } }, containers: [{ name: 'app', image: 'nginx' }] });
    new ExposedService(chart, 'svc', { metadata: { name: 'svc' }, target: pod, ports: [{ port: 80 }] });
    expect(only(synth(chart), 'Service').spec.selector).toEqual({ app: 'web' });
  });

  test('GIVEN a Lazy label value and a JSON patch that changes the selector WHEN synthesized THEN the resolved value is named, not [object Object]', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: Lazy.any({ produce: () => 'web' }) as any } }, containers: [{ name: 'app', image: 'nginx' }] });
    const svc = new ExposedService(chart, 'svc', { metadata: { name: 'svc' }, target: pod, ports: [{ port: 80 }] });
    svc.addJsonPatch(JsonPatch.replace('/spec/selector/app', 'other'));
    expect(synthError(chart)).toContain('does not select PlainPod \'web\': it needs app=web but has "other"');
  });
});

describe('review 62 W1, W2', () => {
  test('GIVEN headless() with clusterIPs the allocator refuses WHEN synthesized THEN only the clusterIPs problem, as the API server\'s allocation stops there', () => {
    const chart = newChart();
    ExposedService.headless(chart, 'a', { selector: { app: 'db' }, clusterIPs: ['None', '10.0.0.1'] });
    const error = synthError(chart);
    expect(error).toContain('spec.clusterIPs: ["None","10.0.0.1"]: "None" must be the first and only value; a headless Service has no cluster IP of either family.');
    expect(error).not.toContain('make it headless with ExposedService.headless()');
    expect(error).not.toContain('spec.ipFamilyPolicy');
  });

  test('GIVEN two clusterIPs with a SingleStack policy and a bad port name WHEN validated THEN only the policy problem, as initIPFamilyFields fails first (review 63 X1)', () => {
    const problems = problemsOf({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { selector: { app: 'a' }, clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1', 'fd00::1'], ports: [{ name: 'Bad_Name', port: 80 }, { name: 'b', port: 81 }] },
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('spec.ipFamilyPolicy: is not set, so it is SingleStack, which does not allow the two clusterIPs 10.0.0.1, fd00::1');
  });

  test.each([
    ['type ExternalName', { type: ServiceType.EXTERNAL_NAME, externalName: 'db.example.com' }, 'ExposedService.externalName(scope, id, { ... })'],
    ['withoutSelector', { withoutSelector: true, ports: [{ port: 80 }] }, 'new ExposedService(scope, id, { withoutSelector: true, ... })'],
  ])('GIVEN expose() with %s WHEN called THEN it names the Service to make instead, not a target the caller never wrote', (_what, props, instead) => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [{ name: 'app', image: 'nginx' }] });
    expect(() => pod.expose('svc', props as any)).toThrow(`make that Service with ${instead} instead.`);
  });
});
