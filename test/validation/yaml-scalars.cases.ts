import { pod, podWithContainer, RuleCase } from './cases';


/**
 * This library's contract, not an API server rule: every string of a manifest reads back from
 * the YAML cdk8s writes exactly as it was written (test/validation/yaml-scalars.test.ts also reads
 * every case back with kubectl 1.28 and 1.32).
 */
export const YAML_SCALAR_CASES: RuleCase[] = [
  {
    go: 'yaml_parser_scan_flow_scalar',
    name: 'rejects a lone high surrogate in an annotation (cdk8s writes the escape \\ud800, which kubectl refuses) (review 15 D1)',
    manifest: pod({}, { name: 'p', annotations: { note: 'x\ud800y' } }),
    problems: ['metadata.annotations.note: "x\\ud800y" contains a lone UTF-16 surrogate U+D800 (at index 1, half of a character whose other half is missing), which cdk8s writes as the escape \\ud800 and kubectl\'s YAML reader refuses ("found invalid Unicode character escape code"); this library\'s contract rejects it: remove it, or write the whole character.'],
  },
  {
    go: 'yaml_parser_scan_flow_scalar',
    name: 'rejects a lone low surrogate in container args (review 15 D1)',
    manifest: podWithContainer({ args: ['a\udc00b'] }),
    problems: ['spec.containers[0].args[0]: "a\\udc00b" contains a lone UTF-16 surrogate U+DC00 (at index 1, half of a character whose other half is missing), which cdk8s writes as the escape \\udc00 and kubectl\'s YAML reader refuses ("found invalid Unicode character escape code"); this library\'s contract rejects it: remove it, or write the whole character.'],
  },
  {
    go: 'yaml_parser_scan_flow_scalar',
    name: 'accepts a character outside the BMP (a surrogate pair, such as an emoji), which reads back',
    manifest: pod({}, { name: 'p', annotations: { note: 'ok \ud83d\ude00 \ud800\udc00' } }),
    problems: [],
  },
  {
    go: 'is_break',
    name: 'rejects U+2028 in an annotation (kubectl reads a line break and cannot parse the file)',
    manifest: pod({}, { name: 'p', annotations: { note: 'first\u2028second' } }),
    problems: ['metadata.annotations.note: "first\\u2028second" contains U+2028 (at index 5), which cdk8s writes as it is and kubectl\'s YAML reader reads as a line break (YAML 1.1): the file then fails to parse, or the value reads back changed without a word (a trailing break is dropped, and the character alone reads as null); this library\'s contract rejects it: remove the character (in JSON or YAML text held in the string, write it escaped, e.g. \\u2028).'],
  },
  {
    go: 'is_break',
    name: 'rejects a quantity ending in U+2028 once, as the line break kubectl reads (it reads "1"): not also as a malformed quantity (review 32 A1)',
    manifest: podWithContainer({ resources: { limits: { cpu: '1\u2028' } } }),
    problems: ['spec.containers[0].resources.limits.cpu: "1\\u2028" contains U+2028 (at index 1), which cdk8s writes as it is and kubectl\'s YAML reader reads as a line break (YAML 1.1): the file then fails to parse, or the value reads back changed without a word (a trailing break is dropped, and the character alone reads as null); this library\'s contract rejects it: remove the character (in JSON or YAML text held in the string, write it escaped, e.g. \\u2028).'],
  },
  {
    go: 'is_break',
    name: 'rejects U+0085 (NEL) in a command',
    manifest: podWithContainer({ command: ['sh', '-c', 'echo a\u0085b'] }),
    problems: ['spec.containers[0].command[2]: "echo a\\u0085b" contains U+0085 (at index 6), which cdk8s writes as it is and kubectl\'s YAML reader reads as a line break (YAML 1.1): the file then fails to parse, or the value reads back changed without a word (a trailing break is dropped, and the character alone reads as null); this library\'s contract rejects it: remove the character (in JSON or YAML text held in the string, write it escaped, e.g. \\u0085).'],
  },
  {
    go: 'is_break',
    name: 'rejects U+2029 in an environment value (credentials)',
    manifest: podWithContainer({ env: [{ name: 'PASSWORD', value: 'pa\u2029ss' }] }),
    problems: ['spec.containers[0].env[0].value: "pa\\u2029ss" contains U+2029 (at index 2), which cdk8s writes as it is and kubectl\'s YAML reader reads as a line break (YAML 1.1): the file then fails to parse, or the value reads back changed without a word (a trailing break is dropped, and the character alone reads as null); this library\'s contract rejects it: remove the character (in JSON or YAML text held in the string, write it escaped, e.g. \\u2029).'],
  },
  {
    go: 'yaml_parser_update_buffer',
    name: 'rejects a C1 control character (U+0080) in an argument',
    manifest: podWithContainer({ args: ['\u0080'] }),
    problems: ['spec.containers[0].args[0]: "\\u0080" contains U+0080 (at index 0), which cdk8s writes as it is and kubectl\'s YAML reader refuses ("control characters are not allowed"); this library\'s contract rejects it: remove the character (in JSON or YAML text held in the string, write it escaped, e.g. \\u0080).'],
  },
  {
    go: 'yaml_parser_update_buffer',
    name: 'rejects DEL (U+007F) in a working directory',
    manifest: podWithContainer({ workingDir: '/app\u007f' }),
    problems: ['spec.containers[0].workingDir: "/app\\u007f" contains U+007F (at index 4), which cdk8s writes as it is and kubectl\'s YAML reader refuses ("control characters are not allowed"); this library\'s contract rejects it: remove the character (in JSON or YAML text held in the string, write it escaped, e.g. \\u007f).'],
  },
  {
    go: 'yaml_parser_update_buffer',
    name: 'rejects the noncharacter U+FFFF in an annotation',
    manifest: pod({}, { name: 'p', annotations: { note: 'x\uffff' } }),
    problems: ['metadata.annotations.note: "x\\uffff" contains U+FFFF (at index 1), which cdk8s writes as it is and kubectl\'s YAML reader refuses ("control characters are not allowed"); this library\'s contract rejects it: remove the character (in JSON or YAML text held in the string, write it escaped, e.g. \\uffff).'],
  },
  {
    go: 'is_break',
    name: 'rejects U+2028 in an annotation key',
    manifest: pod({}, { name: 'p', annotations: { 'a\u2028b': 'x' } }),
    problems: [
      'metadata.annotations: key "a\\u2028b" contains U+2028 (at index 1), which cdk8s writes as it is and kubectl\'s YAML reader reads as a line break (YAML 1.1): the file then fails to parse, or the value reads back changed without a word (a trailing break is dropped, and the character alone reads as null); this library\'s contract rejects it: remove the character (in JSON or YAML text held in the string, write it escaped, e.g. \\u2028).',
      'metadata.annotations: annotation key "a\\u2028b" is invalid: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').',
    ],
  },
  {
    go: 'yaml_parser_scan_block_scalar_breaks',
    name: 'rejects a multi-line script whose first line starts with a tab',
    manifest: podWithContainer({ command: ['sh', '-c', '\techo one\necho two'] }),
    problems: ['spec.containers[0].command[2]: "\\techo one\\necho two" spans lines and its first line starts with a tab: cdk8s writes it as a block scalar, which kubectl\'s YAML reader refuses ("found a tab character where an indentation space is expected"); this library\'s contract rejects it: indent that line with spaces, or start the string with another character.'],
  },
  {
    go: 'yaml_parser_scan_block_scalar_breaks',
    name: 'rejects a multi-line value whose first non-empty line starts with a tab',
    manifest: pod({}, { name: 'p', annotations: { note: '\n\n\tindented' } }),
    problems: ['metadata.annotations.note: "\\n\\n\\tindented" spans lines and its first line starts with a tab: cdk8s writes it as a block scalar, which kubectl\'s YAML reader refuses ("found a tab character where an indentation space is expected"); this library\'s contract rejects it: indent that line with spaces, or start the string with another character.'],
  },
  {
    go: 'yaml_parser_update_buffer',
    name: 'accepts tabs elsewhere, U+00A0, U+FEFF, U+0084-free Latin-1, CR LF and astral characters',
    manifest: podWithContainer({
      command: ['sh', '-c', 'echo one\n\techo two', '\tsingle line', 'x\t\r\n\ty', 'a\u00a0b\ufeffc é ü 😀 \u2027\u202a'],
    }, {}),
    problems: [],
  },
];
