import { InitStep, InitStepContext, TemplateEscape } from '../init-step';
import { toManifest } from '../k8s-values';
import { kubeletUnescaped } from '../shell';
import { Call, libCall, libRef, Value } from './code';
import { InputObject } from './parse';
import { plain, toProps, ValueStyle } from './schema';

/**
 * Recognising init steps and sidecars of the library's catalogues in existing containers: by
 * their image and arguments. A container is only written as a catalogue entry when that entry,
 * built with the values read from the container, renders exactly the same container; otherwise it
 * stays a container of its own (`initContainers`, `InitStep.container()`, `Sidecar.container()`).
 * The steps write every `$` the kubelet would expand in command, args and their own env values as
 * `$$` (`kubeletLiteral`): the values are read as the container gets them (`kubeletUnescaped`),
 * and the factory's output is compared with the container as written.
 *
 * @internal
 */

/** What a recognised step needs from the pod. */
export interface StepPod {
  readonly podName: string;
  readonly namespace?: string;
  /** The ConfigMaps written right before the pod in the input (a step's generated ConfigMap is one). */
  readonly configMaps?: InputObject[];
}

/** A recognised init step. */
export interface RecognisedStep {
  /** `InitStep.waitForTcp('mysql', 3306)`. */
  readonly call: Call;
  /** The shared files volume the step writes to, when it writes files. */
  readonly files?: { readonly name: string; readonly mountPath: string };
  /** Other volumes the step adds to the pod (as manifest JSON). */
  readonly volumes?: any[];
  /** The input ConfigMap the step writes beside the pod. */
  readonly configMap?: InputObject;
}

/** A container as props (L1 TypeScript names, plain quantities). */
export function containerProps(c: any): Value {
  return toProps('Container', c, ValueStyle.PLAIN).value;
}

/** `Sidecar.container({ ... }, SidecarMode.NATIVE)` for a container of one's own. */
export function sidecarCall(c: any, native: boolean): Call {
  const props = containerProps(native ? withoutKey(c, 'restartPolicy') : c);
  return libCall('Sidecar', 'container', [props, native ? libRef('SidecarMode', 'NATIVE') : undefined]);
}

/** `InitStep.container({ ... })` for an init container of one's own. */
export function initStepContainerCall(c: any): Call {
  return libCall('InitStep', 'container', [containerProps(c)]);
}

/** The object without one key. */
export function withoutKey(o: any, key: string): any {
  const out = { ...o };
  delete out[key];
  return out;
}

