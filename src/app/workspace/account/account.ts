// The signed-in member's own password on the team server (docs/server.md, "Signing in"): PUT
// /account/password with the current and the new one. The server's refusals (wrong current password,
// too short, too many attempts) come back in its own words, in both languages, with the field they are about.
import type { Message } from '../../../core/i18n';
import { answerOrUnreachable, errorCode, errorMessage, type WorkspaceClient } from '../client';

export type PasswordField = 'current' | 'new';

export type PasswordChange = { ok: true } | { ok: false; message: Message; field: PasswordField | null };

/** Which field a refusal is about, by its code. */
const fieldOf: Record<string, PasswordField> = { 'wrong-password': 'current', 'password-too-short': 'new' };

export async function changeOwnPassword(client: WorkspaceClient, currentPassword: string, newPassword: string): Promise<PasswordChange> {
  const answer = await answerOrUnreachable(client.call('PUT', '/account/password', { body: { currentPassword, newPassword } }));
  if ('unreachable' in answer) return { ok: false, message: answer.unreachable, field: null };
  if (answer.status === 204) return { ok: true };
  return { ok: false, message: errorMessage(answer), field: fieldOf[errorCode(answer)] ?? null };
}
