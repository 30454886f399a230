import { ApiObject, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { ExposedService, FluentBitOutput, Inject, InitStep, LogShipper, PlainPod, ResourcePreset, SecurityProfile, ServiceTarget, Sidecar, SidecarLoggedApp, SidecarMode, Workload } from '../src';
import { newChart, only, synth, synthError } from './util';

/**
 * What a plain JavaScript user passes: objects made with Object.create or classes, values of the
 * wrong type, shared objects changed later. The promises: what is declared lands in the YAML or
 * fails at the call with a clear error; nothing stale, nothing half-built, no raw TypeError.
 */
const c = (extra: any = {}) => ({ name: 'app', image: 'busybox:1.36', ...extra });
const any = (x: unknown): any => x;
const inherit = (o: object): any => Object.create(o);

/** The message of what `make` throws ('' when it does not throw). */
function errorOf(make: () => unknown): string {
  try {
    make();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('Kubernetes structs made with Object.create', () => {
  test('keep their inherited fields: a strategy, a security context, a container, a volume', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      workload: Workload.deployment({ strategy: inherit({ type: 'Recreate' }) }),
      securityContext: inherit({ runAsNonRoot: true, runAsUser: 1000 }),
      containers: [inherit(c({ volumeMounts: [{ name: 'data', mountPath: '/data' }] }))],
      volumes: [inherit({ name: 'data', emptyDir: {} })],
    });
    const deployment = only(synth(chart), 'Deployment');
    expect(deployment.spec.strategy).toEqual({ type: 'Recreate' });
    expect(deployment.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000 });
    expect(deployment.spec.template.spec.containers).toEqual([c({ volumeMounts: [{ name: 'data', mountPath: '/data' }] })]);
    expect(deployment.spec.template.spec.volumes).toEqual([{ name: 'data', emptyDir: {} }]);
  });

  test('labels made with Object.create are written', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p', labels: inherit({ app: 'web' }) }, containers: [c()] });
    expect(only(synth(chart), 'Pod').metadata.labels).toEqual({ app: 'web' });
  });

  test('an env entry made with Object.create is an EnvVar, not a value object', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c({ env: [inherit({ name: 'A', value: '1' })] })] });
    expect(only(synth(chart), 'Pod').spec.containers[0].env).toEqual([{ name: 'A', value: '1' }]);
  });
});

describe('catalogue options and containers given to factories', () => {
  class EnvoyOptions {
    public readonly appPort = 8080;
    public get prot(): number {
      return 9000;
    }
  }

  test.each([
    ['inherited through the prototype', () => Sidecar.envoy(inherit({ appPort: 8080, prot: 9000 }))],
    ['a getter of a class', () => Sidecar.envoy(any(new EnvoyOptions()))],
  ])('a misspelt option %s fails at the call', (_how, make) => {
    expect(make).toThrow("Sidecar.envoy: prot: is not an option of Sidecar.envoy; did you mean 'port'?");
  });

  test('a misspelt field inside the resources of a catalogue entry fails at the call', () => {
    expect(() => Sidecar.envoy(any({ appPort: 8080, resources: { limts: { cpu: '1' } } })))
      .toThrow('Sidecar.envoy: resources.limts: is not a field of ResourceRequirements; did you mean limits?');
  });

  test('a valid inherited option is used', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()], sidecars: [Sidecar.envoy(inherit({ appPort: 8080, port: 9000 }))] });
    const envoy = only(synth(chart), 'Pod').spec.containers.find((x: any) => x.name === 'envoy');
    expect(envoy.ports[0]).toEqual({ name: 'envoy-http', containerPort: 9000 });
  });

  test('Sidecar.container() and InitStep.container() check the container at the call, and read it once', () => {
    expect(() => Sidecar.container(any(c({ imagePullPolcy: 'Always' }))))
      .toThrow('Sidecar.container(): container.imagePullPolcy: is not a field of Container; did you mean imagePullPolicy?');
    expect(() => InitStep.container(any(c({ comand: ['true'] }))))
      .toThrow('InitStep.container(): container.comand: is not a field of Container; did you mean command?');
    expect(() => Sidecar.container(any(null))).toThrow("Sidecar.container(): container: null is not a container; pass { name: 'proxy'");
    const container = Object.assign(Object.create(null), c({ name: 'side' }));
    const sidecar = Sidecar.container(container);
    container.image = 'changed-after-the-call:1';
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()], sidecars: [sidecar] });
    expect(only(synth(chart), 'Pod').spec.containers.map((x: any) => x.image)).toEqual(['busybox:1.36', 'busybox:1.36']);
  });
});

describe('what a pattern hands out', () => {
  test('containers, volumes and the app container are copies: changing them changes no manifest, before or after a synthesis', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()], volumes: [{ name: 'data', emptyDir: {} }] });
    const app = new SidecarLoggedApp(chart, 'l', { metadata: { name: 'l' }, app: c() });
    const before = synth(chart);
    pod.containers[0].name = 'Bad_Name';
    (pod.volumes[0] as any).emptyDir.sizeLimit = 'lots';
    pod.initContainers.push(c());
    (app.appContainer as any).name = 'Bad_Name';
    (app.sidecarContainer as any).image = 'other';
    expect(synth(chart)).toEqual(before);
  });
});

describe('a Service whose target was changed by JSON patches', () => {
  const setup = () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [c({ ports: [{ containerPort: 8080, name: 'http' }] })] });
    pod.expose('svc', { metadata: { name: 'svc' }, ports: [{ port: 80, targetPort: 'http' }] });
    return { chart, pod };
  };

  test('selects the pods by their labels as patched', () => {
    const { chart, pod } = setup();
    pod.addJsonPatch(JsonPatch.replace('/metadata/labels/app', 'web-v2'));
    expect(only(synth(chart), 'Service').spec.selector).toEqual({ app: 'web-v2' });
  });

  test('checks a named targetPort against the ports as patched', () => {
    const { chart, pod } = setup();
    pod.addJsonPatch(JsonPatch.replace('/spec/containers/0/ports/0/name', 'web'));
    expect(synthError(chart)).toContain("ExposedService 'svc': spec.ports[0].targetPort: \"http\" names no container port of PlainPod 'web'; use one of \"web\" or a port number (this library's contract).");
  });

  test('reports a namespace the patch moved the pods to', () => {
    const { chart, pod } = setup();
    pod.addJsonPatch(JsonPatch.add('/metadata/namespace', 'prod'));
    expect(synthError(chart)).toContain("ExposedService 'svc': metadata.namespace: is not set, and so differs from the namespace \"prod\" of PlainPod 'web' (changed after the Service was created, e.g. by a JSON patch)");
  });
});

