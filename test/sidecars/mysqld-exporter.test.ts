/**
 * Sidecar.mysqldExporter() against the vendor's recommended usage: prometheus/mysqld_exporter
 * `README.md` (0.15+: "General Flags", "Environment Variables", "Using Docker", "Required Grants")
 * (fixture: test/fixtures/vendor/mysqld-exporter.yaml).
 */
import { asWritten, described, expected, vendorFixture } from './vendor';
import { PlainPod, Sidecar, SidecarMode, Workload } from '../../src';
import { newChart, only, synth } from '../util';

const context = { podName: 'db', workloadKind: 'StatefulSet' };
const password = { name: 'mysqld-exporter', key: 'password' };

describe('Sidecar.mysqldExporter', () => {
  test('binds the 0.15 flags with the password from a Secret by env, as the vendor documents', () => {
    // GIVEN the vendor fragment and its placeholders
    const fixture = vendorFixture('mysqld-exporter');
    const sidecar = Sidecar.mysqldExporter({ username: 'exporter', passwordSecret: password });
    // WHEN bound
    const binding = sidecar.bind(context);
    // THEN it is the vendor's container, and no DATA_SOURCE_NAME anywhere
    expect(described(asWritten(sidecar, binding), expected(fixture))).toEqual(expected(fixture));
    expect(binding.problems).toEqual([]);
    expect(JSON.stringify(binding)).not.toContain('DATA_SOURCE_NAME');
    expect(fixture.header).toContain('prometheus/mysqld_exporter');
    expect(fixture.header).toContain('README.md');
  });

  test('reads a .my.cnf from a Secret instead, mounted read-only and passed with --config.my-cnf', () => {
    const binding = Sidecar.mysqldExporter({ myCnfSecret: { name: 'exporter-cnf' }, address: 'mysql.db.svc:3306' }).bind(context);
    expect(binding.problems).toEqual([]);
    expect(binding.container.args).toEqual(['--mysqld.address=mysql.db.svc:3306', '--config.my-cnf=/etc/mysqld-exporter/.my.cnf']);
    expect(binding.container.env).toBeUndefined();
    expect(binding.volumes).toEqual([{ name: 'mysqld-exporter-my-cnf', secret: { secretName: 'exporter-cnf', items: [{ key: '.my.cnf', path: '.my.cnf' }] } }]);
    expect(binding.container.volumeMounts).toEqual([{ name: 'mysqld-exporter-my-cnf', mountPath: '/etc/mysqld-exporter', readOnly: true }]);
  });

  test('reports a misspelt field of myCnfSecret with the field meant, at the call (review 45 V6)', () => {
    expect(() => Sidecar.mysqldExporter({ myCnfSecret: { name: 'cnf', keys: '.my.cnf' } as any }))
      .toThrow('Sidecar.mysqldExporter: myCnfSecret.keys: is not a field of MyCnfSecret; did you mean key?');
  });

  test('is classic by default; native gets a startup probe on /metrics', () => {
    expect(Sidecar.mysqldExporter({ username: 'exporter' }).mode).toBe(SidecarMode.CLASSIC);
    expect(Sidecar.mysqldExporter({ username: 'exporter', mode: SidecarMode.NATIVE }).bind(context).container.startupProbe).toEqual({
      httpGet: { path: '/metrics', port: 'mysqld-metrics' }, periodSeconds: 1, failureThreshold: 30,
    });
  });

  test('needs a user: either username or a .my.cnf, not both', () => {
    expect(Sidecar.mysqldExporter({}).bind(context).problems).toEqual([
      'Sidecar.mysqldExporter: username: is required unless myCnfSecret is set; give the MySQL user (with passwordSecret for its password), e.g. username: \'exporter\'.',
    ]);
    expect(Sidecar.mysqldExporter({ username: 'exporter', passwordSecret: password, myCnfSecret: { name: 'cnf' } }).bind(context).problems).toEqual([
      'Sidecar.mysqldExporter: myCnfSecret: is set together with username or passwordSecret; give one: the .my.cnf (user and password in its [client] section), or username and passwordSecret.',
    ]);
  });

  test('reports every bad option with the field, the value and the fix', () => {
    const binding = Sidecar.mysqldExporter({ address: 'mysql', passwordSecret: { name: 'x', key: '' }, port: 9104.5 }).bind(context);
    expect(binding.problems).toEqual([
      'Sidecar.mysqldExporter: address: "mysql" must be host:port, e.g. \'127.0.0.1:3306\' or \'mysql.db.svc:3306\'.',
      'Sidecar.mysqldExporter: passwordSecret.key: "" is not a valid Secret key; use letters, digits, \'-\', \'_\' and \'.\' (at most 253 characters).',
      'Sidecar.mysqldExporter: passwordSecret: is set without username; set username to the MySQL user the password belongs to.',
      'Sidecar.mysqldExporter: username: is required unless myCnfSecret is set; give the MySQL user (with passwordSecret for its password), e.g. username: \'exporter\'.',
      'Sidecar.mysqldExporter: port: 9104.5 is not a TCP port; use a whole number from 1 to 65535.',
    ]);
  });

  test('rejects DATA_SOURCE_NAME-style options a JavaScript caller might pass', () => {
    expect(() => Sidecar.mysqldExporter({ username: 'exporter', dataSourceName: 'root:pw@(db:3306)/' } as any)).toThrow(
      'Sidecar.mysqldExporter: dataSourceName: is not an option of Sidecar.mysqldExporter; the options are \'address\', \'username\', \'passwordSecret\', \'myCnfSecret\', \'port\', \'mode\', \'image\', \'name\', \'resources\'.',
    );
  });
});

describe('Sidecar.mysqldExporter in a pod', () => {
  test('synthesizes a MySQL StatefulSet with the exporter, accepted by the offline validators', () => {
    const chart = newChart();
    new PlainPod(chart, 'mysql', {
      metadata: { name: 'mysql', labels: { app: 'mysql' } },
      workload: Workload.statefulSet({ serviceName: 'mysql' }),
      containers: [{
        name: 'mysql',
        image: 'mysql:8.4',
        ports: [{ name: 'mysql', containerPort: 3306 }],
        env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'mysql', key: 'root-password' } } }],
      }],
      sidecars: [
        Sidecar.mysqldExporter({ username: 'exporter', passwordSecret: password }),
        Sidecar.mysqldExporter({ myCnfSecret: { name: 'cnf' }, name: 'exporter-cnf', port: 9105 }),
      ],
    });
    const spec = only(synth(chart), 'StatefulSet').spec.template.spec;
    expect(spec.containers.map((c: any) => c.name)).toEqual(['mysql', 'mysqld-exporter', 'exporter-cnf']);
    expect(spec.volumes).toEqual([{ name: 'exporter-cnf-my-cnf', secret: { secretName: 'cnf', items: [{ key: '.my.cnf', path: '.my.cnf' }] } }]);
  });
});
