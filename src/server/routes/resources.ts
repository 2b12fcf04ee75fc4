// Journeys, cohorts, scenarios (with their reports) and lessons, each under /api/<kind>: the body of POST
// and PUT is the document itself, its own id the resource id; every write is a new version; GET answers
// an ETag and PUT, DELETE and restore need it back in If-Match.
import { z } from 'zod';
import { message } from '../../core/i18n';
import { requireRole } from '../auth';
import type { ServerContext, ZodApp } from '../context';
import { acceptDocument } from '../documents';
import { ApiError, refusals } from '../errors';
import { documentBody, errors, idParams, ifMatchHeaders, stateSchema, versionParams } from '../apiSchemas';
import { checkIfMatch, createDocument, etagOf, findDocument, writeVersion, type DocumentRow } from '../store';
import { resourceKinds, type ResourceKind } from '../schema';

/** The format each kind's documents are in (docs/), for the OpenAPI document. */
const formats: Record<ResourceKind, string> = {
  journeys: 'journey format, docs/journey-format.md',
  cohorts: 'cohort format, docs/cohort-format.md; fitted cohorts too, never a population',
  scenarios: 'a saved scenario: name, the journey, cohort, settings and report of its run',
  lessons: 'lesson format, docs/lesson-format.md',
};

const summarySchema = z
  .object({
    id: z.string(),
    name: z.union([z.string(), z.record(z.string(), z.string())]),
    version: z.number().int(),
    state: stateSchema,
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'DocumentSummary' });

const versionSchema = z.object({ version: z.number().int(), action: z.enum(['create', 'update', 'delete', 'restore']), createdAt: z.string(), createdBy: z.string().nullable(), hash: z.string().nullable() }).meta({ id: 'DocumentVersion' });

/** A stored name: text, or both languages kept as JSON. */
function nameOf(stored: string): string | Record<string, string> {
  if (!stored.startsWith('{')) return stored;
  try {
    const parsed: unknown = JSON.parse(stored);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : stored;
  } catch {
    return stored;
  }
}

export const summaryOf = (row: DocumentRow) => ({
  id: row.id,
  name: nameOf(row.name),
  version: row.version,
  state: row.state,
  updatedAt: row.updated_at.toISOString(),
  updatedBy: row.updated_by,
});

const idMismatch = (id: string) => new ApiError(422, 'id-mismatch', message('cli.serve.errors.idMismatch', { id }));

/** Only a draft (or an archived) journey may be deleted: one in review or approved is someone's decision. */
function deletable(row: DocumentRow): void {
  if (row.state === 'in_review' || row.state === 'approved') throw new ApiError(409, 'not-a-draft', message('cli.serve.errors.notADraft'));
}

