// Which offers a message node announces (core/journey/offerCarriers.ts), read from the open journey.
// Worked out once per journey, whichever node asks first; each node then subscribes to its own list,
// compared as text, so a drag (a new journey every frame) re-renders no message whose list is unchanged.
import { useContext, useMemo, useSyncExternalStore } from 'react';
import { offerCarriers, type JourneyDocument, type OfferCarriers } from '../../../core/journey';
import { EditorStoreContext } from '../../store/EditorStoreContext';

const byJourney = new WeakMap<JourneyDocument, OfferCarriers>();
const nothingCarried: OfferCarriers = { carriedBy: new Map(), neverAnnounced: [] };

function carriersOf(journey: JourneyDocument): OfferCarriers {
  let carriers = byJourney.get(journey);
  if (!carriers) {
    try {
      carriers = offerCarriers(journey);
    } catch {
      // A node mid-edit whose params its kind cannot read yet: its problems say so, and no badge shows.
      carriers = nothingCarried;
    }
    byJourney.set(journey, carriers);
  }
  return carriers;
}

/** The names of the offers a journey's message node carries, as one comparable string (JSON). */
export function carriedOfferNames(journey: JourneyDocument | null, nodeId: string): string {
  const offers = journey ? carriersOf(journey).carriedBy.get(nodeId) : undefined;
  return JSON.stringify(offers?.map((offer) => offer.label.trim() || offer.id) ?? []);
}

const noStore = () => () => {};

/**
 * The offers the open journey's message `nodeId` carries, by name (label, else id). Outside an editor
 * (a node drawn on its own) there is no journey, and so none.
 */
export function useCarriedOffers(nodeId: string): readonly string[] {
  const store = useContext(EditorStoreContext);
  // Like the problems (useProblems), during a drag the journey as it was when the drag began: moving
  // steps carries no offer elsewhere, and a drag frame then does not re-analyse the journey.
  const names = useSyncExternalStore(store?.subscribe ?? noStore, () => {
    const state = store?.getState();
    return carriedOfferNames(state ? (state.gestureBase ?? state.journey) : null, nodeId);
  });
  return useMemo(() => JSON.parse(names) as string[], [names]);
}
