import { channelCost, channels, type Channel } from '../../journey/channels';
import { parseDuration } from '../../journey/duration';
import type { JourneyDocument, JourneyNode } from '../../journey/schema';
import { defaultRegistry } from '../../journey/registry';
import { checkCohort, type LocalizedText } from '../../cohort/schema';
import { isStaleReport, type DifferenceInterval } from './verdicts';
import { newcombe, type Estimate, type Interval, type SimulationReport } from '../engine/report';
import { expectedOrderValue } from '../math/orderValue';
import { hashString } from '../math/random';
import { canonicalJson } from '../../format/canonicalJson';

/**
 * Comparing saved scenarios (pure, deterministic). A scenario is a finished run kept with everything it
 * assumed: the journey exactly as simulated (channel costs, currency, offers, horizon, caps), the cohort
 * spec (its order values) and the run settings. The first scenario is the baseline: every KPI of the
 * others gets its difference from it, and the conversion rate a 95 % interval for that difference —
 * Newcombe's hybrid score interval when both runs have one replication (from the users who entered),
 * otherwise the normal approximation √(h₁² + h₂²) from the two runs' interval half-widths, as verdicts.ts
 * does for split arms. Money is compared only between scenarios in the same currency.
 *
 * The rows lead with what the journey adds over each user's twin (incremental conversions, revenue,
 * cost, incremental ROI, cost per incremental conversion), then the figures measured while users are in
 * the journey (attributed revenue and ROI among them). A scenario kept from an older report format
 * (isStaleReport) has no figure in any row and is listed in `stale`: the app marks it "run again to
 * compare"; its assumptions are still compared.
 */

export interface ScenarioInput {
  journey: JourneyDocument;
  /** The cohort spec as sent to the run. */
  cohort: unknown;
  settings: { users: number; seed: number; replications: number; presetId: string };
  report: SimulationReport;
}

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 3;

export type ScenarioKpiKey =
  | 'incrementalConversions'
  | 'incrementalRevenue'
  | 'cost'
  | 'incrementalRoi'
  | 'costPerIncrementalConversion'
  | 'conversionRate'
  | 'attributedRevenue'
  | 'attributedRoi'
  | 'cac'
  | 'arpu'
  | 'revenuePerConverted'
  | 'customerValue'
  | 'unsubscribes'
  | 'churn'
  | 'lift';
/**
 * rate: a proportion (0–1), shown as a percentage; percent: a ratio that can pass 100 % or go below 0
 * (ROI: 0.25 = 25 %), shown as a percentage, its difference in percentage points; money: in the
 * scenario's currency; count: users or events; points: a difference of proportions.
 */
export type ScenarioKpiUnit = 'rate' | 'percent' | 'money' | 'count' | 'points';

export interface ScenarioKpi {
  value: number;
  interval: Interval | null;
  /** This scenario's value − the first's: null for the first, where either lacks the figure, or for money in another currency. */
  difference: number | null;
}

export interface RateComparison {
  /** Whether the two runs' 95 % intervals overlap; null when either has none. */
  overlap: boolean | null;
  /** 95 % interval of the difference from the first scenario. */
  interval: DifferenceInterval | null;
}

export interface ScenarioKpiRow {
  key: ScenarioKpiKey;
  unit: ScenarioKpiUnit;
  /** One per scenario; null where the scenario has no such figure (lift without a holdout). */
  cells: (ScenarioKpi | null)[];
  /** For the conversion rate only: each scenario against the first (null for the first). */
  comparisons?: (RateComparison | null)[];
}

export type AssumptionValue =
  | { type: 'text'; text: string }
  | { type: 'name'; text: LocalizedText }
  | { type: 'count'; value: number }
  | { type: 'money'; value: number; currency: string }
  | { type: 'duration'; ms: number }
  | { type: 'frequencyCap'; touches: number; windowMs: number }
  | { type: 'quietHours'; start: string; end: string }
  | { type: 'offer'; offer: string; value: number; minSpend: number; currency: string }
  | { type: 'none' };

