import { useEffect, useState } from 'react';
import type { EditorStore } from '../store/editorStore';
import type { SimulationRunner } from './protocol';
import { createSimulationStore, type SimulationStore } from './simulationStore';

/**
 * The simulation store of one open journey: made once, told when the journey changes (so a report can
 * say it is stale), and stopped when the editor closes.
 */
export function useEditorSimulation(editor: EditorStore, runner: SimulationRunner): SimulationStore {
  const [store] = useState(() => createSimulationStore(runner));
  useEffect(() => {
    const unsubscribe = editor.subscribe((state, previous) => {
      if (state.journey !== previous.journey) store.getState().journeyChanged(state.journey);
    });
    return () => {
      unsubscribe();
      store.getState().dispose();
    };
  }, [editor, store]);
  return store;
}
