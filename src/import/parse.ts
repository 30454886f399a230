import { createRequire } from 'module';
import * as path from 'path';
import { decodeCheck, decodeNulls } from '../k8s-values';
import { fieldPathOf, Problems } from '../problems';
import { validateObject, validateYamlScalars, VALIDATED_KINDS } from '../validation';
import { goDecode } from './go-decode';
import { formatFloatKey, goResolve, GoScalar, INT64_LIMIT } from './go-yaml';
import { decodedStruct, l1DecodeNulls, STATUS_KINDS, unknownFieldProblems } from './schema';
import { goTrimSpace } from '../validation/common';
import { isZeroStatus } from '../validation/status';
import { preparePersistentVolumeClaimTemplateSpec } from '../validation/volumes';
import { preparePodTemplate } from '../validation/workloads';

/**
 * Reading the input of `cdk8s-pod-patterns import`: YAML files parsed as Kubernetes reads them
 * (go-yaml v2's YAML 1.1, see go-yaml.ts: `0644` and `0o644` are octal, `on` is true, `e2` and
 * `nO` are strings; timestamps and `1:20` stay strings; keys become strings), one document per
 * object, each checked before any code is written: it parses, it has `apiVersion`, `kind` and a
 * name, it has no field its kind lacks, and the library's validation (the API server's rules)
 * accepts it. Every problem of every file is reported at once, with file and line.
 *
 * @internal
 */

/** A YAML text to import. */
export interface Source {
  /** How the text is named in messages and in the generated code (a file name, or `-`). */
  readonly name: string;
  /** The YAML. */
  readonly content: string;
}

/** One Kubernetes object of the input. */
export interface InputObject {
  /** The file it comes from, as named in messages. */
  readonly file: string;
  /** Its line in that file (1-based). */
  readonly line: number;
  /** `Deployment web`: how it is named in messages. */
  readonly label: string;
  /** The object as data, without the keys whose value is null (cdk8s never writes null). */
  readonly object: any;
}

/** The objects of one input file: they become one chart. */
export interface InputFile {
  readonly name: string;
  /** The chart's id, from the file name (`init-container.yml` -> `init-container`). */
  readonly chartId: string;
  readonly objects: InputObject[];
}

/** An input the importer refuses, with every problem found. */
export class ImportError extends Error {
  public constructor(public readonly problems: string[]) {
    super(`cdk8s-pod-patterns import: ${problems.length === 1 ? 'the input cannot be imported' : `${problems.length} problems in the input`}:\n  ${problems.join('\n  ')}`);
    this.name = 'ImportError';
  }
}

// Minimal typing of the `yaml` package (v2) that cdk8s bundles.
interface YamlNode {
  readonly range?: [number, number, number];
  readonly items?: any[];
}
interface YamlDocument {
  readonly errors: Array<{ message: string; pos?: [number, number]; linePos?: Array<{ line: number; col: number }> }>;
  readonly contents: YamlNode | null;
  toJS(options?: { maxAliasCount?: number }): any;
}
interface YamlModule {
  LineCounter: new () => { linePos(offset: number): { line: number; col: number } };
  Parser: new () => { parse(source: string): Iterable<any> };
  Scalar: new (value: any) => any;
  parseAllDocuments(source: string, options: any): YamlDocument[] | any;
  parseDocument(source: string, options: any): YamlDocument;
  isMap(node: any): boolean;
  isSeq(node: any): boolean;
  isScalar(node: any): boolean;
  isAlias(node: any): boolean;
  isPair(node: any): boolean;
}

let yamlModule: YamlModule | undefined;

/**
 * The `yaml` package that cdk8s bundles (cdk8s's own `Yaml.load` uses it): this library has no
 * dependency of its own, and the YAML is read as cdk8s reads it.
 */
function yaml(): YamlModule {
  if (!yamlModule) {
    const own = createRequire(__filename);
    const fromCdk8s = createRequire(own.resolve('cdk8s'));
    yamlModule = fromCdk8s('yaml') as YamlModule;
  }
  return yamlModule;
}

/** The chart id of a file: its base name without `.yaml` / `.yml`, or `stdin`. */
export function chartIdOf(name: string): string {
  if (name === '-') {
    return 'stdin';
  }
  const base = path.basename(name).replace(/(\.k8s)?\.(ya?ml|json)$/i, '');
  const id = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  if (id === '') {
    return 'chart';
  }
  // The constructs library keeps children in a plain object: `constructor` is always taken.
  return id in Object.prototype ? `${id}-chart` : id;
}

/**
 * Parses and checks the sources. Throws an `ImportError` with every problem of every source when
 * one of them cannot be imported.
 */
/**
 * A file's bytes as the text kubectl reads: cli-runtime's FileVisitor decodes through
 * `unicode.BOMOverride(unicode.UTF8.NewDecoder())`, so a file that starts with a UTF-16 byte-order
 * mark (FF FE, FE FF: Windows editors, PowerShell's `>`) is read as UTF-16 without the mark, and
 * any other as UTF-8 (the UTF-8 mark and invalid bytes are handled where the text is read).
 */
export function decodeFileBytes(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16 = (le: Buffer) => {
    // Go's UTF-16 decoder: a lone surrogate, and an odd last byte, are U+FFFD each.
    const text = le.subarray(0, le.length - (le.length % 2)).toString('utf16le').replace(LONE_SURROGATE, '\uFFFD');
    return le.length % 2 === 1 ? `${text}\uFFFD` : text;
  };
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return utf16(buffer.subarray(2));
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const rest = buffer.subarray(2);
    const swapped = Buffer.from(rest.subarray(0, rest.length - (rest.length % 2))).swap16();
    return utf16(rest.length % 2 === 1 ? Buffer.concat([swapped, rest.subarray(rest.length - 1)]) : swapped);
  }
  // BOMOverride drops a UTF-8 byte-order mark too (a JSON file with one is read as JSON).
  const start = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  return buffer.subarray(start).toString('utf8');
}

export function parseSources(sources: Source[]): InputFile[] {
  const problems: string[] = [];
  const files: InputFile[] = [];
  const ids = new Set<string>();
  for (const source of sources) {
    const objects = parseSource(source, problems);
    let chartId = chartIdOf(source.name);
    for (let i = 2; ids.has(chartId); i++) {
      chartId = `${chartIdOf(source.name)}-${i}`;
    }
    ids.add(chartId);
    files.push({ name: source.name, chartId, objects });
  }
  // Two objects of one kind, namespace and name: the API server keeps one (kubectl apply updates it
  // with the later), and the generated app could not hold both.
  const seen = new Map<string, InputObject>();
  for (const o of files.flatMap((f) => f.objects)) {
    const group = typeof o.object.apiVersion === 'string' && o.object.apiVersion.includes('/') ? o.object.apiVersion.split('/')[0] : '';
    // The API server clears the namespace of a cluster-scoped object.
    const namespace = CLUSTER_SCOPED.has(o.object.kind) ? '' : o.object.metadata?.namespace ?? '';
    const key = [group, o.object.kind, namespace, o.object.metadata?.name].join('\u0000');
    const first = seen.get(key);
    if (first) {
      problems.push(`${o.file}:${o.line}: ${o.label}: is written twice (also at ${first.file}:${first.line}): the API server keeps one object of a kind, namespace and name, `
        + 'and kubectl apply would update it with the later one; remove one of them, or give it another name.');
    } else {
      seen.set(key, o);
    }
  }
  if (problems.length > 0) {
    throw new ImportError(problems);
  }
  return files;
}

