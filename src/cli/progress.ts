import type { CliIo } from './commandIo';

/** Runs at least this big (users × replications) report progress even when standard error is not a terminal. */
export const PROGRESS_LINES_FROM = 200_000;
/** At most ten updates a second. */
const INTERVAL_MS = 100;

export interface Progress {
  /** Fraction done, 0–1. */
  update(fraction: number): void;
  /** Clears the bar (call once, at the end, whether the run succeeded or not). */
  done(): void;
}

/**
 * Progress of a simulation on standard error, never standard output. On a terminal, a bar redrawn in
 * place at most ten times a second, first drawn 0.1 s into the run (so quick runs show nothing) and
 * erased at the end. Elsewhere (a log file, CI), only runs of at least PROGRESS_LINES_FROM user-runs
 * report, with one line per tenth done.
 */
export function createProgress(io: CliIo, size: number, label: string): Progress {
  const now = io.now ?? (() => performance.now());
  if (io.stderrIsTTY) {
    // The bar's carriage return and erase-line are terminal controls: written as they are (the label and
    // the bar are the CLI's own text), not escaped as everything else printed is.
    const control = io.stderrControl ?? io.stderr;
    let last = now();
    let drawn = false;
    const width = Math.max(10, Math.min(40, (io.stderrColumns ?? 80) - label.length - 12));
    return {
      update(fraction) {
        const time = now();
        if (time - last < INTERVAL_MS) return;
        last = time;
        drawn = true;
        const filled = Math.round(Math.min(1, fraction) * width);
        control(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(fraction * 100)} %`);
      },
      done() {
        if (drawn) control('\r\x1b[K');
        drawn = false;
      },
    };
  }
  if (size < PROGRESS_LINES_FROM) return { update() {}, done() {} };
  let tenths = 0;
  let last = -Infinity;
  return {
    update(fraction) {
      const reached = Math.floor(fraction * 10);
      const time = now();
      if (reached <= tenths || reached >= 10 || time - last < INTERVAL_MS) return;
      tenths = reached;
      last = time;
      io.stderr(`${label}: ${reached * 10} %\n`);
    },
    done() {},
  };
}
