// Which message announces which offer (offerCarriers.ts), and the warning for an offer announced with a
// next message that never comes (offer-never-announced).
import { checkJourney } from '../../src/core/journey/validate';
import { buildGraph } from '../../src/core/journey/graph';
import { defaultRegistry } from '../../src/core/journey/registry';
import { offerAnnouncementProblemsOf, offerCarriers } from '../../src/core/journey/offerCarriers';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { edge, node } from '../fixtures/journeys';
import { inChinese, inEnglish } from '../support/messages.ts';

type Node = ReturnType<typeof node>;
type Edge = ReturnType<typeof edge>;

const start = node('start', 'entry', { trigger: { type: 'event', event: 'add_to_cart' } });
const out = node('out', 'exit', { reason: 'done' });
const offer = (id: string, announcement?: string) => node(id, 'offer', announcement ? { announcement } : {});
const sms = (id: string) => node(id, 'message', { channel: 'sms' });
const wait = (id: string) => node(id, 'wait', { duration: 'P1D' });
const bought = { event: 'purchase', within: 'P1D', op: '>=', count: 1 };
const branch = (id: string) => node(id, 'branch', { cases: [{ label: 'Bought', condition: bought }] });

/** A journey of these nodes (plus an entry and an exit) and edges, as the format check leaves it. */
function journey(nodes: Node[], edges: Edge[]): JourneyDocument {
  const checked = checkJourney({ schemaVersion: 4, id: 'offers', name: 'Offers', nodes: [start, ...nodes, out], edges });
  expect(checked.document, JSON.stringify(checked.problems)).not.toBeNull();
  return checked.document!;
}

/** Each carrying message with the ids of its offers. */
const carried = (document: JourneyDocument) => Object.fromEntries([...offerCarriers(document).carriedBy].map(([id, offers]) => [id, offers.map((one) => one.id)]));
const neverAnnounced = (document: JourneyDocument) => offerCarriers(document).neverAnnounced.map((one) => one.id);

