// worker_threads load plain JavaScript; this registers tsx in the worker, as bin/journey-lab.mjs does
// in the main thread, and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./simulationWorker.ts');
