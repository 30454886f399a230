/**
 * What every init step of the catalogue shares: option checks, the one URL and host parser,
 * messages (`printf`, never `echo`), the bounded retry loop, and the kernel's limit on one
 * argument. One file per step sits beside this one; `InitStep` (src/init-step.ts) holds the
 * static factories.
 *
 * @internal
 */
import { isIPv4, isIPv6 } from 'net';
import type { k8s } from 'cdk8s-plus-28';
import type { InitStepBinding, InitStepContext, InitStepOptions } from '../init-step';
import type { Container, EnvVar } from '../k8s-types';
import { Problems, show } from '../problems';
import { optionTokenProblems, readPropsInto, TOKEN_PROBLEM } from '../props';
import { kubeletExpandedBytes, kubeletLiteral, kubeletUnescaped, shellQuote } from '../shell';
import { dns1123Label } from '../validation/names';

/** The image generated busybox steps run in when none is given. */
export const DEFAULT_IMAGE = 'busybox:1.36';
/** Seconds a step keeps trying by default. */
export const DEFAULT_TIMEOUT = 300;
/** Seconds between two attempts by default. */
export const DEFAULT_INTERVAL = 2;
/** Longest single attempt of a wait step, in seconds (then it is cut and retried). */
export const WAIT_ATTEMPT_SECONDS = 10;
/** The largest number of seconds a step accepts (int32, like the Kubernetes timeouts). */
export const MAX_SECONDS = 2147483647;
/**
 * Linux limits one argument (and one `NAME=value` environment string) of `execve` to 32 pages,
 * 131072 bytes with the terminating NUL (`MAX_ARG_STRLEN`); longer fails with E2BIG.
 */
export const MAX_ARG_STRLEN = 131072;
/**
 * This library's bound on a step's arguments and environment together: Linux refuses `execve`
 * with E2BIG beyond ARG_MAX (a quarter of the stack limit: 2 MiB with the usual 8 MiB), counting
 * every string with its NUL and a pointer to it; the kubelet adds variables of its own (service
 * links, `KUBERNETES_*`, `HOSTNAME`) and the image its `PATH`, so 128 KiB is left for them.
 */
export const MAX_ARG_TOTAL = 2 * 1024 * 1024 - 128 * 1024;

/** What a catalogue entry builds: the step's name and how it binds to a pod. */
export interface StepSpec {
  readonly name: string;
  readonly writesFiles: boolean;
  /** The file the step writes, relative to the shared files volume. */
  readonly writes?: string;
  /** The files the step needs, relative to the shared files volume (checkRequired). */
  readonly reads?: readonly string[];
  /** Absolute files the step needs while it does not mount the shared files volume (checkRequired). */
  readonly readsUnmounted?: readonly string[];
  bind(context: InitStepContext): InitStepBinding;
}

/** The resolved common options. */
export interface Settings {
  readonly image: string;
  readonly timeout: number;
  readonly interval: number;
}

// ---- option checks ----

