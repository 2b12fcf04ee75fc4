import { z } from 'zod';
import { grouped, message } from '../i18n';
import { zodMessage } from './zodMessages';
import { MAX_DURATION_DAYS } from './limits';
import { limitParams } from './limitChecks';

/**
 * SMART goals: part of the journey document since format v2, so they are saved and exported with the
 * journey. Each is checked against a simulation's forecast by src/core/sim/analysis/verdicts.ts.
 */

/**
 * The metrics a goal can be on. The incremental ones lead: what the journey adds over each user's twin
 * (the same user without the journey's touches and offers), the report's headline. The others are the
 * figures measured while users are in the journey:
 * - 'revenue' is the ATTRIBUTED revenue (everything users bought while in the journey, organic purchases
 *   included), shown as "attributed revenue";
 * - 'roi' is the ATTRIBUTED ROI, (attributed revenue − cost) ÷ cost, shown as "attributed ROI". Journeys
 *   saved before incremental figures existed keep their 'roi' goals with this one meaning, which is what
 *   the figure meant then; a goal on the journey's return is 'incrementalRoi'.
 */
export const goalMetrics = [
  'incrementalConversions',
  'incrementalRevenue',
  'incrementalRoi',
  'costPerIncrementalConversion',
  'conversionRate',
  'liftVsHoldout',
  'revenue',
  'roi',
  'cac',
] as const;
export type GoalMetric = (typeof goalMetrics)[number];
export const MAX_GOALS = 3;

/**
 * The metrics journey format v2 knows (before incremental figures, which came with format v3): a
 * journey taken down to v2 keeps only goals on these.
 */
export const goalMetricsOfV2: readonly GoalMetric[] = ['conversionRate', 'liftVsHoldout', 'revenue', 'roi', 'cac'];

/** The unit a goal's target is written in: a proportion shown as a percentage, points of a difference of proportions, money in the journey's currency, or a count of users. */
export type GoalUnit = 'percent' | 'points' | 'money' | 'count';

export const goalUnits: Record<GoalMetric, GoalUnit> = {
  incrementalConversions: 'count',
  incrementalRevenue: 'money',
  incrementalRoi: 'percent',
  costPerIncrementalConversion: 'money',
  conversionRate: 'percent',
  liftVsHoldout: 'points',
  revenue: 'money',
  roi: 'percent',
  cac: 'money',
};

/**
 * A SMART goal on the forecast. Targets are in the metric's own unit (`goalUnits`): conversionRate,
 * liftVsHoldout (the treated − holdout conversion rate, in proportion: 0.02 = 2 points), roi and
 * incrementalRoi as proportions (0.25 = 25 %), incrementalConversions in users, revenue,
 * incrementalRevenue, cac and costPerIncrementalConversion in the journey's currency. `withinDays` is
 * the time frame, counted from launch; without it, the goal covers the journey's horizon.
 */
export const goalSchema = z.strictObject({
  metric: z.enum(goalMetrics).meta({ description: 'The forecast figure the goal is about.' }),
  comparison: z.enum(['>=', '<=']).meta({ description: 'Whether the figure must be at least (>=) or at most (<=) the target.' }),
  target: z.number().meta({
    description:
      'Proportions for conversionRate, liftVsHoldout, roi and incrementalRoi (0.02 = 2 %); users for incrementalConversions; money for revenue, incrementalRevenue, cac and costPerIncrementalConversion. revenue and roi are the attributed figures (while in the journey), the incremental ones what the journey adds over each user’s twin.',
  }),
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
