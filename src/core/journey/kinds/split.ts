import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message, joinedMessages } from '../../i18n';
import { splitDraw } from '../../compile/operations';
import { draw } from '../../sim/math/random';
import { formatNumber } from '../../trainer/explain';
import { paramsOf, plainPortStep, quoted, type StoryLine, type StoryPortContext } from '../../trainer/storyLine';
import type { JourneyNode } from '../schema';
import { remapItemPorts } from './itemPorts';
import { MAX_PORT_ITEMS } from '../limits';

const variantSchema = z.strictObject({
  label: z.string().max(100).default(''),
  weight: z.number().min(0).max(100).meta({ description: 'Share of users, in percent; all weights add up to 100.' }),
  holdout: z.boolean().default(false).meta({ description: 'A holdout (control group) gets nothing, to measure the lift of the others.' }),
});

const params = z.strictObject({
  variants: z
    .array(variantSchema)
    .min(1)
    .max(MAX_PORT_ITEMS)
    .default([
      { label: 'A', weight: 50, holdout: false },
      { label: 'B', weight: 50, holdout: false },
    ])
    .meta({ description: 'Random A/B/n split. Each user is assigned once, at random, by weight.' }),
});

const variantPort = (index: number) => `variant-${index + 1}`;
const WEIGHT_TOLERANCE = 1e-6;
const LISTED_TREATMENTS = 10;

export const splitKind = defineNodeKind({
  kind: 'split',
  group: 'logic',
  icon: 'split',
  name: message('core.journey.kinds.split.aBSplit'),
  description: message('core.journey.kinds.split.dividesUsersAtRandomBy'),
  params,
  fields: [
    {
      key: 'variants',
      label: message('core.journey.kinds.split.variants'),
      help: message('core.journey.kinds.split.eachUserIsAssignedOnce'),
      control: 'list',
      item: {
        name: message('core.journey.kinds.split.variant'),
        add: message('core.journey.kinds.split.addVariant'),
        remove: message('core.journey.kinds.split.removeVariant'),
        create: (items) => ({ label: String.fromCharCode(65 + Math.min(items.length, 25)), weight: 0, holdout: false }),
        minItems: 1,
      },
      sum: { key: 'weight', label: message('core.journey.kinds.split.totalWeight'), target: 100 },
      fields: [
        {
          key: 'label',
          label: message('core.journey.kinds.split.name'),
          help: message('core.journey.kinds.split.shownOnTheVariantS'),
          control: 'text',
          maxLength: 100,
        },
        {
          key: 'weight',
          label: message('core.journey.kinds.split.weight'),
          help: message('core.journey.kinds.split.shareOfUsersSentThis'),
          unit: message('core.journey.kinds.split.text'),
          control: 'number',
          min: 0,
          max: 100,
        },
        {
          key: 'holdout',
          label: message('core.journey.kinds.split.holdoutControlGroup'),
          help: message('core.journey.kinds.split.receivesNothingFromTheJourney'),
          control: 'boolean',
        },
      ],
    },
  ],
  ports: (p) =>
    p.variants.map((variant, index) => ({
      id: variantPort(index),
      label: variant.holdout
        ? message('core.journey.kinds.split.holdout', { v: variant.label || index + 1, weight: variant.weight })
        : message('core.journey.kinds.split.text2', { v: variant.label || index + 1, weight: variant.weight }),
    })),
  remapPorts: (before, after) => remapItemPorts(before.variants, after.variants, variantPort),
  summary: (p) =>
    joinedMessages(
      p.variants.map((variant, index) =>
        message('core.journey.kinds.split.variantSummary', { name: variant.label || index + 1, holdout: String(Boolean(variant.holdout)), weight: variant.weight }),
      ),
      'slashes',
    ),
  problems: {
    'split-weights': {
      severity: 'error',
      title: message('core.journey.kinds.split.splitWeightsDoNotAdd'),
      fix: message('core.journey.kinds.split.adjustTheVariantsWeightsSo'),
    },
    'split-too-few-variants': {
      severity: 'warning',
      title: message('core.journey.kinds.split.splitWithFewerThanTwo'),
      fix: message('core.journey.kinds.split.aSplitNeedsAtLeast'),
    },
    'holdout-receives-treatment': {
      severity: 'warning',
      title: message('core.journey.kinds.split.holdoutReceivesMessagesOrOffers'),
      fix: message('core.journey.kinds.split.aHoldoutMustGetNothing'),
    },
    'split-several-holdouts': {
      severity: 'warning',
      title: message('core.journey.kinds.split.moreThanOneHoldout'),
      fix: message('core.journey.kinds.split.keepOneHoldoutSoLift'),
    },
  },
  validate(node, context) {
    const { variants } = node.params;
    const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
    if (variants.length > 0 && Math.abs(total - 100) > WEIGHT_TOLERANCE)
      context.report(
        'split-weights',
        message('core.journey.kinds.split.weightsOfAddUpTo', { v: node.label || node.id, total }),
        ['variants'],
      );
    if (variants.length < 2)
      context.report(
        'split-too-few-variants',
        message('core.journey.kinds.split.hasVariantS', { v: node.label || node.id, variantsCount: variants.length }),
        ['variants'],
      );
    variants.forEach((variant, index) => {
      const treated = variant.holdout ? context.downstream(variantPort(index)).filter((other) => other.treatment) : [];
      // Name a few: a journey may have thousands of steps after a holdout.
      const shown = treated.slice(0, LISTED_TREATMENTS).map((other) => other.label);
      const more = treated.length - shown.length;
      if (treated.length > 0)
        context.report(
          'holdout-receives-treatment',
          message('core.journey.kinds.split.holdoutOfLeadsToChoice', { v: variant.label || index + 1, v2: node.label || node.id, v3: joinedMessages(shown, 'list'), choice: String(more > 0), more: (more > 0) ? more : '' }),
          ['variants', index],
        );
    });
    if (variants.filter((variant) => variant.holdout).length > 1)
      context.report(
        'split-several-holdouts',
        message('core.journey.kinds.split.marksSeveralVariantsAsHoldout', { v: node.label || node.id }),
        ['variants'],
      );
  },
  compile(node, context) {
    const total = node.params.variants.reduce((sum, variant) => sum + variant.weight, 0) || 1;
    let from = 0;
    const always = node.params.variants.map((variant, index) => {
      const to = from + variant.weight / total;
      const transition = { ...context.go(variantPort(index)), guard: splitDraw.ref({ node: node.id, from, to }) };
      from = to;
      return transition;
    });
    // The last variant also takes a draw that rounding left a hair above its bound.
    always.pop();
    return { entry: context.enter, always: [...always, context.go(variantPort(node.params.variants.length - 1))] };
  },
  arms: (p) => p.variants.map((variant) => ({ label: variant.label, holdout: variant.holdout })),
  // The arm a user was assigned tells the story, with the draw that chose it.
  story: {
    enter: () => null,
    port: (node, port, context) => splitStep(node, port, context) ?? plainPortStep('split', port, context.label),
  },
});