// Labels of letters, digits, '_' and '-' (not at either end): DNS takes '_' (`_grpc`, old S3
// bucket hosts such as `my_bucket.s3.amazonaws.com`), and every fetcher reads it as part of the host.
const HOST_NAME = /^(?=.{1,253}\.?$)[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
const FILE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;
const SHA256 = /^[0-9a-fA-F]{64}$/;
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reports keys of an options object that its interface does not have, at any depth (Kubernetes
 * structs included), with the nearest valid name: plain JavaScript, `as any` and spread configs
 * would otherwise drop a misspelt option without a word. Wrong types are left to the step's own
 * checks, which name the fix.
 */
export function checkKeys(typeName: string, options: unknown, errors: string[]): void {
  if (options === undefined || options === null || typeof options !== 'object') {
    return;
  }
  const problems = new Problems();
  readPropsInto(typeName, options, '', problems);
  errors.push(...problems.messages.filter((m) => / is not a field of /.test(m)).map((m) => m.replace(/: is not a field of/, ' is not a field of').replace(/\.$/, '')));
  // A token where the script is written from the value: reported alone for its field (see fail).
  errors.push(...optionTokenProblems(problems, options, 'the step'));
  // A Sidecar, an InitStep, ... inside a Kubernetes struct of the options (envVars: [step]).
  errors.push(...problems.messages.filter((m) => m.includes(' (a class of this library), but ')).map((m) => m.replace(/\.$/, '')));
  // One object, a map or a string where a list of Kubernetes objects goes (envVars: { A: '1' }): the
  // step would iterate it. (A list of strings, env and files, is the step's own to report.)
  errors.push(...problems.messages.filter((m) => /^\w+: /.test(m) && / takes a list of \w+ objects\b/.test(m) && !m.includes(' (a class of this library), but '))
    .map((m) => m.replace(/\.$/, '')));
}

/** Checks a number of seconds: a whole number between 1 and MAX_SECONDS. */
export function checkSeconds(field: string, value: unknown, errors: string[]): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    errors.push(`${field}: ${show(value)} must be a whole number of seconds, at least 1`);
  } else if (value > MAX_SECONDS) {
    errors.push(`${field}: ${show(value)} is more than ${MAX_SECONDS} seconds (about 68 years); give at most ${MAX_SECONDS}, so the script's arithmetic and sleep stay exact in every shell`);
  }
  return value as number;
}

/** Checks the options every generated step has; returns them resolved. */
export function checkOptions(options: InitStepOptions, errors: string[], defaultImage = DEFAULT_IMAGE): Settings {
  const timeout = checkSeconds('timeoutSeconds', options.timeoutSeconds ?? DEFAULT_TIMEOUT, errors);
  const interval = checkSeconds('intervalSeconds', options.intervalSeconds ?? DEFAULT_INTERVAL, errors);
  checkName(options.name, errors);
  const image = options.image ?? defaultImage;
  if (typeof image !== 'string' || image.trim() === '' || image !== image.trim()) {
    errors.push(`image: ${show(image)} must be an image reference without surrounding spaces (e.g. '${defaultImage}')`);
  }
  return { image, timeout, interval };
}

/** Checks a step name given by the user (an RFC 1123 label, as container names are). */
export function checkName(name: unknown, errors: string[], field = 'name'): void {
  if (name === undefined) {
    return;
  }
  if (typeof name !== 'string') {
    errors.push(`${field}: ${show(name)} must be a string`);
    return;
  }
  const problem = dns1123Label(name);
  if (problem) {
    errors.push(`${field}: ${show(name)} ${problem}`);
  }
}

/**
 * Checks a host name or IP address for `nc`, `nslookup`, `pg_isready`, `mysqladmin`: DNS names
 * (letters, digits, '_', '-', '.'), dotted-decimal IPv4, or IPv6 without brackets. A name whose last
 * label is a number must be a dotted-decimal IPv4 address: `010.0.0.1` or `1234` are read as
 * octal or as one 32-bit number by some resolvers and as names by others.
 */
export function checkHost(field: string, host: unknown, errors: string[]): boolean {
  const problem = hostProblem(host, false);
  if (problem) {
    errors.push(`${field}: ${show(host)} ${problem}`);
    return false;
  }
  return true;
}

export function hostProblem(host: unknown, bracketedIpv6: boolean): string | undefined {
  const generic = "must be a host name (letters, digits, '_', '-' and '.', e.g. 'mysql' or 'mysql.db.svc.cluster.local') or an IP address";
  if (typeof host !== 'string') {
    return generic;
  }
  if (bracketedIpv6 && host.startsWith('[') && host.endsWith(']')) {
    return isIPv6(host.slice(1, -1)) && !host.includes('%') ? undefined : `${generic}; between '[' and ']' only an IPv6 address (without a zone) goes`;
  }
  if (!bracketedIpv6 && host.includes(':')) {
    return isIPv6(host) && !host.includes('%') ? undefined : generic;
  }
  if (!HOST_NAME.test(host)) {
    if (/^[A-Za-z0-9_.-]+$/.test(host)) {
      // The characters are right: say which length rule breaks.
      const long = host.replace(/\.$/, '').split('.').find((l) => l.length > 63);
      if (long !== undefined) {
        return `has a label of ${long.length} characters (${show(long.length > 40 ? `${long.slice(0, 40)}...` : long)}); a host name's labels have at most 63`;
      }
      const length = host.replace(/\.$/, '').length;
      if (length > 253) {
        return `has ${length} characters; a host name has at most 253 (a trailing root '.' aside)`;
      }
    }
    return generic;
  }
  const labels = host.replace(/\.$/, '').split('.');
  const last = labels[labels.length - 1];
  if (/^[0-9]+$/.test(last) || /^0[xX]/.test(last)) {
    if (!isIPv4(host) || labels.some((l) => l.length > 1 && l.startsWith('0'))) {
      return "looks like an IPv4 address but is not four decimal numbers from 0 to 255 without leading zeros, which resolvers read differently (as octal, hexadecimal or one 32-bit number); write it as such (e.g. '10.0.0.7')";
    }
  }
  return undefined;
}

