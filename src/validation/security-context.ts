/**
 * Security contexts of containers and pods. Go (`pkg/apis/core/validation/validation.go`):
 * `ValidateSecurityContext`, `validatePodSpecSecurityContext`, `validateSeccompProfileField`,
 * `ValidateAppArmorProfileField`, `validateWindowsSecurityContextOptions`, `validateSysctls`,
 * `ValidateHostSysctl`, `validateFSGroupChangePolicy`. The OS rules (`validateLinux`,
 * `validateWindows`, `validateWindowsHostProcessPod`), the seccomp and AppArmor annotations and
 * the fields dropped on create are in pod-spec.ts.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { goTrimSpace } from './common';
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
  // Go: validatePathNoBacksteps: a backslash is an ordinary character (filepath.ToSlash converts
  // it only on Windows, and the API server runs on Linux).
  if (p.split('/').includes('..')) {
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
      const trimmed = goTrimSpace(p);
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

// Go: ValidateSecurityContext (validation.go), a container's securityContext. `privileged` is
// accepted: rejecting it depends on the API server's --allow-privileged flag (see
// OMITTED_CONTAINER). procMount other than Default is dropped on create at 1.32 (ProcMountType is
// off): preparePodSpec in pod-spec.ts reports it.
export function validateSecurityContext(sc: any, path: string, problems: Problems): void {
  if (sc == null || typeof sc !== 'object') {
    return;
  }
  validateId(sc.runAsUser, 'user', `${path}.runAsUser`, problems);
  validateId(sc.runAsGroup, 'group', `${path}.runAsGroup`, problems);
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

/** Go: `nameToNamespace` (component-helpers node/util/sysctl): the IPC sysctls by exact name. */
const IPC_SYSCTLS = new Set([
  'kernel.sem', 'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced', 'kernel.shm',
  'kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.msg',
]);

// Go: GetNamespace (sysctl.go, component-helpers), with NormalizeName: which kernel
// namespace a sysctl belongs to ('/' separated names are read with '.' and '/' swapped): the IPC
// names by exact name (kernel.shm_next_id is none of them), then the prefixes net. and fs.mqueue.
function sysctlNamespace(name: string): 'net' | 'ipc' | undefined {
  const first = name.search(/[./]/);
  if (first === -1) {
    return undefined;
  }
  const normalized = name[first] === '/' ? name.replace(/[./]/g, (c) => (c === '.' ? '/' : '.')) : name;
  if (IPC_SYSCTLS.has(normalized) || normalized.startsWith('fs.mqueue.')) {
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
 * `hostPID`, sysctls with `hostNetwork`/`hostIPC`). Call it from the pod spec validation with
 * the spec's path.
 *
 * Go: validatePodSpecSecurityContext (validation.go). The OS rules (validateLinux,
 * validateWindows) and the fields dropped on create are pod-spec.ts's.
 */
// Go: validatePodSpecSecurityContext (validation.go)
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
}
