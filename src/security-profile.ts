import type { ResourceRequirements } from './k8s-types';
import { toManifest } from './k8s-values';
import { Problems, show } from './problems';
import { checkProps, isCdk8sToken, namedThrow, tokenProblems } from './props';

/**
 * A Kubernetes Pod Security Standard level, as enforced by Pod Security Admission
 * (`pod-security.kubernetes.io/enforce: <level>`), at every policy version from 1.28 to 1.32.
 */
export enum SecurityLevel {
  /** Prevents known privilege escalations; allows the default (minimally specified) pod. */
  BASELINE = 'baseline',
  /** Current pod hardening best practice: baseline plus non-root, no escalation, no capabilities. */
  RESTRICTED = 'restricted',
}

/**
 * CPU and memory requests and limits for containers that declare no `resources` of their own.
 *
 * Only applied through a `SecurityProfile` (`resources` option); containers that declare
 * `resources` keep exactly theirs.
 */
export class ResourcePreset {
  /** Requests 50m CPU / 32Mi memory, limits 100m CPU / 64Mi memory: shell loops, log tailers. */
  public static readonly SMALL = new ResourcePreset({ cpu: '50m', memory: '32Mi' }, { cpu: '100m', memory: '64Mi' });
  /** Requests 250m CPU / 256Mi memory, limits 500m CPU / 512Mi memory: a typical web server. */
  public static readonly MEDIUM = new ResourcePreset({ cpu: '250m', memory: '256Mi' }, { cpu: '500m', memory: '512Mi' });
  /** Requests 1 CPU / 1Gi memory, limits 2 CPU / 2Gi memory. */
  public static readonly LARGE = new ResourcePreset({ cpu: '1', memory: '1Gi' }, { cpu: '2', memory: '2Gi' });

  /** Your own requests and limits (plain strings or `k8s.Quantity` values). */
  public static custom(resources: ResourceRequirements): ResourcePreset {
    return namedThrow('ResourcePreset.custom()', () => ResourcePreset.customPreset(resources));
  }

  private static customPreset(resources: ResourceRequirements): ResourcePreset {
    const tokens = tokenProblems('ResourcePreset.custom()', resources, 'resources');
    if (tokens.length > 0) {
      throw new Error(`ResourcePreset.custom(): ${tokens[0]}.`);
    }
    const problems = new Problems();
    const plain = toManifest('ResourceRequirements', resources, '', problems) ?? {};
    if (plain.claims !== undefined) {
      problems.add('claims', 'cannot be part of a preset, which applies to every container without resources; set resources.claims on the container that uses the claim.');
    }
    const count = (m: unknown) => (m !== null && typeof m === 'object' ? Object.keys(m).length : 0);
    if (problems.count === 0 && count(plain.requests) + count(plain.limits) === 0) {
      // Every container would get `resources: {}`: the same as no preset, so the call is a mistake.
      problems.add('', `${show(resources)} has neither requests nor limits, so every container would get empty resources; give requests and/or limits (e.g. { requests: { cpu: '50m', memory: '32Mi' } }), or leave the resources option out.`);
    }
    if (problems.count > 0) {
      throw new Error(problems.toErrors('ResourcePreset.custom()')[0]);
    }
    return new ResourcePreset(plain.requests, plain.limits);
  }

  /** The requests written to each container without resources, e.g. `{ cpu: '50m', memory: '32Mi' }`. */
  public readonly requests?: { [resource: string]: string };
  /** The limits written to each container without resources, e.g. `{ cpu: '100m', memory: '64Mi' }`. */
  public readonly limits?: { [resource: string]: string };

  private constructor(requests?: { [resource: string]: string }, limits?: { [resource: string]: string }) {
    this.requests = requests;
    this.limits = limits;
  }
}

/**
 * Options shared by every security profile.
 */
export interface BaselineProfileOptions {
  /**
   * Requests and limits written to every container (init containers and sidecars included) that
   * declares no `resources`.
   *
   * @default - no resources added: containers without resources stay BestEffort
   */
  readonly resources?: ResourcePreset;
}

/**
 * Options of `SecurityProfile.restricted()`.
 */
export interface RestrictedProfileOptions extends BaselineProfileOptions {
  /**
   * The numeric user every container runs as, written to the pod's `securityContext.runAsUser`
   * unless you set one there (a value given here must then agree with it, and with the containers'
   * and sidecars' own: oauth2-proxy runs as 2000). A number, so images
   * that default to root (busybox has no `USER`) still start under `runAsNonRoot`. Must not be 0.
   *
   * @default 65534 - the conventional `nobody` user
   */
  readonly runAsUser?: number;

