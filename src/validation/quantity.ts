/**
 * Resource quantities, exactly as the API server reads and compares them. Go: apimachinery
 * `pkg/api/resource` (`ParseQuantity`, `Quantity.UnmarshalJSON`, `Cmp`, `RoundUp`, `Value`,
 * `MilliValue`, `CanonicalizeBytes`). No floating point anywhere: a quantity is a big integer
 * times a power of ten, so '2300m' and '2.3' are equal and '0.1' equals '100m'.
 *
 * @internal
 */
import { Problems, show, WRITTEN_DIGITS } from '../problems';
import { readsAsLineBreak } from './yaml-scalars';

/** How a quantity was written: it decides the canonical form (`String()` in Go). */
export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

const TEN = BigInt(10);
const ZERO = BigInt(0);
const ONE = BigInt(1);
/** Go: `maxAllowed` (the largest int64), the cap of BinarySI quantities. */
const MAX_INT64 = BigInt(2) ** BigInt(63) - ONE;
/** Go: `resource.Nano`: values are rounded up (away from zero) to 10^-9 when parsed. */
const NANO = -9;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

function abs(v: bigint): bigint {
  return v < ZERO ? -v : v;
}

function digits(v: bigint): number {
  return v === ZERO ? 0 : abs(v).toString().length;
}

/** Divides |v| by 10^n rounding away from zero (Go: `inf.RoundUp`), keeping the sign. */
function shrinkAwayFromZero(v: bigint, n: number): bigint {
  if (n <= 0 || v === ZERO) {
    return v;
  }
  const a = abs(v);
  // A divisor with more digits than the value leaves 1 (the smallest representable unit).
  const q = n > digits(a) ? ZERO : a / pow10(n);
  const exact = n <= digits(a) && q * pow10(n) === a;
  const r = exact ? q : q + ONE;
  return v < ZERO ? -r : r;
}

const TWO_64 = BigInt(2) ** BigInt(64);
const TWO_63 = BigInt(2) ** BigInt(63);

/** A value as a Go int64 holds it: the low 64 bits, two's complement (Go's wrapping arithmetic, big.Int.Int64). */
function wrap64(v: bigint): bigint {
  const low = ((v % TWO_64) + TWO_64) % TWO_64;
  return low >= TWO_63 ? low - TWO_64 : low;
}

/** wrap64(v * 10^k) without the power for large k: 10^k is a multiple of 2^64 from k = 64 on. */
function timesPow10Wrapped(v: bigint, k: number): bigint {
  return k >= 64 ? ZERO : wrap64(wrap64(v) * pow10(k));
}

/** The scale differences Go's positiveScaleInt64 multiplies in one step (with the wrapped product), not in a loop of tens (0 on overflow). */
const ONE_STEP_SCALES = new Set([1, 2, 3, 6, 9]);

/** A parsed quantity: `unscaled * 10^exponent`, exact. */
export class Quantity {
  public constructor(
    /** The digits, with the sign. */
    public readonly unscaled: bigint,
    /** The power of ten. */
    public readonly exponent: number,
    public readonly format: QuantityFormat,
    /**
     * How Go holds the value, where its int64 arithmetic differs from exact arithmetic: undefined
     * for an int64Amount (value `unscaled`, scale `exponent`: ParseQuantity's fast path), else the
     * scale of the inf.Dec (`decScale` decimals: 9 after ParseQuantity, 3 after RoundUp(Milli), 0
     * for a BinarySI value capped at the largest int64).
     */
    public readonly decScale?: number,
  ) {}

  /** -1, 0 or 1. */
  public get sign(): number {
    return this.unscaled === ZERO ? 0 : this.unscaled < ZERO ? -1 : 1;
  }

  // Go: Quantity.Cmp (quantity.go): -1, 0 or 1, exactly.
  public cmp(other: Quantity): number {
    const a = this.sign;
    const b = other.sign;
    if (a !== b) {
      return a < b ? -1 : 1;
    }
    if (a === 0) {
      return 0;
    }
    // Same sign: compare magnitudes, first by their order of magnitude (no huge powers of ten).
    const magA = digits(this.unscaled) + this.exponent;
    const magB = digits(other.unscaled) + other.exponent;
    let c: number;
    if (magA !== magB) {
      c = magA < magB ? -1 : 1;
    } else {
      const e = Math.min(this.exponent, other.exponent);
      const x = abs(this.unscaled) * pow10(this.exponent - e);
      const y = abs(other.unscaled) * pow10(other.exponent - e);
      c = x === y ? 0 : x < y ? -1 : 1;
    }
    return a < 0 ? -c : c;
  }

