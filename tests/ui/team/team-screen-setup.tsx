import { vi } from 'vitest';
import { screen } from '@testing-library/react';
import { TeamApi } from '../../../src/adapters/team-api';
import type { Lang } from '../../../src/core/vocabulary';
import TeamScreen from '../../../src/ui/team/team-screen';
import { FakeTeamServer } from './fake-team-server';
import { renderIn } from './render-team';

/** An owner (ops) signed in, a partner and a founder, and a short audit log. */
export function setUp(lang: Lang = 'en') {
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
export function setUpWith(server: FakeTeamServer, lang: Lang = 'en') {
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

export const inviteRequests = (server: FakeTeamServer) =>
  server.requests.filter((r) => r.method === 'POST' && r.path === '/api/invitations');

export const section = (name: string) => screen.getByRole('region', { name }) as HTMLElement;
