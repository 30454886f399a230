/**
 * Container resources. Go: `ValidateResourceRequirements` and friends in
 * `pkg/apis/core/validation/validation.go`.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { qualifiedName } from './names';
import { checkQuantity, parseQuantity } from './quantity';

const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

/**
 * Go: `ValidateResourceRequirements`: resource names (`validateContainerResourceName`), quantities
 * (`ValidateResourceQuantityValue`: well-formed, non-negative, integer for extended resources),
 * request <= limit, and request == limit (with the limit required) for resources that cannot be
 * overcommitted (extended resources and hugepages).
 */
export function validateResources(resources: any, path: string, problems: Problems): void {
  let hasCpuOrMemory = false;
  let hasHugePages = false;
  for (const kind of ['limits', 'requests']) {
    for (const [name, value] of Object.entries(resources?.[kind] ?? {})) {
      const rpath = `${path}.${kind}.${name}`;
      const r = containerResourceName(name);
      if (r) {
        problems.add(rpath, `resource name ${show(name)} ${r}.`);
        continue;
      }
      hasCpuOrMemory ||= name === 'cpu' || name === 'memory';
      hasHugePages ||= name.startsWith('hugepages-');
      const q = checkQuantity(value, rpath, problems);
      if (q !== undefined && isExtendedResource(name) && !Number.isInteger(q)) {
        problems.add(rpath, `${show(value)} must be an integer: extended resources are counted in whole units.`);
      }
      if (q !== undefined && name.startsWith('hugepages-')) {
        const page = parseQuantity(name.slice('hugepages-'.length));
        if (page !== undefined && page > 0 && q % page !== 0) {
          problems.add(rpath, `${show(value)} is not a positive integer multiple of ${name}.`);
        }
      }
    }
  }
  for (const [name, request] of Object.entries(resources?.requests ?? {})) {
    if (containerResourceName(name)) {
      continue;
    }
    const limit = resources?.limits?.[name];
    const overcommit = !isExtendedResource(name) && !name.startsWith('hugepages-');
    const rq = parseQuantity(request);
    if (limit === undefined) {
      if (!overcommit) {
        problems.add(`${path}.limits`, `must set a limit for ${name}: its request must equal its limit (${name} cannot be overcommitted).`);
      }
      continue;
    }
    const lq = parseQuantity(limit);
    if (rq === undefined || lq === undefined) {
      continue;
    }
    if (!overcommit && rq !== lq) {
      problems.add(`${path}.requests.${name}`, `${show(request)} must be equal to the ${name} limit ${show(limit)} (${name} cannot be overcommitted).`);
    } else if (rq > lq) {
      problems.add(`${path}.requests.${name}`, `${show(request)} is more than the limit ${show(limit)}; a request must be less than or equal to its limit.`);
    }
  }
  if (hasHugePages && !hasCpuOrMemory) {
    problems.add(path, 'HugePages require cpu or memory; request or limit one of them too.');
  }
}

/** Go: `validateContainerResourceName` (+ `validateResourceName`, `IsExtendedResourceName`). */
function containerResourceName(name: string): string | undefined {
  const q = qualifiedName(name);
  if (q) {
    return `is invalid: it ${q}`;
  }
  if (!name.includes('/')) {
    if (!STANDARD_CONTAINER_RESOURCES.includes(name) && !name.startsWith('hugepages-')) {
      return `must be a standard resource for containers (${STANDARD_CONTAINER_RESOURCES.join(', ')}, hugepages-<size>) or a domain-qualified extended resource (e.g. 'example.com/gpu')`;
    }
    return undefined;
  }
  if (!name.includes('kubernetes.io/') && (name.startsWith('requests.') || qualifiedName(`requests.${name}`))) {
    return "doesn't follow the extended resource name standard (e.g. 'example.com/gpu')";
  }
  return undefined;
}

/** Go: `IsExtendedResourceName`: domain-qualified, not in the kubernetes.io domain. */
function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.includes('kubernetes.io/');
}
