// Every error answer of the API is JSON `{ error: { code, message } }`, its message in every catalog's
// language; nothing else ever leaves the server (no stack, no driver text): the error handler below maps
// what Fastify, its plugins and the handlers throw onto that, and logs the rest for the operator.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { message, type Message } from '../core/i18n';
import { localizeIssue, type Problem } from '../core/journey';
import { inEveryLanguage, type Texts } from './i18n';

/** A problem of a refused document, as the API writes it. */
export interface ApiProblem {
  severity: Problem['severity'];
  code: string;
  path: (string | number)[];
  nodeId?: string;
  message: Texts;
}

export const apiProblem = (problem: Problem): ApiProblem => ({
  severity: problem.severity,
  code: problem.code,
  path: problem.location.path,
  ...(problem.location.nodeId ? { nodeId: problem.location.nodeId } : {}),
  message: inEveryLanguage(problem.message),
});

/** An answer other than success: thrown by handlers and hooks, written by the error handler. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly text: Message,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

const serve = (key: string, values?: Record<string, string | number>) => message(`cli.serve.errors.${key}`, values);

/** The answers every route may give, by name. */
export const refusals = {
  notSignedIn: () => new ApiError(401, 'not-signed-in', serve('notSignedIn')),
  badCredentials: () => new ApiError(401, 'bad-credentials', serve('badCredentials')),
  forbidden: (role: string) => new ApiError(403, 'forbidden', serve('forbidden', { role })),
  csrf: () => new ApiError(403, 'csrf', serve('csrf')),
  notFound: () => new ApiError(404, 'not-found', serve('notFound')),
  exists: (id: string) => new ApiError(409, 'exists', serve('exists', { id })),
  preconditionFailed: (current: string) => new ApiError(412, 'stale', serve('stale'), { etag: current }),
  preconditionRequired: () => new ApiError(428, 'if-match-required', serve('ifMatchRequired')),
  invalidDocument: (problems: readonly Problem[]) =>
    new ApiError(422, 'invalid-document', serve('invalidDocument', { count: problems.length }), { problems: problems.map(apiProblem) }),
};

const bodyTooLarge = (limit: number) => new ApiError(413, 'body-too-large', serve('bodyTooLarge', { limit }));

/** Fastify's and its plugins' own errors, as API errors. */
function fromFastify(error: FastifyError, request: FastifyRequest): ApiError | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const [first] = error.validation;
    const part = error.validationContext ?? 'body';
    const where = `${part}${first?.instancePath.replace(/\//g, '.') ?? ''}`.replace(/\.$/, '');
    const issue = first ? { ...first.params, code: first.keyword, message: first.message ?? '', path: [] } : null;
    const detail = issue ? localizeIssue(issue as Parameters<typeof localizeIssue>[0]) : message('core.i18n.verbatim', { text: '' });
    return new ApiError(400, 'invalid-request', serve('invalidRequest', { where }), { detail: inEveryLanguage(detail) });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return bodyTooLarge(request.routeOptions.bodyLimit ?? 0);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'malformed-json', serve('malformedJson'));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported-media-type', serve('unsupportedMediaType'));
    default:
      break;
  }
  if (error.statusCode === 429) return new ApiError(429, 'rate-limited', serve('rateLimited'));
  // Any other client error Fastify raises (a bad header, an invalid URL): said, not explained.
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return new ApiError(error.statusCode, 'bad-request', serve('badRequest'));
  return null;
}

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply
    .code(error.statusCode)
    .type('application/json; charset=utf-8')
    .send({ error: { code: error.code, message: inEveryLanguage(error.text), ...error.extra } });
}

/** The error handler: API errors as they are, Fastify's mapped, anything else a 500 with no detail. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ApiError) return sendError(reply, error);
  const known = typeof error === 'object' && error !== null ? fromFastify(error as FastifyError, request) : null;
  if (known) return sendError(reply, known);
  request.log.error({ err: error }, 'unexpected error');
  return sendError(reply, new ApiError(500, 'internal', serve('internal')));
}
