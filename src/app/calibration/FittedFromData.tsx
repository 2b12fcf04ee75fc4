// The cohort editor's read-only "Fitted from data" section for a cohort with provenance: the files it
// was fitted on, its dates, each segment's fit, the holdout check, and — marked as assumptions — the
// fields filled from a preset; and its population, if one is kept (PopulationSection.tsx).
import { useTranslation } from 'react-i18next';
import { dataLanguage } from '../../core/i18n';
import { getPreset, provenanceSchema } from '../../core/cohort';
import { useLang } from '../i18n/useLang';
import { percentText, significant } from './format';
import { PopulationSection } from './PopulationSection';

const HASH_SHOWN = 12;

export function FittedFromData({ provenance, cohort }: { provenance: unknown; cohort: Parameters<typeof PopulationSection>[0]['cohort'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const parsed = provenanceSchema.safeParse(provenance);
  if (!parsed.success) return null;
  const data = parsed.data;
  const preset = getPreset(data.filledFromPreset.preset);
  const n = (value: number) => value.toLocaleString(lang);
  return (
    <section className="cohort-section fitted-from-data" aria-labelledby="fitted-from-data-heading">
      <h3 id="fitted-from-data-heading">{t('calibration.provenance.heading')}</h3>
      <p className="cohort-section__help">{t('calibration.provenance.intro')}</p>
      <ul aria-label={t('calibration.provenance.sources')}>
        {data.sources.map((source) => (
          <li key={`${source.role}-${source.sha256}`}>
            {t('calibration.provenance.source', {
              role: t(`calibration.provenance.roles.${source.role}`),
              name: source.fileName,
              size: (source.bytes / 1024).toLocaleString(lang, { maximumFractionDigits: 1 }),
              rows: n(source.rows),
              accepted: n(source.accepted),
              rejected: n(source.rejected),
            })}{' '}
            <code title={source.sha256}>SHA-256 {source.sha256.slice(0, HASH_SHOWN)}…</code>
          </li>
        ))}
      </ul>
      <dl>
        <dt>{t('calibration.provenance.dates')}</dt>
        <dd>{t('calibration.provenance.range', { first: data.firstDate, last: data.lastDate })}</dd>
        <dt>{t('calibration.provenance.calibrationEnd')}</dt>
        <dd>{data.calibrationEnd}</dd>
        <dt>{t('calibration.provenance.holdout')}</dt>
        <dd>
          {data.holdout && data.holdout.days > 0
            ? t('calibration.provenance.holdoutValue', { error: percentText(data.holdout.errorPercent ?? Number.NaN, lang), days: n(data.holdout.days), predicted: Math.round(data.holdout.predicted).toLocaleString(lang), actual: n(data.holdout.actual) })
            : t('calibration.results.noHoldout')}
        </dd>
      </dl>
      <table className="fit-table" aria-label={t('calibration.provenance.fits')}>
        <thead>
          <tr>
            <th scope="col">{t('calibration.provenance.segment')}</th>
            <th scope="col">{t('calibration.provenance.customers')}</th>
            <th scope="col">r</th>
            <th scope="col">{t('calibration.results.alphaDays')}</th>
            <th scope="col">a</th>
            <th scope="col">b</th>
            <th scope="col">p</th>
            <th scope="col">q</th>
            <th scope="col">γ</th>
            <th scope="col">{t('calibration.results.warnings')}</th>
          </tr>
        </thead>
        <tbody>
          {data.fits.map((fit) => (
            <tr key={fit.segment}>
              <th scope="row">{fit.segment}</th>
              <td>{t('calibration.provenance.customersValue', { customers: n(fit.customers), repeat: n(fit.repeatCustomers) })}</td>
              {fit.bgnbd ? [fit.bgnbd.r, fit.bgnbd.alpha, fit.bgnbd.a, fit.bgnbd.b].map((value, index) => <td key={`bg${index}`}>{significant(value, lang)}</td>) : <td colSpan={4}>{t('calibration.provenance.presetKept')}</td>}
              {fit.gammaGamma ? [fit.gammaGamma.p, fit.gammaGamma.q, fit.gammaGamma.gamma].map((value, index) => <td key={`gg${index}`}>{significant(value, lang)}</td>) : <td colSpan={3}>{t('calibration.provenance.presetKept')}</td>}
              <td>{fit.warnings.length === 0 ? '—' : fit.warnings.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="fitted-from-data__assumed" role="note" aria-label={t('calibration.provenance.assumed')}>
        <strong>{t('calibration.provenance.assumed')}</strong>{' '}
        {t('calibration.provenance.assumedHelp', { preset: preset ? preset.name[dataLanguage(lang)] : data.filledFromPreset.preset })}
        <ul>
          {data.filledFromPreset.fields.map((field) => (
            <li key={field}>
              <code>{field}</code>
            </li>
          ))}
        </ul>
      </div>
      <PopulationSection cohort={cohort} />
    </section>
  );
}
