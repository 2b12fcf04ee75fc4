import { message } from '../i18n';
import { downgrade, upgrade, type FormatOverrides, type Migration, type MigrationResult, type RawDocument, type VersionedFormat } from '../format';
import { isPlainObject } from '../journey/zodMessages';
import { cohortSpecSchema, MAX_PRICE_ELASTICITY, type CohortProblemCode } from './schema';
import { COHORT_SCHEMA_VERSION, OLDEST_COHORT_SCHEMA_VERSION } from './version';

/**
 * Named migrations of the cohort format, tldraw-style, declared with the journey's and
 * the lesson's through the shared versioned-format module (src/core/format): each step brings a spec from `from` to `from + 1` (`up`) and back
 * (`down`, for exporting to an older Journey Lab). `checkCohort` runs them before it checks a spec, so
 * a spec of any supported older version is read as the current one.
 */

export { COHORT_SCHEMA_VERSION, OLDEST_COHORT_SCHEMA_VERSION } from './version';

/** Applies `change` to a copy of every segment's behaviour object; anything malformed is left for the format check. */
function mapBehaviours(spec: RawDocument, change: (behaviour: RawDocument) => RawDocument): RawDocument {
  if (!Array.isArray(spec.segments)) return spec;
  return {
    ...spec,
    segments: spec.segments.map((segment: unknown) =>
      isPlainObject(segment) && isPlainObject(segment.behaviour) ? { ...segment, behaviour: change({ ...segment.behaviour }) } : segment,
    ),
  };
}

/**
 * v1 → v2: segments gain `behaviour.events` (rates of the behaviour events users do on their own) and
 * `behaviour.responseDelayHours` (mean time from a touch to its open). Both have defaults, so a v1 spec
 * needs nothing; `up` still writes the empty `events` so a migrated spec shows where rates go.
 */
export const AddSegmentEventRates: Migration = {
  name: 'AddSegmentEventRates',
  from: 1,
  up: (document) => ({ ...mapBehaviours(document, (behaviour) => ('events' in behaviour ? behaviour : { ...behaviour, events: {} })), schemaVersion: 2 }),
  down: (document) => ({
    ...mapBehaviours(document, (behaviour) => {
      delete behaviour.events;
      delete behaviour.responseDelayHours;
      return behaviour;
    }),
    schemaVersion: 1,
  }),
};

/**
 * v2 → v3: the cohort gains `controlGroupShare`, its global control group (全局对照组): the proportion
 * of users held out of every journey simulated on it. `up` writes the default, 0 (no control group, as
 * every v2 cohort behaved); `down` removes the field, since version 2 has no control group.
 */
export const AddControlGroup: Migration = {
  name: 'AddControlGroup',
  from: 2,
  up: (document) => ({ ...('controlGroupShare' in document ? document : { ...document, controlGroupShare: 0 }), schemaVersion: 3 }),
  down: ({ controlGroupShare: _share, ...document }) => ({ ...document, schemaVersion: 2 }),
};

/** The behaviour parameters v4 adds, each with the value that reproduces what v3 did. */
const reactiveBehaviourOfV3 = { pullForward: 0, reactivation: 0, unsubscribePressure: 0 };

/**
 * The offer, as a share of the user's expected order, at which a v4 price elasticity gives the v3
 * `offerLift`: a coupon worth a fifth of the basket. v3 lifted every offer alike; v4 lifts by depth.
 */
export const REFERENCE_DISCOUNT = 0.2;

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The v4 elasticity of a v3 offer lift: a lift below 1 has none, one over 1 + 0.2 × the maximum is held at the maximum. */
const elasticityOfLift = (offerLift: number) => Math.min(MAX_PRICE_ELASTICITY, round(Math.max(0, offerLift - 1) / REFERENCE_DISCOUNT));

/**
 * v3 → v4: segments gain `behaviour.pullForward` (induced purchases that only bring one forward),
 * `behaviour.reactivation` (lapsed customers won back by a click) and `behaviour.unsubscribePressure`
 * (opt-outs growing with contact), each 0 as v3 simulated; and the one `offerLift` for every offer
 * becomes `priceElasticity`, lifting by the offer's depth: (offerLift − 1) ÷ REFERENCE_DISCOUNT, so an
 * offer worth a fifth of the expected order lifts as v3's did (a lift over 5 is held at the largest
 * elasticity, 20; a lift below 1 becomes 0). `down` removes the three and turns the elasticity back
 * into that offer's lift.
 */
