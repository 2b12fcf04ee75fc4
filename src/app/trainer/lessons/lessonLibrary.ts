// The lessons a learner can start: the built-in ones, and the ones imported from a file or a shared
// link, kept as the JSON they arrived as (re-checked by parseLesson each time they are read, so a lesson
// stored by an older build is checked by this one's rules) — in the repository's lesson store when it
// has one (a team workspace's: everyone sees what a trainer imported), in its settings otherwise.
import { message, type Message } from '../../../core/i18n';
import type { JourneyDocumentInput } from '../../../core/journey';
import type { Problem } from '../../../core/journey';
import type { CohortSpecInput } from '../../../core/cohort';
import { builtinLessons } from '../../../core/lessons';
import { parseLesson } from '../../../core/lessons';
import type { Lesson, LessonInput } from '../../../core/lessons';
import type { JourneyRepository } from '../../persist/repository';

export const IMPORTED_LESSONS_SETTING = 'importedLessons';

/** A lesson that can be followed: what parseLesson returned, and the JSON to export or share. */
export interface ReadyLesson {
  lesson: Lesson;
  journey: JourneyDocumentInput;
  cohort: CohortSpecInput;
  source: LessonInput;
  builtin: boolean;
}

/** A stored lesson this build cannot follow (kept, shown, removable: never dropped behind the user's back). */
export interface BrokenLesson {
  id: string | null;
  problems: Problem[];
  raw: unknown;
}

function ready(source: unknown, builtin: boolean): ReadyLesson | BrokenLesson {
  const parsed = parseLesson(source);
  if (!parsed.ok) {
    const id = source && typeof source === 'object' && 'id' in source && typeof source.id === 'string' ? source.id : null;
    return { id, problems: parsed.problems, raw: source };
  }
  return { lesson: parsed.lesson, journey: parsed.journey, cohort: parsed.cohort, source: source as LessonInput, builtin };
}

export const isReady = (entry: ReadyLesson | BrokenLesson): entry is ReadyLesson => 'lesson' in entry;

let builtinCache: ReadyLesson[] | null = null;

/** The built-in lessons, checked once (a core test makes sure every one passes). */
export function builtinReadyLessons(): ReadyLesson[] {
  builtinCache ??= builtinLessons.map((source) => ready(source, true)).filter(isReady);
  return builtinCache;
}

export const isBuiltinId = (id: string) => builtinLessons.some((lesson) => lesson.id === id);

async function storedSources(repository: JourneyRepository): Promise<unknown[]> {
  if (repository.lessons) return repository.lessons.list();
  const stored = await repository.getSetting(IMPORTED_LESSONS_SETTING);
  return Array.isArray(stored) ? [...(stored as unknown[])] : [];
}

export async function readImportedLessons(repository: JourneyRepository): Promise<(ReadyLesson | BrokenLesson)[]> {
  return (await storedSources(repository)).map((source) => ready(source, false));
}

const sourceId = (source: unknown) => (source && typeof source === 'object' && 'id' in source ? source.id : undefined);

/** A built-in lesson's id with the first free "-2", "-3"… suffix, kept within the 64 characters an id may have. */
function freeId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${id.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export interface KeptLesson {
  /** The id the lesson is kept (and routed) under. */
  id: string;
  /** What the learner should know: a rename, or an earlier import replaced. */
  note: Message | null;
}

/**
 * Keeps an imported lesson. One with a built-in lesson's id is kept under a new id (a built-in is never
 * shadowed, and the learner is told the new id); one with the id of an imported lesson replaces it.
 */
export async function keepImportedLesson(repository: JourneyRepository, source: LessonInput): Promise<KeptLesson> {
  const sources = await storedSources(repository);
  let id = source.id;
  let note: Message | null = null;
  if (isBuiltinId(id)) {
    const taken = new Set([...builtinLessons.map((lesson) => lesson.id), ...sources.map(sourceId).filter((found): found is string => typeof found === 'string')]);
    id = freeId(id, taken);
    note = message('app.trainer.lessons.lessonLibrary.itHasTheIdOf', { id: source.id, id2: id });
  }
  const kept = { ...source, id };
  const index = sources.findIndex((stored) => sourceId(stored) === id);
  if (index >= 0) {
    sources[index] = kept;
    note = message('app.trainer.lessons.lessonLibrary.itReplacesTheLessonImported', { id });
  } else sources.push(kept);
  if (repository.lessons) await repository.lessons.put(kept);
  else await repository.setSetting(IMPORTED_LESSONS_SETTING, sources);
  return { id, note };
}

/** Removes the imported lesson at `index` of readImportedLessons' list. */
export async function removeImportedLesson(repository: JourneyRepository, index: number): Promise<void> {
  const sources = await storedSources(repository);
  if (repository.lessons) {
    const id = sourceId(sources[index]);
    if (typeof id === 'string') await repository.lessons.remove(id);
    return;
  }
  sources.splice(index, 1);
  await repository.setSetting(IMPORTED_LESSONS_SETTING, sources);
}

/** The lesson with this id: a built-in one, or an imported one; null when there is none this build can follow. */
export async function findLesson(repository: JourneyRepository, id: string): Promise<ReadyLesson | null> {
  const builtin = builtinReadyLessons().find((entry) => entry.lesson.id === id);
  if (builtin) return builtin;
  const imported = (await readImportedLessons(repository)).filter(isReady);
  return imported.find((entry) => entry.lesson.id === id) ?? null;
}

/** A shared lesson that is a built-in one unchanged is started as the built-in (no copy kept). */
export function sameAsBuiltin(entry: ReadyLesson): boolean {
  const builtin = builtinReadyLessons().find((candidate) => candidate.lesson.id === entry.lesson.id);
  return builtin !== undefined && JSON.stringify(builtin.lesson) === JSON.stringify(entry.lesson);
}