describe('JSON patches', () => {
  test('addJsonPatch() takes JsonPatch operations only, and says so at the call', () => {
    const pod = new PlainPod(newChart(), 'p', { metadata: { name: 'p' }, containers: [c()] });
    expect(() => pod.addJsonPatch(any({ op: 'add', path: '/spec/hostname', value: 'h' })))
      .toThrow("PlainPod 'p': addJsonPatch(): operation 1: {\"op\":\"add\",\"path\":\"/spec/hostname\",\"value\":\"h\"} is not a JsonPatch; build it with JsonPatch.add()");
    expect(() => pod.addJsonPatch(JsonPatch.add('/spec/hostname', 'h'), any(null))).toThrow("PlainPod 'p': addJsonPatch(): operation 2: null is not a JsonPatch");
  });

  test('a patch whose path does not exist is named with its object at synth', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()] });
    pod.addJsonPatch(JsonPatch.add('/spec/hostname', 'h'), JsonPatch.replace('/spec/containers/3/image', 'x'));
    expect(() => Testing.synth(chart)).toThrow("PlainPod 'p': JSON patch 2 (\"replace\" \"/spec/containers/3/image\") does not apply to the manifest: the manifest has no \"/spec/containers/3\". Check its path");
  });

  test.each([
    ['a value holding a BigInt, which JSON cannot write (review 65 A6)', JsonPatch.add('/spec/activeDeadlineSeconds', -(BigInt(2) ** BigInt(60))),
      'JSON patch 1 ("add" "/spec/activeDeadlineSeconds") does not apply to the manifest: its value holds a BigInt, which JSON (and so cdk8s, which copies the patch as JSON) cannot write; pass a number instead (e.g. Number(x)).'],
    ['an add under a missing parent', JsonPatch.add('/metadata/annotations/team', 'a'), 'JSON patch 1 ("add" "/metadata/annotations/team") does not apply to the manifest: the manifest has no "/metadata/annotations". Check its path'],
    ['a remove of a missing path, which fast-json-patch does without a word', JsonPatch.remove('/metadata/labels/x'), 'JSON patch 1 ("remove" "/metadata/labels/x") does not apply to the manifest: the manifest has no "/metadata/labels", so the patch would change nothing'],
    ['a move from a missing path', JsonPatch.move('/spec/nope', '/spec/x'), 'JSON patch 1 ("move" "/spec/x") does not apply to the manifest: the manifest has no "/spec/nope", so the patch would change nothing. Check its from path "/spec/nope"'],
    ['a test of a missing path', JsonPatch.test('/spec/nope', 1), 'JSON patch 1 ("test" "/spec/nope") does not apply to the manifest: the manifest has no "/spec/nope"'],
    ['an add past the end of a list', JsonPatch.add('/spec/containers/5', { name: 'x', image: 'y' }), 'JSON patch 1 ("add" "/spec/containers/5") does not apply to the manifest: "/spec/containers" is a list of 1, so the last part of the path must be an index from 0 to 1 or \'-\' (the end), not "5"'],
    ['an add at a list index with a leading zero', JsonPatch.add('/spec/containers/01', { name: 'x', image: 'y' }), 'JSON patch 1 ("add" "/spec/containers/01") does not apply to the manifest: "/spec/containers" is a list of 1'],
    ['a replace under a string, which fast-json-patch does without a word (review 33 C1)', JsonPatch.replace('/spec/containers/0/image/tag', '1.37'),
      'JSON patch 1 ("replace" "/spec/containers/0/image/tag") does not apply to the manifest: "/spec/containers/0/image" is "busybox:1.36", a string, not an object or a list, so it has no "tag" and the patch would change nothing. Check its path'],
    ['a replace past the end of a list, which fast-json-patch leaves holes for (review 33 C2)', JsonPatch.replace('/spec/containers/3', { name: 'x', image: 'y' }),
      'JSON patch 1 ("replace" "/spec/containers/3") does not apply to the manifest: "/spec/containers" is a list of 1, so the last part of the path must be an index from 0 to 0 (a replace needs an entry that exists; add appends), not "3"'],
    ['a replace at "-", which fast-json-patch appends for (review 33 C2)', JsonPatch.replace('/spec/containers/-', { name: 'x', image: 'y' }),
      'JSON patch 1 ("replace" "/spec/containers/-") does not apply to the manifest: "/spec/containers" is a list of 1, so the last part of the path must be an index from 0 to 0'],
    ['a remove of the whole manifest (review 33 C3)', JsonPatch.remove(''), 'JSON patch 1 ("remove" "") does not apply to the manifest: the path "" is the whole manifest, which cannot be removed.'],
    ['a replace of the whole manifest by a string (review 33 C3)', JsonPatch.replace('', 'x'), 'JSON patch 1 ("replace" "") does not apply to the manifest: the path "" is the whole manifest, and "x" (a string) is no manifest.'],
    ['a move of the manifest into itself, which made a circular manifest (review 33 C3)', JsonPatch.move('', '/metadata/x'),
      'JSON patch 1 ("move" "/metadata/x") does not apply to the manifest: its from path "" holds its path, and a value cannot be moved into itself (RFC 6902).'],
    ['a move of a field into itself (review 33 C3)', JsonPatch.move('/spec', '/spec/x'),
      'JSON patch 1 ("move" "/spec/x") does not apply to the manifest: its from path "/spec" holds its path, and a value cannot be moved into itself (RFC 6902).'],
    ['a path without the leading "/", which fast-json-patch applies one level up (review 34 D4)', JsonPatch.replace('x/metadata/name', 'other'),
      'JSON patch 1 ("replace" "x/metadata/name") does not apply to the manifest: its path "x/metadata/name" does not start with \'/\'; a JSON pointer does (RFC 6901): write "/x/metadata/name"'],
    ['a from path without the leading "/" (review 34 D4)', JsonPatch.copy('metadata/name', '/metadata/labels/n'),
      'JSON patch 1 ("copy" "/metadata/labels/n") does not apply to the manifest: its from "metadata/name" does not start with \'/\''],
  ])('%s is refused, naming the part of the path that is missing (review 30 A1, A6; 31 A5)', (_what, patch, message) => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()] }).addJsonPatch(patch);
    expect(() => Testing.synth(chart)).toThrow(`PlainPod 'p': ${message}`);
  });

  test('a patch under a null value says it is null, once (review 34 D5)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()] })
      .addJsonPatch(JsonPatch.add('/spec/securityContext', null), JsonPatch.add('/spec/securityContext/runAsUser', 1000));
    expect(() => Testing.synth(chart)).toThrow('JSON patch 2 ("add" "/spec/securityContext/runAsUser") does not apply to the manifest: "/spec/securityContext" is null, not an object or a list, so it has no "runAsUser"');
  });

  test('a patch of a quantity\'s "value", the path cdk8s-plus\'s typed objects take, is refused with the path to write instead (review 33 C6)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c({ resources: { limits: { cpu: k8s.Quantity.fromString('1') } } })] })
      .addJsonPatch(JsonPatch.replace('/spec/containers/0/resources/limits/cpu/value', '2'));
    expect(() => Testing.synth(chart)).toThrow('"/spec/containers/0/resources/limits/cpu" is "1", a string, not an object or a list, so it has no "value" and the patch would change nothing '
      + '(patches apply to the Kubernetes JSON, where a quantity or an int-or-string is the value itself: write the path without "/value").');
  });

  test('a replace of a key its parent lacks adds it, as cdk8s applies it (cdk8s\'s own addJsonPatch example; review 31 A2)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()] }).addJsonPatch(JsonPatch.replace('/spec/enableServiceLinks', true));
    expect(only(synth(chart), 'Pod').spec.enableServiceLinks).toBe(true);
  });

  test('a test patch whose value differs says what the manifest has, in one line without the manifest (review 29 B7)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()] }).addJsonPatch(JsonPatch.test('/kind', 'Service'));
    let message = '';
    try {
      Testing.synth(chart);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe("PlainPod 'p': JSON patch 1 (\"test\" \"/kind\") does not apply to the manifest: the value there is \"Pod\", not \"Service\". Fix the expected value, or remove the test.");
  });
});

describe('Inject.into() on objects of any shape', () => {
  const pod = (chart: any, id: string, spec: any) => new ApiObject(chart, id, { apiVersion: 'v1', kind: 'Pod', metadata: { name: id }, spec });

  test.each([
    ['containers is a mapping', { containers: { app: c() } }, 'spec.containers: {"app":{"image":"busybox:1.36","name":"app"}} is an object, not a list'],
    ['volumes is a mapping', { containers: [c()], volumes: { data: {} } }, 'spec.volumes: {"data":{}} is an object, not a list'],
    ['volumeMounts is a mapping', { containers: [c({ volumeMounts: { a: 1 } })] }, 'spec.containers[0].volumeMounts: {"a":1} is an object, not a list'],
    ['securityContext is a string', { containers: [c()], securityContext: 'restricted' }, 'spec.securityContext: "restricted" is a string, not an object'],
    ['spec is a string', 'x', 'spec: "x" is a string, not an object'],
  ])('reports it when %s, instead of failing with a TypeError', (_what, spec, message) => {
    const chart = newChart();
    Inject.into(pod(chart, 'p', spec), { initSteps: [InitStep.download('https://example.com/a.json', 'a.json')], sidecars: [Sidecar.nginxExporter()] });
    expect(synthError(chart)).toContain(`${message}, so the injected sidecars and init steps cannot be added`);
  });

  test('refuses a frozen object before it changes anything', () => {
    const chart = newChart();
    pod(chart, 'a', { containers: [c()] });
    Object.freeze(pod(chart, 'b', { containers: [c()] }));
    const before = synth(chart);
    expect(() => Inject.into(chart, { sidecars: [Sidecar.envoy({ appPort: 8080 })] }))
      .toThrow("Inject.into(test): Pod 'b' is frozen (or not extensible), so sidecars and init steps cannot be added to it");
    expect(chart.node.findAll().map((x) => x.node.path)).toEqual(['test', 'test/a', 'test/b']);
    expect(synth(chart)).toEqual(before);
  });
});

describe('arguments of the wrong kind', () => {
  test.each([
    ['expose() without props', (pod: PlainPod) => pod.expose('svc', any(undefined)), "PlainPod 'web': expose('svc', ...): props: undefined is undefined; pass the Service's props"],
    ['addContainer(undefined)', (pod: PlainPod) => pod.addContainer(any(undefined)), "PlainPod 'web': addContainer(): undefined is undefined, not a container; pass e.g. { name: 'app', image: 'nginx:1.27' }."],
    ['addVolume("v")', (pod: PlainPod) => pod.addVolume(any('v')), "PlainPod 'web': addVolume(): \"v\" is a string, not a volume"],
    ['ServiceTarget.fromKplus(null)', () => ServiceTarget.fromKplus(any(null)), 'ServiceTarget.fromKplus(): workload: null is null, not a cdk8s-plus workload'],
    ['ServiceTarget.fromKplus() of a pattern', (pod: PlainPod) => ServiceTarget.fromKplus(any(pod)), "ServiceTarget.fromKplus(): PlainPod 'web' is already a Service target (a pattern of this library); pass it as target itself"],
    ['ServiceTarget.fromLabels("web")', () => ServiceTarget.fromLabels(any('web')), "ServiceTarget.fromLabels(): labels: \"web\" is a string, but it takes a map of labels; pass e.g. { app: 'web' }."],
    ['ServiceTarget.fromLabels(a Map)', () => ServiceTarget.fromLabels(any(new Map([['app', 'web']]))), 'ServiceTarget.fromLabels(): labels: {} is a Map instance, but it takes a map of labels'],
    ['ServiceTarget.fromLabels({ app: 1 })', () => ServiceTarget.fromLabels(any({ app: 1 })), 'ServiceTarget.fromLabels(): labels.app: 1 is a number, but a label value is a string'],
    ['a number as construct id', (pod: PlainPod) => new PlainPod(pod.node.scope as any, any(3), { containers: [c()] }), 'PlainPod: id: 3 is a number, but a construct id is a string'],
    ['props where the scope goes', () => new PlainPod(any({}), 'p', { containers: [c()] }), "PlainPod 'p': scope: {} is not a construct; pass a Chart (or another construct) as the first argument."],
  ])('%s fails at the call with a clear error and leaves nothing behind', (_what, call, message) => {
    const chart = newChart();
    const web = new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [c()] });
    const before = synth(chart);
    expect(() => call(web)).toThrow(message);
    expect(synth(chart)).toEqual(before);
  });
});

