import { z } from 'zod';
import { MAX_LABEL_CHARS } from '../limits';
import { defineConditionLeaf } from './defineLeaf';
import { leafVerdict } from './words';

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
  describe: (leaf, lang) => (lang === 'en' ? `${leaf.present ? 'has' : 'lacks'} tag "${leaf.tag}"` : `${leaf.present ? '有' : '无'}标签「${leaf.tag}」`),
  explain(leaf, facts) {
    const has = facts.tags.has(leaf.tag);
    return leafVerdict(
      has === leaf.present,
      `${has ? 'has' : 'does not have'} the tag “${leaf.tag}” (needs ${leaf.present ? 'it' : 'it absent'})`,
      `${has ? '有' : '没有'}标签“${leaf.tag}”（要求${leaf.present ? '有' : '没有'}）`,
    );
  },
  literal: (leaf) => ({ variable: `tag:${leaf.tag}`, kind: 'discrete', op: '=', value: leaf.present, negated: false, optional: false, domain: 'tag' }),
});
