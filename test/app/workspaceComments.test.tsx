// Comments on a journey in a team workspace's editor (WorkspaceComments): a Comments button with the
// count, a panel listing them oldest first (author, time and version in the page's language, and the
// step each is pinned to), a form to comment on the journey or the selected step — viewers too — and
// the server's refusals in its own words; read again on opening and every 30 s while open. The canvas
// overlay draws each step's count. Against the msw handlers of test/support/workspaceServer.ts.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { commentOverlay } from '../../src/app/workspace/comments/commentOverlay';
import { COMMENTS_REFRESH_MS, WorkspaceComments } from '../../src/app/workspace/comments/WorkspaceComments';
import { checkJourney } from '../../src/core/journey/validate';
import { validJourney } from '../fixtures/journeys';
import { commentsOf, seedComment } from '../support/workspaceMock/comments';
import { createWorkspaceServer, type WorkspaceServer, signedInServices } from '../support/workspaceServer';

const mockServer = setupServer();
beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mockServer.close());

const JOURNEY = 'team-journey';
/** The steps' names in the editor's journey: "added" is a step added since the last save (not on the server). */
const names: Record<string, string> = { start: 'Added to cart', remind: 'Push reminder', waitBuy: 'Wait for purchase', added: 'New SMS' };
const nodeName = (id: string) => names[id] ?? null;
let workspace: WorkspaceServer;

beforeEach(() => {
  workspace = createWorkspaceServer([
    { email: 'viewer@example.com', role: 'viewer' },
    { email: 'editor@example.com', role: 'editor' },
  ]);
  workspace.putRaw(JOURNEY, checkJourney({ ...validJourney(), id: JOURNEY, name: 'Team journey' }).document, 3);
  mockServer.use(...workspace.handlers);
});
afterEach(async () => {
  mockServer.resetHandlers();
  vi.useRealTimers();
  await setLanguage('en');
});

/** The overlay's badges, drawn as the canvas would draw them on each step's frame. */
function Badges() {
  const badges = commentOverlay.useNodeBadges!('en');
  return <>{[...(badges ?? [])].map(([nodeId, badge]): ReactNode => <div key={nodeId} data-testid={`step-${nodeId}`}>{badge}</div>)}</>;
}

async function showComments(email: string, { selectedNodeId = null as string | null, journeyId = JOURNEY } = {}) {
  const onShowNode = vi.fn();
  const services = await signedInServices(email);
  const view = render(
    <>
      <WorkspaceComments workspace={services} journeyId={journeyId} selectedNodeId={selectedNodeId} nodeName={nodeName} onShowNode={onShowNode} />
      <Badges />
    </>,
  );
  return { view, onShowNode, services, user: userEvent.setup() };
}

const seed = (comment: { nodeId: string | null; text: string; author?: string; version?: number; createdAt?: string }) =>
  seedComment(workspace.journeys, JOURNEY, { author: 'editor@example.com', version: 2, createdAt: '2026-03-01T11:00:00.000Z', ...comment });

const commentRequests = () => workspace.requests.filter((request) => request.path === `/api/journeys/${JOURNEY}/comments`);

