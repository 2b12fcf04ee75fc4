// The open journey's comments, shared by the Comments panel (which reads them from the server) and the
// canvas overlay (which draws a count on each step that has some). One journey is open at a time, so
// one store: the panel fills it for its journey and empties it when it goes. It imports no workspace
// code (types only), so the overlay that reads it stays small wherever the editor imports it.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { JourneyComment } from './comments';

export interface CommentState {
  /** The journey these are of; null when no journey's comments are loaded. */
  journeyId: string | null;
  /** Oldest first; null until they have been read once. */
  comments: readonly JourneyComment[] | null;
  /** Comments per step, by node id (steps without comments are absent). */
  byNode: ReadonlyMap<string, number>;
  show(journeyId: string, comments: readonly JourneyComment[]): void;
  /** A comment just written here, before the next read from the server. */
  add(journeyId: string, comment: JourneyComment): void;
  /** Forgets the journey's comments (its panel is gone). */
  clear(journeyId: string): void;
}

/** How many comments each step has, by node id. */
export function countByNode(comments: readonly JourneyComment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const comment of comments) if (comment.nodeId !== null) counts.set(comment.nodeId, (counts.get(comment.nodeId) ?? 0) + 1);
  return counts;
}

const noCounts: ReadonlyMap<string, number> = new Map();

export const commentStore = createStore<CommentState>()((set, get) => ({
  journeyId: null,
  comments: null,
  byNode: noCounts,
  show: (journeyId, comments) => set({ journeyId, comments, byNode: countByNode(comments) }),
  add(journeyId, comment) {
    const { journeyId: current, comments } = get();
    const known = current === journeyId ? (comments ?? []) : [];
    if (known.some((found) => found.id === comment.id)) return;
    const next = [...known, comment];
    set({ journeyId, comments: next, byNode: countByNode(next) });
  },
  clear(journeyId) {
    if (get().journeyId === journeyId) set({ journeyId: null, comments: null, byNode: noCounts });
  },
}));

export const useComments = <T>(selector: (state: CommentState) => T): T => useStore(commentStore, selector);
