/**
 * `InitStep.checkRequired(options)`: fail fast, listing every missing environment variable and file.
 *
 * @internal
 */
import { posix } from 'path';
import type { k8s } from 'cdk8s-plus-28';
import type { InitStepContext } from '../init-step';
import { show } from '../problems';
import { shellQuote } from '../shell';
import { argumentProblems, checkKeys, checkName, checkShellName, DEFAULT_IMAGE, fail, filesMount, shContainer, StepSpec } from './script';
import type { EnvVar } from '../k8s-types';

/**
 * Options of `InitStep.checkRequired()`.
 */
export interface CheckRequiredOptions {
  /**
   * Environment variables that must be set and not empty in the step. Give the step the same
   * sources as the app (`env`, `envFrom`), so it sees what the app will see.
   *
   * @default - no variable is checked
   */
  readonly env?: string[];

  /**
   * Files that must exist. A relative path is inside the pod's shared files volume (e.g.
   * `config.json`, written by an earlier download or template step); an absolute path must be
   * in the image or on a volume given in `volumeMounts`. The test is `[ -e PATH ]`: a folder of
   * that name counts too, so a folder can be checked (a `subPath` mount of a key that does not
   * exist is an empty folder to the kubelet: check the volume's own path instead).
   *
   * @default - no file is checked
   */
  readonly files?: string[];

  /**
   * Environment variables of the step (values, or references to Secrets and ConfigMaps).
   *
   * @default - none
   */
  readonly envVars?: EnvVar[];

  /**
   * Sources of environment variables of the step (whole Secrets or ConfigMaps).
   *
   * @default - none
   */
  readonly envFrom?: k8s.EnvFromSource[];

  /**
   * Volumes of the pod to mount in the step, for absolute `files`.
   *
   * @default - only the shared files volume, when a relative file is checked
   */
  readonly volumeMounts?: k8s.VolumeMount[];

  /**
   * Name of the init container.
   *
   * @default 'check-required'
   */
  readonly name?: string;

  /**
   * Image the step runs in (it needs `sh` and `[`).
   *
   * @default 'busybox:1.36'
   */
  readonly image?: string;
}

const ABSOLUTE_FILE = /^\/[^\x00]*$/;
const RELATIVE_FILE = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/**
 * A checkRequired step runs before the step that writes a file it checks: the files volume is an
 * empty emptyDir when the pod starts, so the check fails on every start (used by pods and Inject).
 */
export function checkedTooEarly(path: string, checkStep: string): string {
  return `path: ${show(path)} is checked by InitStep '${checkStep}', which runs before this step and would find it missing on every start (the files volume is empty when the pod starts); add the check after this step`;
}

/**
 * An absolute file of the files volume, checked by a step that does not mount the volume (it names
 * no relative file); undefined when the file is elsewhere (used by pods and Inject).
 */
export function unmountedFileProblem(path: string, step: string, filesMountPath: string): string | undefined {
  const file = posix.normalize(path);
  if (filesMountPath === '/' || !file.startsWith(`${filesMountPath}/`)) {
    return undefined;
  }
  return `initSteps: InitStep '${step}': files: ${show(path)} is in the shared files volume (filesMountPath ${show(filesMountPath)}), which this step mounts only when it names a file relative to it, so it would never find it; write ${show(file.slice(filesMountPath.length + 1))}.`;
}

/** Whether `path` is `mountPath` or inside it (`/data`, `/data/` and `/` as mount points). */
function isAtOrBelow(path: string, mountPath: unknown): boolean {
  if (typeof mountPath !== 'string') {
    return false;
  }
  // As the shell resolves them: `/config/creds/../other` is not on a mount at /config/creds.
  const file = posix.normalize(path);
  const base = posix.normalize(mountPath).replace(/\/+$/, '');
  return file === base || file.startsWith(`${base}/`);
}

/** The shell variables the script assigns (checked by test/init-steps/reserved-names.test.ts). */
export const CHECK_REQUIRED_VARIABLES: readonly string[] = ['missing'];

/**
 * A script of `[ -n "${NAME:-}" ]` and `[ -e FILE ]` tests that collects every missing one and
 * exits 1 with one line naming them all; no retries (a missing Secret key does not appear later).
 */
