import { Problems } from '../../src/problems';
import { defaultPod } from '../../src/validation/pod-spec';
import {
  validateAppArmorAnnotationsAndFieldsMatchOnCreate, validateAppArmorPodAnnotations, validatePodSecurityContext,
  validateSeccompAnnotationsAndFields, validateSeccompPodAnnotations,
} from '../../src/validation/security-context';
import { inProcessProblems } from '../k8s-validators';
import { problemsOf, runCases } from './cases';
import { POD_SECURITY_CONTEXT_CASES, SECURITY_CONTEXT_CASES } from './security-context.cases';

runCases('security context validation (Go: pkg/apis/core/validation)', SECURITY_CONTEXT_CASES);

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
        expect(problemsOf(c.manifest, c.options)).toEqual([]);
        if (c.offline128 !== false) {
          expect(inProcessProblems([c.manifest])).toEqual([]);
        }
      }
    });
  }
});
