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

  test('names variables after objects', () => {
    expect(camelCase('nginx-deployment')).toBe('nginxDeployment');
    expect(camelCase('app.kubernetes.io')).toBe('appKubernetesIo');
    expect(camelCase('1st-pod')).toBe('object1stPod');
  });
});
