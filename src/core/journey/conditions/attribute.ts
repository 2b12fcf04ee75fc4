import { z } from 'zod';
import { zodMessage } from '../zodMessages';
import { MAX_LABEL_CHARS } from '../limits';
import { compare, comparisonOps, opText, scalarSchema } from './compare';
import { defineConditionLeaf } from './defineLeaf';
import { attributeName, formatValue, leafVerdict, requirement } from './words';
import { message, verbatim } from '../../i18n';

const schema = z
  .object({
    attribute: z.string().min(1).max(MAX_LABEL_CHARS).meta({ description: 'Profile attribute, e.g. "region", "age", "member_tier".' }),
    op: z.enum(comparisonOps),
    value: z.union([scalarSchema, z.array(scalarSchema)]),
  })
  .strict()
  .refine((test) => (test.op === 'in') === Array.isArray(test.value), {
    message: zodMessage(message('core.journey.conditions.attribute.useAListOfValues')),
    path: ['value'],
  });

export type AttributeTest = z.infer<typeof schema>;

/** A profile attribute compared with a value (or a list, with "in"); the journey's tag steps can set it. */
export const attributeLeaf = defineConditionLeaf({
  key: 'attribute',
  schema,
  evaluate: (leaf, facts) => compare(facts.attributes[leaf.attribute], leaf.op, leaf.value),
  compile({ attribute, op, value }, plan) {
    const generator = plan.model.generator;
    return (user) => {
      const own = user.attributes.has(attribute) ? user.attributes.get(attribute) : generator.attributeOf(user.user, user.segment, attribute);
      return compare(own, op, value);
    };
  },
  describe(leaf) {
    const value = Array.isArray(leaf.value) ? `{${leaf.value.join(', ')}}` : String(leaf.value);
    return verbatim(`${leaf.attribute} ${opText[leaf.op]} ${value}`);
  },
  explain(leaf, facts, cohort) {
    const own = facts.attributes[leaf.attribute];
    const name = attributeName(cohort, leaf.attribute);
    const shown = formatValue(own);
    const needs = requirement(leaf.op, leaf.value);
    return leafVerdict(compare(own, leaf.op, leaf.value), message('core.journey.conditions.attribute.verdict', { name, shown, needs }));
  },
  literal(leaf) {
    const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
    const numeric = values.every((value) => typeof value === 'number');
    const ordered = !['=', '!=', 'in'].includes(leaf.op);
    const kind = numeric ? 'number' : ordered || values.some((value) => typeof value === 'number') ? 'opaque' : 'discrete';
    return { variable: `attribute:${leaf.attribute}`, kind, op: leaf.op, value: leaf.value, negated: false, optional: true };
  },
});
