import type { Container, Volume } from './k8s-types';
import { show } from './problems';
import { shellQuote } from './shell';
import type { GeneratedConfigMapData } from './sidecar';
import { dns1123Label } from './validation/names';

/** The image generated steps run in when none is given: a pinned busybox (1.30+ for `timeout SECS`). */
const DEFAULT_IMAGE = 'busybox:1.36';
const DEFAULT_WAIT_TIMEOUT = 300;
const DEFAULT_INTERVAL = 2;

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;
const FILE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;
const SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Options shared by the generated init steps.
 */
export interface InitStepOptions {
  /**
   * Name of the init container.
   *
   * @default - derived from the target, e.g. `wait-for-mysql`, `download-config-json`
   */
  readonly name?: string;

  /**
   * Image the step runs in. It needs a POSIX `sh` and the busybox tools the step uses
   * (`timeout`, `date`, `sleep`, and `nc`, `nslookup` or `wget`); busybox 1.30 or later.
   *
   * @default 'busybox:1.36'
   */
  readonly image?: string;

  /**
   * Seconds the step keeps trying before it gives up and exits 1 (the pod shows `Init:Error`,
   * then Kubernetes restarts the step according to the pod's `restartPolicy`).
   *
   * @default 300
   */
  readonly timeoutSeconds?: number;

  /**
   * Seconds between two attempts.
   *
   * @default 2
   */
  readonly intervalSeconds?: number;
}

/**
 * Options of `InitStep.download()`.
 */
export interface DownloadOptions extends InitStepOptions {
  /**
   * Expected SHA-256 of the file (64 hex digits), checked with `sha256sum -c`; on a mismatch
   * the step exits 1 and the file is not written.
   *
   * @default - no checksum check
   */
  readonly sha256?: string;
}

/**
 * What a step needs from the pod it runs in.
 * @internal
 */
export interface InitStepContext {
  /** Name of the shared files volume. */
  readonly filesVolumeName: string;
  /** Where the shared files volume is mounted (absolute, no trailing '/'). */
  readonly filesMountPath: string;
  /** The name of the object the pod belongs to, for generated object names. */
  readonly podName?: string;
  /** Its namespace, for objects generated beside it. */
  readonly namespace?: string;
}

/**
 * Everything an init step adds to a pod.
 * @internal
 */
export interface InitStepBinding {
  /** The init container. */
  readonly container: Container;
  /** Volumes it needs besides the shared files volume. */
  readonly volumes?: Volume[];
  /** ConfigMaps to write beside the pod. */
  readonly configMaps?: GeneratedConfigMapData[];
}

type Renderer = (context: InitStepContext) => Container;

/**
 * One init step of an `InitPod`: it becomes one init container, run in the declared order.
 *
 * The generated steps are POSIX `sh` scripts that work in busybox images. Every value is
 * validated (host names, ports, URLs, paths, checksums) and shell-quoted, so no input can
 * inject shell. Waits and downloads give up after `timeoutSeconds` and exit 1 with a message,
 * so a missing dependency shows as `Init:Error` instead of a pod stuck in `Init:0/1` forever.
 */
