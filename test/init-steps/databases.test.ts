import { InitPod, InitStep } from '../../src';
import { newChart, only, synth } from '../util';
import { alive, onlyTools, recordingFake, run, scriptOf, variants } from './harness';

jest.setTimeout(30_000);

const secret = (key: string) => ({ name: 'db-credentials', key });

describe('InitStep.waitForPostgres', () => {
  test('runs pg_isready in the postgres image, user and database from the environment', () => {
    // GIVEN
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'p' },
      initSteps: [InitStep.waitForPostgres('db.prod.svc', { port: 5433, userSecret: secret('user'), database: 'orders', connectTimeoutSeconds: 3, timeoutSeconds: 60 })],
      containers: [{ name: 'app', image: 'app:1' }],
    });
    // WHEN
    const [c] = only(synth(chart), 'Pod').spec.initContainers;
    // THEN
    expect(c.name).toBe('wait-for-postgres-db-prod-svc');
    expect(c.image).toBe('postgres:16.4-alpine');
    expect(c.env).toEqual([
      { name: 'PGUSER', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'user' } } },
      { name: 'PGDATABASE', value: 'orders' },
    ]);
    expect(c.command[2]).toContain('  pg_isready -h db.prod.svc -p 5433 -t 3 -q &\n');
    expect(c.command[2]).toContain('end=$$(($$(date +%s) + 60))');
    expect(c.command[2]).toContain('for tool in date sleep pg_isready; do');
  });

  test('reports every bad option in one message', () => {
    expect(() => InitStep.waitForPostgres('db', { port: 0, user: 'app', userSecret: { name: 's' } as any, connectTimeoutSeconds: 1.5, database: '' })).toThrow(
      'InitStep.waitForPostgres has 5 problems:\n' +
      '    - port: 0 must be a port number between 1 and 65535;\n' +
      '    - connectTimeoutSeconds: 1.5 must be a whole number of seconds, at least 1;\n' +
      '    - database: "" must be a non-empty string without control characters;\n' +
      '    - userSecret: {"name":"s"} must be a Secret key reference { name: \'SECRET\', key: \'KEY\' }; credentials are never written into the manifest;\n' +
      '    - user and userSecret: both are given; give one.',
    );
  });
});

describe('InitStep.waitForMysql', () => {
  test('runs mysqladmin ping over TCP in the mysql image, credentials by Secret reference only', () => {
    const chart = newChart();
    new InitPod(chart, 'p', {
      metadata: { name: 'p' },
      initSteps: [InitStep.waitForMysql('mysql', { userSecret: secret('user'), passwordSecret: secret('password') })],
      containers: [{ name: 'app', image: 'app:1' }],
    });
    const [c] = only(synth(chart), 'Pod').spec.initContainers;
    expect(c.name).toBe('wait-for-mysql-mysql');
    expect(c.image).toBe('mysql:8.4.3');
    expect(c.env).toEqual([
      { name: 'DB_USER', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'user' } } },
      { name: 'MYSQL_PWD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } },
    ]);
    expect(c.command[2]).toContain('  mysqladmin ping --protocol=tcp -h mysql -P 3306 --connect-timeout=5 --user="$DB_USER" --silent >/dev/null 2>&1 &\n');
  });

  test('a plain user goes into the environment too; no user, no --user', () => {
    const plain = InitStep.waitForMysql('mysql', { user: 'app' })._bind({ filesVolumeName: 'f', filesMountPath: '/c' }).container;
    expect(plain.env).toEqual([{ name: 'DB_USER', value: 'app' }]);
    const none = InitStep.waitForMysql('mysql')._bind({ filesVolumeName: 'f', filesMountPath: '/c' }).container;
    expect(none.env).toBeUndefined();
    expect(none.command![2]).not.toContain('--user');
  });

  test('rejects a password given as plain text', () => {
    expect(() => InitStep.waitForMysql('mysql', { passwordSecret: 'hunter2' as any })).toThrow(
      'InitStep.waitForMysql: passwordSecret: "hunter2" must be a Secret key reference { name: \'SECRET\', key: \'KEY\' }; credentials are never written into the manifest.',
    );
  });
});

