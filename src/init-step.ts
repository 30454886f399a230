import { CheckRequiredOptions, checkRequiredStep } from './init-steps/check-required';
import { commandStep, containerStep } from './init-steps/command';
import { downloadStep } from './init-steps/download';
import { DownloadFromS3Options, downloadFromS3Step } from './init-steps/download-from-s3';
import { RenderTemplateOptions, renderTemplateStep } from './init-steps/render-template';
import { fail, StepSpec } from './init-steps/script';
import { waitForDnsStep } from './init-steps/wait-for-dns';
import { waitForHttpStep } from './init-steps/wait-for-http';
import { WaitForMysqlOptions, waitForMysqlStep } from './init-steps/wait-for-mysql';
import { WaitForPostgresOptions, waitForPostgresStep } from './init-steps/wait-for-postgres';
import { waitForTcpStep } from './init-steps/wait-for-tcp';
import type { Container, Volume } from './k8s-types';
import { kindOf } from './k8s-values';
import { show } from './problems';
import { checkWholeOptions, isBuiltIn, isCdk8sToken, namedThrow, readOptionsOnce, TOKEN_PROBLEM, tokenProblems } from './props';
import type { GeneratedConfigMapData } from './sidecar';

export { CheckRequiredOptions } from './init-steps/check-required';
export { DownloadFromS3Options, S3Credentials } from './init-steps/download-from-s3';
export { RenderTemplateOptions, TemplateEscape } from './init-steps/render-template';
export { WaitForMysqlOptions } from './init-steps/wait-for-mysql';
export { WaitForPostgresOptions } from './init-steps/wait-for-postgres';

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
   * Image the step runs in. It needs a POSIX `sh`, `date`, `sleep` and the step's tool (`nc`,
   * `nslookup` or `getent`, `wget`, `pg_isready`, `mysqladmin`, `aws`, ...). Any busybox works,
   * 1.28 included: the steps need no `timeout` program.
   *
   * @default 'busybox:1.36'; `waitForPostgres`: 'postgres:16.4-alpine'; `waitForMysql`:
   *   'mysql:8.4.3'; `downloadFromS3`: 'amazon/aws-cli:2.17.0'
   */
  readonly image?: string;

  /**
   * Seconds the step keeps trying before it gives up and exits 1 (the pod shows `Init:Error`,
   * then Kubernetes restarts the step according to the pod's `restartPolicy`); every attempt is
   * cut at this deadline. A whole number from 1 to 2147483647.
   *
   * @default 300
   */
  readonly timeoutSeconds?: number;

  /**
   * Seconds between two attempts; a whole number from 1 to 2147483647.
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
   * Expected SHA-256 of the file (64 hex digits), checked before the file is moved into place;
   * on a mismatch the step exits 1 and the file is not written.
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
  /**
   * Problems found when binding to this pod (e.g. a script over the kernel's argument limit),
   * each `<field>: <what is wrong>; <fix>`, to report with the pod's own.
   */
  readonly problems?: string[];
}

/**
 * One init step of a pod: it becomes one init container, run in the declared order.
 *
 * The catalogue (one file per step in `src/init-steps/`): waits for TCP, DNS, HTTP, PostgreSQL
 * and MySQL; downloads over http(s) and from S3; a config rendered from a template; a check of
 * required environment variables and files; and steps of your own.
 *
 * The generated steps are POSIX `sh` scripts that run in every busybox (1.28 included) and in the
 * tools' official images. Every value is validated (host names, ports, URLs, paths, checksums,
 * seconds) and shell-quoted or passed through the environment, so no input can inject shell.
 * Waits and downloads give up after `timeoutSeconds` and exit 1 with a message, and every single
 * attempt is cut at that deadline, so a missing dependency shows as `Init:Error` instead of a
 * pod stuck in `Init:0/1` forever.
 */
export class InitStep {
  /**
   * Waits until `host:port` accepts a TCP connection (e.g. `InitStep.waitForTcp('mysql', 3306)`).
   *
   * Each attempt is `nc -w 5 HOST PORT -e true` (busybox `nc`): it succeeds once connected, and
   * closes at once, whatever the server does. Attempts are cut after 10 s and at the deadline.
   */
  public static waitForTcp(host: string, port: number, options: InitStepOptions = {}): InitStep {
    noTokens('waitForTcp', { host, port });
    return new InitStep(waitForTcpStep(host, port, stepOptions('waitForTcp', options)), 'InitStep.waitForTcp');
  }

  /**
   * Waits until a name resolves (e.g. a Service: `InitStep.waitForDns('mysql')`).
   *
   * Uses `getent hosts` where the image has it (it resolves like the app will: `/etc/hosts`,
   * search domains), else busybox `nslookup`, which asks the DNS server only. Only exit codes
   * are used, never the output, which changes between busybox versions.
   */
  public static waitForDns(host: string, options: InitStepOptions = {}): InitStep {
    noTokens('waitForDns', { host });
    return new InitStep(waitForDnsStep(host, stepOptions('waitForDns', options)), 'InitStep.waitForDns');
  }

