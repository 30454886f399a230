import { AppFailedError, compareObjects, runApp } from './check';
import { Binding, Call, camelCase, RESERVED, Ref } from './code';
import { ChartPlan, generateApp, JsonPatchAdd, Statement } from './generate';
import { ImportError, InputFile, InputObject } from './parse';
import { podCall, podCandidates, POD_KINDS, podShape } from './recognise-pod';
import { serviceCandidates, ServiceTargetCandidate } from './recognise-service';
import { goneIn132, l1Class, plain, toProps, unknownBuiltInKind, ValueStyle } from './schema';
import { unservedApiVersion } from '../validation';

/**
 * From input objects to the statements of the generated app: for every object, candidate
 * constructs from the most idiomatic (a pattern with catalogue entries) to the most literal (the
 * L1 class, then a plain cdk8s `ApiObject`), and the first candidate whose synthesized object
 * equals the input, as data, is kept. Candidates are checked by running their code, the way
 * `--check` runs the whole app.
 *
 * @internal
 */

/** One object's chosen construct and how it came to be. */
interface Choice {
  readonly call: Call;
  readonly objects: InputObject[];
  readonly references: Statement[];
  readonly note?: string;
  readonly patches?: JsonPatchAdd[];
}

/** The chart variable of each file. */
function chartVariables(files: InputFile[]): string[] {
  if (files.length === 1) {
    return ['chart'];
  }
  const used = new Set<string>();
  return files.map((f) => unique(`${camelCase(f.chartId)}Chart`, used));
}

function unique(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name) || RESERVED.has(name) || name in Object.prototype; i++) {
    name = `${base}${i}`;
  }
  used.add(name);
  return name;
}

/** Plans every file: one chart each. Throws an `ImportError` for objects the library rejects. */
export function recognise(files: InputFile[]): ChartPlan[] {
  const chartVars = chartVariables(files);
  const problems: string[] = [];
  const plans = files.map((file, i) => planFile(file, chartVars[i], problems));
  if (problems.length > 0) {
    throw new ImportError(problems);
  }
  return plans;
}

function planFile(file: InputFile, chartVariable: string, problems: string[]): ChartPlan {
  const scope = new Ref(chartVariable);
  const ids = new Set<string>();
  const names = file.objects.map((o) => {
    const name: string = o.object.metadata.name;
    const kind = String(o.object.kind).toLowerCase();
    const ns = o.object.metadata.namespace;
    let id = name;
    // The constructs library keeps children in a plain object: `constructor` is always taken.
    if (ids.has(id) || id in Object.prototype) {
      id = `${name}-${kind}`;
    }
    if (ids.has(id) && ns) {
      id = `${ns}-${name}-${kind}`;
    }
    return { id: unique(id, ids), binding: { variable: camelCase(name) } as Binding };
  });

  const statements: Statement[] = [];
  const targets: Array<ServiceTargetCandidate & { statement: Statement }> = [];
  const statementOf = (index: number, choice: Choice): Statement => ({
    objects: choice.objects,
    position: file.objects.indexOf(choice.objects[0]),
    id: names[index].id,
    name: file.objects[index].object.metadata.name,
    kind: file.objects[index].object.kind,
    binding: names[index].binding,
    call: choice.call,
    references: choice.references,
    note: choice.note,
    patches: choice.patches,
  });

  // Pods first (Services may refer to them), then everything else, each in input order.
  const isPod = (o: InputObject) => POD_KINDS[`${o.object.apiVersion}/${o.object.kind}`] !== undefined;
  const consumed = new Set<InputObject>();
  file.objects.forEach((input, index) => {
    if (!isPod(input)) {
      return;
    }
    const shape = podShape(input.object);
    // The objects right before the pod, up to the previous pod: a construct may write some of them.
    let from = index;
    while (from > 0 && !isPod(file.objects[from - 1])) {
      from--;
    }
    const before = file.objects.slice(from, index);
    const choice = choose(file, chartVariable, names[index], input, podCandidates(input, shape, before).map((c) => ({
      call: podCall(c, scope, names[index].id),
      objects: [...(c.covers ?? []), input],
      references: [],
      library: true,
    })), shape.unexpressible, problems);
    if (!choice) {
      return;
    }
    choice.objects.forEach((o) => consumed.add(o));
    const statement = statementOf(index, choice);
    statements.push(statement);
    if (choice.call.callee !== 'ApiObject' && !choice.call.callee.startsWith('k8s.')) {
      targets.push({ binding: names[index].binding, labels: shape.podLabels, namespace: shape.namespace, statement });
    }
  });
  file.objects.forEach((input, index) => {
    if (isPod(input) || consumed.has(input)) {
      return;
    }
    // A kind the library validates, at a version Kubernetes 1.32 does not serve (batch/v1beta1 CronJob).
    const unserved = unservedApiVersion(input.object.apiVersion, input.object.kind);
    const unknownKind = unknownBuiltInKind(input.object.apiVersion, input.object.kind) ?? goneIn132(input.object.apiVersion, input.object.kind);
    if (unserved || unknownKind) {
      problems.push(`${input.file}:${input.line}: ${input.label}: ${unserved ? `apiVersion ${unserved}` : unknownKind}`);
      return;
    }
    const unexpressible: string[] = [];
    const candidates: Candidate[] = [];
    if (input.object.apiVersion === 'v1' && input.object.kind === 'Service') {
      for (const c of serviceCandidates(input.object, names[index].id, scope, targets, unexpressible)) {
        const target = targets.find((t) => t === c.target);
        candidates.push({ call: c.call, objects: [input], references: target ? [target.statement] : [], library: true });
      }
    }
    const choice = choose(file, chartVariable, names[index], input, candidates, unexpressible, problems);
    if (choice) {
      statements.push(statementOf(index, choice));
    }
  });
  return { fileName: file.name === '-' ? 'standard input' : file.name, chartId: file.chartId, variable: chartVariable, statements };
}

