import { createStore } from 'zustand/vanilla';
import type { JourneyDocument } from '../../core/journey';
import type { Fragment } from '../../core/editor';
import { emptyHistory, record, redo, undo, type History } from './history';

export interface Selection {
  nodes: string[];
  edges: string[];
}

export const noSelection: Selection = { nodes: [], edges: [] };

/** Every node and edge of a journey. */
export const everything = (journey: JourneyDocument): Selection => ({ nodes: journey.nodes.map((node) => node.id), edges: journey.edges.map((edge) => edge.id) });

/** Edits of one field less than this far apart are one undo step (typing a word is one step). */
export const MERGE_WINDOW_MS = 1500;

/** What an editor action sees, and may hand back changed. */
export interface EditorSnapshot {
  journey: JourneyDocument;
  selection: Selection;
  clipboard: Fragment | null;
}

export interface EditorState extends History {
  journey: JourneyDocument | null;
  selection: Selection;
  clipboard: Fragment | null;
  /** The document before a drag began: the whole drag becomes one undo step when it ends. */
  gestureBase: JourneyDocument | null;
  /** Set when the document changes; persistence clears it when it has saved that version. */
  dirty: boolean;
  /** The merge key and time of the last change, so typing folds into one undo step. */
  lastMerge: { key: string; at: number } | null;

  open(journey: JourneyDocument): void;
  close(): void;
  /**
   * Replaces the document (and optionally the selection) as one undoable step. Changes with the same
   * `mergeKey` in quick succession (typing a label) fold into the step the first one made.
   */
  change(journey: JourneyDocument, selection?: Selection, options?: { mergeKey?: string; now?: number }): void;
  /** Changes the document without an undo step. */
  changeWithoutHistory(journey: JourneyDocument, selection?: Selection): void;
  /** Replaces the document with what storage holds (another tab saved it): not a change of ours. */
  replace(journey: JourneyDocument): void;
  select(selection: Selection): void;
  setClipboard(fragment: Fragment | null): void;
  beginGesture(): void;
  /** A change in the middle of a gesture: shown at once, recorded only when the gesture ends. */
  changeDuringGesture(journey: JourneyDocument, selection?: Selection): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
  markSaved(journey: JourneyDocument): void;
}

const keepExisting = (selection: Selection, journey: JourneyDocument): Selection => {
  const nodes = new Set(journey.nodes.map((node) => node.id));
  const edges = new Set(journey.edges.map((edge) => edge.id));
  return { nodes: selection.nodes.filter((id) => nodes.has(id)), edges: selection.edges.filter((id) => edges.has(id)) };
};

export function createEditorStore() {
  return createStore<EditorState>()((set, get) => ({
    journey: null,
    selection: noSelection,
    clipboard: null,
    gestureBase: null,
    dirty: false,
    lastMerge: null,
    ...emptyHistory(),

    open: (journey) => set({ journey, selection: noSelection, gestureBase: null, dirty: false, ...emptyHistory() }),
    close: () => set({ journey: null, selection: noSelection, gestureBase: null, dirty: false, ...emptyHistory() }),
    change(journey, selection, options = {}) {
      const { journey: before, past, future, lastMerge } = get();
      if (!before || journey === before) {
        if (selection) set({ selection });
        return;
      }
      const now = options.now ?? Date.now();
      const merging = options.mergeKey !== undefined && lastMerge?.key === options.mergeKey && now - lastMerge.at < MERGE_WINDOW_MS && past.length > 0;
      set({
        journey,
        ...(merging ? { future: [] } : record({ past, future }, before)),
        selection: keepExisting(selection ?? get().selection, journey),
        dirty: true,
        lastMerge: options.mergeKey === undefined ? null : { key: options.mergeKey, at: now },
      });
    },
    changeWithoutHistory: (journey, selection) =>
      set({ journey, selection: keepExisting(selection ?? get().selection, journey), dirty: true }),
    replace: (journey) => set({ journey, selection: keepExisting(get().selection, journey), dirty: false }),
    select: (selection) => set({ selection }),
    setClipboard: (clipboard) => set({ clipboard }),
    beginGesture() {
      const { journey, gestureBase } = get();
      if (journey && !gestureBase) set({ gestureBase: journey });
    },
    changeDuringGesture(journey, selection) {
      if (!get().gestureBase) get().beginGesture();
      set(selection ? { journey, selection: keepExisting(selection, journey), dirty: true } : { journey, dirty: true });
    },
    endGesture() {
      const { gestureBase, journey, past, future } = get();
      if (!gestureBase || !journey) return;
      // A finished gesture is its own undo step: a typed change right after it must not merge into the step
      // before the gesture.
      set(gestureBase === journey ? { gestureBase: null } : { gestureBase: null, lastMerge: null, ...record({ past, future }, gestureBase) });
    },
    undo() {
      const { journey, past, future } = get();
      if (!journey) return;
      const step = undo({ past, future }, journey);
      if (step) set({ journey: step.journey, ...step.history, selection: keepExisting(get().selection, step.journey), dirty: true, lastMerge: null });
    },
    redo() {
      const { journey, past, future } = get();
      if (!journey) return;
      const step = redo({ past, future }, journey);
      if (step) set({ journey: step.journey, ...step.history, selection: keepExisting(get().selection, step.journey), dirty: true, lastMerge: null });
    },
    markSaved: (journey) => {
      if (get().journey === journey) set({ dirty: false });
    },
  }));
}

export type EditorStore = ReturnType<typeof createEditorStore>;
