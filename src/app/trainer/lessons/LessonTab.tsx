// The trainer's Lesson tab: the lesson followed, one step at a time (Previous/Next, or N and Shift+N),
// with what to read, what to look at, a suggestion to apply and, on a challenge step, the check; and
// under it the inspector, to change the journey beside the lesson.
import { useCallback, useEffect, useId, useState } from 'react';
import { dataLanguage } from '../../../core/i18n.ts';
import { useTranslation } from 'react-i18next';
import type { JourneyDocument } from '../../../core/journey';
import { checkJourney } from '../../../core/journey';
import { applyEdits } from '../../../core/lessons';
import { useEditor } from '../../store/useEditor';
import { useEditorStore } from '../../store/useEditorStore';
import { editorFor } from '../../store/journeyEditor';
import { ChallengeCheck } from './ChallengeCheck';
import type { ReadyLesson } from './lessonLibrary';
import { LookAtList } from './LookAtList';
import { LessonInspector } from './LessonInspector';
import { useLesson, useLessonSteps, useStepKeys } from './useLessonSteps';
import './lessons.css';
import { useLang } from '../../i18n/useLang';

export function LessonTab({ lessonId }: { lessonId: string | null }) {
  const { t } = useTranslation();
  const found = useLesson(lessonId);
  if (found.state === 'ready') return <LessonSteps entry={found.entry} />;
  if (found.state === 'loading') return <p role="status">{t('trainer.lessons.tab.loading')}</p>;
  return (
    <div className="lesson-tab lesson-tab--none">
      <p>{found.state === 'missing' ? t('trainer.lessons.tab.missing', { id: found.id }) : t('trainer.lessons.tab.none')}</p>
      <a href="#/learn">{t('trainer.lessons.tab.toLessons')}</a>
    </div>
  );
}

function LessonSteps({ entry }: { entry: ReadyLesson }) {
  const lang = useLang();
  const { t } = useTranslation();
  const steps = useLessonSteps(entry);
  const stepHeadingId = useId();
  const tryHeadingId = useId();
  const { index, step, count, goTo, trainer } = steps;
  const editor = useEditorStore();
  const journey = useEditor((state) => state.journey);
  const [announcement, setAnnouncement] = useState('');
  // The journey the last applied suggestion made: "Undo suggestion" shows only while it is still the journey.
  const [applied, setApplied] = useState<JourneyDocument | null>(null);

  // The step's nodes are highlighted while it is shown; leaving the lesson tab clears them.
  useEffect(() => {
    trainer.getState().setFocus(step.focus);
  }, [trainer, step]);
  useEffect(() => () => trainer.getState().setFocus([]), [trainer]);

  const onMoved = useCallback(
    (to: number, setupApplied: boolean) => {
      const title = entry.lesson.steps[to]!.title[dataLanguage(lang)];
      const moved = t('trainer.lessons.tab.movedTo', { n: to + 1, count, title });
      setAnnouncement(setupApplied ? `${moved} ${t('trainer.lessons.tab.setupApplied')}` : moved);
    },
    [entry, lang, t, count],
  );
  useStepKeys(steps, onMoved);

  const move = (to: number) => onMoved(to, goTo(to));

  const applySuggestion = () => {
    const current = editor.getState().journey;
    if (!current || !step.tryThis) return;
    const { document } = checkJourney(applyEdits(current, step.tryThis.edits));
    if (!document) return setAnnouncement(t('trainer.lessons.tab.suggestionBroken'));
    editorFor(editor).replaceWith(document);
    setApplied(editor.getState().journey);
    setAnnouncement(t('trainer.lessons.tab.suggestionApplied'));
  };

  const undoSuggestion = () => {
    editorFor(editor).undo();
    setApplied(null);
    setAnnouncement(t('trainer.lessons.tab.suggestionUndone'));
  };

  return (
    <div className="lesson-tab" lang={lang}>
      <h2 className="lesson-tab__title">{entry.lesson.title[dataLanguage(lang)]}</h2>
      <nav className="lesson-tab__nav" aria-label={t('trainer.lessons.tab.stepsNav')}>
        <button type="button" onClick={() => move(index - 1)} disabled={index === 0} title={t('trainer.lessons.tab.previousKey')}>
          <span aria-hidden="true">← </span>
          {t('trainer.lessons.tab.previous')}
        </button>
        <span className="lesson-tab__count">{t('trainer.lessons.tab.stepOf', { n: index + 1, count })}</span>
        <button type="button" onClick={() => move(index + 1)} disabled={index === count - 1} title={t('trainer.lessons.tab.nextKey')}>
          {t('trainer.lessons.tab.next')}
          <span aria-hidden="true"> →</span>
        </button>
      </nav>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <section className="lesson-tab__step" aria-labelledby={stepHeadingId}>
        <h3 id={stepHeadingId}>{step.title[dataLanguage(lang)]}</h3>
        <p className="lesson-tab__text">{step.text[dataLanguage(lang)]}</p>
      </section>
      {step.lookAt.length > 0 && <LookAtList items={step.lookAt} />}
      {step.tryThis && (
        <section className="lesson-tab__try" aria-labelledby={tryHeadingId}>
          <h4 id={tryHeadingId}>{t('trainer.lessons.tab.tryThis')}</h4>
          <p>{step.tryThis.text[dataLanguage(lang)]}</p>
          {step.tryThis.edits.length > 0 && (
            <>
              <button type="button" onClick={applySuggestion}>
                {t('trainer.lessons.tab.apply')}
              </button>
              {applied !== null && applied === journey && (
                <button type="button" onClick={undoSuggestion}>
                  {t('trainer.lessons.tab.undoSuggestion')}
                </button>
              )}
              <p className="lesson-tab__note">{t('trainer.lessons.tab.applyNote')}</p>
            </>
          )}
        </section>
      )}
      {step.challenge && <ChallengeCheck key={index} entry={entry} stepIndex={index} challenge={step.challenge} />}
      {step.setup.length > 0 && <p className="lesson-tab__note">{t('trainer.lessons.tab.setupNote')}</p>}
      <LessonInspector />
    </div>
  );
}
