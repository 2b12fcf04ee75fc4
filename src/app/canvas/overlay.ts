// What the screen hosting the canvas draws over the journey, the way tldraw's `components` prop
// works: the canvas knows nothing of simulation or training (lint keeps it so); each mode describes
// its additions as an overlay, and the host passes the overlays of the modes it shows.
import type { ComponentType, ReactNode } from 'react';
import type { Language } from '../i18n/index.ts';

/** What an overlay adds to one edge: a width, a label after the port's, a tooltip line, a name. */
export interface EdgeWeight {
  /** The edge's weight over the heaviest edge's, 0 to 1: the edge's width grows with its square root. */
  share: number;
  /** Shown after the port's label (e.g. the times users took the edge). */
  label: string;
  /** A line added to the edge's tooltip. */
  title: string;
  /** The weight is out of date: the edge is drawn dimmed and dashed. */
  stale: boolean;
  /** The edge's accessible name with the weight in it, from the name it has without. */
  name(edgeName: string): string;
}

/**
 * The slots an overlay may fill; overlays that fill different slots combine with a spread. The `use…`
 * members are hooks the canvas calls once per render, so they select only what they draw, and return
 * the same map while it holds the same things: a node or edge is drawn again only when its entry changes.
 */
export interface CanvasOverlay {
  /** Badges drawn on nodes' frames, by node id (e.g. the simulation's entries). */
  useNodeBadges?(lang: Language): ReadonlyMap<string, ReactNode> | null;
  /** Extra classes on nodes' frames, by node id (e.g. the trainer's focus). */
  useNodeClasses?(): ReadonlyMap<string, string> | null;
  /** Edges' weights, by edge id; an edge without one is drawn plain. */
  useEdgeWeights?(lang: Language): ReadonlyMap<string, EdgeWeight> | null;
  /** Drawn inside React Flow, panning and zooming with the journey (e.g. the trainer's playback dots). */
  Layer?: ComponentType;
}

const none = () => null;

/** Every slot filled, empty ones with hooks that add nothing, so the canvas calls each unconditionally. */
export function filledOverlay(overlay: CanvasOverlay): Required<CanvasOverlay> {
  return { useNodeBadges: none, useNodeClasses: none, useEdgeWeights: none, Layer: none, ...overlay };
}
