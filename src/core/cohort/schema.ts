import { z } from 'zod';
import { grouped, message, type Message, verbatim, joinedMessages, localized } from '../i18n';
import { pathText } from '../journey/problems';
import { channels } from '../journey/channels';
import { rfmDimensions } from '../journey/condition';
import { calendarDate, idSchema } from '../journey/schema';
import { eventNameSchema } from '../journey/events';
import { isPlainObject, plainPath, localizeIssue, zodMessage } from '../journey/zodMessages';
import { bySeverity, type Problem, type ProblemDefinition } from '../journey/problems';
import { migrateCohort } from './migrations';
import { COHORT_SCHEMA_VERSION, OLDEST_COHORT_SCHEMA_VERSION } from './version';
import { provenanceSchema } from './provenance';
import { MAX_DURATION_DAYS, MAX_LABEL_CHARS, MAX_USERS } from '../journey/limits';
import { limitOfIssue, listedIssues, measureDocument } from '../journey/limitChecks';

/**
 * The synthetic cohort (模拟人群) a journey is simulated on: how many users, which segments with which
 * shares, and per segment the distributions of attributes, RFM scores, tags and channel reach, plus the
 * numbers the behaviour model reads (purchase rates, order values, responses to touches). The spec
 * holds numbers only; src/core/cohort/generate.ts turns it into users, and the behaviour model the
 * numbers into events. Documented field by field in docs/cohort-format.md.
 */

/**
 * The cohort format version this build reads and writes (defined in version.ts; the migrations in
 * migrations.ts bring an older spec up to it). A newer one is refused with both versions named.
 */
export { COHORT_SCHEMA_VERSION };

// ---------------------------------------------------------------------------------------------------
// Building blocks

const probability = z
  .number()
  .min(0, zodMessage(message('core.cohort.schema.probabilitiesAreBetween0And')))
  .max(1, zodMessage(message('core.cohort.schema.probabilitiesAreBetween0And')));

const percent = z
  .number()
  .min(0, zodMessage(message('core.cohort.schema.sharesArePercentagesFrom0')))
  .max(100, zodMessage(message('core.cohort.schema.sharesArePercentagesFrom0')));

/** The largest global control group a cohort may hold out: half of its users. */
export const MAX_CONTROL_GROUP_SHARE = 0.5;

const positive = z.number().positive(zodMessage(message('core.cohort.schema.mustBeGreaterThan0')));

/** The largest time multiplier (by hour, weekday or date): beyond it one hour or day would dwarf the rest. */
export const MAX_TIME_MULTIPLIER = 20;
/** The most calendar entries a cohort may list (a few years of festivals). */
export const MAX_CALENDAR_ENTRIES = 200;

/** The largest price elasticity a segment may have: beyond it a token discount would multiply buying many times over. */
export const MAX_PRICE_ELASTICITY = 20;

/** The most each recent touch may multiply the unsubscribe chance by (over 1): beyond it every touch is an opt-out anyway. */
export const MAX_UNSUBSCRIBE_PRESSURE = 10;

const nameText = z.string().min(1).max(MAX_LABEL_CHARS);

/** Text a person reads: one string, or the same text in both languages. */
export const localizedTextSchema = z
  .union([nameText, z.strictObject({ en: nameText, 'zh-CN': nameText })])
  .meta({ description: 'A plain string, or { "en": …, "zh-CN": … } to give the text in both languages.' });
export type LocalizedText = z.output<typeof localizedTextSchema>;

const descriptionText = z.union([z.string().max(5000), z.strictObject({ en: z.string().max(5000), 'zh-CN': z.string().max(5000) })]);

/** The text in one language (a plain string is the same in both). */
/** Attribute names are what journey conditions compare: snake_case, like "member_tier". */
export const attributeNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, zodMessage(message('core.cohort.schema.attributeNamesAreSnakeCase')));

export const tagNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_:-]{0,63}$/, zodMessage(message('core.cohort.schema.tagsAre164Letters')));

const attributeValue = z.union([z.string().min(1).max(100), z.number(), z.boolean()]);
export type AttributeValue = z.output<typeof attributeValue>;

/** Shares in percent per value of a categorical attribute; keys are the values as text ("true", "3"). */
const sharesSchema = z
  .record(z.string(), percent)
  .meta({ description: 'Percentage of users per value, keyed by the value as text; adds up to 100.' });

