// Step 3: what to fit (calibration end, segments, the preset that fills the rest), then the read and
// the fit in a worker, with a progress bar and Cancel.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { dataLanguage } from '../../core/i18n';
import { cohortPresets } from '../../core/cohort';
import { useLang } from '../i18n/useLang';
import type { FitProgress } from './protocol';

export interface FitOptions {
  /** YYYY-MM-DD, or '' for none. */
  calibrationEnd: string;
  /** 'none', 'rfm', or 'column:NAME'. */
  segmentBy: string;
  presetId: string;
  /** Also keep a population: every customer as one simulated user. */
  population: boolean;
  /** Keep the population's customer ids as they are (else salted and hashed). */
  keepIds: boolean;
}

export interface FitStepProps {
  options: FitOptions;
  onOptions(options: FitOptions): void;
  profileColumns: readonly string[];
  running: boolean;
  progress: FitProgress | null;
  onStart(): void;
  onCancel(): void;
}

export function FitStep({ options, onOptions, profileColumns, running, progress, onStart, onCancel }: FitStepProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const populationHelp = useId();
  const percent = progress && progress.size > 0 ? Math.round((100 * progress.bytes) / progress.size) : 0;
  return (
    <div className="fit-step">
      <fieldset className="fit-fields" disabled={running}>
        <legend>{t('calibration.fit.options')}</legend>
        <label>
          {t('calibration.fit.calibrationEnd')}
          <input type="date" value={options.calibrationEnd} onChange={(event) => onOptions({ ...options, calibrationEnd: event.target.value })} />
        </label>
        <p className="fit-help">{t('calibration.fit.calibrationEndHelp')}</p>
        <label>
          {t('calibration.fit.segmentBy')}
          <select value={options.segmentBy} onChange={(event) => onOptions({ ...options, segmentBy: event.target.value })}>
            <option value="none">{t('calibration.fit.segmentNone')}</option>
            <option value="rfm">{t('calibration.fit.segmentRfm')}</option>
            {profileColumns.map((column) => (
              <option key={column} value={`column:${column}`}>
                {t('calibration.fit.segmentColumn', { column })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('calibration.fit.preset')}
          <select value={options.presetId} onChange={(event) => onOptions({ ...options, presetId: event.target.value })}>
            {cohortPresets.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name[dataLanguage(lang)]}
              </option>
            ))}
          </select>
        </label>
        <p className="fit-help">{t('calibration.fit.presetHelp')}</p>
        <label className="fit-check">
          <input type="checkbox" checked={options.population} aria-describedby={populationHelp} onChange={(event) => onOptions({ ...options, population: event.target.checked })} />
          {t('calibration.fit.population')}
        </label>
        <p className="fit-help" id={populationHelp}>
          {t('calibration.fit.populationHelp')}
        </p>
        {options.population && (
          <label className="fit-check">
            <input type="checkbox" checked={options.keepIds} onChange={(event) => onOptions({ ...options, keepIds: event.target.checked })} />
            {t('calibration.fit.keepIds')}
          </label>
        )}
      </fieldset>
      {running ? (
        <div className="fit-progress">
          <progress max={100} value={percent} aria-label={t('calibration.fit.progressLabel')} />
          <p role="status">
            {progress?.phase === 'fitting'
              ? t('calibration.fit.fitting', { rows: progress.rows.toLocaleString(lang) })
              : progress?.phase === 'population'
                ? t('calibration.fit.buildingPopulation')
                : progress?.phase === 'profiles'
                  ? t('calibration.fit.readingProfiles', { percent })
                  : progress?.phase === 'campaigns'
                    ? t('calibration.fit.readingCampaigns', { percent })
                    : t('calibration.fit.reading', { percent, rows: (progress?.rows ?? 0).toLocaleString(lang) })}
          </p>
          <button type="button" onClick={onCancel}>
            {t('calibration.fit.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button--primary" onClick={onStart}>
          {t('calibration.fit.start')}
        </button>
      )}
    </div>
  );
}
