// The dashboard's Variants section: for each split in the report, its arms side by side (assigned,
// converted, conversion rate with its 95 % interval, revenue, cost) and each arm against the holdout
// (or the first arm) — difference, interval and a plain-language verdict, from src/core/sim/analysis/verdicts.ts.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/index.ts';
import { compareArms, type ArmComparison } from '../../../core/sim/analysis';
import type { ArmReport, SimulationReport } from '../../../core/sim/engine';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../format';
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
      {splits.map((split) => (
        <div key={split.split} className="decide-split">
          <div className="dashboard-table__scroll">
            <table className="dashboard-table">
              <caption>{t('decide.variants.caption', { split: splitName(split.split) })}</caption>
              <thead>
                <tr>
                  {(['arm', 'assigned', 'converted', 'rate', 'revenue', 'cost', 'revenuePerUser'] as const).map((column) => (
                    <th key={column} scope="col">
                      {t(`decide.variants.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {split.arms.map((arm) => (
                  <tr key={arm.port}>
                    <th scope="row">{armName(arm)}</th>
                    <td>{count(arm.assigned)}</td>
                    <td>{count(arm.converted)}</td>
                    <td>
                      {formatPercent(arm.conversionRate.value, lang)}
                      {arm.conversionRate.interval && (
                        <span className="dashboard-table__interval">
                          {' '}
                          {t('simulate.interval', { low: formatPercent(arm.conversionRate.interval.low, lang), high: formatPercent(arm.conversionRate.interval.high, lang) })}
                        </span>
                      )}
                    </td>
                    <td>{money(arm.revenue)}</td>
                    <td>{money(arm.cost)}</td>
                    <td>{money(arm.assigned > 0 ? arm.revenue / arm.assigned : 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {split.comparisons.length > 0 && (
            <div className="dashboard-table__scroll">
              <table className="dashboard-table">
                <caption>{t('decide.variants.comparisonsCaption', { split: splitName(split.split), baseline: armName(split.comparisons[0]!.baseline) })}</caption>
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
            </div>
          )}
        </div>
      ))}
      {report.replications >= 2 && splits.some((split) => split.comparisons.length > 0) && (
        <p className="dashboard-chart__note">{t('decide.variants.combinedNote', { count: report.replications })}</p>
      )}
    </section>
  );
}
