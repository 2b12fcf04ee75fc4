/** The public surface of this folder: code outside it imports from here (lint keeps it so). */
export { flowOf } from './flow';
export type { EdgeFlow, JourneyFlow } from './flow';
export { MAX_COMPARED, MIN_COMPARED, compareScenarios } from './scenarios';
export type { AssumptionRow, AssumptionValue, RateComparison, ScenarioKpi, ScenarioKpiRow } from './scenarios';
export { assumptionsFor, figures } from './sensitivity';
export type { Assumption, FigureName } from './sensitivity';
export { MAX_GOALS, compareArms, evaluateGoal, goalMetrics, goalSchema, metricsByDay } from './verdicts';
export type { ArmComparison, GoalEvaluation, GoalMetric, GoalSpec } from './verdicts';
