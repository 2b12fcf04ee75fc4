// The lesson trainer mode follows on the open journey, and its step, kept with the journey
// (lessonProgress.ts): the lesson named in the address when there is one, else the one the journey was
// following, so leaving trainer mode (or reloading) and coming back finds the lesson at the same step.
import { useEffect, useState } from 'react';
import { useServices } from '../../services';
import type { TrainerStore } from '../trainerStore';
import { readLessonProgress, saveLessonProgress } from './lessonProgress';

/** `resolving`: no lesson was named, and the journey's own is being read from storage. */
export type FollowedLesson = { state: 'resolving' } | { state: 'ready'; lessonId: string | null };

const ignore = () => {};

export function useFollowedLesson(trainer: TrainerStore, journeyId: string | null, namedLessonId: string | null): FollowedLesson {
  const { repository } = useServices();
  const key = `${journeyId ?? ''}\u0000${namedLessonId ?? ''}`;
  const [found, setFound] = useState<{ key: string; lessonId: string | null } | null>(null);

  useEffect(() => {
    if (!journeyId) return;
    let live = true;
    let lessonId: string | null = null;
    const keep = (step: number) => {
      if (lessonId) void saveLessonProgress(repository, journeyId, { lessonId, step }).catch(ignore);
    };
    // A lost write of the step only costs the learner the step, never the journey: failures are ignored.
    void readLessonProgress(repository, journeyId)
      .catch(() => null)
      .then((stored) => {
        if (!live) return;
        lessonId = namedLessonId ?? stored?.lessonId ?? null;
        const state = trainer.getState();
        // The learner may have moved on while storage answered: then their step stands.
        if (stored && stored.lessonId === lessonId && state.lessonStep === 0) state.setLessonStep(stored.step);
        // Trainer mode opened without a lesson shows the follow tab; the journey's own lesson takes its place.
        if (!namedLessonId && lessonId && state.tab === 'follow') state.setTab('lesson');
        setFound({ key, lessonId });
        keep(trainer.getState().lessonStep);
      });
    const unsubscribe = trainer.subscribe((state, previous) => {
      if (state.lessonStep !== previous.lessonStep) keep(state.lessonStep);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [repository, trainer, journeyId, namedLessonId, key]);

  if (namedLessonId || !journeyId) return { state: 'ready', lessonId: namedLessonId };
  return found?.key === key ? { state: 'ready', lessonId: found.lessonId } : { state: 'resolving' };
}
