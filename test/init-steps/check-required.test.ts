import * as fs from 'fs';
import * as path from 'path';
import { InitPod, InitStep } from '../../src';
import { newChart, only, synth, synthError } from '../util';
import { run, scriptOf, tempDir, variants } from './harness';

jest.setTimeout(30_000);

describe('InitStep.checkRequired', () => {
  test('gives the step the app\'s environment sources and mounts the files volume for relative files', () => {
    // GIVEN
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'p' },
      initSteps: [
        InitStep.checkRequired({
          env: ['DB_URL', 'API_KEY'],
          files: ['app.json', '/etc/tls/tls.crt'],
          envFrom: [{ secretRef: { name: 'app-secrets' } }],
          envVars: [{ name: 'DB_URL', valueFrom: { configMapKeyRef: { name: 'app', key: 'db' } } }],
          volumeMounts: [{ name: 'tls', mountPath: '/etc/tls', readOnly: true }],
        }),
      ],
      containers: [{ name: 'app', image: 'app:1' }],
      volumes: [{ name: 'tls', secret: { secretName: 'tls' } }],
    });
    // WHEN
    const spec = only(synth(chart), 'Pod').spec;
    // THEN
    const [c] = spec.initContainers;
    expect(c.name).toBe('check-required');
    expect(c.envFrom).toEqual([{ secretRef: { name: 'app-secrets' } }]);
    expect(c.env).toEqual([{ name: 'DB_URL', valueFrom: { configMapKeyRef: { name: 'app', key: 'db' } } }]);
    expect(c.volumeMounts).toEqual([{ name: 'init-files', mountPath: '/config' }, { name: 'tls', mountPath: '/etc/tls', readOnly: true }]);
    expect(c.command[2]).toContain('[ -n "${DB_URL:-}" ] || missing="${missing}${missing:+, }"\'environment variable DB_URL\'');
    expect(c.command[2]).toContain("[ -e /config/app.json ] || missing=\"${missing}${missing:+, }\"'file /config/app.json'");
    expect(spec.volumes).toContainEqual({ name: 'init-files', emptyDir: {} });
  });

  test('fails when a later step writes a file it checks, or when it names a file of the files volume by its absolute path', () => {
    // GIVEN
    const late = newChart();
    const absolute = newChart();
    // WHEN
    new InitPod(late, 'p', {
      metadata: { name: 'p' },
      containers: [{ name: 'app', image: 'app:1' }],
      initSteps: [InitStep.checkRequired({ name: 'chk', files: ['config.json'] }), InitStep.renderTemplate('{}', 'config.json', { inline: true, name: 'render' })],
    });
    new InitPod(absolute, 'p', {
      metadata: { name: 'p' },
      containers: [{ name: 'app', image: 'app:1' }],
      initSteps: [InitStep.renderTemplate('{}', 'config.json', { inline: true, name: 'render' }), InitStep.checkRequired({ name: 'chk', files: ['/config/config.json', '/etc/hosts'] })],
    });
    // THEN
    expect(synthError(late)).toContain('initSteps: InitStep \'render\': path: "config.json" is checked by InitStep \'chk\', which runs before this step and would find it missing on every start (the files volume is empty when the pod starts); add the check after this step.');
    expect(synthError(absolute)).toContain('initSteps: InitStep \'chk\': files: "/config/config.json" is in the shared files volume (filesMountPath "/config"), which this step mounts only when it names a file relative to it, so it would never find it; write "config.json".');
    expect(synthError(absolute)).not.toContain('/etc/hosts');
  });

  test('accepts an absolute file under /config in a pod without a files volume (a volume of your own mounted there)', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      volumes: [{ name: 'cfg', configMap: { name: 'app' } }],
      containers: [{ name: 'app', image: 'app:1', volumeMounts: [{ name: 'cfg', mountPath: '/config' }] }],
      initSteps: [InitStep.checkRequired({ name: 'chk', files: ['/config/app.yaml'], volumeMounts: [{ name: 'cfg', mountPath: '/config' }] })],
    });
    expect(only(synth(chart), 'Pod').spec.initContainers[0].volumeMounts).toEqual([{ name: 'cfg', mountPath: '/config' }]);
  });

  /** A pod whose files volume is at /config (a template step) and whose check step mounts a Secret of its own. */
  const withOwnMount = (files: string[], mountPath = '/config/creds') => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      volumes: [{ name: 'creds', secret: { secretName: 'creds' } }],
      containers: [{ name: 'app', image: 'app:1' }],
      initSteps: [
        InitStep.renderTemplate('{}', 'app.conf', { inline: true, name: 'render' }),
        InitStep.checkRequired({ name: 'chk', files, volumeMounts: [{ name: 'creds', mountPath }] }),
      ],
    });
    return chart;
  };

  test('accepts an absolute file under the files volume\'s path when the step mounts a volume of its own there (a Secret at /config/creds)', () => {
    for (const mountPath of ['/config/creds', '/config/creds/', '/config']) {
      expect(only(synth(withOwnMount(['/config/creds/token'], mountPath)), 'Pod').spec.initContainers[1].volumeMounts).toEqual([{ name: 'creds', mountPath }]);
    }
  });

  test('still fails for an absolute file of the files volume beside the step\'s own mount (/config/app.conf with a volume at /config/creds)', () => {
    const message = synthError(withOwnMount(['/config/app.conf', '/config/credsx']));
    expect(message).toContain('files: "/config/app.conf" is in the shared files volume');
    expect(message).toContain('files: "/config/credsx" is in the shared files volume');
  });

  test('resolves . and .. in absolute files as the shell does (review 13 A8)', () => {
    expect(synthError(withOwnMount(['/config/creds/../other']))).toContain('files: "/config/creds/../other" is in the shared files volume (filesMountPath "/config"), which this step mounts only when it names a file relative to it, so it would never find it; write "other".');
    expect(only(synth(withOwnMount(['/config/./creds/token'])), 'Pod').spec.initContainers).toHaveLength(2);
  });

  test('accepts a check after the step that writes the file', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      containers: [{ name: 'app', image: 'app:1' }],
      initSteps: [InitStep.renderTemplate('{}', 'config.json', { inline: true, name: 'render' }), InitStep.checkRequired({ name: 'chk', files: ['config.json'] })],
    });
    expect(only(synth(chart), 'Pod').spec.initContainers.map((c: any) => c.name)).toEqual(['render', 'chk']);
  });

  test('checks of environment variables only need no volume', () => {
    const step = InitStep.checkRequired({ env: ['A'] });
    expect(step.writesFiles).toBe(false);
    expect(step._bind({ filesVolumeName: 'f', filesMountPath: '/c' }).container.volumeMounts).toBeUndefined();
  });

  test('reports every bad option in one message', () => {
    expect(() => InitStep.checkRequired({ env: ['OK', 'my.var', '1X'], files: ['../x', 'a b'], name: 'Check' })).toThrow(
      'InitStep.checkRequired has 5 problems:\n' +
      '    - env[1]: "my.var" must be a shell variable name (letters, digits and \'_\', not starting with a digit), so the script can read it as "$NAME" without eval;\n' +
      '    - env[2]: "1X" must be a shell variable name (letters, digits and \'_\', not starting with a digit), so the script can read it as "$NAME" without eval;\n' +
      '    - files[0]: "../x" must be an absolute path, or a relative path inside the shared files volume made of letters, digits, \'.\', \'_\', \'-\' and \'/\' without \'.\' or \'..\' segments;\n' +
      '    - files[1]: "a b" must be an absolute path, or a relative path inside the shared files volume made of letters, digits, \'.\', \'_\', \'-\' and \'/\' without \'.\' or \'..\' segments;\n' +
      '    - name: "Check" must be a lowercase RFC 1123 label',
    );
    expect(() => InitStep.checkRequired({})).toThrow('InitStep.checkRequired: env and files: both are empty; name at least one environment variable or file to check.');
  });
});

