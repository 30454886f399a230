/**
 * The code model of `cdk8s-pod-patterns import`: values to print as TypeScript, and the printer.
 *
 * A value is JSON (objects print their keys in insertion order, `undefined` entries are left
 * out) or a `Ref` (code printed as written: a variable, an enum member) or a `Call`
 * (`Workload.deployment({ ... })`, `new InitPod(chart, 'web', { ... })`), each naming the imports
 * it needs. The printer writes what the repository's eslint rules ask for: 2-space indents,
 * single quotes (double quotes for a string holding single quotes), a template literal for a
 * string with line breaks, trailing commas on broken lines, keys quoted only when one of them
 * needs it, and each object or array on one line when it fits.
 *
 * @internal
 */

/** One name imported from a module. */
export interface CodeImport {
  readonly from: string;
  readonly name: string;
}

/** Code printed as written. */
export class Ref {
  public constructor(private readonly code: string, public readonly imports: CodeImport[] = []) {}

  /** The code. */
  public get text(): string {
    return this.code;
  }
}

/** The variable a construct is assigned to: named when the program is written. */
export interface Binding {
  variable: string;
}

/** A reference to a construct's variable (its name is chosen when the program is written). */
export class VariableRef extends Ref {
  public constructor(public readonly binding: Binding) {
    super('');
  }

  public get text(): string {
    return this.binding.variable;
  }
}

/** A call, `new` or not: `callee(arg, ...)`. */
export class Call {
  public constructor(
    public readonly callee: string,
    public readonly args: Value[],
    public readonly imports: CodeImport[] = [],
    public readonly isNew: boolean = false,
  ) {}
}

/** A printable value. */
export type Value = undefined | null | boolean | number | string | Ref | Call | Value[] | { [key: string]: Value };

/** The library's import of `name`. */
export function lib(name: string): CodeImport {
  return { from: 'cdk8s-pod-patterns', name };
}

/** A reference to a member of the library (`ServiceType.NODE_PORT`), importing its class. */
export function libRef(owner: string, member: string): Ref {
  return new Ref(`${owner}.${member}`, [lib(owner)]);
}

/** An enum member of the library for a value (`PodManagementPolicy.PARALLEL`), or undefined. */
export function enumRef(name: string, values: any, value: any): Ref | undefined {
  const member = Object.keys(values).find((k) => values[k] === value);
  return member ? libRef(name, member) : undefined;
}

/** A call of a static method of the library (`Workload.deployment(...)`), importing its class. */
export function libCall(owner: string, method: string, args: Value[]): Call {
  return new Call(`${owner}.${method}`, trimArgs(args), [lib(owner)]);
}

/** Drops trailing `undefined` arguments. */
export function trimArgs(args: Value[]): Value[] {
  const out = [...args];
  while (out.length > 0 && out[out.length - 1] === undefined) {
    out.pop();
  }
  return out;
}

/** The imports a value needs, added to `into`. */
export function collectImports(value: Value, into: CodeImport[]): void {
  if (value instanceof Ref) {
    into.push(...value.imports);
  } else if (value instanceof Call) {
    into.push(...value.imports);
    for (const a of value.args) {
      collectImports(a, into);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) {
      collectImports(v, into);
    }
  } else if (isRecord(value)) {
    for (const v of Object.values(value)) {
      collectImports(v, into);
    }
  }
}

/** Whether a value is a plain object of the code model (not a Ref, Call or array). */
export function isRecord(value: Value): value is { [key: string]: Value } {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Ref) && !(value instanceof Call);
}

/** Lines up to this width print objects and arrays on one line. */
const WIDTH = 100;
/** Lists of strings and numbers (a command) stay on one line up to this width. */
const MAX_WIDTH = 150;

/** Prints a statement (`value;`) at an indent of `indent` spaces. */
export function printStatement(value: Value, indent: number = 0, prefix: string = ''): string {
  return `${' '.repeat(indent)}${prefix}${print(value, indent, indent + prefix.length, 1)};`;
}

/**
 * Prints a value whose first line starts at column `column`, followed by `trail` characters on
 * its last line; lines after the first are indented by `indent` spaces.
 */