/** An http(s) URL as this library reads it: the parts every fetcher agrees on. */
export interface HttpUrl {
  readonly scheme: 'http' | 'https';
  /** The host as written (brackets kept for IPv6). */
  readonly host: string;
  readonly port?: number;
  /** Everything after the authority: '' or '/...' (path and query). */
  readonly rest: string;
}

/**
 * Parses an http(s) URL once, with a grammar narrow enough that every fetcher the steps use
 * (busybox `wget`, the AWS CLI) and WHATWG parsers read the same host, port and path from it.
 * Rejected, each with its own message: other schemes, whitespace and control characters,
 * non-ASCII characters (sent as raw bytes by some fetchers, percent-encoded or punycoded by
 * others), `\` (a WHATWG parser reads it as '/', busybox `wget` as part of the host: in
 * `http://token:1\@other/` that sends the request, with `token:1\` as Basic credentials, to
 * `other`), credentials, a `#` fragment (sent to the server by busybox `wget`, dropped by
 * others), a query without a path, bad ports, and hosts that are not names or IP addresses.
 */
export function parseHttpUrl(field: string, url: unknown, errors: string[], options: { allowPath?: boolean } = {}): HttpUrl | undefined {
  const allowPath = options.allowPath ?? true;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url) || /[\s\x00-\x1f\x7f]/.test(url)) {
    errors.push(`${field}: ${show(url)} must be an absolute http:// or https:// URL without spaces or control characters (e.g. 'https://example.com/config.json')`);
    return undefined;
  }
  if (/[^\x00-\x7f]/.test(url)) {
    errors.push(`${field}: ${show(url)} contains non-ASCII characters, which fetchers send differently (raw UTF-8 bytes, or percent-encoded and punycoded); write the host in punycode (xn--...) and percent-encode the rest`);
    return undefined;
  }
  if (url.includes('\\')) {
    errors.push(`${field}: ${show(url)} contains '\\', which fetchers read differently (a WHATWG parser as '/', busybox wget as part of the host, so the request can go to another host); write '/' or percent-encode it as %5C`);
    return undefined;
  }
  const m = /^(https?):\/\/([^/?#]*)(.*)$/.exec(url)!;
  const scheme = m[1] as 'http' | 'https';
  const authority = m[2];
  const rest = m[3];
  if (authority.includes('@')) {
    errors.push(`${field}: ${show(url)} contains credentials, which would be written in clear text into the manifest; use a pre-signed URL or a command step that reads a Secret`);
    return undefined;
  }
  if (authority.startsWith('[') && !authority.includes(']')) {
    errors.push(`${field}: ${show(url)}: its '[' is not closed; an IPv6 address goes between '[' and ']' (e.g. '${scheme}://[::1]:8080/')`);
    return undefined;
  }
  if (!authority.startsWith('[') && /:.*:/.test(authority)) {
    errors.push(`${field}: ${show(url)}: its host and port ${show(authority)} have more than one ':'; an IPv6 address goes between '[' and ']' (e.g. '${scheme}://[::1]:8080/')`);
    return undefined;
  }
  const problems: string[] = [];
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(authority);
  const host = hp?.[1] ?? authority;
  const portText = hp?.[2];
  const hostProblemText = hostProblem(host, true);
  if (host === '') {
    problems.push(`its host ${show(host)} is empty; write the server's name after '//'`);
  } else if (hostProblemText) {
    // The URL is shown in full already: a long host is shortened here.
    problems.push(`its host ${host.length > 80 ? show(`${host.slice(0, 40)}...`) : show(host)} ${hostProblemText}`);
  }
  let port: number | undefined;
  if (portText !== undefined) {
    port = /^[1-9][0-9]{0,4}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535)) {
      problems.push(`its port ${show(portText)} must be a number from 1 to 65535 without leading zeros`);
    }
  }
  if (rest.includes('#')) {
    problems.push("it has a '#' fragment, which busybox wget sends to the server and other fetchers drop; remove it");
  } else if (rest !== '' && !rest.startsWith('/')) {
    problems.push(`it has ${show(rest)} right after the host; start the path with '/' (e.g. '${scheme}://${authority}/${rest}')`);
  } else if (!allowPath && rest !== '' && rest !== '/') {
    problems.push(`it has a path or query (${show(rest)}); give only scheme, host and port`);
  } else {
    // busybox wget (and Go's net/http) send a '.' or '..' segment as written; GNU wget, curl
    // (git) and browsers remove it, so two fetchers would read two paths (on S3, two keys). Written
    // %2e, every fetcher sends it as written (only WHATWG parsers resolve it): accepted.
    const dots = rest.split(/[?]/)[0].split('/').find((segment) => segment === '.' || segment === '..');
    if (dots !== undefined) {
      problems.push(`its path has the segment ${show(dots)}, which fetchers read differently (busybox wget and Go send it as written, GNU wget, curl and browsers `
        + "resolve it to another path); write the path without '.' and '..' segments");
    }
  }
  if (problems.length > 0) {
    errors.push(`${field}: ${show(url)}: ${problems.join('; ')}`);
    return undefined;
  }
  return { scheme, host, port, rest };
}

