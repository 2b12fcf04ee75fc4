// Saved scenarios: named runs kept for comparison (IndexedDB table `scenarios`, keyed by a generated id,
// or memory). Each keeps the exact journey, cohort spec, run settings and report of its run, so its
// assumptions (costs, offers, order values, horizon) stay what they were whatever is edited later.
// Unlike the latest run (runRepository.ts), a scenario outlives its journey.
import { isPlainObject } from '../../core/journey';
import type { SimulationReport } from '../../core/sim/engine';
import { isCurrentReport, isRunRecord, type RunRecord } from './runRepository';

export interface ScenarioRecord extends RunRecord {
  /** Generated (newScenarioId); one journey may have many scenarios. */
  id: string;
  name: string;
  /** The run was stale when saved: the journey or the cohort picked had changed since it ran. */
  stale: boolean;
}

export interface ScenarioRepository {
  /** Every saved scenario, of every journey, newest first. Rejects with a RepositoryError when storage fails. */
  list(): Promise<ScenarioRecord[]>;
  /** Undefined when there is none with that id. Rejects with a RepositoryError when storage fails. */
  get(id: string): Promise<ScenarioRecord | undefined>;
  /** Saves (or replaces) a scenario. Rejects with a RepositoryError when storage fails. */
  put(record: ScenarioRecord): Promise<void>;
  /** Renames a scenario; false when there is none with that id. Rejects with a RepositoryError when storage fails. */
  rename(id: string, name: string): Promise<boolean>;
  /** Removing a missing one is fine. */
  remove(id: string): Promise<void>;
}

export const newScenarioId = (): string => `scenario-${crypto.randomUUID()}`;

/** Whether a stored value has the shape of a ScenarioRecord (a row written by an older or broken build is ignored). */
export function isScenarioRecord(value: unknown): value is ScenarioRecord {
  return isPlainObject(value) && typeof value.id === 'string' && typeof value.name === 'string' && typeof value.stale === 'boolean' && isRunRecord(value);
}

/** A scenario whose report is of today's format: the only kind that can be compared. */
export type ComparableScenario = ScenarioRecord & { report: SimulationReport };

/** Whether a scenario can be compared (an older report format is listed marked outdated, and left out). */
export const isComparableScenario = (scenario: ScenarioRecord): scenario is ComparableScenario => isCurrentReport(scenario.report);

/** Newest first; equal times by name, so the order does not depend on storage. */
export const newestScenarioFirst = (a: ScenarioRecord, b: ScenarioRecord): number => b.savedAt - a.savedAt || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
