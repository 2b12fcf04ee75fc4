import { createContext } from 'react';
import type { EditorStore } from './editorStore';

/** The open journey's store, provided by the editor screen. */
export const EditorStoreContext = createContext<EditorStore | null>(null);
