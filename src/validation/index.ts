/**
 * The mirror of the Kubernetes API server's validation, laid out like the Go packages it mirrors
 * (kubernetes `pkg/apis/core/validation`, `pkg/apis/apps/validation`, `pkg/apis/batch/validation`
 * and apimachinery `pkg/util/validation`): one file per area, one TypeScript function per Go
 * function, each citing its Go name. See docs/design.md.
 *
 * @internal
 */
import { unknownFields } from '../k8s-values';
import { Problems, show } from '../problems';
import { validateObjectMeta } from './metadata';
import { defaultPod, preparePod, prepareForCreatePod, validatePodCreate, validatePodTemplateSpec } from './pod-spec';
import { ServiceValidationOptions, validateService } from './service';
import { validateDeploymentSpec } from './workloads';
import { validateYamlScalars } from './yaml-scalars';

export { checkPortNumber } from './common';
export { validateLabels, validateObjectMeta } from './metadata';
export {
  PodSpecOwner, validatePodSpec, validatePodTemplateSpec, preparePodSpec, dropDisabledPodSpecFields, defaultPodSpec, defaultPod,
} from './pod-spec';
export { isQuantity } from './quantity';
export { validateDeploymentSpec } from './workloads';
export { validateYamlScalars } from './yaml-scalars';

/** Options of `validateObject`. */
export interface ValidationOptions extends ServiceValidationOptions {}

/** What the API server does with one kind on create. */
interface KindRules {
  /** The schema type of `spec` (src/k8s-schema.ts), for the decode step. */
  readonly specType?: string;
  /** Step 2: report fields the server would drop on create (the user's line would vanish). */
  readonly prepare?: (manifest: any, problems: Problems) => void;
  /** Step 3: apply the server's defaults to a deep copy (in place). */
  readonly defaults?: (copy: any) => void;
  /** Step 4: the create validation of the defaulted copy; `original` is the object as written. */
  readonly validate: (defaulted: any, problems: Problems, options: ValidationOptions, original: any) => void;
}

const KINDS: { [apiVersionAndKind: string]: KindRules } = {
  // Go: ValidatePodCreate (validation.go)
  'v1/Pod': {
    specType: 'PodSpec',
    // Go: PrepareForCreate (pkg/registry/core/pod/strategy.go): what would vanish is an error.
    prepare: preparePod,
    // Go: SetObjectDefaults_Pod, then PrepareForCreate's drops and mutations, as the server does.
    defaults: (pod) => {
      defaultPod(pod);
      prepareForCreatePod(pod);
    },
    validate: (pod, problems) => validatePodCreate(pod, problems),
  },
  // Go (apps): ValidateDeployment
  'apps/v1/Deployment': {
    specType: 'DeploymentSpec',
    validate: (deployment, problems) => {
      validateObjectMeta(deployment.metadata, 'metadata', problems);
      validateDeploymentSpec(deployment.spec ?? {}, 'spec', problems);
      validatePodTemplateSpec(deployment.spec?.template, 'spec.template', problems);
    },
  },
  // Go: ValidateService
  'v1/Service': {
    specType: 'ServiceSpec',
    validate: (service, problems, options) => validateService(service, problems, options),
  },
};

/** The kinds `validateObject` knows, as `apiVersion/kind`. */
export const VALIDATED_KINDS = Object.keys(KINDS);

/**
 * Checks an object as the API server checks it on create: decode (unknown fields, JSON types),
 * create preparation (fields dropped silently are errors), defaulting (on a copy), then the create
 * validation of its kind. Problems are added to `problems` with their field paths.
 */
export function validateObject(manifest: any, problems: Problems, options: ValidationOptions = {}): void {
  const apiVersion = manifest?.apiVersion;
  const kind = manifest?.kind;
  const rules = KINDS[`${apiVersion}/${kind}`];
  if (!rules) {
    problems.add('kind', `${show(kind)} (apiVersion ${show(apiVersion)}) is not a kind this library can check; it validates ${VALIDATED_KINDS.join(', ')}. Remove the JSON patch that changed apiVersion or kind, or write this object with a cdk8s L1 class.`);
    return;
  }
  // This library's contract: every string reads back from the YAML as it was written.
  validateYamlScalars(manifest, '', problems);
  if (rules.specType) {
    unknownFields(rules.specType, manifest.spec, 'spec', problems);
  }
  rules.prepare?.(manifest, problems);
  let defaulted = manifest;
  if (rules.defaults) {
    defaulted = structuredClone(manifest);
    rules.defaults(defaulted);
  }
  rules.validate(defaulted, problems, options, manifest);
}