  // Go: Quantity.RoundUp (quantity.go): the value rounded away from zero to a multiple of 10^scale
  // (the server rounds every resource request and limit to milli units: SetDefaults_ResourceList).
  // An inf.Dec is rounded to exactly that scale (infDecAmount.AsScale), an int64Amount only when finer (int64Amount.AsScale).
  public roundUp(scale: number): Quantity {
    const decScale = this.decScale === undefined ? undefined : -scale;
    if (this.exponent >= scale) {
      return decScale === undefined ? this : new Quantity(this.unscaled, this.exponent, this.format, decScale);
    }
    return new Quantity(shrinkAwayFromZero(this.unscaled, scale - this.exponent), scale, this.format, decScale);
  }

  /**
   * Go: Quantity.ScaledValue (quantity.go) as the int64 Go computes it, overflow included: an
   * int64Amount multiplies with wrapping for a scale difference of 1, 2, 3, 6 or 9
   * (positiveScaleInt64, whose `ok` ScaledValue drops) and gives 0 past the int64 range otherwise;
   * an inf.Dec gives the low 64 bits of its big value (scaledValue, big.Int.Int64). What Go's
   * `MilliValue() % 1000` and `Value() % pageSize` see for values past the int64 range.
   */
  public goScaledValue(scale: number): bigint {
    if (this.decScale === undefined) {
      const diff = this.exponent - scale;
      if (diff <= 0) {
        return shrinkAwayFromZero(this.unscaled, -diff); // AsScaledInt64: negativeScaleInt64, exact
      }
      if (diff >= 19) {
        return ZERO; // 0, or past the int64 range in the loop of tens
      }
      const exact = this.unscaled * pow10(diff);
      if (ONE_STEP_SCALES.has(diff)) {
        return wrap64(exact);
      }
      return exact === wrap64(exact) ? exact : ZERO;
    }
    // The inf.Dec: `unscaled * 10^k` at decScale decimals. Go: scaledValue(unscaled, scale, newScale)
    const k = this.exponent + this.decScale;
    const dif = this.decScale + scale;
    const low = timesPow10Wrapped(this.unscaled, k); // unscaled.Int64()
    if (dif === 0) {
      return low;
    }
    if (dif < 0) {
      return wrap64(low * pow10(-dif));
    }
    const divisor = pow10(dif);
    const belowMax = this.unscaled < ZERO || (k < 19 && this.unscaled * pow10(k) < MAX_INT64);
    if (belowMax && dif < 19) {
      // int64 division of unscaled.Int64(), truncating, plus one for a remainder
      return low % divisor !== ZERO ? low / divisor + ONE : low / divisor;
    }
    if (k >= dif) {
      return timesPow10Wrapped(this.unscaled, k - dif); // exact: no remainder
    }
    // big.Int.DivMod: Euclidean (the remainder is never negative)
    const u = this.unscaled * pow10(k);
    const r = ((u % divisor) + divisor) % divisor;
    return wrap64(wrap64((u - r) / divisor) + (r !== ZERO ? ONE : ZERO));
  }

  // Go: Quantity.ScaledValue (quantity.go): the value in units of 10^scale, rounded away from zero.
  public scaledValue(scale: number): bigint {
    if (this.exponent >= scale) {
      return this.unscaled * pow10(this.exponent - scale);
    }
    return shrinkAwayFromZero(this.unscaled, scale - this.exponent);
  }

  // Go: Quantity.Value (quantity.go)
  public value(): bigint {
    return this.scaledValue(0);
  }

  // Go: Quantity.MilliValue (quantity.go)
  public milliValue(): bigint {
    return this.scaledValue(-3);
  }

