// The lessons screen (#/learn): the built-in lessons, the ones imported from .lesson.json files or
// shared links (kept in storage), and a lesson arriving as a link (#/learn?lesson=…), each ready to
// start on a journey of the learner's own; starting one again offers the learner's copy, or a fresh start.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { dataLanguage } from '../../../core/i18n.ts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/index.ts';
import type { Problem } from '../../../core/journey';
import { parseLesson, type ParsedLesson } from '../../../core/lessons';
import { decodeLesson, encodeLesson } from '../../../core/lessons';
import type { LessonInput } from '../../../core/lessons';
import { useServices } from '../../services';
import { parseRoute } from '../../useRoute';
import { RepositoryError } from '../../persist/repository';
import { downloadText } from '../../persist/files';
import { readDocumentFile } from '../../persist/documentFile';
import { builtinReadyLessons, isReady, keepImportedLesson, readImportedLessons, removeImportedLesson, sameAsBuiltin, type BrokenLesson, type ReadyLesson } from './lessonLibrary';
import { ProblemList } from './ProblemList';
import { startLesson } from './startLesson';
import { findLessonCopy, rememberLessonCopy } from './lessonProgress';
import { ImportFileButton } from '../../ImportFileButton';
import './lessons.css';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';
import { CloseIcon } from '../../icons';

type Notice = { kind: 'info' | 'error'; text: string; problems?: Problem[]; link?: string };

/** A lesson started again while the learner's copy of it is still there: continue it, or start over. */
interface CopyQuestion {
  entry: ReadyLesson;
  lessonId: string;
  journeyId: string;
}

export interface LessonsScreenProps {
  /** A lesson shared as a link (its encoded text) when the screen opens, or null; one pasted into the
   *  address while the screen is open is picked up from there. */
  link: string | null;
  onStart(journeyId: string, lessonId: string): void;
  onHome(): void;
}

const errorText = (error: unknown, lang: Language) => (error instanceof RepositoryError ? say(error.localizedMessage, lang) : error instanceof Error ? error.message : String(error));

/** Where a lesson link opens: this app, whatever path it is served under. */
export const lessonLink = (source: LessonInput) => `${window.location.origin}${window.location.pathname}#/learn?lesson=${encodeLesson(source)}`;

const LESSON_LINK_HASH = '#/learn?lesson=';

/**
 * Takes the lesson link out of the address bar before it is read, as the journeys screen does with a
 * share link: a link that cannot be read (or that breaks the page) must not come back on every reload.
 * No hashchange follows, so the screen keeps the link it was given.
 */
function stripLessonFromAddress(): void {
  if (window.location.hash.startsWith(LESSON_LINK_HASH)) history.replaceState(history.state, '', `${window.location.pathname}${window.location.search}#/learn`);
}

/** A lesson link being read, read (opened or refused with its problems), or failed while reading. */
type SharedLesson = { state: 'reading' } | { state: 'read'; parsed: ParsedLesson } | { state: 'failed' };

/**
 * Reads a lesson link: the one the screen opened with, and any pasted into the address later (the
 * same one again included). Each is taken out of the address first, then decoded once the page has
 * drawn (never during render, where a throw would blank the screen); whatever happens is shown.
 */
