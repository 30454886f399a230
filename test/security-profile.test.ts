import * as fs from 'fs';
import * as path from 'path';
import { Chart, JsonPatch, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import {
  InitPod, OAuth2ProxyProvider, PlainPod, ResourcePreset, SecurityLevel, SecurityProfile, Sidecar, SidecarLoggedApp, SidecarMode, Workload,
} from '../src';
import { exampleCharts } from './example-charts';
import { fixture, newChart, only, synth, synthError } from './util';

// ---------------------------------------------------------------------------------------------
// An independent checker of the Kubernetes 1.28 Pod Security Standards, written rule by rule
// from https://kubernetes.io/docs/concepts/security/pod-security-standards/ (the 1.28 tables:
// each control's "Restricted Fields" and "Allowed Values"), with the AppArmor fields of 1.30
// (pod-security-admission check_appArmorProfile.go). It shares no code with the library.
// ---------------------------------------------------------------------------------------------

/** A pod as PSS sees it: its metadata and spec (a Pod's own, or a workload's pod template). */
interface PodView { readonly meta: any; readonly spec: any }

/** Every container of the pod with its field path: containers, initContainers, ephemeralContainers. */
function allContainers(spec: any): Array<[string, any]> {
  const out: Array<[string, any]> = [];
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    (spec[list] ?? []).forEach((c: any, i: number) => out.push([`spec.${list}[${i}]`, c]));
  }
  return out;
}

/** The pod-level and every container-level securityContext with its path. */
function allSecurityContexts(spec: any): Array<[string, any]> {
  return [
    ['spec.securityContext', spec.securityContext],
    ...allContainers(spec).map(([p, c]): [string, any] => [`${p}.securityContext`, c.securityContext]),
  ];
}

const undefOr = (allowed: any[]) => (v: any) => v === undefined || allowed.includes(v);

interface Rule {
  readonly level: 'baseline' | 'restricted';
  readonly control: string;
  /** Violations, as `field path = value`; empty when the pod passes the control. */
  readonly check: (pod: PodView) => string[];
}

const BASELINE_ADD = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];
const SAFE_SYSCTLS_1_28 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports'];
const RESTRICTED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

