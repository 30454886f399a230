import { InitPod, InitStep, Workload } from '../src';
import { exampleCharts } from './example-charts';
import { kubeletExpand, kubeletVars } from './init-steps/harness';
import { newChart, only, synth, synthError } from './util';

const app = { name: 'app', image: 'app:1', command: ['sh', '-c', 'cat /config/config.json'] };
const sha256 = 'a'.repeat(64);

function podWith(...initSteps: InitStep[]): any {
  const chart = newChart();
  new InitPod(chart, 'p', { metadata: { name: 'p' }, initSteps, containers: [app] });
  return only(synth(chart), 'Pod');
}

describe('InitStep', () => {
  test('waitForTcp becomes one busybox init container named after the host', () => {
    // WHEN
    const pod = podWith(InitStep.waitForTcp('mysql', 3306));
    // THEN
    const [c] = pod.spec.initContainers;
    expect(Object.keys(c).sort()).toEqual(['command', 'image', 'name']);
    expect(c.name).toBe('wait-for-mysql');
    expect(c.image).toBe('busybox:1.36');
    expect(c.command.slice(0, 2)).toEqual(['sh', '-c']);
    expect(c.command[2]).toContain('  nc -w 5 mysql 3306 -e true </dev/null >/dev/null 2>&1 &\n  pid=$!');
    expect(c.command[2]).not.toMatch(/\btimeout\b/);
    expect(c.command[2]).toContain('end=$$(($$(date +%s) + 300))');
    expect(c.command[2]).toContain('sleep $$((left < 2 ? left : 2))');
    expect(c.command[2]).not.toContain('nc -z');
  });

  test('steps take their name, image, timeout and interval from the options', () => {
    const pod = podWith(InitStep.waitForHttp('http://api:8080/healthz', { name: 'api-ready', image: 'busybox:1.36.1-musl', timeoutSeconds: 30, intervalSeconds: 5 }));
    const [c] = pod.spec.initContainers;
    expect(c.name).toBe('api-ready');
    expect(c.image).toBe('busybox:1.36.1-musl');
    expect(c.command[2]).toContain('end=$$(($$(date +%s) + 30))');
    expect(c.command[2]).toContain('sleep $$((left < 5 ? left : 5))');
    expect(c.command[2]).toContain('url=http://api:8080/healthz\n');
    expect(c.command[2]).toContain("printf 'api-ready: timed out after 30 s: %s did not answer with a status of 200 to 204\\n' \"$url\" >&2; exit 1");
  });

  test('waitForDns refuses an IP address, which needs no lookup and may have no reverse record', () => {
    expect(() => InitStep.waitForDns('10.0.0.7')).toThrow('InitStep.waitForDns: host: "10.0.0.7" is an IP address, which needs no name lookup (getent and nslookup would ask for its reverse (PTR) record and wait out the timeout without one); use InitStep.waitForTcp("10.0.0.7", PORT) to wait for the server.');
    expect(() => InitStep.waitForDns('::5')).toThrow('host: "::5" is an IP address');
    expect(() => InitStep.waitForDns('[::1]')).toThrow('InitStep.waitForDns: host: "[::1]" is an IP address, which needs no name lookup');
  });

  test('waitForDns uses exit codes of getent or nslookup, never their output', () => {
    const [c] = podWith(InitStep.waitForDns('mysql.db.svc.cluster.local')).spec.initContainers;
    expect(c.name).toBe('wait-for-dns-mysql-db-svc-cluster-local');
    expect(c.command[2]).toContain('then lookup="getent hosts"; else lookup=nslookup; fi');
    expect(c.command[2]).toContain('  $lookup mysql.db.svc.cluster.local >/dev/null 2>&1 &\n');
    expect(c.command[2]).not.toMatch(/grep|awk|sed/);
  });

  test('steps run after initContainers, in the declared order', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      initContainers: [{ name: 'prepare', image: 'busybox:1.36', command: ['true'] }],
      initSteps: [
        InitStep.waitForDns('mysql'),
        InitStep.waitForTcp('mysql', 3306),
        InitStep.container({ name: 'migrate', image: 'app:1', command: ['./migrate'] }),
        InitStep.command('check-env', 'busybox:1.36', ['sh', '-c', 'test -n "$HOME"']),
      ],
      containers: [app],
    });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['prepare', 'wait-for-dns-mysql', 'wait-for-mysql', 'migrate', 'check-env']);
    expect(spec.initContainers[3]).toEqual({ name: 'migrate', image: 'app:1', command: ['./migrate'] });
    expect(spec.initContainers[4]).toEqual({ name: 'check-env', image: 'busybox:1.36', command: ['sh', '-c', 'test -n "$HOME"'] });
  });

  test('wait steps add no volume and no mount', () => {
    const pod = podWith(InitStep.waitForTcp('mysql', 3306));
    expect(pod.spec.volumes).toBeUndefined();
    expect(pod.spec.containers).toEqual([app]);
  });

  test('download writes into a shared emptyDir mounted into the step and every main container', () => {
    // GIVEN / WHEN
    const chart = newChart();
    new InitPod(chart, 'p', {
      initSteps: [InitStep.download('https://my-bucket.s3.amazonaws.com/app/config.json', 'config.json', { sha256 })],
      containers: [app, { name: 'second', image: 'x:1' }],
    });
    const spec = only(synth(chart), 'Pod').spec;
    // THEN
    expect(spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }]);
    const [step] = spec.initContainers;
    expect(step.name).toBe('download-config-json');
    expect(step.volumeMounts).toEqual([{ name: 'init-files', mountPath: '/config' }]);
    expect(step.command[2]).toContain('url=https://my-bucket.s3.amazonaws.com/app/config.json\nfile=/config/config.json\npart=/config/config.json.part\n');
    expect(step.command[2]).toContain('  wget -q -O "$part" "$url" &\n');
    expect(step.command[2]).toContain(`sum=$$(sha256sum < "$part") || exit 1\nsum=\${sum%% *}\nif [ "$sum" != ${sha256} ]; then`);
    expect(step.command[2]).toContain('mv "$part" "$file" || exit 1');
    for (const c of spec.containers) {
      expect(c.volumeMounts).toEqual([{ name: 'init-files', mountPath: '/config' }]);
    }
  });

  test('the files volume name and mount path are configurable', () => {
    const chart = newChart();
    const pod = new InitPod(chart, 'p', {
      initSteps: [InitStep.download('https://example.com/a.tgz', 'deps/a.tgz')],
      containers: [app],
      filesVolumeName: 'deps',
      filesMountPath: '/work/',
    });
    const spec = only(synth(chart), 'Pod').spec;
    expect(pod.filesMountPath).toBe('/work');
    expect(spec.volumes).toEqual([{ name: 'deps', emptyDir: {} }]);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'deps', mountPath: '/work' }]);
    expect(spec.initContainers[0].command[2]).toContain('dir=/work/deps\n');
    expect(spec.initContainers[0].command[2]).toContain('mkdir -p "$dir" || exit 1');
    expect(spec.initContainers[0].command[2]).not.toContain('sha256sum');
  });

  test('a main container that already mounts the files volume keeps its own mount', () => {
    const chart = newChart();
    const own = { ...app, volumeMounts: [{ name: 'init-files', mountPath: '/etc/app', readOnly: true }] };
    new InitPod(chart, 'p', { initSteps: [InitStep.download('https://example.com/c.json', 'c.json')], containers: [own] });
    expect(only(synth(chart), 'Pod').spec.containers[0]).toEqual(own);
  });

  test('works as a Deployment too', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      workload: Workload.deployment({ replicas: 2 }),
      initSteps: [InitStep.waitForTcp('mysql', 3306)],
      containers: [app],
    });
    const d = only(synth(chart), 'Deployment');
    expect(d.spec.template.spec.initContainers[0].name).toBe('wait-for-mysql');
  });

  test('quotes values that are valid but not plain words', () => {
    const url = "https://example.com/c.json?sig=a'b&x=$(id)";
    const [c] = podWith(InitStep.waitForHttp(url)).spec.initContainers;
    // $(id) is written $$(id): the kubelet would otherwise expand a variable named id.
    expect(c.command[2]).toContain("url='https://example.com/c.json?sig=a'\\''b&x=$$(id)'\n");
    expect(kubeletExpand(c.command[2], { id: 'expanded' })).toContain("url='https://example.com/c.json?sig=a'\\''b&x=$(id)'\n");
    expect(c.command[2]).toContain('wget -q --spider "$url"');
  });

  test('writes every value so that the kubelet\'s $(NAME) and $$ expansion gives the container the value as checked', () => {
    // GIVEN values with $$ and $(NAME), and the variables the kubelet knows
    const url = 'https://example.com/a$$b?x=$(KUBERNETES_SERVICE_HOST)';
    const [http, pg, s3] = podWith(
      InitStep.waitForHttp(url),
      InitStep.waitForPostgres('db', { user: 'u$$1', database: 'db_$(PGUSER)' }),
      InitStep.downloadFromS3('bucket', 'k/a$$b', 'g'),
    ).spec.initContainers;
    // THEN what the shell gets is what was written
    expect(kubeletExpand(http.command[2], kubeletVars(http))).toContain(`url='${url}'`);
    expect(kubeletVars(pg)).toMatchObject({ PGUSER: 'u$$1', PGDATABASE: 'db_$(PGUSER)' });
    expect(kubeletExpand(s3.command[2], kubeletVars(s3))).toContain('s3://bucket/k/a$$b');
    // AND a script's own command substitutions are written as they are
    expect(http.command[2]).toContain('end=$$(($$(date +%s) + 300))');
  });

  test('reports every bad option of one step in one message', () => {
    expect(() => InitStep.waitForTcp('my db', 70000, { timeoutSeconds: 0, intervalSeconds: 1.5, name: 'Wait_DB' })).toThrow(
      'InitStep.waitForTcp has 5 problems:\n' +
      "    - host: \"my db\" must be a host name (letters, digits, '_', '-' and '.', e.g. 'mysql' or 'mysql.db.svc.cluster.local') or an IP address;\n" +
      '    - port: 70000 must be a port number between 1 and 65535;\n' +
      '    - timeoutSeconds: 0 must be a whole number of seconds, at least 1;\n' +
      '    - intervalSeconds: 1.5 must be a whole number of seconds, at least 1;\n' +
      '    - name: "Wait_DB" must be a lowercase RFC 1123 label',
    );
  });

  test('rejects a checksum that is not 64 hex digits', () => {
    expect(() => InitStep.download('https://example.com/c.json', 'c.json', { sha256: 'abc; rm -rf /' })).toThrow(
      'InitStep.download: sha256: "abc; rm -rf /" must be 64 hexadecimal digits (the output of \'sha256sum FILE\').',
    );
  });

  test('says that an IPv6 address in a URL goes between brackets, when a \'[\' is not closed or there is none', () => {
    expect(() => InitStep.download('https://[::1/c.json', 'c.json')).toThrow('InitStep.download: url: "https://[::1/c.json": its \'[\' is not closed; an IPv6 address goes between \'[\' and \']\' (e.g. \'https://[::1]:8080/\').');
    expect(() => InitStep.waitForHttp('http://fd00::1:8080/healthz')).toThrow('its host and port "fd00::1:8080" have more than one \':\'; an IPv6 address goes between');
    expect(InitStep.waitForHttp('http://[fd00::1]:8080/healthz').name).toBe('wait-for-http-fd00-1');
  });

  test('accepts a host of 253 characters with the root \'.\' after it, and counts a longer one without that dot', () => {
    const label = 'a'.repeat(63);
    const host = [label, label, label, 'a'.repeat(61)].join('.');
    expect(host).toHaveLength(253);
    expect(InitStep.download(`http://${host}./x`, 'x').name).toMatch(/^download-/);
    expect(() => InitStep.download(`http://${host}a./x`, 'x')).toThrow('has 254 characters; a host name has at most 253 (a trailing root \'.\' aside)');
  });

  test('shows in a message what JSON cannot hold as JavaScript writes it', () => {
    expect(() => InitStep.renderTemplate('${A}', 'a.json', { variables: { A: 1n } } as any)).toThrow('variables: {"A":1n} must be a list');
  });

  test('rejects credentials in a URL', () => {
    expect(() => InitStep.download('https://user:secret@example.com/c.json', 'c.json')).toThrow('contains credentials, which would be written in clear text into the manifest');
  });

  test('rejects an empty command', () => {
    expect(() => InitStep.command('x', 'busybox:1.36', [])).toThrow('InitStep.command: command: [] is empty');
  });

  test('rejects a command list with a hole (plain JavaScript: [\'echo\', , \'x\']) at the call', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => InitStep.command('x', 'busybox:1.36', ['echo', , 'x'] as any)).toThrow('InitStep.command: command[1]: ');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => InitStep.command('x', 'busybox:1.36', ['echo', , 'x'] as any)).toThrow('command[1]: undefined is not a string; command is a list of strings (the program and its arguments): ["echo",undefined,"x"]');
    expect(() => InitStep.command('x', 'busybox:1.36', ['echo', Symbol('a')] as any)).toThrow('command[1]: Symbol(a) is not a string; command is a list of strings (the program and its arguments): ["echo",Symbol(a)]');
    expect(() => InitStep.command('x', 'busybox:1.36', ['echo', function f() {}] as any)).toThrow('command[1]: [Function f] is not a string');
  });

  test('accepts IP addresses as hosts', () => {
    expect(InitStep.waitForTcp('10.0.0.7', 5432).name).toBe('wait-for-10-0-0-7');
    expect(InitStep.waitForTcp('::1', 5432).name).toBe('wait-for-1');
  });

  test('two steps with the same default name fail with the pod validation', () => {
    const chart = newChart();
    new InitPod(chart, 'p', { metadata: { name: 'p' }, initSteps: [InitStep.waitForTcp('mysql', 3306), InitStep.waitForTcp('mysql', 33060)], containers: [app] });
    expect(synthError(chart)).toContain('container name "wait-for-mysql" is already used by spec.initContainers[0]');
  });

  test('fails when the files mount path is relative', () => {
    const chart = newChart();
    new InitPod(chart, 'p', { metadata: { name: 'p' }, initSteps: [InitStep.download('https://example.com/c.json', 'c.json')], containers: [app], filesMountPath: 'config' });
    expect(synthError(chart)).toContain('filesMountPath: "config" must be an absolute path');
  });
});

