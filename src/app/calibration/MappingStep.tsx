// Step 2: which column holds what, the date format (with examples, and a note when day and month could
// be either way round), time zone, currency, reference date and the duplicates rule — every guess
// correctable, the mapping's problems shown as they arise. And, optionally, a profiles file and a
// campaign history file.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../core/i18n';
import { timeZoneChoices } from '../../core/calibration/import';
import { dateFormats, detectDateFormat, duplicateRules, isoDateTime, parseDate, transactionFields, type DateFormat, type TransactionField, type TransactionMappingDraft } from '../../core/calibration/import';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { columnName } from './labels';
import type { SniffResult } from './useSniff';

const required: readonly TransactionField[] = ['customerId', 'date', 'amount'];
const EXAMPLES = 3;

export interface MappingStepProps {
  sniffed: SniffResult;
  mapping: TransactionMappingDraft;
  onMapping(mapping: TransactionMappingDraft): void;
  problems: readonly Message[];
  profilesFile: File | null;
  onProfilesFile(file: File | null): void;
  campaignsFile: File | null;
  onCampaignsFile(file: File | null): void;
}

export function MappingStep({ sniffed, mapping, onMapping, problems, profilesFile, onProfilesFile, campaignsFile, onCampaignsFile }: MappingStepProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const problemsId = useId();
  const layout = sniffed.layout!;
  const set = <K extends keyof TransactionMappingDraft>(key: K, value: TransactionMappingDraft[K]) => onMapping({ ...mapping, [key]: value });
  const dateValues = mapping.date === null ? [] : sniffed.rows.map((row) => row.cells[mapping.date!] ?? '').filter((value) => value.trim() !== '');
  const detected = detectDateFormat(dateValues);
  const examples = mapping.dateFormat === null ? [] : dateValues.slice(0, EXAMPLES).map((text) => ({ text, read: readDate(text, mapping.dateFormat!) }));
  const described = problems.length > 0 ? problemsId : undefined;
  return (
    <div className="fit-step">
      <fieldset className="fit-fields">
        <legend>{t('calibration.mapping.columns')}</legend>
        {transactionFields.map((field) => (
          <label key={field}>
            <span>
              {t(`calibration.fields.${field}`)}
              {required.includes(field) && <span aria-hidden="true"> *</span>}
            </span>
            <select required={required.includes(field)} aria-describedby={described} value={mapping[field] ?? ''} onChange={(event) => set(field, event.target.value === '' ? null : Number(event.target.value))}>
              <option value="">{required.includes(field) ? t('calibration.mapping.choose') : t('calibration.mapping.none')}</option>
              {Array.from({ length: layout.columnCount }, (_, index) => (
                <option key={index} value={index}>
                  {columnName(index, layout.header, lang)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <fieldset className="fit-fields">
        <legend>{t('calibration.mapping.values')}</legend>
        <label>
          {t('calibration.mapping.dateFormat')}
          <select aria-describedby={described} value={mapping.dateFormat ?? ''} onChange={(event) => set('dateFormat', (event.target.value || null) as DateFormat | null)}>
            <option value="">{t('calibration.mapping.choose')}</option>
            {dateFormats.map((format) => (
              <option key={format} value={format}>
                {t(`calibration.dateFormats.${format}`)}
                {format === detected.format ? ` ${t('calibration.mapping.detectedMark')}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('calibration.mapping.timeZone')}
          <select value={mapping.timeZone} onChange={(event) => set('timeZone', event.target.value as TransactionMappingDraft['timeZone'])}>
            {timeZoneChoices.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('calibration.mapping.currency')}
          <input value={mapping.currency} maxLength={3} size={4} onChange={(event) => set('currency', event.target.value.toUpperCase())} aria-describedby={described} />
        </label>
        <label>
          {t('calibration.mapping.referenceDate')}
          <input type="date" value={mapping.referenceDate ?? ''} onChange={(event) => set('referenceDate', event.target.value || null)} />
        </label>
        <label>
          {t('calibration.mapping.duplicates')}
          <select value={mapping.duplicates} onChange={(event) => set('duplicates', event.target.value as TransactionMappingDraft['duplicates'])}>
            {duplicateRules.map((rule) => (
              <option key={rule} value={rule}>
                {t(`calibration.mapping.duplicateRules.${rule}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="fit-check">
          <input type="checkbox" checked={mapping.decimalComma} onChange={(event) => set('decimalComma', event.target.checked)} />
          {t('calibration.mapping.decimalComma')}
        </label>
      </fieldset>
      <div className="fit-dates" aria-live="polite">
        {examples.length > 0 && (
          <>
            <p>{t('calibration.mapping.examples')}</p>
            <ul aria-label={t('calibration.mapping.examples')}>
              {examples.map((example, index) => (
                <li key={index}>
                  <code>{example.text}</code> → {example.read ?? t('calibration.mapping.notADate')}
                </li>
              ))}
            </ul>
          </>
        )}
        {detected.ambiguous && (mapping.dateFormat === 'dmy' || mapping.dateFormat === 'mdy') && (
          <p className="fit-note" role="note">
            {t('calibration.mapping.ambiguous', { example: detected.examples[0]?.text ?? '', read: detected.examples[0]?.read ?? '', otherwise: detected.examples[0]?.otherwise ?? '' })}
          </p>
        )}
      </div>
      {problems.length > 0 && (
        <ul id={problemsId} className="fit-problems" role="alert">
          {problems.map((problem, index) => (
            <li key={index}>{say(problem, lang)}</li>
          ))}
        </ul>
      )}
      <SideFile
        legend={t('calibration.mapping.profiles')}
        label={t('calibration.mapping.profilesFile')}
        help={t('calibration.mapping.profilesHelp')}
        chosen={profilesFile ? t('calibration.mapping.profilesChosen', { name: profilesFile.name }) : null}
        remove={t('calibration.mapping.profilesRemove')}
        onFile={onProfilesFile}
      />
      <SideFile
        legend={t('calibration.mapping.campaigns')}
        label={t('calibration.mapping.campaignsFile')}
        help={t('calibration.mapping.campaignsHelp')}
        chosen={campaignsFile ? t('calibration.mapping.campaignsChosen', { name: campaignsFile.name }) : null}
        remove={t('calibration.mapping.campaignsRemove')}
        onFile={onCampaignsFile}
      />
    </div>
  );
}

function readDate(text: string, format: DateFormat): string | null {
  const read = parseDate(text, format, 'UTC');
  return read === null ? null : isoDateTime(read);
}

/** An optional file read beside the transactions, its columns recognised by their names. */
function SideFile({ legend, label, help, chosen, remove, onFile }: { legend: string; label: string; help: string; chosen: string | null; remove: string; onFile(file: File | null): void }) {
  return (
    <fieldset className="fit-fields">
      <legend>{legend}</legend>
      <label>
        {label}
        <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={(event) => onFile(event.target.files?.[0] ?? null)} />
      </label>
      {chosen && (
        <p>
          {chosen}{' '}
          <button type="button" onClick={() => onFile(null)}>
            {remove}
          </button>
        </p>
      )}
      <p className="fit-help">{help}</p>
    </fieldset>
  );
}
