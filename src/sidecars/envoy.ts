import { Duration } from 'cdk8s';
import type { SidecarBinding, SidecarContext, SidecarMode } from '../sidecar';
import {
  checkContainerName, checkDistinctPorts, checkDuration, checkImage, checkMode, checkObjectName, checkOptionsObject, checkPort, checkPortName,
  derivedName, httpStartupProbe, isNative, OptionProblems, resourcesJson,
} from './common';
import { toYaml } from './config-yaml';
import type { Container, ResourceRequirements } from '../k8s-types';

/**
 * Options for `Sidecar.envoy()`.
 */
export interface EnvoyOptions {
  /** The port the app listens on; Envoy forwards every request to `127.0.0.1:<appPort>`. */
  readonly appPort: number;

  /**
   * The public port: Envoy's HTTP listener on all addresses. A Service of the pod must target
   * this port (by its name, `portName`), not the app's.
   *
   * @default 10000 - the listener port of Envoy's examples
   */
  readonly port?: number;

  /**
   * Name of the public container port.
   *
   * @default 'envoy-http'
   */
  readonly portName?: string;

  /**
   * Port of Envoy's admin interface, which listens on 127.0.0.1 only (it can change the server
   * and shut it down).
   *
   * @default 9901 - as in Envoy's docs
   */
  readonly adminPort?: number;

  /**
   * Port of a second listener, on all addresses, that passes exactly two read-only admin paths
   * to the loopback admin interface: `/ready` (for the kubelet's probes) and `/stats/prometheus`
   * (for Prometheus). Nothing else of the admin interface is reachable from outside the pod.
   * The container port is named `envoy-metrics`.
   *
   * @default 9902
   */
  readonly metricsPort?: number;

  /**
   * Timeout of one request to the app (the route's `timeout`).
   *
   * @default - not set: Envoy's 15 seconds
   */
  readonly requestTimeout?: Duration;

  /**
   * In `SidecarMode.CLASSIC`, how long Envoy keeps serving after the pod is asked to stop (a
   * `preStop` sleep), so that the endpoints controller and kube-proxy stop sending new requests
   * before Envoy exits. Envoy itself exits at once on SIGTERM. Not used in native mode, where
   * Envoy stops only after the app has exited.
   *
   * @default Duration.seconds(5)
   */
  readonly shutdownDelay?: Duration;

  /**
   * Name of the generated ConfigMap holding `envoy.yaml`.
   *
   * @default - '<pod name>-envoy'
   */
  readonly configMapName?: string;

  /**
   * Classic or native.
   *
   * @default SidecarMode.CLASSIC - Envoy's docs run it as a plain container with its config mounted at /etc/envoy/envoy.yaml; they document no native sidecar form
   */
  readonly mode?: SidecarMode;

  /**
   * The Envoy image. It must have `sleep` for the classic mode's preStop hook (the default image
   * has; the distroless one does not).
   *
   * @default 'envoyproxy/envoy:v1.31.2'
   */
  readonly image?: string;

  /**
   * Name of the sidecar container.
   *
   * @default 'envoy'
   */
  readonly name?: string;

  /**
   * Resources of the Envoy container.
   *
   * @default - none: no requests or limits
   */
  readonly resources?: ResourceRequirements;
}

/** The default image. */
export const ENVOY_IMAGE = 'envoyproxy/envoy:v1.31.2';

/** The option names, for the check of misspelt keys at construction (Sidecar factories) and at bind. */
export const OPTIONS = ['appPort', 'port', 'portName', 'adminPort', 'metricsPort', 'requestTimeout', 'shutdownDelay', 'configMapName',
  'mode', 'image', 'name', 'resources'];

const HCM = 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager';
const ROUTER = 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router';

/**
 * Envoy in front of the app, configured by a generated `envoy.yaml`.
 *
 * Vendor sources: Envoy's docs `start/docker` ("Using the Envoy Docker Image": the config at
 * /etc/envoy/envoy.yaml), `start/quick-start/admin` and `operations/admin` (the admin interface
 * on 127.0.0.1:9901; `/ready` as a readiness check), envoyproxy/envoy `configs/admin-interface.yaml`
 * (admin on loopback, listener and STATIC cluster to 127.0.0.1), envoyproxy/gateway
 * `internal/xds/bootstrap/bootstrap.yaml.tpl` (how the Envoy project itself exposes readiness and
 * `/stats/prometheus` from a loopback admin: a dedicated listener with a STATIC cluster to the
 * admin address).
 *
 * @internal
 */
