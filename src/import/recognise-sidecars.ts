import { Duration } from 'cdk8s';
import { toManifest } from '../k8s-values';
import { kubeletUnescaped } from '../shell';
import { Sidecar, SidecarBinding, SidecarMode } from '../sidecar';
import { OAuth2ProxyProvider } from '../sidecars';
import { Call, enumRef, libCall, libRef, Value } from './code';
import { sameData, withoutKey } from './recognise-steps';
import { plain, toProps, ValueStyle } from './schema';

/**
 * Recognising the sidecar catalogue (`Sidecar.cloudSqlProxy()`, `.gitSync()`, `.nginxExporter()`,
 * `.mysqldExporter()`, `.oauth2Proxy()`) in existing containers, by image and arguments: the
 * options are read from the container's flags, the entry is built with them and bound to the
 * pod, and it is only used when its container is exactly the input's. What else the binding
 * adds to the pod (volumes, mounts in the app containers, init steps, pod security context
 * fields) is then left out of the props, since the entry writes it.
 *
 * Envoy, the S3 backup agent and the log shippers generate their configuration from many
 * options and are kept as containers of their own (`Sidecar.container()`).
 *
 * @internal
 */

/** The pod a sidecar joins. */
export interface SidecarPod {
  readonly podName: string;
  readonly namespace?: string;
  readonly workloadKind: string;
  readonly volumes: any[];
  readonly containers: any[];
  readonly initContainers: any[];
  readonly securityContext?: any;
}

/** A recognised catalogue sidecar: the call, and what its binding adds to the pod (as manifest JSON). */
export interface RecognisedSidecar {
  readonly call: Call;
  readonly volumes: any[];
  readonly appVolumeMounts: any[];
  readonly initContainers: any[];
  readonly podSecurityContext: { [key: string]: any };
}

/** Options being read: the values to build the entry with, and the code that writes them. */
class Options {
  public readonly runtime: { [key: string]: any } = {};
  public readonly code: { [key: string]: Value } = {};

  public set(key: string, runtime: any, code: Value = plain(runtime)): this {
    this.runtime[key] = runtime;
    this.code[key] = code;
    return this;
  }

  public copy(): Options {
    const o = new Options();
    Object.assign(o.runtime, this.runtime);
    Object.assign(o.code, this.code);
    return o;
  }
}

interface Entry {
  readonly method: string;
  readonly defaultMode: SidecarMode;
  readonly build: (options: any) => Sidecar;
  readonly images: RegExp;
  readonly guess: (c: any, pod: SidecarPod) => Options[];
}

/**
 * `--key=value` and `--flag` arguments, and the others, as the container gets them: a catalogue
 * entry writes each `$` the kubelet would expand as `$$` (`kubeletLiteral`), which it reads as `$`.
 */
function parseArgs(c: any): { flags: Map<string, string[]>; positional: string[] } {
  const flags = new Map<string, string[]>();
  const positional: string[] = [];
  for (const a of Array.isArray(c.args) ? c.args : []) {
    const m = /^--([A-Za-z0-9._-]+)(?:=(.*))?$/s.exec(kubeletUnescaped(String(a)));
    if (m) {
      flags.set(m[1], [...(flags.get(m[1]) ?? []), m[2] ?? '']);
    } else {
      positional.push(String(a));
    }
  }
  return { flags, positional };
}

function first(flags: Map<string, string[]>, key: string): string | undefined {
  return flags.get(key)?.[0];
}

function portOf(value: string | undefined): number | undefined {
  const m = /:(\d+)$/.exec(value ?? '');
  return m ? Number(m[1]) : undefined;
}

function durationSeconds(seconds: number): [Duration, Value] {
  return [Duration.seconds(seconds), new Call('Duration.seconds', [seconds], [{ from: 'cdk8s', name: 'Duration' }])];
}

/** A secretKeyRef of an env var of the container, as `{ name, key }`. */
function secretRef(c: any, env: string): { name: string; key: string } | undefined {
  const ref = (c.env ?? []).find((e: any) => e?.name === env)?.valueFrom?.secretKeyRef;
  return ref && typeof ref.name === 'string' && typeof ref.key === 'string' ? { name: ref.name, key: ref.key } : undefined;
}

