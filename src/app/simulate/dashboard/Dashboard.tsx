// The dashboard of the last simulation run: a modal dialog over the editor, opened from the Simulate
// panel's results. KPI cards (each with its 95 % interval where the report has one and its formula on
// hover or focus), the funnel by stage and by goal, the stage population over time, the operations load
// and the segment breakdown, each chart with a data table behind it, and CSV exports. Everything comes
// from the SimulationReport the panel already holds; the charts' library loads only when this opens.
import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '../../../core/i18n';
import { channelInfo } from '../../../core/journey/channels';
import { stageNames, stages } from '../../../core/journey/stages';
import type { Estimate, SimulationReport } from '../../../core/sim/engine/report';
import { getPreset } from '../../../core/sim/presets';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../format';
import { ChartWithData, DashboardSection, baseOption, horizontalBars } from './sections';
import { CumulativeSection } from './CumulativeSection';
import { HourlySection, type QuietHours } from './HourlySection';
import { SmartGoalsSection } from './GoalsSection';
import { SensitivitySection } from './SensitivitySection';
import { VariantsSection } from './VariantsSection';
import { activeChannels, daysCsv, downloadText, goalFunnel, nodesCsv, operationsByDay, segmentRows, stageFunnel } from './dashboardData';
import './dashboard.css';

export interface DashboardProps {
  report: SimulationReport;
  currency: string;
  presetId: string;
  stale: boolean;
  lang: Lang;
  onClose(): void;
  /** The journey's quiet hours (shaded on the sends-by-hour chart); null or left out for none. */
  quietHours?: QuietHours;
}

interface Kpi {
  key: string;
  label: string;
  value: string;
  detail?: string | null;
  formula: string;
}