export type AssumptionKey =
  | 'journey'
  | 'journeyVersion'
  | 'horizon'
  | 'frequencyCap'
  | 'quietHours'
  | 'currency'
  | 'channelCost'
  | 'offer'
  | 'cohort'
  | 'cohortVersion'
  | 'meanOrderValue'
  | 'users'
  | 'seed'
  | 'replications';

export interface AssumptionRow {
  key: AssumptionKey;
  /** The channel (channelCost) or offer node id (offer) the row is about. */
  subject?: string;
  /** The offer node's label, from the first scenario whose journey has it. */
  subjectLabel?: string;
  values: AssumptionValue[];
  /** Not every scenario assumed the same. */
  differs: boolean;
}

export interface ScenarioComparison {
  kpis: ScenarioKpiRow[];
  /** One per scenario: its report is of an older format (no figures; run again to compare). */
  stale: boolean[];
  assumptions: AssumptionRow[];
}

// ---------------------------------------------------------------------------------------------------
// Versions


const hex = (text: string) => hashString(text).toString(16).padStart(8, '0');

/**
 * A short fingerprint of what a journey simulates (settings, nodes, edges; not where nodes sit on the
 * canvas): equal fingerprints mean the same journey version, whatever it was called or when saved.
 */
export function journeyFingerprint(journey: JourneyDocument): string {
  const nodes = journey.nodes.map(({ id, kind, stage, label, params }) => ({ id, kind, stage, label, params }));
  return hex(canonicalJson({ settings: journey.settings, nodes, edges: journey.edges }));
}

/** A short fingerprint of a cohort spec (an edited saved cohort keeps its name but not its fingerprint). */
export const cohortFingerprint = (cohort: unknown): string => hex(canonicalJson(cohort));

/**
 * The cohort's mean order value in yuan: each segment's gamma-gamma mean p·γ/(q − 1) weighted by its
 * share of users. Null when the spec does not check.
 */
export function meanOrderValue(cohort: unknown): number | null {
  const spec = checkCohort(cohort).spec;
  if (!spec) return null;
  const total = spec.segments.reduce((sum, segment) => sum + segment.share, 0);
  if (!(total > 0)) return null;
  return spec.segments.reduce((sum, segment) => sum + (segment.share / total) * expectedOrderValue(segment.behaviour.orderValue), 0);
}

// ---------------------------------------------------------------------------------------------------
// KPIs

const estimate = (value: number): Estimate => ({ value, interval: null });
const sum = (values: Record<string, number>) => Object.values(values).reduce((total, value) => total + value, 0);

/** The rows in order: incremental figures first (the headline), then those measured while in the journey. */
const kpiReaders: { key: ScenarioKpiKey; unit: ScenarioKpiUnit; read(report: SimulationReport): Estimate | null }[] = [
  { key: 'incrementalConversions', unit: 'count', read: (report) => report.incremental.conversions },
  { key: 'incrementalRevenue', unit: 'money', read: (report) => report.incremental.revenue },
  { key: 'cost', unit: 'money', read: (report) => estimate(report.cost.total) },
  { key: 'incrementalRoi', unit: 'percent', read: (report) => report.incremental.roi },
  { key: 'costPerIncrementalConversion', unit: 'money', read: (report) => report.incremental.costPerConversion },
  { key: 'conversionRate', unit: 'rate', read: (report) => report.conversionRate },
  { key: 'attributedRevenue', unit: 'money', read: (report) => estimate(report.attributedRevenue) },
  { key: 'attributedRoi', unit: 'percent', read: (report) => report.attributedRoi },
  { key: 'cac', unit: 'money', read: (report) => report.cac },
  { key: 'arpu', unit: 'money', read: (report) => report.arpu },
  { key: 'revenuePerConverted', unit: 'money', read: (report) => report.revenuePerConverted },
  { key: 'customerValue', unit: 'money', read: (report) => report.customerValue },
  { key: 'unsubscribes', unit: 'count', read: (report) => estimate(sum(report.unsubscribes)) },
  { key: 'churn', unit: 'count', read: (report) => estimate(report.churned) },
  { key: 'lift', unit: 'points', read: (report) => report.lift?.difference ?? null },
];

