import { importError, imported } from './manifests';
import { ManifestImport } from '../../src';

/**
 * Inputs of an adversarial review of the importer: each was lost, changed, refused with an
 * internal error, or turned into code that does not compile.
 */

describe('import of keys and numbers that JavaScript cannot hold', () => {
  test('GIVEN a ConfigMap data key __proto__ WHEN imported THEN it is refused with the file, object, field, value and a fix, never dropped', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: odd}\ndata:\n  __proto__: "v"\n  normal: "1"\n';
    expect(importError('proto.yaml', yaml)).toContain(
      'proto.yaml:5:3: ConfigMap odd: data.__proto__: the key "__proto__" (value "v") cannot be written by cdk8s: JavaScript takes it for an object\'s prototype, '
      + 'so cdk8s would drop it without a word (and refuses a JSON patch of it); rename the key, or apply this object with kubectl outside the cdk8s app.',
    );
  });

  test('GIVEN a __proto__ key deep in a custom resource WHEN imported THEN it is refused at its line', () => {
    const yaml = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  settings:\n    __proto__: {polluted: true}\n';
    expect(importError('cr.yaml', yaml)).toContain('cr.yaml:6:5: Widget w: spec.settings.__proto__: the key "__proto__" (value {"polluted":true}) cannot be written by cdk8s');
  });

  test('GIVEN an integer beyond 2^53 WHEN imported THEN it is refused with the value as written, not rounded', () => {
    const yaml = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  activeDeadlineSeconds: 9007199254740993\n  template:\n    spec:\n'
      + '      restartPolicy: Never\n      containers: [{name: c, image: busybox}]\n';
    expect(importError('big.yaml', yaml)).toContain(
      'big.yaml:5:3: Job j: spec.activeDeadlineSeconds: 9007199254740993 is an integer beyond 2^53 (9007199254740991): JavaScript numbers, and so cdk8s, '
      + 'cannot hold it exactly (it would be written as 9007199254740992); write an integer between -9007199254740991 and 9007199254740991.',
    );
  });

  test('GIVEN the int64 maximum WHEN imported THEN the message shows it as written, not as 9223372036854776000', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  terminationGracePeriodSeconds: 9223372036854775807\n  containers: [{name: c, image: busybox}]\n';
    const message = importError('max.yaml', yaml);
    expect(message).toContain('max.yaml:5:3: Pod p: spec.terminationGracePeriodSeconds: 9223372036854775807 is an integer beyond 2^53');
    expect(message).not.toContain('9223372036854776000 is out of range');
  });

  test('GIVEN safe integers, octal and negative numbers WHEN imported THEN they are still plain numbers', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  terminationGracePeriodSeconds: 9007199254740991\n  containers: [{name: c, image: busybox}]\n'
      + '  volumes: [{name: v, configMap: {name: a, defaultMode: 0644}}]\n';
    const result = imported('safe.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain('terminationGracePeriodSeconds: 9007199254740991');
    expect(result.code).toContain('defaultMode: 420');
  });
});