  /**
   * Waits until an `http://` or `https://` URL answers with a status of 200 to 204 (after
   * redirects): busybox wget treats the other 2xx statuses (205 to 299) as errors.
   *
   * Each attempt is `wget -q --spider URL` (busybox wget: a GET that stops after the headers, so
   * the body is not awaited), cut after 10 s and at the deadline. In an image with GNU wget
   * instead, --spider sends HEAD, which the server must then answer with 2xx.
   */
  public static waitForHttp(url: string, options: InitStepOptions = {}): InitStep {
    noTokens('waitForHttp', { url });
    return new InitStep(waitForHttpStep(url, stepOptions('waitForHttp', options)), 'InitStep.waitForHttp');
  }

  /**
   * Waits until PostgreSQL accepts connections: `pg_isready` in the official `postgres` image.
   * `pg_isready` does not log in; user and database (plain or from a Secret) only keep
   * failed-login lines out of the server's log.
   */
  public static waitForPostgres(host: string, options: WaitForPostgresOptions = {}): InitStep {
    noTokens('waitForPostgres', { host });
    return new InitStep(waitForPostgresStep(host, stepOptions('waitForPostgres', options)), 'InitStep.waitForPostgres');
  }

  /**
   * Waits until MySQL answers `mysqladmin ping` in the official `mysql` image. The user and the
   * password come from Secrets by reference, never in the manifest.
   */
  public static waitForMysql(host: string, options: WaitForMysqlOptions = {}): InitStep {
    noTokens('waitForMysql', { host });
    return new InitStep(waitForMysqlStep(host, stepOptions('waitForMysql', options)), 'InitStep.waitForMysql');
  }

  /**
   * Downloads a URL (`http://` or `https://`) into the pod's shared files volume, at `path`
   * relative to its mount path (e.g. `config.json` lands at `/config/config.json` by default),
   * retrying until `timeoutSeconds`. With `sha256`, the file is checked before it is moved into
   * place. No partial file is left behind.
   *
   * The volume is mounted into this step and into every main container of the pod.
   */
  public static download(url: string, path: string, options: DownloadOptions = {}): InitStep {
    noTokens('download', { url, path });
    return new InitStep(downloadStep(url, path, stepOptions('download', options)), 'InitStep.download');
  }

  /**
   * Downloads an object from a private S3 bucket (or an S3-compatible store with `endpointUrl`)
   * into the pod's shared files volume with `aws s3 cp`, in the official AWS CLI image.
   * Credentials come from a Secret by reference, or, without `credentials`, from the pod's
   * identity (its service account).
   */
  public static downloadFromS3(bucket: string, key: string, path: string, options: DownloadFromS3Options = {}): InitStep {
    noTokens('downloadFromS3', { bucket, key, path });
    return new InitStep(downloadFromS3Step(bucket, key, path, stepOptions('downloadFromS3', options)), 'InitStep.downloadFromS3');
  }

  /**
   * Renders a config file from a template into the pod's shared files volume: each `${NAME}` of
   * a declared variable is replaced by its value (a value, or a Secret or ConfigMap reference,
   * read at run time). Nothing else is touched, values are never evaluated or scanned again,
   * and `TemplateEscape.JSON_STRING` keeps any value inside its JSON or YAML string.
   */
  public static renderTemplate(template: string, path: string, options: RenderTemplateOptions = {}): InitStep {
    noTokens('renderTemplate', { template, path });
    return new InitStep(renderTemplateStep(template, path, stepOptions('renderTemplate', options)), 'InitStep.renderTemplate');
  }

  /**
   * Checks that environment variables are set (not empty) and files exist, and fails at once
   * with one message listing every missing one.
   */
  public static checkRequired(options: CheckRequiredOptions): InitStep {
    return new InitStep(checkRequiredStep(stepOptions('checkRequired', options, true)), 'InitStep.checkRequired');
  }

  /**
   * A plain step: runs `command` (exec form, no shell) in `image` to completion. Its arguments are
   * written as given, so the kubelet's expansion applies to them as to any container's: `$(NAME)`
   * is a variable of the container, and `$$` is one `$`.
   */
  public static command(name: string, image: string, command: string[]): InitStep {
    // The list read once: what is checked is what is written.
    const args = readOptionsOnce('InitStep.command', { name, image, command });
    noTokens('command', args);
    return new InitStep(commandStep(args.name, args.image, args.command));
  }

  /**
   * Any init container of your own, as given; use it to put your own containers between
   * generated steps.
   */
  public static container(container: Container): InitStep {
    if (namedThrow('InitStep.container()', () => isCdk8sToken(container))) {
      throw new Error(`InitStep.container(): container: ${TOKEN_PROBLEM} (${kindOf(container)}), but the container is read when the step is added (its name, its mounts), before tokens resolve; pass the object itself (tokens inside it, an image or a limit, are taken).`);
    }
    return new InitStep(containerStep(container));
  }

  /** Name of the init container this step becomes. */
  public readonly name: string;

  /**
   * Whether the step uses the pod's shared files volume: downloads and rendered templates write
   * into it, `checkRequired` reads files from it. The pod then creates the volume and mounts it
   * into its main containers.
   */
  public readonly writesFiles: boolean;

