import { deleteRubric, listRubrics, saveRubric } from '../../store/rubrics-store';
import { errorBody, rubricFileSchema, rubricParams } from '../api-schemas';
import { HttpError } from '../http-error';
import { memberRoute, type Route } from '../route';

export const rubricRoutes: Route[] = [
  memberRoute(
    {
      method: 'GET',
      path: '/api/rubrics',
      summary: "The fund's own rubrics",
      tag: 'rubrics',
      access: 'signed-in',
      responses: { 200: { description: 'rubrics by id' } },
    },
    async ({ context }) => ({ rubrics: await listRubrics(context.db) }),
  ),
  memberRoute(
    {
      method: 'PUT',
      path: '/api/rubrics/:id',
      summary: 'Add or replace a rubric, checked by every rubric rule',
      tag: 'rubrics',
      access: ['owner'],
      params: rubricParams,
      body: rubricFileSchema,
      bodyLimit: 512 * 1024,
      responses: {
        200: { description: 'saved' },
        400: { description: 'invalid rubric', schema: errorBody },
      },
    },
    async ({ params, body, member, context }) => {
      if (body.id !== params.id)
        throw new HttpError(
          422,
          `the rubric's id "${body.id}" differs from the address (${params.id})`,
        );
      return saveRubric(context.db, member, body);
    },
  ),
  memberRoute(
    {
      method: 'DELETE',
      path: '/api/rubrics/:id',
      summary: 'Delete a rubric (assessments keep their own snapshot)',
      tag: 'rubrics',
      access: ['owner'],
      params: rubricParams,
      responses: {
        204: { description: 'deleted' },
        404: { description: 'no such rubric', schema: errorBody },
      },
    },
    async ({ params, member, reply, context }) => {
      await deleteRubric(context.db, member, params.id);
      reply.code(204);
      return null;
    },
  ),
];
