import * as fs from 'fs';
import * as path from 'path';
import { Duration, JsonPatch, Testing } from 'cdk8s';
import { FluentBitOutput, LogShipper, S3Compression, S3OutputOptions, SidecarLoggedApp, SidecarMode, Workload } from '../src';
import { exampleCharts } from './example-charts';
import { newChart, only, synth, synthError } from './util';

const app = {
  name: 'main-container',
  image: 'busybox',
  command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
};

/**
 * Parses Fluent Bit's classic configuration format strictly: `[SECTION]` headers at column 0,
 * entries indented by exactly four spaces as `Key<spaces>Value`, blank lines between sections.
 * Anything else (a tab, a stray line, an entry outside a section) throws.
 */
function parseClassicConfig(text: string): Array<{ section: string; entries: { [key: string]: string } }> {
  const sections: Array<{ section: string; entries: { [key: string]: string } }> = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '') {
      continue;
    }
    const header = /^\[([A-Z]+)\]$/.exec(line);
    if (header) {
      sections.push({ section: header[1], entries: {} });
      continue;
    }
    const entry = /^ {4}(\S+) +(\S(.*\S)?)$/.exec(line);
    if (!entry || sections.length === 0) {
      throw new Error(`line ${i + 1} is not a section header or an indented 'Key Value' entry: ${JSON.stringify(line)}`);
    }
    const entries = sections[sections.length - 1].entries;
    if (entry[1].toLowerCase() in Object.fromEntries(Object.keys(entries).map((k) => [k.toLowerCase(), 1]))) {
      throw new Error(`line ${i + 1}: key ${entry[1]} appears twice in one section`);
    }
    entries[entry[1]] = entry[2];
  }
  return sections;
}

/** The parsed fluent-bit.conf of the one ConfigMap in the manifests. */
function fluentBitConfig(manifests: any[]) {
  const cm = only(manifests, 'ConfigMap');
  expect(Object.keys(cm.data)).toEqual(['fluent-bit.conf']);
  return parseClassicConfig(cm.data['fluent-bit.conf']);
}

function section(config: ReturnType<typeof parseClassicConfig>, name: string) {
  const found = config.filter((s) => s.section === name);
  expect(found).toHaveLength(1);
  return found[0].entries;
}

function s3App(options: Partial<S3OutputOptions>, name = 'logs') {
  const chart = newChart();
  new SidecarLoggedApp(chart, 'p', {
    metadata: { name },
    app,
    logShipper: LogShipper.fluentBit({ output: FluentBitOutput.s3({ bucket: 'my-logs', region: 'eu-west-1', ...options }) }),
  });
  return chart;
}

describe('the classic-config parser used by these tests', () => {
  test('rejects a stray line, a tab-indented entry and a repeated key', () => {
    expect(() => parseClassicConfig('[OUTPUT]\n    Name es\nHTTP_Passwd hunter2\n')).toThrow(/line 3/);
    expect(() => parseClassicConfig('[OUTPUT]\n\tName es\n')).toThrow(/line 2/);
    expect(() => parseClassicConfig('[OUTPUT]\n    Name es\n    name s3\n')).toThrow(/appears twice/);
  });
});

