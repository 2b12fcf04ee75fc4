import { useContext } from 'react';
import { EditorStoreContext } from './EditorStoreContext';
import type { EditorStore } from './editorStore';

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore: no EditorStoreContext provider above this component');
  return store;
}
