// Two or three saved scenarios side by side: their KPIs with the difference of each from the first (the
// baseline, which the user picks here), and the assumptions each ran on, those that differ marked in
// words as well as colour.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareScenarios } from '../../../core/sim/analysis';
import type { ComparableScenario } from '../../persist/scenarioRepository';
import { assumptionLabel, assumptionText, kpiCellText, rateComparisonText, type Formatting } from './scenarioFormat';
import { useLang } from '../../i18n/useLang';
import { TableScroll } from './sections';

/**
 * Only scenarios of today's report format (an older one is left out, marked, by the section), the baseline
 * first (scenarioFormat's comparisonOrder).
 */
export function ScenarioComparison({ scenarios, onBaselineChange }: { scenarios: ComparableScenario[]; onBaselineChange(id: string): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const comparison = useMemo(() => compareScenarios(scenarios), [scenarios]);
  const format: Formatting = { t, lang };
  const first = scenarios[0]!;
  const kpisId = useId();
  const assumptionsId = useId();
  const baselineId = useId();
  const header = (
    <thead>
      <tr>
        <th scope="col">{t('scenarios.compare.figure')}</th>
        {scenarios.map((scenario) => (
          <th key={scenario.id} scope="col">
            {scenario.name}
            {scenario.stale && <span className="scenario-table__stale"> {t('scenarios.staleMark')}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );

  return (
    <div className="scenario-comparison">
      <p className="scenario-comparison__baseline">
        <label htmlFor={baselineId}>{t('scenarios.compare.baseline')}</label>{' '}
        <select id={baselineId} value={first.id} onChange={(event) => onBaselineChange(event.target.value)}>
          {scenarios.map((scenario) => (
            <option key={scenario.id} value={scenario.id}>
              {scenario.name}
            </option>
          ))}
        </select>
      </p>
      <TableScroll labelledBy={kpisId} sidewaysOnly>
        <table className="dashboard-table scenario-table">
          <caption id={kpisId}>{t('scenarios.compare.kpis', { name: first.name })}</caption>
          {header}
          <tbody>
            {comparison.kpis.map((row) => (
              <tr key={row.key}>
                <th scope="row">{t(`scenarios.kpi.${row.key}`)}</th>
                {row.cells.map((cell, index) => {
                  const scenario = scenarios[index]!;
                  const text = kpiCellText(row, cell, scenario.journey.settings.currency, format);
                  const comparison = row.comparisons?.[index];
                  const notes = [text.interval, text.difference, ...(comparison ? rateComparisonText(comparison, format) : [])].filter((note): note is string => Boolean(note));
                  return (
                    <td key={scenario.id}>
                      <span className="scenario-table__value">{text.value}</span>
                      {notes.map((note) => (
                        <span key={note} className="scenario-table__note">
                          {note}
                        </span>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="dashboard-section__note">{t('scenarios.attributedNote')}</p>

      <TableScroll labelledBy={assumptionsId} sidewaysOnly>
        <table className="dashboard-table scenario-table">
          <caption id={assumptionsId}>{t('scenarios.compare.assumptions')}</caption>
          {header}
          <tbody>
            {comparison.assumptions.map((row) => (
              <tr key={`${row.key}:${row.subject ?? ''}`} className={row.differs ? 'scenario-table__row--differs' : undefined}>
                <th scope="row">
                  {assumptionLabel(row, format)}
                  {row.differs && <span className="scenario-table__differs"> {t('scenarios.compare.differs')}</span>}
                </th>
                {row.values.map((value, index) => (
                  <td key={scenarios[index]!.id}>{assumptionText(value, format)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
