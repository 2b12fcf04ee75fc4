#!/usr/bin/env node
// The journey-lab command. It runs the TypeScript sources through tsx, so it works straight after
// `npm install` with no build step.
import { readFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// Last resort: whatever escapes main (an error thrown outside it, a rejected promise nobody awaited,
// sources that fail to load) is one line on standard error and exit status 2, never a stack trace.
// Until the sources are loaded the line is English and built here; then main's, in the user's language.
const argv = process.argv.slice(2);
let describe = (error) => {
  const message = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex -- the same characters the CLI escapes everywhere else
  return `journey-lab: internal error: ${message.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?')} — please report it`;
};
const lastResort = (error) => {
  let line;
  try {
    line = describe(error);
  } catch {
    line = 'journey-lab: internal error — please report it';
  }
  process.stderr.write(`${line}\n`);
  process.exit(2);
};
process.on('uncaughtException', lastResort);
process.on('unhandledRejection', lastResort);
// Output piped into a command that stops reading (`journey-lab … | head`) is not an error: stop quietly.
process.stdout.on('error', (error) => (error.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : lastResort(error)));

register();
const { main, nodeIo, internalErrorLine, terminalSafe } = await import('../src/cli/main.ts');
describe = (error) => terminalSafe(internalErrorLine(argv, process.env, error));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
process.exitCode = await main(argv, nodeIo(version));
