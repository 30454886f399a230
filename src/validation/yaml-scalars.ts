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

/**
 * Strings that cdk8s writes unquoted (its YAML 1.1 writer does not know Go's `0o17`, `0X1F`,
 * `0B1` or `0_7`-style numbers) but that kubectl's YAML reader turns into numbers: a name or
 * image like "0o7" then fails at `kubectl apply` ("cannot unmarshal number into ... string"),
 * and a map key like "0o7" silently becomes "7". Valid for the API server, but not writable
 * through cdk8s, so this library rejects them (found by the property tests).
 */
export function validateYamlScalars(value: unknown, path: string, problems: Problems): void {
  // The path of the value being walked, formatted only when there is something to report.
  const segments: Array<string | number> = [];
  const at = (): string => (path + segments.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('')).replace(/^\./, '');
  const check = (s: string, what: string): void => {
    // Only strings that start like a number can read back as one (cheap test first).
    const c = s.charCodeAt(0);
    if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) {
      return;
    }
    const stripped = s.replace(/_/g, '');
    if ((GO_INT.test(stripped) || GO_FLOAT.test(stripped)) && Yaml.stringify({ v: s }).trim() === `v: ${s}`) {
      problems.add(at(), `${what}${show(s)} would be written unquoted by cdk8s and read back by kubectl as a number, not a string; this library rejects it: change the value (e.g. add a letter in front).`);
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
