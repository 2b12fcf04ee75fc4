import { z } from 'zod';
import { durationSchema, describeDuration, parseDuration } from '../duration';
import { eventLabel, eventNameSchema } from '../events';
import { compare, opText, orderOps } from './compare';
import { defineConditionLeaf } from './defineLeaf';
import { leafVerdict, requirement } from './words';
import { message } from '../../i18n';

const schema = z
  .object({
    event: eventNameSchema,
    within: durationSchema.meta({ description: 'How far back to count, e.g. "P30D".' }),
    op: z.enum(orderOps),
    count: z.number().int().min(0),
  })
  .strict()
  .meta({ description: 'How many times the user did an event within a window before now.' });

export type EventCountTest = z.infer<typeof schema>;

/** How many times the user did an event within a window before now. */
export const eventCountLeaf = defineConditionLeaf({
  key: 'event',
  schema,
  evaluate: (leaf, facts) => compare(facts.eventCount(leaf.event, parseDuration(leaf.within) ?? 0), leaf.op, leaf.count),
  compile(leaf, plan) {
    const { op, count } = leaf;
    const windowMs = parseDuration(leaf.within) ?? 0;
    const code = plan.model.eventCode.get(leaf.event);
    return (user) => compare(code === undefined ? 0 : user.world.eventCount(code, windowMs), op, count);
  },
  describe: (leaf) =>
    message('core.journey.conditions.eventCount.describe', { label: eventLabel(leaf.event), op: opText[leaf.op], times: leaf.count, window: describeDuration(parseDuration(leaf.within) ?? 0) }),
  explain(leaf, facts) {
    const windowMs = parseDuration(leaf.within) ?? 0;
    const count = facts.eventCount(leaf.event, windowMs);
    const label = eventLabel(leaf.event);
    const needs = requirement(leaf.op, leaf.count);
    const window = describeDuration(windowMs);
    return leafVerdict(compare(count, leaf.op, leaf.count), message('core.journey.conditions.eventCount.verdict', { label, times: count, window, needs }));
  },
  literal: (leaf) => ({
    variable: `count:${leaf.event}:${parseDuration(leaf.within) ?? 0}`,
    kind: 'number',
    op: leaf.op,
    value: leaf.count,
    negated: false,
    optional: false,
    domain: 'count',
  }),
  counts: (leaf) => [leaf.event],
});
