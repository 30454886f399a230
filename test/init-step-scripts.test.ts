/**
 * Runs the generated init-step scripts for real (see test/init-steps/harness.ts): the exact
 * script string from the synthesized manifest, in `sh`, in `busybox sh` and in busybox sh as
 * busybox 1.28 behaves (no `timeout SECS`), against TCP and HTTP listeners on 127.0.0.1 that the
 * tests start themselves.
 */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { InitStep } from '../src';
import { busybox, close, delay, fakeTool, freePort, hasTool, inCi, listenHttp, listenSilent, listenTcp, needs, portOf, run, scriptOf, tempDir, Variant, variants, work } from './init-steps/harness';

jest.setTimeout(30_000);

test('busybox is installed when running in CI', () => {
  // GIVEN CI=true (set by .ci/run), WHEN busybox is looked up, THEN it is there
  if (inCi) {
    expect(busybox).toBeDefined();
  } else {
    expect(inCi).toBe(false);
  }
});

describe.each(variants)('generated init-step scripts in $label', (variant) => {
  // Concurrent: the scripts mostly sleep, and each test has its own listeners and files.

  describe('waitForTcp', () => {
    test.concurrent('succeeds at once when the port is open', async () => {
      if (!needs(variant, 'nc')) return;
      // GIVEN a TCP listener
      const server = await listenTcp(0);
      try {
        // WHEN the step waits for it
        const result = await run(variant, scriptOf(InitStep.waitForTcp('127.0.0.1', portOf(server), { timeoutSeconds: 5, intervalSeconds: 1 })));
        // THEN it exits 0 quickly and says so
        expect(result).toMatchObject({ code: 0 });
        expect(result.stdout).toContain(`TCP 127.0.0.1:${portOf(server)} is reachable`);
        expect(result.seconds).toBeLessThan(3);
      } finally {
        await close(server);
      }
    });

    test.concurrent('succeeds when the listener starts late', async () => {
      if (!needs(variant, 'nc')) return;
      // GIVEN a free port nobody listens on yet
      const port = await freePort();
      const step = InitStep.waitForTcp('127.0.0.1', port, { timeoutSeconds: 8, intervalSeconds: 1 });
      // WHEN the listener starts 1.5 s after the step
      const running = run(variant, scriptOf(step));
      const server = await delay(1500).then(() => listenTcp(port));
      try {
        const result = await running;
        // THEN the step retried and succeeded after the listener came up
        expect(result).toMatchObject({ code: 0 });
        expect(result.seconds).toBeGreaterThanOrEqual(1.4);
        expect(result.seconds).toBeLessThan(6);
      } finally {
        await close(server);
      }
    });

    test.concurrent('exits 1 with a message when nothing listens before the timeout', async () => {
      if (!needs(variant, 'nc')) return;
      // GIVEN a port nobody listens on
      const port = await freePort();
      // WHEN the step waits 2 s for it
      const result = await run(variant, scriptOf(InitStep.waitForTcp('127.0.0.1', port, { timeoutSeconds: 2, intervalSeconds: 1 })));
      // THEN it gives up within the timeout plus a small margin
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`wait-for-127-0-0-1: timed out after 2 s: TCP 127.0.0.1:${port} is not reachable`);
      expect(result.seconds).toBeGreaterThanOrEqual(1);
      expect(result.seconds).toBeLessThan(4);
    });

    test.concurrent('an attempt against a listener that never answers is cut at the deadline', async () => {
      if (!needs(variant, 'nc')) return;
      // GIVEN a listener that accepts but never closes a connection, even after the client's EOF
      const sockets: net.Socket[] = [];
      const server = await listenTcp(0, (s) => sockets.push(s), true);
      try {
        // WHEN the step waits for it
        const result = await run(variant, scriptOf(InitStep.waitForTcp('127.0.0.1', portOf(server), { timeoutSeconds: 2, intervalSeconds: 1 })));
        // THEN the step never hangs: it ends by the deadline (nc either returned or was killed)
        expect(result.seconds).toBeLessThan(4.5);
        expect([0, 1]).toContain(result.code);
      } finally {
        sockets.forEach((s) => s.destroy());
        await close(server);
      }
    });
  });

  describe('waitForHttp', () => {
    test.concurrent('succeeds when the URL answers 200', async () => {
      if (!needs(variant, 'wget')) return;
      const server = await listenHttp(() => [200, 'ok']);
      try {
        const url = `http://127.0.0.1:${portOf(server)}/healthz`;
        const result = await run(variant, scriptOf(InitStep.waitForHttp(url, { timeoutSeconds: 5, intervalSeconds: 1 })));
        expect(result).toMatchObject({ code: 0 });
        expect(result.stdout).toContain(`${url} answers`);
      } finally {
        await close(server);
      }
    });

    test.concurrent('retries 503 answers until the URL answers 200', async () => {
      if (!needs(variant, 'wget')) return;
      // GIVEN a server that answers 503 for the first 1.2 s
      const started = Date.now();
      const server = await listenHttp(() => (Date.now() - started < 1200 ? [503, 'starting'] : [200, 'ok']));
      try {
        // WHEN the step waits for it
        const result = await run(variant, scriptOf(InitStep.waitForHttp(`http://127.0.0.1:${portOf(server)}/`, { timeoutSeconds: 8, intervalSeconds: 1 })));
        // THEN it succeeds once the answer is 200
        expect(result).toMatchObject({ code: 0 });
        expect(result.seconds).toBeGreaterThanOrEqual(1);
      } finally {
        await close(server);
      }
    });

    test.concurrent('exits 1 with a message when the URL keeps failing', async () => {
      if (!needs(variant, 'wget')) return;
      const server = await listenHttp(() => [503, 'down']);
      try {
        const url = `http://127.0.0.1:${portOf(server)}/`;
        const result = await run(variant, scriptOf(InitStep.waitForHttp(url, { timeoutSeconds: 2, intervalSeconds: 1 })));
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`timed out after 2 s: ${url} did not answer with a status of 200 to 204`);
        expect(result.seconds).toBeLessThan(4);
      } finally {
        await close(server);
      }
    });

    test.concurrent('in busybox, keeps waiting on a 2xx status other than 200 to 204, as its message says (review 15 D4)', async () => {
      if (!variant.label.startsWith('busybox') || !needs(variant, 'wget')) return;
      const server = await listenHttp(() => [207, 'multi-status']);
      try {
        const url = `http://127.0.0.1:${portOf(server)}/`;
        const result = await run(variant, scriptOf(InitStep.waitForHttp(url, { timeoutSeconds: 2, intervalSeconds: 1 })));
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`timed out after 2 s: ${url} did not answer with a status of 200 to 204`);
      } finally {
        await close(server);
      }
    });

    test.concurrent('succeeds on a 2xx status without waiting for the body (a stream)', async () => {
      if (!needs(variant, 'wget')) return;
      // GIVEN a server that answers 200 at once, then sends a long body one byte a second
      const timers: NodeJS.Timeout[] = [];
      const server = http.createServer((req, res) => {
        res.writeHead(200, { 'content-length': '1000000' });
        if (req.method === 'HEAD') {
          res.end(); // GNU wget (the sh variant here) sends HEAD for --spider
          return;
        }
        res.write('x');
        timers.push(setInterval(() => res.write('y'), 1000));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        // WHEN the step waits for it
        const result = await run(variant, scriptOf(InitStep.waitForHttp(`http://127.0.0.1:${portOf(server)}/events`, { timeoutSeconds: 12, intervalSeconds: 1 })));
        // THEN the status counts: it succeeds at once
        expect(result).toMatchObject({ code: 0 });
        expect(result.seconds).toBeLessThan(5);
      } finally {
        timers.forEach((t) => clearInterval(t));
        await close(server);
      }
    });

    test.concurrent('SIGTERM between two attempts ends the step at once, not after the pause', async () => {
      if (!needs(variant, 'wget')) return;
      // GIVEN a URL that answers 404, and a pause of 10 s between attempts
      const server = await listenHttp(() => [404, 'no']);
      try {
        // WHEN the pod is stopped (SIGTERM) 1.5 s in, during the pause
        const result = await run(variant, scriptOf(InitStep.waitForHttp(`http://127.0.0.1:${portOf(server)}/`, { timeoutSeconds: 20, intervalSeconds: 10 })), {
          started: (pid) => setTimeout(() => process.kill(pid, 'SIGTERM'), 1500),
        });
        // THEN the step exits 143 within about a second of the signal
        expect(result.code).toBe(143);
        expect(result.seconds).toBeLessThan(3.5);
      } finally {
        await close(server);
      }
    });

    test.concurrent('quotes a hostile URL so nothing in it executes', async () => {
      if (!needs(variant, 'wget')) return;
      // GIVEN a URL full of shell syntax: command substitution, backticks, ';', quotes
      const marker = path.join(work, `pwned-${variant.label.replace(' ', '-')}-http`);
      const seen: string[] = [];
      const server = await listenHttp((req) => {
        seen.push(req.url ?? '');
        return [200, 'ok'];
      });
      try {
        const url = `http://127.0.0.1:${portOf(server)}/ok?a=$(touch\${IFS}${marker})&b=\`touch\${IFS}${marker}\`&c=';touch\${IFS}${marker};'&d="x"`;
        // WHEN the step runs
        const result = await run(variant, scriptOf(InitStep.waitForHttp(url, { timeoutSeconds: 5, intervalSeconds: 1 })));
        // THEN the URL reached the server as data and no command ran
        expect(result).toMatchObject({ code: 0 });
        expect(seen.length).toBeGreaterThan(0);
        expect(decodeURIComponent(seen[0])).toContain('$(touch');
        expect(fs.existsSync(marker)).toBe(false);
      } finally {
        await close(server);
      }
    });
  });

  describe('download', () => {
    const body = '{"db":"mysql:3306"}\n';
    const sha256 = crypto.createHash('sha256').update(body).digest('hex');

    test.concurrent('writes the file into the files volume when the checksum matches', async () => {
      if (!needs(variant, 'wget')) return;
      // GIVEN a server that serves config.json, and the pod's files volume at a temp dir
      const server = await listenHttp(() => [200, body]);
      const dir = fs.mkdtempSync(path.join(work, 'files-'));
      try {
        // WHEN the step downloads it with its sha256
        const step = InitStep.download(`http://127.0.0.1:${portOf(server)}/config.json`, 'app/config.json', { sha256, timeoutSeconds: 5, intervalSeconds: 1 });
        const result = await run(variant, scriptOf(step, dir));
        // THEN the file is there, complete, and no partial file is left
        expect(result).toMatchObject({ code: 0 });
        expect(fs.readFileSync(path.join(dir, 'app/config.json'), 'utf8')).toBe(body);
        expect(fs.readdirSync(path.join(dir, 'app'))).toEqual(['config.json']);
      } finally {
        await close(server);
      }
    });

    test.concurrent('fails and writes nothing when the checksum does not match', async () => {
      if (!needs(variant, 'wget')) return;
      const server = await listenHttp(() => [200, 'tampered\n']);
      const dir = fs.mkdtempSync(path.join(work, 'files-'));
      try {
        const url = `http://127.0.0.1:${portOf(server)}/config.json`;
        const result = await run(variant, scriptOf(InitStep.download(url, 'config.json', { sha256, timeoutSeconds: 5, intervalSeconds: 1 }), dir));
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(`download-config-json: the SHA-256 of ${url} is not ${sha256}; ${dir}/config.json was not written`);
        expect(fs.readdirSync(dir)).toEqual([]);
      } finally {
        await close(server);
      }
    });

    test.concurrent('retries until the file is served', async () => {
      if (!needs(variant, 'wget')) return;
      const started = Date.now();
      const server = await listenHttp(() => (Date.now() - started < 1200 ? [404, 'not yet'] : [200, body]));
      const dir = fs.mkdtempSync(path.join(work, 'files-'));
      try {
        const result = await run(variant, scriptOf(InitStep.download(`http://127.0.0.1:${portOf(server)}/c`, 'config.json', { timeoutSeconds: 8, intervalSeconds: 1 }), dir));
        expect(result).toMatchObject({ code: 0 });
        expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(body);
      } finally {
        await close(server);
      }
    });

    test.concurrent('exits 1 with a message when the file is never served', async () => {
      if (!needs(variant, 'wget')) return;
      const port = await freePort();
      const dir = fs.mkdtempSync(path.join(work, 'files-'));
      const url = `http://127.0.0.1:${port}/config.json`;
      const result = await run(variant, scriptOf(InitStep.download(url, 'config.json', { timeoutSeconds: 2, intervalSeconds: 1 }), dir));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`timed out after 2 s: could not download ${url}`);
      expect(result.seconds).toBeLessThan(4);
      expect(fs.readdirSync(dir).filter((f) => !f.endsWith('.part'))).toEqual([]);
    });
  });

  describe('waitForDns', () => {
    test.concurrent('succeeds for a name that resolves', async () => {
      // getent resolves like the app (with /etc/hosts); busybox nslookup asks the DNS server only,
      // which does not know 'localhost' everywhere, so this runs where getent exists.
      if (!hasTool(variant, 'getent')) {
        console.log(`${variant.label}: no getent on PATH, so the step uses busybox nslookup, which asks the DNS server and ignores /etc/hosts; 'localhost' is checked in the sh variant.`);
        expect(hasTool(variant, 'nslookup')).toBe(true);
        return;
      }
      const result = await run(variant, scriptOf(InitStep.waitForDns('localhost', { timeoutSeconds: 5, intervalSeconds: 1 })));
      expect(result).toMatchObject({ code: 0 });
      expect(result.stdout).toContain('wait-for-dns-localhost: localhost resolves');
    });

    test.concurrent('exits 1 with a message when a .invalid name never resolves', async () => {
      if (!hasTool(variant, 'getent') && !needs(variant, 'nslookup')) return;
      const result = await run(variant, scriptOf(InitStep.waitForDns('db.example.invalid', { timeoutSeconds: 2, intervalSeconds: 1 })));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('wait-for-dns-db-example-invalid: timed out after 2 s: db.example.invalid does not resolve');
      expect(result.seconds).toBeLessThan(4.5);
    });
  });

  test.concurrent('a step whose image lacks a tool fails at once and names it', async () => {
    // GIVEN a PATH without nc (an image without it)
    const empty = fs.mkdtempSync(path.join(work, 'empty-'));
    for (const tool of ['date', 'sleep', 'timeout']) {
      const found = spawnSync('sh', ['-c', `command -v ${tool}`], { env: { PATH: variant.path } }).stdout.toString().trim();
      fs.symlinkSync(found, path.join(empty, tool));
    }
    // WHEN the TCP step runs there
    const result = await run({ ...variant, path: empty }, scriptOf(InitStep.waitForTcp('127.0.0.1', 9, { timeoutSeconds: 5 })));
    // THEN it says what is missing instead of timing out
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('wait-for-127-0-0-1: the image has no nc; use busybox:1.36 or an image that has it');
    // at once: well before the 5 s timeout (the margin absorbs a loaded CI machine)
    expect(result.seconds).toBeLessThan(4);
  });
});

