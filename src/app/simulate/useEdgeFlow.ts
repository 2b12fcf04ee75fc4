import { useCallback, useContext, useSyncExternalStore } from 'react';
import { SimulationStoreContext } from './SimulationStoreContext';
import type { JourneyFlow } from '../../core/sim/flow';

const never = () => () => {};

export interface EdgeFlowView {
  /** Times users took the edge in the last simulation. */
  count: number;
  /** The edge's count over the busiest edge's (0 to 1; 0 when nothing flowed). */
  share: number;
  stale: boolean;
}

/** An edge's flow in the last simulation; null without one, for an edge it did not have, or on a bare canvas. */
export function useEdgeFlow(edgeId: string): EdgeFlowView | null {
  const { flow, stale } = useSimulationFlow();
  const count = flow?.byEdge.get(edgeId);
  if (!flow || count === undefined) return null;
  return { count, share: flow.max > 0 ? count / flow.max : 0, stale };
}

/** The last simulation's flow along every edge, and whether the journey has changed since. */
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