  /**
   * The primary group of every container's processes (pod `securityContext.runAsGroup`); the
   * pod's own value and its containers' and sidecars' (oauth2-proxy runs as 2000) must agree with it.
   *
   * @default - not set: the container runtime uses the image's group for the user (often 0)
   */
  readonly runAsGroup?: number;

  /**
   * The group that owns mounted volumes (pod `securityContext.fsGroup`); the pod's own value and
   * its sidecars' (git-sync needs 65533) must agree with it.
   *
   * @default - not set: volumes keep their own ownership (emptyDir is world-writable)
   */
  readonly fsGroup?: number;
}

const NOBODY = 65534;
const INT32_MAX = 2147483647;

// Pod Security Standards (k8s.io/pod-security-admission policy): the checks of version 1.28, and
// those that later versions up to 1.32 add (the AppArmor fields); what later versions allow
// beyond 1.28 (four sysctls from 1.29, two from 1.32, SELinux type container_engine_t from 1.31) stays refused,
// so a pod that passes passes every version from 1.28 to 1.32.
const BASELINE_CAPABILITIES = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports',
];
// Allowed by the policy from v1.29 (check_sysctls.go, sysctlsAllowedV1Dot29); a 1.28 kubelet refuses them as unsafe.
const SAFE_SYSCTLS_FROM_1_29 = ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
// Allowed by the policy from v1.32 (sysctlsAllowedV1Dot32); an older kubelet refuses them as unsafe.
const SAFE_SYSCTLS_FROM_1_32 = ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const RESTRICTED_VOLUME_SOURCES = [
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret',
];
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
// check_appArmorProfile.go, allowedProfileType: the fields of Kubernetes 1.30 and later.
const APPARMOR_TYPES = ['RuntimeDefault', 'Localhost'];

/**
 * An opt-in hardening of a pod to a Kubernetes Pod Security Standard, at every policy version
 * from 1.28 to 1.32 (`enforce-version` unset means the cluster's own): it fills in the
 * security fields you left unset so the pod passes the standard, keeps every compliant value
 * you set, and reports (at synth time, with the field and the fix) every value that breaks it.
 *
 * Init containers, native and classic sidecars are hardened like the main containers. Without a
 * profile nothing is added.
 *
 * @example
 * new SidecarLoggedApp(chart, 'app', { app, securityProfile: SecurityProfile.restricted() });
 */
export class SecurityProfile {
  /**
   * The "restricted" standard. Unless you set them, it writes to the pod `securityContext`:
   * `runAsNonRoot: true`, `runAsUser: 65534` (or yours), `seccompProfile: RuntimeDefault`; and to
   * every container's `securityContext`: `allowPrivilegeEscalation: false`,
   * `capabilities.drop: [ALL]`.
   */
  public static restricted(options: RestrictedProfileOptions = {}): SecurityProfile {
    options = checkProps('SecurityProfile.restricted()', 'RestrictedProfileOptions', options);
    const runAsUser = options.runAsUser ?? NOBODY;
    const bad: string[] = [];
    if (!isId(runAsUser) || runAsUser === 0) {
      bad.push(`runAsUser ${show(runAsUser)} must be a non-root user ID between 1 and ${INT32_MAX} (the restricted standard forbids UID 0); use e.g. 65534 or omit it`);
    }
    for (const [field, value] of [['runAsGroup', options.runAsGroup], ['fsGroup', options.fsGroup]] as const) {
      if (value !== undefined && !isId(value)) {
        bad.push(`${field} ${show(value)} must be a group ID between 0 and ${INT32_MAX}`);
      }
    }
    if (bad.length > 0) {
      throw new Error(`SecurityProfile.restricted(): ${bad.join('; ')}.`);
    }
    const profile = new SecurityProfile(SecurityLevel.RESTRICTED, options.resources, runAsUser, options.runAsGroup, options.fsGroup);
    profile._explicit = { runAsUser: options.runAsUser, runAsGroup: options.runAsGroup, fsGroup: options.fsGroup };
    return profile;
  }

  /**
   * The "baseline" standard. It writes nothing but the optional resource preset; it only reports
   * what breaks the standard (privileged containers, host namespaces, hostPath volumes, ...).
   */
  public static baseline(options: BaselineProfileOptions = {}): SecurityProfile {
    options = checkProps('SecurityProfile.baseline()', 'BaselineProfileOptions', options);
    return new SecurityProfile(SecurityLevel.BASELINE, options.resources);
  }