  /** Whether the value is a whole number (Go: `MilliValue() % 1000 == 0` on a milli-rounded quantity). */
  public isInteger(): boolean {
    return this.exponent >= 0 || this.unscaled % pow10(-this.exponent) === ZERO;
  }

  // Go: Quantity.CanonicalizeBytes (quantity.go), as String(): '1000m' is '1', '1024Ki' is '1Mi', '1e3' stays '1e3'.
  public toString(): string {
    return this.canonical(false);
  }

  /**
   * String() exactly as Go writes it: a DecimalSI value whose exponent has no suffix (above E,
   * below n) loses its exponent, as `constructBytes` finds no suffix and its `ok` is ignored
   * (`1000E`, 1e21, is "1"). What Go compares (a divisor); `toString()` keeps the exponent.
   */
  public goString(): string {
    return this.canonical(true);
  }

  private canonical(goDropsExponent: boolean): string {
    if (this.unscaled === ZERO) {
      return '0';
    }
    let format = this.format;
    if (format === 'BinarySI') {
      const small = this.cmp(QUANTITY_1024) < 0 && this.cmp(QUANTITY_MINUS_1024) > 0;
      if (small || this.roundUp(0).cmp(this) !== 0) {
        format = 'DecimalSI';
      }
    }
    if (format === 'BinarySI') {
      let v = this.value();
      let e = 0;
      const k = BigInt(1024);
      while (v !== ZERO && v % k === ZERO && e < 6) {
        v /= k;
        e++;
      }
      return `${v}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][e]}`;
    }
    // AsCanonicalBytes: trailing zeros into the exponent, then the exponent down to a multiple of 3.
    let m = this.unscaled;
    let e = this.exponent;
    while (m % TEN === ZERO) {
      m /= TEN;
      e++;
    }
    while (((e % 3) + 3) % 3 !== 0) {
      m *= TEN;
      e--;
    }
    if (format === 'DecimalExponent') {
      return e === 0 ? `${m}` : `${m}e${e}`;
    }
    const suffix = DECIMAL_SUFFIXES[e];
    return suffix !== undefined ? `${m}${suffix}` : goDropsExponent ? `${m}` : `${m}e${e}`;
  }
}

const QUANTITY_1024 = new Quantity(BigInt(1024), 0, 'DecimalSI');
const QUANTITY_MINUS_1024 = new Quantity(BigInt(-1024), 0, 'DecimalSI');
/** The zero quantity (an unset `resource.Quantity{}`). */
export const ZERO_QUANTITY = new Quantity(ZERO, 0, 'DecimalSI');

const DECIMAL_SUFFIXES: { [exponent: number]: string } = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const DECIMAL_EXPONENTS: { [suffix: string]: number } = { 'n': -9, 'u': -6, 'm': -3, '': 0, 'k': 3, 'M': 6, 'G': 9, 'T': 12, 'P': 15, 'E': 18 };
const BINARY_EXPONENTS: { [suffix: string]: number } = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

interface Scanned {
  readonly positive: boolean;
  readonly value: string;
  readonly num: string;
  readonly denom: string;
  readonly suffix: string;
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

// Go: parseQuantityString (quantity.go): sign, leading zeros, numerator, '.', denominator, then
// a suffix of "eEinumkKMGTP" letters, an optional sign and digits.
function parseQuantityString(str: string): Scanned | undefined {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end && (str[0] === '-' || str[0] === '+')) {
    positive = str[0] !== '-';
    pos++;
  }
  while (pos < end && str[pos] === '0') {
    pos++;
  }
  if (pos >= end) {
    return { positive, value: '0', num: '0', denom: '', suffix: '' };
  }
  let i = pos;
  while (i < end && isDigit(str[i])) {
    i++;
  }
  if (i >= end) {
    return { positive, value: str, num: str.slice(pos), denom: '', suffix: '' };
  }
  let num = str.slice(pos, i);
  pos = i;
  if (num.length === 0) {
    num = '0';
  }
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) {
      i++;
    }
    if (i >= end) {
      return { positive, value: str, num, denom: str.slice(pos), suffix: '' };
    }
    denom = str.slice(pos, i);
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  i = pos;
  while (i < end && 'eEinumkKMGTP'.includes(str[i])) {
    i++;
  }
  if (i >= end) {
    return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  }
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') {
    pos++;
  }
  while (pos < end && isDigit(str[pos])) {
    pos++;
  }
  if (pos >= end) {
    return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  }
  return undefined; // ErrFormatWrong
}

