/**
 * Collects the problems found in one object so they are reported together, in one message
 * that names the object, then each field path, the bad value and the fix.
 *
 * @internal
 */
export class Problems {
  private readonly items: string[] = [];
  /** The field path each item was recorded with ('' when it was added as one text). */
  private readonly paths: string[] = [];

  /** Records one problem: `path` is the manifest field path, e.g. `spec.ports[0].nodePort`. */
  public add(path: string, message: string): void {
    this.items.push(path ? `${path}: ${message}` : message);
    this.paths.push(path);
  }

  /**
   * Takes back the problems `test` selects (`<path>: <message>`), when another one reports their
   * cause. `path` is the field path the problem was recorded with, '' when it was added as one
   * text; `index`, its place in `messages`.
   */
  public removeIf(test: (item: string, path: string, index: number) => boolean): void {
    const keep = this.items.map((item, i) => !test(item, this.paths[i], i));
    const kept = this.items.filter((_, i) => keep[i]);
    const keptPaths = this.paths.filter((_, i) => keep[i]);
    this.items.length = 0;
    this.items.push(...kept);
    this.paths.length = 0;
    this.paths.push(...keptPaths);
  }

  /**
   * Every problem recorded, as its field path and its message. A map key may hold `: `, so the
   * path a problem was recorded with is the one to read, not the text up to its first `: `.
   */
  public get entries(): Array<{ path: string; message: string }> {
    return this.items.map((item, i) => ({ path: this.paths[i], message: this.paths[i] ? item.slice(this.paths[i].length + 2) : item }));
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
 * The field path a problem about `object` starts with (`spec.containers[0].image: ...`), as
 * segments, and where it ends in the text. The printed path is ambiguous when a map key holds
 * `.`, `[`, `]`, `: ` or blanks (`data[a]: b]: 420` could be key `a`), so it is read against the
 * object's own keys first, longest match first; what the object does not hold (a missing field)
 * is read by the path's syntax (pathBySyntax).
 */
export function fieldPathOf(object: unknown, problem: string): { segments: string[]; end: number } | undefined {
  // Ties (`labels.app.kubernetes.io/version` beside a key `app`) go to the reading that found more
  // of the path among the object's keys, then to the one with fewer segments.
  type Found = { segments: string[]; end: number; guessed: number };
  const better = (a: Found, b: Found | undefined) => b === undefined || a.end > b.end
    || (a.end === b.end && (a.guessed < b.guessed || (a.guessed === b.guessed && a.segments.length < b.segments.length)));
  const walk = (value: unknown, i: number, segments: string[]): Found | undefined => {
    let best: Found | undefined;
    const consider = (next: unknown, j: number, segment: string) => {
      const found = walk(next, j, [...segments, segment]);
      if (found && better(found, best)) {
        best = found;
      }
    };
    if (Array.isArray(value)) {
      const index = /^\[(\d+)\]/.exec(problem.slice(i, i + 24));
      if (index && Number(index[1]) < value.length) {
        consider(value[Number(index[1])], i + index[0].length, index[1]);
      }
    } else if (value !== null && typeof value === 'object' && (i === 0 || problem[i] === '.' || problem[i] === '[')) {
      // Each place a key written from i could end is looked up (not each key of the object: a
      // ConfigMap may have thousands): `key` at the start, `.key` up to a '.', '[', ': ' or the end,
      // `[key]` up to a ']'.
      const dotted = i === 0 || problem[i] === '.';
      const start = i === 0 ? 0 : i + 1;
      for (let j = start + 1; j <= problem.length; j++) {
        const ch = problem[j];
        const ends = dotted ? j === problem.length || ch === '.' || ch === '[' || (ch === ':' && problem[j + 1] === ' ') : ch === ']';
        if (!ends) {
          continue;
        }
        const key = problem.slice(start, j);
        if (Object.prototype.hasOwnProperty.call(value, key)) {
          consider((value as any)[key], dotted ? j : j + 1, key);
        }
      }
    }
    if (best) {
      return best;
    }
    if (segments.length > 0 && problem.startsWith(': ', i)) {
      return { segments, end: i, guessed: 0 };
    }
    const bySyntax = pathBySyntax(problem, i, segments);
    return bySyntax && { ...bySyntax, guessed: bySyntax.segments.length - segments.length };
  };
  const found = walk(object, 0, []);
  return found && { segments: found.segments, end: found.end };
}

/**
 * The field path a problem starts with (`data[a: b]: ...`), read by its own syntax: names between
 * dots, and map keys or indexes in brackets, each ending at a `]` followed by `.`, `[` or `: `
 * (a key may hold dots, blanks, `: ` and brackets). `end` is where the path ends in the text.
 */
function pathBySyntax(problem: string, start: number = 0, known: string[] = []): { segments: string[]; end: number } | undefined {
  if (start === 0 ? !/^[A-Za-z_$]/.test(problem) : !/^[.[]/.test(problem.slice(start))) {
    return undefined;
  }
  const segments: string[] = [...known];
  let current = '';
  let i = start;
  while (i < problem.length) {
    const ch = problem[i];
    if (ch === ':' && problem[i + 1] === ' ') {
      if (current) {
        segments.push(current);
      }
      return { segments, end: i };
    }
    if (ch === ' ') {
      return undefined; // a sentence, not a path
    }
    if (ch === '.' || ch === '[') {
      if (current) {
        segments.push(current);
      }
      current = '';
      if (ch === '.') {
        i++;
        continue;
      }
      let close = -1;
      for (let j = problem.indexOf(']', i + 1); j >= 0; j = problem.indexOf(']', j + 1)) {
        const next = problem[j + 1];
        if (next === '.' || next === '[' || (next === ':' && problem[j + 2] === ' ')) {
          close = j;
          break;
        }
      }
      if (close < 0) {
        return undefined;
      }
      segments.push(problem.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    current += ch;
    i++;
  }
  return undefined;
}

/**
 * A value for a message as `show` writes it (JSON, and what JSON cannot hold as JavaScript writes
 * it: `5n`) when it is short (at most 60 characters), else `fallback`.
 */
export function brief(value: unknown, fallback: string = '(this field)'): string {
  const text = show(value);
  return text.length <= 60 ? text : fallback;
}

/**
 * The digits cdk8s writes for the numbers `validateObject` reads BigInts past 2^53 as (such a
 * number is not the integer of the BigInt): `show` writes those digits. Filled and emptied by
 * `validateObject`.
 *
 * @internal
 */
export const WRITTEN_DIGITS = new Map<number, string>();

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
  if (typeof value === 'number' && WRITTEN_DIGITS.size > 0 && WRITTEN_DIGITS.has(value)) {
    return WRITTEN_DIGITS.get(value)!;
  }
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

/** What `readGuarded` returns for a value whose getter threw (the problem is recorded). */
export const UNREADABLE: unique symbol = Symbol('unreadable');

/** The message for a value whose getter (the caller's) threw while the library read it. */
export function threwProblem(e: unknown): string {
  return `reading it threw: ${(e as Error)?.message ?? String(e)}; pass a plain value.`;
}

/**
 * `holder[key]`, or `UNREADABLE` when reading it throws (a getter of the caller's on a list item
 * or a map value): then the getter's error is recorded at `path`, so that it names the object and
 * the path, instead of escaping bare.
 *
 * @internal
 */
export function readGuarded(holder: any, key: PropertyKey, path: string, problems: Problems | undefined): any {
  try {
    return holder[key];
  } catch (e) {
    problems?.add(path, threwProblem(e));
    return UNREADABLE;
  }
}