describe('offerCarriers', () => {
  it('gives a next-touch offer to the first message after it, past waits, and not to the message after that', () => {
    const document = journey(
      [offer('coupon'), wait('pause'), sms('first'), sms('second')],
      [edge('start', 'next', 'coupon'), edge('coupon', 'next', 'pause'), edge('pause', 'next', 'first'), edge('first', 'next', 'second'), edge('second', 'next', 'out')],
    );
    expect(carried(document)).toEqual({ first: ['coupon'] });
    expect(neverAnnounced(document)).toEqual([]);
  });

  it('takes the default announcement (next-touch) for an offer that does not name one', () => {
    const document = journey([offer('coupon'), sms('first')], [edge('start', 'next', 'coupon'), edge('coupon', 'next', 'first'), edge('first', 'next', 'out')]);
    expect(document.nodes.find((one) => one.id === 'coupon')!.params['announcement']).toBe('next-touch');
    expect(carried(document)).toEqual({ first: ['coupon'] });
  });

  it('gives the offer to the first message on every branch of the path, and counts it announced if one branch has a message', () => {
    const document = journey(
      [offer('coupon'), branch('check'), sms('buyers'), wait('pause'), sms('others'), sms('later')],
      [
        edge('start', 'next', 'coupon'),
        edge('coupon', 'next', 'check'),
        edge('check', 'case-1', 'buyers'),
        edge('check', 'else', 'pause'),
        edge('buyers', 'next', 'out'),
        edge('pause', 'next', 'others'),
        edge('others', 'next', 'later'),
        edge('later', 'next', 'out'),
      ],
    );
    expect(carried(document)).toEqual({ buyers: ['coupon'], others: ['coupon'] });

    const oneArmSilent = journey(
      [offer('coupon'), branch('check'), sms('buyers')],
      [edge('start', 'next', 'coupon'), edge('coupon', 'next', 'check'), edge('check', 'case-1', 'buyers'), edge('check', 'else', 'out'), edge('buyers', 'next', 'out')],
    );
    expect(carried(oneArmSilent)).toEqual({ buyers: ['coupon'] });
    expect(neverAnnounced(oneArmSilent)).toEqual([]);
  });

  it('ends on loops: a loop back before the offer still finds the message, and a loop with none finds nothing', () => {
    const loopThenMessage = journey(
      [wait('pause'), offer('coupon'), branch('check'), sms('nudge')],
      [edge('start', 'next', 'pause'), edge('pause', 'next', 'coupon'), edge('coupon', 'next', 'check'), edge('check', 'case-1', 'pause'), edge('check', 'else', 'nudge'), edge('nudge', 'next', 'out')],
    );
    expect(carried(loopThenMessage)).toEqual({ nudge: ['coupon'] });

    const silentLoop = journey(
      [wait('pause'), offer('coupon'), branch('check')],
      [edge('start', 'next', 'pause'), edge('pause', 'next', 'coupon'), edge('coupon', 'next', 'check'), edge('check', 'case-1', 'pause'), edge('check', 'else', 'out')],
    );
    expect(carried(silentLoop)).toEqual({});
    expect(neverAnnounced(silentLoop)).toEqual(['coupon']);
  });

  it('lets a message carry every next-touch offer given before it, in document order, and ignores at-checkout and unannounced offers', () => {
    const document = journey(
      [offer('points'), offer('coupon'), offer('checkout', 'at-checkout'), offer('silent', 'none'), sms('first')],
      [
        edge('start', 'next', 'points'),
        edge('points', 'next', 'coupon'),
        edge('coupon', 'next', 'checkout'),
        edge('checkout', 'next', 'silent'),
        edge('silent', 'next', 'first'),
        edge('first', 'next', 'out'),
      ],
    );
    expect(carried(document)).toEqual({ first: ['points', 'coupon'] });

    const onlyCheckout = journey([offer('checkout', 'at-checkout'), sms('first')], [edge('start', 'next', 'checkout'), edge('checkout', 'next', 'first'), edge('first', 'next', 'out')]);
    expect(carried(onlyCheckout)).toEqual({});
    expect(neverAnnounced(onlyCheckout)).toEqual([]);
  });

  it('lists a next-touch offer that reaches no message, or leads nowhere, as never announced', () => {
    const document = journey(
      [sms('before'), offer('coupon'), wait('pause'), offer('dangling'), offer('quiet', 'none')],
      [edge('start', 'next', 'before'), edge('before', 'next', 'coupon'), edge('coupon', 'next', 'pause'), edge('pause', 'next', 'out'), edge('start', 'next', 'dangling', 'toDangling')],
    );
    expect(carried(document)).toEqual({});
    expect(neverAnnounced(document)).toEqual(['coupon', 'dangling']);
  });

  it('knows nothing about a journey with a kind it cannot walk through', () => {
    const document = journey([offer('coupon'), sms('first')], [edge('start', 'next', 'coupon'), edge('coupon', 'next', 'first'), edge('first', 'next', 'out')]);
    const unknown = { ...document, nodes: [...document.nodes, { ...document.nodes[0]!, id: 'odd', kind: 'teleport' }] };
    expect(offerCarriers(unknown)).toEqual({ carriedBy: new Map(), neverAnnounced: [] });
  });
});

describe('offer-never-announced', () => {
  const silent = () =>
    journey([sms('before'), offer('coupon'), wait('pause')], [edge('start', 'next', 'before'), edge('before', 'next', 'coupon'), edge('coupon', 'next', 'pause'), edge('pause', 'next', 'out')]);
  const problemsOf = (document: JourneyDocument) => offerAnnouncementProblemsOf(document, buildGraph(document, defaultRegistry));

  it('warns on the offer, at its announcement, in both languages', () => {
    const [problem, ...more] = problemsOf(silent());
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ severity: 'warning', code: 'offer-never-announced', location: { nodeId: 'coupon', path: ['nodes', 2, 'params', 'announcement'] } });
    expect(inEnglish(problem!.message)).toBe('This offer is announced with the next message, but no message follows it on its paths, so users who go that way never learn of it and it lifts nothing for them.');
    expect(inChinese(problem!.message)).toBe('此优惠随下一条消息告知，但它之后的路径上没有任何消息，走这些路径的用户永远不会得知，因此对他们不会带来任何提升。');
  });

  it('says nothing once a message follows the offer, or when the offer is shown at checkout', () => {
    const followed = journey([offer('coupon'), sms('after')], [edge('start', 'next', 'coupon'), edge('coupon', 'next', 'after'), edge('after', 'next', 'out')]);
    expect(problemsOf(followed)).toEqual([]);
    const atCheckout = silent();
    atCheckout.nodes = atCheckout.nodes.map((one) => (one.id === 'coupon' ? { ...one, params: { ...one.params, announcement: 'at-checkout' } } : one));
    expect(problemsOf(atCheckout)).toEqual([]);
  });
});
