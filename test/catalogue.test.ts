import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ExposedService, InitPod, LogShipper, PlainPod, PlainPodProps, Protocol, ServiceTarget, ServiceType,
  SidecarLoggedApp, SidecarMode, Workload,
} from '../src';
import { exampleCharts } from './example-charts';
import { inProcessProblems, manifestProblems } from './k8s-validators';

/**
 * The catalogue: bad inputs, each with the EXACT error text, none of which may produce output;
 * and valid edge cases the API server accepts, which must synthesize to manifests that pass the
 * three offline checks.
 */

const c = (name: string, extra: Partial<k8s.Container> = {}): k8s.Container => ({ name, image: 'busybox:1.36', ...extra });
const pod = (scope: Construct, props: Partial<PlainPodProps> = {}): PlainPod =>
  new PlainPod(scope, 'pod', { metadata: { name: 'web', labels: { app: 'web' } }, containers: [c('app')], ...props });
const webWithPorts = (scope: Construct): PlainPod =>
  pod(scope, { containers: [c('app', { ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] })] });
const app = c('main-container', { command: ['sh', '-c', 'echo hi >> /var/log/app.log'] });
const long = (n: number, ch = 'a'): string => ch.repeat(n);

/** Runs `build` in a fresh app and returns what `app.synth()` threw; fails if anything was written. */
function rejection(build: (chart: Chart) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));
  try {
    let message: string | undefined;
    try {
      const theApp = new App({ outdir });
      build(new Chart(theApp, 'test'));
      theApp.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(fs.readdirSync(outdir)).toEqual([]);
    if (message === undefined) {
      throw new Error('expected synthesis to fail, but it wrote manifests');
    }
    return message;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const header = 'Validation failed with the following errors:\n  ';

type Case = [string, (chart: Chart) => void, string];

const BAD: Case[] = [
  // ---- PlainPod: metadata ------------------------------------------------------------------
  ['PlainPod: an uppercase pod name', (s) => pod(s, { metadata: { name: 'Web' } }), '[test/pod] PlainPod \'Web\': metadata.name: "Web" is not valid as an object name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').'],
  ['PlainPod: a pod name over 253 characters', (s) => pod(s, { metadata: { name: long(254) } }), `[test/pod] PlainPod '${long(254)}': metadata.name: "${long(254)}" is not valid as an object name: it must be no more than 253 characters (it has 254).`],
  ['PlainPod: a namespace with a dot', (s) => pod(s, { metadata: { name: 'web', namespace: 'team.a' } }), '[test/pod] PlainPod \'web\': metadata.namespace: "team.a" is not a valid namespace: it must not contain dots (it is a DNS-1123 label, not a subdomain; e.g. \'my-name\').'],
  ['PlainPod: a label key with a space', (s) => pod(s, { metadata: { name: 'web', labels: { 'app name': 'web' } } }), '[test/pod] PlainPod \'web\': metadata.labels: label key "app name" is invalid: it must have a name part of alphanumerics, \'-\', \'_\' or \'.\' that starts and ends with an alphanumeric (e.g. \'MyName\', \'my.name\' or \'example.com/MyName\').'],
  ['PlainPod: a label value over 63 characters', (s) => pod(s, { metadata: { name: 'web', labels: { app: long(64) } } }), `[test/pod] PlainPod 'web': metadata.labels.app: label value "${long(64)}" is invalid: it must be no more than 63 characters (it has 64).`],
  ['PlainPod: a label value starting with a dash', (s) => pod(s, { metadata: { name: 'web', labels: { app: '-web' } } }), '[test/pod] PlainPod \'web\': metadata.labels.app: label value "-web" is invalid: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric.'],
  ['PlainPod: an annotation key with two slashes', (s) => pod(s, { metadata: { name: 'web', annotations: { 'a/b/c': 'x' } } }), '[test/pod] PlainPod \'web\': metadata.annotations: annotation key "a/b/c" is invalid: it must be a qualified name: an optional DNS subdomain prefix and \'/\', then a name (e.g. \'example.com/my-key\').'],
  // ---- PlainPod: containers ----------------------------------------------------------------
  ['PlainPod: no main container', (s) => pod(s, { containers: [] }), "[test/pod] PlainPod 'web': spec.containers: a pod needs at least one main container; add one."],
  ['PlainPod: an uppercase container name', (s) => pod(s, { containers: [c('App')] }), '[test/pod] PlainPod \'web\': spec.containers[0].name: container name "App" is invalid: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\').'],
  ['PlainPod: a dotted container name', (s) => pod(s, { containers: [c('app.v1')] }), '[test/pod] PlainPod \'web\': spec.containers[0].name: container name "app.v1" is invalid: it must not contain dots (it is a DNS-1123 label, not a subdomain; e.g. \'my-name\').'],
  ['PlainPod: two main containers with one name', (s) => pod(s, { containers: [c('app'), c('app')] }), '[test/pod] PlainPod \'web\': spec.containers[1].name: container name "app" is already used by spec.containers[0]; give each container (init and main) a unique name.'],
  ['PlainPod: an init container named like a main container', (s) => pod(s, { initContainers: [c('app')] }), '[test/pod] PlainPod \'web\': spec.initContainers[0].name: container name "app" is already used by spec.containers[0]; give each container (init and main) a unique name.'],
  ['PlainPod: an empty image', (s) => pod(s, { containers: [c('app', { image: '' })] }), '[test/pod] PlainPod \'web\': spec.containers[0].image: container "app" has no image; set image (e.g. \'busybox:1.36\').'],
  ['PlainPod: an image with a trailing space', (s) => pod(s, { containers: [c('app', { image: 'busybox ' })] }), '[test/pod] PlainPod \'web\': spec.containers[0].image: "busybox " has leading or trailing whitespace; remove it.'],
  ['PlainPod: a main container with restartPolicy', (s) => pod(s, { containers: [c('app', { restartPolicy: 'Always' })] }), '[test/pod] PlainPod \'web\': spec.containers[0].restartPolicy: "Always" is set on a main container; only init containers accept restartPolicy (Always makes a native sidecar). Remove it.'],
  ['PlainPod: an unknown pod restartPolicy', (s) => pod(s, { restartPolicy: 'Sometimes' }), '[test/pod] PlainPod \'web\': spec.restartPolicy: "Sometimes" is not supported; use one of Always, OnFailure, Never.'],
  // ---- PlainPod: ports ---------------------------------------------------------------------
  ['PlainPod: containerPort 0', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 0 }] })] }), "[test/pod] PlainPod 'web': spec.containers[0].ports[0].containerPort: 0 is not a valid port number; use an integer between 1 and 65535."],
  ['PlainPod: containerPort 65536', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 65536 }] })] }), "[test/pod] PlainPod 'web': spec.containers[0].ports[0].containerPort: 65536 is not a valid port number; use an integer between 1 and 65535."],
  ['PlainPod: hostPort 70000', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 80, hostPort: 70000 }] })] }), "[test/pod] PlainPod 'web': spec.containers[0].ports[0].hostPort: 70000 is not a valid port number; use an integer between 1 and 65535."],
  ['PlainPod: a 16-character port name', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 80, name: 'http-alternative' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].ports[0].name: container port name "http-alternative" is not a valid IANA service name: it must be no more than 15 characters (it has 16).'],
  ['PlainPod: an uppercase port name', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 80, name: 'HTTP' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].ports[0].name: container port name "HTTP" is not a valid IANA service name: it must contain only lowercase letters, digits and \'-\'.'],
  ['PlainPod: a port name without a letter', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 80, name: '8080' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].ports[0].name: container port name "8080" is not a valid IANA service name: it must contain at least one letter.'],
  ['PlainPod: a port name with "--"', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 80, name: 'web--ui' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].ports[0].name: container port name "web--ui" is not a valid IANA service name: it must not contain consecutive hyphens (\'--\').'],
  ['PlainPod: one port name twice in a container', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].ports[1].name: port name "http" is already used by spec.containers[0].ports[0]; give each port of a container a unique name.'],
  ['PlainPod: an unknown port protocol', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 80, protocol: 'HTTP' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].ports[0].protocol: "HTTP" is not supported; use one of TCP, UDP, SCTP.'],
  ['PlainPod: one host port in two containers', (s) => pod(s, { containers: [c('a', { ports: [{ containerPort: 80, hostPort: 8080 }] }), c('b', { ports: [{ containerPort: 81, hostPort: 8080 }] })] }), "[test/pod] PlainPod 'web': spec.containers[1].ports[0].hostPort: 8080 (TCP) is already used by spec.containers[0].ports[0].hostPort; each host port may be used once per protocol and host IP."],
  // ---- PlainPod: volumes and mounts --------------------------------------------------------
  ['PlainPod: a mount of an undeclared volume', (s) => pod(s, { volumes: [{ name: 'cache', emptyDir: {} }], containers: [c('app', { volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].volumeMounts[0].name: "data" names no volume of this pod; declare it in volumes or use one of "cache".'],
  ['PlainPod: a relative mountPath', (s) => pod(s, { volumes: [{ name: 'data', emptyDir: {} }], containers: [c('app', { volumeMounts: [{ name: 'data', mountPath: 'data' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].volumeMounts[0].mountPath: "data" is relative; the API server accepts it but the kubelet would silently resolve it against \'/\'. This library\'s contract requires an absolute path: use "/data".'],
  ['PlainPod: two mounts on one path', (s) => pod(s, { volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }], containers: [c('app', { volumeMounts: [{ name: 'a', mountPath: '/data' }, { name: 'b', mountPath: '/data' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].volumeMounts[1].mountPath: "/data" is already mounted by spec.containers[0].volumeMounts[0]; each mount needs its own path.'],
  ['PlainPod: two mounts on /data and /data/', (s) => pod(s, { volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {} }], containers: [c('app', { volumeMounts: [{ name: 'a', mountPath: '/data' }, { name: 'b', mountPath: '/data/' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].volumeMounts[1].mountPath: "/data/" is already mounted by spec.containers[0].volumeMounts[0] ("/data" is the same directory: this library compares mount paths without a trailing \'/\', as the container runtime does); each mount needs its own path (this library\'s contract).'],
  ['PlainPod: a subPath that climbs out of the volume', (s) => pod(s, { volumes: [{ name: 'data', emptyDir: {} }], containers: [c('app', { volumeMounts: [{ name: 'data', mountPath: '/data', subPath: '../etc' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].volumeMounts[0].subPath: "../etc" must not contain \'..\'; it is a path inside the volume.'],
  ['PlainPod: two volumes with one name', (s) => pod(s, { volumes: [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }] }), '[test/pod] PlainPod \'web\': spec.volumes[1].name: volume name "data" is already used by spec.volumes[0]; give each volume a unique name.'],
  ['PlainPod: a volume with two sources', (s) => pod(s, { volumes: [{ name: 'data', emptyDir: {}, configMap: { name: 'cfg' } }] }), '[test/pod] PlainPod \'web\': spec.volumes[0]: volume "data" has 2 sources (configMap, emptyDir); a volume may have only one.'],
  ['PlainPod: a volume name with an underscore', (s) => pod(s, { volumes: [{ name: 'my_data', emptyDir: {} }] }), '[test/pod] PlainPod \'web\': spec.volumes[0].name: volume name "my_data" is invalid: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\').'],
  // ---- PlainPod: resources and env ---------------------------------------------------------
  ['PlainPod: a malformed cpu quantity', (s) => pod(s, { containers: [c('app', { resources: { limits: { cpu: k8s.Quantity.fromString('1 core') } } })] }), '[test/pod] PlainPod \'web\': spec.containers[0].resources.limits.cpu: "1 core" is not a valid quantity; write e.g. \'100m\', \'0.5\', \'128Mi\' or 1.'],
  ['PlainPod: a negative memory request', (s) => pod(s, { containers: [c('app', { resources: { requests: { memory: k8s.Quantity.fromString('-1Gi') } } })] }), '[test/pod] PlainPod \'web\': spec.containers[0].resources.requests.memory: "-1Gi" must be greater than or equal to 0.'],
  ['PlainPod: a request above its limit', (s) => pod(s, { containers: [c('app', { resources: { requests: { cpu: k8s.Quantity.fromString('2') }, limits: { cpu: k8s.Quantity.fromString('500m') } } })] }), '[test/pod] PlainPod \'web\': spec.containers[0].resources.requests.cpu: "2" is more than the limit "500m"; a request must be less than or equal to its limit.'],
  ['PlainPod: a resource that is not a container resource', (s) => pod(s, { containers: [c('app', { resources: { limits: { gpu: k8s.Quantity.fromNumber(1) } } })] }), '[test/pod] PlainPod \'web\': spec.containers[0].resources.limits.gpu: resource name "gpu" must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a domain-qualified extended resource (e.g. \'example.com/gpu\').'],
  ['PlainPod: an env name with \'=\'', (s) => pod(s, { containers: [c('app', { env: [{ name: 'A=B', value: 'x' }] })] }), '[test/pod] PlainPod \'web\': spec.containers[0].env[0].name: environment variable name "A=B" is invalid: it must consist only of printable ASCII characters other than \'=\' (Kubernetes 1.31 and earlier are stricter, unless their RelaxedEnvironmentVariableValidation gate is on: letters, digits, \'_\', \'-\' or \'.\', not starting with a digit).'],
  ['PlainPod: an env var with value and valueFrom', (s) => pod(s, { containers: [c('app', { env: [{ name: 'NODE', value: 'x', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }] })] }), "[test/pod] PlainPod 'web': spec.containers[0].env[0].valueFrom: may not be specified when value is not empty; keep value or valueFrom."],
  // ---- PlainPod: Deployment and escape hatches ---------------------------------------------
  ['PlainPod: a Deployment whose pods would not restart', (s) => pod(s, { workload: Workload.deployment(), restartPolicy: 'Never' }), '[test/pod] PlainPod \'web\': spec.template.spec.restartPolicy: "Never" is not supported in a Deployment; the only allowed value is Always (omit it). Use a bare Pod for run-once work.'],
  ['PlainPod: a rolling update that can never progress', (s) => pod(s, { workload: Workload.deployment({ strategy: { rollingUpdate: { maxSurge: k8s.IntOrString.fromNumber(0), maxUnavailable: k8s.IntOrString.fromNumber(0) } } }) }), "[test/pod] PlainPod 'web': spec.strategy.rollingUpdate.maxUnavailable: may not be 0 when maxSurge is 0: the rollout could never make progress. Allow one of them to be above 0."],
  ['PlainPod: an escape-hatch edit that breaks a port', (s) => pod(s, { containers: [c('app', { ports: [{ containerPort: 80 }] })] }).apiObject.addJsonPatch(JsonPatch.replace('/spec/containers/0/ports/0/containerPort', 0)), "[test/pod] PlainPod 'web': spec.containers[0].ports[0].containerPort: 0 is not a valid port number; use an integer between 1 and 65535."],
  ['PlainPod: several problems in one message', (s) => pod(s, { metadata: { name: 'Web' }, containers: [c('App', { image: '' })] }), '[test/pod] PlainPod \'Web\' has 3 problems:\n    - metadata.name: "Web" is not valid as an object name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. \'example.com\').\n    - spec.containers[0].name: container name "App" is invalid: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\').\n    - spec.containers[0].image: container "App" has no image; set image (e.g. \'busybox:1.36\').'],
  ['PlainPod: a container name that cdk8s would write as a number', (s) => pod(s, { containers: [c('0o7')] }), '[test/pod] PlainPod \'web\': spec.containers[0].name: "0o7" would be written unquoted by cdk8s and read back by kubectl as a number, not a string; this library\'s contract rejects it: change the value (e.g. add a letter in front).'],
  ['PlainPod: a container name kubectl reads as a signed binary number (0b-0)', (s) => pod(s, { containers: [c('0b-0')] }), '[test/pod] PlainPod \'web\': spec.containers[0].name: "0b-0" would be written unquoted by cdk8s and read back by kubectl as a number, not a string; this library\'s contract rejects it: change the value (e.g. add a letter in front).'],
  ['PlainPod: a label key that cdk8s would write as a number', (s) => pod(s, { metadata: { name: 'web', labels: { '0X1F': 'x' } } }), '[test/pod] PlainPod \'web\': metadata.labels: key "0X1F" would be written unquoted by cdk8s and read back by kubectl as a number, not a string; this library\'s contract rejects it: change the key (e.g. add a letter in front).'],
  // ---- InitPod -----------------------------------------------------------------------------
  ['InitPod: no init container that runs to completion', (s) => new InitPod(s, 'pod', { metadata: { name: 'init' }, initContainers: [], containers: [c('app')] }), "[test/pod] InitPod 'init': spec.initContainers: an InitPod needs at least one init container that runs to completion; add one (initContainers or initSteps), or use PlainPod for a pod without init steps."],
  ['InitPod: an init container with a readiness probe', (s) => new InitPod(s, 'pod', { metadata: { name: 'init' }, initContainers: [c('setup', { readinessProbe: { exec: { command: ['true'] } } })], containers: [c('app')] }), "[test/pod] InitPod 'init': spec.initContainers[0].readinessProbe: must not be set for init containers: an init container runs to completion before the app starts. Remove it, or make the container a native sidecar (restartPolicy: Always; Kubernetes 1.29+; 1.28 has native sidecars only behind the alpha SidecarContainers feature gate)."],
  ['InitPod: an init container with restartPolicy OnFailure', (s) => new InitPod(s, 'pod', { metadata: { name: 'init' }, initContainers: [c('setup', { restartPolicy: 'OnFailure' })], containers: [c('app')] }), '[test/pod] InitPod \'init\': spec.initContainers[0].restartPolicy: "OnFailure" is not supported on an init container; the only allowed value is Always (a native sidecar: Kubernetes 1.29+; 1.28 has native sidecars only behind the alpha SidecarContainers feature gate).'],
  ['InitPod: an init step named like the main container', (s) => new InitPod(s, 'pod', { metadata: { name: 'init' }, initContainers: [c('app')], containers: [c('app')] }), '[test/pod] InitPod \'init\': spec.initContainers[0].name: container name "app" is already used by spec.containers[0]; give each container (init and main) a unique name.'],
  // ---- SidecarLoggedApp --------------------------------------------------------------------
  ['SidecarLoggedApp: an app container named like the generated sidecar', (s) => new SidecarLoggedApp(s, 'pod', { metadata: { name: 'logs' }, app: c('sidecar-container') }), '[test/pod] SidecarLoggedApp \'logs\': spec.containers[1].name: container name "sidecar-container" is already used by spec.containers[0]; give each container (init and main) a unique name.'],
  ['SidecarLoggedApp: a log volume name with uppercase letters', (s) => new SidecarLoggedApp(s, 'pod', { metadata: { name: 'logs' }, app, logVolumeName: 'Shared-Logs' }), '[test/pod] SidecarLoggedApp \'logs\': spec.volumes[0].name: volume name "Shared-Logs" is invalid: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\').'],
  ['SidecarLoggedApp: a volume named like the log volume', (s) => new SidecarLoggedApp(s, 'pod', { metadata: { name: 'logs' }, app, volumes: [{ name: 'shared-logs', emptyDir: {} }] }), '[test/pod] SidecarLoggedApp \'logs\': spec.volumes[1].name: volume name "shared-logs" is already used by spec.volumes[0]; give each volume a unique name.'],
  ['SidecarLoggedApp: a relative logMountPath', (s) => new SidecarLoggedApp(s, 'pod', { metadata: { name: 'logs' }, app, logMountPath: 'var/log' }), '[test/pod] SidecarLoggedApp \'logs\' has 3 problems:\n    - spec.containers[0].volumeMounts[0].mountPath: "var/log" is relative; the API server accepts it but the kubelet would silently resolve it against \'/\'. This library\'s contract requires an absolute path: use "/var/log".\n    - spec.containers[1].volumeMounts[0].mountPath: "var/log" is relative; the API server accepts it but the kubelet would silently resolve it against \'/\'. This library\'s contract requires an absolute path: use "/var/log".\n    - logMountPath: "var/log" must be an absolute path (e.g. \'/var/log/\'); the pattern mounts it into both containers.'],
  ['SidecarLoggedApp: both sidecar and logShipper', (s) => new SidecarLoggedApp(s, 'pod', { metadata: { name: 'logs' }, app, sidecar: c('shipper'), logShipper: LogShipper.tail() }), "[test/pod] SidecarLoggedApp 'logs': both sidecar and logShipper are set; pass one: sidecar for your own container, logShipper for a generated one."],
  ['SidecarLoggedApp: an app without an image', (s) => new SidecarLoggedApp(s, 'pod', { metadata: { name: 'logs' }, app: { name: 'main-container' } }), '[test/pod] SidecarLoggedApp \'logs\': spec.containers[0].image: container "main-container" has no image; set image (e.g. \'busybox:1.36\').'],
  // ---- ExposedService ----------------------------------------------------------------------
  ['ExposedService: nodePort 8080', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, type: ServiceType.NODE_PORT, target: pod(s), ports: [{ port: 80, nodePort: 8080 }] }), "[test/svc] ExposedService 'web': spec.ports[0].nodePort: 8080 is outside 30000-32767; pick a port in that range or omit it to let Kubernetes allocate one."],
  ['ExposedService: a nodePort on a ClusterIP Service', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: pod(s), ports: [{ port: 80, nodePort: 30080 }] }), "[test/svc] ExposedService 'web': spec.ports[0].nodePort: 30080 may not be used when type is ClusterIP; set type to ServiceType.NODE_PORT or LOAD_BALANCER, or remove nodePort."],
  ['ExposedService: port 0', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: pod(s), ports: [{ port: 0 }] }), "[test/svc] ExposedService 'web': spec.ports[0].port: 0 is not a valid port number; use an integer between 1 and 65535."],
  ['ExposedService: port 65536', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: pod(s), ports: [{ port: 65536 }] }), "[test/svc] ExposedService 'web': spec.ports[0].port: 65536 is not a valid port number; use an integer between 1 and 65535."],
  ['ExposedService: two ports with one name', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: pod(s), ports: [{ port: 80, name: 'http' }, { port: 81, name: 'http' }] }), '[test/svc] ExposedService \'web\': spec.ports[1].name: "http" is already used by spec.ports[0]; give each port a unique name.'],
  ['ExposedService: an unnamed port among two', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: pod(s), ports: [{ port: 80, name: 'http' }, { port: 443 }] }), "[test/svc] ExposedService 'web': spec.ports[1].name: is required when a Service has more than one port; name every port (e.g. 'http')."],
  ['ExposedService: one port and protocol twice', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: pod(s), ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] }), "[test/svc] ExposedService 'web': spec.ports[1]: port 80/TCP is already declared by spec.ports[0]; each port and protocol pair may appear once."],
  ['ExposedService: an uppercase Service port name', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: pod(s), ports: [{ port: 80, name: 'HTTP' }] }), '[test/svc] ExposedService \'web\': spec.ports[0].name: Service port name "HTTP" is invalid: it must be a lowercase RFC 1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit (e.g. \'my-name\').'],
  ['ExposedService: a dotted Service name', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web.internal' }, target: pod(s), ports: [{ port: 80 }] }), '[test/svc] ExposedService \'web.internal\': metadata.name: "web.internal" is not valid as a Service name (an RFC 1035 label): it must be an RFC 1035 label: lowercase letters, digits and \'-\', starting with a letter and ending with a letter or digit (e.g. \'my-name\').'],
  ['ExposedService: a Service name starting with a digit', (s) => new ExposedService(s, 'svc', { metadata: { name: '1web' }, target: pod(s), ports: [{ port: 80 }] }), '[test/svc] ExposedService \'1web\': metadata.name: "1web" is not valid as a Service name (an RFC 1035 label): it must be an RFC 1035 label: lowercase letters, digits and \'-\', starting with a letter and ending with a letter or digit (e.g. \'my-name\').'],
  ['ExposedService: a targetPort name the target does not declare', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: webWithPorts(s), ports: [{ port: 80, targetPort: 'https' }] }), '[test/svc] ExposedService \'web\': spec.ports[0].targetPort: "https" names no container port of PlainPod \'web\'; use one of "http" or a port number (this library\'s contract).'],
  ['ExposedService: a targetPort name over 15 characters', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: webWithPorts(s), ports: [{ port: 80, targetPort: 'http-alternative' }] }), '[test/svc] ExposedService \'web\': spec.ports[0].targetPort: "http-alternative" is not a valid container port name: it must be no more than 15 characters (it has 16).'],
  ['ExposedService: a named targetPort of another protocol', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: webWithPorts(s), ports: [{ port: 53, targetPort: 'dns' }] }), '[test/svc] ExposedService \'web\': spec.ports[0].targetPort: "dns" is a UDP container port but this Service port is TCP; make the protocols match (this library\'s contract).'],
  ['ExposedService: no target and no selector', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, ports: [{ port: 80 }] }), "[test/svc] ExposedService 'web': spec.selector: the Service selects no pods (this library's contract); pass target (a pod pattern) or selector (labels), or withoutSelector: true for a Service whose endpoints are managed elsewhere."],
  ['ExposedService: a target without labels', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: pod(s, { metadata: { name: 'web' } }), ports: [{ port: 80 }] }), "[test/svc] ExposedService 'web': spec.selector: target PlainPod 'web' has no labels, so no selector can match its pods (this library's contract); add metadata.labels to it (e.g. { app: 'web' })."],
  ['ExposedService: no ports', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, target: pod(s), ports: [] }), "[test/svc] ExposedService 'web': spec.ports: a Service needs at least one port; add one (e.g. { port: 80 }), or make it headless with ExposedService.headless()."],
  ['ExposedService: a selector label value with a space', (s) => new ExposedService(s, 'svc', { metadata: { name: 'web' }, selector: { app: 'my web' }, ports: [{ port: 80 }] }), '[test/svc] ExposedService \'web\': spec.selector.app: label value "my web" is invalid: it must be empty or consist of alphanumerics, \'-\', \'_\' or \'.\', and start and end with an alphanumeric.'],
];

