/**
 * Sidecar.logShipper(): the existing log shippers through the Sidecar abstraction. The tail
 * shipper is compared with the seed tutorial's sidecar-container.yml (fixture:
 * test/fixtures/vendor/log-shipper.yaml); Fluent Bit's container and config are the ones
 * LogShipper.fluentBit() writes for SidecarLoggedApp (test/log-shipper.test.ts).
 */
import { Testing } from 'cdk8s';
import { asWritten, described, expected, vendorFixture } from './vendor';
import { FluentBitOutput, LogShipper, Sidecar, SidecarLoggedApp, SidecarMode } from '../../src';

const context = { podName: 'sidecar-test', workloadKind: 'Pod' };

describe('Sidecar.logShipper', () => {
  test('binds the seed sidecar: the shared log volume, the app mount and tail -f', () => {
    const fixture = vendorFixture('log-shipper');
    const sidecar = Sidecar.logShipper(LogShipper.tail(), { name: 'sidecar-container' });
    const binding = sidecar.bind(context);
    expect(described(asWritten(sidecar, binding), expected(fixture))).toEqual(expected(fixture));
    expect(binding.problems).toEqual([]);
    expect(fixture.header).toContain('sidecar-container.yml');
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
      'Sidecar.logShipper: shipper: "MyShipper" is not a log shipper this library built; use LogShipper.tail() or LogShipper.fluentBit(), or add your own container with Sidecar.container().',
    ]);
  });
});
