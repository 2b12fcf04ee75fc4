// Where presentation mode puts the journey: the viewport that shows the nodes under discussion in the
// part of the canvas the caption and the Stop presenting button leave free, at a zoom a room can read.
// Pure geometry (flow coordinates in, React Flow's viewport out), so it is tested without a browser.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Pixels of the pane covered at each side (the caption at the bottom, the presenting button at the top). */
export interface Covered {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FrameOptions {
  /** Below this the steps' text is too small for the back of a room: the frame may then crop. */
  minZoom: number;
  maxZoom: number;
  /** Pixels kept free around the framed nodes. */
  margin: number;
}

/** Presentation mode's zoom range: no smaller than 80 % (readable from a distance), no larger than 150 %. */
export const PRESENTATION_FRAME: FrameOptions = { minZoom: 0.8, maxZoom: 1.5, margin: 24 };

/** The smallest box holding all the boxes; null for none. */
export function boundsOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const box of boxes) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The viewport that centres the boxes in the free part of a pane of `width` × `height` pixels, as large
 * as fits within the zoom range. When even the smallest zoom does not fit them, their top-left part is
 * shown (the first steps of a journey, laid out left to right and top down), never their middle only.
 */
export function frameBoxes(boxes: readonly Box[], pane: { width: number; height: number }, covered: Covered, options: FrameOptions = PRESENTATION_FRAME): Viewport | null {
  const bounds = boundsOf(boxes);
  const freeWidth = pane.width - covered.left - covered.right - 2 * options.margin;
  const freeHeight = pane.height - covered.top - covered.bottom - 2 * options.margin;
  if (!bounds || !(freeWidth > 0) || !(freeHeight > 0)) return null;
  const fit = Math.min(freeWidth / Math.max(bounds.width, 1), freeHeight / Math.max(bounds.height, 1));
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, fit));
  const left = covered.left + options.margin;
  const top = covered.top + options.margin;
  const place = (start: number, size: number, free: number, origin: number) =>
    size * zoom <= free ? origin + (free - size * zoom) / 2 - start * zoom : origin - start * zoom;
  return { x: place(bounds.x, bounds.width, freeWidth, left), y: place(bounds.y, bounds.height, freeHeight, top), zoom };
}