describe('catalogue of bad inputs', () => {
  test('has at least 40 cases across the four constructs', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(40);
    for (const construct of ['PlainPod', 'InitPod', 'SidecarLoggedApp', 'ExposedService']) {
      expect(BAD.filter(([name]) => name.startsWith(`${construct}:`)).length).toBeGreaterThanOrEqual(4);
    }
  });

  test.each(BAD)('%s fails with the exact message and writes nothing', (_name, build, expected) => {
    expect(rejection(build)).toBe(header + expected);
  });

  test('the README shows one of these messages verbatim', () => {
    // GIVEN the first text block of the README's Validation section
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Validation'));
    const shown = /```text\n([\s\S]*?)\n```/.exec(section)![1];
    // THEN it is the exact text of a catalogue case
    const [, , expected] = BAD.find(([name]) => name === 'PlainPod: several problems in one message')!;
    expect(shown).toBe(header + expected);
  });
});

/** Valid edge cases: the API server accepts them, so this library must too. */
const GOOD: Array<[string, (chart: Chart) => void]> = [
  ['PlainPod: a 253-character dotted pod name', (s) => pod(s, { metadata: { name: [long(63), long(63, 'b'), long(63, 'c'), long(61, 'd')].join('.') } })],
  ['PlainPod: a dotted pod name', (s) => pod(s, { metadata: { name: 'web.v1' } })],
  // The API server defaults a volume without a source to an emptyDir (SetDefaults_Volume); this case was a BAD one until the defaulting was mirrored (issue 11).
  ['PlainPod: a volume with only a name (the API server makes it an emptyDir)', (s) => pod(s, { volumes: [{ name: 'data' }], containers: [c('app', { volumeMounts: [{ name: 'data', mountPath: '/data' }] })] })],
  ['PlainPod: a 63-character namespace, container and volume name', (s) => pod(s, {
    metadata: { name: 'web', namespace: long(63, 'n') },
    volumes: [{ name: long(63, 'v'), emptyDir: {} }],
    containers: [c(long(63, 'c'), { volumeMounts: [{ name: long(63, 'v'), mountPath: '/' }] })],
  })],
  ['PlainPod: label keys with prefixes, empty and 63-character values', (s) => pod(s, {
    metadata: {
      name: 'web',
      labels: { 'app.kubernetes.io/name': 'web', [`${long(253 - 4, 'p')}.com/${long(63, 'K')}`]: long(63, 'V'), 'empty': '', 'Mixed_Case.value': 'A_b.c-9' },
      annotations: { 'Example.COM/Key': 'any text at all: { "json": true }' },
    },
  })],
  ['PlainPod: boundary ports 1 and 65535, a 15-character port name', (s) => pod(s, {
    containers: [c('app', { ports: [{ containerPort: 1, name: 'abcdefghijklmno' }, { containerPort: 65535, hostPort: 65535, name: 'x1' }] })],
  })],
  ['PlainPod: one host port on TCP and UDP, and in two init containers', (s) => pod(s, {
    initContainers: [c('a', { ports: [{ containerPort: 80, hostPort: 8080 }] }), c('b', { ports: [{ containerPort: 80, hostPort: 8080 }] })],
    containers: [c('app', { ports: [{ containerPort: 53, hostPort: 53 }, { containerPort: 53, hostPort: 53, protocol: 'UDP' }] })],
  })],
  ['PlainPod: well-formed quantities in every notation', (s) => pod(s, {
    containers: [c('app', {
      resources: {
        requests: { 'cpu': k8s.Quantity.fromString('100m'), 'memory': k8s.Quantity.fromString('1e3'), 'example.com/gpu': k8s.Quantity.fromNumber(1), 'hugepages-2Mi': k8s.Quantity.fromString('4Mi') },
        limits: { 'cpu': k8s.Quantity.fromNumber(0.5), 'memory': k8s.Quantity.fromString('1Gi'), 'example.com/gpu': k8s.Quantity.fromNumber(1), 'hugepages-2Mi': k8s.Quantity.fromString('4Mi'), 'ephemeral-storage': k8s.Quantity.fromString('+.5Ki') },
      },
    })],
  })],
  ['PlainPod: the same mount path in two containers, nested paths, a subPath', (s) => pod(s, {
    volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'cfg', items: [{ key: 'a', path: 'conf/a.ini' }] } }],
    containers: [
      c('a', { volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'cfg', mountPath: '/data/cfg' }] }),
      c('b', { volumeMounts: [{ name: 'data', mountPath: '/data', subPath: 'b/logs' }] }),
    ],
  })],
  ['PlainPod: env names with dots and dashes, valueFrom alone', (s) => pod(s, {
    containers: [c('app', { env: [{ name: 'my.env-name', value: '' }, { name: '_X' }, { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }] })],
  })],
  ['PlainPod: a Deployment with maxUnavailable 0 and minReadySeconds 599', (s) => pod(s, {
    workload: Workload.deployment({ minReadySeconds: 599, replicas: 0, strategy: { rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(0), maxSurge: k8s.IntOrString.fromString('100%') } } }),
  })],
  ['PlainPod: number-like strings that cdk8s quotes (0x1f, 1e3, 012, on)', (s) => pod(s, {
    metadata: { name: '012', labels: { on: '1e3' } },
    containers: [c('0x1f', { image: '0x1f', args: ['1_000', 'y', '0b1'] })],
  })],
  ['PlainPod: a Recreate Deployment', (s) => pod(s, { workload: Workload.deployment({ strategy: { type: 'Recreate' } }) })],
  ['InitPod: a native sidecar with probes before a run-to-completion step', (s) => new InitPod(s, 'pod', {
    metadata: { name: 'init' },
    initContainers: [c('proxy', { restartPolicy: 'Always', readinessProbe: { tcpSocket: { port: k8s.IntOrString.fromString('proxy') } } }), c('setup')],
    containers: [c('app', { livenessProbe: { httpGet: { port: k8s.IntOrString.fromNumber(8080), path: '/healthz' }, successThreshold: 1 } })],
  })],
  ['SidecarLoggedApp: a native sidecar, a custom mount path and volume', (s) => new SidecarLoggedApp(s, 'pod', {
    metadata: { name: 'logs.v2', labels: { app: 'logs' } },
    app,
    sidecarMode: SidecarMode.NATIVE,
    logVolumeName: long(63, 'l'),
    logMountPath: '/var/log/app/',
  })],
  ['SidecarLoggedApp: as a Deployment', (s) => new SidecarLoggedApp(s, 'pod', { metadata: { name: 'logs', labels: { app: 'logs' } }, app, workload: Workload.deployment({ replicas: 3 }) })],
  ['ExposedService: a 63-character name, boundary ports and node ports', (s) => new ExposedService(s, 'svc', {
    metadata: { name: `w${long(62, '0')}` },
    type: ServiceType.NODE_PORT,
    target: pod(s),
    ports: [{ port: 1, name: long(63, 'p'), nodePort: 30000 }, { port: 65535, name: 'b', nodePort: 32767 }],
  })],
  ['ExposedService: a 15-character named targetPort, UDP and TCP on one port', (s) => new ExposedService(s, 'svc', {
    metadata: { name: 'web' },
    type: ServiceType.LOAD_BALANCER,
    target: pod(s, { containers: [c('app', { ports: [{ name: 'abcdefghijklmno', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] })] }),
    ports: [{ port: 80, name: 'http', targetPort: 'abcdefghijklmno' }, { port: 53, name: 'dns-udp', protocol: Protocol.UDP, targetPort: 'dns' }, { port: 53, name: 'dns-tcp', targetPort: 53 }],
  })],
  ['ExposedService: a node port inside a custom range', (s) => new ExposedService(s, 'svc', {
    metadata: { name: 'web' }, type: ServiceType.NODE_PORT, nodePortRange: { min: 8000, max: 9000 }, target: pod(s), ports: [{ port: 80, nodePort: 8080 }],
  })],
  ['ExposedService: labels of pods from elsewhere, with a prefixed key', (s) => new ExposedService(s, 'svc', {
    metadata: { name: 'legacy' }, target: ServiceTarget.fromLabels({ 'app.kubernetes.io/name': 'legacy' }), ports: [{ port: 80, targetPort: 'anything' }],
  })],
];

describe('catalogue of valid edge cases', () => {
  const accepted: any[] = [];

  test.each(GOOD)('%s is accepted and passes the schema and field checks', (_name, build) => {
    const theApp = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-')) });
    const chart = new Chart(theApp, 'test');
    build(chart);
    const manifests = chart.toJson();
    expect(manifests.length).toBeGreaterThan(0);
    expect(inProcessProblems(manifests)).toEqual([]);
    accepted.push(...manifests);
    fs.rmSync(theApp.outdir, { recursive: true, force: true });
  });

  test('every accepted edge case and every example chart passes all three checks (kubectl in one batch)', () => {
    // GIVEN the manifests of the valid edge cases above and of every example chart
    const examples = [...exampleCharts().values()].flatMap((chart) => chart.toJson());
    // WHEN
    const problems = manifestProblems([...accepted, ...examples]);
    // THEN
    expect(accepted.length).toBeGreaterThanOrEqual(GOOD.length);
    expect(problems).toEqual([]);
  });
});
