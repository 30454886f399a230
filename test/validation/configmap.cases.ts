import { RuleCase } from './cases';

/** A ConfigMap named 'config' with these top-level fields (data, binaryData, immutable). */
export function configMap(fields: any = {}, metadata: any = { name: 'config' }): any {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata, ...fields };
}

const MIB = 1024 * 1024;

/** The rules of ValidateConfigMap. */
export const CONFIG_MAP_CASES: RuleCase[] = [
  { go: 'ValidateConfigMap', name: 'accepts a ConfigMap without data', manifest: configMap(), problems: [] },
  {
    go: 'ValidateConfigMap',
    name: 'rejects a status, which a ConfigMap does not have, as an unknown field (not as one reset on create)',
    manifest: configMap({ status: { phase: 'x' } }),
    problems: ['status: is not a field of ConfigMap in Kubernetes 1.32; remove it (its fields: apiVersion, kind, metadata, binaryData, data, immutable): the API server rejects unknown fields.'],
  },
  {
    go: 'ValidateConfigMap',
    name: 'takes a null map value as the empty string, as the JSON decoder does: a label, an annotation and a data value',
    manifest: configMap({ data: { key: null } }, { name: 'config', labels: { app: null }, annotations: { note: null } }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateConfigMap',
    name: 'accepts keys of alphanumerics, dots, dashes and underscores, and binary data under another key',
    manifest: configMap({ data: { 'app.properties': 'a=1', '.hidden': 'x', 'KEY_NAME': '', 'key-name': 'y' }, binaryData: { 'logo.png': 'iVBORw0KGgo=' } }),
    problems: [],
  },
  {
    go: 'ValidateConfigMap',
    name: 'accepts exactly 1 MiB of values (keys are not counted)',
    manifest: configMap({ data: { a: 'x'.repeat(MIB - 3) }, binaryData: { b: 'AAAA' } }),
    problems: [],
  },
  {
    go: 'ValidateConfigMap',
    name: 'rejects a ConfigMap name that is not a DNS-1123 subdomain',
    manifest: configMap({}, { name: 'My_Config' }),
    problems: ['metadata.name: "My_Config" is not valid as an object name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').'],
  },
  {
    go: 'IsConfigMapKey',
    name: 'rejects keys with other characters, ".", ".." and a leading ".."',
    manifest: configMap({ data: { 'a/b': '1', '.': '2', '..': '3', '..x': '4' }, binaryData: { 'my key': 'AA==' } }),
    problems: [
      'data[a/b]: key "a/b" is invalid: it must consist of alphanumerics, \'-\', \'_\' or \'.\' (e.g. \'key.name\', \'KEY_NAME\' or \'key-name\').',
      'data[.]: key "." is invalid: it must not be \'.\'.',
      'data[..]: key ".." is invalid: it must not be \'..\'.',
      'data[..x]: key "..x" is invalid: it must not start with \'..\'.',
      'binaryData[my key]: key "my key" is invalid: it must consist of alphanumerics, \'-\', \'_\' or \'.\' (e.g. \'key.name\', \'KEY_NAME\' or \'key-name\').',
    ],
  },
  {
    go: 'IsConfigMapKey',
    name: 'rejects a key over 253 characters',
    manifest: configMap({ data: { ['k'.repeat(254)]: 'v' } }),
    problems: [`data.${'k'.repeat(254)}: key "${'k'.repeat(254)}" is invalid: it must be no more than 253 characters (it has 254).`],
  },
  {
    go: 'ValidateConfigMap',
    name: 'rejects a key in both data and binaryData',
    manifest: configMap({ data: { 'cert.pem': 'x' }, binaryData: { 'cert.pem': 'eA==' } }),
    problems: ['data[cert.pem]: key "cert.pem" is also a key of binaryData; a key may appear in data or binaryData, not both.'],
  },
  {
    go: 'ValidateConfigMap',
    name: 'rejects more than 1 MiB of values, counting UTF-8 bytes and decoded binary data',
    manifest: configMap({ data: { a: 'é'.repeat(MIB / 2 - 1) }, binaryData: { b: 'AAAA' } }),
    problems: [`the data of this ConfigMap totals ${MIB + 1} bytes; the API server allows at most ${MIB} (1 MiB). Split it into several ConfigMaps or mount the files another way.`],
  },
  {
    go: 'ValidateConfigMap',
    name: 'rejects binaryData that is not base64 and data values that are not strings',
    manifest: configMap({ data: { port: 8080 }, binaryData: { b: 'not base64!' } }),
    problems: [
      'binaryData.b: "not base64!" is not standard base64 (with padding); binaryData values are base64-encoded bytes.',
      'data[port]: 8080 is a number, but ConfigMap.data takes a string; write it as a string: "8080" (the API server cannot decode it).',
    ],
    offline128: false,
  },
  {
    go: 'ValidateConfigMap',
    name: 'accepts binaryData base64 with line breaks anywhere (encoding/base64 skips \\r and \\n), counting the decoded bytes',
    manifest: configMap({ binaryData: { 'ca.der': 'aGVsbG8gd29ybGQ=\n', 'b': 'aGVs\nbG8gd29y\r\nbGQ=', 'c': 'eA=\n=' } }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateConfigMap',
    name: 'accepts binaryData written as a list of byte values, as encoding/json decodes a []byte (null is 0), counting one byte each (review 39 K4)',
    manifest: configMap({ data: { a: 'x'.repeat(MIB - 3) }, binaryData: { b: [104, 0, null] } }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ValidateConfigMap',
    name: 'rejects binaryData as a list with a value that is not a byte, and counts the list toward 1 MiB (review 39 K4)',
    manifest: configMap({ data: { a: 'x'.repeat(MIB - 1) }, binaryData: { b: [104, 256], c: [1.5], d: ['h'] } }),
    problems: [
      `the data of this ConfigMap totals ${MIB + 3} bytes; the API server allows at most ${MIB} (1 MiB). Split it into several ConfigMaps or mount the files another way.`,
      'binaryData[b]: item [1], 256, is not a byte value: bytes written as a list take integers from 0 to 255 (the API server cannot decode it).',
      'binaryData[c]: item [0], 1.5, is not a byte value: bytes written as a list take integers from 0 to 255 (the API server cannot decode it).',
      'binaryData[d]: item [0], "h", is not a byte value: bytes written as a list take integers from 0 to 255 (the API server cannot decode it).',
    ],
    offline128: false,
  },
  {
    go: 'ValidateConfigMap',
    name: 'rejects binaryData base64 without padding or with a space',
    manifest: configMap({ binaryData: { a: 'eA', b: 'eA== ' } }),
    problems: [
      'binaryData.a: "eA" is not standard base64 (with padding); binaryData values are base64-encoded bytes.',
      'binaryData.b: "eA== " is not standard base64 (with padding); binaryData values are base64-encoded bytes.',
    ],
  },
  {
    go: 'ValidateConfigMap',
    name: 'rejects fields a ConfigMap does not have and values of the wrong JSON type (the decode step)',
    manifest: configMap({ datta: { a: 'x' }, immutable: 'yes', binaryData: { b: 3 } }),
    problems: [
      'datta: is not a field of ConfigMap; did you mean data?',
      'immutable: "yes" is a string, but ConfigMap.immutable takes a boolean (true or false) (the API server cannot decode it).',
      'binaryData[b]: 3 is a number, but ConfigMap.binaryData takes base64-encoded bytes (a string such as "aGk=", or a list of byte values from 0 to 255) (the API server cannot decode it).',
    ],
  },
  {
    go: 'ValidateConfigMap',
    name: 'names a data key that is empty as data[""] (review 36 G6)',
    manifest: configMap({ data: { '': 'x' } }),
    problems: ['data[""]: key "" is invalid: it must consist of alphanumerics, \'-\', \'_\' or \'.\' (e.g. \'key.name\', \'KEY_NAME\' or \'key-name\').'],
  },
  {
    go: 'ValidateConfigMap',
    name: 'names an unknown field whose key is empty as [""] (review 35 F7)',
    manifest: configMap({ '': 'x' }),
    problems: ['[""]: is not a field of ConfigMap in Kubernetes 1.32; remove it (its fields: apiVersion, kind, metadata, binaryData, data, immutable): the API server rejects unknown fields.'],
  },
];
