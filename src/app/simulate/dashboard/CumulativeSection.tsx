// Cumulative incremental conversions and revenue over the simulated days (what the journey adds over
// the users' twins), revenue on a second y axis in the journey's currency, with all conversions and the
// attributed revenue beside them (dashed), and the day-by-day figures with their running totals in the
// data table.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { Language } from '../../i18n/index.ts';
import type { SimulationReport } from '../../../core/sim/engine';
import { formatCount, formatMoney } from '../format';
import { ChartWithData, baseOption, readableAxisLabel, scrollLegend } from './sections';
import { useLang } from '../../i18n/useLang';

export interface CumulativeDay {
  day: number;
  incrementalConversions: number;
  incrementalRevenue: number;
  totalIncrementalConversions: number;
  totalIncrementalRevenue: number;
  conversions: number;
  /** Attributed revenue that day (everything bought while in the journey). */
  revenue: number;
  totalConversions: number;
  totalRevenue: number;
}

/** Each simulated day's incremental and all conversions and revenue (yuan), with their running totals up to that day's end. */
export function cumulativeByDay(report: SimulationReport): CumulativeDay[] {
  let totalIncrementalConversions = 0;
  let totalIncrementalRevenue = 0;
  let totalConversions = 0;
  let totalRevenue = 0;
  return report.conversionsByDay.map((conversions, day) => {
    const revenue = report.revenueByDay[day] ?? 0;
    const incrementalConversions = report.incremental.byDay.conversions[day] ?? 0;
    const incrementalRevenue = report.incremental.byDay.revenue[day] ?? 0;
    totalIncrementalConversions += incrementalConversions;
    totalIncrementalRevenue += incrementalRevenue;
    totalConversions += conversions;
    totalRevenue += revenue;
    return { day, incrementalConversions, incrementalRevenue, totalIncrementalConversions, totalIncrementalRevenue, conversions, revenue, totalConversions, totalRevenue };
  });
}

/** Money on an axis: short (CN¥12K), in the journey's currency. */
function compactMoney(value: number, currency: string, lang: Language): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(value);
  } catch {
    return `${new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value)} ${currency}`;
  }
}

export function CumulativeSection({ report, currency }: { report: SimulationReport; currency: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const days = useMemo(() => cumulativeByDay(report), [report]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      ...baseOption,
      legend: scrollLegend,
      grid: { left: 24, right: 24, top: 48, bottom: 28, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, name: t('dashboard.stages.day'), nameLocation: 'middle', nameGap: 24, axisLabel: readableAxisLabel, data: days.map((day) => String(day.day)) },
      yAxis: [
        // Axis names aligned inwards, so they are not cut at the chart's edges.
        { type: 'value', name: t('dashboard.cumulative.conversionsAxis'), nameTextStyle: { align: 'left' }, minInterval: 1, axisLabel: { formatter: (value: number) => formatCount(value, lang) } },
        {
          type: 'value',
          name: t('dashboard.cumulative.revenueAxis', { currency }),
          nameTextStyle: { align: 'right' },
          splitLine: { show: false },
          axisLabel: { formatter: (value: number) => compactMoney(value, currency, lang) },
        },
      ],
      series: [
        {
          type: 'line',
          name: t('dashboard.cumulative.incrementalConversions'),
          yAxisIndex: 0,
          symbol: 'none',
          data: days.map((day) => day.totalIncrementalConversions),
          tooltip: { valueFormatter: (value: number) => formatCount(value, lang) },
        },
        {
          type: 'line',
          name: t('dashboard.cumulative.incrementalRevenue'),
          yAxisIndex: 1,
          symbol: 'none',
          data: days.map((day) => day.totalIncrementalRevenue),
          tooltip: { valueFormatter: (value: number) => formatMoney(value, currency, lang) },
        },
        {
          type: 'line',
          name: t('dashboard.cumulative.conversions'),
          yAxisIndex: 0,
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: days.map((day) => day.totalConversions),
          tooltip: { valueFormatter: (value: number) => formatCount(value, lang) },
        },
        {
          type: 'line',
          name: t('dashboard.cumulative.revenue'),
          yAxisIndex: 1,
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: days.map((day) => day.totalRevenue),
          tooltip: { valueFormatter: (value: number) => formatMoney(value, currency, lang) },
        },
      ],
    }),
    [days, currency, lang, t],
  );
  return (
    <ChartWithData
      title={t('dashboard.cumulative.title')}
      option={option}
      table={
        <table className="dashboard-table">
          <caption>{t('dashboard.cumulative.caption', { currency })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.stages.day')}</th>
              <th scope="col">{t('dashboard.cumulative.incrementalDaily')}</th>
              <th scope="col">{t('dashboard.cumulative.incrementalConversions')}</th>
              <th scope="col">{t('dashboard.cumulative.incrementalDailyRevenue')}</th>
              <th scope="col">{t('dashboard.cumulative.incrementalRevenue')}</th>
              <th scope="col">{t('dashboard.cumulative.daily')}</th>
              <th scope="col">{t('dashboard.cumulative.conversions')}</th>
              <th scope="col">{t('dashboard.cumulative.dailyRevenue')}</th>
              <th scope="col">{t('dashboard.cumulative.revenue')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>{formatCount(day.incrementalConversions, lang)}</td>
                <td>{formatCount(day.totalIncrementalConversions, lang)}</td>
                <td>{formatMoney(day.incrementalRevenue, currency, lang)}</td>
                <td>{formatMoney(day.totalIncrementalRevenue, currency, lang)}</td>
                <td>{formatCount(day.conversions, lang)}</td>
                <td>{formatCount(day.totalConversions, lang)}</td>
                <td>{formatMoney(day.revenue, currency, lang)}</td>
                <td>{formatMoney(day.totalRevenue, currency, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <p className="dashboard-chart__note">{t('dashboard.attributedNote')}</p>
    </ChartWithData>
  );
}
