/**
 * Scheduling: affinity, tolerations, topology spread, readiness and scheduling gates. Go:
 * `validateAffinity`, `ValidateNodeSelector`, `ValidateTolerations`,
 * `validateTopologySpreadConstraints` and friends in `pkg/apis/core/validation/validation.go`;
 * the matchLabelKeys mutation of `pkg/registry/core/pod/strategy.go`.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { FEATURE_GATES_1_32, isInteger, isSet } from './common';
import { validateLabelName, validateLabelSelector } from './metadata';
import { dns1123Label, labelValue, nameIsDNSSubdomain, qualifiedName } from './names';

const present = (v: unknown): boolean => v !== undefined && v !== null;
const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);

/**
 * Node affinity, pod affinity and pod anti-affinity. Label values in required node affinity and
 * in pod affinity selectors are checked (`AllowInvalidLabelValueInSelector` and
 * `AllowInvalidLabelValueInRequiredNodeAffinity` are false on create); preferred node affinity
 * terms may hold any value.
 */
// Go: validateAffinity (validation.go)
export function validateAffinity(affinity: any, path: string, problems: Problems): void {
  if (!present(affinity)) {
    return;
  }
  if (present(affinity.nodeAffinity)) {
    validateNodeAffinity(affinity.nodeAffinity, `${path}.nodeAffinity`, problems);
  }
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    // Go: validatePodAffinity, validatePodAntiAffinity
    const a = affinity[kind];
    if (!present(a)) {
      continue;
    }
    list(a.requiredDuringSchedulingIgnoredDuringExecution).forEach((term: any, i: number) => {
      validatePodAffinityTerm(term ?? {}, `${path}.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`, problems);
    });
    // Go: validateWeightedPodAffinityTerms
    list(a.preferredDuringSchedulingIgnoredDuringExecution).forEach((w: any, i: number) => {
      const wpath = `${path}.${kind}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      checkWeight(w?.weight, `${wpath}.weight`, problems);
      validatePodAffinityTerm(w?.podAffinityTerm ?? {}, `${wpath}.podAffinityTerm`, problems);
    });
  }
}

function checkWeight(weight: unknown, path: string, problems: Problems): void {
  const w = weight ?? 0;
  if (!isInteger(w) || w <= 0 || w > 100) {
    problems.add(path, `${show(w)} must be in the range 1-100.`);
  }
}

// Go: validateNodeAffinity (validation.go)
function validateNodeAffinity(na: any, path: string, problems: Problems): void {
  if (present(na.requiredDuringSchedulingIgnoredDuringExecution)) {
    validateNodeSelector(na.requiredDuringSchedulingIgnoredDuringExecution, false, `${path}.requiredDuringSchedulingIgnoredDuringExecution`, problems);
  }
  // Go: ValidatePreferredSchedulingTerms (invalid label values are allowed in preferred terms)
  list(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((term: any, i: number) => {
    const tpath = `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    checkWeight(term?.weight, `${tpath}.weight`, problems);
    validateNodeSelectorTerm(term?.preference ?? {}, true, `${tpath}.preference`, problems);
  });
}

/** At least one term; each term's requirements. */
// Go: ValidateNodeSelector (validation.go)
export function validateNodeSelector(ns: any, allowInvalidLabelValue: boolean, path: string, problems: Problems): void {
  const terms = list(ns?.nodeSelectorTerms);
  if (terms.length === 0) {
    problems.add(`${path}.nodeSelectorTerms`, 'must have at least one node selector term; add one.');
    return;
  }
  terms.forEach((term: any, i: number) => validateNodeSelectorTerm(term ?? {}, allowInvalidLabelValue, `${path}.nodeSelectorTerms[${i}]`, problems));
}

