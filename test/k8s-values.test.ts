import { k8s } from 'cdk8s-plus-28';
import { toManifestValue } from '../src/k8s-values';

describe('toManifestValue', () => {
  test('unwraps Quantity and IntOrString and keeps plain values', () => {
    expect(toManifestValue({
      a: k8s.Quantity.fromString('1Gi'),
      b: k8s.IntOrString.fromNumber(80),
      c: ['x', 1, true, null],
      d: { e: undefined, f: 0 },
    })).toEqual({ a: '1Gi', b: 80, c: ['x', 1, true, null], d: { f: 0 } });
  });

  test('copies, so later changes to the input do not leak into the output', () => {
    const input = { list: [{ n: 1 }] };
    const out = toManifestValue(input);
    input.list[0].n = 2;
    expect(out).toEqual({ list: [{ n: 1 }] });
  });
});
