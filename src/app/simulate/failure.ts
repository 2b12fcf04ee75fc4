// A run that failed for a reason that is not a problem of the input (a worker that crashed or ran out
// of memory, a fault of ours) still reaches the user as a problem: its code and its sentence in the
// interface language, never the raw error text on its own.
import type { Language } from '../i18n/index.ts';
import type { Problem } from '../../core/journey';
import { simulationFailed } from '../../core/sim/engine';
import { say } from '../i18n/say';

/** The failure of a run, said in one line: "<sentence> (<code>)". */
export const failureText = (problem: Problem, lang: Language): string => `${say(problem.message, lang)} (${problem.code})`;

/** The problem for a worker that died or whose message could not be read. */
export const workerFailure = (detail: string): Problem => simulationFailed(new Error(detail));