describe('one name per kind and namespace, whoever made the object', () => {
  test.each([
    ['a pattern renamed by a JSON patch', (chart: any) => {
      new PlainPod(chart, 'a', { metadata: { name: 'a' }, containers: [c()] });
      new PlainPod(chart, 'b', { metadata: { name: 'b' }, containers: [c()] }).addJsonPatch(JsonPatch.replace('/metadata/name', 'a'));
    }, "PlainPod 'a' (test/a) and PlainPod 'b' (test/b) are one Pod (after JSON patches): the name \"a\"; two objects with one name would overwrite each other when applied."],
    ['a ConfigMap of cdk8s named like a generated one', (chart: any) => {
      new ApiObject(chart, 'mine', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-envoy' } });
      new PlainPod(chart, 'web', { metadata: { name: 'web' }, containers: [c()], sidecars: [Sidecar.envoy({ appPort: 8080 })] });
    }, "ConfigMap 'web-envoy' (test/mine) and ConfigMap 'web-envoy' (test/web/ConfigMap-web-envoy) are one ConfigMap: the name \"web-envoy\""],
    ['a raw ApiObject Pod', (chart: any) => {
      new ApiObject(chart, 'raw', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [c()] } });
      new PlainPod(chart, 'web', { metadata: { name: 'web' }, containers: [c()] });
    }, "Pod 'web' (test/raw) and PlainPod 'web' (test/web) are one Pod: the name \"web\""],
  ])('is checked for %s', (_what, build, message) => {
    const chart = newChart();
    build(chart);
    expect(synthError(chart)).toContain(`[test] ${message}`);
  });

  test('objects of other kinds or namespaces may share a name', () => {
    const chart = newChart();
    new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' } });
    new ApiObject(chart, 'other', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'other' }, spec: { containers: [c()] } });
    new PlainPod(chart, 'web', { metadata: { name: 'web' }, containers: [c()] });
    expect(synth(chart).map((m) => m.kind)).toEqual(['ConfigMap', 'Pod', 'Pod']);
  });
});

describe('a name cdk8s generated', () => {
  test('that is not valid says so, and that the fix is metadata.name', () => {
    const app = Testing.app();
    const chart = new Chart(app, '1st-chart');
    const pod = new PlainPod(chart, 'web', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [c()] });
    pod.expose('web-svc', { ports: [{ port: 80 }] });
    expect(() => Testing.synth(chart)).toThrow('metadata.name: was generated by cdk8s from the construct path "1st-chart/web-svc"; set metadata.name to a valid name.');
  });
});

describe('fourth review: what the third one changed', () => {
  test('the containers getter keeps cdk8s tokens, so one pod can be built from another', () => {
    const chart = newChart();
    const a = new PlainPod(chart, 'a', { metadata: { name: 'a' }, containers: [c({ env: [{ name: 'X', value: Lazy.any({ produce: () => 'hello' }) }] })] });
    new PlainPod(chart, 'b', { metadata: { name: 'b' }, containers: a.containers });
    const pods = synth(chart).filter((m) => m.kind === 'Pod');
    expect(pods.map((p) => p.spec.containers[0].env)).toEqual([[{ name: 'X', value: 'hello' }], [{ name: 'X', value: 'hello' }]]);
  });

  test('two pods given generateName by JSON patches are not one name', () => {
    const chart = newChart();
    for (const id of ['a', 'b']) {
      new PlainPod(chart, id, { metadata: { name: id }, containers: [c()] })
        .addJsonPatch(JsonPatch.remove('/metadata/name'), JsonPatch.add('/metadata/generateName', 'worker-'));
    }
    expect(synth(chart).map((m) => m.metadata.generateName)).toEqual(['worker-', 'worker-']);
  });

  test('an argument that is not JSON (a construct, a BigInt) is named in the error, not a TypeError of JSON.stringify', () => {
    const chart = newChart();
    expect(() => new PlainPod(any('web'), any(chart), { containers: [c()] })).toThrow('PlainPod: id: a Chart (not JSON) is a Chart instance, but a construct id is a string');
    expect(() => new PlainPod(chart, any(BigInt(5)), { containers: [c()] })).toThrow('PlainPod: id: 5n is a bigint, but a construct id is a string');
  });

  test('a name a JSON patch made invalid is not called generated', () => {
    const chart = newChart();
    new PlainPod(chart, 'web', { containers: [c()] }).addJsonPatch(JsonPatch.replace('/metadata/name', 'Bad_Name'));
    expect(synthError(chart)).not.toContain('was generated by cdk8s');
  });
});

describe('keys and items that JavaScript or cdk8s would not write as declared (review 13 B1-B4)', () => {
  test.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])('reports a props key named %s as an unknown field, not with a TypeError', (key) => {
    expect(() => new PlainPod(newChart(), 'p', any({ containers: [c()], [key]: 1 }))).toThrow(`${key}: is not a field of PlainPodProps; remove it`);
    expect(() => Workload.deployment(any({ [key]: 1 }))).toThrow(`Workload.deployment(): ${key}: is not a field of DeploymentOptions`);
  });

  test('reports a key __proto__ from parsed JSON in props and in maps, which JavaScript would drop', () => {
    expect(() => new PlainPod(newChart(), 'p', JSON.parse('{"containers": [{"name": "app", "image": "busybox:1.36"}], "__proto__": {}}'))).toThrow(
      '__proto__: is not a field of PlainPodProps; remove it');
    expect(() => new PlainPod(newChart(), 'p', { metadata: { name: 'p', labels: JSON.parse('{"__proto__": "x"}') }, containers: [c()] })).toThrow(
      'metadata.labels[__proto__]: the key "__proto__" cannot be written: JavaScript takes it for an object\'s prototype, so cdk8s would drop it without a word; rename the key.');
    expect(() => new PlainPod(newChart(), 'p', { containers: [c()], volumes: [{ name: 'v', csi: { driver: 'x.io', volumeAttributes: JSON.parse('{"__proto__": "1", "a": "b"}') } }] })).toThrow(
      'volumes[0].csi.volumeAttributes[__proto__]: the key "__proto__" cannot be written');
  });

  test('reports null, undefined and holes in lists of Kubernetes structs, which the API server would read as empty values', () => {
    expect(() => new PlainPod(newChart(), 'p', { containers: [c({ command: ['sh', null, 'x'] })] })).toThrow(
      'containers[0].command[1]: is null, but Container.command takes a list of strings: the API server would read an empty value; remove the item or write one.');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => new PlainPod(newChart(), 'p', { containers: [c({ securityContext: { capabilities: { drop: [, 'ALL'] } } })] })).toThrow(
      'containers[0].securityContext.capabilities.drop[0]: is missing (undefined, or a hole in the list), but Capabilities.drop takes a list of strings');
  });

  test('reports a null map value in Kubernetes structs, which cdk8s would drop (a selector term, a limit)', () => {
    expect(() => new PlainPod(newChart(), 'p', { containers: [c({ resources: { limits: { cpu: null, memory: '64Mi' } } })] })).toThrow(
      'containers[0].resources.limits[cpu]: is null, but ResourceRequirements.limits takes a map of quantities');
    expect(() => new PlainPod(newChart(), 'p', { containers: [c()], topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'p', tier: null } } }] as any }))
      .toThrow('topologySpreadConstraints[0].labelSelector.matchLabels[tier]: is null, but LabelSelector.matchLabels takes a map of strings: cdk8s would drop the key without a word');
  });
});

