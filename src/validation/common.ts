/**
 * Shared helpers of the validation mirror: port numbers, required names and strings.
 * Go: apimachinery `pkg/util/validation` (`IsValidPortNum`) and the `field.Required` checks of
 * `pkg/apis/core/validation/validation.go`.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { dns1123Label } from './names';

/** The largest int32 (Go: math.MaxInt32). */
export const MAX_INT32 = 2147483647;

/** Go's white space (`unicode.IsSpace`): JavaScript's `\s` without U+FEFF, with U+0085. */
const GO_SPACE_CLASS = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/** A run of Go white space (what `strings.Fields` splits on). */
export const GO_SPACE = new RegExp(`${GO_SPACE_CLASS}+`);

const GO_SPACE_AROUND = new RegExp(`^${GO_SPACE_CLASS}+|${GO_SPACE_CLASS}+$`, 'g');

/**
 * Go: strings.ToLower, rune by rune with Unicode's simple mapping. JavaScript's toLowerCase also
 * applies the special mappings: U+0130 (İ) becomes 'i' and a combining dot, and a final Σ becomes
 * ς; Go writes 'i' and σ.
 */
export function goToLower(s: string): string {
  return s.replace(/[\u0130\u03a3]/g, (c) => (c === '\u0130' ? 'i' : '\u03c3')).toLowerCase();
}

/** Go: strings.TrimSpace (unlike JavaScript's trim, U+FEFF stays). */
export function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE_AROUND, '');
}

/** Checks a port number is an integer in 1-65535. Go: `IsValidPortNum`. */
export function checkPortNumber(value: unknown, path: string, required: boolean, problems: Problems): void {
  if (value === undefined) {
    if (required) {
      problems.add(path, 'is required; set a port number between 1 and 65535.');
    }
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    problems.add(path, `${show(value)} is not a valid port number; use an integer between 1 and 65535.`);
  }
}

/** A name that must be a DNS-1123 label. Go: `validateContainers` / `ValidateVolumes` (Required, ValidateDNS1123Label). */
export function checkName(name: unknown, path: string, what: string, problems: Problems): void {
  if (typeof name !== 'string' || name.length === 0) {
    problems.add(path, `every ${what} needs a name; set name (e.g. 'my-${what}').`);
    return;
  }
  const r = dns1123Label(name);
  if (r) {
    problems.add(path, `${what} name ${show(name)} is invalid: it ${r}.`);
  }
}

/** A required non-empty string. Go: `field.Required` on an empty string. */
export function requireNonEmpty(value: unknown, path: string, what: string, problems: Problems): boolean {
  if (typeof value !== 'string' || value.length === 0) {
    problems.add(path, `is required; set ${what}.`);
    return false;
  }
  return true;
}

/**
 * The feature gates the pod rules depend on, at their Kubernetes 1.32 defaults
 * (`pkg/features/kube_features.go`, versioned specs). A field behind a gate that is off is
 * dropped silently on create (`dropDisabledPodFields`): this library reports it instead.
 */
export const FEATURE_GATES_1_32 = {
  /** `spec.volumes[].image` (alpha 1.31, beta and still off 1.33). */
  ImageVolume: false,
  /** `spec.resources` (alpha 1.32). */
  PodLevelResources: false,
  /** `spec.resourceClaims`, `containers[].resources.claims` (beta, off by default, in 1.32). */
  DynamicResourceAllocation: false,
  /** `spec.hostUsers` (beta but off by default until 1.33). */
  UserNamespacesSupport: false,
  /** `securityContext.procMount` other than Default (beta but off by default until 1.33). */
  ProcMountType: false,
  /** `securityContext.supplementalGroupsPolicy` (alpha 1.31, beta 1.33). */
  SupplementalGroupsPolicy: false,
  /** `securityContext.seLinuxChangePolicy` (alpha 1.32). */
  SELinuxChangePolicy: false,
  /** `projected.sources[].clusterTrustBundle` (alpha 1.29, beta and off 1.33). */
  ClusterTrustBundleProjection: false,
  /** `containers[].resizePolicy` (alpha until 1.33). */
  InPlacePodVerticalScaling: false,
  /** `dnsConfig.searches` with '_' or a lone '.' (alpha 1.32). */
  RelaxedDNSSearchValidation: false,
  /** `matchLabelKeys` / `mismatchLabelKeys` in pod (anti-)affinity terms (beta, on, 1.31). */
  MatchLabelKeysInPodAffinity: true,
  /** `matchLabelKeys` in topology spread constraints (beta, on, 1.27). */
  MatchLabelKeysInPodTopologySpread: true,
  /** `nodeAffinityPolicy` / `nodeTaintsPolicy` in topology spread constraints (beta, on, 1.26). */
  NodeInclusionPolicyInPodTopologySpread: true,
  /** `controller.kubernetes.io/pod-deletion-cost` checked (beta, on, 1.22). */
  PodDeletionCost: true,
  /** A PersistentVolumeClaim's `volumeAttributesClassName` (beta but off by default until 1.34). */
  VolumeAttributesClass: false,
  /** A PersistentVolumeClaim's `dataSourceRef.namespace` (alpha). */
  CrossNamespaceVolumeDataSource: false,
} as const;

