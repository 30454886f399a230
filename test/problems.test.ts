import { show } from '../src/problems';

describe('show', () => {
  test('writes strings and JSON as JSON', () => {
    expect([show('a"b'), show(5), show(null), show({ a: [1, 'x'] })]).toEqual(['"a\\"b"', '5', 'null', '{"a":[1,"x"]}']);
  });

  test('writes what JSON cannot hold as JavaScript writes it, at any depth', () => {
    expect(show(['x', Symbol('a'), function f() {}, undefined, 1n, NaN, -Infinity])).toBe('["x",Symbol(a),[Function f],undefined,1n,NaN,-Infinity]');
    expect(show({ a: undefined, d: new Date(0) })).toBe('{"a":undefined,"d":"1970-01-01T00:00:00.000Z"}');
    // eslint-disable-next-line no-sparse-arrays
    expect(show(['echo', , 'x'])).toBe('["echo",undefined,"x"]');
  });

  test('writes every string quoted, whatever it holds (a private-use character too)', () => {
    expect(show(['\ue000;rm -rf /\ue000', undefined])).toBe('["\ue000;rm -rf /\ue000",undefined]');
  });

  test('names an object that refers to itself instead of failing', () => {
    const a: any = { b: 1 };
    a.self = a;
    expect(show(a)).toBe('an Object (not JSON)');
    expect(show([a])).toBe('an Array (not JSON)');
  });

  test('writes characters a terminal does not show as escapes', () => {
    expect(show('a\u2028b\u0085')).toBe('"a\\u2028b\\u0085"');
  });
});
