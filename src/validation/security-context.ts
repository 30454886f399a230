/**
 * Security contexts of containers and pods. Go (`pkg/apis/core/validation/validation.go`):
 * `ValidateSecurityContext`, `validatePodSpecSecurityContext`, `validateSeccompProfileField`,
 * `ValidateAppArmorProfileField`, `validateWindowsSecurityContextOptions`,
 * `validateWindowsHostProcessPod`, `validateSysctls`, `ValidateHostSysctl`,
 * `validateFSGroupChangePolicy`, the security parts of `validateLinux` / `validateWindows`,
 * `ValidateSeccompPodAnnotations`, `ValidateAppArmorPodAnnotations`,
 * `validateSeccompAnnotationsAndFields`, `validateAppArmorAnnotationsAndFieldsMatchOnCreate`;
 * and the fields `dropDisabledFields` (`pkg/api/pod/util.go`) removes on create at the 1.32
 * feature-gate defaults (ProcMountType, SupplementalGroupsPolicy, SELinuxChangePolicy).
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { dns1123Subdomain } from './names';

/** Go: `math.MaxInt32`, the largest user and group ID (`IsValidUserID`, `IsValidGroupID`). */
const MAX_ID = 2147483647;

// Go: IsValidUserID (validation.go, apimachinery)
// Go: IsValidGroupID (validation.go, apimachinery): 0 to 2147483647.
function validateId(value: unknown, what: 'user' | 'group', path: string, problems: Problems): void {
  if (value == null) {
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_ID) {
    problems.add(path, `${show(value)} must be between 0 and ${MAX_ID}, inclusive; use a Linux ${what} ID in that range.`);
  }
}

// Go: validateLocalDescendingPath (validation.go): relative, without a '..' element.
function localDescendingPath(p: string): string | undefined {
  if (p.startsWith('/')) {
    return 'must be a relative path';
  }
  if (p.replace(/\\/g, '/').split('/').includes('..')) {
    return "must not contain '..'";
  }
  return undefined;
}

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

// Go: validateSeccompProfileField (validation.go)
// Go: validateSeccompProfileType (validation.go)
export function validateSeccompProfileField(sp: any, path: string, problems: Problems): void {
  if (sp == null) {
    return;
  }
  const type = sp.type ?? '';
  if (type === '') {
    problems.add(`${path}.type`, `is required when seccompProfile is set; use one of ${SECCOMP_TYPES.join(', ')}.`);
  } else if (!SECCOMP_TYPES.includes(type)) {
    problems.add(`${path}.type`, `${show(type)} is not supported; use one of ${SECCOMP_TYPES.join(', ')}.`);
  }
  if (type === 'Localhost') {
    if (sp.localhostProfile == null) {
      problems.add(`${path}.localhostProfile`, "must be set when seccomp type is Localhost; give the profile's path relative to the kubelet's seccomp directory (e.g. 'profiles/audit.json').");
    } else if (typeof sp.localhostProfile === 'string') {
      const r = localDescendingPath(sp.localhostProfile);
      if (r) {
        problems.add(`${path}.localhostProfile`, `${show(sp.localhostProfile)} ${r}: it is a path under the kubelet's seccomp directory.`);
      }
    }
  } else if (sp.localhostProfile != null) {
    problems.add(`${path}.localhostProfile`, 'can only be set when seccomp type is Localhost; remove it, or set type: Localhost.');
  }
}

const APPARMOR_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

