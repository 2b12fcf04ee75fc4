import { message } from '../i18n';
import { buildGraph, reachableFrom, type JourneyGraph } from './graph';
import { MAX_GRAPH_WALK_STEPS } from './limits';
import { defaultRegistry, type Registry } from './registry';
import { offerProblems } from './kinds/offer';
import type { Problem } from './problems';
import type { JourneyDocument, JourneyNode } from './schema';

/**
 * Which message announces which offer (issue 15, "Offers"): an offer announced 'next-touch' is carried
 * by the next message a user is sent after it, so on every path out of the offer the first message node
 * carries it, and the walk goes no further on that path. Static: the offer's validity is not weighed
 * (a message a week later may come after the offer ran out), nor the jumps exit on goal makes.
 */
export interface OfferCarriers {
  /** For each message node that may carry offers, those offers, in document order. */
  carriedBy: ReadonlyMap<string, readonly JourneyNode[]>;
  /** Offers announced 'next-touch' after which no message can follow: no user ever learns of them. */
  neverAnnounced: readonly JourneyNode[];
}

const MESSAGE_KIND = 'message';
const OFFER_KIND = 'offer';

/** The announcement an offer node asks for; one left out is the param's default, 'next-touch'. */
const announcedWithNextTouch = (node: JourneyNode) => node.kind === OFFER_KIND && (node.params['announcement'] ?? 'next-touch') === 'next-touch';

/**
 * The messages that carry each 'next-touch' offer of the journey, over a graph built for validation or
 * compilation. The walks share one budget of MAX_GRAPH_WALK_STEPS node visits, so a hostile journey
 * cannot make this quadratic: an offer whose walk the budget cut short keeps the carriers found so far
 * (each one truly the first message on some path) and is never called unannounced.
 */
export function offerCarriersOf(graph: JourneyGraph): OfferCarriers {
  const carriedBy = new Map<string, JourneyNode[]>();
  const neverAnnounced: JourneyNode[] = [];
  const isMessage = (id: string) => graph.byId.get(id)?.kind === MESSAGE_KIND;
  const budget = { left: MAX_GRAPH_WALK_STEPS };
  for (const offer of graph.nodes) {
    if (!announcedWithNextTouch(offer)) continue;
    const reached = reachableFrom(graph, graph.successors(offer.id), isMessage, budget);
    const carriers = [...reached].filter(isMessage);
    for (const id of carriers) carriedBy.set(id, [...(carriedBy.get(id) ?? []), offer]);
    if (carriers.length === 0 && budget.left >= 0) neverAnnounced.push(offer);
  }
  return { carriedBy, neverAnnounced };
}

/**
 * The same for a journey document (for the canvas). A node of a kind the registry does not know
 * cannot be walked through: then nothing is known to carry anything.
 */
export function offerCarriers(journey: JourneyDocument, registry: Registry = defaultRegistry): OfferCarriers {
  if (journey.nodes.some((node) => !registry.get(node.kind))) return { carriedBy: new Map(), neverAnnounced: [] };
  return offerCarriersOf(buildGraph(journey, registry));
}

/**
 * `offer-never-announced` (declared with the offer kind, so the catalogue and docs list it) for each
 * 'next-touch' offer no message follows. Checked over the whole graph rather than in the kind's own
 * `validate`, whose `downstream` walks past every message and shares its budget with the splits'
 * holdout checks.
 */
export function offerAnnouncementProblemsOf(journey: JourneyDocument, graph: JourneyGraph): Problem[] {
  const indexOf = new Map<string, number>();
  journey.nodes.forEach((node, index) => {
    if (!indexOf.has(node.id)) indexOf.set(node.id, index);
  });
  const { severity } = offerProblems['offer-never-announced'];
  return offerCarriersOf(graph).neverAnnounced.map((offer) => ({
    severity,
    code: 'offer-never-announced',
    message: message('core.journey.kinds.offer.neverAnnounced'),
    location: { nodeId: offer.id, path: ['nodes', indexOf.get(offer.id) ?? -1, 'params', 'announcement'] },
  }));
}
