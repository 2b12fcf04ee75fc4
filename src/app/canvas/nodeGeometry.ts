// Where a node's frame and handles will be before the browser has laid it out, worked out from
// canvas.css. React Flow draws an edge only between handles it has measured, so by default it renders
// every node once to measure it — all 2,000 of a large journey, though a few dozen are on screen. A
// node given an estimated size and handles (`initialWidth`, `initialHeight`, `handles`) needs no such
// render: off-screen nodes stay out of the DOM (onlyRenderVisibleElements), and an edge to one is drawn
// to its estimated handle. When a node comes on screen React Flow measures it, and its measured size
// and handles replace the estimate (the flow node then carries `measured` and no `handles`).
//
// The estimate is exact for a step whose summary takes one line, and otherwise off by a line or two
// (17.5 px a line): it is worked out without the step's translated texts, as turning 2,000 summaries
// into words (the message catalog's formatter) took longer than everything else in opening the journey.
import type { NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import { defaultRegistry, type JourneyNode, type Registry } from '../../core/journey';

// canvas.css, in CSS pixels at 100 % (1rem = 16 px).
const FRAME_WIDTH = 220; // --node-width, border-box
const BORDER = 1; // top, right, bottom (left: the 5 px stage accent)
const PADDING_Y = 8; // 0.5rem
const HEADER_MIN = 28; // icon and names: 1.75rem
const KIND_LINE = 11 * 1.35; // .journey-node__kind, 0.6875rem at line-height 1.35
const TITLE_LINE = 14 * 1.35; // .journey-node__title, 0.875rem
const SUMMARY_GAP = 6; // 0.375rem
const SUMMARY_LINE = 13 * 1.35; // 0.8125rem
const SUMMARY_LINES = 1; // the fewest, and the most common for the kinds' summaries
const PORTS_TOP = 8 + 1 + 6; // margin, border and padding above the first port
const PORT_ROW = 22; // 1.375rem
const PORT_GAP = 2; // 0.125rem
const HANDLE = 12; // .journey-node__handle
const ACCENT = 5; // the stage accent, the left border
const INPUT_LEFT = -3; // .journey-node__handle--input, from the padding edge, centred there

/** The estimated box and handles of a node, in flow coordinates relative to its top-left corner. */
export interface NodeGeometry {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/** What of a node decides its size: a kind label over the title, a summary, its ports, an input. */
export interface NodeShape {
  labelled: boolean;
  summary: boolean;
  ports: readonly { id: string }[];
  hasInput: boolean;
}

/** A node's shape from its kind (node-kind registry), without its translated texts. */
export function nodeShape(node: JourneyNode, registry: Registry = defaultRegistry): NodeShape {
  const definition = registry.get(node.kind);
  const labelled = node.label.trim() !== '';
  if (!definition) return { labelled, summary: true, ports: [], hasInput: true };
  // A stored node's params were read with their defaults; parse only those that the kind cannot read.
  const portsOf = (params: unknown) => definition.ports(params as never);
  let ports: readonly { id: string }[];
  try {
    ports = portsOf(node.params);
  } catch {
    const parsed = definition.params.safeParse(node.params);
    try {
      ports = parsed.success ? portsOf(parsed.data) : [];
    } catch {
      ports = [];
    }
  }
  return { labelled, summary: true, ports, hasInput: definition.group !== 'triggers' };
}

/** Estimates a node's size and handles from its shape. */
export function estimateNodeGeometry(shape: NodeShape): NodeGeometry {
  const header = Math.max(HEADER_MIN, (shape.labelled ? KIND_LINE : 0) + TITLE_LINE);
  const summary = shape.summary ? SUMMARY_GAP + SUMMARY_LINES * SUMMARY_LINE : 0;
  const portsTop = BORDER + PADDING_Y + header + summary + PORTS_TOP;
  const ports = shape.ports.length > 0 ? PORTS_TOP + shape.ports.length * PORT_ROW + (shape.ports.length - 1) * PORT_GAP : 0;
  const height = Math.round(BORDER + PADDING_Y + header + summary + ports + PADDING_Y + BORDER);
  const handles: NodeHandle[] = shape.ports.map((port, index) => ({
    id: port.id,
    type: 'source',
    position: Position.Right,
    x: FRAME_WIDTH - BORDER - HANDLE / 2,
    y: Math.round(portsTop + index * (PORT_ROW + PORT_GAP) + PORT_ROW / 2 - HANDLE / 2),
    width: HANDLE,
    height: HANDLE,
  }));
  if (shape.hasInput)
    handles.push({ id: null, type: 'target', position: Position.Left, x: ACCENT + INPUT_LEFT - HANDLE / 2, y: Math.round(height / 2 - HANDLE / 2), width: HANDLE, height: HANDLE });
  return { width: FRAME_WIDTH, height, handles };
}
