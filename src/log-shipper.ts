import { posix } from 'path';
import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { GeneratedConfigMap } from './generated-config-map';
import { hostProblem, parseHttpUrl } from './init-steps/script';
import type { Container, EnvVar, ResourceRequirements, Volume } from './k8s-types';
import { show } from './problems';
import { checkProps } from './props';
import { shellQuote, withKubeletLiterals } from './shell';
import { GeneratedConfigMapData, SidecarMode } from './sidecar';
import { s3BucketProblem } from './sidecars/common';
import { dns1123Label, dns1123Subdomain } from './validation/names';

/**
 * What a log shipper is given to build its sidecar container.
 */
export interface LogShipperContext {
  /** The pattern the sidecar belongs to, under which a shipper may add constructs (e.g. a ConfigMap). */
  readonly scope: Construct;
  /** The name of the pod the sidecar runs in (a Deployment's name for a Deployment), for generated object names. */
  readonly podName: string;
  /**
   * The namespace of the pod, for objects the shipper creates beside it.
   *
   * @default - not set: the chart's namespace, if any
   */
  readonly namespace?: string;
  /** The shared log volume's name. */
  readonly logVolumeName: string;
  /** Where the shared log volume is mounted, in both containers (absolute). */
  readonly logMountPath: string;
  /** The absolute path of the log file the app writes. */
  readonly logFilePath: string;
  /** The sidecar container's name. */
  readonly containerName: string;
  /**
   * How the sidecar runs: a native one starts before anything writes the log.
   *
   * @default SidecarMode.CLASSIC
   */
  readonly sidecarMode?: SidecarMode;
}

/**
 * The sidecar container a log shipper contributes, plus any volumes and objects it needs.
 */
export interface LogShipperBinding {
  /** The sidecar container, into which the pattern mounts the shared log volume. */
  readonly container: Container;
  /**
   * Extra volumes for the pod (e.g. a ConfigMap with the shipper's configuration).
   *
   * @default - none
   */
  readonly volumes?: Volume[];
  /**
   * The ConfigMap the shipper generated for its configuration (written before the pod).
   *
   * @default - none
   */
  readonly configMap?: ApiObject;
  /**
   * Problems with the shipper's settings, each `<field path>: <what is wrong>; <fix>.`; the
   * pattern reports them with its own problems, at synth time.
   *
   * @default - none
   */
  readonly problems?: string[];
}

/**
 * What a log shipper needs to build its sidecar without creating objects itself (the context of
 * `LogShipper.bind()` without the scope).
 *
 * @internal
 */
export type LogShipperPartsContext = Omit<LogShipperContext, 'scope'>;

/**
 * A log shipper's sidecar as data: the container, its volumes and the ConfigMap it needs. Both
 * `LogShipper.bind()` (for `SidecarLoggedApp`) and `Sidecar.logShipper()` are built from it.
 *
 * @internal
 */
export interface LogShipperParts {
  readonly container: Container;
  readonly volumes?: Volume[];
  readonly configMap?: GeneratedConfigMapData;
  readonly problems?: string[];
}

/**
 * Options for `LogShipper.tail()`.
 */
export interface TailOptions {
  /**
   * Image of the sidecar.
   *
   * @default 'busybox' - as in the tutorial
   */
  readonly image?: string;

  /**
   * How `tail` follows the log file.
   *
   * @default - TailFollow.DESCRIPTOR for a classic sidecar (the tutorial's `tail -f`),
   *   TailFollow.NAME_FROM_START for a native one, which starts before anything writes the log
   */
  readonly follow?: TailFollow;
}

/**
 * How `LogShipper.tail()` follows the log file.
 */
export enum TailFollow {
  /**
   * `tail -f FILE`, the tutorial's: prints the last 10 lines and follows the open file. If the file
   * does not exist yet, tail exits 1 and the kubelet restarts the sidecar, which then prints only
   * the last 10 lines again (busybox `tail.c`: "no files").
   */
  DESCRIPTOR = 'descriptor',
  /**
   * `tail -n +1 -F FILE`: waits until the file exists, prints it from its first line, and follows
   * it by name, across rotation too.
   */
  NAME_FROM_START = 'name-from-start',
}

/**
 * A key of a Kubernetes Secret, read into the sidecar's environment (`valueFrom.secretKeyRef`).
 * The secret's value never appears in any manifest this library writes.
 */
export interface SecretKeyRef {
  /** Name of the Secret, in the pod's namespace. */
  readonly name: string;
  /** The key inside the Secret. */
  readonly key: string;
}

/**
 * Options for `FluentBitOutput.elasticsearch()` (Fluent Bit's `es` output).
 */
export interface ElasticsearchOutputOptions {
  /** Host name or IP address of Elasticsearch (`Host`), e.g. `elasticsearch.logging.svc`. */
  readonly host: string;

  /**
   * TCP port of Elasticsearch (`Port`).
   *
   * @default 9200
   */
  readonly port?: number;

