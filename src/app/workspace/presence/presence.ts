// Who else has a journey open, on the team server (docs/server.md, "Who has a journey open"): the page
// marks the journey it shows (PUT …/presence answers who is there) and leaves it (DELETE). Presence is a
// hint: anything but a readable list is taken as "nobody to show", never as an error to the user.
import { isPlainObject } from '../../../core/journey';
import { WorkspaceUnreachable, type ApiAnswer, type WorkspaceClient } from '../client';

/** How often the page says it still has the journey open (the server forgets a mark after 60 s). */
export const HEARTBEAT_MS = 20_000;

export interface PresentMember {
  email: string;
  name: string;
  /** When they opened the journey. */
  since: Date;
}

const presencePath = (journeyId: string) => `/journeys/${encodeURIComponent(journeyId)}/presence`;

/** The list the API answers; null when the answer is not one. */
export function readPresence(value: unknown): PresentMember[] | null {
  if (!Array.isArray(value)) return null;
  const members: PresentMember[] = [];
  for (const entry of value) {
    if (!isPlainObject(entry) || typeof entry.email !== 'string' || typeof entry.name !== 'string' || typeof entry.since !== 'string') return null;
    const since = new Date(entry.since);
    if (Number.isNaN(since.getTime())) return null;
    members.push({ email: entry.email, name: entry.name, since });
  }
  return members;
}

async function answered(request: () => Promise<ApiAnswer>): Promise<ApiAnswer | null> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof WorkspaceUnreachable) return null;
    throw error;
  }
}

/** Marks the journey as open; answers who has it open (the caller too), or null when that is not known. */
export async function markPresence(client: WorkspaceClient, journeyId: string): Promise<PresentMember[] | null> {
  const answer = await answered(() => client.call('PUT', presencePath(journeyId)));
  return answer?.status === 200 ? readPresence(answer.body) : null;
}

/** Says the journey is closed (best effort: the mark expires anyway); with `pageGoing`, the request outlives the page. */
export async function leavePresence(client: WorkspaceClient, journeyId: string, pageGoing = false): Promise<void> {
  await answered(() => client.call('DELETE', presencePath(journeyId), pageGoing ? { keepalive: true } : {}));
}

/** The others: everyone but `email` (compared as the server stores addresses, lower-cased). */
export const othersThan = (present: readonly PresentMember[], email: string): PresentMember[] => present.filter((found) => found.email.toLowerCase() !== email.toLowerCase());

/** Up to two letters for an avatar: the first letters of the first and last words of a name ("Ana Lima" → "AL", "王小明" → "王"). */
export function initialsOf(name: string): string {
  const words = name.replace(/@.*$/, '').split(/[\s._-]+/u).filter(Boolean);
  const first = words[0] ? [...words[0]][0] : '';
  const last = words.length > 1 ? [...words[words.length - 1]!][0] : '';
  return `${first ?? ''}${last ?? ''}`.toLocaleUpperCase() || '?';
}

/** One of AVATAR_COLOURS, the same for an address every time. */
export const AVATAR_COLOURS = 6;
export function avatarColourOf(email: string): number {
  let hash = 0;
  for (const char of email.toLowerCase()) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % AVATAR_COLOURS;
}
