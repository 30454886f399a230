// Go's encoding/json, as far as the API server uses it on values inside strings (the deprecated
// tolerations annotation): numbers keep their literal text, so an int64 field can refuse `1e3`,
// `1.0` and values out of range as strconv.ParseInt does; objects keep every member in order,
// duplicates included, so the first decode error is kept as Go keeps it (`saveError`); field
// names match exactly or by Go's case folding (`foldName`).

/** A JSON value as Go's decoder sees it. */
export type GoJson =
  | { readonly t: 'null' }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'number'; readonly text: string }
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'array'; readonly items: GoJson[] }
  | { readonly t: 'object'; readonly members: Array<[string, GoJson]> };

/**
 * Parses JSON text (RFC 8259, as Go's `checkValid` accepts it). Throws a SyntaxError naming
 * the offset of the first error.
 */
export function parseGoJson(text: string): GoJson {
  const p = { text, at: 0 };
  const value = parseValue(p);
  skipSpace(p);
  if (p.at !== text.length) {
    fail(p, 'after top-level value');
  }
  return value;
}

interface Cursor {
  readonly text: string;
  at: number;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
// A string: no control characters, only the escapes JSON has.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;

function fail(p: Cursor, where: string): never {
  const c = p.text[p.at];
  throw new SyntaxError(c === undefined
    ? 'unexpected end of JSON input'
    : `invalid character ${JSON.stringify(c)} ${where} (offset ${p.at + 1})`);
}

function skipSpace(p: Cursor): void {
  while (p.at < p.text.length && ' \t\r\n'.includes(p.text[p.at])) {
    p.at++;
  }
}

function parseValue(p: Cursor): GoJson {
  skipSpace(p);
  const c = p.text[p.at];
  if (c === '{') {
    p.at++;
    const members: Array<[string, GoJson]> = [];
    skipSpace(p);
    if (p.text[p.at] === '}') {
      p.at++;
      return { t: 'object', members };
    }
    for (;;) {
      skipSpace(p);
      if (p.text[p.at] !== '"') {
        fail(p, 'looking for beginning of object key string');
      }
      const key = parseString(p);
      skipSpace(p);
      if (p.text[p.at] !== ':') {
        fail(p, 'after object key');
      }
      p.at++;
      members.push([key, parseValue(p)]);
      skipSpace(p);
      if (p.text[p.at] === ',') {
        p.at++;
        continue;
      }
      if (p.text[p.at] === '}') {
        p.at++;
        return { t: 'object', members };
      }
      fail(p, 'after object key:value pair');
    }
  }
  if (c === '[') {
    p.at++;
    const items: GoJson[] = [];
    skipSpace(p);
    if (p.text[p.at] === ']') {
      p.at++;
      return { t: 'array', items };
    }
    for (;;) {
      items.push(parseValue(p));
      skipSpace(p);
      if (p.text[p.at] === ',') {
        p.at++;
        continue;
      }
      if (p.text[p.at] === ']') {
        p.at++;
        return { t: 'array', items };
      }
      fail(p, 'after array element');
    }
  }
  if (c === '"') {
    return { t: 'string', v: parseString(p) };
  }
  for (const [word, value] of [['true', { t: 'bool', v: true }], ['false', { t: 'bool', v: false }], ['null', { t: 'null' }]] as const) {
    if (p.text.startsWith(word, p.at)) {
      p.at += word.length;
      return value;
    }
  }
  NUMBER.lastIndex = p.at;
  const m = NUMBER.exec(p.text);
  if (m) {
    p.at += m[0].length;
    return { t: 'number', text: m[0] };
  }
  return fail(p, 'looking for beginning of value');
}

function parseString(p: Cursor): string {
  STRING.lastIndex = p.at;
  const m = STRING.exec(p.text);
  if (!m) {
    fail(p, 'in string literal');
  }
  p.at += m[0].length;
  return JSON.parse(m[0]);
}

/** The kind of a value in Go's messages: "number 1e3" where an integer was parsed, else "number", "string", "object". */
function goKind(v: GoJson, intTarget: boolean = false): string {
  return v.t === 'number' && intTarget ? `number ${v.text}` : v.t;
}

/**
 * Go: foldName (encoding/json/fold.go): ASCII letters in upper case, other runes folded to the
 * smallest rune of their fold set (unicode.SimpleFold). Only two non-ASCII runes fold to ASCII
 * letters, U+017F (ſ, to S) and U+212A (Kelvin sign, to K); the others never match a Go field
 * name, so they are kept as they are.
 */
export function goFoldName(name: string): string {
  return name.replace(/[a-z\u017f\u212a]/g, (c) => (c === '\u017f' ? 'S' : c === '\u212a' ? 'K' : c.toUpperCase()));
}

const INT64_MIN = BigInt('-9223372036854775808');
const INT64_MAX = BigInt('9223372036854775807');

/** The field types a struct decoder knows: a string, or a pointer to an int64. */
export type GoFieldType = 'string' | '*int64';

/** A Go struct without json tags: its exported field names and types. */
export interface GoStruct {
  readonly name: string;
  readonly fields: { readonly [goName: string]: GoFieldType };
}

/**
 * Go: json.Unmarshal into a `[]T` of the struct: returns the items as objects keyed by the Go
 * field names (null items are zero values), or the first error Go would return.
 */
export function decodeGoStructList(value: GoJson, struct: GoStruct, pkg: string): { items?: Array<Record<string, unknown>>; error?: string } {
  if (value.t === 'null') {
    return { items: [] };
  }
  if (value.t !== 'array') {
    return { error: `json: cannot unmarshal ${goKind(value)} into Go value of type []${pkg}.${struct.name}` };
  }
  const folded = new Map(Object.keys(struct.fields).map((f) => [goFoldName(f), f]));
  let error: string | undefined;
  const save = (e: string) => {
    error = error ?? e;
  };
  const items = value.items.map((item) => {
    const out: Record<string, unknown> = {};
    if (item.t === 'null') {
      return out;
    }
    if (item.t !== 'object') {
      save(`json: cannot unmarshal ${goKind(item)} into Go value of type ${pkg}.${struct.name}`);
      return out;
    }
    for (const [key, v] of item.members) {
      const field = key in struct.fields ? key : folded.get(goFoldName(key));
      if (field === undefined) {
        continue;
      }
      const type = struct.fields[field];
      const where = `Go struct field ${struct.name}.${field} of type ${type === '*int64' ? 'int64' : type}`;
      if (v.t === 'null') {
        if (type === '*int64') {
          delete out[field];
        }
        continue;
      }
      if (type === 'string' && v.t === 'string') {
        out[field] = v.v;
      } else if (type === '*int64' && v.t === 'number' && /^-?[0-9]+$/.test(v.text) && BigInt(v.text) >= INT64_MIN && BigInt(v.text) <= INT64_MAX) {
        out[field] = Number(v.text);
      } else {
        save(`json: cannot unmarshal ${goKind(v, type === '*int64')} into ${where}`);
      }
    }
    return out;
  });
  return error === undefined ? { items } : { error };
}
