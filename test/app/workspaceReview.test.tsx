// A journey's review in the editor of a team workspace (WorkspaceReview): the state as a badge, Submit
// for review for editors, Approve and Send back for approvers but never on their own submission, each
// naming the version it acts on; the server's refusals said in the page's language. Against the msw
// handlers of test/support/workspaceServer.ts (held to the server's OpenAPI document).
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createWorkspaceClient, readMember } from '../../src/app/workspace/client';
import type { WorkspaceServices } from '../../src/app/workspace/types';
import { WorkspaceReview } from '../../src/app/workspace/WorkspaceReview';
import { checkJourney } from '../../src/core/journey/validate';
import { validJourney } from '../fixtures/journeys';
import { createWorkspaceServer, PASSWORD, type WorkspaceServer } from '../support/workspaceServer';

const mockServer = setupServer();
beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mockServer.close());

const JOURNEY = 'team-journey';
let workspace: WorkspaceServer;

beforeEach(() => {
  workspace = createWorkspaceServer([
    { email: 'viewer@example.com', role: 'viewer' },
    { email: 'editor@example.com', role: 'editor' },
    { email: 'approver@example.com', role: 'approver' },
  ]);
  workspace.putRaw(JOURNEY, checkJourney({ ...validJourney(), id: JOURNEY, name: 'Team journey' }).document, 2);
  mockServer.use(...workspace.handlers);
});
afterEach(async () => {
  mockServer.resetHandlers();
  await setLanguage('en');
});

/** Signs in (the session cookie replaces any earlier one) and answers the services the editor would get. */
async function signedIn(email: string): Promise<WorkspaceServices> {
  const client = createWorkspaceClient({ base: '/api' });
  const answer = await client.call('POST', '/session', { body: { email, password: PASSWORD } });
  const body = answer.body as { member: unknown; csrfToken: string };
  const member = readMember(body.member);
  if (answer.status !== 200 || !member) throw new Error(`sign-in answered ${answer.status}`);
  client.setCsrfToken(body.csrfToken);
  return { member, client, signOut: async () => null };
}

async function showReview(email: string, { saved = true, journeyId = JOURNEY } = {}) {
  const view = render(<WorkspaceReview workspace={await signedIn(email)} journeyId={journeyId} saved={saved} />);
  return { view, user: userEvent.setup() };
}

