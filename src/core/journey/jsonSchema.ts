import { z } from 'zod';
import { defaultRegistry, type Registry } from './registry';

/**
 * The JSON Schema of the file format, generated from the same zod schema the app validates with, so
 * that other tools and editors can check files. Written as the input form: fields with defaults may be
 * left out of a file.
 */
export function journeyJsonSchema(registry: Registry = defaultRegistry): Record<string, unknown> {
  const schema = z.toJSONSchema(registry.documentSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return schema;
}
