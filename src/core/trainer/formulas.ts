import { joinedMessages, localized, verbatim, type Lang, message, type Message } from '../i18n';
import { channelInfo, channels, type Channel } from '../journey/channels';
import { glossaryTerm, type GlossaryTermId } from '../glossary';
import { REPORT_VERSION, type ChannelReport, type SimulationReport } from '../sim/engine/report';

/**
 * A metric's formula with a run's numbers plugged in, in both languages: "Incremental ROI = (incremental
 * revenue − cost) ÷ cost = (¥12,345 − ¥2,000) ÷ ¥2,000 = 517 %", its plain meaning, and the glossary terms it rests on. The
 * numbers are the report's (means over replications); money is in the journey's currency.
 */

/**
 * The metrics explained, incremental ones first (what the journey adds over each user's twin, the
 * headline), then those measured while users are in the journey: 'attributedRoi' counts all revenue
 * while in the journey, 'revenuePerConverted' is what was called LTV.
 */
export const metricIds = [
  'incrementalConversions',
  'incrementalRevenue',
  'incrementalRoi',
  'costPerIncrementalConversion',
  'conversionRate',
  'attributedRoi',
  'cac',
  'arpu',
  'revenuePerConverted',
  'customerValue',
  'churn',
  'lift',
  'unsubscribes',
] as const;
export type MetricId = (typeof metricIds)[number];
/** The metric a "Why?" panel opens on: the journey's incremental ROI. */
export const DEFAULT_METRIC: MetricId = 'incrementalRoi';

export interface MetricFormula {
  metric: MetricId;
  name: Message;
  /** What the formula computes, as its left-hand side: "ROI", "Conversion rate". */
  symbol: Message;
  /** The formula in words. */
  formula: Message;
  /** The formula's right-hand side with this run's numbers, and the result; null without a report, or when the run cannot have it (no holdout). */
  withNumbers: Message | null;
  /** Why there are no numbers, when there are none. */
  unavailable: Message | null;
  meaning: Message;
  /** With several replications the dashboard's ratio is the mean of each replication's ratio: said here. */
  note: Message | null;
  terms: GlossaryTermId[];
}

const formats = new Map<string, Intl.NumberFormat>();
function format(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) formats.set(key, (found = new Intl.NumberFormat(lang, options)));
  return found;
}

