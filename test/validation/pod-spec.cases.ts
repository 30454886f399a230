import { pod, podWithContainer, RuleCase } from './cases';

const c = (extra: any = {}): any => ({ name: 'c', image: 'busybox:1.36', ...extra });
const withAnnotations = (annotations: any, spec: any = {}): any => pod(spec, { name: 'p', annotations });
const windows = (spec: any): any => pod({ os: { name: 'windows' }, ...spec });
/** A Deployment with this pod template. */
const deployment = (template: any): any => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' }, ...template.metadata }, spec: { containers: [c()], ...template.spec } } },
});

/** The pod-level rules of ValidatePodCreate / ValidatePodSpec, the defaults, the create preparation. */
export const POD_SPEC_CASES: RuleCase[] = [
  // ---- defaults ------------------------------------------------------------------------------
  { go: 'SetDefaults_PodSpec', name: 'accepts empty restartPolicy and dnsPolicy (defaulted to Always and ClusterFirst)', manifest: pod({ restartPolicy: '', dnsPolicy: '' }), problems: [], offline128: false },
  { go: 'SetDefaults_Pod', name: 'rejects two containers on one port with hostNetwork: both hostPorts default to it', manifest: pod({ hostNetwork: true, containers: [c({ name: 'a', ports: [{ containerPort: 80 }] }), c({ name: 'b', ports: [{ containerPort: 80 }] })] }), problems: ['spec.containers[1].ports[0].hostPort: 80 (TCP) is already used by spec.containers[0].ports[0].hostPort; each host port may be used once per protocol and host IP.'] },
  { go: 'SetDefaults_Pod', name: 'accepts an extended resource with only a limit (the request defaults to it)', manifest: podWithContainer({ resources: { limits: { 'example.com/gpu': '1' } } }), problems: [] },
  // ---- restartPolicy, dnsPolicy, dnsConfig ------------------------------------------------------
  { go: 'validateRestartPolicy', name: 'rejects an unknown restartPolicy', manifest: pod({ restartPolicy: 'Sometimes' }), problems: ['spec.restartPolicy: "Sometimes" is not supported; use one of Always, OnFailure, Never.'] },
  { go: 'validateDNSPolicy', name: 'rejects an unknown dnsPolicy', manifest: pod({ dnsPolicy: 'Google' }), problems: ['spec.dnsPolicy: "Google" is not supported; use one of ClusterFirstWithHostNet, ClusterFirst, Default, None.'] },
  { go: 'validatePodDNSConfig', name: 'rejects dnsPolicy None without dnsConfig', manifest: pod({ dnsPolicy: 'None' }), problems: ['spec.dnsConfig: is required when dnsPolicy is None; set dnsConfig with at least one nameserver (e.g. nameservers: [\'10.96.0.10\']).'] },
  { go: 'validatePodDNSConfig', name: 'rejects dnsPolicy None without nameservers', manifest: pod({ dnsPolicy: 'None', dnsConfig: { searches: ['example.com'] } }), problems: ['spec.dnsConfig.nameservers: must list at least one DNS nameserver when dnsPolicy is None.'] },
  {
    go: 'validatePodDNSConfig',
    name: 'rejects four nameservers and one that is not an IP address',
    manifest: pod({ dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9', 'dns.local'] } }),
    problems: [
      'spec.dnsConfig.nameservers: lists 4 nameservers; at most 3 are allowed.',
      'spec.dnsConfig.nameservers[3]: "dns.local" must be a valid IP address (e.g. \'10.9.8.7\' or \'2001:db8::ffff\').',
    ],
  },
  {
    go: 'validatePodDNSConfig',
    name: 'rejects 33 search domains, one with an underscore, and options without a name',
    manifest: pod({ dnsConfig: { searches: [...Array.from({ length: 32 }, (_, i) => `s${i}.example.com`), 'my_domain.com'], options: [{ value: '2' }] } }),
    problems: [
      'spec.dnsConfig.searches: lists 33 search domains; at most 32 are allowed.',
      'spec.dnsConfig.searches[32]: "my_domain.com" is not a valid search domain: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
      'spec.dnsConfig.options[0]: needs a name; set name (e.g. \'ndots\').',
    ],
  },
  { go: 'validatePodDNSConfig', name: 'rejects a search list over 2048 characters', manifest: pod({ dnsConfig: { searches: Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(97 + i).repeat(63)}.${'x'.repeat(63)}.${'y'.repeat(63)}.${'z'.repeat(36)}`) } }), problems: ['spec.dnsConfig.searches: has 2060 bytes (including spaces); at most 2048 are allowed.'] },
  {
    go: 'validatePodDNSConfig',
    name: 'counts the search list in bytes, as Go\'s len does (review 67 HHH W1)',
    manifest: pod({ dnsConfig: { searches: Array.from({ length: 9 }, () => '\u00e9'.repeat(200)) } }),
    problems: [
      'spec.dnsConfig.searches: has 3608 bytes (including spaces); at most 2048 are allowed.',
      ...Array.from({ length: 9 }, (_, i) => `spec.dnsConfig.searches[${i}]: ${JSON.stringify('\u00e9'.repeat(200))} is not a valid search domain: it must be a lowercase RFC 1123 subdomain: `
        + "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com')."),
    ],
  },
  { go: 'validatePodDNSConfig', name: 'accepts dnsPolicy None with nameservers written with leading zeros, IPv6, a trailing-dot search and options', manifest: pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['010.096.000.010', '2001:db8::53'], searches: ['svc.cluster.local.', 'example.com'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } }), problems: [] },
  // ---- host aliases ---------------------------------------------------------------------------
  {
    go: 'ValidateHostAliases',
    name: 'rejects an alias without an IP, an IP with a zone and a host name with an underscore',
    manifest: pod({ hostAliases: [{ hostnames: ['a'] }, { ip: 'fe80::1%eth0', hostnames: ['my_host'] }] }),
    problems: [
      'spec.hostAliases[0].ip: "" must be a valid IP address (e.g. \'10.9.8.7\' or \'2001:db8::ffff\').',
      'spec.hostAliases[1].ip: "fe80::1%eth0" must be a valid IP address (e.g. \'10.9.8.7\' or \'2001:db8::ffff\').',
      'spec.hostAliases[1].hostnames[0]: "my_host" is not a valid host name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
    ],
  },
  { go: 'ValidateHostAliases', name: 'accepts IPv4 with leading zeros, IPv6 and IPv4-mapped addresses', manifest: pod({ hostAliases: [{ ip: '010.0.0.1', hostnames: ['db.local', 'db'] }, { ip: '::ffff:10.0.0.2', hostnames: ['cache'] }, { ip: '2001:db8::1' }] }), problems: [] },
  // ---- names, numbers -------------------------------------------------------------------------
  {
    go: 'ValidatePodSpec',
    name: 'rejects bad names: serviceAccount (the deprecated alias), nodeName, hostname, subdomain, priorityClassName',
    manifest: pod({ serviceAccount: 'Build_Bot', nodeName: 'Node_1', hostname: 'web.1', subdomain: 'Sub', priorityClassName: 'High' }),
    problems: [
      'spec.serviceAccount: "Build_Bot" is invalid: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
      'spec.nodeName: "Node_1" is invalid: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
      'spec.hostname: "web.1" is invalid: it must not contain dots (it is a DNS-1123 label, not a subdomain; e.g. \'my-name\').',
      'spec.subdomain: "Sub" is invalid: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\').',
      'spec.priorityClassName: "High" is invalid: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
    ],
  },
  { go: 'ValidatePodSpec', name: 'rejects activeDeadlineSeconds above 2147483647', manifest: pod({ activeDeadlineSeconds: 2147483648 }), problems: ['spec.activeDeadlineSeconds: 2147483648 must be between 1 and 2147483647, inclusive.'] },
  { go: 'ValidateRuntimeClassName', name: 'rejects an empty runtimeClassName (set but not a name)', manifest: pod({ runtimeClassName: '' }), problems: ['spec.runtimeClassName: "" is not a valid RuntimeClass name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\'); set the name of a RuntimeClass or remove it.'] },
  { go: 'ValidatePreemptionPolicy', name: 'rejects an unknown preemptionPolicy', manifest: pod({ preemptionPolicy: 'Always' }), problems: ['spec.preemptionPolicy: "Always" is not supported; use PreemptLowerPriority or Never.'] },
  {
    go: 'ValidatePodCreate',
    name: 'names the types a manifest\'s field takes as Kubernetes does, and offers no one-item list for a string where a list of objects goes (review 47 Y5, Y6)',
    manifest: pod({ dnsConfig: { options: 'x' }, os: 5 }),
    problems: [
      'spec.dnsConfig.options: "x" is a string, but PodDNSConfig.options takes a list of PodDNSConfigOption objects (the API server cannot decode it).',
      'spec.os: 5 is a number, but PodSpec.os takes an object (PodOS) (the API server cannot decode it).',
    ],
  },
  {
    go: 'validateOverhead',
    name: 'rejects an overhead that is not a container resource and a negative one',
    manifest: pod({ overhead: { gpu: '1', memory: '-1Mi' } }),
    problems: [
      'spec.overhead.gpu: resource name "gpu" must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a domain-qualified extended resource (e.g. \'example.com/gpu\').',
      'spec.overhead.memory: "-1Mi" must be greater than or equal to 0.',
    ],
  },
  {
    go: 'validateOverhead',
    name: 'rejects an overhead of hugepages only, with a fix that fits an overhead, which has no requests or limits (review 46 X1)',
    manifest: pod({ overhead: { 'hugepages-2Mi': '2Mi' }, runtimeClassName: 'kata' }),
    problems: ['spec.overhead: HugePages require cpu or memory; add cpu or memory to the overhead too (or leave spec.overhead to the RuntimeClass admission, which sets it).'],
  },
  { go: 'ValidatePodSpec', name: 'accepts an overhead, a runtime class, a priority class and a negative grace period (treated as 1 by the kubelet)', manifest: pod({ overhead: { cpu: '250m', memory: '120Mi' }, runtimeClassName: 'kata', priorityClassName: 'system-node-critical', preemptionPolicy: 'Never', terminationGracePeriodSeconds: -1 }), problems: [] },
  // ---- OS -------------------------------------------------------------------------------------
  { go: 'validateOS', name: 'rejects an os without a name', manifest: pod({ os: {} }), problems: ['spec.os.name: cannot be empty; set linux or windows.'] },
  { go: 'validateOS', name: 'rejects an unknown os.name', manifest: pod({ os: { name: 'darwin' } }), problems: ['spec.os.name: "darwin" is not supported; use linux or windows.'] },
  {
    go: 'validateLinux',
    name: 'rejects windowsOptions in a linux pod',
    manifest: pod({ os: { name: 'linux' }, securityContext: { windowsOptions: { runAsUserName: 'app' } }, containers: [c({ securityContext: { windowsOptions: { runAsUserName: 'app' } } })] }),
    problems: [
      'spec.securityContext.windowsOptions: cannot be set for a linux pod (os.name: linux); remove it.',
      'spec.containers[0].securityContext.windowsOptions: cannot be set for a linux pod (os.name: linux); remove it.',
    ],
  },
  {
    go: 'validateWindows',
    name: 'rejects Linux-only settings in a windows pod',
    manifest: windows({ hostPID: true, shareProcessNamespace: false, securityContext: { runAsUser: 1000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } }, containers: [c({ securityContext: { capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true } })] }),
    problems: [
      'spec.securityContext.seccompProfile: cannot be set for a windows pod (os.name: windows); remove it.',
      'spec.securityContext.fsGroup: cannot be set for a windows pod (os.name: windows); remove it.',
      'spec.securityContext.runAsUser: cannot be set for a windows pod (os.name: windows); remove it.',
      'spec.hostPID: cannot be set for a windows pod (os.name: windows); remove it.',
      'spec.shareProcessNamespace: cannot be set for a windows pod (os.name: windows); remove it.',
      'spec.containers[0].securityContext.capabilities: cannot be set for a windows pod (os.name: windows); remove it.',
      'spec.containers[0].securityContext.readOnlyRootFilesystem: cannot be set for a windows pod (os.name: windows); remove it.',
    ],
  },
  { go: 'validateWindows', name: 'accepts a windows pod with windowsOptions', manifest: windows({ securityContext: { windowsOptions: { runAsUserName: 'ContainerUser' } }, containers: [c({ image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022' })] }), problems: [] },
  {
    go: 'validateWindowsHostProcessPod',
    name: 'rejects HostProcess containers without hostNetwork, next to a non-HostProcess one',
    manifest: windows({ containers: [c({ name: 'a', securityContext: { windowsOptions: { hostProcess: true } } }), c({ name: 'b' })] }),
    problems: [
      'spec: if any container is a HostProcess container, all must be; set windowsOptions.hostProcess: true on the pod (or on every container).',
      'spec.hostNetwork: false must be true when the pod has HostProcess containers; set hostNetwork: true.',
    ],
  },
  { go: 'validateWindowsHostProcessPod', name: 'rejects a container hostProcess that differs from the pod\'s', manifest: windows({ hostNetwork: true, securityContext: { windowsOptions: { hostProcess: true } }, containers: [c({ securityContext: { windowsOptions: { hostProcess: false } } })] }), problems: ['spec.containers[0].securityContext.windowsOptions.hostProcess: false differs from the pod\'s securityContext.windowsOptions.hostProcess (true); when both are set they must be equal.'] },
  { go: 'validateWindowsHostProcessPod', name: 'accepts a HostProcess pod on the host network', manifest: windows({ hostNetwork: true, securityContext: { windowsOptions: { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' } }, containers: [c()] }), problems: [] },
  // ---- create preparation at 1.32 gate defaults (fields of the 1.28 schema) ----------------------
  {
    go: 'dropDisabledPodFields',
    name: 'accepts the values that mean what an unset field means, which the API server drops with nothing lost: resizePolicy [], resources.claims [], resourceClaims [], pod resources { limits: {}, requests: {} }, hostUsers true (review 12 B, 13 A7)',
    manifest: pod({ hostUsers: true, resourceClaims: [], resources: { limits: {}, requests: {} }, containers: [{ name: 'c', image: 'busybox:1.36', resizePolicy: [], resources: { claims: [] } }] }),
    problems: [],
    offline128: false,
  },
  { go: 'dropDisabledPodFields', name: 'rejects hostUsers: false (dropped on create in 1.32), without reporting the hostNetwork conflict it would have', manifest: pod({ hostUsers: false, hostNetwork: true }), problems: ['spec.hostUsers: false would vanish (this library\'s contract): user namespaces (hostUsers) are behind the UserNamespacesSupport feature gate, off by default in Kubernetes 1.32, so the API server drops this field on create; remove it (the pod runs in the host user namespace).'] },
  {
    go: 'dropDisabledPodFields',
    name: 'rejects resizePolicy (InPlacePodVerticalScaling off in 1.32) and procMount Unmasked (ProcMountType off)',
    manifest: podWithContainer({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }], securityContext: { procMount: 'Unmasked' } }),
    problems: [
      'spec.containers[0].resizePolicy: [{"resourceName":"cpu","restartPolicy":"NotRequired"}] would vanish (this library\'s contract): resizePolicy is behind the InPlacePodVerticalScaling feature gate, off by default in Kubernetes 1.32, so the API server drops this field on create; remove it.',
      'spec.containers[0].securityContext.procMount: "Unmasked" would vanish (this library\'s contract): procMount is behind the ProcMountType feature gate, off by default in Kubernetes 1.32, so the API server replaces it with "Default" on create; remove it.',
    ],
  },
  { go: 'dropDisabledPodFields', name: 'accepts procMount Default, which the API server keeps', manifest: podWithContainer({ securityContext: { procMount: 'Default' } }), problems: [] },
  { go: 'PrepareForCreate', name: 'accepts a status whose fields are null (unset)', manifest: { ...pod(), status: { phase: null } }, problems: [], offline128: false },
  { go: 'PrepareForCreate', name: 'rejects a status, which the API server resets on create', manifest: { ...pod(), status: { phase: 'Running' } }, problems: ['status: {"phase":"Running"} would vanish (this library\'s contract): the API server resets a Pod\'s status on create; remove it.'] },
  // ---- ValidatePodCreate, validatePodMetadataAndSpec -------------------------------------------
  {
    go: 'ValidatePodCreate',
    name: 'reports a value of the wrong JSON type with the decoder\'s message, which comes first, not with a rule the value seems to break (review 12 B2, C2)',
    manifest: {
      ...pod({
        activeDeadlineSeconds: '30',
        os: { name: 5 },
        nodeSelector: { a: 5 },
        containers: [{ name: 'c', image: 5, ports: [{ containerPort: '80' }], securityContext: { runAsUser: '1000' } }, { name: 7, image: 'x' }],
      }),
      metadata: { name: 'p', labels: { l: true } },
    },
    problems: [
      'metadata.labels[l]: true is a boolean, but ObjectMeta.labels takes a string; write it as a string: "true" (the API server cannot decode it).',
      'spec.containers[0].image: 5 is a number, but Container.image takes a string; write it as a string: "5" (the API server cannot decode it).',
      'spec.containers[0].ports[0].containerPort: "80" is a string, but ContainerPort.containerPort takes an int32 (a whole number); write 80 without quotes (the API server cannot decode it).',
      'spec.containers[0].securityContext.runAsUser: "1000" is a string, but SecurityContext.runAsUser takes an int64 (a whole number); write 1000 without quotes (the API server cannot decode it).',
      'spec.containers[1].name: 7 is a number, but Container.name takes a string; write it as a string: "7" (the API server cannot decode it).',
      'spec.activeDeadlineSeconds: "30" is a string, but PodSpec.activeDeadlineSeconds takes an int64 (a whole number); write 30 without quotes (the API server cannot decode it).',
      'spec.os.name: 5 is a number, but PodOS.name takes a string; write it as a string: "5" (the API server cannot decode it).',
      'spec.nodeSelector[a]: 5 is a number, but PodSpec.nodeSelector takes a string; write it as a string: "5" (the API server cannot decode it).',
    ],
    offline128: false,
  },
  {
    go: 'ValidatePodCreate',
    name: 'reports a value of the wrong JSON type under an all-digit map key once, with the decoder\'s message (review 13 A5)',
    manifest: pod({ nodeSelector: { 1: 2 } }, { name: 'p', labels: { 123: 5 } }),
    problems: [
      'metadata.labels[123]: 5 is a number, but ObjectMeta.labels takes a string; write it as a string: "5" (the API server cannot decode it).',
      'spec.nodeSelector[1]: 2 is a number, but PodSpec.nodeSelector takes a string; write it as a string: "2" (the API server cannot decode it).',
    ],
    offline128: false,
  },
  { go: 'ValidatePodCreate', name: 'rejects ephemeral containers on create', manifest: pod({ ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }] }), problems: ['spec.ephemeralContainers: cannot be set on create: ephemeral containers are added to a running Pod (kubectl debug); remove them.'] },
  { go: 'ValidatePodCreate', name: 'rejects nodeName while scheduling gates remain', manifest: pod({ nodeName: 'node-1', schedulingGates: [{ name: 'example.com/quota' }] }), problems: ['spec.nodeName: "node-1" cannot be set while schedulingGates remain (a Pod is bound to a node only once they are cleared); remove nodeName or the schedulingGates.'] },
  { go: 'validatePodMetadataAndSpec', name: 'rejects a projected service account token without serviceAccountName', manifest: pod({ volumes: [{ name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }] }), problems: ['spec.volumes[0].projected.sources[0].serviceAccountToken: must not be set when serviceAccountName is not set; set serviceAccountName: \'default\' (what a cluster\'s ServiceAccount admission plugin fills in before it validates a Pod; this library\'s contract checks the Pod as written, as the API server\'s validation does).'] },
  {
    go: 'Convert_v1_PodSpec_To_core_PodSpec',
    name: 'rejects a serviceAccount that names another account than serviceAccountName (the API server drops it)',
    manifest: pod({ serviceAccountName: 'builder', serviceAccount: 'deployer' }),
    problems: ['spec.serviceAccount: "deployer" is the deprecated alias of serviceAccountName, which names "builder": the API server keeps serviceAccountName and drops this value without a word (Convert_v1_PodSpec_To_core_PodSpec), so the pod would not run as "deployer"; remove serviceAccount, or set both to the account you mean (this library\'s contract).'],
  },
  { go: 'Convert_v1_PodSpec_To_core_PodSpec', name: 'accepts serviceAccount and serviceAccountName naming the same account (as kubectl get prints a Pod)', manifest: pod({ serviceAccountName: 'builder', serviceAccount: 'builder' }), problems: [] },
  { go: 'validatePodMetadataAndSpec', name: 'accepts a projected token with the deprecated serviceAccount field', manifest: pod({ serviceAccount: 'app', volumes: [{ name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }] }), problems: [] },
  // ---- annotations ----------------------------------------------------------------------------
  { go: 'ValidatePodSpecificAnnotations', name: 'rejects the mirror pod annotation without nodeName', manifest: withAnnotations({ 'kubernetes.io/config.mirror': 'x' }), problems: ['metadata.annotations[kubernetes.io/config.mirror]: "x" marks a mirror pod, which must set spec.nodeName; remove the annotation (only the kubelet creates mirror pods).'] },
  { go: 'ValidateTolerationsInPodAnnotations', name: 'rejects a toleration in the annotation that spec.tolerations would reject (keys match case-insensitively, as Go decodes JSON)', manifest: withAnnotations({ 'scheduler.alpha.kubernetes.io/tolerations': '[{"key":"","Operator":"Equal"}]' }), problems: ['metadata.annotations[scheduler.alpha.kubernetes.io/tolerations][0].operator: "Equal" must be Exists when key is empty (an empty key with Exists tolerates every taint); set key, or operator: Exists.'] },
  { go: 'ValidateTolerationsInPodAnnotations', name: 'rejects a tolerations annotation with tolerationSeconds as a string', manifest: withAnnotations({ 'scheduler.alpha.kubernetes.io/tolerations': '[{"key":"k","effect":"NoExecute","tolerationSeconds":"60"}]' }), problems: ['metadata.annotations[scheduler.alpha.kubernetes.io/tolerations]: does not decode into a list of tolerations (json: cannot unmarshal string into Go struct field Toleration.TolerationSeconds of type int64); fix it (tolerationSeconds is a whole number, the other fields strings), or use spec.tolerations.'] },
  { go: 'ValidatePodSpecificAnnotations', name: 'rejects a pod deletion cost with a plus sign or leading zeros', manifest: withAnnotations({ 'controller.kubernetes.io/pod-deletion-cost': '+10' }), problems: ['metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: "+10" must be a 32-bit integer, without \'+\' or leading zeros (e.g. \'100\' or \'-5\').'] },
  {
    go: 'helper.GetTolerationsFromPodAnnotations',
    name: 'decodes the tolerations annotation as Go\'s encoding/json does: tolerationSeconds 1e3 is no int64',
    manifest: withAnnotations({ 'scheduler.alpha.kubernetes.io/tolerations': '[{"key":"k","operator":"Exists","effect":"NoExecute","tolerationSeconds":1e3}]' }),
    problems: ['metadata.annotations[scheduler.alpha.kubernetes.io/tolerations]: does not decode into a list of tolerations (json: cannot unmarshal number 1e3 into Go struct field Toleration.TolerationSeconds of type int64); fix it (tolerationSeconds is a whole number, the other fields strings), or use spec.tolerations.'],
  },
  {
    go: 'helper.GetTolerationsFromPodAnnotations',
    name: 'keeps the first decode error of a key given twice, as Go does',
    manifest: withAnnotations({ 'scheduler.alpha.kubernetes.io/tolerations': '[{"key":5,"key":"k","operator":"Exists"}]' }),
    problems: ['metadata.annotations[scheduler.alpha.kubernetes.io/tolerations]: does not decode into a list of tolerations (json: cannot unmarshal number into Go struct field Toleration.Key of type string); fix it (tolerationSeconds is a whole number, the other fields strings), or use spec.tolerations.'],
  },
  {
    go: 'ValidateTolerationsInPodAnnotations',
    name: 'matches field names by Go\'s case folding (ſ is s), so a tolerationSeconds spelt with ſ needs NoExecute',
    manifest: withAnnotations({ 'scheduler.alpha.kubernetes.io/tolerations': '[{"KEY":"k","operator":"Exists","toleration\u017feconds":5}]' }),
    problems: ['metadata.annotations[scheduler.alpha.kubernetes.io/tolerations][0].effect: "" must be NoExecute when tolerationSeconds is set; set effect: NoExecute or remove tolerationSeconds.'],
  },
  { go: 'ValidatePodSpecificAnnotations', name: 'accepts a negative pod deletion cost and a valid tolerations annotation', manifest: withAnnotations({ 'controller.kubernetes.io/pod-deletion-cost': '-5', 'scheduler.alpha.kubernetes.io/tolerations': '[{"key":"dedicated","operator":"Equal","value":"gpu","effect":"NoSchedule"}]' }), problems: [] },
  {
    go: 'ValidateSeccompPodAnnotations',
    name: 'rejects an unknown seccomp annotation value and a localhost profile that climbs',
    manifest: withAnnotations({ 'seccomp.security.alpha.kubernetes.io/pod': 'default', 'container.seccomp.security.alpha.kubernetes.io/c': 'localhost/../p.json' }),
    problems: [
      'metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: "default" is not a valid seccomp profile: use \'runtime/default\', \'unconfined\' or \'localhost/<path>\' (better: securityContext.seccompProfile; the annotation is deprecated).',
      'metadata.annotations[container.seccomp.security.alpha.kubernetes.io/c]: "localhost/../p.json" has a localhost profile path that must not contain \'..\'.',
    ],
  },
  { go: 'validateSeccompAnnotationsAndFields', name: 'rejects a seccomp annotation that disagrees with the field', manifest: withAnnotations({ 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }), problems: ['spec.securityContext.seccompProfile.type: "RuntimeDefault" does not match the annotation seccomp.security.alpha.kubernetes.io/pod ("unconfined"); remove the deprecated annotation seccomp.security.alpha.kubernetes.io/pod or make it agree.'] },
  { go: 'validateSeccompAnnotationsAndFields', name: 'accepts docker/default next to RuntimeDefault', manifest: withAnnotations({ 'seccomp.security.alpha.kubernetes.io/pod': 'docker/default' }, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }), problems: [] },
  {
    go: 'ValidateAppArmorPodAnnotations',
    name: 'leaves an AppArmor annotation whose localhost profile is over 4095 bytes out of the field (Go counts bytes), so the Pod is accepted',
    manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations: { 'container.apparmor.security.beta.kubernetes.io/c': `localhost/${'\u00e9'.repeat(2100)}` } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } },
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateAppArmorPodAnnotations',
    name: 'rejects an AppArmor annotation for a missing container and an unknown profile',
    manifest: withAnnotations({ 'container.apparmor.security.beta.kubernetes.io/app': 'docker-default' }),
    problems: [
      'metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: names container "app", which this pod does not have; fix the container name or remove the annotation.',
      'metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: "docker-default" is not a valid AppArmor profile: use \'runtime/default\', \'unconfined\' or \'localhost/<profile>\' (better: securityContext.appArmorProfile; the annotation is deprecated).',
    ],
  },
  {
    go: 'ValidatePodTemplateSpec',
    name: 'checks a template\'s annotations and forbids ephemeral containers in it',
    manifest: deployment({ metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/c': 'confined' } }, spec: { ephemeralContainers: [{ name: 'debug', image: 'busybox:1.36' }] } }),
    problems: [
      'spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/c]: "confined" is not a valid AppArmor profile: use \'runtime/default\', \'unconfined\' or \'localhost/<profile>\' (better: securityContext.appArmorProfile; the annotation is deprecated).',
      'spec.template.spec.ephemeralContainers: are not allowed in a pod template; remove them.',
    ],
  },
];

/** The cases with fields added after Kubernetes 1.28 (appArmorProfile 1.30, image volumes 1.31, ...). */
export const POD_SPEC_CASES_1_32: RuleCase[] = [
  {
    go: 'dropDisabledPodFields',
    name: 'rejects resource claims (DynamicResourceAllocation off in 1.32)',
    manifest: pod({ resourceClaims: [{ name: 'gpu', resourceClaimName: 'gpu' }], containers: [c({ resources: { claims: [{ name: 'gpu' }] } })] }),
    problems: [
      'spec.resourceClaims: [{"name":"gpu","resourceClaimName":"gpu"}] would vanish (this library\'s contract): resource claims are behind the DynamicResourceAllocation feature gate, off by default in Kubernetes 1.32, so the API server drops this field on create; remove them, or enable the gate in the cluster and in this library.',
      'spec.containers[0].resources.claims: [{"name":"gpu"}] would vanish (this library\'s contract): resource claims are behind the DynamicResourceAllocation feature gate, off by default in Kubernetes 1.32, so the API server drops this field on create; remove them.',
    ],
    offline128: false,
  },
  { go: 'dropDisabledPodFields', name: 'rejects an image volume (ImageVolume off in 1.32): the volume and its mounts would vanish', manifest: pod({ volumes: [{ name: 'model', image: { reference: 'quay.io/models/llm:v1' } }] }), problems: ['spec.volumes[0].image: {"reference":"quay.io/models/llm:v1"} would vanish (this library\'s contract): image volumes are behind the ImageVolume feature gate, off by default in Kubernetes 1.32, so the API server removes this volume, and every volumeMount of it, on create (the Pod starts without them); copy the files into an emptyDir from an init container instead.'], offline128: false },
  {
    go: 'dropImageVolumes',
    name: 'reports only the vanishing image volume for a subPath mount of it, which 1.32 removes with the volume before validation (review 15 C2)',
    manifest: pod({ containers: [{ name: 'c', image: 'busybox:1.36', volumeMounts: [{ name: 'model', mountPath: '/m', subPath: 'bin' }] }], volumes: [{ name: 'model', image: { reference: 'quay.io/models/llm:v1' } }] }),
    problems: ['spec.volumes[0].image: {"reference":"quay.io/models/llm:v1"} would vanish (this library\'s contract): image volumes are behind the ImageVolume feature gate, off by default in Kubernetes 1.32, so the API server removes this volume, and every volumeMount of it, on create (the Pod starts without them); copy the files into an emptyDir from an init container instead.'],
    offline128: false,
  },
  {
    go: 'dropImageVolumes',
    name: 'checks no rule on the mounts of an image volume that 1.32 drops with it (mountPropagation, a path mounted twice, a device path) (review 16 A5)',
    manifest: pod({
      containers: [{
        name: 'c',
        image: 'busybox:1.36',
        volumeMounts: [{ name: 'model', mountPath: '/m', mountPropagation: 'Bidirectional', recursiveReadOnly: 'Enabled' }, { name: 'data', mountPath: '/m' }, { name: 'model', mountPath: '/dev/x' }],
      }],
      volumes: [{ name: 'model', image: { reference: 'quay.io/models/llm:v1' } }, { name: 'data', emptyDir: {} }],
    }),
    problems: ['spec.volumes[0].image: {"reference":"quay.io/models/llm:v1"} would vanish (this library\'s contract): image volumes are behind the ImageVolume feature gate, off by default in Kubernetes 1.32, so the API server removes this volume, and every volumeMount of it, on create (the Pod starts without them); copy the files into an emptyDir from an init container instead.'],
    offline128: false,
  },
  {
    go: 'dropImageVolumes',
    name: 'reports a volumeDevice of an image volume as naming no volume once 1.32 removes it, as the API server then does (review 15 C2)',
    manifest: pod({ containers: [{ name: 'c', image: 'busybox:1.36', volumeDevices: [{ name: 'model', devicePath: '/dev/x' }] }], volumes: [{ name: 'model', image: { reference: 'quay.io/models/llm:v1' } }] }),
    problems: [
      'spec.volumes[0].image: {"reference":"quay.io/models/llm:v1"} would vanish (this library\'s contract): image volumes are behind the ImageVolume feature gate, off by default in Kubernetes 1.32, so the API server removes this volume, and every volumeMount of it, on create (the Pod starts without them); copy the files into an emptyDir from an init container instead.',
      'spec.containers[0].volumeDevices[0].name: "model" names an image volume, which the API server removes on create in Kubernetes 1.32 (the ImageVolume gate is off), while this device stays: it would name no volume, and the Pod is rejected; remove the device (an image volume is mounted with volumeMounts, where the gate is on).',
    ],
    offline128: false,
  },
  { go: 'dropDisabledPodFields', name: 'rejects pod-level resources (PodLevelResources off in 1.32)', manifest: pod({ resources: { limits: { cpu: '1' } } }), problems: ['spec.resources: {"limits":{"cpu":"1"}} would vanish (this library\'s contract): pod-level resources are behind the PodLevelResources feature gate, off by default in Kubernetes 1.32, so the API server drops this field on create; set resources on each container instead.'], offline128: false },
  {
    go: 'dropDisabledPodFields',
    name: 'rejects supplementalGroupsPolicy and seLinuxChangePolicy (off in 1.32)',
    manifest: pod({ securityContext: { supplementalGroupsPolicy: 'Strict', seLinuxChangePolicy: 'MountOption' } }),
    problems: [
      'spec.securityContext.supplementalGroupsPolicy: "Strict" would vanish (this library\'s contract): supplementalGroupsPolicy is behind the SupplementalGroupsPolicy feature gate, off by default in Kubernetes 1.32, so the API server drops this field on create; remove it (Merge is what the kubelet does).',
      'spec.securityContext.seLinuxChangePolicy: "MountOption" would vanish (this library\'s contract): seLinuxChangePolicy is behind the SELinuxChangePolicy feature gate, off by default in Kubernetes 1.32, so the API server drops this field on create; remove it (Recursive is what the kubelet does).',
    ],
    offline128: false,
  },
  { go: 'dropDisabledPodFields', name: 'rejects a clusterTrustBundle projection (ClusterTrustBundleProjection off in 1.32)', manifest: pod({ volumes: [{ name: 'ca', projected: { sources: [{ clusterTrustBundle: { signerName: 'example.com/ca', path: 'ca.pem' } }] } }] }), problems: ['spec.volumes[0].projected.sources[0].clusterTrustBundle: {"signerName":"example.com/ca","path":"ca.pem"} would vanish (this library\'s contract): clusterTrustBundle projections are behind the ClusterTrustBundleProjection feature gate, off by default in Kubernetes 1.32, so the API server drops this field on create; project the CA bundle from a ConfigMap instead.'], offline128: false },
  { go: 'validateAppArmorAnnotationsAndFieldsMatchOnCreate', name: 'rejects an AppArmor annotation that disagrees with the container field', manifest: withAnnotations({ 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' }, { containers: [c({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } })] }), problems: ['spec.containers[0].securityContext.appArmorProfile.type: "RuntimeDefault" does not match the annotation container.apparmor.security.beta.kubernetes.io/c ("unconfined"); remove the deprecated annotation container.apparmor.security.beta.kubernetes.io/c or make it agree.'], offline128: false },
  { go: 'applyAppArmorVersionSkew', name: 'accepts an annotation that differs from the pod-level profile: the API server copies it to the container', manifest: withAnnotations({ 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' }, { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }), problems: [], offline128: false },
  { go: 'validateWindows', name: 'rejects an AppArmor profile in a windows pod', manifest: windows({ securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }), problems: ['spec.securityContext.appArmorProfile: cannot be set for a windows pod (os.name: windows); remove it.'], offline128: false },
];
