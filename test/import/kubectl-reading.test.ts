import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importError, imported } from './manifests';
import { ManifestImport } from '../../src/import';

/**
 * Review 11 (importer, third round): documents as kubectl reads them (kubectl 1.32.4,
 * `kubectl label --local -f FILE x=y -o json`): merge keys, anchors, YAML 1.1 tags, document
 * markers and directives, infinities, line breaks and aliases. The expected data is kubectl's.
 */

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n';
const CR = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n';

describe('merge keys as kubectl applies them (go-yaml v2: in order, into the same map)', () => {
  test.each([
    ['a key written before <<, which replaces it', `${CM}data:\n  p: "2"\n  <<: {p: "1", q: "1"}\n`, "data: { p: '1', q: '1' }"],
    ['two << keys, the later replacing the earlier', `${CM}  annotations: &a {p: "a", q: "a"}\n  labels: &b {p: "b", r: "b"}\ndata:\n  <<: *a\n  <<: *b\n`,
      "data: { p: 'b', q: 'a', r: 'b' }"],
    ['a merge source with a merge of its own', `${CM}  annotations: &a {p: "a", q: "a"}\n  labels: &b\n    <<: *a\n    p: "b"\ndata:\n  p: "x"\n  <<: *b\n`,
      "data: { p: 'b', q: 'a' }"],
    ['a null before <<', `${CM}data:\n  p: ~\n  <<: {p: "1"}\n`, "data: { p: '1' }"],
  ])('GIVEN %s WHEN imported THEN the data is what kubectl reads', (_what, yaml, expected) => {
    const result = imported('merge.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain(expected);
  });

  test('GIVEN a container that writes its requests and then merges the first container\'s resources WHEN imported THEN the merged requests win, as in kubectl', () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n'
      + '    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: app\n        image: busybox:1.36\n        resources: &res\n'
      + '          limits: {cpu: 500m, memory: 128Mi}\n          requests: {cpu: 100m, memory: 64Mi}\n      - name: helper\n        image: busybox:1.36\n'
      + '        resources:\n          requests: {cpu: 250m, memory: 64Mi}\n          <<: *res\n';
    const result = imported('deploy.yaml', yaml);
    expect(result.code).not.toContain("cpu: '250m'");
    expect(result.code.match(/requests: \{ cpu: '100m', memory: '64Mi' \}/g)).toHaveLength(2);
  });

  test.each([
    ['! <<', `${CM}data:\n  ! <<: {a: "1"}\n  b: "2"\n`],
    ['! "<<"', `${CM}data:\n  ! "<<": {a: "1"}\n  b: "2"\n`],
  ])('GIVEN %s (the non-specific tag) WHEN imported THEN it is a merge key, as kubectl reads it (review 12 A4)', (_what, yaml) => {
    const result = imported('merge.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("data: { a: '1', b: '2' }");
  });

  test('GIVEN a quoted "<<" key WHEN imported THEN it is refused: cdk8s would write it as a plain <<, which kubectl reads as a merge key (review 12 A3)', () => {
    expect(importError('quoted.yaml', `${CR}spec:\n  literal:\n    "<<": {a: 1}\n    b: 2\n`)).toContain(
      'quoted.yaml:7:5: Widget w: spec.literal: the key "<<" is written quoted or tagged, so kubectl reads it as a key, but cdk8s writes keys without quotes, and a plain << is a merge key');
  });

  test('GIVEN a string key "1" and a merged int key 1 WHEN imported THEN it is refused: Kubernetes keeps one of them in no defined order', () => {
    expect(importError('types.yaml', `${CM}data:\n  "1": "str"\n  <<: {1: "int"}\n`)).toContain(
      'types.yaml:7:8: ConfigMap m: data: the keys "1" (line 6) and "1" (line 7), one of them set by a merge key <<, are two keys to go-yaml and one to Kubernetes, "1"');
  });

  test('GIVEN a merge of a scalar WHEN imported THEN it is refused at the << with go-yaml\'s message and the fix', () => {
    expect(importError('scalar.yaml', `${CM}data:\n  <<: "x"\n`)).toContain(
      'scalar.yaml:6:3: the merge key << takes a mapping, an alias of a mapping (<<: *base) or a list of them (<<: [*a, *b]), and Kubernetes\' YAML reader (go-yaml) '
      + 'refuses anything else ("map merge requires map or sequence of maps as the value"), so kubectl cannot read the file; write a mapping or an alias of one.');
  });
});

describe('anchors and aliases as kubectl reads them', () => {
  test('GIVEN anchored keys 8080 and on used later as values WHEN imported THEN the values keep their types (8080, true)', () => {
    const yaml = `${CR}spec:\n  ports:\n    &p 8080: http\n  defaultPort: *p\n  flags:\n    ? &on on\n    : enabled\n  tls: *on\n`;
    const result = imported('anchor.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain('defaultPort: 8080');
    expect(result.code).toContain('tls: true');
  });

  test.each([
    ['an alias inside its own anchor', `${CR}spec: &a\n  self: *a\n`, 'self.yaml:6:9: the alias *a is inside the value of its own anchor &a'],
    ['a merge of its own anchor', `${CR}spec: &a\n  x: 1\n  <<: *a\n`, 'self.yaml:7:7: the alias *a is inside the value of its own anchor &a'],
  ])('GIVEN %s WHEN imported THEN it is refused with kubectl\'s message at the alias', (_what, yaml, expected) => {
    const message = importError('self.yaml', yaml);
    expect(message).toContain(expected);
    expect(message).toContain('("anchor \'a\' value contains itself"), so kubectl cannot read the file');
  });

  test('GIVEN 1001 uses of one anchor, which kubectl reads WHEN imported THEN they are read too', () => {
    const yaml = `${CR}spec:\n  base: &v shared\n  list:\n${'  - *v\n'.repeat(1001)}`;
    const result = imported('aliases.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("'shared'");
  });

  test('GIVEN a document made mostly of alias expansions WHEN imported THEN it is refused with go-yaml\'s "excessive aliasing"', () => {
    const yaml = `${CR}spec:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`
      + '  d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(importError('laughs.yaml', yaml)).toContain('("document contains excessive aliasing"), so kubectl cannot read the file');
  });
});

describe('YAML 1.1 tags as go-yaml reads them', () => {
  test.each([
    ['!!binary in a ConfigMap', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: t}\ndata:\n  v: !!binary aGVsbG8=\n', "data: { v: 'hello' }"],
    ['!!binary in a custom resource', `${CR}spec:\n  bin: !!binary aGVsbG8=\n`, "spec: { bin: 'hello' }"],
    ['!!omap', `${CR}spec:\n  omap: !!omap [{a: 1}, {b: 2}]\n`, 'omap: [{ a: 1 }, { b: 2 }]'],
  ])('GIVEN %s WHEN imported THEN it is the data kubectl reads', (_what, yaml, expected) => {
    const result = imported('tags.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain(expected);
  });

  test('GIVEN !!binary that is not base64 WHEN imported THEN it is refused with go-yaml\'s message', () => {
    expect(importError('bin.yaml', `${CR}spec:\n  bin: !!binary aGVsbG8\n`)).toContain(
      'bin.yaml:6:17: the !!binary value "aGVsbG8": go-yaml, which Kubernetes reads YAML with, refuses it ("!!binary value contains invalid base64 data"), '
      + 'so kubectl cannot read the file; write standard base64 with its = padding, or the text itself without the tag.');
  });
});

describe('documents, directives and separators as kubectl splits them', () => {
  test('GIVEN a document after ... without --- WHEN imported THEN it is refused: kubectl never reads it', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata: {a: "1"}\n...\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: e}\n';
    expect(importError('dots.yaml', yaml)).toContain('dots.yaml:6:1: kubectl never reads this document: it splits a file into documents at lines that start with --- only');
  });

  test.each([
    ['%YAML 1.1', 'yaml: line 1: did not find expected <document start>'],
    ['%YAML 1.2', 'yaml: found incompatible YAML document'],
    ['%TAG !e! tag:yaml.org,2002:', 'yaml: line 1: did not find expected <document start>'],
  ])('GIVEN the directive %s WHEN imported THEN it is refused with kubectl\'s message', (directive, kubectl) => {
    expect(importError('directive.yaml', `${directive}\n---\n${CM}data: {a: "1"}\n`)).toContain(
      `directive.yaml:1:1: kubectl refuses this file ("error converting YAML to JSON: ${kubectl}"): it splits documents at --- lines before reading them, `
      + `so the directive "${directive}" is a document of its own; remove the directive line`);
  });

  test.each([
    ['--- !!map', '!!map'],
    ['--- {apiVersion: v1, kind: ConfigMap, metadata: {name: d}}', '{apiVersion: v1, kind: ConfigMap, metadata: {name: d}}'],
  ])('GIVEN the separator line %s WHEN imported THEN it is refused with kubectl\'s message', (line, rest) => {
    expect(importError('sep.yaml', `${line}\n${CM}`)).toContain(`sep.yaml:1:1: kubectl refuses this file ("invalid Yaml document separator: ${rest}")`);
  });

  test('GIVEN a file with CR-only line breaks WHEN imported THEN it is read as kubectl reads it', () => {
    const result = imported('cr.yaml', 'apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: u\rdata:\r  a: "1"\r');
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("data: { a: '1' }");
  });
});

describe('values Kubernetes reads otherwise or refuses', () => {
  test.each([
    ['.inf', '+Inf'],
    ['-.inf', '-Inf'],
    ['.nan', 'NaN'],
  ])('GIVEN %s in a custom resource WHEN imported THEN it is refused with kubectl\'s message and a fix', (written, go) => {
    expect(importError('inf.yaml', `${CR}spec:\n  a: ${written}\n`)).toContain(
      `inf.yaml:6:3: Widget w: spec.a: ${written} is the floating-point ${go} to Kubernetes (YAML 1.1), which JSON cannot hold: kubectl refuses the file `
      + `("json: unsupported value: ${go}"); quote it ('${written}') if you mean the string, or write a number.`);
  });

  test('GIVEN U+2028 in a double-quoted value WHEN imported THEN the message says that Kubernetes reads it as a line break, at its line and column', () => {
    expect(importError('ls.yaml', `${CR}spec:\n  p: "a\u2028b"\n`)).toContain(
      'ls.yaml:6:8: U+2028 (line separator) is in the file: Kubernetes\' YAML reader (go-yaml) reads it as a line break (in a quoted value, folded into a space)');
  });
});

describe('plain values inside [ ] and { } as kubectl reads them (go-yaml v2 scannerc.go)', () => {
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: c}\nspec:\n  containers:\n  - name: a\n    image: busybox:1.36\n    args: ';

  test.each([
    ['a "?" inside a value, which kubectl refuses', '[http://x/?q=1]',
      'flow.yaml:8:21: kubectl refuses this file ("did not find expected \',\' or \']\'"): inside [ ] or { }, a value that is not quoted ends at "?" to Kubernetes\' YAML reader, '
      + 'where the yaml package cdk8s reads YAML with reads the string "http://x/?q=1"; write it quoted (\'http://x/?q=1\').'],
    ['a "?" after a value and a space, which kubectl refuses', '[a, b ?]', 'flow.yaml:8:17: kubectl refuses this file ("did not find expected \',\' or \']\'")'],
    ['a "?" inside a value of a flow mapping', '[{a: b?c}]', 'flow.yaml:8:17: kubectl refuses this file ("did not find expected \',\' or \'}\'")'],
    ['a value that starts with "?", which kubectl reads as a mapping', '[a, ?b]',
      'flow.yaml:8:15: inside [ ] or { }, kubectl reads ?b as the mapping {b: null} ("?" is a key indicator there), where the yaml package cdk8s reads YAML with reads the string "?b"; '
      + 'write it quoted (\'?b\').'],
    ['a value that starts with ":", which kubectl refuses', '[:a]', 'flow.yaml:8:12: kubectl refuses this file ("did not find expected node content"): inside [ ] or { }, ":" is a value indicator'],
    ['a colon before a comma, which kubectl keeps in the value', '[a:,b]',
      'flow.yaml:8:13: inside [ ] or { }, kubectl reads a: (with the colon) as one string, since a colon ends a value there only before a space, '
      + 'where the yaml package cdk8s reads YAML with reads the key "a"; put a space after the colon for a key, or write \'a:\' quoted for the string.'],
    ['a tag before a closing brace, which kubectl refuses (review 13 A1)', '[{a: !!str}]',
      'flow.yaml:8:16: kubectl refuses this file ("did not find expected whitespace or line break"): Kubernetes\' YAML reader needs a space after the tag !!str before "}"'],
    ['a tag before a closing bracket, which kubectl refuses', '[a, !x]', 'flow.yaml:8:15: kubectl refuses this file ("did not find expected \',\' or \']\'")'],
    ['a tag before a comma, which kubectl takes into the tag', '[!a, b]',
      'flow.yaml:8:12: kubectl reads the tag !a with the "," after it as one tag (go-yaml takes "," into a tag), where the yaml package cdk8s reads YAML with ends the tag before it'],
  ])('GIVEN %s WHEN imported THEN it is refused at its line and column, with what kubectl reads', (_what, args, expected) => {
    expect(importError('flow.yaml', `${POD}${args}\n`)).toContain(expected);
  });

  test.each([
    ['quoted values with "?" and ":"', "['?a', 'a?b', ':c']", "args: ['?a', 'a?b', ':c']"],
    ['a colon inside a value and at its end', '[a:b, c:]', "args: ['a:b', 'c:']"],
    ['"?" in a value outside [ ] and { }', '\n    - a?b\n    - ?c', "args: ['a?b', '?c']"],
    ['a tag and a space', '[!!str 1, b]', "args: ['1', 'b']"],
  ])('GIVEN %s WHEN imported THEN they are read as kubectl reads them', (_what, args, expected) => {
    const result = imported('flow.yaml', `${POD}${args}\n`);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain(expected);
  });
});

describe('--check reads the synthesized YAML as kubectl reads it', () => {
  test('GIVEN an app whose object cdk8s writes in a form kubectl reads otherwise (a key <<) WHEN checked THEN the difference is reported, not "exactly"', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkCode } = require('../../src/import/check');
    const object = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { literal: { '<<': { a: 1 }, 'b': 2 } } };
    const code = "import { App, ApiObject, Chart } from 'cdk8s';\nconst app = new App();\nconst chart = new Chart(app, 'w');\n"
      + `new ApiObject(chart, 'w', ${JSON.stringify(object)});\napp.synth();\n`;
    const differences: string[] = checkCode(code, [{ name: 'w.yaml', chartId: 'w', objects: [{ file: 'w.yaml', line: 1, label: 'Widget w', object }] }]);
    expect(differences.join('\n')).toContain('the synthesized YAML, read as kubectl reads it (input: as synthesized, synthesized: as read): Widget w: spec.literal["<<"]: input {"a":1}, synthesized (none)');
  });
});

