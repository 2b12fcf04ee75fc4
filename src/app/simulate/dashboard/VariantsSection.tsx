// The dashboard's Variants section: for each split in the report (nested ones too), its arms side by
// side (assigned, converted, conversion rate, then what each arm adds over its users' twins: incremental
// conversions, revenue and ROI with their 95 % intervals, then attributed revenue and cost), and each arm
// against the holdout (or the first arm) — difference, interval and a plain-language verdict, from
// src/core/sim/analysis/verdicts.ts. Where the journey has a holdout, what the holdout would measure
// stands beside the true incremental effect, with how many users the holdout needs to detect it.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/index.ts';
import { compareArms, type ArmComparison } from '../../../core/sim/analysis';
import type { ArmReport, Estimate, HoldoutLift, SimulationReport } from '../../../core/sim/engine';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../format';
import { EstimateText, TableScroll } from './sections';
import './decide.css';
import { useLang } from '../../i18n/useLang';

export interface VariantsSectionProps {
  report: SimulationReport;
  currency: string;
}

/** An unsigned difference in percentage points, two decimals: 0.021 → 2.10. */
const unsignedPoints = (value: number, lang: Language) => new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(value) * 100);

export function VariantsSection({ report, currency }: VariantsSectionProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  const splits = useMemo(() => compareArms(report), [report]);
  const money = (value: number) => formatMoney(value, currency, lang);
  const count = (value: number) => formatCount(value, lang);
  const splitName = (id: string) => report.nodes.find((node) => node.id === id)?.label || id;
  const armName = (arm: ArmReport) => (arm.holdout ? t('decide.variants.holdout', { label: arm.label }) : arm.label);
  const percent = (value: number) => formatPercent(value, lang);

  const verdict = (comparison: ArmComparison) => {
    const names = { arm: armName(comparison.arm), baseline: armName(comparison.baseline) };
    const points = unsignedPoints(comparison.difference, lang);
    if (comparison.verdict !== 'not distinguishable' && comparison.interval) {
      const bounds = { low: formatPoints(comparison.interval.low, lang), high: formatPoints(comparison.interval.high, lang) };
      return t(comparison.verdict === 'better' ? 'decide.variants.better' : 'decide.variants.worse', { ...names, points, ...bounds });
    }
    if (comparison.usersNeeded !== null) return t('decide.variants.notDistinguishable', { users: count(comparison.usersNeeded), points });
    return comparison.interval ? t('decide.variants.same') : t('decide.variants.noInterval');
  };

  return (
    <section className="dashboard-section dashboard-section--wide" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('decide.variants.title')}</h3>
      {splits.length === 0 && <p className="dashboard-chart__note">{t('decide.variants.none')}</p>}
      {splits.map((split, splitIndex) => (
        <div key={split.split} className="decide-split">
          <TableScroll labelledBy={`${headingId}-${splitIndex}-arms`}>
            <table className="dashboard-table">
              <caption id={`${headingId}-${splitIndex}-arms`}>{t('decide.variants.caption', { split: splitName(split.split) })}</caption>
              <thead>
                <tr>
                  {(['arm', 'assigned', 'converted', 'rate', 'incrementalConversions', 'incrementalRevenue', 'incrementalRoi', 'attributedRevenue', 'cost'] as const).map((column) => (
                    <th key={column} scope="col">
                      {t(`decide.variants.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {split.arms.map((arm) => (
                  <tr key={arm.port} data-holdout={arm.holdout || undefined}>
                    <th scope="row">{armName(arm)}</th>
                    <td>{count(arm.assigned)}</td>
                    <td>{count(arm.converted)}</td>
                    <td><EstimateText estimate={arm.conversionRate} format={percent} /></td>
                    <td><EstimateText estimate={arm.incremental.conversions} format={count} /></td>
                    <td><EstimateText estimate={arm.incremental.revenue} format={money} /></td>
                    <td><EstimateText estimate={arm.incremental.roi} format={percent} /></td>
                    <td>{money(arm.attributedRevenue)}</td>
                    <td>{money(arm.cost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {report.lift?.split === split.split && <HoldoutBeside lift={report.lift} holdout={split.arms.find((arm) => arm.port === report.lift!.holdout)} currency={currency} splitName={splitName(split.split)} />}
          {split.comparisons.length > 0 && (
            <TableScroll labelledBy={`${headingId}-${splitIndex}-comparisons`}>
              <table className="dashboard-table decide-comparisons">
                <caption id={`${headingId}-${splitIndex}-comparisons`}>{t('decide.variants.comparisonsCaption', { split: splitName(split.split), baseline: armName(split.comparisons[0]!.baseline) })}</caption>
                <thead>
                  <tr>
                    {(['comparison', 'difference', 'interval', 'revenueDifference', 'verdict'] as const).map((column) => (
                      <th key={column} scope="col">
                        {t(`decide.variants.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {split.comparisons.map((comparison) => (
                    <tr key={comparison.arm.port} data-verdict={comparison.verdict}>
                      <th scope="row">{t('decide.variants.versus', { arm: armName(comparison.arm), baseline: armName(comparison.baseline) })}</th>
                      <td>{t('simulate.points', { value: formatPoints(comparison.difference, lang) })}</td>
                      <td>
                        {comparison.interval
                          ? t('decide.variants.range', { low: formatPoints(comparison.interval.low, lang), high: formatPoints(comparison.interval.high, lang) })
                          : '—'}
                      </td>
                      <td>{money(comparison.revenuePerUser.difference)}</td>
                      <td>{verdict(comparison)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </div>
      ))}
      {splits.length > 0 && <p className="dashboard-chart__note">{t('dashboard.attributedNote')}</p>}
      {report.replications >= 2 && splits.some((split) => split.comparisons.length > 0) && (
        <p className="dashboard-chart__note">{t('decide.variants.combinedNote', { count: report.replications })}</p>
      )}
    </section>
  );
}

/**
 * What the split's holdout would measure after launch (an A/B test on real users: noisy), beside the
 * true incremental effect the simulation knows, and how many users a holdout needs to detect it.
 */
function HoldoutBeside({ lift, holdout, currency, splitName }: { lift: HoldoutLift; holdout: ArmReport | undefined; currency: string; splitName: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const money = (value: number) => formatMoney(value, currency, lang);
  const percent = (value: number) => formatPercent(value, lang);
  const points = (value: number) => t('simulate.points', { value: formatPoints(value, lang) });
  const range = (estimate: Estimate, format: (value: number) => string) =>
    estimate.interval ? t('decide.variants.range', { low: format(estimate.interval.low), high: format(estimate.interval.high) }) : null;
  const rows: { key: string; label: string; value: string; interval: string | null }[] = [
    { key: 'measured', label: t('decide.holdout.measured'), value: points(lift.difference.value), interval: range(lift.difference, points) },
    { key: 'true', label: t('decide.holdout.true'), value: points(lift.trueDifference), interval: null },
    { key: 'revenue', label: t('decide.holdout.revenue'), value: money(lift.incrementalRevenue.value), interval: range(lift.incrementalRevenue, money) },
    { key: 'roi', label: t('decide.holdout.roi'), value: percent(lift.incrementalRoi.value), interval: range(lift.incrementalRoi, percent) },
  ];
  const width = lift.difference.interval ? lift.difference.interval.high - lift.difference.interval.low : null;
  const noise =
    width === null
      ? t('decide.holdout.noInterval')
      : t('decide.holdout.noise', { users: formatCount(holdout?.assigned ?? 0, lang), width: unsignedPoints(width, lang), true: points(lift.trueDifference) });
  const captionId = useId();
  const needed = lift.holdoutUsersNeeded === null ? t('decide.holdout.nothingToDetect') : t('decide.holdout.usersNeeded', { users: formatCount(lift.holdoutUsersNeeded, lang) });
  return (
    <div className="decide-holdout">
      <TableScroll labelledBy={captionId}>
        <table className="dashboard-table">
          <caption id={captionId}>{t('decide.holdout.caption', { split: splitName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('decide.holdout.figure')}</th>
              <th scope="col">{t('decide.holdout.value')}</th>
              <th scope="col">{t('decide.variants.interval')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
                <td>{row.interval ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="dashboard-chart__note">
        {noise} {needed}
      </p>
    </div>
  );
}
