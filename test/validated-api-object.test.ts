import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Lazy, ResolutionContext, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { ExposedService, GeneratedConfigMap, InitPod, PlainPod, ServiceType, SidecarLoggedApp, ValidatedApiObject, Workload } from '../src';
import { exampleCharts } from './example-charts';

const app = (name: string, extra: any = {}) => ({ name, image: 'busybox:1.36', ...extra });

/**
 * Every validated object under a construct. (`instanceof ValidatedApiObject` would be true for
 * every ApiObject: cdk8s's ApiObject defines Symbol.hasInstance, which subclasses inherit.)
 */
function validatedObjects(scope: Chart): ValidatedApiObject[] {
  return scope.node.findAll().filter((c): c is ValidatedApiObject => typeof (c as any)._stateKey === 'function');
}

/** A plain cdk8s ApiObject in a chart of its own with the same apiVersion, kind, metadata and body. */
function twinOf(o: ValidatedApiObject): ApiObject {
  const metadata = o.metadata.toJson();
  return new ApiObject(Testing.chart(), 'twin', { apiVersion: o.apiVersion, kind: o.kind, metadata, ...(o as any)._renderBody() });
}

describe('ValidatedApiObject: the manifest', () => {
  test('is exactly what a plain cdk8s ApiObject with the same content writes, for every object of every example chart', () => {
    // GIVEN every object of every example chart
    const objects = [...exampleCharts().values()].flatMap((chart) => validatedObjects(chart));
    expect(objects.length).toBeGreaterThan(20);
    for (const o of objects) {
      // WHEN a plain ApiObject gets the same apiVersion, kind, metadata and body
      const twin = twinOf(o);
      // THEN both write the same manifest, key order included
      expect(JSON.stringify(o.toJson())).toEqual(JSON.stringify(twin.toJson()));
    }
  });

  test('writes the metadata cdk8s writes, fields beyond name, labels and annotations included', () => {
    // GIVEN metadata with fields besides the six cdk8s writes from the metadata itself (added
    // through metadata.add), next to metadata without them
    const chart = Testing.chart();
    const plain = new PlainPod(chart, 'plain', { metadata: { name: 'plain', labels: { b: '1', a: '2' } }, containers: [app('web')] });
    plain.metadata.addLabel('c', '3');
    const extra = new PlainPod(chart, 'extra', { metadata: { name: 'extra' }, containers: [app('web')] });
    extra.metadata.add('generateName', 'extra-');
    extra.metadata.add('deletionGracePeriodSeconds', 5);
    extra.metadata.addAnnotation('note', 'x');
    // THEN each writes what cdk8s's metadata.toJson() writes, key order included
    for (const pod of [plain, extra]) {
      expect(JSON.stringify(pod.toJson().metadata)).toEqual(JSON.stringify(pod.metadata.toJson()));
    }
    expect(Object.keys(extra.toJson().metadata)).toEqual(['annotations', 'deletionGracePeriodSeconds', 'generateName', 'name']);
  });

  test('keeps the key order of the declaration when CDK8S_DISABLE_SORT is set, as cdk8s does', () => {
    const chart = Testing.chart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { b: '1', a: '2' } }, containers: [app('web', { image: 'nginx', command: ['x'] })] });
    process.env.CDK8S_DISABLE_SORT = '1';
    try {
      expect(JSON.stringify(pod.toJson())).toEqual(JSON.stringify(twinOf(pod).toJson()));
      expect(Object.keys(pod.toJson().spec.containers[0])).toEqual(['name', 'image', 'command']);
    } finally {
      delete process.env.CDK8S_DISABLE_SORT;
    }
  });

  test('is exactly what cdk8s writes when a token is in play (through cdk8s\'s resolve)', () => {
    const chart = Testing.chart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { b: '1' } }, containers: [app('web', { command: [Lazy.any({ produce: () => 'run' })] })] });
    pod.addJsonPatch(JsonPatch.add('/spec/hostname', 'h'));
    const twin = twinOf(pod);
    twin.addJsonPatch(JsonPatch.add('/spec/hostname', 'h'));
    expect(JSON.stringify(pod.toJson())).toEqual(JSON.stringify(twin.toJson()));
    expect(pod.toJson().spec.containers[0].command).toEqual(['run']);
  });

  test('goes through the resolvers of an app that has its own', () => {
    // GIVEN an app whose resolver rewrites every image
    const theApp = new App({
      outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'resolvers-')),
      resolvers: [{
        resolve: (c: ResolutionContext) => {
          if (c.key[c.key.length - 1] === 'image' && !String(c.value).startsWith('registry.local/')) {
            c.replaceValue('registry.local/' + c.value);
          }
        },
      }],
    });
    const chart = new Chart(theApp, 'c');
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [app('web')] });
    // WHEN synthesized
    const [pod] = Testing.synth(chart);
    // THEN the resolver ran
    expect(pod.spec.containers[0].image).toBe('registry.local/busybox:1.36');
  });
});

