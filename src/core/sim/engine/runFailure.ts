import { message } from '../../i18n';
import type { Problem, ProblemDefinition } from '../../journey/problems';

/**
 * A run that failed for a reason that is not a problem of the journey, the cohort or the settings: a
 * worker that crashed or ran out of memory, or a fault in Journey Lab. Users get it as a problem like
 * any other — a code and a sentence in their language — never as a raw error message.
 */

export const runFailureProblems = {
  'simulation-failed': {
    severity: 'error',
    title: message('core.sim.engine.runFailure.theSimulationFailed'),
    fix: message('core.sim.engine.runFailure.tryFewerUsersOrFewer'),
  },
} satisfies Record<string, ProblemDefinition>;

/** The longest detail of the original error kept in the message (enough to report it, not a wall of text). */
const MAX_DETAIL = 200;

/** What the error said, on one line and cut short: the detail a report of the failure needs. */
export function errorDetail(error: unknown): string {
  let detail: string;
  try {
    detail = error instanceof Error ? (error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message) : String(error);
  } catch {
    detail = 'unknown error';
  }
  detail = detail.replace(/\s+/g, ' ').trim();
  return detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail;
}

/** The `simulation-failed` problem for an error a run ended with. */
export function simulationFailed(error: unknown): Problem {
  const detail = errorDetail(error);
  return {
    severity: runFailureProblems['simulation-failed'].severity,
    code: 'simulation-failed',
    message: message('core.sim.engine.runFailure.theSimulationStoppedUnexpectedlyThis', { detail }),
    location: { path: [] },
  };
}