describe('document separators as kubectl\'s YAMLReader cuts them (review 12 A5, A6)', () => {
  const one = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\ndata:\n  a: "1"\n';
  const two = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\ndata:\n  b: "2"\n';

  test.each([
    ['a comment glued to ---', '---#x'],
    ['a no-break space after ---', '---\u00a0'],
    ['an ideographic space and a comment after ---', '--- \u3000#c'],
  ])('GIVEN %s WHEN imported THEN the line separates two documents, as in kubectl', (_what, separator) => {
    const result = imported('two.yaml', `${one}${separator}\n${two}`);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("name: 'one'");
    expect(result.code).toContain("name: 'two'");
  });

  test.each([
    ['a part that starts with ...', `${one}---\n...\n---\n${two}`, 'parts.yaml:8:1'],
    ['a file that starts with ...', `...\n---\n${two}`, 'parts.yaml:1:1'],
  ])('GIVEN %s WHEN imported THEN it is refused with kubectl\'s message', (_what, yaml, at) => {
    expect(importError('parts.yaml', yaml)).toContain(`${at}: kubectl refuses this file ("yaml: did not find expected node content"): it splits documents at --- lines`);
  });

  test.each([
    ['a file that starts with ---, ... and ---', `---\n...\n---\n${two}`, 1],
    ['two --- lines in a row (the second one with nothing buffered is no cut)', `${one}---\n---\n${two}`, 2],
    ['two ... lines before a --- (go-yaml skips extra document ends)', `${one}...\n...\n---\n${two}`, 2],
  ])('GIVEN %s WHEN imported THEN every object kubectl reads is read (review 13 A2, A4)', (_what, yaml, count) => {
    const result = imported('parts.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code.match(/new k8s\.KubeConfigMap/g)).toHaveLength(count);
  });

  test('GIVEN ---, ... and an object without a --- of its own WHEN imported THEN it is refused: kubectl reads the empty document and never the object (review 13 A3)', () => {
    expect(importError('parts.yaml', `---\n...\n${two}`)).toContain('parts.yaml:3:1: kubectl never reads this document');
  });

  test('GIVEN a document ended by ... and a --- after it WHEN imported THEN both are read, as in kubectl', () => {
    expect(imported('parts.yaml', `${one}...\n---\n${two}`).differences).toEqual([]);
  });
});

describe('Service fields newer than 1.28 that ExposedService takes', () => {
  test('GIVEN a Service with trafficDistribution WHEN imported THEN it is the trafficDistribution option (review 12 D11)', () => {
    const result = imported('td.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n  trafficDistribution: PreferClose\n');
    expect(result.differences).toEqual([]);
    expect(result.code).toContain('trafficDistribution: TrafficDistribution.PREFER_CLOSE,');
  });
});

describe('null list items and map values as the API server decodes them (review 14 A5)', () => {
  test('GIVEN a null annotation value and a null limit WHEN imported THEN they are the empty values the API server stores', () => {
    const result = imported('nulls.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {a: null, b: x}\nspec:\n  containers:\n  - name: web\n    image: nginx\n'
      + '    resources: {limits: {cpu: null, memory: 128Mi}}\n');
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("annotations: { a: '', b: 'x' }");
    expect(result.code).toContain("limits: { cpu: '0', memory: '128Mi' }");
  });

  test('GIVEN a null matchLabels value WHEN imported THEN the selector is refused as the API server refuses it (tier is "")', () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector:\n    matchLabels: {app: d, tier: null}\n  template:\n'
      + '    metadata: {labels: {app: d}}\n    spec:\n      containers: [{name: web, image: nginx}]\n';
    expect(importError('sel.yaml', yaml)).toContain('Deployment d: spec.template.metadata.labels: selector tier= does not match the template labels');
  });
});