describe('arguments that would be ignored or crash later (review 13 B11, B12)', () => {
  test('Workload.pod() refuses options, which a Pod does not take, and names the workload that does', () => {
    expect(() => any(Workload.pod)({ replicas: 3 })).toThrow(
      'Workload.pod(): takes no options, but was given {"replicas":3}; a Pod has no replicas or strategy: use Workload.deployment({"replicas":3}) for those.');
    expect(Workload.pod().kind).toBe('Pod');
  });

  test.each([
    ['Sidecar.gitSync', () => Sidecar.gitSync(any({ repo: Symbol('x') })), 'Sidecar.gitSync: repo: Symbol(x) is a symbol, which no option takes'],
    ['Sidecar.nginxExporter', () => Sidecar.nginxExporter(any({ port: Symbol('x') })), 'Sidecar.nginxExporter: port: Symbol(x) is a symbol'],
  ])('%s refuses a Symbol at construction instead of a TypeError at synth', (_what, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('smaller message defects (review 13 B13)', () => {
  test('a required field given null gets one message, not "is null" and "is missing"', () => {
    expect(() => FluentBitOutput.elasticsearch(any({ host: null }))).toThrow(/^FluentBitOutput\.elasticsearch\(\): host: is null, but ElasticsearchOutputOptions\.host takes a string\.$/);
  });

  test.each([[undefined], [{}], [null]])('ResourcePreset.custom(%j), a preset with neither requests nor limits, is refused', (resources) => {
    expect(() => ResourcePreset.custom(any(resources))).toThrow('has neither requests nor limits, so every container would get empty resources');
  });
});

describe('more message defects (review 13 B9, B13 c, g, i)', () => {
  test('quotes a very long value cut short, with its length', () => {
    const message = (() => {
      try {
        new PlainPod(newChart(), 'p', { metadata: { name: 'a'.repeat(100000) }, containers: [c()] });
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })() || synthError((() => {
      const chart = newChart();
      new PlainPod(chart, 'p', { metadata: { name: 'a'.repeat(100000) }, containers: [c()] });
      return chart;
    })());
    expect(message).toMatch(/"a{239}\.\.\.a{99}" \(100002 characters\)/);
    expect(message.length).toBeLessThan(2000);
  });

  test('refuses a Map or a Date where props go, instead of reading its getters as fields', () => {
    expect(() => new PlainPod(newChart(), 'p', any(new Map([['containers', [c()]]])))).toThrow('is a Map instance, but PlainPodProps is an object of fields; pass { ... } (Object.fromEntries(map)).');
  });

  test('reads a non-enumerable prop like any other (Object.defineProperty)', () => {
    const props: any = { containers: [c()] };
    Object.defineProperty(props, 'hostNetwork', { value: true, enumerable: false });
    const chart = newChart();
    new PlainPod(chart, 'p', props);
    expect(only(synth(chart), 'Pod').spec.hostNetwork).toBe(true);
  });

  test('addSidecar() given a list says to call it once per sidecar', () => {
    const pod = new PlainPod(newChart(), 'p', { containers: [c()] });
    expect(() => pod.addSidecar(any([Sidecar.nginxExporter()]))).toThrow('not a list; call addSidecar() once per sidecar.');
  });
});

describe('review 14 A (regressions of round 13, mended)', () => {
  test('takes tokens where the pattern copies the value into the manifest (an annotation value, tolerations, a namespace), and refuses them only where it reads them', () => {
    const chart = newChart();
    const arn = Lazy.any({ produce: () => 'arn:aws:acm:eu-west-1:1:certificate/x' });
    new PlainPod(chart, 'p', {
      metadata: { name: 'p', namespace: any(Lazy.any({ produce: () => 'web' })), annotations: { cert: any(arn) } },
      tolerations: any(Lazy.any({ produce: () => [{ key: 'k', operator: 'Exists' }] })),
      containers: [c()],
    });
    const pod = only(synth(chart), 'Pod');
    expect(pod.metadata.annotations.cert).toBe('arn:aws:acm:eu-west-1:1:certificate/x');
    expect(pod.spec.tolerations).toEqual([{ key: 'k', operator: 'Exists' }]);
    expect(() => new PlainPod(newChart(), 'q', { containers: any(Lazy.any({ produce: () => [c()] })) })).toThrow(
      'containers: is a cdk8s token (a Lazy instance), but PlainPodProps.containers is read when the object is built, before tokens resolve; pass the value itself.');
  });

  test('reads a compiled module as props without its __esModule marker', () => {
    const module: any = { containers: [c()] };
    Object.defineProperty(module, '__esModule', { value: true });
    const chart = newChart();
    new PlainPod(chart, 'p', module);
    expect(only(synth(chart), 'Pod').spec.containers).toHaveLength(1);
  });

  test('leaves a native sidecar\'s restartPolicy token to cdk8s, and Workload.pod({}) or pod(null) is a Pod', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()], sidecars: [Sidecar.container({ name: 's', image: 'busybox:1.36', restartPolicy: any(Lazy.any({ produce: () => 'Always' })) }, SidecarMode.NATIVE)] });
    expect(only(synth(chart), 'Pod').spec.initContainers[0].restartPolicy).toBe('Always');
    expect(any(Workload.pod)({}).kind).toBe('Pod');
    expect(any(Workload.pod)(null).kind).toBe('Pod');
    expect(() => any(Workload.pod)(5)).toThrow('Workload.pod(): takes no options, but was given 5.');
  });
});

describe('a Map as factory options (review 14 A10)', () => {
  test('is refused by InitStep and Sidecar factories instead of being ignored or read for its size', () => {
    expect(() => InitStep.waitForTcp('db', 5432, any(new Map([['timeoutSeconds', 5]])))).toThrow('InitStep.waitForTcp(): options: {} is a Map instance, not an object of options');
    expect(() => Sidecar.nginxExporter(any(new Map([['port', 1]])))).toThrow('Sidecar.nginxExporter: options: is a Map instance, not an object of options; pass { ... } (Object.fromEntries(map)).');
  });
});

describe('a catalogue sidecar without a required option (review 14 B5)', () => {
  test.each([
    ['Sidecar.envoy', () => Sidecar.envoy(any({})), 'Sidecar.envoy: appPort: is missing; Sidecar.envoy requires it.'],
    ['Sidecar.s3Backup', () => Sidecar.s3Backup(any({ bucket: 'b' })), 'Sidecar.s3Backup: volumeName: is missing; Sidecar.s3Backup requires it.'],
    ['Sidecar.gitSync', () => Sidecar.gitSync(any({ ref: 'main' })), 'Sidecar.gitSync: repo: is missing; Sidecar.gitSync requires it.'],
  ])('%s fails where it is written, not at synth with a knock-on problem', (_what, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('tokens inside Kubernetes structs that a pattern reads (review 14 A2, A3)', () => {
  test('an env value token in a step, and a container port name token with a named targetPort, are resolved at synth', () => {
    const chart = newChart();
    const pod = new PlainPod(chart, 'p', {
      metadata: { name: 'p', labels: { app: 'p' } },
      containers: [c({ ports: [{ name: any(Lazy.any({ produce: () => 'http' })), containerPort: 8080 }] })],
      initSteps: [InitStep.renderTemplate('${A}', 'a.conf', { inline: true, variables: [{ name: 'A', value: any(Lazy.any({ produce: () => 'x' })) }] })],
    });
    pod.expose('s', { metadata: { name: 's' }, ports: [{ port: 80, targetPort: 'http' }] });
    const manifests = synth(chart);
    expect(only(manifests, 'Pod').spec.initContainers[0].env).toContainEqual({ name: 'A', value: 'x' });
    expect(only(manifests, 'Service').spec.ports).toEqual([{ port: 80, targetPort: 'http' }]);
  });

  test('a volumeMounts token of the app a SidecarLoggedApp mounts its log volume into is refused, naming the field', () => {
    expect(() => new SidecarLoggedApp(newChart(), 'a', { app: c({ volumeMounts: any(Lazy.any({ produce: () => [] })) }) })).toThrow(
      'volumeMounts: is not a list (a cdk8s token, for example), but the pattern adds the mount of "shared-logs" to it when it is built; pass the list itself.');
  });
});

describe('tokens in the arguments and options of factories (review 14 B3)', () => {
  const lazy = (v: unknown): any => Lazy.any({ produce: () => v });
  test.each([
    ['an InitStep argument', () => InitStep.waitForTcp('db', lazy(5432)),
      'InitStep.waitForTcp: port: is a cdk8s token (a Lazy instance), but InitStep.waitForTcp writes its script from port when the step is built, before tokens resolve; pass the value itself.'],
    ['an InitStep option', () => InitStep.waitForTcp('db', 5432, { timeoutSeconds: lazy(30) }),
      'InitStep.waitForTcp: timeoutSeconds: is a cdk8s token (a Lazy instance), but InitStepOptions.timeoutSeconds is read when the object is built, before tokens resolve; pass the value itself.'],
    ['a SecurityProfile option', () => SecurityProfile.restricted({ runAsUser: lazy(1000) }),
      'SecurityProfile.restricted(): runAsUser: is a cdk8s token (a Lazy instance), but RestrictedProfileOptions.runAsUser is read when the object is built'],
    ['a catalogue Sidecar option', () => Sidecar.gitSync({ repo: lazy('https://github.com/x/y') }),
      'Sidecar.gitSync: repo: is a cdk8s token (a Lazy instance), but GitSyncOptions.repo is read when the object is built'],
    ['a Sidecar.nginxExporter option', () => Sidecar.nginxExporter({ port: lazy(9113) }),
      'Sidecar.nginxExporter: port: is a cdk8s token (a Lazy instance), but NginxExporterOptions.port is read when the object is built'],
    ['a FluentBitOutput option', () => FluentBitOutput.elasticsearch({ host: lazy('es') }),
      'FluentBitOutput.elasticsearch(): host: is a cdk8s token (a Lazy instance), but ElasticsearchOutputOptions.host is read when the object is built'],
    ['a LogShipper option', () => LogShipper.tail({ image: lazy('busybox') }),
      'LogShipper.tail(): image: is a cdk8s token (a Lazy instance), but TailOptions.image is read when the object is built'],
  ])('%s is refused at the call with the token message, not its internals and a format rule', (_what, make, message) => {
    const error = errorOf(make);
    expect(error).toContain(message);
    expect(error).not.toContain('producer');
    expect(error).not.toMatch(/must be/);
  });

  test('a token inside a Kubernetes struct of the options is left to cdk8s (a resources limit)', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [c({ ports: [{ containerPort: 80 }] })],
      sidecars: [Sidecar.envoy({ appPort: 80, resources: { limits: { cpu: lazy('1') } } })],
    });
    expect(only(synth(chart), 'Pod').spec.containers[1].resources).toEqual({ limits: { cpu: '1' } });
  });
});

describe('a class of this library where a Kubernetes value goes', () => {
  test.each([
    ['a Sidecar in containers', () => new PlainPod(newChart(), 'p', { containers: [c(), any(Sidecar.nginxExporter())] }),
      'containers[1]: is a Sidecar (a class of this library), but Container takes an object (Container); pass it in sidecars: [ ... ].'],
    ['an InitStep in initContainers', () => new PlainPod(newChart(), 'p', { containers: [c()], initContainers: [any(InitStep.waitForTcp('db', 80))] }),
      'initContainers[0]: is an InitStep (a class of this library), but Container takes an object (Container); pass it in initSteps: [ ... ].'],
    ['a Sidecar as the sidecar container of a SidecarLoggedApp', () => new SidecarLoggedApp(newChart(), 'a', { app: c(), sidecar: any(Sidecar.nginxExporter()) }),
      'sidecar: is a Sidecar (a class of this library), but Container takes an object (Container); pass it in sidecars: [ ... ].'],
    ['a LogShipper in volumes', () => new PlainPod(newChart(), 'p', { containers: [c()], volumes: [any(LogShipper.tail())] }),
      'volumes[0]: is a LogShipper (a class of this library), but Volume takes an object (Volume); wrap it: sidecars: [Sidecar.logShipper(shipper)], or pass it as logShipper of a SidecarLoggedApp.'],
  ])('%s fails at construction, saying where it goes, instead of failing cdk8s\'s synth', (_what, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('this library\'s contracts judged on the object as patched (review 15 D6, D7)', () => {
  const J = JsonPatch;
  test('a Deployment with a classic sidecar patched into a Job is refused: the Job would never complete', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'x' } }, workload: Workload.deployment(), containers: [c()], sidecars: [Sidecar.nginxExporter()] });
    p.addJsonPatch(J.replace('/apiVersion', 'batch/v1'), J.replace('/kind', 'Job'), J.remove('/spec/selector'), J.add('/spec/template/spec/restartPolicy', 'Never'));
    expect(synthError(chart)).toContain('spec.template.spec.containers: the classic sidecar "nginx-exporter" would keep running after the app finished, so the Job would never complete');
  });

  test('a Job patched into a Deployment, or whose classic sidecar a patch removes, is accepted', () => {
    const chart = newChart();
    const a = new PlainPod(chart, 'a', { metadata: { name: 'a', labels: { app: 'a' } }, workload: Workload.job(), restartPolicy: 'Never', containers: [c()], sidecars: [Sidecar.nginxExporter()] });
    a.addJsonPatch(J.replace('/apiVersion', 'apps/v1'), J.replace('/kind', 'Deployment'), J.add('/spec/selector', { matchLabels: { app: 'a' } }),
      J.add('/spec/template/metadata', { labels: { app: 'a' } }), J.remove('/spec/template/spec/restartPolicy'));
    const b = new PlainPod(chart, 'b', { metadata: { name: 'b' }, workload: Workload.job(), restartPolicy: 'Never', containers: [c()], sidecars: [Sidecar.nginxExporter()] });
    b.addJsonPatch(J.remove('/spec/template/spec/containers/1'));
    expect(synth(chart).map((m) => m.kind)).toEqual(['Deployment', 'Job']);
  });

  test('a Service whose selector a patch removes selects no pods and is refused', () => {
    const chart = newChart();
    new ExposedService(chart, 's', { metadata: { name: 's' }, selector: { app: 'x' }, ports: [{ port: 80 }] }).addJsonPatch(J.remove('/spec/selector'));
    expect(synthError(chart)).toContain("ExposedService 's': spec.selector: the Service selects no pods (this library's contract)");
  });

  test('a Service with a target patched into an ExternalName alias without selector is accepted, and one that keeps its selector is refused', () => {
    const chart = newChart();
    const p = new PlainPod(chart, 'p', { metadata: { name: 'p', labels: { app: 'x' } }, containers: [c()] });
    p.expose('s', { metadata: { name: 's' }, ports: [{ port: 80 }] }).addJsonPatch(J.add('/spec/type', 'ExternalName'), J.add('/spec/externalName', 'db.example.com'), J.remove('/spec/selector'));
    expect(only(synth(chart), 'Service').spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', ports: [{ port: 80 }] });
    const other = newChart();
    const q = new PlainPod(other, 'q', { metadata: { name: 'q', labels: { app: 'x' } }, containers: [c()] });
    q.expose('s', { metadata: { name: 's' }, ports: [{ port: 80 }] }).addJsonPatch(J.add('/spec/type', 'ExternalName'), J.add('/spec/externalName', 'db.example.com'));
    expect(synthError(other)).toContain("spec.selector: an ExternalName Service is a DNS alias and selects no pods, but target is set, and Kubernetes would ignore it (this library's contract)");
  });
});

describe('the last message defects of review 13 B13 (b, d, e, f)', () => {
  test('a getter of the props that throws is reported with the object and the field', () => {
    const props: any = { metadata: { name: 'p' }, containers: [c()] };
    Object.defineProperty(props, 'hostNetwork', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(() => new PlainPod(newChart(), 'p', props)).toThrow("PlainPod 'p': hostNetwork: reading it threw: boom; pass a plain value (the getter of PlainPodProps.hostNetwork failed).");
  });

  test('a plain object where a log shipper goes is one problem, not also a container without an image', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()], sidecars: [Sidecar.logShipper(any({}))] });
    const error = synthError(chart);
    expect(error).toContain("PlainPod 'p': Sidecar.logShipper: shipper: is an object, not a log shipper this library built; use LogShipper.tail() or LogShipper.fluentBit()");
    expect(error).not.toContain('has no image');
  });
});

