import { z } from 'zod';
import { zodMessage } from './zodMessages';
import { durationSchema } from './duration';
import { stages } from './stages';
import { channels } from './channels';
import { goalsSchema } from './goals';
import { MAX_EDGES, MAX_LABEL_CHARS, MAX_NODES, MAX_TEXT_CHARS } from './limits';
import { languages, message } from '../i18n';
import { isCalendarDate } from '../calendar';

/** The file format version this build reads and writes. Older versions are migrated (see migrate.ts). */
export const CURRENT_SCHEMA_VERSION = 6;

// Ids become XState state ids and CSS-safe DOM ids, so keep them plain; "__" is reserved for the
// compiler's own states (outside the journey, done, cooling down).
export const idSchema = z
  .string()
  .regex(
    /^(?!__)[A-Za-z_][A-Za-z0-9_-]{0,63}$/,
    zodMessage(
      message('core.journey.schema.idsAre164Letters'),
    ),
  );

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, zodMessage(message('core.journey.schema.datesAreWritten')))
  .refine((text) => isCalendarDate(text), zodMessage(message('core.journey.schema.datesAreWritten')));

/** The time zones a launch may be in (IANA names): China's first, then the markets teams most often run in. */
export const launchTimeZones = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Seoul', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'UTC'] as const;

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, zodMessage(message('core.journey.schema.timesOfDayAreWritten')));

export const settingsSchema = z
  .strictObject({
    horizon: durationSchema.default('P90D').meta({ description: 'How long after launch the journey is simulated and reported.' }),
    frequencyCap: z
      .strictObject({
        touches: z.number().int().min(1).meta({ description: 'Most touches one user may receive in any one window' }),
        window: durationSchema,
      })
      .nullable()
      .default({ touches: 3, window: 'P7D' })
      .meta({ description: 'At most N touches per window per user across all channels; null for no cap.' }),
    quietHours: z
      .strictObject({ start: clockTime, end: clockTime })
      .nullable()
      .default({ start: '22:00', end: '08:00' })
      .meta({ description: 'Local times between which no touch is sent (touches wait until the end); null for none.' }),
    launch: z
      .strictObject({
        date: calendarDate.meta({ description: 'The local date the journey goes live, YYYY-MM-DD.' }),
        time: clockTime.default('09:00').meta({ description: 'The local time of day it goes live, HH:MM.' }),
        timeZone: z.enum(launchTimeZones).default('Asia/Shanghai').meta({ description: 'The time zone of the launch date and time and of every clock in the journey (quiet hours, send hours).' }),
      })
      .nullable()
      .default(null)
      .meta({
        description:
          'When the journey goes live: the simulation starts then, so quiet hours and send-hour patterns follow the local clock from that time, weekday patterns apply, and the cohort’s calendar (e.g. 618, 双11, 春节) shifts purchases on its dates. null: an undated launch at 00:00, with no weekday or calendar effects.',
      }),
    exitOnGoal: z
      .boolean()
      .default(true)
      .meta({ description: 'When a user does a goal’s event anywhere in the journey, move them to that goal (and on from it).' }),
    reentry: z
      .strictObject({
        policy: z.enum(['never', 'afterExit']).meta({ description: 'never: a user enters once; afterExit: may enter again after leaving.' }),
        cooldown: durationSchema.optional().meta({ description: 'With afterExit: how long after leaving before a user may enter again.' }),
      })
      .refine((reentry) => reentry.policy === 'afterExit' || reentry.cooldown === undefined, {
        message: zodMessage(message('core.journey.schema.aCooldownOnlyAppliesWith')),
        path: ['cooldown'],
      })
      .default({ policy: 'never' }),
    channelCosts: z
      .partialRecord(z.enum(channels), z.number().min(0))
      .default({})
      .meta({ description: 'Cost per touch by channel, overriding the defaults (in the journey’s currency).' }),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, zodMessage(message('core.journey.schema.currenciesAreThreeCapitalLetters')))
      .default('CNY').meta({ description: 'ISO 4217 currency code of costs and values.' }),
    optOutOfControlGroup: z
      .boolean()
      .default(false)
      .meta({
        description:
          'True treats the cohort’s global control group (controlGroupShare) like everyone else on this journey: its touches and offers reach them. False (the default) holds them out: they walk the journey, but its touches and offers do nothing for them and they are in no split’s arm, as on every journey on the cohort.',
      }),
  })
  .prefault({});

