import { stages } from '../journey/stages';
import type { JourneyDocument } from '../journey/schema';
import type { TraceEntry } from '../sim/engine/trace';

/**
 * Playback of a trace sample on the canvas. The sample's traces become one compact timeline of hops —
 * a user arriving at a node — in typed arrays, each user's hops sorted by time; `frameAt` then says
 * where every sampled user is at a moment, in buffers it reuses, in O(users) per frame (a cursor per
 * user moves from the previous frame's hop, so playing forward costs O(1) per user).
 *
 * A hop animates along its edge for `moveMs` of simulated time after it happened. Several hops at one
 * instant (a branch, an offer and a message in a row) share that time, one after the other, so the dot
 * visibly walks the path instead of jumping to its end.
 */

/** Where a sampled user is in a frame. */
export const NOT_ENTERED = 0;
export const AT_NODE = 1;
export const MOVING = 2;
export const LEFT = 3;

export interface PlaybackTimeline {
  nodeIds: string[];
  edgeIds: string[];
  /** Per node: index of its stage in `stages`. */
  nodeStage: Uint8Array;
  /** Sampled user indexes, in the order of the frame's per-user buffers. */
  users: number[];
  /** Full run's users per sampled user: populations and counts are scaled by it. */
  scale: number;
  /** Per sampled user: their hops are hop indexes userStart[u] … userStart[u + 1] − 1. */
  userStart: Int32Array;
  hopTime: Float64Array;
  /** The node arrived at, or −1 for leaving the journey (then `hopFrom` is where they left from). */
  hopNode: Int32Array;
  hopFrom: Int32Array;
  /** The edge taken, or −1 (an entry, a jump to a goal by exit on goal, leaving). */
  hopEdge: Int32Array;
  /** First hop of the same user at the same instant. */
  hopGroup: Int32Array;
  /** Every node entry of the sample, by time: for the entries so far. */
  entryTime: Float64Array;
  entryNode: Int32Array;
  /** Simulated time from launch to the horizon. */
  horizonMs: number;
}

export interface PlaybackFrame {
  time: number;
  /** Per sampled user: NOT_ENTERED, AT_NODE, MOVING or LEFT. */
  state: Uint8Array;
  /** The node the user is at or moving to (for LEFT: the node they left from); −1 before entering. */
  node: Int32Array;
  /** While MOVING: where from, along which edge (−1 when the move follows no edge), and how far 0–1. */
  from: Int32Array;
  edge: Int32Array;
  progress: Float32Array;
  /** Users in each stage now (at or moving to a node of it), scaled to the full run. */
  stagePopulation: Float64Array;
  /** Per node: users there now, and entries so far, scaled to the full run. */
  nodePopulation: Float64Array;
  nodeEntries: Float64Array;
}

const edgeKey = (source: string, port: string) => `${source}\u0000${port}`;

/** Builds the timeline of a sample (`users` in the order the frame reports them) over `runUsers` users. */
export function buildTimeline(journey: JourneyDocument, traces: ReadonlyMap<number, readonly TraceEntry[]>, users: readonly number[], runUsers: number, horizonMs: number): PlaybackTimeline {
  const nodeIndex = new Map(journey.nodes.map((node, index) => [node.id, index]));
  const edgeByPort = new Map(journey.edges.map((edge, index) => [edgeKey(edge.source, edge.sourcePort), index]));
  const times: number[] = [];
  const nodes: number[] = [];
  const froms: number[] = [];
  const edges: number[] = [];
  const groups: number[] = [];
  const userStart = new Int32Array(users.length + 1);
  users.forEach((user, position) => {
    userStart[position] = times.length;
    let at = -1;
    let port = -1;
    const hop = (time: number, node: number, edge: number) => {
      const previous = times.length - 1;
      groups.push(previous >= userStart[position]! && times[previous] === time ? groups[previous]! : times.length);
      times.push(time);
      nodes.push(node);
      froms.push(at);
      edges.push(edge);
    };
    for (const entry of traces.get(user) ?? []) {
      if (entry.type === 'port') port = edgeByPort.get(edgeKey(entry.node, entry.port)) ?? -1;
      else if (entry.type === 'enter') {
        const node = nodeIndex.get(entry.node) ?? -1;
        const edge = port >= 0 && journey.edges[port]!.target === entry.node ? port : -1;
        hop(entry.at, node, edge);
        at = node;
        port = -1;
      } else if (entry.type === 'exit') {
        hop(entry.at, -1, -1);
        at = -1;
        port = -1;
      }
    }
  });
  userStart[users.length] = times.length;

  const entries: { time: number; node: number }[] = [];
  for (let index = 0; index < times.length; index++) if (nodes[index]! >= 0) entries.push({ time: times[index]!, node: nodes[index]! });
  entries.sort((a, b) => a.time - b.time);
  return {
    nodeIds: journey.nodes.map((node) => node.id),
    edgeIds: journey.edges.map((edge) => edge.id),
    nodeStage: Uint8Array.from(journey.nodes, (node) => Math.max(0, stages.indexOf(node.stage))),
    users: [...users],
    scale: users.length > 0 ? runUsers / users.length : 0,
    userStart,
    hopTime: Float64Array.from(times),
    hopNode: Int32Array.from(nodes),
    hopFrom: Int32Array.from(froms),
    hopEdge: Int32Array.from(edges),
    hopGroup: Int32Array.from(groups),
    entryTime: Float64Array.from(entries, (entry) => entry.time),
    entryNode: Int32Array.from(entries, (entry) => entry.node),
    horizonMs,
  };
}

