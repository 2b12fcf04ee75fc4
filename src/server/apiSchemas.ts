// Zod schemas shared by the routes: they validate requests and describe answers in the OpenAPI document.
import { z } from 'zod';
import { idSchema } from '../core/journey';
import { roles, reviewStates } from './schema';

/** A text in every catalog's language, by tag. */
export const texts = z.record(z.string(), z.string()).meta({ description: 'The same text in every language the server has a catalog for, by BCP 47 tag (en, zh-CN).' });

export const errorBody = z
  .object({
    error: z.looseObject({
      code: z.string().meta({ description: 'Stable code clients key on (not-signed-in, forbidden, not-found, exists, stale, if-match-required, invalid-document, csrf, rate-limited, …).' }),
      message: texts,
    }),
  })
  .meta({ id: 'Error', description: 'Every error answer. invalid-document adds `problems`; stale adds the current `etag`.' });

/** The error answers a route documents beside its success. */
export const errors = { '4xx': errorBody, '5xx': errorBody } as const;

export const roleSchema = z.enum(roles);
export const stateSchema = z.enum(reviewStates);

export const memberSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema }).meta({ id: 'Member' });

export const idParams = z.object({ id: idSchema });
export const memberParams = z.object({ id: z.string().min(1).max(100) });
export const versionParams = z.object({ id: idSchema, n: z.coerce.number().int().min(1).max(2 ** 31 - 1) });

/** Headers are validated loosely: the schema names the ones a route reads, the rest (cookies, authorization) stay. */
export const ifMatchHeaders = z.looseObject({
  'if-match': z.string().max(1000).optional().meta({ description: 'The ETag of the version this change is based on (428 without it, 412 when another version is current).' }),
});

/** A document body: the JSON object itself, checked by the core (the OpenAPI document points at its format). */
export const documentBody = (format: string) => z.record(z.string(), z.unknown()).meta({ description: `The document itself (${format}); its own \`id\` is the resource id.` });

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());
/** A password's length: long enough to resist guessing with the login rate limit; short enough to bound scrypt's input. */
export const PASSWORD_MIN_CHARS = 10;
export const PASSWORD_MAX_CHARS = 1024;
export const passwordSchema = z.string().min(PASSWORD_MIN_CHARS).max(PASSWORD_MAX_CHARS);
export const nameSchema = z.string().trim().min(1).max(200);
