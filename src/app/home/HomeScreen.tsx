import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Message, dataLanguage } from '../../core/i18n';
import type { Language } from '../i18n/index.ts';
import type { JourneyDocument } from '../../core/journey';
import { formatLocation, type Problem } from '../../core/journey';
import { duplicateJourney, emptyJourney, renameJourney } from '../../core/editor';
import { checkJourney } from '../../core/journey';
// Only the gallery's summaries: a template's steps load when it is used (createFromTemplate).
import { templateSummaries } from '../../core/templateSummaries';
import type * as Templates from '../../core/templates';
import { useServices } from '../services';
import { RepositoryError, toStorageError, type JourneySummary } from '../persist/repository';
import { readDocumentFile } from '../persist/documentFile';
import { hasShareLink, withoutShare } from '../persist/shareLink';
import { checkJourneyImport, type JourneyImportResult } from '../persist/journeyImport';
import { persistMessages } from '../persist/persistMessages';
import { newJourneyId } from './newJourneyId';
import { JourneyLanguageBadge } from './JourneyLanguageBadge';
import { ImportFileButton } from '../ImportFileButton';
import './home.css';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { CloseIcon } from '../icons';

type Notice = { kind: 'info' | 'error'; text: string; problems?: Problem[]; undo?: () => void };

/** What storing went wrong with, in the user's words: the repository's own sentence (quota…), or the
 *  browser's error as a failed save. */
const storageErrorText = (error: unknown, lang: Language): string => say((error instanceof RepositoryError ? error.localizedMessage : toStorageError(error).message), lang);

/**
 * Takes the share link out of the address bar, before anything reads it: a link that cannot be read
 * (or that breaks the page) must not come back on every reload. Idempotent.
 */
