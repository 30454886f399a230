#!/usr/bin/env node
// Generates src/props-schema.ts: the run-time schema of every exported interface of src/**/*.ts
// (src/validation/ aside)
// (props, options, ports, ...), read with the TypeScript compiler API: fields, optionality and
// types (primitives, enums, string literals, arrays, maps, nested structs, library classes,
// behavioural interfaces, unions). Fields typed with a Kubernetes struct (`k8s.Container`, or
// the plain-value mirrors of src/k8s-types.ts) delegate to the Kubernetes 1.32 schema of
// src/k8s-schema.ts. src/props.ts checks props with it (`checkProps`).
//
// Usage: node scripts/gen-props-schema.js            (writes src/props-schema.ts)
//        node scripts/gen-props-schema.js --stdout   (prints it; used by the staleness test)
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
// Generated or internal modules whose interfaces are not props.
const SKIP_FILES = new Set(['k8s-types.ts', 'k8s-schema.ts', 'k8s-values.ts', 'props.ts', 'props-schema.ts', 'problems.ts']);

function generate() {
  // Every module of src/ and its folders (catalogues such as src/sidecars/), but the validation
  // mirror and the importer's internals (src/import/ but its public index.ts, whose options and
  // sources plain JavaScript passes too).
  const list = (dir) => fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'validation' ? [] : e.name === 'import' ? [path.join(p, 'index.ts')] : list(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
  const files = list(SRC);
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const k8sSchemaText = fs.readFileSync(path.join(SRC, 'k8s-schema.ts'), 'utf8');
  const K8S = new Set([...k8sSchemaText.matchAll(/^ {2}(\w+): '/gm)].map((m) => m[1]));

  const structs = {};
  const enums = {};
  const classes = {};
  const ifaces = {};
  const pending = [];
  const declared = {};

  const declFile = (sym) => (sym && sym.declarations && sym.declarations[0] ? path.resolve(sym.declarations[0].getSourceFile().fileName) : '');
  const inSrc = (file) => file.startsWith(SRC + path.sep);
  const packageOf = (file) => {
    const m = file.match(/node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/);
    return m ? m[1].replace(/\\/g, '/') : undefined;
  };
  const isK8sL1 = (file) => /node_modules[\\/]cdk8s-plus-\d+[\\/]lib[\\/]imports[\\/]k8s\.d\.ts$/.test(file);
  const k8sName = (name) => (/^Kube(\w+)Props$/.test(name) ? name.replace(/^Kube(\w+)Props$/, '$1') : name);

  function enc(type, where) {
    if (type.flags & ts.TypeFlags.Any || type.flags & ts.TypeFlags.Unknown) return 'a';
    if (type.flags & ts.TypeFlags.String) return 's';
    if (type.flags & ts.TypeFlags.Number) return 'n';
    if (type.flags & ts.TypeFlags.Boolean) return 'b';
    if (type.flags & ts.TypeFlags.EnumLiteral && !(type.flags & ts.TypeFlags.Union)) {
      // a single member of an enum
      return ['l', [type.value]];
    }
    if (type.isUnion()) {
      const parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
      if (type.flags & ts.TypeFlags.EnumLiteral || (type.aliasSymbol === undefined && parts.length > 0 && parts.every((t) => t.flags & ts.TypeFlags.EnumLiteral) && type.symbol && type.symbol.flags & ts.SymbolFlags.Enum)) {
        return encEnum(type.symbol);
      }
      if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return 'b';
      if (parts.every((t) => t.flags & ts.TypeFlags.StringLiteral)) return ['l', parts.map((t) => t.value)];
      // true | false arrive split inside a larger union: merge them back
      const out = [];
      let bool = false;
      for (const p of parts) {
        if (p.flags & ts.TypeFlags.BooleanLiteral) {
          if (!bool) out.push('b');
          bool = true;
        } else {
          out.push(enc(p, where));
        }
      }
      return out.length === 1 ? out[0] : ['|', out];
    }
    if (type.flags & ts.TypeFlags.StringLiteral) return ['l', [type.value]];
    if (type.flags & ts.TypeFlags.Enum || (type.symbol && type.symbol.flags & ts.SymbolFlags.Enum)) return encEnum(type.symbol);
    if (checker.isArrayType(type)) return ['[', enc(checker.getTypeArguments(type)[0], where)];
    if (checker.isTupleType(type)) return ['t', checker.getTypeArguments(type).map((t, i) => enc(t, `${where}[${i}]`))];
    if (type.getCallSignatures().length > 0) return 'f';
    const sym = type.aliasSymbol && !type.symbol ? type.aliasSymbol : type.symbol;
    const file = declFile(sym);
    const name = sym ? sym.getName() : '';
    if (name === 'Date' && !inSrc(file)) return 'd';
    if (isK8sL1(file)) {
      if (name === 'Quantity') return 'q';
      if (name === 'IntOrString') return 'o';
      const k = k8sName(name);
      if (!K8S.has(k)) throw new Error(`${where}: k8s.${name} is not in src/k8s-schema.ts; add a root to scripts/gen-k8s-schema.js`);
      return ['k', k];
    }
    if (file === path.join(SRC, 'k8s-types.ts')) {
      if (!K8S.has(name)) throw new Error(`${where}: ${name} (k8s-types.ts) is not in src/k8s-schema.ts`);
      return ['k', name];
    }
    if (sym && sym.flags & ts.SymbolFlags.Class) return encClass(sym, type, file);
    const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
    const props = checker.getPropertiesOfType(type);
    if (index && props.length === 0) return ['{', enc(index.type, `${where}[key]`)];
    if (sym && (sym.flags & ts.SymbolFlags.Interface)) {
      const methods = props.filter((p) => p.flags & ts.SymbolFlags.Method).map((p) => p.getName());
      if (methods.length > 0 || /^I[A-Z]/.test(name)) {
        if (!ifaces[name]) ifaces[name] = methods.filter((m) => !(checker.getTypeOfSymbol(m) && false));
        return ['i', name];
      }
      const seen = declared[name];
      if (seen && seen !== sym) throw new Error(`${where}: two interfaces are named ${name}; the props schema needs unique names`);
      declared[name] = sym;
      if (!structs[name] && !pending.some((p) => p[0] === name)) pending.push([name, type]);
      return ['S', name];
    }
    if (sym && sym.flags & ts.SymbolFlags.TypeLiteral && props.length > 0) {
      throw new Error(`${where}: an anonymous object type; give it an exported interface`);
    }
    throw new Error(`${where}: unsupported type ${checker.typeToString(type)}`);
  }

  function encEnum(sym) {
    const name = sym.getName();
    if (!enums[name]) {
      const members = {};
      for (const decl of sym.declarations) {
        for (const m of decl.members || []) {
          members[m.name.getText()] = checker.getConstantValue(m);
        }
      }
      enums[name] = members;
    }
    return ['e', name];
  }

  function encClass(sym, type, file) {
    const name = sym.getName();
    if (!classes[name]) {
      const module = inSrc(file) ? '' : packageOf(file);
      // Static factories (methods or properties that give an instance), for messages.
      const ctorType = checker.getTypeOfSymbolAtLocation(sym, sym.declarations[0]);
      const hints = [];
      for (const p of checker.getPropertiesOfType(ctorType)) {
        if (p.getName() === 'prototype' || p.getName().startsWith('_')) continue;
        const decl = p.declarations && p.declarations[0];
        if (!decl || (ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected))) continue;
        const pt = checker.getTypeOfSymbolAtLocation(p, decl);
        const sigs = pt.getCallSignatures();
        if (sigs.length > 0) {
          if (sigs.some((s) => checker.getReturnTypeOfSignature(s).symbol === sym)) {
            hints.push(`${name}.${p.getName()}(${sigs[0].parameters.length > 0 ? '...' : ''})`);
          }
        } else if (pt.symbol === sym) {
          hints.push(`${name}.${p.getName()}`);
        }
      }
      const ctor = sym.declarations[0].members.find((m) => ts.isConstructorDeclaration(m));
      const publicCtor = !ctor || !(ts.getCombinedModifierFlags(ctor) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
      const abstract = ts.getCombinedModifierFlags(sym.declarations[0]) & ts.ModifierFlags.Abstract;
      if (publicCtor && !abstract) hints.unshift(`new ${name}(...)`);
      classes[name] = [module, hints];
    }
    return ['c', name];
  }

  function encStruct(name, type) {
    const fields = {};
    structs[name] = fields;
    for (const p of checker.getPropertiesOfType(type)) {
      const decl = p.declarations && p.declarations[0];
      const optional = !!(p.flags & ts.SymbolFlags.Optional);
      const pt = checker.getTypeOfSymbolAtLocation(p, decl);
      const t = optional ? checker.getNonNullableType(pt) : pt;
      fields[p.getName()] = optional ? [enc(t, `${name}.${p.getName()}`), 1] : [enc(t, `${name}.${p.getName()}`)];
    }
  }

  for (const file of files) {
    if (SKIP_FILES.has(path.basename(file))) continue;
    const sf = program.getSourceFile(file);
    const moduleSym = checker.getSymbolAtLocation(sf);
    if (!moduleSym) continue;
    for (const exp of checker.getExportsOfModule(moduleSym)) {
      const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
      if (!(sym.flags & ts.SymbolFlags.Interface) || declFile(sym) !== file) continue;
      const type = checker.getDeclaredTypeOfSymbol(sym);
      enc(type, sym.getName());
    }
  }
  while (pending.length) {
    const [name, type] = pending.shift();
    if (!structs[name]) encStruct(name, type);
  }

  // A single-quoted TypeScript string literal of the text.
  const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  const line = (o) => Object.entries(sorted(o)).map(([k, v]) => `  ${/^\w+$/.test(k) ? k : JSON.stringify(k)}: ${JSON.stringify(v)},`).join('\n');
  const out = `// Generated by scripts/gen-props-schema.js from the exported interfaces of src/*.ts (TypeScript
// compiler API). Do not edit by hand: rerun the script.
/* eslint-disable */

/**
 * A type: \`s\` string, \`n\` number, \`b\` boolean, \`a\` any, \`f\` function, \`d\` Date, \`q\` Quantity
 * value, \`o\` IntOrString value, ['l', [literals]], ['e', enum], ['k', Kubernetes struct of
 * k8s-schema.ts], ['S', struct], ['c', class], ['i', behavioural interface], ['[', element],
 * ['t', [tuple element types]], ['{', map value], ['|', [alternatives]].
 *
 * @internal
 */
export type PropType = string | [string, any];

/**
 * Structs (props and options interfaces, and the interfaces they use): field -> [type] when
 * required, [type, 1] when optional; each as JSON text, parsed on first use (string literals
 * load in a fraction of the time nested array literals take).
 *
 * @internal
 */
export const PROPS_STRUCTS: { [name: string]: string } = {
${Object.keys(structs).sort().map((k) => `  ${/^\w+$/.test(k) ? k : JSON.stringify(k)}: ${quote(JSON.stringify(structs[k]))},`).join('\n')}
};

/** Enums: member name -> value. @internal */
export const PROPS_ENUMS: { [name: string]: { [member: string]: string | number } } = {
${line(enums)}
};

/** Classes: [module ('' for this library), the ways to get an instance]. @internal */
export const PROPS_CLASSES: { [name: string]: [string, string[]] } = {
${line(classes)}
};

/** Behavioural interfaces: the methods an implementation has. @internal */
export const PROPS_INTERFACES: { [name: string]: string[] } = {
${line(ifaces)}
};
`;
  return { out, structs, enums, classes, ifaces };
}

if (require.main === module) {
  const { out, structs, enums, classes, ifaces } = generate();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(out);
  } else {
    fs.writeFileSync(path.join(SRC, 'props-schema.ts'), out);
    console.log(`wrote src/props-schema.ts: ${Object.keys(structs).length} structs, ${Object.keys(enums).length} enums, ${Object.keys(classes).length} classes, ${Object.keys(ifaces).length} interfaces, ${out.length} bytes`);
  }
}

module.exports = { generate };
