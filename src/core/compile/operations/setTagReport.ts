import { defineAction, delivery } from './defineOperation';

/** Reports a tag added or removed (setTag changes it; this tells the trace). */
export const setTagReport = defineAction<{ node: string; tag: string; present: boolean }, { node: number; tag: string; present: boolean }>({
  type: 'setTagReport',
  role: 'effect',
  run: (context, p) => context.env.emit({ type: 'tag', ...p }),
  decode: (p, plan) => ({ node: plan.node(p.node), tag: String(p.tag), present: p.present === true }),
  execute: (user, r) => user.world.changeTag(r.node, r.tag, r.present, null),
  delivers: delivery('tag', (effect, world, model) => world.changeTag(model.nodeIndex.get(effect.node)!, effect.tag, effect.present, null)),
});
