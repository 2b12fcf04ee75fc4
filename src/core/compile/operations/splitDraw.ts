import { draw, hashKey, hashString } from '../../sim/math/random';
import { defineGuardOperation } from './defineOperation';

const SPLIT = hashString('split');
const INV_2_32 = 1 / 4294967296;

/**
 * A random arm: the user's draw, keyed (seed, user, node, 0, "split") as docs/simulation.md says,
 * falls in [from, to). The key has no visit, so a user keeps their arm of a split for the whole run
 * (a holdout user stays held out on every later stay). The kernel computes the same draw from hashes
 * taken once.
 */
export const splitDraw = defineGuardOperation<{ node: string; from: number; to: number }, { node: number; nodeHash: number; seed: number; from: number; to: number }>({
  type: 'splitDraw',
  run: (context, p) => {
    const u = draw(context.seed, context.user.id, p.node, 0, 'split');
    return u >= p.from && u < p.to;
  },
  decode: (p, plan) => ({ node: plan.node(p.node), nodeHash: hashString(String(p.node)), seed: plan.model.seed, from: Number(p.from), to: Number(p.to) }),
  test: (user, r) => {
    const u = hashKey(r.seed, user.user, r.nodeHash, 0, SPLIT) * INV_2_32;
    return u >= r.from && u < r.to;
  },
});
