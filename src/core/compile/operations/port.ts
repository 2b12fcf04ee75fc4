import { defineAction, delivery } from './defineOperation';

/** Reports the output port a user leaves a node through, so traces and reports count ports. */
export const port = defineAction<{ node: string; port: string }, { node: number; port: number }>({
  type: 'port',
  role: 'effect',
  run: (context, p) => context.env.emit({ type: 'port', node: p.node, port: p.port }),
  decode: (p, plan) => {
    const node = plan.node(p.node);
    return { node, port: plan.model.nodes[node]!.ports.indexOf(String(p.port)) };
  },
  execute: (user, r) => user.world.port(r.node, r.port),
  delivers: delivery('port', (effect, world, model) => {
      const node = model.nodeIndex.get(effect.node)!;
      world.port(node, model.nodes[node]!.ports.indexOf(effect.port));
    },),
});
