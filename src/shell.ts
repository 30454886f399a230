/**
 * POSIX `sh` quoting for the scripts this library generates.
 *
 * @internal
 */

const SAFE = /^[A-Za-z0-9_./:=@%+,-]+$/;

/**
 * Quotes a value as one `sh` word. Values made only of safe characters are left as they are,
 * so generated commands stay readable (`tail -f /var/log/app.log`); anything else is wrapped in
 * single quotes, with embedded single quotes written as `'\''`. No input can inject shell.
 */
export function shellQuote(value: string): string {
  if (value.length > 0 && SAFE.test(value)) {
    return value;
  }
  return `'${value.replace(/'/g, "'\\''")}'`;
}
