import { App, Chart, Testing, Yaml } from 'cdk8s';
import { InitPod, InitStep, ManifestImport, PlainPod, Sidecar } from '../../src';

/**
 * Steps and catalogue sidecars write each `$` the kubelet would expand in command, args and their
 * own env values as `$$` (kubeletLiteral): the importer reads those values as the container gets
 * them, so a step whose user values hold `$$` or `$(...)` is still recognised.
 */

function manifest(build: (chart: Chart) => void): string {
  const chart = new Chart(new App(), 'c');
  build(chart);
  return Yaml.stringify(...Testing.synth(chart));
}

describe('import of steps and sidecars whose values hold $$ or $(...)', () => {
  test('GIVEN an inline template with AS $$ ... $$, a Postgres user u$$er and a checked file /etc/app/pa$$wd.txt WHEN imported THEN each is an InitStep call again', () => {
    // GIVEN
    const yaml = manifest((chart) => new InitPod(chart, 'db-setup', {
      metadata: { name: 'db-setup' },
      initSteps: [
        InitStep.renderTemplate('CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql; -- $(HOSTNAME)\n', 'fn.sql', { inline: true }),
        InitStep.waitForPostgres('db', { user: 'u$$er' }),
        InitStep.checkRequired({ files: ['/etc/app/pa$$wd.txt'] }),
      ],
      containers: [{ name: 'app', image: 'nginx:1.27' }],
    }));
    expect(yaml).toContain('u$$$er');
    // WHEN
    const result = ManifestImport.fromSources([{ name: 'dollars.yaml', content: yaml }], { check: true });
    // THEN
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("InitStep.renderTemplate(\n      `CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql; -- $(HOSTNAME)\n`,\n      'fn.sql',\n      { inline: true },\n    ),");
    expect(result.code).toContain("InitStep.waitForPostgres('db', { user: 'u$$er' })");
    expect(result.code).toContain("InitStep.checkRequired({ files: ['/etc/app/pa$$wd.txt'] })");
    expect(result.code).not.toContain('initContainers');
  });

  test('GIVEN a git-sync sidecar whose repository URL holds $$ WHEN imported THEN it is a Sidecar.gitSync call again', () => {
    // GIVEN
    const yaml = manifest((chart) => new PlainPod(chart, 'site', {
      metadata: { name: 'site' },
      containers: [{ name: 'server', image: 'httpd:2.4-alpine' }],
      sidecars: [Sidecar.gitSync({ repo: 'https://git.example.com/team/pa$$ge.git' })],
    }));
    expect(yaml).toContain('pa$$$ge.git');
    // WHEN
    const result = ManifestImport.fromSources([{ name: 'git.yaml', content: yaml }], { check: true });
    // THEN
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("Sidecar.gitSync({ repo: 'https://git.example.com/team/pa$$ge.git' })");
    expect(result.code).not.toContain('Sidecar.container');
  });
});
