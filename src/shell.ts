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

const DOLLAR = 0x24;
const OPEN = 0x28;
const CLOSE = 0x29;

/**
 * What the kubelet makes of a string of `command`, `args` or an env `value` before the container
 * starts (`$$` becomes `$`, `$(NAME)` the value of a variable of `vars`, else it stays as written),
 * byte for byte, as the 1.32 kubelet runs it, for the sizes the process gets: a `$`
 * before a byte that starts no expression is written with that byte read as a character
 * (`string(input[0])`), so `$` before a non-ASCII character grows by one byte (`$€` is `$`, U+00E2
 * and the two other bytes of `€`: 5 bytes, not 4; kubernetes#136325 changed this after 1.32).
 * `vars`: the values of the entries before, as this function expanded them.
 */
// Go: Expand and tryReadVariableName (kubernetes third_party/forked/golang/expansion/expand.go, release-1.32)
export function kubeletExpandedBytes(input: Buffer, vars: ReadonlyMap<string, Buffer>): Buffer {
  if (!input.includes(DOLLAR)) {
    return input;
  }
  const out: Buffer[] = [];
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== DOLLAR || cursor + 1 >= input.length) {
      continue;
    }
    out.push(input.subarray(checkpoint, cursor));
    const next = input[cursor + 1];
    const close = next === OPEN ? input.indexOf(CLOSE, cursor + 2) : -1;
    if (next === DOLLAR) {
      out.push(Buffer.from('$'));
      cursor += 1;
    } else if (close >= 0) {
      const name = input.subarray(cursor + 2, close).toString('utf8');
      out.push(vars.get(name) ?? input.subarray(cursor, close + 1));
      cursor = close;
    } else {
      // The operator and the next byte as a rune (an incomplete `$(` too).
      out.push(Buffer.from(`$${String.fromCharCode(next)}`, 'utf8'));
      cursor += 1;
    }
    checkpoint = cursor + 1;
  }
  out.push(input.subarray(checkpoint));
  return Buffer.concat(out);
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
