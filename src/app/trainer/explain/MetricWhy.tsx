// A headline metric explained: its formula, the same formula with this run's numbers, what it means,
// and the glossary terms it rests on.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimulationReport } from '../../../core/sim/engine';
import { metricFormula, metricIds, type MetricId } from '../../../core/trainer';
import { GlossaryLinks } from './GlossaryLinks';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

const isMetricId = (value: string): value is MetricId => (metricIds as readonly string[]).includes(value);

export function MetricWhy({ report, currency }: { report: SimulationReport | null; currency: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  const [metric, setMetric] = useState<MetricId>('roi');
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
      <GlossaryLinks terms={explained.terms} />
    </section>
  );
}
