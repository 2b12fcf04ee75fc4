// The mock team server's comments on a journey and its nodes (/api/journeys/:id/comments), answered as
// src/server/routes/review.ts does (see ../workspaceServer.ts): any signed-in member, viewers too; the
// body's text trimmed, 1 to MAX_TEXT_CHARS long (400 invalid-request otherwise); a nodeId the journey's
// current version lacks is 422 unknown-node; listed oldest first; kept in memory per mock server.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { MAX_TEXT_CHARS } from '../../../src/core/journey/limits';
import type { MockDocument, MockKit } from '../workspaceServer';

export interface MockComment {
  id: number;
  nodeId: string | null;
  version: number;
  author: string;
  text: string;
  createdAt: string;
}

// Keyed by the server's journeys map (the same object as WorkspaceServer.journeys), so a test can seed
// and read the comments of the server it made without the kit.
const stores = new WeakMap<Map<string, MockDocument>, MockComment[]>();

/** The comments of a mock server, every journey's, in the order written: tests seed and read them here. */
export function commentsOf(journeys: Map<string, MockDocument>): MockComment[] {
  let found = stores.get(journeys);
  if (!found) {
    found = [];
    stores.set(journeys, found);
  }
  return found;
}

/** Where each comment belongs, kept beside it (the API's comment has no journey id). */
const journeyOf = new WeakMap<MockComment, string>();

/** A comment on `journeyId` as the server would have stored it; returns it. */
export function seedComment(journeys: Map<string, MockDocument>, journeyId: string, comment: Omit<MockComment, 'id'>): MockComment {
  const all = commentsOf(journeys);
  const stored = { id: all.length + 1, ...comment };
  all.push(stored);
  journeyOf.set(stored, journeyId);
  return stored;
}

const nodeIdsOf = (document: unknown): string[] => {
  const nodes = (document as { nodes?: unknown } | null)?.nodes;
  return Array.isArray(nodes) ? nodes.map((node) => (node as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string') : [];
};

export const commentHandlers = (kit: MockKit): HttpHandler[] => [
  http.get('*/api/journeys/:id/comments', ({ request, cookies, params }) => {
    const who = kit.signedIn(request, cookies);
    if (who instanceof Response) return who;
    const id = String(params.id);
    if (!kit.live(id)) return kit.refuse(404, 'not-found', 'notFound');
    return HttpResponse.json(commentsOf(kit.journeys).filter((comment) => journeyOf.get(comment) === id));
  }),
  http.post('*/api/journeys/:id/comments', async ({ request, cookies, params }) => {
    const who = kit.signedIn(request, cookies);
    if (who instanceof Response) return who;
    const body = (await request.json().catch(() => null)) as { text?: unknown; nodeId?: unknown } | null;
    // Fastify checks the body against the route's schema before the handler runs.
    const text = typeof body?.text === 'string' ? body.text.trim() : null;
    if (text === null || text.length < 1 || text.length > MAX_TEXT_CHARS) return kit.refuse(400, 'invalid-request', 'invalidRequest', {}, { where: 'body.text' });
    const nodeId = body?.nodeId;
    if (nodeId !== undefined && (typeof nodeId !== 'string' || nodeId.length < 1 || nodeId.length > 64)) return kit.refuse(400, 'invalid-request', 'invalidRequest', {}, { where: 'body.nodeId' });
    const id = String(params.id);
    const current = kit.live(id);
    if (!current) return kit.refuse(404, 'not-found', 'notFound');
    if (nodeId !== undefined && !nodeIdsOf(current.document).includes(nodeId)) return kit.refuse(422, 'unknown-node', 'unknownNode', {}, { id: nodeId });
    const stored = seedComment(kit.journeys, id, { nodeId: nodeId ?? null, version: current.version, author: who.member.email, text, createdAt: new Date(kit.tick()).toISOString() });
    return HttpResponse.json(stored, { status: 201 });
  }),
];
