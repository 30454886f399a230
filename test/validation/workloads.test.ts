import { runCases } from './cases';
import { APPS_CASES, BATCH_CASES } from './workloads.cases';

runCases('apps workloads (ValidateDeployment, ValidateStatefulSet, ValidateDaemonSet)', APPS_CASES);
runCases('batch workloads (ValidateJob, ValidateCronJobCreate)', BATCH_CASES);
