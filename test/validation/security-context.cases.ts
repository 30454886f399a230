import { pod, podWithContainer, RuleCase } from './cases';

const sc = (securityContext: any, spec: any = {}): any => podWithContainer({ securityContext }, spec);
const S = 'spec.containers[0].securityContext';
const PS = 'spec.securityContext';
const windows = { os: { name: 'windows' } };

/** ValidateSecurityContext (containers) and what it shares with the pod: seccomp, AppArmor, Windows options. */
export const SECURITY_CONTEXT_CASES: RuleCase[] = [
  {
    go: 'ValidateSecurityContext',
    name: "accepts user and group IDs 0 to 2147483647, privileged, capabilities, SELinux options, procMount 'Default'",
    manifest: sc({ runAsUser: 0, runAsGroup: 2147483647, runAsNonRoot: false, privileged: true, capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] }, seLinuxOptions: { type: 'spc_t', level: 's0:c1' }, procMount: 'Default', readOnlyRootFilesystem: true }),
    problems: [],
  },
  {
    go: 'ValidateSecurityContext',
    name: 'rejects a negative runAsUser and a runAsGroup above 2147483647',
    manifest: sc({ runAsUser: -1, runAsGroup: 2147483648 }),
    problems: [
      `${S}.runAsUser: -1 must be between 0 and 2147483647, inclusive; use a Linux user ID in that range.`,
      `${S}.runAsGroup: 2147483648 must be between 0 and 2147483647, inclusive; use a Linux group ID in that range.`,
    ],
  },
  {
    go: 'ValidateSecurityContext',
    name: 'rejects allowPrivilegeEscalation false with privileged true, and with CAP_SYS_ADMIN added',
    manifest: pod({ containers: [{ name: 'a', image: 'busybox:1.36', securityContext: { allowPrivilegeEscalation: false, privileged: true } }, { name: 'b', image: 'busybox:1.36', securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } } }] }),
    problems: [
      'spec.containers[0].securityContext: allowPrivilegeEscalation false contradicts privileged true (a privileged container can always gain privileges); remove one of them.',
      'spec.containers[1].securityContext: allowPrivilegeEscalation false contradicts capabilities.add "CAP_SYS_ADMIN"; remove one of them.',
    ],
  },
  {
    go: 'ValidateSecurityContext',
    name: "accepts allowPrivilegeEscalation false with 'SYS_ADMIN' (the server checks only the 'CAP_SYS_ADMIN' spelling)",
    manifest: sc({ allowPrivilegeEscalation: false, capabilities: { add: ['SYS_ADMIN'] } }),
    problems: [],
  },
  // ---- seccomp -----------------------------------------------------------------------------------
  {
    go: 'validateSeccompProfileField',
    name: 'accepts RuntimeDefault, Unconfined and a Localhost profile under the kubelet directory',
    manifest: pod({ containers: ['RuntimeDefault', 'Unconfined'].map((type, i) => ({ name: `c${i}`, image: 'busybox:1.36', securityContext: { seccompProfile: { type } } })).concat([{ name: 'l', image: 'busybox:1.36', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } } } as any]) }),
    problems: [],
  },
  {
    go: 'validateSeccompProfileType',
    name: 'rejects a seccompProfile without a type and one with an unknown type',
    manifest: pod({ containers: [{ name: 'a', image: 'busybox:1.36', securityContext: { seccompProfile: {} } }, { name: 'b', image: 'busybox:1.36', securityContext: { seccompProfile: { type: 'runtime/default' } } }] }),
    problems: [
      'spec.containers[0].securityContext.seccompProfile.type: is required when seccompProfile is set; use one of Localhost, RuntimeDefault, Unconfined.',
      'spec.containers[1].securityContext.seccompProfile.type: "runtime/default" is not supported; use one of Localhost, RuntimeDefault, Unconfined.',
    ],
  },
  {
    go: 'validateSeccompProfileField',
    name: "rejects Localhost without a profile, an absolute or '..' profile, and a profile with another type",
    manifest: pod({
      containers: [
        { name: 'a', image: 'busybox:1.36', securityContext: { seccompProfile: { type: 'Localhost' } } },
        { name: 'b', image: 'busybox:1.36', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: '/etc/seccomp.json' } } },
        { name: 'd', image: 'busybox:1.36', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'a/../../b.json' } } },
        { name: 'e', image: 'busybox:1.36', securityContext: { seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'x.json' } } },
      ],
    }),
    problems: [
      "spec.containers[0].securityContext.seccompProfile.localhostProfile: must be set when seccomp type is Localhost; give the profile's path relative to the kubelet's seccomp directory (e.g. 'profiles/audit.json').",
      'spec.containers[1].securityContext.seccompProfile.localhostProfile: "/etc/seccomp.json" must be a relative path: it is a path under the kubelet\'s seccomp directory.',
      'spec.containers[2].securityContext.seccompProfile.localhostProfile: "a/../../b.json" must not contain \'..\': it is a path under the kubelet\'s seccomp directory.',
      'spec.containers[3].securityContext.seccompProfile.localhostProfile: can only be set when seccomp type is Localhost; remove it, or set type: Localhost.',
    ],
  },
  // ---- AppArmor ------------------------------------------------------------------------------------
  {
    go: 'ValidateAppArmorProfileField',
    name: 'accepts AppArmor RuntimeDefault, Unconfined and a Localhost profile (1.30+ fields)',
    manifest: pod({
      securityContext: { appArmorProfile: { type: 'RuntimeDefault' } },
      containers: [
        { name: 'a', image: 'busybox:1.36', securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-deny-write' } } },
        { name: 'b', image: 'busybox:1.36', securityContext: { appArmorProfile: { type: 'Unconfined' } } },
      ],
    }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateAppArmorProfileField',
    name: 'rejects AppArmor profiles without a type, of an unknown type, Localhost without or with a padded profile, a profile with another type',
    manifest: pod({
      containers: [
        { name: 'a', image: 'busybox:1.36', securityContext: { appArmorProfile: {} } },
        { name: 'b', image: 'busybox:1.36', securityContext: { appArmorProfile: { type: 'localhost' } } },
        { name: 'd', image: 'busybox:1.36', securityContext: { appArmorProfile: { type: 'Localhost' } } },
        { name: 'e', image: 'busybox:1.36', securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: ' p ' } } },
        { name: 'g', image: 'busybox:1.36', securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'p\ufeff' } } },
        { name: 'f', image: 'busybox:1.36', securityContext: { appArmorProfile: { type: 'Unconfined', localhostProfile: 'p' } } },
      ],
    }),
    problems: [
      'spec.containers[0].securityContext.appArmorProfile.type: is required when appArmorProfile is set; use one of Localhost, RuntimeDefault, Unconfined.',
      'spec.containers[1].securityContext.appArmorProfile.type: "localhost" is not supported; use one of Localhost, RuntimeDefault, Unconfined.',
      "spec.containers[2].securityContext.appArmorProfile.localhostProfile: must be set when AppArmor type is Localhost; name a profile loaded on the node (e.g. 'k8s-apparmor-example-deny-write').",
      'spec.containers[3].securityContext.appArmorProfile.localhostProfile: " p " must not be padded with whitespace; remove it.',
      'spec.containers[5].securityContext.appArmorProfile.localhostProfile: can only be set when AppArmor type is Localhost; remove it, or set type: Localhost.',
    ],
    offline128: false,
  },
  // ---- Windows -----------------------------------------------------------------------------------
  {
    go: 'validateWindowsSecurityContextOptions',
    name: "accepts gMSA options and user names 'ContainerUser', 'NT AUTHORITY\\\\SYSTEM', 'corp.example.com\\\\svc'",
    manifest: pod({
      ...windows,
      containers: ['ContainerUser', 'NT AUTHORITY\\SYSTEM', 'corp.example.com\\svc'].map((runAsUserName, i) => ({
        name: `c${i}`, image: 'mcr.microsoft.com/windows/nanoserver:ltsc2022', securityContext: { windowsOptions: { runAsUserName, gmsaCredentialSpecName: 'gmsa-webapp', gmsaCredentialSpec: '{}' } },
      })),
    }),
    problems: [],
  },
  {
    go: 'validateWindowsSecurityContextOptions',
    name: 'rejects an invalid gMSA spec name, an empty spec and invalid user names',
    manifest: pod({
      ...windows,
      containers: [
        { name: 'a', image: 'nanoserver', securityContext: { windowsOptions: { gmsaCredentialSpecName: 'GMSA', gmsaCredentialSpec: '' } } },
        { name: 'b', image: 'nanoserver', securityContext: { windowsOptions: { runAsUserName: '' } } },
        { name: 'd', image: 'nanoserver', securityContext: { windowsOptions: { runAsUserName: 'a\\b\\c' } } },
        { name: 'e', image: 'nanoserver', securityContext: { windowsOptions: { runAsUserName: '.corp\\user@x' } } },
        { name: 'f', image: 'nanoserver', securityContext: { windowsOptions: { runAsUserName: '...' } } },
      ],
    }),
    problems: [
      "spec.containers[0].securityContext.windowsOptions.gmsaCredentialSpecName: \"GMSA\" is not a valid GMSACredentialSpec name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com').",
      'spec.containers[0].securityContext.windowsOptions.gmsaCredentialSpec: cannot be an empty string; remove it or give the credential spec JSON.',
      "spec.containers[1].securityContext.windowsOptions.runAsUserName: cannot be an empty string; remove it or name a user (e.g. 'ContainerUser' or 'DOMAIN\\\\user').",
      "spec.containers[2].securityContext.windowsOptions.runAsUserName: \"a\\\\b\\\\c\" cannot contain more than one backslash; write 'DOMAIN\\\\USER' or 'USER'.",
      'spec.containers[3].securityContext.windowsOptions.runAsUserName: ".corp\\\\user@x" has a domain ".corp" that is neither a NetBios name nor a DNS name.',
      'spec.containers[3].securityContext.windowsOptions.runAsUserName: ".corp\\\\user@x" has a user with a character Windows does not allow in user names (one of "/\\:;|=,+*?<>@[]); remove it.',
      'spec.containers[4].securityContext.windowsOptions.runAsUserName: "..." has a user made only of periods or spaces; name a real user.',
    ],
  },
  {
    go: 'validateWindowsHostProcessPod',
    name: 'accepts a hostProcess pod with hostNetwork whose containers all inherit hostProcess',
    manifest: pod({ ...windows, hostNetwork: true, securityContext: { windowsOptions: { hostProcess: true, runAsUserName: 'NT AUTHORITY\\SYSTEM' } } }),
    problems: [],
  },
];

