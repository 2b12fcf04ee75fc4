import { z } from 'zod';
import { idSchema, type settingsSchema } from '../journey/schema';
import { stages } from '../journey/stages';
import { zodMessage } from '../journey/zodMessages';
import { MAX_SEED } from '../sim/engine/simulate';
import { message } from '../i18n';

/**
 * The lesson file format (docs/lesson-format.md): a journey, the cohort and run settings its
 * simulations use, and steps that each say what to read, what to look at and what to try. Lessons are
 * data so trainers can write and share their own; load.ts checks one against the journey it uses.
 */

export const LESSON_FORMAT = 'journey-lab-lesson';
/** The lesson format version this build reads and writes; older ones are migrated (migrations.ts). */
export const LESSON_SCHEMA_VERSION = 1;

/** Every text a learner reads exists in both languages: a lesson is for either audience. */
export const localizedTextSchema = z
  .strictObject({
    en: z.string().trim().min(1, zodMessage(message('core.lessons.schema.writeTheEnglishText'))).max(2000),
    'zh-CN': z.string().trim().min(1, zodMessage(message('core.lessons.schema.writeTheChineseText'))).max(2000),
  })
  .meta({ description: 'A text in English and Simplified Chinese; both are required.' });

/**
 * Scalar figures of a simulation report a challenge can set a goal on (challenge.ts reads each). The
 * incremental ones are what the journey adds over each user's twin; 'revenue' and 'roi' are the
 * attributed figures (all revenue while in the journey), named so.
 */
export const challengeMetrics = [
  'incrementalConversions',
  'incrementalRevenue',
  'incrementalRoi',
  'conversionRate',
  'converted',
  'entered',
  'cac',
  'cost',
  'revenue',
  'roi',
  'lift',
  'unsubscribes',
  'suppressed',
  'nodeUsers',
] as const;
export type ChallengeMetric = (typeof challengeMetrics)[number];

/** What a step can point the learner at: the challenge figures plus the charts that are not one number. */
export const lookAtTargets = [...challengeMetrics, 'stagePopulation', 'channels', 'funnel'] as const;
export type LookAtTarget = (typeof lookAtTargets)[number];

/** Settings of the journey a suggested edit may change; each value is checked by the journey format. */
export const editableSettings = ['frequencyCap', 'quietHours', 'exitOnGoal', 'horizon'] as const satisfies readonly (keyof z.output<typeof settingsSchema>)[];

const paramName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, zodMessage(message('core.lessons.schema.aParamNameIsA')));

/** A change to the journey described as data, so the UI can show it, apply it and undo it. */
export const journeyEditSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('setParam'),
      node: idSchema.meta({ description: 'Id of the node whose param changes.' }),
      param: paramName.meta({ description: 'Name of the param in the node’s params, e.g. "timeout" or "value".' }),
      value: z.unknown().meta({ description: 'The new value, as the journey format writes it.' }),
    })
    .meta({ description: 'Set one param of one node.' }),
  z
    .strictObject({
      type: z.literal('setSetting'),
      setting: z.enum(editableSettings),
      value: z.unknown().meta({ description: 'The new value, as the journey format writes it (null turns a cap or quiet hours off).' }),
    })
    .meta({ description: 'Set one journey setting, e.g. the frequency cap.' }),
]);

export const lookAtSchema = z
  .strictObject({
    target: z.enum(lookAtTargets).meta({ description: 'Which figure or chart of the simulation report.' }),
    node: idSchema.optional().meta({ description: 'With nodeUsers: the node whose users to read.' }),
    stage: z.enum(stages).optional().meta({ description: 'With stagePopulation: the stage lane to read.' }),
    text: localizedTextSchema.meta({ description: 'What to notice there.' }),
  })
  .refine((lookAt) => lookAt.target !== 'nodeUsers' || lookAt.node !== undefined, {
    message: zodMessage(message('core.lessons.schema.nodeusersNeedsTheNodeTo')),
    path: ['node'],
  });

export const tryThisSchema = z.strictObject({
  text: localizedTextSchema.meta({ description: 'What to try, in words.' }),
  edits: z.array(journeyEditSchema).max(20).default([]).meta({ description: 'The suggested change as data, applied together in order.' }),
});

