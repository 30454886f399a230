import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { subjectOf } from './pod-workload';
import { Problems } from './problems';
import { readProps } from './props';
import { ValidatedApiObject, _ManifestChecks } from './validated-api-object';
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
