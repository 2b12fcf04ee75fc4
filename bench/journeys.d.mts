// Types for bench/journeys.mjs, for the tests that open its journeys.
import type { JourneyDocument, Stage } from '../src/core/journey';

export declare const STAGES: readonly Stage[];
export declare const LANE_HEIGHT: number;
export declare const COLUMN_GAP: number;
export declare function laneTop(stage: Stage): number;
export declare function generateJourney(nodeCount: number, options?: { id?: string; name?: string }): JourneyDocument;
export declare const BENCH_JOURNEYS: readonly { key: string; nodes: number; title: string }[];
