/**
 * From an imported transaction file (and optional profiles) to the fit report and the fitted cohort:
 * the steps after reading that the app's worker and `journey-lab fit` share — the calibration end
 * checked against the data's dates, a profile column turned into one segment per value, then
 * rfmSummary → fitCustomers → fitReportOf → fittedCohortOf, and the cohort checked. A problem of the
 * data comes back as one message; an invalid cohort is a fault of ours and throws.
 */
import { message, type Localized, type Message } from '../i18n';
import { checkCohort } from '../cohort/schema';
import { MAX_FITTED_SEGMENTS, type SourceFile } from '../cohort/provenance';
import type { CohortPreset } from '../cohort/presets';
import type { CohortSpecInput } from '../cohort/schema';
import { isoDate } from './import/civil';
import type { ProfileImport } from './import/profiles';
import type { CampaignImport } from './import/campaigns';
import { channelResponseFits, timingFromCampaigns } from './channelResponses';
import type { TransactionImport } from './import/transactions';
import { fitCustomers, type CustomerFit, type SegmentBy } from './fitCustomers';
import { fitReportOf, fittedCohortOf, type CampaignMeasures, type FitReport } from './fitReport';
import { rfmSummary, type RfmSummary } from './rfmSummary';
import { profileDistributions } from './profileDistributions';
import { buildPopulation, type PopulationProfiles } from './population';
import { populationData, type PopulationData } from './populationFile';

export interface FitImportedOptions {
  /** Last day of the calibration period (days since 1970-01-01, inclusive); null: the data's last day, no holdout. */
  calibrationEnd: number | null;
  segmentBy: SegmentBy;
  preset: CohortPreset;
  id: string;
  name: Localized;
  sources: SourceFile[];
}

export type FitImportedResult =
  | {
      report: FitReport;
      cohort: CohortSpecInput;
      problem: null;
      /** The fit itself and how customers were segmented, for building a population from it. */
      fit: CustomerFit;
      segmentValueOf: ((customer: number) => string | null) | undefined;
      /** The profiles read and the cohort keys their columns became: a population takes each customer's own values. */
      profiles: PopulationProfiles | undefined;
    }
  | { report: null; cohort: null; problem: Message };

const refused = (problem: Message): FitImportedResult => ({ report: null, cohort: null, problem });

/** Each summarised customer's value of a profile column (null: no profile or no value), or a problem. */
export function profileSegments(summary: RfmSummary, profiles: ProfileImport, column: string): { valueOf: (customer: number) => string | null } | { problem: Message } {
  const attribute = profiles.profiles.attributes.find((candidate) => candidate.name === column);
  if (!attribute) return { problem: message('core.calibration.fitting.unknownProfileColumn', { column, columns: profiles.profiles.attributes.map((known) => known.name).join(', ') || '—' }) };
  const byCustomer = new Map<number, string>();
  for (let row = 0; row < profiles.profiles.length; row++) {
    const value = attribute.kind === 'categorical' ? (attribute.codes[row]! >= 0 ? attribute.values[attribute.codes[row]!]! : null) : Number.isFinite(attribute.values[row]!) ? String(attribute.values[row]) : null;
    if (value !== null) byCustomer.set(profiles.profiles.customer[row]!, value);
  }
  const distinct = new Set<string | null>();
  for (let i = 0; i < summary.count; i++) distinct.add(byCustomer.get(summary.customer[i]!) ?? null);
  if (distinct.size > MAX_FITTED_SEGMENTS) return { problem: message('core.calibration.fitting.tooManySegments', { column, values: distinct.size, most: MAX_FITTED_SEGMENTS }) };
  return { valueOf: (customer) => byCustomer.get(customer) ?? null };
}

