// Signing in and out of the team workspace, over the client: who is signed in (GET /api/session, which
// also answers the CSRF value after a reload), sign in (POST), sign out (DELETE). The CSRF value goes
// into the client's memory only.
import type { Message } from '../../core/i18n';
import { errorMessage, readMember, WorkspaceUnreachable, type WorkspaceClient, type WorkspaceMember } from './client';
import { unreachable, workspaceMessages } from './messages';

export type SessionResult = { ok: true; member: WorkspaceMember } | { ok: false; signedOut: boolean; message: Message };

async function asked(client: WorkspaceClient, request: () => Promise<{ status: number; body: unknown }>): Promise<SessionResult> {
  try {
    const answer = await request();
    if (answer.status !== 200) return { ok: false, signedOut: answer.status === 401, message: errorMessage({ ...answer, etag: null }) };
    const body = answer.body as { member?: unknown; csrfToken?: unknown } | null;
    const member = readMember(body?.member);
    if (!member) return { ok: false, signedOut: false, message: workspaceMessages.badAnswer };
    client.setCsrfToken(typeof body?.csrfToken === 'string' ? body.csrfToken : null);
    return { ok: true, member };
  } catch (error) {
    if (error instanceof WorkspaceUnreachable) return { ok: false, signedOut: false, message: unreachable(error.detail) };
    throw error;
  }
}

/** Who is signed in with this browser's session cookie; signedOut when nobody. */
export const currentSession = (client: WorkspaceClient): Promise<SessionResult> => asked(client, () => client.call('GET', '/session'));

export const signIn = (client: WorkspaceClient, email: string, password: string): Promise<SessionResult> =>
  asked(client, () => client.call('POST', '/session', { body: { email, password } }));

/** Ends the session on the server; null when done, else what went wrong. */
export async function signOut(client: WorkspaceClient): Promise<Message | null> {
  try {
    const answer = await client.call('DELETE', '/session');
    // 401: the session had ended already, which is what was asked.
    if (answer.status !== 204 && answer.status !== 200 && answer.status !== 401) return errorMessage(answer);
    client.setCsrfToken(null);
    return null;
  } catch (error) {
    if (error instanceof WorkspaceUnreachable) return unreachable(error.detail);
    throw error;
  }
}