function parseSource(source: Source, problems: string[]): InputObject[] {
  // kubectl reads a file whose first non-blank character is `{` as a stream of JSON values, not as
  // YAML (apimachinery yaml.GuessJSONStream, then encoding/json).
  // (unicode.IsSpace before it: JavaScript's \s without the BOM, which Go does not take for a space)
  if (/^[^\S\uFEFF]*\{/.test(source.content)) {
    return parseJsonStream(source, problems);
  }
  const Y = yaml();
  let lineCounter = new Y.LineCounter();
  const name = source.name === '-' ? '<stdin>' : source.name;
  // go-yaml takes a lone CR for a line break, as LF (the same length: offsets stay); a separator
  // line kubectl takes with a comment or Unicode spaces after its --- (YAMLReader drops the whole
  // line) is blanked after the ---, which the yaml package then reads as the document start.
  // A byte-order mark right after a separator line (not the file's first line, after which kubectl
  // keeps it) starts a part kubectl reads as a stream of its own, which drops it (the yaml package
  // keeps it in the first key): it becomes a blank at the end of the separator line, so offsets stay.
  const text = source.content.replace(/\r(?!\n)/g, '\n')
    .replace(/^---([^\n]*)$/gm, (line, rest: string) => (isSeparatorRest(rest) ? `---${' '.repeat(rest.length)}` : line))
    .replace(/^(--- *)\n\uFEFF/gm, (line, dashes: string, offset: number) => (offset === 0 ? line : `${dashes} \n`));
  const textProblems = kubectlTextProblems(name, source.content, text);
  if (textProblems.length > 0) {
    problems.push(...textProblems);
    return [];
  }
  let docs: YamlDocument[];
  let inserted: number[] = [];
  let content = text;
  // A position in the file as written: the spaces aliasKeysSpaced inserted are not counted.
  const where = (offset: number | undefined) => {
    const pos = lineCounter.linePos(offset ?? 0);
    const lineStart = (offset ?? 0) - pos.col + 1;
    return { line: pos.line, col: pos.col - inserted.filter((x) => x >= lineStart && x < (offset ?? 0)).length };
  };
  try {
    const textLines = lfLines(text);
    const read = (repair: boolean): { flow: string[]; docs: YamlDocument[]; unclosed: boolean } => {
      ({ content, inserted } = aliasKeysSpaced(Y, text, repair));
      // Positions in the file as written (without the spaces aliasKeysSpaced inserted).
      const at = (offset: number) => positionOf(name, textLines, offset - inserted.filter((x) => x < offset).length);
      // One parse of the yaml package's syntax tree serves the checks.
      const tokens = [...new Y.Parser().parse(content)];
      const flow = [...flowCollectionProblems(tokens, content, at), ...blockIndicatorProblems(tokens, content, at),
        ...scalarProblems(tokens, content, at)];
      // A value the yaml package ends early (a quote go-yaml closes on a later line), with or without an error.
      let unclosed = false;
      for (const token of tokens) {
        walkCst(token, false, (node, inFlow) => {
          unclosed ||= !inFlow && typeof node.offset === 'number' && UNCLOSED[node.type]?.(node) === true;
          return inFlow || node.type === 'flow-collection';
        });
      }
      lineCounter = new Y.LineCounter();
      return { flow, unclosed, docs: flow.length > 0 && !unclosed ? [] : parseAll(Y, content, lineCounter) };
    };
    let reading = read(false);
    // A [ ], { } or quoted value continued on a line indented no deeper than its key, or a comment
    // right after a token (`"q"#c`, `[a,#c`, `|#c`): go-yaml reads them, the yaml package refuses
    // them or reads them otherwise; read again with those lines indented and a space before such
    // comments (the checks of the first reading, on tokens the yaml package misread, are dropped).
    if (reading.unclosed || reading.docs.some((d) => d.errors.some((e) => /must be sufficiently indented|Missing closing ["']?quote|Comments must be separated/.test(e.message)))) {
      reading = read(true);
    }
    if (reading.flow.length > 0) {
      problems.push(...reading.flow);
      return [];
    }
    docs = reading.docs;
  } catch (e) {
    // The first such escape inside a double-quoted string (not in a comment or a plain value).
    const big = e instanceof RangeError && /code point/i.test(e.message)
      ? /"(?:[^"\\\n]|\\(?!U)[^\n])*?(\\U(?!00(?:0[0-9a-fA-F]|10)[0-9a-fA-F]{4})[0-9a-fA-F]{8})/.exec(content) : null;
    if (big) {
      // The yaml package throws for a \U escape over U+10FFFF, which go-yaml refuses too.
      const pos = where(big.index + big[0].length - big[1].length);
      problems.push(`${name}:${pos.line}:${pos.col}: the escape ${big[1]} in a double-quoted string is over U+10FFFF, which Kubernetes' YAML reader (go-yaml) refuses `
        + '("found invalid Unicode character escape code"), so kubectl cannot read the file; write the character itself.');
      return [];
    }
    if (e instanceof RangeError) {
      problems.push(`${name}: the YAML is nested too deeply for the yaml package cdk8s reads YAML with (its parser ran out of stack); `
        + `flatten it (the importer reads up to ${MAX_DEPTH} levels), or apply it with kubectl outside the cdk8s app.`);
      return [];
    }
    throw e;
  }
  const list: YamlDocument[] = Array.isArray(docs) ? docs : [docs as YamlDocument];
  const objects: InputObject[] = [];
  // kubectl cuts the file into parts at --- lines, then reads the first document of each part only.
  // (offsets in the text parsed: after each space aliasKeysSpaced inserted before them).
  const insertedAt = inserted.map((x, k) => x - k);
  const cuts = kubectlSeparators(source.content).map((c) => c + insertedAt.filter((x) => x <= c).length);
  const partOf = (offset: number) => cuts.filter((c) => c <= offset).length;
  const partsRead = new Set<number>();
  for (const doc of list) {
    if (doc.errors.length > 0) {
      // The first error of a document: the others usually follow from it.
      const e = doc.errors[0];
      const pos = e.pos?.[0] === undefined ? undefined : where(e.pos[0]);
      const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      // `\'` is no YAML escape: the `yaml` package refuses it, but Kubernetes' reader (go-yaml, libyaml's rules) takes it as `'`.
      const fix = YAML_PACKAGE_ONLY.find(([pattern, , test]) => pattern.test(message) && (test === undefined || test(content, e.pos?.[0] ?? 0)))?.[1]
        ?? BOTH_REFUSE.find(([pattern, , test]) => pattern.test(message) && test(content, e.pos?.[0] ?? 0))?.[1]
        ?? 'fix the YAML (kubectl would reject it too).';
      problems.push(`${name}:${pos ? `${pos.line}:${pos.col}` : '1:1'}: the YAML does not parse: ${message}; ${fix}`);
      continue;
    }
    // No content, or the empty null the yaml package makes of a second ... line (go-yaml skips extra
    // document ends: yaml_parser_parse_document_start).
    const empty = doc.contents === null || (Y.isScalar(doc.contents) && (doc.contents as any).value === null
      && doc.contents.range !== undefined && doc.contents.range[0] === doc.contents.range[1]);
    if (empty) {
      // An explicit empty document (`---` then `...`) is the first, null, document of its part,
      // unless it starts at a --- line kubectl cuts at (that line is dropped).
      const at = (doc as any).range?.[0];
      if (typeof at === 'number' && !cuts.includes(at)) {
        partsRead.add(partOf(at));
      }
      continue;
    }
    const begin = doc.contents!.range?.[0] ?? 0;
    const start = where(begin);
    const part = partOf(begin);
    const split = !partsRead.has(part);
    partsRead.add(part);
    if (!split) {
      problems.push(`${name}:${start.line}:${start.col}: kubectl never reads this document: it splits a file into documents at lines that start with --- only, `
        + 'and reads the first document of each part (apimachinery YAMLReader, then go-yaml), so what follows a ... line or a --- that is not at the start of a line (after a CR-only line break) '
        + 'is ignored; start the document with a --- line of its own, or remove it.');
      continue;
    }
    const escape = badEscape(Y, doc.contents, content);
    if (escape) {
      const pos = where(escape.offset);
      problems.push(`${name}:${pos.line}:${pos.col}: the escape ${escape.text} in a double-quoted string is ${escape.why}, which Kubernetes' YAML reader (go-yaml) refuses `
        + `("${escape.says ?? 'found invalid Unicode character escape code'}"), so kubectl cannot read the file; `
        + `${escape.fix ?? 'write the character itself (a character outside the BMP, such as an emoji, as one \\U escape of 8 digits, e.g. \\U0001F600)'}.`);
      continue;
    }
    const decoded = goDecode(Y, doc, (value, written, node) => goKey(Y, value, written, node), (offset) => where(offset).line, MAX_DEPTH + 1);
    const fatal = decoded.problems.find((p) => p.fatal);
    if (fatal) {
      // An anchor's problem is at its `&`, written before the node it anchors.
      const anchorAt = fatal.anchor === undefined ? -1 : content.lastIndexOf(`&${fatal.anchor}`, fatal.offset ?? begin);
      const pos = where(anchorAt >= 0 ? anchorAt : fatal.offset ?? begin);
      problems.push(`${name}:${pos.line}:${pos.col}: ${fatal.message}`);
      continue;
    }
    const keyProblems = decoded.problems;
    const data = decoded.data;
    if (data === null || data === undefined) {
      continue;
    }
    const at = `${name}:${start.line}`;
    if (typeof data !== 'object' || Array.isArray(data)) {
      problems.push(`${at}: the document is ${Array.isArray(data) ? 'a list' : `the ${typeof data} ${JSON.stringify(data)}`}, not a Kubernetes object; every document must be a mapping with apiVersion, kind and metadata.`);
      continue;
    }
    const shape = listShapeProblem(data);
    if (shape !== undefined) {
      const pos = where(nodeAt(Y, doc.contents, ['items'], true, doc)?.range?.[0] ?? begin);
      problems.push(`${name}:${pos.line}:${pos.col}: ${shape}`);
      continue;
    }
    const items = listItems(data);
    const inList = items.length > 1 || items[0] !== data;
    if (inList && data.metadata !== undefined) {
      const listProblems = listMetadataProblems(data);
      if (listProblems.length > 0) {
        problems.push(...listProblems.map((m) => {
          const found = fieldPathOf(data, m);
          const offset = nodeAt(Y, doc.contents, found?.segments ?? [], true, doc)?.range?.[0];
          const pos = where(offset ?? begin);
          const shown = asWritten(Y, nodeAt(Y, doc.contents, found?.segments ?? [], false, doc), content, m, found?.end);
          return `${name}:${pos.line}:${pos.col}: ${typeof data.kind === 'string' ? data.kind : 'List'}: ${shown}`;
        }));
        continue;
      }
    }
    if (keyProblems.length > 0) {
      for (const k of keyProblems) {
        // The object of the key (a list's item, or the document) and the field path in it.
        const item = inList && k.at[0] === 'items' && typeof k.at[1] === 'number' ? items[k.at[1]] : undefined;
        const rest = item === undefined ? k.at : k.at.slice(2);
        const field = rest.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)).join('').replace(/^\./, '');
        const pos = k.offset === undefined ? start : where(k.offset);
        problems.push(`${name}:${pos.line}:${pos.col}: ${labelOf(item ?? data)}: ${field ? `${field}: ` : ''}${k.message}`);
      }
      continue;
    }
    items.forEach((item: any, i: number) => {
      const { object, problems: problem, label } = checkedItem(item, data);
      if (problem.length > 0) {
        const node = inList ? nodeAt(Y, doc.contents, ['items', String(i)], false, doc) : doc.contents;
        problems.push(...problem.map((p) => {
          const found = fieldPathOf(object, p);
          const segments = found?.segments ?? [];
          const offset = nodeAt(Y, node, segments, true, doc)?.range?.[0];
          const pos = offset === undefined ? undefined : where(offset);
          return `${pos ? `${name}:${pos.line}:${pos.col}` : at}: ${label}: ${asWritten(Y, nodeAt(Y, node, segments, false, doc), content, p, found?.end)}`;
        }));
        return;
      }
      objects.push({ file: name, line: start.line, label, object });
    });
  }
  return objects;
}

/**
 * Parse errors of the `yaml` package that kubectl's reader shares, with the words that name the
 * cause: `- x` inside [ ] or { } starts a block list there (go-yaml: "did not find expected node
 * content").
 */
const BOTH_REFUSE: Array<[RegExp, string, (content: string, offset: number) => boolean]> = [
  // go-yaml (yaml_parser_fetch_next_token): a '-' followed by a blank (a line break or the end too) is a block entry.
  [/Block collections are not allowed within flow collections|Implicit keys of flow sequence pairs need to be on a single line/,
    'inside [ ] or { }, "- " starts a block list, which kubectl refuses too ("did not find expected node content"): quote the value (\'- x\') '
    + 'or write the list in block style, one "- item" per line.',
    (content, offset) => content[offset] === '-' && /^(?:[ \t\r\n]|$)/.test(content.slice(offset + 1, offset + 2))],
];

/**
 * Parse errors of the `yaml` package (YAML 1.2) for text that Kubernetes' reader (go-yaml v2)
 * reads: each with how to write it so that both read it. Other parse errors are kubectl's too.
 */