const RULES: Rule[] = [
  // ---- Baseline -------------------------------------------------------------------------------
  {
    level: 'baseline',
    control: 'HostProcess',
    check: ({ spec }) => allSecurityContexts(spec)
      .filter(([, sc]) => !undefOr([false])(sc?.windowsOptions?.hostProcess))
      .map(([p, sc]) => `${p}.windowsOptions.hostProcess = ${sc.windowsOptions.hostProcess}`),
  },
  {
    level: 'baseline',
    control: 'Host Namespaces',
    // hostPid / hostIpc: the camelCase spelling of the L1 types, checked too in case it leaks through.
    check: ({ spec }) => ['hostNetwork', 'hostPID', 'hostIPC', 'hostPid', 'hostIpc']
      .filter((f) => !undefOr([false])(spec[f])).map((f) => `spec.${f} = ${spec[f]}`),
  },
  {
    level: 'baseline',
    control: 'Privileged Containers',
    check: ({ spec }) => allContainers(spec)
      .filter(([, c]) => !undefOr([false])(c.securityContext?.privileged))
      .map(([p, c]) => `${p}.securityContext.privileged = ${c.securityContext.privileged}`),
  },
  {
    level: 'baseline',
    control: 'Capabilities',
    check: ({ spec }) => allContainers(spec).flatMap(([p, c]) => (c.securityContext?.capabilities?.add ?? [])
      .filter((cap: string) => !BASELINE_ADD.includes(cap)).map((cap: string) => `${p}.securityContext.capabilities.add = ${cap}`)),
  },
  {
    level: 'baseline',
    control: 'HostPath Volumes',
    check: ({ spec }) => (spec.volumes ?? []).filter((v: any) => v.hostPath !== undefined).map((v: any) => `spec.volumes[${v.name}].hostPath`),
  },
  {
    level: 'baseline',
    control: 'Host Ports',
    check: ({ spec }) => allContainers(spec).flatMap(([p, c]) => (c.ports ?? [])
      .filter((port: any) => !undefOr([0])(port.hostPort)).map((port: any) => `${p}.ports.hostPort = ${port.hostPort}`)),
  },
  {
    level: 'baseline',
    control: 'AppArmor',
    check: ({ meta, spec }) => [
      ...Object.entries(meta?.annotations ?? {})
        .filter(([k]) => k.startsWith('container.apparmor.security.beta.kubernetes.io/'))
        .filter(([, v]) => v !== '' && v !== 'runtime/default' && !String(v).startsWith('localhost/'))
        .map(([k, v]) => `metadata.annotations[${k}] = ${v}`),
      ...allSecurityContexts(spec).filter(([, sc]) => sc?.appArmorProfile !== undefined && !['RuntimeDefault', 'Localhost'].includes(sc.appArmorProfile.type))
        .map(([p, sc]) => `${p}.appArmorProfile.type = ${sc.appArmorProfile.type}`),
    ],
  },
  {
    level: 'baseline',
    control: 'SELinux',
    check: ({ spec }) => allSecurityContexts(spec).flatMap(([p, sc]) => {
      const se = sc?.seLinuxOptions ?? {};
      const bad: string[] = [];
      if (!undefOr(['', 'container_t', 'container_init_t', 'container_kvm_t'])(se.type)) bad.push(`${p}.seLinuxOptions.type = ${se.type}`);
      if (!undefOr([''])(se.user)) bad.push(`${p}.seLinuxOptions.user = ${se.user}`);
      if (!undefOr([''])(se.role)) bad.push(`${p}.seLinuxOptions.role = ${se.role}`);
      return bad;
    }),
  },
  {
    level: 'baseline',
    control: '/proc Mount Type',
    check: ({ spec }) => allContainers(spec)
      .filter(([, c]) => !undefOr(['Default'])(c.securityContext?.procMount))
      .map(([p, c]) => `${p}.securityContext.procMount = ${c.securityContext.procMount}`),
  },
  {
    level: 'baseline',
    control: 'Seccomp',
    check: ({ spec }) => allSecurityContexts(spec)
      .filter(([, sc]) => !undefOr(['RuntimeDefault', 'Localhost'])(sc?.seccompProfile?.type))
      .map(([p, sc]) => `${p}.seccompProfile.type = ${sc.seccompProfile.type}`),
  },
  {
    level: 'baseline',
    control: 'Sysctls',
    check: ({ spec }) => (spec.securityContext?.sysctls ?? [])
      .filter((s: any) => !SAFE_SYSCTLS_1_28.includes(s.name)).map((s: any) => `spec.securityContext.sysctls = ${s.name}`),
  },
  // ---- Restricted -----------------------------------------------------------------------------
  {
    level: 'restricted',
    control: 'Volume Types',
    check: ({ spec }) => (spec.volumes ?? []).flatMap((v: any) => Object.keys(v)
      .filter((k) => k !== 'name' && !RESTRICTED_VOLUMES.includes(k)).map((k) => `spec.volumes[${v.name}].${k}`)),
  },
  {
    level: 'restricted',
    control: 'Privilege Escalation',
    check: ({ spec }) => allContainers(spec)
      .filter(([, c]) => c.securityContext?.allowPrivilegeEscalation !== false)
      .map(([p, c]) => `${p}.securityContext.allowPrivilegeEscalation = ${c.securityContext?.allowPrivilegeEscalation}`),
  },
  {
    level: 'restricted',
    control: 'Running as Non-root',
    // The pod must set true; a container may leave it undefined only if the pod-level value is true.
    check: ({ spec }) => {
      const podLevel = spec.securityContext?.runAsNonRoot;
      const bad = podLevel === false ? [`spec.securityContext.runAsNonRoot = ${podLevel}`] : [];
      for (const [p, c] of allContainers(spec)) {
        const v = c.securityContext?.runAsNonRoot;
        if (v === false || (v === undefined && podLevel !== true)) bad.push(`${p}.securityContext.runAsNonRoot = ${v}`);
      }
      return bad;
    },
  },
  {
    level: 'restricted',
    control: 'Running as Non-root user',
    check: ({ spec }) => allSecurityContexts(spec).filter(([, sc]) => sc?.runAsUser === 0).map(([p]) => `${p}.runAsUser = 0`),
  },
  {
    level: 'restricted',
    control: 'Seccomp',
    // Pod: RuntimeDefault or Localhost. Containers: the same, or undefined only if the pod-level one is set.
    check: ({ spec }) => {
      const ok = (t: any) => t === 'RuntimeDefault' || t === 'Localhost';
      const podType = spec.securityContext?.seccompProfile?.type;
      const bad = podType !== undefined && !ok(podType) ? [`spec.securityContext.seccompProfile.type = ${podType}`] : [];
      for (const [p, c] of allContainers(spec)) {
        const t = c.securityContext?.seccompProfile?.type;
        if (t === undefined ? !ok(podType) : !ok(t)) bad.push(`${p}.securityContext.seccompProfile.type = ${t}`);
      }
      return bad;
    },
  },
  {
    level: 'restricted',
    control: 'Capabilities',
    check: ({ spec }) => allContainers(spec).flatMap(([p, c]) => {
      const caps = c.securityContext?.capabilities ?? {};
      const bad: string[] = [];
      if (!(caps.drop ?? []).includes('ALL')) bad.push(`${p}.securityContext.capabilities.drop = ${JSON.stringify(caps.drop)}`);
      for (const cap of caps.add ?? []) {
        if (cap !== 'NET_BIND_SERVICE') bad.push(`${p}.securityContext.capabilities.add = ${cap}`);
      }
      return bad;
    }),
  },
];

const BASELINE_RULES = RULES.filter((r) => r.level === 'baseline');

/** The pods of a synthesized chart: bare Pods, and the pod templates of Deployments. */
function podsOf(manifests: any[]): PodView[] {
  return manifests.flatMap((m) => {
    if (m.kind === 'Pod') return [{ meta: m.metadata, spec: m.spec }];
    if (m.kind === 'Deployment') return [{ meta: m.spec.template.metadata, spec: m.spec.template.spec }];
    return [];
  });
}

/** Every violation of the given rules in the chart's pods, as `control: field = value`. */
function violations(manifests: any[], rules: Rule[] = RULES): string[] {
  const pods = podsOf(manifests);
  expect(pods.length).toBeGreaterThan(0);
  return rules.flatMap((rule) => pods.flatMap((pod) => rule.check(pod).map((v) => `${rule.level} ${rule.control}: ${v}`)));
}

// ---------------------------------------------------------------------------------------------
// The seed's pods, declared as in the tutorial, optionally hardened.
// ---------------------------------------------------------------------------------------------

