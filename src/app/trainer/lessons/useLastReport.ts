import { useCallback, useContext, useSyncExternalStore } from 'react';
import type { SimulationReport } from '../../../core/sim/engine';
import { SimulationStoreContext } from '../../simulate/SimulationStoreContext';

/** The open journey's last simulation report, if any (none around a component shown without the editor). */
export function useLastReport(): { report: SimulationReport | null; stale: boolean } {
  const store = useContext(SimulationStoreContext);
  const subscribe = useCallback((onChange: () => void) => (store ? store.subscribe(onChange) : () => {}), [store]);
  const report = useSyncExternalStore(subscribe, () => store?.getState().report ?? null);
  const stale = useSyncExternalStore(subscribe, () => store?.getState().stale ?? false);
  return { report, stale };
}
