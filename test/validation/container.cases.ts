import { pod, podWithContainer, RuleCase } from './cases';

const c = (name: string, extra: any = {}): any => ({ name, image: 'busybox:1.36', ...extra });
const C = 'spec.containers[0]';
const I = 'spec.initContainers[0]';
const SIDECARS_1_28 = 'Kubernetes 1.29+; 1.28 has native sidecars only behind the alpha SidecarContainers feature gate';
const emptyDir = (name: string): any => ({ name, emptyDir: {} });
const deployment = (spec: any): any => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec } },
});

/** validateContainers, validateInitContainers, validateEphemeralContainers and what they call for a container. */
export const CONTAINER_CASES: RuleCase[] = [
  // ---- validateContainers / validateContainerCommon ---------------------------------------------
  {
    go: 'validateContainers',
    name: 'rejects two main containers with one name',
    manifest: pod({ containers: [c('app'), c('app')] }),
    problems: ['spec.containers[1].name: container name "app" is already used by spec.containers[0]; give each container (init and main) a unique name.'],
  },
  {
    go: 'validateContainers',
    name: 'rejects restartPolicy on a main container',
    manifest: podWithContainer({ restartPolicy: 'Always' }),
    problems: [`${C}.restartPolicy: "Always" is set on a main container; only init containers accept restartPolicy (Always makes a native sidecar). Remove it.`],
  },
  {
    go: 'validateContainerCommon',
    name: 'rejects a container without a name, one with an invalid name and one without an image',
    manifest: pod({ containers: [{ image: 'busybox:1.36' }, c('App'), { name: 'b' }] }),
    problems: [
      "spec.containers[0].name: every container needs a name; set name (e.g. 'my-container').",
      "spec.containers[1].name: container name \"App\" is invalid: it must be a lowercase RFC 1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'my-name').",
      "spec.containers[2].image: container \"b\" has no image; set image (e.g. 'busybox:1.36').",
    ],
  },
  {
    go: 'validateContainerCommon',
    name: 'names a container without a name and image as "the container", not as undefined (review 12 B3)',
    manifest: pod({ containers: [{}] }),
    problems: [
      "spec.containers[0].name: every container needs a name; set name (e.g. 'my-container').",
      "spec.containers[0].image: the container has no image; set image (e.g. 'busybox:1.36').",
    ],
  },
  {
    go: 'validateContainerCommon',
    name: 'rejects an unknown terminationMessagePolicy',
    manifest: podWithContainer({ terminationMessagePolicy: 'Logs' }),
    problems: [`${C}.terminationMessagePolicy: "Logs" is not supported; use one of File, FallbackToLogsOnError.`],
  },
  {
    go: 'SetDefaults_Container',
    name: "accepts '' for imagePullPolicy, terminationMessagePolicy, terminationMessagePath and port protocol (the server fills them in)",
    manifest: podWithContainer({ imagePullPolicy: '', terminationMessagePolicy: '', terminationMessagePath: '', ports: [{ containerPort: 80, protocol: '' }] }),
    problems: [],
    // The JSON schema of kubernetes-models lists the enum values without '', which the server defaults.
    offline128: false,
  },
  {
    go: 'SetDefaults_Container',
    name: 'accepts the other policies and a working directory, stdin and tty (the server checks nothing more of them)',
    manifest: podWithContainer({ imagePullPolicy: 'Never', terminationMessagePolicy: 'FallbackToLogsOnError', terminationMessagePath: '/tmp/msg', workingDir: 'relative/dir', stdin: true, stdinOnce: true, tty: true }),
    problems: [],
  },
  {
    go: 'validatePullPolicy',
    name: 'rejects an unknown imagePullPolicy',
    manifest: podWithContainer({ imagePullPolicy: 'IfNewer' }),
    problems: [`${C}.imagePullPolicy: "IfNewer" is not supported; use one of Always, IfNotPresent, Never.`],
  },
  {
    go: 'validateContainerOnlyForPod',
    name: 'accepts U+FEFF around the image, which Go\'s strings.TrimSpace keeps (JavaScript\'s trim removes it)',
    manifest: podWithContainer({ image: '\ufeffbusybox:1.36\ufeff' }),
    problems: [],
    offline128: false,
  },
  {
    go: 'validateContainerOnlyForPod',
    name: 'rejects whitespace around the image of a Pod',
    manifest: podWithContainer({ image: 'busybox:1.36 ' }),
    problems: [`${C}.image: "busybox:1.36 " has leading or trailing whitespace; remove it.`],
  },
  {
    go: 'validateContainerOnlyForPod',
    name: "reports whitespace around an image in a Deployment's template too, saying the server only rejects the Pods",
    manifest: deployment({ containers: [c('app', { image: ' busybox' })] }),
    problems: ['spec.template.spec.containers[0].image: " busybox" has leading or trailing whitespace (the API server accepts it in a pod template, then rejects every Pod created from it; this library\'s contract); remove it.'],
  },
  // ---- validateInitContainers (native sidecars) --------------------------------------------------
  {
    go: 'validateInitContainers',
    name: 'accepts a native sidecar (restartPolicy Always) with probes and lifecycle hooks',
    manifest: pod({ initContainers: [c('proxy', { restartPolicy: 'Always', startupProbe: { tcpSocket: { port: 9901 } }, readinessProbe: { httpGet: { port: 9901 } }, lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } } })] }),
    problems: [],
  },
  {
    go: 'validateInitContainerRestartPolicy',
    name: 'rejects an init container restartPolicy other than Always, naming the 1.28 difference',
    manifest: pod({ initContainers: [c('setup', { restartPolicy: 'Never' })] }),
    problems: [`${I}.restartPolicy: "Never" is not supported on an init container; the only allowed value is Always (a native sidecar: ${SIDECARS_1_28}).`],
  },
  {
    go: 'validateInitContainers',
    name: 'rejects probes and lifecycle on an init container that runs to completion',
    manifest: pod({ initContainers: [c('setup', { livenessProbe: { exec: { command: ['true'] } }, lifecycle: { postStart: { exec: { command: ['true'] } } } })] }),
    problems: [
      `${I}.lifecycle: must not be set for init containers: an init container runs to completion before the app starts. Remove it, or make the container a native sidecar (restartPolicy: Always; ${SIDECARS_1_28}).`,
      `${I}.livenessProbe: must not be set for init containers: an init container runs to completion before the app starts. Remove it, or make the container a native sidecar (restartPolicy: Always; ${SIDECARS_1_28}).`,
    ],
  },
  {
    go: 'validateContainers',
    name: 'reports a second container without a name as a duplicate of "", as Go does; two unnamed init containers are not (review 66 D7)',
    manifest: pod({ containers: [{ image: 'busybox:1.36' }, { name: '', image: 'busybox:1.36' }], initContainers: [{ image: 'busybox:1.36' }] }),
    problems: [
      "spec.containers[0].name: every container needs a name; set name (e.g. 'my-container').",
      "spec.containers[1].name: every container needs a name; set name (e.g. 'my-container').",
      'spec.containers[1].name: is empty, as is the name of spec.containers[0]: the API server reads both as the name "" and reports a duplicate; name every container.',
      "spec.initContainers[0].name: every container needs a name; set name (e.g. 'my-container').",
      'spec.initContainers[0].name: is empty, as is the name of spec.containers[0]: the API server reads both as the name "" and reports a duplicate; name every container.',
    ],
  },
  {
    go: 'validateInitContainers',
    name: 'does not report two init containers without a name as duplicates (Go records only a named one)',
    manifest: pod({ initContainers: [{ image: 'busybox:1.36' }, { image: 'busybox:1.36' }] }),
    problems: [
      "spec.initContainers[0].name: every container needs a name; set name (e.g. 'my-container').",
      "spec.initContainers[1].name: every container needs a name; set name (e.g. 'my-container').",
    ],
  },
  {
    go: 'validateInitContainers',
    name: 'rejects an init container named like a main container, at the init container as Go does (review 65 C1)',
    manifest: pod({ initContainers: [c('app')], containers: [c('app')] }),
    problems: ['spec.initContainers[0].name: container name "app" is already used by spec.containers[0]; give each container (init and main) a unique name.'],
  },
  {
    go: 'checkHostPortConflicts',
    name: 'accepts one host port in two init containers (they run one at a time), rejects it twice in one',
    manifest: pod({
      initContainers: [
        c('a', { ports: [{ containerPort: 80, hostPort: 8080 }] }),
        c('b', { ports: [{ containerPort: 81, hostPort: 8080 }, { containerPort: 82, hostPort: 8080 }] }),
      ],
    }),
    problems: ['spec.initContainers[1].ports[1].hostPort: 8080 (TCP) is already used by spec.initContainers[1].ports[0].hostPort; each host port may be used once per protocol and host IP.'],
  },
  // ---- validateEphemeralContainers ---------------------------------------------------------------
  {
    go: 'validateEphemeralContainers',
    name: 'checks ephemeral containers: allowed fields only, no subPath, a known target, a unique name',
    manifest: pod({
      volumes: [emptyDir('v')],
      ephemeralContainers: [
        { name: 'debug', image: 'busybox:1.36', targetContainerName: 'nope', ports: [{ containerPort: 80 }], volumeMounts: [{ name: 'v', mountPath: '/v', subPath: 'x' }] },
        { name: 'c', image: 'busybox:1.36', resources: {}, lifecycle: { preStop: { exec: { command: ['true'] } } } },
      ],
    }),
    problems: ['spec.ephemeralContainers[0].targetContainerName: "nope" names no main or init container of this pod; use one of "c".', 'spec.ephemeralContainers[0].ports: cannot be set for an ephemeral container; remove it.', 'spec.ephemeralContainers[0].volumeMounts[0].subPath: cannot be set for an ephemeral container; remove it.', 'spec.ephemeralContainers[1].name: container name "c" is already used by spec.containers[0]; give each container (init and main) a unique name.', 'spec.ephemeralContainers[1].lifecycle: cannot be set for an ephemeral container; remove it.', 'spec.ephemeralContainers: cannot be set on create: ephemeral containers are added to a running Pod (kubectl debug); remove them.'],
  },
  // ---- ports -------------------------------------------------------------------------------------
  {
    go: 'validateContainerPorts',
    name: 'rejects invalid and duplicate port names, ports out of range and an unknown protocol',
    manifest: podWithContainer({
      ports: [
        { name: 'HTTP', containerPort: 80 },
        { name: 'web', containerPort: 81 },
        { name: 'web', containerPort: 82 },
        { containerPort: 0 },
        { containerPort: 83, hostPort: 65536, protocol: 'HTTP' },
      ],
    }),
    problems: [
      `${C}.ports[0].name: container port name "HTTP" is not a valid IANA service name: it must contain only lowercase letters, digits and '-'.`,
      `${C}.ports[2].name: port name "web" is already used by ${C}.ports[1]; give each port of a container a unique name.`,
      `${C}.ports[3].containerPort: 0 is not a valid port number; use an integer between 1 and 65535.`,
      `${C}.ports[4].hostPort: 65536 is not a valid port number; use an integer between 1 and 65535.`,
      `${C}.ports[4].protocol: "HTTP" is not supported; use one of TCP, UDP, SCTP.`,
    ],
  },
  {
    go: 'AccumulateUniqueHostPorts',
    name: 'rejects one host port in two main containers; accepts it with another protocol or host IP',
    manifest: pod({
      containers: [
        c('a', { ports: [{ containerPort: 80, hostPort: 8080 }] }),
        c('b', { ports: [{ containerPort: 80, hostPort: 8080, protocol: 'UDP' }, { containerPort: 81, hostPort: 8080, hostIP: '10.0.0.1' }] }),
        c('d', { ports: [{ containerPort: 82, hostPort: 8080, protocol: 'TCP' }] }),
      ],
    }),
    problems: ['spec.containers[2].ports[0].hostPort: 8080 (TCP) is already used by spec.containers[0].ports[0].hostPort; each host port may be used once per protocol and host IP.'],
  },
  {
    go: 'SetDefaults_Pod',
    name: 'rejects, with hostNetwork, one containerPort in two containers of a Pod (hostPort defaults to containerPort)',
    manifest: pod({ hostNetwork: true, containers: [c('a', { ports: [{ containerPort: 80 }] }), c('b', { ports: [{ containerPort: 80 }] })] }),
    problems: ['spec.containers[1].ports[0].hostPort: 80 (TCP) is already used by spec.containers[0].ports[0].hostPort; each host port may be used once per protocol and host IP.'],
  },
  {
    go: 'validatePodHostNetworkDeps',
    name: 'rejects, with hostNetwork, a hostPort other than the containerPort',
    manifest: pod({ hostNetwork: true, containers: [c('a', { ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81, hostPort: 81 }] })] }),
    problems: ['spec.containers[0].ports[0].containerPort: 80 must match hostPort 8080 when hostNetwork is true; remove hostPort or make them equal.'],
  },
  // ---- volume mounts -----------------------------------------------------------------------------
  {
    go: 'ValidateVolumeMounts',
    name: 'rejects mounts without a name or path, of an undeclared volume, twice on one path',
    manifest: podWithContainer({ volumeMounts: [{ mountPath: '/a' }, { name: 'v' }, { name: 'w', mountPath: '/b' }, { name: 'v', mountPath: '/b' }] }, { volumes: [emptyDir('v')] }),
    problems: [
      `${C}.volumeMounts[0].name: is required; set the name of one of the pod's volumes.`,
      `${C}.volumeMounts[1].mountPath: is required; set an absolute path (e.g. /data).`,
      `${C}.volumeMounts[2].name: "w" names no volume of this pod; declare it in volumes or use one of "v".`,
      `${C}.volumeMounts[3].mountPath: "/b" is already mounted by ${C}.volumeMounts[2]; each mount needs its own path.`,
    ],
  },
  {
    go: 'ValidateVolumeMounts',
    name: "rejects a relative mountPath (this library's contract: the server accepts it, the kubelet resolves it against '/')",
    manifest: podWithContainer({ volumeMounts: [{ name: 'v', mountPath: 'data' }] }, { volumes: [emptyDir('v')] }),
    problems: [`${C}.volumeMounts[0].mountPath: "data" is relative; the API server accepts it but the kubelet would silently resolve it against '/'. This library's contract requires an absolute path: use "/data".`],
  },
  {
    go: 'ValidateVolumeMounts',
    name: 'accepts the absolute paths of a Windows pod (os windows, or a nodeSelector kubernetes.io/os windows): a drive, a named pipe, a root path',
    manifest: podWithContainer(
      { volumeMounts: [{ name: 'v', mountPath: 'C:\\data' }, { name: 'v', mountPath: 'd:/logs' }, { name: 'v', mountPath: '\\\\.\\pipe\\csi-proxy-filesystem-v1' }, { name: 'v', mountPath: '/etc/app' }] },
      { nodeSelector: { 'kubernetes.io/os': 'windows' }, volumes: [emptyDir('v')] },
    ),
    problems: [],
  },
  {
    go: 'ValidateVolumeMounts',
    name: 'accepts a drive path in a pod pinned to Windows by beta.kubernetes.io/os or by a required node affinity on the OS label (review 35 E2)',
    manifest: podWithContainer(
      { volumeMounts: [{ name: 'v', mountPath: 'C:\\etc\\foo' }] },
      {
        nodeSelector: { 'beta.kubernetes.io/os': 'windows' },
        affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows'] }] }] } } },
        volumes: [emptyDir('v')],
      },
    ),
    problems: [],
  },
  {
    go: 'ValidateVolumeMounts',
    name: 'still rejects a drive path in a pod whose node affinity lets it run on Linux too (one term without the OS)',
    manifest: podWithContainer(
      { volumeMounts: [{ name: 'v', mountPath: 'C:\\data' }] },
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['windows'] }] },
                { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] },
              ],
            },
          },
        },
        volumes: [emptyDir('v')],
      },
    ),
    problems: [`${C}.volumeMounts[0].mountPath: "C:\\\\data" is relative (a Windows path: for a Windows pod, set spec.os.name to windows); the API server accepts it but the kubelet would silently resolve it against '/'. This library's contract requires an absolute path: use "/C:\\\\data".`],
  },
  {
    go: 'ValidateVolumeMounts',
    name: "rejects a relative mountPath in a Windows pod (this library's contract: the kubelet resolves it against C:\\)",
    manifest: pod({
      os: { name: 'windows' },
      containers: [{ name: 'c', image: 'busybox:1.36', volumeMounts: [{ name: 'v', mountPath: 'data' }, { name: 'v', mountPath: 'C:logs' }, { name: 'v', mountPath: 'x:y:z' }] }],
      volumes: [emptyDir('v')],
    }),
    problems: [
      `${C}.volumeMounts[0].mountPath: "data" is relative; the API server accepts it but the kubelet would silently resolve it against 'C:\\'. This library's contract requires an absolute path: use "C:\\\\data".`,
      `${C}.volumeMounts[1].mountPath: "C:logs" is relative to the current folder of drive C:, which the kubelet passes on as it is (it leaves a path with ':' alone). This library's contract requires an absolute path: use "C:\\\\logs".`,
      `${C}.volumeMounts[2].mountPath: "x:y:z" is not an absolute Windows path, and the kubelet passes a path with ':' on as it is. This library's contract requires an absolute path, e.g. "C:\\\\data".`,
    ],
    offline128: false,
  },
  {
    go: 'ValidateVolumeMounts',
    name: "rejects one Windows directory mounted twice, written with another letter case, '/' or a trailing separator (this library's contract)",
    manifest: podWithContainer(
      { volumeMounts: [{ name: 'v', mountPath: 'C:\\data' }, { name: 'v', mountPath: 'c:/Data/' }, { name: 'v', mountPath: '/logs' }, { name: 'v', mountPath: 'C:\\logs' }] },
      { nodeSelector: { 'kubernetes.io/os': 'windows' }, volumes: [emptyDir('v')] },
    ),
    problems: [
      `${C}.volumeMounts[1].mountPath: "c:/Data/" is already mounted by ${C}.volumeMounts[0] ("C:\\\\data" is the same directory: this library compares mount paths without a trailing separator, '\\' as '/' and in any letter case, as Windows does); each mount needs its own path (this library's contract).`,
      `${C}.volumeMounts[3].mountPath: "C:\\\\logs" is already mounted by ${C}.volumeMounts[2] ("/logs" is the same directory: this library compares mount paths without a trailing separator, '\\' as '/' and in any letter case, as Windows does); each mount needs its own path (this library's contract).`,
    ],
  },
  {
    go: 'ValidateVolumeMounts',
    name: 'rejects a Windows drive path in a pod whose OS is not stated, saying how to state it',
    manifest: podWithContainer({ volumeMounts: [{ name: 'v', mountPath: 'C:\\data' }] }, { volumes: [emptyDir('v')] }),
    problems: [`${C}.volumeMounts[0].mountPath: "C:\\\\data" is relative (a Windows path: for a Windows pod, set spec.os.name to windows); the API server accepts it but the kubelet would silently resolve it against '/'. This library's contract requires an absolute path: use "/C:\\\\data".`],
  },
  {
    go: 'validateLocalDescendingPath',
    name: "rejects an absolute subPath, a subPathExpr with '..' and both together",
    manifest: podWithContainer({ volumeMounts: [{ name: 'v', mountPath: '/a', subPath: '/etc' }, { name: 'v', mountPath: '/b', subPath: 'x', subPathExpr: '$(POD)/../..' }] }, { volumes: [emptyDir('v')] }),
    problems: [
      `${C}.volumeMounts[0].subPath: "/etc" must be a relative path; it is a path inside the volume.`,
      `${C}.volumeMounts[1].subPathExpr: "$(POD)/../.." must not contain '..'; it is a path inside the volume.`,
      `${C}.volumeMounts[1].subPathExpr: subPathExpr and subPath are mutually exclusive; keep one.`,
    ],
  },
  {
    go: 'validateMountPropagation',
    name: 'rejects an unknown mount propagation and Bidirectional in an unprivileged container',
    manifest: podWithContainer({ volumeMounts: [{ name: 'v', mountPath: '/a', mountPropagation: 'Shared' }, { name: 'v', mountPath: '/b', mountPropagation: 'Bidirectional' }] }, { volumes: [emptyDir('v')] }),
    problems: [
      `${C}.volumeMounts[0].mountPropagation: "Shared" is not supported; use one of Bidirectional, HostToContainer, None.`,
      `${C}.volumeMounts[1].mountPropagation: "Bidirectional" mount propagation is available only to privileged containers; set securityContext.privileged: true or use HostToContainer.`,
    ],
  },
  {
    go: 'validateMountPropagation',
    name: 'accepts Bidirectional in a privileged container and HostToContainer anywhere',
    manifest: pod({ volumes: [emptyDir('v')], containers: [c('a', { securityContext: { privileged: true }, volumeMounts: [{ name: 'v', mountPath: '/a', mountPropagation: 'Bidirectional' }] }), c('b', { volumeMounts: [{ name: 'v', mountPath: '/a', mountPropagation: 'HostToContainer' }] })] }),
    problems: [],
  },
  {
    go: 'validateMountRecursiveReadOnly',
    name: 'rejects recursiveReadOnly without readOnly, with propagation, and an unknown value',
    manifest: podWithContainer({
      volumeMounts: [
        { name: 'v', mountPath: '/a', recursiveReadOnly: 'Enabled' },
        { name: 'v', mountPath: '/b', readOnly: true, recursiveReadOnly: 'IfPossible', mountPropagation: 'HostToContainer' },
        { name: 'v', mountPath: '/c', readOnly: true, recursiveReadOnly: 'Always' },
      ],
    }, { volumes: [emptyDir('v')] }),
    problems: [
      `${C}.volumeMounts[0].recursiveReadOnly: "Enabled" may only be specified when readOnly is true; set readOnly: true.`,
      `${C}.volumeMounts[1].recursiveReadOnly: "IfPossible" may only be specified when mountPropagation is None or not specified; remove mountPropagation.`,
      `${C}.volumeMounts[2].recursiveReadOnly: "Always" is not supported; use one of Disabled, IfPossible, Enabled.`,
    ],
    offline128: false,
  },
  {
    go: 'validateMountRecursiveReadOnly',
    name: 'accepts recursiveReadOnly Enabled on a read-only mount and Disabled anywhere',
    manifest: podWithContainer({ volumeMounts: [{ name: 'v', mountPath: '/a', readOnly: true, recursiveReadOnly: 'Enabled', mountPropagation: 'None' }, { name: 'v', mountPath: '/b', recursiveReadOnly: 'Disabled' }] }, { volumes: [emptyDir('v')] }),
    problems: [],
    offline128: false,
  },
  // ---- volume devices ----------------------------------------------------------------------------
  {
    go: 'ValidateVolumeDevices',
    name: 'accepts a block device from a persistentVolumeClaim volume and one from an ephemeral volume',
    manifest: podWithContainer({ volumeDevices: [{ name: 'disk', devicePath: '/dev/xvda' }, { name: 'scratch', devicePath: '/dev/xvdb' }] }, {
      volumes: [
        { name: 'disk', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Block', resources: { requests: { storage: '1Gi' } } } } } },
      ],
    }),
    problems: [],
  },
  {
    go: 'ValidateVolumeDevices',
    name: "rejects devices of a non-claim volume, twice by name or path, without a path, with '..', and also mounted",
    manifest: podWithContainer({
      volumeMounts: [{ name: 'disk', mountPath: '/dev/xvdc' }],
      volumeDevices: [
        { name: 'cache', devicePath: '/dev/xvda' },
        { name: 'disk', devicePath: '/dev/xvda' },
        { name: 'disk' },
        { name: 'other', devicePath: '/dev/../xvdb' },
        { name: 'other2', devicePath: '/dev/xvdc' },
      ],
    }, { volumes: [emptyDir('cache'), { name: 'disk', persistentVolumeClaim: { claimName: 'd' } }, { name: 'other', persistentVolumeClaim: { claimName: 'o' } }, { name: 'other2', persistentVolumeClaim: { claimName: 'o2' } }] }),
    problems: [
      `${C}.volumeMounts[0].name: "disk" is also in volumeDevices; a volume is either mounted or attached as a block device, not both.`,
      `${C}.volumeMounts[0].mountPath: "/dev/xvdc" is also a devicePath in volumeDevices; use another path.`,
      `${C}.volumeDevices[0].name: "cache" is not a persistentVolumeClaim or ephemeral volume; only those can be attached as a block device (volumeDevices). Mount it with volumeMounts instead.`,
      `${C}.volumeDevices[1].devicePath: "/dev/xvda" is already used by ${C}.volumeDevices[0]; each device needs its own path.`,
      `${C}.volumeDevices[1].name: "disk" is also in volumeMounts; a volume is either mounted or attached as a block device, not both.`,
      `${C}.volumeDevices[2].name: "disk" is already attached by ${C}.volumeDevices[1]; attach each volume once.`,
      `${C}.volumeDevices[2].devicePath: is required; set the path of the device in the container (e.g. /dev/xvda).`,
      `${C}.volumeDevices[2].name: "disk" is also in volumeMounts; a volume is either mounted or attached as a block device, not both.`,
      `${C}.volumeDevices[3].devicePath: "/dev/../xvdb" can not contain backsteps ('..'); write the path without them.`,
      `${C}.volumeDevices[4].devicePath: "/dev/xvdc" is also a mountPath in volumeMounts; use another path.`,
    ],
  },
  {
    go: 'ValidateVolumeDevices',
    name: "accepts a devicePath with backslashes around '..' (a backslash is an ordinary character on the Linux API server)",
    manifest: podWithContainer({ volumeDevices: [{ name: 'disk', devicePath: '/dev/xvda\\..\\xvdb' }] }, { volumes: [{ name: 'disk', persistentVolumeClaim: { claimName: 'data' } }] }),
    problems: [],
  },
  {
    go: 'ValidateVolumeDevices',
    name: "rejects a devicePath with a '..' element",
    manifest: podWithContainer({ volumeDevices: [{ name: 'disk', devicePath: '/dev/../xvdb' }] }, { volumes: [{ name: 'disk', persistentVolumeClaim: { claimName: 'data' } }] }),
    problems: [`${C}.volumeDevices[0].devicePath: "/dev/../xvdb" can not contain backsteps ('..'); write the path without them.`],
  },
];
