import { Call, CodeImport, collectImports, printStatement, Ref } from './code';
import { InputObject } from './parse';

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
  /** The variable it is assigned to, if another statement refers to it. */
  readonly variable: string;
  /** The expression that creates it. */
  readonly call: Call;
  /** Statements it refers to (a Service's target), which must be written first. */
  readonly references: Statement[];
  /** A comment written above it (why it is written the way it is). */
  readonly note?: string;
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
  const bodies = charts.map((c) => chartBody(c, imports, charts.length > 1));
  const lines: string[] = [...header.map((h) => `// ${h}`), ...importLines(imports), '', 'const app = new App();'];
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

/** The order statements are written in: input order, each referenced statement first. */
export function emissionOrder(statements: Statement[]): Statement[] {
  const natural = [...statements].sort((a, b) => a.position - b.position);
  const out: Statement[] = [];
  const done = new Set<Statement>();
  const emit = (s: Statement, stack: Set<Statement>) => {
    if (done.has(s) || stack.has(s)) {
      return;
    }
    stack.add(s);
    for (const r of s.references) {
      emit(r, stack);
    }
    done.add(s);
    out.push(s);
  };
  for (const s of natural) {
    emit(s, new Set());
  }
  return out;
}

/**
 * For each statement written before its place in the input (a pod a Service before it refers
 * to), the statements it must depend on so that cdk8s writes it after them: those earlier in the
 * input but written after it.
 */
export function orderDependencies(order: Statement[]): Map<Statement, Statement[]> {
  const deps = new Map<Statement, Statement[]>();
  order.forEach((s, i) => {
    const later = order.slice(i + 1).filter((x) => x.position < s.position).sort((a, b) => a.position - b.position);
    if (later.length > 0) {
      deps.set(s, later);
    }
  });
  return deps;
}

function chartBody(chart: ChartPlan, imports: CodeImport[], several: boolean): string[] {
  const lines: string[] = [];
  if (several) {
    lines.push(`// ${chart.fileName}`);
  }
  lines.push(`const ${chart.variable} = new Chart(app, '${chart.chartId.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}');`);
  const order = emissionOrder(chart.statements);
  const deps = orderDependencies(order);
  const referenced = new Set<Statement>();
  for (const s of order) {
    s.references.forEach((r) => referenced.add(r));
  }
  for (const [s, ds] of deps) {
    referenced.add(s);
    ds.forEach((d) => referenced.add(d));
  }
  // Each addDependency() call goes after the last statement it names.
  const pending = new Map<Statement, string[]>();
  for (const [s, ds] of deps) {
    const last = ds.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a));
    const names = ds.map((d) => d.variable).join(', ');
    const before = ds.map((d) => d.objects.map((o) => o.label).join(', ')).join(', ');
    const line = `${s.variable}.addDependency(${names}); // ${s.objects.map((o) => o.label).join(', ')} after ${before}, as in the input`;
    pending.set(last, [...(pending.get(last) ?? []), line]);
  }
  for (const s of order) {
    collectImports(s.call, imports);
    lines.push('');
    if (s.note) {
      lines.push(...wrapComment(s.note));
    }
    lines.push(printStatement(s.call, 0, referenced.has(s) ? `const ${s.variable} = ` : ''));
    lines.push(...(pending.get(s) ?? []));
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

/** The chart argument of a construct: the chart's variable. */
export function scopeRef(chartVariable: string): Ref {
  return new Ref(chartVariable);
}
