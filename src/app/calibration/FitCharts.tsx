// The checks of Fader, Hardie & Lee (2005), each a chart with its data table: repeat-purchase frequency
// actual vs model, cumulative repeat purchases per week (the tracking plot, calibration end marked),
// holdout purchases by calibration frequency, and how likely customers are still active.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { FitDiagnostics } from '../../core/calibration';
import { baseOption, ChartWithData, scrollLegend } from '../simulate/dashboard/sections';
import '../simulate/dashboard/dashboard.css';
import { useLang } from '../i18n/useLang';
import { fixed } from './format';

const binLabel = (frequency: number, orMore: boolean) => (orMore ? `${frequency}+` : String(frequency));

function bars(categories: string[], series: { name: string; data: number[] }[], xName: string, yName: string): EChartsCoreOption {
  return {
    ...baseOption,
    legend: scrollLegend,
    // Below the legend: the y-axis name stands above the plot, clear of the legend's line.
    grid: { left: 16, right: 16, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, name: xName, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: yName, nameTextStyle: { align: 'left' } },
    series: series.map((one) => ({ type: 'bar', ...one })),
  };
}

export function FitCharts({ diagnostics }: { diagnostics: FitDiagnostics }) {
  const { t } = useTranslation();
  const lang = useLang();
  const actual = t('calibration.charts.actual');
  const model = t('calibration.charts.model');
  const n = (value: number, digits = 0) => fixed(value, lang, digits);
  const options = useMemo(() => {
    const histogram = bars(
      diagnostics.histogram.map((bin) => binLabel(bin.frequency, bin.orMore)),
      [
        { name: actual, data: diagnostics.histogram.map((bin) => bin.actual) },
        { name: model, data: diagnostics.histogram.map((bin) => bin.expected) },
      ],
      t('calibration.charts.repeatPurchases'),
      t('calibration.charts.customers'),
    );
    const tracking: EChartsCoreOption = {
      ...baseOption,
      legend: scrollLegend,
      grid: { left: 16, right: 24, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: diagnostics.tracking.at(-1)?.week ?? 1, name: t('calibration.charts.week'), nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: t('calibration.charts.cumulative'), nameTextStyle: { align: 'left' } },
      series: [
        {
          type: 'line',
          name: actual,
          showSymbol: false,
          data: diagnostics.tracking.map((point) => [point.week, point.actual]),
          markLine: { symbol: 'none', silent: true, label: { formatter: t('calibration.charts.calibrationEnd'), position: 'insideEndBottom' }, data: [{ xAxis: diagnostics.calibrationEndWeek }] },
        },
        { type: 'line', name: model, showSymbol: false, lineStyle: { type: 'dashed' }, data: diagnostics.tracking.map((point) => [point.week, Number(point.expected.toFixed(1))]) },
      ],
    };
    const conditional = diagnostics.conditional
      ? bars(
          diagnostics.conditional.map((group) => binLabel(group.frequency, group.orMore)),
          [
            { name: actual, data: diagnostics.conditional.map((group) => (Number.isFinite(group.meanActual) ? group.meanActual : 0)) },
            { name: model, data: diagnostics.conditional.map((group) => (Number.isFinite(group.meanPredicted) ? group.meanPredicted : 0)) },
          ],
          t('calibration.charts.repeatPurchases'),
          t('calibration.charts.holdoutPurchases'),
        )
      : null;
    const alive = bars(
      diagnostics.alive.map((bin) => `${Math.round(100 * bin.lower)}–${Math.round(100 * bin.upper)} %`),
      [{ name: t('calibration.charts.customers'), data: diagnostics.alive.map((bin) => bin.customers) }],
      t('calibration.charts.aliveAxis'),
      t('calibration.charts.customers'),
    );
    return { histogram, tracking, conditional, alive };
  }, [diagnostics, actual, model, t]);

  return (
    <div className="dashboard__grid fit-charts">
      <ChartWithData
        title={t('calibration.charts.histogram')}
        option={options.histogram}
        table={
          <DataTable
            caption={t('calibration.charts.histogram')}
            head={[t('calibration.charts.repeatPurchases'), actual, model]}
            rows={diagnostics.histogram.map((bin) => [binLabel(bin.frequency, bin.orMore), n(bin.actual), n(bin.expected, 1)])}
          />
        }
      />
      <ChartWithData
        title={t('calibration.charts.tracking')}
        option={options.tracking}
        wide
        table={
          <DataTable
            caption={t('calibration.charts.tracking')}
            head={[t('calibration.charts.week'), actual, model]}
            rows={diagnostics.tracking.map((point) => [`${point.week}${point.week === Math.ceil(diagnostics.calibrationEndWeek) ? ` (${t('calibration.charts.calibrationEnd')})` : ''}`, n(point.actual), n(point.expected, 1)])}
          />
        }
      />
      {options.conditional && diagnostics.conditional ? (
        <ChartWithData
          title={t('calibration.charts.conditional')}
          option={options.conditional}
          table={
            <DataTable
              caption={t('calibration.charts.conditional')}
              head={[t('calibration.charts.repeatPurchases'), t('calibration.charts.customers'), actual, model]}
              rows={diagnostics.conditional.map((group) => [binLabel(group.frequency, group.orMore), n(group.customers), Number.isFinite(group.meanActual) ? n(group.meanActual, 2) : '—', Number.isFinite(group.meanPredicted) ? n(group.meanPredicted, 2) : '—'])}
            />
          }
        />
      ) : (
        <ChartWithData title={t('calibration.charts.conditional')} option={{}} table={null} empty={t('calibration.charts.noHoldout')} />
      )}
      <ChartWithData
        title={t('calibration.charts.alive')}
        option={options.alive}
        table={
          <DataTable
            caption={t('calibration.charts.alive')}
            head={[t('calibration.charts.aliveAxis'), t('calibration.charts.customers')]}
            rows={diagnostics.alive.map((bin) => [`${Math.round(100 * bin.lower)}–${Math.round(100 * bin.upper)} %`, n(bin.customers)])}
          />
        }
      />
    </div>
  );
}

function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <table className="dashboard-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((cell, index) => (
            <th key={index} scope="col">
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, at) => (at === 0 ? <th key={at} scope="row">{cell}</th> : <td key={at}>{cell}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
