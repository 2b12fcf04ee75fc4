import type { EditorStore } from '../store/editorStore';
import { editorFor } from '../store/journeyEditor';
import type { EditorAction } from './types';

/** Runs an action against the store and applies what it returns. Returns whether anything happened. */
export async function runAction<Value>(store: EditorStore, action: EditorAction<Value>, value: Value): Promise<boolean> {
  const state = store.getState();
  if (!state.journey) return false;
  const snapshot = { journey: state.journey, selection: state.selection, clipboard: state.clipboard };
  if (action.enabled && !action.enabled(snapshot, { canUndo: state.past.length > 0, canRedo: state.future.length > 0 })) return false;
  const result = await action.perform(snapshot, value);
  if (!result) return false;
  if ('step' in result) {
    if (result.step === 'undo') store.getState().undo();
    else store.getState().redo();
    return true;
  }
  const current = store.getState();
  // An async action (layout) finished after the journey changed or closed: drop its stale result.
  if (current.journey !== snapshot.journey) return false;
  if (result.clipboard !== undefined) current.setClipboard(result.clipboard);
  const changed = result.journey;
  if (changed) editorFor(store).apply(() => changed, { history: result.history, selection: result.selection });
  else if (result.selection) current.select(result.selection);
  return true;
}
