import { defineAction, delivery } from './defineOperation';

type Offer = { node: string; value: number; minSpend: number; validityMs: number; announcement: number; checkoutChance: number };

/**
 * Gives the user an offer: it lifts purchases while valid once the user knows it (its announcement
 * code: announcementCode in journey/announcements.ts) and costs its value when redeemed.
 */
export const grantOffer = defineAction<Offer, { node: number; value: number; minSpend: number; validityMs: number; announcement: number; checkoutChance: number }>({
  type: 'grantOffer',
  role: 'effect',
  run: (context, p) => context.env.emit({ type: 'offer', ...p }),
  decode: (p, plan) => ({
    node: plan.node(p.node),
    value: Number(p.value),
    minSpend: Number(p.minSpend),
    validityMs: Number(p.validityMs),
    announcement: Number(p.announcement),
    checkoutChance: Number(p.checkoutChance),
  }),
  execute: (user, r) => user.world.offer(r.node, r.value, r.minSpend, r.validityMs, r.announcement, r.checkoutChance),
  delivers: delivery('offer', (effect, world, model) =>
    world.offer(model.nodeIndex.get(effect.node)!, effect.value, effect.minSpend, effect.validityMs, effect.announcement, effect.checkoutChance),
  ),
});
