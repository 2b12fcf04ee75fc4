// A journey's version history in the editor of a team workspace (WorkspaceHistory): the versions newest
// first with who and when; a chosen version's differences from the journey being edited in words and
// on the canvas (historyOverlay), cleared on closing; restore for editors only, once everything is
// saved, naming the newest version in If-Match (412: nothing restored, the list read again); and
// ConflictChanges, the server's version against ours in words. Against the msw handlers of
// test/support/workspaceServer.ts (held to the server's OpenAPI document), in both languages.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { JourneyCanvas } from '../../src/app/canvas/JourneyCanvas';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createEditorStore } from '../../src/app/store/editorStore';
import { EditorStoreContext } from '../../src/app/store/EditorStoreContext';
import { ConflictChanges } from '../../src/app/workspace/history/ConflictChanges';
import { settingName } from '../../src/app/workspace/history/DiffSummary';
import { useHistoryHighlight } from '../../src/app/workspace/history/highlight';
import { historyOverlay } from '../../src/app/workspace/history/historyOverlay';
import { WorkspaceHistory } from '../../src/app/workspace/history/WorkspaceHistory';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { checkJourney } from '../../src/core/journey/validate';
import { node, validJourney } from '../fixtures/journeys';
import { measureOnObserve } from '../support/measureOnObserve';
import { createWorkspaceServer, type WorkspaceServer, signedInServices } from '../support/workspaceServer';

const mockServer = setupServer();
beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mockServer.close());

const JOURNEY = 'team-journey';

function version(change: (input: ReturnType<typeof validJourney>) => void = () => {}): JourneyDocument {
  const input = { ...validJourney(), id: JOURNEY, name: 'Team journey' };
  change(input);
  return checkJourney(input).document as JourneyDocument;
}
/** Version 1: the fixture. Version 2: the reminder renamed. Version 3: an SMS step instead of "giveUp". */
const first = version();
const second = version((input) => {
  input.nodes.find((one) => one.id === 'remind')!.label = 'Push reminder';
});
const third = version((input) => {
  input.nodes.find((one) => one.id === 'remind')!.label = 'Push reminder';
  input.nodes = input.nodes.filter((one) => one.id !== 'giveUp');
  input.nodes.push(node('sms', 'message', { channel: 'sms' }));
  input.nodes.at(-1)!.label = 'SMS nudge';
  input.nodes.push(node('giveUp2', 'exit', { reason: 'no purchase' }));
  input.edges = input.edges.filter((one) => one.id !== 'remind-next');
  input.edges.push({ id: 'remind-next', source: 'remind', sourcePort: 'next', target: 'sms' }, { id: 'sms-next', source: 'sms', sourcePort: 'next', target: 'giveUp2' });
});

let workspace: WorkspaceServer;
let restoreMeasure: () => void;

/** Saves a new version as `email`, as another member's editor would (PUT with If-Match). */
async function saveAs(email: string, document: JourneyDocument) {
  const { client } = await signedInServices(email);
  const answer = await client.call('PUT', `/journeys/${JOURNEY}`, { body: document, ifMatch: `"${workspace.journeys.get(JOURNEY)!.version}"` });
  if (answer.status !== 200) throw new Error(`saving answered ${answer.status}`);
}

/** Another member's save, written on the server while this one has the history open. */
function savedMeanwhile(document: JourneyDocument) {
  const stored = workspace.journeys.get(JOURNEY)!;
  const next = stored.version + 1;
  const entry = { version: next, action: 'update' as const, createdAt: '2026-03-02T10:00:00Z', createdBy: 'other@example.com', document };
  workspace.journeys.set(JOURNEY, { ...stored, version: next, document, history: [...(stored.history ?? []), entry] });
}

beforeEach(async () => {
  workspace = createWorkspaceServer([
    { email: 'viewer@example.com', role: 'viewer' },
    { email: 'editor@example.com', role: 'editor' },
    { email: 'other@example.com', role: 'editor' },
  ]);
  mockServer.use(...workspace.handlers);
  workspace.putRaw(JOURNEY, first, 1);
  await saveAs('other@example.com', second);
  await saveAs('other@example.com', third);
  restoreMeasure = measureOnObserve();
});
afterEach(async () => {
  // Unmounted before the language goes back, which would otherwise draw them again outside act().
  cleanup();
  mockServer.resetHandlers();
  restoreMeasure();
  useHistoryHighlight.getState().clear();
  await setLanguage('en');
});

