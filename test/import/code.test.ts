import { ManifestImport } from '../../src';
import { Call, camelCase, libCall, libRef, print, printStatement, printString } from '../../src/import/code';

describe('the printer of generated code', () => {
  test('quotes strings as the eslint quotes rule wants: single, double when the string holds a single quote', () => {
    expect(printString('nginx')).toBe("'nginx'");
    expect(printString("echo 'hi'")).toBe('"echo \'hi\'"');
    expect(printString('say "it\'s"')).toBe("'say \"it\\'s\"'");
    expect(printString('a\\b\ttab')).toBe("'a\\\\b\\ttab'");
  });

  test('writes a string with line breaks as a template literal, escaping backticks, ${ and backslashes', () => {
    expect(printString('set -e\necho `date` ${HOME} \\\n')).toBe('`set -e\necho \\`date\\` \\${HOME} \\\\\n`');
    // eslint-disable-next-line no-eval
    expect(eval(printString('set -e\necho `date` ${HOME} \\\n'))).toBe('set -e\necho `date` ${HOME} \\\n');
  });

  test('quotes all keys of an object when one needs it, none otherwise', () => {
    expect(print({ app: 'web', tier: 'db' }, 0, 0, 0)).toBe("{ app: 'web', tier: 'db' }");
    expect(print({ 'app': 'web', 'app.kubernetes.io/name': 'db' }, 0, 0, 0)).toBe("{ 'app': 'web', 'app.kubernetes.io/name': 'db' }");
  });

  test('keeps what fits on one line, breaks the rest with trailing commas and hugs a single object', () => {
    const container = { name: 'main-container', image: 'busybox:latest', command: ['sh', '-c', "echo 'Main container started'"] };
    expect(printStatement(new Call('InitPod', ['chart', 'x', { containers: [container] }], [], true), 0)).toBe([
      "new InitPod('chart', 'x', {",
      '  containers: [{',
      "    name: 'main-container',",
      "    image: 'busybox:latest',",
      "    command: ['sh', '-c', \"echo 'Main container started'\"],",
      '  }],',
      '});',
    ].join('\n'));
  });

  test('breaks the one object argument of a call and keeps the others on its first and last line', () => {
    const call = libCall('Sidecar', 'container', [{ name: 'cloud-sql-proxy', image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.3', args: ['--port=5432'] }, libRef('SidecarMode', 'NATIVE')]);
    expect(printStatement([call], 0)).toBe([
      '[Sidecar.container({',
      "  name: 'cloud-sql-proxy',",
      "  image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.3',",
      "  args: ['--port=5432'],",
      '}, SidecarMode.NATIVE)];',
    ].join('\n'));
    expect(call.imports).toEqual([{ from: 'cdk8s-pod-patterns', name: 'Sidecar' }]);
  });

  test('GIVEN objects that share a name WHEN imported THEN each variable is named after its construct id (review 68 L3)', () => {
    const doc = (kind: string, apiVersion: string, namespace: string, spec: string) => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: web\n  namespace: ${namespace}\n${spec}`;
    const deployment = 'spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx:1.27, ports: [{name: http, containerPort: 80}]}]\n';
    const { code } = ManifestImport.fromSources([{
      name: 'web.yaml',
      content: [
        doc('Service', 'v1', 'prod', 'spec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: http}]\n'),
        doc('Deployment', 'apps/v1', 'dev', deployment),
        doc('Deployment', 'apps/v1', 'prod', deployment),
      ].join('---\n'),
    }], { check: true });
    for (const [, variable, id] of code.matchAll(/const (\w+) = new \w+\(chart, '([^']+)'/g)) {
      expect(variable).toBe(camelCase(id));
    }
    expect(code).toContain("const prodWebDeployment = new PlainPod(chart, 'prod-web-deployment'");
  });

  test('names variables after objects', () => {
    expect(camelCase('nginx-deployment')).toBe('nginxDeployment');
    expect(camelCase('app.kubernetes.io')).toBe('appKubernetesIo');
    expect(camelCase('1st-pod')).toBe('object1stPod');
  });
});