  /**
   * Index the records are written to (`Index`); an Elasticsearch index name (lowercase).
   *
   * @default - not set: Fluent Bit writes to 'fluent-bit'
   */
  readonly index?: string;

  /**
   * Connect with TLS (`tls On`).
   *
   * @default false - plain HTTP
   */
  readonly tls?: boolean;

  /**
   * Verify the server's certificate when `tls` is on (`tls.verify`).
   *
   * @default true - Fluent Bit verifies certificates
   */
  readonly tlsVerify?: boolean;

  /**
   * User name for HTTP basic authentication (`HTTP_User`). Not a secret: it is written to the ConfigMap.
   *
   * @default - no authentication
   */
  readonly httpUser?: string;

  /**
   * The password for `httpUser`, by reference to a Kubernetes Secret. It reaches Fluent Bit as the
   * environment variable `ES_HTTP_PASSWD` and the ConfigMap holds only `HTTP_Passwd ${ES_HTTP_PASSWD}`.
   *
   * @default - no password
   */
  readonly httpPasswordSecret?: SecretKeyRef;

  /**
   * Omit the mapping type from bulk requests (`Suppress_Type_Name On`). Elasticsearch 8 rejects
   * requests with a type; turn it off only for Elasticsearch 6 and older.
   *
   * @default true
   */
  readonly suppressTypeName?: boolean;
}

/**
 * Compression of the objects Fluent Bit writes to S3 (`compression`).
 */
export enum S3Compression {
  /** gzip, with `Content-Encoding: gzip`. */
  GZIP = 'gzip',
}

/**
 * AWS credentials for the S3 output, by reference to one Kubernetes Secret. They reach Fluent Bit
 * as the standard environment variables `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`, which its
 * AWS credential chain reads; the ConfigMap holds neither.
 */
export interface S3CredentialsSecret {
  /** Name of the Secret, in the pod's namespace. */
  readonly name: string;

  /**
   * The Secret's key that holds the access key ID.
   *
   * @default 'AWS_ACCESS_KEY_ID'
   */
  readonly accessKeyIdKey?: string;

  /**
   * The Secret's key that holds the secret access key.
   *
   * @default 'AWS_SECRET_ACCESS_KEY'
   */
  readonly secretAccessKeyKey?: string;
}

/**
 * Options for `FluentBitOutput.s3()` (Fluent Bit's `s3` output, multipart uploads).
 *
 * Sizes are written in Fluent Bit's unit syntax: a number of bytes, optionally followed by
 * `K`/`KB`, `M`/`MB` or `G`/`GB` (powers of 1000: `5M` is 5,000,000 bytes, `1.5M` 1,500,000).
 */
export interface S3OutputOptions {
  /** The bucket (`bucket`); an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-'. */
  readonly bucket: string;

  /**
   * The bucket's AWS region (`region`), e.g. `eu-west-1`; with `endpoint`, the region name the
   * store signs with (any, e.g. `auto` for Cloudflare R2).
   */
  readonly region: string;

  /**
   * Size of each object in S3 (`total_file_size`): at least 1M, at most 50G, and at least twice
   * `uploadChunkSize` when that is set.
   *
   * @default - not set: Fluent Bit uses 100000000 (100M)
   */
  readonly totalFileSize?: string;

  /**
   * Size of each multipart upload part (`upload_chunk_size`): at least 5242880 bytes (5 MiB), at most
   * 50M (5G with `compression`), and at most `totalFileSize`.
   *
   * @default - not set: Fluent Bit uses 5242880 (5 MiB)
   */
  readonly uploadChunkSize?: string;

  /**
   * Time after which Fluent Bit completes the current object and starts a new one (`upload_timeout`).
   *
   * @default - not set: Fluent Bit uses 10 minutes
   */
  readonly uploadTimeout?: Duration;

  /**
   * Object key format (`s3_key_format`); must start with '/'. Supports `$TAG`, `$UUID`, `$INDEX` and strftime.
   *
   * @default - not set: Fluent Bit uses '/fluent-bit-logs/$TAG/%Y/%m/%d/%H/%M/%S'
   */
  readonly s3KeyFormat?: string;

  /**
   * Compression of the objects (`compression`).
   *
   * @default - not set: uncompressed
   */
  readonly compression?: S3Compression;

  /**
   * A custom S3 API endpoint (`endpoint`), e.g. `http://minio.storage.svc:9000`.
   *
   * @default - not set: AWS's endpoint for the region
   */
  readonly endpoint?: string;

  /**
   * AWS credentials from a Kubernetes Secret.
   *
   * @default - none: Fluent Bit's AWS credential chain (e.g. IRSA / EKS Pod Identity on the service account, or the node's instance role)
   */
  readonly credentialsSecret?: S3CredentialsSecret;