export class InitStep {
  /**
   * Waits until `host:port` accepts a TCP connection (e.g. `InitStep.waitForTcp('mysql', 3306)`).
   *
   * Each attempt is `nc -w 5 HOST PORT </dev/null` under `timeout` (no `nc -z`: Debian's
   * busybox has none): it exits 0 once connected and the server closes, or after 5 s idle.
   */
  public static waitForTcp(host: string, port: number, options: InitStepOptions = {}): InitStep {
    const errors: string[] = [];
    checkHost('host', host, errors);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      errors.push(`port: ${show(port)} must be a port number between 1 and 65535`);
    }
    const settings = checkOptions(options, DEFAULT_WAIT_TIMEOUT, errors);
    fail('InitStep.waitForTcp', errors);
    const name = options.name ?? defaultName('wait-for', host);
    const target = `TCP ${host}:${port}`;
    const script = retryScript({
      name,
      start: `waiting up to ${settings.timeout} s for ${target}`,
      attempt: `nc -w 5 ${shellQuote(host)} ${port} </dev/null >/dev/null 2>&1`,
      failure: `timed out after ${settings.timeout} s: ${target} is not reachable`,
      success: `${target} is reachable`,
      tools: ['nc'],
      ...settings,
    });
    return new InitStep(name, false, () => ({ name, image: settings.image, command: ['sh', '-c', script] }));
  }

  /**
   * Waits until a name resolves (e.g. a Service: `InitStep.waitForDns('mysql')`).
   *
   * Uses `getent hosts` where the image has it (it resolves like the app will: `/etc/hosts`,
   * search domains), else busybox `nslookup`, which asks the DNS server only. Only exit codes
   * are used, never the output, which changes between busybox versions.
   */
  public static waitForDns(host: string, options: InitStepOptions = {}): InitStep {
    const errors: string[] = [];
    checkHost('host', host, errors);
    const settings = checkOptions(options, DEFAULT_WAIT_TIMEOUT, errors);
    fail('InitStep.waitForDns', errors);
    const stepName = options.name ?? defaultName('wait-for-dns', host);
    const script = [
      'if command -v getent >/dev/null 2>&1; then lookup="getent hosts"; else lookup=nslookup; fi',
      `command -v "\${lookup%% *}" >/dev/null 2>&1 || { echo ${shellQuote(`${stepName}: the image has neither getent nor nslookup; use ${DEFAULT_IMAGE} or an image that has one`)} >&2; exit 1; }`,
      retryScript({
        name: stepName,
        start: `waiting up to ${settings.timeout} s for ${host} to resolve`,
        attempt: `$lookup ${shellQuote(host)} >/dev/null 2>&1`,
        failure: `timed out after ${settings.timeout} s: ${host} does not resolve`,
        success: `${host} resolves`,
        tools: [],
        ...settings,
      }),
    ].join('\n');
    return new InitStep(stepName, false, () => ({ name: stepName, image: settings.image, command: ['sh', '-c', script] }));
  }

  /**
   * Waits until an `http://` or `https://` URL answers with a 2xx status (after redirects).
   *
   * Each attempt is `wget -q -O /dev/null URL` under `timeout`.
   */
  public static waitForHttp(url: string, options: InitStepOptions = {}): InitStep {
    const errors: string[] = [];
    const host = checkUrl('url', url, errors);
    const settings = checkOptions(options, DEFAULT_WAIT_TIMEOUT, errors);
    fail('InitStep.waitForHttp', errors);
    const name = options.name ?? defaultName('wait-for-http', host ?? 'url');
    const script = retryScript({
      name,
      start: `waiting up to ${settings.timeout} s for ${url}`,
      attempt: `wget -q -O /dev/null ${shellQuote(url)}`,
      failure: `timed out after ${settings.timeout} s: ${url} did not answer with a 2xx status`,
      success: `${url} answers`,
      tools: ['wget'],
      ...settings,
    });
    return new InitStep(name, false, () => ({ name, image: settings.image, command: ['sh', '-c', script] }));
  }

  /**
   * Downloads a URL into the pod's shared files volume, at `path` relative to its mount path
   * (e.g. `config.json` lands at `/config/config.json` by default), retrying until
   * `timeoutSeconds`. With `sha256`, the file is checked before it is moved into place.
   *
   * The volume is mounted into this step and into every main container of the pod.
   */
  public static download(url: string, path: string, options: DownloadOptions = {}): InitStep {
    const errors: string[] = [];
    checkUrl('url', url, errors);
    if (!FILE_PATH.test(path) || path.split('/').some((s) => s === '.' || s === '..')) {
      errors.push(`path: ${show(path)} must be a relative file path inside the shared files volume, made of letters, digits, '.', '_', '-' and '/', without '.' or '..' segments (e.g. 'config.json')`);
    }
    if (options.sha256 !== undefined && !SHA256.test(options.sha256)) {
      errors.push(`sha256: ${show(options.sha256)} must be 64 hexadecimal digits (the output of 'sha256sum FILE')`);
    }
    const settings = checkOptions(options, DEFAULT_WAIT_TIMEOUT, errors);
    fail('InitStep.download', errors);
    const name = options.name ?? defaultName('download', path.split('/').pop()!);
    const sha256 = options.sha256?.toLowerCase();
    return new InitStep(name, true, (context) => {
      const file = `${context.filesMountPath}/${path}`;
      const part = `${file}.part`;
      const dir = file.slice(0, file.lastIndexOf('/')) || '/';
      const lines = [
        `mkdir -p ${shellQuote(dir)}`,
        retryScript({
          name,
          start: `downloading ${url} to ${file}`,
          attempt: `wget -q -O ${shellQuote(part)} ${shellQuote(url)}`,
          failure: `timed out after ${settings.timeout} s: could not download ${url}`,
          success: '',
          tools: ['wget', ...(sha256 ? ['sha256sum'] : [])],
          ...settings,
        }),
      ];
      if (sha256) {
        lines.push(
          `if ! echo ${shellQuote(`${sha256}  ${part}`)} | sha256sum -c - >/dev/null; then`,
          `  rm -f ${shellQuote(part)}`,
          `  echo ${shellQuote(`${name}: the SHA-256 of ${url} is not ${sha256}; ${file} was not written`)} >&2`,
          '  exit 1',
          'fi',
        );
      }
      lines.push(`mv ${shellQuote(part)} ${shellQuote(file)}`, `echo ${shellQuote(`${name}: wrote ${file}`)}`);
      return {
        name,
        image: settings.image,
        command: ['sh', '-c', lines.join('\n')],
        volumeMounts: [{ name: context.filesVolumeName, mountPath: context.filesMountPath }],
      };
    });
  }

  /**
   * A plain step: runs `command` (exec form, no shell) in `image` to completion.
   */
  public static command(name: string, image: string, command: string[]): InitStep {
    const errors: string[] = [];
    if (command.length === 0) {
      errors.push('command: [] is empty; give the program and its arguments, e.g. [\'sh\', \'-c\', \'echo ready\']');
    }
    fail('InitStep.command', errors);
    return new InitStep(name, false, () => ({ name, image, command: [...command] }));
  }

  /**
   * Any init container of your own, as given; use it to put your own containers between
   * generated steps.
   */
  public static container(container: Container): InitStep {
    return new InitStep(container.name, false, () => container);
  }

  /** Name of the init container this step becomes. */
  public readonly name: string;

  /** Whether the step writes into the pod's shared files volume (downloads do). */
  public readonly writesFiles: boolean;

  private readonly renderer: Renderer;

  private constructor(name: string, writesFiles: boolean, renderer: Renderer) {
    this.name = name;
    this.writesFiles = writesFiles;
    this.renderer = renderer;
  }

  /**
   * The init container of this step in a pod.
   * @internal
   */
  public _render(context: InitStepContext): Container {
    return this.renderer(context);
  }

  /**
   * Everything this step adds to a pod.
   * @internal
   */
  public _bind(context: InitStepContext): InitStepBinding {
    return { container: this.renderer(context) };
  }
}

