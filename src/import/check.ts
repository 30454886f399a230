import { createRequire } from 'module';
import { ImportError, InputFile, labelOf, parseSources } from './parse';

/**
 * `--check`: the generated app is run in memory and what it synthesizes is compared, as data,
 * with the input.
 *
 * The generated code's only TypeScript-specific syntax is its `import` lines: they become
 * `require` calls (`cdk8s-pod-patterns` is this library itself, `cdk8s`, `cdk8s-plus-28` and
 * `constructs` are the peers it runs with), and the program runs in this realm (so that its
 * objects are this realm's objects) with an `App` whose `synth()` collects every
 * chart's `toJson()` instead of writing files. No TypeScript compiler is needed.
 *
 * @internal
 */

/** The objects one chart of the generated app synthesized. */
export interface SynthesizedChart {
  readonly id: string;
  readonly objects: any[];
}

/** The generated app failed to run or to synthesize (e.g. a validation error). */
export class AppFailedError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'AppFailedError';
  }
}

const own = createRequire(__filename);

/** The modules a generated app may import, as it gets them. */
function modules(collected: SynthesizedChart[][]): { [name: string]: any } {
  const cdk8s = own('cdk8s');
  class CheckApp extends cdk8s.App {
    public constructor(props?: any) {
      super(props);
      apps.push(this);
    }

    public synth(): void {
      const charts: SynthesizedChart[] = this.charts.map((c: any) => ({ id: c.node.id, objects: c.toJson() }));
      collected.push(charts);
    }
  }
  const apps: any[] = [];
  const patched = Object.create(null);
  for (const key of Object.keys(cdk8s)) {
    patched[key] = cdk8s[key];
  }
  patched.App = CheckApp;
  return {
    'cdk8s': patched,
    'cdk8s-pod-patterns': own('../index'),
    'cdk8s-plus-28': own('cdk8s-plus-28'),
    'constructs': own('constructs'),
  };
}

/** The program as JavaScript: each `import { A, B } from 'm';` becomes `const { A, B } = require('m');`. */
export function toJavaScript(code: string): string {
  const js = code
    .replace(/^import type [^;]*;$/gm, '')
    .replace(/^import \{([^}]*)\} from '([^']+)';$/gm, (_m, names: string, from: string) => `const {${names.replace(/\s+/g, ' ')}} = require(${JSON.stringify(from)});`)
    .replace(/^import \* as (\w+) from '([^']+)';$/gm, (_m, name: string, from: string) => `const ${name} = require(${JSON.stringify(from)});`);
  const left = /^import\b.*$/m.exec(js);
  if (left) {
    throw new AppFailedError(`the program has an import this check cannot run: ${left[0]} (only \`import { ... } from '...'\` and \`import * as x from '...'\` are supported)`);
  }
  return js;
}

/**
 * Runs a generated app and returns what each of its charts synthesized, in order. Throws an
 * `AppFailedError` when the program fails (a validation error, an exception) or never calls
 * `app.synth()`.
 */
export function runApp(code: string): SynthesizedChart[] {
  const js = toJavaScript(code);
  const collected: SynthesizedChart[][] = [];
  const available = modules(collected);
  const requireModule = (name: string) => {
    if (!Object.prototype.hasOwnProperty.call(available, name)) {
      throw new AppFailedError(`the program imports ${JSON.stringify(name)}; a generated app imports only cdk8s, cdk8s-plus-28, constructs and cdk8s-pod-patterns`);
    }
    return available[name];
  };
  let main: (require: (name: string) => any) => void;
  try {
    // The Function constructor of this realm (not vm's, which would be Node's main context even
    // under a test runner's sandbox): the program's object literals must be this realm's plain
    // objects, or the library would take them for class instances.
    main = new Function('require', `'use strict';\n${js}\n//# sourceURL=generated-app.js`) as (require: (name: string) => any) => void;
  } catch (e) {
    throw new AppFailedError(`the program does not compile: ${(e as Error).message}`);
  }
  try {
    main(requireModule);
  } catch (e) {
    if (e instanceof AppFailedError) {
      throw e;
    }
    throw new AppFailedError((e as Error).message ?? String(e));
  }
  if (collected.length === 0) {
    throw new AppFailedError('the program never calls app.synth()');
  }
  return collected[collected.length - 1];
}

/**
 * Runs the generated app and compares each chart with its input file. Returns the differences,
 * one per field (`Deployment web: spec.replicas: input 3, synthesized 2`); none when the round
 * trip is exact.
 */