  /**
   * Limit of the local buffer in `store_dir` (`store_dir_limit_size`); data beyond it is discarded.
   *
   * @default - not set: unlimited (bounded only by the shared emptyDir volume)
   */
  readonly storeDirLimitSize?: string;
}

/**
 * What an output contributes to a Fluent Bit sidecar.
 *
 * @internal
 */
export interface FluentBitOutputParts {
  readonly settings: Array<[string, string]>;
  readonly env: EnvVar[];
  readonly problems: string[];
}

/**
 * Where Fluent Bit sends the app's log: Elasticsearch or S3.
 */
export class FluentBitOutput {
  /**
   * Fluent Bit's `es` output. A password, if any, is read from a Kubernetes Secret.
   */
  public static elasticsearch(options: ElasticsearchOutputOptions): FluentBitOutput {
    options = checkProps('FluentBitOutput.elasticsearch()', 'ElasticsearchOutputOptions', options);
    return new FluentBitOutput('es', (path) => elasticsearchParts(options, path));
  }

  /**
   * Fluent Bit's `s3` output (multipart uploads, buffered on the shared volume). Sizes that Fluent
   * Bit refuses to start with are rejected at synth time.
   */
  public static s3(options: S3OutputOptions): FluentBitOutput {
    options = checkProps('FluentBitOutput.s3()', 'S3OutputOptions', options);
    return new FluentBitOutput('s3', (path, storeDir) => s3Parts(options, path, storeDir));
  }

  /** The Fluent Bit output plugin: `es` or `s3`. */
  public readonly plugin: string;

  /** @internal */
  public readonly _build: (path: string, storeDir: string) => FluentBitOutputParts;

  private constructor(plugin: string, build: (path: string, storeDir: string) => FluentBitOutputParts) {
    this.plugin = plugin;
    this._build = build;
  }
}

/**
 * Options for `LogShipper.fluentBit()`.
 */
export interface FluentBitOptions {
  /** Where the log goes. */
  readonly output: FluentBitOutput;

  /**
   * Image of the Fluent Bit sidecar.
   *
   * @default 'cr.fluentbit.io/fluent/fluent-bit:3.1'
   */
  readonly image?: string;

  /**
   * Name of the generated ConfigMap that holds `fluent-bit.conf`.
   *
   * @default - '<pod name>-fluent-bit' (the Deployment's name for a Deployment)
   */
  readonly configMapName?: string;

  /**
   * Name of the pod volume that mounts the generated ConfigMap in the sidecar. Two Fluent Bit
   * shippers in one pod need two names (and two `configMapName`s).
   *
   * @default 'fluent-bit-config'
   */
  readonly configVolumeName?: string;

  /**
   * Tag of the log records (`Tag` of the tail input, `Match` of the output; `$TAG` in S3 keys).
   *
   * @default 'app'
   */
  readonly tag?: string;

  /**
   * Memory the tail input may buffer before it pauses reading (`Mem_Buf_Limit`), in Fluent Bit's unit syntax.
   *
   * @default '5MB'
   */
  readonly memBufLimit?: string;

  /**
   * Resources of the Fluent Bit container.
   *
   * @default - none: no requests or limits
   */
  readonly resources?: ResourceRequirements;
}

/**
 * How the sidecar of a `SidecarLoggedApp` reads or ships the app's log.
 */
export abstract class LogShipper {
  /**
   * The tutorial's sidecar: `tail -f` of the log file, so `kubectl logs POD -c sidecar-container`
   * shows the app's log.
   */
  public static tail(options: TailOptions = {}): LogShipper {
    options = checkProps('LogShipper.tail()', 'TailOptions', options);
    return new TailShipper(options);
  }

  /**
   * A Fluent Bit sidecar shipping the log file to Elasticsearch or S3, configured by a generated
   * ConfigMap (`<pod name>-fluent-bit`, key `fluent-bit.conf`) mounted at `/fluent-bit/config/`.
   *
   * The tail input keeps its offsets in `fluent-bit-tail.db` on the shared log volume, so a
   * restarted sidecar resumes where it stopped. Secrets are only referenced, never written.
   */
  public static fluentBit(options: FluentBitOptions): LogShipper {
    options = checkProps('LogShipper.fluentBit()', 'FluentBitOptions', options);
    return new FluentBitShipper(options);
  }

  /** Builds the sidecar for one pattern. */
  public abstract bind(context: LogShipperContext): LogShipperBinding;

  /**
   * The sidecar as data, for `Sidecar.logShipper()`; undefined for shippers of your own (they
   * have only `bind()`, which needs a construct scope).
   *
   * @internal
   */
  public _bindParts(_context: LogShipperPartsContext): LogShipperParts | undefined {
    return undefined;
  }

  /**
   * The factory of a shipper this library generates for Linux nodes (`LogShipper.tail()`);
   * undefined for shippers of your own.
   * @internal
   */
  public get _linuxOnly(): string | undefined {
    return undefined;
  }
}

