import { runCases } from './cases';
import { EXAMPLE_CASES } from './example.cases';

runCases('validation framework', EXAMPLE_CASES);