// Go: ValidateAppArmorProfileField (validation.go).
export function validateAppArmorProfileField(profile: any, path: string, problems: Problems): void {
  if (profile == null) {
    return;
  }
  const type = profile.type ?? '';
  if (type === 'Localhost') {
    const p = profile.localhostProfile;
    if (p == null) {
      problems.add(`${path}.localhostProfile`, "must be set when AppArmor type is Localhost; name a profile loaded on the node (e.g. 'k8s-apparmor-example-deny-write').");
    } else if (typeof p === 'string') {
      const trimmed = p.trim();
      if (trimmed !== p) {
        problems.add(`${path}.localhostProfile`, `${show(p)} must not be padded with whitespace; remove it.`);
      } else if (trimmed === '') {
        problems.add(`${path}.localhostProfile`, "must be set when AppArmor type is Localhost; name a profile loaded on the node (e.g. 'k8s-apparmor-example-deny-write').");
      }
      if (Buffer.byteLength(p, 'utf8') > 4095) {
        problems.add(`${path}.localhostProfile`, `is ${Buffer.byteLength(p, 'utf8')} bytes long; the limit is 4095 (PATH_MAX - 1).`);
      }
    }
  } else if (type === 'RuntimeDefault' || type === 'Unconfined') {
    if (profile.localhostProfile != null) {
      problems.add(`${path}.localhostProfile`, 'can only be set when AppArmor type is Localhost; remove it, or set type: Localhost.');
    }
  } else if (type === '') {
    problems.add(`${path}.type`, `is required when appArmorProfile is set; use one of ${APPARMOR_TYPES.join(', ')}.`);
  } else {
    problems.add(`${path}.type`, `${show(type)} is not supported; use one of ${APPARMOR_TYPES.join(', ')}.`);
  }
}

// Windows user names (validation.go): NetBios or DNS domains, and the characters a user may have.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;
const NETBIOS = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/u;
const DNS_LABEL = '[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const WINDOWS_DOMAIN_DNS = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const INVALID_USER_CHARS = /["/\\:;|=,+*?<>@[\]]/;
const ONLY_DOTS_SPACES = /^[. ]+$/;
const GMSA_MAX_BYTES = 64 * 1024;

// Go: validateWindowsSecurityContextOptions (validation.go): gMSA credential spec name and content,
// runAsUserName ('DOMAIN\USER').
export function validateWindowsSecurityContextOptions(opts: any, path: string, problems: Problems): void {
  if (opts == null) {
    return;
  }
  if (typeof opts.gmsaCredentialSpecName === 'string') {
    const r = dns1123Subdomain(opts.gmsaCredentialSpecName);
    if (r) {
      problems.add(`${path}.gmsaCredentialSpecName`, `${show(opts.gmsaCredentialSpecName)} is not a valid GMSACredentialSpec name: it ${r}.`);
    }
  }
  if (typeof opts.gmsaCredentialSpec === 'string') {
    const bytes = Buffer.byteLength(opts.gmsaCredentialSpec, 'utf8');
    if (bytes === 0) {
      problems.add(`${path}.gmsaCredentialSpec`, 'cannot be an empty string; remove it or give the credential spec JSON.');
    } else if (bytes > GMSA_MAX_BYTES) {
      problems.add(`${path}.gmsaCredentialSpec`, `is ${bytes} bytes; it must be under 64 KiB.`);
    }
  }
  if (typeof opts.runAsUserName === 'string') {
    const name: string = opts.runAsUserName;
    const p = `${path}.runAsUserName`;
    const parts = name.split('\\');
    if (name.length === 0) {
      problems.add(p, 'cannot be an empty string; remove it or name a user (e.g. \'ContainerUser\' or \'DOMAIN\\\\user\').');
    } else if (CONTROL.test(name)) {
      problems.add(p, `${show(name)} cannot contain control characters; remove them.`);
    } else if (parts.length > 2) {
      problems.add(p, `${show(name)} cannot contain more than one backslash; write 'DOMAIN\\\\USER' or 'USER'.`);
    } else {
      const [domain, user] = parts.length === 1 ? ['', parts[0]] : parts;
      if (Buffer.byteLength(domain, 'utf8') >= 256) {
        problems.add(p, `${show(name)} has a domain of ${Buffer.byteLength(domain, 'utf8')} characters; it must be under 256.`);
      }
      if (parts.length === 2 && !(NETBIOS.test(domain) || WINDOWS_DOMAIN_DNS.test(domain))) {
        problems.add(p, `${show(name)} has a domain ${show(domain)} that is neither a NetBios name nor a DNS name.`);
      }
      const userBytes = Buffer.byteLength(user, 'utf8');
      if (userBytes === 0) {
        problems.add(p, `${show(name)} has an empty user after the domain; name the user.`);
      } else if (userBytes > 104) {
        problems.add(p, `${show(name)} has a user of ${userBytes} characters; it must not be longer than 104.`);
      }
      if (ONLY_DOTS_SPACES.test(user)) {
        problems.add(p, `${show(name)} has a user made only of periods or spaces; name a real user.`);
      }
      if (INVALID_USER_CHARS.test(user)) {
        problems.add(p, `${show(name)} has a user with a character Windows does not allow in user names (one of "/\\:;|=,+*?<>@[]); remove it.`);
      }
    }
  }
}

