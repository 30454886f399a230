/**
 * Object metadata and label selectors. Go: apimachinery `pkg/api/validation/objectmeta.go`
 * (`ValidateObjectMeta`, `ValidateAnnotations`, `ValidateOwnerReferences`, `ValidateFinalizers`),
 * `pkg/apis/meta/v1/validation` (`ValidateLabels`, `ValidateLabelSelector`, `ValidateManagedFields`)
 * and the core additions of `pkg/apis/core/validation/validation.go` (`validateKubeFinalizerName`,
 * `ValidateTemplateObjectMeta`).
 *
 * @internal
 */
import { PRINTABLE_UNICODE_15 } from './unicode-15';
import { Problems, show } from '../problems';
import { goToLower, isInteger, keyPath } from './common';
import { dns1123Label, dns1123Subdomain, generatedName, labelValue, maskTrailingDash, qualifiedName } from './names';

const TOTAL_ANNOTATION_SIZE = 256 * 1024;
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];


/** The name an object has when the API server validates it, and where it comes from. */
export interface CreatedName {
  /** `metadata.name`, or the name generated from `metadata.generateName`. */
  readonly name: string;
  /** The field the name comes from, for messages: `metadata.name` or `metadata.generateName`. */
  readonly path: string;
  /** The name as messages show it, saying where a generated name comes from. */
  readonly shown: string;
  /** The fix of a name that is too long: `Use a shorter name.` or `Use a shorter generateName.` */
  readonly shorter: string;
}

/**
 * The name the object has when the API server validates it: `metadata.name`, or, when it is
 * empty, the one generated from `metadata.generateName` (undefined without either). Rules that
 * derive names from the object's name (a CronJob's Jobs, an Indexed Job's pod hostnames) apply to
 * it.
 */
// Go: (*Store).create (apiserver pkg/registry/generic/registry/store.go): the name is generated
// from generateName before rest.BeforeCreate runs PrepareForCreate and the create validation.
export function createdName(meta: any): CreatedName | undefined {
  const name = meta !== null && typeof meta === 'object' ? meta.name : undefined;
  if (typeof name === 'string' && name.length > 0) {
    return { name, path: 'metadata.name', shown: show(name), shorter: 'Use a shorter name.' };
  }
  const generate = meta !== null && typeof meta === 'object' ? meta.generateName : undefined;
  if (typeof generate === 'string' && generate.length > 0) {
    const generated = generatedName(generate);
    return {
      name: generated,
      path: 'metadata.generateName',
      shown: `${show(generated)} (the name the API server generates from generateName ${show(generate)})`,
      shorter: 'Use a shorter generateName.',
    };
  }
  return undefined;
}

/**
 * Checks `metadata` as on create: name or generateName (by the kind's name rule, DNS-1123
 * subdomain by default), namespace, generation, labels, annotations, owner references,
 * finalizers and managed fields. The API server fills an empty namespace from the request, so
 * an object without one is accepted.
 */
