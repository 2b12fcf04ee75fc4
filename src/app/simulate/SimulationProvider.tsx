import type { ReactNode } from 'react';
import type { EditorStore } from '../store/editorStore';
import { useServices } from '../services';
import { SimulationStoreContext } from './SimulationStoreContext';
import { useEditorSimulation } from './useEditorSimulation';
import { workerRunner } from './workerRunner';

/** Gives the open journey's editor (toolbar, canvas nodes, panel) its simulation store. */
export function SimulationProvider({ editor, children }: { editor: EditorStore; children: ReactNode }) {
  const { simulationRunner, repository } = useServices();
  const store = useEditorSimulation(editor, simulationRunner ?? workerRunner, repository.runs, repository.populations);
  return <SimulationStoreContext.Provider value={store}>{children}</SimulationStoreContext.Provider>;
}
