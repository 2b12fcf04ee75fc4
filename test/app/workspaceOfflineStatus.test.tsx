// The toolbar's note on offline changes (src/app/workspace/offline/WorkspaceOfflineStatus.tsx), read as
// a screen reader hears it: a polite status that is empty when all is sent, says how many changes wait,
// that they are being sent, that they were sent, and names a copy kept after a conflict — in both
// languages. The queue is the real one, over the mock team server of test/support/workspaceServer.ts.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createHttpRepository } from '../../src/app/persist/httpRepository';
import { createMemoryBackend, createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { createQueuedRepository, type OfflineQueue, type OfflineQueueState, type QueuedRepository } from '../../src/app/persist/offlineQueue';
import { createWorkspaceClient } from '../../src/app/workspace/client';
import { SENT_NOTE_MS, WorkspaceOfflineStatus } from '../../src/app/workspace/offline/WorkspaceOfflineStatus';
import { checkedJourney } from '../fixtures/journeys';
import { createWorkspaceServer, mockApiForThisFile, PASSWORD, type WorkspaceServer } from '../support/workspaceServer';

const mockServer = mockApiForThisFile();
let workspace: WorkspaceServer;
let repository: QueuedRepository;

const serverGoesAway = () => mockServer.use(http.all('*/api/*', () => HttpResponse.error()));
const serverComesBack = () => {
  mockServer.resetHandlers();
  mockServer.use(...workspace.handlers);
};

beforeEach(async () => {
  workspace = createWorkspaceServer();
  mockServer.use(...workspace.handlers);
  const client = createWorkspaceClient({ base: '/api' });
  const answer = await client.call('POST', '/session', { body: { email: 'editor@example.com', password: PASSWORD } });
  client.setCsrfToken((answer.body as { csrfToken: string }).csrfToken);
  const local = createMemoryRepository({ backend: createMemoryBackend() });
  repository = createQueuedRepository(createHttpRepository({ client, local, channelName: `offline-status-${Math.random()}` }), local, {
    events: null,
    newId: () => 'basic-copy',
    pageLanguage: () => 'en',
  });
  await repository.save(checkedJourney('basic', 'Spring sale'), { expectedRevision: null, writer: 'tab' });
});
afterEach(async () => {
  repository.close();
  await setLanguage('en');
});

/** Queues `count` changes while the server is away. */
async function queueChanges(count: number) {
  serverGoesAway();
  await repository.save(checkedJourney('basic', 'Spring sale, edited'), { expectedRevision: 1, writer: 'tab' });
  for (let at = 1; at < count; at++) await repository.save(checkedJourney(`new-${at}`, `New ${at}`), { expectedRevision: null, writer: 'tab' });
}

describe('the offline status in the toolbar', () => {
  it('says nothing while all is sent, and how many changes wait while the server is away', async () => {
    render(<WorkspaceOfflineStatus queue={repository.offline} />);
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('group')).not.toBeInTheDocument();

    await act(() => queueChanges(2));
    expect(status).toHaveTextContent('Offline — 2 changes waiting to be sent');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByRole('group', { name: 'Offline changes' })).toContainElement(status);
  });

  it('sends on request, says how many were sent, and goes quiet when dismissed', async () => {
    const user = userEvent.setup();
    render(<WorkspaceOfflineStatus queue={repository.offline} />);
    await act(() => queueChanges(1));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Offline — 1 change waiting to be sent');

    // Still away: the change keeps waiting.
    await user.click(screen.getByRole('button', { name: 'Try sending now' }));
    expect(status).toHaveTextContent('1 change waiting');

    serverComesBack();
    await user.click(screen.getByRole('button', { name: 'Try sending now' }));
    expect(await screen.findByText('1 offline change sent')).toBeInTheDocument();
    expect(workspace.journeys.get('basic')).toMatchObject({ version: 2, document: { name: 'Spring sale, edited' } });
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(status).toBeEmptyDOMElement();
  });

  it('names the copy a conflict kept, in Chinese too, until dismissed', async () => {
    render(<WorkspaceOfflineStatus queue={repository.offline} />);
    await act(() => queueChanges(1));
    serverComesBack();
    workspace.putRaw('basic', checkedJourney('basic', 'Someone else’s'), 2);
    await act(async () => void (await repository.offline.sync()));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('“Spring sale, edited” was changed on the server meanwhile, so your version was kept as a copy: Spring sale, edited (offline copy)');

    // The copy's name is the journey's (made in the page's language when it was kept); the sentence follows the page.
    await act(() => setLanguage('zh-CN'));
    expect(status).toHaveTextContent('“Spring sale, edited”在此期间已在服务器上被修改，因此你的版本已另存为副本：Spring sale, edited (offline copy)');
    expect(screen.getByRole('button', { name: '关闭' })).toBeInTheDocument();
  });

  it('says that what is open is this browser’s copy while the server is away', async () => {
    await repository.load('basic');
    render(<WorkspaceOfflineStatus queue={repository.offline} />);
    serverGoesAway();
    await act(async () => void (await repository.load('basic')));
    expect(screen.getByRole('status')).toHaveTextContent('Offline — showing the copy kept in this browser');
    await act(() => setLanguage('zh-CN'));
    expect(screen.getByRole('status')).toHaveTextContent('离线 — 显示的是本浏览器保存的副本');
  });

  it('lets “sent” go by itself after a while, but keeps a kept copy until dismissed', () => {
    vi.useFakeTimers();
    try {
      let state: OfflineQueueState = { pending: 0, offline: false, sending: false, sent: 2, copies: [], refused: null };
      const listeners = new Set<(next: OfflineQueueState) => void>();
      const set = (change: Partial<OfflineQueueState>) => {
        state = { ...state, ...change };
        listeners.forEach((listener) => listener(state));
      };
      const queue: OfflineQueue = {
        state: () => state,
        subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
        sync: async () => ({ sent: 0, copies: [], pending: 0 }),
        dismiss: () => set({ sent: 0, copies: [] }),
      };
      render(<WorkspaceOfflineStatus queue={queue} />);
      const status = screen.getByRole('status');
      expect(status).toHaveTextContent('2 offline changes sent');
      act(() => vi.advanceTimersByTime(SENT_NOTE_MS));
      expect(status).toBeEmptyDOMElement();

      act(() => set({ sent: 1, copies: [{ id: 'copy', name: 'Mine (offline copy)', of: 'Mine' }] }));
      act(() => vi.advanceTimersByTime(10 * SENT_NOTE_MS));
      expect(status).toHaveTextContent('kept as a copy: Mine (offline copy)');
    } finally {
      vi.useRealTimers();
    }
  });
});
