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

/**
 * A string written into a container's `command`, `args` or an env `value` so that the container
 * gets exactly it: the kubelet expands `$(NAME)` there with the container's variables (the
 * Services' `*_SERVICE_HOST` ones included) and turns `$$` into `$` (Go:
 * third_party/forked/golang/expansion/expand.go `Expand`, used by the kubelet's
 * `ExpandContainerCommandAndArgs` and for env values). Every `$` the kubelet could read as the
 * start of one of these is written `$$`: one before `$`, and one before `(NAME)` without blanks;
 * the command substitutions of the scripts (`$(date +%s)`) name no variable and stay as they are.
 */
export function kubeletLiteral(value: string): string {
  return value.replace(/\$(?=\$|\([^)\s]*\))/g, '$$$$');
}

/**
 * What the container gets of a string the kubelet expands, when no `$(NAME)` in it names a variable
 * (as in what kubeletLiteral writes): every `$$` is one `$`. The inverse of kubeletLiteral.
 */
export function kubeletUnescaped(value: string): string {
  return value.replace(/\$\$/g, '$');
}

/** The container with `kubeletLiteral` applied to its command, args and literal env values (a copy). */
export function withKubeletLiterals<T extends { command?: string[]; args?: string[]; env?: Array<{ value?: string }> }>(container: T): T {
  const literal = (list: string[] | undefined) => list?.map((s) => (typeof s === 'string' ? kubeletLiteral(s) : s));
  return {
    ...container,
    ...(container.command ? { command: literal(container.command) } : {}),
    ...(container.args ? { args: literal(container.args) } : {}),
    ...(container.env ? { env: container.env.map((e) => (typeof e?.value === 'string' ? { ...e, value: kubeletLiteral(e.value) } : e)) } : {}),
  };
}
