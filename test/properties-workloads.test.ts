import * as fc from 'fast-check';
import { inProcessProblems } from './k8s-validators';
import { Problems } from '../src/problems';
import { validateObject } from '../src/validation';

/**
 * Property-based tests of the object-level rules: random Deployments, StatefulSets, DaemonSets,
 * Jobs, CronJobs and Services, with the values the API server defaults (`""`, unset) and the
 * boundaries of the apps, batch and Service validation (percent or int rolling updates, selectors,
 * IP families, node ports). Valid ones pass `validateObject` and the offline schema checks; each
 * breaking change is reported at its field; random JSON in the spec never makes the validation throw.
 *
 * Locally every run draws new values; set FC_SEED to replay one. On CI (CI=true) the seed is
 * fixed, as in test/properties.test.ts.
 */
const fcSeed = process.env.FC_SEED ?? (process.env.CI ? '20261204' : undefined);
if (fcSeed) {
  fc.configureGlobal({ seed: Number(fcSeed) });
}

const VALID_RUNS = Number(process.env.PROP_RUNS ?? 150);
const INVALID_RUNS = Number(process.env.PROP_RUNS ?? 150);
const FUZZ_RUNS = Number(process.env.PROP_RUNS ?? 200);

// ---- values ---------------------------------------------------------------------------------

const numberLike = (v: string): boolean => /^[-+]?(0b[-+]?[01]+|0[oOxXbB][0-9a-fA-F]+|[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?|\.[0-9]+([eE][-+]?[0-9]+)?)$/.test(v.replace(/_/g, ''));
const safe = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => a.filter((v) => !numberLike(v));
const dnsLabel = safe(fc.stringMatching(/^[a-z]([-a-z0-9]{0,12}[a-z0-9])?$/));
const labelValue = safe(fc.stringMatching(/^[A-Za-z]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/));
const labels = fc.dictionary(safe(fc.stringMatching(/^[a-z]([-a-z0-9]{0,8}[a-z0-9])?$/)), labelValue, { minKeys: 1, maxKeys: 3 });
/** An int or a percent as the apps rules read them ("007%" is 7%). */
const intOrPercent = (max: number) => fc.oneof(
  fc.integer({ min: 0, max: 10 }),
  fc.tuple(fc.integer({ min: 0, max }), fc.boolean()).map(([n, zeros]) => `${zeros ? '00' : ''}${n}%`),
);
const int32 = (min: number, max: number) => fc.option(fc.integer({ min, max }), { nil: undefined });
const defined = (o: any): any => JSON.parse(JSON.stringify(o));

/** A pod template with the given labels (the selector's labels and more). */
function template(selected: { [k: string]: string }, extra: { [k: string]: string }, restartPolicy: string | undefined): any {
  return defined({ metadata: { labels: { ...extra, ...selected } }, spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox:1.36' }] } });
}

// ---- apps ----------------------------------------------------------------------------------

/** A rolling update that the apps rules accept: not both zero, maxUnavailable at most 100%. */
const rollingUpdate = fc.record({ maxSurge: intOrPercent(300), maxUnavailable: intOrPercent(100) }, { requiredKeys: [] })
  .filter((r) => !(isZero(r.maxSurge ?? '25%') && isZero(r.maxUnavailable ?? '25%')));
function isZero(v: number | string): boolean {
  return typeof v === 'number' ? v === 0 : Number(v.slice(0, -1)) === 0;
}

const deployment = fc.record({
  name: dnsLabel,
  selected: labels,
  extra: labels,
  replicas: int32(0, 100),
  minReadySeconds: int32(0, 600),
  revisionHistoryLimit: int32(0, 20),
  paused: fc.option(fc.boolean(), { nil: undefined }),
  strategy: fc.oneof(fc.constant(undefined), fc.constant({ type: 'Recreate' }), fc.constant({}), fc.tuple(fc.constantFrom('', 'RollingUpdate'), rollingUpdate).map(([type, r]) => ({ type, rollingUpdate: r }))),
  restartPolicy: fc.constantFrom(undefined, '', 'Always'),
}).chain((d) => fc.constant(d.minReadySeconds).chain((min) => fc.option(fc.integer({ min: (min ?? 0) + 1, max: 1200 }), { nil: undefined })
  .map((progressDeadlineSeconds) => defined({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: d.name },
    spec: {
      replicas: d.replicas,
      minReadySeconds: d.minReadySeconds,
      revisionHistoryLimit: d.revisionHistoryLimit,
      paused: d.paused,
      strategy: d.strategy,
      // The default 600 also has to be above minReadySeconds.
      progressDeadlineSeconds: progressDeadlineSeconds ?? ((d.minReadySeconds ?? 0) >= 600 ? 601 + (d.minReadySeconds ?? 0) : undefined),
      selector: { matchLabels: d.selected },
      template: template(d.selected, d.extra, d.restartPolicy),
    },
  }))));

const statefulSet = fc.record({
  name: safe(fc.stringMatching(/^[a-z]([-a-z0-9]{0,40}[a-z0-9])?$/)),
  serviceName: fc.option(dnsLabel, { nil: undefined }),
  selected: labels,
  extra: labels,
  replicas: int32(0, 10),
  minReadySeconds: int32(0, 60),
  podManagementPolicy: fc.constantFrom(undefined, '', 'OrderedReady', 'Parallel'),
  updateStrategy: fc.oneof(fc.constant(undefined), fc.constant({ type: 'OnDelete' }),
    fc.record({ type: fc.constantFrom(undefined, '', 'RollingUpdate'), rollingUpdate: fc.record({ partition: int32(0, 10) }) })),
  retention: fc.option(fc.record({ whenDeleted: fc.constantFrom('Retain', 'Delete', ''), whenScaled: fc.constantFrom('Retain', 'Delete', '') }, { requiredKeys: [] }), { nil: undefined }),
  ordinals: fc.option(fc.record({ start: int32(0, 100) }), { nil: undefined }),
}).map((s) => defined({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: s.name },
  spec: {
    serviceName: s.serviceName,
    replicas: s.replicas,
    minReadySeconds: s.minReadySeconds,
    podManagementPolicy: s.podManagementPolicy,
    updateStrategy: s.updateStrategy,
    persistentVolumeClaimRetentionPolicy: s.retention,
    ordinals: s.ordinals,
    selector: { matchLabels: s.selected },
    template: template(s.selected, s.extra, undefined),
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
  },
}));

/** A DaemonSet rolling update: exactly one of maxSurge and maxUnavailable is not zero (1 by default). */
const daemonUpdate = fc.oneof(
  intOrPercent(100).filter((v) => !isZero(v)).map((v) => ({ maxUnavailable: v })),
  intOrPercent(100).filter((v) => !isZero(v)).map((v) => ({ maxSurge: v, maxUnavailable: 0 })),
);
const daemonSet = fc.record({
  name: dnsLabel,
  selected: labels,
  extra: labels,
  minReadySeconds: int32(0, 60),
  revisionHistoryLimit: int32(0, 10),
  updateStrategy: fc.oneof(fc.constant(undefined), fc.constant({ type: 'OnDelete' }), daemonUpdate.map((r) => ({ type: 'RollingUpdate', rollingUpdate: r }))),
}).map((d) => defined({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: d.name },
  spec: {
    minReadySeconds: d.minReadySeconds,
    revisionHistoryLimit: d.revisionHistoryLimit,
    updateStrategy: d.updateStrategy,
    selector: { matchLabels: d.selected },
    template: template(d.selected, d.extra, undefined),
  },
}));

