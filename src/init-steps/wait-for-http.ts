/**
 * `InitStep.waitForHttp(url)`: until a URL answers with a status of 200 to 204.
 *
 * @internal
 */
import type { InitStepOptions } from '../init-step';
import { argumentProblems, checkKeys, checkOptions, defaultName, fail, parseHttpUrl, retryScript, shContainer, StepSpec, WAIT_ATTEMPT_SECONDS } from './script';

/**
 * Each attempt is `wget -q --spider "$url"`: busybox wget sends a GET, follows redirects and
 * stops after the status line and headers, so an answer counts at once, whatever its body (a
 * stream or a large file would not arrive within an attempt). busybox wget takes 200 to 204 (and
 * redirects to them) and treats every other status, 205 to 299 included, as an error (wget.c).
 * GNU wget's --spider sends HEAD.
 */
export function waitForHttpStep(url: string, options: InitStepOptions): StepSpec {
  const errors: string[] = [];
  checkKeys('InitStepOptions', options, errors);
  const parsed = parseHttpUrl('url', url, errors);
  const settings = checkOptions(options, errors);
  fail('InitStep.waitForHttp', errors);
  const name = options.name ?? defaultName('wait-for-http', parsed!.host);
  const script = retryScript({
    name,
    tools: ['wget'],
    vars: [['url', url]],
    start: [`waiting up to ${settings.timeout} s for `, { v: 'url' }],
    attempt: 'wget -q --spider "$url" >/dev/null 2>&1',
    attemptSeconds: WAIT_ATTEMPT_SECONDS,
    failure: [`timed out after ${settings.timeout} s: `, { v: 'url' }, ' did not answer with a status of 200 to 204'],
    success: [{ v: 'url' }, ' answers'],
    ...settings,
  });
  return {
    name,
    writesFiles: false,
    bind: () => {
      const container = shContainer(name, settings.image, script);
      return { container, problems: argumentProblems(container, `shorten the URL (${url.length} characters)`) };
    },
  };
}