// Go: ValidateNodeSelectorTerm (validation.go)
export function validateNodeSelectorTerm(term: any, allowInvalidLabelValue: boolean, path: string, problems: Problems): void {
  list(term.matchExpressions).forEach((rq: any, j: number) => {
    validateNodeSelectorRequirement(rq ?? {}, allowInvalidLabelValue, `${path}.matchExpressions[${j}]`, problems);
  });
  list(term.matchFields).forEach((rq: any, j: number) => {
    validateNodeFieldSelectorRequirement(rq ?? {}, `${path}.matchFields[${j}]`, problems);
  });
}

/** In/NotIn need values, Exists/DoesNotExist none, Gt/Lt exactly one; the key a label name; values label values. */
// Go: ValidateNodeSelectorRequirement (validation.go)
export function validateNodeSelectorRequirement(rq: any, allowInvalidLabelValue: boolean, path: string, problems: Problems): void {
  const values = list(rq.values);
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        problems.add(`${path}.values`, `must be specified when operator is ${rq.operator}; list at least one value.`);
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        problems.add(`${path}.values`, `may not be specified when operator is ${rq.operator}; remove them.`);
      }
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        problems.add(`${path}.values`, `must have exactly one value when operator is ${rq.operator} (an integer, e.g. ['3']).`);
      }
      break;
    default:
      problems.add(`${path}.operator`, `${show(rq.operator ?? '')} is not a valid node selector operator; use In, NotIn, Exists, DoesNotExist, Gt or Lt.`);
  }
  validateLabelName(rq.key ?? '', `${path}.key`, problems);
  // Kubernetes 1.33 (kubernetes#128212) checks the values of required node affinity on create;
  // 1.32 does not. This library checks them, as its contract: a Deployment written with such a
  // value stops creating pods once the cluster runs 1.33.
  if (!allowInvalidLabelValue) {
    values.forEach((v: unknown, i: number) => {
      // A value that is not a string does not decode in 1.32 either: the decode step reports it.
      const r = typeof v === 'string' ? labelValue(v) : undefined;
      if (r) {
        problems.add(`${path}.values[${i}]`, `${show(v)} is not a valid label value: it ${r} (this library's contract: Kubernetes 1.33 and later reject it in required node affinity, 1.32 accepts it).`);
      }
    });
  }
}

/** matchFields: only metadata.name, with In or NotIn and exactly one node name. */
// Go: ValidateNodeFieldSelectorRequirement (validation.go)
export function validateNodeFieldSelectorRequirement(rq: any, path: string, problems: Problems): void {
  const values = list(rq.values);
  if (rq.operator === 'In' || rq.operator === 'NotIn') {
    if (values.length !== 1) {
      problems.add(`${path}.values`, `must have exactly one value (a node name) when operator is ${rq.operator} in matchFields.`);
    }
  } else {
    problems.add(`${path}.operator`, `${show(rq.operator ?? '')} is not a valid operator for matchFields; use In or NotIn.`);
  }
  if (rq.key !== 'metadata.name') {
    problems.add(`${path}.key`, `${show(rq.key ?? '')} is not a valid field selector key; matchFields supports only 'metadata.name'.`);
  } else {
    values.forEach((v: unknown, i: number) => {
      const r = typeof v === 'string' ? nameIsDNSSubdomain(v) : 'must be a string';
      if (r) {
        problems.add(`${path}.values[${i}]`, `${show(v)} is not a valid node name: it ${r}.`);
      }
    });
  }
}

/** Selectors, namespaces (DNS labels), matchLabelKeys/mismatchLabelKeys, topologyKey required and a label name. */
// Go: validatePodAffinityTerm (validation.go)
export function validatePodAffinityTerm(term: any, path: string, problems: Problems): void {
  // Go: ValidatePodAffinityTermSelector
  validateLabelSelector(term.labelSelector, `${path}.labelSelector`, problems);
  validateLabelSelector(term.namespaceSelector, `${path}.namespaceSelector`, problems);
  list(term.namespaces).forEach((ns: unknown, i: number) => {
    const r = typeof ns === 'string' ? dns1123Label(ns) : 'must be a string';
    if (r) {
      problems.add(`${path}.namespaces[${i}]`, `${show(ns)} is not a valid namespace: it ${r}.`);
    }
  });
  validateMatchLabelKeysAndMismatchLabelKeys(path, term.matchLabelKeys, term.mismatchLabelKeys, term.labelSelector, problems);
  if (!isSet(term.topologyKey)) {
    problems.add(`${path}.topologyKey`, "can not be empty; set a node label key (e.g. 'kubernetes.io/hostname' or 'topology.kubernetes.io/zone').");
  } else {
    validateLabelName(term.topologyKey, `${path}.topologyKey`, problems);
  }
}

