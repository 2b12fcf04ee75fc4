// Approval of journeys (draft → in review → approved → archived) and comments on a journey or one of
// its nodes. Approval needs the approver role, someone other than the submitter, a journey with no
// validation error, and a scenario whose journey is exactly the version being approved.
import { z } from 'zod';
import { message } from '../../core/i18n';
import { requireRole, type SignedIn } from '../auth';
import type { ServerContext, ZodApp } from '../context';
import { scenarioJourneyHash } from '../documents';
import { ApiError, refusals } from '../errors';
import { errors, idParams, ifMatchHeaders, stateSchema } from '../apiSchemas';
import { checkIfMatch, findDocument, type Current } from '../store';
import { audited } from '../transactions';
import type { ReviewState } from '../schema';
import { checkJourney, idSchema, isPlainObject, MAX_TEXT_CHARS } from '../../core/journey';

const reviewSchema = z
  .object({
    state: stateSchema,
    version: z.number().int().meta({ description: 'The current version: the one in review or approved, in those states.' }),
    submittedBy: z.string().nullable(),
    scenarioId: z.string().nullable().meta({ description: 'The scenario attached for review: its journey must be this very version.' }),
    approvedBy: z.string().nullable(),
  })
  .meta({ id: 'Review' });

const commentSchema = z
  .object({ id: z.number().int(), nodeId: z.string().nullable(), version: z.number().int(), author: z.string(), text: z.string(), createdAt: z.string() })
  .meta({ id: 'Comment' });

const reviewOf = (current: Current, emails: Map<string, string>) => ({
  state: current.row.state,
  version: current.row.version,
  submittedBy: current.row.submitted_by ? (emails.get(current.row.submitted_by) ?? null) : null,
  scenarioId: current.row.scenario_id,
  approvedBy: current.row.approved_by ? (emails.get(current.row.approved_by) ?? null) : null,
});

const wrongState = (state: ReviewState) => new ApiError(409, 'wrong-state', message('cli.serve.errors.wrongState', { state }));
const ownSubmission = () => new ApiError(403, 'own-submission', message('cli.serve.errors.ownSubmission'));

