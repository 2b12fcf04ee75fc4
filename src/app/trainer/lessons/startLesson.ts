// Starting a lesson gives the learner a journey of their own to work on: the lesson's journey as it
// stands at the first step, saved as a new journey named after the lesson, like a journey made from
// a template on the home screen; or, starting over, saved over the learner's earlier copy.
import type { Language } from '../../i18n/index.ts';
import { journeyAtStep } from '../../../core/lessons';
import { resolveLessonJourney } from '../../../core/lessons';
import type { Lesson } from '../../../core/lessons';
import { checkJourney } from '../../../core/journey';
import type { JourneyDocument } from '../../../core/journey';
import { layoutJourney } from '../../../core/editor';
import { message, type Message, dataLanguage } from '../../../core/i18n';
import type { JourneyRepository } from '../../persist/repository';
import { newJourneyId } from '../../home/newJourneyId';

export type StartResult = { ok: true; journeyId: string } | { ok: false; message: Message };

/** The revision stored under an id (to save over it), null when nothing is. */
async function storedRevision(repository: JourneyRepository, journeyId: string): Promise<number | null> {
  const loaded = await repository.load(journeyId);
  if (loaded.ok) return loaded.stored.revision;
  return loaded.reason === 'unreadable' ? loaded.revision : null;
}

/** `replacing`: the id of the learner's earlier copy, to start over on (its changes are replaced). */
export async function startLesson(repository: JourneyRepository, writer: string, lesson: Lesson, lang: Language, replacing: string | null = null): Promise<StartResult> {
  // Resolved in the learner's language: a template's labels come in one language.
  const resolved = resolveLessonJourney(lesson, dataLanguage(lang));
  if (!resolved.ok) return { ok: false, message: resolved.problems[0]?.message ?? message('app.trainer.lessons.startLesson.theLessonSJourneyCannot') };
  const atFirstStep = journeyAtStep(lesson, resolved.journey, 0);
  const { document } = checkJourney({ ...atFirstStep, id: replacing ?? newJourneyId(), name: lesson.title[dataLanguage(lang)] });
  if (!document) return { ok: false, message: message('app.trainer.lessons.startLesson.theLessonSJourneyHas') };
  const expectedRevision = replacing ? await storedRevision(repository, replacing) : null;
  const saved = await repository.save(await placed(document), { expectedRevision, writer });
  if (!saved.ok) return { ok: false, message: saved.reason === 'failed' ? saved.error.message : saved.message };
  return { ok: true, journeyId: document.id };
}

/**
 * A lesson file may leave node positions out (they default to the origin, every node on one spot):
 * such a journey is laid out the way Auto-layout would, each step in its lane, before the learner sees it.
 */
async function placed(journey: JourneyDocument): Promise<JourneyDocument> {
  const spots = new Set(journey.nodes.map((node) => `${node.position.x},${node.position.y}`));
  if (spots.size === journey.nodes.length) return journey;
  const positions = await layoutJourney(journey);
  return { ...journey, nodes: journey.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })) };
}
