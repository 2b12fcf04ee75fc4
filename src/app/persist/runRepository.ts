// The latest finished simulation run of each journey, kept beside the journeys (IndexedDB table `runs`,
// keyed by journey id, or memory) so a reload shows its results again. The record keeps the exact
// journey that was simulated, so the results can say whether the journey has changed since.
import { isPlainObject } from '../../core/journey';
import type { JourneyDocument } from '../../core/journey';
import type { SimulationReport } from '../../core/sim/engine';

export interface RunRecord {
  /** The journey's id (one record per journey: the latest run replaces the one before). */
  journeyId: string;
  /** When the run finished, in milliseconds since the epoch. */
  savedAt: number;
  /** The journey exactly as simulated. */
  journey: JourneyDocument;
  settings: { users: number; seed: number; replications: number; presetId: string };
  /** The cohort spec as sent (a preset's or a saved cohort's). */
  cohort: unknown;
  report: SimulationReport;
}

export interface RunRepository {
  /** Undefined when the journey has no saved run. Rejects with a RepositoryError when storage fails. */
  get(journeyId: string): Promise<RunRecord | undefined>;
  /** Saves (or replaces) the journey's run. Rejects with a RepositoryError when storage fails. */
  put(record: RunRecord): Promise<void>;
  /** Removing a missing one is fine. */
  remove(journeyId: string): Promise<void>;
}

/** Whether a stored value has the shape of a RunRecord (a row written by an older or broken build is ignored). */
export function isRunRecord(value: unknown): value is RunRecord {
  if (!isPlainObject(value) || typeof value.journeyId !== 'string' || typeof value.savedAt !== 'number') return false;
  const { journey, settings, report } = value;
  return (
    isPlainObject(journey) &&
    Array.isArray(journey.nodes) &&
    Array.isArray(journey.edges) &&
    isPlainObject(settings) &&
    ['users', 'seed', 'replications'].every((key) => typeof settings[key] === 'number') &&
    typeof settings.presetId === 'string' &&
    isPlainObject(report) &&
    Array.isArray(report.nodes)
  );
}
