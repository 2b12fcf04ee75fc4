// The Simulate panel, over the side column while open (over the canvas's right on narrow screens): users, seed and cohort, Run; what in
// the journey does not fit the cohort picked (warnings, shown before the run); while running a progress
// bar and Cancel; then the headline numbers, the problems that stop the run, a stopped or failed note.
// It only shows the simulation store and calls its actions: the run itself happens in a worker.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { dataLanguage } from '../../core/i18n.ts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/index.ts';
import { formatLocation, type Problem } from '../../core/journey';
import { cohortPresets } from '../../core/cohort';
import { journeyFitWarnings } from '../../core/sim/engine';
import { useEditorStore } from '../store/useEditorStore';
import { useEditor } from '../store/useEditor';
import { useServices } from '../services';
import type { CohortRecord } from '../persist/cohortRepository';
import type { PopulationSummary } from '../persist/populationRepository';
import { isoDate } from '../../core/calibration/import';
import { cohortOfSettings, savedCohortValue } from './simulationStore';
import { sameValue } from './staleness';
import { useSimulation } from './useSimulation';
import { SimulationResults } from './SimulationResults';
import { OutdatedRunNotice } from './OutdatedRunNotice';
import { formatCount } from './format';
import { SIMULATE_BUTTON_ID, SIMULATION_PANEL_ID } from './ids';
import { failureText } from './failure';
import './simulate.css';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { CloseIcon, RunIcon, StopIcon } from '../icons';

