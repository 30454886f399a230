import { runCases } from './cases';
import { VOLUME_CASES } from './volumes.cases';

runCases('volumes (ValidateVolumes, validateVolumeSource)', VOLUME_CASES);
