import { runCases } from './cases';
import { POD_SECURITY_CONTEXT_CASES, SECURITY_CONTEXT_CASES } from './security-context.cases';

runCases('security context validation (Go: pkg/apis/core/validation)', SECURITY_CONTEXT_CASES);
runCases('pod security context validation (Go: validatePodSpecSecurityContext, the annotation checks)', POD_SECURITY_CONTEXT_CASES);