export function reviewRoutes(app: ZodApp, context: ServerContext): void {
  const { db } = context;
  const journey = async (id: string) => {
    const current = await findDocument(db, 'journeys', id);
    if (!current) throw refusals.notFound();
    return current;
  };
  const review = async (current: Current) => {
    const ids = [current.row.submitted_by, current.row.approved_by].filter((id): id is string => id !== null);
    const rows = ids.length ? await db.selectFrom('members').select(['id', 'email']).where('id', 'in', ids).execute() : [];
    return reviewOf(current, new Map(rows.map((row) => [row.id, row.email])));
  };
  /** Moves the journey from `from` to `to`, only if nobody moved or changed it meanwhile. */
  const move = async (current: Current, member: SignedIn, action: string, to: ReviewState, set: { submitted_by?: string | null; scenario_id?: string | null; approved_by?: string | null }, detail: Record<string, unknown> = {}) => {
    await audited(db, context.now(), member, `journeys.${action}`, `journeys/${current.row.id}`, { version: current.row.version, ...detail }, async (trx) => {
      const moved = await trx
        .updateTable('documents')
        .set({ state: to, ...set })
        .where('kind', '=', 'journeys')
        .where('id', '=', current.row.id)
        .where('version', '=', current.row.version)
        .where('state', '=', current.row.state)
        .where('deleted', '=', false)
        .returning('id')
        .executeTakeFirst();
      if (!moved) throw refusals.preconditionFailed(`"${current.row.version}"`);
    });
    return review(await journey(current.row.id));
  };
  const route = { tags: ['review'], params: idParams, headers: ifMatchHeaders } as const;

  app.get('/api/journeys/:id/review', { schema: { tags: ['review'], summary: "A journey's review state", params: idParams, response: { 200: reviewSchema, ...errors } } }, async (request) => {
    requireRole(request, 'viewer');
    return review(await journey(request.params.id));
  });

  app.post(
    '/api/journeys/:id/submit',
    { schema: { ...route, summary: 'Submit the current version for review', body: z.object({ scenarioId: idSchema.optional() }).optional(), response: { 200: reviewSchema, ...errors } } },
    async (request) => {
      const current = await journey(request.params.id);
      const member = requireRole(request, 'editor');
      checkIfMatch(request.headers['if-match'], current.row);
      if (current.row.state !== 'draft') throw wrongState(current.row.state);
      const scenarioId = request.body?.scenarioId ?? null;
      if (scenarioId !== null && !(await findDocument(db, 'scenarios', scenarioId))) throw new ApiError(422, 'scenario-missing', message('cli.serve.errors.scenarioMissing', { id: scenarioId }));
      return move(current, member, 'submit', 'in_review', { submitted_by: member.id, scenario_id: scenarioId, approved_by: null }, { scenarioId });
    },
  );

  app.post(
    '/api/journeys/:id/approve',
    {
      schema: {
        ...route,
        summary: 'Approve the version in review',
        description: 'Approvers only, never their own submission. The journey must have no validation error and a scenario (attached at submission, or given here) whose journey is this very version.',
        body: z.object({ scenarioId: idSchema.optional() }).optional(),
        response: { 200: reviewSchema, ...errors },
      },
    },
    async (request) => {
      const current = await journey(request.params.id);
      const member = requireRole(request, 'approver');
      checkIfMatch(request.headers['if-match'], current.row);
      if (current.row.state !== 'in_review') throw wrongState(current.row.state);
      if (current.row.submitted_by === member.id) throw ownSubmission();
      const checked = checkJourney(current.document);
      if (!checked.valid) {
        const problems = checked.problems.filter((found) => found.severity === 'error');
        throw new ApiError(422, 'journey-has-errors', message('cli.serve.errors.journeyHasErrors', { count: problems.length }), { problems: problems.map((found) => ({ code: found.code, path: found.location.path })) });
      }
      const scenarioId = request.body?.scenarioId ?? current.row.scenario_id;
      if (scenarioId === null) throw new ApiError(422, 'no-report', message('cli.serve.errors.noReport'));
      const scenario = await findDocument(db, 'scenarios', scenarioId);
      if (!scenario) throw new ApiError(422, 'scenario-missing', message('cli.serve.errors.scenarioMissing', { id: scenarioId }));
      if (!isPlainObject(scenario.document) || scenarioJourneyHash(scenario.document) !== current.hash)
        throw new ApiError(422, 'report-of-another-version', message('cli.serve.errors.reportOfAnotherVersion', { id: scenarioId, version: current.row.version }));
      return move(current, member, 'approve', 'approved', { approved_by: member.id, scenario_id: scenarioId }, { scenarioId });
    },
  );

  app.post(
    '/api/journeys/:id/send-back',
    {
      schema: {
        ...route,
        summary: 'Send the version in review back to its author',
        description: 'Approvers only, never their own submission; the reason, when given, becomes a comment.',
        body: z.object({ reason: z.string().trim().min(1).max(MAX_TEXT_CHARS).optional() }).optional(),
        response: { 200: reviewSchema, ...errors },
      },
    },
    async (request) => {
      const current = await journey(request.params.id);
      const member = requireRole(request, 'approver');
      checkIfMatch(request.headers['if-match'], current.row);
      if (current.row.state !== 'in_review') throw wrongState(current.row.state);
      if (current.row.submitted_by === member.id) throw ownSubmission();
      const reason = request.body?.reason;
      if (reason)
        await db.insertInto('comments').values({ kind: 'journeys', document_id: current.row.id, node_id: null, version: current.row.version, author: member.email, text: reason, created_at: context.now() }).execute();
      return move(current, member, 'send-back', 'draft', { submitted_by: null, approved_by: null }, { reason: reason ?? null });
    },
  );

  app.post(
    '/api/journeys/:id/archive',
    { schema: { ...route, summary: 'Archive an approved journey', body: z.object({}).optional(), response: { 200: reviewSchema, ...errors } } },
    async (request) => {
      const current = await journey(request.params.id);
      const member = requireRole(request, 'approver');
      checkIfMatch(request.headers['if-match'], current.row);
      if (current.row.state !== 'approved') throw wrongState(current.row.state);
      return move(current, member, 'archive', 'archived', {});
    },
  );

  app.get('/api/journeys/:id/comments', { schema: { tags: ['review'], summary: "A journey's comments, oldest first", params: idParams, response: { 200: z.array(commentSchema), ...errors } } }, async (request) => {
    requireRole(request, 'viewer');
    await journey(request.params.id);
    const rows = await db.selectFrom('comments').selectAll().where('kind', '=', 'journeys').where('document_id', '=', request.params.id).orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, nodeId: row.node_id, version: row.version, author: row.author, text: row.text, createdAt: row.created_at.toISOString() }));
  });

  app.post(
    '/api/journeys/:id/comments',
    {
      schema: {
        tags: ['review'],
        summary: 'Comment on a journey, or on one of its nodes',
        params: idParams,
        body: z.object({ text: z.string().trim().min(1).max(MAX_TEXT_CHARS), nodeId: z.string().min(1).max(64).optional() }),
        response: { 201: commentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const current = await journey(request.params.id);
      const member = requireRole(request, 'viewer');
      const { text, nodeId } = request.body;
      const nodes = isPlainObject(current.document) && Array.isArray(current.document.nodes) ? current.document.nodes : [];
      if (nodeId !== undefined && !nodes.some((node) => isPlainObject(node) && node.id === nodeId)) throw new ApiError(422, 'unknown-node', message('cli.serve.errors.unknownNode', { id: nodeId }));
      const now = context.now();
      const row = await audited(db, now, member, 'journeys.comment', `journeys/${current.row.id}`, { nodeId: nodeId ?? null }, (trx) =>
        trx
          .insertInto('comments')
          .values({ kind: 'journeys', document_id: current.row.id, node_id: nodeId ?? null, version: current.row.version, author: member.email, text, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow(),
      );
      return reply.code(201).send({ id: row.id, nodeId: nodeId ?? null, version: current.row.version, author: member.email, text, createdAt: now.toISOString() });
    },
  );
}