export function SimulationPanel({ onSelectProblem }: { onSelectProblem(problem: Problem): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const editor = useEditorStore();
  const open = useSimulation((state) => state.open);
  const settings = useSimulation((state) => state.settings);
  const phase = useSimulation((state) => state.phase);
  const setOpen = useSimulation((state) => state.setOpen);
  const setSettings = useSimulation((state) => state.setSettings);
  const start = useSimulation((state) => state.start);
  const cancel = useSimulation((state) => state.cancel);
  const headingId = useId();
  const usersHelpId = useId();
  const seedHelpId = useId();
  const replicationsHelpId = useId();
  const usersInput = useRef<HTMLInputElement>(null);
  const { saved, populations } = useSavedCohorts(open);
  const populationHelpId = useId();
  // The picked saved cohort's population, if one is kept: its customers can be the run's users.
  const population = settings.savedCohort && settings.presetId === savedCohortValue(settings.savedCohort.id) ? populations.find((found) => found.cohortId === settings.savedCohort!.id) : undefined;
  const usingPopulation = Boolean(population && settings.population);

  useEffect(() => {
    if (open) usersInput.current?.focus();
  }, [open]);

  // The saved cohort picked may have been edited on the Cohorts screen since: run (and compare) on it as it is now.
  const pickedSaved = settings.savedCohort;
  useEffect(() => {
    if (!pickedSaved) return;
    const record = saved.find((cohort) => cohort.id === pickedSaved.id);
    if (record && !sameValue(record.spec, pickedSaved.spec)) setSettings({ savedCohort: { id: record.id, spec: record.spec } });
  }, [saved, pickedSaved, setSettings]);

  if (!open) return null;

  const close = () => {
    setOpen(false);
    document.getElementById(SIMULATE_BUTTON_ID)?.focus();
  };
  // Keys typed here are the panel's own (Delete on its buttons must not delete the selected step).
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') close();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const journey = editor.getState().journey;
    if (journey) start(journey);
  };
  const running = phase === 'running';

  return (
    <section id={SIMULATION_PANEL_ID} className="simulation-panel" role="dialog" aria-modal="false" aria-labelledby={headingId} lang={lang} onKeyDown={onKeyDown}>
      <header className="simulation-panel__header">
        <h2 id={headingId}>
          {t('simulate.title')}
        </h2>
        <button type="button" className="simulation-panel__close" aria-label={t('simulate.close')} title={t('simulate.close')} onClick={close}>
          <CloseIcon />
        </button>
      </header>
      <form className="simulation-panel__form" onSubmit={onSubmit} noValidate>
        <label className="simulation-panel__field">
          <span>{t('simulate.users')}</span>
          <input
            ref={usersInput}
            type="number"
            inputMode="numeric"
            min={1}
            max={10_000_000}
            step={1000}
            value={settings.users}
            disabled={running || usingPopulation}
            aria-describedby={usersHelpId}
            onChange={(event) => setSettings({ users: event.target.value })}
          />
          <small id={usersHelpId}>{t('simulate.usersHelp')}</small>
        </label>
        <label className="simulation-panel__field">
          <span>{t('simulate.seed')}</span>
          <input type="number" inputMode="numeric" step={1} value={settings.seed} disabled={running} aria-describedby={seedHelpId} onChange={(event) => setSettings({ seed: event.target.value })} />
          <small id={seedHelpId}>{t('simulate.seedHelp')}</small>
        </label>
        <label className="simulation-panel__field">
          <span>{t('simulate.replications')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            step={1}
            value={settings.replications}
            disabled={running}
            aria-describedby={replicationsHelpId}
            onChange={(event) => setSettings({ replications: event.target.value })}
          />
          <small id={replicationsHelpId}>{t('simulate.replicationsHelp')}</small>
        </label>
        <label className="simulation-panel__field">
          <span>{t('simulate.cohort')}</span>
          <select
            value={settings.presetId}
            disabled={running}
            onChange={(event) => {
              const record = saved.find((cohort) => savedCohortValue(cohort.id) === event.target.value);
              setSettings({ presetId: event.target.value, savedCohort: record ? { id: record.id, spec: record.spec } : null });
            }}
          >
            <optgroup label={t('cohorts.simulatePresets')}>
              {cohortPresets.map((preset) => (
                <option key={preset.id} value={preset.id}>
                  {preset.name[dataLanguage(lang)]}
                </option>
              ))}
            </optgroup>
            {saved.length > 0 && (
              <optgroup label={t('cohorts.simulateSaved')}>
                {saved.map((cohort) => (
                  <option key={cohort.id} value={savedCohortValue(cohort.id)}>
                    {cohortName(cohort, lang)}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        {population && (
          <div className="simulation-panel__field simulation-panel__population">
            <label>
              <input type="checkbox" checked={usingPopulation} disabled={running} aria-describedby={populationHelpId} onChange={(event) => setSettings({ population: event.target.checked })} />{' '}
              {t('simulate.population', { customers: formatCount(population.customers, lang) })}
            </label>
            <small id={populationHelpId}>{t('simulate.populationHelp', { date: isoDate(population.asOf), active: formatCount(population.active, lang) })}</small>
          </div>
        )}
        <div className="simulation-panel__actions">
          <button type="submit" className="simulation-panel__run" disabled={running}>
            <RunIcon /> {t('simulate.run')}
          </button>
          {running && (
            <button type="button" onClick={cancel}>
              <StopIcon /> {t('simulate.cancel')}
            </button>
          )}
        </div>
      </form>
      <FitWarnings onSelectProblem={onSelectProblem} />
      {running && <Progress />}
      {/* Announced when it changes: results, stopped, failed or problems. */}
      <div aria-live="polite">
        <Outcome onSelectProblem={onSelectProblem} />
      </div>
    </section>
  );
}

/** The saved cohorts (Cohorts screen) and the populations kept with them, read each time the panel opens; none when storage fails. */
function useSavedCohorts(open: boolean): { saved: CohortRecord[]; populations: PopulationSummary[] } {
  const { repository } = useServices();
  const [found, setFound] = useState<{ saved: CohortRecord[]; populations: PopulationSummary[] }>({ saved: [], populations: [] });
  useEffect(() => {
    if (!open) return;
    let live = true;
    Promise.all([repository.cohorts.list(), repository.populations.list().catch(() => [])]).then(
      ([saved, populations]) => live && setFound({ saved, populations }),
      () => live && setFound({ saved: [], populations: [] }),
    );
    return () => {
      live = false;
    };
  }, [open, repository]);
  return found;
}

function cohortName(record: CohortRecord, lang: Language): string {
  const name = (record.spec as { name?: unknown } | null)?.name;
  if (typeof name === 'string') return name;
  if (name && typeof name === 'object' && typeof (name as Record<string, unknown>)[lang] === 'string') return (name as Record<string, string>)[lang]!;
  return record.id;
}

function Progress() {
  const lang = useLang();
  const { t } = useTranslation();
  const { done, total } = useSimulation((state) => state.progress);
  const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  const text = t('simulate.progressText', { done: formatCount(done, lang), total: formatCount(total, lang) });
  return (
    <div className="simulation-progress">
      <div
        className="simulation-progress__bar"
        role="progressbar"
        aria-label={t('simulate.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('simulate.progressValue', { percent, text })}
      >
        <div className="simulation-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="simulation-progress__text">{text}</p>
    </div>
  );
}

function Outcome({ onSelectProblem }: { onSelectProblem(problem: Problem): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const phase = useSimulation((state) => state.phase);
  const problems = useSimulation((state) => state.problems);
  const headingId = useId();
  if (phase === 'done') return <SimulationResults />;
  // A saved run of an older simulator: only the note to run again, none of its figures.
  if (phase === 'idle') return <OutdatedRunNotice />;
  if (phase === 'stopped')
    return (
      <p className="simulation-panel__note" role="status">
        {t('simulate.stopped')}
      </p>
    );
  if (phase === 'failed')
    return (
      <p className="simulation-panel__note simulation-panel__note--error" role="alert">
        {t('simulate.failed', { message: problems.map((problem) => failureText(problem, lang)).join(' ') })}
      </p>
    );
  if (phase !== 'problems') return null;
  return (
    <section className="simulation-problems" role="alert" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('simulate.problems')}</h3>
      <p>{t('simulate.problemsIntro')}</p>
      <ProblemList problems={problems} onSelectProblem={onSelectProblem} />
    </section>
  );
}

/**
 * What the journey reads that the cohort picked lacks, and the paths none of its users can take
 * (core/sim/engine/cohortFit.ts): warnings, so the run still goes ahead. Worked out here, as the journey
 * and the cohort change, so they are seen before Run is pressed; nothing while the journey has errors.
 */
function FitWarnings({ onSelectProblem }: { onSelectProblem(problem: Problem): void }) {
  const { t } = useTranslation();
  const journey = useEditor((state) => state.journey);
  const cohort = cohortOfSettings(useSimulation((state) => state.settings)).spec;
  const warnings = useMemo(() => (journey ? journeyFitWarnings(journey, cohort) : null), [journey, cohort]);
  const headingId = useId();
  // Nothing to say of a journey or cohort that does not check: the run's own problems say why.
  if (warnings === null) return null;
  if (warnings.length === 0) return <p className="simulation-fit-ok">{t('simulate.fitOk')}</p>;
  return (
    <section className="simulation-problems simulation-problems--warning" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('simulate.fitHeading')}</h3>
      <p>{t('simulate.fitIntro')}</p>
      <ProblemList problems={warnings} onSelectProblem={onSelectProblem} />
    </section>
  );
}

/** Problems as buttons that take the editor to where each is. */
function ProblemList({ problems, onSelectProblem }: { problems: Problem[]; onSelectProblem(problem: Problem): void }) {
  const lang = useLang();
  return (
    <ul>
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${index}`}>
          <button type="button" className="simulation-problems__item" onClick={() => onSelectProblem(problem)}>
            <span className="simulation-problems__meta">
              <code>{problem.code}</code> {say(formatLocation(problem.location), lang)}
            </span>
            <span>{say(problem.message, lang)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
