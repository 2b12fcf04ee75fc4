// One saved scenario in the list: its tick box (named by the scenario), what it ran on, and renaming
// and deleting it. Renaming swaps the name for a text field until saved or cancelled.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isComparableScenario, type ScenarioRecord } from '../../persist/scenarioRepository';
import { storedCohortId } from '../../persist/runRepository';
import { cohortName, formatSavedAt } from './scenarioFormat';
import { useLang } from '../../i18n/useLang';

export interface ScenarioItemProps {
  scenario: ScenarioRecord;
  checked: boolean;
  /** As many are ticked as can be compared: the others cannot be ticked. */
  full: boolean;
  onToggle(): void;
  onRename(name: string): Promise<void>;
  onRemove(): Promise<void>;
}

export function ScenarioItem({ scenario, checked, full, onToggle, onRename, onRemove }: ScenarioItemProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const boxId = useId();
  const detailId = useId();

  // When the field goes away, focus goes back to the button that opened it.
  const refocus = useRef(false);
  const editing = renaming !== null;
  useEffect(() => {
    if (editing) field.current?.focus();
    else if (refocus.current) renameButton.current?.focus();
    refocus.current = false;
  }, [editing]);

  const finish = () => {
    refocus.current = true;
    setRenaming(null);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = renaming?.trim();
    if (next && next !== scenario.name) await onRename(next);
    finish();
  };

  const onRenameKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Escape cancels the renaming only; the dashboard dialog stays open.
    event.stopPropagation();
    finish();
  };

  // Made by an older version of the simulator: listed (to rename or delete), never compared.
  const outdated = !isComparableScenario(scenario);
  // Reading the cohort's name checks its spec: once per scenario, not on every keystroke around it.
  const detail = useMemo(
    () =>
      [
        scenario.journey.name,
        cohortName(scenario.cohort, storedCohortId(scenario.report), lang),
        formatSavedAt(scenario.savedAt, lang),
        ...(scenario.stale ? [t('scenarios.staleMark')] : []),
        ...(outdated ? [t('scenarios.outdatedMark')] : []),
      ].join(' · '),
    [scenario, outdated, lang, t],
  );

  return (
    <li className="scenarios__item">
      <input id={boxId} type="checkbox" checked={checked} disabled={outdated || (!checked && full)} aria-describedby={detailId} onChange={onToggle} />
      {/* The box keeps its name while the name is being edited. */}
      <label htmlFor={boxId} className={renaming === null ? 'scenarios__name' : 'visually-hidden'}>
        {scenario.name}
      </label>
      <span id={detailId} className={renaming === null ? 'scenarios__detail' : 'visually-hidden'}>
        {detail}
      </span>
      {renaming === null ? (
        <>
          <button ref={renameButton} type="button" aria-label={t('scenarios.rename', { name: scenario.name })} onClick={() => setRenaming(scenario.name)}>
            {t('scenarios.renameShort')}
          </button>
          <button type="button" aria-label={t('scenarios.delete', { name: scenario.name })} onClick={() => void onRemove()}>
            {t('scenarios.deleteShort')}
          </button>
        </>
      ) : (
        <form className="scenarios__rename" onSubmit={submit} onKeyDown={onRenameKey}>
          <input
            ref={field}
            type="text"
            value={renaming}
            maxLength={200}
            aria-label={t('scenarios.newName', { name: scenario.name })}
            onChange={(event) => setRenaming(event.target.value)}
          />
          <button type="submit">{t('scenarios.renameSave')}</button>
          <button type="button" onClick={finish}>
            {t('scenarios.renameCancel')}
          </button>
        </form>
      )}
    </li>
  );
}
