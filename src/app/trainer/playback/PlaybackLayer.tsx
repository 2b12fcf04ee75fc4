// The recording played on the canvas: one <canvas> over the React Flow pane, redrawn on the animation
// frame after anything it shows changes (the moment, the followed user, the pan and zoom, a node moved).
// It is decoration for sighted users: the same figures are in the playback bar and lifecycle strip.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore, useStoreApi } from '@xyflow/react';
import { createPlayback } from '../../../core/trainer';
import { drawPlayback, jitterOf, type DrawInput, type NodeBoxes } from './drawPlayback';
import { moveMsFor } from './playbackStore';
import { usePlayback, usePlaybackStore } from './PlaybackContext';
import './playback.css';

/** A node not measured yet is drawn at React Flow's default size for ours. */
const FALLBACK_SIZE = { width: 240, height: 80 };

export function PlaybackLayer() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const playbackStore = usePlaybackStore();
  const flowStore = useStoreApi();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const timeline = usePlayback((state) => state.timeline);
  const journey = usePlayback((state) => state.input?.journey ?? null);
  const lang = useTranslation().i18n.language;

  const scene = useMemo(() => {
    if (!timeline || !journey) return null;
    const nodeIndex = new Map(timeline.nodeIds.map((id, index) => [id, index]));
    const edges = journey.edges;
    const nodeCount = timeline.nodeIds.length;
    return {
      playback: createPlayback(timeline),
      jitter: jitterOf(timeline.users.length),
      edgeSource: Int32Array.from(edges, (edge) => nodeIndex.get(edge.source) ?? -1),
      edgeTarget: Int32Array.from(edges, (edge) => nodeIndex.get(edge.target) ?? -1),
      edgePort: edges.map((edge) => edge.sourcePort),
      userPosition: new Map(timeline.users.map((user, position) => [user, position])),
      // Refilled by every frame's measure(): a frame allocates nothing for the boxes.
      boxes: {
        x: new Float64Array(nodeCount),
        y: new Float64Array(nodeCount),
        width: new Float64Array(nodeCount),
        height: new Float64Array(nodeCount),
        portX: new Float64Array(edges.length),
        portY: new Float64Array(edges.length),
      } satisfies NodeBoxes,
    };
  }, [timeline, journey]);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // Taken at the first draw on a canvas that takes room on the page (one nobody laid out shows nothing).
    let context: CanvasRenderingContext2D | null = null;
    const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format;
    let pending: number | null = null;

    const measure = (): NodeBoxes | null => {
      if (!scene) return null;
      // React Flow updates its node lookup in place: measured afresh each frame (a few hundred nodes at most).
      const { nodeLookup } = flowStore.getState();
      const ids = scene.playback.timeline.nodeIds;
      const boxes = scene.boxes;
      for (let index = 0; index < ids.length; index++) {
        const node = nodeLookup.get(ids[index]!);
        boxes.x[index] = node ? node.internals.positionAbsolute.x : Number.NaN;
        boxes.y[index] = node ? node.internals.positionAbsolute.y : Number.NaN;
        boxes.width[index] = node?.measured.width ?? FALLBACK_SIZE.width;
        boxes.height[index] = node?.measured.height ?? FALLBACK_SIZE.height;
      }
      for (let edge = 0; edge < scene.edgePort.length; edge++) {
        const port = scene.edgePort[edge]!;
        const source = scene.edgeSource[edge]!;
        const handle = source >= 0 ? nodeLookup.get(ids[source]!)?.internals.handleBounds?.source?.find((candidate) => candidate.id === port) : undefined;
        boxes.portX[edge] = handle ? handle.x + handle.width / 2 : Number.NaN;
        boxes.portY[edge] = handle ? handle.y + handle.height / 2 : Number.NaN;
      }
      return boxes;
    };

    const draw = () => {
      pending = null;
      const flow = flowStore.getState();
      if (element.clientWidth === 0 || element.clientHeight === 0) return;
      context ??= element.getContext('2d');
      if (!context) return;
      const pixelRatio = window.devicePixelRatio || 1;
      const wantWidth = Math.round(flow.width * pixelRatio);
      const wantHeight = Math.round(flow.height * pixelRatio);
      if (element.width !== wantWidth) element.width = wantWidth;
      if (element.height !== wantHeight) element.height = wantHeight;
      const playback = playbackStore.getState();
      const nodeBoxes = measure();
      let input: DrawInput | null = null;
      if (scene && nodeBoxes && playback.phase === 'ready') {
        input = {
          frame: scene.playback.frameAt(playback.timeMs, moveMsFor(playback.speed)),
          edgeSource: scene.edgeSource,
          edgeTarget: scene.edgeTarget,
          boxes: nodeBoxes,
          jitter: scene.jitter,
          followed: playback.followed === null ? -1 : (scene.userPosition.get(playback.followed) ?? -1),
          format,
        };
      }
      drawPlayback(context, { transform: flow.transform, width: flow.width, height: flow.height, pixelRatio }, input);
    };
    const schedule = () => {
      if (pending === null) pending = requestAnimationFrame(draw);
    };
    const unsubscribePlayback = playbackStore.subscribe((state, previous) => {
      if (state.timeMs !== previous.timeMs || state.followed !== previous.followed || state.phase !== previous.phase || state.speed !== previous.speed) schedule();
    });
    // Pan, zoom, a node dragged or measured: anything in React Flow's store may move what is drawn.
    const unsubscribeFlow = flowStore.subscribe(schedule);
    schedule();
    return () => {
      unsubscribePlayback();
      unsubscribeFlow();
      if (pending !== null) cancelAnimationFrame(pending);
    };
  }, [scene, flowStore, playbackStore, lang]);

  return <canvas ref={canvas} className="playback-layer" aria-hidden="true" style={{ width, height }} />;
}
