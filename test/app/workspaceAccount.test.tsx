// "Change password" (WorkspaceAccount): a dialog with labelled fields, reachable by keyboard, that checks
// only what it can (nothing empty, the new one typed twice), shows the server's refusals in the page's
// language on the field they are about, and changes the password. Against the msw mock
// (test/support/workspaceMock/members.ts, held to the server's OpenAPI document).
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { WorkspaceAccount } from '../../src/app/workspace/account/WorkspaceAccount';
import { createWorkspaceServer, PASSWORD, type WorkspaceServer, signedInServices } from '../support/workspaceServer';

const mockServer = setupServer();
beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterAll(() => mockServer.close());

const NEW_PASSWORD = 'a brand new passphrase';
let workspace: WorkspaceServer;

beforeEach(() => {
  workspace = createWorkspaceServer([{ email: 'editor@example.com', role: 'editor' }]);
  mockServer.use(...workspace.handlers);
});
afterEach(async () => {
  mockServer.resetHandlers();
  await setLanguage('en');
});

async function openDialog(names: { open: string; dialog: string }) {
  render(<WorkspaceAccount workspace={await signedInServices('editor@example.com')} />);
  const user = userEvent.setup();
  const opener = screen.getByRole('button', { name: names.open });
  await user.click(opener);
  return { user, opener, dialog: screen.getByRole('dialog', { name: names.dialog }) };
}

const passwordChanges = () => workspace.requests.filter((request) => request.method === 'PUT' && request.path === '/api/account/password');

describe('changing one’s own password', () => {
  it('changes it with the current one, sending the CSRF value, and says so', async () => {
    const { user, opener, dialog } = await openDialog({ open: 'Change password', dialog: 'Change your password' });
    expect(within(dialog).getByLabelText('Current password')).toHaveFocus();
    expect(dialog).toHaveTextContent('Signed in as editor@example.com.');
    await user.type(within(dialog).getByLabelText('Current password'), PASSWORD);
    await user.type(within(dialog).getByLabelText('New password'), NEW_PASSWORD);
    await user.type(within(dialog).getByLabelText('New password again'), `${NEW_PASSWORD}{Enter}`);
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Your password is changed. Your other sessions are signed out.');
    expect(workspace.members.get('editor@example.com')?.password).toBe(NEW_PASSWORD);
    expect(passwordChanges()).toEqual([{ method: 'PUT', path: '/api/account/password', ifMatch: null, csrf: 'jl_csrf_1' }]);
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('says what is missing or mismatched before asking the server, and marks the field', async () => {
    const { user, dialog } = await openDialog({ open: 'Change password', dialog: 'Change your password' });
    await user.click(within(dialog).getByRole('button', { name: 'Change password' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Enter your current password.');
    expect(within(dialog).getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');
    await user.type(within(dialog).getByLabelText('Current password'), PASSWORD);
    await user.type(within(dialog).getByLabelText('New password'), NEW_PASSWORD);
    await user.type(within(dialog).getByLabelText('New password again'), 'something else{Enter}');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The two new passwords differ: type the same one twice.');
    expect(within(dialog).getByLabelText('New password again')).toHaveAccessibleDescription('The two new passwords differ: type the same one twice.');
    expect(passwordChanges()).toEqual([]);
  });

  it('shows the server’s refusals on their field: a wrong current password, a new one too short', async () => {
    const { user, dialog } = await openDialog({ open: 'Change password', dialog: 'Change your password' });
    await user.type(within(dialog).getByLabelText('Current password'), 'not my password');
    await user.type(within(dialog).getByLabelText('New password'), NEW_PASSWORD);
    await user.type(within(dialog).getByLabelText('New password again'), `${NEW_PASSWORD}{Enter}`);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Your current password is not right, so the password was not changed.');
    expect(within(dialog).getByLabelText('Current password')).toHaveAttribute('aria-invalid', 'true');

    await user.clear(within(dialog).getByLabelText('Current password'));
    await user.type(within(dialog).getByLabelText('Current password'), PASSWORD);
    await user.clear(within(dialog).getByLabelText('New password'));
    await user.type(within(dialog).getByLabelText('New password'), 'short');
    await user.clear(within(dialog).getByLabelText('New password again'));
    await user.type(within(dialog).getByLabelText('New password again'), 'short{Enter}');
    expect(await within(dialog).findByText('The new password needs at least 10 characters; it was not changed.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('New password')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByLabelText('New password')).toHaveAccessibleDescription(expect.stringContaining('at least 10 characters'));
    expect(workspace.members.get('editor@example.com')?.password).toBe(PASSWORD);
  });

  it('closes on Escape without changing anything and keeps Tab inside', async () => {
    const { user, opener, dialog } = await openDialog({ open: 'Change password', dialog: 'Change your password' });
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Tab}');
    expect(within(dialog).getByLabelText('Current password')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
    expect(passwordChanges()).toEqual([]);
  });

  it('speaks Chinese, the server’s words too', async () => {
    await setLanguage('zh-CN');
    const { user, dialog } = await openDialog({ open: '修改密码', dialog: '修改你的密码' });
    await user.type(within(dialog).getByLabelText('当前密码'), 'not my password');
    await user.type(within(dialog).getByLabelText('新密码'), NEW_PASSWORD);
    await user.type(within(dialog).getByLabelText('再次输入新密码'), `${NEW_PASSWORD}{Enter}`);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('当前密码不正确，密码未更改。');
  });
});
