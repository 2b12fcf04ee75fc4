import type { ReactNode } from 'react';
import type { Node, Edge } from '@xyflow/react';
import type { JourneyNode } from '../../core/journey';
import type { Problem } from '../../core/journey';
import type { Language } from '../i18n/index.ts';
import type { EdgeWeight } from './overlay';

/**
 * What a canvas node needs to draw itself: the journey node, its problems and the language, and what
 * the host's overlay adds to it (overlay.ts).
 */
export type JourneyNodeData = {
  node: JourneyNode;
  problems: Problem[];
  lang: Language;
  badge?: ReactNode;
  className?: string;
};

export type JourneyFlowNode = Node<JourneyNodeData>;

export type JourneyEdgeData = {
  /** The output port's label in the current language. */
  portLabel: string;
  problems: Problem[];
  /** From the host's overlay: drawn wider, with a longer label and tooltip. */
  weight?: EdgeWeight;
};

export type JourneyFlowEdge = Edge<JourneyEdgeData>;

/** The drag-and-drop payload type the palette sets and the canvas reads: the node kind's name. */
export const KIND_DRAG_TYPE = 'application/x-journey-lab-kind';
