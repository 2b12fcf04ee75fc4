// Running the CLI in tests: in-process against an in-memory file system (`runCli`, `runCliNow`), or
// as the installed bin in a child process (`runBin`).
import { spawnSync } from 'node:child_process';
import { main, type CliIo } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  /** What the command wrote, by path. */
  written: Record<string, string>;
}

/** A missing file as node:fs reports it, so the CLI's own message for it is what the test sees. */
const missing = (path: string) => Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });

/** Starts the command; `io` replaces parts of the in-memory io (a writeFile that throws, say). */
function start(args: string[], files: Record<string, string>, io: Partial<CliIo>) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const code = main(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: (path) => {
      if (!Object.hasOwn(files, path)) throw missing(path);
      return files[path]!;
    },
    writeFile: (path, text) => (written[path] = text),
    env: {},
    version: '0.0.0-test',
    ...io,
  });
  return { code, finish: (exit: number): CliRun => ({ code: exit, stdout: out.join(''), stderr: err.join(''), written }) };
}

/** Runs the CLI in-process, awaiting the command. */
export async function runCli(args: string[], files: Record<string, string> = {}, io: Partial<CliIo> = {}): Promise<CliRun> {
  const { code, finish } = start(args, files, io);
  return finish(await code);
}

/** Runs a command that answers at once (validate, compile, …); throws for one that does not. */
export function runCliNow(args: string[], files: Record<string, string> = {}, io: Partial<CliIo> = {}): CliRun {
  const { code, finish } = start(args, files, io);
  if (typeof code !== 'number') throw new Error(`journey-lab ${args.join(' ')} did not answer at once: use runCli`);
  return finish(code);
}

/** Runs bin/journey-lab.mjs in a child process (tsx starts cold: give such tests a longer timeout). */
export const runBin = (...args: string[]) => spawnSync(process.execPath, ['bin/journey-lab.mjs', ...args], { encoding: 'utf8' });