/**
 * matchLabelKeys and mismatchLabelKeys need a labelSelector and hold label keys; a key may not
 * be in both lists, nor both in matchLabelKeys and in the selector (for a Pod, the API server
 * first adds `key In (the pod's value)` to the selector for each matchLabelKeys key the pod has).
 */
// Go: validateMatchLabelKeysAndMismatchLabelKeys (validation.go)
export function validateMatchLabelKeysAndMismatchLabelKeys(path: string, matchLabelKeys: unknown, mismatchLabelKeys: unknown, selector: any, problems: Problems, note = ''): void {
  const match = list(matchLabelKeys);
  const mismatch = list(mismatchLabelKeys);
  for (const [field, keys] of [['matchLabelKeys', match], ['mismatchLabelKeys', mismatch]] as const) {
    // Go: validateLabelKeys
    if (keys.length === 0) {
      continue;
    }
    if (!present(selector)) {
      problems.add(`${path}.${field}`, `must not be set when labelSelector is not set; add a labelSelector or remove ${field}.`);
      continue;
    }
    keys.forEach((k: unknown, i: number) => validateLabelName(k, `${path}.${field}[${i}]`, problems));
  }
  if (present(selector)) {
    // Each key of the selector, with the expression that put it there (undefined: the user's matchLabels).
    const seen = new Map<string, any>(Object.keys(selector.matchLabels ?? {}).map((k) => [k, undefined]));
    // Go reports each repeat of a key; one message says it for all (the same words twice would say nothing more).
    const said = new Set<string>();
    for (const expr of list(selector.matchExpressions)) {
      const key = expr?.key;
      const i = match.lastIndexOf(key); // Go: labelKeysMap[key] = i, the last index of the key
      const message = i >= 0 && seen.has(key) ? `${show(key)} ${matchLabelKeyClash(key, seen.get(key), expr, note !== '', match)}${note}.` : undefined;
      if (message !== undefined && !said.has(message)) {
        said.add(message);
        problems.add(`${path}.matchLabelKeys[${i}]`, message);
      }
      if (!seen.has(key)) {
        seen.set(key, expr);
      }
    }
  }
  const mismatchSet = new Set(mismatch);
  match.forEach((k: unknown, i: number) => {
    if (mismatchSet.has(k)) {
      problems.add(`${path}.matchLabelKeys[${i}]`, `${show(k)} is in both matchLabelKeys and mismatchLabelKeys; keep it in one.`);
    }
  });
}

/**
 * Why a key of matchLabelKeys is in the selector twice: the user's selector has it, or (for a Pod)
 * the API server added it from the Pod's label for each of two keys (`ADDED_FROM_LABELS`).
 */
