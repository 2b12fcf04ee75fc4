// Every route as every role and as nobody, against the table in docs/server.md (read from the doc, so
// the doc and the server cannot drift): ✓ and "own" are answered with success, ✗ with 403 for a role
// and 401 for nobody. Each call gets fresh fixtures, so an allowed call must really succeed.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { addMember, as, cohort, journey, lesson, onEveryDatabase, PASSWORD, scenario, signIn, team, type Harness, type Signed } from './support';
import { resourceKinds, roles, type Role } from '../../src/server/schema';

type Who = Role | 'nobody';
const columns: Who[] = ['nobody', ...roles];

interface Row {
  method: string;
  route: string;
  allowed: Record<Who, boolean>;
}

function table(): Row[] {
  const doc = readFileSync(new URL('../../docs/server.md', import.meta.url), 'utf8');
  const rows: Row[] = [];
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (!/^(GET|POST|PUT|PATCH|DELETE)$/.test(cells[1] ?? '')) continue;
    const [, method, route, ...marks] = cells;
    const allowed = Object.fromEntries(columns.map((who, index) => [who, marks[index] === '✓' || marks[index] === 'own'])) as Record<Who, boolean>;
    for (const kind of route!.includes(':kind') ? resourceKinds : [null]) rows.push({ method: method!, route: kind ? route!.replace(':kind', kind) : route!, allowed });
  }
  return rows;
}

interface Call {
  url: string;
  payload?: unknown;
  etag?: string;
  /** The success an allowed call gets (POST /api/setup: 409, the workspace has members). */
  success?: number;
  /** Whose session the call uses when it must be a fresh one (signing out). */
  fresh?: boolean;
}

let counter = 0;
const fresh = (prefix: string) => `${prefix}-${++counter}`;

const documentOf = (kind: string, id: string) =>
  kind === 'journeys' ? journey(id) : kind === 'cohorts' ? cohort(id) : kind === 'lessons' ? lesson(id) : scenario(id, journey(`${id}-journey`));

