import type { LessonInput } from '../schema';
import { lifecycleStagesLesson } from './lifecycleStages';
import { rfmSegmentationLesson } from './rfmSegmentation';
import { cartAbandonmentCouponLesson } from './cartAbandonmentCoupon';
import { frequencyCapsLesson } from './frequencyCaps';
import { winBackHoldoutLesson } from './winBackHoldout';

/** The lessons that ship with Journey Lab, in teaching order; each passes parseLesson (a test checks). */
export const builtinLessons: readonly LessonInput[] = [lifecycleStagesLesson, rfmSegmentationLesson, cartAbandonmentCouponLesson, frequencyCapsLesson, winBackHoldoutLesson];

export function getBuiltinLesson(id: string): LessonInput | undefined {
  return builtinLessons.find((lesson) => lesson.id === id);
}
