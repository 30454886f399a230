/**
 * Three independent offline checks that a manifest is valid Kubernetes:
 *
 * (a) `schemaProblems`: the JSON schema of kubernetes-models@4.5.1 (via @kubernetes-models/validate):
 *     types, required fields, int32 ranges.
 * (b) `fieldProblems`: an unknown-field / wrong-type walker over the exact Kubernetes 1.28 field
 *     lists of @kubernetes/client-node@0.20.0 (the static `attributeTypeMap` of its models).
 * (c) `kubectlProblems`: `kubectl.1.28 set env --local -f FILE X- -o json`, which decodes every
 *     document into the real 1.28 Go types ("unable to decode" = invalid). One process per batch.
 *
 * They catch wrong types, unknown fields and missing required fields, not the semantic mistakes
 * the library's own validation is for.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Yaml } from 'cdk8s';

// ---------------------------------------------------------------------------------------------
// (a) kubernetes-models JSON schema
// ---------------------------------------------------------------------------------------------

const modelCache = new Map<string, any>();

function modelFor(apiVersion: string, kind: string): any {
  const key = `${apiVersion}/${kind}`;
  if (!modelCache.has(key)) {
    // 'v1' -> kubernetes-models/v1/Pod, 'apps/v1' -> kubernetes-models/apps/v1/Deployment
    const dir = apiVersion;
    let model: any;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      model = require(`kubernetes-models/${dir}/${kind}`)[kind];
    } catch {
      model = undefined;
    }
    modelCache.set(key, model);
  }
  return modelCache.get(key);
}

/** (a) Problems reported by the kubernetes-models JSON schema of the manifest's kind. */
export function schemaProblems(manifest: any): string[] {
  const Model = modelFor(String(manifest?.apiVersion), String(manifest?.kind));
  if (!Model) {
    return [`no kubernetes-models schema for ${manifest?.apiVersion} ${manifest?.kind}`];
  }
  try {
    new Model(manifest).validate();
    return [];
  } catch (e) {
    return [`schema: ${(e as Error).message}`];
  }
}

// ---------------------------------------------------------------------------------------------
// (b) unknown-field / wrong-type walker over @kubernetes/client-node@0.20.0 (Kubernetes 1.28)
// ---------------------------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-require-imports
const models: { [name: string]: any } = require('@kubernetes/client-node/dist/gen/model/models');

/**
 * Fields the generated client types as `string` whose Go type is `resource.Quantity`, which also
 * unmarshals from a JSON number (`cpu: 1`).
 */
const QUANTITY_FIELDS = new Set([
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1PodSpec.overhead',
  'V1EmptyDirVolumeSource.sizeLimit',
  'V1ResourceFieldSelector.divisor',
]);

function rootType(apiVersion: string, kind: string): string | undefined {
  const version = apiVersion.split('/').pop() ?? '';
  const name = `${version.charAt(0).toUpperCase()}${version.slice(1)}${kind}`;
  return models[name]?.attributeTypeMap ? name : undefined;
}

/** (b) Unknown fields and wrong JSON types against the exact 1.28 field lists. */
export function fieldProblems(manifest: any): string[] {
  const type = rootType(String(manifest?.apiVersion), String(manifest?.kind));
  if (!type) {
    return [`no @kubernetes/client-node model for ${manifest?.apiVersion} ${manifest?.kind}`];
  }
  const problems: string[] = [];
  walk(manifest, type, '', problems, false);
  return problems;
}

