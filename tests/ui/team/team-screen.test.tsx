// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamApi } from '../../../src/adapters/team-api';
import type { Lang } from '../../../src/core/vocabulary';
import { LOCALES } from '../../../src/i18n/t';
import TeamScreen from '../../../src/ui/team/team-screen';
import { FakeTeamServer, json } from './fake-team-server';
import { renderIn } from './render-team';

const downloads = vi.hoisted(() => ({ calls: [] as [Uint8Array, string, string][] }));
vi.mock('../../../src/adapters/download-file', () => ({
  downloadFile: (bytes: Uint8Array, name: string, type: string) =>
    downloads.calls.push([bytes, name, type]),
}));

afterEach(() => {
  cleanup();
  downloads.calls.length = 0;
  vi.useRealTimers();
});

/** An owner (ops) signed in, a partner and a founder, and a short audit log. */
function setUp(lang: Lang = 'en') {
  const server = new FakeTeamServer();
  const owner = server.addMember('ops', 'owner');
  const liWei = server.addMember('li-wei', 'partner');
  const founder = server.addMember('王芳', 'founder', 'deeplake-ai');
  server.signedIn = owner.id;
  server.log(null, 'invited', 'invitation', 'a1b2c3d4e5f60718', null, 'owner, expires soon');
  server.log(owner, 'joined', 'member', owner.id, null, 'ops as owner');
  server.log(founder, 'joined', 'member', founder.id, 'deeplake-ai', '王芳 as founder');
  return { owner, liWei, founder, ...setUpWith(server, lang) };
}

/** The screen as the server's signed-in member sees it. */
function setUpWith(server: FakeTeamServer, lang: Lang = 'en') {
  const signedIn = server.members.find((m) => m.id === server.signedIn)!;
  const api = new TeamApi('', server.fetch);
  const onSignedOutEverywhere = vi.fn<() => void>();
  const viewer = { id: signedIn.id, username: signedIn.username, role: signedIn.role, deal: null };
  const view = renderIn(
    lang,
    <TeamScreen api={api} member={viewer} onSignedOutEverywhere={onSignedOutEverywhere} />,
  );
  return { server, onSignedOutEverywhere, ...view };
}

const inviteRequests = (server: FakeTeamServer) =>
  server.requests.filter((r) => r.method === 'POST' && r.path === '/api/invitations');

const section = (name: string) => screen.getByRole('region', { name }) as HTMLElement;

