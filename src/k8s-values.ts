/**
 * Turns values typed with the Kubernetes L1 structs (`k8s.Container`, `k8s.Volume`, ...) into
 * the plain JSON that lands in a manifest.
 *
 * The L1 struct field names are the Kubernetes JSON field names for every core/v1 and apps/v1
 * type this library writes, so the only conversion needed is unwrapping the two value classes,
 * `k8s.Quantity` and `k8s.IntOrString`, which hold their JSON value in `.value`. Without it they
 * would serialize as `{"value":"100m"}`. This is done structurally (any non-plain object with a
 * `value` field), so it does not load the 2.7 MB L1 module at run time and accepts the classes
 * of any cdk8s-plus-XX version.
 *
 * `undefined` fields are dropped; arrays and objects are copied, so later changes to the
 * caller's objects do not leak into an already-built manifest.
 */
export function toManifestValue(value: any): any {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      out[i] = toManifestValue(value[i]);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && 'value' in value) {
    // k8s.Quantity / k8s.IntOrString (and the same classes from any other cdk8s-plus-XX).
    return value.value;
  }
  const out: Record<string, any> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v !== undefined) {
      out[key] = toManifestValue(v);
    }
  }
  return out;
}
