/**
 * Strings that cdk8s writes in a way kubectl reads back differently: this library's contract,
 * not an API server rule.
 *
 * @internal
 */
import { Yaml } from 'cdk8s';
import { Problems, show } from '../problems';

// go-yaml v2 `resolve()` (used by kubectl through sigs.k8s.io/yaml): a plain scalar is a number
// when, with every '_' removed, strconv.ParseInt/ParseUint(s, 0, 64) accepts it, it matches
// yamlStyleFloat, or it starts with "0b" and ParseInt(rest, 2, 64) accepts the rest, sign
// included ("0b-0", "0b+1": found by the property tests).
const GO_INT = /^([-+]?(0|[1-9][0-9]*|0[0-7]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[bB][01]+)|0b[-+][01]+)$/;
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

// Characters cdk8s (the `yaml` package) writes as they are, but kubectl's YAML reader (go-yaml v2
// through sigs.k8s.io/yaml, kubectl 1.28 and 1.32 alike) refuses ("control characters are not
// allowed": U+007F-U+009F, U+FFFE, U+FFFF) or reads as a line break (YAML 1.1: U+0085, U+2028,
// U+2029; "mapping values are not allowed in this context"). Measured: every BMP code point and a
// few astral ones, each alone, between, before and after letters, in a block scalar and in a map
// key, written with cdk8s's Yaml.stringify and read back with `kubectl set env --local -o json`:
// exactly these 37 fail; every other string reads back identically. (Exported, without the g flag,
// so that a hot loop can test it without a call: see sanitize in validated-api-object.ts.)
// A lone UTF-16 surrogate (a high one not followed by a low one, a low one not preceded by a
// high one) is written as an escape ("\ud800"), which go-yaml refuses ("found invalid Unicode
// character escape code", yaml_parser_scan_flow_scalar); a pair (an emoji) reads back.
export const UNREADABLE = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|[\udc00-\udfff](?<![\ud800-\udbff][\udc00-\udfff])/;
const LINE_BREAKS = new Set([0x85, 0x2028, 0x2029]);

/**
 * Whether a string holds a character kubectl's YAML reader takes for a line break (U+0085, U+2028,
 * U+2029): validateYamlScalars reports it, and the value the API server would get is not this one
 * (a trailing break is dropped), so a rule on the value itself (a quantity) says nothing true.
 */
export function readsAsLineBreak(value: unknown): boolean {
  return typeof value === 'string' && /[\u0085\u2028\u2029]/.test(value);
}
// A string with a line break is written as a block scalar (`|-`); when its first non-empty line
// starts with a tab, go-yaml refuses it ("found a tab character where an indentation space is
// expected"). Measured on every string of up to 5 characters from "a", " ", tab, "\n", "\r", "#",
// ":" (19,607 strings): exactly the strings of this shape that cdk8s writes as block scalars fail.
const FIRST_LINE_TAB = /^\n*\t/;

/**
 * Whether a string could be misread by kubectl's YAML reader (the cheap test that
 * validateYamlScalars applies before its full check): it starts like a number, holds a character
 * go-yaml refuses or reads as a line break, or is a multi-line string starting with a tab.
 */
export function maybeMisread(s: string): boolean {
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    const stripped = s.includes('_') ? s.replace(/_/g, '') : s;
    if (GO_INT.test(stripped) || GO_FLOAT.test(stripped)) {
      return true;
    }
  }
  return UNREADABLE.test(s) || ((c === 9 || c === 10) && FIRST_LINE_TAB.test(s));
}

// Go: resolve, yaml_parser_update_buffer, is_break, yaml_parser_scan_flow_scalar and yaml_parser_scan_block_scalar_breaks (gopkg.in/yaml.v2 resolve.go, readerc.go, yamlprivateh.go, scannerc.go): kubectl's YAML reader, through sigs.k8s.io/yaml; this library's contract, not an API server rule
/**
 * This library's contract: every string of a manifest reads back from the YAML exactly as it was
 * written. Valid for the API server, but not writable through cdk8s, so this library rejects:
 *
 * - strings that cdk8s writes unquoted (its YAML 1.1 writer does not know Go's `0o17`, `0X1F`,
 *   `0B1` or `0_7`-style numbers) but that kubectl's YAML reader turns into numbers: a name or
 *   image like "0o7" then fails at `kubectl apply` ("cannot unmarshal number into ... string"),
 *   and a map key like "0o7" silently becomes "7" (found by the property tests);
 * - strings holding U+007F-U+009F, U+2028, U+2029, U+FFFE or U+FFFF, or a lone UTF-16
 *   surrogate, anywhere (annotations, commands, environment values, keys): kubectl cannot read
 *   the file, or (U+0085, U+2028, U+2029: line breaks to it) reads another value without a word;
 * - multi-line strings whose first non-empty line starts with a tab: kubectl cannot read the file.
 */
export function validateYamlScalars(value: unknown, path: string, problems: Problems): void {
  // The path of the value being walked, formatted only when there is something to report.
  const segments: Array<string | number> = [];
  const at = (): string => (path + segments.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('')).replace(/^\./, '');
  const check = (s: string, what: string): void => {
    if (UNREADABLE.test(s)) {
      const index = s.search(UNREADABLE);
      const code = s.charCodeAt(index);
      const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      const surrogate = code >= 0xd800 && code <= 0xdfff;
      const effect = LINE_BREAKS.has(code)
        ? 'reads as a line break (YAML 1.1): the file then fails to parse, or the value reads back changed without a word (a trailing break is dropped, and the character alone reads as null)'
        : 'refuses ("control characters are not allowed")';
      problems.add(at(), surrogate
        ? `${what}${show(s)} contains a lone UTF-16 surrogate ${name} (at index ${index}, half of a character whose other half is missing), which cdk8s writes as the escape \\u${code.toString(16)} and kubectl's YAML reader refuses ("found invalid Unicode character escape code"); this library's contract rejects it: remove it, or write the whole character.`
        : `${what}${show(s)} contains ${name} (at index ${index}), which cdk8s writes as it is and kubectl's YAML reader ${effect}; this library's contract rejects it: remove the character (in JSON or YAML text held in the string, write it escaped, e.g. \\u${code.toString(16).padStart(4, '0')}).`);
    }
    if (s.includes('\n') && FIRST_LINE_TAB.test(s) && /^v: [|>]/.test(Yaml.stringify({ v: s }))) {
      problems.add(at(), `${what}${show(s)} spans lines and its first line starts with a tab: cdk8s writes it as a block scalar, which kubectl's YAML reader refuses ("found a tab character where an indentation space is expected"); this library's contract rejects it: indent that line with spaces, or start the string with another character.`);
    }
    // Only strings that start like a number can read back as one (cheap test first).
    const c = s.charCodeAt(0);
    if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) {
      return;
    }
    const stripped = s.replace(/_/g, '');
    if ((GO_INT.test(stripped) || GO_FLOAT.test(stripped)) && Yaml.stringify({ v: s }).trim() === `v: ${s}`) {
      problems.add(at(), `${what}${show(s)} would be written unquoted by cdk8s and read back by kubectl as a number, not a string; this library's contract rejects it: change the ${what.startsWith('key') ? 'key' : 'value'} (e.g. add a letter in front).`);
    }
  };
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      check(v, '');
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        segments.push(i);
        walk(v[i]);
        segments.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        check(k, 'key ');
        segments.push(k);
        walk((v as any)[k]);
        segments.pop();
      }
    }
  };
  walk(value);
}
