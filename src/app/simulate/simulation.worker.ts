// The simulation's own thread: receives one request, runs it (see simulationJob.ts) and posts progress
// and the result. The editor terminates it to cancel and starts a fresh one for the next run.
import '../zodJitless'; // first: no `new Function` in zod (see zodJitless.ts)
import { runSimulationJob } from './simulationJob';
import type { SimulationMessage, SimulationRequest } from './protocol';

const post = (message: SimulationMessage, transfer: Transferable[] = []) => self.postMessage(message, { transfer });

self.onmessage = (event: MessageEvent<SimulationRequest>) => runSimulationJob(event.data, post);
