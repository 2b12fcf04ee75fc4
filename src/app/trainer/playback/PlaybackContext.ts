import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PlaybackState, PlaybackStore } from './playbackStore';

/** The open journey's playback store, provided by PlaybackProvider around trainer mode. */
export const PlaybackStoreContext = createContext<PlaybackStore | null>(null);

export function usePlaybackStore(): PlaybackStore {
  const store = useContext(PlaybackStoreContext);
  if (!store) throw new Error('usePlaybackStore: no PlaybackProvider above this component');
  return store;
}

/** Reads from the playback store; the component re-renders only when the selected slice changes. */
export function usePlayback<T>(select: (state: PlaybackState) => T): T {
  return useStore(usePlaybackStore(), select);
}
