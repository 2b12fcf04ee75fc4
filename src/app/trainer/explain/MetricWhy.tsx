// A headline metric explained: its formula, the same formula with this run's numbers, what it means,
// and the glossary terms it rests on. It opens on incremental ROI — (incremental revenue − cost) ÷ cost,
// what the journey adds over each user's twin — and below any metric says what the journey added in
// this run, beside attributed revenue named for what it is.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulationReport } from '../../../core/sim/engine';
import { DEFAULT_METRIC, metricFormula, metricIds, type MetricId } from '../../../core/trainer';
import { formatCount, formatMoney } from '../../simulate/format';
import { GlossaryLinks } from './GlossaryLinks';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

const isMetricId = (value: string): value is MetricId => (metricIds as readonly string[]).includes(value);

export function MetricWhy({ report, currency }: { report: SimulationReport | null; currency: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  const [metric, setMetric] = useState<MetricId>(DEFAULT_METRIC);
  const explained = metricFormula(metric, report, currency);

  return (
    <section className="explain__metric" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('trainer.explain.metricHeading')}</h3>
      <label>
        {t('trainer.explain.metric')}
        <select value={metric} onChange={(event) => isMetricId(event.target.value) && setMetric(event.target.value)}>
          {metricIds.map((id) => (
            <option key={id} value={id}>
              {say(metricFormula(id, null, currency).name, lang)}
            </option>
          ))}
        </select>
      </label>
      <dl className="explain__formula" aria-label={say(explained.name, lang)}>
        <dt>{t('trainer.explain.formula')}</dt>
        <dd>{say(explained.formula, lang)}</dd>
        <dt>{t('trainer.explain.withNumbers')}</dt>
        <dd>
          {!report
            ? t('trainer.explain.metricNotRecorded')
            : explained.withNumbers
              ? `${say(explained.symbol, lang)} = ${say(explained.withNumbers, lang)}`
              : say(explained.unavailable, lang)}
        </dd>
        <dt>{t('trainer.explain.meaning')}</dt>
        <dd>
          {say(explained.meaning, lang)}
          {explained.note && <span className="explain__note"> {say(explained.note, lang)}</span>}
        </dd>
      </dl>
      {report && <IncrementalSummary report={report} currency={currency} />}
      <GlossaryLinks terms={explained.terms} />
    </section>
  );
}

/** What the journey added in this run (against the users' twins), and attributed revenue beside it with what it counts. */
function IncrementalSummary({ report, currency }: { report: SimulationReport; currency: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const money = (value: number) => formatMoney(value, currency, lang);
  const { incremental } = report;
  return (
    <dl className="explain__formula explain__incremental" aria-label={t('trainer.explain.incremental.figures')}>
      <dt>{t('trainer.explain.incremental.figures')}</dt>
      <dd>
        {t('trainer.explain.incremental.figuresText', {
          users: formatCount(incremental.users, lang),
          conversions: formatCount(incremental.conversions.value, lang),
          revenue: money(incremental.revenue.value),
          cost: money(incremental.cost.value),
        })}
      </dd>
      <dt>{t('trainer.explain.incremental.attributedName')}</dt>
      <dd>
        {money(report.attributedRevenue)}
        <span className="explain__note"> {t('trainer.explain.attributedNote')}</span>
      </dd>
    </dl>
  );
}