export const numericDistributionSchema = z
  .strictObject({
    mean: z.number().meta({ description: 'Mean of the normal distribution values are drawn from.' }),
    sd: z.number().min(0, zodMessage(message('core.cohort.schema.aStandardDeviationCannotBe'))).meta({ description: 'Its standard deviation (0 gives every user the mean).' }),
  })
  .meta({ description: 'Normal distribution of a numeric attribute; draws are clamped to the declared range (and rounded when it is integer).' });
export type NumericDistribution = z.output<typeof numericDistributionSchema>;

export const attributeDeclarationSchema = z
  .strictObject({
    name: localizedTextSchema.optional().meta({ description: 'What operators call the attribute; the key is used when absent.' }),
    values: z
      .array(attributeValue)
      .min(1)
      .optional()
      .meta({ description: 'Categorical attribute: the values it can take (strings, numbers or booleans). Give either values or numeric.' }),
    shares: sharesSchema
      .optional()
      .meta({ description: 'Categorical only: the distribution of users whose segment does not give its own, in percent per value.' }),
    numeric: z
      .strictObject({
        min: z.number().meta({ description: 'Smallest value.' }),
        max: z.number().meta({ description: 'Largest value.' }),
        integer: z.boolean().default(false).meta({ description: 'Round draws to whole numbers.' }),
      })
      .optional()
      .meta({ description: 'Numeric attribute: its range. Give either values or numeric.' }),
    normal: numericDistributionSchema
      .optional()
      .meta({ description: 'Numeric only: the distribution of users whose segment does not give its own.' }),
  })
  .meta({ description: 'Declares one attribute: its values (categorical) or range (numeric), and optionally a cohort-wide distribution.' });
export type AttributeDeclaration = z.output<typeof attributeDeclarationSchema>;

const uniformRfm = [20, 20, 20, 20, 20] as const;
const rfmShares = z
  .tuple([percent, percent, percent, percent, percent])
  .default([...uniformRfm])
  .meta({ description: 'Percentage of users with score 1, 2, 3, 4 and 5 (5 = most recent / most frequent / highest spend); adds up to 100.' });

export const rfmDistributionSchema = z
  .strictObject({ recency: rfmShares, frequency: rfmShares, monetary: rfmShares })
  .prefault({})
  .meta({ description: 'Distribution of RFM scores, independently per dimension; uniform when left out.' });
export type RfmDistribution = z.output<typeof rfmDistributionSchema>;

export const purchaseParamsSchema = z
  .strictObject({
    r: positive.meta({ description: 'BG/NBD: shape of the gamma distribution of purchase rates across users.' }),
    alpha: positive.meta({ description: 'BG/NBD: rate parameter of that gamma distribution, in days (mean purchase rate while active = r / alpha per day).' }),
    a: positive.meta({ description: 'BG/NBD: first shape of the beta distribution of the chance of dropping out after a purchase.' }),
    b: positive.meta({ description: 'BG/NBD: second shape (mean drop-out chance per purchase = a / (a + b)).' }),
  })
  .meta({ description: 'BG/NBD purchase model (Fader, Hardie & Lee 2005), with time in days.' });
export type PurchaseParams = z.output<typeof purchaseParamsSchema>;

export const orderValueParamsSchema = z
  .strictObject({
    p: positive.meta({ description: 'Gamma-gamma: shape of the spend of one order around the user’s own mean.' }),
    q: z
      .number()
      .gt(1, zodMessage(message('core.cohort.schema.qMustBeGreaterThan')))
      .meta({ description: 'Gamma-gamma: shape of the distribution of users’ mean spend (must exceed 1).' }),
    gamma: positive.meta({ description: 'Gamma-gamma: rate parameter of the distribution of users’ spend level, in yuan (mean order value = p × gamma / (q − 1)).' }),
  })
  .meta({ description: 'Gamma-gamma order value model (Fader, Hardie & Lee 2005), values in yuan.' });
export type OrderValueParams = z.output<typeof orderValueParamsSchema>;

export const channelResponseSchema = z
  .strictObject({
    open: probability.meta({ description: 'Chance that a delivered touch is opened (read, tapped, answered).' }),
    click: probability.meta({ description: 'Chance that an opened touch is clicked through (conditional on the open).' }),
    unsubscribe: probability.meta({ description: 'Chance that a delivered touch makes the user opt out of the channel.' }),
  })
  .meta({ description: 'How the segment responds to one touch on a channel.' });
export type ChannelResponse = z.output<typeof channelResponseSchema>;

/**
 * Events the behaviour model makes itself, so a segment cannot give them a rate: purchases come from
 * the BG/NBD model, opens, clicks and unsubscribes from responses to touches. (`visit` is not one:
 * clicks cause visits too, and a rate adds the visits users make unprompted.)
 */
