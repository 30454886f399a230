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
  const parts = value.split('/');
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
    return "has an empty name part after '/'";
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
 * digit, and not '.', '..' or starting with '..'. (Kubernetes 1.28 rule; the relaxed rule of the
 * `RelaxedEnvironmentVariableValidation` gate came in 1.30.)
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