function matchLabelKeyClash(key: string, earlier: any, expr: any, template: boolean, match: unknown[]): string {
  // (A template's labels may hold a stand-in for the controller's own, such as pod-template-hash.)
  const value = template ? 'its value' : expr?.values?.[0];
  if (!ADDED_FROM_LABELS.has(expr)) {
    return 'is also in labelSelector; remove it from one of them';
  }
  const count = match.filter((k) => k === key).length;
  if ((earlier === undefined || !ADDED_FROM_LABELS.has(earlier)) && count > 1) {
    return `is in labelSelector, and listed ${times(count)} in matchLabelKeys, for each of which the API server adds ${key} In (${value}) to the selector from the Pod's label; `
      + 'remove it from labelSelector and list it once in matchLabelKeys, or remove it from matchLabelKeys';
  }
  if (earlier === undefined || !ADDED_FROM_LABELS.has(earlier)) {
    return `is in labelSelector and in matchLabelKeys, for which the API server adds ${key} In (${value}) to the selector from the Pod's label; remove it from one of them`;
  }
  return expr.operator === 'NotIn'
    ? `is in matchLabelKeys and in mismatchLabelKeys: the API server adds ${key} In (${value}) and ${key} NotIn (${value}) to labelSelector from the Pod's label, `
      + 'so the selector would have the key more than once; keep it in one'
    : `is listed ${times(count)} in matchLabelKeys: the API server adds ${key} In (${value}) to labelSelector from the Pod's label for each, `
      + 'so the selector would have the key more than once; list it once';
}

function times(n: number): string {
  return n === 2 ? 'twice' : `${n} times`;
}

/** The expressions `mutatePodAffinity` added to a selector from the Pod's labels. */
const ADDED_FROM_LABELS = new WeakSet<object>();

function affinityTerms(affinity: any): any[] {
  const terms: any[] = [];
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const a = affinity?.[kind];
    terms.push(...list(a?.requiredDuringSchedulingIgnoredDuringExecution));
    terms.push(...list(a?.preferredDuringSchedulingIgnoredDuringExecution).map((w: any) => w?.podAffinityTerm));
  }
  return terms.filter((t) => t && typeof t === 'object');
}

/**
 * For each matchLabelKeys (mismatchLabelKeys) key the pod's labels have, adds `key In (NotIn)
 * (value)` to the term's labelSelector, as the API server does to a Pod before it validates it.
 * In place, on a copy.
 */
// Go: mutatePodAffinity (pkg/registry/core/pod/strategy.go)
export function mutatePodAffinity(affinity: any, labels: { [key: string]: unknown } | undefined): void {
  if (!FEATURE_GATES_1_32.MatchLabelKeysInPodAffinity || !present(affinity)) {
    return;
  }
  for (const term of affinityTerms(affinity)) {
    // Go: mutateMatchLabelKeysAndMismatchLabelKeys
    if (!present(term.labelSelector) || typeof term.labelSelector !== 'object') {
      continue;
    }
    for (const [keys, operator] of [[term.matchLabelKeys, 'In'], [term.mismatchLabelKeys, 'NotIn']] as const) {
      for (const key of list(keys)) {
        const value = typeof key === 'string' ? labels?.[key] : undefined;
        if (typeof value === 'string') {
          const added = { key, operator, values: [value] };
          ADDED_FROM_LABELS.add(added);
          term.labelSelector.matchExpressions = [...list(term.labelSelector.matchExpressions), added];
        }
      }
    }
  }
}

/**
 * A pod template is validated without that mutation, but every Pod created from it gets it: the
 * matchLabelKeys conflicts those Pods would hit, reported for the template.
 */