describe('the init-steps example', () => {
  test('waits for MySQL, downloads config.json with its sha256, then starts the app with the file mounted', () => {
    // GIVEN the examples app
    const chart = exampleCharts().get('dist/init-steps.k8s.yaml')!;
    // WHEN
    const pod = only(synth(chart), 'Pod');
    // THEN
    expect(pod.metadata).toEqual({ name: 'init-steps' });
    expect(pod.spec.initContainers.map((c: any) => c.name)).toEqual(['wait-for-mysql', 'download-config-json']);
    expect(pod.spec.initContainers[0].command[2]).toContain('nc -w 5 mysql 3306');
    expect(pod.spec.initContainers[0].command[2]).toContain('+ 120))');
    expect(pod.spec.initContainers[1].command[2]).toContain('url=https://my-bucket.s3.amazonaws.com/app/config.json\nfile=/config/config.json\npart=/config/config.json.part\n');
    expect(pod.spec.initContainers[1].command[2]).toContain('wget -q -O "$part" "$url"');
    expect(pod.spec.initContainers[1].command[2]).toContain('if [ "$sum" != cbdcc68bad6dd8ae7b8bfa9f8eefa2248e32194154c5b15385b8fd5f977826b9 ]; then');
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: 'init-files', mountPath: '/config' }]);
    expect(pod.spec.containers[0].command[2]).toContain('cat /config/config.json');
    expect(pod.spec.volumes).toEqual([{ name: 'init-files', emptyDir: {} }]);
  });
});

