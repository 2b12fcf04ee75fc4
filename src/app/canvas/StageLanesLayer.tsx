// The five journey stages as horizontal bands in flow coordinates: they pan and zoom with the nodes,
// and a node's stage is the lane it sits in (src/core/journey/lanes.ts). Rendered through React Flow's
// ViewportPortal, so it must be a child of <ReactFlow>. The bands sit behind edges and nodes and take
// no pointer events. The lane names stay at the left edge of the visible canvas while panning, at a
// constant on-screen size while zooming. The first and last bands run on above and below the others
// (canvas.css; a position there belongs to them: stageAt clamps), so the lanes fill the canvas's
// height at any zoom. A lane's name has a tooltip with what the stage is about (and a common synonym where the
// catalog gives one, e.g. 认知 for Awareness). The bands form an ordered list named "Journey stages" for
// assistive technology (and tests).
import { useTranslation } from 'react-i18next';
import { ViewportPortal, useStore, type Node } from '@xyflow/react';
import { stages, stageNames, type Stage } from '../../core/journey';
import { LANE_HEIGHT, laneTop } from '../../core/journey';
import './canvas.css';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

/** Horizontal extent of the bands in flow coordinates, at least: wider than most journeys. */
export const LANES_X_MIN = -5000;
export const LANES_X_MAX = 20000;
/** A longer journey's bands reach at least this far past its last step's left edge… */
const LANES_RUN_ON = 2500;
/** …rounded up to a multiple of this, so that a drag changes their width seldom. */
const LANES_STEP = 20000;

/** How far right the bands reach for these nodes, once per nodes array (not on every pan frame). */
const rightOf = new WeakMap<Node[], number>();
function lanesRight(nodes: Node[]): number {
  let right = rightOf.get(nodes);
  if (right === undefined) {
    const last = nodes.reduce((most, node) => Math.max(most, node.position.x), -Infinity);
    right = Math.max(LANES_X_MAX, Math.ceil((last + LANES_RUN_ON) / LANES_STEP) * LANES_STEP);
    rightOf.set(nodes, right);
  }
  return right;
}

/** Gap between the visible canvas's left edge and the lane names, in screen pixels. */
const LABEL_INSET = 12;

export function StageLanesLayer() {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const panX = useStore((state) => state.transform[0]);
  const zoom = useStore((state) => state.transform[2]);
  const right = useStore((state) => lanesRight(state.nodes));
  // The flow x of the visible canvas's left edge, kept inside the bands.
  const visibleLeft = -panX / zoom;
  const labelX = Math.min(Math.max(visibleLeft + LABEL_INSET / zoom, LANES_X_MIN + LABEL_INSET), right - 400 / zoom);
  const labelStyle = {
    left: labelX - LANES_X_MIN,
    top: 8 / zoom,
    transform: `scale(${1 / zoom})`,
  };
  const tooltip = (stage: Stage) => {
    const name = say(stageNames[stage], lang);
    const text = t('canvas.laneTooltip', { stage: name, description: t(`canvas.laneDescription.${stage}`) });
    const synonym = t(`canvas.laneSynonym.${stage}`, { defaultValue: '' });
    return synonym ? `${text}\n${synonym}` : text;
  };

  return (
    <ViewportPortal>
      <ol className="lanes-layer" aria-label={t('canvas.lanes')} lang={lang}>
        {stages.map((stage) => (
          <li
            key={stage}
            className={`lanes-layer__lane lanes-layer__lane--${stage}`}
            data-stage={stage}
            style={{ left: LANES_X_MIN, top: laneTop(stage), width: right - LANES_X_MIN, height: LANE_HEIGHT }}
          >
            <span className="lanes-layer__label" title={tooltip(stage)} style={labelStyle}>
              {say(stageNames[stage], lang)}
            </span>
          </li>
        ))}
      </ol>
    </ViewportPortal>
  );
}