const initContainer = { name: 'init-container', image: 'busybox:latest', command: ['sh', '-c', "echo 'Initialization started...'; sleep 10; echo 'Initialization completed.'"] };
const mainContainer = { name: 'main-container', image: 'busybox:latest', command: ['sh', '-c', "echo 'Main container started'"] };
const logApp = { name: 'main-container', image: 'busybox', command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"] };
const labels = { app: 'seed' };

type SeedPod = (chart: Chart, securityProfile?: SecurityProfile) => void;
const SEED_PODS: Array<[string, SeedPod]> = [
  ['InitPod (init-container.yml)', (c, securityProfile) => new InitPod(c, 'init-test', { metadata: { name: 'init-test' }, initContainers: [initContainer], containers: [mainContainer], securityProfile })],
  ['SidecarLoggedApp, classic sidecar (sidecar-container.yml)', (c, securityProfile) => new SidecarLoggedApp(c, 'sidecar-test', { metadata: { name: 'sidecar-test' }, app: logApp, securityProfile })],
  ['SidecarLoggedApp, native sidecar', (c, securityProfile) => new SidecarLoggedApp(c, 'sidecar-test', { metadata: { name: 'sidecar-test' }, app: logApp, sidecarMode: SidecarMode.NATIVE, securityProfile })],
  ['PlainPod', (c, securityProfile) => new PlainPod(c, 'hello', { metadata: { name: 'hello' }, containers: [mainContainer], securityProfile })],
  ['PlainPod as a Deployment', (c, securityProfile) => new PlainPod(c, 'hello', { metadata: { name: 'hello', labels }, workload: Workload.deployment({ replicas: 2 }), containers: [mainContainer], securityProfile })],
  ['InitPod as a Deployment', (c, securityProfile) => new InitPod(c, 'init-test', { metadata: { name: 'init-test', labels }, workload: Workload.deployment(), initContainers: [initContainer], containers: [mainContainer], securityProfile })],
  ['SidecarLoggedApp, native sidecar, as a Deployment', (c, securityProfile) => new SidecarLoggedApp(c, 'sidecar-test', { metadata: { name: 'sidecar-test', labels }, workload: Workload.deployment(), app: logApp, sidecarMode: SidecarMode.NATIVE, securityProfile })],
];

function synthSeed(build: SeedPod, profile?: SecurityProfile): any[] {
  const chart = newChart();
  build(chart, profile);
  return synth(chart);
}

describe('the Pod Security Standards checker of this test', () => {
  test('has every control of the 1.28 baseline (11) and restricted (6) tables', () => {
    expect(RULES.filter((r) => r.level === 'baseline').map((r) => r.control)).toEqual([
      'HostProcess', 'Host Namespaces', 'Privileged Containers', 'Capabilities', 'HostPath Volumes', 'Host Ports',
      'AppArmor', 'SELinux', '/proc Mount Type', 'Seccomp', 'Sysctls',
    ]);
    expect(RULES.filter((r) => r.level === 'restricted').map((r) => r.control)).toEqual([
      'Volume Types', 'Privilege Escalation', 'Running as Non-root', 'Running as Non-root user', 'Seccomp', 'Capabilities',
    ]);
  });

  // A pod that passes everything, then one edit per control that must make exactly that control fail.
  const compliant = (): PodView => ({
    meta: { name: 'p' },
    spec: {
      securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ name: 'c', image: 'busybox', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
      volumes: [{ name: 'v', emptyDir: {} }],
    },
  });
  const sc = (pod: PodView) => pod.spec.containers[0].securityContext;
  // [control, every control the edit must fail (some edits break a baseline and a restricted control), edit]
  const BREAKS: Array<[string, string[], (pod: PodView) => void]> = [
    ['baseline HostProcess', ['baseline HostProcess'], (p) => { sc(p).windowsOptions = { hostProcess: true }; }],
    ['baseline Host Namespaces', ['baseline Host Namespaces'], (p) => { p.spec.hostPID = true; }],
    ['baseline Privileged Containers', ['baseline Privileged Containers'], (p) => { sc(p).privileged = true; }],
    ['baseline Capabilities', ['baseline Capabilities', 'restricted Capabilities'], (p) => { sc(p).capabilities.add = ['SYS_ADMIN']; }],
    ['baseline HostPath Volumes', ['baseline HostPath Volumes', 'restricted Volume Types'], (p) => { p.spec.volumes.push({ name: 'h', hostPath: { path: '/' } }); }],
    ['baseline Host Ports', ['baseline Host Ports'], (p) => { p.spec.containers[0].ports = [{ containerPort: 80, hostPort: 80 }]; }],
    ['baseline AppArmor', ['baseline AppArmor'], (p) => { p.meta.annotations = { 'container.apparmor.security.beta.kubernetes.io/c': 'unconfined' }; }],
    ['baseline AppArmor (field)', ['baseline AppArmor'], (p) => { sc(p).appArmorProfile = { type: 'Unconfined' }; }],
    ['baseline SELinux', ['baseline SELinux'], (p) => { sc(p).seLinuxOptions = { user: 'system_u' }; }],
    ['baseline /proc Mount Type', ['baseline /proc Mount Type'], (p) => { sc(p).procMount = 'Unmasked'; }],
    ['baseline Sysctls', ['baseline Sysctls'], (p) => { p.spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '1' }]; }],
    ['restricted Volume Types', ['restricted Volume Types'], (p) => { p.spec.volumes.push({ name: 'n', nfs: { server: 'nfs', path: '/' } }); }],
    ['restricted Privilege Escalation', ['restricted Privilege Escalation'], (p) => { delete sc(p).allowPrivilegeEscalation; }],
    ['restricted Running as Non-root', ['restricted Running as Non-root'], (p) => { delete p.spec.securityContext.runAsNonRoot; }],
    ['restricted Running as Non-root user', ['restricted Running as Non-root user'], (p) => { sc(p).runAsUser = 0; }],
    ['restricted Seccomp', ['restricted Seccomp'], (p) => { delete p.spec.securityContext.seccompProfile; }],
    ['restricted Capabilities', ['restricted Capabilities'], (p) => { sc(p).capabilities.drop = ['NET_RAW']; }],
  ];

  test('passes a minimal compliant pod on every control', () => {
    const pod = compliant();
    expect(RULES.flatMap((r) => r.check(pod))).toEqual([]);
  });

  test.each(BREAKS)('fails %s on a pod that breaks it, and only the controls that cover the same field', (_control, expected, breakIt) => {
    const pod = compliant();
    breakIt(pod);
    const failing = RULES.filter((r) => r.check(pod).length > 0).map((r) => `${r.level} ${r.control}`);
    expect(failing).toEqual(expected);
  });

  test.each(BREAKS)('agrees with the library: SecurityProfile.restricted() also rejects a pod that breaks %s', (_control, _expected, breakIt) => {
    // GIVEN a hardened pod whose final spec is replaced (escape hatch) by the broken one
    const broken = compliant();
    breakIt(broken);
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [mainContainer], securityProfile: SecurityProfile.restricted() });
    pod.apiObject.addJsonPatch(JsonPatch.replace('/spec', broken.spec), JsonPatch.replace('/metadata', broken.meta));
    // THEN
    expect(synthError(chart)).toContain('breaks the Pod Security Standard "restricted"');
  });

  test('agrees with the library: SecurityProfile.restricted() accepts the minimal compliant pod as it is', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [mainContainer], securityProfile: SecurityProfile.restricted() });
    pod.apiObject.addJsonPatch(JsonPatch.replace('/spec', compliant().spec));
    expect(only(synth(chart), 'Pod').spec).toEqual(compliant().spec);
  });

  test('fails baseline "Seccomp" on Unconfined (restricted "Seccomp" fails too)', () => {
    const pod = compliant();
    pod.spec.securityContext.seccompProfile = { type: 'Unconfined' };
    expect(RULES.filter((r) => r.check(pod).length > 0).map((r) => `${r.level} ${r.control}`)).toEqual(['baseline Seccomp', 'restricted Seccomp']);
  });
});

