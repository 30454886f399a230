/**
 * Object metadata. Go: apimachinery `pkg/api/validation/objectmeta.go` (`ValidateObjectMeta`,
 * `ValidateAnnotations`) and `pkg/apis/meta/v1/validation` (`ValidateLabels`).
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { dns1123Label, dns1123Subdomain, labelValue, qualifiedName } from './names';

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

/**
 * Checks `metadata`: name (DNS-1123 subdomain by default), namespace, labels, annotations.
 * Go: apimachinery `ValidateObjectMeta` (objectmeta.go), with the kind's name function
 * (`ValidatePodName` = `NameIsDNSSubdomain`, `ValidateServiceName` = `NameIsDNS1035Label`, ...).
 */
export function validateObjectMeta(
  meta: any,
  path: string,
  problems: Problems,
  nameRule: (v: string) => string | undefined = dns1123Subdomain,
  nameRuleLabel = 'an object name',
): void {
  if (!meta) {
    return;
  }
  if (typeof meta.name === 'string') {
    const r = nameRule(meta.name);
    if (r) {
      problems.add(`${path}.name`, `${show(meta.name)} is not valid as ${nameRuleLabel}: it ${r}.`);
    }
  }
  // ValidateObjectMeta -> ValidateNamespaceName (= NameIsDNSLabel).
  if (typeof meta.namespace === 'string') {
    const r = dns1123Label(meta.namespace);
    if (r) {
      problems.add(`${path}.namespace`, `${show(meta.namespace)} is not a valid namespace: it ${r}.`);
    }
  }
  validateLabels(meta.labels, `${path}.labels`, problems);
  validateAnnotations(meta.annotations, `${path}.annotations`, problems);
}

/**
 * Checks a label map (also used for selectors and nodeSelector).
 * Go: apimachinery `ValidateLabels` -> `ValidateLabelName` (IsQualifiedName) + `IsValidLabelValue`.
 */
export function validateLabels(labels: { [key: string]: unknown } | undefined, path: string, problems: Problems): void {
  for (const [key, value] of Object.entries(labels ?? {})) {
    const k = qualifiedName(key);
    if (k) {
      problems.add(path, `label key ${show(key)} is invalid: it ${k}.`);
    }
    if (typeof value !== 'string') {
      problems.add(`${path}.${key}`, `label value ${show(value)} must be a string; quote it (e.g. '${String(value)}').`);
      continue;
    }
    const v = labelValue(value);
    if (v) {
      problems.add(`${path}.${key}`, `label value ${show(value)} is invalid: it ${v}.`);
    }
  }
}

/** Go: apimachinery `ValidateAnnotations`: IsQualifiedName(lower-cased key), total size at most 256 KiB. */
function validateAnnotations(annotations: { [key: string]: unknown } | undefined, path: string, problems: Problems): void {
  let size = 0;
  for (const [key, value] of Object.entries(annotations ?? {})) {
    const k = qualifiedName(key.toLowerCase());
    if (k) {
      problems.add(path, `annotation key ${show(key)} is invalid: it ${k}.`);
    }
    if (typeof value !== 'string') {
      problems.add(`${path}.${key}`, `annotation value ${show(value)} must be a string; quote it.`);
      continue;
    }
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (size > TOTAL_ANNOTATION_SIZE) {
    problems.add(path, `annotations total ${size} bytes; the API server allows at most ${TOTAL_ANNOTATION_SIZE} (256 KiB). Move large data into a ConfigMap.`);
  }
}
