// The headline numbers of the last run, in the interface language and the simulated journey's currency:
// what the journey adds over each user's twin first, then the attributed and other figures.
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Estimate } from '../../core/sim/engine';
import { cohortLabel } from './cohortLabel';
import { useSimulation } from './useSimulation';
import { formatCount, formatMoney, formatPercent, formatPoints } from './format';
import { useLang } from '../i18n/useLang';
import { intervalText, liftDetail } from './dashboard/kpis';
import { DashboardIcon } from '../icons';

interface Row {
  key: string;
  label: string;
  value: string;
  detail?: string | null;
}

/** A titled list of figures (label, value, 95 % interval). */
function MetricList({ rows, label }: { rows: Row[]; label: string }) {
  return (
    <>
    <h4 className="simulation-results__group">{label}</h4>
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
    </>
  );
}

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
  const count = (value: number) => formatCount(value, lang);
  const interval = (estimate: Estimate, format: (value: number) => string) => intervalText(estimate, format, t);
  // What the journey adds over each user's twin leads; the attributed and other figures follow, under a
  // note on what tells the two apart.
  const incremental = report.incremental;
  const leading: Row[] = [
    { key: 'incrementalConversions', label: t('simulate.metric.incrementalConversions'), value: count(incremental.conversions.value), detail: interval(incremental.conversions, count) },
    { key: 'incrementalRevenue', label: t('simulate.metric.incrementalRevenue'), value: money(incremental.revenue.value), detail: interval(incremental.revenue, money) },
    { key: 'cost', label: t('simulate.metric.cost'), value: money(incremental.cost.value), detail: interval(incremental.cost, money) },
    { key: 'incrementalRoi', label: t('simulate.metric.incrementalRoi'), value: percent(incremental.roi.value), detail: interval(incremental.roi, percent) },
    {
      key: 'costPerIncrementalConversion',
      label: t('simulate.metric.costPerIncrementalConversion'),
      value: incremental.costPerConversion ? money(incremental.costPerConversion.value) : t('dashboard.kpi.none'),
      detail: incremental.costPerConversion ? interval(incremental.costPerConversion, money) : t('dashboard.kpi.noIncrementalConversions'),
    },
    { key: 'convertedAnyway', label: t('simulate.metric.convertedAnyway'), value: count(report.baseline.converted) },
  ];
  const rows: Row[] = [
    { key: 'entered', label: t('simulate.metric.entered'), value: count(report.entered) },
    {
      key: 'converted',
      label: t('simulate.metric.converted'),
      value: t('simulate.metric.conversion', { count: count(report.converted), rate: percent(report.conversionRate.value) }),
      detail: interval(report.conversionRate, percent),
    },
    { key: 'attributedRevenue', label: t('simulate.metric.attributedRevenue'), value: money(report.attributedRevenue) },
    { key: 'attributedRoi', label: t('simulate.metric.attributedRoi'), value: percent(report.attributedRoi.value), detail: interval(report.attributedRoi, percent) },
    { key: 'cac', label: t('simulate.metric.cac'), value: money(report.cac.value), detail: interval(report.cac, money) },
    { key: 'arpu', label: t('simulate.metric.arpu'), value: money(report.arpu.value), detail: interval(report.arpu, money) },
    { key: 'revenuePerConverted', label: t('simulate.metric.revenuePerConverted'), value: money(report.revenuePerConverted.value), detail: interval(report.revenuePerConverted, money) },
    { key: 'customerValue', label: t('simulate.metric.customerValue'), value: money(report.customerValue.value), detail: interval(report.customerValue, money) },
    { key: 'churned', label: t('simulate.metric.churned'), value: count(report.churned) },
  ];
  if (report.lift)
    rows.push({
      key: 'lift',
      label: t('simulate.metric.lift'),
      value: points(report.lift.difference.value),
      detail: liftDetail(report.lift, { percent, points }, t),
    });
  const cohort = cohortLabel(run.presetId, run.cohort, report.cohort.id, lang);

  return (
    <section className={`simulation-results${stale ? ' simulation-results--stale' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('simulate.results')}</h3>
      <p className="simulation-results__summary">
        {t(run.population ? 'simulate.summaryPopulation' : 'simulate.summary', { users: count(report.users), seed: report.seed, cohort, days: count(report.horizonDays) })}
      </p>
      {stale && (
        <p className="simulation-results__stale" role="status">
          {t('simulate.stale')}
        </p>
      )}
      <MetricList rows={leading} label={t('simulate.incrementalHeading')} />
      <p className="simulation-results__summary">{t('dashboard.attributedNote')}</p>
      <MetricList rows={rows} label={t('simulate.attributedHeading')} />
      <button
        ref={openButton}
        type="button"
        className="simulation-results__dashboard"
        aria-haspopup="dialog"
        aria-expanded={dashboardOpen}
        onClick={() => setDashboardOpen(true)}
      >
        <DashboardIcon /> {t('dashboard.open')}
      </button>
      {dashboardOpen && (
        <Suspense fallback={null}>
          <Dashboard report={report} currency={currency} presetId={run.presetId} cohortName={cohort} stale={stale} onClose={closeDashboard} quietHours={run.journey.settings.quietHours} journey={run.journey} />
        </Suspense>
      )}
    </section>
  );
}