function useSharedLesson(link: string | null): SharedLesson | null {
  // Each arrival is its own object, so the same link pasted again is read again; and the route losing
  // the link (the address no longer has it) does not cancel or hide the reading.
  const [arrival, setArrival] = useState(() => (link ? { link } : null));
  const [shared, setShared] = useState<SharedLesson | null>(() => (link ? { state: 'reading' } : null));
  useEffect(() => {
    const onHashChange = () => {
      const route = parseRoute(window.location.hash);
      if (route.screen !== 'learn' || !route.link) return;
      setShared({ state: 'reading' });
      setArrival({ link: route.link });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  useEffect(() => {
    if (!arrival) return;
    stripLessonFromAddress();
    // A timer, so "Reading…" is drawn before the work (decoding up to the size cap takes a moment).
    const timer = setTimeout(() => {
      try {
        setShared({ state: 'read', parsed: decodeLesson(arrival.link) });
      } catch {
        // Out of memory or a stack overflow on a link no limit foresaw: a message, never a blank page.
        setShared({ state: 'failed' });
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [arrival]);
  return shared;
}

export function LessonsScreen({ link, onStart, onHome }: LessonsScreenProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const { repository, tabId } = useServices();
  const [imported, setImported] = useState<(ReadyLesson | BrokenLesson)[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [question, setQuestion] = useState<CopyQuestion | null>(null);
  const questionId = useId();
  const continueButton = useRef<HTMLButtonElement>(null);
  const builtins = useMemo(() => builtinReadyLessons(), []);
  const shared = useSharedLesson(link);

  const refresh = useCallback(async () => {
    try {
      setImported(await readImportedLessons(repository));
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, lang) });
      setImported([]);
    }
  }, [repository, lang]);

  useEffect(() => {
    let live = true;
    readImportedLessons(repository).then(
      (lessons) => live && setImported(lessons),
      (error: unknown) => {
        if (!live) return;
        setNotice({ kind: 'error', text: errorText(error, lang) });
        setImported([]);
      },
    );
    return () => {
      live = false;
    };
    // Read once per repository; a language switch must not reread storage.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repository]);

  useEffect(() => {
    if (question) continueButton.current?.focus();
  }, [question]);

  /** Runs a start, busy meanwhile; a failure is shown. */
  const starting = async (task: () => Promise<void>) => {
    setBusy(true);
    setQuestion(null);
    try {
      await task();
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  };

  /** Makes the learner's journey for a lesson (`replacing`: over their earlier copy) and opens it. */
  const begin = async (entry: ReadyLesson, lessonId: string, replacing: string | null) => {
    const result = await startLesson(repository, tabId, entry.lesson, lang, replacing);
    if (!result.ok) return setNotice({ kind: 'error', text: say(result.message, lang) });
    await rememberLessonCopy(repository, lessonId, result.journeyId);
    onStart(result.journeyId, lessonId);
  };

  /** Starts a lesson; when the learner already has a copy of it, asks first (a second copy of the same name would only confuse). */
  const start = (entry: ReadyLesson, keep: boolean) =>
    starting(async () => {
      let lessonId = entry.lesson.id;
      // A lesson from a link is kept, so the trainer workspace can find it by id (and it can be started again).
      if (keep && !sameAsBuiltin(entry)) lessonId = (await keepImportedLesson(repository, entry.source)).id;
      const copy = await findLessonCopy(repository, lessonId);
      if (copy) setQuestion({ entry, lessonId, journeyId: copy });
      else await begin(entry, lessonId, null);
    });

  const importFile = async (file: File) => {
    // Each import says its own outcome: the message of a file before it never stays on screen.
    setNotice(null);
    const chosen = await readDocumentFile(file);
    if (!chosen.ok) return setNotice({ kind: 'error', text: say(chosen.message, lang) });
    let json: unknown;
    try {
      json = JSON.parse(chosen.text) as unknown;
    } catch {
      return setNotice({ kind: 'error', text: t('trainer.lessons.notJson', { name: file.name }) });
    }
    let parsed: ReturnType<typeof parseLesson>;
    try {
      parsed = parseLesson(json);
    } catch (error) {
      return setNotice({ kind: 'error', text: errorText(error, lang) });
    }
    if (!parsed.ok) return setNotice({ kind: 'error', text: t('trainer.lessons.refused', { name: file.name }), problems: parsed.problems });
    try {
      const kept = await keepImportedLesson(repository, json as LessonInput);
      const text = `${t('trainer.lessons.imported', { title: parsed.lesson.title[dataLanguage(lang)] })}${kept.note ? ` ${say(kept.note, lang)}` : ''}`;
      setNotice({ kind: 'info', text, problems: parsed.warnings });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, lang) });
    }
    await refresh();
  };

  const remove = async (index: number, title: string) => {
    try {
      await removeImportedLesson(repository, index);
      setNotice({ kind: 'info', text: t('trainer.lessons.removed', { title }) });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, lang) });
    }
    await refresh();
  };

  const copyLink = async (entry: ReadyLesson) => {
    const url = lessonLink(entry.source);
    try {
      await navigator.clipboard.writeText(url);
      setNotice({ kind: 'info', text: t('trainer.lessons.linkCopied', { title: entry.lesson.title[dataLanguage(lang)] }) });
    } catch {
      // No clipboard (permissions, insecure origin): show the link to copy by hand.
      setNotice({ kind: 'info', text: t('trainer.lessons.linkToCopy'), link: url });
    }
  };

  const exportFile = (entry: ReadyLesson) => downloadText(`${entry.lesson.id}.lesson.json`, `${JSON.stringify(entry.source, null, 2)}\n`, 'application/json');

  const card = (entry: ReadyLesson, actions: { keep?: boolean; onRemove?: () => void }) => {
    const title = entry.lesson.title[dataLanguage(lang)];
    const challenges = entry.lesson.steps.filter((step) => step.challenge).length;
    return (
      <article className="lesson-card" aria-label={title}>
        <h4>{title}</h4>
        <p className="lesson-card__meta">
          {t('trainer.lessons.steps', { count: entry.lesson.steps.length })}
          {challenges > 0 && ` · ${t('trainer.lessons.hasChallenge')}`}
        </p>
        <p className="lesson-card__summary">{entry.lesson.summary[dataLanguage(lang)]}</p>
        <div className="lesson-card__actions">
          <button type="button" className="button--primary" disabled={busy} aria-label={t('trainer.lessons.named', { action: t('trainer.lessons.start'), title })} onClick={() => void start(entry, actions.keep ?? false)}>
            {t('trainer.lessons.start')}
          </button>
          <button type="button" aria-label={t('trainer.lessons.named', { action: t('trainer.lessons.export'), title })} onClick={() => exportFile(entry)}>
            {t('trainer.lessons.export')}
          </button>
          <button type="button" aria-label={t('trainer.lessons.named', { action: t('trainer.lessons.copyLink'), title })} onClick={() => void copyLink(entry)}>
            {t('trainer.lessons.copyLink')}
          </button>
          {actions.onRemove && (
            <button type="button" aria-label={t('trainer.lessons.named', { action: t('trainer.lessons.remove'), title })} onClick={actions.onRemove}>
              {t('trainer.lessons.remove')}
            </button>
          )}
        </div>
      </article>
    );
  };

  return (
    <div className="lessons-screen" lang={lang}>
      <nav className="lessons-screen__nav">
        <a href="#/" onClick={onHome}>
          ← {t('trainer.lessons.back')}
        </a>
      </nav>
      <h2>{t('trainer.lessons.heading')}</h2>
      <p className="lessons-screen__intro">{t('trainer.lessons.intro')}</p>

      {shared && (
        <section className="lessons-screen__shared" aria-label={t('trainer.lessons.sharedHeading')}>
          <h3>{t('trainer.lessons.sharedHeading')}</h3>
          {shared.state === 'reading' ? (
            <p role="status">{t('trainer.lessons.sharedReading')}</p>
          ) : shared.state === 'failed' ? (
            <div role="alert">
              <p>{t('trainer.lessons.sharedRefused')}</p>
              <p>{t('trainer.lessons.sharedFailed')}</p>
            </div>
          ) : shared.parsed.ok ? (
            <>
              <p>{t('trainer.lessons.sharedKept')}</p>
              {card({ lesson: shared.parsed.lesson, journey: shared.parsed.journey, cohort: shared.parsed.cohort, source: shared.parsed.lesson, builtin: false }, { keep: true })}
            </>
          ) : (
            <div role="alert">
              <p>{t('trainer.lessons.sharedRefused')}</p>
              <ProblemList problems={shared.parsed.problems} label={t('trainer.lessons.problems')} />
            </div>
          )}
        </section>
      )}

      {question && (
        <section className="lessons-notice lessons-notice--info" role="dialog" aria-modal="false" aria-labelledby={`${questionId}-title`}>
          <h3 id={`${questionId}-title`}>{t('trainer.lessons.copy.heading', { title: question.entry.lesson.title[dataLanguage(lang)] })}</h3>
          <p>{t('trainer.lessons.copy.text')}</p>
          <div className="lesson-card__actions">
            <button ref={continueButton} type="button" className="button--primary" disabled={busy} onClick={() => onStart(question.journeyId, question.lessonId)}>
              {t('trainer.lessons.copy.continue')}
            </button>
            <button type="button" disabled={busy} onClick={() => void starting(() => begin(question.entry, question.lessonId, question.journeyId))}>
              {t('trainer.lessons.copy.startOver')}
            </button>
            <button type="button" onClick={() => setQuestion(null)}>
              {t('trainer.lessons.copy.cancel')}
            </button>
          </div>
        </section>
      )}

      {notice && (
        <div className={`lessons-notice lessons-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.link && <input className="lessons-notice__link" readOnly value={notice.link} aria-label={t('trainer.lessons.linkLabel')} onFocus={(event) => event.target.select()} />}
          {notice.problems && notice.problems.length > 0 && <ProblemList problems={notice.problems} label={t('trainer.lessons.problems')} />}
          <button type="button" aria-label={t('editor.close')} onClick={() => setNotice(null)}>
            <CloseIcon />
          </button>
        </div>
      )}

      <section aria-labelledby="lessons-builtin-heading">
        <h3 id="lessons-builtin-heading">{t('trainer.lessons.builtinHeading')}</h3>
        <ul className="lessons-list" aria-label={t('trainer.lessons.builtinHeading')}>
          {builtins.map((entry) => (
            <li key={entry.lesson.id}>{card(entry, {})}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="lessons-imported-heading">
        <div className="lessons-bar">
          <h3 id="lessons-imported-heading">{t('trainer.lessons.importedHeading')}</h3>
          <ImportFileButton label={t('trainer.lessons.import')} inputLabel={t('trainer.lessons.import')} accept=".json,.lesson.json,application/json" onFile={(file) => void importFile(file)} />
        </div>
        {imported !== null && imported.length === 0 && <p className="lessons-screen__empty">{t('trainer.lessons.noImported')}</p>}
        <ul className="lessons-list" aria-label={t('trainer.lessons.importedHeading')}>
          {(imported ?? []).map((entry, index) => {
            const title = isReady(entry) ? entry.lesson.title[dataLanguage(lang)] : (entry.id ?? t('trainer.lessons.unnamed'));
            return (
              <li key={`${index}-${isReady(entry) ? entry.lesson.id : entry.id}`}>
                {isReady(entry) ? (
                  card(entry, { onRemove: () => void remove(index, title) })
                ) : (
                  <article className="lesson-card lesson-card--broken" aria-label={title}>
                    <h4>{title}</h4>
                    <p>{t('trainer.lessons.unreadable')}</p>
                    <ProblemList problems={entry.problems} label={t('trainer.lessons.problems')} />
                    <button type="button" aria-label={t('trainer.lessons.named', { action: t('trainer.lessons.remove'), title })} onClick={() => void remove(index, title)}>
                      {t('trainer.lessons.remove')}
                    </button>
                  </article>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