// ---- batch ---------------------------------------------------------------------------------

const jobSpec = fc.record({
  parallelism: int32(0, 10),
  completions: int32(1, 10),
  backoffLimit: int32(0, 10),
  activeDeadlineSeconds: int32(1, 3600),
  ttlSecondsAfterFinished: int32(0, 3600),
  indexed: fc.boolean(),
  restartPolicy: fc.constantFrom('OnFailure', 'Never'),
  extra: labels,
  suspend: fc.option(fc.boolean(), { nil: undefined }),
}).map((j) => defined({
  parallelism: j.parallelism,
  backoffLimit: j.backoffLimit,
  activeDeadlineSeconds: j.activeDeadlineSeconds,
  ttlSecondsAfterFinished: j.ttlSecondsAfterFinished,
  suspend: j.suspend,
  completionMode: j.indexed ? 'Indexed' : undefined,
  completions: j.indexed ? j.completions ?? 3 : j.completions,
  template: template({}, j.extra, j.restartPolicy),
}));
const job = fc.tuple(dnsLabel, jobSpec).map(([name, spec]) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec }));
const schedule = fc.oneof(
  fc.constantFrom('@hourly', '@daily', '@weekly', '@every 1h30m', '0 0 * * 0', '*/15 * * * *', '0 9-17 * * MON-FRI', '0 0 1 JAN,JUL ?'),
  fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 31 })).map(([m, h, d]) => `${m} ${h} ${d} * *`),
);
const cronJob = fc.record({
  name: safe(fc.stringMatching(/^[a-z]([-a-z0-9]{0,20}[a-z0-9])?$/)),
  schedule,
  spec: jobSpec,
  timeZone: fc.constantFrom(undefined, 'Etc/UTC', 'Europe/Berlin', 'America/New_York'),
  concurrencyPolicy: fc.constantFrom(undefined, '', 'Allow', 'Forbid', 'Replace'),
  startingDeadlineSeconds: int32(0, 600),
  successfulJobsHistoryLimit: int32(0, 10),
  failedJobsHistoryLimit: int32(0, 10),
}).map((c) => defined({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: c.name },
  spec: {
    schedule: c.schedule,
    timeZone: c.timeZone,
    concurrencyPolicy: c.concurrencyPolicy,
    startingDeadlineSeconds: c.startingDeadlineSeconds,
    successfulJobsHistoryLimit: c.successfulJobsHistoryLimit,
    failedJobsHistoryLimit: c.failedJobsHistoryLimit,
    jobTemplate: { spec: c.spec },
  },
}));

