import { RuleCase } from './cases';

/** A Service named 'web' with one port 80 selecting app=web, and these spec fields on top. */
export function service(spec: any = {}, metadata: any = { name: 'web' }): any {
  return { apiVersion: 'v1', kind: 'Service', metadata, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } };
}

const LB = { type: 'LoadBalancer' };
const NP = { type: 'NodePort' };

/** The rules of ValidateService, SetDefaults_Service and the Service registry's create steps. */
export const SERVICE_CASES: RuleCase[] = [
  {
    go: 'SetDefaults_Service',
    name: 'takes null as unset, as the JSON decoder does, then defaults it: type, sessionAffinity, externalTrafficPolicy, port name, protocol, targetPort, nodePort',
    manifest: service({
      type: null,
      sessionAffinity: null,
      externalTrafficPolicy: null,
      healthCheckNodePort: null,
      ports: [{ name: null, port: 80, protocol: null, targetPort: null, nodePort: null }],
    }),
    problems: [],
    offline128: false,
  },
  {
    go: 'SetDefaults_Service',
    name: 'takes a null port as a port with every field empty, as the JSON decoder does, and rejects it',
    manifest: service({ ports: [{ name: 'http', port: 80 }, null] }),
    problems: [
      "spec.ports[1].name: is required when a Service has more than one port; name every port (e.g. 'http').",
      'spec.ports[1].port: is required; set a port number between 1 and 65535.',
    ],
  },
  // ---- accepted: what the API server accepts, including values it defaults ------------------
  { go: 'ValidateService', name: 'accepts the smallest ClusterIP Service', manifest: service(), problems: [] },
  {
    go: 'SetDefaults_Service',
    name: 'accepts empty type, sessionAffinity and protocol, targetPort 0 and "" (defaulted to the port)',
    manifest: service({ type: '', sessionAffinity: '', ports: [{ name: 'a', port: 80, targetPort: 0, protocol: '' }, { name: 'b', port: 81, targetPort: '' }] }),
    problems: [],
    // The JSON schema of kubernetes-models lists the enum values without "", which the server defaults.
    offline128: false,
  },
  {
    go: 'ValidateService',
    name: 'accepts nodePort 0 (allocate) on NodePort and LoadBalancer Services and on a ClusterIP Service',
    manifest: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 0 }] }),
    problems: [],
  },
  { go: 'ValidateService', name: 'accepts nodePort 0 on a ClusterIP Service', manifest: service({ ports: [{ port: 80, nodePort: 0 }] }), problems: [] },
  { go: 'ValidateService', name: 'accepts a Service without selector (endpoints managed elsewhere)', manifest: service({ selector: undefined }), problems: [] },
  { go: 'ValidateService', name: 'accepts a headless Service without ports', manifest: service({ clusterIP: 'None', ports: undefined }), problems: [] },
  {
    go: 'ValidateService',
    name: 'accepts an ExternalName Service without ports, with a fully qualified name',
    manifest: service({ type: 'ExternalName', externalName: 'db.example.com.', selector: undefined, ports: undefined }),
    problems: [],
  },
  {
    go: 'ValidateService',
    name: 'accepts an ExternalName Service with ports',
    manifest: service({ type: 'ExternalName', externalName: 'db.example.com', ports: [{ port: 5432 }] }),
    problems: [],
  },
  {
    go: 'ParseIPSloppy',
    name: 'accepts addresses with leading zeros, read as decimal by Kubernetes 1.28-1.32',
    manifest: service({ ...LB, clusterIP: '010.96.0.10', externalIPs: ['0192.0.2.10'], loadBalancerSourceRanges: ['010.0.0.0/8', ' 2001:db8::/32 '] }),
    problems: [],
  },
  {
    go: 'ParseIPSloppy',
    name: 'accepts IPv6 cluster IPs, also with an IPv4 tail, and a dual-stack pair',
    manifest: service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::10'], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' }),
    problems: [],
  },
  { go: 'ParseIPSloppy', name: 'accepts an IPv4-mapped IPv6 cluster IP as IPv4', manifest: service({ clusterIP: '::ffff:10.96.0.10', ipFamilies: ['IPv4'] }), problems: [] },
  {
    go: 'validateServicePort',
    name: 'accepts appProtocol as a standard or prefixed name',
    manifest: service({ ports: [{ name: 'h2c', port: 80, appProtocol: 'kubernetes.io/h2c' }, { name: 'web', port: 443, appProtocol: 'https' }] }),
    problems: [],
  },
  { go: 'validateClientIPAffinityConfig', name: 'accepts ClientIP affinity without a timeout (10800 by default)', manifest: service({ sessionAffinity: 'ClientIP' }), problems: [] },
  {
    go: 'validateServiceExternalTrafficPolicy',
    name: 'accepts externalTrafficPolicy on a ClusterIP Service with externalIPs (externally accessible)',
    manifest: service({ externalIPs: ['192.0.2.10'], externalTrafficPolicy: 'Local' }),
    problems: [],
  },
  {
    go: 'validateServiceExternalTrafficPolicy',
    name: 'accepts healthCheckNodePort 0 (allocate) on a LoadBalancer with Local traffic, and 0 elsewhere',
    manifest: service({ ...LB, externalTrafficPolicy: 'Local', healthCheckNodePort: 0 }),
    problems: [],
  },
  { go: 'validateServiceExternalTrafficPolicy', name: 'accepts healthCheckNodePort 0 on a ClusterIP Service', manifest: service({ healthCheckNodePort: 0 }), problems: [] },
  {
    go: 'initIPFamilyFields',
    name: 'accepts two families on a headless Service without selector (RequireDualStack by default)',
    manifest: service({ clusterIP: 'None', selector: undefined, ports: undefined, ipFamilies: ['IPv6', 'IPv4'] }),
    problems: [],
  },
  {
    go: 'ValidateService',
    name: 'accepts a node port inside a custom range',
    manifest: service({ ...NP, ports: [{ port: 80, nodePort: 8080 }] }),
    options: { nodePortRange: { min: 8000, max: 9000 } },
    problems: [],
  },

  // ---- rejected -------------------------------------------------------------------------------
  {
    go: 'ValidateService',
    name: 'rejects a Service name that is not an RFC 1035 label',
    manifest: service({}, { name: '1web' }),
    problems: ['metadata.name: "1web" is not valid as a Service name (an RFC 1035 label): it must be an RFC 1035 label: lowercase letters, digits and \'-\', starting with a letter and ending with a letter or digit (e.g. \'my-name\').'],
  },
  {
    go: 'ValidateService',
    name: 'rejects an unsupported type',
    manifest: service({ type: 'Headless' }),
    problems: ['spec.type: "Headless" is not supported; use ServiceType.CLUSTER_IP, NODE_PORT, LOAD_BALANCER or EXTERNAL_NAME.'],
  },
  {
    go: 'ValidateService',
    name: 'rejects a Service without ports that is neither headless nor ExternalName',
    manifest: service({ ports: [] }),
    problems: ['spec.ports: a Service needs at least one port; add one (e.g. { port: 80 }), or make it headless with ExposedService.headless().'],
  },
  {
    go: 'ValidateService',
    name: 'rejects a headless NodePort Service',
    manifest: service({ ...NP, clusterIP: 'None' }),
    problems: ['spec.clusterIP: "None" (headless) may not be used when type is NodePort; a headless Service has no virtual IP to expose. Use ServiceType.CLUSTER_IP (or ExposedService.headless()), or remove clusterIP.'],
  },
  {
    go: 'isHeadlessService',
    name: 'reports only the headless problem of a NodePort Service with clusterIP None and an IPv6 family, as the API server (review 15 B1)',
    manifest: service({ ...NP, clusterIP: 'None', ipFamilies: ['IPv6'] }),
    problems: ['spec.clusterIP: "None" (headless) may not be used when type is NodePort; a headless Service has no virtual IP to expose. Use ServiceType.CLUSTER_IP (or ExposedService.headless()), or remove clusterIP.'],
  },
  {
    go: 'isHeadlessService',
    name: 'does not ask a headless LoadBalancer Service for ports: it is headless whatever its type (review 15 B1)',
    manifest: service({ ...LB, clusterIP: 'None', ports: [] }),
    problems: ['spec.clusterIP: "None" (headless) may not be used when type is LoadBalancer; a headless Service has no virtual IP to expose. Use ServiceType.CLUSTER_IP (or ExposedService.headless()), or remove clusterIP.'],
  },
  {
    go: 'PrepareForCreate',
    name: 'still reports a status whose fields are "" or hold an unknown field, which the decoder refuses (review 16 A1)',
    manifest: { ...service(), status: { loadBalancer: { ingres: [] } } },
    problems: ['status: {"loadBalancer":{"ingres":[]}} would vanish (this library\'s contract): the API server resets a Service\'s status on create; remove it.'],
    offline128: false,
  },
  {
    go: 'PrepareForCreate',
    name: 'accepts the empty status that kubectl create service --dry-run=client -o yaml prints, which the reset does not change (review 15 B3)',
    manifest: { ...service(), status: { loadBalancer: {} } },
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateService',
    name: 'rejects a headless LoadBalancer Service written with clusterIPs',
    manifest: service({ ...LB, clusterIP: 'None', clusterIPs: ['None'] }),
    problems: ['spec.clusterIPs[0]: "None" (headless) may not be used when type is LoadBalancer; a headless Service has no virtual IP to expose. Use ServiceType.CLUSTER_IP (or ExposedService.headless()), or remove clusterIP.'],
  },
  {
    go: 'ValidateService',
    name: 'rejects the kubelet port on a LoadBalancer',
    manifest: service({ ...LB, ports: [{ port: 10250 }] }),
    problems: ['spec.ports[0].port: 10250 may not be exposed by a LoadBalancer Service: the kubelet listens on it on every node. Pick another port.'],
  },
  {
    go: 'ValidateService',
    name: 'rejects an ExternalName Service without externalName',
    manifest: service({ type: 'ExternalName' }),
    problems: ["spec.externalName: is required when type is ExternalName; set the DNS name the Service points to (e.g. 'db.example.com')."],
  },
  {
    go: 'ValidateService',
    name: 'rejects an externalName that is not a DNS name',
    manifest: service({ type: 'ExternalName', externalName: 'my_db.example.com' }),
    problems: ['spec.externalName: "my_db.example.com" is not a valid DNS name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').'],
  },
  {
    go: 'ValidateService',
    name: 'rejects cluster IPs and IP families on an ExternalName Service',
    manifest: service({ type: 'ExternalName', externalName: 'db.example.com', clusterIP: '10.96.0.10', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' }),
    problems: [
      'spec.clusterIP: "10.96.0.10" may not be set for an ExternalName Service: it has no cluster IP (DNS answers with a CNAME to externalName). Remove clusterIP.',
      'spec.ipFamilies: ["IPv4"] may not be set for an ExternalName Service: it has no cluster IP. Remove ipFamilies.',
      'spec.ipFamilyPolicy: "SingleStack" may not be set for an ExternalName Service: it has no cluster IP. Remove ipFamilyPolicy.',
    ],
  },
  {
    go: 'ValidateService',
    name: 'rejects a topology-mode annotation that contradicts the deprecated hints annotation',
    manifest: service({}, { name: 'web', annotations: { 'service.kubernetes.io/topology-mode': 'Auto', 'service.kubernetes.io/topology-aware-hints': 'disabled' } }),
    problems: ['metadata.annotations.service.kubernetes.io/topology-mode: "Auto" must match the deprecated annotation service.kubernetes.io/topology-aware-hints ("disabled") when both are set; remove service.kubernetes.io/topology-aware-hints.'],
  },
  {
    go: 'ValidateService',
    name: 'rejects a selector label value with a space',
    manifest: service({ selector: { app: 'my web' } }),
    problems: ['spec.selector.app: label value "my web" is invalid: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric.'],
  },
  {
    go: 'ValidateService',
    name: 'rejects a nodePort on a ClusterIP Service',
    manifest: service({ ports: [{ port: 80, nodePort: 30080 }] }),
    problems: ['spec.ports[0].nodePort: 30080 may not be used when type is ClusterIP; set type to ServiceType.NODE_PORT or LOAD_BALANCER, or remove nodePort.'],
  },
  {
    go: 'initNodePorts',
    name: 'answers a node port outside the range alone, as the allocation in BeginCreate fails before the Service is validated (review 63 X1)',
    manifest: service({ ...NP, ports: [{ name: 'Bad_Name', port: 80, nodePort: 8080 }, { name: 'b', port: 81, nodePort: 30080 }, { name: 'c', port: 82, nodePort: 30080 }] }, { name: 'Bad_Name' }),
    problems: ['spec.ports[0].nodePort: 8080 is outside 30000-32767; pick a port in that range or omit it to let Kubernetes allocate one.'],
  },
  {
    go: 'ValidateService',
    name: 'rejects a node port used twice for one port number and protocol, which the allocation shares',
    manifest: service({ ...NP, ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 80, nodePort: 30080 }, { name: 'd', port: 80, nodePort: 30080, protocol: 'UDP' }] }),
    problems: [
      'spec.ports[1]: port 80/TCP is already declared by spec.ports[0]; each port and protocol pair may appear once.',
      'spec.ports[1].nodePort: 30080 is already used by spec.ports[0]; each node port may be used once per protocol.',
    ],
  },
  {
    go: 'ValidateService',
    name: 'rejects one port and protocol twice (an empty protocol is TCP)',
    manifest: service({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: '' }] }),
    problems: ['spec.ports[1]: port 80/TCP is already declared by spec.ports[0]; each port and protocol pair may appear once.'],
  },
  {
    go: 'ValidateService',
    name: 'rejects an unsupported sessionAffinity',
    manifest: service({ sessionAffinity: 'Sticky' }),
    problems: ['spec.sessionAffinity: "Sticky" is not supported; use SessionAffinity.NONE or CLIENT_IP.'],
  },
  {
    go: 'ValidateService',
    name: 'rejects external IPs that are not addresses',
    manifest: service({ externalIPs: ['192.0.2.256', '1.2.3', 'example.com', '::ffff:1.2.3', '1::2::3'] }),
    problems: [
      "spec.externalIPs[0]: \"192.0.2.256\" is not a valid IP address; write an address such as '192.0.2.10' or '2001:db8::10'.",
      "spec.externalIPs[1]: \"1.2.3\" is not a valid IP address; write an address such as '192.0.2.10' or '2001:db8::10'.",
      "spec.externalIPs[2]: \"example.com\" is not a valid IP address; write an address such as '192.0.2.10' or '2001:db8::10'.",
      "spec.externalIPs[3]: \"::ffff:1.2.3\" is not a valid IP address; write an address such as '192.0.2.10' or '2001:db8::10'.",
      "spec.externalIPs[4]: \"1::2::3\" is not a valid IP address; write an address such as '192.0.2.10' or '2001:db8::10'.",
    ],
  },
  {
    go: 'ValidateNonSpecialIP',
    name: 'rejects unspecified, loopback, link-local and link-local multicast external IPs',
    manifest: service({ externalIPs: ['0.0.0.0', '::', '127.0.0.1', '::1', '169.254.169.254', 'fe80::1', '224.0.0.251', 'ff02::1', '::ffff:127.0.0.1'] }),
    problems: [
      'spec.externalIPs[0]: "0.0.0.0" may not be unspecified (0.0.0.0, ::); use an address that clients reach the Service on.',
      'spec.externalIPs[1]: "::" may not be unspecified (0.0.0.0, ::); use an address that clients reach the Service on.',
      'spec.externalIPs[2]: "127.0.0.1" may not be in the loopback range (127.0.0.0/8, ::1/128); use an address that clients reach the Service on.',
      'spec.externalIPs[3]: "::1" may not be in the loopback range (127.0.0.0/8, ::1/128); use an address that clients reach the Service on.',
      'spec.externalIPs[4]: "169.254.169.254" may not be in the link-local range (169.254.0.0/16, fe80::/10); use an address that clients reach the Service on.',
      'spec.externalIPs[5]: "fe80::1" may not be in the link-local range (169.254.0.0/16, fe80::/10); use an address that clients reach the Service on.',
      'spec.externalIPs[6]: "224.0.0.251" may not be in the link-local multicast range (224.0.0.0/24, ff02::/10); use an address that clients reach the Service on.',
      'spec.externalIPs[7]: "ff02::1" may not be in the link-local multicast range (224.0.0.0/24, ff02::/10); use an address that clients reach the Service on.',
      'spec.externalIPs[8]: "::ffff:127.0.0.1" may not be in the loopback range (127.0.0.0/8, ::1/128); use an address that clients reach the Service on.',
    ],
  },

  // ---- validateServicePort --------------------------------------------------------------------
  {
    go: 'validateServicePort',
    name: 'rejects an unnamed port among two, an invalid and a repeated name',
    manifest: service({ ports: [{ name: 'http', port: 80 }, { port: 443 }, { name: 'HTTP', port: 8080 }, { name: 'http', port: 8081 }] }),
    problems: [
      "spec.ports[1].name: is required when a Service has more than one port; name every port (e.g. 'http').",
      'spec.ports[2].name: Service port name "HTTP" is invalid: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\').',
      'spec.ports[3].name: "http" is already used by spec.ports[0]; give each port a unique name.',
    ],
  },
  {
    go: 'validateServicePort',
    name: 'rejects port 0 once (the defaulted targetPort is not reported again) and port 65536',
    manifest: service({ ports: [{ name: 'a', port: 0 }, { name: 'b', port: 65536, targetPort: 8080 }] }),
    problems: [
      'spec.ports[0].port: 0 is not a valid port number; use an integer between 1 and 65535.',
      'spec.ports[1].port: 65536 is not a valid port number; use an integer between 1 and 65535.',
    ],
  },
  {
    go: 'validateServicePort',
    name: 'rejects an unsupported protocol',
    manifest: service({ ports: [{ port: 80, protocol: 'HTTP' }] }),
    problems: ['spec.ports[0].protocol: "HTTP" is not supported; use Protocol.TCP, UDP or SCTP.'],
  },
  {
    go: 'ValidatePortNumOrName',
    name: 'rejects a targetPort that is neither a port number nor a port name',
    manifest: service({ ports: [{ name: 'a', port: 80, targetPort: 'http--alt' }, { name: 'b', port: 81, targetPort: '8080' }, { name: 'c', port: 82, targetPort: 70000 }] }),
    problems: [
      'spec.ports[0].targetPort: "http--alt" is not a valid container port name: it must not contain consecutive hyphens (\'--\').',
      'spec.ports[1].targetPort: "8080" is not a valid container port name: it must contain at least one letter; for the port number, write 8080 without quotes.',
      'spec.ports[2].targetPort: 70000 is not a valid port number; use an integer between 1 and 65535.',
    ],
  },
  {
    go: 'ValidatePortNumOrName',
    name: 'suggests the number only for a quoted port number the field takes: not "0" or "70000" (review 17 A6)',
    manifest: service({ ports: [{ name: 'a', port: 80, targetPort: '0' }, { name: 'b', port: 81, targetPort: '70000' }] }),
    problems: [
      'spec.ports[0].targetPort: "0" is not a valid container port name: it must contain at least one letter.',
      'spec.ports[1].targetPort: "70000" is not a valid container port name: it must contain at least one letter.',
    ],
  },
  {
    go: 'validateServicePort',
    name: 'rejects an appProtocol that is not a qualified name',
    manifest: service({ ports: [{ port: 80, appProtocol: 'my proto' }] }),
    problems: ['spec.ports[0].appProtocol: "my proto" is not a valid application protocol: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\'); application protocols look like \'http\', \'kubernetes.io/h2c\' or \'example.com/custom\'.'],
  },

  // ---- session affinity -----------------------------------------------------------------------
  {
    go: 'SetDefaults_Service',
    name: 'rejects sessionAffinityConfig with sessionAffinity None: the server drops the line',
    manifest: service({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }),
    problems: ['spec.sessionAffinityConfig: a ClientIP timeout (600 seconds) is set but sessionAffinity is None; set sessionAffinity to ClientIP (SessionAffinity.CLIENT_IP in ExposedService) or remove the timeout (sessionAffinityConfig; sessionAffinityTimeoutSeconds in ExposedService). The API server drops sessionAffinityConfig on create when sessionAffinity is None: the line would vanish (this library\'s contract).'],
  },
  {
    go: 'SetDefaults_Service',
    name: 'rejects sessionAffinityConfig without sessionAffinity (None by default)',
    manifest: service({ sessionAffinityConfig: { clientIP: {} } }),
    problems: ['spec.sessionAffinityConfig: {"clientIP":{}} is set but sessionAffinity is None; set sessionAffinity to ClientIP (SessionAffinity.CLIENT_IP in ExposedService) or remove sessionAffinityConfig. The API server drops sessionAffinityConfig on create when sessionAffinity is None: the line would vanish (this library\'s contract).'],
  },
  {
    go: 'SetDefaults_Service',
    name: 'rejects sessionAffinityConfig with sessionAffinity null, which decodes as unset (None)',
    manifest: service({ sessionAffinity: null, sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } } }),
    problems: ['spec.sessionAffinityConfig: a ClientIP timeout (600 seconds) is set but sessionAffinity is None; set sessionAffinity to ClientIP (SessionAffinity.CLIENT_IP in ExposedService) or remove the timeout (sessionAffinityConfig; sessionAffinityTimeoutSeconds in ExposedService). The API server drops sessionAffinityConfig on create when sessionAffinity is None: the line would vanish (this library\'s contract).'],
  },
  {
    go: 'validateClientIPAffinityConfig',
    name: 'rejects a ClientIP timeout of 0 or above one day',
    manifest: service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } }),
    problems: ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: 86401 is outside 1-86400; use a whole number of seconds up to one day, or omit it for the default 10800.'],
  },
  {
    go: 'validateClientIPAffinityConfig',
    name: 'rejects a ClientIP timeout of 0',
    manifest: service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } }),
    problems: ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: 0 is outside 1-86400; use a whole number of seconds up to one day, or omit it for the default 10800.'],
  },

  // ---- cluster IPs and IP families ------------------------------------------------------------
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects a cluster IP that is not an address',
    manifest: service({ clusterIP: '10.0.0.300' }),
    problems: ['spec.clusterIP: "10.0.0.300" must be empty, "None" (ExposedService.CLUSTER_IP_NONE) or a valid IP address (e.g. \'10.96.0.10\').'],
  },
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects clusterIPs whose first value is not clusterIP, and clusterIPs without clusterIP',
    manifest: service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.11'] }),
    problems: ['spec.clusterIPs: ["10.96.0.11"] must start with clusterIP "10.96.0.10"; make clusterIPs[0] the clusterIP, or remove one of the two fields.'],
  },
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects clusterIPs without clusterIP',
    manifest: service({ clusterIPs: ['10.96.0.10'] }),
    problems: ['spec.clusterIPs: ["10.96.0.10"] must be empty when clusterIP is not set; set clusterIP to clusterIPs[0] as well, or remove clusterIPs.'],
  },
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects "None" with a second cluster IP, and a second value that is not an address',
    manifest: service({ clusterIP: 'None', clusterIPs: ['None', 'fd00::10'], ipFamilyPolicy: 'PreferDualStack' }),
    problems: ['spec.clusterIPs: ["None","fd00::10"]: "None" must be the first and only value; a headless Service has no cluster IP of either family.'],
  },
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects two cluster IPs of one family',
    manifest: service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', '10.96.0.11'], ipFamilyPolicy: 'RequireDualStack' }),
    problems: ['spec.clusterIPs: ["10.96.0.10","10.96.0.11"] may hold no more than one address of each IP family; list one IPv4 and one IPv6 address.'],
  },
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects more than two cluster IPs',
    manifest: service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::10', 'fd00::11'], ipFamilyPolicy: 'RequireDualStack' }),
    problems: ['spec.clusterIPs: ["10.96.0.10","fd00::10","fd00::11"] may hold at most 2 addresses, one per IP family.'],
  },
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects a second cluster IP that is not an address',
    manifest: service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::g'], ipFamilyPolicy: 'RequireDualStack' }),
    problems: ["spec.clusterIPs[1]: \"fd00::g\" must be a valid IP address (e.g. 'fd00:10:96::a')."],
  },
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects cluster IPs of another family than ipFamilies says',
    manifest: service({ clusterIP: '10.96.0.10', ipFamilies: ['IPv6'] }),
    problems: ['spec.clusterIP: "10.96.0.10" is an IPv4 address but ipFamilies[0] is IPv6; use an IPv6 cluster IP or put IPv4 first.'],
  },
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects dual-stack cluster IPs listed in another order than ipFamilies',
    manifest: service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::10'], ipFamilies: ['IPv4', 'IPv4'], ipFamilyPolicy: 'RequireDualStack' }),
    problems: [
      'spec.ipFamilies[1]: "IPv4" is listed twice; list each family once (at most IPv4 and IPv6).',
      'spec.clusterIPs[1]: "fd00::10" is an IPv6 address but ipFamilies[1] is IPv4; list the addresses in the order of ipFamilies.',
    ],
  },
  {
    go: 'ValidateServiceClusterIPsRelatedFields',
    name: 'rejects unknown IP families and policies',
    manifest: service({ ipFamilies: ['IPv5'], ipFamilyPolicy: 'DualStack' }),
    problems: [
      'spec.ipFamilies[0]: "IPv5" is not supported; use IpFamily.IPV4 or IPV6.',
      'spec.ipFamilyPolicy: "DualStack" is not supported; use IpFamilyPolicy.SINGLE_STACK, PREFER_DUAL_STACK or REQUIRE_DUAL_STACK.',
    ],
  },
  {
    go: 'initIPFamilyFields',
    name: 'rejects two IP families without a dual-stack policy (SingleStack by default)',
    manifest: service({ ipFamilies: ['IPv4', 'IPv6'] }),
    problems: ['spec.ipFamilyPolicy: is not set, so it is SingleStack, which does not allow the two ipFamilies IPv4, IPv6; set ipFamilyPolicy to IpFamilyPolicy.PREFER_DUAL_STACK or REQUIRE_DUAL_STACK, or list one family.'],
  },
  {
    go: 'initIPFamilyFields',
    name: 'rejects two cluster IPs with SingleStack',
    manifest: service({ clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10', 'fd00::10'], ipFamilyPolicy: 'SingleStack' }),
    problems: ['spec.ipFamilyPolicy: "SingleStack" does not allow the two clusterIPs 10.96.0.10, fd00::10; set ipFamilyPolicy to IpFamilyPolicy.PREFER_DUAL_STACK or REQUIRE_DUAL_STACK, or list one address.'],
  },

  // ---- load balancer fields -------------------------------------------------------------------
  {
    go: 'ValidateService',
    name: 'rejects a source range with U+FEFF around it, which strings.TrimSpace keeps',
    manifest: service({ ...LB, loadBalancerSourceRanges: ['10.0.0.0/8\ufeff'] }),
    problems: ["spec.loadBalancerSourceRanges[0]: \"10.0.0.0/8\\ufeff\" is not a valid CIDR; write an IP range such as '10.0.0.0/8' or '2001:db8::/32'."],
  },
  {
    go: 'ValidateService',
    name: 'rejects a source-ranges annotation with U+FEFF around a range',
    manifest: service(LB, { name: 'web', annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': '\ufeff10.0.0.0/8' } }),
    problems: ["metadata.annotations.service.beta.kubernetes.io/load-balancer-source-ranges: \"\\ufeff10.0.0.0/8\" is not a valid CIDR; write IP ranges such as '10.0.0.0/8' (prefer the loadBalancerSourceRanges prop)."],
  },
  {
    go: 'ValidateService',
    name: 'rejects loadBalancerSourceRanges on a NodePort Service and ranges that are not CIDRs',
    manifest: service({ ...NP, loadBalancerSourceRanges: ['10.0.0.0', '10.0.0.0/33', 'fd00::/129', '10.0.0.1/8'] }),
    problems: [
      'spec.loadBalancerSourceRanges: ["10.0.0.0","10.0.0.0/33","fd00::/129","10.0.0.1/8"] may only be used when type is LoadBalancer; use ExposedService.loadBalancer() (type: ServiceType.LOAD_BALANCER) or remove loadBalancerSourceRanges.',
      "spec.loadBalancerSourceRanges[0]: \"10.0.0.0\" is not a valid CIDR; write an IP range such as '10.0.0.0/8' or '2001:db8::/32'.",
      "spec.loadBalancerSourceRanges[1]: \"10.0.0.0/33\" is not a valid CIDR; write an IP range such as '10.0.0.0/8' or '2001:db8::/32'.",
      "spec.loadBalancerSourceRanges[2]: \"fd00::/129\" is not a valid CIDR; write an IP range such as '10.0.0.0/8' or '2001:db8::/32'.",
    ],
  },
  {
    go: 'ValidateService',
    name: 'checks the deprecated source-ranges annotation like the field',
    manifest: service({}, { name: 'web', annotations: { 'service.beta.kubernetes.io/load-balancer-source-ranges': '10.0.0.0/8, nope' } }),
    problems: [
      'metadata.annotations.service.beta.kubernetes.io/load-balancer-source-ranges: may only be used when type is LoadBalancer; use ExposedService.loadBalancer() or remove the annotation.',
      "metadata.annotations.service.beta.kubernetes.io/load-balancer-source-ranges: \"nope\" is not a valid CIDR; write IP ranges such as '10.0.0.0/8' (prefer the loadBalancerSourceRanges prop).",
    ],
  },
  {
    go: 'ValidateService',
    name: 'rejects allocateLoadBalancerNodePorts on a NodePort Service',
    manifest: service({ ...NP, allocateLoadBalancerNodePorts: false }),
    problems: ['spec.allocateLoadBalancerNodePorts: false may only be used when type is LoadBalancer; use ExposedService.loadBalancer() (type: ServiceType.LOAD_BALANCER) or remove allocateLoadBalancerNodePorts.'],
  },
  {
    go: 'validateLoadBalancerClassField',
    name: 'rejects loadBalancerClass on a ClusterIP Service, without checking its form there, as Go does (review 66 E1)',
    manifest: service({ loadBalancerClass: 'example.com/internal vip' }),
    problems: [
      'spec.loadBalancerClass: "example.com/internal vip" may only be used when type is LoadBalancer; use ExposedService.loadBalancer() (type: ServiceType.LOAD_BALANCER) or remove loadBalancerClass.',
    ],
  },
  {
    go: 'validateLoadBalancerClassField',
    name: 'rejects a loadBalancerClass that is no qualified name on a LoadBalancer',
    manifest: service({ ...LB, loadBalancerClass: 'example.com/internal vip' }),
    problems: [
      'spec.loadBalancerClass: "example.com/internal vip" is not a valid load balancer class: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\'); load balancer classes look like \'example.com/internal-vip\'.',
    ],
  },

  // ---- traffic policies -----------------------------------------------------------------------
  {
    go: 'validateServiceExternalTrafficPolicy',
    name: 'rejects externalTrafficPolicy on a ClusterIP Service without externalIPs',
    manifest: service({ externalTrafficPolicy: 'Local' }),
    problems: ['spec.externalTrafficPolicy: "Local" may only be set when type is NodePort or LoadBalancer, or on a ClusterIP Service with externalIPs; change the type, add externalIPs, or remove externalTrafficPolicy (use internalTrafficPolicy for traffic from inside the cluster).'],
  },
  {
    go: 'validateServiceExternalTrafficPolicy',
    name: 'rejects an unsupported externalTrafficPolicy',
    manifest: service({ ...NP, externalTrafficPolicy: 'Global' }),
    problems: ['spec.externalTrafficPolicy: "Global" is not supported; use TrafficPolicy.CLUSTER or LOCAL.'],
  },
  {
    go: 'validateServiceExternalTrafficPolicy',
    name: 'rejects healthCheckNodePort unless the Service is a LoadBalancer with Local traffic (Cluster by default)',
    manifest: service({ ...LB, healthCheckNodePort: 32000 }),
    problems: ['spec.healthCheckNodePort: 32000 may only be set when type is LoadBalancer and externalTrafficPolicy is Local; set both (ExposedService.loadBalancer() with TrafficPolicy.LOCAL) or remove healthCheckNodePort.'],
  },
  {
    go: 'allocHealthCheckNodePort',
    name: 'rejects a healthCheckNodePort outside the node port range',
    manifest: service({ ...LB, externalTrafficPolicy: 'Local', healthCheckNodePort: 8080 }),
    problems: ['spec.healthCheckNodePort: 8080 is outside 30000-32767; pick a port in that range or omit it to let Kubernetes allocate one.'],
  },
  {
    go: 'allocHealthCheckNodePort',
    name: 'rejects a healthCheckNodePort that is a node port of the Service',
    manifest: service({ ...LB, externalTrafficPolicy: 'Local', healthCheckNodePort: 30080, ports: [{ port: 80, nodePort: 30080 }] }),
    problems: ['spec.healthCheckNodePort: 30080 is already used by spec.ports[0].nodePort; pick another node port.'],
  },
  {
    go: 'validateServiceInternalTrafficFieldsValue',
    name: 'rejects an unsupported internalTrafficPolicy',
    manifest: service({ internalTrafficPolicy: 'Node' }),
    problems: ['spec.internalTrafficPolicy: "Node" is not supported; use TrafficPolicy.CLUSTER or LOCAL.'],
  },
  {
    go: 'initNodePorts',
    name: 'rejects one node port for two port numbers, even with two protocols (the allocator gives each port number its own)',
    manifest: service({ ...NP, ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, protocol: 'UDP', nodePort: 30080 }] }),
    problems: ['spec.ports[1].nodePort: 30080 is already the node port of port 80 (spec.ports[0]); the API server gives each service port number its own node port ("provided port is already allocated"), so only entries of one port number (e.g. 80/TCP and 80/UDP) can share one. Pick another node port.'],
  },
  {
    go: 'initNodePorts',
    name: 'accepts one node port for one port number over two protocols, and a second requested node port for that port number',
    manifest: service({ ...LB, ports: [{ name: 'a', port: 53, nodePort: 30053 }, { name: 'b', port: 53, protocol: 'UDP', nodePort: 30053 }, { name: 'c', port: 80 }, { name: 'd', port: 80, protocol: 'UDP', nodePort: 30081 }] }),
    problems: [],
  },
  {
    go: 'initNodePorts',
    name: 'answers a node port of two port numbers alone, as "already allocated" (the allocation in BeginCreate refuses it before the Service is validated, review 63 X1)',
    manifest: service({ ...NP, ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'Bad_Name', port: 81, nodePort: 30080 }] }, { name: 'Bad_Name' }),
    problems: ['spec.ports[1].nodePort: 30080 is already the node port of port 80 (spec.ports[0]); the API server gives each service port number its own node port ("provided port is already allocated"), so only entries of one port number (e.g. 80/TCP and 80/UDP) can share one. Pick another node port.'],
  },
  {
    go: 'initNodePorts',
    name: 'checks the node port the allocation writes into a second entry of one port number and protocol as a duplicate (review 66 D1)',
    manifest: service({ ...NP, ports: [{ name: 'a', port: 80, nodePort: 30001 }, { name: 'b', port: 80 }] }),
    problems: [
      'spec.ports[1]: port 80/TCP is already declared by spec.ports[0]; each port and protocol pair may appear once.',
      'spec.ports[1].nodePort: the API server gives it the node port of port 80 (30001), which spec.ports[0] already uses for TCP; each node port may be used once per protocol.',
    ],
  },
  {
    go: 'initNodePorts',
    name: 'checks the node port a later entry requests, which the allocation writes into the first entry of its port number, as a duplicate (review 67 J1)',
    manifest: service({ ...NP, ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: 'UDP', nodePort: 30001 }, { name: 'c', port: 80, nodePort: 30001 }] }),
    problems: [
      'spec.ports[2]: port 80/TCP is already declared by spec.ports[0]; each port and protocol pair may appear once.',
      'spec.ports[2].nodePort: 30001 is already used by spec.ports[0] (the API server gives it the node port of port 80); each node port may be used once per protocol.',
    ],
  },
  {
    go: 'allocHealthCheckNodePort',
    name: 'names the entry that requests a node port the health check node port clashes with, not the one it is shared with (review 67 J5)',
    manifest: service({ ...LB, externalTrafficPolicy: 'Local', healthCheckNodePort: 30001, ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, protocol: 'UDP', nodePort: 30001 }] }),
    problems: ['spec.healthCheckNodePort: 30001 is already used by spec.ports[1].nodePort; pick another node port.'],
  },
  {
    go: 'initNodePorts',
    name: 'names the node port an entry of the same port number took first, when a third entry requests a second one\'s (review 66 D2)',
    manifest: service({ ...NP, ports: [{ name: 'a', port: 80, nodePort: 30001 }, { name: 'b', port: 80, protocol: 'UDP', nodePort: 30002 }, { name: 'c', port: 80, protocol: 'SCTP', nodePort: 30002 }] }),
    problems: ['spec.ports[2].nodePort: 30002 is already the node port of spec.ports[1] (port 80): entries of one port number share the node port of the first that requests one (30001, spec.ports[0]), and each other one is allocated once; use 30001 or another node port.'],
  },
  {
    go: 'allocHealthCheckNodePort',
    name: 'answers a health check node port outside the range alone, after the node ports',
    manifest: service({ ...LB, externalTrafficPolicy: 'Local', healthCheckNodePort: 5, ports: [{ name: 'Bad_Name', port: 80 }] }, { name: 'Bad_Name' }),
    problems: ['spec.healthCheckNodePort: 5 is outside 30000-32767; pick a port in that range or omit it to let Kubernetes allocate one.'],
  },
  {
    go: 'validateAffinityTimeout',
    name: 'says a fractional timeout inside the range is not whole (not that it is outside the range), as the decoder does',
    manifest: service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 1.5 } } }),
    problems: ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: 1.5 is not a whole number; ClientIPConfig.timeoutSeconds is an int32: write a whole number.'],
  },
];
