import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { JsonPatch, Lazy, Testing } from 'cdk8s';
import { LogShipper, PlainPod, Sidecar, SidecarLoggedApp, SidecarMode, TailFollow, Workload } from '../src';
import { exampleCharts } from './example-charts';
import { busybox, inCi } from './init-steps/harness';
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

  test.each(['', '..', '../x.log', 'logs/', '/app.log'])('refuses logFileName %j, which is not a file inside the shared volume (review 13 B5)', (logFileName) => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'p', { app, logFileName });
    expect(synthError(chart)).toContain(`logFileName: ${JSON.stringify(logFileName)} must be a file path inside logMountPath, without empty, '.' or '..' segments (e.g. 'app.log')`);
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
      command: ['sh', '-c', 'tail -n +1 -F /var/log/app.log'],
      restartPolicy: 'Always',
      volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }],
    }]);
    expect(spec.containers.map((c: any) => c.name)).toEqual(['main-container']);
  });

  test('tails the log as the seed does in a classic sidecar, and from its first line, waiting for it, in a native one, unless told otherwise', () => {
    // GIVEN
    const command = (props: any) => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', { app, ...props });
      const spec = only(synth(chart), 'Pod').spec;
      return [...(spec.initContainers ?? []), ...spec.containers].find((c: any) => c.name === 'sidecar-container').command[2];
    };
    // THEN
    expect(command({})).toBe('tail -f /var/log/app.log');
    expect(command({ sidecarMode: SidecarMode.NATIVE })).toBe('tail -n +1 -F /var/log/app.log');
    expect(command({ logShipper: LogShipper.tail({ follow: TailFollow.NAME_FROM_START }) })).toBe('tail -n +1 -F /var/log/app.log');
    expect(command({ sidecarMode: SidecarMode.NATIVE, logShipper: LogShipper.tail({ follow: TailFollow.DESCRIPTOR }) })).toBe('tail -f /var/log/app.log');
    expect(() => LogShipper.tail({ follow: 'F' } as any)).toThrow('follow');
    const chart = newChart();
    new PlainPod(chart, 'q', { containers: [app], sidecars: [Sidecar.logShipper(LogShipper.tail(), { mode: SidecarMode.NATIVE })] });
    expect(only(synth(chart), 'Pod').spec.initContainers[0].command).toEqual(['sh', '-c', 'tail -n +1 -F /var/log/app.log']);
  });

  test('the native form waits for a log file that does not exist yet and prints it from its first line (busybox tail)', async () => {
    if (!busybox) {
      // Not a skip in CI, which installs busybox (.ci/run).
      if (inCi) {
        throw new Error('busybox is not installed; .ci/run installs it');
      }
      console.log('busybox is not installed: the tail -n +1 -F case did not run. Install busybox to run it.');
      return;
    }
    // GIVEN a sidecar started before anything writes the log
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tail-'));
    const file = path.join(dir, 'app.log');
    const tail = spawn(busybox!, ['sh', '-c', `tail -n +1 -F ${file}`]);
    let out = '';
    tail.stdout.on('data', (d) => { out += d; });
    try {
      // WHEN the app writes two lines a moment later
      await new Promise((r) => setTimeout(r, 300));
      fs.writeFileSync(file, 'Migrations done\nHello Dosto\n');
      const deadline = Date.now() + 5000;
      while (!out.includes('Hello Dosto') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      // THEN the sidecar still runs and printed both
      expect(tail.exitCode).toBeNull();
      expect(out).toBe('Migrations done\nHello Dosto\n');
    } finally {
      tail.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
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
  describe('sidecar mode', () => {
    test('is classic by default: the sidecar is the second container and there are no init containers', () => {
      // GIVEN
      const chart = newChart();
      // WHEN
      const pattern = new SidecarLoggedApp(chart, 'p', { app });
      // THEN
      const spec = only(synth(chart), 'Pod').spec;
      expect(pattern.sidecarMode).toBe(SidecarMode.CLASSIC);
      expect(spec.initContainers).toBeUndefined();
      expect(spec.containers.map((c: any) => c.name)).toEqual(['main-container', 'sidecar-container']);
      expect(spec.containers[1].restartPolicy).toBeUndefined();
    });

    test('keeps declared init containers in their order, without the log mount, in classic mode', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        app,
        initContainers: [{ name: 'one', image: 'busybox' }, { name: 'two', image: 'busybox' }],
      });
      const spec = only(synth(chart), 'Pod').spec;
      expect(spec.initContainers.map((c: any) => c.name)).toEqual(['one', 'two']);
      expect(spec.initContainers[0].volumeMounts).toBeUndefined();
      expect(spec.containers.map((c: any) => c.name)).toEqual(['main-container', 'sidecar-container']);
    });

    test('places a native sidecar before every declared init container and before ones added later', () => {
      // GIVEN
      const chart = newChart();
      // WHEN
      const pattern = new SidecarLoggedApp(chart, 'p', {
        app,
        sidecarMode: SidecarMode.NATIVE,
        initContainers: [{ name: 'init-db', image: 'busybox' }, { name: 'init-cache', image: 'busybox' }],
      });
      pattern.addInitContainer({ name: 'late', image: 'busybox' });
      // THEN
      const spec = only(synth(chart), 'Pod').spec;
      expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([
        ['sidecar-container', 'Always'],
        ['init-db', undefined],
        ['init-cache', undefined],
        ['late', undefined],
      ]);
      expect(spec.containers.map((c: any) => c.name)).toEqual(['main-container']);
      expect(pattern.initContainers[0].restartPolicy).toBe('Always');
    });

    test('runs a custom sidecar natively with the log mount and its ports', () => {
      const chart = newChart();
      const pattern = new SidecarLoggedApp(chart, 'p', {
        app,
        sidecarMode: SidecarMode.NATIVE,
        sidecar: { name: 'shipper', image: 'fluent/fluent-bit:3.1', ports: [{ name: 'metrics', containerPort: 2020 }] },
      });
      const spec = only(synth(chart), 'Pod').spec;
      expect(spec.initContainers).toEqual([{
        name: 'shipper',
        image: 'fluent/fluent-bit:3.1',
        ports: [{ name: 'metrics', containerPort: 2020 }],
        restartPolicy: 'Always',
        volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/' }],
      }]);
      expect(pattern.containerPorts()).toEqual([{ name: 'metrics', containerPort: 2020 }]);
    });

    test('does not set restartPolicy on the sidecarContainer property itself, only on the native init container', () => {
      const chart = newChart();
      const pattern = new SidecarLoggedApp(chart, 'p', { app, sidecarMode: SidecarMode.NATIVE });
      expect(pattern.sidecarContainer.restartPolicy).toBeUndefined();
      expect(only(synth(chart), 'Pod').spec.initContainers[0].restartPolicy).toBe('Always');
    });

    test('the native-sidecar example starts the sidecar before init-db, which writes to the shared log', () => {
      // GIVEN / WHEN
      const manifests = Testing.synth(exampleCharts().get('dist/native-sidecar.k8s.yaml')!);
      // THEN
      const spec = only(manifests, 'Pod').spec;
      expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([
        ['sidecar-container', 'Always'],
        ['init-db', undefined],
      ]);
      expect(spec.initContainers[1].volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/var/log/' }]);
      expect(spec.containers.map((c: any) => c.name)).toEqual(['main-container']);
    });
  });

  describe('as a Deployment', () => {
    test('writes the same pod as the template of a Deployment selecting it by its labels', () => {
      // GIVEN
      const podChart = newChart();
      const deploymentChart = newChart();
      const props = { metadata: { name: 'web', labels: { app: 'web' } }, app };
      // WHEN
      new SidecarLoggedApp(podChart, 'p', props);
      new SidecarLoggedApp(deploymentChart, 'p', { ...props, workload: Workload.deployment({ replicas: 3 }) });
      // THEN
      const pod = only(synth(podChart), 'Pod');
      const deployment = only(synth(deploymentChart), 'Deployment');
      expect(deployment.apiVersion).toBe('apps/v1');
      expect(deployment.metadata).toEqual({ name: 'web', labels: { app: 'web' } });
      expect(deployment.spec).toEqual({
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: pod.spec },
      });
    });

    test('runs a native sidecar in the pod template', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', {
        metadata: { name: 'web', labels: { app: 'web' } },
        workload: Workload.deployment(),
        sidecarMode: SidecarMode.NATIVE,
        app,
      });
      const template = only(synth(chart), 'Deployment').spec.template.spec;
      expect(template.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['sidecar-container', 'Always']]);
    });

    test('fails without labels to select the pods', () => {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'p', { metadata: { name: 'web' }, workload: Workload.deployment({ replicas: 2 }), app });
      const error = synthError(chart);
      expect(error).toContain("SidecarLoggedApp 'web': spec.selector: a Deployment selects its pods by label and none are declared; set selector.matchLabels and the same labels on the pod template (PlainPod, InitPod and SidecarLoggedApp built with Workload.deployment(), statefulSet() or daemonSet() write their metadata.labels");
    });

    test('the deployment-sidecar example runs 3 replicas sharing one Fluent Bit ConfigMap', () => {
      // GIVEN / WHEN
      const manifests = Testing.synth(exampleCharts().get('dist/deployment-sidecar.k8s.yaml')!);
      // THEN
      expect(manifests.map((m) => m.kind)).toEqual(['ConfigMap', 'Deployment']);
      const deployment = only(manifests, 'Deployment');
      expect(deployment.spec.replicas).toBe(3);
      expect(deployment.spec.selector).toEqual({ matchLabels: { app: 'web-logs' } });
      expect(deployment.spec.template.metadata).toEqual({ labels: { app: 'web-logs' } });
      expect(deployment.spec.template.spec.volumes).toEqual([
        { name: 'shared-logs', emptyDir: {} },
        { name: 'fluent-bit-config', configMap: { name: 'web-logs-fluent-bit' } },
      ]);
      expect(only(manifests, 'ConfigMap').metadata.name).toBe('web-logs-fluent-bit');
    });
  });
});

