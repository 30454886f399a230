import { formatFloatKey, goResolve } from '../../src/import/go-yaml';

/**
 * The port of go-yaml v2's resolve() and of sigs.k8s.io/yaml's float keys, against what kubectl
 * 1.32.4 reads (`kubectl label --local -f FILE x=y -o json`, about 2,100 plain scalars as values
 * and as keys, and 3,000 float keys, agreed when this was written).
 */
describe('go-yaml v2 plain scalars', () => {
  test.each([
    ['e2', 'str', 'e2'], ['E5', 'str', 'E5'], ['.', 'str', '.'], ['-e1', 'str', '-e1'], ['+.', 'str', '+.'], ['._5', 'str', '._5'],
    ['nO', 'str', 'nO'], ['fALSE', 'str', 'fALSE'], ['OfF', 'str', 'OfF'], ['yES', 'str', 'yES'], ['+.nan', 'str', '+.nan'], ['.Nan', 'str', '.Nan'],
    ['no', 'bool', false], ['Off', 'bool', false], ['y', 'bool', true], ['ON', 'bool', true], ['~', 'null', null], ['', 'null', null],
    ['0o17', 'int', BigInt(15)], ['0O17', 'int', BigInt(15)], ['-0o17', 'int', BigInt(-15)], ['0X1F', 'int', BigInt(31)], ['0B101', 'int', BigInt(5)],
    ['0b-1', 'int', BigInt(-1)], ['0_x1F', 'int', BigInt(31)], ['017', 'int', BigInt(15)], ['1__0', 'int', BigInt(10)],
    ['18446744073709551615', 'int', BigInt('18446744073709551615')],
    ['08', 'float', 8], ['.5_0', 'float', 0.5], ['1_0.5', 'float', 10.5], ['99999999999999999999', 'float', 1e20], ['1e3', 'float', 1000],
    ['1e999', 'str', '1e999'], ['0x10000000000000000', 'str', '0x10000000000000000'], ['2001-12-14', 'str', '2001-12-14'], ['1:20', 'str', '1:20'],
  ])('GIVEN the plain scalar %j WHEN resolved THEN it is the %s %p, as kubectl reads it', (text, type, value) => {
    expect(goResolve(text)).toEqual({ type, value });
  });

  test('GIVEN .nan, .inf and -.Inf WHEN resolved THEN they are the floats NaN, +Inf and -Inf', () => {
    expect(goResolve('.nan').value).toBeNaN();
    expect(goResolve('+.INF')).toEqual({ type: 'float', value: Infinity });
    expect(goResolve('-.Inf')).toEqual({ type: 'float', value: -Infinity });
  });
});

describe('sigs.k8s.io/yaml float keys', () => {
  test.each([
    [1000000, '1e+06'], [0.1234567891, '0.12345679'], [100000, '100000'], [0.0001, '0.0001'], [0.00001, '1e-05'], [0.5, '0.5'],
    [-0, '-0'], [3.4028235e38, '3.4028235e+38'], [1e-45, '1e-45'], [16777217, '1.6777216e+07'], [Infinity, '.inf'], [-Infinity, '-.inf'], [NaN, '.nan'],
  ])('GIVEN the float key %p WHEN named as Kubernetes names it THEN it is %j (strconv.FormatFloat(v, \'g\', -1, 32))', (v, key) => {
    expect(formatFloatKey(v)).toBe(key);
  });
});
