// What trainer mode draws over the journey's canvas (canvas/overlay.ts): the nodes a lesson or an
// explanation points at, highlighted, and the playback's dots moving along the edges.
import { useMemo } from 'react';
import type { CanvasOverlay } from '../canvas/overlay';
import { useTrainer } from './TrainerStoreContext';
import { PlaybackLayer } from './playback/PlaybackLayer';

function useNodeClasses() {
  const focus = useTrainer((state) => state.focus);
  return useMemo(() => new Map(focus.map((nodeId) => [nodeId, 'journey-node--focused'])), [focus]);
}

/** Trainer mode's overlay; drawn inside TrainerWorkspace, whose trainer store and playback it reads. */
export const trainerOverlay: CanvasOverlay = { useNodeClasses, Layer: PlaybackLayer };