export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });

const nodeFields = {
  id: idSchema,
  stage: z.enum(stages).meta({ description: 'Lifecycle stage: the lane the node sits in and its funnel step.' }),
  position: positionSchema.default({ x: 0, y: 0 }).meta({ description: 'Canvas position in pixels.' }),
  label: z.string().max(MAX_LABEL_CHARS).default('').meta({ description: 'What operators call this step.' }),
};

/** A node as every tool sees it; its `params` are checked by its kind's own schema. */
export const journeyNodeSchema = z.strictObject({
  ...nodeFields,
  kind: z.string().max(MAX_LABEL_CHARS),
  params: z.record(z.string(), z.unknown()).default({}),
});

export const journeyEdgeSchema = z.strictObject({
  id: idSchema,
  source: idSchema.meta({ description: 'Id of the node the edge leaves.' }),
  sourcePort: z.string().min(1).max(MAX_LABEL_CHARS).meta({ description: 'Output port of the source node, e.g. "next", "timeout", "case-1".' }),
  target: idSchema.meta({ description: 'Id of the node the edge enters.' }),
});

const documentFields = {
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION).meta({ description: 'File format version.' }),
  id: idSchema,
  name: z.string().min(1).max(MAX_LABEL_CHARS),
  description: z.string().max(MAX_TEXT_CHARS).default(''),
  language: z
    .enum(languages)
    .optional()
    .meta({ description: 'The language the journey was written in (its labels and message texts): "en" or "zh-CN". Shown in the journey list; absent when unknown (journeys made before version 6, hand-written files).' }),
  settings: settingsSchema,
  edges: z.array(journeyEdgeSchema).max(MAX_EDGES).default([]).meta({ description: `The connections between nodes (at most ${MAX_EDGES}).` }),
  goals: goalsSchema.default([]),
};

const nodesDescription = `The steps of the journey (at most ${MAX_NODES}).`;

export const journeyDocumentSchema = z.strictObject({ ...documentFields, nodes: z.array(journeyNodeSchema).max(MAX_NODES).default([]).meta({ description: nodesDescription }) });

export type JourneySettings = z.output<typeof settingsSchema>;
export type JourneyNode = z.output<typeof journeyNodeSchema>;
export type JourneyEdge = z.output<typeof journeyEdgeSchema>;
export type JourneyDocument = z.output<typeof journeyDocumentSchema>;
/** A document as written in a file: fields with defaults may be left out. */
export type JourneyDocumentInput = z.input<typeof journeyDocumentSchema>;

/** A node whose kind and params are known precisely (inside a kind's own file). */
export type NodeOf<K extends string, P> = Omit<JourneyNode, 'kind' | 'params'> & { kind: K; params: P };

/**
 * The full document schema for a set of node kinds: each node's params are checked, and defaulted, by
 * its kind's schema. Built from the registry so that a new kind needs no change here.
 */
export function buildDocumentSchema(kinds: readonly { kind: string; params: z.ZodType<Record<string, unknown>> }[]) {
  const variants = kinds.map((definition) =>
    z.strictObject({ ...nodeFields, kind: z.literal(definition.kind), params: definition.params.prefault({}) }),
  );
  const node =
    variants.length === 1
      ? variants[0]!
      : z.discriminatedUnion('kind', variants as unknown as [(typeof variants)[number], ...(typeof variants)[number][]]);
  return z
    .strictObject({ ...documentFields, nodes: z.array(node).max(MAX_NODES).default([]).meta({ description: nodesDescription }) })
    .meta({ id: 'JourneyDocument', title: 'Journey Lab journey', description: `A customer journey drawn in Journey Lab (file format v${CURRENT_SCHEMA_VERSION}).` });
}