function walk(value: any, type: string, at: string, problems: string[], quantity: boolean): void {
  const where = at || '(root)';
  if (value === null || value === undefined) {
    return;
  }
  if (quantity) {
    if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (typeof v !== 'string' && typeof v !== 'number') {
          problems.push(`${at}.${k}: expected a quantity (string or number), got ${JSON.stringify(v)}`);
        }
      }
      return;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      problems.push(`${where}: expected a quantity (string or number), got ${JSON.stringify(value)}`);
    }
    return;
  }
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) {
      problems.push(`${where}: expected an array, got ${JSON.stringify(value)}`);
      return;
    }
    value.forEach((v, i) => walk(v, array[1], `${at}[${i}]`, problems, false));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`${where}: expected a map, got ${JSON.stringify(value)}`);
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      walk(v, map[1], `${at}.${k}`, problems, false);
    }
    return;
  }
  switch (type) {
    case 'string':
    case 'Date':
      if (typeof value !== 'string') {
        problems.push(`${where}: expected a string, got ${JSON.stringify(value)}`);
      }
      return;
    case 'number':
      // Every number field of core/v1 and apps/v1 is an int32 or int64.
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        problems.push(`${where}: expected an integer, got ${JSON.stringify(value)}`);
      }
      return;
    case 'boolean':
      if (typeof value !== 'boolean') {
        problems.push(`${where}: expected a boolean, got ${JSON.stringify(value)}`);
      }
      return;
    case 'IntOrString':
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) {
        problems.push(`${where}: expected an integer or a string, got ${JSON.stringify(value)}`);
      }
      return;
    case 'object':
    case 'any':
      return;
  }
  const model = models[type];
  if (!model?.attributeTypeMap) {
    problems.push(`${where}: unknown model type ${type}`);
    return;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${where}: expected an object (${type}), got ${JSON.stringify(value)}`);
    return;
  }
  const attributes = new Map<string, string>(model.attributeTypeMap.map((a: any) => [a.baseName, a.type]));
  for (const [k, v] of Object.entries(value)) {
    const t = attributes.get(k);
    const fieldAt = at ? `${at}.${k}` : k;
    if (!t) {
      problems.push(`${fieldAt}: unknown field "${k}" (${type} has: ${[...attributes.keys()].join(', ')})`);
      continue;
    }
    walk(v, t, fieldAt, problems, QUANTITY_FIELDS.has(`${type}.${k}`));
  }
}

// ---------------------------------------------------------------------------------------------
// (c) kubectl.1.28 offline decode
// ---------------------------------------------------------------------------------------------

let kubectlPath: string | null | undefined;

/** The `kubectl.1.28` binary beside the real path of `kubectl`, or undefined when there is none. */
export function kubectl128(): string | undefined {
  if (kubectlPath === undefined) {
    kubectlPath = null;
    try {
      const which = execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
      const candidate = path.join(path.dirname(fs.realpathSync(which)), 'kubectl.1.28');
      if (which && fs.existsSync(candidate)) {
        kubectlPath = candidate;
      }
    } catch {
      kubectlPath = null;
    }
  }
  return kubectlPath ?? undefined;
}

const NOT_A_POD = /the object is not a pod or does not have a pod template/;

/** Runs one kubectl process over all documents; undefined when it decoded them all. */
function kubectlRun(binary: string, manifests: any[]): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-validators-'));
  const file = path.join(dir, 'manifests.yaml');
  try {
    // Exactly the YAML cdk8s writes (YAML 1.1: 'n', 'on', 'y' are quoted so Go's YAML 1.1 decoder
    // reads them as strings, not booleans).
    fs.writeFileSync(file, Yaml.stringify(...manifests));
    const r = spawnSync(binary, ['set', 'env', '--local', '-f', file, 'X-', '-o', 'json'], { encoding: 'utf8', timeout: 60_000 });
    if (r.error) {
      return `kubectl could not run: ${r.error.message}`;
    }
    // Non-pod kinds (Service, ConfigMap) decode fine but make `set env` exit 1 with "not a pod";
    // anything else on stderr ("unable to decode ...") is a real problem.
    const other = (r.stderr ?? '').split('\n').filter((l) => l.trim() !== '' && !NOT_A_POD.test(l));
    if (other.length > 0) {
      return other.join('\n');
    }
    if (r.status !== 0 && !NOT_A_POD.test(r.stderr ?? '')) {
      return `kubectl exited ${r.status}: ${r.stderr}`;
    }
    return undefined;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * (c) Decodes all manifests with `kubectl.1.28` in ONE process (a multi-document file). When that
 * fails, it bisects to name the failing documents (extra processes only on failure).
 * Returns [] when kubectl.1.28 is not installed.
 */
export function kubectlProblems(manifests: any[]): string[] {
  const binary = kubectl128();
  if (!binary || manifests.length === 0) {
    return [];
  }
  const problems: string[] = [];
  const bisect = (docs: Array<[any, number]>): void => {
    const error = kubectlRun(binary, docs.map(([m]) => m));
    if (!error) {
      return;
    }
    if (docs.length === 1) {
      const [m, i] = docs[0];
      problems.push(`kubectl.1.28: document ${i} (${m?.kind} ${m?.metadata?.name}): ${error}`);
      return;
    }
    const half = Math.ceil(docs.length / 2);
    bisect(docs.slice(0, half));
    bisect(docs.slice(half));
  };
  bisect(manifests.map((m, i): [any, number] => [m, i]));
  return problems;
}

/** (a) + (b): the two in-process checks. */
export function inProcessProblems(manifests: any[]): string[] {
  const problems: string[] = [];
  manifests.forEach((m, i) => {
    for (const p of [...schemaProblems(m), ...fieldProblems(m)]) {
      problems.push(`document ${i} (${m?.kind} ${m?.metadata?.name}): ${p}`);
    }
  });
  return problems;
}

/** All three checks over a batch of manifests (kubectl once for the batch). */
export function manifestProblems(manifests: any[]): string[] {
  return [...inProcessProblems(manifests), ...kubectlProblems(manifests)];
}
