import type { FastifyRequest } from 'fastify';
import { SECURITY_HEADERS } from '../../core/content-security-policy';

/**
 * Sent on every response, API and files alike. HSTS only over https: the
 * request's protocol comes from X-Forwarded-Proto only when the server was
 * told to trust its proxy, so a client cannot claim https by itself.
 */
export function securityHeaders(request: FastifyRequest): Record<string, string> {
  // The headers every host of the app should send (README, "Hosting"), and two more a server can.
  const headers: Record<string, string> = {
    ...Object.fromEntries(
      Object.entries(SECURITY_HEADERS).map(([name, value]) => [name.toLowerCase(), value]),
    ),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
  if (request.protocol === 'https') {
    headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  }
  return headers;
}
