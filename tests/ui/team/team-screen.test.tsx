// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCALES } from '../../../src/i18n/t';
import { section, setUp } from './team-screen-setup';

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
    expect(
      screen.getByText('确定移除 li-wei 吗？对方的登录将立即失效，已做的评估会保留。'),
    ).toBeVisible();

    await user.selectOptions(screen.getByLabelText('角色'), 'founder');
    await user.click(screen.getByRole('button', { name: '生成邀请链接' }));
    expect(screen.getByLabelText('项目标识')).toHaveAccessibleDescription(/请输入该公司的项目标识/);
  });
});