describe('inviting', () => {
  it('refuses a founder invitation without a deal key before sending it', async () => {
    const { user, server } = setUp();
    await user.selectOptions(screen.getByLabelText('Role'), 'founder');
    expect(screen.getByLabelText('Deal key')).toHaveAccessibleDescription(
      /The company's deal key, for example deeplake-ai/,
    );
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const deal = screen.getByLabelText('Deal key');
    expect(deal).toHaveFocus();
    expect(deal).toHaveAttribute('aria-invalid', 'true');
    expect(deal).toHaveAccessibleDescription(/Enter the company's deal key/);
    expect(inviteRequests(server)).toHaveLength(0);
    expect(screen.queryByTestId('invitation-link')).toBeNull();
  });

  it('shows a partner invitation link once, copies it, and says it works once for 7 days', async () => {
    const { user, server } = setUp();
    expect(screen.getByLabelText('Role')).toHaveValue('partner');
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));

    const result = await screen.findByTestId('invitation-link');
    const [token, invitation] = [...server.invitations].at(-1)!;
    expect(invitation).toMatchObject({ role: 'partner', deal: null });
    expect(inviteRequests(server)[0]?.body).toEqual({ role: 'partner' });
    expect(within(result).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Invitation link for a partner',
    );
    expect(within(result).getByRole('heading', { level: 3 })).toHaveFocus();
    const field = within(result).getByLabelText('Invitation link');
    expect(field).toHaveValue(`http://localhost:8080/#invite=${token}`);
    expect(field).toHaveAttribute('readonly');
    const expiry = new Intl.DateTimeFormat(LOCALES.en, {
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(invitation.expiresAt));
    expect(result).toHaveTextContent(`works once and expires in 7 days, on ${expiry}`);

    await user.click(within(result).getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(`http://localhost:8080/#invite=${token}`);
    expect(within(result).getByRole('status')).toHaveTextContent('Copied.');

    // The invitation is logged, and the log on screen says so.
    const audit = section('Audit log');
    expect(
      await within(audit).findByRole('cell', { name: `partner, expires ${invitation.expiresAt}` }),
    ).toBeVisible();
  });

  it('selects the link for copying by hand when the clipboard refuses', async () => {
    const { user } = setUp();
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const result = await screen.findByTestId('invitation-link');
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    await user.click(within(result).getByRole('button', { name: 'Copy link' }));
    const field = within(result).getByLabelText('Invitation link') as HTMLInputElement;
    await vi.waitFor(() => expect(field).toHaveFocus());
    expect(field.selectionEnd! - field.selectionStart!).toBe(field.value.length);
    expect(within(result).getByRole('status')).toHaveTextContent('press Ctrl+C');
  });

  it('files a founder under the deal key of the company name typed', async () => {
    const { user, server } = setUp();
    await user.selectOptions(screen.getByLabelText('Role'), 'founder');
    await user.type(screen.getByLabelText('Deal key'), 'DeepLake AI');
    expect(screen.getByText('Sent as the deal key deeplake-ai')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const result = await screen.findByTestId('invitation-link');
    expect(inviteRequests(server)[0]?.body).toEqual({ role: 'founder', deal: 'deeplake-ai' });
    expect(within(result).getByRole('heading', { level: 3 })).toHaveTextContent(
      'Invitation link for the founder of deeplake-ai',
    );
  });

  it('says why no invitation was made, and keeps the previous link', async () => {
    const { user, server } = setUp();
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const first = await screen.findByLabelText('Invitation link');
    const link = (first as HTMLInputElement).value;
    server.state = 'offline';
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    expect(
      await screen.findByText(/No invitation was made\. The team server cannot be reached/),
    ).toBeVisible();
    expect(screen.getByLabelText('Invitation link')).toHaveValue(link);
  });
});

describe('members', () => {
  it('lists every member with role, deal and joining date, and no Remove for the viewer', async () => {
    const { server } = setUp();
    const table = await screen.findByTestId('members');
    const rows = within(table).getAllByRole('row').slice(1);
    const date = new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'medium' });
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(0, 3)
          .map((c) => c.textContent),
      ),
    ).toEqual(
      server.members.map((m) => [
        { owner: 'Owner', partner: 'Partner', founder: 'Founder' }[m.role],
        m.deal ?? '—',
        date.format(new Date(m.createdAt)),
      ]),
    );
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('ops (you)');
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    expect(within(rows[1]!).getByRole('button', { name: 'Remove li-wei' })).toBeVisible();
  });

  it('removes a member only after naming them, then shows the list without them', async () => {
    const { user, server, liWei } = setUp();
    const remove = await screen.findByRole('button', { name: 'Remove li-wei' });
    await user.click(remove);
    const question = screen.getByText(
      'Remove li-wei? Their sessions end at once; their assessments stay.',
    );
    expect(question.closest('p')).toHaveFocus();

    // Cancel changes nothing and returns to where the owner was.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(remove).toHaveFocus();
    expect(server.members.map((m) => m.id)).toContain(liWei.id);

    await user.click(remove);
    const confirm = screen.getByRole('group', { name: /Remove li-wei\?/ });
    await user.click(within(confirm).getByRole('button', { name: 'Remove li-wei' }));
    const outcome = await screen.findByTestId('member-outcome');
    expect(outcome).toHaveTextContent('li-wei was removed.');
    expect(outcome).toHaveFocus();
    await vi.waitFor(() =>
      expect(within(screen.getByTestId('members')).queryByText('li-wei')).toBeNull(),
    );
    expect(server.members.map((m) => m.id)).not.toContain(liWei.id);
    expect(
      await within(section('Audit log')).findByRole('cell', { name: 'Removed' }),
    ).toBeVisible();
  });

  it('shows the server refusing to remove the last owner, and keeps the list', async () => {
    const server = new FakeTeamServer();
    const owner = server.addMember('ops', 'owner');
    const zhang = server.addMember('zhang-min', 'owner');
    server.signedIn = owner.id;
    // From an owner's screen only a race gets this answer (the team changed meanwhile).
    server.raceAnswer = (method, path) =>
      method === 'DELETE' && path === `/api/members/${zhang.id}`
        ? json(409, { message: 'the last owner cannot be removed; invite another owner first' })
        : undefined;
    const { user } = setUpWith(server);
    await user.click(await screen.findByRole('button', { name: 'Remove zhang-min' }));
    await user.click(
      within(screen.getByRole('group', { name: /Remove zhang-min\?/ })).getByRole('button', {
        name: 'Remove zhang-min',
      }),
    );
    expect(await screen.findByTestId('member-outcome')).toHaveTextContent(
      'zhang-min is the last owner and cannot be removed',
    );
    expect(within(screen.getByTestId('members')).getByText('zhang-min')).toBeVisible();
  });

  it('says why a removal failed, and keeps everyone on screen', async () => {
    const { user, server } = setUp();
    await user.click(await screen.findByRole('button', { name: 'Remove li-wei' }));
    server.state = 'offline';
    await user.click(
      within(screen.getByRole('group', { name: /Remove li-wei\?/ })).getByRole('button', {
        name: 'Remove li-wei',
      }),
    );
    expect(await screen.findByTestId('member-outcome')).toHaveTextContent(
      'li-wei was not removed. The team server cannot be reached',
    );
    const names = within(screen.getByTestId('members'))
      .getAllByRole('rowheader')
      .map((th) => th.textContent);
    expect(names).toEqual(['ops (you)', 'li-wei', '王芳']);
  });

  it('says the list could not be loaded, and loads it on request', async () => {
    const server = new FakeTeamServer();
    const owner = server.addMember('ops', 'owner');
    server.signedIn = owner.id;
    server.state = 'database-down';
    const { user } = setUpWith(server);
    const members = section('Members');
    expect(await within(members).findByRole('alert')).toHaveTextContent(
      'The member list could not be loaded. The team server cannot work right now',
    );
    server.state = 'up';
    await user.click(within(members).getByRole('button', { name: 'Try again' }));
    expect(await within(members).findByRole('rowheader')).toHaveTextContent('ops');
    expect(within(members).queryByRole('alert')).toBeNull();
  });
});

