#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { ManifestImport, ManifestSource } from './index';
import { decodeFileBytes } from './parse';

/**
 * The command `cdk8s-pod-patterns import <file.yaml> [more files | -] [--out FILE] [--check]`.
 *
 * Prints the generated app to standard output, or writes it to `--out FILE` (through a temporary
 * file renamed into place, only when everything succeeded: never a half-written file). With
 * `--check` the app is synthesized in memory and compared with the input; each difference is
 * printed and the exit code is 1. Bad input: every problem is printed, nothing is written, exit
 * code 1. Wrong usage: exit code 2.
 *
 * @internal
 */

export const USAGE = `Usage: cdk8s-pod-patterns import <file.yaml> [more files | -] [--out FILE] [--check]

Turns Kubernetes YAML into a cdk8s TypeScript app built from cdk8s-pod-patterns' constructs
(one Chart per file) that synthesizes back to the same objects.

  <file.yaml>   a YAML file with one or more objects; "-" reads standard input
  --out FILE    write the app to FILE (only when the import succeeded) instead of printing it
  --check       synthesize the generated app in memory and compare it with the input, as data;
                every difference is printed and the exit code is 1
  --help        show this help

Comments in the YAML are not data and are not carried over.`;

/** Where the command reads and writes (the process's, or a test's). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (file: string) => string;
  readonly readStdin: () => string;
  readonly writeFileAtomic: (file: string, content: string) => void;
}

/** Writes through a temporary file in the same folder, renamed into place. */
export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, content, { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** The process's standard streams and file system. */
export const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (file) => decodeFileBytes(fs.readFileSync(file)),
  readStdin: () => decodeFileBytes(fs.readFileSync(0)),
  writeFileAtomic,
};

interface Arguments {
  readonly files: string[];
  readonly out?: string;
  readonly check: boolean;
}

/** Parses the arguments after `import`; a string is a usage error. */
function parseArguments(args: string[]): Arguments | string {
  const files: string[] = [];
  let out: string | undefined;
  let check = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--check') {
      check = true;
    } else if (a === '--out' || a === '-o') {
      if (i + 1 >= args.length || args[i + 1] === '') {
        return `${a} needs a file name: --out app.ts`;
      }
      out = args[++i];
    } else if (a.startsWith('--out=')) {
      out = a.slice('--out='.length);
      if (out === '') {
        return '--out= needs a file name: --out=app.ts';
      }
    } else if (a === '-' || !a.startsWith('-')) {
      files.push(a);
    } else {
      return `unknown option ${a}`;
    }
  }
  if (files.length === 0) {
    return 'no input: name at least one YAML file, or - for standard input';
  }
  if (files.filter((f) => f === '-').length > 1) {
    return '- (standard input) can be given once';
  }
  return { files, out, check };
}

/** Runs the command; returns the exit code. */
export function runCli(argv: string[], io: CliIo = PROCESS_IO): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.stderr : io.stdout)(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'import') {
    io.stderr(`cdk8s-pod-patterns: unknown command ${JSON.stringify(command)}.\n\n${USAGE}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseArguments(rest);
  if (typeof parsed === 'string') {
    io.stderr(`cdk8s-pod-patterns import: ${parsed}.\n\n${USAGE}\n`);
    return 2;
  }

  const sources: ManifestSource[] = [];
  const unreadable: string[] = [];
  for (const file of parsed.files) {
    try {
      sources.push({ name: file, content: file === '-' ? io.readStdin() : io.readFile(file) });
    } catch (e) {
      unreadable.push(`  ${file}: cannot be read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
  }
  if (unreadable.length > 0) {
    io.stderr(`cdk8s-pod-patterns import: the input cannot be read:\n${unreadable.join('\n')}\nNothing was written.\n`);
    return 1;
  }

  let result;
  try {
    result = ManifestImport.fromSources(sources, { check: parsed.check });
  } catch (e) {
    io.stderr(`${(e as Error).message}\nNothing was written.\n`);
    return 1;
  }

  if (result.differences.length > 0) {
    if (parsed.out === undefined) {
      io.stdout(result.code);
    }
    io.stderr(`cdk8s-pod-patterns import --check: the generated app does not synthesize the input exactly (${result.differences.length} difference${result.differences.length === 1 ? '' : 's'}):\n`
      + `${result.differences.map((d) => `  ${d}`).join('\n')}\n${parsed.out === undefined ? '' : `${parsed.out} was not written.\n`}`);
    return 1;
  }
  if (parsed.out !== undefined) {
    try {
      io.writeFileAtomic(parsed.out, result.code);
    } catch (e) {
      io.stderr(`cdk8s-pod-patterns import: cannot write ${parsed.out}: ${(e as Error).message}\n`);
      return 1;
    }
  } else {
    io.stdout(result.code);
  }
  const what = `${result.objectCount} object${result.objectCount === 1 ? '' : 's'} from ${sources.length} file${sources.length === 1 ? '' : 's'}`;
  if (parsed.check) {
    io.stderr(`cdk8s-pod-patterns import --check: ${what}: the generated app synthesizes them exactly.\n`);
  } else if (parsed.out !== undefined) {
    io.stderr(`cdk8s-pod-patterns import: wrote ${parsed.out} (${what}).\n`);
  }
  return 0;
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2));
}
