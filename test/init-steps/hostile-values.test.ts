/**
 * The hostile values of issue 11 item 5, each found by running the generated scripts: one URL
 * parser for checks and fetches, every step bounded by its timeout, numeric bounds, no partial
 * files, any files mount path, the kernel's argument limit.
 */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { InitPod, InitStep } from '../../src';
import { kubeletExpandedBytes } from '../../src/shell';
import { newChart, only, synth, synthError } from '../util';
import { close, freePort, listenHttp, listenSilent, listenTcp, needs, portOf, run, scriptOf, tempDir, variants } from './harness';

jest.setTimeout(30_000);

describe('URLs: parsed once, rejected where fetchers disagree', () => {
  const reject: Array<[string, string, string]> = [
    ['a backslash before @ (busybox wget sends the request to other-host)', 'http://secret-token:1234\\@other-host/',
      'url: "http://secret-token:1234\\\\@other-host/" contains \'\\\', which fetchers read differently (a WHATWG parser as \'/\', busybox wget as part of the host, so the request can go to another host); write \'/\' or percent-encode it as %5C'],
    ['a backslash in the path', 'http://example.com/a\\b', "url: \"http://example.com/a\\\\b\" contains '\\', which fetchers read differently"],
    ['credentials', 'http://user:pw@example.com/', 'url: "http://user:pw@example.com/" contains credentials, which would be written in clear text into the manifest; use a pre-signed URL or a command step that reads a Secret'],
    ['a fragment', 'http://example.com/a#b', 'url: "http://example.com/a#b": it has a \'#\' fragment, which busybox wget sends to the server and other fetchers drop; remove it'],
    ['a query right after the host', 'http://example.com?x=1', 'url: "http://example.com?x=1": it has "?x=1" right after the host; start the path with \'/\' (e.g. \'http://example.com/?x=1\')'],
    ['an IPv4 address with a leading zero', 'http://010.0.0.1/', 'url: "http://010.0.0.1/": its host "010.0.0.1" looks like an IPv4 address but is not four decimal numbers from 0 to 255 without leading zeros, which resolvers read differently (as octal, hexadecimal or one 32-bit number); write it as such (e.g. \'10.0.0.7\')'],
    ['a host that is one number', 'http://2130706433/', 'url: "http://2130706433/": its host "2130706433" looks like an IPv4 address'],
    ['a hexadecimal host', 'http://0x7f.1/', 'url: "http://0x7f.1/": its host "0x7f.1" looks like an IPv4 address'],
    ['an IPv6 zone', 'http://[fe80::1%25eth0]/', "url: \"http://[fe80::1%25eth0]/\": its host \"[fe80::1%25eth0]\" must be a host name (letters, digits, '_', '-' and '.', e.g. 'mysql' or 'mysql.db.svc.cluster.local') or an IP address; between '[' and ']' only an IPv6 address (without a zone) goes"],
    ['a .. path segment (review 28 C1: busybox wget sends it, GNU wget and curl resolve it)', 'http://example.com/app/../config.json',
      'url: "http://example.com/app/../config.json": its path has the segment "..", which fetchers read differently (busybox wget and Go send it as written, '
      + "GNU wget, curl and browsers resolve it to another path); write the path without '.' and '..' segments"],
    ['a . path segment', 'http://example.com/./config.json', 'url: "http://example.com/./config.json": its path has the segment "."'],
    ['port 0', 'http://example.com:0/', 'url: "http://example.com:0/": its port "0" must be a number from 1 to 65535 without leading zeros'],
    ['port 65536', 'http://example.com:65536/', 'url: "http://example.com:65536/": its port "65536" must be a number from 1 to 65535 without leading zeros'],
    ['a port with a leading zero', 'http://example.com:080/', 'url: "http://example.com:080/": its port "080" must be a number from 1 to 65535 without leading zeros'],
    ['no host', 'http:///config.json', 'url: "http:///config.json": its host "" is empty; write the server\'s name after \'//\''],
    ['non-ASCII', 'http://exämple.com/', 'url: "http://exämple.com/" contains non-ASCII characters, which fetchers send differently (raw UTF-8 bytes, or percent-encoded and punycoded); write the host in punycode (xn--...) and percent-encode the rest'],
    ['an upper-case scheme (busybox wget knows only http:// and https://)', 'HTTP://example.com/', 'url: "HTTP://example.com/" must be an absolute http:// or https:// URL'],
    ['U+2028 in the path (a line break for YAML 1.1 readers)', 'http://example.com/\u2028', 'url: "http://example.com/\\u2028" must be an absolute http:// or https:// URL without spaces or control characters'],
  ];

  test.each(reject)('rejects %s', (_what, url, message) => {
    expect(() => InitStep.waitForHttp(url)).toThrow(`InitStep.waitForHttp: ${message}`);
    expect(() => InitStep.download(url, 'x')).toThrow(`InitStep.download: ${message}`);
  });

  test.each(['http://example.com', 'https://example.com/', 'http://[::1]:8080/healthz', 'http://127.0.0.1:80/a@b?c=d@e', 'https://b.s3.amazonaws.com/k?X-Amz-Signature=ab%2Fc&x=$(id)',
    'https://my_bucket.s3.amazonaws.com/config.json', 'http://_grpc.a_b:8080/',
    // Every fetcher sends %2e as written (review 29 A1); '...' and '.a' are no dot segments.
    'http://example.com/a/%2e%2E/b', 'http://example.com/.well-known/x', 'http://example.com/a/.../b', 'http://example.com/a?x=/../'])('accepts %s', (url) => {
    expect(InitStep.waitForHttp(url).name).toMatch(/^wait-for-http-/);
  });

  test('the S3 endpoint URL refuses \'_\' in its host, which the AWS CLI refuses (review 23 A1)', () => {
    expect(() => InitStep.downloadFromS3('b-1', 'k', 'k', { endpointUrl: 'http://my_minio.storage:9000' })).toThrow(
      'InitStep.downloadFromS3: endpointUrl: "http://my_minio.storage:9000": its host "my_minio.storage" has \'_\', which the AWS CLI refuses ("Invalid endpoint")');
    expect(InitStep.downloadFromS3('b-1', 'k', 'k', { endpointUrl: 'http://minio.storage:9000' }).name).toMatch(/^download-/);
  });

  test('the S3 endpoint URL goes through the same parser', () => {
    expect(() => InitStep.downloadFromS3('b-1', 'k', 'k', { endpointUrl: 'http://minio:9000\\@evil/' })).toThrow("InitStep.downloadFromS3: endpointUrl: \"http://minio:9000\\\\@evil/\" contains '\\'");
  });
});

