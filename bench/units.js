'use strict';
/**
 * One benchmark unit, written four ways: the seed's sidecar pod (an app appending to
 * /var/log/app.log on a shared emptyDir volume, a busybox sidecar tailing it) plus a ClusterIP
 * Service exposing it.
 *
 * All four variants write the SAME two objects per unit (bench/worker.js checks it before any
 * measurement). cdk8s-plus-28 cannot omit its defaults (pull policy, container and pod security
 * contexts, default resources, seven pod-level fields, the `cdk8s.io/metadata.addr` label its
 * Service selects by), so the unit is what cdk8s-plus-28 writes for the seed pod, and the other
 * three variants declare that content explicitly. The only difference allowed by the check is
 * cdk8s-plus-28's `externalIPs: []` on the Service (an empty list is the API server's "unset").
 *
 * Each variant loads only its own modules (`load`), so cold start measures what it needs.
 */

const ADDR_LABEL = 'cdk8s.io/metadata.addr';
// Factories, not shared constants: a unit written as literals in a loop gets fresh objects, so
// memory per unit stays comparable across variants.
const appCommand = () => ['sh', '-c', "while true; do echo 'Hello Dosto' >> /var/log/app.log; sleep 5; done"];
const sidecarCommand = () => ['sh', '-c', 'tail -f /var/log/app.log'];
const LOG_VOLUME = 'shared-logs';
const LOG_PATH = '/var/log/';

// What cdk8s-plus-28 writes by default, spelled out for the variants that declare it.
const containerSecurity = () => ({ allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: true });
const podFields = () => ({
  automountServiceAccountToken: false,
  dnsPolicy: 'ClusterFirst',
  hostNetwork: false,
  restartPolicy: 'Always',
  securityContext: { fsGroupChangePolicy: 'Always', runAsNonRoot: true },
  setHostnameAsFQDN: false,
  terminationGracePeriodSeconds: 30,
});
// The L1 structs spell it `setHostnameAsFqdn` and map it to the JSON name.
const l1PodFields = () => {
  const { setHostnameAsFQDN, ...fields } = podFields();
  return { ...fields, setHostnameAsFqdn: setHostnameAsFQDN };
};
const resources = () => ({ limits: { cpu: '1500m', memory: '2048Mi' }, requests: { cpu: '1000m', memory: '512Mi' } });

const VARIANTS = ['library', 'cdk8s-plus-28', 'l1', 'raw'];

function podName(i) {
  return `sidecar-test-${i}`;
}

/** Plain-JSON containers (raw and library: quantities as strings). */
function plainContainers(withMounts) {
  const mounts = () => (withMounts ? { volumeMounts: [{ name: LOG_VOLUME, mountPath: LOG_PATH }] } : {});
  return [
    { name: 'main-container', image: 'busybox', imagePullPolicy: 'Always', command: appCommand(), resources: resources(), securityContext: containerSecurity(), ...mounts() },
    { name: 'sidecar-container', image: 'busybox', imagePullPolicy: 'Always', command: sidecarCommand(), resources: resources(), securityContext: containerSecurity(), ...mounts() },
  ];
}

const variants = {
  /** This library (compiled lib/), validation on. */
  'library': {
    load() {
      const cdk8s = require('cdk8s');
      // BENCH_LIB=DIR measures another build of the library (e.g. a patched copy of lib/).
      const lib = require(process.env.BENCH_LIB ? require('path').resolve(process.env.BENCH_LIB) : '../lib');
      return { cdk8s, lib };
    },
    unit(chart, i, { cdk8s, lib }) {
      const name = podName(i);
      const [app, sidecar] = plainContainers(false);
      // The pattern creates the shared volume and mounts it into both containers.
      // The props are typed with the L1 structs (setHostnameAsFqdn); the library writes the JSON names.
      const pod = new lib.SidecarLoggedApp(chart, `pod-${i}`, {
        metadata: { name },
        ...l1PodFields(),
        app,
        sidecar,
      });
      pod.apiObject.metadata.addLabel(ADDR_LABEL, cdk8s.Names.toLabelValue(pod));
      new lib.ExposedService(chart, `svc-${i}`, {
        metadata: { name },
        type: lib.ServiceType.CLUSTER_IP,
        target: pod,
        ports: [{ port: 80 }],
      });
    },
  },

  /** cdk8s-plus-28 written the natural way: its defaults are what the unit is. */
  'cdk8s-plus-28': {
    load() {
      const cdk8s = require('cdk8s');
      const kplus = require('cdk8s-plus-28');
      return { cdk8s, kplus };
    },
    unit(chart, i, { kplus }) {
      const name = podName(i);
      const logs = kplus.Volume.fromEmptyDir(chart, `logs-${i}`, LOG_VOLUME);
      const pod = new kplus.Pod(chart, `pod-${i}`, {
        metadata: { name },
        volumes: [logs],
        containers: [
          { name: 'main-container', image: 'busybox', command: appCommand(), volumeMounts: [{ path: LOG_PATH, volume: logs }] },
          { name: 'sidecar-container', image: 'busybox', command: sidecarCommand(), volumeMounts: [{ path: LOG_PATH, volume: logs }] },
        ],
      });
      new kplus.Service(chart, `svc-${i}`, {
        metadata: { name },
        selector: pod,
        ports: [{ port: 80 }],
      });
    },
  },

  /** The L1 classes of cdk8s-plus-28's `k8s` export. */
  'l1': {
    load() {
      const cdk8s = require('cdk8s');
      const { k8s } = require('cdk8s-plus-28');
      return { cdk8s, k8s };
    },
    unit(chart, i, { cdk8s, k8s }) {
      const name = podName(i);
      const quantities = () => ({
        limits: { cpu: k8s.Quantity.fromString('1500m'), memory: k8s.Quantity.fromString('2048Mi') },
        requests: { cpu: k8s.Quantity.fromString('1000m'), memory: k8s.Quantity.fromString('512Mi') },
      });
      const mounts = () => [{ name: LOG_VOLUME, mountPath: LOG_PATH }];
      const pod = new k8s.KubePod(chart, `pod-${i}`, {
        metadata: { name },
        spec: {
          ...l1PodFields(),
          containers: [
            { name: 'main-container', image: 'busybox', imagePullPolicy: 'Always', command: appCommand(), resources: quantities(), securityContext: containerSecurity(), volumeMounts: mounts() },
            { name: 'sidecar-container', image: 'busybox', imagePullPolicy: 'Always', command: sidecarCommand(), resources: quantities(), securityContext: containerSecurity(), volumeMounts: mounts() },
          ],
          volumes: [{ name: LOG_VOLUME, emptyDir: {} }],
        },
      });
      const addr = cdk8s.Names.toLabelValue(pod);
      pod.metadata.addLabel(ADDR_LABEL, addr);
      new k8s.KubeService(chart, `svc-${i}`, {
        metadata: { name },
        spec: { type: 'ClusterIP', selector: { [ADDR_LABEL]: addr }, ports: [{ port: 80 }] },
      });
    },
  },

  /** Plain cdk8s ApiObjects with the same content: the floor. */
  'raw': {
    load() {
      const cdk8s = require('cdk8s');
      return { cdk8s };
    },
    unit(chart, i, { cdk8s }) {
      const name = podName(i);
      const pod = new cdk8s.ApiObject(chart, `pod-${i}`, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name },
        spec: {
          ...podFields(),
          containers: plainContainers(true),
          volumes: [{ name: LOG_VOLUME, emptyDir: {} }],
        },
      });
      const addr = cdk8s.Names.toLabelValue(pod);
      pod.metadata.addLabel(ADDR_LABEL, addr);
      new cdk8s.ApiObject(chart, `svc-${i}`, {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name },
        spec: { type: 'ClusterIP', selector: { [ADDR_LABEL]: addr }, ports: [{ port: 80 }] },
      });
    },
  },
};

