// What trainer mode draws over the journey's canvas (canvas/overlay.ts): the nodes a lesson or an
// explanation points at, highlighted, the playback's dots moving along the edges, and in presentation
// mode the frame that brings the highlighted nodes into view above the caption.
import { createElement, Fragment, useMemo } from 'react';
import type { CanvasOverlay } from '../canvas/overlay';
import { useTrainer } from './TrainerStoreContext';
import { PlaybackLayer } from './playback/PlaybackLayer';
import { FocusFrame } from './presentation/FocusFrame';

function useNodeClasses() {
  const focus = useTrainer((state) => state.focus);
  return useMemo(() => new Map(focus.map((nodeId) => [nodeId, 'journey-node--focused'])), [focus]);
}

// createElement, not JSX: this module keeps its .ts name, which other code imports.
const TrainerLayer = () => createElement(Fragment, null, createElement(PlaybackLayer), createElement(FocusFrame));

/** Trainer mode's overlay; drawn inside TrainerWorkspace, whose trainer store and playback it reads. */
export const trainerOverlay: CanvasOverlay = { useNodeClasses, Layer: TrainerLayer };
