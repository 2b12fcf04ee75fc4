import type { Message } from '../../i18n';

/**
 * A file that cannot be used, with the one sentence that says why. Thrown by the stages of an import
 * (decoding, splitting records) and caught by the import's `finish`, which reports it as its `problem`.
 */
export class ImportFailure extends Error {
  constructor(readonly problem: Message) {
    super(problem.key);
    this.name = 'ImportFailure';
  }
}

/** The problem a thrown value stands for, or the value rethrown when it is a bug rather than a bad file. */
export function problemOf(error: unknown): Message {
  if (error instanceof ImportFailure) return error.problem;
  throw error;
}

/**
 * The first failure of a chunked import: `run` does one step unless a step has failed already, and
 * keeps the problem of a file that cannot be used (a bug is rethrown), so the import's `finish` can
 * report it whatever step it came from.
 */
export function firstFailure(): { run(step: () => void): void; readonly problem: Message | null } {
  let problem: Message | null = null;
  return {
    run(step) {
      if (problem) return;
      try {
        step();
      } catch (error) {
        problem = problemOf(error);
      }
    },
    get problem() {
      return problem;
    },
  };
}
