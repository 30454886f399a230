import { cdk8s, javascript, release } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-pod-patterns',
  description:
    'Typed, validated cdk8s constructs for the Kubernetes "Pods & Services" patterns: init containers, log sidecars and Services (ClusterIP, NodePort, LoadBalancer).',
  author: 'Seed 17991996 maintainers',
  authorAddress: 'maintainers@users.noreply.r-seed-17991996.example',
  repositoryUrl: 'https://github.com/maintainers/cdk8s-pod-patterns.git',
  license: 'Apache-2.0',
  keywords: ['cdk8s', 'kubernetes', 'k8s', 'pod', 'init-container', 'sidecar', 'service', 'fluent-bit'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenVersion: '0.103.25',
  cdk8sVersion: '2.68.12',
  constructsVersion: '10.3.0',
  jsiiVersion: '~6.0.0',
  minNodeVersion: '20.0.0',

  // No GitHub here: no workflows, no mergify. Releases stay local (bump/changelog tasks).
  github: false,
  release: true,
  releaseToNpm: false,
  // packaging (issue 7): `npx projen release` = bump from the conventional commits since the
  // last tag, build + test + pack dist/js/cdk8s-pod-patterns@<version>.jsii.tgz with that
  // version, reset package.json to 0.0.0, then (publish:git) prepend the release notes to
  // CHANGELOG.md, commit `chore(release): <version>` and tag v<version>. Never pushes
  // (gitPushCommand ''), never publishes to npm.
  releaseTrigger: release.ReleaseTrigger.manual({ changelog: true, changelogPath: 'CHANGELOG.md', gitPushCommand: '' }),

  peerDeps: ['cdk8s-plus-28@^2.5.6'],
  // `npx cdk8s-pod-patterns import <file.yaml>` (issue 13): compiled by jsii with the library.
  bin: { 'cdk8s-pod-patterns': 'lib/import/cli.js' },
  devDeps: [
    'cdk8s-plus-28@^2.5.6',
    // The Kubernetes 1.32 schema (src/k8s-schema.ts) is generated from its L1 module.
    'cdk8s-plus-32@2.5.92',
    'cdk8s-cli',
    'tsconfig-paths@^4',
    'yaml@^2',
    'fast-check@^4',
    'kubernetes-models@4.5.1',
    '@kubernetes-models/validate@^4',
    '@kubernetes/client-node@0.20.0',
  ],

  jestOptions: {
    updateSnapshot: UpdateSnapshot.NEVER,
    // A JSON report lets .ci/run print a plain `N passed, N failed` line.
    extraCliOptions: ['--json', '--outputFile=test-reports/jest-results.json'],
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // Examples import the library by its package name, like a user would.
      moduleNameMapper: { '^cdk8s-pod-patterns$': '<rootDir>/src' },
      collectCoverage: false,
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench', 'projenrc', '.projenrc.ts'],
    fileExtensions: ['.ts'],
  },
});

// The examples import the library by its package name through examples/tsconfig.json
// (paths -> ../src); the import resolver needs both projects to follow that.
project.tryFindObjectFile('.eslintrc.json')?.addOverride('settings.import/resolver.typescript.project', ['./tsconfig.json', './examples/tsconfig.json']);
project.eslint?.addRules({ 'import/no-extraneous-dependencies': ['error', { devDependencies: ['**/test/**', '**/examples/**', '**/bench/**', '**/build-tools/**', '.projenrc.ts', 'projenrc/**/*.ts'], optionalDependencies: false, peerDependencies: true }] });

// Only the compiled library, its jsii manifest and docs go to npm.
for (const p of ['/examples/', '/bench/', '/.ci/', '/scripts/', '/test-reports/', '/docs/']) {
  project.addPackageIgnore(p);
}
project.gitignore.exclude('/bench/out/');

// --- packaging (issue 7) ---------------------------------------------------------------------
// CHANGELOG.md is written by `publish:git` AFTER the release build packed the tarball, so the
// packed copy would always lack the version it ships with: keep it in the repository only.
project.addPackageIgnore('/CHANGELOG.md');
// The packed tarball in a fresh cdk8s app (file list, metadata, API docs, npm publish
// --dry-run, npm install, tsc, cdk8s synth, YAML = the seed's manifests). Run after `build`.
project.addTask('pack-smoke', {
  description: 'Install dist/js/*.jsii.tgz into a fresh cdk8s app in a temp folder, type-check, synth, compare with the seed manifests',
  exec: 'bash scripts/pack-smoke.sh',
});
// A git dependency (`npm install git+https://...`) works before the first npm release: npm
// runs `prepare` in the clone it builds, which compiles lib/ when it is missing (and does nothing
// in `npm ci` here, or in the `npm pack` of jsii-pacmak during the build).
project.package.setScript('prepare', 'node scripts/prepare.js');
// Every public type and member documented, every optional prop with a @default (API.md's source).
project.addTask('check-api-docs', {
  description: 'Fail on public API without a doc comment or optional props without @default (reads .jsii), or members in API.md the lowest peers lack',
  exec: 'node scripts/check-api-docs.js .jsii --api-md API.md',
});
// API.md documents the members a user of the LOWEST supported peers has (constructs 10.3.0,
// cdk8s 2.68.12, cdk8s-plus-28 2.5.6). Plain `jsii-docgen` resolves each dependency to the
// highest version anywhere under node_modules (cdk8s-cli's and projen's constructs 10.8.x), and
// so documented constructs 10.4's `with()`. scripts/docgen.js gives it only the lowest peers.
project.tasks.tryFind('docgen')?.reset('node scripts/docgen.js');
// --- end packaging ---------------------------------------------------------------------------

// Node 20 is what this project supports; keep jsii's end-of-life banner out of every log.
project.tasks.addEnvironment('JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION', '20');

// The main job: synthesize the examples (a real cdk8s app) into dist/.
// `cdk8s synth` wipes its output folder, so run it before `build` writes dist/js/.
project.addTask('synth', {
  description: 'Synthesize the examples to YAML in dist/',
  cwd: 'examples',
  exec: 'cdk8s synth --no-check-upgrade',
});

// bench/run.js compiles lib/ itself when it is missing or older than src/.
// `npm run bench -- --quick` is the CI smoke run (it writes to the gitignored bench/out/).
project.addTask('bench', {
  description: 'Synth speed, memory and cold start against cdk8s-plus-28, L1 and raw ApiObject (writes bench/results.json)',
  steps: [{ exec: 'node bench/run.js', receiveArgs: true }],
});

project.synth();
