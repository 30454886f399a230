import { CONFIG_MAP_CASES } from './configmap.cases';
import { CONTAINER_CASES } from './container.cases';
import { ENV_CASES } from './env.cases';
import { METADATA_CASES } from './metadata.cases';
import { POD_SPEC_CASES, POD_SPEC_CASES_1_32 } from './pod-spec.cases';
import { PROBES_CASES } from './probes.cases';
import { RESOURCES_CASES } from './resources.cases';
import { SCHEDULING_CASES, SCHEDULING_CASES_1_32 } from './scheduling.cases';
import { POD_SECURITY_CONTEXT_CASES, SECURITY_CONTEXT_CASES } from './security-context.cases';
import { SERVICE_CASES } from './service.cases';
import { VOLUME_CASES } from './volumes.cases';
import { APPS_CASES, BATCH_CASES } from './workloads.cases';
import { Problems } from '../../src/problems';
import { validateObject } from '../../src/validation';

/**
 * Plain JavaScript and JSON may hold objects whose own keys shadow the conversions of
 * Object.prototype (`{"toString": null}`): string conversion of such a value throws. Every field of
 * every catalogue manifest is replaced by such values in turn; validation must report problems,
 * never throw (a property test of the workloads found the first: a Service selector value).
 */
const CASES = [
  ...CONFIG_MAP_CASES, ...CONTAINER_CASES, ...ENV_CASES, ...METADATA_CASES, ...POD_SPEC_CASES, ...POD_SPEC_CASES_1_32, ...PROBES_CASES,
  ...RESOURCES_CASES, ...SCHEDULING_CASES, ...SCHEDULING_CASES_1_32, ...POD_SECURITY_CONTEXT_CASES, ...SECURITY_CONTEXT_CASES, ...SERVICE_CASES,
  ...VOLUME_CASES, ...APPS_CASES, ...BATCH_CASES,
];
const HOSTILE = ['{"toString":null,"valueOf":null}', '{"a":{"toString":null}}', '[{"toString":null}]', '{"toJSON":null,"constructor":null,"hasOwnProperty":null}'];

/** The paths of every field of a value (at most 400 per manifest). */
function fieldPaths(value: any, prefix: string[] = [], out: string[][] = []): string[][] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      if (out.length < 400) {
        fieldPaths(v, [...prefix, k], out);
      }
    }
  }
  return out;
}

test('GIVEN any field of any catalogue manifest replaced by an object whose keys shadow toString or valueOf WHEN validated THEN problems are reported and nothing throws', () => {
  const thrown: string[] = [];
  let runs = 0;
  for (const c of CASES) {
    for (const p of fieldPaths(c.manifest)) {
      for (const hostile of HOSTILE) {
        const copy = JSON.parse(JSON.stringify(c.manifest));
        const parent = p.slice(0, -1).reduce((o, k) => o[k], copy);
        parent[p[p.length - 1]] = JSON.parse(hostile);
        runs++;
        try {
          validateObject(copy, new Problems());
        } catch (e) {
          thrown.push(`${c.manifest.kind} ${p.join('.')} = ${hostile}: ${(e as Error).message}`);
        }
      }
    }
  }
  expect(runs).toBeGreaterThan(10000);
  expect(thrown.slice(0, 10)).toEqual([]);
});

test('GIVEN a Service selector value that is an object with toString: null WHEN validated THEN it is reported as a value the API server cannot decode', () => {
  const problems = new Problems();
  validateObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { selector: JSON.parse('{"app":{"toString":null}}'), ports: [{ port: 80 }] } }, problems);
  expect(problems.messages).toEqual(['spec.selector[app]: is an object, but ServiceSpec.selector takes a string (the API server cannot decode it).']);
});
