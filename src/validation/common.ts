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