// ---- Service -------------------------------------------------------------------------------

/** Addresses clients reach (not loopback, link-local, multicast or unspecified: ValidateNonSpecialIP). */
const ipv4 = fc.tuple(fc.constantFrom(10, 100, 192, 203), fc.array(fc.integer({ min: 1, max: 254 }), { minLength: 3, maxLength: 3 })).map(([a, o]) => [a, ...o].join('.'));
const servicePorts = fc.uniqueArray(fc.record({
  port: fc.integer({ min: 1, max: 65535 }),
  protocol: fc.constantFrom(undefined, '', 'TCP', 'UDP', 'SCTP'),
  targetPort: fc.oneof(fc.constant(undefined), fc.constant(0), fc.constant(''), fc.integer({ min: 1, max: 65535 }), safe(fc.stringMatching(/^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$/)).filter((n) => /[a-z]/.test(n) && !n.includes('--'))),
  appProtocol: fc.constantFrom(undefined, 'http', 'kubernetes.io/h2c'),
}), { minLength: 1, maxLength: 4, selector: (p) => `${p.port}/${p.protocol || 'TCP'}` })
  .map((ports) => ports.map((p, i) => defined({ ...p, name: ports.length > 1 ? `p${i}` : undefined })));
const service = fc.record({
  name: dnsLabel,
  type: fc.constantFrom(undefined, '', 'ClusterIP', 'NodePort', 'LoadBalancer'),
  ports: servicePorts,
  selector: fc.option(labels, { nil: undefined }),
  headless: fc.boolean(),
  sessionAffinity: fc.constantFrom(undefined, '', 'None', 'ClientIP'),
  timeout: int32(1, 86400),
  externalIPs: fc.array(ipv4, { maxLength: 2 }),
  ranges: fc.array(ipv4.map((ip) => `${ip.replace(/\.\d+$/, '.0')}/24`), { maxLength: 2 }),
  externalTrafficPolicy: fc.constantFrom(undefined, '', 'Cluster', 'Local'),
  // A pointer in v1: "" is set, not defaulted, and not supported (validateServiceInternalTrafficFieldsValue).
  internalTrafficPolicy: fc.constantFrom(undefined, 'Cluster', 'Local'),
  publishNotReadyAddresses: fc.option(fc.boolean(), { nil: undefined }),
}).map((s) => {
  const type = s.type || 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  return defined({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name },
    spec: {
      type: s.type,
      selector: s.selector,
      ports: s.ports,
      clusterIP: s.headless && type === 'ClusterIP' ? 'None' : undefined,
      sessionAffinity: s.sessionAffinity,
      sessionAffinityConfig: s.sessionAffinity === 'ClientIP' && s.timeout !== undefined ? { clientIP: { timeoutSeconds: s.timeout } } : undefined,
      externalIPs: s.externalIPs.length > 0 ? s.externalIPs : undefined,
      loadBalancerSourceRanges: type === 'LoadBalancer' && s.ranges.length > 0 ? s.ranges : undefined,
      externalTrafficPolicy: external ? s.externalTrafficPolicy : undefined,
      internalTrafficPolicy: s.internalTrafficPolicy,
      publishNotReadyAddresses: s.publishNotReadyAddresses,
    },
  });
});

