// What the last simulation draws over the journey's canvas (canvas/overlay.ts): each node's entries
// in a badge, and each edge as wide as the times users took it, with the count in its label, tooltip
// and accessible name. A stale result (the journey changed since) is drawn dimmed.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Language } from '../i18n/index.ts';
import type { CanvasOverlay, EdgeWeight } from '../canvas/overlay';
import i18n from '../i18n/index.ts';
import { useSimulationStore } from './useSimulationStore';
import { SimulationBadge } from './SimulationBadge';
import { formatCount } from './format';

// Each badge reads the language itself (useLang), so the map need not be made again when it changes.
function useNodeBadges() {
  const store = useSimulationStore();
  const counts = useStore(store, (state) => state.nodeCounts);
  const stale = useStore(store, (state) => state.stale);
  return useMemo(() => counts && new Map([...counts].map(([nodeId, count]) => [nodeId, <SimulationBadge count={count} stale={stale} />])), [counts, stale]);
}

function useEdgeWeights(lang: Language) {
  const store = useSimulationStore();
  const flow = useStore(store, (state) => state.flow);
  const stale = useStore(store, (state) => state.stale);
  return useMemo(() => {
    if (!flow) return null;
    const weights = new Map<string, EdgeWeight>();
    for (const [edgeId, times] of flow.byEdge) {
      const count = formatCount(times, lang);
      weights.set(edgeId, {
        share: flow.max > 0 ? times / flow.max : 0,
        label: count,
        title: i18n.t(stale ? 'flow.edgeTitleStale' : 'flow.edgeTitle', { lng: lang, count }),
        stale,
        name: (edgeName) => i18n.t(stale ? 'flow.edgeNameStale' : 'flow.edgeName', { lng: lang, name: edgeName, count }),
      });
    }
    return weights;
  }, [flow, stale, lang]);
}

/** The simulation's overlay; it reads the store SimulationProvider gives, so it is drawn only inside one. */
export const simulationOverlay: CanvasOverlay = { useNodeBadges, useEdgeWeights };
