import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { exampleCharts } from './example-charts';
import { PROPS_STRUCTS } from '../src/props-schema';

/**
 * README.md and every guide in docs/ cannot drift from the code: each fenced code block is
 * checked, according to the marker on the line before it:
 *
 * - `<!-- file: PATH -->`: the block is the file PATH, exactly (`node scripts/sync-readme.js` writes it);
 * - `<!-- excerpt: PATH -->`: the block's lines are consecutive lines of PATH (indentation aside);
 * - `<!-- synth: dist/NAME.k8s.yaml -->`: the block is, as data, what the example chart NAME of
 *   examples/app.ts synthesizes;
 * - `<!-- output: test/FILE.test.ts -->`: a message or output that test file checks against this doc;
 * - `<!-- cli: ARGS -->`: what `npx cdk8s-pod-patterns ARGS` prints (test/import/docs.test.ts).
 *
 * TypeScript blocks need `file` or `excerpt` (so they are compiled: examples/ by tsc and jest,
 * test fixtures by their tests), YAML blocks `file`, `excerpt` or `synth`, text blocks `output`
 * or `cli`; shell commands need none.
 */
const root = path.join(__dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
const GUIDES = fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`);
const DOCS = ['README.md', ...GUIDES];

interface Block {
  readonly kind?: string;
  readonly target?: string;
  readonly lang: string;
  readonly code: string;
  readonly line: number;
}

/** Every fenced block of a markdown text, with the marker comment right above it, if any. */
function blocks(text: string): Block[] {
  const re = /(?:<!-- (\w[\w-]*): ([^>]+?) -->\n)?^```(\w*)\n([\s\S]*?)^```$/gm;
  return [...text.matchAll(re)].map((m) => ({
    kind: m[1],
    target: m[2],
    lang: m[3],
    code: m[4],
    line: text.slice(0, m.index).split('\n').length,
  }));
}

const NEEDS: { [lang: string]: string[] } = {
  'ts': ['file', 'excerpt'],
  'typescript': ['file', 'excerpt'],
  'js': ['file', 'excerpt'],
  'yaml': ['file', 'excerpt', 'synth'],
  'json': ['file', 'excerpt'],
  'text': ['output', 'cli'],
  'console': ['output', 'cli'],
  '': ['output', 'cli', 'file'],
};

/** GitHub's anchor of a heading. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
}

function anchors(text: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = text.replace(/^```[\s\S]*?^```$/gm, '');
  for (const m of withoutCode.matchAll(/^#{1,6} (.+)$/gm)) {
    const s = slug(m[1]);
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    out.add(n === 0 ? s : `${s}-${n}`);
  }
  for (const m of text.matchAll(/<a (?:name|id)="([^"]+)"/g)) out.add(m[1]);
  return out;
}

const charts = exampleCharts();

describe.each(DOCS)('%s', (doc) => {
  const text = read(doc);
  const all = blocks(text);

  test('checks every code block: each TypeScript, YAML and text block carries a marker', () => {
    const unchecked = all
      .filter((b) => NEEDS[b.lang] !== undefined && !NEEDS[b.lang].includes(b.kind ?? ''))
      .map((b) => `${doc}:${b.line} \`\`\`${b.lang} needs one of ${NEEDS[b.lang].join(', ')}`);
    expect(unchecked).toEqual([]);
  });

  test('shows every file exactly as it is', () => {
    for (const b of all.filter((x) => x.kind === 'file')) {
      expect({ file: b.target, code: b.code }).toEqual({ file: b.target, code: read(b.target!) });
    }
  });

  test('shows excerpts that are consecutive lines of real files', () => {
    const norm = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
    for (const b of all.filter((x) => x.kind === 'excerpt')) {
      const lines = norm(b.code);
      const source = norm(read(b.target!));
      const at = source.findIndex((_l, i) => lines.every((l, j) => source[i + j] === l));
      expect({ excerpt: b.target, line: b.line, found: at >= 0 }).toEqual({ excerpt: b.target, line: b.line, found: true });
    }
  });

  test('shows the YAML the example charts really synthesize', () => {
    for (const b of all.filter((x) => x.kind === 'synth')) {
      expect({ file: b.target, known: charts.has(b.target!) }).toEqual({ file: b.target, known: true });
      const shown = parseAllDocuments(b.code).map((d) => d.toJS());
      expect({ file: b.target, manifests: shown }).toEqual({ file: b.target, manifests: Testing.synth(charts.get(b.target!)!) });
    }
  });

  test('names, for each message it quotes, a test that checks it against this file', () => {
    for (const b of all.filter((x) => x.kind === 'output')) {
      const checker = read(b.target!);
      expect({ block: `${doc}:${b.line}`, checker: b.target, readsThisFile: checker.includes(`'${path.basename(doc)}'`) })
        .toEqual({ block: `${doc}:${b.line}`, checker: b.target, readsThisFile: true });
    }
  });

  test('links only to files and headings that exist', () => {
    const broken: string[] = [];
    const withoutCode = text.replace(/^```[\s\S]*?^```$/gm, '');
    for (const m of withoutCode.matchAll(/\]\(([^)\s]+)\)/g)) {
      const link = m[1];
      if (/^[a-z]+:/.test(link)) continue;
      const [file, anchor] = link.split('#');
      const target = file === '' ? doc : path.normalize(path.join(path.dirname(doc), file));
      if (!fs.existsSync(path.join(root, target))) {
        broken.push(`${link} (no file ${target})`);
      } else if (anchor !== undefined && target.endsWith('.md') && !anchors(read(target)).has(anchor)) {
        broken.push(`${link} (no heading #${anchor} in ${target})`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('README', () => {
  const readme = read('README.md');
  const files = blocks(readme).filter((b) => b.kind === 'file').map((b) => b.target!);

  test('is a landing page of at most 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  });

  test('links every guide in docs/', () => {
    for (const guide of GUIDES) {
      expect({ guide, linked: readme.includes(`](${guide})`) }).toEqual({ guide, linked: true });
    }
  });

  test('states exactly the two commands that .ci/run runs', () => {
    // GIVEN the block of the "The two commands" section
    const section = readme.slice(readme.indexOf('## The two commands'));
    const commands = blocks(section)[0].code.trim().split('\n').map((l) => l.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm ci --no-audit --no-fund && npm run synth', 'npm test']);
    // THEN .ci/run runs each of them as written
    const ci = read('.ci/run').split('\n');
    for (const c of commands) {
      expect({ command: c, inCi: ci.some((l) => l === c || l.startsWith(`${c} `)) }).toEqual({ command: c, inCi: true });
    }
  });

  test('has a quick start from examples/ for each pattern family', () => {
    const uses = (re: RegExp) => files.filter((f) => f.startsWith('examples/') && re.test(read(f)));
    expect(uses(/InitStep\./).length).toBeGreaterThanOrEqual(1);
    expect(uses(/Sidecar\.|SidecarLoggedApp/).length).toBeGreaterThanOrEqual(1);
    expect(uses(/ExposedService|\.expose\(/).length).toBeGreaterThanOrEqual(1);
    expect(uses(/Workload\.(statefulSet|daemonSet|job|cronJob|deployment)/).length).toBeGreaterThanOrEqual(1);
    expect(files).toContain('test/fixtures/import/init-container.ts');
  });

  test('lists every source file that holds a rule stricter than the API server ("this library\'s contract")', () => {
    // GIVEN every file of src/ whose rules say they are this library's contract
    const walk = (dir: string): string[] => fs.readdirSync(path.join(root, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
    const sources = walk('src').filter((f) => f.endsWith('.ts') && !f.endsWith('props-schema.ts') && /library'?s? contract/i.test(read(f)));
    expect(sources.length).toBeGreaterThanOrEqual(4);
    // THEN the README's table of those rules names each of them
    const start = readme.indexOf('## Where this library is stricter than the API server');
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    for (const f of sources) {
      expect({ source: f, listed: section.includes(f) }).toEqual({ source: f, listed: true });
    }
  });
});

describe('the guides', () => {
  /** Fields of a props struct that one of its base structs does not already hold. */
  const fields = (struct: string, minus: string[] = []) => {
    const own = Object.keys(JSON.parse(PROPS_STRUCTS[struct]));
    const inherited = new Set(minus.flatMap((m) => Object.keys(JSON.parse(PROPS_STRUCTS[m]))));
    return own.filter((f) => !inherited.has(f));
  };
  const OPTIONS: Array<[string, string, string[]?]> = [
    ['docs/init-steps.md', 'InitStepOptions'],
    ['docs/init-steps.md', 'DownloadOptions'],
    ['docs/init-steps.md', 'DownloadFromS3Options'],
    ['docs/init-steps.md', 'S3Credentials'],
    ['docs/init-steps.md', 'WaitForPostgresOptions'],
    ['docs/init-steps.md', 'WaitForMysqlOptions'],
    ['docs/init-steps.md', 'RenderTemplateOptions'],
    ['docs/init-steps.md', 'CheckRequiredOptions'],
    ['docs/init-steps.md', 'InitPodProps', ['PodWorkloadProps']],
    ['docs/sidecars.md', 'SidecarLoggedAppProps', ['PodWorkloadProps']],
    ['docs/sidecars.md', 'TailOptions'],
    ['docs/sidecars.md', 'FluentBitOptions'],
    ['docs/sidecars.md', 'ElasticsearchOutputOptions'],
    ['docs/sidecars.md', 'S3OutputOptions'],
    ['docs/sidecars.md', 'LogShipperSidecarOptions'],
    ['docs/sidecars.md', 'CloudSqlProxyOptions'],
    ['docs/sidecars.md', 'CloudSqlProxyCredentialsSecret'],
    ['docs/sidecars.md', 'GitSyncOptions'],
    ['docs/sidecars.md', 'NginxExporterOptions'],
    ['docs/sidecars.md', 'MysqldExporterOptions'],
    ['docs/sidecars.md', 'MyCnfSecret'],
    ['docs/sidecars.md', 'EnvoyOptions'],
    ['docs/sidecars.md', 'OAuth2ProxyOptions'],
    ['docs/sidecars.md', 'S3BackupOptions'],
    ['docs/sidecars.md', 'S3CredentialsSecret'],
    ['docs/services.md', 'ExposedServiceProps'],
    ['docs/services.md', 'ServicePort'],
    ['docs/services.md', 'NodePortRange'],
    ['docs/workloads.md', 'PodWorkloadProps', ['PodSpecOptions']],
    ['docs/workloads.md', 'PodMetadata'],
    ['docs/workloads.md', 'DeploymentOptions'],
    ['docs/workloads.md', 'StatefulSetOptions'],
    ['docs/workloads.md', 'DaemonSetOptions'],
    ['docs/workloads.md', 'JobOptions'],
    ['docs/workloads.md', 'CronJobOptions'],
    ['docs/workloads.md', 'InjectOptions'],
    ['docs/security-profile.md', 'RestrictedProfileOptions'],
  ];

  // Every row with its third element (jest passes a `done` callback in place of a missing one).
  const rows: Array<[string, string, string[]]> = OPTIONS.map(([guide, struct, minus]) => [guide, struct, minus ?? []]);
  test.each(rows)('%s documents every option of %s', (guide, struct, minus) => {
    const text = read(guide);
    const missing = fields(struct, minus).filter((f) => !text.includes(`\`${f}\``));
    expect({ guide, struct, missing }).toEqual({ guide, struct, missing: [] });
  });

  test('docs/performance.md shows the tables of bench/results.json (regenerate: node scripts/sync-readme.js)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { render } = require('../bench/table.js');
    const doc = read('docs/performance.md');
    const shown = /<!-- bench-table: begin -->\n([\s\S]*?)\n<!-- bench-table: end -->/.exec(doc);
    expect(shown).not.toBeNull();
    expect(shown![1]).toBe(render(JSON.parse(read('bench/results.json')), true));
  });
});