describe('URL hosts: the length rules, named', () => {
  test('a label over 63 characters, or a host over 253, is refused for that reason', () => {
    expect(() => InitStep.download(`https://${'a'.repeat(64)}.example.com/x`, 'x')).toThrow(
      `its host "${'a'.repeat(64)}.example.com" has a label of 64 characters ("${'a'.repeat(40)}..."); a host name's labels have at most 63`,
    );
    const host = Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.'); // 304 characters
    expect(() => InitStep.download(`https://${host}/x`, 'x')).toThrow(`its host "${'b'.repeat(40)}..." has 304 characters; a host name has at most 253`);
  });
});

describe('numbers: whole seconds from 1 to 2147483647', () => {
  test.each([
    [1e21, '1e+21'],
    [2 ** 31, '2147483648'],
  ])('rejects timeoutSeconds %p, which the script would write as $((... + %s))', (value, shown) => {
    expect(() => InitStep.waitForTcp('db', 5432, { timeoutSeconds: value })).toThrow(
      `InitStep.waitForTcp: timeoutSeconds: ${shown} is more than 2147483647 seconds (about 68 years); give at most 2147483647, so the script's arithmetic and sleep stay exact in every shell.`,
    );
  });

  test.each([[-1, '-1'], [NaN, 'NaN'], [Infinity, 'Infinity'], ['30', '"30"'], [0.5, '0.5']])('rejects intervalSeconds %p', (value, shown) => {
    expect(() => InitStep.waitForHttp('http://api/', { intervalSeconds: value as any })).toThrow(
      `InitStep.waitForHttp: intervalSeconds: ${shown} must be a whole number of seconds, at least 1.`,
    );
  });

  test('accepts the largest value', () => {
    expect(() => InitStep.waitForDns('db', { timeoutSeconds: 2147483647, intervalSeconds: 2147483647 })).not.toThrow();
  });

  test('checks every number of every step', () => {
    expect(() => InitStep.waitForPostgres('db', { connectTimeoutSeconds: 1e21 })).toThrow('connectTimeoutSeconds: 1e+21 is more than 2147483647 seconds');
    expect(() => InitStep.waitForMysql('db', { port: 1e21 })).toThrow('port: 1e+21 must be a port number between 1 and 65535');
    expect(() => InitStep.downloadFromS3('b-1', 'k', 'k', { timeoutSeconds: -5 })).toThrow('timeoutSeconds: -5 must be a whole number of seconds, at least 1');
  });
});