  /** The Pod Security Standard the pod is made to pass. */
  public readonly level: SecurityLevel;
  /** The resource preset for containers without resources, if any. */
  public readonly resources?: ResourcePreset;
  /** The user written to the pod's `securityContext.runAsUser` when unset (restricted only). */
  public readonly runAsUser?: number;
  /** The group written to the pod's `securityContext.runAsGroup` when unset. */
  public readonly runAsGroup?: number;
  /** The group written to the pod's `securityContext.fsGroup` when unset. */
  public readonly fsGroup?: number;

  /** The options given explicitly, which the final pod must hold (not the 65534 default). @internal */
  public _explicit: { readonly [field: string]: number | undefined } = {};

  private constructor(level: SecurityLevel, resources?: ResourcePreset, runAsUser?: number, runAsGroup?: number, fsGroup?: number) {
    this.level = level;
    this.resources = resources;
    this.runAsUser = runAsUser;
    this.runAsGroup = runAsGroup;
    this.fsGroup = fsGroup;
  }

  /**
   * The pod securityContext fields `_apply` fills in by default into a pod whose own
   * securityContext is `declared` (not those the profile's options set explicitly, which the pod
   * must hold). A sidecar that `Inject.into()` adds may need another value, as one that
   * `addSidecar()` adds may.
   *
   * @internal
   */
  public _podDefaults(spec: { readonly securityContext?: unknown; readonly os?: unknown }): { [field: string]: any } {
    const declared = spec.securityContext;
    if (declared !== undefined && (declared === null || typeof declared !== 'object' || Array.isArray(declared) || isCdk8sToken(declared))) {
      return {};
    }
    const own: { [field: string]: any } = declared ?? {};
    const filled = this._apply({ securityContext: own, os: spec.os }).securityContext;
    return Object.fromEntries(Object.entries(filled).filter(([k]) => own[k] === undefined && this._explicit[k] === undefined));
  }

  /**
   * The pod spec with the profile's fields filled in where they are unset. Values already set
   * are kept as they are (non-compliant ones are reported by `_validate`).
   *
   * @internal
   */
  public _apply(spec: { [key: string]: any }): { [key: string]: any } {
    const out: { [key: string]: any } = { ...spec };
    const restricted = this.level === SecurityLevel.RESTRICTED && out.os?.name !== 'windows';
    // A cdk8s token (a securityContext or resources known at synth) is left as it is, not spread
    // into its internals nor replaced by a preset: it is resolved, and then checked by _validate.
    if (restricted && !isCdk8sToken(out.securityContext)) {
      const sc = { ...(out.securityContext ?? {}) };
      setIfUnset(sc, 'runAsNonRoot', true);
      setIfUnset(sc, 'runAsUser', this.runAsUser);
      setIfUnset(sc, 'runAsGroup', this.runAsGroup);
      setIfUnset(sc, 'fsGroup', this.fsGroup);
      setIfUnset(sc, 'seccompProfile', { type: 'RuntimeDefault' });
      out.securityContext = sc;
    }
    for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
      if (Array.isArray(out[list])) {
        out[list] = out[list].map((c: any) => this.applyToContainer(c, restricted));
      }
    }
    return out;
  }

  /**
   * Reports every field of the final pod that breaks the profile's standard.
   *
   * @param meta the pod's metadata (a Pod's, or a Deployment's pod template's)
   * @param spec the pod spec
   * @param path the spec's field path, e.g. `spec` or `spec.template.spec`
   * @param metaPath the metadata's field path, e.g. `metadata` or `spec.template.metadata`
   * @internal
   */
  public _validate(meta: any, spec: any, path: string, metaPath: string, problems: Problems): void {
    const p = new ProfileChecker(this, problems);
    p.check(meta ?? {}, spec ?? {}, path, metaPath);
  }

  private applyToContainer(container: any, restricted: boolean): any {
    // (A securityContext with a token anywhere is left whole: it is resolved, then checked.)
    if (isCdk8sToken(container)) {
      return container;
    }
    const c = { ...container };
    const declared = c.resources ?? {};
    const declaresResources = isCdk8sToken(declared)
      || declared.requests !== undefined || declared.limits !== undefined || declared.claims !== undefined;
    if (this.resources && !declaresResources) {
      const r: { [key: string]: any } = {};
      setIfUnset(r, 'requests', this.resources.requests && { ...this.resources.requests });
      setIfUnset(r, 'limits', this.resources.limits && { ...this.resources.limits });
      c.resources = r;
    }
    if (restricted && !isCdk8sToken(c.securityContext)) {
      const sc = { ...(c.securityContext ?? {}) };
      // Not beside privileged or CAP_SYS_ADMIN, which the API server refuses with it
      // (ValidateSecurityContext): the profile reports those values itself, as the user's. When
      // they are tokens, nothing is added: validation judges the resolved values.
      const unknown = isCdk8sToken(sc.privileged) || isCdk8sToken(sc.capabilities) || hasToken(sc.capabilities?.add);
      if (!unknown && !mustEscalate(sc)) {
        setIfUnset(sc, 'allowPrivilegeEscalation', false);
      }
      // A token field (runAsUser: Lazy) counts as set; a capabilities token is kept whole.
      if (!isCdk8sToken(sc.capabilities)) {
        const caps = { ...(sc.capabilities ?? {}) };
        setIfUnset(caps, 'drop', ['ALL']);
        sc.capabilities = caps;
      }
      c.securityContext = sc;
    }
    return c;
  }
}

