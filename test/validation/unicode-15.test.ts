/**
 * The table of characters assigned since Unicode 15.0 (src/validation/unicode-15.ts, written by
 * scripts/gen-unicode-15.mjs): Go 1.23's unicode.IsPrint, which Kubernetes 1.32 uses for a managed
 * field's manager, reads them as unassigned.
 */
import { PRINTABLE_SINCE_UNICODE_15 } from '../../src/validation/unicode-15';

describe('the characters printable since Unicode 15.0', () => {
  test('are sorted, disjoint ranges of characters this Node calls printable', () => {
    let previous = -1;
    for (const [first, last] of PRINTABLE_SINCE_UNICODE_15) {
      expect(first).toBeGreaterThan(previous);
      expect(last).toBeGreaterThanOrEqual(first);
      previous = last;
      for (const cp of [first, last]) {
        expect(/[\p{C}\p{Z}]/u.test(String.fromCodePoint(cp))).toBe(false);
      }
    }
  });

  test('hold the characters of Unicode 15.1 and later, not those of 15.0 and before', () => {
    const inTable = (cp: number) => PRINTABLE_SINCE_UNICODE_15.some(([first, last]) => cp >= first && cp <= last);
    // 15.1: CJK Extension I, U+31EF, the ideographic description characters U+2FFC-U+2FFF; 16.0: U+1C89.
    for (const cp of [0x2ebf0, 0x2ee5d, 0x31ef, 0x2ffc, 0x1c89]) {
      expect(inTable(cp)).toBe(true);
    }
    // ASCII, a CJK ideograph, an emoji of 15.0 (U+1FA77), Kawi (15.0, U+11F00).
    for (const cp of [0x41, 0x4e00, 0x1fa77, 0x11f00]) {
      expect(inTable(cp)).toBe(false);
    }
  });
});
