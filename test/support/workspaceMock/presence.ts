// The mock team server's who has a journey open (presence), answered as src/server does (see ../workspaceServer.ts):
// any signed-in member marks (PUT, CSRF) and leaves (DELETE) a journey; GET and PUT answer who is there, the caller
// included, the earliest first; a mark lasts 60 s of the real clock (tests fake only the page's timers).
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { MockKit } from '../workspaceServer';

const TTL_MS = 60_000;

interface Mark {
  email: string;
  name: string;
  since: number;
  lastSeen: number;
}

export const presenceHandlers = (kit: MockKit): HttpHandler[] => {
  /** journey id → member id → mark. */
  const board = new Map<string, Map<string, Mark>>();
  const present = (id: string) => {
    const here = board.get(id) ?? new Map<string, Mark>();
    for (const [memberId, mark] of here) if (mark.lastSeen <= Date.now() - TTL_MS) here.delete(memberId);
    return [...here.values()]
      .sort((a, b) => a.since - b.since || a.email.localeCompare(b.email))
      .map((mark) => ({ email: mark.email, name: mark.name, since: new Date(mark.since).toISOString(), lastSeen: new Date(mark.lastSeen).toISOString() }));
  };

  return [
    http.get('*/api/journeys/:id/presence', ({ request, cookies, params }) => {
      const who = kit.signedIn(request, cookies);
      if (who instanceof Response) return who;
      const id = String(params.id);
      return kit.live(id) ? HttpResponse.json(present(id)) : kit.refuse(404, 'not-found', 'notFound');
    }),
    http.put('*/api/journeys/:id/presence', ({ request, cookies, params }) => {
      const who = kit.signedIn(request, cookies);
      if (who instanceof Response) return who;
      const id = String(params.id);
      if (!kit.live(id)) return kit.refuse(404, 'not-found', 'notFound');
      const here = board.get(id) ?? new Map<string, Mark>();
      board.set(id, here);
      const now = Date.now();
      const before = here.get(who.member.id);
      here.set(who.member.id, { email: who.member.email, name: who.member.name, since: before && before.lastSeen > now - TTL_MS ? before.since : now, lastSeen: now });
      return HttpResponse.json(present(id));
    }),
    http.delete('*/api/journeys/:id/presence', ({ request, cookies, params }) => {
      const who = kit.signedIn(request, cookies);
      if (who instanceof Response) return who;
      board.get(String(params.id))?.delete(who.member.id);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
};