describe('tokens and classes of this library at any depth of factory options and pattern props (review 16 B4-B8)', () => {
  const lazy = (v: unknown): any => Lazy.any({ produce: () => v });
  test.each([
    ['an item of InitStep.command', () => InitStep.command('n', 'busybox:1.36', ['echo', lazy('x')]), 'InitStep.command: command[1]: is a cdk8s token (a Lazy instance), but InitStep.command reads it when it is built'],
    ['a checkRequired file', () => InitStep.checkRequired({ files: [lazy('a.json')] }), 'InitStep.checkRequired: files[0]: is a cdk8s token (a Lazy instance), but the step reads it when it is built'],
    ['the key of a Secret reference', () => InitStep.waitForMysql('db', { passwordSecret: { name: 's', key: lazy('k') } }), 'InitStep.waitForMysql: passwordSecret.key: is a cdk8s token (a Lazy instance)'],
    ['an oauth2-proxy e-mail domain', () => Sidecar.oauth2Proxy(any({ appPort: 8080, provider: 'google', clientId: 'c', clientSecret: { name: 's', key: 'k' }, cookieSecret: { name: 's', key: 'c' }, emailDomains: [lazy('example.com')] })),
      'Sidecar.oauth2Proxy: emailDomains[0]: is a cdk8s token (a Lazy instance), but the sidecar reads it when it is built, before tokens resolve; pass the value itself.'],
    ['ResourcePreset.custom()', () => ResourcePreset.custom(lazy({ requests: { cpu: '1' } })), 'ResourcePreset.custom(): resources: is a cdk8s token (a Lazy instance)'],
    ['the mode of Sidecar.container()', () => Sidecar.container(c(), lazy(SidecarMode.NATIVE)), 'Sidecar.container(): mode: is a cdk8s token (a Lazy instance)'],
    ['an InitStep in the envVars of a step', () => InitStep.checkRequired({ files: ['a.json'], envVars: [any(InitStep.waitForTcp('db', 80))] }),
      'InitStep.checkRequired: envVars[0]: is an InitStep (a class of this library), but EnvVar takes an object (EnvVar); pass it in initSteps: [ ... ].'],
    ['a SidecarLoggedApp sidecarMode', () => new SidecarLoggedApp(newChart(), 'a', { app: c(), sidecarMode: lazy(SidecarMode.NATIVE) }), 'sidecarMode: is a cdk8s token (a Lazy instance), but SidecarLoggedAppProps.sidecarMode is read when the object is built'],
    ['a whole annotations map', () => new PlainPod(newChart(), 'p', { metadata: { annotations: lazy({ a: 'v' }) }, containers: [c()] }), 'metadata.annotations: is a cdk8s token (a Lazy instance), but ApiObjectMetadata.annotations is read when the object is built'],
    ['a Sidecar in initSteps', () => new PlainPod(newChart(), 'p', { containers: [c()], initSteps: [any(Sidecar.nginxExporter())] }), 'initSteps[0]: is a Sidecar (a class of this library), not an InitStep; pass it in sidecars: [ ... ].'],
    ['a LogShipper in sidecars', () => new PlainPod(newChart(), 'p', { containers: [c()], sidecars: [any(LogShipper.tail())] }), 'sidecars[0]: is a LogShipper (a class of this library), not a Sidecar; wrap it: sidecars: [Sidecar.logShipper(shipper)], or pass it as logShipper of a SidecarLoggedApp.'],
  ])('%s is refused at the call with the field', (_what, make, message) => {
    const error = errorOf(make);
    expect(error).toContain(message);
    expect(error).not.toContain('producer');
  });

  test('a securityContext or resources token with a SecurityProfile is resolved, then checked, never spread or replaced by a preset', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', {
      metadata: { name: 'p' },
      containers: [c({ resources: lazy({ limits: { cpu: '1' } }) })],
      securityProfile: SecurityProfile.baseline({ resources: ResourcePreset.SMALL }),
    });
    expect(only(synth(chart), 'Pod').spec.containers[0].resources).toEqual({ limits: { cpu: '1' } });
    const other = newChart();
    new PlainPod(other, 'p', { metadata: { name: 'p' }, containers: [c({ securityContext: lazy({ runAsUser: 1000 }) })], securityProfile: SecurityProfile.restricted() });
    expect(synthError(other)).toContain('spec.containers[0].securityContext.allowPrivilegeEscalation: undefined (container "app") breaks the Pod Security Standard');
  });
});

describe('a non-enumerable field inside a Kubernetes struct (review 14 A9)', () => {
  test('is read too when the struct inherits enumerable fields (Object.create) (review 18 A6)', () => {
    const container: any = Object.create({ image: 'nginx:1.27' });
    container.name = 'app';
    Object.defineProperty(container, 'env', { value: [{ name: 'A', value: 'x' }], enumerable: false });
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [container] });
    expect(only(synth(chart), 'Pod').spec.containers).toEqual([{ name: 'app', image: 'nginx:1.27', env: [{ name: 'A', value: 'x' }] }]);
  });

  test('is read as container.image reads it, not dropped', () => {
    const container: any = { name: 'app' };
    Object.defineProperty(container, 'image', { value: 'nginx:1.27', enumerable: false });
    const env: any = {};
    Object.defineProperty(env, 'name', { value: 'A', enumerable: false });
    Object.defineProperty(env, 'value', { value: 'x', enumerable: false });
    container.env = [env];
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [container] });
    expect(only(synth(chart), 'Pod').spec.containers).toEqual([{ name: 'app', image: 'nginx:1.27', env: [{ name: 'A', value: 'x' }] }]);
  });
});

