/**
 * The printable characters of Unicode 15.0 (src/validation/unicode-15.ts, written by
 * scripts/gen-unicode-15.mjs): Go 1.23's unicode.IsPrint, which Kubernetes 1.32 uses for a managed
 * field's manager, whatever tables the running Node has.
 */
import { PRINTABLE_UNICODE_15 } from '../../src/validation/unicode-15';

describe('the printable characters of Unicode 15.0', () => {
  const printable = (cp: number) => PRINTABLE_UNICODE_15.some(([first, last]) => cp >= first && cp <= last);

  test('are sorted, disjoint ranges', () => {
    let previous = -1;
    for (const [first, last] of PRINTABLE_UNICODE_15) {
      expect(first).toBeGreaterThan(previous + 1);
      expect(last).toBeGreaterThanOrEqual(first);
      previous = last;
    }
  });

  test('hold the characters of 15.0 and before, not those of 15.1 and later, nor controls, spaces but ASCII, or format characters', () => {
    // ASCII, the space, a CJK ideograph, an emoji of 15.0 (U+1FA77), Kawi (15.0, U+11F00).
    for (const cp of [0x41, 0x20, 0x4e00, 0x1fa77, 0x11f00]) {
      expect(printable(cp)).toBe(true);
    }
    // 15.1: CJK Extension I, U+31EF, U+2FFC; 16.0: U+1C89; a tab, U+00A0, U+2028, U+200B (format), a private use one.
    for (const cp of [0x2ebf0, 0x2ee5d, 0x31ef, 0x2ffc, 0x1c89, 0x09, 0xa0, 0x2028, 0x200b, 0xe000]) {
      expect(printable(cp)).toBe(false);
    }
  });
});