interface Candidate extends Choice {
  /** A construct of this library: its validation errors are the input's. */
  readonly library: boolean;
}

/**
 * The first candidate that round-trips, else the L1 class, else `ApiObject`. When a construct of
 * this library rejects the object (its validation mirrors the API server's), that is reported.
 */
function choose(
  file: InputFile,
  chartVariable: string,
  name: { id: string; binding: Binding },
  input: InputObject,
  candidates: Candidate[],
  unexpressible: string[],
  problems: string[],
): Choice | undefined {
  const scope = new Ref(chartVariable);
  let rejected: string | undefined;
  let mismatch: string[] | undefined;
  let targetRejected: string | undefined;
  for (const candidate of candidates) {
    const outcome = verify(file, chartVariable, name, candidate);
    if (outcome.ok) {
      if (targetRejected !== undefined && candidate.references.length === 0) {
        // A Service that selects a pod's labels but cannot target it: say why.
        const reason = targetRejected.split('\n').map((l) => l.replace(/^\s*-\s*/, '')).find((l) => /targetPort|selector/.test(l)) ?? targetRejected;
        return { ...candidate, note: `Selects its pods by label, not as target: with target the library reports ${reason.replace(/^[^:]*'[^']*':\s*/, '')}` };
      }
      return candidate;
    }
    if (outcome.error !== undefined && candidate.references.length > 0 && targetRejected === undefined) {
      targetRejected = outcome.error;
    }
    if (outcome.error !== undefined) {
      rejected = outcome.error;
    } else if (mismatch === undefined) {
      mismatch = outcome.differences;
    }
  }
  if (candidates.length > 0 && rejected !== undefined && mismatch === undefined) {
    problems.push(`${input.file}:${input.line}: ${input.label}: ${rejected}`);
    return undefined;
  }
  const why = fallbackReason(input, candidates, unexpressible, mismatch);
  // An object with a `constructor` key cannot be written from props (cdk8s takes it for a class
  // instance): the fallbacks write the rest and add it with a JSON patch.
  const { rest: object, patches } = withoutConstructorKeys(input.object);
  const cls = l1Class(object.apiVersion, object.kind);
  const fallbacks: Candidate[] = [];
  const rest = { ...object };
  delete rest.apiVersion;
  delete rest.kind;
  const converted = cls ? toProps(`${cls}Props`, rest, ValueStyle.L1) : undefined;
  // Bytes written as a list of their values (Go decodes them) do not type-check as the L1 class's base64 string.
  const untyped = converted !== undefined && converted.untyped.length > 0
    ? `${converted.untyped.join(', ')} holds bytes written as a list of their values, which the L1 class k8s.${cls} types as a base64 string`
    : undefined;
  if (cls && untyped === undefined) {
    const props = converted!.value;
    fallbacks.push({
      call: new Call(`k8s.${cls}`, [scope, name.id, props], [{ from: 'cdk8s-plus-28', name: 'k8s' }], true),
      objects: [input],
      references: [],
      note: why === undefined ? undefined : `${why}: written with the L1 class.`,
      patches,
      library: false,
    });
  }
  fallbacks.push({
    call: new Call('ApiObject', [scope, name.id, plain(object)], [{ from: 'cdk8s', name: 'ApiObject' }], true),
    objects: [input],
    references: [],
    note: untyped !== undefined ? `${why !== undefined ? `${why}; ` : ''}${untyped}: written as a cdk8s ApiObject.`
      : why !== undefined
        ? `${why}: written as a cdk8s ApiObject${cls ? ` (the L1 class k8s.${cls} would not write it exactly either)` : ''}.`
        : (cls ? undefined : `${object.kind} (${object.apiVersion}) has no class in cdk8s-plus-28: written as a cdk8s ApiObject.`),
    patches,
    library: false,
  });
  for (const candidate of fallbacks) {
    const outcome = verify(file, chartVariable, name, candidate);
    if (outcome.ok) {
      return candidate;
    }
    rejected = outcome.error ?? outcome.differences?.join('; ');
  }
  problems.push(`${input.file}:${input.line}: ${input.label}: cannot be written so that it synthesizes back to the same object: ${rejected}`);
  return undefined;
}