describe('the un-hardened seed pods', () => {
  test.each(SEED_PODS)('%s passes baseline but fails restricted', (_name, build) => {
    // GIVEN the seed pod as declared, with no profile
    const manifests = synthSeed(build);
    // THEN
    expect(violations(manifests, BASELINE_RULES)).toEqual([]);
    const failing = new Set(violations(manifests).map((v) => v.split(':')[0]));
    expect([...failing]).toEqual([
      'restricted Privilege Escalation', 'restricted Running as Non-root', 'restricted Seccomp', 'restricted Capabilities',
    ]);
  });

  test('are written exactly as declared: no security context or resources appear without a profile', () => {
    expect(synthSeed(SEED_PODS[0][1])).toEqual(fixture('init-container.yml'));
    expect(synthSeed(SEED_PODS[1][1])).toEqual(fixture('sidecar-container.yml'));
  });
});

describe('SecurityProfile.restricted()', () => {
  describe.each(SEED_PODS)('hardens the seed %s', (_name, build) => {
    const manifests = synthSeed(build, SecurityProfile.restricted());
    test.each(RULES.map((r): [string, string, Rule] => [r.level, r.control, r]))('to pass %s "%s"', (_level, _control, rule) => {
      for (const pod of podsOf(manifests)) {
        expect(rule.check(pod)).toEqual([]);
      }
    });
  });

  test('the hardened example is a 3-replica Deployment, load-balanced, that passes every baseline and restricted control', () => {
    // GIVEN / WHEN
    const manifests = Testing.synth(exampleCharts().get('dist/hardened.k8s.yaml')!);
    // THEN
    const deployment = only(manifests, 'Deployment');
    const service = only(manifests, 'Service');
    expect(deployment.spec.replicas).toBe(3);
    expect(service.spec.type).toBe('LoadBalancer');
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
    expect(service.spec.ports).toEqual([{ port: 80, targetPort: 'http' }]);
    expect(deployment.spec.template.spec.containers[0].ports).toEqual([{ name: 'http', containerPort: 8080 }]);
    expect(deployment.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } });
    for (const c of deployment.spec.template.spec.containers) {
      expect(c.resources).toEqual({ requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '100m', memory: '64Mi' } });
    }
    expect(violations(manifests)).toEqual([]);
  });

  test('writes runAsNonRoot, a numeric runAsUser and RuntimeDefault seccomp on the pod, no escalation and no capabilities on every container', () => {
    // GIVEN
    const chart = newChart();
    // WHEN
    new InitPod(chart, 'init-test', { metadata: { name: 'init-test' }, initContainers: [initContainer], containers: [mainContainer], securityProfile: SecurityProfile.restricted() });
    // THEN
    const hardened = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
    expect(only(synth(chart), 'Pod').spec).toEqual({
      securityContext: { runAsNonRoot: true, runAsUser: 65534, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [{ ...initContainer, securityContext: hardened }],
      containers: [{ ...mainContainer, securityContext: hardened }],
    });
  });

  test('hardens a native sidecar and a classic sidecar like the app', () => {
    for (const sidecarMode of [SidecarMode.NATIVE, SidecarMode.CLASSIC]) {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', { app: logApp, sidecarMode, securityProfile: SecurityProfile.restricted() });
      const spec = only(synth(chart), 'Pod').spec;
      const all = [...(spec.initContainers ?? []), ...spec.containers];
      expect(all.map((c: any) => c.name).sort()).toEqual(['main-container', 'sidecar-container']);
      for (const c of all) {
        expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
      }
    }
  });

  test('uses the declared runAsUser, runAsGroup and fsGroup', () => {
    const chart = newChart();
    const profile = SecurityProfile.restricted({ runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000 });
    new PlainPod(chart, 'p', { containers: [mainContainer], securityProfile: profile });
    expect(profile.level).toBe(SecurityLevel.RESTRICTED);
    expect(only(synth(chart), 'Pod').spec.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  test('keeps every compliant value the user set and only fills in the rest', () => {
    // GIVEN explicit, compliant security settings on the pod and on one container
    const chart = newChart();
    new PlainPod(chart, 'web', {
      securityContext: { runAsUser: 101, seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/web.json' } },
      containers: [
        {
          name: 'web',
          image: 'nginx',
          securityContext: { runAsUser: 102, readOnlyRootFilesystem: true, capabilities: { add: ['NET_BIND_SERVICE'] } },
        },
        { name: 'helper', image: 'busybox', securityContext: { capabilities: { drop: ['ALL', 'NET_RAW'] }, allowPrivilegeEscalation: false } },
      ],
      // WHEN
      securityProfile: SecurityProfile.restricted(),
    });
    // THEN
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 101, seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/web.json' } });
    expect(spec.containers[0].securityContext).toEqual({
      runAsUser: 102, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
    });
    expect(spec.containers[1].securityContext).toEqual({ capabilities: { drop: ['ALL', 'NET_RAW'] }, allowPrivilegeEscalation: false });
    expect(violations(synth(chart))).toEqual([]);
  });

  test('refuses an explicit option that the pod or a sidecar sets otherwise, instead of dropping it (review 12 D5)', () => {
    const own = newChart();
    new PlainPod(own, 'web', {
      securityContext: { runAsUser: 101, runAsGroup: 3000 },
      containers: [mainContainer],
      securityProfile: SecurityProfile.restricted({ runAsUser: 1000, runAsGroup: 3000 }),
    });
    expect(synthError(own)).toContain("PlainPod 'test-web-c8694308': spec.securityContext.runAsUser: 101 is not the runAsUser 1000 of securityProfile SecurityProfile.restricted({ runAsUser: 1000 }): "
      + "the pod's own securityContext or a sidecar sets it, and the profile fills in unset fields only, so the option would be dropped; remove one of them or make them agree.");
    expect(synthError(own)).not.toContain('runAsGroup');
    const sidecar = newChart();
    new PlainPod(sidecar, 'web', {
      containers: [mainContainer],
      sidecars: [Sidecar.gitSync({ repo: 'https://github.com/example/site.git' })],
      securityProfile: SecurityProfile.restricted({ fsGroup: 3001 }),
    });
    expect(synthError(sidecar)).toContain('spec.securityContext.fsGroup: 65533 is not the fsGroup 3001 of securityProfile SecurityProfile.restricted({ fsGroup: 3001 })');
  });

  test('reports every explicit value that breaks the standard, in one message naming field, container, value and fix', () => {
    // GIVEN
    const chart = newChart();
    new PlainPod(chart, 'bad', {
      metadata: { name: 'bad', annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } },
      hostNetwork: true,
      securityContext: { runAsNonRoot: false, sysctls: [{ name: 'kernel.msgmax', value: '65536' }] },
      volumes: [{ name: 'host', hostPath: { path: '/var/run' } }, { name: 'share', nfs: { server: 'nfs.local', path: '/export' } }],
      containers: [{
        name: 'app',
        image: 'busybox',
        ports: [{ containerPort: 8080, hostPort: 80 }],
        securityContext: {
          privileged: true,
          runAsUser: 0,
          allowPrivilegeEscalation: true,
          capabilities: { add: ['SYS_ADMIN', 'NET_BIND_SERVICE'], drop: ['NET_RAW'] },
          seccompProfile: { type: 'Unconfined' },
          procMount: 'Unmasked',
          seLinuxOptions: { type: 'spc_t' },
        },
        volumeMounts: [{ name: 'host', mountPath: '/host' }, { name: 'share', mountPath: '/share' }],
      }],
      // WHEN
      securityProfile: SecurityProfile.restricted(),
    });
    // THEN
    const message = synthError(chart);
    expect(message).toContain("PlainPod 'bad' has 17 problems:");
    const expected = [
      // the API server's create preparation: ProcMountType is off by default in 1.32 (issue 11)
      'spec.containers[0].securityContext.procMount: "Unmasked" would vanish (this library\'s contract): procMount is behind the ProcMountType feature gate',
      // the API server's own rule (validateHostNetwork), reported next to the profile's
      'spec.containers[0].ports[0].containerPort: 8080 must match hostPort 80 when hostNetwork is true; remove hostPort or make them equal.',
      'spec.hostNetwork: true breaks the Pod Security Standard "restricted" (securityProfile SecurityProfile.restricted()): sharing the host\'s namespaces is forbidden; remove it or set false.',
      'spec.volumes[0].hostPath: (volume "host") breaks',
      'hostPath volumes are forbidden; use an emptyDir, configMap, secret or persistentVolumeClaim volume.',
      'spec.volumes[1].nfs: (volume "share") breaks',
      'volume type nfs is not allowed; use one of configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret',
      'spec.securityContext.sysctls[0].name: "kernel.msgmax" breaks',
      'metadata.annotations.container.apparmor.security.beta.kubernetes.io/app: "unconfined" breaks',
      'spec.securityContext.runAsNonRoot: false breaks',
      'spec.containers[0].ports[0].hostPort: 80 (container "app") breaks',
      'spec.containers[0].securityContext.seLinuxOptions.type: "spc_t" (container "app") breaks',
      'spec.containers[0].securityContext.seccompProfile.type: "Unconfined" (container "app") breaks',
      'spec.containers[0].securityContext.runAsUser: 0 (container "app") breaks',
      'runs as root; use a non-zero UID (e.g. 65534) or remove it.',
      'spec.containers[0].securityContext.privileged: true (container "app") breaks the Pod Security Standard "restricted" (securityProfile SecurityProfile.restricted()): privileged containers are forbidden; remove it or set false.',
      'spec.containers[0].securityContext.procMount: "Unmasked" (container "app") breaks',
      'spec.containers[0].securityContext.capabilities.add: ["SYS_ADMIN"] (container "app") breaks',
      'adds capabilities the standard forbids; add only NET_BIND_SERVICE.',
      'spec.containers[0].securityContext.allowPrivilegeEscalation: true (container "app") breaks',
      'spec.containers[0].securityContext.capabilities.drop: ["NET_RAW"] (container "app") breaks',
      'must drop ALL capabilities; add "ALL" to drop, or remove drop (the profile sets [ALL]).',
    ];
    for (const part of expected) {
      expect(message).toContain(part);
    }
  });

  test('reports exactly the error docs/security-profile.md shows', () => {
    // GIVEN
    const chart = newChart();
    new PlainPod(chart, 'web', {
      metadata: { name: 'web' },
      containers: [{ name: 'app', image: 'busybox', securityContext: { privileged: true, runAsUser: 0 } }],
      securityProfile: SecurityProfile.restricted(),
    });
    // WHEN
    const message = synthError(chart);
    // THEN
    const guide = fs.readFileSync(path.join(__dirname, '..', 'docs', 'security-profile.md'), 'utf8');
    const shown = /```text\n(PlainPod 'web' has 2 problems:[\s\S]*?)\n```/.exec(guide)![1];
    expect(message).toContain(shown);
  });

  test('reports an appArmorProfile of type Unconfined at pod, container and init container level, and accepts RuntimeDefault, Localhost and an empty annotation', () => {
    for (const level of [SecurityProfile.baseline(), SecurityProfile.restricted()]) {
      const bad = newChart();
      new PlainPod(bad, 'p', {
        metadata: { name: 'p' },
        securityContext: { appArmorProfile: { type: 'Unconfined' } },
        initContainers: [{ name: 'init', image: 'busybox:1.36', securityContext: { appArmorProfile: { type: 'Unconfined' } } }],
        containers: [{ ...mainContainer, securityContext: { appArmorProfile: { type: 'Unconfined' } } }],
        securityProfile: level,
      });
      const message = synthError(bad);
      for (const at of ['spec.securityContext.appArmorProfile.type: "Unconfined"', 'spec.initContainers[0].securityContext.appArmorProfile.type: "Unconfined" (container "init")',
        'spec.containers[0].securityContext.appArmorProfile.type: "Unconfined" (container "main-container")']) {
        expect(message).toContain(`${at} breaks the Pod Security Standard "${level.level}" (securityProfile SecurityProfile.${level.level}()): disables or overrides AppArmor; use RuntimeDefault or Localhost, or remove it.`);
      }
      const good = newChart();
      new PlainPod(good, 'p', {
        metadata: { name: 'p' },
        securityContext: { appArmorProfile: { type: 'RuntimeDefault' } },
        containers: [{ ...mainContainer, securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-apparmor' } } }],
        securityProfile: level,
      });
      new PlainPod(good, 'q', { metadata: { name: 'q', annotations: { 'container.apparmor.security.beta.kubernetes.io/main-container': '' } }, containers: [mainContainer], securityProfile: level });
      // Testing.synth: the 1.28 schema the test's offline validators read has no appArmorProfile (Kubernetes 1.30).
      expect(Testing.synth(good).map((o) => o.spec.securityContext?.appArmorProfile)).toEqual([{ type: 'RuntimeDefault' }, undefined]);
    }
  });

  test('names the SELinux type container_engine_t as allowed from Kubernetes 1.31 only (review 14 B2)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, securityContext: { seLinuxOptions: { type: 'container_engine_t' } }, containers: [mainContainer], securityProfile: SecurityProfile.baseline() });
    expect(synthError(chart)).toContain('spec.securityContext.seLinuxOptions.type: "container_engine_t" breaks the Pod Security Standard "baseline" (securityProfile SecurityProfile.baseline()): '
      + 'is not an allowed SELinux type (allowed from Kubernetes 1.31 only; this profile keeps to what every cluster from 1.28 allows); use container_t, container_init_t or container_kvm_t, or remove it.');
  });

  test.each([
    ['net.ipv4.tcp_keepalive_time', '1.29', '1.28'],
    ['net.ipv4.tcp_rmem', '1.32', '1.31'], // review 22 B2: sysctlsAllowedV1Dot32
    ['net.ipv4.tcp_wmem', '1.32', '1.31'],
  ])('names %s, a sysctl that is safe from Kubernetes %s only, as such', (name, from, before) => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      securityContext: { sysctls: [{ name, value: '600' }] },
      containers: [mainContainer],
      securityProfile: SecurityProfile.baseline(),
    });
    expect(synthError(chart)).toContain(`spec.securityContext.sysctls[0].name: "${name}" breaks the Pod Security Standard "baseline" (securityProfile SecurityProfile.baseline()): `
      + `is a safe sysctl from Kubernetes ${from} only (a ${before} kubelet refuses it, and this profile keeps to what every cluster from 1.28 allows); `
      + 'remove it, or remove securityProfile and check the pod with your cluster\'s own Pod Security admission.');
  });

  test.each([
    ['privileged: true', { privileged: true }, 'spec.containers[0].securityContext.privileged: true (container "main-container") breaks'],
    ['capabilities.add CAP_SYS_ADMIN', { capabilities: { add: ['CAP_SYS_ADMIN'] } }, 'spec.containers[0].securityContext.capabilities.add: ["CAP_SYS_ADMIN"] (container "main-container") breaks'],
  ])('reports only the user\'s %s, without writing allowPrivilegeEscalation false beside it (which the API server refuses)', (_what, securityContext, expected) => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [{ ...mainContainer, securityContext }], securityProfile: SecurityProfile.restricted() });
    const message = synthError(chart);
    expect(message).toContain(expected);
    expect(message).not.toContain('allowPrivilegeEscalation');
    expect(message).toContain("PlainPod 'p': spec.containers[0].securityContext");
  });

  test('checks the final object, escape-hatch patches included', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [mainContainer], securityProfile: SecurityProfile.restricted() });
    pod.apiObject.addJsonPatch(JsonPatch.add('/spec/containers/0/securityContext/privileged', true));
    const message = synthError(chart);
    expect(message).toContain("PlainPod 'p' has 2 problems:");
    expect(message).toContain('spec.containers[0].securityContext.privileged: true (container "main-container") breaks');
    // the API server's own rule (ValidateSecurityContext): the profile set allowPrivilegeEscalation false
    expect(message).toContain('spec.containers[0].securityContext: allowPrivilegeEscalation false contradicts privileged true');
  });

  test('reports a Deployment\'s problems at their pod template paths', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels },
      workload: Workload.deployment(),
      hostNetwork: true,
      containers: [mainContainer],
      securityProfile: SecurityProfile.restricted(),
    });
    expect(synthError(chart)).toContain("PlainPod 'p': spec.template.spec.hostNetwork: true breaks");
  });

  test('reports a Windows pod, whose API rejects the Linux security fields, and writes none', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { os: { name: 'windows' }, containers: [mainContainer], securityProfile: SecurityProfile.restricted() });
    expect(synthError(chart)).toContain('spec.os.name: "windows" breaks');
    expect(pod.apiObject.toJson().spec.securityContext).toBeUndefined();
  });

  test.each([0, -1, 1.5, 2147483648])('rejects runAsUser %p at construction', (runAsUser) => {
    expect(() => SecurityProfile.restricted({ runAsUser })).toThrow(`SecurityProfile.restricted(): runAsUser ${runAsUser} must be a non-root user ID between 1 and 2147483647`);
  });

  test('rejects a negative runAsGroup or fsGroup at construction', () => {
    expect(() => SecurityProfile.restricted({ runAsGroup: -1, fsGroup: -2 })).toThrow(
      'SecurityProfile.restricted(): runAsGroup -1 must be a group ID between 0 and 2147483647; fsGroup -2 must be a group ID between 0 and 2147483647.');
  });
});

