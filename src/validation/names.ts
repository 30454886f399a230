/**
 * Name and label rules of the Kubernetes API server, mirrored from
 * k8s.io/apimachinery/pkg/util/validation/validation.go.
 *
 * Each function returns `undefined` when the value is valid, otherwise the reason, phrased
 * like the API server's message. Lengths are counted like Go's `len()`: every accepted name is
 * ASCII, so characters and bytes agree.
 *
 * @internal
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[-a-z0-9]+$/;
const HAS_LETTER = /[a-z]/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** `IsDNS1123Label`: at most 63 characters, lowercase alphanumerics and '-', alphanumeric at both ends. */
export function dns1123Label(value: string): string | undefined {
  if (value.length > 63) {
    return `must be no more than 63 characters (it has ${value.length})`;
  }
  if (!DNS1123_LABEL.test(value)) {
    if (DNS1123_SUBDOMAIN.test(value)) {
      // Go: "It was a valid subdomain and not a valid label ... it must be dots."
      return "must not contain dots (it is a DNS-1123 label, not a subdomain; e.g. 'my-name')";
    }
    return "must be a lowercase RFC 1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'my-name')";
  }
  return undefined;
}

/** `IsDNS1123Subdomain`: at most 253 characters, dot-separated RFC 1123 labels. */
export function dns1123Subdomain(value: string): string | undefined {
  if (value.length > 253) {
    return `must be no more than 253 characters (it has ${value.length})`;
  }
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return "must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com')";
  }
  return undefined;
}

/** `IsDNS1035Label`: at most 63 characters, starts with a letter, lowercase alphanumerics and '-'. */
export function dns1035Label(value: string): string | undefined {
  if (value.length > 63) {
    return `must be no more than 63 characters (it has ${value.length})`;
  }
  if (!DNS1035_LABEL.test(value)) {
    return "must be an RFC 1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (e.g. 'my-name')";
  }
  return undefined;
}

/** `IsValidPortName`: an IANA_SVC_NAME, at most 15 characters, at least one letter, no '--' and no '-' at either end. */
export function ianaServiceName(value: string): string | undefined {
  if (value.length > 15) {
    return `must be no more than 15 characters (it has ${value.length})`;
  }
  if (!IANA_SVC_NAME.test(value)) {
    return "must contain only lowercase letters, digits and '-'";
  }
  if (!HAS_LETTER.test(value)) {
    return 'must contain at least one letter';
  }
  if (value.includes('--')) {
    return "must not contain consecutive hyphens ('--')";
  }
  if (value.startsWith('-') || value.endsWith('-')) {
    return "must not begin or end with a hyphen ('-')";
  }
  return undefined;
}

/**
 * `IsQualifiedName`: label and annotation keys, `[prefix/]name`. The reason reads after "it"
 * (e.g. "label key ... is invalid: it has an empty name part").
 */
export function qualifiedName(value: string): string | undefined {
  // Most names have no prefix: no list to build for them.
  const parts = value.indexOf('/') === -1 ? [value] : value.split('/');
  let name = value;
  if (parts.length === 2) {
    const [prefix, rest] = parts;
    if (prefix.length === 0) {
      return "has an empty prefix before '/'; write 'example.com/key' or just 'key'";
    }
    const p = dns1123Subdomain(prefix);
    if (p) {
      return `has an invalid prefix ${JSON.stringify(prefix)}: the prefix ${p}`;
    }
    name = rest;
  } else if (parts.length > 2) {
    return "must be a qualified name: an optional DNS subdomain prefix and '/', then a name (e.g. 'example.com/my-key')";
  }
  if (name.length === 0) {
    return parts.length === 2 ? "has an empty name part after '/'" : 'must not be empty';
  }
  if (name.length > 63) {
    return `has a name part longer than 63 characters (${name.length})`;
  }
  if (!QUALIFIED_NAME.test(name)) {
    return "must have a name part of alphanumerics, '-', '_' or '.' that starts and ends with an alphanumeric (e.g. 'MyName', 'my.name' or 'example.com/MyName')";
  }
  return undefined;
}

/** `IsValidLabelValue`: empty, or at most 63 characters of alphanumerics, '-', '_' and '.', alphanumeric at both ends. */
export function labelValue(value: string): string | undefined {
  if (value.length > 63) {
    return `must be no more than 63 characters (it has ${value.length})`;
  }
  if (!LABEL_VALUE.test(value)) {
    return "must be empty or consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric";
  }
  return undefined;
}

