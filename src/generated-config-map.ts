import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct, IDependable } from 'constructs';
import { getPath, podSpecPath, subjectOf } from './pod-workload';
import { Problems, show } from './problems';
import { readProps } from './props';
import { hasJsonPatches, ValidatedApiObject, _ManifestChecks } from './validated-api-object';
import { validateObject } from './validation';

/**
 * Props for `GeneratedConfigMap`.
 */
export interface GeneratedConfigMapProps {
  /**
   * The ConfigMap's metadata.
   *
   * @default - cdk8s generates a unique name from the construct path
   */
  readonly metadata?: ApiObjectMetadata;

  /** Its data: key (a file name when mounted) -> text. */
  readonly data: { [key: string]: string };
}

/**
 * A ConfigMap this library writes for a sidecar or an init step (a Fluent Bit or Envoy
 * configuration, a template), validated like every object of this library: keys, total size,
 * name, and unique among the app's ConfigMaps.
 */
export class GeneratedConfigMap extends ValidatedApiObject {
  private readonly data: { [key: string]: string };

  public constructor(scope: Construct, id: string, props: GeneratedConfigMapProps) {
    const read: GeneratedConfigMapProps = readProps(subjectOf('ConfigMap', scope, id, props), 'GeneratedConfigMapProps', props);
    super(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: read.metadata, bodyFields: ['data'], typeName: 'ConfigMap' });
    this.data = { ...read.data };
    // The object a ConfigMap is generated for depends on it, so that it is written first. cdk8s
    // makes every object below a dependant depend on the target too (app.js resolveDependencies):
    // two ConfigMaps generated below one object would then depend on each other, a cycle that
    // fails the synthesis. Their order among themselves does not matter, so that one is not kept.
    const node = this.node;
    const add = node.addDependency.bind(node);
    node.addDependency = (...deps: IDependable[]) => add(...deps.filter((d) => !(d !== this && GeneratedConfigMap.prototype.isPrototypeOf(d)
      && (d as unknown as Construct).node.scope === node.scope)));
  }

  /** The data as written (a copy). */
  public get dataEntries(): { [key: string]: string } {
    return { ...this.data };
  }

  /** @internal */
  protected _renderBody(): Record<string, any> {
    return { data: { ...this.data } };
  }

  /** @internal */
  protected _contentChecked(): boolean {
    return true;
  }

  /** @internal */
  protected _check(manifest: any, problems: Problems, checked: _ManifestChecks): void {
    validateObject(manifest, problems, checked);
  }
}

/**
 * This library's contract: the ConfigMaps generated for a pod are, after JSON patches, where the
 * kubelet looks for them: in the pod's namespace (Go: the configMap volume plugin's SetUpAt reads
 * `b.pod.Namespace`), under the name the pod mounts. The API server accepts both objects either
 * way, and the pod never starts. Only patches can move them apart, so objects without patches
 * are not rendered again.
 */
