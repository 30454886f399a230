import * as fs from 'fs';
import * as path from 'path';
import { buildValidationDoc, cases, mirrors, omitted } from './coverage';

describe('the validation coverage table', () => {
  test('docs/validation.md is what scripts/gen-validation-doc.ts writes from the current sources', () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'validation.md'), 'utf8');
    // If this fails: npx ts-node scripts/gen-validation-doc.ts, review, commit.
    expect(committed).toEqual(buildValidationDoc());
  });

  test('names only Go functions that some source file mirrors or leaves out', () => {
    const known = new Set([...mirrors().map((m) => m.go), ...omitted().map((o) => o.go)]);
    const unknown = [...new Set(cases().map((c) => c.go))].filter((go) => !known.has(go));
    expect(unknown).toEqual([]);
  });

  test('gives every case a unique name within its Go function', () => {
    const seen = new Set<string>();
    const duplicates: string[] = [];
    for (const c of cases()) {
      const key = `${c.go}: ${c.name}`;
      if (seen.has(key)) {
        duplicates.push(key);
      }
      seen.add(key);
    }
    expect(duplicates).toEqual([]);
  });
});
