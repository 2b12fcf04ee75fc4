// A journey's review on the team server (docs/server.md, "Approval"): read its state, submit the
// current version for review, approve it or send it back. Each change names the version it acts on
// (If-Match), so nobody approves a version they have not seen; the server's refusals come back in its
// own words, in both languages.
import { isPlainObject } from '../../core/journey';
import type { Message } from '../../core/i18n';
import { errorMessage, etagOfVersion, WorkspaceUnreachable, type ApiAnswer, type WorkspaceClient, type WorkspaceRole, workspaceRoles } from './client';
import { unreachable, workspaceMessages } from './messages';

export const reviewStates = ['draft', 'in_review', 'approved', 'archived'] as const;
export type ReviewState = (typeof reviewStates)[number];

export interface JourneyReview {
  state: ReviewState;
  /** The current version: the one in review or approved, in those states. */
  version: number;
  /** E-mail address of who submitted the version in review (null for a draft). */
  submittedBy: string | null;
  approvedBy: string | null;
}

export type ReviewAction = 'submit' | 'approve' | 'send-back';

/** What reading or changing the review came to: the review, none (the journey is not on the server), or what went wrong. */
export type ReviewResult = { ok: true; review: JourneyReview } | { ok: true; review: null } | { ok: false; message: Message };

const isReviewState = (value: unknown): value is ReviewState => typeof value === 'string' && (reviewStates as readonly string[]).includes(value);
const emailOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The review as the API describes one; null when the answer is not one. */
export function readReview(value: unknown): JourneyReview | null {
  if (!isPlainObject(value) || !isReviewState(value.state) || typeof value.version !== 'number') return null;
  return { state: value.state, version: value.version, submittedBy: emailOrNull(value.submittedBy), approvedBy: emailOrNull(value.approvedBy) };
}

const reviewPath = (journeyId: string, action: 'review' | ReviewAction) => `/journeys/${encodeURIComponent(journeyId)}/${action}`;

async function asked(request: () => Promise<ApiAnswer>): Promise<ReviewResult> {
  let answer: ApiAnswer;
  try {
    answer = await request();
  } catch (error) {
    if (error instanceof WorkspaceUnreachable) return { ok: false, message: unreachable(error.detail) };
    throw error;
  }
  if (answer.status !== 200) return { ok: false, message: errorMessage(answer) };
  const review = readReview(answer.body);
  return review ? { ok: true, review } : { ok: false, message: workspaceMessages.badAnswer };
}

/** The journey's review; `review: null` when the server has no such journey (not saved there yet). */
export async function fetchReview(client: WorkspaceClient, journeyId: string): Promise<ReviewResult> {
  let missing = false;
  const result = await asked(async () => {
    const answer = await client.call('GET', reviewPath(journeyId, 'review'));
    missing = answer.status === 404;
    return answer;
  });
  return missing ? { ok: true, review: null } : result;
}

/** Moves the review on from `review.version`: a 412 means someone saved or moved it meanwhile. */
export const changeReview = (client: WorkspaceClient, journeyId: string, action: ReviewAction, review: JourneyReview): Promise<ReviewResult> =>
  asked(() => client.call('POST', reviewPath(journeyId, action), { body: {}, ifMatch: etagOfVersion(review.version) }));

const rank = (role: WorkspaceRole) => workspaceRoles.indexOf(role);

/** Which actions this member may take on this review (the server checks again). */
export function reviewActions(review: JourneyReview, member: { email: string; role: WorkspaceRole }): { submit: boolean; decide: boolean; ownSubmission: boolean } {
  const inReview = review.state === 'in_review';
  const ownSubmission = inReview && review.submittedBy !== null && review.submittedBy.toLowerCase() === member.email.toLowerCase();
  return {
    submit: review.state === 'draft' && rank(member.role) >= rank('editor'),
    decide: inReview && !ownSubmission && rank(member.role) >= rank('approver'),
    ownSubmission: ownSubmission && rank(member.role) >= rank('approver'),
  };
}
