/**
 * Composing a parsed YAML document into data as Kubernetes does: sigs.k8s.io/yaml decodes it with
 * go-yaml v2 into `interface{}` (kubernetes-sigs/yaml goyaml.v2/decode.go) and then turns map keys
 * into strings (yaml.go, convertToJSONableObject). The `yaml` package parses the text (with the
 * scalar tags of go-yaml.ts); this file replaces its `toJS`, which differs from go-yaml in:
 *
 * - merge keys `<<`: go-yaml applies a merge where it is written, into the same Go map, so the
 *   merged keys replace the keys written before it, a later key replaces them, and of a list of
 *   sources the earlier wins (decode.go, `merge`: "Step backwards as earlier nodes take
 *   precedence"); the `yaml` package keeps the keys written first;
 * - aliases: an alias is the anchored node, decoded again (an anchored key keeps its type when
 *   used as a value); an alias inside its own anchor is refused ("anchor 'a' value contains
 *   itself"), and a document made mostly of alias expansions too ("document contains excessive
 *   aliasing", the ratio of decode.go's allowedAliasRatio), not after a fixed count;
 * - tags: `!!binary` is the base64-decoded string, `!!omap`, `!!set` and `!!pairs` are the plain
 *   list or mapping (go-yaml ignores collection tags).
 *
 * @internal
 */

/** A map key problem (the document is still read) or a failure of the whole document (`fatal`). */
export interface DecodeProblem {
  /** The field path of the mapping (strings are keys, numbers list indexes). */
  readonly at: Array<string | number>;
  /** Where the problem is written. */
  readonly offset: number | undefined;
  readonly message: string;
  /** kubectl refuses the file: the document has no data. */
  readonly fatal?: boolean;
  /** The name of the anchor the problem is about: `offset` is its node's, the `&` is before it. */
  readonly anchor?: string;
}

/**
 * An anchor or alias name go-yaml refuses: it reads a name of letters, digits, '_' and '-'
 * (is_alpha) and then wants a blank or an indicator, so `&a.b` is an error to kubectl where the
 * `yaml` package takes the anchor "a.b".
 */
// Go: yaml_parser_scan_anchor (gopkg.in/yaml.v2 scannerc.go)
function anchorNameProblem(what: string, name: string, offset: number | undefined): DecodeProblem | undefined {
  if (/^[0-9A-Za-z_-]+$/.test(name)) {
    return undefined;
  }
  const suggestion = name.replace(/[^0-9A-Za-z_-]+/g, '-').replace(/^-+|-+$/g, '') || 'a';
  const end = name.search(/[^0-9A-Za-z_-]/);
  if (end > 0 && '?:,]}%@`'.includes(name[end])) {
    // go-yaml ends the name there (a valid anchor) and reads the rest as what follows it.
    return {
      at: [],
      offset,
      fatal: true,
      message: `the ${what} is not what Kubernetes' YAML reader (go-yaml) reads: it ends the name at ${JSON.stringify(name[end])}, so it reads ${what[0] === 'a' && what.startsWith('alias') ? '*' : '&'}${name.slice(0, end)} `
        + `and then ${JSON.stringify(name.slice(end))}, where the yaml package cdk8s uses reads one name; write the name with letters, digits, '_' and '-' only, followed by a space (e.g. ${JSON.stringify(suggestion)}).`,
    };
  }
  return {
    at: [],
    offset,
    fatal: true,
    message: `the ${what} has a character Kubernetes' YAML reader (go-yaml) does not take in an anchor name (only letters, digits, '_' and '-'), so kubectl cannot read the file `
      + `("did not find expected alphabetic or numeric character"); rename the anchor and its aliases (e.g. ${JSON.stringify(suggestion)}).`,
  };
}

/** How a key becomes a string to Kubernetes: its string and its Go identity, or why it is refused. */
export type KeyOf = (value: any, written: string, node: any) => { key: string; identity: string } | { problem: string };

/** A Go `map[interface{}]interface{}`: entries by Go identity, in the order they were first set. */
class GoMap {
  public readonly entries = new Map<string, { key: string; written: string; offset: number | undefined; value: any; merged: boolean }>();
}

