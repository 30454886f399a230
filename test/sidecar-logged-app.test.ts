import { LogShipper, SidecarLoggedApp, SidecarMode } from '../src';
import { fixture, newChart, only, synth, synthError } from './util';

const app = {
  name: 'main-container',
  image: 'busybox',
  command: ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"],
};

describe('SidecarLoggedApp', () => {
  test('synthesizes exactly the seed sidecar-container.yml', () => {
    // GIVEN
    const chart = newChart();
    // WHEN
    new SidecarLoggedApp(chart, 'sidecar-test', { metadata: { name: 'sidecar-test' }, app });
    // THEN
    expect(synth(chart)).toEqual(fixture('sidecar-container.yml'));
  });

  test('defaults to the seed sidecar: busybox tailing app.log under the mount path', () => {
    const chart = newChart();
    const pattern = new SidecarLoggedApp(chart, 'p', { app });
    expect(pattern.sidecarContainer).toEqual({
      name: 'sidecar-container',
      image: 'busybox',
      command: ['sh', '-c', 'tail -f /var/log/app.log'],
      volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }],
    });
    expect(pattern.logVolumeName).toBe('shared-logs');
    expect(pattern.logMountPath).toBe('/var/log/');
    expect(pattern.logFilePath).toBe('/var/log/app.log');
  });

  test('uses the declared volume name, mount path and file name in both containers', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { app, logVolumeName: 'logs', logMountPath: '/logs', logFileName: 'web.log' });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.volumes).toEqual([{ name: 'logs', emptyDir: {} }]);
    for (const c of spec.containers) {
      expect(c.volumeMounts).toEqual([{ name: 'logs', mountPath: '/logs' }]);
    }
    expect(spec.containers[1].command).toEqual(['sh', '-c', 'tail -f /logs/web.log']);
  });

  test('quotes a log path that is not a plain word', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { app, logMountPath: '/var/log/my app', logFileName: "it's.log" });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.containers[1].command[2]).toBe("tail -f '/var/log/my app/it'\\''s.log'");
  });

  test('mounts the shared volume into a custom sidecar and keeps its other mounts', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', {
      app,
      volumes: [{ name: 'cache', emptyDir: {} }],
      sidecar: { name: 'shipper', image: 'fluent/fluent-bit:3.1', volumeMounts: [{ name: 'cache', mountPath: '/cache' }] },
    });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.volumes).toEqual([{ name: 'shared-logs', emptyDir: {} }, { name: 'cache', emptyDir: {} }]);
    expect(spec.containers[1]).toEqual({
      name: 'shipper',
      image: 'fluent/fluent-bit:3.1',
      volumeMounts: [{ name: 'cache', mountPath: '/cache' }, { name: 'shared-logs', mountPath: '/var/log/' }],
    });
  });

  test('does not mount the log volume twice when the app already mounts it', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { app: { ...app, volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/', readOnly: false }] } });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.containers[0].volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/var/log/', readOnly: false }]);
  });

  test('runs the sidecar as a native sidecar before the app', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { app, sidecarMode: SidecarMode.NATIVE });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.initContainers).toEqual([{
      name: 'sidecar-container',
      image: 'busybox',
      command: ['sh', '-c', 'tail -f /var/log/app.log'],
      restartPolicy: 'Always',
      volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }],
    }]);
    expect(spec.containers.map((c: any) => c.name)).toEqual(['main-container']);
  });

  test('uses the tail image given to LogShipper.tail()', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { app, logShipper: LogShipper.tail({ image: 'busybox:1.36' }) });
    expect(only(synth(chart), 'Pod').spec.containers[1].image).toBe('busybox:1.36');
  });

  test('fails when both a sidecar and a log shipper are given', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { metadata: { name: 'logs' }, app, sidecar: { name: 's', image: 'busybox' }, logShipper: LogShipper.tail() });
    expect(synthError(chart)).toContain("SidecarLoggedApp 'logs': both sidecar and logShipper are set; pass one: sidecar for your own container, logShipper for a generated one.");
  });

  test('fails when the log mount path is relative', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { metadata: { name: 'logs' }, app, logMountPath: 'var/log' });
    expect(synthError(chart)).toContain('logMountPath: "var/log" must be an absolute path');
  });

  test('fails when the app container is named like the sidecar', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { metadata: { name: 'logs' }, app: { ...app, name: 'sidecar-container' } });
    expect(synthError(chart)).toContain('spec.containers[1].name: container name "sidecar-container" is already used by spec.containers[0]');
  });
});
