import { defineAction, delivery } from './defineOperation';

/** The user leaves the journey: through an exit node, or an unconnected port (node null). */
export const leave = defineAction<{ node: string | null; reason: string }, { node: number; reason: string }>({
  type: 'leave',
  role: 'effect',
  run: (context, p) => context.env.emit({ type: 'exit', node: p.node, reason: p.reason }),
  decode: (p, plan) => ({ node: plan.node(p.node), reason: String(p.reason ?? '') }),
  execute: (user, r) => user.world.leave(r.node, r.reason),
  delivers: delivery('exit', (effect, world, model) => world.leave(effect.node === null ? -1 : model.nodeIndex.get(effect.node)!, effect.reason)),
});