describe('the review of a journey in a team workspace', () => {
  it('lets an editor submit the saved version, naming it in If-Match, and then shows it in review', async () => {
    const { user } = await showReview('editor@example.com');
    const review = await screen.findByRole('group', { name: 'Review' });
    expect(within(review).getByText('Draft')).toBeInTheDocument();
    expect(within(review).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();

    await user.click(within(review).getByRole('button', { name: 'Submit for review' }));
    expect(await within(review).findByText('In review')).toBeInTheDocument();
    expect(review).toHaveTextContent('submitted by editor@example.com');
    expect(within(review).queryByRole('button', { name: 'Submit for review' })).not.toBeInTheDocument();
    expect(workspace.requests.at(-1)).toEqual({ method: 'POST', path: `/api/journeys/${JOURNEY}/submit`, ifMatch: '"2"', csrf: 'jl_csrf_1' });
    expect(workspace.journeys.get(JOURNEY)).toMatchObject({ state: 'in_review', submittedBy: 'member-editor@example.com' });
  });

  it('lets an approver approve someone else’s submission once a report is attached, saying why not before', async () => {
    workspace.journeys.set(JOURNEY, { ...workspace.journeys.get(JOURNEY)!, state: 'in_review', submittedBy: 'member-editor@example.com' });
    const { user } = await showReview('approver@example.com');
    const review = await screen.findByRole('group', { name: 'Review' });
    expect(within(review).getByText('In review')).toBeInTheDocument();
    expect(within(review).getByRole('button', { name: 'Send back' })).toBeInTheDocument();

    await user.click(within(review).getByRole('button', { name: 'Approve' }));
    expect(await within(review).findByRole('alert')).toHaveTextContent('Attach a simulation of this version (a saved scenario) before approving it.');
    expect(workspace.journeys.get(JOURNEY)?.state).toBe('in_review');

    workspace.journeys.get(JOURNEY)!.scenarioId = 'forecast-v2';
    await user.click(within(review).getByRole('button', { name: 'Approve' }));
    expect(await within(review).findByText('Approved')).toBeInTheDocument();
    expect(review).toHaveTextContent('approved by approver@example.com');
    expect(within(review).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(review).queryByRole('button')).not.toBeInTheDocument();
  });

  it('sends a submission back to draft', async () => {
    workspace.journeys.set(JOURNEY, { ...workspace.journeys.get(JOURNEY)!, state: 'in_review', submittedBy: 'member-editor@example.com' });
    const { user } = await showReview('approver@example.com');
    await user.click(await screen.findByRole('button', { name: 'Send back' }));
    expect(await screen.findByText('Draft')).toBeInTheDocument();
    expect(workspace.journeys.get(JOURNEY)).toMatchObject({ state: 'draft', submittedBy: null });
  });

  it('offers an approver neither Approve nor Send back on their own submission, and says why', async () => {
    const { user } = await showReview('approver@example.com');
    await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
    const review = await screen.findByRole('group', { name: 'Review' });
    expect(await within(review).findByText('In review')).toBeInTheDocument();
    expect(review).toHaveTextContent('You submitted this version: another approver approves it or sends it back.');
    expect(within(review).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows a viewer the state with no action', async () => {
    await showReview('viewer@example.com');
    const review = await screen.findByRole('group', { name: 'Review' });
    expect(within(review).getByText('Draft')).toBeInTheDocument();
    expect(within(review).queryByRole('button')).not.toBeInTheDocument();
  });

  it('acts only on a saved version: with changes unsaved the button waits, and says so', async () => {
    const services = await signedIn('editor@example.com');
    const { rerender } = render(<WorkspaceReview workspace={services} journeyId={JOURNEY} saved />);
    const submit = await screen.findByRole('button', { name: 'Submit for review' });
    expect(submit).toBeEnabled();
    rerender(<WorkspaceReview workspace={services} journeyId={JOURNEY} saved={false} />);
    expect(submit).toBeDisabled();
    expect(screen.getByRole('group', { name: 'Review' })).toHaveTextContent('Review acts on the saved version: wait until all changes are saved.');
  });

  it('shows nothing for a journey not on the server yet', async () => {
    const { view } = await showReview('editor@example.com', { journeyId: 'not-saved-yet' });
    await waitFor(() => expect(workspace.requests.some((request) => request.path === '/api/journeys/not-saved-yet/review')).toBe(true));
    expect(view.container).toBeEmptyDOMElement();
  });

  it('does it in Chinese: the state, the buttons, and the server’s refusal when someone saved meanwhile', async () => {
    await setLanguage('zh-CN');
    const { user } = await showReview('editor@example.com');
    const review = await screen.findByRole('group', { name: '审核' });
    expect(within(review).getByText('草稿')).toBeInTheDocument();
    // Someone saves a new version after this page read the review.
    workspace.journeys.get(JOURNEY)!.version = 3;
    await user.click(within(review).getByRole('button', { name: '提交审核' }));
    expect(await within(review).findByRole('alert')).toHaveTextContent('在您打开此版本之后，已有人保存了另一个版本');
    expect(workspace.journeys.get(JOURNEY)?.state).toBe('draft');
    // Read again, the review names the new version: a second try goes through.
    await user.click(within(review).getByRole('button', { name: '提交审核' }));
    expect(await within(review).findByText('审核中')).toBeInTheDocument();
    expect(workspace.requests.at(-1)).toMatchObject({ path: `/api/journeys/${JOURNEY}/submit`, ifMatch: '"3"' });
  });
});
