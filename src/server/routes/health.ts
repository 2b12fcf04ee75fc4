import { z } from 'zod';
import type { ZodApp } from '../context';

export function healthRoutes(app: ZodApp): void {
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['server'], summary: 'Whether the server answers', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async () => ({ ok: true as const }),
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { tags: ['server'], summary: 'This API as an OpenAPI document', hide: true } }, async () => app.swagger());
}
