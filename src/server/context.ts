// What every route works with: the database, the clock and the settings buildServer was given.
import type { FastifyInstance, FastifyBaseLogger, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WorkspaceDatabase } from './db';
import type { PresenceBoard } from './presence';
import type { PasswordCost } from './secrets';

export type ZodApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export interface ServerContext {
  db: WorkspaceDatabase;
  /** The server's clock (tests move it). */
  now: () => Date;
  passwordCost: PasswordCost;
  /** How long a session lasts after sign-in, in milliseconds. */
  sessionLifetimeMs: number;
  /** Whether the session cookie is marked Secure: always, never, or when the request came over https. */
  secureCookies: boolean | 'auto';
  /** Sign-in attempts allowed per address and e-mail address in `loginWindowMs`. */
  loginAttempts: number;
  loginWindowMs: number;
  /** The largest document body (journey, cohort, scenario, lesson), in bytes. */
  documentBodyLimit: number;
  /** Who has which journey open (in memory: see presence.ts). */
  presence: PresenceBoard;
}
