/**
 * What every entry of the sidecar catalogue promises (the per-entry vendor comparisons are in
 * test/sidecars/<entry>.test.ts): a pinned default image and an `image` option, no resources
 * unless asked, named ports, secrets only by reference, a startup probe when native (where the
 * app waits for the sidecar), options read once, and every bad option reported in one list as
 * `Sidecar.<factory>: <field>: ...`.
 */
import { Duration, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { LogShipper, OAuth2ProxyProvider, PlainPod, Sidecar, SidecarMode } from '../../src';

const context = { podName: 'web', workloadKind: 'Deployment' };

interface Entry {
  readonly factory: string;
  readonly make: (extra: Record<string, unknown>) => Sidecar;
  readonly defaultMode: SidecarMode;
  readonly containerName: string;
  /** Why a native form needs no startup probe (nothing in the pod waits for the sidecar). */
  readonly noStartupProbe?: string;
}

const entries: Entry[] = [
  {
    factory: 'cloudSqlProxy',
    defaultMode: SidecarMode.NATIVE,
    containerName: 'cloud-sql-proxy',
    make: (x) => Sidecar.cloudSqlProxy({ instanceConnectionName: 'p-12345:us-central1:db', port: 5432, ...x }),
  },
  { factory: 'gitSync', defaultMode: SidecarMode.CLASSIC, containerName: 'git-sync', make: (x) => Sidecar.gitSync({ repo: 'https://example.com/r.git', ...x }) },
  { factory: 'nginxExporter', defaultMode: SidecarMode.CLASSIC, containerName: 'nginx-exporter', make: (x) => Sidecar.nginxExporter({ ...x }) },
  { factory: 'mysqldExporter', defaultMode: SidecarMode.CLASSIC, containerName: 'mysqld-exporter', make: (x) => Sidecar.mysqldExporter({ username: 'exporter', passwordSecret: { name: 's', key: 'p' }, ...x }) },
  { factory: 'envoy', defaultMode: SidecarMode.CLASSIC, containerName: 'envoy', make: (x) => Sidecar.envoy({ appPort: 8080, ...x }) },
  {
    factory: 'oauth2Proxy',
    defaultMode: SidecarMode.CLASSIC,
    containerName: 'oauth2-proxy',
    make: (x) => Sidecar.oauth2Proxy({
      appPort: 8080,
      provider: OAuth2ProxyProvider.GOOGLE,
      clientId: 'id',
      clientSecret: { name: 's', key: 'c' },
      cookieSecret: { name: 's', key: 'k' },
      emailDomains: ['example.com'],
      ...x,
    }),
  },
  {
    factory: 's3Backup',
    defaultMode: SidecarMode.CLASSIC,
    containerName: 's3-backup',
    noStartupProbe: 'the app does not wait for backups',
    make: (x) => Sidecar.s3Backup({ volumeName: 'data', bucket: 'my-backups', credentialsSecret: { name: 'aws' }, ...x }),
  },
];

describe.each(entries)('Sidecar.$factory', (entry) => {
  test('is valid with its required options alone, in its vendor default mode', () => {
    const sidecar = entry.make({});
    expect(sidecar.mode).toBe(entry.defaultMode);
    expect(sidecar.bind(context).problems).toEqual([]);
    expect(sidecar.bind(context).container.name).toBe(entry.containerName);
  });

  test('pins its default image to a version, and takes another image and name', () => {
    const image = entry.make({}).bind(context).container.image!;
    expect(image).toMatch(/:v?[0-9]+\.[0-9]+(\.[0-9]+)?$/);
    const custom = entry.make({ image: 'registry.example.com/mirror/x:1.2.3', name: 'my-sidecar' }).bind(context);
    expect(custom.container.image).toBe('registry.example.com/mirror/x:1.2.3');
    expect(custom.container.name).toBe('my-sidecar');
    expect(custom.problems).toEqual([]);
  });

  test('writes no resources unless asked, and the L1 quantities as plain values when asked', () => {
    expect(entry.make({}).bind(context).container.resources).toBeUndefined();
    const resources = { requests: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('64Mi') }, limits: { memory: '128Mi' } };
    expect(entry.make({ resources }).bind(context).container.resources).toEqual({ requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } });
  });

  test('names every container port', () => {
    for (const p of entry.make({}).bind(context).container.ports ?? []) {
      expect(p.name).toMatch(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/);
    }
  });

  test('takes secrets only by reference: every environment variable is configuration or a secretKeyRef', () => {
    for (const e of entry.make({}).bind(context).container.env ?? []) {
      if (e.valueFrom) {
        expect(Object.keys(e.valueFrom)).toEqual(['secretKeyRef']);
      } else {
        expect(e.name).not.toMatch(/PASSWORD|SECRET|TOKEN|KEY/);
      }
    }
  });

  test('gets a startup probe when native, so the app starts after the sidecar is ready (or says why not)', () => {
    const probe = entry.make({ mode: SidecarMode.NATIVE }).bind(context).container.startupProbe;
    if (entry.noStartupProbe) {
      expect(probe).toBeUndefined();
    } else {
      expect(probe?.httpGet).toBeDefined();
    }
  });

  test('reads its options once: changing them afterwards changes nothing', () => {
    const options: Record<string, any> = { resources: { limits: { memory: '128Mi' } } };
    const sidecar = entry.make(options);
    const before = JSON.stringify(sidecar.bind(context));
    options.resources.limits.memory = '1Gi';
    options.name = 'changed';
    expect(JSON.stringify(sidecar.bind(context))).toBe(before);
  });

  test('reports a bad name once, in a pod: the pod\'s own checks take a stand-in name (review 70 Q3)', () => {
    const chart = Testing.chart();
    new PlainPod(chart, 'p', { metadata: { name: 'web' }, containers: [{ name: 'app', image: 'nginx:1.27' }], sidecars: [entry.make({ name: 'My_Sidecar' })] });
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n').filter((l) => l.includes('My_Sidecar'))).toEqual([
      expect.stringContaining(`Sidecar.${entry.factory}: name: "My_Sidecar" is not a valid container name`),
    ]);
  });

  test('rejects a misspelt option at construction, with the option meant', () => {
    const subject = `Sidecar.${entry.factory}`;
    expect(() => entry.make({ imge: 'x' })).toThrow(`${subject}: imge: is not an option of ${subject}; did you mean 'image'?`);
    expect(() => entry.make({ imge: 'x', nme: 'y' })).toThrow(`${subject} has 2 problems:\n    - ${subject}: imge: is not an option of ${subject}; did you mean 'image'?\n    - ${subject}: nme: is not an option of ${subject}; did you mean 'name'?`);
  });

  test('reports a bad mode, image and name, all in one list', () => {
    const problems = entry.make({ mode: 'sidecar', image: 'my image', name: 'My_Sidecar' }).bind(context).problems!;
    const subject = `Sidecar.${entry.factory}`;
    expect(problems).toEqual(expect.arrayContaining([
      `${subject}: mode: "sidecar" is not a SidecarMode; use SidecarMode.CLASSIC or SidecarMode.NATIVE.`,
      `${subject}: image: "my image" is not an image reference; write registry/name:tag without spaces, e.g. ${JSON.stringify(entry.make({}).bind(context).container.image)}.`,
      `${subject}: name: "My_Sidecar" is not a valid container name: it must be a lowercase RFC 1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'my-name').`,
    ]));
    for (const p of problems) {
      expect(p.startsWith(`${subject}: `)).toBe(true);
      expect(p.endsWith('.') || p.endsWith('?')).toBe(true);
    }
  });
});

