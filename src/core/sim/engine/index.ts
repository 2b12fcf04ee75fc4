/** The public surface of this folder: code outside it imports from here (lint keeps it so). */
export { checkJourneyAgainstCohort, cohortFitProblems, journeyFitWarnings } from './cohortFit';
export { simulateUser } from './driver';
export { LAUNCH } from './model';
export type { Model } from './model';
export { buildReport, REPORT_VERSION } from './report';
export type { ArmReport, ControlGroupReport, Estimate, HoldoutLift, Incremental, NodeIncrement, SegmentReport, SimulationReport } from './report';
export { errorDetail, runFailureProblems, simulationFailed } from './runFailure';
export { createDriver, engines, runRange } from './runRange';
export type { EngineName } from './runRange';
export { MAX_REPLICATIONS, MAX_USERS, SimulationError, asSimulationError, checkSimulation, modelFor, problemsOfFailure, runTask, simulateChecked, simulationProblems, splitUsers } from './simulate';
export { addCounters } from './counters';
export type { CheckedSimulation, RangeRunner, RangeTask } from './simulate';
export { SteppingClock } from './steppingClock';
export type { TraceEntry } from './trace';
export { UserWorld } from './world';
export { populationProblems, type SimulationPopulation } from './population';
