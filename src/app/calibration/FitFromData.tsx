// "Fit from your customer data…": a full-screen dialog that walks through the four steps — the file,
// the mapping, the read and fit (in a worker), the results — and saves the fitted cohort. Nothing
// leaves the browser.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { checkTransactionMapping, referenceDay, type TransactionMappingDraft } from '../../core/calibration/import';
import type { PopulationData, SegmentBy } from '../../core/calibration';
import type { Json } from '../cohorts/draft';
import { newCohortId } from '../cohorts/draft';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { defaultFitRunner, type FitRunner } from './fitRunner';
import type { FitRequest } from './protocol';
import { useFitJob } from './useFitJob';
import { detectLayout, useSniff, type LayoutSettings, type SniffResult } from './useSniff';
import { useProfileColumns } from './useProfileColumns';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { FitStep, type FitOptions } from './FitStep';
import { ImportReport } from './ImportReport';
import { FitResults, SaveFit } from './FitResults';
import './calibration.css';

const steps = ['file', 'mapping', 'fit', 'results'] as const;
type Step = (typeof steps)[number];

export const DEFAULT_FIT_PRESET = 'ecommerce';

export interface FitFromDataProps {
  onClose(): void;
  /** Stores the fitted cohort; false when it could not be stored (the caller says why). */
  save(spec: Json & { id: string }): Promise<boolean>;
  /** Stores the cohort's population (kept in this browser); false when it could not be stored (the caller says why). */
  savePopulation(population: PopulationData): Promise<boolean>;
  onSaved(id: string): void;
  runner?: FitRunner;
}

const segmentByOf = (choice: string): SegmentBy => (choice === 'none' || choice === 'rfm' ? choice : { column: choice.slice('column:'.length) });
const defaultCohortName = () => ({ en: i18n.getFixedT('en')('calibration.save.defaultName'), 'zh-CN': i18n.getFixedT('zh-CN')('calibration.save.defaultName') });

