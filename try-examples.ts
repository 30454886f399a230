import { Yaml } from 'cdk8s';
import * as fs from 'fs';
import { ManifestImport } from './src';
import { exampleCharts } from './test/example-charts';
import { Testing } from 'cdk8s';
const only = process.argv[2];
for (const [file, chart] of exampleCharts()) {
  if (only && !file.includes(only)) continue;
  const yaml = Yaml.stringify(...Testing.synth(chart));
  try {
    const r = ManifestImport.fromSources([{ name: file.replace('dist/', ''), content: yaml }], { check: true });
    console.log(`=== ${file}: ${r.differences.length ? 'DIFF' : 'ok'}`);
    if (only || r.differences.length) console.log(r.code);
    for (const d of r.differences) console.log('  ', d);
  } catch (e) { console.log(`=== ${file}: ERROR ${(e as Error).message}`); }
}
for (const f of [...fs.readdirSync('test/fixtures/k8s-docs').map((x) => 'k8s-docs/' + x), ...fs.readdirSync('test/fixtures/vendor-manifests').map((x) => 'vendor-manifests/' + x)]) {
  if (only && !f.includes(only)) continue;
  try {
    const r = ManifestImport.fromFiles([`test/fixtures/${f}`], { check: true });
    console.log(`=== ${f}: ${r.differences.length ? 'DIFF' : 'ok'}`);
    if (only || r.differences.length) console.log(r.code);
    for (const d of r.differences) console.log('  ', d);
  } catch (e) { console.log(`=== ${f}: ERROR ${(e as Error).message}`); }
}
