/**
 * The fit as a file and as a cohort: `fitReportOf` turns a CustomerFit and its import into the JSON
 * report `journey-lab fit --report` writes (versioned; parameters with standard errors and their plain
 * meaning, warnings, diagnostics, the import's accounting of every row), and `fittedCohortOf` into a
 * fitted cohort (fittedCohort.ts) whose provenance records the same. Pure: the shell supplies file
 * names and hashes.
 */
import { localized, type Localized } from '../i18n';
import type { CohortPreset } from '../cohort/presets';
import { lapseChance, meanOrderValue, purchasesPerMonth } from '../cohort/editing';
import type { CohortSpecInput } from '../cohort/schema';
import type { SegmentFit, SourceFile } from '../cohort/provenance';
import { isoDate } from './import/civil';
import type { TransactionReport } from './import/transactions';
import type { CustomerFit, FitDiagnostics, SegmentBy, SegmentResult, SegmentWarning } from './fitCustomers';
import { buildFittedCohort } from './fittedCohort';
import type { ProfileDistributions } from './profileDistributions';
import { measuredResponses, type ChannelResponseFit, type MeasuredTiming } from './channelResponses';
import type { RfmSummary } from './rfmSummary';

export const FIT_REPORT_VERSION = 1;

export interface ParameterMeaning {
  /** r / α × 30: purchases a month of the average customer while active (as the cohort editor says it). */
  purchasesPerMonth: number;
  /** a / (a + b): the mean chance of lapsing after a purchase. */
  lapseChance: number;
  /** p γ / (q − 1): the mean order value, null without a gamma-gamma fit. */
  meanOrderValue: number | null;
}

export interface SegmentReport {
  id: string;
  value: string | null;
  customers: number;
  repeatCustomers: number;
  pooled: boolean;
  bgnbd: { r: number; alpha: number; a: number; b: number; standardErrors: { r: number; alpha: number; a: number; b: number } | null; logLikelihood: number; converged: boolean; iterations: number } | null;
  gammaGamma: { p: number; q: number; gamma: number; standardErrors: { p: number; q: number; gamma: number } | null; logLikelihood: number; converged: boolean; frequencyValueCorrelation: number | null } | null;
  meaning: ParameterMeaning | null;
  warnings: SegmentWarning[];
  orderValueWarnings: SegmentWarning[];
}