/** Walks one pod and records each violation of the profile's standard. */
class ProfileChecker {
  private readonly restricted: boolean;
  private readonly label: string;

  constructor(private readonly profile: SecurityProfile, private readonly problems: Problems) {
    this.restricted = profile.level === SecurityLevel.RESTRICTED;
    this.label = `SecurityProfile.${profile.level}()`;
  }

  public check(meta: any, spec: any, path: string, metaPath: string): void {
    if (this.restricted && spec.os?.name === 'windows') {
      this.add(`${path}.os.name`, '"windows"', `${this.label} sets Linux-only security fields, which a Windows pod rejects`, 'remove securityProfile for Windows pods, or set os.name to linux');
      return;
    }
    const psc = spec.securityContext ?? {};
    const sp = `${path}.securityContext`;
    const containers: Array<[any, string]> = [];
    for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
      (Array.isArray(spec[list]) ? spec[list] : []).forEach((c: any, i: number) => containers.push([c ?? {}, `${path}.${list}[${i}]`]));
    }

    // Baseline: host namespaces.
    for (const field of ['hostNetwork', 'hostPID', 'hostPid', 'hostIPC', 'hostIpc']) {
      if (spec[field] === true) {
        this.add(`${path}.${field}`, 'true', 'sharing the host\'s namespaces is forbidden', 'remove it or set false');
      }
    }
    // Baseline: HostProcess (Windows).
    if (psc.windowsOptions?.hostProcess === true) {
      this.add(`${sp}.windowsOptions.hostProcess`, 'true', 'HostProcess pods are forbidden', 'remove it');
    }
    // Baseline: hostPath volumes; restricted: only the allowed volume sources.
    (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v: any, i: number) => {
      for (const source of Object.keys(v ?? {}).filter((k) => k !== 'name')) {
        if (source === 'hostPath') {
          this.add(`${path}.volumes[${i}].hostPath`, `(volume ${show(v.name)})`, 'hostPath volumes are forbidden', 'use an emptyDir, configMap, secret or persistentVolumeClaim volume');
        } else if (this.restricted && !RESTRICTED_VOLUME_SOURCES.includes(source)) {
          this.add(`${path}.volumes[${i}].${source}`, `(volume ${show(v.name)})`, `volume type ${source} is not allowed`,
            `use one of ${RESTRICTED_VOLUME_SOURCES.join(', ')} (e.g. a persistentVolumeClaim bound to that storage)`);
        }
      }
    });
    // Baseline: sysctls.
    (Array.isArray(psc.sysctls) ? psc.sysctls : []).forEach((s: any, i: number) => {
      const from = SAFE_SYSCTLS_FROM_1_29.includes(s?.name) ? ['1.29', '1.28'] : SAFE_SYSCTLS_FROM_1_32.includes(s?.name) ? ['1.32', '1.31'] : undefined;
      if (from) {
        this.add(`${sp}.sysctls[${i}].name`, show(s?.name), `is a safe sysctl from Kubernetes ${from[0]} only (a ${from[1]} kubelet refuses it, and this profile keeps to what every cluster from 1.28 allows)`,
          'remove it, or remove securityProfile and check the pod with your cluster\'s own Pod Security admission');
      } else if (!SAFE_SYSCTLS.includes(s?.name)) {
        this.add(`${sp}.sysctls[${i}].name`, show(s?.name), 'is not a safe sysctl', `use only ${SAFE_SYSCTLS.join(', ')}`);
      }
    });
    // Baseline: AppArmor annotations.
    for (const [key, value] of Object.entries(meta.annotations ?? {})) {
      // check_appArmorProfile.go, allowedAnnotationValue: empty, runtime/default or localhost/*.
      if (key.startsWith(APPARMOR_PREFIX) && value !== '' && value !== 'runtime/default' && !(typeof value === 'string' && value.startsWith('localhost/'))) {
        this.add(`${metaPath}.annotations.${key}`, show(value), 'overrides the AppArmor profile', 'use runtime/default or localhost/<profile>, or remove it');
      }
    }
    // Pod-level security context.
    this.checkSecurityContext(psc, sp, undefined);
    if (this.restricted) {
      // An option given explicitly fills in an unset field only: a value the pod or a sidecar sets would replace it without a word.
      for (const [field, wanted] of Object.entries(this.profile._explicit)) {
        if (wanted !== undefined && psc[field] !== wanted) {
          this.problems.add(`${sp}.${field}`, `${show(psc[field])} is not the ${field} ${wanted} of securityProfile ${this.label.replace('()', `({ ${field}: ${wanted} })`)}: `
            + `the pod's own securityContext or a sidecar${field === 'fsGroup' ? ' (git-sync needs fsGroup 65533)' : ''} sets it, and the profile fills in unset fields only, so the option would be dropped; remove one of them or make them agree.`);
        }
      }
      // A container's own runAsUser or runAsGroup replaces the pod's: its processes would not run as the option says.
      for (const field of ['runAsUser', 'runAsGroup']) {
        const wanted = this.profile._explicit[field];
        for (const [c, cpath] of wanted === undefined ? [] : containers) {
          const own = c.securityContext?.[field];
          if (typeof own === 'number' && own !== wanted) {
            this.problems.add(`${cpath}.securityContext.${field}`, `${show(own)} (container ${show(c.name)}) is not the ${field} ${wanted} of securityProfile ${this.label.replace('()', `({ ${field}: ${wanted} })`)}: `
              + `a container's own value replaces the pod's, so its processes would run with ${own}; make them agree, or leave ${field} out of the profile (a catalogue sidecar such as Sidecar.oauth2Proxy sets the one its image needs).`);
          }
        }
      }
      if (psc.runAsNonRoot === false) {
        this.add(`${sp}.runAsNonRoot`, 'false', 'containers must be required to run as non-root', 'set true or remove it (the profile sets true)');
      }
      const seccomp = psc.seccompProfile?.type;
      if (seccomp === undefined && containers.some(([c]) => c.securityContext?.seccompProfile?.type === undefined)) {
        this.add(`${sp}.seccompProfile.type`, 'undefined', 'a seccomp profile is required', 'set RuntimeDefault or Localhost');
      }
    }

    for (const [c, cpath] of containers) {
      const who = `(container ${show(c.name)})`;
      (Array.isArray(c.ports) ? c.ports : []).forEach((port: any, j: number) => {
        if (port?.hostPort !== undefined && port.hostPort !== 0) {
          this.add(`${cpath}.ports[${j}].hostPort`, `${show(port.hostPort)} ${who}`, 'host ports are forbidden', 'remove hostPort and reach the pod through a Service');
        }
      });
      const sc = c.securityContext ?? {};
      const csp = `${cpath}.securityContext`;
      this.checkSecurityContext(sc, csp, who);
      if (sc.privileged === true) {
        this.add(`${csp}.privileged`, `true ${who}`, 'privileged containers are forbidden', 'remove it or set false');
      }
      if (sc.procMount !== undefined && sc.procMount !== 'Default') {
        this.add(`${csp}.procMount`, `${show(sc.procMount)} ${who}`, 'only the Default /proc mount is allowed', 'remove it or set Default');
      }
      const add: any[] = Array.isArray(sc.capabilities?.add) ? sc.capabilities.add : [];
      const allowed = this.restricted ? ['NET_BIND_SERVICE'] : BASELINE_CAPABILITIES;
      const extra = add.filter((cap) => !allowed.includes(cap));
      if (extra.length > 0) {
        this.add(`${csp}.capabilities.add`, `${show(extra)} ${who}`, 'adds capabilities the standard forbids', `add only ${allowed.join(', ')}`);
      }
      if (!this.restricted) {
        continue;
      }
      if (sc.allowPrivilegeEscalation !== false && !(sc.allowPrivilegeEscalation === undefined && mustEscalate(sc))) {
        // Unset here means the profile could not set it (privileged or capabilities.add was a token).
        const fix = sc.allowPrivilegeEscalation === undefined ? 'set it to false' : 'set false or remove it (the profile sets false)';
        this.add(`${csp}.allowPrivilegeEscalation`, `${show(sc.allowPrivilegeEscalation)} ${who}`, 'privilege escalation must be disallowed', fix);
      }
      // A container left unset inherits the pod's value; a pod-level false is reported once, above.
      if (sc.runAsNonRoot === false || (sc.runAsNonRoot === undefined && psc.runAsNonRoot === undefined)) {
        this.add(`${csp}.runAsNonRoot`, `${show(sc.runAsNonRoot)} ${who}`, 'the container must be required to run as non-root', 'set true, or remove it and let the pod-level runAsNonRoot: true apply');
      }
      const drop: any[] = Array.isArray(sc.capabilities?.drop) ? sc.capabilities.drop : [];
      if (!drop.includes('ALL')) {
        this.add(`${csp}.capabilities.drop`, `${show(sc.capabilities?.drop)} ${who}`, 'must drop ALL capabilities', 'add "ALL" to drop, or remove drop (the profile sets [ALL])');
      }
    }
  }

  /** The checks shared by the pod and container security contexts. */
  private checkSecurityContext(sc: any, path: string, who: string | undefined): void {
    const suffix = who ? ` ${who}` : '';
    if (who && sc.windowsOptions?.hostProcess === true) {
      this.add(`${path}.windowsOptions.hostProcess`, `true${suffix}`, 'HostProcess containers are forbidden', 'remove it');
    }
    const se = sc.seLinuxOptions;
    if (se) {
      if (se.type !== undefined && !SELINUX_TYPES.includes(se.type)) {
        const later = se.type === 'container_engine_t' ? ' (allowed from Kubernetes 1.31 only; this profile keeps to what every cluster from 1.28 allows)' : '';
        this.add(`${path}.seLinuxOptions.type`, `${show(se.type)}${suffix}`, `is not an allowed SELinux type${later}`, 'use container_t, container_init_t or container_kvm_t, or remove it');
      }
      for (const field of ['user', 'role']) {
        if (se[field] !== undefined && se[field] !== '') {
          this.add(`${path}.seLinuxOptions.${field}`, `${show(se[field])}${suffix}`, `custom SELinux ${field}s are forbidden`, 'remove it');
        }
      }
    }
    const appArmor = sc.appArmorProfile;
    if (appArmor !== undefined && appArmor !== null && !APPARMOR_TYPES.includes(appArmor.type)) {
      this.add(`${path}.appArmorProfile.type`, `${show(appArmor.type)}${suffix}`, 'disables or overrides AppArmor', 'use RuntimeDefault or Localhost, or remove it');
    }
    const seccomp = sc.seccompProfile?.type;
    if (seccomp === 'Unconfined') {
      this.add(`${path}.seccompProfile.type`, `"Unconfined"${suffix}`, 'disables seccomp', 'use RuntimeDefault or Localhost, or remove it');
    } else if (this.restricted && seccomp !== undefined && seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') {
      this.add(`${path}.seccompProfile.type`, `${show(seccomp)}${suffix}`, 'is not an allowed seccomp profile', 'use RuntimeDefault or Localhost');
    }
    if (this.restricted && sc.runAsUser === 0) {
      this.add(`${path}.runAsUser`, `0${suffix}`, 'runs as root', `use a non-zero UID (e.g. ${this.profile.runAsUser ?? NOBODY}) or remove it`);
    }
  }

  private add(path: string, value: string, wrong: string, fix: string): void {
    this.problems.add(path, `${value} breaks the Pod Security Standard "${this.profile.level}" (securityProfile ${this.label}): ${wrong}; ${fix}.`);
  }
}

/** A privileged container or one that adds CAP_SYS_ADMIN, which can always gain privileges. */
function mustEscalate(sc: any): boolean {
  return sc.privileged === true || (Array.isArray(sc.capabilities?.add) && sc.capabilities.add.includes('CAP_SYS_ADMIN'));
}

function setIfUnset(obj: { [key: string]: any }, key: string, value: any): void {
  if (obj[key] === undefined && value !== undefined) {
    obj[key] = value;
  }
}

function isId(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= INT32_MAX;
}

/** Whether a token is anywhere in a value (a securityContext whose capabilities are a Lazy). */
function hasToken(v: unknown): boolean {
  return isCdk8sToken(v) || tokenProblems('', v, 'v').length > 0;
}
