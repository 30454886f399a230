import { runCases } from './cases';
import { ENV_CASES } from './env.cases';

runCases('env validation (Go: pkg/apis/core/validation)', ENV_CASES);
