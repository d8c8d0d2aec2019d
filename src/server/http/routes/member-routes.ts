import { listMembers, removeMember } from '../../store/members-store';
import { errorBody, memberParams } from '../api-schemas';
import { memberRoute, type Route } from '../route';

export const memberRoutes: Route[] = [
  memberRoute(
    {
      method: 'GET',
      path: '/api/members',
      summary: 'Every current member',
      tag: 'members',
      access: ['owner'],
      responses: { 200: { description: 'members, oldest first' } },
    },
    async ({ context }) => ({ members: await listMembers(context.db) }),
  ),
  memberRoute(
    {
      method: 'DELETE',
      path: '/api/members/:id',
      summary: 'Remove a member: their sessions end at once; their assessments stay',
      tag: 'members',
      access: ['owner'],
      params: memberParams,
      responses: {
        204: { description: 'removed' },
        404: { description: 'no such member', schema: errorBody },
        409: { description: 'the last owner', schema: errorBody },
      },
    },
    async ({ params, member, reply, context }) => {
      await removeMember(context.db, member, params.id);
      reply.code(204);
      return null;
    },
  ),
];
