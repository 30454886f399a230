/**
 * How Kubernetes reads plain YAML scalars and map keys: kubectl and the API server read YAML with
 * sigs.k8s.io/yaml, which decodes it with go-yaml v2 (kubernetes-sigs/yaml goyaml.v2) into
 * `interface{}` and then turns map keys into strings. This file is a port of go-yaml v2's
 * `resolve()` (goyaml.v2/resolve.go, as Kubernetes 1.32 vendors it), of the parts of Go's strconv it calls, and of
 * sigs.k8s.io/yaml's key conversion (yaml.go, convertToJSONableObject), so that the importer reads
 * every plain scalar as Kubernetes does.
 *
 * @internal
 */

/** What go-yaml v2 makes of a scalar: its type and its value (integers as BigInt). */
export type GoScalar =
  | { readonly type: 'null'; readonly value: null }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'int'; readonly value: bigint }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'str'; readonly value: string }
  | { readonly type: 'merge'; readonly value: string };

// resolve.go: resolveMapList, exactly these spellings.
const RESOLVE_MAP: { [s: string]: GoScalar } = Object.create(null);
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) {
  RESOLVE_MAP[s] = { type: 'bool', value: true };
}
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) {
  RESOLVE_MAP[s] = { type: 'bool', value: false };
}
for (const s of ['', '~', 'null', 'Null', 'NULL']) {
  RESOLVE_MAP[s] = { type: 'null', value: null };
}
for (const s of ['.nan', '.NaN', '.NAN']) {
  RESOLVE_MAP[s] = { type: 'float', value: NaN };
}
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) {
  RESOLVE_MAP[s] = { type: 'float', value: Infinity };
}
for (const s of ['-.inf', '-.Inf', '-.INF']) {
  RESOLVE_MAP[s] = { type: 'float', value: -Infinity };
}
RESOLVE_MAP['<<'] = { type: 'merge', value: '<<' };

// resolve.go: yamlStyleFloat.
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** The hint of resolve.go's resolveTable for the first character: S sign, D digit, M map, '.' float, or none. */
function hintOf(s: string): string {
  if (s === '') {
    return 'N';
  }
  const c = s[0];
  if (c === '+' || c === '-') {
    return 'S';
  }
  if (c >= '0' && c <= '9') {
    return 'D';
  }
  if ('yYnNtTfFoO~'.includes(c)) {
    return 'M';
  }
  return c === '.' ? '.' : '';
}

/**
 * go-yaml v2 `resolve("", s)`: what a plain (untagged) scalar is. A timestamp-looking scalar
 * (`2001-12-14`) resolves to a timestamp, but go-yaml keeps it as the string when it decodes into
 * `interface{}` (goyaml.v2/decode.go, `scalar`: "for backward compatibility reasons we set it as a
 * string"), which sigs.k8s.io/yaml does: no timestamp can also read as a number, so it is a string here.
 */
export function goResolve(s: string): GoScalar {
  const hint = hintOf(s);
  if (hint === '') {
    return { type: 'str', value: s };
  }
  const item = RESOLVE_MAP[s];
  if (item) {
    return item;
  }
  if (hint === '.') {
    const f = goParseFloat(s);
    return f === undefined ? { type: 'str', value: s } : { type: 'float', value: f };
  }
  if (hint !== 'D' && hint !== 'S') {
    return { type: 'str', value: s };
  }
  const plain = s.replace(/_/g, '');
  const asInt = parseInt64(plain, 0);
  if (asInt.value !== undefined) {
    return { type: 'int', value: asInt.value };
  }
  const asUint = parseUint64(plain, 0);
  if (asUint.value !== undefined) {
    return { type: 'int', value: asUint.value };
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = goParseFloat(plain);
    if (f !== undefined) {
      return { type: 'float', value: f };
    }
  }
  if (plain.startsWith('0b')) {
    const b = parseInt64(plain.slice(2), 2);
    if (b.value !== undefined) {
      return { type: 'int', value: b.value };
    }
    const u = parseUint64(plain.slice(2), 2);
    if (u.value !== undefined) {
      return { type: 'int', value: u.value };
    }
  } else if (plain.startsWith('-0b')) {
    const b = parseInt64(`-${plain.slice(3)}`, 2);
    if (b.value !== undefined) {
      return { type: 'int', value: b.value };
    }
  }
  // The newest goyaml.v2/resolve.go then reads an integer beyond 64 bits with math/big (when the
  // error of ParseUint is ErrRange). Kubernetes 1.32 does not: it vendors sigs.k8s.io/yaml v1.4.0,
  // and kubectl 1.32.4 reads `0x10000000000000000`, `0o2000000000000000000000`, a 65-digit binary
  // and a 400-digit decimal as strings (measured with `kubectl label --local -f FILE x=y -o json`).
  return { type: 'str', value: s };
}

