// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TeamMember } from '../../../src/adapters/team-api';
import type { Lang } from '../../../src/core/vocabulary';
import type { Connection as TeamConnection } from '../../../src/adapters/team-sync';
import { TeamBadge } from '../../../src/ui/team/team-badge';
import { renderIn } from './render-team';

afterEach(cleanup);

const owner: TeamMember = { id: 'm1', username: 'li-wei', role: 'owner', deal: null };
const partner: TeamMember = { id: 'm2', username: '王芳', role: 'partner', deal: null };

function show(connection: TeamConnection, queued: number, lang: Lang = 'en', member = owner) {
  const onOpenTeam = vi.fn<() => void>();
  const onSignOut = vi.fn<() => void>();
  const view = renderIn(
    lang,
    <TeamBadge
      member={member}
      connection={connection}
      queued={queued}
      onOpenTeam={onOpenTeam}
      onSignOut={onSignOut}
    />,
  );
  return { onOpenTeam, onSignOut, ...view };
}

/** What a person reads for each state, with nothing queued, one change, and several. */
const WORDING: Record<Lang, Record<TeamConnection, [string, string, string]>> = {
  en: {
    online: ['Synced', 'Sending 1 change…', 'Sending 3 changes…'],
    syncing: ['Syncing…', 'Sending 1 change…', 'Sending 3 changes…'],
    offline: [
      'Offline — your work is kept on this device',
      'Offline — 1 change kept on this device, sent when back',
      'Offline — 3 changes kept on this device, sent when back',
    ],
    unavailable: [
      'Server unavailable — your work is kept on this device',
      'Server unavailable — 1 change kept on this device, sent when it is back',
      'Server unavailable — 3 changes kept on this device, sent when it is back',
    ],
    'signed-out': [
      'Signed out — sign in to sync',
      'Signed out — sign in to send 1 change',
      'Signed out — sign in to send 3 changes',
    ],
  },
  zh: {
    online: ['已同步', '正在发送 1 项更改……', '正在发送 3 项更改……'],
    syncing: ['正在同步……', '正在发送 1 项更改……', '正在发送 3 项更改……'],
    offline: [
      '离线：内容已保存在本设备',
      '离线：1 项更改已保存在本设备，联网后自动发送',
      '离线：3 项更改已保存在本设备，联网后自动发送',
    ],
    unavailable: [
      '服务器暂不可用：内容已保存在本设备',
      '服务器暂不可用：1 项更改已保存在本设备，服务器恢复后自动发送',
      '服务器暂不可用：3 项更改已保存在本设备，服务器恢复后自动发送',
    ],
    'signed-out': [
      '已退出登录：登录后即可同步',
      '已退出登录：登录后即可发送 1 项更改',
      '已退出登录：登录后即可发送 3 项更改',
    ],
  },
};

describe('the team badge', () => {
  for (const lang of ['en', 'zh'] as const) {
    for (const [connection, [none, one, several]] of Object.entries(WORDING[lang])) {
      it(`says where the work is when ${connection} (${lang})`, () => {
        const counts = [0, 1, 3] as const;
        counts.forEach((queued, i) => {
          show(connection as TeamConnection, queued, lang);
          const status = screen.getByTestId('sync-status');
          expect(status).toHaveAttribute('role', 'status');
          expect(status.textContent).toBe([none, one, several][i]);
          cleanup();
        });
      });
    }
  }

  it('keeps one live region and rewords it as the connection changes', () => {
    const props = { member: owner, onOpenTeam: () => {}, onSignOut: () => {} };
    const { rerenderIn } = renderIn('en', <TeamBadge {...props} connection="online" queued={0} />);
    const status = screen.getByRole('status');
    rerenderIn('en', <TeamBadge {...props} connection="offline" queued={2} />);
    expect(screen.getByRole('status')).toBe(status);
    expect(status).toHaveTextContent('Offline — 2 changes kept on this device, sent when back');
    rerenderIn('zh', <TeamBadge {...props} connection="offline" queued={2} />);
    expect(status).toHaveTextContent('离线：2 项更改已保存在本设备，联网后自动发送');
  });

  it('names who is signed in, with Team and Sign out behind the name for an owner', async () => {
    const { user, onOpenTeam, onSignOut } = show('online', 0);
    const who = screen.getByRole('button', { name: /^li-wei Owner/ });
    expect(who).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Team' })).toBeNull();

    await user.click(who);
    expect(who).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', { name: 'Team' }));
    expect(onOpenTeam).toHaveBeenCalledTimes(1);
    expect(who).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Team' })).toBeNull();

    await user.click(who);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledTimes(1);
    expect(onOpenTeam).toHaveBeenCalledTimes(1);
  });

  it('closes its menu on Escape and gives the focus back to the name', async () => {
    const { user, onSignOut } = show('offline', 2);
    const who = screen.getByRole('button', { name: /^li-wei Owner/ });
    await user.click(who);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Team' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(who).toHaveFocus();
    expect(who).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(onSignOut).not.toHaveBeenCalled();
  });

  it('offers a partner no Team page, in Chinese', async () => {
    const { user, onSignOut, onOpenTeam } = show('online', 0, 'zh', partner);
    expect(screen.getByRole('group', { name: '团队账号' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: /^王芳 合伙人/ }));
    expect(screen.queryByRole('button', { name: '团队' })).toBeNull();
    await user.click(screen.getByRole('button', { name: '退出登录' }));
    expect(onSignOut).toHaveBeenCalledTimes(1);
    expect(onOpenTeam).not.toHaveBeenCalled();
  });
});
