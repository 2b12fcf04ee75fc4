// What the page asks the fitting worker and what it answers (structured-cloneable: Blobs, plain data).
import type { Localized, Message } from '../../core/i18n';
import type { CohortSpecInput } from '../../core/cohort';
import type { FitReport, PopulationData, SegmentBy } from '../../core/calibration';
import type { TransactionImportSettings, TransactionReport } from '../../core/calibration/import';

export interface FitRequest {
  transactions: Blob;
  transactionsName: string;
  /** How to read the transactions, as the mapping step left it. */
  settings: Omit<TransactionImportSettings, 'customers'>;
  profiles: { file: Blob; name: string } | null;
  /** Campaign history (per send, or per campaign/channel/day): channel responses and send-time patterns. */
  campaigns: { file: Blob; name: string } | null;
  fit: {
    /** Days since 1970-01-01, inclusive; null: no holdout. */
    calibrationEnd: number | null;
    segmentBy: SegmentBy;
    presetId: string;
    id: string;
    name: Localized;
    /** Also build the population: every customer as one simulated user, ids salted and hashed. */
    population: boolean;
    /** Keep the population's customer ids as they are instead of salted hashes. */
    keepIds: boolean;
  };
}

export type FitPhase = 'transactions' | 'profiles' | 'campaigns' | 'fitting' | 'population';

export interface FitProgress {
  type: 'progress';
  phase: FitPhase;
  bytes: number;
  size: number;
  rows: number;
}

/** The end of a job: the import's report when the file was read, and the fit or why there is none. */
export interface FitOutcome {
  type: 'result';
  importReport: TransactionReport | null;
  problem: Message | null;
  fit: FitReport | null;
  cohort: CohortSpecInput | null;
  /** The population, when asked for and the fit succeeded. */
  population: PopulationData | null;
}

export type FitMessage = FitProgress | FitOutcome;
