import { defineAction } from './defineOperation';

/** Notes a goal reached in this stay, so exit on goal converts a user once per stay (see goalOpen). */
export const markGoal = defineAction<{ node: string }, { node: number }>({
  type: 'markGoal',
  role: 'update',
  run: (context, p) => ({ goalsReached: [...context.goalsReached, p.node] }),
  decode: (p, plan) => ({ node: plan.node(p.node) }),
  execute: (user, r) => user.markGoal(r.node),
});