describe.each(variants)('checkRequired scripts in $label', (variant) => {
  test.concurrent('finds a file whose name holds $$, as the kubelet leaves the script written for it', async () => {
    const dir = tempDir('req-dollar');
    fs.writeFileSync(path.join(dir, 'pa$$wd.txt'), 'x');
    const result = await run(variant, scriptOf(InitStep.checkRequired({ files: [path.join(dir, 'pa$$wd.txt')] })));
    expect(result).toMatchObject({ code: 0 });
  });

  test.concurrent('fails at once with one message listing every missing variable and file', async () => {
    // GIVEN a files volume with one of two files, and one of three variables set (one empty)
    const dir = tempDir('req');
    fs.writeFileSync(path.join(dir, 'present.json'), '{}');
    const odd = path.join(dir, "it's here");
    fs.writeFileSync(odd, '');
    const step = InitStep.checkRequired({ env: ['SET', 'EMPTY', 'UNSET'], files: ['present.json', 'missing.json', odd, `${dir}/gone $(touch x)`] });
    // WHEN
    const result = await run(variant, scriptOf(step, dir), { env: { SET: 'x', EMPTY: '' } });
    // THEN
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`check-required: missing: environment variable EMPTY, environment variable UNSET, file ${dir}/missing.json, file ${dir}/gone $(touch x)\n`);
    expect(result.seconds).toBeLessThan(2);
  });

  test.concurrent('exits 0 when everything is there', async () => {
    const dir = tempDir('req-ok');
    fs.writeFileSync(path.join(dir, 'a.json'), '{}');
    const result = await run(variant, scriptOf(InitStep.checkRequired({ env: ['A'], files: ['a.json'] }), dir), { env: { A: '1' } });
    expect(result).toMatchObject({ code: 0, stdout: 'check-required: every required environment variable and file is present\n', stderr: '' });
  });
});
