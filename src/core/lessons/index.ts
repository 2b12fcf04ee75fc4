/** The public surface of this folder: code outside it imports from here (lint keeps it so). */
export { builtinLessons } from './builtin/index';
export { checkChallenge, metricNames, metricValue, ratesAsPercent } from './challenge';
export type { ChallengeResult, CheckOptions, ConditionResult } from './challenge';
export { checkSize, MAX_CHECK_USERS } from './power';
export type { CheckSize } from './power';
export { applyEdits, journeyAtStep } from './edits';
export { parseLesson, resolveLessonJourney } from './load';
export type { ParsedLesson } from './load';
export { challengeMetrics } from './schema';
export type { Challenge, ChallengeMetric, Lesson, LessonInput, LessonStep, LookAt } from './schema';
export { decodeLesson, encodeLesson } from './share';
