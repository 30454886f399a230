/**
 * The YAML writer of the generated configuration files (envoy.yaml): whatever a string holds, it
 * reads back as the same single value, so no input can add a key, a list item or a document.
 */
import * as fc from 'fast-check';
import { parseYaml } from './vendor';
import { toYaml } from '../../src/sidecars/config-yaml';

describe('toYaml', () => {
  test('writes block YAML with quoted strings and plain identifier keys', () => {
    expect(toYaml({ admin: { address: { socket_address: { address: '127.0.0.1', port_value: 9901 } } }, list: [{ '@type': 'x', 'a': [] }, 'y', true], e: {} }))
      .toBe([
        'admin:',
        '  address:',
        '    socket_address:',
        '      address: "127.0.0.1"',
        '      port_value: 9901',
        'list:',
        '- "@type": "x"',
        '  a: []',
        '- "y"',
        '- true',
        'e: {}',
        '',
      ].join('\n'));
  });

  test('keeps hostile strings as one value: new lines, quotes, YAML indicators, U+2028, document markers', () => {
    const hostile = ['a\nb: c', '"', "'", '- x', '---\nkind: Secret', '#', '&a *a', '{x: 1}', 'a\u2028b', 'yes', '1e3', '', ' lead', '\u0085'];
    for (const s of hostile) {
      expect(parseYaml(toYaml({ key: s, list: [s], [s]: s }))).toEqual({ key: s, list: [s], [s]: s });
    }
  });

  test('reads back every JSON value it is given (property test)', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string({ unit: 'binary' }), fc.integer(), fc.boolean(), fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary' }), tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(fc.dictionary(fc.string({ unit: 'binary' }), value, { maxKeys: 4 }), (v) => {
      expect(parseYaml(toYaml(v))).toEqual(v);
    }), { numRuns: 100 });
  });

  test('refuses values YAML cannot carry as numbers', () => {
    expect(() => toYaml({ port: NaN })).toThrow('config-yaml: NaN is not a finite number');
  });
});
