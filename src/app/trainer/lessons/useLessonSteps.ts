// Following a lesson: the lesson found by id, the step shown (kept in the trainer store so the lesson
// tab and the presentation caption move together), and moving between steps, which applies the
// step's setup to the learner's journey (stepSetup.ts says how) and highlights the step's nodes.
import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { checkJourney } from '../../../core/journey';
import type { LessonStep } from '../../../core/lessons';
import { isTyping } from '../../isTyping';
import { useServices } from '../../services';
import { useEditorStore } from '../../store/useEditorStore';
import { editorFor } from '../../store/journeyEditor';
import { useTrainerStore } from '../TrainerStoreContext';
import { createTrainerStore, type TrainerStore } from '../trainerStore';
import { builtinReadyLessons, findLesson, type ReadyLesson } from './lessonLibrary';
import { journeyForStep } from './stepSetup';

export type LessonLookup = { state: 'none' } | { state: 'loading' } | { state: 'missing'; id: string } | { state: 'ready'; entry: ReadyLesson };

/** The lesson with this id (built-in ones at once, imported ones from storage). */
export function useLesson(lessonId: string | null): LessonLookup {
  const { repository } = useServices();
  const builtin = lessonId ? builtinReadyLessons().find((entry) => entry.lesson.id === lessonId) : undefined;
  const [found, setFound] = useState<{ id: string; entry: ReadyLesson | null } | null>(null);
  useEffect(() => {
    if (!lessonId || builtin) return;
    let live = true;
    const settle = (entry: ReadyLesson | null) => live && setFound({ id: lessonId, entry });
    void findLesson(repository, lessonId).then(settle, () => settle(null));
    return () => {
      live = false;
    };
  }, [repository, lessonId, builtin]);
  if (!lessonId) return { state: 'none' };
  if (builtin) return { state: 'ready', entry: builtin };
  if (found?.id !== lessonId) return { state: 'loading' };
  return found.entry ? { state: 'ready', entry: found.entry } : { state: 'missing', id: lessonId };
}

/** The trainer workspace's store; a component shown on its own (a test) keeps a store of its own. */
function useTrainerStoreOrOwn(): TrainerStore {
  const shared = useTrainerStore();
  const [own] = useState(() => createTrainerStore());
  return shared ?? own;
}

export interface LessonSteps {
  index: number;
  step: LessonStep;
  count: number;
  /** Moves to a step; returns whether its setup changed the journey (one undoable change when it did). */
  goTo(index: number): boolean;
  trainer: TrainerStore;
}

export function useLessonSteps(entry: ReadyLesson): LessonSteps {
  const trainer = useTrainerStoreOrOwn();
  const editor = useEditorStore();
  const { lesson, journey: lessonJourney } = entry;
  const count = lesson.steps.length;
  const index = Math.min(Math.max(useStore(trainer, (state) => state.lessonStep), 0), count - 1);

  const goTo = useCallback(
    (next: number): boolean => {
      const target = Math.min(Math.max(next, 0), count - 1);
      const current = editor.getState().journey;
      let changed = false;
      if (current) {
        const moved = journeyForStep(lesson, lessonJourney, current, target);
        const { document } = moved === current ? { document: null } : checkJourney(moved);
        if (document && JSON.stringify(document) !== JSON.stringify(current)) {
          editorFor(editor).replaceWith(document);
          changed = true;
        }
      }
      trainer.getState().setLessonStep(target);
      trainer.getState().setFocus(lesson.steps[target]!.focus);
      return changed;
    },
    [count, editor, lesson, lessonJourney, trainer],
  );

  return { index, step: lesson.steps[index]!, count, goTo, trainer };
}

/**
 * N and Shift+N step through the lesson while mounted, unless the learner is typing. The lesson tab
 * and the presentation caption may both listen: the first to handle a key marks it handled.
 */
export function useStepKeys(steps: Pick<LessonSteps, 'goTo' | 'trainer' | 'count'>, onMoved?: (index: number, setupApplied: boolean) => void): void {
  const { goTo, trainer, count } = steps;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key.toLowerCase() !== 'n') return;
      const from = Math.min(trainer.getState().lessonStep, count - 1);
      const to = event.shiftKey ? from - 1 : from + 1;
      if (to < 0 || to >= count) return;
      event.preventDefault();
      onMoved?.(to, goTo(to));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [goTo, trainer, count, onMoved]);
}