const YAML_PACKAGE_ONLY: Array<[RegExp, string, ((content: string, offset: number) => boolean)?]> = [
  [/Invalid escape sequence \\'/, "the yaml package cdk8s reads YAML with refuses \\' in a double-quoted string (Kubernetes' own reader takes it as '): write ' without the backslash."],
  // go-yaml: a '#' after a token that ends by itself (a closing quote, ']' or '}') starts a comment.
  [/Comments must be separated from other tokens by white space/, "kubectl reads this comment, but the yaml package cdk8s reads YAML with needs a space before the '#': put one there."],
  // go-yaml checks no indentation inside [ ], { } or a quoted value (yaml_parser_scan_to_next_token).
  [/must be sufficiently indented/, 'if the collection is closed, kubectl reads its continuation lines as written, but the yaml package cdk8s reads YAML with wants them indented deeper '
    + 'than their key (and without tabs): indent them (or close the collection).'],
  // go-yaml: '-' followed by ',', ']' or '}' inside [ ] or { } is the plain value "-"; followed
  // by a blank it is a list, which both refuse there.
  [/Block collections are not allowed within flow collections|Implicit keys of flow sequence pairs need to be on a single line/,
    "inside [ ] or { }, a - alone is the string \"-\" to kubectl, which the yaml package cdk8s reads YAML with cannot read: write it quoted ('-').",
    (content, offset) => content[offset] === '-' && /^[,\]}]/.test(content.slice(offset + 1, offset + 2))],
  // go-yaml checks no indentation in a quoted value either: "x<newline>y" at the key's column is "x y".
  [/Missing closing ["']?quote/, 'if the value is closed on a later line, kubectl reads its continuation lines as written, but the yaml package cdk8s reads YAML with wants them '
    + 'indented deeper than their key (and without tabs): indent them (or close the quote).',
  (content, offset) => /["']/.test(content.slice(offset, offset + 4000))],
];

/** A lone UTF-16 surrogate (half of a pair whose other half is missing). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A JSON value with its strings (keys too) as Go's encoding/json decodes them: an escape of a lone
 * surrogate (`"\ud800x"`), which JSON.parse keeps, is U+FFFD (decode.go unquoteBytes: "Invalid
 * surrogate; fall back to replacement rune"), which kubectl reads and cdk8s writes.
 */
function goJsonStrings(value: any, twice: string[] = []): any {
  if (typeof value === 'string') {
    return value.replace(LONE_SURROGATE, '\uFFFD');
  }
  if (value !== null && typeof value === 'object') {
    // In place: a key `__proto__` stays an own key, for the check that reports it.
    for (const k of Object.keys(value)) {
      const fixed = k.replace(LONE_SURROGATE, '\uFFFD');
      value[k] = goJsonStrings(value[k], twice);
      if (fixed !== k) {
        if (Object.prototype.hasOwnProperty.call(value, fixed)) {
          twice.push(fixed); // two keys that encoding/json reads as one
        }
        value[fixed] = value[k];
        delete value[k];
      }
    }
  }
  return value;
}

/**
 * A file kubectl reads as JSON (it starts with `{`): a stream of JSON values, each an object,
 * read with JSON's rules (`\\/` and `\\ud83d\\ude00` escapes, no comments, no `---`, no YAML),
 * then checked as the objects of a YAML file are. A problem is placed at the key of its field.
 */
// Go: YAMLOrJSONDecoder.Decode (apimachinery pkg/util/yaml/decoder.go), with encoding/json
function parseJsonStream(source: Source, problems: string[]): InputObject[] {
  const name = source.name === '-' ? '<stdin>' : source.name;
  const text = source.content;
  const lines = lfLines(text);
  const at = (offset: number) => positionOf(name, lines, offset);
  const objects: InputObject[] = [];
  const why = 'kubectl reads a file that starts with { as a stream of JSON values (one or more objects, separated by blanks), not as YAML';
  let i = 0;
  while (i < text.length) {
    // encoding/json's blanks only (space, tab, CR, LF).
    while (i < text.length && /[ \t\r\n]/.test(text[i])) {
      i++;
    }
    if (i >= text.length) {
      break;
    }
    if (text.startsWith('null', i) && !/[\w]/.test(text[i + 4] ?? '')) {
      // kubectl skips a null value of the stream.
      i += 4;
      continue;
    }
    if (text[i] !== '{') {
      problems.push(`${at(i)}: ${why}, and this is not the start of an object (${JSON.stringify(text.slice(i, i + 20))}); write JSON objects only, or write the file as YAML without a leading {.`);
      return objects;
    }
    // The end of the object: its closing brace, outside strings.
    let depth = 0;
    let end = -1;
    for (let j = i, inString = false; j < text.length; j++) {
      const ch = text[j];
      if (inString) {
        if (ch === '\\') {
          j++;
        } else if (ch === '"') {
          inString = false;
        }
      } else if (ch === '"') {
        inString = true;
      } else if (ch === '{' || ch === '[') {
        depth++;
      } else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) {
          end = j + 1;
          break;
        }
      }
    }
    const chunk = text.slice(i, end < 0 ? text.length : end);
    let data: any;
    const twiceDecoded: string[] = [];
    try {
      data = goJsonStrings(JSON.parse(chunk), twiceDecoded);
    } catch (e) {
      const position = /position (\d+)/.exec((e as Error).message);
      problems.push(`${at(i + (position ? Number(position[1]) : 0))}: ${why}, and this is not JSON (${(e as Error).message.replace(/ in JSON at position \d+.*$/, '')}); `
        + 'fix the JSON (kubectl would reject it too), or write the file as YAML without a leading {.');
      return objects;
    }
    if (twiceDecoded.length > 0) {
      problems.push(`${at(i)}: the key ${JSON.stringify(twiceDecoded[0])} is written twice in one object once its escapes of lone surrogates are read as U+FFFD, as kubectl reads them: `
        + 'kubectl keeps the last value without a word; this library refuses it: write the keys you mean.');
      return objects;
    }
    // encoding/json keeps the last value of a key written twice, without a word: refused, as in YAML.
    const twice = jsonDuplicateKey(chunk);
    if (twice) {
      problems.push(`${at(i + twice.offset)}: the key ${JSON.stringify(twice.key)} is written twice in one object: kubectl reads the file and keeps the last value without a word; `
        + 'this library refuses it: remove the one you do not mean.');
      return objects;
    }
    // A number beyond float64 is Infinity to JSON.parse, and refused by encoding/json.
    const numbers = chunk.replace(/"(?:[^"\\]|\\.)*"/g, (m) => ' '.repeat(m.length));
    const huge = [...numbers.matchAll(/-?\d+(?:\.\d+)?[eE][+-]?\d+/g)].find((m) => !Number.isFinite(Number(m[0])));
    if (huge) {
      problems.push(`${at(i + (huge.index ?? 0))}: the number ${huge[0]} is beyond what a float64 holds, and kubectl refuses the file ("cannot unmarshal number ${huge[0]} into Go value of type float64"); `
        + 'write a smaller number.');
      return objects;
    }
    // encoding/json keeps every digit of an int64; JavaScript numbers stop at 2^53.
    const big = /(?<![\w.])-?\d{16,}(?![\d.eE])/.exec(numbers);
    if (big && (BigInt(big[0]) > BigInt(Number.MAX_SAFE_INTEGER) || BigInt(big[0]) < -BigInt(Number.MAX_SAFE_INTEGER))) {
      problems.push(`${at(i + big.index)}: the number ${big[0]} is beyond 2^53, which JavaScript (and so cdk8s) cannot hold exactly; write it as a string if the field takes one, or a smaller number.`);
      return objects;
    }
    const line = at(i).replace(/:\d+$/, '');
    const where = jsonFieldPosition(chunk, (offset) => at(i + offset));
    const shape = listShapeProblem(data);
    if (shape !== undefined) {
      problems.push(`${where(data, '', ['items'])}: ${shape}`);
      i = end < 0 ? text.length : end;
      continue;
    }
    const listProblems = listMetadataProblems(data);
    if (listProblems.length > 0) {
      problems.push(...listProblems.map((m) => `${where(data, m, [])}: ${typeof data.kind === 'string' ? data.kind : 'List'}: ${m}`));
      i = end < 0 ? text.length : end;
      continue;
    }
    const items = listItems(data);
    const inList = items.length > 1 || items[0] !== data;
    for (const [index, item] of items.entries()) {
      const { object, problems: found, label } = checkedItem(item, data);
      if (found.length > 0) {
        problems.push(...found.map((p) => `${where(object, p, inList ? ['items', String(index)] : [])}: ${label}: ${p}`));
      } else {
        objects.push({ file: name, line: Number(line.slice(line.lastIndexOf(':') + 1)), label, object });
      }
    }
    i = end < 0 ? text.length : end;
  }
  return objects;
}

/**
 * Where the field a problem names is written in one JSON value of a stream (`file:line:col` of its
 * key): the value is read again with the yaml package (JSON is YAML) only to find the key, once and
 * only when there is a problem. The value's start if the field is not found or the text is not
 * YAML the yaml package reads (a key over 1024 characters).
 */
function jsonFieldPosition(chunk: string, at: (offset: number) => string): (object: unknown, problem: string, prefix: string[]) => string {
  const Y = yaml();
  let doc: YamlDocument | undefined;
  return (object, problem, prefix) => {
    doc ??= Y.parseDocument(chunk, { uniqueKeys: false });
    if (doc.errors.length > 0) {
      return at(0);
    }
    const found = fieldPathOf(object, problem);
    const node = nodeAt(Y, doc.contents, [...prefix, ...(found?.segments ?? [])], true, doc);
    return at(node?.range?.[0] ?? 0);
  };
}

/**
 * One object of a document (the document, or an item of its list) as the API server's decoder
 * makes it, and its problems. A null list item or map value is the zero value to the decoder
 * (`tier: ""`), not unset: it is carried over as that value; a struct field set to null is unset
 * (withoutNulls).
 */
function checkedItem(item: any, document: any): { object: any; problems: string[]; label: string } {
  const deep = tooDeep(item);
  if (!deep && item !== null && typeof item === 'object' && VALIDATED_KINDS.includes(`${item.apiVersion}/${item.kind}`)) {
    decodeNulls(item.kind, item);
  } else if (!deep && item !== null && typeof item === 'object' && decodedStruct(item.apiVersion, item.kind) !== undefined) {
    l1DecodeNulls(decodedStruct(item.apiVersion, item.kind)!, item);
  }
  const object = deep ? item : withoutNulls(item);
  if (!deep && item !== document && Array.isArray(object?.items)) {
    // kubectl: resource.FlattenListVisitor takes an item whose items is a list for a list
    // (Unstructured.IsList), and meta.ExtractList then fails on it.
    return {
      object,
      problems: ['items: an item of a list that is itself a list (it has items) is one kubectl cannot read ("is not a list: no Items field in this object"); '
        + 'move its items into the outer list.'],
      label: labelOf(object),
    };
  }
  const problems = deep ? [deep] : checkObject(object, PARTIAL_TYPE_META.has(item) ? document : undefined);
  return { object, problems, label: labelOf(object) };
}

/**
 * The problems of a list's own metadata (`kind: List`, a typed list): kubectl decodes the whole
 * list before it splits the items, its metadata as an ObjectMeta with encoding/json, which refuses
 * a value of the wrong type and ignores a field it does not know (`continue`, `remainingItemCount`).
 */
function listMetadataProblems(data: any): string[] {
  if (data === null || typeof data !== 'object' || data.metadata === undefined || listItems(data)[0] === data) {
    return [];
  }
  const meta = new Problems();
  // Integers are read as BigInt from YAML (see portabilityProblems): as numbers here, for the decoder.
  const metadata = JSON.parse(JSON.stringify(data.metadata, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
  decodeCheck('ObjectMeta', metadata, 'metadata', meta);
  return meta.messages.filter((m) => !/: is not a field of /.test(m));
}

/** The first key written twice in one object of a JSON text that parses, and where (its second). */
function jsonDuplicateKey(json: string): { key: string; offset: number } | undefined {
  const open: Array<Set<string> | undefined> = [];
  for (let i = 0; i < json.length; i++) {
    const ch = json[i];
    if (ch === '{') {
      open.push(new Set());
    } else if (ch === '[') {
      open.push(undefined);
    } else if (ch === '}' || ch === ']') {
      open.pop();
    } else if (ch === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') {
        j += json[j] === '\\' ? 2 : 1;
      }
      const keys = open[open.length - 1];
      if (keys && /^\s*:/.test(json.slice(j + 1, j + 64))) {
        const key = JSON.parse(json.slice(i, j + 1));
        if (keys.has(key)) {
          return { key, offset: i };
        }
        keys.add(key);
      }
      i = j;
    }
  }
  return undefined;
}

/** The built-in kinds that are cluster-scoped (no namespace). */
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'PriorityClass',
  'CustomResourceDefinition', 'APIService', 'CSIDriver', 'CSINode', 'RuntimeClass', 'IngressClass', 'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'CertificateSigningRequest', 'VolumeAttachment',
  'PriorityLevelConfiguration', 'FlowSchema']);

