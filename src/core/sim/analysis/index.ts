/** The public surface of this folder: code outside it imports from here (lint keeps it so). */
export { flowOf } from './flow';
export type { EdgeFlow, JourneyFlow } from './flow';
export { MAX_COMPARED, MIN_COMPARED, compareScenarios, scenarioKpiKeys } from './scenarios';
export type { AssumptionRow, AssumptionValue, RateComparison, ScenarioKpi, ScenarioKpiKey, ScenarioKpiRow, ScenarioKpiUnit } from './scenarios';
export { DEFAULT_FIGURE, assumptionsFor, figureUnits, figures } from './sensitivity';
export type { Assumption, FigureName, FigureUnit } from './sensitivity';
export { MAX_GOALS, compareArms, evaluateGoal, goalMetrics, goalSchema, goalUnits, isStaleReport, metricsByDay } from './verdicts';
export type { ArmComparison, GoalEvaluation, GoalMetric, GoalSpec, GoalUnit } from './verdicts';