// Go: ValidateObjectMeta (pkg/apis/core/validation/validation.go, apimachinery objectmeta.go)
export function validateObjectMeta(
  meta: any,
  path: string,
  problems: Problems,
  nameRule: (v: string) => string | undefined = dns1123Subdomain,
  nameRuleLabel = 'an object name',
): void {
  if (!meta || typeof meta !== 'object') {
    problems.add(`${path}.name`, 'is required; set name or generateName.');
    return;
  }
  const generate = typeof meta.generateName === 'string' && meta.generateName.length > 0 ? meta.generateName : undefined;
  if (generate !== undefined) {
    // With its trailing dash masked, as every Go `NameIs*` function checks a `generateName`.
    const r = nameRule(maskTrailingDash(generate));
    if (r) {
      problems.add(`${path}.generateName`, `${show(generate)} is not valid as the start of ${nameRuleLabel}: it ${r}.`);
    }
  }
  if (typeof meta.name === 'string' && meta.name.length > 0) {
    const r = nameRule(meta.name);
    if (r) {
      problems.add(`${path}.name`, `${show(meta.name)} is not valid as ${nameRuleLabel}: it ${r}.`);
    }
  } else if (generate !== undefined) {
    // The API server generates the name before it validates the object.
    const name = generatedName(generate);
    const r = nameRule(name);
    if (r) {
      problems.add(`${path}.name`, `${show(name)} (the name the API server generates from generateName ${show(generate)}) is not valid as ${nameRuleLabel}: it ${r}; shorten or fix generateName.`);
    }
  } else {
    problems.add(`${path}.name`, 'is required; set name or generateName.');
  }
  // ValidateObjectMeta -> ValidateNamespaceName (= NameIsDNSLabel).
  if (typeof meta.namespace === 'string' && meta.namespace.length > 0) {
    const r = dns1123Label(meta.namespace);
    if (r) {
      problems.add(`${path}.namespace`, `${show(meta.namespace)} is not a valid namespace: it ${r}.`);
    }
  }
  // ValidateNonnegativeField(generation)
  if (isInteger(meta.generation) && meta.generation < 0) {
    problems.add(`${path}.generation`, `${show(meta.generation)} must be greater than or equal to 0; remove it (the API server manages it).`);
  }
  validateLabels(meta.labels, `${path}.labels`, problems);
  validateAnnotations(meta.annotations, `${path}.annotations`, problems);
  validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`, problems);
  validateFinalizers(meta.finalizers, `${path}.finalizers`, problems);
  validateManagedFields(meta.managedFields, `${path}.managedFields`, problems);
}

/**
 * Create preparation of metadata: the fields the API server sets itself on create replace what
 * the manifest says (the line would vanish), and `resourceVersion` on create is an error.
 */
// Go: BeforeCreate (apiserver pkg/registry/rest/create.go: FillObjectMetaSystemFields, deletionTimestamp reset) and Store.Create (resourceVersion)
export function prepareObjectMetaForCreate(meta: any, path: string, problems: Problems): void {
  if (!meta || typeof meta !== 'object') {
    return;
  }
  for (const field of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink']) {
    if (meta[field] !== undefined && meta[field] !== null && meta[field] !== '') {
      problems.add(`${path}.${field}`, `${show(meta[field])} would vanish (this library's contract): the API server sets ${field} itself on create and drops this value; remove it.`);
    }
  }
  const rv = meta.resourceVersion;
  if (rv !== undefined && rv !== null && rv !== '') {
    // Go: APIObjectVersioner.ObjectResourceVersion (strconv.ParseUint): a version other than 0 is
    // refused; anything else is cleared by PrepareObjectForStorage.
    if (typeof rv === 'string' && /^[0-9]+$/.test(rv) && BigInt(rv) > BigInt(0) && BigInt(rv) <= BigInt('18446744073709551615')) {
      problems.add(`${path}.resourceVersion`, `${show(rv)} must not be set on an object to be created (the API server refuses it: "resourceVersion should not be set on objects to be created"); remove it.`);
    } else {
      problems.add(`${path}.resourceVersion`, `${show(rv)} would vanish (this library's contract): the API server sets resourceVersion itself on create and drops this value; remove it.`);
    }
  }
}

/**
 * Checks a label map (also used for selectors and nodeSelector).
 */
// Go: ValidateLabels (apimachinery pkg/apis/meta/v1/validation/validation.go)
export function validateLabels(labels: { [key: string]: unknown } | undefined, path: string, problems: Problems): void {
  if (labels === null || typeof labels !== 'object') {
    return;
  }
  for (const [key, value] of Object.entries(labels)) {
    const k = qualifiedName(key);
    if (k) {
      problems.add(path, `label key ${show(key)} is invalid: it ${k}.`);
    }
    if (typeof value !== 'string') {
      const fix = typeof value === 'number' || typeof value === 'boolean' ? `quote it (e.g. '${String(value)}')` : "write a string (e.g. 'web')";
      problems.add(keyPath(path, key), `label value ${show(value)} must be a string; ${fix}.`);
      continue;
    }
    const v = labelValue(value);
    if (v) {
      problems.add(keyPath(path, key), `label value ${show(value)} is invalid: it ${v}.`);
    }
  }
}

