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