describe('SecurityProfile.baseline()', () => {
  test.each(SEED_PODS)('leaves the seed %s exactly as declared', (_name, build) => {
    expect(synthSeed(build, SecurityProfile.baseline())).toEqual(synthSeed(build));
  });

  test('reports what baseline forbids and accepts what only restricted forbids', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      volumes: [{ name: 'share', nfs: { server: 'nfs.local', path: '/export' } }],
      containers: [{
        ...mainContainer,
        volumeMounts: [{ name: 'share', mountPath: '/share' }],
        securityContext: { privileged: true, runAsUser: 0, capabilities: { add: ['CHOWN', 'NET_ADMIN'] } },
      }],
      securityProfile: SecurityProfile.baseline(),
    });
    const message = synthError(chart);
    expect(message).toContain("PlainPod 'p' has 2 problems:");
    expect(message).toContain('spec.containers[0].securityContext.privileged: true (container "main-container") breaks the Pod Security Standard "baseline" (securityProfile SecurityProfile.baseline()): privileged containers are forbidden; remove it or set false.');
    expect(message).toContain('spec.containers[0].securityContext.capabilities.add: ["NET_ADMIN"] (container "main-container") breaks');
    expect(message).toContain('add only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT.');
  });
});

describe('ResourcePreset', () => {
  test('is written only to containers (init and sidecars included) that declare no resources', () => {
    // GIVEN one container with its own resources
    const own = { requests: { cpu: '1' } };
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', {
      app: { ...logApp, resources: own },
      sidecarMode: SidecarMode.NATIVE,
      securityProfile: SecurityProfile.baseline({ resources: ResourcePreset.SMALL }),
    });
    // THEN
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.containers[0].resources).toEqual(own);
    expect(spec.initContainers[0].resources).toEqual({ requests: { cpu: '50m', memory: '32Mi' }, limits: { cpu: '100m', memory: '64Mi' } });
    expect(spec.initContainers[0].securityContext).toBeUndefined();
  });

  test('has SMALL, MEDIUM and LARGE presets whose requests do not exceed their limits', () => {
    expect(ResourcePreset.MEDIUM.requests).toEqual({ cpu: '250m', memory: '256Mi' });
    expect(ResourcePreset.LARGE.limits).toEqual({ cpu: '2', memory: '2Gi' });
    for (const preset of [ResourcePreset.SMALL, ResourcePreset.MEDIUM, ResourcePreset.LARGE]) {
      const chart = newChart();
      new PlainPod(chart, 'p', { containers: [mainContainer], securityProfile: SecurityProfile.restricted({ resources: preset }) });
      expect(() => synth(chart)).not.toThrow();
    }
  });

  test('accepts custom requests and limits as k8s.Quantity values', () => {
    const chart = newChart();
    const preset = ResourcePreset.custom({ requests: { cpu: k8s.Quantity.fromString('20m'), memory: k8s.Quantity.fromString('16Mi') }, limits: { memory: k8s.Quantity.fromString('16Mi') } });
    new PlainPod(chart, 'p', { containers: [mainContainer], securityProfile: SecurityProfile.restricted({ resources: preset }) });
    expect(only(synth(chart), 'Pod').spec.containers[0].resources).toEqual({ requests: { cpu: '20m', memory: '16Mi' }, limits: { memory: '16Mi' } });
  });

  test('is checked like declared resources: a request above its limit fails synthesis', () => {
    const chart = newChart();
    const preset = ResourcePreset.custom({ requests: { memory: k8s.Quantity.fromString('1Gi') }, limits: { memory: k8s.Quantity.fromString('1Mi') } });
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [mainContainer], securityProfile: SecurityProfile.baseline({ resources: preset }) });
    expect(synthError(chart)).toContain('spec.containers[0].resources.requests.memory: "1Gi" is more than the limit "1Mi"');
  });
});

