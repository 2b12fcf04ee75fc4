import { defineAction, delivery } from './defineOperation';

/** Reports a goal reached: the world counts the conversion. */
export const reachGoal = defineAction<{ node: string; goal: string }, { node: number }>({
  type: 'reachGoal',
  role: 'effect',
  run: (context, p) => context.env.emit({ type: 'goal', ...p }),
  decode: (p, plan) => ({ node: plan.node(p.node) }),
  execute: (user, r) => user.world.goal(r.node),
  delivers: delivery('goal', (effect, world, model) => world.goal(model.nodeIndex.get(effect.node)!)),
});
