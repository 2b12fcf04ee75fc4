// The team server as msw handlers, for the app's tests (jsdom): members, sessions with the CSRF value,
// and journeys kept in memory, answered as src/server does (ETag "<version>", If-Match with 412 and
// 428, 409 for an id taken, 404 for one deleted, 401/403 by role and CSRF, errors as
// { error: { code, message: { en, zh-CN } } } in the server's own words from the catalogs).
// test/app/httpRepository.test.ts holds every route and method these answer to
// test/fixtures/openapi.json, the server's own OpenAPI document (test/server/openapi.test.ts keeps
// that file current), so these cannot drift to routes the server does not have.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import IntlMessageFormat from 'intl-messageformat';
import { readJourneyDocument } from '../../src/core/journey';
import { createWorkspaceClient, readMember } from '../../src/app/workspace/client';
import type { WorkspaceServices } from '../../src/app/workspace/types';
import { scenarioJourneyHash } from '../../src/server/documents';
import { documentHash } from '../../src/server/hash';
import en from '../../src/locales/en.json';
import { commentHandlers } from './workspaceMock/comments';
import { documentHandlers } from './workspaceMock/documents';
import { memberHandlers } from './workspaceMock/members';
import { presenceHandlers } from './workspaceMock/presence';
import { versionHandlers } from './workspaceMock/versions';
import zhCN from '../../src/locales/zh-CN.json';

export type Role = 'viewer' | 'editor' | 'approver' | 'admin';
const ranks: Role[] = ['viewer', 'editor', 'approver', 'admin'];

