/**
 * A small YAML writer for the configuration files the catalogue generates (Envoy's
 * `envoy.yaml`). Block style, two-space indents; every string scalar and every key that is not
 * a plain identifier is written as a JSON string (a valid YAML double-quoted scalar), so no
 * value can start a new key, list item or document, whatever characters it holds.
 *
 * @internal
 */

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The YAML text of a JSON-like value (objects, arrays, strings, finite numbers, booleans). */
export function toYaml(value: unknown): string {
  return `${block(value, 0).join('\n')}\n`;
}

function block(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return [`${pad}[]`];
    }
    const lines: string[] = [];
    for (const item of value) {
      if (isNonEmptyContainer(item)) {
        const inner = block(item, indent + 2);
        lines.push(`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1));
      } else {
        lines.push(`${pad}- ${scalar(item)}`);
      }
    }
    return lines;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) {
      return [`${pad}{}`];
    }
    const lines: string[] = [];
    for (const [k, v] of entries) {
      const key = PLAIN_KEY.test(k) ? k : JSON.stringify(k);
      if (isNonEmptyContainer(v)) {
        lines.push(`${pad}${key}:`, ...block(v, Array.isArray(v) ? indent : indent + 2));
      } else {
        lines.push(`${pad}${key}: ${scalar(v)}`);
      }
    }
    return lines;
  }
  return [`${pad}${scalar(value)}`];
}

function isNonEmptyContainer(v: unknown): boolean {
  if (Array.isArray(v)) {
    return v.length > 0;
  }
  return v !== null && typeof v === 'object' && Object.values(v as object).some((x) => x !== undefined);
}

function scalar(v: unknown): string {
  if (typeof v === 'string') {
    return JSON.stringify(v);
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      throw new Error(`config-yaml: ${v} is not a finite number`);
    }
    return String(v);
  }
  if (typeof v === 'boolean') {
    return v ? 'true' : 'false';
  }
  if (v === null) {
    return 'null';
  }
  if (Array.isArray(v)) {
    return '[]';
  }
  if (typeof v === 'object') {
    return '{}';
  }
  throw new Error(`config-yaml: cannot write ${typeof v}`);
}
