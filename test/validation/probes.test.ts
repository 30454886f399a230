import { runCases } from './cases';
import { PROBES_CASES } from './probes.cases';

runCases('probes validation (Go: pkg/apis/core/validation)', PROBES_CASES);
