// The editor on a team workspace's page, as a member uses it: under the toolbar a workspace row with
// the journey's review state, History and Comments; a comment pinned to a step shows on the canvas
// beside the simulation's badges, and "show the step" selects it; a version chosen in the history marks
// the steps changed since on the same canvas. Off a workspace page there is no such row.
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { App } from '../../src/app/App';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { useHistoryHighlight } from '../../src/app/workspace/history/highlight';
import { checkJourney } from '../../src/core/journey/validate';
import { validJourney } from '../fixtures/journeys';
import { measureOnObserve } from '../support/measureOnObserve';
import { seedComment } from '../support/workspaceMock/comments';
import { createWorkspaceServer, PASSWORD, type WorkspaceServer } from '../support/workspaceServer';

const mockServer = setupServer();
beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mockServer.close());

let workspace: WorkspaceServer;
let marker: HTMLMetaElement | null = null;
let restoreMeasure: () => void = () => {};

const first = checkJourney({ ...validJourney(), id: 'team-journey', name: 'Team journey' }).document!;
const second = checkJourney({ ...validJourney(), id: 'team-journey', name: 'Team journey', nodes: validJourney().nodes.map((node) => (node.id === 'remind' ? { ...node, label: 'Gentle nudge' } : node)) }).document!;

beforeEach(async () => {
  workspace = createWorkspaceServer([{ email: 'editor@example.com', role: 'editor' }]);
  mockServer.use(...workspace.handlers);
  workspace.putRaw('team-journey', first, 1);
  workspace.journeys.set('team-journey', { ...workspace.journeys.get('team-journey')!, version: 2, document: second, history: [...workspace.journeys.get('team-journey')!.history!, { version: 2, action: 'update', createdAt: '2026-03-02T09:00:00.000Z', createdBy: 'editor@example.com', document: second }] });
  seedComment(workspace.journeys, 'team-journey', { nodeId: 'remind', version: 2, author: 'editor@example.com', text: 'Is push allowed at night?', createdAt: '2026-03-02T10:00:00.000Z' });
  // Signed in before the page opens: the app goes straight in.
  await fetch(new URL('/api/session', location.href), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'editor@example.com', password: PASSWORD }) });
  restoreMeasure = measureOnObserve();
});
afterEach(async () => {
  cleanup();
  mockServer.resetHandlers();
  marker?.remove();
  marker = null;
  restoreMeasure();
  useHistoryHighlight.getState().clear();
  // Each test starts on the journeys list, not in the editor the last one left open.
  window.history.replaceState(null, '', '/');
  await setLanguage('en');
});

function markAsWorkspacePage() {
  marker = document.createElement('meta');
  marker.name = 'journey-lab-workspace';
  marker.content = '/api';
  document.head.append(marker);
}

/** The workspace's screens load on demand: on a busy machine the first one takes more than the usual wait. */
const LAZY = { timeout: 20_000 };

const nodeFrame = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"] .journey-node`);

async function openTeamJourney() {
  markAsWorkspacePage();
  const user = userEvent.setup();
  render(<App />);
  await user.click(await screen.findByRole('button', { name: /^Team journey/ }, LAZY));
  return user;
}

describe('the editor on a team workspace', { timeout: 60_000 }, () => {
  it('has a workspace row with the review state, History and Comments, and shows a pinned comment on its step', async () => {
    const user = await openTeamJourney();
    const row = await screen.findByRole('region', { name: 'Team workspace: review, history and comments' }, LAZY);
    expect(await within(row).findByText('Draft')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'History' })).toBeInTheDocument();
    const comments = await within(row).findByRole('button', { name: /Comments/ });

    // The comment pinned to "Gentle nudge" is on its step on the canvas.
    await waitFor(() => expect(within(nodeFrame('remind')!).getByRole('img', { name: '1 comment' })).toBeInTheDocument());
    expect(within(nodeFrame('start')!).queryByRole('img', { name: /comment/ })).not.toBeInTheDocument();

    // "Show the step" selects it in the editor: the inspector shows it.
    await user.click(comments);
    const panel = await screen.findByRole('dialog', { name: /Comments/ });
    expect(await within(panel).findByText('Is push allowed at night?')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: /Gentle nudge/ }));
    await waitFor(() => expect(nodeFrame('remind')).toHaveClass('journey-node--selected'));
  });

  it('marks on the canvas what changed since a version chosen in the history', async () => {
    const user = await openTeamJourney();
    const row = await screen.findByRole('region', { name: 'Team workspace: review, history and comments' }, LAZY);
    await user.click(within(row).getByRole('button', { name: 'History' }));
    const dialog = await screen.findByRole('dialog', { name: 'Version history' });
    await user.click(await within(dialog).findByRole('button', { name: 'Version 1' }));
    await waitFor(() => expect(nodeFrame('remind')).toHaveClass('history-mark--changed'));
    expect(nodeFrame('start')).not.toHaveClass('history-mark');
  });

  it('is in Chinese on a Chinese page', async () => {
    await setLanguage('zh-CN');
    markAsWorkspacePage();
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByRole('button', { name: /^Team journey/ }, LAZY));
    const row = await screen.findByRole('region', { name: '团队工作区：审批、版本历史与评论' }, LAZY);
    expect(await within(row).findByText('草稿')).toBeInTheDocument();
  });
});

describe('the editor of a local-only page', () => {
  it('has no workspace row', async () => {
    const user = userEvent.setup();
    await act(async () => {
      render(<App />);
    });
    expect(await screen.findByRole('list', { name: 'Journeys' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /New journey/ }));
    expect(await screen.findByRole('toolbar', { name: 'Journey tools' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Team workspace/ })).not.toBeInTheDocument();
  });
});
