import { runCases, RuleCase } from './cases';
import { CONTAINER_CASES } from './container.cases';

runCases('container validation (Go: pkg/apis/core/validation)', CONTAINER_CASES);

describe('the container-level cases cite the Go functions they show', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  const src = fs.readdirSync(`${__dirname}/../../src/validation`).map((f) => fs.readFileSync(`${__dirname}/../../src/validation/${f}`, 'utf8')).join('\n');
  const areas = ['container', 'env', 'probes', 'resources', 'security-context'];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cases: RuleCase[] = areas.flatMap((a) => Object.values(require(`./${a}.cases`)).flat() as RuleCase[]);

  test('GIVEN every case of the container areas WHEN its Go name is looked up THEN a `// Go: <name> (<file>)` line in src/validation cites it', () => {
    const missing = [...new Set(cases.map((c) => c.go))].filter((go) => !src.includes(`// Go: ${go} (`));
    expect(missing).toEqual([]);
  });

  test('GIVEN the omitted rules WHEN compared with the cases THEN none of them is also shown as mirrored', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OMITTED_CONTAINER } = require('./omitted-container');
    const shown = new Set(cases.map((c) => c.go));
    expect(OMITTED_CONTAINER.map((o: { go: string }) => o.go).filter((go: string) => shown.has(go))).toEqual([]);
    expect(OMITTED_CONTAINER.every((o: { why: string }) => o.why.length > 20)).toBe(true);
  });
});
