// What the screen hosting the canvas draws over the journey, the way tldraw's `components` prop
// works: the canvas knows nothing of simulation or training (lint keeps it so); each mode describes
// its additions as an overlay, and the host passes the overlays of the modes it shows.
import { createElement, Fragment, useMemo, type ComponentType, type ReactNode } from 'react';
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

/** Merges maps by node id; a map is kept as it is when it is the only one, so memoised entries stay equal. */
function mergedMaps<T>(maps: readonly (ReadonlyMap<string, T> | null)[], merge: (values: T[]) => T): ReadonlyMap<string, T> | null {
  const present = maps.filter((map): map is ReadonlyMap<string, T> => map !== null && map.size > 0);
  if (present.length <= 1) return present[0] ?? null;
  const byId = new Map<string, T[]>();
  for (const map of present) for (const [id, value] of map) byId.set(id, [...(byId.get(id) ?? []), value]);
  return new Map([...byId].map(([id, values]) => [id, values.length === 1 ? values[0]! : merge(values)]));
}

/**
 * Several modes' overlays drawn at once (the simulation's counts and a team workspace's comments and
 * version highlights): badges side by side, classes together, the first overlay's edge weights, every
 * layer. The list must stay the same for the canvas's life, as each overlay's hooks are called in turn.
 */
export function combineOverlays(...overlays: CanvasOverlay[]): CanvasOverlay {
  if (overlays.length === 1) return overlays[0]!;
  const filled = overlays.map(filledOverlay);
  const Layers = filled.map((overlay) => overlay.Layer);
  return {
    useNodeBadges(lang) {
      const maps = filled.map((overlay) => overlay.useNodeBadges(lang));
      // eslint-disable-next-line react-hooks/exhaustive-deps -- the maps themselves are the inputs; each hook keeps its map while it holds the same things
      return useMemo(() => mergedMaps(maps, (badges) => createElement(Fragment, null, ...badges)), maps);
    },
    useNodeClasses() {
      const maps = filled.map((overlay) => overlay.useNodeClasses());
      // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
      return useMemo(() => mergedMaps(maps, (classes) => classes.join(' ')), maps);
    },
    useEdgeWeights(lang) {
      const maps = filled.map((overlay) => overlay.useEdgeWeights(lang));
      return maps.find((map) => map !== null) ?? null;
    },
    Layer() {
      return createElement(Fragment, null, ...Layers.map((Layer, index) => createElement(Layer, { key: index })));
    },
  };
}
