// The Cohorts screen (#/cohorts): saved cohorts (edit, rename, duplicate, export, delete), the industry
// presets to start from (copied into a new saved cohort), and import of .cohort.json files. With a
// cohort id (#/cohorts/<id>) it edits that cohort.
import { useCallback, useDeferredValue, useEffect, useMemo, useState, type FormEvent } from 'react';
import { dataLanguage } from '../../core/i18n.ts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/index.ts';
import { formatLocation, type Problem } from '../../core/journey';
import { isPlainObject } from '../../core/journey';
import { checkCohort } from '../../core/cohort';
import { cohortPresets } from '../../core/cohort';
import { useServices } from '../services';
import { RepositoryError } from '../persist/repository';
import type { CohortRecord } from '../persist/cohortRepository';
import { downloadText } from '../persist/files';
import { readDocumentFile } from '../persist/documentFile';
import { cohortFileName, exportCohortJson, parseCohortFile } from './cohortFiles';
import { CohortEditor } from './CohortEditor';
import { newCohortId, textIn, withText, type Json } from './draft';
import { ImportFileButton } from '../ImportFileButton';
import { FitFromData } from '../calibration/FitFromData';
import type { PopulationData } from '../../core/calibration';
import './cohorts.css';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { CloseIcon } from '../icons';

type Notice = { kind: 'info' | 'error'; text: string; problems?: Problem[] };

const errorText = (error: unknown, lang: Language) => (error instanceof RepositoryError ? say(error.localizedMessage, lang) : error instanceof Error ? error.message : String(error));

export interface CohortsScreenProps {
  /** The cohort being edited; null for the list. */
  cohortId: string | null;
  onOpen(cohortId: string | null): void;
  onHome(): void;
}

export function CohortsScreen({ cohortId, onOpen, onHome }: CohortsScreenProps) {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <div className="cohorts-screen" lang={lang}>
      <nav className="cohorts-screen__nav">
        <a href="#/" onClick={onHome}>
          ← {t('cohorts.back')}
        </a>
        {cohortId && (
          <a href="#/cohorts" onClick={() => onOpen(null)}>
            {t('cohorts.heading')}
          </a>
        )}
      </nav>
      {cohortId ? <CohortEditScreen key={cohortId} cohortId={cohortId} /> : <CohortList onOpen={onOpen} />}
    </div>
  );
}

