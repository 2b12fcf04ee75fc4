// Level of detail: zoomed far out, a step's summary and port names are a few pixels high and cannot be
// read, yet painting their text (and each frame's shadow) is most of what a canvas full of small steps
// costs. Below SIMPLIFY_BELOW_ZOOM a step is drawn simplified: frame, stage accent, icon and title.
// Its box and handles stay exactly where they were (the summary keeps its place, unpainted; each port
// row keeps its height), so no edge moves when the zoom crosses the threshold, and nodeGeometry.ts's
// estimates hold at every zoom. What is not painted stays in the accessibility tree or in the step's
// accessible name.
import { useStore, type ReactFlowState } from '@xyflow/react';

/** Below this zoom (45 % of actual size) steps are drawn simplified. */
export const SIMPLIFY_BELOW_ZOOM = 0.45;

const zoomedOut = (state: ReactFlowState) => state.transform[2] < SIMPLIFY_BELOW_ZOOM;

/**
 * Whether steps are drawn simplified now. A boolean: a node calling it re-renders when the zoom crosses
 * the threshold, not on every pan or zoom frame.
 */
export function useSimplified(): boolean {
  return useStore(zoomedOut);
}
