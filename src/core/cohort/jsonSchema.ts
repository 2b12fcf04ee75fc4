import { z } from 'zod';
import { cohortSpecSchema } from './schema';

/**
 * The JSON Schema of the cohort format, generated from the zod schema `checkCohort` uses, in its input
 * form (fields with defaults may be left out). The semantic rules — shares adding up to 100, segments
 * naming declared attributes and tags — are beyond JSON Schema; `checkCohort` applies them.
 */
export function cohortJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(cohortSpecSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}
