import * as fc from 'fast-check';
import { decodeGoStructList, goFoldName, GoJson, parseGoJson } from '../../src/validation/go-json';

/** The plain JavaScript value of a parsed GoJson (the last of repeated keys, as JSON.parse keeps). */
function plain(v: GoJson): unknown {
  switch (v.t) {
    case 'null': return null;
    case 'bool': return v.v;
    case 'number': return Number(v.text);
    case 'string': return v.v;
    case 'array': return v.items.map(plain);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, x] of v.members) {
        Object.defineProperty(out, k, { value: plain(x), enumerable: true, configurable: true, writable: true });
      }
      return out;
    }
  }
}

describe('parseGoJson', () => {
  test('reads every JSON text as JSON.parse does, keeping the literal text of numbers', () => {
    fc.assert(fc.property(fc.json(), (text) => {
      expect(plain(parseGoJson(text))).toEqual(JSON.parse(text));
    }), { numRuns: 500 });
    expect(parseGoJson('[1e3, -0, 1.50]')).toEqual({ t: 'array', items: [{ t: 'number', text: '1e3' }, { t: 'number', text: '-0' }, { t: 'number', text: '1.50' }] });
  });

  test.each(['', '[1,]', '{"a":1,}', '01', '+1', '.5', '"\t"', "'a'", '[1] x', 'NaN', '{"a" 1}'])('rejects %p as JSON.parse does', (text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(() => parseGoJson(text)).toThrow(SyntaxError);
  });
});

describe('decodeGoStructList', () => {
  const struct = { name: 'T', fields: { Name: 'string' as const, Seconds: '*int64' as const } };

  test('decodes like encoding/json: folded names, null as zero or nil, int64 only from integer literals in range', () => {
    const decoded = decodeGoStructList(parseGoJson('[{"NAME":"a","seconds":-9223372036854775808}, null, {"Seconds":5,"seconds":null,"other":[1]}]'), struct, 'pkg');
    expect(decoded).toEqual({ items: [{ Name: 'a', Seconds: -9223372036854775808 }, {}, {}] });
    expect(decodeGoStructList(parseGoJson('null'), struct, 'pkg')).toEqual({ items: [] });
  });

  test.each([
    ['{}', 'json: cannot unmarshal object into Go value of type []pkg.T'],
    ['[5]', 'json: cannot unmarshal number into Go value of type pkg.T'],
    ['[{"seconds":9223372036854775808}]', 'json: cannot unmarshal number 9223372036854775808 into Go struct field T.Seconds of type int64'],
    ['[{"seconds":"5"}]', 'json: cannot unmarshal string into Go struct field T.Seconds of type int64'],
    ['[{"name":true,"seconds":1.5}]', 'json: cannot unmarshal bool into Go struct field T.Name of type string'],
  ])('returns the first error Go returns for %s', (text, error) => {
    expect(decodeGoStructList(parseGoJson(text), struct, 'pkg')).toEqual({ error });
  });

  test('folds names as Go\'s foldName does: ASCII letters, ſ and the Kelvin sign only', () => {
    expect(goFoldName('tolerationſeconds')).toBe('TOLERATIONSECONDS');
    expect(goFoldName('\u212aey')).toBe('KEY');
    expect(goFoldName('\u0131d')).toBe('\u0131D');
  });
});