export interface FitReport {
  kind: 'journey-lab-fit-report';
  version: typeof FIT_REPORT_VERSION;
  import: Omit<TransactionReport, 'rules' | 'rejected' | 'firstDay' | 'lastDay'> & { rejected: Record<string, { count: number; lines: number[] }>; firstDate: string | null; lastDate: string | null; currency: string };
  calibrationEnd: string;
  holdoutDays: number;
  /** Customers in the fit, and those left out because their first purchase came after the calibration end. */
  customers: number;
  firstPurchaseAfterCalibration: number;
  segmentBy: SegmentBy;
  segments: SegmentReport[];
  diagnostics: FitDiagnostics | null;
  /** Channel responses and open-time patterns measured in campaign history (empty without one). */
  responses: ChannelResponseFit[];
  timing: MeasuredTiming | null;
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function meaningOf(segment: SegmentResult): ParameterMeaning | null {
  if (!segment.bgnbd) return null;
  const { r, alpha, a, b } = segment.bgnbd.params;
  const value = segment.gammaGamma ? meanOrderValue(segment.gammaGamma.params.p, segment.gammaGamma.params.q, segment.gammaGamma.params.gamma) : null;
  return { purchasesPerMonth: purchasesPerMonth(r, alpha), lapseChance: lapseChance(a, b), meanOrderValue: value };
}

function segmentReport(segment: SegmentResult): SegmentReport {
  const { bgnbd, gammaGamma } = segment;
  return {
    id: segment.id,
    value: segment.value,
    customers: segment.customers,
    repeatCustomers: segment.repeatCustomers,
    pooled: segment.pooled,
    bgnbd: bgnbd && { ...bgnbd.params, standardErrors: bgnbd.standardErrors, logLikelihood: bgnbd.logLikelihood, converged: bgnbd.converged, iterations: bgnbd.iterations },
    gammaGamma: gammaGamma && {
      ...gammaGamma.params,
      standardErrors: gammaGamma.standardErrors,
      logLikelihood: gammaGamma.logLikelihood,
      converged: gammaGamma.converged,
      frequencyValueCorrelation: finiteOrNull(gammaGamma.independenceCheck.correlation),
    },
    meaning: meaningOf(segment),
    warnings: segment.warnings,
    orderValueWarnings: segment.orderValueWarnings,
  };
}

export interface CampaignMeasures {
  responses: ChannelResponseFit[];
  timing: MeasuredTiming;
}

export function fitReportOf(fit: CustomerFit, summary: RfmSummary, report: TransactionReport, currency: string, segmentBy: SegmentBy, campaigns: CampaignMeasures | null = null): FitReport {
  const { rules: _rules, rejected, firstDay, lastDay, ...counts } = report;
  return {
    kind: 'journey-lab-fit-report',
    version: FIT_REPORT_VERSION,
    import: {
      ...counts,
      rejected: Object.fromEntries(Object.entries(rejected).map(([reason, list]) => [reason, { count: list.count, lines: [...list.lines] }])),
      firstDate: firstDay === null ? null : isoDate(firstDay),
      lastDate: lastDay === null ? null : isoDate(lastDay),
      currency,
    },
    calibrationEnd: isoDate(summary.calibrationEnd),
    holdoutDays: lastDay === null ? 0 : Math.max(0, lastDay - summary.calibrationEnd),
    customers: summary.count,
    firstPurchaseAfterCalibration: summary.firstAfterEnd,
    segmentBy,
    segments: fit.segments.map(segmentReport),
    diagnostics: fit.diagnostics,
    responses: campaigns?.responses ?? [],
    timing: campaigns?.timing ?? null,
  };
}

const segmentNames: Record<string, Localized> = {
  customers: localized('Your customers', '您的客户'),
  rfm_high: localized('RFM high tier', 'RFM 高价值层'),
  rfm_middle: localized('RFM middle tier', 'RFM 中间层'),
  rfm_low: localized('RFM low tier', 'RFM 低价值层'),
};

export interface FittedCohortOptions {
  id: string;
  name: Localized;
  preset: CohortPreset;
  sources: SourceFile[];
  /** What the profiles say of each segment (in the fit's segment order), when there are profiles. */
  profiles?: ProfileDistributions;
}

/** The fitted cohort of a fit report: its segments' numbers, the preset's for the rest, and the provenance. */
export function fittedCohortOf(fit: CustomerFit, report: FitReport, options: FittedCohortOptions): CohortSpecInput {
  const segments = fit.segments.map((segment, index) => {
    const profiled = options.profiles?.segments[index];
    const segmentFit: SegmentFit = {
      segment: segment.id,
      customers: segment.customers,
      repeatCustomers: segment.repeatCustomers,
      bgnbd: segment.bgnbd && {
        ...segment.bgnbd.params,
        standardErrors: segment.bgnbd.standardErrors,
        logLikelihood: segment.bgnbd.logLikelihood,
        converged: segment.bgnbd.converged,
      },
      gammaGamma: segment.gammaGamma && {
        ...segment.gammaGamma.params,
        standardErrors: segment.gammaGamma.standardErrors,
        logLikelihood: segment.gammaGamma.logLikelihood,
        converged: segment.gammaGamma.converged,
        frequencyValueCorrelation: finiteOrNull(segment.gammaGamma.independenceCheck.correlation),
      },
      warnings: [...new Set([...segment.warnings, ...segment.orderValueWarnings].map((warning) => warning.code))],
    };
    const name = segmentNames[segment.id] ?? localized(segment.value ?? segment.id, segment.value ?? segment.id);
    return {
      id: segment.id,
      name,
      description: localized(`${segment.customers} customers in the data, ${segment.repeatCustomers} of them with a repeat purchase.`, `数据中 ${segment.customers} 位客户，其中 ${segment.repeatCustomers} 位有复购。`),
      customers: segment.customers,
      fit: segmentFit,
      rfm: segment.rfmShares,
      ...(profiled ? { attributes: profiled.attributes, numeric: profiled.numeric, tags: profiled.tags } : {}),
      ...(report.responses.length > 0 ? { response: measuredResponses(report.responses, segment.id) } : {}),
    };
  });
  const holdout = report.diagnostics?.holdout;
  return buildFittedCohort({
    id: options.id,
    name: options.name,
    description: localized(
      `Fitted on ${report.customers} customers' purchases from ${report.import.firstDate} to ${report.import.lastDate} (calibration to ${report.calibrationEnd}). Purchase and order-value numbers are measured; the rest comes from the “${options.preset.name.en}” preset.`,
      `基于 ${report.customers} 位客户 ${report.import.firstDate} 至 ${report.import.lastDate} 的购买数据拟合（校准期截至 ${report.calibrationEnd}）。购买与客单价参数为实测，其余参数取自“${options.preset.name['zh-CN']}”预设。`,
    ),
    preset: options.preset,
    segments,
    ...(options.profiles ? { extraAttributes: options.profiles.attributes, extraTags: options.profiles.tags } : {}),
    ...(report.timing ? { timing: report.timing } : {}),
    provenance: {
      kind: 'fitted',
      sources: options.sources,
      firstDate: report.import.firstDate ?? report.calibrationEnd,
      lastDate: report.import.lastDate ?? report.calibrationEnd,
      calibrationEnd: report.calibrationEnd,
      currency: report.import.currency,
      segmentBy: report.segmentBy,
      responses: report.responses,
      holdout: holdout ? { days: holdout.days, predicted: holdout.predictedTotal, actual: holdout.actualTotal, errorPercent: finiteOrNull(holdout.percentError) } : null,
    },
  });
}