/** Whether two JSON values are equal as data (key order aside). */
export function sameData(a: any, b: any): boolean {
  if (a === b) {
    return true;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  if (Array.isArray(a)) {
    return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameData(a[k], b[k]));
}

/**
 * The words of a shell script, unquoted (single quotes, `'\''` escapes), and the values of the
 * `name=value` assignments among them (`url=https://...`).
 */
function shellWords(script: string): string[] {
  const words: string[] = [];
  for (const m of script.matchAll(/(?:'[^']*'|\\'|[^\s;|&<>()"'`$])+/g)) {
    const word = m[0].replace(/'([^']*)'/g, '$1').replace(/\\'/g, "'");
    words.push(word);
    const assignment = /^[A-Za-z_][A-Za-z0-9_]*=(.+)$/.exec(word);
    if (assignment) {
      words.push(assignment[1]);
    }
  }
  return words;
}

const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^[0-9A-Fa-f:.]+:[0-9A-Fa-f:.]*$/;

/** The script of a `sh -c` container, if it is one, as the shell gets it (each `$$` the kubelet reads as `$`). */
function scriptOf(c: any): string | undefined {
  const cmd = c.command;
  if (Array.isArray(cmd) && cmd.length === 3 && cmd[0] === 'sh' && cmd[1] === '-c' && typeof cmd[2] === 'string' && c.args === undefined) {
    return kubeletUnescaped(cmd[2]);
  }
  return undefined;
}

/** Whole numbers in a script, as candidates for timeouts and intervals. */
function integers(words: string[]): number[] {
  const out = new Set<number>();
  for (const w of words) {
    for (const m of w.matchAll(/\d+/g)) {
      const n = Number(m[0]);
      if (n > 0 && n < 1e7) {
        out.add(n);
      }
    }
  }
  return [...out];
}

/** Option sets to try, fewest options first: defaults, then each timeout, then timeout and interval. */
function timings(numbers: number[]): Array<{ timeoutSeconds?: number; intervalSeconds?: number }> {
  const out: Array<{ timeoutSeconds?: number; intervalSeconds?: number }> = [{}];
  for (const t of numbers) {
    out.push({ timeoutSeconds: t });
  }
  for (const i of numbers) {
    out.push({ intervalSeconds: i });
  }
  for (const t of numbers) {
    for (const i of numbers) {
      out.push({ timeoutSeconds: t, intervalSeconds: i });
    }
  }
  return out;
}

/** The step's container in a pod, as manifest JSON (undefined when the step cannot be built). */
function render(build: () => InitStep, context: InitStepContext): any {
  try {
    return toManifest('Container', build()._bind(context).container);
  } catch {
    return undefined;
  }
}

/**
 * Tries a factory with more and more options until its step renders exactly `c`: the options
 * found, or undefined. `name` and `image` are added when the step's defaults differ from `c`'s.
 */
function fit(
  c: any,
  context: InitStepContext,
  numbers: number[],
  build: (options: any) => InitStep,
): any | undefined {
  for (const timing of timings(numbers)) {
    const options: any = { ...timing };
    const first = render(() => build(options), context);
    if (first === undefined) {
      continue;
    }
    if (first.name !== c.name) {
      options.name = c.name;
    }
    if (first.image !== c.image) {
      options.image = c.image;
    }
    const rendered = first.name === c.name && first.image === c.image ? first : render(() => build(options), context);
    if (rendered !== undefined && sameData(rendered, c)) {
      return options;
    }
  }
  return undefined;
}

/** Options as the last argument: undefined when empty, keys in a readable order. */
function optionsArg(options: any, base: { [key: string]: any } = {}): Value {
  const order = [...Object.keys(base), 'name', 'image', 'timeoutSeconds', 'intervalSeconds', 'sha256'];
  const all = { ...base, ...options };
  const out: { [k: string]: Value } = {};
  for (const k of order) {
    if (all[k] !== undefined && !(k in out)) {
      out[k] = optionValue(k, all[k]);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The Kubernetes structs of the steps' options, for their props spelling. */
const OPTION_STRUCTS: { [key: string]: string } = {
  userSecret: 'SecretKeySelector', passwordSecret: 'SecretKeySelector', volumeMounts: 'VolumeMount', envFrom: 'EnvFromSource', envVars: 'EnvVar',
};

function optionValue(key: string, value: any): Value {
  if (key === 'credentials' && value !== null && typeof value === 'object') {
    const out: { [k: string]: Value } = {};
    for (const k of Object.keys(value)) {
      out[k] = toProps('SecretKeySelector', value[k], ValueStyle.PLAIN).value;
    }
    return out;
  }
  const struct = OPTION_STRUCTS[key];
  if (!struct) {
    return plain(value);
  }
  return Array.isArray(value) ? value.map((v) => toProps(struct, v, ValueStyle.PLAIN).value) : toProps(struct, value, ValueStyle.PLAIN).value;
}

/** The value (as the container gets it: each `$$` is `$`) or secret reference of an env var the step writes. */
function envOf(c: any, name: string): { value?: string; secret?: any } {
  const e = (c.env ?? []).find((x: any) => x?.name === name);
  return { value: typeof e?.value === 'string' ? kubeletUnescaped(e.value) : undefined, secret: e?.valueFrom?.secretKeyRef };
}

/** The value of a `name=value` word of the script. */
function assigned(words: string[], name: string): string | undefined {
  return words.find((w) => w.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** The database readiness steps: `pg_isready` and `mysqladmin ping`. */
function recogniseDatabaseWait(c: any, script: string, context: InitStepContext, numbers: number[]): RecognisedStep | undefined {
  const pg = /pg_isready -h (\S+) -p (\d+) -t (\d+)/.exec(script);
  if (pg) {
    const [host, port, connectTimeout] = [pg[1], Number(pg[2]), Number(pg[3])];
    const user = envOf(c, 'PGUSER');
    const database = envOf(c, 'PGDATABASE').value;
    const base: { [key: string]: any } = {
      ...(port !== 5432 ? { port } : {}),
      ...(user.value !== undefined ? { user: user.value } : {}),
      ...(user.secret !== undefined ? { userSecret: user.secret } : {}),
      ...(database !== undefined ? { database } : {}),
      ...(connectTimeout !== 5 ? { connectTimeoutSeconds: connectTimeout } : {}),
    };
    const options = fit(c, context, numbers, (o) => InitStep.waitForPostgres(host, { ...base, ...o }));
    return options ? { call: libCall('InitStep', 'waitForPostgres', [host, optionsArg(options, base)]) } : undefined;
  }
  const my = /mysqladmin ping --protocol=tcp -h (\S+) -P (\d+) --connect-timeout=(\d+)/.exec(script);
  if (my) {
    const [host, port, connectTimeout] = [my[1], Number(my[2]), Number(my[3])];
    const user = envOf(c, 'DB_USER');
    const password = envOf(c, 'MYSQL_PWD').secret;
    const base: { [key: string]: any } = {
      ...(port !== 3306 ? { port } : {}),
      ...(user.value !== undefined ? { user: user.value } : {}),
      ...(user.secret !== undefined ? { userSecret: user.secret } : {}),
      ...(password !== undefined ? { passwordSecret: password } : {}),
      ...(connectTimeout !== 5 ? { connectTimeoutSeconds: connectTimeout } : {}),
    };
    const options = fit(c, context, numbers, (o) => InitStep.waitForMysql(host, { ...base, ...o }));
    return options ? { call: libCall('InitStep', 'waitForMysql', [host, optionsArg(options, base)]) } : undefined;
  }
  return undefined;
}

/** `InitStep.checkRequired({ env, files, ... })`: the environment variables and files it checks, read from its tests. */
function recogniseCheckRequired(c: any, script: string, context: InitStepContext): RecognisedStep | undefined {
  if (!/^missing=$/m.test(script)) {
    return undefined;
  }
  const env = [...script.matchAll(/^\[ -n "\$\{([A-Za-z_][A-Za-z0-9_]*):-\}" \]/gm)].map((m) => m[1]);
  const files = [...script.matchAll(/^\[ -e ('(?:[^']|'\\'')*'|\S+) \]/gm)].map((m) => m[1].replace(/^'(.*)'$/s, '$1').replace(/'\\''/g, "'"));
  const filesMount = (c.volumeMounts ?? [])[0];
  const prefix = `${context.filesMountPath.replace(/\/+$/, '')}/`;
  const variants = [files];
  if (filesMount?.name === context.filesVolumeName && files.some((f) => f.startsWith(prefix))) {
    variants.unshift(files.map((f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f)));
  }
  for (const fileList of variants) {
    const relative = fileList.some((f) => !f.startsWith('/'));
    const mounts = (c.volumeMounts ?? []).slice(relative ? 1 : 0);
    const base: { [key: string]: any } = {
      ...(env.length > 0 ? { env } : {}),
      ...(fileList.length > 0 ? { files: fileList } : {}),
      ...(c.env !== undefined ? { envVars: c.env } : {}),
      ...(c.envFrom !== undefined ? { envFrom: c.envFrom } : {}),
      ...(mounts.length > 0 ? { volumeMounts: mounts } : {}),
    };
    // Without a relative file the step mounts no files volume: its own mounts (a Secret's folder)
    // say nothing of where the pod keeps that volume, which the generated pod leaves at '/config'.
    const options = fit(c, relative ? context : { ...context, filesMountPath: '/config' }, [], (o) => InitStep.checkRequired({ ...base, ...o }));
    if (options) {
      return {
        call: libCall('InitStep', 'checkRequired', [optionsArg(options, base)]),
        files: relative ? { name: context.filesVolumeName, mountPath: context.filesMountPath } : undefined,
      };
    }
  }
  return undefined;
}

/** `InitStep.renderTemplate(template, path, { ... })`: the template from its ConfigMap (or inline), the variables from the env. */
function recogniseRenderTemplate(c: any, script: string, words: string[], pod: StepPod): RecognisedStep | undefined {
  const esc = /-v esc=(json|none) /.exec(script)?.[1];
  const mounts: any[] = c.volumeMounts ?? [];
  const file = assigned(words, 'file');
  if (!esc || !/\bawk\b/.test(script) || mounts.length === 0 || file === undefined) {
    return undefined;
  }
  const filesMount = mounts[0];
  const context: InitStepContext = {
    filesVolumeName: filesMount.name,
    filesMountPath: filesMount.mountPath,
    podName: pod.podName,
    namespace: pod.namespace,
  };
  const prefix = `${String(filesMount.mountPath).replace(/\/+$/, '')}/`;
  if (!file.startsWith(prefix)) {
    return undefined;
  }
  const path = file.slice(prefix.length);
  const inlineVar = (c.env ?? []).find((e: any) => e?.name === 'INIT_TEMPLATE');
  let template: string | undefined = typeof inlineVar?.value === 'string' ? kubeletUnescaped(inlineVar.value) : undefined;
  let configMap: InputObject | undefined;
  let configMapName: string | undefined;
  if (template === undefined) {
    const templateMount = mounts.find((m) => m.mountPath === '/etc/init-template');
    configMap = (pod.configMaps ?? []).find((o) => typeof o.object.data?.template === 'string'
      && (o.object.metadata.namespace ?? undefined) === (pod.namespace ?? undefined)
      && templateMount !== undefined);
    template = configMap?.object.data.template;
    configMapName = configMap?.object.metadata.name;
  }
  if (template === undefined) {
    return undefined;
  }
  const variables = (c.env ?? []).filter((e: any) => e?.name !== 'INIT_TEMPLATE');
  const escape = esc === 'json' ? TemplateEscape.JSON_STRING : undefined;
  const base: { [key: string]: any } = {
    ...(variables.length > 0 ? { variables } : {}),
    ...(escape ? { escape } : {}),
    ...(inlineVar ? { inline: true } : {}),
  };
  const options = fit(c, context, [], (o) => {
    const named = o.name ?? defaultStepName(path);
    const cmName = configMapName !== undefined && configMapName !== `${pod.podName}-${named}` ? { configMapName } : {};
    return InitStep.renderTemplate(template!, path, { ...base, ...cmName, ...o });
  });
  if (!options) {
    return undefined;
  }
  const named = options.name ?? defaultStepName(path);
  const extra: { [key: string]: any } = configMapName !== undefined && configMapName !== `${pod.podName}-${named}` ? { configMapName } : {};
  const bound = InitStep.renderTemplate(template, path, { ...base, ...extra, ...options })._bind(context);
  if (configMap && !sameData(configMap.object.data, (bound.configMaps ?? [])[0]?.data)) {
    return undefined;
  }
  const code: { [key: string]: Value } = {};
  if (base.variables) code.variables = base.variables.map((v: any) => toProps('EnvVar', v, ValueStyle.PLAIN).value);
  if (escape) code.escape = libRef('TemplateEscape', 'JSON_STRING');
  if (base.inline) code.inline = true;
  if (extra.configMapName) code.configMapName = extra.configMapName;
  const rest = optionsArg(options) as { [key: string]: Value } | undefined;
  const all = { ...code, ...(rest ?? {}) };
  return {
    call: libCall('InitStep', 'renderTemplate', [template, path, Object.keys(all).length > 0 ? all : undefined]),
    files: { name: context.filesVolumeName, mountPath: context.filesMountPath },
    volumes: (bound.volumes ?? []).map((v) => toManifest('Volume', v)),
    configMap,
  };
}

/** The default name of a step writing `path` (`render-app-json` for `app.json`). */
function defaultStepName(path: string): string {
  const slug = (path.split('/').pop() ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `render-${slug}`.slice(0, 63).replace(/-+$/, '');
}

/** `InitStep.downloadFromS3(bucket, key, path, { ... })`: `aws s3 cp` into the shared files volume. */
function recogniseS3Download(c: any, script: string, words: string[], context: InitStepContext, numbers: number[]): RecognisedStep | undefined {
  const source = /^s3:\/\/([^/]+)\/(.+)$/s.exec(assigned(words, 'source') ?? '');
  const file = assigned(words, 'file');
  const prefix = `${context.filesMountPath.replace(/\/+$/, '')}/`;
  if (!source || !file?.startsWith(prefix) || !/aws s3 cp/.test(script)) {
    return undefined;
  }
  const id = envOf(c, 'AWS_ACCESS_KEY_ID').secret;
  const secret = envOf(c, 'AWS_SECRET_ACCESS_KEY').secret;
  const token = envOf(c, 'AWS_SESSION_TOKEN').secret;
  const region = /--region (\S+)/.exec(script)?.[1];
  const endpointUrl = assigned(words, 'endpoint');
  const sha256 = /\b[0-9a-f]{64}\b/i.exec(script)?.[0];
  const base: { [key: string]: any } = {
    ...(region !== undefined ? { region } : {}),
    ...(endpointUrl !== undefined ? { endpointUrl } : {}),
    ...(id && secret ? { credentials: { accessKeyId: id, secretAccessKey: secret, ...(token ? { sessionToken: token } : {}) } } : {}),
    ...(sha256 !== undefined ? { sha256 } : {}),
  };
  const path = file.slice(prefix.length);
  const options = fit(c, context, numbers, (o) => InitStep.downloadFromS3(source[1], source[2], path, { ...base, ...o }));
  return options ? {
    call: libCall('InitStep', 'downloadFromS3', [source[1], source[2], path, optionsArg(options, base)]),
    files: { name: context.filesVolumeName, mountPath: context.filesMountPath },
  } : undefined;
}

/**
 * The catalogue step that renders exactly this init container, if any: waits for TCP, DNS and
 * HTTP, downloads into the shared files volume.
 */
export function recogniseInitStep(c: any, pod: StepPod): RecognisedStep | undefined {
  const script = scriptOf(c);
  if (script === undefined) {
    return undefined;
  }
  const words = shellWords(script);
  const numbers = integers(words);
  const mount = Array.isArray(c.volumeMounts) && c.volumeMounts.length === 1 ? c.volumeMounts[0] : undefined;
  const context: InitStepContext = {
    filesVolumeName: mount?.name ?? 'init-files',
    filesMountPath: mount?.mountPath ?? '/config',
    podName: pod.podName,
    namespace: pod.namespace,
  };
  const urls = [...new Set(words.filter((w) => /^https?:\/\/\S+$/.test(w)))];
  const hosts = [...new Set(words.filter((w) => HOST.test(w) && !/^\d+$/.test(w)))];

  const database = mount === undefined ? recogniseDatabaseWait(c, script, context, numbers) : undefined;
  if (database) {
    return database;
  }
  const check = recogniseCheckRequired(c, script, context);
  if (check) {
    return check;
  }
  const rendered = recogniseRenderTemplate(c, script, words, pod);
  if (rendered) {
    return rendered;
  }
  if (mount !== undefined) {
    const s3 = recogniseS3Download(c, script, words, context, numbers);
    if (s3) {
      return s3;
    }
  }

  if (mount === undefined) {
    // waitForTcp(host, port): a host followed by a port.
    if (/\bnc\b/.test(script)) {
      for (let i = 0; i + 1 < words.length; i++) {
        const port = Number(words[i + 1]);
        if (!HOST.test(words[i]) || !/^\d+$/.test(words[i + 1]) || port < 1 || port > 65535) {
          continue;
        }
        const host = words[i];
        const options = fit(c, context, numbers, (o) => InitStep.waitForTcp(host, port, o));
        if (options) {
          return { call: libCall('InitStep', 'waitForTcp', [host, port, optionsArg(options)]) };
        }
      }
    }
    if (/\bnslookup\b|\bgetent\b/.test(script)) {
      for (const host of hosts) {
        const options = fit(c, context, numbers, (o) => InitStep.waitForDns(host, o));
        if (options) {
          return { call: libCall('InitStep', 'waitForDns', [host, optionsArg(options)]) };
        }
      }
    }
    for (const url of urls) {
      const options = fit(c, context, numbers, (o) => InitStep.waitForHttp(url, o));
      if (options) {
        return { call: libCall('InitStep', 'waitForHttp', [url, optionsArg(options)]) };
      }
    }
    return undefined;
  }

  // download(url, path): the file lands under the mount path of the shared files volume.
  const prefix = `${context.filesMountPath.replace(/\/+$/, '')}/`;
  const paths = [...new Set(words.filter((w) => w.startsWith(prefix)).map((w) => w.slice(prefix.length).replace(/\.part$/, '')))];
  const sha256 = /\b[0-9a-f]{64}\b/i.exec(script)?.[0];
  for (const url of urls) {
    for (const file of paths) {
      const options = fit(c, context, numbers, (o) => InitStep.download(url, file, sha256 ? { ...o, sha256 } : o));
      if (options) {
        return {
          call: libCall('InitStep', 'download', [url, file, optionsArg(sha256 ? { ...options, sha256 } : options)]),
          files: { name: context.filesVolumeName, mountPath: context.filesMountPath },
        };
      }
    }
  }
  return undefined;
}