export function checkTemplateMatchLabelKeys(affinity: any, labels: { [key: string]: unknown } | undefined, path: string, problems: Problems): void {
  if (!present(affinity)) {
    return;
  }
  const mutated = structuredClone(affinity);
  mutatePodAffinity(mutated, labels);
  const before = new Problems();
  const after = new Problems();
  const note = " (the API server accepts it in a pod template, then rejects every Pod created from it: each Pod gets `key In (its value)` added to the selector; this library's contract)";
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const check = (a: any, target: Problems): void => {
      list(a?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution).forEach((t: any, i: number) => {
        validateMatchLabelKeysAndMismatchLabelKeys(`${path}.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`, t?.matchLabelKeys, t?.mismatchLabelKeys, t?.labelSelector, target, note);
      });
      list(a?.[kind]?.preferredDuringSchedulingIgnoredDuringExecution).forEach((w: any, i: number) => {
        const t = w?.podAffinityTerm;
        validateMatchLabelKeysAndMismatchLabelKeys(`${path}.${kind}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm`, t?.matchLabelKeys, t?.mismatchLabelKeys, t?.labelSelector, target, note);
      });
    };
    check(affinity, before);
    check(mutated, after);
  }
  const already = new Set(before.messages);
  for (const m of after.messages) {
    if (!already.has(m)) {
      problems.add('', m);
    }
  }
}

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Keys are label names; an empty key needs Exists; tolerationSeconds needs NoExecute; Equal values are label values, Exists has none. */
// Go: ValidateTolerations (validation.go)
export function validateTolerations(tolerations: unknown, path: string, problems: Problems): void {
  list(tolerations).forEach((t: any, i: number) => {
    const p = `${path}[${i}]`;
    const key = t?.key ?? '';
    const operator = t?.operator ?? '';
    const value = t?.value ?? '';
    const effect = t?.effect ?? '';
    if (isSet(key)) {
      validateLabelName(key, `${p}.key`, problems, 'toleration key');
    }
    // A key of another JSON type is the decoder's problem (reported), not an empty key (review 46 X2).
    if (typeof key === 'string' && !isSet(key) && operator !== 'Exists') {
      problems.add(`${p}.operator`, `${show(operator)} must be Exists when key is empty (an empty key with Exists tolerates every taint); set key, or operator: Exists.`);
    }
    if (present(t?.tolerationSeconds) && effect !== 'NoExecute') {
      problems.add(`${p}.effect`, `${show(effect)} must be NoExecute when tolerationSeconds is set; set effect: NoExecute or remove tolerationSeconds.`);
    }
    switch (operator) {
      case 'Equal':
      case '': {
        const r = typeof value === 'string' ? labelValue(value) : 'must be a string';
        if (r) {
          problems.add(`${p}.value`, `${show(value)} is not a valid toleration value: it ${r}.`);
        }
        break;
      }
      case 'Exists':
        if (isSet(value)) {
          problems.add(`${p}.value`, `${show(value)} must be empty when operator is Exists; remove it, or use operator: Equal.`);
        }
        break;
      default:
        problems.add(`${p}.operator`, `${show(operator)} is not supported; use Equal or Exists.`);
    }
    // Go: validateTaintEffect (empty means every effect)
    if (isSet(effect) && !TAINT_EFFECTS.includes(effect)) {
      problems.add(`${p}.effect`, `${show(effect)} is not supported; use one of ${TAINT_EFFECTS.join(', ')} (or omit it to tolerate every effect).`);
    }
  });
}

const WHEN_UNSATISFIABLE = ['DoNotSchedule', 'ScheduleAnyway'];
const NODE_INCLUSION_POLICIES = ['Honor', 'Ignore'];

/**
 * maxSkew > 0; topologyKey set; whenUnsatisfiable DoNotSchedule or ScheduleAnyway; no two
 * constraints with one topologyKey and whenUnsatisfiable; minDomains > 0 and only with
 * DoNotSchedule; node inclusion policies Honor or Ignore; matchLabelKeys; the label selector.
 */
