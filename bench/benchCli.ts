// What the TypeScript benchmarks share on their command line: a usage error, the prologue that turns
// options into a run or an exit status (2 with the usage for bad options, 0 after --help), and seeded
// uniforms for the data they make up.

/** A bad option: said with the usage, exit status 2. */
export class UsageError extends Error {}

/**
 * Parses the options: the parsed options, or the exit status once the usage has been printed (2 for
 * a UsageError, 0 for --help, which `parse` answers with 'help'). Any other error is a bug: rethrown.
 */
export function parsedOrExit<Parsed>(parse: () => Parsed | 'help', usage: string): { parsed: Parsed } | { exit: number } {
  let parsed: Parsed | 'help';
  try {
    parsed = parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    return { exit: 2 };
  }
  if (parsed === 'help') {
    process.stdout.write(`${usage}\n`);
    return { exit: 0 };
  }
  return { parsed };
}

/**
 * Uniforms from a 32-bit seed (mulberry32): enough for made-up data and choices, the same on every
 * machine. In [0, 1), or in (0, 1) with `open` (for logarithms and inverse CDFs).
 */
export function seededUniforms(seed: number, open = false): () => number {
  let state = seed >>> 0;
  const shift = open ? 0.5 : 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + shift) / 4_294_967_296;
  };
}
