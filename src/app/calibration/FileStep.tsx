// Step 1: the transactions file — picked or dropped — and what its start says: encoding, delimiter,
// header, and a preview of the first rows with the role each column was given.
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { delimiters, textEncodings, type Delimiter, type TransactionMappingDraft } from '../../core/calibration/import';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import type { LayoutSettings, SniffResult } from './useSniff';
import { columnName, delimiterKey, roleOf } from './labels';

const PREVIEW_ROWS = 10;

export interface FileStepProps {
  file: File | null;
  onFile(file: File): void;
  settings: LayoutSettings;
  onSettings(settings: LayoutSettings): void;
  sniffed: SniffResult | null;
  mapping: TransactionMappingDraft | null;
}

export function FileStep({ file, onFile, settings, onSettings, sniffed, mapping }: FileStepProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };
  const layout = sniffed?.layout ?? null;
  return (
    <div className="fit-step">
      <div
        className={`fit-drop${over ? ' fit-drop--over' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <label>
          {t('calibration.file.pick')}
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values" onChange={(event) => event.target.files?.[0] && onFile(event.target.files[0])} />
        </label>
        <p className="fit-help">{t('calibration.file.help')}</p>
      </div>
      {file && !sniffed && <p role="status">{t('calibration.file.reading', { name: file.name })}</p>}
      {file && sniffed && (
        <>
          <div className="fit-layout">
            <label>
              {t('calibration.file.encoding')}
              <select value={settings.encoding ?? ''} onChange={(event) => onSettings({ ...settings, encoding: (event.target.value || null) as LayoutSettings['encoding'] })}>
                <option value="">{t('calibration.file.detected', { value: sniffed.encoding ?? '?' })}</option>
                {textEncodings.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {encoding}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('calibration.file.delimiter')}
              <select value={settings.delimiter === 'auto' ? '' : settings.delimiter} onChange={(event) => onSettings({ ...settings, delimiter: (event.target.value || 'auto') as Delimiter | 'auto' })}>
                <option value="">{t('calibration.file.detected', { value: layout ? t(`calibration.delimiters.${delimiterKey(layout.delimiter)}`) : '?' })}</option>
                {delimiters.map((delimiter) => (
                  <option key={delimiter} value={delimiter}>
                    {t(`calibration.delimiters.${delimiterKey(delimiter)}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('calibration.file.header')}
              <select value={settings.header === 'auto' ? '' : settings.header ? 'yes' : 'no'} onChange={(event) => onSettings({ ...settings, header: event.target.value === '' ? 'auto' : event.target.value === 'yes' })}>
                <option value="">{t('calibration.file.detected', { value: layout?.header ? t('calibration.file.headerYes') : t('calibration.file.headerNo') })}</option>
                <option value="yes">{t('calibration.file.headerYes')}</option>
                <option value="no">{t('calibration.file.headerNo')}</option>
              </select>
            </label>
          </div>
          <p className="fit-summary" role="status">
            {t('calibration.file.summary', { name: file.name, size: (file.size / 1024).toLocaleString(lang, { maximumFractionDigits: 1 }), columns: layout?.columnCount ?? 0 })}
          </p>
          {sniffed.problem && <p role="alert">{say(sniffed.problem, lang)}</p>}
          {layout && (
            <div className="fit-table-scroll">
              <table className="fit-table" aria-label={t('calibration.file.preview')}>
                <thead>
                  <tr>
                    {Array.from({ length: layout.columnCount }, (_, index) => (
                      <th key={index} scope="col">
                        {columnName(index, layout.header, lang)}
                        <span className="fit-role">{roleOf(index, mapping, t)}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sniffed.rows.slice(0, PREVIEW_ROWS).map((row) => (
                    <tr key={row.line}>
                      {Array.from({ length: layout.columnCount }, (_, index) => (
                        <td key={index}>{row.cells[index] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