const halfWidth = (interval: Interval | null) => (interval ? (interval.high - interval.low) / 2 : null);

/** The 95 % interval of (scenario − first) conversion rate. */
export function conversionDifference(scenario: SimulationReport, first: SimulationReport): DifferenceInterval | null {
  if (scenario.replications === 1 && first.replications === 1) {
    const interval = newcombe(scenario.converted, scenario.entered, first.converted, first.entered);
    return interval && { low: interval.low, high: interval.high, method: 'newcombe' };
  }
  const a = halfWidth(scenario.conversionRate.interval);
  const b = halfWidth(first.conversionRate.interval);
  if (a === null || b === null) return null;
  const difference = scenario.conversionRate.value - first.conversionRate.value;
  const half = Math.sqrt(a * a + b * b);
  return { low: difference - half, high: difference + half, method: 'combined' };
}

/** The order of the KPI rows. */
export const scenarioKpiKeys: readonly ScenarioKpiKey[] = kpiReaders.map((reader) => reader.key);

function kpiRows(scenarios: readonly ScenarioInput[]): ScenarioKpiRow[] {
  const [first] = scenarios as [ScenarioInput];
  const sameCurrency = (scenario: ScenarioInput) => scenario.journey.settings.currency === first.journey.settings.currency;
  const firstStale = isStaleReport(first.report);
  return kpiReaders.map(({ key, unit, read: readCurrent }) => {
    // A stale report lacks the figures (or has them under other names): no cell, never a crash.
    const read = (report: SimulationReport) => (isStaleReport(report) ? null : readCurrent(report));
    const base = read(first.report);
    const cells = scenarios.map((scenario, index): ScenarioKpi | null => {
      const own = read(scenario.report);
      if (!own) return null;
      const comparable = index > 0 && base !== null && (unit !== 'money' || sameCurrency(scenario));
      return { value: own.value, interval: own.interval, difference: comparable ? own.value - base.value : null };
    });
    if (key !== 'conversionRate') return { key, unit, cells };
    const comparisons = scenarios.map((scenario, index): RateComparison | null => {
      if (index === 0 || firstStale || isStaleReport(scenario.report)) return null;
      const a = scenario.report.conversionRate.interval;
      const b = first.report.conversionRate.interval;
      return { overlap: a && b ? a.low <= b.high && b.low <= a.high : null, interval: conversionDifference(scenario.report, first.report) };
    });
    return { key, unit, cells, comparisons };
  });
}

// ---------------------------------------------------------------------------------------------------
// Assumptions

const none: AssumptionValue = { type: 'none' };

function channelsOf(journey: JourneyDocument): Channel[] {
  const used = new Set<string>(Object.keys(journey.settings.channelCosts));
  for (const node of journey.nodes) if (typeof node.params.channel === 'string') used.add(node.params.channel);
  return channels.filter((channel) => used.has(channel));
}

/** Kinds that give the user an offer say what (NodeKindDefinition.grants). */
const grantsOffer = (node: JourneyNode) => defaultRegistry.get(node.kind)?.grants !== undefined;

function offerValue(journey: JourneyDocument, nodeId: string): AssumptionValue {
  const node = journey.nodes.find((candidate) => candidate.id === nodeId && grantsOffer(candidate));
  if (!node) return none;
  const { offer, value, minSpend } = defaultRegistry.get(node.kind)!.grants!(node.params);
  return {
    type: 'offer',
    offer: typeof offer === 'string' ? offer : 'coupon',
    value: typeof value === 'number' ? value : 0,
    minSpend: typeof minSpend === 'number' ? minSpend : 0,
    currency: journey.settings.currency,
  };
}