/** What may follow --- on a line kubectl takes as a separator: blanks (Go's), then a comment or nothing. */
function isSeparatorRest(rest: string): boolean {
  const trimmed = goTrimSpace(rest.replace(/\r$/, ''));
  return trimmed === '' || trimmed.startsWith('#');
}

/** The lines of a text as kubectl's YAMLReader reads them (split at LF only), with their offsets. */
function lfLines(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    out.push({ text: line, offset });
    offset += line.length + 1;
  }
  return out;
}

/**
 * The offsets of the lines where kubectl's YAMLReader cuts a new part: `---` at the start of a line,
 * with something read since the last cut (a `---` with nothing before it stays in its part, as the
 * explicit start of its first document).
 */
function kubectlSeparators(text: string): number[] {
  const cuts: number[] = [];
  let empty = true;
  for (const l of lfLines(text)) {
    if (l.text.startsWith('---') && !empty) {
      cuts.push(l.offset);
      empty = true;
    } else {
      empty = false;
    }
  }
  return cuts;
}

/**
 * What kubectl refuses in the text before any YAML is read, or reads otherwise than the `yaml`
 * package does, each with file:line:col, the text and the fix: a `---` line with more than a
 * comment after it (apimachinery YAMLReader: "invalid Yaml document separator"), a directive
 * (`%YAML`, `%TAG`: the YAMLReader makes it a document of its own, which go-yaml refuses), and
 * U+0085, U+2028, U+2029, which go-yaml reads as line breaks and the `yaml` package as characters.
 */
function kubectlTextProblems(name: string, original: string, content: string): string[] {
  const problems: string[] = [];
  const lines = lfLines(original);
  let prefix = true;
  // At the start of a part kubectl's YAMLReader cuts (before anything but blank and comment lines).
  let partStart = true;
  const cuts = new Set(kubectlSeparators(original));
  lines.forEach((line, i) => {
    const at = `${name}:${i + 1}:1`;
    if (line.text.startsWith('---')) {
      const rest = goTrimSpace(line.text.slice(3));
      if (rest !== '' && !rest.startsWith('#')) {
        problems.push(`${at}: kubectl refuses this file ("invalid Yaml document separator: ${rest}"): it splits documents at lines that start with ---, `
          + `and takes one only with nothing but a comment after it; move ${JSON.stringify(rest.length > 40 ? `${rest.slice(0, 37)}...` : rest)} to the next line.`);
      }
      prefix = false;
      // A cut starts a new part; a --- with nothing buffered is the part's own document start.
      partStart = cuts.has(line.offset);
      return;
    }
    if (prefix && line.text.startsWith('%')) {
      const directive = goTrimSpace(line.text);
      const kubectl = /^%YAML\s+(?!1\.1(\s|$))/.test(directive) ? 'yaml: found incompatible YAML document' : 'yaml: line 1: did not find expected <document start>';
      problems.push(`${at}: kubectl refuses this file ("error converting YAML to JSON: ${kubectl}"): it splits documents at --- lines before reading them, `
        + `so the directive ${JSON.stringify(directive)} is a document of its own; remove the directive line (Kubernetes reads YAML 1.1 with the standard tags).`);
      return;
    }
    if (partStart && /^\.\.\.(\s|$)/.test(line.text)) {
      problems.push(`${at}: kubectl refuses this file ("yaml: did not find expected node content"): it splits documents at --- lines and reads each part as a YAML stream `
        + 'of its own, which cannot start with a ... line; remove this line.');
      partStart = false;
      return;
    }
    if (!/^\s*(#.*)?\r?$/.test(line.text)) {
      partStart = false;
    }
    if (line.text.startsWith('...')) {
      prefix = true;
    } else if (!/^\s*(#.*)?\r?$/.test(line.text)) {
      prefix = false;
    }
  });
  const breaks: { [c: string]: string } = { '\u0085': 'U+0085 (next line)', '\u2028': 'U+2028 (line separator)', '\u2029': 'U+2029 (paragraph separator)' };
  const counter = lfLines(content);
  for (const m of [...content.matchAll(/[\u0085\u2028\u2029]/g)].slice(0, 10)) {
    problems.push(`${positionOf(name, counter, m.index ?? 0)}: ${breaks[m[0]]} is in the file: Kubernetes' YAML reader (go-yaml) reads it as a line break (in a quoted value, folded into a space), `
      + 'where the yaml package cdk8s reads YAML with reads a character, so the two read different data; '
      + 'replace it with the line break or space you mean (cdk8s writes the character as it is, so it cannot be imported, even written as an escape).');
  }
  return problems;
}

/** `file:line:col` of an offset of the text (lines split at LF). */
function positionOf(name: string, lines: Array<{ offset: number }>, index: number): string {
  // The last line that starts at or before the index (a binary search: a file may have many problems).
  let line = 0;
  for (let high = lines.length - 1; line < high;) {
    const middle = Math.ceil((line + high) / 2);
    if (lines[middle].offset <= index) {
      line = middle;
    } else {
      high = middle - 1;
    }
  }
  return `${name}:${line + 1}:${index - lines[line].offset + 1}`;
}

/**
 * go-yaml ends an alias name at the first character that is not a letter, digit, '_' or '-'
 * (yaml_parser_scan_anchor), so `*app: x` is the alias *app used as a key; the `yaml` package
 * reads an alias named "app:" (YAML 1.2 lets a name hold ':') and then fails to parse. A space
 * before that colon makes both read the same: the text returned has one after each such alias,
 * and `inserted` lists where (offsets in the text returned, ascending). With `repair` (when the
 * yaml package refused the file), a comment written right after a token (`a: "q"#c`, `[a,#c`,
 * `|#c`), which go-yaml reads, gets a space before it, and a [ ], { } or quoted value continued on
 * lines indented no deeper than its key gets those lines indented.
 */
// Go: yaml_parser_scan_anchor, yaml_parser_fetch_value (gopkg.in/yaml.v2 scannerc.go)
function aliasKeysSpaced(Y: YamlModule, text: string, repair: boolean = false): { content: string; inserted: number[] } {
  // With `repair`, each pass finds the next value continued too little (the yaml package reads on
  // wrongly after one): at most one pass per line.
  const lines = repair ? text.split('\n').length : 0;
  const candidates = Math.max(text.match(/\*[0-9A-Za-z_-]+[ \t]*:/g)?.length ?? 0, lines);
  // Where spaces go, as offsets of `text` (spaces before the character there) and how many.
  const spaces = new Map<number, number>();
  const at = {
    add: (offset: number, count: number = 1) => spaces.set(offset, Math.max(spaces.get(offset) ?? 0, count)),
    get size() {
      return [...spaces.values()].reduce((a, b) => a + b, 0);
    },
  };
  const build = () => {
    const sorted = [...spaces.keys()].sort((x, y) => x - y);
    let content = '';
    let from = 0;
    const inserted: number[] = [];
    for (const offset of sorted) {
      content += text.slice(from, offset);
      for (let k = 0; k < spaces.get(offset)!; k++) {
        inserted.push(content.length);
        content += ' ';
      }
      from = offset;
    }
    return { content: content + text.slice(from), inserted };
  };
  // One pass finds the aliases the yaml package reads as such: before a key is spaced, it reads
  // `x\n  *b` after `*a:` as one value, so each pass can find the next. At most one pass per alias.
  // With `repair`, each pass also indents the first value of each document continued too little
  // (after it, the yaml package reads the rest wrongly, so later ones are found in later passes).
  for (let pass = 0; pass < candidates; pass++) {
    const { content, inserted } = build();
    const toText = (offset: number) => offset - inserted.filter((x) => x < offset).length;
    const before = at.size;
    for (const token of new Y.Parser().parse(content)) {
      // Only the first value continued too little in each document: after it, the yaml package's
      // tokens are no longer go-yaml's (a closing quote read as an opening one).
      let repaired = false;
      walkCst(token, false, (node, flow) => {
        const source: string = typeof node.source === 'string' ? node.source : '';
        if (repair && !repaired && !flow && typeof node.offset === 'number' && UNCLOSED[node.type]?.(node)) {
          repaired = true;
          for (const [offset, count] of continuationIndents(content, node)) {
            at.add(toText(offset), count + (spaces.get(toText(offset)) ?? 0));
          }
        }
        const name = node.type === 'alias' && typeof node.offset === 'number' ? /^\*[0-9A-Za-z_-]+:/.exec(source) : null;
        if (name) {
          const colon = node.offset + name[0].length - 1;
          const next = content[node.offset + source.length];
          if (source === name[0] && (flow || next === undefined || /[ \t\n\r]/.test(next))) {
            // Outside [ ] and { }, go-yaml's ':' is a value indicator only before a blank or the end.
            at.add(toText(colon));
          } else if (flow) {
            // Inside [ ] and { }, ':' is a value indicator before anything (`{*a:x}` is {k: x}):
            // the yaml package wants a space on both sides of it there.
            at.add(toText(colon));
            at.add(toText(colon) + 1);
          }
        } else if (flow && node.type === 'alias' && typeof node.offset === 'number') {
          // `{*a :x}`: the same after blanks (the yaml package reads the scalar ":x" there).
          const after = /^[ \t]*:(?=[^ \t\r\n,\]}])/.exec(content.slice(node.offset + source.length, node.offset + source.length + 200));
          if (after) {
            at.add(toText(node.offset + source.length + after[0].length));
          }
        }
        return flow || node.type === 'flow-collection';
      });
    }
    if (at.size === before) {
      break;
    }
  }
  if (repair) {
    // Once every value is read whole, a comment right after a token gets a space before it: go-yaml
    // reads it as a comment (yaml_parser_scan_to_next_token, yaml_parser_scan_block_scalar want no
    // blank before it), the yaml package refuses it. Done last, so no misread value is touched.
    const { content, inserted } = build();
    const toText = (offset: number) => offset - inserted.filter((x) => x < offset).length;
    for (const token of new Y.Parser().parse(content)) {
      walkCst(token, false, (node) => {
        if (node.type === 'comment' && typeof node.offset === 'number' && node.offset > 0 && !/[ \t\n\r]/.test(content[node.offset - 1])) {
          at.add(toText(node.offset));
        }
        return false;
      });
    }
  }
  return build();
}

/** The CST tokens of a quoted value or a [ ] or { } that the yaml package left unclosed (it stops at a line indented too little). */
const UNCLOSED: { [type: string]: (node: any) => boolean } = {
  'double-quoted-scalar': (node) => !/^"(?:[^"\\]|\\[^])*"$/.test(node.source ?? ''),
  'single-quoted-scalar': (node) => !/^'(?:[^']|'')*'$/.test(node.source ?? ''),
  'flow-collection': (node) => !(Array.isArray(node.end) && node.end.some((t: any) => t?.type === 'flow-seq-end' || t?.type === 'flow-map-end')),
};

