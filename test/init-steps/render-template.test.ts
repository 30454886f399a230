import * as fs from 'fs';
import * as path from 'path';
import { InitPod, InitStep, TemplateEscape } from '../../src';
import { newChart, only, synth } from '../util';
import { containerOf, kubeletExpand, kubeletVars, needs, run, scriptOf, tempDir, variants } from './harness';

jest.setTimeout(30_000);

const app = { name: 'app', image: 'app:1' };

describe('InitStep.renderTemplate', () => {
  test('binds a container that reads the template from a generated ConfigMap and writes into the files volume', () => {
    // GIVEN a template with two variables, one from a Secret
    const step = InitStep.renderTemplate('host=${DB_HOST}\npassword=${DB_PASSWORD}\n', 'app/app.conf', {
      variables: [
        { name: 'DB_HOST', value: 'mysql' },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      ],
    });
    // WHEN it binds to a pod named 'web'
    const binding = step._bindWithProblems({ filesVolumeName: 'init-files', filesMountPath: '/config', podName: 'web' });
    // THEN the template is in a ConfigMap, mounted read-only, and the Secret stays a reference
    expect(step.name).toBe('render-app-conf');
    expect(step.writesFiles).toBe(true);
    expect(binding.problems).toEqual([]);
    expect(binding.configMaps).toEqual([{ name: 'web-render-app-conf', data: { template: 'host=${DB_HOST}\npassword=${DB_PASSWORD}\n' } }]);
    expect(binding.volumes).toEqual([{ name: 'render-app-conf-template', configMap: { name: 'web-render-app-conf' } }]);
    const c = binding.container;
    expect(c.image).toBe('busybox:1.36');
    expect(c.env).toEqual([
      { name: 'DB_HOST', value: 'mysql' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
    ]);
    expect(c.volumeMounts).toEqual([
      { name: 'init-files', mountPath: '/config' },
      { name: 'render-app-conf-template', mountPath: '/etc/init-template', readOnly: true },
    ]);
    expect(c.command![2]).toContain("LC_ALL=C awk -v names='DB_HOST DB_PASSWORD' -v esc=none -v nl=1 ");
    expect(c.command![2]).toContain('< /etc/init-template/template > "$part"');
    expect(c.command![2]).not.toMatch(/\beval\b/);
  });

  test('inline: the template goes into the step\'s environment and works in an InitPod today', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'p' },
      initSteps: [InitStep.renderTemplate('a=${A}', 'a.conf', { inline: true, variables: [{ name: 'A', value: '1' }] })],
      containers: [app],
    });
    const pod = only(synth(chart), 'Pod');
    const [c] = pod.spec.initContainers;
    expect(c.env).toEqual([{ name: 'A', value: '1' }, { name: 'INIT_TEMPLATE', value: 'a=${A}' }]);
    expect(c.command[2]).toContain('printf \'%s\' "$INIT_TEMPLATE" | LC_ALL=C awk');
    expect(c.command[2]).toContain('-v nl=0 ');
    expect(pod.spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }]);
  });

  test('configMapName names the generated ConfigMap', () => {
    const b = InitStep.renderTemplate('x', 'x', { configMapName: 'shared-template' })._bindWithProblems({ filesVolumeName: 'f', filesMountPath: '/c' });
    expect(b.configMaps!.map((m) => m.name)).toEqual(['shared-template']);
    expect(b.problems).toEqual([]);
  });

  test('without a pod name or configMapName, binding reports that the ConfigMap cannot be named', () => {
    const step = InitStep.renderTemplate('x', 'x');
    const b = step._bindWithProblems({ filesVolumeName: 'f', filesMountPath: '/c' });
    expect(b.problems).toEqual(['configMapName: undefined is not known: the pod has no name to derive it from; give configMapName, or inline: true']);
    expect(() => step._bind({ filesVolumeName: 'f', filesMountPath: '/c' })).toThrow(
      "InitStep 'render-x': configMapName: undefined is not known: the pod has no name to derive it from; give configMapName, or inline: true.",
    );
  });

  test('an InitPod writes the generated ConfigMap beside the pod and mounts it into the step', () => {
    // GIVEN
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'web' },
      initSteps: [InitStep.renderTemplate('listen ${PORT}\n', 'nginx.conf', { variables: [{ name: 'PORT', value: '8080' }] })],
      containers: [app],
    });
    // WHEN
    const manifests = synth(chart);
    // THEN
    expect(only(manifests, 'ConfigMap')).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-render-nginx-conf' }, data: { template: 'listen ${PORT}\n' } });
    const spec = only(manifests, 'Pod').spec;
    expect(spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }, { name: 'render-nginx-conf-template', configMap: { name: 'web-render-nginx-conf' } }]);
    expect(spec.initContainers[0].volumeMounts).toContainEqual({ name: 'render-nginx-conf-template', mountPath: '/etc/init-template', readOnly: true });
  });

  test('reports every bad option in one message', () => {
    expect(() => InitStep.renderTemplate('${A} ${B}', '../x', {
      variables: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }, { name: 'my-var', value: '3' }, { name: 'UNUSED', value: '' }],
      escape: 'yaml' as any,
      configMapName: 'Bad_Name',
      name: 'Render',
    })).toThrow(
      'InitStep.renderTemplate has 7 problems:\n' +
      "    - path: \"../x\" must be a relative file path inside the shared files volume, made of letters, digits, '.', '_', '-' and '/', without '.' or '..' segments (e.g. 'config.json');\n" +
      '    - escape: "yaml" must be one of TemplateEscape.NONE, TemplateEscape.JSON_STRING;\n' +
      '    - variables[1].name: "A" is declared twice; declare each variable once;\n' +
      '    - variables[2].name: "my-var" must be a shell variable name (letters, digits and \'_\', not starting with a digit), so the script can read it as "$NAME" without eval;\n' +
      '    - variables[3].name: "UNUSED" is never used in the template; write ${UNUSED} where its value goes, or remove the variable;\n' +
      '    - configMapName: "Bad_Name" must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\');\n' +
      '    - name: "Render" must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\').',
    );
  });

  test('rejects a template holding NUL, which the step cannot write as it is', () => {
    expect(() => InitStep.renderTemplate('key: a\0b\n', 'app.conf', { configMapName: 'cm' })).toThrow(
      'InitStep.renderTemplate: template: holds a NUL character (U+0000) at index 6, which the step cannot write as it is (busybox awk writes a newline instead, and an environment variable cannot hold one); remove it, or ship the file with InitStep.download().',
    );
  });

  test('rejects INIT_TEMPLATE as a variable name when inline', () => {
    expect(() => InitStep.renderTemplate('${INIT_TEMPLATE}', 'x', { inline: true, variables: [{ name: 'INIT_TEMPLATE', value: 'x' }] })).toThrow(
      'InitStep.renderTemplate: variables[0].name: "INIT_TEMPLATE" is the variable that holds the template when inline is true; rename it.',
    );
  });

  test('rejects a template a ConfigMap cannot hold, and an inline one over the kernel\'s limit at bind', () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    expect(() => InitStep.renderTemplate(big, 'x')).toThrow('InitStep.renderTemplate: template: 1048577 bytes is more than a ConfigMap holds (1 MiB); split the file or download it instead.');
    const b = InitStep.renderTemplate('y'.repeat(140_000), 'x', { inline: true })._bindWithProblems({ filesVolumeName: 'f', filesMountPath: '/c' });
    expect(b.problems).toEqual([
      'env[0] (INIT_TEMPLATE): the value is 140014 bytes with its name; Linux limits one environment string to 131072 bytes with its terminating NUL (MAX_ARG_STRLEN), so the container would fail to start with E2BIG (argument list too long); put the template into a ConfigMap (inline: false), or use fewer or smaller values (a large file is better downloaded)',
    ]);
  });
});