/** Fresh fixtures for one call of a route, made as the administrator; the submitter of reviews is editor2. */
async function prepare(h: Harness, members: Record<string, Signed>, row: Row, who: Signed | null): Promise<Call> {
  const admin = members.admin!;
  const post = async (url: string, payload: unknown, by: Signed = admin, etag?: string) => {
    const answer = await h.app.inject({ method: 'POST', url, headers: as(by, etag), payload: payload as Record<string, unknown> });
    if (answer.statusCode >= 300) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
    return answer;
  };
  const create = async (kind: string) => {
    const id = fresh(kind.slice(0, -1));
    const answer = await post(`/api/${kind}`, documentOf(kind, id));
    return { id, etag: String(answer.headers.etag) };
  };
  const inReview = async () => {
    const { id, etag } = await create('journeys');
    const scenarioId = fresh('scenario');
    await post('/api/scenarios', scenario(scenarioId, journey(id)));
    await post(`/api/journeys/${id}/submit`, { scenarioId }, members.editor2, etag);
    return { id, etag };
  };
  const { method, route } = row;
  const [, , kind] = route.split('/');
  if (route === '/api/health' || route === '/api/openapi.json' || route === '/api/members' || route === '/api/tokens' || route === '/api/audit') {
    if (method === 'GET') return { url: route };
    if (route === '/api/members') return { url: route, payload: { email: `${fresh('new')}@example.com`, role: 'viewer', password: PASSWORD }, success: 201 };
    return { url: route, payload: { name: 'CLI' }, success: 201 };
  }
  if (route === '/api/session') {
    if (method === 'POST') {
      const email = `${fresh('login')}@example.com`;
      await addMember(h.db, email, 'viewer');
      return { url: route, payload: { email, password: PASSWORD } };
    }
    return { url: route, fresh: method === 'DELETE', success: method === 'DELETE' ? 204 : 200 };
  }
  // The member's own password, changed to itself: their session (the one every row uses) is kept.
  if (route === '/api/account/password') return { url: route, payload: { currentPassword: PASSWORD, newPassword: PASSWORD }, success: 204 };
  if (route === '/api/setup') return { url: route, payload: { token: 'jl_setup_x', email: 'first@example.com', password: PASSWORD }, success: 409 };
  if (route === '/api/members/:id') {
    const id = await addMember(h.db, `${fresh('target')}@example.com`, 'viewer');
    return method === 'PATCH' ? { url: `/api/members/${id}`, payload: { role: 'editor' } } : { url: `/api/members/${id}`, success: 204 };
  }
  if (route === '/api/tokens/:id') {
    const answer = await post('/api/tokens', { name: 'mine' }, who ?? admin);
    return { url: `/api/tokens/${(answer.json() as { id: string }).id}`, success: 204 };
  }
  if (route.startsWith('/api/journeys/:id/') && !route.includes('versions')) {
    const action = route.split('/').pop();
    if (action === 'approve' || action === 'send-back') {
      const { id, etag } = await inReview();
      return { url: `/api/journeys/${id}/${action}`, etag, payload: {} };
    }
    if (action === 'archive') {
      const { id, etag } = await inReview();
      await post(`/api/journeys/${id}/approve`, {}, members.approver2, etag);
      return { url: `/api/journeys/${id}/archive`, etag, payload: {} };
    }
    const { id, etag } = await create('journeys');
    if (action === 'submit') return { url: `/api/journeys/${id}/submit`, etag, payload: {} };
    if (action === 'presence' && method === 'DELETE') return { url: `/api/journeys/${id}/presence`, success: 204 };
    if (action === 'comments' && method === 'POST') return { url: `/api/journeys/${id}/comments`, payload: { text: 'Looks good' }, success: 201 };
    return { url: `/api/journeys/${id}/${action}` };
  }
  // The resources: /api/<kind>[/:id[/versions[/:n[/restore]]]]
  if (route === `/api/${kind}`) {
    if (method === 'GET') return { url: route };
    return { url: route, payload: documentOf(kind!, fresh(kind!.slice(0, -1))), success: 201 };
  }
  const { id, etag } = await create(kind!);
  const url = route.replace(':id', id).replace(':n', '1');
  if (method === 'PUT') return { url, etag, payload: documentOf(kind!, id) };
  if (method === 'DELETE') return { url, etag, success: 204 };
  if (route.endsWith('/restore')) return { url, etag, payload: {} };
  return { url };
}

onEveryDatabase(
  'route × role',
  (harness) => {
    it('every route the server has is in the table, and the table has no route the server lacks', async () => {
      const spec = (await harness().app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
      const served = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
      served.push('GET /api/openapi.json');
      expect(new Set(table().map((row) => `${row.method} ${row.route}`))).toEqual(new Set(served));
    });

    it('answers every route as the table says, for every role and for nobody', async () => {
      const h = harness();
      const members = (await team(h)) as unknown as Record<string, Signed>;
      const mismatches: string[] = [];
      for (const row of table())
        for (const who of columns) {
          const member = who === 'nobody' ? null : members[who]!;
          const call = await prepare(h, members, row, member);
          const session = call.fresh && member ? { ...member, ...(await signIn(h.app, member.email)) } : member;
          const answer = await h.app.inject({ method: row.method as 'GET', url: call.url, headers: as(session, call.etag), ...(call.payload !== undefined ? { payload: call.payload as Record<string, unknown> } : {}) });
          const expected = row.allowed[who] ? (call.success ?? 200) : who === 'nobody' ? 401 : 403;
          if (answer.statusCode !== expected) mismatches.push(`${row.method} ${row.route} as ${who}: ${answer.statusCode}, expected ${expected} (${answer.body.slice(0, 200)})`);
        }
      expect(mismatches).toEqual([]);
    }, 120_000);
  },
  { loginAttempts: 10_000 },
);
