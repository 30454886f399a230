import { ApiObject } from 'cdk8s';

/**
 * The manifest an API object will write, for validation.
 *
 * cdk8s validates every construct of the app once per `synth()` and once more per chart, and
 * `ApiObject.toJson()` resolves the whole object each time. When the object has no JSON patches
 * and its rendered spec holds no tokens (cdk8s `Lazy` values and the like), the manifest is
 * exactly the rendered spec plus the resolved metadata (key order aside), so it is built from
 * those without another resolve. Otherwise, escape-hatch patches or tokens in play, it is
 * `apiObject.toJson()`: the final object, patches included.
 *
 * @internal
 */
export function manifestForValidation(apiObject: ApiObject, renderSpec: () => any): any {
  const patches = (apiObject as any).patches;
  if (Array.isArray(patches) && patches.length === 0) {
    const spec = renderSpec();
    if (isPlainJson(spec)) {
      return { apiVersion: apiObject.apiVersion, kind: apiObject.kind, metadata: apiObject.metadata.toJson(), spec };
    }
  }
  return apiObject.toJson();
}

/** Whether a value is made only of plain objects, arrays and primitives (no tokens to resolve). */
function isPlainJson(value: any): boolean {
  if (value === null || typeof value !== 'object') {
    return typeof value !== 'function';
  }
  if (Array.isArray(value)) {
    return value.every(isPlainJson);
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    return false;
  }
  for (const key in value) {
    if (!isPlainJson(value[key])) {
      return false;
    }
  }
  return true;
}
