import { Problems } from '../../src/problems';
import { defaultPod } from '../../src/validation/pod-spec';
import {
  validateAppArmorAnnotationsAndFieldsMatchOnCreate, validateAppArmorPodAnnotations, validatePodSecurityContext,
  validateSeccompAnnotationsAndFields, validateSeccompPodAnnotations,
} from '../../src/validation/security-context';
import { inProcessProblems } from '../k8s-validators';
import { problemsOf, runCases, RuleCase } from './cases';
import { POD_SECURITY_CONTEXT_CASES, SECURITY_CONTEXT_CASES } from './security-context.cases';

/**
 * The decode step still reads the Kubernetes 1.28 schema (src/k8s-schema.ts), where fields such as
 * appArmorProfile do not exist. Cases of fields newer than 1.28 (offline128: false) are compared
 * without that message, so they hold before and after the schema moves to 1.32.
 */
const NEWER_THAN_1_28 = /: is not a field of \w+ in Kubernetes 1\.28;/;
const without128 = (problems: string[]): string[] => problems.filter((p) => !NEWER_THAN_1_28.test(p));
const at132 = (c: RuleCase): boolean => c.offline128 === false && problemsOf(c.manifest, c.options).some((p) => NEWER_THAN_1_28.test(p));

runCases('security context validation (Go: pkg/apis/core/validation)', SECURITY_CONTEXT_CASES.filter((c) => !at132(c)));

describe('security context validation of fields newer than 1.28 (Go: pkg/apis/core/validation)', () => {
  for (const c of SECURITY_CONTEXT_CASES.filter(at132)) {
    test(`${c.go}: ${c.name}`, () => {
      expect(without128(problemsOf(c.manifest, c.options))).toEqual(c.problems);
    });
  }
});

/**
 * The pod-level rules, called the way the pod spec validation calls them (ValidatePodSpec:
 * validatePodSpecSecurityContext; ValidatePodSpecificAnnotations; ValidatePodCreate: the
 * annotation/field agreement), on the defaulted Pod.
 */
function podLevelProblems(manifest: any): string[] {
  const pod = structuredClone(manifest);
  defaultPod(pod);
  const problems = new Problems();
  const annotations = pod.metadata?.annotations;
  validatePodSecurityContext(pod.spec, 'spec', problems);
  validateSeccompPodAnnotations(annotations, 'metadata.annotations', problems);
  validateAppArmorPodAnnotations(annotations, pod.spec, 'metadata.annotations', problems);
  validateSeccompAnnotationsAndFields(annotations, pod.spec, 'spec', problems);
  validateAppArmorAnnotationsAndFieldsMatchOnCreate(annotations, pod.spec, 'spec', problems);
  return problems.messages;
}

describe('pod security context validation (Go: validatePodSpecSecurityContext, the annotation checks)', () => {
  for (const c of POD_SECURITY_CONTEXT_CASES) {
    test(`${c.go}: ${c.name}`, () => {
      expect(podLevelProblems(c.manifest)).toEqual(c.problems);
      if (c.problems.length === 0) {
        // The container-level rules accept it too, and so do the offline checks.
        expect(without128(problemsOf(c.manifest, c.options))).toEqual([]);
        if (c.offline128 !== false) {
          expect(inProcessProblems([c.manifest])).toEqual([]);
        }
      }
    });
  }
});