describe('tags as go-yaml scans them (review 14 A12)', () => {
  test.each([
    ['a block value', 'data:\n  a: !!str#c x\n', 'tags.yaml:6:6'],
    ['a flow value', 'data: {a: !!str#c x}\n', 'tags.yaml:5:11'],
  ])('GIVEN a tag with a # glued to it in %s WHEN imported THEN it is refused as kubectl refuses it', (_what, data, at) => {
    expect(importError('tags.yaml', `${CM}${data}`)).toContain(`${at}: kubectl refuses this file ("did not find expected whitespace or line break"): Kubernetes' YAML reader ends the tag !!str at "#"`);
  });

  test('GIVEN tags followed by a space WHEN imported THEN they are read', () => {
    const result = imported('tags.yaml', `${CM}data:\n  a: !!str 1\n  b: ! x\n`);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("data: { a: '1', b: 'x' }");
  });
});

describe('a YAML 1.1 number or boolean where a string goes (review 14 B11)', () => {
  test('GIVEN mode: 0644, enabled: on and ratio: 1.50 in ConfigMap data WHEN imported THEN each is refused at its line, with the value quoted as written', () => {
    const message = importError('b11.yaml', `${CM}data:\n  mode: 0644\n  enabled: on\n  ratio: 1.50\n  plain: 7\n`);
    expect(message).toContain('b11.yaml:6:3: ConfigMap m: data[mode]: 0644 is the number 420 to Kubernetes (YAML 1.1), but ConfigMap.data takes a string (the API server cannot decode it); quote it as you mean it: "0644".');
    expect(message).toContain('b11.yaml:7:3: ConfigMap m: data[enabled]: on is the boolean true to Kubernetes (YAML 1.1), but ConfigMap.data takes a string (the API server cannot decode it); quote it as you mean it: "on".');
    expect(message).toContain('b11.yaml:8:3: ConfigMap m: data[ratio]: 1.50 is the number 1.5 to Kubernetes (YAML 1.1)');
    expect(message).toContain('b11.yaml:9:3: ConfigMap m: data[plain]: 7 is a number, but ConfigMap.data takes a string; write it as a string: "7" (the API server cannot decode it).');
  });
});

describe('anchor names as go-yaml scans them (review 13 A)', () => {
  test('GIVEN an anchor &a.b WHEN imported THEN it is refused as kubectl refuses it, with a name it takes', () => {
    const message = importError('anchor.yaml', `${CM}  labels: &a.b {x: v}\ndata:\n  k: v\n`);
    expect(message).toContain('anchor.yaml:5:');
    expect(message).toContain('the anchor &a.b has a character Kubernetes\' YAML reader (go-yaml) does not take in an anchor name (only letters, digits, \'_\' and \'-\'), so kubectl cannot read the file ("did not find expected alphabetic or numeric character"); rename the anchor and its aliases (e.g. "a-b").');
  });

  test('GIVEN an anchor and alias of letters, digits, _ and - WHEN imported THEN they are read as kubectl reads them', () => {
    const result = imported('anchor.yaml', `${CM}  labels: &a_b-9 {x: v}\n  annotations: *a_b-9\ndata:\n  k: v\n`);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("annotations: { x: 'v' }");
  });
});

describe('escapes go-yaml refuses in double-quoted strings (review 16 A8)', () => {
  test('GIVEN an emoji written as two \\u escapes (a surrogate pair) WHEN imported THEN it is refused as kubectl refuses it, with the \\U form to write', () => {
    const message = importError('sur.yaml', `${CM}data:\n  k: "smile \\ud83d\\ude00"\n`);
    expect(message).toContain('sur.yaml:6:13: the escape \\ud83d in a double-quoted string is half of a UTF-16 surrogate pair, which Kubernetes\' YAML reader (go-yaml) refuses ("found invalid Unicode character escape code")');
  });

  test('GIVEN an escaped backslash before ud83d and an emoji as one \\U escape WHEN imported THEN they are read as kubectl reads them', () => {
    const result = imported('sur.yaml', `${CM}data:\n  ok: "a \\\\ud83d b \\U0001F600"\n`);
    expect(result.differences).toEqual([]);
  });
});

