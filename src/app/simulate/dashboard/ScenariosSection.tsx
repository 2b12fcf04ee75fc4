// Scenarios in the dashboard: save the run shown under a name (with the journey, cohort and settings it
// ran on), and tick two or three saved scenarios — of any journey — to compare them side by side, from
// a baseline the user picks (the oldest ticked until then). Shown
// only where the dashboard has storage and a simulation store around it (not around a bare report).
import { useCallback, useContext, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { MAX_COMPARED, MIN_COMPARED } from '../../../core/sim/analysis';
import { RepositoryError } from '../../persist/repository';
import { isComparableScenario, newScenarioId, type ComparableScenario, type ScenarioRecord, type ScenarioRepository } from '../../persist/scenarioRepository';
import { ServicesContext } from '../../services';
import { SimulationStoreContext } from '../SimulationStoreContext';
import type { SimulationStore } from '../simulationStore';
import { ScenarioComparison } from './ScenarioComparison';
import { ScenarioItem } from './ScenarioItem';
import { DashboardSection } from './sections';
import { cohortName, comparisonOrder, formatSavedAt } from './scenarioFormat';
import './scenarios.css';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export function ScenariosSection() {
  const services = useContext(ServicesContext);
  const store = useContext(SimulationStoreContext);
  if (!services || !store) return null;
  return <Scenarios repository={services.repository.scenarios} store={store} />;
}

function Scenarios({ repository, store }: { repository: ScenarioRepository; store: SimulationStore }) {
  const lang = useLang();
  const { t } = useTranslation();
  const run = useStore(store, (state) => state.run);
  const report = useStore(store, (state) => state.report);
  const stale = useStore(store, (state) => state.stale);
  const [scenarios, setScenarios] = useState<ScenarioRecord[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  // Picked in the comparison; until then (or once it is unticked) the oldest ticked is the baseline.
  const [baselineId, setBaselineId] = useState<string | null>(null);
  const [typedName, setTypedName] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The default name's date: when the dashboard opened (the run's own time is not kept in the store).
  const [openedAt] = useState(Date.now);
  const nameId = useId();
  const hintId = useId();

  const failed = useCallback(
    (caught: unknown) => setError(t('scenarios.failed', { message: caught instanceof RepositoryError ? say(caught.localizedMessage, lang) : String(caught) })),
    [t, lang],
  );
  const refresh = useCallback(async () => {
    try {
      setScenarios(await repository.list());
    } catch (caught) {
      failed(caught);
    }
  }, [repository, failed]);

  useEffect(() => {
    let current = true;
    repository.list().then(
      (list) => current && setScenarios(list),
      (caught: unknown) => current && failed(caught),
    );
    return () => {
      current = false;
    };
  }, [repository, failed]);

  const runCohort = useMemo(() => (run && report ? cohortName(run.cohort, report.cohort.id, lang) : ''), [run, report, lang]);
  const defaultName = run && report ? t('scenarios.defaultName', { journey: run.journey.name, cohort: runCohort, date: formatSavedAt(openedAt, lang) }) : '';
  const name = typedName ?? defaultName;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!run || !report) return;
    const record: ScenarioRecord = {
      id: newScenarioId(),
      name: name.trim() || defaultName,
      stale,
      journeyId: run.journey.id,
      savedAt: Date.now(),
      journey: run.journey,
      settings: { users: run.users, seed: run.seed, replications: report.replications, presetId: run.presetId },
      cohort: run.cohort,
      report,
    };
    try {
      await repository.put(record);
      setError(null);
      setTypedName(null);
      setAnnouncement(t('scenarios.saved', { name: record.name }));
      await refresh();
    } catch (caught) {
      failed(caught);
    }
  };

  const rename = async (scenario: ScenarioRecord, next: string) => {
    try {
      await repository.rename(scenario.id, next);
      setError(null);
      setAnnouncement(t('scenarios.renamed', { name: next }));
      await refresh();
    } catch (caught) {
      failed(caught);
    }
  };

  const remove = async (scenario: ScenarioRecord) => {
    try {
      await repository.remove(scenario.id);
      setError(null);
      setSelected((ids) => ids.filter((id) => id !== scenario.id));
      setAnnouncement(t('scenarios.removed', { name: scenario.name }));
      await refresh();
    } catch (caught) {
      failed(caught);
    }
  };

  const toggle = (id: string) => setSelected((ids) => (ids.includes(id) ? ids.filter((other) => other !== id) : ids.length < MAX_COMPARED ? [...ids, id] : ids));
  // Scenarios made by an older version of the simulator cannot be ticked, and are never compared.
  const compared = useMemo(
    () =>
      comparisonOrder(
        selected.map((id) => scenarios.find((scenario) => scenario.id === id)).filter((scenario): scenario is ComparableScenario => scenario !== undefined && isComparableScenario(scenario)),
        baselineId,
      ),
    [selected, scenarios, baselineId],
  );
  const outdated = scenarios.filter((scenario) => !isComparableScenario(scenario)).length;

  return (
    <DashboardSection title={t('scenarios.title')} wide>
      {run && report && (
        <form className="scenarios__save" onSubmit={save}>
          <label htmlFor={nameId}>{t('scenarios.name')}</label>
          <input id={nameId} type="text" value={name} maxLength={200} onChange={(event) => setTypedName(event.target.value)} />
          <button type="submit">{t('scenarios.save')}</button>
          {stale && <p className="scenarios__stale">{t('scenarios.staleNote')}</p>}
        </form>
      )}
      <p role="status" className="scenarios__status">
        {announcement}
      </p>
      {error && <p role="alert">{error}</p>}

      {scenarios.length === 0 ? (
        <p>{t('scenarios.none')}</p>
      ) : (
        <>
          <p id={hintId}>{t('scenarios.hint', { min: MIN_COMPARED, max: MAX_COMPARED })}</p>
          <ul className="scenarios__list" aria-label={t('scenarios.list')} aria-describedby={hintId}>
            {scenarios.map((scenario) => (
              <ScenarioItem
                key={scenario.id}
                scenario={scenario}
                checked={selected.includes(scenario.id)}
                full={selected.length >= MAX_COMPARED}
                onToggle={() => toggle(scenario.id)}
                onRename={(next) => rename(scenario, next)}
                onRemove={() => remove(scenario)}
              />
            ))}
          </ul>
          {outdated > 0 && (
            <p className="scenarios__stale" role="note">
              {t('scenarios.outdatedNote', { count: outdated })}
            </p>
          )}
        </>
      )}
      {compared.length >= MIN_COMPARED && <ScenarioComparison scenarios={compared} onBaselineChange={setBaselineId} />}
    </DashboardSection>
  );
}