describe('import of inputs that gave internal errors or code that does not compile', () => {
  test('GIVEN a file with no objects WHEN imported THEN the chart is created without an unused variable', () => {
    const result = imported('empty.yaml', '# nothing to import yet\n');
    expect(result.objectCount).toBe(0);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("new Chart(app, 'empty');");
    expect(result.code).not.toContain('const chart');
  });

  test('GIVEN a typed list (kind: ConfigMapList) WHEN imported THEN its items are the objects', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMapList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n- metadata: {name: two}\n';
    const result = imported('list.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.objectCount).toBe(2);
    expect(result.code).toContain("new k8s.KubeConfigMap(chart, 'one', { metadata: { name: 'one' } });");
    expect(result.code).toContain("new k8s.KubeConfigMap(chart, 'two', { metadata: { name: 'two' } });");
  });

  test('GIVEN an object nested deeper than the YAML parser goes WHEN imported THEN it names the file and the fix, not "Maximum call stack size exceeded"', () => {
    const yaml = `apiVersion: example.com/v1\nkind: Deep\nmetadata:\n  name: deep\nspec: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`;
    const message = importError('deep.yaml', yaml);
    expect(message).not.toContain('Maximum call stack');
    expect(message).toContain('deep.yaml: the YAML is nested too deeply for the yaml package cdk8s reads YAML with (its parser ran out of stack); '
      + 'flatten it (the importer reads up to 200 levels), or apply it with kubectl outside the cdk8s app.');
  });

  test('GIVEN an object nested 300 levels deep WHEN imported THEN it says where and why, not "Maximum call stack size exceeded"', () => {
    const yaml = `apiVersion: example.com/v1\nkind: Deep\nmetadata:\n  name: deep\nspec: ${'{a: '.repeat(300)}1${'}'.repeat(300)}\n`;
    const message = importError('deep.yaml', yaml);
    expect(message).not.toContain('Maximum call stack');
    expect(message).toMatch(/deep\.yaml:5:\d+: Deep deep: spec(\.a)+: is nested more than 200 levels deep, deeper than the importer reads; flatten it, /);
  });

  test('GIVEN an object named constructor WHEN imported THEN it round-trips under another construct id', () => {
    const result = imported('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: constructor}\ndata: {a: "1"}\n');
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("new k8s.KubeConfigMap(chart, 'constructor-configmap', {");
  });

  test('GIVEN a file named constructor.yaml WHEN imported THEN its chart gets an id the constructs library accepts', () => {
    const result = imported('constructor.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("new Chart(app, 'constructor-chart')");
  });

  test('GIVEN empty labels and annotations WHEN imported THEN they are read as unset, as Kubernetes does', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: e\n  labels: {}\n  annotations: {}\nspec:\n  containers:\n  - name: app\n    image: nginx\n';
    const result = imported('e.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("new PlainPod(chart, 'e', {");
  });

  test('GIVEN a Service that ExposedService cannot express (clusterIPs) with a field the L1 class lacks too WHEN imported THEN the comment says it is written as an ApiObject', () => {
    const yaml = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: traffic\nspec:\n  selector: {app: x}\n  clusterIP: 10.96.0.10\n  clusterIPs: [10.96.0.10]\n  ports: [{port: 80}]\n  trafficDistribution: PreferClose\n';
    const result = imported('svc.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain(
      '// ExposedService cannot express spec.clusterIPs: written as a cdk8s ApiObject (the L1 class k8s.KubeService would not\n// write it exactly either).',
    );
    expect(result.code).not.toContain('written with the L1 class');
  });

  test('GIVEN \\\' in a double-quoted string WHEN imported THEN the message says which reader refuses it and how to write it', () => {
    const message = importError('q.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: q}\ndata:\n  greeting: "it\\\'s here"\n');
    expect(message).toContain('q.yaml:5:');
    expect(message).toContain("the YAML does not parse: Invalid escape sequence \\'; the yaml package cdk8s reads YAML with refuses \\' in a double-quoted string "
      + "(Kubernetes' own reader takes it as '): write ' without the backslash.");
    expect(message).not.toContain('kubectl would reject it too');
  });
});

describe('import of a constructor key, which cdk8s cannot write from props', () => {
  test('GIVEN a ConfigMap data key constructor WHEN imported THEN it is kept with a JSON patch and round-trips', () => {
    const result = imported('keys.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n  constructor: "v"\n');
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("keys.addJsonPatch(JsonPatch.add('/data', { constructor: 'v' }));");
  });

  test('GIVEN a constructor annotation next to others WHEN imported THEN only that key is patched and the object round-trips', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ann\n  annotations: {constructor: "x", other: "y"}\ndata: {a: "1"}\n';
    const result = imported('ann.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("ann.addJsonPatch(JsonPatch.add('/metadata/annotations/constructor', 'x'));");
  });
});

describe('import of fields newer than Kubernetes 1.28 on kinds without a construct of this library', () => {
  test('GIVEN a PersistentVolumeClaim with volumeAttributesClassName (1.29; its gate is off in 1.32) WHEN imported THEN it is refused as vanishing, not kept (review 40 L1)', () => {
    const yaml = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n'
      + '  volumeAttributesClassName: gold\n  resources: {requests: {storage: 10Gi}}\n';
    expect(importError('pvc.yaml', yaml)).toContain('PersistentVolumeClaim data: spec.volumeAttributesClassName: "gold" would vanish (this library\'s contract)');
  });

  test('GIVEN a ReplicaSet pod template with appArmorProfile (1.30) WHEN imported THEN it is kept, written as an ApiObject', () => {
    const yaml = 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n'
      + '    metadata: {labels: {app: a}}\n    spec:\n      securityContext: {appArmorProfile: {type: RuntimeDefault}}\n'
      + '      containers: [{name: c, image: nginx}]\n';
    expect(imported('rs.yaml', yaml).code).toContain("securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }");
  });

  test('GIVEN a field no Kubernetes version has WHEN imported THEN it is still refused with the nearest name', () => {
    const yaml = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n'
      + '  storageClasName: fast\n  resources: {requests: {storage: 10Gi}}\n';
    expect(importError('pvc.yaml', yaml)).toContain('spec.storageClasName: is not a field of PersistentVolumeClaimSpec in Kubernetes 1.32; did you mean storageClassName?');
  });
});

describe('ManifestImport.fromSources() from plain JavaScript', () => {
  const source = { name: 'cm.yaml', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n' };

  test.each([
    [{ chek: true }, 'ManifestImport.fromSources(): chek: is not a field of ManifestImportOptions; did you mean check?'],
    [{ check: 'true' }, 'ManifestImport.fromSources(): check: "true" is a string, but ManifestImportOptions.check takes a boolean (true or false); write true without quotes.'],
    [null, 'ManifestImport.fromSources(): is null, but ManifestImportOptions is an object of fields; pass { ... }.'],
  ])('GIVEN the options %p WHEN imported THEN they are refused, never read as no check', (options, message) => {
    expect(() => ManifestImport.fromSources([source], options as any)).toThrow(message);
  });

  test('GIVEN a source with an unknown key or a hole in the list WHEN imported THEN each is refused by position', () => {
    expect(() => ManifestImport.fromSources([{ ...source, chek: true } as any])).toThrow('ManifestImport: sources[0]: chek: is not a field of ManifestSource; remove it (its fields: name, content).');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => ManifestImport.fromSources([, source] as any)).toThrow('ManifestImport: sources[0]: undefined is not a { name, content } of strings.');
  });
});

describe('import of plain scalars and keys as Kubernetes reads them (go-yaml v2, review 9)', () => {
  test('GIVEN label keys e1, e2 and the values ".", e2 WHEN imported THEN they stay the strings kubectl reads, not NaN', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: {e1: a, e2: b}\nspec:\n  nodeSelector: {cloud.google.com/machine-family: e2}\n'
      + '  containers: [{name: c, image: busybox, command: [du, -sh, .]}]\n';
    const result = imported('nan.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("labels: { e1: 'a', e2: 'b' }");
    expect(result.code).toContain("command: ['du', '-sh', '.']");
    expect(result.code).toContain("'cloud.google.com/machine-family': 'e2'");
  });

  test('GIVEN the mixed-case words fALSE and nO in a custom resource WHEN imported THEN they stay strings (go-yaml takes only its listed spellings)', () => {
    const yaml = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  enabled: fALSE\n  flag: nO\n  nO: key\n';
    const result = imported('case.yaml', yaml);
    expect(result.code).toContain("spec: { enabled: 'fALSE', flag: 'nO', nO: 'key' }");
  });

  test('GIVEN replicas: 0o3 and containerPort: 0X50 WHEN imported THEN they are the numbers 3 and 80, as kubectl reads them', () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 0o3\n  selector: {matchLabels: {app: d}}\n  template:\n'
      + '    metadata: {labels: {app: d}}\n    spec:\n      containers: [{name: c, image: nginx, ports: [{containerPort: 0X50}]}]\n';
    const result = imported('go-ints.yaml', yaml);
    expect(result.differences).toEqual([]);
    expect(result.code).toContain('replicas: 3');
    expect(result.code).toContain('containerPort: 80');
  });

  test('GIVEN "0o17" and U+2028 in a custom resource and an L1 kind WHEN imported THEN the yaml-scalars contract refuses them as for the validated kinds', () => {
    const yaml = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  mode: "0o17"\n  note: "a\\u2028b"\n---\n'
      + 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\nspec:\n  minAvailable: "0O1"\n  selector: {matchLabels: {app: a}}\n';
    const message = importError('scalars.yaml', yaml);
    expect(message).toContain('scalars.yaml:5:3: Widget w: spec.mode: "0o17" would be written unquoted by cdk8s and read back by kubectl as a number');
    expect(message).toContain('scalars.yaml:6:3: Widget w: spec.note: "a\\u2028b" contains U+2028 (at index 1)');
    expect(message).toContain('scalars.yaml:12:3: PodDisruptionBudget pdb: spec.minAvailable: "0O1" would be written unquoted by cdk8s');
  });

  test('GIVEN float keys that Kubernetes renames WHEN imported THEN they are refused naming the key as written and the name Kubernetes gives it', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: versions\n  labels:\n    1000000.0: "x"\ndata:\n  0.1234567891: "pi-ish"\n  0.5: "half"\n';
    const message = importError('floats.yaml', yaml);
    expect(message).toContain('floats.yaml:6:5: ConfigMap versions: metadata.labels: the key 1000000.0 is a floating-point number to Kubernetes (YAML 1.1), '
      + 'which names the key "1e+06"');
    expect(message).toContain('floats.yaml:8:3: ConfigMap versions: data: the key 0.1234567891 is a floating-point number to Kubernetes (YAML 1.1), which names the key "0.12345679"');
    expect(message).not.toContain('0.5');
  });

  test('GIVEN a null key in a custom resource WHEN imported THEN it is refused as kubectl refuses it, not turned into an empty key', () => {
    const yaml = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  ~: a\n';
    expect(importError('null-key.yaml', yaml)).toContain('null-key.yaml:5:3: Widget w: spec: the key ~ is null to Kubernetes (YAML 1.1), '
      + 'and Kubernetes refuses a null key ("unsupported map key")');
  });

  test('GIVEN a data key written twice WHEN imported THEN the message names the key and says that kubectl keeps the last value', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dup}\ndata:\n  a: "1"\n  a: "2"\n';
    const message = importError('dup.yaml', yaml);
    expect(message).toContain('dup.yaml:6:3: ConfigMap dup: data: the key "a" is written twice (lines 5 and 6): kubectl reads the file and keeps the last value ("2")');
    expect(message).not.toContain('kubectl would reject it too');
  });

  test('GIVEN the keys 1 and "1" in one mapping WHEN imported THEN they are refused: Kubernetes keeps one of them in no defined order', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: one}\ndata:\n  1: a\n  "1": b\n';
    expect(importError('one.yaml', yaml)).toContain('one.yaml:6:3: ConfigMap one: data: the key "1" is written twice (lines 5 and 6): '
      + 'kubectl reads the file and keeps one of the two values, and which one is not defined (Go map order)');
  });

  test('GIVEN a misspelt key inside appArmorProfile (newer than 1.28) WHEN imported THEN it is refused against the 1.32 type', () => {
    const yaml = 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n'
      + '    metadata: {labels: {app: a}}\n    spec:\n      securityContext: {appArmorProfile: {type: RuntimeDefault, localhostProfil: x}}\n'
      + '      containers: [{name: c, image: nginx}]\n';
    expect(importError('apparmor.yaml', yaml)).toContain(
      'apparmor.yaml:9:65: ReplicaSet rs: spec.template.spec.securityContext.appArmorProfile.localhostProfil: is not a field of AppArmorProfile; did you mean localhostProfile?',
    );
  });

  test('GIVEN typed-list items with only a kind or only an apiVersion WHEN imported THEN they are refused: kubectl fills both only when both are missing', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMapList\nitems:\n- kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  metadata: {name: b}\n';
    const message = importError('partial.yaml', yaml);
    expect(message).toContain("partial.yaml:4:3: ConfigMap a: apiVersion: is missing; an item of a ConfigMapList gets the list's apiVersion and kind only when it has neither "
      + "(kubectl: apimachinery decodeToList), and this one has a kind, so its apiVersion stays empty; add it (the list's is apiVersion: v1).");
    expect(message).toContain("partial.yaml:6:3: object b: kind: is missing; an item of a ConfigMapList gets the list's apiVersion and kind only when it has neither");
  });

  // kubectl reads any object with an `items` field as a list (apimachinery unstructuredJSONScheme.decode: `if det.Items != nil`).
  test('GIVEN a custom resource with an items field WHEN imported THEN it is refused: kubectl would apply the items, not the object', () => {
    const yaml = 'apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n';
    expect(importError('foo.yaml', yaml)).toContain('foo.yaml:4:1: Foo f: items: kubectl reads an object with an items field as a list, whatever its kind, '
      + 'so it would apply the objects under items, not this Foo; write a list as kind: List (apiVersion: v1), or remove the items field from the object.');
    expect(importError('foo.json', JSON.stringify({ apiVersion: 'example.com/v1', kind: 'Foo', metadata: { name: 'f' }, items: null })))
      .toContain('Foo f: items: kubectl reads an object with an items field as a list, whatever its kind, so it would apply nothing, not this Foo;');
  });

  test('GIVEN a list or an object whose items field is not a list WHEN imported THEN it is refused: kubectl cannot read it', () => {
    expect(importError('list.yaml', 'apiVersion: v1\nkind: List\nitems: 5\n')).toContain('list.yaml:3:1: List: items: 5 is not a list: kubectl reads an object with '
      + 'an items field as a list of objects, whatever its kind, so it cannot read the file; write the objects as a list under items, or remove the field.');
    expect(importError('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nitems: {a: b}\n'))
      .toContain('cm.yaml:4:1: ConfigMap c: items: {"a":"b"} is not a list: kubectl reads an object with an items field as a list of objects');
  });
});