export function Dashboard({ report, currency, presetId, stale, lang, onClose, quietHours }: DashboardProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const dialog = useRef<HTMLElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeButton.current?.focus();
  }, []);

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

  const preset = getPreset(presetId);
  const segmentName = (id: string) => {
    const name = preset?.spec.segments?.find((segment) => segment.id === id)?.name;
    return (typeof name === 'string' ? name : name?.[lang]) || id;
  };

  // Escape closes (and goes no further: the Simulate panel behind must stay open); Tab stays inside.
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter((element) => !element.hasAttribute('disabled'));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // Files are named after the journey (letters and digits of any script, the rest as hyphens).
  const fileBase =
    report.journey.name
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') ||
    report.journey.id ||
    'journey';

  return createPortal(
    <div className="dashboard-backdrop" lang={lang}>
      <section ref={dialog} className="dashboard" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown}>
        <header className="dashboard__header">
          <div>
            <h2 id={headingId}>{t('dashboard.title', { name: report.journey.name })}</h2>
            <p className="dashboard__summary">
              {t('simulate.summary', { users: count(report.users), seed: report.seed, cohort: preset ? preset.name[lang] : report.cohort.id, days: count(report.horizonDays) })}
            </p>
            {stale && (
              <p className="dashboard__stale" role="status">
                {t('simulate.stale')}
              </p>
            )}
          </div>
          <button ref={closeButton} type="button" className="dashboard__close" aria-label={t('dashboard.close')} title={t('dashboard.close')} onClick={onClose}>
            ×
          </button>
        </header>

        <KpiCards kpis={kpis} label={t('dashboard.kpis')} />

        <div className="dashboard__grid">
          <FunnelSection report={report} lang={lang} />
          <GoalsSection report={report} lang={lang} />
          <StagesSection report={report} lang={lang} />
          <OperationsSection report={report} lang={lang} />
          <CumulativeSection report={report} currency={currency} lang={lang} />
          <HourlySection report={report} quietHours={quietHours} lang={lang} />
        </div>

        <VariantsSection report={report} currency={currency} lang={lang} />
        <SmartGoalsSection report={report} currency={currency} lang={lang} />
        <SensitivitySection report={report} currency={currency} lang={lang} />

        <DashboardSection title={t('dashboard.segments.title')} wide>
          <div className="dashboard-table__scroll">
            <table className="dashboard-table">
              <caption>{t('dashboard.segments.caption')}</caption>
              <thead>
                <tr>
                  {(['segment', 'users', 'entered', 'converted', 'rate', 'purchases', 'revenue', 'cost', 'roi', 'cac', 'arpu', 'churned', 'unsubscribes'] as const).map((column) => (
                    <th key={column} scope="col">
                      {t(`dashboard.segments.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {segmentRows(report).map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{segmentName(row.id)}</th>
                    <td>{count(row.users)}</td>
                    <td>{count(row.entered)}</td>
                    <td>{count(row.converted)}</td>
                    <td>
                      {percent(row.conversionRate.value)}
                      {row.conversionRate.interval && <span className="dashboard-table__interval"> {interval(row.conversionRate, percent)}</span>}
                    </td>
                    <td>{count(row.purchases)}</td>
                    <td>{money(row.revenue)}</td>
                    <td>{money(row.cost)}</td>
                    <td>{percent(row.roi)}</td>
                    <td>{money(row.cac)}</td>
                    <td>{money(row.arpu)}</td>
                    <td>{count(row.churned)}</td>
                    <td>{count(row.unsubscribes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </DashboardSection>

        <DashboardSection title={t('dashboard.exports.title')} wide>
          <div className="dashboard__exports">
            <button type="button" onClick={() => downloadText(nodesCsv(report), `${fileBase}-nodes.csv`)}>
              <span aria-hidden="true">⬇</span> {t('dashboard.exports.nodes')}
            </button>
            <button type="button" onClick={() => downloadText(daysCsv(report), `${fileBase}-days.csv`)}>
              <span aria-hidden="true">⬇</span> {t('dashboard.exports.days')}
            </button>
          </div>
        </DashboardSection>
      </section>
    </div>,
    document.body,
  );
}

function KpiCards({ kpis, label }: { kpis: Kpi[]; label: string }) {
  return (
    <ul className="dashboard-kpis" aria-label={label}>
      {kpis.map((kpi) => (
        <KpiCard key={kpi.key} kpi={kpi} />
      ))}
    </ul>
  );
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  const labelId = useId();
  const formulaId = useId();
  // Focusable so keyboard users get the formula too (shown on hover and focus; also its description).
  return (
    <li className="dashboard-kpi" role="group" aria-labelledby={labelId} aria-describedby={formulaId} tabIndex={0} title={kpi.formula} data-kpi={kpi.key}>
      <span id={labelId} className="dashboard-kpi__label">
        {kpi.label}
      </span>
      <span className="dashboard-kpi__value">{kpi.value}</span>
      {kpi.detail && <span className="dashboard-kpi__detail">{kpi.detail}</span>}
      <span id={formulaId} className="dashboard-kpi__formula" role="tooltip">
        {kpi.formula}
      </span>
    </li>
  );
}

function FunnelSection({ report, lang }: { report: SimulationReport; lang: Lang }) {
  const { t } = useTranslation();
  const rows = useMemo(() => stageFunnel(report), [report]);
  const option = useMemo(
    () =>
      horizontalBars(
        rows.map((row) => stageNames[row.stage][lang]),
        rows.map((row) => row.users),
        t('dashboard.funnel.users'),
        (index) => formatPercent(rows[index]!.share, lang),
      ),
    [rows, lang, t],
  );
  const title = t('dashboard.funnel.title');
  return (
    <ChartWithData
      title={title}
      option={option}
      lang={lang}
      table={
        <table className="dashboard-table">
          <caption>{t('dashboard.funnel.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.funnel.stage')}</th>
              <th scope="col">{t('dashboard.funnel.users')}</th>
              <th scope="col">{t('dashboard.funnel.share')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.stage}>
                <th scope="row">{stageNames[row.stage][lang]}</th>
                <td>{formatCount(row.users, lang)}</td>
                <td>{formatPercent(row.share, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function GoalsSection({ report, lang }: { report: SimulationReport; lang: Lang }) {
  const { t } = useTranslation();
  const rows = useMemo(() => goalFunnel(report), [report]);
  const option = useMemo(
    () =>
      horizontalBars(
        rows.map((row) => row.label),
        rows.map((row) => row.users),
        t('dashboard.goals.users'),
        (index) => formatPercent(rows[index]!.rate.value, lang),
      ),
    [rows, lang, t],
  );
  return (
    <ChartWithData
      empty={rows.length === 0 ? t('dashboard.goals.none') : undefined}
      title={t('dashboard.goals.title')}
      option={option}
      lang={lang}
      height={Math.max(160, 48 * rows.length + 40)}
      table={
        <table className="dashboard-table">
          <caption>{t('dashboard.goals.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.goals.goal')}</th>
              <th scope="col">{t('dashboard.goals.users')}</th>
              <th scope="col">{t('dashboard.goals.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.node}>
                <th scope="row">{row.label}</th>
                <td>{formatCount(row.users, lang)}</td>
                <td>
                  {formatPercent(row.rate.value, lang)}
                  {row.rate.interval && (
                    <span className="dashboard-table__interval">
                      {' '}
                      {t('simulate.interval', { low: formatPercent(row.rate.interval.low, lang), high: formatPercent(row.rate.interval.high, lang) })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

function StagesSection({ report, lang }: { report: SimulationReport; lang: Lang }) {
  const { t } = useTranslation();
  const days = report.stagesByDay[stages[0]].map((_, day) => day);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      ...baseOption,
      legend: { top: 0, itemGap: 16 },
      grid: { left: 24, right: 24, top: 40, bottom: 28, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, name: t('dashboard.stages.day'), nameLocation: 'middle', nameGap: 24, data: report.stagesByDay[stages[0]].map((_, day) => String(day)) },
      yAxis: { type: 'value' },
      series: stages.map((stage) => ({ type: 'line', name: stageNames[stage][lang], stack: 'stages', areaStyle: {}, symbol: 'none', data: report.stagesByDay[stage] })),
    }),
    [report, lang, t],
  );
  return (
    <ChartWithData
      title={t('dashboard.stages.title')}
      option={option}
      lang={lang}
      table={
        <table className="dashboard-table">
          <caption>{t('dashboard.stages.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.stages.day')}</th>
              {stages.map((stage) => (
                <th key={stage} scope="col">
                  {stageNames[stage][lang]}
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

function OperationsSection({ report, lang }: { report: SimulationReport; lang: Lang }) {
  const { t } = useTranslation();
  const used = useMemo(() => activeChannels(report), [report]);
  const days = useMemo(() => operationsByDay(report), [report]);
  const peak = report.operations;
  const option = useMemo<EChartsCoreOption>(
    () => ({
      ...baseOption,
      legend: { top: 0, itemGap: 16 },
      grid: { left: 24, right: 24, top: 40, bottom: 28, containLabel: true },
      xAxis: { type: 'category', name: t('dashboard.stages.day'), nameLocation: 'middle', nameGap: 24, data: days.map((day) => String(day.day)) },
      yAxis: { type: 'value' },
      series: [
        ...used.map((channel, index) => ({
          type: 'bar',
          name: channelInfo[channel].name[lang],
          stack: 'sent',
          data: report.channels[channel].sentByDay,
          // The peak day (most touches sent, all channels together) as a marked line on the first series.
          ...(index === 0 && peak.peakSends > 0
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed', color: '#b91c1c' },
                  label: { formatter: t('dashboard.operations.peak', { day: peak.peakDay, sends: formatCount(peak.peakSends, lang) }), position: 'insideEndTop' },
                  data: [{ xAxis: String(peak.peakDay) }],
                },
              }
            : {}),
        })),
        { type: 'line', name: t('dashboard.operations.suppressed'), symbol: 'none', lineStyle: { type: 'dotted', width: 2 }, color: '#6b7280', data: days.map((day) => day.totalSuppressed) },
      ],
    }),
    [days, used, report, peak, lang, t],
  );
  const title = t('dashboard.operations.title');
  return (
    <ChartWithData
      empty={used.length === 0 ? t('dashboard.operations.none') : undefined}
      title={title}
      option={option}
      lang={lang}
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
                    {t('dashboard.operations.sent', { channel: channelInfo[channel].name[lang] })}
                  </th>
                ))}
                {used.map((channel) => (
                  <th key={`${channel}-suppressed`} scope="col">
                    {t('dashboard.operations.suppressedChannel', { channel: channelInfo[channel].name[lang] })}
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