/**
 * `IsEnvVarName` (with `hasChDirPrefix`): letters, digits, '_', '-' and '.', not starting with a
 * digit, and not '.', '..' or starting with '..'. (The rule of Kubernetes 1.28 to 1.31; the relaxed
 * rule of the `RelaxedEnvironmentVariableValidation` gate came as alpha, off, in 1.30, and is on from 1.32.)
 */
export function envVarName(value: string): string | undefined {
  if (!ENV_VAR_NAME.test(value)) {
    return "must consist of letters, digits, '_', '-' or '.', and must not start with a digit (e.g. 'MY_VAR')";
  }
  if (value === '.' || value === '..') {
    return `must not be '${value}'`;
  }
  if (value.startsWith('..')) {
    return "must not start with '..'";
  }
  return undefined;
}

/**
 * What the `NameIs*` functions check of a `generateName` (a prefix that may end with '-'): Go
 * drops the last *two* characters and appends 'a' (`name[:len(name)-2] + "a"`), so "A-" is
 * checked as "a" and "a_-" as "aa".
 */
// Go: maskTrailingDash (apimachinery pkg/api/validation/generic.go)
export function maskTrailingDash(name: string): string {
  if (!name.endsWith('-') || name.length < 2) {
    return name;
  }
  const before = name.charCodeAt(name.length - 2);
  // Go cuts bytes (name[:len(name)-2]): the last byte of a character beyond ASCII goes, and the
  // rest of it stays, no longer UTF-8, which no name rule accepts (U+FFFD stands for it here).
  return before < 0x80 ? `${name.slice(0, -2)}a` : `${name.slice(0, -2)}\ufffda`;
}

/**
 * `NameIsDNSSubdomain`: the name rule of most kinds (Pods, Secrets, ConfigMaps, ServiceAccounts,
 * PriorityClasses, ...). With `prefix`, the value is a `generateName` and may end with '-'.
 */
// Go: NameIsDNSSubdomain (apimachinery pkg/api/validation/generic.go)
export function nameIsDNSSubdomain(value: string, prefix = false): string | undefined {
  return dns1123Subdomain(prefix ? maskTrailingDash(value) : value);
}

/** `NameIsDNSLabel` (namespaces, `ValidateNamespaceName`). With `prefix`, may end with '-'. */
// Go: NameIsDNSLabel (apimachinery pkg/api/validation/generic.go)
export function nameIsDNSLabel(value: string, prefix = false): string | undefined {
  return dns1123Label(prefix ? maskTrailingDash(value) : value);
}

/** `NameIsDNS1035Label` (Services). With `prefix`, may end with '-'. */
// Go: NameIsDNS1035Label (apimachinery pkg/api/validation/generic.go)
export function nameIsDNS1035Label(value: string, prefix = false): string | undefined {
  return dns1035Label(prefix ? maskTrailingDash(value) : value);
}

/**
 * The name the API server makes from `generateName` before it validates the object
 * (`SimpleNameGenerator.GenerateName`: at most 58 characters of the base, then 5 random
 * characters from "bcdfghjklmnpqrstvwxz2456789"; "bcdfg" stands for them here).
 */
// Go: GenerateName (apiserver pkg/storage/names/generate.go)
export function generatedName(base: string): string {
  return `${base.length > 58 ? base.slice(0, 58) : base}bcdfg`;
}

const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/** `IsConfigMapKey`: at most 253 characters of alphanumerics, '-', '_' and '.', and not '.', '..' or starting with '..'. */
// Go: IsConfigMapKey (apimachinery pkg/util/validation/validation.go)
export function configMapKey(value: string): string | undefined {
  if (value.length > 253) {
    return `must be no more than 253 characters (it has ${value.length})`;
  }
  if (!CONFIG_MAP_KEY.test(value)) {
    return "must consist of alphanumerics, '-', '_' or '.' (e.g. 'key.name', 'KEY_NAME' or 'key-name')";
  }
  if (value === '.' || value === '..') {
    return `must not be '${value}'`;
  }
  if (value.startsWith('..')) {
    return "must not start with '..'";
  }
  return undefined;
}

/** `IsHTTPHeaderName`: alphanumerics and '-'. */
// Go: IsHTTPHeaderName (apimachinery pkg/util/validation/validation.go)
export function httpHeaderName(value: string): string | undefined {
  return /^[-A-Za-z0-9]+$/.test(value) ? undefined : "must consist of alphanumerics or '-' (e.g. 'X-Header-Name')";
}

