import type { Route } from './route';
import { assessmentRoutes } from './routes/assessment-routes';
import { auditRoutes } from './routes/audit-routes';
import { dealRoutes } from './routes/deal-routes';
import { invitationRoutes } from './routes/invitation-routes';
import { memberRoutes } from './routes/member-routes';
import { rubricRoutes } from './routes/rubric-routes';
import { sessionRoutes } from './routes/session-routes';
import { systemRoutes } from './routes/system-routes';

/** Every API route. The server registers these, the OpenAPI document lists them, the access tests walk them. */
export const ROUTES: readonly Route[] = [
  ...sessionRoutes,
  ...invitationRoutes,
  ...memberRoutes,
  ...dealRoutes,
  ...assessmentRoutes,
  ...rubricRoutes,
  ...auditRoutes,
  ...systemRoutes(() => ROUTES),
];
