// Stage population over simulated time (stacked area), with its table.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { SimulationReport } from '../../../core/sim/engine';
import { stageNames, stages } from '../../../core/journey';
import { stageColours } from '../../stageColours';
import { formatCount } from '../format';
import { ChartWithData, baseOption, readableAxisLabel, scrollLegend } from './sections';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export function StagesSection({ report }: { report: SimulationReport }) {
  const lang = useLang();
  const { t } = useTranslation();
  const days = report.stagesByDay[stages[0]].map((_, day) => day);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      ...baseOption,
      legend: scrollLegend,
      grid: { left: 24, right: 24, top: 40, bottom: 28, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, name: t('dashboard.stages.day'), nameLocation: 'middle', nameGap: 24, axisLabel: readableAxisLabel, data: report.stagesByDay[stages[0]].map((_, day) => String(day)) },
      yAxis: { type: 'value' },
      series: stages.map((stage) => ({ type: 'line', name: say(stageNames[stage], lang), stack: 'stages', color: stageColours[stage], areaStyle: { opacity: 0.55 }, symbol: 'none', data: report.stagesByDay[stage] })),
    }),
    [report, lang, t],
  );
  return (
    <ChartWithData
      title={t('dashboard.stages.title')}
      option={option}
      table={
        <table className="dashboard-table">
          <caption>{t('dashboard.stages.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.stages.day')}</th>
              {stages.map((stage) => (
                <th key={stage} scope="col">
                  {say(stageNames[stage], lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {stages.map((stage) => (
                  <td key={stage}>{formatCount(report.stagesByDay[stage][day] ?? 0, lang)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
