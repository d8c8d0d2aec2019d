// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamApi, type TeamMember } from '../../../src/adapters/team-api';
import { SignInScreen } from '../../../src/ui/team/sign-in-screen';
import { FakeTeamServer } from './fake-team-server';
import { renderIn } from './render-team';

afterEach(cleanup);

function setUp(lang: 'en' | 'zh' = 'en') {
  const server = new FakeTeamServer();
  const liWei = server.addMember('li-wei', 'partner', null, 'ten or more characters');
  const api = new TeamApi('', server.fetch);
  const onSignedIn = vi.fn<(member: TeamMember) => void>();
  const view = renderIn(lang, <SignInScreen api={api} onSignedIn={onSignedIn} />);
  return { server, liWei, api, onSignedIn, ...view };
}

const signInRequests = (server: FakeTeamServer) =>
  server.requests.filter((r) => r.method === 'POST' && r.path === '/api/session');

describe('signing in', () => {
  it('signs in with the right username and password and hands over who signed in', async () => {
    const { user, server, liWei, onSignedIn } = setUp();
    await user.type(screen.getByLabelText('Username'), '  li-wei ');
    await user.type(screen.getByLabelText('Password'), 'ten or more characters');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(onSignedIn).toHaveBeenCalledWith({
      id: liWei.id,
      username: 'li-wei',
      role: 'partner',
      deal: null,
    });
    expect(server.signedIn).toBe(liWei.id);
    expect(signInRequests(server)[0]?.body).toEqual({
      username: 'li-wei',
      password: 'ten or more characters',
    });
  });

  it('asks for both fields before sending anything', async () => {
    const { user, server } = setUp();
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: 'Enter your username' })).toBeVisible();
    expect(within(summary).getByRole('link', { name: 'Enter your password' })).toBeVisible();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(signInRequests(server)).toHaveLength(0);
    expect(document.title).toMatch(/^Error: /);
  });

  it('says the username or password is wrong, and focuses that message', async () => {
    const { user, onSignedIn } = setUp();
    await user.type(screen.getByLabelText('Username'), 'li-wei');
    await user.type(screen.getByLabelText('Password'), 'not the password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const failure = await screen.findByTestId('failure-summary');
    expect(failure).toHaveTextContent('The username or password is wrong');
    expect(failure).toHaveFocus();
    expect(onSignedIn).not.toHaveBeenCalled();
    // What was typed stays, to be corrected rather than typed again.
    expect(screen.getByLabelText('Username')).toHaveValue('li-wei');
  });

  it('says how long to wait once the server stops counting attempts', async () => {
    const { user, api, onSignedIn } = setUp();
    // Someone (perhaps not the user) has used up the account's attempts.
    for (let i = 0; i < 10; i++) await api.signIn('li-wei', 'guess');
    await user.type(screen.getByLabelText('Username'), 'li-wei');
    await user.type(screen.getByLabelText('Password'), 'ten or more characters');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const failure = await screen.findByTestId('failure-summary');
    expect(failure).toHaveTextContent('Too many attempts. Wait 15 minutes, then try again.');
    expect(failure).not.toHaveTextContent('wrong');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('says the server cannot be reached and that work on this device is safe', async () => {
    const { user, server } = setUp();
    server.state = 'offline';
    await user.type(screen.getByLabelText('Username'), 'li-wei');
    await user.type(screen.getByLabelText('Password'), 'ten or more characters');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const failure = await screen.findByTestId('failure-summary');
    expect(failure).toHaveTextContent('The team server cannot be reached');
    expect(failure).toHaveTextContent('your work on this device is safe');
    expect(failure).toHaveFocus();

    // Back online, the same form signs in.
    server.state = 'up';
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(screen.queryByTestId('failure-summary')).toBeNull());
  });

  it('says so when the server answers but cannot work (its database is down)', async () => {
    const { user, server } = setUp();
    server.state = 'database-down';
    await user.type(screen.getByLabelText('Username'), 'li-wei');
    await user.type(screen.getByLabelText('Password'), 'ten or more characters');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const failure = await screen.findByTestId('failure-summary');
    expect(failure).toHaveTextContent('The team server cannot work right now');
    expect(failure).toHaveTextContent('your work on this device is safe');
  });

  it('cannot be sent twice while the server is answering', async () => {
    const { user, server, onSignedIn } = setUp();
    const release = server.hold();
    await user.type(screen.getByLabelText('Username'), 'li-wei');
    await user.type(screen.getByLabelText('Password'), 'ten or more characters');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Signing in…');
    await user.click(button);
    release();
    await vi.waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(signInRequests(server)).toHaveLength(1);
  });

  it('speaks Chinese', async () => {
    const { user } = setUp('zh');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('登录团队');
    await user.type(screen.getByLabelText('用户名'), 'li-wei');
    await user.type(screen.getByLabelText('密码'), '不是这个密码');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByTestId('failure-summary')).toHaveTextContent(
      '用户名或密码不正确。请检查后重试。',
    );
    expect(document.title).toBe('错误：登录团队 — Moatscore');
  });
});