// Go: dropDisabledProcMountField (util.go)
// Go: ValidateSecurityContext (validation.go), a container's securityContext. `privileged` is
// accepted: rejecting it depends on the API server's --allow-privileged flag (see
// OMITTED_CONTAINER). procMount: PrepareForCreate (dropDisabledProcMountField) replaces any value
// with Default while ProcMountType is off (1.32), so only Default keeps its meaning; the check of
// Unmasked against hostUsers never sees another value.
export function validateSecurityContext(sc: any, path: string, problems: Problems): void {
  if (sc == null || typeof sc !== 'object') {
    return;
  }
  validateId(sc.runAsUser, 'user', `${path}.runAsUser`, problems);
  validateId(sc.runAsGroup, 'group', `${path}.runAsGroup`, problems);
  if (sc.procMount != null && sc.procMount !== 'Default') {
    problems.add(`${path}.procMount`, `${show(sc.procMount)} is replaced by "Default" on create: ProcMountType is beta but off by default in Kubernetes 1.32, so the setting would silently vanish; remove it.`);
  }
  validateSeccompProfileField(sc.seccompProfile, `${path}.seccompProfile`, problems);
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) {
      problems.add(path, 'allowPrivilegeEscalation false contradicts privileged true (a privileged container can always gain privileges); remove one of them.');
    }
    const added = Array.isArray(sc.capabilities?.add) ? sc.capabilities.add : [];
    if (added.includes('CAP_SYS_ADMIN')) {
      problems.add(path, 'allowPrivilegeEscalation false contradicts capabilities.add "CAP_SYS_ADMIN"; remove one of them.');
    }
  }
  validateWindowsSecurityContextOptions(sc.windowsOptions, `${path}.windowsOptions`, problems);
  validateAppArmorProfileField(sc.appArmorProfile, `${path}.appArmorProfile`, problems);
}

// Sysctl names (validation.go: SysctlSegmentFmt, SysctlContainSlashFmt, SysctlMaxLength).
const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_NAME = new RegExp(`^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`);

// Go: IsValidSysctlName (validation.go).
function isValidSysctlName(name: string): boolean {
  return name.length <= 253 && SYSCTL_NAME.test(name);
}

// Go: GetNamespace (sysctl.go, component-helpers), with NormalizeName: which kernel
// namespace a sysctl belongs to ('/' separated names are read with '.' and '/' swapped).
function sysctlNamespace(name: string): 'net' | 'ipc' | undefined {
  const first = name.search(/[./]/);
  if (first === -1) {
    return undefined;
  }
  const normalized = name[first] === '/' ? name.replace(/[./]/g, (c) => (c === '.' ? '/' : '.')) : name;
  if (normalized === 'kernel.sem' || ['kernel.shm', 'kernel.msg', 'fs.mqueue.'].some((p) => normalized.startsWith(p))) {
    return 'ipc';
  }
  return normalized.startsWith('net.') ? 'net' : undefined;
}

