// A journey's review in the editor of a team workspace (WorkspaceReview): the state as a badge, Submit
// for review for editors, Approve and Send back for approvers but never on their own submission, each
// naming the version it acts on; the server's refusals said in the page's language. Against the msw
// handlers of test/support/workspaceServer.ts (held to the server's OpenAPI document).
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { setLanguage } from '../../src/app/i18n/index.ts';
import type { WorkspaceServices } from '../../src/app/workspace/types';
import { WorkspaceReview } from '../../src/app/workspace/WorkspaceReview';
import { checkJourney } from '../../src/core/journey/validate';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { validJourney } from '../fixtures/journeys';
import { createWorkspaceServer, type WorkspaceServer, signedInServices } from '../support/workspaceServer';

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

/** Saves a scenario on the mock server through the API, as the Simulate panel's Save as scenario does on a workspace page. */
async function saveScenario(services: WorkspaceServices, id: string, name: string, journey: unknown, savedAt: number, journeyId = JOURNEY) {
  const scenario = {
    id,
    name,
    stale: false,
    journeyId,
    savedAt,
    journey,
    settings: { users: 2_000, seed: 1, replications: 1, presetId: 'ecommerce' },
    cohort: structuredClone(ecommercePreset.spec),
    report: { users: 2_000, seed: 1, nodes: [] },
  };
  const answer = await services.client.call('POST', '/scenarios', { body: scenario });
  if (answer.status !== 201) throw new Error(`saving scenario ${id} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

async function showReview(email: string, { saved = true, journeyId = JOURNEY } = {}) {
  const services = await signedInServices(email);
  const view = render(<WorkspaceReview workspace={services} journeyId={journeyId} saved={saved} />);
  return { view, user: userEvent.setup(), services };
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
    expect(workspace.journeys.get(JOURNEY)?.scenarioId).toBeNull();
    expect(workspace.journeys.get(JOURNEY)).toMatchObject({ state: 'in_review', submittedBy: 'member-editor@example.com' });
  });

  it('lets an approver approve someone else’s submission once a report is attached, saying why not before', async () => {
    workspace.journeys.set(JOURNEY, { ...workspace.journeys.get(JOURNEY)!, state: 'in_review', submittedBy: 'member-editor@example.com' });
    const { user, services } = await showReview('approver@example.com');
    const review = await screen.findByRole('group', { name: 'Review' });
    expect(within(review).getByText('In review')).toBeInTheDocument();
    expect(within(review).getByRole('button', { name: 'Send back' })).toBeInTheDocument();

    await user.click(within(review).getByRole('button', { name: 'Approve' }));
    expect(await within(review).findByRole('alert')).toHaveTextContent('Attach a simulation of this version (a saved scenario) before approving it.');
    expect(workspace.journeys.get(JOURNEY)?.state).toBe('in_review');

    // A scenario of another version is refused, in the server's words…
    const stored = workspace.journeys.get(JOURNEY)!.document as { name: string };
    await saveScenario(services, 'forecast-v1', 'Forecast of another version', { ...stored, name: 'Another name' }, 1);
    workspace.journeys.get(JOURNEY)!.scenarioId = 'forecast-v1';
    await user.click(within(review).getByRole('button', { name: 'Approve' }));
    expect(await within(review).findByRole('alert')).toHaveTextContent(/forecast-v1/);
    expect(workspace.journeys.get(JOURNEY)?.state).toBe('in_review');

    // …and one of exactly this version approves it.
    await saveScenario(services, 'forecast-v2', 'Forecast', stored, 2);
    workspace.journeys.get(JOURNEY)!.scenarioId = 'forecast-v2';
    await user.click(within(review).getByRole('button', { name: 'Approve' }));
    expect(await within(review).findByText('Approved')).toBeInTheDocument();
    expect(review).toHaveTextContent('approved by approver@example.com');
    expect(within(review).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(review).getAllByRole('button').map((button) => button.textContent)).toEqual(['Archive']);
  });

  it('attaches a scenario of exactly the saved version, newest first; the approver then approves from the page', async () => {
    const saved = workspace.journeys.get(JOURNEY)!.document as Record<string, unknown>;
    const editor = await signedInServices('editor@example.com');
    // The same version with its keys in another order is the same version; a node moved is another.
    const reordered = Object.fromEntries(Object.entries(saved).reverse());
    const moved = structuredClone(saved) as { nodes: { position?: { x: number; y: number } }[] };
    moved.nodes[0]!.position = { x: 999, y: 999 };
    await saveScenario(editor, 'older', 'Older run', saved, 1_000);
    await saveScenario(editor, 'newer', 'Newer run', reordered, 2_000);
    await saveScenario(editor, 'moved', 'Another version', moved, 3_000);
    await saveScenario(editor, 'other-journey', 'Another journey', { ...saved, id: 'someone-else' }, 4_000, 'someone-else');

    const first = render(<WorkspaceReview workspace={editor} journeyId={JOURNEY} saved />);
    const picker = await screen.findByRole('combobox', { name: 'Simulation to attach' });
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual([expect.stringMatching(/^Newer run \(/), expect.stringMatching(/^Older run \(/)]);
    expect(picker).toHaveValue('newer');
    const user = userEvent.setup();
    await user.selectOptions(picker, 'older');
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    expect(await screen.findByText('In review')).toBeInTheDocument();
    expect(workspace.journeys.get(JOURNEY)).toMatchObject({ state: 'in_review', scenarioId: 'older' });
    first.unmount();

    await showReview('approver@example.com');
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('Approved')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says how to make a scenario when none is of this version, in both languages', async () => {
    const view = await showReview('editor@example.com');
    expect(await screen.findByText('No saved simulation of this version yet: open Simulate, Run, then Save as scenario — approval needs one.')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    view.view.unmount();
    await setLanguage('zh-CN');
    await showReview('editor@example.com');
    expect(await screen.findByText('此版本还没有已保存的模拟：打开“模拟”，点“运行”，再点“保存为情景”——批准需要一个。')).toBeInTheDocument();
  });

  it('sends a submission back to draft, with a reason typed in a small dialog, or none', async () => {
    const bodies: unknown[] = [];
    // Sees what the page sends, then lets the mock server answer (a resolver that returns nothing passes the request on).
    mockServer.use(
      http.post('*/api/journeys/:id/send-back', async ({ request }) => {
        bodies.push(await request.clone().json());
      }),
    );
    const inReview = () => workspace.journeys.set(JOURNEY, { ...workspace.journeys.get(JOURNEY)!, state: 'in_review', submittedBy: 'member-editor@example.com' });
    inReview();
    const { user, view } = await showReview('approver@example.com');
    await user.click(await screen.findByRole('button', { name: 'Send back' }));
    const dialog = screen.getByRole('dialog', { name: 'Send back to the author' });
    const reason = within(dialog).getByRole('textbox', { name: 'Reason (optional, kept as a comment)' });
    expect(reason).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send back' })).toHaveFocus();

    await user.keyboard('{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Reason (optional, kept as a comment)' }), '  The coupon is too generous.  ');
    await user.click(screen.getByRole('button', { name: 'Send back now' }));
    expect(await screen.findByText('Draft')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(workspace.journeys.get(JOURNEY)).toMatchObject({ state: 'draft', submittedBy: null });

    view.unmount();
    inReview();
    const again = await showReview('approver@example.com');
    await again.user.click(await screen.findByRole('button', { name: 'Send back' }));
    await again.user.click(screen.getByRole('button', { name: 'Send back now' }));
    expect(await screen.findByText('Draft')).toBeInTheDocument();
    expect(bodies).toEqual([{ reason: 'The coupon is too generous.' }, {}]);
  });

  it('lets an approver archive an approved journey; an editor may not', async () => {
    workspace.journeys.set(JOURNEY, { ...workspace.journeys.get(JOURNEY)!, state: 'approved', submittedBy: 'member-editor@example.com', approvedBy: 'member-approver@example.com', scenarioId: 'forecast' });
    const editor = await showReview('editor@example.com');
    expect(await screen.findByText('Approved')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Archive' })).not.toBeInTheDocument();
    editor.view.unmount();

    const { user } = await showReview('approver@example.com');
    await user.click(await screen.findByRole('button', { name: 'Archive' }));
    expect(await screen.findByText('Archived')).toBeInTheDocument();
    expect(workspace.requests.at(-1)).toMatchObject({ method: 'POST', path: `/api/journeys/${JOURNEY}/archive`, ifMatch: '"2"' });
    expect(workspace.journeys.get(JOURNEY)?.state).toBe('archived');
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
    const services = await signedInServices('editor@example.com');
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
