// The built app (dist/) on the same port as the API, under the same Content-Security-Policy its
// index.html carries as a meta tag (vite.config.ts writes it), sent as a header with `connect-src
// 'self'` — the app talks to this server and nothing else — and `frame-ancestors 'none'`, which only a
// header can say.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The policy of the build's meta tag, with connect-src 'self' and frame-ancestors 'none' made sure of. */
export function contentSecurityPolicy(indexHtml: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(indexHtml);
  const directives = (meta?.[1] ?? "default-src 'self'")
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && !/^(connect-src|frame-ancestors)\b/.test(directive));
  return [...directives, "connect-src 'self'", "frame-ancestors 'none'"].join('; ');
}

/** Serves `root` (a vite build); paths that are not files get index.html (the app routes by its hash). */
export async function serveApp(app: FastifyInstance, root: string): Promise<void> {
  const indexHtml = readFileSync(path.join(root, 'index.html'), 'utf8');
  const policy = contentSecurityPolicy(indexHtml);
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) reply.header('Content-Security-Policy', policy);
    return payload;
  });
  await app.register(fastifyStatic, { root, index: ['index.html'], wildcard: true, cacheControl: true, maxAge: 0 });
}
