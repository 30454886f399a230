import { pod, podWithContainer, RuleCase } from './cases';

const C = 'spec.containers[0]';
const exec = { exec: { command: ['true'] } };

/** validateProbe and friends, validateLifecycle, the handlers, and the probe defaults. */
export const PROBES_CASES: RuleCase[] = [
  {
    go: 'SetDefaults_Probe',
    name: 'accepts 0 for the numbers the server defaults (timeout, period, thresholds) and probes of every handler type',
    manifest: podWithContainer({
      livenessProbe: { ...exec, timeoutSeconds: 0, periodSeconds: 0, successThreshold: 0, failureThreshold: 0, initialDelaySeconds: 0 },
      readinessProbe: { httpGet: { port: 'http' }, successThreshold: 3 },
      startupProbe: { grpc: { port: 9000 }, terminationGracePeriodSeconds: 10 },
      ports: [{ name: 'http', containerPort: 8080 }],
    }),
    problems: [],
  },
  {
    go: 'validateHandler',
    name: 'rejects a probe without a handler',
    manifest: podWithContainer({ livenessProbe: { periodSeconds: 5 } }),
    problems: [`${C}.livenessProbe: must specify a handler type: one of exec, httpGet, tcpSocket or grpc.`],
  },
  {
    go: 'validateHandler',
    name: 'rejects two handlers in one probe (only the first is checked further)',
    manifest: podWithContainer({ readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 0 } } }),
    problems: [`${C}.readinessProbe.tcpSocket: may not specify more than 1 handler type (exec, tcpSocket); keep one.`],
  },
  {
    go: 'validateProbe',
    name: 'rejects negative probe numbers and a terminationGracePeriodSeconds of 0',
    manifest: podWithContainer({ livenessProbe: { ...exec, initialDelaySeconds: -1, failureThreshold: -3, terminationGracePeriodSeconds: 0 } }),
    problems: [
      `${C}.livenessProbe.initialDelaySeconds: -1 must be a non-negative integer.`,
      `${C}.livenessProbe.failureThreshold: -3 must be a non-negative integer.`,
      `${C}.livenessProbe.terminationGracePeriodSeconds: 0 must be greater than 0.`,
    ],
  },
  {
    go: 'validateLivenessProbe',
    name: 'rejects a liveness probe with successThreshold 2',
    manifest: podWithContainer({ livenessProbe: { ...exec, successThreshold: 2 } }),
    problems: [`${C}.livenessProbe.successThreshold: 2 must be 1 for liveness and startup probes.`],
  },
  {
    go: 'validateStartupProbe',
    name: 'rejects a startup probe with successThreshold 3',
    manifest: podWithContainer({ startupProbe: { ...exec, successThreshold: 3 } }),
    problems: [`${C}.startupProbe.successThreshold: 3 must be 1 for liveness and startup probes.`],
  },
  {
    go: 'validateReadinessProbe',
    name: 'rejects terminationGracePeriodSeconds on a readiness probe',
    manifest: podWithContainer({ readinessProbe: { ...exec, terminationGracePeriodSeconds: 5 } }),
    problems: [`${C}.readinessProbe.terminationGracePeriodSeconds: must not be set for readinessProbes; remove it.`],
  },
  {
    go: 'validateExecAction',
    name: 'rejects an exec handler without a command',
    manifest: podWithContainer({ livenessProbe: { exec: { command: [] } } }),
    problems: [`${C}.livenessProbe.exec.command: is required; set the command to run (e.g. ['cat', '/tmp/healthy']).`],
  },
  {
    go: 'SetDefaults_HTTPGetAction',
    name: "accepts an httpGet with path '' and scheme '' (defaulted to / and HTTP), HTTPS and headers",
    manifest: podWithContainer({
      livenessProbe: { httpGet: { port: 80, path: '', scheme: '' } },
      readinessProbe: { httpGet: { port: 443, scheme: 'HTTPS', httpHeaders: [{ name: 'X-Probe-1', value: 'yes' }] } },
    }),
    problems: [],
    // The JSON schema of kubernetes-models lists the schemes without '', which the server defaults.
    offline128: false,
  },
  {
    go: 'validateHTTPGetAction',
    name: 'rejects an unknown scheme and a header name with a space',
    manifest: podWithContainer({ livenessProbe: { httpGet: { port: 80, scheme: 'https', httpHeaders: [{ name: 'X Probe', value: 'v' }] } } }),
    problems: [
      `${C}.livenessProbe.httpGet.scheme: "https" is not supported; use one of HTTP, HTTPS (uppercase).`,
      `${C}.livenessProbe.httpGet.httpHeaders[0].name: "X Probe" is not a valid HTTP header name: it must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name').`,
    ],
  },
  {
    go: 'validateHTTPGetAction',
    name: 'says a header without a name needs one (review 12 B3)',
    manifest: podWithContainer({ livenessProbe: { httpGet: { port: 80, httpHeaders: [{ value: 'v' }] } } }),
    problems: [`${C}.livenessProbe.httpGet.httpHeaders[0].name: is required; name the header (e.g. 'X-Header-Name').`],
  },
  {
    go: 'ValidatePortNumOrName',
    name: 'rejects a port name in uppercase, a numeric string and port 70000',
    manifest: podWithContainer({
      livenessProbe: { httpGet: { port: 'HTTP' } },
      readinessProbe: { httpGet: { port: '8080' } },
      startupProbe: { httpGet: { port: 70000 } },
    }),
    problems: [
      `${C}.livenessProbe.httpGet.port: "HTTP" is not a valid port name: it must contain only lowercase letters, digits and '-'; use a container port name or a number.`,
      `${C}.readinessProbe.httpGet.port: "8080" is not a valid port name: it must contain at least one letter; use a container port name or a number.`,
      `${C}.startupProbe.httpGet.port: 70000 is not a valid port number; use an integer between 1 and 65535.`,
    ],
  },
  {
    go: 'validateTCPSocketAction',
    name: 'rejects a tcpSocket on port 0 and one without a port',
    manifest: podWithContainer({ livenessProbe: { tcpSocket: { port: 0 } }, readinessProbe: { tcpSocket: {} } }),
    problems: [
      `${C}.livenessProbe.tcpSocket.port: 0 is not a valid port number; use an integer between 1 and 65535.`,
      `${C}.readinessProbe.tcpSocket.port: is required; set a port number between 1 and 65535.`,
    ],
  },
  {
    go: 'validateGRPCAction',
    name: 'rejects a grpc probe on port 65536',
    manifest: podWithContainer({ livenessProbe: { grpc: { port: 65536 } } }),
    problems: [`${C}.livenessProbe.grpc.port: 65536 is not a valid port number; use an integer between 1 and 65535.`],
  },
  {
    go: 'validateLifecycle',
    name: 'rejects a preStop hook without a handler and a postStart exec without a command',
    manifest: podWithContainer({ lifecycle: { postStart: { exec: { command: [] } }, preStop: {} } }),
    problems: [
      `${C}.lifecycle.postStart.exec.command: is required; set the command to run (e.g. ['cat', '/tmp/healthy']).`,
      `${C}.lifecycle.preStop: must specify a handler type: one of exec, httpGet, tcpSocket or sleep.`,
    ],
  },
  {
    go: 'validateLifecycle',
    name: 'accepts httpGet and tcpSocket hooks (path and scheme defaulted)',
    manifest: podWithContainer({ lifecycle: { postStart: { httpGet: { port: 80 } }, preStop: { tcpSocket: { port: 'http' } } }, ports: [{ name: 'http', containerPort: 80 }] }),
    problems: [],
  },
  {
    go: 'validateSleepAction',
    name: 'accepts a preStop sleep up to the grace period (30 s by default, 60 s when set)',
    manifest: pod({
      terminationGracePeriodSeconds: 60,
      containers: [
        { name: 'a', image: 'busybox:1.36', lifecycle: { preStop: { sleep: { seconds: 60 } } } },
        { name: 'b', image: 'busybox:1.36', lifecycle: { postStart: { sleep: { seconds: 1 } } } },
      ],
    }),
    problems: [],
    offline128: false,
  },
  {
    go: 'Convert_v1_Pod_To_core_Pod',
    name: 'compares the sleep of a Pod with a negative grace period with 1, as the API server takes it, and says so (Convert_v1_Pod_To_core_Pod; review 44 U1)',
    manifest: pod({
      terminationGracePeriodSeconds: -5,
      initContainers: [{ name: 'proxy', image: 'busybox:1.36', restartPolicy: 'Always', lifecycle: { preStop: { sleep: { seconds: 1 } } } }],
      containers: [{ name: 'a', image: 'busybox:1.36', lifecycle: { preStop: { sleep: { seconds: 2 } } } }],
    }),
    problems: [
      `${C}.lifecycle.preStop.sleep.seconds: 2 must be greater than 0 and at most the pod's terminationGracePeriodSeconds (1: a Pod takes the written -5 as 1); the sleep hook is cut off when the grace period ends. (The sleep action needs Kubernetes 1.30 or later, 1.29 only with the alpha PodLifecycleSleepAction gate.)`,
    ],
    offline128: false,
  },
  {
    go: 'validateSleepAction',
    name: 'rejects a sleep of 0 seconds (PodLifecycleSleepActionAllowZero is off in 1.32) and one longer than the default grace period',
    manifest: podWithContainer({ lifecycle: { postStart: { sleep: { seconds: 0 } }, preStop: { sleep: { seconds: 31 } } } }),
    problems: [
      `${C}.lifecycle.postStart.sleep.seconds: 0 must be greater than 0 and at most the pod's terminationGracePeriodSeconds (30); the sleep hook is cut off when the grace period ends. (The sleep action needs Kubernetes 1.30 or later, 1.29 only with the alpha PodLifecycleSleepAction gate. 0 needs the PodLifecycleSleepActionAllowZero gate, off by default in 1.32 and on from 1.33.)`,
      `${C}.lifecycle.preStop.sleep.seconds: 31 must be greater than 0 and at most the pod's terminationGracePeriodSeconds (30); the sleep hook is cut off when the grace period ends. (The sleep action needs Kubernetes 1.30 or later, 1.29 only with the alpha PodLifecycleSleepAction gate.)`,
    ],
    offline128: false,
  },
];