function NoticeView({ notice, onClose }: { notice: Notice; onClose(): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  return (
    <div className={`cohorts-notice cohorts-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {notice.problems && notice.problems.length > 0 && (
        <ul>
          {notice.problems.map((problem, index) => (
            <li key={index}>
              <code>{problem.code}</code> {say(formatLocation(problem.location), lang)}: {say(problem.message, lang)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" aria-label={t('editor.close')} onClick={onClose}>
        <CloseIcon />
      </button>
    </div>
  );
}

function CohortList({ onOpen }: { onOpen(id: string): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const { repository } = useServices();
  const [cohorts, setCohorts] = useState<CohortRecord[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [fitting, setFitting] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setCohorts(await repository.cohorts.list());
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, lang) });
      setCohorts([]);
    }
  }, [repository, lang]);

  useEffect(() => {
    let live = true;
    repository.cohorts.list().then(
      (list) => live && setCohorts(list),
      (error: unknown) => live && (setNotice({ kind: 'error', text: errorText(error, lang) }), setCohorts([])),
    );
    return () => {
      live = false;
    };
  }, [repository, lang]);

  const put = async (spec: Json & { id: string }): Promise<boolean> => {
    try {
      await repository.cohorts.put(spec);
      await refresh();
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: t('cohorts.storageFailed', { message: errorText(error, lang) }) });
      return false;
    }
  };

  const putPopulation = async (population: PopulationData): Promise<boolean> => {
    try {
      await repository.populations.put(population);
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: t('cohorts.populationStorageFailed', { message: errorText(error, lang) }) });
      return false;
    }
  };

  const copyPreset = async (presetId: string) => {
    const preset = cohortPresets.find((candidate) => candidate.id === presetId);
    if (!preset) return;
    const spec = structuredClone(preset.spec) as unknown as Json;
    const id = newCohortId(preset.id);
    const copy = { ...spec, id, name: { en: `${preset.name.en} (copy)`, 'zh-CN': `${preset.name['zh-CN']}（副本）` } };
    if (await put(copy)) onOpen(id);
  };

  const duplicate = async (record: CohortRecord) => {
    if (!isPlainObject(record.spec)) return;
    const name = record.spec.name;
    await put({ ...structuredClone(record.spec), id: newCohortId(record.id), name: { en: `${textIn(name, 'en')} (copy)`, 'zh-CN': `${textIn(name, 'zh-CN')}（副本）` } });
  };

  const rename = async (record: CohortRecord, event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (!text || !isPlainObject(record.spec)) return setRenaming(null);
    setRenaming(null);
    await put({ ...record.spec, id: record.id, name: withText(record.spec.name, lang, text) });
  };

  const remove = async (record: CohortRecord) => {
    try {
      await repository.cohorts.remove(record.id);
      setNotice({ kind: 'info', text: t('cohorts.deleted', { name: nameOf(record, lang) }) });
      await refresh();
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, lang) });
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    // Each import says its own outcome: the message of a file before it never stays on screen.
    setNotice(null);
    try {
      const chosen = await readDocumentFile(file);
      if (!chosen.ok) return setNotice({ kind: 'error', text: say(chosen.message, lang) });
      const read = parseCohortFile(chosen.text);
      if (!read.ok) {
        setNotice({ kind: 'error', text: read.notJson ? t('cohorts.notJson') : t('cohorts.importRefused'), problems: read.problems });
        return;
      }
      // Never overwrite a saved cohort on import: a clash of ids gets a fresh one.
      const spec = (await repository.cohorts.get(read.spec.id)) ? { ...read.spec, id: newCohortId(read.spec.id) } : read.spec;
      if (await put(spec as unknown as Json & { id: string })) setNotice({ kind: 'info', text: t('cohorts.imported', { name: textIn(spec.name, lang) }) });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, lang) });
    }
  };

  return (
    <div className="cohorts-list-screen">
      <h2>{t('cohorts.heading')}</h2>
      <p className="cohorts-intro">{t('cohorts.intro')}</p>
      {notice && <NoticeView notice={notice} onClose={() => setNotice(null)} />}
      <section aria-labelledby="cohorts-saved-heading">
        <div className="cohorts-bar">
          <h3 id="cohorts-saved-heading">{t('cohorts.savedHeading')}</h3>
          <ImportFileButton label={t('cohorts.import')} inputLabel={t('cohorts.importFile')} accept=".json,application/json" onFile={(file) => void importFile(file)} />
          <button type="button" onClick={() => setFitting(true)}>
            {t('calibration.open')}
          </button>
        </div>
        {fitting && <FitFromData onClose={() => setFitting(false)} save={put} savePopulation={putPopulation} onSaved={(id) => (setFitting(false), onOpen(id))} />}
        {cohorts === null ? (
          <p role="status">{t('cohorts.loading')}</p>
        ) : cohorts.length === 0 ? (
          <p>{t('cohorts.none')}</p>
        ) : (
          <ul className="cohorts-list" aria-label={t('cohorts.savedHeading')}>
            {cohorts.map((record) => {
              const name = nameOf(record, lang);
              const spec = isPlainObject(record.spec) ? record.spec : {};
              const segments = Array.isArray(spec.segments) ? spec.segments.length : 0;
              return (
                <li key={record.id} className="cohorts-list__item">
                  {renaming === record.id ? (
                    <form onSubmit={(event) => void rename(record, event)}>
                      <label>
                        <span className="visually-hidden">{t('cohorts.name')}</span>
                        <input name="name" defaultValue={name} autoFocus />
                      </label>
                      <button type="submit">{t('cohorts.saveName')}</button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        {t('cohorts.cancel')}
                      </button>
                    </form>
                  ) : (
                    <a className="cohorts-list__name" href={`#/cohorts/${encodeURIComponent(record.id)}`} onClick={() => onOpen(record.id)}>
                      {name}
                    </a>
                  )}
                  <span className="cohorts-list__meta">
                    {t('cohorts.segmentsCount', { count: segments })} · {t('cohorts.usersCount', { count: typeof spec.size === 'number' ? spec.size : 10000 })}
                  </span>
                  <span className="cohorts-list__actions">
                    <button type="button" aria-label={`${t('cohorts.rename')}: ${name}`} onClick={() => setRenaming(record.id)}>
                      {t('cohorts.rename')}
                    </button>
                    <button type="button" aria-label={`${t('cohorts.duplicate')}: ${name}`} onClick={() => void duplicate(record)}>
                      {t('cohorts.duplicate')}
                    </button>
                    <button type="button" aria-label={`${t('cohorts.export')}: ${name}`} onClick={() => downloadText(cohortFileName({ name: spec.name, id: record.id }), exportCohortJson(record.spec))}>
                      {t('cohorts.export')}
                    </button>
                    <button type="button" aria-label={`${t('cohorts.delete')}: ${name}`} onClick={() => void remove(record)}>
                      {t('cohorts.delete')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="cohorts-presets-heading">
        <h3 id="cohorts-presets-heading">{t('cohorts.presetsHeading')}</h3>
        <ul className="cohorts-presets">
          {cohortPresets.map((preset) => (
            <li key={preset.id}>
              <strong>{preset.name[dataLanguage(lang)]}</strong>
              <p>{preset.description[dataLanguage(lang)]}</p>
              <button type="button" aria-label={`${t('cohorts.copyPreset')}: ${preset.name[dataLanguage(lang)]}`} onClick={() => void copyPreset(preset.id)}>
                {t('cohorts.copyPreset')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

const nameOf = (record: CohortRecord, lang: Language): string => (isPlainObject(record.spec) ? textIn(record.spec.name, lang) : '') || record.id;

function CohortEditScreen({ cohortId }: { cohortId: string }) {
  const lang = useLang();
  const { t } = useTranslation();
  const { repository } = useServices();
  const [draft, setDraft] = useState<Json | null>(null);
  const [state, setState] = useState<'loading' | 'missing' | 'ready'>('loading');
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Checking a whole cohort on every keystroke is the slow part of typing: the fields show the typed
  // text at once, and the problems follow when React has time.
  const checkedDraft = useDeferredValue(draft);
  const checked = useMemo(() => checkCohort(checkedDraft), [checkedDraft]);
  const change = useCallback((update: (current: Json) => Json) => {
    setDraft((current) => (current ? update(current) : current));
    setDirty(true);
    setNotice(null);
  }, []);

  useEffect(() => {
    let live = true;
    repository.cohorts.get(cohortId).then(
      (record) => {
        if (!live) return;
        if (record && isPlainObject(record.spec)) {
          setDraft(record.spec);
          setState('ready');
        } else setState('missing');
      },
      (error: unknown) => live && (setState('missing'), setNotice({ kind: 'error', text: errorText(error, lang) })),
    );
    return () => {
      live = false;
    };
  }, [repository, cohortId, lang]);

  if (state === 'loading') return <p role="status">{t('cohorts.loading')}</p>;
  if (state === 'missing' || !draft)
    return (
      <>
        {notice && <NoticeView notice={notice} onClose={() => setNotice(null)} />}
        <p role="alert">{t('cohorts.missing')}</p>
      </>
    );

  const save = async () => {
    const { spec, problems } = checkCohort(draft);
    if (!spec) {
      setNotice({ kind: 'error', text: t('cohorts.saveBlocked'), problems: problems.filter((problem) => problem.severity === 'error') });
      return;
    }
    try {
      await repository.cohorts.put({ ...draft, id: cohortId });
      setDirty(false);
      setNotice({ kind: 'info', text: t('cohorts.saved') });
    } catch (error) {
      setNotice({ kind: 'error', text: t('cohorts.storageFailed', { message: errorText(error, lang) }) });
    }
  };

  return (
    <div className="cohort-edit-screen">
      <div className="cohorts-bar">
        <h2>{textIn(draft.name, lang) || cohortId}</h2>
        {dirty && <span className="cohorts-dirty">{t('cohorts.unsaved')}</span>}
        <button type="button" className="button--primary" onClick={() => void save()}>
          {t('cohorts.save')}
        </button>
        <button type="button" onClick={() => downloadText(cohortFileName({ name: draft.name, id: cohortId }), exportCohortJson(draft))}>
          {t('cohorts.export')}
        </button>
      </div>
      <div aria-live="polite">{notice && <NoticeView notice={notice} onClose={() => setNotice(null)} />}</div>
      <p className="cohorts-summary">{checked.problems.length === 0 ? t('cohorts.noProblems') : t('cohorts.problemsHeading', { count: checked.problems.length })}</p>
      <CohortEditor draft={draft} problems={checked.problems} onChange={change} />
    </div>
  );
}
