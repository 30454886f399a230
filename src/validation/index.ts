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
import { defaultPod, validatePodCreate, validatePodTemplateSpec } from './pod-spec';
import { ServiceValidationOptions, validateService } from './service';
import { validateDeploymentSpec } from './workloads';
import { validateYamlScalars } from './yaml-scalars';

export { checkPortNumber } from './common';
export { validateLabels, validateObjectMeta } from './metadata';
export { PodSpecOwner, validatePodSpec } from './pod-spec';
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
    defaults: defaultPod,
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
  // Interim until the apps and batch mirrors land: metadata and the pod template.
  'apps/v1/StatefulSet': {
    specType: 'StatefulSetSpec',
    // The pods of a StatefulSet also mount the claims of its volumeClaimTemplates.
    validate: (o, problems) => validateTemplated(withClaimVolumes(o), 'spec.template', problems),
  },
  'apps/v1/DaemonSet': { specType: 'DaemonSetSpec', validate: (o, problems) => validateTemplated(o, 'spec.template', problems) },
  'batch/v1/Job': { specType: 'JobSpec', validate: (o, problems) => validateTemplated(o, 'spec.template', problems) },
  'batch/v1/CronJob': { specType: 'CronJobSpec', validate: (o, problems) => validateTemplated(o, 'spec.jobTemplate.spec.template', problems) },
  'v1/ConfigMap': { validate: (o, problems) => validateObjectMeta(o.metadata, 'metadata', problems) },
  // Go: ValidateService
  'v1/Service': {
    specType: 'ServiceSpec',
    validate: (service, problems, options) => validateService(service, problems, options),
  },
};

function validateTemplated(o: any, templatePath: string, problems: Problems): void {
  validateObjectMeta(o.metadata, 'metadata', problems);
  const template = templatePath.split('.').reduce((v: any, k) => v?.[k], o);
  validatePodTemplateSpec(template, templatePath, problems);
}

function withClaimVolumes(o: any): any {
  const claims: any[] = Array.isArray(o?.spec?.volumeClaimTemplates) ? o.spec.volumeClaimTemplates : [];
  if (claims.length === 0 || !o.spec.template?.spec) {
    return o;
  }
  const copy = structuredClone(o);
  const spec = copy.spec.template.spec;
  const claimVolumes = claims.map((c) => ({ name: c?.metadata?.name, persistentVolumeClaim: { claimName: c?.metadata?.name } }));
  spec.volumes = [...(spec.volumes ?? []), ...claimVolumes];
  return copy;
}

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
