/**
 * Container resources. Go: `ValidateContainerResourceRequirements` and what it calls in
 * `pkg/apis/core/validation/validation.go`, the resource-name helpers of
 * `pkg/apis/core/helper/helpers.go`, and `SetDefaults_ResourceList` (requests and limits are
 * rounded up to milli units before validation). Quantities are compared exactly (quantity.ts).
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { keyPath } from './common';
import { qualifiedName } from './names';
import { checkQuantity, parseQuantityText, Quantity } from './quantity';

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
const HUGEPAGES_PREFIX = 'hugepages-';
/** Go: `resource.Milli`: `SetDefaults_ResourceList` rounds every request and limit up to it. */
const MILLI = -3;
const ZERO = BigInt(0);
const THOUSAND = BigInt(1000);

// Go: IsNativeResource (helpers.go): no domain, or the kubernetes.io domain.
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

// Go: IsHugePageResourceName (helpers.go)
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith(HUGEPAGES_PREFIX);
}

// Go: IsExtendedResourceName (helpers.go): domain-qualified, outside kubernetes.io, and valid as a quota name.
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) {
    return false;
  }
  return qualifiedName(`requests.${name}`) === undefined;
}

// Go: IsOvercommitAllowed (helpers.go): native resources other than hugepages.
function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

// Go: validateContainerResourceName (validation.go), with validateResourceName: a qualified name;
// without a domain, a standard container resource; with one, native or an extended resource.
export function validateContainerResourceName(name: string, path: string, problems: Problems): boolean {
  const q = qualifiedName(name);
  if (q) {
    problems.add(path, `resource name ${show(name)} is invalid: it ${q}.`);
    return false;
  }
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !isHugePageResourceName(name)) {
      problems.add(path, `resource name ${show(name)} must be a standard resource for containers (${STANDARD_CONTAINER_RESOURCES.join(', ')}, hugepages-<size>) or a domain-qualified extended resource (e.g. 'example.com/gpu').`);
      return false;
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    problems.add(path, `resource name ${show(name)} doesn't follow the extended resource name standard (e.g. 'example.com/gpu').`);
    return false;
  }
  return true;
}

// Go: ValidateResourceQuantityValue (validation.go): non-negative, and a whole number for extended
// resources. The quantity is first rounded up to milli units:
// Go: SetDefaults_ResourceList (defaults.go)
function validateResourceQuantityValue(name: string, value: unknown, path: string, problems: Problems): Quantity | undefined {
  const parsed = checkQuantity(value, path, problems);
  if (parsed === undefined) {
    return undefined;
  }
  const q = parsed.roundUp(MILLI);
  // Go: `value.MilliValue()%int64(1000) != int64(0)`, in int64 (a value past its range wraps).
  if (isExtendedResourceName(name) && q.goScaledValue(MILLI) % THOUSAND !== ZERO) {
    problems.add(path, q.isInteger()
      ? `${show(value)} must be an integer to the API server, which checks it in thousandths as a 64-bit integer, and past 9223372036854775 that overflows; write a smaller count.`
      : `${show(value)} must be an integer: extended resources are counted in whole units.`);
  }
  return q;
}

// Go: validateResourceQuantityHugePageValue (validation.go): a whole number of pages of the size the
// resource name gives.
// Go: IsHugePageResourceValueDivisible (helpers.go)
function validateResourceQuantityHugePageValue(name: string, value: unknown, q: Quantity, path: string, problems: Problems): void {
  const sizeText = name.slice(HUGEPAGES_PREFIX.length);
  const size = parseQuantityText(sizeText);
  // Go: `pageSize.Sign() <= 0 || pageSize.MilliValue()%int64(1000) != int64(0)`, then
  // `quantity.Value()%pageSize.Value() == 0`, in int64 (values past its range wrap, or are 0; a
  // page size of 0 there is Go's division by zero: a request the API server fails).
  const pageSize = size === undefined || size.sign <= 0 || size.goScaledValue(MILLI) % THOUSAND !== ZERO ? ZERO : size.goScaledValue(0);
  if (pageSize === ZERO) {
    problems.add(path, `${show(value)} is not a positive integer multiple of ${name}: ${show(sizeText)} is not a page size; name the resource after one (e.g. 'hugepages-2Mi').`);
    return;
  }
  if (q.goScaledValue(0) % pageSize !== ZERO) {
    problems.add(path, `${show(value)} is not a positive integer multiple of ${name}.`);
  }
}

function resourceList(list: unknown): Array<[string, unknown]> {
  return list !== null && typeof list === 'object' && !Array.isArray(list) ? Object.entries(list) : [];
}

// Go: ValidateContainerResourceRequirements (validation.go)
// Go: validateResourceRequirements (validation.go): names,
// quantities, hugepages, request <= limit (request == limit, with the limit required, for resources
// that cannot be overcommitted: extended resources and hugepages), hugepages need cpu or memory.
// Also used for the pod's overhead (Go: validateOverhead passes { limits: overhead }).
export function validateContainerResourceRequirements(requirements: any, path: string, problems: Problems): void {
  if (requirements === null || typeof requirements !== 'object') {
    return;
  }
  let hasCpuOrMemory = false;
  let hasHugePages = false;
  const limits = new Map<string, [unknown, Quantity | undefined]>();
  for (const [name, value] of resourceList(requirements.limits)) {
    const rpath = keyPath(`${path}.limits`, name);
    if (!validateContainerResourceName(name, rpath, problems)) {
      continue;
    }
    const q = validateResourceQuantityValue(name, value, rpath, problems);
    limits.set(name, [value, q]);
    if (isHugePageResourceName(name)) {
      hasHugePages = true;
      if (q) {
        validateResourceQuantityHugePageValue(name, value, q, rpath, problems);
      }
    }
    hasCpuOrMemory ||= name === 'cpu' || name === 'memory';
  }
  for (const [name, value] of resourceList(requirements.requests)) {
    const rpath = keyPath(`${path}.requests`, name);
    if (!validateContainerResourceName(name, rpath, problems)) {
      continue;
    }
    const q = validateResourceQuantityValue(name, value, rpath, problems);
    const limit = limits.get(name);
    if (limit !== undefined) {
      const [limitValue, lq] = limit;
      if (q && lq) {
        if (!isOvercommitAllowed(name) && q.cmp(lq) !== 0) {
          problems.add(rpath, `${show(value)} must be equal to the ${name} limit ${show(limitValue)} (${name} cannot be overcommitted).`);
        } else if (q.cmp(lq) > 0) {
          problems.add(rpath, `${show(value)} is more than the limit ${show(limitValue)}; a request must be less than or equal to its limit.`);
        }
      }
    } else if (!isOvercommitAllowed(name)) {
      problems.add(`${path}.limits`, `must set a limit for ${name}: its request must equal its limit (${name} cannot be overcommitted).`);
    }
    if (isHugePageResourceName(name)) {
      hasHugePages = true;
      if (q) {
        validateResourceQuantityHugePageValue(name, value, q, rpath, problems);
      }
    }
    hasCpuOrMemory ||= name === 'cpu' || name === 'memory';
  }
  if (hasHugePages && !hasCpuOrMemory) {
    problems.add(path, 'HugePages require cpu or memory; request or limit one of them too.');
  }
}