/** The tail command of a follow mode, by default the tutorial's for a classic sidecar. */
function tailCommand(follow: TailFollow | undefined, mode: SidecarMode | undefined): string {
  const how = follow ?? (mode === SidecarMode.NATIVE ? TailFollow.NAME_FROM_START : TailFollow.DESCRIPTOR);
  return how === TailFollow.NAME_FROM_START ? 'tail -n +1 -F' : 'tail -f';
}

class TailShipper extends LogShipper {
  public constructor(private readonly options: TailOptions) {
    super();
  }

  /** @internal */
  public get _linuxOnly(): string {
    return 'LogShipper.tail()';
  }

  /** The container as the kubelet passes it on (withKubeletLiterals); `_bindParts` leaves that to Sidecar.logShipper's entry. */
  public bind(context: LogShipperContext): LogShipperBinding {
    const parts = this._bindParts(context);
    return { container: withKubeletLiterals(parts.container), ...(parts.problems ? { problems: parts.problems } : {}) };
  }

  /** @internal */
  public _bindParts(context: LogShipperPartsContext): LogShipperParts {
    // The empty log volume over busybox's /bin would hide the sh and tail the sidecar runs.
    const hidden = this.options.image === undefined ? hiddenProgram(context.logMountPath, '/bin/sh') : undefined;
    return {
      container: {
        name: context.containerName,
        image: this.options.image ?? 'busybox',
        command: ['sh', '-c', `${tailCommand(this.options.follow, context.sidecarMode)} ${shellQuote(context.logFilePath)}`],
      },
      ...(hidden ? { problems: [hidden] } : {}),
    };
  }
}

/**
 * Why a log volume mounted at `logMountPath` would hide the program the sidecar image runs
 * (`program`, an absolute path): the empty volume replaces the folder it is mounted on. Undefined
 * when it does not.
 */
function hiddenProgram(logMountPath: string, program: string): string | undefined {
  // As the runtime cleans it ('//', '.' and '..' resolved); a mount on the program itself hides it too.
  const dir = posix.normalize(logMountPath).replace(/\/+$/, '');
  if (!`${program}/`.startsWith(`${dir}/`)) {
    return undefined;
  }
  return `logMountPath: ${show(logMountPath)} would hide ${program}, which the sidecar runs: the empty log volume is mounted over that folder in the sidecar too, `
    + 'so it could never start; mount the log volume in a folder of its own, e.g. \'/var/log/app/\'.';
}

/** The default Fluent Bit image. */
const FLUENT_BIT_IMAGE = 'cr.fluentbit.io/fluent/fluent-bit:3.1';
/** Where the ConfigMap is mounted in the sidecar (not /fluent-bit/etc/, which holds the image's parsers). */
const CONFIG_DIR = '/fluent-bit/config/';
const CONFIG_KEY = 'fluent-bit.conf';
const CONFIG_VOLUME = 'fluent-bit-config';
/** The offset database of the tail input, on the shared log volume. */
const TAIL_DB = 'fluent-bit-tail.db';
/** The S3 output's local buffer, on the shared log volume. */
const S3_STORE_DIR = 'fluent-bit-s3';

class FluentBitShipper extends LogShipper {
  public constructor(private readonly options: FluentBitOptions) {
    super();
  }

  /** @internal */
  public get _linuxOnly(): string {
    return 'LogShipper.fluentBit()';
  }

  public bind(context: LogShipperContext): LogShipperBinding {
    const parts = this._bindParts(context);
    if (parts.problems.length > 0) {
      // The pod is refused for the options' problems: no ConfigMap or volume is made from them
      // (they would only repeat them), as for the catalogue sidecars.
      const { volumeMounts: _mounts, ...container } = parts.container as any;
      return { container: withKubeletLiterals(container), problems: parts.problems };
    }
    // Validated like every object of the library (patches, name, keys, size, and a name no other
    // ConfigMap of the app has: two shippers with one configMapName would overwrite each other).
    const configMap = new GeneratedConfigMap(context.scope, 'FluentBitConfig', {
      metadata: { name: parts.configMap.name, ...(context.namespace !== undefined ? { namespace: context.namespace } : {}) },
      data: parts.configMap.data,
    });
    // The container as the kubelet passes it on; `_bindParts` leaves that to Sidecar.logShipper's entry.
    return { container: withKubeletLiterals(parts.container), volumes: parts.volumes, configMap, problems: parts.problems };
  }