/**
 * The spaces that indent each line of an unclosed quoted value or [ ] / { } after its first to the
 * column it starts at (more than any key it belongs to; its text is unchanged, as leading blanks
 * are folded away), as [offset of the line, spaces]. None when its end is not found, or when a
 * line continues a plain value inside [ ] / { } after a tab left of its block's indentation + 1,
 * which go-yaml refuses ("found a tab character that violates indentation").
 */
function continuationIndents(content: string, node: any): Array<[number, number]> {
  const plainBreaks = new Set<number>();
  const end = closingOffset(content, node.offset, plainBreaks);
  if (end === undefined) {
    return [];
  }
  const lineStart = content.lastIndexOf('\n', node.offset - 1) + 1;
  const column = node.offset - lineStart;
  const out: Array<[number, number]> = [];
  for (let i = content.indexOf('\n', node.offset); i !== -1 && i < end; i = content.indexOf('\n', i + 1)) {
    const blanks = /^[ \t]*/.exec(content.slice(i + 1))![0];
    if (/^[ \t]*(\r?\n|$)/.test(content.slice(i + 1, i + 2 + blanks.length))) {
      continue;
    }
    // go-yaml's limit is the enclosing block's indentation + 1 (yaml_parser_scan_plain_scalar).
    if (plainBreaks.has(i) && blanks.slice(0, (typeof node.indent === 'number' ? node.indent : -1) + 1).includes('\t')) {
      return [];
    }
    const indent = /^ */.exec(blanks)![0].length;
    if (indent < column) {
      out.push([i + 1, column - indent]);
    }
  }
  return out;
}

/**
 * Where the quoted value or [ ] / { } that starts at `offset` ends as go-yaml reads it (the offset
 * of its closing character), or undefined: quotes with their escapes, nested brackets, quoted
 * values inside them, and comments after a blank.
 */
function closingOffset(content: string, offset: number, plainBreaks: Set<number> = new Set()): number | undefined {
  const quoted = (i: number): number | undefined => {
    const q = content[i];
    for (let j = i + 1; j < content.length; j++) {
      if (q === '"' && content[j] === '\\') {
        j++;
      } else if (content[j] === q) {
        if (q === "'" && content[j + 1] === "'") {
          j++;
        } else {
          return j;
        }
      }
    }
    return undefined;
  };
  if (content[offset] === '"' || content[offset] === "'") {
    return quoted(offset);
  }
  let depth = 0;
  // Where a token may start (after [ { , or :, and blanks or comments): a quote there starts a
  // quoted value; elsewhere it is text of a plain value. `plain`: inside a plain value.
  let tokenStart = true;
  let plain = false;
  for (let i = offset; i < content.length; i++) {
    const ch = content[i];
    if (ch === '\n') {
      if (plain) {
        plainBreaks.add(i);
      }
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      continue;
    } else if ((ch === '"' || ch === "'") && tokenStart) {
      const end = quoted(i);
      if (end === undefined) {
        return undefined;
      }
      i = end;
      tokenStart = false;
      plain = false;
    } else if (ch === '#' && (/[\s,[\]{}"']/.test(content[i - 1] ?? ' '))) {
      // A comment: after a blank, and to go-yaml also right after a token (`,#c`, `]#c`, `"q"#c`).
      const eol = content.indexOf('\n', i);
      i = eol === -1 ? content.length : eol - 1;
    } else if (ch === '[' || ch === '{') {
      depth++;
      tokenStart = true;
      plain = false;
    } else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        return i;
      }
      tokenStart = false;
      plain = false;
    } else if (ch === ',' || ch === ':') {
      tokenStart = true;
      plain = false;
    } else if (ch === '?' && tokenStart && /[\s]/.test(content[i + 1] ?? ' ')) {
      // An explicit key: its value starts after it.
      continue;
    } else if ((ch === '&' || ch === '!') && tokenStart) {
      // An anchor or a tag: its value starts after it.
      while (i + 1 < content.length && !/[\s,[\]{}]/.test(content[i + 1])) {
        i++;
      }
    } else {
      tokenStart = false;
      plain = true;
    }
  }
  return undefined;
}

/**
 * Visits the tokens of the yaml package's CST depth first; `visit` returns the context the
 * token's children get (inside a flow collection or not, ...).
 */
function walkCst<C>(node: any, context: C, visit: (node: any, context: C) => C): void {
  if (Array.isArray(node)) {
    node.forEach((n) => walkCst(n, context, visit));
    return;
  }
  if (node === null || typeof node !== 'object') {
    return;
  }
  const inner = visit(node, context);
  for (const field of ['start', 'key', 'sep', 'value', 'items', 'end', 'props']) {
    if (field in node) {
      walkCst(node[field], inner, visit);
    }
  }
}

/**
 * Scalars the `yaml` package reads otherwise than go-yaml v2, refused with what kubectl does:
 * - a double-quoted value with a `\\` line continuation followed by an empty line: go-yaml keeps
 *   the empty line as a line break ("x\\ny"), the yaml package folds it into a space;
 * - a block scalar whose first content line starts with spaces and then a tab: go-yaml refuses it
 *   (yaml_parser_scan_block_scalar_breaks: "found a tab character where an indentation space is expected").
 */
function scalarProblems(tokens: any[], content: string, at: (offset: number) => string): string[] {
  if (!/\\\r?\n[ \t]*\r?\n|[|>][^\n]*\r?\n *\t/.test(content)) {
    return [];
  }
  const problems: string[] = [];
  for (const token of tokens) {
    walkCst(token, false, (node) => {
      const source: string = typeof node.source === 'string' ? node.source : '';
      if (node.type === 'double-quoted-scalar') {
        const gap = /(?<!\\)(?:\\\\)*\\\r?\n[ \t]*\r?\n/.exec(source);
        if (gap) {
          problems.push(`${at(node.offset + gap.index)}: Kubernetes' YAML reader (go-yaml) reads a \\ line continuation followed by an empty line in a double-quoted value as a line break, `
            + 'where the yaml package cdk8s reads YAML with reads a space, so the two read different data; write \\n for the line break, or remove the empty line.');
        }
      } else if (node.type === 'block-scalar') {
        // With an indentation indicator (|2-), go-yaml knows the indentation before the first line:
        // only a tab before that column is refused, one at or after it is content (review 37 I1).
        const header = (Array.isArray(node.props) ? node.props : []).find((p: any) => p?.type === 'block-scalar-header')?.source ?? '';
        const indicator = /[1-9]/.exec(String(header));
        const indent = indicator ? Math.max(Number(node.indent), 0) + Number(indicator[0]) : undefined;
        const tab = indent === undefined ? /^(?:[ ]*\r?\n)*( +)\t/.exec(source) : new RegExp(`^( {0,${indent - 1}})\\t`, 'm').exec(source);
        if (tab) {
          problems.push(`${at(node.offset + tab.index + tab[0].length - 1)}: kubectl refuses this file ("found a tab character where an indentation space is expected"): `
            + (indent === undefined ? 'the first line of a | or > value starts with spaces and then a tab; indent it with spaces only.'
              : `a line of a | or > value with the indentation indicator ${indicator![0]} has a tab before column ${indent + 1}; indent it with spaces only.`));
        }
      }
      return false;
    });
  }
  return problems;
}

/**
 * What go-yaml v2 refuses after a block indicator, where the `yaml` package reads on
 * (gopkg.in/yaml.v2 scannerc.go):
 * - `yaml_parser_fetch_block_entry`: a `-` on the line of a key's `:` ("block sequence entries
 *   are not allowed in this context"), which the `yaml` package reads as a list (`args: -` is [null]);
 * - `yaml_parser_scan_to_next_token`: outside [ ] and { }, a tab after `-`, `?` or an explicit
 *   key's `:` ("found character that cannot start any token").
 */
function blockIndicatorProblems(tokens: any[], content: string, at: (offset: number) => string): string[] {
  if (!/-|\?/.test(content)) {
    return [];
  }
  const problems: string[] = [];
  const tabAfter = (run: any[], kinds: string[]) => {
    run.forEach((t: any, k: number) => {
      const next = run[k + 1];
      if (kinds.includes(t?.type) && next?.type === 'space' && typeof next.source === 'string' && next.source.includes('\t')) {
        problems.push(`${at(next.offset + next.source.indexOf('\t'))}: kubectl refuses this file ("found character that cannot start any token"): Kubernetes' YAML reader takes no tab after `
          + `${JSON.stringify(t.source)} outside [ ] and { }, where the yaml package cdk8s reads YAML with reads on; write spaces instead.`);
      }
    });
  };
  for (const token of tokens) {
    walkCst(token, false, (node, flow) => {
      // The `yaml` package cdk8s loads reads a list there (a newer one marks an error token).
      // (After an explicit key's `:`, go-yaml takes a `-` on the line: yaml_parser_fetch_value allows a simple key there.)
      const explicit = Array.isArray(node.start) && node.start.some((t: any) => t?.type === 'explicit-key-ind');
      const sameLine = !flow && !explicit && Array.isArray(node.sep) && node.value?.type === 'block-seq' && !node.sep.some((t: any) => t?.type === 'newline')
        && node.sep.some((t: any) => t?.type === 'map-value-ind');
      const errorToken = !flow && node.type === 'error' && /block-seq-ind on same line with key/.test(String(node.message));
      const offset = sameLine ? node.value.offset : node.offset;
      if ((sameLine || errorToken) && typeof offset === 'number') {
        problems.push(`${at(offset)}: kubectl refuses this file ("block sequence entries are not allowed in this context"): a list cannot start on the line of its key to Kubernetes' YAML reader, `
          + 'where the yaml package cdk8s reads YAML with reads a list; start the list on the next line (- x, indented), or write [] for an empty one.');
      }
      if (!flow && Array.isArray(node.start)) {
        tabAfter(node.start, ['seq-item-ind', 'explicit-key-ind']);
        if (node.start.some((t: any) => t?.type === 'explicit-key-ind') && Array.isArray(node.sep)) {
          tabAfter(node.sep, ['map-value-ind']);
        }
      }
      return flow || node.type === 'flow-collection';
    });
    if (problems.length >= 10) {
      break;
    }
  }
  return problems;
}