/** A label key (also a toleration key, a topology key, a node selector requirement key). */
// Go: ValidateLabelName (apimachinery pkg/apis/meta/v1/validation/validation.go)
export function validateLabelName(key: unknown, path: string, problems: Problems, what = 'label key'): void {
  const r = typeof key === 'string' ? qualifiedName(key) : 'must be a string';
  if (r) {
    problems.add(path, `${show(key)} is not a valid ${what}: it ${r}.`);
  }
}

/** Annotation keys are qualified names (compared lower-cased); keys and values total at most 256 KiB. */
// Go: ValidateAnnotations (apimachinery pkg/api/validation/objectmeta.go)
export function validateAnnotations(annotations: { [key: string]: unknown } | undefined, path: string, problems: Problems): void {
  if (annotations === null || typeof annotations !== 'object') {
    return;
  }
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) {
    const k = qualifiedName(goToLower(key));
    if (k) {
      problems.add(path, `annotation key ${show(key)} is invalid: it ${k}.`);
    }
    if (typeof value !== 'string') {
      problems.add(keyPath(path, key), `annotation value ${show(value)} must be a string; quote it.`);
      continue;
    }
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (size > TOTAL_ANNOTATION_SIZE) {
    problems.add(path, `annotations total ${size} bytes; the API server allows at most ${TOTAL_ANNOTATION_SIZE} (256 KiB). Move large data into a ConfigMap.`);
  }
}

/**
 * The group of an apiVersion, as schema.ParseGroupVersion reads it ('' for 'v1' and '/v1'; ''
 * too for what it cannot parse, which the object's own validation reports).
 */
export function groupOf(apiVersion: string): string {
  const parts = apiVersion.split('/');
  return parts.length === 2 ? parts[0] : '';
}

/** Go: schema.FromAPIVersionAndKind -> ParseGroupVersion: "v1", "group/version"; anything else has no version. */
function versionOf(apiVersion: unknown): string {
  if (typeof apiVersion !== 'string' || apiVersion.length === 0) {
    return '';
  }
  const parts = apiVersion.split('/');
  if (parts.length === 1) {
    return apiVersion;
  }
  return parts.length === 2 ? parts[1] : '';
}

/** Each owner reference names apiVersion, kind, name and uid; at most one is the controller; an Event cannot own. */
// Go: ValidateOwnerReferences (apimachinery pkg/api/validation/objectmeta.go)
export function validateOwnerReferences(refs: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(refs)) {
    return;
  }
  let firstController: string | undefined;
  // Go: dedupOwnerReferencesAndAddWarning (apiserver handlers, 1.20+): exact duplicates are
  // removed, with a warning, before the object is validated.
  const seen = new Set<string>();
  refs.forEach((ref: any, i: number) => {
    const identity = ownerReferenceKey(ref);
    if (identity !== undefined) {
      if (seen.has(identity)) {
        return;
      }
      seen.add(identity);
    }
    const rpath = `${path}[${i}]`;
    // Go: validateOwnerReference
    if (versionOf(ref?.apiVersion) === '') {
      problems.add(`${rpath}.apiVersion`, `${show(ref?.apiVersion ?? '')} has no version; write the owner's apiVersion (e.g. 'apps/v1' or 'v1').`);
    }
    for (const [field, what] of [['kind', 'kind'], ['name', 'name'], ['uid', 'uid (the API server gave it when the owner was created)']]) {
      if (typeof ref?.[field] !== 'string' || ref[field].length === 0) {
        problems.add(`${rpath}.${field}`, `must not be empty; set the owner's ${what}.`);
      }
    }
    // Go: BannedOwners, keyed by schema.FromAPIVersionAndKind ('/v1' is the core group too).
    if (typeof ref?.apiVersion === 'string' && groupOf(ref.apiVersion) === '' && versionOf(ref.apiVersion) === 'v1' && ref?.kind === 'Event') {
      problems.add(rpath, 'an Event (v1) is not allowed to be an owner; reference another object.');
    }
    if (ref?.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController !== undefined) {
        problems.add(`${rpath}.controller`, `true is set for ${current} and for ${firstController}; only one owner reference may be the controller.`);
      } else {
        firstController = current;
      }
    }
  });
}

