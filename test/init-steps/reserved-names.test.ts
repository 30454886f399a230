import { scriptOf } from './harness';
import { InitStep, TemplateEscape } from '../../src';
import { SCRIPT_VARIABLES } from '../../src/init-steps/script';

/** Every step factory, with the options that change its script. */
const steps = (): InitStep[] => [
  InitStep.waitForTcp('db', 5432),
  InitStep.waitForDns('db'),
  InitStep.waitForHttp('http://api/healthz'),
  InitStep.waitForPostgres('db', { user: 'app', database: 'orders' }),
  InitStep.waitForMysql('db', { user: 'app' }),
  InitStep.download('https://example.com/a.json', 'a.json', { sha256: 'a'.repeat(64) }),
  InitStep.downloadFromS3('bucket', 'key', 'b.json', { endpointUrl: 'https://s3.example.com', region: 'eu-west-1' }),
  InitStep.renderTemplate('${A}', 'c.conf', { inline: true, variables: [{ name: 'A', value: '1' }] }),
  InitStep.renderTemplate('${A}', 'd.conf', { variables: [{ name: 'A', value: '1' }], escape: TemplateEscape.JSON_STRING }),
  InitStep.checkRequired({ env: ['A'], files: ['a.json', '/etc/hosts'] }),
];

/** The shell variables a script assigns: `NAME=`, `for NAME in`, `read NAME`. */
function assigned(script: string): string[] {
  const names = new Set<string>();
  for (const m of script.matchAll(/(?:^|[\s;(])([A-Za-z_][A-Za-z0-9_]*)=/g)) {
    names.add(m[1]);
  }
  for (const m of script.matchAll(/\bfor ([A-Za-z_][A-Za-z0-9_]*) in\b|\bread -r ([A-Za-z_][A-Za-z0-9_]*)/g)) {
    names.add(m[1] ?? m[2]);
  }
  return [...names];
}

describe('the names a step\'s script uses itself', () => {
  test('are all reserved: a template variable or checked variable of such a name is refused', () => {
    const missing = steps().flatMap((step) => assigned(scriptOf(step)).filter((n) => !SCRIPT_VARIABLES.includes(n)).map((n) => `${step.name}: ${n}`));
    expect(missing).toEqual([]);
  });

  test.each(['file', 'part', 'dir', 'missing', 'IFS', 'PWD', 'PPID', 'OPTIND', 'LC_ALL', 'PATH'])('refuses %s as a template variable and as a checked variable', (name) => {
    expect(() => InitStep.renderTemplate(`\${${name}}`, 'x.conf', { variables: [{ name, value: 'v' }] })).toThrow(
      `variables[0].name: "${name}" is a variable the step's script or its shell sets itself, which would replace your value before it is read; rename it (e.g. "APP_${name.toUpperCase()}")`);
    expect(() => InitStep.checkRequired({ env: [name] })).toThrow(`env[0]: "${name}" is a variable the step's script or its shell sets itself`);
  });
});
