/**
 * Resource quantities. Go: apimachinery `pkg/api/resource` (`ParseQuantity`).
 *
 * @internal
 */
import { Problems, show } from '../problems';

// resource.ParseQuantity: <signedNumber><suffix>; suffix binary SI (Ki..Ei), decimal SI
// (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2).
const QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

/** Reports a malformed or negative quantity; returns its value when well-formed. */
export function checkQuantity(value: unknown, path: string, problems: Problems): number | undefined {
  const q = parseQuantity(value);
  if (q === undefined) {
    problems.add(path, `${show(value)} is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`);
    return undefined;
  }
  if (q < 0) {
    problems.add(path, `${show(value)} must be greater than or equal to 0.`);
  }
  return q;
}

/** Whether a value is a well-formed resource.Quantity (a number, or a string like '100m', '1Gi', '1e3'). */
export function isQuantity(value: unknown): boolean {
  return parseQuantity(value) !== undefined;
}

const SUFFIX: { [suffix: string]: number } = {
  '': 1,
  'n': 1e-9,
  'u': 1e-6,
  'm': 1e-3,
  'k': 1e3,
  'M': 1e6,
  'G': 1e9,
  'T': 1e12,
  'P': 1e15,
  'E': 1e18,
  'Ki': 2 ** 10,
  'Mi': 2 ** 20,
  'Gi': 2 ** 30,
  'Ti': 2 ** 40,
  'Pi': 2 ** 50,
  'Ei': 2 ** 60,
};

/** Go: `resource.ParseQuantity` (numbers are accepted too: a JSON number unmarshals into a Quantity). */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value !== 'string' || !QUANTITY.test(value)) {
    return undefined;
  }
  const m = value.match(/^([+-]?[0-9.]+)(.*)$/)!;
  const suffix = m[2];
  if (/^[eE]/.test(suffix)) {
    return Number(m[1] + suffix);
  }
  return Number(m[1]) * SUFFIX[suffix];
}
