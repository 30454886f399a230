/**
 * Environment variables. Go: `ValidateEnv`, `validateEnvVarValueFrom`, `ValidateEnvFrom`.
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { envVarName } from './names';

/** Go: `ValidateEnv` (name Required, IsEnvVarName) and `validateEnvVarValueFrom` (exactly one source, not with value). */
export function validateEnv(env: unknown, path: string, problems: Problems): void {
  (Array.isArray(env) ? env : []).forEach((e: any, i: number) => {
    const epath = `${path}[${i}]`;
    const r = typeof e?.name === 'string' && e.name.length > 0 ? envVarName(e.name) : 'is required';
    if (r) {
      problems.add(`${epath}.name`, `environment variable name ${show(e?.name)} is invalid: it ${r}.`);
    }
    if (e?.valueFrom !== undefined) {
      const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => e.valueFrom?.[k] !== undefined);
      if (sources.length === 0) {
        problems.add(`${epath}.valueFrom`, 'must specify one of: fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.');
      } else if (typeof e.value === 'string' && e.value.length > 0) {
        problems.add(`${epath}.valueFrom`, 'may not be specified when value is not empty; keep value or valueFrom.');
      } else if (sources.length > 1) {
        problems.add(`${epath}.valueFrom`, `has ${sources.join(' and ')}; it may have only one source.`);
      }
    }
  });
}