// Go: validateSysctls (validation.go) with ValidateHostSysctl: names required, valid and unique;
// no network sysctl with hostNetwork, no IPC sysctl with hostIPC.
function validateSysctls(sysctls: unknown[], spec: any, path: string, problems: Problems): void {
  const seen = new Map<string, number>();
  sysctls.forEach((s: any, i: number) => {
    const npath = `${path}[${i}].name`;
    const name = s?.name;
    if (typeof name !== 'string' || name.length === 0) {
      problems.add(npath, "is required; name the sysctl (e.g. 'net.ipv4.ip_local_port_range').");
    } else if (!isValidSysctlName(name)) {
      problems.add(npath, `${show(name)} is not a valid sysctl name: it must have at most 253 characters and be lowercase segments of letters, digits, '-' and '_' (starting and ending with a letter or digit) separated by '.' or '/' (e.g. 'net.ipv4.ip_local_port_range').`);
    } else if (seen.has(name)) {
      problems.add(npath, `${show(name)} is already set by ${path}[${seen.get(name)}]; set each sysctl once.`);
    }
    if (typeof name === 'string') {
      const ns = sysctlNamespace(name);
      if (ns === 'net' && spec.hostNetwork === true) {
        problems.add(npath, `${show(name)} may not be specified when hostNetwork is true: the pod shares the node's network namespace, so the sysctl would change the node; remove it or hostNetwork.`);
      } else if (ns === 'ipc' && spec.hostIPC === true) {
        problems.add(npath, `${show(name)} may not be specified when hostIPC is true: the pod shares the node's IPC namespace, so the sysctl would change the node; remove it or hostIPC.`);
      }
      if (!seen.has(name)) {
        seen.set(name, i);
      }
    }
  });
}

const FS_GROUP_CHANGE_POLICIES = ['Always', 'OnRootMismatch'];

/**
 * Checks a pod's security context the way the API server does on create: the pod-level
 * `securityContext` and the pod fields that share its rules (`shareProcessNamespace` with
 * `hostPID`, sysctls with `hostNetwork`/`hostIPC`), and the pod-level part of the OS rules
 * (`spec.os.name` linux or windows). Call it from the pod spec validation with the spec's path.
 *
 * Go: validatePodSpecSecurityContext (validation.go), the pod-level checks of validateLinux and
 * validateWindows, and the securityContext fields dropDisabledFields removes on create at the
 * 1.32 defaults (supplementalGroupsPolicy, seLinuxChangePolicy: their gates are alpha, off).
 */
