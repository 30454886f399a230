import { InitStep, InitStepContext } from '../init-step';
import { toManifest } from '../k8s-values';
import { Call, libCall, libRef, Value } from './code';
import { plain, toProps, ValueStyle } from './schema';

/**
 * Recognising init steps and sidecars of the library's catalogues in existing containers: by
 * their image and arguments. A container is only written as a catalogue entry when that entry,
 * built with the values read from the container, renders exactly the same container; otherwise it
 * stays a container of its own (`initContainers`, `InitStep.container()`, `Sidecar.container()`).
 *
 * @internal
 */

/** What a recognised step needs from the pod. */
export interface StepPod {
  readonly podName: string;
  readonly namespace?: string;
}

/** A recognised init step. */
export interface RecognisedStep {
  /** `InitStep.waitForTcp('mysql', 3306)`. */
  readonly call: Call;
  /** The shared files volume the step writes to, when it writes files. */
  readonly files?: { readonly name: string; readonly mountPath: string };
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

/** The script of a `sh -c` container, if it is one. */
function scriptOf(c: any): string | undefined {
  const cmd = c.command;
  if (Array.isArray(cmd) && cmd.length === 3 && cmd[0] === 'sh' && cmd[1] === '-c' && typeof cmd[2] === 'string' && c.args === undefined) {
    return cmd[2];
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
function optionsArg(options: any): Value {
  const order = ['name', 'image', 'timeoutSeconds', 'intervalSeconds', 'sha256'];
  const out: { [k: string]: Value } = {};
  for (const k of order) {
    if (options[k] !== undefined) {
      out[k] = plain(options[k]);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
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
