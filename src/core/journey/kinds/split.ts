import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
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
  icon: '🔀',
  name: localized('A/B split', 'A/B 分流'),
  description: localized(
    'Divides users at random by weight into variants, to test which works better. Mark one variant as the holdout (control group): it receives nothing, so the lift of the others over it is the journey’s true effect.',
    '按权重把用户随机分成几组，检验哪种做法更好。可把其中一组设为对照组：不做任何触达，其他组相对对照组的提升才是旅程的真实效果。',
  ),
  params,
  fields: [
    {
      key: 'variants',
      label: localized('Variants', '分流方案'),
      help: localized(
        'Each user is assigned once, at random, by weight; the weights add up to 100 %. Mark one variant as the holdout to measure the journey’s true lift.',
        '每个用户按权重随机分到一组，且只分一次；权重之和为 100%。把其中一组设为对照组，才能衡量旅程的真实提升。',
      ),
      control: 'list',
      item: {
        name: localized('Variant {n}', '方案 {n}'),
        add: localized('Add variant', '添加方案'),
        remove: localized('Remove variant {n}', '删除方案 {n}'),
        create: (items) => ({ label: String.fromCharCode(65 + Math.min(items.length, 25)), weight: 0, holdout: false }),
        minItems: 1,
      },
      sum: { key: 'weight', label: localized('Total weight', '权重合计'), target: 100 },
      fields: [
        {
          key: 'label',
          label: localized('Name', '名称'),
          help: localized('Shown on the variant’s port, e.g. “A: SMS” or “Control”.', '显示在该组的端口上，例如“A：短信”或“对照”。'),
          control: 'text',
          maxLength: 100,
        },
        {
          key: 'weight',
          label: localized('Weight', '权重'),
          help: localized(
            'Share of users sent this way, in percent. Equal weights compare most fairly; a holdout of 5–10 % costs little reach.',
            '走这一组的用户比例（百分比）。权重相等时比较最公平；对照组通常取 5–10%，损失的触达很少。',
          ),
          unit: localized('%', '%'),
          control: 'number',
          min: 0,
          max: 100,
        },
        {
          key: 'holdout',
          label: localized('Holdout (control group)', '对照组'),
          help: localized(
            'Receives nothing from the journey, so the difference between the other variants and it is the journey’s true effect (incremental lift). Send it straight to a goal or an exit.',
            '不接受旅程中的任何触达，其他组与它的差异才是旅程的真实效果（增量提升）。请把它直接连到转化目标或退出。',
          ),
          control: 'boolean',
        },
      ],
    },
  ],
  ports: (p) =>
    p.variants.map((variant, index) => ({
      id: variantPort(index),
      label: variant.holdout
        ? localized(`${variant.label || index + 1} (holdout) ${variant.weight}%`, `${variant.label || index + 1}（对照组）${variant.weight}%`)
        : localized(`${variant.label || index + 1} ${variant.weight}%`, `${variant.label || index + 1} ${variant.weight}%`),
    })),
  remapPorts: (before, after) => remapItemPorts(before.variants, after.variants, variantPort),
  summary: (p, lang) =>
    p.variants
      .map((variant, index) => `${variant.label || index + 1}${variant.holdout ? (lang === 'en' ? ' (holdout)' : '（对照）') : ''} ${variant.weight}%`)
      .join(' / '),
  problems: {
    'split-weights': {
      severity: 'error',
      title: localized('Split weights do not add up to 100 %', '分流权重之和不等于 100%'),
      fix: localized('Adjust the variants’ weights so they add up to exactly 100.', '调整各组权重，使其总和正好为 100。'),
    },
    'split-too-few-variants': {
      severity: 'warning',
      title: localized('Split with fewer than two variants', '分流少于两组'),
      fix: localized('A split needs at least two variants to compare; add one or remove the split.', '分流至少需要两组才能比较；请添加一组或删除分流。'),
    },
    'holdout-receives-treatment': {
      severity: 'warning',
      title: localized('Holdout receives messages or offers', '对照组收到了消息或优惠'),
      fix: localized(
        'A holdout must get nothing from the journey, or the lift against it is not the journey’s effect. Send the holdout straight to a goal or an exit.',
        '对照组不应收到旅程中的任何触达，否则相对它计算的提升不是旅程的真实效果。请让对照组直接进入转化目标或退出。',
      ),
    },
    'split-several-holdouts': {
      severity: 'warning',
      title: localized('More than one holdout', '对照组不止一个'),
      fix: localized('Keep one holdout so lift is measured against a single control group.', '只保留一个对照组，以便相对同一对照组计算提升。'),
    },
  },
  validate(node, context) {
    const { variants } = node.params;
    const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
    if (variants.length > 0 && Math.abs(total - 100) > WEIGHT_TOLERANCE)
      context.report(
        'split-weights',
        localized(`Weights of "${node.label || node.id}" add up to ${total} %, not 100 %.`, `「${node.label || node.id}」的权重之和为 ${total}%，而不是 100%。`),
        ['variants'],
      );
    if (variants.length < 2)
      context.report(
        'split-too-few-variants',
        localized(`"${node.label || node.id}" has ${variants.length} variant(s).`, `「${node.label || node.id}」只有 ${variants.length} 组。`),
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
          localized(
            `Holdout "${variant.label || index + 1}" of "${node.label || node.id}" leads to ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
            `「${node.label || node.id}」的对照组「${variant.label || index + 1}」会经过 ${shown.join('、')}${more > 0 ? ` 等另外 ${more} 个节点` : ''}。`,
          ),
          ['variants', index],
        );
    });
    if (variants.filter((variant) => variant.holdout).length > 1)
      context.report(
        'split-several-holdouts',
        localized(`"${node.label || node.id}" marks several variants as holdout.`, `「${node.label || node.id}」设置了多个对照组。`),
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

function splitStep(node: JourneyNode, port: string, { visit, user, label, seed }: StoryPortContext): StoryLine | null {
  const variants = paramsOf({ params }, node)?.variants;
  if (!variants) return null;
  const index = Number(port.replace('variant-', '')) - 1;
  const variant = variants[index];
  if (!variant) return null;
  const name = variant?.label ? quoted(variant.label) : localized(`variant ${index + 1}`, `第 ${index + 1} 组`);
  const total = variants.reduce((sum, item) => sum + item.weight, 0) || 1;
  const from = variants.slice(0, index).reduce((sum, item) => sum + item.weight, 0) / total;
  const to = from + (variant?.weight ?? 0) / total;
  // The engines' own key: (seed, user, split id, visit, "split").
  const u = draw(seed, user, node.id, visit, 'split');
  const range = `${formatNumber(from)}–${formatNumber(to)}`;
  const share = `${formatNumber((variant?.weight ?? 0) * (100 / total))} %`;
  const holdout = variant?.holdout
    ? localized(' It is the holdout: the journey does nothing more for them, so they show what users do on their own.', '这是对照组：旅程不再对其做任何触达，用来衡量用户自然会怎么做。')
    : localized('', '');
  return {
    kind: 'split',
    text: localized(`At ${label.en} they were assigned to ${name.en}.`, `在${label['zh-CN']}被分到${name['zh-CN']}。`),
    why: localized(
      `The split’s random draw for them came up ${u.toFixed(3)}; ${name.en} takes draws from ${range} (${share} of users).${holdout.en}`,
      `该用户在此分流的随机数为 ${u.toFixed(3)}，落在${name['zh-CN']}的区间 ${range}（占用户的 ${share}）内。${holdout['zh-CN']}`,
    ),
  };
}