export function checkCode(code: string, files: InputFile[]): string[] {
  let charts: SynthesizedChart[];
  try {
    charts = runApp(code);
  } catch (e) {
    return [`the generated app fails: ${(e as Error).message}`];
  }
  const differences: string[] = [];
  const byId = new Map(charts.map((c) => [c.id, c]));
  const prefix = files.length > 1;
  for (const file of files) {
    const chart = byId.get(file.chartId);
    byId.delete(file.chartId);
    const where = prefix ? `${file.name === '-' ? '<stdin>' : file.name}: ` : '';
    if (!chart) {
      differences.push(`${where}no chart '${file.chartId}' was synthesized for this file`);
      continue;
    }
    differences.push(...compareObjects(file.objects.map((o) => o.object), chart.objects).map((d) => `${where}${d}`));
    differences.push(...readBack(chart).map((d) => `${where}${d}`));
  }
  for (const extra of byId.keys()) {
    differences.push(`chart '${extra}' was synthesized but no input file has that name`);
  }
  return differences;
}

/**
 * What kubectl reads from the YAML cdk8s writes for a chart (`Yaml.stringify`, read as the input
 * was: go-yaml's rules), compared with the chart's objects: a value cdk8s writes in a form
 * Kubernetes reads otherwise (a key `<<`, a string that looks like a number) is a difference.
 */
function readBack(chart: SynthesizedChart): string[] {
  const content: string = own('cdk8s').Yaml.stringify(...chart.objects);
  const name = `${chart.id}.k8s.yaml`;
  try {
    const [file] = parseSources([{ name, content }]);
    return compareObjects(chart.objects, file.objects.map((o) => o.object))
      .map((d) => `the synthesized YAML, read as kubectl reads it (input: as synthesized, synthesized: as read): ${d}`);
  } catch (e) {
    if (e instanceof ImportError) {
      return e.problems.map((p) => `the synthesized YAML is not read by kubectl as written: ${p}`);
    }
    throw e;
  }
}

/** The identity of an object in a chart. */
function keyOf(o: any): string {
  return `${o?.apiVersion}|${o?.kind}|${o?.metadata?.namespace ?? ''}|${o?.metadata?.name}`;
}

/**
 * Compares input objects with synthesized ones: matched by apiVersion, kind, namespace and name,
 * then field by field, then their order.
 */
export function compareObjects(input: any[], synthesized: any[]): string[] {
  const differences: string[] = [];
  const unmatched = synthesized.map((o, i) => ({ o, i }));
  const order: number[] = [];
  for (const want of input) {
    const at = unmatched.findIndex((u) => keyOf(u.o) === keyOf(want));
    if (at < 0) {
      differences.push(`${labelOf(want)}: is not in the synthesized app`);
      continue;
    }
    const [{ o, i }] = unmatched.splice(at, 1);
    order.push(i);
    diffValue(want, o, '', differences, labelOf(want));
  }
  for (const { o } of unmatched) {
    differences.push(`${labelOf(o)}: is synthesized but not in the input`);
  }
  if (order.some((v, i) => i > 0 && v < order[i - 1])) {
    const written = [...order].sort((a, b) => a - b).map((i) => labelOf(synthesized[i]));
    differences.push(`the objects are synthesized in another order: input ${input.map(labelOf).join(', ')}; synthesized ${written.join(', ')}`);
  }
  return differences;
}

/** Field-level differences of two values, each `<subject>: <path>: input X, synthesized Y`. */
export function diffValue(input: any, synthesized: any, path: string, out: string[], subject: string): void {
  if (input === synthesized) {
    return;
  }
  if (isObject(input) && isObject(synthesized)) {
    // Own keys only: `constructor` is in every object.
    const ownValue = (o: any, k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
    const keys = [...Object.keys(input), ...Object.keys(synthesized).filter((k) => !Object.prototype.hasOwnProperty.call(input, k))];
    for (const k of keys) {
      diffValue(ownValue(input, k), ownValue(synthesized, k), `${path}${pathKey(k, path === '')}`, out, subject);
    }
    return;
  }
  if (Array.isArray(input) && Array.isArray(synthesized)) {
    const n = Math.max(input.length, synthesized.length);
    for (let i = 0; i < n; i++) {
      // cdk8s resolves a null list item to undefined, which its YAML writes as null (kubectl reads null).
      const item = (list: any[]) => (i < list.length && list[i] === undefined ? null : list[i]);
      diffValue(item(input), item(synthesized), `${path}[${i}]`, out, subject);
    }
    return;
  }
  out.push(`${subject}: ${path || '(the object)'}: input ${show(input)}, synthesized ${show(synthesized)}`);
}

function isObject(v: any): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function pathKey(key: string, first: boolean): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) {
    return first ? key : `.${key}`;
  }
  return `[${JSON.stringify(key)}]`;
}

function show(v: any): string {
  if (v === undefined) {
    return '(none)';
  }
  const s = JSON.stringify(v);
  return s.length > 200 ? `${s.slice(0, 197)}...` : s;
}
