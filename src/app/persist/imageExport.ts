// A picture of the whole journey, the way React Flow's "download image" example does it: frame all
// nodes (getNodesBounds → getViewportForBounds) and render the `.react-flow__viewport` element with
// that transform through html-to-image, whatever part of the canvas is on screen.
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

export interface CanvasImageOptions {
  /** Background colour (CSS), e.g. the canvas background; images are otherwise transparent. */
  background: string;
  /** Size of the image in CSS pixels; by default the nodes' bounds at zoom 1 plus a margin. */
  width?: number;
  height?: number;
  /** The nodes to frame (from useReactFlow().getNodes()). */
  nodes: Node[];
  /** Space around the nodes, in pixels. */
  margin?: number;
  /** Device pixel ratio for PNG (sharper on high-density screens); default 2. */
  pixelRatio?: number;
}

const MAX_SIDE = 8192;

/**
 * Renders the flow inside `element` (the React Flow root, or its `.react-flow__viewport`) as a PNG or
 * SVG data URL, framed on `nodes`. Pass the result to downloadDataUrl().
 */
export async function exportCanvasImage(element: HTMLElement, format: 'png' | 'svg', options: CanvasImageOptions): Promise<string> {
  const viewportElement = element.classList.contains('react-flow__viewport')
    ? element
    : element.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewportElement) throw new Error('exportCanvasImage: no .react-flow__viewport inside the element');
  const margin = options.margin ?? 48;
  const bounds = getNodesBounds(options.nodes);
  const width = Math.round(Math.min(MAX_SIDE, options.width ?? Math.max(320, bounds.width + 2 * margin)));
  const height = Math.round(Math.min(MAX_SIDE, options.height ?? Math.max(240, bounds.height + 2 * margin)));
  const viewport = getViewportForBounds(bounds, width, height, 0.05, 2, `${margin}px`);
  const render = format === 'png' ? toPng : toSvg;
  return render(viewportElement, {
    backgroundColor: options.background,
    width,
    height,
    ...(format === 'png' ? { pixelRatio: options.pixelRatio ?? 2 } : {}),
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
    },
  });
}