export const modelledEvents = ['purchase', 'open', 'click', 'unsubscribe'] as const;
export type ModelledEvent = (typeof modelledEvents)[number];

export const eventRateSchema = z
  .strictObject({
    perDay: z
      .number()
      .min(0, zodMessage(message('core.cohort.schema.aRatePerDayCannot')))
      .meta({ description: 'Mean number of times a day a user of the segment does the event (0 = never).' }),
  })
  .meta({ description: 'The rate of one behaviour event.' });
export type EventRate = z.output<typeof eventRateSchema>;

export const segmentBehaviourSchema = z
  .strictObject({
    purchase: purchaseParamsSchema,
    orderValue: orderValueParamsSchema,
    events: z
      .record(eventNameSchema, eventRateSchema)
      .default({})
      .meta({
        description:
          'Rates of behaviour events the user does on their own, per day (a Poisson process each), e.g. { "add_to_cart": { "perDay": 0.05 } }. Entry triggers, waits for events and conditions read them; purchases come from the BG/NBD model instead and opens/clicks from touches.',
      }),
    response: z
      .partialRecord(z.enum(channels), channelResponseSchema)
      .default({})
      .meta({ description: 'Response per channel; a channel left out is never opened.' }),
    responseDelayHours: positive
      .max(MAX_DURATION_DAYS * 24, zodMessage(message('core.cohort.schema.aDelayIsAtMost', { v: grouped(MAX_DURATION_DAYS * 24), MAX_DURATION_DAYS: grouped(MAX_DURATION_DAYS) })))
      .default(2)
      .meta({ description: 'Mean time from a delivered touch to its open (and click, and unsubscribe), in hours; delays are exponential.' }),
    fatigue: probability
      .default(1)
      .meta({ description: 'Multiplier on open and click chances for every touch received in the response window (1 = no fatigue).' }),
    clickLift: positive
      .default(1)
      .meta({ description: 'Multiplier on the purchase rate for responseWindowDays after a click (1 = no effect).' }),
    priceElasticity: z
      .number()
      .min(0, zodMessage(message('core.cohort.schema.elasticityIsAtLeast0')))
      .max(MAX_PRICE_ELASTICITY, zodMessage(message('core.cohort.schema.elasticityIsAtMost', { MAX_PRICE_ELASTICITY })))
      .default(0)
      .meta({
        description:
          'Price sensitivity: while the user knows a valid offer, their purchase rate is multiplied by 1 + priceElasticity × (the offer’s value ÷ their own expected order value), so deeper discounts lift more. 0 = offers do not change buying.',
      }),
    responseWindowDays: positive
      .max(MAX_DURATION_DAYS, zodMessage(message('core.cohort.schema.aWindowIsAtMost', { MAX_DURATION_DAYS: grouped(MAX_DURATION_DAYS) })))
      .default(7).meta({ description: 'Days a click keeps lifting purchases, and over which recent touches count towards fatigue and pressure.' }),
    pullForward: probability
      .default(0)
      .meta({
        description:
          'Pull-forward (需求透支): the chance that a purchase the journey induces is the user’s next purchase of their own, brought forward — not made again when it was due, its dropout chance applying now — so a promotion shows its later dip. 0 = every induced purchase is extra; 1 = each only brings one forward.',
      }),
    reactivation: probability
      .default(0)
      .meta({
        description:
          'Win-back: the chance that a clicked touch brings a lapsed customer (one the purchase model has dropped out) back to buying at their own rate; they can lapse again. 0 = lapsed customers never come back.',
      }),
    unsubscribePressure: z
      .number()
      .min(0, zodMessage(message('core.cohort.schema.pressureIsAtLeast0')))
      .max(MAX_UNSUBSCRIBE_PRESSURE, zodMessage(message('core.cohort.schema.pressureIsAtMost', { MAX_UNSUBSCRIBE_PRESSURE })))
      .default(0)
      .meta({
        description:
          'How contact pressure raises opt-outs: a touch’s unsubscribe chance is the channel’s, times (1 + pressure × touches received in the response window before it), at most 1. 0 = how often users are contacted does not matter.',
      }),
  })
  .meta({ description: 'Numbers the behaviour model reads for users of the segment.' });
export type SegmentBehaviour = z.output<typeof segmentBehaviourSchema>;

const multiplier = z.number().min(0, zodMessage(message('core.cohort.schema.multipliersAreAtLeast0'))).max(MAX_TIME_MULTIPLIER, zodMessage(message('core.cohort.schema.multipliersAreAtMost', { MAX_TIME_MULTIPLIER })));