function splitStep(node: JourneyNode, port: string, { user, label, seed }: StoryPortContext): StoryLine | null {
  const variants = paramsOf({ params }, node)?.variants;
  if (!variants) return null;
  const index = Number(port.replace('variant-', '')) - 1;
  const variant = variants[index];
  if (!variant) return null;
  const name = variant?.label ? quoted(variant.label) : message('core.journey.kinds.split.variant2', { v: index + 1 });
  const total = variants.reduce((sum, item) => sum + item.weight, 0) || 1;
  const from = variants.slice(0, index).reduce((sum, item) => sum + item.weight, 0) / total;
  const to = from + (variant?.weight ?? 0) / total;
  // The engines' own key: (seed, user, split id, 0, "split"), the same on every stay (a user keeps their arm).
  const u = draw(seed, user, node.id, 0, 'split');
  const range = `${formatNumber(from)}–${formatNumber(to)}`;
  const share = `${formatNumber((variant?.weight ?? 0) * (100 / total))} %`;
  const holdout = variant?.holdout
    ? message('core.journey.kinds.split.itIsTheHoldoutThe')
    : message('core.journey.kinds.split.text3');
  return {
    kind: 'split',
    text: message('core.journey.kinds.split.atTheyWereAssignedTo', { label, name }),
    why: message('core.journey.kinds.split.theSplitSRandomDraw', { v: u.toFixed(3), name, range, share, holdout }),
  };
}