/** The history beside the canvas, as the editor shows them, over the journey as the editor has it (version 3). */
async function showHistory(email: string, { saved = true, onRestored = vi.fn(async () => {}) } = {}) {
  const services = await signedInServices(email);
  const editor = createEditorStore();
  editor.getState().open(third);
  const tree = (isSaved: boolean) => (
    <EditorStoreContext.Provider value={editor}>
      <WorkspaceHistory workspace={services} journeyId={JOURNEY} saved={isSaved} currentDocument={third} onRestored={onRestored} />
      <ReactFlowProvider>
        <div style={{ width: 1000, height: 800 }}>
          <JourneyCanvas overlay={historyOverlay} />
        </div>
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
  let view!: ReturnType<typeof render>;
  await act(async () => {
    view = render(tree(saved));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { user: userEvent.setup(), onRestored, rerender: (isSaved: boolean) => view.rerender(tree(isSaved)) };
}

const nodeFrame = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"] .journey-node`)!;

async function openHistory(user: ReturnType<typeof userEvent.setup>, buttonName = 'History', dialogName = 'Version history') {
  await user.click(screen.getByRole('button', { name: buttonName }));
  const dialog = screen.getByRole('dialog', { name: dialogName });
  await within(dialog).findByRole('list');
  return dialog;
}

describe('the version history of a journey in a team workspace', () => {
  it('lists the versions newest first, saying who wrote each and how', async () => {
    const { user } = await showHistory('editor@example.com');
    const dialog = await openHistory(user);
    const rows = within(within(dialog).getByRole('list', { name: 'Versions, newest first' })).getAllByRole('listitem');
    expect(rows.map((row) => within(row).getByRole('button').textContent)).toEqual(['Version 3', 'Version 2', 'Version 1']);
    expect(rows[0]).toHaveTextContent('Saved by other@example.com');
    expect(rows[0]).toHaveTextContent('current');
    expect(rows[2]).toHaveTextContent('Created by someone');
    expect(screen.getByRole('button', { name: 'Version 2' })).toHaveAccessibleDescription(/Saved by other@example\.com/);
  });

  it('says what the journey changes against a chosen version and marks it on the canvas until closed', async () => {
    const { user } = await showHistory('editor@example.com');
    const dialog = await openHistory(user);
    await user.click(within(dialog).getByRole('button', { name: 'Version 1' }));
    const changes = await within(dialog).findByRole('list', { name: 'What changed' });
    expect(within(changes).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '2 steps added: SMS nudge, giveUp2',
      '1 step removed: giveUp',
      '1 step changed: Push reminder (name)',
      '2 connections added',
      '1 connection removed',
    ]);
    expect(within(dialog).getByRole('button', { name: 'Version 1' })).toHaveAttribute('aria-pressed', 'true');

    // Added and changed steps are outlined differently, and labelled; the rest are not.
    await waitFor(() => expect(nodeFrame('sms')).toHaveClass('history-mark--added'));
    expect(nodeFrame('remind')).toHaveClass('history-mark--changed');
    expect(nodeFrame('start')).not.toHaveClass('history-mark');
    expect(within(nodeFrame('sms')).getByRole('img', { name: 'Added since version 1' })).toHaveTextContent('New');
    expect(within(nodeFrame('remind')).getByRole('img', { name: 'Changed since version 1' })).toHaveTextContent('Changed');

    // Against version 2 only the new steps differ.
    await user.click(within(dialog).getByRole('button', { name: 'Version 2' }));
    await waitFor(() => expect(nodeFrame('remind')).not.toHaveClass('history-mark'));
    expect(nodeFrame('sms')).toHaveClass('history-mark--added');

    await user.click(within(dialog).getByRole('button', { name: 'Close history' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(nodeFrame('sms')).not.toHaveClass('history-mark'));
    expect(document.querySelector('.history-badge')).toBeNull();
    expect(screen.getByRole('button', { name: 'History' })).toHaveFocus();
  });

  it('closes on Escape, clearing the highlight', async () => {
    const { user } = await showHistory('editor@example.com');
    const dialog = await openHistory(user);
    await user.click(within(dialog).getByRole('button', { name: 'Version 1' }));
    await waitFor(() => expect(nodeFrame('sms')).toHaveClass('history-mark--added'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(nodeFrame('sms')).not.toHaveClass('history-mark'));
  });

  it('restores a version as the newest, naming the current one in If-Match, then lets the editor load it', async () => {
    const { user, onRestored } = await showHistory('editor@example.com');
    const dialog = await openHistory(user);
    await user.click(within(dialog).getByRole('button', { name: 'Version 1' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Restore version 1' }));

    expect(await within(dialog).findByText('Version 1 was restored: it is now version 4.')).toBeInTheDocument();
    expect(onRestored).toHaveBeenCalledTimes(1);
    const restore = workspace.requests.find((request) => request.path.endsWith('/restore'));
    expect(restore).toEqual({ method: 'POST', path: `/api/journeys/${JOURNEY}/versions/1/restore`, ifMatch: '"3"', csrf: expect.any(String) });
    const stored = workspace.journeys.get(JOURNEY)!;
    expect(stored.version).toBe(4);
    expect(stored.document).toEqual(first);
    expect(stored.history?.at(-1)).toMatchObject({ version: 4, action: 'restore', createdBy: 'editor@example.com' });
    // The list is read again.
    const newest = await within(dialog).findByRole('button', { name: 'Version 4' });
    expect(newest).toHaveAccessibleDescription(/Restored by editor@example\.com/);
  });

  it('restores nothing when someone saved meanwhile, says so and reads the list again', async () => {
    const { user, onRestored } = await showHistory('editor@example.com');
    const dialog = await openHistory(user);
    await user.click(within(dialog).getByRole('button', { name: 'Version 1' }));
    const restore = await within(dialog).findByRole('button', { name: 'Restore version 1' });
    savedMeanwhile(second);
    await user.click(restore);

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Someone saved this journey meanwhile, so nothing was restored.');
    expect(onRestored).not.toHaveBeenCalled();
    expect(workspace.journeys.get(JOURNEY)?.history?.at(-1)).toMatchObject({ version: 4, action: 'update' });
    expect(await within(dialog).findByRole('button', { name: 'Version 4' })).toHaveAccessibleDescription(/Saved by other@example\.com/);
    expect(workspace.requests.filter((request) => request.path.endsWith('/restore'))).toEqual([expect.objectContaining({ ifMatch: '"3"' })]);
  });

  it('waits for everything to be saved before restoring, and says why', async () => {
    const { user, rerender } = await showHistory('editor@example.com', { saved: false });
    const dialog = await openHistory(user);
    await user.click(within(dialog).getByRole('button', { name: 'Version 2' }));
    const restore = await within(dialog).findByRole('button', { name: 'Restore version 2' });
    expect(restore).toBeDisabled();
    expect(dialog).toHaveTextContent('Restore replaces the saved journey: wait until all your changes are saved.');
    rerender(true);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Restore version 2' })).toBeEnabled());
    expect(dialog).not.toHaveTextContent('wait until all your changes are saved');
  });

  it('shows a viewer the history and the changes but no Restore', async () => {
    const { user } = await showHistory('viewer@example.com');
    const dialog = await openHistory(user);
    await user.click(within(dialog).getByRole('button', { name: 'Version 1' }));
    expect(await within(dialog).findByRole('list', { name: 'What changed' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: /Restore/ })).not.toBeInTheDocument();
  });

  it('offers no restore of the current version, saying it is the saved one', async () => {
    const { user } = await showHistory('editor@example.com');
    const dialog = await openHistory(user);
    await user.click(within(dialog).getByRole('button', { name: 'Version 3' }));
    expect(await within(dialog).findByText('No differences: the same steps, connections and settings.')).toBeInTheDocument();
    expect(dialog).toHaveTextContent('This is the saved version: there is nothing to restore.');
    expect(within(dialog).queryByRole('button', { name: /Restore/ })).not.toBeInTheDocument();
  });

  it('speaks Chinese on a Chinese page: the list, the changes and the badges', async () => {
    await setLanguage('zh-CN');
    const { user } = await showHistory('editor@example.com');
    const dialog = await openHistory(user, '历史', '版本历史');
    expect(within(dialog).getByRole('list', { name: '版本（最新在前）' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '版本 3' })).toHaveAccessibleDescription(/other@example\.com 保存/);
    await user.click(within(dialog).getByRole('button', { name: '版本 1' }));
    const changes = await within(dialog).findByRole('list', { name: '改动' });
    expect(changes).toHaveTextContent('新增 2 个步骤：SMS nudge、giveUp2');
    expect(changes).toHaveTextContent('删除 1 个步骤：giveUp');
    expect(changes).toHaveTextContent('改动 1 个步骤：Push reminder（名称）');
    await waitFor(() => expect(within(nodeFrame('sms')).getByRole('img', { name: '自版本 1 以来新增' })).toHaveTextContent('新增'));
    expect(within(dialog).getByRole('button', { name: '恢复版本 1' })).toBeEnabled();
  });

  it('shows a deletion in the list with nothing to choose', async () => {
    const stored = workspace.journeys.get(JOURNEY)!;
    stored.history = stored.history!.map((entry) => (entry.version === 2 ? { ...entry, action: 'delete' as const, document: null } : entry));
    const { user } = await showHistory('editor@example.com');
    const dialog = await openHistory(user);
    const rows = within(within(dialog).getByRole('list', { name: 'Versions, newest first' })).getAllByRole('listitem');
    expect(rows[1]).toHaveTextContent('Version 2');
    expect(rows[1]).toHaveTextContent('Deleted by other@example.com');
    expect(within(rows[1]!).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rows[0]!).getByRole('button', { name: 'Version 3' })).toBeInTheDocument();
  });

  it('is reached and worked with the keyboard alone', async () => {
    const { user } = await showHistory('editor@example.com');
    await user.tab();
    expect(screen.getByRole('button', { name: 'History' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Version history' });
    expect(within(dialog).getByRole('heading', { name: 'Version history' })).toHaveFocus();
    await within(dialog).findByRole('list');
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Close history' })).toHaveFocus();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Version 1' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.tab();
    expect(await within(dialog).findByRole('button', { name: 'Restore version 1' })).toHaveFocus();
  });

  it('says so when the server answers something that is not a list of versions', async () => {
    mockServer.use(http.get('*/api/journeys/:id/versions', () => HttpResponse.json({ versions: 'soon' })));
    const { user } = await showHistory('editor@example.com');
    await user.click(screen.getByRole('button', { name: 'History' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The team server gave an answer this app cannot read.');
    expect(screen.queryByRole('list', { name: 'Versions, newest first' })).not.toBeInTheDocument();
  });

  it('says what went wrong in the server’s words when a version is gone', async () => {
    const { user } = await showHistory('editor@example.com');
    const dialog = await openHistory(user);
    workspace.journeys.get(JOURNEY)!.history = workspace.journeys.get(JOURNEY)!.history!.filter((entry) => entry.version !== 1);
    await user.click(within(dialog).getByRole('button', { name: 'Version 1' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('There is nothing here: it does not exist, or it was deleted.');
  });
});

describe('settingName', () => {
  it('names a setting as the settings panel labels it, and a path it does not know by the path', () => {
    expect(settingName('frequencyCap.touches', 'en')).toBe('Frequency cap › Touches');
    expect(settingName('frequencyCap', 'en')).toBe('Frequency cap');
    expect(settingName('frequencyCap.nonsense', 'en')).toBe('frequencyCap.nonsense');
    expect(settingName('nonsense', 'en')).toBe('nonsense');
  });
});

describe('the server’s changes in the conflict banner', () => {
  const mine = version();
  const theirs = version((input) => {
    input.nodes = input.nodes.filter((one) => one.id !== 'remind');
    input.edges = input.edges.filter((one) => one.source !== 'remind' && one.target !== 'remind');
    input.settings = { frequencyCap: { touches: 5, window: 'P7D' } };
  });

  it('says in words what the server’s version changes against ours', () => {
    render(<ConflictChanges mine={mine} theirs={theirs} />);
    const group = screen.getByRole('group', { name: 'What the server’s version changes' });
    expect(group).toHaveTextContent('What the server’s version changes against yours:');
    expect(within(group).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['1 step removed: remind', '2 connections removed', '1 setting changed: Frequency cap › Touches']);
  });

  it('says it in Chinese on a Chinese page', async () => {
    await setLanguage('zh-CN');
    render(<ConflictChanges mine={mine} theirs={theirs} />);
    const group = screen.getByRole('group', { name: '服务器版本的改动' });
    expect(group).toHaveTextContent('删除 1 个步骤：remind');
    expect(group).toHaveTextContent('删除 2 条连线');
  });

  it('shows nothing when the server’s version is gone, and says when nothing differs', () => {
    const { container, rerender } = render(<ConflictChanges mine={mine} theirs={null} />);
    expect(container).toBeEmptyDOMElement();
    rerender(<ConflictChanges mine={mine} theirs={mine} />);
    expect(screen.getByRole('group')).toHaveTextContent('No differences: the same steps, connections and settings.');
  });
});
