import { useCallback, useContext, useSyncExternalStore } from 'react';
import { SimulationStoreContext } from './SimulationStoreContext';
import type { NodeCount } from './simulationStore';

const never = () => () => {};

/** A node's counts from the last simulation, and whether they are stale; nothing without a store (a bare canvas). */
export function useNodeSimulation(nodeId: string): { count: NodeCount | null; stale: boolean } {
  const store = useContext(SimulationStoreContext);
  const subscribe = store ? store.subscribe : never;
  const count = useSyncExternalStore(
    subscribe,
    useCallback(() => store?.getState().nodeCounts?.get(nodeId) ?? null, [store, nodeId]),
  );
  const stale = useSyncExternalStore(
    subscribe,
    useCallback(() => store?.getState().stale ?? false, [store]),
  );
  return { count, stale };
}
