/**
 * Sidecar.logShipper(): the existing log shippers through the Sidecar abstraction. The tail
 * shipper is compared with the seed tutorial's sidecar-container.yml (fixture:
 * test/fixtures/vendor/log-shipper.yaml); Fluent Bit's container and config are the ones
 * LogShipper.fluentBit() writes for SidecarLoggedApp (test/log-shipper.test.ts).
 */
import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { asWritten, described, expected, vendorFixture } from './vendor';
import { FluentBitOutput, Inject, LogShipper, PlainPod, Sidecar, SidecarLoggedApp, SidecarMode, Workload } from '../../src';
import { fixture, newChart, only, synth, synthError } from '../util';

const context = { podName: 'sidecar-test', workloadKind: 'Pod' };

describe('Sidecar.logShipper', () => {
  test('binds the seed sidecar: the shared log volume, the app mount and tail -f', () => {
    const seedFragment = vendorFixture('log-shipper');
    const sidecar = Sidecar.logShipper(LogShipper.tail(), { name: 'sidecar-container' });
    const binding = sidecar.bind(context);
    expect(described(asWritten(sidecar, binding), expected(seedFragment))).toEqual(expected(seedFragment));
    expect(binding.problems).toEqual([]);
    expect(seedFragment.header).toContain('sidecar-container.yml');
  });

  test('binds Fluent Bit exactly as SidecarLoggedApp writes it, its ConfigMap as data', () => {
    // GIVEN the same shipper in a SidecarLoggedApp and as a Sidecar
    const shipper = LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es.logging.svc' }) });
    const chart = Testing.chart();
    const app = new SidecarLoggedApp(chart, 'app', {
      metadata: { name: 'web' },
      app: { name: 'main', image: 'busybox' },
      logShipper: shipper,
    });
    const binding = Sidecar.logShipper(shipper, { name: 'sidecar-container' }).bind({ podName: 'web', workloadKind: 'Pod' });
    // THEN the container, the volumes and the ConfigMap are the same
    expect(binding.container).toEqual(app.sidecarContainer);
    expect(binding.volumes).toEqual(app.volumes);
    const cm = app.logShipperConfigMap!.toJson();
    expect(binding.configMaps).toEqual([{ name: cm.metadata.name, data: cm.data }]);
    expect(binding.problems).toEqual([]);
  });

  test('passes on the shipper problems under its own name', () => {
    const binding = Sidecar.logShipper(LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }), tag: 'a b' })).bind(context);
    expect(binding.problems).toEqual([
      'Sidecar.logShipper: logShipper.tag: "a b" must consist of letters, digits, \'.\', \'_\' or \'-\' (a Fluent Bit tag that Match and $TAG use as is).',
    ]);
  });

  test('is classic by default and native when asked', () => {
    expect(Sidecar.logShipper(LogShipper.tail()).mode).toBe(SidecarMode.CLASSIC);
    expect(Sidecar.logShipper(LogShipper.tail(), { mode: SidecarMode.NATIVE }).mode).toBe(SidecarMode.NATIVE);
  });

  test('reports a shipper of your own, which has no data form, and bad paths', () => {
    class MyShipper extends LogShipper {
      public bind() {
        return { container: { name: 'x', image: 'busybox' } };
      }
    }
    expect(Sidecar.logShipper(new MyShipper(), { logMountPath: 'var/log', logFileName: '../app.log' }).bind(context).problems).toEqual([
      'Sidecar.logShipper: logMountPath: "var/log" must be an absolute path of letters, digits, \'.\', \'_\', \'-\' and \'/\', without \'.\' or \'..\' segments, e.g. "/var/log/".',
      'Sidecar.logShipper: logFileName: "../app.log" must be a file name of letters, digits, \'.\', \'_\' and \'-\' (e.g. \'app.log\').',
      'Sidecar.logShipper: shipper: is a MyShipper instance, not a log shipper this library built; use LogShipper.tail() or LogShipper.fluentBit(), or add your own container with Sidecar.container().',
    ]);
  });
});