/** A name given as plain text (a user or database name): not empty, no control characters. */
export function checkText(field: string, value: unknown, errors: string[]): void {
  if (value !== undefined && (typeof value !== 'string' || value === '' || /[\x00-\x1f\x7f]/.test(value))) {
    errors.push(`${field}: ${show(value)} must be a non-empty string without control characters`);
  }
}

/** Checks a relative file path inside the shared files volume. */
export function checkFilePath(field: string, path: unknown, errors: string[]): void {
  if (typeof path !== 'string' || !FILE_PATH.test(path) || path.split('/').some((s) => s === '.' || s === '..')) {
    errors.push(`${field}: ${show(path)} must be a relative file path inside the shared files volume, made of letters, digits, '.', '_', '-' and '/', without '.' or '..' segments (e.g. 'config.json')`);
  }
}

/** Checks an optional SHA-256 option. */
export function checkSha256(value: unknown, errors: string[]): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || !SHA256.test(value)) {
    errors.push(`sha256: ${show(value)} must be 64 hexadecimal digits (the output of 'sha256sum FILE')`);
    return undefined;
  }
  return value.toLowerCase();
}

/**
 * The variables the shell sets itself (POSIX's, and busybox sh's RANDOM, SHLVL, EPOCHSECONDS and
 * EPOCHREALTIME, which replace a value from the environment), and `LC_ALL` (the scripts run
 * `LC_ALL=C awk`): a template or checked variable of such a name would not hold the value given.
 */
export const SHELL_VARIABLES: readonly string[] = [
  'EPOCHREALTIME', 'EPOCHSECONDS', 'IFS', 'LC_ALL', 'LINENO', 'OLDPWD', 'OPTARG', 'OPTIND', 'PATH', 'PPID', 'PS1', 'PS2', 'PS4', 'PWD', 'RANDOM', 'SHLVL',
];

/**
 * Checks a name a POSIX shell can read as `$NAME` (environment variables the scripts read), and
 * not one the step's script (`scriptVariables`: an environment variable of that name is exported,
 * so the script's assignment would replace it) or the shell (SHELL_VARIABLES) sets itself.
 * test/init-steps/reserved-names.test.ts checks each step's list against its script.
 */
