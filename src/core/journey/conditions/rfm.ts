import { z } from 'zod';
import { message, verbatim } from '../../i18n';
import { compare, opText, orderOps } from './compare';
import { defineConditionLeaf, rfmDimensions } from './defineLeaf';
import { leafVerdict, requirement } from './words';

const schema = z
  .object({ rfm: z.enum(rfmDimensions), op: z.enum(orderOps), score: z.number().int().min(1).max(5) })
  .strict()
  .meta({ description: 'RFM score on a 1–5 scale (5 = most recent / most frequent / highest spend).' });

export type RfmTest = z.infer<typeof schema>;

/** The generator's index of each dimension. */
const DIMENSION = { recency: 0, frequency: 1, monetary: 2 } as const;
const shortNames = { recency: 'R', frequency: 'F', monetary: 'M' } as const;
const names = { recency: message('core.journey.conditions.rfm.recencyR'), frequency: message('core.journey.conditions.rfm.frequencyF'), monetary: message('core.journey.conditions.rfm.spendM') };

/** An RFM score (1–5) compared with a number. */
export const rfmLeaf = defineConditionLeaf({
  key: 'rfm',
  schema,
  evaluate: (leaf, facts) => compare(facts.rfm[leaf.rfm], leaf.op, leaf.score),
  compile({ rfm, op, score }, plan) {
    const generator = plan.model.generator;
    const dimension = DIMENSION[rfm];
    return (user) => compare(generator.rfmOf(user.user, user.segment, dimension), op, score);
  },
  describe: (leaf) => verbatim(`${shortNames[leaf.rfm]} ${opText[leaf.op]} ${leaf.score}`),
  explain(leaf, facts) {
    const score = facts.rfm[leaf.rfm];
    const name = names[leaf.rfm];
    const needs = requirement(leaf.op, leaf.score);
    return leafVerdict(compare(score, leaf.op, leaf.score), message('core.journey.conditions.rfm.verdict', { name, score, needs }));
  },
  literal: (leaf) => ({ variable: `rfm:${leaf.rfm}`, kind: 'number', op: leaf.op, value: leaf.score, negated: false, optional: false, domain: 'rfm' }),
});
