import { evaluateCondition, type Condition } from '../../journey/condition';
import type { KernelTest } from '../../journey/conditions/defineLeaf';
import { compileCondition, factsOf } from './condition';
import { defineGuardOperation } from './defineOperation';

/** A way into the journey: open until `notAfter` (a scheduled entry fires once), for users its filter lets in. */
export const mayEnter = defineGuardOperation<{ condition: Condition | null; notAfter: number | null }, { notAfter: number; test: KernelTest | null }>({
  type: 'mayEnter',
  run: (context, p) => (p.notAfter === null || context.env.now() <= p.notAfter) && (p.condition === null || evaluateCondition(p.condition, factsOf(context))),
  decode: (p, plan) => ({
    notAfter: p.notAfter === null ? Infinity : Number(p.notAfter),
    test: p.condition ? compileCondition(p.condition, plan) : null,
  }),
  test: (user, r) => user.world.now <= r.notAfter && (r.test === null || r.test(user)),
});
