/**
 * Sidecar.logShipper(): the existing log shippers through the Sidecar abstraction. The tail
 * shipper is compared with the seed tutorial's sidecar-container.yml (fixture:
 * test/fixtures/vendor/log-shipper.yaml); Fluent Bit's container and config are the ones
 * LogShipper.fluentBit() writes for SidecarLoggedApp (test/log-shipper.test.ts).
 */
import { Testing } from 'cdk8s';
import { asWritten, described, expected, vendorFixture } from './vendor';
import { FluentBitOutput, LogShipper, PlainPod, Sidecar, SidecarLoggedApp, SidecarMode, Workload } from '../../src';
import { fixture, newChart, only, synth } from '../util';

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
