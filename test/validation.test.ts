import { Problems } from '../src/problems';
import { PodSpecOwner, validateDeploymentSpec, validateObject, validateObjectMeta, validatePodSpec } from '../src/validation';

/** The problems `validatePodSpec` finds in a pod spec with these containers (and extra fields). */
function podProblems(containers: any[], extra: any = {}, owner = PodSpecOwner.POD): string[] {
  const problems = new Problems();
  validatePodSpec({ containers, ...extra }, owner === PodSpecOwner.POD ? 'spec' : 'spec.template.spec', problems, owner);
  return problems.toErrors('X').flatMap((e) => e.replace(/^X( has \d+ problems:\n {4}- |: )/, '').split('\n    - '));
}

function deploymentProblems(spec: any): string[] {
  const problems = new Problems();
  validateDeploymentSpec({ selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec: {} }, ...spec }, 'spec', problems);
  return problems.toErrors('X').flatMap((e) => e.replace(/^X( has \d+ problems:\n {4}- |: )/, '').split('\n    - '));
}

const app = (extra: any = {}): any => ({ name: 'app', image: 'busybox', ...extra });

describe('validatePodSpec (ValidatePodSpec)', () => {
  test('accepts what the API server accepts: defaulted fields left out, 0 for defaulted probe numbers', () => {
    expect(podProblems([app({
      livenessProbe: { exec: { command: ['true'] }, successThreshold: 0, periodSeconds: 0 },
      readinessProbe: { httpGet: { port: 'http' }, successThreshold: 3 },
      startupProbe: { grpc: { port: 9000 } },
      ports: [{ containerPort: 80, name: 'http', hostPort: 0 }],
      resources: { limits: { 'cpu': '-0', 'example.com/foo': 2 }, requests: { 'example.com/foo': '2' } },
      env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, { name: 'B', value: '', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
    })])).toEqual([]);
  });

  test('rejects probes the API server rejects (validateProbe, validateHandler)', () => {
    expect(podProblems([app({
      livenessProbe: { successThreshold: 2 },
      readinessProbe: { exec: { command: [] }, tcpSocket: { port: 0 }, terminationGracePeriodSeconds: 5 },
      startupProbe: { httpGet: { port: 'HTTP' }, periodSeconds: -1 },
    })])).toEqual([
      'spec.containers[0].livenessProbe: must specify a handler type: one of exec, httpGet, tcpSocket or grpc.',
      'spec.containers[0].livenessProbe.successThreshold: 2 must be 1 for liveness and startup probes.',
      'spec.containers[0].readinessProbe.tcpSocket: may not specify more than 1 handler type (exec, tcpSocket); keep one.',
      "spec.containers[0].readinessProbe.exec.command: is required; set the command to run (e.g. ['cat', '/tmp/healthy']).",
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: must not be set for readinessProbes; remove it.',
      'spec.containers[0].startupProbe.httpGet.port: "HTTP" is not a valid port name: it must contain only lowercase letters, digits and \'-\'; use a container port name or a number.',
      'spec.containers[0].startupProbe.periodSeconds: -1 must be a non-negative integer.',
    ]);
  });

  test('allows probes on a native sidecar but not on an init step (validateInitContainers)', () => {
    const probe = { exec: { command: ['true'] } };
    expect(podProblems([app()], { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', startupProbe: probe }] })).toEqual([]);
    expect(podProblems([app()], { initContainers: [{ name: 'setup', image: 'busybox', lifecycle: { postStart: probe } }] })).toEqual([
      'spec.initContainers[0].lifecycle: must not be set for init containers: an init container runs to completion before the app starts. Remove it, or make the container a native sidecar (restartPolicy: Always; Kubernetes 1.29+; 1.28 has native sidecars only behind the alpha SidecarContainers feature gate).',
    ]);
  });

  test('rejects env sources the API server rejects (validateEnvVarValueFrom)', () => {
    expect(podProblems([app({ env: [{ name: 'A', valueFrom: {} }, { name: 'B', valueFrom: { fieldRef: {}, secretKeyRef: {} } }, { name: 'A=B' }] })])).toEqual([
      'spec.containers[0].env[0].valueFrom: must specify one of: fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.',
      "spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: is required; set the pod field to read (e.g. 'metadata.name').",
      'spec.containers[0].env[1].valueFrom.secretKeyRef.name: is required; set the name of the Secret to read.',
      'spec.containers[0].env[1].valueFrom.secretKeyRef.key: is required; set the key of the Secret to read.',
      'spec.containers[0].env[1].valueFrom: has fieldRef and secretKeyRef; it may have only one source.',
      'spec.containers[0].env[2].name: environment variable name "A=B" is invalid: it must consist only of printable ASCII characters other than \'=\' (Kubernetes 1.31 and earlier are stricter, unless their RelaxedEnvironmentVariableValidation gate is on: letters, digits, \'_\', \'-\' or \'.\', not starting with a digit).',
    ]);
  });

  test('rejects resources the API server rejects (ValidateResourceRequirements)', () => {
    expect(podProblems([app({
      resources: {
        limits: { 'example.com/gpu': '1.5', 'hugepages-2Mi': '3Mi', 'kubernetes.io/x': 1 },
        requests: { 'example.com/gpu': 1, 'example.com/fpga': 1 },
      },
    })])).toEqual([
      'spec.containers[0].resources.limits[example.com/gpu]: "1.5" must be an integer: extended resources are counted in whole units.',
      'spec.containers[0].resources.limits.hugepages-2Mi: "3Mi" is not a positive integer multiple of hugepages-2Mi.',
      'spec.containers[0].resources.requests[example.com/gpu]: 1 must be equal to the example.com/gpu limit "1.5" (example.com/gpu cannot be overcommitted).',
      'spec.containers[0].resources.limits: must set a limit for example.com/fpga: its request must equal its limit (example.com/fpga cannot be overcommitted).',
      'spec.containers[0].resources: HugePages require cpu or memory; request or limit one of them too.',
    ]);
  });

  test('compares quantities by value across notations', () => {
    expect(podProblems([app({ resources: { requests: { memory: '1Gi', cpu: '1000m' }, limits: { memory: '1073741824', cpu: 1 } } })])).toEqual([]);
    expect(podProblems([app({ resources: { requests: { memory: '1025Mi' }, limits: { memory: '1Gi' } } })])).toEqual([
      'spec.containers[0].resources.requests.memory: "1025Mi" is more than the limit "1Gi"; a request must be less than or equal to its limit.',
    ]);
  });

  test('checks host ports per protocol and host IP, and against containerPort with hostNetwork', () => {
    const port = (hostPort: number, extra = {}) => ({ ports: [{ containerPort: 80, hostPort, ...extra }] });
    expect(podProblems([app(port(80)), { ...app(port(80, { hostIP: '10.0.0.1' })), name: 'b' }, { ...app(port(80, { protocol: 'UDP' })), name: 'c' }])).toEqual([]);
    expect(podProblems([app(port(8080))], { hostNetwork: true })).toEqual([
      'spec.containers[0].ports[0].containerPort: 80 must match hostPort 8080 when hostNetwork is true; remove hostPort or make them equal.',
    ]);
  });

  test('checks the pod-level fields (validateRestartPolicy, validateDNSPolicy, names, activeDeadlineSeconds)', () => {
    expect(podProblems([app()], {
      dnsPolicy: 'Google', nodeSelector: { 'disk type': 'ssd' }, serviceAccountName: 'Build_Bot', hostname: 'web.1', activeDeadlineSeconds: 0,
    })).toEqual([
      'spec.dnsPolicy: "Google" is not supported; use one of ClusterFirstWithHostNet, ClusterFirst, Default, None.',
      'spec.nodeSelector: label key "disk type" is invalid: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').',
      'spec.serviceAccountName: "Build_Bot" is invalid: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').',
      'spec.hostname: "web.1" is invalid: it must not contain dots (it is a DNS-1123 label, not a subdomain; e.g. \'my-name\').',
      'spec.activeDeadlineSeconds: 0 must be between 1 and 2147483647, inclusive.',
    ]);
  });

  test('checks the common volume sources (validateVolumeSource, validateKeyToPath)', () => {
    expect(podProblems([app()], {
      volumes: [
        { name: 'a', configMap: { items: [{ key: 'k', path: '../k' }] } },
        { name: 'b', secret: { secretName: 's', items: [{ key: '', path: '/abs' }] } },
        { name: 'c', persistentVolumeClaim: {} },
        { name: 'd', hostPath: { path: '/var/../etc' } },
        { name: 'e', emptyDir: { sizeLimit: '-1Gi' } },
      ],
    })).toEqual([
      'spec.volumes[0].configMap.name: is required; set the ConfigMap to mount.',
      "spec.volumes[0].configMap.items[0].path: \"../k\" must not contain '..'.",
      'spec.volumes[1].secret.items[0].key: is required; set the key to project.',
      'spec.volumes[1].secret.items[0].path: "/abs" must be a relative path.',
      'spec.volumes[2].persistentVolumeClaim.claimName: is required; set the PersistentVolumeClaim to mount.',
      "spec.volumes[3].hostPath.path: \"/var/../etc\" must not contain '..'.",
      'spec.volumes[4].emptyDir.sizeLimit: "-1Gi" must be greater than or equal to 0.',
    ]);
  });

  test('reports whitespace around an image in a pod template too, saying why (validateContainersOnlyForPod)', () => {
    expect(podProblems([app({ image: ' busybox' })], {}, PodSpecOwner.TEMPLATE)).toEqual([
      'spec.template.spec.containers[0].image: " busybox" has leading or trailing whitespace (the API server accepts it in a pod template, then rejects every Pod created from it; this library\'s contract); remove it.',
    ]);
  });

  test('accepts subPath and subPathExpr one at a time, relative and inside the volume', () => {
    const mounts = (m: any) => podProblems([app({ volumeMounts: [{ name: 'v', mountPath: '/v', ...m }] })], { volumes: [{ name: 'v', emptyDir: {} }] });
    expect(mounts({ subPath: 'a/b..c' })).toEqual([]);
    expect(mounts({ subPathExpr: '$(POD_NAME)' })).toEqual([]);
    expect(mounts({ subPath: 'a', subPathExpr: 'b' })).toEqual(['spec.containers[0].volumeMounts[0].subPathExpr: subPathExpr and subPath are mutually exclusive; keep one.']);
    expect(mounts({ subPathExpr: '/abs' })).toEqual(['spec.containers[0].volumeMounts[0].subPathExpr: "/abs" must be a relative path; it is a path inside the volume.']);
  });
});

describe('validateDeploymentSpec (ValidateDeploymentSpec)', () => {
  test('accepts the defaults and the boundary values', () => {
    expect(deploymentProblems({})).toEqual([]);
    expect(deploymentProblems({ replicas: 0, minReadySeconds: 599, revisionHistoryLimit: 0, strategy: { rollingUpdate: { maxUnavailable: '100%', maxSurge: 0 } } })).toEqual([]);
    expect(deploymentProblems({ strategy: { type: 'Recreate' } })).toEqual([]);
  });

  test('rejects what the apps validation rejects', () => {
    expect(deploymentProblems({
      replicas: -1,
      minReadySeconds: 600,
      strategy: { type: 'Recreate', rollingUpdate: {} },
      template: { metadata: { labels: { app: 'b' } }, spec: { activeDeadlineSeconds: 10 } },
    })).toEqual([
      "spec.template.metadata.labels: selector app=a does not match the template labels; the selector must match the pod template's labels.",
      'spec.replicas: -1 must be a non-negative integer.',
      'spec.progressDeadlineSeconds: 600 (the default, as progressDeadlineSeconds is unset) must be greater than minReadySeconds 600; raise progressDeadlineSeconds or lower minReadySeconds.',
      "spec.strategy.rollingUpdate: may not be specified when strategy type is 'Recreate'; remove it.",
      'spec.template.spec.activeDeadlineSeconds: 10 is not supported in a Deployment; remove it.',
    ]);
    expect(deploymentProblems({ strategy: { rollingUpdate: { maxUnavailable: '101%', maxSurge: '5' } } })).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: "101%" must not be greater than 100%.',
      'spec.strategy.rollingUpdate.maxSurge: "5" is not a valid percent; write a number followed by \'%\' (e.g. \'25%\') or an integer.',
    ]);
  });
});