const ENTRIES: Entry[] = [
  {
    method: 'cloudSqlProxy',
    defaultMode: SidecarMode.NATIVE,
    build: (o) => Sidecar.cloudSqlProxy(o),
    images: /cloud-sql-proxy|cloudsql/,
    guess: (c, pod) => {
      const { flags, positional } = parseArgs(c);
      const port = Number(first(flags, 'port'));
      if (positional.length !== 1 || !Number.isInteger(port)) {
        return [];
      }
      const o = new Options().set('instanceConnectionName', positional[0]).set('port', port);
      if (flags.has('private-ip')) o.set('privateIp', true);
      if (flags.has('auto-iam-authn')) o.set('autoIamAuthn', true);
      if (!flags.has('structured-logs')) o.set('structuredLogs', false);
      const httpPort = Number(first(flags, 'http-port'));
      if (Number.isInteger(httpPort) && httpPort !== 9801) o.set('httpPort', httpPort);
      if (flags.has('prometheus')) o.set('prometheus', true);
      const delay = /^(\d+)s$/.exec(first(flags, 'max-sigterm-delay') ?? '');
      if (delay) o.set('maxSigtermDelay', ...durationSeconds(Number(delay[1])));
      if (flags.has('credentials-file')) {
        const volume = pod.volumes.find((v) => v?.name === `${c.name}-credentials`.slice(0, 63) && v.secret);
        if (!volume) {
          return [];
        }
        const key = volume.secret.items?.[0]?.key;
        o.set('credentialsSecret', { name: volume.secret.secretName, ...(key ? { key } : {}) });
      }
      return [o];
    },
  },
  {
    method: 'nginxExporter',
    defaultMode: SidecarMode.CLASSIC,
    build: (o) => Sidecar.nginxExporter(o),
    images: /nginx-prometheus-exporter|nginx-exporter/,
    guess: (c) => {
      const { flags } = parseArgs(c);
      const o = new Options();
      const uri = first(flags, 'nginx.scrape-uri');
      if (uri !== undefined && uri !== 'http://127.0.0.1:8080/stub_status') o.set('scrapeUri', uri);
      if (flags.has('nginx.plus')) o.set('plus', true);
      const port = portOf(first(flags, 'web.listen-address'));
      if (port !== undefined) o.set('port', port);
      return [o];
    },
  },
  {
    method: 'mysqldExporter',
    defaultMode: SidecarMode.CLASSIC,
    build: (o) => Sidecar.mysqldExporter(o),
    images: /mysqld-exporter/,
    guess: (c, pod) => {
      const { flags } = parseArgs(c);
      const o = new Options();
      const address = first(flags, 'mysqld.address');
      if (address !== undefined && address !== '127.0.0.1:3306') o.set('address', address);
      const username = first(flags, 'mysqld.username');
      if (username !== undefined) o.set('username', username);
      const password = secretRef(c, 'MYSQLD_EXPORTER_PASSWORD');
      if (password) o.set('passwordSecret', password);
      if (flags.has('config.my-cnf')) {
        const volume = pod.volumes.find((v) => v?.name === `${c.name}-my-cnf`.slice(0, 63) && v.secret);
        if (!volume) {
          return [];
        }
        const key = volume.secret.items?.[0]?.key;
        o.set('myCnfSecret', { name: volume.secret.secretName, ...(key && key !== '.my.cnf' ? { key } : {}) });
      }
      const port = portOf(first(flags, 'web.listen-address'));
      if (port !== undefined) o.set('port', port);
      return [o];
    },
  },
  {
    method: 'oauth2Proxy',
    defaultMode: SidecarMode.CLASSIC,
    build: (o) => Sidecar.oauth2Proxy(o),
    images: /oauth2-proxy/,
    guess: (c) => {
      const { flags } = parseArgs(c);
      const upstream = /^http:\/\/127\.0\.0\.1:(\d+)\/$/.exec(first(flags, 'upstream') ?? '');
      const provider = enumRef('OAuth2ProxyProvider', OAuth2ProxyProvider, first(flags, 'provider'));
      const clientSecret = secretRef(c, 'OAUTH2_PROXY_CLIENT_SECRET');
      const cookieSecret = secretRef(c, 'OAUTH2_PROXY_COOKIE_SECRET');
      if (!upstream || !provider || !clientSecret || !cookieSecret) {
        return [];
      }
      const o = new Options()
        .set('appPort', Number(upstream[1]))
        .set('provider', first(flags, 'provider'), provider)
        .set('clientId', first(flags, 'client-id'))
        .set('clientSecret', clientSecret)
        .set('cookieSecret', cookieSecret)
        .set('emailDomains', flags.get('email-domain') ?? []);
      const issuer = first(flags, 'oidc-issuer-url');
      if (issuer !== undefined) o.set('oidcIssuerUrl', issuer);
      const redirect = first(flags, 'redirect-url');
      if (redirect !== undefined) o.set('redirectUrl', redirect);
      if (first(flags, 'reverse-proxy') === 'true') o.set('reverseProxy', true);
      const port = portOf(first(flags, 'http-address'));
      if (port !== undefined && port !== 4180) o.set('port', port);
      const portName = (c.ports ?? [])[0]?.name;
      if (portName !== undefined && portName !== 'oauth2-http') o.set('portName', portName);
      const metricsPort = portOf(first(flags, 'metrics-address'));
      if (metricsPort !== undefined && metricsPort !== 44180) o.set('metricsPort', metricsPort);
      return [o];
    },
  },
  {
    method: 'gitSync',
    defaultMode: SidecarMode.CLASSIC,
    build: (o) => Sidecar.gitSync(o),
    images: /git-sync/,
    guess: (c, pod) => {
      const { flags } = parseArgs(c);
      const repo = first(flags, 'repo');
      const volumeName = c.volumeMounts?.[0]?.name;
      if (repo === undefined || volumeName === undefined) {
        return [];
      }
      const o = new Options().set('repo', repo);
      const ref = first(flags, 'ref');
      if (ref !== undefined) o.set('ref', ref);
      const period = /^(\d+)s$/.exec(first(flags, 'period') ?? '');
      if (period && Number(period[1]) !== 60) o.set('period', ...durationSeconds(Number(period[1])));
      const depth = Number(first(flags, 'depth'));
      if (Number.isInteger(depth) && depth !== 1) o.set('depth', depth);
      const root = first(flags, 'root');
      if (root !== undefined && root !== '/git') o.set('root', root);
      const link = first(flags, 'link');
      if (link !== undefined && link !== 'current') o.set('link', link);
      const appMount = pod.containers.flatMap((x) => x.volumeMounts ?? []).find((m: any) => m?.name === volumeName);
      if (appMount && appMount.mountPath !== '/git') o.set('appMountPath', appMount.mountPath);
      if (volumeName !== 'content-from-git') o.set('volumeName', volumeName);
      const username = first(flags, 'username');
      if (username !== undefined) o.set('username', username);
      const password = secretRef(c, 'GITSYNC_PASSWORD');
      if (password) o.set('passwordSecret', password);
      const httpPort = portOf(first(flags, 'http-bind'));
      if (httpPort !== undefined && httpPort !== 1234) o.set('httpPort', httpPort);
      const fsGroup = pod.securityContext?.fsGroup;
      if (typeof fsGroup === 'number' && fsGroup !== 65533) o.set('fsGroup', fsGroup);
      const hasInit = pod.initContainers.some((i) => i?.name === `${c.name}-init`.slice(0, 63));
      return [o, o.copy().set('initialSync', !hasInit)];
    },
  },
];