describe('an app that mounts its log volume read-only (review 55 KK)', () => {
  test.each(['/var/log/', '/x'])('GIVEN the app\'s own read-only mount of the log volume at %s WHEN synthesized THEN it is an error: the app could not write its log', (mountPath) => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath, readOnly: true }] } });
    expect(synthError(chart)).toContain("SidecarLoggedApp 'l': spec.containers[0].volumeMounts: the app mounts the log volume \"shared-logs\" read-only only, but it writes its log "
      + "there for the sidecar to read, and a read-only mount cannot be written (this library's contract); remove readOnly, or leave the mount out and let the pattern add it.");
  });

  test('GIVEN the app renamed by a JSON patch WHEN its own mount of the log volume is read-only THEN it is still an error (review 59 SS1)', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/', readOnly: true }] } })
      .apiObject.addJsonPatch(JsonPatch.replace('/spec/containers/0/name', 'web'));
    expect(synthError(chart)).toContain('read-only only');
  });

  test('GIVEN the app renamed and moved behind a sidecar with a read-only mount of its own, or removed WHEN synthesized THEN the sidecar\'s mount is not blamed on the app (review 60 T1)', () => {
    const ro = [{ name: 'shared-logs', mountPath: '/var/log/', readOnly: true }];
    for (const patches of [[JsonPatch.replace('/spec/containers/0/name', 'web'), JsonPatch.move('/spec/containers/1', '/spec/containers/0')], [JsonPatch.remove('/spec/containers/0')]]) {
      const chart = newChart();
      new SidecarLoggedApp(chart, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox' }, sidecar: { name: 'shipper', image: 'busybox', volumeMounts: ro } })
        .apiObject.addJsonPatch(...patches);
      expect(only(synth(chart), 'Pod').spec.containers[0].name).toBe('shipper');
    }
  });

  test('GIVEN a pattern patched into a kind without a pod WHEN its props are wrong THEN they are still reported (review 59 SS3)', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox' }, logFileName: '../x' })
      .apiObject.addJsonPatch(JsonPatch.replace('/kind', 'ConfigMap'), JsonPatch.remove('/spec'));
    expect(synthError(chart)).toContain('logFileName: "../x" must be a file path inside logMountPath');
  });

  test('GIVEN a writable mount of the log volume beside a read-only one WHEN synthesized THEN it is accepted: the app can write its log (review 58 Q1)', () => {
    const chart = newChart();
    const mounts = [{ name: 'shared-logs', mountPath: '/ro', readOnly: true }, { name: 'shared-logs', mountPath: '/var/log/' }];
    new SidecarLoggedApp(chart, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox', volumeMounts: mounts } });
    expect(only(synth(chart), 'Pod').spec.containers[0].volumeMounts).toEqual(mounts);
  });

  test('GIVEN readOnly as a token that resolves to true, or set by a JSON patch WHEN synthesized THEN it is an error; a patch that removes it is accepted (review 58 Q2, Q3)', () => {
    const token = newChart();
    new SidecarLoggedApp(token, 'l', {
      metadata: { name: 'l' }, app: { name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/', readOnly: Lazy.any({ produce: () => true }) as any }] },
    });
    expect(synthError(token)).toContain('read-only only');
    const patched = newChart();
    new SidecarLoggedApp(patched, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox' } })
      .apiObject.addJsonPatch(JsonPatch.add('/spec/containers/0/volumeMounts/0/readOnly', true));
    expect(synthError(patched)).toContain('read-only only');
    const unpatched = newChart();
    new SidecarLoggedApp(unpatched, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/var/log/', readOnly: true }] } })
      .apiObject.addJsonPatch(JsonPatch.replace('/spec/containers/0/volumeMounts/0/readOnly', false));
    expect(only(synth(unpatched), 'Pod').spec.containers[0].volumeMounts[0].readOnly).toBe(false);
  });

  test('GIVEN the app\'s own writable mount of the log volume WHEN synthesized THEN it is kept as written', () => {
    const chart = newChart();
    new SidecarLoggedApp(chart, 'l', { metadata: { name: 'l' }, app: { name: 'app', image: 'busybox', volumeMounts: [{ name: 'shared-logs', mountPath: '/x', readOnly: false }] } });
    expect(only(synth(chart), 'Pod').spec.containers[0].volumeMounts).toEqual([{ name: 'shared-logs', mountPath: '/x', readOnly: false }]);
  });
});