function problemsOf(manifest: any): string[] {
  const problems = new Problems();
  validateObject(manifest, problems);
  return problems.messages;
}

/** One change that the API server rejects, and the field path it must be reported at. */
type Breaker = (object: any) => string;

const kinds: { [kind: string]: { valid: fc.Arbitrary<any>; breakers: { [what: string]: Breaker } } } = {
  Deployment: {
    valid: deployment,
    breakers: {
      'maxUnavailable above 100%': (d) => {
        d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '101%' } };
        return 'spec.strategy.rollingUpdate.maxUnavailable';
      },
      'maxSurge and maxUnavailable both zero': (d) => {
        d.spec.strategy = { rollingUpdate: { maxSurge: '0%', maxUnavailable: 0 } };
        return 'spec.strategy.rollingUpdate.maxUnavailable';
      },
      'a rollingUpdate with Recreate': (d) => {
        d.spec.strategy = { type: 'Recreate', rollingUpdate: {} };
        return 'spec.strategy.rollingUpdate';
      },
      'progressDeadlineSeconds not above minReadySeconds': (d) => {
        d.spec.minReadySeconds = 30;
        d.spec.progressDeadlineSeconds = 30;
        return 'spec.progressDeadlineSeconds';
      },
      'a selector the template does not match': (d) => {
        d.spec.selector = { matchLabels: { ...d.spec.selector.matchLabels, 'not-in-template': 'x' } };
        return 'spec.template.metadata.labels';
      },
      'restartPolicy Never': (d) => {
        d.spec.template.spec.restartPolicy = 'Never';
        return 'spec.template.spec.restartPolicy';
      },
      'a negative revisionHistoryLimit': (d) => {
        d.spec.revisionHistoryLimit = -1;
        return 'spec.revisionHistoryLimit';
      },
    },
  },
  StatefulSet: {
    valid: statefulSet,
    breakers: {
      'an unknown podManagementPolicy': (s) => {
        s.spec.podManagementPolicy = 'parallel';
        return 'spec.podManagementPolicy';
      },
      'a negative partition': (s) => {
        s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: -1 } };
        return 'spec.updateStrategy.rollingUpdate.partition';
      },
      'a rollingUpdate with OnDelete': (s) => {
        s.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: {} };
        return 'spec.updateStrategy.rollingUpdate';
      },
      'a retention policy in the wrong case': (s) => {
        s.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'delete' };
        return 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted';
      },
      'a negative ordinals start': (s) => {
        s.spec.ordinals = { start: -1 };
        return 'spec.ordinals.start';
      },
      'activeDeadlineSeconds in the template': (s) => {
        s.spec.template.spec.activeDeadlineSeconds = 10;
        return 'spec.template.spec.activeDeadlineSeconds';
      },
    },
  },
  DaemonSet: {
    valid: daemonSet,
    breakers: {
      'maxSurge beside the default maxUnavailable': (d) => {
        d.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } };
        return 'spec.updateStrategy.rollingUpdate';
      },
      'both zero': (d) => {
        d.spec.updateStrategy = { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } };
        return 'spec.updateStrategy.rollingUpdate';
      },
      'an empty selector': (d) => {
        d.spec.selector = {};
        return 'spec.selector';
      },
      'an unknown update strategy type': (d) => {
        d.spec.updateStrategy = { type: 'Rolling' };
        return 'spec.updateStrategy.type';
      },
    },
  },
  Job: {
    valid: job,
    breakers: {
      'restartPolicy Always': (j) => {
        j.spec.template.spec.restartPolicy = 'Always';
        return 'spec.template.spec.restartPolicy';
      },
      'a negative backoffLimit': (j) => {
        j.spec.backoffLimit = -1;
        return 'spec.backoffLimit';
      },
      'Indexed without completions': (j) => {
        // With neither completions nor parallelism, SetDefaults_Job sets both to 1.
        Object.assign(j.spec, { completionMode: 'Indexed', parallelism: 2 });
        delete j.spec.completions;
        return 'spec.completions';
      },
      'maxFailedIndexes without backoffLimitPerIndex': (j) => {
        Object.assign(j.spec, { completionMode: 'Indexed', completions: 3, maxFailedIndexes: 1 });
        delete j.spec.backoffLimitPerIndex;
        return 'spec.backoffLimitPerIndex';
      },
      'a selector without manualSelector': (j) => {
        j.spec.selector = { matchLabels: { app: 'x' } };
        return 'spec.selector';
      },
      'a negative activeDeadlineSeconds': (j) => {
        j.spec.activeDeadlineSeconds = -1;
        return 'spec.activeDeadlineSeconds';
      },
    },
  },
  CronJob: {
    valid: cronJob,
    breakers: {
      'a schedule with six fields': (c) => {
        c.spec.schedule = '0 0 0 * * *';
        return 'spec.schedule';
      },
      'a time zone that does not exist': (c) => {
        c.spec.timeZone = 'Europe/Nowhere';
        return 'spec.timeZone';
      },
      'TZ= in the schedule': (c) => {
        c.spec.schedule = `TZ=UTC ${c.spec.schedule}`;
        return 'spec.schedule';
      },
      'an unknown concurrencyPolicy': (c) => {
        c.spec.concurrencyPolicy = 'forbid';
        return 'spec.concurrencyPolicy';
      },
      'a negative history limit': (c) => {
        c.spec.failedJobsHistoryLimit = -1;
        return 'spec.failedJobsHistoryLimit';
      },
      'a name too long for its Jobs': (c) => {
        c.metadata.name = 'a'.repeat(53);
        return 'metadata.name';
      },
    },
  },
  Service: {
    valid: service,
    breakers: {
      'two ports with one name': (s) => {
        s.spec.ports = [{ name: 'a', port: 1 }, { name: 'a', port: 2 }];
        return 'spec.ports[1].name';
      },
      'a port of 0': (s) => {
        s.spec.ports[0].port = 0;
        return 'spec.ports[0].port';
      },
      'a source range that is no CIDR': (s) => {
        s.spec.type = 'LoadBalancer';
        s.spec.loadBalancerSourceRanges = ['10.0.0.0/33'];
        return 'spec.loadBalancerSourceRanges[0]';
      },
      'an external IP of 0.0.0.0': (s) => {
        s.spec.externalIPs = ['0.0.0.0'];
        return 'spec.externalIPs[0]';
      },
      'a session affinity timeout above a day': (s) => {
        s.spec.sessionAffinity = 'ClientIP';
        s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 86401 } };
        return 'spec.sessionAffinityConfig.clientIP.timeoutSeconds';
      },
      'externalTrafficPolicy Local on a ClusterIP Service': (s) => {
        s.spec.type = 'ClusterIP';
        delete s.spec.loadBalancerSourceRanges;
        s.spec.externalIPs = undefined;
        s.spec.externalTrafficPolicy = 'Local';
        return 'spec.externalTrafficPolicy';
      },
      'a named targetPort with an uppercase letter': (s) => {
        s.spec.ports[0].targetPort = 'Http';
        return 'spec.ports[0].targetPort';
      },
    },
  },
};