/** Multipliers by local hour of the day (24, from 00:00) or by weekday (7, Monday first). */
const byHour = z.array(multiplier).length(24, zodMessage(message('core.cohort.schema.hoursAreTwentyFour')));
const byWeekday = z.array(multiplier).length(7, zodMessage(message('core.cohort.schema.weekdaysAreSeven')));

export const timingSchema = z
  .strictObject({
    openByHour: z
      .partialRecord(z.enum(channels), byHour)
      .default({})
      .meta({ description: 'Per channel: 24 multipliers on the open chance of a touch delivered in each local hour (00:00 first). A channel left out opens alike at every hour.' }),
    delayByHour: z
      .partialRecord(z.enum(channels), byHour)
      .default({})
      .meta({ description: 'Per channel: 24 multipliers on the mean response delay of a touch delivered in each local hour (a late-night message is answered next morning).' }),
    openByWeekday: z
      .partialRecord(z.enum(channels), byWeekday)
      .default({})
      .meta({ description: 'Per channel: 7 multipliers on the open chance by weekday, Monday first; they apply when a journey has a dated launch.' }),
  })
  .prefault({})
  .meta({ description: 'When people respond: by hour of the day and by weekday, per channel (all 1 when left out).' });
export type Timing = z.output<typeof timingSchema>;

export const calendarEntrySchema = z
  .strictObject({
    name: localizedTextSchema,
    from: calendarDate.meta({ description: 'First day, YYYY-MM-DD (local).' }),
    to: calendarDate.meta({ description: 'Last day, YYYY-MM-DD, inclusive.' }),
    purchaseRate: multiplier.meta({ description: 'Multiplier on every user’s own purchase rate on those days (2 = twice as many purchases, 0.5 = half).' }),
  })
  .refine((entry) => entry.from <= entry.to, { message: zodMessage(message('core.cohort.schema.calendarEndsBeforeItStarts')), path: ['to'] })
  .meta({ description: 'A span of dates with its own purchase rate.' });
export type CalendarEntry = z.output<typeof calendarEntrySchema>;

export const cohortSegmentSchema = z
  .strictObject({
    id: idSchema.meta({ description: 'Segment id, as journey conditions name it ({ "segment": id }).' }),
    name: localizedTextSchema,
    description: descriptionText.default('').meta({ description: 'Who these users are.' }),
    share: percent.meta({ description: 'Percentage of the cohort in this segment; all segments add up to 100.' }),
    attributes: z
      .record(z.string(), sharesSchema)
      .default({})
      .meta({ description: 'Per categorical attribute: percentage of the segment per value (adds up to 100).' }),
    numeric: z
      .record(z.string(), numericDistributionSchema)
      .default({})
      .meta({ description: 'Per numeric attribute: the normal distribution of its value in the segment.' }),
    rfm: rfmDistributionSchema,
    tags: z
      .record(z.string(), probability)
      .default({})
      .meta({ description: 'Per declared tag: the chance a user of the segment carries it.' }),
    reach: z
      .partialRecord(z.enum(channels), probability)
      .default({})
      .meta({ description: 'Per channel: the chance a user can be reached there (opted in, app installed, follows the account). A channel left out reaches nobody.' }),
    behaviour: segmentBehaviourSchema,
  })
  .meta({ description: 'One segment (细分) of the cohort.' });
export type CohortSegment = z.output<typeof cohortSegmentSchema>;

