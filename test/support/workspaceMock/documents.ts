// The mock team server's cohorts, scenarios and lessons (/api/cohorts, /api/scenarios, /api/lessons), answered as
// src/server/routes/resources.ts does: each document checked and kept as the server keeps it (the server's
// own acceptDocument: core-checked, normalised, populations refused), ETag "<version>", If-Match with 412
// and 428 on PUT and DELETE, 409 for an id taken, 404 for one deleted, editors and up to write. And the
// review's Archive (approved → archived, approvers and up), which the journey routes of ../workspaceServer.ts lack.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { acceptDocument } from '../../../src/server/documents';
import type { MockKit, MockMember } from '../workspaceServer';

const kinds = ['cohorts', 'scenarios', 'lessons'] as const;
type Kind = (typeof kinds)[number];

interface Stored {
  version: number;
  /** null once deleted (its id may be posted again; the versions go on). */
  document: Record<string, unknown> | null;
  name: string;
  updatedAt: number;
  updatedBy: string | null;
}

export function documentHandlers(kit: MockKit): HttpHandler[] {
  // The kit's maps, so the journeys' approval reads the scenarios stored here.
  const stores = new Map<Kind, Map<string, Stored>>(
    kinds.map((kind) => {
      const store = new Map<string, Stored>();
      kit.documents.set(kind, store);
      return [kind, store];
    }),
  );
  type Who = { member: MockMember };

  const invalid = (problems: { code: string }[]) => kit.refuse(422, 'invalid-document', 'invalidDocument', { problems: problems.map(({ code }) => ({ code })) }, { count: problems.length });
  const write = (kind: Kind, id: string, accepted: { document: Record<string, unknown>; name: string } | null, who: Who) => {
    const store = stores.get(kind)!;
    const before = store.get(id);
    const next: Stored = { version: (before?.version ?? 0) + 1, document: accepted ? structuredClone(accepted.document) : null, name: accepted?.name ?? before?.name ?? id, updatedAt: kit.tick(), updatedBy: who.member.id };
    store.set(id, next);
    return next;
  };
  /** Signed in, the document exists, the role, If-Match: what PUT and DELETE check first. */
  const gate = (kind: Kind, request: Request, cookies: Record<string, string>, id: string): Response | { who: Who; current: Stored } => {
    const who = kit.signedIn(request, cookies);
    if (who instanceof Response) return who;
    const current = stores.get(kind)!.get(id);
    if (!current || current.document === null) return kit.refuse(404, 'not-found', 'notFound');
    if (!kit.may(who, 'editor')) return kit.forbidden('editor');
    const ifMatch = request.headers.get('if-match');
    if (!ifMatch) return kit.refuse(428, 'if-match-required', 'ifMatchRequired');
    if (ifMatch !== kit.etag(current.version) && ifMatch !== '*') return kit.refuse(412, 'stale', 'stale', { etag: kit.etag(current.version) });
    return { who, current };
  };

  const resourceHandlers = kinds.flatMap((kind) => [
    http.get(`*/api/${kind}`, ({ request, cookies }) => {
      const who = kit.signedIn(request, cookies);
      if (who instanceof Response) return who;
      const rows = [...stores.get(kind)!.entries()]
        .filter(([, stored]) => stored.document !== null)
        .sort(([aId, a], [bId, b]) => b.updatedAt - a.updatedAt || aId.localeCompare(bId))
        .map(([id, stored]) => ({ id, name: stored.name, version: stored.version, state: 'draft', updatedAt: new Date(stored.updatedAt).toISOString(), updatedBy: stored.updatedBy }));
      return HttpResponse.json(rows);
    }),
    http.post(`*/api/${kind}`, async ({ request, cookies }) => {
      const who = kit.signedIn(request, cookies);
      if (who instanceof Response) return who;
      if (!kit.may(who, 'editor')) return kit.forbidden('editor');
      const accepted = acceptDocument(kind, await request.json().catch(() => null));
      if (!accepted.ok) return invalid(accepted.problems);
      const id = String(accepted.document.id);
      if (stores.get(kind)!.get(id)?.document) return kit.refuse(409, 'exists', 'exists', {}, { id });
      const { version } = write(kind, id, accepted, who);
      return HttpResponse.json(accepted.document, { status: 201, headers: { ETag: kit.etag(version), Location: `/api/${kind}/${encodeURIComponent(id)}` } });
    }),
    http.get(`*/api/${kind}/:id`, ({ request, cookies, params }) => {
      const who = kit.signedIn(request, cookies);
      if (who instanceof Response) return who;
      const current = stores.get(kind)!.get(String(params.id));
      if (!current?.document) return kit.refuse(404, 'not-found', 'notFound');
      return HttpResponse.json(current.document, { headers: { ETag: kit.etag(current.version) } });
    }),
    http.put(`*/api/${kind}/:id`, async ({ request, cookies, params }) => {
      const id = String(params.id);
      const checked = gate(kind, request, cookies, id);
      if (checked instanceof Response) return checked;
      const accepted = acceptDocument(kind, await request.json().catch(() => null));
      if (!accepted.ok) return invalid(accepted.problems);
      if (accepted.document.id !== id) return kit.refuse(422, 'id-mismatch', 'idMismatch', {}, { id });
      const { version } = write(kind, id, accepted, checked.who);
      return HttpResponse.json(accepted.document, { headers: { ETag: kit.etag(version) } });
    }),
    http.delete(`*/api/${kind}/:id`, ({ request, cookies, params }) => {
      const id = String(params.id);
      const checked = gate(kind, request, cookies, id);
      if (checked instanceof Response) return checked;
      write(kind, id, null, checked.who);
      return new HttpResponse(null, { status: 204 });
    }),
  ]);

  return [
    ...resourceHandlers,
    http.post('*/api/journeys/:id/archive', ({ request, cookies, params }) => {
      const id = String(params.id);
      const checked = kit.changeGate(request, cookies, id, 'approver');
      if (checked instanceof Response) return checked;
      const { current } = checked;
      if (current.state !== 'approved') return kit.refuse(409, 'wrong-state', 'wrongState', {}, { state: current.state });
      const next = { ...current, state: 'archived' as const };
      kit.journeys.set(id, next);
      return HttpResponse.json({ state: next.state, version: next.version, submittedBy: kit.emailOf(next.submittedBy), scenarioId: next.scenarioId ?? null, approvedBy: kit.emailOf(next.approvedBy) });
    }),
  ];
}
