// The built app (dist/) on the same port as the API, under the same Content-Security-Policy its
// index.html carries as a meta tag (vite.config.ts writes it), sent as a header with `connect-src
// 'self'` — the app talks to this server and nothing else — and `frame-ancestors 'none'`, which only a
// header can say. The index.html it serves names the API in a meta tag (workspaceMarker), so the page
// knows it is a team workspace; the same build served by `npm start` has no marker and stays local-only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The meta tag's name; src/app/workspace/marker.ts reads it. */
export const WORKSPACE_META_NAME = 'journey-lab-workspace';
/** Where the API is, as the marker says it: same origin, so the page's CSP (connect-src 'self') holds. */
export const WORKSPACE_API_BASE = '/api';
export const workspaceMarker = `<meta name="${WORKSPACE_META_NAME}" content="${WORKSPACE_API_BASE}" />`;

/** The policy of the build's meta tag, with connect-src 'self' and frame-ancestors 'none' made sure of. */
export function contentSecurityPolicy(indexHtml: string): string {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(indexHtml);
  const directives = (meta?.[1] ?? "default-src 'self'")
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && !/^(connect-src|frame-ancestors)\b/.test(directive));
  return [...directives, "connect-src 'self'", "frame-ancestors 'none'"].join('; ');
}

/**
 * index.html with the workspace marker: right after the policy's meta tag (or the charset's), before any
 * script, so the entry script finds it; nothing else of the page changes.
 */
export function withWorkspaceMarker(indexHtml: string): string {
  if (indexHtml.includes(`name="${WORKSPACE_META_NAME}"`)) return indexHtml;
  const anchor = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i.exec(indexHtml) ?? /<meta\s+charset[^>]*>/i.exec(indexHtml) ?? /<head[^>]*>/i.exec(indexHtml);
  if (!anchor) return `${workspaceMarker}\n${indexHtml}`;
  const end = anchor.index + anchor[0].length;
  return `${indexHtml.slice(0, end)}\n    ${workspaceMarker}${indexHtml.slice(end)}`;
}

const isHtml = (contentType: unknown): boolean => typeof contentType === 'string' && contentType.startsWith('text/html');

/** Serves `root` (a vite build); paths that are not files get index.html (the app routes by its hash). */
export async function serveApp(app: FastifyInstance, root: string): Promise<void> {
  const indexHtml = readFileSync(path.join(root, 'index.html'), 'utf8');
  const policy = contentSecurityPolicy(indexHtml);
  const markedIndexHtml = withWorkspaceMarker(indexHtml);
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/')) return payload;
    reply.header('Content-Security-Policy', policy);
    // The build's only page is index.html, whether asked for or the fallback of an unknown path: every
    // HTML answer is it, sent marked. Its file's validators describe the unmarked file, so they go.
    if (reply.statusCode !== 200 || !isHtml(reply.getHeader('content-type'))) return payload;
    reply.removeHeader('etag').removeHeader('last-modified').removeHeader('content-length');
    // The file's stream is not sent: close it, or its descriptor stays open.
    if (payload instanceof Readable) payload.destroy();
    return markedIndexHtml;
  });
  await app.register(fastifyStatic, { root, index: ['index.html'], wildcard: true, cacheControl: true, maxAge: 0 });
}
