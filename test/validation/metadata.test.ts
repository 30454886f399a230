import { runCases } from './cases';
import { METADATA_CASES } from './metadata.cases';

runCases('object metadata (ValidateObjectMeta)', METADATA_CASES);
