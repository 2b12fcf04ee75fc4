import { evaluateCondition, type Condition, type ConditionFacts } from '../../journey/condition';
import { leafOf } from '../../journey/conditions';
import type { KernelTest } from '../../journey/conditions/defineLeaf';
import type { JourneyContext } from '../runtime';
import { defineGuardOperation, type PlanContext } from './defineOperation';

/** The facts a condition sees for the user in this machine right now. */
export function factsOf(context: JourneyContext): ConditionFacts {
  return {
    attributes: context.attributes,
    tags: new Set(context.tags),
    segment: context.user.segment,
    rfm: context.user.rfm,
    eventCount: (event, windowMs) => context.env.eventCount(event, windowMs),
  };
}

/**
 * A condition compiled once per plan into a test of the kernel's current user, with the same rules as
 * evaluateCondition: all / any / not here, each leaf by its own `compile` (journey/conditions/).
 */
export function compileCondition(condition: Condition, plan: PlanContext): KernelTest {
  if ('all' in condition || 'any' in condition) {
    const every = 'all' in condition;
    const parts = (every ? condition.all : condition.any).map((part) => compileCondition(part, plan));
    // Loops, not every/some: no callback is allocated per test.
    return every
      ? (user) => {
          for (let index = 0; index < parts.length; index++) if (!parts[index]!(user)) return false;
          return true;
        }
      : (user) => {
          for (let index = 0; index < parts.length; index++) if (parts[index]!(user)) return true;
          return false;
        };
  }
  if ('not' in condition) {
    const part = compileCondition(condition.not, plan);
    return (user) => !part(user);
  }
  return leafOf(condition).compile(condition, plan);
}

/** A transition taken only when a condition holds (branch cases, wait-for-event filters). */
export const conditionGuard = defineGuardOperation<{ condition: Condition }, { test: KernelTest }>({
  type: 'condition',
  run: (context, p) => evaluateCondition(p.condition, factsOf(context)),
  decode: (p, plan) => ({ test: compileCondition(p.condition, plan) }),
  test: (user, r) => r.test(user),
});