/** Builds and binds an entry; undefined when its options are rejected. */
function bindEntry(entry: Entry, options: Options, pod: SidecarPod): SidecarBinding | undefined {
  try {
    const binding = entry.build(options.runtime).bind({ podName: pod.podName, namespace: pod.namespace, workloadKind: pod.workloadKind });
    return (binding.problems ?? []).length > 0 ? undefined : binding;
  } catch {
    return undefined;
  }
}

/** The container a binding writes, as manifest JSON (with `restartPolicy: Always` when native). */
function renderContainer(binding: SidecarBinding, native: boolean): any {
  const container = toManifest('Container', binding.container);
  return native ? { ...container, restartPolicy: 'Always' } : container;
}

/**
 * The catalogue entry that writes exactly this container (classic, or native when `native`),
 * with what its binding adds to the pod; undefined when none does.
 */
export function recogniseSidecar(c: any, native: boolean, pod: SidecarPod): RecognisedSidecar | undefined {
  for (const entry of ENTRIES) {
    if (typeof c?.image !== 'string' || !entry.images.test(c.image)) {
      continue;
    }
    for (const guess of entry.guess(native ? withoutKey(c, 'restartPolicy') : c, pod)) {
      const options = guess.copy();
      const mode = native ? SidecarMode.NATIVE : SidecarMode.CLASSIC;
      if (mode !== entry.defaultMode) {
        options.set('mode', mode, libRef('SidecarMode', native ? 'NATIVE' : 'CLASSIC'));
      }
      if (c.resources !== undefined) {
        options.set('resources', c.resources, toProps('ResourceRequirements', c.resources, ValueStyle.PLAIN).value);
      }
      let binding = bindEntry(entry, options, pod);
      if (!binding) {
        continue;
      }
      const rendered = renderContainer(binding, native);
      if (rendered.name !== c.name) options.set('name', c.name);
      if (rendered.image !== c.image) options.set('image', c.image);
      if (rendered.name !== c.name || rendered.image !== c.image) {
        binding = bindEntry(entry, options, pod);
      }
      if (!binding || !sameData(renderContainer(binding, native), c)) {
        continue;
      }
      if ((binding.configMaps ?? []).length > 0) {
        continue;
      }
      const context = { filesVolumeName: 'init-files', filesMountPath: '/config', podName: pod.podName, namespace: pod.namespace };
      return {
        call: libCall('Sidecar', entry.method, [Object.keys(options.code).length > 0 ? ordered(options.code) : undefined]),
        volumes: (binding.volumes ?? []).map((v) => toManifest('Volume', v)),
        appVolumeMounts: (binding.appVolumeMounts ?? []).map((m) => toManifest('VolumeMount', m)),
        initContainers: (binding.initSteps ?? []).map((s) => toManifest('Container', s._bind(context).container)),
        podSecurityContext: toManifest('PodSecurityContext', binding.podSecurityContext ?? {}),
      };
    }
  }
  return undefined;
}