  /** @internal */
  public _bindParts(context: LogShipperPartsContext): Required<Pick<LogShipperParts, 'configMap' | 'volumes' | 'problems'>> & LogShipperParts {
    const problems: string[] = [];
    const o = this.options;
    const dir = context.logMountPath.replace(/\/+$/, '');
    const tag = o.tag ?? 'app';
    const memBufLimit = o.memBufLimit ?? '5MB';
    const configMapName = o.configMapName ?? `${context.podName}-fluent-bit`;
    const configVolume = o.configVolumeName ?? CONFIG_VOLUME;

    checkConfigValue(tag, 'logShipper.tag', problems);
    if (!/^[A-Za-z0-9._-]+$/.test(tag)) {
      problems.push(`logShipper.tag: ${show(tag)} must consist of letters, digits, '.', '_' or '-' (a Fluent Bit tag that Match and $TAG use as is).`);
    }
    checkSize(memBufLimit, 'logShipper.memBufLimit', problems);
    if (!/^\/[A-Za-z0-9._/-]*$/.test(context.logFilePath)) {
      problems.push(`logFilePath: ${show(context.logFilePath)} is not usable by Fluent Bit's tail input; with LogShipper.fluentBit() the log mount path and file name may contain only letters, digits, '.', '_', '-' and '/' (commas and wildcards would change its meaning).`);
    }
    const nameProblem = dns1123Subdomain(configMapName);
    if (nameProblem) {
      problems.push(`logShipper.configMapName: ${show(configMapName)} is not valid as a ConfigMap name: it ${nameProblem}; set configMapName to a shorter or valid name.`);
    }
    const volumeProblem = dns1123Label(configVolume);
    if (volumeProblem) {
      problems.push(`logShipper.configVolumeName: ${show(configVolume)} is not valid as a volume name: it ${volumeProblem}; set configVolumeName to a shorter or valid name.`);
    }

    // (The command is this path in any image.)
    const hidden = hiddenProgram(context.logMountPath, '/fluent-bit/bin/fluent-bit');
    if (hidden) {
      problems.push(hidden);
    }
    // The files the shipper keeps on the log volume: the log file may not be one of them.
    const own = [TAIL_DB, ...['-journal', '-wal', '-shm'].map((x) => `${TAIL_DB}${x}`), ...(o.output.plugin === 's3' ? [S3_STORE_DIR] : [])];
    const clash = own.find((f) => context.logFilePath === `${dir}/${f}` || context.logFilePath.startsWith(`${dir}/${f}/`));
    if (clash !== undefined) {
      problems.push(`logFileName: ${show(context.logFilePath.slice(dir.length + 1))} is Fluent Bit's own ${clash.startsWith(TAIL_DB) ? 'offset database' : 'S3 buffer'} `
        + `(${dir}/${clash}) in the log folder; name the log file otherwise, e.g. 'app.log'.`);
    }
    const output = o.output._build('logShipper.output', `${dir}/${S3_STORE_DIR}`);
    problems.push(...output.problems);

    const sections: Array<[string, Array<[string, string]>]> = [
      ['SERVICE', [
        ['Flush', '1'],
        ['Daemon', 'Off'],
        ['Log_Level', 'info'],
      ]],
      ['INPUT', [
        ['Name', 'tail'],
        ['Tag', tag],
        ['Path', context.logFilePath],
        ['DB', `${dir}/${TAIL_DB}`],
        ['DB.locking', 'true'],
        ['Read_from_Head', 'On'],
        ['Mem_Buf_Limit', memBufLimit],
        ['Skip_Long_Lines', 'On'],
      ]],
      ['OUTPUT', [
        ['Name', o.output.plugin],
        ['Match', tag],
        ...output.settings,
      ]],
    ];

    const container: Container = {
      name: context.containerName,
      image: o.image ?? FLUENT_BIT_IMAGE,
      command: ['/fluent-bit/bin/fluent-bit'],
      args: ['-c', `${CONFIG_DIR}${CONFIG_KEY}`],
      ...(output.env.length > 0 ? { env: output.env } : {}),
      ...(o.resources ? { resources: o.resources } : {}),
      volumeMounts: [{ name: configVolume, mountPath: CONFIG_DIR, readOnly: true }],
    };

    return {
      container,
      volumes: [{ name: configVolume, configMap: { name: configMapName } }],
      configMap: { name: configMapName, data: { [CONFIG_KEY]: renderClassicConfig(sections) } },
      problems,
    };
  }
}

/** Renders Fluent Bit's classic configuration format: `[SECTION]` headers, then indented `Key Value` lines. */
function renderClassicConfig(sections: Array<[string, Array<[string, string]>]>): string {
  return sections.map(([name, entries]) => {
    const width = Math.max(...entries.map(([k]) => k.length)) + 1;
    return [`[${name}]`, ...entries.map(([k, v]) => `    ${k.padEnd(width)}${v}`)].join('\n');
  }).join('\n\n') + '\n';
}

