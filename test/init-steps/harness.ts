/**
 * Runs generated init-step scripts for real: the exact script string from the synthesized
 * manifest (or from `_bind`), in three shells:
 *
 * - `sh`: this machine's sh (dash), its tools first, busybox applets filling gaps (nc, nslookup);
 * - `busybox sh`: busybox applets only, like the busybox image;
 * - `busybox 1.28`: busybox applets only, but `timeout` behaves as in busybox before 1.30 (only
 *   `timeout -t SECS PROG`; `timeout SECS PROG` fails): the Kubernetes docs use busybox:1.28.
 *
 * Listeners, fakes and files are the test's own, on 127.0.0.1 and in a temp folder.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { InitPod, InitStep } from '../../src';
import { kubeletExpandedBytes } from '../../src/shell';
import { newChart, only, synth } from '../util';

export const busybox = findTool('busybox');
export const inCi = process.env.CI === 'true';
export const work = fs.mkdtempSync(path.join(os.tmpdir(), 'init-step-scripts-'));
const applets = busybox ? linkApplets(busybox, 'busybox-bin', []) : undefined;
const applets128 = busybox ? linkApplets(busybox, 'busybox-1.28-bin', ['timeout']) : undefined;

export interface Variant {
  readonly label: string;
  readonly argv: string[];
  readonly path: string;
}

export const variants: Variant[] = [
  { label: 'sh', argv: [findTool('sh') ?? '/bin/sh', '-c'], path: [process.env.PATH, applets].filter(Boolean).join(':') },
];
if (busybox && applets && applets128) {
  variants.push({ label: 'busybox sh', argv: [busybox, 'sh', '-c'], path: applets });
  variants.push({ label: 'busybox 1.28', argv: [busybox, 'sh', '-c'], path: applets128 });
} else {
  // Not a skip: the sh variant still runs; CI fails in the test of init-step-scripts.test.ts.
  console.log(`busybox is not installed (${inCi ? 'CI: failing' : 'local run'}): only the 'sh' variant runs; install it with 'apt-get install -y busybox' to run the scripts in busybox sh too.`);
}

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** A variable the kubelet gives every container of a cluster with the default Service `kubernetes`. */
export const SERVICE_ENV = { KUBERNETES_SERVICE_HOST: '10.96.0.1' };

/**
 * What the kubelet makes of a string of `command`, `args` or an env `value` before the container
 * starts: `$$` becomes `$`, `$(NAME)` the value of a variable it knows (else it stays). A port of
 * kubernetes third_party/forked/golang/expansion/expand.go `Expand` and `tryReadVariableName`.
 */
export function kubeletExpand(input: string, vars: { [name: string]: string }): string {
  // The library's byte-level port (src/shell.ts, used for the E2BIG sizes), read back as UTF-8: a
  // `$` before a character outside ASCII comes out as the 1.32 kubelet writes it, which is not
  // valid UTF-8 (hostile-values.test.ts kubelet132 checks those bytes).
  const bytes = new Map(Object.entries(vars).map(([name, value]) => [name, Buffer.from(value, 'utf8')]));
  return kubeletExpandedBytes(Buffer.from(input, 'utf8'), bytes).toString('utf8');
}

/** The variables the kubelet expands a container's command with: its literal env values, expanded in order, and the Services'. */
export function kubeletVars(container: any): { [name: string]: string } {
  const vars: { [name: string]: string } = { ...SERVICE_ENV };
  for (const e of container.env ?? []) {
    if (typeof e.value === 'string') {
      vars[e.name] = kubeletExpand(e.value, vars);
    }
  }
  return vars;
}

/**
 * The `sh -c` script of a step as its shell gets it: taken from the synthesized manifest of an
 * InitPod, then expanded as the kubelet does (kubeletExpand).
 */
export function scriptOf(step: InitStep, filesMountPath = '/config'): string {
  const chart = newChart();
  new InitPod(chart, 'p', { initSteps: [step], filesMountPath, containers: [{ name: 'app', image: 'app:1' }] });
  const container = only(synth(chart), 'Pod').spec.initContainers[0];
  expect(container.command.slice(0, 2)).toEqual(['sh', '-c']);
  return kubeletExpand(container.command[2], kubeletVars(container));
}

/** The init container of a step bound to a pod named 'p' (for steps that add ConfigMaps). */
export function containerOf(step: InitStep, filesMountPath = '/config'): any {
  const binding = step._bindWithProblems({ filesVolumeName: 'init-files', filesMountPath, podName: 'p' });
  expect(binding.problems).toEqual([]);
  expect(binding.container.command!.slice(0, 2)).toEqual(['sh', '-c']);
  return binding.container;
}

export interface RunOptions {
  /** Environment variables besides PATH (the container's env). */
  readonly env?: { [name: string]: string };
  /** Folders put on PATH before the variant's (fakes). */
  readonly pathFirst?: string[];
  /** Called with the child once started (e.g. to send it a signal). */
  readonly started?: (pid: number) => void;
}

/** Runs a script without blocking the event loop (the test's servers must keep answering). */
export function run(variant: Variant, script: string, options: RunOptions = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const env = { ...options.env, PATH: [...(options.pathFirst ?? []), variant.path].join(':') };
    const child = spawn(variant.argv[0], [...variant.argv.slice(1), script], { env, cwd: work });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const guard = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('spawn', () => options.started?.(child.pid!));
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** Whether a tool is on a variant's PATH. */
export function hasTool(variant: Variant, tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { env: { PATH: variant.path } }).status === 0;
}

