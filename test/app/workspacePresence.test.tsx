// Who else has the journey open (WorkspacePresence): the other members as a named list with initials
// avatars, nothing when alone; a heartbeat every 20 s while the page is visible, none while hidden, and a
// DELETE on unmount and pagehide. Page timers and the clock are fake; the server is the msw mock
// (test/support/workspaceMock/presence.ts, held to the server's OpenAPI document).
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { initialsOf } from '../../src/app/workspace/presence/presence';
import { WorkspacePresence } from '../../src/app/workspace/presence/WorkspacePresence';
import type { WorkspaceServices } from '../../src/app/workspace/types';
import { checkJourney } from '../../src/core/journey/validate';
import { validJourney } from '../fixtures/journeys';
import { createWorkspaceServer, type WorkspaceServer, signedInServices } from '../support/workspaceServer';

const mockServer = setupServer();
beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mockServer.close());

const JOURNEY = 'team-journey';
const PRESENCE = `/api/journeys/${JOURNEY}/presence`;
let workspace: WorkspaceServer;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  workspace = createWorkspaceServer([
    { email: 'ana.lima@example.com', role: 'viewer' },
    { email: 'editor@example.com', role: 'editor' },
  ]);
  workspace.members.get('ana.lima@example.com')!.name = 'Ana Lima';
  workspace.putRaw(JOURNEY, checkJourney({ ...validJourney(), id: JOURNEY, name: 'Team journey' }).document, 2);
  mockServer.use(...workspace.handlers);
});
afterEach(async () => {
  // Unmounting leaves the journey (a DELETE): let it reach this test's handlers before they go.
  cleanup();
  await new Promise((resolve) => setTimeout(resolve, 50));
  mockServer.resetHandlers();
  vi.useRealTimers();
  setVisibility('visible');
  await setLanguage('en');
});

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

/** Ana has the journey open; then the editor signs in (this page's session). */
async function anaThenEditor(): Promise<WorkspaceServices> {
  const ana = await signedInServices('ana.lima@example.com');
  expect((await ana.client.call('PUT', `/journeys/${JOURNEY}/presence`)).status).toBe(200);
  return signedInServices('editor@example.com');
}

/**
 * Waits (real time, 2 s at most) until `check` holds. Not waitFor: it polls with setInterval, which these
 * tests fake, so it would look again only when the page changes.
 */
async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !check(); tries++) await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  expect(check()).toBe(true);
}

const marks = () => workspace.requests.filter((request) => request.method === 'PUT' && request.path === PRESENCE);

describe('who else has the journey open', () => {
  it('lists the other members with initials avatars, not oneself, after marking the journey with the CSRF value', async () => {
    render(<WorkspacePresence workspace={await anaThenEditor()} journeyId={JOURNEY} />);
    const list = await screen.findByRole('list', { name: 'Also here:' });
    const [ana, ...rest] = within(list).getAllByRole('listitem');
    expect(rest).toEqual([]);
    expect(ana).toHaveTextContent('ALAna Lima');
    expect(within(ana!).getByText('AL')).toHaveAttribute('aria-hidden', 'true');
    expect(ana).toHaveAttribute('title', expect.stringContaining('ana.lima@example.com'));
    expect(marks().at(-1)).toEqual({ method: 'PUT', path: PRESENCE, ifMatch: null, csrf: 'jl_csrf_2' });
  });

  it('shows nothing when nobody else has it open', async () => {
    const { container } = render(<WorkspacePresence workspace={await signedInServices('editor@example.com')} journeyId={JOURNEY} />);
    await until(() => marks().length === 1);
    await act(async () => undefined);
    expect(container).toBeEmptyDOMElement();
  });

  it('marks every 20 s while visible, not while hidden, at once when visible again, and drops whoever stopped marking', async () => {
    render(<WorkspacePresence workspace={await anaThenEditor()} journeyId={JOURNEY} />);
    await screen.findByRole('list', { name: 'Also here:' });
    await until(() => marks().length === 2);
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(marks()).toHaveLength(3);

    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await act(() => vi.advanceTimersByTimeAsync(40_000));
    expect(marks()).toHaveLength(3);

    // Ana marked 60 s ago: the mark seen on becoming visible no longer has her.
    setVisibility('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => marks().length === 4);
    await until(() => screen.queryByRole('list', { name: 'Also here:' }) === null);
  });

  it('leaves the journey when the page goes away and when unmounted', async () => {
    const view = render(<WorkspacePresence workspace={await anaThenEditor()} journeyId={JOURNEY} />);
    await screen.findByRole('list', { name: 'Also here:' });
    const leaves = () => workspace.requests.filter((request) => request.method === 'DELETE' && request.path === PRESENCE);
    window.dispatchEvent(new Event('pagehide'));
    await until(() => leaves().length === 1);
    view.unmount();
    await until(() => leaves().length === 2);
    expect(leaves()[1]!.csrf).toBe('jl_csrf_2');
    // The page going away sends it to outlive the page; an unmount in a page that stays has no need.
    expect(leaves().map((request) => request.keepalive)).toEqual([true, undefined]);
    const before = marks().length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(marks()).toHaveLength(before);
  });

  it('names the list in Chinese', async () => {
    await setLanguage('zh-CN');
    render(<WorkspacePresence workspace={await anaThenEditor()} journeyId={JOURNEY} />);
    const list = await screen.findByRole('list', { name: '也在这里：' });
    expect(list).toHaveTextContent('Ana Lima');
  });
});

it('takes initials from the first and last words of a name, or its first character', () => {
  expect(initialsOf('Ana Lima')).toBe('AL');
  expect(initialsOf('ana.maria.lima')).toBe('AL');
  expect(initialsOf('editor@example.com')).toBe('E');
  expect(initialsOf('王小明')).toBe('王');
  expect(initialsOf('  ')).toBe('?');
});