/** The timeline of a recorded sample (see sample.ts). */
export function timelineOf(sample: { model: { journey: JourneyDocument; users: number; horizonMs: number }; users: readonly number[]; traces: ReadonlyMap<number, readonly TraceEntry[]> }): PlaybackTimeline {
  return buildTimeline(sample.model.journey, sample.traces, sample.users, sample.model.users, sample.model.horizonMs);
}

export interface Playback {
  readonly timeline: PlaybackTimeline;
  /**
   * Where everyone is at `time` (ms after launch), a move taking `moveMs` of simulated time (the shell
   * picks it from the speed, so a move lasts a fraction of a second on screen). The frame returned is
   * the same object every call, overwritten: read it before the next call.
   */
  frameAt(time: number, moveMs: number): PlaybackFrame;
}

export function createPlayback(timeline: PlaybackTimeline): Playback {
  const count = timeline.users.length;
  const nodeCount = timeline.nodeIds.length;
  const frame: PlaybackFrame = {
    time: 0,
    state: new Uint8Array(count),
    node: new Int32Array(count),
    from: new Int32Array(count),
    edge: new Int32Array(count),
    progress: new Float32Array(count),
    stagePopulation: new Float64Array(stages.length),
    nodePopulation: new Float64Array(nodeCount),
    nodeEntries: new Float64Array(nodeCount),
  };
  // Per user: the last hop at or before the previous frame's time (start − 1 when none).
  const cursor = Int32Array.from({ length: count }, (_, user) => timeline.userStart[user]! - 1);
  const entriesSeen = new Int32Array(nodeCount);
  let entryCursor = 0;
  const { userStart, hopTime, hopNode, hopFrom, hopEdge, hopGroup, nodeStage, entryTime, entryNode, scale } = timeline;

  function frameAt(time: number, moveMs: number): PlaybackFrame {
    frame.time = time;
    frame.stagePopulation.fill(0);
    frame.nodePopulation.fill(0);
    for (let user = 0; user < count; user++) {
      const first = userStart[user]!;
      const end = userStart[user + 1]!;
      let hop = cursor[user]!;
      while (hop + 1 < end && hopTime[hop + 1]! <= time) hop++;
      while (hop >= first && hopTime[hop]! > time) hop--;
      cursor[user] = hop;
      if (hop < first) {
        frame.state[user] = NOT_ENTERED;
        frame.node[user] = -1;
        frame.from[user] = -1;
        frame.edge[user] = -1;
        frame.progress[user] = 0;
        continue;
      }
      // Hops at one instant share the move's time in turn; the last of them is `hop`.
      const group = hopGroup[hop]!;
      const elapsed = time - hopTime[hop]!;
      let shown = hop;
      let progress = 1;
      if (moveMs > 0 && elapsed < moveMs) {
        const slice = moveMs / (hop - group + 1);
        shown = Math.min(hop, group + Math.floor(elapsed / slice));
        progress = (elapsed - (shown - group) * slice) / slice;
      }
      const node = hopNode[shown]!;
      if (node < 0) {
        frame.state[user] = LEFT;
        frame.node[user] = hopFrom[shown]!;
        frame.from[user] = -1;
        frame.edge[user] = -1;
        frame.progress[user] = 1;
        continue;
      }
      const moving = progress < 1 && hopFrom[shown]! >= 0;
      frame.state[user] = moving ? MOVING : AT_NODE;
      frame.node[user] = node;
      frame.from[user] = moving ? hopFrom[shown]! : -1;
      frame.edge[user] = moving ? hopEdge[shown]! : -1;
      frame.progress[user] = moving ? progress : 1;
      frame.nodePopulation[node]! += scale;
      frame.stagePopulation[nodeStage[node]!]! += scale;
    }
    while (entryCursor < entryTime.length && entryTime[entryCursor]! <= time) entriesSeen[entryNode[entryCursor++]!]!++;
    while (entryCursor > 0 && entryTime[entryCursor - 1]! > time) entriesSeen[entryNode[--entryCursor]!]!--;
    for (let node = 0; node < nodeCount; node++) frame.nodeEntries[node] = entriesSeen[node]! * scale;
    return frame;
  }

  return { timeline, frameAt };
}

/**
 * The lifecycle strip: users in each stage at `points` evenly spaced moments from launch to the
 * horizon, from the sample, scaled (rows: stages; the full run's `stagesByDay` is the daily figure).
 */
export function stagePopulationSeries(timeline: PlaybackTimeline, points: number): Float64Array[] {
  const series = stages.map(() => new Float64Array(points));
  const playback = createPlayback(timeline);
  for (let point = 0; point < points; point++) {
    const time = points === 1 ? timeline.horizonMs : (timeline.horizonMs * point) / (points - 1);
    const frame = playback.frameAt(Math.min(time, timeline.horizonMs - 1), 0);
    for (let stage = 0; stage < stages.length; stage++) series[stage]![point] = frame.stagePopulation[stage]!;
  }
  return series;
}
