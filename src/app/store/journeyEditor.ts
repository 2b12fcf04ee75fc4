import { addNode, connect, deleteElements, moveNodes, renameJourney, setGoals, updateNode, updateSettings, type Position } from '../../core/editor/commands';
import type { JourneyDocument, JourneySettings } from '../../core/journey/schema';
import type { GoalSpec } from '../../core/journey/goals';
import type { EditorStore, Selection } from './editorStore';
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
 * lessons and tests call its named commands instead of the store's `change`, so how a change enters
 * history (one step, merged typing, a drag as one gesture) is decided here, once. The store keeps the
 * state; the lint rule in eslint.config.js keeps `change` calls out of everything but this file and the store.
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
}

export function createJourneyEditor(store: EditorStore): JourneyEditor {
  const apply: JourneyEditor['apply'] = (recipe, { history = true, mergeKey, selection } = {}) => {
    const state = store.getState();
    if (!state.journey) return;
    const next = recipe(state.journey);
    if (history) state.change(next, selection, mergeKey === undefined ? undefined : { mergeKey });
    else state.changeWithoutHistory(next, selection);
  };
  return {
    store,
    apply,
    connect: (link) => apply((journey) => connect(journey, link)),
    delete: (nodeIds, edgeIds) => apply((journey) => deleteElements(journey, nodeIds, edgeIds)),
    move(moves, { dragging }) {
      const state = store.getState();
      if (!state.journey) return;
      const moved = moveNodes(state.journey, moves);
      // A drag is recorded as one step when it ends; a keyboard nudge is a step of its own.
      if (dragging || state.gestureBase) state.changeDuringGesture(moved);
      else state.change(moved);
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
  };
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