export function resourceRoutes(app: ZodApp, context: ServerContext): void {
  const { db } = context;
  for (const kind of resourceKinds) {
    const tags = [kind];
    const body = documentBody(formats[kind]);
    const accept = (input: unknown) => {
      const accepted = acceptDocument(kind, input);
      if (!accepted.ok) throw refusals.invalidDocument(accepted.problems);
      return accepted;
    };
    const found = async (id: string) => {
      const current = await findDocument(db, kind, id);
      if (!current) throw refusals.notFound();
      return current;
    };

    app.get(`/api/${kind}`, { schema: { tags, summary: `The ${kind}, newest first`, response: { 200: z.array(summarySchema), ...errors } } }, async (request) => {
      requireRole(request, 'viewer');
      const rows = await db.selectFrom('documents').selectAll().where('kind', '=', kind).where('deleted', '=', false).orderBy('updated_at', 'desc').orderBy('id').execute();
      return rows.map(summaryOf);
    });

    app.post(
      `/api/${kind}`,
      { bodyLimit: context.documentBodyLimit, schema: { tags, summary: `Create a ${kind.slice(0, -1)}`, body, response: { 201: body, ...errors } } },
      async (request, reply) => {
        const member = requireRole(request, 'editor');
        const accepted = accept(request.body);
        const id = String(accepted.document.id);
        const version = await createDocument(db, { kind, id, document: accepted.document, name: accepted.name, actor: member, at: context.now() });
        return reply.code(201).header('ETag', etagOf(version)).header('Location', `/api/${kind}/${encodeURIComponent(id)}`).send(accepted.document);
      },
    );

    app.get(`/api/${kind}/:id`, { schema: { tags, summary: `A ${kind.slice(0, -1)} (its current version)`, params: idParams, response: { 200: body, ...errors } } }, async (request, reply) => {
      requireRole(request, 'viewer');
      const current = await found(request.params.id);
      return reply.header('ETag', etagOf(current.row.version)).send(current.document as Record<string, unknown>);
    });

    app.put(
      `/api/${kind}/:id`,
      { bodyLimit: context.documentBodyLimit, schema: { tags, summary: `Save a new version of a ${kind.slice(0, -1)}`, params: idParams, headers: ifMatchHeaders, body, response: { 200: body, ...errors } } },
      async (request, reply) => {
        const current = await found(request.params.id);
        const member = requireRole(request, 'editor');
        checkIfMatch(request.headers['if-match'], current.row);
        const accepted = accept(request.body);
        if (accepted.document.id !== request.params.id) throw idMismatch(request.params.id);
        const version = await writeVersion(db, { kind, id: request.params.id, document: accepted.document, name: accepted.name, actor: member, at: context.now() }, current.row.version, 'update');
        return reply.header('ETag', etagOf(version)).send(accepted.document);
      },
    );

    app.delete(`/api/${kind}/:id`, { schema: { tags, summary: `Delete a ${kind.slice(0, -1)} (its versions stay)`, params: idParams, headers: ifMatchHeaders, response: { 204: z.undefined(), ...errors } } }, async (request, reply) => {
      const current = await found(request.params.id);
      const member = requireRole(request, 'editor');
      checkIfMatch(request.headers['if-match'], current.row);
      deletable(current.row);
      await writeVersion(db, { kind, id: request.params.id, document: null, name: current.row.name, actor: member, at: context.now() }, current.row.version, 'delete');
      return reply.code(204).send();
    });

    app.get(`/api/${kind}/:id/versions`, { schema: { tags, summary: 'Every version, oldest first', params: idParams, response: { 200: z.array(versionSchema), ...errors } } }, async (request) => {
      requireRole(request, 'viewer');
      await found(request.params.id);
      const rows = await db
        .selectFrom('document_versions')
        .select(['version', 'action', 'created_at', 'created_by', 'hash'])
        .where('kind', '=', kind)
        .where('id', '=', request.params.id)
        .orderBy('version')
        .execute();
      return rows.map((row) => ({ version: row.version, action: row.action, createdAt: row.created_at.toISOString(), createdBy: row.created_by, hash: row.hash }));
    });

    const versionDocument = async (id: string, n: number) => {
      await found(id);
      const row = await db.selectFrom('document_versions').select(['document']).where('kind', '=', kind).where('id', '=', id).where('version', '=', n).executeTakeFirst();
      if (!row || row.document === null) throw refusals.notFound();
      return row.document;
    };

    app.get(`/api/${kind}/:id/versions/:n`, { schema: { tags, summary: 'One version as it was saved', params: versionParams, response: { 200: body, ...errors } } }, async (request) => {
      requireRole(request, 'viewer');
      return (await versionDocument(request.params.id, request.params.n)) as Record<string, unknown>;
    });

    app.post(
      `/api/${kind}/:id/versions/:n/restore`,
      { schema: { tags, summary: 'Save an earlier version again, as the newest', params: versionParams, headers: ifMatchHeaders, response: { 200: body, ...errors } } },
      async (request, reply) => {
        const current = await found(request.params.id);
        const member = requireRole(request, 'editor');
        checkIfMatch(request.headers['if-match'], current.row);
        // Checked again: a version saved by an older server is migrated to today's format like any document.
        const accepted = accept(await versionDocument(request.params.id, request.params.n));
        const version = await writeVersion(db, { kind, id: request.params.id, document: accepted.document, name: accepted.name, actor: member, at: context.now() }, current.row.version, 'restore', { from: request.params.n });
        return reply.header('ETag', etagOf(version)).send(accepted.document);
      },
    );
  }
}
