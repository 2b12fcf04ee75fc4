#!/usr/bin/env node
// `npm run bench`: the editor benchmark (npm run bench:editor: builds the app, then bench/run.mjs), the
// simulation benchmark (npm run bench:simulation: bench/simulation.ts), the playback benchmark (npm
// run bench:playback: bench/playback.mjs on the build), the import benchmark (npm run bench:import:
// bench/import.ts), then the app simulation benchmark (npm run bench:app: bench/appSimulation.mjs, the
// worker pool with one worker and with all). Each runs even when another failed; the exit status is the
// worst of them.
//
//   npm run bench                                 all five
//   npm run bench -- --only simulation [options]  one, with its own options (see its --help)
//   npm run bench:simulation -- --quick           the same, directly

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCHMARKS = ['editor', 'simulation', 'playback', 'import', 'app'];

const USAGE = `Usage: npm run bench [-- --only editor|simulation|playback|import|app [options of that benchmark]]

Runs the editor benchmark (npm run bench:editor), the simulation benchmark (npm run bench:simulation),
the playback benchmark (npm run bench:playback), the import benchmark (npm run bench:import) and the app
simulation benchmark (npm run bench:app). With --only, runs one and passes it the options that follow;
without it, each runs with its defaults. Their options: node bench/run.mjs --help, npm run
bench:simulation -- --help, node --import tsx bench/playback.mjs --help, npm run bench:import -- --help,
node bench/appSimulation.mjs --help.`;

function parse(argv) {
  const rest = [];
  let only = null;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--only' || arg.startsWith('--only=')) {
      only = arg === '--only' ? argv[++index] : arg.slice('--only='.length);
      if (!BENCHMARKS.includes(only)) return { error: `--only takes ${BENCHMARKS.join(' or ')}, not ${only === undefined ? 'nothing' : `"${only}"`}.` };
    } else rest.push(arg);
  }
  // With --only, --help is the benchmark's own.
  if (only === null && rest.some((arg) => arg === '-h' || arg === '--help')) return { help: true };
  if (rest.length > 0 && only === null) return { error: `Options (${rest.join(' ')}) go to one benchmark: add --only editor, --only simulation, --only playback, --only import or --only app.` };
  return { only, rest };
}

/** Runs a package.json script through the npm that started us (or the one on the PATH). */
function runScript(script, args) {
  const npm = process.env.npm_execpath;
  const npmArgs = ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])];
  const result = npm
    ? spawnSync(process.execPath, [npm, ...npmArgs], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', npmArgs, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) {
    console.error(`bench: could not run npm run ${script}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

const parsed = parse(process.argv.slice(2));
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
if (parsed.error) {
  console.error(`bench: ${parsed.error}\n\n${USAGE}`);
  process.exit(2);
}
let worst = 0;
for (const name of parsed.only ? [parsed.only] : BENCHMARKS) {
  if (!parsed.only) console.error(`\n=== ${name} benchmark (npm run bench:${name}) ===\n`);
  worst = Math.max(worst, runScript(`bench:${name}`, parsed.rest));
}
process.exit(worst);
