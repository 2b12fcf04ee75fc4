// The latest finished simulation run of each journey, kept beside the journeys (IndexedDB table `runs`,
// keyed by journey id, or memory) so a reload shows its results again. The record keeps the exact
// journey that was simulated, so the results can say whether the journey has changed since.
import { isPlainObject } from '../../core/journey';
import type { JourneyDocument } from '../../core/journey';
import { REPORT_VERSION, type SimulationReport } from '../../core/sim/engine';

/**
 * A report kept by an older build of the simulator (report format version 1, or none): its figures have
 * other meanings than today's (revenue was attributed, ROI was not incremental), so it is kept and opened
 * marked outdated — "re-run to compare" — and never read for figures.
 */
export interface OutdatedReport {
  readonly [key: string]: unknown;
}

/** A report as stored: today's, or one of an older format (told apart by isCurrentReport). */
export type StoredReport = SimulationReport | OutdatedReport;

/** Whether a stored report is of today's format (version 2, with its incremental figures), so its figures can be shown. */
export function isCurrentReport(report: StoredReport): report is SimulationReport {
  return report.version === REPORT_VERSION && isPlainObject(report.incremental) && isPlainObject(report.baseline) && Array.isArray(report.nodes);
}

/** The cohort id a stored report names, of any format ('' when it names none). */
export function storedCohortId(report: StoredReport): string {
  const cohort = report.cohort;
  return isPlainObject(cohort) && typeof cohort.id === 'string' ? cohort.id : '';
}

export interface RunRecord {
  /** The journey's id (one record per journey: the latest run replaces the one before). */
  journeyId: string;
  /** When the run finished, in milliseconds since the epoch. */
  savedAt: number;
  /** The journey exactly as simulated. */
  journey: JourneyDocument;
  /** `population`: the users were the saved cohort's real customers (`users` of them). */
  settings: { users: number; seed: number; replications: number; presetId: string; population?: boolean };
  /** The cohort spec as sent (a preset's or a saved cohort's). */
  cohort: unknown;
  /** Today's report, or one of an older format (isCurrentReport tells): an old one opens marked outdated. */
  report: StoredReport;
}

export interface RunRepository {
  /** Undefined when the journey has no saved run. Rejects with a RepositoryError when storage fails. */
  get(journeyId: string): Promise<RunRecord | undefined>;
  /** Saves (or replaces) the journey's run. Rejects with a RepositoryError when storage fails. */
  put(record: RunRecord): Promise<void>;
  /** Removing a missing one is fine. */
  remove(journeyId: string): Promise<void>;
}

/**
 * Whether a stored value has the shape of a RunRecord (a broken row is ignored). A run of an older report
 * format passes: it is opened marked outdated (isCurrentReport), never dropped.
 */
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