/** Finalizers are qualified names, or one of the standard ones; orphan and foregroundDeletion exclude each other. */
// Go: ValidateFinalizers (apimachinery pkg/api/validation/objectmeta.go) and validateKubeFinalizerName (validation.go)
export function validateFinalizers(finalizers: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(finalizers)) {
    return;
  }
  const invalid = new Set<number>();
  finalizers.forEach((f: unknown, i: number) => {
    const r = typeof f === 'string' ? qualifiedName(f) : 'must be a string';
    if (r) {
      invalid.add(i);
      problems.add(`${path}[${i}]`, `finalizer ${show(f)} is invalid: it ${r}.`);
    }
  });
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    problems.add(path, 'finalizers "orphan" and "foregroundDeletion" cannot both be set; keep one.');
  }
  finalizers.forEach((f: unknown, i: number) => {
    // Go (validateKubeFinalizerName): only for a name ValidateFinalizerName accepts; an invalid
    // one is reported above, and 'example.com/<it>' would not mend it.
    if (typeof f === 'string' && !invalid.has(i) && !f.includes('/') && !STANDARD_FINALIZERS.includes(f)) {
      problems.add(`${path}[${i}]`, `${show(f)} is neither a standard finalizer name (${STANDARD_FINALIZERS.join(', ')}) nor fully qualified; write it with a domain (e.g. 'example.com/${f}').`);
    }
  });
}

/** Managed fields: operation Apply or Update, fieldsType FieldsV1, a printable manager of at most 128 bytes. */
// Go: ValidateManagedFields (apimachinery pkg/apis/meta/v1/validation/validation.go)
export function validateManagedFields(entries: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(entries)) {
    return;
  }
  // Go: on create, the field manager (fieldmanager.go decodeLiveOrNew) replaces managedFields
  // before validation when they are a reset ([] or [{}]) or when any entry does not decode
  // (DecodeManagedFields: operation Apply or Update, an apiVersion, fieldsType FieldsV1).
  const reset = entries.length === 0 || (entries.length === 1 && isZeroEntry(entries[0]));
  const decodes = entries.every((e: any) => (e?.operation === 'Apply' || e?.operation === 'Update')
    && typeof e?.apiVersion === 'string' && e.apiVersion.length > 0 && e?.fieldsType === 'FieldsV1');
  if (reset || !decodes) {
    return;
  }
  entries.forEach((e: any, i: number) => {
    // The field manager deletes an entry whose field set is empty (structured-merge-diff's
    // Updater drops a manager left with no fields) before validation.
    const fields = e?.fieldsV1;
    if (fields === undefined || fields === null || (typeof fields === 'object' && !Array.isArray(fields) && Object.keys(fields).length === 0)) {
      return;
    }
    const p = `${path}[${i}]`;
    if (e?.operation !== 'Apply' && e?.operation !== 'Update') {
      problems.add(`${p}.operation`, `${show(e?.operation ?? '')} is not supported; use Apply or Update.`);
    }
    if (typeof e?.fieldsType === 'string' && e.fieldsType.length > 0 && e.fieldsType !== 'FieldsV1') {
      problems.add(`${p}.fieldsType`, `${show(e.fieldsType)} is not supported; use FieldsV1.`);
    }
    if (typeof e?.manager === 'string') {
      // Go's len counts bytes.
      const bytes = Buffer.byteLength(e.manager, 'utf8');
      if (bytes > 128) {
        problems.add(`${p}.manager`, `must be no more than 128 bytes (it has ${bytes}).`);
      }
      if ([...e.manager].some((ch) => !goIsPrint(ch))) {
        problems.add(`${p}.manager`, `${show(e.manager)} contains a character that is not printable; remove it.`);
      }
    }
    if (typeof e?.subresource === 'string' && Buffer.byteLength(e.subresource, 'utf8') > 256) {
      problems.add(`${p}.subresource`, `must be no more than 256 bytes (it has ${Buffer.byteLength(e.subresource, 'utf8')}).`);
    }
  });
}

/**
 * Whether Go's unicode.IsPrint, with the Unicode 15.0 tables of the Go that builds Kubernetes 1.32,
 * takes the character: a letter, mark, number, punctuation or symbol of 15.0, or the ASCII space
 * (whatever tables the running Node has).
 */