function stripShareFromAddress(): void {
  if (hasShareLink(window.location.hash)) history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}${withoutShare(window.location.hash)}`);
}

/** The journeys list: create (empty or from a template), open, rename, duplicate, delete, search, import. */
export function HomeScreen({ onOpen }: { onOpen(id: string): void }) {
  const lang = useLang();
  const { t } = useTranslation();
  const { repository, tabId, storageWarning } = useServices();
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  // A share link in the address offers to import the journey it carries as a copy. Only noted here
  // (reading it could throw during render); read off the main thread by the effect below. An object,
  // so the same link pasted again is read again.
  const [arrival, setArrival] = useState(() => (hasShareLink(window.location.hash) ? { hash: window.location.hash } : null));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [shared, setShared] = useState<JourneyDocument | null>(null);
  /** Whether the shared link is being read, and the name of the file being checked, shown while each
   *  takes: apart, so the end of one never clears the line of the other. */
  const [readingShare, setReadingShare] = useState(() => arrival !== null);
  const [checkingFile, setCheckingFile] = useState<string | null>(null);
  /** Counts imports, so a slow earlier one never overwrites what a later one says. */
  const importCount = useRef(0);

  const refresh = useCallback(async () => {
    try {
      setJourneys(await repository.list());
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
      setJourneys([]);
    }
  }, [repository]);

  useEffect(() => {
    let live = true;
    const load = () =>
      repository.list().then(
        (list) => live && setJourneys(list),
        (error: unknown) => live && setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) }),
      );
    void load();
    const stop = repository.watch(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [repository]);

  // A share link pasted into the address while this screen is open arrives as a hash change.
  useEffect(() => {
    const onHashChange = () => {
      if (!hasShareLink(window.location.hash)) return;
      setShared(null);
      setNotice(null);
      setReadingShare(true);
      setArrival({ hash: window.location.hash });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // The share link: out of the address first, then read in a worker; whatever happens is shown.
  useEffect(() => {
    if (!arrival) return;
    stripShareFromAddress();
    // Leaving the screen (or a newer link) stops the check where it is: no worker runs on for nothing.
    const stop = new AbortController();
    void checkJourneyImport({ source: 'share', hash: arrival.hash }, { signal: stop.signal }).then((result) => {
      if (stop.signal.aborted) return;
      setReadingShare(false);
      if (result.kind === 'read' && result.read.ok) setShared(result.read.document);
      else if (result.kind === 'read' && !result.read.ok) setNotice({ kind: 'error', text: say(result.read.message, lang), problems: result.read.problems });
      else if (result.kind === 'unreadable') setNotice({ kind: 'error', text: say(result.message, lang) });
    });
    return () => stop.abort();
    // Once per arrival; the language at that moment is the one the message is in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [arrival]);

  const store = async (journey: JourneyDocument): Promise<boolean> => {
    const result = await repository.save(journey, { expectedRevision: null, writer: tabId });
    if (!result.ok) setNotice({ kind: 'error', text: result.reason === 'failed' ? say(result.error.message, lang) : say(result.message, lang) });
    return result.ok;
  };

  const createEmpty = async () => {
    // Written in the interface language from the start: the list shows it.
    const journey: JourneyDocument = { ...emptyJourney(newJourneyId(), t('home.newName')), language: dataLanguage(lang) };
    if (await store(journey)) onOpen(journey.id);
  };

  const createFromTemplate = async (templateId: string) => {
    let loaded: typeof Templates;
    try {
      loaded = await import('../../core/templates');
    } catch (error) {
      // The templates' chunk did not arrive (offline, a new deployment): say so, and stay on the list.
      setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
      return;
    }
    const { getTemplate, instantiateTemplate } = loaded;
    const template = getTemplate(templateId);
    if (!template) return;
    const { document } = checkJourney(instantiateTemplate(template, dataLanguage(lang), newJourneyId()));
    if (document && (await store(document))) onOpen(document.id);
  };

  const importCopy = async (journey: JourneyDocument, problems: Problem[] = [], notice?: Message) => {
    const copy = duplicateJourney(journey, newJourneyId(), journey.name);
    if (!(await store(copy))) return;
    const issues = problems.filter((problem) => problem.severity !== 'info').length;
    const text = issues ? t('home.importedWithIssues', { name: copy.name, count: issues }) : t('home.imported', { name: copy.name });
    setNotice({ kind: 'info', text: notice ? `${text} ${say(notice, lang)}` : text });
    await refresh();
  };

  /** Checks a chosen file in a worker and imports it as a copy; each import replaces the last message. */
  const importFile = async (file: File) => {
    const current = ++importCount.current;
    const isLatest = () => current === importCount.current;
    const refuse = (text: string, problems?: Problem[]) => isLatest() && setNotice({ kind: 'error', text, ...(problems ? { problems } : {}) });
    setNotice(null);
    setCheckingFile(file.name);
    try {
      let read: Extract<JourneyImportResult, { kind: 'read' }>['read'];
      try {
        // Too large a file is refused from its size, before it is read; checking never throws, but
        // whatever else might is this file's message, not an uncaught error.
        const chosen = await readDocumentFile(file);
        if (!chosen.ok) return refuse(say(chosen.message, lang));
        const result = await checkJourneyImport({ source: 'file', text: chosen.text });
        if (!isLatest()) return;
        if (result.kind !== 'read') return refuse(t('home.fileMessage', { name: file.name, message: say((result.kind === 'unreadable' ? result.message : persistMessages.importCheckFailed), lang) }));
        read = result.read;
      } catch {
        return refuse(t('home.fileMessage', { name: file.name, message: say(persistMessages.importCheckFailed, lang) }));
      }
      if (!read.ok) return refuse(t('home.fileMessage', { name: file.name, message: say(read.message, lang) }), read.problems);
      try {
        await importCopy(read.document, read.problems, read.notice);
      } catch (error) {
        // Checked and found fine: what failed is keeping the copy, and that is what the user is told.
        refuse(t('home.fileMessage', { name: file.name, message: storageErrorText(error, lang) }));
      }
    } finally {
      if (isLatest()) setCheckingFile(null);
    }
  };

  const loadDocument = async (id: string) => {
    const loaded = await repository.load(id);
    return loaded.ok ? loaded.stored.document : null;
  };

  const duplicate = async (summary: JourneySummary) => {
    const journey = await loadDocument(summary.id);
    if (journey && (await store(duplicateJourney(journey, newJourneyId(), t('home.copyOf', { name: journey.name }))))) await refresh();
  };

  const rename = async (summary: JourneySummary, name: string) => {
    setRenaming(null);
    const loaded = await repository.load(summary.id);
    if (!loaded.ok || !name.trim() || name.trim() === summary.name) return;
    const result = await repository.save(renameJourney(loaded.stored.document, name.trim()), { expectedRevision: loaded.stored.revision, writer: tabId });
    if (!result.ok) setNotice({ kind: 'error', text: result.reason === 'failed' ? say(result.error.message, lang) : say(result.message, lang) });
    await refresh();
  };

  const remove = async (summary: JourneySummary) => {
    const journey = await loadDocument(summary.id);
    await repository.remove(summary.id);
    await refresh();
    setNotice({
      kind: 'info',
      text: t('home.deleted', { name: summary.name }),
      ...(journey
        ? {
            undo: () => {
              setNotice(null);
              void store(journey).then(refresh);
            },
          }
        : {}),
    });
  };

  const visible = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    return (journeys ?? []).filter((journey) => journey.name.toLocaleLowerCase().includes(needle));
  }, [journeys, query]);
  const when = useMemo(() => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }), [lang]);
  const templates = useMemo(() => templateSummaries(dataLanguage(lang)), [lang]);

  return (
    <div className="home">
      {storageWarning && (
        <p className="home__warning" role="alert">
          {say(storageWarning, lang)}
        </p>
      )}
      {shared && (
        <section className="home__shared" role="dialog" aria-modal="false" aria-label={t('home.shareHeading')}>
          <h2>{t('home.shareHeading')}</h2>
          <p>
            <strong>{shared.name}</strong> · {t('home.nodes', { count: shared.nodes.length })}
          </p>
          {shared.description && <p>{shared.description}</p>}
          <button
            type="button"
            onClick={() => {
              const journey = shared;
              setShared(null);
              importCopy(journey).catch((error: unknown) => setNotice({ kind: 'error', text: storageErrorText(error, lang) }));
            }}
          >
            {t('home.shareImport')}
          </button>
          <button type="button" onClick={() => setShared(null)}>
            {t('home.shareDismiss')}
          </button>
        </section>
      )}
      {(readingShare || checkingFile !== null) && (
        <p className="home__checking" aria-live="polite">
          {[readingShare ? t('home.shareReading') : null, checkingFile !== null ? t('home.importReading', { name: checkingFile }) : null].filter(Boolean).join(' ')}
        </p>
      )}
      {notice && (
        <div className={`home__notice home__notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.problems && notice.problems.length > 0 && (
            <ul aria-label={t('home.importRefused')}>
              {notice.problems.map((problem, index) => (
                <li key={index}>
                  <code>{problem.code}</code> {say(formatLocation(problem.location), lang)}: {say(problem.message, lang)}
                </li>
              ))}
            </ul>
          )}
          {notice.undo && (
            <button type="button" onClick={notice.undo}>
              {t('home.undoDelete')}
            </button>
          )}
          <button type="button" aria-label={t('editor.close')} onClick={() => setNotice(null)}>
            <CloseIcon />
          </button>
        </div>
      )}

      <section className="home__journeys" aria-labelledby="home-heading">
        <div className="home__bar">
          <h2 id="home-heading">{t('home.heading')}</h2>
          <label className="home__search">
            <span className="visually-hidden">{t('home.search')}</span>
            <input type="search" value={query} placeholder={t('home.searchPlaceholder')} onChange={(event) => setQuery(event.target.value)} />
          </label>
          <button type="button" className="button--primary" onClick={() => void createEmpty()}>
            ＋ {t('home.create')}
          </button>
          <ImportFileButton label={t('home.import')} inputLabel={t('home.import')} accept=".json,application/json" onFile={(file) => void importFile(file)} />
          <a href="#/cohorts" className="home__cohorts-link" title={t('cohorts.navHelp')}>
            {t('cohorts.nav')}
          </a>
          <a href="#/glossary" className="home__glossary-link" title={t('glossary.navHelp')}>
            {t('glossary.nav')}
          </a>
          <a href="#/learn" className="home__cohorts-link" title={t('trainer.lessons.navHelp')}>
            {t('trainer.lessons.nav')}
          </a>
        </div>
        {journeys !== null && journeys.length === 0 && <p className="home__empty">{t('home.empty')}</p>}
        {journeys !== null && journeys.length > 0 && visible.length === 0 && <p className="home__empty">{t('home.noMatch', { query })}</p>}
        <ul className="journey-list" aria-label={t('home.heading')}>
          {visible.map((journey) => (
            <li key={journey.id} className="journey-list__item">
              {renaming === journey.id ? (
                <form
                  className="journey-list__rename"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const input = new FormData(event.currentTarget).get('name');
                    void rename(journey, typeof input === 'string' ? input : '');
                  }}
                >
                  <label>
                    <span className="visually-hidden">{t('home.renameTo', { name: journey.name })}</span>
                    <input name="name" defaultValue={journey.name} autoFocus maxLength={200} onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)} />
                  </label>
                  <button type="submit">{t('home.saveName')}</button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    {t('home.cancel')}
                  </button>
                </form>
              ) : (
                <button type="button" className="journey-list__open" onClick={() => onOpen(journey.id)} disabled={Boolean(journey.problem)}>
                  <span className="journey-list__title">
                    <span className="journey-list__name">{journey.name}</span>
                    <JourneyLanguageBadge of={journey} />
                  </span>
                  <span className="journey-list__meta">
                    {t('home.nodes', { count: journey.nodeCount })} · {t('home.updated', { when: when.format(journey.updatedAt) })}
                  </span>
                  {journey.problem && <span className="journey-list__problem">{say(journey.problem, lang)}</span>}
                </button>
              )}
              <span className="journey-list__actions">
                <button type="button" aria-label={`${t('home.rename')}: ${journey.name}`} onClick={() => setRenaming(journey.id)}>
                  {t('home.rename')}
                </button>
                <button type="button" aria-label={`${t('home.duplicate')}: ${journey.name}`} onClick={() => void duplicate(journey)}>
                  {t('home.duplicate')}
                </button>
                <button type="button" aria-label={`${t('home.delete')}: ${journey.name}`} onClick={() => void remove(journey)}>
                  {t('home.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section className="home__templates" aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t('home.templatesHeading')}</h2>
        <ul className="template-grid" aria-label={t('home.templatesHeading')}>
          {templates.map((template) => (
            <li key={template.id} className="template-card">
              <h3>{template.name}</h3>
              <p className="template-card__meta">
                {t('home.caseLabel', { number: template.caseNumber })} · {t('home.nodes', { count: template.nodeCount })}
              </p>
              <p className="template-card__description">{template.description}</p>
              <button type="button" aria-label={`${t('home.useTemplate')}: ${template.name}`} onClick={() => void createFromTemplate(template.id)}>
                {t('home.useTemplate')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