export function checkGeneratedConfigMaps(podManifest: any, owner: ApiObject, configMaps: readonly ApiObject[], problems: Problems,
  injected: boolean = false): void {
  // Inject.into() adds its volumes after the object's own patches, which cannot reach them.
  const alike = injected ? '' : ', or patch the pod\'s volume alike';
  const ownerPatched = hasJsonPatches(owner);
  for (const cm of configMaps) {
    if (!ownerPatched && !hasJsonPatches(cm)) {
      continue;
    }
    let written: any;
    try {
      written = cm.toJson();
    } catch {
      continue; // the ConfigMap's own validation reports it
    }
    const name = written?.metadata?.name;
    const namespace = written?.metadata?.namespace ?? '';
    if (written?.apiVersion !== 'v1' || written?.kind !== 'ConfigMap') {
      // Another kind (whose own validation may pass): the pod's ConfigMap volume would find nothing.
      problems.add('', `the pod mounts the ConfigMap ${show(cm.name)} generated for it, which a JSON patch turned into ${show(`${String(written?.apiVersion)}/${String(written?.kind)}`)}: `
        + `no ConfigMap of the app would be named ${show(cm.name)}, and the pod would never start. Remove the patch that changed its kind (this library's contract).`);
      continue;
    }
    const podNamespace = podManifest?.metadata?.namespace ?? '';
    const inNamespace = (ns: string) => (ns === '' ? 'no namespace (the one kubectl applies to)' : `namespace ${show(ns)}`);
    // Judged on the pod as written: the ConfigMaps its volumes mount after JSON patches.
    const mounted = mountedConfigMapNames(podManifest);
    if (!mounted.has(name) && mounted.has(cm.name)) {
      problems.add('', `the pod mounts the ConfigMap ${show(cm.name)} generated for it, which a JSON patch renamed to ${show(name)}: no object of the app would be named ${show(cm.name)}, and the pod would never start. Name it with the option that names it (e.g. configMapName) instead of a patch${alike} (this library's contract).`);
    } else if (!mounted.has(name)) {
      problems.add('', `nothing in the pod (no volume, envFrom or env) refers to the ConfigMap ${show(name)} generated for it any more (after JSON patches), so what it holds would not reach the pod. ${injected ? 'Remove the patch that changed its name' : 'Patch the ConfigMap\'s name and the pod\'s reference alike'}, or name it with the option that names it (e.g. configMapName) (this library's contract).`);
    } else if (namespace !== podNamespace) {
      const fix = injected
        ? 'Set metadata.namespace on the object itself (or the chart\'s namespace), which the ConfigMaps Inject.into() generates follow, instead of a patch'
        : 'Set metadata.namespace in the props, which the generated ConfigMaps follow, instead of a patch';
      problems.add('metadata.namespace', `the pod is in ${inNamespace(podNamespace)} and the ConfigMap ${show(cm.name)} generated for it in ${inNamespace(namespace)} (after JSON patches); `
        + `the kubelet looks for it in the pod's namespace, so the pod would never start. ${fix} (this library's contract).`);
    }
  }
}

/**
 * The names of the ConfigMaps a pod (or a workload's pod template) refers to: configMap volumes and
 * projected sources, and the containers' envFrom and env.
 */
function mountedConfigMapNames(manifest: any): Set<unknown> {
  const spec = manifest?.kind === undefined ? undefined : getPath(manifest, podSpecPath(manifest.kind));
  const names = new Set<unknown>();
  const list = (v: unknown): any[] => (Array.isArray(v) ? v : []);
  for (const v of list(spec?.volumes)) {
    names.add(v?.configMap?.name);
    for (const source of list(v?.projected?.sources)) {
      names.add(source?.configMap?.name);
    }
  }
  for (const c of [...list(spec?.initContainers), ...list(spec?.containers), ...list(spec?.ephemeralContainers)]) {
    for (const e of list(c?.envFrom)) {
      names.add(e?.configMapRef?.name);
    }
    for (const e of list(c?.env)) {
      names.add(e?.valueFrom?.configMapKeyRef?.name);
    }
  }
  return names;
}

/**
 * How to part two sidecars or init steps that generate a ConfigMap of one name (`earlier`'s data
 * when known, and `data`'s): another configMapName; two Fluent Bit shippers (their key
 * `fluent-bit.conf`) need two configVolumeNames as well, since each mounts its ConfigMap through
 * a volume of that name.
 *
 * @internal
 */
export function configMapClashFix(
  earlier: { readonly [key: string]: string } | undefined, data: { readonly data?: { readonly [key: string]: string } },
): string {
  const fluentBit = (d: { readonly [key: string]: string } | undefined) => d !== undefined && Object.prototype.hasOwnProperty.call(d, 'fluent-bit.conf');
  if (fluentBit(earlier) && fluentBit(data.data)) {
    return 'give one of them another configMapName (two LogShipper.fluentBit() shippers in one pod also need two configVolumeNames).';
  }
  if (fluentBit(earlier) || fluentBit(data.data)) {
    return 'give one of them another configMapName (an option of LogShipper.fluentBit(), and of the other sidecar or step).';
  }
  return 'give one of them another configMapName (or another name).';
}
