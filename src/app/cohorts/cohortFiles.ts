// Cohort files in and out (`.cohort.json`, docs/cohort-format.md): export writes the spec as it is;
// import reads JSON, checks it with checkCohort (migrating an older version, refusing a newer one) and
// refuses a spec with errors, with every problem.
import { checkCohort, type CohortSpec } from '../../core/cohort';
import type { Problem } from '../../core/journey';
import { isPlainObject } from '../../core/journey';
import { checkDocumentText } from '../../core/journey';
import { journeySlug } from '../persist/files';

export const COHORT_FILE_EXTENSION = '.cohort.json';

/** The spec's name in English (or its only text), for file names. */
const nameText = (spec: { name?: unknown; id: string }): string =>
  typeof spec.name === 'string' ? spec.name : isPlainObject(spec.name) && typeof spec.name.en === 'string' ? spec.name.en : spec.id;

export const cohortFileName = (spec: { name?: unknown; id: string }): string => `${journeySlug({ name: nameText(spec), id: spec.id })}${COHORT_FILE_EXTENSION}`;

/** The spec, pretty-printed, with a final newline. */
export const exportCohortJson = (spec: unknown): string => `${JSON.stringify(spec, null, 2)}\n`;

export type ReadCohortResult = { ok: true; spec: CohortSpec; problems: Problem[] } | { ok: false; problems: Problem[]; notJson?: boolean };

/** Reads a cohort file's text; one over the size limit is refused before it is parsed. */
export function parseCohortFile(text: string): ReadCohortResult {
  const tooLarge = checkDocumentText(text);
  if (tooLarge) return { ok: false, problems: [{ severity: 'error', code: tooLarge.code, message: tooLarge.message, location: { path: tooLarge.path } }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: [], notJson: true };
  }
  const { spec, problems } = checkCohort(value);
  return spec ? { ok: true, spec, problems } : { ok: false, problems };
}
