// Which lesson a journey follows and at which step, and which journey is the learner's copy of a lesson:
// small keys in the repository's settings (IndexedDB in the app, beside the imported lessons), so the
// lesson survives leaving trainer mode and a reload, and starting a lesson again reopens the copy.
// Settings hold any cloneable value; what comes back is checked, never trusted.
import { isPlainObject } from '../../../core/journey';
import type { JourneyRepository } from '../../persist/repository';

/** One key per journey and per lesson: writing one never races a write of another. */
export const lessonProgressKey = (journeyId: string) => `lessonProgress:${journeyId}`;
export const lessonCopyKey = (lessonId: string) => `lessonCopy:${lessonId}`;

export interface LessonProgress {
  lessonId: string;
  /** The step shown (0-based). */
  step: number;
}

export async function readLessonProgress(repository: JourneyRepository, journeyId: string): Promise<LessonProgress | null> {
  const stored = await repository.getSetting(lessonProgressKey(journeyId));
  if (!isPlainObject(stored) || typeof stored.lessonId !== 'string' || !stored.lessonId) return null;
  const step = typeof stored.step === 'number' && Number.isInteger(stored.step) && stored.step >= 0 ? stored.step : 0;
  return { lessonId: stored.lessonId, step };
}

export function saveLessonProgress(repository: JourneyRepository, journeyId: string, progress: LessonProgress): Promise<void> {
  return repository.setSetting(lessonProgressKey(journeyId), { lessonId: progress.lessonId, step: progress.step });
}

/** Starting a lesson made this journey: the learner's copy, reopened when the lesson is started again. */
export async function rememberLessonCopy(repository: JourneyRepository, lessonId: string, journeyId: string): Promise<void> {
  await repository.setSetting(lessonCopyKey(lessonId), journeyId);
  await saveLessonProgress(repository, journeyId, { lessonId, step: 0 });
}

/**
 * The learner's copy of a lesson's journey: the journey starting the lesson made, while it is still
 * stored and still follows that lesson (a deleted copy, or one moved on to another lesson, is none).
 */
export async function findLessonCopy(repository: JourneyRepository, lessonId: string): Promise<string | null> {
  const journeyId = await repository.getSetting(lessonCopyKey(lessonId));
  if (typeof journeyId !== 'string' || !journeyId) return null;
  const loaded = await repository.load(journeyId);
  if (!loaded.ok && loaded.reason !== 'unreadable') return null;
  const progress = await readLessonProgress(repository, journeyId);
  return progress?.lessonId === lessonId ? journeyId : null;
}
