// journey-lab serve: the team server (src/server) on one port, the built app beside its API, the
// workspace in PGlite under --data (default) or in PostgreSQL (--database / DATABASE_URL).
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { errorDetail } from '../core/sim/engine';
import { buildServer } from '../server/app';
import { bootstrap } from '../server/bootstrap';
import { databaseLocation, openDatabase, type DatabaseLocation } from '../server/db';
import { EXIT, UsageError, type CliIo } from './commandIo';
import { cliText, languageChoices, type CliLanguage } from './i18n';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const BUILT_APP = path.join(REPOSITORY, 'dist');
export const DEFAULT_PORT = 8787;
export const DEFAULT_DATA_DIR = 'journey-lab-data';

/**
 * Where vite's command line is: the file its package.json names as its `vite` bin. (Its files are not
 * all exported: resolving `vite/bin/vite.js` itself is refused by vite 8's `exports`.)
 */
export function viteCli(): string {
  const manifest = createRequire(import.meta.url).resolve('vite/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(manifest), bin.vite!);
}

/** Builds the app with vite when there is no build yet (a fresh clone); false when the build failed. */
function ensureBuilt(appDir: string, lang: CliLanguage, io: CliIo): boolean {
  if (existsSync(path.join(appDir, 'index.html'))) return true;
  const text = cliText(lang);
  io.stderr(`${text('serve.building', { dir: appDir })}\n`);
  const vite = viteCli();
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: REPOSITORY, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status === 0 && existsSync(path.join(appDir, 'index.html'))) return true;
  io.stderr(`${text('serve.buildFailed', { status: String(built.status ?? built.signal) })}\n`);
  return false;
}

const describeDatabase = (location: DatabaseLocation, lang: CliLanguage): string =>
  location.kind === 'postgres' ? cliText(lang)('serve.databasePostgres') : cliText(lang)('serve.databasePglite', { dir: location.dataDir ?? '' });

/** What the command needs besides its arguments; tests give their own app directory and stop signal. */
export interface ServeSetup {
  /** The built app (index.html and assets); the repository's dist/ when left out, built first if missing. */
  appDir?: string;
  /** Resolves when the server should stop (SIGINT or SIGTERM when left out). */
  until?: Promise<unknown>;
  /** Called with the address once the server listens. */
  onListening?: (url: string) => void;
}

const signalled = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

export async function serveCommand(args: string[], lang: CliLanguage, io: CliIo, setup: ServeSetup = {}): Promise<number> {
  const text = cliText(lang);
  const usage = text('serve.usage', { languages: languageChoices() });
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      database: { type: 'string' },
    },
  });
  if (values.help) return io.stdout(`${usage}\n`), EXIT.ok;
  if (positionals.length > 0) throw new UsageError(text('tooManyArguments'), usage);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? String(DEFAULT_PORT)) || port > 65_535) throw new UsageError(text('serve.badPort', { port: values.port ?? '' }), usage);
  const host = values.host ?? '127.0.0.1';

  const appDir = setup.appDir ?? BUILT_APP;
  if (!ensureBuilt(appDir, lang, io)) return EXIT.failed;

  const location = databaseLocation({ database: values.database, data: values.data ?? DEFAULT_DATA_DIR, env: io.env });
  const database = describeDatabase(location, lang);
  let db;
  try {
    db = await openDatabase(location);
  } catch (error) {
    io.stderr(`${text('serve.cannotOpen', { database, detail: errorDetail(error) })}\n`);
    return EXIT.failed;
  }
  try {
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const started = await bootstrap(db, io.env, new Date());
    const app = await buildServer({ db, staticRoot: appDir, logger: { level: 'warn' }, trustProxy: io.env.JOURNEY_LAB_TRUST_PROXY === '1' });
    let address: string;
    try {
      address = await app.listen({ port, host });
    } catch (error) {
      // A port taken by another program, or one this user may not open: the user's to fix, not a fault of ours.
      const code = (error as { code?: unknown }).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error;
      await app.close();
      io.stderr(`${text('serve.cannotListen', { address: url, code })}\n`);
      return EXIT.failed;
    }
    const listening = port === 0 ? address : url;
    if (started.kind === 'admin-created') io.stderr(`${text('serve.adminCreated', { email: started.email })}\n`);
    if (started.kind === 'bad-admin') io.stderr(`${text('serve.badAdmin', { field: started.field })}\n`);
    // Without a valid administrator from the environment, the set-up token is the way in.
    const setupWith = started.kind === 'bad-admin' ? await bootstrap(db, {}, new Date()) : started;
    if (setupWith.kind === 'setup') {
      const body = JSON.stringify({ token: setupWith.token, email: 'you@example.com', password: '…' });
      io.stderr(`${text('serve.setup', { command: `curl -X POST ${listening}/api/setup -H 'Content-Type: application/json' -d '${body}'` })}\n`);
    }
    io.stderr(`${text('serve.listening', { url: listening, database })}\n`);
    setup.onListening?.(listening);
    await (setup.until ?? signalled());
    await app.close();
    io.stderr(`${text('serve.stopped')}\n`);
    return EXIT.ok;
  } finally {
    await db.destroy();
  }
}