  /**
   * The file this step writes, relative to the shared files volume (a pod refuses two steps
   * whose files collide).
   * @internal
   */
  public readonly _writes?: string;

  /**
   * The files this step needs from the shared files volume (a pod refuses a step that writes one
   * of them after it).
   * @internal
   */
  public readonly _reads: readonly string[];

  /**
   * Absolute files this step needs without mounting the shared files volume (a pod that has the
   * volume refuses one inside it).
   * @internal
   */
  public readonly _readsUnmounted: readonly string[];

  /**
   * The factory of a generated step (`InitStep.download`): a POSIX shell script for Linux nodes;
   * undefined for steps of your own (`command`, `container`).
   * @internal
   */
  public readonly _linuxOnly?: string;

  private readonly spec: StepSpec;

  private constructor(spec: StepSpec, linuxOnly?: string) {
    this.spec = spec;
    this._linuxOnly = linuxOnly;
    this.name = spec.name;
    this.writesFiles = spec.writesFiles;
    this._writes = spec.writes;
    this._reads = spec.reads ?? [];
    this._readsUnmounted = spec.readsUnmounted ?? [];
  }

  /**
   * The init container of this step in a pod, for callers that add nothing else (tests, older
   * callers): `_bind(context).container`. Throws like `_bind`, and when the step needs volumes or
   * ConfigMaps besides the container (use `_bind`).
   * @internal
   */
  public _render(context: InitStepContext): Container {
    const binding = this._bind(context);
    if ((binding.volumes ?? []).length > 0 || (binding.configMaps ?? []).length > 0) {
      throw new Error(`InitStep '${this.name}': the step needs volumes or a generated ConfigMap besides its container; bind it with _bind, which returns them.`);
    }
    return binding.container;
  }

  /**
   * Everything this step adds to a pod. Throws when the step cannot work in this pod (e.g. its
   * script would be over the kernel's argument limit with this files mount path), naming the
   * step; `_bindWithProblems` returns those problems instead, for a pod that reports them in
   * its own message.
   * @internal
   */
  public _bind(context: InitStepContext): InitStepBinding {
    const binding = this._bindWithProblems(context);
    const problems = binding.problems ?? [];
    if (problems.length === 1) {
      throw new Error(`InitStep '${this.name}': ${problems[0]}.`);
    }
    if (problems.length > 1) {
      throw new Error(`InitStep '${this.name}' has ${problems.length} problems:\n    - ${problems.join(';\n    - ')}.`);
    }
    return binding;
  }

  /**
   * Everything this step adds to a pod, with the problems found in this pod (each
   * `<field>: <what is wrong>; <fix>`), to report with the pod's own.
   * @internal
   */
  public _bindWithProblems(context: InitStepContext): InitStepBinding {
    const binding = this.spec.bind(context);
    return { ...binding, problems: binding.problems ?? [] };
  }
}

/**
 * The options of a step factory, checked to be an object: plain JavaScript may pass a string, a
 * list or null, which would otherwise be ignored (the step running with its defaults) or crash.
 */
/** An example of each factory's options where timeoutSeconds is not one. */
const OPTIONS_EXAMPLES: { [factory: string]: string } = {
  checkRequired: "{ env: ['DATABASE_URL'] }",
  renderTemplate: "{ variables: [{ name: 'DB_HOST', value: 'db' }] }",
};

/**
 * Refuses cdk8s tokens in a factory's arguments: the step's script (or its container name) is
 * written from them when the step is built, before tokens resolve.
 */
function noTokens(factory: string, args: { [name: string]: unknown }): void {
  namedThrow(`InitStep.${factory}`, () => noTokensIn(factory, args));
}

function noTokensIn(factory: string, args: { [name: string]: unknown }): void {
  const problems: string[] = [];
  for (const name of Object.keys(args)) {
    if (isCdk8sToken(args[name])) {
      problems.push(`${name}: ${TOKEN_PROBLEM} (${kindOf(args[name])}), but InitStep.${factory} writes its script from ${name} when the step is built, before tokens resolve; pass the value itself`);
    } else {
      problems.push(...tokenProblems(`InitStep.${factory}`, args[name], name));
    }
  }
  fail(`InitStep.${factory}`, problems);
}

function stepOptions<T>(factory: string, options: T, required = false): T {
  if (options === undefined) {
    // An optional argument defaults to no options; a required one is the step's to report.
    return (required ? options : {}) as T;
  }
  // Read once: the step is checked and written from this copy.
  const once = checkWholeOptions(`InitStep.${factory}()`, options, 'the step');
  if (once === null || typeof once !== 'object' || Array.isArray(once) || isBuiltIn(once)) {
    const example = OPTIONS_EXAMPLES[factory] ?? '{ timeoutSeconds: 60 }';
    throw new Error(`InitStep.${factory}(): options: ${show(once)} is ${kindOf(once)}, not an object of options; pass { ... } (e.g. ${example})${required ? '' : ' or leave the argument out'}.`);
  }
  return once;
}