export interface MockMember {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface MockDocument {
  version: number;
  /** null once deleted (its id may be posted again; the versions go on). */
  document: unknown;
  updatedAt: number;
  updatedBy: string | null;
  state: 'draft' | 'in_review' | 'approved' | 'archived';
  /** Member ids of who submitted and who approved the current version (none for a draft). */
  submittedBy?: string | null;
  approvedBy?: string | null;
  /**
   * The scenario attached for review. The real server approves only with a scenario whose journey is
   * exactly this version; these handlers take any attached id as such (they keep no scenarios).
   */
  scenarioId?: string | null;
  /** Every version written, oldest first, as GET /api/journeys/:id/versions lists them (documents kept for versions/:n). */
  history?: MockVersion[];
}

export interface MockVersion {
  version: number;
  action: 'create' | 'update' | 'delete' | 'restore';
  createdAt: string;
  createdBy: string | null;
  /** null for a deletion. */
  document: unknown;
}

export const SESSION_COOKIE = 'journey_lab_session';
export const PASSWORD = 'correct horse battery';

/** The server's words for an error code (catalog cli.serve.errors.*), in both languages. */
function serverText(key: string, values: Record<string, string | number> = {}): Record<string, string> {
  const pattern = (catalog: unknown, lang: string) => {
    const text = (catalog as { cli: { serve: { errors: Record<string, string> } } }).cli.serve.errors[key];
    if (typeof text !== 'string') throw new Error(`no cli.serve.errors.${key} in the ${lang} catalog`);
    return String(new IntlMessageFormat(text, lang).format(values));
  };
  return { en: pattern(en, 'en'), 'zh-CN': pattern(zhCN, 'zh-CN') };
}

const refuse = (status: number, code: string, key: string, extra: Record<string, unknown> = {}, values?: Record<string, string | number>) =>
  HttpResponse.json({ error: { code, message: serverText(key, values), ...extra } }, { status });

export interface WorkspaceServer {
  handlers: HttpHandler[];
  members: Map<string, MockMember>;
  journeys: Map<string, MockDocument>;
  /** Puts a document in as a server of another version might have stored it (no checks). */
  putRaw(id: string, document: unknown, version?: number): void;
  /** Every request the handlers answered, in order: method, path, and the headers that matter. */
  /** `keepalive` only on a request made to outlive its page. */
  requests: { method: string; path: string; ifMatch: string | null; csrf: string | null; keepalive?: true }[];
}

/**
 * What the handler modules of test/support/workspaceMock/ share with the journey routes here: who is
 * signed in, roles, refusals in the server's words, the stored journeys and the clock. Each module
 * answers one area of the API (documents, versions, comments, presence, members) as src/server does.
 */
export interface MockKit {
  journeys: Map<string, MockDocument>;
  members: Map<string, MockMember>;
  signedIn(request: Request, cookies: Record<string, string>): { member: MockMember; csrfToken: string } | Response;
  may(who: { member: MockMember }, role: Role): boolean;
  forbidden(role: Role): Response;
  refuse(status: number, code: string, key: string, extra?: Record<string, unknown>, values?: Record<string, string | number>): Response;
  /** A journey that exists and is not deleted. */
  live(id: string): MockDocument | undefined;
  etag(version: number): string;
  /** Signed in, the journey exists, the role, If-Match: the gate of every change to a stored journey. */
  changeGate(request: Request, cookies: Record<string, string>, id: string, role: Role): Response | { who: { member: MockMember }; current: MockDocument };
  /** Stores a journey's next version (null: deleted), recording it in its history. */
  writeJourney(id: string, document: unknown, who: { member: MockMember } | null, action: MockVersion['action']): MockDocument;
  /** The next instant of the mock's clock (a second per write). */
  tick(): number;
  /** Cohorts, scenarios and lessons by kind and id (workspaceMock/documents.ts keeps them; approval reads the scenarios). */
  documents: Map<string, Map<string, { document: Record<string, unknown> | null }>>;
  emailOf(memberId: string | null | undefined): string | null;
}

export function createWorkspaceServer(members: Omit<MockMember, 'id' | 'password' | 'name'>[] = [{ email: 'editor@example.com', role: 'editor' }]): WorkspaceServer {
  const byEmail = new Map<string, MockMember>(members.map((member) => [member.email, { id: `member-${member.email}`, name: member.email.split('@')[0]!, password: PASSWORD, ...member }]));
  const sessions = new Map<string, { member: MockMember; csrfToken: string }>();
  const journeys = new Map<string, MockDocument>();
  const requests: WorkspaceServer['requests'] = [];
  // A clock that moves a second per write, so "newest first" is never a tie.
  let clock = Date.parse('2026-03-01T09:00:00Z');
  const tick = () => (clock += 1000);
  let sessionCounter = 0;

  type Who = { member: MockMember; csrfToken: string } | Response;
  /** Who is signed in; a refusal when nobody, or when a change lacks the CSRF value. */
  function signedIn(request: Request, cookies: Record<string, string>): Who {
    requests.push({ method: request.method, path: new URL(request.url).pathname, ifMatch: request.headers.get('if-match'), csrf: request.headers.get('x-csrf-token'), ...(request.keepalive ? { keepalive: true as const } : {}) });
    const session = sessions.get(cookies[SESSION_COOKIE] ?? '');
    if (!session) return refuse(401, 'not-signed-in', 'notSignedIn');
    if (request.method !== 'GET' && request.headers.get('x-csrf-token') !== session.csrfToken) return refuse(403, 'csrf', 'csrf');
    return session;
  }
  const may = (who: { member: MockMember }, role: Role) => ranks.indexOf(who.member.role) >= ranks.indexOf(role);
  const forbidden = (role: Role) => refuse(403, 'forbidden', 'forbidden', {}, { role });
  const live = (id: string) => {
    const found = journeys.get(id);
    return found && found.document !== null ? found : undefined;
  };
  const etag = (version: number) => `"${version}"`;
  /** The server keeps a journey as the core reads it; a refusal when it does not read. */
  const accept = (body: unknown) => {
    const read = readJourneyDocument(body);
    return read.document ? read.document : refuse(422, 'invalid-document', 'invalidDocument', { problems: read.problems.map((problem) => ({ code: problem.code })) }, { count: read.problems.length });
  };
  const ifMatchOf = (request: Request, current: MockDocument) => {
    const ifMatch = request.headers.get('if-match');
    if (!ifMatch) return refuse(428, 'if-match-required', 'ifMatchRequired');
    if (ifMatch !== etag(current.version) && ifMatch !== '*') return refuse(412, 'stale', 'stale', { etag: etag(current.version) });
    return null;
  };
  const memberOf = ({ id, email, name, role }: MockMember) => ({ id, email, name, role });
  const emailOf = (memberId: string | null | undefined) => [...byEmail.values()].find((member) => member.id === memberId)?.email ?? null;
  const reviewOf = (stored: MockDocument) => ({
    state: stored.state,
    version: stored.version,
    submittedBy: emailOf(stored.submittedBy),
    scenarioId: stored.scenarioId ?? null,
    approvedBy: emailOf(stored.approvedBy),
  });
  /** What every change to a stored journey checks first, as the server does: signed in, it exists, the role, If-Match. */
  function changeGate(request: Request, cookies: Record<string, string>, id: string, role: Role): Response | { who: { member: MockMember }; current: MockDocument } {
    const who = signedIn(request, cookies);
    if (who instanceof Response) return who;
    const current = live(id);
    if (!current) return refuse(404, 'not-found', 'notFound');
    if (!may(who, role)) return forbidden(role);
    return ifMatchOf(request, current) ?? { who, current };
  }
  /** A review change as src/server/routes/review.ts checks it: journey, role, If-Match, then the state it needs. */
  async function reviewChange(
    request: Request,
    cookies: Record<string, string>,
    id: string,
    role: Role,
    from: MockDocument['state'],
    change: (who: { member: MockMember }, current: MockDocument, body: Record<string, unknown>) => Response | Partial<MockDocument>,
  ) {
    const gate = changeGate(request, cookies, id, role);
    if (gate instanceof Response) return gate;
    const { who, current } = gate;
    if (current.state !== from) return refuse(409, 'wrong-state', 'wrongState', {}, { state: current.state });
    const body = ((await request.json().catch(() => null)) ?? {}) as Record<string, unknown>;
    const changed = change(who, current, body);
    if (changed instanceof Response) return changed;
    const next = { ...current, ...changed };
    journeys.set(id, next);
    return HttpResponse.json(reviewOf(next));
  }
  const decide = (who: { member: MockMember }, current: MockDocument) => (current.submittedBy === who.member.id ? refuse(403, 'own-submission', 'ownSubmission') : null);

  function writeJourney(id: string, document: unknown, who: { member: MockMember } | null, action: MockVersion['action']): MockDocument {
    const before = journeys.get(id);
    const version = (before?.version ?? 0) + 1;
    const updatedAt = tick();
    const kept = document === null ? null : structuredClone(document);
    const history = [...(before?.history ?? []), { version, action, createdAt: new Date(updatedAt).toISOString(), createdBy: who?.member.email ?? null, document: kept }];
    const updatedBy = who?.member.id ?? null;
    // A deletion keeps the review state it had; any other write is a new draft, as on the server.
    const next: MockDocument = kept === null && before ? { ...before, version, document: null, updatedAt, updatedBy, history } : { version, document: kept, updatedAt, updatedBy, state: 'draft', history };
    journeys.set(id, next);
    return next;
  }
  const documents: MockKit['documents'] = new Map();
  const kit: MockKit = { journeys, members: byEmail, signedIn, may, forbidden, refuse, live, etag, changeGate, writeJourney, tick, emailOf, documents };

  const handlers = [
    http.post('*/api/session', async ({ request }) => {
      const body = (await request.json().catch(() => null)) as { email?: unknown; password?: unknown } | null;
      const member = typeof body?.email === 'string' ? byEmail.get(body.email.trim().toLowerCase()) : undefined;
      if (!member || body?.password !== member.password) return refuse(401, 'bad-credentials', 'badCredentials');
      const token = `jl_session_${++sessionCounter}_${Math.random().toString(36).slice(2)}`;
      const csrfToken = `jl_csrf_${sessionCounter}`;
      sessions.set(token, { member, csrfToken });
      return HttpResponse.json({ member: memberOf(member), csrfToken }, { headers: { 'Set-Cookie': `${SESSION_COOKIE}=${token}; Path=/api; HttpOnly; SameSite=Strict` } });
    }),
    http.get('*/api/session', ({ request, cookies }) => {
      const who = signedIn(request, cookies);
      return who instanceof Response ? who : HttpResponse.json({ member: memberOf(who.member), csrfToken: who.csrfToken });
    }),
    http.delete('*/api/session', ({ request, cookies }) => {
      const who = signedIn(request, cookies);
      if (who instanceof Response) return who;
      sessions.delete(cookies[SESSION_COOKIE] ?? '');
      return new HttpResponse(null, { status: 204, headers: { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/api; Expires=Thu, 01 Jan 1970 00:00:00 GMT` } });
    }),
    http.get('*/api/journeys', ({ request, cookies }) => {
      const who = signedIn(request, cookies);
      if (who instanceof Response) return who;
      const rows = [...journeys.entries()]
        .filter(([, stored]) => stored.document !== null)
        .sort(([aId, a], [bId, b]) => b.updatedAt - a.updatedAt || aId.localeCompare(bId))
        .map(([id, stored]) => {
          const document = stored.document as { name?: unknown };
          return { id, name: typeof document?.name === 'string' ? document.name : id, version: stored.version, state: stored.state, updatedAt: new Date(stored.updatedAt).toISOString(), updatedBy: stored.updatedBy };
        });
      return HttpResponse.json(rows);
    }),
    http.post('*/api/journeys', async ({ request, cookies }) => {
      const who = signedIn(request, cookies);
      if (who instanceof Response) return who;
      if (!may(who, 'editor')) return forbidden('editor');
      const document = accept(await request.json().catch(() => null));
      if (document instanceof Response) return document;
      const before = journeys.get(document.id);
      if (before && before.document !== null) return refuse(409, 'exists', 'exists', {}, { id: document.id });
      const { version } = writeJourney(document.id, document, who, 'create');
      return HttpResponse.json(document as unknown as Record<string, unknown>, { status: 201, headers: { ETag: etag(version), Location: `/api/journeys/${encodeURIComponent(document.id)}` } });
    }),
    http.get('*/api/journeys/:id', ({ request, cookies, params }) => {
      const who = signedIn(request, cookies);
      if (who instanceof Response) return who;
      const current = live(String(params.id));
      if (!current) return refuse(404, 'not-found', 'notFound');
      return HttpResponse.json(current.document as Record<string, unknown>, { headers: { ETag: etag(current.version) } });
    }),
    http.put('*/api/journeys/:id', async ({ request, cookies, params }) => {
      const id = String(params.id);
      const gate = changeGate(request, cookies, id, 'editor');
      if (gate instanceof Response) return gate;
      const { who } = gate;
      const document = accept(await request.json().catch(() => null));
      if (document instanceof Response) return document;
      if (document.id !== id) return refuse(422, 'id-mismatch', 'idMismatch', {}, { id });
      const { version } = writeJourney(id, document, who, 'update');
      return HttpResponse.json(document as unknown as Record<string, unknown>, { headers: { ETag: etag(version) } });
    }),
    http.delete('*/api/journeys/:id', ({ request, cookies, params }) => {
      const id = String(params.id);
      const gate = changeGate(request, cookies, id, 'editor');
      if (gate instanceof Response) return gate;
      const { who, current } = gate;
      if (current.state === 'in_review' || current.state === 'approved') return refuse(409, 'not-a-draft', 'notADraft');
      writeJourney(id, null, who, 'delete');
      return new HttpResponse(null, { status: 204 });
    }),
    http.get('*/api/journeys/:id/review', ({ request, cookies, params }) => {
      const who = signedIn(request, cookies);
      if (who instanceof Response) return who;
      const current = live(String(params.id));
      return current ? HttpResponse.json(reviewOf(current)) : refuse(404, 'not-found', 'notFound');
    }),
    http.post('*/api/journeys/:id/submit', ({ request, cookies, params }) =>
      reviewChange(request, cookies, String(params.id), 'editor', 'draft', (who, _current, body) => ({
        state: 'in_review',
        submittedBy: who.member.id,
        approvedBy: null,
        scenarioId: typeof body.scenarioId === 'string' ? body.scenarioId : null,
      })),
    ),
    http.post('*/api/journeys/:id/approve', ({ request, cookies, params }) =>
      reviewChange(request, cookies, String(params.id), 'approver', 'in_review', (who, current, body) => {
        const scenarioId = typeof body.scenarioId === 'string' ? body.scenarioId : current.scenarioId;
        const refused = decide(who, current);
        if (refused) return refused;
        if (!scenarioId) return refuse(422, 'no-report', 'noReport');
        // As the server: the scenario must exist and have run exactly this version.
        const scenario = documents.get('scenarios')?.get(scenarioId)?.document;
        if (!scenario) return refuse(422, 'scenario-missing', 'scenarioMissing', {}, { id: scenarioId });
        if (scenarioJourneyHash(scenario) !== documentHash(current.document)) return refuse(422, 'report-of-another-version', 'reportOfAnotherVersion', {}, { id: scenarioId, version: current.version });
        return { state: 'approved', approvedBy: who.member.id, scenarioId };
      }),
    ),
    http.post('*/api/journeys/:id/send-back', ({ request, cookies, params }) =>
      reviewChange(request, cookies, String(params.id), 'approver', 'in_review', (who, current) => decide(who, current) ?? { state: 'draft', submittedBy: null, approvedBy: null }),
    ),
    // One module per area of the API, each answering as src/server does (test/support/workspaceMock/).
    ...documentHandlers(kit),
    ...versionHandlers(kit),
    ...commentHandlers(kit),
    ...presenceHandlers(kit),
    ...memberHandlers(kit),
  ];

  return {
    handlers,
    members: byEmail,
    journeys,
    requests,
    putRaw(id, document, version = 1) {
      const updatedAt = tick();
      journeys.set(id, { version, document, updatedAt, updatedBy: null, state: 'draft', history: [{ version, action: 'create', createdAt: new Date(updatedAt).toISOString(), createdBy: null, document }] });
    },
  };
}

/** An msw server for a test file: listening for the file's tests (an unhandled request fails them), handlers reset after each. */
export function mockApiForThisFile(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/**
 * Signs in to the mock server as `email` (the session cookie replaces any earlier one) and answers the
 * services a workspace page's screens get: the member and a client sending that session's CSRF value.
 */
export async function signedInServices(email: string): Promise<WorkspaceServices> {
  const client = createWorkspaceClient({ base: '/api' });
  const answer = await client.call('POST', '/session', { body: { email, password: PASSWORD } });
  const body = answer.body as { member: unknown; csrfToken: string };
  const member = readMember(body.member);
  if (answer.status !== 200 || !member) throw new Error(`sign-in answered ${answer.status}`);
  client.setCsrfToken(body.csrfToken);
  return { member, client, signOut: async () => null };
}