describe('LogShipper.fluentBit', () => {
  describe('the sidecar', () => {
    test('runs the pinned Fluent Bit image with -c pointing at the mounted ConfigMap', () => {
      // GIVEN
      const chart = newChart();
      // WHEN
      const pattern = new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'web' },
        app,
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es.logging.svc' }) }),
      });
      // THEN
      const spec = only(synth(chart), 'Pod').spec;
      expect(spec.containers[1]).toEqual({
        name: 'sidecar-container',
        image: 'cr.fluentbit.io/fluent/fluent-bit:3.1',
        command: ['/fluent-bit/bin/fluent-bit'],
        args: ['-c', '/fluent-bit/config/fluent-bit.conf'],
        volumeMounts: [
          { name: 'fluent-bit-config', mountPath: '/fluent-bit/config/', readOnly: true },
          { name: 'shared-logs', mountPath: '/var/log/' },
        ],
      });
      expect(spec.volumes).toEqual([
        { name: 'shared-logs', emptyDir: {} },
        { name: 'fluent-bit-config', configMap: { name: 'web-fluent-bit' } },
      ]);
      expect(pattern.sidecarContainer.image).toBe('cr.fluentbit.io/fluent/fluent-bit:3.1');
    });

    test('uses the declared image, tag, buffer limit and resources', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'web' },
        app,
        logShipper: LogShipper.fluentBit({
          output: FluentBitOutput.elasticsearch({ host: 'es' }),
          image: 'fluent/fluent-bit:3.1.9',
          tag: 'web.access',
          memBufLimit: '20MB',
          resources: { limits: { memory: '64Mi' } as any },
        }),
      });
      const manifests = synth(chart);
      const sidecar = only(manifests, 'Pod').spec.containers[1];
      expect(sidecar.image).toBe('fluent/fluent-bit:3.1.9');
      expect(sidecar.resources).toEqual({ limits: { memory: '64Mi' } });
      const config = fluentBitConfig(manifests);
      expect(section(config, 'INPUT')).toMatchObject({ Tag: 'web.access', Mem_Buf_Limit: '20MB' });
      expect(section(config, 'OUTPUT')).toMatchObject({ Match: 'web.access' });
    });
  });

  describe('the ConfigMap', () => {
    test('is named after the pod, in its namespace, exposed on the pattern and written before the pod', () => {
      // GIVEN
      const chart = newChart();
      // WHEN
      const pattern = new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'web', namespace: 'shop' },
        app,
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) }),
      });
      // THEN
      const manifests = synth(chart);
      expect(manifests.map((m) => m.kind)).toEqual(['ConfigMap', 'Pod']);
      expect(manifests[0].metadata).toEqual({ name: 'web-fluent-bit', namespace: 'shop' });
      expect(pattern.logShipperConfigMap?.name).toBe('web-fluent-bit');
      expect(pattern.logShipperConfigMap?.toJson()).toEqual(manifests[0]);
    });

    test('is an escape hatch: a JSON patch on it lands in the manifest', () => {
      // GIVEN
      const chart = newChart();
      const pattern = new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'web' },
        app,
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) }),
      });
      // WHEN
      pattern.logShipperConfigMap!.addJsonPatch(JsonPatch.add('/metadata/labels', { team: 'logs' }));
      // THEN
      expect(only(synth(chart), 'ConfigMap').metadata.labels).toEqual({ team: 'logs' });
    });

    test.each(['fluent-bit-elasticsearch', 'fluent-bit-s3', 'deployment-sidecar'])(
      'the %s example writes a fluent-bit.conf that parses into SERVICE, INPUT and OUTPUT sections',
      (id) => {
        const manifests = Testing.synth(exampleCharts().get(`dist/${id}.k8s.yaml`)!);
        const config = fluentBitConfig(manifests);
        expect(config.map((s) => s.section)).toEqual(['SERVICE', 'INPUT', 'OUTPUT']);
        expect(section(config, 'INPUT')).toMatchObject({ Name: 'tail', Path: '/var/log/app.log', DB: '/var/log/fluent-bit-tail.db' });
        expect(section(config, 'OUTPUT').Match).toBe(section(config, 'INPUT').Tag);
      },
    );

    test('takes the declared name', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'web' },
        app,
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }), configMapName: 'shipper-config' }),
      });
      const manifests = synth(chart);
      expect(only(manifests, 'ConfigMap').metadata.name).toBe('shipper-config');
      expect(only(manifests, 'Pod').spec.volumes[1]).toEqual({ name: 'fluent-bit-config', configMap: { name: 'shipper-config' } });
    });

    test('is not created by the tail shipper', () => {
      const chart = newChart();
      const pattern = new SidecarLoggedApp(chart, 'p', { app });
      expect(pattern.logShipperConfigMap).toBeUndefined();
      expect(synth(chart).map((m) => m.kind)).toEqual(['Pod']);
    });

    test('holds a tail input on the log file, its offset DB on the shared volume, and sane buffers', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        app,
        logMountPath: '/logs/',
        logFileName: 'web.log',
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) }),
      });
      const config = fluentBitConfig(synth(chart));
      expect(config.map((s) => s.section)).toEqual(['SERVICE', 'INPUT', 'OUTPUT']);
      expect(section(config, 'SERVICE')).toEqual({ Flush: '1', Daemon: 'Off', Log_Level: 'info' });
      expect(section(config, 'INPUT')).toEqual({
        'Name': 'tail',
        'Tag': 'app',
        'Path': '/logs/web.log',
        'DB': '/logs/fluent-bit-tail.db',
        'DB.locking': 'true',
        'Read_from_Head': 'On',
        'Mem_Buf_Limit': '5MB',
        'Skip_Long_Lines': 'On',
      });
    });

    test('writes the Elasticsearch output with only the declared settings and Suppress_Type_Name', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        app,
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'elasticsearch.logging.svc' }) }),
      });
      expect(section(fluentBitConfig(synth(chart)), 'OUTPUT')).toEqual({
        Name: 'es',
        Match: 'app',
        Host: 'elasticsearch.logging.svc',
        Port: '9200',
        Suppress_Type_Name: 'On',
      });
    });

    test('writes every Elasticsearch option, the password only as a variable read from the Secret', () => {
      // GIVEN
      const chart = newChart();
      // WHEN
      new SidecarLoggedApp(chart, 'p', {
        app,
        logShipper: LogShipper.fluentBit({
          output: FluentBitOutput.elasticsearch({
            host: '10.0.0.7',
            port: 9243,
            index: 'app-logs',
            tls: true,
            tlsVerify: false,
            httpUser: 'elastic',
            httpPasswordSecret: { name: 'es-creds', key: 'password' },
            suppressTypeName: false,
          }),
        }),
      });
      // THEN
      const manifests = synth(chart);
      expect(section(fluentBitConfig(manifests), 'OUTPUT')).toEqual({
        'Name': 'es',
        'Match': 'app',
        'Host': '10.0.0.7',
        'Port': '9243',
        'Index': 'app-logs',
        'HTTP_User': 'elastic',
        'HTTP_Passwd': '${ES_HTTP_PASSWD}',
        'tls': 'On',
        'tls.verify': 'Off',
      });
      expect(only(manifests, 'Pod').spec.containers[1].env).toEqual([
        { name: 'ES_HTTP_PASSWD', valueFrom: { secretKeyRef: { name: 'es-creds', key: 'password' } } },
      ]);
    });

    test('writes the S3 output with the local buffer on the shared volume and keys from the Secret', () => {
      // GIVEN
      const chart = newChart();
      // WHEN
      new SidecarLoggedApp(chart, 'p', {
        app,
        logShipper: LogShipper.fluentBit({
          output: FluentBitOutput.s3({
            bucket: 'my-app-logs',
            region: 'eu-west-1',
            totalFileSize: '50M',
            uploadChunkSize: '10M',
            uploadTimeout: Duration.minutes(5),
            s3KeyFormat: '/app-logs/$TAG/%Y/%m/%d/%H%M%S-$UUID.gz',
            compression: S3Compression.GZIP,
            endpoint: 'http://minio.storage.svc:9000',
            storeDirLimitSize: '500M',
            credentialsSecret: { name: 'aws-credentials', accessKeyIdKey: 'id', secretAccessKeyKey: 'secret' },
          }),
        }),
      });
      // THEN
      const manifests = synth(chart);
      expect(section(fluentBitConfig(manifests), 'OUTPUT')).toEqual({
        Name: 's3',
        Match: 'app',
        bucket: 'my-app-logs',
        region: 'eu-west-1',
        total_file_size: '50M',
        upload_chunk_size: '10M',
        upload_timeout: '5m',
        s3_key_format: '/app-logs/$TAG/%Y/%m/%d/%H%M%S-$UUID.gz',
        compression: 'gzip',
        endpoint: 'http://minio.storage.svc:9000',
        store_dir: '/var/log/fluent-bit-s3',
        store_dir_limit_size: '500M',
      });
      expect(only(manifests, 'Pod').spec.containers[1].env).toEqual([
        { name: 'AWS_ACCESS_KEY_ID', valueFrom: { secretKeyRef: { name: 'aws-credentials', key: 'id' } } },
        { name: 'AWS_SECRET_ACCESS_KEY', valueFrom: { secretKeyRef: { name: 'aws-credentials', key: 'secret' } } },
      ]);
    });

    test('reads an uploadTimeout of null as unset, as the other optional Durations (review 68 M1)', () => {
      const manifests = synth(s3App({ uploadTimeout: null as any }));
      expect(section(fluentBitConfig(manifests), 'OUTPUT').upload_timeout).toBeUndefined();
    });

    test('writes an upload timeout that is not whole minutes in seconds', () => {
      const chart = s3App({ uploadTimeout: Duration.seconds(90) });
      expect(section(fluentBitConfig(synth(chart)), 'OUTPUT').upload_timeout).toBe('90');
    });

    test('writes no credentials and no env when the S3 output uses the pod role', () => {
      const manifests = synth(s3App({}));
      expect(section(fluentBitConfig(manifests), 'OUTPUT')).toEqual({
        Name: 's3', Match: 'app', bucket: 'my-logs', region: 'eu-west-1', store_dir: '/var/log/fluent-bit-s3',
      });
      expect(only(manifests, 'Pod').spec.containers[1].env).toBeUndefined();
    });

    test('works for a Deployment: named after the Deployment, mounted in the pod template', () => {
      // GIVEN
      const chart = newChart();
      // WHEN
      new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'web', labels: { app: 'web' } },
        workload: Workload.deployment({ replicas: 3 }),
        app,
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) }),
      });
      // THEN
      const manifests = synth(chart);
      expect(manifests.map((m) => m.kind)).toEqual(['ConfigMap', 'Deployment']);
      expect(manifests[0].metadata.name).toBe('web-fluent-bit');
      const template = only(manifests, 'Deployment').spec.template.spec;
      expect(template.volumes).toContainEqual({ name: 'fluent-bit-config', configMap: { name: 'web-fluent-bit' } });
      expect(template.containers[1].args).toEqual(['-c', '/fluent-bit/config/fluent-bit.conf']);
    });

    test('works with a native sidecar: the Fluent Bit container is the first init container', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        app,
        sidecarMode: SidecarMode.NATIVE,
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.s3({ bucket: 'my-logs', region: 'us-east-1' }) }),
      });
      const spec = only(synth(chart), 'Pod').spec;
      expect(spec.initContainers[0]).toMatchObject({ name: 'sidecar-container', restartPolicy: 'Always', image: 'cr.fluentbit.io/fluent/fluent-bit:3.1' });
      expect(spec.containers.map((c: any) => c.name)).toEqual(['main-container']);
    });
  });

  describe('secrets', () => {
    test('no ConfigMap of any example holds a secret, only references to variables', () => {
      // GIVEN every example chart
      const charts = exampleCharts();
      let configMaps = 0;
      for (const chart of charts.values()) {
        const manifests = Testing.synth(chart);
        // THEN the secrets are read through secretKeyRef only: a variable with a literal value
        // (plain configuration, such as the sidecar catalogue's DB_HOST or RCLONE_CONFIG_*) has
        // no secret-like name, in the pods of every workload kind
        const envs = manifests.flatMap((m) => {
          const spec = m.spec?.jobTemplate?.spec?.template?.spec ?? m.spec?.template?.spec ?? m.spec;
          return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].flatMap((c: any) => c.env ?? []);
        });
        for (const e of envs) {
          if (e.valueFrom === undefined) {
            expect(e.name).not.toMatch(/PASS|SECRET|TOKEN|KEY|CREDENTIAL/i);
          } else {
            expect(e.value).toBeUndefined();
            expect(e.valueFrom.secretKeyRef).toBeDefined();
          }
        }
        for (const cm of manifests.filter((m) => m.kind === 'ConfigMap')) {
          if (cm.data['fluent-bit.conf'] === undefined) {
            // other configs (envoy.yaml, an nginx snippet) hold no secret either
            expect(JSON.stringify(cm.data)).not.toMatch(/AKIA|aws_secret|hunter2|passw/i);
            continue;
          }
          configMaps++;
          const text = cm.data['fluent-bit.conf'];
          // AND the config has no password or key setting other than a variable reference
          for (const s of parseClassicConfig(text)) {
            for (const [key, value] of Object.entries(s.entries)) {
              if (/passw|secret|key_id|access_key|token/i.test(key)) {
                expect({ key, value }).toEqual({ key, value: expect.stringMatching(/^\$\{[A-Z_]+\}$/) });
              }
            }
          }
          // AND no env variable named in the pod appears other than as ${NAME}
          for (const e of envs) {
            expect(text.replace(`\${${e.name}}`, '')).not.toContain(e.name);
          }
          expect(text).not.toMatch(/AKIA|aws_secret|hunter2/i);
        }
      }
      expect(configMaps).toBeGreaterThanOrEqual(3);
    });

    test('the Elasticsearch example reads its password from the Secret by reference', () => {
      const manifests = Testing.synth(exampleCharts().get('dist/fluent-bit-elasticsearch.k8s.yaml')!);
      expect(section(fluentBitConfig(manifests), 'OUTPUT').HTTP_Passwd).toBe('${ES_HTTP_PASSWD}');
      expect(only(manifests, 'Pod').spec.containers[1].env).toEqual([
        { name: 'ES_HTTP_PASSWD', valueFrom: { secretKeyRef: { name: 'elasticsearch-credentials', key: 'password' } } },
      ]);
    });

    test('the S3 example reads the AWS keys from the Secret by reference', () => {
      const manifests = Testing.synth(exampleCharts().get('dist/fluent-bit-s3.k8s.yaml')!);
      const output = section(fluentBitConfig(manifests), 'OUTPUT');
      expect(Object.keys(output).filter((k) => /key_id|secret|access/i.test(k))).toEqual([]);
      expect(only(manifests, 'Pod').spec.containers[1].env.map((e: any) => [e.name, e.valueFrom.secretKeyRef])).toEqual([
        ['AWS_ACCESS_KEY_ID', { name: 'aws-credentials', key: 'AWS_ACCESS_KEY_ID' }],
        ['AWS_SECRET_ACCESS_KEY', { name: 'aws-credentials', key: 'AWS_SECRET_ACCESS_KEY' }],
      ]);
    });
  });

  describe('hostile values', () => {
    test.each([
      ['a newline that would add a key', 'elastic\n    HTTP_Passwd hunter2'],
      ['a carriage return', 'elastic\r[OUTPUT]'],
      ['an environment variable reference', '${AWS_SECRET_ACCESS_KEY}'],
      ['a tab', 'ela\tstic'],
    ])('rejects %s in a config value, and nothing is written', (_what, hostile) => {
      // GIVEN
      const chart = newChart();
      // WHEN
      new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'logs' },
        app,
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es', httpUser: hostile }) }),
      });
      // THEN
      const error = synthError(chart);
      expect(error).toContain("SidecarLoggedApp 'logs': logShipper.output.httpUser: ");
      expect(error).toMatch(/control character|environment variable/);
    });

    test('rejects a host with a scheme or port, an index Elasticsearch refuses, a bad port and a bad tag, all in one message', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'logs' },
        app,
        logShipper: LogShipper.fluentBit({
          tag: 'app logs',
          output: FluentBitOutput.elasticsearch({ host: 'https://es:9200', port: 70000, index: 'App-Logs' }),
        }),
      });
      const error = synthError(chart);
      expect(error).toContain("SidecarLoggedApp 'logs' has 4 problems:");
      expect(error).toContain('logShipper.tag: "app logs" must consist of letters, digits');
      expect(error).toContain('logShipper.output.host: "https://es:9200" is not a host name or IP address; give only the host');
      expect(error).toContain('logShipper.output.port: 70000 is not a TCP port; use 1-65535');
      expect(error).toContain('logShipper.output.index: "App-Logs" is not a valid Elasticsearch index name: it must be lowercase.');
    });

    test.each([['1.2.3'], ['999.999.999.999'], ['10.0.0.07']])('rejects the host %j, saying it looks like an IPv4 address (review 29 A2)', (host) => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', { metadata: { name: 'logs' }, app, logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host }) }) });
      expect(synthError(chart)).toContain(`logShipper.output.host: ${JSON.stringify(host)} looks like an IPv4 address but is not four decimal numbers from 0 to 255`);
    });

    test.each([['...'], [':'], ['[::1'], ['::1]']])('rejects the host %j, which is no host name or IP address (review 28 C2)', (host) => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', { metadata: { name: 'logs' }, app, logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host }) }) });
      expect(synthError(chart)).toContain(`logShipper.output.host: ${JSON.stringify(host)} is not a host name or IP address; give only the host`);
    });

    test('rejects an IPv6 host in brackets, which Fluent Bit hands to the resolver as written, saying to drop them', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', { metadata: { name: 'logs' }, app, logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: '[::1]' }) }) });
      expect(synthError(chart)).toContain('logShipper.output.host: "[::1]" is not a host name or IP address (an IPv6 address goes without \'[\' and \']\' here)');
    });

    test.each([['es.logging.svc'], ['10.0.0.7'], ['fd00::7']])('accepts the host %j', (host) => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', { metadata: { name: 'logs' }, app, logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host }) }) });
      expect(JSON.stringify(synth(chart))).toContain(`Host               ${host}`);
    });

    test('rejects a password without a user and tlsVerify without tls', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'logs' },
        app,
        logShipper: LogShipper.fluentBit({
          output: FluentBitOutput.elasticsearch({ host: 'es', tlsVerify: false, httpPasswordSecret: { name: 'Bad_Name', key: 'pass word' } }),
        }),
      });
      const error = synthError(chart);
      expect(error).toContain('logShipper.output.httpPasswordSecret: is set without httpUser');
      expect(error).toContain('logShipper.output.httpPasswordSecret.name: "Bad_Name" is not a valid Secret name');
      expect(error).toContain('logShipper.output.httpPasswordSecret: key "pass word" is not a valid Secret key');
      expect(error).toContain('logShipper.output.tlsVerify: is set without tls');
    });

    test('rejects a log path that would change the meaning of the tail Path', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'logs' },
        app,
        logFileName: 'a,b*.log',
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) }),
      });
      expect(synthError(chart)).toContain('logFilePath: "/var/log/a,b*.log" is not usable by Fluent Bit\'s tail input');
    });

    test('rejects a derived ConfigMap name that is too long', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'a'.repeat(250) },
        app,
        logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) }),
      });
      expect(synthError(chart)).toContain('logShipper.configMapName: "aaaa');
    });
  });

  describe('S3 settings Fluent Bit refuses', () => {
    test.each([
      [{ totalFileSize: '999K' }, 'logShipper.output.totalFileSize: "999K" is 999000 bytes; Fluent Bit refuses less than 1M'],
      [{ totalFileSize: '51G' }, 'logShipper.output.totalFileSize: "51G" is 51000000000 bytes; Fluent Bit refuses more than 50G'],
      [{ uploadChunkSize: '5M' }, 'logShipper.output.uploadChunkSize: "5M" is 5000000 bytes; Fluent Bit refuses parts smaller than 5242880 bytes'],
      [{ uploadChunkSize: '60M', totalFileSize: '1G' }, 'logShipper.output.uploadChunkSize: "60M" is 60000000 bytes; Fluent Bit refuses uncompressed parts larger than 50M (50000000 bytes). Use at most \'50M\', or compression: S3Compression.GZIP (up to 5G).'],
      [{ uploadChunkSize: '5.1G', totalFileSize: '20G', compression: S3Compression.GZIP }, 'logShipper.output.uploadChunkSize: "5.1G" is 5100000000 bytes; Fluent Bit refuses compressed parts larger than 5G'],
      [{ totalFileSize: '1.5.0M' }, 'logShipper.output.totalFileSize: "1.5.0M" is not a Fluent Bit size'],
      [{ totalFileSize: '0.9M' }, 'logShipper.output.totalFileSize: "0.9M" is 900000 bytes; Fluent Bit refuses less than 1M'],
      [{ uploadChunkSize: '40M', totalFileSize: '30M' }, 'logShipper.output.uploadChunkSize: "40M" is larger than totalFileSize "30M"; Fluent Bit refuses an upload chunk larger than the file'],
      [{ uploadChunkSize: '20M', totalFileSize: '30M' }, 'logShipper.output.totalFileSize: totalFileSize "30M" is less than twice uploadChunkSize "20M"'],
      [{ uploadChunkSize: '6M', totalFileSize: '11M' }, 'is less than twice uploadChunkSize "6M"; Fluent Bit refuses this'],
      [{ totalFileSize: '100 MB' }, 'logShipper.output.totalFileSize: "100 MB" is not a Fluent Bit size'],
      [{ bucket: 'My_Bucket' }, 'logShipper.output.bucket: "My_Bucket" is not a valid S3 bucket name: it must consist of lowercase letters'],
      [{ bucket: 'ab' }, 'it must be 3 to 63 characters long (it has 2)'],
      [{ bucket: 'my..logs' }, 'must not contain two adjacent periods'],
      [{ bucket: '192.168.5.4' }, 'must not be formatted as an IP address'],
      [{ bucket: 'xn--logs' }, 'must not use a reserved prefix'],
      [{ region: 'Europe' }, 'logShipper.output.region: "Europe" is not an AWS region'],
      [{ s3KeyFormat: 'logs/$TAG' }, "logShipper.output.s3KeyFormat: \"logs/$TAG\" must start with '/'"],
      [{ endpoint: 'minio:9000/path' }, 'logShipper.output.endpoint: "minio:9000/path" is not an endpoint URL'],
      [{ endpoint: 'http://minio:99999' }, 'logShipper.output.endpoint: "http://minio:99999": its port "99999" must be a number from 1 to 65535 without leading zeros.'],
      [{ endpoint: 'http://minio:00080' }, 'logShipper.output.endpoint: "http://minio:00080": its port "00080" must be a number from 1 to 65535 without leading zeros.'],
      [{ endpoint: 'http://...:9000' }, 'logShipper.output.endpoint: "http://...:9000": its host "..." must be a host name'],
      [{ uploadTimeout: Duration.millis(1500) }, 'logShipper.output.uploadTimeout: 1.5 seconds is not a whole, positive number of seconds'],
      [{ credentialsSecret: { name: 'aws', secretAccessKeyKey: 'a/b' } }, 'logShipper.output.credentialsSecret: key "a/b" is not a valid Secret key'],
    ])('rejects %j', (options, message) => {
      expect(synthError(s3App(options as Partial<S3OutputOptions>))).toContain(message);
    });

    test.each([
      [{ totalFileSize: '1M' }, 'a small file (Fluent Bit switches to PutObject and ignores the chunk size)'],
      [{ totalFileSize: '50G', uploadChunkSize: '50M' }, 'the largest file and part'],
      [{ totalFileSize: '10485760', uploadChunkSize: '5242880' }, 'the smallest multipart file with the minimum part'],
      [{ totalFileSize: '12M', uploadChunkSize: '6M' }, 'exactly twice the part size'],
      [{ uploadChunkSize: '50MB' }, 'a part size with the default file size'],
      [{ totalFileSize: '1G', uploadChunkSize: '100M', compression: S3Compression.GZIP }, 'a compressed part above 50M (review 22 B1: cb_s3_init allows 5G with gzip)'],
      [{ totalFileSize: '3.5M', uploadChunkSize: '1.5M' }, 'sizes with a decimal point, which flb_utils_size_to_bytes reads (review 22 B8)'],
      [{ region: 'auto', endpoint: 'https://0123456789abcdef.r2.cloudflarestorage.com' }, 'the region of an S3-compatible store with endpoint (review 22 B3)'],
    ])('accepts %j: %s', (options) => {
      expect(() => synth(s3App(options as Partial<S3OutputOptions>))).not.toThrow();
    });

    test('fails with exactly the message docs/sidecars.md shows for a 5M upload chunk', () => {
      // GIVEN the guide's example
      const guide = fs.readFileSync(path.join(__dirname, '..', 'docs', 'sidecars.md'), 'utf8');
      const shown = /```text\n(SidecarLoggedApp 's3-logged-app': logShipper\.output\.uploadChunkSize.*)\n```/.exec(guide);
      expect(shown).not.toBeNull();
      // WHEN / THEN
      expect(synthError(s3App({ uploadChunkSize: '5M' }, 's3-logged-app'))).toContain(shown![1]);
    });

    test('reports every refused S3 setting of one pattern in one message', () => {
      const error = synthError(s3App({ bucket: 'B', region: 'x', totalFileSize: '0' }));
      expect(error).toContain("SidecarLoggedApp 'logs' has 3 problems:");
    });
  });
});

