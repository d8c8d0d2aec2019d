// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCALES } from '../../../src/i18n/t';
import { FakeTeamServer, json } from './fake-team-server';
import { section, setUp, setUpWith } from './team-screen-setup';

afterEach(cleanup);

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
