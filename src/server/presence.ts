// Who has which journey open, in the server's memory: a member's page says so every 20 s (PUT …/presence)
// and each mark lasts PRESENCE_TTL_MS, so a closed tab or a lost network drops out within a minute.
// Not in the database: it is a minute's worth of hints that a restart forgets harmlessly (the pages mark
// again on their next heartbeat), and one server is one workspace, so there is no other server to tell.
// Bounded: at most PRESENCE_PER_JOURNEY marks per journey and PRESENCE_TOTAL in all; past a bound the
// mark seen longest ago makes room (presence is advisory: dropping a stale hint loses nothing).

export const PRESENCE_TTL_MS = 60_000;
export const PRESENCE_PER_JOURNEY = 50;
export const PRESENCE_TOTAL = 5_000;

export interface Presence {
  memberId: string;
  email: string;
  name: string;
  /** When the member opened the journey (the first mark of an unbroken series). */
  since: Date;
  /** Their latest mark. */
  lastSeen: Date;
}

export interface PresenceBounds {
  ttlMs: number;
  perJourney: number;
  total: number;
}

export class PresenceBoard {
  /** journey id → member id → presence. */
  private readonly journeys = new Map<string, Map<string, Presence>>();
  private count = 0;

  constructor(private readonly bounds: PresenceBounds = { ttlMs: PRESENCE_TTL_MS, perJourney: PRESENCE_PER_JOURNEY, total: PRESENCE_TOTAL }) {}

  /** Marks `member` as having `journeyId` open at `now`; answers who has it open. */
  mark(journeyId: string, member: { id: string; email: string; name: string }, now: Date): Presence[] {
    this.prune(now);
    let here = this.journeys.get(journeyId);
    const before = here?.get(member.id);
    if (!before) {
      if (here && here.size >= this.bounds.perJourney) this.dropStalest(here, journeyId);
      if (this.count >= this.bounds.total) this.dropStalestOverall();
      // dropStalest may have removed this journey's (emptied) map.
      here = this.journeys.get(journeyId);
      if (!here) this.journeys.set(journeyId, (here = new Map()));
      this.count += 1;
    }
    here!.set(member.id, { memberId: member.id, email: member.email, name: member.name, since: before?.since ?? now, lastSeen: now });
    return this.present(journeyId, now);
  }

  /** The member closed the journey. */
  leave(journeyId: string, memberId: string): void {
    const here = this.journeys.get(journeyId);
    if (here?.delete(memberId)) this.removed(here, journeyId);
  }

  /** A removed member is nowhere any more. */
  forgetMember(memberId: string): void {
    for (const [journeyId, here] of [...this.journeys]) if (here.delete(memberId)) this.removed(here, journeyId);
  }

  /** Who has `journeyId` open at `now`, the earliest first. */
  present(journeyId: string, now: Date): Presence[] {
    this.prune(now);
    return [...(this.journeys.get(journeyId)?.values() ?? [])].sort((a, b) => a.since.getTime() - b.since.getTime() || a.email.localeCompare(b.email));
  }

  /** How many marks are kept (for tests of the bounds). */
  get size(): number {
    return this.count;
  }

  private removed(here: Map<string, Presence>, journeyId: string): void {
    this.count -= 1;
    if (here.size === 0) this.journeys.delete(journeyId);
  }

  private prune(now: Date): void {
    const oldest = now.getTime() - this.bounds.ttlMs;
    for (const [journeyId, here] of [...this.journeys])
      for (const [memberId, presence] of [...here]) if (presence.lastSeen.getTime() <= oldest && here.delete(memberId)) this.removed(here, journeyId);
  }

  private dropStalest(here: Map<string, Presence>, journeyId: string): void {
    const stalest = [...here.values()].reduce((a, b) => (b.lastSeen < a.lastSeen ? b : a));
    here.delete(stalest.memberId);
    this.removed(here, journeyId);
  }

  private dropStalestOverall(): void {
    let found: { journeyId: string; here: Map<string, Presence>; presence: Presence } | null = null;
    for (const [journeyId, here] of this.journeys)
      for (const presence of here.values()) if (!found || presence.lastSeen < found.presence.lastSeen) found = { journeyId, here, presence };
    if (!found) return;
    found.here.delete(found.presence.memberId);
    this.removed(found.here, found.journeyId);
  }
}