const bound = z.union([z.number(), z.literal('baseline')]);

/**
 * One condition of a challenge goal. `change` says what is compared with the bounds: the attempt's
 * figure itself ('none'), its difference from the baseline run ('absolute'), or that difference as a
 * fraction of the baseline ('relative', 0.2 = +20 %). 'baseline' as a bound means the baseline's figure.
 */
export const conditionSchema = z
  .strictObject({
    metric: z.enum(challengeMetrics),
    node: idSchema.optional().meta({ description: 'With nodeUsers: the node whose users are counted.' }),
    change: z.enum(['none', 'absolute', 'relative']).default('none'),
    atLeast: bound.optional(),
    atMost: bound.optional(),
  })
  .refine((condition) => condition.atLeast !== undefined || condition.atMost !== undefined, {
    message: zodMessage(message('core.lessons.schema.aConditionNeedsAtleastAtmost')),
  })
  .refine((condition) => condition.change === 'none' || (condition.atLeast !== 'baseline' && condition.atMost !== 'baseline'), {
    message: zodMessage(message('core.lessons.schema.baselineIsABoundOnly')),
  })
  .refine((condition) => condition.metric !== 'nodeUsers' || condition.node !== undefined, {
    message: zodMessage(message('core.lessons.schema.nodeusersNeedsTheNodeTo2')),
    path: ['node'],
  });

export const challengeSchema = z.strictObject({
  goal: localizedTextSchema.meta({ description: 'The goal in words, e.g. "raise conversion by 20 % without raising CAC".' }),
  conditions: z.array(conditionSchema).min(1).max(10).meta({ description: 'All must hold for the challenge to be met.' }),
  hints: z.array(localizedTextSchema).max(10).default([]).meta({ description: 'Shown one at a time, in order.' }),
});

export const stepSchema = z.strictObject({
  title: localizedTextSchema,
  text: localizedTextSchema.meta({ description: 'A short explanation (a few sentences).' }),
  setup: z
    .array(journeyEditSchema)
    .max(20)
    .default([])
    .meta({ description: 'Edits that bring the journey to how it stands at this step; they add up over the steps.' }),
  focus: z.array(idSchema).max(50).default([]).meta({ description: 'Ids of the nodes to highlight.' }),
  lookAt: z.array(lookAtSchema).max(10).default([]),
  tryThis: tryThisSchema.optional(),
  challenge: challengeSchema.optional(),
});

const journeySourceSchema = z.union([
  z.strictObject({ template: z.string().min(1).max(100).meta({ description: 'Id of a ready journey (src/core/templates).' }) }),
  z.strictObject({ document: z.record(z.string(), z.unknown()).meta({ description: 'A whole journey document (docs/journey-format.md).' }) }),
]);

export const lessonSchema = z
  .strictObject({
    format: z.literal(LESSON_FORMAT),
    schemaVersion: z.literal(LESSON_SCHEMA_VERSION),
    id: idSchema,
    title: localizedTextSchema,
    summary: localizedTextSchema,
    journey: journeySourceSchema,
    cohort: z.string().min(1).max(100).optional().meta({ description: 'Id of a ready cohort; "ecommerce" when left out.' }),
    users: z.number().int().min(100).max(100_000).default(2000).meta({ description: 'Users each simulation of the lesson runs.' }),
    seed: z.number().int().min(0).max(MAX_SEED).default(1),
    steps: z.array(stepSchema).min(1).max(30),
  })
  .meta({ id: 'JourneyLabLesson', title: 'Journey Lab lesson', description: `A lesson of trainer mode (format v${LESSON_SCHEMA_VERSION}).` });

export const DEFAULT_LESSON_COHORT = 'ecommerce';

export type LocalizedText = z.output<typeof localizedTextSchema>;
export type JourneyEdit = z.output<typeof journeyEditSchema>;
export type LookAt = z.output<typeof lookAtSchema>;
export type ChallengeCondition = z.output<typeof conditionSchema>;
export type Challenge = z.output<typeof challengeSchema>;
export type LessonStep = z.output<typeof stepSchema>;
export type Lesson = z.output<typeof lessonSchema>;
/** A lesson as written in a file: fields with defaults may be left out. */
export type LessonInput = z.input<typeof lessonSchema>;