describe('LogShipper and FluentBitOutput options', () => {
  // Plain JavaScript, `as any` and spread configs reach these factories untyped.
  const loose = (o: object): any => o;

  test('rejects misspelt options at construction, naming the nearest field', () => {
    expect(() => LogShipper.tail(loose({ imag: 'alpine:3.20' }))).toThrow('LogShipper.tail(): imag: is not a field of TailOptions; did you mean image?');
    expect(() => LogShipper.tail(loose('alpine:3.20'))).toThrow(/^LogShipper\.tail\(\): .*"alpine:3\.20"/);
    const es = FluentBitOutput.elasticsearch({ host: 'es' });
    expect(() => LogShipper.fluentBit(loose({ output: es, imagee: 'my/fluent-bit:3.1' }))).toThrow('LogShipper.fluentBit(): imagee: is not a field of FluentBitOptions; did you mean image?');
    expect(() => FluentBitOutput.elasticsearch(loose({ host: 'es', idx: 'app-logs' }))).toThrow('FluentBitOutput.elasticsearch(): idx: is not a field of ElasticsearchOutputOptions');
    expect(() => FluentBitOutput.s3(loose({ bucket: 'b', region: 'eu-west-1', compresion: 'gzip' }))).toThrow('FluentBitOutput.s3(): compresion: is not a field of S3OutputOptions; did you mean compression?');
    expect(() => FluentBitOutput.s3(loose({ bucket: 'b', region: 'eu-west-1', credentialsSecret: { name: 'aws', accessKeyIDKey: 'id' } })))
      .toThrow('FluentBitOutput.s3(): credentialsSecret.accessKeyIDKey: is not a field of S3CredentialsSecret; did you mean accessKeyIdKey?');
    expect(() => FluentBitOutput.elasticsearch(loose({ host: 'es', httpUser: 'u', httpPasswordSecret: { name: 's', key: 'k', optional: true } })))
      .toThrow('FluentBitOutput.elasticsearch(): httpPasswordSecret.optional: is not a field of SecretKeyRef');
  });

  test('rejects any compression but gzip, so no value can add a section to fluent-bit.conf', () => {
    expect(() => FluentBitOutput.s3(loose({ bucket: 'b', region: 'eu-west-1', compression: 'gzip\n[OUTPUT]\n    Name stdout\n    Match *' })))
      .toThrow('FluentBitOutput.s3(): compression: "gzip\\n[OUTPUT]\\n    Name stdout\\n    Match *" is not one of "gzip"; use one of them.');
    expect(() => FluentBitOutput.s3(loose({ bucket: 'b', region: 'eu-west-1', compression: 'zstd' }))).toThrow('compression: "zstd" is not one of "gzip"');
  });

  test('rejects boolean options written as strings instead of reading "false" as on', () => {
    expect(() => FluentBitOutput.elasticsearch(loose({ host: 'es', tls: 'false' })))
      .toThrow('FluentBitOutput.elasticsearch(): tls: "false" is a string, but ElasticsearchOutputOptions.tls takes a boolean (true or false); write false without quotes.');
    expect(() => FluentBitOutput.elasticsearch(loose({ host: 'es', tls: true, tlsVerify: 'false' }))).toThrow('tlsVerify: "false" is a string');
    expect(() => FluentBitOutput.elasticsearch(loose({ host: 'es', suppressTypeName: 'false' }))).toThrow('suppressTypeName: "false" is a string');
  });
});

