// Every KPI per segment of the cohort, as one table (segments named from the preset when it is one):
// what the journey adds in each segment first (with 95 % intervals), the attributed figures after.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dataLanguage } from '../../../core/i18n.ts';
import type { SimulationReport } from '../../../core/sim/engine';
import { getPreset } from '../../../core/cohort';
import { formatCount, formatMoney, formatPercent } from '../format';
import { DashboardSection, EstimateText, TableScroll } from './sections';
import { segmentRows } from './dashboardData';
import { useLang } from '../../i18n/useLang';

export function SegmentsSection({ report, currency, presetId }: { report: SimulationReport; currency: string; presetId: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const money = (value: number) => formatMoney(value, currency, lang);
  const percent = (value: number) => formatPercent(value, lang);
  const count = (value: number) => formatCount(value, lang);
  const captionId = useId();
  const preset = getPreset(presetId);
  const segmentName = (id: string) => {
    const name = preset?.spec.segments?.find((segment) => segment.id === id)?.name;
    return (typeof name === 'string' ? name : name?.[dataLanguage(lang)]) || id;
  };
  return (
  <DashboardSection title={t('dashboard.segments.title')} wide>
    {/* Sixteen columns are wider than the dialog at 1024 px: the box scrolls sideways (by keyboard too), the segment names stay at its left. */}
    <TableScroll labelledBy={captionId} sidewaysOnly>
      <table className="dashboard-table dashboard-table--row-headers-stick">
        <caption id={captionId}>{t('dashboard.segments.caption')}</caption>
        <thead>
          <tr>
            {(['segment', 'users', 'incrementalConversions', 'incrementalRevenue', 'cost', 'incrementalRoi', 'entered', 'converted', 'rate', 'purchases', 'attributedRevenue', 'attributedRoi', 'cac', 'arpu', 'churned', 'unsubscribes'] as const).map((column) => (
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
              <td><EstimateText estimate={row.incremental.conversions} format={count} /></td>
              <td><EstimateText estimate={row.incremental.revenue} format={money} /></td>
              <td><EstimateText estimate={row.incremental.cost} format={money} /></td>
              <td><EstimateText estimate={row.incremental.roi} format={percent} /></td>
              <td>{count(row.entered)}</td>
              <td>{count(row.converted)}</td>
              <td><EstimateText estimate={row.conversionRate} format={percent} /></td>
              <td>{count(row.purchases)}</td>
              <td>{money(row.attributedRevenue)}</td>
              <td>{percent(row.attributedRoi)}</td>
              <td>{money(row.cac)}</td>
              <td>{money(row.arpu)}</td>
              <td>{count(row.churned)}</td>
              <td>{count(row.unsubscribes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
    <p className="dashboard-chart__note">{t('dashboard.attributedNote')}</p>
  </DashboardSection>
  );
}