interface Parsed {
  readonly value?: bigint;
  readonly error?: 'syntax' | 'range';
}

const MAX_UINT64 = BigInt(2) ** BigInt(64) - BigInt(1);
/** 2^63: int64 holds -2^63 to 2^63 - 1. */
export const INT64_LIMIT = BigInt(2) ** BigInt(63);

/**
 * strconv.ParseUint(s, base, 64) (base 0: 0b/0B, 0o/0O, 0x/0X and a leading 0 for octal; no sign);
 * as Go, it stops at the first digit that overflows with a range error. Underscores are removed
 * by resolve() before it is called.
 */
function parseUint64(s: string, base: number): Parsed {
  if (s === '') {
    return { error: 'syntax' };
  }
  if (base === 0) {
    base = 10;
    if (s[0] === '0') {
      const p = s.length >= 3 ? s[1].toLowerCase() : '';
      if (p === 'b' || p === 'o' || p === 'x') {
        base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
        s = s.slice(2);
      } else {
        base = 8;
        s = s.slice(1);
      }
    }
  }
  const b = BigInt(base);
  let n = BigInt(0);
  for (const c of s) {
    const code = c.charCodeAt(0);
    let d: number;
    if (code >= 48 && code <= 57) {
      d = code - 48;
    } else if (code >= 97 && code <= 122) {
      d = code - 97 + 10;
    } else if (code >= 65 && code <= 90) {
      d = code - 65 + 10;
    } else {
      return { error: 'syntax' };
    }
    if (d >= base) {
      return { error: 'syntax' };
    }
    n = n * b + BigInt(d);
    if (n > MAX_UINT64) {
      return { error: 'range' };
    }
  }
  return { value: n };
}

/** strconv.ParseInt(s, base, 64): an optional sign, then ParseUint, then the int64 range. */
function parseInt64(s: string, base: number): Parsed {
  if (s === '') {
    return { error: 'syntax' };
  }
  const neg = s[0] === '-';
  const rest = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  const un = parseUint64(rest, base);
  if (un.error === 'syntax') {
    return un;
  }
  if (un.error === 'range' || (!neg && un.value! >= INT64_LIMIT) || (neg && un.value! > INT64_LIMIT)) {
    return { error: 'range' };
  }
  return { value: neg ? -un.value! : un.value! };
}

/**
 * strconv.ParseFloat(s, 64) for the forms resolve() hands it: a decimal number (underscores only
 * between digits, Go's underscoreOK), or undefined when Go fails, out of range included (±Inf).
 * (resolve() passes it only strings that start with '.' or match yamlStyleFloat, so Go's other
 * forms, `inf`, `nan` and hexadecimal floats, cannot occur.)
 */
function goParseFloat(s: string): number | undefined {
  if (!/^[-+]?[0-9_]*\.?[0-9_]*([eE][-+]?[0-9][0-9_]*)?$/.test(s) || !/[0-9]/.test(s.replace(/[eE].*$/, ''))) {
    return undefined;
  }
  if (s.includes('_') && !underscoreOk(s)) {
    return undefined;
  }
  const f = Number(s.replace(/_/g, ''));
  return Number.isFinite(f) ? f : undefined;
}

/** strconv's underscoreOK for a decimal number: every '_' is between two digits. */
function underscoreOk(s: string): boolean {
  let saw = '^';
  for (const c of s.replace(/^[-+]/, '')) {
    if (c >= '0' && c <= '9') {
      saw = '0';
    } else if (c === '_') {
      if (saw !== '0') {
        return false;
      }
      saw = '_';
    } else {
      if (saw === '_') {
        return false;
      }
      saw = '!';
    }
  }
  return saw !== '_';
}

/**
 * strconv.FormatFloat(v, 'g', -1, 32), as sigs.k8s.io/yaml names a float key (then +Inf is
 * `.inf`, -Inf `-.inf`, NaN `.nan`): the shortest decimal that reads back as the same float32
 * (the closest to it when several have as few digits), in %e form when its exponent is below -4
 * or at least 6 (golang/go src/strconv/ftoa.go, formatDigits with eprec 6), the exponent with a
 * sign and at least two digits (`1e+06`).
 */