describe('the audit log', () => {
  it('shows the latest entries, newest first, with who did what', async () => {
    const { server } = setUp();
    const table = await screen.findByTestId('audit');
    const rows = within(table).getAllByRole('row').slice(1);
    const time = new Intl.DateTimeFormat(LOCALES.en, { dateStyle: 'medium', timeStyle: 'medium' });
    const newestFirst = [...server.audit].reverse();
    expect(rows).toHaveLength(newestFirst.length);
    rows.forEach((row, i) => {
      const entry = newestFirst[i]!;
      const cells = within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
      expect(cells[0]).toBe(time.format(new Date(entry.at)));
      expect(cells[5]).toBe(entry.detail);
    });
    // The newest: the founder joined; the oldest: the first owner invited from the command line.
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      expect.any(String),
      '王芳',
      'Joined',
      `Member ${server.members[2]!.id}`,
      'deeplake-ai',
      '王芳 as founder',
    ]);
    expect(
      within(rows.at(-1)!)
        .getAllByRole('cell')
        .slice(1, 5)
        .map((c) => c.textContent),
    ).toEqual(['Server command line', 'Invited', 'Invitation a1b2c3d4e5f60718', '—']);
    expect(server.requests.find((r) => r.path.startsWith('/api/audit?'))?.path).toBe(
      '/api/audit?limit=100',
    );
  });

  it('downloads the whole log as a dated CSV that spreadsheets read as UTF-8', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T12:00:00Z'));
    const { user } = setUp();
    await screen.findByTestId('audit');
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await vi.waitFor(() => expect(downloads.calls).toHaveLength(1));
    const [bytes, name, type] = downloads.calls[0]!;
    expect(name).toBe('moatscore-audit-2026-11-30.csv');
    expect(type).toBe('text/csv;charset=utf-8');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFid,at,actor,actor_id,action,target_type,target_id,deal,detail',
    );
    expect(text).toContain('王芳 as founder');
    expect(screen.getByText('Downloaded moatscore-audit-2026-11-30.csv.')).toBeVisible();
    // The export is logged too, and the table shows it.
    expect(
      await within(screen.getByTestId('audit')).findByRole('cell', { name: 'Exported' }),
    ).toBeVisible();
  });

  it('says why the CSV was not downloaded, and keeps the table', async () => {
    const { user, server } = setUp();
    await screen.findByTestId('audit');
    server.state = 'database-down';
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(
      await within(section('Audit log')).findByText(
        /The CSV was not downloaded\. The team server cannot work right now/,
      ),
    ).toBeVisible();
    expect(downloads.calls).toHaveLength(0);
    expect(within(screen.getByTestId('audit')).getAllByRole('row')).toHaveLength(
      server.audit.length + 1,
    );
  });
});

