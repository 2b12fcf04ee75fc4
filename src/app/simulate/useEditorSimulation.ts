import { useEffect, useState } from 'react';
import type { EditorStore } from '../store/editorStore';
import type { RunRepository } from '../persist/runRepository';
import type { PopulationRepository } from '../persist/populationRepository';
import type { SimulationRunner } from './protocol';
import { createSimulationStore, type SimulationStore } from './simulationStore';

/**
 * The simulation store of one open journey: made once, given the journey's saved run (when `runs` is
 * given; finished runs are kept there too; saved cohorts' populations are read from `populations`), told when the journey changes (so a report can say it is
 * stale), and stopped when the editor closes.
 */
export function useEditorSimulation(editor: EditorStore, runner: SimulationRunner, runs?: RunRepository, populations?: PopulationRepository): SimulationStore {
  const [store] = useState(() => createSimulationStore(runner, { ...(runs ? { runs } : {}), ...(populations ? { populations } : {}) }));
  useEffect(() => {
    const unsubscribe = editor.subscribe((state, previous) => {
      if (state.journey !== previous.journey) store.getState().journeyChanged(state.journey);
    });
    const { journey } = editor.getState();
    if (journey) void store.getState().restore(journey);
    return () => {
      unsubscribe();
      store.getState().dispose();
    };
  }, [editor, store]);
  return store;
}
