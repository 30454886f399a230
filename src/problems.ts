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

/** Quotes a value for an error message: strings in double quotes, the rest as JSON. */
export function show(value: unknown): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    // JSON.stringify would show Infinity and NaN as null.
    return String(value);
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // A BigInt, or an object that refers to itself (a construct, a Node passed by mistake).
    return typeof value === 'bigint' ? `${value}n` : `a ${(value as any)?.constructor?.name ?? typeof value} (not JSON)`;
  }
  // Characters a terminal does not show (format and separator characters, U+0085, U+FEFF) are
  // written as escapes, so that a message about them can be read.
  return json === undefined ? String(value) : json.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const INVISIBLE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]/g;