describe('signing out everywhere', () => {
  it('asks first, then ends every session', async () => {
    const { user, server, onSignedOutEverywhere } = setUp();
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(onSignedOutEverywhere).not.toHaveBeenCalled();
    expect(server.signedIn).not.toBeNull();
    const confirm = screen.getByRole('group', { name: /this one included\?/ });
    await user.click(within(confirm).getByRole('button', { name: 'Yes, sign out everywhere' }));
    await vi.waitFor(() => expect(onSignedOutEverywhere).toHaveBeenCalledTimes(1));
    expect(server.signedIn).toBeNull();
  });

  it('says the owner is still signed in when it fails', async () => {
    const { user, server, onSignedOutEverywhere } = setUp();
    await user.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    server.state = 'offline';
    await user.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));
    expect(await within(section('Sign out everywhere')).findByRole('alert')).toHaveTextContent(
      'You are still signed in. The team server cannot be reached',
    );
    expect(onSignedOutEverywhere).not.toHaveBeenCalled();
  });
});

describe('in Chinese', () => {
  it('words the whole page, the roles, the actions and the removal', async () => {
    const { user } = setUp('zh');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('团队');
    expect(document.title).toBe('团队 — Moatscore');
    for (const name of ['邀请成员', '成员', '审计日志', '在所有设备上退出登录']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeVisible();
    }
    const members = await screen.findByTestId('members');
    expect(within(members).getByRole('rowheader', { name: 'ops（你）' })).toBeVisible();
    expect(within(members).getAllByRole('cell', { name: '合伙人' })).toHaveLength(1);
    const audit = await screen.findByTestId('audit');
    expect(within(audit).getByRole('cell', { name: '服务器命令行' })).toBeVisible();
    expect(within(audit).getAllByRole('cell', { name: '加入团队' })).toHaveLength(2);

    await user.click(within(members).getByRole('button', { name: '移除 li-wei' }));
    expect(screen.getByText('确定移除 li-wei 吗？其登录会立即失效，其评估会保留。')).toBeVisible();

    await user.selectOptions(screen.getByLabelText('角色'), 'founder');
    await user.click(screen.getByRole('button', { name: '生成邀请链接' }));
    expect(screen.getByLabelText('项目标识')).toHaveAccessibleDescription(/请输入该公司的项目标识/);
  });
});
