// Sends by hour of the day: touches sent per channel in each hour (journey-local time, summed over the
// run), stacked, with the journey's quiet hours shaded, so the burst when quiet hours end shows.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { channelInfo, channels, type Channel } from '../../../core/journey';
import type { JourneySettings } from '../../../core/journey';
import type { SimulationReport } from '../../../core/sim/engine';
import { formatCount } from '../format';
import { ChartWithData, baseOption, readableAxisLabel, scrollLegend } from './sections';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export type QuietHours = JourneySettings['quietHours'];

export const hours = Array.from({ length: 24 }, (_, hour) => hour);
export const hourLabel = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

const minutesOf = (clock: string): number => {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
};

/**
 * The hours of the day (0–23) that quiet hours cover, wholly or in part. As the engine reads them: from
 * start (included) to end (excluded), wrapping past midnight when start is after end; start equal to end
 * covers nothing.
 */
export function quietHourSet(quiet: QuietHours | undefined): Set<number> {
  const set = new Set<number>();
  if (!quiet) return set;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = (minute: number) => (start <= end ? minute >= start && minute < end : minute >= start || minute < end);
  for (const hour of hours) for (let minute = hour * 60; minute < hour * 60 + 60; minute++) if (inside(minute)) set.add(hour);
  return set;
}

/** Runs of consecutive quiet hours, as [first, last] (not merged across midnight: the axis ends there). */
export function quietRanges(quiet: Set<number>): [number, number][] {
  const ranges: [number, number][] = [];
  for (const hour of hours) {
    if (!quiet.has(hour)) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === hour - 1) last[1] = hour;
    else ranges.push([hour, hour]);
  }
  return ranges;
}

/** Channels that sent anything (idle channels have no bars). */
export const sendingChannels = (report: SimulationReport): Channel[] => channels.filter((channel) => report.channels[channel].sent > 0);

export function HourlySection({ report, quietHours }: { report: SimulationReport; quietHours: QuietHours | undefined }) {
  const lang = useLang();
  const { t } = useTranslation();
  const used = useMemo(() => sendingChannels(report), [report]);
  const quiet = useMemo(() => quietHourSet(quietHours), [quietHours]);
  const caption = quietHours && quiet.size > 0 ? t('dashboard.hours.captionQuiet', { start: quietHours.start, end: quietHours.end }) : t('dashboard.hours.captionNone');
  const option = useMemo<EChartsCoreOption>(() => {
    const ranges = quietRanges(quiet);
    const longest = ranges.reduce<[number, number] | null>((best, range) => (!best || range[1] - range[0] > best[1] - best[0] ? range : best), null);
    return {
      ...baseOption,
      legend: scrollLegend,
      grid: { left: 24, right: 24, top: 40, bottom: 28, containLabel: true },
      xAxis: { type: 'category', name: t('dashboard.hours.hour'), nameLocation: 'middle', nameGap: 24, axisLabel: readableAxisLabel, data: hours.map(String) },
      yAxis: { type: 'value', minInterval: 1 },
      series: used.map((channel, index) => ({
        type: 'bar',
        name: say(channelInfo[channel].name, lang),
        stack: 'hour',
        data: report.channels[channel].sentByHour,
        // Quiet hours as shaded bands behind the bars (on the first series; a band per run of hours).
        ...(index === 0 && ranges.length > 0
          ? {
              markArea: {
                silent: true,
                itemStyle: { color: 'rgba(100, 116, 139, 0.14)' },
                label: { position: 'insideTop', color: '#475569', fontSize: 11 },
                data: ranges.map((range) => [{ xAxis: String(range[0]), name: range === longest ? t('dashboard.hours.quiet') : '' }, { xAxis: String(range[1]) }]),
              },
            }
          : {}),
      })),
    };
  }, [quiet, used, report, lang, t]);
  const title = t('dashboard.hours.title');
  return (
    <ChartWithData
      empty={used.length === 0 ? t('dashboard.operations.none') : undefined}
      title={title}
      option={option}
      table={
        <table className="dashboard-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.hours.hour')}</th>
              {used.map((channel) => (
                <th key={channel} scope="col">
                  {t('dashboard.operations.sent', { channel: say(channelInfo[channel].name, lang) })}
                </th>
              ))}
              <th scope="col">{t('dashboard.operations.total')}</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((hour) => (
              <tr key={hour} className={quiet.has(hour) ? 'dashboard-table__quiet' : undefined}>
                <th scope="row">
                  {hourLabel(hour)}
                  {quiet.has(hour) && <span className="dashboard-table__interval"> ({t('dashboard.hours.quietShort')})</span>}
                </th>
                {used.map((channel) => (
                  <td key={channel}>{formatCount(report.channels[channel].sentByHour[hour] ?? 0, lang)}</td>
                ))}
                <td>{formatCount(used.reduce((sum, channel) => sum + (report.channels[channel].sentByHour[hour] ?? 0), 0), lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