describe('review 17 A: positions, anchors and escapes', () => {
  test('GIVEN keys with dots and blanks WHEN a YAML 1.1 value is refused THEN it is at its own key, quoted as written', () => {
    const message = importError('keys.yaml', `${CM}data:\n  other: "x"\n  .env: 0644\n  a..b: on\n  "a b": 7\n`);
    expect(message).toContain('keys.yaml:7:3: ConfigMap m: data[.env]: 0644 is the number 420 to Kubernetes (YAML 1.1)');
    expect(message).toContain('keys.yaml:8:3: ConfigMap m: data[a..b]: on is the boolean true to Kubernetes (YAML 1.1)');
    expect(message).toContain('keys.yaml:9:3: ConfigMap m: data[a b]: 7 is a number');
  });

  test('GIVEN an anchor that go-yaml ends at @ WHEN imported THEN the message says what go-yaml reads, not a bad character', () => {
    const message = importError('anchor.yaml', `${CM}data:\n  a: &a@ x\n`);
    expect(message).toContain('the anchor &a@ is not what Kubernetes\' YAML reader (go-yaml) reads: it ends the name at "@", so it reads &a and then "@"');
  });

  test('GIVEN a \\U escape over U+10FFFF WHEN imported THEN the escape is named, not the nesting depth', () => {
    const message = importError('esc.yaml', `${CM}data:\n  k: "\\U00110000"\n`);
    expect(message).toContain('esc.yaml:6:7: the escape \\U00110000 in a double-quoted string is over U+10FFFF');
  });
});

describe('review 18 A5: problem paths read by their own syntax', () => {
  test('GIVEN a label value with ] and a key with ": " WHEN refused THEN each is at its line, with its message whole', () => {
    expect(importError('br.yaml', `${CM}  labels: {app: "web]"}\ndata:\n  k: v\n`)).toContain('br.yaml:5:');
    const message = importError('keys.yaml', `${CM}data:\n  other: "x"\n  "a: b": 0755\n`);
    expect(message).toContain('keys.yaml:7:3: ConfigMap m: data[a: b]: 0755 is the number 493 to Kubernetes (YAML 1.1), but ConfigMap.data takes a string (the API server cannot decode it); quote it as you mean it: "0755".');
  });
});

describe('a \\U escape over U+10FFFF after the same text in a comment (review 18 A13)', () => {
  test('GIVEN the text in a comment and a plain value first WHEN imported THEN the escape of the double-quoted string is named', () => {
    const message = importError('big.yaml', `${CM}  # \\U00110001 in a comment\ndata:\n  p: plain \\U00110002\n  k: "a \\\\ \\U00110000"\n`);
    expect(message).toContain('big.yaml:8:12: the escape \\U00110000 in a double-quoted string is over U+10FFFF');
  });
});

describe('review 19 R3: problem paths read against the object\'s own keys', () => {
  // Keys that hold `]`, `[`, `.`, `: ` or blanks: each problem is at its own key's line, and the
  // YAML 1.1 fix quotes the value as written.
  const keys = ['a]: b', 'a].b', 'k[0]', 'a: b', 'key with space', '[z]', 'a].c[', 'a][b', 'x]. y', 'a b]: c', 'x[1].y'];

  test.each(['0755', 'on'])('GIVEN invalid keys with the value %s WHEN imported THEN each value is refused at its key\'s line, quoted as written', (value) => {
    const lines = keys.map((k) => `  ${JSON.stringify(k)}: ${value}`).join('\n');
    const message = importError('keys.yaml', `${CM}data:\n  fine: x\n${lines}\n`);
    const read = value === 'on' ? 'the boolean true' : 'the number 493';
    keys.forEach((k, i) => {
      expect(message).toContain(`keys.yaml:${7 + i}:3: ConfigMap m: data[${k}]: ${value} is ${read} to Kubernetes (YAML 1.1), but ConfigMap.data takes a string `
        + `(the API server cannot decode it); quote it as you mean it: "${value}".`);
    });
    // The API server's decoder refuses the value before any rule sees the key: one field, one message.
    expect(message).not.toContain('is invalid');
  });

  test('GIVEN the same keys with string values WHEN imported THEN each invalid key is refused at its line', () => {
    const lines = keys.map((k) => `  ${JSON.stringify(k)}: "1"`).join('\n');
    const message = importError('keys.yaml', `${CM}data:\n  fine: x\n${lines}\n`);
    keys.forEach((k, i) => expect(message).toContain(`keys.yaml:${7 + i}:3: ConfigMap m: data${/[./[\]:\s]/.test(k) ? `[${k}]` : `.${k}`}: key ${JSON.stringify(k)} is invalid`));
  });

  test('GIVEN a key "a: b" beside a key "a]: b" whose value is a number WHEN validated THEN the invalid key "a: b" is still reported', () => {
    // The decoder's problem `data[a]: b]: ...` read up to its first ": " was the path `data.a`,
    // which took back the problem of the key "a: b" as if it were about the same field.
    const message = importError('keys.yaml', `${CM}data:\n  "a]: b": 1\n  "a: b": x\n`);
    expect(message).toContain('keys.yaml:7:3: ConfigMap m: data[a: b]: key "a: b" is invalid');
    expect(message).toContain('keys.yaml:6:3: ConfigMap m: data[a]: b]: 1 is a number');
  });
});