describe('hostile values the scripts never see', () => {
  const marker = path.join(work, 'pwned-validation');
  const hostile = [`$(touch ${marker})`, `\`touch ${marker}\``, `db;touch ${marker}`, "db' || touch x '", 'db"x', 'db host', ''];

  test.each(hostile)('waitForTcp rejects the host %p', (host) => {
    expect(() => InitStep.waitForTcp(host, 3306)).toThrow(`InitStep.waitForTcp: host: ${JSON.stringify(host)} must be a host name`);
  });

  test.each(hostile)('waitForDns rejects the name %p', (name) => {
    expect(() => InitStep.waitForDns(name)).toThrow(`InitStep.waitForDns: host: ${JSON.stringify(name)} must be a host name`);
  });

  test.each([`$(touch ${marker}).json`, '../etc/passwd', '/etc/passwd', 'a;b', "c'fg", 'a b'])('download rejects the path %p', (file) => {
    expect(() => InitStep.download('https://example.com/c.json', file)).toThrow(`InitStep.download: path: ${JSON.stringify(file)} must be a relative file path`);
  });

  test.each(['ftp://example.com/x', 'file:///etc/passwd', 'example.com/x', 'http://exa mple.com/', `https://example.com/\n$(touch ${marker})`])('download and waitForHttp reject the URL %p', (url) => {
    expect(() => InitStep.download(url, 'x')).toThrow(`InitStep.download: url: ${JSON.stringify(url)} must be an absolute http:// or https:// URL`);
    expect(() => InitStep.waitForHttp(url)).toThrow(`InitStep.waitForHttp: url: ${JSON.stringify(url)} must be an absolute http:// or https:// URL`);
  });

  test('nothing was executed while rejecting them', () => {
    expect(fs.existsSync(marker)).toBe(false);
  });
});

