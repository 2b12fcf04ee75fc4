// Who is asking: a session cookie (with its CSRF value on every state-changing request) or an API token
// (`Authorization: Bearer …`, for the CLI and scripts: no cookie, so no CSRF). Runs before the body is
// read, so nobody unauthenticated makes the server parse a document; routes marked public skip it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { refusals } from './errors';
import type { ServerContext } from './context';
import { roleRank, type Role } from './schema';
import { sameSecret, sha256Hex } from './secrets';

export const SESSION_COOKIE = 'journey_lab_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface SignedIn {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** How the request proved it: its session (with the session's token hash and CSRF value) or an API token. */
  via: { kind: 'session'; tokenHash: string; csrfToken: string } | { kind: 'token'; tokenId: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    member: SignedIn | null;
  }
  interface FastifyContextConfig {
    /** Answered without signing in (health, the OpenAPI document, sign-in, first set-up). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

async function fromToken(context: ServerContext, token: string): Promise<SignedIn | null> {
  const row = await context.db
    .selectFrom('api_tokens')
    .innerJoin('members', 'members.id', 'api_tokens.member_id')
    .select(['api_tokens.id as tokenId', 'members.id', 'members.email', 'members.name', 'members.role'])
    .where('api_tokens.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row) return null;
  await context.db.updateTable('api_tokens').set({ last_used_at: context.now() }).where('id', '=', row.tokenId).execute();
  return { id: row.id, email: row.email, name: row.name, role: row.role, via: { kind: 'token', tokenId: row.tokenId } };
}

async function fromSession(context: ServerContext, cookie: string): Promise<SignedIn | null> {
  const tokenHash = sha256Hex(cookie);
  const row = await context.db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'members.id', 'members.email', 'members.name', 'members.role'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= context.now().getTime()) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, via: { kind: 'session', tokenHash, csrfToken: row.csrf_token } };
}

/** The onRequest hook: sets request.member, or answers 401 (not signed in) or 403 (CSRF value missing or wrong). */
export function authenticate(context: ServerContext) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.member = null;
    // Only the API's routes sign in: the app's files are public, and a path no route has is answered 404.
    if (request.routeOptions.config.public || !request.routeOptions.url?.startsWith('/api/')) return;
    const token = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    if (token !== null) request.member = await fromToken(context, token);
    else if (cookie) request.member = await fromSession(context, cookie);
    if (!request.member) throw refusals.notSignedIn();
    const via = request.member.via;
    if (via.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, via.csrfToken)) throw refusals.csrf();
    }
  };
}

/** The member asking (routes that are not public run after authenticate, so there is one). */
export function signedIn(request: FastifyRequest): SignedIn {
  if (!request.member) throw refusals.notSignedIn();
  return request.member;
}

/** The member, if their role includes `role`; 403 otherwise. */
export function requireRole(request: FastifyRequest, role: Role): SignedIn {
  const member = signedIn(request);
  if (roleRank(member.role) < roleRank(role)) throw refusals.forbidden(role);
  return member;
}
