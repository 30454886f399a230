import { podWithContainer, RuleCase } from './cases';

const env = (...vars: any[]): any => podWithContainer({ env: vars });
const envFrom = (...sources: any[]): any => podWithContainer({ envFrom: sources });
const from = (valueFrom: any): any => env({ name: 'V', valueFrom });
const E = 'spec.containers[0].env';
const F = 'spec.containers[0].envFrom';
const ENV_PATHS = "metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs, metadata.labels['<key>'] or metadata.annotations['<key>']";
const RELAXED = "must consist only of printable ASCII characters other than '=' (Kubernetes 1.31 and earlier are stricter, unless their RelaxedEnvironmentVariableValidation gate is on: letters, digits, '_', '-' or '.', not starting with a digit)";

/** ValidateEnv, validateEnvVarValueFrom and the sources, ValidateEnvFrom. */
export const ENV_CASES: RuleCase[] = [
  // ---- names -----------------------------------------------------------------------------------
  {
    go: 'ValidateEnv',
    name: "accepts names the relaxed 1.32 rule allows: '1ST', '..x', 'my var', 'a.b-c'",
    manifest: env({ name: '1ST', value: 'x' }, { name: '..x' }, { name: 'my var', value: '' }, { name: 'a.b-c', value: 'y' }),
    problems: [],
  },
  {
    go: 'ValidateEnv',
    name: 'rejects a variable without a name',
    manifest: env({ value: 'x' }),
    problems: [`${E}[0].name: is required; name the variable (e.g. 'MY_VAR').`],
  },
  {
    go: 'IsRelaxedEnvVarName',
    name: "rejects a name with '=' or a character that is not printable ASCII",
    manifest: env({ name: 'A=B', value: 'x' }, { name: 'GRÜN', value: 'x' }, { name: 'TAB\t', value: 'x' }),
    problems: [
      `${E}[0].name: environment variable name "A=B" is invalid: it ${RELAXED}.`,
      `${E}[1].name: environment variable name "GRÜN" is invalid: it ${RELAXED}.`,
      `${E}[2].name: environment variable name "TAB\\t" is invalid: it ${RELAXED}.`,
    ],
  },
  // ---- valueFrom ---------------------------------------------------------------------------------
  {
    go: 'validateEnvVarValueFrom',
    name: 'rejects a valueFrom without a source',
    manifest: from({}),
    problems: [`${E}[0].valueFrom: must specify one of: fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef.`],
  },
  {
    go: 'validateEnvVarValueFrom',
    name: 'rejects valueFrom next to a non-empty value, and accepts it next to an empty one',
    manifest: env({ name: 'A', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'B', value: '', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }),
    problems: [`${E}[0].valueFrom: may not be specified when value is not empty; keep value or valueFrom.`],
  },
  {
    go: 'validateEnvVarValueFrom',
    name: 'rejects two sources in one valueFrom',
    manifest: from({ fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } }),
    problems: [`${E}[0].valueFrom: has fieldRef and secretKeyRef; it may have only one source.`],
  },
  // ---- fieldRef ----------------------------------------------------------------------------------
  {
    go: 'validateObjectFieldSelector',
    name: "accepts every field path env can read, labels and annotations by key, the old 'spec.host', apiVersion '' or 'v1'",
    manifest: env(
      ...['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs', 'spec.host']
        .map((fieldPath, i) => ({ name: `V${i}`, valueFrom: { fieldRef: { fieldPath } } })),
      { name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app.kubernetes.io/name']" } } },
      { name: 'A', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['Example.com/Owner']" } } },
      { name: 'B', valueFrom: { fieldRef: { apiVersion: '', fieldPath: 'metadata.name' } } },
    ),
    problems: [],
  },
  {
    go: 'ConvertDownwardAPIFieldLabel',
    name: 'rejects a fieldRef apiVersion other than v1',
    manifest: from({ fieldRef: { apiVersion: 'v2', fieldPath: 'metadata.name' } }),
    problems: [`${E}[0].valueFrom.fieldRef.apiVersion: "v2" is not supported: the downward API reads the pod as v1; write 'v1' or omit apiVersion.`],
  },
  {
    go: 'validateObjectFieldSelector',
    name: 'rejects a fieldRef without fieldPath',
    manifest: from({ fieldRef: {} }),
    problems: [`${E}[0].valueFrom.fieldRef.fieldPath: is required; set the pod field to read (e.g. 'metadata.name').`],
  },
  {
    go: 'validateObjectFieldSelector',
    name: 'rejects pod fields env cannot read (status.phase, all labels) and fields the pod does not have',
    manifest: env(
      { name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.phase' } } },
      { name: 'B', valueFrom: { fieldRef: { fieldPath: 'metadata.labels' } } },
      { name: 'C', valueFrom: { fieldRef: { fieldPath: 'spec.containers' } } },
    ),
    problems: [
      `${E}[0].valueFrom.fieldRef.fieldPath: "status.phase" is not supported in an environment variable; use one of ${ENV_PATHS} (a downwardAPI volume can read more).`,
      `${E}[1].valueFrom.fieldRef.fieldPath: "metadata.labels" is not supported in an environment variable; use one of ${ENV_PATHS} (a downwardAPI volume can read more).`,
      `${E}[2].valueFrom.fieldRef.fieldPath: "spec.containers" is not a field of the pod the downward API knows; use one of ${ENV_PATHS}.`,
    ],
  },
  {
    go: 'validateObjectFieldSelector',
    name: 'rejects a subscript on a field other than labels and annotations, and an invalid label key',
    manifest: env(
      { name: 'A', valueFrom: { fieldRef: { fieldPath: "metadata.name['x']" } } },
      { name: 'B', valueFrom: { fieldRef: { fieldPath: "metadata.labels['a b']" } } },
    ),
    problems: [
      `${E}[0].valueFrom.fieldRef.fieldPath: "metadata.name['x']" does not support a subscript: only metadata.labels['<key>'] and metadata.annotations['<key>'] do.`,
      `${E}[1].valueFrom.fieldRef: label key "a b" in "metadata.labels['a b']" is invalid: it must have a name part of alphanumerics, '-', '_' or '.' that starts and ends with an alphanumeric (e.g. 'MyName', 'my.name' or 'example.com/MyName').`,
    ],
  },
  // ---- resourceFieldRef --------------------------------------------------------------------------
  {
    go: 'validateContainerResourceFieldSelector',
    name: "accepts every container resource env can read, hugepages by prefix, and the divisors '1m', '1000m' (= 1), '1024Ki' (= 1Mi), 0",
    manifest: env(
      { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
      { name: 'B', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1000m' } } },
      { name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1024Ki' } } },
      { name: 'D', valueFrom: { resourceFieldRef: { resource: 'requests.ephemeral-storage', divisor: 0 } } },
      { name: 'E', valueFrom: { resourceFieldRef: { containerName: 'c', resource: 'requests.hugepages-2Mi', divisor: '1Mi' } } },
      { name: 'F', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: 1000 } } },
    ),
    problems: [],
  },
  {
    go: 'validateContainerResourceFieldSelector',
    name: 'rejects a resourceFieldRef without a resource, and one env cannot read',
    manifest: env(
      { name: 'A', valueFrom: { resourceFieldRef: {} } },
      { name: 'B', valueFrom: { resourceFieldRef: { resource: 'limits.example.com/gpu' } } },
    ),
    problems: [
      `${E}[0].valueFrom.resourceFieldRef.resource: is required; set the resource to read (e.g. 'limits.memory').`,
      `${E}[1].valueFrom.resourceFieldRef.resource: "limits.example.com/gpu" is not supported; use one of limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory, requests.ephemeral-storage, requests.hugepages-<size> or limits.hugepages-<size>.`,
    ],
  },
  {
    go: 'validateContainerResourceDivisor',
    name: "rejects divisors the resource does not support: cpu '1k', memory '1m' and '1e3' (canonical form kept)",
    manifest: env(
      { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1k' } } },
      { name: 'B', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1m' } } },
      { name: 'C', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '1e3' } } },
      { name: 'D', valueFrom: { resourceFieldRef: { resource: 'limits.hugepages-2Mi', divisor: '2Mi' } } },
      { name: 'E', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: 'lots' } } },
    ),
    problems: [
      `${E}[0].valueFrom.resourceFieldRef.divisor: "1k" is not a divisor of limits.cpu; only 1m, 1 are supported with the cpu resource.`,
      `${E}[1].valueFrom.resourceFieldRef.divisor: "1m" is not a divisor of limits.memory; only 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource.`,
      `${E}[2].valueFrom.resourceFieldRef.divisor: "1e3" is not a divisor of requests.memory; only 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource.`,
      `${E}[3].valueFrom.resourceFieldRef.divisor: "2Mi" is not a divisor of limits.hugepages-2Mi; only 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the hugepages resource.`,
      `${E}[4].valueFrom.resourceFieldRef.divisor: "lots" is not a valid quantity; write e.g. '1m', '1' or '1Mi'.`,
    ],
  },
  {
    go: 'validateContainerResourceDivisor',
    name: "accepts '1000E' and 10^21 written out, which Go's String() writes as '1' (no suffix above E: constructBytes' ok is ignored), and refuses '2000E' (review 12 B1)",
    manifest: env(
      { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1000E' } } },
      { name: 'B', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1000000E' } } },
      { name: 'C', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1000000000000000000000' } } },
      { name: 'D', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '2000E' } } },
    ),
    problems: [
      `${E}[3].valueFrom.resourceFieldRef.divisor: "2000E" ("2e21") is not a divisor of limits.memory; only 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource.`,
    ],
  },
  {
    go: 'validateContainerResourceDivisor',
    name: "compares the divisor as ParseQuantity keeps it: '+1', '01' and '1.' are kept as written and refused, '1.0' and '0.001' are made canonical and accepted",
    manifest: env(
      { name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '+1' } } },
      { name: 'B', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '01' } } },
      { name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1.' } } },
      { name: 'D', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1.0' } } },
      { name: 'F', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0.001' } } },
    ),
    problems: [
      `${E}[0].valueFrom.resourceFieldRef.divisor: "+1" is not a divisor of limits.cpu; only 1m, 1 are supported with the cpu resource. The API server compares the divisor as written: write "1".`,
      `${E}[1].valueFrom.resourceFieldRef.divisor: "01" is not a divisor of requests.cpu; only 1m, 1 are supported with the cpu resource. The API server compares the divisor as written: write "1".`,
      `${E}[2].valueFrom.resourceFieldRef.divisor: "1." is not a divisor of limits.memory; only 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource. The API server compares the divisor as written: write "1".`,
    ],
  },
  // ---- key selectors -----------------------------------------------------------------------------
  {
    go: 'validateConfigMapKeySelector',
    name: 'rejects a configMapKeyRef without a name and with an invalid key',
    manifest: from({ configMapKeyRef: { key: 'a/b' } }),
    problems: [
      `${E}[0].valueFrom.configMapKeyRef.name: is required; set the name of the ConfigMap to read.`,
      `${E}[0].valueFrom.configMapKeyRef.key: "a/b" is not a valid ConfigMap key: it must consist of alphanumerics, '-', '_' or '.' (e.g. 'key.name', 'KEY_NAME' or 'key-name').`,
    ],
  },
  {
    go: 'validateSecretKeySelector',
    name: "rejects a secretKeyRef with an uppercase name, no key, or a key starting with '..'",
    manifest: env({ name: 'A', valueFrom: { secretKeyRef: { name: 'DB', key: '' } } }, { name: 'B', valueFrom: { secretKeyRef: { name: 'db', key: '..pw' } } }),
    problems: [
      `${E}[0].valueFrom.secretKeyRef.name: "DB" is not a valid Secret name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com').`,
      `${E}[0].valueFrom.secretKeyRef.key: is required; set the key of the Secret to read.`,
      `${E}[1].valueFrom.secretKeyRef.key: "..pw" is not a valid Secret key: it must not start with '..'.`,
    ],
  },
  {
    go: 'IsConfigMapKey',
    name: 'accepts keys with dots, dashes and underscores, and optional references',
    manifest: env({ name: 'A', valueFrom: { secretKeyRef: { name: 'db.prod', key: '.env_file-1', optional: true } } }, { name: 'B', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'KEY' } } }),
    problems: [],
  },
  // ---- envFrom -----------------------------------------------------------------------------------
  {
    go: 'ValidateEnvFrom',
    name: "accepts a ConfigMap and a Secret source, a prefix like '1_', a name ending in '-' (a prefix name)",
    manifest: envFrom({ configMapRef: { name: 'app-config-' }, prefix: '1_' }, { secretRef: { name: 'db', optional: true } }),
    problems: [],
  },
  {
    go: 'ValidateEnvFrom',
    name: 'rejects an envFrom entry without a source, with both, and a prefix with =',
    manifest: envFrom({ prefix: 'X_' }, { configMapRef: { name: 'a' }, secretRef: { name: 'b' } }, { prefix: 'A=', secretRef: { name: 'c' } }),
    problems: [
      `${F}[0]: must specify one of: configMapRef or secretRef.`,
      `${F}[1]: has configMapRef and secretRef; it may have only one source (use two envFrom entries).`,
      `${F}[2].prefix: "A=" is not a valid variable name prefix: it ${RELAXED}.`,
    ],
  },
  {
    go: 'validateConfigMapEnvSource',
    name: 'rejects a configMapRef without a name',
    manifest: envFrom({ configMapRef: {} }),
    problems: [`${F}[0].configMapRef.name: is required; set the name of the ConfigMap to read.`],
  },
  {
    go: 'validateSecretEnvSource',
    name: 'rejects a secretRef whose name is not a DNS subdomain',
    manifest: envFrom({ secretRef: { name: 'my_secret' } }),
    problems: [`${F}[0].secretRef.name: "my_secret" is not a valid Secret name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com').`],
  },
  {
    go: 'maskTrailingDash',
    name: "accepts envFrom names ending in '-' that are valid once Go masks them (the last two characters become 'a': \"A-\", \"--\", \"a_-\")",
    manifest: envFrom({ configMapRef: { name: 'A-' } }, { secretRef: { name: '--' } }, { configMapRef: { name: 'a_-' } }, { prefix: 'X_', secretRef: { name: `${'a'.repeat(252)}-` } }),
    problems: [],
  },
  {
    go: 'maskTrailingDash',
    name: "rejects the envFrom name '-' (too short to mask) and a name invalid after masking",
    manifest: envFrom({ configMapRef: { name: '-' } }, { secretRef: { name: 'A_b-' } }),
    problems: [
      `${F}[0].configMapRef.name: "-" is not a valid ConfigMap name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com').`,
      `${F}[1].secretRef.name: "A_b-" is not a valid Secret name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com').`,
    ],
  },
  {
    go: 'maskTrailingDash',
    name: "rejects envFrom names whose character before the final '-' is beyond ASCII: Go cuts two bytes, leaving half of it",
    manifest: envFrom({ configMapRef: { name: 'aé-' } }, { secretRef: { name: 'é-' } }),
    problems: [
      `${F}[0].configMapRef.name: "aé-" is not a valid ConfigMap name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com').`,
      `${F}[1].secretRef.name: "é-" is not a valid Secret name: it must be a lowercase RFC 1123 subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'example.com').`,
    ],
  },
];