describe('comments on a journey in a team workspace', () => {
  it('lists the comments oldest first with author, time, version and where, and counts them on the button and the steps', async () => {
    seed({ nodeId: null, text: 'Looks good overall.' });
    seed({ nodeId: 'remind', text: 'Push at night is too late.', author: 'viewer@example.com', version: 3, createdAt: '2026-03-01T11:30:00.000Z' });
    seed({ nodeId: 'gone', text: 'This step is redundant.' });
    seed({ nodeId: 'remind', text: 'Agreed.' });
    const { user, onShowNode } = await showComments('editor@example.com');

    const button = await screen.findByRole('button', { name: 'Comments (4)' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    // The overlay: a count on each step that has comments and is in the journey.
    expect(within(screen.getByTestId('step-remind')).getByRole('img', { name: '2 comments' })).toBeInTheDocument();
    expect(within(screen.getByTestId('step-gone')).getByRole('img', { name: '1 comment' })).toBeInTheDocument();
    expect(screen.queryByTestId('step-start')).not.toBeInTheDocument();

    await user.click(button);
    const panel = screen.getByRole('dialog', { name: 'Comments' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const items = within(within(panel).getByRole('list', { name: 'Comments, oldest first' })).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.workspace-comments__text')?.textContent)).toEqual(['Looks good overall.', 'Push at night is too late.', 'This step is redundant.', 'Agreed.']);
    expect(items[0]).toHaveTextContent('editor@example.com');
    expect(items[0]).toHaveTextContent('version 2');
    expect(items[0]).toHaveTextContent('on the journey');
    expect(items[0]!.querySelector('time')).toHaveAttribute('dateTime', '2026-03-01T11:00:00.000Z');
    expect(items[0]!.querySelector('time')?.textContent).toMatch(/Mar \d, 2026/);
    expect(items[1]).toHaveTextContent('viewer@example.com');
    expect(items[1]).toHaveTextContent('version 3');
    expect(items[2]).toHaveTextContent('on a step no longer in the journey');
    expect(within(items[2]!).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(items[1]!).getByRole('button', { name: 'on “Push reminder”' }));
    expect(onShowNode).toHaveBeenCalledWith('remind');
  });

  it('lets a viewer comment on the selected step, a labelled choice, and shows it at once', async () => {
    const { user } = await showComments('viewer@example.com', { selectedNodeId: 'waitBuy' });
    await user.click(await screen.findByRole('button', { name: 'Comments (0)' }));
    const panel = screen.getByRole('dialog', { name: 'Comments' });
    expect(within(panel).getByText('No comments yet.')).toBeInTheDocument();
    const target = within(panel).getByRole('group', { name: 'Comment on' });
    expect(within(target).getByRole('radio', { name: 'The step “Wait for purchase”' })).toBeChecked();
    expect(within(target).getByRole('radio', { name: 'The whole journey' })).not.toBeChecked();
    // The panel opens with the text field focused, ready to type.
    expect(within(panel).getByRole('textbox', { name: 'Comment' })).toHaveFocus();

    await user.type(within(panel).getByRole('textbox', { name: 'Comment' }), '  A day is too long to wait.  ');
    await user.click(within(panel).getByRole('button', { name: 'Post comment' }));

    const item = await within(panel).findByRole('listitem');
    expect(item).toHaveTextContent('A day is too long to wait.');
    expect(item).toHaveTextContent('viewer@example.com');
    expect(item).toHaveTextContent('version 3');
    expect(within(item).getByRole('button', { name: 'on “Wait for purchase”' })).toBeInTheDocument();
    expect(within(panel).getByRole('textbox', { name: 'Comment' })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Comments (1)' })).toBeInTheDocument();
    expect(within(screen.getByTestId('step-waitBuy')).getByRole('img', { name: '1 comment' })).toBeInTheDocument();
    expect(commentsOf(workspace.journeys)).toMatchObject([{ nodeId: 'waitBuy', text: 'A day is too long to wait.', author: 'viewer@example.com', version: 3 }]);
    expect(commentRequests().at(-1)).toMatchObject({ method: 'POST', csrf: 'jl_csrf_1' });
  });

  it('comments on the whole journey when that is chosen, or when no step is selected', async () => {
    const { user, view, services } = await showComments('editor@example.com', { selectedNodeId: 'start' });
    await user.click(await screen.findByRole('button', { name: 'Comments (0)' }));
    await user.click(screen.getByRole('radio', { name: 'The whole journey' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Ready for review.');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Ready for review.')).toBeInTheDocument();

    view.rerender(
      <WorkspaceComments workspace={services} journeyId={JOURNEY} selectedNodeId={null} nodeName={nodeName} onShowNode={() => {}} />,
    );
    expect(screen.queryByRole('group', { name: 'Comment on' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), 'Second thought.');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Second thought.')).toBeInTheDocument();
    expect(commentsOf(workspace.journeys).map((comment) => comment.nodeId)).toEqual([null, null]);
  });

  it('shows the server’s refusal of a step not in the saved journey, keeping the text', async () => {
    const { user } = await showComments('viewer@example.com', { selectedNodeId: 'added' });
    await user.click(await screen.findByRole('button', { name: 'Comments (0)' }));
    const text = screen.getByRole('textbox', { name: 'Comment' });
    await user.type(text, 'Is this SMS needed?');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The journey has no node “added” to comment on.');
    expect(text).toHaveValue('Is this SMS needed?');
    expect(text).toHaveAccessibleDescription('The journey has no node “added” to comment on.');
    expect(commentsOf(workspace.journeys)).toEqual([]);
    expect(screen.getByRole('button', { name: 'Comments (0)' })).toBeInTheDocument();
  });

  it('says an empty comment is empty without asking the server', async () => {
    const { user } = await showComments('editor@example.com');
    await user.click(await screen.findByRole('button', { name: 'Comments (0)' }));
    const asked = commentRequests().length;
    await user.type(screen.getByRole('textbox', { name: 'Comment' }), '   ');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Write the comment first: it is empty.');
    expect(commentRequests()).toHaveLength(asked);
  });

  it('reads the comments again on opening and every 30 s while open, and stops when closed or gone', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, view } = await showComments('editor@example.com');
    await screen.findByRole('button', { name: 'Comments (0)' });
    const reads = () => commentRequests().filter((request) => request.method === 'GET').length;
    expect(reads()).toBe(1);

    seed({ nodeId: null, text: 'Written by someone else meanwhile.' });
    await user.click(screen.getByRole('button', { name: 'Comments (0)' }));
    expect(await screen.findByText('Written by someone else meanwhile.')).toBeInTheDocument();
    expect(reads()).toBe(2);

    seed({ nodeId: 'start', text: 'And another.' });
    await act(() => vi.advanceTimersByTimeAsync(COMMENTS_REFRESH_MS));
    expect(await screen.findByText('And another.')).toBeInTheDocument();
    expect(reads()).toBe(3);
    expect(within(screen.getByTestId('step-start')).getByRole('img', { name: '1 comment' })).toBeInTheDocument();

    // Escape closes the panel and gives the focus back to the button; closed, nothing is read.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Comments (2)' })).toHaveFocus();
    await act(() => vi.advanceTimersByTimeAsync(COMMENTS_REFRESH_MS * 2));
    expect(reads()).toBe(3);

    await user.click(screen.getByRole('button', { name: 'Comments (2)' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(reads()).toBe(4);
    view.unmount();
    await act(() => vi.advanceTimersByTimeAsync(COMMENTS_REFRESH_MS * 2));
    expect(reads()).toBe(4);
    // Gone, its journey's counts are gone from the canvas too.
    render(<Badges />);
    expect(screen.queryByTestId('step-start')).not.toBeInTheDocument();
  });

  it('does it in Chinese: the button, the list, the time, the choice and the server’s refusal', async () => {
    await setLanguage('zh-CN');
    seed({ nodeId: 'start', text: '入口事件对吗？' });
    const { user } = await showComments('viewer@example.com', { selectedNodeId: 'added' });
    await user.click(await screen.findByRole('button', { name: '评论（1）' }));
    const panel = screen.getByRole('dialog', { name: '评论' });
    const item = within(panel).getByRole('listitem');
    expect(item).toHaveTextContent('第 2 版');
    expect(item.querySelector('time')?.textContent).toMatch(/2026年3月\d日/);
    expect(within(item).getByRole('button', { name: '针对「Added to cart」' })).toBeInTheDocument();
    expect(within(panel).getByRole('radio', { name: '步骤「New SMS」' })).toBeChecked();
    await user.type(within(panel).getByRole('textbox', { name: '评论内容' }), '需要这条短信吗？');
    await user.click(within(panel).getByRole('button', { name: '发表评论' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('旅程中没有可评论的节点 “added”。');
    expect(within(panel).getByRole('button', { name: '关闭评论' })).toBeInTheDocument();
  });

  it('shows a journey not on the server yet as having no comments, and reads them once it is', async () => {
    const { user } = await showComments('editor@example.com', { journeyId: 'not-saved-yet' });
    await user.click(await screen.findByRole('button', { name: 'Comments (0)' }));
    expect(screen.getByText('No comments yet.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Its first save lands, and someone comments: opening the panel again reads them.
    workspace.putRaw('not-saved-yet', checkJourney({ ...validJourney(), id: 'not-saved-yet' }).document);
    seedComment(workspace.journeys, 'not-saved-yet', { nodeId: null, text: 'First!', author: 'viewer@example.com', version: 1, createdAt: '2026-03-01T11:00:00.000Z' });
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Comments (0)' }));
    expect(await screen.findByText('First!')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Comments (1)' })).toBeInTheDocument();
  });
});
