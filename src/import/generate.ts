import { Binding, Call, camelCase, CodeImport, collectImports, printStatement, RESERVED } from './code';
import { InputObject } from './parse';
import { plain } from './schema';

/**
 * Writing the cdk8s app: imports, the `App`, one `Chart` per input file with one statement per
 * construct, `app.synth()`. Statements keep the order of the input objects; a construct that a
 * later one refers to (the pod a Service targets) is written first, and `addDependency` keeps the
 * objects of the chart in the input's order.
 *
 * @internal
 */

/** One construct of the generated app. */
export interface Statement {
  /** The input objects it writes, in the order it writes them (a generated ConfigMap first). */
  readonly objects: InputObject[];
  /** Its position in the file: the index of its first object. */
  readonly position: number;
  /** The construct id. */
  readonly id: string;
  /** The object name its variable is named after, and its kind. */
  readonly name: string;
  readonly kind: string;
  /** The variable it is assigned to, if another statement refers to it (named when the program is written). */
  readonly binding: Binding;
  /** The expression that creates it. */
  readonly call: Call;
  /** Statements it refers to (a Service's target), which must be written first. */
  readonly references: Statement[];
  /** A comment written above it (why it is written the way it is). */
  readonly note?: string;
  /**
   * JSON patches written after it (`x.addJsonPatch(JsonPatch.add('/data/constructor', 'v'))`): values
   * cdk8s cannot write from props (an object with a `constructor` key), applied to what it synthesized.
   */
  readonly patches?: JsonPatchAdd[];
}

/** A JSON patch `add` of a value at a JSON pointer. */
export interface JsonPatchAdd {
  readonly path: string;
  readonly value: any;
}

/** One chart: the statements of one input file. */
export interface ChartPlan {
  /** The file, as named in the comment above the chart. */
  readonly fileName: string;
  readonly chartId: string;
  readonly variable: string;
  readonly statements: Statement[];
}

const MODULE_ORDER = ['cdk8s', 'cdk8s-plus-28', 'cdk8s-pod-patterns'];

/** The complete program. */
export function generateApp(charts: ChartPlan[], header: string[]): string {
  const imports: CodeImport[] = [{ from: 'cdk8s', name: 'App' }, { from: 'cdk8s', name: 'Chart' }];
  const taken = new Set<string>(charts.map((c) => c.variable));
  const bodies = charts.map((c) => chartBody(c, imports, charts.length > 1, taken));
  const lines: string[] = [...header.flatMap((h) => wrapComment(h)), ...importLines(imports), '', 'const app = new App();'];
  for (const body of bodies) {
    lines.push('', ...body);
  }
  lines.push('', 'app.synth();', '');
  return lines.join('\n');
}

