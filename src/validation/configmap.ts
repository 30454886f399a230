/**
 * ConfigMaps. Go: `ValidateConfigMap` (pkg/apis/core/validation/validation.go) and
 * `IsConfigMapKey` (apimachinery pkg/util/validation).
 *
 * @internal
 */
import { Problems, show } from '../problems';
import { isBase64, keyPath } from './common';
import { validateObjectMeta } from './metadata';
import { configMapKey } from './names';

/** core.MaxSecretSize: the data of a ConfigMap (or Secret) may total at most 1 MiB. */
export const MAX_CONFIG_MAP_SIZE = 1024 * 1024;
/**
 * Checks a ConfigMap as the API server does on create: its metadata (a DNS-1123 subdomain name),
 * every key of `data` and `binaryData`, no key in both, and at most 1 MiB of values in total
 * (bytes of the UTF-8 `data` values plus the decoded `binaryData` bytes).
 */
// Go: ValidateConfigMap (validation.go)
export function validateConfigMap(cm: any, problems: Problems): void {
  validateObjectMeta(cm.metadata, 'metadata', problems);
  let total = 0;
  const data = isMap(cm.data) ? cm.data : {};
  const binary = isMap(cm.binaryData) ? cm.binaryData : {};
  for (const [key, value] of Object.entries(data)) {
    const r = configMapKey(key);
    if (r) {
      problems.add(keyPath('data', key), `key ${show(key)} is invalid: it ${r}.`);
    }
    if (Object.prototype.hasOwnProperty.call(binary, key)) {
      problems.add(keyPath('data', key), `key ${show(key)} is also a key of binaryData; a key may appear in data or binaryData, not both.`);
    }
    // A value that is not a string is the decode step's (index.ts): the API server cannot decode it.
    if (typeof value === 'string') {
      total += Buffer.byteLength(value, 'utf8');
    }
  }
  for (const [key, value] of Object.entries(binary)) {
    const r = configMapKey(key);
    if (r) {
      problems.add(keyPath('binaryData', key), `key ${show(key)} is invalid: it ${r}.`);
    }
    if (Array.isArray(value)) {
      total += value.length; // bytes written as a list of their values; the decode step checks them
      continue;
    }
    if (typeof value !== 'string') {
      continue; // the decode step's
    }
    if (!isBase64(value)) {
      problems.add(keyPath('binaryData', key), `${typeof value === 'string' && value.length > 40 ? `${show(value.slice(0, 40))}...` : show(value)} is not standard base64 (with padding); binaryData values are base64-encoded bytes.`);
      continue;
    }
    total += Buffer.from(value, 'base64').length;
  }
  if (total > MAX_CONFIG_MAP_SIZE) {
    problems.add('', `the data of this ConfigMap totals ${total} bytes; the API server allows at most ${MAX_CONFIG_MAP_SIZE} (1 MiB). Split it into several ConfigMaps or mount the files another way.`);
  }
}

function isMap(v: unknown): v is { [key: string]: unknown } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
