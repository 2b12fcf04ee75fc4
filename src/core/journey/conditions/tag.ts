import { z } from 'zod';
import { MAX_LABEL_CHARS } from '../limits';
import { defineConditionLeaf } from './defineLeaf';
import { leafVerdict } from './words';
import { message } from '../../i18n';

const schema = z
  .object({ tag: z.string().min(1).max(MAX_LABEL_CHARS), present: z.boolean().default(true) })
  .strict()
  .meta({ description: 'The user has (present: true) or lacks (present: false) a tag.' });

export type TagTest = z.infer<typeof schema>;

/** The user has, or lacks, a tag: the cohort's own or one a tag step set. */
export const tagLeaf = defineConditionLeaf({
  key: 'tag',
  schema,
  evaluate: (leaf, facts) => facts.tags.has(leaf.tag) === leaf.present,
  compile({ tag, present }, plan) {
    const generator = plan.model.generator;
    return (user) => (user.tags.get(tag) ?? generator.tagOf(user.user, user.segment, tag)) === present;
  },
  describe: (leaf) => message('core.journey.conditions.tag.describe', { present: String(leaf.present), tag: leaf.tag }),
  explain(leaf, facts) {
    const has = facts.tags.has(leaf.tag);
    return leafVerdict(has === leaf.present, message('core.journey.conditions.tag.verdict', { has: String(has), tag: leaf.tag, present: String(leaf.present) }));
  },
  literal: (leaf) => ({ variable: `tag:${leaf.tag}`, kind: 'discrete', op: '=', value: leaf.present, negated: false, optional: false, domain: 'tag' }),
});
