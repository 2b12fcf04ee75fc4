// The mock team server's journey versions (/api/journeys/:id/versions, versions/:n, restore), answered as src/server does (see ../workspaceServer.ts):
// the list oldest first with each version's hash (none for a deletion), one version as it was saved (404 for a deletion or one that
// never was), and restore — signed in, the journey exists, editor or above, If-Match — writing the old version again as the newest.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { readJourneyDocument } from '../../../src/core/journey';
import { documentHash } from '../../../src/server/hash';
import type { MockDocument, MockKit, MockVersion } from '../workspaceServer';

/** The version numbered `n` ("3"); null for what the server's schema refuses (400) — not a whole number from 1. */
const versionNumber = (n: unknown): number | null => (typeof n === 'string' && /^[1-9]\d{0,9}$/.test(n) && Number(n) <= 2 ** 31 - 1 ? Number(n) : null);

const badVersion = (kit: MockKit) => kit.refuse(400, 'invalid-request', 'invalidRequest', {}, { where: 'params/n' });

/** A version of a journey as the server keeps it: written and not a deletion. */
const savedVersion = (stored: MockDocument, n: number): MockVersion | undefined => stored.history?.find((entry) => entry.version === n && entry.document !== null);

export const versionHandlers = (kit: MockKit): HttpHandler[] => [
  http.get('*/api/journeys/:id/versions', ({ request, cookies, params }) => {
    const who = kit.signedIn(request, cookies);
    if (who instanceof Response) return who;
    const stored = kit.live(String(params.id));
    if (!stored) return kit.refuse(404, 'not-found', 'notFound');
    return HttpResponse.json(
      (stored.history ?? []).map(({ version, action, createdAt, createdBy, document }) => ({ version, action, createdAt, createdBy, hash: document === null ? null : documentHash(document) })),
    );
  }),
  http.get('*/api/journeys/:id/versions/:n', ({ request, cookies, params }) => {
    const who = kit.signedIn(request, cookies);
    if (who instanceof Response) return who;
    const n = versionNumber(params.n);
    if (n === null) return badVersion(kit);
    const stored = kit.live(String(params.id));
    const version = stored && savedVersion(stored, n);
    return version ? HttpResponse.json(version.document as Record<string, unknown>) : kit.refuse(404, 'not-found', 'notFound');
  }),
  http.post('*/api/journeys/:id/versions/:n/restore', ({ request, cookies, params }) => {
    const n = versionNumber(params.n);
    if (n === null) return badVersion(kit);
    const id = String(params.id);
    const gate = kit.changeGate(request, cookies, id, 'editor');
    if (gate instanceof Response) return gate;
    const version = savedVersion(gate.current, n);
    if (!version) return kit.refuse(404, 'not-found', 'notFound');
    // Read again as the server does: a version saved in an older format is restored in today's.
    const read = readJourneyDocument(version.document);
    if (!read.document) return kit.refuse(422, 'invalid-document', 'invalidDocument', { problems: read.problems.map((problem) => ({ code: problem.code })) }, { count: read.problems.length });
    const written = kit.writeJourney(id, read.document, gate.who, 'restore');
    return HttpResponse.json(read.document as unknown as Record<string, unknown>, { headers: { ETag: kit.etag(written.version) } });
  }),
];
