// Step 4: the import report, then the fit — the holdout error as one headline number, each segment's
// parameters, and the diagnostic charts — and saving the fitted cohort (with its population, if built).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FitReport, PopulationData } from '../../core/calibration';
import { isoDate } from '../../core/calibration/import';
import { useLang } from '../i18n/useLang';
import { FitCharts } from './FitCharts';
import { FitParameters } from './FitParameters';
import { fixed, percentText } from './format';

export function FitResults({ report }: { report: FitReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const holdout = report.diagnostics?.holdout ?? null;
  const hasHoldout = report.holdoutDays > 0;
  return (
    <section className="fit-results" aria-labelledby="fit-results-heading">
      <h3 id="fit-results-heading">{t('calibration.results.heading')}</h3>
      <p>
        {t('calibration.results.summary', {
          customers: report.customers.toLocaleString(lang),
          first: report.import.firstDate ?? '—',
          last: report.import.lastDate ?? '—',
          end: report.calibrationEnd,
        })}
        {report.firstPurchaseAfterCalibration > 0 && ` ${t('calibration.results.later', { count: report.firstPurchaseAfterCalibration.toLocaleString(lang) })}`}
      </p>
      <div className="fit-headline" role="group" aria-label={t('calibration.results.holdoutHeading')}>
        {holdout && hasHoldout ? (
          <>
            <strong className="fit-headline__number">{percentText(holdout.percentError, lang)}</strong>
            <span>{t('calibration.results.holdout', { days: holdout.days.toLocaleString(lang), predicted: fixed(holdout.predictedTotal, lang, 0), actual: holdout.actualTotal.toLocaleString(lang) })}</span>
          </>
        ) : (
          <span>{t('calibration.results.noHoldout')}</span>
        )}
      </div>
      {report.segments.map((segment) => (
        <FitParameters key={segment.id} segment={segment} currency={report.import.currency} />
      ))}
      {report.diagnostics ? (
        <>
          {report.diagnostics.customers < report.customers && <p>{t('calibration.results.diagnosticsCover', { customers: report.diagnostics.customers.toLocaleString(lang), all: report.customers.toLocaleString(lang) })}</p>}
          <FitCharts diagnostics={report.diagnostics} />
        </>
      ) : (
        <p>{t('calibration.results.noDiagnostics')}</p>
      )}
    </section>
  );
}

/** Names the fitted cohort and saves it (the caller stores it and opens it). */
export function SaveFit({ defaultName, population, onSave }: { defaultName: string; population: PopulationData | null; onSave(name: string): Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [name, setName] = useState(defaultName);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await onSave(name.trim() || defaultName);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="fit-save" onSubmit={(event) => void submit(event)}>
      <label>
        {t('calibration.save.name')}
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} />
      </label>
      {population && <p className="fit-help">{t('calibration.save.withPopulation', { customers: population.population.size.toLocaleString(lang), date: isoDate(population.asOf) })}</p>}
      <button type="submit" className="button--primary" disabled={saving}>
        {t('calibration.save.button')}
      </button>
    </form>
  );
}
