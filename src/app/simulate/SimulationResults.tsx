// The headline numbers of the last run, in the interface language and the simulated journey's currency.
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Estimate } from '../../core/sim/engine';
import { cohortLabel } from './cohortLabel';
import { useSimulation } from './useSimulation';
import { formatCount, formatMoney, formatPercent, formatPoints } from './format';
import { useLang } from '../i18n/useLang';

// The dashboard (and, through it, ECharts) is its own chunk, loaded the first time it is opened.
const Dashboard = lazy(() => import('./dashboard/Dashboard').then((module) => ({ default: module.Dashboard })));

export function SimulationResults() {
  const lang = useLang();
  const { t } = useTranslation();
  const report = useSimulation((state) => state.report);
  const run = useSimulation((state) => state.run);
  const stale = useSimulation((state) => state.stale);
  const headingId = useId();
  const [dashboardOpen, setDashboardOpen] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  if (!report || !run) return null;
  const closeDashboard = () => {
    setDashboardOpen(false);
    openButton.current?.focus();
  };
  const currency = run.journey.settings.currency;
  const money = (value: number) => formatMoney(value, currency, lang);
  const percent = (value: number) => formatPercent(value, lang);
  const points = (value: number) => t('simulate.points', { value: formatPoints(value, lang) });
  const interval = (estimate: Estimate, format: (value: number) => string) =>
    estimate.interval ? t('simulate.interval', { low: format(estimate.interval.low), high: format(estimate.interval.high) }) : null;
  const rows: { key: string; label: string; value: string; detail?: string | null }[] = [
    { key: 'entered', label: t('simulate.metric.entered'), value: formatCount(report.entered, lang) },
    {
      key: 'converted',
      label: t('simulate.metric.converted'),
      value: t('simulate.metric.conversion', { count: formatCount(report.converted, lang), rate: percent(report.conversionRate.value) }),
      detail: interval(report.conversionRate, percent),
    },
    { key: 'revenue', label: t('simulate.metric.revenue'), value: money(report.revenue) },
    { key: 'cost', label: t('simulate.metric.cost'), value: money(report.cost.total) },
    { key: 'roi', label: t('simulate.metric.roi'), value: percent(report.roi.value), detail: interval(report.roi, percent) },
    { key: 'cac', label: t('simulate.metric.cac'), value: money(report.cac.value), detail: interval(report.cac, money) },
    { key: 'arpu', label: t('simulate.metric.arpu'), value: money(report.arpu.value), detail: interval(report.arpu, money) },
    { key: 'ltv', label: t('simulate.metric.ltv'), value: money(report.ltv.value), detail: interval(report.ltv, money) },
    { key: 'churned', label: t('simulate.metric.churned'), value: formatCount(report.churned, lang) },
  ];
  if (report.lift)
    rows.push({
      key: 'lift',
      label: t('simulate.metric.lift'),
      value: points(report.lift.difference.value),
      detail: [t('simulate.metric.liftDetail', { treated: percent(report.lift.treatedRate), holdout: percent(report.lift.holdoutRate) }), interval(report.lift.difference, points)]
        .filter(Boolean)
        .join('; '),
    });
  if (report.lift?.incrementalRevenue)
    rows.push({
      key: 'incrementalRevenue',
      label: t('simulate.metric.incrementalRevenue'),
      value: money(report.lift.incrementalRevenue.value),
      detail: interval(report.lift.incrementalRevenue, money),
    });
  if (report.lift?.incrementalRoi)
    rows.push({
      key: 'incrementalRoi',
      label: t('simulate.metric.incrementalRoi'),
      value: percent(report.lift.incrementalRoi.value),
      detail: interval(report.lift.incrementalRoi, percent),
    });
  const cohort = cohortLabel(run.presetId, run.cohort, report.cohort.id, lang);

  return (
    <section className={`simulation-results${stale ? ' simulation-results--stale' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('simulate.results')}</h3>
      <p className="simulation-results__summary">
        {t('simulate.summary', { users: formatCount(report.users, lang), seed: report.seed, cohort, days: formatCount(report.horizonDays, lang) })}
      </p>
      {stale && (
        <p className="simulation-results__stale" role="status">
          {t('simulate.stale')}
        </p>
      )}
      <dl className="simulation-results__metrics">
        {rows.map((row) => (
          <div key={row.key} className="simulation-results__metric" data-metric={row.key}>
            <dt>{row.label}</dt>
            <dd>
              <span className="simulation-results__value">{row.value}</span>
              {row.detail && <span className="simulation-results__detail">{row.detail}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <button
        ref={openButton}
        type="button"
        className="simulation-results__dashboard"
        aria-haspopup="dialog"
        aria-expanded={dashboardOpen}
        onClick={() => setDashboardOpen(true)}
      >
        <span aria-hidden="true">▦</span> {t('dashboard.open')}
      </button>
      {dashboardOpen && (
        <Suspense fallback={null}>
          <Dashboard report={report} currency={currency} presetId={run.presetId} cohortName={cohort} stale={stale} onClose={closeDashboard} quietHours={run.journey.settings.quietHours} journey={run.journey} />
        </Suspense>
      )}
    </section>
  );
}