describe('the catalogue factories', () => {
  test('refuse options that are not an object at the call, as a JavaScript caller could pass them, naming the required ones', () => {
    expect(() => Sidecar.envoy(undefined as any)).toThrow('Sidecar.envoy: options: undefined is not an object of options; pass { ... } with appPort.');
    expect(() => Sidecar.gitSync('https://github.com/x/y' as any)).toThrow('Sidecar.gitSync: options: "https://github.com/x/y" is not an object of options; pass { ... } with repo.');
    expect(() => Sidecar.nginxExporter(null as any)).toThrow('Sidecar.nginxExporter: options: null is not an object of options; pass { ... } or leave the argument out.');
    expect(() => Sidecar.nginxExporter([] as any)).toThrow('Sidecar.nginxExporter: options: [] (a list) is not an object of options; pass { ... } or leave the argument out.');
  });

  test('take a Duration where the vendor flag takes a duration, and refuse a number', () => {
    expect(Sidecar.gitSync({ repo: 'https://example.com/r.git', period: 60 as any }).bind(context).problems).toEqual([
      'Sidecar.gitSync: period: 60 must be a Duration, e.g. Duration.seconds(30).',
    ]);
    expect(Sidecar.gitSync({ repo: 'https://example.com/r.git', period: Duration.minutes(2) }).bind(context).container.args).toContain('--period=120s');
  });

  test.each([
    ['Sidecar.envoy', 'config volume', (name: string) => Sidecar.envoy({ appPort: 8080, name }), '-config', 56],
    ['Sidecar.gitSync', 'initial-sync init container', (name: string) => Sidecar.gitSync({ repo: 'https://example.com/r.git', name }), '-init', 58],
    ['Sidecar.cloudSqlProxy', 'credentials volume', (name: string) => Sidecar.cloudSqlProxy({ instanceConnectionName: 'my-project:europe-west1:my-db', port: 5432, credentialsSecret: { name: 'sa' }, name }), '-credentials', 51],
    ['Sidecar.mysqldExporter', '.my.cnf volume', (name: string) => Sidecar.mysqldExporter({ myCnfSecret: { name: 'c' }, name }), '-my-cnf', 56],
  ])('%s: a name too long for the %s named after it is refused at name, not at the derived name (review 22 B7)', (factory, what, make, suffix, most) => {
    const name = `e${'x'.repeat(61)}`; // 62 characters: a valid container name
    const full = `${name}${suffix}`;
    expect(make(name).bind(context).problems).toEqual([
      `${factory}: name: "${name}" has 62 characters, and the ${what} named after it, "${full}", would have ${full.length}, over the 63 of a name; use at most ${most} characters.`,
    ]);
    expect(make('e'.repeat(most)).bind(context).problems).toEqual([]);
  });

  test('give the log shippers the same abstraction', () => {
    expect(Sidecar.logShipper(LogShipper.tail()).bind(context).container).toEqual({
      name: 'log-shipper', image: 'busybox', command: ['sh', '-c', 'tail -f /var/log/app.log'], volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }],
    });
  });
});