interface Settings {
  readonly image: string;
  readonly timeout: number;
  readonly interval: number;
}

interface RetryScript extends Settings {
  readonly name: string;
  readonly start: string;
  /** One attempt; it may use "$left", the seconds left before the deadline. */
  readonly attempt: string;
  readonly failure: string;
  readonly success: string;
  /** Programs the attempt needs besides `timeout`, checked first so a wrong image fails clearly. */
  readonly tools: string[];
}

/**
 * A bounded retry loop: each attempt runs under `timeout` with the seconds left, the step
 * exits 1 with `failure` once the deadline has passed, and sleeps never pass the deadline.
 */
function retryScript(s: RetryScript): string {
  const lines = [
    `for tool in timeout ${s.tools.join(' ')}; do`,
    `  command -v "$tool" >/dev/null 2>&1 || { echo ${shellQuote(`${s.name}: the image has no `)}"$tool"${shellQuote(`; use ${DEFAULT_IMAGE} or an image that has it`)} >&2; exit 1; }`,
    'done',
    `echo ${shellQuote(`${s.name}: ${s.start}`)}`,
    `end=$(($(date +%s) + ${s.timeout}))`,
    'while :; do',
    '  left=$((end - $(date +%s)))',
    `  if [ "$left" -le 0 ]; then echo ${shellQuote(`${s.name}: ${s.failure}`)} >&2; exit 1; fi`,
    `  if timeout "$left" ${s.attempt}; then break; fi`,
    '  left=$((end - $(date +%s)))',
    `  if [ "$left" -gt 0 ]; then sleep $((left < ${s.interval} ? left : ${s.interval})); fi`,
    'done',
  ];
  if (s.success) {
    lines.push(`echo ${shellQuote(`${s.name}: ${s.success}`)}`);
  }
  return lines.join('\n');
}