describe('an alias used as a key with the colon right after it (review 17 A5)', () => {
  // go-yaml ends an alias name at ':' (kubectl 1.32.4 reads `*k: x` as the key "app"); the yaml
  // package reads an alias named "k:" unless a space is put before the colon.
  test('GIVEN *k: x in block and flow mappings WHEN imported THEN the data is what kubectl reads', () => {
    const yaml = `${CM}  labels:\n    &k app: frontend\n    &j b: x\ndata:\n  *k: x\n  other: "*k:"\n---\n${CM.replace('name: m', 'name: m2')}  labels: {&k app: web}\n`
      + 'data: {*k: y2, "k": "z"}\n';
    const result = imported('alias.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("data: { app: 'x', other: '*k:' }");
    expect(result.code).toContain("data: { app: 'y2', k: 'z' }");
  });

  test('GIVEN a problem after such an alias on its line WHEN imported THEN its column is the one in the file', () => {
    const line = '  labels: {*k: "y", bad: 0644}';
    const message = importError('alias.yaml', `${CM}  annotations: {&k app: x}\n${line}\n`);
    expect(message).toContain(`alias.yaml:6:${line.indexOf('bad') + 1}: ConfigMap m: metadata.labels[bad]: 0644 is the number 420 to Kubernetes (YAML 1.1)`);
  });
});

describe('an anchor name go-yaml refuses (review 17 A4)', () => {
  test('GIVEN &a.b before a value on the next line WHEN imported THEN the problem is at the &, not at the value', () => {
    const message = importError('anchor.yaml', `${CM}data:\n  a: &a.b\n    x\n`);
    expect(message).toContain('anchor.yaml:6:6: the anchor &a.b has a character Kubernetes\' YAML reader (go-yaml) does not take in an anchor name');
  });
});

describe('alias keys, round 22 (review 22 A3 to A5)', () => {
  test.each([
    ['two alias keys in a row', '  labels: {&a k: v, &b l: w}\ndata:\n  *a: x\n  *b: z\n', "data: { k: 'x', l: 'z' }"],
    ['an alias key with its value on the next line', '  labels: {&a k: v, &b l: w}\ndata:\n  *a:\n    x\n  *b: z\n', "data: { k: 'x', l: 'z' }"],
    ['{*a:x} in a flow mapping, where ":" is a value indicator before anything', '  labels: {&a k: v}\ndata: {*a:x, b: "c"}\n', "data: { k: 'x', b: 'c' }"],
    ['{*a :x} in a flow mapping (st04)', '  labels: {&a k: v}\ndata: {*a :x, y: z}\n', "data: { k: 'x', true: 'z' }"],
  ])('GIVEN %s WHEN imported THEN the data is what kubectl 1.32.4 reads', (_what, rest, expected) => {
    const result = imported('alias.yaml', `${CM}${rest}`);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain(expected);
  });

  test('GIVEN a YAML 1.1 value under an alias key, block and flow WHEN imported THEN it is at its key, quoted as written', () => {
    const message = importError('alias.yaml', `${CM}  labels: {&a k: v}\ndata:\n  one: "1"\n  *a: y\n---\n${CM.replace('name: m', 'name: m2')}  labels: {&b k: v}\ndata: {*b: y, q: "6"}\n`);
    expect(message).toContain('alias.yaml:8:3: ConfigMap m: data[k]: y is the boolean true to Kubernetes (YAML 1.1), but ConfigMap.data takes a string (the API server cannot decode it); quote it as you mean it: "y".');
    expect(message).toContain('alias.yaml:15:8: ConfigMap m2: data[k]: y is the boolean true to Kubernetes (YAML 1.1)');
  });

  test('GIVEN a flow problem after a spaced alias key on its line WHEN imported THEN its column is the one in the file', () => {
    const line = 'data: {*a:x, b: [?z]}';
    const message = importError('alias.yaml', `${CM}  labels: {&a k: v}\n${line}\n`);
    expect(message).toContain(`alias.yaml:6:${line.indexOf('?') + 1}: inside [ ] or { }, kubectl reads ?z as the mapping {z: null}`);
  });

  test('GIVEN an own key that a later merge overrides WHEN the merged value is refused THEN it is at the merged one, as go-yaml keeps it (review 23 A2)', () => {
    const message = importError('merge.yaml', `${CM}data:\n  mode: "x"\n  <<: {mode: 0644}\n`);
    expect(message).toContain('merge.yaml:7:8: ConfigMap m: data[mode]: 0644 is the number 420 to Kubernetes (YAML 1.1)');
    expect(message).toContain('quote it as you mean it: "0644".');
  });

  test('GIVEN a key a merge brings in WHEN its value is refused THEN it is where the merged map writes it', () => {
    const message = importError('merge.yaml', `${CM}  annotations: &m {a: "1", bad: 0644}\ndata:\n  ok: "1"\n  <<: *m\n`);
    expect(message).toContain('merge.yaml:5:28: ConfigMap m: data[bad]: 0644 is the number 420 to Kubernetes (YAML 1.1)');
  });
});

describe('a label key that extends another (review 22 A1)', () => {
  test('GIVEN labels app and app.kubernetes.io/version: 1.2 WHEN imported THEN the number is reported once, at its line', () => {
    const message = importError('labels.yaml', `${CM}  labels:\n    app: web\n    app.kubernetes.io/version: 1.2\n`);
    expect(message).toContain('cdk8s-pod-patterns import: the input cannot be imported:\n  labels.yaml:7:5: ConfigMap m: metadata.labels[app.kubernetes.io/version]: 1.2 is a number');
  });

  test('GIVEN labels app: 1 and app.kubernetes.io/name: "my app!" WHEN imported THEN both problems are reported', () => {
    const message = importError('labels.yaml', `${CM}  labels:\n    app: 1\n    app.kubernetes.io/name: "my app!"\n`);
    expect(message).toContain('labels.yaml:6:5: ConfigMap m: metadata.labels[app]: 1 is a number');
    expect(message).toContain('labels.yaml:7:5: ConfigMap m: metadata.labels[app.kubernetes.io/name]: label value "my app!" is invalid');
  });
});

describe('a random differential run against kubectl 1.32.4 (review 23 B)', () => {
  test.each([
    ['B2: a - on the line of its key (args: -)', `${CR}spec:\n  a: -\n`, 'x.yaml:6:6: kubectl refuses this file ("block sequence entries are not allowed in this context")'],
    ['B3: a tab after -', `${CR}spec:\n  a:\n  -\tx\n`, 'x.yaml:7:4: kubectl refuses this file ("found character that cannot start any token"): Kubernetes\' YAML reader takes no tab after "-"'],
    ['B3: a tab after ?', `${CR}spec:\n  ?\tx\n  : y\n`, 'x.yaml:6:4: kubectl refuses this file ("found character that cannot start any token"): Kubernetes\' YAML reader takes no tab after "?"'],
    ['B3: a tab after an explicit key\'s :', `${CR}spec:\n  ? x\n  :\ty\n`, 'x.yaml:7:4: kubectl refuses this file ("found character that cannot start any token"): Kubernetes\' YAML reader takes no tab after ":"'],
    ['B4: the escape \\/', `${CR}spec:\n  a: "\\/"\n`, 'x.yaml:6:7: the escape \\/ in a double-quoted string is a YAML 1.2 escape that go-yaml v2 does not know, which Kubernetes\' YAML reader (go-yaml) refuses ("found unknown escape character")'],
    ['B5: a number in a custom resource\'s labels', `${CR}  labels: {app: 0644}\n`, 'x.yaml:5:12: Widget w: metadata.labels[app]: 0644 is the number 420 to Kubernetes (YAML 1.1), but ObjectMeta.labels takes a string'],
    ['B5: finalizers that are no list in a custom resource', `${CR}  finalizers: x\n`, 'Widget w: metadata.finalizers: "x" is a string, but ObjectMeta.finalizers takes a list of strings'],
  ])('GIVEN %s WHEN imported THEN it is refused as kubectl refuses it', (_what, yaml, message) => {
    expect(importError('x.yaml', yaml)).toContain(message);
  });

  test.each([
    ['B1: a lone - in [ ]', `${CM}data: {a: [-]}\n`, 'inside [ ] or { }, a - alone is the string "-" to kubectl, which the yaml package cdk8s reads YAML with cannot read: write it quoted (\'-\').'],
  ])('GIVEN %s WHEN refused THEN the message does not say kubectl rejects it, and gives the fix', (_what, yaml, message) => {
    const error = importError('x.yaml', yaml);
    expect(error).toContain(message);
    expect(error).not.toContain('kubectl would reject it too');
  });

  test('GIVEN comments right after a closing quote, ] or } WHEN imported THEN they are read as kubectl reads them, and positions after them stay (B7)', () => {
    const result = imported('x.yaml', `${CM}  labels: {a: b}#e\n  annotations: {x: "q"}#f\n  finalizers: ["example.com/f"]#i\ndata:\n  k: "v"#g\n  l: 'w'#h\n`);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("data: { k: 'v', l: 'w' }");
    expect(result.code).toContain("finalizers: ['example.com/f']");
    expect(importError('x.yaml', `${CM}data:\n  k: "v"#g\n  n: 5\n`)).toContain('x.yaml:7:3: ConfigMap m: data[false]: 5 is a number');
  });

  test('GIVEN [ ], { } and quoted values continued at or left of their key\'s column WHEN imported THEN they are read as kubectl reads them (B6)', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n'
      + '    command: ["sh", "-c",\n  "echo hi"]\n    args: [\n"a", "[1,\n2]", "q\n r"\n]\n    env: [{name: A, value: "1"},\n{name: B,\nvalue: "x\n\n y"}]\n';
    const result = imported('x.yaml', pod);
    expect(result.differences).toEqual([]);
    // kubectl 1.32.4 reads: command [sh, -c, echo hi], args [a, "[1, 2]", "q r"], env B "x\ny".
    expect(result.code).toContain("command: ['sh', '-c', 'echo hi']");
    expect(result.code).toContain("args: ['a', '[1, 2]', 'q r']");
    expect(result.code).toContain('value: `x\ny`');
    const cm = imported('x.yaml', `${CM}data:\n  a: "x\n  y"\n  b: 'p\nq'\n  c: "l1 \\\n  l2"\n`);
    expect(cm.code).toContain("data: { a: 'x y', b: 'p q', c: 'l1 l2' }");
  });

  test('GIVEN a continued [ ] whose later line has a problem WHEN imported THEN the problem is at its line and column as written', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n    args: [\n"a", {x: 1}]\n';
    expect(importError('x.yaml', pod)).toContain('x.yaml:10:6: Pod p: spec.containers[0].args[1]: is an object');
  });

  test.each([
    ['after a , in [ ]', `${CR}spec:\n  a: [x,#c\n    z]\n`, "a: ['x', 'z']"],
    ['after a block scalar header', `${CR}spec:\n  b: |#c\n    text\n`, 'b: `text\n`'],
  ])('GIVEN a comment right %s, alone in its file WHEN imported THEN it is read as kubectl reads it (review 29 A4)', (_what, yaml, code) => {
    const result = imported('x.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain(code);
  });

  test.each([['{"k"\n    : v}'], ['{k\n    : v}'], ['{"k"#c\n    : v}']])('GIVEN the flow mapping %j, whose : is on a later line than its key WHEN imported THEN it is refused, as kubectl refuses it (review 29 A3)', (flow) => {
    expect(importError('x.yaml', `${CM}data: ${flow}\n`)).toContain('x.yaml:6:5: kubectl refuses this file ("did not find expected \',\' or \'}\'"): inside { }, Kubernetes\' YAML reader ends a key');
  });

  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n';

  test.each([
    ['a quote and a # inside a quoted value continued at column 0 (B1)', `${POD}    command: ["sh", "-c", "echo\n'x'#y"]\n`, "command: ['sh', '-c', \"echo 'x'#y\"]"],
    ['a quote inside a plain value of a [ ] continued at column 0 (B2)', `${POD}    args: [a 'b,\nc]\n`, "args: [\"a 'b\", 'c']"],
    ['a quoted value continued after a tab, then a comment right after its closing quote (B6)', `${CM}data:\n  a: "x\\\n\t  "#c\n  b: {k: "w\n  v"}\n`.replace('  b: {k: "w\n  v"}', '  b: "w\n  v"'), "data: { a: 'x', b: 'w v' }"],
  ])('GIVEN %s WHEN imported THEN it is read as kubectl 1.32.4 reads it (review 30 B)', (_what, yaml, code) => {
    const result = imported('x.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain(code);
  });

  test.each([
    ['a key written over two lines in { } (B3)', `${CM}data: {"ap\\\n  p": web}\n`, 'x.yaml:6:5: kubectl refuses this file ("did not find expected \',\' or \'}\'")'],
    ['a key more than 1024 characters before its : in { } (B4)', `${CM}data: {app${' '.repeat(1030)}: web}\n`, 'kubectl refuses this file ("did not find expected \',\' or \'}\'")'],
  ])('GIVEN %s WHEN imported THEN it is refused, as kubectl refuses it (review 30 B)', (_what, yaml, message) => {
    expect(importError('x.yaml', yaml)).toContain(message);
  });

  test('GIVEN a plain value in [ ] continued after a tab left of its block\'s indentation WHEN imported THEN it is refused, as kubectl refuses it (review 30 B5)', () => {
    expect(importError('x.yaml', `${POD}    args: [a\n\tb]\n`)).toContain('x.yaml:10:');
  });

  test.each([
    ['an escaped quote at the end of a quoted value\'s first line, continued at its key\'s column (review 31 B4)', `${CM}data:\n  a: "x\\"\n  b: \\"y"\n`, 'data: { a: \'x" b: "y\' }'],
    ['an explicit key with a quoted [ in a [ ] continued at its key\'s column (review 31 B3)', `${CR}spec:\n  z: [? '[x': b\n  c]\n`, "z: [{ '[x': 'b c' }]"],
    ['a [ ] continued at its key\'s column with an explicit key later (review 31 B5)', `${CR}spec:\n  e: [q,\n  [], ? f: g]\n`, "e: ['q', [], { f: 'g' }]"],
  ])('GIVEN %s WHEN imported THEN it is read as kubectl 1.32.4 reads it', (_what, yaml, code) => {
    const result = imported('x.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain(code);
  });

  test.each([
    ['a \\ line continuation followed by an empty line in a double-quoted value (review 31 B2: the yaml package reads a space, go-yaml a line break)',
      `${CM}data:\n  a: "x\\\n\n    y"\n`, 'x.yaml:6:8: Kubernetes\' YAML reader (go-yaml) reads a \\ line continuation followed by an empty line'],
    ['a | value whose first line starts with spaces and then a tab (review 31 B1)', `${CM}data:\n  a: |-\n    \tt\n`, 'kubectl refuses this file ("found a tab character where an indentation space is expected")'],
  ])('GIVEN %s WHEN imported THEN it is refused, saying why', (_what, yaml, message) => {
    expect(importError('x.yaml', yaml)).toContain(message);
  });

  test.each([
    ['|2-', '    \tx\n', "a: '\\tx'"],
    ['>2-', '    \tx\n', "a: '\\tx'"],
    ['|2', '      \tx\n    y\n', 'a: `  \tx\ny\n`'],
  ])('GIVEN a %s value whose first line has a tab at or after the indicated column WHEN imported THEN it is read as kubectl reads it (review 37 I1)', (header, lines, code) => {
    const result = imported('x.yaml', `${CM}data:\n  a: ${header}\n${lines}`);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain(code);
  });

  test('GIVEN a byte-order mark at the start of a second document WHEN imported THEN it is dropped, as kubectl drops it (B8)', () => {
    const result = imported('bom.yaml', `${CM}data: {a: "1"}\n---\n\uFEFF${CM.replace('name: m', 'name: m2')}data: {b: "2"}\n`);
    expect(result.differences).toEqual([]);
    expect(result.objectCount).toBe(2);
  });
});

describe('review 24 A: the round-23 fixes, completed', () => {
  test('GIVEN [-, b] and [-, -] WHEN refused THEN the fix is to quote the - (kubectl reads ["-", "b"]) (A1)', () => {
    for (const flow of ['[-, b]', '[-, -]']) {
      const error = importError('x.yaml', `${CR}spec: {a: ${flow}}\n`);
      expect(error).toContain('inside [ ] or { }, a - alone is the string "-" to kubectl');
      expect(error).not.toContain('kubectl would reject it too');
    }
  });

  test('GIVEN a byte-order mark after a --- on the first line WHEN imported THEN it is kept, as kubectl keeps it (A2)', () => {
    expect(importError('bom.yaml', `---\n\uFEFF${CM}data: {a: "1"}\n`)).toContain('apiVersion: is missing');
  });

  test('GIVEN an explicit block-scalar key whose : is followed by - b on its line WHEN imported THEN it is read as kubectl reads it (A3)', () => {
    const result = imported('x.yaml', `${CR}spec:\n  ? |-\n    a\n  : - b\n  c: d\n`);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("a: ['b']");
  });

  test('GIVEN a List whose own metadata is no ObjectMeta WHEN imported THEN it is refused, as kubectl refuses it (A4)', () => {
    const yaml = `apiVersion: v1\nkind: List\nmetadata:\n  labels: {app: 0644}\nitems:\n- ${CM.trimEnd().split('\n').join('\n  ')}\n`;
    expect(importError('list.yaml', yaml)).toContain('list.yaml:4:12: List: metadata.labels[app]: 0644 is the number 420 to Kubernetes (YAML 1.1), but ObjectMeta.labels takes a string');
  });

  test.each(['"', "'"])('GIVEN a %s-quoted value continued at its key\'s column, or after a tab WHEN imported THEN it is read as kubectl reads it (A5)', (quote) => {
    expect(imported('x.yaml', `${CM}data:\n  a: ${quote}x\n  y${quote}\n  b: ${quote}p\n\tq${quote}\n`).code).toContain("data: { a: 'x y', b: 'p q' }");
  });

  test('GIVEN a quoted value that is never closed WHEN imported THEN it is refused, as kubectl refuses it', () => {
    expect(importError('x.yaml', `${CM}data:\n  a: "x\n  y\n`)).toContain('the YAML does not parse: Missing closing "quote; fix the YAML (kubectl would reject it too).');
  });
});

describe('review 24 B: realistic manifests against kubectl 1.32.4', () => {
  const cm = (name: string, data: string) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"},"data":${data}}`;

  test('GIVEN JSON as jq, PHP and Python write it (a stream of objects, \\/ escapes, surrogate pairs) WHEN imported THEN it is read as kubectl reads it (B1)', () => {
    const result = imported('objects.json', `${cm('a', '{"url":"https:\\/\\/example.com\\/"}')}\n${cm('b', '{"k":"smile \\ud83d\\ude00"}')}\n`);
    expect(result.differences).toEqual([]);
    expect(result.objectCount).toBe(2);
    expect(result.code).toContain("data: { url: 'https://example.com/' }");
    expect(result.code).toContain('smile \u{1F600}');
  });

  test.each([
    ['flow-style YAML', '{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n'],
    ['JSON documents separated by ---', `${cm('a', '{}')}\n---\n${cm('b', '{}')}\n`],
    ['JSON with a # comment', '{\n  # a comment\n  "apiVersion": "v1"}\n'],
  ])('GIVEN a file that starts with { but is %s WHEN imported THEN it is refused, as kubectl refuses it (B2)', (_what, content) => {
    expect(importError('x.yaml', content)).toContain('kubectl reads a file that starts with { as a stream of JSON values');
  });

  test('GIVEN one Service written twice WHEN imported THEN it is refused at the second, naming the first (B3)', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n';
    expect(importError('svc.yaml', `${svc}---\n${svc}`)).toContain('svc.yaml:9: Service web: is written twice (also at svc.yaml:1)');
  });

  test('GIVEN the empty status kubectl create --dry-run prints for a Namespace WHEN imported THEN it is read (B4)', () => {
    const result = imported('ns.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: ns1\nspec: {}\nstatus: {}\n');
    expect(result.differences).toEqual([]);
  });
});

describe('review 25 A: JSON streams, list metadata and status, completed', () => {
  const cm = (name: string) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"}}`;

  test('GIVEN a JSON List whose own metadata has a number resourceVersion WHEN imported THEN it is refused, as in YAML (A1)', () => {
    expect(importError('list.json', `{"apiVersion":"v1","kind":"List","metadata":{"resourceVersion":5},"items":[${cm('a')}]}\n`))
      .toContain('list.json:1:46: List: metadata.resourceVersion: 5 is a number, but ObjectMeta.resourceVersion takes a string');
  });

  test('GIVEN a no-break space before the second object WHEN imported THEN it is refused, as encoding/json refuses it (A2)', () => {
    expect(importError('x.json', `${cm('a')}\n\u00a0${cm('b')}\n`)).toContain('x.json:2:1: kubectl reads a file that starts with { as a stream of JSON values');
  });

  test('GIVEN a null between two objects WHEN imported THEN it is skipped, as kubectl skips it (A3)', () => {
    expect(imported('x.json', `${cm('a')}\nnull\n${cm('b')}\n`).objectCount).toBe(2);
  });

  test('GIVEN status: {} on a Role, which has no status WHEN imported THEN it is refused as an unknown field, not dropped (A6)', () => {
    expect(importError('role.yaml', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: a\nstatus: {}\n'))
      .toContain('role.yaml:5:1: Role a: status: is not a field of Role in Kubernetes 1.32; remove it.');
  });

  test('GIVEN list fields such as continue in a List\'s metadata WHEN imported THEN they are ignored, as kubectl ignores them (A10)', () => {
    const result = imported('list.yaml', `apiVersion: v1\nkind: List\nmetadata:\n  continue: "x"\n  remainingItemCount: 0\nitems:\n- ${CM.trimEnd().split('\n').join('\n  ')}\n`);
    expect(result.differences).toEqual([]);
  });
});

describe('a key written twice in a JSON object (review 25 A9)', () => {
  test('GIVEN "name" twice in a JSON object WHEN imported THEN it is refused at the second, as in YAML (not kept without a word)', () => {
    const line = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","name":"b"}}';
    expect(importError('x.json', `${line}\n`)).toContain(`x.json:1:${line.lastIndexOf('"name"') + 1}: the key "name" is written twice in one object`);
  });

  test('GIVEN the same key in two different objects WHEN imported THEN it is read', () => {
    expect(imported('x.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","labels":{"name":"x"}},"data":{"name":"y"}}\n').objectCount).toBe(1);
  });
});

describe('a JSON number beyond float64 (review 25 A4)', () => {
  test('GIVEN 1e400 WHEN imported THEN it is refused with its own text, not the YAML .inf message', () => {
    const line = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","generation":1e400}}';
    const error = importError('x.json', `${line}\n`);
    expect(error).toContain(`x.json:1:${line.indexOf('1e400') + 1}: the number 1e400 is beyond what a float64 holds, and kubectl refuses the file`);
    expect(error).not.toContain('.inf');
  });
});

describe('two cluster-scoped objects that differ only in namespace (review 25 A7)', () => {
  test('GIVEN two Namespaces named a, one with metadata.namespace WHEN imported THEN the second is refused (the API server clears it: one object)', () => {
    const ns = (extra: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n${extra}`;
    expect(importError('ns.yaml', `${ns('')}---\n${ns('  namespace: x\n')}`)).toContain('ns.yaml:6: Namespace x/a: is written twice (also at ns.yaml:1)');
  });
});

describe('positions of problems in a JSON stream (review 25 A8)', () => {
  test('GIVEN kubectl get -o json output of a List WHEN one item has a bad field THEN the problem is at that field\'s key, not the List\'s first line', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 0 }] }] } };
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [pod] }, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"containerPort"')) + 1;
    expect(importError('pods.json', `${text}\n`)).toContain(`pods.json:${line}:17: Pod p: spec.containers[0].ports[0].containerPort: 0 is not a valid port number`);
  });

  test('GIVEN a List on one line WHEN its second item has a bad label THEN the problem gives the label key\'s column', () => {
    const cm = (name: string, labels: string) => `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"${name}"${labels}}}`;
    const text = `{"apiVersion":"v1","kind":"List","items":[${cm('a', '')},${cm('b', ',"labels":{"x":"-bad"}')}]}`;
    expect(importError('list.json', `${text}\n`)).toContain(`list.json:1:${text.indexOf('"x"') + 1}: ConfigMap b: metadata.labels.x: label value "-bad" is invalid`);
  });

  test('GIVEN the second object of a stream with an escaped slash in its name WHEN imported THEN the problem is at its name key on its own line', () => {
    const second = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a\\/b"}}';
    expect(importError('x.json', `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}\n${second}\n`))
      .toContain(`x.json:2:${second.indexOf('"name"') + 1}: ConfigMap a/b: metadata.name: "a/b" is not valid as an object name`);
  });
});

/** The import of a file holding these bytes, read from disk as the CLI reads it. */
function importedBytes(bytes: Buffer, name = 'f.yaml') {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bytes-')), name);
  fs.writeFileSync(file, bytes);
  return ManifestImport.fromFiles([file]);
}

describe('review 49: files as kubectl reads them (CC C2-C4, BB B4)', () => {
  const cmYaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: u16\ndata:\n  a: "x"\n';

  test.each([
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(cmYaml, 'utf16le')])],
    ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(cmYaml, 'utf16le').swap16()])],
  ])('GIVEN a %s file with its byte-order mark WHEN read THEN it is the text kubectl reads (unicode.BOMOverride) (C3)', (_what, bytes) => {
    expect(importedBytes(bytes, 'u16.yaml').code).toContain("new k8s.KubeConfigMap(chart, 'u16', { metadata: { name: 'u16' }, data: { a: 'x' } });");
  });

  test('GIVEN JSON with escapes of lone surrogates WHEN imported THEN each is U+FFFD, as encoding/json reads it (C2)', () => {
    const result = imported('j.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"},"data":{"s":"\\ud800x","t":"\\udc00","u":"\\ud83d\\ude00"}}\n');
    expect(result.code).toContain("data: { s: '\ufffdx', t: '\ufffd', u: '\u{1f600}' }");
  });

  test('GIVEN a List with items: ~ WHEN imported THEN it holds no objects, as decodeToList reads it (C4)', () => {
    expect(imported('l.yaml', 'apiVersion: v1\nkind: List\nitems: ~\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: z}\n').objectCount).toBe(1);
  });

  test.each([
    ['a Deployment', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n'
      + '    spec: {containers: [{name: nginx, image: nginx}]}\nstatus: {}\n', 'new PlainPod('],
    ['a Service', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {app: s}\n  ports: [{port: 80}]\nstatus:\n  loadBalancer: {}\n', 'new ExposedService('],
  ])('GIVEN %s with the empty status kubectl create --dry-run prints WHEN imported THEN it imports as its pattern (B4)', (_what, yaml, pattern) => {
    const result = imported('dry.yaml', yaml);
    expect(result.code).toContain(pattern);
    expect(result.code).not.toContain('status');
  });

  // Review 50 DD1, DD11: int32 status fields without omitempty, and structs, print as 0 and {} for an object kubectl builds.
  test.each([
    ['a StatefulSet (kubectl set image --local -o yaml)', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: web\n'
      + '  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: nginx, image: "nginx:2"}]}\n'
      + 'status:\n  availableReplicas: 0\n  replicas: 0\n', 'new PlainPod('],
    ['an Ingress (kubectl create ingress --dry-run=client -o yaml)', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\nspec:\n  rules:\n'
      + '  - host: foo.com\n    http:\n      paths:\n      - backend:\n          service: {name: svc1, port: {number: 8080}}\n        path: /bar\n        pathType: Exact\n'
      + 'status:\n  loadBalancer: {}\n', 'new k8s.KubeIngress('],
    ['a PodDisruptionBudget (kubectl create poddisruptionbudget --dry-run=client -o yaml)', 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: pdb\n'
      + 'spec:\n  minAvailable: 1\n  selector: {matchLabels: {app: a}}\nstatus:\n  currentHealthy: 0\n  desiredHealthy: 0\n  disruptionsAllowed: 0\n  expectedPods: 0\n',
    'new k8s.KubePodDisruptionBudget('],
    ['a HorizontalPodAutoscaler of autoscaling/v1 (kubectl autoscale --dry-run=client -o yaml)', 'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\n'
      + 'metadata:\n  name: web\nspec:\n  maxReplicas: 3\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n'
      + 'status:\n  currentReplicas: 0\n  desiredReplicas: 0\n', 'new k8s.KubeHorizontalPodAutoscaler('],
  ])('GIVEN %s with the zero status kubectl prints WHEN imported THEN the status is dropped, as the reset loses nothing (review 50 DD1, DD11)', (_what, yaml, written) => {
    const result = imported('zero.yaml', yaml);
    expect(result.code).toContain(written);
    expect(result.code).not.toContain('status');
    expect(result.differences).toEqual([]);
  });

  test('GIVEN a PodDisruptionBudget whose status holds a count WHEN imported THEN it is still refused, naming the status', () => {
    const message = importError('pdb.yaml', 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: pdb\nspec:\n  minAvailable: 1\nstatus:\n  expectedPods: 2\n');
    expect(message).toContain('PodDisruptionBudget pdb: status: {"expectedPods":2} cannot be written: the cluster writes a PodDisruptionBudget\'s status, '
      + 'and the cdk8s L1 class k8s.KubePodDisruptionBudget has no status; remove it.');
  });

  test('GIVEN an Ingress whose status holds an address WHEN imported THEN the message reads "an Ingress\'s status"', () => {
    const message = importError('ing.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\nspec:\n  defaultBackend: {service: {name: s, port: {number: 80}}}\n'
      + 'status:\n  loadBalancer: {ingress: [{ip: 10.0.0.1}]}\n');
    expect(message).toContain('cannot be written: the cluster writes an Ingress\'s status, and the cdk8s L1 class k8s.KubeIngress has no status; remove it.');
  });
});

describe('a null list item of a custom resource (review 49 C1)', () => {
  test('GIVEN a custom resource with a null list item WHEN imported THEN it is kept, as cdk8s writes it and kubectl reads it back', () => {
    const result = imported('n1.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: n1\nspec:\n  list:\n  - a\n  - null\n');
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("spec: { list: ['a', null] }");
  });
});

describe('file encodings as kubectl decodes them (review 50 DD2, DD3, DD10)', () => {
  const cm = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "${value}"\n`;

  test('GIVEN a UTF-16 file with a lone surrogate WHEN read THEN it is U+FFFD, as Go\'s UTF-16 decoder reads it (DD3)', () => {
    const text = Buffer.from(cm('x\ud800y'), 'utf16le');
    expect(importedBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), text])).code).toContain("data: { a: 'x\ufffdy' }");
  });

  test('GIVEN a UTF-16 file with an odd last byte WHEN read THEN that byte is U+FFFD, not dropped (DD2)', () => {
    const text = Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x', 'utf16le');
    expect(importedBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), text, Buffer.from([0x41])])).code).toContain("data: { a: 'x\ufffd' }");
  });

  test('GIVEN a JSON file with a UTF-8 byte-order mark WHEN read THEN it is read as JSON, the mark dropped as kubectl drops it (DD10)', () => {
    const json = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"a":"\\ud800"}}\n';
    expect(importedBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])).code).toContain("data: { a: '\ufffd' }");
  });
});

