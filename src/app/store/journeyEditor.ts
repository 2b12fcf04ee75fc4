import { addNode, connect, deleteElements, moveNodes, renameJourney, setGoals, updateNode, updateSettings, type Fragment, type Position } from '../../core/editor';
import type { JourneyDocument, JourneySettings } from '../../core/journey';
import type { GoalSpec } from '../../core/journey';
import { everything, noSelection, type EditorStore, type Selection } from './editorStore';
import { useEditorStore } from './useEditorStore';

type NodePatch = Parameters<typeof updateNode>[2];

export interface ApplyOptions {
  /** false: the change enters no undo step (a restored copy, a layout nudge). Default true. */
  history?: boolean;
  /** Changes with the same key in quick succession fold into one undo step (typing a word). */
  mergeKey?: string;
  selection?: Selection;
}

/**
 * The one way to change an open journey (issue 13), like tldraw's `Editor`: components, keys, menus,
 * lessons and tests call its named commands instead of the store's mutators, so how a change enters
 * history (one step, merged typing, a drag as one gesture), what is selected, and what autosave is told
 * are decided here, once. The store keeps the state; the lint rule in eslint.config.js keeps its
 * mutators out of everything but this file and the store.
 */
export interface JourneyEditor {
  readonly store: EditorStore;
  /** Changes the journey with a recipe over the current one; nothing happens when none is open. */
  apply(recipe: (journey: JourneyDocument) => JourneyDocument, options?: ApplyOptions): void;
  connect(link: { source: string; sourcePort: string; target: string }): void;
  delete(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  /** Moves nodes: during a drag (or a gesture begun) shown at once and recorded as one step at its end. */
  move(moves: readonly { id: string; position: Position }[], options: { dragging: boolean }): void;
  /** Adds a step of a kind at a position and selects it. */
  addNodeAt(kind: string, position: Position): void;
  updateNode(nodeId: string, patch: NodePatch): void;
  setSettings(settings: JourneySettings): void;
  setGoals(goals: readonly GoalSpec[]): void;
  rename(name: string): void;
  /** Puts a whole document in place as one undoable step (a lesson's edit, a set-aside copy restored). */
  replaceWith(document: JourneyDocument): void;
  undo(): void;
  redo(): void;

  select(selection: Selection): void;
  selectAll(): void;
  clearSelection(): void;
  /** Selects or deselects some nodes (or edges), keeping the rest: a click, shift-click or box select. */
  setSelected(what: 'nodes' | 'edges', changes: readonly { id: string; selected: boolean }[]): void;
  setClipboard(fragment: Fragment | null): void;

  /**
   * A drag or other multi-step gesture: changes until `endGesture` are shown at once and recorded as
   * one undo step when it ends (none when nothing changed).
   */
  beginGesture(): void;
  endGesture(): void;
  /** Runs changes as one gesture, one undo step (inside a gesture already begun, as part of it). */
  gesture(run: () => void): void;

  /** Hands changes to the open journey's autosave (useAutosave) until the returned function detaches it. */
  attachAutosave(autosave: AutosaveLink): () => void;
  /** Saves now what is unsaved, before leaving the journey; resolves at once when no autosave is attached. */
  flush(): Promise<void>;
  /** Marks the journey unsaved without changing it (a restored copy, ours kept over another tab's), so it is saved. */
  markUnsaved(): void;
  /** Takes what storage holds in place of ours (another tab's version, chosen): no undo step, nothing to save. */
  takeStored(document: JourneyDocument): void;
}

/** What the editor tells the autosave: the one hand-off between changing a journey and saving it. */
export interface AutosaveLink {
  /** The document changed and is unsaved; `duringGesture`: a frame of a drag, the gesture's end follows. */
  changed(duringGesture: boolean): void;
  /** A gesture ended with the document unsaved. */
  gestureEnded(): void;
  flush(): Promise<void>;
}

export function createJourneyEditor(store: EditorStore): JourneyEditor {
  const apply: JourneyEditor['apply'] = (recipe, { history = true, mergeKey, selection } = {}) => {
    const state = store.getState();
    if (!state.journey) return;
    const next = recipe(state.journey);
    // Inside a gesture every change is part of its one step.
    if (history && state.gestureBase) state.changeDuringGesture(next, selection);
    else if (history) state.change(next, selection, mergeKey === undefined ? undefined : { mergeKey });
    else state.changeWithoutHistory(next, selection);
  };
  const select = (selection: Selection) => store.getState().select(selection);
  let autosave: AutosaveLink | null = null;
  const editor: JourneyEditor = {
    store,
    apply,
    connect: (link) => apply((journey) => connect(journey, link)),
    delete: (nodeIds, edgeIds) => apply((journey) => deleteElements(journey, nodeIds, edgeIds)),
    move(moves, { dragging }) {
      // A drag is recorded as one step when it ends; a keyboard nudge is a step of its own.
      if (dragging) editor.beginGesture();
      apply((journey) => moveNodes(journey, moves));
    },
    addNodeAt(kind, position) {
      const journey = store.getState().journey;
      if (!journey) return;
      const added = addNode(journey, { kind, position });
      apply(() => added.journey, { selection: { nodes: [added.nodeId], edges: [] } });
    },
    // Typing in one field of one node is one undo step, not one per key.
    updateNode: (nodeId, patch) => apply((journey) => updateNode(journey, nodeId, patch), { mergeKey: `${nodeId}:${Object.keys(patch).sort().join(',')}` }),
    setSettings: (settings) => apply((journey) => updateSettings(journey, settings), { mergeKey: 'settings' }),
    setGoals: (goals) => apply((journey) => setGoals(journey, goals)),
    rename: (name) => apply((journey) => (name && name !== journey.name ? renameJourney(journey, name) : journey)),
    replaceWith: (document) => apply(() => document),
    undo: () => store.getState().undo(),
    redo: () => store.getState().redo(),

    select,
    selectAll() {
      const journey = store.getState().journey;
      if (journey) select(everything(journey));
    },
    clearSelection: () => select(noSelection),
    setSelected(what, changes) {
      if (changes.length === 0) return;
      const { selection } = store.getState();
      const ids = new Set(selection[what]);
      for (const change of changes) {
        if (change.selected) ids.add(change.id);
        else ids.delete(change.id);
      }
      const next = [...ids];
      if (next.length !== selection[what].length || next.some((id, index) => id !== selection[what][index])) select({ ...selection, [what]: next });
    },
    setClipboard: (fragment) => store.getState().setClipboard(fragment),

    beginGesture: () => store.getState().beginGesture(),
    endGesture: () => store.getState().endGesture(),
    gesture(run) {
      if (store.getState().gestureBase) return run();
      editor.beginGesture();
      try {
        run();
      } finally {
        editor.endGesture();
      }
    },

    attachAutosave(link) {
      autosave = link;
      // Every change reaches the store, whoever made it (undo, a restored copy, a test): the editor
      // reads them there, once, and tells the autosave which ones are unsaved work.
      const stop = store.subscribe((state, previous) => {
        if (!state.dirty) return;
        if (!state.gestureBase && previous.gestureBase) link.gestureEnded();
        if (state.journey !== previous.journey) link.changed(state.gestureBase !== null);
      });
      return () => {
        stop();
        if (autosave === link) autosave = null;
      };
    },
    flush: () => autosave?.flush() ?? Promise.resolve(),
    markUnsaved() {
      const { journey, changeWithoutHistory } = store.getState();
      if (journey) changeWithoutHistory(journey);
    },
    takeStored: (document) => store.getState().replace(document),
  };
  return editor;
}

// One editor per open journey's store, so every caller shares it without another provider.
const editors = new WeakMap<EditorStore, JourneyEditor>();

export function editorFor(store: EditorStore): JourneyEditor {
  let editor = editors.get(store);
  if (!editor) editors.set(store, (editor = createJourneyEditor(store)));
  return editor;
}

/** The open journey's editor, from the store the editor screen provides. */
export function useJourneyEditor(): JourneyEditor {
  return editorFor(useEditorStore());
}
