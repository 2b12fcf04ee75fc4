import { defineAction } from './defineOperation';

/** Counts an entry into a node: the visit number is part of every random draw's key there. */
export const countVisit = defineAction<{ node: string }, { node: number }>({
  type: 'countVisit',
  role: 'update',
  run: (context, p) => ({ visits: { ...context.visits, [p.node]: (context.visits[p.node] ?? 0) + 1 } }),
  decode: (p, plan) => ({ node: plan.node(p.node) }),
  execute: (user, r) => {
    user.countVisit(r.node);
  },
});