/**
 * The pod-level rules (validatePodSecurityContext and the annotation checks), for the pod spec's
 * validation to call: spec.securityContext, sysctls, and seccomp / AppArmor annotations.
 */
export const POD_SECURITY_CONTEXT_CASES: RuleCase[] = [
  {
    go: 'validatePodSpecSecurityContext',
    name: 'accepts the usual pod security context: IDs, fsGroupChangePolicy, safe sysctls, RuntimeDefault seccomp',
    manifest: pod({ securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [0, 4000], fsGroupChangePolicy: 'OnRootMismatch', runAsNonRoot: true, sysctls: [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65535' }, { name: 'kernel/shm_rmid_forced', value: '1' }], seccompProfile: { type: 'RuntimeDefault' } } }),
    problems: [],
  },
  {
    go: 'validatePodSpecSecurityContext',
    name: 'rejects IDs out of range, an unknown fsGroupChangePolicy, shareProcessNamespace with hostPID',
    manifest: pod({ hostPID: true, shareProcessNamespace: true, securityContext: { runAsUser: -5, fsGroup: 2147483648, supplementalGroups: [1, -1], fsGroupChangePolicy: 'Never' } }),
    problems: [
      `${PS}.fsGroup: 2147483648 must be between 0 and 2147483647, inclusive; use a Linux group ID in that range.`,
      `${PS}.runAsUser: -5 must be between 0 and 2147483647, inclusive; use a Linux user ID in that range.`,
      `${PS}.supplementalGroups[1]: -1 must be between 0 and 2147483647, inclusive; use a Linux group ID in that range.`,
      "spec.shareProcessNamespace: true cannot be combined with hostPID: true (the pod would share the node's process namespace, not its own); remove one of them.",
      `${PS}.fsGroupChangePolicy: "Never" is not supported; use one of Always, OnRootMismatch.`,
    ],
  },
  {
    go: 'validateSysctls',
    name: 'rejects sysctls without a name, with an invalid or repeated name, and namespaced ones shared with the host',
    manifest: pod({
      hostNetwork: true,
      hostIPC: true,
      securityContext: { sysctls: [{ value: '1' }, { name: 'Net.IPv4', value: '1' }, { name: 'net.core.somaxconn', value: '1' }, { name: 'net.core.somaxconn', value: '2' }, { name: 'kernel.shmmax', value: '1' }] },
    }),
    problems: [
      `${PS}.sysctls[0].name: is required; name the sysctl (e.g. 'net.ipv4.ip_local_port_range').`,
      `${PS}.sysctls[1].name: "Net.IPv4" is not a valid sysctl name: it must have at most 253 characters and be lowercase segments of letters, digits, '-' and '_' (starting and ending with a letter or digit) separated by '.' or '/' (e.g. 'net.ipv4.ip_local_port_range').`,
      `${PS}.sysctls[2].name: "net.core.somaxconn" may not be specified when hostNetwork is true: the pod shares the node's network namespace, so the sysctl would change the node; remove it or hostNetwork.`,
      `${PS}.sysctls[3].name: "net.core.somaxconn" is already set by ${PS}.sysctls[2]; set each sysctl once.`,
      `${PS}.sysctls[3].name: "net.core.somaxconn" may not be specified when hostNetwork is true: the pod shares the node's network namespace, so the sysctl would change the node; remove it or hostNetwork.`,
      `${PS}.sysctls[4].name: "kernel.shmmax" may not be specified when hostIPC is true: the pod shares the node's IPC namespace, so the sysctl would change the node; remove it or hostIPC.`,
    ],
  },
  {
    go: 'ValidateSeccompPodAnnotations',
    name: 'rejects seccomp annotations with an unknown profile or a localhost path with ..',
    manifest: pod({}, { name: 'p', annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'default', 'container.seccomp.security.alpha.kubernetes.io/c': 'localhost/../x' } }),
    problems: ["metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: \"default\" is not a valid seccomp profile: use 'runtime/default', 'unconfined' or 'localhost/<path>' (better: securityContext.seccompProfile; the annotation is deprecated).", "metadata.annotations[container.seccomp.security.alpha.kubernetes.io/c]: \"localhost/../x\" has a localhost profile path that must not contain '..'."],
  },
  {
    go: 'applyAppArmorVersionSkew',
    name: 'reads a container without a name as named "" for the annotation the API server writes from its AppArmor profile, not "undefined" (review 65 C2)',
    manifest: pod({ containers: [{ image: 'busybox:1.36', securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } }] }),
    problems: [
      'metadata.annotations: annotation key "container.apparmor.security.beta.kubernetes.io/" is invalid: it has an empty name part after \'/\'.',
      "spec.containers[0].name: every container needs a name; set name (e.g. 'my-container').",
    ],
  },
  {
    go: 'ValidateAppArmorPodAnnotations',
    name: 'rejects an AppArmor annotation for a container the pod does not have, and an invalid profile',
    manifest: pod({}, { name: 'p', annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default', 'container.apparmor.security.beta.kubernetes.io/c': 'docker-default' } }),
    problems: ['metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: names container "app", which this pod does not have; fix the container name or remove the annotation.', "metadata.annotations[container.apparmor.security.beta.kubernetes.io/c]: \"docker-default\" is not a valid AppArmor profile: use 'runtime/default', 'unconfined' or 'localhost/<profile>' (better: securityContext.appArmorProfile; the annotation is deprecated)."],
  },
  {
    go: 'validateSeccompAnnotationsAndFields',
    name: 'rejects a seccomp annotation that disagrees with the seccompProfile field; accepts one that agrees',
    manifest: pod(
      { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'c', image: 'busybox:1.36', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'a.json' } } }] },
      { name: 'p', annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'docker/default', 'container.seccomp.security.alpha.kubernetes.io/c': 'localhost/b.json' } },
    ),
    problems: ['spec.containers[0].securityContext.seccompProfile.localhostProfile: "a.json" does not match the annotation container.seccomp.security.alpha.kubernetes.io/c ("localhost/b.json"); remove the deprecated annotation container.seccomp.security.alpha.kubernetes.io/c or make it agree.'],
  },
  {
    go: 'GetNamespace',
    name: 'accepts kernel.shm_next_id and kernel.msg_next_id with hostIPC (the IPC sysctls are exact names, not prefixes)',
    manifest: pod({ hostIPC: true, securityContext: { sysctls: [{ name: 'kernel.shm_next_id', value: '1' }, { name: 'kernel.msg_next_id', value: '1' }] } }),
    problems: [],
  },
  {
    go: 'validateSeccompProfileField',
    name: "accepts a localhostProfile with backslashes around '..' (a backslash is an ordinary character on the Linux API server)",
    manifest: sc({ seccompProfile: { type: 'Localhost', localhostProfile: 'profiles\\..\\audit.json' } }),
    problems: [],
    offline128: false,
  },
];
