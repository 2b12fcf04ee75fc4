import { z } from 'zod';
import { MAX_LABEL_CHARS } from '../limits';
import { defineConditionLeaf } from './defineLeaf';
import { leafVerdict, segmentName } from './words';
import { message } from '../../i18n';

const schema = z
  .object({ segment: z.string().min(1).max(MAX_LABEL_CHARS), member: z.boolean().default(true) })
  .strict()
  .meta({ description: 'The user belongs (member: true) or does not belong to a segment of the cohort.' });

export type SegmentTest = z.infer<typeof schema>;

/** The user belongs, or not, to a segment of the cohort. */
export const segmentLeaf = defineConditionLeaf({
  key: 'segment',
  schema,
  evaluate: (leaf, facts) => (facts.segment === leaf.segment) === leaf.member,
  compile({ segment, member }, plan) {
    const segments = plan.model.segments;
    return (user) => (segments[user.segment]!.id === segment) === member;
  },
  describe: (leaf) => message('core.journey.conditions.segment.describe', { member: String(leaf.member), segment: leaf.segment }),
  explain(leaf, facts, cohort) {
    const own = segmentName(cohort, facts.segment);
    const wanted = segmentName(cohort, leaf.segment);
    return leafVerdict((facts.segment === leaf.segment) === leaf.member, message('core.journey.conditions.segment.verdict', { own, member: String(leaf.member), wanted }));
  },
  literal: (leaf) => ({ variable: 'segment', kind: 'discrete', op: leaf.member ? '=' : '!=', value: leaf.segment, negated: false, optional: false }),
});