/** Whether a tool the step needs is available; prints why not (a failure in CI). */
export function needs(variant: Variant, tool: string): boolean {
  if (hasTool(variant, tool)) {
    return true;
  }
  if (inCi) {
    throw new Error(`${tool} is not on PATH; .ci/run installs busybox, which provides it.`);
  }
  console.log(`${tool} is not on this machine and busybox is not installed: this case did not run. Install busybox to run it.`);
  return false;
}

export function findTool(tool: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${tool}`]);
  const found = r.stdout?.toString().trim();
  return r.status === 0 && found ? found : undefined;
}

/**
 * A directory with one symlink per busybox applet: a PATH like the busybox image's. Applets in
 * `as128` are replaced by how busybox before 1.30 behaves: `timeout` only takes `-t SECS`.
 */
function linkApplets(bin: string, dirName: string, as128: string[]): string {
  const dir = path.join(work, dirName);
  fs.mkdirSync(dir);
  const list = spawnSync(bin, ['--list']).stdout.toString().split('\n').filter(Boolean);
  for (const applet of list) {
    if (as128.includes(applet)) {
      continue;
    }
    fs.symlinkSync(bin, path.join(dir, applet));
  }
  if (as128.includes('timeout')) {
    fakeTool(dir, 'timeout', [
      '# busybox 1.28: "timeout [-t SECS] [-s SIG] PROG ARGS"; "timeout SECS PROG" runs SECS as the program',
      'if [ "$1" != -t ]; then echo "timeout: can\'t execute \'$1\': No such file or directory" >&2; exit 127; fi',
      `shift; secs=$1; shift; exec ${bin} timeout "$secs" "$@"`,
    ]);
  }
  return dir;
}

/** Writes an executable `#!/bin/sh` fake of a tool into `dir`. */
export function fakeTool(dir: string, tool: string, lines: string[]): void {
  const file = path.join(dir, tool);
  fs.writeFileSync(file, ['#!/bin/sh', ...lines, ''].join('\n'));
  fs.chmodSync(file, 0o755);
}

/** A PATH folder with only these tools of the variant (an image that lacks the others). */
export function onlyTools(variant: Variant, tools: string[]): string {
  const dir = tempDir('only');
  for (const tool of tools) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { env: { PATH: variant.path } }).stdout.toString().trim();
    fs.symlinkSync(found, path.join(dir, tool));
  }
  return dir;
}

/** A fresh folder under the test's temp folder. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(work, `${prefix}-`));
}

export function listenTcp(port: number, onConnection?: (s: net.Socket) => void, allowHalfOpen = false): Promise<net.Server> {
  const server = net.createServer({ allowHalfOpen }, (socket) => {
    socket.on('error', () => undefined);
    if (onConnection) {
      onConnection(socket);
    } else {
      socket.resume();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** A TCP listener that accepts every connection and never answers nor closes it (until closed). */
export async function listenSilent(): Promise<{ server: net.Server; port: number; stop: () => Promise<void> }> {
  const sockets: net.Socket[] = [];
  const server = await listenTcp(0, (s) => sockets.push(s), true);
  return {
    server,
    port: portOf(server),
    stop: async () => {
      sockets.forEach((s) => s.destroy());
      await close(server);
    },
  };
}

export function listenHttp(answer: (req: http.IncomingMessage) => [number, string]): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const [status, text] = answer(req);
    res.writeHead(status, { 'content-type': 'text/plain', 'connection': 'close' });
    res.end(text);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export function portOf(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}

export async function freePort(): Promise<number> {
  const server = await listenTcp(0);
  const port = portOf(server);
  await close(server);
  return port;
}

export function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    (server as any).closeAllConnections?.();
    server.close(() => resolve());
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What a recording fake saw on each call. */
export interface FakeCalls {
  /** The arguments of each call, in order. */
  readonly args: string[][];
  /** The watched environment variables of the last call ('<unset>' when unset). */
  readonly env: { [name: string]: string };
  /** Process ids of the calls. */
  readonly pids: number[];
}

/**
 * A fake of `tool` in a fresh folder (put it first on PATH): it records its arguments, the
 * environment variables named in `watch`, and its pid, then runs `behaviour` (sh, with `$n` the
 * call's number, 1 for the first, and the tool's arguments as `$@`). Ending the behaviour with
 * `exec sleep 100` makes a tool that hangs (its pid stays the recorded one).
 */
export function recordingFake(tool: string, watch: string[], behaviour: string): { dir: string; calls: () => FakeCalls } {
  const dir = tempDir(`fake-${tool}`);
  const log = path.join(dir, 'log');
  fs.mkdirSync(log);
  fakeTool(dir, tool, [
    `n=$(($(ls ${log} | wc -l) / 2 + 1))`,
    `{ echo "$$"; for a in "$@"; do printf '%s\\0' "$a"; done; } > ${log}/$n.args`,
    `{ ${watch.map((w) => `printf '%s=%s\\0' ${w} "\${${w}-<unset>}"`).join('; ') || ':'}; } > ${log}/$n.env`,
    behaviour,
  ]);
  return {
    dir,
    calls: () => {
      const files = fs.readdirSync(log).filter((f) => f.endsWith('.args')).sort((a, b) => parseInt(a) - parseInt(b));
      const parsed = files.map((f) => {
        const text = fs.readFileSync(path.join(log, f), 'utf8');
        const nl = text.indexOf('\n');
        return { pid: Number(text.slice(0, nl)), args: text.slice(nl + 1).split('\0').slice(0, -1) };
      });
      const last = files.length > 0 ? fs.readFileSync(path.join(log, files[files.length - 1].replace('.args', '.env')), 'utf8') : '';
      const env = Object.fromEntries(last.split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
      return { args: parsed.map((p) => p.args), pids: parsed.map((p) => p.pid), env };
    },
  };
}

/** Whether a process is still running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
