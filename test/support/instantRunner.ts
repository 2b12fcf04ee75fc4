// A simulation runner for component tests: runs each request at once, in this thread, through the
// worker's own job, and hands its messages over as the worker runner would.
import { runSimulationJob } from '../../src/app/simulate/simulationJob';
import { deliverSimulation, type SimulationRunner } from '../../src/app/simulate/protocol';

export const instantRunner: SimulationRunner = (request, callbacks) => {
  runSimulationJob(request, (message) => deliverSimulation(message, callbacks));
  return { cancel: () => {} };
};