export function fitImported(imported: TransactionImport, profiles: ProfileImport | null, options: FitImportedOptions, campaigns: CampaignImport | null = null): FitImportedResult {
  if (imported.problem) return refused(imported.problem);
  const { table, report } = imported;
  const { segmentBy, calibrationEnd } = options;
  if (report.firstDay === null || report.lastDay === null) return refused(message('core.calibration.import.file.noRows'));
  if (calibrationEnd !== null && (calibrationEnd < report.firstDay || calibrationEnd > report.lastDay))
    return refused(message('core.calibration.fitting.calibrationOutside', { date: isoDate(calibrationEnd), first: isoDate(report.firstDay), last: isoDate(report.lastDay) }));
  const summary = rfmSummary(table, { calibrationEnd: calibrationEnd ?? report.lastDay });
  let valueOf: ((customer: number) => string | null) | undefined;
  if (typeof segmentBy === 'object') {
    if (!profiles) return refused(message('core.calibration.fitting.segmentNeedsProfiles', { column: segmentBy.column }));
    if (profiles.problem) return refused(profiles.problem);
    const segments = profileSegments(summary, profiles, segmentBy.column);
    if ('problem' in segments) return refused(segments.problem);
    valueOf = segments.valueOf;
  }
  if (campaigns?.problem) return refused(campaigns.problem);
  const fitted = fitCustomers(summary, table, { segmentBy, lastDay: report.lastDay, ...(valueOf ? { segmentValueOf: valueOf } : {}) });
  const fitReport = fitReportOf(fitted, summary, report, table.currency, segmentBy, campaigns ? campaignMeasures(campaigns, fitted, summary, segmentBy) : null);
  const distributions = profiles
    ? profileDistributions(
        profiles,
        fitted.segments.map((segment) => Array.from(segment.members, (index) => summary.customer[index]!)),
        { attributes: options.preset.spec.attributes ?? {}, tags: options.preset.spec.tags ?? [] },
      )
    : undefined;
  const cohort = fittedCohortOf(fitted, fitReport, { id: options.id, name: options.name, preset: options.preset, sources: options.sources, ...(distributions ? { profiles: distributions } : {}) });
  const checked = checkCohort(cohort);
  // A fault of ours, not of the data: the fitted cohort must always be valid.
  if (!checked.spec) throw new Error(`fitted cohort invalid: ${checked.problems.map((problem) => problem.code).join(', ')}`);
  return { report: fitReport, cohort, problem: null, fit: fitted, segmentValueOf: valueOf, profiles: profiles && distributions ? { profiles: profiles.profiles, keys: distributions.keys } : undefined };
}

/** Channel responses (per segment where sends name customers) and open-time patterns of campaign history. */
function campaignMeasures(campaigns: CampaignImport, fitted: CustomerFit, summary: RfmSummary, segmentBy: SegmentBy): CampaignMeasures {
  const segmentOfCustomer = new Map<number, string>();
  for (const segment of fitted.segments) for (const index of segment.members) segmentOfCustomer.set(summary.customer[index]!, segment.id);
  const segmentOf = segmentBy === 'none' ? undefined : (customer: number) => segmentOfCustomer.get(customer) ?? null;
  return { responses: channelResponseFits(campaigns.summary, segmentOf), timing: timingFromCampaigns(campaigns.summary) };
}

/**
 * The population of a fit — every customer of the data as one simulated user — as stored and written:
 * the app's worker and `journey-lab fit --population` share it. `salt` null keeps the customer ids.
 */
export function populationOfFit(imported: TransactionImport, fitted: Extract<FitImportedResult, { problem: null }>, options: { segmentBy: SegmentBy; seed: number; salt: string | null }): PopulationData {
  const { cohort } = fitted;
  const population = buildPopulation(imported.table, imported.report.lastDay!, fitted.fit, cohort, {
    segmentBy: options.segmentBy,
    seed: options.seed,
    ...(fitted.segmentValueOf ? { segmentValueOf: fitted.segmentValueOf } : {}),
    ...(fitted.profiles ? { profiles: fitted.profiles } : {}),
  });
  const source = cohort.provenance?.sources?.find((file) => file.role === 'transactions')?.sha256 ?? null;
  return populationData(population, imported.table.customers, { cohort: cohort.id, seed: options.seed, salt: options.salt, segments: cohort.segments.map((segment) => segment.id), source });
}
