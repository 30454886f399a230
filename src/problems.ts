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
  const top = notJson(value);
  if (top !== undefined) {
    return top;
  }
  let json: string | undefined;
  let marked = false;
  try {
    json = JSON.stringify(value, (_key, v) => {
      const text = notJson(v);
      if (text === undefined) {
        return v;
      }
      marked = true;
      return `${MARK}${text}${MARK}`;
    });
  } catch {
    // An object that refers to itself (a construct, a Node passed by mistake).
    const name = (value as any)?.constructor?.name ?? typeof value;
    return `${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name} (not JSON)`;
  }
  if (marked) {
    json = json!.replace(MARKED, (_m, text: string) => text);
  }
  // Characters a terminal does not show (format and separator characters, U+0085, U+FEFF) are
  // written as escapes, so that a message about them can be read.
  return json === undefined ? String(value) : json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

/** Brackets a placeholder in show()'s JSON (a private-use character, which JSON.stringify leaves as it is). */
const MARK = '\ue000';
const MARKED = /"\ue000([^\ue000]*)\ue000"/g;

const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]/g;