export function print(value: Value, indent: number, column: number, trail: number): string {
  const flat = printFlat(value);
  const width = Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object') ? MAX_WIDTH : WIDTH;
  if (flat !== undefined && column + flat.length + trail <= width) {
    return flat;
  }
  const pad = ' '.repeat(indent + 2);
  const end = ' '.repeat(indent);
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined);
    if (items.length === 1 && (isRecord(items[0]) || Array.isArray(items[0]) || items[0] instanceof Call)) {
      // `[{` ... `}]`: a single object is hugged by its brackets.
      return `[${print(items[0], indent, column + 1, trail + 1)}]`;
    }
    if (items.length === 0) {
      return '[]';
    }
    return `[\n${items.map((v) => `${pad}${print(v, indent + 2, indent + 2, 1)},\n`).join('')}${end}]`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) {
      return '{}';
    }
    const quote = needsQuotes(entries.map(([k]) => k));
    return `{\n${entries.map(([k, v]) => {
      const key = `${printKey(k, quote)}: `;
      return `${pad}${key}${print(v, indent + 2, indent + 2 + key.length, 1)},\n`;
    }).join('')}${end}}`;
  }
  if (value instanceof Call) {
    const head = `${value.isNew ? 'new ' : ''}${value.callee}(`;
    const args = value.args;
    const breakable = args.map((a, i) => (isRecord(a) || Array.isArray(a) ? i : -1)).filter((i) => i >= 0);
    if (breakable.length === 1) {
      // `f(a, {` ... `}, b)`: the one object argument is broken, the others stay on its first and last lines.
      const at = breakable[0];
      const before = args.slice(0, at).map((a) => printFlat(a));
      const after = args.slice(at + 1).map((a) => printFlat(a));
      if (before.every((b) => b !== undefined) && after.every((b) => b !== undefined)) {
        const lead = `${head}${before.map((b) => `${b}, `).join('')}`;
        const tail = `${after.map((b) => `, ${b}`).join('')})`;
        if (column + lead.length <= MAX_WIDTH && tail.length + trail <= 40) {
          return `${lead}${print(args[at], indent, column + lead.length, trail + tail.length)}${tail}`;
        }
      }
    }
    return `${head}\n${args.map((a) => `${pad}${print(a, indent + 2, indent + 2, 1)},\n`).join('')}${end})`;
  }
  return printScalar(value);
}

/** The value on one line, or undefined when it cannot be (a string with line breaks). */
export function printFlat(value: Value): string | undefined {
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const v of value) {
      if (v === undefined) {
        continue;
      }
      const p = printFlat(v);
      if (p === undefined) {
        return undefined;
      }
      items.push(p);
    }
    return `[${items.join(', ')}]`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) {
      return '{}';
    }
    const quote = needsQuotes(entries.map(([k]) => k));
    const items: string[] = [];
    for (const [k, v] of entries) {
      const p = printFlat(v);
      if (p === undefined) {
        return undefined;
      }
      items.push(`${printKey(k, quote)}: ${p}`);
    }
    return `{ ${items.join(', ')} }`;
  }
  if (value instanceof Call) {
    const args: string[] = [];
    for (const a of value.args) {
      const p = printFlat(a);
      if (p === undefined) {
        return undefined;
      }
      args.push(p);
    }
    return `${value.isNew ? 'new ' : ''}${value.callee}(${args.join(', ')})`;
  }
  if (typeof value === 'string' && /[\n]/.test(value)) {
    return undefined;
  }
  return printScalar(value);
}

function printScalar(value: Value): string {
  if (value instanceof Ref) {
    return value.text;
  }
  if (typeof value === 'string') {
    return printString(value);
  }
  if (value === null) {
    return 'null';
  }
  if (value === undefined) {
    return 'undefined';
  }
  if (typeof value === 'number') {
    return Object.is(value, -0) ? '-0' : String(value);
  }
  return String(value);
}

/**
 * A string literal as the eslint `quotes` rule wants it: single quotes, double quotes when the
 * string holds a single quote and no double quote, a template literal when it has line breaks.
 */
export function printString(s: string): string {
  if (s.includes('\n')) {
    const body = s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, escapeChar);
    return `\`${body}\``;
  }
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/\\/g, '\\\\').replace(quote === "'" ? /'/g : /"/g, `\\${quote}`)
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, escapeChar);
  return `${quote}${body}${quote}`;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\t':
      return '\\t';
    case '\r':
      return '\\r';
    case '\n':
      return '\\n';
    default:
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** eslint quote-props `consistent-as-needed`: all keys quoted when one needs it. */
function needsQuotes(keys: string[]): boolean {
  return keys.some((k) => !IDENTIFIER.test(k) && !isCanonicalNumber(k));
}

function isCanonicalNumber(k: string): boolean {
  return /^(0|[1-9][0-9]{0,14})$/.test(k);
}

function printKey(key: string, quote: boolean): string {
  return quote ? printString(key) : key;
}

/** A variable name from an object name: `nginx-deployment` -> `nginxDeployment`. */
export function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const joined = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (joined === '') {
    return 'object';
  }
  return /^[0-9]/.test(joined) ? `object${joined}` : joined;
}

/** Names a generated program cannot use as variables. */
export const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements',
  'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments', 'eval', 'undefined', 'NaN', 'Infinity',
  'app', 'k8s', 'require', 'module', 'exports', 'process', 'console', 'Object', 'Array', 'JSON', 'Date', 'String', 'Number',
]);