describe('Sidecar.logShipper in a pod', () => {
  test('synthesizes the seed pod through the Sidecar abstraction, exactly', () => {
    // GIVEN the seed's app as a PlainPod with the tail shipper as a sidecar
    const chart = newChart();
    new PlainPod(chart, 'sidecar-test', {
      metadata: { name: 'sidecar-test' },
      containers: [{ name: 'main-container', image: 'busybox', command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"] }],
      sidecars: [Sidecar.logShipper(LogShipper.tail(), { name: 'sidecar-container' })],
    });
    // THEN it is the seed's sidecar-container.yml
    expect(synth(chart)).toEqual(fixture('sidecar-container.yml'));
  });

  test('synthesizes Fluent Bit with its ConfigMap first, accepted by the offline validators', () => {
    const chart = newChart();
    new PlainPod(chart, 'api', {
      metadata: { name: 'api', labels: { app: 'api' } },
      workload: Workload.deployment(),
      containers: [{ name: 'api', image: 'busybox:1.36' }],
      sidecars: [Sidecar.logShipper(LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es.logging.svc' }) }), { name: 'fluent-bit', mode: SidecarMode.NATIVE })],
    });
    const manifests = synth(chart);
    expect(manifests.map((m) => m.kind)).toEqual(['ConfigMap', 'Deployment']);
    expect(only(manifests, 'ConfigMap').metadata.name).toBe('api-fluent-bit');
    const spec = only(manifests, 'Deployment').spec.template.spec;
    expect(spec.initContainers.map((c: any) => c.name)).toEqual(['fluent-bit']);
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/var/log/' }]);
  });
});

describe('two log shippers and other sidecars on one volume (review 45 W2, W3, W8)', () => {
  const fluentBit = (configMapName: string, extra: object = {}) =>
    LogShipper.fluentBit({ configMapName, output: FluentBitOutput.elasticsearch({ host: 'es', index: configMapName }), ...extra });
  const twoShippers = (second: object) => [
    Sidecar.logShipper(fluentBit('p-access'), { name: 'ship-access', logVolumeName: 'access-logs', logMountPath: '/var/log/access' }),
    Sidecar.logShipper(fluentBit('p-error', second), { name: 'ship-error', logVolumeName: 'error-logs', logMountPath: '/var/log/error' }),
  ];
  const podOf = (sidecars: Sidecar[]) => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [{ name: 'app', image: 'busybox' }], sidecars });
    return chart;
  };

  test('GIVEN two Fluent Bit shippers with their own configVolumeName WHEN synthesized THEN each mounts its own ConfigMap', () => {
    const pod = only(synth(podOf(twoShippers({ configVolumeName: 'fluent-bit-error' }))), 'Pod');
    expect(pod.spec.volumes.filter((v: any) => v.configMap)).toEqual([
      { name: 'fluent-bit-config', configMap: { name: 'p-access' } },
      { name: 'fluent-bit-error', configMap: { name: 'p-error' } },
    ]);
    expect(pod.spec.containers.find((c: any) => c.name === 'ship-error').volumeMounts)
      .toContainEqual({ name: 'fluent-bit-error', mountPath: '/fluent-bit/config/', readOnly: true });
  });

  test('GIVEN two Fluent Bit shippers with the default config volume name WHEN synthesized THEN both sidecars and the option to rename are named', () => {
    expect(synthError(podOf(twoShippers({})))).toContain('volumes: the sidecars "ship-access" and "ship-error" both add a volume named "fluent-bit-config", with different contents, '
      + 'and a pod cannot have two volumes of one name; give one of them another name (configVolumeName of LogShipper.fluentBit()).');
  });

  test('GIVEN the second shipper injected into a pod with the first WHEN synthesized THEN the message is the same', () => {
    const [first, second] = twoShippers({});
    const chart = podOf([first]);
    Inject.into(chart.node.findChild('p') as PlainPod, { sidecars: [second] });
    expect(synthError(chart)).toContain('volumes: the sidecars "ship-access" and "ship-error" both add a volume named "fluent-bit-config"');
  });

  test('GIVEN a configVolumeName that is not a DNS-1123 label WHEN bound THEN the option is named', () => {
    expect(synthError(podOf([Sidecar.logShipper(fluentBit('p-x', { configVolumeName: 'Fluent.Config' }))])))
      .toContain('logShipper.configVolumeName: "Fluent.Config" is not valid as a volume name: it must be a lowercase RFC 1123 label');
  });

  test('GIVEN two shippers on one log volume at two app paths WHEN synthesized THEN the two paths and both sidecars are named', () => {
    const chart = podOf([
      Sidecar.logShipper(LogShipper.tail(), { name: 'a', logMountPath: '/var/log/x' }),
      Sidecar.logShipper(LogShipper.tail(), { name: 'b', logMountPath: '/var/log/y' }),
    ]);
    expect(synthError(chart)).toContain('volumes: the sidecars "a" and "b" both add a volume named "shared-logs", and mount it into the app at two paths, "/var/log/x" and "/var/log/y"; '
      + 'mount it at one path in both, or give one of them another volume name (logVolumeName of Sidecar.logShipper).');
  });

  const gitSyncThenShipper = () => [
    Sidecar.gitSync({ repo: 'https://example.com/r', volumeName: 'shared-logs', appMountPath: '/var/log/x', initialSync: false }),
    Sidecar.logShipper(LogShipper.tail(), { name: 'ship', logMountPath: '/var/log/x' }),
  ];
  const readOnlyClash = 'spec.containers[0].volumeMounts: the volume "shared-logs" is mounted at "/var/log/x" both read-only and writable '
    + '(by Sidecar.gitSync \'git-sync\' and Sidecar.logShipper \'ship\'), but a container mounts a volume at one path once, and it would get the read-only mount only; '
    + 'make them all read-only or all writable, or give one of them a volume of its own (volumeName of Sidecar.gitSync or logVolumeName of Sidecar.logShipper).';

  test('GIVEN git-sync (read-only) and a log shipper (writable) on one volume at one app path WHEN synthesized THEN it is reported, not one mount dropped', () => {
    expect(synthError(podOf(gitSyncThenShipper()))).toContain(readOnlyClash);
  });

  test('GIVEN the same two sidecars added by Inject.into() WHEN synthesized THEN it is reported alike', () => {
    const chart = newChart();
    const d = Workload.deployment();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p' }, workload: d, containers: [{ name: 'app', image: 'busybox' }] });
    Inject.into(p, { sidecars: gitSyncThenShipper() });
    expect(synthError(chart)).toContain(readOnlyClash.replace('spec.containers', 'spec.template.spec.containers'));
  });

  test('GIVEN the app\'s own read-only mount of the log volume at the shipper\'s path, and a writer beside it WHEN synthesized THEN the app\'s mount is kept as written', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [{ name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/', readOnly: true }] }, { name: 'writer', image: 'busybox' }],
      sidecars: [Sidecar.logShipper(LogShipper.tail())],
    });
    expect(only(synth(chart), 'Pod').spec.containers[0].volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/var/log/', readOnly: true }]);
  });
});

describe('a SidecarLoggedApp\'s own Fluent Bit shipper and another one (review 49 B7)', () => {
  const fluentBit = (extra: object = {}) => LogShipper.fluentBit({ output: FluentBitOutput.elasticsearch({ host: 'es' }), ...extra });
  const loggedApp = (chart: any) => new SidecarLoggedApp(chart, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox' }, logShipper: fluentBit() });

  test('GIVEN a second Fluent Bit shipper injected with the default ConfigMap name WHEN injected THEN the pattern\'s sidecar and the option are named', () => {
    const chart = newChart();
    expect(() => Inject.into(loggedApp(chart), { sidecars: [Sidecar.logShipper(fluentBit(), { name: 'b', logVolumeName: 'b-logs', logMountPath: '/var/log/b' })] }))
      .toThrow('the pattern itself (a sidecar or init step of its own) and this Inject.into() generate a ConfigMap named "l-fluent-bit" for Pod \'l\'');
  });

  test('GIVEN a second Fluent Bit sidecar with another ConfigMap but the default config volume WHEN synthesized THEN both sidecars and configVolumeName are named', () => {
    const chart = newChart();
    loggedApp(chart).addSidecar(Sidecar.logShipper(fluentBit({ configMapName: 'x' }), { name: 'b', logVolumeName: 'b-logs', logMountPath: '/var/log/b' }));
    expect(synthError(chart)).toContain('volumes: the sidecars "sidecar-container" and "b" both add a volume named "fluent-bit-config", with different contents, '
      + 'and a pod cannot have two volumes of one name; give one of them another name (configVolumeName of LogShipper.fluentBit()).');
  });

  test('GIVEN a git-sync on the app\'s log volume at another path WHEN added THEN both sidecars and the options are named (review 51 E5)', () => {
    const chart = newChart();
    loggedApp(chart).addSidecar(Sidecar.gitSync({ repo: 'https://example.com/r', volumeName: 'shared-logs', appMountPath: '/git', initialSync: false }));
    expect(synthError(chart)).toContain('volumes: the sidecars "sidecar-container" and "git-sync" both add a volume named "shared-logs", and mount it into the app at two paths, '
      + '"/var/log/" and "/git"; mount it at one path in both, or give one of them another volume name (logVolumeName of SidecarLoggedApp or volumeName of Sidecar.gitSync).');
  });
});

describe('a SidecarLoggedApp\'s log volume that the pod reads elsewhere too (review 52 F3)', () => {
  test('GIVEN an init container that mounts the log volume at /x WHEN a second shipper shares it at the app\'s log path THEN the one volume is shared', () => {
    const chart = newChart();
    const app = new SidecarLoggedApp(chart, 'l', {
      metadata: { name: 'l' },
      app: { name: 'app', image: 'busybox' },
      initContainers: [{ name: 'prep', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/x' }] }],
    });
    app.addSidecar(Sidecar.logShipper(LogShipper.tail(), { name: 'b' }));
    const pod = only(synth(chart), 'Pod');
    expect(pod.spec.volumes).toEqual([{ name: 'shared-logs', emptyDir: {} }]);
    expect(pod.spec.containers.find((c: any) => c.name === 'b').volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/var/log/' }]);
  });

  test.each([
    ['a SidecarLoggedApp', (chart: any, init: any[]) => new SidecarLoggedApp(chart, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox' }, initContainers: init })],
    ['a PlainPod with a shipper', (chart: any, init: any[]) => new PlainPod(chart, 'l', {
      metadata: { name: 'l' }, containers: [{ name: 'app', image: 'busybox' }], initContainers: init, sidecars: [Sidecar.logShipper(LogShipper.tail(), { name: 's1' })],
    })],
  ])('GIVEN %s and an init container that mounts the log volume at /x WHEN Inject.into() adds a second shipper at the same path THEN the one volume is shared (review 53 G5)',
    (_what, make) => {
      const chart = newChart();
      const pattern = make(chart, [{ name: 'prep', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/x' }] }]);
      Inject.into(pattern, { sidecars: [Sidecar.logShipper(LogShipper.tail(), { name: 'b' })] });
      const pod = only(synth(chart), 'Pod');
      expect(pod.spec.volumes).toEqual([{ name: 'shared-logs', emptyDir: {} }]);
      expect(pod.spec.containers.find((c: any) => c.name === 'app').volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/var/log/' }]);
      expect(pod.spec.containers.find((c: any) => c.name === 'b').volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/var/log/' }]);
    });

  test('GIVEN a second shipper injected at another app path WHEN synthesized THEN both shippers and both paths are named, not the init container\'s', () => {
    const chart = newChart();
    const pattern = new SidecarLoggedApp(chart, 'l', {
      metadata: { name: 'l' }, app: { name: 'app', image: 'busybox' }, initContainers: [{ name: 'prep', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/x' }] }],
    });
    Inject.into(pattern, { sidecars: [Sidecar.logShipper(LogShipper.tail(), { name: 'b', logMountPath: '/logs' })] });
    expect(synthError(chart)).toContain('the sidecars "sidecar-container" and "b" both add a volume named "shared-logs", and mount it into the app at two paths, "/var/log/" and "/logs"');
  });
});

describe('an app that mounts the log volume itself (review 54 I1)', () => {
  const pattern = (chart: any) => new SidecarLoggedApp(chart, 'l', {
    metadata: { name: 'l' }, app: { name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/x' }] },
  });
  test.each([
    ['addSidecar()', (p: SidecarLoggedApp, s: Sidecar) => p.addSidecar(s)],
    ['Inject.into()', (p: SidecarLoggedApp, s: Sidecar) => Inject.into(p, { sidecars: [s] })],
  ])('GIVEN a second shipper at another logMountPath added by %s WHEN synthesized THEN the one volume is shared, and the app keeps its own mount only', (_how, add) => {
    const chart = newChart();
    add(pattern(chart), Sidecar.logShipper(LogShipper.tail(), { name: 'b', logMountPath: '/logs' }));
    const pod = only(synth(chart), 'Pod');
    expect(pod.spec.volumes).toEqual([{ name: 'shared-logs', emptyDir: {} }]);
    expect(pod.spec.containers.find((c: any) => c.name === 'app').volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/x' }]);
    expect(pod.spec.containers.find((c: any) => c.name === 'b').volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/logs' }]);
  });

  test('GIVEN a PlainPod whose app mounts the log volume itself WHEN two shippers mount it into the app at two paths THEN nothing clashes', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [{ name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/x' }] }],
      sidecars: [Sidecar.logShipper(LogShipper.tail(), { name: 's1' }), Sidecar.logShipper(LogShipper.tail(), { name: 's2', logMountPath: '/logs' })],
    });
    expect(only(synth(chart), 'Pod').spec.containers[0].volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/x' }]);
  });

  test('GIVEN a main container added after the sidecars that does not mount it WHEN synthesized THEN the clash is named, as in any order (review 55 K3)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [{ name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/x' }] }],
      sidecars: [Sidecar.logShipper(LogShipper.tail(), { name: 's1' }), Sidecar.logShipper(LogShipper.tail(), { name: 's2', logMountPath: '/logs' })],
    });
    pod.addContainer({ name: 'other', image: 'busybox' });
    expect(synthError(chart)).toContain('the sidecars "s1" and "s2" both add a volume named "shared-logs", and mount it into the app at two paths, "/var/log/" and "/logs"');
  });

  test('GIVEN a second main container that does not mount it WHEN two shippers mount it into the app at two paths THEN the clash is still named', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [{ name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/x' }] }, { name: 'other', image: 'busybox' }],
      sidecars: [Sidecar.logShipper(LogShipper.tail(), { name: 's1' }), Sidecar.logShipper(LogShipper.tail(), { name: 's2', logMountPath: '/logs' })],
    });
    expect(synthError(chart)).toContain('the sidecars "s1" and "s2" both add a volume named "shared-logs", and mount it into the app at two paths, "/var/log/" and "/logs"');
  });
});

describe('Sidecar.logShipper: the app must be able to write the log (review 58 Q4)', () => {
  const readOnlyApp = { name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/', readOnly: true }] };
  const message = 'spec.containers[0].volumeMounts: the log volume "shared-logs" of the log shipper "log-shipper" is mounted read-only only by "app"';

  test('GIVEN the only main container mounting the log volume read-only WHEN synthesized THEN it is an error naming the container and the fix', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [readOnlyApp], sidecars: [Sidecar.logShipper(LogShipper.tail())] });
    const error = synthError(chart);
    expect(error).toContain(`PlainPod 'p': ${message}`);
    expect(error).toContain("(this library's contract); remove readOnly, or leave the mount out and let the sidecar add it.");
  });

  test('GIVEN a raw Pod whose app mounts the log volume read-only WHEN a log shipper is injected THEN it is the same error', () => {
    const chart = newChart();
    const pod = new ApiObject(chart, 'p', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [readOnlyApp] } });
    Inject.into(pod, { sidecars: [Sidecar.logShipper(LogShipper.tail())] });
    expect(synthError(chart)).toContain(`Pod 'p' with injected sidecars and init steps: ${message}`);
  });

  test('GIVEN the shipper renamed by a JSON patch WHEN synthesized THEN it is still no main container that could write the log (review 65 A7)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [readOnlyApp], sidecars: [Sidecar.logShipper(LogShipper.tail())] });
    pod.addJsonPatch(JsonPatch.replace('/spec/containers/1/name', 'shipper2'));
    expect(synthError(chart)).toContain(`PlainPod 'p': ${message}`);
  });

  test('GIVEN the shipper renamed and the containers added to or reordered by JSON patches WHEN synthesized THEN the shipper is told by what it runs (review 66 D6)', () => {
    for (const more of [JsonPatch.add('/spec/containers/-', { name: 'metrics', image: 'nginx:1.27' }), JsonPatch.move('/spec/containers/0', '/spec/containers/1')]) {
      const chart = newChart();
      const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [readOnlyApp], sidecars: [Sidecar.logShipper(LogShipper.tail())] });
      pod.addJsonPatch(JsonPatch.replace('/spec/containers/1/name', 'shipper2'), more);
      expect(synthError(chart)).toContain('the log volume "shared-logs" of the log shipper "log-shipper" is mounted read-only only by "app"');
    }
  });

  test('GIVEN a writer a JSON patch adds where another removes a main container WHEN synthesized THEN the writer is no sidecar, and the pod is accepted (review 68 K2)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [readOnlyApp, { name: 'helper', image: 'nginx:1.27' }], sidecars: [Sidecar.logShipper(LogShipper.tail())] });
    pod.addJsonPatch(JsonPatch.remove('/spec/containers/1'),
      JsonPatch.add('/spec/containers/-', { name: 'writer', image: 'busybox:1.36', command: ['sh', '-c', 'date >> /var/log/app.log'], volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }] }));
    expect(only(synth(chart), 'Pod').spec.containers.map((c: any) => c.name)).toEqual(['app', 'log-shipper', 'writer']);
  });

  test('GIVEN the shipper renamed, a main container removed and a writer added by JSON patches WHEN synthesized THEN the writer is no sidecar (review 69 N2)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [readOnlyApp, { name: 'helper', image: 'nginx:1.27' }], sidecars: [Sidecar.logShipper(LogShipper.tail())] });
    pod.addJsonPatch(JsonPatch.remove('/spec/containers/1'),
      JsonPatch.add('/spec/containers/-', { name: 'writer', image: 'busybox:1.36', command: ['sh', '-c', 'date >> /var/log/app.log'], volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }] }),
      JsonPatch.replace('/spec/containers/1/name', 'shipper'));
    expect(only(synth(chart), 'Pod').spec.containers.map((c: any) => c.name)).toEqual(['app', 'shipper', 'writer']);
  });

  test('GIVEN a log mount path refused for its form WHEN the pod is synthesized THEN it is not judged again by the shipper (review 71 R2)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'web' }, containers: [{ name: 'app', image: 'busybox:1.36' }], sidecars: [Sidecar.logShipper(LogShipper.tail(), { logMountPath: '//bin' })] });
    const error = synthError(chart);
    expect(error).toContain('Sidecar.logShipper: logMountPath: "//bin" must be an absolute path');
    expect(error).not.toContain('would hide');
  });

  test('GIVEN options with problems WHEN the pod is synthesized THEN each is reported once, not again by the volume or mounts made from it (review 69 P6)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'web' }, containers: [{ name: 'app', image: 'busybox:1.36' }], sidecars: [Sidecar.logShipper(LogShipper.tail(), { logMountPath: 'rel' })] });
    const error = synthError(chart);
    expect(error).toContain("PlainPod 'web': Sidecar.logShipper: logMountPath: \"rel\" must be an absolute path");
    expect(error).not.toContain('volumeMounts');
  });

  test('GIVEN a main container that runs what the shipper runs and writes the log WHEN synthesized THEN it is a main container, and accepted (review 67 J3)', () => {
    const chart = newChart();
    const shipper = Sidecar.logShipper(LogShipper.tail()).bind({ podName: 'p', workloadKind: 'Pod' }).container as any;
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [readOnlyApp, { name: 'writer', image: shipper.image, command: shipper.command, volumeMounts: [{ name: 'shared-logs', mountPath: '/logs' }] }],
      sidecars: [Sidecar.logShipper(LogShipper.tail())],
    });
    expect(only(synth(chart), 'Pod').spec.containers.map((c: any) => c.name)).toEqual(['app', 'writer', 'log-shipper']);
  });

  test('GIVEN the shipper renamed and given another image by JSON patches WHEN synthesized THEN it is still told by its place (review 67 J4)', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [readOnlyApp], sidecars: [Sidecar.logShipper(LogShipper.tail())] });
    pod.addJsonPatch(JsonPatch.replace('/spec/containers/1/name', 'shipper2'), JsonPatch.replace('/spec/containers/1/image', 'busybox:1.37'));
    expect(synthError(chart)).toContain('the log volume "shared-logs" of the log shipper "log-shipper" is mounted read-only only by "app"');
  });

  test('GIVEN another main container that gets the writable mount, or a writable mount of its own WHEN synthesized THEN the read-only one is a reader and accepted', () => {
    for (const second of [{ name: 'writer', image: 'busybox' }, { name: 'writer', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/logs' }] }]) {
      const chart = newChart();
      new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [readOnlyApp, second], sidecars: [Sidecar.logShipper(LogShipper.tail())] });
      expect(only(synth(chart), 'Pod').spec.containers[0].volumeMounts).toEqual(readOnlyApp.volumeMounts);
    }
  });

  test('GIVEN a read-only mount of another volume, or a JSON patch that makes the mount writable WHEN synthesized THEN it is accepted', () => {
    const chart = newChart();
    new PlainPod(chart, 'a', {
      metadata: { name: 'a' },
      containers: [{ name: 'app', image: 'busybox', volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: true }] }],
      volumes: [{ name: 'data', emptyDir: {} }],
      sidecars: [Sidecar.logShipper(LogShipper.tail())],
    });
    const patched = new PlainPod(chart, 'b', { metadata: { name: 'b' }, containers: [readOnlyApp], sidecars: [Sidecar.logShipper(LogShipper.tail())] });
    patched.addJsonPatch(JsonPatch.remove('/spec/containers/0/volumeMounts/0/readOnly'));
    expect(synth(chart).filter((o) => o.kind === 'Pod')).toHaveLength(2);
  });
});
