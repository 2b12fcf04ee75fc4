// Presentation mode's lesson caption: the step's title and text in large type over the canvas, with
// Previous/Next (and N / Shift+N) so the trainer can move the lesson on without the side panel. It tells
// the trainer store how much of the canvas it covers, so the step's nodes are framed above it.
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { dataLanguage } from '../../../core/i18n.ts';
import { useTrainer } from '../TrainerStoreContext';
import type { ReadyLesson } from './lessonLibrary';
import { useLesson, useLessonSteps, useStepKeys } from './useLessonSteps';
import { useLang } from '../../i18n/useLang';

export function LessonCaption({ lessonId }: { lessonId: string | null }) {
  const presenting = useTrainer((state) => state.presenting);
  const found = useLesson(presenting ? lessonId : null);
  if (!presenting || found.state !== 'ready') return null;
  return <Caption entry={found.entry} />;
}

function Caption({ entry }: { entry: ReadyLesson }) {
  const lang = useLang();
  const { t } = useTranslation();
  const steps = useLessonSteps(entry);
  const { index, step, count, goTo, trainer } = steps;
  useStepKeys(steps);
  const box = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      // The caption's height and the gap under it (its bottom margin): the canvas it covers.
      const gap = Number.parseFloat(getComputedStyle(element).marginBottom) || 0;
      trainer.getState().setCaptionHeight(Math.ceil(element.offsetHeight + gap));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      trainer.getState().setCaptionHeight(0);
    };
  }, [trainer]);
  return (
    <section ref={box} className="lesson-caption" aria-label={t('trainer.presentation.caption')} lang={lang}>
      <p className="lesson-caption__count">
        {entry.lesson.title[dataLanguage(lang)]} · {t('trainer.lessons.tab.stepOf', { n: index + 1, count })}
      </p>
      <h2 className="lesson-caption__title">{step.title[dataLanguage(lang)]}</h2>
      <p className="lesson-caption__text">{step.text[dataLanguage(lang)]}</p>
      <div className="lesson-caption__nav">
        <button type="button" onClick={() => goTo(index - 1)} disabled={index === 0} title={t('trainer.lessons.tab.previousKey')}>
          <span aria-hidden="true">← </span>
          {t('trainer.lessons.tab.previous')}
        </button>
        <button type="button" onClick={() => goTo(index + 1)} disabled={index === count - 1} title={t('trainer.lessons.tab.nextKey')}>
          {t('trainer.lessons.tab.next')}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
    </section>
  );
}
