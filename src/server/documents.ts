// What each kind of resource accepts, checked by the same core code the app and the CLI use (with the
// limits of src/core/journey/limits.ts), and what the server keeps of it: the document as the core read
// it (migrated to today's format, defaults filled in; ids never changed).
import { z } from 'zod';
import { message } from '../core/i18n';
import { checkCohort } from '../core/cohort';
import { idSchema, isPlainObject, readJourneyDocument, type JourneyDocument, type Problem } from '../core/journey';
import { parseLesson } from '../core/lessons';
import { documentHash } from './hash';
import type { ResourceKind } from './schema';

export type Accepted = { ok: true; document: Record<string, unknown>; name: string } | { ok: false; problems: Problem[] };

const refused = (code: string, text: ReturnType<typeof message>, path: (string | number)[] = []): Accepted => ({
  ok: false,
  problems: [{ severity: 'error', code, message: text, location: { path } }],
});

/** The name lists show: a text, or the same text in both languages (kept as JSON, lists parse it back). */
function nameOf(document: Record<string, unknown>, id: string): string {
  const name = document.name ?? document.title;
  if (typeof name === 'string') return name;
  if (isPlainObject(name)) return JSON.stringify(name);
  return id;
}

/** A population file holds customer-level data: it stays on the user's machine, never on the server. */
const isPopulation = (input: unknown): boolean => isPlainObject(input) && input.kind === 'journey-lab-population';

function acceptJourney(input: unknown): Accepted {
  const read = readJourneyDocument(input);
  if (!read.document) return { ok: false, problems: read.problems };
  const document = read.document as unknown as Record<string, unknown>;
  return { ok: true, document, name: nameOf(document, read.document.id) };
}

function acceptCohort(input: unknown, path: (string | number)[] = []): Accepted {
  if (isPopulation(input)) return refused('population-refused', message('cli.serve.documents.populationRefused'), path);
  const checked = checkCohort(input);
  if (!checked.spec) return { ok: false, problems: checked.problems.filter((found) => found.severity === 'error').map((found) => ({ ...found, location: { ...found.location, path: [...path, ...found.location.path] } })) };
  const document = checked.spec as unknown as Record<string, unknown>;
  return { ok: true, document, name: nameOf(document, checked.spec.id) };
}

function acceptLesson(input: unknown): Accepted {
  const parsed = parseLesson(input);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const document = parsed.lesson as unknown as Record<string, unknown>;
  return { ok: true, document, name: nameOf(document, parsed.lesson.id) };
}

/**
 * A saved scenario as the app keeps it (src/app/persist/scenarioRepository.ts): a named run with the
 * exact journey, cohort spec, settings and report it ran with. The journey and the cohort are checked
 * by the core; the report is kept as it is (an older format opens marked outdated in the app).
 */
const scenarioShape = z.looseObject({
  id: idSchema,
  name: z.string().min(1).max(200),
  stale: z.boolean(),
  journeyId: z.string().min(1).max(64),
  savedAt: z.number(),
  journey: z.unknown(),
  settings: z.looseObject({ users: z.number(), seed: z.number(), replications: z.number(), presetId: z.string().max(200), population: z.boolean().optional() }),
  cohort: z.unknown(),
  report: z.looseObject({ nodes: z.array(z.unknown()) }),
});

function acceptScenario(input: unknown): Accepted {
  const shape = scenarioShape.safeParse(input);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    return refused('scenario-invalid', message('cli.serve.documents.scenarioInvalid', { path: issue.path.join('.') || '—' }), issue.path.filter((part) => typeof part !== 'symbol'));
  }
  const journey = readJourneyDocument(shape.data.journey);
  if (!journey.document) return { ok: false, problems: journey.problems.map((found) => ({ ...found, location: { ...found.location, path: ['journey', ...found.location.path] } })) };
  const cohort = acceptCohort(shape.data.cohort, ['cohort']);
  if (!cohort.ok) return cohort;
  const document = { ...shape.data, journey: journey.document, cohort: cohort.document };
  return { ok: true, document, name: shape.data.name };
}

/** Checks a document of a kind: accepted with what is kept, or refused with the core's problems. */
export function acceptDocument(kind: ResourceKind, input: unknown): Accepted {
  switch (kind) {
    case 'journeys':
      return acceptJourney(input);
    case 'cohorts':
      return acceptCohort(input);
    case 'scenarios':
      return acceptScenario(input);
    case 'lessons':
      return acceptLesson(input);
  }
}

/** The hash of the journey a scenario recorded, read as the server reads journeys, so it compares with a stored version's hash. */
export function scenarioJourneyHash(scenario: unknown): string | null {
  if (!isPlainObject(scenario)) return null;
  const read = readJourneyDocument(scenario.journey);
  return read.document ? documentHash(read.document) : null;
}

export type { JourneyDocument };
