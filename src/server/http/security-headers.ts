import type { FastifyRequest } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../../core/content-security-policy';

/** The app's own policy, plus: no page of ours may be framed (clickjacking). */
export const SERVER_CSP = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * Sent on every response, API and files alike. HSTS only over https: the
 * request's protocol comes from X-Forwarded-Proto only when the server was
 * told to trust its proxy, so a client cannot claim https by itself.
 */
export function securityHeaders(request: FastifyRequest): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': SERVER_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
  if (request.protocol === 'https') {
    headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  }
  return headers;
}
