/**
 * `InitStep.downloadFromS3(bucket, key, path)`: an object of a private S3 (or S3-compatible)
 * bucket into the shared files volume, with the AWS CLI.
 *
 * @internal
 */
import type { k8s } from 'cdk8s-plus-28';
import type { InitStepOptions } from '../init-step';
import { show } from '../problems';
import { argumentProblems, checkFilePath, checkKeys, checkOptions, checkSecretKeySelector, checkSha256, defaultName, fail, filesIn, filesMount, parseHttpUrl, retryScript, secretEnv, shContainer, StepSpec, verifyAndMove } from './script';
import type { EnvVar } from '../k8s-types';

/** The image of `InitStep.downloadFromS3()` when none is given: the official AWS CLI v2 image, pinned. */
export const AWS_CLI_IMAGE = 'amazon/aws-cli:2.17.0';

/**
 * Access keys for `InitStep.downloadFromS3()`, each a reference to a Secret key: the values are
 * read by the step at run time and never written into the manifest.
 */
export interface S3Credentials {
  /** The access key id (`AWS_ACCESS_KEY_ID`). */
  readonly accessKeyId: k8s.SecretKeySelector;

  /** The secret access key (`AWS_SECRET_ACCESS_KEY`). */
  readonly secretAccessKey: k8s.SecretKeySelector;

  /**
   * A session token, for temporary credentials (`AWS_SESSION_TOKEN`).
   *
   * @default - none
   */
  readonly sessionToken?: k8s.SecretKeySelector;
}

/**
 * Options of `InitStep.downloadFromS3()`.
 */
export interface DownloadFromS3Options extends InitStepOptions {
  /**
   * Access keys from a Secret.
   *
   * @default - none: the AWS CLI finds credentials itself, e.g. through the pod's service
   *   account (EKS Pod Identity, IAM roles for service accounts) or the node's role
   */
  readonly credentials?: S3Credentials;

  /**
   * The bucket's region (`--region`).
   *
   * @default - the AWS CLI's default (`AWS_REGION` or `AWS_DEFAULT_REGION` if set, e.g. by EKS)
   */
  readonly region?: string;

  /**
   * The endpoint of an S3-compatible store (`--endpoint-url`), e.g. `http://minio.storage:9000`:
   * scheme, host and port only.
   *
   * @default - AWS S3
   */
  readonly endpointUrl?: string;