function elasticsearchParts(o: ElasticsearchOutputOptions, path: string): FluentBitOutputParts {
  const problems: string[] = [];
  const settings: Array<[string, string]> = [];
  const env: EnvVar[] = [];

  // Fluent Bit hands Host to the resolver as written (flb_output_set_property): a name, an IPv4
  // address of four decimal numbers, or an IPv6 address without brackets.
  const hostText = checkConfigValue(o.host, `${path}.host`, problems) ? hostProblem(o.host, false) : undefined;
  if (hostText !== undefined && !/^must be a host name/.test(hostText)) {
    // A name of the right characters with a rule broken (a label too long, a numeric-looking name): say which.
    problems.push(`${path}.host: ${show(o.host)} ${hostText}.`);
  } else if (hostText !== undefined) {
    const ipv6 = /^\[.*\]$/.test(o.host) ? ' (an IPv6 address goes without \'[\' and \']\' here)' : '';
    problems.push(`${path}.host: ${show(o.host)} is not a host name or IP address${ipv6}; give only the host (e.g. 'elasticsearch.logging.svc'), without scheme, port or path.`);
  }
  settings.push(['Host', o.host]);
  const port = o.port ?? 9200;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    problems.push(`${path}.port: ${show(port)} is not a TCP port; use 1-65535 (Elasticsearch listens on 9200 by default).`);
  }
  settings.push(['Port', String(port)]);
  if (o.index !== undefined) {
    if (checkConfigValue(o.index, `${path}.index`, problems)) {
      const r = elasticsearchIndexProblem(o.index);
      if (r) {
        problems.push(`${path}.index: ${show(o.index)} is not a valid Elasticsearch index name: it ${r}.`);
      }
    }
    settings.push(['Index', o.index]);
  }
  if (o.suppressTypeName ?? true) {
    settings.push(['Suppress_Type_Name', 'On']);
  }
  if (o.httpUser !== undefined) {
    if (checkConfigValue(o.httpUser, `${path}.httpUser`, problems) && o.httpUser.includes(':')) {
      problems.push(`${path}.httpUser: ${show(o.httpUser)} contains ':', which HTTP basic authentication cannot carry in a user name; use another user.`);
    }
    settings.push(['HTTP_User', o.httpUser]);
  }
  if (o.httpPasswordSecret) {
    if (o.httpUser === undefined) {
      problems.push(`${path}.httpPasswordSecret: is set without httpUser; Fluent Bit sends the password only with a user, so set httpUser too.`);
    }
    checkSecretKeyRef(o.httpPasswordSecret.name, o.httpPasswordSecret.key, `${path}.httpPasswordSecret`, problems);
    env.push({ name: 'ES_HTTP_PASSWD', valueFrom: { secretKeyRef: { name: o.httpPasswordSecret.name, key: o.httpPasswordSecret.key } } });
    settings.push(['HTTP_Passwd', '${ES_HTTP_PASSWD}']);
  }
  if (o.tls) {
    settings.push(['tls', 'On']);
    if (o.tlsVerify === false) {
      settings.push(['tls.verify', 'Off']);
    }
  } else if (o.tlsVerify !== undefined) {
    problems.push(`${path}.tlsVerify: is set without tls; set tls: true, or remove tlsVerify.`);
  }
  return { settings, env, problems };
}

/** Fluent Bit's s3 limits (plugins/out_s3/s3.h and cb_s3_init). */
const S3_MIN_FILE_SIZE = 1_000_000;
const S3_MAX_FILE_SIZE = 50_000_000_000;
const S3_MIN_CHUNK = 5_242_880;
const S3_MAX_CHUNK = 50_000_000;
const S3_MAX_CHUNK_GZIP = 5_000_000_000;
const S3_DEFAULT_FILE_SIZE = 100_000_000;

