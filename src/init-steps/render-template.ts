/**
 * `InitStep.renderTemplate(template, path)`: a config file from a template and environment
 * variables (values, Secret or ConfigMap references), written into the shared files volume.
 *
 * @internal
 */
import type { InitStepContext } from '../init-step';
import type { EnvVar } from '../k8s-types';
import { show } from '../problems';
import { kubeletLiteral, shellQuote } from '../shell';
import { argumentProblems, assign, checkFilePath, checkKeys, checkName, checkShellName, DEFAULT_IMAGE, defaultName, fail, filesIn, filesMount, requireTools, say, shContainer, StepSpec } from './script';
import { dns1123Subdomain } from '../validation/names';

/**
 * How `InitStep.renderTemplate()` writes a variable's value into the file.
 */
export enum TemplateEscape {
  /** Exactly as it is, byte for byte (newlines, quotes and `${...}` included). */
  NONE = 'none',
  /**
   * Escaped for the inside of a double-quoted JSON string, which is also a YAML double-quoted
   * string: `\` as `\\`, `"` as `\"`, newline, carriage return and tab as `\n`, `\r`, `\t`, other
   * control characters, DEL, the C1 controls (U+0085 among them), U+2028, U+2029 and the
   * noncharacters U+FFFE and U+FFFF (which YAML readers refuse or read as line breaks) as
   * `\uXXXX`. Write the reference between double quotes: `"password": "${DB_PASSWORD}"`. A value
   * then can never end the string or add a key, whatever it holds; a value that is not UTF-8 (a
   * binary Secret) fails the step, naming the variable.
   */
  JSON_STRING = 'json-string',
}

/**
 * Options of `InitStep.renderTemplate()`.
 */
export interface RenderTemplateOptions {
  /**
   * The variables the template uses, as the step's environment variables: each `${NAME}` in the
   * template is replaced by the value of the variable `NAME`. A value (`value`) or a reference
   * (`valueFrom`: `secretKeyRef`, `configMapKeyRef`, `fieldRef`, `resourceFieldRef`); Secrets are
   * read by the step at run time and never written into the manifest. Every variable must be used
   * in the template, and must be set when the step runs (an `optional` reference that is missing
   * fails the step, naming it).
   *
   * @default - no variables: the template is written as it is
   */
  readonly variables?: EnvVar[];

  /**
   * How values are written.
   *
   * @default TemplateEscape.NONE
   */
  readonly escape?: TemplateEscape;

  /**
   * Put the template into the step's environment (variable `INIT_TEMPLATE`) instead of a
   * generated ConfigMap. For small templates, and for pods that cannot add ConfigMaps.
   *
   * @default false - the template is in a generated ConfigMap mounted into the step
   */
  readonly inline?: boolean;

  /**
   * Name of the generated ConfigMap (a DNS-1123 subdomain).
   *
   * @default - `<pod name>-<step name>`
   */
  readonly configMapName?: string;

  /**
   * Name of the init container.
   *
   * @default - `render-<file name>`, e.g. `render-app-conf`
   */
  readonly name?: string;

  /**
   * Image the step runs in (it needs `sh`, `awk`, `mkdir`, `mv` and `rm`).
   *
   * @default 'busybox:1.36'
   */
  readonly image?: string;
}

/** Where the generated ConfigMap is mounted in the step. */
export const TEMPLATE_DIR = '/etc/init-template';
const TEMPLATE_KEY = 'template';
const INLINE_VAR = 'INIT_TEMPLATE';

/** The shell variables the script assigns (checked by test/init-steps/reserved-names.test.ts). */
export const RENDER_TEMPLATE_VARIABLES: readonly string[] = ['dir', 'file', 'missing', 'part', 'tool'];
const MAX_CONFIGMAP_BYTES = 1024 * 1024;
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * The substitution, in POSIX awk (busybox awk, mawk and gawk read it alike under LC_ALL=C): the
 * template is read line by line; in each line, `${` followed by a declared name and `}` is
 * replaced by the variable's value (from ENVIRON, never through the shell or eval), everything
 * else is copied as it is, and values are never scanned again (a value holding `${OTHER}` stays
 * as it is). Whether the template ends with a newline is kept (`nl`).
 */
