import { localized } from '../i18n';
import { migrateSteps, type Migration } from '../journey/migrate';
import type { Problem } from '../journey/problems';
import { LESSON_SCHEMA_VERSION } from './schema';
import type { LessonProblemCode } from './problems';

/**
 * Named migrations of the lesson format, like the journey's (src/core/journey/migrate.ts) and the
 * cohort's (src/core/sim/cohortMigrations.ts): each step brings a lesson from `from` to `from + 1`.
 * Version 1 is the first, so there are none yet; the next format change adds its step here and
 * raises LESSON_SCHEMA_VERSION, and lessons already shared keep opening.
 */

type RawDocument = Record<string, unknown>;

export const OLDEST_LESSON_SCHEMA_VERSION = 1;

/** Every lesson migration, oldest first. */
export const lessonMigrations: readonly Migration[] = [];

export type LessonMigrationResult = { ok: true; document: RawDocument; from: number; applied: string[] } | { ok: false; problem: Problem };

const refuse = (code: LessonProblemCode, en: string, zh: string): LessonMigrationResult => ({
  ok: false,
  problem: { severity: 'error', code, message: localized(en, zh), location: { path: ['schemaVersion'] } },
});

/**
 * Brings a lesson of any supported older version up to the current one. A newer version is refused
 * naming both versions (the lesson was written by a newer Journey Lab); the input is never modified.
 */
export function migrateLesson(
  input: RawDocument,
  options: { migrations?: readonly Migration[]; current?: number; oldest?: number } = {},
): LessonMigrationResult {
  const steps = options.migrations ?? lessonMigrations;
  const current = options.current ?? LESSON_SCHEMA_VERSION;
  const oldest = options.oldest ?? OLDEST_LESSON_SCHEMA_VERSION;
  const supported = oldest === current ? `${current}` : `${oldest}–${current}`;
  const version = input.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > current)
    return refuse(
      'lesson-newer-version',
      `The lesson is format version ${version}, newer than the version this Journey Lab reads (${supported}). Update Journey Lab to open it.`,
      `该课程的格式版本为 ${version}，比本版 Journey Lab 支持的版本（${supported}）新。请升级 Journey Lab 后再打开。`,
    );
  if (typeof version !== 'number' || !Number.isInteger(version) || version < oldest)
    return refuse(
      'lesson-invalid',
      `The lesson's schemaVersion is ${JSON.stringify(version) ?? 'missing'}; this Journey Lab reads lesson format versions ${supported}.`,
      `课程的 schemaVersion 为 ${JSON.stringify(version) ?? '空'}；本版 Journey Lab 支持的课程格式版本为 ${supported}。`,
    );
  const result = migrateSteps(input, version, current, steps);
  if (!result.ok)
    return refuse(
      'lesson-invalid',
      `No migration from lesson format version ${result.missing} to ${result.missing + 1}; this Journey Lab reads ${supported}.`,
      `缺少从课程格式版本 ${result.missing} 到 ${result.missing + 1} 的迁移；本版 Journey Lab 支持 ${supported}。`,
    );
  return { ok: true, document: result.document, from: version, applied: result.applied };
}