export function checkShellName(field: string, name: unknown, errors: string[], scriptVariables: readonly string[] = []): boolean {
  if (typeof name !== 'string' || !SHELL_NAME.test(name)) {
    errors.push(`${field}: ${show(name)} must be a shell variable name (letters, digits and '_', not starting with a digit), so the script can read it as "$NAME" without eval`);
    return false;
  }
  if (scriptVariables.includes(name) || SHELL_VARIABLES.includes(name)) {
    errors.push(`${field}: ${show(name)} is a variable the step's script or its shell sets itself, which would replace your value before it is read; rename it (e.g. ${show(`APP_${name.toUpperCase()}`)})`);
    return false;
  }
  return true;
}

/** Checks that a value is a Secret key reference `{ name, key }` (plain JavaScript is not typed). */
export function checkSecretKeySelector(field: string, value: unknown, errors: string[]): k8s.SecretKeySelector | undefined {
  if (value === undefined) {
    return undefined;
  }
  const v = value as any;
  if (v === null || typeof v !== 'object' || Array.isArray(v) || typeof v.key !== 'string' || v.key === '' || typeof v.name !== 'string' || v.name === '') {
    errors.push(`${field}: ${show(value)} must be a Secret key reference { name: 'SECRET', key: 'KEY' }; credentials are never written into the manifest`);
    return undefined;
  }
  return { name: v.name, key: v.key, ...(v.optional !== undefined ? { optional: v.optional } : {}) };
}

/** Throws one error for a step's problems: `<subject>: <problem>.` or a list. */
export function fail(subject: string, errors: string[]): void {
  // A field given a token or a class of this library is reported once, as that, not also for the
  // value it is not (nor for the fields inside it).
  const whole = (e: string) => e.includes(`: ${TOKEN_PROBLEM} `) || e.includes(' (a class of this library), but ');
  const fields = errors.filter(whole).map((e) => e.slice(0, e.indexOf(': ')));
  if (fields.length > 0) {
    // ... nor for the object or list holding it when that problem only quotes the token back
    // (passwordSecret: {"key":a cdk8s token (Lazy)} ...); a misspelt key is always named.
    const fieldOf = (e: string) => e.slice(0, e.search(/[: ]/));
    const knockOn = (e: string) => !e.includes(' is not a field of ') && fields.some((t) => [':', '.', '['].some((c) => e.startsWith(`${t}${c}`)
      || (t.startsWith(`${fieldOf(e)}${c}`) && e.includes('a cdk8s token ('))));
    errors = errors.filter((e) => whole(e) || !knockOn(e));
  }
  // A message that ends in its own '?' ("did you mean port?") gets no '.' after it.
  const end = (e: string) => (/[.?!]$/.test(e) ? '' : '.');
  if (errors.length === 1) {
    throw new Error(`${subject}: ${errors[0]}${end(errors[0])}`);
  }
  if (errors.length > 1) {
    throw new Error(`${subject} has ${errors.length} problems:\n    - ${errors.join(';\n    - ')}${end(errors[errors.length - 1])}`);
  }
}

