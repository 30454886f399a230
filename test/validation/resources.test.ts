import { runCases } from './cases';
import { RESOURCES_CASES } from './resources.cases';

runCases('resources validation (Go: pkg/apis/core/validation)', RESOURCES_CASES);
