import { runCases } from './cases';
import { SCHEDULING_CASES, SCHEDULING_CASES_1_32 } from './scheduling.cases';
import { runCases132 } from './schema-version';

runCases('scheduling (affinity, tolerations, topology spread, gates)', SCHEDULING_CASES);
runCases132('scheduling with fields added after 1.28', SCHEDULING_CASES_1_32);