describe('review 17 B: tokens and getters the last rounds missed', () => {
  const lazy = (v: unknown): any => Lazy.any({ produce: () => v });
  test('Inject.into() resolves the tokens of what it adds (an env value, an image, a resources limit)', () => {
    const chart = newChart();
    const pod = new ApiObject(chart, 'web', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [c()] } });
    Inject.into(pod, {
      initSteps: [InitStep.checkRequired({ env: ['A'], envVars: [{ name: 'A', value: lazy('v') }] })],
      sidecars: [Sidecar.container({ name: 's', image: lazy('busybox:1.36'), resources: { limits: { cpu: lazy('1') } } })],
    });
    const spec = only(synth(chart), 'Pod').spec;
    expect(spec.initContainers[0].env).toContainEqual({ name: 'A', value: 'v' });
    expect(spec.containers[1]).toMatchObject({ name: 's', image: 'busybox:1.36', resources: { limits: { cpu: '1' } } });
  });

  test.each([
    ['the options of a step', () => InitStep.waitForTcp('db', 5432, lazy({ timeoutSeconds: 7 })), 'InitStep.waitForTcp(): options: is a cdk8s token (a Lazy instance)'],
    ['the options of a catalogue sidecar', () => Sidecar.envoy(lazy({ appPort: 8080 })), 'Sidecar.envoy: options: is a cdk8s token (a Lazy instance)'],
    ['the options of a workload', () => Workload.deployment(lazy({ replicas: 3 })), 'Workload.deployment(): is a cdk8s token (a Lazy instance), but DeploymentOptions is read when the object is built'],
    ['a claim template', () => Workload.statefulSet({ volumeClaimTemplates: [lazy({ metadata: { name: 'data' } })] }), 'Workload.statefulSet(): volumeClaimTemplates[0]: is a cdk8s token (a Lazy instance)'],
    ['the job of a CronJob', () => Workload.cronJob({ schedule: '@hourly', job: lazy({ backoffLimit: 2 }) }), 'Workload.cronJob(): job: is a cdk8s token (a Lazy instance)'],
  ])('a whole token as %s is refused at the call instead of being read as empty', (_what, make, message) => {
    expect(make).toThrow(message);
  });

  test('a token inside a field keeps the real problems of its parent, and a misspelt key is still named', () => {
    expect(() => InitStep.waitForMysql('db', { user: lazy('u'), userSecret: { name: 's', key: 'u' } })).toThrow('user and userSecret: both are given; give one.');
    expect(() => InitStep.checkRequired(any({ fles: [lazy('a')] }))).toThrow('fles is not a field of CheckRequiredOptions; did you mean files?');
  });

  test.each([
    ['a step option', () => InitStep.waitForTcp('db', 5432, Object.defineProperty({}, 'timeoutSeconds', { enumerable: true, get: () => { throw new Error('boom'); } })),
      'InitStep.waitForTcp(): timeoutSeconds: reading it threw: boom; pass a plain value.'],
    ['a container field', () => new PlainPod(newChart(), 'p', { metadata: { name: 'p' }, containers: [Object.defineProperty({ name: 'app' }, 'image', { enumerable: true, get: () => { throw new Error('boom'); } }) as any] }),
      "PlainPod 'p': containers[0].image: reading it threw: boom; pass a plain value."],
    ['metadata.name', () => new PlainPod(newChart(), 'p', { metadata: Object.defineProperty({}, 'name', { enumerable: true, get: () => { throw new Error('boom'); } }), containers: [c()] }),
      'metadata.name: reading it threw: boom'],
  ])('a getter that throws in %s is reported with the field', (_what, make, message) => {
    expect(make).toThrow(message);
  });

  test('with restricted(), a securityContext holding a token anywhere is resolved and then checked, not spread', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c({ securityContext: { capabilities: lazy({ drop: ['ALL'] }) } })], securityProfile: SecurityProfile.restricted() });
    const error = synthError(chart);
    expect(error).not.toContain('producer');
    expect(error).toContain('spec.containers[0].securityContext.allowPrivilegeEscalation: undefined (container "app") breaks the Pod Security Standard');
  });
});

describe('review 17 B7, B9: ExposedService tokens and LogShipper hints', () => {
  const lazy = (v: unknown): any => Lazy.any({ produce: () => v });
  test.each([
    ['nodePortRange.min', () => new ExposedService(newChart(), 's', { selector: { app: 'p' }, ports: [{ port: 80 }], nodePortRange: { min: lazy(20000), max: 20100 } }),
      'nodePortRange.min: is a cdk8s token (a Lazy instance), but ExposedService reads it when it is built'],
    ['a port', () => new ExposedService(newChart(), 's', { selector: { app: 'p' }, ports: [lazy({ port: 80 })] }), 'ports[0]: is a cdk8s token (a Lazy instance), but ExposedService reads it when it is built'],
  ])('a token in %s is refused at construction', (_what, make, message) => {
    expect(make).toThrow(message);
  });

  test('a LogShipper in a list of a PlainPod is told to wrap it in Sidecar.logShipper()', () => {
    expect(() => new PlainPod(newChart(), 'p', { containers: [c()], initSteps: [any(LogShipper.tail())] })).toThrow(
      'initSteps[0]: is a LogShipper (a class of this library), not an InitStep; wrap it: sidecars: [Sidecar.logShipper(shipper)], or pass it as logShipper of a SidecarLoggedApp.');
  });
});

describe('review 18 A: regressions of the last round, mended', () => {
  const lazy = (v: unknown): any => Lazy.any({ produce: () => v });
  test('a catalogue sidecar option left undefined or null is the default, not a TypeError', () => {
    expect(() => Sidecar.envoy({ appPort: 8080, image: undefined })).not.toThrow();
    expect(() => Sidecar.nginxExporter({ port: any(null) })).not.toThrow();
  });

  test('restricted() still fills in a securityContext that holds a token in a field it does not read', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c({ securityContext: { runAsUser: lazy(1000) } })], securityProfile: SecurityProfile.restricted() });
    expect(only(synth(chart), 'Pod').spec.containers[0].securityContext).toEqual({ runAsUser: 1000, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  test('a StatefulSet selector token is taken, as for the other workloads', () => {
    expect(() => Workload.statefulSet({ selector: lazy({ matchLabels: { app: 'web' } }) })).not.toThrow();
  });

  test('Inject.into() keeps NaN for validation to report, and leaves out what resolves to undefined', () => {
    const chart = newChart();
    const d = new ApiObject(chart, 'd', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: Infinity, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [c()] } } },
    });
    Inject.into(d, { initSteps: [InitStep.waitForTcp('db', 5432)] });
    expect(synthError(chart)).toContain('spec.replicas: Infinity is not a finite number');
    const other = newChart();
    const pod = new ApiObject(other, 'p', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [c()] } });
    Inject.into(pod, { sidecars: [Sidecar.container({ name: 's', image: 'busybox:1.36', resources: { limits: { cpu: '1', memory: lazy(undefined) } } })] });
    expect(only(synth(other), 'Pod').spec.containers[1].resources).toEqual({ limits: { cpu: '1' } });
  });

  test('Sidecar.logShipper() given a FluentBitOutput says where it goes', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()], sidecars: [Sidecar.logShipper(any(FluentBitOutput.s3({ bucket: 'b', region: 'eu-west-1' })))] });
    expect(synthError(chart)).toContain('shipper: is a FluentBitOutput (a class of this library), not a log shipper; use LogShipper.tail() or LogShipper.fluentBit() (a FluentBitOutput goes in LogShipper.fluentBit({ output })).');
  });
});

describe('a whole container given as a token to Sidecar.container() or InitStep.container() (review 18 A12)', () => {
  const lazy = (v: unknown): any => Lazy.any({ produce: () => v });
  test.each([
    ['Sidecar.container()', () => Sidecar.container(lazy({ name: 's', image: 'busybox:1.36' }), SidecarMode.NATIVE), 'Sidecar.container(): container: is a cdk8s token (a Lazy instance), but the container is read when the sidecar is added'],
    ['InitStep.container()', () => InitStep.container(lazy({ name: 's', image: 'busybox:1.36' })), 'InitStep.container(): container: is a cdk8s token (a Lazy instance), but the container is read when the step is added'],
  ])('%s refuses it at the call, instead of a crash at synth', (_what, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('review 19 (R1, R2, R4, R5)', () => {
  const lazy = (v: unknown): any => Lazy.any({ produce: () => v });
  test('restricted() still adds allowPrivilegeEscalation: false beside a token in capabilities.drop', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c({ securityContext: { capabilities: { drop: lazy(['ALL']) } } })], securityProfile: SecurityProfile.restricted() });
    expect(only(synth(chart), 'Pod').spec.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  test('Inject.into() leaves out what resolves to null, as cdk8s does for a pattern', () => {
    const chart = newChart();
    const pod = new ApiObject(chart, 'p', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [c()] } });
    Inject.into(pod, { sidecars: [Sidecar.container({ name: 's', image: 'busybox:1.36', resources: { limits: { cpu: '1', memory: lazy(null) } } })] });
    expect(only(synth(chart), 'Pod').spec.containers[1].resources).toEqual({ limits: { cpu: '1' } });
  });

  test('a Sidecar given as the options of a catalogue factory is named, not listed by its internal fields', () => {
    expect(() => Sidecar.envoy(any(Sidecar.container(c({ name: 's' }))))).toThrow('Sidecar.envoy: options: is a Sidecar (a class of this library), not an object of options; pass { ... } (and the Sidecar; pass it in sidecars: [ ... ]).');
  });

  test('Sidecar.logShipper() given a ResourcePreset gets no note about FluentBitOutput', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()], sidecars: [Sidecar.logShipper(any(ResourcePreset.SMALL))] });
    const error = synthError(chart);
    expect(error).toContain('shipper: is a ResourcePreset (a class of this library), not a log shipper; use LogShipper.tail() or LogShipper.fluentBit().');
  });
});

