import { fieldProblems, kubectl128, kubectlProblems, manifestProblems, schemaProblems } from './k8s-validators';

const pod = (container: any): any => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [container] } });
const good = pod({ name: 'app', image: 'busybox', ports: [{ containerPort: 80, name: 'http' }], resources: { limits: { cpu: 1, memory: '64Mi' } } });
const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'p' }, ports: [{ port: 80, targetPort: 'http' }] } };
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd' },
  spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: good.spec } },
};

describe('the three offline manifest checks', () => {
  test('accept a valid Pod, Service and Deployment (kubectl in one batch)', () => {
    // WHEN
    const problems = manifestProblems([good, service, deployment]);
    // THEN
    expect(problems).toEqual([]);
  });

  test('(a) the kubernetes-models schema reports a missing required field and a wrong type', () => {
    // GIVEN a container without a name, and a port number written as a string
    const noName = pod({ image: 'busybox' });
    const stringPort = pod({ name: 'app', image: 'busybox', ports: [{ containerPort: '80' }] });
    // THEN
    expect(schemaProblems(noName)).toEqual(['schema: data/spec/containers/0 must have required property name']);
    expect(schemaProblems(stringPort)).toEqual(['schema: data/spec/containers/0/ports/0/containerPort must be integer']);
  });

  test('(b) the 1.28 field walker reports an unknown field and a wrong type', () => {
    // GIVEN a misspelt field and a boolean where 1.28 wants a string
    const typo = pod({ name: 'app', image: 'busybox', volumeMount: [] });
    const wrongType = pod({ name: 'app', image: true });
    // THEN
    expect(fieldProblems(typo)).toHaveLength(1);
    expect(fieldProblems(typo)[0]).toMatch(/^spec\.containers\[0\]\.volumeMount: unknown field "volumeMount" \(V1Container has: args, command, /);
    expect(fieldProblems(wrongType)).toEqual(['spec.containers[0].image: expected a string, got true']);
  });

  test('(b) the 1.28 field walker knows 1.28: a field added later is unknown', () => {
    // GIVEN resizePolicy (1.27) is known, while the 1.33 pod-level resources field is not
    const newer = { ...good, spec: { ...good.spec, resources: { limits: { cpu: 1 } } } };
    // THEN
    expect(fieldProblems(pod({ name: 'a', image: 'b', resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }))).toEqual([]);
    expect(fieldProblems(newer)[0]).toMatch(/^spec\.resources: unknown field "resources"/);
  });

  test('(b) quantities may be numbers or strings, but not objects', () => {
    const wrapped = pod({ name: 'app', image: 'busybox', resources: { limits: { cpu: { value: '100m' } } } });
    expect(fieldProblems(wrapped)).toEqual(['spec.containers[0].resources.limits.cpu: expected a quantity (string or number), got {"value":"100m"}']);
  });

  test('(c) kubectl.1.28 names the document it cannot decode, in a batch with non-pod kinds', () => {
    // GIVEN a batch whose third document has a port number written as a string
    const bad = { ...pod({ name: 'app', image: 'busybox', ports: [{ containerPort: '80' }] }), metadata: { name: 'bad' } };
    // WHEN
    const problems = kubectlProblems([good, service, bad, deployment]);
    // THEN (without kubectl.1.28 beside kubectl, the check is documented to be a no-op)
    if (!kubectl128()) {
      expect(problems).toEqual([]);
      return;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^kubectl\.1\.28: document 2 \(Pod bad\): error: unable to decode .*cannot unmarshal string into Go struct field ContainerPort\.spec\.containers\.ports\.containerPort of type int32/);
  });
});
