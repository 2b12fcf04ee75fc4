// Operations load: touches per channel per day, suppressed by the frequency cap, and the peak day: a
// dashed line on the chart, named in the chart's title line above the legend (a label on the line itself
// ran over the bars).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { SimulationReport } from '../../../core/sim/engine';
import { channelInfo } from '../../../core/journey';
import { formatCount } from '../format';
import { ChartWithData, baseOption, readableAxisLabel, scrollLegend } from './sections';
import { activeChannels, operationsByDay } from './dashboardData';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export function OperationsSection({ report }: { report: SimulationReport }) {
  const lang = useLang();
  const { t } = useTranslation();
  const used = useMemo(() => activeChannels(report), [report]);
  const days = useMemo(() => operationsByDay(report), [report]);
  const peak = report.operations;
  const peakText = peak.peakSends > 0 ? t('dashboard.operations.peak', { day: peak.peakDay, sends: formatCount(peak.peakSends, lang) }) : null;
  const option = useMemo<EChartsCoreOption>(
    () => ({
      ...baseOption,
      // The peak on a line of its own at the top, the legend under it, the bars under both.
      ...(peakText ? { title: { text: peakText, left: 0, top: 0, padding: 0, textStyle: { fontSize: 12, fontWeight: 'normal', color: '#b91c1c' } } } : {}),
      legend: { ...scrollLegend, top: peakText ? 22 : 0 },
      grid: { left: 24, right: 24, top: peakText ? 60 : 40, bottom: 28, containLabel: true },
      xAxis: { type: 'category', name: t('dashboard.stages.day'), nameLocation: 'middle', nameGap: 24, axisLabel: readableAxisLabel, data: days.map((day) => String(day.day)) },
      yAxis: { type: 'value' },
      series: [
        ...used.map((channel, index) => ({
          type: 'bar',
          name: say(channelInfo[channel].name, lang),
          stack: 'sent',
          data: report.channels[channel].sentByDay,
          // The peak day (most touches sent, all channels together) as a marked line on the first series.
          ...(index === 0 && peak.peakSends > 0
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed', color: '#b91c1c' },
                  label: { show: false },
                  data: [{ xAxis: String(peak.peakDay) }],
                },
              }
            : {}),
        })),
        { type: 'line', name: t('dashboard.operations.suppressed'), symbol: 'none', lineStyle: { type: 'dotted', width: 2 }, color: '#6b7280', data: days.map((day) => day.totalSuppressed) },
      ],
    }),
    [days, used, report, peak, peakText, lang, t],
  );
  const title = t('dashboard.operations.title');
  return (
    <ChartWithData
      empty={used.length === 0 ? t('dashboard.operations.none') : undefined}
      title={title}
      option={option}
      table={
        <>
          {peak.peakSends > 0 && <p className="dashboard-section__note">{t('dashboard.operations.peak', { day: peak.peakDay, sends: formatCount(peak.peakSends, lang) })}</p>}
          <table className="dashboard-table">
            <caption>{t('dashboard.operations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.stages.day')}</th>
                {used.map((channel) => (
                  <th key={`${channel}-sent`} scope="col">
                    {t('dashboard.operations.sent', { channel: say(channelInfo[channel].name, lang) })}
                  </th>
                ))}
                {used.map((channel) => (
                  <th key={`${channel}-suppressed`} scope="col">
                    {t('dashboard.operations.suppressedChannel', { channel: say(channelInfo[channel].name, lang) })}
                  </th>
                ))}
                <th scope="col">{t('dashboard.operations.total')}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day} className={day.day === peak.peakDay && peak.peakSends > 0 ? 'dashboard-table__peak' : undefined}>
                  <th scope="row">
                    {day.day}
                    {day.day === peak.peakDay && peak.peakSends > 0 && <span className="dashboard-table__interval"> ({t('dashboard.operations.peakShort')})</span>}
                  </th>
                  {used.map((channel) => (
                    <td key={`${channel}-sent`}>{formatCount(day.sent[channel], lang)}</td>
                  ))}
                  {used.map((channel) => (
                    <td key={`${channel}-suppressed`}>{formatCount(day.suppressed[channel], lang)}</td>
                  ))}
                  <td>{formatCount(day.totalSent, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      }
    />
  );
}