/**
 * `IsRelaxedEnvVarName` (RelaxedEnvironmentVariableValidation, beta and on by default in 1.32):
 * printable ASCII other than '='.
 */
// Go: IsRelaxedEnvVarName (apimachinery pkg/util/validation/validation.go)
export function relaxedEnvVarName(value: string): string | undefined {
  if (value.length === 0) {
    return 'must not be empty';
  }
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c > 0x7e || ch === '=') {
      return "must consist only of printable ASCII characters other than '='";
    }
  }
  return undefined;
}

/** `IsValidUserID` / `IsValidGroupID` (1.32): an integer in 0-2147483647. */
// Go: IsValidUserID (apimachinery pkg/util/validation/validation.go)
export function validUserOrGroupId(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2147483647
    ? undefined
    : 'must be between 0 and 2147483647, inclusive';
}

// Go: dtoi (k8s.io/utils internal/third_party/forked/golang/net/parse.go): decimal digits up to 0xFFFFFF.
function dtoi(s: string, from: number): [number, number] | undefined {
  let n = 0;
  let i = from;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= 0xffffff) {
      return undefined;
    }
  }
  return i === from ? undefined : [n, i];
}

// Go: xtoi (k8s.io/utils internal/third_party/forked/golang/net/parse.go): hex digits up to 0xFFFFFF.
function xtoi(s: string, from: number): [number, number] | undefined {
  let n = 0;
  let i = from;
  for (; i < s.length; i++) {
    const d = parseInt(s[i], 16);
    if (Number.isNaN(d)) {
      break;
    }
    n = n * 16 + d;
    if (n >= 0xffffff) {
      return undefined;
    }
  }
  return i === from ? undefined : [n, i];
}

// Go: parseIPv4 (k8s.io/utils internal/third_party/forked/golang/net/ip.go, Go 1.16's parser):
// each octet any number of decimal digits, leading zeros allowed and read as decimal.
function parseIPv4(s: string): boolean {
  let pos = 0;
  for (let octet = 0; octet < 4; octet++) {
    if (pos >= s.length) {
      return false;
    }
    if (octet > 0) {
      if (s[pos] !== '.') {
        return false;
      }
      pos++;
    }
    const r = dtoi(s, pos);
    if (!r || r[0] > 0xff) {
      return false;
    }
    pos = r[1];
  }
  return pos === s.length;
}

// Go: parseIPv6 (k8s.io/utils internal/third_party/forked/golang/net/ip.go, Go 1.16's parser).
function parseIPv6(input: string): boolean {
  let s = input;
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) {
      return true;
    }
  }
  let i = 0;
  while (i < 16) {
    const r = xtoi(s, 0);
    if (!r || r[0] > 0xffff) {
      return false;
    }
    const c = r[1];
    if (c < s.length && s[c] === '.') {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16 || !parseIPv4(s)) {
        return false;
      }
      s = '';
      i += 4;
      break;
    }
    i += 2;
    s = s.slice(c);
    if (s.length === 0) {
      break;
    }
    if (s[0] !== ':' || s.length === 1) {
      return false;
    }
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) {
        return false;
      }
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) {
        break;
      }
    }
  }
  if (s.length !== 0) {
    return false;
  }
  if (i < 16) {
    return ellipsis >= 0;
  }
  return ellipsis < 0;
}

/**
 * `netutils.ParseIPSloppy`, the parser of `IsValidIP` in Kubernetes 1.32: Go 1.16's `net.ParseIP`,
 * which accepts IPv4 octets with leading zeros (`010.96.0.10` is 10.96.0.10; only the
 * StrictIPCIDRValidation gate of 1.33 rejects them) and no zone (`fe80::1%eth0`).
 */
// Go: ParseIPSloppy (k8s.io/utils/net/parse.go)
export function parseIPSloppy(value: string): boolean {
  for (const ch of value) {
    if (ch === '.') {
      return parseIPv4(value);
    }
    if (ch === ':') {
      return parseIPv6(value);
    }
  }
  return false;
}

/** `IsValidIP` (1.32): an IPv4 or IPv6 address as ParseIPSloppy reads it. */
// Go: IsValidIP (apimachinery pkg/util/validation/ip.go)
export function validIP(value: string): string | undefined {
  return parseIPSloppy(value) ? undefined : "must be a valid IP address (e.g. '10.9.8.7' or '2001:db8::ffff')";
}
