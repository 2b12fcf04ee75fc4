// The team server's API as the app calls it: same origin, the session cookie sent by the browser, the
// CSRF value signing in answered kept in memory only (never in storage a script could read later) and
// sent in X-CSRF-Token with every change. A 401 on anything but signing in means the session is over:
// the listeners of onSignedOut hear it, so the app can show the sign-in screen again.
import { isPlainObject } from '../../core/journey';
import type { Message } from '../../core/i18n';
import { serverAnswered, serverWords, unreachable } from './messages';

export const workspaceRoles = ['viewer', 'editor', 'approver', 'admin'] as const;
export type WorkspaceRole = (typeof workspaceRoles)[number];

export interface WorkspaceMember {
  id: string;
  email: string;
  name: string;
  role: WorkspaceRole;
}

export interface ApiAnswer {
  status: number;
  /** The ETag header, when the answer has one. */
  etag: string | null;
  /** The JSON body; null when there is none or it is not JSON. */
  body: unknown;
}

/** The request never got an answer: offline, the server stopped, a proxy in the way. */
export class WorkspaceUnreachable extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'WorkspaceUnreachable';
  }
}

export interface CallOptions {
  body?: unknown;
  /** The version this change is based on, sent as If-Match. */
  ifMatch?: string;
  /** Let the request outlive the page (fetch's keepalive): a page that is going away says so. */
  keepalive?: boolean;
}

export interface WorkspaceClient {
  /** The API's path on this origin, e.g. "/api". */
  readonly base: string;
  /** Rejects only with WorkspaceUnreachable; every HTTP answer, errors too, resolves. */
  call(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, options?: CallOptions): Promise<ApiAnswer>;
  setCsrfToken(token: string | null): void;
  /** Hears a 401 on any call but signing in; returns the unsubscribe function. */
  onSignedOut(listener: () => void): () => void;
}

export interface WorkspaceClientOptions {
  base: string;
  /** The browser's fetch; tests may pass their own. */
  fetch?: typeof fetch;
  /** What relative addresses resolve against: the page's address. */
  pageUrl?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function createWorkspaceClient(options: WorkspaceClientOptions): WorkspaceClient {
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const pageUrl = options.pageUrl ?? globalThis.location?.href ?? 'http://localhost/';
  let csrfToken: string | null = null;
  const signedOutListeners = new Set<() => void>();

  return {
    base: options.base,
    async call(method, path, { body, ifMatch, keepalive } = {}) {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (ifMatch) headers['If-Match'] = ifMatch;
      if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
      const url = new URL(`${options.base}${path}`, pageUrl).toString();
      let response: Response;
      try {
        response = await send(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body), ...(keepalive ? { keepalive } : {}) });
      } catch (error) {
        throw new WorkspaceUnreachable(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
      let parsed: unknown = null;
      if (response.status !== 204) {
        const text = await response.text().catch(() => '');
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = null;
        }
      }
      if (response.status === 401 && !(method === 'POST' && path === '/session')) [...signedOutListeners].forEach((listener) => listener());
      return { status: response.status, etag: response.headers.get('ETag'), body: parsed };
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
    onSignedOut(listener) {
      signedOutListeners.add(listener);
      return () => signedOutListeners.delete(listener);
    },
  };
}

/**
 * A call's answer, or — when it got none (WorkspaceUnreachable) — what to tell the user, in both
 * languages; anything else thrown is a fault of ours and is passed on.
 */
export async function answerOrUnreachable(request: Promise<ApiAnswer>): Promise<ApiAnswer | { unreachable: Message }> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof WorkspaceUnreachable) return { unreachable: unreachable(error.detail) };
    throw error;
  }
}

/** The version an ETag names ("3", W/"3"); null for anything else. */
export function versionOfEtag(etag: string | null): number | null {
  const match = /^(?:W\/)?"(\d{1,10})"$/.exec(etag?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

export const etagOfVersion = (version: number): string => `"${version}"`;

/** An error answer's code (stale, exists, not-found, …), '' when it has none. */
export function errorCode(answer: ApiAnswer): string {
  const error = isPlainObject(answer.body) && isPlainObject(answer.body.error) ? answer.body.error : null;
  return typeof error?.code === 'string' ? error.code : '';
}

/** What to tell the user about an error answer: the server's own words, or its status. */
export function errorMessage(answer: ApiAnswer): Message {
  const error = isPlainObject(answer.body) && isPlainObject(answer.body.error) ? answer.body.error : null;
  return serverWords(error?.message) ?? serverAnswered(answer.status);
}

export const isWorkspaceRole = (value: unknown): value is WorkspaceRole => typeof value === 'string' && (workspaceRoles as readonly string[]).includes(value);

/** A member as the API describes one ({ id, email, name, role }); null when the answer is not one. */
export function readMember(value: unknown): WorkspaceMember | null {
  if (!isPlainObject(value)) return null;
  const { id, email, name, role } = value;
  return typeof id === 'string' && typeof email === 'string' && typeof name === 'string' && isWorkspaceRole(role) ? { id, email, name, role } : null;
}