describe('ValidatedApiObject: render and validate once', () => {
  test('validates each object once per synthesis, however many charts the app has', () => {
    // GIVEN an app of 20 charts with one pod each
    const theApp = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'once-')) });
    for (let i = 0; i < 20; i++) {
      new PlainPod(new Chart(theApp, `c${i}`), 'p', { metadata: { name: `p${i}` }, containers: [app('web')] });
    }
    const checks = jest.spyOn(PlainPod.prototype as any, '_check');
    const renders = jest.spyOn(PlainPod.prototype as any, '_renderBody');
    try {
      // WHEN the app is synthesized (cdk8s validates the app once, then once more per chart)
      theApp.synth();
      // THEN each object was rendered and checked once
      expect(checks).toHaveBeenCalledTimes(20);
      expect(renders).toHaveBeenCalledTimes(20);
    } finally {
      checks.mockRestore();
      renders.mockRestore();
    }
  });

  test('renders and checks again after every kind of change, and never writes a stale manifest', () => {
    const chart = Testing.chart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'p' } }, containers: [app('web')] });
    const first = Testing.synth(chart)[0];
    expect(first.spec.containers).toHaveLength(1);

    // add*()
    pod.addContainer(app('second'));
    expect(Testing.synth(chart)[0].spec.containers.map((c: any) => c.name)).toEqual(['web', 'second']);
    // a JSON patch
    pod.addJsonPatch(JsonPatch.add('/spec/hostname', 'h'));
    expect(Testing.synth(chart)[0].spec.hostname).toBe('h');
    // metadata
    pod.metadata.addLabel('tier', 'front');
    pod.metadata.addAnnotation('a', 'b');
    const third = Testing.synth(chart)[0];
    expect(third.metadata.labels).toEqual({ app: 'p', tier: 'front' });
    expect(third.metadata.annotations).toEqual({ a: 'b' });
    // a change that makes it invalid is caught at once
    pod.addJsonPatch(JsonPatch.replace('/spec/containers/0/name', 'Bad_Name'));
    expect(() => Testing.synth(chart)).toThrow(/spec\.containers\[0\]\.name: container name "Bad_Name" is invalid/);
  });

  test('GIVEN a JSON patch whose value holds cdk8s-plus IntOrString objects WHEN synthesized THEN it writes the values they hold, not { value: ... }', () => {
    const chart = Testing.chart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'p' } }, workload: Workload.deployment(), containers: [app('web')] });
    pod.addJsonPatch(JsonPatch.add('/spec/strategy', { type: 'RollingUpdate', rollingUpdate: { maxSurge: k8s.IntOrString.fromNumber(2), maxUnavailable: k8s.IntOrString.fromString('10%') } }));
    expect(Testing.synth(chart)[0].spec.strategy.rollingUpdate).toEqual({ maxSurge: 2, maxUnavailable: '10%' });
  });

  test('reads its props once: changing them after construction changes nothing', () => {
    const chart = Testing.chart();
    const containers = [app('web', { env: [{ name: 'A', value: '1' }] })];
    const props = { metadata: { name: 'p' }, containers };
    new PlainPod(chart, 'p', props);
    containers[0].env[0].value = '2';
    containers.push(app('late'));
    const [pod] = Testing.synth(chart);
    expect(pod.spec.containers).toEqual([app('web', { env: [{ name: 'A', value: '1' }] })]);
  });

  test('never caches an object that holds a token: each synthesis resolves it anew', () => {
    let value = 'one';
    const chart = Testing.chart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [app('web', { env: [{ name: 'V', value: Lazy.any({ produce: () => value }) }] })] });
    expect(Testing.synth(chart)[0].spec.containers[0].env[0].value).toBe('one');
    value = 'two';
    expect(Testing.synth(chart)[0].spec.containers[0].env[0].value).toBe('two');
    value = 'Bad Value With Spaces Is Fine';
    expect(Testing.synth(chart)[0].spec.containers[0].env[0].value).toBe(value);
  });

  test('hands the validated manifest over once: a caller changing it changes no later synthesis', () => {
    const chart = Testing.chart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [app('web')] });
    const first = Testing.synth(chart)[0];
    first.spec.containers[0].image = 'changed';
    first.metadata.name = 'changed';
    const second = Testing.synth(chart)[0];
    expect(second.spec.containers[0].image).toBe('busybox:1.36');
    expect(second.metadata.name).toBe('p');
  });

  test('follows an object in another chart: synth(chartA), a change in chartB, synth(chartB)', () => {
    // GIVEN a pod in chart A and the Service exposing it in chart B
    const theApp = Testing.app();
    const chartA = new Chart(theApp, 'a');
    const chartB = new Chart(theApp, 'b');
    const pod = new PlainPod(chartA, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [app('web', { ports: [{ containerPort: 80 }] })] });
    new ExposedService(chartB, 'svc', { metadata: { name: 'web' }, target: pod, ports: [{ port: 80 }] });
    expect(Testing.synth(chartA)[0].metadata.labels).toEqual({ app: 'web' });
    expect(Testing.synth(chartB)[0].spec.selector).toEqual({ app: 'web' });
    // WHEN the pod gets a label, then chart A is synthesized, then chart B
    pod.metadata.addLabel('tier', 'front');
    Testing.synth(chartA);
    // THEN the Service in chart B selects by the new labels
    expect(Testing.synth(chartB)[0].spec.selector).toEqual({ app: 'web', tier: 'front' });
  });

  test('follows a change in chartB made between two syntheses of chartA', () => {
    const theApp = Testing.app();
    const chartA = new Chart(theApp, 'a');
    const chartB = new Chart(theApp, 'b');
    new PlainPod(chartA, 'web', { metadata: { name: 'web' }, containers: [app('web')] });
    const other = new PlainPod(chartB, 'other', { metadata: { name: 'other' }, containers: [app('web')] });
    Testing.synth(chartA);
    // cdk8s validates the whole app in every chart synthesis: a problem in chart B fails chart A's too
    other.addJsonPatch(JsonPatch.replace('/spec/containers/0/image', ''));
    expect(() => Testing.synth(chartA)).toThrow(/PlainPod 'other': spec\.containers\[0\]\.image/);
  });

  test('follows a target that is not a library object, which changes without a version', () => {
    // GIVEN a Service whose target is a plain object (its labels change without the library knowing)
    const chart = Testing.chart();
    const labels: { [key: string]: string } = { app: 'web' };
    const target = { targetDescription: 'web', selectorLabels: () => ({ ...labels }), containerPorts: () => undefined };
    new ExposedService(chart, 's', { metadata: { name: 's' }, target, ports: [{ port: 80 }] });
    expect(Testing.synth(chart)[0].spec.selector).toEqual({ app: 'web' });
    // WHEN its labels change, nothing else in the app changing
    labels.app = 'api';
    // THEN the next synthesis writes the new selector and validates it
    expect(Testing.synth(chart)[0].spec.selector).toEqual({ app: 'api' });
    labels.app = '-bad';
    expect(() => Testing.synth(chart)).toThrow(/spec\.selector/);
  });

  test('writes the same manifests when synthesized twice without a change, checking nothing anew', () => {
    const chart = Testing.chart();
    new SidecarLoggedApp(chart, 'p', { metadata: { name: 'p', labels: { app: 'p' } }, app: app('web', { ports: [{ containerPort: 80 }] }) }).expose('svc', { metadata: { name: 'svc' }, ports: [{ port: 80 }] });
    const first = Testing.synth(chart);
    const renders = jest.spyOn(SidecarLoggedApp.prototype as any, '_renderBody');
    const checks = jest.spyOn(SidecarLoggedApp.prototype as any, '_check');
    try {
      expect(Testing.synth(chart)).toEqual(first);
      expect(checks).not.toHaveBeenCalled();
      // the first synthesis handed its manifest over and kept no copy (memory): the second renders
      // it once, to write it, and validates nothing
      expect(renders).toHaveBeenCalledTimes(1);
    } finally {
      renders.mockRestore();
      checks.mockRestore();
    }
  });
});

