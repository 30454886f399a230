/**
 * Workloads. Go: `pkg/apis/apps/validation/validation.go` (`ValidateDeploymentSpec`, ...) and
 * `pkg/apis/batch/validation/validation.go`.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { validateLabels } from './metadata';

const PERCENT = /^[0-9]+%$/;

/**
 * Checks a Deployment spec. Go (apps): `ValidateDeploymentSpec` (replicas, selector required and
 * non-empty, `ValidatePodTemplateSpecForReplicaSet`: selector matches the template labels,
 * restartPolicy Always, no activeDeadlineSeconds), `ValidateDeploymentStrategy`,
 * `ValidateRollingUpdateDeployment`, minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds.
 */
export function validateDeploymentSpec(spec: any, path: string, problems: Problems): void {
  const matchLabels: { [key: string]: string } = spec.selector?.matchLabels ?? {};
  const matchExpressions: any[] = spec.selector?.matchExpressions ?? [];
  if (Object.keys(matchLabels).length + matchExpressions.length === 0) {
    problems.add(`${path}.selector`, 'a Deployment selects its pods by label and none are declared; set metadata.labels (e.g. { app: \'web\' }). They become the pod template labels and the selector.');
  } else {
    validateLabels(matchLabels, `${path}.selector.matchLabels`, problems);
    const templateLabels: { [key: string]: string } = spec.template?.metadata?.labels ?? {};
    for (const [k, v] of Object.entries(matchLabels)) {
      if (templateLabels[k] !== v) {
        problems.add(`${path}.template.metadata.labels`, `selector ${k}=${v} does not match the template labels; the selector must match the pod template's labels.`);
      }
    }
  }
  for (const field of ['replicas', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds']) {
    const v = spec[field];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) {
      problems.add(`${path}.${field}`, `${show(v)} must be a non-negative integer.`);
    }
  }
  // progressDeadlineSeconds (defaulted to 600 by apps/v1) must be greater than minReadySeconds.
  const progress = spec.progressDeadlineSeconds ?? 600;
  if (Number.isInteger(spec.minReadySeconds) && Number.isInteger(progress) && progress <= spec.minReadySeconds) {
    const which = spec.progressDeadlineSeconds === undefined ? ' (the default 600)' : '';
    problems.add(`${path}.progressDeadlineSeconds`, `${show(progress)}${which} must be greater than minReadySeconds ${show(spec.minReadySeconds)}; raise progressDeadlineSeconds or lower minReadySeconds.`);
  }
  validateStrategy(spec.strategy, `${path}.strategy`, problems);

  const templateSpec = spec.template?.spec ?? {};
  if (templateSpec.restartPolicy !== undefined && templateSpec.restartPolicy !== 'Always') {
    problems.add(`${path}.template.spec.restartPolicy`, `${show(templateSpec.restartPolicy)} is not supported in a Deployment; the only allowed value is Always (omit it). Use a bare Pod for run-once work.`);
  }
  if (templateSpec.activeDeadlineSeconds !== undefined) {
    problems.add(`${path}.template.spec.activeDeadlineSeconds`, `${show(templateSpec.activeDeadlineSeconds)} is not supported in a Deployment; remove it.`);
  }
}

/** Go (apps): `ValidateDeploymentStrategy` + `ValidateRollingUpdateDeployment` (after the 25%/25% defaults). */
function validateStrategy(strategy: any, path: string, problems: Problems): void {
  if (strategy === undefined) {
    return;
  }
  const type = strategy.type ?? 'RollingUpdate';
  if (type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined) {
      problems.add(`${path}.rollingUpdate`, "may not be specified when strategy type is 'Recreate'; remove it.");
    }
    return;
  }
  if (type !== 'RollingUpdate') {
    problems.add(`${path}.type`, `${show(type)} is not supported; use Recreate or RollingUpdate.`);
    return;
  }
  const values: { [field: string]: number | undefined } = {};
  for (const field of ['maxUnavailable', 'maxSurge']) {
    const v = strategy.rollingUpdate?.[field] ?? '25%';
    const fpath = `${path}.rollingUpdate.${field}`;
    if (typeof v === 'string') {
      if (!PERCENT.test(v)) {
        problems.add(fpath, `${show(v)} is not a valid percent; write a number followed by '%' (e.g. '25%') or an integer.`);
      } else {
        values[field] = Number(v.slice(0, -1));
        if (field === 'maxUnavailable' && values[field]! > 100) {
          problems.add(fpath, `${show(v)} must not be greater than 100%.`);
        }
      }
    } else if (!Number.isInteger(v) || v < 0) {
      problems.add(fpath, `${show(v)} must be a non-negative integer or a percent.`);
    } else {
      values[field] = v;
    }
  }
  if (values.maxUnavailable === 0 && values.maxSurge === 0) {
    problems.add(`${path}.rollingUpdate.maxUnavailable`, 'may not be 0 when maxSurge is 0: the rollout could never make progress. Allow one of them to be above 0.');
  }
}