/** Why an object is not written with a construct of this library, for the comment above it (the fallback is added to it). */
function fallbackReason(input: InputObject, candidates: Candidate[], unexpressible: string[], mismatch: string[] | undefined): string | undefined {
  const kind = input.object.kind;
  const construct = kind === 'Service' ? 'ExposedService' : POD_KINDS[`${input.object.apiVersion}/${kind}`] ? 'the pod patterns' : undefined;
  if (!construct) {
    return undefined;
  }
  if (unexpressible.length > 0) {
    // "" for an enum prop: the construct takes it at run time (the API server fills in the
    // default), but TypeScript lets an enum prop hold it only through a cast.
    const empty = unexpressible.some((u) => u.endsWith(': ""')) ? ' (an enum prop takes "" only through a cast in TypeScript)' : '';
    return `${construct} cannot express ${unexpressible.slice(0, 3).join(', ')}${unexpressible.length > 3 ? ', ...' : ''}${empty}`;
  }
  if (candidates.length > 0 && mismatch) {
    return `${construct} would not write this object exactly (${mismatch[0].replace(/^[^:]*: /, '')})`;
  }
  return undefined;
}

interface Outcome {
  readonly ok: boolean;
  /** The construct rejected the object (a validation error). */
  readonly error?: string;
  /** It synthesized something else. */
  readonly differences?: string[];
}

/** Runs one candidate (with the statements it refers to) and compares what it writes with its input objects. */
function verify(file: InputFile, chartVariable: string, name: { id: string; binding: Binding }, candidate: Candidate): Outcome {
  const main = candidate.objects[candidate.objects.length - 1].object;
  const statement: Statement = {
    objects: candidate.objects,
    position: Number.MAX_SAFE_INTEGER,
    id: name.id,
    name: main.metadata.name,
    kind: main.kind,
    binding: name.binding,
    call: candidate.call,
    references: candidate.references,
    patches: candidate.patches,
  };
  const code = generateApp([{ fileName: file.name, chartId: 'check', variable: chartVariable, statements: [...candidate.references, statement] }], []);
  let objects: any[];
  try {
    const [chart] = runApp(code);
    objects = chart.objects;
  } catch (e) {
    if (e instanceof AppFailedError) {
      return { ok: false, error: cleanError(e.message) };
    }
    throw e;
  }
  const expected = [...candidate.references.flatMap((r) => r.objects), ...candidate.objects].map((o) => o.object);
  const differences = compareObjects(expected, objects).filter((d) => !d.startsWith('the objects are synthesized in another order'));
  return differences.length === 0 ? { ok: true } : { ok: false, differences };
}

/** A validation error without cdk8s's wrapper (`Validation failed with the following errors: [path] ...`). */
function cleanError(message: string): string {
  return message.replace(/^Validation failed with the following errors:\s*/, '').replace(/^\s*\[[^\]]*\]\s*/gm, '').trim();
}

/**
 * The object without the parts holding a `constructor` key, and JSON patches that add them back:
 * each patch adds the smallest part that is not in a list and whose removal leaves no empty
 * object behind (cdk8s drops empty objects, and a patch needs its parent).
 */
export function withoutConstructorKeys(object: any): { rest: any; patches: JsonPatchAdd[] | undefined } {
  const paths: string[][] = [];
  const find = (v: any, at: string[]) => {
    if (v === null || typeof v !== 'object') {
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => find(x, [...at, String(i)]));
      return;
    }
    if (Object.prototype.hasOwnProperty.call(v, 'constructor')) {
      paths.push([...at, 'constructor']);
      return;
    }
    for (const k of Object.keys(v)) {
      find(v[k], [...at, k]);
    }
  };
  find(object, []);
  if (paths.length === 0) {
    return { rest: object, patches: undefined };
  }
  const rest = structuredCopy(object);
  const get = (root: any, at: string[]) => at.reduce((v, k) => v?.[k], root);
  const patches: JsonPatchAdd[] = [];
  for (const found of paths) {
    let unit = found;
    for (;;) {
      while (unit.length > 1 && Array.isArray(get(object, unit.slice(0, -1)))) {
        unit = unit.slice(0, -1);
      }
      const parent = get(rest, unit.slice(0, -1));
      if (parent === undefined || !Object.prototype.hasOwnProperty.call(parent, unit[unit.length - 1])) {
        break;
      }
      delete parent[unit[unit.length - 1]];
      if (unit.length > 1 && Object.keys(parent).length === 0) {
        unit = unit.slice(0, -1);
        continue;
      }
      const pointer = `/${unit.map((k) => k.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
      // A patch of a part this one adds again is left out (it would have no parent when applied).
      for (let i = patches.length - 1; i >= 0; i--) {
        if (patches[i].path.startsWith(`${pointer}/`)) {
          patches.splice(i, 1);
        }
      }
      patches.push({ path: pointer, value: get(object, unit) });
      break;
    }
  }
  return { rest, patches };
}

function structuredCopy(v: any): any {
  if (v === null || typeof v !== 'object') {
    return v;
  }
  if (Array.isArray(v)) {
    return v.map(structuredCopy);
  }
  const out: any = {};
  for (const k of Object.keys(v)) {
    Object.defineProperty(out, k, { value: structuredCopy(v[k]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