describe('SecurityProfile and ResourcePreset options', () => {
  const loose = (o: unknown): any => o;

  test('rejects misspelt options and a preset given as a string at construction, instead of dropping them', () => {
    expect(() => SecurityProfile.restricted(loose({ runAsUsr: 1000 }))).toThrow('SecurityProfile.restricted(): runAsUsr: is not a field of RestrictedProfileOptions; did you mean runAsUser?');
    expect(() => SecurityProfile.restricted(loose({ fsgroup: 2000 }))).toThrow('fsgroup: is not a field of RestrictedProfileOptions; did you mean fsGroup?');
    expect(() => SecurityProfile.baseline(loose({ resource: ResourcePreset.SMALL }))).toThrow('SecurityProfile.baseline(): resource: is not a field of BaselineProfileOptions; did you mean resources?');
    expect(() => SecurityProfile.restricted(loose({ resources: 'SMALL' }))).toThrow(/^SecurityProfile\.restricted\(\): resources: "SMALL" is a string, not a ResourcePreset/);
  });

  test('rejects misspelt fields and claims in ResourcePreset.custom(), which would be dropped', () => {
    expect(() => ResourcePreset.custom(loose({ requests: { cpu: '100m' }, limitz: { cpu: '1' } })))
      .toThrow('ResourcePreset.custom(): limitz: is not a field of ResourceRequirements; did you mean limits?');
    expect(() => ResourcePreset.custom(loose({ requests: { cpu: '100m' }, claims: [{ name: 'gpu' }] })))
      .toThrow('ResourcePreset.custom(): claims: cannot be part of a preset, which applies to every container without resources; set resources.claims on the container that uses the claim.');
  });
});

