import * as fc from 'fast-check';
import { inProcessProblems } from './k8s-validators';
import { Problems } from '../src/problems';
import { validateObject } from '../src/validation';

/**
 * Property-based tests of the pod-level rules: random Pods with volumes of every source,
 * affinity, tolerations, topology spread, DNS config and host aliases. Valid ones pass
 * `validateObject` and the offline schema checks; each breaking change is reported at its field;
 * random JSON in those fields never makes the validation throw.
 *
 * Locally every run draws new values; set FC_SEED to replay one. On CI (CI=true) the seed is
 * fixed, as in test/properties.test.ts.
 */
const fcSeed = process.env.FC_SEED ?? (process.env.CI ? '20261125' : undefined);
if (fcSeed) {
  fc.configureGlobal({ seed: Number(fcSeed) });
}

const VALID_RUNS = Number(process.env.PROP_RUNS ?? 150);
const INVALID_RUNS = Number(process.env.PROP_RUNS ?? 150);
const FUZZ_RUNS = Number(process.env.PROP_RUNS ?? 300);

// ---- values ---------------------------------------------------------------------------------

/** Strings kubectl's YAML reader may take for numbers are rejected by this library (yaml-scalars.ts). */
const numberLike = (v: string): boolean => /^[-+]?(0b[-+]?[01]+|0[oOxXbB][0-9a-fA-F]+|[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?)$/.test(v.replace(/_/g, ''));
const safe = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => a.filter((v) => !numberLike(v));
const dnsLabel = safe(fc.stringMatching(/^[a-z]([-a-z0-9]{0,12}[a-z0-9])?$/));
const subdomain = fc.array(dnsLabel, { minLength: 1, maxLength: 3 }).map((l) => l.join('.'));
const labelKey = fc.tuple(fc.option(subdomain, { nil: undefined }), safe(fc.stringMatching(/^[A-Za-z]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/)))
  .map(([prefix, name]) => (prefix ? `${prefix}/${name}` : name));
const labelValue = safe(fc.stringMatching(/^[A-Za-z]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/));
const relPath = fc.array(safe(fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/)), { minLength: 1, maxLength: 3 }).map((p) => p.join('/'));
const absPath = relPath.map((p) => `/${p}`);
/** IPv4 with octets written with or without leading zeros (1.32 accepts both), or IPv6. */
const ip = fc.oneof(
  fc.tuple(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), fc.boolean())
    .map(([o, pad]) => o.map((n) => (pad ? String(n).padStart(3, '0') : String(n))).join('.')),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((g) => g.map((n) => n.toString(16)).join(':')),
  fc.constantFrom('::1', '2001:db8::53', '::ffff:10.0.0.1'),
);
const mode = fc.option(fc.integer({ min: 0, max: 0o777 }), { nil: undefined });

// ---- volume sources -------------------------------------------------------------------------

const keyToPaths = fc.uniqueArray(fc.record({ key: safe(fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/)).filter((k) => k !== '.' && k !== '..'), path: relPath, mode }), { maxLength: 3, selector: (i) => i.path })
  .map((items) => items.map((i) => (i.mode === undefined ? { key: i.key, path: i.path } : i)));
const fieldPath = fc.constantFrom('metadata.name', 'metadata.namespace', 'metadata.uid', 'metadata.labels', 'metadata.annotations', "metadata.labels['app']");
const downwardItems = fc.uniqueArray(fc.oneof(
  fc.record({ path: relPath, fieldRef: fieldPath.map((f) => ({ fieldPath: f })) }),
  fc.record({ path: relPath, resourceFieldRef: fc.record({ containerName: fc.constant('c'), resource: fc.constantFrom('limits.cpu', 'requests.memory', 'limits.ephemeral-storage'), divisor: fc.constant('1') }) }),
), { maxLength: 3, selector: (i: any) => i.path });

