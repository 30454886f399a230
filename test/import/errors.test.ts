import * as fs from 'fs';
import * as path from 'path';
import { ManifestImport } from '../../src';

/** The error of importing these sources (fails if the import succeeds). */
function importError(name: string, content: string): string {
  try {
    ManifestImport.fromSources([{ name, content }]);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the import to fail, but it succeeded');
}

describe('import of bad input: a clear error, with file, line and column', () => {
  test('GIVEN YAML that does not parse WHEN imported THEN the error names the file, line and column', () => {
    const message = importError('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {app: [web}\n');
    expect(message).toEqual([
      'cdk8s-pod-patterns import: the input cannot be imported:',
      '  bad.yaml:5:21: the YAML does not parse: Flow sequence in block collection must be sufficiently indented and end with a ]; if the collection is closed, kubectl reads its continuation lines as written, but the yaml package cdk8s reads YAML with wants them indented deeper than their key (and without tabs): indent them (or close the collection).',
    ].join('\n'));
  });

  test('GIVEN documents without kind or apiVersion WHEN imported THEN each is reported where it starts', () => {
    const message = importError('partial.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n---\nkind: ConfigMap\nmetadata:\n  name: cfg\n');
    expect(message).toEqual([
      'cdk8s-pod-patterns import: 2 problems in the input:',
      '  partial.yaml:1:1: object x: kind: is missing; add it (e.g. kind: Deployment).',
      '  partial.yaml:5:1: ConfigMap cfg: apiVersion: is missing; add it (e.g. apiVersion: apps/v1 for a Deployment).',
    ].join('\n'));
  });

  test.each([
    ['batch/v1beta1', 'CronJob', 'spec:\n  schedule: "* * * * *"\n', '(it was removed in 1.25)', 'batch/v1'],
    ['extensions/v1beta1', 'Deployment', 'spec: {}\n', '(it was removed in 1.16)', 'apps/v1'],
    ['v2', 'Pod', 'spec: {}\n', '', 'v1'],
  ])('GIVEN a %s %s, a version Kubernetes 1.32 does not serve WHEN imported THEN it is refused with the version to write, not kept as an ApiObject (review 35 E3)',
    (apiVersion, kind, spec, removed, served) => {
      const message = importError('old.yaml', `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n${spec}`);
      expect(message).toContain(`old.yaml:1: ${kind} x: apiVersion "${apiVersion}" does not serve ${kind} in Kubernetes 1.32${removed ? ` ${removed}` : ''}, so kubectl apply would fail `
        + `("no matches for kind"); write apiVersion: ${served}.`);
    });

  test('GIVEN a misspelt or lowercase kind of apps/v1 or v1 WHEN imported THEN it is refused with the kind meant, not kept as an ApiObject (review 37 H2)', () => {
    const message = importError('kinds.yaml', 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: web\nspec: {}\n---\napiVersion: v1\nkind: pod\nmetadata:\n  name: p\nspec: {}\n');
    expect(message).toContain('kinds.yaml:1: Deploymnet web: kind "Deploymnet" is not a kind of apiVersion apps/v1 in Kubernetes 1.32, so kubectl apply would fail ("no matches for kind"); did you mean Deployment?');
    expect(message).toContain('kinds.yaml:7: pod p: kind "pod" is not a kind of apiVersion v1 in Kubernetes 1.32, so kubectl apply would fail ("no matches for kind"); did you mean Pod?');
  });

  test('GIVEN a kind of another built-in version (v1 Ingress, apps/v1 HorizontalPodAutoscaler) WHEN imported THEN the message names the version to write (review 38 J9)', () => {
    const message = importError('v.yaml', 'apiVersion: v1\nkind: Ingress\nmetadata:\n  name: i\nspec: {}\n---\napiVersion: apps/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec: {}\n');
    expect(message).toContain('v.yaml:1: Ingress i: kind "Ingress" is not a kind of apiVersion v1 in Kubernetes 1.32, so kubectl apply would fail ("no matches for kind"); write apiVersion: networking.k8s.io/v1.');
    expect(message).toContain('write apiVersion: autoscaling/v2.');
  });

  test('GIVEN a kind whose versions in the 1.28 list are all beta or alpha (v1 FlowSchema) WHEN imported THEN no such version is suggested, only its API group (review 39 K5)', () => {
    const message = importError('f.yaml', 'apiVersion: v1\nkind: FlowSchema\nmetadata:\n  name: x\nspec: {}\n');
    expect(message).toContain('it is a kind of the flowcontrol.apiserver.k8s.io API group: write the version of it your cluster serves (kubectl api-resources).');
    expect(message).not.toContain('v1beta3');
  });

  test('GIVEN a core v1 Event, which cdk8s-plus-28 has no class for WHEN imported THEN it is written (review 38 J4)', () => {
    const result = ManifestImport.fromSources([{ name: 'e.yaml', content: 'apiVersion: v1\nkind: Event\nmetadata:\n  name: e\ninvolvedObject: {kind: Pod, name: p}\nreason: Started\n' }]);
    expect(result.code).toContain("kind: 'Event'");
  });

  test('GIVEN a Secret, a PersistentVolumeClaim and an Ingress with values of the wrong JSON type WHEN imported THEN each is refused at its field, not written into an app that does not compile (review 37 I2)', () => {
    const message = importError('types.yaml', [
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  typo: 1\n',
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: pvc\nspec:\n  accessModes: ReadWriteOnce\n  resources: {requests: {storage: [1Gi]}}\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\nspec:\n  rules: {host: example.com}\n',
    ].join('---\n'));
    expect(message).toContain('Secret s: data.typo: 1 is a number, but Secret.data takes base64-encoded bytes (a string such as "aGk=") (the API server cannot decode it)');
    expect(message).toContain('PersistentVolumeClaim pvc: spec.accessModes: "ReadWriteOnce" is a string, but PersistentVolumeClaimSpec.accessModes takes a list (the API server cannot decode it)');
    expect(message).toContain('PersistentVolumeClaim pvc: spec.resources.requests[storage]: ["1Gi"] is a list, but VolumeResourceRequirements.requests takes a quantity');
    expect(message).toContain('Ingress ing: spec.rules: {"host":"example.com"} is an object, but IngressSpec.rules takes a list (the API server cannot decode it)');
  });

  test('GIVEN a field newer than 1.28 with a plain value of the wrong type WHEN imported THEN it is refused as the API server would (review 37 I2)', () => {
    expect(importError('new.yaml', 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: pvc\nspec:\n  volumeAttributesClassName: 5\n'))
      .toContain('spec.volumeAttributesClassName: 5 is a number, but PersistentVolumeClaimSpec.volumeAttributesClassName takes a string; write it as a string: "5" (the API server cannot decode it)');
  });

  test('GIVEN a custom resource whose kind is named like a built-in one (Knative serving.knative.dev/v1 Service) WHEN imported THEN it is written, not refused as unserved (review 37 H1)', () => {
    const app = ManifestImport.fromSources([{ name: 'ksvc.yaml', content: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: hello\nspec:\n  template: {}\n' }]);
    expect(app.code).toContain("apiVersion: 'serving.knative.dev/v1'");
  });

  test('GIVEN a document that is not a mapping WHEN imported THEN it says what it is', () => {
    expect(importError('text.yaml', 'hello\n')).toContain('text.yaml:1: the document is the string "hello", not a Kubernetes object');
  });

  test('GIVEN an object without a name WHEN imported THEN it says cdk8s needs one', () => {
    expect(importError('gen.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: cfg-\n'))
      .toContain('gen.yaml:4:3: ConfigMap (no name): metadata.name: is missing (generateName "cfg-" is left to the API server, which cdk8s cannot do); cdk8s writes every object with a name: add one.');
  });

  test('GIVEN a name YAML 1.1 reads as a boolean WHEN imported THEN it says to quote it', () => {
    expect(importError('y.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n'))
      .toContain('y.yaml:4:3: ConfigMap (no name): metadata.name: true is not a name; quote it (YAML 1.1, which Kubernetes reads, takes y, yes, on and off for booleans and 0644 for a number).');
  });

  test('GIVEN objects the library validation rejects WHEN imported THEN every message of every object is reported, at its line', () => {
    const yaml = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: Bad_Name',
      'spec:',
      '  containers:',
      '  - name: web',
      '    image: nginx',
      '    ports:',
      '    - containerPort: 70000',
      '  - name: web',
      '    image: nginx',
      '',
    ].join('\n');
    const message = importError('invalid.yaml', yaml);
    expect(message.split('\n')).toEqual([
      'cdk8s-pod-patterns import: 3 problems in the input:',
      expect.stringMatching(/^ {2}invalid\.yaml:4:3: Pod Bad_Name: metadata\.name: "Bad_Name" is not valid as an object name: .*\.$/),
      '  invalid.yaml:10:7: Pod Bad_Name: spec.containers[0].ports[0].containerPort: 70000 is not a valid port number; use an integer between 1 and 65535.',
      expect.stringMatching(/^ {2}invalid\.yaml:11:5: Pod Bad_Name: spec\.containers\[1\]\.name: container name "web" is already used by spec\.containers\[0\]; .*\.$/),
    ]);
  });

  test('GIVEN unknown fields WHEN imported THEN each is reported at its line, with the field probably meant', () => {
    const yaml = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  lables: {app: web}',
      'spec:',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '      containers:',
      '      - name: web',
      '        image: nginx',
      '        imagePullPolcy: Always',
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata: {name: creds}',
      'stringdata: {password: x}',
      '',
    ].join('\n');
    expect(importError('unknown.yaml', yaml).split('\n')).toEqual([
      'cdk8s-pod-patterns import: 3 problems in the input:',
      '  unknown.yaml:5:3: Deployment web: metadata.lables: is not a field of ObjectMeta; did you mean labels?',
      '  unknown.yaml:14:9: Deployment web: spec.template.spec.containers[0].imagePullPolcy: is not a field of Container; did you mean imagePullPolicy?',
      '  unknown.yaml:19:1: Secret creds: stringdata: is not a field of Secret in Kubernetes 1.32; did you mean stringData?',
    ]);
  });

  test('GIVEN the node affinity example of an older kubernetes.io page (a list where an object goes) WHEN imported THEN the decode error is reported', () => {
    const yaml = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'import', 'bad-node-affinity.yaml'), 'utf8');
    expect(importError('bad-node-affinity.yaml', yaml)).toContain(
      'bad-node-affinity.yaml:11:7: Pod with-node-affinity: spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution: is a list, but NodeAffinity.requiredDuringSchedulingIgnoredDuringExecution takes an object (NodeSelector) (the API server cannot decode it).',
    );
  });

  test('GIVEN problems in two files WHEN imported THEN both files are reported at once', () => {
    let message = '';
    try {
      ManifestImport.fromSources([{ name: 'a.yaml', content: 'kind: Pod\n' }, { name: 'b.yaml', content: 'x: [\n' }]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('  a.yaml:1:1: ');
    expect(message).toContain('  b.yaml:');
  });

  test('GIVEN the API misused from plain JavaScript WHEN called THEN it says what it takes', () => {
    expect(() => ManifestImport.fromSources([] as any)).toThrow('ManifestImport: sources: give at least one { name, content }.');
    expect(() => ManifestImport.fromSources([{ name: 'a.yaml' }] as any)).toThrow('ManifestImport: sources[0]: content: is missing; ManifestSource.content is required.');
    expect(() => ManifestImport.fromSources([{ name: 'a.yaml', contnt: 'x' }] as any)).toThrow('contnt: is not a field of ManifestSource; did you mean content?');
    expect(() => ManifestImport.fromSources({ name: 'a.yaml', content: 'x'.repeat(500) } as any)).toThrow(
      /^ManifestImport: sources: \{"name":"a\.yaml","content":"x+\.\.\.x+"\} \(530 characters\) is not a list of \{ name, content \}; write a list: \[\{ name, content \}\]\.$/);
    expect(() => ManifestImport.fromFiles('a.yaml' as any)).toThrow('ManifestImport.fromFiles: files: "a.yaml" is a string, not a list of files; write ["a.yaml"].');
    expect(() => ManifestImport.fromFiles([])).toThrow('ManifestImport.fromFiles: files: give at least one YAML file (or "-" for standard input).');
    expect(() => ManifestImport.fromFiles(['/no/such/file.yaml'])).toThrow(/\/no\/such\/file\.yaml: cannot be read: ENOENT/);
    expect(() => ManifestImport.check(42 as any, [{ name: 'a', content: '' }])).toThrow('ManifestImport.check: code: 42 is not a program; pass the generated code as a string.');
  });
});

describe('import of objects no construct can express', () => {
  test('GIVEN a kind cdk8s-plus-28 has no class for WHEN imported THEN it is a cdk8s ApiObject, with a comment saying why', () => {
    const result = ManifestImport.fromSources([{ name: 'crd.yaml', content: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 3}\n' }], { check: true });
    expect(result.differences).toEqual([]);
    expect(result.code).toContain("// Widget (example.com/v1) has no class in cdk8s-plus-28: written as a cdk8s ApiObject.\nnew ApiObject(chart, 'w', {");
  });

  test('GIVEN a Service field ExposedService lacks WHEN imported THEN it is the L1 KubeService, with a comment naming the field', () => {
    const yaml = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n  loadBalancerIP: 10.0.0.1\n  type: LoadBalancer\n';
    const result = ManifestImport.fromSources([{ name: 'svc.yaml', content: yaml }], { check: true });
    expect(result.differences).toEqual([]);
    expect(result.code).toContain('// ExposedService cannot express spec.loadBalancerIP: written with the L1 class.\nnew k8s.KubeService(chart, \'web\', {');
  });

  test('GIVEN "" for Service enum fields the API server defaults WHEN imported THEN the L1 comment says an enum prop takes "" only through a cast (review 28 A1)', () => {
    const yaml = 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: ""\n  selector: {app: a}\n  sessionAffinity: ""\n  ports: [{port: 80, protocol: ""}]\n';
    const result = ManifestImport.fromSources([{ name: 'svc.yaml', content: yaml }], { check: true });
    expect(result.differences).toEqual([]);
    expect(result.code).toContain('// ExposedService cannot express spec.sessionAffinity: "", spec.ports[0].protocol: "" (an enum prop takes "" only\n// through a cast in TypeScript): written with the L1 class.');
  });

  test('GIVEN a Service whose named targetPort the pod it selects does not have WHEN imported THEN it keeps its selector, with the library\'s reason', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec:\n  containers: [{name: c, image: nginx}]\n---\n'
      + 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: p}\n  ports: [{port: 80, targetPort: http}]\n';
    const result = ManifestImport.fromSources([{ name: 'svc.yaml', content: yaml }], { check: true });
    expect(result.differences).toEqual([]);
    expect(result.code).toContain([
      '// Selects its pods by label, not as target: with target the library reports spec.ports[0].targetPort: "http" names no',
      "// container port of PlainPod 'p'; use one of (none: name a container port first) or a port number (this library's",
      '// contract).',
      "new ExposedService(chart, 's', {",
      "  metadata: { name: 's' },",
      "  selector: { app: 'p' },",
    ].join('\n'));
  });

  test('GIVEN a kubectl List WHEN imported THEN its items are the objects', () => {
    const yaml = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n  data: {x: "1"}\n';
    const result = ManifestImport.fromSources([{ name: 'list.yaml', content: yaml }], { check: true });
    expect(result.objectCount).toBe(1);
    expect(result.code).toContain("new k8s.KubeConfigMap(chart, 'a', { metadata: { name: 'a' }, data: { x: '1' } });");
  });

  test('GIVEN YAML 1.1 scalars WHEN imported THEN they are read as Kubernetes reads them (octal modes, unquoted times stay strings)', () => {
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  at: 2024-01-01\n  hhmm: 12:30\n';
    const result = ManifestImport.fromSources([{ name: 'a.yaml', content: yaml }], { check: true });
    expect(result.code).toContain("data: { at: '2024-01-01', hhmm: '12:30' }");
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox}]\n  volumes: [{name: v, configMap: {name: a, defaultMode: 0644}}]\n';
    expect(ManifestImport.fromSources([{ name: 'p.yaml', content: pod }]).code).toContain('defaultMode: 420');
  });
});

describe('import: one problem per field of a kind without a construct (review 68 L1)', () => {
  test('GIVEN an Ingress annotation that YAML 1.1 reads as a boolean WHEN imported THEN it is reported once, as written', () => {
    const message = importError('ing.yaml', [
      'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: ing', '  annotations:', '    nginx.ingress.kubernetes.io/ssl-redirect: off',
      'spec:', '  defaultBackend: {service: {name: web, port: {number: 80}}}', '',
    ].join('\n'));
    expect(message).toEqual([
      'cdk8s-pod-patterns import: the input cannot be imported:',
      '  ing.yaml:6:5: Ingress ing: metadata.annotations[nginx.ingress.kubernetes.io/ssl-redirect]: off is the boolean false to Kubernetes (YAML 1.1), but ObjectMeta.annotations takes a string '
      + '(the API server cannot decode it); quote it as you mean it: "off".',
    ].join('\n'));
  });
});

describe('import: a field whose type changed since the L1 classes (review 69 N3)', () => {
  test('GIVEN a PersistentVolumeClaim with resources.claims, which 1.32 has no longer WHEN imported THEN it is refused', () => {
    const message = importError('pvc.yaml', [
      'apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata: {name: pvc}',
      'spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}, claims: [{name: gpu}]}}', '',
    ].join('\n'));
    expect(message).toContain('PersistentVolumeClaim pvc: spec.resources.claims: is not a field of VolumeResourceRequirements in Kubernetes 1.32; remove it (its fields: limits, requests): the API server rejects unknown fields');
  });

  test('GIVEN a PersistentVolumeClaim whose resources are no object WHEN imported THEN the field is named with the type it takes (review 70 Q5)', () => {
    const message = importError('pvc.yaml', 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: pvc}\nspec: {accessModes: [ReadWriteOnce], resources: 5}\n');
    expect(message).toContain('PersistentVolumeClaim pvc: spec.resources: 5 is a number, but PersistentVolumeClaimSpec.resources takes an object (VolumeResourceRequirements) (the API server cannot decode it)');
  });
});
