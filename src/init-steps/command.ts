/**
 * `InitStep.command(name, image, command)` and `InitStep.container(container)`: steps of your own.
 *
 * @internal
 */
import { show } from '../problems';
import { argumentProblems, checkName, fail, StepSpec } from './script';
import type { Container } from '../k8s-types';
import { readContainer } from '../sidecars/common';

/** Runs `command` (exec form, no shell) in `image` to completion. */
export function commandStep(name: string, image: string, command: string[]): StepSpec {
  const errors: string[] = [];
  if (name === undefined) {
    errors.push('name: undefined must be the init container\'s name (an RFC 1123 label)');
  } else {
    checkName(name, errors);
  }
  if (typeof image !== 'string' || image.trim() === '' || image !== image.trim()) {
    errors.push(`image: ${show(image)} must be an image reference without surrounding spaces (e.g. 'busybox:1.36')`);
  }
  // Array.from: a hole in a sparse list (['echo', , 'x']) is undefined, which .some() would skip.
  const notString = Array.isArray(command) ? Array.from(command).findIndex((a) => typeof a !== 'string') : -1;
  if (!Array.isArray(command)) {
    errors.push(`command: ${show(command)} must be a list of strings (the program and its arguments)`);
  } else if (notString >= 0) {
    errors.push(`command[${notString}]: ${show(command[notString])} is not a string; command is a list of strings (the program and its arguments): ${show(command)}`);
  } else if (command.length === 0) {
    errors.push('command: [] is empty; give the program and its arguments, e.g. [\'sh\', \'-c\', \'echo ready\']');
  }
  fail('InitStep.command', errors);
  const argv = [...command];
  return {
    name,
    writesFiles: false,
    bind: () => {
      const container = { name, image, command: [...argv] };
      return { container, problems: argumentProblems(container, 'shorten the command') };
    },
  };
}

/** Any init container of your own, as given. */
export function containerStep(container: Container): StepSpec {
  const json = readContainer('InitStep.container()', container);
  if (typeof json.name !== 'string') {
    throw new Error(`InitStep.container(): container: ${show(container)} must be a container with a name.`);
  }
  return { name: json.name, writesFiles: false, bind: () => ({ container: json }) };
}
