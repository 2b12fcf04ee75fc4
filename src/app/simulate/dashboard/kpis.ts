// The headline figures of a report, as the dashboard's cards show them and as the printed report lists
// them: a label, the value, its interval (where the report has one) and the formula in one line. The
// incremental figures (what the journey adds over each user's twin) come first; the attributed ones
// (everything bought while in the journey) and the other figures follow, named so. A card writes amounts
// of a million and more short (CN¥24.6M) and keeps the exact amount for its hover text; the printed
// report's table has the exact amounts.
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n/index.ts';
import type { Estimate, HoldoutLift, SimulationReport } from '../../../core/sim/engine';
import { formatCount, formatCountShort, formatMoney, formatMoneyShort, formatPercent, formatPoints } from '../format';

export type KpiGroup = 'incremental' | 'attributed';

export interface Kpi {
  key: string;
  /** 'incremental': the first row (what the journey adds); 'attributed': the attributed and other figures after it. */
  group: KpiGroup;
  label: string;
  /** As a card shows it: amounts from a million up short (CN¥24.6M, ¥2460万). */
  value: string;
  detail?: string | null;
  /** The value in full (CN¥24,602,445.20): the card's hover text where it differs, and the printed table's. */
  exactValue: string;
  exactDetail: string | null;
  formula: string;
}

type KpiFigures = Omit<Kpi, 'exactValue' | 'exactDetail'>;

interface NumberWriters {
  money(value: number): string;
  count(value: number): string;
}

export interface KpiFormatting {
  t: TFunction;
  currency: string;
  lang: Language;
}

/** A 95 % interval in words, or null where the estimate has none. */
export function intervalText(estimate: Estimate, format: (value: number) => string, t: TFunction): string | null {
  return estimate.interval ? t('simulate.interval', { low: format(estimate.interval.low), high: format(estimate.interval.high) }) : null;
}

/** The holdout lift's line under its figure: the two rates, the interval, and the true effect beside it. */
export function liftDetail(lift: HoldoutLift, format: { percent: (value: number) => string; points: (value: number) => string }, t: TFunction): string {
  return [
    t('simulate.metric.liftDetail', { treated: format.percent(lift.treatedRate), holdout: format.percent(lift.holdoutRate) }),
    intervalText(lift.difference, format.points, t),
    t('dashboard.kpi.liftTrue', { value: format.points(lift.trueDifference) }),
  ]
    .filter(Boolean)
    .join('; ');
}

export function kpisOf(report: SimulationReport, { t, currency, lang }: KpiFormatting): Kpi[] {
  const exact = kpiFigures(report, t, lang, { money: (value) => formatMoney(value, currency, lang), count: (value) => formatCount(value, lang) });
  const short = kpiFigures(report, t, lang, { money: (value) => formatMoneyShort(value, currency, lang), count: (value) => formatCountShort(value, lang) });
  return short.map((kpi, index) => ({ ...kpi, exactValue: exact[index]!.value, exactDetail: exact[index]!.detail ?? null }));
}

