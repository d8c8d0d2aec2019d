import { listVisibleInDeal } from '../../store/assessment-records';
import { deleteDeal, findDeal, listDeals, revealDeal } from '../../store/deals-store';
import { dealDetailBody, dealParams, errorBody } from '../api-schemas';
import { notFound } from '../http-error';
import { memberRoute, type Route } from '../route';

export const dealRoutes: Route[] = [
  memberRoute(
    {
      method: 'GET',
      path: '/api/deals',
      summary: 'Deals the caller can see (founders: their own), with counts but no scores',
      tag: 'deals',
      access: 'signed-in',
      responses: { 200: { description: 'deals, newest first' } },
    },
    async ({ member, context }) => ({ deals: await listDeals(context.db, member) }),
  ),
  memberRoute(
    {
      method: 'GET',
      path: '/api/deals/:key',
      summary:
        "A deal with every assessment the caller may see: their own, and others' once blind scoring allows",
      tag: 'deals',
      access: 'signed-in',
      params: dealParams,
      responses: {
        200: { description: 'the deal and the visible assessments', schema: dealDetailBody },
        404: { description: 'no such deal, or not the caller’s', schema: errorBody },
      },
    },
    async ({ params, member, context }) => {
      const deal = await findDeal(context.db, member, params.key);
      if (deal === null) throw notFound('deal');
      return { deal, assessments: await listVisibleInDeal(context.db, member, params.key) };
    },
  ),
  memberRoute(
    {
      method: 'POST',
      path: '/api/deals/:key/reveal',
      summary: "Reveal a deal: every partner sees the others' submitted assessments",
      tag: 'deals',
      access: ['owner'],
      params: dealParams,
      responses: {
        204: { description: 'revealed (or already was)' },
        404: { description: 'no such deal', schema: errorBody },
      },
    },
    async ({ params, member, reply, context }) => {
      await revealDeal(context.db, member, params.key);
      reply.code(204);
      return null;
    },
  ),
  memberRoute(
    {
      method: 'DELETE',
      path: '/api/deals/:key',
      summary: 'Delete a deal and every assessment in it',
      tag: 'deals',
      access: ['owner'],
      params: dealParams,
      responses: {
        204: { description: 'deleted' },
        404: { description: 'no such deal', schema: errorBody },
      },
    },
    async ({ params, member, reply, context }) => {
      await deleteDeal(context.db, member, params.key);
      reply.code(204);
      return null;
    },
  ),
];
