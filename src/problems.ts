/**
 * Collects the problems found in one object so they are reported together, in one message
 * that names the object, then each field path, the bad value and the fix.
 *
 * @internal
 */
export class Problems {
  private readonly items: string[] = [];

  /** Records one problem: `path` is the manifest field path, e.g. `spec.ports[0].nodePort`. */
  public add(path: string, message: string): void {
    this.items.push(path ? `${path}: ${message}` : message);
  }

  /** Takes back the problems `test` selects (`<path>: <message>`), when another one reports their cause. */
  public removeIf(test: (item: string) => boolean): void {
    const kept = this.items.filter((item) => !test(item));
    this.items.length = 0;
    this.items.push(...kept);
  }

  public get count(): number {
    return this.items.length;
  }

  /** Every problem recorded, `<path>: <message>`, in order. */
  public get messages(): string[] {
    return [...this.items];
  }

  /**
   * The cdk8s validation result: empty when there is nothing to report, otherwise exactly one
   * message for the object.
   */
  public toErrors(subject: string): string[] {
    if (this.items.length === 0) {
      return [];
    }
    if (this.items.length === 1) {
      return [`${subject}: ${this.items[0]}`];
    }
    return [`${subject} has ${this.items.length} problems:\n    - ${this.items.join('\n    - ')}`];
  }
}

/**
 * Quotes a value for an error message: strings in double quotes, the rest as JSON, except that
 * what JSON cannot hold is shown as JavaScript writes it, at any depth (`undefined`, `NaN`,
 * `Infinity`, `1n`, `Symbol(a)`, `[Function f]`), not as `null` or not at all.
 */
export function show(value: unknown): string {
  let json: string;
  try {
    json = showJson(value, new Set());
  } catch {
    // An object that refers to itself (a construct, a Node passed by mistake).
    const name = (value as any)?.constructor?.name ?? typeof value;
    return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name} (not JSON)`;
  }
  // Characters a terminal does not show (format and separator characters, U+0085, U+FEFF) are
  // written as escapes, so that a message about them can be read.
  const shown = json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // A message quotes a value to point at it: a whole file or a 100,000-character name is cut short,
  // keeping its start and its end (where a stray space or character often is).
  return shown.length <= SHOWN_MAX ? shown : `${shown.slice(0, 240)}...${shown.slice(-100)} (${shown.length} characters)`;
}

const SHOWN_MAX = 400;

/**
 * JSON.stringify's text, except for what JSON cannot hold (notJson), shown as JavaScript writes
 * it wherever it is. Throws on a cycle.
 */
function showJson(value: unknown, open: Set<object>): string {
  const text = notJson(value);
  if (text !== undefined) {
    return text;
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  if (typeof (value as any).toJSON === 'function') {
    return showJson((value as any).toJSON(), open);
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && !Array.isArray(value)
    && (typeof (value as any).produce === 'function' || typeof (value as any).resolve === 'function')) {
    // A cdk8s token (Lazy): its internals ({"producer":...}) mean nothing to the reader.
    return `a cdk8s token (${(value as any).constructor?.name ?? 'object'})`;
  }
  if (open.has(value)) {
    throw new Error('cycle');
  }
  open.add(value);
  try {
    if (Array.isArray(value)) {
      return `[${Array.from(value, (v) => showJson(v, open)).join(',')}]`;
    }
    return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${showJson((value as any)[k], open)}`).join(',')}}`;
  } finally {
    open.delete(value);
  }
}

/** How a message shows a value JSON cannot hold (JSON.stringify would write null or leave it out). */
function notJson(v: unknown): string | undefined {
  switch (typeof v) {
    case 'undefined': return 'undefined';
    case 'number': return Number.isFinite(v) ? undefined : String(v);
    case 'bigint': return `${v}n`;
    case 'symbol': return v.toString();
    case 'function': return `[Function${v.name ? ` ${v.name}` : ''}]`;
    default: return undefined;
  }
}

const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]/g;
