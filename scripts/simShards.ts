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
import { cliText, isCliLanguage, type CliLanguage } from '../src/cli/i18n';

const bin = fileURLToPath(new URL('../bin/journey-lab.mjs', import.meta.url));

/** Runs `journey-lab args…`; its standard output, or a rejection naming the command and its standard error. */
function journeyLab(args: readonly string[], lang: CliLanguage): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(cliText(lang)('shards.failed', { command: `journey-lab ${args.join(' ')}`, code, stderr: err })))));
  });
}

/**
 * The harness's own options taken out; the rest are the run's simulate arguments. `--lang` (or
 * JOURNEY_LAB_LANG) is the harness's language and is passed on to every shard and the merge.
 */
export function harnessOptions(argv: readonly string[], env: Record<string, string | undefined> = process.env): { shards: number; check: boolean; json: boolean; lang: CliLanguage; simulateArgs: string[] } {
  const simulateArgs: string[] = [];
  let shards = NaN;
  let check = false;
  let json = false;
  let lang = env.JOURNEY_LAB_LANG && isCliLanguage(env.JOURNEY_LAB_LANG) ? env.JOURNEY_LAB_LANG : 'en';
  for (let at = 0; at < argv.length; at++) {
    const arg = argv[at]!;
    if (arg === '--shards') shards = Number(argv[++at]);
    else if (arg.startsWith('--shards=')) shards = Number(arg.slice('--shards='.length));
    else if (arg === '--check') check = true;
    else if (arg === '--json') json = true;
    else if (arg === '--lang' || arg.startsWith('--lang=')) {
      const chosen = arg === '--lang' ? (argv[++at] ?? '') : arg.slice('--lang='.length);
      if (isCliLanguage(chosen)) lang = chosen;
    } else simulateArgs.push(arg);
  }
  if (!(Number.isInteger(shards) && shards >= 1)) throw new Error(cliText(lang)('shards.usage'));
  return { shards, check, json, lang, simulateArgs };
}

export async function runShards(argv: readonly string[]): Promise<{ output: string; identical: boolean | null; lang: CliLanguage }> {
  const { shards, check, json, lang, simulateArgs: runArgs } = harnessOptions(argv);
  // The Job's pods run the run's arguments as given; here the harness's language goes along too.
  const simulateArgs = [...runArgs, '--lang', lang];
  const directory = mkdtempSync(join(tmpdir(), 'journey-lab-shards-'));
  try {
    await Promise.all(Array.from({ length: shards }, (_, index) => journeyLab(shardArgs(simulateArgs, index, shards, directory), lang)));
    const output = await journeyLab(mergeArgs(shards, directory, [...(json ? ['--json'] : []), '--lang', lang]), lang);
    if (!check) return { output, identical: null, lang };
    const merged = json ? output : await journeyLab(mergeArgs(shards, directory, ['--json', '--lang', lang]), lang);
    const single = await journeyLab(['simulate', ...simulateArgs, '--json'], lang);
    return { output, identical: merged === single, lang };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { output, identical, lang } = await runShards(process.argv.slice(2));
    process.stdout.write(output);
    if (identical !== null) process.stderr.write(`${cliText(lang)(identical ? 'shards.identical' : 'shards.differs')}\n`);
    process.exitCode = identical === false ? 1 : 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