const AWK = [
  // Pieces of at most 256 characters, joined pairwise at the end: `r = r c` over a whole value
  // copies it once per character (busybox awk took 10 s for a 120 KB value).
  'function join(part, np,  step, i) {',
  '  for (step = 1; step < np; step *= 2)',
  '    for (i = 1; i + step <= np; i += 2 * step) part[i] = part[i] part[i + step]',
  '  return part[1]',
  '}',
  'function enc(s,  r, i, n, c, b, k, j, x, lo, hi, seq, m, np, part) {',
  '  if (esc != "json") return s',
  '  r = ""; n = length(s); m = 0; np = 0',
  '  for (i = 1; i <= n; i++) {',
  '    if (++m > 256) { part[++np] = r; r = ""; m = 1 }',
  '    c = substr(s, i, 1); b = code[c]',
  '    if (c == "\\\\") r = r "\\\\\\\\"',
  '    else if (c == "\\"") r = r "\\\\\\""',
  '    else if (c in ctl) r = r ctl[c]',
  '    else if (b < 128) r = r c',
  '    else {',
  // UTF-8 as RFC 3629 allows it: the lead byte gives the length and the range of the next byte.
  '      k = b >= 194 && b <= 223 ? 1 : b >= 224 && b <= 239 ? 2 : b >= 240 && b <= 244 ? 3 : 0',
  '      if (k == 0) { bad = 1; return "" }',
  '      lo = b == 224 ? 160 : b == 240 ? 144 : 128; hi = b == 237 ? 159 : b == 244 ? 143 : 191',
  '      for (j = 1; j <= k; j++) { x = code[substr(s, i + j, 1)]; if (x < lo || x > hi) { bad = 1; return "" }; lo = 128; hi = 191 }',
  '      seq = substr(s, i, k + 1); x = code[substr(s, i + 1, 1)]',
  // C1 controls (U+0080-U+009F, U+0085 among them), the line separators and the noncharacters
  // U+FFFE and U+FFFF: valid JSON as they are, but not in a YAML file, so they are escaped too.
  '      if (b == 194 && x < 160) r = r sprintf("\\\\u%04x", x)',
  '      else if (seq == "\\342\\200\\250") r = r "\\\\u2028"',
  '      else if (seq == "\\342\\200\\251") r = r "\\\\u2029"',
  '      else if (seq == "\\357\\277\\276") r = r "\\\\ufffe"',
  '      else if (seq == "\\357\\277\\277") r = r "\\\\uffff"',
  '      else r = r seq',
  '      i += k',
  '    }',
  '  }',
  '  part[++np] = r',
  '  return join(part, np)',
  '}',
  'BEGIN {',
  '  for (i = 1; i < 256; i++) code[sprintf("%c", i)] = i',
  '  for (i = 1; i < 32; i++) ctl[sprintf("%c", i)] = sprintf("\\\\u%04x", i)',
  '  ctl["\\n"] = "\\\\n"; ctl["\\r"] = "\\\\r"; ctl["\\t"] = "\\\\t"; ctl[sprintf("%c", 127)] = "\\\\u007f"',
  '  n = split(names, list, " ")',
  '  for (i = 1; i <= n; i++) {',
  '    val["${" list[i] "}"] = enc(ENVIRON[list[i]])',
  '    if (bad) { printf "the value of %s is not valid UTF-8, so it cannot be written into a JSON string\\n", list[i] > "/dev/stderr"; exit 3 }',
  '  }',
  '}',
  'NR > 1 { printf "%s\\n", out }',
  '{',
  '  line = $0; out = ""',
  '  while ((p = index(line, "${")) > 0) {',
  '    out = out substr(line, 1, p - 1); line = substr(line, p)',
  '    q = index(line, "}")',
  '    if (q > 0 && (substr(line, 1, q) in val)) { out = out val[substr(line, 1, q)]; line = substr(line, q + 1) }',
  '    else { out = out "${"; line = substr(line, 3) }',
  '  }',
  '  out = out line',
  '}',
  'END { if (NR > 0) { if (nl) printf "%s\\n", out; else printf "%s", out } }',
].join('\n');