// Go: suffixHandler.interpret (suffix.go): decimal SI, binary SI, or e<int> (an int64 cast to int32).
function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  if (suffix in DECIMAL_EXPONENTS) {
    return { base: 10, exponent: DECIMAL_EXPONENTS[suffix], format: 'DecimalSI' };
  }
  if (suffix in BINARY_EXPONENTS) {
    return { base: 2, exponent: BINARY_EXPONENTS[suffix], format: 'BinarySI' };
  }
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    const n = BigInt(suffix.slice(1));
    if (n > MAX_INT64 || n < -MAX_INT64 - ONE) {
      return undefined;
    }
    return { base: 10, exponent: Number(BigInt.asIntN(32, n)), format: 'DecimalExponent' };
  }
  return undefined;
}

// Go: ParseQuantity (quantity.go), on a string.
export function parseQuantityText(str: string): Quantity | undefined {
  if (str.length === 0) {
    return undefined;
  }
  if (str === '0') {
    return ZERO_QUANTITY;
  }
  const s = parseQuantityString(str);
  if (!s) {
    return undefined;
  }
  const suffix = interpretSuffix(s.suffix);
  if (!suffix) {
    return undefined; // ErrSuffix
  }
  // The fast path (int64 arithmetic) and the inf.Dec path give the same value, except that the
  // inf.Dec path fails on a numeric part without digits ('.' with a scale below nano, '.Ki').
  let fast = false;
  if (suffix.format === 'BinarySI') {
    fast = s.denom.length === 0 && 15 - s.num.length - Math.trunc((suffix.exponent * 3) / 10) - 1 >= 0;
  } else {
    fast = 18 - (s.num.length + s.denom.length) >= 0 && suffix.exponent - s.denom.length >= NANO;
  }
  if (!fast && !/[0-9]/.test(s.value)) {
    return undefined; // ErrNumeric
  }
  let unscaled = BigInt(s.num + s.denom);
  let exponent = -s.denom.length;
  let format = suffix.format;
  if (suffix.base === 10) {
    exponent += suffix.exponent;
  } else {
    unscaled *= BigInt(2) ** BigInt(suffix.exponent);
  }
  // Values below a nano are rounded up to it; BinarySI values are capped at the largest int64.
  if (exponent < NANO) {
    unscaled = shrinkAwayFromZero(unscaled, NANO - exponent);
    exponent = NANO;
  }
  // An inf.Dec rounded to nano (9 decimals), or the cap (0 decimals).
  let decScale = fast ? undefined : 9;
  if (format === 'BinarySI') {
    const q = new Quantity(unscaled, exponent, format);
    if (q.cmp(new Quantity(MAX_INT64, 0, format)) > 0) {
      unscaled = MAX_INT64;
      exponent = 0;
      decScale = fast ? undefined : 0;
    } else if (unscaled !== ZERO && q.cmp(new Quantity(ONE, 0, format)) < 0) {
      format = 'DecimalSI';
    }
  }
  return new Quantity(s.positive ? unscaled : -unscaled, exponent, format, decScale);
}

/**
 * Go: `Quantity.String()` of a value just decoded: `ParseQuantity` keeps the text it was given
 * when its int64 fast path finds the digits canonical, without looking at a leading '+', leading
 * zeros, a trailing '.' or an exponent (so "+1", "01Ki", "1e0" and "1." stay as written); any
 * other value is written in canonical form. Undefined for a malformed quantity.
 */
// Go: ParseQuantity (quantity.go), the string it keeps
export function goQuantityString(value: unknown): string | undefined {
  const q = parseQuantity(value);
  if (q === undefined) {
    return undefined;
  }
  const text = typeof value === 'string' ? trimRawSpace(value) : value === null ? undefined : JSON.stringify(value);
  return text !== undefined && keepsText(text) ? text : q.goString();
}

/**
 * For a divisor refused only for its spelling ("+1", "01Ki": Go compares the text it kept), the
 * sentence that says how to write it; '' otherwise.
 */