function s3Parts(o: S3OutputOptions, path: string, storeDir: string): FluentBitOutputParts {
  const problems: string[] = [];
  const settings: Array<[string, string]> = [];
  const env: EnvVar[] = [];

  if (checkConfigValue(o.bucket, `${path}.bucket`, problems)) {
    const r = s3BucketProblem(o.bucket);
    if (r) {
      problems.push(`${path}.bucket: ${show(o.bucket)} is not a valid S3 bucket name: it ${r}.`);
    }
  }
  settings.push(['bucket', o.bucket]);
  // With an endpoint, Fluent Bit takes the host from it and only signs with the region (cb_s3_init):
  // an S3-compatible store names its own (`auto` for Cloudflare R2).
  if (checkConfigValue(o.region, `${path}.region`, problems) && o.endpoint === undefined && !/^[a-z]{2}(-[a-z]+)+-[0-9]+$/.test(o.region)) {
    problems.push(`${path}.region: ${show(o.region)} is not an AWS region; write it like 'eu-west-1' or 'us-east-1' (with endpoint, the store's own region name goes).`);
  }
  settings.push(['region', o.region]);

  const total = o.totalFileSize === undefined ? undefined : checkSize(o.totalFileSize, `${path}.totalFileSize`, problems);
  const chunk = o.uploadChunkSize === undefined ? undefined : checkSize(o.uploadChunkSize, `${path}.uploadChunkSize`, problems);
  if (total !== undefined) {
    if (total < S3_MIN_FILE_SIZE) {
      problems.push(`${path}.totalFileSize: ${show(o.totalFileSize)} is ${total} bytes; Fluent Bit refuses less than 1M (1000000 bytes). Use at least '1M'.`);
    } else if (total > S3_MAX_FILE_SIZE) {
      problems.push(`${path}.totalFileSize: ${show(o.totalFileSize)} is ${total} bytes; Fluent Bit refuses more than 50G (50000000000 bytes). Use at most '50G'.`);
    }
    settings.push(['total_file_size', o.totalFileSize!]);
  }
  if (chunk !== undefined) {
    // Fluent Bit checks the part size only for multipart uploads: below 2 x 5 MiB of
    // total_file_size it switches to PutObject and ignores upload_chunk_size.
    const effectiveTotal = total ?? S3_DEFAULT_FILE_SIZE;
    const totalText = total === undefined ? 'the default total_file_size (100M)' : `totalFileSize ${show(o.totalFileSize)}`;
    let tooLarge = false;
    if (effectiveTotal >= 2 * S3_MIN_CHUNK) {
      if (chunk < S3_MIN_CHUNK) {
        problems.push(`${path}.uploadChunkSize: ${show(o.uploadChunkSize)} is ${chunk} bytes; Fluent Bit refuses parts smaller than 5242880 bytes (5 MiB, S3's minimum part size). Use at least '5242880'.`);
      } else if (chunk > (o.compression === S3Compression.GZIP ? S3_MAX_CHUNK_GZIP : S3_MAX_CHUNK)) {
        problems.push(o.compression === S3Compression.GZIP
          ? `${path}.uploadChunkSize: ${show(o.uploadChunkSize)} is ${chunk} bytes; Fluent Bit refuses compressed parts larger than 5G (5000000000 bytes). Use at most '5G'.`
          : `${path}.uploadChunkSize: ${show(o.uploadChunkSize)} is ${chunk} bytes; Fluent Bit refuses uncompressed parts larger than 50M (50000000 bytes). Use at most '50M', or compression: S3Compression.GZIP (up to 5G).`);
      } else if (chunk > effectiveTotal) {
        tooLarge = true;
        problems.push(`${path}.uploadChunkSize: ${show(o.uploadChunkSize)} is larger than ${totalText}; Fluent Bit refuses an upload chunk larger than the file. Raise totalFileSize or lower uploadChunkSize.`);
      }
    }
    if (chunk !== S3_MIN_CHUNK && chunk * 2 > effectiveTotal && !tooLarge) {
      problems.push(`${path}.totalFileSize: ${totalText} is less than twice uploadChunkSize ${show(o.uploadChunkSize)}; Fluent Bit refuses this ('total_file_size is less than 2x upload_chunk_size'). Use a totalFileSize of at least ${chunk * 2} bytes.`);
    }
    settings.push(['upload_chunk_size', o.uploadChunkSize!]);
  }

  // (null is unset, as for the other optional Durations; another type is refused when the options are read.)
  if (o.uploadTimeout !== undefined && o.uploadTimeout !== null) {
    const seconds = o.uploadTimeout.toSeconds({ integral: false });
    if (!Number.isInteger(seconds) || seconds < 1) {
      problems.push(`${path}.uploadTimeout: ${seconds} seconds is not a whole, positive number of seconds; use e.g. Duration.minutes(10).`);
    }
    settings.push(['upload_timeout', seconds % 60 === 0 ? `${seconds / 60}m` : String(seconds)]);
  }
  if (o.s3KeyFormat !== undefined) {
    if (checkConfigValue(o.s3KeyFormat, `${path}.s3KeyFormat`, problems) && !o.s3KeyFormat.startsWith('/')) {
      problems.push(`${path}.s3KeyFormat: ${show(o.s3KeyFormat)} must start with '/' (Fluent Bit refuses it otherwise), e.g. '/logs/$TAG/%Y/%m/%d/%H%M%S-$UUID'.`);
    }
    settings.push(['s3_key_format', o.s3KeyFormat]);
  }
  if (o.compression !== undefined && checkConfigValue(o.compression, `${path}.compression`, problems)) {
    settings.push(['compression', o.compression]);
  }
  if (o.endpoint !== undefined) {
    const endpointProblems: string[] = [];
    // Fluent Bit takes the host as what follows the scheme up to ':' (cb_s3_init): a '/' after a host
    // without a port would be part of the host name.
    if (checkConfigValue(o.endpoint, `${path}.endpoint`, problems) && !/^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5}\/?)?$/.test(o.endpoint)) {
      problems.push(`${path}.endpoint: ${show(o.endpoint)} is not an endpoint URL; write scheme, host and optional port only, and no '/' after a host without a port `
        + "(e.g. 'http://minio.storage.svc:9000').");
    } else if (typeof o.endpoint === 'string' && !parseHttpUrl(`${path}.endpoint`, o.endpoint, endpointProblems, { allowPath: false })) {
      // The host and port as the init steps read them: a port from 1 to 65535, a host name or address.
      problems.push(...endpointProblems.map((m) => `${m}.`));
    }
    settings.push(['endpoint', o.endpoint]);
  }
  settings.push(['store_dir', storeDir]);
  if (o.storeDirLimitSize !== undefined) {
    checkSize(o.storeDirLimitSize, `${path}.storeDirLimitSize`, problems);
    settings.push(['store_dir_limit_size', o.storeDirLimitSize]);
  }
  if (o.credentialsSecret) {
    const c = o.credentialsSecret;
    const idKey = c.accessKeyIdKey ?? 'AWS_ACCESS_KEY_ID';
    const secretKey = c.secretAccessKeyKey ?? 'AWS_SECRET_ACCESS_KEY';
    checkSecretKeyRef(c.name, idKey, `${path}.credentialsSecret`, problems);
    checkSecretKeyRef(c.name, secretKey, `${path}.credentialsSecret`, problems);
    env.push({ name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: c.name, key: idKey } } });
    env.push({ name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: c.name, key: secretKey } } });
  }
  return { settings, env, problems };
}

