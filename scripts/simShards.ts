// The local harness of a sharded run: `npm run sim:shards -- --shards N [--check] [--json] JOURNEY [simulate options]`.
// It runs the N shards as processes of the CLI, in parallel, with the very command lines the
// Kubernetes Indexed Job runs (src/cli/shardCommand.ts), merges their partials and prints the report.
// --check also runs the one-machine `simulate --json` and fails unless the merged report is identical.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeArgs, shardArgs } from '../src/cli/shardCommand';

const bin = fileURLToPath(new URL('../bin/journey-lab.mjs', import.meta.url));

/** Runs `journey-lab args…`; its standard output, or a rejection naming the command and its standard error. */
function journeyLab(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`journey-lab ${args.join(' ')} exited with ${code}:\n${err}`))));
  });
}

/** The harness's own options taken out; the rest are the run's simulate arguments. */
export function harnessOptions(argv: readonly string[]): { shards: number; check: boolean; json: boolean; simulateArgs: string[] } {
  const simulateArgs: string[] = [];
  let shards = NaN;
  let check = false;
  let json = false;
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!;
    if (arg === '--shards') shards = Number(argv[++at]);
    else if (arg.startsWith('--shards=')) shards = Number(arg.slice('--shards='.length));
    else if (arg === '--check') check = true;
    else if (arg === '--json') json = true;
    else simulateArgs.push(arg);
  }
  if (!(Number.isInteger(shards) && shards >= 1)) throw new Error('Usage: npm run sim:shards -- --shards N [--check] [--json] JOURNEY [simulate options]');
  return { shards, check, json, simulateArgs };
}

export async function runShards(argv: readonly string[]): Promise<{ output: string; identical: boolean | null }> {
  const { shards, check, json, simulateArgs } = harnessOptions(argv);
  const directory = mkdtempSync(join(tmpdir(), 'journey-lab-shards-'));
  try {
    await Promise.all(Array.from({ length: shards }, (_, index) => journeyLab(shardArgs(simulateArgs, index, shards, directory))));
    const output = await journeyLab(mergeArgs(shards, directory, json ? ['--json'] : []));
    if (!check) return { output, identical: null };
    const merged = json ? output : await journeyLab(mergeArgs(shards, directory, ['--json']));
    const single = await journeyLab(['simulate', ...simulateArgs, '--json']);
    return { output, identical: merged === single };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { output, identical } = await runShards(process.argv.slice(2));
    process.stdout.write(output);
    if (identical !== null) process.stderr.write(identical ? 'The merged report is identical to the one-machine report.\n' : 'The merged report DIFFERS from the one-machine report.\n');
    process.exitCode = identical === false ? 1 : 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
