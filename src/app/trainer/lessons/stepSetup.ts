// What moving to a lesson step does to the learner's journey. A step's setup says how the journey
// stands at that step, and the learner may have changed the journey meanwhile. The rule: every param
// and setting that any step's setup sets is put to its value at the target step (so stepping back
// undoes a later step's setup too); everything else the learner changed stays as it is.
import type { JourneyDocumentInput } from '../../../core/journey';
import { journeyAtStep } from '../../../core/lessons';
import type { Lesson } from '../../../core/lessons';

export function journeyForStep(lesson: Lesson, lessonJourney: JourneyDocumentInput, current: JourneyDocumentInput, index: number): JourneyDocumentInput {
  const edits = lesson.steps.flatMap((step) => step.setup);
  if (edits.length === 0) return current;
  const target = journeyAtStep(lesson, lessonJourney, index);
  const result = structuredClone(current);
  const settings: Record<string, unknown> = { ...(result.settings ?? {}) };
  const targetSettings: Record<string, unknown> = { ...(target.settings ?? {}) };
  for (const edit of edits) {
    if (edit.type === 'setSetting') {
      if (edit.setting in targetSettings) settings[edit.setting] = structuredClone(targetSettings[edit.setting]);
      else delete settings[edit.setting];
      continue;
    }
    const node = result.nodes?.find((candidate) => candidate.id === edit.node);
    if (!node) continue; // the learner deleted it: nothing to set
    const targetParams: Record<string, unknown> = target.nodes?.find((candidate) => candidate.id === edit.node)?.params ?? {};
    const params: Record<string, unknown> = { ...(node.params ?? {}) };
    if (edit.param in targetParams) params[edit.param] = structuredClone(targetParams[edit.param]);
    else delete params[edit.param];
    node.params = params;
  }
  return { ...result, settings: settings as JourneyDocumentInput['settings'] };
}
