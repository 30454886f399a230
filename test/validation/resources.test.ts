import { runCases } from './cases';
import { RESOURCES_CASES } from './resources.cases';
import { parseQuantityText } from '../../src/validation/quantity';

runCases('resources validation (Go: pkg/apis/core/validation)', RESOURCES_CASES);

// Values worked out by hand from Go's quantity.go (positiveScaleInt64, int64MultiplyScale*, scaledValue) and amount.go.
describe('Quantity.goScaledValue: MilliValue() and Value() as Go computes them in int64', () => {
  const q = (text: string) => parseQuantityText(text)!;
  test.each([
    ['9223372036854776', -3, '-9223372036854775616'], // int64Amount{…, 0}: one step of *1000, wrapped
    ['9223372036854775', -3, '9223372036854775000'],
    ['10P', -3, '0'], // int64Amount{10, 15}: a loop of 18 tens, past int64: 0
    ['10P', 0, '10000000000000000'],
    ['10E', 0, '0'],
    ['1.5', -3, '1500'],
    ['0.0001', -3, '1'], // negativeScaleInt64 rounds away from zero
    ['12345678901234567890', 0, '-6101065172474983726'], // inf.Dec: big.Int.Int64() of the quotient
    ['12345678901234567890', -3, '4807115922877858896'],
    ['1234567890123456789.5', 0, '1234567890123456790'], // inf.Dec below the int64 range: int64 division, plus one for the remainder
  ])('GIVEN %s WHEN scaled to 10^%d THEN it is %s, as Go computes it', (text, scale, expected) => {
    expect(q(text).goScaledValue(scale).toString()).toBe(expected);
  });

  test('GIVEN a quantity rounded up to milli units WHEN it was an inf.Dec THEN it keeps 3 decimals, as infDecAmount.AsScale does', () => {
    expect(q('12345678901234567890').roundUp(-3).decScale).toBe(3);
    expect(q('5').roundUp(-3).decScale).toBeUndefined();
  });
});
