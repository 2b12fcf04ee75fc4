import { useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { SimulationReport } from '../../../core/sim/engine';
import { SimulationStoreContext } from '../../simulate/SimulationStoreContext';
import { PlaybackStoreContext } from '../playback/PlaybackContext';

export interface LastReport {
  report: SimulationReport | null;
  stale: boolean;
  /** Where the report came from: the Simulate panel's run, or trainer mode's playback recording. */
  source: 'simulation' | 'playback' | null;
}

const none: LastReport = { report: null, stale: false, source: null };

/**
 * The open journey's latest report: the last simulation's, or the last playback recording's (a recording
 * is a full run too), whichever came last; a fresh one wins over a stale one. None around a component
 * shown without the editor.
 */
export function useLastReport(): LastReport {
  const simulation = useContext(SimulationStoreContext);
  const playback = useContext(PlaybackStoreContext);
  // Which report arrived last, told by the identity of each store's report at the previous read.
  const seen = useRef<{ simulation: SimulationReport | null; playback: SimulationReport | null; latest: 'simulation' | 'playback' }>({ simulation: null, playback: null, latest: 'simulation' });
  const chosen = useRef<LastReport>(none);

  const subscribe = useCallback(
    (onChange: () => void) => {
      const unsubscribe = [simulation?.subscribe(onChange), playback?.subscribe(onChange)];
      return () => unsubscribe.forEach((stop) => stop?.());
    },
    [simulation, playback],
  );

  const read = (): LastReport => {
    const fromSimulation: LastReport = simulation ? { report: simulation.getState().report, stale: simulation.getState().stale, source: 'simulation' } : none;
    const fromPlayback: LastReport = playback && playback.getState().phase === 'ready' ? { report: playback.getState().report, stale: playback.getState().stale, source: 'playback' } : none;
    const memory = seen.current;
    if (fromPlayback.report && fromPlayback.report !== memory.playback) memory.latest = 'playback';
    else if (fromSimulation.report && fromSimulation.report !== memory.simulation) memory.latest = 'simulation';
    memory.simulation = fromSimulation.report;
    memory.playback = fromPlayback.report;
    const [first, second] = memory.latest === 'playback' ? [fromPlayback, fromSimulation] : [fromSimulation, fromPlayback];
    const next = !first.report || (first.stale && second.report && !second.stale) ? (second.report ? second : first) : first;
    // The same object while nothing changed, as useSyncExternalStore requires.
    if (next.report !== chosen.current.report || next.stale !== chosen.current.stale || next.source !== chosen.current.source) chosen.current = next.report ? next : none;
    return chosen.current;
  };

  return useSyncExternalStore(subscribe, read);
}
