// The cohort's global control group (全局对照组): a share of users held out of every journey on the
// cohort. The whole journey's effect against it: each group's conversion rate and revenue per user,
// the difference of rates and the incremental revenue, each with its 95 % interval.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlGroupReport } from '../../../core/sim/engine';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../format';
import { DashboardSection, TableScroll } from './sections';
import { intervalText } from './kpis';
import { useLang } from '../../i18n/useLang';

export function ControlGroupSection({ control, currency }: { control: ControlGroupReport; currency: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const money = (value: number) => formatMoney(value, currency, lang);
  const percent = (value: number) => formatPercent(value, lang);
  const count = (value: number) => formatCount(value, lang);
  const points = (value: number) => t('simulate.points', { value: formatPoints(value, lang) });
  const captionId = useId();
  const groups = [
    { key: 'treated', users: control.treatedUsers, rate: control.treatedRate, revenue: control.treatedRevenuePerUser },
    { key: 'control', users: control.controlUsers, rate: control.controlRate, revenue: control.controlRevenuePerUser },
  ] as const;
  const difference = intervalText(control.difference, points, t);
  const revenue = intervalText(control.incrementalRevenue, money, t);
  return (
    <DashboardSection title={t('dashboard.control.title')} wide>
      <p className="dashboard-chart__note">{t('dashboard.control.intro', { share: percent(control.share) })}</p>
      <TableScroll labelledBy={captionId} sidewaysOnly>
        <table className="dashboard-table">
          <caption id={captionId}>{t('dashboard.control.caption', { currency })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.control.group')}</th>
              <th scope="col">{t('dashboard.control.users')}</th>
              <th scope="col">{t('dashboard.control.rate')}</th>
              <th scope="col">{t('dashboard.control.revenuePerUser')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.key}>
                <th scope="row">{t(`dashboard.control.${group.key}`)}</th>
                <td>{count(group.users)}</td>
                <td>{percent(group.rate)}</td>
                <td>{money(group.revenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <dl className="dashboard-figures">
        <div>
          <dt>{t('dashboard.control.difference')}</dt>
          <dd>
            {points(control.difference.value)}
            {difference && <span className="dashboard-table__interval"> {difference}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.control.incrementalRevenue')}</dt>
          <dd>
            {money(control.incrementalRevenue.value)}
            {revenue && <span className="dashboard-table__interval"> {revenue}</span>}
          </dd>
        </div>
      </dl>
    </DashboardSection>
  );
}