describe.each(variants)('database scripts in $label (fake pg_isready and mysqladmin)', (variant) => {
  test.concurrent('pg_isready: retries "rejecting" (1) and "no response" (2) until 0, with the exact arguments', async () => {
    // GIVEN a pg_isready that answers 2, then 1, then 0
    const fake = recordingFake('pg_isready', ['PGUSER', 'PGDATABASE', 'PGPASSWORD'], 'case $n in 1) exit 2;; 2) exit 1;; *) exit 0;; esac');
    const step = InitStep.waitForPostgres('127.0.0.1', { userSecret: secret('user'), database: 'orders', timeoutSeconds: 8, intervalSeconds: 1 });
    // WHEN the step runs with the Secret's value in its environment
    const result = await run(variant, scriptOf(step), { pathFirst: [fake.dir], env: { PGUSER: 'app user $(id)', PGDATABASE: 'orders' } });
    // THEN
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('PostgreSQL at 127.0.0.1:5432 accepts connections') });
    const calls = fake.calls();
    expect(calls.args).toEqual(Array(3).fill(['-h', '127.0.0.1', '-p', '5432', '-t', '5', '-q']));
    expect(calls.env).toEqual({ PGUSER: 'app user $(id)', PGDATABASE: 'orders', PGPASSWORD: '<unset>' });
    expect(result.seconds).toBeGreaterThanOrEqual(1.5);
  });

  test.concurrent('pg_isready: exit 3 (bad parameters) stops the step at once', async () => {
    const fake = recordingFake('pg_isready', [], 'exit 3');
    const result = await run(variant, scriptOf(InitStep.waitForPostgres('127.0.0.1', { timeoutSeconds: 10 })), { pathFirst: [fake.dir] });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('wait-for-postgres-127-0-0-1: pg_isready could not try to connect to PostgreSQL at 127.0.0.1:5432 (exit 3: bad parameters)\n');
    expect(fake.calls().args).toHaveLength(1);
    expect(result.seconds).toBeLessThan(3);
  });

  test.concurrent('pg_isready: an attempt that hangs is killed at the deadline', async () => {
    const fake = recordingFake('pg_isready', [], 'exec sleep 100');
    const result = await run(variant, scriptOf(InitStep.waitForPostgres('127.0.0.1', { timeoutSeconds: 2 })), { pathFirst: [fake.dir] });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('timed out after 2 s: PostgreSQL at 127.0.0.1:5432 does not accept connections');
    expect(result.seconds).toBeLessThan(4.5);
    expect(fake.calls().pids.filter(alive)).toEqual([]);
  });

  test.concurrent('mysqladmin: the password only in MYSQL_PWD, the user as one argument, retried until the server answers', async () => {
    const fake = recordingFake('mysqladmin', ['MYSQL_PWD', 'DB_USER'], '[ "$n" -ge 2 ]');
    const step = InitStep.waitForMysql('localhost', { port: 3307, userSecret: secret('user'), passwordSecret: secret('password'), connectTimeoutSeconds: 2, timeoutSeconds: 8, intervalSeconds: 1 });
    const user = 'root" --host=evil $(touch pwned)';
    const password = "p'a\"s$s";
    const result = await run(variant, scriptOf(step), { pathFirst: [fake.dir], env: { DB_USER: user, MYSQL_PWD: password } });
    expect(result).toMatchObject({ code: 0 });
    const calls = fake.calls();
    expect(calls.args).toEqual(Array(2).fill(['ping', '--protocol=tcp', '-h', 'localhost', '-P', '3307', '--connect-timeout=2', `--user=${user}`, '--silent']));
    expect(calls.env).toEqual({ MYSQL_PWD: password, DB_USER: user });
  });

  test.concurrent('mysqladmin: an attempt that ignores TERM, as mysqladmin does, is killed a second after the deadline', async () => {
    // GIVEN a mysqladmin that ignores SIGTERM and hangs (a server that stalls after the login)
    const fake = recordingFake('mysqladmin', [], "trap '' TERM; exec sleep 100");
    // WHEN the step waits for it
    const result = await run(variant, scriptOf(InitStep.waitForMysql('127.0.0.1', { timeoutSeconds: 2 })), { pathFirst: [fake.dir] });
    // THEN it ends by the deadline plus the second before KILL, and nothing is left running
    expect(result.code).toBe(1);
    expect(result.seconds).toBeLessThan(5.5);
    expect(fake.calls().pids.filter(alive)).toEqual([]);
  });

  test.concurrent('mysqladmin: an attempt that hangs is killed at the deadline', async () => {
    const fake = recordingFake('mysqladmin', [], 'exec sleep 100');
    const result = await run(variant, scriptOf(InitStep.waitForMysql('127.0.0.1', { timeoutSeconds: 2 })), { pathFirst: [fake.dir] });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('timed out after 2 s: MySQL at 127.0.0.1:3306 does not answer ping');
    expect(result.seconds).toBeLessThan(4.5);
    expect(fake.calls().pids.filter(alive)).toEqual([]);
  });

  test.concurrent('an image without the tool fails at once and suggests the official image', async () => {
    // GIVEN a busybox-like image: date and sleep, no pg_isready
    const result = await run({ ...variant, path: onlyTools(variant, ['date', 'sleep']) }, scriptOf(InitStep.waitForPostgres('db', { image: 'busybox:1.36' })));
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('wait-for-postgres-db: the image has no pg_isready; use postgres:16.4-alpine or an image that has it\n');
  });
});