export function divisorSpelling(value: unknown, allowed: readonly string[]): string {
  const canonical = parseQuantity(value)?.toString();
  return canonical !== undefined && allowed.includes(canonical) && goQuantityString(value) !== canonical
    ? ` The API server compares the divisor as written: write ${show(canonical)}.`
    : '';
}

/** Whether ParseQuantity's fast path returns a Quantity holding `str` itself. */
function keepsText(str: string): boolean {
  if (str === '0') {
    return true;
  }
  const s = parseQuantityString(str);
  const suffix = s && interpretSuffix(s.suffix);
  if (!s || !suffix) {
    return false;
  }
  const shifted = s.num + s.denom;
  if (suffix.format === 'BinarySI') {
    // Binary suffixes: the fast path only for whole numbers, within its precision estimate.
    const precision = 15 - s.num.length - Math.trunc((suffix.exponent * 3) / 10) - 1;
    if (s.denom.length > 0 || precision < 0) {
      return false;
    }
    const value = BigInt(shifted);
    // int64Multiply(value, 1<<exponent) must not overflow.
    if (value * BigInt(2) ** BigInt(suffix.exponent) > MAX_INT64) {
      return false;
    }
    // Go: value&0x07 != 0 (the digits are not a multiple of 8).
    return suffix.exponent % 10 === 0 && value % BigInt(8) !== ZERO;
  }
  const scale = suffix.exponent - s.denom.length;
  if (18 - shifted.length < 0 || scale < NANO) {
    return false;
  }
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

// Go: Quantity.UnmarshalJSON (quantity.go): a JSON string (trimmed of white space) or a JSON number
// (read as the text JSON writes for it); null is the zero quantity. Anything else is not a quantity.
export function parseQuantity(value: unknown): Quantity | undefined {
  if (value === null) {
    return ZERO_QUANTITY;
  }
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return undefined;
    }
    // A BigInt validateObject reads as a number: the digits cdk8s writes for it.
    text = WRITTEN_DIGITS.get(value) ?? JSON.stringify(value);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    return undefined;
  }
  // Quantities repeat (every container asks for '100m', '128Mi'): parse each text once.
  // Quantity is immutable, so one instance serves every caller.
  const cached = PARSED.get(text);
  if (cached !== undefined || PARSED.has(text)) {
    return cached;
  }
  const q = parseQuantityText(typeof value === 'string' ? trimRawSpace(text) : text);
  if (PARSED.size >= PARSED_LIMIT) {
    PARSED.clear();
  }
  PARSED.set(text, q);
  return q;
}

/**
 * Go: Quantity.UnmarshalJSON trims the raw JSON text between the quotes (strings.TrimSpace), before
 * escapes are decoded: the white space JSON writes escaped (tab, newline, \v, \f, carriage return,
 * and U+2028/U+2029, which Go's encoder escapes) reaches ParseQuantity as '\n'... and fails; the
 * rest (a space, U+0085, U+00A0, the other Unicode spaces) is trimmed.
 */
function trimRawSpace(text: string): string {
  return text.replace(RAW_SPACE_AROUND, '');
}

const RAW_SPACE_AROUND = /^[ \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+|[ \u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+$/g;

/** Parsed quantity texts (undefined for malformed ones), bounded. */
const PARSED = new Map<string, Quantity | undefined>();
const PARSED_LIMIT = 4096;

/** Whether a value is a well-formed resource.Quantity (a number, or a string like '100m', '1Gi', '1e3'). */
export function isQuantity(value: unknown): boolean {
  return parseQuantity(value) !== undefined;
}

/** Reports a malformed or negative quantity; returns the quantity when well-formed. */
// Go: ValidateNonnegativeQuantity (validation.go), after the decoder's quantity error (ErrFormatWrong).
export function checkQuantity(value: unknown, path: string, problems: Problems): Quantity | undefined {
  const q = parseQuantity(value);
  if (q === undefined) {
    if (!readsAsLineBreak(value)) {
      problems.add(path, `${show(value)} is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`);
    }
    return undefined;
  }
  if (q.sign < 0) {
    problems.add(path, `${show(value)} must be greater than or equal to 0.`);
  }
  return q;
}