  /**
   * Expected SHA-256 of the object (64 hex digits); on a mismatch the step exits 1 and the
   * file is not written.
   *
   * @default - no checksum check
   */
  readonly sha256?: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Each attempt is `aws s3 cp "s3://$bucket/$key" "$tmp/object" --only-show-errors [--region R]
 * [--endpoint-url U]`, into a folder `<file>.part` of its own that a failed or cut attempt
 * removes whole: the AWS CLI writes a temporary `object.<random>` beside the file, which a cut
 * attempt (TERM or KILL) would otherwise leave in the shared volume. (To stdout (`-`) the CLI
 * writes a retried range again after what it wrote: a corrupt file with exit 0.)
 */
export function downloadFromS3Step(bucket: string, key: string, path: string, options: DownloadFromS3Options): StepSpec {
  const errors: string[] = [];
  checkKeys('DownloadFromS3Options', options, errors);
  if (typeof bucket !== 'string' || !BUCKET.test(bucket) || bucket.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(bucket)) {
    errors.push(`bucket: ${show(bucket)} must be an S3 bucket name: 3 to 63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, not an IP address (e.g. 'my-bucket')`);
  }
  if (typeof key !== 'string' || key === '' || Buffer.byteLength(key, 'utf8') > 1024 || /[\x00-\x1f\x7f]/.test(key) || key.startsWith('/')) {
    errors.push(`key: ${show(key)} must be an object key of 1 to 1024 bytes without control characters, not starting with '/' (e.g. 'app/config.json')`);
  }
  checkFilePath('path', path, errors);
  const sha256 = checkSha256(options.sha256, errors);
  if (options.region !== undefined && (typeof options.region !== 'string' || !REGION.test(options.region) || options.region.length > 63)) {
    errors.push(`region: ${show(options.region)} must be a region name of lowercase letters, digits and '-' (e.g. 'eu-west-1')`);
  }
  if (options.endpointUrl !== undefined) {
    const endpoint = parseHttpUrl('endpointUrl', options.endpointUrl, errors, { allowPath: false });
    // botocore's is_valid_endpoint_url (EndpointCreator.create_endpoint) takes labels of letters,
    // digits and '-' only: the AWS CLI would stop with "Invalid endpoint" at every try.
    if (endpoint && endpoint.host.includes('_')) {
      errors.push(`endpointUrl: ${show(options.endpointUrl)}: its host ${show(endpoint.host)} has '_', which the AWS CLI refuses ("Invalid endpoint"); use the store's name without '_' or its IP address`);
    }
  }
  let credentials: EnvVar[] = [];
  if (options.credentials !== undefined) {
    const c = options.credentials as any;
    if (c === null || typeof c !== 'object') {
      errors.push(`credentials: ${show(c)} must be { accessKeyId, secretAccessKey, sessionToken? }, each a Secret key reference`);
    } else {
      const id = checkSecretKeySelector('credentials.accessKeyId', c.accessKeyId, errors);
      const secret = checkSecretKeySelector('credentials.secretAccessKey', c.secretAccessKey, errors);
      const token = checkSecretKeySelector('credentials.sessionToken', c.sessionToken, errors);
      if (c.accessKeyId === undefined || c.secretAccessKey === undefined) {
        errors.push('credentials: accessKeyId and secretAccessKey are both needed; give both, or no credentials to use the pod\'s identity');
      }
      credentials = secretEnv([['AWS_ACCESS_KEY_ID', id], ['AWS_SECRET_ACCESS_KEY', secret], ['AWS_SESSION_TOKEN', token]]);
    }
  }
  const settings = checkOptions(options, errors, AWS_CLI_IMAGE);
  fail('InitStep.downloadFromS3', errors);
  const name = options.name ?? defaultName('download', path.split('/').pop()!);
  const flags = [
    ...(options.region !== undefined ? [`--region ${options.region}`] : []),
    ...(options.endpointUrl !== undefined ? ['--endpoint-url "$endpoint"'] : []),
  ].map((f) => ` ${f}`).join('');
  return {
    name,
    writesFiles: true,
    writes: path,
    bind: (context) => {
      const { file, part: tmp, dir } = filesIn(context, path);
      const script = [
        retryScript({
          name,
          suggestImage: AWS_CLI_IMAGE,
          tools: ['aws', 'mkdir', 'mv', 'rm', ...(sha256 ? ['sha256sum'] : [])],
          vars: [['source', `s3://${bucket}/${key}`], ...(options.endpointUrl !== undefined ? [['endpoint', options.endpointUrl] as [string, string]] : []), ['file', file], ['tmp', tmp], ['part', `${tmp}/object`], ['dir', dir]],
          prepare: ['mkdir -p "$dir" || exit 1'],
          start: ['downloading ', { v: 'source' }, ' to ', { v: 'file' }],
          attempt: `aws s3 cp "$source" "$part" --only-show-errors${flags}`,
          cleanup: 'rm -rf "$tmp"',
          failure: [`timed out after ${settings.timeout} s: could not download `, { v: 'source' }],
          ...settings,
        }),
        ...verifyAndMove(name, sha256, [{ v: 'source' }]),
      ].join('\n');
      const container = shContainer(name, settings.image, script, {
        ...(credentials.length > 0 ? { env: credentials.map((e) => ({ ...e })) } : {}),
        volumeMounts: [filesMount(context)],
      });
      return { container, problems: argumentProblems(container, `shorten the object key (${key.length} characters)`) };
    },
  };
}