export function envoyBinding(input: EnvoyOptions, mode: SidecarMode, context: SidecarContext): SidecarBinding {
  const problems = new OptionProblems('Sidecar.envoy');
  const o = checkOptionsObject(input, OPTIONS, problems) as EnvoyOptions;
  const name = o.name ?? 'envoy';
  const image = o.image ?? ENVOY_IMAGE;
  const port = o.port ?? 10000;
  const portName = o.portName ?? 'envoy-http';
  const adminPort = o.adminPort ?? 9901;
  const metricsPort = o.metricsPort ?? 9902;
  const configMapName = o.configMapName ?? `${context.podName}-envoy`;
  const native = isNative(mode);

  checkPort(o.appPort, 'appPort', problems);
  checkPort(port, 'port', problems);
  checkPort(adminPort, 'adminPort', problems);
  checkPort(metricsPort, 'metricsPort', problems);
  checkDistinctPorts([['appPort', o.appPort], ['port', port], ['adminPort', adminPort], ['metricsPort', metricsPort]], problems);
  checkPortName(portName, 'portName', problems);
  if (portName === 'envoy-metrics') {
    problems.add('portName', '"envoy-metrics" is the name of the metrics port; choose another name.');
  }
  const timeout = o.requestTimeout === undefined ? undefined : checkDuration(o.requestTimeout, 'requestTimeout', 1, 86400, problems);
  const shutdownDelay = checkDuration(o.shutdownDelay ?? Duration.seconds(5), 'shutdownDelay', 0, 3600, problems);
  if (o.shutdownDelay !== undefined && native) {
    problems.add('shutdownDelay', 'is set in SidecarMode.NATIVE, where Envoy stops only after the app has exited; remove it, or use SidecarMode.CLASSIC.');
  }
  checkObjectName(configMapName, o.configMapName === undefined ? 'configMapName (from the pod name)' : 'configMapName', 'ConfigMap', problems);
  checkMode(o.mode, problems);
  checkImage(image, problems, ENVOY_IMAGE);
  checkContainerName(name, problems, { suffix: '-config', what: 'config volume' });

  const config = {
    admin: {
      address: { socket_address: { address: '127.0.0.1', port_value: adminPort } },
    },
    static_resources: {
      listeners: [
        listener('ingress', port, 'ingress_http', [{
          name: 'app',
          domains: ['*'],
          routes: [{ match: { prefix: '/' }, route: { cluster: 'app', ...(timeout !== undefined ? { timeout: `${timeout}s` } : {}) } }],
        }]),
        listener('admin_paths', metricsPort, 'admin_paths', [{
          name: 'admin_paths',
          domains: ['*'],
          routes: [
            { match: { path: '/ready' }, route: { cluster: 'envoy_admin' } },
            { match: { path: '/stats/prometheus' }, route: { cluster: 'envoy_admin' } },
          ],
        }]),
      ],
      clusters: [
        staticCluster('app', '1s', o.appPort),
        staticCluster('envoy_admin', '0.25s', adminPort),
      ],
    },
  };

  const readiness = { httpGet: { path: '/ready', port: 'envoy-metrics' as any } };
  const container: Container = {
    name,
    image,
    ports: [
      { name: portName, containerPort: port },
      { name: 'envoy-metrics', containerPort: metricsPort },
    ],
    readinessProbe: readiness,
    ...(native ? { startupProbe: httpStartupProbe('/ready', 'envoy-metrics', 1, 30) } : {}),
    ...(!native && shutdownDelay ? { lifecycle: { preStop: { exec: { command: ['sleep', String(shutdownDelay)] } } } } : {}),
    volumeMounts: [{ name: derivedName(name, '-config'), mountPath: '/etc/envoy', readOnly: true }],
    ...(o.resources !== undefined ? { resources: resourcesJson(o.resources) } : {}),
  };

  return {
    container,
    volumes: [{ name: derivedName(name, '-config'), configMap: { name: configMapName } }],
    configMaps: [{ name: configMapName, data: { 'envoy.yaml': toYaml(config) } }],
    frontPorts: [portName],
    frontedAppPorts: [o.appPort],
    problems: problems.items,
  };
}

function listener(name: string, port: number, statPrefix: string, virtualHosts: unknown[]): unknown {
  return {
    name,
    address: { socket_address: { address: '0.0.0.0', port_value: port } },
    filter_chains: [{
      filters: [{
        name: 'envoy.filters.network.http_connection_manager',
        typed_config: {
          '@type': HCM,
          'stat_prefix': statPrefix,
          'route_config': { name: `${name}_route`, virtual_hosts: virtualHosts },
          'http_filters': [{ name: 'envoy.filters.http.router', typed_config: { '@type': ROUTER } }],
        },
      }],
    }],
  };
}

function staticCluster(name: string, connectTimeout: string, port: number): unknown {
  return {
    name,
    connect_timeout: connectTimeout,
    type: 'STATIC',
    load_assignment: {
      cluster_name: name,
      endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: '127.0.0.1', port_value: port } } } }] }],
    },
  };
}
