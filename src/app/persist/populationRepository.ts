// Populations saved with fitted cohorts: every customer of the user's data as one simulated user
// (src/core/calibration/population.ts), kept in this browser only — customer-level data is never
// uploaded. Stored columnar (typed arrays, structured-cloned into IndexedDB table `populations`, keyed
// by the cohort's id) with a small summary beside it (table `populationSummaries`), so lists and the
// Simulate panel never read a million customers to show one line. Removing a cohort removes its population.
import type { PopulationData } from '../../core/calibration';
import { isPlainObject } from '../../core/journey';

export interface PopulationSummary {
  /** The fitted cohort's id. */
  cohortId: string;
  customers: number;
  /** Customers still active at the end of the data (drawn with their P(alive)). */
  active: number;
  /** The day (since 1970-01-01) the customers are described at. */
  asOf: number;
  idsHashed: boolean;
  /** Milliseconds since the epoch. */
  savedAt: number;
}

export interface PopulationRepository {
  /** Every saved population's summary. Rejects with a RepositoryError when storage fails. */
  list(): Promise<PopulationSummary[]>;
  /** The whole population of a cohort; undefined when there is none or what is stored is broken. */
  get(cohortId: string): Promise<PopulationData | undefined>;
  /** Saves (or replaces) the population of its cohort (`data.cohort`). Rejects with a RepositoryError when storage fails. */
  put(data: PopulationData): Promise<PopulationSummary>;
  /** Removing a missing one is fine. */
  remove(cohortId: string): Promise<void>;
}

export function populationSummary(data: PopulationData, savedAt: number): PopulationSummary {
  let active = 0;
  for (const alive of data.population.alive) active += alive;
  return { cohortId: data.cohort, customers: data.population.size, active, asOf: data.asOf, idsHashed: data.idsHashed, savedAt };
}

const columnsOf = ['segment', 'recency', 'frequency', 'monetary', 'alive', 'lambdaPerDay', 'dropout', 'spendRate'] as const;

/**
 * Whether a stored value has the shape of a population (a broken row is ignored, as runs are). Its
 * values are checked where it is used: the run's gate (checkSimulation) checks every column.
 */
export function isPopulationData(value: unknown): value is PopulationData {
  if (!isPlainObject(value) || typeof value.cohort !== 'string' || typeof value.asOf !== 'number' || !Array.isArray(value.segments) || !Array.isArray(value.customer)) return false;
  const { population } = value;
  if (!isPlainObject(population) || typeof population.size !== 'number') return false;
  return columnsOf.every((name) => {
    const column = population[name];
    return ArrayBuffer.isView(column) && !(column instanceof DataView) && (column as unknown as ArrayLike<number>).length === population.size;
  });
}
