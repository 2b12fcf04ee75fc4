import { message } from '../i18n';
import type { ProblemDefinition } from '../journey/problems';

/** What each lesson problem code means and how to fix it; docs/lesson-format.md has a section per code. */
export const lessonProblems = {
  'lesson-invalid': {
    severity: 'error',
    title: message('core.lessons.problems.notAValidLesson'),
    fix: message('core.lessons.problems.correctTheFieldAtThe'),
  },
  'lesson-newer-version': {
    severity: 'error',
    title: message('core.lessons.problems.lessonFromANewerJourney'),
    fix: message('core.lessons.problems.updateJourneyLabOrAsk'),
  },
  'lesson-unknown-template': {
    severity: 'error',
    title: message('core.lessons.problems.lessonUsesAJourneyTemplate'),
    fix: message('core.lessons.problems.useTheIdOfA'),
  },
  'lesson-unknown-cohort': {
    severity: 'error',
    title: message('core.lessons.problems.lessonUsesACohortThat'),
    fix: message('core.lessons.problems.useTheIdOfA2'),
  },
  'lesson-journey-invalid': {
    severity: 'error',
    title: message('core.lessons.problems.theLessonSJourneyHas'),
    fix: message('core.lessons.problems.openTheJourneyInThe'),
  },
  'lesson-missing-node': {
    severity: 'error',
    title: message('core.lessons.problems.lessonRefersToANode'),
    fix: message('core.lessons.problems.useTheIdOfA3'),
  },
  'lesson-edit-invalid': {
    severity: 'error',
    title: message('core.lessons.problems.aSuggestedEditBreaksThe'),
    fix: message('core.lessons.problems.giveTheParamOrSetting'),
  },
  'lesson-no-holdout': {
    severity: 'warning',
    title: message('core.lessons.problems.liftIsReadButThe'),
    fix: message('core.lessons.problems.addASplitWithA'),
  },
} satisfies Record<string, ProblemDefinition>;

export type LessonProblemCode = keyof typeof lessonProblems;
