// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamApi, type TeamMember } from '../../../src/adapters/team-api';
import type { Lang } from '../../../src/core/vocabulary';
import { LOCALES } from '../../../src/i18n/t';
import { JoinScreen } from '../../../src/ui/team/join-screen';
import { FakeTeamServer } from './fake-team-server';
import { renderIn } from './render-team';

afterEach(cleanup);

const TOKEN = 'k3Xq9vLm2PzR8tYw4NbC7hJd';
const DAY = 24 * 60 * 60 * 1000;

function setUp({
  lang = 'en' as Lang,
  role = 'partner' as const as 'partner' | 'founder' | 'owner',
  deal = null as string | null,
  used = false,
  state = 'up' as FakeTeamServer['state'],
} = {}) {
  const server = new FakeTeamServer();
  server.state = state;
  server.addMember('ops', 'owner');
  const expiresAt = new Date(Date.now() + 6 * DAY).toISOString();
  server.addInvitation(TOKEN, role, deal, expiresAt, used);
  const api = new TeamApi('', server.fetch);
  const onJoined = vi.fn<(member: TeamMember) => void>();
  const onCancel = vi.fn<() => void>();
  const view = renderIn(
    lang,
    <JoinScreen api={api} token={TOKEN} onJoined={onJoined} onCancel={onCancel} />,
  );
  return { server, expiresAt, onJoined, onCancel, ...view };
}

/** The expiry as a reader of `lang` writes a date and time. */
const written = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  );

const acceptRequests = (server: FakeTeamServer) =>
  server.requests.filter((r) => r.path === '/api/invitations/accept');

describe('joining by invitation', () => {
  it('says what a partner invitation grants and until when, then creates the account', async () => {
    const { user, server, expiresAt, onJoined } = setUp();
    const grant = await screen.findByTestId('invitation-grant');
    expect(grant).toHaveTextContent('You are invited as a partner');
    expect(grant).toHaveTextContent(`The link works once, until ${written(expiresAt, 'en')}.`);

    await user.type(screen.getByLabelText('Choose a username'), 'li-wei');
    await user.type(screen.getByLabelText('Choose a password'), 'a long enough password');
    await user.type(screen.getByLabelText('Type the password again'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Join the team' }));

    await vi.waitFor(() => expect(onJoined).toHaveBeenCalledTimes(1));
    const joined = onJoined.mock.calls[0]![0];
    expect(joined).toMatchObject({ username: 'li-wei', role: 'partner', deal: null });
    expect(server.members.map((m) => m.username)).toContain('li-wei');
    expect(server.signedIn).toBe(joined.id);
  });

  it('names the company a founder is invited for, with the date in Chinese', async () => {
    const { user, expiresAt, onJoined } = setUp({
      lang: 'zh',
      role: 'founder',
      deal: 'deeplake-ai',
    });
    const grant = await screen.findByTestId('invitation-grant');
    expect(grant).toHaveTextContent('你以项目 deeplake-ai 创始人的身份受邀');
    expect(grant).toHaveTextContent(`有效期至 ${written(expiresAt, 'zh')}。`);
    expect(written(expiresAt, 'zh')).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);

    await user.type(screen.getByLabelText('设置用户名'), '王芳');
    await user.type(screen.getByLabelText('设置密码'), '深湖智能的创始人密码');
    await user.type(screen.getByLabelText('再次输入密码'), '深湖智能的创始人密码');
    await user.click(screen.getByRole('button', { name: '加入团队' }));
    await vi.waitFor(() => expect(onJoined).toHaveBeenCalledTimes(1));
    expect(onJoined.mock.calls[0]![0]).toMatchObject({
      username: '王芳',
      role: 'founder',
      deal: 'deeplake-ai',
    });
  });

  it('says plainly that a used link cannot be used, and lets the user go on without a team', async () => {
    const { user, onCancel } = setUp({ used: true });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This invitation cannot be used' }),
    ).toHaveFocus();
    expect(screen.getByText(/has been used already, has expired/)).toBeVisible();
    expect(screen.getByText(/your assessments stay on this device/)).toBeVisible();
    expect(screen.queryByLabelText('Choose a username')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue without a team' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('refuses mismatched passwords before sending anything', async () => {
    const { user, server, onJoined } = setUp();
    await user.type(await screen.findByLabelText('Choose a username'), 'li-wei');
    await user.type(screen.getByLabelText('Choose a password'), 'a long enough password');
    await user.type(screen.getByLabelText('Type the password again'), 'a long enough passw0rd');
    await user.click(screen.getByRole('button', { name: 'Join the team' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['The two passwords do not match']);
    await user.click(within(summary).getByRole('link'));
    expect(screen.getByLabelText('Type the password again')).toHaveFocus();
    expect(acceptRequests(server)).toHaveLength(0);
    expect(onJoined).not.toHaveBeenCalled();
  });

  it('explains a username with a space and a short password, before sending', async () => {
    const { user, server } = setUp();
    await user.type(await screen.findByLabelText('Choose a username'), 'li wei');
    await user.type(screen.getByLabelText('Choose a password'), 'short');
    await user.type(screen.getByLabelText('Type the password again'), 'short');
    await user.click(screen.getByRole('button', { name: 'Join the team' }));
    const summary = screen.getByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Use 2 to 40 letters, digits, dots, underscores or dashes, with no spaces',
      'Use a password of at least 10 characters',
    ]);
    expect(acceptRequests(server)).toHaveLength(0);
  });

  it('says a taken username is taken, and the same invitation then works with another', async () => {
    const { user, server, onJoined } = setUp();
    server.addMember('li-wei', 'partner');
    await user.type(await screen.findByLabelText('Choose a username'), 'Li-Wei');
    await user.type(screen.getByLabelText('Choose a password'), 'a long enough password');
    await user.type(screen.getByLabelText('Type the password again'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Join the team' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('The username Li-Wei is taken. Choose another.');
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Choose a username')).toHaveAttribute('aria-invalid', 'true');
    expect(onJoined).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Choose a username'));
    await user.type(screen.getByLabelText('Choose a username'), 'li-wei.2');
    await user.click(screen.getByRole('button', { name: 'Join the team' }));
    await vi.waitFor(() => expect(onJoined).toHaveBeenCalledTimes(1));
    expect(onJoined.mock.calls[0]![0].username).toBe('li-wei.2');
  });

  it('says the link is used up when it is used elsewhere while the form is filled in', async () => {
    const { user, server } = setUp();
    await user.type(await screen.findByLabelText('Choose a username'), 'li-wei');
    server.invitations.get(TOKEN)!.used = true;
    await user.type(screen.getByLabelText('Choose a password'), 'a long enough password');
    await user.type(screen.getByLabelText('Type the password again'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Join the team' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This invitation cannot be used' }),
    ).toBeVisible();
  });

  it('when the server cannot be reached, says so and checks again on request', async () => {
    const { user, server } = setUp({ state: 'offline' });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'The invitation could not be checked' }),
    ).toBeVisible();
    expect(screen.getByText(/The team server cannot be reached/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Continue without a team' })).toBeVisible();
    server.state = 'up';
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('invitation-grant')).toHaveTextContent('as a partner');
  });
});