describe('a class of this library given as the options of an InitStep factory (review 20 A4)', () => {
  test('is named, not listed by its internal fields', () => {
    expect(() => InitStep.waitForTcp('db', 5432, any(SecurityProfile.restricted()))).toThrow('InitStep.waitForTcp(): options: is a SecurityProfile (a class of this library), not an object of options; pass { ... }');
  });
});

describe('restricted() with a privileged token (review 20 A3)', () => {
  test('the allowPrivilegeEscalation problem says to set it, not that the profile sets it', () => {
    const chart = newChart();
    new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c({ securityContext: { privileged: Lazy.any({ produce: () => false }) as any } })], securityProfile: SecurityProfile.restricted() });
    const error = synthError(chart);
    expect(error).toContain('privilege escalation must be disallowed; set it to false');
    expect(error).not.toContain('(the profile sets false)');
  });
});

describe('a hand-written IServiceTarget (review 45 V5)', () => {
  const target = (extra: any) => ({ targetDescription: 'my pods', selectorLabels: () => ({ app: 'web' }), containerPorts: () => undefined, ...extra });
  const expose = (t: any) => {
    const chart = newChart();
    new ExposedService(chart, 's', { metadata: { name: 's' }, target: t, ports: [{ port: 80 }] });
    return Testing.synth(chart);
  };

  test('is refused without a targetDescription, naming what to add', () => {
    expect(() => expose(target({ targetDescription: undefined }))).toThrow("ExposedService 's': target: undefined is not a targetDescription; an IServiceTarget names itself");
  });

  test('is refused when selectorLabels() returns no map or throws, naming the target and the fix', () => {
    expect(() => expose(target({ selectorLabels: () => null }))).toThrow("target.selectorLabels() of my pods returned null (null), not a map of labels; return the labels of the pods, e.g. { app: 'web' }.");
    expect(() => expose(target({ selectorLabels: () => 'app=web' }))).toThrow('target.selectorLabels() of my pods returned "app=web" (a string), not a map of labels');
    expect(() => expose(target({ selectorLabels: () => { throw new Error('boom'); } }))).toThrow('target.selectorLabels() of my pods threw: boom;');
  });

  test('keeps labels inherited through the prototype', () => {
    expect(expose(target({ selectorLabels: () => Object.create({ app: 'web' }) }))[0].spec.selector).toEqual({ app: 'web' });
  });
});


describe('review 45 V1-V3: getters that throw deep in props, and one item where a list goes', () => {
  const boom = (o: any, k: string) => Object.defineProperty(o, k, { enumerable: true, get() { throw new Error('boom'); } });
  const pod = (props: any) => () => new PlainPod(newChart(), 'p', { metadata: { name: 'p' }, containers: [c()], ...props });

  test.each([
    ['a label value', pod({ metadata: { name: 'p', labels: boom({}, 'app') } }), "PlainPod 'p': metadata.labels[app]: reading it threw: boom; pass a plain value."],
    ['a list item of containers', pod({ containers: boom([], '0') }), "PlainPod 'p': containers[0]: reading it threw: boom; pass a plain value."],
    ['an env item', pod({ containers: [c({ env: boom([], '0') })] }), "PlainPod 'p': containers[0].env[0]: reading it threw: boom; pass a plain value."],
    ['a limit', pod({ containers: [c({ resources: { limits: boom({}, 'cpu') } })] }), "PlainPod 'p': containers[0].resources.limits[cpu]: reading it threw: boom; pass a plain value."],
    ['a Service selector value', () => new ExposedService(newChart(), 's', { metadata: { name: 's' }, selector: boom({}, 'a'), ports: [{ port: 80 }] }),
      "ExposedService 's': selector[a]: reading it threw: boom; pass a plain value."],
    ['a Job podFailurePolicy rule', () => Workload.job({ podFailurePolicy: { rules: boom([], '0') } }), 'Workload.job(): podFailurePolicy.rules[0]: reading it threw: boom; pass a plain value.'],
    ['an InitStep.checkRequired env item', () => InitStep.checkRequired({ env: boom([], '0') }), 'InitStep.checkRequired(): env[0]: reading it threw: boom; pass a plain value.'],
    ['an InitStep.command argument', () => InitStep.command('x', 'busybox:1.36', boom(['a'], '0')), 'InitStep.command: command[0]: reading it threw: boom; pass a plain value.'],
    ['Sidecar.envoy resources.limits', () => Sidecar.envoy({ appPort: 8080, resources: boom({}, 'limits') }), 'Sidecar.envoy: resources.limits: reading it threw: boom; pass a plain value.'],
    ['InitStep.downloadFromS3 credentials', () => InitStep.downloadFromS3('bkt', 'k', 'p', { credentials: boom({}, 'accessKeyId') }),
      'InitStep.downloadFromS3(): credentials.accessKeyId: reading it threw: boom; pass a plain value.'],
    ['ResourcePreset.custom limits', () => ResourcePreset.custom(boom({}, 'limits')), 'ResourcePreset.custom(): resources.limits: reading it threw: boom; pass a plain value.'],
    ['ServiceTarget.fromLabels', () => ServiceTarget.fromLabels(boom({}, 'app')), 'ServiceTarget.fromLabels(): labels.app: reading it threw: boom; pass a plain value.'],
  ])('GIVEN a getter that throws on %s WHEN constructed THEN the error names the object and the path (V1, V2)', (_what, make, message) => {
    expect(errorOf(make)).toContain(message);
  });

  test.each([
    ['one container', pod({ containers: c() }), 'containers: {"name":"app","image":"busybox:1.36"} is an object, but PlainPodProps.containers takes a list of Container objects; put it in a list: [{ ... }].'],
    ['env as a map', pod({ containers: [c({ env: { A: '1' } })] }),
      'containers[0].env: {"A":"1"} is an object, but Container.env takes a list of EnvVar objects; write a list of { name, value } items: [{ name: "A", value: "1" }].'],
    ['one sidecar', pod({ sidecars: Sidecar.nginxExporter() }), 'sidecars: is a Sidecar (a class of this library), but PlainPodProps.sidecars takes a list; put it in a list: [ ... ].'],
    ['one Service port', () => new ExposedService(newChart(), 's', { metadata: { name: 's' }, selector: { a: 'b' }, ports: any({ port: 80 }) }),
      'ports: {"port":80} is an object, but ExposedServiceProps.ports takes a list of ServicePort objects; put it in a list: [{ ... }].'],
  ])('GIVEN %s where a list goes WHEN constructed THEN the message shows it, names the exported class and says to put it in a list (V3)', (_what, make, message) => {
    expect(errorOf(make)).toContain(message);
  });
});

