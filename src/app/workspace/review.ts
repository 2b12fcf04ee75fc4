// A journey's review on the team server (docs/server.md, "Approval"): read its state, submit the
// current version for review with a scenario of that very version, approve it, send it back (with a
// reason), archive it. Each change names the version it acts on (If-Match), so nobody approves a version
// they have not seen; the server's refusals come back in its own words, in both languages.
import { isPlainObject, readJourneyDocument } from '../../core/journey';
import type { Message } from '../../core/i18n';
import { createHttpDocuments, type HttpDocuments } from '../persist/httpDocuments';
import { RepositoryError } from '../persist/repository';
import { isScenarioRecord, newestScenarioFirst, type ScenarioRecord } from '../persist/scenarioRepository';
import { answerOrUnreachable, errorMessage, etagOfVersion, WorkspaceUnreachable, type ApiAnswer, type WorkspaceClient, type WorkspaceRole, workspaceRoles } from './client';
import { unreachable, workspaceMessages } from './messages';
import { canonicalJson } from '../../core/format';

export const reviewStates = ['draft', 'in_review', 'approved', 'archived'] as const;
export type ReviewState = (typeof reviewStates)[number];

export interface JourneyReview {
  state: ReviewState;
  /** The current version: the one in review or approved, in those states. */
  version: number;
  /** E-mail address of who submitted the version in review (null for a draft). */
  submittedBy: string | null;
  /** The scenario attached for review (its journey must be this very version for approval). */
  scenarioId: string | null;
  approvedBy: string | null;
}

export type ReviewAction = 'submit' | 'approve' | 'send-back' | 'archive';

/** What a change carries: the scenario attached (submit, approve), the reason sent back (kept as a comment). */
export interface ReviewChange {
  scenarioId?: string;
  reason?: string;
}

/** What reading or changing the review came to: the review, none (the journey is not on the server), or what went wrong. */
export type ReviewResult = { ok: true; review: JourneyReview } | { ok: true; review: null } | { ok: false; message: Message };

const isReviewState = (value: unknown): value is ReviewState => typeof value === 'string' && (reviewStates as readonly string[]).includes(value);
const emailOrNull = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The review as the API describes one; null when the answer is not one. */
export function readReview(value: unknown): JourneyReview | null {
  if (!isPlainObject(value) || !isReviewState(value.state) || typeof value.version !== 'number') return null;
  return { state: value.state, version: value.version, submittedBy: emailOrNull(value.submittedBy), scenarioId: emailOrNull(value.scenarioId), approvedBy: emailOrNull(value.approvedBy) };
}

const reviewPath = (journeyId: string, action: 'review' | ReviewAction) => `/journeys/${encodeURIComponent(journeyId)}/${action}`;

async function asked(request: () => Promise<ApiAnswer>): Promise<ReviewResult> {
  const answer = await answerOrUnreachable(request());
  if ('unreachable' in answer) return { ok: false, message: answer.unreachable };
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
export const changeReview = (client: WorkspaceClient, journeyId: string, action: ReviewAction, review: JourneyReview, change: ReviewChange = {}): Promise<ReviewResult> =>
  asked(() => client.call('POST', reviewPath(journeyId, action), { body: change, ifMatch: etagOfVersion(review.version) }));

const rank = (role: WorkspaceRole) => workspaceRoles.indexOf(role);

/** Which actions this member may take on this review (the server checks again). */
export function reviewActions(review: JourneyReview, member: { email: string; role: WorkspaceRole }): { submit: boolean; decide: boolean; ownSubmission: boolean; archive: boolean } {
  const inReview = review.state === 'in_review';
  const ownSubmission = inReview && review.submittedBy !== null && review.submittedBy.toLowerCase() === member.email.toLowerCase();
  const approver = rank(member.role) >= rank('approver');
  return {
    submit: review.state === 'draft' && rank(member.role) >= rank('editor'),
    decide: inReview && !ownSubmission && approver,
    ownSubmission: ownSubmission && approver,
    archive: review.state === 'approved' && approver,
  };
}

// ---------------------------------------------------------------------------------------------------
// Scenarios of the saved version


/** The journey as the server compares it: read by the core (migrated, defaults filled in), canonical; null when it does not read. */
function comparableJourney(journey: unknown): string | null {
  const read = readJourneyDocument(journey);
  return read.document ? canonicalJson(read.document) : null;
}

/** Whether two journeys are the same version as the server decides it for approval (equal hashes of what the core reads). */
export function sameJourneyVersion(a: unknown, b: unknown): boolean {
  const first = comparableJourney(a);
  return first !== null && first === comparableJourney(b);
}

export type ScenariosResult = { ok: true; scenarios: ScenarioRecord[] } | { ok: false; message: Message };

/** The workspace's scenarios, read through one cache per client: a second look reads only what changed. */
const scenarioStores = new WeakMap<WorkspaceClient, HttpDocuments>();

/** The workspace's scenarios of this journey whose journey is exactly the version on the server now, newest first. */
export async function scenariosOfSavedVersion(client: WorkspaceClient, journeyId: string): Promise<ScenariosResult> {
  let documents = scenarioStores.get(client);
  if (!documents) scenarioStores.set(client, (documents = createHttpDocuments(client, 'scenarios')));
  try {
    const saved = await client.call('GET', `/journeys/${encodeURIComponent(journeyId)}`);
    if (saved.status !== 200) return { ok: false, message: errorMessage(saved) };
    const savedJourney = comparableJourney(saved.body);
    if (savedJourney === null) return { ok: true, scenarios: [] };
    const scenarios = (await documents.list())
      .map((stored) => stored.document)
      .filter(isScenarioRecord)
      .filter((scenario) => scenario.journeyId === journeyId && comparableJourney(scenario.journey) === savedJourney);
    return { ok: true, scenarios: scenarios.sort(newestScenarioFirst) };
  } catch (error) {
    if (error instanceof WorkspaceUnreachable) return { ok: false, message: unreachable(error.detail) };
    if (error instanceof RepositoryError) return { ok: false, message: error.localizedMessage };
    throw error;
  }
}