// Go: validateTopologySpreadConstraints (validation.go)
export function validateTopologySpreadConstraints(constraints: unknown, path: string, problems: Problems): void {
  const all = list(constraints);
  all.forEach((c: any, i: number) => {
    const p = `${path}[${i}]`;
    // Go: ValidateMaxSkew
    const skew = c?.maxSkew ?? 0;
    if (!isInteger(skew) || skew <= 0) {
      problems.add(`${p}.maxSkew`, `${show(skew)} must be greater than zero.`);
    }
    // Go: ValidateTopologyKey
    if (!isSet(c?.topologyKey)) {
      problems.add(`${p}.topologyKey`, "can not be empty; set a node label key (e.g. 'topology.kubernetes.io/zone').");
    }
    // Go: ValidateWhenUnsatisfiable
    if (!WHEN_UNSATISFIABLE.includes(c?.whenUnsatisfiable)) {
      problems.add(`${p}.whenUnsatisfiable`, `${show(c?.whenUnsatisfiable ?? '')} is not supported; use DoNotSchedule or ScheduleAnyway.`);
    }
    // Go: ValidateSpreadConstraintNotRepeat
    const j = all.findIndex((o: any, k: number) => k > i && (o?.topologyKey ?? '') === (c?.topologyKey ?? '') && (o?.whenUnsatisfiable ?? '') === (c?.whenUnsatisfiable ?? ''));
    if (j >= 0) {
      problems.add(p, `{topologyKey, whenUnsatisfiable} {${show(c?.topologyKey ?? '')}, ${show(c?.whenUnsatisfiable ?? '')}} is repeated by ${path}[${j}]; keep one constraint per pair.`);
    }
    // Go: validateMinDomains
    if (present(c?.minDomains)) {
      if (!isInteger(c.minDomains) || c.minDomains <= 0) {
        problems.add(`${p}.minDomains`, `${show(c.minDomains)} must be greater than zero.`);
      }
      if (c.whenUnsatisfiable !== 'DoNotSchedule') {
        problems.add(`${p}.minDomains`, `can only be used with whenUnsatisfiable: DoNotSchedule, not ${show(c.whenUnsatisfiable ?? '')}.`);
      }
    }
    // Go: validateNodeInclusionPolicy
    for (const field of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      if (present(c?.[field]) && !NODE_INCLUSION_POLICIES.includes(c[field])) {
        problems.add(`${p}.${field}`, `${show(c[field])} is not supported; use Honor or Ignore.`);
      }
    }
    validateMatchLabelKeysInTopologySpread(`${p}.matchLabelKeys`, c?.matchLabelKeys, c?.labelSelector, problems);
    validateLabelSelector(c?.labelSelector, `${p}.labelSelector`, problems);
  });
}

// Go: validateMatchLabelKeysInTopologySpread (validation.go)
function validateMatchLabelKeysInTopologySpread(path: string, keys: unknown, selector: any, problems: Problems): void {
  const match = list(keys);
  if (match.length === 0) {
    return;
  }
  const selectorKeys = new Set<string>();
  if (present(selector)) {
    Object.keys(selector.matchLabels ?? {}).forEach((k) => selectorKeys.add(k));
    list(selector.matchExpressions).forEach((e: any) => selectorKeys.add(e?.key));
  } else {
    problems.add(path, 'must not be set when labelSelector is not set; add a labelSelector or remove matchLabelKeys.');
  }
  match.forEach((k: unknown, i: number) => {
    validateLabelName(k, `${path}[${i}]`, problems);
    if (typeof k === 'string' && selectorKeys.has(k)) {
      problems.add(`${path}[${i}]`, `${show(k)} is also in labelSelector; remove it from one of them.`);
    }
  });
}

/** Each readiness gate's conditionType is a qualified name. */
// Go: validateReadinessGates (validation.go)
export function validateReadinessGates(gates: unknown, path: string, problems: Problems): void {
  list(gates).forEach((g: any, i: number) => {
    const t = g?.conditionType ?? '';
    const r = typeof t === 'string' ? qualifiedName(t) : 'must be a string';
    if (r) {
      problems.add(`${path}[${i}].conditionType`, `${show(t)} is not a valid condition type: it ${r}.`);
    }
  });
}

/** Scheduling gate names are qualified names, without duplicates. */
// Go: validateSchedulingGates (validation.go)
export function validateSchedulingGates(gates: unknown, path: string, problems: Problems): void {
  const seen = new Set<unknown>();
  list(gates).forEach((g: any, i: number) => {
    const name = g?.name ?? '';
    const r = typeof name === 'string' ? qualifiedName(name) : 'must be a string';
    if (r) {
      problems.add(`${path}[${i}].name`, `${show(name)} is not a valid scheduling gate name: it ${r}.`);
    }
    if (seen.has(name)) {
      problems.add(`${path}[${i}].name`, `${show(name)} is listed twice; list each scheduling gate once.`);
    }
    seen.add(name);
  });
}