// Go: validatePodSpecSecurityContext (validation.go)
// Go: dropDisabledFields (util.go): supplementalGroupsPolicy, seLinuxChangePolicy.
// Go: validateLinux (validation.go), the pod part
// Go: validateWindows (validation.go), the pod part
export function validatePodSecurityContext(spec: any, path: string, problems: Problems): void {
  if (spec == null || typeof spec !== 'object') {
    return;
  }
  const scPath = `${path}.securityContext`;
  const sc = spec.securityContext !== null && typeof spec.securityContext === 'object' ? spec.securityContext : {};
  validateId(sc.fsGroup, 'group', `${scPath}.fsGroup`, problems);
  validateId(sc.runAsUser, 'user', `${scPath}.runAsUser`, problems);
  validateId(sc.runAsGroup, 'group', `${scPath}.runAsGroup`, problems);
  (Array.isArray(sc.supplementalGroups) ? sc.supplementalGroups : []).forEach((gid: unknown, i: number) => {
    validateId(gid, 'group', `${scPath}.supplementalGroups[${i}]`, problems);
  });
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    problems.add(`${path}.shareProcessNamespace`, 'true cannot be combined with hostPID: true (the pod would share the node\'s process namespace, not its own); remove one of them.');
  }
  if (Array.isArray(sc.sysctls) && sc.sysctls.length > 0) {
    validateSysctls(sc.sysctls, spec, `${scPath}.sysctls`, problems);
  }
  if (sc.fsGroupChangePolicy != null && !FS_GROUP_CHANGE_POLICIES.includes(sc.fsGroupChangePolicy)) {
    problems.add(`${scPath}.fsGroupChangePolicy`, `${show(sc.fsGroupChangePolicy)} is not supported; use one of ${FS_GROUP_CHANGE_POLICIES.join(', ')}.`);
  }
  validateSeccompProfileField(sc.seccompProfile, `${scPath}.seccompProfile`, problems);
  validateWindowsSecurityContextOptions(sc.windowsOptions, `${scPath}.windowsOptions`, problems);
  validateAppArmorProfileField(sc.appArmorProfile, `${scPath}.appArmorProfile`, problems);
  // PrepareForCreate (dropDisabledFields): both gates are alpha and off in 1.32.
  if (sc.supplementalGroupsPolicy != null) {
    problems.add(`${scPath}.supplementalGroupsPolicy`, `${show(sc.supplementalGroupsPolicy)} is dropped by the API server on create: SupplementalGroupsPolicy is an alpha feature gate, off by default in Kubernetes 1.32, so the setting would silently vanish; remove it.`);
  }
  if (sc.seLinuxChangePolicy != null) {
    problems.add(`${scPath}.seLinuxChangePolicy`, `${show(sc.seLinuxChangePolicy)} is dropped by the API server on create: SELinuxChangePolicy is an alpha feature gate, off by default in Kubernetes 1.32, so the setting would silently vanish; remove it.`);
  }
  const os = spec.os?.name;
  if (os === 'linux' && sc.windowsOptions != null) {
    problems.add(`${scPath}.windowsOptions`, 'windows options cannot be set for a linux pod (spec.os.name is linux); remove them.');
  }
  if (os === 'windows') {
    // Go: validateWindows, the pod-level fields (hostUsers is dropped on create in 1.32).
    const forbidden: Array<[string, boolean]> = [
      [`${scPath}.appArmorProfile`, sc.appArmorProfile != null],
      [`${scPath}.seLinuxOptions`, sc.seLinuxOptions != null],
      [`${path}.hostPID`, spec.hostPID === true],
      [`${path}.hostIPC`, spec.hostIPC === true],
      [`${scPath}.seccompProfile`, sc.seccompProfile != null],
      [`${scPath}.fsGroup`, sc.fsGroup != null],
      [`${scPath}.fsGroupChangePolicy`, sc.fsGroupChangePolicy != null],
      [`${scPath}.sysctls`, Array.isArray(sc.sysctls) && sc.sysctls.length > 0],
      [`${path}.shareProcessNamespace`, spec.shareProcessNamespace != null],
      [`${scPath}.runAsUser`, sc.runAsUser != null],
      [`${scPath}.runAsGroup`, sc.runAsGroup != null],
      [`${scPath}.supplementalGroups`, sc.supplementalGroups != null],
    ];
    for (const [p, set] of forbidden) {
      if (set) {
        problems.add(p, 'cannot be set for a windows pod (spec.os.name is windows); remove it.');
      }
    }
  }
}

// Go: validateLinux (validation.go), the container part
// Go: validateWindows (validation.go), the container part: what a container's securityContext may
// not set for the pod's OS. Only called with spec.os.name linux or windows.
export function validateContainerSecurityContextForOS(sc: any, os: 'linux' | 'windows', path: string, problems: Problems): void {
  if (sc == null || typeof sc !== 'object') {
    return;
  }
  if (os === 'linux') {
    if (sc.windowsOptions != null) {
      problems.add(`${path}.windowsOptions`, 'windows options cannot be set for a linux pod (spec.os.name is linux); remove them.');
    }
    return;
  }
  for (const field of ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'capabilities', 'readOnlyRootFilesystem', 'privileged', 'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup']) {
    if (sc[field] != null) {
      problems.add(`${path}.${field}`, 'cannot be set for a windows pod (spec.os.name is windows); remove it.');
    }
  }
}

/** The containers of a pod spec with their paths, in Go's `VisitContainersWithPath` order. */
export function podContainers(spec: any, path: string): Array<[any, string]> {
  const out: Array<[any, string]> = [];
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    (Array.isArray(spec?.[field]) ? spec[field] : []).forEach((c: any, i: number) => out.push([c ?? {}, `${path}.${field}[${i}]`]));
  }
  return out;
}

