import { z } from 'zod';
import { grouped, message } from '../i18n';
import { zodMessage } from './zodMessages';
import { MAX_DURATION_DAYS } from './limits';
import { limitParams } from './limitChecks';

/**
 * SMART goals: part of the journey document since format v2, so they are saved and exported with the
 * journey. Each is checked against a simulation's forecast by src/core/sim/analysis/verdicts.ts.
 */

export const goalMetrics = ['conversionRate', 'liftVsHoldout', 'revenue', 'roi', 'cac'] as const;
export type GoalMetric = (typeof goalMetrics)[number];
export const MAX_GOALS = 3;

/**
 * A SMART goal on the forecast. Targets are in the metric's own unit: conversionRate, liftVsHoldout
 * (the treated − holdout conversion rate, in proportion: 0.02 = 2 points) and roi as proportions,
 * revenue and cac in the journey's currency. `withinDays` is the time frame, counted from launch;
 * without it, the goal covers the journey's horizon.
 */
export const goalSchema = z.strictObject({
  metric: z.enum(goalMetrics).meta({ description: 'The forecast figure the goal is about.' }),
  comparison: z.enum(['>=', '<=']).meta({ description: 'Whether the figure must be at least (>=) or at most (<=) the target.' }),
  target: z.number().meta({ description: 'Proportions for conversionRate, liftVsHoldout and roi (0.02 = 2 %); money for revenue and cac.' }),
  withinDays: z
    .number()
    .int(zodMessage(message('core.journey.goals.daysAreAWholeNumber')))
    .positive(zodMessage(message('core.journey.goals.daysAreAbove0')))
    .refine((days) => days <= MAX_DURATION_DAYS, {
      message: zodMessage(message('core.journey.goals.aDurationIsAtMost', { MAX_DURATION_DAYS: grouped(MAX_DURATION_DAYS) })),
      params: limitParams('duration-too-long'),
    })
    .optional()
    .meta({ description: `Days from launch the goal allows (at most ${MAX_DURATION_DAYS}); left out for the journey’s horizon.` }),
});
export type GoalSpec = z.output<typeof goalSchema>;

/** At most three goals per journey. */
export const goalsSchema = z
  .array(goalSchema)
  .max(MAX_GOALS, zodMessage(message('core.journey.goals.atMostThreeGoalsPer')))
  .meta({ description: 'SMART goals checked against the simulation’s forecast (at most three).' });