function assumptionRows(scenarios: readonly ScenarioInput[]): AssumptionRow[] {
  const rows: AssumptionRow[] = [];
  const add = (key: AssumptionKey, value: (scenario: ScenarioInput) => AssumptionValue, subject?: Pick<AssumptionRow, 'subject' | 'subjectLabel'>) => {
    const values = scenarios.map(value);
    const first = canonicalJson(values[0]);
    rows.push({ key, ...subject, values, differs: values.some((item) => canonicalJson(item) !== first) });
  };
  const settings = (scenario: ScenarioInput) => scenario.journey.settings;

  add('journey', ({ journey }) => ({ type: 'text', text: journey.name }));
  add('journeyVersion', ({ journey }) => ({ type: 'text', text: journeyFingerprint(journey) }));
  add('horizon', (scenario) => ({ type: 'duration', ms: parseDuration(settings(scenario).horizon) ?? 0 }));
  add('frequencyCap', (scenario) => {
    const cap = settings(scenario).frequencyCap;
    return cap ? { type: 'frequencyCap', touches: cap.touches, windowMs: parseDuration(cap.window) ?? 0 } : none;
  });
  add('quietHours', (scenario) => {
    const quiet = settings(scenario).quietHours;
    return quiet ? { type: 'quietHours', start: quiet.start, end: quiet.end } : none;
  });
  add('currency', (scenario) => ({ type: 'text', text: settings(scenario).currency }));
  const used = new Set(scenarios.flatMap(({ journey }) => channelsOf(journey)));
  for (const channel of channels.filter((candidate) => used.has(candidate))) {
    add('channelCost', (scenario) => ({ type: 'money', value: channelCost(channel, settings(scenario).channelCosts), currency: settings(scenario).currency }), { subject: channel });
  }
  const offers = new Map<string, string>();
  for (const { journey } of scenarios) for (const node of journey.nodes) if (grantsOffer(node) && !offers.has(node.id)) offers.set(node.id, node.label || node.id);
  for (const [nodeId, label] of offers) add('offer', ({ journey }) => offerValue(journey, nodeId), { subject: nodeId, subjectLabel: label });
  add('cohort', ({ cohort, report }) => {
    const name = checkCohort(cohort).spec?.name;
    // A report of any format names its cohort; one read back damaged may not.
    return name ? { type: 'name', text: name } : { type: 'text', text: (report as Partial<SimulationReport>).cohort?.id ?? '' };
  });
  add('cohortVersion', ({ cohort }) => ({ type: 'text', text: cohortFingerprint(cohort) }));
  add('meanOrderValue', ({ cohort }) => {
    const mean = meanOrderValue(cohort);
    // Order values are modelled in yuan whatever the journey's currency.
    return mean === null || !Number.isFinite(mean) ? none : { type: 'money', value: mean, currency: 'CNY' };
  });
  add('users', (scenario) => ({ type: 'count', value: scenario.settings.users }));
  add('seed', (scenario) => ({ type: 'count', value: scenario.settings.seed }));
  add('replications', (scenario) => ({ type: 'count', value: scenario.settings.replications }));
  return rows;
}

/** Compares 2–3 scenarios, the first being the baseline. Throws a RangeError for another number. */
export function compareScenarios(scenarios: readonly ScenarioInput[]): ScenarioComparison {
  if (scenarios.length < MIN_COMPARED || scenarios.length > MAX_COMPARED) {
    throw new RangeError(`compareScenarios: ${scenarios.length} scenarios given; compare ${MIN_COMPARED} to ${MAX_COMPARED}`);
  }
  return { kpis: kpiRows(scenarios), stale: scenarios.map((scenario) => isStaleReport(scenario.report)), assumptions: assumptionRows(scenarios) };
}
