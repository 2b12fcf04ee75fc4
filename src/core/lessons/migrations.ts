import { message } from '../i18n';
import { upgrade, type FormatOverrides, type Migration, type MigrationResult, type VersionedFormat } from '../format';
import { LESSON_SCHEMA_VERSION, lessonSchema } from './schema';
import type { LessonProblemCode } from './problems';

/**
 * Named migrations of the lesson format, declared like the journey's and the cohort's through the
 * shared versioned-format module (src/core/format): each step brings a lesson from `from` to `from + 1`.
 * Version 1 is the first, so there are none yet; the next format change adds its step here and
 * raises LESSON_SCHEMA_VERSION, and lessons already shared keep opening.
 */

export const OLDEST_LESSON_SCHEMA_VERSION = 1;

/** Every lesson migration, oldest first. */
export const lessonMigrations: readonly Migration[] = [];

export type LessonMigrationResult = MigrationResult;

/**
 * The lesson format: versions, named migrations, and how a version it cannot read is refused. A newer
 * version has its own code (the lesson was written by a newer Journey Lab: update, or ask the trainer).
 */
export const lessonFormat: VersionedFormat<LessonProblemCode> = {
  name: 'lesson',
  current: LESSON_SCHEMA_VERSION,
  oldest: OLDEST_LESSON_SCHEMA_VERSION,
  migrations: lessonMigrations,
  codes: { notAnObject: 'lesson-invalid', missingVersion: 'lesson-invalid', unsupportedVersion: 'lesson-invalid', newerVersion: 'lesson-newer-version' },
  words: {
    subject: message('core.lessons.migrations.theLesson'),
    formatVersion: message('core.lessons.migrations.formatVersion'),
    action: message('core.lessons.migrations.openIt'),
    notAnObject: message('core.lessons.migrations.notAnObject'),
  },
  schema: () => lessonSchema,
  describedAs: {
    title: 'Journey Lab lesson',
    description:
      'A lesson of Journey Lab’s trainer mode (*.lesson.json). The journey a lesson gives as a document, and the template, cohort and node ids it names, are checked by Journey Lab only.',
  },
};

/**
 * Brings a lesson of any supported older version up to the current one. A newer version is refused
 * naming both versions; the input is never modified.
 */
export function migrateLesson(input: unknown, overrides: FormatOverrides = {}): LessonMigrationResult {
  return upgrade({ ...lessonFormat, ...overrides }, input);
}