describe('review 48 Z1-Z5, Z7: what plain JavaScript passes, read once and named', () => {
  const pod = (props: any) => () => new PlainPod(newChart(), 'p', { metadata: { name: 'p' }, containers: [c()], ...props });
  /** An object whose `key` reads `value` once, then throws. */
  const once = (o: any, key: string, value: unknown) => {
    let n = 0;
    return Object.defineProperty(o, key, { enumerable: true, get() { n++; if (n > 1) throw new Error('BOOM'); return value; } });
  };

  test.each([
    ['InitStep.command', () => InitStep.command('x', 'busybox:1.36', once([], '0', 'echo'))],
    ['Sidecar.gitSync', () => Sidecar.gitSync(once({}, 'repo', 'https://example.com/r.git'))],
    ['FluentBitOutput.elasticsearch', () => FluentBitOutput.elasticsearch({ host: 'es', httpUser: 'u', httpPasswordSecret: once({ name: 's' }, 'key', 'k') })],
    ['SecurityProfile.restricted', () => SecurityProfile.restricted(once({}, 'runAsUser', 1000))],
    ['InitStep.checkRequired', () => InitStep.checkRequired(once({}, 'env', ['A']))],
  ])('GIVEN %s with a getter that throws on its second read WHEN built and synthesized THEN it is read once and works (Z1)', (_what, make) => {
    const made: any = make();
    const chart = newChart();
    if (made instanceof Sidecar) {
      new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()], sidecars: [made] });
    } else if (made instanceof InitStep) {
      new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c()], initSteps: [made] });
    } else if (made instanceof SecurityProfile) {
      new PlainPod(chart, 'p', { metadata: { name: 'p' }, containers: [c({ resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } })], securityProfile: made });
    } else {
      new SidecarLoggedApp(chart, 'p', { metadata: { name: 'p' }, app: c(), logShipper: LogShipper.fluentBit({ output: made }) });
    }
    expect(synth(chart).length).toBeGreaterThan(0);
  });

  test('GIVEN a hand-written target whose targetDescription, containerPorts() or a label getter throws WHEN exposed THEN the Service and the target\'s member are named (Z2)', () => {
    const target = (extra: object) => ({ targetDescription: 'my pods', selectorLabels: () => ({ app: 'web' }), containerPorts: () => undefined, ...extra });
    const expose = (t: any) => errorOf(() => synth(((chart) => (new ExposedService(chart, 's', { metadata: { name: 's' }, target: t, ports: [{ port: 80 }] }), chart))(newChart())));
    expect(expose(Object.defineProperty(target({}), 'targetDescription', { get() { throw new Error('BOOM'); } })))
      .toContain("ExposedService 's': target.targetDescription: reading it threw: BOOM; pass a plain value.");
    expect(expose(target({ containerPorts: () => { throw new Error('BOOM'); } })))
      .toContain("ExposedService 's': target.containerPorts() of my pods threw: BOOM; it must return the ports of its containers, or undefined when they are not known.");
    expect(expose(target({ selectorLabels: () => Object.defineProperty({}, 'app', { enumerable: true, get() { throw new Error('BOOM'); } }) })))
      .toContain("ExposedService 's': target.selectorLabels().app of my pods: reading it threw: BOOM; pass a plain value.");
  });

  test('GIVEN a Proxy whose length trap throws as containers WHEN constructed THEN the object is named (Z3)', () => {
    const containers = new Proxy([c()], { get: (t, k) => { if (k === 'length') throw new Error('BOOM'); return (t as any)[k]; } });
    expect(errorOf(pod({ containers }))).toBe("PlainPod 'p': reading the props threw: BOOM; pass plain objects and lists (not a Proxy or an object whose getters fail).");
  });

  test.each([
    ['envVars as a map', { env: ['A'], envVars: { A: '1' } },
      'InitStep.checkRequired: envVars: {"A":"1"} is an object, but CheckRequiredOptions.envVars takes a list of EnvVar objects; write a list of { name, value } items: [{ name: "A", value: "1" }].'],
    ['one volumeMount', { files: ['/f/a'], volumeMounts: { name: 'v', mountPath: '/f' } },
      'InitStep.checkRequired: volumeMounts: {"name":"v","mountPath":"/f"} is an object, but CheckRequiredOptions.volumeMounts takes a list of VolumeMount objects; put it in a list: [{ ... }].'],
    ['envVars as a string', { env: ['A'], envVars: 'A=1' }, 'InitStep.checkRequired: envVars: "A=1" is a string, but CheckRequiredOptions.envVars takes a list of EnvVar objects.'],
  ])('GIVEN InitStep.checkRequired with %s WHEN called THEN the option is named with the fix, not a TypeError (Z4)', (_what, options, message) => {
    expect(errorOf(() => InitStep.checkRequired(any(options)))).toBe(message);
  });

  test.each([
    ['a LogShipper in sidecars', { sidecars: LogShipper.tail() },
      'sidecars: is a LogShipper (a class of this library), but PlainPodProps.sidecars takes a list of Sidecar objects; wrap it: sidecars: [Sidecar.logShipper(shipper)]'],
    ['an InitStep in sidecars', { sidecars: InitStep.waitForTcp('db', 5432) }, 'sidecars: is an InitStep (a class of this library), but PlainPodProps.sidecars takes a list of Sidecar objects; pass it in initSteps: [ ... ].'],
    ['a map in args', { containers: [c({ args: { a: 'b' } })] }, 'containers[0].args: {"a":"b"} is an object, but Container.args takes a list of strings.'],
  ])('GIVEN %s where a list goes WHEN constructed THEN the fix given is one that works (Z5)', (_what, props, message) => {
    expect(errorOf(pod(props))).toContain(message);
  });

  test('GIVEN a custom sidecar whose app mount names its volume with a token WHEN added THEN that is refused with the fix (Z7)', () => {
    class TokenMount extends Sidecar {
      constructor() {
        super(SidecarMode.CLASSIC);
      }
      public bind(): any {
        return { container: c({ name: 'a' }), volumes: [{ name: 'logs', emptyDir: {} }], appVolumeMounts: [{ name: Lazy.any({ produce: () => 'logs' }), mountPath: '/var/log' }] };
      }
    }
    expect(errorOf(pod({ sidecars: [new TokenMount()] }))).toBe("PlainPod 'p': the sidecar \"a\": appVolumeMounts: the volume name is a cdk8s token, but a sidecar's app mounts "
      + "are matched with the pod's volumes and the other sidecars' mounts by name when the sidecar is added, before tokens resolve; write the name itself.");
  });
});

describe('review 49 B2, B3, B5, B6: options read once, whatever their shape', () => {
  test('GIVEN a non-enumerable runAsUser 0 WHEN SecurityProfile.restricted() is called THEN it is read and refused, not dropped (B2)', () => {
    expect(errorOf(() => SecurityProfile.restricted(Object.defineProperty({}, 'runAsUser', { value: 0, enumerable: false }))))
      .toContain('SecurityProfile.restricted(): runAsUser 0 must be a non-root user ID');
  });

  test.each([
    ['a non-enumerable value of a plain prototype', () => Object.create(Object.defineProperty({}, 'runAsUser', { value: 0, enumerable: false }))],
    ['a value on a class prototype', () => {
      class Options {}
      Object.defineProperty(Options.prototype, 'runAsUser', { value: 0 });
      return new Options();
    }],
  ])('GIVEN runAsUser 0 as %s WHEN SecurityProfile.restricted() is called THEN it is read and refused, not replaced by 65534 (review 50 DD8)', (_what, options) => {
    expect(errorOf(() => SecurityProfile.restricted(options() as any))).toContain('SecurityProfile.restricted(): runAsUser 0 must be a non-root user ID');
  });

  test('GIVEN env given as a number WHEN InitStep.checkRequired() is called THEN it is reported once, without a one-item list that would fail (B3)', () => {
    const message = errorOf(() => InitStep.checkRequired(any({ env: 5 })));
    expect(message).toContain('env: 5 must be a list');
    expect(message).not.toContain('write a list: [5]');
    expect(message.match(/env: 5/g)).toHaveLength(1);
  });

  test.each([['env', 'my-var'], ['files', '../x']])('GIVEN %s given as %s, which the list does not take WHEN InitStep.checkRequired() is called THEN no one-item list is offered (review 52 F4)', (field, value) => {
    expect(errorOf(() => InitStep.checkRequired(any({ [field]: value })))).toBe(`InitStep.checkRequired: ${field}: "${value}" must be a list.`);
  });

  test('GIVEN env given as a string WHEN InitStep.checkRequired() is called THEN the fix is the one-item list, and nothing is said to be empty (review 50 DD7)', () => {
    expect(errorOf(() => InitStep.checkRequired(any({ env: 'A' })))).toBe('InitStep.checkRequired: env: "A" must be a list; write ["A"].');
  });

  test.each(['ipv4', 'IPv4,IPv6'])('GIVEN ipFamilies given as %s, no IpFamily WHEN an ExposedService is built THEN no one-item list is offered (review 51 E3)', (value) => {
    expect(errorOf(() => new ExposedService(newChart(), 's', { metadata: { name: 's' }, selector: { a: 'b' }, ports: [{ port: 80 }], ipFamilies: any(value) })))
      .toContain(`ipFamilies: "${value}" is a string, but ExposedServiceProps.ipFamilies takes a list.`);
  });

  test('GIVEN ipFamilies given as one string WHEN an ExposedService is built THEN the fix is the one-item list (review 50 DD6)', () => {
    expect(errorOf(() => new ExposedService(newChart(), 's', { metadata: { name: 's' }, selector: { a: 'b' }, ports: [{ port: 80 }], ipFamilies: any('IPv4') })))
      .toContain('ipFamilies: "IPv4" is a string, but ExposedServiceProps.ipFamilies takes a list; write a list: ["IPv4"].');
  });

  test('GIVEN a Proxy as options whose get trap throws WHEN a factory is called THEN the factory is named (B5)', () => {
    const proxy = new Proxy({ repo: 'https://example.com/r.git' }, { get: () => { throw new Error('get trap fails'); } });
    expect(errorOf(() => Sidecar.gitSync(proxy as any))).toBe('Sidecar.gitSync: reading the options threw: get trap fails; pass plain objects and lists (not a Proxy).');
  });

  test('GIVEN a hand-written target whose targetNamespace getter throws WHEN exposed THEN the Service and the member are named (B6)', () => {
    const target = Object.defineProperty({ targetDescription: 'my pods', selectorLabels: () => ({ app: 'web' }), containerPorts: () => undefined },
      'targetNamespace', { get() { throw new Error('BOOM'); } });
    expect(errorOf(() => new ExposedService(newChart(), 's', { metadata: { name: 's' }, target, ports: [{ port: 80 }] })))
      .toContain('target.targetNamespace: reading it threw: BOOM; pass a plain value.');
  });
});

describe('a Proxy whose trap throws, given to any factory (review 50 DD9)', () => {
  const trap = (target: object) => new Proxy(target, { ownKeys: () => { throw new Error('KEYS'); }, getPrototypeOf: () => { throw new Error('PROTO'); } });
  test.each([
    ['InitStep.waitForTcp', () => InitStep.waitForTcp(trap({}) as any, 5432)],
    ['Sidecar.container()', () => Sidecar.container(trap({ name: 'a', image: 'busybox' }) as any)],
    ['Workload.pod()', () => (Workload.pod as any)(trap({}))],
    ['ServiceTarget.fromLabels()', () => ServiceTarget.fromLabels(trap({ app: 'web' }) as any)],
    ['ResourcePreset.custom()', () => ResourcePreset.custom(trap({ limits: { cpu: '1' } }) as any)],
    ['InitStep.container()', () => InitStep.container(trap({ name: 'a', image: 'busybox' }) as any)],
  ])('GIVEN %s WHEN called with it THEN the error names the factory', (subject, make) => {
    expect(errorOf(make)).toMatch(new RegExp(`^${subject.replace(/[.()]/g, (ch) => `\\${ch}`)}: reading the options threw: (KEYS|PROTO); pass plain objects and lists \\(not a Proxy\\)\\.$`));
  });
});
