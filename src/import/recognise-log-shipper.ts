import { Call, enumRef, libCall, Value } from './code';
import { InputObject } from './parse';
import { sameData, withoutKey } from './recognise-steps';
import { S3Compression } from '../log-shipper';
import { toProps, ValueStyle } from './schema';

/**
 * Recognising `LogShipper.fluentBit()` in a `SidecarLoggedApp`: a Fluent Bit sidecar reading its
 * `fluent-bit.conf` from a ConfigMap written right before the pod. The options are read back from
 * the configuration (the tail input's tag and buffer, the `es` or `s3` output's settings) and from
 * the sidecar's secret references; the candidate is kept only when it writes exactly the
 * ConfigMap and the pod (the caller checks).
 *
 * @internal
 */

const CONFIG_VOLUME = 'fluent-bit-config';
const CONFIG_KEY = 'fluent-bit.conf';
const DEFAULT_IMAGE = 'cr.fluentbit.io/fluent/fluent-bit:3.1';

/** A recognised Fluent Bit shipper. */
export interface RecognisedFluentBit {
  /** `LogShipper.fluentBit({ ... })`. */
  readonly logShipper: Call;
  /** The log file's name inside the log mount path. */
  readonly logFileName: string;
  /** The ConfigMap the shipper writes (before the pod). */
  readonly configMap: InputObject;
}

/** The sections of Fluent Bit's classic configuration: `[NAME]`, then `Key Value` lines. */
function parseClassicConfig(text: string): Map<string, Map<string, string>> | undefined {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    const header = /^\[([A-Z]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1], current);
      continue;
    }
    const entry = /^ +(\S+) +(.*)$/.exec(line);
    if (entry && current) {
      current.set(entry[1], entry[2]);
    } else if (line.trim() !== '') {
      return undefined;
    }
  }
  return sections;
}

function secretOf(c: any, env: string): { name: string; key: string } | undefined {
  const ref = (c.env ?? []).find((e: any) => e?.name === env)?.valueFrom?.secretKeyRef;
  return ref && typeof ref.name === 'string' && typeof ref.key === 'string' ? { name: ref.name, key: ref.key } : undefined;
}

/** `Duration.minutes(5)` for Fluent Bit's `5m`, `Duration.seconds(30)` for `30`. */
function duration(value: string): Value | undefined {
  const m = /^(\d+)(m?)$/.exec(value);
  if (!m) {
    return undefined;
  }
  return new Call(`Duration.${m[2] ? 'minutes' : 'seconds'}`, [Number(m[1])], [{ from: 'cdk8s', name: 'Duration' }]);
}

function outputCall(output: Map<string, string>, sidecar: any): Value | undefined {
  const get = (k: string) => output.get(k);
  if (get('Name') === 'es') {
    const o: { [key: string]: Value } = { host: get('Host') };
    if (get('Port') !== '9200') o.port = Number(get('Port'));
    if (get('Index') !== undefined) o.index = get('Index');
    if (get('tls') === 'On') o.tls = true;
    if (get('tls.verify') === 'Off') o.tlsVerify = false;
    if (get('HTTP_User') !== undefined) o.httpUser = get('HTTP_User');
    const password = secretOf(sidecar, 'ES_HTTP_PASSWD');
    if (password) o.httpPasswordSecret = password;
    if (get('Suppress_Type_Name') !== 'On') o.suppressTypeName = false;
    return libCall('FluentBitOutput', 'elasticsearch', [o]);
  }
  if (get('Name') === 's3') {
    const o: { [key: string]: Value } = { bucket: get('bucket'), region: get('region') };
    const keys: Array<[string, string]> = [['totalFileSize', 'total_file_size'], ['uploadChunkSize', 'upload_chunk_size'],
      ['s3KeyFormat', 's3_key_format'], ['endpoint', 'endpoint'], ['storeDirLimitSize', 'store_dir_limit_size']];
    for (const [option, key] of keys) {
      if (get(key) !== undefined) o[option] = get(key);
    }
    if (get('upload_timeout') !== undefined) {
      const d = duration(get('upload_timeout')!);
      if (d === undefined) {
        return undefined;
      }
      o.uploadTimeout = d;
    }
    if (get('compression') !== undefined) {
      const ref = enumRef('S3Compression', S3Compression, get('compression'));
      if (!ref) {
        return undefined;
      }
      o.compression = ref;
    }
    const id = secretOf(sidecar, 'AWS_ACCESS_KEY_ID');
    const secret = secretOf(sidecar, 'AWS_SECRET_ACCESS_KEY');
    if (id && secret) {
      o.credentialsSecret = {
        name: id.name,
        accessKeyIdKey: id.key === 'AWS_ACCESS_KEY_ID' ? undefined : id.key,
        secretAccessKeyKey: secret.key === 'AWS_SECRET_ACCESS_KEY' ? undefined : secret.key,
      };
    }
    return libCall('FluentBitOutput', 's3', [o]);
  }
  return undefined;
}

/**
 * `LogShipper.fluentBit({ ... })` for a Fluent Bit sidecar (without the log mount) whose
 * configuration is the ConfigMap right before the pod; undefined when it is not one.
 */
export function recogniseFluentBit(
  sidecar: any,
  volumes: any[],
  logMountPath: string,
  podName: string,
  before: InputObject | undefined,
): RecognisedFluentBit | undefined {
  const configVolume = volumes.find((v) => v?.name === CONFIG_VOLUME);
  const configMap = before?.object;
  if (sidecar.name !== 'sidecar-container' || !sameData(sidecar.command, ['/fluent-bit/bin/fluent-bit'])
    || !configVolume?.configMap?.name || configMap?.kind !== 'ConfigMap' || configMap.apiVersion !== 'v1'
    || configMap.metadata?.name !== configVolume.configMap.name || typeof configMap.data?.[CONFIG_KEY] !== 'string') {
    return undefined;
  }
  const sections = parseClassicConfig(configMap.data[CONFIG_KEY]);
  const input = sections?.get('INPUT');
  const output = sections?.get('OUTPUT');
  const dir = logMountPath.replace(/\/+$/, '');
  const path = input?.get('Path') ?? '';
  if (!input || !output || !path.startsWith(`${dir}/`) || path.slice(dir.length + 1).includes('/')) {
    return undefined;
  }
  const out = outputCall(output, sidecar);
  if (out === undefined) {
    return undefined;
  }
  const options: { [key: string]: Value } = { output: out };
  if (sidecar.image !== DEFAULT_IMAGE) options.image = sidecar.image;
  if (configMap.metadata.name !== `${podName}-fluent-bit`) options.configMapName = configMap.metadata.name;
  if (input.get('Tag') !== 'app') options.tag = input.get('Tag');
  if (input.get('Mem_Buf_Limit') !== '5MB') options.memBufLimit = input.get('Mem_Buf_Limit');
  if (sidecar.resources !== undefined) options.resources = toProps('ResourceRequirements', sidecar.resources, ValueStyle.PLAIN).value;
  return { logShipper: libCall('LogShipper', 'fluentBit', [options]), logFileName: path.slice(dir.length + 1), configMap: before! };
}

/** The sidecar without the config mount the shipper adds. */
export function withoutConfigMount(sidecar: any): any {
  const mounts = (sidecar.volumeMounts ?? []).filter((m: any) => m?.name !== CONFIG_VOLUME);
  return mounts.length > 0 ? { ...sidecar, volumeMounts: mounts } : withoutKey(sidecar, 'volumeMounts');
}