const FLOW_INDICATORS = ',[]{}';
/** A character go-yaml takes into a tag (scan_tag_handle's word characters and `!`, scan_tag_uri's URI characters). */
const GO_TAG_CHAR = /[A-Za-z0-9_\-;/?:@&=+$,.!~*'()[\]%]/;

/**
 * What go-yaml v2 (Kubernetes' YAML reader) reads otherwise than the `yaml` package inside a flow
 * collection (`[...]`, `{...}`), found on the `yaml` package's tokens (its CST). go-yaml's scanner
 * (kubernetes-sigs/yaml goyaml.v2/scannerc.go):
 * - `yaml_parser_fetch_next_token`: in a flow collection, `?` and `:` are always indicators, so
 *   `[?a]` is the mapping `{a: null}` to kubectl and the string `?a` to the `yaml` package, and
 *   `[:a]` is refused by kubectl;
 * - `yaml_parser_scan_plain_scalar`: in a flow collection a plain value ends at `,?[]{}` and at
 *   `:` followed by a blank only, so `[a?b]` is refused by kubectl ("did not find expected ',' or
 *   ']'"), and `[a:,b]` is the string `a:` to kubectl and a key `a` to the `yaml` package;
 * - `yaml_parser_scan_tag_uri`: a tag goes on through `,`, `[` and `]`, so `[!a, b]` is `["b"]`
 *   to kubectl (the tag `!a,`) and `["", "b"]` to the `yaml` package.
 * Each is refused with where it is and how to write it so that both read the same.
 */
function flowCollectionProblems(tokens: any[], content: string, at: (offset: number) => string): string[] {
  if (!/[[{!]/.test(content)) {
    return [];
  }
  const problems: string[] = [];
  const check = (token: any, close: string) => {
    const source: string = token.source ?? '';
    const end = token.offset + source.length;
    if (token.type === 'tag') {
      const next = content[end];
      if (!source.startsWith('!<') && source.split('').some((ch, i) => i > 0 && !GO_TAG_CHAR.test(ch))) {
        blockTag(token);
      } else if (next === ',' && !source.endsWith('>')) {
        problems.push(`${at(token.offset)}: kubectl reads the tag ${source} with the "," after it as one tag (go-yaml takes "," into a tag), `
          + `where the yaml package cdk8s reads YAML with ends the tag before it, so the two read different data; put a space after ${source}, or remove the tag.`);
      } else if (next !== undefined && !/[ \t\r\n]/.test(next)) {
        // yaml_parser_scan_tag: a tag must be followed by a blank (`[` and `]` are taken into the tag, then the collection is not closed).
        const says = next === '[' || next === ']' ? `did not find expected ',' or '${close}'` : 'did not find expected whitespace or line break';
        problems.push(`${at(token.offset)}: kubectl refuses this file ("${says}"): Kubernetes' YAML reader needs a space after the tag ${source} `
          + `before ${JSON.stringify(next)}, where the yaml package cdk8s reads YAML with reads an empty value; put a space after ${source} and a value, or remove the tag.`);
      }
      return;
    }
    if (token.type !== 'scalar') {
      return;
    }
    const quote = `write it quoted ('${source.replace(/'/g, "''")}')`;
    const ours = `where the yaml package cdk8s reads YAML with reads the string ${JSON.stringify(source)}`;
    if (source[0] === '?') {
      problems.push(`${at(token.offset)}: inside [ ] or { }, kubectl reads ${source} as the mapping {${source.slice(1)}: null} ("?" is a key indicator there), ${ours}; ${quote}.`);
      return;
    }
    if (source[0] === ':') {
      problems.push(`${at(token.offset)}: kubectl refuses this file ("did not find expected node content"): inside [ ] or { }, ":" is a value indicator to Kubernetes' YAML reader, ${ours}; ${quote}.`);
      return;
    }
    const question = source.indexOf('?');
    if (question > 0) {
      problems.push(`${at(token.offset + question)}: kubectl refuses this file ("did not find expected ',' or '${close}'"): inside [ ] or { }, a value that is not quoted ends at "?" to Kubernetes' YAML reader, `
        + `${ours}; ${quote}.`);
      return;
    }
    if (content[end] === ':' && FLOW_INDICATORS.includes(content[end + 1] ?? '')) {
      problems.push(`${at(end)}: inside [ ] or { }, kubectl reads ${source}: (with the colon) as one string, since a colon ends a value there only before a space, `
        + `where the yaml package cdk8s reads YAML with reads the key ${JSON.stringify(source)}; put a space after the colon for a key, or write '${source.replace(/'/g, "''")}:' quoted for the string.`);
    }
  };
  // yaml_parser_scan_tag outside [ ] and { }: the tag's characters (scan_tag_handle, scan_tag_uri),
  // then a blank; anything else and kubectl refuses the file.
  const blockTag = (token: any) => {
    const source: string = token.source ?? '';
    const next = content[token.offset + source.length];
    const bad = source.startsWith('!<') ? undefined : source.split('').findIndex((ch, i) => i > 0 && !GO_TAG_CHAR.test(ch));
    if ((bad !== undefined && bad >= 0) || (next !== undefined && !/[ \t\r\n]/.test(next))) {
      const where = bad !== undefined && bad >= 0 ? `ends the tag ${source.slice(0, bad)} at ${JSON.stringify(source[bad])}` : `needs a space after the tag ${source}`;
      problems.push(`${at(token.offset)}: kubectl refuses this file ("did not find expected whitespace or line break"): Kubernetes' YAML reader ${where}, `
        + `where the yaml package cdk8s reads YAML with reads the tag ${source}; put a space after the tag, or remove it.`);
    }
  };
  // `close` is the end of the innermost flow collection (']' or '}'), '' outside them.
  for (const token of tokens) {
    walkCst(token, '', (node, close) => {
      if (node.type === 'flow-collection' && node.start?.source === '{' && Array.isArray(node.items)) {
        // yaml_parser_stale_simple_keys: an implicit key ends with its line, so a ':' on a later
        // line is a value without a key to go-yaml; the yaml package reads the pair.
        for (const item of node.items) {
          const sep: any[] = Array.isArray(item?.sep) ? item.sep : [];
          const colon = sep.findIndex((t) => t?.type === 'map-value-ind');
          const explicit = Array.isArray(item?.start) && item.start.some((t: any) => t?.type === 'explicit-key-ind');
          // The key's start and its ':' on different lines, or more than 1024 characters apart.
          const keyStart = typeof item?.key?.offset === 'number' ? item.key.offset : undefined;
          const colonAt = colon >= 0 ? sep[colon].offset : undefined;
          if (keyStart !== undefined && colonAt !== undefined && !explicit && (content.slice(keyStart, colonAt).includes('\n') || colonAt - keyStart > 1024)) {
            problems.push(`${at(colonAt)}: kubectl refuses this file ("did not find expected ',' or '}'"): inside { }, Kubernetes' YAML reader ends a key `
              + "without '?' at the end of the line it starts on (or after 1024 characters), so this ':' has no key, where the yaml package cdk8s reads YAML with reads the pair; "
              + "write the key and its ':' on one line.");
          }
        }
      }
      const inner = node.type === 'flow-collection' ? (node.start?.source === '{' ? '}' : ']') : close;
      if (inner && typeof node.offset === 'number') {
        check(node, inner);
      } else if (node.type === 'tag' && typeof node.offset === 'number') {
        blockTag(node);
      }
      return inner;
    });
    if (problems.length >= 10) {
      break;
    }
  }
  return problems;
}

function parseAll(Y: YamlModule, content: string, lineCounter: any): YamlDocument[] {
  return Y.parseAllDocuments(content, {
    version: '1.1',
    lineCounter,
    prettyErrors: true,
    // Integers as BigInt: one beyond 2^53 is refused as written instead of rounded (see portabilityProblems).
    intAsBigInt: true,
    // Duplicate keys are reported by goDecode (go-decode.ts), with the key and what Kubernetes does with them.
    uniqueKeys: false,
    customTags: goTags,
  });
}

/** The types of go-yaml v2's resolve() and the `yaml` package's YAML 1.1 tags that stand for them. */
const GO_TYPES: { [type: string]: string } = { null: 'tag:yaml.org,2002:null', bool: 'tag:yaml.org,2002:bool', int: 'tag:yaml.org,2002:int', float: 'tag:yaml.org,2002:float' };

/**
 * The scalar tags: plain scalars resolve exactly as go-yaml v2 resolves them (go-yaml.ts), which
 * the `yaml` package's YAML 1.1 tags do not (`e2` is NaN to them, `nO` false, `0o17` a string).
 * One tag per type, tried first on every plain scalar (`default: true`, a `test` that matches the
 * scalars go-yaml resolves to that type); the explicit `!!int 3`, `!!float 1`, `!!bool yes`,
 * `!!null ~` resolve as go-yaml does too (`default: false`: found by tag name only), refusing what
 * it refuses ("cannot decode !!str `x` as a !!int"). The package's own bool, int, float and null
 * tags are left out, and so are its timestamps and base-60 numbers: Kubernetes keeps them as strings.
 */
function goTags(tags: any[]): any[] {
  let last: { text: string; resolved: GoScalar } | undefined;
  const resolved = (text: string): GoScalar => {
    if (last?.text !== text) {
      last = { text, resolved: goResolve(text) };
    }
    return last.resolved;
  };
  const own = Object.values(GO_TYPES);
  const stringifiers = (tag: string) => tags.find((t) => t.tag === tag && !t.format) ?? {};
  const implicit = Object.keys(GO_TYPES).map((type) => ({
    ...stringifiers(GO_TYPES[type]),
    tag: GO_TYPES[type],
    default: true,
    format: undefined,
    test: { test: (text: string) => resolved(text).type === type },
    resolve: (text: string) => resolved(text).value,
  }));
  const explicit = Object.keys(GO_TYPES).map((type) => ({
    ...stringifiers(GO_TYPES[type]),
    tag: GO_TYPES[type],
    default: false,
    format: undefined,
    test: undefined,
    resolve: (text: string, onError: (message: string) => void) => {
      const r = goResolve(text);
      if (r.type === type) {
        return r.value;
      }
      // resolve.go: an int is taken where a float is asked for (an int64 one, not a uint64 or big one).
      if (type === 'float' && r.type === 'int' && r.value >= -INT64_LIMIT && r.value < INT64_LIMIT) {
        return Number(r.value);
      }
      onError(`go-yaml, which Kubernetes reads YAML with, cannot decode !!${r.type} \`${text}\` as a !!${type}`);
      return text;
    },
  }));
  // go-yaml ignores the collection tags (`!!omap`, `!!set`, `!!pairs` are the plain list or mapping), and
  // reads `!!binary` as the decoded string (go-decode.ts): left unresolved here, the tag stays on the node.
  const ignored = ['timestamp', 'binary', 'omap', 'set', 'pairs'].map((t) => `tag:yaml.org,2002:${t}`);
  const rest = tags.filter((t) => !own.includes(t.tag) && !ignored.includes(t.tag) && t.format !== 'TIME');
  return [...implicit, ...explicit, ...rest];
}


/**
 * The string sigs.k8s.io/yaml makes of a map key (yaml.go, convertToJSONableObject), with its Go
 * identity (type and value: `1` and "1" are two keys to go-yaml), or why Kubernetes refuses it:
 * go-yaml resolves keys as values, then an int key becomes its decimal, a float key
 * strconv.FormatFloat(v, 'g', -1, 32) (`0.5` is "0.5", `.inf` ".inf"), a bool key true or false.
 * A float key that Kubernetes would rename (`1000000.0` is "1e+06") is refused, naming both: the
 * importer does not rename keys without a word. A null key, an integer beyond int64 and a mapping
 * or list are refused ("unsupported map key", "invalid map key").
 */
function goKey(Y: YamlModule, value: any, written: string, node: any): { key: string; identity: string } | { problem: string } {
  if (Y.isMap(node) || Y.isSeq(node)) {
    return { problem: `a ${Y.isMap(node) ? 'mapping' : 'list'} is written as a key: Kubernetes' YAML reader (go-yaml) refuses it ("invalid map key"), so kubectl cannot read the file; write a string key.` };
  }
  const shown = written === '' ? 'the empty key' : `the key ${written}`;
  if (typeof value === 'string') {
    return { key: value, identity: `str:${value}` };
  }
  if (typeof value === 'boolean') {
    return { key: String(value), identity: `bool:${value}` };
  }
  if (typeof value === 'bigint') {
    if (value >= -INT64_LIMIT && value < INT64_LIMIT) {
      return { key: value.toString(), identity: `int:${value}` };
    }
    return { problem: `${shown} reads as the integer ${value}, beyond int64, and Kubernetes refuses such a key ("unsupported map key"), so kubectl cannot read the file; quote the key ('${written}').` };
  }
  if (typeof value === 'number') {
    const key = formatFloatKey(value);
    if (key !== written) {
      return {
        problem: `${shown} is a floating-point number to Kubernetes (YAML 1.1), which names the key "${key}" (sigs.k8s.io/yaml writes a float key `
        + `as Go's strconv.FormatFloat(key, 'g', -1, 32)); the importer does not rename keys: quote the key as you mean it ('${written}'), or write "${key}".`,
      };
    }
    return { key, identity: `float:${value}` };
  }
  if (value === null) {
    return {
      problem: `${shown} is null to Kubernetes (YAML 1.1), and Kubernetes refuses a null key ("unsupported map key"), so kubectl cannot read the file; `
      + `${written === '' ? 'write a key' : `quote the key ('${written}')`} or remove the entry.`,
    };
  }
  return { problem: `${shown} is not a string, number or boolean, and Kubernetes refuses such a key ("unsupported map key"); write a string key.` };
}

/** The items of a typed list that have one of apiVersion and kind but not the other (see listItems). */
const PARTIAL_TYPE_META = new WeakSet<object>();

/**
 * The objects of a document: the items of kubectl's `kind: List` (what `kubectl get -o yaml`
 * prints for several objects) and of a typed list (`kind: ConfigMapList`, what the API returns),
 * whose items may leave out apiVersion and kind, else the document itself. kubectl gives an item
 * the list's apiVersion and kind only when it has neither (apimachinery
 * pkg/apis/meta/v1/unstructured/helpers.go, unstructuredJSONScheme.decodeToList: `if
 * len(unstruct.GetKind()) == 0 && len(unstruct.GetAPIVersion()) == 0`); an item with one of them
 * keeps the other missing, and is refused (PARTIAL_TYPE_META). An `items` field elsewhere is
 * listShapeProblem's.
 */
function listItems(data: any): any[] {
  if (!isTypedList(data) || !Array.isArray(data.items)) {
    // `items: ~`: decodeToList reads a null list as no items
    return isTypedList(data) && data.items === null ? [] : [data];
  }
  if (data.kind === 'List') {
    return data.items;
  }
  const kind = data.kind.slice(0, -'List'.length);
  const unset = (v: any) => typeof v !== 'string' || v === '';
  return data.items.map((item: any) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item) || kind === '') {
      return item;
    }
    if (unset(item.apiVersion) && unset(item.kind)) {
      const rest = { ...item };
      delete rest.apiVersion;
      delete rest.kind;
      return { apiVersion: data.apiVersion, kind, ...rest };
    }
    if (unset(item.apiVersion) || unset(item.kind)) {
      PARTIAL_TYPE_META.add(item);
    }
    return item;
  });
}