/** Whether a value is an integer JSON number (Go decodes nothing else into an int field). */
export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** A file mode: 0-0777 (Go: `fileModeErrorMsg`). Returns the problem, if any. */
export function checkFileMode(value: unknown, path: string, problems: Problems): void {
  if (value !== undefined && value !== null && (!isInteger(value) || value < 0 || value > 0o777)) {
    problems.add(path, `${show(value)} must be a file mode between 0 and 0777 (octal; 511 in decimal), both inclusive; write e.g. 0o644 (420) in TypeScript.`);
  }
}

/** Whether a value is a non-empty string (Go: `len(s) > 0` on a string field). */
export function isSet(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * A spec as the decoder leaves it before defaulting: the Go field is a struct, not a pointer, so
 * an absent or null spec is the zero struct and is defaulted like any other (a spec of the wrong
 * type is reported by the decode step; its rules are then checked as for an empty one).
 */
export function zeroIfUnset(spec: unknown): any {
  return spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? spec : {};
}

// Standard base64 with padding, as encoding/json decodes a []byte (base64.StdEncoding.Decode,
// which skips '\r' and '\n' anywhere: see isBase64).
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const LINE_BREAKS = /[\r\n]/g;

/** Whether encoding/json decodes the value into a []byte: standard base64, line breaks ignored. */
// Go: (*Encoding).Decode (encoding/base64): "New line characters (\r and \n) are ignored."
export function isBase64(value: string): boolean {
  return BASE64.test(value.includes('\n') || value.includes('\r') ? value.replace(LINE_BREAKS, '') : value);
}

/**
 * Why encoding/json cannot decode a JSON value into a Go `[]byte` (Secret data, ConfigMap
 * binaryData, a caBundle), or undefined: a string is decoded as standard base64 with padding, and
 * a list element by element, each an integer from 0 to 255 (null is 0). `what` names the field
 * in the message.
 */
// Go: encoding/json (sigs.k8s.io/json) literalStore (a string into []byte: base64.StdEncoding.Decode;
// a number into uint8: strconv.ParseUint and OverflowUint) and array (a slice element by element)
export function bytesProblem(value: unknown, what: string): string | undefined {
  if (typeof value === 'string') {
    return isBase64(value) ? undefined
      : `${value.length > 40 ? `${show(value.slice(0, 40))}...` : show(value)} is not standard base64 (with padding): ${what} takes base64-encoded bytes `
        + '(the API server cannot decode it).';
  }
  if (Array.isArray(value)) {
    const i = value.findIndex((b) => b !== null && !(Number.isInteger(b) && b >= 0 && b <= 255));
    return i < 0 ? undefined
      : `item [${i}], ${show(value[i])}, is not a byte value: bytes written as a list take integers from 0 to 255 (the API server cannot decode it).`;
  }
  return `${show(value)} is not a base64 string; ${what} takes base64-encoded bytes such as "aGk=" (the API server cannot decode it).`;
}

/**
 * Whether Go's `time.Parse(time.RFC3339, s)` reads a date, as `metav1.Time.UnmarshalJSON` decodes
 * it. Its fast path (`parseRFC3339`) reads a subset of what its layout parser then reads, so this
 * is the layout parser of "2006-01-02T15:04:05Z07:00": literals exactly ('T' and 'Z' upper case),
 * a four-digit year, two-digit month, day, minute and second, an hour of one or two digits, a
 * fraction after '.' or ',', then 'Z' or an offset ±hh:mm with hh up to 24 and mm up to 60; every
 * field in its range, and the day in its month.
 */
// Go: time.Parse (format.go: parse with getnum, skip, parseNanoseconds, daysIn), as metav1.Time.UnmarshalJSON calls it
export function goParsesRfc3339(value: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d?):(\d\d):(\d\d)(?:[.,]\d+)?(?:Z|([+-])(\d\d):(\d\d))$/.exec(value);
  if (!m) {
    return false;
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || day < 1 || day > days) {
    return false;
  }
  return m[7] === undefined || (Number(m[8]) <= 24 && Number(m[9]) <= 60);
}

/**
 * The path of a map key: `path.key`, or, as Go prints a key (field.Path.Key), `path[key]` for a
 * key a dotted path would misread (`data[..]`, `data[a.b/c]`, `data[a: b]`), and `path[""]` for the empty key.
 */
export function keyPath(path: string, key: string): string {
  return key === '' ? `${path}[""]` : /[./[\]:\s]/.test(key) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}