class Fatal extends Error {
  public constructor(public readonly offset: number | undefined, message: string) {
    super(message);
  }
}

const BINARY = 'tag:yaml.org,2002:binary';
const MERGE = 'tag:yaml.org,2002:merge';

// decode.go: alias_ratio_range_low / high.
const RATIO_LOW = 400000;
const RATIO_HIGH = 4000000;

/** decode.go, allowedAliasRatio. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= RATIO_LOW) {
    return 0.99;
  }
  if (decodeCount >= RATIO_HIGH) {
    return 0.10;
  }
  return 0.99 - 0.89 * ((decodeCount - RATIO_LOW) / (RATIO_HIGH - RATIO_LOW));
}

/** `text` as go-yaml's `!!binary` reads it: Go's base64.StdEncoding (padding required; CR and LF skipped), as UTF-8 text. */
export function goBinary(text: string): { value: string } | { problem: string } {
  const b64 = text.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) {
    return {
      problem: 'go-yaml, which Kubernetes reads YAML with, refuses it ("!!binary value contains invalid base64 data"), so kubectl cannot read the file; '
      + 'write standard base64 with its = padding, or the text itself without the tag',
    };
  }
  const bytes = Buffer.from(b64, 'base64');
  try {
    return { value: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      problem: 'its bytes are not UTF-8 text, and Kubernetes writes such a string to JSON with each invalid byte replaced by U+FFFD; '
        + 'the importer does not: write the text you mean, or apply this object with kubectl outside the cdk8s app',
    };
  }
}

/**
 * The document's data as sigs.k8s.io/yaml reads it (integers as BigInt, floats as numbers), and
 * the problems found: a fatal one means kubectl refuses the file. `depthLimit`: deeper values are
 * cut (an empty mapping stands for them), for the caller's depth check to report.
 */
