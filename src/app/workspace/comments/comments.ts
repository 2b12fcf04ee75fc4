// A journey's comments on the team server (GET/POST /api/journeys/:id/comments): on the journey as a
// whole, or pinned to one of its steps. Any signed-in member may comment, viewers too; the server
// refuses a step its current version does not have, in its own words, in both languages.
import { isPlainObject } from '../../../core/journey';
import { message, type Message } from '../../../core/i18n';
import { MAX_TEXT_CHARS } from '../../../core/journey';
import { answerOrUnreachable, errorMessage, type WorkspaceClient } from '../client';
import { workspaceMessages } from '../messages';

export { MAX_TEXT_CHARS as MAX_COMMENT_CHARS };

export interface JourneyComment {
  id: number;
  /** The step it is pinned to; null for a comment on the journey as a whole. */
  nodeId: string | null;
  /** The journey's version when it was written. */
  version: number;
  /** The author's e-mail address. */
  author: string;
  text: string;
  /** ISO 8601. */
  createdAt: string;
}

/** A comment as the API describes one; null when the value is not one. */
export function readComment(value: unknown): JourneyComment | null {
  if (!isPlainObject(value)) return null;
  const { id, nodeId, version, author, text, createdAt } = value;
  if (typeof id !== 'number' || typeof version !== 'number' || typeof author !== 'string' || typeof text !== 'string' || typeof createdAt !== 'string') return null;
  if (nodeId !== null && typeof nodeId !== 'string') return null;
  return { id, nodeId, version, author, text, createdAt };
}

/** The comments (oldest first); `missing` when the server has no such journey yet (its first save is under way). */
export type CommentsResult = { ok: true; comments: JourneyComment[] } | { ok: true; missing: true } | { ok: false; message: Message };
export type PostResult = { ok: true; comment: JourneyComment } | { ok: false; message: Message };

const commentsPath = (journeyId: string) => `/journeys/${encodeURIComponent(journeyId)}/comments`;


export async function fetchComments(client: WorkspaceClient, journeyId: string): Promise<CommentsResult> {
  const answer = await answerOrUnreachable(client.call('GET', commentsPath(journeyId)));
  if ('unreachable' in answer) return { ok: false, message: answer.unreachable };
  if (answer.status === 404) return { ok: true, missing: true };
  if (answer.status !== 200) return { ok: false, message: errorMessage(answer) };
  if (!Array.isArray(answer.body)) return { ok: false, message: workspaceMessages.badAnswer };
  const comments = answer.body.map(readComment);
  return comments.every((comment): comment is JourneyComment => comment !== null) ? { ok: true, comments } : { ok: false, message: workspaceMessages.badAnswer };
}

/** What is wrong with a comment's text before it is sent (the server says the same, less kindly); null when nothing. */
export function commentTextProblem(text: string): Message | null {
  const trimmed = text.trim();
  if (!trimmed) return message('app.workspace.comments.empty');
  if (trimmed.length > MAX_TEXT_CHARS) return message('app.workspace.comments.tooLong', { count: trimmed.length, limit: MAX_TEXT_CHARS });
  return null;
}

export async function postComment(client: WorkspaceClient, journeyId: string, comment: { text: string; nodeId: string | null }): Promise<PostResult> {
  const problem = commentTextProblem(comment.text);
  if (problem) return { ok: false, message: problem };
  const body = { text: comment.text.trim(), ...(comment.nodeId === null ? {} : { nodeId: comment.nodeId }) };
  const answer = await answerOrUnreachable(client.call('POST', commentsPath(journeyId), { body }));
  if ('unreachable' in answer) return { ok: false, message: answer.unreachable };
  if (answer.status !== 201) return { ok: false, message: errorMessage(answer) };
  const stored = readComment(answer.body);
  return stored ? { ok: true, comment: stored } : { ok: false, message: workspaceMessages.badAnswer };
}
