import type { EditorStore } from '../store/editorStore';
import { editorFor } from '../store/journeyEditor';
import type { EditorAction } from './types';

/** Whether an action can run on the open journey now (a closed journey runs none). */
export function actionEnabled<Value>(store: EditorStore, action: EditorAction<Value>): boolean {
  const state = store.getState();
  if (!state.journey) return false;
  const snapshot = { journey: state.journey, selection: state.selection, clipboard: state.clipboard };
  return !action.enabled || action.enabled(snapshot, { canUndo: state.past.length > 0, canRedo: state.future.length > 0 });
}

/** Runs an action on the open journey and applies what it returns through its editor. Returns whether anything happened. */
export async function runAction<Value>(store: EditorStore, action: EditorAction<Value>, value: Value): Promise<boolean> {
  const state = store.getState();
  if (!state.journey) return false;
  const snapshot = { journey: state.journey, selection: state.selection, clipboard: state.clipboard };
  if (action.enabled && !action.enabled(snapshot, { canUndo: state.past.length > 0, canRedo: state.future.length > 0 })) return false;
  const result = await action.perform(snapshot, value);
  if (!result) return false;
  const editor = editorFor(store);
  if ('step' in result) {
    if (result.step === 'undo') editor.undo();
    else editor.redo();
    return true;
  }
  // An async action (layout) finished after the journey changed or closed: drop its stale result.
  if (store.getState().journey !== snapshot.journey) return false;
  if (result.clipboard !== undefined) editor.setClipboard(result.clipboard);
  const changed = result.journey;
  if (changed) editor.apply(() => changed, { history: result.history, selection: result.selection });
  else if (result.selection) editor.select(result.selection);
  return true;
}
