// The app on a team workspace's page (the index.html `journey-lab serve` marks): without a session it
// asks to sign in, in the page's language; signed in, the header says who with their role, the
// journeys come from the server, every change carries the CSRF value, and Sign out returns to the
// sign-in screen. On a page without the marker (`npm start`) the app asks nothing of any server.
import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { App } from '../../src/app/App';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { checkJourney } from '../../src/core/journey/validate';
import { validJourney } from '../fixtures/journeys';
import { createWorkspaceServer, PASSWORD, type WorkspaceServer } from '../support/workspaceServer';

const mockServer = setupServer();
beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mockServer.close());

let workspace: WorkspaceServer;
let marker: HTMLMetaElement | null = null;

function markAsWorkspacePage() {
  marker = document.createElement('meta');
  marker.name = 'journey-lab-workspace';
  marker.content = '/api';
  document.head.append(marker);
}

beforeEach(() => {
  workspace = createWorkspaceServer([{ email: 'editor@example.com', role: 'editor' }]);
  workspace.members.get('editor@example.com')!.name = 'Erin Editor';
  workspace.putRaw('team-journey', checkJourney({ ...validJourney(), id: 'team-journey', name: 'Team journey' }).document, 3);
  mockServer.use(...workspace.handlers);
});
afterEach(async () => {
  mockServer.resetHandlers();
  marker?.remove();
  marker = null;
  await setLanguage('en');
});

async function signInWith(user: ReturnType<typeof userEvent.setup>, texts: { email: string; password: string; submit: string }, password: string) {
  const email = await screen.findByRole('textbox', { name: texts.email });
  await user.clear(email);
  await user.type(email, 'editor@example.com');
  await user.type(screen.getByLabelText(texts.password), password);
  await user.click(screen.getByRole('button', { name: texts.submit }));
}

describe('a team workspace’s page', () => {
  it('asks to sign in, says what is wrong, then shows who is signed in and the server’s journeys; Sign out asks again', async () => {
    markAsWorkspacePage();
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Sign in to the team workspace' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your e-mail address.');
    expect(screen.getByRole('textbox', { name: 'E-mail address' })).toHaveAttribute('aria-invalid', 'true');

    const texts = { email: 'E-mail address', password: 'Password', submit: 'Sign in' };
    await signInWith(user, texts, 'not the password');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong e-mail address or password.');
    expect(screen.getByLabelText('Password')).toHaveValue('');

    await signInWith(user, texts, PASSWORD);
    const signedIn = await screen.findByRole('group', { name: 'Signed in' });
    expect(signedIn).toHaveTextContent('Erin Editor · Editor');
    expect(await screen.findByText('Team journey')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sign in to the team workspace' })).not.toBeInTheDocument();

    await user.click(within(signedIn).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to the team workspace' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Signed in' })).not.toBeInTheDocument();
    // The sign-out is a change: it carried the CSRF value signing in answered.
    expect(workspace.requests.find((request) => request.method === 'DELETE' && request.path === '/api/session')).toMatchObject({ csrf: 'jl_csrf_1' });
  });

  it('does all of it in Chinese when the page is in Chinese, the server’s words too', async () => {
    await setLanguage('zh-CN');
    markAsWorkspacePage();
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByRole('heading', { name: '登录团队工作区' })).toBeInTheDocument();
    const texts = { email: '电子邮件地址', password: '密码', submit: '登录' };
    await signInWith(user, texts, 'not the password');
    expect(await screen.findByRole('alert')).toHaveTextContent('邮箱地址或密码错误。');
    await signInWith(user, texts, PASSWORD);
    const signedIn = await screen.findByRole('group', { name: '已登录' });
    expect(signedIn).toHaveTextContent('Erin Editor · 编辑者');
    expect(within(signedIn).getByRole('button', { name: '退出登录' })).toBeInTheDocument();
  });

  it('goes straight in with a session from before, and learns its CSRF value for the changes it makes', async () => {
    const earlier = await fetch(new URL('/api/session', location.href), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'editor@example.com', password: PASSWORD }) });
    expect(earlier.status).toBe(200);
    markAsWorkspacePage();
    render(<App />);
    expect(await screen.findByRole('group', { name: 'Signed in' })).toHaveTextContent('Erin Editor · Editor');
    expect(await screen.findByText('Team journey')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sign in to the team workspace' })).not.toBeInTheDocument();
  });
});

describe('a local-only page (`npm start`)', () => {
  it('asks nothing of any server and shows no sign-in', async () => {
    const requests = vi.spyOn(globalThis, 'fetch');
    render(<App />);
    expect(await screen.findByRole('list', { name: 'Journeys' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
    expect(screen.queryByRole('heading', { name: 'Sign in to the team workspace' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Signed in' })).not.toBeInTheDocument();
    expect(requests).not.toHaveBeenCalled();
    expect(workspace.requests).toEqual([]);
    requests.mockRestore();
  });
});
