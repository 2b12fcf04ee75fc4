// What the workspace layer tells the user, in both languages (catalog keys app.workspace.*): these
// travel inside repository results and are shown by whichever panel receives them.
import { localized, message, verbatim, type Message } from '../../core/i18n';

export const workspaceMessages = {
  removeConflict: message('app.workspace.errors.removeConflict'),
  badAnswer: message('app.workspace.errors.badAnswer'),
};

/**
 * A conflict on the server is with another member, not another tab: what the storage contract's
 * conflicts (persistMessages.conflict, conflictDeleted, conflictUnreadable) say on a workspace.
 */
export const workspaceConflictMessages = {
  conflict: message('app.workspace.conflict.changed'),
  conflictDeleted: message('app.workspace.conflict.deleted'),
  conflictUnreadable: message('app.workspace.conflict.unreadable'),
};

/** The server could not be reached at all (offline, server stopped); `detail` is the browser's text. */
export const unreachable = (detail: string): Message => message('app.workspace.errors.unreachable', { detail });

/** An answer the server gave without its own words (a proxy's page, say). */
export const serverAnswered = (status: number): Message => message('app.workspace.errors.serverAnswered', { status });

/** The server's own words, `{ en, "zh-CN" }` as every API error carries them, as a message. */
export function serverWords(texts: unknown): Message | null {
  if (typeof texts !== 'object' || texts === null) return null;
  const { en, 'zh-CN': zh } = texts as Record<string, unknown>;
  if (typeof en !== 'string' || !en) return null;
  return verbatim(localized(en, typeof zh === 'string' && zh ? zh : en));
}
