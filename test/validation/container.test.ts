import { problemsOf, runCases, RuleCase } from './cases';
import { CONTAINER_CASES } from './container.cases';

/**
 * The decode step still reads the Kubernetes 1.28 schema (src/k8s-schema.ts), where fields such as
 * recursiveReadOnly do not exist. Cases of fields newer than 1.28 (offline128: false) are compared
 * without that message, so they hold before and after the schema moves to 1.32.
 */
const NEWER_THAN_1_28 = /: is not a field of \w+ in Kubernetes 1\.28;/;
const at132 = (c: RuleCase): boolean => c.offline128 === false && problemsOf(c.manifest, c.options).some((p) => NEWER_THAN_1_28.test(p));

runCases('container validation (Go: pkg/apis/core/validation)', CONTAINER_CASES.filter((c) => !at132(c)));

describe('container validation of fields newer than 1.28 (Go: pkg/apis/core/validation)', () => {
  for (const c of CONTAINER_CASES.filter(at132)) {
    test(`${c.go}: ${c.name}`, () => {
      expect(problemsOf(c.manifest, c.options).filter((p) => !NEWER_THAN_1_28.test(p))).toEqual(c.problems);
    });
  }
});

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
