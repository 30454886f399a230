import { Problems } from '../../src/problems';
import { validateObject, ValidationOptions } from '../../src/validation';
import { inProcessProblems } from '../k8s-validators';

/**
 * One rule of the API server, shown on one object: the data-driven catalogue of the validation
 * mirror. `scripts/gen-validation-doc.ts` reads every exported `RuleCase[]` of
 * `test/validation/*.cases.ts` to build the coverage table in docs/validation.md.
 */
export interface RuleCase {
  /** The Go function whose rule the case shows, as cited in src/validation (e.g. 'validateProbe'). */
  readonly go: string;
  /** What the case shows, as a sentence: 'rejects a liveness probe with successThreshold 2'. */
  readonly name: string;
  /** A whole object as the library would write it: apiVersion, kind, metadata, spec. */
  readonly manifest: any;
  /** Exactly the problems expected, `<path>: <message>`, in order; [] when the API server accepts it. */
  readonly problems: string[];
  /** Options for the checks (e.g. the node port range). */
  readonly options?: ValidationOptions;
  /**
   * Whether an accepted object is also checked by the offline Kubernetes 1.28 schema checks
   * (false for objects that use fields newer than 1.28).
   *
   * @default true
   */
  readonly offline128?: boolean;
}

/** The problems `validateObject` reports for a manifest. */
export function problemsOf(manifest: any, options?: ValidationOptions): string[] {
  const problems = new Problems();
  validateObject(manifest, problems, options);
  return problems.messages;
}

/** One jest test per case: the exact problems, and for accepted objects the offline checks. */
export function runCases(title: string, cases: RuleCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      test(`${c.go}: ${c.name}`, () => {
        expect(problemsOf(c.manifest, c.options)).toEqual(c.problems);
        if (c.problems.length === 0 && c.offline128 !== false) {
          expect(inProcessProblems([c.manifest])).toEqual([]);
        }
      });
    }
  });
}

/** A Pod named 'p' with the given spec (one busybox container named 'c' unless containers are given). */
export function pod(spec: any = {}, metadata: any = { name: 'p' }): any {
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], ...spec } };
}

/** A Pod whose single container 'c' has these extra fields. */
export function podWithContainer(container: any, spec: any = {}): any {
  return pod({ ...spec, containers: [{ name: 'c', image: 'busybox:1.36', ...container }] });
}
