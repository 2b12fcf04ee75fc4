// Saved cohorts (模拟人群): named cohort specs a strategist edits on the Cohorts screen and picks in any
// journey's Simulate panel. Stored as given (a spec that passed checkCohort when saved), keyed by the
// spec's id, beside the journeys (IndexedDB table `cohorts`, or memory).
import { isPlainObject } from '../../core/journey';

export interface CohortRecord {
  /** The spec's id. */
  id: string;
  /** The spec as saved (cohort format, see docs/cohort-format.md). */
  spec: unknown;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

export interface CohortRepository {
  /** Newest first. Rejects with a RepositoryError when storage fails. */
  list(): Promise<CohortRecord[]>;
  /** Undefined when there is none with this id. */
  get(id: string): Promise<CohortRecord | undefined>;
  /** Saves (or replaces) the spec under its id. Rejects with a RepositoryError when storage fails. */
  put(spec: unknown & { id: string }): Promise<CohortRecord>;
  /** Removing a missing id is fine. */
  remove(id: string): Promise<void>;
}

/** The id a spec is saved under (its own `id`), or null when it has none. */
export const cohortRecordId = (spec: unknown): string | null => (isPlainObject(spec) && typeof spec.id === 'string' && spec.id ? spec.id : null);