function checkOptions(options: InitStepOptions, defaultTimeout: number, errors: string[]): Settings {
  const timeout = options.timeoutSeconds ?? defaultTimeout;
  const interval = options.intervalSeconds ?? DEFAULT_INTERVAL;
  if (!Number.isInteger(timeout) || timeout < 1) {
    errors.push(`timeoutSeconds: ${show(timeout)} must be a whole number of seconds, at least 1`);
  }
  if (!Number.isInteger(interval) || interval < 1) {
    errors.push(`intervalSeconds: ${show(interval)} must be a whole number of seconds, at least 1`);
  }
  if (options.name !== undefined) {
    const problem = dns1123Label(options.name);
    if (problem) {
      errors.push(`name: ${show(options.name)} ${problem}`);
    }
  }
  const image = options.image ?? DEFAULT_IMAGE;
  if (image.trim() === '' || image !== image.trim()) {
    errors.push(`image: ${show(image)} must be an image reference without surrounding spaces (e.g. '${DEFAULT_IMAGE}')`);
  }
  return { image, timeout, interval };
}

function checkHost(field: string, host: string, errors: string[]): void {
  const isIpv6 = host.includes(':') && IPV6.test(host);
  if (!HOST_NAME.test(host) && !isIpv6) {
    errors.push(`${field}: ${show(host)} must be a host name (letters, digits, '-' and '.', e.g. 'mysql' or 'mysql.db.svc.cluster.local') or an IP address`);
  }
}

/** Checks an http(s) URL; returns its host name when valid. */
function checkUrl(field: string, url: string, errors: string[]): string | undefined {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || /[\s\x00-\x1f\x7f]/.test(url)) {
    errors.push(`${field}: ${show(url)} must be an absolute http:// or https:// URL without spaces or control characters (e.g. 'https://example.com/config.json')`);
    return undefined;
  }
  if (parsed.username || parsed.password) {
    errors.push(`${field}: ${show(url)} contains credentials, which would be written in clear text into the manifest; use a pre-signed URL or a command step that reads a Secret`);
    return undefined;
  }
  return parsed.hostname;
}

function fail(subject: string, errors: string[]): void {
  if (errors.length === 1) {
    throw new Error(`${subject}: ${errors[0]}.`);
  }
  if (errors.length > 1) {
    throw new Error(`${subject} has ${errors.length} problems:\n    - ${errors.join(';\n    - ')}.`);
  }
}

/** `prefix-target` as a container name: lowercase, other characters as '-', at most 63. */
function defaultName(prefix: string, target: string): string {
  const slug = target.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${prefix}-${slug}`.slice(0, 63).replace(/-+$/, '');
}