/** Money in an ISO 4217 currency; an unknown code falls back to the number and the code. */
export function formatMoney(value: number, currency: string, lang: Lang): string {
  try {
    return format(lang, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${format(lang, { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}
const count = (value: number, lang: Lang) => format(lang, { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 }).format(value);
const percent = (value: number, lang: Lang) => format(lang, { style: 'percent', maximumFractionDigits: 2 }).format(value);
const points = (value: number, lang: Lang) => format(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value * 100);

const ratio = (top: number, bottom: number) => (bottom > 0 ? top / bottom : 0);
const both = (build: (lang: Lang) => string): Message => verbatim({ en: build('en'), 'zh-CN': build('zh-CN') });

/**
 * A metric explained; without a report (nothing recorded yet) everything but the numbers. The symbol,
 * formula and meaning never depend on the run.
 */
export function metricFormula(metric: MetricId, run: SimulationReport | null, currency: string): MetricFormula {
  const explained = explain(metric, run ?? emptyReport, currency);
  return run ? explained : { ...explained, withNumbers: null, unavailable: null, note: null };
}

function explain(metric: MetricId, report: SimulationReport, currency: string): MetricFormula {
  const money = (value: number, lang: Lang) => formatMoney(value, currency, lang);
  const cost = report.cost.total;
  const several = report.replications > 1;
  const meanNote = (value: string): Message | null =>
    several
      ? message('core.trainer.formulas.figuresAreMeansOverReplications', { replications: report.replications, value })
      : null;
  const base = { metric, unavailable: null, note: null };

  const { incremental, baseline } = report;

  switch (metric) {
    case 'incrementalConversions': {
      // The users' conversions are their twins' plus the increment (means over replications).
      const treated = baseline.converted + incremental.conversions.value;
      return {
        ...base,
        name: message('core.trainer.formulas.incrementalConversions'),
        symbol: message('core.trainer.formulas.incrementalConversions'),
        formula: message('core.trainer.formulas.incrementalConversionsFormula'),
        withNumbers: both((lang) => `${count(treated, lang)} − ${count(baseline.converted, lang)} = ${count(incremental.conversions.value, lang)}`),
        meaning: message('core.trainer.formulas.incrementalConversionsMeaning'),
        terms: ['incremental', 'twin', 'conversion'],
      };
    }
    case 'incrementalRevenue': {
      const treated = baseline.revenue + incremental.revenue.value;
      return {
        ...base,
        name: message('core.trainer.formulas.incrementalRevenue'),
        symbol: message('core.trainer.formulas.incrementalRevenue'),
        formula: message('core.trainer.formulas.incrementalRevenueFormula'),
        withNumbers: both((lang) => `${money(treated, lang)} − ${money(baseline.revenue, lang)} = ${money(incremental.revenue.value, lang)}`),
        meaning: message('core.trainer.formulas.incrementalRevenueMeaning'),
        terms: ['incremental', 'twin', 'attributedRevenue'],
      };
    }
    case 'incrementalRoi': {
      const spent = incremental.cost.value;
      return {
        ...base,
        name: message('core.trainer.formulas.incrementalRoi'),
        symbol: message('core.trainer.formulas.incrementalRoi'),
        formula: message('core.trainer.formulas.incrementalRoiFormula'),
        withNumbers: both(
          (lang) => `(${money(incremental.revenue.value, lang)} − ${money(spent, lang)}) ÷ ${money(spent, lang)} = ${percent(ratio(incremental.revenue.value - spent, spent), lang)}`,
        ),
        meaning: message('core.trainer.formulas.incrementalRoiMeaning'),
        note: meanNote(percent(incremental.roi.value, 'en')),
        terms: ['incremental', 'roi', 'twin'],
      };
    }
    case 'costPerIncrementalConversion': {
      // None when the journey adds no conversions: a cost per nothing.
      const perConversion = incremental.costPerConversion;
      return {
        ...base,
        name: message('core.trainer.formulas.costPerIncrementalConversion'),
        symbol: message('core.trainer.formulas.costPerIncrementalConversion'),
        formula: message('core.trainer.formulas.costPerIncrementalConversionFormula'),
        withNumbers: perConversion
          ? both((lang) => `${money(incremental.cost.value, lang)} ÷ ${count(incremental.conversions.value, lang)} = ${money(perConversion.value, lang)}`)
          : null,
        unavailable: perConversion ? null : message('core.trainer.formulas.noIncrementalConversions'),
        meaning: message('core.trainer.formulas.costPerIncrementalConversionMeaning'),
        note: perConversion ? meanNote(money(perConversion.value, 'en')) : null,
        terms: ['incremental', 'cac'],
      };
    }
    case 'conversionRate':
      return {
        ...base,
        name: message('core.trainer.formulas.conversionRate'),
        symbol: message('core.trainer.formulas.conversionRate'),
        formula: message('core.trainer.formulas.conversionRateUsersWhoReached'),
        withNumbers: both((lang) => `${count(report.converted, lang)} ÷ ${count(report.entered, lang)} = ${percent(ratio(report.converted, report.entered), lang)}`),
        meaning: message('core.trainer.formulas.ofEveryoneTheJourneyTook'),
        note: meanNote(percent(report.conversionRate.value, 'en')),
        terms: ['conversion'],
      };
    case 'attributedRoi':
      return {
        ...base,
        name: message('core.trainer.formulas.roi'),
        symbol: message('core.trainer.formulas.roi'),
        formula: message('core.trainer.formulas.roiRevenueCostCost'),
        withNumbers: both(
          (lang) => `(${money(report.attributedRevenue, lang)} − ${money(cost, lang)}) ÷ ${money(cost, lang)} = ${percent(ratio(report.attributedRevenue - cost, cost), lang)}`,
        ),
        meaning: message('core.trainer.formulas.whatEveryUnitSpentOn'),
        note: meanNote(percent(report.attributedRoi.value, 'en')),
        terms: ['roi', 'attributedRevenue', 'incremental'],
      };
    case 'cac':
      return {
        ...base,
        name: glossaryTerm('cac').name,
        symbol: message('core.trainer.formulas.cac'),
        formula: message('core.trainer.formulas.cacCostConvertedUsers'),
        withNumbers: both((lang) => `${money(cost, lang)} ÷ ${count(report.converted, lang)} = ${money(ratio(cost, report.converted), lang)}`),
        meaning: message('core.trainer.formulas.whatOneConvertedCustomerCost'),
        note: meanNote(money(report.cac.value, 'en')),
        terms: ['cac', 'customerValue'],
      };
    case 'arpu':
      return {
        ...base,
        name: glossaryTerm('arpu').name,
        symbol: message('core.trainer.formulas.arpu'),
        formula: message('core.trainer.formulas.arpuRevenueUsersWhoEntered'),
        withNumbers: both((lang) => `${money(report.attributedRevenue, lang)} ÷ ${count(report.entered, lang)} = ${money(ratio(report.attributedRevenue, report.entered), lang)}`),
        meaning: message('core.trainer.formulas.theRevenueTheJourneyBrought'),
        note: meanNote(money(report.arpu.value, 'en')),
        terms: ['arpu', 'attributedRevenue'],
      };
    case 'revenuePerConverted': {
      // The report keeps it per converted user; their total spend is that times the converted users.
      const spend = report.revenuePerConverted.value * report.converted;
      return {
        ...base,
        name: glossaryTerm('ltv').name,
        symbol: message('core.trainer.formulas.ltv'),
        formula: message('core.trainer.formulas.ltvSpendOfConvertedUsers'),
        withNumbers: both((lang) => `${money(spend, lang)} ÷ ${count(report.converted, lang)} = ${money(report.revenuePerConverted.value, lang)}`),
        meaning: message('core.trainer.formulas.whatAConvertedCustomerGoes'),
        terms: ['ltv', 'customerValue', 'cac'],
      };
    }
    case 'customerValue':
      return {
        ...base,
        name: glossaryTerm('customerValue').name,
        symbol: message('core.trainer.formulas.customerValue'),
        formula: message('core.trainer.formulas.customerValueFormula'),
        withNumbers: message('core.trainer.formulas.customerValueNumbers', { value: both((lang) => money(report.customerValue.value, lang)) }),
        meaning: message('core.trainer.formulas.customerValueMeaning'),
        note: meanNote(money(report.customerValue.value, 'en')),
        terms: ['customerValue', 'bgnbd', 'ltv'],
      };
    case 'churn':
      return {
        ...base,
        name: glossaryTerm('churn').name,
        symbol: message('core.trainer.formulas.churnRate'),
        formula: message('core.trainer.formulas.churnRateUsersWhoDropped'),
        withNumbers: both((lang) => `${count(report.churned, lang)} ÷ ${count(report.users, lang)} = ${percent(ratio(report.churned, report.users), lang)}`),
        meaning: message('core.trainer.formulas.customersWhoStoppedBuyingFor'),
        note: message('core.trainer.formulas.ofThemHadEnteredThe', { churnedEntered: localized(count(report.churnedEntered, 'en'), count(report.churnedEntered, 'zh-CN')), horizonDays: report.horizonDays }),
        terms: ['churn', 'bgnbd', 'winBack'],
      };
    case 'lift': {
      const lift = report.lift;
      return {
        ...base,
        name: glossaryTerm('lift').name,
        symbol: message('core.trainer.formulas.lift'),
        formula: message('core.trainer.formulas.liftTreatedConversionRateHoldout'),
        withNumbers: lift
          ? both((lang) => `${percent(lift.treatedRate, lang)} − ${percent(lift.holdoutRate, lang)} = ${points(lift.treatedRate - lift.holdoutRate, lang)} ${localized('points', '个百分点')[lang]}`)
          : null,
        unavailable: lift ? null : message('core.trainer.formulas.thisJourneyHasNoHoldout'),
        meaning: message('core.trainer.formulas.howMuchMoreOftenThe'),
        note: lift && several ? meanNote(`${points(lift.difference.value, 'en')} points`) : null,
        terms: ['lift', 'holdout', 'abSplit'],
      };
    }
    case 'unsubscribes': {
      const byChannel = channels.filter((channel) => report.unsubscribes[channel] > 0);
      const total = channels.reduce((sum, channel) => sum + report.unsubscribes[channel], 0);
      return {
        ...base,
        name: glossaryTerm('unsubscribes').name,
        symbol: message('core.trainer.formulas.unsubscribes'),
        formula: message('core.trainer.formulas.unsubscribesUnsubscribesSummedOverEvery'),
        withNumbers:
          byChannel.length === 0
            ? verbatim('0')
            : message('core.trainer.formulas.unsubscribesSum', {
                parts: joinedMessages(
                  byChannel.map((channel) => message('core.trainer.formulas.channelCount', { channel: channelInfo[channel].name, n: both((lang) => count(report.unsubscribes[channel], lang)) })),
                  'plus',
                ),
                total: both((lang) => count(total, lang)),
              }),
        meaning: message('core.trainer.formulas.usersWhoOptedOutOf'),
        terms: ['unsubscribes', 'frequencyCap'],
      };
    }
  }
}

const noEstimate = { value: 0, interval: null };
const noIncrement = { users: 0, conversions: noEstimate, purchases: noEstimate, revenue: noEstimate, cost: noEstimate, roi: noEstimate, costPerConversion: noEstimate };
const noChannels = Object.fromEntries(channels.map((channel) => [channel, 0])) as Record<Channel, number>;
/** Stands in for a run before anything is recorded; only words are read from its explanation. */
const emptyReport: SimulationReport = {
  format: 'journey-lab-report',
  version: REPORT_VERSION,
  journey: { id: '', name: '' },
  cohort: { id: '' },
  engine: 'fast',
  seed: 0,
  users: 0,
  replications: 1,
  horizonDays: 0,
  entered: 0,
  entries: 0,
  converted: 0,
  conversionRate: noEstimate,
  incremental: { ...noIncrement, byDay: { conversions: [], revenue: [] } },
  baseline: { converted: 0, purchases: 0, revenue: 0 },
  purchases: 0,
  journeyPurchases: 0,
  attributedRevenue: 0,
  revenueAllUsers: 0,
  cost: { touches: 0, offers: 0, total: 0, byChannel: noChannels },
  offers: { granted: 0, redeemed: 0 },
  attributedRoi: noEstimate,
  cac: noEstimate,
  arpu: noEstimate,
  revenuePerConverted: noEstimate,
  customerValue: noEstimate,
  churned: 0,
  churnedEntered: 0,
  reactivated: 0,
  unsubscribes: noChannels,
  quietHours: { deferred: 0, dropped: 0 },
  deadEnds: 0,
  nodes: [],
  goals: [],
  stagesByDay: { awareness: [], exploration: [], decision: [], usage: [], loyalty: [] },
  stageFunnel: { awareness: 0, exploration: 0, decision: 0, usage: 0, loyalty: 0 },
  conversionsByDay: [],
  revenueByDay: [],
  channels: Object.fromEntries(
    channels.map((channel): [Channel, ChannelReport] => [channel, { sent: 0, suppressed: 0, unreachable: 0, optedOut: 0, opens: 0, clicks: 0, unsubscribes: 0, cost: 0, sentByDay: [], suppressedByDay: [], sentByHour: [] }]),
  ) as Record<Channel, ChannelReport>,
  operations: { peakDay: 0, peakSends: 0, suppressed: 0 },
  segments: [],
  arms: [],
  lift: null,
  controlGroup: null,
};
