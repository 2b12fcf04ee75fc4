// How wide the flow diagram's labels may be. ECharts puts each step of a Sankey diagram in a column (its
// longest path from an entry) and writes its name to the right of it, into the gap before the next
// column: a name wider than that gap runs into the next column's steps and names. So the labels get the
// gap's width (at least LABEL_MIN, at most LABEL_MAX, up to three lines each), and where even the narrowest
// labels do not fit the chart's usual width, the chart is drawn wider and scrolls sideways.
import type { JourneyFlow } from '../../../core/sim/analysis';

type SankeyNode = JourneyFlow['sankey']['nodes'][number];
type SankeyLink = JourneyFlow['sankey']['links'][number];

/** The narrowest the flow chart is: its section in the dashboard at a 1024 px wide window. */
export const FLOW_USUAL_WIDTH = 880;
export const LABEL_MIN = 56;
export const LABEL_MAX = 140;
/** ECharts' default node width, plus the label's distance from its node and a margin after it. */
const NODE_WIDTH = 20;
const LABEL_GAP = 5 + 6;
const LEFT = 8;

/** How many columns ECharts lays the steps out in: 1 + the longest path from a step nothing leads into. */
export function sankeyColumns(nodes: readonly SankeyNode[], links: readonly SankeyLink[]): number {
  const incoming = new Map(nodes.map((node) => [node.id, 0]));
  const out = new Map<string, string[]>();
  for (const link of links) {
    incoming.set(link.target, (incoming.get(link.target) ?? 0) + 1);
    out.set(link.source, [...(out.get(link.source) ?? []), link.target]);
  }
  // Kahn's layering, as ECharts does it: a step's column is the round its last incoming link is removed in.
  let layer = nodes.filter((node) => incoming.get(node.id) === 0).map((node) => node.id);
  let columns = 0;
  while (layer.length > 0) {
    columns += 1;
    const next: string[] = [];
    for (const id of layer)
      for (const target of out.get(id) ?? []) {
        const left = (incoming.get(target) ?? 0) - 1;
        incoming.set(target, left);
        if (left === 0) next.push(target);
      }
    layer = next;
  }
  return Math.max(1, columns);
}

export interface SankeyLayout {
  /** The width of each step's name (it breaks onto up to three lines, then is cut). */
  labelWidth: number;
  /** Room at the right for the last column's names. */
  right: number;
  left: number;
  /** The width the chart needs, where that is more than its usual width (it then scrolls); else null. */
  minWidth: number | null;
}

/**
 * Labels as wide as the gap between columns at `width`: a chart W wide with c columns and labels L wide
 * needs W ≥ LEFT + NODE_WIDTH + L + 12 + (c − 1)(NODE_WIDTH + LABEL_GAP + L).
 */
export function sankeyLayout(columns: number, width = FLOW_USUAL_WIDTH): SankeyLayout {
  const fixed = LEFT + NODE_WIDTH + 12 + (columns - 1) * (NODE_WIDTH + LABEL_GAP);
  const fitting = Math.floor((width - fixed) / columns);
  const labelWidth = Math.max(LABEL_MIN, Math.min(LABEL_MAX, fitting));
  return { labelWidth, right: labelWidth + 12, left: LEFT, minWidth: fitting < LABEL_MIN ? fixed + columns * LABEL_MIN : null };
}
