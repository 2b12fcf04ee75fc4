// A journey's versions on the team server (docs/server.md): the list (who, when, what), one version as
// it was saved, read as the app reads any journey (older formats migrated), and restore — the old
// version written again as the newest, naming in If-Match the version it replaces, so a restore never
// overwrites a save it has not seen. The server's refusals come back in its own words.
import { isPlainObject, readJourneyDocument, type JourneyDocument } from '../../../core/journey';
import { message, type Message } from '../../../core/i18n';
import { answerOrUnreachable, errorCode, errorMessage, etagOfVersion, versionOfEtag, type ApiAnswer, type WorkspaceClient } from '../client';
import { workspaceMessages } from '../messages';

export const versionActions = ['create', 'update', 'delete', 'restore'] as const;
export type VersionAction = (typeof versionActions)[number];

export interface JourneyVersion {
  version: number;
  action: VersionAction;
  /** When it was written, in ms since the epoch. */
  createdAt: number;
  /** E-mail address of who wrote it; null when the server does not know (written by a set-up script, say). */
  createdBy: string | null;
}

export type Asked<T> = { ok: true; value: T } | { ok: false; message: Message; stale?: boolean };

const isAction = (value: unknown): value is VersionAction => typeof value === 'string' && (versionActions as readonly string[]).includes(value);

/** One entry of the versions list as the API describes it; null when it is not one. */
function readVersion(value: unknown): JourneyVersion | null {
  if (!isPlainObject(value)) return null;
  const { version, action, createdAt, createdBy } = value;
  const at = typeof createdAt === 'string' ? Date.parse(createdAt) : NaN;
  if (typeof version !== 'number' || !Number.isInteger(version) || !isAction(action) || Number.isNaN(at)) return null;
  return { version, action, createdAt: at, createdBy: typeof createdBy === 'string' ? createdBy : null };
}

/** The versions list, newest first; null when the answer is not one. */
export function readVersions(value: unknown): JourneyVersion[] | null {
  if (!Array.isArray(value)) return null;
  const versions = value.map(readVersion);
  return versions.every((entry) => entry !== null) ? (versions as JourneyVersion[]).sort((a, b) => b.version - a.version) : null;
}

const journeyPath = (journeyId: string) => `/journeys/${encodeURIComponent(journeyId)}`;

async function ask<T>(request: () => Promise<ApiAnswer>, read: (answer: ApiAnswer) => Asked<T>): Promise<Asked<T>> {
  const answer = await answerOrUnreachable(request());
  if ('unreachable' in answer) return { ok: false, message: answer.unreachable };
  if (answer.status !== 200) return { ok: false, message: errorMessage(answer), stale: answer.status === 412 || errorCode(answer) === 'stale' };
  return read(answer);
}

const badAnswer = { ok: false, message: workspaceMessages.badAnswer } as const;

/** Every version of the journey, newest first. */
export const fetchVersions = (client: WorkspaceClient, journeyId: string): Promise<Asked<JourneyVersion[]>> =>
  ask(
    () => client.call('GET', `${journeyPath(journeyId)}/versions`),
    (answer) => {
      const versions = readVersions(answer.body);
      return versions ? { ok: true, value: versions } : badAnswer;
    },
  );

/** A version that this app cannot read as a journey (saved by a newer one, say). */
export const unreadableVersion = (version: number): Message => message('app.workspace.history.unreadable', { version });

/** One version as it was saved, read as a journey of today's format. */
export const fetchVersion = (client: WorkspaceClient, journeyId: string, version: number): Promise<Asked<JourneyDocument>> =>
  ask(
    () => client.call('GET', `${journeyPath(journeyId)}/versions/${version}`),
    (answer) => {
      const { document } = readJourneyDocument(answer.body);
      return document ? { ok: true, value: document } : { ok: false, message: unreadableVersion(version) };
    },
  );

/**
 * Writes `version` again as the newest, in place of `current` (the newest the member has seen): a
 * refusal with `stale` means someone saved meanwhile and nothing was restored. Answers the new version's number.
 */
export const restoreVersion = (client: WorkspaceClient, journeyId: string, version: number, current: number): Promise<Asked<number>> =>
  ask(
    () => client.call('POST', `${journeyPath(journeyId)}/versions/${version}/restore`, { ifMatch: etagOfVersion(current) }),
    (answer) => {
      const restored = versionOfEtag(answer.etag);
      return restored === null ? badAnswer : { ok: true, value: restored };
    },
  );
