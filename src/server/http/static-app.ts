import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built app from `dir`, and index.html for any other page path so
 * the app's own routes work on reload. Hashed assets are cached for a year;
 * index.html never, so a new build is picked up at once. Unknown /api paths
 * stay JSON 404s.
 */
export async function installStaticApp(app: FastifyInstance, dir: string | null): Promise<void> {
  const built = dir !== null && existsSync(join(dir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      index: 'index.html',
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
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
