import { runCases } from './cases';
import { POD_SPEC_CASES, POD_SPEC_CASES_1_32 } from './pod-spec.cases';
import { runCases132 } from './schema-version';

runCases('pods (ValidatePodCreate, ValidatePodSpec, defaults, create preparation)', POD_SPEC_CASES);
runCases132('pods with fields added after 1.28', POD_SPEC_CASES_1_32);
