import * as fs from 'fs';
import * as path from 'path';
import { ManifestImport } from '../../src';

/**
 * The code generated for the seed's manifests (and the StatefulSet of the Kubernetes tutorial)
 * is compared with reviewed files in test/fixtures/import/: any change of the generated code is
 * a deliberate change of those files. The files themselves round-trip too.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures');
const read = (file: string) => fs.readFileSync(path.join(FIXTURES, file), 'utf8');

describe('import golden files', () => {
  test.each([
    ['init-container.yml', 'import/init-container.ts'],
    ['sidecar-container.yml', 'import/sidecar-container.ts'],
    ['k8s-docs/web.yaml', 'import/web.ts'],
  ])('GIVEN %s WHEN imported THEN the code is exactly %s', (input, golden) => {
    // WHEN
    const result = ManifestImport.fromSources([{ name: path.basename(input), content: read(input) }]);
    // THEN
    expect(result.code).toEqual(read(golden));
  });

  test.each([
    ['init-container.yml', 'import/init-container.ts'],
    ['sidecar-container.yml', 'import/sidecar-container.ts'],
    ['k8s-docs/web.yaml', 'import/web.ts'],
  ])('GIVEN the reviewed %s app WHEN checked against its YAML THEN it synthesizes it exactly', (input, golden) => {
    expect(ManifestImport.check(read(golden), [{ name: path.basename(input), content: read(input) }])).toEqual([]);
  });

  test('GIVEN the seed init-container.yml WHEN imported THEN it is the InitPod of the examples, in a chart of its own', () => {
    const code = read('import/init-container.ts');
    const example = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'init-container.ts'), 'utf8');
    // The construct is written as examples/init-container.ts writes it (indented by 4 there).
    const construct = code.slice(code.indexOf('new InitPod('), code.indexOf('});') + 3).replace('(chart,', '(this,');
    const inExample = example.slice(example.indexOf('new InitPod('), example.indexOf('});') + 3).replace(/^ {4}/gm, '');
    expect(construct).toEqual(inExample);
  });
});
