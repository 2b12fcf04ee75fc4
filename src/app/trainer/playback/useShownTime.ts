import { useEffect, useState } from 'react';
import type { PlaybackStore } from './playbackStore';

/**
 * The moment for text and controls: every change while paused (a step, a seek), but at most one
 * re-render per `intervalMs` while playing, so the page's frames go to the canvas rather than to
 * re-laying out figures nobody reads sixty times a second.
 */
export function useShownTime(store: PlaybackStore, intervalMs = 100): number {
  const [time, setTime] = useState(() => store.getState().timeMs);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      timer = null;
      last = performance.now();
      setTime(store.getState().timeMs);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.timeMs === previous.timeMs && state.playing === previous.playing) return;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const wait = intervalMs - (performance.now() - last);
      if (!state.playing || wait <= 0) show();
      else timer = setTimeout(show, wait);
    });
    show();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, intervalMs]);
  return time;
}