describe('the Fluent Bit ConfigMap', () => {
  const shipper = (configMapName?: string): LogShipper => LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }), configMapName });

  test('is validated like every object: escape-hatch patches and metadata changes are checked', () => {
    const chart = newChart();
    const pod = new SidecarLoggedApp(chart, 'p', { metadata: { name: 'p' }, app, logShipper: shipper() });
    pod.logShipperConfigMap!.addJsonPatch(JsonPatch.add('/datta', { x: 'y' }), JsonPatch.add('/data/extra', 5));
    pod.logShipperConfigMap!.metadata.addLabel('bad key!', 'v');
    const message = synthError(chart);
    expect(message).toContain("[test/p/FluentBitConfig] ConfigMap 'p-fluent-bit' has 3 problems:");
    expect(message).toContain('datta: is not a field of ConfigMap; did you mean data?');
    expect(message).toContain('data[extra]: 5 is a number, but ConfigMap.data takes a string');
    expect(message).toContain('metadata.labels: label key "bad key!" is invalid');
  });

  test('rejects two shippers with one configMapName, which would ship one app\'s log to the other\'s output', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { metadata: { name: 'p' }, app, logShipper: shipper('shared') });
    new SidecarLoggedApp(chart, 'q', { metadata: { name: 'q' }, app, logShipper: shipper('shared') });
    expect(synthError(chart)).toContain("[test/p/FluentBitConfig] ConfigMap 'shared': metadata.name: \"shared\" is also the name of ConfigMap 'shared' (test/q/FluentBitConfig): two ConfigMaps with one name would overwrite each other when applied.");
  });
});

