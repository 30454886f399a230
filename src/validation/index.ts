/**
 * The mirror of the Kubernetes API server's validation, laid out like the Go packages it mirrors
 * (kubernetes `pkg/apis/core/validation`, `pkg/apis/apps/validation`, `pkg/apis/batch/validation`
 * and apimachinery `pkg/util/validation`): one file per area, one TypeScript function per Go
 * function, each citing its Go name. See docs/design.md.
 *
 * @internal
 */
export { checkPortNumber } from './common';
export { validateLabels, validateObjectMeta } from './metadata';
export { PodSpecOwner, validatePodSpec } from './pod-spec';
export { isQuantity } from './quantity';
export { validateDeploymentSpec } from './workloads';
export { validateYamlScalars } from './yaml-scalars';