export const cohortSpecSchema = z
  .strictObject({
    schemaVersion: z.literal(COHORT_SCHEMA_VERSION).meta({ description: 'Cohort format version.' }),
    id: idSchema,
    name: localizedTextSchema,
    description: descriptionText.default('').meta({ description: 'What the cohort represents and where its numbers come from.' }),
    size: z
      .number()
      .int(zodMessage(message('core.cohort.schema.theSizeIsAWhole')))
      .min(1, zodMessage(message('core.cohort.schema.aCohortHasAtLeast')))
      .max(MAX_USERS, zodMessage(message('core.cohort.schema.aCohortHasAtMost', { MAX_USERS: grouped(MAX_USERS) })))
      .default(10_000)
      .meta({ description: 'Number of synthetic users.' }),
    controlGroupShare: z
      .number()
      .min(0, zodMessage(message('core.cohort.schema.controlGroupShareOutOfRange')))
      .max(MAX_CONTROL_GROUP_SHARE, zodMessage(message('core.cohort.schema.controlGroupShareOutOfRange')))
      .default(0)
      .meta({
        description:
          'The global control group (全局对照组): the proportion of users, chosen by user id, held out of every journey simulated on this cohort (a journey may opt out with settings.optOutOfControlGroup); the report measures each journey against them. From 0 (no control group, the default) to 0.5.',
      }),
    timing: timingSchema,
    calendar: z
      .array(calendarEntrySchema)
      .max(MAX_CALENDAR_ENTRIES, zodMessage(message('core.cohort.schema.calendarHasAtMost', { MAX_CALENDAR_ENTRIES })))
      .default([])
      .meta({
        description:
          'Dates on which everyone’s own purchase rate is multiplied, e.g. 618, 双11 or the Spring Festival (春节) lull: they apply when a journey has a dated launch (settings.launch). Overlapping entries multiply.',
      }),
    attributes: z
      .record(attributeNameSchema, attributeDeclarationSchema)
      .default({})
      .meta({ description: 'The attribute vocabulary: every attribute a segment may give a distribution for.' }),
    tags: z.array(tagNameSchema).default([]).meta({ description: 'The tag vocabulary: every tag a segment may give a chance for.' }),
    segments: z
      .array(cohortSegmentSchema)
      .min(1, zodMessage(message('core.cohort.schema.aCohortNeedsAtLeast')))
      .meta({ description: 'The segments; their shares add up to 100.' }),
    provenance: provenanceSchema.optional(),
  })
  .meta({ id: 'CohortSpec', title: 'Journey Lab cohort', description: `A synthetic cohort to simulate journeys on (cohort format v${COHORT_SCHEMA_VERSION}).` });

export type CohortSpec = z.output<typeof cohortSpecSchema>;
/** A spec as written in a file: fields with defaults may be left out. */
export type CohortSpecInput = z.input<typeof cohortSpecSchema>;

/** The attributes the domain names for grouping (分组); specs may declare others too. */
// ---------------------------------------------------------------------------------------------------
// Problems

export const cohortProblems = {
  'cohort-invalid': {
    severity: 'error',
    title: message('core.cohort.schema.cohortDoesNotMatchThe'),
    fix: message('core.cohort.schema.correctTheFieldAtThe'),
  },
  'cohort-unsupported-version': {
    severity: 'error',
    title: message('core.cohort.schema.unsupportedCohortFormatVersion'),
    fix: message('core.cohort.schema.aNewerVersionNeedsA', { OLDEST_COHORT_SCHEMA_VERSION, COHORT_SCHEMA_VERSION }),
  },
  'cohort-shares': {
    severity: 'error',
    title: message('core.cohort.schema.segmentSharesDoNotAdd'),
    fix: message('core.cohort.schema.changeTheSegmentsSharesSo'),
  },
  'cohort-attribute-shares': {
    severity: 'error',
    title: message('core.cohort.schema.attributeSharesDoNotAdd'),
    fix: message('core.cohort.schema.changeTheSharesOfThe'),
  },
  'cohort-rfm-shares': {
    severity: 'error',
    title: message('core.cohort.schema.rfmScoreSharesDoNot'),
    fix: message('core.cohort.schema.giveFivePercentagesScores1'),
  },
  'cohort-unknown-attribute': {
    severity: 'error',
    title: message('core.cohort.schema.unknownAttributeOrValue'),
    fix: message('core.cohort.schema.declareTheAttributeAndIts'),
  },
  'cohort-unknown-tag': {
    severity: 'error',
    title: message('core.cohort.schema.unknownTag'),
    fix: message('core.cohort.schema.addTheTagToThe'),
  },
  'cohort-attribute-kind': {
    severity: 'error',
    title: message('core.cohort.schema.categoricalAndNumericAttributeMixed'),
    fix: message('core.cohort.schema.declareAnAttributeWithEither'),
  },
  'cohort-numeric-range': {
    severity: 'error',
    title: message('core.cohort.schema.numericRangeOrMeanOut'),
    fix: message('core.cohort.schema.makeMinAtMostMax'),
  },
  'cohort-duplicate': {
    severity: 'error',
    title: message('core.cohort.schema.listedTwice'),
    fix: message('core.cohort.schema.giveEverySegmentItsOwn'),
  },
  'cohort-modelled-event': {
    severity: 'error',
    title: message('core.cohort.schema.rateGivenForAnEvent'),
    fix: message('core.cohort.schema.removeTheRatePurchasesCome'),
  },
  'cohort-no-response': {
    severity: 'warning',
    title: message('core.cohort.schema.reachableChannelWithoutAResponse'),
    fix: message('core.cohort.schema.addBehaviourResponseForThe'),
  },
} satisfies Record<string, ProblemDefinition>;

