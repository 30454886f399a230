import { spawnSync } from 'child_process';
import { busybox, inCi, scriptOf } from './harness';
import { InitStep, TemplateEscape } from '../../src';
import { CHECK_REQUIRED_VARIABLES } from '../../src/init-steps/check-required';
import { RENDER_TEMPLATE_VARIABLES } from '../../src/init-steps/render-template';
import { SHELL_VARIABLES } from '../../src/init-steps/script';

/** The steps that read variables the user names, with the options that change their scripts, and the names each reserves. */
const steps = (): Array<[InitStep, readonly string[]]> => [
  [InitStep.renderTemplate('${A}', 'c.conf', { inline: true, variables: [{ name: 'A', value: '1' }] }), RENDER_TEMPLATE_VARIABLES],
  [InitStep.renderTemplate('${A}', 'd.conf', { variables: [{ name: 'A', value: '1' }], escape: TemplateEscape.JSON_STRING }), RENDER_TEMPLATE_VARIABLES],
  [InitStep.checkRequired({ env: ['A'], files: ['a.json', '/etc/hosts'] }), CHECK_REQUIRED_VARIABLES],
];

/** The shell variables a script assigns: `NAME=`, `for NAME in`, `read NAME`. */
function assigned(script: string): string[] {
  const names = new Set<string>();
  // Not awk's -v assignments, which are awk variables.
  for (const m of script.matchAll(/(?:^|(?<!-v)[\s;(])([A-Za-z_][A-Za-z0-9_]*)=/g)) {
    names.add(m[1]);
  }
  for (const m of script.matchAll(/\bfor ([A-Za-z_][A-Za-z0-9_]*) in\b|\bread -r ([A-Za-z_][A-Za-z0-9_]*)/g)) {
    names.add(m[1] ?? m[2]);
  }
  return [...names];
}

describe('the names a step\'s script uses itself', () => {
  test('are all reserved: a template variable or checked variable of such a name is refused', () => {
    const missing = steps().flatMap(([step, own]) => assigned(scriptOf(step)).filter((n) => !own.includes(n) && !SHELL_VARIABLES.includes(n)).map((n) => `${step.name}: ${n}`));
    expect(missing).toEqual([]);
  });

  test.each(['file', 'part', 'dir', 'missing', 'IFS', 'PWD', 'PPID', 'OPTIND', 'LC_ALL', 'PATH'])('refuses %s as a template variable', (name) => {
    expect(() => InitStep.renderTemplate(`\${${name}}`, 'x.conf', { variables: [{ name, value: 'v' }] })).toThrow(
      `variables[0].name: "${name}" is a variable the step's script or its shell sets itself, which would replace your value before it is read; rename it (e.g. "APP_${name.toUpperCase()}")`);
  });

  test.each(['missing', 'IFS', 'PATH'])('refuses %s as a checked variable', (name) => {
    expect(() => InitStep.checkRequired({ env: [name] })).toThrow(`env[0]: "${name}" is a variable the step's script or its shell sets itself`);
  });

  test('takes the names another step\'s script uses (url, source, end, i) and the usual ones (HOME, USER, LANG, TZ)', () => {
    for (const name of ['url', 'source', 'end', 'i', 'HOME', 'USER', 'LANG', 'TZ']) {
      expect(InitStep.renderTemplate(`\${${name}}`, 'x.conf', { variables: [{ name, value: 'v' }] }).name).toBe('render-x-conf');
    }
    expect(InitStep.checkRequired({ env: ['file', 'dir', 'url', 'HOME'] }).name).toBe('check-required');
  });
});

describe('the variables the shell sets itself', () => {
  // Every special variable of bash, dash and busybox sh: a shell that replaces a value given in the environment changes what a step reads.
  const CANDIDATES = ['BASH', 'BASHOPTS', 'BASHPID', 'BASH_ENV', 'BASH_XTRACEFD', 'CDPATH', 'COLUMNS', 'ENV', 'EPOCHREALTIME', 'EPOCHSECONDS', 'EUID',
    'FUNCNAME', 'GROUPS', 'HISTCMD', 'HISTFILE', 'HOME', 'HOSTNAME', 'HOSTTYPE', 'IFS', 'LINENO', 'LINES', 'MACHTYPE', 'MAIL', 'MAILPATH', 'OLDPWD',
    'OPTARG', 'OPTERR', 'OPTIND', 'OSTYPE', 'PATH', 'PPID', 'PS1', 'PS2', 'PS3', 'PS4', 'PWD', 'RANDOM', 'SECONDS', 'SHELL', 'SHELLOPTS', 'SHLVL',
    'SRANDOM', 'TMOUT', 'UID'];
  test.each([['busybox sh', busybox ?? '', 'sh'], ['sh', 'sh']])('are reserved, for each one %s replaces', (_label, ...argv) => {
    if (argv[0] === '') {
      if (inCi) throw new Error('busybox is not on PATH; .ci/run installs it.');
      return;
    }
    const replaced = CANDIDATES.filter((name) => {
      const result = spawnSync(argv[0], [...argv.slice(1), '-c', `printf '%s' "$${name}"`], { env: { PATH: process.env.PATH, [name]: 'given-value' }, encoding: 'utf8' });
      return result.stdout !== 'given-value';
    });
    // PATH and PWD are replaced here because the probe sets them otherwise; they are reserved all the same.
    expect(replaced.filter((name) => !SHELL_VARIABLES.includes(name))).toEqual([]);
    expect(replaced.length).toBeGreaterThan(0);
  });

  test.each(['RANDOM', 'SHLVL', 'EPOCHSECONDS'])('refuses %s, which busybox sh replaces, as a template and a checked variable', (name) => {
    expect(() => InitStep.renderTemplate(`\${${name}}`, 'x.conf', { variables: [{ name, value: 'v' }] })).toThrow(`"${name}" is a variable the step's script or its shell sets itself`);
    expect(() => InitStep.checkRequired({ env: [name] })).toThrow(`env[0]: "${name}" is a variable the step's script or its shell sets itself`);
  });
});
