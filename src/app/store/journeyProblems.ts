import { validate } from '../../core/journey';
import type { JourneyDocument, Problem } from '../../core/journey';

// Documents are immutable, so a document's problems never change: the canvas, the side panels and the
// load that read it from storage share one analysis of it.
const problemsOf = new WeakMap<JourneyDocument, Problem[]>();

/** The problems of a journey, analysed once per document object. */
export function journeyProblems(journey: JourneyDocument): Problem[] {
  let problems = problemsOf.get(journey);
  if (!problems) problemsOf.set(journey, (problems = validate(journey)));
  return problems;
}

/**
 * Keeps the problems a load found in a document it just read (checkJourney: a readable document's
 * problems are its graph's analysis, what `validate` would say of it again). Opening a journey then
 * analyses it once, not a second time when the editor draws it (a tenth of a second at 2,000 steps).
 */
export function rememberProblems(journey: JourneyDocument, problems: Problem[]): void {
  if (!problemsOf.has(journey)) problemsOf.set(journey, problems);
}