export function formatFloatKey(v: number): string {
  const f = Math.fround(v);
  if (Number.isNaN(f)) {
    return '.nan';
  }
  if (f === Infinity || f === -Infinity) {
    return f > 0 ? '.inf' : '-.inf';
  }
  const neg = f < 0 || Object.is(f, -0);
  if (f === 0) {
    return neg ? '-0' : '0';
  }
  const { digits, dp } = shortestFloat32(Math.abs(f));
  const sign = neg ? '-' : '';
  const exp = dp - 1;
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp);
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${exp < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (dp <= 0) {
    return `${sign}0.${'0'.repeat(-dp)}${digits}`;
  }
  if (dp >= digits.length) {
    return `${sign}${digits}${'0'.repeat(dp - digits.length)}`;
  }
  return `${sign}${digits.slice(0, dp)}.${digits.slice(dp)}`;
}

/**
 * The shortest digits (no trailing zeros) and decimal point position (value = 0.digits * 10^dp)
 * of a positive float32, computed exactly: the decimals strictly inside the half-way bounds to
 * the neighbouring float32 values (or on them, when the mantissa is even: round half to even).
 */
function shortestFloat32(a: number): { digits: string; dp: number } {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, a);
  const bits = view.getUint32(0);
  let exp = Math.floor(bits / 0x800000) % 0x100;
  let mant = bits % 0x800000;
  if (exp === 0) {
    exp++;
  } else {
    mant += 0x800000;
  }
  exp -= 127;
  // value = mant * 2^(exp - 23); upper = (2 mant + 1) 2^(exp - 24); lower = (2 mantlo + 1) 2^(explo - 24).
  const minexp = -126;
  let mantlo: number;
  let explo: number;
  if (mant > 0x800000 || exp === minexp) {
    mantlo = mant - 1;
    explo = exp;
  } else {
    mantlo = mant * 2 - 1;
    explo = exp - 1;
  }
  // Every bound as an integer numerator over 2^k.
  const k = Math.max(0, 25 - exp);
  const two = BigInt(2);
  const scaled = (m: number, e: number): bigint => BigInt(m) * two ** BigInt(e + k); // e + k >= 0
  const value = scaled(mant, exp - 23);
  const upper = scaled(2 * mant + 1, exp - 24);
  const lower = scaled(2 * mantlo + 1, explo - 24);
  const denominator = two ** BigInt(k);
  const inclusive = mant % 2 === 0;
  const ten = BigInt(10);
  // The decimal exponent d of the value: 10^d <= value < 10^(d+1).
  let d = Math.floor(Math.log10(a));
  const pow10 = (n: number): bigint => ten ** BigInt(n);
  const atLeast = (e: number) => (e >= 0 ? value >= pow10(e) * denominator : value * pow10(-e) >= denominator);
  while (!atLeast(d)) {
    d--;
  }
  while (atLeast(d + 1)) {
    d++;
  }
  for (let p = 1; p <= 17; p++) {
    const q = d - p + 1;
    // Candidates k * 10^q: compare numerators over the common denominator (2^k, times 10^-q when q < 0).
    const unit = q >= 0 ? pow10(q) * denominator : denominator;
    const mul = q >= 0 ? BigInt(1) : pow10(-q);
    const lo = lower * mul;
    const hi = upper * mul;
    // The smallest k above the lower bound (on it when inclusive), the largest below the upper one.
    const kmin = lo / unit + (lo % unit === BigInt(0) && inclusive ? BigInt(0) : BigInt(1));
    let kmax = hi / unit;
    if (hi % unit === BigInt(0) && !inclusive) {
      kmax -= BigInt(1);
    }
    if (kmin > kmax) {
      continue;
    }
    // The candidate closest to the value (half to even), within the bounds.
    const v = value * mul;
    let kn = v / unit;
    const rem = v % unit;
    if (rem * BigInt(2) > unit || (rem * BigInt(2) === unit && kn % BigInt(2) === BigInt(1))) {
      kn += BigInt(1);
    }
    kn = kn < kmin ? kmin : kn > kmax ? kmax : kn;
    const s = kn.toString();
    const digits = s.replace(/0+$/, '');
    return { digits, dp: s.length + q };
  }
  throw new Error(`internal error: no shortest form of ${a}`);
}
