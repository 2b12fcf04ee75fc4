import { message } from '../i18n';
import { downgrade, upgrade, type FormatOverrides, type Migration, type MigrationResult, type RawDocument, type VersionedFormat } from '../format';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { defaultRegistry } from './registry';
import { goalMetricsOfV2 } from './goals';
import type { ProblemDefinition } from './problems';

export type { Migration, MigrationResult } from '../format';

/** v1 → v2: SMART goals became part of the journey (before, they were kept only while the app was open). */
export const AddGoals: Migration = {
  name: 'AddGoals',
  from: 1,
  // Goals a hand-written v1 file already has are kept, for the format check to judge, not dropped.
  up: (document) => ({ goals: [], ...document }),
  // Version 1 has no place for goals: an export for an older Journey Lab leaves them out.
  down: ({ goals: _goals, ...document }) => document,
};

const isPlainObject = (value: unknown): value is RawDocument => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * v2 → v3, incremental forecasts: settings gain `optOutOfControlGroup`, whether the cohort's global
 * control group is simulated through this journey too, and goals may be on incremental metrics. `up`
 * writes the default, false (a v2 journey had no control group to opt out of); settings that are not an
 * object are left for the format check. `down` removes the field and the goals v2 cannot read.
 */
export const AddIncrementalForecasts: Migration = {
  name: 'AddIncrementalForecasts',
  from: 2,
  up: (document) => {
    const { settings } = document;
    if (settings === undefined) return { ...document, settings: { optOutOfControlGroup: false } };
    if (!isPlainObject(settings) || 'optOutOfControlGroup' in settings) return document;
    return { ...document, settings: { ...settings, optOutOfControlGroup: false } };
  },
  down: (document) => {
    const goals = Array.isArray(document.goals)
      ? document.goals.filter((goal: unknown) => !isPlainObject(goal) || (goalMetricsOfV2 as readonly unknown[]).includes(goal.metric))
      : document.goals;
    const kept = document.goals === undefined ? document : { ...document, goals };
    if (!isPlainObject(kept.settings)) return kept;
    const { optOutOfControlGroup: _optOut, ...settings } = kept.settings;
    return { ...kept, settings };
  },
};

/** Applies `change` to a copy of every offer node's params; anything malformed is left for the format check. */
function mapOfferParams(document: RawDocument, change: (params: RawDocument) => RawDocument): RawDocument {
  if (!Array.isArray(document.nodes)) return document;
  return {
    ...document,
    nodes: document.nodes.map((node: unknown) =>
      isPlainObject(node) && node.kind === 'offer' && (node.params === undefined || isPlainObject(node.params)) ? { ...node, params: change({ ...(node.params ?? {}) }) } : node,
    ),
  };
}

/**
 * v3 → v4, offers the user must know: an offer node gains `announcement` (how the user learns of it —
 * an offer lifts buying only then) and `checkoutChance`. `up` writes 'next-touch', the default: the
 * next message after the offer carries it, as the templates' coupon messages do; before, every offer
 * lifted at once, even one nobody was told of. `down` removes both, which version 3 does not know.
 */
export const AddOfferAnnouncement: Migration = {
  name: 'AddOfferAnnouncement',
  from: 3,
  up: (document) => mapOfferParams(document, (params) => ({ announcement: 'next-touch', ...params })),
  down: (document) =>
    mapOfferParams(document, ({ announcement: _announcement, checkoutChance: _chance, ...params }) => params),
};

/**
 * v4 → v5, a dated launch: settings gain `launch` (date, time and time zone the journey goes live,
 * which the local clock, weekdays and the cohort's calendar follow). `up` writes null, an undated launch
 * at 00:00 as every v4 journey was simulated; `down` removes it.
 */
export const AddLaunch: Migration = {
  name: 'AddLaunch',
  from: 4,
  up: (document) => {
    const { settings } = document;
    if (settings === undefined) return { ...document, settings: { launch: null } };
    if (!isPlainObject(settings) || 'launch' in settings) return document;
    return { ...document, settings: { ...settings, launch: null } };
  },
  down: (document) => {
    if (!isPlainObject(document.settings)) return document;
    const { launch: _launch, ...settings } = document.settings;
    return { ...document, settings };
  },
};

/**
 * v5 → v6, the journey's language: documents gain an optional `language` ('en' or 'zh-CN'), the
 * language its labels and texts were written in, set when the app makes a journey (empty or from a
 * template) so the journey list can show it. `up` changes nothing but the version: which language an
 * older journey was written in is not known, and guessing from its text would be wrong for mixed
 * ones. `down` removes it, which version 5 does not know.
 */
export const AddLanguage: Migration = {
  name: 'AddLanguage',
  from: 5,
  up: (document) => document,
  down: ({ language: _language, ...document }) => document,
};

/** One named step per format version, oldest first. */
export const migrations: readonly Migration[] = [AddGoals, AddIncrementalForecasts, AddOfferAnnouncement, AddLaunch, AddLanguage];

export const OLDEST_SCHEMA_VERSION = 1;

export const migrationProblems = {
  'not-a-journey': {
    severity: 'error',
    title: message('core.journey.migrate.notAJourneyDocument'),
    fix: message('core.journey.migrate.openAJourneyJsonFile'),
  },
  'unsupported-version': {
    severity: 'error',
    title: message('core.journey.migrate.unsupportedFormatVersion'),
    fix: message('core.journey.migrate.aNewerVersionNeedsA'),
  },
} satisfies Record<string, ProblemDefinition>;

/** The journey file format: versions, named migrations, and how a version it cannot read is refused. */
export const journeyFormat: VersionedFormat<keyof typeof migrationProblems> = {
  name: 'journey',
  current: CURRENT_SCHEMA_VERSION,
  oldest: OLDEST_SCHEMA_VERSION,
  migrations,
  codes: { notAnObject: 'not-a-journey', missingVersion: 'not-a-journey', unsupportedVersion: 'unsupported-version', newerVersion: 'unsupported-version' },
  words: {
    subject: message('core.journey.migrate.theFile'),
    formatVersion: message('core.journey.migrate.formatVersion'),
    action: message('core.journey.migrate.openIt'),
    notAnObject: message('core.journey.migrate.notAnObject'),
  },
  schema: () => defaultRegistry.documentSchema,
  describedAs: {
    title: 'Journey Lab journey',
    description:
      'A customer journey drawn in Journey Lab (*.journey.json). Unique ids, edges to existing nodes and ports, and the analysis of the flow are checked by Journey Lab only (journey-lab validate FILE).',
  },
};

/**
 * Brings a document of any supported older version up to the current one. A newer, unknown or missing
 * version is refused with a message naming the version found and the versions supported; the input is
 * never modified.
 */
export function migrate(input: unknown, overrides: FormatOverrides = {}): MigrationResult {
  return upgrade({ ...journeyFormat, ...overrides }, input);
}

/** Takes a current document down to an older version, for tools that only read that one. */
export function migrateDown(document: RawDocument, to: number, steps: readonly Migration[] = migrations): RawDocument {
  return downgrade({ ...journeyFormat, migrations: steps }, document, to);
}
