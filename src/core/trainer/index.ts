/** The public surface of this folder: code outside it imports from here (lint keeps it so). */
export { attributeName, formatValue } from './explain';
export { DEFAULT_METRIC, metricFormula, metricIds } from './formulas';
export type { MetricId } from './formulas';
export { AT_NODE, MOVING, buildTimeline, createPlayback } from './playback';
export type { PlaybackFrame, PlaybackTimeline } from './playback';
export { profileOf } from './profile';
export type { UserProfile } from './profile';
export { findUser, recordSample } from './sample';
export type { UserKind } from './sample';
export { storyOf } from './story';
export type { StoryStep } from './story';
