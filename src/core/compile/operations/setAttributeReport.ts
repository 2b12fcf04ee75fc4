import type { Scalar } from '../../journey/conditions/compare';
import { defineAction, delivery } from './defineOperation';

/** Reports an attribute set (setAttribute changes it; this tells the trace). */
export const setAttributeReport = defineAction<{ node: string; attribute: string; value: Scalar }, { node: number; attribute: string; value: Scalar }>({
  type: 'setAttributeReport',
  role: 'effect',
  run: (context, p) => context.env.emit({ type: 'attribute', ...p }),
  decode: (p, plan) => ({ node: plan.node(p.node), attribute: String(p.attribute), value: p.value }),
  execute: (user, r) => user.world.changeTag(r.node, r.attribute, null, r.value),
  delivers: delivery('attribute', (effect, world, model) => world.changeTag(model.nodeIndex.get(effect.node)!, effect.attribute, null, effect.value)),
});
