import type { EffectImplementation, GuardImplementation, Implementations, UpdateImplementation } from './runtime';
import { operations } from './operations';

/** The operations' XState implementations (operations/index.ts), as the reference engine loads them. */
export const operationImplementations: Required<Implementations> = { effects: {}, updates: {}, guards: {} };
for (const operation of operations) {
  if (operation.role === 'guard') operationImplementations.guards[operation.type] = operation.run as GuardImplementation;
  else if (operation.role === 'update') operationImplementations.updates[operation.type] = operation.run as UpdateImplementation;
  else operationImplementations.effects[operation.type] = operation.run as EffectImplementation;
}
