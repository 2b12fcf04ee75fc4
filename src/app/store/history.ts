import type { JourneyDocument } from '../../core/journey';

/** Undo history of whole documents: immer shares unchanged parts, so a step costs what changed. */
export interface History {
  past: JourneyDocument[];
  future: JourneyDocument[];
}

export const HISTORY_LIMIT = 100;

export const emptyHistory = (): History => ({ past: [], future: [] });

/** Records that `before` was replaced: it becomes undoable, and what was undone can no longer be redone. */
export function record(history: History, before: JourneyDocument): History {
  const past = [...history.past, before];
  return { past: past.length > HISTORY_LIMIT ? past.slice(past.length - HISTORY_LIMIT) : past, future: [] };
}

export function undo(history: History, current: JourneyDocument): { history: History; journey: JourneyDocument } | null {
  const previous = history.past.at(-1);
  if (!previous) return null;
  return { history: { past: history.past.slice(0, -1), future: [current, ...history.future] }, journey: previous };
}

export function redo(history: History, current: JourneyDocument): { history: History; journey: JourneyDocument } | null {
  const next = history.future[0];
  if (!next) return null;
  return { history: { past: [...history.past, current], future: history.future.slice(1) }, journey: next };
}
