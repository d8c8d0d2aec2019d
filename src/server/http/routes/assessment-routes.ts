import { findVisibleAssessment, listOwnAssessments } from '../../store/assessment-records';
import { deleteAssessment, submitAssessment } from '../../store/submit-assessment';
import { writeAssessment } from '../../store/write-assessment';
import {
  assessmentRecordBody,
  conflictBody,
  errorBody,
  idParams,
  submitBody,
  writeAssessmentBody,
} from '../api-schemas';
import { notFound } from '../http-error';
import { memberRoute, type Route } from '../route';

/** A full assessment is about 60 KB with its rubric snapshot; a generous cap that still stops abuse. */
const ASSESSMENT_BODY_LIMIT = 1024 * 1024;

export const assessmentRoutes: Route[] = [
  memberRoute(
    {
      method: 'GET',
      path: '/api/assessments',
      summary: "The caller's own assessments: id, deal, revision (what a sync client compares)",
      tag: 'assessments',
      access: 'signed-in',
      responses: { 200: { description: 'own assessments, newest first' } },
    },
    async ({ member, context }) => ({ assessments: await listOwnAssessments(context.db, member) }),
  ),
  memberRoute(
    {
      method: 'GET',
      path: '/api/assessments/:id',
      summary: 'One assessment, if the caller may see it',
      tag: 'assessments',
      access: 'signed-in',
      params: idParams,
      responses: {
        200: { description: 'the assessment', schema: assessmentRecordBody },
        404: { description: 'no such assessment, or hidden by blind scoring', schema: errorBody },
      },
    },
    async ({ params, member, context }) => {
      const record = await findVisibleAssessment(context.db, member, params.id);
      if (record === null) throw notFound('assessment');
      return record;
    },
  ),
  memberRoute(
    {
      method: 'PUT',
      path: '/api/assessments/:id',
      summary: 'Create or update the caller’s own assessment, based on a revision (0 creates)',
      tag: 'assessments',
      access: 'signed-in',
      params: idParams,
      body: writeAssessmentBody,
      bodyLimit: ASSESSMENT_BODY_LIMIT,
      responses: {
        200: {
          description: 'saved; a retry with the same writeId returns the same',
          schema: assessmentRecordBody,
        },
        400: { description: 'the body or the assessment is invalid', schema: errorBody },
        409: {
          description: "conflict: the server's current version, to keep as a copy",
          schema: conflictBody,
        },
      },
    },
    async ({ params, body, member, context }) =>
      writeAssessment(context.db, member, { id: params.id, ...body }),
  ),
  memberRoute(
    {
      method: 'POST',
      path: '/api/assessments/:id/submit',
      summary: 'Submit a complete assessment: final, and shared with the fund under blind scoring',
      tag: 'assessments',
      access: 'signed-in',
      params: idParams,
      body: submitBody,
      responses: {
        200: { description: 'submitted (or already was)', schema: assessmentRecordBody },
        409: { description: 'the revision is not the server’s', schema: conflictBody },
        422: { description: 'incomplete', schema: errorBody },
      },
    },
    async ({ params, body, member, context }) =>
      submitAssessment(context.db, member, params.id, body.revision),
  ),
  memberRoute(
    {
      method: 'DELETE',
      path: '/api/assessments/:id',
      summary: 'Delete an assessment: the author’s draft, or any one by an owner',
      tag: 'assessments',
      access: 'signed-in',
      params: idParams,
      responses: {
        204: { description: 'deleted' },
        404: { description: 'not found or not the caller’s', schema: errorBody },
      },
    },
    async ({ params, member, reply, context }) => {
      await deleteAssessment(context.db, member, params.id);
      reply.code(204);
      return null;
    },
  ),
];