describe.each(variants)('renderTemplate scripts in $label', (variant) => {
  const hostile = [
    'plain',
    'two\nlines',
    '${OTHER}',
    '$(touch pwned)',
    '`touch pwned`',
    'back\\slash \\n \\c',
    'quote " and \' and &amp; & \\1 \\0',
    '%s %d %%',
    '} ${ {',
    'tab\tcr\rend',
    'unicode é \u2028 \u0085 😀',
    '',
  ];

  test.concurrent('substitutes exactly the declared variables, with values byte for byte (ESCAPE NONE)', async () => {
    if (!needs(variant, 'awk')) return;
    // GIVEN a template with declared, undeclared and broken references
    const template = 'a=${A}\nb=${B}; undeclared=${C} $A ${A\n${ unclosed ${A}${B}\nlast line without newline';
    const dir = tempDir('tpl');
    for (const value of hostile) {
      const step = InitStep.renderTemplate(template, 'out/app.conf', { inline: true, variables: [{ name: 'A', value: 'x' }, { name: 'B', value: 'y' }] });
      // WHEN the step runs with A holding a hostile value
      const result = await run(variant, scriptOf(step, dir), { env: { A: value, B: 'b', INIT_TEMPLATE: template, OTHER: 'other' } });
      // THEN the file is the template with ${A} and ${B} replaced, nothing else touched
      expect({ value, code: result.code, stderr: result.stderr }).toEqual({ value, code: 0, stderr: '' });
      const expected = template.split('${A}').join(value).split('${B}').join('b');
      expect({ value, out: fs.readFileSync(path.join(dir, 'out/app.conf'), 'utf8') }).toEqual({ value, out: expected });
      expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['app.conf']);
    }
    expect(fs.existsSync(path.join(dir, 'pwned'))).toBe(false);
  });

  test.concurrent('JSON_STRING keeps every value inside its string: the output parses to the same values', async () => {
    if (!needs(variant, 'awk')) return;
    const template = '{"user": "${U}", "password": "${P}"}\n';
    const dir = tempDir('tpl-json');
    for (const value of [...hostile, '"}, "admin": true, "x": {"', '\\"', '\x01\x1f\x7f', 'c1 \u0080\u009f nel \u0085', 'ps \u2029 nonchars \ufffe\uffff', 'nbsp \u00a0 \u0800 \ud7ff \ue000 \u{10ffff}',
      // Long values, escaped in pieces of 256 characters joined at the end (a multi-byte character on every boundary).
      'é€😀a\x01\u2028"\\'.repeat(1000), 'x'.repeat(20000)]) {
      const step = InitStep.renderTemplate(template, 'c.json', { inline: true, escape: TemplateEscape.JSON_STRING, variables: [{ name: 'U', value: '' }, { name: 'P', value: '' }] });
      const result = await run(variant, scriptOf(step, dir), { env: { U: 'app', P: value, INIT_TEMPLATE: template } });
      expect({ value, code: result.code }).toEqual({ value, code: 0 });
      const text = fs.readFileSync(path.join(dir, 'c.json'), 'utf8');
      expect({ value, parsed: JSON.parse(text) }).toEqual({ value, parsed: { user: 'app', password: value } });
      // Nothing a YAML reader refuses (the file may be read as YAML): DEL, C1, separators, U+FFFE/U+FFFF.
      expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\ufffe\uffff]/);
    }
  });

  test.concurrent('JSON_STRING fails, naming the variable and writing nothing, when a value is not UTF-8 (a binary Secret)', async () => {
    if (!needs(variant, 'awk')) return;
    const template = '{"password": "${P}"}\n';
    const dir = tempDir('tpl-utf8');
    const step = InitStep.renderTemplate(template, 'c.json', { inline: true, escape: TemplateEscape.JSON_STRING, variables: [{ name: 'P', value: '' }] });
    for (const bytes of ['p\\377w', 'a\\300\\200', 'a\\355\\240\\200', 'a\\342\\202', 'a\\200']) {
      // GIVEN P holding bytes that are not UTF-8 (set by the shell: an environment from Node is UTF-8)
      const result = await run(variant, `P=$(printf '${bytes}'); export P\n${scriptOf(step, dir)}`, { env: { INIT_TEMPLATE: template } });
      // THEN the step fails and says why
      expect({ bytes, code: result.code, stderr: result.stderr }).toEqual({
        bytes, code: 1, stderr: `the value of P is not valid UTF-8, so it cannot be written into a JSON string\nrender-c-json: could not render ${dir}/c.json\n`,
      });
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });

  test.concurrent('renders $$ and $(NAME) of an inline template as written, through the kubelet\'s expansion', async () => {
    if (!needs(variant, 'awk')) return;
    // GIVEN a template with $$ (a PostgreSQL function body) and a $(NAME) the kubelet knows
    const dir = tempDir('tpl-dollar');
    const template = 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql; -- $(KUBERNETES_SERVICE_HOST) ${OWNER}\n';
    const chart = newChart();
    new InitPod(chart, 'p', {
      initSteps: [InitStep.renderTemplate(template, 'init.sql', { inline: true, variables: [{ name: 'OWNER', value: 'app' }] })],
      filesMountPath: dir,
      containers: [{ name: 'app', image: 'app:1' }],
    });
    const container = only(synth(chart), 'Pod').spec.initContainers[0];
    // WHEN it runs as the kubelet starts it
    const vars = kubeletVars(container);
    const result = await run(variant, kubeletExpand(container.command[2], vars), { env: { OWNER: vars.OWNER, INIT_TEMPLATE: vars.INIT_TEMPLATE } });
    // THEN
    expect(result).toMatchObject({ code: 0 });
    expect(fs.readFileSync(path.join(dir, 'init.sql'), 'utf8')).toBe('CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql; -- $(KUBERNETES_SERVICE_HOST) app\n');
  });

  test.concurrent('reads the template from the mounted ConfigMap', async () => {
    if (!needs(variant, 'awk')) return;
    // GIVEN the ConfigMap's file where the step mounts it (a temp folder here)
    const dir = tempDir('tpl-cm');
    const mounted = tempDir('tpl-mount');
    fs.writeFileSync(path.join(mounted, 'template'), 'server ${HOST}:80;\n');
    const c = containerOf(InitStep.renderTemplate('server ${HOST}:80;\n', 'nginx.conf', { variables: [{ name: 'HOST', value: 'x' }] }), dir);
    const script = c.command[2].replace('/etc/init-template/template', `${mounted}/template`);
    // WHEN it runs
    const result = await run(variant, script, { env: { HOST: 'api.default.svc' } });
    // THEN
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toBe(`render-nginx-conf: wrote ${dir}/nginx.conf\n`);
    expect(fs.readFileSync(path.join(dir, 'nginx.conf'), 'utf8')).toBe('server api.default.svc:80;\n');
  });

  test.concurrent('fails naming every declared variable that is not set, and writes nothing', async () => {
    if (!needs(variant, 'awk')) return;
    const dir = tempDir('tpl-unset');
    const step = InitStep.renderTemplate('${A}${B}${C}', 'x.conf', { inline: true, variables: ['A', 'B', 'C'].map((name) => ({ name, valueFrom: { secretKeyRef: { name: 's', key: name, optional: true } } })) });
    const result = await run(variant, scriptOf(step, dir), { env: { B: '', INIT_TEMPLATE: '${A}${B}${C}' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('render-x-conf: these variables are not set: A, C\n');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('InitStep._render (the container alone)', () => {
  test('is the bound container, and refuses a step whose ConfigMap it would drop', () => {
    const context = { filesVolumeName: 'f', filesMountPath: '/c', podName: 'p' };
    const inline = InitStep.renderTemplate('x', 'x', { inline: true });
    expect(inline._render(context)).toEqual(inline._bind(context).container);
    expect(() => InitStep.renderTemplate('x', 'x')._render(context)).toThrow(
      "InitStep 'render-x': the step needs volumes or a generated ConfigMap besides its container; bind it with _bind, which returns them.",
    );
  });
});