describe('JSON keys that encoding/json reads as one (review 50 DD4)', () => {
  test('GIVEN two keys that differ only in lone-surrogate escapes WHEN imported THEN the key written twice is refused, as any key written twice', () => {
    expect(importError('d.json', '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"\\ud800":"a","\\udc00":"b"}}\n'))
      .toContain('is written twice in one object once its escapes of lone surrogates are read as U+FFFD, as kubectl reads them');
  });
});

describe('a block list inside a flow collection (review 49 C5)', () => {
  test('GIVEN "- x" inside [ ] WHEN imported THEN the message names the "- " and the fix, as kubectl refuses it too', () => {
    expect(importError('f.yaml', 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: f}\nspec:\n  o: [-1, - x]\n'))
      .toContain('inside [ ] or { }, "- " starts a block list, which kubectl refuses too ("did not find expected node content"): quote the value (\'- x\') '
        + 'or write the list in block style, one "- item" per line.');
  });

  // go-yaml: only a '-' right before ',', ']' or '}' is the string "-"; a '-' and a blank is a block entry, whatever follows (review 53 G2).
  test.each([
    ['a "- " before ]', '[a, - ]'],
    ['a "- " before }', '{k: - }'],
    ['a "- x" with a "[-]" in a comment after it', '[b, - c] # see [-]'],
    ['a "- x" after a quoted "-,"', '["x -,", - c]'],
  ])('GIVEN %s inside a flow collection WHEN imported THEN it is named a block list, not a lone "-" (review 53 G2)', (_what, flow) => {
    const error = importError('f.yaml', `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: f}\nspec:\n  o: ${flow}\n`);
    expect(error).toContain('inside [ ] or { }, "- " starts a block list, which kubectl refuses too');
    expect(error).not.toContain('a - alone is the string');
  });

  test('GIVEN a key of a flow sequence pair over two lines, with no "-" WHEN imported THEN the message names no "- " (review 53 G3)', () => {
    const error = importError('f.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: [a\n    b: c]}\n');
    expect(error).toContain('f.yaml:4:12: the YAML does not parse: Implicit keys of flow sequence pairs need to be on a single line; fix the YAML (kubectl would reject it too).');
  });
});

describe('a list inside a list (review 53 G1)', () => {
  test('GIVEN a List whose item is a List WHEN imported THEN it is refused, as kubectl cannot read it', () => {
    const yaml = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  metadata: {name: x}\n  items:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: deep}\n';
    expect(importError('l.yaml', yaml)).toContain('l.yaml:7:3: List x: items: an item of a list that is itself a list (it has items) is one kubectl cannot read '
      + '("is not a list: no Items field in this object"); move its items into the outer list.');
  });
});
