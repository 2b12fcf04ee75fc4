import { useContext } from 'react';
import { SimulationStoreContext } from './SimulationStoreContext';
import type { SimulationStore } from './simulationStore';

export function useSimulationStore(): SimulationStore {
  const store = useContext(SimulationStoreContext);
  if (!store) throw new Error('useSimulationStore: no SimulationStoreContext provider above this component');
  return store;
}