export function goDecode(
  Y: any, doc: any, keyOf: KeyOf, lineOf: (offset: number | undefined) => number, depthLimit: number,
): { data: any; problems: DecodeProblem[] } {
  const problems: DecodeProblem[] = [];
  // Anchors as go-yaml's parser sees them: an alias names the last node anchored before it.
  const targets = new Map<any, any>();
  const anchors = new Map<string, any>();
  const stack: any[] = [doc.contents];
  let badName: DecodeProblem | undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) {
      continue;
    }
    if (Y.isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (Y.isAlias(node)) {
      badName ??= anchorNameProblem(`alias *${node.source}`, node.source, node?.range?.[0]);
      targets.set(node, anchors.get(node.source));
      continue;
    }
    if (typeof node.anchor === 'string' && node.anchor !== '') {
      const bad = anchorNameProblem(`anchor &${node.anchor}`, node.anchor, node?.range?.[0]);
      badName ??= bad && { ...bad, anchor: node.anchor };
      anchors.set(node.anchor, node);
    }
    if (Y.isMap(node) || Y.isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        stack.push(node.items[i]);
      }
    }
  }

  if (badName) {
    return { data: undefined, problems: [badName] };
  }

  let decodeCount = 0;
  let aliasCount = 0;
  let aliasDepth = 0;
  const expanding = new Set<any>();
  const checkedMaps = new WeakSet<any>();
  const offsetOf = (node: any) => node?.range?.[0];

  const count = (node: any) => {
    decodeCount++;
    if (aliasDepth > 0) {
      aliasCount++;
    }
    if (aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
      throw new Fatal(offsetOf(node), `most of this document is alias expansions (${aliasCount} of ${decodeCount} values), and Kubernetes' YAML reader (go-yaml) `
        + 'refuses it ("document contains excessive aliasing"), so kubectl cannot read the file; write the values out');
    }
  };

  /** decode.go `unmarshal` into an `interface{}`. */
  const decode = (node: any, at: Array<string | number>, depth: number): any => {
    count(node);
    if (Y.isAlias(node)) {
      return viaAlias(node, (target) => decode(target, at, depth));
    }
    if (depth > depthLimit) {
      return {};
    }
    if (Y.isMap(node)) {
      const out = new GoMap();
      decodeMapInto(node, out, at, depth, false);
      return out;
    }
    if (Y.isSeq(node)) {
      return node.items.map((item: any, i: number) => {
        if (Y.isPair(item)) {
          // `[a: b]`: a list item that is a mapping of one pair.
          count(item);
          const out = new GoMap();
          decodePairInto(item, out, [...at, i], depth + 1, false, undefined);
          return out;
        }
        return decode(item, [...at, i], depth + 1);
      });
    }
    return scalarOf(node);
  };

  const viaAlias = <T>(node: any, then: (target: any) => T): T => {
    const target = targets.get(node);
    if (target === undefined) {
      throw new Fatal(offsetOf(node), `the alias *${node.source} names no anchor before it; Kubernetes' YAML reader refuses it ("unknown anchor '${node.source}' referenced"); define &${node.source} first`);
    }
    if (expanding.has(node)) {
      throw new Fatal(offsetOf(node), `the alias *${node.source} is inside the value of its own anchor &${node.source}, and Kubernetes' YAML reader (go-yaml) refuses it `
        + `("anchor '${node.source}' value contains itself"), so kubectl cannot read the file; write the value out without the alias`);
    }
    expanding.add(node);
    aliasDepth++;
    try {
      return then(target);
    } finally {
      aliasDepth--;
      expanding.delete(node);
    }
  };

  const scalarOf = (node: any): any => {
    if (!Y.isScalar(node)) {
      return null;
    }
    if (node.tag === BINARY) {
      const binary = goBinary(String(node.value));
      if ('problem' in binary) {
        throw new Fatal(offsetOf(node), `the !!binary value ${JSON.stringify(String(node.value).slice(0, 40))}: ${binary.problem}`);
      }
      return binary.value;
    }
    const v = node.value;
    return typeof v === 'string' || typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(node.source ?? v);
  };

  // parserc.go, yaml_parser_parse_node: a plain scalar without a tag, or any scalar with the
  // non-specific tag `!`, is implicit; decode.go, isMerge: an implicit `<<` or `!!merge <<`.
  const isMerge = (key: any) => Y.isScalar(key) && key.value === '<<' && ((key.type === 'PLAIN' && !key.tag) || key.tag === '!' || key.tag === MERGE);

  const decodeMapInto = (node: any, out: GoMap, at: Array<string | number>, depth: number, merged: boolean) => {
    const report = !checkedMaps.has(node);
    checkedMaps.add(node);
    const seen = report ? new Map<string, { identity: string; written: string; offset: number | undefined }>() : undefined;
    for (const pair of node.items) {
      decodePairInto(pair, out, at, depth + 1, merged, seen);
    }
  };

  const decodePairInto = (
    pair: any, out: GoMap, at: Array<string | number>, depth: number, merged: boolean,
    seen: Map<string, { identity: string; written: string; offset: number | undefined }> | undefined,
  ) => {
    if (isMerge(pair.key)) {
      merge(pair.key, pair.value, out, at, depth);
      return;
    }
    const keyNode = pair.key;
    count(keyNode);
    let target = keyNode;
    let keyValue: any;
    if (Y.isAlias(keyNode)) {
      keyValue = viaAlias(keyNode, (t) => {
        target = t;
        count(t);
        return Y.isMap(t) || Y.isSeq(t) ? undefined : scalarOf(t);
      });
    } else {
      keyValue = Y.isMap(keyNode) || Y.isSeq(keyNode) ? undefined : scalarOf(keyNode);
    }
    const offset = offsetOf(keyNode) ?? offsetOf(target);
    const written = Y.isScalar(target) ? String(target.source ?? target.value) : '';
    const key = keyOf(keyValue, written, target);
    if ('problem' in key) {
      if (seen) {
        problems.push({ at, offset, message: key.problem });
      }
      return;
    }
    if (seen && key.key === '<<') {
      problems.push({
        at,
        offset,
        message: 'the key "<<" is written quoted or tagged, so kubectl reads it as a key, but cdk8s writes keys without quotes, and a plain << is a merge key '
          + 'to Kubernetes\' YAML reader: the object would change (or be refused) when the generated app\'s YAML is applied; rename the key.',
      });
      return;
    }
    if (seen) {
      const before = seen.get(key.key);
      if (before) {
        const shown = Y.isScalar(pair.value) ? ` (${JSON.stringify(String(pair.value.source ?? pair.value.value))})` : '';
        const lines = `lines ${lineOf(before.offset)} and ${lineOf(offset)}`;
        const what = before.written === written
          ? `the key ${JSON.stringify(key.key)} is written twice (${lines})`
          : `the keys ${JSON.stringify(before.written)} and ${JSON.stringify(written)} (${lines}) are one key to Kubernetes, ${JSON.stringify(key.key)}`;
        const effect = before.identity === key.identity && key.identity !== 'float:NaN'
          ? `kubectl reads the file and keeps the last value${shown} without a word`
          : 'kubectl reads the file and keeps one of the two values, and which one is not defined (Go map order)';
        problems.push({ at, offset, message: `${what}: ${effect}; this library refuses it: remove the one you do not mean.` });
      } else {
        seen.set(key.key, { identity: key.identity, written, offset });
      }
    }
    const value = decode(pair.value, [...at, key.key], depth);
    const entry = out.entries.get(key.identity);
    if (entry) {
      entry.value = value;
      entry.merged = entry.merged || merged;
    } else {
      out.entries.set(key.identity, { key: key.key, written, offset, value, merged });
    }
  };

  /** decode.go `merge`: a mapping, an alias of one, or a list of them (the earlier wins: applied last). */
  const merge = (keyNode: any, node: any, out: GoMap, at: Array<string | number>, depth: number) => {
    const wantMap = () => new Fatal(offsetOf(keyNode), 'the merge key << takes a mapping, an alias of a mapping (<<: *base) or a list of them (<<: [*a, *b]), '
      + 'and Kubernetes\' YAML reader (go-yaml) refuses anything else ("map merge requires map or sequence of maps as the value"), so kubectl cannot read the file; '
      + 'write a mapping or an alias of one');
    const into = (source: any) => {
      if (Y.isAlias(source)) {
        const target = targets.get(source);
        if (target !== undefined && !Y.isMap(target)) {
          throw wantMap();
        }
        count(source);
        viaAlias(source, (t) => {
          count(t);
          decodeMapInto(t, out, at, depth, true);
        });
      } else if (Y.isMap(source)) {
        count(source);
        decodeMapInto(source, out, at, depth, true);
      } else {
        throw wantMap();
      }
    };
    if (Y.isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        into(node.items[i]);
      }
    } else {
      into(node);
    }
  };

  /** sigs.k8s.io/yaml convertToJSONableObject: string keys. */
  const jsonable = (value: any, at: Array<string | number>): any => {
    if (Array.isArray(value)) {
      return value.map((v, i) => jsonable(v, [...at, i]));
    }
    if (!(value instanceof GoMap)) {
      return value;
    }
    const out: any = {};
    const byKey = new Map<string, { identity: string; written: string; offset: number | undefined; merged: boolean }>();
    for (const [identity, e] of value.entries) {
      const before = byKey.get(e.key);
      if (before) {
        // Two Go keys (`1` and "1") that become one string: which value Kubernetes keeps is not defined.
        if (before.merged || e.merged) {
          problems.push({
            at,
            offset: e.offset,
            message: `the keys ${JSON.stringify(before.written)} (line ${lineOf(before.offset)}) and ${JSON.stringify(e.written)} (line ${lineOf(e.offset)}), one of them set by a merge key <<, `
              + `are two keys to go-yaml and one to Kubernetes, ${JSON.stringify(e.key)}: kubectl reads the file and keeps one of the two values, and which one is not defined (Go map order); `
              + 'this library refuses it: write the key once, as the type you mean.',
          });
        }
        continue;
      }
      byKey.set(e.key, { identity, written: e.written, offset: e.offset, merged: e.merged });
      Object.defineProperty(out, e.key, { value: jsonable(e.value, [...at, e.key]), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };

  try {
    count(doc.contents);
    const decoded = decode(doc.contents, [], 0);
    const data = jsonable(decoded, []);
    return { data, problems: problems.sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0)) };
  } catch (e) {
    if (e instanceof Fatal) {
      return { data: undefined, problems: [{ at: [], offset: e.offset, message: `${e.message}.`, fatal: true }] };
    }
    throw e;
  }
}