/** One valid source of every kind the Kubernetes 1.28 schema has. */
const sources: { [name: string]: fc.Arbitrary<any> } = {
  emptyDir: fc.record({ medium: fc.constantFrom('', 'Memory'), sizeLimit: fc.constantFrom('1Gi', '500Mi', 1024) }, { requiredKeys: [] }),
  hostPath: fc.record({ path: absPath, type: fc.constantFrom('', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket', 'CharDevice', 'BlockDevice') }, { requiredKeys: ['path'] }),
  secret: fc.record({ secretName: subdomain, items: keyToPaths, defaultMode: mode }).map((s) => JSON.parse(JSON.stringify(s))),
  configMap: fc.record({ name: subdomain, items: keyToPaths, optional: fc.boolean() }),
  downwardAPI: fc.record({ items: downwardItems, defaultMode: mode }).map((s) => JSON.parse(JSON.stringify(s))),
  projected: fc.tuple(keyToPaths, downwardItems, relPath)
    .filter(([a, b, t]) => new Set([...a.map((i) => i.path), ...b.map((i: any) => i.path), t]).size === a.length + b.length + 1)
    .map(([items, dItems, token]) => ({ sources: [{ configMap: { name: 'cm', items } }, { downwardAPI: { items: dItems } }, { serviceAccountToken: { path: token, expirationSeconds: 3600 } }] })),
  persistentVolumeClaim: fc.record({ claimName: subdomain, readOnly: fc.boolean() }),
  ephemeral: fc.record({ storage: fc.constantFrom('1Gi', '10Mi'), mode: fc.constantFrom('ReadWriteOnce', 'ReadWriteOncePod', 'ReadOnlyMany') })
    .map((r) => ({ volumeClaimTemplate: { metadata: { labels: { type: 'scratch' } }, spec: { accessModes: [r.mode], resources: { requests: { storage: r.storage } } } } })),
  nfs: fc.record({ server: subdomain, path: absPath }),
  iscsi: fc.record({ targetPortal: ip.map((a) => `${a}:3260`), iqn: fc.constant('iqn.2001-04.com.example:storage.disk1'), lun: fc.integer({ min: 0, max: 255 }) }),
  fc: fc.record({ targetWWNs: fc.constant(['500a0982991b8dc5']), lun: fc.integer({ min: 0, max: 255 }) }),
  rbd: fc.record({ monitors: fc.constant(['10.16.154.78:6789']), image: dnsLabel }),
  cephfs: fc.record({ monitors: fc.constant(['10.16.154.78:6789']) }),
  cinder: fc.record({ volumeID: dnsLabel }),
  csi: fc.record({ driver: subdomain, readOnly: fc.boolean() }),
  gitRepo: fc.record({ repository: fc.constant('https://example.com/repo.git'), directory: fc.option(relPath, { nil: undefined }) }).map((s) => JSON.parse(JSON.stringify(s))),
  glusterfs: fc.record({ endpoints: dnsLabel, path: dnsLabel }),
  azureFile: fc.record({ secretName: dnsLabel, shareName: dnsLabel }),
  azureDisk: fc.constant({ diskName: 'd', diskURI: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/disks/d', kind: 'Managed' }),
  flexVolume: fc.record({ driver: fc.constant('example.com/lvm'), options: fc.constant({ size: '1' }) }),
  vsphereVolume: fc.record({ volumePath: fc.constant('[datastore1] volumes/v') }),
  photonPersistentDisk: fc.record({ pdID: dnsLabel }),
  portworxVolume: fc.record({ volumeID: dnsLabel }),
  scaleIO: fc.record({ gateway: fc.constant('https://gw'), system: dnsLabel, volumeName: dnsLabel, secretRef: fc.constant({ name: 's' }) }),
  storageos: fc.record({ volumeName: dnsLabel, volumeNamespace: dnsLabel }),
  quobyte: fc.record({ registry: fc.constant('registry:7861'), volume: dnsLabel }),
  flocker: fc.record({ datasetName: dnsLabel }),
  gcePersistentDisk: fc.record({ pdName: dnsLabel, partition: fc.integer({ min: 0, max: 255 }) }),
  awsElasticBlockStore: fc.record({ volumeID: dnsLabel, partition: fc.integer({ min: 0, max: 255 }) }),
};
const SOURCE_NAMES = Object.keys(sources);

/** One volume of each source, in a random order, with unique names (and one without a source). */
const volumes = fc.tuple(fc.shuffledSubarray(SOURCE_NAMES, { minLength: 1 }), fc.boolean())
  .chain(([names, bare]) => fc.tuple(...names.map((n) => sources[n].map((s) => ({ [n]: s })))).map((vs) => [
    ...vs.map((v, i) => ({ name: `v${i}-${Object.keys(v)[0].toLowerCase()}`, ...v })),
    ...(bare ? [{ name: 'bare' }] : []),
  ]));

// ---- scheduling, DNS, host aliases ----------------------------------------------------------

const nodeRequirement = fc.oneof(
  fc.record({ key: labelKey, operator: fc.constantFrom('In', 'NotIn'), values: fc.array(labelValue, { minLength: 1, maxLength: 3 }) }),
  fc.record({ key: labelKey, operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  fc.record({ key: labelKey, operator: fc.constantFrom('Gt', 'Lt'), values: fc.integer({ min: 0, max: 64 }).map((n) => [String(n)]) }),
);
const podTerm = fc.record({
  labelSelector: fc.record({ matchLabels: fc.dictionary(labelKey, labelValue, { minKeys: 1, maxKeys: 2 }) }),
  topologyKey: fc.constantFrom('kubernetes.io/hostname', 'topology.kubernetes.io/zone'),
  namespaces: fc.array(dnsLabel, { maxLength: 2 }),
});
const affinity = fc.record({
  nodeAffinity: fc.record({
    requiredDuringSchedulingIgnoredDuringExecution: fc.array(nodeRequirement, { minLength: 1, maxLength: 2 })
      .map((e) => ({ nodeSelectorTerms: [{ matchExpressions: e }] })),
    preferredDuringSchedulingIgnoredDuringExecution: fc.array(fc.record({
      weight: fc.integer({ min: 1, max: 100 }),
      preference: fc.array(nodeRequirement, { maxLength: 2 }).map((e) => ({ matchExpressions: e })),
    }), { maxLength: 2 }),
  }),
  podAffinity: fc.record({ requiredDuringSchedulingIgnoredDuringExecution: fc.array(podTerm, { maxLength: 2 }) }),
  podAntiAffinity: fc.record({
    preferredDuringSchedulingIgnoredDuringExecution: fc.array(
      fc.record({ weight: fc.integer({ min: 1, max: 100 }), podAffinityTerm: podTerm }),
      { maxLength: 2 },
    ),
  }),
}, { requiredKeys: [] });
const toleration = fc.oneof(
  fc.record({ key: labelKey, operator: fc.constantFrom('Equal', undefined), value: labelValue, effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule', undefined) }),
  fc.record({ key: fc.option(labelKey, { nil: undefined }), operator: fc.constant('Exists') }),
  fc.record({ key: labelKey, operator: fc.constant('Exists'), effect: fc.constant('NoExecute'), tolerationSeconds: fc.integer({ min: 0, max: 3600 }) }),
).map((t) => JSON.parse(JSON.stringify(t)));
const spread = fc.uniqueArray(fc.record({
  maxSkew: fc.integer({ min: 1, max: 5 }),
  topologyKey: fc.constantFrom('topology.kubernetes.io/zone', 'kubernetes.io/hostname', 'example.com/rack'),
  whenUnsatisfiable: fc.constantFrom('DoNotSchedule', 'ScheduleAnyway'),
  labelSelector: fc.record({ matchLabels: fc.dictionary(labelKey, labelValue, { minKeys: 1, maxKeys: 2 }) }),
  minDomains: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
}), { maxLength: 3, selector: (c) => `${c.topologyKey}/${c.whenUnsatisfiable}` })
  .map((cs) => cs.map((c) => JSON.parse(JSON.stringify(c.whenUnsatisfiable === 'DoNotSchedule' ? c : { ...c, minDomains: undefined }))));
const dns = fc.record({
  policy: fc.constantFrom('ClusterFirst', 'Default', 'None', undefined),
  nameservers: fc.array(ip, { minLength: 1, maxLength: 3 }),
  searches: fc.array(fc.tuple(subdomain, fc.boolean()).map(([s, dot]) => (dot ? `${s}.` : s)), { maxLength: 6 }),
  options: fc.array(fc.record({ name: fc.constantFrom('ndots', 'edns0', 'timeout'), value: fc.option(fc.constantFrom('1', '2'), { nil: undefined }) }), { maxLength: 2 }),
}).map((d) => JSON.parse(JSON.stringify({
  dnsPolicy: d.policy,
  dnsConfig: { nameservers: d.nameservers, searches: d.searches, options: d.options },
})));
const hostAliases = fc.array(fc.record({ ip, hostnames: fc.array(subdomain, { minLength: 1, maxLength: 2 }) }), { maxLength: 3 });

/** A valid Pod with all of the above. */
const validPod = fc.record({ name: subdomain, volumes, affinity, tolerations: fc.array(toleration, { maxLength: 3 }), spread, dns, hostAliases })
  .map((r) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: r.name, labels: { app: 'web' } },
    spec: {
      serviceAccountName: 'default',
      containers: [{ name: 'c', image: 'busybox:1.36', volumeMounts: r.volumes.slice(0, 2).map((v, i) => ({ name: v.name, mountPath: `/mnt/${i}` })) }],
      volumes: r.volumes,
      affinity: r.affinity,
      tolerations: r.tolerations,
      topologySpreadConstraints: r.spread,
      hostAliases: r.hostAliases,
      ...r.dns,
    },
  }));

function problemsOf(manifest: any): string[] {
  const problems = new Problems();
  validateObject(manifest, problems);
  return problems.messages;
}

describe('random Pods with every volume source and the scheduling, DNS and host alias fields', () => {
  test('GIVEN a valid Pod WHEN it is validated THEN there is no problem, and the offline schema checks agree', () => {
    fc.assert(fc.property(validPod, (manifest) => {
      expect(problemsOf(manifest)).toEqual([]);
      expect(inProcessProblems([manifest])).toEqual([]);
    }), { numRuns: VALID_RUNS });
  });

  /** One change that the API server rejects, and the field path it must be reported at. */
  type Breaker = (pod: any, pick: number) => string;
  const vol = (pod: any, pick: number): [any, number] => {
    const i = pick % pod.spec.volumes.length;
    return [pod.spec.volumes[i], i];
  };
  const breakers: { [what: string]: Breaker } = {
    'a duplicate volume name': (p, n) => {
      const [v] = vol(p, n);
      p.spec.volumes.push({ name: v.name, emptyDir: {} });
      return `spec.volumes[${p.spec.volumes.length - 1}].name`;
    },
    'a second source on a volume': (p, n) => {
      const [v, i] = vol(p, n);
      Object.assign(v, { emptyDir: {}, configMap: { name: 'x' } });
      return `spec.volumes[${i}]`;
    },
    'a volume name with an underscore': (p, n) => {
      const [v, i] = vol(p, n);
      p.spec.containers[0].volumeMounts = [];
      v.name = 'bad_name';
      return `spec.volumes[${i}].name`;
    },
    'a hostPath type that does not exist': (p) => {
      p.spec.volumes.push({ name: 'hp-bad', hostPath: { path: '/x', type: 'Dir' } });
      return `spec.volumes[${p.spec.volumes.length - 1}].hostPath.type`;
    },
    'a file mode above 0777': (p) => {
      p.spec.volumes.push({ name: 'mode-bad', secret: { secretName: 's', defaultMode: 0o1000 } });
      return `spec.volumes[${p.spec.volumes.length - 1}].secret.defaultMode`;
    },
    'an item path that climbs': (p) => {
      p.spec.volumes.push({ name: 'climb', configMap: { name: 'c', items: [{ key: 'k', path: 'a/../../etc' }] } });
      return `spec.volumes[${p.spec.volumes.length - 1}].configMap.items[0].path`;
    },
    'spec.nodeName in a downwardAPI volume': (p) => {
      p.spec.volumes.push({ name: 'node', downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'spec.nodeName' } }] } });
      return `spec.volumes[${p.spec.volumes.length - 1}].downwardAPI.items[0].fieldRef.fieldPath`;
    },
    'a token that expires in a minute': (p) => {
      p.spec.volumes.push({ name: 'tok', projected: { sources: [{ serviceAccountToken: { path: 't', expirationSeconds: 60 } }] } });
      return `spec.volumes[${p.spec.volumes.length - 1}].projected.sources[0].serviceAccountToken.expirationSeconds`;
    },
    'an ephemeral claim without access modes': (p) => {
      p.spec.volumes.push({ name: 'eph', ephemeral: { volumeClaimTemplate: { spec: { resources: { requests: { storage: '1Gi' } } } } } });
      return `spec.volumes[${p.spec.volumes.length - 1}].ephemeral.volumeClaimTemplate.spec.accessModes`;
    },
    'an NFS path that is relative': (p) => {
      p.spec.volumes.push({ name: 'nfs-rel', nfs: { server: 'nfs', path: 'exports' } });
      return `spec.volumes[${p.spec.volumes.length - 1}].nfs.path`;
    },
    'a preferred node affinity weight of 0': (p) => {
      p.spec.affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }] } };
      return 'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight';
    },
    'a pod affinity term without topologyKey': (p) => {
      p.spec.affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } } }] } };
      return 'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey';
    },
    'a required node selector value with a space': (p) => {
      p.spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['a b'] }] }] } } };
      return 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]';
    },
    'tolerationSeconds without NoExecute': (p) => {
      p.spec.tolerations = [...p.spec.tolerations, { key: 'k', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 5 }];
      return `spec.tolerations[${p.spec.tolerations.length - 1}].effect`;
    },
    'a topology spread maxSkew of 0': (p) => {
      p.spec.topologySpreadConstraints = [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }];
      return 'spec.topologySpreadConstraints[0].maxSkew';
    },
    'a nameserver that is not an IP address': (p) => {
      p.spec.dnsConfig = { nameservers: ['dns.local'] };
      return 'spec.dnsConfig.nameservers[0]';
    },
    'dnsPolicy None without dnsConfig': (p) => {
      p.spec.dnsPolicy = 'None';
      delete p.spec.dnsConfig;
      return 'spec.dnsConfig';
    },
    'a host alias IP with three octets': (p) => {
      p.spec.hostAliases = [...p.spec.hostAliases, { ip: '10.0.1', hostnames: ['h'] }];
      return `spec.hostAliases[${p.spec.hostAliases.length - 1}].ip`;
    },
  };

  test('GIVEN a valid Pod WHEN one field is broken THEN validation reports that field', () => {
    fc.assert(fc.property(validPod, fc.constantFrom(...Object.keys(breakers)), fc.nat(), (manifest, what, pick) => {
      const broken = structuredClone(manifest);
      const path = breakers[what](broken, pick);
      const problems = problemsOf(broken);
      expect(problems.some((m) => m.startsWith(`${path}: `))).toBe(true);
    }), { numRuns: INVALID_RUNS });
  });

  test('GIVEN random JSON in the pod-level fields WHEN it is validated THEN validation never throws', () => {
    // Keys named like Object.prototype members ("valueOf", "__proto__") are drawn too: the decode
    // step reads every map without its prototype.
    const protoKey = fc.constantFrom('__proto__', 'valueOf', 'toString', 'constructor', 'hasOwnProperty', 'isPrototypeOf');
    const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.tuple(protoKey, fc.jsonValue({ maxDepth: 2 }))
      .map(([k, v]) => JSON.parse(`{${JSON.stringify(k)}: ${JSON.stringify(v) ?? 'null'}, "nested": [{${JSON.stringify(k)}: 1}]}`)));
    const field = fc.constantFrom('volumes', 'affinity', 'tolerations', 'topologySpreadConstraints', 'dnsConfig', 'hostAliases', 'os', 'overhead', 'readinessGates', 'schedulingGates', 'securityContext', 'resourceClaims', 'ephemeralContainers');
    fc.assert(fc.property(validPod, field, anyJson, fc.jsonValue({ maxDepth: 2 }), (manifest, f, value, annotations) => {
      const broken = structuredClone(manifest);
      broken.spec[f] = value;
      broken.metadata.annotations = typeof annotations === 'object' && annotations !== null && !Array.isArray(annotations) ? annotations : { 'scheduler.alpha.kubernetes.io/tolerations': JSON.stringify(annotations) };
      expect(() => problemsOf(broken)).not.toThrow();
    }), { numRuns: FUZZ_RUNS });
  });
});