describe('InitPod filesMountPath', () => {
  test('reports a relative filesMountPath in the pod\'s one message', () => {
    // GIVEN a download step and a relative files mount path
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'files' },
      initSteps: [InitStep.download('https://example.com/config.json', 'config.json')],
      containers: [app],
      filesMountPath: 'config',
    });
    // THEN one message for the object holds every problem, the pattern's own included
    const message = synthError(chart);
    expect(message.match(/InitPod 'files'/g)).toHaveLength(1);
    expect(message).toContain('- filesMountPath: "config" must be an absolute path (e.g. \'/config\'); init steps write files there and it is mounted into every main container.');
  });
});

describe('step options that are not an object', () => {
  const loose = (o: unknown): any => o;

  test.each([
    ['a list', [{ timeoutSeconds: 10 }], 'InitStep.waitForTcp(): options: [{"timeoutSeconds":10}] is a list, not an object of options; pass { ... } (e.g. { timeoutSeconds: 60 }) or leave the argument out.'],
    ['a string', 'wait-db', 'InitStep.waitForTcp(): options: "wait-db" is a string, not an object of options;'],
    ['null', null, 'InitStep.waitForTcp(): options: null is null, not an object of options;'],
  ])('are rejected instead of ignored: %s', (_kind, options, message) => {
    expect(() => InitStep.waitForTcp('db', 5432, loose(options))).toThrow(message);
  });

  test('give an example of the factory\'s own options, and offer leaving them out only where they are optional (review 13 B7)', () => {
    expect(() => InitStep.checkRequired(loose('DATABASE_URL'))).toThrow(
      'InitStep.checkRequired(): options: "DATABASE_URL" is a string, not an object of options; pass { ... } (e.g. { env: [\'DATABASE_URL\'] }).');
    expect(() => InitStep.renderTemplate('x', 'a.conf', loose(['A']))).toThrow(
      'InitStep.renderTemplate(): options: ["A"] is a list, not an object of options; pass { ... } (e.g. { variables: [{ name: \'DB_HOST\', value: \'db\' }] }) or leave the argument out.');
  });

  test('are rejected by every factory', () => {
    expect(() => InitStep.download('https://example.com/a', 'a', loose('x'))).toThrow('InitStep.download(): options: "x" is a string');
    expect(() => InitStep.renderTemplate('x', 'a', loose(5))).toThrow('InitStep.renderTemplate(): options: 5 is a number');
  });
});

describe('InitStep option messages', () => {
  test('end with the question they ask, not "?." (review 45 V7)', () => {
    expect(() => InitStep.download('https://example.com/a', 'a', { sha265: 'x' } as any)).toThrow(/^InitStep\.download: sha265 is not a field of DownloadOptions; did you mean sha256\?$/);
  });
});