/** The options with `name` and `image` first, `mode` and `resources` last. */
function ordered(code: { [key: string]: Value }): { [key: string]: Value } {
  const out: { [key: string]: Value } = {};
  for (const k of ['name', 'image']) {
    if (k in code) out[k] = code[k];
  }
  for (const k of Object.keys(code)) {
    if (!(k in out) && k !== 'mode' && k !== 'resources') out[k] = code[k];
  }
  for (const k of ['mode', 'resources']) {
    if (k in code) out[k] = code[k];
  }
  return out;
}

/** The pod spec with catalogue sidecars taken out, and the sidecars as calls. */
export interface CataloguePod {
  /** The pod spec without the sidecars and what their bindings add. */
  readonly spec: any;
  /** The sidecars, native ones first: catalogue entries, or `Sidecar.container()` for other native sidecars. */
  readonly sidecars: Call[];
}

/**
 * Takes the catalogue sidecars out of a pod spec: the native ones at the front of the init
 * containers, the classic ones at the end of the containers. Undefined when the pod has none.
 */
export function catalogueSidecars(spec: any, pod: Omit<SidecarPod, 'volumes' | 'containers' | 'initContainers' | 'securityContext'>): CataloguePod | undefined {
  const inits: any[] = spec.initContainers ?? [];
  const containers: any[] = spec.containers ?? [];
  const info: SidecarPod = { ...pod, volumes: spec.volumes ?? [], containers, initContainers: inits, securityContext: spec.securityContext };
  const natives: Array<{ call: Call; found?: RecognisedSidecar }> = [];
  let n = 0;
  while (n < inits.length && inits[n]?.restartPolicy === 'Always') {
    const found = recogniseSidecar(inits[n], true, info);
    natives.push({ call: found?.call ?? sidecarContainerCall(inits[n]), found });
    n++;
  }
  const classics: RecognisedSidecar[] = [];
  let m = containers.length;
  while (m > 1) {
    const found = recogniseSidecar(containers[m - 1], false, info);
    if (!found) {
      break;
    }
    classics.unshift(found);
    m--;
  }
  const found = [...natives.map((x) => x.found).filter((x): x is RecognisedSidecar => x !== undefined), ...classics];
  if (found.length === 0) {
    return undefined;
  }
  let volumes = [...(spec.volumes ?? [])];
  let rest = inits.slice(n);
  let mains = containers.slice(0, m);
  let securityContext = spec.securityContext ? { ...spec.securityContext } : undefined;
  for (const f of found) {
    for (const v of f.volumes) {
      const at = volumes.findIndex((x) => sameData(x, v));
      if (at < 0) return undefined;
      volumes.splice(at, 1);
    }
    for (const c of f.initContainers) {
      const at = rest.findIndex((x) => sameData(x, c));
      if (at < 0) return undefined;
      rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    }
    for (const mount of f.appVolumeMounts) {
      mains = mains.map((c) => {
        const list: any[] = c.volumeMounts ?? [];
        const kept = list.filter((x) => !sameData(x, mount));
        return kept.length === list.length ? c : kept.length > 0 ? { ...c, volumeMounts: kept } : withoutKey(c, 'volumeMounts');
      });
    }
    for (const [k, v] of Object.entries(f.podSecurityContext)) {
      if (securityContext && sameData(securityContext[k], v)) {
        delete securityContext[k];
      }
    }
  }
  const out: any = {
    ...spec,
    containers: mains,
    initContainers: rest.length > 0 ? rest : undefined,
    volumes: volumes.length > 0 ? volumes : undefined,
  };
  if (securityContext && Object.keys(securityContext).length > 0) {
    out.securityContext = securityContext;
  } else {
    delete out.securityContext;
  }
  for (const k of ['initContainers', 'volumes']) {
    if (out[k] === undefined) delete out[k];
  }
  return { spec: out, sidecars: [...natives.map((x) => x.call), ...classics.map((x) => x.call)] };
}

function sidecarContainerCall(c: any): Call {
  return libCall('Sidecar', 'container', [toProps('Container', withoutKey(c, 'restartPolicy'), ValueStyle.PLAIN).value, libRef('SidecarMode', 'NATIVE')]);
}
