import { useEffect } from 'react';
import { isTyping } from '../../isTyping';
import type { PlaybackStore } from './playbackStore';

// Elements that own the arrows themselves: a slider or select moves, a tab switches, a node or edge of
// the canvas is moved or selected. Space also belongs to whatever it clicks or toggles.
const OWNS_ARROWS = 'input, select, textarea, [role="tab"], [role="slider"], [role="radio"], [role="menuitem"], [contenteditable="true"], .react-flow__node, .react-flow__edge';
const OWNS_SPACE = `${OWNS_ARROWS}, button, a[href], summary, [role="button"], [role="checkbox"]`;

/**
 * Space plays or pauses, ← and → step an hour (with Shift a day), wherever focus is in the page except
 * on something that uses those keys itself. Installed on the document while the playback bar is shown.
 */
export function usePlaybackKeys(store: PlaybackStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const owner = (selector: string) => event.target instanceof Element && event.target.closest(selector) !== null;
      const state = store.getState();
      if (state.phase !== 'ready') return;
      if (event.key === ' ') {
        if (owner(OWNS_SPACE)) return;
        event.preventDefault();
        if (state.playing) state.pause();
        else state.play();
      } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        if (owner(OWNS_ARROWS)) return;
        event.preventDefault();
        state.step(event.key === 'ArrowRight' ? 1 : -1, event.shiftKey);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
