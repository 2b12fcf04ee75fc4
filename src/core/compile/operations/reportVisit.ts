import { defineAction, delivery, type KernelUser } from './defineOperation';

/** Reports an entry into a node (with its visit number) to the world, which counts it. */
export const reportVisit = defineAction<{ node: string }, { node: number }>({
  type: 'reportVisit',
  role: 'effect',
  run: (context, p) => context.env.emit({ type: 'visit', node: p.node, visit: context.visits[p.node] ?? 0 }),
  decode: (p, plan) => ({ node: plan.node(p.node) }),
  execute: (user, r) => user.world.enter(r.node, user.visits[r.node]!),
  delivers: delivery('visit', (effect, world, model) => world.enter(model.nodeIndex.get(effect.node)!, effect.visit)),
});

/**
 * countVisit then reportVisit of the same node, the way every node's entry starts, in one kernel step
 * (the plan fuses the pair).
 */
export const countAndReportVisit = (user: KernelUser, r: { node: number }): void => user.world.enter(r.node, user.countVisit(r.node));
