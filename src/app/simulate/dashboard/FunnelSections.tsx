// The funnels: users reaching each lifecycle stage, and each goal, as horizontal bars with their tables.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulationReport } from '../../../core/sim/engine';
import { stageNames } from '../../../core/journey';
import { formatCount, formatPercent } from '../format';
import { ChartWithData, horizontalBars } from './sections';
import { goalFunnel, stageFunnel } from './dashboardData';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export function FunnelSection({ report }: { report: SimulationReport }) {
  const lang = useLang();
  const { t } = useTranslation();
  const rows = useMemo(() => stageFunnel(report), [report]);
  const option = useMemo(
    () =>
      horizontalBars(
        rows.map((row) => say(stageNames[row.stage], lang)),
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
                <th scope="row">{say(stageNames[row.stage], lang)}</th>
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

export function GoalFunnelSection({ report }: { report: SimulationReport }) {
  const lang = useLang();
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
