/**
 * Vendor fragments for the sidecar catalogue's tests (`test/fixtures/vendor/<entry>.yaml`).
 *
 * Each fixture holds `vendor:` (the vendor's recommended fragment, placeholders filled, with its
 * sources in the comment at the top) and `deviations:` (each field this library writes
 * differently, with the value and why). The expected binding is the vendor fragment with the
 * deviations applied; the test compares it with what the sidecar binds, so any other difference
 * fails, and a deviation is always written down with its reason.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { Sidecar, SidecarBinding, SidecarMode } from '../../src';

export interface Deviation {
  readonly path: string;
  readonly value?: unknown;
  readonly remove?: boolean;
  readonly why: string;
}

export interface VendorFixture {
  /** The comment at the top of the file: the sources. */
  readonly header: string;
  readonly vendor: Record<string, any>;
  readonly deviations: Deviation[];
  /** Anything else the fixture holds (e.g. Envoy's expected `config`). */
  readonly [key: string]: unknown;
}

const DIR = path.join(__dirname, '..', 'fixtures', 'vendor');

/** Reads `test/fixtures/vendor/<entry>.yaml`. */
export function vendorFixture(entry: string): VendorFixture {
  const text = fs.readFileSync(path.join(DIR, `${entry}.yaml`), 'utf8');
  const header = text.split('\n').filter((line, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('#'))).join('\n');
  return { ...(parseYaml(text) as any), header };
}

/** The vendor fragment with the deviations applied. */
export function expected(f: VendorFixture): Record<string, any> {
  const out = JSON.parse(JSON.stringify(f.vendor));
  for (const d of f.deviations) {
    const keys = d.path.split('.');
    let node = out;
    for (const k of keys.slice(0, -1)) {
      node[k] = node[k] ?? {};
      node = node[k];
    }
    const last = keys[keys.length - 1];
    if (d.remove) {
      delete node[last];
    } else {
      node[last] = JSON.parse(JSON.stringify(d.value));
    }
  }
  return out;
}

/**
 * The binding as the pod writes it: a native sidecar's container gets `restartPolicy: Always`
 * (SidecarBinding.container). Objects are compared as JSON (no undefined fields).
 */
export function asWritten(sidecar: Sidecar, binding: SidecarBinding): Record<string, any> {
  const container = sidecar.mode === SidecarMode.NATIVE ? { ...binding.container, restartPolicy: 'Always' } : binding.container;
  return JSON.parse(JSON.stringify({ ...binding, container }));
}

/** The keys of `actual` that the fixture describes (its top-level keys), to compare them. */
export function described(actual: Record<string, any>, fixture: Record<string, any>): Record<string, any> {
  return Object.fromEntries(Object.keys(fixture).map((k) => [k, actual[k]]));
}

/** Parses YAML text strictly (duplicate keys and other errors throw). */
export function parseYaml(text: string): any {
  return parse(text, { uniqueKeys: true, strict: true });
}