// Go: validateWindowsHostProcessPod (validation.go): hostProcess is all or nothing, the pod and its
// containers agree, and a hostProcess pod uses the host network. (Whether the cluster allows
// privileged pods at all is the API server's --allow-privileged flag: not checked here.)
export function validateWindowsHostProcessPod(spec: any, path: string, problems: Problems): void {
  const podHostProcess = spec?.securityContext?.windowsOptions?.hostProcess;
  let containers = 0;
  let hostProcessContainers = 0;
  for (const [c, cpath] of podContainers(spec, path)) {
    containers++;
    const hostProcess = c.securityContext?.windowsOptions?.hostProcess;
    if (podHostProcess != null && hostProcess != null && podHostProcess !== hostProcess) {
      problems.add(`${cpath}.securityContext.windowsOptions.hostProcess`, `${show(hostProcess)} differs from the pod's hostProcess ${show(podHostProcess)}; when both are set they must be identical.`);
    }
    if (hostProcess === true || (hostProcess == null && podHostProcess === true)) {
      hostProcessContainers++;
    }
  }
  if (hostProcessContainers > 0) {
    if (hostProcessContainers !== containers) {
      problems.add(path, 'a pod with any hostProcess container must have only hostProcess containers; set windowsOptions.hostProcess: true on all of them (or on the pod).');
    }
    if (spec.hostNetwork !== true) {
      problems.add(`${path}.hostNetwork`, `${show(spec.hostNetwork ?? false)} must be true when the pod has hostProcess containers; set hostNetwork: true.`);
    }
  }
}

// --- annotations (pod metadata) --------------------------------------------------------------

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

// Go: ValidateSeccompProfile (validation.go): runtime/default, docker/default, unconfined or
// localhost/<relative path>.
function seccompAnnotationProblem(p: string): string | undefined {
  if (p === 'runtime/default' || p === 'docker/default' || p === 'unconfined') {
    return undefined;
  }
  if (p.startsWith('localhost/')) {
    const r = localDescendingPath(p.slice('localhost/'.length));
    return r ? `has a localhost profile path that ${r}` : undefined;
  }
  return "must be a valid seccomp profile: 'runtime/default', 'unconfined' or 'localhost/<path>' (better: use securityContext.seccompProfile)";
}

// Go: ValidateSeccompPodAnnotations (validation.go). `path` is the annotations' path
// ('metadata.annotations' or 'spec.template.metadata.annotations').
export function validateSeccompPodAnnotations(annotations: any, path: string, problems: Problems): void {
  for (const [k, v] of Object.entries(annotations ?? {})) {
    if (k === SECCOMP_POD_ANNOTATION || k.startsWith(SECCOMP_CONTAINER_PREFIX)) {
      const r = typeof v === 'string' ? seccompAnnotationProblem(v) : 'must be a string';
      if (r) {
        problems.add(`${path}.${k}`, `${show(v)} ${r}.`);
      }
    }
  }
}

// Go: ValidateAppArmorPodAnnotations (validation.go) with ValidateAppArmorProfileFormat: the
// container the annotation names exists, and the profile is '', runtime/default, unconfined or
// localhost/<name>.
export function validateAppArmorPodAnnotations(annotations: any, spec: any, path: string, problems: Problems): void {
  const names = new Set(podContainers(spec, 'spec').map(([c]) => c.name));
  for (const [k, v] of Object.entries(annotations ?? {})) {
    if (!k.startsWith(APPARMOR_CONTAINER_PREFIX)) {
      continue;
    }
    const container = k.slice(APPARMOR_CONTAINER_PREFIX.length);
    if (!names.has(container)) {
      problems.add(`${path}[${k}]`, `names container ${show(container)}, which this pod does not have; use one of its container names or remove the annotation.`);
    }
    if (typeof v !== 'string' || !(v === '' || v === 'runtime/default' || v === 'unconfined' || v.startsWith('localhost/'))) {
      problems.add(`${path}[${k}]`, `${show(v)} is not a valid AppArmor profile: use 'runtime/default', 'unconfined' or 'localhost/<profile>' (better: use securityContext.appArmorProfile).`);
    }
  }
}

