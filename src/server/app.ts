// The server as a Fastify instance: buildServer({ db }) gives one ready for app.inject in tests, or for
// listen (src/cli/serve.ts). The API is under /api; with `staticRoot` the built app is served beside it.
import Fastify, { type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_DOCUMENT_CHARS } from '../core/journey';
import { authenticate } from './auth';
import type { ServerContext, ZodApp } from './context';
import type { WorkspaceDatabase } from './db';
import { handleError, refusals, sendError } from './errors';
import { PresenceBoard } from './presence';
import { accountRoutes } from './routes/account';
import { auditRoutes } from './routes/audit';
import { healthRoutes } from './routes/health';
import { memberRoutes } from './routes/members';
import { presenceRoutes } from './routes/presence';
import { resourceRoutes } from './routes/resources';
import { reviewRoutes } from './routes/review';
import { sessionRoutes } from './routes/session';
import { DEFAULT_PASSWORD_COST, type PasswordCost } from './secrets';
import { serveApp } from './static';

export interface ServerOptions {
  db: WorkspaceDatabase;
  /** The built app to serve beside the API (a directory with index.html); none: the API only. */
  staticRoot?: string;
  now?: () => Date;
  passwordCost?: PasswordCost;
  sessionLifetimeMs?: number;
  secureCookies?: boolean | 'auto';
  loginAttempts?: number;
  loginWindowMs?: number;
  documentBodyLimit?: number;
  /** Fastify's logger option: off unless asked for (serve turns it on). */
  logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-* from a reverse proxy (client address for the rate limit, https for Secure cookies). */
  trustProxy?: boolean;
}

/** Every body but a document's is small: a sign-in, a role, a comment. */
const SMALL_BODY_LIMIT = 64 * 1024;

export async function buildServer(options: ServerOptions): Promise<ZodApp> {
  const context: ServerContext = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    passwordCost: options.passwordCost ?? DEFAULT_PASSWORD_COST,
    sessionLifetimeMs: options.sessionLifetimeMs ?? 7 * 24 * 3_600_000,
    secureCookies: options.secureCookies ?? 'auto',
    loginAttempts: options.loginAttempts ?? 10,
    loginWindowMs: options.loginWindowMs ?? 15 * 60_000,
    // A document of MAX_DOCUMENT_CHARS characters is at least as many bytes: a body over this is over the limit.
    documentBodyLimit: options.documentBodyLimit ?? MAX_DOCUMENT_CHARS,
    presence: new PresenceBoard(),
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: SMALL_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // What the router refuses before any route or hook runs (an address that is not valid percent-encoding):
    // answered in the API's error shape too, not Fastify's own.
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('member', null);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: () => refusalOfRate() });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Journey Lab team server', version: '1', description: 'One server is one team workspace. See docs/server.md.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'journey_lab_session', description: 'With X-CSRF-Token on every state-changing request.' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.addHook('onRequest', authenticate(context));
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  healthRoutes(app);
  sessionRoutes(app, context);
  memberRoutes(app, context);
  accountRoutes(app, context);
  resourceRoutes(app, context);
  reviewRoutes(app, context);
  presenceRoutes(app, context);
  auditRoutes(app, context);

  if (options.staticRoot) await serveApp(app, options.staticRoot);
  app.setNotFoundHandler((request, reply) => {
    if (options.staticRoot && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return sendError(reply, refusals.notFound());
  });
  await app.ready();
  return app;
}

const refusalOfRate = () => Object.assign(new Error('rate-limited'), { statusCode: 429 });