export function checkRequiredStep(options: CheckRequiredOptions): StepSpec {
  const errors: string[] = [];
  if (options === null || typeof options !== 'object') {
    fail('InitStep.checkRequired', [`options: ${show(options)} must be an object ({ env: [...], files: [...] })`]);
  }
  checkKeys('CheckRequiredOptions', options, errors);
  // A one-item list is the fix only for a value the list takes: one variable name, one file.
  const env = list('env', options.env, errors, (v) => checkShellName('env[0]', v, [], CHECK_REQUIRED_VARIABLES));
  const files = list('files', options.files, errors, (v) => fileProblem(v) === undefined);
  env.forEach((n, i) => checkShellName(`env[${i}]`, n, errors, CHECK_REQUIRED_VARIABLES));
  files.forEach((f, i) => {
    const problem = fileProblem(f);
    if (problem) {
      errors.push(`files[${i}]: ${problem}`);
    }
  });
  // (A value that is no list is reported as such, not as empty.)
  if (env.length + files.length === 0 && [options.env, options.files].every((v) => v === undefined || Array.isArray(v))) {
    errors.push('env and files: both are empty; name at least one environment variable or file to check');
  }
  checkName(options.name, errors);
  const image = options.image ?? DEFAULT_IMAGE;
  if (typeof image !== 'string' || image.trim() === '' || image !== image.trim()) {
    errors.push(`image: ${show(image)} must be an image reference without surrounding spaces (e.g. '${DEFAULT_IMAGE}')`);
  }
  fail('InitStep.checkRequired', errors);
  const name = options.name ?? 'check-required';
  const usesFilesVolume = files.some((f) => !f.startsWith('/'));
  const envVars = options.envVars ? [...options.envVars] : undefined;
  const envFrom = options.envFrom ? [...options.envFrom] : undefined;
  const mounts = options.volumeMounts ? [...options.volumeMounts] : [];
  return {
    name,
    writesFiles: usesFilesVolume,
    reads: files.filter((f) => !f.startsWith('/')),
    // Without a relative file the step does not mount the files volume: an absolute path into it is
    // never there, unless a volume of the step's own is mounted at or above it.
    readsUnmounted: usesFilesVolume ? [] : files.filter((f) => !mounts.some((m) => isAtOrBelow(f, m?.mountPath))),
    bind: (context: InitStepContext) => {
      const add = (what: string) => `missing="\${missing}\${missing:+, }"${shellQuote(what)}`;
      const lines = ['missing='];
      for (const n of env) {
        lines.push(`[ -n "\${${n}:-}" ] || ${add(`environment variable ${n}`)}`);
      }
      for (const f of files) {
        const path = f.startsWith('/') ? f : `${context.filesMountPath === '/' ? '' : context.filesMountPath}/${f}`;
        lines.push(`[ -e ${shellQuote(path)} ] || ${add(`file ${path}`)}`);
      }
      lines.push(
        `if [ -n "$missing" ]; then printf '%s: missing: %s\\n' ${name} "$missing" >&2; exit 1; fi`,
        `printf '%s\\n' ${shellQuote(`${name}: every required environment variable and file is present`)}`,
      );
      const volumeMounts = [...(usesFilesVolume ? [filesMount(context)] : []), ...mounts];
      const container = shContainer(name, image, lines.join('\n'), {
        ...(envVars ? { env: envVars } : {}),
        ...(envFrom ? { envFrom } : {}),
        ...(volumeMounts.length > 0 ? { volumeMounts } : {}),
      });
      return { container, problems: argumentProblems(container, 'check fewer files or shorter paths') };
    },
  };
}

function list(field: string, value: unknown, errors: string[], takes: (item: unknown) => boolean): any[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    errors.push(`${field}: ${show(value)} must be a list${typeof value === 'string' && takes(value) ? `; write [${show(value)}]` : ''}`);
    return [];
  }
  return value;
}

/** A file an init step writes or checks, with the step's name. */
export interface StepFile {
  readonly path: string;
  readonly step: string;
}

/**
 * The steps of a pod write distinct files (refused at synth otherwise): a second step writing the
 * same path would replace the first one's file without a word; a file that is a folder of
 * another step's path makes the later step fail (`mkdir: File exists`) or move its file into
 * that folder, on every start; and a check of a file written later never finds it.
 *
 * @param path the file the new step writes
 * @param reads the files the earlier steps check
 * @param writes the files the earlier steps write
 */
export function fileCollisionProblems(path: string, reads: readonly StepFile[], writes: readonly StepFile[]): string[] {
  const problems: string[] = [];
  for (const check of reads) {
    if (check.path === path && !writes.some((w) => w.path === path)) {
      problems.push(checkedTooEarly(path, check.step));
    }
  }
  for (const other of writes) {
    if (other.path === path) {
      problems.push(`path: ${show(path)} is also written by InitStep '${other.step}', whose file this step would replace; write another path, or remove one of the steps`);
    } else if (path.startsWith(`${other.path}/`) || other.path.startsWith(`${path}/`)) {
      const [file, inside] = path.startsWith(`${other.path}/`) ? [other.path, path] : [path, other.path];
      problems.push(`path: ${show(path)} collides with ${show(other.path)} of InitStep '${other.step}': ${show(file)} would be a file and the folder of ${show(inside)}, so on every start the later step fails (mkdir: File exists) or moves its file into that folder; write the file elsewhere`);
    } else if (isPartOf(path, other.path) || isPartOf(other.path, path)) {
      // Each step writes `<file>.part` (a file, or a folder for downloadFromS3) first, and removes it.
      const [part, of] = isPartOf(path, other.path) ? [path, other.path] : [other.path, path];
      problems.push(`path: ${show(path)} collides with ${show(other.path)} of InitStep '${other.step}': ${show(part)} is where the step writing ${show(of)} keeps its partial file and removes it, so one step's file would be moved or deleted by the other; write the file elsewhere`);
    }
  }
  return problems;
}

function isPartOf(path: string, of: string): boolean {
  return path === `${of}.part` || path.startsWith(`${of}.part/`);
}

/** Why a file of `files` cannot be checked, if it cannot. */
function fileProblem(f: unknown): string | undefined {
  return typeof f === 'string' && (ABSOLUTE_FILE.test(f) || (RELATIVE_FILE.test(f) && !f.split('/').some((s) => s === '.' || s === '..')))
    ? undefined
    : `${show(f)} must be an absolute path, or a relative path inside the shared files volume made of letters, digits, '.', '_', '-' and '/' without '.' or '..' segments`;
}
