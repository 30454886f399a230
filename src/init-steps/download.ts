/**
 * `InitStep.download(url, path)`: a file over http:// or https:// into the shared files volume.
 *
 * @internal
 */
import type { DownloadOptions } from '../init-step';
import { argumentProblems, checkFilePath, checkKeys, checkOptions, checkSha256, defaultName, fail, filesIn, filesMount, parseHttpUrl, retryScript, shContainer, StepSpec, verifyAndMove } from './script';

/**
 * Each attempt is `wget -q -O "$part" "$url"` into `<file>.part`; a failed or cut attempt removes
 * the partial file, and so does the step when it times out or is stopped. With `sha256` the sum
 * is checked before the file is moved into place. Plain `http://` is allowed (in-cluster
 * servers rarely have TLS); `sha256` is what makes either trustworthy, since busybox `wget` does
 * not verify certificates.
 */
export function downloadStep(url: string, path: string, options: DownloadOptions): StepSpec {
  const errors: string[] = [];
  checkKeys('DownloadOptions', options, errors);
  parseHttpUrl('url', url, errors);
  checkFilePath('path', path, errors);
  const sha256 = checkSha256(options.sha256, errors);
  const settings = checkOptions(options, errors);
  fail('InitStep.download', errors);
  const name = options.name ?? defaultName('download', path.split('/').pop()!);
  return {
    name,
    writesFiles: true,
    writes: path,
    bind: (context) => {
      const { file, part, dir } = filesIn(context, path);
      const script = [
        retryScript({
          name,
          tools: ['wget', 'mkdir', 'mv', 'rm', ...(sha256 ? ['sha256sum'] : [])],
          vars: [['url', url], ['file', file], ['part', part], ['dir', dir]],
          prepare: ['mkdir -p "$dir" || exit 1'],
          start: ['downloading ', { v: 'url' }, ' to ', { v: 'file' }],
          attempt: 'wget -q -O "$part" "$url"',
          cleanup: 'rm -f "$part"',
          failure: [`timed out after ${settings.timeout} s: could not download `, { v: 'url' }],
          ...settings,
        }),
        ...verifyAndMove(name, sha256, [{ v: 'url' }]),
      ].join('\n');
      const container = shContainer(name, settings.image, script, { volumeMounts: [filesMount(context)] });
      return { container, problems: argumentProblems(container, `shorten the URL (${url.length} characters)`) };
    },
  };
}
