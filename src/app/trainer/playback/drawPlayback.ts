// Draws one playback frame on a canvas over the React Flow pane: a dot per sampled user (at a node,
// jittered so dots do not stack; or on the straight line between the ports of the edge it walks), each
// node's live population in a pill above it, and each lane's population at its bottom-left corner.
// Plain canvas calls on numbers, so a frame of thousands of dots stays well inside its budget.
import { stages } from '../../../core/journey';
import { LANE_HEIGHT } from '../../../core/journey';
import { AT_NODE, MOVING, type PlaybackFrame } from '../../../core/trainer';

/** Where each node of the timeline sits on the canvas now, in flow coordinates (NaN: not drawn). */
export interface NodeBoxes {
  x: Float64Array;
  y: Float64Array;
  width: Float64Array;
  height: Float64Array;
  /** Per edge of the timeline: the source handle's centre relative to its node (NaN: right middle). */
  portX: Float64Array;
  portY: Float64Array;
}

export interface DrawView {
  /** React Flow's transform: pan x, pan y, zoom. */
  transform: readonly [number, number, number];
  width: number;
  height: number;
  pixelRatio: number;
}

const DOT_RADIUS = 4;
const FOLLOWED_RADIUS = 9;
const MIN_DOT_PX = 3;
const DOT_COLOUR = 'rgb(37 99 235 / 0.55)';
const MOVING_COLOUR = 'rgb(14 165 233 / 0.85)';
const FOLLOWED_COLOUR = '#f97316';

/** A fixed spread of offsets in [−1, 1]² per sampled user, the same every frame (a cheap integer hash). */
export function jitterOf(count: number): { x: Float32Array; y: Float32Array } {
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  for (let user = 0; user < count; user++) {
    let hash = Math.imul(user + 1, 2654435761) >>> 0;
    x[user] = (hash & 0xffff) / 32767.5 - 1;
    hash = Math.imul(hash ^ (hash >>> 15), 2246822519) >>> 0;
    y[user] = (hash & 0xffff) / 32767.5 - 1;
  }
  return { x, y };
}

export interface DrawInput {
  frame: PlaybackFrame;
  /** Per timeline edge: its source and target node indexes. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  boxes: NodeBoxes;
  jitter: { x: Float32Array; y: Float32Array };
  /** The followed user's position in the frame's buffers, or −1. */
  followed: number;
  format(value: number): string;
}

function dotPosition(input: DrawInput, user: number, out: { x: number; y: number }): boolean {
  const { frame, boxes, jitter, edgeSource, edgeTarget } = input;
  const state = frame.state[user]!;
  const node = frame.node[user]!;
  if ((state !== AT_NODE && state !== MOVING) || node < 0 || Number.isNaN(boxes.x[node]!)) return false;
  if (state === MOVING) {
    const edge = frame.edge[user]!;
    const from = edge >= 0 ? edgeSource[edge]! : frame.from[user]!;
    const to = edge >= 0 ? edgeTarget[edge]! : node;
    if (from >= 0 && !Number.isNaN(boxes.x[from]!)) {
      const portX = edge >= 0 ? boxes.portX[edge]! : Number.NaN;
      const startX = boxes.x[from]! + (Number.isNaN(portX) ? boxes.width[from]! : portX);
      const startY = boxes.y[from]! + (Number.isNaN(portX) ? boxes.height[from]! / 2 : boxes.portY[edge]!);
      const endX = boxes.x[to]!;
      const endY = boxes.y[to]! + boxes.height[to]! / 2;
      const progress = frame.progress[user]!;
      out.x = startX + (endX - startX) * progress;
      out.y = startY + (endY - startY) * progress;
      return true;
    }
  }
  out.x = boxes.x[node]! + boxes.width[node]! * (0.5 + 0.42 * jitter.x[user]!);
  out.y = boxes.y[node]! + boxes.height[node]! * (0.5 + 0.38 * jitter.y[user]!);
  return true;
}

export function drawPlayback(context: CanvasRenderingContext2D, view: DrawView, input: DrawInput | null): void {
  const { pixelRatio, width, height } = view;
  const [panX, panY, zoom] = view.transform;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, width * pixelRatio, height * pixelRatio);
  if (!input) return;
  const { frame, boxes } = input;
  const at = { x: 0, y: 0 };

  // Dots in flow coordinates: they pan and zoom with the journey.
  context.setTransform(pixelRatio * zoom, 0, 0, pixelRatio * zoom, pixelRatio * panX, pixelRatio * panY);
  // Squares, not circles: thousands of anti-aliased arcs cost most of a software-rendered frame, and at
  // a few pixels across the eye does not tell them apart. Never smaller than MIN_DOT_PX on screen.
  const half = Math.max(DOT_RADIUS, MIN_DOT_PX / 2 / zoom);
  for (const moving of [false, true]) {
    context.beginPath();
    for (let user = 0; user < frame.state.length; user++) {
      if (user === input.followed || (frame.state[user] === MOVING) !== moving || !dotPosition(input, user, at)) continue;
      context.rect(at.x - half, at.y - half, 2 * half, 2 * half);
    }
    context.fillStyle = moving ? MOVING_COLOUR : DOT_COLOUR;
    context.fill();
  }
  if (input.followed >= 0 && dotPosition(input, input.followed, at)) {
    context.beginPath();
    context.arc(at.x, at.y, Math.max(FOLLOWED_RADIUS, 5 / zoom), 0, 2 * Math.PI);
    context.fillStyle = FOLLOWED_COLOUR;
    context.fill();
    context.lineWidth = 2 / zoom;
    context.strokeStyle = '#fff';
    context.stroke();
  }

  // Counts at a constant on-screen size.
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.font = '600 12px system-ui, sans-serif';
  context.textBaseline = 'middle';
  for (let node = 0; node < boxes.x.length; node++) {
    if (Number.isNaN(boxes.x[node]!)) continue;
    const text = input.format(frame.nodePopulation[node]!);
    const textWidth = context.measureText(text).width;
    const right = (boxes.x[node]! + boxes.width[node]!) * zoom + panX;
    const top = boxes.y[node]! * zoom + panY - 11;
    context.fillStyle = 'rgb(30 41 59 / 0.88)';
    context.beginPath();
    context.roundRect(right - textWidth - 12, top - 9, textWidth + 12, 18, 9);
    context.fill();
    context.fillStyle = '#fff';
    context.fillText(text, right - textWidth - 6, top);
  }
  context.font = '600 13px system-ui, sans-serif';
  context.fillStyle = 'rgb(30 41 59 / 0.8)';
  // Only where a lane is tall enough on screen to hold its name and, below it, its population.
  if (LANE_HEIGHT * zoom >= 64)
    for (let stage = 0; stage < stages.length; stage++) {
      const bottom = (stage + 1) * LANE_HEIGHT * zoom + panY - 12;
      if (bottom > -20 && bottom < height + 20) context.fillText(`● ${input.format(frame.stagePopulation[stage]!)}`, 12, bottom);
    }
}
