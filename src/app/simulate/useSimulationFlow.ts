import { useCallback, useContext, useSyncExternalStore } from 'react';
import { SimulationStoreContext } from './SimulationStoreContext';
import type { JourneyFlow } from '../../core/sim/analysis';

const never = () => () => {};

/**
 * The last simulation's flow along every edge, and whether the journey has changed since; nothing
 * without a simulation store above (a dashboard drawn on its own).
 */
export function useSimulationFlow(): { flow: JourneyFlow | null; stale: boolean } {
  const store = useContext(SimulationStoreContext);
  const subscribe = store ? store.subscribe : never;
  const flow = useSyncExternalStore(
    subscribe,
    useCallback(() => store?.getState().flow ?? null, [store]),
  );
  const stale = useSyncExternalStore(
    subscribe,
    useCallback(() => store?.getState().stale ?? false, [store]),
  );
  return { flow, stale };
}
