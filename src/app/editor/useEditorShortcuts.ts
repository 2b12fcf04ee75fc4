import { useEffect, useRef } from 'react';
import type { EditorStore } from '../store/editorStore';
import { actionForKey, runAction } from '../actions';
import { actionEnabled } from '../actions/runAction';
import type { EditorAction } from '../actions/types';
import { isTyping } from '../isTyping';

/** Where keys belong to something else: a menu's or dialog's own keys, not the canvas's. */
const OWN_KEYS = '[role="menu"], [role="dialog"], [role="listbox"]';

/**
 * Editor shortcuts (undo, redo, delete, copy …) for as long as the editor screen is mounted, wherever
 * focus is on it: clicking the canvas background leaves focus on the page's body, outside any editor
 * element, and undo must still work there. Keys typed into a field stay the field's. `afterAction` runs
 * once an action has been applied (e.g. to frame the journey after auto-layout).
 */
export function useEditorShortcuts(store: EditorStore, afterAction?: (action: EditorAction<void>) => void): void {
  const after = useRef(afterAction);
  useEffect(() => {
    after.current = afterAction;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if (event.target instanceof Element && event.target.closest(OWN_KEYS)) return;
      const action = actionForKey(event);
      // A disabled action leaves the key to the browser (Ctrl+C copies selected text when no step is selected).
      if (!action || !actionEnabled(store, action)) return;
      event.preventDefault();
      void runAction(store, action, undefined).then((done) => {
        if (done) after.current?.(action);
      });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