export type CohortProblemCode = keyof typeof cohortProblems;

declare const checkedCohort: unique symbol;

/** A cohort spec that passed checkCohort with no error: a run takes it as proof and never checks it again. */
export type CheckedCohortSpec = CohortSpec & { readonly [checkedCohort]: true };

export interface CheckedCohort {
  /** The parsed spec with defaults filled in, or null when it has an error. */
  spec: CheckedCohortSpec | null;
  problems: Problem[];
}

type Path = (string | number)[];
type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => isPlainObject(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const SUM_TOLERANCE = 1e-6;
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** "segments[1].behaviour.purchase.r" */
/** A path as people read it, e.g. `segments[1].reach.sms`. */
export const cohortPathText = (path: Path): string => pathText(path) || '(cohort)';

function problem(code: CohortProblemCode, path: Path, text: Message): Problem {
  return { severity: cohortProblems[code].severity, code, message: text, location: { path } };
}

function zodProblems(error: z.ZodError): Problem[] {
  const { listed, more } = listedIssues(error.issues);
  const problems = listed.map((issue) => {
    const path = plainPath(issue.path);
    const text = limitOfIssue(issue)?.message ?? localizeIssue(issue);
    const where = cohortPathText(path);
    return problem('cohort-invalid', path, message('core.cohort.schema.text', { where, text }));
  });
  if (more) problems.push(problem('cohort-invalid', [], verbatim(more)));
  return problems;
}

const listText = (entries: [string, number][]) => entries.map(([key, value]) => `${key} ${round(value)} %`).join(', ');
const listTextZh = (entries: [string, number][]) => entries.map(([key, value]) => `${key} ${round(value)}%`).join('、');

/** Keys of a shares record: each must be a declared value; together they must make 100. */
function checkShares(shares: Raw, declared: Set<string> | null, path: Path, subject: Message, into: Problem[]): void {
  const entries = Object.entries(shares);
  if (declared)
    for (const [key] of entries)
      if (!declared.has(key))
        into.push(
          problem(
            'cohort-unknown-attribute',
            [...path, key],
            message('core.cohort.schema.isNotOneOfThe', { subject, keyValue: key, declared: joinedMessages([...declared], 'list') }),
          ),
        );
  const numbers = entries.filter((entry): entry is [string, number] => isFiniteNumber(entry[1]));
  if (numbers.length !== entries.length) return; // the format check reports values that are not numbers
  const sum = numbers.reduce((total, [, value]) => total + value, 0);
  if (Math.abs(sum - 100) > SUM_TOLERANCE)
    into.push(
      problem(
        'cohort-attribute-shares',
        path,
        message('core.cohort.schema.theSharesAddUpTo', { subject, sum: round(sum), choice: String(Boolean(entries.length)), numbers: entries.length ? localized(listText(numbers), listTextZh(numbers)) : '' }),
      ),
    );
}

function checkMean(distribution: unknown, range: { min: number; max: number } | null, path: Path, subject: Message, into: Problem[]): void {
  if (!range || !isRecord(distribution) || !isFiniteNumber(distribution.mean)) return;
  const { mean } = distribution;
  if (mean < range.min || mean > range.max)
    into.push(
      problem(
        'cohort-numeric-range',
        [...path, 'mean'],
        message('core.cohort.schema.theMeanIsOutsideThe', { subject, mean, min: range.min, max: range.max }),
      ),
    );
}

interface Vocabulary {
  categorical: Map<string, Set<string>>;
  numeric: Map<string, { min: number; max: number } | null>;
}

function checkDeclarations(raw: Raw, into: Problem[]): Vocabulary {
  const vocabulary: Vocabulary = { categorical: new Map(), numeric: new Map() };
  const declarations = isRecord(raw.attributes) ? raw.attributes : {};
  for (const [name, declaration] of Object.entries(declarations)) {
    if (!isRecord(declaration)) continue;
    const path: Path = ['attributes', name];
    const subject = message('core.cohort.schema.attribute', { name });
    const hasValues = declaration.values !== undefined;
    const hasNumeric = declaration.numeric !== undefined;
    if (hasValues === hasNumeric) {
      into.push(
        problem(
          'cohort-attribute-kind',
          path,
          message('core.cohort.schema.needsExactlyOneOfValues', { subject }),
        ),
      );
    }
    if (hasValues && !hasNumeric) {
      const values = Array.isArray(declaration.values) ? declaration.values : [];
      const seen = new Set<string>();
      values.forEach((value, index) => {
        const key = String(value);
        if (seen.has(key))
          into.push(problem('cohort-duplicate', [...path, 'values', index], message('core.cohort.schema.theValueIsListedTwice', { subject, keyValue: key })));
        seen.add(key);
      });
      vocabulary.categorical.set(name, seen);
      if (declaration.normal !== undefined)
        into.push(problem('cohort-attribute-kind', [...path, 'normal'], message('core.cohort.schema.isCategoricalGiveSharesNot', { subject })));
      if (isRecord(declaration.shares)) checkShares(declaration.shares, seen, [...path, 'shares'], subject, into);
    }
    if (hasNumeric && !hasValues) {
      const numeric = isRecord(declaration.numeric) ? declaration.numeric : {};
      let range: { min: number; max: number } | null = null;
      if (isFiniteNumber(numeric.min) && isFiniteNumber(numeric.max)) {
        if (numeric.min > numeric.max)
          into.push(
            problem(
              'cohort-numeric-range',
              [...path, 'numeric'],
              message('core.cohort.schema.minIsGreaterThanMax', { subject, min: numeric.min, max: numeric.max }),
            ),
          );
        else range = { min: numeric.min, max: numeric.max };
      }
      vocabulary.numeric.set(name, range);
      if (declaration.shares !== undefined)
        into.push(problem('cohort-attribute-kind', [...path, 'shares'], message('core.cohort.schema.isNumericGiveNormalNot', { subject })));
      checkMean(declaration.normal, range, [...path, 'normal'], subject, into);
    }
  }
  return vocabulary;
}

function checkSegment(segment: Raw, index: number, vocabulary: Vocabulary, tags: Set<string>, into: Problem[]): void {
  const base: Path = ['segments', index];
  const label = typeof segment.id === 'string' ? segment.id : `#${index + 1}`;
  const attributes = isRecord(segment.attributes) ? segment.attributes : {};
  for (const [name, shares] of Object.entries(attributes)) {
    const path: Path = [...base, 'attributes', name];
    const subject = message('core.cohort.schema.segmentAttribute', { label, name });
    if (vocabulary.numeric.has(name))
      into.push(
        problem('cohort-attribute-kind', path, message('core.cohort.schema.isNumericGiveItsMean', { subject })),
      );
    else if (!vocabulary.categorical.has(name))
      into.push(
        problem(
          'cohort-unknown-attribute',
          path,
          message('core.cohort.schema.segmentRefersToAttributeWhich', { label, name }),
        ),
      );
    else if (isRecord(shares)) checkShares(shares, vocabulary.categorical.get(name) ?? null, path, subject, into);
  }
  const numeric = isRecord(segment.numeric) ? segment.numeric : {};
  for (const [name, distribution] of Object.entries(numeric)) {
    const path: Path = [...base, 'numeric', name];
    const subject = message('core.cohort.schema.segmentAttribute', { label, name });
    if (vocabulary.categorical.has(name))
      into.push(
        problem('cohort-attribute-kind', path, message('core.cohort.schema.isCategoricalGiveItsShares', { subject })),
      );
    else if (!vocabulary.numeric.has(name))
      into.push(
        problem(
          'cohort-unknown-attribute',
          path,
          message('core.cohort.schema.segmentRefersToNumericAttribute', { label, name }),
        ),
      );
    else checkMean(distribution, vocabulary.numeric.get(name) ?? null, path, subject, into);
  }
  if (isRecord(segment.rfm))
    for (const dimension of rfmDimensions) {
      const shares = segment.rfm[dimension];
      if (!Array.isArray(shares) || shares.length !== 5 || !shares.every(isFiniteNumber)) continue;
      const sum = shares.reduce((total, value) => total + value, 0);
      if (Math.abs(sum - 100) > SUM_TOLERANCE)
        into.push(
          problem(
            'cohort-rfm-shares',
            [...base, 'rfm', dimension],
            message('core.cohort.schema.segmentTheScoreSharesAdd', { label, dimension, sum: round(sum), shares: joinedMessages(shares.map(String), 'list') }),
          ),
        );
    }
  if (isRecord(segment.tags))
    for (const tag of Object.keys(segment.tags))
      if (!tags.has(tag))
        into.push(
          problem(
            'cohort-unknown-tag',
            [...base, 'tags', tag],
            message('core.cohort.schema.segmentGivesAChanceFor', { label, tag }),
          ),
        );
  const reach = isRecord(segment.reach) ? segment.reach : {};
  const behaviour = isRecord(segment.behaviour) ? segment.behaviour : null;
  if (behaviour && isRecord(behaviour.events))
    for (const event of Object.keys(behaviour.events))
      if ((modelledEvents as readonly string[]).includes(event)) {
        into.push(
          problem(
            'cohort-modelled-event',
            [...base, 'behaviour', 'events', event],
            message('core.cohort.schema.segmentGivesARateFor', { label, event, purchase: String(event === 'purchase') }),
          ),
        );
      }
  const response = behaviour && isRecord(behaviour.response) ? behaviour.response : behaviour && behaviour.response === undefined ? {} : null;
  if (response)
    for (const channel of channels)
      if (isFiniteNumber(reach[channel]) && (reach[channel] as number) > 0 && response[channel] === undefined)
        into.push(
          problem(
            'cohort-no-response',
            [...base, 'reach', channel],
            message('core.cohort.schema.segmentCanBeReachedOn', { label, channel, channel2: String(reach[channel]) }),
          ),
        );
}

function semanticProblems(raw: Raw): Problem[] {
  const found: Problem[] = [];
  const vocabulary = checkDeclarations(raw, found);
  const tags = new Set<string>();
  if (Array.isArray(raw.tags))
    raw.tags.forEach((tag, index) => {
      if (typeof tag !== 'string') return;
      if (tags.has(tag)) found.push(problem('cohort-duplicate', ['tags', index], message('core.cohort.schema.theTagIsListedTwice', { tag })));
      tags.add(tag);
    });
  if (!Array.isArray(raw.segments)) return found;
  const segments = raw.segments.filter(isRecord);
  if (segments.length === raw.segments.length && segments.length > 0) {
    const shares = segments.map((segment) => segment.share);
    if (shares.every(isFiniteNumber)) {
      const sum = shares.reduce((total, value) => total + value, 0);
      if (Math.abs(sum - 100) > SUM_TOLERANCE) {
        const entries = segments.map((segment, index): [string, number] => [typeof segment.id === 'string' ? segment.id : `#${index + 1}`, segment.share as number]);
        found.push(
          problem(
            'cohort-shares',
            ['segments'],
            message('core.cohort.schema.theSegmentsSharesAddUp', { sum: round(sum), entries: localized(listText(entries), listTextZh(entries)) }),
          ),
        );
      }
    }
  }
  const ids = new Set<string>();
  raw.segments.forEach((segment, index) => {
    if (!isRecord(segment)) return;
    if (typeof segment.id === 'string') {
      if (ids.has(segment.id))
        found.push(problem('cohort-duplicate', ['segments', index, 'id'], message('core.cohort.schema.twoSegmentsHaveTheId', { id: segment.id })));
      ids.add(segment.id);
    }
    checkSegment(segment, index, vocabulary, tags, found);
  });
  return found;
}

/**
 * Reads any input as a cohort spec. Never throws: every format problem (from zod) and every semantic
 * one (shares, unknown attributes and tags, ranges, duplicates, rates of modelled events) comes back
 * with its path and a message in both languages. A spec of an older supported version is migrated
 * first (the migrations keep every field where it was, so paths name the fields as written); a newer
 * or unknown version is refused with both versions named, and nothing else is checked. The spec is
 * returned only when there is no error (warnings may remain).
 */
export function checkCohort(input: unknown): CheckedCohort {
  try {
    // Before anything recurses or clones: nesting and size of the whole value, walked with its own stack.
    const breach = measureDocument(input);
    if (breach) {
      const where = cohortPathText(breach.path);
      return { spec: null, problems: [problem('cohort-invalid', breach.path, message('core.cohort.schema.text2', { where, message: breach.message }))] };
    }
    if (isRecord(input) && typeof input.schemaVersion === 'number') {
      // A missing or non-numeric version is left to the format check, which reports it at schemaVersion.
      const migrated = migrateCohort(input);
      if (!migrated.ok) return { spec: null, problems: [migrated.problem] };
      input = migrated.document;
    }
    const parsed = cohortSpecSchema.safeParse(input, { reportInput: true });
    const problems = parsed.success ? [] : zodProblems(parsed.error);
    if (isRecord(input)) for (const found of semanticProblems(input)) problems.push(found);
    problems.sort(bySeverity);
    const spec = parsed.success && !problems.some((found) => found.severity === 'error') ? (parsed.data as CheckedCohortSpec) : null;
    return { spec, problems };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { spec: null, problems: [problem('cohort-invalid', [], message('core.cohort.schema.couldNotCheckTheCohort', { text }))] };
  }
}

