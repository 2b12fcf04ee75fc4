// The headline figures of a report, as the dashboard's cards show them and as scenarios compare them:
// a label, the value, its interval (where the report has one) and the formula in one line.
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n/index.ts';
import type { Estimate, SimulationReport } from '../../../core/sim/engine';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../format';

export interface Kpi {
  key: string;
  label: string;
  value: string;
  detail?: string | null;
  formula: string;
}

export function kpisOf(report: SimulationReport, { t, currency, lang }: { t: TFunction; currency: string; lang: Language }): Kpi[] {
  const money = (value: number) => formatMoney(value, currency, lang);
  const percent = (value: number) => formatPercent(value, lang);
  const count = (value: number) => formatCount(value, lang);
  const points = (value: number) => t('simulate.points', { value: formatPoints(value, lang) });
  const interval = (estimate: Estimate, format: (value: number) => string) =>
    estimate.interval ? t('simulate.interval', { low: format(estimate.interval.low), high: format(estimate.interval.high) }) : null;

  const kpis: Kpi[] = [
    {
      key: 'conversions',
      label: t('dashboard.kpi.conversions'),
      value: t('dashboard.kpi.conversionsValue', { count: count(report.converted), rate: percent(report.conversionRate.value) }),
      detail: interval(report.conversionRate, percent),
      formula: t('dashboard.formula.conversions'),
    },
    { key: 'revenue', label: t('dashboard.kpi.revenue'), value: money(report.revenue), formula: t('dashboard.formula.revenue') },
    { key: 'cost', label: t('dashboard.kpi.cost'), value: money(report.cost.total), formula: t('dashboard.formula.cost') },
    { key: 'roi', label: t('dashboard.kpi.roi'), value: percent(report.roi.value), detail: interval(report.roi, percent), formula: t('dashboard.formula.roi') },
    { key: 'cac', label: t('dashboard.kpi.cac'), value: money(report.cac.value), detail: interval(report.cac, money), formula: t('dashboard.formula.cac') },
    { key: 'arpu', label: t('dashboard.kpi.arpu'), value: money(report.arpu.value), detail: interval(report.arpu, money), formula: t('dashboard.formula.arpu') },
    { key: 'ltv', label: t('dashboard.kpi.ltv'), value: money(report.ltv.value), detail: interval(report.ltv, money), formula: t('dashboard.formula.ltv') },
    {
      key: 'unsubscribes',
      label: t('dashboard.kpi.unsubscribes'),
      value: count(Object.values(report.unsubscribes).reduce((sum, value) => sum + value, 0)),
      formula: t('dashboard.formula.unsubscribes'),
    },
    { key: 'churn', label: t('dashboard.kpi.churn'), value: count(report.churned), detail: t('dashboard.kpi.churnDetail', { count: count(report.churnedEntered) }), formula: t('dashboard.formula.churn') },
  ];
  if (report.lift) {
    kpis.push(
      {
        key: 'lift',
        label: t('dashboard.kpi.lift'),
        value: points(report.lift.difference.value),
        detail: [t('simulate.metric.liftDetail', { treated: percent(report.lift.treatedRate), holdout: percent(report.lift.holdoutRate) }), interval(report.lift.difference, points)]
          .filter(Boolean)
          .join('; '),
        formula: t('dashboard.formula.lift'),
      },
      {
        key: 'incrementalRevenue',
        label: t('dashboard.kpi.incrementalRevenue'),
        value: money(report.lift.incrementalRevenue.value),
        detail: interval(report.lift.incrementalRevenue, money),
        formula: t('dashboard.formula.incrementalRevenue'),
      },
      {
        key: 'incrementalRoi',
        label: t('dashboard.kpi.incrementalRoi'),
        value: percent(report.lift.incrementalRoi.value),
        detail: interval(report.lift.incrementalRoi, percent),
        formula: t('dashboard.formula.incrementalRoi'),
      },
    );
  }
  return kpis;
}
