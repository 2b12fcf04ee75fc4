// The import's accounting of every row: read, accepted, rejected by reason with the first line numbers,
// refunds, zero amounts, duplicates, merged orders and the rules applied in words; the rejected rows
// as a CSV download.
import { useTranslation } from 'react-i18next';
import { rejectedRowsCsv, rejectionMessage, type RowReason, type TransactionReport } from '../../core/calibration/import';
import { downloadText } from '../persist/files';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

const LINES_SHOWN = 5;

export function ImportReport({ report, fileName }: { report: TransactionReport; fileName: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (value: number) => value.toLocaleString(lang);
  const reasons = (Object.entries(report.rejected) as [RowReason, TransactionReport['rejected'][keyof TransactionReport['rejected']]][]).filter(([, list]) => list.count > 0);
  const download = () => downloadText(`${fileName.replace(/\.[^.]*$/, '')}-rejected.csv`, rejectedRowsCsv(report.rejected, (text) => say(text, lang)), 'text/csv');
  return (
    <section className="fit-report" aria-labelledby="fit-import-heading">
      <h3 id="fit-import-heading">{t('calibration.report.heading')}</h3>
      <p>{t('calibration.report.counts', { read: n(report.rowsRead), accepted: n(report.accepted), rejected: n(report.rejectedCount), customers: n(report.customers) })}</p>
      {reasons.length > 0 && (
        <ul aria-label={t('calibration.report.rejectedList')}>
          {reasons.map(([reason, list]) => (
            <li key={reason}>
              {t('calibration.report.rejectedReason', {
                count: n(list.count),
                reason: say(rejectionMessage(reason), lang),
                lines: `${list.lines.slice(0, LINES_SHOWN).join(', ')}${list.count > LINES_SHOWN ? ', …' : ''}`,
              })}
            </li>
          ))}
        </ul>
      )}
      <ul>
        {report.refunds.count > 0 && <li>{t('calibration.report.refunds', { count: n(report.refunds.count), total: report.refunds.total.toLocaleString(lang, { maximumFractionDigits: 2 }) })}</li>}
        {report.zeroAmounts.count > 0 && <li>{t('calibration.report.zeroAmounts', { count: n(report.zeroAmounts.count) })}</li>}
        {report.duplicates.count > 0 && <li>{t(report.duplicates.rule === 'drop' ? 'calibration.report.duplicatesDropped' : 'calibration.report.duplicatesKept', { count: n(report.duplicates.count) })}</li>}
        {report.orders && <li>{t('calibration.report.orders', { merged: n(report.orders.mergedRows), refunded: n(report.orders.refunded.count) })}</li>}
        {report.rules.map((rule, index) => (
          <li key={`rule-${index}`}>{say(rule, lang)}</li>
        ))}
      </ul>
      {report.rejectedCount > 0 && (
        <button type="button" onClick={download}>
          {t('calibration.report.download')}
        </button>
      )}
    </section>
  );
}
