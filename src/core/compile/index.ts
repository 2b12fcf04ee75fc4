/** The public surface of this folder: code outside it imports from here (lint keeps it so). */
export type { JourneyEnvironment } from './runtime';
export { compileJourneyInput, machineFromConfig } from './toMachine';
