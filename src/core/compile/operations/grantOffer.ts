import { defineAction, delivery } from './defineOperation';

type Offer = { node: string; value: number; minSpend: number; validityMs: number };

/** Gives the user an offer: it lifts purchases while valid and costs its value when redeemed. */
export const grantOffer = defineAction<Offer, { node: number; value: number; minSpend: number; validityMs: number }>({
  type: 'grantOffer',
  role: 'effect',
  run: (context, p) => context.env.emit({ type: 'offer', ...p }),
  decode: (p, plan) => ({ node: plan.node(p.node), value: Number(p.value), minSpend: Number(p.minSpend), validityMs: Number(p.validityMs) }),
  execute: (user, r) => user.world.offer(r.node, r.value, r.minSpend, r.validityMs),
  delivers: delivery('offer', (effect, world, model) => world.offer(model.nodeIndex.get(effect.node)!, effect.value, effect.minSpend, effect.validityMs)),
});
