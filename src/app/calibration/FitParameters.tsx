// One segment's fit: the parameters with their standard errors, what they mean in plain words, and
// what the data could not support.
import { SeverityIcon } from '../icons';
import { useTranslation } from 'react-i18next';
import type { SegmentReport } from '../../core/calibration';
import { segmentWarningMessage } from '../../core/calibration';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { fixed, significant } from './format';

type Row = { symbol: string; label: string; value: number; error: number | undefined };

export function FitParameters({ segment, currency }: { segment: SegmentReport; currency: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const title = segment.value ?? (segment.id === 'customers' ? t('calibration.results.everyone') : segment.id);
  const rows: Row[] = [];
  if (segment.bgnbd) {
    const { r, alpha, a, b, standardErrors: se } = segment.bgnbd;
    rows.push(
      { symbol: 'r', label: t('calibration.results.params.r'), value: r, error: se?.r },
      { symbol: t('calibration.results.alphaDays'), label: t('calibration.results.params.alpha'), value: alpha, error: se?.alpha },
      { symbol: 'a', label: t('calibration.results.params.a'), value: a, error: se?.a },
      { symbol: 'b', label: t('calibration.results.params.b'), value: b, error: se?.b },
    );
  }
  if (segment.gammaGamma) {
    const { p, q, gamma, standardErrors: se } = segment.gammaGamma;
    rows.push(
      { symbol: 'p', label: t('calibration.results.params.p'), value: p, error: se?.p },
      { symbol: 'q', label: t('calibration.results.params.q'), value: q, error: se?.q },
      { symbol: 'γ', label: t('calibration.results.params.gamma'), value: gamma, error: se?.gamma },
    );
  }
  const warnings = [...segment.warnings, ...segment.orderValueWarnings];
  const tableName = t('calibration.results.parametersOf', { segment: title });
  return (
    <section className="fit-segment" aria-label={title}>
      <h4>{t('calibration.results.segmentHeading', { segment: title, customers: segment.customers.toLocaleString(lang), repeat: segment.repeatCustomers.toLocaleString(lang) })}</h4>
      {segment.pooled && <p>{t('calibration.results.pooled')}</p>}
      {rows.length === 0 ? (
        <p>{t('calibration.results.noFit')}</p>
      ) : (
        <table className="fit-table" aria-label={tableName}>
          <thead>
            <tr>
              <th scope="col">{t('calibration.results.parameter')}</th>
              <th scope="col">{t('calibration.results.estimate')}</th>
              <th scope="col">{t('calibration.results.standardError')}</th>
              <th scope="col">{t('calibration.results.describes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.symbol}>
                <th scope="row">{row.symbol}</th>
                <td>{significant(row.value, lang)}</td>
                <td>{row.error === undefined ? '—' : significant(row.error, lang)}</td>
                <td>{row.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {segment.meaning && (
        <ul className="fit-meaning" aria-label={t('calibration.results.meaning')}>
          <li>{t('calibration.results.perMonth', { value: fixed(segment.meaning.purchasesPerMonth, lang, 2) })}</li>
          <li>{t('calibration.results.lapse', { value: fixed(100 * segment.meaning.lapseChance, lang, 1) })}</li>
          <li>{segment.meaning.meanOrderValue === null ? t('calibration.results.noMeanOrder') : t('calibration.results.meanOrder', { value: fixed(segment.meaning.meanOrderValue, lang, 2), currency })}</li>
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="fit-warnings" aria-label={t('calibration.results.warnings')}>
          {warnings.map((warning, index) => (
            <li key={index}>
              <SeverityIcon severity="warning" /> {say(segmentWarningMessage(warning), lang)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
