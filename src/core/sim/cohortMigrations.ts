import { localized } from '../i18n';
import { migrateDown, migrateSteps, type Migration } from '../journey/migrate';
import type { Problem } from '../journey/problems';
import { isPlainObject } from '../journey/zodMessages';
import type { CohortProblemCode } from './cohort';

/**
 * Named migrations of the cohort format, tldraw-style, like the journey format's in
 * src/core/journey/migrate.ts: each step brings a spec from `from` to `from + 1` (`up`) and back
 * (`down`, for exporting to an older Journey Lab). `checkCohort` runs them before it checks a spec, so
 * a spec of any supported older version is read as the current one.
 */

type RawDocument = Record<string, unknown>;

/** The cohort format version this build writes and checks; older supported ones are migrated up first. */
export const COHORT_SCHEMA_VERSION = 2;

/** The oldest cohort format version this build still reads. */
export const OLDEST_COHORT_SCHEMA_VERSION = 1;

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

/** Every cohort migration, oldest first. */
export const cohortMigrations: readonly Migration[] = [AddSegmentEventRates];

export type CohortMigrationResult =
  | { ok: true; document: RawDocument; from: number; applied: string[] }
  | { ok: false; problem: Problem };

type MigrationProblemCode = Extract<CohortProblemCode, 'cohort-invalid' | 'cohort-unsupported-version'>;

const refuse = (code: MigrationProblemCode, en: string, zh: string, path: (string | number)[] = []): CohortMigrationResult => ({
  ok: false,
  problem: { severity: 'error', code, message: localized(en, zh), location: { path } },
});

/**
 * Brings a cohort spec of any supported older version up to the current one. A newer, unknown or
 * missing version is refused with a message naming the version found and the versions supported; the
 * input is never modified.
 */
export function migrateCohort(
  input: unknown,
  options: { migrations?: readonly Migration[]; current?: number; oldest?: number } = {},
): CohortMigrationResult {
  const steps = options.migrations ?? cohortMigrations;
  const current = options.current ?? COHORT_SCHEMA_VERSION;
  const oldest = options.oldest ?? OLDEST_COHORT_SCHEMA_VERSION;
  const supported = oldest === current ? `${current}` : `${oldest}–${current}`;
  if (!isPlainObject(input)) return refuse('cohort-invalid', 'A cohort spec is a JSON object.', '人群设定应为 JSON 对象。');
  const version = input.schemaVersion;
  if (version === undefined)
    return refuse(
      'cohort-invalid',
      `The cohort has no schemaVersion; this Journey Lab reads cohort format versions ${supported}.`,
      `人群设定缺少 schemaVersion；本版 Journey Lab 支持的人群格式版本为 ${supported}。`,
      ['schemaVersion'],
    );
  if (typeof version !== 'number' || !Number.isInteger(version) || version < oldest || version > current) {
    const found = JSON.stringify(version);
    const newer = typeof version === 'number' && version > current;
    return refuse(
      'cohort-unsupported-version',
      `The cohort is format version ${found}${newer ? ', newer than' : ', not one of'} the versions this Journey Lab supports (${supported}).${newer ? ' Update Journey Lab to use it.' : ''}`,
      `人群格式版本为 ${found}，${newer ? '比本版 Journey Lab 支持的版本新' : '不在本版 Journey Lab 支持的范围内'}（${supported}）。${newer ? '请升级 Journey Lab 后再使用。' : ''}`,
      ['schemaVersion'],
    );
  }
  const result = migrateSteps(input, version, current, steps);
  if (!result.ok)
    return refuse(
      'cohort-unsupported-version',
      `No migration from cohort format version ${result.missing} to ${result.missing + 1}; this Journey Lab supports ${supported}.`,
      `缺少从人群格式版本 ${result.missing} 到 ${result.missing + 1} 的迁移；本版 Journey Lab 支持 ${supported}。`,
      ['schemaVersion'],
    );
  return { ok: true, document: result.document, from: version, applied: result.applied };
}

/** Takes a current cohort spec down to an older version, for a Journey Lab that only reads that one. */
export function migrateCohortDown(document: RawDocument, toVersion: number, steps: readonly Migration[] = cohortMigrations): RawDocument {
  return migrateDown(document, toVersion, steps, 'cohort migration');
}