describe('runAsUser and runAsGroup of restricted() against a container\'s own (review 22 B6)', () => {
  test('a sidecar that sets its own user and group is named, with the values', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [mainContainer],
      sidecars: [Sidecar.oauth2Proxy({ appPort: 8080, provider: OAuth2ProxyProvider.GITHUB, clientId: 'id', clientSecret: { name: 'oauth', key: 'secret' }, cookieSecret: { name: 'oauth', key: 'cookie' }, emailDomains: ['*'] })],
      securityProfile: SecurityProfile.restricted({ runAsUser: 1000, runAsGroup: 1000 }),
    });
    const message = synthError(chart);
    for (const field of ['runAsUser', 'runAsGroup']) {
      expect(message).toContain(`spec.containers[1].securityContext.${field}: 2000 (container "oauth2-proxy") is not the ${field} 1000 of securityProfile SecurityProfile.restricted({ ${field}: 1000 }): `
        + `a container's own value replaces the pod's, so its processes would run with 2000; make them agree, or leave ${field} out of the profile (a catalogue sidecar such as Sidecar.oauth2Proxy sets the one its image needs).`);
    }
  });

  test('a container that sets the same values, or none, passes', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [{ ...mainContainer, securityContext: { runAsUser: 1000, runAsGroup: 1000 } }, { name: 'other', image: 'busybox:1.36' }],
      securityProfile: SecurityProfile.restricted({ runAsUser: 1000, runAsGroup: 1000 }),
    });
    expect(only(synth(chart), 'Pod').spec.securityContext).toMatchObject({ runAsUser: 1000, runAsGroup: 1000 });
  });
});