// Go: validateSeccompAnnotationsAndFieldsMatch (validation.go).
function seccompMismatch(annotation: string, field: any, path: string, problems: Problems): void {
  const type = field?.type;
  const mismatch = `${path}.type`;
  if (type === 'Unconfined' && annotation !== 'unconfined') {
    problems.add(mismatch, `"Unconfined" does not match the seccomp annotation ${show(annotation)}; the seccomp type in annotation and field must match (remove the annotation).`);
  } else if (type === 'RuntimeDefault' && annotation !== 'runtime/default' && annotation !== 'docker/default') {
    problems.add(mismatch, `"RuntimeDefault" does not match the seccomp annotation ${show(annotation)}; the seccomp type in annotation and field must match (remove the annotation).`);
  } else if (type === 'Localhost') {
    if (!annotation.startsWith('localhost/')) {
      problems.add(mismatch, `"Localhost" does not match the seccomp annotation ${show(annotation)}; the seccomp type in annotation and field must match (remove the annotation).`);
    } else if (field.localhostProfile == null || annotation.slice('localhost/'.length) !== field.localhostProfile) {
      problems.add(`${path}.localhostProfile`, `${show(field.localhostProfile)} does not match the seccomp annotation ${show(annotation)}; the profile in annotation and field must match (remove the annotation).`);
    }
  }
}

// Go: validateSeccompAnnotationsAndFields (validation.go): where both a seccomp annotation and a
// seccompProfile field exist (pod or container), they must agree. `specPath` is the pod spec's path.
export function validateSeccompAnnotationsAndFields(annotations: any, spec: any, specPath: string, problems: Problems): void {
  const a = annotations ?? {};
  const podField = spec?.securityContext?.seccompProfile;
  if (podField != null && typeof a[SECCOMP_POD_ANNOTATION] === 'string') {
    seccompMismatch(a[SECCOMP_POD_ANNOTATION], podField, `${specPath}.securityContext.seccompProfile`, problems);
  }
  for (const [c, cpath] of podContainers(spec, specPath)) {
    const field = c.securityContext?.seccompProfile;
    const annotation = a[SECCOMP_CONTAINER_PREFIX + c.name];
    if (field != null && typeof annotation === 'string') {
      seccompMismatch(annotation, field, `${cpath}.securityContext.seccompProfile`, problems);
    }
  }
}

// Go: validateAppArmorAnnotationsAndFieldsMatchOnCreate (validation.go): where a container has both
// an AppArmor annotation and a profile (its own or the pod's), they must agree; windows pods skip.
export function validateAppArmorAnnotationsAndFieldsMatchOnCreate(annotations: any, spec: any, specPath: string, problems: Problems): void {
  if (spec?.os?.name === 'windows') {
    return;
  }
  const a = annotations ?? {};
  const podProfile = spec?.securityContext?.appArmorProfile;
  for (const [c, cpath] of podContainers(spec, specPath)) {
    const profile = c.securityContext?.appArmorProfile ?? podProfile;
    const annotation = a[APPARMOR_CONTAINER_PREFIX + c.name];
    if (profile == null || typeof annotation !== 'string') {
      continue;
    }
    const p = `${cpath}.securityContext.appArmorProfile`;
    const typeMismatch = `does not match the AppArmor annotation ${show(annotation)}; the AppArmor type in annotation and field must match (remove the annotation).`;
    if (profile.type === 'Unconfined' && annotation !== 'unconfined') {
      problems.add(`${p}.type`, `"Unconfined" ${typeMismatch}`);
    } else if (profile.type === 'RuntimeDefault' && annotation !== 'runtime/default') {
      problems.add(`${p}.type`, `"RuntimeDefault" ${typeMismatch}`);
    } else if (profile.type === 'Localhost') {
      if (!annotation.startsWith('localhost/')) {
        problems.add(`${p}.type`, `"Localhost" ${typeMismatch}`);
      } else if (profile.localhostProfile == null || annotation.slice('localhost/'.length) !== profile.localhostProfile) {
        problems.add(`${p}.localhostProfile`, `${show(profile.localhostProfile)} does not match the AppArmor annotation ${show(annotation)}; the profile in annotation and field must match (remove the annotation).`);
      }
    }
  }
}