export const AddReactiveBehaviour: Migration = {
  name: 'AddReactiveBehaviour',
  from: 3,
  up: (document) => ({
    ...mapBehaviours(document, ({ offerLift, ...behaviour }) => ({
      ...reactiveBehaviourOfV3,
      ...(typeof offerLift === 'number' && !('priceElasticity' in behaviour) ? { priceElasticity: elasticityOfLift(offerLift) } : {}),
      ...(offerLift !== undefined && typeof offerLift !== 'number' ? { offerLift } : {}),
      ...behaviour,
    })),
    schemaVersion: 4,
  }),
  down: (document) => ({
    ...mapBehaviours(document, (behaviour) => {
      for (const field of Object.keys(reactiveBehaviourOfV3)) delete behaviour[field];
      const { priceElasticity } = behaviour;
      delete behaviour.priceElasticity;
      if (typeof priceElasticity === 'number') behaviour.offerLift = round(1 + priceElasticity * REFERENCE_DISCOUNT);
      return behaviour;
    }),
    schemaVersion: 3,
  }),
};

/**
 * v4 → v5, time: the cohort gains `timing` (open chance and response delay by local hour, open chance by
 * weekday, per channel) and `calendar` (purchase-rate multipliers by date). `up` writes them empty —
 * every hour, weekday and date alike, as v4 simulated; `down` removes both.
 */
export const AddTimeAndCalendar: Migration = {
  name: 'AddTimeAndCalendar',
  from: 4,
  up: (document) => ({ timing: {}, calendar: [], ...document, schemaVersion: 5 }),
  down: ({ timing: _timing, calendar: _calendar, ...document }) => ({ ...document, schemaVersion: 4 }),
};

/**
 * v5 → v6, provenance: a cohort fitted on customer data records where its numbers come from (files and
 * their hashes, dates, calibration end, each segment's fit and warnings, the holdout check, what was
 * filled from a preset; src/core/cohort/provenance.ts). An authored cohort has none, so `up` changes
 * nothing but the version; `down` drops the provenance, which version 5 does not know — the numbers
 * stay, their origin is lost, as an export to an older Journey Lab has to.
 */
export const AddProvenance: Migration = {
  name: 'AddProvenance',
  from: 5,
  up: (document) => ({ ...document, schemaVersion: 6 }),
  down: ({ provenance: _provenance, ...document }) => ({ ...document, schemaVersion: 5 }),
};

/** Every cohort migration, oldest first. */
export const cohortMigrations: readonly Migration[] = [AddSegmentEventRates, AddControlGroup, AddReactiveBehaviour, AddTimeAndCalendar, AddProvenance];

export type CohortMigrationResult = MigrationResult;

type MigrationProblemCode = Extract<CohortProblemCode, 'cohort-invalid' | 'cohort-unsupported-version'>;

/** The cohort format: versions, named migrations, and how a version it cannot read is refused. */
export const cohortFormat: VersionedFormat<MigrationProblemCode> = {
  name: 'cohort',
  current: COHORT_SCHEMA_VERSION,
  oldest: OLDEST_COHORT_SCHEMA_VERSION,
  migrations: cohortMigrations,
  codes: { notAnObject: 'cohort-invalid', missingVersion: 'cohort-invalid', unsupportedVersion: 'cohort-unsupported-version', newerVersion: 'cohort-unsupported-version' },
  words: {
    subject: message('core.cohort.migrations.theCohort'),
    formatVersion: message('core.cohort.migrations.formatVersion'),
    action: message('core.cohort.migrations.useIt'),
    notAnObject: message('core.cohort.migrations.notAnObject'),
  },
  schema: () => cohortSpecSchema,
  describedAs: {
    title: 'Journey Lab cohort',
    description:
      'A synthetic cohort to simulate journeys on (*.cohort.json). Shares adding up to 100, segments naming declared attributes, values and tags, ranges and duplicates are checked by Journey Lab only.',
  },
};

/**
 * Brings a cohort spec of any supported older version up to the current one. A newer, unknown or
 * missing version is refused with a message naming the version found and the versions supported; the
 * input is never modified.
 */
export function migrateCohort(input: unknown, overrides: FormatOverrides = {}): CohortMigrationResult {
  return upgrade({ ...cohortFormat, ...overrides }, input);
}

/** Takes a current cohort spec down to an older version, for a Journey Lab that only reads that one. */
export function migrateCohortDown(document: RawDocument, toVersion: number, steps: readonly Migration[] = cohortMigrations): RawDocument {
  return downgrade({ ...cohortFormat, migrations: steps }, document, toVersion);
}
