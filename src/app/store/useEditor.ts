import { useStore } from 'zustand';
import type { EditorState } from './editorStore';
import { useEditorStore } from './useEditorStore';

/** Reads from the editor store; the component re-renders only when the selected slice changes. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
