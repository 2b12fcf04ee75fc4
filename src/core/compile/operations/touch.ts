import { channels, type Channel } from '../../journey/channels';
import { defineAction, delivery } from './defineOperation';

/** A touch on a channel at its cost; the world decides whether it reaches, opens and clicks. */
export const touch = defineAction<{ node: string; channel: Channel; cost: number }, { node: number; channel: number }>({
  type: 'touch',
  role: 'effect',
  run: (context, p) => context.env.emit({ type: 'touch', node: p.node, channel: p.channel, cost: p.cost }),
  decode: (p, plan) => ({ node: plan.node(p.node), channel: channels.indexOf(p.channel) }),
  execute: (user, r) => user.world.touch(r.node, r.channel),
  delivers: delivery('touch', (effect, world, model) => world.touch(model.nodeIndex.get(effect.node)!, channels.indexOf(effect.channel))),
});