export function renderTemplateStep(template: string, path: string, options: RenderTemplateOptions): StepSpec {
  const errors: string[] = [];
  checkKeys('RenderTemplateOptions', options, errors);
  if (typeof template !== 'string') {
    errors.push(`template: ${show(template)} must be a string (the text of the file, with \${NAME} where a variable's value goes)`);
  }
  checkFilePath('path', path, errors);
  const inline = options.inline ?? false;
  if (typeof inline !== 'boolean') {
    errors.push(`inline: ${show(inline)} must be true or false`);
  }
  const escape = options.escape ?? TemplateEscape.NONE;
  if (!Object.values(TemplateEscape).includes(escape)) {
    errors.push(`escape: ${show(escape)} must be one of ${Object.keys(TemplateEscape).map((k) => `TemplateEscape.${k}`).join(', ')}`);
  }
  const variables = options.variables ?? [];
  const names: string[] = [];
  const declaredAt: number[] = [];
  if (!Array.isArray(variables)) {
    errors.push(`variables: ${show(variables)} must be a list of environment variables ({ name, value } or { name, valueFrom })`);
  } else {
    variables.forEach((v, i) => {
      const n = (v as any)?.name;
      if (!checkShellName(`variables[${i}].name`, n, errors, RENDER_TEMPLATE_VARIABLES)) {
        return;
      }
      if (names.includes(n)) {
        errors.push(`variables[${i}].name: ${show(n)} is declared twice; declare each variable once`);
      } else if (inline && n === INLINE_VAR) {
        errors.push(`variables[${i}].name: ${show(n)} is the variable that holds the template when inline is true; rename it`);
      }
      names.push(n);
      declaredAt.push(i);
    });
  }
  if (typeof template === 'string' && template.includes('\0')) {
    errors.push(`template: holds a NUL character (U+0000) at index ${template.indexOf('\0')}, which the step cannot write as it is (busybox awk writes a newline instead, and an environment variable cannot hold one); remove it, or ship the file with InitStep.download()`);
  }
  if (typeof template === 'string') {
    const used = new Set([...template.matchAll(REFERENCE)].map((m) => m[1]));
    names.forEach((n, i) => {
      if (!used.has(n)) {
        errors.push(`variables[${declaredAt[i]}].name: ${show(n)} is never used in the template; write \${${n}} where its value goes, or remove the variable`);
      }
    });
    if (!inline && Buffer.byteLength(template, 'utf8') > MAX_CONFIGMAP_BYTES) {
      errors.push(`template: ${Buffer.byteLength(template, 'utf8')} bytes is more than a ConfigMap holds (1 MiB); split the file or download it instead`);
    }
  }
  if (options.configMapName !== undefined) {
    const problem = typeof options.configMapName === 'string' ? dns1123Subdomain(options.configMapName) : 'must be a string';
    if (problem) {
      errors.push(`configMapName: ${show(options.configMapName)} ${problem}`);
    }
  }
  checkName(options.name, errors);
  const image = options.image ?? DEFAULT_IMAGE;
  if (typeof image !== 'string' || image.trim() === '' || image !== image.trim()) {
    errors.push(`image: ${show(image)} must be an image reference without surrounding spaces (e.g. '${DEFAULT_IMAGE}')`);
  }
  fail('InitStep.renderTemplate', errors);

  const name = options.name ?? defaultName('render', path.split('/').pop()!);
  const env = variables.map((v) => ({ ...v }));
  const volumeName = `${name.slice(0, 54).replace(/-+$/, '')}-template`;
  return {
    name,
    writesFiles: true,
    writes: path,
    bind: (context: InitStepContext) => {
      const problems: string[] = [];
      const { file, part, dir } = filesIn(context, path);
      const configMapName = options.configMapName ?? (context.podName !== undefined ? `${context.podName}-${name}` : undefined);
      if (!inline) {
        const problem = configMapName === undefined ? 'is not known: the pod has no name to derive it from' : dns1123Subdomain(configMapName);
        if (problem) {
          problems.push(`configMapName: ${show(configMapName)} ${problem}; give configMapName, or inline: true`);
        }
      }
      const awk = `LC_ALL=C awk -v names=${shellQuote(names.join(' '))} -v esc=${escape === TemplateEscape.JSON_STRING ? 'json' : 'none'} -v nl=${template.endsWith('\n') ? 1 : 0} ${shellQuote(AWK)}`;
      const lines = [
        ...requireTools(name, DEFAULT_IMAGE, ['awk', 'mkdir', 'mv', 'rm']),
        ...assign([['file', file], ['part', part], ['dir', dir]]),
        'missing=',
        ...names.map((n) => `[ "\${${n}+set}" = set ] || missing="\${missing}\${missing:+, }${n}"`),
        `if [ -n "$missing" ]; then ${say([`${name}: these variables are not set: `, { v: 'missing' }], true)}; exit 1; fi`,
        'mkdir -p "$dir" || exit 1',
        'trap \'rm -f "$part"\' EXIT',
        inline
          ? `printf '%s' "$${INLINE_VAR}" | ${awk} > "$part" || { ${say([`${name}: could not render `, { v: 'file' }], true)}; exit 1; }`
          : `${awk} < ${TEMPLATE_DIR}/${TEMPLATE_KEY} > "$part" || { ${say([`${name}: could not render `, { v: 'file' }], true)}; exit 1; }`,
        'mv "$part" "$file" || exit 1',
        say([`${name}: wrote `, { v: 'file' }]),
      ];
      const container = shContainer(name, image, lines.join('\n'), {
        ...(inline || env.length > 0 ? { env: [...env, ...(inline ? [{ name: INLINE_VAR, value: kubeletLiteral(template) }] : [])] } : {}),
        volumeMounts: [filesMount(context), ...(inline ? [] : [{ name: volumeName, mountPath: TEMPLATE_DIR, readOnly: true }])],
      });
      const smaller = 'use fewer or smaller values (a large file is better downloaded)';
      problems.push(...argumentProblems(container, inline ? `put the template into a ConfigMap (inline: false), or ${smaller}` : smaller));
      if (inline || configMapName === undefined) {
        return { container, problems };
      }
      return {
        container,
        volumes: [{ name: volumeName, configMap: { name: configMapName } }],
        configMaps: [{ name: configMapName, data: { [TEMPLATE_KEY]: template } }],
        problems,
      };
    },
  };
}