describe('validateObjectMeta (ValidateObjectMeta)', () => {
  test('limits the annotations to 256 KiB in total, counted in bytes', () => {
    const problems = new Problems();
    validateObjectMeta({ name: 'a', annotations: { big: 'é'.repeat(128 * 1024) } }, 'metadata', problems);
    expect(problems.toErrors('X')).toEqual([
      'X: metadata.annotations: annotations total 262147 bytes; the API server allows at most 262144 (256 KiB). Move large data into a ConfigMap.',
    ]);
  });
});

describe('a BigInt in a value a message shows (review 60 U3)', () => {
  test('GIVEN an image volume holding a BigInt WHEN validated THEN it is reported, not "Do not know how to serialize a BigInt"', () => {
    const manifest = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], volumes: [{ name: 'v', image: { reference: 'x', n: BigInt(5) } }] } };
    const problems = new Problems();
    expect(() => validateObject(manifest, problems)).not.toThrow();
    expect(problems.messages.join('\n')).toContain('spec.volumes[0].image');
  });

  test('GIVEN a BigInt where a string goes in a status WHEN validated THEN it is the number cdk8s writes, 3, that the decoder refuses (review 61 V1, V2)', () => {
    const problems = new Problems();
    validateObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] }, status: { podIPs: [{ ip: BigInt(3) }] } }, problems);
    expect(problems.messages).toEqual(['status.podIPs[0].ip: 3 is a number, but PodIP.ip takes a string (the API server cannot decode it).']);
  });
});

