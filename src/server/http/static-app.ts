import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { TEAM_SERVER_META } from '../../core/team-server-meta';

/**
 * Serves the built app from `dir`, and index.html for any other page path so
 * the app's own routes work on reload. index.html is marked as served by a
 * team server (a meta tag), so the app offers signing in here and nowhere
 * else. Hashed assets are cached for a year; index.html never, so a new
 * build is picked up at once. Unknown /api paths stay JSON 404s.
 */
export async function installStaticApp(app: FastifyInstance, dir: string | null): Promise<void> {
  const built = dir !== null && existsSync(join(dir, 'index.html'));
  const page = built ? markedIndex(readFileSync(join(dir, 'index.html'), 'utf8')) : null;
  const sendPage = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page);
  if (built) {
    for (const path of ['/', '/index.html']) app.get(path, (_request, reply) => sendPage(reply));
    await app.register(fastifyStatic, {
      root: dir,
      index: false,
      setHeaders: (res, path) => {
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/') || !['GET', 'HEAD'].includes(request.method)) {
      return reply.code(404).send({ message: `no such endpoint: ${request.method} ${path}` });
    }
    if (!built) {
      return reply
        .code(404)
        .send({ message: 'the app is not built on this server; run npm run build first' });
    }
    return sendPage(reply);
  });
}

/** index.html with the team server's mark in its head. */
export function markedIndex(html: string): string {
  const meta = `<meta name="${TEAM_SERVER_META}" content="1">`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${meta}</head>`) : `${meta}${html}`;
}
