import { type Lang, message, type Message, verbatim } from '../i18n';
import { pathText, type Problem } from '../journey/problems';
import type { JourneyDocumentInput } from '../journey/schema';
import { checkJourney } from '../journey/validate';
import { defaultRegistry } from '../journey/registry';
import { isPlainObject, localizeIssue, plainPath } from '../journey/zodMessages';
import { limitOfIssue, listedIssues, measureDocument } from '../journey/limitChecks';
import { getPreset } from '../cohort/presets';
import type { CohortSpecInput } from '../cohort/schema';
import { getTemplate, instantiateTemplate } from '../templates';
import { applyEdits, editNodeIds, journeyAtStep } from './edits';
import { migrateLesson } from './migrations';
import { lessonProblems, type LessonProblemCode } from './problems';
import { DEFAULT_LESSON_COHORT, LESSON_FORMAT, lessonSchema, type JourneyEdit, type Lesson } from './schema';

/**
 * Reading a lesson from any input (a file, a link, a builtin): the format, its version, the journey
 * it uses and every node id it names. A lesson that cannot be followed is refused with problems that
 * say what is wrong and where; one that can is returned with the journey it resolved to.
 */

export type ParsedLesson =
  | { ok: true; lesson: Lesson; journey: JourneyDocumentInput; cohort: CohortSpecInput; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

type Path = (string | number)[];

const problem = (code: LessonProblemCode, text: Message, path: Path, nodeId?: string): Problem => ({
  severity: lessonProblems[code].severity,
  code,
  message: text,
  location: { path, ...(nodeId ? { nodeId } : {}) },
});

/** Refuses the lesson; the problems come as one array (never spread into a call: there may be thousands). */
const refuse = (problems: Problem[]): ParsedLesson => ({ ok: false, problems });

/** The lesson's journey as a document in `lang` (template labels come in one language), or why there is none. */
export function resolveLessonJourney(lesson: Pick<Lesson, 'journey'>, lang: Lang = 'en'): { ok: true; journey: JourneyDocumentInput } | { ok: false; problems: Problem[] } {
  if ('template' in lesson.journey) {
    const { template: id } = lesson.journey;
    const template = getTemplate(id);
    if (!template)
      return {
        ok: false,
        problems: [
          problem('lesson-unknown-template', message('core.lessons.load.journeyTemplateThereIsNo', { id }), ['journey', 'template']),
        ],
      };
    return { ok: true, journey: instantiateTemplate(template, lang) };
  }
  const checked = checkJourney(lesson.journey.document);
  const errors = checked.problems.filter((found) => found.severity === 'error');
  if (!checked.document || errors.length > 0)
    return {
      ok: false,
      problems: errors.map((found) => {
        const path = ['journey', 'document', ...found.location.path];
        return problem('lesson-journey-invalid', message('core.lessons.load.text', { path: pathText(path), message: found.message }), path, found.location.nodeId);
      }),
    };
  return { ok: true, journey: lesson.journey.document as JourneyDocumentInput };
}

/** Checks every node id the lesson names (focus, lookAt, conditions, edits) against the journey. */
function missingNodes(lesson: Lesson, nodeIds: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const check = (id: string | undefined, path: Path) => {
    if (id === undefined || nodeIds.has(id)) return;
    problems.push(
      problem(
        'lesson-missing-node',
        message('core.lessons.load.theJourneyHasNoNode', { path: pathText(path), id }),
        path,
        id,
      ),
    );
  };
  const checkEdits = (edits: readonly JourneyEdit[], path: Path) =>
    edits.forEach((edit, index) => editNodeIds(edit).forEach((id) => check(id, [...path, index, 'node'])));
  lesson.steps.forEach((step, s) => {
    const at: Path = ['steps', s];
    checkEdits(step.setup, [...at, 'setup']);
    step.focus.forEach((id, index) => check(id, [...at, 'focus', index]));
    step.lookAt.forEach((lookAt, index) => check(lookAt.node, [...at, 'lookAt', index, 'node']));
    if (step.tryThis) checkEdits(step.tryThis.edits, [...at, 'tryThis', 'edits']);
    step.challenge?.conditions.forEach((condition, index) => check(condition.node, [...at, 'challenge', 'conditions', index, 'node']));
  });
  return problems;
}

/** Every step's journey, and that journey with the step's suggested edit, must still be a valid journey. */
function brokenEdits(lesson: Lesson, journey: JourneyDocumentInput): Problem[] {
  const problems: Problem[] = [];
  const check = (document: JourneyDocumentInput, path: Path) => {
    const error = checkJourney(document).problems.find((found) => found.severity === 'error');
    if (error)
      problems.push(
        problem(
          'lesson-edit-invalid',
          message('core.lessons.load.afterThisEditTheJourney', { path: pathText(path), known: String(Boolean(pathText(error.location.path))), at: pathText(error.location.path), message: error.message }),
          path,
          error.location.nodeId,
        ),
      );
  };
  lesson.steps.forEach((step, s) => {
    const current = journeyAtStep(lesson, journey, s);
    if (step.setup.length > 0) check(current, ['steps', s, 'setup']);
    if (step.tryThis && step.tryThis.edits.length > 0) check(applyEdits(current, step.tryThis.edits), ['steps', s, 'tryThis', 'edits']);
  });
  return problems;
}

/** Whether a node of a kind that splits traffic into arms (its `arms`) keeps one arm as the holdout. */
function hasHoldout(journey: JourneyDocumentInput): boolean {
  return (journey.nodes ?? []).some((node) => {
    const kind = defaultRegistry.get(node.kind);
    if (!kind?.arms) return false;
    // A kind's methods take only params its own schema produced (see createRegistry).
    const params = kind.params.safeParse(node.params ?? {});
    return params.success && kind.arms(params.data).some((arm) => arm.holdout);
  });
}

function liftWarnings(lesson: Lesson, journey: JourneyDocumentInput): Problem[] {
  const warnings: Problem[] = [];
  lesson.steps.forEach((step, s) => {
    if (hasHoldout(journeyAtStep(lesson, journey, s))) return;
    const readsLift = step.lookAt.some((lookAt) => lookAt.target === 'lift') || step.challenge?.conditions.some((condition) => condition.metric === 'lift');
    if (readsLift)
      warnings.push(
        problem('lesson-no-holdout', message('core.lessons.load.stepsReadsTheLiftBut', { s }), ['steps', s]),
      );
  });
  return warnings;
}

/** Reads and checks a lesson; never throws. */
export function parseLesson(input: unknown): ParsedLesson {
  // Before anything recurses or clones: nesting and size of the whole value, walked with its own stack.
  const breach = measureDocument(input);
  if (breach) {
    const where = pathText(breach.path);
    return refuse([problem('lesson-invalid', message('core.lessons.load.text2', { known: String(Boolean(where)), at: where, message: breach.message }), breach.path)]);
  }
  if (!isPlainObject(input)) return refuse([problem('lesson-invalid', message('core.lessons.load.aLessonIsAJson'), [])]);
  if (input.format !== LESSON_FORMAT)
    return refuse([
      problem(
        'lesson-invalid',
        message('core.lessons.load.formatExpectedFoundThisIs', { LESSON_FORMAT, known: String(input.format !== undefined), at: JSON.stringify(input.format) ?? '' }),
        ['format'],
      ),
    ]);
  const migrated = migrateLesson(input);
  if (!migrated.ok) return refuse([migrated.problem]);
  const parsed = lessonSchema.safeParse(migrated.document, { reportInput: true });
  if (!parsed.success) {
    const { listed, more } = listedIssues(parsed.error.issues);
    return refuse([
      ...listed.map((issue) => {
        const path = plainPath(issue.path);
        const text = limitOfIssue(issue)?.message ?? localizeIssue(issue);
        return problem('lesson-invalid', message('core.lessons.load.text3', { known: String(Boolean(pathText(path))), at: pathText(path), text }), path);
      }),
      ...(more ? [problem('lesson-invalid', verbatim(more), [])] : []),
    ]);
  }
  const lesson = parsed.data;
  const cohortId = lesson.cohort ?? DEFAULT_LESSON_COHORT;
  const preset = getPreset(cohortId);
  const cohortProblems = preset
    ? []
    : [problem('lesson-unknown-cohort', message('core.lessons.load.cohortThereIsNoCohort', { cohortId }), ['cohort'])];
  const resolved = resolveLessonJourney(lesson);
  if (!resolved.ok || !preset) return refuse([...cohortProblems, ...(resolved.ok ? [] : resolved.problems)]);
  const nodeIds = new Set((resolved.journey.nodes ?? []).map((node) => node.id));
  const missing = missingNodes(lesson, nodeIds);
  if (missing.length > 0) return refuse(missing);
  const broken = brokenEdits(lesson, resolved.journey);
  if (broken.length > 0) return refuse(broken);
  return { ok: true, lesson, journey: resolved.journey, cohort: preset.spec, warnings: liftWarnings(lesson, resolved.journey) };
}