describe('the kernel\'s argument limit (MAX_ARG_STRLEN, 131072 bytes)', () => {
  test('a script over the limit really fails to start with E2BIG, one byte less starts', () => {
    // ': ' + 131069 x's + the NUL = 131072 bytes: the limit
    expect(spawnSync('sh', ['-c', `: ${'x'.repeat(131069)}`]).status).toBe(0);
    expect((spawnSync('sh', ['-c', `: ${'x'.repeat(131070)}`]).error as any)?.code).toBe('E2BIG');
  });

  test('a URL that makes the script too long is rejected at synth, in the pod\'s message, with the limit', () => {
    const url = `https://example.com/${'a'.repeat(140_000)}`;
    const chart = newChart();
    new InitPod(chart, 'p', { metadata: { name: 'p' }, initSteps: [InitStep.waitForHttp(url)], containers: [{ name: 'app', image: 'app:1' }] });
    expect(synthError(chart)).toMatch(
      /\[test\/p\] InitPod 'p': initSteps: InitStep 'wait-for-http-example-com': command\[2\]: the script is 14\d{4} bytes; Linux limits one argument to 131072 bytes with its terminating NUL \(MAX_ARG_STRLEN\), so the container would fail to start with E2BIG \(argument list too long\); shorten the URL \(140020 characters\)\.$/,
    );
  });

  test('measures what the container gets: a $ written $$ for the kubelet counts once', () => {
    // GIVEN an inline template of 70,000 '$': written as 139,999 '$' in the manifest (the last needs no escape), 70,000 in the container
    const chart = newChart();
    new InitPod(chart, 'p', { metadata: { name: 'p' }, initSteps: [InitStep.renderTemplate('$'.repeat(70_000), 'a.txt', { inline: true })], containers: [{ name: 'app', image: 'app:1' }] });
    // THEN it is accepted, as the f8511d5 build did
    expect(only(synth(chart), 'Pod').spec.initContainers[0].env[0].value.length).toBe(139_999);
  });

  test('arguments or environment values that each fit but together pass 2 MiB are rejected at synth (they really fail with E2BIG)', () => {
    // GIVEN 20 strings of 110,000 bytes: each under MAX_ARG_STRLEN, 2.2 MB together
    const big = Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(110_000, 'y'));
    expect((spawnSync('sh', ['-c', 'true', ...big]).error as any)?.code).toBe('E2BIG');
    const vars = big.map((value, i) => ({ name: `V${i}`, value }));
    const steps = [
      InitStep.command('big-args', 'busybox:1.36', ['sh', '-c', 'echo ok', ...big]),
      InitStep.renderTemplate(vars.map((v) => `\${${v.name}}`).join('\n'), 'big.conf', { inline: true, variables: vars }),
    ];
    for (const step of steps) {
      // WHEN each is bound to a pod
      const problems = step._bindWithProblems({ filesVolumeName: 'f', filesMountPath: '/c', podName: 'p' }).problems;
      // THEN the total is reported, with the limit and what to do
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^the arguments and environment values total 22\d{5} bytes \(with their NULs and pointers\); Linux allows about 2 MiB for all of them together \(ARG_MAX\), and this library keeps 128 KiB of it for the variables the kubelet and the image add, so the container would fail to start with E2BIG \(argument list too long\); (shorten the command|put the template into a ConfigMap \(inline: false\), or use fewer or smaller values \(a large file is better downloaded\))$/);
    }
  });

  test('measures an env value as the kubelet expands it: $(A)$(A) of a 100,000-byte A is 200,000 bytes (review 15 D3)', () => {
    const step = InitStep.renderTemplate('a=${A}\nb=${B}\n', 'app.conf', {
      variables: [{ name: 'A', value: 'x'.repeat(100_000) }, { name: 'B', value: '$(A)$(A)' }],
    });
    const problems = step._bindWithProblems({ filesVolumeName: 'f', filesMountPath: '/c', podName: 'p' }).problems;
    expect(problems).toEqual([expect.stringMatching(/^env\[\d\] \(B\): the value is 200002 bytes with its name \(after the kubelet expands its \$\(NAME\) references\); Linux limits one environment string to 131072 bytes/)]);
    // and $$(A), which the kubelet writes as $(A), stays 4 bytes
    const literal = InitStep.renderTemplate('a=${A}\nb=${B}\n', 'app.conf', { variables: [{ name: 'A', value: 'x'.repeat(100_000) }, { name: 'B', value: '$$(A)$$(A)' }] });
    expect(literal._bindWithProblems({ filesVolumeName: 'f', filesMountPath: '/c', podName: 'p' }).problems).toEqual([]);
  });

  test('an argument of InitStep.command over MAX_ARG_STRLEN is rejected at synth', () => {
    const problems = InitStep.command('long-arg', 'busybox:1.36', ['echo', 'z'.repeat(140_000)])._bindWithProblems({ filesVolumeName: 'f', filesMountPath: '/c' }).problems;
    expect(problems).toEqual(['command[1]: the argument is 140000 bytes; Linux limits one argument to 131072 bytes with its terminating NUL (MAX_ARG_STRLEN), so the container would fail to start with E2BIG (argument list too long); shorten the command']);
  });

  test.each(variants)('a 40,000-character URL (E2BIG before: it was written four times) runs in $label', async (variant) => {
    if (!needs(variant, 'wget')) return;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/${'a'.repeat(40_000)}`;
    const script = scriptOf(InitStep.waitForHttp(url, { timeoutSeconds: 1 }));
    expect(Buffer.byteLength(script)).toBeLessThan(45_000);
    const result = await run(variant, script);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('timed out after 1 s: http://127.0.0.1:');
  });
});

describe.each(variants)('hostile values in $label', (variant) => {
  test.concurrent('busybox wget really reads a backslash URL differently from a WHATWG parser (why it is rejected)', async () => {
    if (variant.label === 'sh') return; // the system wget may be GNU wget
    if (!needs(variant, 'wget')) return;
    // GIVEN two servers: the host a WHATWG parser sees, and the one after the '\@'
    const seenA: string[] = [];
    const seenB: Array<string | undefined> = [];
    const a = await listenHttp((req) => { seenA.push(req.url ?? ''); return [200, 'a']; });
    const b = await listenHttp((req) => { seenB.push(req.headers.authorization); return [200, 'b']; });
    try {
      const url = `http://127.0.0.1:${portOf(a)}\\@127.0.0.1:${portOf(b)}/`;
      expect(new URL(url).port).toBe(String(portOf(a)));
      // WHEN busybox wget fetches it
      const result = await run(variant, `wget -q -O - '${url}'`);
      // THEN it went to the second server, with the first "host" as Basic credentials
      expect(result.stdout).toBe('b');
      expect(seenA).toEqual([]);
      expect(seenB[0]).toMatch(/^Basic /);
    } finally {
      await close(a);
      await close(b);
    }
  });

  test.concurrent('checkRequired checks the declared file when a variable named with a blank (legal in 1.32) matches $(...) in its path (review 15 D5)', async () => {
    // GIVEN a file whose name holds $(CONF DIR), and a variable CONF DIR in the step's environment
    const dir = tempDir('kubelet-blank');
    fs.writeFileSync(path.join(dir, '$(CONF DIR).yaml'), 'x');
    const step = InitStep.checkRequired({ files: [`${dir}/$(CONF DIR).yaml`], envVars: [{ name: 'CONF DIR', value: 'prod' }] });
    // WHEN the kubelet expands the command and the script runs
    const result = await run(variant, scriptOf(step));
    // THEN the step found the file as declared, not prod.yaml
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test.concurrent('waitForTcp succeeds at once against a listener that accepts and never closes', async () => {
    if (!needs(variant, 'nc')) return;
    const silent = await listenSilent();
    try {
      const result = await run(variant, scriptOf(InitStep.waitForTcp('127.0.0.1', silent.port, { timeoutSeconds: 10, intervalSeconds: 1 })));
      expect(result).toMatchObject({ code: 0 });
      expect(result.seconds).toBeLessThan(3);
    } finally {
      await silent.stop();
    }
  });

  test.concurrent('waitForHttp against a listener that never answers ends at its deadline', async () => {
    if (!needs(variant, 'wget')) return;
    const silent = await listenSilent();
    try {
      const url = `http://127.0.0.1:${silent.port}/healthz`;
      const result = await run(variant, scriptOf(InitStep.waitForHttp(url, { timeoutSeconds: 2, intervalSeconds: 1 })));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`timed out after 2 s: ${url} did not answer with a status of 200 to 204`);
      expect(result.seconds).toBeGreaterThanOrEqual(1);
      expect(result.seconds).toBeLessThan(4.5);
    } finally {
      await silent.stop();
    }
  });

  test.concurrent('download from a server that stops mid-body ends at its deadline and leaves no .part file', async () => {
    if (!needs(variant, 'wget')) return;
    // GIVEN a server that sends headers and half the body, then hangs
    const sockets: net.Socket[] = [];
    const server = http.createServer((_req, res) => {
      sockets.push(res.socket!);
      res.writeHead(200, { 'content-length': '1000' });
      res.write('x'.repeat(500));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = tempDir('hang');
    try {
      const result = await run(variant, scriptOf(InitStep.download(`http://127.0.0.1:${portOf(server)}/c.json`, 'sub/c.json', { timeoutSeconds: 2, intervalSeconds: 1 }), dir));
      expect(result.code).toBe(1);
      expect(result.seconds).toBeLessThan(4.5);
      expect(fs.readdirSync(path.join(dir, 'sub'))).toEqual([]);
    } finally {
      sockets.forEach((s) => s.destroy());
      await close(server);
    }
  });

  test.concurrent('SIGTERM (the pod deleted) stops a download at once and removes its .part file', async () => {
    if (!needs(variant, 'wget')) return;
    const sockets: net.Socket[] = [];
    const server = http.createServer((_req, res) => {
      sockets.push(res.socket!);
      res.writeHead(200, { 'content-length': '1000' });
      res.write('x'.repeat(500));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const dir = tempDir('term');
    let pid = 0;
    try {
      const running = run(variant, scriptOf(InitStep.download(`http://127.0.0.1:${portOf(server)}/c.json`, 'c.json', { timeoutSeconds: 20 }), dir), { started: (p) => (pid = p) });
      await waitFor(() => fs.existsSync(path.join(dir, 'c.json.part')));
      process.kill(pid, 'SIGTERM');
      const result = await running;
      expect(result.code).toBe(143);
      expect(result.seconds).toBeLessThan(5);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      sockets.forEach((s) => s.destroy());
      await close(server);
    }
  });

  test.concurrent('a files mount path with a backslash, a newline and a quote works, checksum included', async () => {
    if (!needs(variant, 'wget')) return;
    const body = '{"ok":true}\n';
    const sha256 = crypto.createHash('sha256').update(body).digest('hex');
    const server = await listenHttp(() => [200, body]);
    const mount = path.join(tempDir('mount'), 'we\\ird\nmo\'unt %s \\c');
    fs.mkdirSync(mount);
    try {
      const result = await run(variant, scriptOf(InitStep.download(`http://127.0.0.1:${portOf(server)}/c`, 'c.json', { sha256, timeoutSeconds: 5 }), mount));
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toContain(`download-c-json: wrote ${mount}/c.json\n`);
      expect(fs.readFileSync(path.join(mount, 'c.json'), 'utf8')).toBe(body);
      expect(fs.readdirSync(mount)).toEqual(['c.json']);
    } finally {
      await close(server);
    }
  });

  test.concurrent('no process of an attempt outlives the step', async () => {
    if (!needs(variant, 'nc')) return;
    // GIVEN a port that refuses, so every attempt fails fast and its guard is stopped each time
    const server = await listenTcp(0);
    const port = portOf(server);
    await close(server);
    const mark = `run-${process.pid}-${Math.random().toString(36).slice(2)}`;
    // WHEN the step runs (every process it starts inherits STEP_MARK)
    const result = await run(variant, scriptOf(InitStep.waitForTcp('127.0.0.1', port, { timeoutSeconds: 2, intervalSeconds: 1 })), { env: { STEP_MARK: mark } });
    expect(result.code).toBe(1);
    // THEN a second after it ended (a guard's last 'sleep 1'), none of its processes is left running
    await delay(1500);
    expect(processesMarked(mark)).toEqual([]);
  });

  test.concurrent('no guard outlives an attempt that succeeds at once (its limit is 10 s)', async () => {
    if (!needs(variant, 'nc')) return;
    const server = await listenTcp(0);
    const mark = `run-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      const result = await run(variant, scriptOf(InitStep.waitForTcp('127.0.0.1', portOf(server), { timeoutSeconds: 60 })), { env: { STEP_MARK: mark } });
      expect(result).toMatchObject({ code: 0 });
      await delay(1500);
      expect(processesMarked(mark)).toEqual([]);
    } finally {
      await close(server);
    }
  });
});

/** Running (not zombie) processes whose environment holds STEP_MARK=mark, as "pid command". */
function processesMarked(mark: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`STEP_MARK=${mark}`)) continue;
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      found.push(`${entry} ${fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()}`);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) {
    await delay(50);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('misspelt options (plain JavaScript, as any, spread configs) are never dropped', () => {
  test.each([
    ['waitForTcp', () => InitStep.waitForTcp('db', 5432, { timeoutSecond: 5 } as any), 'InitStep.waitForTcp: timeoutSecond is not a field of InitStepOptions; did you mean timeoutSeconds?'],
    ['download', () => InitStep.download('https://example.com/c', 'c', { sha: 'x' } as any), 'InitStep.download: sha is not a field of DownloadOptions; remove it (its fields: sha256, name, image, timeoutSeconds, intervalSeconds).'],
    ['waitForPostgres', () => InitStep.waitForPostgres('db', { userSecret: { name: 's', kye: 'user' } } as any), 'userSecret.kye is not a field of SecretKeySelector; did you mean key?'],
    ['waitForMysql', () => InitStep.waitForMysql('db', { password: 'x' } as any), 'InitStep.waitForMysql: password is not a field of WaitForMysqlOptions; remove it (its fields: port, user, userSecret, passwordSecret, connectTimeoutSeconds, name, image, timeoutSeconds, intervalSeconds).'],
    ['downloadFromS3', () => InitStep.downloadFromS3('b-1', 'k', 'k', { endpoint: 'http://minio:9000' } as any), 'InitStep.downloadFromS3: endpoint is not a field of DownloadFromS3Options; remove it (its fields: credentials, region, endpointUrl, sha256, name, image, timeoutSeconds, intervalSeconds).'],
    ['renderTemplate', () => InitStep.renderTemplate('${A}', 'a', { variables: [{ name: 'A', vaule: '1' }] } as any), 'variables[0].vaule is not a field of EnvVar; did you mean value?'],
    ['checkRequired', () => InitStep.checkRequired({ envs: ['A'] } as any), 'envs is not a field of CheckRequiredOptions; did you mean env?'],
  ])('%s', (_step, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('a $ before a character outside ASCII (review 16 B1)', () => {
  /**
   * The 1.32 kubelet's expansion, byte by byte as Go runs it (third_party/forked/golang/expansion/
   * expand.go before kubernetes#136325): `$` and a byte that starts no expression are copied as
   * `"$" + string(input[0])`, and string(byte) is the rune of that byte's value, in UTF-8.
   */
  function kubelet132(value: string): Buffer {
    const input = Buffer.from(value, 'utf8');
    const out: number[] = [];
    let checkpoint = 0;
    for (let cursor = 0; cursor < input.length; cursor++) {
      if (input[cursor] === 0x24 && cursor + 1 < input.length) {
        out.push(...input.subarray(checkpoint, cursor));
        const next = input[cursor + 1];
        if (next === 0x24) {
          out.push(0x24);
        } else if (next === 0x28 && input.indexOf(0x29, cursor + 2) >= 0) {
          out.push(...input.subarray(cursor, input.indexOf(0x29, cursor + 2) + 1)); // no such variable: kept
          cursor = input.indexOf(0x29, cursor + 2) - 1;
        } else {
          out.push(0x24, ...Buffer.from(String.fromCharCode(next), 'utf8'));
        }
        cursor += 1;
        checkpoint = cursor + 1;
      }
    }
    out.push(...input.subarray(checkpoint));
    return Buffer.from(out);
  }

  test('the 1.32 kubelet really turns an unescaped $€ into other bytes (why it is escaped)', () => {
    expect(kubelet132('5$€').equals(Buffer.from('5$€', 'utf8'))).toBe(false);
  });

  test.each([['an inline template', (s: string) => InitStep.renderTemplate(s, 'price.txt', { inline: true })], ['a PostgreSQL user', (s: string) => InitStep.waitForPostgres('db', { user: s })]])(
    'gives the container %s with $ before é and € as written', (_what, make) => {
      const written = 'price: 5$€ / jos$é';
      const container = make(written)._bindWithProblems({ filesVolumeName: 'f', filesMountPath: '/c', podName: 'p' }).container;
      const values = (container.env ?? []).map((e: any) => e.value).filter((v: unknown) => typeof v === 'string' && (v as string).includes('jos'));
      expect(values).toHaveLength(1);
      expect(kubelet132(values[0]).toString('utf8')).toBe(written);
    });

  test('the sizes checked for E2BIG are those of the bytes the 1.32 kubelet gives (kubeletExpandedBytes, review 55 LL2)', () => {
    const alphabet = ['$', '(', ')', 'a', '€', 'é', '\n', ' '];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 2000; n++) {
      const value = Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join('');
      expect(kubeletExpandedBytes(Buffer.from(value, 'utf8'), new Map()).equals(kubelet132(value))).toBe(true);
    }
  });

  test('GIVEN an env value of $€ that fits as written WHEN the 1.32 kubelet makes it longer than MAX_ARG_STRLEN THEN it is refused at synth (review 55 LL2)', () => {
    const chart = newChart();
    const value = `${'$€'.repeat(32767)}a`; // 'X=' + 131069 bytes + NUL: 131072 as written, 163839 from the kubelet
    new InitPod(chart, 'p', { metadata: { name: 'p' }, initSteps: [InitStep.checkRequired({ env: ['X'], envVars: [{ name: 'X', value }] })], containers: [{ name: 'app', image: 'app:1' }] });
    expect(synthError(chart)).toContain("InitStep 'check-required': env[0] (X): the value is 163838 bytes with its name (as the 1.32 kubelet writes it: a $ before a non-ASCII "
      + 'character there comes out one byte longer); Linux limits one environment string to 131072 bytes');
  });
});

describe('a NUL character in a step\'s argument or env value (review 55 LL1)', () => {
  test.each([
    ['an argument of InitStep.command()', () => InitStep.command('c', 'busybox:1.36', ['echo', 'a\u0000b']), "InitStep 'c': command[1]: the argument holds a NUL character"],
    ['a value of checkRequired envVars', () => InitStep.checkRequired({ env: ['X'], envVars: [{ name: 'X', value: 'a\u0000b' }] }), "InitStep 'check-required': env[0] (X): the value holds a NUL character"],
    ['a renderTemplate variable', () => InitStep.renderTemplate('${V}', 'f', { variables: [{ name: 'V', value: 'a\u0000b' }] }), "InitStep 'render-f': env[0] (V): the value holds a NUL character"],
  ])('GIVEN %s WHEN synthesized THEN it is refused, as no container can start with it', (_what, step, message) => {
    const chart = newChart();
    new InitPod(chart, 'p', { metadata: { name: 'p' }, initSteps: [step()], containers: [{ name: 'app', image: 'app:1' }] });
    const error = synthError(chart);
    expect(error).toContain(`${message} (U+0000), which no argument or environment string can carry (the container runtime passes them as C strings), `
      + 'so the container would fail to start; remove it.');
    expect(error).not.toContain('remove it..'); // review 56 M2
  });

  test('GIVEN an entry that replaces A with no value or a Secret WHEN a later entry refers to $(A) THEN it is not sized with the replaced value (review 57 O1)', () => {
    const chart = newChart();
    const big = 'x'.repeat(140_000);
    const steps = [
      InitStep.checkRequired({ env: ['B'], envVars: [{ name: 'A', value: big }, { name: 'A' }, { name: 'B', value: '$(A)' }] }),
      InitStep.checkRequired({ env: ['C'], name: 'check-c', envVars: [{ name: 'A', value: big }, { name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, { name: 'C', value: '$(A)' }] }),
    ];
    new InitPod(chart, 'p', { metadata: { name: 'p' }, initSteps: steps, containers: [{ name: 'app', image: 'app:1' }] });
    expect(only(synth(chart), 'Pod').spec.initContainers).toHaveLength(2);
  });

  test('GIVEN an env entry that a later entry of the same name replaces WHEN it holds a NUL or is too long THEN it is not checked: the kubelet keeps the last (review 56 M1)', () => {
    const chart = newChart();
    const steps = [InitStep.checkRequired({ env: ['A'], envVars: [{ name: 'A', value: 'a\u0000b' }, { name: 'A', value: 'ok' }] }),
      InitStep.checkRequired({ env: ['B'], envVars: [{ name: 'B', value: 'x'.repeat(200_000) }, { name: 'B', value: 'ok' }], name: 'check-b' })];
    new InitPod(chart, 'p', { metadata: { name: 'p' }, initSteps: steps, containers: [{ name: 'app', image: 'app:1' }] });
    expect(only(synth(chart), 'Pod').spec.initContainers).toHaveLength(2);
  });

  test('a NUL really cannot be passed as an argument (exec takes C strings: Node refuses it before exec, as Go does)', () => {
    expect(() => spawnSync('echo', ['a\u0000b'])).toThrow(/without null bytes/);
  });
});