describe('a BigInt is the integer cdk8s writes for it (review 61 V2)', () => {
  const run = (manifest: any) => {
    const problems = new Problems();
    validateObject(manifest, problems);
    return problems.messages;
  };
  const deployment = (spec: any = {}, extra: any = {}) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } }, ...spec },
    ...extra,
  });
  const pod = (spec: any) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], ...spec } });

  test('GIVEN BigInts in int32, int64 and quantity fields WHEN validated THEN they are accepted as the numbers they are written as', () => {
    expect(run(deployment({ replicas: BigInt(3), minReadySeconds: BigInt(5), progressDeadlineSeconds: BigInt(600) }))).toEqual([]);
    expect(run(pod({ activeDeadlineSeconds: BigInt(30), containers: [{ name: 'c', image: 'busybox:1.36', resources: { limits: { cpu: BigInt(5) } } }] }))).toEqual([]);
  });

  test('GIVEN a BigInt that breaks a rule WHEN validated THEN the rule reports it as it reports the number', () => {
    expect(run(deployment({ replicas: BigInt(-1) }))).toEqual(run(deployment({ replicas: -1 })));
    expect(run(deployment({ progressDeadlineSeconds: BigInt(3), minReadySeconds: BigInt(5) }))).toEqual([
      'spec.progressDeadlineSeconds: 3 must be greater than minReadySeconds 5; raise progressDeadlineSeconds or lower minReadySeconds.',
    ]);
  });

  test('GIVEN a status of BigInts WHEN validated THEN a zero one is accepted and another would vanish, not "cannot decode"', () => {
    expect(run(deployment({}, { status: { replicas: BigInt(0) } }))).toEqual([]);
    expect(run(deployment({}, { status: { replicas: BigInt(3) } }))).toEqual([
      'status: {"replicas":3} would vanish (this library\'s contract): the API server resets a Deployment\'s status on create; remove it.',
    ]);
  });

  test('GIVEN an int64 BigInt beyond 2^53 WHEN validated THEN the rules read it as a number: accepted where the API server accepts it, refused where it refuses it (review 65 A3, A4)', () => {
    const big = BigInt(2) ** BigInt(60);
    expect(run(pod({ activeDeadlineSeconds: big }))).toEqual(['spec.activeDeadlineSeconds: 1152921504606846976 must be between 1 and 2147483647, inclusive.']);
    expect(run(pod({ containers: [{ name: 'c', image: 'busybox:1.36', resources: { limits: { cpu: big } } }], volumes: [{ name: 'v', emptyDir: { sizeLimit: big } }] }))).toEqual([]);
    expect(run(pod({ containers: [{ name: 'c', image: 'busybox:1.36', livenessProbe: { exec: { command: ['true'] }, terminationGracePeriodSeconds: big } }] }))).toEqual([]);
    expect(run({ ...pod({}), metadata: { name: 'p', generation: -big } })).toEqual([
      'metadata.generation: -1152921504606846976 must be greater than or equal to 0; remove it (the API server manages it).',
    ]);
  });

  test('GIVEN BigInts beyond 2^53 WHEN validated THEN messages and fixes show the digits cdk8s writes, and one refused field does not affect another (review 66 D3, D4, D5)', () => {
    const big = BigInt('1234567890123456789');
    expect(run({ ...pod({}), metadata: { name: 'p', labels: { a: big } } })).toEqual([
      'metadata.labels[a]: 1234567890123456789 is a number, but ObjectMeta.labels takes a string; write it as a string: "1234567890123456789" (the API server cannot decode it).',
    ]);
    const twoTo40 = BigInt(2) ** BigInt(40);
    expect(run(pod({ activeDeadlineSeconds: BigInt(60), containers: [{ name: 'c', image: 'busybox:1.36', ports: [{ containerPort: twoTo40 }] }], terminationGracePeriodSeconds: twoTo40 }))).toEqual([
      'spec.containers[0].ports[0].containerPort: 1099511627776 is out of range: ContainerPort.containerPort is an int32 (-2147483648 to 2147483647); write a number in that range.',
    ]);
    expect(run(pod({ containers: [{ name: 'c', image: 'busybox:1.36', resources: { limits: { memory: BigInt(2) ** BigInt(70) } } }] }))).toEqual([]);
  });

  test('GIVEN BigInts that a number cannot tell apart WHEN validated THEN each message shows its own digits, and quantities compare exactly (review 67 J2, J7)', () => {
    const two60 = BigInt(2) ** BigInt(60);
    expect(run({ ...pod({}), metadata: { name: 'p', labels: { a: two60 + BigInt(1), b: two60 + BigInt(2), c: 2 ** 60 } } as any })).toEqual([
      'metadata.labels[a]: 1152921504606846977 is a number, but ObjectMeta.labels takes a string; write it as a string: "1152921504606846977" (the API server cannot decode it).',
      'metadata.labels[b]: 1152921504606846978 is a number, but ObjectMeta.labels takes a string; write it as a string: "1152921504606846978" (the API server cannot decode it).',
      'metadata.labels[c]: 1152921504606847000 is a number, but ObjectMeta.labels takes a string; write it as a string: "1152921504606847000" (the API server cannot decode it).',
    ]);
    const two64 = BigInt(2) ** BigInt(64);
    expect(run(pod({ containers: [{ name: 'c', image: 'busybox:1.36', resources: { requests: { memory: two64 + BigInt(2) }, limits: { memory: two64 + BigInt(1) } } }] }))).toEqual([
      'spec.containers[0].resources.requests.memory: 18446744073709551618 is more than the limit 18446744073709551617; a request must be less than or equal to its limit.',
    ]);
  });

  test('GIVEN a BigInt past the int64 range and a value that takes its number WHEN validated THEN it stays past the range (review 68 K1)', () => {
    const two63 = BigInt(2) ** BigInt(63);
    const withQuantity = (memory: unknown) => pod({ terminationGracePeriodSeconds: two63 + BigInt(1), containers: [{ name: 'c', image: 'busybox:1.36', resources: { requests: { memory }, limits: { memory } } }] });
    for (const memory of [two63, 9223372036854775808]) {
      expect(run(withQuantity(memory))).toEqual([
        'spec.terminationGracePeriodSeconds: 9223372036854775809 is out of range: PodSpec.terminationGracePeriodSeconds is an int64; write a smaller number.',
      ]);
    }
  });

  test('GIVEN BigInts past the largest number WHEN validated THEN each is out of range with its digits, at once (review 69 N1)', () => {
    const huge = BigInt(2) ** BigInt(1100);
    const messages = run(pod({ terminationGracePeriodSeconds: huge, activeDeadlineSeconds: huge + BigInt(1), tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: huge + BigInt(2) }] }));
    expect(messages).toHaveLength(3);
    expect(messages[2]).toContain(`spec.tolerations[0].tolerationSeconds: ${huge + BigInt(2)} is out of range`);
  });

  test('GIVEN a BigInt and a value whose own keys shadow toString WHEN validated THEN both copies are made, and the BigInt\'s rule runs (review 69 P2)', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', selector: { a: 'b' }, ports: [{ name: 'a', port: 80 }, { name: 'b', port: 81, nodePort: BigInt(99999), protocol: { toString: null } }] } };
    expect(run(svc)).toContain('spec.ports[1].nodePort: 99999 is outside 30000-32767; pick a port in that range or omit it to let Kubernetes allocate one.');
  });

  test('GIVEN a BigInt beyond 2^53 WHEN validated THEN its field\'s range is checked exactly', () => {
    expect(run(pod({ activeDeadlineSeconds: BigInt(2) ** BigInt(63) }))).toEqual([
      'spec.activeDeadlineSeconds: 9223372036854775808 is out of range: PodSpec.activeDeadlineSeconds is an int64; write a smaller number.',
    ]);
    expect(run(deployment({ replicas: BigInt(2) ** BigInt(60) }))).toEqual([
      'spec.replicas: 1152921504606846976 is out of range: DeploymentSpec.replicas is an int32 (-2147483648 to 2147483647); write a number in that range.',
    ]);
    // (An int64 past 2^53 is checked as the number next to it; messages show the digits cdk8s writes.)
    expect(run(deployment({}, { status: { observedGeneration: BigInt(2) ** BigInt(63) - BigInt(1) } }))).toEqual([
      'status: {"observedGeneration":9223372036854775807} would vanish (this library\'s contract): the API server resets a Deployment\'s status on create; remove it.',
    ]);
    expect(run(deployment({}, { status: { observedGeneration: BigInt(2) ** BigInt(63) } }))).toEqual([
      'status.observedGeneration: 9223372036854775808 is out of range: DeploymentStatus.observedGeneration is an int64 (-9223372036854775808 to 9223372036854775807); write a number in that range.',
    ]);
  });
});
