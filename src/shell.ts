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
 * start of one of these is written `$$`: one before `$`, and one before `(`...`)`, whatever is
 * between: the kubelet reads a name up to the first `)`, and since 1.32 (RelaxedEnvironment-
 * VariableValidation) a variable name may hold blanks, so even `$(date +%s)` of a script could
 * name one. And one before a character outside ASCII: the 1.32 kubelet copies `$` and the next
 * byte as a rune of its own (tryReadVariableName's `string(input[0])`), which turns `$€` into
 * invalid UTF-8 (fixed in kubernetes#136325, for 1.34 and later only).
 */
export function kubeletLiteral(value: string): string {
  return value.replace(/\$(?=\$|\([^)]*\)|[^\x00-\x7f])/g, '$$$$');
}

/**
 * What the container gets of a string the kubelet expands, when no `$(NAME)` in it names a variable
 * (as in what kubeletLiteral writes): every `$$` is one `$`. The inverse of kubeletLiteral.
 */
export function kubeletUnescaped(value: string): string {
  return value.replace(/\$\$/g, '$');
}

/**
 * What the kubelet makes of a string of `command`, `args` or an env `value` before the container
 * starts: `$$` becomes `$`, `$(NAME)` the value of a variable of `vars` (else it stays as
 * written). For env values, `vars` holds the entries before it, expanded in order.
 */
// Go: Expand and tryReadVariableName (kubernetes third_party/forked/golang/expansion/expand.go)
export function kubeletExpand(input: string, vars: ReadonlyMap<string, string>): string {
  if (!input.includes('$')) {
    return input;
  }
  let out = '';
  let i = 0;
  while (i < input.length) {
    if (input[i] === '$' && i + 1 < input.length) {
      if (input[i + 1] === '$') {
        out += '$';
        i += 2;
        continue;
      }
      const end = input[i + 1] === '(' ? input.indexOf(')', i + 2) : -1;
      if (end >= 0) {
        const name = input.slice(i + 2, end);
        out += vars.get(name) ?? `$(${name})`;
        i = end + 1;
        continue;
      }
    }
    out += input[i];
    i++;
  }
  return out;
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