describe('log shipper paths and values the shipper could not use (review 69 O2-O5)', () => {
  const es = () => LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }) });
  const s3 = (options: Partial<S3OutputOptions> = {}) => LogShipper.fluentBit({ output: FluentBitOutput.s3({ bucket: 'my-logs', region: 'eu-west-1', ...options }) });
  const error = (props: object) => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'a', { metadata: { name: 'a' }, app, ...props });
    return synthError(chart);
  };

  test('GIVEN a log file named like Fluent Bit\'s own files WHEN synthesized THEN it is refused naming logFileName', () => {
    expect(error({ logShipper: es(), logFileName: 'fluent-bit-tail.db' })).toContain(
      "SidecarLoggedApp 'a': logFileName: \"fluent-bit-tail.db\" is Fluent Bit's own offset database (/var/log/fluent-bit-tail.db) in the log folder; name the log file otherwise, e.g. 'app.log'.");
    expect(error({ logShipper: s3(), logFileName: 'fluent-bit-s3' })).toContain("logFileName: \"fluent-bit-s3\" is Fluent Bit's own S3 buffer (/var/log/fluent-bit-s3)");
  });

  test('GIVEN a log mount path over the shipper\'s own program WHEN synthesized THEN it is refused naming logMountPath', () => {
    for (const [logShipper, logMountPath, program] of [[es(), '/fluent-bit/', '/fluent-bit/bin/fluent-bit'], [es(), '/', '/fluent-bit/bin/fluent-bit'], [LogShipper.tail(), '/bin', '/bin/sh']] as const) {
      expect(error({ logShipper, logMountPath })).toContain(`logMountPath: ${JSON.stringify(logMountPath)} would hide ${program}, which the sidecar runs`);
    }
    const chart = newChart();
    new SidecarLoggedApp(chart, 'a', { metadata: { name: 'a' }, app, logShipper: es(), logMountPath: '/var/log/fluent-bit/' });
    expect(only(synth(chart), 'Pod').spec.containers).toHaveLength(2);
  });

  test('GIVEN a log mount path written with // or /./, on the program itself, or with a custom Fluent Bit image WHEN synthesized THEN it is refused too (review 70 Q1, Q2)', () => {
    for (const [logShipper, logMountPath] of [[es(), '/fluent-bit//bin'], [es(), '/fluent-bit/./bin'], [es(), '/fluent-bit/bin/fluent-bit'], [LogShipper.tail(), '/bin/sh'],
      [LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }), image: 'example.com/fluent-bit:3.1' }), '/fluent-bit/']] as const) {
      expect(error({ logShipper, logMountPath })).toContain(`logMountPath: ${JSON.stringify(logMountPath)} would hide`);
    }
  });

  test('GIVEN a log mount path with .. that resolves onto the program\'s folder WHEN synthesized THEN it is refused (review 71 R1)', () => {
    expect(error({ logShipper: es(), logMountPath: '/var/log/../../fluent-bit' })).toContain('logMountPath: "/var/log/../../fluent-bit" would hide /fluent-bit/bin/fluent-bit');
    expect(error({ logShipper: LogShipper.tail(), logMountPath: '/x/..' })).toContain('logMountPath: "/x/.." would hide /bin/sh');
  });

  test('GIVEN options of SidecarLoggedApp\'s own Fluent Bit shipper with problems WHEN synthesized THEN each is reported once, not again by the ConfigMap (review 70 Q4, Q6)', () => {
    for (const [options, message] of [
      [{ configMapName: 'Bad_' }, 'logShipper.configMapName: "Bad_" is not valid as a ConfigMap name'],
      [{ output: FluentBitOutput.elasticsearch({ host: 'es', httpUser: 'a\ufffeb', httpPasswordSecret: { name: 's', key: 'k' } }) }, 'logShipper.output.httpUser: "a\\ufffeb" contains a line break'],
    ] as const) {
      const lines = error({ logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }), ...options }) }).split('\n').filter((l) => l.includes('[test/'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(message);
    }
  });

  test('GIVEN an S3 endpoint with a \'/\' after a host without a port WHEN synthesized THEN it is refused, as Fluent Bit would take the \'/\' into the host', () => {
    expect(error({ logShipper: s3({ endpoint: 'http://minio.storage.svc/' }) })).toContain(
      'logShipper.output.endpoint: "http://minio.storage.svc/" is not an endpoint URL; write scheme, host and optional port only, and no \'/\' after a host without a port');
    // (after a port, Fluent Bit drops it: atoi)
    const chart = newChart();
    new SidecarLoggedApp(chart, 'a', { metadata: { name: 'a' }, app, logShipper: s3({ endpoint: 'http://minio.storage.svc:9000/' }) });
    expect(only(synth(chart), 'Pod').spec.containers).toHaveLength(2);
  });

  test('GIVEN a value with U+0085, U+2028 or a lone surrogate WHEN synthesized THEN the option is named', () => {
    for (const user of ['fluent\u0085bit', 'fluent\u2028bit', 'a\ud800b']) {
      expect(error({ logShipper: LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es', httpUser: user, httpPasswordSecret: { name: 's', key: 'k' } }) }) }))
        .toContain(`logShipper.output.httpUser: ${JSON.stringify(user).replace(/[\u0085\u2028]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)} contains a line break or another control character`);
    }
  });
});