/**
 * The second comparison: each variant writes the seed's pod and a Service the way its users
 * naturally write it. For the library, L1 and raw that is the seed's manifest (no defaults
 * added); cdk8s-plus-28 cannot leave its defaults out, so it writes what it writes in the
 * same-manifest comparison. The library, L1 and raw variants write the same manifests here too
 * (bench/worker.js checks it).
 */
const naturalUnits = {
  'library': (chart, i, { lib }) => {
    const name = podName(i);
    const pod = new lib.SidecarLoggedApp(chart, `pod-${i}`, {
      metadata: { name, labels: { app: name } },
      app: { name: 'main-container', image: 'busybox', command: appCommand() },
    });
    pod.expose(`svc-${i}`, { metadata: { name }, ports: [{ port: 80 }] });
  },
  'cdk8s-plus-28': (chart, i, mods) => variants['cdk8s-plus-28'].unit(chart, i, mods),
  'l1': (chart, i, { k8s }) => {
    const name = podName(i);
    const mounts = () => [{ name: LOG_VOLUME, mountPath: LOG_PATH }];
    new k8s.KubePod(chart, `pod-${i}`, {
      metadata: { name, labels: { app: name } },
      spec: {
        containers: [
          { name: 'main-container', image: 'busybox', command: appCommand(), volumeMounts: mounts() },
          { name: 'sidecar-container', image: 'busybox', command: sidecarCommand(), volumeMounts: mounts() },
        ],
        volumes: [{ name: LOG_VOLUME, emptyDir: {} }],
      },
    });
    new k8s.KubeService(chart, `svc-${i}`, { metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }] } });
  },
  'raw': (chart, i, { cdk8s }) => {
    const name = podName(i);
    const mounts = () => [{ name: LOG_VOLUME, mountPath: LOG_PATH }];
    new cdk8s.ApiObject(chart, `pod-${i}`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels: { app: name } },
      spec: {
        containers: [
          { name: 'main-container', image: 'busybox', command: appCommand(), volumeMounts: mounts() },
          { name: 'sidecar-container', image: 'busybox', command: sidecarCommand(), volumeMounts: mounts() },
        ],
        volumes: [{ name: LOG_VOLUME, emptyDir: {} }],
      },
    });
    new cdk8s.ApiObject(chart, `svc-${i}`, { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }] } });
  },
};

/** The two comparisons: the same manifests from every variant, or what each variant's users write. */
const SETS = ['same', 'natural'];

/**
 * Builds an app of `n` units spread evenly over `charts` charts (unit i goes into chart
 * floor(i * charts / n)) and returns it, not synthesized.
 */
function buildApp(variant, n, mods, charts = 1, set = 'same') {
  const { cdk8s } = mods;
  const app = new cdk8s.App();
  const unit = set === 'natural' ? naturalUnits[variant] : variants[variant].unit;
  if (!unit) {
    throw new Error(`unknown comparison ${JSON.stringify(set)}; use one of ${SETS.join(', ')}`);
  }
  const all = [];
  for (let c = 0; c < charts; c++) {
    all.push(new cdk8s.Chart(app, charts === 1 ? 'bench' : `bench-${c}`));
  }
  for (let i = 0; i < n; i++) {
    unit(all[Math.floor((i * charts) / n)], i, mods);
  }
  return app;
}

module.exports = { VARIANTS, SETS, variants, buildApp };