// Go: unicode.IsPrint (Go 1.23: unicode.Version 15.0.0)
function goIsPrint(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  let lo = 0;
  let hi = PRINTABLE_UNICODE_15.length - 1;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const [first, last] = PRINTABLE_UNICODE_15[mid];
    if (cp < first) {
      hi = mid - 1;
    } else if (cp > last) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

/**
 * Label selectors (matchLabels and matchExpressions), with their values checked as label
 * values (`AllowInvalidLabelValueInSelector` is false on create). Returns whether the selector
 * converts (`metav1.LabelSelectorAsSelector`).
 */
// Go: ValidateLabelSelector (apimachinery pkg/apis/meta/v1/validation/validation.go)
export function validateLabelSelector(selector: any, path: string, problems: Problems): boolean {
  if (selector === undefined || selector === null) {
    return true;
  }
  const before = problems.count;
  validateLabels(selector.matchLabels, `${path}.matchLabels`, problems);
  (Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []).forEach((expr: any, i: number) => {
    validateLabelSelectorRequirement(expr, `${path}.matchExpressions[${i}]`, problems);
  });
  // metav1.LabelSelectorAsSelector succeeds exactly when these checks pass.
  return problems.count === before;
}

// Go: ValidateLabelSelectorRequirement (apimachinery pkg/apis/meta/v1/validation/validation.go)
export function validateLabelSelectorRequirement(sr: any, path: string, problems: Problems): void {
  const values: unknown[] = Array.isArray(sr?.values) ? sr.values : [];
  switch (sr?.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        problems.add(`${path}.values`, `must be specified when operator is ${sr.operator}; list at least one value.`);
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        problems.add(`${path}.values`, `may not be specified when operator is ${sr.operator}; remove them.`);
      }
      break;
    default:
      problems.add(`${path}.operator`, `${show(sr?.operator ?? '')} is not a valid selector operator; use In, NotIn, Exists or DoesNotExist.`);
  }
  validateLabelName(sr?.key ?? '', `${path}.key`, problems);
  values.forEach((v, i) => {
    const r = typeof v === 'string' ? labelValue(v) : 'must be a string';
    if (r) {
      problems.add(`${path}.values[${i}]`, `${show(v)} is not a valid label value: it ${r}.`);
    }
  });
}

/** The metadata of an embedded template (a PVC template): only labels and annotations may be set. */
// Go: ValidateTemplateObjectMeta (validation.go)
export function validateTemplateObjectMeta(meta: any, path: string, problems: Problems): void {
  if (meta === undefined || meta === null || typeof meta !== 'object') {
    return;
  }
  validateAnnotations(meta.annotations, `${path}.annotations`, problems);
  validateLabels(meta.labels, `${path}.labels`, problems);
  // Go: validateFieldAllowList compares each field with its zero value (reflect.DeepEqual): an
  // empty list is set (non-nil); generation 0 is not (an int64; deletionGracePeriodSeconds is a pointer).
  for (const [field, value] of Object.entries(meta)) {
    if (field !== 'labels' && field !== 'annotations' && value !== undefined && value !== null && value !== '' && !(field === 'generation' && value === 0)) {
      problems.add(`${path}.${field}`, 'cannot be set in a template: only labels and annotations are used; remove it.');
    }
  }
}

/** A ManagedFieldsEntry equal to Go's zero value: no field set (null and "" are unset). */
function isZeroEntry(e: unknown): boolean {
  return e !== null && typeof e === 'object' && !Array.isArray(e) && Object.values(e).every((v) => v === undefined || v === null || v === '');
}

/** The identity of an owner reference for Go's reflect.DeepEqual (key order aside); undefined for a value that is not an object. */
function ownerReferenceKey(ref: any): string | undefined {
  if (ref === null || typeof ref !== 'object' || Array.isArray(ref)) {
    return undefined;
  }
  // As decoded: an unset string is "", an unset pointer (controller, blockOwnerDeletion) nil.
  return JSON.stringify([...['apiVersion', 'kind', 'name', 'uid'].map((k) => ref[k] ?? ''), ...['controller', 'blockOwnerDeletion'].map((k) => ref[k] ?? null)]);
}