describe.each(Object.entries(kinds))('random %s objects', (kind, { valid, breakers }) => {
  test(`GIVEN a valid ${kind} with values the API server defaults WHEN it is validated THEN there is no problem, and the offline schema checks agree`, () => {
    fc.assert(fc.property(valid, (manifest) => {
      expect(problemsOf(manifest)).toEqual([]);
      // The offline schema knows no defaulting: "" (which the API server defaults) is left out for it.
      expect(inProcessProblems([JSON.parse(JSON.stringify(manifest), (_k, v) => (v === '' ? undefined : v))])).toEqual([]);
    }), { numRuns: VALID_RUNS });
  });

  test(`GIVEN a valid ${kind} WHEN one field is broken THEN validation reports that field`, () => {
    fc.assert(fc.property(valid, fc.constantFrom(...Object.keys(breakers)), (manifest, what) => {
      const broken = structuredClone(manifest);
      const path = breakers[what](broken);
      const problems = problemsOf(JSON.parse(JSON.stringify(broken)));
      expect(problems.filter((m) => m.startsWith(`${path}: `) || m.startsWith(`${path}.`))).not.toEqual([]);
    }), { numRuns: INVALID_RUNS });
  });

  test(`GIVEN random JSON in a field of a ${kind}'s spec WHEN it is validated THEN validation never throws`, () => {
    const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom('__proto__', 'valueOf', 'constructor')
      .map((k) => JSON.parse(`{${JSON.stringify(k)}: {"x": 1}}`)));
    fc.assert(fc.property(valid, anyJson, fc.nat(), (manifest, value, pick) => {
      const broken = structuredClone(manifest);
      const fields = Object.keys(broken.spec);
      broken.spec[fields[pick % fields.length]] = value;
      expect(() => problemsOf(broken)).not.toThrow();
    }), { numRuns: FUZZ_RUNS });
  });
});