/** Whether the document is a list kubectl splits into its items: `kind: List` or a typed list, with `items`. */
function isTypedList(data: any): boolean {
  return typeof data.apiVersion === 'string' && typeof data.kind === 'string' && /List$/.test(data.kind) && Object.prototype.hasOwnProperty.call(data, 'items');
}

/**
 * The problem of a document with an `items` field that listItems does not split: kubectl reads
 * any object with an `items` field as a list, whatever its kind (unstructuredJSONScheme.decode:
 * `if det.Items != nil`, null included), so it would apply the items (none for null), never the
 * object itself; and it cannot read items that are not a list (decodeToList unmarshals them into
 * `[]json.RawMessage`).
 */
function listShapeProblem(data: any): string | undefined {
  if (typeof data.apiVersion !== 'string' || typeof data.kind !== 'string' || !Object.prototype.hasOwnProperty.call(data, 'items')) {
    return undefined;
  }
  const label = typeof data.metadata?.name === 'string' ? `${data.kind} ${data.metadata.name}` : data.kind;
  if (data.items !== null && !Array.isArray(data.items)) {
    // (The YAML reader gives integers as BigInt: shown as written.)
    const shown = JSON.stringify(data.items, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
    return `${label}: items: ${shown !== undefined && shown.length <= 60 ? shown : '(this field)'} is not a list: kubectl reads an object with an items field `
      + 'as a list of objects, whatever its kind, so it cannot read the file; write the objects as a list under items, or remove the field.';
  }
  if (isTypedList(data)) {
    return undefined;
  }
  return `${label}: items: kubectl reads an object with an items field as a list, whatever its kind, so it would apply `
    + `${data.items === null || data.items.length === 0 ? 'nothing' : 'the objects under items'}, not this ${data.kind}; `
    + 'write a list as kind: List (apiVersion: v1), or remove the items field from the object.';
}

/** How deep an object may be nested: the importer, cdk8s and the check read objects recursively. */
export const MAX_DEPTH = 200;

/** The problem of an object nested deeper than `MAX_DEPTH` (found without recursion), or undefined. */
function tooDeep(object: any): string | undefined {
  const stack: Array<{ value: any; path: string; depth: number }> = [{ value: object, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path: at, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') {
      continue;
    }
    if (depth > MAX_DEPTH) {
      return `${at}: is nested more than ${MAX_DEPTH} levels deep, deeper than the importer reads; flatten it, or apply this object with kubectl outside the cdk8s app.`;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${at}[${i}]`, depth: depth + 1 }));
    } else {
      for (const k of Object.keys(value)) {
        stack.push({ value: value[k], path: at === '' ? k : `${at}.${k}`, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** An escape go-yaml refuses: where, as written, why, go-yaml's own words and the fix (when not those of a \\u escape). */
interface BadEscape {
  readonly offset: number;
  readonly text: string;
  readonly why: string;
  readonly says?: string;
  readonly fix?: string;
}

/**
 * The first escape of a double-quoted scalar that go-yaml refuses: a `\u` or `\U` of a UTF-16
 * surrogate (`"\ud83d\ude00"`, which the `yaml` package joins into one character) or of a value
 * over U+10FFFF, or `\/` (YAML 1.2's, which go-yaml v2 does not know).
 */
// Go: yaml_parser_scan_flow_scalar (gopkg.in/yaml.v2 scannerc.go)
function badEscape(Y: YamlModule, node: any, content: string): BadEscape | undefined {
  if (node === null || node === undefined) {
    return undefined;
  }
  if (Y.isPair(node)) {
    return badEscape(Y, node.key, content) ?? badEscape(Y, node.value, content);
  }
  if (Y.isMap(node) || Y.isSeq(node)) {
    for (const item of node.items) {
      const found = badEscape(Y, item, content);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
  if (!Y.isScalar(node) || node.type !== 'QUOTE_DOUBLE' || !Array.isArray(node.range)) {
    return undefined;
  }
  const text = content.slice(node.range[0], node.range[1]);
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') {
      continue;
    }
    if (text[i + 1] === '/') {
      return {
        offset: node.range[0] + i, text: '\\/', why: 'a YAML 1.2 escape that go-yaml v2 does not know', says: 'found unknown escape character', fix: 'write / without the backslash',
      };
    }
    const width = text[i + 1] === 'u' ? 4 : text[i + 1] === 'U' ? 8 : 0;
    const hex = text.slice(i + 2, i + 2 + width);
    if (width > 0 && /^[0-9a-fA-F]+$/.test(hex) && hex.length === width) {
      const code = parseInt(hex, 16);
      if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
        return { offset: node.range[0] + i, text: text.slice(i, i + 2 + width), why: code > 0x10ffff ? 'over U+10FFFF' : 'half of a UTF-16 surrogate pair' };
      }
    }
    i++; // the escaped character
  }
  return undefined;
}

/**
 * A problem about a plain scalar that YAML 1.1 reads as a number or a boolean where a string goes
 * (`mode: 0644` is 420, `enabled: on` is true): its fix quotes the value as written, not as read
 * (`write it as a string: "420"` would change what the user meant).
 */
function asWritten(Y: YamlModule, node: YamlNode | undefined, content: string, problem: string, end: number | undefined): string {
  const rest = end === undefined ? null : problem.slice(end + 2).match(/^(.*) is a (number|boolean), but (.*) takes a string; write it as a string: "(.*)"( \(the API server cannot decode it\))?\.$/);
  const fix = rest ? [problem, problem.slice(0, end), ...rest.slice(1)] : null;
  const range = node !== undefined && Y.isScalar(node) && (node as any).type === 'PLAIN' ? node.range : undefined;
  if (!fix || !range) {
    return problem;
  }
  const written = content.slice(range[0], range[1]);
  if (written === fix[5]) {
    return problem;
  }
  return `${fix[1]}: ${written} is the ${fix[3]} ${fix[2]} to Kubernetes (YAML 1.1), but ${fix[4]} takes a string${fix[6] ?? ''}; quote it as you mean it: "${written}".`;
}

/**
 * The YAML node at a field path (keys may hold dots: `metadata.labels.app.kubernetes.io/name`);
 * with `key`, the node of the last key (where the field is written), else its value. An alias is
 * followed to the node it names (a key `*a:` is the anchored key, a value `*m` the anchored map),
 * and the keys a merge (`<<: *m`) brings in are found where the merged map writes them.
 */
function nodeAt(Y: YamlModule, node: any, segments: string[], key: boolean = false, doc?: any): YamlNode | undefined {
  if (segments.length === 0) {
    return node ?? undefined;
  }
  const target = Y.isAlias(node) && doc ? node.resolve(doc) : node;
  if (Y.isSeq(target) && /^\d+$/.test(segments[0])) {
    return nodeAt(Y, target.items[Number(segments[0])], segments.slice(1), key, doc);
  }
  if (Y.isMap(target)) {
    const pairs = pairsByKey(Y, target, doc);
    for (let j = segments.length; j > 0; j--) {
      const pair = pairs.get(segments.slice(0, j).join('.'));
      if (pair) {
        return j === segments.length && key ? pair.key : nodeAt(Y, pair.value, segments.slice(j), key, doc) ?? pair.key;
      }
    }
  }
  return node ?? undefined;
}

const pairsCache = new WeakMap<object, Map<string | undefined, any>>();

/**
 * The pair of each key of a map, merges applied (the last pair of a key, as go-yaml keeps it), kept
 * per map node: each problem of a large map looks its key up, not every pair again.
 */
function pairsByKey(Y: YamlModule, map: any, doc: any): Map<string | undefined, any> {
  let pairs = pairsCache.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const p of mapPairs(Y, map, doc, new Set())) {
      pairs.set(keyText(Y, p.key, doc), p);
    }
    pairsCache.set(map, pairs);
  }
  return pairs;
}

/** The text of a scalar key, or of the scalar an alias key names. */
function keyText(Y: YamlModule, key: any, doc: any): string | undefined {
  const k = Y.isAlias(key) && doc ? key.resolve(doc) : key;
  return Y.isScalar(k) ? String((k as any).value) : undefined;
}

/**
 * The pairs of a map in the order go-yaml v2 applies them (decode.go `mapping`, `merge`): its own
 * in document order, a merge key's map (`<<: *m`) where it is written, a merge key's list
 * (`<<: [*a, *b]`) from its last map to its first. The last pair of a name is the one kept.
 */
function mapPairs(Y: YamlModule, map: any, doc: any, seen: Set<any>): any[] {
  if (seen.has(map)) {
    return [];
  }
  seen.add(map);
  const out: any[] = [];
  for (const p of map.items as any[]) {
    if (keyText(Y, p.key, doc) !== '<<') {
      out.push(p);
      continue;
    }
    const sources = Y.isSeq(p.value) ? [...(p.value as any).items].reverse() : [p.value];
    for (const source of sources) {
      const m = Y.isAlias(source) && doc ? source.resolve(doc) : source;
      if (Y.isMap(m)) {
        out.push(...mapPairs(Y, m, doc, new Set(seen)));
      }
    }
  }
  return out;
}

/** `Deployment web`, `Service prod/web`. */
export function labelOf(object: any): string {
  const kind = typeof object?.kind === 'string' && object.kind ? object.kind : 'object';
  const name = typeof object?.metadata?.name === 'string' ? object.metadata.name : '(no name)';
  const ns = typeof object?.metadata?.namespace === 'string' ? `${object.metadata.namespace}/` : '';
  return `${kind} ${ns}${name}`;
}

/**
 * Every problem of one object, each `<field path>: <what is wrong>; <the fix>.` `list`: the typed
 * list of an item that has only one of apiVersion and kind.
 */
function checkObject(object: any, list?: { apiVersion: string; kind: string }): string[] {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    return ['is not a mapping; every document must be a Kubernetes object with apiVersion, kind and metadata.'];
  }
  const problems: string[] = [];
  portabilityProblems(object, '', problems);
  if (problems.length > 0) {
    return problems;
  }
  // kubectl fills in neither for an item of a typed list that has one of them (listItems).
  const fromList = (field: string, other: string) => (list === undefined ? ''
    : `; an item of a ${list.kind} gets the list's apiVersion and kind only when it has neither (kubectl: apimachinery decodeToList), `
      + `and this one has ${other}, so its ${field} stays empty`);
  if (typeof object.apiVersion !== 'string' || object.apiVersion === '') {
    problems.push(`apiVersion: ${object.apiVersion === undefined ? 'is missing' : `${JSON.stringify(object.apiVersion)} is not an API version`}${fromList('apiVersion', 'a kind')}; `
      + `add it (${list ? `the list's is apiVersion: ${list.apiVersion}` : 'e.g. apiVersion: apps/v1 for a Deployment'}).`);
  }
  if (typeof object.kind !== 'string' || object.kind === '') {
    problems.push(`kind: ${object.kind === undefined ? 'is missing' : `${JSON.stringify(object.kind)} is not a kind`}${fromList('kind', 'an apiVersion')}; `
      + `add it (${list ? `the list's items are kind: ${list.kind.slice(0, -'List'.length)}` : 'e.g. kind: Deployment'}).`);
  }
  const name = object.metadata?.name;
  if (name !== undefined && typeof name !== 'string') {
    problems.push(`metadata.name: ${JSON.stringify(name)} is not a name; quote it (YAML 1.1, which Kubernetes reads, takes y, yes, on and off for booleans and 0644 for a number).`);
  } else if (typeof name !== 'string' || name === '') {
    const generated = typeof object.metadata?.generateName === 'string' ? ` (generateName ${JSON.stringify(object.metadata.generateName)} is left to the API server, which cdk8s cannot do)` : '';
    problems.push(`metadata.name: is missing${generated}; cdk8s writes every object with a name: add one.`);
  }
  if (problems.length > 0) {
    return problems;
  }
  const end = (m: string) => (/[.!?)]$/.test(m) ? m : `${m}.`);
  if (VALIDATED_KINDS.includes(`${object.apiVersion}/${object.kind}`)) {
    if (object.status !== null && typeof object.status === 'object' && !Array.isArray(object.status) && isZeroStatus(object.apiVersion, object.kind, object.status)) {
      // The zero status kubectl prints for an object it builds (`{}`, a Service's `{loadBalancer:
      // {}}`, a StatefulSet's `{replicas: 0, availableReplicas: 0}`) holds nothing, and the API
      // server resets it on create: dropped, so a dry-run manifest imports as its pattern.
      delete object.status;
    }
    // The library's own check: unknown fields and JSON types at Kubernetes 1.32, then the API
    // server's validation (the generated app would fail with these messages anyway).
    const found = new Problems();
    validateObject(object, found);
    problems.push(...found.messages.map(end));
    return problems;
  }
  // The rule of src/validation/yaml-scalars.ts, for every object (custom resources, L1 kinds): every string
  // reads back from the YAML cdk8s writes as it was written (`"0o17"`, U+2028 would not).
  const scalars = new Problems();
  validateYamlScalars(object, '', scalars);
  // Every object's metadata is an ObjectMeta, which kubectl decodes (custom resources too):
  // `labels: {app: 0644}` is "cannot unmarshal number into Go struct field ObjectMeta.metadata.labels".
  decodeCheck('ObjectMeta', object.metadata, 'metadata', scalars);
  problems.push(...scalars.messages.map(end));
  // Other kinds are written with their cdk8s-plus-28 L1 class, which drops fields it does not know,
  // or as an ApiObject (a kind of 1.32 without an L1 class); both are checked as 1.32 decodes them.
  const struct = decodedStruct(object.apiVersion, object.kind);
  if (struct && STATUS_KINDS.has(object.kind) && object.status !== null && typeof object.status === 'object' && !Array.isArray(object.status)
    && (Object.keys(object.status).length === 0 || isZeroStatus(object.apiVersion, object.kind, object.status))) {
    // The zero status kubectl prints for an object it builds (an Ingress's `{loadBalancer: {}}`, a
    // PodDisruptionBudget's zero counters) holds nothing to write (the L1 classes have no status),
    // as for the kinds this library validates.
    delete object.status;
  }
  if (struct) {
    problems.push(...unknownFieldProblems(struct, withoutTypeMeta(object), '', object.kind).map(end));
  }
  const dropped = new Problems();
  droppedOnCreate(object, dropped);
  problems.push(...dropped.messages);
  return problems;
}

/**
 * What the API server drops on create from the kinds the library does not validate that hold a
 * pod template or a claim spec (a field whose feature gate is off in 1.32): each an error, as for
 * the kinds it validates.
 */
// Go: PrepareForCreate of the ReplicationController and PodTemplate strategies (pod.DropDisabledTemplateFields)
// and of the PersistentVolumeClaim strategy (pvcutil.DropDisabledFields)
function droppedOnCreate(object: any, problems: Problems): void {
  switch (`${object.apiVersion}/${object.kind}`) {
    case 'v1/ReplicationController':
      preparePodTemplate(object.spec?.template, 'spec.template', problems);
      break;
    case 'v1/PodTemplate':
      preparePodTemplate(object.template, 'template', problems);
      break;
    case 'v1/PersistentVolumeClaim':
      preparePersistentVolumeClaimTemplateSpec(object.spec, 'spec', problems, false);
      break;
  }
}

function withoutTypeMeta(object: any): any {
  const rest = { ...object };
  delete rest.apiVersion;
  delete rest.kind;
  return rest;
}

/**
 * Values the input holds that JavaScript, and so cdk8s, cannot write back: a `__proto__` key
 * (cdk8s copies objects by assignment, which sets the prototype instead; it refuses a JSON patch
 * of it) and integers beyond 2^53 (a number rounds them). Each `<field path>: <why>; <the fix>.`
 */
function portabilityProblems(value: any, at: string, problems: string[]): void {
  if (typeof value === 'bigint') {
    problems.push(`${at}: ${value} is an integer beyond 2^53 (${Number.MAX_SAFE_INTEGER}): JavaScript numbers, and so cdk8s, cannot hold it exactly `
      + `(it would be written as ${Number(value)}); write an integer between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}.`);
    return;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const [go, written] = Number.isNaN(value) ? ['NaN', '.nan'] : value > 0 ? ['+Inf', '.inf'] : ['-Inf', '-.inf'];
    problems.push(`${at}: ${written} is the floating-point ${go} to Kubernetes (YAML 1.1), which JSON cannot hold: kubectl refuses the file `
      + `("json: unsupported value: ${go}"); quote it ('${written}') if you mean the string, or write a number.`);
    return;
  }
  if (value === null || typeof value !== 'object') {
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => portabilityProblems(v, `${at}[${i}]`, problems));
    return;
  }
  for (const key of Object.keys(value)) {
    const field = at === '' ? key : `${at}.${key}`;
    if (key === '__proto__') {
      const shown = JSON.stringify(value[key], (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value[key]);
      problems.push(`${field}: the key "__proto__" (value ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}) cannot be written by cdk8s: `
        + 'JavaScript takes it for an object\'s prototype, so cdk8s would drop it without a word (and refuses a JSON patch of it); '
        + 'rename the key, or apply this object with kubectl outside the cdk8s app.');
      continue;
    }
    portabilityProblems(value[key], field, problems);
  }
}

/** The ObjectMeta of an object and of the pod or job templates of the built-in kinds that have them. */
const OBJECT_META = /^(metadata|spec\.template\.metadata|spec\.jobTemplate\.metadata|spec\.jobTemplate\.spec\.template\.metadata)$/;
const TEMPLATE_KINDS = /^(v1\/(ReplicationController|PodTemplate)|apps\/v1\/(Deployment|StatefulSet|DaemonSet|ReplicaSet)|batch\/v1\/(Job|CronJob))$/;

/**
 * A deep copy without keys whose value is null (cdk8s never writes null, Kubernetes reads it as
 * unset) and without empty `labels` / `annotations` maps in an ObjectMeta (Kubernetes writes them
 * as unset: `omitempty`). Integers read as BigInt become numbers when a number holds them exactly;
 * a `__proto__` key stays a key (`portabilityProblems` refuses it).
 */
export function withoutNulls(value: any, at: string = '', kind?: string): any {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => withoutNulls(v, `${at}[${i}]`, kind));
  }
  const type = at === '' ? `${value.apiVersion}/${value.kind}` : kind;
  const meta = at === 'metadata' || (OBJECT_META.test(at) && TEMPLATE_KINDS.test(type ?? ''));
  const out: any = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === null || v === undefined) {
      continue;
    }
    if (meta && (key === 'labels' || key === 'annotations') && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) {
      continue;
    }
    Object.defineProperty(out, key, { value: withoutNulls(v, at === '' ? key : `${at}.${key}`, type), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
