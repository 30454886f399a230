import { pod, RuleCase } from './cases';

/** Cases of the rules that were mirrored before src/validation/ was split by area. */
export const EXAMPLE_CASES: RuleCase[] = [
  {
    go: 'validateContainers',
    name: 'rejects a pod without containers',
    manifest: pod({ containers: [] }),
    problems: ['spec.containers: a pod needs at least one main container; add one.'],
  },
  {
    go: 'ValidatePodSpec',
    name: 'accepts the smallest pod',
    manifest: pod(),
    problems: [],
  },
];