function importLines(imports: CodeImport[]): string[] {
  const byModule = new Map<string, Set<string>>();
  for (const i of imports) {
    if (!byModule.has(i.from)) {
      byModule.set(i.from, new Set());
    }
    byModule.get(i.from)!.add(i.name);
  }
  const modules = [...byModule.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return modules.map((m) => {
    const names = [...byModule.get(m)!].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
    const line = `import { ${names.join(', ')} } from '${m}';`;
    return line.length <= 150 ? line : `import {\n${names.map((n) => `  ${n},\n`).join('')}} from '${m}';`;
  });
}

function rank(module: string): number {
  const i = MODULE_ORDER.indexOf(module);
  return i < 0 ? MODULE_ORDER.length : i;
}

/**
 * The order statements are written in: the input's, except that a statement referring to one
 * later in the input (a Service before the pod it targets) is written right after it.
 */
export function emissionOrder(statements: Statement[]): Statement[] {
  const natural = [...statements].sort((a, b) => a.position - b.position);
  const out: Statement[] = [];
  const done = new Set<Statement>();
  const deferred: Statement[] = [];
  const ready = (s: Statement) => s.references.every((r) => done.has(r) || !statements.includes(r));
  const emit = (s: Statement) => {
    out.push(s);
    done.add(s);
    for (let i = 0; i < deferred.length; i++) {
      if (ready(deferred[i])) {
        const [next] = deferred.splice(i, 1);
        emit(next);
        i = -1;
      }
    }
  };
  for (const s of natural) {
    if (ready(s)) {
      emit(s);
    } else {
      deferred.push(s);
    }
  }
  out.push(...deferred);
  return out;
}

/**
 * For each statement written after its place in the input, the statement that must depend on it
 * so that cdk8s still writes its objects in the input's order: the next one in the input among
 * those written before it. cdk8s writes a chart's objects in construct order, each after the
 * objects it depends on.
 */
export function orderDependencies(order: Statement[]): Map<Statement, Statement> {
  const deps = new Map<Statement, Statement>();
  order.forEach((s, i) => {
    const next = order.slice(0, i).filter((x) => x.position > s.position).sort((a, b) => a.position - b.position)[0];
    if (next) {
      deps.set(s, next);
    }
  });
  return deps;
}

/** Names the variables of the statements that need one, in the order they are written. */
function nameVariables(order: Statement[], needed: Set<Statement>, taken: Set<string>): void {
  for (const s of order) {
    if (!needed.has(s)) {
      continue;
    }
    // After the construct id (the object's name, with its namespace or kind when two objects
    // share one), so that a variable reads as the construct it holds.
    let name = camelCase(s.id);
    if (taken.has(name) || RESERVED.has(name)) {
      name = `${name}${s.kind}`;
    }
    let unique = name;
    for (let i = 2; taken.has(unique) || RESERVED.has(unique); i++) {
      unique = `${name}${i}`;
    }
    taken.add(unique);
    s.binding.variable = unique;
  }
}

function chartBody(chart: ChartPlan, imports: CodeImport[], several: boolean, taken: Set<string>): string[] {
  const lines: string[] = [];
  if (several) {
    lines.push(`// ${chart.fileName}`);
  }
  // A chart with no objects has no variable: nothing would read it (tsc's noUnusedLocals).
  lines.push(`${chart.statements.length > 0 ? `const ${chart.variable} = ` : ''}new Chart(app, '${chart.chartId.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}');`);
  const order = emissionOrder(chart.statements);
  const deps = orderDependencies(order);
  const needed = new Set<Statement>();
  for (const s of order) {
    s.references.forEach((r) => needed.add(r));
  }
  for (const [s, next] of deps) {
    needed.add(s);
    needed.add(next);
  }
  for (const s of order) {
    if (s.patches && s.patches.length > 0) {
      needed.add(s);
    }
  }
  nameVariables(order, needed, taken);
  for (const s of order) {
    collectImports(s.call, imports);
    lines.push('');
    if (s.note) {
      lines.push(...wrapComment(s.note));
    }
    lines.push(printStatement(s.call, 0, needed.has(s) ? `const ${s.binding.variable} = ` : ''));
    if (s.patches && s.patches.length > 0) {
      imports.push({ from: 'cdk8s', name: 'JsonPatch' });
      lines.push(...wrapComment('cdk8s cannot write an object with a `constructor` key from props: it is added to what it synthesizes.'));
      for (const patch of s.patches) {
        lines.push(printStatement(new Call(`${s.binding.variable}.addJsonPatch`, [new Call('JsonPatch.add', [patch.path, plain(patch.value)])]), 0));
      }
    }
    const next = deps.get(s);
    if (next) {
      const labels = (st: Statement) => st.objects.map((o) => o.label).join(', ');
      lines.push(...wrapComment(`${labels(s)} before ${labels(next)}, as in the input:`));
      lines.push(`${next.binding.variable}.addDependency(${s.binding.variable});`);
    }
  }
  return lines;
}

/** A comment, in lines of at most 120 characters. */
function wrapComment(text: string): string[] {
  const lines: string[] = [];
  let line = '//';
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > 120 && line !== '//') {
      lines.push(line);
      line = '//';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}