describe('ValidatedApiObject: names', () => {
  test('fails when two objects of one kind share a name in one namespace', () => {
    const theApp = Testing.app();
    new PlainPod(new Chart(theApp, 'a'), 'one', { metadata: { name: 'web' }, containers: [app('web')] });
    new InitPod(new Chart(theApp, 'b'), 'two', { metadata: { name: 'web' }, initContainers: [app('init')], containers: [app('web')] });
    expect(() => theApp.synthYaml()).toThrow("[a/one] PlainPod 'web': metadata.name: \"web\" is also the name of InitPod 'web' (b/two): two Pods with one name would overwrite each other when applied. Give each a unique name (this library's contract).");
  });

  test('accepts one name in two namespaces, or for two kinds', () => {
    const chart = Testing.chart();
    new PlainPod(chart, 'one', { metadata: { name: 'web', namespace: 'a' }, containers: [app('web')] });
    new PlainPod(chart, 'two', { metadata: { name: 'web', namespace: 'b' }, containers: [app('web')] });
    new PlainPod(chart, 'three', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [app('web')], workload: Workload.deployment() });
    new GeneratedConfigMap(chart, 'cm', { metadata: { name: 'web' }, data: { a: 'b' } });
    expect(Testing.synth(chart)).toHaveLength(4);
  });

  test('fails when an object of cdk8s, or one a JSON patch renamed, takes the name of one in another chart', () => {
    // GIVEN two apps, each with a ConfigMap 'x' of this library in chart a
    const plain = Testing.app();
    const patched = Testing.app();
    for (const theApp of [plain, patched]) {
      new GeneratedConfigMap(new Chart(theApp, 'a'), 'cm', { metadata: { name: 'x' }, data: { k: '1' } });
    }
    // WHEN chart b gets a cdk8s ConfigMap 'x', or one of this library renamed to 'x'
    new ApiObject(new Chart(plain, 'b'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    new GeneratedConfigMap(new Chart(patched, 'b'), 'cm', { metadata: { name: 'y' }, data: { k: '2' } }).addJsonPatch(JsonPatch.replace('/metadata/name', 'x'));
    // THEN
    expect(() => plain.synthYaml()).toThrow("ConfigMap 'x' (a/cm) and ConfigMap 'x' (b/cm) are one ConfigMap: the name \"x\"; two objects with one name would overwrite each other");
    expect(() => patched.synthYaml()).toThrow("ConfigMap 'x' (a/cm) and ConfigMap 'y' (b/cm) are one ConfigMap (after JSON patches): the name \"x\"");
  });

  test('fails when two cluster-scoped objects of one name are in charts of different namespaces (the API server clears the namespace)', () => {
    const theApp = Testing.app();
    new GeneratedConfigMap(new Chart(theApp, 'lib'), 'cm', { metadata: { name: 'cfg' }, data: { k: '1' } });
    for (const ns of ['a', 'b']) {
      new ApiObject(new Chart(theApp, ns, { namespace: ns }), 'reader', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader' } });
    }
    expect(() => theApp.synthYaml()).toThrow("ClusterRole 'reader' (a/reader) and ClusterRole 'reader' (b/reader) are one ClusterRole: the name \"reader\"; two objects with one name would overwrite each other");
  });

  test.each([
    ['admissionregistration.k8s.io/v1alpha1', 'MutatingAdmissionPolicy'],
    ['admissionregistration.k8s.io/v1alpha1', 'MutatingAdmissionPolicyBinding'],
    ['storagemigration.k8s.io/v1alpha1', 'StorageVersionMigration'],
  ])('counts %s %s as cluster-scoped too (alpha kinds of 1.32)', (apiVersion, kind) => {
    const theApp = Testing.app();
    new GeneratedConfigMap(new Chart(theApp, 'lib'), 'cm', { metadata: { name: 'cfg' }, data: { k: '1' } });
    for (const ns of ['a', 'b']) {
      new ApiObject(new Chart(theApp, ns, { namespace: ns }), 'x', { apiVersion, kind, metadata: { name: 'same' } });
    }
    expect(() => theApp.synthYaml()).toThrow(`${kind} 'same' (a/x) and ${kind} 'same' (b/x) are one ${kind}: the name "same";`);
  });

  test('accepts two objects of one name that JSON patches give another name or namespace', () => {
    // GIVEN
    const chart = Testing.chart();
    new GeneratedConfigMap(chart, 'one', { metadata: { name: 'x' }, data: { k: '1' } });
    new GeneratedConfigMap(chart, 'two', { metadata: { name: 'x' }, data: { k: '2' } }).addJsonPatch(JsonPatch.replace('/metadata/name', 'y'));
    new PlainPod(chart, 'web1', { metadata: { name: 'web' }, containers: [app('web')] });
    new PlainPod(chart, 'web2', { metadata: { name: 'web' }, containers: [app('web')] }).addJsonPatch(JsonPatch.add('/metadata/namespace', 'other'));
    // THEN
    expect(Testing.synth(chart).map((m) => `${m.kind} ${m.metadata.namespace ?? ''}/${m.metadata.name}`)).toEqual(['ConfigMap /x', 'ConfigMap /y', 'Pod /web', 'Pod other/web']);
  });

  test('fails when a name is taken after an earlier synthesis validated the first object', () => {
    const chart = Testing.chart();
    new GeneratedConfigMap(chart, 'one', { metadata: { name: 'cfg' }, data: { a: 'b' } });
    Testing.synth(chart);
    new GeneratedConfigMap(chart, 'two', { metadata: { name: 'cfg' }, data: { a: 'c' } });
    expect(() => Testing.synth(chart)).toThrow(/ConfigMap 'cfg': metadata\.name: "cfg" is also the name of ConfigMap 'cfg' \(test\/two\)/);
  });
});

describe('ValidatedApiObject: the checks a synthesis can skip', () => {
  const NUMBER = /read back by kubectl as a number/;

  test('still finds a string that reads back as a number, wherever it comes from', () => {
    // GIVEN one valid pod per way a string reaches the manifest
    const ways: { [way: string]: (pod: PlainPod) => void } = {
      'a prop': () => undefined,
      'metadata.addLabel': (pod) => pod.metadata.addLabel('tier', '0o7'),
      'metadata.addAnnotation (key)': (pod) => pod.metadata.addAnnotation('0X1F', 'v'),
      'a JSON patch': (pod) => pod.addJsonPatch(JsonPatch.add('/spec/hostname', '0o17')),
      'a token': (pod) => pod.metadata.addLabel('tier', Lazy.any({ produce: () => '0B1' }) as any),
    };
    for (const [way, change] of Object.entries(ways)) {
      const chart = Testing.chart();
      const env = way === 'a prop' ? [{ name: 'A', value: '0O7' }] : [];
      const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [app('web', { env })] });
      change(pod);
      // THEN the synthesis fails with the YAML-scalar message
      expect({ way, error: String((() => { try { Testing.synth(chart); return ''; } catch (e) { return e; } })()) })
        .toEqual({ way, error: expect.stringMatching(NUMBER) });
    }
  });

  test('still finds a character kubectl cannot read, anywhere in any string, keys included', () => {
    // GIVEN one valid pod per place a string holds U+2028, U+0085 or U+FFFE: first, in the middle,
    // last, in a short and in a long string, in a list, in a key, after a string that starts
    // like a number (which is checked on its own)
    const places: { [place: string]: (pod: PlainPod) => void } = {
      'an env value, in the middle': (pod) => pod.addJsonPatch(JsonPatch.add('/spec/containers/0/env', [{ name: 'A', value: 'x\u2028y' }])),
      'a label value, last': (pod) => pod.metadata.addLabel('tier', 'web\u0085'),
      'an annotation key, first': (pod) => pod.metadata.addAnnotation('\u2028note', 'v'),
      'a command item after a number-like one': (pod) => pod.addJsonPatch(JsonPatch.add('/spec/containers/0/command', ['10', `${'a'.repeat(5000)}\ufffe`])),
      'a prop': () => undefined,
    };
    for (const [place, change] of Object.entries(places)) {
      const chart = Testing.chart();
      const args = place === 'a prop' ? ['run', 'tail\u2028'] : undefined;
      const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [app('web', { args })] });
      change(pod);
      // THEN the synthesis fails with the message about that character
      expect({ place, error: String((() => { try { Testing.synth(chart); return ''; } catch (e) { return e; } })()) })
        .toEqual({ place, error: expect.stringMatching(/contains U\+(2028|0085|FFFE)/) });
    }
  });

  test('still finds a field Kubernetes does not know when a JSON patch or the metadata brings it', () => {
    const patched = Testing.chart();
    new PlainPod(patched, 'p', { metadata: { name: 'p' }, containers: [app('web')] })
      .addJsonPatch(JsonPatch.add('/spec/restartPolcy', 'Never'));
    expect(() => Testing.synth(patched)).toThrow(/spec\.restartPolcy: is not a field of PodSpec; did you mean restartPolicy\?/);

    const meta = Testing.chart();
    new PlainPod(meta, 'p', { metadata: { name: 'p' }, containers: [app('web')] }).metadata.add('lables', { a: 'b' });
    expect(() => Testing.synth(meta)).toThrow(/metadata\.lables: is not a field of ObjectMeta; did you mean labels\?/);
  });

  test('checks a valid object after a change once more, and accepts it', () => {
    const chart = Testing.chart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [app('web')] });
    pod.metadata.addLabel('tier', 'o7');
    expect(Testing.synth(chart)[0].metadata.labels).toEqual({ tier: 'o7' });
  });
});
