import { stages, stageIndex, type Stage } from './stages';

/**
 * The canvas draws one horizontal lane per stage, top to bottom from awareness to loyalty. A node's
 * stage and the lane its position falls in agree: dropping a node in a lane gives it that stage.
 */
export const LANE_HEIGHT = 200;
/** Where node boxes start inside a lane, so a node at the lane's top edge still sits inside it. */
export const LANE_PADDING = 40;

export const laneTop = (stage: Stage): number => stageIndex(stage) * LANE_HEIGHT;

/** Rows inside a lane are this far apart, so two node boxes fit in one lane. */
export const ROW_HEIGHT = 90;
/** Where the first column of nodes starts: to the right of the lanes' names. */
export const FIRST_COLUMN_X = 160;

/** The vertical position of a node in row `row` (0, 1) of a stage's lane. */
export const laneRowY = (stage: Stage, row = 0): number => laneTop(stage) + LANE_PADDING / 2 + row * ROW_HEIGHT;

/** The stage whose lane contains the vertical position `y` (positions above or below clamp). */
export function stageAt(y: number): Stage {
  const index = Math.min(stages.length - 1, Math.max(0, Math.floor(y / LANE_HEIGHT)));
  return stages[index]!;
}

/** Keeps `y` inside the lane of `stage`, for a node box of the given height. */
export function clampToLane(y: number, stage: Stage, nodeHeight = 0): number {
  const top = laneTop(stage);
  return Math.min(Math.max(y, top + 4), top + LANE_HEIGHT - Math.max(nodeHeight, 8) - 4);
}
