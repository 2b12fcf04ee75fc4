// What version history highlights on the canvas: the steps added, changed or only moved since the
// version chosen. A tiny store of its own, so the canvas overlay (historyOverlay.tsx) reads it without
// knowing the workspace; closing the history clears it.
import { create } from 'zustand';
import type { JourneyDiff } from '../../../core/journey';

export type HistoryMark = 'added' | 'changed' | 'moved';

interface HistoryHighlight {
  /** The version the marks are against; null when nothing is highlighted. */
  version: number | null;
  marks: ReadonlyMap<string, HistoryMark>;
  show(version: number, diff: JourneyDiff): void;
  clear(): void;
}

const none: ReadonlyMap<string, HistoryMark> = new Map();

/** Each step's mark; a step changed and moved is marked changed. */
export function marksOf(diff: JourneyDiff): Map<string, HistoryMark> {
  const marks = new Map<string, HistoryMark>();
  for (const { node } of diff.nodesMoved) marks.set(node.id, 'moved');
  for (const { node } of diff.nodesChanged) marks.set(node.id, 'changed');
  for (const node of diff.nodesAdded) marks.set(node.id, 'added');
  return marks;
}

const sameMarks = (a: ReadonlyMap<string, HistoryMark>, b: ReadonlyMap<string, HistoryMark>) => a.size === b.size && [...a].every(([nodeId, mark]) => b.get(nodeId) === mark);

export const useHistoryHighlight = create<HistoryHighlight>()((set, get) => ({
  version: null,
  marks: none,
  // Each edit diffs again: the canvas draws a step again only when its mark changes, so keep equal marks.
  show: (version, diff) => {
    const marks = marksOf(diff);
    set({ version, marks: sameMarks(marks, get().marks) ? get().marks : marks });
  },
  clear: () => set({ version: null, marks: none }),
}));
