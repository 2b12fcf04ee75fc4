import { defineGuardOperation } from './defineOperation';

/** Exit on goal: the goal has not been reached in this stay yet. */
export const goalOpen = defineGuardOperation<{ node: string }, { node: number }>({
  type: 'goalOpen',
  run: (context, p) => !context.goalsReached.includes(p.node),
  decode: (p, plan) => ({ node: plan.node(p.node) }),
  test: (user, r) => !user.goalsReached[r.node],
});