function kpiFigures(report: SimulationReport, t: TFunction, lang: Language, { money, count }: NumberWriters): KpiFigures[] {
  const percent = (value: number) => formatPercent(value, lang);
  const points = (value: number) => t('simulate.points', { value: formatPoints(value, lang) });
  const interval = (estimate: Estimate, format: (value: number) => string) => intervalText(estimate, format, t);
  const incremental = report.incremental;

  const kpis: KpiFigures[] = [
    {
      key: 'incrementalConversions',
      group: 'incremental',
      label: t('dashboard.kpi.incrementalConversions'),
      value: count(incremental.conversions.value),
      detail: interval(incremental.conversions, count),
      formula: t('dashboard.formula.incrementalConversions'),
    },
    {
      key: 'incrementalRevenue',
      group: 'incremental',
      label: t('dashboard.kpi.incrementalRevenue'),
      value: money(incremental.revenue.value),
      detail: interval(incremental.revenue, money),
      formula: t('dashboard.formula.incrementalRevenue'),
    },
    {
      key: 'cost',
      group: 'incremental',
      label: t('dashboard.kpi.cost'),
      value: money(incremental.cost.value),
      detail: interval(incremental.cost, money),
      formula: t('dashboard.formula.cost'),
    },
    {
      key: 'incrementalRoi',
      group: 'incremental',
      label: t('dashboard.kpi.incrementalRoi'),
      value: percent(incremental.roi.value),
      detail: interval(incremental.roi, percent),
      formula: t('dashboard.formula.incrementalRoi'),
    },
    {
      key: 'costPerIncrementalConversion',
      group: 'incremental',
      label: t('dashboard.kpi.costPerIncrementalConversion'),
      value: incremental.costPerConversion ? money(incremental.costPerConversion.value) : t('dashboard.kpi.none'),
      detail: incremental.costPerConversion ? interval(incremental.costPerConversion, money) : t('dashboard.kpi.noIncrementalConversions'),
      formula: t('dashboard.formula.costPerIncrementalConversion'),
    },
    {
      key: 'convertedAnyway',
      group: 'incremental',
      label: t('dashboard.kpi.convertedAnyway'),
      value: count(report.baseline.converted),
      detail: t('dashboard.kpi.convertedAnywayDetail', { count: count(report.converted) }),
      formula: t('dashboard.formula.convertedAnyway'),
    },

    {
      key: 'conversions',
      group: 'attributed',
      label: t('dashboard.kpi.conversions'),
      value: t('dashboard.kpi.conversionsValue', { count: count(report.converted), rate: percent(report.conversionRate.value) }),
      detail: interval(report.conversionRate, percent),
      formula: t('dashboard.formula.conversions'),
    },
    { key: 'attributedRevenue', group: 'attributed', label: t('dashboard.kpi.attributedRevenue'), value: money(report.attributedRevenue), formula: t('dashboard.formula.attributedRevenue') },
    {
      key: 'attributedRoi',
      group: 'attributed',
      label: t('dashboard.kpi.attributedRoi'),
      value: percent(report.attributedRoi.value),
      detail: interval(report.attributedRoi, percent),
      formula: t('dashboard.formula.attributedRoi'),
    },
    { key: 'cac', group: 'attributed', label: t('dashboard.kpi.cac'), value: money(report.cac.value), detail: interval(report.cac, money), formula: t('dashboard.formula.cac') },
    { key: 'arpu', group: 'attributed', label: t('dashboard.kpi.arpu'), value: money(report.arpu.value), detail: interval(report.arpu, money), formula: t('dashboard.formula.arpu') },
    {
      key: 'revenuePerConverted',
      group: 'attributed',
      label: t('dashboard.kpi.revenuePerConverted'),
      value: money(report.revenuePerConverted.value),
      detail: interval(report.revenuePerConverted, money),
      formula: t('dashboard.formula.revenuePerConverted'),
    },
    {
      key: 'customerValue',
      group: 'attributed',
      label: t('dashboard.kpi.customerValue'),
      value: money(report.customerValue.value),
      detail: interval(report.customerValue, money),
      formula: t('dashboard.formula.customerValue'),
    },
    {
      key: 'unsubscribes',
      group: 'attributed',
      label: t('dashboard.kpi.unsubscribes'),
      value: count(Object.values(report.unsubscribes).reduce((sum, value) => sum + value, 0)),
      formula: t('dashboard.formula.unsubscribes'),
    },
    { key: 'churn', group: 'attributed', label: t('dashboard.kpi.churn'), value: count(report.churned), detail: t('dashboard.kpi.churnDetail', { count: count(report.churnedEntered), wonBack: count(report.reactivated) }), formula: t('dashboard.formula.churn') },
  ];
  if (report.lift) {
    kpis.push({
      key: 'lift',
      group: 'attributed',
      label: t('dashboard.kpi.lift'),
      value: points(report.lift.difference.value),
      detail: liftDetail(report.lift, { percent, points }, t),
      formula: t('dashboard.formula.lift'),
    });
  }
  return kpis;
}
