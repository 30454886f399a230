// Writes docs/validation.md, the coverage table of the validation mirror (see test/validation/coverage.ts).
// Usage: npx ts-node scripts/gen-validation-doc.ts
import * as fs from 'fs';
import * as path from 'path';
import { buildValidationDoc } from '../test/validation/coverage';

const file = path.join(__dirname, '..', 'docs', 'validation.md');
fs.writeFileSync(file, buildValidationDoc());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
