import { show } from '../problems';
import type { SidecarBinding, SidecarContext, SidecarMode } from '../sidecar';
import {
  checkBoolean, checkContainerName, checkImage, checkMode, checkOptionsObject, checkPort, checkText, httpStartupProbe, isNative,
  OptionProblems, resourcesJson,
} from './common';
import type { Container, ResourceRequirements } from '../k8s-types';

/**
 * Options for `Sidecar.nginxExporter()`.
 */
export interface NginxExporterOptions {
  /**
   * Where the exporter reads NGINX's metrics (`--nginx.scrape-uri`): the `stub_status` page of
   * NGINX (or, with `plus`, the NGINX Plus API). NGINX must expose it, e.g. a
   * `location = /stub_status { stub_status; }` in a server listening on 8080.
   *
   * @default 'http://127.0.0.1:8080/stub_status' - the vendor's prerequisite (stub_status at /stub_status on port 8080) and the exporter's own default
   */
  readonly scrapeUri?: string;

  /**
   * Scrape NGINX Plus's API instead of `stub_status` (`--nginx.plus`).
   *
   * @default false
   */
  readonly plus?: boolean;

  /**
   * Port of the exporter's `/metrics` (`--web.listen-address=:<port>`); the container port is
   * named `nginx-metrics`.
   *
   * @default 9113 - the exporter's default scrape port
   */
  readonly port?: number;

  /**
   * Classic or native.
   *
   * @default SidecarMode.CLASSIC - the exporter is a separate process beside NGINX; nothing in the pod waits for it
   */
  readonly mode?: SidecarMode;

  /**
   * The exporter image.
   *
   * @default 'nginx/nginx-prometheus-exporter:1.4.2'
   */
  readonly image?: string;

  /**
   * Name of the sidecar container.
   *
   * @default 'nginx-exporter'
   */
  readonly name?: string;

  /**
   * Resources of the exporter container.
   *
   * @default - none: no requests or limits
   */
  readonly resources?: ResourceRequirements;
}

/** The default image: the version of the vendor's README ("Running the Exporter in a Docker Container"). */
export const NGINX_EXPORTER_IMAGE = 'nginx/nginx-prometheus-exporter:1.4.2';

/** The option names, for the check of misspelt keys at construction (Sidecar factories) and at bind. */
export const OPTIONS = ['scrapeUri', 'plus', 'port', 'mode', 'image', 'name', 'resources'];

/**
 * The NGINX Prometheus exporter beside NGINX.
 *
 * Vendor source: nginx/nginx-prometheus-exporter `README.md` (the Docker command with
 * `--nginx.scrape-uri=http://<nginx>:8080/stub_status`, image 1.4.2, the scrape port 9113 and
 * path `/metrics`, the command-line arguments).
 *
 * @internal
 */
export function nginxExporterBinding(input: NginxExporterOptions, mode: SidecarMode, _context: SidecarContext): SidecarBinding {
  const problems = new OptionProblems('Sidecar.nginxExporter');
  const o = checkOptionsObject(input, OPTIONS, problems) as NginxExporterOptions;
  const name = o.name ?? 'nginx-exporter';
  const image = o.image ?? NGINX_EXPORTER_IMAGE;
  const scrapeUri = o.scrapeUri ?? 'http://127.0.0.1:8080/stub_status';
  const port = o.port ?? 9113;

  if (checkText(scrapeUri, 'scrapeUri', problems, 'http://127.0.0.1:8080/stub_status')) {
    let ok = /^unix:\/[^\s:]*:\/\S*$/.test(scrapeUri);
    if (!ok) {
      try {
        const url = new URL(scrapeUri);
        ok = (url.protocol === 'http:' || url.protocol === 'https:') && !/\s/.test(scrapeUri);
        if (ok && (url.username || url.password)) {
          problems.add('scrapeUri', `${show(scrapeUri)} contains credentials, which would be written in clear text into the manifest; expose stub_status without authentication on a port only the pod reaches.`);
        }
      } catch {
        ok = false;
      }
    }
    if (!ok) {
      problems.add('scrapeUri', `${show(scrapeUri)} is not a URL the exporter can scrape; write 'http://127.0.0.1:8080/stub_status' (or 'unix:/path/to/socket:/stub_status').`);
    }
  }
  checkBoolean(o.plus, 'plus', problems);
  checkPort(port, 'port', problems);
  checkMode(o.mode, problems);
  checkImage(image, problems, NGINX_EXPORTER_IMAGE);
  checkContainerName(name, problems);

  const container: Container = {
    name,
    image,
    args: [
      ...(o.plus ? ['--nginx.plus'] : []),
      `--nginx.scrape-uri=${scrapeUri}`,
      ...(o.port !== undefined ? [`--web.listen-address=:${port}`] : []),
    ],
    ports: [{ name: 'nginx-metrics', containerPort: port }],
    ...(isNative(mode) ? { startupProbe: httpStartupProbe('/metrics', 'nginx-metrics', 1, 30) } : {}),
    ...(o.resources !== undefined ? { resources: resourcesJson(o.resources) } : {}),
  };
  return { container, problems: problems.items };
}
