import { podWithContainer, RuleCase } from './cases';

const res = (resources: any): any => podWithContainer({ resources });
const P = 'spec.containers[0].resources';

/** ValidateContainerResourceRequirements and the exact resource.Quantity it relies on. */
export const RESOURCES_CASES: RuleCase[] = [
  // ---- exact quantities (resource.Quantity.Cmp, SetDefaults_ResourceList) ---------------------
  {
    go: 'validateResourceRequirements',
    name: "accepts requests.cpu '2300m' with limits.cpu '2.3' (equal: quantities compare exactly, not as floats)",
    manifest: res({ requests: { cpu: '2300m' }, limits: { cpu: '2.3' } }),
    problems: [],
  },
  {
    go: 'validateResourceRequirements',
    name: "accepts requests.cpu '0.1' with limits.cpu '100m'",
    manifest: res({ requests: { cpu: '0.1' }, limits: { cpu: '100m' } }),
    problems: [],
  },
  {
    go: 'validateResourceRequirements',
    name: "accepts requests '1Gi' and '1e3' with limits 1073741824 and '1k' (binary, decimal and exponent forms)",
    manifest: res({ requests: { 'memory': '1Gi', 'ephemeral-storage': '1e3' }, limits: { 'memory': 1073741824, 'ephemeral-storage': '1k' } }),
    problems: [],
  },
  {
    go: 'SetDefaults_ResourceList',
    name: "accepts requests.cpu '0.5009' with limits.cpu '0.5001': both are rounded up to 501m before the comparison",
    manifest: res({ requests: { cpu: '0.5009' }, limits: { cpu: '0.5001' } }),
    problems: [],
  },
  {
    go: 'validateResourceRequirements',
    name: "rejects requests.cpu '2.301' with limits.cpu '2300m'",
    manifest: res({ requests: { cpu: '2.301' }, limits: { cpu: '2300m' } }),
    problems: [`${P}.requests.cpu: "2.301" is more than the limit "2300m"; a request must be less than or equal to its limit.`],
  },
  {
    go: 'validateResourceRequirements',
    name: 'rejects a memory request of 1025Mi above a limit of 1Gi',
    manifest: res({ requests: { memory: '1025Mi' }, limits: { memory: '1Gi' } }),
    problems: [`${P}.requests.memory: "1025Mi" is more than the limit "1Gi"; a request must be less than or equal to its limit.`],
  },
  {
    go: 'ParseQuantity',
    name: "accepts quantities Go's parser reads: '1.', '.5', '+1', ' 2 ' (trimmed), 0.25 as a number",
    manifest: res({ requests: { 'cpu': '1.', 'memory': '.5', 'ephemeral-storage': '+1' }, limits: { cpu: ' 2 ', memory: 0.25 * 4 } }),
    problems: [],
    offline128: false,
  },
  {
    go: 'ParseQuantity',
    name: 'trims only the white space JSON leaves raw (Quantity.UnmarshalJSON trims the text before escapes are decoded): a newline or tab around a quantity is refused',
    manifest: res({ limits: { memory: '1Gi\n', cpu: '\t1' }, requests: { memory: '\u00a0512Mi ' } }),
    problems: [
      `${P}.limits.memory: "1Gi\\n" is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`,
      `${P}.limits.cpu: "\\t1" is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`,
    ],
  },
  {
    go: 'ParseQuantity',
    name: "rejects '1 core', '1K' (K is not a suffix), '1e' and '1.5.5'",
    manifest: res({ limits: { 'cpu': '1 core', 'memory': '1K', 'ephemeral-storage': '1e', 'example.com/a': '1.5.5' } }),
    problems: [
      `${P}.limits.cpu: "1 core" is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`,
      `${P}.limits.memory: "1K" is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`,
      `${P}.limits.ephemeral-storage: "1e" is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`,
      `${P}.limits[example.com/a]: "1.5.5" is not a valid quantity; write e.g. '100m', '0.5', '128Mi' or 1.`,
    ],
  },
  {
    go: 'ValidateNonnegativeQuantity',
    name: 'rejects a negative memory request',
    manifest: res({ requests: { memory: '-1Gi' } }),
    problems: [`${P}.requests.memory: "-1Gi" must be greater than or equal to 0.`],
  },
  {
    go: 'ValidateNonnegativeQuantity',
    name: "accepts '-0' (zero)",
    manifest: res({ limits: { cpu: '-0' } }),
    problems: [],
  },
  // ---- resource names --------------------------------------------------------------------------
  {
    go: 'validateContainerResourceName',
    name: 'rejects a resource without a domain that is not a container resource',
    manifest: res({ limits: { gpu: 1, storage: '1Gi' } }),
    problems: [
      `${P}.limits.gpu: resource name "gpu" must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a domain-qualified extended resource (e.g. 'example.com/gpu').`,
      `${P}.limits.storage: resource name "storage" must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a domain-qualified extended resource (e.g. 'example.com/gpu').`,
    ],
  },
  {
    go: 'validateContainerResourceName',
    name: 'rejects a resource name that is not a qualified name',
    manifest: res({ limits: { 'example.com/my gpu': 1 } }),
    problems: ["spec.containers[0].resources.limits[example.com/my gpu]: resource name \"example.com/my gpu\" is invalid: it must have a name part of alphanumerics, '-', '_' or '.' that starts and ends with an alphanumeric (e.g. 'MyName', 'my.name' or 'example.com/MyName').", "spec.containers[0].resources.requests[example.com/my gpu]: resource name \"example.com/my gpu\" is invalid: it must have a name part of alphanumerics, '-', '_' or '.' that starts and ends with an alphanumeric (e.g. 'MyName', 'my.name' or 'example.com/MyName')."],
  },
  {
    go: 'IsExtendedResourceName',
    name: "rejects an extended resource named 'requests.<domain>/<name>'",
    manifest: res({ limits: { 'requests.example.com/gpu': 1 } }),
    problems: ["spec.containers[0].resources.limits[requests.example.com/gpu]: resource name \"requests.example.com/gpu\" doesn't follow the extended resource name standard (e.g. 'example.com/gpu').", "spec.containers[0].resources.requests[requests.example.com/gpu]: resource name \"requests.example.com/gpu\" doesn't follow the extended resource name standard (e.g. 'example.com/gpu')."],
  },
  {
    go: 'IsNativeResource',
    name: 'accepts a kubernetes.io resource (native: may be overcommitted, need not be an integer)',
    manifest: res({ limits: { 'kubernetes.io/x': '1.5' }, requests: { 'kubernetes.io/x': '1' } }),
    problems: [],
  },
  // ---- extended resources and hugepages ---------------------------------------------------------
  {
    go: 'ValidateResourceQuantityValue',
    name: 'rejects an extended resource that is not a whole number',
    manifest: res({ limits: { 'example.com/gpu': '1.5' }, requests: { 'example.com/gpu': '1.5' } }),
    problems: [
      `${P}.limits[example.com/gpu]: "1.5" must be an integer: extended resources are counted in whole units.`,
      `${P}.requests[example.com/gpu]: "1.5" must be an integer: extended resources are counted in whole units.`,
    ],
  },
  {
    go: 'IsOvercommitAllowed',
    name: 'rejects an extended resource whose request differs from its limit',
    manifest: res({ limits: { 'example.com/gpu': 2 }, requests: { 'example.com/gpu': 1 } }),
    problems: [`${P}.requests[example.com/gpu]: 1 must be equal to the example.com/gpu limit 2 (example.com/gpu cannot be overcommitted).`],
  },
  {
    go: 'validateResourceRequirements',
    name: 'rejects an extended resource requested without a limit',
    manifest: res({ requests: { 'example.com/fpga': 1 } }),
    problems: [`${P}.limits: must set a limit for example.com/fpga: its request must equal its limit (example.com/fpga cannot be overcommitted).`],
  },
  {
    go: 'SetDefaults_Pod',
    name: "accepts an extended resource with only a limit (a Pod's request defaults to it), '2' equal to 2",
    manifest: res({ limits: { 'example.com/gpu': '2', 'example.com/fpga': 1 }, requests: { 'example.com/gpu': 2 } }),
    problems: [],
  },
  {
    go: 'validateResourceQuantityHugePageValue',
    name: 'rejects hugepages that are not a whole number of pages',
    manifest: res({ limits: { 'hugepages-2Mi': '3Mi', 'memory': '1Gi' } }),
    problems: ['spec.containers[0].resources.limits.hugepages-2Mi: "3Mi" is not a positive integer multiple of hugepages-2Mi.', 'spec.containers[0].resources.requests.hugepages-2Mi: "3Mi" is not a positive integer multiple of hugepages-2Mi.'],
  },
  {
    go: 'IsHugePageResourceValueDivisible',
    name: 'rejects hugepages whose name has no page size',
    manifest: res({ limits: { 'hugepages-big': '1Gi', 'memory': '1Gi' } }),
    problems: ["spec.containers[0].resources.limits.hugepages-big: \"1Gi\" is not a positive integer multiple of hugepages-big: \"big\" is not a page size; name the resource after one (e.g. 'hugepages-2Mi').", "spec.containers[0].resources.requests.hugepages-big: \"1Gi\" is not a positive integer multiple of hugepages-big: \"big\" is not a page size; name the resource after one (e.g. 'hugepages-2Mi')."],
  },
  {
    go: 'validateResourceRequirements',
    name: 'rejects hugepages without cpu or memory',
    manifest: res({ limits: { 'hugepages-2Mi': '4Mi' } }),
    problems: [`${P}: HugePages require cpu or memory; request or limit one of them too.`],
  },
  {
    go: 'validateResourceRequirements',
    name: 'accepts 1Gi of 1Gi hugepages with a memory request, 4Mi of 2Mi pages as 4194304',
    manifest: res({ limits: { 'hugepages-1Gi': '1Gi', 'hugepages-2Mi': 4194304 }, requests: { memory: '64Mi' } }),
    problems: [],
  },
  // Go computes MilliValue() and Value() in int64 (quantity.go positiveScaleInt64, scaledValue): review 53 H1, H2.
  {
    go: 'ValidateResourceQuantityValue',
    name: 'rejects an extended resource whose thousandths overflow int64 and wrap to a remainder, as MilliValue()%1000 does',
    manifest: res({ limits: { 'example.com/gpu': '9223372036854776' } }),
    problems: [
      `${P}.limits[example.com/gpu]: "9223372036854776" must be an integer to the API server, which checks it in thousandths as a 64-bit integer, and past 9223372036854775 that overflows; write a smaller count.`,
      `${P}.requests[example.com/gpu]: "9223372036854776" must be an integer to the API server, which checks it in thousandths as a 64-bit integer, and past 9223372036854775 that overflows; write a smaller count.`,
    ],
  },
  { go: 'ValidateResourceQuantityValue', name: 'accepts the largest extended resource count whose thousandths fit int64', manifest: res({ limits: { 'example.com/gpu': '9223372036854775' } }), problems: [] },
  { go: 'ValidateResourceQuantityValue', name: 'accepts an extended resource of 10P, whose thousandths Go reads as 0 (past int64 in its loop of tens)', manifest: res({ limits: { 'example.com/gpu': '10P' } }), problems: [] },
  {
    go: 'IsHugePageResourceValueDivisible',
    name: 'accepts 10E of 2Mi hugepages, whose Value() Go reads as 0 (past int64), a multiple of any page size',
    manifest: res({ limits: { 'hugepages-2Mi': '10E', 'memory': '1Gi' } }),
    problems: [],
  },
  {
    go: 'IsHugePageResourceValueDivisible',
    name: 'still rejects 100P of 2Mi hugepages, which fits int64 and is no whole number of pages',
    manifest: res({ limits: { 'hugepages-2Mi': '100P', 'memory': '1Gi' } }),
    problems: [`${P}.limits.hugepages-2Mi: "100P" is not a positive integer multiple of hugepages-2Mi.`, `${P}.requests.hugepages-2Mi: "100P" is not a positive integer multiple of hugepages-2Mi.`],
  },
];