export function FitFromData({ onClose, save, savePopulation, onSaved, runner = defaultFitRunner }: FitFromDataProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<File | null>(null);
  const [layoutSettings, setLayoutSettings] = useState<LayoutSettings>(detectLayout);
  const sniffed = useSniff(file, layoutSettings);
  // The mapping being corrected belongs to one sniff: a new file or layout starts from its guess again.
  const [edited, setEdited] = useState<{ of: SniffResult; mapping: TransactionMappingDraft } | null>(null);
  const mapping = edited && edited.of === sniffed ? edited.mapping : (sniffed?.guess?.mapping ?? null);
  const checked = useMemo(() => (mapping ? checkTransactionMapping(mapping, sniffed?.layout?.header ?? null) : null), [mapping, sniffed]);
  const [profilesFile, setProfilesFile] = useState<File | null>(null);
  const profileColumns = useProfileColumns(profilesFile);
  const [campaignsFile, setCampaignsFile] = useState<File | null>(null);
  const [options, setOptions] = useState<FitOptions>({ calibrationEnd: '', segmentBy: 'none', presetId: DEFAULT_FIT_PRESET, population: false, keepIds: false });
  const job = useFitJob(runner, () => setStep('results'));
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [step]);

  const start = () => {
    if (!file || !sniffed?.layout || !checked?.mapping) return;
    const segmentBy = segmentByOf(options.segmentBy);
    const request: FitRequest = {
      transactions: file,
      transactionsName: file.name,
      settings: { encoding: layoutSettings.encoding, delimiter: sniffed.layout.delimiter, header: sniffed.layout.header !== null, mapping: checked.mapping },
      profiles: profilesFile ? { file: profilesFile, name: profilesFile.name } : null,
      campaigns: campaignsFile ? { file: campaignsFile, name: campaignsFile.name } : null,
      fit: {
        calibrationEnd: options.calibrationEnd ? referenceDay(options.calibrationEnd) : null,
        segmentBy,
        presetId: options.presetId,
        id: newCohortId('fitted-customers'),
        name: defaultCohortName(),
        population: options.population,
        keepIds: options.keepIds,
      },
    };
    job.start(request);
  };

  const outcome = job.state.kind === 'done' ? job.state.outcome : null;
  const saveCohort = async (name: string) => {
    if (!outcome?.cohort) return;
    const spec: Json & { id: string } = { ...(outcome.cohort as unknown as Json & { id: string }), name: { en: name, 'zh-CN': name } };
    // The population first: a cohort saved without the population the user asked for would look complete.
    if (outcome.population && !(await savePopulation(outcome.population))) return;
    if (await save(spec)) onSaved(spec.id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && job.state.kind !== 'running') {
      event.stopPropagation();
      onClose();
    }
  };
  const canNext = step === 'file' ? Boolean(sniffed?.layout && mapping) : step === 'mapping' ? Boolean(checked?.mapping) : false;
  const index = steps.indexOf(step);

  return (
    <div className="fit-backdrop" lang={lang}>
      <section className="fit-dialog" role="dialog" aria-modal="true" aria-labelledby="fit-dialog-heading" onKeyDown={onKeyDown}>
        <header className="fit-dialog__header">
          <h2 id="fit-dialog-heading" ref={heading} tabIndex={-1}>
            {t('calibration.title')}
          </h2>
          <button type="button" className="fit-dialog__close" aria-label={t('calibration.close')} title={t('calibration.close')} onClick={() => (job.cancel(), onClose())}>
            ×
          </button>
        </header>
        <p className="fit-help">{t('calibration.privacy')}</p>
        <ol className="fit-steps" aria-label={t('calibration.stepsLabel')}>
          {steps.map((name, at) => (
            <li key={name} aria-current={name === step ? 'step' : undefined} className={at < index ? 'fit-steps__done' : undefined}>
              {t(`calibration.steps.${name}`)}
            </li>
          ))}
        </ol>
        {step === 'file' && <FileStep file={file} onFile={(chosen) => (setFile(chosen), setLayoutSettings(detectLayout))} settings={layoutSettings} onSettings={setLayoutSettings} sniffed={sniffed} mapping={mapping} />}
        {step === 'mapping' && sniffed && mapping && (
          <MappingStep sniffed={sniffed} mapping={mapping} onMapping={(next) => setEdited({ of: sniffed, mapping: next })} problems={checked?.problems ?? []} profilesFile={profilesFile}
            onProfilesFile={setProfilesFile}
            campaignsFile={campaignsFile}
            onCampaignsFile={setCampaignsFile}
          />
        )}
        {step === 'fit' && (
          <FitStep
            options={options}
            onOptions={setOptions}
            profileColumns={profileColumns}
            running={job.state.kind === 'running'}
            progress={job.state.kind === 'running' ? job.state.progress : null}
            onStart={start}
            onCancel={job.cancel}
          />
        )}
        {step === 'results' && outcome && (
          <div className="fit-step">
            {outcome.importReport && file && <ImportReport report={outcome.importReport} fileName={file.name} />}
            {outcome.problem && (
              <p className="fit-problem" role="alert">
                {say(outcome.problem, lang)}
              </p>
            )}
            {outcome.fit && <FitResults report={outcome.fit} />}
            {outcome.cohort && <SaveFit defaultName={t('calibration.save.defaultName')} population={outcome.population} onSave={saveCohort} />}
          </div>
        )}
        <footer className="fit-dialog__footer">
          {index > 0 && job.state.kind !== 'running' && (
            <button type="button" onClick={() => setStep(step === 'results' ? 'mapping' : steps[index - 1]!)}>
              {step === 'results' ? t('calibration.backToMapping') : t('calibration.back')}
            </button>
          )}
          {index < 2 && (
            <button type="button" className="button--primary" disabled={!canNext} onClick={() => setStep(steps[index + 1]!)}>
              {t('calibration.next')}
            </button>
          )}
        </footer>
      </section>
    </div>
  );
}