/** `prefix-target` as a container name: lowercase, other characters as '-', at most 63. */
export function defaultName(prefix: string, target: string): string {
  const slug = target.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${prefix}-${slug}`.slice(0, 63).replace(/-+$/, '');
}

// ---- script pieces ----

/** The value of a shell variable in a message: `{ v: 'url' }` prints "$url". */
export interface ShellVariable {
  readonly v: string;
}

/** A part of a message: literal text, or the value of a shell variable. */
export type Part = string | ShellVariable;

/** An exit code of an attempt that can never succeed, and what the step then says. */
export interface FatalExit {
  readonly code: number;
  readonly message: Part[];
}

/**
 * One `printf` line. Literal text goes into the format with '%' and '\' escaped; variables are
 * `%s` arguments. `echo` is never used: dash's `echo` reads `\c`, `\n`, ... in its arguments, so a
 * path or URL with a backslash would print something else (or stop the line).
 */
export function say(parts: Part[], stderr = false): string {
  let format = '';
  const args: string[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      format += p.replace(/\\/g, '\\\\').replace(/%/g, '%%');
    } else {
      format += '%s';
      args.push(`"$${p.v}"`);
    }
  }
  return ['printf', shellQuote(`${format}\\n`), ...args].join(' ') + (stderr ? ' >&2' : '');
}

/** `NAME=value` lines for the values a script uses more than once (each written once). */
export function assign(vars: Array<[string, string]>): string[] {
  return vars.map(([name, value]) => `${name}=${shellQuote(value)}`);
}

/** Fails at once, naming the first tool the image lacks. */
export function requireTools(name: string, suggestedImage: string, tools: string[]): string[] {
  return [
    `for tool in ${tools.join(' ')}; do`,
    `  command -v "$tool" >/dev/null 2>&1 || { printf '%s%s%s\\n' ${shellQuote(`${name}: the image has no `)} "$tool" ${shellQuote(`; use ${suggestedImage} or an image that has it`)} >&2; exit 1; }`,
    'done',
  ];
}

/** The retry loop of a step. */
export interface RetrySpec extends Settings {
  readonly name: string;
  /** The image to suggest when a tool is missing. @default DEFAULT_IMAGE */
  readonly suggestImage?: string;
  /** Shell variables set before the loop (values shell-quoted). */
  readonly vars?: Array<[string, string]>;
  /** Programs the step needs; checked first so a wrong image fails clearly. */
  readonly tools: string[];
  /** Lines run once before the first attempt (after the tools check and the variables). */
  readonly prepare?: string[];
  readonly start: Part[];
  /**
   * One attempt: ONE simple command (no `;`, `&&`, `|`), run in the background so that its
   * process id is the program's own and the guard can kill it.
   */
  readonly attempt: string;
  /** Longest single attempt in seconds (also bounded by the deadline). @default - the seconds left */
  readonly attemptSeconds?: number;
  /** Exit codes of an attempt that can never succeed: the step stops at once with that message. */
  readonly fatal?: FatalExit[];
  /** Run after a failed attempt, and when the step exits or is stopped (e.g. remove a partial file). */
  readonly cleanup?: string;
  readonly failure: Part[];
  readonly success?: Part[];
}

/**
 * A bounded retry loop that needs no `timeout` program (busybox before 1.30 has only
 * `timeout -t SECS`, and the Kubernetes docs use busybox 1.28). Each attempt runs in the
 * background; a guard subshell counts the seconds left (or the attempt limit) in steps of
 * `sleep 1`, stops as soon as the attempt is gone, and kills the attempt when the time is up. So
 * every attempt ends by the deadline, whatever the tool does with its own timeouts (busybox
 * `nc -w` bounds only the connect) or with TERM (`mysqladmin` only sets a flag: a second later
 * the guard sends KILL). Once the attempt ends, the guard is stopped with TERM; if
 * that signal is lost (it can reach the guard between fork and the reset of the inherited trap,
 * measured: 1 run in about 60), the guard still ends within a second by itself, so nothing is
 * left running. The step exits 1 with `failure` at the deadline, sleeps never pass it, and
 * SIGTERM (the pod being deleted; `sh` as PID 1 would ignore it otherwise) stops the attempt
 * and exits, also between attempts (the pause is a background `sleep` the shell waits for, so
 * the trap runs at once).
 */
export function retryScript(s: RetrySpec): string {
  const lines = [
    ...requireTools(s.name, s.suggestImage ?? DEFAULT_IMAGE, ['date', 'sleep', ...s.tools]),
    ...assign(s.vars ?? []),
    'pid=; guard=',
    'trap \'kill "$pid" "$guard" 2>/dev/null; exit 143\' TERM INT HUP',
  ];
  if (s.cleanup) {
    lines.push(`trap ${shellQuote(s.cleanup)} EXIT`);
  }
  lines.push(
    ...(s.prepare ?? []),
    say([`${s.name}: `, ...s.start]),
    `end=$(($(date +%s) + ${s.timeout}))`,
    'while :; do',
    '  left=$((end - $(date +%s)))',
    `  if [ "$left" -le 0 ]; then ${say([`${s.name}: `, ...s.failure], true)}; exit 1; fi`,
  );
  if (s.attemptSeconds !== undefined) {
    lines.push(`  if [ "$left" -gt ${s.attemptSeconds} ]; then left=${s.attemptSeconds}; fi`);
  }
  lines.push(
    `  ${s.attempt} &`,
    '  pid=$!',
    '  (i=0; while [ "$i" -lt "$left" ]; do sleep 1; kill -0 "$pid" || exit 0; i=$((i + 1)); done; kill "$pid"; sleep 1; kill -9 "$pid") >/dev/null 2>&1 &',
    '  guard=$!',
    '  wait "$pid"; rc=$?',
    '  kill "$guard" 2>/dev/null; wait "$guard" 2>/dev/null; pid=; guard=',
    '  if [ "$rc" -eq 0 ]; then break; fi',
  );
  for (const f of s.fatal ?? []) {
    lines.push(`  if [ "$rc" -eq ${f.code} ]; then ${s.cleanup ? `${s.cleanup}; ` : ''}${say([`${s.name}: `, ...f.message], true)}; exit 1; fi`);
  }
  if (s.cleanup) {
    lines.push(`  ${s.cleanup}`);
  }
  lines.push(
    '  left=$((end - $(date +%s)))',
    `  if [ "$left" -gt 0 ]; then sleep $((left < ${s.interval} ? left : ${s.interval})) & pid=$!; wait "$pid"; pid=; fi`,
    'done',
  );
  if (s.success) {
    lines.push(say([`${s.name}: `, ...s.success]));
  }
  return lines.join('\n');
}

/**
 * Lines that check a downloaded or rendered file's SHA-256 and move it into place. The sum is
 * read from stdin (`sha256sum < FILE`): with a file name, `sha256sum` escapes names holding '\'
 * or a newline and `sha256sum -c` then fails on a correct file.
 */
export function verifyAndMove(name: string, sha256: string | undefined, what: Part[]): string[] {
  const lines: string[] = [];
  if (sha256) {
    lines.push(
      'sum=$(sha256sum < "$part") || exit 1',
      'sum=${sum%% *}',
      `if [ "$sum" != ${sha256} ]; then`,
      '  rm -f "$part"',
      `  ${say([`${name}: the SHA-256 of `, ...what, ` is not ${sha256}; `, { v: 'file' }, ' was not written'], true)}`,
      '  exit 1',
      'fi',
    );
  }
  lines.push('mv "$part" "$file" || exit 1', say([`${name}: wrote `, { v: 'file' }]));
  return lines;
}

/** Where a step writes a file in the shared volume: the file, its partial file and its folder. */
export function filesIn(context: InitStepContext, path: string): { file: string; part: string; dir: string } {
  const file = `${context.filesMountPath === '/' ? '' : context.filesMountPath}/${path}`;
  return { file, part: `${file}.part`, dir: file.slice(0, file.lastIndexOf('/')) || '/' };
}

/** The mount of the shared files volume. */
export function filesMount(context: InitStepContext): k8s.VolumeMount {
  return { name: context.filesVolumeName, mountPath: context.filesMountPath };
}

/**
 * Problems with what the kernel will be asked to run: an argument or an environment string over
 * MAX_ARG_STRLEN, or all of them over MAX_ARG_TOTAL, makes the container fail to start with E2BIG.
 */
export function argumentProblems(container: Container, hint: string): string[] {
  const problems: string[] = [];
  const e2big = 'so the container would fail to start with E2BIG (argument list too long)';
  let total = 0;
  // The sizes the process gets: env values as the kubelet expands them, in order, with the
  // literal values before them ($(A)$(A) is twice A); a value from a Secret or a ConfigMap is
  // not known here and stays as written.
  const vars = new Map<string, Buffer>();
  const env = (container.env ?? []).map((e) => {
    if (typeof e.value !== 'string' || e.value === '') {
      // No value: the kubelet sets the variable to "" (then a later $(NAME) is ""), or to the
      // Secret's or ConfigMap's value; that, and a token's, is unknown here (a later $(NAME) stays as written).
      const unset = e.value === undefined || e.value === null || e.value === '';
      if (unset && (e.valueFrom === undefined || e.valueFrom === null)) {
        vars.set(e.name, Buffer.alloc(0));
      } else {
        vars.delete(e.name);
      }
      return e.value === '' ? Buffer.alloc(0) : undefined;
    }
    const value = kubeletExpandedBytes(Buffer.from(e.value, 'utf8'), vars);
    vars.set(e.name, value);
    return value;
  });
  // A NUL cannot be passed at all: the runtime hands arguments and environment strings to exec as
  // C strings (Go: syscall.ByteSliceFromString refuses a NUL with EINVAL).
  const nul = 'holds a NUL character (U+0000), which no argument or environment string can carry (the container runtime passes them as C strings), '
    + 'so the container would fail to start; remove it';
  for (const field of ['command', 'args'] as const) {
    (container[field] ?? []).forEach((arg, i) => {
      const expanded = kubeletExpandedBytes(Buffer.from(arg, 'utf8'), vars);
      const bytes = expanded.length + 1;
      total += bytes + 8;
      const what = field === 'command' && i === 2 && container.command?.[1] === '-c' ? 'the script' : 'the argument';
      if (expanded.includes(0)) {
        problems.push(`${field}[${i}]: ${what} ${nul}`);
      }
      if (bytes > MAX_ARG_STRLEN) {
        problems.push(`${field}[${i}]: ${what} is ${bytes - 1} bytes; Linux limits one argument to ${MAX_ARG_STRLEN} bytes with its terminating NUL (MAX_ARG_STRLEN), ${e2big}; ${hint}`);
      }
    });
  }
  // The kubelet keeps the last entry of a name (makeEnvironmentVariables: `tmpEnv[envVar.Name] = runtimeVal`).
  const last = new Map((container.env ?? []).map((e, i) => [e.name, i]));
  (container.env ?? []).forEach((e, i) => {
    // A token's value is known only at synth: its size is not checked here.
    const value = env[i];
    if (value !== undefined && last.get(e.name) === i) {
      const bytes = Buffer.byteLength(`${e.name}=`, 'utf8') + value.length + 1;
      total += bytes + 8;
      if (value.includes(0)) {
        problems.push(`env[${i}] (${e.name}): the value ${nul}`);
      }
      if (bytes > MAX_ARG_STRLEN) {
        const expanded = value.equals(Buffer.from(kubeletUnescaped(e.value as string), 'utf8')) ? ''
          : (e.value as string).includes('$(') ? ' (after the kubelet expands its $(NAME) references)'
            : ' (as the 1.32 kubelet writes it: a $ before a non-ASCII character there comes out one byte longer)';
        problems.push(`env[${i}] (${e.name}): the value is ${bytes - 1} bytes with its name${expanded}; Linux limits one environment string to ${MAX_ARG_STRLEN} bytes with its terminating NUL (MAX_ARG_STRLEN), ${e2big}; ${hint}`);
      }
    }
  });
  if (problems.length === 0 && total > MAX_ARG_TOTAL) {
    problems.push(`the arguments and environment values total ${total} bytes (with their NULs and pointers); Linux allows about 2 MiB for all of them together (ARG_MAX), and this library keeps 128 KiB of it for the variables the kubelet and the image add, ${e2big}; ${hint}`);
  }
  return problems;
}

/**
 * An `sh -c` container of a step. The script is written so that the kubelet's `$(NAME)` and `$$`
 * expansion leaves it as generated (`kubeletLiteral`): a user value in it reaches the shell as checked.
 */
export function shContainer(name: string, image: string, script: string, extra: Partial<Container> = {}): Container {
  return { name, image, command: ['sh', '-c', kubeletLiteral(script)], ...extra };
}

/** Environment variables for Secret references (`valueFrom.secretKeyRef`), skipping unset ones. */
export function secretEnv(entries: Array<[string, k8s.SecretKeySelector | undefined]>): EnvVar[] {
  return entries
    .filter((e): e is [string, k8s.SecretKeySelector] => e[1] !== undefined)
    .map(([name, ref]) => ({ name, valueFrom: { secretKeyRef: ref } }));
}
