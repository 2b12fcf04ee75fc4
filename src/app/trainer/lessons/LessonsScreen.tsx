// The lessons screen (#/learn): the built-in lessons, the ones imported from .lesson.json files or
// shared links (kept in storage), and a lesson arriving as a link (#/learn?lesson=…), each ready to
// start on a journey of the learner's own.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../core/i18n';
import type { Problem } from '../../../core/journey/problems';
import { parseLesson } from '../../../core/lessons/load';
import { decodeLesson, encodeLesson } from '../../../core/lessons/share';
import type { LessonInput } from '../../../core/lessons/schema';
import { useServices } from '../../services';
import { RepositoryError } from '../../persist/repository';
import { downloadText, readFileAsText } from '../../persist/files';
import { builtinReadyLessons, isReady, keepImportedLesson, readImportedLessons, removeImportedLesson, sameAsBuiltin, type BrokenLesson, type ReadyLesson } from './lessonLibrary';
import { ProblemList } from './ProblemList';
import { startLesson } from './startLesson';
import { ImportFileButton } from '../../ImportFileButton';
import './lessons.css';

type Notice = { kind: 'info' | 'error'; text: string; problems?: Problem[]; link?: string };

export interface LessonsScreenProps {
  lang: Lang;
  /** A lesson shared as a link (its encoded text), or null. */
  link: string | null;
  onStart(journeyId: string, lessonId: string): void;
  onHome(): void;
}

const errorText = (error: unknown, lang: Lang) => (error instanceof RepositoryError ? error.localizedMessage[lang] : error instanceof Error ? error.message : String(error));

/** Where a lesson link opens: this app, whatever path it is served under. */
export const lessonLink = (source: LessonInput) => `${window.location.origin}${window.location.pathname}#/learn?lesson=${encodeLesson(source)}`;

export function LessonsScreen({ lang, link, onStart, onHome }: LessonsScreenProps) {
  const { t } = useTranslation();
  const { repository, tabId } = useServices();
  const [imported, setImported] = useState<(ReadyLesson | BrokenLesson)[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const builtins = useMemo(() => builtinReadyLessons(), []);
  const shared = useMemo(() => (link ? decodeLesson(link) : null), [link]);

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

  const start = async (entry: ReadyLesson, keep: boolean) => {
    setBusy(true);
    try {
      let lessonId = entry.lesson.id;
      // A lesson from a link is kept, so the trainer workspace can find it by id (and it can be started again).
      if (keep && !sameAsBuiltin(entry)) lessonId = (await keepImportedLesson(repository, entry.source)).id;
      const result = await startLesson(repository, tabId, entry.lesson, lang);
      if (!result.ok) return setNotice({ kind: 'error', text: result.message[lang] });
      onStart(result.journeyId, lessonId);
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, lang) });
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    // Each import says its own outcome: the message of a file before it never stays on screen.
    setNotice(null);
    let json: unknown;
    try {
      json = JSON.parse(await readFileAsText(file)) as unknown;
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
      const text = `${t('trainer.lessons.imported', { title: parsed.lesson.title[lang] })}${kept.note ? ` ${kept.note[lang]}` : ''}`;
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
      setNotice({ kind: 'info', text: t('trainer.lessons.linkCopied', { title: entry.lesson.title[lang] }) });
    } catch {
      // No clipboard (permissions, insecure origin): show the link to copy by hand.
      setNotice({ kind: 'info', text: t('trainer.lessons.linkToCopy'), link: url });
    }
  };

  const exportFile = (entry: ReadyLesson) => downloadText(`${entry.lesson.id}.lesson.json`, `${JSON.stringify(entry.source, null, 2)}\n`, 'application/json');

  const card = (entry: ReadyLesson, actions: { keep?: boolean; onRemove?: () => void }) => {
    const title = entry.lesson.title[lang];
    const challenges = entry.lesson.steps.filter((step) => step.challenge).length;
    return (
      <article className="lesson-card" aria-label={title}>
        <h4>{title}</h4>
        <p className="lesson-card__meta">
          {t('trainer.lessons.steps', { count: entry.lesson.steps.length })}
          {challenges > 0 && ` · ${t('trainer.lessons.hasChallenge')}`}
        </p>
        <p className="lesson-card__summary">{entry.lesson.summary[lang]}</p>
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
          {shared.ok ? (
            <>
              <p>{t('trainer.lessons.sharedKept')}</p>
              {card({ lesson: shared.lesson, journey: shared.journey, cohort: shared.cohort, source: shared.lesson, builtin: false }, { keep: true })}
            </>
          ) : (
            <div role="alert">
              <p>{t('trainer.lessons.sharedRefused')}</p>
              <ProblemList problems={shared.problems} lang={lang} label={t('trainer.lessons.problems')} />
            </div>
          )}
        </section>
      )}

      {notice && (
        <div className={`lessons-notice lessons-notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          {notice.link && <input className="lessons-notice__link" readOnly value={notice.link} aria-label={t('trainer.lessons.linkLabel')} onFocus={(event) => event.target.select()} />}
          {notice.problems && notice.problems.length > 0 && <ProblemList problems={notice.problems} lang={lang} label={t('trainer.lessons.problems')} />}
          <button type="button" aria-label={t('editor.close')} onClick={() => setNotice(null)}>
            ×
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
            const title = isReady(entry) ? entry.lesson.title[lang] : (entry.id ?? t('trainer.lessons.unnamed'));
            return (
              <li key={`${index}-${isReady(entry) ? entry.lesson.id : entry.id}`}>
                {isReady(entry) ? (
                  card(entry, { onRemove: () => void remove(index, title) })
                ) : (
                  <article className="lesson-card lesson-card--broken" aria-label={title}>
                    <h4>{title}</h4>
                    <p>{t('trainer.lessons.unreadable')}</p>
                    <ProblemList problems={entry.problems} lang={lang} label={t('trainer.lessons.problems')} />
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