/**
 * A value written into the classic config must stay one value on one line: no line breaks or
 * other control characters (a new line would start a new key or section), no `${` (Fluent Bit
 * would substitute an environment variable, e.g. a secret), no leading or trailing spaces (Fluent
 * Bit trims them), not empty. Returns whether the value passed.
 */
function checkConfigValue(value: unknown, path: string, problems: string[]): boolean {
  if (typeof value !== 'string' || value.length === 0) {
    problems.push(`${path}: ${show(value)} must be a non-empty string.`);
    return false;
  }
  // (C1 controls, U+2028 and U+2029 too: kubectl's YAML reader reads some as line breaks; U+FFFE,
  // U+FFFF and a lone surrogate, which YAML cannot hold.)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) {
    problems.push(`${path}: ${show(value)} contains a line break or another control character; it would change the structure of fluent-bit.conf. Remove it.`);
    return false;
  }
  if (value.includes('${')) {
    problems.push(`${path}: ${show(value)} contains '\${', which Fluent Bit replaces with an environment variable (which could expose a secret); remove it.`);
    return false;
  }
  // Fluent Bit trims the ASCII blanks only (flb_sds_trim: isspace).
  if (/^[ \t\n\v\f\r]|[ \t\n\v\f\r]$/.test(value)) {
    problems.push(`${path}: ${show(value)} has leading or trailing whitespace, which Fluent Bit would drop; remove it.`);
    return false;
  }
  return true;
}

/**
 * Parses a Fluent Bit unit size (`5M`, `1.5M`, `100MB`, `32k`, `5242880`) to bytes as Fluent Bit
 * does (flb_utils_size_to_bytes: the number as a double, times the unit, cut to a whole number),
 * or records a problem.
 */
function checkSize(value: string, path: string, problems: string[]): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]+)?)(k|kb|m|mb|g|gb)?$/i.exec(typeof value === 'string' ? value : '');
  if (!m) {
    problems.push(`${path}: ${show(value)} is not a Fluent Bit size; write a number of bytes, optionally followed by K, M or G (powers of 1000), e.g. '5M' or '1.5M'.`);
    return undefined;
  }
  const unit = (m[2] ?? '').toLowerCase().charAt(0);
  const factor = unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : unit === 'g' ? 1e9 : 1;
  return Math.trunc(Number(m[1]) * factor);
}

function checkSecretKeyRef(name: string, key: string, path: string, problems: string[]): void {
  const r = typeof name === 'string' ? dns1123Subdomain(name) : 'must be a string';
  if (r) {
    problems.push(`${path}.name: ${show(name)} is not a valid Secret name: it ${r}.`);
  }
  if (typeof key !== 'string' || key.length === 0 || key.length > 253 || !/^[-._a-zA-Z0-9]+$/.test(key) || key === '.' || key === '..') {
    problems.push(`${path}: key ${show(key)} is not a valid Secret key; use letters, digits, '-', '_' and '.' (at most 253 characters).`);
  }
}

/** Elasticsearch's index name rules (MetadataCreateIndexService.validateIndexOrAliasName). */
function elasticsearchIndexProblem(index: string): string | undefined {
  if (index !== index.toLowerCase()) {
    return 'must be lowercase';
  }
  if (/[\\/*?"<>| ,#:]/.test(index)) {
    return 'must not contain \\, /, *, ?, ", <, >, |, space, \',\', # or :';
  }
  if (/^[-_+]/.test(index)) {
    return "must not start with '-', '_' or '+'";
  }
  if (index === '.' || index === '..') {
    return "must not be '.' or '..'";
  }
  if (Buffer.byteLength(index, 'utf8') > 255) {
    return 'must be no more than 255 bytes';
  }
  return undefined;
}
