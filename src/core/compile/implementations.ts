import { evaluateCondition, type Condition, type ConditionFacts } from '../journey/condition';
import { defineEffect, defineGuard, defineUpdate, type Implementations, type JourneyContext } from './runtime';

/** The facts a condition sees for the user in this machine right now. */
export function factsOf(context: JourneyContext): ConditionFacts {
  return {
    attributes: context.attributes,
    tags: new Set(context.tags),
    segment: context.user.segment,
    rfm: context.user.rfm,
    eventCount: (event, windowMs) => context.env.eventCount(event, windowMs),
  };
}

/** Actions and guards that every compiled journey uses, whatever its kinds. */
export const commonImplementations: Implementations = {
  updates: {
    countVisit: defineUpdate<{ node: string }>((context, p) => ({ visits: { ...context.visits, [p.node]: (context.visits[p.node] ?? 0) + 1 } })),
  },
  effects: {
    reportVisit: defineEffect<{ node: string }>((context, p) => context.env.emit({ type: 'visit', node: p.node, visit: context.visits[p.node] ?? 0 })),
    port: defineEffect<{ node: string; port: string }>((context, p) => context.env.emit({ type: 'port', node: p.node, port: p.port })),
    leave: defineEffect<{ node: string | null; reason: string }>((context, p) => context.env.emit({ type: 'exit', node: p.node, reason: p.reason })),
  },
  guards: {
    condition: defineGuard<{ condition: Condition }>((context, p) => evaluateCondition(p.condition, factsOf(context))),
  },
};
